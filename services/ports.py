"""One Protocol per external capability, and one repository per aggregate behind a unit of work. Adapters in
services/adapters/{local,aws} implement them; tests/fake_repositories.py fakes the repositories.

Every method returns Frontline dataclasses (services.models), never vendor dicts or database rows. ``Ports`` (at the
end) lists the capabilities as typed attributes; ``services.bootstrap.Services`` inherits them and builds each one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Generic, Protocol, TypeVar, cast, overload

from services.email_models import MailRecord, MailRef, OutboxItem, OutgoingMail
from services.models import (
    Analysis,
    AnalyticsFilter,
    ApiKey,
    ApiRequest,
    Article,
    ArticleDraft,
    ArticleUsage,
    ArticleVersion,
    AssistantTotals,
    AuditEntry,
    AuditLink,
    AuditQuery,
    ContactRow,
    Conversation,
    ConversationFacts,
    Customer,
    DataKeys,
    DraftRecord,
    DraftRequest,
    DrillRow,
    Entity,
    EscalationRecord,
    EscalationRow,
    Heartbeat,
    Intent,
    KbHit,
    Message,
    Order,
    PiiSpan,
    QueueRow,
    ReplyContext,
    Route,
    SavedSuggestion,
    SearchMiss,
    Sentiment,
    SessionRecord,
    SocialDelivery,
    SocialOutboxItem,
    SocialReply,
    Speech,
    StoredModel,
    Suggestion,
    Totals,
    Transcript,
    TranscriptSegment,
    Translation,
    User,
)

# ---- persistence: one repository per aggregate, reached through a unit of work ----------------------------
#
#     with services.uow() as uow:          # one transaction
#         uow.conversations.append_message(message)
#         uow.audit.record(...)
#     # clean exit: committed once; an exception: rolled back, nothing written
#
# Every repository raises NotFound for a get of an id that does not exist, Conflict (an InvalidInput) when a
# write clashes with a unique key, NotFound when it names a parent row that does not exist, and nothing else.


class UserRepository(Protocol):
    def add(self, username: str, display_name: str, role: str, password_hash: str) -> User:
        """Raises Conflict when the username exists."""
        ...

    def get(self, username: str) -> User: ...
    def password_hash(self, username: str) -> str: ...
    def all(self) -> list[User]:
        """Every user, in the order they were added."""
        ...


class SessionRepository(Protocol):
    """Sign-in sessions, the lockout's failure counts and the session-signing secret: shared by every process."""

    def secret(self, name: str) -> str: ...
    def add(self, token_hash: str, username: str, expires_at: str) -> SessionRecord: ...
    def get(self, token_hash: str) -> SessionRecord: ...
    def open_among(self, token_hashes: Sequence[str], now: str) -> set[str]:
        """Those of token_hashes that name a session open at `now` (not revoked, not expired) of a user who still
        exists: one read for many tabs' automatic checks."""
        ...

    def touch(self, token_hash: str, expires_at: str) -> None: ...
    def revoke_all(self, username: str) -> int:
        """End every live session of the user; returns how many were live."""
        ...

    def purge(self, before: str) -> None:
        """Forget sessions that expired or were revoked before this moment."""
        ...

    def failure_state(self, scope: str, key: str) -> tuple[int, str, str]:
        """(failures, last failure at, locked until); (0, "", "") when none."""
        ...

    def add_failure(self, scope: str, key: str, forget_before: str) -> int:
        """One more failure (a count last touched before forget_before starts again at 1); returns the count."""
        ...

    def lock(self, scope: str, key: str, until: str) -> None: ...
    def clear_failures(self, scope: str, key: str) -> None: ...


class CustomerRepository(Protocol):
    """Customers and their orders."""

    def add(self, customer: Customer) -> Customer:
        """Stored with a new id when customer.id is 0, else with its own (Conflict when taken)."""
        ...

    def add_many(self, customers: Sequence[Customer]) -> None: ...
    def get(self, customer_id: int) -> Customer: ...
    def all(self) -> list[Customer]:
        """By id."""
        ...

    def add_order(self, order: Order) -> Order:
        """Raises Conflict when the order number exists, NotFound when the customer does not."""
        ...

    def add_orders(self, orders: Sequence[Order]) -> None: ...
    def orders_for(self, customer_id: int) -> list[Order]:
        """Newest first (placed_at)."""
        ...

    def find_order(self, number: str) -> Order: ...


