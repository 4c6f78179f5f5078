"""In-memory fakes of every repository and of the unit of work (services/ports.py), cosmicpython style.

``FakeDatabase`` stands in for the "store" capability: ``build_services(settings, store=FakeDatabase())``.
A unit of work reads the committed state until it writes; its first write waits for the one write lock and works
on a private copy of the latest committed state; a clean exit publishes the copy (one commit, counted in
``database.commits``), an exception drops it. The contract suites in tests/contracts pin that these
fakes behave like the SQLite adapter.
"""

from __future__ import annotations

import copy
import hashlib
import json
import secrets
import threading
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import timedelta
from types import TracebackType
from typing import Any

from services import audit_chain
from services.adapters.local.sqlite_conversations import lifecycle, seconds_between
from services.adapters.local.sqlite_repositories import submission_order
from services.clock import now_iso, parse_iso
from services.email_models import MailRecord, OutboxItem, OutgoingMail
from services.errors import Conflict, InvalidInput, NotFound
from services.models import (
    CHANNELS,
    SUGGESTION_FEEDBACK,
    USAGE_KINDS,
    Analysis,
    ApiKey,
    ApiRequest,
    Article,
    ArticleUsage,
    ArticleVersion,
    AuditEntry,
    AuditLink,
    AuditQuery,
    Conversation,
    ConversationFacts,
    Customer,
    DraftRecord,
    EscalationRecord,
    EscalationRow,
    Event,
    Heartbeat,
    Message,
    Order,
    QueueRow,
    Route,
    SavedSuggestion,
    SearchMiss,
    SessionRecord,
    SocialOutboxItem,
    StoredModel,
    Suggestion,
    User,
)
from tests.fake_analytics import FakeAnalytics, apply_lifecycle
from tests.fake_predictions import FakePredictions

CLAIM_EXPIRES_S = 120  # as the SQLite adapter: a claim older than this was left by a dead process
CONVERSATION_FIELDS = {f.name for f in fields(Conversation)} - {"id"}
ARTICLE_FIELDS = {"title", "body", "category", "status", "language", "tags", "owner", "note"}


@dataclass
class State:
    users: dict[str, tuple[User, str]] = field(default_factory=dict)
    sessions: dict[str, SessionRecord] = field(default_factory=dict)
    failures: dict[tuple[str, str], tuple[int, str, str]] = field(default_factory=dict)
    secrets: dict[str, str] = field(default_factory=lambda: {"session_key": secrets.token_hex(32)})
    customers: dict[int, Customer] = field(default_factory=dict)
    orders: dict[int, Order] = field(default_factory=dict)
    conversations: dict[int, Conversation] = field(default_factory=dict)
    messages: dict[int, Message] = field(default_factory=dict)
    analyses: dict[int, Analysis | str] = field(default_factory=dict)  # a str: why it could not be analysed
    suggestions: dict[int, SavedSuggestion] = field(default_factory=dict)
    escalations: dict[int, EscalationRecord] = field(default_factory=dict)
    articles: dict[int, Article] = field(default_factory=dict)
    versions: list[ArticleVersion] = field(default_factory=list)
    drafts: dict[int, DraftRecord] = field(default_factory=dict)  # article id -> what it was drafted from
    audit: list[AuditEntry] = field(default_factory=list)
    audit_links: list[AuditLink] = field(default_factory=list)  # the same rows with their digests and hashes
    events: list[Event] = field(default_factory=list)
    ids: dict[str, int] = field(default_factory=dict)
    changes: int = 0
    kb_index: int = 0
    settings: dict[str, str] = field(default_factory=dict)  # name -> JSON, as the SQLite row keeps it
    heartbeats: dict[str, Heartbeat] = field(default_factory=dict)
    claims: dict[int, tuple[str, str]] = field(default_factory=dict)  # message id -> (owner, claimed at)
    kb_usage: list[dict[str, Any]] = field(default_factory=list)
    kb_votes: dict[tuple[int, str, str], tuple[str, bool]] = field(default_factory=dict)  # -> (at, helpful)
    kb_misses: list[dict[str, Any]] = field(default_factory=list)
    facts: dict[int, ConversationFacts] = field(default_factory=dict)  # conversation id -> analytics facts
    api_keys: dict[int, tuple[ApiKey, str]] = field(default_factory=dict)  # id -> (key, its hash)
    api_requests: dict[tuple[int, str], ApiRequest] = field(default_factory=dict)
    api_windows: dict[tuple[int, str], int] = field(default_factory=dict)  # (key id, minute) -> hits
    client_windows: dict[tuple[str, str, str], int] = field(default_factory=dict)  # (scope, client, minute) -> hits
    api_threads: dict[tuple[int, str], int] = field(default_factory=dict)  # -> conversation id
    api_customers: dict[tuple[int, str], int] = field(default_factory=dict)  # -> customer id
    churned: dict[int, str] = field(default_factory=dict)  # customer id -> when they left
    models: dict[str, StoredModel] = field(default_factory=dict)  # kind -> fitted predictor
    mails: dict[str, tuple[int, MailRecord]] = field(default_factory=dict)  # Message-ID -> (row id, record)
    outbox: dict[int, OutboxItem] = field(default_factory=dict)
    social_outbox: dict[int, SocialOutboxItem] = field(default_factory=dict)
    routes: dict[int, Route] = field(default_factory=dict)  # conversation id -> its routing decision
    ratings: dict[int, tuple[int, int, str]] = field(default_factory=dict)  # message id -> (conversation, +-1, at)

    def next_id(self, table: str, taken: Any = ()) -> int:
        """Like SQLite's INTEGER PRIMARY KEY: one more than the largest id in use (or ever given here)."""
        self.ids[table] = max(self.ids.get(table, 0), max(taken, default=0)) + 1
        return self.ids[table]


def _get(table: dict, key: Any, what: str) -> Any:
    try:
        return table[key]
    except (KeyError, TypeError):
        raise NotFound(f"{what} not found") from None


