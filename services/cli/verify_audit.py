"""`verify-audit`: check the audit log's hash chain (services/audit.py verify_chain); one JSON line, exit code 1 when
a row was changed or removed (``first_bad_id`` names the first), 0 when the chain holds."""

from __future__ import annotations

import argparse

from services import audit
from services.cli import print_json
from services.cli.common import services_from
from services.permissions import CLI


def _run(args: argparse.Namespace) -> int:
    result = audit.verify_chain(services_from(args), CLI, anchor=args.anchor or "")
    print_json(result.as_json())
    return 0 if result.ok else 1


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("verify-audit", help="check the audit log's hash chain: one JSON line (entries, ok, "
                                                 "first_bad_id, redacted, head_id, head_hash); exit code 1 when "
                                                 "tampered")
    parser.add_argument("--anchor", metavar="ID:HASH",
                        help="a head_id:head_hash printed by an earlier run and noted outside the database: that row "
                             "must still be there, unchanged (shows the newest rows removed or the chain rewritten)")
    parser.set_defaults(func=_run)
