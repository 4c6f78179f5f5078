"""Frozen dataclasses passed between services, adapters and pages."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

ROLES = ("agent", "supervisor", "kb_editor", "admin")
CHANNELS = ("chat", "email", "social", "voice")
CONVERSATION_STATUSES = ("open", "pending", "escalated", "resolved", "assistant")  # assistant: the virtual assistant answers
AUTHOR_ROLES = ("customer", "agent", "system", "note", "assistant")
TIERS = ("standard", "silver", "gold", "vip")
ARTICLE_STATES = ("draft", "in_review", "approved", "rejected", "archived")
# what a person reads for each state (the code never shows "in_review")
ARTICLE_STATE_LABELS = {"draft": "Draft", "in_review": "In review", "approved": "Approved", "rejected": "Rejected",
                        "archived": "Archived"}
SUGGESTION_FEEDBACK = ("accepted", "edited", "rejected")


@dataclass(frozen=True)
class User:
    id: int
    username: str
    display_name: str
    role: str


@dataclass(frozen=True)
class Customer:
    id: int
    name: str
    email: str
    phone: str
    tier: str
    lifetime_value: float
    customer_since: str
    city: str
    handle: str = ""


@dataclass(frozen=True)
class DataKeys:
    """The keys field encryption at rest uses (services.ports.KeyProvider): new values are encrypted under
    ``current``; ``keys`` holds every key by id, so values under an older one still decrypt; ``hmac_key`` makes the
    keyed hash e-mails are looked up by (it does not rotate with the data keys). 32 bytes each; never shown."""

    current: str
    keys: dict[str, bytes] = field(repr=False)
    hmac_key: bytes = field(repr=False)


@dataclass(frozen=True)
class Order:
    id: int
    number: str
    customer_id: int
    status: str
    total: float
    currency: str
    placed_at: str
    items: tuple[str, ...] = ()
    tracking_number: str = ""


@dataclass(frozen=True)
class Conversation:
    id: int
    customer_id: int
    channel: str
    status: str
    subject: str
    created_at: str
    updated_at: str
    assigned_agent: str = ""
    queue: str = "general"
    resolution: str = ""
    csat: int | None = None
    order_number: str = ""  # the order the conversation was opened about ("" when none); replies prefer it


@dataclass(frozen=True)
class Message:
    id: int
    conversation_id: int
    author_role: str
    author: str
    text: str
    masked_text: str
    created_at: str
    original: str = ""  # an agent reply sent translated: what the agent wrote (text is what the customer read)


@dataclass(frozen=True)
class Article:
    id: int
    slug: str
    title: str
    body: str
    category: str
    status: str
    version: int
    updated_at: str
    language: str = "en"
    tags: tuple[str, ...] = ()
    owner: str = ""  # the username answerable for the article
    note: str = ""  # the reviewer's reason when it was last rejected ("" otherwise)
    source_id: int | None = None  # the article this one was translated from (None: written in its language)
    assignee: str = ""  # the editor asked to take the next step (review it, finish it); "" when nobody

    @property
    def product_area(self) -> str:
        """The part of the product the article is about (stored as its category)."""
        return self.category

    @property
    def state_label(self) -> str:
        return ARTICLE_STATE_LABELS.get(self.status, self.status)


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    actor: str
    action: str
    entity: str
    entity_id: str
    detail: str = ""


@dataclass(frozen=True)
class AuditLink:
    """An audit entry with its place in the hash chain (services/audit_chain.py)."""

    id: int
    at: str
    actor: str
    action: str
    entity: str
    entity_id: str
    detail: str
    detail_digest: str
    hash: str


@dataclass(frozen=True)
class AuditQuery:
    """What the admin's audit-log search keeps: each field empty means any. ``since`` / ``until`` are dates or
    moments (ISO-8601, "2026-12-01" or "2026-12-01T10:00:00Z"), both ends included; ``text`` is found anywhere in
    the actor, action, entity id or detail, case-insensitively."""

    actor: str = ""
    action: str = ""
    entity: str = ""
    entity_id: str = ""
    since: str = ""
    until: str = ""
    text: str = ""


@dataclass(frozen=True)
class Event:
    id: int
    at: str
    kind: str
    conversation_id: int | None
    payload: str = "{}"


# ---- assist pipeline results -------------------------------------------------


@dataclass(frozen=True)
class Intent:
    label: str
    confidence: float
    ranking: tuple[tuple[str, float], ...] = ()
    # a second request in the same message ("change my address and is my kettle under warranty?"), else None
    secondary: str | None = None
    secondary_confidence: float | None = None
    # "" the message read alone; "conversation": a short follow-up ("tried that, no change") read together with the
    # customer's earlier messages in the conversation, because alone it names no request (services/assist.py)
    basis: str = ""


@dataclass(frozen=True)
class Sentiment:
    label: str  # positive | neutral | negative | mixed
    scores: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Entity:
    kind: str  # order_number, amount, date, email, phone, product, tracking_number, ...
    text: str
    start: int
    end: int
    value: str = ""


@dataclass(frozen=True)
class PiiSpan:
    kind: str  # EMAIL, PHONE, CARD, IBAN, SSN, ADDRESS, PERSON, BANK_ACCOUNT, NATIONAL_ID, DOB, IP_ADDRESS, CVV
    start: int
    end: int
    score: float = 1.0


@dataclass(frozen=True)
class Escalation:
    escalate: bool
    score: float
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class InjectionCheck:
    """A customer message read for prompt injection (services/injection.py): ``flagged`` when the weights of what
    was found reach 1.0; ``score`` their sum capped at 1.0; ``reasons`` the sentences the agent reads; ``codes`` what
    was found, one short name each (``override``, ``other_customer``, ``tag_characters``…)."""

    flagged: bool = False
    score: float = 0.0
    reasons: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()


@dataclass(frozen=True)
class KbHit:
    """One article found by a KB search: its best passage (plain text) and where the query's words are in it.

    ``highlights`` are (start, end) character offsets into ``passage``, in order and not overlapping: the words whose
    stem is one of the query's (so "refunds" is marked for "refund"); ``snippet`` is the passage's opening."""

    article_id: int
    title: str
    score: float
    snippet: str = ""
    passage: str = ""
    highlights: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class DraftSource:
    """Something a drafted article may quote: a customer question of the gap (masked), an agent reply that resolved
    such a conversation, or an existing article. ``ref`` names it for the editor ("question 3", "reply in
    conversation 41", "article 12")."""

    kind: str  # "question" | "reply" | "article"
    ref: str
    text: str


# The languages the demo and the translation features are seeded with (ISO 639-1), and their names in words
SEED_LANGUAGES = ("en", "es", "fr", "de")
LANGUAGE_NAMES = {"en": "English", "es": "Spanish", "fr": "French", "de": "German"}


def language_name(code: str) -> str:
    """"Spanish" for "es"; the code itself for a language we have no name for."""
    return LANGUAGE_NAMES.get(code, code)


@dataclass(frozen=True)
class Translation:
    """Text translated from one language into another by a named provider (e.g. "apertium", "aws")."""

    text: str
    source: str
    target: str
    provider: str


@dataclass(frozen=True)
class DraftRequest:
    """What a drafter may use: the gap's topic and its sources. Customer text is data, never instructions."""

    topic: str
    language: str
    sources: tuple[DraftSource, ...]


@dataclass(frozen=True)
class DraftSentence:
    text: str
    source: int | None  # index into DraftRequest.sources the sentence comes from; None only for a heading-like line


@dataclass(frozen=True)
class DraftSection:
    heading: str  # "Overview" | "Steps" | "Troubleshooting" | "FAQ" | "Related articles"
    sentences: tuple[DraftSentence, ...]


@dataclass(frozen=True)
class ArticleDraft:
    title: str
    sections: tuple[DraftSection, ...]
    provider: str  # "local", "aws", "openai" …


@dataclass(frozen=True)
class DraftRecord:
    """A drafted article's provenance, kept beside the article: what it was drafted from (the sources, masked) and
    the draft as the drafter returned it, so the editor sees each sentence beside its source."""

    article_id: int
    topic: str
    provider: str
    created_by: str
    created_at: str
    sources: tuple[DraftSource, ...]
    draft: ArticleDraft


RECORD_FACTS = ("order_status", "tracking_number", "eta", "amount")  # facts a reply may state from our records


@dataclass(frozen=True)
class Suggestion:
    text: str
    source: str
    score: float
    # which RECORD_FACTS the reply states, filled from our records (the virtual assistant answers only with those)
    facts: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReplyCustomer:
    name: str
    first_name: str
    tier: str


@dataclass(frozen=True)
class OrderFacts:
    """An order as a reply may state it: from our records only."""

    number: str
    status: str
    tracking_number: str = ""
    placed_at: str = ""
    items: tuple[str, ...] = ()
    total: str = ""  # formatted with its currency ("£49.50"); "" when unknown
    eta: str = ""


@dataclass(frozen=True)
class ReplyContext:
    """What a ReplyGenerator may use to suggest replies (masked text only; facts only from our records).

    ``order`` is the order the conversation concerns, chosen as ``order_basis`` says ("named" in the conversation,
    or the one it was opened about: "conversation"); ``latest_order`` is only the number of the customer's newest
    order when the conversation names none, which a reply may ask about but never state facts of. ``entities`` are
    what the customer typed (claims, never facts). ``product`` None: not decided, the generator may take the
    product the customer named.
    """

    intent: str
    intent_confidence: float = 0.0
    channel: str = "chat"
    masked_text: str = ""
    sentiment: str = "neutral"
    agent_name: str = ""
    customer: ReplyCustomer | None = None
    order: OrderFacts | None = None
    order_basis: str = ""
    latest_order: str = ""
    product: str | None = None
    entities: tuple[Entity, ...] = ()
    kb: tuple[KbHit, ...] = ()
    injection: tuple[str, ...] = ()  # what the injection check found (InjectionCheck.codes) when it flagged the message


@dataclass(frozen=True)
class SavedSuggestion:
    """A suggestion as stored for one customer message, with the agent's feedback once given."""

    id: int
    message_id: int
    rank: int
    text: str
    source: str
    score: float
    feedback: str | None = None  # accepted | edited | rejected; None until the agent sends or rejects
    final_text: str = ""


@dataclass(frozen=True)
class EscalationRecord:
    """One escalation of a conversation and what a supervisor did with it."""

    id: int
    conversation_id: int
    created_at: str
    actor: str
    score: float
    reasons: tuple[str, ...]
    note: str = ""
    masked_note: str = ""
    status: str = "open"  # open | taken_over | reassigned | returned
    handled_by: str = ""
    handled_at: str = ""
    outcome_note: str = ""


@dataclass(frozen=True)
class ArticleVersion:
    article_id: int
    version: int
    title: str
    body: str
    status: str
    changed_by: str
    changed_at: str
    category: str = ""
    language: str = ""
    tags: tuple[str, ...] = ()
    note: str = ""  # a reviewer's reason (a rejection)
    summary: str = ""  # what this save did, in words ("Edited title, body", "Submitted for review")

    @property
    def state_label(self) -> str:
        return ARTICLE_STATE_LABELS.get(self.status, self.status)


@dataclass(frozen=True)
class ArticleUsage:
    """How one article was used over a period: opened (views), voted helpful or not, used in sent replies."""

    article_id: int
    views: int = 0
    helpful: int = 0
    not_helpful: int = 0
    used_in_replies: int = 0


@dataclass(frozen=True)
class SearchMiss:
    """A search with no good result over a period: the masked query, how often, the best score it ever got."""

    query: str
    searches: int
    best_score: float
    last_at: str


USAGE_KINDS = ("view", "reply")  # kb_usage rows: an article opened; an article used in a sent reply


@dataclass(frozen=True)
class Analysis:
    intent: Intent
    sentiment: Sentiment
    emotions: dict[str, float]
    entities: tuple[Entity, ...]
    pii: tuple[PiiSpan, ...]
    masked_text: str
    language: str
    escalation: Escalation
    suggestions: tuple[Suggestion, ...]
    kb: tuple[KbHit, ...]
    provider: str
    timings_ms: dict[str, float]
    degraded: bool = False
    notices: tuple[str, ...] = ()
    injection: InjectionCheck = field(default_factory=InjectionCheck)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict with the documented keys of `analyze --json` (also what the stores keep)."""
        data = asdict(self)
        intent = self.intent
        data["intent"] = {"label": intent.label, "confidence": round(intent.confidence, 4),
                          "secondary": intent.secondary,
                          "secondary_confidence": None if intent.secondary_confidence is None
                          else round(intent.secondary_confidence, 4), "basis": intent.basis}
        data["pii"] = [{"kind": p.kind, "start": p.start, "end": p.end, "score": p.score} for p in self.pii]
        return data


@dataclass(frozen=True)
class QueueRow:
    """One line of an agent's queue: the conversation with its customer and latest signals."""

    conversation: Conversation
    customer_name: str
    customer_tier: str
    last_text: str
    last_author: str
    last_at: str
    sentiment: str = ""
    escalate: bool = False
    intent: str = ""
    waiting_since: str = ""  # the oldest customer message no agent reply has answered yet; "" when none


@dataclass(frozen=True)
class EscalationRow:
    """An escalation still waiting for a supervisor, with the conversation it concerns."""

    id: int
    conversation: Conversation
    customer_name: str
    customer_tier: str
    created_at: str
    actor: str  # who escalated (an agent, or "system")
    score: float
    reasons: tuple[str, ...]
    note: str
    masked_note: str
    last_text: str = ""  # the latest customer message
    last_masked_text: str = ""
    sentiment: str = ""


@dataclass(frozen=True)
class SessionRecord:
    token_hash: str
    username: str
    created_at: str
    last_seen_at: str
    expires_at: str
    revoked_at: str = ""


@dataclass(frozen=True)
class Heartbeat:
    """A background process's latest sign of life (``detail``: what it reports, e.g. messages written)."""

    name: str
    beat_at: str
    pid: int
    detail: dict = field(default_factory=dict)


# ---- supervisor analytics (issue 18; definitions in docs/metrics.md) ---------------------------------------------

# what a dashboard can be grouped by and filtered on (the analytics repository maps each to a column)
ANALYTICS_DIMENSIONS = ("day", "hour", "channel", "queue", "agent", "intent", "sentiment", "tier")
SENTIMENTS = ("positive", "neutral", "negative", "mixed")


@dataclass(frozen=True)
class ConversationFacts:
    """What analytics needs of one conversation beyond its row, kept up to date by the repositories as it happens
    (first reply, resolution, reopening, transfer, escalation, analysis) and written directly by the seed.

    first_response_s: seconds from the conversation's start to the first agent reply (None: not answered yet).
    handle_s: seconds from its start to its resolution (None: not resolved). intent: the first analysed customer
    message's; sentiment: the latest analysed customer message's ("" when none was analysed)."""

    first_response_s: int | None = None
    resolved_at: str = ""
    handle_s: int | None = None
    transfers: int = 0
    reopens: int = 0
    escalated: bool = False
    intent: str = ""
    sentiment: str = ""


@dataclass(frozen=True)
class ContactRow:
    """One conversation as the predictors (services/predictors.py) learn from it: its analytics facts, survey answer
    and its customer's tier and churn date ("" while the customer stays)."""

    conversation_id: int
    customer_id: int
    channel: str
    status: str
    created_at: str
    first_response_s: int | None
    transfers: int
    reopens: int
    escalated: bool
    intent: str
    sentiment: str
    csat: int | None
    tier: str
    churned_at: str = ""


@dataclass(frozen=True)
class StoredModel:
    """A fitted predictor as every replica reads it: ``payload`` is JSON (coefficients, feature names, held-out
    figures), never a pickle."""

    kind: str
    trained_at: str
    trained_by: str
    payload: str


@dataclass(frozen=True)
class AnalyticsFilter:
    """Conversations started in [start, end) (ISO-8601 UTC text, a day or a moment) whose channel, queue, agent,
    intent and customer tier are among the chosen ones (an empty tuple: any)."""

    start: str
    end: str
    channels: tuple[str, ...] = ()
    queues: tuple[str, ...] = ()
    agents: tuple[str, ...] = ()
    intents: tuple[str, ...] = ()
    tiers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Totals:
    """Sums over one group of conversations (``key``: the group's value per grouped dimension, in order); every rate
    of docs/metrics.md is a ratio of two of these."""

    key: tuple[str, ...]
    conversations: int = 0
    answered: int = 0  # has a first agent reply
    first_response_s: int = 0  # sum over the answered
    sla_met: int = 0  # answered within its channel's target
    resolved: int = 0
    handle_s: int = 0  # sum over the resolved
    first_contact: int = 0  # resolved, never reopened, transferred or escalated
    escalated: int = 0
    transferred: int = 0
    reopened: int = 0
    surveyed: int = 0  # has a CSAT answer
    csat_sum: int = 0
    satisfied: int = 0  # CSAT 4 or 5
    kb_resolved: int = 0  # resolved with a knowledge-base article used in a sent reply
    # customer messages whose suggested replies got feedback, by the best of it: one sent unchanged, one edited, none
    suggestions_accepted: int = 0
    suggestions_edited: int = 0
    suggestions_rejected: int = 0

    # the figures of docs/metrics.md (None: no conversation in the denominator)
    @property
    def avg_first_response_s(self) -> float | None:
        return _ratio(self.first_response_s, self.answered)

    @property
    def sla_attainment(self) -> float | None:
        return _ratio(self.sla_met, self.answered)

    @property
    def avg_handle_s(self) -> float | None:
        return _ratio(self.handle_s, self.resolved)

    @property
    def fcr_rate(self) -> float | None:
        return _ratio(self.first_contact, self.resolved)

    @property
    def escalation_rate(self) -> float | None:
        return _ratio(self.escalated, self.conversations)

    @property
    def transfer_rate(self) -> float | None:
        return _ratio(self.transferred, self.conversations)

    @property
    def reopen_rate(self) -> float | None:
        return _ratio(self.reopened, self.conversations)

    @property
    def avg_csat(self) -> float | None:
        return _ratio(self.csat_sum, self.surveyed)

    @property
    def csat_satisfied(self) -> float | None:
        return _ratio(self.satisfied, self.surveyed)

    @property
    def survey_response_rate(self) -> float | None:
        return _ratio(self.surveyed, self.resolved)

    @property
    def kb_deflection(self) -> float | None:
        return _ratio(self.kb_resolved, self.resolved)

    @property
    def suggestions(self) -> SuggestionOutcomes:
        return SuggestionOutcomes(self.key, self.suggestions_accepted, self.suggestions_edited,
                                  self.suggestions_rejected)

    def __add__(self, other: Totals) -> Totals:
        """The sums of two groups (keeping this one's key)."""
        return Totals(self.key, *(getattr(self, f) + getattr(other, f) for f in TOTAL_SUMS))


def _ratio(part: float, whole: float) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True)
class SuggestionOutcomes:
    """Customer messages whose suggested replies got feedback, by what the agent did: sent one unchanged
    (accepted), sent one edited, or sent none of them (rejected)."""

    key: tuple[str, ...]
    accepted: int = 0
    edited: int = 0
    rejected: int = 0

    @property
    def total(self) -> int:
        return self.accepted + self.edited + self.rejected

    @property
    def acceptance(self) -> float | None:
        """Sent unchanged or edited: the suggestions that were used."""
        return _ratio(self.accepted + self.edited, self.total)

    def __add__(self, other: SuggestionOutcomes) -> SuggestionOutcomes:
        return SuggestionOutcomes(self.key, self.accepted + other.accepted, self.edited + other.edited,
                                  self.rejected + other.rejected)


