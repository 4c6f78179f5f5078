"""Intent and sentiment of the default models on real traffic (development sets). One JSON line.

The labels of our dev sample live in bench/data/care_dev_labels.csv (conversation index, a hash of the text, two
labelling passes and the adjudicated label; never the text). This script rejoins them with the shared data set, so
the text is read from `--care` at run time; a row whose text no longer matches its hash is skipped and counted as
`drifted`.

    .venv/bin/python bench/dev_eval.py --care ../shared/data/customer_care_tweets/dev.json \
        --apple ../shared/data/apple_twitter_sentiment/Apple-Twitter-Sentiment-DFE.csv

Figures are given for all rows and for the two halves: `even` conversation indices (the half we read errors of when
writing examples) and `odd` (never inspected: the honest figure). Sentiment is scored on four classes and on three
with the fold rule mixed → negative (docs/labelling-guide.md), applied to truth and prediction alike. The Apple
tweets have three classes (1 negative, 3 neutral, 5 positive; not_relevant skipped), so only the folded figure
exists there. ECE: expected calibration error of the intent confidence, 15 equal-width bins, with a bootstrap
interval and the noise floor (what a perfectly calibrated model would score on as many rows; see calibration()).
`--multilingual` (our es/fr/de/pt set) and `--bitext CSV` (mapped to our labels) report accuracy and calibration
of the default intent model on those sets too, all rows and even / odd rows.

`--fresh` adds the fresh set (bench/data/care_dev_labels_fresh.csv: the first customer message of conversations
340-524, labelled in session 9 before any model change of that session), reported as one block `care_fresh` (all 185
rows; even / odd rows too, for comparison only). Nothing is tuned on it and its errors are never printed: it is the
closest we have to the product owner's held-out set.

`--apple-intent` adds the Apple intent set (bench/data/apple_intent_labels.csv, session 10: every tweet of the Apple
sentiment file that opens with @apple / @AppleSupport, in file order from its first row, 319 tweets; `addressed` = 1
for the 221 that say something to the company, 0 for headlines and posts that only have @Apple as their subject),
labelled into the default taxonomy before any model change of session 10. Reported as `apple_intent`: `addressed`
(the figure), its even / odd rows by file row, and `all_opening` (all 319). Like the fresh set, its errors are never
printed.

`--blind11` adds the session-11 blind set (needs --care and --apple): bench/data/apple_intent_labels_blind11.csv (the
first 440 tweets of the Apple file, in file order, that mention @apple / @AppleSupport somewhere other than the
opening, not already in apple_intent_labels.csv, retweets "RT ..." and exact duplicates left out; `addressed` as for
the Apple intent set) and bench/data/care_later_turn_labels_blind11.csv (22 later customer turns of the care
conversations that open a new request: conv_index, client_turn = 0-based index among the conversation's customer
turns). Labelled before the model ran on them. Reported as `blind11`: `addressed` (Apple addressed + care turns: the
figure), `addressed_even` / `addressed_odd` (Apple tweets by file row, care turns by conversation index; session 12
fits the intent calibrator on the even half), `apple_addressed`, `care_turns`, `apple_all` (all 440). Its errors are
never printed.

Every intent block also gives `macro_recall_8`: the mean recall over the eight labels the product owner's held-out
report lists (Technical Support, Complaint, Billing Question, General Inquiry, Product Information, Refund/Return,
Other, Order Status) that occur in the truth — a better proxy for that set, whose label mix is far more even than
ours, than plain accuracy.

Intent labels follow guide v3 by default (session 28: bench/data/intent_labels_v3.csv relabels the rows that guide
v2 called Account Management); `--guide v2` reads the labels files as written, `--guide eight` gives the
held-out-like view (those rows labelled with the eight labels of the held-out report). The care blocks' intent also
gives `unchanged_by_guide`: accuracy on the rows whose label is the same under guide v2 and the chosen guide.

`--errors even` prints the misclassified intent rows of that half to stderr (text, truth, prediction) for reading;
never use it on the odd half.
"""
# ruff: noqa: E402

from __future__ import annotations

import argparse
import csv
import functools
import hashlib
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np

