"""Fit the default sentiment model's confidence calibrator (services/adapters/local/sentiment.py, CALIBRATION).
One JSON line: the (slope, intercept) to paste into CALIBRATION, the log-loss-optimal temperature of each half, and
accuracy / ECE (3-class, mixed folded into negative, 10 bins: what `eval-sentiment` prints) of each half before and
after the calibrator.

    python bench/care_dev_csv.py ../shared/data/customer_care_tweets/dev.json /tmp/care_dev.csv
    .venv/bin/python bench/sentiment_calibration.py --care-csv /tmp/care_dev.csv \\
        --apple ../shared/data/apple_twitter_sentiment/Apple-Twitter-Sentiment-DFE.csv

The calibrator maps the served top probability p (after the temperature) to sigmoid(slope * logit(p) + intercept),
the other labels rescaled (the label never changes). It is fitted by log-loss of "the 3-class answer is right" on the
EVEN halves (row index even, as `eval-sentiment --rows even`) of the care dev set (labels v3, docs/dev-sets.md) and
of the Apple tweets, each set weighting equally; the ODD halves only report. The model's scores are taken with the
calibrator switched off, so the fit does not depend on the CALIBRATION it replaces.
"""
# ruff: noqa: E402

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scipy.optimize import minimize, minimize_scalar

from services.adapters.local import sentiment as local
from services.adapters.local.sentiment_eval import (
    CsvFormat,
    ece_if_calibrated,
    expected_calibration_error,
    parse_label_map,
    read_csv,
)
from services.config import Settings

THREE = ("negative", "neutral", "positive")


def raw_probabilities(model: local.SentimentModel, texts: list[str], temperature: float = 1.0) -> np.ndarray:
    """(n, classes) softmax of the decision at `temperature`, calibrator off, each text scored alone as served."""
    saved = model.temperature, model.calibration
    model.temperature, model.calibration = temperature, (1.0, 0.0)
    try:
        rows = model.scores(texts)
    finally:
        model.temperature, model.calibration = saved
    return np.array([[row[label] for label in local.LABELS] for row in rows])


def folded(probabilities: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """3-class predictions and their confidence (mixed folded into negative, as eval-sentiment does)."""
    labels = np.array(local.LABELS)[probabilities.argmax(axis=1)]
    p = {label: probabilities[:, i] for i, label in enumerate(local.LABELS)}
    predicted = np.where(labels == "mixed", "negative", labels)
    confidence = np.where(predicted == "negative", p["negative"] + p["mixed"],
                          np.where(predicted == "neutral", p["neutral"], p["positive"]))
    return predicted, confidence


def at_temperature(logits: np.ndarray, temperature: float) -> np.ndarray:
    z = logits / temperature
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def log_loss_right(probabilities: np.ndarray, truth: np.ndarray) -> float:
    predicted, confidence = folded(probabilities)
    right = predicted == truth
    confidence = np.clip(confidence, 1e-9, 1 - 1e-9)
    return float(-(right * np.log(confidence) + ~right * np.log(1 - confidence)).mean())


def three_class_nll(probabilities: np.ndarray, truth: np.ndarray) -> float:
    p = {label: probabilities[:, i] for i, label in enumerate(local.LABELS)}
    q = np.column_stack([p["negative"] + p["mixed"], p["neutral"], p["positive"]])
    index = np.array([THREE.index(t) for t in truth])
    return float(-np.log(np.clip(q[np.arange(len(index)), index], 1e-12, 1)).mean())


def report(probabilities: np.ndarray, truth: np.ndarray) -> dict[str, Any]:
    predicted, confidence = folded(probabilities)
    right = predicted == truth
    return {"n": len(truth), "accuracy": round(float(right.mean()), 3),
            "ece": round(expected_calibration_error(list(confidence), list(right)), 3),
            "ece_if_calibrated": round(ece_if_calibrated(list(confidence)), 3),
            "mean_confidence": round(float(confidence.mean()), 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--care-csv", required=True, help="the output of bench/care_dev_csv.py")
    parser.add_argument("--apple", required=True, help="Apple-Twitter-Sentiment-DFE.csv")
    args = parser.parse_args()
    care_texts, care_labels, _ = read_csv(Path(args.care_csv), "text", "sentiment3_v3")
    apple_texts, apple_labels, _ = read_csv(
        Path(args.apple), "text", "sentiment",
        CsvFormat(sep=";", encoding="latin-1", skip_rows=1, label_map=parse_label_map("1=negative,3=neutral,5=positive")))
    settings = Settings()
    analyzer = local.LocalSentimentAnalyzer(settings)
    model = local._shared_model(analyzer.data_dir, analyzer.cues, analyzer.encoder)
    sets = {}
    for name, texts, labels in (("care_v3", care_texts, care_labels), ("apple", apple_texts, apple_labels)):
        logits = np.log(np.clip(raw_probabilities(model, texts), 1e-300, None))  # softmax at T = 1: logits up to a shift
        sets[name] = (logits, np.array(labels))

    def half(name: str, which: int) -> tuple[np.ndarray, np.ndarray]:
        logits, truth = sets[name]
        rows = np.arange(len(truth)) % 2 == which
        return logits[rows], truth[rows]

    best_temperature = {f"{name}_{'even' if which == 0 else 'odd'}": round(float(minimize_scalar(
        lambda t, n=name, w=which: three_class_nll(at_temperature(half(n, w)[0], t), half(n, w)[1]),
        bounds=(0.5, 6.0), method="bounded").x), 3) for name in sets for which in (0, 1)}

    def loss(params: np.ndarray) -> float:
        slope, intercept = params
        return sum(log_loss_right(local.calibrate(at_temperature(half(name, 0)[0], model.temperature), slope,
                                                  intercept), half(name, 0)[1]) for name in sets)

    slope, intercept = minimize(loss, np.array([1.0, 0.0]), method="Nelder-Mead").x
    results: dict[str, Any] = {}
    for name in sets:
        for which, tag in ((0, "even"), (1, "odd")):
            logits, truth = half(name, which)
            p = at_temperature(logits, model.temperature)
            results[f"{name}_{tag}"] = {"before": report(p, truth),
                                        "after": report(local.calibrate(p, slope, intercept), truth)}
        logits, truth = sets[name]
        p = at_temperature(logits, model.temperature)
        results[f"{name}_all"] = {"before": report(p, truth), "after": report(local.calibrate(p, slope, intercept), truth)}
    print(json.dumps({"bench": "sentiment_calibration", "temperature": model.temperature,
                      "calibration": [round(float(slope), 4), round(float(intercept), 4)],
                      "shipped_calibration": list(local.CALIBRATION),
                      "log_loss_optimal_temperature": best_temperature, "halves": results}))


if __name__ == "__main__":
    main()
