"""Factories for the PostgreSQL providers, registered with ``@provider``; the registry imports this module on first
use, and the factory imports the adapter (and so psycopg) only when the postgres store is chosen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.errors import ConfigError
from services.registry import provider

if TYPE_CHECKING:
    from services.bootstrap import Services
    from services.ports import Database


@provider("store", "postgres", "Conversations, customers, KB, audit log and shared state (PostgreSQL)")
def store(services: Services) -> Database:
    from services.adapters.postgres.uow import PostgresDatabase

    url = services.settings.database_url
    if not url:
        raise ConfigError("the postgres store needs database_url (FRONTLINE_DATABASE_URL=postgresql://user@host/db)")
    return PostgresDatabase(url, listen=services.settings.live_notify)