class ConversationRepository(Protocol):
    """Conversations, their messages and the agents' queue."""

    def add(self, conversation: Conversation) -> Conversation:
        """Stored with a new id; NotFound when the customer does not exist."""
        ...

    def get(self, conversation_id: int) -> Conversation: ...
    def all(self, status: str | None = None, agent: str | None = None,
             customer_id: int | None = None) -> list[Conversation]:
        """Most recently updated first."""
        ...

    def update(self, conversation_id: int, **changes: Any) -> Conversation:
        """Change fields (InvalidInput for a field a conversation does not have); updated_at moves to now."""
        ...

    def queue(self, agent: str | None = None, statuses: Sequence[str] = ("open", "pending", "escalated"),
              limit: int = 2000) -> list[QueueRow]:
        """Conversations in these statuses (assigned to agent or to nobody; all when agent is None): escalated
        first, then flagged for escalation, then by how long the customer has waited (oldest unanswered customer
        message first; none waiting last), then least recently updated."""
        ...

    def append_message(self, message: Message) -> Message:
        """Stored with a new id (created_at now when empty); the conversation's updated_at moves to it.
        NotFound when the conversation does not exist."""
        ...

    def add_messages(self, messages: Sequence[Message]) -> None:
        """Bulk insert as given (the seed): updated_at is not touched."""
        ...

    def messages_for(self, conversation_id: int) -> list[Message]:
        """Oldest first (by id)."""
        ...

    def count_messages(self, conversation_id: int | None = None) -> int: ...

    def set_route(self, conversation_id: int, route: Route) -> None:
        """Keep why the conversation was routed where it was (replacing an earlier route); routed_at now when empty.
        NotFound when the conversation does not exist."""
        ...

    def route_of(self, conversation_id: int) -> Route | None:
        """The conversation's routing decision; None for one that was never routed (seeded, or older)."""
        ...

    def waiting_by_queue(self) -> dict[str, int]:
        """{queue: conversations waiting for an agent}: open or pending, assigned to nobody (queues with none are
        left out)."""
        ...


class AssistRepository(Protocol):
    """What the assist pipeline concluded about each customer message, the agents' feedback and escalations."""

    def save_outcome(self, message_id: int, analysis: Analysis | None, suggestions: Sequence[Suggestion] = (),
                     not_analysed: str = "", retry: bool = False) -> bool:
        """Claim the message's analysis once: the analysis and its ranked suggestions, or (analysis None) the
        reason it could not be analysed. Returns False, writing nothing, when the message already has an outcome
        (with retry, a "not analysed" outcome is replaced: the retry a SharedStateRepository claim let through).
        NotFound when the message does not exist."""
        ...

    def get_analysis(self, message_id: int) -> Analysis | None:
        """None when the message has no analysis or could not be analysed."""
        ...

    def analysis_failures(self, conversation_id: int) -> dict[int, str]:
        """{message id: reason} for the conversation's messages that could not be analysed."""
        ...

    def suggestions_for(self, message_id: int) -> list[SavedSuggestion]:
        """By rank."""
        ...

    def record_feedback(self, suggestion_id: int, feedback: str, final_text: str = "") -> None:
        """feedback: accepted | edited | rejected (else InvalidInput); NotFound for an unknown suggestion."""
        ...

    def add_escalation(self, conversation_id: int, reasons: Sequence[str], score: float, actor: str,
                       note: str = "", created_at: str = "", masked_note: str = "") -> int: ...
    def latest_escalation(self, conversation_id: int) -> EscalationRecord | None: ...
    def close_escalation(self, escalation_id: int, status: str, handled_by: str, note: str = "") -> None:
        """Record what the supervisor did (taken_over, reassigned, returned)."""
        ...

    def open_escalations(self, limit: int = 500) -> list[EscalationRow]:
        """The latest escalation of every conversation still escalated and not yet handled, newest first."""
        ...


class ArticleRepository(Protocol):
    """Knowledge-base articles and every version of each: every save is a new version that keeps who saved it,
    when, the whole article as saved and what the save did (``summary``)."""

    def add(self, article: Article, actor: str | None = None, summary: str = "Created") -> Article:
        """Stored with a new id and its first version, recorded with its actor (default: "seed" for an approved
        article, else "system"); Conflict when the slug exists."""
        ...

    def get(self, article_id: int) -> Article: ...
    def all(self, status: str | None = None) -> list[Article]:
        """By id."""
        ...

    def update(self, article_id: int, actor: str, *, expected_version: int | None = None, summary: str = "",
               **changes: Any) -> Article:
        """A new version (title, body, category, status, language, tags, owner, note; else InvalidInput), recorded
        with its actor and summary (default: "Edited <the fields that differ>"). Conflict when expected_version is
        given and the article is no longer at it, or another unit of work saved it meanwhile (no lost update)."""
        ...

    def versions(self, article_id: int) -> list[ArticleVersion]:
        """Oldest first."""
        ...

    def assign(self, article_id: int, assignee: str) -> Article:
        """Ask an editor ("" for nobody) to take the article's next step; not a version (the text is unchanged).
        NotFound: no such article."""
        ...

    def submitted(self) -> list[tuple[Article, ArticleVersion]]:
        """Every article in review with the version that put it there (its latest), oldest submission first."""
        ...

    def add_draft_record(self, record: DraftRecord) -> None:
        """Keep what a drafted article was drafted from (its sources and the draft itself) beside it.
        NotFound when the article does not exist, Conflict when it already has a draft record."""
        ...

    def draft_record(self, article_id: int) -> DraftRecord | None:
        """None for an article that was not drafted from a gap."""
        ...

    def draft_records(self, limit: int = 100) -> list[DraftRecord]:
        """Newest first."""
        ...


