"""Where the assist pipeline's CPU goes, stage by stage, on messages that never repeat: one JSON line.

    python bench/assist_stages.py [--n 600] [--warmup 50]

Seeds a demo database in a temporary folder, then analyses bench/assist.py's messages with " (msg N)" appended
(as `bench/assist.py --unique`: no text repeats, so no remembered answer helps) and adds up the analysing thread's
CPU time (time.thread_time) per stage of services.assist.analyze_message, in ms per message. "kb_order" includes
"kb_again" (a second search run while ordering the hits). Besides the stages, a few parts inside them, named
"stage.part": the MiniLM network runs (intent.encoder_runs, also how many per message), the intent model's full product
with its training examples (intent.knn_product; since session 12 only where the example search hands a decision back),
the example search (intent.knn_search, session 12: its int8 bound and the exact products of its candidates) and
spaCy's NER pass (pii.ner). "outside_stages" is the rest of
analyze_message (cleaning, masking, the dataclasses), "total" all of it. Thread CPU leaves out other threads, so
bench/assist.py's cpu_ms_per_message (the whole process) is a little higher.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from assist import messages  # noqa: E402 - bench/assist.py's generated messages

from services import assist  # noqa: E402
from services.bootstrap import build_services  # noqa: E402
from services.config import Settings  # noqa: E402

NESTED = {"kb_again"}  # stages timed inside another stage (kb_order)


def _counting(cpu: Counter[str], calls: Counter[str], name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.thread_time()
        try:
            return fn(*args, **kwargs)
        finally:
            cpu[name] += time.thread_time() - start
            calls[name] += 1
    return wrapper


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=600)
    parser.add_argument("--warmup", type=int, default=50)
    args = parser.parse_args()
    import spacy.language

    from services.adapters.local import intent, minilm
    from services.seed import seed_demo

    db = str(Path(tempfile.mkdtemp()) / "stages.db")
    seed_demo(build_services(Settings(db_path=db)))
    services = build_services(Settings(db_path=db))
    cpu: Counter[str] = Counter()
    calls: Counter[str] = Counter()
    timed = assist._Run.timed

    def stage(self: Any, name: str, fn: Callable[[], Any]) -> Any:
        return _counting(cpu, calls, name, timed)(self, name, fn)

    assist._Run.timed = stage  # type: ignore[method-assign]
    minilm.OnnxMiniLM._run = _counting(cpu, calls, "intent.encoder_runs", minilm.OnnxMiniLM._run)  # type: ignore[method-assign]
    if hasattr(intent, "similarities_to"):  # (before session 11 the product was written inline: not shown)
        intent.similarities_to = _counting(cpu, calls, "intent.knn_product", intent.similarities_to)
    try:  # session 12: the products with the candidate examples only (the full pass above when it gives up)
        from services.adapters.local import example_search
    except ImportError:
        example_search = None  # type: ignore[assignment]
    if example_search is not None:
        example_search.ExampleSearch.search = _counting(  # type: ignore[method-assign]
            cpu, calls, "intent.knn_search", example_search.ExampleSearch.search)
    spacy.language.Language.__call__ = _counting(cpu, calls, "pii.ner",  # type: ignore[method-assign]
                                                 spacy.language.Language.__call__)
    batch = [(f"{text} (msg {i})", channel) for i, (text, channel) in enumerate(messages(args.n + args.warmup))]
    for text, channel in batch[:args.warmup]:
        assist.analyze_message(services, text, channel)
    cpu.clear()
    calls.clear()
    start = time.thread_time()
    for text, channel in batch[args.warmup:]:
        assist.analyze_message(services, text, channel)
    total = time.thread_time() - start
    top = sum(v for k, v in cpu.items() if "." not in k and k not in NESTED)
    line: dict[str, Any] = {"n": args.n}
    line.update({k: round(1000 * v / args.n, 3) for k, v in sorted(cpu.items(), key=lambda kv: -kv[1])})
    line["intent.encoder_runs_per_message"] = round(calls["intent.encoder_runs"] / args.n, 3)
    line["outside_stages"] = round(1000 * (total - top) / args.n, 3)
    line["total"] = round(1000 * total / args.n, 3)
    print(json.dumps(line))


if __name__ == "__main__":
    main()
