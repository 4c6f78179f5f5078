"""Operations helpers outside the app: the nginx config for several replicas, and `make scale-demo`."""
