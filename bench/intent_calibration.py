"""Fit the default intent model's confidence calibrator (services/adapters/local/intent.py, DEFAULT_CALIBRATION_WEIGHTS).
One JSON line: the weights to paste there, and how many rows each part had.

    S=../shared/data; .venv/bin/python bench/intent_calibration.py --care $S/customer_care_tweets/dev.json --fresh \
        --apple $S/apple_twitter_sentiment/Apple-Twitter-Sentiment-DFE.csv --apple-intent --blind11 \
        --bitext $S/bitext_cs_sample/Bitext_Sample_Customer_Support_Training_Dataset.csv

English messages: a logistic regression of "the answer is right" over the kept signals of fx.calibration_features
(KEPT: logit of the top probability at the fitted temperature, answer is out of scope, the linear model and the
nearest examples' vote agree; the others — nearest-example cosine, flipped by the out-of-scope rule, log word count,
margin over the runner-up, share of unknown words, @handles and links — get weight 0), fitted on
  - the 5-fold out-of-fold answers of the default model on our own examples (data/intents; weight 1 each), and
  - the EVEN halves of the real dev sets given (docs/dev-sets.md): care 0-339 (--care), the fresh set 340-524
    (--fresh), the Apple addressed set (--apple-intent) and the session-11 blind set (--blind11), together counting
    DEV_WEIGHT times our examples, each set an equal share (real traffic is what the confidence is for; our examples
    anchor the in-domain end), and
  - with --bitext, the even rows of bitext mapped to our labels, counting half as much as our examples.
The classifier itself never sees these rows: it trains on data/intents only. The calibrator's three weights are a
tuning choice like a threshold, chosen on even halves. The ODD halves are never read here. Messages in other languages
(the e5 head mixed with the main model): a slope and an intercept over the logit of the mix's top probability, fitted
on the EVEN rows of our multilingual set (bench/data/intent_multilingual.csv, written by us); its odd rows only report.
Refit after changing data/intents (the features of the answers move with the model), then re-choose the thresholds
that read the intent confidence (docs/models.md, session 12).
"""
# ruff: noqa: E402

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import dev_eval

from services import intents
from services.adapters.local import intent_features as fx
from services.adapters.local.intent import (
    PROBE_STRIDE,
    CachedEmbedder,
    LocalIntentClassifier,
    read_examples,
)
from services.adapters.local.intent_features import normalize, softmax
from services.bootstrap import build_services
from services.config import Settings

MULTILINGUAL = ROOT / "bench" / "data" / "intent_multilingual.csv"
# Signals the English calibrator fits (indices of fx.CALIBRATION_FEATURES; the others get weight 0) and how much the
# real dev sets' even halves weigh. Session 12 (docs/models.md): chosen by 5-fold cross-validation over the even halves
# of care 0-339, the fresh set, the Apple addressed set and the blind11 set (10 repeats; each calibrator fitted on our
# out-of-fold answers + bitext's even rows + four fifths of the even rows, scored on the last fifth): the logit of the
# top probability, "the answer is out of scope" and "the linear model and the vote agree", with the even halves
# counting 8 times our examples (each set a quarter of that). Session 10's five signals fitted on care's even half
# alone: `--keep 0,1,2,3,4 --dev-weight 2` with --care only; session 11's temperature: `--keep 0`.
KEPT: tuple[int, ...] = (0, 2, 6)
DEV_WEIGHT = 8.0


def uncalibrated(services: Any) -> LocalIntentClassifier:
    c = services.intent
    return LocalIntentClassifier(c.model, c._embedder, language=c._language, foreign_embedder=c._foreign_embedder)


