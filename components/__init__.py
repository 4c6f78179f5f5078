"""Streamlit rendering helpers: take dataclasses, return the user's choices. Never call services."""
