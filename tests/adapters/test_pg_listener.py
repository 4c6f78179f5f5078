"""Live updates across processes on PostgreSQL (issue 16.4): the change counter's trigger NOTIFYs, each process's
listener keeps the latest marker, the workspace's check then costs no query; the listener survives a killed
connection and a server restart, and callers poll the counter while it is down. Real throw-away servers
(tests/pg_cluster.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from services import auth, conversations
from services.bootstrap import build_services
from services.config import load_settings
from services.errors import PermissionDenied
from services.permissions import SEEDER
from tests.conftest import PROJECT_ROOT
from tests.contracts.conftest import customer
from tests.pg_cluster import free_port

BUDGET_S = 2.0  # the workspace's budget: written on one replica, visible on another


def _settings(url: str, tmp_path: Path, **extra: str):
    return load_settings(environ={"FRONTLINE_DATABASE_URL": url, "FRONTLINE_DB_PATH": str(tmp_path / "unused.db"),
                                  **extra}, config_file=tmp_path / "none.yaml")


def _until(condition: Callable[[], object], seconds: float) -> float:
    """Seconds until condition() is truthy; fails after `seconds`."""
    started = time.monotonic()
    while not condition():
        if time.monotonic() - started > seconds:
            pytest.fail(f"not within {seconds} s")
        time.sleep(0.01)
    return time.monotonic() - started


@pytest.fixture
def replica(postgres_url: str, tmp_path: Path) -> Iterator:
    """An app process's services on the test database, its listener connected."""
    services = build_services(_settings(postgres_url, tmp_path))
    _until(lambda: services.store.pushed_change_marker() is not None, 10)
    yield services
    services.store.close()


WRITER = """
import json, sys, time
from services.bootstrap import build_services
from services.models import Customer
services = build_services()
with services.uow() as uow:
    uow.customers.add(Customer(0, "Written elsewhere", "w@example.com", "", "gold", 1.0, "2024-01-01", "Leeds"))
print(json.dumps({"committed": time.time()}), flush=True)
services.store.close()
"""


def test_a_write_in_another_process_reaches_this_process_listener_within_the_budget(replica, postgres_url, tmp_path):
    before = replica.store.pushed_change_marker()
    env = {**os.environ, "FRONTLINE_DATABASE_URL": postgres_url, "FRONTLINE_DB_PATH": str(tmp_path / "unused.db")}
    written = subprocess.run([sys.executable, "-c", WRITER], cwd=PROJECT_ROOT, env=env, capture_output=True,
                             text=True, timeout=120)
    assert written.returncode == 0, written.stderr[-2000:]
    committed = json.loads(written.stdout.strip().splitlines()[-1])["committed"]
    _until(lambda: replica.store.pushed_change_marker() != before, 10)
    assert time.time() - committed <= BUDGET_S
    # the pushed marker is the counter the other process moved, so polling would show the same
    with replica.uow() as uow:
        assert uow.shared.change_marker() == replica.store.pushed_change_marker()


def test_the_check_costs_no_query_while_nothing_changed(replica):
    marker = conversations.queue_marker(replica)
    requests = replica.store.pool.get_stats().get("requests_num", 0)
    for _ in range(50):
        assert conversations.queue_marker(replica) == marker
    assert replica.store.pool.get_stats().get("requests_num", 0) == requests  # no connection asked of the pool


def test_a_rolled_back_write_pushes_no_change(replica):
    before = replica.store.pushed_change_marker()
    with pytest.raises(RuntimeError), replica.uow() as uow:
        uow.customers.add(customer("Never stored"))
        raise RuntimeError("the use case failed after writing")
    with replica.uow() as uow:
        uow.customers.add(customer("Stored"))
    _until(lambda: replica.store.pushed_change_marker() != before, 5)
    time.sleep(0.2)
    assert replica.store.pushed_change_marker() == (before[0] + 1,)  # one customer row: one move, not two