class _Repository:
    def __init__(self, uow: FakeUnitOfWork) -> None:
        self._uow = uow

    @property
    def s(self) -> State:
        """What this unit of work reads: its own writes once it has written, else the latest committed state."""
        return self._uow.state

    @property
    def w(self) -> State:
        """The state to change: the first write waits for the database's write lock (as SQLite's BEGIN IMMEDIATE)
        and starts from the latest committed state."""
        return self._uow.writable()

    def _wrote(self) -> None:
        self.w.changes += 1


def _storable(*texts: str) -> None:
    """Text a database cannot encode (a lone surrogate) is refused, as the real stores refuse it."""
    for text in texts:
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as e:
            raise InvalidInput(f"cannot store this value ({type(e).__name__})") from e


class FakeUsers(_Repository):
    def add(self, username: str, display_name: str, role: str, password_hash: str) -> User:
        _storable(username, display_name, role, password_hash)
        if username in self.w.users:
            raise Conflict(f"user {username!r} already exists")
        user = User(self.w.next_id("users"), username, display_name, role)
        self.w.users[username] = (user, password_hash)
        self._wrote()
        return user

    def get(self, username: str) -> User:
        return _get(self.s.users, username, f"user {username!r}")[0]

    def password_hash(self, username: str) -> str:
        return _get(self.s.users, username, f"user {username!r}")[1]

    def all(self) -> list[User]:
        return sorted((u for u, _ in self.s.users.values()), key=lambda u: u.id)


class FakeSessions(_Repository):
    def secret(self, name: str) -> str:
        return _get(self.s.secrets, name, f"secret {name!r}")

    def add(self, token_hash: str, username: str, expires_at: str) -> SessionRecord:
        if token_hash in self.w.sessions:
            raise Conflict("this session already exists")
        at = now_iso()
        record = self.w.sessions[token_hash] = SessionRecord(token_hash, username, at, at, expires_at, "")
        self._wrote()
        return record

    def get(self, token_hash: str) -> SessionRecord:
        return _get(self.s.sessions, token_hash, "session")

    def open_among(self, token_hashes: Sequence[str], now: str) -> set[str]:
        return {h for h in token_hashes if (r := self.s.sessions.get(h)) is not None and not r.revoked_at
                and r.expires_at > now and r.username in self.s.users}

    def touch(self, token_hash: str, expires_at: str) -> None:
        if token_hash in self.w.sessions:
            self.w.sessions[token_hash] = replace(self.w.sessions[token_hash], last_seen_at=now_iso(),
                                                  expires_at=expires_at)
            self._wrote()

    def revoke_all(self, username: str) -> int:
        live = [r for r in self.w.sessions.values() if r.username == username and not r.revoked_at]
        for record in live:
            self.w.sessions[record.token_hash] = replace(record, revoked_at=now_iso())
        self._wrote()
        return len(live)

    def purge(self, before: str) -> None:
        self.w.sessions = {k: r for k, r in self.w.sessions.items()
                           if not (r.expires_at < before or (r.revoked_at and r.revoked_at < before))}
        self._wrote()

    def failure_state(self, scope: str, key: str) -> tuple[int, str, str]:
        return self.s.failures.get((scope, key), (0, "", ""))

    def add_failure(self, scope: str, key: str, forget_before: str) -> int:
        failures, last_at, locked = self.w.failures.get((scope, key), (0, "", ""))
        failures = 1 if failures == 0 or last_at < forget_before else failures + 1
        self.w.failures[(scope, key)] = (failures, now_iso(), locked)
        self._wrote()
        return failures

    def lock(self, scope: str, key: str, until: str) -> None:
        if (scope, key) in self.w.failures:
            failures, last_at, _ = self.w.failures[(scope, key)]
            self.w.failures[(scope, key)] = (failures, last_at, until)
            self._wrote()

    def clear_failures(self, scope: str, key: str) -> None:
        self.w.failures.pop((scope, key), None)
        self._wrote()


class FakeCustomers(_Repository):
    def add(self, customer: Customer) -> Customer:
        if customer.id in self.w.customers:
            raise Conflict(f"customer {customer.id} already exists")
        customer_id = customer.id or self.w.next_id("customers", self.w.customers)
        stored = self.w.customers[customer_id] = replace(customer, id=customer_id)
        self._wrote()
        return stored

    def add_many(self, customers: Sequence[Customer]) -> None:
        for customer in customers:
            self.add(customer)

    def get(self, customer_id: int) -> Customer:
        return _get(self.s.customers, customer_id, f"customer {customer_id}")

    def all(self) -> list[Customer]:
        return [self.s.customers[k] for k in sorted(self.s.customers)]

    def add_order(self, order: Order) -> Order:
        if any(o.number == order.number for o in self.w.orders.values()) or order.id in self.w.orders:
            raise Conflict(f"order {order.number} already exists")
        if order.customer_id not in self.w.customers:
            raise NotFound(f"customer {order.customer_id} not found")
        order_id = order.id or self.w.next_id("orders", self.w.orders)
        stored = self.w.orders[order_id] = replace(order, id=order_id, items=tuple(order.items))
        self._wrote()
        return stored

    def add_orders(self, orders: Sequence[Order]) -> None:
        for order in orders:
            self.add_order(order)

    def orders_for(self, customer_id: int) -> list[Order]:
        mine = [o for _, o in sorted(self.s.orders.items()) if o.customer_id == customer_id]
        return sorted(mine, key=lambda o: o.placed_at, reverse=True)

    def find_order(self, number: str) -> Order:
        found = [o for o in self.s.orders.values() if o.number == number]
        if not found:
            raise NotFound(f"order {number} not found")
        return found[0]


