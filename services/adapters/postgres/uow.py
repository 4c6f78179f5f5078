"""The unit of work on PostgreSQL (psycopg 3 + psycopg_pool): one pooled connection and at most one transaction
per ``with services.uow()``, with the SQLite adapter's semantics (sqlite_uow.py):

- reads before the first write run in autocommit, so a read-only unit of work opens no transaction;
- the first write opens the transaction and takes one advisory lock, so writers are serialised as SQLite's
  ``BEGIN IMMEDIATE`` serialises them (the repositories' read-then-write steps, e.g. an article's next version,
  stay race-free); a writer waits at most ``lock_timeout`` (SQLite's busy timeout), then ProviderUnavailable;
  a clean exit commits once, an exception rolls back;
- every statement inside the transaction runs under a savepoint, so a statement that fails (a Conflict the caller
  catches, an unreadable id) is undone alone and the unit of work goes on, as on SQLite;
- driver errors leave as ServiceErrors: unique -> Conflict, foreign key -> NotFound, check / not null / bad value ->
  InvalidInput, no server -> ProviderUnavailable.

The repositories are the SQLite ones (same SQL, ``?`` placeholders rewritten here) with the few dialect
differences overridden in repositories.py.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any

import psycopg
import psycopg.errors
from psycopg import sql as pgsql
from psycopg_pool import ConnectionPool, PoolTimeout

from services.adapters.local.field_crypto import FieldCodec, check_registered, pending_rows, reencrypt_batch
from services.adapters.local.sqlite_uow import HASH_EXCLUDED, SqliteUnitOfWork, default_keys, plain_row
from services.adapters.postgres import schema
from services.adapters.postgres.listener import ChangeListener
from services.clock import now_iso
from services.errors import ConfigError, Conflict, InvalidInput, NotFound, ProviderUnavailable
from services.ports import KeyProvider

CONNECT_TIMEOUT_S = 5
POOL_TIMEOUT_S = 10.0
POOL_MAX_SIZE = 10
LOCK_TIMEOUT_MS = 10_000  # a writer waits this long for another's transaction, as SQLite's busy timeout
WRITE_LOCK = 0x46524F4E544C02  # the advisory lock every writing unit of work holds until it ends
_PLACEHOLDER = re.compile(r"\?")
_UNREADABLE = (psycopg.DataError, psycopg.errors.UndefinedFunction, UnicodeEncodeError, OverflowError)


def redact(url: str) -> str:
    """The URL without its password, for messages and the admin page."""
    return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", url)


def check_url(url: str) -> dict[str, Any]:
    """The connection parameters of a postgresql:// URL; ConfigError when it is not one."""
    if not re.match(r"postgres(ql)?://", url):
        raise ConfigError(f"database_url must start with postgresql://; got {redact(url)!r}")
    try:
        params = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError as e:
        raise ConfigError(f"database_url {redact(url)!r} is not a valid PostgreSQL URL ({e})") from None
    ports = str(params.get("port") or "5432").split(",")
    if not all(p.isdigit() and 0 < int(p) < 65536 for p in ports):
        raise ConfigError(f"database_url {redact(url)!r} is not a valid PostgreSQL URL (port {params['port']!r})")
    return params


