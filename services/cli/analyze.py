"""`analyze "TEXT"`: run the assist pipeline on one message and print the Analysis as JSON."""

from __future__ import annotations

import argparse
import sys

from services.cli import print_json
from services.cli.common import services_from
from services.models import CHANNELS


def _run(args: argparse.Namespace) -> int:
    from services import assist  # the pipeline's models load only when this command runs

    services = services_from(args)
    if not services.store.list_users():  # a fresh clone: give the pipeline the demo KB and customers
        from services.seed import seed_demo

        seed_demo(services)
        print(f"note: seeded the demo database at {services.settings.database_file}", file=sys.stderr)
    context = assist.context_for(services, args.customer)
    analysis = assist.analyze_message(services, args.text, channel=args.channel, context=context)
    print_json(assist.analysis_to_dict(analysis))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("analyze", help="analyse one customer message (intent, sentiment, PII, replies, …)")
    parser.add_argument("text", help="the customer's message")
    parser.add_argument("--channel", choices=CHANNELS, default="chat")
    parser.add_argument("--customer", type=int, help="customer id, for name/order/tier context")
    parser.set_defaults(func=_run)