@dataclass(frozen=True)
class DrillRow:
    """One conversation behind a chart, for the drill-down table (the subject is masked by the use case)."""

    conversation_id: int
    created_at: str
    channel: str
    queue: str
    agent: str
    tier: str
    status: str
    intent: str
    sentiment: str
    csat: int | None
    first_response_s: int | None
    handle_s: int | None
    subject: str


TOTAL_SUMS = tuple(f for f in Totals.__dataclass_fields__ if f != "key")


@dataclass(frozen=True)
class Kpi:
    """One headline figure: its value (None when nothing is in its denominator) and what it was measured on."""

    key: str  # the docs/metrics.md anchor, e.g. "first-response-time"
    label: str
    value: float | None
    unit: str  # "count" | "seconds" | "rate" | "score"
    basis: str  # "412 answered conversations"


@dataclass(frozen=True)
class AgentRow:
    """One agent's line of the leaderboard."""

    agent: str
    totals: Totals
    suggestions: SuggestionOutcomes


@dataclass(frozen=True)
class Dashboard:
    """Everything the supervisor analytics page shows, for one range and filter (days inclusive)."""

    since: str
    until: str
    filters: AnalyticsFilter
    sla_s: dict[str, int]
    kpis: tuple[Kpi, ...]
    overall: Totals
    by_day: tuple[Totals, ...]  # every day of the range, zeros on days without conversations
    by_hour_channel: tuple[Totals, ...]  # key (channel, hour "00".."23")
    by_channel: tuple[Totals, ...]
    sentiment_by_day: tuple[Totals, ...]  # key (day, sentiment)
    intent_by_day: tuple[Totals, ...]  # key (day, intent)
    by_intent: tuple[Totals, ...]  # busiest first
    suggestions: SuggestionOutcomes
    suggestions_by_intent: tuple[SuggestionOutcomes, ...]
    suggestions_by_agent: tuple[SuggestionOutcomes, ...]
    leaderboard: tuple[AgentRow, ...]  # most resolved first
    options: dict[str, tuple[str, ...]]  # the agents, intents and queues seen in the range, for the filters
    drafted_articles: int = 0  # articles the AI drafter drafted in the range (ROI)


