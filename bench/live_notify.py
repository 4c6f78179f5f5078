"""LISTEN/NOTIFY against plain polling of the change counter, on PostgreSQL across two processes: one JSON line.

    python bench/live_notify.py [--watchers 50] [--interval 1.5] [--seconds 30] [--every 1.0]

Starts a throw-away PostgreSQL cluster (ops/pg_cluster.py; FRONTLINE_DATABASE_URL: that server instead) and, once
per mode (`notify`: the listener pushes the marker; `poll`: live_notify=false, every check reads the counter), a
second process, "replica B", whose --watchers threads stand for the agent sessions' change watchers: each calls
conversations.queue_marker every --interval seconds (the workspace's LIVE_REFRESH_S), staggered. This process,
"replica A", writes a customer row every --every seconds through its own unit of work (the trigger moves the
counter). Per mode:

  check_us          mean wall time of one queue_marker call in replica B (µs)
  pushed_p50/95_ms  commit in A -> the pushed marker in B's memory (notify only; a 5 ms sampler)
  seen_p50/95_ms    commit in A -> a watcher in B sees the marker moved, over every (write, watcher) pair: what a
                    session's check adds before its rerun (bounded by --interval in both modes)
  db_cpu_s          CPU seconds of the PostgreSQL server processes during the watch (backends, the listener's
                    included; the cluster's own server only)
  app_cpu_s         CPU seconds replica B used during the watch
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def percentile(values: list[float], share: float) -> float | None:
    ordered = sorted(values)
    return ordered[max(0, round(share * len(ordered)) - 1)] if ordered else None


def watch(args: argparse.Namespace) -> None:
    """Replica B: watchers check the marker; prints what each saw when (wall clock) and its CPU."""
    from services import conversations
    from services.bootstrap import build_services

    services = build_services()
    if args.mode == "notify":
        deadline = time.monotonic() + 20
        while services.store.pushed_change_marker() is None and time.monotonic() < deadline:
            time.sleep(0.01)
    seen: list[list[tuple[float, int]]] = [[] for _ in range(args.watchers)]
    pushed: list[tuple[float, int]] = []
    timings: list[float] = []
    stop = threading.Event()

    def watcher(i: int) -> None:
        time.sleep(args.interval * i / args.watchers)  # sessions open at different times
        last = None
        while not stop.is_set():
            started = time.perf_counter()
            marker = conversations.queue_marker(services)
            timings.append(time.perf_counter() - started)
            if marker != last:
                seen[i].append((time.time(), int(marker[0])))
                last = marker
            stop.wait(args.interval)

    def sampler() -> None:
        last = None
        while not stop.is_set():
            marker = services.store.pushed_change_marker()
            if marker is not None and marker != last:
                pushed.append((time.time(), int(marker[0])))
                last = marker
            time.sleep(0.005)

    threads = [threading.Thread(target=watcher, args=(i,)) for i in range(args.watchers)]
    if args.mode == "notify":
        threads.append(threading.Thread(target=sampler))
    cpu = resource.getrusage(resource.RUSAGE_SELF)
    print("ready", flush=True)
    for thread in threads:
        thread.start()
    sys.stdin.readline()  # replica A says when it has finished writing
    stop.set()
    for thread in threads:
        thread.join()
    used = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({"seen": seen, "pushed": pushed, "check_us": statistics.mean(timings) * 1e6,
                      "app_cpu_s": used.ru_utime + used.ru_stime - cpu.ru_utime - cpu.ru_stime}), flush=True)
    services.store.close()


def server_cpu(postmaster: int | None) -> float:
    """CPU seconds of the server's processes alive now (the postmaster and its children)."""
    if postmaster is None:
        return 0.0
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(stat.parent.name) == postmaster or int(fields[1]) == postmaster:
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def measure(args: argparse.Namespace, url: str, mode: str, postmaster: int | None) -> dict:
    from services.bootstrap import build_services
    from services.config import load_settings
    from services.models import Customer

    env = {**os.environ, "FRONTLINE_DATABASE_URL": url, "FRONTLINE_LIVE_NOTIFY": str(mode == "notify").lower()}
    replica_b = subprocess.Popen([sys.executable, __file__, "--role", "watcher", "--mode", mode,
                                  "--watchers", str(args.watchers), "--interval", str(args.interval)],
                                 cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    replica_a = build_services(load_settings(environ={"FRONTLINE_DATABASE_URL": url, "FRONTLINE_LIVE_NOTIFY": "false"}))
    written: list[tuple[float, int]] = []
    try:
        assert replica_b.stdout.readline().strip() == "ready"
        time.sleep(args.interval + 0.5)  # every watcher has started
        db_before = server_cpu(postmaster)
        started = time.monotonic()
        while time.monotonic() - started < args.seconds:
            with replica_a.uow() as uow:
                uow.customers.add(Customer(0, "Bench", "b@example.com", "", "gold", 1.0, "2024-01-01", "Leeds"))
            committed = time.time()
            with replica_a.uow() as uow:
                written.append((committed, int(uow.shared.change_marker()[0])))
            time.sleep(args.every)
        time.sleep(args.interval + 0.5)  # the last write reaches every watcher
        db_cpu = server_cpu(postmaster) - db_before
        out, _ = replica_b.communicate("done\n", timeout=120)
    finally:
        if replica_b.poll() is None:
            replica_b.kill()
        replica_a.store.close()
    report = json.loads(out.strip().splitlines()[-1])
    seen = [max(0.0, next((t for t, v in views if v >= value), float("nan")) - at) * 1000
            for at, value in written for views in report["seen"]]
    pushed = [max(0.0, next((t for t, v in report["pushed"] if v >= value), float("nan")) - at) * 1000
              for at, value in written]
    missed = sum(1 for x in seen if x != x)
    seen = [x for x in seen if x == x]
    pushed = [x for x in pushed if x == x]
    result = {"writes": len(written), "check_us": round(report["check_us"], 1),
              "seen_p50_ms": round(statistics.median(seen)) if seen else None,
              "seen_p95_ms": round(percentile(seen, 0.95)) if seen else None, "seen_missed": missed,
              "db_cpu_s": round(db_cpu, 2), "app_cpu_s": round(report["app_cpu_s"], 2)}
    if mode == "notify":
        result.update(pushed_p50_ms=round(statistics.median(pushed), 1) if pushed else None,
                      pushed_p95_ms=round(percentile(pushed, 0.95), 1) if pushed else None)
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--watchers", type=int, default=50, help="change watchers (sessions) in replica B")
    parser.add_argument("--interval", type=float, default=1.5, help="seconds between two checks of one watcher")
    parser.add_argument("--seconds", type=float, default=30.0, help="how long replica A writes")
    parser.add_argument("--every", type=float, default=1.0, help="seconds between two writes")
    parser.add_argument("--role", choices=("bench", "watcher"), default="bench", help=argparse.SUPPRESS)
    parser.add_argument("--mode", choices=("notify", "poll"), default="notify", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.watchers < 1 or not args.interval > 0 or not args.seconds > 0 or not args.every > 0:
        parser.error("--watchers is 1 or more; --interval, --seconds and --every are above 0")
    if args.role == "watcher":
        watch(args)
        return
    from ops import pg_cluster
    from services.adapters.postgres.uow import PostgresDatabase

    url, cluster = os.environ.get("FRONTLINE_DATABASE_URL", ""), None
    if not url:
        cluster = pg_cluster.start(prefix="bench-notify-pg-")
        url = cluster.new_database("frontline")
    try:
        PostgresDatabase(url, listen=False).close()  # the schema (migrations), once
        load_before = os.getloadavg()[0]
        result = {"watchers": args.watchers, "interval_s": args.interval, "seconds": args.seconds,
                  "every_s": args.every, "load_average_1m_before": round(load_before, 2)}
        postmaster = cluster.server_pid() if cluster else None
        for mode in ("notify", "poll"):
            result[mode] = measure(args, url, mode, postmaster)
        result["load_average_1m"] = round(os.getloadavg()[0], 2)
    finally:
        if cluster:
            cluster.stop()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