from services import intents
from services.adapters.local.intent_features import expected_calibration_error
from services.bootstrap import build_services
from services.config import load_settings
from services.errors import InvalidInput

LABELS_CSV = ROOT / "bench" / "data" / "care_dev_labels.csv"
FRESH_LABELS_CSV = ROOT / "bench" / "data" / "care_dev_labels_fresh.csv"
APPLE_INTENT_CSV = ROOT / "bench" / "data" / "apple_intent_labels.csv"
BLIND11_APPLE_CSV = ROOT / "bench" / "data" / "apple_intent_labels_blind11.csv"
BLIND11_CARE_CSV = ROOT / "bench" / "data" / "care_later_turn_labels_blind11.csv"
# guide v3 (session 28): the rows labelled Account Management under guide v2, relabelled from their text alone
GUIDE_V3_CSV = ROOT / "bench" / "data" / "intent_labels_v3.csv"
GUIDES = ("v3", "v2", "eight")
HELD_OUT_LABELS = ("Technical Support", "Complaint", "Billing Question", "General Inquiry", "Product Information",
                   "Refund/Return", "Other", "Order Status")
SENTIMENTS = ("positive", "neutral", "negative", "mixed")
APPLE_LABELS = {"1": "negative", "3": "neutral", "5": "positive"}
ECE_BINS = 15
BOOTSTRAP = 1000
MULTILINGUAL = ROOT / "bench" / "data" / "intent_multilingual.csv"
BITEXT_MAP = ROOT / "docs" / "bitext_label_map.json"


def text_hash(text: str) -> str:
    """The short hash stored beside each label: sha1 of the stripped text, first 12 hex digits."""
    return hashlib.sha1(text.strip().encode("utf-8")).hexdigest()[:12]


def first_customer_message(conversation: dict[str, Any]) -> str:
    for turn in conversation.get("dialogContent", []):
        if "client" in turn:
            return str(turn.get("message", ""))
    return ""


@functools.lru_cache(maxsize=4)
def relabelled(guide: str) -> dict[tuple[str, str, str], str]:
    """(set, key, text hash) -> intent, for the rows that intent guide v3 relabelled (bench/data/intent_labels_v3.csv:
    every row whose guide-v2 label was Account Management). `v3`: the guide in force (docs/labelling-guide.md); `v2`:
    no change (the labels files as written); `eight`: the best of the eight labels of the owners' held-out report, as
    an annotator without Account Management would label these rows (the held-out-like view). Sets: `care` (key:
    conv_index), `apple` (row_index), `care_turn` (conv_index:client_turn).

    Raises:
        InvalidInput: the guide is unknown or the file is not in the expected layout.
    """
    if guide not in GUIDES:
        raise InvalidInput(f"unknown guide {guide!r}; valid: {', '.join(GUIDES)}")
    if guide == "v2":
        return {}
    column = {"v3": "intent_v3", "eight": "intent8"}[guide]
    try:
        with GUIDE_V3_CSV.open(newline="", encoding="utf-8") as f:
            return {(row["set"], row["key"], row["text_sha1"]): row[column] for row in csv.DictReader(f)}
    except (OSError, KeyError, csv.Error) as e:
        raise InvalidInput(f"cannot read {GUIDE_V3_CSV}: {e}") from e


def read_care(care_path: Path, labels_path: Path, guide: str = "v3") -> tuple[list[dict[str, Any]], int]:
    """Labelled rows (conv_index, text, intent under `guide`, sentiment) rejoined with the data set; and how many
    drifted.

    Raises:
        InvalidInput: a file is missing or not in the expected layout.
    """
    try:
        conversations = json.loads(care_path.read_text(encoding="utf-8"))
        with labels_path.open(newline="", encoding="utf-8") as f:
            labelled = list(csv.DictReader(f))
    except (OSError, ValueError) as e:
        raise InvalidInput(f"cannot read the dev set: {e}") from e
    rows, drifted = [], 0
    for row in labelled:
        index = int(row["conv_index"])
        text = first_customer_message(conversations[index]) if index < len(conversations) else ""
        if not text or text_hash(text) != row["text_sha1"]:
            drifted += 1
            continue
        if row["intent"] and row["sentiment"]:
            intent = relabelled(guide).get(("care", str(index), row["text_sha1"]), row["intent"])
            rows.append({"conv_index": index, "text": text, "intent": intent, "intent_v2": row["intent"],
                         "sentiment": row["sentiment"]})
    return rows, drifted


