"""Translation use cases: an article into another seed language (a new draft linked to its source), customer
messages in another language translated for the agent, and the agent's reply sent in the customer's language.

The ``translator`` capability does the work (local: Apertium, English ↔ Spanish; aws: Amazon Translate). Before any
text reaches it, PII is swapped for numbered tokens (``⟦1⟧``) and put back afterwards: a remote translator never
sees a name, an email or a phone number, and the agent or the customer still reads them in the translation (a role
that may not see PII reads ``[EMAIL]``). A pair the provider lacks is a ProviderUnavailable whose message the UI
shows: "translation between French and English needs AWS Translate".
"""

from __future__ import annotations

import hashlib
import re
import threading
import weakref
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from services.bootstrap import Services
from services.clock import now_iso
from services.errors import Conflict, InvalidInput, ServiceError
from services.kb_rules import slug_for, state_label
from services.models import SEED_LANGUAGES, Article, Message, PiiSpan, Translation, User, language_name
from services.permissions import require
from services.privacy import may_see_pii
from services.text import clean_text
from services.validation import clean_choice, require_id
from services.views import MessageTranslation, ReplyTranslation, ThreadLanguages

AGENT_LANGUAGE = "en"  # the team's language: customer messages are translated into it, replies out of it
UNDETERMINED = "und"
MAX_CACHED = 2_000  # translations kept per process (a cache: the database holds no translation of a message)
_TOKEN = re.compile(r"⟦(\d{1,4})⟧")



class _Memory:
    """What one Services container remembers in this process: translations by text (a cache) and which messages
    each user had translated (audited once)."""

    def __init__(self) -> None:
        self.cache: OrderedDict[tuple[str, ...], tuple[str, str]] = OrderedDict()
        self.audited: set[tuple[str, int]] = set()


_memories: weakref.WeakKeyDictionary[Services, _Memory] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def _memory(services: Services) -> _Memory:
    with _lock:
        return _memories.setdefault(services, _Memory())


def pairs(services: Services) -> list[tuple[str, str]]:
    """The (source, target) language pairs the configured translator offers."""
    return services.translator.pairs()


# ---- articles ------------------------------------------------------------------------------------------------


def translate_article(services: Services, user: User, article_id: int, target: str) -> Article:
    """A new draft of the article in another seed language (title and body translated, tags and product area
    kept), owned by the editor and linked to its source (``source_id``); it goes through review like any draft.

    Raises:
        PermissionDenied: a role that may not write articles ("article.edit").
        InvalidInput: a bad id, a language that is not a seed language (en, es, fr, de) or the article's own.
        NotFound: no such article. Conflict: the article already has a translation into that language (edit it).
        ProviderUnavailable: the translator cannot translate this pair ("… needs AWS Translate") or is down.
    """
    user = require(user, "article.edit")
    article_id = require_id(article_id, "article")
    target = clean_choice(target, "language", SEED_LANGUAGES)
    with services.uow() as uow:
        source = uow.articles.get(article_id)
        _refuse_second_translation(uow.articles.all(), source, target)
    if source.language == target:
        raise InvalidInput(f"the article is already in {language_name(target)}")
    title = _translate(services, source.title, source.language, target).text.strip()
    body = _translate(services, source.body, source.language, target)
    summary = (f"Translated from {language_name(source.language)} (article {source.id}, version {source.version}) "
               f"by {body.provider}")
    with services.uow() as uow:  # written after translating: no write lock while the translator runs
        _refuse_second_translation(uow.articles.all(), source, target)
        slug = slug_for(title, (a.slug for a in uow.articles.all()))
        article = uow.articles.add(Article(0, slug, title[:200] or source.title, body.text.rstrip() + "\n",
                                           source.category, "draft", 1, now_iso(), target, source.tags,
                                           user.username, source_id=source.id),
                                   actor=user.username, summary=summary)
        uow.audit.record(user.username, "article_translate", "article", str(article.id),
                         f"{summary}; {state_label('draft')}")
    return article


def _refuse_second_translation(articles: Sequence[Article], source: Article, target: str) -> None:
    for other in articles:
        if other.source_id == source.id and other.language == target and other.status != "archived":
            raise Conflict(f"article {source.id} already has a {language_name(target)} translation "
                           f"(article {other.id}, {state_label(other.status)}); edit that one")


def translations_of(articles: Sequence[Article], article: Article) -> list[Article]:
    """The articles translated from this one (any state), by id."""
    return [a for a in articles if a.source_id == article.id]


# ---- conversations ---------------------------------------------------------------------------------------------


def thread_languages(services: Services, user: User, conversation_id: int) -> ThreadLanguages:
    """Translations of the conversation's customer messages written in another language than the agent's, and the
    language a reply may be sent in. A message the translator cannot do carries the reason instead (shown under
    it); nothing here fails because a translation is unavailable. The first translation of a message for a user
    is audited (which messages, which languages, which provider).

    Raises:
        PermissionDenied: not this user's conversation to read. InvalidInput, NotFound: a bad id.
    """
    require(user, "conversation.read")
    from services.conversations import readable  # the row-level rule (services/workflow.py)

    conversation = readable(services, user, conversation_id)
    with services.uow() as uow:
        messages = [m for m in uow.conversations.messages_for(conversation.id) if m.author_role == "customer"]
        languages = {m.id: _stored_language(uow, m.id) for m in messages}
    languages = {m.id: languages[m.id] or _detect(services, m.text) for m in messages}  # stored, else detected
    shows_pii = may_see_pii(user)
    found = {m.id: _message_translation(services, m, languages[m.id], shows_pii) for m in messages
             if languages[m.id] not in (UNDETERMINED, AGENT_LANGUAGE)}
    _audit_new(services, user, conversation.id, found)
    latest = languages[messages[-1].id] if messages else AGENT_LANGUAGE
    reply = latest if latest not in (UNDETERMINED, AGENT_LANGUAGE) else None
    return ThreadLanguages(found, reply, language_name(reply) if reply else "")


