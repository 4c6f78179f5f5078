"""Pooled views of the sentence encoder on the EVEN halves of the real dev sets (issue 12, session 15). One JSON line.

    S=../shared/data; .venv/bin/python bench/intent_representation.py --care $S/customer_care_tweets/dev.json --fresh \
        --apple $S/apple_twitter_sentiment/Apple-Twitter-Sentiment-DFE.csv --apple-intent --blind11

The default model is trained on data/intents only; this script never changes it. Per variant it refits the final
linear model as the default model is fitted (fx.DEFAULT_MODEL_CONFIG: the same C, the seeded LinearSVC, the
temperature and the out-of-scope rule from the three pooled 5-fold out-of-fold splits), with the dense block of the
features (served: wordllama ‖ MiniLM mean, x1.5) replaced or extended, and decides the even rows as served: 0.7 x
the linear model's probabilities + 0.3 x the vote of the 10 nearest examples (over the SERVED vectors: the vote, the
nearest-example cosine and the example search stay as they are), the out-of-scope rule, the default calibrator for
the ECE. Messages of the other-language path keep their served answer. Variants of the MiniLM block (one run of the
network per message gives its last layer's token states, `hidden`, so other poolings of it cost no encoder time):

  - max: the max over the tokens of the last layer (unit length), added beside the served vector (weight w);
  - mean-no-special: the mean over the tokens without [CLS] and [SEP], replacing the served mean or added (w);
  - marks: the mean of the message with @handles -> "@user" and links -> "http" (the served text drops them:
    intent_features.for_embedding), replacing or added (w); a second encoder run wherever a message has one;
  - e5 (ceiling only, not shippable: ~10-20 ms per message): multilingual-e5-small's vector added (w).

An added block is a unit vector times w (the served MiniLM part weighs 1.5 / sqrt(2) = 1.06 in the features); a
replaced MiniLM mean keeps the served scale. `main` is the served model refitted by this code (it must reproduce the
served answers). The ODD halves are never read. Vectors are computed one message at a time (as served) and cached
under /tmp/frontline-intent-representation/ by a hash of the text.
"""
# ruff: noqa: E402

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import dev_eval
from intent_calibration import even_dev_sets, uncalibrated
from intent_decision import Signals

from services.adapters.local import intent_features as fx
from services.adapters.local.intent import DEFAULT_CALIBRATION_WEIGHTS, read_examples
from services.adapters.local.intent_features import EMAIL, HANDLE, URL, for_embedding, normalize
from services.bootstrap import build_services
from services.config import Settings

CACHE = Path(tempfile.gettempdir()) / "frontline-intent-representation"
WORDLLAMA_DIM = 256  # the served vector: wordllama (256) ‖ MiniLM (384), the whole divided by sqrt(2)
ROOT2 = np.float32(np.sqrt(2.0))


def with_marks(text: str) -> str:
    """The message with @handles as "@user" and links as "http" (e-mails dropped, as for_embedding does)."""
    text = HANDLE.sub(" @user ", EMAIL.sub(" ", URL.sub(" http ", text)))
    return " ".join(text.split()) or text