def read_apple_rows(path: Path) -> list[dict[str, str]]:
    """The rows of the CrowdFlower Apple tweets file: Latin-1, ';'-separated, a title line first.

    Raises:
        InvalidInput: the file is missing or not in the expected layout.
    """
    try:
        with path.open(encoding="latin-1", newline="") as f:
            next(f)
            return list(csv.DictReader(f, delimiter=";"))
    except (OSError, StopIteration, csv.Error) as e:
        raise InvalidInput(f"cannot read {path}: {e}") from e


def read_apple_intent(apple_path: Path, labels_path: Path,
                      guide: str = "v3") -> tuple[list[dict[str, Any]], int]:
    """Our intent labels (under `guide`) of the Apple tweets (row index in the file, text hash, `addressed`, labels)
    rejoined with the data set; and how many rows drifted (text no longer matching its hash).

    Raises:
        InvalidInput: a file is missing or not in the expected layout.
    """
    data = read_apple_rows(apple_path)
    try:
        with labels_path.open(newline="", encoding="utf-8") as f:
            labelled = list(csv.DictReader(f))
    except (OSError, ValueError) as e:
        raise InvalidInput(f"cannot read {labels_path}: {e}") from e
    rows, drifted = [], 0
    for row in labelled:
        index = int(row["row_index"])
        text = (data[index].get("text") or "") if index < len(data) else ""
        if not text or text_hash(text) != row["text_sha1"]:
            drifted += 1
            continue
        intent = relabelled(guide).get(("apple", str(index), row["text_sha1"]), row["intent"])
        rows.append({"row_index": index, "text": text, "intent": intent, "addressed": row["addressed"] == "1"})
    return rows, drifted


def read_care_turns(care_path: Path, labels_path: Path,
                    guide: str = "v3") -> tuple[list[dict[str, Any]], int]:
    """Our intent labels (under `guide`) of later customer turns (conv_index, client_turn = 0-based among the
    conversation's customer turns, text hash, labels) rejoined with the data set; and how many rows drifted.

    Raises:
        InvalidInput: a file is missing or not in the expected layout.
    """
    try:
        conversations = json.loads(care_path.read_text(encoding="utf-8"))
        with labels_path.open(newline="", encoding="utf-8") as f:
            labelled = list(csv.DictReader(f))
    except (OSError, ValueError) as e:
        raise InvalidInput(f"cannot read the dev set: {e}") from e
    rows, drifted = [], 0
    for row in labelled:
        index, turn = int(row["conv_index"]), int(row["client_turn"])
        turns = ([str(t.get("message", "")) for t in conversations[index].get("dialogContent", []) if "client" in t]
                 if index < len(conversations) else [])
        text = turns[turn] if turn < len(turns) else ""
        if not text or text_hash(text) != row["text_sha1"]:
            drifted += 1
            continue
        intent = relabelled(guide).get(("care_turn", f"{index}:{turn}", row["text_sha1"]), row["intent"])
        rows.append({"conv_index": index, "text": text, "intent": intent, "addressed": row["addressed"] == "1"})
    return rows, drifted


class Pool:
    """The answers of every real-traffic intent set of one run (care, fresh, Apple addressed, blind11), for one
    calibration figure over all of them: each set alone is 185-340 rows, where the ECE's sampling floor (0.05-0.08)
    is as large as the target; pooled, the floor is about half that."""

    def __init__(self) -> None:
        self.sets: list[str] = []
        self.rows: list[tuple[bool, float, int]] = []  # (answer right, confidence, half: 0 even / 1 odd)

    def add(self, name: str, rows: list[tuple[bool, float, int]]) -> None:
        self.sets.append(name)
        self.rows.extend(rows)

    def report(self) -> dict[str, Any]:
        """Accuracy and calibration() of all pooled rows and of each half (the even halves are the ones the default
        calibrator was fitted on, session 12; the odd halves it never read)."""
        out: dict[str, Any] = {"sets": self.sets}
        for part, keep in (("all", (0, 1)), ("even", (0,)), ("odd", (1,))):
            rows = [r for r in self.rows if r[2] in keep]
            out[part] = calibration([r[1] for r in rows], [r[0] for r in rows])
        return out