class FakeConversations(_Repository):
    def add(self, conversation: Conversation) -> Conversation:
        if conversation.channel not in CHANNELS:  # the schema's CHECK
            raise InvalidInput(f"conversation: not accepted (channel {conversation.channel!r})")
        if conversation.customer_id not in self.w.customers:
            raise NotFound(f"customer {conversation.customer_id} not found")
        stored = replace(conversation, id=self.w.next_id("conversations", self.w.conversations))
        self.w.conversations[stored.id] = stored
        self._wrote()
        return stored

    def get(self, conversation_id: int) -> Conversation:
        return _get(self.s.conversations, conversation_id, f"conversation {conversation_id}")

    def all(self, status: str | None = None, agent: str | None = None,
             customer_id: int | None = None) -> list[Conversation]:
        wanted = [c for _, c in sorted(self.s.conversations.items())
                  if (status is None or c.status == status) and (agent is None or c.assigned_agent == agent)
                  and (customer_id is None or c.customer_id == customer_id)]
        return sorted(wanted, key=lambda c: c.updated_at, reverse=True)

    def update(self, conversation_id: int, **changes: Any) -> Conversation:
        unknown = set(changes) - CONVERSATION_FIELDS
        if unknown:
            raise InvalidInput(f"cannot change {', '.join(sorted(unknown))} of a conversation")
        before = self.get(conversation_id)
        changes = {**changes, "updated_at": now_iso()}
        apply_lifecycle(self.w, before, changes, lifecycle)
        updated = replace(before, **changes)
        self.w.conversations[conversation_id] = updated
        self._wrote()
        return updated

    def queue(self, agent: str | None = None, statuses: Sequence[str] = ("open", "pending", "escalated"),
              limit: int = 2000) -> list[QueueRow]:
        rows = [self._queue_row(c) for _, c in sorted(self.s.conversations.items())
                if c.status in statuses and (agent is None or c.assigned_agent in (agent, ""))]
        rows.sort(key=lambda r: (r.conversation.status != "escalated", not r.escalate, not r.waiting_since,
                                 r.waiting_since, r.conversation.updated_at))
        return rows[:limit]

    def _queue_row(self, c: Conversation) -> QueueRow:
        messages = self.messages_for(c.id)
        last = next((m for m in reversed(messages) if m.author_role in ("customer", "agent")), None)
        latest_customer = next((m for m in reversed(messages) if m.author_role == "customer"), None)
        analysis = self.s.analyses.get(latest_customer.id) if latest_customer else None
        last_reply = max((m.id for m in messages if m.author_role == "agent"), default=0)
        waiting = [m.created_at for m in messages if m.author_role == "customer" and m.id > last_reply]
        analysed = isinstance(analysis, Analysis)
        return QueueRow(c, self.s.customers[c.customer_id].name, self.s.customers[c.customer_id].tier,
                        last.masked_text if last else "", last.author_role if last else "",
                        last.created_at if last else c.updated_at,
                        analysis.sentiment.label if analysed else "", analysed and analysis.escalation.escalate,
                        analysis.intent.label if analysed else "", min(waiting, default=""))

    def append_message(self, message: Message) -> Message:
        conversation = self.get(message.conversation_id)
        stored = replace(message, id=self.w.next_id("messages", self.w.messages),
                         created_at=message.created_at or now_iso())
        self.w.messages[stored.id] = stored
        self.w.conversations[conversation.id] = replace(conversation, updated_at=stored.created_at)
        facts = self.w.facts.get(conversation.id, ConversationFacts())
        if message.author_role == "agent" and facts.first_response_s is None:
            self.w.facts[conversation.id] = replace(
                facts, first_response_s=seconds_between(conversation.created_at, stored.created_at))
        self._wrote()
        return stored

    def add_messages(self, messages: Sequence[Message]) -> None:
        for message in messages:
            self.get(message.conversation_id)
            stored = replace(message, id=self.w.next_id("messages", self.w.messages))
            self.w.messages[stored.id] = stored
        self._wrote()

    def messages_for(self, conversation_id: int) -> list[Message]:
        return [m for _, m in sorted(self.s.messages.items()) if m.conversation_id == conversation_id]

    def count_messages(self, conversation_id: int | None = None) -> int:
        return sum(1 for m in self.s.messages.values() if conversation_id in (None, m.conversation_id))

    def set_route(self, conversation_id: int, route: Route) -> None:
        _get(self.s.conversations, conversation_id, "conversation")
        self.w.routes[conversation_id] = replace(route, routed_at=route.routed_at or now_iso())

    def route_of(self, conversation_id: int) -> Route | None:
        return self.s.routes.get(conversation_id)

    def waiting_by_queue(self) -> dict[str, int]:
        waiting: dict[str, int] = {}
        for c in self.s.conversations.values():
            if c.status in ("open", "pending") and not c.assigned_agent:
                waiting[c.queue] = waiting.get(c.queue, 0) + 1
        return waiting


