"""`make scale-demo` / `make scale-demo-stop`: R Streamlit replicas behind nginx on loopback, with the simulator.

    python -m ops.scale_demo start [--replicas 2] [--port 8600] [--rate 0.5] [--sqlite]
    python -m ops.scale_demo stop

start: picks the database: PostgreSQL from FRONTLINE_DATABASE_URL; without it, a throw-away PostgreSQL cluster it
starts itself (ops/pg_cluster.py: Debian's binaries, as the postgres user under root, in a temporary directory named
in run/scale-demo/postgres.json); --sqlite or SCALE_DEMO_SQLITE=1 asks for the fallback instead (one SQLite file
shared by the replicas on this machine); no URL and no PostgreSQL binaries: it stops and says so. It seeds the demo company if it is missing, starts R replicas on ports PORT+1..PORT+R, nginx on PORT
(ops/nginx.py: websocket upgrade, sticky on the session cookie), the simulator process, switches the simulator on
as the demo admin, and prints the URL. Every process's pid goes to run/scale-demo/pids.json (git-ignored); stop
ends exactly those processes (and reaps them when they are its own children: no zombie), then the throw-away
cluster, whose directory it deletes. A replica can be killed and restarted while browsers are signed in: their session
token is checked against the database, so they carry on (bench/load.py --kill-one-at shows it under load).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "run" / "scale-demo"
MAX_REPLICAS = 8
STOP_WAIT_S = 20.0  # SIGTERM, then SIGKILL after this long
NEEDS_POSTGRES = ("scale-demo needs PostgreSQL: set FRONTLINE_DATABASE_URL=postgresql://user:password@host:port/db, "
                  "or install Debian's postgresql package (apt-get install -y postgresql) and it starts a throw-away "
                  "cluster itself (or run it with --sqlite / SCALE_DEMO_SQLITE=1 for the fallback: one SQLite file "
                  "shared by the replicas on this machine, fine for a demo, not for several machines)")
CLUSTER_FILE = "postgres.json"  # the throw-away cluster's directory, binaries and port, for stop


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m ops.scale_demo", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="action", required=True)
    start = sub.add_parser("start", help="database, replicas, nginx, simulator; prints the URL")
    start.add_argument("--replicas", type=int, default=2, help=f"Streamlit replicas, 1 to {MAX_REPLICAS}")
    start.add_argument("--port", type=int, default=8600, help="nginx's port; replicas take the next ports")
    start.add_argument("--rate", type=float, default=0.5, help="simulated customer messages per second")
    start.add_argument("--sqlite", action="store_true", help="the SQLite fallback when no PostgreSQL is configured")
    sub.add_parser("stop", help="stop every process the last start left")
    args = parser.parse_args(argv)
    if args.action == "start":
        if not 1 <= args.replicas <= MAX_REPLICAS:
            parser.error(f"--replicas must be between 1 and {MAX_REPLICAS}")
        if not 1024 <= args.port <= 65535 - MAX_REPLICAS:
            parser.error(f"--port must be between 1024 and {65535 - MAX_REPLICAS}")
        if not 0 < args.rate <= 20:
            parser.error("--rate must be above 0 and at most 20 messages per second")
    return args


def database(environ: dict[str, str], sqlite: bool, folder: Path) -> dict[str, str]:
    """The environment variables naming the database the replicas share; SystemExit when there is none."""
    url = environ.get("FRONTLINE_DATABASE_URL", "")
    if url:
        if not url.startswith(("postgresql://", "postgres://")):
            raise SystemExit("FRONTLINE_DATABASE_URL must be a postgresql:// URL")
        return {"FRONTLINE_DATABASE_URL": url}
    if sqlite or environ.get("SCALE_DEMO_SQLITE") == "1":
        return {"FRONTLINE_DB_PATH": environ.get("FRONTLINE_DB_PATH") or str(folder / "frontline.db")}
    return {"FRONTLINE_DATABASE_URL": throwaway_cluster(folder)}


def throwaway_cluster(folder: Path) -> str:
    """Start a throw-away PostgreSQL cluster for the demo (stop() ends it); the URL of its `frontline` database.
    SystemExit when no binaries are installed or it cannot start."""
    from ops import pg_cluster

    bin_dir = pg_cluster.find_binaries()
    if bin_dir is None:
        raise SystemExit(NEEDS_POSTGRES)
    try:
        cluster = pg_cluster.start(bin_dir, prefix="frontline-scale-demo-")
    except pg_cluster.Unavailable as e:
        raise SystemExit(f"scale-demo could not start a throw-away PostgreSQL cluster: {e}") from None
    folder.mkdir(parents=True, exist_ok=True)
    (folder / CLUSTER_FILE).write_text(json.dumps({"bin_dir": str(cluster.bin_dir), "base": str(cluster.base),
                                                   "port": cluster.port, "run_as": cluster.run_as}))
    return cluster.new_database("frontline")


def _stop_cluster(folder: Path) -> bool:
    """Stop the throw-away cluster start() left, and delete its directory; False when there was none."""
    from ops import pg_cluster

    try:
        saved = json.loads((folder / CLUSTER_FILE).read_text())
    except (OSError, ValueError):
        return False
    base = Path(saved["base"])
    if base.name.startswith("frontline-scale-demo-"):  # never delete a directory this demo did not make
        pg_cluster.Cluster(Path(saved["bin_dir"]), base, int(saved["port"]), list(saved["run_as"])).stop()
    (folder / CLUSTER_FILE).unlink(missing_ok=True)
    return True


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"  # a zombie has ended


def _pids(folder: Path) -> dict[str, int]:
    try:
        return json.loads((folder / "pids.json").read_text())
    except (OSError, ValueError):
        return {}


def wait_healthy(url: str, seconds: float = 90, where: str = "") -> None:
    """Until a Streamlit server (or nginx in front of one) answers /_stcore/health; SystemExit after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                return
        except OSError:
            time.sleep(0.25)
    raise SystemExit(f"{url} did not answer /_stcore/health within {seconds:.0f} s{where}")


