"""Adapters implementing services.ports: `local` (offline default) and `aws` (boto3)."""
