"""The SearchIndex contract (services.ports.SearchIndex) on every index: SQLite's in-process FTS5 + wordllama index,
PostgreSQL's with vectors as arrays (no extension; Debian's server), and PostgreSQL's with pgvector (pgserver's
server). Real servers, the real embedder, small articles written here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from services.adapters.local.embedder import WordLlamaEmbedder
from services.config import Settings
from services.models import Article, KbHit

THERMOSTAT_BODY = """## Before you start
Switch off the heating at the fuse box before touching any wires. Keep the old thermostat's wiring photo handy,
because the terminal letters on the Brightwave base plate differ from most older units. You will need a small
screwdriver, the wall plate from the box and about twenty minutes. If your boiler uses a combi setup, have the
boiler manual nearby as well. Most homes only need the two-wire connection described below.

## Wiring the base plate
Connect the red wire to R and the white wire to W1. If there is a green wire, it goes to G for the fan. Do not
connect a blue C wire unless your system has one labelled at the boiler end; leaving it loose is fine for battery
models. Screw the plate to the wall with the arrow pointing up and clip the display on until it clicks. Then
restore power at the fuse box and wait for the display to light up before pairing.

## Pairing with the Brightwave app
Open the Brightwave Home app, tap Add device, choose Thermostat and scan the QR code on the back of the display.
The thermostat joins your 2.4 GHz Wi-Fi network only; 5 GHz networks are not supported. If pairing fails, hold the
dial down for ten seconds to reset it and try again closer to the router. Once paired, set your schedule and the
eco temperature so the heating drops automatically when everybody is out of the house.
"""


def article(id: int, title: str, body: str, status: str = "approved") -> Article:
    return Article(id, f"a-{id}", title, body, "help", status, 1, "2025-01-01T00:00:00Z")


ARTICLES = [
    article(1, "Returning an item", "You can return most items within 30 days of delivery. Start a return from "
            "Your orders, print the prepaid label and drop the parcel at any carrier point. Items must be unused "
            "and in the original box."),
    article(2, "Tracking your order", "Every shipped order gets a tracking number starting with BWT. Open the "
            "link in your dispatch email or enter the number on our tracking page to see where the parcel is."),
    article(3, "When will my refund arrive?", "Refunds go back to the original payment method within 5 to 10 "
            "working days after the warehouse receives your return. Banks can take a few extra days to show it."),
    article(4, "Installing the smart thermostat", THERMOSTAT_BODY),
    article(5, "Resetting your account password", "Forgot your password? Click Sign in, then Forgot password, "
            "and we will email you a reset link that works for one hour."),
    article(6, "Black Friday price match", "We match any lower price seen during Black Friday week on "
            "televisions, kettles and vacuum cleaners.", status="draft"),
]

ODD_QUERIES = ['"unbalanced quote', "AND OR NOT NEAR", "title:refund*", "-refund -return", "🙂🔥📦", "a" * 100_000,
               "' OR 1=1; DROP TABLE kb_passages; --", "\x00nul byte", "<b>&amp;</b> | ! & :* ()", "café naïve ñ",
               "\ud800 lone surrogate", "% _ \\ %s %(x)s"]


@pytest.fixture(scope="module")
def embedder() -> WordLlamaEmbedder:
    return WordLlamaEmbedder()


@pytest.fixture(scope="session")
def pgvector_cluster():
    """A throw-away PostgreSQL 16 server with pgvector (PyPI's pgserver ships both; .ci/run installs it): skipped
    with the reason when it is not installed, a failure under CI=true."""
    from tests.pg_cluster import pgvector_binaries, start_cluster, unavailable

    binaries = pgvector_binaries()
    if binaries is None:
        unavailable("no server with pgvector (pip install --no-deps -r requirements-pgvector.txt: PyPI's pgserver)")
    cluster = start_cluster(binaries)
    yield cluster
    cluster.stop()


def _sqlite(request: pytest.FixtureRequest, embedder: Any, mode: str) -> Any:
    from services.adapters.local.kb_search import HybridSearchIndex

    return HybridSearchIndex(Settings(db_path=str(Path(str(request.node.path)).parent / "unused.db")), embedder, mode)


def _on(url: str, request: pytest.FixtureRequest, embedder: Any, vectors: str, mode: str) -> Any:
    from services.adapters.postgres.kb_search import PostgresSearchIndex
    from services.adapters.postgres.uow import PostgresDatabase

    database = PostgresDatabase(url, max_size=4)
    request.addfinalizer(database.close)
    index = PostgresSearchIndex(Settings(database_url=url), database, embedder, mode, vectors=vectors)
    assert mode == "lexical" or index.vector_path() == vectors
    return index


def _postgres(request: pytest.FixtureRequest, embedder: Any, mode: str) -> Any:
    return _on(request.getfixturevalue("postgres_url"), request, embedder, "array", mode)


def _pgvector(request: pytest.FixtureRequest, embedder: Any, mode: str) -> Any:
    cluster = request.getfixturevalue("pgvector_cluster")
    url = cluster.new_database()
    request.addfinalizer(lambda: cluster.drop_database(url))
    return _on(url, request, embedder, "pgvector", mode)


INDEXES = {"sqlite": _sqlite, "postgres": _postgres, "pgvector": _pgvector}


@pytest.fixture(params=list(INDEXES))
def make_index(request: pytest.FixtureRequest, embedder: Any) -> Any:
    """A factory of fresh, empty indexes of one kind: make_index(mode="hybrid")."""
    return lambda mode="hybrid": INDEXES[request.param](request, embedder, mode)


@pytest.fixture
def index(make_index: Any) -> Any:
    built = make_index()
    built.index(ARTICLES)
    return built


def ids(hits: list[KbHit]) -> list[int]:
    return [hit.article_id for hit in hits]


def test_a_paraphrased_question_finds_the_relevant_article_first(index):
    assert ids(index.search("how long till i get my money back after sending stuff back??", k=3))[0] == 3
    assert ids(index.search("where is my parcel, tracking BWT123456 shows nothing", k=3))[0] == 2
    assert ids(index.search("I forgot my password", k=3))[0] == 5


def test_hits_are_distinct_articles_best_first_with_scores_in_the_unit_range(index):
    hits = index.search("return refund parcel order", k=10)
    assert len(hits) >= 3
    assert len(set(ids(hits))) == len(hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert all(0.0 < h.score <= 1.0 for h in hits)
    assert len(index.search("return refund parcel order", k=2)) == 2


def test_the_snippet_is_the_passage_that_answers_the_question(index):
    hits = index.search("thermostat won't pair with the app on my 5ghz wifi", k=1)
    assert ids(hits) == [4]
    assert "2.4 GHz" in hits[0].snippet and "red wire" not in hits[0].snippet
    assert hits[0].title == "Installing the smart thermostat"
    assert len(hits[0].snippet) <= 330


def test_only_approved_articles_are_ever_returned(index):
    hits = index.search("Black Friday price match on televisions and kettles", k=10)
    assert 6 not in ids(hits)


def test_off_topic_text_scores_well_below_a_real_question(index):
    real = index.search("how do I return an item I bought", k=1)[0].score
    off = index.search("lol ok what's the weather in leeds tomorrow", k=1)
    assert real >= 0.5
    assert not off or off[0].score < real - 0.15


def test_reindexing_replaces_the_previous_articles(index):
    changed = article(2, "Tracking your order", "Parcels ship with Royal Mail; the courier's text message has a "
                      "link to follow the delivery van live on a map.")
    index.index([ARTICLES[0], changed, article(7, "Gift cards", "Gift cards never expire and can be used online.")])
    assert 3 not in ids(index.search("when will my refund arrive", k=10))
    assert ids(index.search("follow the delivery van live on a map", k=1)) == [2]
    assert ids(index.search("do gift cards expire", k=1)) == [7]
    index.index([])
    assert index.search("gift cards", k=3) == []


def test_an_article_withdrawn_from_approval_is_no_longer_found(index):
    withdrawn = [a if a.id != 5 else article(5, a.title, a.body, status="archived") for a in ARTICLES]
    index.index(withdrawn)
    assert 5 not in ids(index.search("forgot my password reset link", k=10))


@pytest.mark.parametrize("query", ["", "   ", "\n\t"])
def test_a_blank_query_returns_nothing(index, query):
    assert index.search(query, k=3) == []
    assert index.search("refund", k=0) == []


@pytest.mark.parametrize("query", ODD_QUERIES, ids=range(len(ODD_QUERIES)))
def test_any_user_text_is_accepted(index, query):
    hits = index.search(query, k=3)
    assert all(isinstance(h, KbHit) and 0.0 < h.score <= 1.0 for h in hits)


def test_an_empty_index_finds_nothing(make_index):
    empty = make_index()
    assert empty.search("refund", k=3) == []
    empty.index([ARTICLES[5]])  # a draft only
    assert empty.search("Black Friday", k=3) == []


@pytest.mark.parametrize("mode", ["lexical", "semantic"])
def test_single_sided_modes_still_find_an_obvious_match(make_index, mode):
    index = make_index(mode)
    index.index(ARTICLES)
    hits = index.search("reset my account password", k=3)
    assert ids(hits)[0] == 5 and all(0.0 < h.score <= 1.0 for h in hits)


def test_a_hit_carries_its_passage_with_the_query_words_marked(index):
    hit = index.search("refunds to my card arriving late", k=1)[0]
    assert hit.article_id == 3 and hit.passage.startswith("Refunds go back to the original payment method")
    marked = [hit.passage[start:end] for start, end in hit.highlights]
    assert marked == ["Refunds"]  # "to", "my" are stop words; "card", "arriving", "late" are not in it
    assert index.search("installing thermostat wires", k=1)[0].highlights  # another passage, other words
    spans = index.search("thermostat wiring wire", k=1)[0].highlights
    assert all(a < b <= c for (a, b), (c, _) in zip(spans, spans[1:], strict=False))  # in order, no overlap
