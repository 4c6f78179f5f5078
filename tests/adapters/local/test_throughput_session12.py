"""Session 12's example search (services/adapters/local/example_search.py): the intent model's vote of the nearest
training examples reads the products of a message's rows with the few examples that can be among the 10 nearest,
and those products are the full pass's numbers bit for bit, so no intent, confidence or ranking can change."""

from __future__ import annotations

import threading
from typing import Any

import numpy as np
import pytest

from services.adapters.local import example_search as search_module
from services.adapters.local import intent as intent_module
from services.adapters.local import intent_features as fx
from services.adapters.local.example_search import ExampleSearch
from services.adapters.local.intent import PROBE_STRIDE, nearest_example, similarities_to
from services.bootstrap import build_services
from services.config import Settings

K = 10


@pytest.fixture(scope="module")
def classifier(tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = tmp_path_factory.mktemp("intent")
    return build_services(Settings(db_path=str(folder / "f.db"), data_key_file=str(folder / "keys"))).intent


@pytest.fixture(scope="module")
def held_out(classifier: Any) -> tuple[ExampleSearch, np.ndarray, np.ndarray, np.ndarray]:
    """The default model's training embeddings less 120 of them (the held-out queries), a search over the rest."""
    model = classifier.model
    held = np.random.default_rng(12).choice(len(model.train_embeddings), 120, replace=False)
    keep = np.setdiff1d(np.arange(len(model.train_embeddings)), held)
    pool = model.train_embeddings[keep]
    search = ExampleSearch.build(pool, K, similarities_to, nearest_example, np.ascontiguousarray(pool[::PROBE_STRIDE]),
                                 PROBE_STRIDE)
    assert search is not None and search.enabled and len(search.probe) == -(-len(keep) // PROBE_STRIDE)
    return search, model.train_embeddings[held], model.train_labels[keep], model.train_embeddings[keep]


def _vote(similarities: np.ndarray, labels: np.ndarray) -> np.ndarray:
    return fx.knn_vote(similarities, labels, 32, K, 0.02)


@pytest.mark.parametrize("rows", range(1, search_module.MAX_ROWS + 1))
def test_held_out_examples_get_the_full_pass_numbers_and_vote(held_out: Any, rows: int) -> None:
    """Held-out training examples as a message's rows (1 = a text alone, more = a text and its clauses): the
    candidates hold the 10 largest products of every row, each product is the full pass's number bit for bit, and
    the vote, the nearest cosine and the probe cosine are exactly those of the full pass. A row count the build's
    check found no layout for (8 rows on OpenBLAS's Haswell kernels) takes the full pass."""
    search, queries, labels, pool = held_out
    for start in range(0, 48, rows):
        block = np.ascontiguousarray(queries[start:start + rows])
        found = search.search(block)
        if rows not in search.layouts:
            assert found is None
            continue
        assert found is not None
        products, columns = found.products, found.columns
        full = similarities_to(block, pool)
        assert len(columns) < len(pool) // 10  # a few dozen examples, not the pool
        assert np.array_equal(products, full[:, columns])
        assert np.array_equal(np.sort(products, axis=1)[:, -K:], np.sort(full, axis=1)[:, -K:])
        assert np.array_equal(products.max(axis=1), full.max(axis=1))
        assert np.array_equal(_vote(products, labels[columns]), _vote(full, labels))
        # the probe cosine the calibration reads: nearest_example() over every PROBE_STRIDE-th example, bit for bit
        assert found.probe is not None
        assert np.array_equal(found.probe, nearest_example(block, search.probe))


def test_the_classifier_decides_from_the_candidates_as_with_the_full_pass(classifier: Any,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages alone and with clauses: decided without any full pass, and the same Intent (every probability, the
    second intent) as with the search off."""
    texts = ["where is my order BW-123456?? tracking hasnt moved in 4 days",
             "my parcel never arrived and also I was charged twice for it, can you refund the extra",
             "hi. the SmartHub keeps dropping wifi after the update. already rebooted twice. can I return it?",
             "love the new toaster!! thanks so much team", "do you price match? saw it cheaper elsewhere"]
    search = classifier.model.example_search
    full_rows: list[int] = []
    plain = intent_module.similarities_to

    def counting(queries: np.ndarray, pool: np.ndarray) -> np.ndarray:
        full_rows.append(len(np.atleast_2d(queries)))
        return plain(queries, pool)

    monkeypatch.setattr(intent_module, "similarities_to", counting)
    before = search.searches
    fast = [classifier._classify(t) for t in texts]
    # one search per message (its text and clauses together; the clauses encoded again on their own are mostly
    # decided without one since session 14: IntentModel.labels_where_sure)
    # (a row count whose full pass no layout reproduces on this machine's BLAS takes the full pass: since session 16
    # the full pass of 4-8 rows is the plain product where the transposed one rounds differently, see below)
    assert set(full_rows) <= set(range(1, 9)) - set(search.layouts)
    searched, passes = search.searches - before, len(full_rows)
    assert searched + passes >= len(texts)
    assert 1 in search.layouts and not [rows for rows in full_rows if rows in search.layouts]
    monkeypatch.setattr(search, "enabled", False)
    assert [classifier._classify(t) for t in texts] == fast
    assert len(full_rows) > passes and search.searches - before == searched


def test_where_the_bounds_cannot_rule_out_enough_examples_the_full_pass_decides() -> None:
    """600 examples within 1e-4 of one another (far closer than the int8 rounding can tell apart) and a row near
    them: more than MAX_CANDIDATES examples may be among its 10 nearest, so the search hands the decision back."""
    rng = np.random.default_rng(5)
    spread = rng.normal(size=(1500, 64))
    twin = rng.normal(size=64)
    pool = np.vstack([spread, twin + rng.normal(0, 1e-4, (600, 64))])
    pool = (pool / np.linalg.norm(pool, axis=1, keepdims=True)).astype(np.float32)
    search = ExampleSearch.build(pool, K, similarities_to)
    assert search is not None and search.enabled
    near = (twin / np.linalg.norm(twin)).astype(np.float32)[None, :]
    columns = search.candidates(near)
    assert columns is not None and len(columns) > search_module.MAX_CANDIDATES
    assert search.search(near) is None and search.full_passes == 1 and search.searches == 0
    assert search.search(pool[:1]) is not None and search.searches == 1  # an ordinary row: searched


def test_more_candidates_than_allowed_takes_the_full_pass(held_out: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    search, queries, _, _ = held_out
    block = queries[:1]
    assert search.search(block) is not None
    monkeypatch.setattr(search_module, "MAX_CANDIDATES", K)
    assert search.search(block) is None


@pytest.mark.parametrize("bad", ["zero", "nan", "inf"])
def test_rows_that_cannot_be_rounded_take_the_full_pass(held_out: Any, bad: str) -> None:
    search, queries, _, _ = held_out
    block = queries[:2].copy()
    block[:] = 0.0 if bad == "zero" else block
    block[0, 3] = {"zero": 0.0, "nan": np.nan, "inf": np.inf}[bad]
    assert search.search(block) is None


def test_batches_and_float64_rows_take_the_full_pass(held_out: Any) -> None:
    search, queries, _, _ = held_out
    assert search.search(queries[:search_module.MAX_ROWS + 1]) is None
    assert search.search(queries[:1].astype(np.float64)) is None


def test_a_product_the_search_cannot_reproduce_switches_it_off(classifier: Any) -> None:
    """The self-check at build time: with a product that sums in another order than the one the search calls (here:
    float64 sums rounded to float32, which differ in the last bit now and then), the search is off and every decision
    takes the full pass."""
    def other_order(queries: np.ndarray, pool: np.ndarray) -> np.ndarray:
        if len(pool) == len(classifier.model.train_embeddings):  # the full pass only
            return (np.atleast_2d(queries).astype(np.float64) @ pool.T.astype(np.float64)).astype(np.float32)
        return similarities_to(queries, pool)

    search = ExampleSearch.build(classifier.model.train_embeddings, K, other_order)
    assert search is not None and not search.enabled
    assert search.search(classifier.model.train_embeddings[:1]) is None


def test_the_search_is_checked_and_on_for_the_default_model(classifier: Any) -> None:
    """On for one row and the few rows of a message with clauses, on OpenBLAS's SkylakeX kernels (padded rows) and
    its Haswell ones (AMD EPYC here: plain rows; the padded layout failed the check there, which turned the whole
    search off before session 16)."""
    search = classifier.model.example_search
    assert search is not None and search.enabled and search.check(trials=2, seed=3)
    # one row and a message with one or two clauses (every bench message has 1 or 3 rows: 1,230 and 770 of 2,000) on both;
    # 4-8 rows where the layouts reproduce the full pass (on the AMD EPYC here, single-threaded, the few-row full pass
    # is the plain product for 4-8 rows since session 16 (intent._transposed_is_exact), which neither layout gives)
    assert {1, 2, 3} <= set(search.layouts)
    assert search.layouts[1] == search_module.PADDED


def test_a_layout_that_does_not_reproduce_the_full_pass_is_not_used(classifier: Any,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The check tries the layouts per row count and keeps only one that gives every number: with a product whose
    few-row matrix products over a part of the pool sum in float64 (so that no layout can match the full pass's
    float32 sums), the row counts 2-8 take the full pass and the search is off (one row alone is not enough)."""
    model = classifier.model

    def few_rows_other_order(queries: np.ndarray, pool: np.ndarray) -> np.ndarray:
        queries = np.atleast_2d(queries)
        if len(queries) > 1 and len(pool) < len(model.train_embeddings):
            return (queries.astype(np.float64) @ pool.T.astype(np.float64)).astype(np.float32)
        return similarities_to(queries, pool)

    search = ExampleSearch.build(model.train_embeddings, K, few_rows_other_order, nearest_example, model.probe,
                                 PROBE_STRIDE)
    assert search is not None and not search.enabled and set(search.layouts) == {1}
    assert search.search(model.train_embeddings[:2]) is None


def test_threads_each_get_their_own_buffers(held_out: Any) -> None:
    """Two threads searching at once (the API serves requests on several) each get the full pass's numbers."""
    search, queries, _, pool = held_out
    errors: list[str] = []

    def work(offset: int) -> None:
        for i in range(30):
            rows = 1 + (i + offset) % 3
            block = np.ascontiguousarray(queries[(i + offset) % 100:(i + offset) % 100 + rows])
            found = search.search(block)
            if found is None or not np.array_equal(found.products, similarities_to(block, pool)[:, found.columns]):
                errors.append(f"{offset}:{i}")

    threads = [threading.Thread(target=work, args=(offset,)) for offset in (0, 7)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors


def test_no_search_without_a_vote_or_with_a_tiny_pool() -> None:
    pool = np.eye(K, 16, dtype=np.float32)
    assert ExampleSearch.build(pool, K, similarities_to) is None  # no more examples than the vote reads


def test_a_blas_on_two_threads_switches_the_search_off(classifier: Any) -> None:
    """Where numpy's BLAS splits a matrix-vector product between two threads, the full pass's own numbers depend on
    the split (the examples ending each thread's share go through another kernel): the check notices and the search
    stays off. (The classifier limits BLAS to one thread when it is built; this is a process that did not.)"""
    from threadpoolctl import threadpool_limits

    model = classifier.model
    query = model.train_embeddings[3:4] + np.float32(0.01)
    single = similarities_to(query, model.train_embeddings)
    with threadpool_limits(limits=2, user_api="blas"):
        if np.array_equal(similarities_to(query, model.train_embeddings), single):
            pytest.skip("this BLAS does not split the product between threads here")
        search = ExampleSearch.build(model.train_embeddings, K, similarities_to, nearest_example, model.probe,
                                     PROBE_STRIDE)
    assert search is not None and not search.enabled


def test_an_onnxruntime_that_cannot_run_the_graph_leaves_the_full_pass(classifier: Any,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import onnxruntime

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("no com.microsoft operators in this build")

    monkeypatch.setattr(onnxruntime, "InferenceSession", refuse)
    assert ExampleSearch.build(classifier.model.train_embeddings, K, similarities_to) is None
