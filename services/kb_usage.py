"""How the knowledge base is used (issue 17 item 8): articles opened (views), helpful / not-helpful votes, articles used
in sent replies (deflection), and searches that found no good answer; and the editors' report over a period.

Where each is recorded:

* a **view**: an editor opening an article on the KB page (``knowledge.article_detail``), an agent opening one in the
  workspace's Knowledge base tab (``record_view``); the same person opening the same article again within
  ``VIEW_WINDOW_MIN`` minutes is the same view (Streamlit draws the page again on every click);
* a **vote**: the agent's thumbs up / down beside a KB result (``vote``), one per agent, article and conversation
  (or the KB page), changeable;
* a **use in a reply**: ``conversations.send_reply`` (``note_reply``) when the reply came from a suggestion drawn
  from an article (source ``kb:<id>``) or carries an article's help-centre link;
* a **search with no good result**: ``kb_lookup.search_articles`` (``note_search``) when no approved article scored
  ``grounding.KB_MIN_SCORE`` or more; the query is stored with its PII masked, once per person and query within
  ``MISS_WINDOW_MIN`` minutes.

Everything lives in the database (schema migration 10), so every app process counts into the same rows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from services.bootstrap import Services
from services.clock import now_iso, parse_iso, to_iso
from services.errors import InvalidInput, NotFound
from services.grounding import KB_MIN_SCORE
from services.models import User
from services.permissions import allowed, require
from services.ports import UnitOfWork
from services.validation import clean_choice, require_id
from services.views import UsageReport, UsageRow

VIEW_WINDOW_MIN = 30
MISS_WINDOW_MIN = 30
MAX_PERIOD_DAYS = 366
MAX_MISSES = 100
VIEW_SOURCES = ("kb_page", "workspace_kb", "assist_panel")
PAGE_CONTEXT = "kb_page"


def _since(minutes: int) -> str:
    return to_iso(parse_iso(now_iso()) - timedelta(minutes=minutes))


def note_view(uow: UnitOfWork, user: User, article_id: int, source: str, conversation_id: int | None = None) -> bool:
    """Inside the caller's unit of work (a use case that checked the user's role): count a view unless this user
    viewed this article within VIEW_WINDOW_MIN minutes. True when counted."""
    return uow.kb_usage.add_use(article_id, "view", user.username, source, conversation_id,
                                unless_since=_since(VIEW_WINDOW_MIN))


def record_view(services: Services, user: User, article_id: int, source: str = "workspace_kb",
                conversation_id: int | None = None) -> bool:
    """Someone opened an article (an agent in the workspace: only approved articles are theirs to open).

    Returns True when it counted as a new view (not within VIEW_WINDOW_MIN minutes of this user's last one).

    Raises:
        PermissionDenied: a role that does not read articles ("article.feedback").
        InvalidInput: a bad id or source; an article this user may not read (an agent: not approved).
        NotFound: no such article.
    """
    user = require(user, "article.feedback")
    article_id, source = require_id(article_id, "article"), clean_choice(source, "source", VIEW_SOURCES)
    conversation_id = None if conversation_id is None else require_id(conversation_id, "conversation")
    with services.uow() as uow:
        _readable(uow, user, article_id)
        return note_view(uow, user, article_id, source, conversation_id)


def _readable(uow: UnitOfWork, user: User, article_id: int) -> None:
    article = uow.articles.get(article_id)
    if article.status != "approved" and not allowed(user.role, "article.read"):
        raise InvalidInput(f"article {article_id} is not published")


def _context(conversation_id: Any) -> str:
    return PAGE_CONTEXT if conversation_id is None else f"conversation:{require_id(conversation_id, 'conversation')}"


def vote(services: Services, user: User, article_id: int, helpful: bool, conversation_id: int | None = None) -> None:
    """The user's vote on an article: helpful (True) or not (False), in a conversation or (None) on the KB page;
    voting again in the same place replaces the vote.

    Raises:
        PermissionDenied ("article.feedback"). InvalidInput: a bad id, a vote that is not True or False, an article
        this user may not read. NotFound: no such article.
    """
    user = require(user, "article.feedback")
    article_id, context = require_id(article_id, "article"), _context(conversation_id)
    if not isinstance(helpful, bool):
        raise InvalidInput("a vote is helpful (True) or not helpful (False)")
    with services.uow() as uow:
        _readable(uow, user, article_id)
        uow.kb_usage.vote(article_id, user.username, context, helpful)


def my_votes(services: Services, user: User, conversation_id: int | None = None) -> dict[int, bool]:
    """This user's votes in a conversation (or on the KB page): article id -> helpful.

    Raises PermissionDenied ("article.feedback"), InvalidInput (a bad conversation id)."""
    user = require(user, "article.feedback")
    context = _context(conversation_id)
    with services.uow() as uow:
        return uow.kb_usage.votes_by(user.username, context)


def note_search(services: Services, user: User, query: str, scores: Sequence[float], source: str) -> bool:
    """For a search use case that checked the user's role: remember a search whose best score (over the approved
    articles it found) is under KB_MIN_SCORE, its query masked for PII, unless this user made the same search
    within MISS_WINDOW_MIN minutes. True when remembered."""
    best = max(scores, default=0.0)
    if best >= KB_MIN_SCORE or not query.strip():
        return False
    from services.assist import mask_text  # the PII detector lives with the assist pipeline

    masked = " ".join(mask_text(services, query).split())
    with services.uow() as uow:
        return uow.kb_usage.add_miss(masked, round(best, 4), user.username, source,
                                     unless_since=_since(MISS_WINDOW_MIN))


def articles_in_reply(text: str, slugs: dict[str, int], base_url: str, suggestion_source: str = "") -> list[int]:
    """The articles a sent reply used: the one its suggestion was drawn from ("kb:<id>") and those whose
    help-centre link (``<base_url>/<slug>``) it carries; each once, in that order."""
    found: list[int] = []
    number = suggestion_source.partition(":")[2].split("/")[0] if suggestion_source.startswith("kb:") else ""
    if number.isdigit():
        found.append(int(number))
    pattern = re.escape(base_url.rstrip("/")) + r"/([A-Za-z0-9-]+)"
    for slug in re.findall(pattern, text):
        article_id = slugs.get(slug.lower())
        if article_id is not None and article_id not in found:
            found.append(article_id)
    return found


def note_reply(uow: UnitOfWork, services: Services, user: User, conversation_id: int, text: str,
               suggestion_source: str = "") -> list[int]:
    """Inside send_reply's unit of work (it checked the user's role): count each approved article the reply used.
    Returns their ids."""
    approved = {a.slug: a.id for a in uow.articles.all(status="approved")}
    used = [a for a in articles_in_reply(text, approved, services.settings.help_centre_url, suggestion_source)
            if a in approved.values()]
    for article_id in used:
        uow.kb_usage.add_use(article_id, "reply", user.username, "reply", conversation_id)
    return used


def _moment(value: Any, name: str, end: bool = False) -> str:
    """A period's bound: a date (a whole day; ``end``: the day after it, so the day is included) or ISO-8601 text."""
    if isinstance(value, datetime):
        return to_iso(value if value.tzinfo else value.replace(tzinfo=UTC))
    if isinstance(value, date):
        return to_iso(datetime(value.year, value.month, value.day, tzinfo=UTC) + timedelta(days=int(end)))
    if isinstance(value, str):
        try:
            return to_iso(parse_iso(value))
        except ValueError:
            pass
    raise InvalidInput(f"the {name} of the period must be a date; got {str(value)[:40]!r}")


