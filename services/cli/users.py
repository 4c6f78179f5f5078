"""`users`: list users, or add one (the password is read from a prompt or stdin, never from the command line)."""

from __future__ import annotations

import argparse
import getpass
import sys

from services import auth
from services.cli import print_json
from services.cli.common import services_from
from services.errors import InvalidInput
from services.models import ROLES
from services.permissions import CLI
from services.validation import check_password, clean_choice, clean_field, clean_username


def read_password(stdin=None) -> str:  # noqa: ANN001 - a text stream
    """Twice at a prompt on a terminal; else the first line of stdin (`echo "$PW" | … users --add x`)."""
    stdin = stdin or sys.stdin
    if stdin.isatty():
        first = getpass.getpass("Password: ")
        if getpass.getpass("Repeat password: ") != first:
            raise InvalidInput("the two passwords differ")
        return first
    return stdin.readline().rstrip("\r\n")


def _run(args: argparse.Namespace) -> int:
    services = services_from(args)
    if args.add is not None:
        username = clean_username(args.add)
        name = clean_field(args.name if args.name is not None else username, "display name", 120)
        role = clean_choice(args.role, "role", ROLES)
        user = auth.create_user(services, CLI, username, name, role, check_password(read_password()))
        print_json({"created": user.username, "role": user.role})
        return 0
    if args.name is not None:
        raise InvalidInput("--name goes with --add USERNAME")
    print_json([{"username": u.username, "display_name": u.display_name, "role": u.role}
                for u in auth.list_users(services, CLI)])
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("users", help="list users, or add one with --add NAME --role ROLE (password from a "
                                          "prompt or stdin)")
    parser.add_argument("--add", metavar="USERNAME")
    parser.add_argument("--name", help="display name")
    parser.add_argument("--role", default="agent", help=f"one of {', '.join(ROLES)} (default agent)")
    parser.set_defaults(func=_run)
