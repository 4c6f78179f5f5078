"""The web chat widget's use cases (issue 19 item 2): a shop embeds one script tag naming its site (an API key created
with ``--widget``); each visitor gets a signed token for their own chat, posts into it and reads it — nothing else.

    visitor token = "<key id>.<visitor id>.<HMAC-SHA256(key id . visitor id)>"   (keyed from the app's session key)

The token is the visitor's only credential: it names one thread (``widget-<visitor id>``) of one site, and is checked
on every request; the site's key being revoked or losing its widget flag ends every visitor's chat. Every request
counts against the site key's rate limit (services/api_keys.py), and against smaller ones per visitor
(REQUESTS_PER_VISITOR) and, for new chats, per client address (STARTS_PER_CLIENT), so one visitor cannot spend a
shop's whole limit. Messages enter and are read through
services/ingestion.py: the same path as every channel (validated, card data redacted, PII masked, analysed once,
audited under ``api:<site>``, an Idempotency-Key per message).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from typing import Any

from services import api_keys, ingestion
from services.bootstrap import Services
from services.clock import now_iso
from services.errors import InvalidField, NotAuthenticated, NotFound, RateLimited
from services.models import ApiKey

MAX_NAME_CHARS = 120
STARTS_PER_CLIENT = 20  # new visitors one client address may start a minute
REQUESTS_PER_VISITOR = 60  # requests one visitor may make a minute (posts, reads, stream connections)
_TOKEN = re.compile(r"([0-9]{1,12})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})")
_SIGNING_LABEL = b"frontline web chat widget v1"


@dataclass(frozen=True)
class Visitor:
    key: ApiKey
    visitor_id: str

    @property
    def thread_id(self) -> str:
        return f"widget-{self.visitor_id}"


def start_visitor(services: Services, site: Any, client: str = "") -> tuple[Visitor, str]:
    """A new visitor of the site: (the visitor, their token). Nothing is stored until they write but the counts:
    the site key's rate limit and STARTS_PER_CLIENT per client address (``client``) and minute.

    Raises:
        NotAuthenticated: no such site, revoked, or not a widget site. RateLimited: the site's key or this client
        address is over its limit.
    """
    with services.uow() as uow:
        key = _site_key(uow, site)
        api_keys.counted(uow, key)
        _within(uow, "widget-start", client[:64], STARTS_PER_CLIENT, "new chats from this address")
        secret = uow.sessions.secret("session_key")
    visitor_id = secrets.token_urlsafe(16)
    return Visitor(key, visitor_id), f"{key.id}.{visitor_id}.{_sign(secret, key.id, visitor_id)}"


def visitor(services: Services, token: Any) -> Visitor:
    """The visitor a token names, once its signature holds and its site still takes widget chats (this request is
    counted against the site's rate limit).

    Raises:
        NotAuthenticated: a malformed or forged token, or a site no longer taking chats. RateLimited.
    """
    found = _TOKEN.fullmatch(token) if isinstance(token, str) else None
    if found is None:
        raise NotAuthenticated("start a chat first: POST /widget/v1/visitors")
    key_id, visitor_id, signature = int(found[1]), found[2], found[3]
    with services.uow() as uow:
        if not hmac.compare_digest(signature, _sign(uow.sessions.secret("session_key"), key_id, visitor_id)):
            raise NotAuthenticated("this chat token is not valid")
        try:
            key = uow.integrations.key_by_id(key_id)
        except NotFound:
            raise NotAuthenticated("this chat's site no longer exists") from None
        if not key.widget:
            raise NotAuthenticated("this site does not take web chats")
        api_keys.counted(uow, key)
        _within(uow, "widget-visitor", visitor_id, REQUESTS_PER_VISITOR, "requests from this chat")
        return Visitor(key, visitor_id)


def post(services: Services, visitor: Visitor, text: Any, idempotency_key: Any, name: Any = "") -> ingestion.Posted:
    """The visitor's message into their chat (a new conversation on the first one), once per Idempotency-Key.

    Raises:
        InvalidField: a bad text, name or Idempotency-Key. Conflict: the same key is still being handled.
    """
    if name in (None, ""):
        name = "Web visitor"
    if not isinstance(name, str) or len(name) > MAX_NAME_CHARS:
        raise InvalidField("name", f"must be text of at most {MAX_NAME_CHARS} characters")
    body = {"channel": "chat", "thread_id": visitor.thread_id, "text": text,
            "customer": {"id": f"visitor-{visitor.visitor_id}", "name": name}}
    return ingestion.post_message(services, visitor.key, body, idempotency_key,
                                  with_assistant=services.settings.assistant_on_widget)


def messages(services: Services, visitor: Visitor, since: Any = 0) -> dict[str, Any]:
    """The visitor's chat since a cursor (an empty page before their first message)."""
    try:
        return ingestion.messages_since(services, visitor.key, visitor.thread_id, since)
    except NotFound:
        return {"thread_id": visitor.thread_id, "conversation_id": None, "status": "new",
                "next_cursor": ingestion.cursor(since), "messages": []}


def _within(uow: Any, scope: str, client: str, limit: int, what: str) -> None:
    now = now_iso()
    if uow.integrations.count_client(scope, client, now[:16]) > limit:
        raise RateLimited(f"more than {limit} {what} this minute", retry_after=max(1, 60 - int(now[17:19])))


def _site_key(uow: Any, site: Any) -> ApiKey:
    if not isinstance(site, str) or not 0 < len(site) <= api_keys.MAX_NAME_CHARS:
        raise NotAuthenticated("name your site: data-site on the script tag")
    try:
        key = uow.integrations.key_named(site)
    except NotFound:
        raise NotAuthenticated(f"no site {site[:64]!r} takes web chats") from None
    if not key.widget:
        raise NotAuthenticated(f"no site {site[:64]!r} takes web chats")
    return key


def _sign(secret: str, key_id: int, visitor_id: str) -> str:
    derived = hmac.new(secret.encode(), _SIGNING_LABEL, hashlib.sha256).digest()
    digest = hmac.new(derived, f"{key_id}.{visitor_id}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")
