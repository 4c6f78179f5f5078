"""Drafting a knowledge-base article from a gap (services/kb_gaps.py), for an editor to review.

The sources are read here, masked: the gap's questions (each conversation's opening customer message), the agent
replies of those conversations that were resolved, and the approved articles nearest to the topic. The configured
drafter (services.drafter: the local extractive composer, or an LLM provider) turns them into a draft whose every
sentence names its source; a sentence naming no source that exists is dropped here, whatever the provider. The
draft is stored as an article In review, owned by the editor who asked, with its sources kept beside it (a draft
record) so the editor reads each sentence next to where it came from. The article then follows the usual workflow
(services/knowledge.py): edit, approve or reject.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from services import privacy
from services.bootstrap import Services
from services.clock import now_iso
from services.errors import InvalidInput
from services.kb_rules import AI_DRAFTER, clean_area, clean_body, clean_title, next_state, slug_for
from services.models import Article, ArticleDraft, DraftRecord, DraftRequest, DraftSection, DraftSource, User
from services.permissions import require
from services.ports import UnitOfWork
from services.text import MAX_MESSAGE_CHARS
from services.validation import clean_field, require_id
from services.views import DraftedArticle

MAX_CONVERSATIONS = 60
MAX_RELATED = 3
RELATED_MIN_SCORE = 0.4  # an article scoring under this for the topic is about something else: not a source
MAX_LISTED = 20
MAX_TOPIC_CHARS = 120
DRAFT_TAG = "drafted from a gap"


def draft_from_gap(services: Services, user: User, conversation_ids: Sequence[Any], topic: str) -> Article:
    """A draft article, In review and owned by the user, from the gap's conversations (their opening questions
    and, of the resolved ones, the agents' replies) and the approved articles nearest to the topic.

    Raises:
        PermissionDenied: a role that may not draft articles ("article.draft": editors and admins).
        InvalidInput: no conversations, too many, a bad id or topic; a drafter that found nothing to quote.
        NotFound: a conversation that does not exist.
        ProviderUnavailable: the configured drafter could not be reached (a remote one falls back to local).
    """
    user = require(user, "article.draft")
    ids = _conversation_ids(conversation_ids)
    topic = clean_field(topic, "topic", MAX_TOPIC_CHARS)
    with services.uow() as uow:
        sources = _conversation_sources(uow, ids)
        uow.audit.record(user.username, "read_gap_sources", "conversations", ",".join(map(str, ids))[:500],
                         f"{len(sources)} masked questions and replies for a draft on {topic!r}")
    request = DraftRequest(topic, "en", (*sources, *_related(services, topic, sources)))
    draft = traceable(services.drafter.draft(request), request)
    body = draft_markdown(draft)
    if not body:
        raise InvalidInput("the drafter found nothing in these conversations to quote; answer a few of them first")
    return _store(services, user, request, draft, body)


def _conversation_ids(values: Any) -> list[int]:
    if isinstance(values, (str, bytes)) or not isinstance(values, Sequence) or not values:
        raise InvalidInput("name the gap's conversations (a list of conversation ids)")
    if len(values) > MAX_CONVERSATIONS:
        raise InvalidInput(f"a draft is made from at most {MAX_CONVERSATIONS} conversations; got {len(values)}")
    return list(dict.fromkeys(require_id(v, "conversation") for v in values))


def _conversation_sources(uow: UnitOfWork, ids: list[int]) -> list[DraftSource]:
    """The opening customer question of each conversation, then the agents' replies of the resolved ones: their
    masked text, with the customer's name masked too (an agent's reply is masked without it: "Hi Ada, …")."""
    questions, replies = [], []
    for conversation_id in ids:
        conversation = uow.conversations.get(conversation_id)
        names = [uow.customers.get(conversation.customer_id).name]
        messages = uow.conversations.messages_for(conversation_id)
        opening = next((m for m in messages if m.author_role == "customer"), None)
        if opening is not None:
            questions.append(DraftSource("question", f"question in conversation {conversation_id}",
                                         _masked(opening.masked_text, names)))
        if conversation.status == "resolved":
            replies += [DraftSource("reply", f"reply in conversation {conversation_id}", _masked(m.masked_text, names))
                        for m in messages if m.author_role == "agent"]
    return questions + replies


def _masked(text: str, names: list[str]) -> str:
    text = text[:MAX_MESSAGE_CHARS]
    return privacy.mask(text, privacy.known_name_spans(text, names))


def _related(services: Services, topic: str, sources: list[DraftSource]) -> list[DraftSource]:
    """The approved articles nearest to the topic and the first question (the search serves approved ones only)."""
    from services import assist  # the search provider and its index live with the assist pipeline

    assist.ensure_kb_index(services)
    first = next((s.text for s in sources if s.kind == "question"), "")
    hits = services.search.search(f"{topic}. {first}"[:1000], MAX_RELATED)
    with services.uow() as uow:
        approved = {a.id: a for a in uow.articles.all(status="approved")}
    return [DraftSource("article", f"article {hit.article_id}",
                        f"{approved[hit.article_id].title}\n\n{approved[hit.article_id].body}")
            for hit in hits if hit.article_id in approved and hit.score >= RELATED_MIN_SCORE]


def traceable(draft: ArticleDraft, request: DraftRequest) -> ArticleDraft:
    """The draft without any sentence that names no source of the request (or names one it does not quote
    verbatim, for the local provider's promise), and without sections left empty."""
    count = len(request.sources)
    sections = []
    for section in draft.sections:
        kept = tuple(s for s in section.sentences
                     if s.source is not None and isinstance(s.source, int) and 0 <= s.source < count
                     and s.text.strip() and (draft.provider != "local" or s.text in request.sources[s.source].text))
        if kept:
            sections.append(DraftSection(section.heading, kept))
    return ArticleDraft(draft.title, tuple(sections), draft.provider)


def draft_markdown(draft: ArticleDraft) -> str:
    """The article body: one markdown section per draft section (steps numbered, FAQ as question / answer pairs)."""
    parts = []
    for section in draft.sections:
        texts = [s.text.strip() for s in section.sentences]
        if section.heading == "Steps":
            lines = [f"{n}. {t}" for n, t in enumerate(texts, start=1)]
        elif section.heading == "FAQ":
            lines = [f"**{t}**\n" if n % 2 == 0 else f"{t}\n" for n, t in enumerate(texts)]
        elif section.heading in ("Troubleshooting", "Related articles"):
            lines = [f"- {t}" for t in texts]
        else:
            lines = [" ".join(texts)]
        parts.append(f"## {section.heading}\n\n" + "\n".join(lines).rstrip())
    return "\n\n".join(parts) + "\n" if parts else ""


def _store(services: Services, user: User, request: DraftRequest, draft: ArticleDraft, body: str) -> Article:
    """The article (created as a draft, then submitted: In review), its draft record and the audit entry, in one
    unit of work."""
    try:
        title = clean_title(draft.title)
    except InvalidInput:
        title = clean_title(request.topic.capitalize())
    with services.uow() as uow:
        slug = slug_for(title, (a.slug for a in uow.articles.all()))
        created = uow.articles.add(Article(0, slug, title, clean_body(body), clean_area("General"), "draft", 1,
                                           now_iso(), request.language, (DRAFT_TAG,), user.username),
                                   actor=AI_DRAFTER, summary=f"Drafted from a gap ({draft.provider} drafter)")
        article = uow.articles.update(created.id, user.username, expected_version=created.version,
                                      summary="Submitted for review", status=next_state("draft", "submit"))
        uow.articles.add_draft_record(DraftRecord(article.id, request.topic, draft.provider, user.username,
                                                  now_iso(), request.sources, draft))
        uow.audit.record(user.username, "article_draft", "article", str(article.id),
                         f"v{article.version}: drafted from {len(request.sources)} sources on {request.topic!r} "
                         f"by the {draft.provider} drafter → In review")
    return article


def draft_provenance(services: Services, user: User, article_id: int) -> DraftRecord | None:
    """What a drafted article was drafted from (None: it was not drafted from a gap), audited.

    Raises:
        PermissionDenied: a role that may not browse articles ("article.read"). InvalidInput: a bad id.
    """
    user = require(user, "article.read")
    article_id = require_id(article_id, "article")
    with services.uow() as uow:
        record = uow.articles.draft_record(article_id)
        if record is not None:
            uow.audit.record(user.username, "view_draft_sources", "article", str(article_id),
                             f"{len(record.sources)} masked sources")
    return record


def drafted_articles(services: Services, user: User) -> list[DraftedArticle]:
    """The articles drafted from gaps, newest first, as they are now (a deleted one is left out).

    Raises:
        PermissionDenied: a role that may not browse articles ("article.read").
    """
    require(user, "article.read")
    with services.uow() as uow:
        records = uow.articles.draft_records(limit=MAX_LISTED)
        articles = {a.id: a for a in uow.articles.all()}
    return [DraftedArticle(articles[r.article_id], r) for r in records if r.article_id in articles]
