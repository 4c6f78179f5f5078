"""ArticleRepository contract, on every backend."""

from __future__ import annotations

import pytest

from services.errors import Conflict, InvalidInput, NotFound
from services.models import Article


def article(slug: str, status: str = "approved") -> Article:
    return Article(0, slug, f"About {slug}", "Body text.", "orders", status, 1, "2026-01-01T00:00:00Z")


def test_an_article_starts_at_version_one_and_each_update_adds_a_version(database):
    with database() as uow:
        added = uow.articles.add(article("returns"))
    with database() as uow:
        updated = uow.articles.update(added.id, "editor", title="Returns, refreshed", status="in_review")
    assert (updated.version, updated.title, updated.status) == (2, "Returns, refreshed", "in_review")
    with database() as uow:
        assert uow.articles.get(added.id) == updated
        versions = uow.articles.versions(added.id)
    assert [(v.version, v.title, v.changed_by) for v in versions] == [
        (1, "About returns", "seed"), (2, "Returns, refreshed", "editor")]


def test_articles_are_listed_by_id_and_filtered_by_status(database):
    with database() as uow:
        a = uow.articles.add(article("a"))
        uow.articles.add(article("b", "draft"))
        c = uow.articles.add(article("c"))
    with database() as uow:
        assert [x.slug for x in uow.articles.all()] == ["a", "b", "c"]
        assert uow.articles.all(status="approved") == [a, c]


def test_bad_article_writes_are_refused(database):
    with database() as uow:
        added = uow.articles.add(article("a"))
    with pytest.raises(Conflict), database() as uow:
        uow.articles.add(article("a"))
    with pytest.raises(InvalidInput, match="slug"), database() as uow:
        uow.articles.update(added.id, "editor", slug="b")
    with database() as uow:
        with pytest.raises(NotFound):
            uow.articles.get(999)
        with pytest.raises(NotFound):
            uow.articles.update(999, "editor", title="x")
        assert uow.articles.versions(999) == []
