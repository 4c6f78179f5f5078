"""`users`: list users, or add one."""

from __future__ import annotations

import argparse

from services import auth
from services.cli import print_json
from services.cli.common import services_from
from services.errors import InvalidInput
from services.models import ROLES
from services.validation import check_password, clean_choice, clean_field, clean_username


def _run(args: argparse.Namespace) -> int:
    services = services_from(args)
    if args.add is not None:
        if args.password is None:
            raise InvalidInput("--add needs --password (at least 8 characters)")
        username = clean_username(args.add)
        name = clean_field(args.name if args.name is not None else username, "display name", 120)
        user = auth.create_user(services, username, name, clean_choice(args.role, "role", ROLES),
                                check_password(args.password))
        print_json({"created": user.username, "role": user.role})
        return 0
    if args.name is not None or args.password is not None:
        raise InvalidInput("--name and --password go with --add USERNAME")
    print_json([{"username": u.username, "display_name": u.display_name, "role": u.role}
                for u in services.store.list_users()])
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("users", help="list users, or add one with --add NAME --role ROLE --password P")
    parser.add_argument("--add", metavar="USERNAME")
    parser.add_argument("--name", help="display name")
    parser.add_argument("--role", default="agent", help=f"one of {', '.join(ROLES)} (default agent)")
    parser.add_argument("--password")
    parser.set_defaults(func=_run)
