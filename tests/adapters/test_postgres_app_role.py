"""The app on PostgreSQL logged in as a role that does not own the tables (``python -m services migrate --app-role``):
it starts, writes and erases as usual, but its credentials cannot go around the audit log's append-only rules —
no DELETE, TRUNCATE, UPDATE of anything but the detail, nor ALTER TABLE ... DISABLE TRIGGER, which the table's
owner could do (docs/security.md "What someone with access to the database can and cannot hide")."""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import psycopg.errors
import pytest

from services import audit, data_rights
from services.adapters.postgres import schema
from services.bootstrap import build_services, migrate_store
from services.cli import main
from services.config import Settings
from services.errors import ConfigError, InvalidInput
from services.permissions import CLI
from tests.contracts.conftest import customer

_NAMES = itertools.count()


@pytest.fixture
def logins(postgres_cluster) -> Iterator[tuple[str, str]]:
    """(the owner's URL, the app's URL) of a fresh database that the owner role owns; the app role owns nothing."""
    n = next(_NAMES)
    owner, app, name = f"fl_owner_{n}", f"fl_app_{n}", f"roles_{n}"
    admin = postgres_cluster.url()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {owner} LOGIN")
        conn.execute(f"CREATE ROLE {app} LOGIN")
        conn.execute(f"CREATE DATABASE {name} OWNER {owner}")
    base = admin.rsplit("/", 1)[0]
    yield base.replace("//frontline@", f"//{owner}@") + f"/{name}", base.replace("//frontline@", f"//{app}@") + f"/{name}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f"DROP ROLE IF EXISTS {app}")
        conn.execute(f"DROP ROLE IF EXISTS {owner}")


def test_the_app_login_works_but_cannot_go_around_the_audit_log(logins, tmp_path: Path):
    owner_url, app_url = logins
    app = app_url.split("//", 1)[1].split("@", 1)[0]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["migrate", "--database-url", owner_url, "--app-role", app]) == 0
    printed = json.loads(out.getvalue())
    assert (printed["version_before"], printed["version"], printed["app_role"]) == (0, len(schema.MIGRATIONS), app)
    assert "fl_owner" in printed["database"]

    services = build_services(Settings(db_path=str(tmp_path / "unused.db"), database_url=app_url))
    try:
        with services.uow() as uow:
            ann = uow.customers.add(customer("Ann Example"))
            uow.audit.record("ada", "read", "customer", str(ann.id), "viewed Ann Example")
        erased = data_rights.erase_customer(services, CLI, ann.id)
        assert erased["erased"] == ann.id
        verified = audit.verify_chain(services, CLI)
        assert verified.ok and verified.redacted >= 1
    finally:
        services.get("store").close()

    with psycopg.connect(app_url, autocommit=True) as conn:
        for statement in ("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only",
                          "DELETE FROM audit_log", "TRUNCATE audit_log", "UPDATE audit_log SET actor = 'mallory'",
                          "DROP TABLE audit_log", "INSERT INTO schema_version VALUES (999)"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
        with pytest.raises(psycopg.IntegrityError, match="append-only"):
            conn.execute("UPDATE audit_log SET detail = 'something else'")  # the column it may update: the trigger
    with psycopg.connect(owner_url, autocommit=True) as conn:  # the owner still can: what the app role changes
        conn.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only")
        conn.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only")


def test_an_app_login_on_a_database_it_may_not_migrate_is_told_to_run_migrate_and_changes_nothing(logins, tmp_path):
    owner_url, app_url = logins
    with pytest.raises(ConfigError, match="python -m services migrate") as raised:
        build_services(Settings(db_path=str(tmp_path / "unused.db"), database_url=app_url)).get("store")
    assert f"schema version 0 and this code needs {len(schema.MIGRATIONS)}" in str(raised.value)
    with psycopg.connect(owner_url, autocommit=True) as conn:
        assert schema.stored_version(conn) == 0 and conn.execute("SELECT to_regclass('customers')").fetchone()[0] is None


def test_an_app_login_waits_for_a_migration_that_lands_while_it_starts(logins, tmp_path, monkeypatch):
    """A deployment starts the migrate task and the new app tasks together: an app task that may not migrate waits
    (schema_wait_s) for the version its code needs, and serves once the owner's migration and grants commit."""
    from services.adapters.postgres import uow as pg_uow

    monkeypatch.setattr(pg_uow, "SCHEMA_POLL_S", 0.1)
    owner_url, app_url = logins
    app = app_url.split("//", 1)[1].split("@", 1)[0]
    settings = Settings(db_path=str(tmp_path / "unused.db"), database_url=app_url, schema_wait_s=60)
    opened: dict[str, object] = {}

    def start_app() -> None:
        try:
            opened["store"] = build_services(settings).get("store")
        except Exception as error:  # noqa: BLE001 - the assertion below shows it
            opened["error"] = error

    started = time.monotonic()
    thread = threading.Thread(target=start_app)
    thread.start()
    time.sleep(1.0)
    assert thread.is_alive() and not opened  # the schema is not there: it waits, it has not failed
    migrate_store(Settings(db_path=str(tmp_path / "unused.db")), database_url=owner_url, app_role=app)
    thread.join(30)
    assert not thread.is_alive() and "error" not in opened, opened
    assert time.monotonic() - started < 30  # it saw the migration within a few looks, not at the end of its wait
    services = build_services(settings)
    try:
        with services.uow() as uow:
            assert uow.customers.add(customer("Waited Example")).id  # its grants came with the version
    finally:
        services.get("store").close()
        opened["store"].close()  # type: ignore[attr-defined]


def test_an_app_login_stops_waiting_after_schema_wait_s_and_says_what_to_run(logins, tmp_path, monkeypatch):
    from services.adapters.postgres import uow as pg_uow

    monkeypatch.setattr(pg_uow, "SCHEMA_POLL_S", 0.1)
    _, app_url = logins
    started = time.monotonic()
    with pytest.raises(ConfigError, match="python -m services migrate.*waited 0.5 s"):
        build_services(Settings(db_path=str(tmp_path / "unused.db"), database_url=app_url,
                                schema_wait_s=0.5)).get("store")
    assert 0.5 <= time.monotonic() - started < 10


def test_migrate_refuses_a_role_that_is_not_there_or_not_an_identifier(logins, tmp_path):
    owner_url, _ = logins
    settings = Settings(db_path=str(tmp_path / "unused.db"))
    with pytest.raises(InvalidInput, match="no role 'nobody_here'"):
        migrate_store(settings, database_url=owner_url, app_role="nobody_here")
    with pytest.raises(InvalidInput, match="lower-case"):
        migrate_store(settings, database_url=owner_url, app_role='x"; DROP TABLE customers; --')
    with pytest.raises(InvalidInput, match="PostgreSQL"):
        migrate_store(settings, app_role="fl_app")  # a SQLite file has no logins
    assert migrate_store(settings)["version"] >= 21  # SQLite: the file migrated, its version printed


@pytest.fixture
def password_logins(postgres_cluster) -> Iterator[tuple[str, str, str]]:
    """(the owner's URL, the app's URL without a password, the app role) of a fresh database whose owner may create
    roles (Aurora's master user may); the app role does not exist yet, and the server asks it for its password
    (scram-sha-256) while every other login keeps the test cluster's trust."""
    n = next(_NAMES)
    owner, app, name = f"fl_powner_{n}", f"fl_papp_{n}", f"pw_roles_{n}"
    admin = postgres_cluster.url()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {owner} LOGIN CREATEROLE")
        conn.execute(f"CREATE DATABASE {name} OWNER {owner}")
        hba = Path(conn.execute("SHOW hba_file").fetchone()[0])
        before = hba.read_text()
        hba.write_text(f"host all {app} 127.0.0.1/32 scram-sha-256\nhost all {app} ::1/128 scram-sha-256\n" + before)
        conn.execute("SELECT pg_reload_conf()")
    base = admin.rsplit("/", 1)[0]
    try:
        yield (base.replace("//frontline@", f"//{owner}@") + f"/{name}",
               base.replace("//frontline@", f"//{app}@") + f"/{name}", app)
    finally:
        hba.write_text(before)
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute("SELECT pg_reload_conf()")
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f"DROP ROLE IF EXISTS {app}")
            conn.execute(f"DROP ROLE IF EXISTS {owner}")


