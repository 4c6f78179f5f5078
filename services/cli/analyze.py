"""`analyze TEXT | - | --file F`: run the assist pipeline on one message and print the Analysis as JSON."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import BinaryIO

from services.cli import print_json
from services.cli.common import services_from
from services.errors import InvalidInput
from services.models import CHANNELS
from services.text import MAX_MESSAGE_CHARS
from services.validation import require_id

MAX_BYTES = MAX_MESSAGE_CHARS * 4  # UTF-8 needs at most four bytes a character


def read_text(stream: BinaryIO, where: str) -> str:
    """UTF-8 text from a byte stream, read no further than the longest message could need.

    Raises:
        InvalidInput: longer than the message limit allows, or not UTF-8.
    """
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InvalidInput(f"{where} is too long: over {MAX_BYTES:,} bytes (the limit is "
                           f"{MAX_MESSAGE_CHARS:,} characters)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InvalidInput(f"{where} is not UTF-8 text (byte {e.start:,} cannot be decoded)") from None


def _message(args: argparse.Namespace) -> str:
    if args.file is not None and args.text is not None:
        raise InvalidInput("give the message as TEXT, as - (standard input) or with --file, not two of them")
    if args.file is not None:
        try:
            with Path(args.file).open("rb") as stream:
                return read_text(stream, f"the file {args.file}")
        except OSError as e:
            raise InvalidInput(f"cannot read {args.file}: {e.strerror or e}") from None
    if args.text == "-":
        return read_text(sys.stdin.buffer, "standard input")
    if args.text is None:
        raise InvalidInput("give the message as TEXT, as - to read standard input, or with --file FILE")
    return args.text


def _run(args: argparse.Namespace) -> int:
    from services import assist  # the pipeline's models load only when this command runs
    from services.seed import existing_rows

    text = _message(args)
    customer = None if args.customer is None else require_id(args.customer, "customer")
    services = services_from(args)
    if not existing_rows(services):  # a fresh clone: give the pipeline the demo KB and customers
        from services.seed import seed_demo

        seed_demo(services)
        print(f"note: seeded the empty database at {services.settings.database_name} with the demo",
              file=sys.stderr)
    context = assist.context_for(services, customer)
    analysis = assist.analyze_message(services, text, channel=args.channel, context=context)
    print_json(assist.analysis_to_dict(analysis))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("analyze", help="analyse one customer message (intent, sentiment, PII, replies, …)",
                            description="Analyse one customer message, given as TEXT, as - (read standard input) "
                            f"or with --file FILE (UTF-8; up to {MAX_MESSAGE_CHARS:,} characters).")
    parser.add_argument("text", nargs="?", help="the customer's message, or - to read it from standard input")
    parser.add_argument("--file", metavar="FILE", help="read the message from this UTF-8 file")
    parser.add_argument("--channel", choices=CHANNELS, default="chat")
    parser.add_argument("--customer", help="customer id, for name/order/tier context")
    parser.set_defaults(func=_run)