def usage_report(services: Services, user: User, since: Any, until: Any, limit: int = 20) -> UsageReport:
    """Per article: views, helpful and not-helpful votes, uses in sent replies between ``since`` and ``until``
    (dates: both days included), the most used first; and the searches with no good result (masked queries), most
    frequent first. Reading it is audited (the queries are customers' words, masked).

    Raises:
        PermissionDenied: a role that may not read KB usage ("article.usage").
        InvalidInput: a bound that is not a date, an end before the start, a period over MAX_PERIOD_DAYS days, a
            limit not between 1 and MAX_MISSES.
    """
    user = require(user, "article.usage")
    start, end = _moment(since, "start"), _moment(until, "end", end=True)
    if end <= start:
        raise InvalidInput("the period ends before it starts")
    if parse_iso(end) - parse_iso(start) > timedelta(days=MAX_PERIOD_DAYS + 1):
        raise InvalidInput(f"a period is at most {MAX_PERIOD_DAYS} days")
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_MISSES:
        raise InvalidInput(f"the number of searches shown must be between 1 and {MAX_MISSES}")
    with services.uow() as uow:
        counts = uow.kb_usage.usage(start, end)
        misses = uow.kb_usage.misses(start, end, limit)
        rows = [row for c in counts if (row := _row(uow, c)) is not None]
        uow.audit.record(user.username, "kb_usage_read", "kb_usage", "report",
                         f"{start} to {end}: {len(rows)} articles, {len(misses)} searches with no good result")
    rows.sort(key=lambda r: (-r.used_in_replies, -r.views, -r.helpful, r.article_id))
    return UsageReport(start, end, tuple(rows), tuple(misses))


def _row(uow: UnitOfWork, counts: Any) -> UsageRow | None:
    try:
        article = uow.articles.get(counts.article_id)
    except NotFound:
        return None
    return UsageRow(article.id, article.title, article.state_label, counts.views, counts.helpful,
                    counts.not_helpful, counts.used_in_replies)
