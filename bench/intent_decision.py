"""The default intent model's decision layer on the EVEN halves of the real dev sets (issue 12, session 13). One JSON line.

    S=../shared/data; .venv/bin/python bench/intent_decision.py --care $S/customer_care_tweets/dev.json --fresh \
        --apple $S/apple_twitter_sentiment/Apple-Twitter-Sentiment-DFE.csv --apple-intent --blind11

The model is trained on data/intents only; this script never changes it. It scores the even halves of care 0-339,
the fresh set 340-524, the Apple addressed set and the blind11 set (docs/dev-sets.md; the same rows as
bench/intent_calibration.py, messages of the other-language path included with their served answer, which the
English decision layer does not choose) under variants of what decides the label, from the signals the served model
computes (the linear model's decision scores and the cosine of the message to every training example), and prints
per variant: accuracy over the pooled rows, rows right, macro recall over the held-out report's eight labels, and the
accuracy of each set. The ODD halves are never read. Variants (`main` reproduces the served answers exactly):

  - vote: weight of the nearest examples' vote in the blend x its k x its tau;
  - threshold: the out-of-scope rule's threshold (1.01: no rule);
  - other_bias: a log-prior added to `Other` in the blend;
  - label_bias: a log-prior per label (8 free: all but Account Management, the reference, and Escalation Request, one
    row), fitted on four fifths of the pooled even rows and scored on the fifth left out (5 folds x 5 repeats):
    by an L2-penalised log-loss (lambda 0.1 / 0.01) or by a coordinate search on accuracy, each set weighing the same;
    or by the log-loss with each label weighing the same (priors toward an even label mix: macro recall);
  - temperature: the linear model's softmax temperature in the blend x 0.5 ... 2;
  - retrain: the final linear model refitted (same features, temperature and out-of-scope rule) with another C, another
    weight of the embedding block, the demo company's examples (data/intents/<slug>.yaml) weighted down, or balanced
    class weights;
  - centroid: a third head, softmax(cosine to each label's mean example vector / tc), blended in;
  - disagreement: where the linear model's and the vote's labels differ, how often each was right.

`--cheaper-vote` (session 14: what would make the vote cost less) prints instead: the vote over a smaller pool (every
2nd / 4th / 8th example, or k-means prototypes per label) and the vote skipped where the linear model's margin settles
the label (the label is then provably the same; the vote taken as agreeing), each with the calibrated confidence's
ECE per even set (English rows; the default calibrator, not refitted).

Session 15's representation variants (other poolings of the MiniLM run, the e5 ceiling) are bench/intent_representation.py,
which reuses this script's Signals.
"""
# ruff: noqa: E402

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import dev_eval
from intent_calibration import even_dev_sets, uncalibrated

from services.adapters.local import intent_features as fx
from services.adapters.local.intent import EXAMPLES_DIR, LocalIntentClassifier, read_examples, similarities_to
from services.adapters.local.intent_features import normalize
from services.bootstrap import build_services
from services.config import Settings
from services.yamlfile import load_mapping

FOLDS, REPEATS = 5, 5


