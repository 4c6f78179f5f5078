"""Where the default sentiment model stands on the closest real proxies of customer-to-airline tweets. One JSON line.

The owners measure 3-class accuracy on 14,640 real customer tweets to airlines (about 63 % negative / 21 % neutral /
16 % positive) that we never see. Our nearest real traffic is (1) the first customer messages of the care
conversations (24 companies, airlines among them; our labels v3 for conversations 0-339, the fresh labels for
340-524) and (2) the Apple tweets, in particular those *addressed to* Apple. For each set this prints the 3-class
figures of `eval-sentiment` (mixed folded into negative, the same `evaluate()`): accuracy, per-class recall and
precision, the confusion matrix, ECE and its sampling floor; and a **re-weighted estimate** at the airline-like class
mix: Σ_c w_c · recall_c with w = 0.63 / 0.21 / 0.16 (negative / neutral / positive), with a 95 % bootstrap interval
(rows resampled within each true class, 2,000 draws, seeded). The estimate assumes each class is read as well on
airline tweets as on the proxy set: it corrects the class mix, not the register.

    python bench/sentiment_proxy.py --care ../shared/data/customer_care_tweets/dev.json \\
        --apple ../shared/data/apple_twitter_sentiment/Apple-Twitter-Sentiment-DFE.csv

Sets (3-class, labels folded mixed -> negative):
- `care_v3_all|even|odd`: conversations 0-339, labels v3 (`bench/care_dev_csv.py`'s `sentiment3_v3`); halves by
  conversation index (= row index of `eval-sentiment --rows` on the CSV that script writes).
- `care_fresh`: conversations 340-524 (`bench/data/care_dev_labels_fresh.csv`), never tuned on; errors never printed.
- `apple_all|even|odd`: the Apple tweets with a 1 / 3 / 5 label (not_relevant skipped), halves by row index of the
  kept rows (as `eval-sentiment --rows`).
- `apple_to_apple_all|even|odd`: the Apple rows **addressed to @apple** (ADDRESSED below): the tweet's first word,
  after white space and an optional "." (".@apple", a public mention), is exactly @apple (any case; not @applenws,
  not @apple_fan). A retweet ("RT @…"), a reply in someone else's thread ("@thehill @Apple …": the customer talks
  to a third person) or a tweet that names @apple later is not addressed to it.
  The halves keep the parent set's parity, so `apple_to_apple_even` is a subset of `apple_even`.
- `pooled_customer`: care v3 all + care fresh + apple_to_apple_all (every customer-to-company row we have).
- `pooled_even`: care_v3_even + apple_to_apple_even, the part of `pooled_customer` that changes are chosen on.
- `care_later_blind`: the 97 distinct **later** customer turns of the care conversations (replies after the first
  message: details, follow-ups, "PS4"), `bench/data/care_later_sentiment_blind11.csv`, labelled in session 11 (two
  passes, adjudicated) and committed before any model ran on them; a blind check, never tuned on, not pooled.

`--sets a,b` limits the output to some sets (the even halves while choosing, say). Only the figures are printed,
never rows.
"""
# ruff: noqa: E402

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np

from services.adapters.local.sentiment_eval import CsvFormat, evaluate, read_csv
from services.errors import InvalidInput
from services.models import Sentiment

AIRLINE_MIX = {"negative": 0.63, "neutral": 0.21, "positive": 0.16}
DRAWS = 2000
CLASSES = ("negative", "neutral", "positive")
ADDRESSED = re.compile(r"\s*\.?@apple(?!\w)", re.IGNORECASE)
APPLE_FORMAT = CsvFormat(sep=";", encoding="latin-1", skip_rows=1,
                         label_map={"1": "negative", "3": "neutral", "5": "positive"})
CARE_LABELS = ROOT / "bench" / "data" / "care_dev_labels.csv"
CARE_V3 = ROOT / "bench" / "data" / "care_dev_sentiment_v3.csv"
CARE_FRESH = ROOT / "bench" / "data" / "care_dev_labels_fresh.csv"
CARE_LATER = ROOT / "bench" / "data" / "care_later_sentiment_blind11.csv"

Set = tuple[list[str], list[str]]


def addressed_to_apple(text: str) -> bool:
    """The tweet's first word is @apple (or .@apple), see the module docstring."""
    return ADDRESSED.match(text) is not None


def fold(label: str) -> str:
    return "negative" if label == "mixed" else label


def _care_rows(conversations: list[dict[str, Any]], labels_csv: Path, label_of: Callable[[dict[str, str]], str],
               ) -> list[tuple[int, str, str]]:
    """(conversation index, first customer message, folded label) of each labelled row whose text matches its hash."""
    import hashlib

    rows = []
    with labels_csv.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            index = int(row["conv_index"])
            turns = conversations[index].get("dialogContent", []) if index < len(conversations) else []
            text = next((str(t.get("message", "")) for t in turns if "client" in t), "")
            if text and hashlib.sha1(text.strip().encode("utf-8")).hexdigest()[:12] == row["text_sha1"]:
                rows.append((index, text, fold(label_of(row))))
    return rows


def _later_rows(conversations: list[dict[str, Any]], labels_csv: Path) -> list[tuple[str, str]]:
    """(customer turn, folded label) of each labelled later turn whose text matches its hash."""
    import hashlib

    rows = []
    with labels_csv.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            index, turn = int(row["conv_index"]), int(row["turn_index"])
            turns = conversations[index].get("dialogContent", []) if index < len(conversations) else []
            text = str(turns[turn].get("message", "")).strip() if turn < len(turns) else ""
            if text and hashlib.sha1(text.encode("utf-8")).hexdigest()[:12] == row["text_sha1"]:
                rows.append((text, fold(row["sentiment"])))
    return rows


