"""Drafting an article from a gap (issue 17 item 5) through the use case, on a real SQLite database: the draft is
In review, owned by the editor, every sentence traceable to a masked source kept beside it; what a drafter cannot
trace is dropped; a draft with nothing to quote stores nothing."""

from __future__ import annotations

import pytest

from services import conversations, inbox, kb_drafting, knowledge
from services.bootstrap import build_services
from services.errors import InvalidInput, NotFound, PermissionDenied
from services.models import ArticleDraft, Customer, DraftRequest, DraftSection, DraftSentence, User
from tests.fakes import fake_pipeline
from tests.repos import repos

EDITOR = User(3, "editor", "Jonas Weber", "kb_editor")
AGENT = User(1, "agent", "Alex Rivera", "agent")
REVIEWER = User(6, "lead", "Mara Lind", "kb_editor")  # four eyes: approves what EDITOR changed
REPLIES = ("Hi Ada, yes we do. Our fitter mounts TVs up to 65 inches on the wall for £79. Go to Your orders and "
         "select Add a service to book a slot. If the wall is unsuitable, the visit is free.",
         "Thanks Ada! The fitter brings the tools and takes the old bracket away. Plasterboard walls need the "
         "heavy-duty fixings kit, which costs £12.")


class Inventing:
    """A drafter that traces one sentence, invents one and names a source that does not exist."""

    provider = "local"

    def __init__(self) -> None:
        self.requests: list[DraftRequest] = []

    def draft(self, request: DraftRequest) -> ArticleDraft:
        self.requests.append(request)
        reply = next(i for i, s in enumerate(request.sources) if s.kind == "reply")
        return ArticleDraft("Wall mounting", (DraftSection("Overview", (
            DraftSentence("Our fitter mounts TVs up to 65 inches on the wall for £79.", reply),
            DraftSentence("Mounting is free on Sundays.", reply),
            DraftSentence("Our fitter mounts TVs up to 65 inches on the wall for £79.", 99))),), "local")


@pytest.fixture
def svc(settings):
    services = build_services(settings, **fake_pipeline())
    for user in (EDITOR, AGENT, REVIEWER):
        repos(services).users.add(user.username, user.display_name, user.role, "x")
    repos(services).customers.add(Customer(0, "Ada Lovelace", "ada@example.com", "", "gold", 10.0, "2024-01-01",
                                           "Leeds"))
    return services


def gap(svc, *questions: str) -> list[int]:
    ids = []
    for n, question in enumerate(questions):
        conversation, _, _ = inbox.start_conversation(svc, 1, "chat", "Mounting", question, AGENT.username)
        conversations.send_reply(svc, AGENT, conversation.id, REPLIES[n % 2])
        conversations.resolve(svc, AGENT, conversation.id, "answered")
        ids.append(conversation.id)
    return ids


def test_a_draft_is_in_review_owned_by_the_editor_and_every_sentence_is_quoted_from_a_masked_source(svc):
    ids = gap(svc, "do you mount TVs on the wall? mail me at ada@example.com", "can someone put my tv on the wall")

    article = kb_drafting.draft_from_gap(svc, EDITOR, ids, "wall mounting")

    assert (article.status, article.state_label, article.owner, article.version) == (
        "in_review", "In review", "editor", 2)
    assert "£79" in article.body and "## Steps" in article.body and "## FAQ" in article.body
    record = kb_drafting.draft_provenance(svc, EDITOR, article.id)
    assert record is not None and record.provider == "local" and record.created_by == "editor"
    sentences = [s for section in record.draft.sections for s in section.sentences]
    assert sentences and all(s.text in record.sources[s.source].text for s in sentences)
    assert {s.kind for s in record.sources} == {"question", "reply"}
    assert "ada@example.com" not in repr(record) and "ada@example.com" not in article.body
    assert "Ada" not in " ".join(s.text for s in record.sources if s.kind == "reply"), "the agent's greeting masked"
    assert [v.summary for v in repos(svc).articles.versions(article.id)] == [
        "Drafted from a gap (local drafter)", "Submitted for review"]
    actions = [e.action for e in repos(svc).audit.entries(5, actor="editor")]
    assert actions[:3] == ["view_draft_sources", "article_draft", "read_gap_sources"]
    assert [d.article.id for d in kb_drafting.drafted_articles(svc, EDITOR)] == [article.id]


