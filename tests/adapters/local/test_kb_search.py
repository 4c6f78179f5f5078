"""HybridSearchIndex on real SQLite FTS5 and the real wordllama embedder, over small articles written here."""

from __future__ import annotations

import json
import threading

import pytest

from services.adapters.local.embedder import WordLlamaEmbedder, embedder_identity
from services.adapters.local.kb_search import (
    PASSAGE_MAX_WORDS,
    HybridSearchIndex,
    split_passages,
)
from services.bootstrap import build_services
from services.errors import ConfigError
from services.models import Article
from tests.repos import repos

THERMOSTAT_BODY = """## Before you start
Switch off the heating at the fuse box before touching any wires. Keep the old thermostat's wiring photo handy,
because the terminal letters on the Brightwave Nest-style base plate differ from most older units. You will need
a small screwdriver, the wall plate from the box and about twenty minutes. If your boiler uses a combi setup,
have the boiler manual nearby as well. Most homes only need the two-wire connection described below.

## Wiring the base plate
Connect the red wire to R and the white wire to W1. If there is a green wire, it goes to G for the fan. Do not
connect a blue C wire unless your system has one labelled at the boiler end; leaving it loose is fine for
battery models. Screw the plate to the wall with the arrow pointing up and clip the display on until it clicks.
Then restore power at the fuse box and wait for the display to light up before pairing.

## Pairing with the Brightwave app
Open the Brightwave Home app, tap Add device, choose Thermostat and scan the QR code on the back of the display.
The thermostat joins your 2.4 GHz Wi-Fi network only; 5 GHz networks are not supported. If pairing fails, hold
the dial down for ten seconds to reset it and try again closer to the router. Once paired, set your schedule
and the eco temperature so the heating drops automatically when everybody is out of the house.
"""


def _article(id: int, title: str, body: str, status: str = "approved") -> Article:
    return Article(id, f"a-{id}", title, body, "help", status, 1, "2025-01-01T00:00:00Z")


ARTICLES = [
    _article(1, "Returning an item", "You can return most items within 30 days of delivery. Start a return from "
             "Your orders, print the prepaid label and drop the parcel at any carrier point. Items must be unused "
             "and in the original box."),
    _article(2, "Tracking your order", "Every shipped order gets a tracking number starting with BWT. Open the "
             "link in your dispatch email or enter the number on our tracking page to see where the parcel is."),
    _article(3, "When will my refund arrive?", "Refunds go back to the original payment method within 5 to 10 "
             "working days after the warehouse receives your return. Banks can take a few extra days to show it."),
    _article(4, "Installing the smart thermostat", THERMOSTAT_BODY),
    _article(5, "Resetting your account password", "Forgot your password? Click Sign in, then Forgot password, "
             "and we will email you a reset link that works for one hour."),
    _article(6, "Black Friday price match (draft)", "We match any lower price seen during Black Friday week.",
             status="draft"),
]


@pytest.fixture(scope="module")
def embedder() -> WordLlamaEmbedder:
    return WordLlamaEmbedder()


@pytest.fixture
def index(settings, embedder) -> HybridSearchIndex:
    search = HybridSearchIndex(settings, embedder)
    search.index(ARTICLES)
    return search


def test_paraphrased_question_finds_the_matching_article(index):
    hits = index.search("how long till i get my money back after sending stuff back??", k=3)
    assert hits[0].article_id == 3


def test_keyword_query_with_a_tracking_code_finds_the_tracking_article(index):
    assert index.search("BWT204918337 where is it", k=1)[0].article_id == 2


