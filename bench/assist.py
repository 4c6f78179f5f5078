"""Speed of the full assist pipeline on the local default: one JSON line.

    python bench/assist.py [--n 2000] [--db PATH] [--unique] [--encoder-threads 1]

Seeds a demo database in a temporary folder (unless --db is given), loads every model (load_s), warms up,
then analyses --n varied messages written from our own templates, each with 3 suggestions and KB top-3 (about a
quarter of them repeat an earlier message's text exactly; --unique makes every text new).
cpu_ms_per_message and load_cpu_s are this process's CPU time: on a busy machine they show what the wall-clock
figures would be on a free core.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from services import assist  # noqa: E402
from services.bootstrap import build_services  # noqa: E402
from services.config import Settings  # noqa: E402

OPENERS = ["hi", "hey", "hello team", "yo", "good morning", "", "@BrightwaveHome", "URGENT:", "hiya 👋"]
ASKS = [
    "where is my order BW-{n}?? tracking {t} hasnt moved in 4 days",
    "i was charged twice for my order, can you refund the extra ${a}",
    "how do i reset my password, the link never arrives",
    "the SmartHub keeps dropping wifi after the update, already rebooted twice",
    "I want to return the AeroBlend 900 blender, it leaks",
    "does the kettle come in black? and is it dishwasher safe",
    "this is the THIRD time i'm asking. get me a manager now",
    "worst service ever, nobody answers emails, i'm going to dispute the charge",
    "love the new toaster!! thanks so much team 😍",
    "check out cheap followers at www.example-spam.biz",
    "can I change the delivery address for BW-{n} to 12 Baker Street",
    "my refund for the returned mixer still isnt showing after 10 days",
    "call me on +1 555 013 {n4} please, card ending 4242",
    "um hi yeah so the robot vacuum stopped charging and uh the light blinks red",
    "do you price match? saw it cheaper elsewhere",
]
CLOSERS = ["", "thx", "thanks!", "asap pls", "🙄", "???", "- sent from my phone", "cheers, Dana"]
CHANNELS = ["chat", "email", "social", "voice"]


def messages(n: int, seed: int = 7) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        ask = rng.choice(ASKS).format(n=rng.randint(100000, 199999), t=f"BWT{rng.randint(10**8, 10**9 - 1)}",
                                      a=rng.randint(5, 400), n4=rng.randint(1000, 9999))
        out.append((" ".join(p for p in (rng.choice(OPENERS), ask, rng.choice(CLOSERS)) if p), rng.choice(CHANNELS)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--warmup", type=int, default=50)
    parser.add_argument("--db", help="an existing seeded database (default: seed one in a temp folder)")
    parser.add_argument("--unique", action="store_true",
                        help="append ' (msg N)' to every message, so that no text repeats an earlier one (a quarter "
                             "of the default messages do, and the models remember the answers of texts seen again)")
    parser.add_argument("--encoder-threads", type=int, default=1,
                        help="CPU threads of one MiniLM run (settings.encoder_threads; 1 and 2 give the same vectors)")
    args = parser.parse_args()
    tmp = tempfile.mkdtemp()
    db = args.db or str(Path(tmp) / "bench.db")
    if not args.db:
        from services.seed import seed_demo

        seed_demo(build_services(Settings(db_path=db)))
    start, cpu_start = time.perf_counter(), time.process_time()
    services = build_services(Settings(db_path=db, encoder_threads=args.encoder_threads))
    assist.analyze_message(services, "hello, where is my order?")
    load_s, load_cpu_s = time.perf_counter() - start, time.process_time() - cpu_start
    batch = messages(args.n + args.warmup)
    if args.unique:
        batch = [(f"{text} (msg {i})", channel) for i, (text, channel) in enumerate(batch)]
    for text, channel in batch[: args.warmup]:
        assist.analyze_message(services, text, channel)
    latencies = []
    begin, cpu_begin = time.perf_counter(), time.process_time()
    for text, channel in batch[args.warmup:]:
        t0 = time.perf_counter()
        analysis = assist.analyze_message(services, text, channel)
        latencies.append((time.perf_counter() - t0) * 1000)
        assert len(analysis.suggestions) >= 2
    elapsed, cpu = time.perf_counter() - begin, time.process_time() - cpu_begin
    latencies.sort()
    print(json.dumps({
        "n": args.n,
        "p50_ms": round(statistics.median(latencies), 2),
        "p95_ms": round(latencies[int(0.95 * (len(latencies) - 1))], 2),
        "max_ms": round(latencies[-1], 2),
        "msgs_per_s": round(args.n / elapsed, 1),
        "load_s": round(load_s, 2),
        # CPU time of this process: what the figures above would be on a free core when the machine is shared
        "cpu_ms_per_message": round(1000 * cpu / args.n, 2),
        "load_cpu_s": round(load_cpu_s, 2),
        "rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }))


if __name__ == "__main__":
    main()
