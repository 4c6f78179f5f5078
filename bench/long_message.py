"""The longest message allowed, and the server's responsiveness meanwhile: one JSON line.

    python bench/long_message.py [--db PATH]

Loads the models (load_s), then analyses 200,000-character messages - a realistic one (sentences with order numbers
and e-mail addresses) and adversarial ones (one 200,000-character word, digit groups, brackets) - and reports each
one's time. While they run in one thread, another thread times short analyses (what a second agent's page asks for):
their median and maximum show whether anything holds the GIL for long.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from services import assist  # noqa: E402
from services.bootstrap import build_services  # noqa: E402
from services.config import Settings  # noqa: E402
from services.text import MAX_MESSAGE_CHARS  # noqa: E402

N = MAX_MESSAGE_CHARS
LONG = {
    "realistic": ("My parcel is late and nobody answers. Order BW-100200, mail dana@example.com. " * 3000)[:N],
    "one word then @": "a" * (N - 1) + "@",
    "digit groups": ("1 " * N)[:N],
    "brackets": ("[a](" * N)[:N],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", help="database (default: an empty one in a temp folder)")
    args = parser.parse_args()
    services = build_services(Settings(db_path=args.db or str(Path(tempfile.mkdtemp()) / "bench.db")))
    started = time.perf_counter()
    assist.analyze_message(services, "warm-up: where is my order?")
    load_s = time.perf_counter() - started
    long_ms: dict[str, float] = {}
    for name, text in LONG.items():
        t0 = time.perf_counter()
        assist.analyze_message(services, text, "email")
        long_ms[name] = round((time.perf_counter() - t0) * 1000, 1)
    done, short_ms = threading.Event(), []

    def long_ones() -> None:
        for text in LONG.values():
            assist.analyze_message(services, text, "email")
        done.set()

    worker = threading.Thread(target=long_ones)
    worker.start()
    while not done.is_set():
        t0 = time.perf_counter()
        assist.analyze_message(services, "hi, where is my order BW-100200?")
        short_ms.append((time.perf_counter() - t0) * 1000)
    worker.join()
    print(json.dumps({"chars": N, "long_ms": long_ms, "load_s": round(load_s, 2),
                      "short_while_long_n": len(short_ms),
                      "short_while_long_median_ms": round(statistics.median(short_ms), 1),
                      "short_while_long_max_ms": round(max(short_ms), 1)}))


if __name__ == "__main__":
    main()
