"""The ingestion API's use cases: a customer message posted by an integration (a shop's chat, a mail gateway, a
social account) enters through the simulator's path (services/inbox.py: validated, card data redacted, PII masked
before storage, analysed once, one transaction), and the integration reads its threads' messages since a cursor.

    admitted key (api_keys.admit) ─► post_message: schema ─► Idempotency-Key claimed ─► thread → conversation
                                                        └► retried: the first response, nothing new stored

A request is validated whole before anything is written; its Idempotency-Key is claimed in the database (every API
process sees the claim), and the message, the thread and customer mappings, the stored response and the audit entry
commit together, so a retried POST never makes a second message and a refused one leaves nothing but the rate count.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import jsonschema

from services import assist, assistant, inbox
from services.bootstrap import Services
from services.clock import now_iso, parse_iso, to_iso
from services.errors import Conflict, InvalidField, InvalidInput, NotFound, ServiceError
from services.models import ApiKey, Customer
from services.text import clean_text
from services.validation import clean_field

log = logging.getLogger(__name__)

API_CHANNELS = ("chat", "email", "social")
MAX_TEXT_CHARS = 20_000
MAX_ID_CHARS = 200
PAGE_SIZE, MAX_PAGE_SIZE = 100, 500
PENDING_EXPIRES_S = 60  # a claimed request still unfinished after this was left by a process that died
KEPT_S = 24 * 3600  # a finished request's Idempotency-Key is remembered this long (retries come within minutes)
SHOWN_ROLES = ("customer", "agent", "assistant")  # never internal notes
DEFAULT_SUBJECTS = {"chat": "Web chat", "email": "Email", "social": "Social message"}
_IDEMPOTENCY_KEY = re.compile(r"[\x21-\x7e]{1,200}")
_TEXT = {"type": "string", "minLength": 1}
_ID = {"type": "string", "minLength": 1, "maxLength": MAX_ID_CHARS}

# The POST body: also the OpenAPI schema the API serves (api/openapi.py), so the docs and the check are one.
MESSAGE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["channel", "thread_id", "customer", "text"],
    "properties": {
        "channel": {"type": "string", "enum": list(API_CHANNELS), "description": "where the customer wrote"},
        "thread_id": {**_ID, "description": "your id of the conversation: the first message with a new one opens a "
                                             "conversation, later ones join it"},
        "customer": {
            "type": "object", "additionalProperties": False, "required": ["id", "name"],
            "properties": {
                "id": {**_ID, "description": "your id of the customer"},
                "name": {**_TEXT, "maxLength": 120},
                "email": {"type": "string", "maxLength": 254, "pattern": r"^[^@\s]+@[^@\s]+$",
                          "description": "a customer already known by this email is the same customer"},
                "phone": {"type": "string", "maxLength": 40},
                "handle": {"type": "string", "maxLength": 80, "description": "a social account's handle"},
            },
        },
        "text": {**_TEXT, "maxLength": MAX_TEXT_CHARS},
        "subject": {"type": "string", "maxLength": 120, "description": "an email's subject (default: the channel)"},
    },
}
_VALIDATOR = jsonschema.Draft202012Validator(MESSAGE_SCHEMA)

# The responses (documented in the OpenAPI schema)
POSTED_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["conversation_id", "message_id", "thread_id", "new_conversation", "analysed"],
    "properties": {"conversation_id": {"type": "integer"}, "message_id": {"type": "integer"},
                   "thread_id": {"type": "string"}, "new_conversation": {"type": "boolean"},
                   "analysed": {"type": "boolean"}},
}
MESSAGES_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["thread_id", "conversation_id", "messages", "next_cursor"],
    "properties": {
        "thread_id": {"type": "string"}, "conversation_id": {"type": "integer"}, "status": {"type": "string"},
        "next_cursor": {"type": "integer", "description": "pass as `since` to get only newer messages"},
        "messages": {"type": "array", "items": {
            "type": "object",
            "properties": {"id": {"type": "integer"}, "role": {"type": "string", "enum": list(SHOWN_ROLES)},
                           "text": {"type": "string"},
                           "created_at": {"type": "string"}}}},
    },
}


@dataclass(frozen=True)
class Posted:
    """What a POST answers: its HTTP status and JSON body; ``replayed`` when a retry got the first response back."""

    status: int
    body: dict[str, Any]
    replayed: bool = False


@dataclass(frozen=True)
class _Request:
    channel: str
    thread_id: str
    customer_id: str
    name: str
    email: str
    phone: str
    handle: str
    text: str
    subject: str


def post_message(services: Services, key: ApiKey, body: Any, idempotency_key: Any,
                 with_assistant: bool = False) -> Posted:
    """Store the customer's message (a new conversation for a new thread), once per Idempotency-Key: a retry with the
    same key and body gets the first response back (``replayed``) and stores nothing. with_assistant: a new thread
    starts with the virtual assistant, which then takes its turn after each message (services/assistant.py).

    Raises:
        InvalidField: the body breaks the schema or a field is refused (``field`` names it), or the key is malformed.
        InvalidInput: the Idempotency-Key was used with another body.
        Conflict: a request with this key is still being handled, or the thread belongs to another customer or
            channel. Nothing is stored for any of these.
    """
    idempotency_key = _idempotency_key(idempotency_key)
    request = _validated(body)
    body_hash = hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=True).encode()).hexdigest()
    now = parse_iso(now_iso())
    with services.uow() as uow:  # committed here: every other process sees the claim
        uow.integrations.forget_requests(to_iso(now - timedelta(seconds=KEPT_S)))
        held = uow.integrations.claim_request(key.id, idempotency_key, body_hash,
                                              to_iso(now - timedelta(seconds=PENDING_EXPIRES_S)))
    if held is not None:
        return _replay(held.body_hash == body_hash, held.status, held.response)
    # The KB index brought up to date before the transaction below: rebuilding it writes its passages through the
    # search adapter's own connection, which waited on this transaction's write lock (a new customer is written
    # before the analysis) and failed, so the first message of every new thread after a KB change was analysed
    # without the KB ("degraded").
    assist.ensure_kb_index(services)
    try:
        with services.uow() as uow:  # one commit: message, mappings, the stored response and the audit entry
            posted = _ingest(services, key, request, with_assistant)
            uow.integrations.finish_request(key.id, idempotency_key, posted.status, json.dumps(posted.body))
    except BaseException:
        with services.uow() as uow:
            uow.integrations.drop_request(key.id, idempotency_key)  # refused: a retry is handled afresh
        raise
    _assistant_turn(services, posted)
    return posted


def _assistant_turn(services: Services, posted: Posted) -> None:
    """The assistant's answer or handover, when it is answering this conversation: after the message is stored and
    the request finished, so a failure here never refuses a message that is already kept (the conversation then
    stays with the assistant until the customer's next message, and the failure is logged)."""
    try:
        assistant.respond(services, posted.body["conversation_id"], posted.body["message_id"])
    except ServiceError as error:
        log.warning("the assistant could not take its turn in conversation %s: %s",
                    posted.body["conversation_id"], type(error).__name__)


def _replay(same_body: bool, status: int, response: str) -> Posted:
    if not same_body:
        raise InvalidField("Idempotency-Key", "this key was already used with another body; use a new key")
    if status == 0:
        raise Conflict("a request with this Idempotency-Key is still being handled; retry in a moment")
    return Posted(status, json.loads(response), replayed=True)


def _idempotency_key(value: Any) -> str:
    if not isinstance(value, str) or not _IDEMPOTENCY_KEY.fullmatch(value):
        raise InvalidField("Idempotency-Key", "send a header of 1 to 200 visible ASCII characters, new for each "
                                              "message and the same on every retry of it (e.g. a UUID)")
    return value


def validate(body: Any) -> None:
    """Check a body as post_message will, storing nothing. Raises InvalidField (``field`` names the fault)."""
    _validated(body)


def _validated(body: Any) -> _Request:
    """The body checked against MESSAGE_SCHEMA, then each field as the store will keep it."""
    error = next(iter(sorted(_VALIDATOR.iter_errors(body), key=lambda e: list(map(str, e.path)))), None)
    if error is not None:
        where = ".".join(str(p) for p in error.absolute_path)
        if error.validator == "required":
            missing = error.message.split("'")[1] if "'" in error.message else ""
            where = f"{where}.{missing}".strip(".")
        raise InvalidField(where or "body", _describe(error))
    customer = body["customer"]
    try:
        text = clean_text(body["text"])
    except InvalidInput as e:
        raise InvalidField("text", str(e)) from None
    return _Request(
        channel=body["channel"], thread_id=_field(body["thread_id"], "thread_id", MAX_ID_CHARS),
        customer_id=_field(customer["id"], "customer.id", MAX_ID_CHARS),
        name=_field(customer["name"], "customer.name", 120), email=_field(customer.get("email"), "customer.email", 254,
                                                                          allow_empty=True),
        phone=_field(customer.get("phone"), "customer.phone", 40, allow_empty=True),
        handle=_field(customer.get("handle"), "customer.handle", 80, allow_empty=True),
        text=text, subject=_field(body.get("subject"), "subject", 120, allow_empty=True))


def _describe(error: jsonschema.ValidationError) -> str:
    """A short reason that never echoes a huge value back."""
    schema = error.schema if isinstance(error.schema, dict) else {}
    reasons = {
        "required": "is required",
        "additionalProperties": "is not a field of this request" if not error.path else "has a field it may not have",
        "type": f"must be {schema.get('type')}",
        "enum": f"must be one of {', '.join(map(str, schema.get('enum', ())))}",
        "minLength": "must not be empty",
        "maxLength": f"is too long (at most {schema.get('maxLength')} characters)",
        "pattern": "is not in the expected form",
    }
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        extra = sorted(set(error.instance) - set(schema.get("properties", {})))
        return f"has unknown field(s): {', '.join(repr(e[:40]) for e in extra[:5])}"
    return reasons.get(str(error.validator), "is not valid")


def _field(value: Any, name: str, max_len: int, allow_empty: bool = False) -> str:
    try:
        return clean_field(value, name.split(".")[-1], max_len, allow_empty=allow_empty)
    except InvalidInput as e:
        raise InvalidField(name, str(e)) from None


def _ingest(services: Services, key: ApiKey, request: _Request, with_assistant: bool = False) -> Posted:
    """Inside the caller's unit of work: the thread's conversation (a new one for a new thread) gets the message."""
    actor = f"api:{key.name}"
    with services.uow() as uow:
        conversation_id = uow.integrations.thread(key.id, request.thread_id)
        customer_id = uow.integrations.customer(key.id, request.customer_id)
    if conversation_id is None:
        conversation_id, message_id, analysed = _open_thread(services, key, request, customer_id, with_assistant)
        new = True
    else:
        _same_thread(services, conversation_id, customer_id, request)
        message, analysis = inbox.receive_customer_message(services, conversation_id, request.text)
        message_id, analysed, new = message.id, analysis is not None, False
    with services.uow() as uow:
        uow.audit.record(actor, "api_post_message", "conversation", str(conversation_id),
                         f"message {message_id}" + (", new conversation" if new else ""))
    return Posted(201, {"conversation_id": conversation_id, "message_id": message_id, "thread_id": request.thread_id,
                        "new_conversation": new, "analysed": analysed})


def _open_thread(services: Services, key: ApiKey, request: _Request, customer_id: int | None,
                 with_assistant: bool = False) -> tuple[int, int, bool]:
    actor = f"api:{key.name}"
    with services.uow() as uow:
        if customer_id is None:
            customer_id = uow.integrations.customer_by_email(request.email) if request.email else None
            if customer_id is None:
                customer_id = uow.customers.add(Customer(0, request.name, request.email, request.phone, "standard",
                                                         0.0, now_iso()[:10], "", request.handle)).id
                uow.audit.record(actor, "api_add_customer", "customer", str(customer_id), request.customer_id[:80])
            uow.integrations.add_customer(key.id, request.customer_id, customer_id)
        conversation, message, analysis = inbox.start_conversation(
            services, customer_id, request.channel, request.subject or DEFAULT_SUBJECTS[request.channel], request.text,
            with_assistant=with_assistant)
        uow.integrations.add_thread(key.id, request.thread_id, conversation.id)
    return conversation.id, message.id, analysis is not None


def _same_thread(services: Services, conversation_id: int, customer_id: int | None, request: _Request) -> None:
    with services.uow() as uow:
        conversation = uow.conversations.get(conversation_id)
    if customer_id != conversation.customer_id:
        raise Conflict(f"thread {request.thread_id!r} belongs to another customer than {request.customer_id!r}")
    if conversation.channel != request.channel:
        raise Conflict(f"thread {request.thread_id!r} is a {conversation.channel} conversation, not "
                       f"{request.channel}")


def messages_since(services: Services, key: ApiKey, thread_id: Any, since: Any = 0,
                   limit: Any = PAGE_SIZE) -> dict[str, Any]:
    """The thread's messages the customer may see (theirs, the agents' and the assistant's replies; never internal
    notes) with an id above ``since``, oldest first, at most ``limit``; ``next_cursor`` is the last one's id.
    A read that returns messages is audited under the key's name.

    Raises:
        InvalidField: a bad thread id, cursor or limit. NotFound: the key opened no such thread.
    """
    thread_id = _field(thread_id, "thread_id", MAX_ID_CHARS)
    since, limit = _whole(since, "since", 0, 2**62), _whole(limit, "limit", 1, MAX_PAGE_SIZE)
    with services.uow() as uow:
        conversation_id = uow.integrations.thread(key.id, thread_id)
        if conversation_id is None:
            raise NotFound(f"thread {thread_id!r} not found for API key {key.name!r}")
        conversation = uow.conversations.get(conversation_id)
        shown = [m for m in uow.conversations.messages_for(conversation_id)
                 if m.id > since and m.author_role in SHOWN_ROLES][:limit]
    if shown:
        with services.uow() as uow:
            uow.audit.record(f"api:{key.name}", "api_read_messages", "conversation", str(conversation_id),
                             f"{len(shown)} messages after {since}")
    return {"thread_id": thread_id, "conversation_id": conversation_id, "status": conversation.status,
            "next_cursor": shown[-1].id if shown else since,
            "messages": [{"id": m.id, "role": m.author_role, "text": m.text, "created_at": m.created_at}
                         for m in shown]}


def cursor(value: Any) -> int:
    """A ``since`` cursor as given (a whole number from 0), else InvalidField."""
    return _whole(value, "since", 0, 2**62)


def _whole(value: Any, name: str, low: int, high: int) -> int:
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 19:
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidField(name, f"must be a whole number from {low} to {high:,}")
    return value



CALL_SUBJECT = "Phone call"


def check_call(thread_id: Any, customer: Any) -> None:
    """A telephony call's thread id and customer, checked as a message's are before any audio is taken.

    Raises:
        InvalidField: the field that is refused.
    """
    _validated({"channel": "chat", "thread_id": thread_id, "customer": customer, "text": "-"})


def post_call_words(services: Services, key: ApiKey, thread_id: Any, customer: Any, text: str) -> Posted:
    """What the caller said on a phone call, one final segment (services/calls.py): the path of a message — a
    voice conversation for a new thread, PII masked before storage, analysed once — without an Idempotency-Key
    (a call's audio stream is one session: a segment is posted once).

    Raises:
        InvalidField: a bad thread id, customer or text. Conflict: the thread is another customer's or channel's.
    """
    request = _validated({"channel": "chat", "thread_id": thread_id, "customer": customer, "text": text})
    assist.ensure_kb_index(services)
    with services.uow():  # one commit: the message, the thread and customer mappings and the audit entry
        return _ingest(services, key, dataclasses.replace(request, channel="voice", subject=CALL_SUBJECT))
