"""`simulate --rate N`: play customers writing in, beside the running app."""

from __future__ import annotations

import argparse
import json
import math

from services.cli.common import services_from
from services.errors import InvalidInput
from services.validation import clean_username

MAX_RATE = 100.0


def _check(args: argparse.Namespace) -> None:
    if not (math.isfinite(args.rate) and 0 < args.rate <= MAX_RATE):
        raise InvalidInput(f"--rate must be a number of messages per second above 0 and at most {MAX_RATE:g}")
    if args.count is not None and args.count < 0:
        raise InvalidInput("--count must be 0 or more")
    if args.duration is not None and not (math.isfinite(args.duration) and args.duration >= 0):
        raise InvalidInput("--duration must be a number of seconds, 0 or more")
    clean_username(args.assign_to)


def _run(args: argparse.Namespace) -> int:
    from services.simulator import Simulator

    _check(args)
    simulator = Simulator(services_from(args), seed=args.seed, assign_to=args.assign_to)

    def show(arrival) -> None:
        print(json.dumps({"conversation": arrival.conversation_id, "message": arrival.message_id,
                          "kind": arrival.kind, "text": arrival.text}, ensure_ascii=False), flush=True)

    written = simulator.run(args.rate, count=args.count, duration=args.duration, on_arrival=show)
    print(json.dumps({"written": written}))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("simulate", help="simulated customers write in at --rate messages per second")
    parser.add_argument("--rate", type=float, default=0.5, help=f"messages per second (default 0.5, at most {MAX_RATE:g})")
    parser.add_argument("--count", type=int, help="stop after this many messages")
    parser.add_argument("--duration", type=float, help="stop after this many seconds")
    parser.add_argument("--seed", type=int, help="random seed, for a repeatable run")
    parser.add_argument("--assign-to", default="agent", help="agent who gets most new conversations")
    parser.set_defaults(func=_run)
