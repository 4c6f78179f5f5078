"""What the append-only, hash-chained audit log costs: one JSON line.

    python bench/audit_log.py [--records 3000] [--postgres]

On a fresh SQLite store in a temporary folder (and with --postgres on a throw-away PostgreSQL cluster, ops/pg_cluster.py):

- ``record_uow_us``: mean microseconds of a unit of work that reads a customer and records the read (what every
  audited read of customer data costs; the entry is chained and written at the commit), over --records of them,
  in rounds of 100 alternating with the plain ones (``*_cpu_us``: this process's CPU time of the same);
- ``plain_uow_us``: the same unit of work writing the entry as before migration 19 did (one INSERT, no chain), on
  another fresh store: the difference is what the chain adds;
- ``batch_record_us``: microseconds per entry when 100 entries are recorded in one unit of work;
- ``verify_rows_per_s``: rows per second services.audit.verify_chain checks (all of the above, read in pages).

The line also carries the load average before and after (the machine is shared: read the figures with it).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from services import audit  # noqa: E402
from services.bootstrap import build_services  # noqa: E402
from services.clock import now_iso  # noqa: E402
from services.config import Settings  # noqa: E402
from services.models import Customer  # noqa: E402
from services.permissions import CLI  # noqa: E402

ROUND = 100  # units of work per round; chained and plain rounds alternate
DANA = Customer(0, "Dana Reyes", "dana@example.com", "+44 20 7946 0000", "gold", 10.0, "2024-01-01", "Leeds")


def load() -> float:
    return round(os.getloadavg()[0], 2)


def per_uow_s(services: Any, records: int, chained: bool) -> tuple[float, float]:
    """(wall, this process's CPU) seconds for ``records`` units of work, each reading the customer and recording
    the read."""
    with services.uow() as uow:
        found = uow.customers.all()
        customer_id = found[0].id if found else uow.customers.add(DANA).id
    started, cpu = time.perf_counter(), time.process_time()
    for i in range(records):
        with services.uow() as uow:
            uow.customers.get(customer_id)
            if chained:
                uow.audit.record("sam", "read", "customer", str(customer_id), f"customer panel {i}")
            else:  # the record() of before migration 19: one INSERT of the row, no digest, no hash
                uow.audit.tx.insert("audit_log", {"at": now_iso(), "actor": "sam", "action": "read",
                                                  "entity": "customer", "entity_id": str(customer_id),
                                                  "detail": f"customer panel {i}"})
    return time.perf_counter() - started, time.process_time() - cpu


def batch_us(services: Any, batches: int = 10, size: int = 100) -> float:
    started = time.perf_counter()
    for b in range(batches):
        with services.uow() as uow:
            for i in range(size):
                uow.audit.record("cli", "export", "customer", str(i), f"batch {b}")
    return (time.perf_counter() - started) / (batches * size) * 1e6


def figures(make: Any, records: int) -> dict[str, Any]:
    chained, plain = make("chained"), make("plain")
    wall, cpu = {True: 0.0, False: 0.0}, {True: 0.0, False: 0.0}
    for _ in range(max(1, records // ROUND)):  # interleaved rounds: the shared machine's load drifts
        for kind in (True, False):
            spent = per_uow_s(chained if kind else plain, ROUND, kind)
            wall[kind], cpu[kind] = wall[kind] + spent[0], cpu[kind] + spent[1]
    done = max(1, records // ROUND) * ROUND
    line = {"record_uow_us": round(wall[True] / done * 1e6), "plain_uow_us": round(wall[False] / done * 1e6),
            "record_uow_cpu_us": round(cpu[True] / done * 1e6), "plain_uow_cpu_us": round(cpu[False] / done * 1e6),
            "batch_record_us": round(batch_us(chained))}
    started = time.perf_counter()
    result = audit.verify_chain(chained, CLI)
    line.update(verify_rows_per_s=round(result.entries / (time.perf_counter() - started)), verified=result.ok,
                entries=result.entries)
    return line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=3000)
    parser.add_argument("--postgres", action="store_true", help="also measure on a throw-away PostgreSQL cluster")
    args = parser.parse_args()
    line: dict[str, Any] = {"load_before": load(), "records": args.records}
    with tempfile.TemporaryDirectory(prefix="bench-audit-") as folder:
        line["sqlite"] = figures(lambda name: build_services(Settings(db_path=f"{folder}/{name}.db")), args.records)
    if args.postgres:
        from ops import pg_cluster

        cluster = pg_cluster.start(prefix="bench-audit-pg-")
        try:
            line["postgres"] = figures(lambda name: build_services(Settings(
                db_path=f"{cluster.base}/{name}.db", database_url=cluster.new_database())), args.records)
        finally:
            cluster.stop()
    line["load_after"] = load()
    print(json.dumps(line))


if __name__ == "__main__":
    main()
