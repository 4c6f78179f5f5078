"""`migrate`: bring the store's schema up to date (services.bootstrap.migrate_store); one JSON line. On PostgreSQL,
run it with the login that owns the tables and ``--app-role`` naming the app's own login, which then needs no
right to change the schema (the app only reads the version at start) and cannot alter the audit log's rules.
``--app-password-env VAR`` creates that login (or sets its password) from the environment variable VAR, so a
deployment's migrate step can keep the login in step with its secret; a password never goes on a command line."""

from __future__ import annotations

import argparse
import os

from services.bootstrap import migrate_store
from services.cli import print_json
from services.config import load_settings
from services.errors import InvalidInput


def _run(args: argparse.Namespace) -> int:
    settings = load_settings(config_file=getattr(args, "config", None))
    password = None
    if args.app_password_env:
        if not args.app_role:
            raise InvalidInput("--app-password-env sets the password of the --app-role login: name the role too")
        password = os.environ.get(args.app_password_env)
        if not password:
            raise InvalidInput(f"--app-password-env: the environment variable {args.app_password_env} is not set "
                               "or empty")
    print_json(migrate_store(settings, database_url=args.database_url or "", app_role=args.app_role or "",
                             app_password=password))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("migrate", help="bring the database schema up to date (PostgreSQL: as the tables' owner, "
                                            "optionally granting the app's login what it needs); one JSON line")
    parser.add_argument("--database-url", metavar="URL",
                        help="postgresql://… of the login that owns the tables (default: the configured database_url)")
    parser.add_argument("--app-role", metavar="ROLE",
                        help="the app's own PostgreSQL login: granted rows of every table, on audit_log only SELECT, "
                             "INSERT and UPDATE of detail; run again after every upgrade")
    parser.add_argument("--app-password-env", metavar="VAR",
                        help="create the --app-role login if it does not exist, or set its password, from this "
                             "environment variable (the deployment's migrate task reads it from its secret)")
    parser.set_defaults(func=_run)
