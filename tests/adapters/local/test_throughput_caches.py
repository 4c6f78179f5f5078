"""Session 10's throughput work: what is remembered by text must be exactly what would be computed afresh, and never
the answer of another text."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pytest

from services.adapters.local import intent as intent_module
from services.adapters.local import kb_search, minilm, pii_presidio
from services.adapters.local.intent import LocalIntentClassifier
from services.adapters.local.kb_search import highlight, stems
from services.adapters.local.pii_presidio import PresidioPiiDetector
from services.bootstrap import build_services
from services.config import Settings


def _scanned(passage: str, query: str) -> tuple[tuple[int, int], ...]:
    """highlight() as it was before session 10: a pattern per query, scanned over the passage."""
    wanted = frozenset(kb_search.query_stems(query))
    if not wanted or not passage:
        return ()
    prefixes = sorted({re.escape(stem[:max(1, min(3, len(stem) - 1))]) for stem in wanted})
    pattern = re.compile(rf"(?<![^\W_])(?:{'|'.join(prefixes)})[^\W_]*", re.IGNORECASE)
    candidates = list(pattern.finditer(passage))
    return tuple(w.span() for w, stem in zip(candidates, stems([w.group() for w in candidates]), strict=True)
                 if stem in wanted)


PASSAGES = [
    "Refunds: we refund the card you paid with. REFUNDED orders show in Orders; re-fund_me is not a word.",
    "Éclair makers and eclairs: the Café's CAFÉ menu. ſtore credit, KELVIN and Kelvin (K sign), İstanbul ıs far.",
    "Order BW-123456 shipped 12/03; track it at example.com/track?id=42 — 2nd parcel_2 arrives in 3-5 days.",
    "重置密码 reset password: résumé, naïve, straße, STRASSE; don't can't won't 👍 passwords resetting",
    "",
]
QUERIES = ["refund my card", "where are my orders?", "", "the and of", "eclair cafe", "kelvin store istanbul",
           "2nd parcel_2 track 42", "reset passwords", "strasse résumé naive", "re_fund_me", "K", "ſtore", "a b c"]


@pytest.mark.parametrize("passage", PASSAGES)
def test_highlights_from_remembered_passage_words_are_those_of_the_scan(passage: str) -> None:
    for query in QUERIES:
        assert highlight(passage, query) == _scanned(passage, query), query
        assert highlight(passage, query) == _scanned(passage, query), query  # remembered: the same again


def test_highlights_still_mark_the_words_of_the_query() -> None:
    passage = PASSAGES[0]
    assert [passage[a:b] for a, b in highlight(passage, "refund")] == ["Refunds", "refund", "REFUNDED"]
    assert highlight(passage, "password") == ()


@pytest.fixture(scope="module")
def network() -> minilm.OnnxMiniLM:
    return minilm.shared_encoder(None)


def test_a_remembered_message_with_clauses_gives_the_rows_of_a_fresh_run(network: minilm.OnnxMiniLM) -> None:
    text = "my kettle leaks from the base and also where is my refund for the blender"
    parts = ["my kettle leaks from the base", "where is my refund for the blender"]
    first = network.embed_with_parts(text, parts)
    runs = network.runs
    again = network.embed_with_parts(text, parts)
    assert network.runs == runs  # remembered, not run again
    assert np.array_equal(again, first)
    network._recent_parts.clear()
    network._recent.clear()
    fresh = network.embed_with_parts(text, parts)
    assert network.runs == runs + 1
    assert np.array_equal(fresh, first)
    again[0] += 1.0  # a caller changing its copy leaves the remembered rows alone
    assert np.array_equal(network.embed_with_parts(text, parts), first)


def test_another_text_or_other_clauses_are_never_answered_from_the_remembered_rows(
        network: minilm.OnnxMiniLM) -> None:
    text = "my kettle leaks from the base and also where is my refund for the blender"
    parts = ["my kettle leaks from the base", "where is my refund for the blender"]
    rows = network.embed_with_parts(text, parts)
    runs = network.runs
    other = network.embed_with_parts(text + "!", parts)
    assert network.runs == runs + 1
    assert not np.array_equal(other[0], rows[0])
    fewer = network.embed_with_parts(text, parts[:1])
    assert network.runs == runs + 2 and fewer.shape == (2, network.dim)
    assert np.array_equal(network.embed([text])[0], rows[0])  # the whole text's vector, as a one-text run gives it


def test_a_remembered_message_with_clauses_leaves_its_vector_for_the_sentiment_step(
        network: minilm.OnnxMiniLM) -> None:
    text = "the app crashes when I log in and also I was charged twice this month"
    parts = ["the app crashes when I log in", "I was charged twice this month"]
    rows = network.embed_with_parts(text, parts)
    network._recent.clear()  # the one-text vector forgotten, the (text, clauses) rows kept
    network.embed_with_parts(text, parts)
    runs = network.runs
    assert np.array_equal(network.embed([text])[0], rows[0])
    assert network.runs == runs


def test_the_remembered_vectors_are_bounded(network: minilm.OnnxMiniLM) -> None:
    for i in range(minilm.RECENT_PARTS + 3):
        network.embed_with_parts(f"order {i} is late and also the lid is cracked", [f"order {i} is late",
                                                                                   "the lid is cracked"])
    assert len(network._recent_parts) <= minilm.RECENT_PARTS
    assert len(network._recent) <= minilm.RECENT


@pytest.fixture(scope="module")
def classifier(tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = tmp_path_factory.mktemp("intent")
    return build_services(Settings(db_path=str(folder / "f.db"), data_key_file=str(folder / "keys"))).intent


def test_a_remembered_intent_is_the_answer_of_a_fresh_classifier(classifier: Any) -> None:
    fresh = LocalIntentClassifier(classifier.model, classifier._embedder, 0.0, "Other", classifier._language,
                                  classifier._foreign_embedder, calibration=classifier.calibration)
    texts = ["where is my order BW-123456?? tracking hasnt moved", "where is my order BW-123457?? tracking hasnt moved",
             "i was charged twice for my order and also the app keeps crashing", "thanks!", "gracias, ¿dónde está mi pedido?"]
    first = [classifier.classify(t) for t in texts]
    assert [classifier.classify(t) for t in texts] == first == [fresh.classify(t) for t in texts]
    assert first[2].secondary is not None  # the clause path is remembered whole


def test_a_remembered_intent_is_never_the_answer_of_another_text(classifier: Any) -> None:
    refund = "I want a refund for the blender, it leaks"
    assert classifier.classify(refund).label == "Refund/Return"
    assert classifier.classify(refund + " and my password reset link never arrives").secondary is not None
    password = "how do i reset my password, the link never arrives"
    assert classifier.classify(password).label != "Refund/Return"
    assert classifier.classify(refund.upper()) is not classifier.classify(refund)  # its own key, its own answer


def test_remembered_intents_are_bounded_and_long_texts_are_not_kept(classifier: Any) -> None:
    for i in range(intent_module.RECENT_ANSWERS + 3):
        classifier.classify(f"order {i} hasnt arrived")
    assert len(classifier._answers) <= intent_module.RECENT_ANSWERS
    long = "where is my parcel " * 300
    assert len(long) > intent_module.RECENT_ANSWER_CHARS
    assert classifier.classify(long) == classifier.classify(long)
    assert long not in classifier._answers


def test_remembered_pii_spans_are_those_of_a_fresh_detector() -> None:
    warm, fresh = PresidioPiiDetector(), PresidioPiiDetector()
    texts = ["call me on +1 555 013 4242 please, card ending 4242 cheers, Dana",
             "call me on +1 555 013 4242 please, card ending 4242 cheers, Danielle",
             "can I change the delivery address for BW-123456 to 12 Baker Street", "no names here"]
    first = [warm.find(t) for t in texts]
    assert [warm.find(t) for t in texts] == first == [fresh.find(t) for t in texts]
    assert first[0] != first[1]  # another name, its own spans
    first[0].clear()  # a caller changing its list leaves the remembered spans alone
    assert warm.find(texts[0]) == fresh.find(texts[0]) != []
    long = "Ana García wrote. " * 400
    assert len(long) > pii_presidio.PRESIDIO_CHARS
    assert warm.find(long) == fresh.find(long)
    assert long not in warm._recent
    for i in range(pii_presidio.RECENT + 2):
        warm.find(f"mail me at user{i}@example.com")
    assert len(warm._recent) <= pii_presidio.RECENT
