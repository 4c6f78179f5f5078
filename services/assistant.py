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

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from services import workflow
from services.assist import mask_text
from services.bootstrap import Services
from services.clock import now_iso
from services.config import Settings
from services.errors import NotFound
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
STATUS = "assistant"  # a conversation the assistant is answering (services/workflow.py)
AUTHOR = "Frontline assistant"  # the author name of its messages (role "assistant")
ACTOR = "assistant"  # who its audit entries name
HANDOVER_MESSAGE = ("I'm passing you to a colleague now. They can see everything you've told me, so you won't need "
                    "to repeat it.")
UPSET_NEGATIVE = 0.85  # a negative score this high hands over (a plain "where is my order??" stays below it)
QUOTE_CHARS = 200  # how much of a customer message the summary quotes
# Every handover reason, by the code the analytics count it under (services/analytics.py assistant_board): the text
# each reason starts with, as handover_reasons() writes it into the handover event's payload.
REASONS = {
    "asked_for_person": "the customer asked for a person",
    "escalation_rules": "the escalation rules flag it",
    "upset": "the customer is upset",
    "degraded": "the analysis ran degraded",
    "unsure": "unsure what the customer needs",
    "answer_limit": "already answered",
    "no_grounded_answer": "no answer grounded in an approved article",
    "unreadable": "the message could not be analysed",
}
REASON_LABELS = {
    "asked_for_person": "Asked for a person", "escalation_rules": "Escalation rules", "upset": "Customer upset",
    "degraded": "Analysis degraded", "unsure": "Unsure of the intent", "answer_limit": "Answer limit reached",
    "no_grounded_answer": "No grounded answer", "unreadable": "Message unreadable",
}


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
    own order: a library reply is an answer only when it states the order's status, tracking or delivery date from
    our records (``Suggestion.facts``) — one that merely names the order ("I'm pulling up the tracking for BW-…")
    is a holding reply, not an answer."""
    if suggestion.source.startswith("kb:"):
        try:
            article_id = int(suggestion.source[3:])
        except ValueError:
            return None
        if article_id in kb_titles and suggestion.score >= settings.assistant_min_grounding:
            return Grounding(suggestion.source, kb_titles[article_id])
        return None
    if suggestion.source.startswith("library:") and set(suggestion.facts) & {"order_status", "tracking_number", "eta"}:
        ours = {number.upper() for number in order_numbers}
        stated = [n for n in ORDER_NUMBER.findall(suggestion.text) if n.upper() in ours]
        if stated:  # a reply that states where the customer's own order is, from our records
            return Grounding(f"order:{stated[0]}", f"your order {stated[0]}")
    return None


def answer_text(text: str, grounding: Grounding) -> str:
    """The answer with its source quoted, so the customer (and the agent reading later) sees what it rests on."""
    if grounding.source.startswith("kb:"):
        return f"{text.rstrip()}\n\nSource: our help article \u201c{grounding.label}\u201d."
    return f"{text.rstrip()}\n\nSource: what our records show for {grounding.label}."


def respond(services: Services, conversation_id: int, message_id: int) -> AssistantTurn | None:
    """The assistant's turn after customer message `message_id` of a conversation it is answering: its answer
    (stored as a message of role "assistant", the customer's channel shows it) or a handover (a message telling
    the customer, an internal note with the summary for the agent, the conversation back in the queue — one
    commit). None when a person has the conversation, or when this message already had its turn (a retried post).
    Nothing here raises for the customer: a message it cannot read is handed over.
    """
    with services.uow() as uow:
        conversation = uow.conversations.get(conversation_id)
        messages = list(uow.conversations.messages_for(conversation_id))
        if conversation.status != STATUS or not messages or messages[-1].id != message_id \
                or messages[-1].author_role != "customer":
            return None
        analysis = uow.assist.get_analysis(message_id)
        orders = [o.number for o in uow.customers.orders_for(conversation.customer_id)]
        titles = _approved_titles(uow, analysis)
    answered_before = sum(1 for m in messages if m.author_role == "assistant")
    if analysis is None:
        turn = AssistantTurn(True, reasons=(REASONS["unreadable"],))
    else:
        turn = decide(analysis, services.settings, answered_before, titles, orders)
    at = now_iso()
    with services.uow() as uow:  # one commit: what the customer reads, the note, the status, the audit entries
        if uow.conversations.get(conversation_id).status != STATUS:
            return None  # a person took it meanwhile
        if turn.handover:
            tried = [m.masked_text for m in messages if m.author_role == "assistant"]
            summary = handover_summary(messages, analysis, tried, turn.reasons)
            uow.conversations.append_message(Message(0, conversation_id, "assistant", AUTHOR, HANDOVER_MESSAGE,
                                                     HANDOVER_MESSAGE, at))
            uow.conversations.append_message(Message(0, conversation_id, "note", AUTHOR, summary, summary, at))
            uow.conversations.update(conversation_id, status=workflow.next_status(STATUS, "handover"))
            uow.audit.add_event("assistant_handover", conversation_id,
                                json.dumps({"message_id": message_id, "reasons": list(turn.reasons)}))
            uow.audit.record(ACTOR, "assistant_handover", "conversation", str(conversation_id),
                             "; ".join(turn.reasons)[:300])
        else:
            masked = mask_text(services, turn.answer)
            reply = uow.conversations.append_message(Message(0, conversation_id, "assistant", AUTHOR, turn.answer,
                                                             masked, at))
            source = turn.grounding.source if turn.grounding else ""
            uow.audit.add_event("assistant_answer", conversation_id,
                                json.dumps({"message_id": reply.id, "to": message_id, "source": source,
                                            "confidence": round(turn.confidence, 4)}))
            uow.audit.record(ACTOR, "assistant_answer", "conversation", str(conversation_id),
                             f"message {reply.id} from {source}")
    return turn


def _approved_titles(uow: Any, analysis: Analysis | None) -> dict[int, str]:
    """The titles of the approved articles this analysis's suggestions name (``kb:<id>``), read one by one: not
    every approved article with its body on every customer message."""
    titles = {}
    for suggestion in analysis.suggestions if analysis else ():
        if suggestion.source.startswith("kb:") and suggestion.source[3:].isdigit():
            try:
                article = uow.articles.get(int(suggestion.source[3:]))
            except NotFound:
                continue
            if article.status == "approved":
                titles[article.id] = article.title
    return titles


def handover_summary(messages: Sequence[Message], analysis: Analysis | None, tried: Sequence[str],
                     reasons: Sequence[str]) -> str:
    """What the agent reads first: what the customer asked (masked), the intent and mood, what the assistant tried
    and why it handed over — so nobody asks the customer to repeat themselves."""
    asked = [m.masked_text for m in messages if m.author_role == "customer"]
    lines = ["Handover from the virtual assistant"]
    if analysis is not None:
        lines.append(f"Intent: {analysis.intent.label} ({analysis.intent.confidence:.2f})"
                     + (f", also {analysis.intent.secondary}" if analysis.intent.secondary else "")
                     + f" · sentiment {analysis.sentiment.label}")
    if asked:
        lines.append(f"First message: \u201c{_quote(asked[0])}\u201d")
    if len(asked) > 1:
        lines.append(f"Latest: \u201c{_quote(asked[-1])}\u201d")
    sources = [_source_of(text) for text in tried]
    if tried:
        lines.append(f"Assistant answered {len(tried)} time{'s' if len(tried) > 1 else ''}: "
                     + "; ".join(s for s in sources if s))
    else:
        lines.append("Assistant tried: nothing (handed over at once)")
    lines.append("Handed over because: " + "; ".join(reasons))
    return "\n".join(lines)


def _source_of(answer: str) -> str:
    """What an earlier answer rested on, from its "Source: …" line."""
    for line in reversed(answer.splitlines()):
        if line.startswith("Source: "):
            return line[len("Source: "):].rstrip(".")
    return "(no source line)"


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS - 1].rstrip() + "\u2026"
