"""The real-time assist pipeline: one pass over a customer message, every stage timed.

language → PII mask → intent → sentiment/emotion → entities → escalation → KB search → suggestions.
Everything after the PII stage sees the masked text only, except entity extraction, which needs the
raw text to find order numbers and is never sent to an LLM. A remote provider that is unavailable falls
back to the local one and the Analysis says so (``degraded``, ``notices``).
"""

from __future__ import annotations

import logging
import re
import threading
import time
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from services import fallback, injection, privacy
from services.bootstrap import Services
from services.clock import parse_iso
from services.errors import InvalidInput, ProviderUnavailable
from services.escalation import EscalationSignals, decide
from services.grounding import money, relevant_hits
from services.models import (
    Analysis,
    Conversation,
    Customer,
    Entity,
    InjectionCheck,
    Intent,
    Order,
    OrderFacts,
    PiiSpan,
    ReplyContext,
    ReplyCustomer,
)
from services.text import clean_text, plain_for_models

R = TypeVar("R")
log = logging.getLogger(__name__)
ANALYSIS_CHARS = 5_000  # heavy stages read the first 5,000 characters of a longer message
_INDEX_LOCK = threading.Lock()
# search provider -> the KB index version (uow.shared.kb_index_version) its articles were read at: a cache of this
# process, checked against the database, so an article approved in another process is found here too
_BUILT_FROM: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
# How long this process trusts its last check of that version (opening a unit of work to read one counter cost ~1 ms
# of the ~10 ms a message costs). A change committed by this process (services.store.commits moved) is looked for at
# once; one committed by another process is found within this many seconds (docs/retrieval.md).
KB_VERSION_TTL_S = 0.25
# search provider -> (services.store.commits, services.now()) at the last check that found the index current
_CHECKED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
# local intent classifier -> {(article id, title): (the intent its title reads as, the brands it names)}: KB hits that
# answer the message's request come first (a refund question naming a camera got the camera's troubleshooting guide)
_TITLE_READS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
KB_SHOWN = 3
KB_CANDIDATES = 6  # hits read per search, ordered by agreement with the message's intent, KB_SHOWN kept
# Both read the default model's calibrated confidence; re-chosen with its session-12 calibrator (docs/models.md): 0.7 and
# 0.6 before, the new values give the same share of messages at or above on the real dev sets' even halves / the same
# reading of every KB title.
KB_INTENT_CONFIDENCE = 0.57  # the message's intent must be at least this sure to reorder its hits
KB_TITLE_CONFIDENCE = 0.39  # an article's title must read as an intent at least this surely to count as answering it


ORDER_BASES = ("named", "conversation", "latest", "")
# A customer message of at most this many words that names no request of its own ("tried that, no change", "any
# update?", "can't u just send another one?") is read together with their earlier messages in the conversation;
# chosen on the even rows of bench/data/intent_followups.csv (docs/models.md, "Follow-ups").
FOLLOW_UP_WORDS = 8
EARLIER_CHARS = 600  # how much of the customer's earlier messages a follow-up is read with (the newest part)
OUT_OF_SCOPE = "Other"
# thanks, acknowledgements and sign-offs stand alone: "ok cool" after a billing question asks for nothing more
_STANDS_ALONE = re.compile(
    r"\b(?:thanks?|thank you|thx|ty|cheers|ta|ok(?:ay)?|kk|cool|great|perfect|nice|brill|lovely|amazing|awesome|"
    r"appreciated?|sorted|fixed|worked|works now|all good|got it|bye|gracias|merci|danke|obrigad[oa]|grazie|dank je)"
    r"\b|[\U0001F44D\U0001F64F\U0001F64C\u2764]", re.IGNORECASE)
_STILL_ASKING = re.compile(r"\?|\b(?:not|no|never|still|but|nothing|again|won'?t|can'?t|doesn'?t|isn'?t|didn'?t|"
                           r"haven'?t|hasn'?t)\b", re.IGNORECASE)