class FakeAssist(_Repository):
    def save_outcome(self, message_id: int, analysis: Analysis | None, suggestions: Sequence[Suggestion] = (),
                     not_analysed: str = "", retry: bool = False) -> bool:
        _get(self.w.messages, message_id, f"message {message_id}")
        if message_id in self.w.analyses and not (retry and isinstance(self.w.analyses[message_id], str)):
            return False
        self.w.analyses[message_id] = analysis if analysis is not None else (not_analysed or "unknown reason")
        for rank, s in enumerate(suggestions if analysis is not None else (), start=1):
            pk = self.w.next_id("suggestions", self.w.suggestions)
            self.w.suggestions[pk] = SavedSuggestion(pk, message_id, rank, s.text, s.source, s.score)
        message = self.w.messages[message_id]
        if analysis is not None and message.author_role == "customer":
            facts = self.w.facts.get(message.conversation_id, ConversationFacts())
            self.w.facts[message.conversation_id] = replace(facts, intent=facts.intent or analysis.intent.label,
                                                            sentiment=analysis.sentiment.label)
        self._wrote()
        return True

    def get_analysis(self, message_id: int) -> Analysis | None:
        found = self.s.analyses.get(message_id)
        return found if isinstance(found, Analysis) else None

    def analysis_failures(self, conversation_id: int) -> dict[int, str]:
        return {mid: a for mid, a in sorted(self.s.analyses.items())
                if isinstance(a, str) and self.s.messages[mid].conversation_id == conversation_id}

    def suggestions_for(self, message_id: int) -> list[SavedSuggestion]:
        return sorted((s for s in self.s.suggestions.values() if s.message_id == message_id), key=lambda s: s.rank)

    def record_feedback(self, suggestion_id: int, feedback: str, final_text: str = "") -> None:
        if feedback not in SUGGESTION_FEEDBACK:
            raise InvalidInput(f"feedback must be accepted, edited or rejected; got {feedback!r}")
        found = _get(self.w.suggestions, suggestion_id, f"suggestion {suggestion_id}")
        self.w.suggestions[suggestion_id] = replace(found, feedback=feedback, final_text=final_text)
        self._wrote()

    def add_escalation(self, conversation_id: int, reasons: Sequence[str], score: float, actor: str,
                       note: str = "", created_at: str = "", masked_note: str = "") -> int:
        if conversation_id not in self.w.conversations:
            raise NotFound(f"conversation {conversation_id} not found")
        pk = self.w.next_id("escalations", self.w.escalations)
        self.w.facts[conversation_id] = replace(self.w.facts.get(conversation_id, ConversationFacts()), escalated=True)
        self.w.escalations[pk] = EscalationRecord(pk, conversation_id, created_at or now_iso(), actor, score,
                                                  tuple(reasons), note, masked_note)
        self._wrote()
        return pk

    def latest_escalation(self, conversation_id: int) -> EscalationRecord | None:
        mine = [e for e in self.s.escalations.values() if e.conversation_id == conversation_id]
        return max(mine, key=lambda e: e.id, default=None)

    def close_escalation(self, escalation_id: int, status: str, handled_by: str, note: str = "") -> None:
        found = _get(self.w.escalations, escalation_id, f"escalation {escalation_id}")
        self.w.escalations[escalation_id] = replace(found, status=status, handled_by=handled_by,
                                                    handled_at=now_iso(), outcome_note=note)
        self._wrote()

    def open_escalations(self, limit: int = 500) -> list[EscalationRow]:
        rows = []
        for conversation in self.s.conversations.values():
            latest = self.latest_escalation(conversation.id)
            if latest is None or latest.status != "open" or conversation.status != "escalated":
                continue
            customer = self.s.customers[conversation.customer_id]
            last = next((m for _, m in sorted(self.s.messages.items(), reverse=True)
                         if m.conversation_id == conversation.id and m.author_role == "customer"), None)
            analysis = self.get_analysis(last.id) if last else None
            rows.append(EscalationRow(latest.id, conversation, customer.name, customer.tier, latest.created_at,
                                      latest.actor, latest.score, latest.reasons, latest.note, latest.masked_note,
                                      last.text if last else "", last.masked_text if last else "",
                                      analysis.sentiment.label if analysis else ""))
        return sorted(rows, key=lambda r: (r.created_at, r.id), reverse=True)[:limit]


class FakeArticles(_Repository):
    def add(self, article: Article, actor: str | None = None, summary: str = "Created") -> Article:
        if any(a.slug == article.slug for a in self.w.articles.values()):
            raise Conflict(f"article {article.slug!r} already exists")
        if article.source_id is not None and article.source_id not in self.w.articles:
            raise NotFound(f"source article {article.source_id} not found")
        stored = replace(article, id=self.w.next_id("kb_articles", self.w.articles), tags=tuple(article.tags))
        self.w.articles[stored.id] = stored
        self.w.kb_index += int(stored.status == "approved")
        self._version(stored, actor or ("seed" if article.status == "approved" else "system"), summary)
        return stored

    def _version(self, article: Article, actor: str, summary: str) -> None:
        self.w.versions.append(ArticleVersion(article.id, article.version, article.title, article.body,
                                              article.status, actor, article.updated_at, article.category,
                                              article.language, article.tags, article.note, summary))
        self._wrote()

    def get(self, article_id: int) -> Article:
        return _get(self.s.articles, article_id, f"article {article_id}")

    def all(self, status: str | None = None) -> list[Article]:
        return [a for _, a in sorted(self.s.articles.items()) if status is None or a.status == status]

    def update(self, article_id: int, actor: str, *, expected_version: int | None = None, summary: str = "",
               **changes: Any) -> Article:
        unknown = set(changes) - ARTICLE_FIELDS
        if unknown:
            raise InvalidInput(f"cannot change {', '.join(sorted(unknown))} of an article")
        current = self.get(article_id)
        if expected_version is not None and current.version != expected_version:
            raise Conflict(f"article {article_id} was changed by someone else since version {expected_version}")
        changed = [name.replace("category", "product area") for name, value in changes.items()
                   if value != getattr(current, name)]
        summary = summary or (f"Edited {', '.join(changed)}" if changed else "Saved without changes")
        if "tags" in changes:
            changes["tags"] = tuple(changes["tags"])
        updated = replace(current, **changes, version=current.version + 1, updated_at=now_iso())
        self.w.articles[article_id] = updated
        self.w.kb_index += int("approved" in (current.status, updated.status))
        self._version(updated, actor, summary)
        return updated

    def versions(self, article_id: int) -> list[ArticleVersion]:
        return sorted((v for v in self.s.versions if v.article_id == article_id), key=lambda v: v.version)

    def assign(self, article_id: int, assignee: str) -> Article:
        current = self.get(article_id)
        self.w.articles[article_id] = replace(current, assignee=assignee)
        self.w.kb_index += int(current.status == "approved")  # as SQLite's trigger: any update of an approved row
        self._wrote()
        return self.w.articles[article_id]

    def submitted(self) -> list[tuple[Article, ArticleVersion]]:
        articles = self.all("in_review")
        latest = {v.article_id: v for v in self.s.versions for a in articles
                  if v.article_id == a.id and v.version == a.version}
        return submission_order(articles, latest)

    def add_draft_record(self, record: DraftRecord) -> None:
        self.get(record.article_id)
        if record.article_id in self.s.drafts:
            raise Conflict(f"article {record.article_id} already has a draft record")
        _storable(record.topic, *(source.text for source in record.sources))
        self.w.drafts[record.article_id] = record

    def draft_record(self, article_id: int) -> DraftRecord | None:
        return self.s.drafts.get(article_id) if isinstance(article_id, int) else None

    def draft_records(self, limit: int = 100) -> list[DraftRecord]:
        ordered = sorted(self.s.drafts.values(), key=lambda r: (r.created_at, r.article_id), reverse=True)
        return ordered[:max(limit, 0)]


