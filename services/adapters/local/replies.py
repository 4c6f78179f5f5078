"""The ReplyGenerator port, offline: ranked templates from the response library plus one KB-grounded reply.

``suggest`` takes a ReplyContext (services/models.py) and works from its facts dict (services/adapters/reply_facts.py):

    intent             str    intent label, e.g. "Order Status" (unknown labels use the "Other" library)
    intent_confidence  float  0..1; below settings.intent_min_confidence a clarifying reply is offered too
    channel            str    chat | email | social | voice
    masked_text        str    the customer's latest message, PII masked
    customer           dict | None   {"name", "first_name", "tier"}
    order              dict | None   from our records, the order this conversation concerns:
                                     {"number", "status", "tracking_number", "placed_at", "items", "total", "eta"}
    order_basis        str    how that order was chosen: named | conversation ("": treated as given)
    latest_order       dict | None   {"number"}: the customer's newest order when the conversation names none;
                                     a reply may only ask whether the message is about it
    product            str    the product the conversation concerns ("" when unknown; absent: the product named)
    entities           list[dict]    {"kind", "text", "value", ...} of the latest message: order_number,
                                     tracking_number, product, amount (what the customer typed: claims only)
    kb                 list[dict]    {"article_id", "title", "snippet", "score"}, best first
    sentiment          str    positive | neutral | negative | mixed
    agent_name         str    the signed-in agent's display name ("" when unknown)

Templates live in ``<data_dir>/responses/<intent-slug>.yaml`` (format: reply_library.py). A template is
used only when every ``{slot}`` in it can be filled, so a reply never shows a raw slot. Facts (order number,
status, tracking number, amount) fill slots only from ``order``, our records; an order number or amount the
customer typed fills only ``{claimed_order}`` / ``{claimed_amount}``, which templates quote as the customer's
words ("you mention …"). Ranking is lexical and deterministic: intent match, sub-topic keywords found in the
message, order status conditions, how many facts the template uses, and tone against sentiment. Channel shaping
comes last (``shape``): email greeting and sign-off, short chat, spoken voice, public-safe social (no order number
or name; an invitation to DM). Shaping never changes a number: it may only drop a whole sentence (chat and
social length) or a private identifier (social).
"""

from __future__ import annotations

import functools
import re
import string
import zlib
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import Any

from services.adapters.local.reply_library import (
    FALLBACK_SLUG,
    STATUS_PHRASES,
    STATUSES,
    Library,
    Template,
    load_libraries,
)
from services.adapters.reply_facts import reply_facts
from services.config import Settings
from services.grounding import KB_MIN_SCORE
from services.models import RECORD_FACTS, ReplyContext, Suggestion
from services.public_reply import DM_INVITE_SHORT, SOCIAL_MAX_CHARS, public_safe, shorten
from services.public_reply import PRIVATE as _PRIVATE

CHAT_MAX_CHARS = 300
# The first suggestion for a message the prompt-injection check flagged as asking for what a reply never gives
# (services/injection.py GOALS): a polite refusal that offers help with the customer's own orders.
REFUSAL = ("I'm sorry, I can't share other customers' details, internal notes or how our systems are set up. "
           "I'm happy to help with your own orders and account — what can I do for you?")
REFUSAL_SOURCE = "safety:prompt-injection"
REFUSAL_GOALS = {"system_prompt", "other_customer", "internal_notes"}
PUBLIC_SLOTS = {"product", "kb_title", "agent_name"}  # the only facts a public social reply may state
ORDER_INTENTS = {"Order Status", "Refund/Return", "Billing Question", "Complaint", "Escalation Request", "Other"}
WHICH_ORDER = "library:other/which-order"  # asks whether the message is about the customer's latest order
CLAIMED_ORDER = "library:other/claimed-order"  # quotes an order number we cannot match to the customer
APOLOGIES = ("I'm really sorry about this.", "I'm sorry for the trouble, and thank you for bearing with us.",
             "I'm so sorry this has been frustrating.")


# ---- facts available to slots --------------------------------------------------------------------


def _entities(context: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e for e in context.get("entities") or () if e.get("kind") == kind and (e.get("value") or e.get("text"))]


def _entity(context: dict[str, Any], kind: str) -> str:
    found = _entities(context, kind)
    return str(found[0].get("value") or found[0].get("text")) if found else ""


def order_status(context: dict[str, Any]) -> str:
    """The order's status in our vocabulary (STATUSES values), '' when unknown."""
    raw = str((context.get("order") or {}).get("status") or "").strip().lower().replace(" ", "_").replace("-", "_")
    return STATUSES.get(raw, raw)


