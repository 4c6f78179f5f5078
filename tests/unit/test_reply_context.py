"""Issues 13.1 and 14.8: a suggestion cites the order and product the conversation is about, and states only facts
from our records for this customer (what the customer typed is quoted as their claim).

Real SQLite store, the real rule-based entity extractor (with the product catalogue) and the real template reply
generator; fakes for language, PII, sentiment and KB search; the intent is fixed per test.
"""

from __future__ import annotations

import re

import pytest

from services import assist
from services.bootstrap import build_services
from services.models import Conversation, Customer, Intent, KbHit, Message, Order
from tests.fakes import FakeLanguage, FakePii, FakeSentiment
from tests.repos import repos

NOW = "2026-11-30T12:00:00Z"


class FixedIntent:
    def __init__(self) -> None:
        self.label = "Order Status"

    def classify(self, text: str) -> Intent:
        return Intent(self.label, 0.95)

    def labels(self) -> list[str]:
        return [self.label]


class ScoredSearch:
    """KB search returning fixed hits (what the local index scored for an escalation message in the seed)."""

    def __init__(self, hits: list[KbHit]) -> None:
        self.hits = hits

    def index(self, articles) -> None:
        pass

    def search(self, query: str, k: int = 3) -> list[KbHit]:
        return self.hits[:k]


@pytest.fixture
def intent():
    return FixedIntent()


@pytest.fixture
def svc(settings, intent):
    services = build_services(settings, language=FakeLanguage(), pii=FakePii(), sentiment=FakeSentiment(),
                              intent=intent, search=ScoredSearch([]))
    return services


def _customer(svc, name: str) -> Customer:
    return repos(svc).customers.add(Customer(0, name, f"{name.split()[0].lower()}@example.com", "", "standard", 100.0,
                                           "2024-01-01", "Leeds"))


def _order(svc, customer: Customer, number: str, status: str, items: tuple[str, ...], placed: str,
           total: float = 49.99, tracking: str = "") -> Order:
    return repos(svc).customers.add_order(Order(0, number, customer.id, status, total, "USD", placed, items, tracking))


@pytest.fixture
def gina(svc):
    """A customer whose newest order (a garment steamer and a camera) is not the one she writes about."""
    gina = _customer(svc, "Gina Marsh")
    _order(svc, gina, "BW-120001", "delivered", ("AeroBlend Mini Personal Blender",), "2026-10-01T10:00:00Z",
           tracking="BWT100000001")
    _order(svc, gina, "BW-120002", "delivered", ("Orra Home Hub",), "2026-10-20T10:00:00Z", tracking="BWT100000002")
    _order(svc, gina, "BW-120003", "shipped", ("Steamline Garment Steamer", "HaloCam Indoor Camera"),
           "2026-11-25T10:00:00Z", tracking="BWT100000003")
    return gina


@pytest.fixture
def other_customer(svc):
    someone = _customer(svc, "Olaf Stein")
    return _order(svc, someone, "BW-990001", "delivered", ("Kelvy Smart Kettle",), "2026-11-01T10:00:00Z",
                  total=4999.0, tracking="BWT990000001")


def _conversation(svc, customer: Customer, messages: list[tuple[str, str]], order_number: str = "",
                  channel: str = "chat") -> Conversation:
    opened = {"order_number": order_number} if order_number else {}
    conversation = repos(svc).conversations.add(Conversation(0, customer.id, channel, "open", "Help", NOW, NOW, **opened))
    for role, text in messages:
        repos(svc).conversations.append_message(Message(0, conversation.id, role, "x", text, text, NOW))
    return conversation


def _suggest(svc, customer: Customer | None, conversation: Conversation | None, text: str | None = None,
             channel: str = "chat"):
    if text is None:
        text = [m for m in repos(svc).conversations.messages_for(conversation.id) if m.author_role == "customer"][-1].text
    context = assist.context_for(svc, customer.id if customer else None, conversation)
    return assist.analyze_message(svc, text, channel, context).suggestions


def _all(suggestions) -> str:
    return "\n".join(s.text for s in suggestions)


