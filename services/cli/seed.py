"""`seed`: reset the database and fill it with the Brightwave Home demo company."""

from __future__ import annotations

import argparse
import time

from services.cli import print_json
from services.cli.common import services_from
from services.seed import seed_demo


def _run(args: argparse.Namespace) -> int:
    services = services_from(args)
    if args.if_missing and services.store.list_users():
        print_json({"db": str(services.settings.database_file), "skipped": True,
                    "counts": services.store.table_counts()})
        return 0
    result = seed_demo(services, args.anchor)
    if not args.no_assist:
        from services.inbox import backfill_open  # loads the assist models

        started = time.perf_counter()
        result["analysed_open_conversations"] = backfill_open(services)
        result["assist_seconds"] = round(time.perf_counter() - started, 2)
    print_json(result)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("seed", help="reset the database and load the demo company (deterministic)")
    parser.add_argument("--anchor", metavar="YYYY-MM-DD",
                        help="the date whose 12:00 UTC is 'now' for the demo data (default: the current UTC hour)")
    parser.add_argument("--if-missing", action="store_true",
                        help="do nothing when the database already has users")
    parser.add_argument("--no-assist", action="store_true",
                        help="skip analysing the open conversations (their assist panels fill on first view)")
    parser.set_defaults(func=_run)