def _product(context: dict[str, Any], order: dict[str, Any]) -> str:
    """The product the conversation concerns: as resolved by the pipeline, else one the customer named, else the
    order's only item (an order of several items does not say which one the customer means)."""
    if "product" in context:
        return str(context.get("product") or "")
    items = list(order.get("items") or ())
    return _entity(context, "product") or (items[0] if len(items) == 1 else "")


def claims(context: dict[str, Any]) -> dict[str, str]:
    """What the customer typed that our records do not confirm, as they typed it: an order number that is not the
    conversation's order, and an amount."""
    order_number = str((context.get("order") or {}).get("number") or "").upper()
    other = [e for e in _entities(context, "order_number")
             if str(e.get("value") or e.get("text")).upper() != order_number]
    amounts = _entities(context, "amount")
    return {"claimed_order": str(other[0].get("value") or other[0].get("text")) if other else "",
            "claimed_amount": str(amounts[0].get("text") or amounts[0].get("value")) if amounts else ""}


def slot_values(context: dict[str, Any]) -> dict[str, str]:
    """Every slot that has a value in this context (empty values are left out).

    Order number, status, tracking number and amount come only from ``order`` (our records); the customer's own
    figures only fill ``claimed_order`` and ``claimed_amount``.
    """
    customer, order = context.get("customer") or {}, context.get("order") or {}
    kb = [hit for hit in context.get("kb") or () if float(hit.get("score", 0)) >= KB_MIN_SCORE]
    values = {
        "first_name": customer.get("first_name") or (customer.get("name") or "").split(" ")[0],
        "order_number": order.get("number") or "",
        "tracking_number": order.get("tracking_number") or "",
        "order_status": STATUS_PHRASES.get(order_status(context), ""),
        "eta": order.get("eta") or "",
        "product": _product(context, order),
        "amount": order.get("total") or "",
        "latest_order": "" if order else (context.get("latest_order") or {}).get("number") or "",
        "agent_name": context.get("agent_name") or "",
        "kb_title": kb[0]["title"] if kb else "",
        **claims(context),
    }
    if context.get("channel") == "social":  # what the customer bought is private; what they wrote is not
        values = {**{k: v for k, v in values.items() if k in PUBLIC_SLOTS}, "product": _entity(context, "product")}
    return {k: str(v) for k, v in values.items() if v}


# ---- ranking -------------------------------------------------------------------------------------


_WORDS = re.compile(r"[\w']+")


def _normalised(text: str) -> str:
    return " " + " ".join(_WORDS.findall(text.lower())) + " "


@functools.lru_cache(maxsize=8192)
def _keyword(keyword: str) -> tuple[bool, str]:
    """(whether the keyword has words, what to look for): its padded words, else (symbols) itself lower-cased as
    typed. Remembered: the library's few hundred keywords were normalised again for every message (≈ 0.2 ms)."""
    words = _normalised(keyword)
    return (True, words) if words.strip() else (False, keyword)


@functools.lru_cache(maxsize=256)
def _message_forms(text: str) -> tuple[str, str]:
    """(padded words, lower case) of a message: ranking asks for them once per sub-topic and template."""
    return _normalised(text), text.lower()


def keyword_hits(text: str, keywords: tuple[str, ...]) -> int:
    """How many keyword phrases occur in the text as whole words (symbols such as emoji: anywhere)."""
    padded, lowered = _message_forms(text)
    return sum(needle in (padded if has_words else lowered) for has_words, needle in map(_keyword, keywords))


def detected_subtopics(library: Library, text: str) -> set[str]:
    return {name for name, words in library.subtopics.items() if keyword_hits(text, words)}


SPECIFIC_SLOTS = {"order_number", "product", "amount", "tracking_number"}


def eligible(template: Template, context: dict[str, Any], slots: dict[str, str], subtopics: AbstractSet[str] = frozenset()) -> bool:
    """All slots fillable, order status condition met, channel allowed, not asking for what we know.

    A template that says something about this very order or product ("I'm sorry the {product} won't power on")
    needs its sub-topic in the message, unless our records (a status condition) back it.
    """
    if template.channels and context.get("channel") not in template.channels:
        return False
    if (template.subtopic and template.subtopic not in subtopics and not template.when_status
            and template.slots & SPECIFIC_SLOTS):
        return False
    known = slots.keys() | ({"order_number"} if "claimed_order" in slots else set())  # typed: don't ask again
    if template.asks_for and set(template.asks_for) <= known:
        return False
    if template.when_status and order_status(context) not in template.when_status:
        return False
    return template.slots <= slots.keys()


