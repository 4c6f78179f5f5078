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
