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


def start_cluster() -> Cluster:
    """Start a cluster (skip or, under CI, fail when that is impossible); the caller stops it."""
    bin_dir = find_binaries()
    if bin_dir is None:
        unavailable("no initdb/pg_ctl (install Debian's postgresql package, or set FRONTLINE_PG_BIN)")
    try:
        return cluster_ops.start(bin_dir)
    except cluster_ops.Unavailable as e:
        unavailable(str(e))
        raise  # unreachable: unavailable() skips or fails
