"""The knowledge-base editor (issue 17 item 1): articles written, reviewed and versioned through the use cases
(services/knowledge.py), on a real SQLite database; only approved articles reach agents, the assist panel and
suggestions."""

from __future__ import annotations

import pytest

from services import conversations, inbox, kb_lookup, knowledge
from services.bootstrap import build_services
from services.errors import Conflict, InvalidInput, InvalidTransition, NotFound
from services.kb_rules import next_state, state_label
from services.models import ARTICLE_STATES, Article, Customer, ReplyContext, Suggestion, User
from tests.fakes import fake_pipeline
from tests.repos import repos

EDITOR = User(3, "editor", "Jonas Weber", "kb_editor")
LEAD = User(6, "lead", "Mia Chen", "kb_editor")
AGENT = User(1, "agent", "Alex Rivera", "agent")


@pytest.fixture
def svc(settings):
    services = build_services(settings, **fake_pipeline())
    for user in (EDITOR, LEAD, AGENT):
        repos(services).users.add(user.username, user.display_name, user.role, "x")
    return services


def draft(svc, title: str = "Gift wrapping", body: str = "We wrap gifts for £3.\n\nChoose it at checkout.") -> Article:
    return knowledge.create_article(svc, EDITOR, title, body, tags="Gifts, checkout", language="en", area="Orders")


def approved(svc, **kwargs) -> Article:
    article = draft(svc, **kwargs)
    knowledge.submit_article(svc, EDITOR, article.id, 1)
    return knowledge.approve_article(svc, LEAD, article.id, 2)


def agent_finds(svc, query: str = "gift wrapping") -> list[str]:
    return [r.article.title for r in kb_lookup.search_articles(svc, AGENT, query)]


def test_draft_submit_approve_keeps_every_version_with_who_and_what_and_audits_each_step(svc):
    article = draft(svc)
    assert (article.status, article.version, article.owner, article.tags, article.category) == (
        "draft", 1, "editor", ("gifts", "checkout"), "Orders")
    knowledge.submit_article(svc, EDITOR, article.id, 1)
    final = knowledge.approve_article(svc, LEAD, article.id, 2)
    assert (final.status, final.version, final.state_label) == ("approved", 3, "Approved")
    detail = knowledge.article_detail(svc, EDITOR, article.id)
    assert [(v.version, v.state_label, v.changed_by, v.summary) for v in detail.versions] == [
        (1, "Draft", "editor", "Created"), (2, "In review", "editor", "Submitted for review"),
        (3, "Approved", "lead", "Approved")]
    trail = [(e.actor, e.action, e.detail) for e in repos(svc).audit.trail("article", str(article.id))]
    assert trail == [("editor", "article_create", "Gift wrapping"),
                     ("editor", "article_submit", "v2: Draft → In review"),
                     ("lead", "article_approve", "v3: In review → Approved")]


def test_only_an_approved_article_reaches_the_agents_search(svc):
    article = draft(svc)
    assert agent_finds(svc) == []
    knowledge.submit_article(svc, EDITOR, article.id, 1)
    assert agent_finds(svc) == []
    knowledge.approve_article(svc, LEAD, article.id, 2)
    assert agent_finds(svc) == ["Gift wrapping"]
    knowledge.archive_article(svc, EDITOR, article.id, 3)
    assert agent_finds(svc) == []


def test_editing_an_approved_article_withdraws_it_until_it_is_approved_again(svc):
    article = approved(svc)
    unchanged = knowledge.save_article(svc, EDITOR, article.id, 3, title="Gift wrapping",
                                       body=article.body, tags="gifts, checkout", area="Orders")
    assert (unchanged.status, unchanged.version) == ("approved", 3)  # nothing changed: no version, still served
    edited = knowledge.save_article(svc, EDITOR, article.id, 3, title="Gift wrapping",
                                    body="We wrap gifts for £4.", tags="gifts", area="Orders")
    assert (edited.status, edited.version) == ("draft", 4)
    assert knowledge.article_history(svc, EDITOR, article.id)[-1].summary == (
        "Edited body, tags (Approved → Draft)")
    assert agent_finds(svc) == []


@pytest.mark.parametrize(("state", "step"), [("draft", "approve"), ("draft", "reject"), ("in_review", "submit"),
                                             ("approved", "approve"), ("archived", "save"), ("archived", "archive"),
                                             ("rejected", "approve"), ("approved", "restore")])
def test_a_step_the_workflow_does_not_allow_is_refused_in_words_and_stores_nothing(svc, state, step):
    article = repos(svc).articles.add(Article(0, "wrap", "Gift wrapping", "We wrap.", "Orders", state, 1, "t"))
    before = (repos(svc).articles.versions(article.id), repos(svc).audit.entries())
    calls = {"approve": lambda: knowledge.approve_article(svc, LEAD, article.id, 1),
             "reject": lambda: knowledge.reject_article(svc, LEAD, article.id, 1, "too short"),
             "submit": lambda: knowledge.submit_article(svc, EDITOR, article.id, 1),
             "save": lambda: knowledge.save_article(svc, EDITOR, article.id, 1, title="New", body="New body."),
             "archive": lambda: knowledge.archive_article(svc, EDITOR, article.id, 1),
             "restore": lambda: knowledge.restore_article(svc, EDITOR, article.id, 1)}
    with pytest.raises(InvalidTransition, match=f"it is {state_label(state)}") as refused:
        calls[step]()
    assert "_" not in str(refused.value).split(":")[1]  # "In review", never "in_review"
    assert (repos(svc).articles.versions(article.id), repos(svc).audit.entries()) == before