def blind11_report(services: Any, apple_rows: list[dict[str, Any]], care_rows: list[dict[str, Any]],
                   pool: Pool | None = None) -> dict[str, Any]:
    """The session-11 blind set: Apple tweets mentioning @apple later in the text + later care turns. Errors are never
    printed."""
    rows = apple_rows + care_rows
    predicted = intents.classifier_for(services).classify_many([r["text"] for r in rows])
    apple_addressed = [i for i, r in enumerate(apple_rows) if r["addressed"]]
    care = list(range(len(apple_rows), len(rows)))
    # even / odd halves (session 12: the calibrator is fitted on the even one): Apple tweets by file row, care turns
    # by conversation index
    even = [i for i in apple_addressed + care
            if (rows[i]["row_index"] if i < len(apple_rows) else rows[i]["conv_index"]) % 2 == 0]
    parts = {"addressed": apple_addressed + care, "addressed_even": even,
             "addressed_odd": sorted(set(apple_addressed + care) - set(even)),
             "apple_addressed": apple_addressed, "care_turns": care, "apple_all": list(range(len(apple_rows)))}
    if pool is not None:
        even_rows = set(even)
        pool.add("blind11", [(predicted[i].label == rows[i]["intent"], predicted[i].confidence,
                              0 if i in even_rows else 1) for i in apple_addressed + care])
    return {name: intent_block([rows[i]["intent"] for i in members], [predicted[i].label for i in members],
                               [predicted[i].confidence for i in members])
            for name, members in parts.items()}


def read_apple(path: Path) -> tuple[list[str], list[str], int]:
    """(texts, labels, skipped) of the CrowdFlower Apple tweets: Latin-1, ';'-separated, a title line first."""
    texts, labels, skipped = [], [], 0
    for row in read_apple_rows(path):
        label = APPLE_LABELS.get((row.get("sentiment") or "").strip())
        if label and row.get("text"):
            texts.append(row["text"])
            labels.append(label)
        else:
            skipped += 1
    return texts, labels, skipped


def metrics(truth: Sequence[str], predicted: Sequence[str], labels: Sequence[str] | None = None) -> dict[str, Any]:
    """accuracy, macro-F1 over the labels present in the truth, per-label recall, confusion[truth][predicted]."""
    present = sorted(set(truth))
    names = list(labels) if labels else sorted(set(truth) | set(predicted))
    f1s, recall = [], {}
    for label in present:
        tp = sum(t == p == label for t, p in zip(truth, predicted, strict=True))
        n_true, n_pred = truth.count(label), predicted.count(label)
        f1s.append(2 * tp / (n_true + n_pred) if n_true + n_pred else 0.0)
        recall[label] = round(tp / n_true, 3)
    confusion = {t: {p: 0 for p in names if p in set(predicted) | set(truth)} for t in present}
    for t, p in zip(truth, predicted, strict=True):
        confusion[t][p] = confusion[t].get(p, 0) + 1
    correct = sum(t == p for t, p in zip(truth, predicted, strict=True))
    return {"n": len(truth), "accuracy": round(correct / len(truth), 3) if truth else 0.0,
            "macro_f1": round(sum(f1s) / len(f1s), 3) if f1s else 0.0, "per_label_recall": recall,
            "confusion": confusion}


def macro_recall_8(recall: dict[str, float]) -> dict[str, Any]:
    """Mean recall over the held-out report's eight labels that occur in the truth (and how many did)."""
    present = [recall[label] for label in HELD_OUT_LABELS if label in recall]
    return {"value": round(sum(present) / len(present), 3) if present else 0.0, "labels": len(present)}


def intent_block(truth: list[str], guess: list[str], confidences: list[float]) -> dict[str, Any]:
    """Intent metrics of one set of rows: metrics(), majority baseline, macro_recall_8, calibration, rejection."""
    intent = metrics(truth, guess)
    intent["majority"] = round(max(truth.count(x) for x in set(truth)) / len(truth), 3) if truth else 0.0
    intent["macro_recall_8"] = macro_recall_8(intent["per_label_recall"])
    intent["calibration"] = calibration(confidences, [t == g for t, g in zip(truth, guess, strict=True)])
    intent["ece"] = intent["calibration"].get("ece")
    intent["rejection"] = rejection(truth, guess, confidences)
    return intent


