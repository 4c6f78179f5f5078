"""Our intent labels of the Apple tweets (bench/data/apple_intent_labels.csv, docs/dev-sets.md): ids, hashes and
labels only, and they still rejoin the shared data set."""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

from tests.conftest import shared_data

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import dev_eval  # noqa: E402

TAXONOMY = {"General Inquiry", "Technical Support", "Billing Question", "Complaint", "Product Information",
            "Order Status", "Account Management", "Refund/Return", "Escalation Request", "Other"}


def rows() -> list[dict[str, str]]:
    with dev_eval.APPLE_INTENT_CSV.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_the_labels_file_holds_ids_hashes_and_labels_never_text():
    labelled = rows()
    assert list(labelled[0]) == ["row_index", "unit_id", "text_sha1", "addressed", "intent_pass1", "intent_pass2",
                                 "intent"]
    assert len(labelled) == 319 and sum(r["addressed"] == "1" for r in labelled) == 221
    for r in labelled:
        assert re.fullmatch(r"[0-9a-f]{12}", r["text_sha1"]) and r["addressed"] in {"0", "1"}
        assert {r["intent_pass1"], r["intent_pass2"], r["intent"]} <= TAXONOMY
        assert r["intent"] in {r["intent_pass1"], r["intent_pass2"]}  # adjudication picks one of the passes
        assert r["addressed"] == "1" or r["intent"] == "Other"  # a headline about Apple asks it nothing


def test_every_label_rejoins_a_tweet_that_opens_with_the_handle():
    path = shared_data("apple_twitter_sentiment/Apple-Twitter-Sentiment-DFE.csv")
    joined, drifted = dev_eval.read_apple_intent(path, dev_eval.APPLE_INTENT_CSV)
    assert drifted == 0 and len(joined) == 319
    assert all(re.match(r"\s*@apple(support)?\b", r["text"], re.IGNORECASE) for r in joined)
    # in file order, and none of the file's tweets that open with the handle is left out
    every = [i for i, row in enumerate(dev_eval.read_apple_rows(path))
             if re.match(r"\s*@apple(support)?\b", row.get("text") or "", re.IGNORECASE)]
    assert [r["row_index"] for r in joined] == every


def test_macro_recall_counts_only_the_held_out_reports_labels_present():
    recall = {"Technical Support": 1.0, "Complaint": 0.5, "Account Management": 0.0, "Escalation Request": 0.0}
    assert dev_eval.macro_recall_8(recall) == {"value": 0.75, "labels": 2}
    assert dev_eval.macro_recall_8({}) == {"value": 0.0, "labels": 0}
