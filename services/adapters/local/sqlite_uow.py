"""The unit of work on a SQLite file: one connection and at most one transaction per ``with services.uow()``.

Reads before the first write run outside a transaction, so a read-only unit of work never takes the write lock (the
live panels poll every second). The first write opens ``BEGIN IMMEDIATE``; a clean exit commits it once, an
exception rolls it back. A unit of work entered inside another on the same thread joins the outer one. WAL, a busy
timeout and foreign keys are set on every connection; connections are never shared between threads.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from services.adapters.local import schema
from services.adapters.local.field_crypto import (
    ENCRYPTED,
    FieldCodec,
    check_registered,
    pending_rows,
    reencrypt_batch,
)
from services.clock import now_iso
from services.errors import Conflict, InvalidInput, NotFound, ProviderUnavailable
from services.ports import KeyProvider

BUSY_TIMEOUT_MS = 10_000
# Salted hashes, the audit trail and model outputs (analyses carry timings) are not part of the demo's content.
HASH_EXCLUDED = {"users": {"password_hash", "created_at"}, "customers": {"email_hmac"}, "audit_log": None, "events": None, "analyses": None,
                 "suggestions": None, "sessions": None, "sign_in_failures": None, "app_secrets": None}
_UNREADABLE = (OverflowError, UnicodeEncodeError, sqlite3.InterfaceError, sqlite3.ProgrammingError)


def connect(path: Path) -> sqlite3.Connection:
    """Autocommit mode (isolation_level None): a unit of work begins its one transaction itself."""
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


def translate(error: sqlite3.Error, conflict: str, missing: str) -> Exception:
    """A driver error as the ServiceError a caller can act on."""
    text = str(error)
    if isinstance(error, sqlite3.IntegrityError):
        if "UNIQUE" in text or "PRIMARY KEY" in text:
            return Conflict(conflict)
        if "FOREIGN KEY" in text:
            return NotFound(missing)
        return InvalidInput(f"{conflict.removesuffix(' already exists')}: not accepted ({text})")
    if isinstance(error, sqlite3.OperationalError) and "locked" in text:
        return ProviderUnavailable("the database is busy; try again")
    return InvalidInput(f"cannot store this ({type(error).__name__})")


def default_keys() -> KeyProvider:
    """The data keys of a store built without a KeyProvider (tests, benches): the local key file of the default
    settings (<project>/data/frontline.keys), the one the app uses unconfigured."""
    from services.adapters.local.data_keys import LocalKeys
    from services.config import Settings

    return LocalKeys(Settings())


def plain_row(codec: FieldCodec, table: str, row: Any) -> dict[str, Any]:
    """A row's columns, decrypted where encrypted (the content hash is over the content, not its random nonces)."""
    return codec.open_row(table, row) if table in ENCRYPTED else {k: row[k] for k in row.keys()}


