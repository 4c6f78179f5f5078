"""The ReplyGenerator port, offline: ranked templates from the response library plus one KB-grounded reply.

The context dict the assist pipeline passes to ``suggest``:

    intent             str    intent label, e.g. "Order Status" (unknown labels use the "Other" library)
    intent_confidence  float  0..1; below settings.intent_min_confidence a clarifying reply is offered too
    channel            str    chat | email | social | voice
    masked_text        str    the customer's latest message, PII masked
    customer           dict | None   {"name", "first_name", "tier"}
    order              dict | None   {"number", "status", "tracking_number", "placed_at", "items", "eta"?}
    entities           list[dict]    {"kind", "text", "value", ...}: order_number, tracking_number, product, amount
    kb                 list[dict]    {"article_id", "title", "snippet", "score"}, best first
    sentiment          str    positive | neutral | negative | mixed
    agent_name         str    the signed-in agent's display name ("" when unknown)

Templates live in ``<data_dir>/responses/<intent-slug>.yaml`` (format: reply_library.py). A template is
used only when every ``{slot}`` in it can be filled, so a reply never shows a raw slot. Ranking is lexical and
deterministic: intent match, sub-topic keywords found in the message, order status conditions, how many facts
the template uses, and tone against sentiment. Channel shaping comes last (``shape``): email greeting and
sign-off, short chat, spoken voice, public-safe social (no order number or name; an invitation to DM).
"""

from __future__ import annotations

import re
import zlib
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
from services.config import Settings
from services.models import Suggestion

KB_MIN_SCORE = 0.5  # below this a KB hit is not offered; off-topic messages scored <= 0.43 (docs/retrieval.md)
CHAT_MAX_CHARS = 300
PUBLIC_SLOTS = {"product", "kb_title", "agent_name"}  # the only facts a public social reply may state
APOLOGIES = ("I'm really sorry about this.", "I'm sorry for the trouble, and thank you for bearing with us.",
             "I'm so sorry this has been frustrating.")
DM_INVITE = "Send us a DM with your order number and we'll look into it straight away."
_PRIVATE = re.compile(r"\bBWT?-?\d{6,}\b|(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)++|(?<![\d+])\+?\d(?:[ ()-]*+\d){6,}")  # linear


# ---- facts available to slots --------------------------------------------------------------------


def _entity(context: dict[str, Any], kind: str) -> str:
    found = (e for e in context.get("entities") or () if e.get("kind") == kind)
    entity = next(found, None)
    return str(entity.get("value") or entity.get("text") or "") if entity else ""


def order_status(context: dict[str, Any]) -> str:
    """The order's status in our vocabulary (STATUSES values), '' when unknown."""
    raw = str((context.get("order") or {}).get("status") or "").strip().lower().replace(" ", "_").replace("-", "_")
    return STATUSES.get(raw, raw)


def slot_values(context: dict[str, Any]) -> dict[str, str]:
    """Every slot that has a value in this context (empty values are left out)."""
    customer, order = context.get("customer") or {}, context.get("order") or {}
    kb = [hit for hit in context.get("kb") or () if float(hit.get("score", 0)) >= KB_MIN_SCORE]
    values = {
        "first_name": customer.get("first_name") or (customer.get("name") or "").split(" ")[0],
        "order_number": order.get("number") or _entity(context, "order_number"),
        "tracking_number": order.get("tracking_number") or _entity(context, "tracking_number"),
        "order_status": STATUS_PHRASES.get(order_status(context), ""),
        "eta": order.get("eta") or "",
        "product": (list(order.get("items") or ()) or [_entity(context, "product")])[0],
        "amount": _entity(context, "amount"),
        "agent_name": context.get("agent_name") or "",
        "kb_title": kb[0]["title"] if kb else "",
    }
    if context.get("channel") == "social":  # what the customer bought is private; what they wrote is not
        values = {**{k: v for k, v in values.items() if k in PUBLIC_SLOTS}, "product": _entity(context, "product")}
    return {k: str(v) for k, v in values.items() if v}


# ---- ranking -------------------------------------------------------------------------------------


def _normalised(text: str) -> str:
    return " " + " ".join(re.findall(r"[\w']+", text.lower())) + " "


def keyword_hits(text: str, keywords: tuple[str, ...]) -> int:
    """How many keyword phrases occur in the text as whole words (symbols such as emoji: anywhere)."""
    padded, lowered = _normalised(text), text.lower()
    return sum(_normalised(k) in padded if _normalised(k).strip() else k in lowered for k in keywords)


def detected_subtopics(library: Library, text: str) -> set[str]:
    return {name for name, words in library.subtopics.items() if keyword_hits(text, words)}


def eligible(template: Template, context: dict[str, Any], slots: dict[str, str]) -> bool:
    """All slots fillable, order status condition met, channel allowed, not asking for what we know."""
    if template.channels and context.get("channel") not in template.channels:
        return False
    if template.asks_for and set(template.asks_for) <= slots.keys():
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


def shorten(text: str, limit: int) -> str:
    """Whole sentences up to the limit (the first one cut at a word with an ellipsis if it alone is too long)."""
    kept = ""
    for sentence in re.split(r"(?<=[.!?])\s+", text.strip()):
        if len(f"{kept} {sentence}".strip()) > limit:
            break
        kept = f"{kept} {sentence}".strip()
    return kept or text[:limit - 1].rsplit(" ", 1)[0] + "…"


