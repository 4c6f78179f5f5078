"""`simulate --rate N`: play customers writing in, beside the running app."""

from __future__ import annotations

import argparse
import json

from services.cli.common import services_from


def _run(args: argparse.Namespace) -> int:
    from services.simulator import Simulator

    simulator = Simulator(services_from(args), seed=args.seed, assign_to=args.assign_to)

    def show(arrival) -> None:
        print(json.dumps({"conversation": arrival.conversation_id, "message": arrival.message_id,
                          "kind": arrival.kind, "text": arrival.text}, ensure_ascii=False), flush=True)

    written = simulator.run(args.rate, count=args.count, duration=args.duration, on_arrival=show)
    print(json.dumps({"written": written}))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("simulate", help="simulated customers write in at --rate messages per second")
    parser.add_argument("--rate", type=float, default=0.5, help="messages per second (default 0.5)")
    parser.add_argument("--count", type=int, help="stop after this many messages")
    parser.add_argument("--duration", type=float, help="stop after this many seconds")
    parser.add_argument("--seed", type=int, help="random seed, for a repeatable run")
    parser.add_argument("--assign-to", default="agent", help="agent who gets most new conversations")
    parser.set_defaults(func=_run)
