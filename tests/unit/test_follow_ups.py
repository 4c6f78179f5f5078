"""A short follow-up is read with the customer's earlier messages (services/assist.py ``in_conversation``)."""

from __future__ import annotations

from services import assist, inbox
from services.adapters.local import analysis_codec
from services.bootstrap import build_services
from services.models import Customer, Intent
from tests.fakes import fake_pipeline
from tests.repos import repos


def _classifier(seen: list[str]):
    def classify(text: str) -> Intent:
        seen.append(text)
        if "reset" in text:
            return Intent("Technical Support", 0.97, secondary="Billing Question", secondary_confidence=0.6)
        if "thanks" in text:
            return Intent("Other", 0.95)
        return Intent("Other", 0.8)
    return classify


EARLIER = "How do I reset the camera? the app can't find it"


def test_a_short_follow_up_takes_the_conversations_request():
    seen: list[str] = []
    alone = Intent("Other", 0.8)
    read = assist.in_conversation(_classifier(seen), alone, "tried that, no change 😬", EARLIER)
    assert (read.label, read.basis) == ("Technical Support", "conversation")
    assert read.secondary is None  # the earlier message's second request is not this message's
    assert seen == [f"{EARLIER}\ntried that, no change 😬"]


def test_thanks_a_new_request_or_no_earlier_message_keep_their_own_reading():
    seen: list[str] = []
    classify = _classifier(seen)
    alone = Intent("Other", 0.95)
    for text in ("perfect that worked, thanks!", "ok cool", "👍"):
        assert assist.in_conversation(classify, alone, text, EARLIER) is alone
    long = Intent("Billing Question", 0.9)
    assert assist.in_conversation(classify, long, "while I have you, why was I charged twice for the camera last "
                                                  "month", EARLIER) is long
    assert assist.in_conversation(classify, alone, "tried that", "") is alone
    assert seen == []  # none of them costs a second classification


def test_a_long_message_the_model_is_unsure_of_is_read_with_the_conversation():
    unsure = Intent("Other", 0.4)
    text = "This is really frustrating, I needed it for the weekend and it still shows the same status"
    assert assist.in_conversation(_classifier([]), unsure, text, EARLIER, 0.45).label == "Technical Support"
    assert assist.in_conversation(_classifier([]), Intent("Other", 0.5), text, EARLIER, 0.45).label == "Other"


def test_thanks_that_still_ask_are_follow_ups():
    assert assist.stands_alone("thanks!") and assist.stands_alone("ok will do")
    assert not assist.stands_alone("thanks but it still doesn't work")
    assert not assist.stands_alone("ok, and when will it arrive?")


def test_the_pipeline_stores_the_follow_ups_reading_and_searches_the_kb_with_the_conversation(settings):
    services = build_services(settings, **fake_pipeline())
    repos(services).users.add("agent", "Alex Rivera", "agent", "x")
    repos(services).customers.add(Customer(0, "Dana Reyes", "dana@example.com", "", "gold", 1.0, "2024-01-01", "Leeds"))
    conversation, _, first = inbox.start_conversation(services, 1, "chat", "Order", "where is my order BW-123456?",
                                                      "agent")
    assert first is not None and first.intent.basis == ""
    message, analysis = inbox.receive_customer_message(services, conversation.id, "any update?")
    assert analysis is not None and (analysis.intent.label, analysis.intent.basis) == ("Order Status", "conversation")
    with services.uow() as uow:
        stored = uow.assist.get_analysis(message.id)
    assert stored is not None and stored.intent.basis == "conversation"  # kept through the store and its codec
    assert analysis.to_dict()["intent"]["basis"] == "conversation"
    assert analysis_codec.from_dict({"intent": {"label": "Other", "confidence": 0.5}}).intent.basis == ""
