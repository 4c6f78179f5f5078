"""`eval-kb`: how well the KB search finds the right article on StackFAQ (recall@1, recall@5, MRR)."""

from __future__ import annotations

import argparse
from pathlib import Path

from services import kb_eval
from services.cli import print_json
from services.config import load_settings


def _run(args: argparse.Namespace) -> int:
    result = kb_eval.evaluate_faq(load_settings(config_file=getattr(args, "config", None)), args.faq, args.mode)
    print_json(result)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "eval-kb", help="StackFAQ's answers as articles in a throw-away database, its paraphrased questions as "
                        "queries; prints recall_at_1, recall_at_5, mrr, n as one JSON line")
    parser.add_argument("--faq", type=Path, required=True, help="StackFAQ's stackExchange-FAQ.json")
    parser.add_argument("--mode", choices=list(kb_eval.MODES), default="hybrid",
                        help="hybrid (default: BM25 + embeddings), bm25 only or vector (embeddings) only")
    parser.set_defaults(func=_run)
