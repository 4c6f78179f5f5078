"""The ingestion API: a small Starlette service beside the Streamlit app (``python -m api``; docs/api.md).

It is an outer layer like ``pages/``: it reads HTTP, calls one use case of ``services`` (services/api_keys.py,
services/ingestion.py) and writes JSON; it never imports an adapter (tests/unit/test_layers.py).
"""
