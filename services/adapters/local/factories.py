"""Factories for the local (offline) providers; the registry imports this module lazily."""

from __future__ import annotations

from typing import Any

from services.config import Settings


def store(settings: Settings) -> Any:
    from services.adapters.local.sqlite_store import SqliteStore

    return SqliteStore(settings.database_file)


def passwords(settings: Settings) -> Any:
    from services.adapters.local.passwords import Argon2Hasher

    return Argon2Hasher()


def embedder(settings: Settings) -> Any:
    from services.adapters.local.embedder import WordLlamaEmbedder

    return WordLlamaEmbedder()


def pii(settings: Settings) -> Any:
    from services.adapters.local.pii import RegexPiiDetector

    return RegexPiiDetector()
