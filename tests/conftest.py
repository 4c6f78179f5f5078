"""Shared fixtures. Every test runs with the network blocked except loopback (tests never touch the network)."""

from __future__ import annotations

import dataclasses
import os
import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from services.bootstrap import Services, build_services
from services.config import Settings

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = PROJECT_ROOT.parent / "shared" / "data"
_real_connect = socket.socket.connect


def _guarded_connect(self: socket.socket, address: object) -> None:
    host = address[0] if isinstance(address, tuple) else address
    if self.family == socket.AF_UNIX or str(host) in ("127.0.0.1", "::1", "localhost") or str(host).startswith("127."):
        return _real_connect(self, address)
    raise OSError(f"network access blocked in tests: {address!r}")


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)
    for key in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"):
        monkeypatch.delenv(key, raising=False)


def shared_data(relative: str) -> Path:
    """A path in ../shared/data; skips the test when absent, except under CI where absence is a failure."""
    path = SHARED_DATA / relative
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"shared data set missing under CI: {path}")
        pytest.skip(f"shared data set not present: {path}")
    return path


@pytest.fixture
def history_services(settings: Settings) -> Iterator[Services]:
    """Services whose PII detector is our rules alone (provider "rules"): for tests that generate a history of
    thousands of messages (``seed_history``) and check what it holds, not how it was masked — the default detector's
    NER model takes ~9 ms a message."""
    built = build_services(dataclasses.replace(settings, providers={**settings.providers, "pii": "rules"}))
    yield built
    if settings.database_url and "store" in built._primary:
        built.get("store").close()


def copy_sqlite(source: Path, target: Path) -> Path:
    """A consistent copy of a SQLite database (SQLite's online backup: the WAL's pages included); returns target."""
    import sqlite3

    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


@pytest.fixture(scope="session")
def demo_copy(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """``demo_copy(anchor, target, backfill=False)``: the demo company seeded as of ``anchor`` (``seed_demo``; then
    its open conversations analysed, as ``python -m services seed`` does, when ``backfill``) in the SQLite file
    ``target``, which the test may change. Each (anchor, backfill) is seeded once per session (~8 s) and copied for
    every test that asks (~0.1 s); the seed is deterministic for an anchor, so a copy holds what a fresh seed would."""
    from services.inbox import backfill_open
    from services.seed import seed_demo

    built: dict[tuple[str, bool], Path] = {}

    def copy(anchor: str, target: Path, backfill: bool = False) -> Path:
        if (anchor, backfill) not in built:
            path = tmp_path_factory.mktemp("demo") / "frontline.db"
            seeded = build_services(Settings(db_path=str(path)))
            seed_demo(seeded, anchor)
            if backfill:
                backfill_open(seeded)
            built[anchor, backfill] = path
        return copy_sqlite(built[anchor, backfill], target)

    return copy


@pytest.fixture(scope="session")
def postgres_cluster():
    """A throw-away PostgreSQL server for the whole session (tests/pg_cluster.py): skipped with the reason when
    Debian's binaries are missing, a failure under CI=true."""
    from tests.pg_cluster import start_cluster

    cluster = start_cluster()
    yield cluster
    cluster.stop()


@pytest.fixture
def postgres_url(postgres_cluster) -> object:
    """The URL of a fresh, empty database on the throw-away server, dropped after the test."""
    url = postgres_cluster.new_database()
    yield url
    postgres_cluster.drop_database(url)


@pytest.fixture
def settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    """Local-backend settings with a fresh SQLite file in a temporary folder; with FRONTLINE_TEST_STORE=postgres, a
    fresh database on the throw-away PostgreSQL server instead (every test that uses it then runs on PostgreSQL)."""
    if os.environ.get("FRONTLINE_TEST_STORE") == "postgres":
        return Settings(db_path=str(tmp_path / "frontline.db"), database_url=request.getfixturevalue("postgres_url"))
    return Settings(db_path=str(tmp_path / "frontline.db"))


@pytest.fixture
def services(settings: Settings) -> Iterator[Services]:
    built = build_services(settings)
    yield built
    if settings.database_url and "store" in built._primary:
        built.get("store").close()  # the pool's connections, before the database is dropped


@pytest.fixture(scope="session")
def apertium():
    """The offline translator with Debian's apertium and apertium-eng-spa: skipped with the reason when they are
    missing (a laptop without the Debian packages), a failure under CI=true (CI installs them)."""
    from services.adapters.local.translator import ApertiumTranslator

    translator = ApertiumTranslator()
    if ("en", "es") not in translator.pairs():
        reason = "Debian's apertium and apertium-eng-spa are not installed (apt-get install apertium apertium-eng-spa)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return translator
