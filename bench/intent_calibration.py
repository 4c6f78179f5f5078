"""Fit the default intent model's confidence calibrator (services/adapters/local/intent.py, DEFAULT_CALIBRATION).
One JSON line: the weights to paste into DEFAULT_CALIBRATION, and how many rows each part had.

    .venv/bin/python bench/intent_calibration.py --care ../shared/data/customer_care_tweets/dev.json

English messages: a logistic regression of "the answer is right" over fx.calibration_features (logit of the top
probability at the fitted temperature, cosine to the probe set of our examples, answer is out of scope, flipped by
the out-of-scope rule, log word count), fitted on
  - the 5-fold out-of-fold answers of the default model on our own examples (data/intents), and
  - the EVEN half of our labelled care dev set (docs/dev-sets.md), weighted to count twice as much as all of the above
    together (real traffic is what the confidence is for; our examples anchor the in-domain end), and
  - with --bitext, the even rows of bitext mapped to our labels, weighted to count half as much as our examples
    (crowd-written requests, more accurate than our messier examples at the same signals).
The ODD halves are never read here. Messages in other languages (the e5 head mixed with the main model): a slope and an
intercept over the logit of the mix's top probability, fitted on the EVEN rows of our multilingual set
(bench/data/intent_multilingual.csv, written by us); its odd rows only report.
Refit after changing data/intents (the features of the answers move with the model).
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
# Features the calibrator leaves out (weight 0). Session 11 (docs/models.md): on the care even half, 2-fold
# cross-validation (30 random splits, each fit on our out-of-fold answers + half the even rows + bitext's even rows)
# gave the lowest log-loss and ECE to the logit of the top probability alone (0.444 / 0.094) against all five signals
# (0.472 / 0.113) and every subset tried; the nearest-example cosine also changed sign between refits. So the English
# calibrator is a Platt temperature: a slope and an intercept over the logit.
# Not shipped (services/adapters/local/intent.py DEFAULT_CALIBRATION_WEIGHTS): `--drop 1,2,3,4` fits that variant.
DROPPED: tuple[int, ...] = ()
CARE_WEIGHT = 2.0  # the even half counts twice as much as all of our examples (chosen on even halves, docs/models.md)


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
        rows.append(fx.calibration_features(probs, probe, (choice == oos).astype(float), flip.astype(float), words))
        right.append(choice == data.y[test])
    return np.vstack(rows), np.concatenate(right)


def english_signals(classifier: LocalIntentClassifier, texts: list[str], truth: list[str]) -> tuple[np.ndarray, ...]:
    """(features, answer right) of English-path texts, each embedded alone as serving does."""
    model = classifier.model
    embeddings = np.vstack([classifier._embed([t]) for t in texts])
    scores = model.scores([normalize(t) for t in texts], embeddings)
    probs, choice, _, flip, probe = model._decide(scores, embeddings)
    features = model.calibration_features(probs, choice, flip, probe, embeddings, np.array([len(t.split()) for t in texts]))
    return features, np.array([model.labels[c] == y for c, y in zip(choice, truth, strict=True)])


def foreign_signals(classifier: LocalIntentClassifier, texts: list[str], truth: list[str]) -> tuple[np.ndarray, ...]:
    """(logit of the mix's top probability, answer right) of texts on the other-language path."""
    intents = classifier._foreign(texts)
    top = np.clip(np.array([i.confidence for i in intents]), 1e-6, 1 - 1e-6)
    return np.log(top / (1 - top))[:, None], np.array([i.label == y for i, y in zip(intents, truth, strict=True)])


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--care", type=Path, required=True, help="customer_care_tweets/dev.json")
    parser.add_argument("--multilingual", type=Path, default=MULTILINGUAL)
    parser.add_argument("--bitext", type=Path, help="bitext_cs_sample/…Training_Dataset.csv: its even rows join the fit")
    parser.add_argument("--drop", default=",".join(map(str, DROPPED)),
                        help="signals (indices of CALIBRATION_FEATURES) left out; session 11's temperature: 1,2,3,4")
    args = parser.parse_args(argv)
    services = build_services(Settings(db_path=str(Path(tempfile.mkdtemp()) / "f.db")))
    classifier = uncalibrated(services)
    oof_x, oof_y = out_of_fold(classifier)
    rows, _ = dev_eval.read_care(args.care, dev_eval.LABELS_CSV)
    even = [r for r in rows if r["conv_index"] % 2 == 0 and not classifier._is_foreign(r["text"])]
    care_x, care_y = english_signals(classifier, [r["text"] for r in even], [r["intent"] for r in even])
    parts = [(oof_x, oof_y, 1.0), (care_x, care_y, CARE_WEIGHT * len(oof_y) / len(care_y))]
    if args.bitext:
        data = intents.read_labelled_csv(args.bitext, "instruction", "intent")
        texts, truth = intents.map_labels(data, intents.read_label_map(dev_eval.BITEXT_MAP))[0]
        even = [i for i in range(0, len(texts), 2) if not classifier._is_foreign(texts[i])]
        bt_x, bt_y = english_signals(classifier, [texts[i] for i in even], [truth[i] for i in even])
        parts.append((bt_x, bt_y, 0.5 * len(oof_y) / len(bt_y)))
    x = np.vstack([p[0] for p in parts])
    y = np.concatenate([p[1] for p in parts])
    weight = np.concatenate([np.full(len(p[1]), p[2]) for p in parts])
    dropped = tuple(int(i) for i in args.drop.split(",") if i.strip())
    kept = [i for i in range(x.shape[1]) if i not in dropped]
    fitted = fx.fit_calibrator(x[:, kept], y, weight)
    english = np.zeros(x.shape[1] + 1)
    english[kept + [x.shape[1]]] = fitted
    with args.multilingual.open(encoding="utf-8", newline="") as f:
        ml = [r for i, r in enumerate(csv.DictReader(f)) if i % 2 == 0]
    ml = [r for r in ml if classifier._is_foreign(r["text"])]
    fx_x, fx_y = foreign_signals(classifier, [r["text"] for r in ml], [r["label"] for r in ml])
    foreign = fx.fit_calibrator(fx_x, fx_y)
    return {"bench": "intent_calibration", "english": [round(float(v), 4) for v in english],
            "english_features": list(fx.CALIBRATION_FEATURES),
            "dropped": [fx.CALIBRATION_FEATURES[i] for i in dropped], "foreign": [round(float(v), 4) for v in foreign],
            "rows": {"out_of_fold": len(oof_y), "care_even": len(care_y), "multilingual_even": len(fx_y),
                     "bitext_even": len(parts[2][1]) if args.bitext else 0},
            "accuracy": {"out_of_fold": round(float(oof_y.mean()), 4), "care_even": round(float(care_y.mean()), 4),
                         "multilingual_even": round(float(fx_y.mean()), 4)}}


if __name__ == "__main__":
    print(json.dumps(main(), ensure_ascii=False))
