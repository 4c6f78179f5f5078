"""A throw-away PostgreSQL cluster: Debian's server binaries (initdb, pg_ctl), a temporary directory, a free loopback
port, trust authentication for one role, ``fsync=off``. Used by the tests (tests/pg_cluster.py), `make scale-demo`
(ops/scale_demo.py) and `bench/load.py --postgres`. Never for data anyone keeps.

The server refuses to run as root, so under root it runs as the ``postgres`` system user Debian's package creates
(``runuser``), owning the directory (under /tmp, which that user can reach). ``pg_ctl start`` detaches the server, so
it outlives the process that started it until ``stop`` (``pg_ctl stop``) ends it and deletes the directory.

A cluster started with ``owner=True`` (the tests', bench/load.py's) notes the starting process's pid in ``owner.pid``;
``reap_orphans`` stops and deletes such clusters whose owner died without stopping them (a test run killed by a
timeout), so they do not pile up in /tmp. The scale demo's cluster outlives `make scale-demo` on purpose: no owner.
"""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

BIN_DIRS = (os.environ.get("FRONTLINE_PG_BIN", ""), "/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin",
            "/usr/lib/postgresql/17/bin")
ROLE = "frontline"


class Unavailable(RuntimeError):
    """No cluster can be started here; the message says why and what to install."""


def find_binaries(dirs: Iterable[str] = BIN_DIRS) -> Path | None:
    for candidate in filter(None, dirs):
        path = Path(candidate)
        if (path / "initdb").is_file() and (path / "pg_ctl").is_file():
            return path
    found = shutil.which("initdb")  # Fedora, Homebrew: on PATH
    return Path(found).parent if found and shutil.which("pg_ctl") else None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Cluster:
    bin_dir: Path
    base: Path
    port: int
    run_as: list[str]
    _names: itertools.count = field(default_factory=lambda: itertools.count(1))

    @property
    def data(self) -> Path:
        return self.base / "data"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{ROLE}@127.0.0.1:{self.port}/{database}"

    def run(self, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*self.run_as, *args], capture_output=True, text=True, timeout=timeout,
                              cwd=self.base, check=False, stdin=subprocess.DEVNULL)

    def start(self) -> None:
        init = self.run(str(self.bin_dir / "initdb"), "-D", str(self.data), "-U", ROLE, "--auth=trust",
                        "-E", "UTF8", "--locale=C", "--no-sync")
        if init.returncode:
            raise RuntimeError(f"initdb failed: {init.stderr or init.stdout}")
        self.restart()

    def restart(self) -> None:
        """Start the server on the existing data directory (after start(), or after stop_server())."""
        options = (f"-p {self.port} -k {self.base} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=300")
        started = self.run(str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-o", options,
                           "-l", str(self.base / "server.log"), "-w", "-t", "60", "start", timeout=90)
        if started.returncode:
            log = (self.base / "server.log").read_text(errors="replace") if (self.base / "server.log").exists() else ""
            raise RuntimeError(f"pg_ctl start failed: {started.stderr or started.stdout}\n{log[-2000:]}")

    def stop_server(self, mode: str = "immediate") -> None:
        """Stop the server and keep the data directory (restart() starts it again)."""
        self.run(str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")

    def stop(self) -> None:
        """Stop the server and delete the directory (nothing to do when reap_orphans already did)."""
        if not self.base.exists():
            return
        self.stop_server()
        shutil.rmtree(self.base, ignore_errors=True)

    def server_pid(self) -> int | None:
        """The postmaster's pid while it runs (first line of postmaster.pid)."""
        try:
            return int((self.data / "postmaster.pid").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return None

    def new_database(self, name: str = "") -> str:
        """A fresh, empty database; its URL."""
        import psycopg

        name = name or f"test_{os.getpid()}_{next(self._names)}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_database(self, url: str) -> None:
        import psycopg

        name = url.rsplit("/", 1)[1]
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run_as_for_root(base: Path) -> list[str]:
    """Under root: hand the directory to Debian's postgres user and run the server as it; otherwise nothing."""
    if os.geteuid() != 0:
        return []
    try:
        user = pwd.getpwnam("postgres")
    except KeyError:
        raise Unavailable("running as root and there is no 'postgres' user to run the server as") from None
    os.chown(base, user.pw_uid, user.pw_gid)
    return ["runuser", "-u", "postgres", "--"]


OWNER_FILE = "owner.pid"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def reap_orphans(prefix: str = "frontline-pg-", folder: Path | None = None) -> list[Path]:
    """Stop (immediate shutdown: SIGQUIT to the postmaster) and delete the clusters named ``prefix*`` in ``folder``
    (default: /tmp and the temporary directory) whose owner process is gone; returns the directories removed.
    Clusters without an owner file, or whose owner still runs, are left alone."""
    folders = [folder] if folder else list(dict.fromkeys([Path("/tmp"), Path(tempfile.gettempdir())]))
    removed = []
    for base in (path for place in folders if place.is_dir() for path in sorted(place.glob(prefix + "*"))):
        try:
            owner = int((base / OWNER_FILE).read_text().strip())
        except (OSError, ValueError):
            continue
        if _alive(owner):
            continue
        try:
            server = int((base / "data" / "postmaster.pid").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            server = None
        if server is not None and _alive(server):
            try:
                os.kill(server, signal.SIGQUIT)
            except ProcessLookupError:
                pass
            except PermissionError:
                continue  # not ours to stop
        shutil.rmtree(base, ignore_errors=True)
        removed.append(base)
    return removed


def start(bin_dir: Path | None = None, prefix: str = "frontline-pg-", owner: bool = False) -> Cluster:
    """Start a cluster in a new temporary directory; the caller stops it. Unavailable says why it cannot.

    owner: note this process as the cluster's owner (reap_orphans deletes it once this process is gone)."""
    bin_dir = bin_dir or find_binaries()
    if bin_dir is None:
        raise Unavailable("no initdb/pg_ctl (install Debian's postgresql package, or set FRONTLINE_PG_BIN)")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise Unavailable("psycopg is not installed (pip install --no-deps -r requirements.txt)") from None
    root = os.geteuid() == 0
    # under root, /tmp: the postgres user must reach the directory (a TMPDIR under /root would not do)
    base = Path(tempfile.mkdtemp(prefix=prefix, dir="/tmp" if root and Path("/tmp").is_dir() else None))
    if owner:
        (base / OWNER_FILE).write_text(str(os.getpid()))
    try:
        cluster = Cluster(bin_dir, base, free_port(), run_as_for_root(base))
    except Unavailable:
        shutil.rmtree(base, ignore_errors=True)
        raise
    try:
        cluster.start()
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as e:
        cluster.stop()
        raise Unavailable(f"the throw-away cluster did not start: {e}") from None
    return cluster