@dataclass(frozen=True)
class CustomerContext:
    """What the pipeline knows about the customer beyond this message.

    ``order`` is the order the conversation concerns and ``order_basis`` says how it was chosen: "named" (an order
    number, or a product of one order, written in the conversation), "conversation" (the order it was opened about,
    or one given by the caller), "latest" (only the customer's newest order: a guess the reply may ask about but
    never state facts of) or "" (none). ``orders`` are all the customer's orders, newest first;
    ``earlier_mentions`` the order numbers and products named in the conversation's earlier messages, newest first;
    ``earlier_text`` what the customer wrote before this message, masked, for reading a short follow-up.
    """

    customer: Customer | None = None
    order: Order | None = None
    sentiment_history: tuple[str, ...] = ()
    days_since_previous_contacts: tuple[float, ...] = ()
    agent_name: str = ""
    order_basis: str = "conversation"
    orders: tuple[Order, ...] = ()
    conversation_order: str = ""
    earlier_mentions: tuple[Entity, ...] = ()
    product: str = ""
    # the customer's earlier messages in this conversation, masked, oldest first (≤ EARLIER_CHARS, the newest part)
    earlier_text: str = ""


@dataclass
class _Run:
    """One pass of the pipeline: every stage's time, the providers that answered, and the fall-back notices (the
    remote providers' Fallback wrappers built in bootstrap write them here while a stage runs)."""

    services: Services
    timings: dict[str, float] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    notices: list[str] = field(default_factory=list)

    def call(self, stage: str, capability: str, fn: Callable[[], R]) -> R:
        before = len(self.notices)
        with fallback.collecting(self.notices):
            result = self.timed(stage, fn)
        self.used.add("local" if len(self.notices) > before else self.services.provider(capability))
        return result

    def timed(self, stage: str, fn: Callable[[], R]) -> R:
        start = time.perf_counter()
        try:
            return fn()
        finally:
            self.timings[stage] = round((time.perf_counter() - start) * 1000, 3)


def ensure_kb_index(services: Services) -> None:
    """Re-read the approved KB articles into this process's search index when the database's KB index version
    moved since it was built (an article approved, changed or withdrawn, by any process); one cheap read otherwise.

    The read is skipped for KB_VERSION_TTL_S after a check that found the index current, unless this process has
    committed a write since (then it reads at once): a change made here is searched at once, one made by another
    process within KB_VERSION_TTL_S."""
    search = services.search
    commits, now = services.store.commits, services.now()
    checked = _CHECKED.get(search)
    if checked is not None and checked[0] == commits and 0 <= now - checked[1] < KB_VERSION_TTL_S:
        return
    with services.uow() as uow:
        version = uow.shared.kb_index_version()
    if _BUILT_FROM.get(search) != version:
        with _INDEX_LOCK:
            if _BUILT_FROM.get(search) != version:
                _build_index(services, search)
    # the commit count was read before the version: a commit landing in between moves the count, so the next call
    # reads again rather than trusting a version read before that commit
    _CHECKED[search] = (commits, now)


def reindex_kb(services: Services) -> None:
    """Rebuild the search index now, whatever version it was built from."""
    search = services.search
    with _INDEX_LOCK:
        _build_index(services, search)
    _CHECKED.pop(search, None)


def _build_index(services: Services, search: Any) -> None:
    # the version is read before the articles: a change committed in between makes the next call rebuild again
    with services.uow() as uow:
        version = uow.shared.kb_index_version()
        articles = uow.articles.all(status="approved")
    search.index(articles)
    _BUILT_FROM[search] = version


def _mentions(entities: Sequence[Any], kind: str) -> list[str]:
    return [str(e.value or e.text).upper() if kind == "order_number" else str(e.value or e.text)
            for e in entities if e.kind == kind and (e.value or e.text)]


def _order_with(orders: Sequence[Order], product: str, preferred: str) -> Order | None:
    """The customer's order holding the product: the preferred one if it does, else the newest that does."""
    holding = [o for o in orders if any(product.casefold() in item.casefold() for item in o.items)]
    return next((o for o in holding if o.number == preferred), holding[0] if holding else None)