class KbUsageRepository(Protocol):
    """How the knowledge base is used: articles opened and used in sent replies, helpful / not-helpful votes, and
    searches with no good result (their query masked by the caller). Shared by every process: in the database.
    Moments are ISO-8601 UTC text (services/clock.py); a period is ``since`` inclusive, ``until`` exclusive."""

    def add_use(self, article_id: int, kind: str, actor: str, source: str = "", conversation_id: int | None = None,
                unless_since: str | None = None) -> bool:
        """Record a use ("view" or "reply"); with unless_since, not when the same actor already has one of this kind
        of this article since that moment (a page shown again is not a new view). True when recorded.
        NotFound: no such article. InvalidInput: another kind."""
        ...

    def vote(self, article_id: int, actor: str, context: str, helpful: bool) -> None:
        """The actor's vote on the article in one context (a conversation, the KB page); voting again replaces it.
        NotFound: no such article."""
        ...

    def votes_by(self, actor: str, context: str) -> dict[int, bool]:
        """The actor's votes in one context: article id -> helpful."""
        ...

    def add_miss(self, query: str, best_score: float, actor: str, source: str = "",
                 unless_since: str | None = None) -> bool:
        """Record a search with no good result; with unless_since, not when the same actor searched the same query
        since then. True when recorded."""
        ...

    def usage(self, since: str, until: str) -> list[ArticleUsage]:
        """Per article with any use, view or vote in the period: its counts, by article id."""
        ...

    def misses(self, since: str, until: str, limit: int = 20) -> list[SearchMiss]:
        """The period's searches with no good result grouped by query: most searched first, then the latest."""
        ...


class AnalyticsRepository(Protocol):
    """Read-only sums for the supervisor's analytics, computed by the database (docs/metrics.md), plus the per
    conversation facts they read (kept up to date by the conversation and assist repositories as things happen).

    ``by`` names dimensions of services.models.ANALYTICS_DIMENSIONS; groups come back ordered by their key, only
    groups with at least one conversation. InvalidInput: an unknown or repeated dimension.

    Example:
        uow.analytics.totals(AnalyticsFilter("2026-11-01", "2026-12-01", channels=("chat",)), ("day",), {"chat": 120})
    """

    def totals(self, filters: AnalyticsFilter, by: Sequence[str] = (),
               sla_s: Mapping[str, int] | None = None) -> list[Totals]:
        """Sums per group; sla_s: each channel's first-response target in seconds (sla_met counts against it)."""
        ...

    def counts(self, filters: AnalyticsFilter, by: Sequence[str]) -> dict[tuple[str, ...], int]:
        """Conversations per group (the cheap query, for mixes and heat maps)."""
        ...

    def conversations(self, filters: AnalyticsFilter, match: Mapping[str, str] | None = None,
                      limit: int = 100) -> list[DrillRow]:
        """The newest conversations the filter selects whose dimensions equal ``match`` (a chart's bar or point)."""
        ...

    def facts(self, conversation_id: int) -> ConversationFacts:
        """NotFound: no such conversation."""
        ...

    def record_facts(self, conversation_id: int, facts: ConversationFacts) -> None:
        """Set them whole (the seed and imports, which write history at once). NotFound: no such conversation."""
        ...

    def assistant_totals(self, filters: AnalyticsFilter, reasons: Mapping[str, str]) -> AssistantTotals:
        """The virtual assistant's figures over the conversations the filter selects; ``reasons`` maps each
        handover reason code to the text its reason starts with (services/assistant.py REASONS), counted in the
        handover events' payloads."""
        ...


class PredictionRepository(Protocol):
    """What the CSAT and churn predictors learn from, customers' churn dates, and the fitted models every replica
    shares (services/predictors.py; docs/models.md "Predictions").

    Example:
        rows = uow.predictions.contacts(); uow.predictions.save_model(StoredModel("csat", at, "cli", payload))
    """

    def contacts(self, customer_id: int | None = None) -> list[ContactRow]:
        """Every conversation (of one customer, when given) with its facts, survey answer and customer's tier and
        churn date, oldest first (ties by id)."""
        ...

    def record_churn(self, customer_id: int, at: str) -> None:
        """The customer left at ``at`` (ISO-8601; "" clears it). NotFound: no such customer."""
        ...

    def save_model(self, model: StoredModel) -> None:
        """Store it, replacing the model of the same kind."""
        ...

    def model(self, kind: str) -> StoredModel | None:
        """The stored model of this kind, None when none was trained."""
        ...


class AuditRepository(Protocol):
    """The audit log (who read or changed what) and the outgoing events.

    The log is append-only: the database itself refuses UPDATE and DELETE of its rows (triggers), except the
    redaction of a detail to ``'[erased]'``; each row is hash-chained to the one before (services/audit_chain.py).
    """

    def record(self, actor: str, action: str, entity: str, entity_id: str, detail: str = "") -> None:
        """Append an entry. It is written, chained, when the unit of work commits (never for a rolled-back one)."""
        ...

    def redact_details(self, entry_ids: Sequence[int]) -> int:
        """Replace the detail of these entries with '[erased]' (the chain still verifies); returns how many changed."""
        ...

    def search(self, query: AuditQuery, limit: int = 500) -> list[AuditEntry]:
        """The entries matching every field of the query, newest first."""
        ...

    def chain(self, after_id: int = 0, limit: int = 5000) -> list[AuditLink]:
        """Entries with their digests and hashes, in id order, from the first id above ``after_id``."""
        ...

    def detail_matches(self, detail: str, digest: str) -> bool:
        """Whether a stored detail digest is this detail's (keyed digests are checked with the key the repository
        holds; services/audit_chain.py)."""
        ...

    def entries(self, limit: int = 100, actor: str | None = None) -> list[AuditEntry]:
        """Newest first."""
        ...

    def trail(self, entity: str, entity_id: str, limit: int = 200) -> list[AuditEntry]:
        """What was done to one row: its latest ``limit`` entries, oldest first."""
        ...

    def add_event(self, kind: str, conversation_id: int | None, payload: str = "{}") -> int: ...


