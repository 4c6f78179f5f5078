"""`users`: list users, or add one."""

from __future__ import annotations

import argparse

from services import auth
from services.cli import print_json
from services.cli.common import services_from


def _run(args: argparse.Namespace) -> int:
    services = services_from(args)
    if args.add:
        user = auth.create_user(services, args.add, args.name or args.add, args.role, args.password)
        print_json({"created": user.username, "role": user.role})
        return 0
    print_json([{"username": u.username, "display_name": u.display_name, "role": u.role}
                for u in services.store.list_users()])
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("users", help="list users, or add one with --add NAME --role ROLE --password P")
    parser.add_argument("--add", metavar="USERNAME")
    parser.add_argument("--name", help="display name")
    parser.add_argument("--role", default="agent")
    parser.add_argument("--password")
    parser.set_defaults(func=_run)
