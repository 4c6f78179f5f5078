"""Sentiment + emotions + entities bench: first-use (import + train) time, RSS, per-message latency, 100 KB input. One JSON line."""
# ruff: noqa: E402

import json
import resource
import sys
import time

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1]))  # project root
t0 = time.perf_counter()
from services.adapters.local.entities import RuleEntityExtractor
from services.adapters.local.sentiment import LocalSentimentAnalyzer
from services.config import Settings

analyzer = LocalSentimentAnalyzer(Settings())
t1 = time.perf_counter()
analyzer.analyze("warm up")
t2 = time.perf_counter()
extractor = RuleEntityExtractor(Settings())
MESSAGES = [
    "where is my order BW-104233?",
    "great, another delay 🙄",
    "love the blender but delivery was a joke",
    "THIS IS THE THIRD TIME I'M ASKING",
    "thanks so much!!",
    "Hi, I was charged $49.99 twice on 12/03 for the AeroBlend mini, please refund asap, my email is jo@example.com",
] * 100
t = time.perf_counter()
for m in MESSAGES:
    analyzer.analyze(m)
    analyzer.emotions(m)
per_msg = (time.perf_counter() - t) / len(MESSAGES) * 1000
t, cpu = time.perf_counter(), time.process_time()
for m in MESSAGES:
    analyzer.analyze(m)
analyze_ms = (time.perf_counter() - t) / len(MESSAGES) * 1000
analyze_cpu_ms = (time.process_time() - cpu) / len(MESSAGES) * 1000  # this process's CPU: steadier on a busy machine
t = time.perf_counter()
for m in MESSAGES:
    extractor.extract(m)
ent_ms = (time.perf_counter() - t) / len(MESSAGES) * 1000
big = ("The blender is great but delivery was awful, order BW-104233, $49.99. " * 1500)[:100_000]
t = time.perf_counter()
analyzer.analyze(big)
analyzer.emotions(big)
big_s = time.perf_counter() - t
t = time.perf_counter()
extractor.extract(big)
big_ent_s = time.perf_counter() - t
print(
    json.dumps(
        {
            "bench": "sentiment",
            "import_and_init_s": round(t1 - t0, 3),
            "train_on_first_use_s": round(t2 - t1, 3),
            "analyze_plus_emotions_ms": round(per_msg, 3),
            "analyze_ms": round(analyze_ms, 3),
            "analyze_cpu_ms": round(analyze_cpu_ms, 3),
            "sentiment_100kb_s": round(big_s, 4),
            "entities_ms": round(ent_ms, 3),
            "entities_100kb_s": round(big_ent_s, 4),
            "rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        }
    )
)