def _with_mentioned_order(services: Services, ctx: CustomerContext, entities: Sequence[Any]) -> CustomerContext:
    """The order and product the conversation concerns, from this customer's own orders only.

    In order: an order number named in this message, then in earlier messages (newest first); then a product
    named in the conversation that is in one of the customer's orders; then the order the conversation was
    opened about (or the one the caller gave); only then the customer's latest order, with basis "latest",
    which replies may only ask about. A number that is not one of this customer's orders is never looked up:
    the reply treats it as the customer's claim. Without a known customer there are no orders at all.
    """
    mentions = [*entities, *ctx.earlier_mentions]
    orders: Sequence[Order] = ()
    if ctx.customer is not None:
        if not ctx.orders:
            with services.uow() as uow:
                orders = uow.customers.orders_for(ctx.customer.id)
        else:
            orders = ctx.orders
        if ctx.order is not None and ctx.order.customer_id == ctx.customer.id and ctx.order not in orders:
            orders = (ctx.order, *orders)
    by_number = {o.number: o for o in orders}
    products = _mentions(mentions, "product")
    named = next((by_number[n] for n in _mentions(mentions, "order_number") if n in by_number), None)
    preferred = ctx.conversation_order or (ctx.order.number if ctx.order else "")
    named = named or next(filter(None, (_order_with(orders, p, preferred) for p in products)), None)
    if named is not None:
        chosen, basis = named, "named"
    elif ctx.conversation_order in by_number:
        chosen, basis = by_number[ctx.conversation_order], "conversation"
    elif ctx.customer is None or (ctx.order is not None and ctx.order.customer_id != ctx.customer.id):
        chosen, basis = None, ""
    elif ctx.order is not None:
        chosen, basis = ctx.order, ctx.order_basis or "conversation"
    else:
        chosen = orders[0] if orders else None
        basis = "latest" if chosen else ""
    items = list(chosen.items) if chosen is not None and basis != "latest" else []
    in_order = [item for p in products for item in items if p.casefold() in item.casefold()]
    product = (in_order or products or [""])[0]  # the order's own item name for a brand-only mention ("HaloCam")
    return replace(ctx, order=chosen, order_basis=basis, product=product)


def _search_kb(run: _Run, query: str, intent: Intent | None = None) -> tuple[Any, ...]:
    """KB hits at or above KB_MIN_SCORE (an off-topic article is not shown), those answering the message's request
    first (``for_request``); a search whose remote embedder is down degrades to no hits rather than failing the
    analysis."""
    services = run.services
    try:
        run.timed("kb_index", lambda: ensure_kb_index(services))
        hits = relevant_hits(run.call("kb", "search", lambda: services.search.search(query, KB_CANDIDATES)))
        if intent is None:
            return tuple(hits[:KB_SHOWN])

        def again(text: str) -> Sequence[Any]:  # a second search counts as a use of the provider only if it happens
            return run.call("kb_again", "search", lambda: services.search.search(text, KB_CANDIDATES))
        return tuple(run.timed("kb_order", lambda: for_request(services, query, intent, hits, again)))
    except ProviderUnavailable as e:
        run.notices.append(f"knowledge base: search unavailable ({e})")
        return ()


def _brand_set(entities: Sequence[Entity]) -> frozenset[str]:
    """The catalogue brands among extracted entities ("HaloCam", "Thermia"), lower-cased."""
    return frozenset(str(e.value or e.text).split()[0].casefold() for e in entities
                     if e.kind == "product" and str(e.value or e.text).split())


def _title_read(services: Services, hit: Any) -> tuple[Intent, frozenset[str]]:
    """What an article's title reads as and the brands it names, once per article and process (the local models:
    offline and cheap; titles are ours, never customer data)."""
    classifier = services.local(Services.intent)
    known = _TITLE_READS.setdefault(classifier, {})
    key = (hit.article_id, hit.title)
    if key not in known:
        known[key] = (classifier.classify(hit.title),
                      _brand_set(services.local(Services.entities).extract(hit.title)))
    return known[key]


def _sure(intent: Intent) -> bool:
    return intent.label != OUT_OF_SCOPE and intent.confidence >= KB_INTENT_CONFIDENCE