@dataclass(frozen=True)
class RoiAssumptions:
    """The seed's cost model (issue 18 item 3), editable: defaults are the middle of each range it gives."""

    human_rate: float = 37.5  # $ per agent hour without assistance ($25-50)
    assisted_rate: float = 15.0  # $ per AI-assisted agent hour ($10-20)
    manual_response_min: float = 7.5  # minutes to write a reply by hand (5-10)
    assisted_response_s: float = 45.0  # seconds to send a reply from a suggestion (30-60)
    manual_article_cost: float = 350.0  # $ to write a help-centre article by hand ($200-500)
    drafted_article_cost: float = 35.0  # $ to review and publish an AI-drafted one ($20-50)


@dataclass(frozen=True)
class RoiLine:
    """One saving: the measured figure it multiplies (named and counted) and the formula, in words."""

    label: str
    measured: str  # which figure of the dashboard, e.g. "customer messages answered from a suggestion"
    count: int
    hours_saved: float | None
    saving: float  # dollars
    formula: str


@dataclass(frozen=True)
class MonitorRow:
    """One conversation on the supervisor's live monitor: why it is there, masked text only."""

    conversation_id: int
    channel: str
    queue: str
    agent: str
    tier: str
    status: str
    sentiment: str
    waiting_min: int | None  # minutes since the oldest unanswered customer message (None: nothing unanswered)
    reasons: tuple[str, ...]
    subject: str  # masked
    latest: str  # the latest customer message, masked