class Signals:
    """Per pooled even row: the linear model's scores, the cosine to every training example, the embedding, the set,
    the truth, and the served answer of other-language rows (which keep it)."""

    def __init__(self, classifier: LocalIntentClassifier, dev: dict[str, tuple[list[str], list[str]]]) -> None:
        model = classifier.model
        self.model, self.labels = model, list(model.labels)
        self.oos = self.labels.index(model.oos_label or "Other")
        texts = [t for ts, _ in dev.values() for t in ts]
        self.names = list(dev)
        self.set_id = np.concatenate([np.full(len(ts), i) for i, (ts, _) in enumerate(dev.values())])
        self.truth = np.array([self.labels.index(y) for _, ys in dev.values() for y in ys])
        self.normalized = [normalize(t) for t in texts]
        self.embeddings = np.vstack([classifier._embed([t]) for t in texts])
        self.scores = model.scores(self.normalized, self.embeddings)
        self.sims = similarities_to(self.embeddings, model.train_embeddings)
        self.foreign = np.array([classifier._is_foreign(t) for t in texts])
        self.served = np.array([self.labels.index(i.label) for i in classifier.classify_many(texts)])
        self.train_labels = np.asarray(model.train_labels)
        self._votes: dict[tuple[int, float], np.ndarray] = {}

    def vote(self, k: int = 10, tau: float = 0.02) -> np.ndarray:
        if (k, tau) not in self._votes:
            self._votes[(k, tau)] = fx.knn_vote(self.sims, self.train_labels, len(self.labels), k, tau)
        return self._votes[(k, tau)]

    def decide(self, weight: float = 0.3, k: int = 10, tau: float = 0.02, threshold: float | None = None,
               bias: np.ndarray | None = None, scores: np.ndarray | None = None, temperature_x: float = 1.0,
               extra: np.ndarray | None = None, extra_weight: float = 0.0) -> np.ndarray:
        """The label of every row as _decide() chooses it, with the given settings (defaults: the served ones)."""
        model = self.model
        probs = fx.softmax(self.scores if scores is None else scores, model.temperature)
        shown = probs if temperature_x == 1.0 else fx.softmax(self.scores if scores is None else scores,
                                                             model.temperature * temperature_x)
        blended = (1 - weight - extra_weight) * shown + weight * self.vote(k, tau)
        if extra is not None:
            blended = blended + extra_weight * extra
        logp = np.log(np.maximum(blended, 1e-12)) + (0 if bias is None else bias)
        reject = fx.reject_probability(model.rejector, probs, self.sims.max(axis=1), self.oos)
        flip = (probs.argmax(axis=1) != self.oos) & (reject > (model.threshold if threshold is None else threshold))
        return np.where(self.foreign, self.served, np.where(flip, self.oos, logp.argmax(axis=1)))

    def log_blend(self) -> np.ndarray:
        probs = fx.softmax(self.scores, self.model.temperature)
        return np.log(np.maximum(0.7 * probs + 0.3 * self.vote(), 1e-12))

    def report(self, predicted: np.ndarray) -> dict[str, Any]:
        right = predicted == self.truth
        recalls = [float(right[self.truth == i].mean()) for i, name in enumerate(self.labels)
                   if name in dev_eval.HELD_OUT_LABELS and (self.truth == i).any()]
        return {"accuracy": round(float(right.mean()), 4), "right": int(right.sum()),
                "macro_recall_8": round(float(np.mean(recalls)), 4),
                **{name: round(float(right[self.set_id == i].mean()), 4) for i, name in enumerate(self.names)}}


def fit_bias_loss(logp: np.ndarray, truth: np.ndarray, weight: np.ndarray, free: list[int], lam: float) -> np.ndarray:
    """Log-priors of the `free` labels minimising the weighted log-loss of softmax(logp + bias) + lam * |bias|^2."""
    from scipy.optimize import minimize

    def loss(values: np.ndarray) -> float:
        bias = np.zeros(logp.shape[1])
        bias[free] = values
        z = logp + bias
        z = z - z.max(axis=1, keepdims=True)
        ll = z[np.arange(len(truth)), truth] - np.log(np.exp(z).sum(axis=1))
        return float(-(ll * weight).mean() + lam * (values ** 2).sum())

    found = minimize(loss, np.zeros(len(free)), method="L-BFGS-B").x
    bias = np.zeros(logp.shape[1])
    bias[free] = found
    return bias


def fit_bias_accuracy(decide: Callable[[np.ndarray], np.ndarray], truth: np.ndarray, weight: np.ndarray,
                      free: list[int], n_labels: int) -> np.ndarray:
    """Log-priors by a coordinate search on the weighted accuracy (steps ±0.25, ±0.5, ±1; two rounds)."""
    bias = np.zeros(n_labels)
    best = float(((decide(bias) == truth) * weight).sum())
    for _ in range(2):
        for label in free:
            for step in (-1.0, -0.5, -0.25, 0.25, 0.5, 1.0):
                trial = bias.copy()
                trial[label] += step
                score = float(((decide(trial) == truth) * weight).sum())
                if score > best + 1e-9:
                    best, bias = score, trial
    return bias