def test_an_approved_draft_serves_agents_and_the_editor_can_edit_it_first(svc):
    article = kb_drafting.draft_from_gap(svc, EDITOR, gap(svc, "do you mount TVs on the wall?"), "wall mounting")
    edited = knowledge.save_article(svc, EDITOR, article.id, article.version, title="TV wall mounting service",
                                    body=article.body)
    assert edited.status == "draft", "an edit takes it back to draft"
    knowledge.submit_article(svc, EDITOR, article.id, edited.version)
    approved = knowledge.approve_article(svc, REVIEWER, article.id, edited.version + 1)  # EDITOR wrote the title
    assert approved.status == "approved"
    assert kb_drafting.draft_provenance(svc, EDITOR, article.id).topic == "wall mounting"


def test_the_editor_who_asked_for_a_draft_may_approve_it_unchanged_but_not_after_editing_it(svc):
    """Four eyes on drafts: the drafter wrote the text, so the editor who asked for it is its second pair of eyes;
    once the editor changes it, another editor approves it."""
    article = kb_drafting.draft_from_gap(svc, EDITOR, gap(svc, "do you mount TVs on the wall?"), "wall mounting")
    assert knowledge.approve_article(svc, EDITOR, article.id, article.version).status == "approved"
    second = kb_drafting.draft_from_gap(svc, EDITOR, gap(svc, "can you put my telly on the wall?"), "telly mounting")
    edited = knowledge.save_article(svc, EDITOR, second.id, second.version, title="Wall mounting a TV",
                                    body=second.body)
    knowledge.submit_article(svc, EDITOR, second.id, edited.version)
    with pytest.raises(PermissionDenied, match="four eyes"):
        knowledge.approve_article(svc, EDITOR, second.id, edited.version + 1)


def test_sentences_a_drafter_cannot_trace_are_dropped(settings):
    drafter = Inventing()
    svc = build_services(settings, **{**fake_pipeline(), "drafter": drafter})
    for user in (EDITOR, AGENT):
        repos(svc).users.add(user.username, user.display_name, user.role, "x")
    repos(svc).customers.add(Customer(0, "Ada", "ada@example.com", "", "gold", 1.0, "2024-01-01", "Leeds"))

    article = kb_drafting.draft_from_gap(svc, EDITOR, gap(svc, "do you mount TVs?"), "wall mounting")

    assert article.body == "## Overview\n\nOur fitter mounts TVs up to 65 inches on the wall for £79.\n"
    assert "Sundays" not in repr(kb_drafting.draft_provenance(svc, EDITOR, article.id))
    assert drafter.requests[0].topic == "wall mounting"


def test_nothing_to_quote_or_bad_input_stores_nothing(svc):
    conversation, _, _ = inbox.start_conversation(svc, 1, "chat", "Hi", "hello?", AGENT.username)
    before = repos(svc).table_counts()
    with pytest.raises(InvalidInput, match="nothing in these conversations"):
        kb_drafting.draft_from_gap(svc, EDITOR, [conversation.id], "greetings")  # unanswered: no reply to quote
    for bad in ([], "12", [0], list(range(1, 62)), None):
        with pytest.raises(InvalidInput):
            kb_drafting.draft_from_gap(svc, EDITOR, bad, "topic")
    with pytest.raises(InvalidInput, match="topic"):
        kb_drafting.draft_from_gap(svc, EDITOR, [conversation.id], "")
    with pytest.raises(NotFound):
        kb_drafting.draft_from_gap(svc, EDITOR, [999], "topic")
    with pytest.raises(PermissionDenied):
        kb_drafting.draft_from_gap(svc, AGENT, [conversation.id], "topic")
    after = repos(svc).table_counts()
    assert (after["kb_articles"], after["kb_drafts"]) == (before["kb_articles"], before["kb_drafts"]) == (0, 0)
    assert kb_drafting.draft_provenance(svc, EDITOR, 1) is None