def unit(rows: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return (rows / np.where(norms > 0, norms, 1.0)).astype(np.float32)


class Views:
    """Per text (as given to the encoder): MiniLM's mean, max and mean without [CLS]/[SEP] of one run, cached."""

    def __init__(self, name: str) -> None:
        from services.adapters.local.minilm import shared_encoder

        self.encoder = shared_encoder(ROOT / "data" / "models")
        self.path = CACHE / f"{name}.npz"
        self.stored: dict[str, np.ndarray] = {}
        if self.path.exists():
            with np.load(self.path, allow_pickle=False) as npz:
                self.stored = dict(zip(npz["keys"].tolist(), npz["vectors"], strict=True))

    def __call__(self, texts: list[str]) -> np.ndarray:
        """(n, 3, 384): mean, max, mean without the special tokens (not normalised)."""
        keys = [hashlib.sha256(t.encode("utf-8", "surrogatepass")).hexdigest()[:24] for t in texts]
        fresh = False
        for key, text in zip(keys, texts, strict=True):
            if key not in self.stored:
                ids = self.encoder.tokenizer.encode(text or " ").ids
                pooled, hidden = self.encoder._run([ids], outputs=("pooled", "hidden"))
                states = hidden[0]
                inner = states[1:-1] if len(ids) > 2 else states
                self.stored[key] = np.stack([pooled[0], states.max(axis=0), inner.mean(axis=0)]).astype(np.float32)
                fresh = True
        if fresh:
            CACHE.mkdir(parents=True, exist_ok=True)
            np.savez(self.path, keys=np.array(list(self.stored)), vectors=np.stack(list(self.stored.values())))
        return np.stack([self.stored[k] for k in keys])


def e5_vectors(texts: list[str]) -> np.ndarray:
    from services.adapters.local.e5 import E5Embedder

    path = CACHE / "e5.npz"
    stored: dict[str, np.ndarray] = {}
    if path.exists():
        with np.load(path, allow_pickle=False) as npz:
            stored = dict(zip(npz["keys"].tolist(), npz["vectors"], strict=True))
    keys = [hashlib.sha256(t.encode("utf-8", "surrogatepass")).hexdigest()[:24] for t in texts]
    missing = list(dict.fromkeys(t for k, t in zip(keys, texts, strict=True) if k not in stored))
    if missing:
        embedder = E5Embedder()
        for start in range(0, len(missing), 64):
            chunk = missing[start:start + 64]
            for text, vector in zip(chunk, embedder.embed(chunk), strict=True):
                stored[hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:24]] = vector
        CACHE.mkdir(parents=True, exist_ok=True)
        np.savez(path, keys=np.array(list(stored)), vectors=np.stack(list(stored.values())))
    return unit(np.stack([stored[k] for k in keys]))


class Side:
    """One side (training examples or even dev rows): normalised texts, served vectors and the variants' blocks."""

    def __init__(self, texts: list[str], served: np.ndarray, views: Views, with_e5: bool) -> None:
        self.normalized = [normalize(t) for t in texts]
        self.served = served.astype(np.float32)
        plain = [for_embedding(t) for t in texts]
        pooled = views(plain)
        self.mean, self.max, self.inner = unit(pooled[:, 0]), unit(pooled[:, 1]), unit(pooled[:, 2])
        marked = [with_marks(t) for t in texts]
        self.changed_by_marks = np.array([m != p for m, p in zip(marked, plain, strict=True)])
        self.marks = unit(views(marked)[:, 0])
        self.e5 = e5_vectors(plain) if with_e5 else None

    def replaced(self, minilm: np.ndarray) -> np.ndarray:
        """The served vector with its MiniLM part replaced by `minilm` (unit rows), at the served scale."""
        return np.hstack([self.served[:, :WORDLLAMA_DIM], minilm / ROOT2]).astype(np.float32)


def variants(with_e5: bool) -> dict[str, Callable[[Side], np.ndarray]]:
    """The dense block of each variant's features (the linear model reads it with weight 1; served: vector x 1.5)."""
    served = 1.5
    out: dict[str, Callable[[Side], np.ndarray]] = {"main (refit)": lambda s: s.served * served}
    for w in (1.0, 1.5):
        out[f"(a) mean + max, w={w}"] = lambda s, w=w: np.hstack([s.served * served, s.max * w])
    out["(b) mean without [CLS]/[SEP], replacing"] = lambda s: s.replaced(s.inner) * served
    for w in (1.0, 1.5):
        out[f"(b) + mean without [CLS]/[SEP], w={w}"] = lambda s, w=w: np.hstack([s.served * served, s.inner * w])
    out["(c) mean with @user/http, replacing"] = lambda s: s.replaced(s.marks) * served
    for w in (1.0, 1.5):
        out[f"(c) + mean with @user/http, w={w}"] = lambda s, w=w: np.hstack([s.served * served, s.marks * w])
    if with_e5:
        for w in (1.0, 1.5):
            out[f"(d) + e5, w={w} (ceiling)"] = lambda s, w=w: np.hstack([s.served * served, s.e5 * w])
    return out


