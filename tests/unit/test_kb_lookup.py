"""Knowledge-base search for agents (services/kb_lookup.py): approved articles only, with a link to paste."""

from __future__ import annotations

import pytest

from services import kb_lookup
from services.bootstrap import build_services
from services.errors import InvalidInput, PermissionDenied
from services.models import Article, User
from tests.fakes import fake_pipeline
from tests.repos import repos

AGENT = User(1, "agent", "Alex Rivera", "agent")
EDITOR = User(3, "editor", "Eve", "kb_editor")


@pytest.fixture
def svc(settings):
    services = build_services(settings, **fake_pipeline())
    for slug, status in (("returns", "approved"), ("draft-refunds", "draft")):
        repos(services).articles.add(Article(0, slug, slug.title(), f"How {slug} work.", "orders", status, 1, ""))
    return services


def test_an_agent_finds_approved_articles_with_their_help_centre_link(svc):
    results = kb_lookup.search_articles(svc, AGENT, "how do returns work")
    assert [r.article.slug for r in results] == ["returns"]
    assert results[0].link == "https://help.brightwavehome.example/returns"
    assert results[0].article.body == "How returns work."


def test_a_blank_query_finds_nothing_and_a_long_one_is_refused(svc):
    assert kb_lookup.search_articles(svc, AGENT, "   ") == []
    with pytest.raises(InvalidInput):
        kb_lookup.search_articles(svc, AGENT, "x" * 301)


def test_a_role_without_the_workspace_may_not_search(svc):
    with pytest.raises(PermissionDenied):
        kb_lookup.search_articles(svc, EDITOR, "returns")