def _logs_in(url: str, password: str) -> bool:
    try:
        with psycopg.connect(url, password=password, connect_timeout=5) as conn:
            return conn.execute("SELECT 1").fetchone() == (1,)
    except psycopg.OperationalError as e:
        assert "password authentication failed" in str(e)
        return False


def test_migrate_creates_the_app_login_from_its_secret_and_follows_a_rotation(password_logins, tmp_path, monkeypatch,
                                                                              capsys):
    owner_url, app_url, app = password_logins
    monkeypatch.setenv("FL_APP_DB_PASSWORD", "first-Secret-7d1c")

    assert main(["migrate", "--database-url", owner_url, "--app-role", app,
                 "--app-password-env", "FL_APP_DB_PASSWORD"]) == 0

    assert json.loads(capsys.readouterr().out)["app_role"] == app
    assert _logs_in(app_url, "first-Secret-7d1c") and not _logs_in(app_url, "wrong")
    services = build_services(Settings(db_path=str(tmp_path / "unused.db"),
                                       database_url=app_url.replace(f"//{app}@", f"//{app}:first-Secret-7d1c@")))
    try:
        with services.uow() as uow:  # the new login reads and writes the tables it was granted
            ana = uow.customers.add(customer("Ana Pereira"))
        with services.uow() as uow:
            assert uow.customers.get(ana.id).name == "Ana Pereira"
    finally:
        services.get("store").close()

    monkeypatch.setenv("FL_APP_DB_PASSWORD", "second-Secret-93aa")  # the secret rotated: the next migrate follows
    assert main(["migrate", "--database-url", owner_url, "--app-role", app,
                 "--app-password-env", "FL_APP_DB_PASSWORD"]) == 0
    assert _logs_in(app_url, "second-Secret-93aa") and not _logs_in(app_url, "first-Secret-7d1c")


def test_migrate_refuses_a_missing_password_and_the_owners_own_login(password_logins, tmp_path, monkeypatch, capsys):
    owner_url, app_url, app = password_logins
    monkeypatch.delenv("FL_APP_DB_PASSWORD", raising=False)
    assert main(["migrate", "--database-url", owner_url, "--app-role", app,
                 "--app-password-env", "FL_APP_DB_PASSWORD"]) == 2
    assert "FL_APP_DB_PASSWORD is not set" in capsys.readouterr().err
    owner = owner_url.split("//", 1)[1].split("@", 1)[0]
    settings = Settings(db_path=str(tmp_path / "unused.db"))
    with pytest.raises(InvalidInput, match="login running the migration"):
        migrate_store(settings, database_url=owner_url, app_role=owner, app_password="x-Secret-1")
    with pytest.raises(InvalidInput, match="printable ASCII"):
        migrate_store(settings, database_url=owner_url, app_role=app, app_password="pässword")
    with psycopg.connect(owner_url, autocommit=True) as conn:  # nothing made, nothing migrated
        assert conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [app]).fetchone() is None
        assert schema.stored_version(conn) == 0