class FakeKbUsage(_Repository):
    """kb_usage, kb_votes and kb_search_misses as lists of rows (dicts), like the SQLite tables."""

    def add_use(self, article_id: int, kind: str, actor: str, source: str = "", conversation_id: int | None = None,
                unless_since: str | None = None) -> bool:
        if kind not in USAGE_KINDS:
            raise InvalidInput(f"a knowledge-base use is one of {', '.join(USAGE_KINDS)}; got {kind!r}")
        _get(self.s.articles, article_id, f"article {article_id}")
        if unless_since is not None and any(
                u["article_id"] == article_id and u["actor"] == actor and u["kind"] == kind and u["at"] >= unless_since
                for u in self.s.kb_usage):
            return False
        _storable(actor, source)
        self.w.kb_usage.append({"at": now_iso(), "article_id": article_id, "kind": kind, "actor": actor,
                                "source": source, "conversation_id": conversation_id})
        return True

    def vote(self, article_id: int, actor: str, context: str, helpful: bool) -> None:
        _get(self.s.articles, article_id, f"article {article_id}")
        _storable(actor, context)
        self.w.kb_votes[(article_id, actor, context)] = (now_iso(), bool(helpful))

    def votes_by(self, actor: str, context: str) -> dict[int, bool]:
        return {a: helpful for (a, who, where), (_, helpful) in self.s.kb_votes.items()
                if (who, where) == (actor, context)}

    def add_miss(self, query: str, best_score: float, actor: str, source: str = "",
                 unless_since: str | None = None) -> bool:
        if unless_since is not None and any(m["actor"] == actor and m["query"] == query and m["at"] >= unless_since
                                            for m in self.s.kb_misses):
            return False
        _storable(query, actor, source)
        self.w.kb_misses.append({"at": now_iso(), "actor": actor, "source": source, "query": query,
                                 "best_score": float(best_score)})
        return True

    def usage(self, since: str, until: str) -> list[ArticleUsage]:
        counts: dict[int, list[int]] = {}
        for use in self.s.kb_usage:
            if since <= use["at"] < until:
                counts.setdefault(use["article_id"], [0, 0, 0, 0])[0 if use["kind"] == "view" else 3] += 1
        for (article_id, _, _), (at, helpful) in self.s.kb_votes.items():
            if since <= at < until:
                counts.setdefault(article_id, [0, 0, 0, 0])[1 if helpful else 2] += 1
        return [ArticleUsage(article_id, *numbers) for article_id, numbers in sorted(counts.items())]

    def misses(self, since: str, until: str, limit: int = 20) -> list[SearchMiss]:
        grouped: dict[str, list[dict[str, Any]]] = {}
        for miss in self.s.kb_misses:
            if since <= miss["at"] < until:
                grouped.setdefault(miss["query"], []).append(miss)
        rows = [SearchMiss(query, len(found), max(m["best_score"] for m in found), max(m["at"] for m in found))
                for query, found in grouped.items()]
        rows.sort(key=lambda m: m.query)
        rows.sort(key=lambda m: (m.searches, m.last_at), reverse=True)
        return rows[:max(limit, 0)]


FAKE_AUDIT_KEY = b"the fake audit log's digest key"  # a real repository's key is outside the database


class FakeAudit(_Repository):
    """The chained log as a list (the chain's rules are services/audit_chain.py's; append-only: only
    redact_details changes a row)."""

    def record(self, actor: str, action: str, entity: str, entity_id: str, detail: str = "") -> None:
        _storable(actor, action, entity, str(entity_id), detail or "")
        entry = AuditEntry(len(self.w.audit) + 1, now_iso(), actor, action, entity, str(entity_id), detail or "")
        previous = self.w.audit_links[-1].hash if self.w.audit_links else audit_chain.GENESIS
        digest = audit_chain.detail_digest(entry.detail, FAKE_AUDIT_KEY)
        link = audit_chain.link_hash(previous, entry.id, entry.at, actor, action, entity, entry.entity_id, digest)
        self.w.audit.append(entry)
        self.w.audit_links.append(AuditLink(**asdict(entry), detail_digest=digest, hash=link))
        self._wrote()

    def redact_details(self, entry_ids: Sequence[int]) -> int:
        wanted = {int(i) for i in entry_ids}
        hits = [i for i, e in enumerate(self.s.audit) if e.id in wanted and e.detail != audit_chain.ERASED]
        for i in hits:
            self.w.audit[i] = replace(self.w.audit[i], detail=audit_chain.ERASED)
            self.w.audit_links[i] = replace(self.w.audit_links[i], detail=audit_chain.ERASED)
        return len(hits)

    def search(self, query: AuditQuery, limit: int = 500) -> list[AuditEntry]:
        def matches(e: AuditEntry) -> bool:
            exact = all(not getattr(query, c) or getattr(query, c) == getattr(e, c)
                        for c in ("actor", "action", "entity", "entity_id"))
            text = query.text.lower()
            return (exact and (not query.since or e.at >= query.since) and (not query.until or e.at <= query.until)
                    and (not text or any(text in v.lower() for v in (e.actor, e.action, e.entity_id, e.detail))))
        return [e for e in reversed(self.s.audit) if matches(e)][:limit]

    def detail_matches(self, detail: str, digest: str) -> bool:
        return audit_chain.digest_matches(detail, digest, FAKE_AUDIT_KEY)

    def chain(self, after_id: int = 0, limit: int = 5000) -> list[AuditLink]:
        return [link for link in self.s.audit_links if link.id > after_id][:limit]

    def entries(self, limit: int = 100, actor: str | None = None) -> list[AuditEntry]:
        return [e for e in reversed(self.s.audit) if actor in (None, "", e.actor)][:limit]

    def trail(self, entity: str, entity_id: str, limit: int = 200) -> list[AuditEntry]:
        mine = [e for e in self.s.audit if e.entity == entity and e.entity_id == str(entity_id)]
        return mine[-limit:] if limit > 0 else []

    def add_event(self, kind: str, conversation_id: int | None, payload: str = "{}") -> int:
        self.w.events.append(Event(len(self.w.events) + 1, now_iso(), kind, conversation_id, payload))
        self._wrote()
        return len(self.w.events)


