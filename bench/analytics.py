"""Supervisor analytics at scale: one JSON line.

    python bench/analytics.py --conversations 100000 [--postgres] [--repeat 3]

Builds a SQLite store of N finished conversations over 90 days with the demo seed's generator
(services.seed.seed_history: the same planning, masking and per-conversation outcomes as `seed`) in a temporary
folder (its messages masked by the "rules" PII provider: --seed-pii), then times what one run of the supervisor
analytics page reads - services.analytics.dashboard (every figure, trend and table of the KPI tabs), monitor.live_monitor and analytics.assistant_board (the Virtual assistant tab) - over the
whole 90 days and with no filter, in a freshly built Services (new connections, nothing cached in process; its
models loaded first, as the app does in the background when it starts: services/warmup.py): ``dashboard_s`` is
that first, cold run; ``dashboard_filtered_s`` one with a channel and tier filter;
``dashboard_30_days_s`` the page's default view (the last 30 days); ``dashboard_warm_s`` the median of --repeat
more runs over the 90 days (``kpis_only_warm_s``: the dashboard call alone). Then the predictors are trained on the
whole history (``train_predictors_s``) and the Predictions tab's read is timed (``predictions_s``: the page keeps it
for PREDICTIONS_EVERY_MIN minutes, so it is paid once per visit at most, not on every rerun).

With --postgres (Debian's PostgreSQL binaries, ops/pg_cluster.py) the same rows are copied into a throw-away
PostgreSQL cluster (COPY, triggers off, then ANALYZE) and the same calls are timed there: ``postgres_*`` keys. The
line also carries the load average before and after (the machine is shared: read the figures with it).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from services import analytics, monitor, predictors  # noqa: E402
from services.bootstrap import build_services  # noqa: E402
from services.config import Settings  # noqa: E402
from services.models import User  # noqa: E402
from services.seed import seed_history  # noqa: E402
from services.warmup import warm_up  # noqa: E402

ANCHOR = "2026-11-24"
RANGE = {"since": "2026-08-26", "until": ANCHOR}  # the 90 days the history spans
FILTERED = {**RANGE, "channels": ["chat", "email"], "tiers": ["gold", "vip"]}
DEFAULT_VIEW = {"since": "2026-10-26", "until": ANCHOR}  # the page's default: the last 30 days
SUPERVISOR = User(0, "priya", "Priya Shah", "supervisor")


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def page(services: Any, filters: dict[str, Any], audit: bool = True) -> Any:
    """What one run of the analytics page reads: the dashboard (tiles and the KPI tabs: volume, mixes, suggested
    replies, agents, ROI, the drill-down's picker), the live monitor and the virtual assistant's figures."""
    board = analytics.dashboard(services, SUPERVISOR, **filters)
    monitor.live_monitor(services, SUPERVISOR, audit=audit)
    analytics.assistant_board(services, SUPERVISOR, **filters)
    return board


def clock(call: Any) -> tuple[float, Any]:
    started = time.perf_counter()
    result = call()
    return time.perf_counter() - started, result


def timed(settings: Settings, repeat: int) -> dict[str, float]:
    """The page's reads in a freshly built Services: cold, filtered, the default view, then the median of `repeat`
    runs; then the predictors trained on the whole history and the Predictions tab's read (kept by the page for
    PREDICTIONS_EVERY_MIN minutes, so once per visit at most)."""
    services = build_services(settings)
    warm_up(services)  # what the app does in the background when it builds its Services (services/warmup.py)
    cold, board = clock(lambda: page(services, RANGE))
    filtered, _ = clock(lambda: page(services, FILTERED))
    last_30_days, _ = clock(lambda: page(services, DEFAULT_VIEW))
    warm = [clock(lambda: page(services, RANGE))[0] for _ in range(repeat)]
    dashboard_only, _ = clock(lambda: analytics.dashboard(services, SUPERVISOR, **RANGE))
    train_s, report = clock(lambda: predictors.train(services, SUPERVISOR, now=ANCHOR + "T12:00:00Z"))
    predictions_s, _ = clock(lambda: predictors.predictions(services, SUPERVISOR, now=ANCHOR + "T12:00:00Z"))
    if settings.database_url:
        services.get("store").close()
    return {"dashboard_s": round(cold, 3), "dashboard_filtered_s": round(filtered, 3),
            "dashboard_30_days_s": round(last_30_days, 3),
            "dashboard_warm_s": round(statistics.median(warm), 3) if warm else None,
            "kpis_only_warm_s": round(dashboard_only, 3), "predictors_trained": list(report.trained),
            "train_predictors_s": round(train_s, 2), "predictions_s": round(predictions_s, 3),
            "measured_conversations": board.overall.conversations}


def copy_to_postgres(db: Path, url: str) -> float:
    """Every table of the SQLite store into the migrated PostgreSQL database (same columns, same order)."""
    import psycopg

    from services.adapters.local import schema
    from services.adapters.postgres.uow import PostgresDatabase

    PostgresDatabase(url, listen=False).close()  # migrates
    started = time.perf_counter()
    source = sqlite3.connect(db)
    with psycopg.connect(url, autocommit=False) as target:
        target.execute("SET session_replication_role = replica")  # no change-counter triggers on a bulk copy
        for table in (*schema.TABLES, "kb_usage"):
            target.execute(f"DELETE FROM {table}")  # noqa: S608 - our table names (users, secrets: the migration's)
        for table in (*schema.TABLES, "kb_usage"):
            columns = [r[1] for r in source.execute(f"PRAGMA table_info({table})")]
            with target.cursor().copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in source.execute(f"SELECT {', '.join(columns)} FROM {table}"):  # noqa: S608
                    copy.write_row(row)
            if "id" in columns:
                target.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                               f"GREATEST((SELECT MAX(id) FROM {table}), 1))")
        target.commit()
    with psycopg.connect(url, autocommit=True) as target:
        target.execute("VACUUM ANALYZE")
    source.close()
    return time.perf_counter() - started


def with_postgres(db: Path, repeat: int) -> dict[str, Any]:
    from ops import pg_cluster

    cluster = pg_cluster.start(prefix="bench-analytics-pg-")
    try:
        url = cluster.new_database()
        copy_s = copy_to_postgres(db, url)
        figures = timed(Settings(db_path=str(db), database_url=url), repeat)
        return {"postgres_copy_s": round(copy_s, 1), **{f"postgres_{k}": v for k, v in figures.items()}}
    finally:
        cluster.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--conversations", type=int, default=100_000)
    parser.add_argument("--postgres", action="store_true", help="also time it on a throw-away PostgreSQL cluster")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed-pii", default="rules", choices=("rules", "local"),
                        help="the PII detector that masks the generated messages (local: Presidio + NER, ~1 h at 100k)")
    parser.add_argument("--store", type=Path, help="keep the built store in this file, or time it again if it exists "
                                                   "(its conversations are then the ones it holds)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-analytics-") as folder:
        db = args.store or Path(folder) / "analytics.db"
        settings = Settings(db_path=str(db))
        line: dict[str, Any] = {"load_before": load()}
        started = time.perf_counter()
        if args.store is None or not args.store.exists():
            # the history's messages masked by our rules alone (provider "rules"): the default's NER model takes ~9 ms
            # a message, 470,000 messages over an hour; the masked text only feeds drill-downs, no figure timed
            builder = build_services(Settings(db_path=str(db), providers={"pii": args.seed_pii}))
            built = seed_history(builder, args.conversations, ANCHOR)
            line.update(conversations=built["conversations"], build_s=round(time.perf_counter() - started, 1),
                        seed_pii=args.seed_pii, article_uses=built["article_uses"])
        line["engine"] = "sqlite"
        line.update(timed(settings, args.repeat))
        if args.postgres:
            line.update(with_postgres(db, args.repeat))
        line["load_after"] = load()
    print(json.dumps(line))


if __name__ == "__main__":
    main()