def _stored_language(uow: Any, message_id: int) -> str:
    analysis = uow.assist.get_analysis(message_id)
    return analysis.language if analysis is not None and analysis.language else ""


def _detect(services: Services, text: str) -> str:
    try:
        return services.language.detect(text)
    except ServiceError:
        return UNDETERMINED


def _message_translation(services: Services, message: Message, language: str, shows_pii: bool) -> MessageTranslation:
    try:
        result = _translate(services, message.text, language, AGENT_LANGUAGE, restore=shows_pii)
    except ServiceError as e:
        return MessageTranslation(message.id, language, AGENT_LANGUAGE, notice=str(e))
    return MessageTranslation(message.id, language, AGENT_LANGUAGE, result.text, result.provider)


def _audit_new(services: Services, user: User, conversation_id: int, found: dict[int, MessageTranslation]) -> None:
    memory = _memory(services)
    with _lock:
        new = [t for t in found.values() if t.text and (user.username, t.message_id) not in memory.audited]
        memory.audited.update((user.username, t.message_id) for t in new)
    if new:
        detail = "; ".join(f"message {t.message_id} {t.source} → {t.target} by {t.provider}" for t in new)
        with services.uow() as uow:
            uow.audit.record(user.username, "translate_messages", "conversation", str(conversation_id), detail)


def translate_reply(services: Services, user: User, conversation_id: int, text: str) -> ReplyTranslation:
    """The agent's reply translated into the language of the customer's latest message, for the agent to read
    (and correct) before sending it with send_translated_reply. Nothing is stored.

    Raises:
        PermissionDenied: not this user's conversation to reply to. InvalidInput: empty or bad text, or the customer
        writes the agent's language. NotFound. InvalidTransition: the conversation takes no replies now.
        ProviderUnavailable: the translator cannot translate this pair ("… needs AWS Translate") or is down.
    """
    require(user, "conversation.reply")
    from services.conversations import checked

    conversation, _ = checked(services, user, conversation_id, "reply")
    text = clean_text(text)
    target = thread_languages(services, user, conversation.id).reply_language
    if target is None:
        raise InvalidInput("the customer writes in English: send the reply as it is")
    if _detect(services, text) == target:
        raise InvalidInput(f"the reply is already in {language_name(target)}: send it as it is")
    result = _translate(services, text, AGENT_LANGUAGE, target)
    return ReplyTranslation(text, result.text, AGENT_LANGUAGE, target, result.provider)


def send_translated_reply(services: Services, user: User, conversation_id: int, text: str, translation: str,
                          language: str, suggestion_id: int | None = None, subject: str = "") -> Message:
    """Send the translation (what the customer reads, as the agent checked or corrected it) and keep the agent's
    own text with it (``Message.original``); the audit entry names the language.

    Raises:
        InvalidInput (either text empty or bad, an unknown language), NotFound, PermissionDenied,
        InvalidTransition: checked before anything is stored.
    """
    require(user, "conversation.reply")
    original = clean_text(text)
    translation = clean_text(translation)
    from services.conversations import send_reply

    return send_reply(services, user, conversation_id, translation, suggestion_id, subject, original=original,
                      language=language)


# ---- the translator, with PII swapped out and a cache ---------------------------------------------------------


def _translate(services: Services, text: str, source: str, target: str, restore: bool = True) -> Translation:
    """Translate text with its PII swapped for tokens; the values come back (restore) or their kind in brackets."""
    if source == target:
        return Translation(text, source, target, "none")
    from services.assist import detect_pii

    spans = detect_pii(services, text).spans
    protected, values = protect(text, spans)
    key = (source, target, hashlib.sha256(protected.encode("utf-8", "surrogatepass")).hexdigest())
    cache = _memory(services).cache
    with _lock:
        cached = cache.get(key)
        if cached is not None:
            cache.move_to_end(key)
    if cached is None:
        result = services.translator.translate(protected, source, target)
        cached = (result.provider, result.text)
        with _lock:
            cache[key] = cached
            while len(cache) > MAX_CACHED:
                cache.popitem(last=False)
    provider, translated = cached
    return Translation(unprotect(translated, values, restore), source, target, provider)


def protect(text: str, spans: Sequence[PiiSpan]) -> tuple[str, list[tuple[str, str]]]:
    """(text with each PII span replaced by ⟦n⟧, [(value, kind)] by n − 1); overlapping spans merge."""
    out, values, cursor = [], [], 0
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if span.end <= cursor:
            continue
        start = max(span.start, cursor)
        out.append(text[cursor:start])
        values.append((text[start:span.end], span.kind))
        out.append(f"⟦{len(values)}⟧")
        cursor = span.end
    out.append(text[cursor:])
    return "".join(out), values


def unprotect(text: str, values: Sequence[tuple[str, str]], restore: bool = True) -> str:
    """The tokens back to their values (or "[KIND]"); a token the translator invented is dropped."""
    def value(match: re.Match) -> str:
        index = int(match.group(1)) - 1
        if not 0 <= index < len(values):
            return ""
        original, kind = values[index]
        return original if restore else f"[{kind}]"

    return _TOKEN.sub(value, text)
