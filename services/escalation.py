"""Escalation rules: a pure, explainable function of a conversation's signals and the Settings thresholds.

Every rule that fires adds its weight to the score (capped at 1.0) and one sentence to the reasons the agent
sees. Escalate when the score reaches ``settings.escalation_threshold`` or a hard trigger fires (the customer
asked for a manager or a human, asked to escalate, or threatened legal action).

    rule                                              weight  settings used
    negative sentiment for N turns in a row           0.35    escalation_negative_turns
    negative sentiment in this message (shorter run)  0.10
    asked for a manager / a human / to escalate       hard
    legal threat (lawyer, chargeback, BBB, ...)       hard
    cancellation threat (close my account, ...)       0.40
    Escalation Request intent, confident              hard    intent_min_confidence
    VIP customer / gold-tier customer                 0.25 / 0.10
    repeat contact within N days (2+ contacts)        0.20 (0.30) escalation_repeat_days
    says they contacted us before                     0.15
    low intent confidence                             0.15    intent_min_confidence
    complaint                                         0.10
    strong anger / anger                              0.30 / 0.10
    strong frustration                                0.20
    urgent                                            0.10
    prompt injection asking for another customer's    0.60
      data or internal notes (services/injection.py)
    any other prompt injection flagged                0.30
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from services.config import Settings
from services.models import Escalation

HARD = 1.0  # a hard trigger's weight: always at or above any threshold
STRONG_EMOTION = 0.7
MODERATE_EMOTION = 0.4
_NEGATION = re.compile(r"\b(?:not|never|no need to|don'?t|do not|won'?t|wouldn'?t|doesn'?t)\b")
_CONDITION = re.compile(r"\b(?:if|unless|until|or|otherwise)\b")

_CUES: dict[str, re.Pattern[str]] = {
    "asked for a manager": re.compile(
        r"\b(?:manager|supervisor|team ?lead(?:er)?|your boss|someone (?:senior|in charge|higher up)|head office)\b"),
    "asked for a human": re.compile(
        r"\b(?:(?:real|actual|live) (?:person|human|agent)|human (?:agent|being)|"
        r"(?:want|need|get me|give me) (?:a |an )?human|(?:speak|talk|chat) (?:to|with) (?:a |an )?(?:human|person)|"
        r"(?:not|stop) (?:a |the |this )?(?:bot|robot))\b"),
    "asked to escalate": re.compile(r"\bescalat(?:e|ed|ing|ion)\b"),
    "legal threat": re.compile(
        r"\b(?:lawyers?|solicitors?|attorneys?|legal action|(?:see|take) (?:you|this|brightwave) (?:to|in) court|"
        r"small claims|(?:i'?ll|i will|going to|gonna|will|to|and) sue|suing|sue (?:you|u|brightwave|your)|"
        r"charge ?backs?|disput(?:e|ing) (?:the|this|a) (?:charge|payment|transaction)|"
        r"(?:open|file|raise|opening|filing|raising) a (?:dispute|claim) with (?:my bank|paypal|my card)|trading standards|bbb|"
        r"better business bureau|ombudsman|citizens advice|consumer (?:protection|rights) (?:agency|office)|"
        r"report(?:ing)? (?:you|brightwave|this company)|ftc)\b"),
    "cancellation threat": re.compile(
        r"\b(?:(?:cancel|close|closing|delete|terminate|shut down) (?:my|the|our) (?:account|membership|subscription)|"
        r"never (?:shop|order|buy)(?:ping|ing)? (?:here|from you|with you) again|"
        r"take my (?:business|money) elsewhere|done with (?:you|brightwave))\b"),
    "says they contacted us before": re.compile(
        r"\b(?:(?:third|3rd|fourth|4th|fifth|5th|umpteenth) time|(?:several|multiple|many|two|three|four|[2-9]) times|"
        r"still (?:haven'?t|not|no|waiting)|"
        r"keep (?:calling|emailing|chasing|messaging)|(?:already|again) (?:called|emailed|contacted|messaged))\b"),
}
_HARD_CUES = ("asked for a manager", "asked for a human", "asked to escalate", "legal threat")
_CUE_WEIGHTS = {"cancellation threat": 0.40, "says they contacted us before": 0.15}


@dataclass(frozen=True)
class EscalationSignals:
    """What the rules look at for one customer message.

    ``sentiment_history`` holds the labels of the customer's turns in this conversation, oldest first,
    ENDING WITH the current one (as the assist pipeline passes it); when it is empty, ``current_sentiment``
    stands alone. ``recent_contacts_days`` holds the days since each earlier conversation of this customer
    (or a single number: days since the last one); empty when none. ``text`` is the masked customer text,
    searched for cue phrases.
    """

    sentiment_history: tuple[str, ...] = ()
    current_sentiment: str = "neutral"
    emotions: Mapping[str, float] = field(default_factory=dict)
    intent_label: str = ""
    intent_confidence: float = 1.0
    customer_tier: str = "standard"
    recent_contacts_days: Sequence[float] | float | None = ()
    text: str = ""
    injection: tuple[str, ...] = ()  # InjectionCheck.codes of a message the injection check flagged, else empty


Rule = tuple[float, str]  # (weight, reason)


def _negated(text: str, start: int) -> bool:
    """True when the three words before a cue negate it ("I don't need a manager"), unless the negation
    sits in a condition ("if you don't fix this I'll sue")."""
    before = text[:start].split()
    return bool(_NEGATION.search(" ".join(before[-3:]))) and not _CONDITION.search(" ".join(before[-6:]))


def cue_rules(text: str) -> list[Rule]:
    """Rules fired by phrases in the customer's text, each naming the phrase that fired it."""
    lowered = text.lower()
    rules = []
    for reason, pattern in _CUES.items():
        match = next((m for m in pattern.finditer(lowered) if not _negated(lowered, m.start())), None)
        if match:
            label = reason if reason.startswith("asked") else f"{reason} (“{match.group(0)}”)"
            rules.append((HARD if reason in _HARD_CUES else _CUE_WEIGHTS[reason], label))
    return rules