def ece(confidences: Sequence[float], correct: Sequence[bool], bins: int = ECE_BINS) -> float:
    """Expected calibration error: Σ over equal-width confidence bins of |accuracy − mean confidence| × share
    (the same function as eval-intents' `ece`)."""
    return round(expected_calibration_error(np.asarray(confidences, float), np.asarray(correct, bool), bins), 4)


def calibration(confidences: Sequence[float], correct: Sequence[bool], seed: int = 0) -> dict[str, Any]:
    """ECE (15 bins) with a 95 % bootstrap interval, and the noise floor: the ECE that a perfectly calibrated model
    with exactly these confidences would score on this many rows (median and 95th percentile of 1,000 simulations:
    each answer right with probability = its confidence). On 170 rows the floor is about 0.08, so an ECE below it
    says "as calibrated as can be measured here", and ECE <= 0.05 is reachable only by luck.
    `gap` = mean confidence - accuracy (signed: > 0 over-confident)."""
    conf, right = np.asarray(confidences, float), np.asarray(correct, bool)
    if not len(conf):
        return {}
    rng = np.random.default_rng(seed)
    boot = [expected_calibration_error(conf[i], right[i], ECE_BINS)
            for i in (rng.integers(0, len(conf), len(conf)) for _ in range(BOOTSTRAP))]
    floor = [expected_calibration_error(conf, rng.random(len(conf)) < conf, ECE_BINS) for _ in range(BOOTSTRAP)]
    return {"n": len(conf), "ece": ece(conf, right), "ece_95": [round(float(v), 4) for v in np.percentile(boot, [2.5, 97.5])],
            "floor_median": round(float(np.median(floor)), 4), "floor_95": round(float(np.percentile(floor, 95)), 4),
            "mean_confidence": round(float(conf.mean()), 4), "accuracy": round(float(right.mean()), 4),
            "gap": round(float(conf.mean() - right.mean()), 4)}


def rejection(truth: Sequence[str], predicted: Sequence[str], confidences: Sequence[float],
              oos_label: str = "Other") -> dict[str, Any]:
    """Calibration of the out-of-scope decision: of the answers `Other`, the share truly Other against their mean
    confidence; of the in-scope answers, the share truly in scope against the mean of their confidences (a right
    in-scope label implies in scope, so that side is bounded by the answers' calibration)."""
    out = [i for i, p in enumerate(predicted) if p == oos_label]
    kept = [i for i, p in enumerate(predicted) if p != oos_label]
    result: dict[str, Any] = {"answered_other": len(out)}
    if out:
        result["other_precision"] = round(sum(truth[i] == oos_label for i in out) / len(out), 4)
        result["other_mean_confidence"] = round(sum(confidences[i] for i in out) / len(out), 4)
    if kept:
        result["in_scope_precision"] = round(sum(truth[i] != oos_label for i in kept) / len(kept), 4)
    result["other_recall"] = round(sum(truth[i] == oos_label for i in out) / max(1, truth.count(oos_label)), 4)
    return result


def fold(label: str) -> str:
    """The 3-class fold rule: mixed counts as negative."""
    return "negative" if label == "mixed" else label


def halves(rows: list[dict[str, Any]]) -> dict[str, list[int]]:
    return {"all": list(range(len(rows))),
            "even": [i for i, r in enumerate(rows) if r["conv_index"] % 2 == 0],
            "odd": [i for i, r in enumerate(rows) if r["conv_index"] % 2 == 1]}