def fit_variant(train: Side, y: np.ndarray, dense: np.ndarray, n_labels: int, oos: int) -> dict[str, Any]:
    """The final linear model, temperature and out-of-scope rule as fx.fit_with_rules fits the default model (the
    rule's nearest-example cosine from the served vectors, as served)."""
    config = fx.DEFAULT_MODEL_CONFIG
    features = fx.TextFeatures.fit(train.normalized, 1.0, dense.shape[1])
    x = features.matrix(train.normalized, dense)
    weights, bias = fx.fit_svm(x, y, n_labels, config)
    rows = fx.Rows(train.normalized, train.served, y)
    scores, truth, near = fx.heldout_scores(x, rows, n_labels, config)
    temperature = fx.fit_temperature(scores, truth)
    rejector, threshold = fx.fit_rejector(fx.softmax(scores, temperature), truth, near, oos, config)
    return {"features": features, "weights": weights, "bias": bias, "temperature": temperature,
            "rejector": rejector, "threshold": threshold}


def decide(sig: Signals, fitted: dict[str, Any], dev: Side, dense: np.ndarray,
           texts: list[str]) -> tuple[np.ndarray, dict[str, float]]:
    """The labels as served with this linear model, and the default calibrator's ECE per even set (English rows)."""
    scores = np.asarray(fitted["features"].matrix(dev.normalized, dense) @ fitted["weights"]) + fitted["bias"]
    probs = fx.softmax(scores, fitted["temperature"])
    vote = sig.vote()
    blended = 0.7 * probs + 0.3 * vote
    choice = probs.argmax(axis=1)
    reject = fx.reject_probability(fitted["rejector"], probs, sig.sims.max(axis=1), sig.oos)
    flip = (choice != sig.oos) & (reject > fitted["threshold"])
    label = np.where(flip, sig.oos, blended.argmax(axis=1))
    predicted = np.where(sig.foreign, sig.served, label)
    n_words = np.array([len(t.split()) for t in texts], float)
    agree = (scores.argmax(axis=1) == vote.argmax(axis=1)).astype(float)
    features = fx.calibration_features(blended, np.zeros(len(label)), (label == sig.oos).astype(float),
                                       flip.astype(float), n_words, agree)
    confidence = fx.calibrated_confidence(np.array(DEFAULT_CALIBRATION_WEIGHTS["english"]), features)
    right = predicted == sig.truth
    english = ~sig.foreign
    ece = {name: round(fx.expected_calibration_error(confidence[(sig.set_id == i) & english],
                                                     right[(sig.set_id == i) & english], dev_eval.ECE_BINS), 4)
           for i, name in enumerate(sig.names)}
    return predicted, ece


def report(sig: Signals, predicted: np.ndarray, ece: dict[str, float], main: np.ndarray | None) -> dict[str, Any]:
    out = sig.report(predicted)
    right = predicted == sig.truth
    out["right_per_set"] = {name: int(right[sig.set_id == i].sum()) for i, name in enumerate(sig.names)}
    if main is not None:
        main_right = main == sig.truth
        out["vs_main"] = {"rows": int(right.sum() - main_right.sum()), "answers_changed": int((predicted != main).sum()),
                          "gained": int((right & ~main_right).sum()), "lost": int((main_right & ~right).sum()),
                          **{name: int(right[sig.set_id == i].sum() - main_right[sig.set_id == i].sum())
                             for i, name in enumerate(sig.names)}}
    out["ece_english"] = ece
    return out


