"""Knowledge-base gaps: the customer questions the knowledge base answered badly, grouped by topic.

A conversation's opening customer message is its question. It answered badly when any of these holds:
  * low score: the best approved article scores under ``KB_MIN_SCORE`` for it, searched now (so a gap closes as
    soon as an article that answers it is approved);
  * KB suggestion rejected: the agent rejected a suggested reply drawn from an article ("kb:<id>");
  * escalated, or reopened (a customer wrote again after an agent resolved it), while no article scored at least
    ``CONFIDENT_SCORE`` (an escalation the knowledge base answered well is about something else).
Messages that ask nothing the knowledge base could answer (spam, praise, jokes, "get me a manager") are left out
when the intent model is sure of it.

The weak questions are embedded (the project's offline embedder, services.embedder) and grouped by average-linkage
agglomerative clustering of the normalised vectors, merging while two groups' mean cosine is at least
``SAME_TOPIC``; a group of at least ``MIN_QUESTIONS`` is a gap, labelled by its top terms (frequent in the group,
rare in the window) and shown with its most typical question first. Gaps are computed on demand from the stored
conversations (nothing is stored: every process computes the same list from the same rows); the per-question work
(search score, vector, intent) is cached in process by the question's text (and, for the score, the approved articles' versions).
"""

from __future__ import annotations

import hashlib
import math
import re
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import numpy as np

from services.bootstrap import Services
from services.clock import now_iso, parse_iso, to_iso
from services.errors import InvalidInput
from services.grounding import KB_MIN_SCORE
from services.models import Message
from services.permissions import require
from services.ports import UnitOfWork
from services.views import Gap, GapQuestion, GapReport

WINDOW_DAYS = 28
CONFIDENT_SCORE = 0.6
SAME_TOPIC = 0.4  # mean cosine (wordllama vectors of the content words) at which two groups of questions are one topic
MIN_QUESTIONS = 2
MAX_QUESTIONS = 600  # newest first: the clustering is quadratic in this
MAX_GAPS = 30
TOPIC_TERMS = 3
NOT_KB_INTENTS = frozenset({"Other", "Escalation Request", "Complaint"})
NOT_KB_CONFIDENCE = 0.62  # 0.8 before the session-12 intent calibrator (same share at or above; docs/models.md)

_PLACEHOLDER = re.compile(r"\[[A-Z]+[^\]]*\]|[@#]\w+")
_ORDER_LIKE = re.compile(r"\b(?:BW[-\s]?\d+|BWT\d+|\d+)\b", re.IGNORECASE)
_GREETING_LINE = re.compile(r"^\s*(?:hi|hello|hey|dear|thanks|thank you|cheers|best|regards|kind regards|"
                            r"best regards|many thanks)\b[^a-z]*(?:there|team|brightwave|all)?[\s,!.]*$",
                            re.IGNORECASE)
_WORD = re.compile(r"[a-z][a-z'-]{2,}")
_STOP = frozenset("""the and for you your yours are was were have has had can could would should will not but with
this that these those from what when where which who how why about into out any some all just than then too very
please thanks thank hello hey there here get got does did doing done its it's i'm i've i'd don't can't won't isn't
didn't doesn't haven't wasn't also only still really want wanted need needs like know let our ours they them their
him her she his one two yes yeah lol tbh pls plz thx guys team brightwave order orders person email phone address
do am is be been being my me we us an a of to in on at by or if so as no up it""".split())


@dataclass(frozen=True)
class _Asked:
    conversation_id: int
    message: Message
    signals: tuple[str, ...]  # the stored signals (rejected, escalated, reopened); the score is added later


_cache_lock = threading.Lock()
# keyed by the question's text (not a message id, which another database or a re-seed gives to another message)
_scores: dict[tuple[str, str], tuple[float, str]] = {}  # (question, approved articles) -> best score, its title
_vectors: dict[str, Any] = {}
_not_kb: dict[str, bool] = {}
MAX_CACHED = 20_000  # per cache; beyond it the cache starts again


def _remember(cache: dict, key: Any, value: Any) -> None:
    with _cache_lock:
        if len(cache) >= MAX_CACHED:
            cache.clear()
        cache[key] = value


