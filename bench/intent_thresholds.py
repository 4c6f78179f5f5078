"""Re-choose the thresholds that read the default intent model's confidence after its calibrator changes. One JSON line.

    S=../shared/data; .venv/bin/python bench/intent_thresholds.py --care $S/customer_care_tweets/dev.json \
        --apple $S/apple_twitter_sentiment/Apple-Twitter-Sentiment-DFE.csv

The rule (docs/models.md, session 12): a threshold's new value gives the same share of messages at or above it, under
the current calibrator (DEFAULT_CALIBRATION_WEIGHTS), as its old value gave under the `--old` calibrator, on the EVEN
halves of the four real dev sets (care 0-339, the fresh set 340-524, the Apple addressed set, the blind11 set; each set
weighs the same), searched on a 0.01 grid, the middle of the values that tie. NOT_KB_CONFIDENCE gates only answers
`Other`, `Escalation Request` or `Complaint` (services/kb_gaps.py), so only those answers count for it; likewise the
`min_confidence` of config/routing.yaml's intent rules (Billing Question, Technical Support, Refund/Return). KB titles are
ours: KB_TITLE_CONFIDENCE takes the middle of the values that give every article title in data/kb the same decision.
Reported beside each: the share per set and on our examples' out-of-fold answers (a check), and the precision of the "at or above" side. The odd halves are never read.
"""
# ruff: noqa: E402

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import intent_calibration as ic

from services.adapters.local import intent_features as fx
from services.adapters.local.intent import DEFAULT_CALIBRATION_WEIGHTS
from services.bootstrap import build_services
from services.config import Settings

SESSION_10 = (0.8022, -0.4509, 0.2213, -0.8793, -0.4504, 0, 0, 0, 0, 1.8867)
NOT_KB = ("Other", "Escalation Request", "Complaint")
# (name, value under the --old calibrator, answers it reads: None = all)
ROUTED = ("Billing Question", "Technical Support", "Refund/Return")  # the intent rules of config/routing.yaml
THRESHOLDS = (("KB_INTENT_CONFIDENCE", 0.7, None), ("assistant_min_confidence", 0.6, None),
              ("intent_min_confidence", 0.45, None), ("NOT_KB_CONFIDENCE", 0.8, NOT_KB),
              ("routing min_confidence", 0.5, ROUTED))
GRID = np.round(np.arange(0.05, 0.96, 0.01), 2)


def served(classifier: Any, plain: Any, texts: list[str], old: np.ndarray, new: np.ndarray) -> dict[str, np.ndarray]:
    """Old and new confidences as served (other-language messages keep their own, unchanged calibrator), labels."""
    answers = classifier.classify_many(texts)
    foreign = np.array([classifier._is_foreign(t) for t in texts])
    conf = np.array([a.confidence for a in answers])
    english = [i for i in range(len(texts)) if not foreign[i]]
    o, n = conf.copy(), conf.copy()
    if english:
        x, _ = ic.english_signals(plain, [texts[i] for i in english], [""] * len(english))
        o[english], n[english] = fx.calibrated_confidence(old, x), fx.calibrated_confidence(new, x)
    return {"old": o, "new": n, "label": np.array([a.label for a in answers], dtype=object)}


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--care", type=Path, required=True, help="customer_care_tweets/dev.json")
    parser.add_argument("--apple", type=Path, required=True, help="apple_twitter_sentiment/Apple-Twitter-Sentiment-DFE.csv")
    parser.add_argument("--old", default=",".join(map(str, SESSION_10)),
                        help="the calibrator the old thresholds were set under (default: session 10's)")
    args = parser.parse_args(argv)
    old = np.array([float(v) for v in args.old.split(",")])
    new = np.array(DEFAULT_CALIBRATION_WEIGHTS["english"], dtype=np.float64)
    services = build_services(Settings(db_path=str(Path(tempfile.mkdtemp()) / "f.db")))
    classifier = services.intent
    plain = ic.uncalibrated(services)
    ns = argparse.Namespace(care=args.care, apple=args.apple, fresh=True, apple_intent=True, blind11=True)
    sets = {name: served(classifier, plain, texts, old, new) | {"truth": np.array(truth, dtype=object)}
            for name, (texts, truth) in ic.even_dev_sets(ns, classifier, english_only=False).items()}
    oof_x, _ = ic.out_of_fold(plain)
    oof = {"old": fx.calibrated_confidence(old, oof_x), "new": fx.calibrated_confidence(new, oof_x)}
    result: dict[str, Any] = {"bench": "intent_thresholds", "old": [float(v) for v in old],
                              "new": [float(v) for v in new], "rule": "same share at or above on the even halves"}
    for name, before, labels in THRESHOLDS:
        parts = [{k: v[np.isin(s["label"], labels)] if labels else v for k, v in s.items()} for s in sets.values()]

        def share(key: str, t: float, parts: list[dict[str, np.ndarray]] = parts) -> float:
            return float(np.mean([np.mean(p[key] >= t) for p in parts if len(p[key])]))

        target = share("old", before)
        gaps = np.array([abs(share("new", t) - target) for t in GRID])
        tied = GRID[gaps <= gaps.min() + 1e-12]
        after = round(float(tied.min() + tied.max()) / 2, 2)
        right_old = np.concatenate([p["truth"][p["old"] >= before] == p["label"][p["old"] >= before] for p in parts])
        right_new = np.concatenate([p["truth"][p["new"] >= after] == p["label"][p["new"] >= after] for p in parts])
        result[name] = {"old": before, "new": after, "share_at_or_above": [round(target, 3), round(share("new", after), 3)],
                        "per_set": {k: [round(float(np.mean(p["old"] >= before)), 3), round(float(np.mean(p["new"] >= after)), 3)]
                                    for k, p in zip(sets, parts, strict=True)},
                        "precision_at_or_above": [round(float(right_old.mean()), 3), round(float(right_new.mean()), 3)]}
        if labels is None:
            result[name]["our_examples_oof"] = [round(float(np.mean(oof["old"] >= before)), 3),
                                                round(float(np.mean(oof["new"] >= after)), 3)]
    titles = [re.search(r"^title:\s*(.+)$", md.read_text(encoding="utf-8"), re.M) for md in sorted((ROOT / "data" / "kb").glob("*.md"))]
    read = served(classifier, plain, [m.group(1).strip() for m in titles if m], old, new)
    same = [float(t) for t in GRID if ((read["old"] >= 0.6) == (read["new"] >= t)).all()]
    result["KB_TITLE_CONFIDENCE"] = {"old": 0.6, "new": round((min(same) + max(same)) / 2, 2) if same else None,
                                     "same_decision_on_every_title": [min(same), max(same)] if same else [],
                                     "titles": len(read["old"]), "at_or_above_old": int((read["old"] >= 0.6).sum())}
    return result


if __name__ == "__main__":
    print(json.dumps(main(), ensure_ascii=False))