def out_of_fold(classifier: LocalIntentClassifier) -> tuple[np.ndarray, np.ndarray]:
    """(calibration features, answer right) of the default model's 5-fold out-of-fold answers on our examples."""
    model = classifier.model
    texts, labels = read_examples()
    embedder = CachedEmbedder(classifier._embedder, ROOT / "data" / "models", one_by_one=True)
    data = fx.Rows.build(texts, labels, model.labels, embedder)
    config = fx.TrainConfig()
    features = fx.TextFeatures.fit(data.normalized, config.embed_weight, data.embeddings.shape[1])
    x = features.matrix(data.normalized, data.embeddings)
    oos = model.labels.index(model.oos_label)
    rows, right = [], []
    for train, test in fx._splits(data.y, config):
        weights, bias = fx.fit_svm(x[train], data.y[train], len(model.labels), config)
        probs = softmax(np.asarray(x[test] @ weights) + bias, model.temperature)
        choice = probs.argmax(axis=1)
        near = fx.nearest(data.embeddings[test], data.embeddings[train])
        flip = (choice != oos) & (fx.reject_probability(model.rejector, probs, near, oos) > model.threshold)
        if model.knn is not None:  # the nearest examples' vote, from this fold's training rows only (as served)
            vote = fx.knn_vote(data.embeddings[test] @ data.embeddings[train].T, data.y[train], len(model.labels),
                               model.knn.k, model.knn.tau)
            probs = (1 - model.knn.weight) * probs + model.knn.weight * vote
            choice = probs.argmax(axis=1)
        choice = np.where(flip, oos, choice)
        probe = fx.nearest(data.embeddings[test], data.embeddings[train][::PROBE_STRIDE])
        words = np.array([len(texts[i].split()) for i in test])
        linear = softmax(np.asarray(x[test] @ weights) + bias, model.temperature).argmax(axis=1)
        agree = (linear == vote.argmax(axis=1)).astype(float) if model.knn is not None else np.ones(len(test))
        # unknown words: against this fold's training texts only (the full vocabulary has seen every example)
        fold_vocab = fx.NgramBlock.fit("word", [data.normalized[i] for i in train])
        unknown, marks = fx.unknown_and_marks(fold_vocab, [data.normalized[i] for i in test])
        rows.append(fx.calibration_features(probs, probe, (choice == oos).astype(float), flip.astype(float), words,
                                            agree, unknown, marks))
        right.append(choice == data.y[test])
    return np.vstack(rows), np.concatenate(right)


def english_signals(classifier: LocalIntentClassifier, texts: list[str], truth: list[str]) -> tuple[np.ndarray, ...]:
    """(features, answer right) of English-path texts, each embedded alone as serving does."""
    model = classifier.model
    embeddings = np.vstack([classifier._embed([t]) for t in texts])
    scores = model.scores([normalize(t) for t in texts], embeddings)
    probs, choice, _, flip, probe, vote = model._decide(scores, embeddings)
    normalized = [normalize(t) for t in texts]
    features = model.calibration_features(probs, choice, flip, probe, embeddings, np.array([len(t.split()) for t in texts]),
                                          scores, normalized, vote)
    return features, np.array([model.labels[c] == y for c, y in zip(choice, truth, strict=True)])


def foreign_signals(classifier: LocalIntentClassifier, texts: list[str], truth: list[str]) -> tuple[np.ndarray, ...]:
    """(logit of the mix's top probability, answer right) of texts on the other-language path."""
    intents = classifier._foreign(texts)
    top = np.clip(np.array([i.confidence for i in intents]), 1e-6, 1 - 1e-6)
    return np.log(top / (1 - top))[:, None], np.array([i.label == y for i, y in zip(intents, truth, strict=True)])


def even_dev_sets(args: argparse.Namespace, classifier: LocalIntentClassifier,
                  english_only: bool = True) -> dict[str, tuple[list[str], list[str]]]:
    """(texts, labels) of the EVEN halves of the real dev sets asked for, English path only (docs/dev-sets.md): care
    0-339 and the fresh set 340-524 by conversation index, the Apple addressed set by file row, the blind11 set by
    file row (its Apple tweets) and conversation index (its care turns). `english_only`: without the messages the
    other-language path answers (its own calibrator)."""
    picked: dict[str, list[tuple[str, str]]] = {}
    rows, _ = dev_eval.read_care(args.care, dev_eval.LABELS_CSV)
    picked["care_even"] = [(r["text"], r["intent"]) for r in rows if r["conv_index"] % 2 == 0]
    if args.fresh:
        rows, _ = dev_eval.read_care(args.care, dev_eval.FRESH_LABELS_CSV)
        picked["fresh_even"] = [(r["text"], r["intent"]) for r in rows if r["conv_index"] % 2 == 0]
    if args.apple_intent:
        rows, _ = dev_eval.read_apple_intent(args.apple, dev_eval.APPLE_INTENT_CSV)
        picked["apple_even"] = [(r["text"], r["intent"]) for r in rows if r["addressed"] and r["row_index"] % 2 == 0]
    if args.blind11:
        apple, _ = dev_eval.read_apple_intent(args.apple, dev_eval.BLIND11_APPLE_CSV)
        turns, _ = dev_eval.read_care_turns(args.care, dev_eval.BLIND11_CARE_CSV)
        picked["blind11_even"] = ([(r["text"], r["intent"]) for r in apple if r["addressed"] and r["row_index"] % 2 == 0]
                                  + [(r["text"], r["intent"]) for r in turns if r["conv_index"] % 2 == 0])
    keep = {name: [(t, y) for t, y in rows if not (english_only and classifier._is_foreign(t))]
            for name, rows in picked.items()}
    return {name: ([t for t, _ in rows], [y for _, y in rows]) for name, rows in keep.items()}