def migrate_as_owner(url: str, app_role: str = "", app_password: str | None = None) -> dict[str, Any]:
    """``python -m services migrate``: bring the schema up to date logged in as ``url`` (the tables' owner) and,
    with ``app_role``, grant that login what the app needs (schema.grant_app_role). With ``app_password`` the login
    is created with that password when it does not exist, else given it (a deployment's secret stays the truth);
    the owner needs CREATEROLE for that (Aurora's master user has it)."""
    check_url(url)
    if app_role and not schema.APP_ROLE.fullmatch(app_role):
        raise InvalidInput("--app-role must be a lower-case PostgreSQL role name (letters, digits, _)")
    if app_password is not None and not app_role:
        raise InvalidInput("a password is for the app's login: name it with --app-role")
    if app_password is not None and not (0 < len(app_password) <= 1000 and app_password.isascii()
                                         and app_password.isprintable()):
        raise InvalidInput("the app login's password must be 1 to 1,000 printable ASCII characters")
    try:
        with psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S) as conn:
            before = schema.stored_version(conn)
            if app_role and conn.execute("SELECT current_user::text").fetchone() == (app_role,):
                raise InvalidInput(f"{app_role!r} is the login running the migration (the tables' owner): the app "
                                   "needs a login of its own (docs/postgres.md)")
            if app_role and app_password is None and conn.execute(
                    "SELECT 1 FROM pg_roles WHERE rolname = %s", [app_role]).fetchone() is None:
                raise InvalidInput(f"there is no role {app_role!r} on this server: create it first "
                                   f"(CREATE ROLE {app_role} LOGIN PASSWORD '…') or pass --app-password-env")
            with conn.transaction():  # one commit: an app waiting for this version also finds its grants
                version = schema.migrate(conn)
                if app_role:
                    if app_password is not None:
                        schema.set_app_login(conn, app_role, app_password)
                    schema.grant_app_role(conn, app_role)
    except psycopg.errors.InsufficientPrivilege as e:
        raise ConfigError(f"{redact(url)} may not change the schema ({_first_line(e)}): migrate with the login that "
                          "owns the tables") from None
    except psycopg.OperationalError as e:
        raise unavailable(url, e) from None
    return {"store": "postgres", "database": redact(url), "version_before": before, "version": version,
            "app_role": app_role or None}


def _first_line(error: BaseException) -> str:
    return str(error).strip().splitlines()[0][:200] if str(error).strip() else type(error).__name__


def unavailable(url: str, error: BaseException) -> ProviderUnavailable:
    reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return ProviderUnavailable(f"PostgreSQL at {redact(url)} is unavailable: {reason}")


def translate(error: psycopg.Error, conflict: str, missing: str) -> Exception:
    """A driver error as the ServiceError a caller can act on (the SQLite adapter's mapping)."""
    if isinstance(error, psycopg.errors.UniqueViolation):
        return Conflict(conflict)
    if isinstance(error, psycopg.errors.ForeignKeyViolation):
        return NotFound(missing)
    if isinstance(error, psycopg.IntegrityError):  # check, not null
        detail = (error.diag.message_primary or type(error).__name__) if error.diag else type(error).__name__
        return InvalidInput(f"{conflict.removesuffix(' already exists')}: not accepted ({detail})")
    if isinstance(error, (psycopg.OperationalError, psycopg.errors.LockNotAvailable)):
        return ProviderUnavailable("the database is unavailable or busy; try again")
    return InvalidInput(f"cannot store this ({type(error).__name__})")


class Row(tuple):
    """A result row read by position or by column name, like sqlite3.Row (the shared repositories use both)."""

    _names: tuple[str, ...] = ()

    def __new__(cls, values: Sequence[Any], names: tuple[str, ...]) -> Row:
        row = super().__new__(cls, values)
        row._names = names
        return row

    def keys(self) -> list[str]:
        return list(self._names)

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self._names.index(key))
        return tuple.__getitem__(self, key)


def _row_factory(cursor: Any) -> Any:
    names = tuple(c.name for c in cursor.description or ())
    return lambda values: Row(values, names)


def _sql(statement: str) -> str:
    """The shared repositories' SQL with psycopg's placeholders (a literal % doubled first)."""
    return _PLACEHOLDER.sub("%s", statement.replace("%", "%%"))