class PrivacyRepository(Protocol):
    """Data rights (services/data_rights.py): every stored row about one customer, and the removal of personal data
    from a customer's rows, their conversations and free text quoting them. Aggregates stay: conversation rows with
    their channel, timestamps, status, CSAT and KPI columns, labels, ratings, routes and order totals."""

    def customer_rows(self, customer_id: int) -> dict[str, list[dict[str, Any]]]:
        """Every row about this customer by table name (customers, orders, conversations, messages, analyses,
        suggestions, escalations, events, mail, routes, ratings, integration ids, KB usage, audit entries).

        Raises:
            NotFound: no such customer.
        """
        ...

    def conversations_of(self, customer_id: int) -> list[int]: ...
    def messages_of(self, conversation_ids: Sequence[int]) -> list[int]: ...
    def audit_about(self, customer_id: int, conversation_ids: Sequence[int], message_ids: Sequence[int],
                    needles: Sequence[str]) -> list[int]:
        """Ids of the audit entries about the customer, these conversations or messages or the integration threads
        of these conversations, or whose detail contains one of the needles (any case)."""
        ...

    def retention_due(self, closed_before: str, limit: int) -> list[int]:
        """Up to ``limit`` resolved conversations resolved before ``closed_before`` and changed since their personal
        data was last removed (or never removed), oldest first."""
        ...

    def secure_delete(self) -> None:
        """Open this unit of work's write transaction now (no other writer until it ends, so what is read next is
        what gets erased), with the space it frees made unreadable in the database file where the engine can
        (SQLite: zeroed). Call it first."""
        ...

    def erase_conversations(self, conversation_ids: Sequence[int], at: str) -> dict[str, int]:
        """Remove the personal data of these conversations (message text, analyses' entities and masked text,
        suggestions, notes, mails, event subjects, integration thread ids, draft sources quoting them); marks them
        anonymised at ``at``. Returns the rows changed per table (tables with none left out)."""
        ...

    def erase_customer(self, customer_id: int, at: str) -> dict[str, int]:
        """erase_conversations for all their conversations, then the customer row anonymised (name "[erased]",
        e-mail, phone, city, handle cleared), their orders' tracking numbers cleared and their integration ids
        deleted. Returns the rows changed per table.

        Raises:
            NotFound: no such customer.
        """
        ...

    def quoting(self, needles: Sequence[str], conversation_ids: Sequence[int]) -> dict[str, list[dict[str, Any]]]:
        """Staff free text that quotes a customer, by table: KB articles, versions and search misses holding one of
        the needles (any case), and draft provenance holding one or naming one of these conversations."""
        ...

    def erase_quotes(self, needles: Sequence[str]) -> dict[str, int]:
        """Replace each needle (any case) with "[erased]" where staff free text may quote a customer: KB articles,
        their versions and search passages, draft provenance, KB search misses. Returns the rows changed per table."""
        ...


class SharedStateRepository(Protocol):
    """State every app process must agree on: counters moved inside the writing transaction (cheap to poll: one
    row), settings rows an admin writes and background processes read, their heartbeats, and analysis claims (one
    process at a time analyses a stored message). A claim or a setting is written when its unit of work commits."""

    def change_marker(self) -> tuple[Any, ...]:
        """Differs after every committed write to what the live panels show (conversations, messages, analyses,
        suggestions, escalations, articles, customers, orders); two writes in the same second are two changes."""
        ...

    def kb_index_version(self) -> int:
        """Moves when an approved article is added, changed or withdrawn."""
        ...

    def setting(self, name: str) -> dict[str, Any]:
        """The JSON value of a settings row ({} when it was never written)."""
        ...

    def put_setting(self, name: str, value: dict[str, Any], actor: str) -> None: ...
    def beat(self, name: str, pid: int, detail: dict[str, Any]) -> None:
        """A process says it is alive."""
        ...

    def heartbeat(self, name: str) -> Heartbeat | None: ...
    def claim_analysis(self, message_id: int, owner: str, retry: bool = False) -> bool:
        """True for exactly one caller while the message has no analysis (retry: or only a "not analysed" one)
        and no live claim (a claim older than a couple of minutes was left by a dead process and is taken over).
        NotFound: no such message."""
        ...

    def release_analysis(self, message_id: int, owner: str) -> None:
        """Drop the owner's claim (another owner's claim is left alone)."""
        ...


