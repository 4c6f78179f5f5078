"""Measuring sentiment analyzers: CSV reading, a stratified hold-out of our examples, VADER as the baseline."""

from __future__ import annotations

import csv
import random
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from services.adapters.local.sentiment import LABELS, to_sentiment
from services.errors import InvalidInput
from services.models import Sentiment

VADER_THRESHOLD = 0.05  # the cut-off VADER's authors recommend for positive/negative


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


def read_csv(path: Path, text_col: str, label_col: str) -> tuple[list[str], list[str], int]:
    """Texts and lowercase labels from a CSV, keeping rows labelled with one of LABELS.

    Returns:
        (texts, labels, skipped): skipped counts rows whose label is not one of ours.

    Raises:
        InvalidInput: the file is missing or lacks one of the two columns.
    """
    if not path.exists():
        raise InvalidInput(f"CSV file not found: {path}")
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        missing = [col for col in (text_col, label_col) if col not in (reader.fieldnames or [])]
        if missing:
            raise InvalidInput(f"{path} has no column {missing[0]!r}; columns: {', '.join(reader.fieldnames or [])}")
        rows = [(row[text_col] or "", (row[label_col] or "").strip().lower()) for row in reader]
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


def evaluate(analyze: Callable[[str], Sentiment], texts: Sequence[str], labels: Sequence[str]) -> dict[str, Any]:
    """Accuracy, macro-F1, n and a per-label confusion count of one analyzer on labelled texts."""
    predicted = [analyze(text).label for text in texts]
    confusion: dict[str, dict[str, int]] = {t: {p: 0 for p in LABELS} for t in LABELS}
    for t, p in zip(labels, predicted, strict=True):
        confusion[t][p] += 1
    correct = sum(t == p for t, p in zip(labels, predicted, strict=True))
    return {"accuracy": round(correct / len(texts), 3) if texts else 0.0,
            "macro_f1": round(f1_macro(labels, predicted), 3), "n": len(texts),
            "confusion": {t: row for t, row in confusion.items() if any(row.values())}}
