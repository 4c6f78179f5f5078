"""The longest message allowed, and the server's responsiveness meanwhile: one JSON line.

    python bench/long_message.py [--db PATH]
    python bench/long_message.py --cold-cli [--runs N]


Loads the models (load_s), then analyses 200,000-character messages - a realistic one (sentences with order numbers
and e-mail addresses) and adversarial ones (one 200,000-character word, digit groups, brackets) - and reports each
one's time. While they run in one thread, another thread times short analyses (what a second agent's page asks for):
their median and maximum show whether anything holds the GIL for long.

--cold-cli times what a user waits for instead: `python -m services analyze --file F` on the realistic 200,000-character
message, each run a new process, after one run that warms the model caches under <data_dir>/models/ (the command's
own configuration: its data folder and database).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
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


def cold_cli(runs: int) -> None:
    """Wall seconds of new `analyze --file` processes with warm model caches: one JSON line."""
    with tempfile.TemporaryDirectory() as folder:
        message = Path(folder) / "message.txt"
        message.write_text(LONG["realistic"], encoding="utf-8")
        command = [sys.executable, "-m", "services", "analyze", "--file", str(message)]
        root = Path(__file__).resolve().parent.parent

        def run() -> float:
            started = time.perf_counter()
            subprocess.run(command, cwd=root, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            return time.perf_counter() - started

        warm_up_s = run()
        seconds = [run() for _ in range(runs)]
    print(json.dumps({"chars": N, "command": "python -m services analyze --file F", "warm_up_s": round(warm_up_s, 2),
                      "runs": runs, "cold_median_s": round(statistics.median(seconds), 2),
                      "cold_max_s": round(max(seconds), 2), "load_average_1m": round(os.getloadavg()[0], 2)}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", help="database (default: an empty one in a temp folder)")
    parser.add_argument("--cold-cli", action="store_true", help="time new `analyze --file` processes instead")
    parser.add_argument("--runs", type=int, default=5, help="with --cold-cli: how many timed processes")
    args = parser.parse_args()
    if args.cold_cli:
        cold_cli(max(args.runs, 1))
        return
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
