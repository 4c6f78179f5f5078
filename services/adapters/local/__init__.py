"""Offline adapters: the default backend."""
