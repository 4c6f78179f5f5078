"""The assist pipeline on fakes: what it returns, what it lets the models see, and how it fails."""

from __future__ import annotations

import pytest

from services import assist
from services.bootstrap import build_services
from services.config import Settings
from services.errors import InvalidInput
from services.models import Article, Customer, Order
from tests.fakes import UnavailableSentiment, fake_pipeline
from tests.repos import repos


@pytest.fixture
def fakes():
    return fake_pipeline()


@pytest.fixture
def svc(settings, fakes):
    services = build_services(settings, **fakes)
    repos(services).articles.add(Article(0, "track", "Tracking your order", "Use the link in your email.",
                                       "orders", "approved", 1, "2026-11-01T00:00:00Z"))
    repos(services).articles.add(Article(0, "draft", "Draft", "not yet", "orders", "in_review", 1,
                                       "2026-11-01T00:00:00Z"))
    return services


def test_one_pass_gives_every_part_of_the_analysis(svc):
    a = assist.analyze_message(svc, "where is my order BW-104233? mail me at dana@example.com", "email")
    assert a.intent.label == "Order Status"
    assert a.masked_text == "where is my order BW-104233? mail me at [EMAIL]"
    assert [e.text for e in a.entities] == ["BW-104233"]
    assert len(a.suggestions) == 3
    assert [h.title for h in a.kb] == ["Tracking your order"]  # only approved articles are indexed
    assert a.provider == "local" and not a.degraded
    assert {"language", "pii", "intent", "sentiment", "emotions", "entities", "escalation", "kb", "suggestions",
            "total"} <= set(a.timings_ms)


def test_models_and_reply_generator_see_only_masked_text(svc, fakes):
    assist.analyze_message(svc, "order help, I'm dana@example.com")
    assert all("dana@example.com" not in seen for seen in fakes["intent"].seen + fakes["sentiment"].seen)
    assert "dana@example.com" not in str(fakes["replies"].contexts[-1])


def test_reply_context_carries_customer_order_and_channel(svc, fakes):
    customer = Customer(3, "Dana Reyes", "d@x.com", "", "vip", 900.0, "2023-01-01", "Austin")
    order = Order(9, "BW-104233", 3, "delayed", 20.0, "USD", "2026-11-01T00:00:00Z", ("Kettle",), "BWT123456789")
    assist.analyze_message(svc, "where is my order", "social", assist.CustomerContext(customer, order))
    context = fakes["replies"].contexts[-1]
    assert context.channel == "social"
    assert context.customer.first_name == "Dana"
    assert context.order.status == "delayed"


def test_a_vip_asking_for_a_manager_is_flagged_with_reasons(svc):
    customer = Customer(3, "Dana Reyes", "d@x.com", "", "vip", 900.0, "2023-01-01", "Austin")
    a = assist.analyze_message(svc, "get me a manager now!", context=assist.CustomerContext(customer))
    assert a.escalation.escalate
    assert any("manager" in r for r in a.escalation.reasons)
    assert any("VIP" in r for r in a.escalation.reasons)


@pytest.mark.parametrize("text, message", [
    ("", "empty"), ("   \n\t ", "empty"), ("\x00\x01\x02", "empty"), (None, "empty"),
    ("x" * 200_001, "too long"),
])
def test_bad_input_is_a_clear_invalid_input(svc, text, message):
    with pytest.raises(InvalidInput, match=message):
        assist.analyze_message(svc, text)


def test_an_unknown_channel_is_refused(svc):
    with pytest.raises(InvalidInput, match="channel must be"):
        assist.analyze_message(svc, "hi", channel="fax")


def test_control_and_bidi_characters_are_removed_before_analysis(svc):
    a = assist.analyze_message(svc, "order\u202e status\x07 please")
    assert a.masked_text == "order  status  please"


def test_an_unavailable_remote_provider_falls_back_to_local_and_says_so(tmp_path, fakes):
    settings = Settings(db_path=str(tmp_path / "x.db"), providers={"sentiment": "aws"})
    services = build_services(settings, **{**fakes, "sentiment": UnavailableSentiment()})
    a = assist.analyze_message(services, "this is terrible, I want a refund")
    assert a.degraded
    assert a.sentiment.label in ("negative", "mixed")  # the real local model answered
    assert any("sentiment: aws unavailable" in n for n in a.notices)
    assert "local" in a.provider


def test_analysis_dict_has_the_documented_keys(svc):
    data = assist.analysis_to_dict(assist.analyze_message(svc, "order?"))
    assert {"intent", "sentiment", "emotions", "entities", "pii", "masked_text", "language", "escalation",
            "suggestions", "kb", "provider", "timings_ms"} <= set(data)
    assert set(data["intent"]) == {"label", "confidence", "secondary", "secondary_confidence", "basis"}


def test_the_customers_own_name_is_masked_wherever_it_appears(svc, fakes):
    customer = Customer(3, "Dana Reyes", "d@x.com", "", "gold", 900.0, "2023-01-01", "Austin")
    a = assist.analyze_message(svc, "hi it's dana reyes, DANA again, order pls", context=assist.CustomerContext(customer))
    assert a.masked_text == "hi it's [PERSON] [PERSON], [PERSON] again, order pls"
    assert all("dana" not in seen.lower() for seen in fakes["intent"].seen)
