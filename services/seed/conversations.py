"""Ninety days of finished conversations, planned in memory and then written in one unit of work."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from services.bootstrap import Services
from services.clock import parse_iso, to_iso
from services.models import (
    Analysis,
    Conversation,
    ConversationFacts,
    Escalation,
    Intent,
    Message,
    Order,
    Sentiment,
    Suggestion,
)
from services.privacy import known_name_spans, mask, redact_payment_data
from services.seed import dialogue, outcomes, vocab
from services.seed.people import Profile
from services.seed.scenarios import Scenario
from services.seed.slots import AGENTS, NEEDS, OrderBook, slot_values
from services.seed.users import DEMO_USERS

# seconds between a message and the answer to it: (customer -> agent, agent -> customer)
GAPS = {"chat": ((30, 240), (20, 300)), "email": ((3_600, 72_000), (1_800, 86_400)),
        "social": ((300, 7_200), (120, 3_600)), "voice": ((8, 60), (5, 45))}
SUPERVISOR = next(u.display_name for u in DEMO_USERS if u.role == "supervisor")
CSAT_SHARE = 0.63
SIGNALS_SEED = 18_018  # the stream of how each conversation went (services/seed/outcomes.py)
# how often each agent's suggested replies help (the first agent takes them most): signal for acceptance by agent
SKILL = {username: (1.25, 1.0, 0.8)[n % 3] for n, (username, _) in enumerate(AGENTS)}
OTHER_SUGGESTIONS = ("Thanks for getting in touch - let me look into this for you.",
                     "I'm sorry for the trouble. Could you tell me a little more so I can help?",
                     "Thanks for your patience - I'm checking this now.")
RECENT_ESCALATION_DAYS = 3


@dataclass
class Planned:
    """A conversation before it has an id: its row, its messages (role, author, text, at) and any escalation."""

    conversation: Conversation
    messages: list[tuple[str, str, str, str]]
    escalation: tuple[tuple[str, ...], float, str, str, str] | None = None  # reasons, score, actor, note, at
    facts: ConversationFacts | None = None  # how it went (None: read from its messages when saved)
    feedback: tuple[str, ...] = ()  # the first customer message's suggested replies' feedback, by rank
    kb_article: bool = False  # an informational reply quoted a help-centre article
    id: int = 0  # once saved


@dataclass
class World:
    profiles: dict[int, Profile]
    book: OrderBook
    scenarios: tuple[Scenario, ...]
    shelves: dict[str, list[str]]  # category -> product names
    with_handle: set[int] = field(default_factory=set)
    signals: random.Random = field(default_factory=lambda: random.Random(SIGNALS_SEED))

    def __post_init__(self) -> None:
        self.with_handle = {i for i, p in self.profiles.items() if p.customer.handle}


def weighted(rng: random.Random, pairs: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def timeline(rng: random.Random, roles: list[str], channel: str, start: datetime) -> list[datetime]:
    """When each message was sent, starting at start; the gap depends on who answers whom."""
    times, moment = [start], start
    for before, after in zip(roles, roles[1:], strict=False):
        low, high = GAPS[channel][0 if before == "customer" else 1]
        moment += timedelta(seconds=rng.randint(low, high) if after != "note" else rng.randint(20, 120))
        times.append(moment)
    return times


def squeeze(times: list[datetime], end_by: datetime) -> list[datetime]:
    """The same timeline made shorter, keeping its start, so that it ends by end_by."""
    start, span = times[0], (times[-1] - times[0]).total_seconds()
    if times[-1] <= end_by or span <= 0:
        return times
    factor = max(0.0, (end_by - start).total_seconds()) / span
    return [start + timedelta(seconds=int((t - start).total_seconds() * factor)) for t in times]


def render(turns: list[dialogue.Turn], slots: dict[str, str], profile: Profile, agent: str,
           times: list[datetime]) -> list[tuple[str, str, str, str]]:
    authors = {"customer": profile.customer.name, "agent": agent, "note": agent}
    return [(t.role, authors[t.role], dialogue.fill(t.text, slots), to_iso(at)) for t, at in zip(turns, times, strict=True)]


def plan(rng: random.Random, world: World, scenario: Scenario, channel: str, order: Order, at: datetime,
         agent: tuple[str, str], live: bool, opening: str | None = None) -> Planned:
    """The messages of one conversation (status left open; callers decide how it ends).

    A live conversation ends at `at` with the customer; a past one starts at `at` and ends a day after at most.
    """
    profile = world.profiles[order.customer_id]
    others = [o for o in world.book.by_customer[order.customer_id] if o.id != order.id]
    slots = slot_values(rng, profile, order, rng.choice(others) if others else None, at, agent, channel,
                        world.shelves)
    if live:
        script = dialogue.live_script(scenario, rng, opening, answered=bool(agent[0]))
    else:
        script = dialogue.past_script(scenario, rng, opening)
    turns = dialogue.styled(script, channel, scenario.mood, rng, profile.customer.handle)
    times = timeline(rng, [t.role for t in turns], channel, at)
    if live:  # shift so the last customer message is `at`
        times = [t - (times[-1] - at) for t in times]
    else:
        times = squeeze(times, at + timedelta(days=1))
    messages = render(turns, slots, profile, agent[0], times)
    subject = dialogue.fill(rng.choice(scenario.subjects), slots)
    conversation = Conversation(0, profile.customer.id, channel, "open", subject, messages[0][3], messages[-1][3],
                                agent[0], "priority" if profile.customer.tier == "vip" else scenario.queue,
                                order_number=order.number)
    return Planned(conversation, messages)


def _reasons(rng: random.Random, scenario: Scenario, profile: Profile) -> tuple[str, ...]:
    reasons = ["asked_for_manager"] if scenario.name == "manager_request" else ["negative_sentiment"]
    if profile.customer.tier == "vip":
        reasons.append("vip_customer")
    if scenario.name == "billing_double_charge":
        reasons.append("refund_over_limit")
    if rng.random() < 0.3:
        reasons.append("repeat_contact")
    return tuple(reasons)


def escalate(rng: random.Random, planned: Planned, scenario: Scenario, profile: Profile) -> Planned:
    """Add a supervisor hand-off: a note after the first answer (or, for a live conversation nobody answered yet,
    after the customer's message, by the assigned agent), and the escalation row."""
    answered = len(planned.messages) > 1
    _, author, _, at = planned.messages[1 if answered else 0]
    author = author if answered else planned.conversation.assigned_agent
    reasons = _reasons(rng, scenario, profile)
    note = f"Escalated to {SUPERVISOR} (supervisor): {', '.join(r.replace('_', ' ') for r in reasons)}."
    note_at = to_iso(parse_iso(at) + timedelta(seconds=rng.randint(20, 90)))
    messages = [*planned.messages, ("note", author, note, note_at)]
    actor = rng.choice((planned.conversation.assigned_agent, "system"))
    planned.messages = sorted(messages, key=lambda m: m[3])
    planned.escalation = (reasons, round(rng.uniform(0.62, 0.95), 2), actor, note, note_at)
    return planned


def finish(rng: random.Random, planned: Planned, scenario: Scenario, now: datetime, escalated: bool,
           signals: random.Random | None = None) -> Planned:
    """Resolved with a disposition and maybe a CSAT score; a recent escalation is still waiting on the supervisor.
    With ``signals`` (World.signals), also how it went (services/seed/outcomes.py), and the CSAT answer follows it."""
    last = planned.messages[-1][3]
    if escalated and last >= to_iso(now - timedelta(days=RECENT_ESCALATION_DAYS)):
        handoff = next(i for i, m in enumerate(planned.messages) if m[0] == "note")
        planned.messages = planned.messages[:handoff + 1]  # the supervisor has it now
        planned.conversation = replace(planned.conversation, status="escalated", updated_at=planned.messages[-1][3])
        if signals is not None:
            planned.facts = outcomes.settle(signals, planned.conversation, planned.messages, scenario, True, False)
        return planned
    options = [r for r in scenario.resolutions if r != "escalated"] or ["resolved_by_agent"]
    resolution = "escalated" if escalated else rng.choice(options)
    csat = None
    if scenario.name != "spam" and rng.random() < CSAT_SHARE:
        csat = rng.choices((1, 2, 3, 4, 5), weights=scenario.csat)[0]
    planned.conversation = replace(planned.conversation, status="resolved", resolution=resolution, csat=csat,
                                   updated_at=last)
    return planned if signals is None else settled(signals, planned, scenario, escalated, now)


def settled(signals: random.Random, planned: Planned, scenario: Scenario, escalated: bool,
            now: datetime) -> Planned:
    """A finished conversation's wait in a busy queue, its facts, its CSAT answer from them, its suggestions'
    feedback and article use."""
    conversation = planned.conversation
    delay = outcomes.busy_delay(signals, conversation.created_at, conversation.channel)
    delay = max(0, min(delay, int((now - timedelta(hours=1) - parse_iso(planned.messages[-1][3])).total_seconds())))
    if delay:
        planned.messages = outcomes.delayed(planned.messages, delay)
        conversation = planned.conversation = replace(conversation, updated_at=planned.messages[-1][3])
        if planned.escalation:
            reasons, score, actor, note, at = planned.escalation
            planned.escalation = (reasons, score, actor, note, to_iso(parse_iso(at) + timedelta(seconds=delay)))
    facts = outcomes.settle(signals, conversation, planned.messages, scenario, escalated, True)
    planned.facts = facts
    if conversation.csat is not None:
        planned.conversation = replace(conversation, csat=outcomes.satisfaction(signals, conversation.csat, facts,
                                                                                conversation.channel))
    if any(m[0] == "agent" for m in planned.messages) and scenario.mood != "spam":
        planned.feedback = outcomes.feedback(signals, facts.intent, SKILL.get(conversation.assigned_agent, 1.0))
    planned.kb_article = outcomes.uses_article(signals, scenario, facts)
    return planned


def _customer_test(world: World, channel: str) -> Callable[[int], bool]:
    return (lambda cid: cid in world.with_handle) if channel == "social" else (lambda cid: True)


def past_conversation(rng: random.Random, world: World, now: datetime) -> Planned | None:
    scenario = rng.choices(world.scenarios, weights=[s.weight for s in world.scenarios])[0]
    channel = weighted(rng, vocab.CHANNEL_WEIGHTS)
    start = (now - timedelta(days=rng.randint(2, 90))).replace(hour=rng.randint(7, 21), minute=rng.randint(0, 59),
                                                               second=rng.randint(0, 59))
    candidates = world.book.placed_between(start - timedelta(days=25), start - timedelta(hours=8))
    order = world.book.pick(rng, candidates, NEEDS[scenario.order][1], _customer_test(world, channel))
    if order is None:
        return None
    planned = plan(rng, world, scenario, channel, order, start, rng.choice(AGENTS), live=False)
    escalated = len(planned.messages) > 1 and rng.random() < scenario.escalation
    profile = world.profiles[order.customer_id]
    planned = escalate(rng, planned, scenario, profile) if escalated else planned
    return finish(rng, planned, scenario, now, escalated, world.signals)


def past_conversations(rng: random.Random, world: World, now: datetime, count: int = 300) -> list[Planned]:
    """About `count` finished conversations over the 90 days before now, oldest first."""
    planned = [p for p in (past_conversation(rng, world, now) for _ in range(count)) if p is not None]
    return sorted(planned, key=lambda p: p.conversation.created_at)


def save(services: Services, planned: list[Planned]) -> int:
    """Write conversations, their messages (with masked text), escalations, how each went (its analytics facts)
    and the first customer message's suggested replies with their feedback; returns the message count."""
    pii, count = services.pii, 0
    with services.uow() as uow:  # one commit for the whole demo history
        for item in planned:
            conversation = uow.conversations.add(item.conversation)
            item.id = conversation.id
            names = [uow.customers.get(conversation.customer_id).name]
            saved = []
            for role, author, raw, at in item.messages:
                text = redact_payment_data(raw)  # card data is never stored, not even in the demo
                saved.append(uow.conversations.append_message(Message(
                    0, conversation.id, role, author, text,
                    mask(text, [*pii.find(text), *known_name_spans(text, names)]), at)))
            count += len(saved)
            if item.escalation:  # dated `at`: the seed must not depend on the wall clock
                reasons, score, actor, note, at = item.escalation
                uow.assist.add_escalation(conversation.id, reasons, score, actor, note, created_at=at)
            facts = item.facts or facts_from(item)
            if item.feedback:
                _suggestions(uow, saved, facts, item.feedback)
            uow.analytics.record_facts(conversation.id, facts)
    return count


def facts_from(item: Planned) -> ConversationFacts:
    """What the messages alone say of a conversation planned without outcomes (the live queue, the KB gaps)."""
    conversation = item.conversation
    resolved = conversation.status == "resolved"
    end = item.messages[-1][3]
    handled = int((parse_iso(end) - parse_iso(conversation.created_at)).total_seconds()) if resolved else None
    return ConversationFacts(outcomes.first_reply_s(conversation, item.messages), end if resolved else "",
                             handled, escalated=item.escalation is not None or conversation.status == "escalated")


def _suggestions(uow: Any, saved: list[Message], facts: ConversationFacts, feedback: tuple[str, ...]) -> None:
    """The suggested replies the agent had for the first customer message (recorded as the seed's analysis), and
    what the agent did with them: the reply sent is the used one's final text."""
    asked = next(m for m in saved if m.author_role == "customer")
    reply = next(m for m in saved if m.author_role == "agent")
    texts = [reply.text if given == "accepted" else OTHER_SUGGESTIONS[rank] for rank, given in enumerate(feedback)]
    analysis = Analysis(Intent(facts.intent, 0.9), Sentiment(facts.sentiment or "neutral"), {}, (), (),
                        asked.masked_text, "en", Escalation(facts.escalated, 0.0), tuple(
                            Suggestion(text, "seed", 0.5) for text in texts), (), "seed", {})
    uow.assist.save_outcome(asked.id, analysis, analysis.suggestions)
    for suggestion, given in zip(uow.assist.suggestions_for(asked.id), feedback, strict=True):
        uow.assist.record_feedback(suggestion.id, given, reply.text if given != "rejected" else "")
