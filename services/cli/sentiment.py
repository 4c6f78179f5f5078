"""`eval-sentiment`: accuracy, macro-F1, confusion matrix and calibration of the sentiment analyzer.

On a labelled CSV or on a hold-out of our examples. A CSV without any `mixed` label is a 3-class test set: the
analyzer's `mixed` is folded into `negative` (rule printed as `fold`, see docs/sentiment.md).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from services.bootstrap import Services
from services.cli import print_json
from services.cli.common import services_from
from services.errors import InvalidInput


def _csv(args: argparse.Namespace) -> dict[str, Any]:
    if args.skip_rows < 0:
        raise InvalidInput("--skip-rows must be 0 or more")
    services = services_from(args, batch=True)
    lab = services.sentiment_lab
    texts, labels, skipped = lab.read_csv(Path(args.csv), args.text_col, args.label_col, sep=args.sep,
                                          encoding=args.encoding, skip_rows=args.skip_rows, label_map=args.label_map)
    if args.rows != "all":
        keep = [i for i in range(len(texts)) if i % 2 == (0 if args.rows == "even" else 1)]
        texts, labels = [texts[i] for i in keep], [labels[i] for i in keep]
    # the configured analyzer itself, never its fall-back: an outage must fail the evaluation, not measure local
    analyze = lab.baseline() if args.model == "vader" else services.primary(Services.sentiment).analyze
    result = lab.evaluate(analyze, texts, labels)
    return {"model": args.model, "provider": services.provider("sentiment") if args.model == "frontline" else "vader",
            "data": args.csv, "rows": args.rows, **result, "skipped": skipped}


def _holdout(args: argparse.Namespace) -> dict[str, Any]:
    lab = services_from(args, batch=True).sentiment_lab
    analyze, texts, labels, n_train = lab.holdout(args.holdout, args.seed, baseline=args.model == "vader")
    result = lab.evaluate(analyze, texts, labels)
    return {"model": args.model, "data": f"data/sentiment hold-out {args.holdout:g} seed {args.seed}",
            "n_train": n_train, **result, "skipped": 0}


def _run(args: argparse.Namespace) -> int:
    if args.csv and not (args.text_col and args.label_col):
        raise InvalidInput("--csv needs --text-col and --label-col")
    if not args.csv and args.holdout is None:
        raise InvalidInput("give --csv FILE --text-col C --label-col L, or --holdout FRACTION")
    if args.holdout is not None and not 0 < args.holdout < 1:
        raise InvalidInput("--holdout must be a fraction between 0 and 1, e.g. 0.2")
    print_json(_csv(args) if args.csv else _holdout(args))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "eval-sentiment",
        help="accuracy and macro-F1 of sentiment on a labelled CSV (positive|neutral|negative|mixed), "
             "or on a hold-out of data/sentiment")
    parser.add_argument("--csv", help="labelled CSV file; rows with other labels are skipped")
    parser.add_argument("--text-col", help="column holding the message text")
    parser.add_argument("--label-col", help="column holding the label (compared lowercase)")
    parser.add_argument("--sep", default=",", help="CSV field separator (default ',')")
    parser.add_argument("--encoding", default="utf-8-sig", help="CSV text encoding (default utf-8), e.g. latin-1")
    parser.add_argument("--skip-rows", type=int, default=0, help="lines to skip before the header line")
    parser.add_argument("--label-map", metavar="FROM=LABEL,...",
                        help="rename labels before comparing, e.g. 1=negative,3=neutral,5=positive")
    parser.add_argument("--rows", choices=("all", "even", "odd"), default="all",
                        help="evaluate every kept row, or only the even/odd ones (0-based; a fixed half for tuning)")
    parser.add_argument("--holdout", type=float, metavar="FRACTION",
                        help="instead of a CSV: train on the rest of our examples, test on this fraction")
    parser.add_argument("--seed", type=int, default=0, help="shuffle seed of the hold-out split")
    parser.add_argument("--model", choices=("frontline", "vader"), default="frontline",
                        help="frontline: the configured analyzer; vader: VADER's compound score alone (baseline)")
    parser.set_defaults(func=_run)
