"""ArticleRepository's draft records (what a drafted article was drafted from), on every backend."""

from __future__ import annotations

import pytest

from services.errors import Conflict, NotFound
from services.models import Article, ArticleDraft, DraftRecord, DraftSection, DraftSentence, DraftSource


def record(article_id: int, at: str = "2026-11-30T10:00:00Z", topic: str = "assembly service") -> DraftRecord:
    sources = (DraftSource("question", "question 1", "Do you put the wardrobe together? ¿Sí?"),
               DraftSource("reply", "reply in conversation 7", "Our two-person team assembles it for £45."),
               DraftSource("article", "article 3", "Delivery options\n\nWe deliver on weekdays."))
    sections = (DraftSection("Overview", (DraftSentence("Our two-person team assembles it for £45.", 1),)),
                DraftSection("Related articles", (DraftSentence("Delivery options", 2),)))
    return DraftRecord(article_id, topic, "local", "editor", at, sources,
                       ArticleDraft("Assembly service", sections, "local"))


def _article(database, slug: str) -> Article:
    with database() as uow:
        return uow.articles.add(Article(0, slug, "Assembly", "Body.", "General", "in_review", 1,
                                        "2026-11-30T10:00:00Z"))


def test_a_draft_record_round_trips_whole_and_is_listed_newest_first(database):
    first, second = _article(database, "first"), _article(database, "second")
    with database() as uow:
        uow.articles.add_draft_record(record(first.id))
        uow.articles.add_draft_record(record(second.id, at="2026-12-01T10:00:00Z", topic="second topic"))
    with database() as uow:
        assert uow.articles.draft_record(first.id) == record(first.id)
        assert [r.article_id for r in uow.articles.draft_records()] == [second.id, first.id]
        assert [r.topic for r in uow.articles.draft_records(limit=1)] == ["second topic"]
        assert uow.articles.draft_record(999) is None


def test_a_second_record_or_one_for_a_missing_article_is_refused_and_nothing_is_kept(database):
    added = _article(database, "only")
    with database() as uow:
        uow.articles.add_draft_record(record(added.id))
    with pytest.raises(Conflict), database() as uow:
        uow.articles.add_draft_record(record(added.id, topic="again"))
    with pytest.raises(NotFound), database() as uow:
        uow.articles.add_draft_record(record(999))
    with database() as uow:
        assert [r.topic for r in uow.articles.draft_records()] == ["assembly service"]


def test_a_record_written_in_a_unit_of_work_that_fails_is_not_kept(database):
    added = _article(database, "rolled-back")
    with pytest.raises(RuntimeError), database() as uow:
        uow.articles.add_draft_record(record(added.id))
        raise RuntimeError("the drafter's article could not be stored")
    with database() as uow:
        assert uow.articles.draft_record(added.id) is None
