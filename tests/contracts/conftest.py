"""The backends every contract suite runs on: the fake, SQLite and PostgreSQL (a throw-away server started once
per session, tests/pg_cluster.py; skipped with the reason when its binaries are missing, except under CI=true)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from services.models import Analysis, Conversation, Customer, Escalation, Intent, Message, Sentiment, Suggestion
from tests.fake_repositories import FakeDatabase


def _sqlite(request: pytest.FixtureRequest, tmp_path: Path) -> Any:
    from services.adapters.local.sqlite_uow import SqliteDatabase
    from tests.conftest import fresh_sqlite

    return SqliteDatabase(fresh_sqlite(request, tmp_path / "contract.db"))


def _postgres(request: pytest.FixtureRequest, tmp_path: Path) -> Any:
    from services.adapters.postgres.uow import PostgresDatabase

    database = PostgresDatabase(request.getfixturevalue("postgres_url"), max_size=4)
    request.addfinalizer(database.close)
    return database


BACKENDS: dict[str, Callable[[pytest.FixtureRequest, Path], Any]] = {
    "fake": lambda request, tmp_path: FakeDatabase(), "sqlite": _sqlite, "postgres": _postgres}


@pytest.fixture(params=list(BACKENDS))
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Any:
    """A fresh, empty database of each backend (services.ports.Database)."""
    return BACKENDS[request.param](request, tmp_path)


def customer(name: str = "Ada Lovelace", tier: str = "standard") -> Customer:
    return Customer(0, name, "ada@example.com", "+44 20 7946 0000", tier, 120.0, "2024-01-01", "London")


def conversation(customer_id: int, status: str = "open", agent: str = "", at: str = "2026-11-01T09:00:00Z",
                 subject: str = "Where is my order?") -> Conversation:
    return Conversation(0, customer_id, "chat", status, subject, at, at, agent)


def message(conversation_id: int, role: str = "customer", text: str = "Where is BW-100001?",
            at: str = "2026-11-01T09:00:00Z") -> Message:
    return Message(0, conversation_id, role, "ada" if role == "customer" else "agent", text, text, at)


def analysis(intent: str = "Order Status", sentiment: str = "negative", escalate: bool = False) -> Analysis:
    return Analysis(intent=Intent(intent, 0.9), sentiment=Sentiment(sentiment, {"positive": 0.1, "negative": 0.7}),
                    emotions={"anger": 0.2}, entities=(), pii=(), masked_text="Where is BW-100001?", language="en",
                    escalation=Escalation(escalate, 0.8 if escalate else 0.1, ("angry",) if escalate else ()),
                    suggestions=(Suggestion("Let me check.", "library:1", 0.9),), kb=(), provider="local",
                    timings_ms={"total": 1.5})


def thread_with_message(database: Any, **kwargs: Any) -> tuple[Conversation, Message]:
    with database() as uow:
        who = uow.customers.add(customer())
        talk = uow.conversations.add(conversation(who.id, **kwargs))
        said = uow.conversations.append_message(message(talk.id, at=talk.created_at))
    return talk, said