@dataclass(frozen=True)
class LiveMonitor:
    """Escalations still waiting for a supervisor, and open conversations at risk, as they are now."""

    at: str
    escalations: tuple[MonitorRow, ...]
    at_risk: tuple[MonitorRow, ...]
    open_conversations: int
@dataclass(frozen=True)
class ApiKey:
    """An integration's key to the ingestion API (services/ingestion.py); only the SHA-256 of the key is stored."""

    id: int
    name: str
    prefix: str  # the key's first characters, to tell keys apart in lists (not enough to use it)
    rate_per_minute: int
    created_at: str
    created_by: str
    revoked_at: str = ""
    widget: bool = False  # its name is a site id the public web chat widget may use (services/widget.py)


@dataclass(frozen=True)
class ApiRequest:
    """A request as its Idempotency-Key recorded it: status 0 while the first one is being handled, then the HTTP
    status and the JSON response that every retry gets back."""

    key_id: int
    idempotency_key: str
    body_hash: str
    status: int
    response: str
    created_at: str
@dataclass(frozen=True)
class TranscriptSegment:
    """A stretch of recognised speech: seconds from the start of the audio, and its text. A provider that has the
    audio at hand may attach the segment's own samples (mono float32 at ``rate`` Hz): a recorded call's emotion is
    read from them (services/call_session.py); none attached, the call has no voice reading for that segment."""

    start: float
    end: float
    text: str
    samples: Any = field(default=None, compare=False, repr=False)
    rate: int = field(default=0, compare=False, repr=False)


