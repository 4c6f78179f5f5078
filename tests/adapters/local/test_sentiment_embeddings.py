"""The sentiment model's MiniLM features: the intent step's vector is reused (one encoder run per analysis), training
embeddings are cached by text hash, and the vector really moves the answer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from services.adapters.local import minilm, sentiment
from services.bootstrap import build_services
from services.config import Settings


class CountingEncoder:
    """The real MiniLM encoder, counting the texts it is asked to embed."""

    def __init__(self, inner: Any) -> None:
        self.inner, self.dim, self.name, self.key = inner, inner.dim, inner.name, inner.key
        self.texts: list[str] = []

    def embed(self, texts: list[str]) -> np.ndarray:
        self.texts += texts
        return self.inner.embed(texts)


@pytest.fixture(scope="module")
def encoder() -> Any:
    return sentiment.default_encoder(Settings())


def _examples(root: Path, extra: str = "") -> Path:
    folder = root / "sentiment"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pos.yaml").write_text("label: positive\nexamples: ['love it', 'great help, thanks', 'works perfectly'"
                                     f"{extra}]\n", encoding="utf-8")
    (folder / "neg.yaml").write_text("label: negative\nexamples: ['broken again', 'awful service', 'still no refund']\n",
                                     encoding="utf-8")
    return folder


def test_an_analysis_runs_the_encoder_once_for_intent_and_sentiment(tmp_path: Path) -> None:
    services = build_services(Settings(db_path=str(tmp_path / "f.db")))
    text = "@PeakMobile my router lost signal again tonight, third time this week"
    services.intent.classify("warm up")
    services.sentiment.analyze("warm up")
    network = minilm.shared_encoder(None)
    before = network.runs
    services.intent.classify(text)
    after_intent = network.runs
    services.sentiment.analyze(text)
    assert after_intent - before >= 1
    assert network.runs == after_intent  # the sentiment step got the intent step's vector


def test_a_message_with_clauses_is_also_encoded_once(tmp_path: Path) -> None:
    services = build_services(Settings(db_path=str(tmp_path / "f.db")))
    text = "my parcel never came and also how do I change my email address on the account"
    network = minilm.shared_encoder(None)
    services.intent.classify(text)
    before = network.runs
    services.sentiment.analyze(text)
    assert network.runs == before


def test_the_recent_vector_is_exactly_the_one_computed_alone(encoder: Any) -> None:
    network = minilm.shared_encoder(None)
    text = "the app crashes whenever I open settings. also where is my refund"
    pooled = encoder.embed_with_parts(text, ["the app crashes whenever I open settings", "where is my refund"])[0]
    network._recent.clear()
    assert np.array_equal(encoder.embed([text])[0], pooled)
    runs = network.runs
    assert np.array_equal(encoder.embed([text])[0], pooled)
    assert network.runs == runs


def test_the_sentence_vector_moves_the_answer(encoder: Any) -> None:
    """Served with the vector of a furious complaint instead of its own, a thank-you reads less positive: the model
    reads the encoder's vector, not only the n-grams."""
    analyzer = sentiment.LocalSentimentAnalyzer(Settings(), encoder)
    angry = encoder.embed([sentiment.embedding_text("this is the worst service ever, I am furious, never again")])

    class Misleading:
        dim, name, key = encoder.dim, encoder.name, encoder.key

        def embed(self, texts: list[str]) -> np.ndarray:
            return angry

    text = "thank you so much, the engineer sorted it in ten minutes"
    model = sentiment._shared_model(analyzer.data_dir, analyzer.cues, encoder)
    honest = model.scores([text])[0]
    model.encoder = Misleading()
    try:
        misled = model.scores([text])[0]
    finally:
        model.encoder = encoder
    assert honest["positive"] > 0.5
    assert misled["positive"] < honest["positive"] - 0.05
    assert misled["negative"] > honest["negative"]


def test_training_embeddings_are_cached_by_text_so_a_retrain_embeds_only_new_examples(tmp_path: Path,
                                                                                       encoder: Any) -> None:
    counting = CountingEncoder(encoder)
    examples = _examples(tmp_path)
    cues = sentiment.EmotionCues(sentiment.data_file(tmp_path, sentiment.CUES_FILE))
    first = sentiment._cached_or_trained(tmp_path / "models", examples, cues, counting)
    assert len(counting.texts) == 6
    assert len(list((tmp_path / "models").glob("sentiment-embeddings-*.npz"))) == 1
    counting.texts.clear()
    _examples(tmp_path, extra=", 'superb parcel tracker'")
    again = sentiment._cached_or_trained(tmp_path / "models", examples, cues, counting)
    assert counting.texts == ["superb parcel tracker"]  # one new example embedded, the six others from the cache
    assert again.features.embed_dim == first.features.embed_dim == 384


def test_a_cached_model_with_embeddings_scores_like_the_fresh_fit(tmp_path: Path, encoder: Any) -> None:
    examples = _examples(tmp_path)
    cues = sentiment.EmotionCues(sentiment.data_file(tmp_path, sentiment.CUES_FILE))
    fresh = sentiment._cached_or_trained(tmp_path / "models", examples, cues, encoder)
    [folder] = (tmp_path / "models").glob("sentiment-minilm-*")
    texts = ["still broken, awful", "love the new app 😍", "@x where is order 123"]
    assert sentiment.load_model(folder, cues, encoder).scores(texts) == fresh.scores(texts)
    with pytest.raises(sentiment.ConfigError, match="sentence vectors"):
        sentiment.load_model(folder, cues)  # made for 384-dim vectors: not served without the encoder


def test_the_setting_turns_the_embeddings_off(tmp_path: Path) -> None:
    analyzer = sentiment.LocalSentimentAnalyzer(Settings(sentiment_embeddings=False))
    assert analyzer.encoder is None
    assert analyzer.analyze("@ShopBee the order shows delivered but it's not here").label == "negative"


def test_training_and_serving_embed_the_same_texts_one_by_one(tmp_path: Path, encoder: Any) -> None:
    """Training's cached vectors (one text at a time, handles and links dropped as the intent step does) are what
    serving computes, bit for bit; a batch would differ (int8 activations are scaled per batch)."""
    texts = ["@ShopBee  order https://t.co/x still missing!!", "love it", "why was I charged twice for one order?",
             "the engineer never turned up and nobody called to say so, this is the third time"]
    served = sentiment.embed_one_by_one(encoder, texts)
    trained = sentiment.cached_encoder(encoder, tmp_path).embed([sentiment.embedding_text(t) for t in texts])
    assert sentiment.embedding_text(texts[0]) == "order still missing!!"
    assert np.array_equal(served, trained)


# Fresh sentences (not in data/sentiment): a failure described with no sentiment word, which n-grams and VADER read
# as neutral and the sentence's meaning makes a complaint.
DESCRIBED_FAILURES = ["the toaster smells of melting plastic", "the courier threw my parcel over the fence",
                      "the speaker crackles and then goes silent"]


def test_a_failure_described_without_sentiment_words_is_read_negative_through_the_sentence_vector() -> None:
    with_vector = sentiment.LocalSentimentAnalyzer(Settings())
    ngrams_only = sentiment.LocalSentimentAnalyzer(Settings(sentiment_embeddings=False))
    assert [with_vector.analyze(t).label for t in DESCRIBED_FAILURES] == ["negative"] * 3
    assert sum(ngrams_only.analyze(t).label != "negative" for t in DESCRIBED_FAILURES) >= 2  # what the vector adds