def fit(template: Template, context: dict[str, Any], subtopics: set[str], base: float) -> float:
    """How well a template fits the message, in [0, 1]."""
    score = base + min(0.15, 0.05 * len(template.slots - {"first_name", "agent_name"}))
    if template.subtopic:
        score += 0.25 if template.subtopic in subtopics else -0.15
    score += 0.1 if template.when_status else 0.0
    score += 0.4 if template.channels else 0.0  # written for this very channel
    score += 0.05 * min(2, keyword_hits(context.get("masked_text") or "", template.keywords))
    negative = context.get("sentiment") in ("negative", "mixed")
    if template.tone != "neutral":
        score += 0.05 if negative == (template.tone == "apology") else -0.1
    return round(max(0.0, min(1.0, score)), 3)


# ---- channel shaping -----------------------------------------------------------------------------


_URL = re.compile(r"https?://\S+|www\.\S+")
_RANGE = re.compile(r"(?<![\w.,/-])(\d+(?:[.,]\d+)?)\s*(?:[\u2012-\u2015]|-(?!\d+-))\s*(\d+(?:[.,]\d+)?)(?![\w/-]|[.,]\d)")
_UNSPOKEN = re.compile(r"[^\w\s.,!?'’“”\":;£$€%+-]")  # quotes stay: they mark a guide's title


def _spoken_url(match: re.Match[str]) -> str:
    """A link cannot be read aloud, but an identifier in it (a tracking number, an article number) is kept."""
    return " ".join(re.findall(r"\w*\d\w*", match[0].split("://", 1)[-1]))


def spoken(text: str) -> str:
    """Text an agent can read aloud: no links, markdown, emoji or symbols; numbers, ranges, dates, amounts and
    identifiers unchanged ("3–5" is read "3 to 5"; a removed symbol leaves a space, never joins two numbers)."""
    text = _URL.sub(_spoken_url, text).replace("&", " and ").replace("e.g.", "for example")
    text = _RANGE.sub(r"\1 to \2", text)
    text = re.sub(r"(?<=[^\W\d])\u2013(?=[^\W\d])", " to ", text)  # "Monday–Thursday"
    text = _UNSPOKEN.sub(" ", text)
    text = re.sub(r"(?<!\w)[-+](?![\w£$€])|(?<=\s)-(?=\s)", " ", text)  # stray dashes and pluses, not "+44" or "-5"
    return re.sub(r"\s+([.,!?;:])", r"\1", " ".join(text.split()))


def shape(body: str, context: dict[str, Any], slots: dict[str, str], tone: str = "neutral", lead: str = "") -> str:
    """The reply as the channel needs it (a positive social reply, e.g. to praise, gets no DM invitation).

    ``lead`` (an apology line) goes first; on the short channels it is left out rather than a sentence of the body.
    """
    channel = context.get("channel") or "chat"
    full = f"{lead} {body}".strip()
    if channel == "email":
        greeting = f"Hi {slots['first_name']}," if "first_name" in slots else "Hi there,"
        signature = "\n".join(filter(None, [slots.get("agent_name"), "Brightwave Home Support"]))
        return f"{greeting}\n\n{full}\n\nBest wishes,\n{signature}"
    if channel == "voice":
        return spoken(full)
    if channel == "social":
        budget = SOCIAL_MAX_CHARS - (0 if tone == "positive" else 1 + len(DM_INVITE_SHORT))
        return public_safe(full if len(_PRIVATE.sub(" ", full)) <= budget else body, invite=tone != "positive")
    return shorten(full if len(full) <= CHAT_MAX_CHARS else body, CHAT_MAX_CHARS)


def apology(body: str, context: dict[str, Any], tone: str, key: str) -> str:
    """An apology line to put first when the customer is unhappy and the reply has none of its own ('' if not)."""
    if context.get("sentiment") not in ("negative", "mixed") or tone == "apology" or "sorry" in body.lower():
        return ""
    return APOLOGIES[zlib.crc32(key.encode()) % len(APOLOGIES)]


def kb_summary(snippet: str, limit: int = 220) -> str:
    """One or two sentences of a KB snippet."""
    sentences = re.split(r"(?<=[.!?])\s+", snippet.strip())
    summary = " ".join(sentences[:2])
    return summary if len(summary) <= limit else shorten(sentences[0], limit)


def kb_body(context: dict[str, Any], hit: dict[str, Any]) -> str:
    """The KB reply before shaping: the guide's title and as much of the snippet as the channel has room for, in
    whole sentences (so shaping never has to cut a sentence, and a number in it, off)."""
    channel = context.get("channel")
    lead = "I'm looking at our guide" if channel == "voice" else "Here's our guide"
    head = f"{lead} “{hit['title']}”: "
    room = {"chat": CHAT_MAX_CHARS, "social": SOCIAL_MAX_CHARS - 1 - len(DM_INVITE_SHORT)}.get(str(channel), 10_000)
    return f"{head}{kb_summary(str(hit.get('snippet') or ''), max(80, min(220, room - len(head))))}".rstrip(": ")


