"""Factories for the PostgreSQL providers; the registry imports this module lazily (only when chosen)."""

from __future__ import annotations

from typing import Any

from services.errors import ConfigError


def store(services: Any) -> Any:
    from services.adapters.postgres.uow import PostgresDatabase

    url = services.settings.database_url
    if not url:
        raise ConfigError("the postgres store needs database_url (FRONTLINE_DATABASE_URL=postgresql://user@host/db)")
    return PostgresDatabase(url)