class IntegrationRepository(Protocol):
    """The ingestion API's state, shared by every API process: keys per integration (looked up by the key's hash),
    requests by Idempotency-Key, requests per key and minute (the rate limit), and what an integration's thread and
    customer ids mean here. Moments are ISO-8601 UTC text (services/clock.py)."""

    def add_key(self, name: str, key_hash: str, prefix: str, rate_per_minute: int, actor: str,
                widget: bool = False) -> ApiKey:
        """Raises Conflict when the name (or the hash) exists."""
        ...

    def key(self, key_hash: str) -> ApiKey:
        """The key with this hash, revoked or not; NotFound when none."""
        ...

    def key_by_id(self, key_id: int) -> ApiKey:
        """The key with this id, revoked or not; NotFound when none."""
        ...

    def key_named(self, name: str) -> ApiKey:
        """The key with this name, revoked or not; NotFound when none."""
        ...

    def keys(self) -> list[ApiKey]:
        """By id."""
        ...

    def revoke_key(self, name: str) -> ApiKey:
        """Revoked now (a revoked key stays revoked); NotFound when no key has this name."""
        ...

    def count_request(self, key_id: int, minute: str) -> int:
        """One more request of the key in this minute (e.g. "2026-12-02T05:14"); returns the minute's count. Earlier
        minutes of the key are forgotten."""
        ...

    def count_client(self, scope: str, client: str, minute: str) -> int:
        """One more request of a client (a widget visitor, a client address) in a scope and minute; returns the
        minute's count. Earlier minutes of that client and scope are forgotten."""
        ...

    def claim_request(self, key_id: int, idempotency_key: str, body_hash: str, stale_before: str) -> ApiRequest | None:
        """None when this call claimed the key (a new request, or a pending one left before stale_before by a process
        that died); else the request as recorded (pending: status 0, or finished). NotFound: no such API key."""
        ...

    def finish_request(self, key_id: int, idempotency_key: str, status: int, response: str) -> None:
        """Record the response every retry gets back."""
        ...

    def drop_request(self, key_id: int, idempotency_key: str) -> None:
        """Forget a claimed request (it was refused, so a retry is handled afresh)."""
        ...

    def forget_requests(self, before: str) -> int:
        """Forget finished requests recorded before this moment (their keys may then be used again); returns how many."""
        ...

    def thread(self, key_id: int, thread_id: str) -> int | None:
        """The conversation id of the integration's thread, None when unknown."""
        ...

    def add_thread(self, key_id: int, thread_id: str, conversation_id: int) -> None:
        """Conflict when the thread is known; NotFound when the key or conversation is not."""
        ...

    def customer(self, key_id: int, external_id: str) -> int | None:
        """The customer id the integration's customer id stands for, None when unknown."""
        ...

    def add_customer(self, key_id: int, external_id: str, customer_id: int) -> None:
        """Conflict when the external id is known; NotFound when the key or customer is not."""
        ...

    def customer_by_email(self, email: str) -> int | None:
        """The lowest id of the customers with this email (compared without case), None when none."""
        ...

    def thread_of(self, conversation_id: int) -> tuple[int, str] | None:
        """(key id, thread id) of the integration thread that opened this conversation, None when none did."""
        ...

    def rate_answer(self, message_id: int, conversation_id: int, rating: int, at: str) -> None:
        """The customer's rating of an assistant message (+1 or -1), replacing an earlier one of the same message.
        NotFound: no such message in that conversation."""
        ...

    def answer_ratings(self, conversation_id: int) -> dict[int, int]:
        """The conversation's rated messages: message id -> +1 or -1."""
        ...


class SocialSender(Protocol):
    """Sends an agent's reply to a messaging platform (its Send API).

    Raises:
        ProviderUnavailable: the platform could not take it now (down, timed out, 5xx, 429 rate limit): try again.
        InvalidInput: the platform refused it for good (any other 4xx: e.g. the recipient cannot be messaged any
            more, the comment is gone), with its reason; resending would be refused again.
        ConfigError: sending is not configured for this integration (no access token)."""

    def send(self, reply: SocialReply) -> SocialDelivery: ...


class SocialOutboxRepository(Protocol):
    """Agents' replies waiting for a messaging platform (services/social_outbound.py), like the mail outbox: queued
    with the reply's transaction, leased by next_attempt_at so two senders never send one reply twice, retried
    until sent or failed for good. Moments are ISO-8601 UTC text; the text is encrypted at rest."""

    def queue(self, item: SocialOutboxItem) -> SocialOutboxItem:
        """The reply put in the outbox as given (its id, status, attempts and results are the store's: queued, due at
        item.next_attempt_at). NotFound when the conversation or message is not known; Conflict when that message
        is already queued."""
        ...

    def claim_due(self, now: str, lease_until: str, limit: int,
                  conversation_id: int | None = None) -> list[SocialOutboxItem]:
        """Queued replies due by now (oldest first, at most limit; only this conversation's when given), each leased
        until lease_until: another sender asking before then does not get them."""
        ...

    def mark_sent(self, item_id: int, at: str, platform_id: str) -> None: ...

    def retry_later(self, item_id: int, next_attempt_at: str, error: str) -> None:
        """One more failed attempt, the error kept, tried again at next_attempt_at (a queued item only)."""
        ...

    def mark_failed(self, item_id: int, error: str) -> None:
        """Refused for good: never tried again (a queued item only)."""
        ...

    def outbox(self, conversation_id: int | None = None) -> list[SocialOutboxItem]:
        """Every outbox item (of one conversation), by id."""
        ...


