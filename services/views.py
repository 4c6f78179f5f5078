"""What the pages and components render: frozen dataclasses the use cases return (no logic beyond display
helpers), so the UI imports this module, services.models and services.errors, never a use-case module.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from services.models import (
    Analysis,
    Article,
    ArticleVersion,
    Conversation,
    Customer,
    DraftRecord,
    Message,
    Order,
    QueueRow,
    Route,
    SearchMiss,
)


@dataclass(frozen=True)
class QueueItem:
    row: QueueRow
    waiting_minutes: int

    @property
    def urgent(self) -> bool:
        return self.row.escalate or self.row.conversation.status == "escalated"

    @property
    def customer_waiting(self) -> bool:
        """A customer message has no agent reply after it yet: the ball is in our court."""
        return bool(self.row.waiting_since)


@dataclass(frozen=True)
class ConversationView:
    conversation: Conversation
    customer: Customer
    messages: tuple[Message, ...]
    orders: tuple[Order, ...]
    history: tuple[Conversation, ...]
    shows_pii: bool
    route: Route | None = None  # why it reached this queue (None: never routed, e.g. seeded)


@dataclass(frozen=True)
class SuggestionView:
    id: int
    text: str
    source: str
    score: float
    feedback: str | None


@dataclass(frozen=True)
class AssistView:
    message_id: int
    analysis: Analysis
    suggestions: tuple[SuggestionView, ...]
    sentiment_trend: tuple[float, ...]
    articles: tuple[Article, ...] = ()  # the KB hits in full, to open inline


DISPOSITIONS = ("answered", "refund issued", "replacement sent", "order updated", "account fixed",
                "no action needed", "duplicate", "spam")


@dataclass(frozen=True)
class InboxItem:
    """One escalation as the signed-in role may see it."""

    escalation_id: int
    conversation_id: int
    channel: str
    subject: str
    customer: str  # the name, or "Customer #id" for a role that may not see PII
    tier: str
    escalated_at: str
    escalated_by: str
    score: float
    reasons: tuple[str, ...]
    note: str
    last_message: str
    sentiment: str
    urgent: bool


@dataclass(frozen=True)
class SlaClock:
    """How long the customer has waited for our reply against the channel's target."""

    target_min: int
    waited_min: int

    @property
    def remaining_min(self) -> int:
        return self.target_min - self.waited_min

    @property
    def breached(self) -> bool:
        """Waited longer than the target (at the target itself the clock shows "0 min left")."""
        return self.waited_min > self.target_min


@dataclass(frozen=True)
class ArticleResult:
    article: Article
    score: float
    snippet: str
    link: str  # the customer-facing address (setting help_centre_url), for the agent to paste into a reply
    passage: str = ""  # the passage that matched best, and the (start, end) spans of the query's words in it
    highlights: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Overview:
    conversations: int
    open_now: int
    resolved: int
    escalation_rate: float
    avg_csat: float | None
    csat_responses: int
    by_channel: dict[str, int]
    by_status: dict[str, int]
    by_day: dict[str, int]


@dataclass(frozen=True)
class ProviderRow:
    capability: str
    description: str
    provider: str
    available: tuple[str, ...]


@dataclass(frozen=True)
class SystemOverview:
    backend: str
    database: str
    data_dir: str
    schema_version: int
    providers: tuple[ProviderRow, ...]
    row_counts: dict[str, int]


@dataclass(frozen=True)
class SimulatorStatus:
    on: bool  # what the admin asked for (the settings row)
    rate: float
    alive: bool  # a simulator process beat within admin.ALIVE_WITHIN_S
    pid: int = 0
    seconds_since_beat: float | None = None  # None: no simulator process has ever run on this database
    written: int = 0  # messages written since the process saw it switched on
    error: str = ""


# ---- the knowledge-base editor (services/knowledge.py, services/kb_transfer.py) ---------------------------------


@dataclass(frozen=True)
class DiffLine:
    kind: str  # "same" | "added" | "removed"
    text: str


@dataclass(frozen=True)
class DiffRow:
    """One row of a side-by-side diff: the line before (left) and after (right); kind "same", "changed", "added"
    (nothing on the left) or "removed" (nothing on the right)."""

    kind: str
    left: str
    right: str


@dataclass(frozen=True)
class ArticleDetail:
    """One article as the editor's page shows it: the article, its versions (oldest first), the workflow steps the
    viewer may take now, and what the latest save changed against the version before it (as lines, and side by
    side); ``held`` says why a step the role allows is not offered (four eyes: the viewer wrote the last change)."""

    article: Article
    versions: tuple[ArticleVersion, ...]
    actions: tuple[str, ...]  # "save", "submit", "approve", "reject", "archive", "restore"
    diff: tuple[DiffLine, ...]
    sides: tuple[DiffRow, ...] = ()
    held: str = ""
    assignable: tuple[str, ...] = ()  # usernames the viewer may assign it to (empty: the viewer may not assign)
    my_vote: bool | None = None  # the viewer's helpful (True) / not helpful (False) vote on the KB page, if any


@dataclass(frozen=True)
class ReviewItem:
    """An article waiting in review: who submitted it and when (the queue is oldest first), who is asked to review it,
    who wrote the text under review (four eyes: they may not approve it)."""

    article: Article
    submitted_by: str
    submitted_at: str
    author: str

    @property
    def assignee(self) -> str:
        return self.article.assignee


@dataclass(frozen=True)
class UsageRow:
    """One article's usage over the chosen period, for the Usage tab."""

    article_id: int
    title: str
    state: str  # in words
    views: int
    helpful: int
    not_helpful: int
    used_in_replies: int