def test_a_rejection_needs_a_reason_which_the_editor_reads_and_a_save_makes_it_a_draft_again(svc):
    article = draft(svc)
    knowledge.submit_article(svc, EDITOR, article.id, 1)
    with pytest.raises(InvalidInput, match="reason is empty"):
        knowledge.reject_article(svc, LEAD, article.id, 2, "   ")
    rejected = knowledge.reject_article(svc, LEAD, article.id, 2, "Say which countries we ship gift wrap to.")
    assert (rejected.state_label, rejected.note) == ("Rejected", "Say which countries we ship gift wrap to.")
    again = knowledge.save_article(svc, EDITOR, article.id, 3, title="Gift wrapping", body="UK and EU only.",
                                   tags="gifts", area="Orders")
    assert (again.status, again.note) == ("draft", "")
    assert knowledge.submit_article(svc, EDITOR, article.id, 4).status == "in_review"


def test_a_save_over_a_newer_version_is_a_conflict_not_a_lost_update(svc):
    article = draft(svc)
    knowledge.save_article(svc, EDITOR, article.id, 1, title="Gift wrapping", body="Lead's text.")
    with pytest.raises(Conflict, match="changed by someone else"):
        knowledge.save_article(svc, LEAD, article.id, 1, title="Gift wrapping", body="My older text.")
    assert repos(svc).articles.get(article.id).body == "Lead's text.\n"


def test_archive_and_restore(svc):
    article = approved(svc)
    archived = knowledge.archive_article(svc, EDITOR, article.id, 3)
    assert archived.state_label == "Archived"
    assert knowledge.restore_article(svc, EDITOR, article.id, 4).status == "draft"


def test_bad_fields_are_refused_before_anything_is_stored(svc):
    for kwargs, message in (({"title": " "}, "title is empty"), ({"body": "\n \n"}, "body is empty"),
                            ({"body": "x" * 100_001}, "body is too long"),
                            ({"tags": "ok, <script>"}, "tag"), ({"language": "english"}, "language"),
                            ({"body": "bidi \u202e trick"}, "text-direction")):
        with pytest.raises(InvalidInput, match=message):
            knowledge.create_article(svc, EDITOR, **{"title": "T", "body": "B", **kwargs})
    assert repos(svc).articles.all() == []
    with pytest.raises(NotFound):
        knowledge.submit_article(svc, EDITOR, 999, 1)


def test_markdown_is_kept_as_written(svc):
    body = "# Steps\n\n1. Open the app\n   - then *Settings*\n\n```\ncode   block\n```\n"
    assert draft(svc, body=body).body == body


def test_the_diff_of_a_version_shows_what_it_changed(svc):
    article = draft(svc)
    knowledge.save_article(svc, EDITOR, article.id, 1, title="Gift wrapping", body="We wrap gifts for £4.\n\n"
                           "Choose it at checkout.", tags="gifts, checkout", area="Orders")
    diff = knowledge.version_diff(svc, EDITOR, article.id, 2).diff
    assert [(d.kind, d.text) for d in diff if d.kind != "same"] == [
        ("removed", "We wrap gifts for £3."), ("added", "We wrap gifts for £4.")]
    first = knowledge.version_diff(svc, EDITOR, article.id, 1).diff
    assert {d.kind for d in first} == {"added"} and first[0].text == "# Gift wrapping"
    with pytest.raises(InvalidInput, match="no version 9"):
        knowledge.version_diff(svc, EDITOR, article.id, 9)


def test_every_state_has_words_and_the_table_reaches_every_state():
    assert [state_label(s) for s in ARTICLE_STATES] == ["Draft", "In review", "Approved", "Rejected", "Archived"]
    assert next_state("in_review", "reject") == "rejected"


class KbReplies:
    """Suggests one reply drawn from each KB hit (source "kb:<id>"), as the local generator does."""

    def suggest(self, context: ReplyContext, k: int = 3) -> list[Suggestion]:
        return [Suggestion(f"See {hit.title}", f"kb:{hit.article_id}", 0.9) for hit in context.kb][:k]


def test_assist_panel_stops_showing_an_article_archived_after_the_analysis(settings):
    """The panel drew the stored analysis: an article archived (or edited back to draft) after the message was
    analysed still showed, with a suggestion quoting it. Now only approved articles reach the panel."""
    svc = build_services(settings, **{**fake_pipeline(), "replies": KbReplies()})
    for user in (EDITOR, LEAD, AGENT):
        repos(svc).users.add(user.username, user.display_name, user.role, "x")
    repos(svc).customers.add(Customer(0, "Dana Reyes", "dana@example.com", "", "gold", 10.0, "2024-01-01", "Leeds"))
    wrap, returns = approved(svc), approved(svc, title="Returns", body="Print the label.")
    conversation, _, _ = inbox.start_conversation(svc, 1, "chat", "Gift", "can you gift wrap?", "agent")
    view = conversations.assist_view(svc, AGENT, conversation.id)
    assert {hit.article_id for hit in view.analysis.kb} == {wrap.id, returns.id}
    knowledge.archive_article(svc, EDITOR, wrap.id, 3)
    view = conversations.assist_view(svc, AGENT, conversation.id)
    assert [hit.article_id for hit in view.analysis.kb] == [returns.id]
    assert [a.id for a in view.articles] == [returns.id]
    assert [s.source for s in view.suggestions] == [f"kb:{returns.id}"]
