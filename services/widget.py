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

from services import api_keys, assistant, ingestion
from services.bootstrap import Services
from services.clock import now_iso
from services.errors import InvalidField, NotAuthenticated, NotFound, RateLimited
from services.models import ApiKey, Customer, User
from services.permissions import require

MAX_NAME_CHARS = 120
STARTS_PER_CLIENT = 20  # new visitors one client address may start a minute
REQUESTS_PER_VISITOR = 60  # requests one visitor may make a minute (posts, reads, stream connections)
_TOKEN = re.compile(r"([0-9]{1,12})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})")
_SIGNING_LABEL = b"frontline web chat widget v1"
_IDENTITY_LABEL = "frontline web chat identity v1"
RATINGS = {"up": 1, "down": -1}  # the customer's thumbs on an assistant answer, as stored
RATINGS_SHOWN = {1: "up", -1: "down"}
_EMAIL = re.compile(r"[^@\s]{1,64}@[^@\s]{1,189}")


@dataclass(frozen=True)
class Visitor:
    key: ApiKey
    visitor_id: str

    @property
    def thread_id(self) -> str:
        return f"widget-{self.visitor_id}"


def start_visitor(services: Services, site: Any, client: str = "", customer: Any = None,
                  signature: Any = None) -> tuple[Visitor, str]:
    """A new visitor of the site: (the visitor, their token). Nothing is stored until they write but the counts:
    the site key's rate limit and STARTS_PER_CLIENT per client address (``client``) and minute.

    An identified visitor: a shop whose customer is signed in passes ``customer`` ({"email", "name"}) and
    ``signature`` = hex HMAC-SHA256 of the lower-cased e-mail under the site's identity secret (``identity_secret``,
    shown to an admin by ``python -m services api-key identity-secret SITE``; computed on the shop's server, never in
    the browser). The chat is then the customer's own in our records, so the assistant may answer from their orders;
    the link is stored at once (audited).

    Raises:
        NotAuthenticated: no such site, revoked, or not a widget site; a customer without a matching signature.
        InvalidField: a malformed customer. RateLimited: the site's key or this client address is over its limit.
    """
    email, name = _identity(customer) if customer is not None else ("", "")
    with services.uow() as uow:
        key = _site_key(uow, site)
        api_keys.counted(uow, key)
        _within(uow, "widget-start", client[:64], STARTS_PER_CLIENT, "new chats from this address")
        secret = uow.sessions.secret("session_key")
        visitor_id = secrets.token_urlsafe(16)
        if email:
            if not isinstance(signature, str) or not hmac.compare_digest(
                    signature.lower(), sign_identity(identity_secret_for(secret, key.id), email)):
                raise NotAuthenticated("the customer's signature does not match this site's identity secret")
            customer_id = uow.integrations.customer_by_email(email)
            if customer_id is None:
                customer_id = uow.customers.add(Customer(0, name or email, email, "", "standard", 0.0,
                                                         now_iso()[:10], "", "")).id
            uow.integrations.add_customer(key.id, f"visitor-{visitor_id}", customer_id)
            uow.audit.record(f"api:{key.name}", "widget_identified_visitor", "customer", str(customer_id),
                             f"visitor {visitor_id[:8]}")
    return Visitor(key, visitor_id), f"{key.id}.{visitor_id}.{_sign(secret, key.id, visitor_id)}"


def demo_identity(services: Services, site: str, email: Any) -> tuple[str, str, str] | None:
    """(e-mail, name, signature) of the known customer with this e-mail, for the demo shop page to sign in as, when
    ``widget_demo_identity`` is on — a demo setting, never for a real shop (anyone could then chat as any
    customer); None when it is off or nobody has that e-mail."""
    if not services.settings.widget_demo_identity or not isinstance(email, str) or not _EMAIL.fullmatch(email.strip()):
        return None
    with services.uow() as uow:
        customer_id = uow.integrations.customer_by_email(email.strip().lower())
        if customer_id is None:
            return None
        customer = uow.customers.get(customer_id)
        key = _site_key(uow, site)
        secret = identity_secret_for(uow.sessions.secret("session_key"), key.id)
    return customer.email, customer.name, sign_identity(secret, customer.email)


