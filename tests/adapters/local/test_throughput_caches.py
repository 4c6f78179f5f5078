"""Session 10's throughput work: what is remembered by text must be exactly what would be computed afresh, and never
the answer of another text."""

from __future__ import annotations

import re

import numpy as np
import pytest

from services.adapters.local import kb_search, minilm
from services.adapters.local.kb_search import highlight, stems


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
    with network._recent_lock:
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
    with network._recent_lock:
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