class FakeSharedState(_Repository):
    def change_marker(self) -> tuple[Any, ...]:
        return (self.s.changes,)

    def kb_index_version(self) -> int:
        return self.s.kb_index

    def setting(self, name: str) -> dict[str, Any]:
        value = self.s.settings.get(name)
        return json.loads(value) if value else {}

    def put_setting(self, name: str, value: dict[str, Any], actor: str) -> None:
        self.w.settings[name] = json.dumps(value, sort_keys=True)

    def beat(self, name: str, pid: int, detail: dict[str, Any]) -> None:
        self.w.heartbeats[name] = Heartbeat(name, now_iso(), pid, json.loads(json.dumps(detail)))

    def heartbeat(self, name: str) -> Heartbeat | None:
        return self.s.heartbeats.get(name)

    def claim_analysis(self, message_id: int, owner: str, retry: bool = False) -> bool:
        _get(self.w.messages, message_id, f"message {message_id}")
        outcome = self.w.analyses.get(message_id)
        if outcome is not None and not (retry and isinstance(outcome, str)):
            return False
        now = now_iso()
        held = self.w.claims.get(message_id)
        if held is not None and parse_iso(held[1]) > parse_iso(now) - timedelta(seconds=CLAIM_EXPIRES_S):
            return False
        self.w.claims[message_id] = (owner, now)
        return True

    def release_analysis(self, message_id: int, owner: str) -> None:
        if self.s.claims.get(message_id, ("",))[0] == owner:
            del self.w.claims[message_id]


class FakeIntegrations(_Repository):
    def add_key(self, name: str, key_hash: str, prefix: str, rate_per_minute: int, actor: str,
                widget: bool = False) -> ApiKey:
        if any(k.name == name or h == key_hash for k, h in self.s.api_keys.values()):
            raise Conflict(f"an API key named {name!r} already exists")
        _storable(name, key_hash, prefix, actor)
        key = ApiKey(self.w.next_id("api_keys", self.w.api_keys), name, prefix, rate_per_minute, now_iso(), actor,
                     widget=bool(widget))
        self.w.api_keys[key.id] = (key, key_hash)
        return key

    def key(self, key_hash: str) -> ApiKey:
        return next((k for k, h in self.s.api_keys.values() if h == key_hash), None) or _get({}, 0, "API key")

    def key_by_id(self, key_id: int) -> ApiKey:
        return _get(self.s.api_keys, key_id, f"API key {key_id}")[0]

    def key_named(self, name: str) -> ApiKey:
        return next((k for k, _ in self.s.api_keys.values() if k.name == name), None) or _get({}, 0,
                                                                                             f"API key {name!r}")

    def keys(self) -> list[ApiKey]:
        return [k for _, (k, _h) in sorted(self.s.api_keys.items())]

    def revoke_key(self, name: str) -> ApiKey:
        found = next((k for k, _ in self.s.api_keys.values() if k.name == name), None)
        if found is None:
            raise NotFound(f"API key {name!r} not found")
        if not found.revoked_at:
            found = replace(found, revoked_at=now_iso())
            self.w.api_keys[found.id] = (found, self.w.api_keys[found.id][1])
        return found

    def _known_key(self, key_id: int) -> None:
        _get(self.s.api_keys, key_id, f"API key {key_id}")

    def count_request(self, key_id: int, minute: str) -> int:
        self._known_key(key_id)
        windows = self.w.api_windows
        for old in [k for k in windows if k[0] == key_id and k[1] < minute]:
            del windows[old]
        windows[(key_id, minute)] = windows.get((key_id, minute), 0) + 1
        return windows[(key_id, minute)]

    def count_client(self, scope: str, client: str, minute: str) -> int:
        _storable(scope, client, minute)
        windows = self.w.client_windows
        for old in [k for k in windows if k[:2] == (scope, client) and k[2] < minute]:
            del windows[old]
        windows[(scope, client, minute)] = windows.get((scope, client, minute), 0) + 1
        return windows[(scope, client, minute)]

    def claim_request(self, key_id: int, idempotency_key: str, body_hash: str, stale_before: str) -> ApiRequest | None:
        self._known_key(key_id)
        _storable(idempotency_key, body_hash)
        held = self.w.api_requests.get((key_id, idempotency_key))  # under the write lock: one claim wins
        if held is not None and not (held.status == 0 and held.created_at < stale_before):
            return held
        self.w.api_requests[(key_id, idempotency_key)] = ApiRequest(key_id, idempotency_key, body_hash, 0, "",
                                                                    now_iso())
        return None

    def finish_request(self, key_id: int, idempotency_key: str, status: int, response: str) -> None:
        held = self.w.api_requests.get((key_id, idempotency_key))  # under the write lock: one claim wins
        if held is not None:
            self.w.api_requests[(key_id, idempotency_key)] = replace(held, status=status, response=response)

    def drop_request(self, key_id: int, idempotency_key: str) -> None:
        if (key_id, idempotency_key) in self.s.api_requests:
            del self.w.api_requests[(key_id, idempotency_key)]

    def forget_requests(self, before: str) -> int:
        old = [k for k, r in self.s.api_requests.items() if r.created_at < before and r.status != 0]
        for key in old:
            del self.w.api_requests[key]
        return len(old)

    def thread(self, key_id: int, thread_id: str) -> int | None:
        return self.s.api_threads.get((key_id, thread_id))

    def add_thread(self, key_id: int, thread_id: str, conversation_id: int) -> None:
        self._link(self.w.api_threads, key_id, thread_id, conversation_id, self.s.conversations, "thread",
                   "conversation")

    def customer(self, key_id: int, external_id: str) -> int | None:
        return self.s.api_customers.get((key_id, external_id))

    def add_customer(self, key_id: int, external_id: str, customer_id: int) -> None:
        self._link(self.w.api_customers, key_id, external_id, customer_id, self.s.customers, "customer", "customer")

    def _link(self, table: dict, key_id: int, external: str, target: int, targets: dict, what: str,
              target_name: str) -> None:
        if key_id not in self.s.api_keys or target not in targets:
            raise NotFound(f"API key {key_id} or {target_name} {target} not found")
        if (key_id, external) in table:
            raise Conflict(f"{what} {external!r} already exists")
        _storable(external)
        table[(key_id, external)] = target

    def customer_by_email(self, email: str) -> int | None:
        return min((c.id for c in self.s.customers.values() if (c.email or "").lower() == email.lower()),
                   default=None)

    def thread_of(self, conversation_id: int) -> tuple[int, str] | None:
        return min((k for k, c in self.s.api_threads.items() if c == conversation_id), default=None)

    def rate_answer(self, message_id: int, conversation_id: int, rating: int, at: str) -> None:
        message = self.s.messages.get(message_id)
        if message is None or message.conversation_id != conversation_id:
            raise NotFound(f"message {message_id} not found in conversation {conversation_id}")
        if rating not in (-1, 1):
            raise InvalidInput(f"a rating is +1 or -1; got {rating!r}")
        _storable(at)
        self.w.ratings[message_id] = (conversation_id, int(rating), at)

    def answer_ratings(self, conversation_id: int) -> dict[int, int]:
        return {m: r for m, (c, r, _) in sorted(self.s.ratings.items()) if c == conversation_id}