def identity_secret(services: Services, user: User, site: Any) -> str:
    """The site's identity secret (hex) for the shop's server, derived from this installation's session key: the
    same in every process, never stored. Reading it is audited.

    Raises:
        PermissionDenied: not an admin (integrations.manage). NotAuthenticated: no such widget site.
    """
    user = require(user, "integrations.manage")
    with services.uow() as uow:
        key = _site_key(uow, site)
        uow.audit.record(user.username, "widget_identity_secret", "api_key", str(key.id), key.name)
        return identity_secret_for(uow.sessions.secret("session_key"), key.id)


def identity_secret_for(secret: str, key_id: int) -> str:
    return hmac.new(secret.encode(), f"{_IDENTITY_LABEL}|{key_id}".encode(), hashlib.sha256).hexdigest()


def sign_identity(identity_secret_hex: str, email: str) -> str:
    """What the shop's server sends with a signed-in customer: hex HMAC-SHA256(identity secret, lower-cased e-mail)."""
    return hmac.new(identity_secret_hex.encode(), email.strip().lower().encode(), hashlib.sha256).hexdigest()


def _identity(customer: Any) -> tuple[str, str]:
    if not isinstance(customer, dict) or set(customer) - {"email", "name"}:
        raise InvalidField("customer", "must be an object with email and name")
    email, name = customer.get("email"), customer.get("name", "")
    if not isinstance(email, str) or not _EMAIL.fullmatch(email) or len(email) > 254:
        raise InvalidField("customer.email", "must be an e-mail address")
    if not isinstance(name, str) or len(name) > MAX_NAME_CHARS:
        raise InvalidField("customer.name", f"must be text of at most {MAX_NAME_CHARS} characters")
    return email.strip().lower(), name.strip()


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
    """The visitor's chat since a cursor (an empty page before their first message). The assistant's answers carry
    ``rateable`` and the visitor's ``rating`` of them ("up", "down" or None)."""
    try:
        page = ingestion.messages_since(services, visitor.key, visitor.thread_id, since)
    except NotFound:
        return {"thread_id": visitor.thread_id, "conversation_id": None, "status": "new",
                "next_cursor": ingestion.cursor(since), "messages": []}
    if any(m["role"] == "assistant" for m in page["messages"]):
        with services.uow() as uow:
            ratings = uow.integrations.answer_ratings(page["conversation_id"])
        for message in page["messages"]:
            if message["role"] == "assistant":
                message["rateable"] = message["text"] != assistant.HANDOVER_MESSAGE
                message["rating"] = RATINGS_SHOWN.get(ratings.get(message["id"], 0))
    return page


def rate(services: Services, visitor: Visitor, message_id: Any, rating: Any) -> dict[str, Any]:
    """The visitor's rating of one of the assistant's answers in their chat: "up" (helpful) or "down"; once per
    answer, a later rating replacing it. Audited under ``api:<site>``.

    Raises:
        InvalidField: a malformed message id or rating. NotFound: no such answer of the assistant in this chat.
    """
    if isinstance(message_id, bool) or not isinstance(message_id, int) or not 0 < message_id < 2**62:
        raise InvalidField("message_id", "must be the id of one of the assistant's messages in this chat")
    if not isinstance(rating, str) or rating not in RATINGS:
        raise InvalidField("rating", "must be up or down")
    with services.uow() as uow:
        conversation_id = uow.integrations.thread(visitor.key.id, visitor.thread_id)
        chat = uow.conversations.messages_for(conversation_id) if conversation_id is not None else []
        message = next((m for m in chat if m.id == message_id), None)
        if conversation_id is None or message is None or message.author_role != "assistant" \
                or message.text == assistant.HANDOVER_MESSAGE:
            raise NotFound(f"no answer {message_id} of the assistant in this chat")
        uow.integrations.rate_answer(message.id, conversation_id, RATINGS[rating], now_iso())
        uow.audit.record(f"api:{visitor.key.name}", "widget_rate_answer", "message", str(message.id),
                         f"{rating} (conversation {conversation_id})")
    return {"message_id": message.id, "rating": rating}


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
