"""`seed`: fill an empty database with the Brightwave Home demo company (`--force` replaces a database's rows)."""

from __future__ import annotations

import argparse
import sys
import time

from services.cli import print_json
from services.cli.common import services_from
from services.errors import InvalidInput
from services.seed import describe_rows, existing_rows, seed_demo


def _run(args: argparse.Namespace) -> int:
    services = services_from(args, batch=True)
    rows = existing_rows(services)
    if rows and args.if_missing:
        if not rows.get("users"):
            print(f"note: {services.settings.database_name} holds data but no users; left as it is. Add one with "
                  "`python -m services users --add NAME --role admin --password P`.", file=sys.stderr)
        print_json({"db": services.settings.database_name, "skipped": True,
                    "counts": services.store.table_counts()})
        return 0
    if rows and not args.force:
        raise InvalidInput(f"{services.settings.database_name} already holds {describe_rows(rows)}. Seeding would "
                           "delete them all; nothing was changed. Run `seed --force` to replace them with the demo, "
                           "or `seed --if-missing` to keep them.")
    if rows:
        print(f"deleting from {services.settings.database_name}: {describe_rows(rows)}", file=sys.stderr)
    result = seed_demo(services, args.anchor, force=args.force)
    if rows:
        result["deleted"] = rows
    if not args.no_assist:
        from services.inbox import backfill_open  # loads the assist models

        started = time.perf_counter()
        result["analysed_open_conversations"] = backfill_open(services)
        result["assist_seconds"] = round(time.perf_counter() - started, 2)
    print_json(result)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("seed", help="load the demo company into an empty database (deterministic)",
                            description="Fill an empty database with the demo company. A database that holds any "
                            "row is never touched unless --force is given (then every row is deleted first).")
    parser.add_argument("--anchor", metavar="YYYY-MM-DD",
                        help="the date whose 12:00 UTC is 'now' for the demo data (default: the current UTC hour)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--if-missing", action="store_true",
                      help="do nothing when the database already holds any row (what `make run` does)")
    mode.add_argument("--force", action="store_true",
                      help="delete every row of a non-empty database (users, customers, conversations, articles, "
                           "audit trail) and load the demo instead")
    parser.add_argument("--no-assist", action="store_true",
                        help="skip analysing the open conversations (their assist panels then offer a Retry "
                             "analysis button; pages never analyse while they draw)")
    parser.set_defaults(func=_run)
