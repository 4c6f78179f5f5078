"""AWS adapters (boto3); imported only when the AWS backend is chosen."""
