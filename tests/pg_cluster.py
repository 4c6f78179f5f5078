"""A throw-away PostgreSQL cluster for the tests: Debian's server binaries (initdb, pg_ctl), a temporary directory,
a free loopback port, trust authentication for one role. The server refuses to run as root, so under root it runs
as the ``postgres`` system user Debian's package creates (``runuser``), owning the temporary directory.

Missing binaries skip the PostgreSQL tests with the reason, except under ``CI=true`` where they fail (CI installs
Debian's ``postgresql`` package: .ci/run).
"""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest

BIN_DIRS = (os.environ.get("FRONTLINE_PG_BIN", ""), "/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin",
            "/usr/lib/postgresql/17/bin")
ROLE = "frontline"


def find_binaries() -> Path | None:
    for candidate in filter(None, BIN_DIRS):
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
                              cwd=self.base, check=False)

    def start(self) -> None:
        init = self.run(str(self.bin_dir / "initdb"), "-D", str(self.data), "-U", ROLE, "--auth=trust",
                        "-E", "UTF8", "--locale=C", "--no-sync")
        if init.returncode:
            raise RuntimeError(f"initdb failed: {init.stderr or init.stdout}")
        options = (f"-p {self.port} -k {self.base} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        started = self.run(str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-o", options,
                           "-l", str(self.base / "server.log"), "-w", "-t", "60", "start", timeout=90)
        if started.returncode:
            log = (self.base / "server.log").read_text(errors="replace") if (self.base / "server.log").exists() else ""
            raise RuntimeError(f"pg_ctl start failed: {started.stderr or started.stdout}\n{log[-2000:]}")

    def stop(self) -> None:
        self.run(str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.base, ignore_errors=True)

    def new_database(self) -> str:
        """A fresh, empty database; its URL."""
        import psycopg

        name = f"test_{os.getpid()}_{next(self._names)}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_database(self, url: str) -> None:
        import psycopg

        name = url.rsplit("/", 1)[1]
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"PostgreSQL tests cannot run under CI: {reason}")
    pytest.skip(f"PostgreSQL tests skipped: {reason}")


def pgvector_binaries() -> Path | None:
    """The server binaries of PyPI's ``pgserver`` (PostgreSQL 16 with the pgvector extension; installed by .ci/run
    from requirements-pgvector.txt), found without importing the package; None when it is not installed."""
    import importlib.util

    spec = importlib.util.find_spec("pgserver")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / "pginstall" / "bin"
        if (path / "initdb").is_file() and (path.parent / "lib" / "postgresql" / "vector.so").is_file():
            return path
    return None


def start_cluster(bin_dir: Path | None = None) -> Cluster:
    """Start a cluster (skip or, under CI, fail when that is impossible); the caller stops it.

    Args:
        bin_dir: the server's binaries; default Debian's (find_binaries).
    """
    bin_dir = bin_dir or find_binaries()
    if bin_dir is None:
        unavailable("no initdb/pg_ctl (install Debian's postgresql package, or set FRONTLINE_PG_BIN)")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        unavailable("psycopg is not installed (pip install --no-deps -r requirements.txt)")
    run_as: list[str] = []
    root = os.geteuid() == 0
    # under root, /tmp: the postgres user must reach the directory (a TMPDIR under /root would not do)
    base = Path(tempfile.mkdtemp(prefix="frontline-pg-", dir="/tmp" if root and Path("/tmp").is_dir() else None))
    if root:  # the server refuses root: run it as Debian's postgres user
        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            shutil.rmtree(base, ignore_errors=True)
            unavailable("running as root and there is no 'postgres' user to run the server as")
        os.chown(base, user.pw_uid, user.pw_gid)
        run_as = ["runuser", "-u", "postgres", "--"]
    cluster = Cluster(bin_dir, base, free_port(), run_as)  # type: ignore[arg-type]
    try:
        cluster.start()
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as e:
        cluster.stop()
        unavailable(f"the throw-away cluster did not start: {e}")
    return cluster