@dataclass(frozen=True)
class Transcript:
    """What a speech-to-text provider heard in one audio file."""

    segments: tuple[TranscriptSegment, ...]
    language: str  # ISO 639-1 code, e.g. "en"
    duration_s: float  # of the audio, not of the speech
    model: str  # which recogniser, e.g. "whisper tiny.en"

    @property
    def text(self) -> str:
        """The segments' text as one line."""
        return " ".join(s.text.strip() for s in self.segments if s.text.strip())


@dataclass(frozen=True)
class Route:
    """Where a new conversation was routed and why (services/routing.py), as the agent reads it."""

    queue: str
    reason: str  # e.g. "Routed to billing: intent Billing Question 0.83, tier gold"
    rule: str  # the rule that matched ("default", "overloaded" …)
    routed_at: str = ""


@dataclass(frozen=True)
class Speech:
    """Synthesised speech: a complete WAV file (16-bit mono PCM) and what produced it."""

    audio: bytes  # the WAV file's bytes, ready for st.audio or a file
    sample_rate: int
    voice: str  # e.g. "piper en_US-joe-medium" or "polly Joanna (neural)"
    duration_s: float
    text: str  # what was spoken: the reply after markup was dropped and long text shortened
    truncated: bool = False  # the reply was longer than tts_max_chars and was cut at a sentence or word end


