"""The virtual assistant's decision (issue 19.5): answer the customer itself, or hand over to an agent with a summary.

It answers only what it can ground: a suggestion the reply generator built from an approved KB article (``kb:<id>``,
retrieval score at least ``assistant_min_grounding``) or from the customer's own order in our records (a library
reply that states that order's number). Every answer says where it comes from. It hands over when the customer asks
for a person, when the escalation rules flag the message, when the customer is clearly upset, when the analysis is
degraded or unsure of the intent, when it has already answered ``assistant_max_answers`` times in the conversation,
or when it has nothing grounded to say — and the handover carries a summary (what the customer asked, the intent,
the mood, what the assistant already tried and why it stopped) so the agent never asks the customer to repeat
themselves. Pure functions over the stored analysis: the channel code (web chat, email) stores the turn.

Customer text reaches this module masked (``Analysis.masked_text``, ``Message.masked_text``); nothing here logs it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from services.config import Settings
from services.models import Analysis, Message, Suggestion

# "a person, please" in the five languages we analyse; anchored words, no nested repeats (linear on any input)
ASKS_FOR_PERSON = re.compile(
    r"\b(?:human|real person|a person|some(?:one|body) real|live (?:agent|chat|person)|an? agent|"
    r"(?:speak|talk|chat) (?:to|with) (?:some(?:one|body)|a manager|your manager|a supervisor|staff)|"
    r"representative|customer service rep|operator|"
    r"hablar con (?:una persona|un agente|alguien)|persona real|agente humano|"
    r"parler (?:à|a) (?:un humain|quelqu'un|un conseiller|une personne)|conseiller humain|"
    r"mit einem (?:menschen|mitarbeiter)|echten menschen|"
    r"falar com (?:um atendente|uma pessoa|algu[eé]m)|atendente humano)\b",
    re.IGNORECASE)
ORDER_NUMBER = re.compile(r"\b[A-Z]{2}-\d{4,8}\b")
UPSET_NEGATIVE = 0.85  # a negative score this high hands over (a plain "where is my order??" stays below it)
QUOTE_CHARS = 200  # how much of a customer message the summary quotes


@dataclass(frozen=True)
class Grounding:
    """What an answer rests on: an approved article or an order in our records."""

    source: str  # "kb:<article id>" or "order:<number>"
    label: str  # what the customer reads: the article's title, or "your order BW-104233"


@dataclass(frozen=True)
class AssistantTurn:
    """The assistant's decision for one customer message: an answer with its source, or a handover."""

    handover: bool
    answer: str = ""  # the text to send, its source quoted ("" on a handover)
    grounding: Grounding | None = None
    confidence: float = 0.0  # the intent's confidence the answer was given with
    reasons: tuple[str, ...] = ()  # why it handed over, in words an agent reads


def decide(analysis: Analysis, settings: Settings, answered_before: int = 0,
           kb_titles: dict[int, str] | None = None, order_numbers: Sequence[str] = ()) -> AssistantTurn:
    """Answer or hand over, for a customer message whose analysis is `analysis`.

    answered_before: the assistant's answers earlier in this conversation. kb_titles: the approved articles' titles
    by id (an article not in it is not approved: never quoted). order_numbers: the customer's orders in our records.
    """
    reasons = handover_reasons(analysis, settings, answered_before)
    if reasons:
        return AssistantTurn(True, confidence=analysis.intent.confidence, reasons=reasons)
    for suggestion in analysis.suggestions:
        grounding = grounded(suggestion, settings, kb_titles or {}, order_numbers)
        if grounding is not None:
            return AssistantTurn(False, answer_text(suggestion.text, grounding), grounding,
                                 analysis.intent.confidence)
    return AssistantTurn(True, confidence=analysis.intent.confidence,
                         reasons=("no answer grounded in an approved article or the customer's orders",))


def handover_reasons(analysis: Analysis, settings: Settings, answered_before: int) -> tuple[str, ...]:
    """Why this message goes to a person (empty: the assistant may answer if it has something grounded)."""
    reasons = []
    if analysis.intent.label == "Escalation Request" or ASKS_FOR_PERSON.search(analysis.masked_text):
        reasons.append("the customer asked for a person")
    if analysis.escalation.escalate:
        why = ", ".join(analysis.escalation.reasons) or f"score {analysis.escalation.score:.2f}"
        reasons.append(f"the escalation rules flag it ({why})")
    if analysis.sentiment.label == "negative" and analysis.sentiment.scores.get("negative", 0.0) >= UPSET_NEGATIVE:
        reasons.append("the customer is upset")
    if analysis.degraded:
        reasons.append("the analysis ran degraded")
    if analysis.intent.confidence < settings.assistant_min_confidence:
        reasons.append(f"unsure what the customer needs ({analysis.intent.label}, "
                       f"{analysis.intent.confidence:.2f} < {settings.assistant_min_confidence:.2f})")
    if answered_before >= settings.assistant_max_answers:
        reasons.append(f"already answered {answered_before} times in this conversation")
    return tuple(reasons)


def grounded(suggestion: Suggestion, settings: Settings, kb_titles: dict[int, str],
             order_numbers: Sequence[str]) -> Grounding | None:
    """The grounding of one suggestion, or None when it rests on neither an approved article nor the customer's
    own order (a library reply that states no order of ours is a template, not an answer)."""
    if suggestion.source.startswith("kb:"):
        try:
            article_id = int(suggestion.source[3:])
        except ValueError:
            return None
        if article_id in kb_titles and suggestion.score >= settings.assistant_min_grounding:
            return Grounding(suggestion.source, kb_titles[article_id])
        return None
    if suggestion.source.startswith("library:"):
        ours = {number.upper() for number in order_numbers}
        stated = [n for n in ORDER_NUMBER.findall(suggestion.text) if n.upper() in ours]
        if stated:
            return Grounding(f"order:{stated[0]}", f"your order {stated[0]}")
    return None


def answer_text(text: str, grounding: Grounding) -> str:
    """The answer with its source quoted, so the customer (and the agent reading later) sees what it rests on."""
    if grounding.source.startswith("kb:"):
        return f"{text.rstrip()}\n\nSource: our help article \u201c{grounding.label}\u201d."
    return f"{text.rstrip()}\n\nSource: what our records show for {grounding.label}."


def handover_summary(messages: Sequence[Message], analysis: Analysis, turns: Sequence[AssistantTurn],
                     reasons: Sequence[str]) -> str:
    """What the agent reads first: what the customer asked (masked), the intent and mood, what the assistant tried
    and why it handed over — so nobody asks the customer to repeat themselves."""
    asked = [m.masked_text for m in messages if m.author_role == "customer"]
    lines = [f"Intent: {analysis.intent.label} ({analysis.intent.confidence:.2f})"
             + (f", also {analysis.intent.secondary}" if analysis.intent.secondary else "")
             + f" · sentiment {analysis.sentiment.label}"]
    if asked:
        lines.append(f"First message: \u201c{_quote(asked[0])}\u201d")
    if len(asked) > 1:
        lines.append(f"Latest: \u201c{_quote(asked[-1])}\u201d")
    answered = [t for t in turns if not t.handover and t.grounding is not None]
    if answered:
        lines.append("Assistant tried: " + "; ".join(t.grounding.label for t in answered if t.grounding))
    else:
        lines.append("Assistant tried: nothing (handed over at once)")
    lines.append("Handed over because: " + "; ".join(reasons))
    return "\n".join(lines)


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS - 1].rstrip() + "\u2026"
