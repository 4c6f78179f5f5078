"""KbUsageRepository and the review queue's ArticleRepository methods (assign, submitted), on every backend."""

from __future__ import annotations

import pytest

from services.errors import InvalidInput, NotFound
from services.models import Article, ArticleUsage

PAST, FUTURE = "2000-01-01T00:00:00Z", "2999-01-01T00:00:00Z"


def article(slug: str, status: str = "approved", at: str = "2026-01-01T00:00:00Z") -> Article:
    return Article(0, slug, f"About {slug}", "Body text.", "orders", status, 1, at)


def two_articles(database) -> tuple[int, int]:
    with database() as uow:
        return uow.articles.add(article("returns")).id, uow.articles.add(article("gifts")).id


def test_uses_and_votes_are_counted_per_article_over_a_period(database):
    returns, gifts = two_articles(database)
    with database() as uow:
        assert uow.kb_usage.add_use(returns, "view", "agent", "workspace_kb")
        assert uow.kb_usage.add_use(returns, "view", "sam", "workspace_kb", conversation_id=7)
        assert uow.kb_usage.add_use(returns, "reply", "agent", "reply", conversation_id=7)
        uow.kb_usage.vote(returns, "agent", "conversation:7", True)
        uow.kb_usage.vote(gifts, "agent", "conversation:7", False)
        uow.kb_usage.vote(gifts, "sam", "kb_page", False)
    with database() as uow:
        assert uow.kb_usage.usage(PAST, FUTURE) == [ArticleUsage(returns, 2, 1, 0, 1), ArticleUsage(gifts, 0, 0, 2, 0)]
        assert uow.kb_usage.usage(FUTURE, "3000-01-01T00:00:00Z") == []


def test_a_second_vote_in_the_same_place_replaces_the_first(database):
    returns, gifts = two_articles(database)
    with database() as uow:
        uow.kb_usage.vote(returns, "agent", "conversation:7", True)
        uow.kb_usage.vote(gifts, "agent", "conversation:7", True)
    with database() as uow:
        uow.kb_usage.vote(returns, "agent", "conversation:7", False)
        uow.kb_usage.vote(returns, "agent", "conversation:8", True)
    with database() as uow:
        assert uow.kb_usage.votes_by("agent", "conversation:7") == {returns: False, gifts: True}
        assert uow.kb_usage.votes_by("sam", "conversation:7") == {}
        assert uow.kb_usage.usage(PAST, FUTURE) == [ArticleUsage(returns, 0, 1, 1, 0), ArticleUsage(gifts, 0, 1, 0, 0)]


def test_a_use_within_the_window_is_not_counted_twice(database):
    returns, _ = two_articles(database)
    with database() as uow:
        assert uow.kb_usage.add_use(returns, "view", "agent", unless_since=PAST)
    with database() as uow:
        assert not uow.kb_usage.add_use(returns, "view", "agent", unless_since=PAST)
        assert uow.kb_usage.add_use(returns, "view", "sam", unless_since=PAST)
        assert uow.kb_usage.add_use(returns, "view", "agent", unless_since=FUTURE)  # the earlier one is before it
    with database() as uow:
        assert uow.kb_usage.usage(PAST, FUTURE)[0].views == 3


def test_searches_with_no_good_result_are_grouped_by_query(database):
    with database() as uow:
        assert uow.kb_usage.add_miss("warranty on [EMAIL]", 0.31, "agent", "workspace_kb")
        assert uow.kb_usage.add_miss("warranty on [EMAIL]", 0.42, "sam", "workspace_kb")
        assert uow.kb_usage.add_miss("lost parcel", 0.0, "agent", "workspace_kb")
        assert not uow.kb_usage.add_miss("lost parcel", 0.0, "agent", "workspace_kb", unless_since=PAST)
    with database() as uow:
        misses = uow.kb_usage.misses(PAST, FUTURE)
        assert [(m.query, m.searches, m.best_score) for m in misses] == [
            ("warranty on [EMAIL]", 2, 0.42), ("lost parcel", 1, 0.0)]
        assert misses[0].last_at >= PAST
        assert [m.query for m in uow.kb_usage.misses(PAST, FUTURE, limit=1)] == ["warranty on [EMAIL]"]
        assert uow.kb_usage.misses(FUTURE, "3000-01-01T00:00:00Z") == []


def test_usage_of_an_unknown_article_or_kind_is_refused_and_stores_nothing(database):
    returns, _ = two_articles(database)
    with pytest.raises(NotFound), database() as uow:
        uow.kb_usage.add_use(999, "view", "agent")
    with pytest.raises(NotFound), database() as uow:
        uow.kb_usage.vote(999, "agent", "kb_page", True)
    with pytest.raises(InvalidInput), database() as uow:
        uow.kb_usage.add_use(returns, "share", "agent")
    with database() as uow:
        assert uow.kb_usage.usage(PAST, FUTURE) == []


def test_an_assignment_is_kept_without_a_new_version(database):
    with database() as uow:
        added = uow.articles.add(article("returns", "in_review"))
    with database() as uow:
        assigned = uow.articles.assign(added.id, "lead")
    assert (assigned.assignee, assigned.version) == ("lead", 1)
    with database() as uow:
        assert uow.articles.get(added.id).assignee == "lead"
        assert len(uow.articles.versions(added.id)) == 1
        assert uow.articles.assign(added.id, "").assignee == ""
    with pytest.raises(NotFound), database() as uow:
        uow.articles.assign(999, "lead")


def test_submitted_lists_articles_in_review_with_the_version_that_put_them_there_oldest_first(database):
    with database() as uow:
        late = uow.articles.add(article("late", "draft"), actor="ana")
        uow.articles.add(article("early", "in_review"), actor="bo")
        uow.articles.add(article("done", "approved"))
    with database() as uow:
        uow.articles.update(late.id, "cy", summary="Submitted for review", status="in_review")
    with database() as uow:
        waiting = uow.articles.submitted()
    assert [(a.slug, v.version, v.changed_by, v.summary) for a, v in waiting] == [
        ("early", 1, "bo", "Created"), ("late", 2, "cy", "Submitted for review")]