def question_text(masked: str) -> str:
    """The question of a customer's message as clustering reads it: greeting and sign-off lines, masked values and
    order numbers taken out."""
    lines = [line for line in masked.splitlines() if line.strip() and not _GREETING_LINE.match(line)]
    text = _PLACEHOLDER.sub(" ", " ".join(lines) or masked)
    return " ".join(_ORDER_LIKE.sub(" ", text).split())


def find_gaps(services: Services, user: Any, now: str = "") -> GapReport:
    """The topics customers asked about in the last WINDOW_DAYS that the knowledge base answered badly, by volume.

    Args:
        now: the end of the window (ISO time; default now).

    Raises:
        PermissionDenied: a role that may not see gaps ("gap.view": editors and admins).
        InvalidInput: a malformed ``now``.
    """
    user = require(user, "gap.view")
    end = _window_end(now)
    since = to_iso(end - timedelta(days=WINDOW_DAYS))
    with services.uow() as uow:
        asked = _opening_questions(uow, since, to_iso(end))
        kb_version = _approved_digest(uow)
        uow.audit.record(user.username, "view_gaps", "conversations", "*",
                         f"{len(asked)} opening questions since {since[:10]} (masked)")
    weak = _weak(services, asked, kb_version)
    gaps = _cluster(services, weak, end)
    return GapReport(tuple(gaps[:MAX_GAPS]), len(asked), len(weak), WINDOW_DAYS, since)


def _window_end(now: Any) -> Any:
    if not now:
        return parse_iso(now_iso())
    try:
        return parse_iso(now)
    except (TypeError, ValueError):
        raise InvalidInput(f"the end of the window must be a time like 2026-11-24T18:00:00Z; got {now!r:.40}") from None


# ---- reading the questions and their stored signals -------------------------------------------------------------


def _opening_questions(uow: UnitOfWork, since: str, until: str) -> list[_Asked]:
    asked = []
    conversations = [c for c in uow.conversations.all() if since <= c.created_at <= until]
    for conversation in conversations[:MAX_QUESTIONS]:
        messages = uow.conversations.messages_for(conversation.id)
        customer = [m for m in messages if m.author_role == "customer"]
        if not customer or not question_text(customer[0].masked_text):
            continue
        signals = []
        if _kb_rejected(uow, customer):
            signals.append("KB suggestion rejected")
        if conversation.status == "escalated" or conversation.resolution == "escalated" or \
                uow.assist.latest_escalation(conversation.id) is not None:
            signals.append("escalated")
        if _reopened(uow, conversation.id, customer):
            signals.append("reopened")
        asked.append(_Asked(conversation.id, customer[0], tuple(signals)))
    return asked


def _approved_digest(uow: UnitOfWork) -> str:
    """Names the approved articles as they are now (a search score is valid for this set only). Not the KB index
    version: a re-seeded or another database starts its version again."""
    approved = [(a.id, a.version, a.updated_at) for a in uow.articles.all(status="approved")]
    return hashlib.sha256(repr(approved).encode()).hexdigest()


def _kb_rejected(uow: UnitOfWork, customer: Sequence[Message]) -> bool:
    return any(s.feedback == "rejected" and s.source.startswith("kb:")
               for m in customer for s in uow.assist.suggestions_for(m.id))


def _reopened(uow: UnitOfWork, conversation_id: int, customer: Sequence[Message]) -> bool:
    """A customer message came after an agent resolved the conversation (the audit trail keeps each resolve)."""
    resolved = [e.at for e in uow.audit.trail("conversation", str(conversation_id)) if e.action == "resolve"]
    return bool(resolved) and any(m.created_at > min(resolved) for m in customer)


# ---- which questions were answered badly ---------------------------------------------------------------------------


def _weak(services: Services, asked: list[_Asked], kb_version: str) -> list[GapQuestion]:
    from services import assist  # the search provider and its index live with the assist pipeline

    assist.ensure_kb_index(services)
    weak = []
    for item in asked:
        score, title = _best_score(services, item.message, kb_version)
        signals = (("low score",) if score < KB_MIN_SCORE else ()) + item.signals
        serious = score < CONFIDENT_SCORE or "KB suggestion rejected" in signals  # else: a well-answered question
        if signals and serious and not _asks_nothing(services, item.message):
            weak.append(GapQuestion(item.conversation_id, item.message.id, item.message.created_at,
                                    item.message.masked_text, score, title, signals))
    return weak


