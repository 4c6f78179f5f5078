"""The social channel, inbound (issue 19 item 4): a messaging platform's webhook calls, in Meta's public Webhooks format
for Facebook Pages / Messenger (``object: "page"``) and Instagram (``object: "instagram"``), become customer messages
through the ingestion use case (services/ingestion.py: validated, card data redacted, PII masked before storage,
analysed once, audited under ``api:<integration>``).

    GET  ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…  ─► the challenge back (the subscription handshake)
    POST X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>
         {"object": "page", "entry": [{"id": PAGE, "time": ms, "messaging": [{"sender": {"id": PSID}, "recipient":
          {"id": PAGE}, "timestamp": ms, "message": {"mid": "m_…", "text": "…"}}],
                                       "changes": [{"field": "feed", "value": {"item": "comment", "verb": "add",
          "comment_id": "…", "post_id": "…", "from": {"id": "…", "name": "…"}, "message": "…", "created_time": s}}]}]}

An integration is an API key (``python -m services api-key create meta-shop``) whose name has an app secret in the
settings (``social_app_secrets``, per integration; FRONTLINE_SOCIAL_APP_SECRET_<name>). The signature is checked on
the raw body, in constant time, before the body is read as JSON. A private message (``messaging``) joins the sender's
private thread (``<platform>:dm:<sender id>``); a public comment opens a public thread per top-level comment
(``<platform>:comment:<sender id>:<comment id>``), whose agent replies are sent public-safe (services/social_outbound.py).
Replays are ignored: each event is posted with the Idempotency-Key ``<platform>:<message or comment id>`` (kept for
a day, services/ingestion.py KEPT_S), and an event older than ``social_max_age_s`` (at most that day) is not taken.
A call is checked whole before anything is stored: a malformed event refuses the call (422) and stores nothing.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass
from typing import Any

from services import api_keys, ingestion
from services.bootstrap import Services
from services.clock import now_iso, parse_iso
from services.errors import InvalidField, InvalidInput, NotAuthenticated, NotFound, PermissionDenied
from services.models import ApiKey
from services.text import clean_text

PLATFORMS = {"page": "Facebook", "instagram": "Instagram"}
MAX_EVENTS = 200  # events one call may carry (Meta batches up to 1,000 per call in theory, far fewer in practice)
FUTURE_SKEW_S = 300  # an event this far ahead of our clock is not taken either (a clock gone wrong, or a forgery)
_SIGNATURE = re.compile(r"sha256=([0-9a-fA-F]{64})")
_ID = re.compile(r"[0-9A-Za-z_.:-]{1,120}")  # a platform id (numbers, "m_…" message ids, "123_456" comment ids)
_CHALLENGE = re.compile(r"[\x21-\x7e]{1,200}")


@dataclass(frozen=True)
class SocialEvent:
    """One customer message a webhook call carries."""

    platform: str  # "page" | "instagram"
    kind: str  # "dm" | "comment"
    event_id: str  # the platform's message id (mid) or comment id: what replays are recognised by
    thread: str  # the platform id the thread is kept by: the sender (dm) or the top-level comment (comment)
    sender_id: str
    sender_name: str
    handle: str
    text: str
    at: float  # when the platform says it happened, seconds since the epoch

    @property
    def thread_id(self) -> str:
        """A private thread per sender; a public one per sender and top-level comment (another customer answering
        under the same comment has a thread of their own; every reply goes under the top-level comment)."""
        if self.kind == "dm":
            return f"{self.platform}:dm:{self.sender_id}"
        return f"{self.platform}:comment:{self.sender_id}:{self.thread}"


@dataclass(frozen=True)
class Received:
    """What one webhook call did: events taken (stored), replays of ones already taken, events not for us (echoes
    of our own messages, read receipts, reactions, attachments without text) and events too old to take."""

    events: int = 0
    stored: int = 0
    replayed: int = 0
    ignored: int = 0
    stale: int = 0

    def as_dict(self) -> dict[str, int]:
        return {"events": self.events, "stored": self.stored, "replayed": self.replayed, "ignored": self.ignored,
                "stale": self.stale}


def integration(services: Services, name: Any) -> ApiKey:
    """The API key of a social integration that has an app secret configured.

    Raises:
        NotFound: no such integration, or no app secret for it (so nothing tells a caller which keys exist).
    """
    if not isinstance(name, str) or name not in services.settings.social_app_secrets:
        raise NotFound("no social integration by that name is configured")
    with services.uow() as uow:
        try:
            return uow.integrations.key_named(name)
        except NotFound:
            raise NotFound("no social integration by that name is configured") from None


def verify_subscription(services: Services, name: Any, mode: Any, token: Any, challenge: Any) -> str:
    """The platform's subscription handshake: the challenge back when the verify token is this integration's.

    Raises:
        NotFound: no such integration. PermissionDenied: not "subscribe", or a wrong (or no configured) token.
        InvalidField: a missing or malformed challenge.
    """
    key = integration(services, name)
    expected = services.settings.social_verify_tokens.get(key.name, "")
    if mode != "subscribe" or not expected or not isinstance(token, str) or not hmac.compare_digest(
            token.encode(), expected.encode()):
        raise PermissionDenied("hub.mode must be subscribe and hub.verify_token this integration's verify token")
    if not isinstance(challenge, str) or not _CHALLENGE.fullmatch(challenge):
        raise InvalidField("hub.challenge", "send 1 to 200 visible ASCII characters")
    return challenge


def admit(services: Services, name: Any, raw: bytes, signature: Any) -> ApiKey:
    """The integration a signed call comes from, once its signature holds on the raw body (constant-time compare),
    its key is not revoked and within its rate limit (this call is counted).

    Raises:
        NotFound: no such integration. NotAuthenticated: no signature, a malformed or wrong one, a revoked key.
        RateLimited.
    """
    key = integration(services, name)
    found = _SIGNATURE.fullmatch(signature.strip()) if isinstance(signature, str) else None
    if found is None:
        raise NotAuthenticated("send the platform's signature: X-Hub-Signature-256: sha256=<hex>")
    secret = services.settings.social_app_secrets[key.name]
    expected = hmac.new(secret.encode(), raw, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(found[1].lower().encode(), expected.encode()):
        raise NotAuthenticated("the X-Hub-Signature-256 signature does not match this body")
    with services.uow() as uow:
        return api_keys.counted(uow, key)


def receive(services: Services, key: ApiKey, document: Any) -> Received:
    """Take a webhook call's events (the call already admitted): each new one stored as a customer message of its
    thread, replays and stale ones left alone.

    Raises:
        InvalidField: the document is not in the platform's format (``field`` names the first fault); nothing of
            the call is stored then.
    """
    now = parse_iso(now_iso()).timestamp()
    events, ignored = parse(document)
    taken = [e for e in events if now - services.settings.social_max_age_s <= e.at <= now + FUTURE_SKEW_S]
    for i, event in enumerate(taken):  # every event checked as ingestion will before any is stored
        try:
            ingestion.validate(_body(event))
        except InvalidField as e:
            raise InvalidField(f"event {i}: {e.field}", str(e).split(": ", 1)[-1]) from None
    stored = replayed = 0
    for event in taken:
        posted = ingestion.post_message(services, key, _body(event), f"{event.platform}:{event.event_id}")
        replayed += posted.replayed
        stored += not posted.replayed
    return Received(len(events) + ignored, stored, replayed, ignored, len(events) - len(taken))


def _body(event: SocialEvent) -> dict[str, Any]:
    customer = {"id": f"{event.platform}:{event.sender_id}", "name": event.sender_name, "handle": event.handle}
    return {"channel": "social", "thread_id": event.thread_id, "customer": customer, "text": event.text,
            "subject": f"{PLATFORMS[event.platform]} {'message' if event.kind == 'dm' else 'comment'}"}


# ---- the platform's format ------------------------------------------------------------------------------------------


def parse(document: Any) -> tuple[list[SocialEvent], int]:
    """The customer messages a webhook document carries, and how many of its events are not for us.

    Raises:
        InvalidField: not an object of a known platform, a malformed entry or event (``field`` names it).
    """
    if not isinstance(document, dict):
        raise InvalidField("body", "must be a JSON object")
    platform = document.get("object")
    if not isinstance(platform, str) or platform not in PLATFORMS:
        raise InvalidField("object", f"must be one of {', '.join(PLATFORMS)} (a Page or Instagram subscription)")
    entries = _list(document.get("entry"), "entry")
    events: list[SocialEvent] = []
    ignored = 0
    for i, entry in enumerate(entries):
        where = f"entry.{i}"
        entry = _object(entry, where)
        owner = _id(entry.get("id"), f"{where}.id")
        for j, item in enumerate(_list(entry.get("messaging", []), f"{where}.messaging")):
            event = _message(platform, owner, _object(item, f"{where}.messaging.{j}"), f"{where}.messaging.{j}")
            events, ignored = (events + [event], ignored) if event else (events, ignored + 1)
        for j, item in enumerate(_list(entry.get("changes", []), f"{where}.changes")):
            event = _comment(platform, owner, _object(item, f"{where}.changes.{j}"), entry, f"{where}.changes.{j}")
            events, ignored = (events + [event], ignored) if event else (events, ignored + 1)
        if len(events) + ignored > MAX_EVENTS:
            raise InvalidField("entry", f"carries more than {MAX_EVENTS} events; send them in smaller calls")
    return events, ignored


def _message(platform: str, owner: str, item: dict[str, Any], where: str) -> SocialEvent | None:
    """A private message from a customer; None for what is not one (our own echo, a delivery or read receipt, a
    reaction, an attachment without text)."""
    message = item.get("message")
    if message is None:
        return None
    message = _object(message, f"{where}.message")
    sender = _id(_object(item.get("sender"), f"{where}.sender").get("id"), f"{where}.sender.id")
    if message.get("is_echo") is True or sender == owner or not message.get("text"):
        return None
    mid = _id(message.get("mid"), f"{where}.message.mid")
    at = _moment(item.get("timestamp"), f"{where}.timestamp", milliseconds=True)
    name = f"{PLATFORMS[platform]} user {sender[-4:]}"
    return SocialEvent(platform, "dm", mid, sender, sender, name, f"{platform}:{sender}"[:80],
                       _text(message.get("text"), f"{where}.message.text"), at)


def _comment(platform: str, owner: str, change: dict[str, Any], entry: dict[str, Any],
             where: str) -> SocialEvent | None:
    """A customer's public comment on one of our posts; None for other changes (edits, removals, likes, our own)."""
    value = _object(change.get("value"), f"{where}.value")
    field = change.get("field")
    if platform == "page":
        if field != "feed" or value.get("item") != "comment" or value.get("verb") != "add":
            return None
        comment_id = _id(value.get("comment_id"), f"{where}.value.comment_id")
        parent = value.get("parent_id")
        thread = _id(parent, f"{where}.value.parent_id") if parent and parent != value.get("post_id") else comment_id
        author = _object(value.get("from"), f"{where}.value.from")
        text_field, at = "message", _moment(value.get("created_time"), f"{where}.value.created_time")
        handle = _name(author.get("name"), f"{where}.value.from.name")
    else:
        if field not in ("comments", "mentions") or "text" not in value:
            return None
        comment_id = _id(value.get("id") or value.get("comment_id"), f"{where}.value.id")
        parent = value.get("parent_id")
        thread = _id(parent, f"{where}.value.parent_id") if parent else comment_id
        author = _object(value.get("from"), f"{where}.value.from")
        text_field, at = "text", _moment(entry.get("time"), f"{where.rsplit('.changes', 1)[0]}.time",
                                         milliseconds=True)
        username = _name(author.get("username"), f"{where}.value.from.username")
        handle = f"@{username}" if username else ""
    sender = _id(author.get("id"), f"{where}.value.from.id")
    if sender == owner:
        return None  # our own comment (an agent's reply coming back)
    if not value.get(text_field):
        return None  # a photo or sticker without words
    name = handle.lstrip("@") or f"{PLATFORMS[platform]} user {sender[-4:]}"
    return SocialEvent(platform, "comment", comment_id, thread, sender, name[:120], (handle or name)[:80],
                       _text(value.get(text_field), f"{where}.value.{text_field}"), at)


def _object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InvalidField(where, "must be an object")
    return value


def _list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise InvalidField(where, "must be a list")
    if len(value) > MAX_EVENTS:
        raise InvalidField(where, f"holds more than {MAX_EVENTS} items")
    return value


def _id(value: Any, where: str) -> str:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        value = str(value)
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise InvalidField(where, "must be a platform id (1 to 120 letters, digits, '_', '.', ':' or '-')")
    return value


def _moment(value: Any, where: str, milliseconds: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value < 10**14:
        raise InvalidField(where, "must be a time in " + ("milliseconds" if milliseconds else "seconds")
                           + " since 1970")
    return value / 1000 if milliseconds else float(value)


def _name(value: Any, where: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str) or len(value) > 120:
        raise InvalidField(where, "must be text of at most 120 characters")
    return " ".join(value.split())


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str) or len(value) > ingestion.MAX_TEXT_CHARS:
        raise InvalidField(where, f"must be text of at most {ingestion.MAX_TEXT_CHARS:,} characters")
    try:
        return clean_text(value)
    except InvalidInput as e:
        raise InvalidField(where, str(e)) from None