@dataclass(frozen=True)
class UsageReport:
    """Knowledge-base usage between two moments (``since`` inclusive, ``until`` exclusive): per article, and the
    searches that found no good answer (queries masked), most frequent first."""

    since: str
    until: str
    articles: tuple[UsageRow, ...]
    misses: tuple[SearchMiss, ...]


@dataclass(frozen=True)
class ImportProblem:
    """Why one row of an imported file was refused (row 0: the file as a whole)."""

    file: str
    row: int
    field: str
    reason: str


@dataclass(frozen=True)
class ImportReport:
    articles: tuple[Article, ...]  # what was stored, in the order of the files
    state: str  # the state they were stored in ("draft", or "approved" for an approver who asked)


@dataclass(frozen=True)
class MessageTranslation:
    """A customer message in another language, translated for the agent (shown under the original); ``notice``
    instead of ``text`` when it could not be ("translation between French and English needs AWS Translate")."""

    message_id: int
    source: str  # the message's language (ISO 639-1)
    target: str  # the agent's language
    text: str = ""
    provider: str = ""
    notice: str = ""


@dataclass(frozen=True)
class ThreadLanguages:
    """The conversation's languages for the agent: translations of the customer's messages in another language,
    and the language a reply may be sent in (None: the customer writes the agent's language)."""

    translations: dict[int, MessageTranslation]
    reply_language: str | None
    reply_language_name: str = ""


@dataclass(frozen=True)
class ReplyTranslation:
    """The agent's reply and its translation into the customer's language, for the agent to check before sending."""

    text: str
    translation: str
    source: str
    target: str
    provider: str


# ---- knowledge-base gaps (services/kb_gaps.py) -----------------------------------------------------------------


@dataclass(frozen=True)
class GapQuestion:
    """A customer's opening question the knowledge base answered badly, masked, with why it counts."""

    conversation_id: int
    message_id: int
    asked_at: str
    text: str  # masked: no role sees a name, an e-mail, a phone number … here
    best_score: float  # the best approved article's search score now (0 when none matched)
    best_article: str  # that article's title ("" when none)
    signals: tuple[str, ...]  # "low score", "KB suggestion rejected", "escalated", "reopened"


@dataclass(frozen=True)
class Gap:
    """Questions on one topic that the knowledge base does not answer well: the most typical question first."""

    topic: str  # the cluster's top terms ("assemble, wardrobe, bed")
    questions: tuple[GapQuestion, ...]
    this_week: int  # asked in the last 7 days
    last_week: int  # asked 7 to 14 days ago

    @property
    def volume(self) -> int:
        return len(self.questions)

    @property
    def trend(self) -> int:
        """This week's questions less last week's."""
        return self.this_week - self.last_week

    @property
    def message_ids(self) -> tuple[int, ...]:
        return tuple(q.message_id for q in self.questions)

    def signal_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for question in self.questions:
            for signal in question.signals:
                counts[signal] = counts.get(signal, 0) + 1
        return counts


@dataclass(frozen=True)
class GapReport:
    gaps: tuple[Gap, ...]  # by volume, then this week's count
    questions_checked: int  # customers' opening questions in the window
    weak_questions: int  # of those, answered badly (in a gap or not)
    window_days: int
    since: str


@dataclass(frozen=True)
class DraftedArticle:
    """An article drafted from a gap, as it is now, with what it was drafted from."""

    article: Article
    record: DraftRecord


@dataclass(frozen=True)
class CallEmotionPoint:
    """The caller's emotion at one final segment of a live call (services/voice_emotion.py): the voice measured
    against the caller's own start, with the segment's text sentiment."""

    message_id: int
    start_s: float
    emotion: float  # −1 (upset) … 1 (content)
    arousal: float  # 0 … 1, from the voice alone
    sentiment: float  # the text's, −1 … 1
    label: str  # calm | unhappy | animated | agitated
    explanation: str  # what the voice cues measured, in plain words


@dataclass(frozen=True)
class CallLine:
    """One final stretch of a call, as stored: who said it (customer or agent) and the stored message's id."""

    role: str
    message_id: int
    start_s: float
    end_s: float


@dataclass(frozen=True)
class CallView:
    """A live call as its worker sees it now (services/calls.py): what the page shows beside the thread.

    status: "listening" (audio is being recognised), "ended" (the caller hung up or the agent ended it; everything
    heard is stored) or "failed" (the audio could not be recognised: ``problem`` says why). ``partial``: the words of
    the speech not yet final, per role ("customer", "agent"). ``notices``: things the agent should know that did not
    stop the call (audio skipped because the recogniser fell behind, a segment that could not be stored)."""

    call_id: str
    conversation_id: int | None
    status: str
    partial: tuple[tuple[str, str], ...]
    lines: tuple[CallLine, ...]
    heard_s: float
    first_partial_s: float | None  # from the call's first audio frame to its first partial words
    problem: str
    notices: tuple[str, ...]
    emotion: tuple[CallEmotionPoint, ...] = ()  # the caller's emotion trend, one point per final customer segment

    @property
    def live(self) -> bool:
        return self.status == "listening"


@dataclass(frozen=True)
class AuditVerification:
    """The chain checked from its first row: ``first_bad_id`` is the first row whose digest or hash does not match
    (or the anchor's row, when it is missing or differs); ``head_id``/``head_hash`` are the newest row's, for an admin
    to note outside the database (an anchor a later check compares with)."""

    entries: int
    ok: bool
    first_bad_id: int | None
    redacted: int
    head_id: int | None
    head_hash: str

    def as_json(self) -> dict[str, object]:
        return asdict(self)