def _best_score(services: Services, message: Message, kb_version: str) -> tuple[float, str]:
    question = question_text(message.masked_text)[:1000]
    found = _scores.get((question, kb_version))
    if found is None:
        hits = services.search.search(question, 1)
        found = (hits[0].score, hits[0].title) if hits else (0.0, "")
        _remember(_scores, (question, kb_version), found)
    return found


def _asks_nothing(services: Services, message: Message) -> bool:
    question = question_text(message.masked_text)
    found = _not_kb.get(question)
    if found is None:
        intent = services.intent.classify(question)
        found = intent.label in NOT_KB_INTENTS and intent.confidence >= NOT_KB_CONFIDENCE
        _remember(_not_kb, question, found)
    return found


# ---- grouping them by topic ------------------------------------------------------------------------------------------


def _embed(services: Services, questions: Sequence[GapQuestion]) -> np.ndarray:
    # the content words only: a static embedding averages its tokens, and "hi, can you…" is in every question
    texts = [" ".join(_terms(q.text)) or question_text(q.text) for q in questions]
    known = {t: _vectors[t] for t in texts if t in _vectors}
    missing = sorted(set(texts) - set(known))
    if missing:
        vectors = np.asarray(services.embedder.embed(missing), dtype=np.float32)
        for text, vector in zip(missing, vectors, strict=True):
            known[text] = vector
            _remember(_vectors, text, vector)
    matrix = np.stack([known[t] for t in texts]) if texts else np.zeros((0, 1))
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1.0, norms)


def average_linkage(similarity: np.ndarray, threshold: float) -> list[list[int]]:
    """Groups of row indices: start with one group per row and merge the two groups whose mean pairwise similarity
    is highest while it is at least ``threshold`` (Lance-Williams update, O(n²) per merge)."""
    n = len(similarity)
    groups: dict[int, list[int]] = {i: [i] for i in range(n)}
    sim = similarity.astype(np.float64).copy()
    np.fill_diagonal(sim, -np.inf)
    while len(groups) > 1:
        flat = int(np.argmax(sim))
        a, b = divmod(flat, n)
        if sim[a, b] < threshold:
            break
        na, nb = len(groups[a]), len(groups[b])
        merged = (na * sim[a] + nb * sim[b]) / (na + nb)
        sim[a], sim[:, a] = merged, merged
        sim[a, a] = -np.inf
        sim[b], sim[:, b] = -np.inf, -np.inf
        groups[a] += groups.pop(b)
    return sorted(groups.values(), key=lambda g: (-len(g), g[0]))


def _cluster(services: Services, weak: list[GapQuestion], end: Any) -> list[Gap]:
    if len(weak) < MIN_QUESTIONS:
        return []
    vectors = _embed(services, weak)
    similarity = vectors @ vectors.T
    document_counts = Counter(term for q in weak for term in set(_terms(q.text)))
    week, fortnight = to_iso(end - timedelta(days=7)), to_iso(end - timedelta(days=14))
    gaps = []
    for group in average_linkage(similarity, SAME_TOPIC):
        if len(group) < MIN_QUESTIONS:
            continue
        centrality = similarity[np.ix_(group, group)].mean(axis=1)
        ordered = tuple(weak[group[i]] for i in np.argsort(-centrality, kind="stable"))
        gaps.append(Gap(_topic(ordered, document_counts, len(weak)), ordered,
                        sum(q.asked_at >= week for q in ordered),
                        sum(fortnight <= q.asked_at < week for q in ordered)))
    return sorted(gaps, key=lambda g: (-g.volume, -g.this_week, g.topic))


def _terms(text: str) -> list[str]:
    return [w.strip("'-") for w in _WORD.findall(question_text(text).lower()) if w.strip("'-") not in _STOP]


def _topic(questions: Sequence[GapQuestion], document_counts: Counter, total: int) -> str:
    """The group's top terms: in many of its questions, in few of the window's other weak questions."""
    in_group = Counter(term for q in questions for term in set(_terms(q.text)))
    scored = sorted(in_group, key=lambda t: (-in_group[t] * math.log(1 + total / document_counts[t]), t))
    return ", ".join(scored[:TOPIC_TERMS]) or "unlabelled questions"