class MailRepository(Protocol):
    """The email channel's state (docs/email.md): every mail of a conversation's thread by its Message-ID (inbound:
    stored once, so a mail fetched twice is ingested once; outbound: our replies, so the customer's answer to one
    lands in the same conversation), and the outbox of replies waiting for SMTP. Moments are ISO-8601 UTC text."""

    def record(self, mail: MailRecord) -> None:
        """Conflict when the Message-ID is known; NotFound when the conversation is not."""
        ...

    def get(self, message_id: str) -> MailRecord | None:
        """The mail with this Message-ID, None when unknown."""
        ...

    def conversation_of(self, message_ids: Sequence[str]) -> int | None:
        """The conversation of the newest known mail among these Message-IDs (In-Reply-To, References), None."""
        ...

    def thread(self, conversation_id: int) -> list[MailRecord]:
        """The conversation's mails, oldest first (by when they were recorded, then Message-ID)."""
        ...

    def queue(self, conversation_id: int, chat_message_id: int, mail: OutgoingMail, at: str) -> OutboxItem:
        """A reply put in the outbox (due at once). NotFound when the conversation or message is not known;
        Conflict when that message is already queued."""
        ...

    def claim_due(self, now: str, lease_until: str, limit: int) -> list[OutboxItem]:
        """Queued replies due by now (oldest first, at most limit), each leased until lease_until: another sender
        asking before then does not get them."""
        ...

    def mark_sent(self, item_id: int, at: str) -> None: ...
    def retry_later(self, item_id: int, next_attempt_at: str, error: str) -> None:
        """One more failed attempt, the error kept, tried again at next_attempt_at."""
        ...

    def mark_failed(self, item_id: int, error: str) -> None:
        """Refused for good (e.g. the server rejected the recipient): never tried again."""
        ...

    def outbox(self, conversation_id: int | None = None) -> list[OutboxItem]:
        """Every outbox item (of one conversation), by id."""
        ...


class UnitOfWork(Protocol):
    """One transaction over every repository. Entering it inside another on the same thread joins the outer one
    (only the outermost commits). A clean exit commits once; an exception rolls everything back."""

    # read-only (properties), so that an adapter's own repository classes satisfy them
    @property
    def users(self) -> UserRepository: ...
    @property
    def sessions(self) -> SessionRepository: ...
    @property
    def customers(self) -> CustomerRepository: ...
    @property
    def conversations(self) -> ConversationRepository: ...
    @property
    def assist(self) -> AssistRepository: ...
    @property
    def articles(self) -> ArticleRepository: ...
    @property
    def audit(self) -> AuditRepository: ...
    @property
    def kb_usage(self) -> KbUsageRepository: ...
    @property
    def shared(self) -> SharedStateRepository: ...
    @property
    def analytics(self) -> AnalyticsRepository: ...
    @property
    def predictions(self) -> PredictionRepository: ...
    @property
    def integrations(self) -> IntegrationRepository: ...
    @property
    def mail(self) -> MailRepository: ...
    @property
    def social_outbox(self) -> SocialOutboxRepository: ...
    @property
    def privacy(self) -> PrivacyRepository: ...

    def __enter__(self) -> UnitOfWork: ...
    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None: ...


class Database(Protocol):
    """The "store" capability: makes units of work; whole-database chores for the seed and the admin page."""

    # writing units of work committed through this object, counted once the commit has landed (a reader that sees
    # the new count sees the rows): how this process knows at once that it changed something (ensure_kb_index)
    commits: int

    def __call__(self) -> UnitOfWork: ...
    def schema_version(self) -> int: ...
    def table_counts(self) -> dict[str, int]: ...
    def content_hash(self) -> str:
        """sha256 over the demo's content (not password hashes, audit trail, sessions or model outputs)."""
        ...

    def reset(self) -> None:
        """Drop everything and build the schema again (the seed)."""
        ...

    def forget_freed(self) -> dict[str, Any]:
        """After an erasure has committed: make the erased data unreadable from the database's files where this
        process can (SQLite: the write-ahead log checkpointed into the file and truncated, its old frames gone).
        Returns what was done, e.g. {"wal_checkpoint": "complete"}."""
        ...

    def reencrypt(self, batch_size: int) -> int:
        """Field encryption (docs/security.md): re-encrypt, in one transaction, up to ``batch_size`` rows that hold a
        value not under the current data key (an older key, or plaintext from before migration 20); returns how
        many. 0: nothing is left."""
        ...

    def reencrypt_pending(self) -> int:
        """How many rows hold a value not under the current data key."""
        ...

    def pushed_change_marker(self) -> tuple[Any, ...] | None:
        """The change marker as the database last pushed it to this process (PostgreSQL LISTEN/NOTIFY): reading it
        costs no query. None when nothing pushes it (SQLite, the fake) or the push is down: read
        ``uow.shared.change_marker()`` then. Both are the same marker, so switching between them shows no change."""
        ...


