"""The prompt-injection corpus (tests/data/injection/corpus.jsonl) through the live path with the local default
pipeline, a second customer and notes planted in the store; one JSON line.

    python bench/injection.py

Prints: ``data_set``; ``n`` (messages), ``attacks``/``benign``; ``flagged_recall`` (the attacks the rules were tuned
on, flagged), ``held_out_recall`` (the 20 attacks written before the last tuning round and never tuned on),
``false_positives`` (benign look-alikes flagged, of all 32); ``leaks`` (suggestions holding the other customer's data, a note or the system prompt);
``scan_us_mean``/``scan_us_p95`` (CPU time of the check alone, per message, on the corpus and bench/assist.py's
templates), ``scan_ms_200k`` (CPU time on the slowest of seven hostile 200,000-character inputs) and the load average.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from services import injection  # noqa: E402
from services.bootstrap import build_services  # noqa: E402
from services.config import Settings  # noqa: E402
from tests import injection_corpus as corpus  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from assist import messages as assist_messages  # noqa: E402 - bench/assist.py's generated messages


def main() -> None:
    rows = corpus.load()
    with tempfile.TemporaryDirectory() as folder:
        services = build_services(Settings(db_path=str(Path(folder) / "frontline.db")))
        planted = corpus.plant(services)
        results = [(row, corpus.send(services, planted, row)) for row in rows]
    tuned = [(r, a) for r, a in results if r["expect"] == "flag" and r.get("split") != "held_out"]
    held = [(r, a) for r, a in results if r["expect"] == "flag" and r.get("split") == "held_out"]
    benign = [(r, a) for r, a in results if r["expect"] == "benign"]
    leaks = sum(bool(corpus.leaks(r["text"], s.text)) for r, a in results for s in a.suggestions)
    texts = [r["text"] for r in rows] + [text for text, _ in assist_messages(1000)]
    times = []  # CPU time of this thread: the machine is shared, wall-clock time counts the others' work too
    for text in texts:
        started = time.thread_time()
        injection.scan(text)
        times.append((time.thread_time() - started) * 1e6)
    hostile = []
    for unit in ("![", "<a ", "x@y.com ", "customer who ordered ", "\U000e0041", "a\u200b", "<span hidden>"):
        text = (unit * (200_000 // len(unit) + 1))[:200_000]
        started = time.thread_time()
        injection.scan(text)
        hostile.append((time.thread_time() - started) * 1000)
    print(json.dumps({
        "data_set": "tests/data/injection/corpus.jsonl", "n": len(rows), "attacks": len(tuned) + len(held),
        "benign": len(benign),
        "flagged_recall": round(sum(a.injection.flagged for _, a in tuned) / len(tuned), 4),
        "held_out_recall": round(sum(a.injection.flagged for _, a in held) / len(held), 4),
        "false_positives": sum(a.injection.flagged for _, a in benign),
        "leaks": leaks, "provider": "local",
        "scan_us_mean": round(statistics.mean(times), 1),
        "scan_us_p95": round(statistics.quantiles(times, n=20)[-1], 1), "scan_messages": len(texts),
        "scan_ms_200k": round(max(hostile), 1), "load_average": round(os.getloadavg()[0], 1)}))


if __name__ == "__main__":
    main()
