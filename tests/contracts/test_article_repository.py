"""ArticleRepository contract, on every backend."""

from __future__ import annotations

from dataclasses import replace

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


def test_tags_owner_and_the_reason_round_trip_and_every_version_keeps_the_whole_article(database):
    draft = Article(0, "pairing", "Pairing earbuds", "Hold the button.", "Audio", "draft", 1,
                    "2026-01-01T00:00:00Z", "de", ("earbuds", "bluetooth pairing"), "editor")
    with database() as uow:
        added = uow.articles.add(draft, actor="editor")
    assert (added.tags, added.owner, added.language, added.note) == (("earbuds", "bluetooth pairing"), "editor",
                                                                      "de", "")
    with database() as uow:
        uow.articles.update(added.id, "editor", summary="Submitted for review", status="in_review")
        uow.articles.update(added.id, "lead", status="rejected", note="Name the model, please.",
                            summary="Rejected")
        uow.articles.update(added.id, "editor", tags=("earbuds",), category="Audio & video", note="")
    with database() as uow:
        versions = uow.articles.versions(added.id)
        assert uow.articles.get(added.id).tags == ("earbuds",)
    assert [(v.version, v.status, v.changed_by, v.summary, v.note) for v in versions] == [
        (1, "draft", "editor", "Created", ""),
        (2, "in_review", "editor", "Submitted for review", ""),
        (3, "rejected", "lead", "Rejected", "Name the model, please."),
        (4, "rejected", "editor", "Edited tags, product area, note", "")]
    assert (versions[0].tags, versions[0].category, versions[0].language) == (("earbuds", "bluetooth pairing"),
                                                                             "Audio", "de")
    assert (versions[3].tags, versions[3].category) == (("earbuds",), "Audio & video")


def test_an_update_from_a_stale_version_is_a_conflict_and_writes_nothing(database):
    with database() as uow:
        added = uow.articles.add(article("returns", "draft"))
    with database() as uow:
        uow.articles.update(added.id, "ana", expected_version=1, body="Ana's text.")
    with pytest.raises(Conflict, match="changed by someone else"), database() as uow:
        uow.articles.update(added.id, "ben", expected_version=1, body="Ben's text.")
    with database() as uow:
        assert uow.articles.get(added.id).body == "Ana's text."
        assert [v.changed_by for v in uow.articles.versions(added.id)] == ["system", "ana"]


def test_an_article_change_rolled_back_leaves_no_version(database):
    with database() as uow:
        added = uow.articles.add(article("returns", "draft"))
    with pytest.raises(RuntimeError), database() as uow:
        uow.articles.update(added.id, "ana", status="in_review")
        raise RuntimeError("the use case failed after the write")
    with database() as uow:
        assert uow.articles.get(added.id).status == "draft"
        assert len(uow.articles.versions(added.id)) == 1


def test_a_translation_names_its_source_and_a_missing_source_stores_nothing(database):
    with database() as uow:
        source = uow.articles.add(article("returns"))
        spanish = uow.articles.add(replace(article("returns-es", "draft"), language="es", source_id=source.id))
    with database() as uow:
        assert uow.articles.get(spanish.id).source_id == source.id
        assert uow.articles.get(source.id).source_id is None
        edited = uow.articles.update(spanish.id, "editor", title="Devoluciones")
    assert edited.source_id == source.id  # the link survives edits
    with pytest.raises(NotFound, match="source article 999"), database() as uow:
        uow.articles.add(replace(article("orphan", "draft"), source_id=999))
    with database() as uow:
        assert [a.slug for a in uow.articles.all()] == ["returns", "returns-es"]
    with pytest.raises(InvalidInput), database() as uow:
        uow.articles.update(spanish.id, "editor", source_id=None)  # the link is set once, by the translation
