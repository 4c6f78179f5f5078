"""`train-predictors`: fit the CSAT and churn predictors on the stored history and store them in the database
(every replica then predicts with them); prints one JSON line with each model's held-out figures, and says so on
standard error for a kind with too little history (exit status 1 when neither could be trained)."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict

from services import predictors
from services.cli import print_json
from services.cli.common import services_from
from services.permissions import CLI


def run(args: argparse.Namespace) -> int:
    report = predictors.train(services_from(args, batch=True), CLI, now=args.now)
    print_json({"trained": {kind: asdict(info) for kind, info in report.trained.items()}, "notes": report.notes})
    for note in report.notes:
        print(note, file=sys.stderr)
    return 0 if report.trained else 1


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("train-predictors", help="train the CSAT and churn predictors on the stored history",
                            description=__doc__)
    parser.add_argument("--now", help="the moment to train as of (ISO-8601, default now; churn labels need "
                                      f"{predictors.CHURN_WINDOW_DAYS} days of quiet)")
    parser.set_defaults(func=run)
