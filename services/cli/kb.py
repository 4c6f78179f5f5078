"""`kb-search`: search the approved knowledge-base articles the way the agent page does."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from services import knowledge
from services.cli import print_json
from services.cli.common import services_from
from services.permissions import CLI


def _run(args: argparse.Namespace) -> int:
    services = services_from(args)
    print_json([asdict(hit) for hit in knowledge.search(services, CLI, args.query, k=args.k)])
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("kb-search", help="search approved KB articles (hybrid lexical + semantic); prints JSON hits")
    parser.add_argument("query", help="free text, e.g. a customer's message")
    parser.add_argument("--k", type=int, default=3, help=f"how many articles (1-{knowledge.MAX_HITS}, default 3)")
    parser.set_defaults(func=_run)
