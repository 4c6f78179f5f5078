"""Frozen dataclasses passed between services, adapters and pages."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

ROLES = ("agent", "supervisor", "kb_editor", "admin")
CHANNELS = ("chat", "email", "social", "voice")
CONVERSATION_STATUSES = ("open", "pending", "escalated", "resolved")
AUTHOR_ROLES = ("customer", "agent", "system", "note")
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
    kind: str  # EMAIL, PHONE, CARD, IBAN, SSN, ADDRESS, PERSON
    start: int
    end: int
    score: float = 1.0


@dataclass(frozen=True)
class Escalation:
    escalate: bool
    score: float
    reasons: tuple[str, ...] = ()


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


@dataclass(frozen=True)
class Suggestion:
    text: str
    source: str
    score: float


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

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict with the documented keys of `analyze --json` (also what the stores keep)."""
        data = asdict(self)
        intent = self.intent
        data["intent"] = {"label": intent.label, "confidence": round(intent.confidence, 4),
                          "secondary": intent.secondary,
                          "secondary_confidence": None if intent.secondary_confidence is None
                          else round(intent.secondary_confidence, 4)}
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


@dataclass(frozen=True)
class TranscriptSegment:
    """A stretch of recognised speech: seconds from the start of the audio, and its text."""

    start: float
    end: float
    text: str


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