class FakeMail(_Repository):
    def record(self, mail: MailRecord) -> None:
        if mail.direction not in ("in", "out"):
            raise InvalidInput(f"a mail's direction is in or out; got {mail.direction!r}")
        if mail.message_id in self.s.mails:
            raise Conflict(f"mail {mail.message_id[:80]!r} already exists")
        message = self.s.messages.get(mail.chat_message_id)
        if mail.conversation_id not in self.s.conversations or message is None:
            raise NotFound(f"conversation {mail.conversation_id} or message {mail.chat_message_id} not found")
        _storable(mail.message_id, mail.address, mail.subject, mail.references, mail.full_text, mail.attachments)
        row_id = self.w.next_id("mail_messages", (i for i, _ in self.w.mails.values()))
        self.w.mails[mail.message_id] = (row_id, mail)

    def get(self, message_id: str) -> MailRecord | None:
        found = self.s.mails.get(message_id)
        return found[1] if found else None

    def conversation_of(self, message_ids: Sequence[str]) -> int | None:
        known = [self.s.mails[i] for i in list(dict.fromkeys(message_ids))[:100] if i in self.s.mails]
        return max(known, key=lambda pair: pair[0])[1].conversation_id if known else None

    def thread(self, conversation_id: int) -> list[MailRecord]:
        return [m for _, m in sorted(v for v in self.s.mails.values() if v[1].conversation_id == conversation_id)]

    def queue(self, conversation_id: int, chat_message_id: int, mail: OutgoingMail, at: str) -> OutboxItem:
        if conversation_id not in self.s.conversations or chat_message_id not in self.s.messages:
            raise NotFound(f"conversation {conversation_id} or message {chat_message_id} not found")
        if any(i.chat_message_id == chat_message_id for i in self.s.outbox.values()):
            raise Conflict(f"message {chat_message_id} is already in the outbox")
        if any(i.mail.message_id == mail.message_id for i in self.s.outbox.values()):
            raise Conflict(f"mail {mail.message_id!r} is already in the outbox")
        _storable(*(str(v) for v in asdict(mail).values()))
        item = OutboxItem(self.w.next_id("mail_outbox", self.w.outbox), conversation_id, chat_message_id, mail,
                          "queued", 0, at, "", at, "")
        self.w.outbox[item.id] = item
        return item

    def claim_due(self, now: str, lease_until: str, limit: int) -> list[OutboxItem]:
        # read under the write lock (self.w), as the real stores claim: two senders never both see an item queued
        due = [i for _, i in sorted(self.w.outbox.items()) if i.status == "queued" and i.next_attempt_at <= now]
        claimed = [replace(i, next_attempt_at=lease_until) for i in due[:limit]]
        for item in claimed:
            self.w.outbox[item.id] = item
        return claimed

    def _change(self, item_id: int, queued_only: bool, **changes: Any) -> None:
        item = self.s.outbox.get(item_id)
        if item is not None and (item.status == "queued" or not queued_only):
            self.w.outbox[item_id] = replace(item, attempts=item.attempts + 1, **changes)

    def mark_sent(self, item_id: int, at: str) -> None:
        self._change(item_id, False, status="sent", sent_at=at, last_error="")

    def retry_later(self, item_id: int, next_attempt_at: str, error: str) -> None:
        self._change(item_id, True, next_attempt_at=next_attempt_at, last_error=error[:500])

    def mark_failed(self, item_id: int, error: str) -> None:
        self._change(item_id, True, status="failed", last_error=error[:500])

    def outbox(self, conversation_id: int | None = None) -> list[OutboxItem]:
        return [i for _, i in sorted(self.s.outbox.items())
                if conversation_id is None or i.conversation_id == conversation_id]


