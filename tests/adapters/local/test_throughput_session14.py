"""Session 14's shortcut on the intent step: a clause encoded again on its own gets its label without the search of
the nearest examples where that label provably cannot depend on it, and the message's Intent is exactly the one of
the full decision (docs/benchmarks.md, "Session 14")."""

from __future__ import annotations

import csv
import dataclasses
import random
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from services.adapters.local import intent as intent_module
from services.adapters.local.intent import (
    NEAREST_SLACK,
    SECONDARY_MIN,
    nearest_example,
    read_examples,
    similarities_to,
    split_clauses,
    vote_settled,
)
from services.adapters.local.intent_features import softmax
from services.bootstrap import build_services
from services.config import Settings

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def classifier(tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = tmp_path_factory.mktemp("intent14")
    return build_services(Settings(db_path=str(folder / "f.db"), data_key_file=str(folder / "keys"))).intent


def _two_request_texts() -> list[str]:
    """Messages with clauses: the bench's, our second-intent set and two of our examples joined (labels apart)."""
    sys.path.insert(0, str(ROOT / "bench"))
    from assist import messages  # bench/assist.py's generated messages

    texts = [f"{t} (msg {i})" for i, (t, _) in enumerate(messages(300))]
    with open(ROOT / "bench" / "data" / "intent_second.csv", encoding="utf-8", newline="") as f:
        texts += [row["text"] for row in csv.DictReader(f)]
    examples, labels = read_examples()
    rng = random.Random(14)
    for _ in range(160):
        a, b = rng.sample(range(len(examples)), 2)
        texts.append(f"{examples[a]} and also {examples[b]}" if labels[a] != labels[b] else f"{examples[a]}. {examples[b]}")
    return [t for t in texts if len(split_clauses(t)) > 1]


def test_clauses_encoded_again_get_the_intent_of_the_full_decision(classifier: Any,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Every message with clauses: the same Intent (label, confidence, ranking, second intent and its confidence)
    with the shortcut as with every clause decided in full; the corpus has decisions the shortcut answers, ones it
    hands back, and second intents found through it."""
    texts = _two_request_texts()
    answered: list[bool] = []
    original = intent_module.IntentModel.labels_where_sure

    def counting(self: Any, *args: Any) -> Any:
        found = original(self, *args)
        answered.append(found is not None)
        return found

    monkeypatch.setattr(intent_module.IntentModel, "labels_where_sure", counting)
    fast = [classifier._classify(t) for t in texts]
    monkeypatch.setattr(intent_module.IntentModel, "labels_where_sure", lambda self, *args: None)
    full = [classifier._classify(t) for t in texts]
    assert fast == full
    assert sum(answered) >= 100 and not all(answered)
    assert sum(i.secondary is not None for i in fast) >= 50


def test_a_settled_margin_keeps_the_linear_label_whatever_the_vote(classifier: Any) -> None:
    """Rows with a margin above 3/7 (weight 0.3) keep their top label under random votes and the worst one (all on
    the runner-up); just below it, the worst vote takes the label away, so the bound is the tight one."""
    weight = classifier.model.knn.weight
    assert weight == pytest.approx(0.3)
    rng = np.random.default_rng(14)
    probs = rng.dirichlet(np.full(10, 0.3), 5_000)
    settled = vote_settled(probs, weight)
    assert 500 < settled.sum() < 4_500
    order = np.argsort(-probs, axis=1)
    worst = np.zeros_like(probs)
    worst[np.arange(len(probs)), order[:, 1]] = 1.0
    for vote in (worst, rng.dirichlet(np.full(10, 0.2), 5_000)):
        blended = (1 - weight) * probs + weight * vote
        assert (blended.argmax(axis=1)[settled] == order[settled, 0]).all()
    edge = np.array([[0.5 + 1.5 / 7 - 1e-4, 0.5 - 1.5 / 7 + 1e-4] + [0.0] * 8,
                     [0.5 + 1.5 / 7 + 1e-4, 0.5 - 1.5 / 7 - 1e-4] + [0.0] * 8])
    assert vote_settled(edge, weight).tolist() == [False, True]
    flipped = (1 - weight) * edge[0] + weight * np.eye(10)[1]
    assert flipped.argmax() == 1


def test_the_probe_bound_is_below_the_full_pass_nearest_cosine(classifier: Any) -> None:
    """The bound the out-of-scope check reads (the probe's nearest cosine less NEAREST_SLACK) is below the nearest
    cosine of the full pass, one row alone and rows together, on our examples (each its own nearest: the tightest
    case) and on messages."""
    model = classifier.model
    rows = np.vstack([model.train_embeddings[::37], classifier._embed(_two_request_texts()[:40])])
    bound = nearest_example(rows, model.probe) - NEAREST_SLACK
    alone = np.array([similarities_to(r[None, :], model.train_embeddings).max() for r in rows])
    assert (bound <= alone).all()
    for start in range(0, len(rows) - 5, 5):
        together = similarities_to(rows[start:start + 5], model.train_embeddings).max(axis=1)
        assert (bound[start:start + 5] <= together).all()


def test_rows_the_out_of_scope_rule_may_flip_or_the_vote_may_change_take_the_full_decision(classifier: Any) -> None:
    """labels_where_sure answers only what it can prove: a row below the settled margin with a top probability that
    matters, or a rule threshold that could flip a row, hands the decision back (None); rows whose top probability
    is below SECONDARY_MIN never need it."""
    model = classifier.model
    texts = ["where is my order BW-123456?? tracking hasnt moved in 4 days", "i want a refund for the blender"]
    embeddings = classifier._embed(texts)
    scores = np.stack([model.score_one(intent_module.normalize(t), e) for t, e in zip(texts, embeddings, strict=True)])
    probs = softmax(scores, model.temperature)
    assert vote_settled(probs, model.knn.weight).all() and (probs.max(axis=1) >= SECONDARY_MIN).all()
    sure = model.labels_where_sure(scores, embeddings, SECONDARY_MIN)
    assert sure is not None and sure.tolist() == model.decide(scores, embeddings)[1].tolist()
    assert dataclasses.replace(model, threshold=0.0).labels_where_sure(scores, embeddings, SECONDARY_MIN) is None
    flat = np.zeros_like(scores)  # every label alike: no margin, but a top probability below SECONDARY_MIN
    assert model.labels_where_sure(flat, embeddings, SECONDARY_MIN) is not None
    assert model.labels_where_sure(flat, embeddings, 0.0) is None


def _rows(classifier: Any, texts: list[str]) -> list[tuple[np.ndarray, np.ndarray]]:
    """(scores, embeddings) of each message's rows (the text and its clauses), as _classify decides them."""
    out = []
    for text in texts:
        clauses = split_clauses(text)
        clauses = clauses if len(clauses) > 1 else []
        embeddings = classifier._embed([text], clauses)
        scores = np.stack([classifier.model.score_one(intent_module.normalize(p), e)
                           for p, e in zip([text, *clauses], embeddings, strict=True)])
        out.append((scores, embeddings))
    return out


def test_decisions_skip_the_probe_cosine_only_where_the_calibrator_does_not_weigh_it(
        classifier: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The default calibrator gives the probe cosine no weight: every decision (probabilities, choice, confidence) is
    the same bit for bit without it as with it, and the search is asked for no probe; a calibrator that weighs it
    gets it computed, and it moves the confidence."""
    model = classifier.model
    weights = classifier.calibration.english
    assert weights[1] == 0
    texts = _two_request_texts()[:60] + ["where is my order BW-123456??", "asdf qwerty zxcv", "thanks!!"]
    rows = _rows(classifier, texts)
    asked: list[bool] = []
    search = model.example_search
    plain_search = type(search).search

    def spying(self: Any, queries: np.ndarray, probe: bool = True) -> Any:
        asked.append(probe)
        return plain_search(self, queries, probe)

    monkeypatch.setattr(type(search), "search", spying)
    n_words = np.array([3])
    fast = [model.decide(s, e, 1.0, weights, np.full(len(s), 3), ["x"] * len(s)) for s, e in rows]
    assert asked and not any(asked)
    plain_decide = intent_module.IntentModel._decide
    monkeypatch.setattr(intent_module.IntentModel, "_decide",
                        lambda self, scores, embeddings, need_probe=True: plain_decide(self, scores, embeddings, True))
    asked.clear()
    full = [model.decide(s, e, 1.0, weights, np.full(len(s), 3), ["x"] * len(s)) for s, e in rows]
    assert asked and all(asked)
    for a, b in zip(fast, full, strict=True):
        for x, y in zip(a, b, strict=True):
            assert np.array_equal(x, y)
    monkeypatch.setattr(intent_module.IntentModel, "_decide", plain_decide)
    weighing = weights.copy()
    weighing[1] = 0.5
    asked.clear()
    scores, embeddings = rows[-3]
    with_probe = model.decide(scores, embeddings, 1.0, weighing, n_words, ["x"])
    assert asked == [True]
    assert not np.array_equal(with_probe[2], model.decide(scores, embeddings, 1.0, weights, n_words, ["x"])[2])


def test_a_search_without_the_probe_finds_the_same_products(classifier: Any) -> None:
    """ExampleSearch.search(probe=False): the same candidates and products as with the probe, and no probe cosine."""
    search = classifier.model.example_search
    for _, embeddings in _rows(classifier, _two_request_texts()[:30]):
        with_probe, without = search.search(embeddings), search.search(embeddings, probe=False)
        assert with_probe is not None and without is not None and without.probe is None
        assert with_probe.probe is not None
        assert np.array_equal(with_probe.columns, without.columns)
        assert np.array_equal(with_probe.products, without.products)