def care_report(services: Any, rows: list[dict[str, Any]], errors: str | None,
                pool: Pool | None = None, name: str = "care") -> dict[str, Any]:
    classifier = intents.classifier_for(services)
    texts = [r["text"] for r in rows]
    started = time.perf_counter()
    predicted = classifier.classify_many(texts)
    intent_seconds = time.perf_counter() - started
    sentiments = [services.sentiment.analyze(t).label for t in texts]
    report: dict[str, Any] = {}
    for half, members in halves(rows).items():
        intent = intent_block([rows[i]["intent"] for i in members], [predicted[i].label for i in members],
                              [predicted[i].confidence for i in members])
        # the rows whose label no guide change touched (session 28's bar: a changed guide must not cost them)
        same = [i for i in members if rows[i]["intent"] == rows[i].get("intent_v2", rows[i]["intent"])]
        intent["unchanged_by_guide"] = {"n": len(same), "accuracy": round(
            sum(predicted[i].label == rows[i]["intent"] for i in same) / max(1, len(same)), 4)}
        s_truth = [rows[i]["sentiment"] for i in members]
        s_guess = [sentiments[i] for i in members]
        four = metrics(s_truth, s_guess, SENTIMENTS)
        three = metrics([fold(s) for s in s_truth], [fold(s) for s in s_guess])
        report[half] = {"intent": intent, "sentiment": four, "sentiment_3class": three}
    if pool is not None:
        pool.add(name, [(predicted[i].label == rows[i]["intent"], predicted[i].confidence, rows[i]["conv_index"] % 2)
                        for i in range(len(rows))])
    report["intent_ms_per_message"] = round(1000 * intent_seconds / max(1, len(texts)), 3)
    if errors:
        for i in halves(rows)[errors]:
            if predicted[i].label != rows[i]["intent"]:
                text = " ".join(rows[i]["text"].split())[:300]
                print(f"{rows[i]['conv_index']}\t{rows[i]['intent']}\t->{predicted[i].label} "
                      f"({predicted[i].confidence:.2f})\t{text}", file=sys.stderr)
    return report


def apple_intent_report(services: Any, rows: list[dict[str, Any]], pool: Pool | None = None) -> dict[str, Any]:
    """The default intent model on our labels of the Apple tweets that open with @apple: the addressed ones (all, even
    and odd file rows) and all of them. Errors are never printed."""
    predicted = intents.classifier_for(services).classify_many([r["text"] for r in rows])
    addressed = [i for i, r in enumerate(rows) if r["addressed"]]
    parts = {"addressed": addressed,
             "addressed_even": [i for i in addressed if rows[i]["row_index"] % 2 == 0],
             "addressed_odd": [i for i in addressed if rows[i]["row_index"] % 2 == 1],
             "all_opening": list(range(len(rows)))}
    if pool is not None:
        pool.add("apple_addressed", [(predicted[i].label == rows[i]["intent"], predicted[i].confidence,
                                      rows[i]["row_index"] % 2) for i in addressed])
    return {name: intent_block([rows[i]["intent"] for i in members], [predicted[i].label for i in members],
                               [predicted[i].confidence for i in members])
            for name, members in parts.items()}


def intent_set_report(services: Any, texts: list[str], truth: list[str], halves_by_row: bool = True) -> dict[str, Any]:
    """Accuracy and calibration of the default intent model on a labelled set of ours or a mapped shared one, for all
    rows and for the even / odd rows (the even rows of our multilingual set fit the other-language calibration)."""
    predicted = intents.classifier_for(services).classify_many(texts)
    report: dict[str, Any] = {}
    parts = {"all": range(len(texts)), "even": range(0, len(texts), 2), "odd": range(1, len(texts), 2)}
    for name, members in parts.items():
        t = [truth[i] for i in members]
        g = [predicted[i].label for i in members]
        report[name] = {"accuracy": round(sum(a == b for a, b in zip(t, g, strict=True)) / max(1, len(t)), 4),
                        "calibration": calibration([predicted[i].confidence for i in members],
                                                   [a == b for a, b in zip(t, g, strict=True)])}
    return report


