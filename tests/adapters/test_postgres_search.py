"""KB search on PostgreSQL beyond the common contract (tests/contracts/test_search_index.py): the index lives in the
database, so a second replica finds what the first indexed; it is chosen with the postgres store; errors."""

from __future__ import annotations

import pytest

from services import assist
from services.adapters.local.embedder import WordLlamaEmbedder
from services.bootstrap import build_services
from services.config import Settings
from services.errors import ProviderUnavailable
from services.models import Article
from tests.contracts.test_search_index import ARTICLES, article, ids, pgvector_cluster  # noqa: F401 - fixture


@pytest.fixture(scope="module")
def embedder() -> WordLlamaEmbedder:
    return WordLlamaEmbedder()


def _replica(url: str, embedder, request, vectors: str = "array"):
    from services.adapters.postgres.kb_search import PostgresSearchIndex
    from services.adapters.postgres.uow import PostgresDatabase

    database = PostgresDatabase(url, max_size=3)
    request.addfinalizer(database.close)
    return PostgresSearchIndex(Settings(database_url=url), database, embedder, vectors=vectors)


def _counter(url: str) -> int:
    import psycopg

    with psycopg.connect(url) as conn:
        return conn.execute("SELECT value FROM counters WHERE name = 'kb_passages'").fetchone()[0]


def test_a_second_replica_finds_an_article_the_first_indexed_without_indexing_it(postgres_url, embedder, request):
    first, second = _replica(postgres_url, embedder, request), _replica(postgres_url, embedder, request)
    first.index(ARTICLES[:3])
    assert ids(second.search("when will my refund arrive", k=1)) == [3]  # second never called index()
    first.index([*ARTICLES[:3], article(8, "Gift cards", "Gift cards never expire and can be used online.")])
    assert ids(second.search("do gift cards expire", k=1)) == [8]  # its cached vectors were reloaded


def test_reindexing_the_same_articles_from_another_replica_writes_nothing(postgres_url, embedder, request):
    first, second = _replica(postgres_url, embedder, request), _replica(postgres_url, embedder, request)
    first.index(ARTICLES)
    before, passages = _counter(postgres_url), first.passage_count()
    second.index(ARTICLES)
    assert _counter(postgres_url) == before and second.passage_count() == passages
    edited = [a if a.id != 1 else Article(1, a.slug, a.title, a.body + " Shoes must be unworn.", a.category,
                                          a.status, 2, a.updated_at) for a in ARTICLES]
    second.index(edited)
    assert _counter(postgres_url) == before + 1 and first.passage_count() == passages


def test_an_article_approved_through_one_process_is_found_by_another(postgres_url):
    one, two = (build_services(Settings(database_url=postgres_url)) for _ in range(2))
    try:
        assert type(one.get("search")).__name__ == "PostgresSearchIndex"
        with one.uow() as uow:
            uow.articles.add(Article(0, "gift-cards", "Gift cards", "Gift cards never expire and can be spent "
                                     "online or in the app.", "billing", "approved", 1, "2026-11-01T00:00:00Z"))
        assist.ensure_kb_index(one)
        assert [h.title for h in two.search.search("do gift cards expire?", k=1)] == ["Gift cards"]
    finally:
        one.get("store").close()
        two.get("store").close()


def test_the_sqlite_store_keeps_the_in_process_index(tmp_path):
    built = build_services(Settings(db_path=str(tmp_path / "f.db")))
    assert type(built.get("search")).__name__ == "HybridSearchIndex"
    assert built.provider("search") == "local"


def test_keeping_sqlite_with_the_url_set_keeps_the_in_process_index(tmp_path):
    settings = Settings(db_path=str(tmp_path / "f.db"), database_url="postgresql://nobody@127.0.0.1:1/none",
                        providers={"store": "local"})
    assert build_services(settings).provider("search") == "local"


def test_a_lost_server_is_provider_unavailable_not_a_driver_error(postgres_cluster, embedder, request):
    url = postgres_cluster.new_database()
    index = _replica(url, embedder, request)
    index.index(ARTICLES[:2])
    postgres_cluster.drop_database(url)  # WITH (FORCE): the pooled connections are cut
    with pytest.raises(ProviderUnavailable, match="KB search"):
        index.search("tracking my order", k=1)


def test_defect_a_reseeded_database_does_not_break_a_running_pgvector_index(embedder, request):
    """seed --force drops every table (kb_passage_vectors too) while the app's replicas keep their index objects."""
    cluster = request.getfixturevalue("pgvector_cluster")
    url = cluster.new_database()
    request.addfinalizer(lambda: cluster.drop_database(url))
    index = _replica(url, embedder, request, vectors="pgvector")
    index.index(ARTICLES)
    index._database.reset()  # what `python -m services seed --force` does, from another process
    assert index.search("when will my refund arrive", k=1) == []
    index.index(ARTICLES)
    assert ids(index.search("when will my refund arrive", k=1)) == [3]
    assert index.vector_path() == "pgvector"