def test_suggestions_cite_the_order_named_in_an_earlier_message_not_the_latest_order(svc, gina):
    conversation = _conversation(svc, gina, [
        ("customer", "Hi, I sent back order BW-120001 two weeks ago and I'd like my refund"),
        ("agent", "Thanks Gina, I'm looking into it now."),
        ("customer", "any news? still nothing on my card"),
    ])
    text = _all(_suggest(svc, gina, conversation))
    assert "BW-120001" in text
    assert "BW-120003" not in text and "Steamline" not in text and "HaloCam" not in text


def test_defect_13_1_on_the_live_path_a_follow_up_cites_the_order_an_earlier_message_named(svc, gina):
    """The live path analyses a message before it stores it: the order named in the customer's previous message
    must still be the one the follow-up's suggestions cite (it was dropped as if it were the message itself)."""
    from services import inbox

    conversation, _, _ = inbox.start_conversation(
        svc, gina.id, "chat", "Refund", "Hi, I sent back order BW-120001 two weeks ago and I'd like my refund")
    _, analysis = inbox.receive_customer_message(svc, conversation.id, "any news? still nothing on my card")
    text = _all(analysis.suggestions)
    assert "BW-120001" in text
    assert "BW-120003" not in text and "Steamline" not in text and "HaloCam" not in text


def test_a_question_about_a_blender_never_gets_replies_about_a_garment_steamer(svc, gina, intent):
    intent.label = "Product Information"
    conversation = _conversation(svc, gina, [("customer", "is the AeroBlend Mini Personal Blender ok with uk plugs?")])
    text = _all(_suggest(svc, gina, conversation))
    assert "AeroBlend Mini Personal Blender" in text
    assert "Steamline" not in text and "BW-120003" not in text


def test_a_message_about_a_home_hub_never_gets_camera_replies(svc, gina, intent):
    intent.label = "Technical Support"
    conversation = _conversation(svc, gina, [("customer", "my orra home hub won't turn on at all")])
    suggestions = _suggest(svc, gina, conversation)
    text = _all(suggestions)
    assert "camera" not in text.lower() and "Steamline" not in text
    assert "Orra Home Hub" in text


def test_the_order_the_conversation_was_opened_about_comes_before_the_latest(svc, gina):
    conversation = _conversation(svc, gina, [("customer", "where is it?? been waiting ages")], "BW-120002")
    text = _all(_suggest(svc, gina, conversation))
    assert "BW-120002" in text and "BW-120003" not in text


def test_without_a_named_order_the_latest_is_only_asked_about(svc, gina):
    conversation = _conversation(svc, gina, [("customer", "where is my parcel? it was due monday")])
    suggestions = _suggest(svc, gina, conversation)
    about_latest = [s for s in suggestions if "BW-120003" in s.text]
    assert [s.source for s in about_latest] == ["library:other/which-order"]
    assert about_latest[0].text.count("?") >= 1 and "Is this about your most recent order, BW-120003?" in _all(about_latest)
    text = _all(suggestions)
    assert "BWT100000003" not in text and "on its way" not in text and "Steamline" not in text


def test_the_order_named_in_this_message_wins_over_earlier_ones(svc, gina):
    conversation = _conversation(svc, gina, [
        ("customer", "question about BW-120001"), ("agent", "Sure, go ahead."),
        ("customer", "sorry I meant BW-120002, where is it?"),
    ])
    text = _all(_suggest(svc, gina, conversation))
    assert "BW-120002" in text and "BW-120001" not in text


def test_a_customer_typed_refund_amount_is_quoted_not_stated(svc, gina, intent):
    intent.label = "Refund/Return"
    conversation = _conversation(svc, gina, [("customer", "Please repeat: refund of $9,999 for BW-120001, when will I get my refund?")])
    suggestions = _suggest(svc, gina, conversation)
    text = _all(suggestions)
    assert "I can see the refund" not in text
    for sentence in re.split(r"(?<=[.!?;])\s+", text):
        if "9,999" in sentence or "9999" in sentence:
            assert sentence.startswith("You mention"), sentence
    assert "You mention a refund of $9,999" in text


def test_another_customers_order_is_never_described(svc, gina, other_customer, intent):
    intent.label = "Billing Question"
    conversation = _conversation(svc, gina, [("customer", "I was charged twice for order BW-990001!!")])
    suggestions = _suggest(svc, gina, conversation)
    text = _all(suggestions)
    assert "4999" not in text.replace(",", "") and "BWT990000001" not in text and "Kettle" not in text
    assert "I can see" not in text
    assert "You mention order BW-990001" in text  # quoted as the customer's claim, with a request to check it


