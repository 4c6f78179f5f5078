"""What the pages and components render: frozen dataclasses the use cases return (no logic beyond display
helpers), so the UI imports this module, services.models and services.errors, never a use-case module.
"""

from __future__ import annotations

from dataclasses import dataclass

from services.models import Analysis, Article, ArticleVersion, Conversation, Customer, Message, Order, QueueRow


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
class ArticleDetail:
    """One article as the editor's page shows it: the article, its versions (oldest first), the workflow steps the
    viewer may take now, and what the latest save changed against the version before it."""

    article: Article
    versions: tuple[ArticleVersion, ...]
    actions: tuple[str, ...]  # "save", "submit", "approve", "reject", "archive", "restore"
    diff: tuple[DiffLine, ...]


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