def multilingual_report(services: Any, path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    return intent_set_report(services, [r["text"] for r in rows], [r["label"] for r in rows])


def bitext_report(services: Any, path: Path) -> dict[str, Any]:
    data = intents.read_labelled_csv(path, "instruction", "intent")
    (texts, truth), skipped = intents.map_labels(data, intents.read_label_map(BITEXT_MAP))
    return {"skipped": skipped, **intent_set_report(services, texts, truth)}


def apple_report(services: Any, path: Path) -> dict[str, Any]:
    texts, labels, skipped = read_apple(path)
    predicted = [fold(services.sentiment.analyze(t).label) for t in texts]
    return {"sentiment_3class": metrics(labels, predicted), "skipped": skipped}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--care", type=Path, help="customer_care_tweets/dev.json")
    parser.add_argument("--labels", type=Path, default=LABELS_CSV, help="our labels (default: %(default)s)")
    parser.add_argument("--apple", type=Path, help="apple_twitter_sentiment/Apple-Twitter-Sentiment-DFE.csv")
    parser.add_argument("--fresh", type=Path, nargs="?", const=FRESH_LABELS_CSV,
                        help="also report the fresh set (conversations 340-524; needs --care; default labels: "
                             f"{FRESH_LABELS_CSV.relative_to(ROOT)})")
    parser.add_argument("--apple-intent", type=Path, nargs="?", const=APPLE_INTENT_CSV,
                        help="also report our intent labels of the Apple tweets (needs --apple; default labels: "
                             f"{APPLE_INTENT_CSV.relative_to(ROOT)})")
    parser.add_argument("--blind11", action="store_true",
                        help="also report the session-11 blind set (needs --care and --apple)")
    parser.add_argument("--no-apple-sentiment", action="store_true",
                        help="with --apple, skip the crowd sentiment block (3,800 analyses)")
    parser.add_argument("--errors", choices=("even",), help="print misclassified intent rows of this half to stderr")
    parser.add_argument("--multilingual", type=Path, nargs="?", const=MULTILINGUAL,
                        help=f"our es/fr/de/pt intent set (default: {MULTILINGUAL.relative_to(ROOT)})")
    parser.add_argument("--bitext", type=Path, help="bitext_cs_sample/…Training_Dataset.csv (mapped to our labels)")
    parser.add_argument("--guide", choices=GUIDES, default="v3",
                        help="intent labels: v3 (the guide in force, default), v2 (before session 28), eight (the "
                             "eight labels of the held-out report: the held-out-like view)")
    args = parser.parse_args(argv)
    if not (args.care or args.apple or args.multilingual or args.bitext):
        parser.error("give --care, --apple, --multilingual and/or --bitext")
    if args.fresh and not args.care:
        parser.error("--fresh reads its messages from the --care data set")
    if args.apple_intent and not args.apple:
        parser.error("--apple-intent reads its messages from the --apple data set")
    if args.blind11 and not (args.care and args.apple):
        parser.error("--blind11 reads its messages from the --care and --apple data sets")
    services = build_services(load_settings())
    result: dict[str, Any] = {"bench": "dev_eval", "guide": args.guide}
    pool = Pool()
    try:
        if args.care:
            rows, drifted = read_care(args.care, args.labels, args.guide)
            result["care"] = {"labelled": len(rows), "drifted": drifted,
                              **care_report(services, rows, args.errors, pool)}
            if args.fresh:
                fresh, fresh_drifted = read_care(args.care, args.fresh, args.guide)
                result["care_fresh"] = {"labelled": len(fresh), "drifted": fresh_drifted,
                                        **care_report(services, fresh, None, pool, "fresh")}
        if args.apple and not args.no_apple_sentiment:
            result["apple"] = apple_report(services, args.apple)
        if args.apple_intent:
            apple_rows, apple_drifted = read_apple_intent(args.apple, args.apple_intent, args.guide)
            result["apple_intent"] = {"labelled": len(apple_rows), "drifted": apple_drifted,
                                      **apple_intent_report(services, apple_rows, pool)}
        if args.blind11:
            b_apple, b_apple_drifted = read_apple_intent(args.apple, BLIND11_APPLE_CSV, args.guide)
            b_care, b_care_drifted = read_care_turns(args.care, BLIND11_CARE_CSV, args.guide)
            result["blind11"] = {"labelled": len(b_apple) + len(b_care), "drifted": b_apple_drifted + b_care_drifted,
                                 **blind11_report(services, b_apple, b_care, pool)}
        if len(pool.sets) > 1:
            result["pooled_real"] = pool.report()
        if args.multilingual:
            result["multilingual"] = multilingual_report(services, args.multilingual)
        if args.bitext:
            result["bitext"] = bitext_report(services, args.bitext)
    except InvalidInput as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