def _answers(services: Services, intent: Intent, hit: Any) -> bool:
    read = _title_read(services, hit)[0]
    return read.label == intent.label and read.confidence >= KB_TITLE_CONFIDENCE


def _quotable(services: Services, intent: Intent, brands: frozenset[str], hit: Any) -> bool:
    """Whether a reply may quote the hit: not when its title reads surely as another request than a sure message's,
    nor when it names only other brands than the message does."""
    read, named = _title_read(services, hit)
    another_request = (_sure(intent) and read.label not in (intent.label, OUT_OF_SCOPE)
                       and read.confidence >= KB_TITLE_CONFIDENCE)
    another_product = bool(brands and named) and not named & brands
    return not (another_request or another_product)


def for_request(services: Services, query: str, intent: Intent, hits: Sequence[Any],
                search: Callable[[str], Sequence[Any]] | None = None) -> list[Any]:
    """The KB_SHOWN hits for a message, those whose article title reads as the message's intent first (then by
    score). When the message names one of our products and the best hit does not answer its request, the search is
    run again without the product names (``search``, by default the search provider's): "I returned the HaloCam but
    only got part of my money back" finds the refund article, not only the HaloCam's troubleshooting guide. A message whose intent is out of scope or unsure
    keeps the search's order. Measured in docs/retrieval.md ("Hits that answer the request").

    Raises:
        InvalidInput: a query that is not a string, an intent that is not an Intent, hits that are not a list.
    """
    if not isinstance(query, str) or not isinstance(intent, Intent) or not isinstance(hits, list | tuple):
        raise InvalidInput("give the query text, its Intent and the search's hits")
    if search is not None and not callable(search):
        raise InvalidInput("search must be a function of the query text")
    if not _sure(intent):
        return list(hits[:KB_SHOWN])
    pool = list(hits)
    if not (pool and _answers(services, intent, pool[0])):
        products = [e for e in services.local(Services.entities).extract(query) if e.kind == "product"]
        if products:
            stripped = query
            for product in sorted(products, key=lambda e: -e.start):
                stripped = stripped[:product.start] + stripped[product.end:]
            seen = {hit.article_id for hit in pool}
            found = search(stripped) if search is not None else services.search.search(stripped, KB_CANDIDATES)
            pool += [hit for hit in relevant_hits(list(found)) if hit.article_id not in seen]
    pool.sort(key=lambda hit: (not _answers(services, intent, hit), -hit.score))
    return pool[:KB_SHOWN]


def _order_facts(order: Order) -> OrderFacts:
    return OrderFacts(order.number, order.status, order.tracking_number, order.placed_at, tuple(order.items),
                      money(order.total, order.currency))


def _reply_context(channel: str, masked: str, intent: Any, sentiment: Any, entities: Sequence[Any],
                   kb: Sequence[Any], ctx: CustomerContext, check: InjectionCheck | None = None) -> ReplyContext:
    """The ReplyGenerator's input.

    ``order`` holds facts from our records about the order the conversation concerns; a merely latest order
    goes in ``latest_order`` instead (number only), so that a reply asks about it rather than stating its facts.
    """
    customer = ctx.customer
    order = ctx.order if ctx.order_basis in ("named", "conversation") else None
    latest = ctx.order if ctx.order_basis == "latest" else None
    product = ctx.product or (order.items[0] if order is not None and len(order.items) == 1 else "")
    return ReplyContext(
        intent=intent.label, intent_confidence=intent.confidence, channel=channel, masked_text=masked,
        sentiment=sentiment.label, agent_name=ctx.agent_name,
        customer=None if customer is None else ReplyCustomer(
            customer.name, customer.name.split()[0] if customer.name else "", customer.tier),
        order=None if order is None else _order_facts(order),
        order_basis=ctx.order_basis if ctx.order is not None else "",
        latest_order="" if latest is None else latest.number,
        product=product, entities=tuple(entities), kb=tuple(kb), injection=check.codes if check is not None and check.flagged else ())


