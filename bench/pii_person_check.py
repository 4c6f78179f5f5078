"""Cross-validated figures of the PII person check (services/adapters/local/pii_person_check.py, session 27): one JSON line.

The rows are what `python -m services train-pii-person` trains on: the PERSON spans the pipeline finds with the check
off over the training sets (tests/data/pii, every set but test.jsonl). The sets are grouped by session (blind23,
blind23b, blind23c are one group; dev is one), the groups dealt into five folds, and each fold's spans are scored by
a model fitted on the other four (C as shipped). For each threshold the pooled eval-pii figures of all training sets
are printed with the out-of-fold decisions applied: recall_full, precision, keep violations, spans dropped, and how
many of those were a person's. Also the CPU time (thread time) the committed check takes on every message's spans.

    PYTHONPATH=. unshare -n .venv/bin/python bench/pii_person_check.py [--thresholds 0.2,0.3,0.4,0.5] [--c 3]
"""

from __future__ import annotations

import argparse
import json
import re
import time
from typing import Any

from services import pii_eval, privacy
from services.adapters.local import pii_person_check as pc
from services.assist import detect_pii
from services.bootstrap import services_without_person_check


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--thresholds", default="0.2,0.3,0.4,0.5")
    parser.add_argument("--c", type=float, default=pc.C)
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    services = services_without_person_check()
    examples: list[pii_eval.Labelled] = []
    spans: list[tuple[Any, set[Any]]] = []
    rows: list[list[str]] = []
    labels: list[int] = []
    where: list[tuple[int, int, int]] = []
    groups: list[str] = []
    # the rows as train-pii-person makes them (no CRM name); each example scored as eval-pii does, with the CRM name,
    # which the check never drops
    for name, example, found in pc.training_examples(lambda text: detect_pii(services, text).spans):
        for span, label in found:
            rows.append(pc.features(example.text, span.start, span.end))
            labels.append(label)
            where.append((len(examples), span.start, span.end))
            groups.append(re.sub(r"[a-d]$", "", name) if name.startswith("blind") else name)
        examples.append(example)
        spans.append((detect_pii(services, example.text, list(example.known_names)).spans,
                      set(privacy.known_name_spans(example.text, list(example.known_names)))))
    ordered = sorted(set(groups), key=lambda g: (len(g), g))
    fold_of = {g: k % args.folds for k, g in enumerate(ordered)}
    probability = [0.0] * len(rows)
    for fold in range(args.folds):
        train = [k for k, g in enumerate(groups) if fold_of[g] != fold]
        weights, bias = pc.fit([rows[k] for k in train], [labels[k] for k in train], args.c)
        check = pc.PersonCheck(weights, bias)
        for k, g in enumerate(groups):
            if fold_of[g] == fold:
                probability[k] = check.of_features(rows[k])
    check = pc.model()  # the committed model: its CPU cost on the detector's spans of every message, as served
    started = time.thread_time()
    for example, (found, _) in zip(examples, spans, strict=True):
        check.filter(example.text, found)
    cost_s = time.thread_time() - started
    persons = sum(s.kind == "PERSON" for found, _ in spans for s in found)
    base = pii_eval.score(examples, [found for found, _ in spans])
    out = {"rows": len(rows), "persons": sum(labels), "groups": len(ordered), "folds": args.folds, "c": args.c,
           "cost_ms_per_message": round(cost_s * 1000 / len(examples), 4),
           "cost_us_per_person_span": round(cost_s * 1e6 / max(1, persons), 1),
           "base": {k: base[k] for k in ("recall_full", "precision", "keep_violations")}, "thresholds": {}}
    for threshold in (float(t) for t in args.thresholds.split(",")):
        low = {where[k] for k in range(len(rows)) if probability[k] < threshold}
        kept: list[list[Any]] = []
        for i, (found, crm) in enumerate(spans):
            def unlikely(s: Any, i: int = i, low: set[tuple[int, int, int]] = low) -> bool:
                return (i, s.start, s.end) in low
            kept.append([s for s in found if s in crm]
                        + pc.without_unlikely(examples[i].text, [s for s in found if s not in crm], unlikely))
        drop = {(i, s.start, s.end) for i, (found, _) in enumerate(spans) for s in found
                if s.kind == "PERSON" and not any(k is s for k in kept[i])}
        result = pii_eval.score(examples, kept)
        out["thresholds"][str(threshold)] = {
            "recall_full": result["recall_full"], "precision": result["precision"],
            "keep_violations": result["keep_violations"], "dropped": len(drop),
            "dropped_persons": sum(labels[k] for k in range(len(rows)) if where[k] in drop)}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