def label_bias_cv(sig: Signals, mode: str, balanced: bool = False) -> dict[str, Any]:
    """Cross-validated per-label log-priors: fitted on 4/5 of the pooled even rows, scored on the fifth. Rows weigh
    so that each set counts the same, or (`balanced`) each label: priors toward an even label mix, like the held-out
    report's."""
    free = [i for i, name in enumerate(sig.labels) if name not in ("Account Management", "Escalation Request")]
    groups = sig.truth if balanced else sig.set_id
    per_set = np.array([1.0 / (groups == g).sum() for g in groups])
    per_set /= per_set.mean()
    logp = sig.log_blend()
    reports = []
    n = len(sig.truth)
    for repeat in range(REPEATS):
        order = np.random.default_rng(repeat).permutation(n)
        predicted = np.zeros(n, int)
        for fold in range(FOLDS):
            test = order[fold::FOLDS]
            train = np.setdiff1d(np.arange(n), test)
            english = train[~sig.foreign[train]]
            if mode == "accuracy":
                full = sig.decide  # the decision on every row; the search reads the training rows only
                bias = fit_bias_accuracy(lambda b, full=full, train=train: full(bias=b)[train], sig.truth[train],
                                         per_set[train], free, len(sig.labels))
            else:
                bias = fit_bias_loss(logp[english], sig.truth[english], per_set[english], free, float(mode))
            predicted[test] = sig.decide(bias=bias)[test]
        reports.append(sig.report(predicted))
    return {key: round(float(np.mean([r[key] for r in reports])), 4) for key in reports[0]}


def retrain(sig: Signals, c: float = 0.5, embed_weight: float = 1.5, demo_weight: float = 1.0,
            balanced: bool = False) -> np.ndarray:
    """The final linear model refitted on our examples with other settings; the decisions with its scores."""
    from sklearn.svm import LinearSVC

    texts, labels = read_examples()
    demo = np.concatenate([np.full(len(load_mapping(p, "examples").get("examples") or []),
                                   not p.stem.endswith(("_industries", "_boundaries")))
                           for p in sorted(EXAMPLES_DIR.glob("*.yaml"))])
    y = np.array([sig.labels.index(label) for label in labels])
    normalized = [normalize(t) for t in texts]
    features = fx.TextFeatures.fit(normalized, embed_weight, sig.model.train_embeddings.shape[1])
    svm = LinearSVC(C=c, max_iter=5000, class_weight="balanced" if balanced else None)
    svm.fit(features.matrix(normalized, sig.model.train_embeddings), y,
            sample_weight=np.where(demo, demo_weight, 1.0))
    scores = np.asarray(features.matrix(sig.normalized, sig.embeddings) @ svm.coef_.T) + svm.intercept_
    return sig.decide(scores=scores)


def centroid_probs(sig: Signals, tc: float) -> np.ndarray:
    unit = sig.model.train_embeddings / np.linalg.norm(sig.model.train_embeddings, axis=1, keepdims=True)
    centres = np.stack([unit[sig.train_labels == i].mean(axis=0) for i in range(len(sig.labels))])
    centres /= np.linalg.norm(centres, axis=1, keepdims=True)
    rows = sig.embeddings / np.linalg.norm(sig.embeddings, axis=1, keepdims=True)
    return fx.softmax(rows @ centres.T, tc)


def disagreement(sig: Signals) -> dict[str, Any]:
    linear = fx.softmax(sig.scores, sig.model.temperature).argmax(axis=1)
    vote = sig.vote().argmax(axis=1)
    final = sig.decide()
    english = ~sig.foreign
    differ = english & (linear != vote)
    cells = {}
    for a in range(len(sig.labels)):
        for b in range(len(sig.labels)):
            cell = differ & (linear == a) & (vote == b)
            if cell.sum() >= 4:
                cells[f"{sig.labels[a]} | {sig.labels[b]}"] = {
                    "n": int(cell.sum()), "linear_right": int((sig.truth[cell] == a).sum()),
                    "vote_right": int((sig.truth[cell] == b).sum()), "served_right": int((final[cell] == sig.truth[cell]).sum())}
    return {"english_rows": int(english.sum()), "differ": int(differ.sum()),
            "linear_right": int((linear[differ] == sig.truth[differ]).sum()),
            "vote_right": int((vote[differ] == sig.truth[differ]).sum()),
            "served_right": int((final[differ] == sig.truth[differ]).sum()), "cells (linear | vote)": cells}