class Transaction:
    """The connection of one unit of work; the repositories read and write through it (sqlite_uow.Transaction's
    interface)."""

    def __init__(self, database: PostgresDatabase) -> None:
        self.database = database
        self.codec = database.codec  # field encryption at rest (sqlite_uow.Transaction.codec)
        try:
            self.conn = database.pool.getconn(timeout=POOL_TIMEOUT_S)
        except PoolTimeout as e:
            raise unavailable(database.url, e) from None
        self.writing = False
        self._explicit_ids: set[str] = set()  # tables given explicit ids in this transaction
        self.before_commit: list[Callable[[], None]] = []  # run in order, inside the transaction, just before COMMIT
        self.audit_pending: list[tuple[str, str, str, str, str, str]] = []  # audit entries to append at commit

    def _execute(self, statement: str, args: Sequence[Any]) -> Any:
        if not self.writing:
            return self.conn.execute(_sql(statement), list(args))
        with self.conn.transaction():  # a savepoint: a failing statement is undone alone
            return self.conn.execute(_sql(statement), list(args))

    def rows(self, sql: str, args: Sequence[Any] = ()) -> list[Row]:
        try:
            cursor = self._execute(sql, args)
            return cursor.fetchall() if cursor.description else []
        except _UNREADABLE:
            return []  # an id no row can have (too big, not text) matches nothing
        except psycopg.OperationalError as e:
            raise unavailable(self.database.url, e) from None

    def one(self, sql: str, args: Sequence[Any], what: str) -> Row:
        rows = self.rows(sql, args)
        if not rows:
            raise NotFound(f"{what} not found")
        return rows[0]

    def scalar(self, sql: str, args: Sequence[Any] = ()) -> Any:
        rows = self.rows(sql, args)
        return rows[0][0] if rows else None

    def begin(self) -> None:
        """Open the transaction and wait (at most lock_timeout) for the write lock."""
        if not self.writing:
            try:
                self.conn.execute("BEGIN")
                self.conn.execute("SELECT pg_advisory_xact_lock(%s)", [WRITE_LOCK])
            except psycopg.errors.LockNotAvailable:
                self.conn.execute("ROLLBACK")
                raise ProviderUnavailable("the database is busy; try again") from None
            except psycopg.OperationalError as e:
                raise unavailable(self.database.url, e) from None
            self.writing = True

    def write(self, sql: str, args: Sequence[Any] = (), conflict: str = "this row already exists",
              missing: str = "a row it refers to was not found") -> Any:
        self.begin()
        try:
            return self._execute(sql, args)
        except psycopg.Error as e:
            raise translate(e, conflict, missing) from e
        except (UnicodeEncodeError, OverflowError) as e:
            raise InvalidInput(f"cannot store this value ({type(e).__name__})") from e

    def final(self, sql: str, args: Sequence[Any] = ()) -> list[Any]:
        """A statement of the work done just before the commit (the audit log's chained appends), without a
        savepoint of its own: a failure fails the commit, which it would anyway (sqlite_uow.Transaction.final)."""
        self.begin()
        try:
            cursor = self.conn.execute(_sql(sql), list(args))
            return cursor.fetchall() if cursor.description else []
        except psycopg.Error as e:
            raise translate(e, "this row already exists", "a row it refers to was not found") from e
        except (UnicodeEncodeError, OverflowError) as e:
            raise InvalidInput(f"cannot store this value ({type(e).__name__})") from e

    def insert(self, table: str, row: dict[str, Any], **messages: str) -> int:
        has_id = table in self.database.id_tables
        if has_id and row.get("id"):
            self._explicit_ids.add(table)
        elif has_id and table in self._explicit_ids:
            self._sync_ids(table)
        columns = ", ".join(row)
        returning = " RETURNING id" if has_id else ""
        cursor = self.write(f"INSERT INTO {table} ({columns}) VALUES ({', '.join('?' * len(row))}){returning}",
                            list(row.values()), **messages)
        return int(cursor.fetchone()[0]) if has_id else 0

    def _sync_ids(self, table: str) -> None:
        """After rows with explicit ids, the identity continues after the largest id (SQLite's rowid rule)."""
        self._explicit_ids.discard(table)
        self.write(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # noqa: S608 - our table names
                   f"GREATEST((SELECT MAX(id) FROM {table}), 1), (SELECT MAX(id) FROM {table}) IS NOT NULL)")

    def finish(self, commit: bool) -> bool:
        """Commit (or roll back) and give the connection back; True when a write was committed."""
        try:
            while commit and self.before_commit:
                self.before_commit.pop(0)()
            if self.writing:
                if commit:
                    for table in sorted(self._explicit_ids):
                        self._sync_ids(table)
                self.conn.execute("COMMIT" if commit else "ROLLBACK")
            return commit and self.writing
        except psycopg.Error as e:
            if not self.conn.closed:
                self.conn.rollback()
            raise translate(e, "this row already exists", "a row it refers to was not found") from e
        except BaseException:
            if not self.conn.closed:
                self.conn.rollback()
            raise
        finally:
            self.writing = False
            self.before_commit.clear()
            self.audit_pending.clear()
            self.database.pool.putconn(self.conn)