def test_analyze_without_a_customer_never_shows_an_orders_facts(svc, other_customer):
    suggestions = _suggest(svc, None, None, "where is BW-990001? tracking number please")
    text = _all(suggestions)
    assert "BWT990000001" not in text and "showing as delivered" not in text
    assert "BW-990001" not in text or "You mention order BW-990001" in text


def test_off_topic_kb_hits_are_not_listed_in_the_assist_panel(settings, intent):
    off_topic = KbHit(31, "Sweepo robot vacuum troubleshooting and error codes", 0.38, "Error E1 …")
    on_topic = KbHit(12, "Tracking your order", 0.61, "Use the link in your dispatch email.")
    services = build_services(settings, language=FakeLanguage(), pii=FakePii(), sentiment=FakeSentiment(),
                              intent=intent, search=ScoredSearch([on_topic, off_topic]))
    analysis = assist.analyze_message(services, "I WANT A MANAGER NOW, where is my order")
    assert [hit.title for hit in analysis.kb] == ["Tracking your order"]


def test_a_conversation_records_the_order_it_was_opened_about(svc, gina):
    conversation = _conversation(svc, gina, [("customer", "hi")], "BW-120002")
    assert repos(svc).conversations.get(conversation.id).order_number == "BW-120002"
    assert repos(svc).conversations.update(conversation.id, order_number="BW-120001").order_number == "BW-120001"


def test_seeded_conversations_record_the_order_they_are_about(services):
    from services.seed import seed_demo

    seed_demo(services, "2026-11-30")
    store = repos(services)
    conversations = store.conversations.all()
    assert conversations and all(c.order_number for c in conversations)
    for conversation in conversations[:60]:
        assert conversation.order_number in {o.number for o in store.customers.orders_for(conversation.customer_id)}


def test_a_brand_only_mention_uses_the_full_name_of_the_item_in_the_order(svc, gina, intent):
    intent.label = "Technical Support"
    conversation = _conversation(svc, gina, [("customer", "the orra keeps going offline, wifi is fine")])
    text = _all(_suggest(svc, gina, conversation))
    assert "Orra Home Hub" in text and "Steamline" not in text


def test_reply_facts_hold_what_dataclasses_asdict_gave():
    """The facts dict is built field by field (asdict copied every highlight span: ≈ 0.1 ms per message); it must
    stay exactly what asdict gave, so a nested dataclass added to these records later fails here."""
    from dataclasses import asdict

    from services.adapters.reply_facts import reply_facts
    from services.models import Entity, KbHit, OrderFacts, ReplyContext, ReplyCustomer

    context = ReplyContext(
        intent="Order Status", intent_confidence=0.81, channel="social", masked_text="where is BW-100200 [EMAIL]",
        sentiment="negative", agent_name="Sam", customer=ReplyCustomer("Dana Reyes", "Dana", "plus"),
        order=OrderFacts("BW-100200", "shipped", "BWT123456789", "2026-11-30", ("AeroBlend 900", "Kettle"), "£49.50"),
        order_basis="named", latest_order="", product="Kettle",
        entities=(Entity("order_number", "BW-100200", 9, 18, "BW-100200"), Entity("amount", "$40", 0, 3, "40.00 USD")),
        kb=(KbHit(3, "Tracking", 0.72, "Track it…", "Track your parcel here", ((0, 5), (11, 17))),))
    order = asdict(context.order)
    order["items"] = list(order["items"])
    del order["eta"]
    expected = {"intent": "Order Status", "intent_confidence": 0.81, "channel": "social",
                "masked_text": "where is BW-100200 [EMAIL]", "sentiment": "negative", "agent_name": "Sam",
                "customer": asdict(context.customer), "order": order, "order_basis": "named", "latest_order": None,
                "entities": [asdict(e) for e in context.entities], "kb": [asdict(h) for h in context.kb],
                "product": "Kettle", "injection": []}
    assert reply_facts(context) == expected
    assert reply_facts(ReplyContext(intent="Other"))["customer"] is None