@dataclass(frozen=True)
class AssistantTotals:
    """The virtual assistant's figures over the conversations a filter selects (docs/metrics.md, "Virtual
    assistant"): a conversation counts when the assistant took a turn in it (answered or handed over)."""

    handled: int = 0  # conversations the assistant took a turn in
    contained: int = 0  # ... that it never handed over and no agent replied in (answered without an agent)
    handed_over: int = 0  # ... that it handed over to the agents
    answers: int = 0  # its answers in them
    surveyed: int = 0  # contained conversations with a CSAT answer
    csat_sum: int = 0
    satisfied: int = 0  # ... of 4 or 5
    rated_up: int = 0  # answers the customer rated helpful (all handled conversations)
    rated_down: int = 0
    bot_only_up: int = 0  # ... in contained conversations
    bot_only_down: int = 0
    reasons: tuple[tuple[str, int], ...] = ()  # handovers by reason code (a handover may have several reasons)

    @property
    def containment(self) -> float | None:
        return self.contained / self.handled if self.handled else None

    @property
    def bot_only_csat(self) -> float | None:
        return self.csat_sum / self.surveyed if self.surveyed else None

    @property
    def helpful_rate(self) -> float | None:
        rated = self.rated_up + self.rated_down
        return self.rated_up / rated if rated else None

    @property
    def bot_only_helpful_rate(self) -> float | None:
        rated = self.bot_only_up + self.bot_only_down
        return self.bot_only_up / rated if rated else None