class KeyProvider(Protocol):
    """Where the data keys of field encryption at rest come from (docs/security.md "Encryption at rest"): the
    environment or a key file (local), AWS KMS or AWS Secrets Manager. Asked once per process, on first use.

    Raises:
        ConfigError: the keys are missing or malformed. ProviderUnavailable: the key service cannot be reached.
    """

    def data_keys(self) -> DataKeys: ...

    def new_key(self) -> str:
        """Make a fresh data key current, keeping the old ones; returns its id. Only where the app owns the keys
        (the local key file); ConfigError elsewhere, saying where the operator does it."""
        ...


class PasswordHasher(Protocol):
    def hash(self, password: str) -> str: ...
    def verify(self, password_hash: str, password: str) -> bool: ...


class LanguageDetector(Protocol):
    def detect(self, text: str) -> str:
        """ISO 639-1 code of the text's language, 'und' when unknown."""
        ...


class PiiDetector(Protocol):
    def find(self, text: str) -> list[PiiSpan]: ...


class EntityExtractor(Protocol):
    def extract(self, text: str) -> list[Entity]: ...


class IntentClassifier(Protocol):
    def classify(self, text: str) -> Intent: ...
    def labels(self) -> list[str]: ...


class SentimentAnalyzer(Protocol):
    def analyze(self, text: str) -> Sentiment: ...
    def emotions(self, text: str) -> dict[str, float]: ...


class Embedder(Protocol):
    def embed(self, texts: Sequence[str]) -> Any:
        """An (n, dim) float32 numpy array of L2-normalised embeddings."""
        ...


class SearchIndex(Protocol):
    def index(self, articles: Iterable[Article]) -> None: ...
    def search(self, query: str, k: int = 3) -> list[KbHit]: ...


class ReplyGenerator(Protocol):
    def suggest(self, context: ReplyContext, k: int = 3) -> list[Suggestion]:
        """Up to k grounded suggestions, best first (never sent by themselves)."""
        ...


class ArticleDrafter(Protocol):
    def draft(self, request: DraftRequest) -> ArticleDraft:
        """A knowledge-base article drafted from the request's sources only: every sentence names the source it
        comes from (an extractive composer quotes them; an LLM is told to, and a sentence it cannot trace is
        dropped). Raises ServiceError subclasses only."""
        ...


class Translator(Protocol):
    def translate(self, text: str, source: str, target: str) -> Translation:
        """The text in the target language (ISO 639-1 codes, e.g. "en" → "es"); the same text when they are equal.

        Raises:
            ProviderUnavailable: the provider cannot translate this pair (the message names the languages and what
                would: "translation between English and French needs AWS Translate"), or cannot run now.
            InvalidInput: empty or too long text.
        """
        ...

    def pairs(self) -> list[tuple[str, str]]:
        """The (source, target) pairs this provider translates, e.g. [("en", "es"), ("es", "en")]."""
        ...


class SpeechToText(Protocol):
    """Offline or cloud speech recognition of an audio file (WAV, MP3, OGG, ...)."""

    def transcribe(self, audio: Path) -> Transcript:
        """Everything said in the file.

        Raises:
            InvalidInput: not a readable audio file, truncated or damaged, silent, no speech found, a sample rate too
                low for speech, or longer than the configured maximum (refused before it is all decoded).
            ProviderUnavailable: the model cannot be loaded.

        Example: ``services.stt.transcribe(Path("call.wav")).text`` → "I want to return my order"
        """
        ...

    def stream(self, audio: Path) -> Iterator[TranscriptSegment]:
        """The file's segments one by one, each as soon as its speech chunk is transcribed (the audio is split at
        pauses by voice activity detection). Yields nothing for audio without speech; otherwise raises as ``transcribe``."""
        ...

    def listen(self) -> SpeechListener:
        """A new live recogniser for one audio channel of a call (one per channel, used by one thread at a time)."""
        ...


class SpeechListener(Protocol):
    """One channel of a live call, recognised as it is heard: audio goes in as it arrives, each stretch of speech
    that a pause closes comes out final, and the speech still open can be read as partial text at any time.

    Example: ``for segment in listener.hear(samples, 48_000): store(segment.text)``; ``listener.partial()``.
    """

    def hear(self, samples: Any, rate: int) -> list[TranscriptSegment]:
        """Take the next mono samples (a float32 numpy array in [-1, 1]) at ``rate`` Hz (resampled to what the
        recogniser needs); returns the segments a pause (or the longest chunk) completed, times from the first sample
        heard. Raises InvalidInput for a rate below 8 kHz or above 192 kHz."""
        ...

    def partial(self) -> str:
        """What was said so far in the speech not yet final ("" when nobody is speaking)."""
        ...

    def partial_ready(self) -> bool:
        """Whether partial() would recognise anything now: someone is speaking and enough of it was heard (a
        cheap check; the call asks it before spending a recognition, so the first partial is not a cadence late)."""
        ...

    def finish(self) -> list[TranscriptSegment]:
        """End of the audio: the speech still open, final."""
        ...

    def ready(self) -> None:
        """Load what recognition needs now (else the caller's first words wait for the model). Raises
        ProviderUnavailable when it cannot be loaded."""
        ...


