"""Speed of the default intent model: train from data/intents, load from a saved folder, classify one message.

Usage: .venv/bin/python bench/intent_eval.py [--repeat 50]   (prints one JSON line)
Accuracy figures come from `python -m services eval-intents` (see docs/models.md).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from services.adapters.local.embedder import WordLlamaEmbedder  # noqa: E402
from services.adapters.local.intent import (  # noqa: E402
    LocalIntentClassifier,
    load_model,
    read_examples,
    save_model,
    train_model,
)

MESSAGES = [
    "any news on when BW-130045 will be delivered? it's been 6 days",
    "why did you take £59.99 from my account twice this morning",
    "sent the vacuum back last week, when do i see the money",
    "I can't remember my login password and the reset link expired",
    "the doorbell keeps going offline every few hours",
    "does the 6 litre air fryer have a window so i can see the food",
    "i'm done with this chat, get me a supervisor please",
    "the delivery driver was extremely rude and dumped the box in a puddle",
    "do you deliver to jersey",
    "Boost your Instagram engagement by 500%! visit http://growfast.example now",
    "hiya 👋 quick one, my kettle (order BW-100771) leaks AND i want to know if i can swap it for the glass one??",
    "yeah hi um so I'm calling because the tracking for my fridge hasn't moved since Tuesday and I need it by Friday",
]


def _timed(fn):
    started = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - started


def main(repeat: int) -> dict:
    embedder = WordLlamaEmbedder()
    embedder.embed(["warm up"])
    texts, labels = read_examples()
    model, train_s = _timed(lambda: train_model(texts, labels, embedder, oos_label="Other"))
    folder = save_model(model, Path(tempfile.mkdtemp()) / "intent")
    loaded, load_s = _timed(lambda: load_model(folder))
    classifier = LocalIntentClassifier(loaded, embedder, 0.45, "Other")
    latencies = []
    for _ in range(repeat):
        for message in MESSAGES:
            latencies.append(_timed(lambda m=message: classifier.classify(m))[1] * 1000)
    _, batch_s = _timed(lambda: classifier.classify_many(MESSAGES * repeat))
    with ThreadPoolExecutor(4) as pool:
        _, threaded_s = _timed(lambda: list(pool.map(classifier.classify, MESSAGES * repeat)))
    latencies.sort()
    return {"bench": "intent_default", "n_examples": len(texts), "train_seconds": round(train_s, 3),
            "load_seconds": round(load_s, 4), "classify_ms_p50": round(statistics.median(latencies), 4),
            "classify_ms_p95": round(latencies[int(0.95 * len(latencies))], 4),
            "batch_ms_per_message": round(1000 * batch_s / (len(MESSAGES) * repeat), 4),
            "threads4_ms_per_message": round(1000 * threaded_s / (len(MESSAGES) * repeat), 4)}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50)
    print(json.dumps(main(parser.parse_args().repeat)))
