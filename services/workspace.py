"""The agent's queue narrowed by filters and free-text search, and the SLA clock of each conversation."""

from __future__ import annotations

from dataclasses import dataclass

from services.bootstrap import Services
from services.config import Settings
from services.conversations import QUEUE_STATUSES, QueueItem
from services.errors import InvalidInput
from services.models import CHANNELS, TIERS, User
from services.permissions import require

# moved to services.views (what the UI renders); re-exported for callers of the old names
from services.views import SlaClock as SlaClock

MAX_SEARCH_CHARS = 200


@dataclass(frozen=True)
class QueueFilter:
    """What the agent narrowed the queue to; an empty tuple means "any".

    statuses are the queue's own (conversations.QUEUE_STATUSES): escalated conversations wait in the supervisors'
    inbox, not here. escalated_only keeps the conversations the assist panel flags for escalation that the agent
    still holds.
    """

    channels: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    tiers: tuple[str, ...] = ()
    escalated_only: bool = False
    text: str = ""

    @property
    def active(self) -> bool:
        return bool(self.channels or self.statuses or self.tiers or self.escalated_only or self.text.strip())





def sla_target(settings: Settings, channel: str) -> int:
    """Minutes a customer of this channel may wait (settings sla_<channel>_min)."""
    if channel not in CHANNELS:
        raise InvalidInput(f"channel must be one of {', '.join(CHANNELS)}; got {channel!r}")
    return int(getattr(settings, f"sla_{channel}_min"))


def sla_clock(settings: Settings, item: QueueItem) -> SlaClock | None:
    """The SLA clock while the customer waits for us; None once we answered last."""
    if not item.customer_waiting:
        return None
    return SlaClock(sla_target(settings, item.row.conversation.channel), item.waiting_minutes)


def _check(filters: QueueFilter) -> None:
    for name, chosen, valid in (("channel", filters.channels, CHANNELS), ("status", filters.statuses,
                                QUEUE_STATUSES), ("tier", filters.tiers, TIERS)):
        unknown = [value for value in chosen if value not in valid]
        if unknown:
            raise InvalidInput(f"{name} must be one of {', '.join(valid)}; got {', '.join(map(repr, unknown))}")
    if len(filters.text) > MAX_SEARCH_CHARS:
        raise InvalidInput(f"a queue search has at most {MAX_SEARCH_CHARS} characters")


def _matches(item: QueueItem, filters: QueueFilter) -> bool:
    c = item.row.conversation
    return ((not filters.channels or c.channel in filters.channels)
            and (not filters.statuses or c.status in filters.statuses)
            and (not filters.tiers or item.row.customer_tier in filters.tiers)
            and (not filters.escalated_only or item.row.escalate))


def _text_hits(services: Services, items: list[QueueItem], words: list[str]) -> list[QueueItem]:
    """Items whose subject or masked messages hold every word (masked: a search never finds a card or e-mail)."""
    hits = []
    with services.uow() as uow:
        threads = {item.row.conversation.id: uow.conversations.messages_for(item.row.conversation.id)
                   for item in items}
    for item in items:
        masked = " ".join(m.masked_text for m in threads[item.row.conversation.id])
        haystack = f"{item.row.conversation.subject} {masked}".casefold()
        if all(word in haystack for word in words):
            hits.append(item)
    return hits


def filter_queue(services: Services, user: User, items: list[QueueItem], filters: QueueFilter) -> list[QueueItem]:
    """The queue items that match every chosen filter, in the queue's order.

    Raises:
        PermissionDenied: a role without the agent queue ("queue.read").
        InvalidInput: an unknown channel, status or tier, or a search longer than MAX_SEARCH_CHARS.
    """
    require(user, "queue.read")
    _check(filters)
    chosen = [item for item in items if _matches(item, filters)]
    words = filters.text.casefold().split()
    return _text_hits(services, chosen, words) if words else chosen
