"""Frontline services: use cases, dataclasses and errors. Never imports streamlit."""