class Transaction:
    """The connection of one unit of work; repositories read and write through it."""

    def __init__(self, conn: sqlite3.Connection, codec: FieldCodec) -> None:
        self.conn = conn
        self.conn.row_factory = sqlite3.Row
        self.writing = False
        self.before_commit: list[Callable[[], None]] = []  # run in order, inside the transaction, just before COMMIT
        self.audit_pending: list[tuple[str, str, str, str, str, str]] = []  # audit entries to append at commit
        self.codec = codec  # field encryption at rest: the repositories encrypt and decrypt PII columns with it

    def rows(self, sql: str, args: Sequence[Any] = ()) -> list[sqlite3.Row]:
        try:
            return self.conn.execute(sql, list(args)).fetchall()
        except _UNREADABLE:
            return []  # an id no row can have (too big, not text) matches nothing

    def one(self, sql: str, args: Sequence[Any], what: str) -> sqlite3.Row:
        rows = self.rows(sql, args)
        if not rows:
            raise NotFound(f"{what} not found")
        return rows[0]

    def scalar(self, sql: str, args: Sequence[Any] = ()) -> Any:
        rows = self.rows(sql, args)
        return rows[0][0] if rows else None

    def begin(self) -> None:
        """Open the write transaction (the database's one write lock) unless it is open."""
        if not self.writing:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as e:
                raise translate(e, "this row already exists", "a row it refers to was not found") from e
            self.writing = True

    def write(self, sql: str, args: Sequence[Any] = (), conflict: str = "this row already exists",
              missing: str = "a row it refers to was not found") -> sqlite3.Cursor:
        self.begin()
        try:
            return self.conn.execute(sql, list(args))
        except sqlite3.Error as e:
            raise translate(e, conflict, missing) from e
        except _UNREADABLE as e:
            raise InvalidInput(f"cannot store this value ({type(e).__name__})") from e

    def final(self, sql: str, args: Sequence[Any] = ()) -> list[Any]:
        """A statement of the work done just before the commit (the audit log's chained appends), in the open write
        transaction; its rows. On PostgreSQL it runs without a savepoint of its own (fewer round trips): a failure
        there fails the commit, which it would anyway."""
        self.begin()
        try:
            return self.conn.execute(sql, list(args)).fetchall()
        except sqlite3.Error as e:
            raise translate(e, "this row already exists", "a row it refers to was not found") from e
        except (UnicodeEncodeError, OverflowError) as e:
            raise InvalidInput(f"cannot store this value ({type(e).__name__})") from e

    def insert(self, table: str, row: dict[str, Any], **messages: str) -> int:
        columns = ", ".join(row)
        cursor = self.write(f"INSERT INTO {table} ({columns}) VALUES ({', '.join('?' * len(row))})",
                            list(row.values()), **messages)
        return int(cursor.lastrowid or 0)

    def finish(self, commit: bool) -> bool:
        """Commit (or roll back) and close; True when a write was committed."""
        try:
            while commit and self.before_commit:
                self.before_commit.pop(0)()
            if self.writing:
                self.conn.execute("COMMIT" if commit else "ROLLBACK")
            return commit and self.writing
        except sqlite3.Error as e:
            self.conn.execute("ROLLBACK") if self.conn.in_transaction else None
            raise translate(e, "this row already exists", "a row it refers to was not found") from e
        except BaseException:
            self.conn.execute("ROLLBACK") if self.conn.in_transaction else None
            raise
        finally:
            self.writing = False
            self.before_commit.clear()
            self.audit_pending.clear()
            self.conn.close()


class SqliteUnitOfWork:
    """``with database() as uow``: the repositories over one connection; commits once on a clean exit."""

    _tx: Transaction

    def __init__(self, database: Any) -> None:  # a SqliteDatabase, or the PostgreSQL one of its subclass
        self._database = database
        self._outer: SqliteUnitOfWork | None = None

    def __enter__(self) -> Self:
        self._outer = self._database.active()
        self._tx = self._outer._tx if self._outer else self._begin()
        if self._outer is None:
            self._database.activate(self)
        self._bind(self._tx)
        return self

    def _begin(self) -> Transaction:
        return Transaction(connect(self._database.path), self._database.codec)

    def _bind(self, tx: Transaction) -> None:
        from services.adapters.local import sqlite_repositories as repos
        from services.adapters.local.mail_store import SqliteMail
        from services.adapters.local.social_outbox_store import SqliteSocialOutbox
        from services.adapters.local.sqlite_analytics import SqliteAnalytics
        from services.adapters.local.sqlite_integrations import SqliteIntegrations
        from services.adapters.local.sqlite_kb_usage import SqliteKbUsage
        from services.adapters.local.sqlite_predictions import SqlitePredictions
        from services.adapters.local.sqlite_privacy import SqlitePrivacy
        from services.adapters.local.sqlite_state import SqliteSharedState

        self.users = repos.SqliteUsers(tx)
        self.sessions = repos.SqliteSessions(tx)
        self.customers = repos.SqliteCustomers(tx)
        self.conversations = repos.SqliteConversations(tx)
        self.assist = repos.SqliteAssist(tx)
        self.articles = repos.SqliteArticles(tx)
        self.audit = repos.SqliteAudit(tx)
        self.kb_usage = SqliteKbUsage(tx)
        self.shared = SqliteSharedState(tx)
        self.analytics = SqliteAnalytics(tx)
        self.predictions = SqlitePredictions(tx)
        self.integrations = SqliteIntegrations(tx)
        self.mail = SqliteMail(tx)
        self.social_outbox = SqliteSocialOutbox(tx)
        self.privacy = SqlitePrivacy(tx)

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        if self._outer is not None:
            return  # the outermost unit of work commits or rolls back
        self._database.activate(None)
        wrote = self._tx.finish(commit=kind is None)
        self._database.commits += int(wrote)  # after the commit landed: whoever sees the count sees the rows


