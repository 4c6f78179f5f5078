"""`eval-pii --jsonl FILE`: recall (full, partial), precision and keep violations of PII masking; one JSON line.
`train-pii-crf [--out FILE]`: rebuild the CRF name tagger's model from our labelled sets (pii_crf); one JSON line.
`train-pii-person [--out FILE]`: rebuild the check of PERSON spans from our labelled sets (pii_person_check); one JSON
line."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from services import pii_eval
from services.cli import print_json
from services.cli.common import services_from


def _run(args: argparse.Namespace) -> int:
    result = pii_eval.evaluate(services_from(args, batch=True), pii_eval.load_jsonl(args.jsonl))
    errors = result.pop("errors")
    if args.errors:
        for error in errors:
            print(json.dumps(error, ensure_ascii=False), file=sys.stderr)
    print_json({"file": str(args.jsonl), **result})
    return 0


def _train_crf(args: argparse.Namespace) -> int:
    from services.bootstrap import build_pii_crf_model

    print_json(build_pii_crf_model(args.out))
    return 0


def _train_person(args: argparse.Namespace) -> int:
    from services.bootstrap import build_pii_person_model

    print_json(build_pii_person_model(args.out))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "eval-pii", help="PII masking on a labelled JSONL file ({text, pii: [{kind, start, end}], keep: [...]} a "
                         "line): prints recall_full, recall_partial, precision, per_kind, keep_violations as one "
                         "JSON line")
    parser.add_argument("--jsonl", type=Path, required=True, help="labelled messages, one JSON object a line")
    parser.add_argument("--errors", action="store_true", help="also print each miss, false positive and keep "
                                                              "violation to standard error (for tuning on dev data)")
    parser.set_defaults(func=_run)
    train = sub.add_parser(
        "train-pii-crf", help="rebuild the CRF name and address tagger's model (the pii_crf setting) from "
                              "tests/data/pii's labelled sets but test.jsonl; prints its size and SHA-256")
    train.add_argument("--out", type=Path, default=None, help="where to write it (default: the committed "
                                                              "data/pii/crf-person-address.crfsuite)")
    train.set_defaults(func=_train_crf)
    person = sub.add_parser(
        "train-pii-person", help="rebuild the check that drops PERSON spans unlikely to be a name (the "
                                 "pii_person_check setting) from tests/data/pii's labelled sets but test.jsonl; prints "
                                 "its size and SHA-256")
    person.add_argument("--out", type=Path, default=None, help="where to write it, its rows beside it as "
                                                               "<stem>-rows.json (default: the committed "
                                                               "data/pii/person-check.json and "
                                                               "person-check-rows.json)")
    person.set_defaults(func=_train_person)
