"""Knowledge-base use cases for editors and agents: browse articles and their versions, write and review them
(draft → in_review → approved | rejected, archived: services/kb_rules.py), search the approved ones.

Every change checks the role first (``article.edit``: write, submit, archive, restore; ``article.approve``: approve,
reject), then its input, then the workflow step against the article as stored, inside the one unit of work that
writes the new version and the audit entry, so a refused step stores nothing. A step names the version the editor
saw (``expected_version``): a save over someone else's newer version is a Conflict, not a lost update.
"""

from __future__ import annotations

from typing import Any

from services.bootstrap import Services
from services.clock import now_iso
from services.errors import InvalidInput
from services.kb_rules import (
    actions_from,
    clean_area,
    clean_body,
    clean_language,
    clean_reason,
    clean_tags,
    clean_title,
    diff_versions,
    next_state,
    slug_for,
    state_label,
)
from services.models import ARTICLE_STATES, Article, ArticleVersion, KbHit, User
from services.permissions import allowed, require
from services.text import MAX_MESSAGE_CHARS
from services.validation import clean_choice, require_id
from services.views import ArticleDetail

MAX_HITS = 50


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
    """One article with its versions, the steps this user may take now and the latest save's diff.

    Raises:
        PermissionDenied: a role that may not browse articles. InvalidInput: a bad id. NotFound: no such article.
    """
    require(user, "article.read")
    article_id = require_id(article_id, "article")
    with services.uow() as uow:
        article = uow.articles.get(article_id)
        versions = tuple(uow.articles.versions(article_id))
    previous = versions[-2] if len(versions) > 1 else None
    return ArticleDetail(article, versions, tuple(_steps_for(user, article.status)),
                         diff_versions(previous, versions[-1] if versions else article))


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
    return ArticleDetail(detail.article, detail.versions, detail.actions,
                         diff_versions(by_number.get(version - 1), by_number[version]))


def _steps_for(user: User, state: str) -> list[str]:
    needs = {"approve": "article.approve", "reject": "article.approve"}
    return [step for step in actions_from(state) if allowed(user.role, needs.get(step, "article.edit"))]


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

    Raises PermissionDenied ("article.approve"), InvalidTransition, Conflict, NotFound."""
    user = require(user, "article.approve")
    return _step(services, user, article_id, expected_version, "approve", "Approved")


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
          note: str = "") -> Article:
    """One workflow step: validated, checked against the stored state, written with its audit entry in one unit
    of work (a refused step raises before anything is written)."""
    article_id, expected_version = require_id(article_id, "article"), require_id(expected_version, "version")
    with services.uow() as uow:
        current = uow.articles.get(article_id)
        state = next_state(current.status, action)
        article = uow.articles.update(article_id, user.username, expected_version=expected_version,
                                      summary=f"{summary}: {note}" if note else summary, status=state, note=note)
        uow.audit.record(user.username, f"article_{action}", "article", str(article_id),
                         f"v{article.version}: {state_label(current.status)} → {state_label(state)}"
                         + (f" ({note})" if note else ""))
    return article
