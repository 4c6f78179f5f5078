"""The scale-out pieces: nginx's config for several replicas, scale-demo's arguments, bench/load.py's JSON line."""

from __future__ import annotations

import asyncio
import concurrent.futures
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ops import nginx, scale_demo

ROOT = Path(__file__).resolve().parents[2]


def _load_bench():
    spec = importlib.util.spec_from_file_location("bench_load", ROOT / "bench" / "load.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_nginx_config_upgrades_websockets_and_sticks_to_the_session_cookie(tmp_path):
    text = nginx.config([8601, 8602], 8600, tmp_path)
    assert "proxy_set_header Upgrade $http_upgrade;" in text
    assert "proxy_set_header Connection $connection_upgrade;" in text
    assert "map $cookie_frontline_session $sticky_key" in text
    assert "hash $sticky_key consistent;" in text
    assert "server 127.0.0.1:8601" in text and "server 127.0.0.1:8602" in text
    assert "listen 127.0.0.1:8600;" in text
    assert "proxy_read_timeout 86400s;" in text
    assert nginx.SESSION_COOKIE == "frontline_session"


def test_nginx_config_refuses_no_replica_or_a_bad_port(tmp_path):
    with pytest.raises(ValueError, match="at least one replica"):
        nginx.config([], 8600, tmp_path)
    with pytest.raises(ValueError, match="between 1 and 65535"):
        nginx.config([70000], 8600, tmp_path)


def test_nginx_accepts_the_generated_config(tmp_path):
    if not (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()):
        if os.environ.get("CI") == "true":
            pytest.fail("CI installs Debian's nginx (.ci/run)")
        pytest.skip("Debian's nginx is not installed (apt-get install -y nginx)")
    conf = nginx.write([8601, 8602], 8600, tmp_path / "nginx")
    checked = subprocess.run([*nginx.command(conf), "-t"], capture_output=True, text=True, timeout=30)
    assert checked.returncode == 0, checked.stderr


def test_scale_demo_arguments():
    args = scale_demo.parse(["start"])
    assert (args.replicas, args.port, args.sqlite) == (2, 8600, False)
    assert scale_demo.parse(["start", "--replicas", "3", "--sqlite"]).replicas == 3
    assert scale_demo.parse(["stop"]).action == "stop"
    for bad in (["start", "--replicas", "0"], ["start", "--replicas", "9"], ["start", "--port", "80"],
                ["start", "--rate", "0"], ["start", "--replicas", "two"], []):
        with pytest.raises(SystemExit):
            scale_demo.parse(bad)


def test_scale_demo_stops_and_says_so_without_postgresql(tmp_path, monkeypatch):
    from ops import pg_cluster

    monkeypatch.setattr(pg_cluster, "find_binaries", lambda: None)  # no URL and no server binaries
    with pytest.raises(SystemExit, match="needs PostgreSQL.*apt-get install -y postgresql"):
        scale_demo.database({}, sqlite=False, folder=tmp_path)
    assert not (tmp_path / scale_demo.CLUSTER_FILE).exists()
    with pytest.raises(SystemExit, match="postgresql://"):
        scale_demo.database({"FRONTLINE_DATABASE_URL": "mysql://x"}, sqlite=False, folder=tmp_path)
    url = "postgresql://frontline@127.0.0.1:5432/frontline"
    assert scale_demo.database({"FRONTLINE_DATABASE_URL": url}, sqlite=True, folder=tmp_path) == {
        "FRONTLINE_DATABASE_URL": url}
    assert scale_demo.database({}, sqlite=True, folder=tmp_path) == {"FRONTLINE_DB_PATH": str(tmp_path / "frontline.db")}
    assert scale_demo.database({"SCALE_DEMO_SQLITE": "1"}, sqlite=False, folder=tmp_path)["FRONTLINE_DB_PATH"]


def test_scale_demo_stop_ends_only_the_processes_it_started(tmp_path):
    assert scale_demo.stop(tmp_path) == []  # nothing started: nothing stopped
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    bystander = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        (tmp_path / "pids.json").write_text(json.dumps({"replica-0": sleeper.pid}))
        assert scale_demo.stop(tmp_path) == ["replica-0"]
        assert sleeper.wait(timeout=10) is not None
        assert bystander.poll() is None
        assert not (tmp_path / "pids.json").exists()
    finally:
        bystander.kill()
        sleeper.kill()


def test_load_bench_arguments():
    load = _load_bench()
    assert load.parse(["--sessions", "3", "--minutes", "1"]).replicas == 1
    assert load.parse(["--sessions", "3", "--minutes", "1", "--postgres"]).postgres is True
    for bad in (["--sessions", "0", "--minutes", "1"], ["--sessions", "2", "--minutes", "0"],
                ["--sessions", "2", "--minutes", "1", "--kill-one-at", "5"],
                ["--sessions", "2", "--minutes", "1", "--url", "http://127.0.0.1:1", "--replicas", "2"],
                ["--sessions", "2", "--minutes", "1", "--url", "http://127.0.0.1:1", "--postgres"]):
        with pytest.raises(SystemExit):
            load.parse(bad)


BURN = "import time\nend = time.process_time() + 0.6\nwhile time.process_time() < end: pass\ntime.sleep(2)"


def test_load_bench_counts_the_cpu_of_a_process_and_its_children():
    """cpu_share_by_part: PostgreSQL's and nginx's work is done in their children (backends, workers): counted
    while they live and once they are reaped."""
    load = _load_bench()
    parent = subprocess.Popen([sys.executable, "-c", f"import subprocess, sys, time; "
                               f"subprocess.run([sys.executable, '-c', {BURN!r}]); time.sleep(30)"])
    try:
        deadline = time.monotonic() + 60
        while load.process_tree_cpu(parent.pid) < 0.5 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert load.process_tree_cpu(parent.pid) >= 0.5  # the child, alive (the parent itself only waits)
        time.sleep(2.5)
        assert load.process_tree_cpu(parent.pid) >= 0.5  # the child, reaped
    finally:
        parent.kill()
        parent.wait()
    assert load.process_tree_cpu(parent.pid) == 0.0  # gone: nothing to read


class _Session:
    def __init__(self, conversation_id, draws):
        self.conversation_id, self.signed_in, self.seen, self._draws = conversation_id, True, {}, list(draws)

    async def refresh(self):  # each look draws the next marker, as a busy server would, late
        if self._draws:
            self.seen[self._draws.pop(0)] = 1


def _run(coroutine):
    """asyncio.run in a thread of its own: a worker that ran browser tests before this one has Playwright's sync
    event loop running in its main thread (the whole suite on 4c0720b: "asyncio.run() cannot be called from a
    running event loop")."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def test_load_bench_waits_for_late_markers_and_no_longer_than_needed():
    load = _load_bench()
    written = {"0": (7, 0.0), "1": (7, 0.0), "2": (8, 0.0)}
    late = [_Session(7, ["0", "1"]), _Session(8, ["2"])]
    waited = _run(load.wait_until_seen(late, written, grace=30, poll=0.01))
    assert all(set(s.seen) == {k for k, (c, _) in written.items() if c == s.conversation_id} for s in late)
    assert waited < 5  # returned once everything was drawn, not after the whole grace
    never = [_Session(7, ["0"])]
    waited = _run(load.wait_until_seen(never, written, grace=0.2, poll=0.01))
    assert 0.2 <= waited < 5 and "1" not in never[0].seen  # gives up at the grace: the pair counts as unseen


@pytest.mark.e2e
def test_load_bench_prints_one_json_line_with_its_fields():
    run = subprocess.run([sys.executable, "bench/load.py", "--sessions", "1", "--minutes", "0.1", "--every", "1",
                          "--grace", "60"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    lines = run.stdout.strip().splitlines()
    assert len(lines) == 1
    result = json.loads(lines[0])
    load = _load_bench()
    assert set(load.FIELDS) <= set(result)
    assert result["sessions"] == 1 and result["replicas"] == 1
    assert result["messages_written"] >= 3
    assert result["errors"] == 0 and result["messages_lost"] == 0
    assert result["p95_ms"] is not None and result["p95_ms"] >= result["p50_ms"] >= 0


def _state(pid: int) -> str | None:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return None


def test_scale_demo_stop_leaves_no_zombie(tmp_path, monkeypatch):
    """make scale-demo-stop left nginx a zombie when the processes were its own children: it signalled them and
    checked they had ended, but never collected their exit status."""
    log = tmp_path / "child.log"
    pids = {"nginx": scale_demo._spawn([sys.executable, "-c", "import time; time.sleep(60)"], dict(os.environ), log),
            "replica-0": scale_demo._spawn([sys.executable, "-c", "import signal, time; "
                                            "signal.signal(signal.SIGTERM, signal.SIG_IGN); time.sleep(60)"],
                                           dict(os.environ), log)}  # ignores SIGTERM: killed after the wait
    (tmp_path / "pids.json").write_text(json.dumps(pids))
    monkeypatch.setattr(scale_demo, "STOP_WAIT_S", 2.0)
    assert sorted(scale_demo.stop(tmp_path)) == ["nginx", "replica-0"]
    assert [_state(pid) for pid in pids.values()] == [None, None]  # gone from the process table, not "Z"


def test_scale_demo_starts_a_throwaway_postgresql_without_a_url_and_stop_deletes_it(tmp_path):
    from ops import pg_cluster

    if pg_cluster.find_binaries() is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI installs Debian's postgresql (.ci/run)")
        pytest.skip("no PostgreSQL binaries (apt-get install -y postgresql)")
    import psycopg

    url = scale_demo.database({}, sqlite=False, folder=tmp_path)["FRONTLINE_DATABASE_URL"]
    saved = json.loads((tmp_path / scale_demo.CLUSTER_FILE).read_text())
    try:
        assert url.startswith("postgresql://") and url.endswith("/frontline")
        with psycopg.connect(url, connect_timeout=5) as conn:
            assert conn.execute("SELECT current_database()").fetchone() == ("frontline",)
        if os.geteuid() == 0:  # the server refuses root: it runs as Debian's postgres user
            assert saved["run_as"] == ["runuser", "-u", "postgres", "--"]
        with pytest.raises(SystemExit, match="already running"):
            scale_demo.start(scale_demo.parse(["start"]), tmp_path)
    finally:
        assert scale_demo.stop(tmp_path) == ["postgres"]
    assert not Path(saved["base"]).exists()
    assert not (tmp_path / scale_demo.CLUSTER_FILE).exists()
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(url, connect_timeout=2)


def _free_run(length: int) -> int:
    """A port with the next `length - 1` ports free too (nginx and the replicas)."""
    import socket

    for base in range(20000 + os.getpid() % 5000, 40000, 7):
        try:
            sockets = []
            for port in range(base, base + length):
                s = socket.socket()
                sockets.append(s)
                s.bind(("127.0.0.1", port))
            return base
        except OSError:
            continue
        finally:
            for s in sockets:
                s.close()
    raise RuntimeError("no free ports")


@pytest.mark.e2e
def test_scale_demo_on_its_own_postgresql_serves_through_nginx_and_stop_leaves_nothing(tmp_path, monkeypatch):
    import urllib.request

    from ops import pg_cluster

    if pg_cluster.find_binaries() is None or not (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()):
        if os.environ.get("CI") == "true":
            pytest.fail("CI installs Debian's postgresql and nginx (.ci/run)")
        pytest.skip("needs Debian's postgresql and nginx")
    monkeypatch.delenv("FRONTLINE_DATABASE_URL", raising=False)
    monkeypatch.delenv("SCALE_DEMO_SQLITE", raising=False)
    port = _free_run(3)
    environ = dict(os.environ)
    try:
        url = scale_demo.start(scale_demo.parse(["start", "--port", str(port)]), tmp_path)
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=10) as answer:
            assert answer.status == 200
        pids = json.loads((tmp_path / "pids.json").read_text())
        assert sorted(pids) == ["nginx", "replica-0", "replica-1", "simulator"]
        cluster = json.loads((tmp_path / scale_demo.CLUSTER_FILE).read_text())
    finally:
        stopped = scale_demo.stop(tmp_path)
        os.environ.clear()
        os.environ.update(environ)  # start() hands the demo's database to this process for the simulator switch
    assert sorted(stopped) == ["nginx", "postgres", "replica-0", "replica-1", "simulator"]
    assert [pid for pid in pids.values() if _state(pid) is not None] == []  # ended and reaped: no zombie
    assert not Path(cluster["base"]).exists()
