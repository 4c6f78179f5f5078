"""What data rights cost on the seeded demo store (SQLite): an erasure with and without secure_delete, the WAL
checkpoint that follows it, a VACUUM for comparison, an export, and the retention policy; one JSON line. Each erasure
variant also says how many of the erased customers' e-mail addresses are still in the raw bytes of the database file
and its write-ahead log afterwards, while a connection of the "app" stays open (emails_left_in_files) and once it
closed (emails_left_after_app_closed: SQLite's last connection checkpoints the log itself).

    python bench/privacy.py [--customers 10] [--retention-days 7] [--postgres]

Seeds the demo company (deterministic, anchor 2026-12-01, no assist models) into a temporary folder, copies it per
variant, and times the use cases as the CLI runs them (services/data_rights.py). The machine is shared: the load
average is printed with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from services import data_rights  # noqa: E402
from services.adapters.local.sqlite_privacy import SqlitePrivacy  # noqa: E402
from services.bootstrap import build_services  # noqa: E402
from services.config import Settings  # noqa: E402
from services.permissions import CLI  # noqa: E402
from services.seed import seed_demo  # noqa: E402

ANCHOR = "2026-12-01"


def _services(path: Path):  # noqa: ANN202
    return build_services(Settings(db_path=str(path)), batch=True)


def _copy(seeded: Path, name: str) -> Path:
    target = seeded.parent / name
    shutil.copyfile(seeded, target)
    return target


def _ms(values: list[float]) -> dict[str, float]:
    return {"mean_ms": round(statistics.mean(values), 1), "max_ms": round(max(values), 1)}


def _erase_all(path: Path, customers: int, secure: bool, checkpoint: bool) -> dict[str, float]:
    services = _services(path)
    store = services.store
    original_secure, original_forget = SqlitePrivacy.secure_delete, type(store).forget_freed
    if not secure:
        # explicitly off: Debian's SQLite is built with it on by default (PRAGMA secure_delete says 1)
        SqlitePrivacy.secure_delete = lambda self: self.tx.conn.execute(  # type: ignore[method-assign]
            "PRAGMA secure_delete = OFF")
    checkpoints: list[float] = []
    if not checkpoint:
        type(store).forget_freed = lambda self: {"wal_checkpoint": "skipped"}  # type: ignore[method-assign]
    else:
        def timed(self):  # noqa: ANN001, ANN202
            started = time.perf_counter()
            try:
                return original_forget(self)
            finally:
                checkpoints.append((time.perf_counter() - started) * 1000)
        type(store).forget_freed = timed  # type: ignore[method-assign]
    with services.uow() as uow:
        emails = [uow.customers.get(i).email.lower().encode() for i in range(1, customers + 1)]
    app = sqlite3.connect(path)  # the running app: a connection stays open, so closing ours never ends the WAL
    app.execute("SELECT COUNT(*) FROM customers").fetchone()
    try:
        took = []
        for customer_id in range(1, customers + 1):
            started = time.perf_counter()
            data_rights.erase_customer(services, CLI, customer_id)
            took.append((time.perf_counter() - started) * 1000)
    finally:
        SqlitePrivacy.secure_delete, type(store).forget_freed = original_secure, original_forget  # type: ignore[method-assign]
    raw_while_open = b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists()).lower()
    app.close()
    raw = b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists()).lower()
    return {**_ms(took), **({"checkpoint_mean_ms": round(statistics.mean(checkpoints), 1)} if checkpoints else {}),
            "emails_left_in_files": sum(email in raw_while_open for email in emails),
            "emails_left_after_app_closed": sum(email in raw for email in emails)}


def _on_postgres(customers: int, retention_days: int) -> dict[str, object]:
    """The same use cases on a throw-away PostgreSQL server (ops/pg_cluster.py) holding the seeded demo."""
    from ops import pg_cluster

    cluster = pg_cluster.start(owner=True)
    try:
        url = cluster.new_database()
        services = build_services(Settings(database_url=url), batch=True)
        seed_demo(services, ANCHOR)
        started = time.perf_counter()
        data_rights.export_customer(services, CLI, 1)
        result: dict[str, object] = {"export_ms": round((time.perf_counter() - started) * 1000, 1)}
        took = []
        for customer_id in range(1, customers + 1):
            started = time.perf_counter()
            data_rights.erase_customer(services, CLI, customer_id)
            took.append((time.perf_counter() - started) * 1000)
        result["erase"] = _ms(took)
        now = f"{ANCHOR}T12:00:00Z"
        started = time.perf_counter()
        done = data_rights.apply_retention(services, CLI, days=retention_days, now=now)
        result["retention"] = {"conversations": done["conversations"], "batches": done["batches"],
                               "ms": round((time.perf_counter() - started) * 1000, 1)}
        services.store.close()
    finally:
        cluster.stop()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=10, help="customers erased per variant (ids 1..N)")
    parser.add_argument("--retention-days", type=int, default=7)
    parser.add_argument("--postgres", action="store_true", help="also on a throw-away PostgreSQL server (Debian's "
                                                                "binaries, ops/pg_cluster.py)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        seeded = Path(folder) / "demo.db"
        services = _services(seeded)
        seed_demo(services, ANCHOR)
        counts = services.store.table_counts()
        result: dict[str, object] = {"db_bytes": seeded.stat().st_size, "customers": counts["customers"],
                                     "conversations": counts["conversations"], "messages": counts["messages"],
                                     "erased_customers": args.customers}
        started = time.perf_counter()
        data_rights.export_customer(services, CLI, 1)
        result["export_ms"] = round((time.perf_counter() - started) * 1000, 1)
        result["erase_shipped"] = _erase_all(_copy(seeded, "a.db"), args.customers, secure=True, checkpoint=True)
        result["erase_no_secure_delete"] = _erase_all(_copy(seeded, "b.db"), args.customers, secure=False,
                                                      checkpoint=True)
        result["erase_no_checkpoint"] = _erase_all(_copy(seeded, "c.db"), args.customers, secure=True,
                                                   checkpoint=False)
        vacuumed = _copy(seeded, "d.db")
        conn = sqlite3.connect(vacuumed)
        started = time.perf_counter()
        conn.execute("VACUUM")
        result["vacuum_ms"] = round((time.perf_counter() - started) * 1000, 1)
        conn.close()
        kept = _services(_copy(seeded, "e.db"))
        now = f"{ANCHOR}T12:00:00Z"
        started = time.perf_counter()
        dry = data_rights.apply_retention(kept, CLI, days=args.retention_days, now=now, dry_run=True)
        result["retention_dry_run_ms"] = round((time.perf_counter() - started) * 1000, 1)
        started = time.perf_counter()
        done = data_rights.apply_retention(kept, CLI, days=args.retention_days, now=now)
        result["retention"] = {"days": args.retention_days, "conversations": done["conversations"],
                               "batches": done["batches"], "messages": done["changed"].get("messages", 0),
                               "ms": round((time.perf_counter() - started) * 1000, 1),
                               "dry_run_counted": dry["conversations"]}
        started = time.perf_counter()
        again = data_rights.apply_retention(kept, CLI, days=args.retention_days, now=now)
        result["retention_again"] = {"conversations": again["conversations"],
                                     "ms": round((time.perf_counter() - started) * 1000, 1)}
    if args.postgres:
        result["postgres"] = _on_postgres(args.customers, args.retention_days)
    probe = sqlite3.connect(":memory:")
    result["sqlite"] = {"version": sqlite3.sqlite_version,
                        "secure_delete_default": probe.execute("PRAGMA secure_delete").fetchone()[0]}
    probe.close()
    result["load_average"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