class FakeSocialOutbox(_Repository):
    def queue(self, item: SocialOutboxItem) -> SocialOutboxItem:
        if item.kind not in ("dm", "comment"):
            raise InvalidInput(f"a social reply is a dm or a comment; got {item.kind!r}")
        if (item.conversation_id not in self.s.conversations or item.chat_message_id not in self.s.messages
                or item.key_id not in self.s.api_keys):
            raise NotFound(f"conversation {item.conversation_id}, message {item.chat_message_id} or integration "
                           f"{item.key_id} not found")
        if any(i.chat_message_id == item.chat_message_id for i in self.s.social_outbox.values()):
            raise Conflict(f"message {item.chat_message_id} is already in the social outbox")
        _storable(item.platform, item.recipient, item.text)
        stored = replace(item, id=self.w.next_id("social_outbox", self.w.social_outbox), status="queued", attempts=0,
                         last_error="", sent_at="", platform_id="")
        self.w.social_outbox[stored.id] = stored
        return stored

    def claim_due(self, now: str, lease_until: str, limit: int,
                  conversation_id: int | None = None) -> list[SocialOutboxItem]:
        # read under the write lock (self.w), as the real stores claim: two senders never both see an item queued
        due = [i for _, i in sorted(self.w.social_outbox.items()) if i.status == "queued" and i.next_attempt_at <= now
               and (conversation_id is None or i.conversation_id == conversation_id)]
        claimed = [replace(i, next_attempt_at=lease_until) for i in due[:max(limit, 0)]]
        for item in claimed:
            self.w.social_outbox[item.id] = item
        return claimed

    def _change(self, item_id: int, **changes: Any) -> None:
        item = self.s.social_outbox.get(item_id)
        if item is not None and item.status == "queued":
            self.w.social_outbox[item_id] = replace(item, attempts=item.attempts + 1, **changes)

    def mark_sent(self, item_id: int, at: str, platform_id: str) -> None:
        self._change(item_id, status="sent", sent_at=at, platform_id=platform_id[:200], last_error="")

    def retry_later(self, item_id: int, next_attempt_at: str, error: str) -> None:
        self._change(item_id, next_attempt_at=next_attempt_at, last_error=error[:500])

    def mark_failed(self, item_id: int, error: str) -> None:
        self._change(item_id, status="failed", last_error=error[:500])

    def outbox(self, conversation_id: int | None = None) -> list[SocialOutboxItem]:
        return [i for _, i in sorted(self.s.social_outbox.items())
                if conversation_id is None or i.conversation_id == conversation_id]


class FakeUnitOfWork:
    """Works on a copy of the committed state; the outermost clean exit publishes it (one commit)."""

    def __init__(self, database: FakeDatabase) -> None:
        self._database = database
        self._outer: FakeUnitOfWork | None = None
        self._working: State | None = None

    @property
    def state(self) -> State:
        return self._working if self._working is not None else self._database.committed()

    def writable(self) -> State:
        if self._working is None:
            self._working = self._database.begin()
        return self._working

    def __enter__(self) -> FakeUnitOfWork:
        self._outer = self._database.active()
        if self._outer is None:
            self._database.activate(self)
        root = self._outer or self
        self.users, self.sessions, self.customers = FakeUsers(root), FakeSessions(root), FakeCustomers(root)
        self.conversations, self.assist = FakeConversations(root), FakeAssist(root)
        self.articles, self.audit, self.kb_usage = FakeArticles(root), FakeAudit(root), FakeKbUsage(root)
        self.shared, self.integrations = FakeSharedState(root), FakeIntegrations(root)
        self.mail = FakeMail(root)
        self.social_outbox = FakeSocialOutbox(root)
        self.analytics = FakeAnalytics(FakeSharedState(root))
        self.predictions = FakePredictions(FakeSharedState(root))
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        if self._outer is not None:
            return
        self._database.activate(None)
        if self._working is not None:
            self._database.end(self._working if kind is None else None)


class FakeDatabase:
    """The "store" capability in memory."""

    def __init__(self) -> None:
        self._state = State()
        self._write_lock = threading.Lock()
        self._threads = threading.local()
        self.commits = 0

    def __call__(self) -> FakeUnitOfWork:
        return FakeUnitOfWork(self)

    def active(self) -> FakeUnitOfWork | None:
        return getattr(self._threads, "uow", None)

    def activate(self, uow: FakeUnitOfWork | None) -> None:
        self._threads.uow = uow

    def committed(self) -> State:
        return self._state  # read only: a writer replaces it whole at its commit, never changes it in place

    def begin(self) -> State:
        self._write_lock.acquire()
        return copy.deepcopy(self._state)

    def end(self, state: State | None) -> None:
        """Commit (a state) or roll back (None), and let the next writer in."""
        if state is not None:
            self._state = state
            self.commits += 1
        self._write_lock.release()

    def schema_version(self) -> int:
        return 0

    def reencrypt(self, batch_size: int) -> int:
        return 0  # nothing is stored: nothing is encrypted

    def reencrypt_pending(self) -> int:
        return 0

    def pushed_change_marker(self) -> None:
        return None  # nothing pushes: queue_marker reads the fake's marker

    def forget_freed(self) -> dict[str, Any]:
        return {"wal_checkpoint": "not applicable (in memory)"}

    def table_counts(self) -> dict[str, int]:
        s = self._state
        return {"users": len(s.users), "customers": len(s.customers), "orders": len(s.orders),
                "conversations": len(s.conversations), "messages": len(s.messages),
                "analyses": len(s.analyses), "suggestions": len(s.suggestions), "escalations": len(s.escalations),
                "kb_articles": len(s.articles), "kb_article_versions": len(s.versions), "audit_log": len(s.audit),
                "events": len(s.events), "sessions": len(s.sessions), "sign_in_failures": len(s.failures),
                "kb_drafts": len(s.drafts)}

    def content_hash(self) -> str:
        s = self._state
        content = [sorted(s.customers.items()), sorted(s.orders.items()), sorted(s.conversations.items()),
                   sorted(s.messages.items()), sorted(s.articles.items()), s.versions,
                   sorted((u.username, u.display_name, u.role) for u, _ in s.users.values())]
        return hashlib.sha256(json.dumps(content, default=_plain, sort_keys=True).encode()).hexdigest()

    def reset(self) -> None:
        with self._write_lock:
            self._state = State()


def _plain(value: Any) -> Any:
    return asdict(value) if hasattr(value, "__dataclass_fields__") else str(value)


__all__ = ["FakeDatabase", "FakeUnitOfWork", "State"]
