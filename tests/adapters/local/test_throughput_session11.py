"""Session 11's throughput work: the faster computations give exactly the numbers of the ones they replace (bit for
bit), so no intent, confidence, ranking or sentiment can change."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from services.adapters.local import intent as intent_module
from services.adapters.local import minilm
from services.adapters.local.intent import FEW_ROWS, similarities_to
from services.bootstrap import build_services
from services.config import Settings
from services.errors import ConfigError


def _unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


@pytest.fixture(scope="module")
def pool() -> np.ndarray:
    """A pool the size of the default model's training embeddings (3,709 x 640), unit rows."""
    return _unit(np.random.default_rng(11).normal(size=(3709, 640)).astype(np.float32))


@pytest.mark.parametrize("rows", [1, 2, 3, 4, 5, FEW_ROWS, FEW_ROWS + 1])
def test_similarities_are_bit_for_bit_those_of_the_plain_product(pool: np.ndarray, rows: int) -> None:
    rng = np.random.default_rng(rows)
    for _ in range(4):
        # queries near pool rows (as a message's text and clauses are near our examples) and far from all
        near = pool[rng.integers(0, len(pool), rows)] + rng.normal(0, 0.05, (rows, pool.shape[1]))
        for queries in (_unit(near), _unit(rng.normal(size=(rows, pool.shape[1])))):
            got = similarities_to(queries, pool)
            assert got.shape == (rows, len(pool)) and got.dtype == np.float32
            assert np.array_equal(got, queries @ pool.T)


def test_one_query_row_as_a_vector_is_one_row_of_similarities(pool: np.ndarray) -> None:
    query = pool[7]
    got = similarities_to(query, pool)
    assert got.shape == (1, len(pool))
    assert int(got.argmax()) == 7 and np.isclose(got[0, 7], 1.0, atol=1e-5)


@pytest.fixture(scope="module")
def default_classifier(tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = tmp_path_factory.mktemp("intent")
    return build_services(Settings(db_path=str(folder / "f.db"), data_key_file=str(folder / "keys"))).intent


@pytest.fixture
def classifier(default_classifier: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The default classifier with every decision taking the full product (session 12's example search, which
    computes the products with the candidate examples only, is off: tests/adapters/local/test_throughput_session12.py)."""
    monkeypatch.setattr(default_classifier.model.example_search, "enabled", False)
    return default_classifier


TEXTS = ["my parcel never arrived and also I was charged twice for it, can you refund the extra",
         "hi. the SmartHub keeps dropping wifi after the update. already rebooted twice. can I return it?",
         "where is my order BW-123456?? tracking hasnt moved in 4 days",
         "change my delivery address and is my kettle under warranty?"]


@pytest.mark.parametrize("text", TEXTS)
def test_the_classifier_decides_as_with_the_plain_product(classifier: Any, text: str,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The default model's decision over a message's rows (its text, and its clauses when it has some) is the same
    Intent, every probability included, as with ``queries @ pool.T``."""
    rows: list[int] = []
    fast_product = intent_module.similarities_to

    def counting(queries: np.ndarray, pool: np.ndarray) -> np.ndarray:
        rows.append(len(np.atleast_2d(queries)))
        return fast_product(queries, pool)

    monkeypatch.setattr(intent_module, "similarities_to", counting)
    fast = classifier._classify(text)
    monkeypatch.setattr(intent_module, "similarities_to", lambda queries, pool: np.atleast_2d(queries) @ pool.T)
    assert classifier._classify(text) == fast
    assert rows


def test_a_message_with_clauses_takes_the_several_rows_path(classifier: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    rows: list[int] = []
    fast_product = intent_module.similarities_to

    def counting(queries: np.ndarray, pool: np.ndarray) -> np.ndarray:
        rows.append(len(np.atleast_2d(queries)))
        return fast_product(queries, pool)

    monkeypatch.setattr(intent_module, "similarities_to", counting)
    classifier._classify(TEXTS[0])
    assert max(rows) > 1  # the text and its clauses decided together: the case the faster product is for


def test_the_encoder_gives_the_same_vectors_with_two_threads() -> None:
    """encoder_threads changes how long a run waits, never a vector: a text alone, a text with its clauses, a batch."""
    one, two = minilm.OnnxMiniLM(None, threads=1), minilm.OnnxMiniLM(None, threads=2)
    texts = [*TEXTS, "hi", "URGENT: get me a manager now 🙄 (msg 12)", "x" * 700, "where is it? " * 30]
    for text in texts:
        assert np.array_equal(one.embed([text]), two.embed([text])), text
    parts = ["my parcel never arrived", "I was charged twice for it"]
    assert np.array_equal(one.embed_with_parts(TEXTS[0], parts), two.embed_with_parts(TEXTS[0], parts))
    assert np.array_equal(one.embed(texts), two.embed(texts))
    assert two.session.get_session_options().intra_op_num_threads == 2


@pytest.mark.parametrize("threads", [0, -1, 65])
def test_encoder_threads_out_of_range_is_a_config_error(threads: int) -> None:
    with pytest.raises(ConfigError, match="encoder_threads"):
        Settings(encoder_threads=threads)
