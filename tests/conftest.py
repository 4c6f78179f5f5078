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


# ---- pytest-xdist (`make test` runs `pytest -n 2`): which tests share a worker --------------------------------
# A work unit is one test file (its module-scoped fixtures are built once), except the folders whose session-scoped
# fixtures are expensive and which should therefore run in one worker: the browser tests (one seeded demo database,
# one app server, one Chromium), the AppTest page tests (one seeded demo database) and the OpenAI-compatible
# provider's tests (one llama.cpp server). Each worker starts its own PostgreSQL cluster (~2 s). Units go out in
# collection order, so the many small files of tests/unit even out the two workers at the end.
ONE_WORKER_FOLDERS = ("tests/e2e/", "tests/app/", "tests/adapters/openai_compat/")


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object | None:
    """With `-n N` and the default `--dist load`: test files (and ONE_WORKER_FOLDERS) as work units; any other
    `--dist` is xdist's own."""
    if config.getvalue("dist") != "load":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class FileAndFolderScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            folder = next((f for f in ONE_WORKER_FOLDERS if nodeid.startswith(f)), None)
            return folder or nodeid.split("::", 1)[0]

    config.option.loadscopereorder = False  # collection order, not "most tests first" (a browser test is 10 s)
    return FileAndFolderScheduling(config, log)


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


@pytest.fixture(scope="session")
def _migrated_sqlite(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[tuple[str, str, str], type]]:
    """An empty SQLite database migrated by the real migrations (schema.migrate) once per session, for the tests
    that start from "a fresh database" to copy (~1 ms) instead of migrating again (~50 ms each, ~2,000 tests).

    Migrations also write random values (the session signing key, the counters' starting points: so that a
    database made anew never looks like an earlier one to a process-wide cache). Two databases are migrated and
    compared: the cells that differ are the random ones, and each copy gets new values for them
    (fresh_sqlite); a migration that writes some other kind of random value fails here, by name."""
    from services.adapters.local import schema
    from services.adapters.local.sqlite_uow import connect

    folder = tmp_path_factory.mktemp("migrated")
    contents = []
    for name in ("a.db", "b.db"):
        conn = connect(folder / name)
        try:
            schema.migrate(conn)
            tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                                 "AND name NOT LIKE 'sqlite_%'")]
            contents.append({t: conn.execute(f'SELECT rowid, * FROM "{t}" ORDER BY rowid').fetchall()
                             for t in tables})
            columns = {t: [r[1] for r in conn.execute(f'PRAGMA table_info("{t}")')] for t in tables}
        finally:
            conn.close()  # the last connection: the WAL is checkpointed into the file
    random_cells: dict[tuple[str, str, str], type] = {}
    for table, rows in contents[0].items():
        assert len(rows) == len(contents[1][table]), table
        for row, other in zip(rows, contents[1][table], strict=True):
            for column, value, value_b in zip(["rowid", *columns[table]], row, other, strict=True):
                if value != value_b:
                    kind = type(value)
                    hexadecimal = kind is str and all(c in "0123456789abcdef" for c in value)
                    assert kind is int or hexadecimal, (
                        f"a migration writes a random {kind.__name__} into {table}.{column}: teach fresh_sqlite "
                        "(tests/conftest.py) to renew it")
                    random_cells[table, column, str(row[0])] = kind
    return folder / "a.db", random_cells


def fresh_sqlite(request: pytest.FixtureRequest, path: Path) -> Path:
    """Put at ``path`` a new database as the migrations leave it (a copy of _migrated_sqlite with its random
    values drawn anew); SqliteDatabase then finds it at the current version, as on any later start."""
    import secrets
    import shutil
    import sqlite3

    if path.exists():
        return path  # already made (or the test's own): never replaced under an open connection
    template, random_cells = request.getfixturevalue("_migrated_sqlite")
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, path)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for (table, column, rowid), kind in random_cells.items():
            if kind is str:
                old = conn.execute(f'SELECT "{column}" FROM "{table}" WHERE rowid = ?', [rowid]).fetchone()[0]
                value: object = secrets.token_hex(len(old) // 2)
            else:
                value = secrets.randbelow(1_000_000_000)  # the migrations' abs(random() % 1000000000)
            conn.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE rowid = ?', [value, rowid])
    finally:
        conn.close()
    return path


@pytest.fixture
def history_services(request: pytest.FixtureRequest, settings: Settings) -> Iterator[Services]:
    """Services whose PII detector is our rules alone (provider "rules"): for tests that generate a history of
    thousands of messages (``seed_history``) and check what it holds, not how it was masked — the default detector's
    NER model takes ~9 ms a message."""
    if not settings.database_url:
        fresh_sqlite(request, settings.database_file)
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
def services(request: pytest.FixtureRequest, settings: Settings) -> Iterator[Services]:
    """The default providers on the test's fresh database (SQLite: a migrated copy, fresh_sqlite)."""
    if not settings.database_url:
        fresh_sqlite(request, settings.database_file)
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