def load_sets(care: Path, apple: Path) -> dict[str, Set]:
    """Every proxy set by name: (texts, 3-class labels).

    Raises:
        InvalidInput: a file is missing or unreadable.
    """
    try:
        conversations = json.loads(care.read_text(encoding="utf-8"))
        with CARE_V3.open(newline="", encoding="utf-8") as handle:
            v3 = {row["conv_index"]: row["sentiment"] for row in csv.DictReader(handle)}
    except (OSError, ValueError) as e:
        raise InvalidInput(f"cannot read the care dev set: {e}") from e
    care_v3 = _care_rows(conversations, CARE_LABELS, lambda row: v3[row["conv_index"]])
    fresh = _care_rows(conversations, CARE_FRESH, lambda row: row["sentiment"])
    texts, labels, _ = read_csv(apple, "text", "sentiment", APPLE_FORMAT)
    sets: dict[str, Set] = {}
    for half, keep in (("all", lambda i: True), ("even", lambda i: i % 2 == 0), ("odd", lambda i: i % 2 == 1)):
        sets[f"care_v3_{half}"] = ([t for i, t, _ in care_v3 if keep(i)], [y for i, _, y in care_v3 if keep(i)])
    sets["care_fresh"] = ([t for _, t, _ in fresh], [y for _, _, y in fresh])
    for half, keep in (("all", lambda i: True), ("even", lambda i: i % 2 == 0), ("odd", lambda i: i % 2 == 1)):
        members = [i for i in range(len(texts)) if keep(i)]
        sets[f"apple_{half}"] = ([texts[i] for i in members], [labels[i] for i in members])
        to_apple = [i for i in members if addressed_to_apple(texts[i])]
        sets[f"apple_to_apple_{half}"] = ([texts[i] for i in to_apple], [labels[i] for i in to_apple])
    pooled = ("care_v3_all", "care_fresh", "apple_to_apple_all")
    sets["pooled_customer"] = ([t for name in pooled for t in sets[name][0]],
                               [y for name in pooled for y in sets[name][1]])
    choose = ("care_v3_even", "apple_to_apple_even")
    sets["pooled_even"] = ([t for name in choose for t in sets[name][0]], [y for name in choose for y in sets[name][1]])
    later = _later_rows(conversations, CARE_LATER)
    sets["care_later_blind"] = ([t for t, _ in later], [y for _, y in later])
    return sets


def reweighted(truth: Sequence[str], predicted: Sequence[str], mix: dict[str, float] = AIRLINE_MIX,
               draws: int = DRAWS, seed: int = 0) -> dict[str, Any]:
    """Σ_c mix[c] · recall_c, and its 95 % bootstrap interval (rows resampled within each true class)."""
    right = {c: np.array([p == c for t, p in zip(truth, predicted, strict=True) if t == c], dtype=float)
             for c in mix}
    if any(len(hits) == 0 for hits in right.values()):
        return {"estimate": None, "why": "a class has no rows"}
    estimate = sum(mix[c] * float(right[c].mean()) for c in mix)
    rng = np.random.default_rng(seed)
    samples = np.zeros(draws)
    for c, hits in right.items():
        samples += mix[c] * hits[rng.integers(0, len(hits), (draws, len(hits)))].mean(axis=1)
    low, high = np.percentile(samples, [2.5, 97.5])
    return {"estimate": round(estimate, 3), "ci95": [round(float(low), 3), round(float(high), 3)]}


def summary(result: dict[str, Any], truth: Sequence[str], predicted: Sequence[str]) -> dict[str, Any]:
    """evaluate()'s figures that matter here, with the re-weighted estimate."""
    return {"n": result["n"], "accuracy": result["accuracy"], "majority": result["majority_baseline"],
            "macro_f1": result["macro_f1"],
            "recall": {c: result["per_class"].get(c, {}).get("recall") for c in CLASSES},
            "precision": {c: result["per_class"].get(c, {}).get("precision") for c in CLASSES},
            "confusion": {t: [result["confusion"][t][p] for p in CLASSES] for t in CLASSES},
            "ece": result["ece"], "ece_floor": result["ece_if_calibrated"],
            "airline_mix": reweighted(truth, predicted)}


def report(analyze: Callable[[str], Sentiment], sets: dict[str, Set], names: Sequence[str] | None = None,
           ) -> dict[str, Any]:
    """Each set's summary; every distinct text is analysed once."""
    seen: dict[str, Sentiment] = {}

    def once(text: str) -> Sentiment:
        if text not in seen:
            seen[text] = analyze(text)
        return seen[text]

    out: dict[str, Any] = {}
    for name in names or list(sets):
        texts, labels = sets[name]
        result = evaluate(once, texts, labels, fold_mixed=True)
        predicted = [fold(once(t).label) for t in texts]
        out[name] = summary(result, labels, predicted)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--care", type=Path, required=True, help="customer_care_tweets/dev.json")
    parser.add_argument("--apple", type=Path, required=True, help="apple_twitter_sentiment/Apple-Twitter-Sentiment-DFE.csv")
    parser.add_argument("--sets", help="comma-separated set names (default: all)")
    args = parser.parse_args(argv)
    from services.bootstrap import Services, build_services
    from services.config import load_settings

    try:
        sets = load_sets(args.care, args.apple)
        names = [n.strip() for n in args.sets.split(",")] if args.sets else list(sets)
        unknown = [n for n in names if n not in sets]
        if unknown:
            raise InvalidInput(f"unknown set {unknown[0]!r}; sets: {', '.join(sets)}")
        services = build_services(load_settings())
        result = report(services.primary(Services.sentiment).analyze, sets, names)
    except InvalidInput as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(json.dumps({"bench": "sentiment_proxy", "mix": AIRLINE_MIX, **result}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
