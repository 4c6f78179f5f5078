"""What a scenario is: the turns customers and agents say about one kind of request, with {slots} to fill.

Slots: {first} {name} {agent} {order} {order2} {tracking} {link} {product} {amount} {credit} {placed}
{eta} {days} {stall} {email} {phone} {card} {last4} {address} {postcode} {city} {ref} {kb_link} {colleague};
products not yet bought: {browsing} {sibling} (same category) {smart} {comfort} {kitchen}.
"""

from __future__ import annotations

from dataclasses import dataclass

Exchange = tuple[str, str]  # (customer says, agent answers)
Thread = tuple[Exchange, ...]  # follow-ups that make sense in this order
# A customer text (answered by one of the scenario's replies), an Exchange, or an Exchange with its own Thread
# (played in full: its reply asks something only that thread answers).
Opening = str | Exchange | tuple[str, str, Thread]
ORDER_NEEDS = ("none", "any", "tech", "in_flight", "delivered", "unshipped", "cancellable")


@dataclass(frozen=True)
class Scenario:
    """One kind of contact: openings, replies to bare openings, follow-up threads, closing exchanges."""

    name: str
    queue: str
    subjects: tuple[str, ...]
    openings: tuple[Opening, ...]
    replies: tuple[str, ...] = ()
    threads: tuple[Thread, ...] = ()
    closings: tuple[Exchange, ...] = ()
    resolutions: tuple[str, ...] = ("info_provided",)
    csat: tuple[int, int, int, int, int] = (4, 5, 12, 30, 49)  # weights of scores 1..5
    mood: str = "neutral"  # neutral | happy | frustrated | angry | spam (left exactly as written)
    escalation: float = 0.0  # share of past conversations that were escalated
    weight: int = 5
    order: str = "any"  # which order the conversation is about, one of ORDER_NEEDS
    internal_note: str = ""  # when set, the agent answers bare openings with this note instead of a reply

    def __post_init__(self) -> None:
        if self.order not in ORDER_NEEDS:
            raise ValueError(f"scenario {self.name}: order must be one of {ORDER_NEEDS}")
        if any(isinstance(o, str) for o in self.openings) and not (self.replies or self.internal_note):
            raise ValueError(f"scenario {self.name}: bare openings need replies or an internal note")


def all_scenarios() -> tuple[Scenario, ...]:
    """Every scenario, in a fixed order (the seed's output depends on it)."""
    from services.seed import templates_mood, templates_orders, templates_support

    return templates_orders.SCENARIOS + templates_support.SCENARIOS + templates_mood.SCENARIOS


def by_name(name: str) -> Scenario:
    for scenario in all_scenarios():
        if scenario.name == name:
            return scenario
    raise KeyError(name)
