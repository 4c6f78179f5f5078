"""Cross-validated figures of the PII person check (services/adapters/local/pii_person_check.py, session 27): one JSON line.

The rows are what `python -m services train-pii-person` trains on: the PERSON spans the pipeline finds with the check
off over the training sets (tests/data/pii, every set but test.jsonl). The sets are grouped by session (blind23,
blind23b, blind23c are one group; dev is one), the groups dealt into five folds, and each fold's spans are scored by
a model fitted on the other four (C as shipped). For each threshold the pooled eval-pii figures of all training sets
are printed with the out-of-fold decisions applied: recall_full, precision, keep violations, spans dropped, and how
many of those were a person's.

    PYTHONPATH=. unshare -n .venv/bin/python bench/pii_person_check.py [--thresholds 0.2,0.3,0.4,0.5] [--c 3]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
from typing import Any

from services import pii_eval, privacy
from services.adapters.local import pii_person_check as pc
from services.assist import detect_pii
from services.bootstrap import build_services
from services.config import load_settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--thresholds", default="0.2,0.3,0.4,0.5")
    parser.add_argument("--c", type=float, default=pc.C)
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    settings = load_settings()
    settings = dataclasses.replace(settings, providers={**settings.providers, "pii": "local"}, pii_person_check=False)
    services = build_services(settings, batch=True)
    examples: list[pii_eval.Labelled] = []
    spans: list[tuple[Any, set[Any]]] = []
    rows: list[list[str]] = []
    labels: list[int] = []
    where: list[tuple[int, int, int]] = []
    groups: list[str] = []
    for name in sorted(pc.TRAINING_SETS):
        group = re.sub(r"[a-d]$", "", name) if name.startswith("blind") else name
        for example in pii_eval.load_jsonl(pc.TRAINING_DIR / f"{name}.jsonl"):
            known = {n.lower() for n in example.known_names}
            for span in detect_pii(services, example.text).spans:  # the rows, as train-pii-person makes them
                if span.kind != "PERSON" or example.text[span.start:span.end].lower() in known:
                    continue
                rows.append(pc.features(example.text, span.start, span.end))
                labels.append(int(any(span.start < e and s < span.end for _, s, e in example.pii)))
                where.append((len(examples), span.start, span.end))
                groups.append(group)
            examples.append(example)  # scored as eval-pii does: with the CRM name, which the check never drops
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
    base = pii_eval.score(examples, [found for found, _ in spans])
    out = {"rows": len(rows), "persons": sum(labels), "groups": len(ordered), "folds": args.folds, "c": args.c,
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
