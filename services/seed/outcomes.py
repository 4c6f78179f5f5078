"""How each seeded conversation went, for analytics (docs/metrics.md) and for models that will learn from it: the
first reply's wait, transfers, reopenings, the customer's sentiment, the suggested replies' fate, a knowledge-base
article used in a reply, and the CSAT survey answer.

The survey answer carries real signal: it starts from the scenario's score distribution and falls with a long first
wait (against the channel's target), a negative sentiment, an escalation, a transfer and a reopening, so a model
trained on the stored history has something true to find. Drawn from its own random stream (``World.signals``), so
the rest of the demo (who wrote what, when) is the same as before these figures existed.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import timedelta

from services.clock import parse_iso, to_iso
from services.models import Conversation, ConversationFacts
from services.seed.scenarios import Scenario

# the intent model's label (data/intents) for each scenario's requests
INTENTS = {"complaint": "Complaint", "manager_request": "Escalation Request", "praise": "Other", "joke": "Other",
           "spam": "Other", "order_status": "Order Status", "delayed_delivery": "Order Status",
           "cancel_order": "Order Status", "address_change": "Account Management", "refund_return": "Refund/Return",
           "billing_double_charge": "Billing Question", "account_access": "Account Management",
           "technical_problem": "Technical Support", "product_question": "Product Information",
           "multi_request": "General Inquiry"}
# (sentiment, weight) of the customer's last message by the scenario's mood
MOOD_SENTIMENT = {"angry": (("negative", 80), ("mixed", 15), ("neutral", 5)),
                  "frustrated": (("negative", 55), ("mixed", 20), ("neutral", 20), ("positive", 5)),
                  "neutral": (("neutral", 60), ("positive", 25), ("negative", 10), ("mixed", 5)),
                  "happy": (("positive", 85), ("neutral", 15)), "spam": (("neutral", 100),)}
# each channel's first-response target in seconds (services/analytics.SLA_S: the seed's waits are judged by it)
TARGET_S = {"chat": 120, "email": 8 * 3600, "social": 3600, "voice": 30}
BUSY_PEAK, BUSY_OFF_PEAK = 0.35, 0.08  # shares of conversations that waited in a busy queue
TRANSFER_SHARE = {"technical": 0.15, "billing": 0.12}  # other queues: DEFAULT_TRANSFER
DEFAULT_TRANSFER = 0.06
REOPEN_SHARE = 0.07
KB_SHARE = 0.35  # finished conversations with an informational answer that quoted a help-centre article
# what the agent did with the first customer message's suggested replies: (accepted, edited, rejected) weights,
# lower for intents that need judgement
FEEDBACK = (45, 30, 25)
HARD_INTENTS = {"Complaint": 0.6, "Escalation Request": 0.5, "Technical Support": 0.8, "Billing Question": 0.85}


def busy_delay(signals: random.Random, start: str, channel: str) -> int:
    """Extra seconds before the first reply when the team was busy: more often in the late-morning peak (10:00-14:59
    UTC), one to four times the channel's target."""
    hour = parse_iso(start).hour
    if signals.random() >= (BUSY_PEAK if 10 <= hour < 15 else BUSY_OFF_PEAK):
        return 0
    return int(signals.uniform(1.0, 4.0) * TARGET_S[channel])


def delayed(messages: Sequence[tuple[str, str, str, str]], seconds: int) -> list[tuple[str, str, str, str]]:
    """Every message after the first one, later by ``seconds``."""
    return [messages[0], *((role, author, text, to_iso(parse_iso(at) + timedelta(seconds=seconds)))
                           for role, author, text, at in messages[1:])]


def sentiment(signals: random.Random, scenario: Scenario, waited_s: int | None, channel: str) -> str:
    """The customer's last sentiment: the mood's, soured by a wait of more than three times the target."""
    pairs = MOOD_SENTIMENT.get(scenario.mood, MOOD_SENTIMENT["neutral"])
    label = signals.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]
    if waited_s is not None and waited_s > 3 * TARGET_S[channel] and label != "negative" and signals.random() < 0.5:
        label = "negative" if label == "mixed" else "mixed"
    return label


def satisfaction(signals: random.Random, drawn: int, facts: ConversationFacts, channel: str) -> int:
    """The survey answer (1-5): the scenario's draw, less what went wrong, with a little noise."""
    score = float(drawn)
    if facts.first_response_s is not None and facts.first_response_s > TARGET_S[channel]:
        score -= 1.5 if facts.first_response_s > 3 * TARGET_S[channel] else 0.7
    score += {"negative": -1.0, "mixed": -0.4, "positive": 0.4}.get(facts.sentiment, 0.0)
    score -= 0.8 * facts.escalated + 0.6 * (facts.transfers > 0) + 1.0 * (facts.reopens > 0)
    return max(1, min(5, round(score + signals.gauss(0, 0.4))))


def first_reply_s(conversation: Conversation, messages: Sequence[tuple[str, str, str, str]]) -> int | None:
    start = parse_iso(conversation.created_at)
    reply = next((m[3] for m in messages if m[0] == "agent"), None)
    return None if reply is None else max(0, int((parse_iso(reply) - start).total_seconds()))


def settle(signals: random.Random, conversation: Conversation, messages: Sequence[tuple[str, str, str, str]],
           scenario: Scenario, escalated: bool, resolved: bool) -> ConversationFacts:
    """The facts of a seeded conversation (resolved or still open) from its messages and a few draws."""
    waited = first_reply_s(conversation, messages)
    transfer = TRANSFER_SHARE.get(conversation.queue, DEFAULT_TRANSFER)
    facts = ConversationFacts(first_response_s=waited, transfers=int(signals.random() < transfer),
                              reopens=int(resolved and not escalated and signals.random() < REOPEN_SHARE),
                              escalated=escalated, intent=INTENTS.get(scenario.name, "Other"),
                              sentiment=sentiment(signals, scenario, waited, conversation.channel))
    if not resolved:
        return ConversationFacts(waited, escalated=escalated, intent=facts.intent, sentiment=facts.sentiment)
    ended = parse_iso(messages[-1][3])
    if facts.reopens:  # the customer came back a day or two later and it was settled again
        ended += timedelta(hours=signals.randint(20, 60))
    handled = int((ended - parse_iso(conversation.created_at)).total_seconds())
    return ConversationFacts(waited, to_iso(ended), handled, facts.transfers, facts.reopens, escalated, facts.intent,
                             facts.sentiment)


def feedback(signals: random.Random, intent: str, agent_skill: float) -> tuple[str, ...]:
    """The three suggested replies' feedback on the first customer message (one used, or all rejected)."""
    accepted, edited, rejected = FEEDBACK
    ease = HARD_INTENTS.get(intent, 1.0) * agent_skill
    outcome = signals.choices(("accepted", "edited", "rejected"),
                              weights=(accepted * ease, edited, rejected / ease))[0]
    if outcome == "rejected":
        return ("rejected",) * 3
    used = signals.randint(0, 2)
    return tuple(outcome if rank == used else "rejected" for rank in range(3))


def uses_article(signals: random.Random, scenario: Scenario, facts: ConversationFacts) -> bool:
    return bool(facts.resolved_at) and scenario.mood in ("neutral", "frustrated") and signals.random() < KB_SHARE
