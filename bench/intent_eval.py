"""Intent classifier benchmarks; each run prints one JSON line.

    .venv/bin/python bench/intent_eval.py                       speed of the default model (train, load, classify)
    .venv/bin/python bench/intent_eval.py --candidates TRAIN.csv TEST.csv --text-col text --label-col category
                                                                accuracy/speed of the feature+classifier candidates
                                                                (TRAIN "ours" = data/intents; --label-map maps TEST)
    .venv/bin/python bench/intent_eval.py --oos-rules data_full.json
                                                                CLINC150: out-of-scope rules compared

Accuracy of the chosen model comes from `python -m services eval-intents` (see docs/models.md).
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

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from services import intents  # noqa: E402
from services.adapters.local import intent_features as fx  # noqa: E402
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
CANDIDATES = [  # (name, block, embed_weight, classifier)
    ("tfidf word1-2+char2-5 / LinearSVC", "both", 0.0, "svc"),
    ("wordllama-256 / LogisticRegression", "emb", 1.0, "lr"),
    ("tfidf+wordllama (w=1) / LinearSVC", "both", 1.0, "svc"),
    ("tfidf+wordllama (w=2) / LinearSVC", "both", 2.0, "svc"),
    ("tfidf+wordllama (w=1) / LogisticRegression", "both", 1.0, "lr"),
]


def _timed(fn):
    started = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - started


def speed(repeat: int) -> dict:
    embedder = WordLlamaEmbedder()
    embedder.embed(["warm up"])
    texts, labels = read_examples()
    model, train_s = _timed(lambda: train_model(texts, labels, embedder, oos_label="Other"))
    loaded, load_s = _timed(lambda: load_model(save_model(model, Path(tempfile.mkdtemp()) / "intent")))
    classifier = LocalIntentClassifier(loaded, embedder, 0.45, "Other")
    latencies = sorted(_timed(lambda m=m: classifier.classify(m))[1] * 1000 for _ in range(repeat) for m in MESSAGES)
    n = len(MESSAGES) * repeat
    _, batch_s = _timed(lambda: classifier.classify_many(MESSAGES * repeat))
    with ThreadPoolExecutor(4) as pool:
        _, threaded_s = _timed(lambda: list(pool.map(classifier.classify, MESSAGES * repeat)))
    return {"bench": "intent_default_speed", "n_examples": len(texts), "train_seconds": round(train_s, 3),
            "load_seconds": round(load_s, 4), "classify_ms_p50": round(statistics.median(latencies), 4),
            "classify_ms_p95": round(latencies[int(0.95 * len(latencies))], 4),
            "batch_ms_per_message": round(1000 * batch_s / n, 4), "threads4_ms_per_message": round(1000 * threaded_s / n, 4)}


def _design(block: str, weight: float, fit_rows: fx.Rows, rows: fx.Rows, features: fx.TextFeatures | None):
    if block == "emb":
        return rows.embeddings, None
    features = features or fx.TextFeatures.fit(fit_rows.normalized, weight, 256)
    return features.matrix(rows.normalized, rows.embeddings), features


def _classifier(kind: str):
    from sklearn.linear_model import LogisticRegression
    from sklearn.svm import LinearSVC

    return LinearSVC(C=0.5, max_iter=5000) if kind == "svc" else LogisticRegression(C=20, max_iter=3000)


def candidate(train: intents.Labelled, test: intents.Labelled, spec: tuple, embedder) -> dict:
    name, block, weight, kind = spec
    names = sorted(set(train[1]) | set(test[1]))
    started = time.perf_counter()
    rows = fx.Rows.build(*train, names, embedder)
    x, features = _design(block, weight, rows, rows, None)
    model = _classifier(kind).fit(x, rows.y)
    train_s = time.perf_counter() - started
    started = time.perf_counter()
    held = fx.Rows.build(*test, names, embedder)
    predicted = model.predict(_design(block, weight, rows, held, features)[0])
    predict_s = time.perf_counter() - started
    return {"candidate": name, "accuracy": round(float((predicted == held.y).mean()), 4),
            "train_seconds": round(train_s, 2), "predict_ms_per_message": round(1000 * predict_s / len(held.y), 4)}


def oos_rules(clinc: str, embedder) -> dict:
    splits = intents.read_clinc(clinc)
    model, train_s = _timed(lambda: train_model(*splits["train"], embedder, oos_label="oos", tune=splits["val"]))
    results = {"train_seconds": round(train_s, 2)}
    for name, split in (("val", splits["val"]), ("test", splits["test"])):
        rows = fx.Rows.build(*split, model.labels, embedder)
        probs = fx.softmax(model.scores(rows.normalized, rows.embeddings), model.temperature)
        results[name] = (rows, probs, fx.nearest(rows.embeddings, model.train_embeddings))
    oos = model.labels.index("oos")
    val_rows, val_probs, _ = results["val"]
    top_threshold = fx.choose_threshold(1 - val_probs.max(axis=1), val_probs.argmax(axis=1) == val_rows.y,
                                        val_rows.y == oos, 0.01)
    rows, probs, near = results["test"]
    rules = {"explicit oos class only": np.zeros(len(rows.y), bool),
             "oos class + top-probability threshold (tuned on val)": 1 - probs.max(axis=1) > top_threshold,
             "oos class + logistic rule (top, margin, oos prob, nearest) (chosen)":
                 fx.reject_probability(model.rejector, probs, near, oos) > model.threshold}
    return {"bench": "intent_clinc_oos_rules", "train_seconds": results["train_seconds"],
            "rules": {name: _oos_scores(rows.y, np.where(reject, oos, probs.argmax(axis=1)), oos)
                      for name, reject in rules.items()}}


def _oos_scores(truth: np.ndarray, predicted: np.ndarray, oos: int) -> dict:
    in_scope = truth != oos
    return {"in_scope_accuracy": round(float((predicted[in_scope] == truth[in_scope]).mean()), 4),
            "oos_recall": round(float((predicted[~in_scope] == oos).mean()), 4)}


def _candidate_data(args: argparse.Namespace) -> tuple[intents.Labelled, intents.Labelled]:
    train_path, test_path = args.candidates
    test = intents.read_labelled_csv(test_path, args.text_col, args.label_col)
    if args.label_map:
        test = intents.map_labels(test, intents.read_label_map(args.label_map))[0]
    if train_path == "ours":
        return read_examples(), test
    return intents.read_labelled_csv(train_path, args.text_col, args.label_col), test


def main() -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--candidates", nargs=2, metavar=("TRAIN_CSV", "TEST_CSV"))
    parser.add_argument("--text-col", default="text")
    parser.add_argument("--label-col", default="label")
    parser.add_argument("--label-map", help="JSON map of the test set's labels to ours (rows not in it skipped)")
    parser.add_argument("--oos-rules", metavar="CLINC_JSON")
    args = parser.parse_args()
    embedder = WordLlamaEmbedder()
    if args.oos_rules:
        return oos_rules(args.oos_rules, embedder)
    if args.candidates:
        train, test = _candidate_data(args)
        return {"bench": "intent_candidates", "train": args.candidates[0],
                "results": [candidate(train, test, spec, embedder) for spec in CANDIDATES]}
    return speed(args.repeat)


if __name__ == "__main__":
    print(json.dumps(main(), ensure_ascii=False))