# Candidates of `--cv` (session 12): signal sets (indices of fx.CALIBRATION_FEATURES) x weights of the even halves.
CV_CANDIDATES: dict[str, tuple[int, ...]] = {
    "session 10's five": (0, 1, 2, 3, 4), "logit": (0,), "logit, agree": (0, 6), "logit, out of scope, agree": (0, 2, 6),
    "logit, out of scope, agree, unknown": (0, 2, 6, 7), "logit, out of scope, agree, marks": (0, 2, 6, 8),
    "all nine": tuple(range(9))}
CV_WEIGHTS = (4.0, 8.0, 16.0)


def cross_validate(anchor: list[tuple[np.ndarray, np.ndarray, float]], dev: dict[str, tuple[np.ndarray, np.ndarray]],
                   n_anchor: int, kept: tuple[int, ...], dev_weight: float, repeats: int = 10,
                   folds: int = 5) -> dict[str, Any]:
    """K-fold cross-validation over the even dev rows: each calibrator is fitted on the anchor parts (our out-of-fold
    answers, bitext's even rows) + the other folds of every set, and scored on the held-out fold; log-loss and ECE of
    the pooled held-out answers (mean over `repeats` random fold assignments), and per set the gap (mean confidence -
    accuracy) and ECE."""
    rng = np.random.default_rng(0)
    columns = list(kept)
    losses, eces = [], []
    gaps: dict[str, list[float]] = {name: [] for name in dev}
    set_eces: dict[str, list[float]] = {name: [] for name in dev}
    for _ in range(repeats):
        fold = {name: rng.integers(0, folds, len(y)) for name, (_, y) in dev.items()}
        held = {name: np.zeros(len(y)) for name, (_, y) in dev.items()}
        for f in range(folds):
            parts = list(anchor) + [(x[fold[name] != f], y[fold[name] != f],
                                     dev_weight * n_anchor / (len(dev) * int((fold[name] != f).sum())))
                                    for name, (x, y) in dev.items()]
            weights = fx.fit_calibrator(np.vstack([p[0][:, columns] for p in parts]),
                                        np.concatenate([p[1] for p in parts]),
                                        np.concatenate([np.full(len(p[1]), p[2]) for p in parts]))
            for name, (x, _) in dev.items():
                inside = fold[name] == f
                held[name][inside] = fx.calibrated_confidence(weights, x[inside][:, columns])
        confidence = np.clip(np.concatenate(list(held.values())), 1e-6, 1 - 1e-6)
        right = np.concatenate([y for _, y in dev.values()]).astype(float)
        losses.append(float(-(right * np.log(confidence) + (1 - right) * np.log(1 - confidence)).mean()))
        eces.append(fx.expected_calibration_error(confidence, right))
        for name, (_, y) in dev.items():
            gaps[name].append(float(held[name].mean() - y.mean()))
            set_eces[name].append(fx.expected_calibration_error(held[name], y))
    return {"signals": [fx.CALIBRATION_FEATURES[i] for i in kept], "dev_weight": dev_weight,
            "cv_log_loss": round(float(np.mean(losses)), 4), "cv_ece": round(float(np.mean(eces)), 4),
            "gap": {k: round(float(np.mean(v)), 3) for k, v in gaps.items()},
            "ece": {k: round(float(np.mean(v)), 3) for k, v in set_eces.items()}}


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--care", type=Path, required=True, help="customer_care_tweets/dev.json")
    parser.add_argument("--fresh", action="store_true", help="also the fresh set's even half (conversations 340-524)")
    parser.add_argument("--apple", type=Path, help="apple_twitter_sentiment/Apple-Twitter-Sentiment-DFE.csv")
    parser.add_argument("--apple-intent", action="store_true", help="also the Apple addressed set's even half")
    parser.add_argument("--blind11", action="store_true", help="also the session-11 blind set's even half")
    parser.add_argument("--multilingual", type=Path, default=MULTILINGUAL)
    parser.add_argument("--bitext", type=Path, help="bitext_cs_sample/…Training_Dataset.csv: its even rows join the fit")
    parser.add_argument("--keep", default=",".join(map(str, KEPT)),
                        help="signals (indices of CALIBRATION_FEATURES) fitted, the others get weight 0 "
                             "(default %(default)s; session 10: 0,1,2,3,4; session 11's temperature: 0)")
    parser.add_argument("--dev-weight", type=float, default=DEV_WEIGHT,
                        help="the even halves together count this many times our examples, each set equally "
                             "(default %(default)s; session 10: 2 with care only)")
    parser.add_argument("--cv", action="store_true",
                        help="instead of fitting: cross-validate CV_CANDIDATES x CV_WEIGHTS on the even halves")
    args = parser.parse_args(argv)
    if (args.apple_intent or args.blind11) and not args.apple:
        parser.error("--apple-intent and --blind11 read their messages from --apple")
    services = build_services(Settings(db_path=str(Path(tempfile.mkdtemp()) / "f.db")))
    classifier = uncalibrated(services)
    oof_x, oof_y = out_of_fold(classifier)
    parts = [(oof_x, oof_y, 1.0)]
    counts: dict[str, int] = {"out_of_fold": len(oof_y)}
    accuracy: dict[str, float] = {"out_of_fold": round(float(oof_y.mean()), 4)}
    dev = even_dev_sets(args, classifier)
    for name, (texts, truth) in dev.items():
        x, y = english_signals(classifier, texts, truth)
        parts.append((x, y, args.dev_weight * len(oof_y) / (len(dev) * len(y))))
        counts[name], accuracy[name] = len(y), round(float(y.mean()), 4)
    if args.bitext:
        data = intents.read_labelled_csv(args.bitext, "instruction", "intent")
        texts, truth = intents.map_labels(data, intents.read_label_map(dev_eval.BITEXT_MAP))[0]
        even = [i for i in range(0, len(texts), 2) if not classifier._is_foreign(texts[i])]
        bt_x, bt_y = english_signals(classifier, [texts[i] for i in even], [truth[i] for i in even])
        parts.append((bt_x, bt_y, 0.5 * len(oof_y) / len(bt_y)))
        counts["bitext_even"], accuracy["bitext_even"] = len(bt_y), round(float(bt_y.mean()), 4)
    if args.cv:
        anchor = [parts[0]] + parts[1 + len(dev):]
        dev_parts = {name: (p[0], p[1]) for name, p in zip(dev, parts[1:1 + len(dev)], strict=True)}
        return {"bench": "intent_calibration", "cv": [cross_validate(anchor, dev_parts, len(oof_y), kept, share)
                                                      for kept in CV_CANDIDATES.values() for share in CV_WEIGHTS],
                "rows": counts}
    x = np.vstack([p[0] for p in parts])
    y = np.concatenate([p[1] for p in parts])
    weight = np.concatenate([np.full(len(p[1]), p[2]) for p in parts])
    kept = sorted(int(i) for i in args.keep.split(",") if i.strip())
    fitted = fx.fit_calibrator(x[:, kept], y, weight)
    english = np.zeros(x.shape[1] + 1)
    english[kept + [x.shape[1]]] = fitted
    with args.multilingual.open(encoding="utf-8", newline="") as f:
        ml = [r for i, r in enumerate(csv.DictReader(f)) if i % 2 == 0]
    ml = [r for r in ml if classifier._is_foreign(r["text"])]
    fx_x, fx_y = foreign_signals(classifier, [r["text"] for r in ml], [r["label"] for r in ml])
    foreign = fx.fit_calibrator(fx_x, fx_y)
    counts["multilingual_even"], accuracy["multilingual_even"] = len(fx_y), round(float(fx_y.mean()), 4)
    return {"bench": "intent_calibration", "english": [round(float(v), 4) for v in english],
            "english_features": list(fx.CALIBRATION_FEATURES), "kept": [fx.CALIBRATION_FEATURES[i] for i in kept],
            "dev_weight": args.dev_weight, "foreign": [round(float(v), 4) for v in foreign], "rows": counts,
            "accuracy": accuracy}


if __name__ == "__main__":
    print(json.dumps(main(), ensure_ascii=False))