@dataclass(frozen=True)
class PiiResult:
    """PII spans of a cleaned text, with the fall-back notices and time of the detection that found them."""

    spans: tuple[PiiSpan, ...]
    notices: tuple[str, ...] = ()
    used: tuple[str, ...] = ()
    ms: float = 0.0


def _not_products(services: Services, text: str, spans: Sequence[PiiSpan]) -> list[PiiSpan]:
    """The detector's spans but the names it found inside one of our own product names ("Lumio Smart Bulb",
    "Robot Vacuum" read as people by the NER model): a catalogue name is not personal data, and masking it cost the
    models the product and put "[PERSON]" into suggested replies. Only name spans, and only wholly inside."""
    names = [s for s in spans if s.kind == "PERSON"]
    if not names:
        return list(spans)
    products = [e for e in services.local(Services.entities).extract(text) if e.kind == "product"]
    return [s for s in spans
            if s.kind != "PERSON" or not any(p.start <= s.start and s.end <= p.end for p in products)]


def stands_alone(text: str) -> bool:
    """Thanks, an acknowledgement or a sign-off with nothing still asked ("perfect that worked, thanks!", "ok cool",
    "👍"): such a message is its own answer even after a question.

    Raises:
        InvalidInput: text that is not a string.
    """
    if not isinstance(text, str):
        raise InvalidInput(f"the message must be text; got {type(text).__name__}")
    return bool(_STANDS_ALONE.search(text)) and not _STILL_ASKING.search(text)


def in_conversation(classify: Callable[[str], Intent], intent: Intent, text: str, earlier: str,
                    unsure: float = 0.0) -> Intent:
    """The intent of a follow-up read with the customer's earlier messages: "tried that, no change 😬" after
    "How do I reset the camera? the app can't find it" is Technical Support, not Other. Read so: a message of at most
    FOLLOW_UP_WORDS words, or a longer one read alone as out of scope with a confidence below ``unsure``; never one
    that stands alone (thanks, "ok cool"). It keeps its own reading when the joint one is out of scope or the same
    label. The answer has ``basis`` "conversation" and no second intent (the earlier messages' requests are not this
    message's). A joint reading that fails keeps the message's own: it never costs the analysis.

    Raises:
        InvalidInput: a classifier that is not callable, an intent that is not an Intent, texts that are not strings
            or a threshold that is not a number.
    """
    if not callable(classify) or not isinstance(intent, Intent):
        raise InvalidInput("give a classifier and the message's own Intent")
    if not isinstance(text, str) or not isinstance(earlier, str):
        raise InvalidInput("the message and the earlier messages must be text")
    if isinstance(unsure, bool) or not isinstance(unsure, int | float):
        raise InvalidInput(f"unsure must be a number; got {type(unsure).__name__}")
    short = len(text.split()) <= FOLLOW_UP_WORDS
    if not earlier or stands_alone(text) or not (
            short or (intent.label == OUT_OF_SCOPE and intent.confidence < unsure)):
        return intent
    try:
        joined = classify(f"{earlier}\n{text}")
    except Exception:  # noqa: BLE001 - a failed second reading must not fail an analysis whose first one worked
        log.exception("reading a follow-up with its conversation failed; the message's own reading is kept")
        return intent
    if not isinstance(joined, Intent) or joined.label in (OUT_OF_SCOPE, intent.label):
        return intent
    return replace(joined, secondary=None, secondary_confidence=None, basis="conversation")


def detect_pii(services: Services, text: str, known_names: Sequence[str] = ()) -> PiiResult:
    """PII in cleaned text: the configured detector (local on outage) plus the customer's own name.

    Raises:
        InvalidInput: text that is not a string, or names that are not a list of strings.
    """
    if not isinstance(text, str):
        raise InvalidInput(f"the message must be text; got {type(text).__name__}")
    known = privacy.known_name_spans(text, known_names)  # validates the names before the detector runs
    run = _Run(services)
    found = _not_products(services, text, run.call("pii", "pii", lambda: services.pii.find(text)))
    spans = sorted([*found, *known], key=lambda s: (s.start, s.end))
    return PiiResult(tuple(spans), tuple(run.notices), tuple(run.used), run.timings["pii"])


