"""``repos(services).conversations.get(1)``: one repository call in its own unit of work, for test set-up and
checks (use cases open their units of work themselves)."""

from __future__ import annotations

from typing import Any

DATABASE_CHORES = ("schema_version", "table_counts", "content_hash", "reset", "journal_mode")


class _OneCallRepository:
    def __init__(self, database: Any, name: str) -> None:
        self._database, self._name = database, name

    def __getattr__(self, method: str) -> Any:
        def call(*args: Any, **kwargs: Any) -> Any:
            with self._database() as uow:
                return getattr(getattr(uow, self._name), method)(*args, **kwargs)
        return call


class _Repositories:
    def __init__(self, database: Any) -> None:
        self._database = database

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        if name in DATABASE_CHORES:
            return getattr(self._database, name)
        return _OneCallRepository(self._database, name)


def repos(services_or_database: Any) -> _Repositories:
    """Repositories of a Services container (its "store" capability) or of a Database itself."""
    database = services_or_database.get("store") if hasattr(services_or_database, "get") else services_or_database
    return _Repositories(database)
