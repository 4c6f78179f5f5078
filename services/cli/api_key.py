"""`api-key`: keys of the ingestion API (docs/api.md), one per integration. `create NAME` prints the key once (only its
hash is stored); `list` shows names, prefixes and limits; `revoke NAME` refuses the key's next request."""

from __future__ import annotations

import argparse

from services import api_keys, widget
from services.cli import print_json
from services.cli.common import services_from
from services.permissions import CLI


def _shown(key) -> dict:  # noqa: ANN001 - a services.models.ApiKey
    return {"name": key.name, "prefix": key.prefix, "rate_per_minute": key.rate_per_minute,
            "widget": key.widget, "created_at": key.created_at, "created_by": key.created_by,
            "revoked_at": key.revoked_at}


def _run(args: argparse.Namespace) -> int:
    services = services_from(args)
    if args.action == "create":
        if args.if_missing:
            existing = [k for k in api_keys.list_keys(services, CLI) if k.name == api_keys.clean_name(args.name)]
            if existing:
                print_json({**_shown(existing[0]), "note": "exists already (its key was shown when it was created)"})
                return 0
        stored, key = api_keys.create_key(services, CLI, args.name, args.rate_per_minute, widget=args.widget)
        print_json({**_shown(stored), "key": key, "note": "shown once: only its hash is stored"})
    elif args.action == "identity-secret":
        print_json({"site": args.name, "identity_secret": widget.identity_secret(services, CLI, args.name),
                    "note": "keep it on the shop's server: sign a signed-in customer's lower-cased e-mail with "
                            "HMAC-SHA256 and pass it as data-customer-signature (docs/api.md)"})
    elif args.action == "revoke":
        print_json(_shown(api_keys.revoke_key(services, CLI, args.name)))
    else:
        print_json([_shown(k) for k in api_keys.list_keys(services, CLI)])
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("api-key", help="ingestion API keys: create NAME (prints the key once), list, revoke NAME")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    create = actions.add_parser("create", help="a new key for an integration; prints it once")
    create.add_argument("name", help="the integration, e.g. shop-web (lower-case letters, digits, . _ -)")
    create.add_argument("--rate-per-minute", type=int, default=api_keys.DEFAULT_RATE_PER_MINUTE,
                        help=f"requests a minute the key may make (default {api_keys.DEFAULT_RATE_PER_MINUTE})")
    create.add_argument("--widget", action="store_true",
                        help="NAME is also a public site id for the web chat widget (docs/api.md)")
    create.add_argument("--if-missing", action="store_true",
                        help="leave a key of this name alone (what `make run` does for the demo shop's widget site)")
    actions.add_parser("list", help="every key: name, prefix, limit, revoked or not (never the key)")
    secret = actions.add_parser("identity-secret", help="a widget site's secret for signing signed-in customers")
    secret.add_argument("name")
    revoke = actions.add_parser("revoke", help="refuse the key from its next request on")
    revoke.add_argument("name")
    parser.set_defaults(func=_run)