def spoken(text: str) -> str:
    """Text an agent can read aloud: no links, markdown, emoji or symbols."""
    text = re.sub(r"https?://\S+|www\.\S+", "", text).replace("&", " and ").replace("e.g.", "for example")
    text = re.sub(r"[^\w\s.,!?'’:;£$€%-]", "", text)
    return " ".join(text.split())


def public_safe(text: str, invite: bool = True) -> str:
    """A reply fit for a public post: private identifiers removed, an invitation to DM added (unless told not to)."""
    text = " ".join(_PRIVATE.sub("", text).split())
    if "DM" in text or not invite:
        return shorten(text, 280)
    return f"{shorten(text, 279 - len(DM_INVITE))} {DM_INVITE}"


def shape(body: str, context: dict[str, Any], slots: dict[str, str], tone: str = "neutral") -> str:
    """The reply as the channel needs it (a positive social reply, e.g. to praise, gets no DM invitation)."""
    channel = context.get("channel") or "chat"
    if channel == "email":
        greeting = f"Hi {slots['first_name']}," if "first_name" in slots else "Hi there,"
        signature = "\n".join(filter(None, [slots.get("agent_name"), "Brightwave Home Support"]))
        return f"{greeting}\n\n{body}\n\nBest wishes,\n{signature}"
    if channel == "voice":
        return spoken(body)
    if channel == "social":
        return public_safe(body, invite=tone != "positive")
    return shorten(body, CHAT_MAX_CHARS)


def with_apology(body: str, context: dict[str, Any], tone: str, key: str) -> str:
    """An apology line first when the customer is unhappy and the reply has none of its own."""
    if context.get("sentiment") not in ("negative", "mixed") or tone == "apology" or "sorry" in body.lower():
        return body
    return f"{APOLOGIES[zlib.crc32(key.encode()) % len(APOLOGIES)]} {body}"


def kb_summary(snippet: str, limit: int = 220) -> str:
    """One or two sentences of a KB snippet."""
    sentences = re.split(r"(?<=[.!?])\s+", snippet.strip())
    summary = " ".join(sentences[:2])
    return summary if len(summary) <= limit else shorten(sentences[0], limit)


def kb_reply(context: dict[str, Any], slots: dict[str, str]) -> Suggestion | None:
    """A reply grounded in the best KB hit, when one scores at least KB_MIN_SCORE."""
    hit = next((h for h in context.get("kb") or () if float(h.get("score", 0)) >= KB_MIN_SCORE), None)
    if hit is None:
        return None
    lead = "I'm looking at our guide" if context.get("channel") == "voice" else "Here's our guide"
    source = f"kb:{hit['article_id']}"
    body = with_apology(f"{lead} “{hit['title']}”: {kb_summary(str(hit.get('snippet') or ''))}".rstrip(": "),
                        context, "neutral", source)
    return Suggestion(shape(body, context, slots), source, round(float(hit["score"]), 3))


# ---- the generator -------------------------------------------------------------------------------


class TemplateReplyGenerator:
    """Suggested replies from the response library and the KB; deterministic; never sends anything."""

    def __init__(self, settings: Settings, folder: Path | None = None) -> None:
        self.settings = settings
        self._libraries = load_libraries(folder or settings.resolve(settings.data_dir) / "responses")
        self._fallback = next(lib for lib in self._libraries.values() if lib.slug == FALLBACK_SLUG)

    def suggest(self, context: dict[str, Any], k: int = 3) -> list[Suggestion]:
        """Up to k replies, best first: templates that fit the facts, plus one KB-grounded reply.

        Args:
            context: the dict described at the top of this module.
            k: how many suggestions (3 in the agent page).
        Returns:
            Suggestions with source "library:<intent-slug>/<template-id>" or "kb:<article id>".
        """
        if k <= 0:
            return []
        slots = slot_values(context)
        kb = kb_reply(context, slots)
        ranked = [(score, t) for score, t in self._ranked(context, slots) if not (kb and "kb_title" in t.slots)]
        picks = ranked[: k - 1 if kb else k]  # with a KB reply, templates naming the guide would repeat it
        suggestions = [self._render(template, score, context, slots) for score, template in picks]
        return sorted([*suggestions, *([kb] if kb else [])], key=lambda s: -s.score)

    def _libraries_for(self, context: dict[str, Any]) -> list[tuple[Library, float]]:
        """The intent's library, then the fallback one (ranked as high when the intent is uncertain)."""
        library = self._libraries.get(str(context.get("intent") or ""), self._fallback)
        unsure = float(context.get("intent_confidence") or 0.0) < self.settings.intent_min_confidence
        return [(library, 0.45)] + ([] if library is self._fallback else [(self._fallback, 0.45 if unsure else 0.2)])

    def _ranked(self, context: dict[str, Any], slots: dict[str, str]) -> list[tuple[float, Template]]:
        scored = []
        for library, base in self._libraries_for(context):
            subtopics = detected_subtopics(library, context.get("masked_text") or "")
            scored += [(fit(t, context, subtopics, base), t) for t in library.templates if eligible(t, context, slots)]
        return sorted(scored, key=lambda item: -item[0])  # stable: ties keep library order

    def _render(self, template: Template, score: float, context: dict[str, Any],
                slots: dict[str, str]) -> Suggestion:
        source = f"library:{template.slug}/{template.id}"
        body = with_apology(template.text.format_map(slots), context, template.tone, source)
        return Suggestion(shape(body, context, slots, template.tone), source, score)
