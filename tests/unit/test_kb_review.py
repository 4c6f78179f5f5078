"""The editors' review workflow (issue 17 item 6): four eyes on approval, the review queue, assigning an article to an
editor, the side-by-side diff; through the use cases on a real SQLite database."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest

from services import knowledge
from services.bootstrap import build_services
from services.errors import InvalidInput, InvalidTransition, PermissionDenied
from services.kb_rules import last_author, side_by_side
from services.models import Article, ArticleVersion, User
from services.seed.articles import AI_DRAFTER, draft_articles
from tests.fakes import fake_pipeline
from tests.repos import repos

EDITOR = User(3, "editor", "Jonas Weber", "kb_editor")
LEAD = User(6, "lead", "Mia Chen", "kb_editor")
ADMIN = User(4, "admin", "Robin Admin", "admin")
AGENT = User(1, "agent", "Alex Rivera", "agent")


@pytest.fixture
def svc(settings):
    services = build_services(settings, **fake_pipeline())
    for user in (EDITOR, LEAD, ADMIN, AGENT):
        repos(services).users.add(user.username, user.display_name, user.role, "x")
    return services


def in_review(svc, author: User = EDITOR, title: str = "Gift wrapping") -> Article:
    article = knowledge.create_article(svc, author, title, "We wrap gifts for £3.\n", area="Orders")
    return knowledge.submit_article(svc, author, article.id, 1)


def audit(svc, article_id: int) -> list[tuple[str, str, str]]:
    return [(e.actor, e.action, e.detail) for e in repos(svc).audit.trail("article", str(article_id))]


# ---- four eyes ------------------------------------------------------------------------------------------------


def test_an_editor_can_approve_their_own_article(svc):
    """The defect: an editor wrote an article, submitted it and approved it alone; it then served agents with nobody
    else having read it. Now the author of the last change may not approve it, and nothing is written."""
    article = in_review(svc)
    with pytest.raises(PermissionDenied, match="four eyes"):
        knowledge.approve_article(svc, EDITOR, article.id, 2)
    assert repos(svc).articles.get(article.id).status == "in_review"
    assert [a for _, a, _ in audit(svc, article.id)] == ["article_create", "article_submit"]
    detail = knowledge.article_detail(svc, EDITOR, article.id)
    assert "approve" not in detail.actions and "reject" in detail.actions and "four eyes" in detail.held
    assert knowledge.approve_article(svc, LEAD, article.id, 2).status == "approved"


def test_the_last_change_decides_not_who_created_or_submitted_it(svc):
    article = knowledge.create_article(svc, LEAD, "Gift wrapping", "We wrap gifts.\n")
    knowledge.save_article(svc, EDITOR, article.id, 1, title="Gift wrapping", body="We wrap gifts for £3.\n")
    knowledge.submit_article(svc, LEAD, article.id, 2)
    with pytest.raises(PermissionDenied, match="four eyes"):
        knowledge.approve_article(svc, EDITOR, article.id, 3)  # the body under review is the editor's
    assert knowledge.approve_article(svc, LEAD, article.id, 3).status == "approved"


def test_an_admin_may_approve_their_own_change_and_the_audit_says_so(svc):
    article = in_review(svc, author=ADMIN)
    detail = knowledge.article_detail(svc, ADMIN, article.id)
    assert "approve" in detail.actions and "override" in detail.held
    knowledge.approve_article(svc, ADMIN, article.id, 2)
    assert audit(svc, article.id)[-1] == ("admin", "article_approve", "v3: In review → Approved — four eyes "
                                                                      "overridden: an admin approved their own change")
    other = in_review(svc, title="Returns")
    knowledge.approve_article(svc, ADMIN, other.id, 2)
    assert "override" not in audit(svc, other.id)[-1][2]


def test_last_author_skips_steps_that_change_no_content():
    def version(n: int, by: str, body: str, status: str = "draft") -> ArticleVersion:
        return ArticleVersion(1, n, "T", body, status, by, "t", "Orders", "en", ())
    versions = [version(1, "ana", "a"), version(2, "bo", "b"), version(3, "cy", "b", "in_review")]
    assert last_author(versions) == "bo"
    assert last_author(versions[:1]) == "ana" and last_author([]) == ""


# ---- the review queue and assignments -------------------------------------------------------------------------


def test_the_review_queue_is_oldest_first_with_submitter_author_and_assignee(svc):
    first, second = in_review(svc, title="Gift wrapping"), in_review(svc, author=LEAD, title="Returns")
    knowledge.create_article(svc, EDITOR, "Not submitted", "Draft.\n")
    queue = knowledge.review_queue(svc, LEAD)
    assert [(i.article.id, i.submitted_by, i.author, i.assignee) for i in queue] == [
        (first.id, "editor", "editor", ""), (second.id, "lead", "lead", "")]
    assert queue[0].submitted_at <= queue[1].submitted_at
    knowledge.assign_article(svc, EDITOR, first.id, "lead")
    assert [i.article.id for i in knowledge.review_queue(svc, LEAD, mine=True)] == [first.id]
    assert knowledge.review_queue(svc, EDITOR, mine=True) == []


def test_assigning_is_audited_shown_on_the_article_and_ended_by_the_review(svc):
    article = in_review(svc)
    assigned = knowledge.assign_article(svc, EDITOR, article.id, "lead")
    assert (assigned.assignee, assigned.version) == ("lead", 2)  # not a new version: the text is unchanged
    assert knowledge.article_detail(svc, LEAD, article.id).article.assignee == "lead"
    assert [a.assignee for a in knowledge.list_articles(svc, LEAD) if a.id == article.id] == ["lead"]
    assert knowledge.assign_article(svc, EDITOR, article.id, "lead") == assigned  # the same: nothing written
    knowledge.approve_article(svc, LEAD, article.id, 2)
    assert repos(svc).articles.get(article.id).assignee == ""
    assert [(who, action, detail) for who, action, detail in audit(svc, article.id)
            if action == "article_assign"] == [("editor", "article_assign", "to lead")]


def test_only_an_editor_or_admin_can_be_assigned_and_never_on_an_archived_article(svc):
    article = in_review(svc)
    for nobody, reason in (("agent", "not a knowledge-base editor"), ("ghost", "not a knowledge-base editor"),
                           ("two words", "username")):
        with pytest.raises(InvalidInput, match=reason):
            knowledge.assign_article(svc, EDITOR, article.id, nobody)
    knowledge.assign_article(svc, EDITOR, article.id, "admin")
    assert knowledge.assign_article(svc, EDITOR, article.id, "").assignee == ""
    assert audit(svc, article.id)[-1] == ("editor", "article_assign", "unassigned (was admin)")
    knowledge.archive_article(svc, EDITOR, article.id, 2)
    with pytest.raises(InvalidTransition, match="Archived"):
        knowledge.assign_article(svc, EDITOR, article.id, "lead")
    assert [u.username for u in knowledge.editors(svc, EDITOR)] == ["admin", "editor", "lead"]
    with pytest.raises(PermissionDenied):
        knowledge.assign_article(svc, AGENT, article.id, "lead")


# ---- the side-by-side diff ------------------------------------------------------------------------------------


def test_the_side_by_side_diff_pairs_the_changed_lines_of_a_version_with_the_one_before(svc):
    article = knowledge.create_article(svc, EDITOR, "Gift wrapping", "Line one.\nWe wrap gifts for £3.\n")
    knowledge.save_article(svc, EDITOR, article.id, 1, title="Gift wrapping",
                           body="Line one.\nWe wrap gifts for £4.\n<b>New</b> line.\n")
    detail = knowledge.article_detail(svc, EDITOR, article.id)
    changed = [(r.kind, r.left, r.right) for r in detail.sides if r.kind != "same"]
    assert changed == [("changed", "We wrap gifts for £3.", "We wrap gifts for £4."), ("added", "", "<b>New</b> line.")]
    first = knowledge.version_diff(svc, EDITOR, article.id, 1)
    assert {r.kind for r in first.sides} == {"added"} and first.sides[0].right == "# Gift wrapping"
    assert side_by_side(None, article)[0].left == ""


def test_seeded_ai_drafts_have_an_owner_and_their_editor_may_approve_them(svc):
    now = datetime(2026, 12, 1, tzinfo=UTC)
    drafts = draft_articles(random.Random(7), now)
    assert drafts and {d.owner for d in drafts} == {"editor"} and {d.status for d in drafts} == {"in_review"}
    stored = repos(svc).articles.add(drafts[0], actor=AI_DRAFTER)
    item = knowledge.review_queue(svc, EDITOR)[0]
    assert (item.article.owner, item.submitted_by, item.author) == ("editor", "ai-drafter", "ai-drafter")
    assert knowledge.approve_article(svc, EDITOR, stored.id, 1).status == "approved"