class MailInbox(Protocol):
    """The support mailbox, read by polling (local: IMAP over imaplib). One poll opens a session; ``close`` ends it.

    Every method raises ProviderUnavailable when the server cannot be reached or refuses the login."""

    def unseen(self, limit: int) -> list[MailRef]:
        """Up to limit unseen messages, oldest first; nothing is marked seen."""
        ...

    def fetch(self, uid: str) -> bytes:
        """The message's bytes as received, without marking it seen. InvalidInput when it is gone."""
        ...

    def mark_seen(self, uid: str, flagged: bool = False) -> None:
        """Seen (after it is stored); flagged too when it was refused, so a person looks at it in a mail client."""
        ...

    def close(self) -> None: ...


class MailSender(Protocol):
    """Outgoing mail (local: SMTP over smtplib)."""

    def send(self, mail: OutgoingMail) -> None:
        """Deliver one mail to the SMTP server.

        Raises:
            ProviderUnavailable: the server cannot be reached or answered a temporary failure (try again later).
            InvalidInput: the server refused the mail for good (e.g. no such recipient).
        """
        ...


class TextToSpeech(Protocol):
    """Reading text aloud: a suggested reply played to the agent (or, later, to the caller)."""

    def synthesize(self, text: str) -> Speech:
        """The text spoken, as a WAV file. Callers pass text already cleaned and bounded by
        ``services.speech.speakable`` (no markup, at most tts_max_chars).

        Raises:
            InvalidInput: empty text, or longer than the provider takes in one request.
            ProviderUnavailable: the voice cannot be loaded or the service cannot be reached.

        Example: ``services.tts.synthesize("Your refund is on its way.").duration_s`` → 1.9
        """
        ...


class SentimentLab(Protocol):
    """Measuring sentiment (the eval-sentiment command): the VADER baseline, a model trained on a hold-out split of
    our examples, labelled CSV files, and the metrics."""

    def baseline(self) -> Callable[[str], Sentiment]: ...
    def holdout(self, fraction: float, seed: int,
                baseline: bool = False) -> tuple[Callable[[str], Sentiment], list[str], list[str], int]:
        """(analyze, test texts, test labels, number of training rows)."""
        ...
    def read_csv(self, path: Path, text_col: str, label_col: str, sep: str = ",", encoding: str = "utf-8-sig",
                 skip_rows: int = 0, label_map: str | None = None) -> tuple[list[str], list[str], int]:
        """(texts, labels, rows skipped)."""
        ...
    def evaluate(self, analyze: Callable[[str], Sentiment], texts: Sequence[str],
                 labels: Sequence[str]) -> dict[str, Any]: ...


class TrainedIntentModel(Protocol):
    @property
    def manifest(self) -> dict[str, Any]:
        """labels, n_train, train_seconds, heldout_metrics, ..."""
        ...


class IntentTrainer(Protocol):
    """Trains, saves, loads and measures intent models (the train-intents and eval-intents commands)."""

    def train(self, texts: list[str], labels: list[str], oos_label: str | None = None,
              tune: tuple[list[str], list[str]] | None = None) -> TrainedIntentModel: ...
    def check_output_folder(self, folder: Path) -> None: ...
    def save(self, model: TrainedIntentModel, folder: str | Path) -> Path: ...
    def classifier(self, model: TrainedIntentModel | None = None,
                   folder: str | Path | None = None) -> IntentClassifier: ...
    def metrics(self, truth: Sequence[str], predicted: Sequence[str], oos_label: str | None = None,
                confidence: Sequence[float] | None = None) -> dict[str, Any]: ...


T = TypeVar("T")


class Port(Generic[T]):
    """A typed attribute of Services: ``services.intent`` is an IntentClassifier, built on first use (by
    ``Services._provide``, once, thread-safely). The attribute's name is the capability's name."""

    def __init__(self) -> None:
        self.capability = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.capability = name

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> Port[T]: ...
    @overload
    def __get__(self, obj: Ports, owner: type | None = None) -> T: ...
    def __get__(self, obj: Ports | None, owner: type | None = None) -> Port[T] | T:
        if obj is None:
            return self
        return cast(T, obj._provide(self.capability))


class Ports:
    """Every capability, as the port type its providers implement. Adding a capability adds one line here."""

    store = Port[Database]()
    passwords = Port[PasswordHasher]()
    embedder = Port[Embedder]()
    language = Port[LanguageDetector]()
    pii = Port[PiiDetector]()
    intent = Port[IntentClassifier]()
    sentiment = Port[SentimentAnalyzer]()
    entities = Port[EntityExtractor]()
    search = Port[SearchIndex]()
    replies = Port[ReplyGenerator]()
    translator = Port[Translator]()
    drafter = Port[ArticleDrafter]()
    intent_training = Port[IntentTrainer]()
    sentiment_lab = Port[SentimentLab]()
    stt = Port[SpeechToText]()
    mail_inbox = Port[MailInbox]()  # the email channel, off unless configured (docs/email.md)
    mail_sender = Port[MailSender]()
    tts = Port[TextToSpeech]()
    social_send = Port[SocialSender]()
    keys = Port[KeyProvider]()  # field encryption at rest: the data keys (never falls back: docs/security.md)

    def _provide(self, capability: str) -> object:
        raise NotImplementedError

    @classmethod
    def port_names(cls) -> list[str]:
        return [name for klass in reversed(cls.__mro__) for name, value in vars(klass).items() if isinstance(value, Port)]