@dataclass(frozen=True)
class SocialReply:
    """An agent's reply on its way to a messaging platform (services/social.py): to a private thread (``dm``: the
    recipient is the sender's platform id) or under a public comment (``comment``: the recipient is the comment's
    id; the text is already public-safe)."""

    integration: str  # the API key name of the platform integration
    platform: str  # "page" (Facebook Messenger / Page) or "instagram"
    kind: str  # "dm" | "comment"
    recipient: str
    text: str


@dataclass(frozen=True)
class SocialDelivery:
    """What the platform answered: its id of the sent message (or comment), empty when it gave none."""

    platform_id: str = ""


@dataclass(frozen=True)
class SocialOutboxItem:
    """An agent's reply waiting to go out to a messaging platform (services/social_outbound.py): retried with backoff
    until sent, or failed for good with the platform's reason. ``text`` is the reply as the agent sent it (a public
    comment's text is made public-safe when it is sent)."""

    id: int
    conversation_id: int
    chat_message_id: int
    key_id: int  # the integration's API key
    platform: str  # "page" | "instagram"
    kind: str  # "dm" | "comment"
    recipient: str  # the sender's platform id (dm) or the comment's id (comment)
    text: str
    status: str  # queued | sent | failed
    attempts: int
    next_attempt_at: str
    last_error: str
    created_at: str
    sent_at: str
    platform_id: str  # the platform's id of the sent message or comment ("" until sent, or when it gave none)