def cheaper_vote(sig: Signals, texts: list[str]) -> dict[str, Any]:
    """Session 14: votes over smaller pools and a vote skipped where the margin settles the label (module docstring)."""
    from sklearn.cluster import KMeans

    from services.adapters.local.intent import DEFAULT_CALIBRATION_WEIGHTS

    model, labels = sig.model, sig.train_labels
    probs = fx.softmax(sig.scores, model.temperature)
    choice = probs.argmax(axis=1)
    english = ~sig.foreign
    n_words = np.array([len(t.split()) for t in texts], float)
    weights = np.array(DEFAULT_CALIBRATION_WEIGHTS["english"])
    nearest = sig.sims.max(axis=1)

    def scored(vote: np.ndarray, weight: float = 0.3) -> tuple[dict[str, Any], np.ndarray, np.ndarray]:
        blended = (1 - weight) * probs + weight * vote
        flip = (choice != sig.oos) & (fx.reject_probability(model.rejector, probs, nearest, sig.oos) > model.threshold)
        label = np.where(flip, sig.oos, blended.argmax(axis=1))
        agree = (sig.scores.argmax(axis=1) == vote.argmax(axis=1)).astype(float)
        features = fx.calibration_features(blended, np.zeros(len(label)), (label == sig.oos).astype(float),
                                           flip.astype(float), n_words, agree)
        confidence = fx.calibrated_confidence(weights, features)
        predicted = np.where(sig.foreign, sig.served, label)
        right = predicted == sig.truth
        report = sig.report(predicted)
        report["ece_english"] = {name: round(fx.expected_calibration_error(
            confidence[(sig.set_id == i) & english], right[(sig.set_id == i) & english], dev_eval.ECE_BINS), 4)
            for i, name in enumerate(sig.names)}
        return report, confidence, label

    main_report, main_confidence, main_label = scored(sig.vote())
    out: dict[str, Any] = {"main": main_report, "pool": {}, "prototypes": {}, "settled": {}}
    for stride in (8, 4, 2):
        columns = np.arange(0, len(labels), stride)
        for k in (5, 10):
            for tau in (0.02, 0.05):
                for weight in (0.3, 0.2):
                    vote = fx.knn_vote(sig.sims[:, columns], labels[columns], len(sig.labels), k, tau)
                    out["pool"][f"every {stride} k={k} tau={tau} w={weight}"] = scored(vote, weight)[0]
    unit = model.train_embeddings
    for per_label in (8, 16, 32):
        centres, centre_labels = [], []
        for label in range(len(sig.labels)):
            rows = unit[labels == label]
            if len(rows):
                found = KMeans(n_clusters=min(per_label, len(rows)), n_init=3, random_state=0).fit(rows)
                centres.append(found.cluster_centers_)
                centre_labels += [label] * len(found.cluster_centers_)
        products = sig.embeddings @ np.vstack(centres).astype(np.float32).T
        for k in (3, 5, 10):
            for tau in (0.02, 0.05):
                vote = fx.knn_vote(products, np.array(centre_labels), len(sig.labels), k, tau)
                out["prototypes"][f"{per_label} per label k={k} tau={tau}"] = scored(vote)[0]
    ordered = np.sort(probs, axis=1)
    margin = ordered[:, -1] - ordered[:, -2]
    agreeing = np.eye(len(sig.labels))[choice]
    probe = np.arange(0, len(labels), 8)  # intent.PROBE_STRIDE: the examples the out-of-scope bound reads anyway
    probe_vote = fx.knn_vote(sig.sims[:, probe], labels[probe], len(sig.labels), model.knn.k, model.knn.tau)
    for gate, settled_vote in [(g, "agreeing") for g in (3 / 7, 0.6, 0.7, 0.8, 0.9, 0.95)] + [(3 / 7, "probe's")]:
        settled = (margin > gate) & english
        vote = sig.vote().copy()
        vote[settled] = (agreeing if settled_vote == "agreeing" else probe_vote)[settled]
        report, confidence, label = scored(vote)
        change = np.abs(confidence - main_confidence)[english]
        out["settled"][f"margin > {gate:.3f}, {settled_vote} vote"] = {
            "settled": int(settled.sum()), "english_rows": int(english.sum()), "labels_same": bool((label == main_label).all()),
            "confidence_changed": int((change > 1e-9).sum()), "mean_abs_change": round(float(change.mean()), 4),
            "mean_change": round(float((confidence - main_confidence)[english].mean()), 4), **report}
    return out


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--care", type=Path, required=True, help="customer_care_tweets/dev.json")
    parser.add_argument("--fresh", action="store_true", help="also the fresh set's even half (conversations 340-524)")
    parser.add_argument("--apple", type=Path, help="apple_twitter_sentiment/Apple-Twitter-Sentiment-DFE.csv")
    parser.add_argument("--apple-intent", action="store_true", help="also the Apple addressed set's even half")
    parser.add_argument("--blind11", action="store_true", help="also the session-11 blind set's even half")
    parser.add_argument("--cheaper-vote", action="store_true",
                        help="session 14: smaller vote pools and the vote skipped where the margin settles the label")
    args = parser.parse_args(argv)
    if (args.apple_intent or args.blind11) and not args.apple:
        parser.error("--apple-intent and --blind11 read their messages from --apple")
    services = build_services(Settings(db_path=str(Path(tempfile.mkdtemp()) / "f.db")))
    classifier = uncalibrated(services)
    dev = even_dev_sets(args, classifier, english_only=False)
    sig = Signals(classifier, dev)
    main_answers = sig.decide()
    if args.cheaper_vote:
        return {"bench": "intent_decision --cheaper-vote", "main_reproduces_served": bool((main_answers == sig.served).all()),
                **cheaper_vote(sig, [t for ts, _ in dev.values() for t in ts])}
    out: dict[str, Any] = {"bench": "intent_decision", "rows": {n: int((sig.set_id == i).sum())
                                                                for i, n in enumerate(sig.names)},
                           "main_reproduces_served": bool((main_answers == sig.served).all()),
                           "main": sig.report(main_answers)}
    out["vote"] = {f"w={w} k={k} tau={tau}": sig.report(sig.decide(weight=w, k=k, tau=tau))
                   for w in (0.0, 0.2, 0.3, 0.4, 0.5) for k in (5, 10, 20) for tau in (0.01, 0.02, 0.05)}
    out["threshold"] = {str(t): sig.report(sig.decide(threshold=t)) for t in (0.6, 0.7, 0.8, 0.9, 0.95, 1.01)}
    out["other_bias"] = {}
    for value in (-1.0, -0.5, -0.25, 0.25, 0.5, 1.0):
        bias = np.zeros(len(sig.labels))
        bias[sig.oos] = value
        out["other_bias"][str(value)] = sig.report(sig.decide(bias=bias))
    out["label_bias_cv"] = {f"log-loss, lambda {lam}": label_bias_cv(sig, lam) for lam in ("0.1", "0.01")}
    out["label_bias_cv"]["accuracy search"] = label_bias_cv(sig, "accuracy")
    out["label_bias_cv"].update({f"log-loss, each label weighing the same, lambda {lam}": label_bias_cv(sig, lam, True)
                                 for lam in ("0.3", "0.1", "0.03", "0.01")})
    out["temperature"] = {f"x{t}": sig.report(sig.decide(temperature_x=t)) for t in (0.5, 0.75, 1.5, 2.0)}
    out["retrain"] = {"refit as shipped": sig.report(retrain(sig)),
                      **{f"C={c}": sig.report(retrain(sig, c=c)) for c in (0.25, 1.0)},
                      **{f"embedding block x{w}": sig.report(retrain(sig, embed_weight=w)) for w in (1.0, 2.0, 2.5)},
                      **{f"demo examples x{w}": sig.report(retrain(sig, demo_weight=w)) for w in (0.5, 0.25, 1e-6)},
                      "balanced class weights": sig.report(retrain(sig, balanced=True))}
    out["centroid"] = {f"tc={tc} w={w}": sig.report(sig.decide(extra=centroid_probs(sig, tc), extra_weight=w))
                       for tc in (0.02, 0.05, 0.1) for w in (0.1, 0.2, 0.3)}
    out["disagreement"] = disagreement(sig)
    return out


if __name__ == "__main__":
    print(json.dumps(main(), ensure_ascii=False))
