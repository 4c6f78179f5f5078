"""`simulate`: the simulator process beside the app, switched on and off from the admin's Settings page.

Without --rate, --count or --duration it runs until stopped (Ctrl-C or SIGTERM), following the settings row;
with any of them it writes at --rate (default 0.5) regardless of the settings row, until --count or --duration.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import signal
import threading

from services.cli.common import services_from
from services.errors import InvalidInput
from services.validation import clean_username

MAX_RATE = 100.0
DEFAULT_RATE = 0.5


def _bounded(args: argparse.Namespace) -> bool:
    return args.rate is not None or args.count is not None or args.duration is not None


def _check(args: argparse.Namespace) -> None:
    if args.rate is None:
        args.rate = DEFAULT_RATE
    if not (math.isfinite(args.rate) and 0 < args.rate <= MAX_RATE):
        raise InvalidInput(f"--rate must be a number of messages per second above 0 and at most {MAX_RATE:g}")
    if args.count is not None and args.count < 0:
        raise InvalidInput("--count must be 0 or more")
    if args.duration is not None and not (math.isfinite(args.duration) and args.duration >= 0):
        raise InvalidInput("--duration must be a number of seconds, 0 or more")
    clean_username(args.assign_to)


def _show(arrival) -> None:  # noqa: ANN001 - a simulator.Arrival
    print(json.dumps({"conversation": arrival.conversation_id, "message": arrival.message_id,
                      "kind": arrival.kind, "text": arrival.text}, ensure_ascii=False), flush=True)


def _serve(args: argparse.Namespace) -> int:
    """Until SIGTERM or Ctrl-C: follow the settings row the admin page writes."""
    from services import simulator

    clean_username(args.assign_to)
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    print(json.dumps({"simulator": "following the settings row; switch it on in Settings", "pid": os.getpid()}),
          flush=True)
    written = simulator.serve(services_from(args), stop, seed=args.seed, assign_to=args.assign_to, on_arrival=_show)
    print(json.dumps({"written": written}))
    return 0


def _run(args: argparse.Namespace) -> int:
    if not _bounded(args):
        return _serve(args)
    from services.simulator import Simulator

    _check(args)
    simulator = Simulator(services_from(args), seed=args.seed, assign_to=args.assign_to)
    written = simulator.run(args.rate, count=args.count, duration=args.duration, on_arrival=_show)
    print(json.dumps({"written": written}))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("simulate", help="simulated customers write in: run beside the app and switch it on in "
                                             "Settings, or give --rate/--count/--duration for a fixed run")
    parser.add_argument("--rate", type=float, help=f"a fixed run at this many messages per second (default 0.5, at "
                                                   f"most {MAX_RATE:g}), ignoring the Settings switch")
    parser.add_argument("--count", type=int, help="stop after this many messages")
    parser.add_argument("--duration", type=float, help="stop after this many seconds")
    parser.add_argument("--seed", type=int, help="random seed, for a repeatable run")
    parser.add_argument("--assign-to", default="agent", help="agent who gets most new conversations")
    parser.set_defaults(func=_run)