class PostgresUnitOfWork(SqliteUnitOfWork):
    """``with database() as uow``: the repositories over one pooled connection; commits once on a clean exit (the
    nesting, commit and roll-back rules are SqliteUnitOfWork's)."""

    def _begin(self) -> Any:
        return Transaction(self._database)

    def _bind(self, tx: Any) -> None:  # the shared repositories are annotated with SQLite's Transaction
        from services.adapters.postgres import repositories as repos

        self.users = repos.PostgresUsers(tx)
        self.sessions = repos.PostgresSessions(tx)
        self.customers = repos.PostgresCustomers(tx)
        self.conversations = repos.PostgresConversations(tx)
        self.assist = repos.PostgresAssist(tx)
        self.articles = repos.PostgresArticles(tx)
        self.audit = repos.PostgresAudit(tx)
        self.kb_usage = repos.PostgresKbUsage(tx)
        self.shared = repos.PostgresSharedState(tx)
        self.analytics = repos.PostgresAnalytics(tx)
        self.predictions = repos.PostgresPredictions(tx)
        self.integrations = repos.PostgresIntegrations(tx)
        self.mail = repos.PostgresMail(tx)
        self.social_outbox = repos.PostgresSocialOutbox(tx)
        self.privacy = repos.PostgresPrivacy(tx)


SCHEMA_POLL_S = 2.0  # how often a login that may not migrate looks again for the schema it needs