def serving_cost(views: Views, texts: list[str], repeats: int = 3) -> dict[str, float]:
    """CPU ms per message of what a variant adds to serving, measured on `texts` one at a time: the run asked for
    the last layer too (vs the mean only), and the numpy pooling (max; mean without the special tokens)."""
    encoder = views.encoder
    ids = [encoder.tokenizer.encode(t or " ").ids for t in texts]
    spent = {"run, mean only": 0.0, "run, mean + last layer": 0.0, "max pooling": 0.0, "mean without specials": 0.0}
    for _ in range(repeats):
        for row in ids:  # alternate the two runs message by message
            start = time.process_time()
            encoder._run([row])
            spent["run, mean only"] += time.process_time() - start
            start = time.process_time()
            _, hidden = encoder._run([row], outputs=("pooled", "hidden"))
            spent["run, mean + last layer"] += time.process_time() - start
            states = hidden[0]
            start = time.process_time()
            for _ in range(10):
                peak = states.max(axis=0)
                peak / np.linalg.norm(peak)
            spent["max pooling"] += (time.process_time() - start) / 10
            start = time.process_time()
            for _ in range(10):
                inner = states[1:-1].mean(axis=0)
                inner / np.linalg.norm(inner)
            spent["mean without specials"] += (time.process_time() - start) / 10
    return {key: round(1000 * value / (repeats * len(ids)), 4) for key, value in spent.items()}


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--care", type=Path, required=True, help="customer_care_tweets/dev.json")
    parser.add_argument("--fresh", action="store_true", help="also the fresh set's even half (conversations 340-524)")
    parser.add_argument("--apple", type=Path, help="apple_twitter_sentiment/Apple-Twitter-Sentiment-DFE.csv")
    parser.add_argument("--apple-intent", action="store_true", help="also the Apple addressed set's even half")
    parser.add_argument("--blind11", action="store_true", help="also the session-11 blind set's even half")
    parser.add_argument("--no-e5", action="store_true", help="skip the e5 ceiling (d)")
    parser.add_argument("--cost", type=int, default=0, help="also time the serving cost on this many even rows")
    args = parser.parse_args(argv)
    if (args.apple_intent or args.blind11) and not args.apple:
        parser.error("--apple-intent and --blind11 read their messages from --apple")
    services = build_services(Settings(db_path=str(Path(tempfile.mkdtemp()) / "f.db")))
    classifier = uncalibrated(services)
    dev = even_dev_sets(args, classifier, english_only=False)
    sig = Signals(classifier, dev)
    dev_texts = [t for ts, _ in dev.values() for t in ts]
    train_texts, train_labels = read_examples()
    y = np.array([sig.labels.index(label) for label in train_labels])
    views = Views("minilm-views")
    train = Side(train_texts, sig.model.train_embeddings, views, not args.no_e5)
    side = Side(dev_texts, sig.embeddings, views, not args.no_e5)
    # the served MiniLM part is the cached one-by-one run's mean: the views must give the same vector
    check = float(np.abs(train.mean - unit(train.served[:, WORDLLAMA_DIM:])).max())
    out: dict[str, Any] = {"bench": "intent_representation", "rows": {n: int((sig.set_id == i).sum())
                                                                      for i, n in enumerate(sig.names)},
                           "served_mean_max_abs_diff": round(check, 7),
                           "marks_change": {"train": int(train.changed_by_marks.sum()),
                                            "dev": int(side.changed_by_marks.sum())},
                           "served": report(sig, sig.served, {}, None)}
    main_answers: np.ndarray | None = None
    for name, block in variants(not args.no_e5).items():
        dense_train, dense_dev = block(train), block(side)
        fitted = fit_variant(train, y, dense_train, len(sig.labels), sig.oos)
        predicted, ece = decide(sig, fitted, side, dense_dev, dev_texts)
        if main_answers is None:
            main_answers = predicted
            out["main_reproduces_served"] = bool((predicted == sig.served).all())
            out["main_fit"] = {"temperature": fitted["temperature"], "threshold": fitted["threshold"],
                               "served_temperature": sig.model.temperature, "served_threshold": sig.model.threshold}
        out[name] = report(sig, predicted, ece, main_answers)
        print(name, json.dumps(out[name]), file=sys.stderr, flush=True)
    if args.cost:
        out["serving_cost_ms"] = serving_cost(views, [for_embedding(t) for t in dev_texts[:args.cost]])
    return out


if __name__ == "__main__":
    print(json.dumps(main(), ensure_ascii=False))
