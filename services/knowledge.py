"""Knowledge-base use cases for editors and agents: browse articles and their versions, write and review them
(draft → in_review → approved | rejected, archived: services/kb_rules.py), search the approved ones.

Every change checks the role first (``article.edit``: write, submit, archive, restore; ``article.approve``: approve,
reject), then its input, then the workflow step against the article as stored, inside the one unit of work that
writes the new version and the audit entry, so a refused step stores nothing. A step names the version the editor
saw (``expected_version``): a save over someone else's newer version is a Conflict, not a lost update.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from services import kb_usage
from services.bootstrap import Services
from services.clock import now_iso
from services.errors import InvalidInput, InvalidTransition, PermissionDenied
from services.kb_rules import (
    actions_from,
    clean_area,
    clean_body,
    clean_language,
    clean_reason,
    clean_tags,
    clean_title,
    diff_versions,
    last_author,
    next_state,
    side_by_side,
    slug_for,
    state_label,
)
from services.models import ARTICLE_STATES, Article, ArticleVersion, KbHit, User
from services.permissions import allowed, require
from services.text import MAX_MESSAGE_CHARS
from services.validation import clean_choice, clean_username, require_id
from services.views import ArticleDetail, ReviewItem

MAX_HITS = 50
FOUR_EYES = ("You wrote the last change of this article, so another editor approves it (four eyes); "
             "an admin may approve it.")
ENDS_ASSIGNMENT = ("approve", "reject", "archive")


def list_articles(services: Services, user: User, status: str | None = None) -> list[Article]:
    """Articles, all or in one state.

    Raises:
        PermissionDenied: a role that may not browse articles (services/permissions.py "article.read").
        InvalidInput: an unknown state.
    """
    require(user, "article.read")
    if status is not None:
        status = clean_choice(status, "article status", ARTICLE_STATES)
    with services.uow() as uow:
        return uow.articles.all(status=status)


def article_history(services: Services, user: User, article_id: int) -> list[ArticleVersion]:
    """Every saved version of an article, oldest first.

    Raises:
        PermissionDenied: a role that may not browse articles.
        InvalidInput: a bad article id.
    """
    require(user, "article.read")
    article_id = require_id(article_id, "article")
    with services.uow() as uow:
        return uow.articles.versions(article_id)


def search(services: Services, user: User, query: str, k: int = 3) -> list[KbHit]:
    """The k approved articles that best answer a query (any text: a customer's message, a few words).

    Raises:
        PermissionDenied: a role that may not search the knowledge base ("article.search").
        InvalidInput: the query is not text or is over the message limit; k is not between 1 and 50.
    """
    require(user, "article.search")
    if not isinstance(query, str):
        raise InvalidInput(f"the search query must be text; got {type(query).__name__}")
    if len(query) > MAX_MESSAGE_CHARS:
        raise InvalidInput(f"the search query is too long ({len(query):,} characters; the limit is "
                           f"{MAX_MESSAGE_CHARS:,})")
    if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= MAX_HITS:
        raise InvalidInput(f"the number of articles must be between 1 and {MAX_HITS}")
    from services import assist  # the search provider and its index live with the assist pipeline

    assist.ensure_kb_index(services)
    return services.search.search(query.encode("utf-8", "replace").decode("utf-8"), k)


def article_detail(services: Services, user: User, article_id: int) -> ArticleDetail:
    """One article with its versions, the steps this user may take now and the latest save's diff (as lines and
    side by side). Opening it counts as a view of the article (once per VIEW_WINDOW_MIN: services/kb_usage.py).

    Raises:
        PermissionDenied: a role that may not browse articles. InvalidInput: a bad id. NotFound: no such article.
    """
    user = require(user, "article.read")
    article_id = require_id(article_id, "article")
    with services.uow() as uow:
        article = uow.articles.get(article_id)
        versions = tuple(uow.articles.versions(article_id))
        kb_usage.note_view(uow, user, article_id, "kb_page")
        my_vote = uow.kb_usage.votes_by(user.username, kb_usage.PAGE_CONTEXT).get(article_id)
        assignable = tuple(sorted(u.username for u in uow.users.all() if allowed(u.role, "article.approve"))
                           if allowed(user.role, "article.assign") and article.status != "archived" else ())
    previous = versions[-2] if len(versions) > 1 else None
    latest = versions[-1] if versions else article
    steps, held = _steps_for(user, article.status, last_author(versions))
    return ArticleDetail(article, versions, tuple(steps), diff_versions(previous, latest), side_by_side(previous, latest),
                         held, assignable, my_vote)


def version_diff(services: Services, user: User, article_id: int, version: int) -> ArticleDetail:
    """An article with the diff of one of its versions against the version before it.

    Raises:
        PermissionDenied, InvalidInput (bad id or version), NotFound (no such article or version).
    """
    require(user, "article.read")
    detail = article_detail(services, user, article_id)
    version = require_id(version, "version")
    by_number = {v.version: v for v in detail.versions}
    if version not in by_number:
        raise InvalidInput(f"article {article_id} has no version {version}")
    before, after = by_number.get(version - 1), by_number[version]
    return replace(detail, diff=diff_versions(before, after), sides=side_by_side(before, after))


def _steps_for(user: User, state: str, author: str) -> tuple[list[str], str]:
    """The steps the user's role allows from this state, less "approve" for the author of the last change (four
    eyes; an admin keeps it, and is told the approval is recorded as an override); and why, when it applies."""
    needs = {"approve": "article.approve", "reject": "article.approve"}
    steps = [step for step in actions_from(state) if allowed(user.role, needs.get(step, "article.edit"))]
    if "approve" not in steps or author != user.username:
        return steps, ""
    if user.role == "admin":
        return steps, "You wrote the last change: approving it is recorded as an admin override of four eyes."
    return [s for s in steps if s != "approve"], FOUR_EYES


def review_queue(services: Services, user: User, mine: bool = False) -> list[ReviewItem]:
    """The articles waiting in review, oldest submission first, each with who submitted it, who is asked to review
    it and who wrote the text under review; ``mine``: only those assigned to this user.

    Raises:
        PermissionDenied: a role that may not browse articles ("article.read").
    """
    user = require(user, "article.read")
    with services.uow() as uow:
        waiting = uow.articles.submitted()
        authors = {article.id: last_author(uow.articles.versions(article.id)) for article, _ in waiting}
    return [ReviewItem(article, version.changed_by, version.changed_at, authors[article.id])
            for article, version in waiting if not mine or article.assignee == user.username]


def editors(services: Services, user: User) -> list[User]:
    """The people an article can be assigned to: every user whose role may approve articles, by username.

    Raises:
        PermissionDenied: a role that may not assign articles ("article.assign").
    """
    require(user, "article.assign")
    with services.uow() as uow:
        people = uow.users.all()
    return sorted((u for u in people if allowed(u.role, "article.approve")), key=lambda u: u.username)


def assign_article(services: Services, user: User, article_id: int, assignee: str) -> Article:
    """Ask an editor to take the article's next step (review it when it is in review), or nobody (""); audited.
    The text and its version are unchanged. Approving, rejecting or archiving it ends the assignment.

    Raises:
        PermissionDenied ("article.assign"). InvalidInput: a bad id, or an assignee who is not an editor or admin.
        NotFound: no such article. InvalidTransition: an archived article (restore it first).
    """
    user = require(user, "article.assign")
    article_id = require_id(article_id, "article")
    assignee = "" if assignee in (None, "") else clean_username(assignee)
    with services.uow() as uow:
        if assignee:
            known = {u.username: u for u in uow.users.all()}
            if assignee not in known or not allowed(known[assignee].role, "article.approve"):
                raise InvalidInput(f"{assignee} is not a knowledge-base editor; choose an editor or an admin")
        current = uow.articles.get(article_id)
        if current.status == "archived":
            raise InvalidTransition("You cannot assign this article: it is Archived (restore it first).")
        if current.assignee == assignee:
            return current
        article = uow.articles.assign(article_id, assignee)
        uow.audit.record(user.username, "article_assign", "article", str(article_id),
                         f"to {assignee}" if assignee else f"unassigned (was {current.assignee})")
    return article


def create_article(services: Services, user: User, title: str, body: str, *, tags: Any = (), language: str = "en",
                   area: str = "General") -> Article:
    """A new draft owned by its author (version 1), audited.

    Raises:
        PermissionDenied: a role that may not write articles ("article.edit").
        InvalidInput: an empty or too long title or body, a bad tag, language code or product area.
    """
    user = require(user, "article.edit")
    fields = _fields(title, body, tags, language, area)
    with services.uow() as uow:
        slug = slug_for(fields["title"], (a.slug for a in uow.articles.all()))
        article = uow.articles.add(Article(0, slug, fields["title"], fields["body"], fields["category"], "draft", 1,
                                           now_iso(), fields["language"], fields["tags"], user.username),
                                   actor=user.username)
        uow.audit.record(user.username, "article_create", "article", str(article.id), article.title)
    return article


def _fields(title: Any, body: Any, tags: Any, language: Any, area: Any) -> dict[str, Any]:
    return {"title": clean_title(title), "body": clean_body(body), "tags": clean_tags(tags),
            "language": clean_language(language), "category": clean_area(area)}


def save_article(services: Services, user: User, article_id: int, expected_version: int, *, title: str, body: str,
                 tags: Any = (), language: str = "en", area: str = "General") -> Article:
    """A new version with the editor's text; an approved, in-review or rejected article goes back to draft (it
    leaves the agents' search until it is approved again).

    Raises:
        PermissionDenied ("article.edit"). InvalidInput: a bad field or id. NotFound: no such article.
        InvalidTransition: an archived article (restore it first). Conflict: someone saved a newer version.
    """
    user = require(user, "article.edit")
    article_id, expected_version = require_id(article_id, "article"), require_id(expected_version, "version")
    fields = _fields(title, body, tags, language, area)
    with services.uow() as uow:
        current = uow.articles.get(article_id)
        state = next_state(current.status, "save")
        changed = {k: v for k, v in fields.items() if v != getattr(current, k)}
        if not changed:
            return current  # nothing to save: no empty version, and an approved article stays approved
        summary = "Edited " + ", ".join(k.replace("category", "product area") for k in changed)
        if state != current.status:
            summary += f" ({state_label(current.status)} → {state_label(state)})"
        article = uow.articles.update(article_id, user.username, expected_version=expected_version,
                                      summary=summary, **changed, status=state, note="")
        uow.audit.record(user.username, "article_edit", "article", str(article_id), f"v{article.version}: {summary}")
    return article


def submit_article(services: Services, user: User, article_id: int, expected_version: int) -> Article:
    """Draft → In review. Raises PermissionDenied ("article.edit"), InvalidTransition, Conflict, NotFound."""
    user = require(user, "article.edit")
    return _step(services, user, article_id, expected_version, "submit", "Submitted for review")


def approve_article(services: Services, user: User, article_id: int, expected_version: int) -> Article:
    """In review → Approved: from now on it serves agents, the assistant and suggestions.

    Four eyes: the author of the last change (services/kb_rules.py ``last_author``) may not approve it; an admin may,
    and the audit entry says so.

    Raises PermissionDenied ("article.approve"; or four eyes), InvalidTransition, Conflict, NotFound."""
    user = require(user, "article.approve")
    article_id = require_id(article_id, "article")
    with services.uow() as uow:  # the check and the step in one transaction: no save can slip in between
        author = last_author(uow.articles.versions(article_id))
        if author == user.username and user.role != "admin":
            raise PermissionDenied(FOUR_EYES)
        override = " — four eyes overridden: an admin approved their own change" if author == user.username else ""
        return _step(services, user, article_id, expected_version, "approve", "Approved", audit_note=override)


def reject_article(services: Services, user: User, article_id: int, expected_version: int, reason: str) -> Article:
    """In review → Rejected, with the reason the editor reads.

    Raises PermissionDenied ("article.approve"), InvalidInput (no reason), InvalidTransition, Conflict, NotFound."""
    user = require(user, "article.approve")
    reason = clean_reason(reason)
    return _step(services, user, article_id, expected_version, "reject", "Rejected", note=reason)


def archive_article(services: Services, user: User, article_id: int, expected_version: int) -> Article:
    """Any state → Archived (an approved article leaves the agents' search at once).

    Raises PermissionDenied ("article.edit"), InvalidTransition (archived already), Conflict, NotFound."""
    user = require(user, "article.edit")
    return _step(services, user, article_id, expected_version, "archive", "Archived")


def restore_article(services: Services, user: User, article_id: int, expected_version: int) -> Article:
    """Archived → Draft. Raises PermissionDenied ("article.edit"), InvalidTransition, Conflict, NotFound."""
    user = require(user, "article.edit")
    return _step(services, user, article_id, expected_version, "restore", "Restored as a draft")


def _step(services: Services, user: User, article_id: Any, expected_version: Any, action: str, summary: str,
          note: str = "", audit_note: str = "") -> Article:
    """One workflow step: validated, checked against the stored state, written with its audit entry in one unit
    of work (a refused step raises before anything is written). Approving, rejecting or archiving ends the
    article's assignment (the step it was assigned for is taken)."""
    article_id, expected_version = require_id(article_id, "article"), require_id(expected_version, "version")
    with services.uow() as uow:
        current = uow.articles.get(article_id)
        state = next_state(current.status, action)
        article = uow.articles.update(article_id, user.username, expected_version=expected_version,
                                      summary=f"{summary}: {note}" if note else summary, status=state, note=note)
        if action in ENDS_ASSIGNMENT and article.assignee:
            article = uow.articles.assign(article_id, "")
        uow.audit.record(user.username, f"article_{action}", "article", str(article_id),
                         f"v{article.version}: {state_label(current.status)} → {state_label(state)}"
                         + (f" ({note})" if note else "") + audit_note)
    return article
