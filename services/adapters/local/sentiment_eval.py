"""Measuring sentiment analyzers: CSV reading, the 3-class fold, confusion, calibration, VADER as the baseline."""

from __future__ import annotations

import csv
import random
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from services.adapters.local.sentiment import LABELS, to_sentiment
from services.errors import InvalidInput
from services.models import Sentiment

VADER_THRESHOLD = 0.05  # the cut-off VADER's authors recommend for positive/negative
THREE_CLASS = ("negative", "neutral", "positive")
FOLD_RULE = ("mixed folded into negative: on a test set without a 'mixed' label a predicted 'mixed' counts as "
             "'negative' (praise plus a complaint is handled as a complaint); its confidence is "
             "p(negative) + p(mixed)")
ECE_BINS = 10
ECE_FLOOR_DRAWS = 200  # simulated test sets behind `ece_if_calibrated`


class VaderBaseline:
    """VADER's compound score alone (>= 0.05 positive, <= -0.05 negative, else neutral); never says mixed."""

    def __init__(self) -> None:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        self.vader = SentimentIntensityAnalyzer()

    def analyze(self, text: str) -> Sentiment:
        compound = self.vader.polarity_scores(text)["compound"]
        if compound >= VADER_THRESHOLD:
            return to_sentiment({"positive": 1.0})
        return to_sentiment({"negative": 1.0} if compound <= -VADER_THRESHOLD else {"neutral": 1.0})


@dataclass(frozen=True)
class CsvFormat:
    """How to read a labelled CSV: separator, encoding, lines before the header, label renames."""

    sep: str = ","
    encoding: str = "utf-8-sig"
    skip_rows: int = 0
    label_map: dict[str, str] = field(default_factory=dict)


def parse_label_map(spec: str | None) -> dict[str, str]:
    """'1=negative,3=neutral,5=positive' -> {'1': 'negative', ...}.

    Raises:
        InvalidInput: an item is not FROM=TO or maps to a label that is not ours.
    """
    mapping: dict[str, str] = {}
    for item in (spec or "").split(","):
        if not item.strip():
            continue
        source, sep, target = item.partition("=")
        target = target.strip().lower()
        if not sep or not source.strip() or target not in LABELS:
            raise InvalidInput(f"--label-map item {item!r} must be FROM=LABEL with LABEL one of {', '.join(LABELS)}")
        mapping[source.strip().lower()] = target
    return mapping


def read_csv(path: Path, text_col: str, label_col: str,
             fmt: CsvFormat | None = None) -> tuple[list[str], list[str], int]:
    """Texts and lowercase labels from a CSV, keeping rows labelled with one of LABELS (after fmt.label_map).

    Returns:
        (texts, labels, skipped): skipped counts rows whose label is not one of ours.

    Raises:
        InvalidInput: the file is missing, cannot be decoded, or lacks one of the two columns.
    """
    fmt = fmt or CsvFormat()
    if not path.exists():
        raise InvalidInput(f"CSV file not found: {path}")
    if len(fmt.sep) != 1:
        raise InvalidInput(f"--sep must be one character, got {fmt.sep!r}")
    try:
        with path.open(newline="", encoding=fmt.encoding) as handle:
            for _ in range(fmt.skip_rows):
                handle.readline()
            reader = csv.DictReader(handle, delimiter=fmt.sep)
            missing = [col for col in (text_col, label_col) if col not in (reader.fieldnames or [])]
            if missing:
                raise InvalidInput(f"{path} has no column {missing[0]!r}; columns: {', '.join(reader.fieldnames or [])}")
            rows = [(row[text_col] or "", (row[label_col] or "").strip().lower()) for row in reader]
    except (UnicodeDecodeError, LookupError) as e:
        raise InvalidInput(f"cannot read {path} as {fmt.encoding}: {e}; try --encoding latin-1") from e
    except csv.Error as e:
        raise InvalidInput(f"{path} is not a readable CSV: {e}") from e
    except OSError as e:  # a directory, no permission, a device that fails
        raise InvalidInput(f"cannot read {path}: {e.strerror or e}") from e
    rows = [(text, fmt.label_map.get(label, label)) for text, label in rows]
    kept = [(text, label) for text, label in rows if label in LABELS]
    return [t for t, _ in kept], [label for _, label in kept], len(rows) - len(kept)


def split(texts: Sequence[str], labels: Sequence[str], fraction: float, seed: int) -> tuple[list[int], list[int]]:
    """Train and test row indices: `fraction` of each label held out, chosen with a seeded shuffle."""
    by_label: dict[str, list[int]] = defaultdict(list)
    for i, label in enumerate(labels):
        by_label[label].append(i)
    rng = random.Random(seed)
    train_rows: list[int] = []
    test_rows: list[int] = []
    for label in sorted(by_label):
        rows = by_label[label][:]
        rng.shuffle(rows)
        cut = max(1, round(len(rows) * fraction))
        test_rows += rows[:cut]
        train_rows += rows[cut:]
    return sorted(train_rows), sorted(test_rows)


