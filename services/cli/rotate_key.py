"""`rotate-key`: re-encrypt every encrypted field under the current data key (docs/security.md "Encryption at rest"),
500 rows per transaction; resumable (rows already under the current key are skipped). Prints one JSON line:
{"key_id", "rows_reencrypted", "batches", "remaining"}. Also encrypts the plaintext rows of a database upgraded from
before migration 20.

With the local key file (no FRONTLINE_DATA_KEYS), ``--new-key`` first adds a fresh key to the file and makes it
current (the old keys stay in it, so their values decrypt until the rotation has rewritten them). With the
environment, KMS or Secrets Manager, make the new key current there (first in the list), restart the app, then run
this command."""

from __future__ import annotations

import argparse

from services import encryption
from services.cli import print_json
from services.cli.common import services_from
from services.permissions import CLI


def _run(args: argparse.Namespace) -> int:
    services = services_from(args, batch=True)
    print_json(encryption.rotate_key(services, CLI, args.batch_size, args.max_batches, new_key=args.new_key))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("rotate-key", help="re-encrypt every encrypted field under the current data key "
                                               "(resumable); --new-key makes a new key current first (key file)")
    parser.add_argument("--batch-size", type=int, default=encryption.DEFAULT_BATCH,
                        help=f"rows per transaction (default {encryption.DEFAULT_BATCH})")
    parser.add_argument("--max-batches", type=int, default=None,
                        help="stop after this many batches (the next run continues); default: until done")
    parser.add_argument("--new-key", action="store_true",
                        help="local key file only: add a fresh key and make it current before re-encrypting")
    parser.set_defaults(func=_run)