class SqliteDatabase:
    """The "store" capability on one SQLite file: migrates it on construction, makes units of work."""

    def __init__(self, path: str | Path, keys: KeyProvider | None = None) -> None:
        self.path = Path(path)
        self.codec = FieldCodec(keys or default_keys())
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._threads = threading.local()
        self.commits = 0  # transactions committed by this process (tests read it)
        self._migrate()

    def __call__(self) -> SqliteUnitOfWork:
        return SqliteUnitOfWork(self)

    def active(self) -> SqliteUnitOfWork | None:
        return getattr(self._threads, "uow", None)

    def activate(self, uow: SqliteUnitOfWork | None) -> None:
        self._threads.uow = uow

    def _migrate(self) -> None:
        conn = connect(self.path)
        try:
            schema.migrate(conn)
        finally:
            conn.close()
        self._check_keys()

    def _check_keys(self) -> None:
        """The data keys are had now (a missing or wrong key fails here, not at the first customer read) and
        checked against the ones this database was written under (field_crypto.check_registered)."""
        commits = self.commits
        with self() as uow:
            check_registered(uow._tx, self.codec.keys, now_iso())
        self.commits = commits  # a settings row, not content: nothing this process's change checks should see

    def _read(self, sql: str) -> list[tuple[Any, ...]]:
        conn = connect(self.path)
        try:
            return conn.execute(sql).fetchall()
        finally:
            conn.close()

    def reencrypt(self, batch_size: int) -> int:
        with self() as uow:
            return reencrypt_batch(uow._tx, self.codec, batch_size)

    def reencrypt_pending(self) -> int:
        with self() as uow:
            return pending_rows(uow._tx, self.codec)

    def journal_mode(self) -> str:
        return self._read("PRAGMA journal_mode")[0][0]

    def schema_version(self) -> int:
        return self._read("SELECT MAX(version) FROM schema_version")[0][0]

    def pushed_change_marker(self) -> None:
        """SQLite pushes nothing: the processes poll counters('changes')."""
        return None

    def forget_freed(self) -> dict[str, Any]:
        """The write-ahead log checkpointed into the database file and truncated to zero bytes, so the old versions
        of erased rows (still in its frames) are gone; the erasure's own pages were written with secure_delete (freed
        space zeroed). "busy" when another connection's read kept part of the log: run it again later."""
        conn = connect(self.path)
        try:
            busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        finally:
            conn.close()
        return {"wal_checkpoint": "busy" if busy else "complete"}

    def table_counts(self) -> dict[str, int]:
        return {table: self._read(f"SELECT COUNT(*) FROM {table}")[0][0]  # noqa: S608 - our own table names
                for table in schema.TABLES if table != "app_secrets"}  # the secret is not content

    def content_hash(self) -> str:
        """sha256 over every table's rows in id order, less password hashes (salted) and the audit trail."""
        digest = hashlib.sha256()
        conn = connect(self.path)
        conn.row_factory = sqlite3.Row
        try:
            for table in schema.TABLES:
                excluded = HASH_EXCLUDED.get(table, set())
                if excluded is None:
                    continue
                for row in conn.execute(f"SELECT * FROM {table} ORDER BY rowid"):  # noqa: S608
                    kept = {k: v for k, v in plain_row(self.codec, table, row).items() if k not in excluded}
                    digest.update(f"{table}:{json.dumps(kept, sort_keys=True, default=str)}\n".encode())
        finally:
            conn.close()
        return digest.hexdigest()

    def reset(self) -> None:
        """Drop every table and build the schema again (used by `seed`)."""
        conn = connect(self.path)
        try:
            schema.drop_all(conn)
        finally:
            conn.close()
        self._migrate()
