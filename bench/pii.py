"""What PII masking costs per message: the local Presidio detector against the regex one it replaced; one JSON line.

    python bench/pii.py [--n 1000] [--jsonl tests/data/pii/dev.jsonl]

Messages: bench/assist.py's templates (what the assist benchmark analyses) plus, with --jsonl, a labelled file's
texts (longer, with more names). Prints, per detector, the mean/p95 wall-clock and CPU ms per message, the first
call (load) time, the share of messages on which the NER pass ran, and the load average (the machine is shared).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from services.adapters.local import pii_presidio  # noqa: E402
from services.adapters.local.pii import RegexPiiDetector  # noqa: E402
from services.adapters.local.pii_presidio import PresidioPiiDetector  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from assist import messages as assist_messages  # noqa: E402 - bench/assist.py's generated messages


def _time(find, texts: list[str]) -> dict[str, float]:
    started, cpu_started = time.perf_counter(), time.process_time()
    find("Warm-up: Ana García, ana@example.com")
    load_ms = (time.perf_counter() - started) * 1000
    for text in texts[:20]:
        find(text)
    wall = []
    cpu_started = time.process_time()
    for text in texts:
        t0 = time.perf_counter()
        find(text)
        wall.append((time.perf_counter() - t0) * 1000)
    cpu = time.process_time() - cpu_started
    wall.sort()
    return {"load_ms": round(load_ms, 1), "ms_mean": round(statistics.fmean(wall), 3),
            "ms_p95": round(wall[int(0.95 * (len(wall) - 1))], 3), "cpu_ms_mean": round(1000 * cpu / len(texts), 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--jsonl", type=Path, help="also time a labelled file's texts")
    args = parser.parse_args()
    texts = [text for text, _ in assist_messages(args.n)]
    if args.jsonl:
        texts += [json.loads(line)["text"] for line in args.jsonl.read_text(encoding="utf-8").splitlines() if line]
    presidio = _time(PresidioPiiDetector().find, texts)
    regex = _time(RegexPiiDetector().find, texts)
    print(json.dumps({
        "messages": len(texts),
        "presidio": presidio, "regex": regex,
        "added_ms_mean": round(presidio["ms_mean"] - regex["ms_mean"], 3),
        "added_cpu_ms_mean": round(presidio["cpu_ms_mean"] - regex["cpu_ms_mean"], 3),
        "ner_share": round(sum(map(pii_presidio.may_hold_name, texts)) / len(texts), 3),
        "loadavg": os.getloadavg()[0],
    }))


if __name__ == "__main__":
    main()