def analyze_message(services: Services, text: str, channel: str = "chat",
                    context: CustomerContext | None = None, pii: PiiResult | None = None,
                    check: InjectionCheck | None = None) -> Analysis:
    """Analyse one customer message.

    Args:
        services: the wired providers.
        text: the customer's raw message.
        channel: chat | email | social | voice (shapes the suggested replies).
        context: customer, order, earlier sentiment and contacts, for escalation and reply slots.
        pii: PII already detected in this (cleaned) text by the caller, so it is not detected twice.
        check: the prompt-injection check of the message as it arrived (services/injection.py), by a caller that
            cleaned it first (cleaning drops the TAG characters the check reads); else ``text`` is checked here.

    Returns:
        Analysis with intent, sentiment, emotions, entities, PII, masked text, escalation, suggestions, KB hits.

    Raises:
        InvalidInput: empty or oversized text, an unknown channel, or a check that is not an InjectionCheck.
    """
    if channel not in ("chat", "email", "social", "voice"):
        raise InvalidInput(f"channel must be chat, email, social or voice; got {channel!r}")
    if check is not None and not isinstance(check, InjectionCheck):
        raise InvalidInput(f"check must be an InjectionCheck; got {type(check).__name__}")
    ctx = context or CustomerContext()
    run = _Run(services)
    start = time.perf_counter()
    raw = text
    text = clean_text(text)
    check = check or run.timed("injection", lambda: injection.scan(raw))
    head = text[:ANALYSIS_CHARS]
    pii = pii or detect_pii(services, text, [ctx.customer.name] if ctx.customer else [])
    run.timings["pii"] = pii.ms
    run.notices.extend(pii.notices)
    run.used.update(pii.used)
    masked = privacy.mask(text, pii.spans)
    language = run.call("language", "language", lambda: services.language.detect(masked[:ANALYSIS_CHARS]))
    masked_head = plain_for_models(injection.for_models(masked[:ANALYSIS_CHARS]))  # hidden HTML and characters out
    intent = run.call("intent", "intent", lambda: services.intent.classify(masked_head))
    earlier = plain_for_models(injection.for_models(ctx.earlier_text[-EARLIER_CHARS:]))
    # only a second classification that happens counts as a use of the intent provider (and its fall-back notices)
    intent = in_conversation(lambda joined: run.call("intent_context", "intent", lambda: services.intent.classify(
        joined)), intent, masked_head, earlier, services.settings.intent_min_confidence)
    topic = f"{earlier}\n{masked_head}" if intent.basis == "conversation" else masked_head
    sentiment = run.call("sentiment", "sentiment", lambda: services.sentiment.analyze(masked_head))
    emotions = run.call("emotions", "sentiment", lambda: services.sentiment.emotions(masked_head))
    entities = privacy.masked_entities(run.call("entities", "entities", lambda: services.entities.extract(head)),
                                       pii.spans)
    ctx = run.timed("order_lookup", lambda: _with_mentioned_order(services, ctx, entities))
    escalation = run.timed("escalation", lambda: decide(EscalationSignals(
        sentiment_history=(*ctx.sentiment_history, sentiment.label), current_sentiment=sentiment.label,
        emotions=emotions, intent_label=intent.label, intent_confidence=intent.confidence,
        customer_tier=ctx.customer.tier if ctx.customer else "standard",
        recent_contacts_days=ctx.days_since_previous_contacts, text=masked_head,
        injection=check.codes if check.flagged else ()), services.settings))
    kb = _search_kb(run, topic[-1000:] if intent.basis else masked_head[:1000], intent)
    # a reply quotes only articles that may answer the request, about the product the message names: the panel still
    # lists every hit, but "Here's our guide 'Orra Home Hub setup'" is no answer to "where is my order", nor the
    # HaloCam's guide to a thermostat that shows an error
    brands = _brand_set(entities)
    quotable = [hit for hit in kb if _quotable(services, intent, brands, hit)]
    reply_context = _reply_context(channel, masked_head, intent, sentiment, entities, quotable, ctx, check)
    suggestions = tuple(run.call("suggestions", "replies", lambda: services.replies.suggest(reply_context, 3)))
    run.timings["total"] = round((time.perf_counter() - start) * 1000, 3)
    return Analysis(intent=intent, sentiment=sentiment, emotions=emotions, entities=entities, pii=pii.spans,
                    masked_text=masked, language=language, escalation=escalation, suggestions=suggestions,
                    kb=kb, provider="+".join(sorted(run.used)) or "local", timings_ms=run.timings,
                    degraded=bool(run.notices), notices=tuple(run.notices), injection=check)