def kb_reply(context: dict[str, Any], slots: dict[str, str]) -> Suggestion | None:
    """A reply grounded in the best KB hit, when one scores at least KB_MIN_SCORE."""
    hit = next((h for h in context.get("kb") or () if float(h.get("score", 0)) >= KB_MIN_SCORE), None)
    if hit is None:
        return None
    source = f"kb:{hit['article_id']}"
    body = kb_body(context, hit)
    return Suggestion(shape(body, context, slots, lead=apology(body, context, "neutral", source)), source,
                      round(float(hit["score"]), 3))


# ---- the generator -------------------------------------------------------------------------------


class TemplateReplyGenerator:
    """Suggested replies from the response library and the KB; deterministic; never sends anything."""

    def __init__(self, settings: Settings, folder: Path | None = None) -> None:
        self.settings = settings
        self._libraries = load_libraries(folder or settings.resolve(settings.data_dir) / "responses")
        self._fallback = next(lib for lib in self._libraries.values() if lib.slug == FALLBACK_SLUG)

    def suggest(self, reply_context: ReplyContext, k: int = 3) -> list[Suggestion]:
        """Up to k replies, best first: templates that fit the facts, plus one KB-grounded reply, plus (when the
        conversation names no order but the customer has one) a question whether it is about their latest order.

        Args:
            reply_context: read as the facts dict described at the top of this module.
            k: how many suggestions (3 in the agent page).
        Returns:
            Suggestions with source "library:<intent-slug>/<template-id>" or "kb:<article id>".
        """
        if k <= 0:
            return []
        context = reply_facts(reply_context)
        if REFUSAL_GOALS & set(context.get("injection") or ()):
            refusal = Suggestion(shape(REFUSAL, context, slot_values(context), "neutral"), REFUSAL_SOURCE, 0.95)
            return [refusal, *self._suggest(context, k - 1)]
        return self._suggest(context, k)

    def _suggest(self, context: dict[str, Any], k: int) -> list[Suggestion]:
        if k <= 0:
            return []
        slots = slot_values(context)
        kb = kb_reply(context, slots)
        extras = [s for s in (kb, self._which_order(context, slots)) if s is not None][:k]
        ranked = [(score, t) for score, t in self._ranked(context, slots)
                  if not (kb and "kb_title" in t.slots) and f"library:{t.slug}/{t.id}" not in (WHICH_ORDER, CLAIMED_ORDER)]
        picks = ranked[: k - len(extras)]  # with a KB reply, templates naming the guide would repeat it
        suggestions = [self._render(template, score, context, slots) for score, template in picks]
        return sorted([*suggestions, *extras], key=lambda s: -s.score)

    def _which_order(self, context: dict[str, Any], slots: dict[str, str]) -> Suggestion | None:
        """For intents about orders, when our records give no order for this conversation: quote the number the
        customer typed and ask them to confirm it, else ask whether it is about their latest order."""
        if "order_number" in slots or str(context.get("intent") or "Other") not in ORDER_INTENTS:
            return None
        wanted = CLAIMED_ORDER if "claimed_order" in slots else WHICH_ORDER if "latest_order" in slots else ""
        template = next((t for t in self._fallback.templates if f"library:{t.slug}/{t.id}" == wanted), None)
        return None if template is None else self._render(template, 0.6, context, slots)

    def _libraries_for(self, context: dict[str, Any]) -> list[tuple[Library, float]]:
        """The intent's library, then the fallback one (ranked as high when the intent is uncertain)."""
        library = self._libraries.get(str(context.get("intent") or ""), self._fallback)
        unsure = float(context.get("intent_confidence") or 0.0) < self.settings.intent_min_confidence
        return [(library, 0.45)] + ([] if library is self._fallback else [(self._fallback, 0.45 if unsure else 0.2)])

    def _ranked(self, context: dict[str, Any], slots: dict[str, str]) -> list[tuple[float, Template]]:
        scored = []
        for library, base in self._libraries_for(context):
            subtopics = detected_subtopics(library, context.get("masked_text") or "")
            scored += [(fit(t, context, subtopics, base), t) for t in library.templates
                       if eligible(t, context, slots, subtopics)]
        return sorted(scored, key=lambda item: -item[0])  # stable: ties keep library order

    def _render(self, template: Template, score: float, context: dict[str, Any],
                slots: dict[str, str]) -> Suggestion:
        source = f"library:{template.slug}/{template.id}"
        body = template.text.format_map(slots)
        lead = apology(body, context, template.tone, source)
        stated = {name for _, name, _, _ in string.Formatter().parse(template.text) if name}
        if template.when_status:  # worded for the order's status in our records ("it's on its way")
            stated.add("order_status")
        facts = tuple(f for f in RECORD_FACTS if f in stated and (f == "order_status" or slots.get(f)))
        return Suggestion(shape(body, context, slots, template.tone, lead), source, score, facts)
