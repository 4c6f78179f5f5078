"""The throw-away PostgreSQL fixture's rule: missing binaries skip the PostgreSQL tests with the reason, except under
CI=true, where they fail (CI must run the contract suites on PostgreSQL)."""

from __future__ import annotations

import pytest

from tests import pg_cluster


@pytest.fixture
def no_binaries(monkeypatch):
    monkeypatch.setattr(pg_cluster, "find_binaries", lambda: None)


def test_missing_binaries_skip_with_the_reason(no_binaries, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no initdb/pg_ctl .*install Debian's postgresql"):
        pg_cluster.start_cluster()


def test_missing_binaries_fail_under_ci(no_binaries, monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="PostgreSQL tests cannot run under CI"):
        pg_cluster.start_cluster()


def test_the_binaries_are_found_where_debian_puts_them(monkeypatch, tmp_path):
    for name in ("initdb", "pg_ctl"):
        (tmp_path / name).write_text("#!/bin/sh\n")
    monkeypatch.setattr(pg_cluster, "BIN_DIRS", (str(tmp_path / "absent"), str(tmp_path)))
    assert pg_cluster.find_binaries() == tmp_path


def test_a_cluster_whose_test_run_was_killed_is_stopped_and_deleted_by_the_next_run():
    """Defect: a pytest run killed from outside (a timeout) left its throw-away clusters running in /tmp for good."""
    import subprocess
    import sys
    import time

    from ops import pg_cluster as ops_cluster

    cluster = pg_cluster.start_cluster()
    try:
        server = cluster.server_pid()
        assert server is not None and ops_cluster._alive(server)
        dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                              text=True, check=True)
        (cluster.base / ops_cluster.OWNER_FILE).write_text(dead.stdout.strip())  # as if that run had started it
        next_run = pg_cluster.start_cluster()  # the next run's fixture reaps it before it starts its own
        try:
            assert not cluster.base.exists() and next_run.base.exists()
            assert ops_cluster.reap_orphans(folder=next_run.base.parent) == []  # an owner that runs: left alone
            assert next_run.base.exists()
            for _ in range(100):
                if not ops_cluster._alive(server):
                    break
                time.sleep(0.1)
            assert not ops_cluster._alive(server)
        finally:
            next_run.stop()
    finally:
        cluster.stop()