def mask_text(services: Services, text: str, known_names: Sequence[str] = ()) -> str:
    """The text with PII masked, by the configured detector or, when it is unavailable, the local one."""
    return privacy.mask(text, detect_pii(services, text, known_names).spans)


def analysis_to_dict(analysis: Analysis) -> dict[str, Any]:
    """A JSON-ready dict with the documented keys (the CLI uses it; the stores keep the same shape)."""
    return analysis.to_dict()


def _earlier_mentions(services: Services, messages: Sequence[Any], latest_stored: bool) -> tuple[Entity, ...]:
    """Order numbers and products named in the messages before the one being analysed, newest first.

    ``latest_stored``: the message being analysed is already the latest stored customer message (a re-analysis);
    otherwise (the live path analyses before it stores) every stored message is earlier.
    The local extractor reads the raw text, like the entity stage of the pipeline; the result never reaches a model.
    """
    customer_ids = [i for i, m in enumerate(messages) if m.author_role == "customer"]
    earlier = messages[:customer_ids[-1]] if customer_ids and latest_stored else messages
    extract = services.local(Services.entities).extract  # offline and cheap: earlier messages never leave Frontline
    found: list[Entity] = []
    for message in reversed(earlier):
        found += [e for e in extract(message.text[:ANALYSIS_CHARS]) if e.kind in ("order_number", "product")]
    return tuple(found)


def context_for(services: Services, customer_id: int | None, conversation: Conversation | None = None,
                agent_name: str = "", message_stored: bool = True) -> CustomerContext:
    """Customer, orders, the order the conversation was opened about, what earlier messages named, earlier
    sentiment and previous contacts, read from the store. The order a reply may use is chosen in analyze_message.

    ``message_stored``: whether the message about to be analysed is already stored as the conversation's latest
    customer message (False on the live path, which analyses a message before storing it in one transaction).
    """
    if customer_id is None:
        return CustomerContext(agent_name=agent_name, order_basis="")
    history: list[str] = []
    messages: list[Any] = []
    said: list[str] = []  # the customer's messages as the models saw them (masked), oldest first
    opened = ""
    with services.uow() as uow:
        customer = uow.customers.get(customer_id)
        orders = tuple(uow.customers.orders_for(customer_id))
        if conversation is not None and conversation.id:
            conversation = uow.conversations.get(conversation.id)
            opened = conversation.order_number
            messages = uow.conversations.messages_for(conversation.id)
            customer_messages = [m for m in messages if m.author_role == "customer"]
            for message in customer_messages:
                stored = uow.assist.get_analysis(message.id)
                if stored:
                    history.append(stored.sentiment.label)
                if message.masked_text and not (message_stored and message is customer_messages[-1]):
                    said.append(message.masked_text[:ANALYSIS_CHARS])
        earlier = uow.conversations.all(customer_id=customer_id)
    mentions = _earlier_mentions(services, messages, message_stored) if messages else ()
    now = parse_iso(conversation.created_at) if conversation and conversation.created_at else None
    gaps = tuple(
        (now - parse_iso(c.created_at)).total_seconds() / 86400
        for c in earlier
        if now and c.id != (conversation.id if conversation else None) and parse_iso(c.created_at) < now)
    return CustomerContext(customer, None, tuple(history), gaps, agent_name, order_basis="", orders=orders,
                           conversation_order=opened, earlier_mentions=mentions,
                           earlier_text="\n".join(said)[-EARLIER_CHARS:])
