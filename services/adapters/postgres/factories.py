"""Factories for the PostgreSQL providers, registered with ``@provider``; the registry imports this module on first
use, and the factory imports the adapter (and so psycopg) only when the postgres store is chosen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.errors import ConfigError
from services.registry import provider

if TYPE_CHECKING:
    from services.bootstrap import Services
    from services.ports import Database, SearchIndex


@provider("store", "postgres", "Conversations, customers, KB, audit log and shared state (PostgreSQL)")
def store(services: Services) -> Database:
    from services.adapters.postgres.uow import PostgresDatabase

    url = services.settings.database_url
    if not url:
        raise ConfigError("the postgres store needs database_url (FRONTLINE_DATABASE_URL=postgresql://user@host/db)")
    return PostgresDatabase(url, listen=services.settings.live_notify, keys=services.keys,
                            schema_wait_s=services.settings.schema_wait_s)


@provider("search", "postgres", "Knowledge-base search in the database (tsvector + pgvector, or vectors as arrays)")
def search(services: Services) -> SearchIndex:
    from services.adapters.local.factories import search_embedder

    if services.is_overridden("store"):  # a fake store (tests) has no server to search in: the in-process index
        from services.adapters.local.kb_search import HybridSearchIndex

        return HybridSearchIndex(services.settings, search_embedder(services), mode=services.settings.kb_search_mode)
    from services.adapters.postgres.kb_search import PostgresSearchIndex

    return PostgresSearchIndex(services.settings, services.get("store"), search_embedder(services),
                               mode=services.settings.kb_search_mode)
