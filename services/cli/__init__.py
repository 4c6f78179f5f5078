"""`python -m services`: one sub-command per module in this package.

Each module defines ``register(subparsers)`` which adds its parser and sets ``func(args) -> int``.
Modules are found automatically, so a new command is one new file.

Commands call the use cases as ``services.permissions.CLI``: a user named ``cli`` with the admin role, so what they do
passes the same permission checks as a page and is audited under the name ``cli``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import sys
from typing import Any

from services.errors import ServiceError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m services", description="Frontline services command line.")
    parser.add_argument("--config", help="config file (default: config/frontline.yaml or $FRONTLINE_CONFIG)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        importlib.import_module(f"{__name__}.{info.name}").register(sub)
    return parser


def print_json(payload: Any) -> None:
    print(json.dumps(payload, ensure_ascii=False, sort_keys=False))


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except ServiceError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