class PostgresDatabase:
    """The "store" capability on a PostgreSQL server: checks the URL, migrates, pools connections."""

    def __init__(self, url: str, max_size: int = POOL_MAX_SIZE, lock_timeout_ms: int = LOCK_TIMEOUT_MS,
                 listen: bool = True, keys: KeyProvider | None = None, schema_wait_s: float = 0.0) -> None:
        check_url(url)
        self.url = url
        self.schema_wait_s = max(0.0, float(schema_wait_s))
        self.codec = FieldCodec(keys or default_keys())
        # its thread starts on the first marker asked for; back from an outage, the pool's idle connections are checked
        self.listener = ChangeListener(url, on_reconnect=self._drop_dead_connections) if listen else None
        self._threads = threading.local()
        self.commits = 0  # transactions committed by this process (tests read it)
        self.id_tables: frozenset[str] = frozenset()
        self._migrate()  # connects once directly: a bad host or password is a clear error here, not a pool timeout
        self.pool = ConnectionPool(url, min_size=1, max_size=max_size, open=True, name="frontline",
                                   kwargs={"autocommit": True, "row_factory": _row_factory,
                                           "connect_timeout": CONNECT_TIMEOUT_S,
                                           "options": f"-c lock_timeout={int(lock_timeout_ms)}"})
        try:
            self._check_keys()
        except BaseException:
            self.close()
            raise

    def __call__(self) -> PostgresUnitOfWork:
        return PostgresUnitOfWork(self)

    def close(self) -> None:
        if self.listener is not None:
            self.listener.stop()
        self.pool.close()

    def _drop_dead_connections(self) -> None:
        """After the listener lost the server (a restart): discard idle pooled connections that died with it."""
        pool = getattr(self, "pool", None)
        if pool is not None:
            pool.check()

    def pushed_change_marker(self) -> tuple[Any, ...] | None:
        """The change marker LISTEN/NOTIFY pushed to this process (no query), or None while the listener is
        down or switched off (live_notify: false): then the caller reads uow.shared.change_marker()."""
        return self.listener.latest() if self.listener is not None else None

    def forget_freed(self) -> dict[str, Any]:
        """Nothing this process can do: old row versions stay in the table files until VACUUM reclaims and new rows
        overwrite them, and in the write-ahead log and backups until they rotate (docs/security.md, data rights)."""
        return {"wal_checkpoint": "not applicable (PostgreSQL: see docs/security.md)"}

    def active(self) -> PostgresUnitOfWork | None:
        return getattr(self._threads, "uow", None)

    def activate(self, uow: PostgresUnitOfWork | None) -> None:
        self._threads.uow = uow

    def _connect(self) -> psycopg.Connection[Any]:
        try:
            return psycopg.connect(self.url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S)
        except psycopg.Error as e:
            raise unavailable(self.url, e) from None

    def _migrate(self) -> None:
        """Bring the schema up to date; a schema already current is only read (no lock, no DDL), so the app can
        log in as a role that may not change it (``python -m services migrate --app-role``, docs/postgres.md).
        Such a login waits up to ``schema_wait_s`` for that command to land (a deployment runs it beside the new
        tasks, which may start first), checking every 2 s; then, or with 0, it fails with what to run."""
        deadline = time.monotonic() + self.schema_wait_s
        while True:
            with self._connect() as conn:
                try:
                    if schema.stored_version(conn) != len(schema.MIGRATIONS):
                        schema.migrate(conn)
                    self.id_tables = schema.id_tables(conn)
                    return
                except psycopg.errors.InsufficientPrivilege as e:
                    left = deadline - time.monotonic()
                    if left <= 0:
                        raise ConfigError(
                            f"the database {redact(self.url)} is at schema version {self._version(conn)} and this "
                            f"code needs {len(schema.MIGRATIONS)}, but its login may not change the schema "
                            f"({_first_line(e)}): run `python -m services migrate --database-url <the owner's URL> "
                            "--app-role <this login>` first (docs/postgres.md)"
                            + (f"; waited {self.schema_wait_s:g} s for it" if self.schema_wait_s else "")) from None
                except psycopg.OperationalError as e:
                    raise unavailable(self.url, e) from None
            time.sleep(min(SCHEMA_POLL_S, left))

    @staticmethod
    def _version(conn: psycopg.Connection[Any]) -> int:
        try:
            return int(schema.stored_version(conn))
        except psycopg.Error:
            return 0

    def _read(self, statement: str | pgsql.Composed) -> list[Row]:
        try:
            with self.pool.connection(timeout=POOL_TIMEOUT_S) as conn:
                rows: list[Any] = conn.execute(statement).fetchall()  # Rows: the pool's row factory
                return rows
        except (PoolTimeout, psycopg.OperationalError) as e:
            raise unavailable(self.url, e) from None

    def schema_version(self) -> int:
        return self._read("SELECT MAX(version) FROM schema_version")[0][0]

    def reencrypt(self, batch_size: int) -> int:
        with self() as uow:
            return reencrypt_batch(uow._tx, self.codec, batch_size)

    def reencrypt_pending(self) -> int:
        with self() as uow:
            return pending_rows(uow._tx, self.codec)

    def table_counts(self) -> dict[str, int]:
        return {table: self._read(pgsql.SQL("SELECT COUNT(*) FROM {}").format(pgsql.Identifier(table)))[0][0]
                for table in schema.TABLES if table != "app_secrets"}  # the secret is not content

    def content_hash(self) -> str:
        """sha256 over every table's rows in key order, less password hashes (salted) and the audit trail: the
        same digest as the SQLite adapter's for the same rows."""
        digest = hashlib.sha256()
        for table in schema.TABLES:
            excluded = HASH_EXCLUDED.get(table, set())
            if excluded is None:
                continue
            for row in self._read(pgsql.SQL("SELECT * FROM {} ORDER BY 1").format(pgsql.Identifier(table))):
                kept = {k: v for k, v in plain_row(self.codec, table, row).items() if k not in excluded}
                digest.update(f"{table}:{json.dumps(kept, sort_keys=True, default=str)}\n".encode())
        return digest.hexdigest()

    def reset(self) -> None:
        """Drop every table and build the schema again (used by `seed`)."""
        with self._connect() as conn:
            schema.drop_all(conn)
            schema.migrate(conn)
            self.id_tables = schema.id_tables(conn)
        self._check_keys()

    def _check_keys(self) -> None:
        """The data keys are had now and checked against the database's (sqlite_uow.SqliteDatabase._check_keys)."""
        commits = self.commits
        with self() as uow:
            check_registered(uow._tx, self.codec.keys, now_iso())
        self.commits = commits  # a settings row, not content: nothing this process's change checks should see