def test_the_listener_reconnects_after_its_connection_is_killed_and_callers_poll_meanwhile(replica, postgres_url):
    import psycopg

    listener = replica.store.listener
    connects = listener.connects
    with psycopg.connect(postgres_url, autocommit=True) as admin:
        killed = admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                               "WHERE application_name = 'frontline-listener' AND datname = current_database()"
                               ).fetchall()
    assert killed == [(True,)]
    _until(lambda: replica.store.pushed_change_marker() is None, 5)
    marker = conversations.queue_marker(replica)  # down: read from the counter, same marker
    assert marker is not None
    _until(lambda: listener.connects > connects, 5)  # first retry after 0.5 s
    assert conversations.queue_marker(replica) == marker
    with replica.uow() as uow:
        uow.customers.add(customer("After the kill"))
    assert _until(lambda: conversations.queue_marker(replica) != marker, BUDGET_S) <= BUDGET_S


def test_the_listener_survives_a_server_restart(tmp_path):
    from tests.pg_cluster import start_cluster

    cluster = start_cluster()  # its own server: the restart must not disturb the other tests' databases
    try:
        url = cluster.new_database("restart")
        services = build_services(_settings(url, tmp_path))
        try:
            listener = services.store.listener
            _until(lambda: services.store.pushed_change_marker() is not None, 10)
            cluster.stop_server("fast")
            _until(lambda: services.store.pushed_change_marker() is None, 5)
            cluster.restart()
            _until(lambda: services.store.pushed_change_marker() is not None, 15)  # backoff: 0.5, 1, 2, 4 s …
            marker = conversations.queue_marker(services)
            with services.uow() as uow:  # the pool drops its dead connections and gets new ones
                uow.customers.add(customer("After the restart"))
            _until(lambda: conversations.queue_marker(services) != marker, BUDGET_S)
            assert listener.connects == 2
        finally:
            services.store.close()
    finally:
        cluster.stop()


def test_live_notify_false_polls_the_counter(postgres_url, tmp_path):
    services = build_services(_settings(postgres_url, tmp_path, FRONTLINE_LIVE_NOTIFY="false"))
    try:
        assert services.store.listener is None
        assert services.store.pushed_change_marker() is None
        marker = conversations.queue_marker(services)
        with services.uow() as uow:
            uow.customers.add(customer("Polled"))
        assert conversations.queue_marker(services) != marker
    finally:
        services.store.close()


def test_sessions_survive_a_replica_restart_on_postgresql(postgres_url, tmp_path):
    """A session opened through one replica is resumed by another process after the first one is gone (the token
    is checked against the database, not process memory), and signing out ends it on every replica."""
    first = build_services(_settings(postgres_url, tmp_path))
    auth.create_user(first, SEEDER, "agent", "Alex Rivera", "agent", "frontline-agent")
    session = auth.start_session(first, "agent", "frontline-agent")
    first.store.close()  # the replica that signed the agent in goes away
    resumed = subprocess.run(
        [sys.executable, "-c", "import sys; from services import auth; from services.bootstrap import build_services;"
         "print(auth.resume_session(build_services(), sys.argv[1]).user.username)", session.token],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120,
        env={**os.environ, "FRONTLINE_DATABASE_URL": postgres_url, "FRONTLINE_DB_PATH": str(tmp_path / "unused.db")})
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    assert resumed.stdout.strip() == "agent"
    other = build_services(_settings(postgres_url, tmp_path))
    try:
        user = auth.resume_session(other, session.token).user
        auth.sign_out(other, user)
        with pytest.raises(PermissionDenied, match="session has ended"):
            auth.resume_session(other, session.token)
    finally:
        other.store.close()


def test_a_listener_without_a_server_answers_none_so_callers_poll(monkeypatch):
    from services.adapters.postgres import listener as module

    monkeypatch.setattr(module, "BACKOFF_S", (0.05, 0.1))
    listener = module.ChangeListener(f"postgresql://frontline@127.0.0.1:{free_port()}/none")
    try:
        assert listener.latest() is None
        time.sleep(0.5)  # several attempts, each refused
        assert listener.latest() is None and listener.connects == 0
        assert listener._thread is not None and listener._thread.is_alive()  # still trying, in the background
    finally:
        listener.stop()
    assert not listener._thread.is_alive()


def test_a_stopped_listener_never_answers_with_its_last_marker(replica):
    assert replica.store.pushed_change_marker() is not None
    replica.store.listener.stop()
    assert replica.store.pushed_change_marker() is None  # callers poll the counter
    assert conversations.queue_marker(replica) is not None
