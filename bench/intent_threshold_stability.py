"""How far the default intent model's out-of-scope threshold moves when the examples or the fold seed change. One
JSON line.

    .venv/bin/python bench/intent_threshold_stability.py [--care ../shared/data/customer_care_tweets/dev.json]

For each training configuration (all of data/intents with three fold seeds; three random subsets with 70 examples
left out, the size of the sets of examples sessions 5-7 added) the model is fitted twice: with the old rule
(`fx.TrainConfig()`: one 5-fold split, the lowest threshold costing <= 1 point of held-out in-scope accuracy) and
with the default model's rule (`fx.DEFAULT_MODEL_CONFIG`: three pooled 5-fold splits, sigma_threshold()). It
reports the threshold, and with `--care` how many of the first customer messages of the care dev set (all 525
conversations; no label is read) each fitted model sends to Other and flips there by the rule, and how many
messages' out-of-scope decision differs from the model trained on all examples with the default seed. The examples'
vectors come from the default model's embedding cache (data/models), computed on first use.
"""
# ruff: noqa: E402

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import dev_eval

from services.adapters.local import intent_features as fx
from services.adapters.local.intent import DEFAULT_OOS_LABEL, CachedEmbedder, read_examples
from services.bootstrap import build_services
from services.config import load_settings

LEFT_OUT = 70
SUBSET_SEEDS = (101, 102, 103)
FOLD_SEEDS = (13, 16, 19)  # the default seed, and two others clear of the repeats' seeds (13-15)


def fit(data: fx.Rows, names: tuple[str, ...], config: fx.TrainConfig) -> fx.Fitted:
    return fx.fit_with_rules(data, None, names, DEFAULT_OOS_LABEL, config)


def decisions(fitted: fx.Fitted, data: fx.Rows, names: tuple[str, ...], messages: list[str],
              vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(answered Other, flipped to Other by the rule) per message, as the served model decides."""
    oos = names.index(DEFAULT_OOS_LABEL)
    scores = fitted.linear.scores(fx.Rows([fx.normalize(m) for m in messages], vectors, np.zeros(len(messages), int)))
    probs = fx.softmax(scores, fitted.temperature)
    choice = probs.argmax(axis=1)
    if fitted.rejector is None:
        return choice == oos, np.zeros(len(choice), bool)
    near = fx.nearest(vectors, data.embeddings)
    flip = (choice != oos) & (fx.reject_probability(fitted.rejector, probs, near, oos) > fitted.threshold)
    return (choice == oos) | flip, flip


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--care", type=Path, help="customer_care_tweets/dev.json (messages only; labels unused)")
    args = parser.parse_args(argv)
    services = build_services(load_settings())
    from services.adapters.local.intent import intent_embedder
    from services.ports import Ports

    embedder = intent_embedder(services.settings, services.local(Ports.embedder))
    cached = CachedEmbedder(embedder, services.settings.resolve(services.settings.data_dir) / "models", one_by_one=True)
    texts, labels = read_examples()
    names = tuple(sorted(set(labels)))
    everything = fx.Rows.build(texts, labels, names, cached)
    messages: list[str] = []
    vectors = np.zeros((0, everything.embeddings.shape[1]), np.float32)
    if args.care:
        conversations = json.loads(args.care.read_text(encoding="utf-8"))
        messages = [m for m in (dev_eval.first_customer_message(c).strip() for c in conversations) if m]
        vectors = np.vstack([np.asarray(embedder.embed([fx.for_embedding(m)]), np.float32) for m in messages])
    configs: dict[str, tuple[np.ndarray, int]] = {f"all examples, seed {s}": (np.arange(len(texts)), s)
                                                  for s in FOLD_SEEDS}
    for s in SUBSET_SEEDS:
        keep = np.sort(np.random.default_rng(s).choice(len(texts), len(texts) - LEFT_OUT, replace=False))
        configs[f"{LEFT_OUT} examples left out (subset {s}), seed 13"] = (keep, 13)
    result: dict[str, Any] = {"bench": "intent_threshold_stability", "examples": len(texts), "messages": len(messages)}
    for rule, base in (("before", fx.TrainConfig()), ("after", fx.DEFAULT_MODEL_CONFIG)):
        rows: dict[str, Any] = {}
        reference: np.ndarray | None = None
        for name, (keep, seed) in configs.items():
            data = everything.take(keep)
            fitted = fit(data, names, replace(base, seed=seed))
            row: dict[str, Any] = {"threshold": round(fitted.threshold, 3), "temperature": round(fitted.temperature, 3)}
            if messages:
                other, flip = decisions(fitted, data, names, messages, vectors)
                reference = other if reference is None else reference
                row |= {"answered_other": int(other.sum()), "flipped": int(flip.sum()),
                        "decisions_changed_vs_first": int((other != reference).sum())}
            rows[name] = row
            print(rule, name, row, file=sys.stderr, flush=True)
        thresholds = [r["threshold"] for r in rows.values()]
        result[rule] = {"configs": rows, "threshold_range": [min(thresholds), max(thresholds)],
                        "threshold_sd": round(float(np.std(thresholds)), 3)}
        if messages:
            counts = [r["answered_other"] for r in rows.values()]
            result[rule]["answered_other_range"] = [min(counts), max(counts)]
    return result


if __name__ == "__main__":
    print(json.dumps(main(), ensure_ascii=False))