def _spawn(command: list[str], env: dict[str, str], log: Path) -> int:
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log.open("ab"), stderr=subprocess.STDOUT,
                               stdin=subprocess.DEVNULL, start_new_session=True)  # outlives this command
    return process.pid


def start(args: argparse.Namespace, folder: Path = FOLDER) -> str:
    sys.path.insert(0, str(ROOT))
    from ops import nginx

    running = {name: pid for name, pid in _pids(folder).items() if _alive(pid)}
    if (folder / CLUSTER_FILE).exists():
        running["postgres"] = 0
    if running:
        raise SystemExit(f"scale-demo is already running ({', '.join(running)}): make scale-demo-stop first")
    folder.mkdir(parents=True, exist_ok=True)
    db = database(dict(os.environ), args.sqlite, folder)
    if (folder / CLUSTER_FILE).exists():
        print(f"scale-demo: started a throw-away PostgreSQL cluster ({db['FRONTLINE_DATABASE_URL']}); "
              "make scale-demo-stop deletes it", flush=True)
    if "FRONTLINE_DB_PATH" in db:
        print(f"scale-demo: SQLite fallback ({db['FRONTLINE_DB_PATH']}) shared by {args.replicas} replicas on this "
              "machine; set FRONTLINE_DATABASE_URL for PostgreSQL", flush=True)
    env = {**os.environ, **db}
    env.setdefault("FRONTLINE_BACKEND", "local")
    pids: dict[str, int] = {}
    try:
        subprocess.run([sys.executable, "-m", "services", "seed", "--if-missing"], cwd=ROOT, env=env, check=True)
        ports = [args.port + 1 + i for i in range(args.replicas)]
        for i, port in enumerate(ports):
            pids[f"replica-{i}"] = _spawn(
                [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port), "--server.address",
                 "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
                env, folder / f"replica-{i}.log")
            (folder / "pids.json").write_text(json.dumps(pids))
        for port in ports:
            wait_healthy(f"http://127.0.0.1:{port}", 120, f" (logs in {FOLDER})")
        conf = nginx.write(ports, args.port, folder / "nginx")
        pids["nginx"] = _spawn(nginx.command(conf), env, folder / "nginx.log")
        pids["simulator"] = _spawn([sys.executable, "-m", "services", "simulate"], env, folder / "simulator.log")
        (folder / "pids.json").write_text(json.dumps(pids))
        url = f"http://127.0.0.1:{args.port}"
        wait_healthy(url, 30, f" (logs in {FOLDER})")
        _switch_simulator_on(env, args.rate)
    except BaseException:
        stop(folder)
        raise
    return url


def _switch_simulator_on(env: dict[str, str], rate: float) -> None:
    os.environ.update(env)
    from services import admin, auth
    from services.bootstrap import build_services

    services = build_services()
    try:
        admin.set_simulator(services, auth.sign_in(services, "admin", "frontline-admin"), True, rate)
    finally:
        close = getattr(services.store, "close", None)  # PostgreSQL: the pool and listener; SQLite has none
        if close is not None:
            close()


def _reap(pid: int, wait: bool = False) -> None:
    """Collect a child's exit status (else it stays a zombie while this process lives); others' are init's to
    collect. wait: block until it ends (only for a process already signalled)."""
    try:
        os.waitpid(pid, 0 if wait else os.WNOHANG)
    except ChildProcessError:
        pass


def stop(folder: Path = FOLDER) -> list[str]:
    """Stops the processes named in pids.json (SIGTERM, then SIGKILL after STOP_WAIT_S), then the throw-away cluster;
    returns their names."""
    pids = _pids(folder)
    for pid in pids.values():
        if _alive(pid):
            os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + STOP_WAIT_S
    while any(_alive(p) for p in pids.values()) and time.monotonic() < deadline:
        for pid in pids.values():
            _reap(pid)
        time.sleep(0.2)
    for pid in pids.values():
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)
    for pid in pids.values():
        _reap(pid, wait=True)  # every one was signalled: a child of this process ends promptly
    (folder / "pids.json").unlink(missing_ok=True)
    stopped = list(pids)
    if _stop_cluster(folder):
        stopped.append("postgres")
    return stopped


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    if args.action == "stop":
        stopped = stop()
        print(f"scale-demo stopped: {', '.join(stopped)}" if stopped else "scale-demo was not running")
        return 0
    url = start(args)
    print(f"Frontline scale-demo on {url}  ({args.replicas} replicas behind nginx, simulator on at {args.rate:g}/s; "
          "sign in as agent/frontline-agent, supervisor/frontline-supervisor, admin/frontline-admin; "
          "make scale-demo-stop ends it)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
