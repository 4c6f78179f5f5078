"""The tests' throw-away PostgreSQL cluster (ops/pg_cluster.py: Debian's initdb and pg_ctl, a temporary directory, a
free loopback port, trust authentication; under root the server runs as Debian's ``postgres`` user).

Missing binaries skip the PostgreSQL tests with the reason, except under ``CI=true`` where they fail (CI installs
Debian's ``postgresql`` package: .ci/run).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ops import pg_cluster as cluster_ops
from ops.pg_cluster import ROLE, Cluster, free_port

__all__ = ["BIN_DIRS", "ROLE", "Cluster", "find_binaries", "free_port", "start_cluster", "unavailable"]

BIN_DIRS = cluster_ops.BIN_DIRS


def find_binaries() -> Path | None:
    return cluster_ops.find_binaries(BIN_DIRS)


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
    cluster_ops.reap_orphans()  # clusters of earlier runs that were killed before they could stop theirs
    try:
        return cluster_ops.start(bin_dir, owner=True)
    except cluster_ops.Unavailable as e:
        unavailable(str(e))
        raise  # unreachable: unavailable() skips or fails