def f1_macro(truth: Sequence[str], predicted: Sequence[str]) -> float:
    """Macro-averaged F1 over the labels present in the truth."""
    scores = []
    for label in sorted(set(truth)):
        tp = sum(t == p == label for t, p in zip(truth, predicted, strict=True))
        predicted_n, true_n = sum(p == label for p in predicted), sum(t == label for t in truth)
        scores.append(2 * tp / (predicted_n + true_n) if predicted_n + true_n else 0.0)
    return sum(scores) / len(scores) if scores else 0.0


def fold(scores: dict[str, float]) -> dict[str, float]:
    """3-class scores: mixed's probability added to negative's (the confidence of a folded label)."""
    return {"negative": scores.get("negative", 0.0) + scores.get("mixed", 0.0),
            "neutral": scores.get("neutral", 0.0), "positive": scores.get("positive", 0.0)}


def expected_calibration_error(confidences: Sequence[float], correct: Sequence[bool], bins: int = ECE_BINS) -> float:
    """ECE: over equal-width confidence bins, the row-weighted gap between mean confidence and accuracy."""
    totals: dict[int, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for confidence, hit in zip(confidences, correct, strict=True):
        bucket = totals[min(int(confidence * bins), bins - 1)]
        bucket[0] += 1
        bucket[1] += confidence
        bucket[2] += float(hit)
    n = len(confidences)
    return sum(abs(c - h) for _, c, h in totals.values()) / n if n else 0.0


def ece_if_calibrated(confidences: Sequence[float], bins: int = ECE_BINS, draws: int = ECE_FLOOR_DRAWS,
                      seed: int = 0) -> float:
    """The ECE a perfectly calibrated model would still show on this many rows at these confidences: the mean over
    seeded simulated test sets where each row is right with probability equal to its confidence. On a few hundred
    rows this sampling floor is itself ~0.05, so an ECE near it says "as calibrated as this set can tell"."""
    import numpy as np

    confidence = np.asarray(confidences, dtype=np.float64)
    n = len(confidence)
    if not n:
        return 0.0
    bucket = np.minimum((confidence * bins).astype(int), bins - 1)
    confidence_sum = np.bincount(bucket, weights=confidence, minlength=bins)
    rng = np.random.default_rng(seed)
    total = 0.0
    for _ in range(draws):
        hits = np.bincount(bucket, weights=(rng.random(n) < confidence).astype(np.float64), minlength=bins)
        total += float(np.abs(confidence_sum - hits).sum()) / n
    return total / draws


def evaluate(analyze: Callable[[str], Sentiment], texts: Sequence[str], labels: Sequence[str],
             fold_mixed: bool | None = None) -> dict[str, Any]:
    """Accuracy, macro-F1, per-class recall/precision, a confusion matrix and ECE of one analyzer on labelled texts
    (with `ece_if_calibrated`, the ECE sampling alone gives on this many rows).

    Args:
        fold_mixed: apply FOLD_RULE; None means "when no row is labelled mixed" (a 3-class test set).
    """
    if fold_mixed is None:
        fold_mixed = "mixed" not in labels
    classes = THREE_CLASS if fold_mixed else LABELS
    predicted: list[str] = []
    confidences: list[float] = []
    raw_mixed = 0
    for text in texts:
        result = analyze(text)
        scores = dict(result.scores) or {result.label: 1.0}
        raw_mixed += result.label == "mixed"
        if fold_mixed:
            scores = fold(scores)
        label = "negative" if fold_mixed and result.label == "mixed" else result.label
        predicted.append(label)
        confidences.append(scores.get(label, 0.0))
    confusion = {t: {p: 0 for p in classes} for t in classes}
    for t, p in zip(labels, predicted, strict=True):
        confusion[t][p] += 1
    correct = [t == p for t, p in zip(labels, predicted, strict=True)]
    per_class = {}
    for name in classes:
        true_n, pred_n = sum(confusion[name].values()), sum(row[name] for row in confusion.values())
        if true_n or pred_n:
            per_class[name] = {"recall": round(confusion[name][name] / true_n, 3) if true_n else None,
                               "precision": round(confusion[name][name] / pred_n, 3) if pred_n else None,
                               "n": true_n}
    majority = max(classes, key=lambda name: sum(confusion[name].values()))
    return {"accuracy": round(sum(correct) / len(texts), 3) if texts else 0.0,
            "macro_f1": round(f1_macro(labels, predicted), 3), "n": len(texts),
            "majority_baseline": round(sum(confusion[majority].values()) / len(texts), 3) if texts else 0.0,
            "fold": FOLD_RULE if fold_mixed else "none (the test set has mixed labels)",
            "predicted_mixed_before_fold": raw_mixed,
            "confusion": confusion,
            "confusion_rows": "true label -> predicted label counts",
            "per_class": per_class,
            "ece": round(expected_calibration_error(confidences, correct), 3),
            "ece_if_calibrated": round(ece_if_calibrated(confidences), 3)}
