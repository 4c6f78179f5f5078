"""`privacy export|erase|retention`: a customer's data as JSON, a customer erased, the retention policy applied
(services/data_rights.py; admin actions, run as the ``cli`` admin and audited under that name)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from services import data_rights
from services.cli import print_json
from services.cli.common import services_from
from services.errors import InvalidInput
from services.permissions import CLI


def _export(args: argparse.Namespace) -> int:
    data = data_rights.export_customer(services_from(args), CLI, args.customer_id)
    text = json.dumps(data, ensure_ascii=False, indent=1, default=str)
    if args.out is None:
        print(text)
        return 0
    try:
        args.out.write_text(text + "\n", encoding="utf-8")
    except OSError as e:
        raise InvalidInput(f"cannot write {args.out}: {e.strerror or e}") from None
    print_json({"exported": data["customer_id"], "file": str(args.out),
                "rows": sum(len(rows) for rows in data["tables"].values())})
    return 0


def _erase(args: argparse.Namespace) -> int:
    if not args.yes and sys.stdin.isatty():
        answer = input(f"Erase customer {args.customer_id}'s personal data for good? Type the id again: ")
        if answer.strip() != str(args.customer_id).strip():
            raise InvalidInput("not confirmed; nothing was changed")
    print_json(data_rights.erase_customer(services_from(args), CLI, args.customer_id))
    return 0


def _retention(args: argparse.Namespace) -> int:
    print_json(data_rights.apply_retention(services_from(args), CLI, dry_run=args.dry_run, days=args.days,
                                           batch=args.batch, now=args.now))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("privacy", help="data rights: export a customer's data, erase a customer, apply the "
                                            "retention policy (docs/security.md)")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="all of one customer's data as JSON (stdout, or --out FILE)")
    export.add_argument("customer_id")
    export.add_argument("--out", type=Path, help="write the JSON here and print one summary line instead")
    export.set_defaults(func=_export)
    erase = actions.add_parser("erase", help="remove one customer's personal data everywhere (aggregates stay); "
                                             "prints one JSON line")
    erase.add_argument("customer_id")
    erase.add_argument("--yes", action="store_true", help="do not ask for confirmation on a terminal")
    erase.set_defaults(func=_erase)
    retention = actions.add_parser("retention", help="anonymise conversations resolved more than "
                                                     "privacy_retention_days ago; prints one JSON line")
    retention.add_argument("--dry-run", action="store_true", help="count what would be anonymised; change nothing")
    retention.add_argument("--days", type=int, help="override privacy_retention_days for this run (0: off)")
    retention.add_argument("--batch", type=int, help="conversations per transaction (default "
                                                     "privacy_retention_batch)")
    retention.add_argument("--now", help="the moment to count back from (ISO-8601 UTC; default: now)")
    retention.set_defaults(func=_retention)
