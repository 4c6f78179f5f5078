"""Knowledge-base usage (issue 17 item 8) through the use cases on a real SQLite database: views, votes, searches with
no good result (masked), articles used in sent replies, and the editors' report over a period (audited)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from services import conversations, inbox, kb_lookup, kb_usage, knowledge
from services.bootstrap import build_services
from services.errors import InvalidInput, PermissionDenied
from services.models import Article, Customer, ReplyContext, Suggestion, User
from tests.fakes import fake_pipeline
from tests.repos import repos

EDITOR = User(3, "editor", "Jonas Weber", "kb_editor")
LEAD = User(6, "lead", "Mia Chen", "kb_editor")
AGENT = User(1, "agent", "Alex Rivera", "agent")
SUPERVISOR = User(2, "supervisor", "Priya Shah", "supervisor")


def today() -> date:
    """Read when a test runs, not when the module is collected: a run that crosses midnight UTC records its events
    on the new day (the whole suite started at 23:56 failed five tests here when this was a module constant)."""
    return datetime.now(UTC).date()


class KbReplies:
    """One reply drawn from each KB hit (source "kb:<id>"), as the local generator does."""

    def suggest(self, context: ReplyContext, k: int = 3) -> list[Suggestion]:
        return [Suggestion(f"See {hit.title}", f"kb:{hit.article_id}", 0.9) for hit in context.kb][:k]


@pytest.fixture
def svc(settings):
    services = build_services(settings, **{**fake_pipeline(), "replies": KbReplies()})
    for user in (EDITOR, LEAD, AGENT, SUPERVISOR):
        repos(services).users.add(user.username, user.display_name, user.role, "x")
    repos(services).customers.add(Customer(0, "Dana Reyes", "dana@example.com", "", "gold", 10.0, "2024-01-01",
                                           "Leeds"))
    return services


def published(svc, title: str = "Gift wrapping", body: str = "We wrap gifts for £3.\n") -> Article:
    article = knowledge.create_article(svc, EDITOR, title, body)
    knowledge.submit_article(svc, EDITOR, article.id, 1)
    return knowledge.approve_article(svc, LEAD, article.id, 2)


def report(svc, user: User = EDITOR, since: date | None = None, until: date | None = None):
    return kb_usage.usage_report(svc, user, since or today(), until or today())


def counts(svc) -> dict[str, tuple[int, int, int, int]]:
    return {r.title: (r.views, r.helpful, r.not_helpful, r.used_in_replies) for r in report(svc).articles}


def test_an_agent_votes_an_article_helpful_and_the_editor_sees_it_in_the_usage_report(svc):
    wrap, returns = published(svc), published(svc, "Returns", "Print the label.\n")
    assert kb_usage.record_view(svc, AGENT, wrap.id, "workspace_kb", conversation_id=4)
    kb_usage.vote(svc, AGENT, wrap.id, True, conversation_id=4)
    kb_usage.vote(svc, AGENT, returns.id, True, conversation_id=4)
    kb_usage.vote(svc, AGENT, returns.id, False, conversation_id=4)  # changed their mind: one vote, not helpful
    assert kb_usage.my_votes(svc, AGENT, 4) == {wrap.id: True, returns.id: False}
    assert kb_usage.my_votes(svc, AGENT) == {}
    assert counts(svc) == {"Gift wrapping": (1, 1, 0, 0), "Returns": (0, 0, 1, 0)}


def test_opening_the_same_article_again_soon_is_one_view_and_an_editor_opening_it_counts(svc):
    wrap = published(svc)
    assert kb_usage.record_view(svc, AGENT, wrap.id)
    assert not kb_usage.record_view(svc, AGENT, wrap.id)  # the page drawn again: the same view
    knowledge.article_detail(svc, EDITOR, wrap.id)
    knowledge.article_detail(svc, EDITOR, wrap.id)
    knowledge.version_diff(svc, EDITOR, wrap.id, 1)
    assert counts(svc)["Gift wrapping"][0] == 2


def test_an_agent_cannot_view_or_vote_an_unpublished_article_and_a_vote_is_a_boolean(svc):
    draft = knowledge.create_article(svc, EDITOR, "Secret plans", "Not yet.\n")
    for call in (lambda: kb_usage.record_view(svc, AGENT, draft.id),
                 lambda: kb_usage.vote(svc, AGENT, draft.id, True)):
        with pytest.raises(InvalidInput, match="not published"):
            call()
    wrap = published(svc)
    for bad in ("yes", 1, None):
        with pytest.raises(InvalidInput, match="helpful"):
            kb_usage.vote(svc, AGENT, wrap.id, bad)
    with pytest.raises(InvalidInput, match="source"):
        kb_usage.record_view(svc, AGENT, wrap.id, "elsewhere")
    with pytest.raises(PermissionDenied):
        kb_usage.vote(svc, SUPERVISOR, wrap.id, True)
    assert report(svc).articles == ()


def test_a_search_with_no_good_result_is_kept_masked_once_per_agent_and_query(svc):
    assert kb_lookup.search_articles(svc, AGENT, "warranty for dana@example.com") == []  # nothing approved yet
    kb_lookup.search_articles(svc, AGENT, "warranty for dana@example.com")  # the fragment drawn again
    kb_lookup.search_articles(svc, AGENT, "   ")
    published(svc)
    assert kb_lookup.search_articles(svc, AGENT, "gift wrap")  # the fake search scores 0.8: a good answer
    misses = report(svc).misses
    assert [(m.query, m.searches, m.best_score) for m in misses] == [("warranty for [EMAIL]", 1, 0.0)]


def test_a_reply_from_an_article_suggestion_or_with_its_link_counts_as_a_use(svc):
    wrap, returns = published(svc), published(svc, "Returns", "Print the label.\n")
    conversation, _, _ = inbox.start_conversation(svc, 1, "chat", "Gift", "can you gift wrap?", "agent")
    view = conversations.assist_view(svc, AGENT, conversation.id)
    from_wrap = next(s for s in view.suggestions if s.source == f"kb:{wrap.id}")
    link = f"{svc.settings.help_centre_url}/{returns.slug}"
    conversations.send_reply(svc, AGENT, conversation.id, f"We can! Returns: {link}", suggestion_id=from_wrap.id)
    conversations.send_reply(svc, AGENT, conversation.id, "Anything else?")
    assert counts(svc) == {"Gift wrapping": (0, 0, 0, 1), "Returns": (0, 0, 0, 1)}
    assert kb_usage.articles_in_reply(f"see {link} and {link}", {returns.slug: returns.id},
                                      svc.settings.help_centre_url, "library:x/1") == [returns.id]


def test_the_report_covers_the_chosen_days_is_audited_and_refuses_a_bad_period(svc):
    wrap = published(svc)
    kb_usage.record_view(svc, AGENT, wrap.id)
    day = today()
    yesterday = day - timedelta(days=1)
    assert report(svc, since=yesterday, until=yesterday).articles == ()
    assert [r.views for r in report(svc, since=yesterday).articles] == [1]
    assert repos(svc).audit.entries(1)[0].action == "kb_usage_read"
    for since, until, reason in ((day, yesterday, "ends before"), ("last week", day, "must be a date"),
                                 (day - timedelta(days=400), day, "at most")):
        with pytest.raises(InvalidInput, match=reason):
            kb_usage.usage_report(svc, EDITOR, since, until)
    with pytest.raises(PermissionDenied):
        kb_usage.usage_report(svc, AGENT, day, day)