def test_hits_are_distinct_articles_best_first_with_scores_in_unit_range(index):
    hits = index.search("return the kettle I bought", k=5)
    assert len(hits) <= 5
    assert len({h.article_id for h in hits}) == len(hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert all(0.0 < h.score <= 1.0 for h in hits)


def test_snippet_is_the_passage_that_answers_the_question(index):
    hit = index.search("thermostat won't pair with my 5ghz wifi", k=1)[0]
    assert hit.article_id == 4
    assert "Wi-Fi" in hit.snippet
    assert "fuse box before touching" not in hit.snippet


def test_off_topic_text_scores_well_below_a_real_question(index):
    on_topic = index.search("how do i reset my password", k=1)[0].score
    off_topic = index.search("lol my cat just knocked a plant off the windowsill 😂", k=1)
    assert off_topic == [] or off_topic[0].score < on_topic - 0.2


def test_draft_articles_are_never_returned(index):
    hits = index.search("Black Friday price match", k=10)
    assert 6 not in {h.article_id for h in hits}


@pytest.mark.parametrize("query", [
    '"unbalanced quote', "return AND OR NOT", "NEAR(refund tracking)", "title:refund", "refund*", "^start",
    "(((", "💔💔🔥", "-- DROP TABLE passages; --", "réfund remboursement", "@brightwave_help #fail https://x.co/a?b=1",
    "refund " * 20_000,
])
def test_any_user_text_is_accepted(index, query):
    hits = index.search(query, k=3)
    assert all(0.0 <= h.score <= 1.0 for h in hits)


def test_blank_query_returns_nothing(index):
    assert index.search("   \n", k=3) == []


def test_reindex_replaces_the_previous_articles(index):
    index.index([_article(9, "Gift cards", "Gift cards never expire and can be used on any order.")])
    assert {h.article_id for h in index.search("return an item", k=5)} <= {9}
    assert index.search("do gift cards expire", k=1)[0].article_id == 9


def test_is_empty_until_approved_articles_are_indexed(settings, embedder):
    search = HybridSearchIndex(settings, embedder)
    assert search.is_empty() and search.search("refund") == []
    search.index([ARTICLES[5]])
    assert search.is_empty()
    search.index(ARTICLES[:1])
    assert not search.is_empty()


def test_searches_during_reindexing_never_fail(index):
    errors: list[Exception] = []

    def searcher() -> None:
        try:
            for _ in range(200):
                index.search("refund for my return", k=3)
        except Exception as e:  # noqa: BLE001 - collected and asserted below
            errors.append(e)

    threads = [threading.Thread(target=searcher) for _ in range(3)]
    for thread in threads:
        thread.start()
    for _ in range(20):
        index.index(ARTICLES)
    for thread in threads:
        thread.join()
    assert errors == []


@pytest.mark.parametrize("mode", ["lexical", "semantic"])
def test_single_sided_modes_still_find_an_obvious_match(settings, embedder, mode):
    search = HybridSearchIndex(settings, embedder, mode=mode)
    search.index(ARTICLES)
    assert search.search("reset password link", k=1)[0].article_id == 5


def test_unknown_mode_is_a_config_error(settings, embedder):
    with pytest.raises(ConfigError, match="hybrid"):
        HybridSearchIndex(settings, embedder, mode="fuzzy")


def test_long_articles_split_into_bounded_passages():
    passages = split_passages(THERMOSTAT_BODY * 3)
    assert len(passages) >= 3
    assert all(len(p.split()) <= PASSAGE_MAX_WORDS for p in passages)
    assert not any("##" in p for p in passages)


def test_short_article_is_one_passage():
    assert split_passages("Short **answer** with a [link](https://example.com).") == ["Short answer with a link."]


def test_services_search_is_the_hybrid_index(services):
    search = services.search
    search.index(ARTICLES)
    assert isinstance(search, HybridSearchIndex)
    assert search.search("print a returns label", k=1)[0].article_id == 1


def test_kb_search_command_prints_json_hits_from_the_store(tmp_path, monkeypatch, capsys):
    from services.cli import main
    from services.config import load_settings

    monkeypatch.setenv("FRONTLINE_DB_PATH", str(tmp_path / "cli.db"))
    store = repos(build_services(load_settings()))
    for article in ARTICLES:
        store.articles.add(article)
    assert main(["kb-search", "where is my refund", "--k", "2"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert len(hits) == 2
    assert hits[0]["title"] == "When will my refund arrive?"
    assert set(hits[0]) == {"article_id", "title", "score", "snippet", "passage", "highlights"}
    assert [hits[0]["passage"][a:b].lower() for a, b in hits[0]["highlights"]] == ["refunds"]


def test_defect_a_snippet_does_not_repeat_its_articles_title():
    body = "# When will I get my refund?\n\n## Timeline\nWe process the refund within 2 business days."
    assert split_passages(body, "When will I get my refund?") == [
        "Timeline: We process the refund within 2 business days."]
    assert split_passages(body)[0].startswith("When will I get my refund?")  # without the title nothing is dropped
    assert split_passages("# Refund timeline\n\nSoon.", "When will I get my refund?")[0].startswith("Refund timeline")


QUERIES = ["how long till i get my money back", "thermostat won't pair with my 5ghz wifi", "forgot my password",
           "where is my parcel BWT123", "return the kettle I bought"]


def test_the_hnsw_graph_finds_what_the_exact_cosine_finds_and_follows_every_change(settings, embedder, monkeypatch):
    """Above ANN_MIN_ROWS passages the vector side comes from usearch's graph, updated in place: same answers."""
    from services.adapters.local import kb_search

    exact = HybridSearchIndex(settings, embedder)
    exact.index(ARTICLES)
    monkeypatch.setattr(kb_search, "ANN_MIN_ROWS", 1)
    graph = HybridSearchIndex(settings, embedder)
    graph.index(ARTICLES)  # a new graph is built on a background thread; searches meanwhile are exact
    assert graph.wait_until_ready(60)
    assert graph._nearest._graph is not None and len(graph._nearest._graph) == 2 * graph.passage_count()
    for query in QUERIES:
        assert [h.article_id for h in graph.search(query, 3)] == [h.article_id for h in exact.search(query, 3)]
    changed = _article(2, "Tracking your order", "Parcels ship with Royal Mail; follow the delivery van live on a map.")
    graph.index([a for a in ARTICLES if a.id not in (2, 3)] + [changed])  # a few passages: updated in place
    assert graph.wait_until_ready(0) and graph._nearest._graph is not None
    assert 3 not in {h.article_id for h in graph.search("when will my refund arrive", 10)}
    assert graph.search("follow the delivery van on a map", 1)[0].article_id == 2
    assert len(graph._nearest._graph) == 2 * graph.passage_count()


def test_two_indexes_on_one_sqlite_file_share_the_passages_and_embed_each_article_once(tmp_path, embedder):
    from services.adapters.local.sqlite_uow import SqliteDatabase
    from services.config import Settings

    path = tmp_path / "shared.db"
    SqliteDatabase(path)
    asked: list[str] = []

    class Counting:
        name, dim, identity = embedder.name, embedder.dim, embedder_identity(embedder)

        def embed(self, texts):
            asked.extend(texts)
            return embedder.embed(texts)

    writer = HybridSearchIndex(Settings(db_path=str(path)), embedder, database=path)
    reader = HybridSearchIndex(Settings(db_path=str(path)), Counting(), database=path)
    writer.index(ARTICLES)
    assert reader.search("forgot my password", 1)[0].article_id == 5
    reader.index(ARTICLES)  # what ensure_kb_index does in the second process: nothing left to embed
    assert asked == ["forgot my password"]
    writer.index([a for a in ARTICLES if a.id != 5])  # withdrawn by the other process
    assert 5 not in {h.article_id for h in reader.search("forgot my password reset link", 10)}
    assert asked == ["forgot my password", "forgot my password reset link"]


def test_a_word_and_its_inflections_are_marked_but_not_stop_words(index):
    hit = index.search("returning items", k=1)[0]
    marked = {hit.passage[a:b].lower() for a, b in hit.highlights}
    assert marked and marked <= {"return", "returns", "returning", "returned", "item", "items"}


def test_a_locked_database_is_a_provider_unavailable_and_nothing_is_half_written(tmp_path, embedder, monkeypatch):
    import sqlite3

    from services.adapters.local import sqlite_uow
    from services.config import Settings
    from services.errors import ProviderUnavailable

    monkeypatch.setattr(sqlite_uow, "BUSY_TIMEOUT_MS", 50)
    path = tmp_path / "locked.db"
    sqlite_uow.SqliteDatabase(path)
    index = HybridSearchIndex(Settings(db_path=str(path)), embedder, database=path)
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # another process is writing
    with pytest.raises(ProviderUnavailable, match="busy"):
        index.index(ARTICLES)
    blocker.execute("ROLLBACK")
    assert index.passage_count() == 0
    index.index(ARTICLES)
    assert index.search("forgot my password", 1)[0].article_id == 5


def test_a_large_change_rebuilds_the_graph_in_the_background_and_searches_stay_right_meanwhile(settings, embedder,
                                                                                                monkeypatch):
    from services.adapters.local import kb_search

    monkeypatch.setattr(kb_search, "ANN_MIN_ROWS", 1)
    monkeypatch.setattr(kb_search, "BACKGROUND_ROWS", 0)  # every change counts as large
    index = HybridSearchIndex(settings, embedder)
    index.index(ARTICLES)
    assert index.search("forgot my password", 1)[0].article_id == 5  # exact while (or after) the graph is built
    assert index.wait_until_ready(60)
    index.index([a for a in ARTICLES if a.id != 5])
    assert 5 not in {h.article_id for h in index.search("forgot my password reset link", 10)}
    assert index.wait_until_ready(60)
    assert len(index._nearest._graph) == 2 * index.passage_count()
    assert 5 not in {h.article_id for h in index.search("forgot my password reset link", 10)}


def test_highlights_from_the_remembered_query_stems_are_the_ones_computed_afresh():
    """A search reads its query's stems once for BM25 and once per hit; they are remembered per query, and the marks
    must be what the stems of that very query give, whatever was asked before."""
    import re

    from services.adapters.local.kb_search import highlight, query_stems, query_terms, stems

    passage = "Refunds: we refund the card you paid with. REFUNDED orders show in Orders; re-fund_me is not a word."
    for query in ["refund my card", "where are my orders?", "", "the and of", "refund my card"]:
        assert query_stems(query) == tuple(stems(query_terms(query)))
        wanted = set(stems(query_terms(query)))
        words = [m for m in re.finditer(r"[^\W_]+", passage)]
        expected = tuple(m.span() for m, stem in zip(words, stems([m.group() for m in words]), strict=True)
                         if stem in wanted)
        assert highlight(passage, query) == expected
    assert [passage[a:b] for a, b in highlight(passage, "refund")] == ["Refunds", "refund", "REFUNDED"]


def test_an_embedder_changed_under_the_same_name_re_embeds_the_passages(tmp_path, embedder):
    from services.adapters.local.sqlite_uow import SqliteDatabase
    from services.config import Settings

    path = tmp_path / "shared.db"
    SqliteDatabase(path)
    asked: list[str] = []

    class Changed:  # the same name, other vectors (e.g. a new release of the encoder's code)
        name, dim, identity = embedder.name, embedder.dim, embedder_identity(embedder) + "|changed"

        def embed(self, texts):
            asked.extend(texts)
            return embedder.embed([t[::-1] for t in texts])

    HybridSearchIndex(Settings(db_path=str(path)), embedder, database=path).index(ARTICLES)
    HybridSearchIndex(Settings(db_path=str(path)), Changed(), database=path).index(ARTICLES)
    assert any("Forgot your password" in text for text in asked)  # not served the old vectors