def negative_streak(signals: EscalationSignals) -> int:
    """How many customer turns in a row, ending with this one, were negative."""
    labels = list(signals.sentiment_history) or [signals.current_sentiment]
    streak = 0
    for label in reversed(labels):
        if label != "negative":
            break
        streak += 1
    return streak


def sentiment_rules(signals: EscalationSignals, settings: Settings) -> list[Rule]:
    streak = negative_streak(signals)
    if streak >= settings.escalation_negative_turns:
        return [(0.35, f"negative sentiment for {streak} turns")]
    return [(0.10, "negative sentiment in this message")] if streak else []


def _contact_gaps(days: Sequence[float] | float | None) -> list[float]:
    if days is None:
        return []
    return [float(days)] if isinstance(days, (int, float)) else [float(d) for d in days]


def history_rules(signals: EscalationSignals, settings: Settings) -> list[Rule]:
    """Customer tier and repeat contacts."""
    rules: list[Rule] = []
    tier = signals.customer_tier.lower()
    if tier == "vip":
        rules.append((0.25, "VIP customer"))
    elif tier == "gold":
        rules.append((0.10, "gold-tier customer"))
    window = settings.escalation_repeat_days
    recent = [d for d in _contact_gaps(signals.recent_contacts_days) if 0 <= d <= window]
    if len(recent) == 1:
        rules.append((0.20, f"repeat contact within {window} days"))
    elif recent:
        rules.append((0.30, f"{len(recent) + 1} contacts within {window} days"))
    return rules


def intent_rules(signals: EscalationSignals, settings: Settings) -> list[Rule]:
    confidence = signals.intent_confidence
    if confidence < settings.intent_min_confidence:
        return [(0.15, f"low intent confidence ({confidence:.2f})")]
    if signals.intent_label == "Escalation Request":
        return [(HARD, f"escalation requested (intent, {confidence:.2f})")]
    return [(0.10, "complaint")] if signals.intent_label == "Complaint" else []


def emotion_rules(emotions: Mapping[str, float]) -> list[Rule]:
    rules: list[Rule] = []
    anger = emotions.get("anger", 0.0)
    if anger >= STRONG_EMOTION:
        rules.append((0.30, "strong anger"))
    elif anger >= MODERATE_EMOTION:
        rules.append((0.10, "anger"))
    if emotions.get("frustration", 0.0) >= STRONG_EMOTION:
        rules.append((0.20, "strong frustration"))
    if emotions.get("urgency", 0.0) >= STRONG_EMOTION:
        rules.append((0.10, "urgent"))
    return rules


def injection_rules(codes: Sequence[str]) -> list[Rule]:
    """A flagged prompt injection: an attempt on another customer's data or on internal notes is worth a
    supervisor's look (social engineering); any other is a reason, not enough alone."""
    if not codes:
        return []
    if "other_customer" in codes or "internal_notes" in codes:
        return [(0.60, "prompt injection asking for another customer's data or internal notes")]
    return [(0.30, "possible prompt injection")]


def decide(signals: EscalationSignals, settings: Settings) -> Escalation:
    """Whether to escalate this conversation, how strongly, and why.

    Args:
        signals: the message's and the conversation's signals.
        settings: thresholds (escalation_threshold, escalation_negative_turns, escalation_repeat_days,
            intent_min_confidence).
    Returns:
        Escalation(escalate, score in [0, 1], reasons strongest first).

    Example:
        >>> decide(EscalationSignals(text="get me your manager"), Settings()).reasons
        ('asked for a manager',)
    """
    rules = [*cue_rules(signals.text), *sentiment_rules(signals, settings), *history_rules(signals, settings),
             *intent_rules(signals, settings), *emotion_rules(signals.emotions), *injection_rules(signals.injection)]
    score = round(min(1.0, sum((weight for weight, _ in rules), 0.0)), 4)  # 0.35 + 0.25 must equal 0.6
    hard = any(weight >= HARD for weight, _ in rules)
    reasons = tuple(reason for _, reason in sorted(rules, key=lambda rule: -rule[0]))
    return Escalation(hard or score >= settings.escalation_threshold, round(score, 2), reasons)
