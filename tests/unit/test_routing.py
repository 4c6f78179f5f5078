"""Routing of new conversations: the shipped rules (config/routing.yaml) on each signal, the queue load, malformed
rules, and the route applied and shown when a conversation arrives through the ingestion API."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from services import api_keys, conversations, ingestion, routing
from services.bootstrap import build_services
from services.config import PROJECT_ROOT, Settings
from services.errors import ConfigError
from services.models import Customer, Intent, User
from services.permissions import CLI
from services.routing import Signals, load_rules, route
from tests.contracts.conftest import conversation
from tests.fake_repositories import FakeDatabase
from tests.fakes import FakeIntent, fake_pipeline
from tests.repos import repos

QUEUES = Settings().queues
RULES = load_rules(PROJECT_ROOT / "config" / "routing.yaml", QUEUES)
AGENT = User(1, "agent", "Alex Rivera", "agent")


def _signals(intent: str = "Billing Question", confidence: float = 0.83, language: str = "en", tier: str = "gold",
             channel: str = "chat") -> Signals:
    return Signals(intent, confidence, language, tier, channel)


def test_a_billing_question_goes_to_billing_and_says_why():
    routed = route(RULES, _signals(), {})
    assert (routed.queue, routed.rule) == ("billing", "billing")
    assert routed.reason == "Routed to billing: intent Billing Question 0.83, tier gold"


@pytest.mark.parametrize(("signals", "queue", "reason"), [
    (_signals("Order Status", 0.7, "es", "standard"), "multilingual",
     "Routed to multilingual: language es, intent Order Status 0.70, tier standard"),
    (_signals(language="pt"), "multilingual", "Routed to multilingual: language pt, intent Billing Question 0.83, "
                                               "tier gold"),
    (_signals(language="fr", tier="vip"), "priority", "Routed to priority: tier vip, intent Billing Question 0.83"),
    (_signals("Technical Support", 0.9), "technical", "Routed to technical: intent Technical Support 0.90, tier gold"),
    (_signals("Refund/Return", 0.6, tier="silver"), "returns",
     "Routed to returns: intent Refund/Return 0.60, tier silver"),
    (_signals(confidence=0.41), "general",
     "Routed to general: no rule matched (intent Billing Question 0.41, language en, tier gold)"),
    (_signals("", 0.0, "", "standard"), "general",
     "Routed to general: no rule matched (the message is not analysed, language unknown, tier standard)"),
])
def test_each_signal_routes_by_the_first_rule_that_matches(signals, queue, reason):
    routed = route(RULES, signals, {})
    assert (routed.queue, routed.reason) == (queue, reason)


def test_an_overloaded_queue_sends_new_conversations_to_the_fallback_and_says_so():
    routed = route(RULES, _signals(), {"billing": 30, "general": 4})
    assert (routed.queue, routed.rule) == ("general", "overloaded")
    assert routed.reason == ("Routed to general: billing is overloaded (30 waiting, limit 30); "
                             "intent Billing Question 0.83, tier gold")
    assert route(RULES, _signals(), {"billing": 29}).queue == "billing"
    assert route(RULES, _signals(), {"billing": 31, "general": 40}).queue == "billing"  # the fallback is busier


def _rules_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "routing.yaml"
    path.write_text(text)
    return path


@pytest.mark.parametrize(("text", "message"), [
    ("rules: []\nqueue: x\n", "unknown key"),
    ("rules:\n  - queue: billing\n", "at least one condition"),
    ("rules:\n  - {queue: billing, intents: [Billing Question], min_confidence: 2}\n", "min_confidence must be 0-1"),
    ("rules:\n  - {queue: billing, intents: Billing Question}\n", "intents must be a list"),
    ("rules:\n  - {queue: billing, tiers: [vip], priority: 1}\n", "unknown key"),
    ("rules:\n  - billing\n", "rule 1 must be a mapping"),
    ("overload: {max_waiting: 0}\n", "max_waiting must be 1 or more"),
    ("rules: [", "not valid YAML"),
])
def test_malformed_rules_are_refused_naming_the_rule_and_field(tmp_path, text, message):
    with pytest.raises(ConfigError, match=message):
        load_rules(_rules_file(tmp_path, text), QUEUES)


def test_a_rule_naming_a_queue_that_is_not_configured_is_skipped(tmp_path):
    path = _rules_file(tmp_path, "rules:\n  - {queue: vip-desk, tiers: [vip]}\n  - {queue: billing, tiers: [vip]}\n")
    assert route(load_rules(path, QUEUES), _signals(tier="vip"), {}).queue == "billing"


# ---- applied when a conversation is created through the ingestion API, and shown to the agent -----------------


class BillingIntent(FakeIntent):
    def classify(self, text: str) -> Intent:
        return Intent("Billing Question", 0.83) if "charged" in text else super().classify(text)


def _services(settings: Settings, **changes):
    services = build_services(replace(settings, **changes), store=FakeDatabase(),
                              **{**fake_pipeline(), "intent": BillingIntent()})
    repos(services).users.add("agent", "Alex Rivera", "agent", "x")
    return services


def _post(services, text: str, thread: str, email: str = "ann@example.com") -> int:
    key = api_keys.admit(services, api_keys.create_key(services, CLI, f"shop-{thread}")[1])
    body = {"channel": "chat", "thread_id": thread, "text": text,
            "customer": {"id": f"c-{thread}", "name": "Ann Lee", "email": email}}
    return ingestion.post_message(services, key, body, f"k-{thread}").body["conversation_id"]


def test_a_conversation_posted_to_the_api_is_routed_and_the_agent_sees_why():
    services = _services(Settings(db_path=":memory:"))
    repos(services).customers.add(Customer(0, "Ann Lee", "ann@example.com", "", "gold", 10.0, "2024-01-01", "Leeds"))
    conversation_id = _post(services, "I was charged twice this month", "t1")
    view = conversations.open_conversation(services, AGENT, conversation_id)
    assert view.conversation.queue == "billing"
    assert view.route.reason == "Routed to billing: intent Billing Question 0.83, tier gold"
    assert view.route.routed_at


def test_the_queue_load_comes_from_the_conversations_waiting(tmp_path):
    path = _rules_file(tmp_path, "rules:\n  - {name: billing, queue: billing, intents: [Billing Question]}\n"
                                 "overload: {max_waiting: 2, fallback: general}\n")
    services = _services(Settings(db_path=":memory:"), routing_rules=str(path))
    queues = [conversations.open_conversation(services, AGENT, _post(services, "I was charged twice", f"t{i}",
                                                                     f"c{i}@example.com")).route
              for i in range(3)]
    assert [r.queue for r in queues] == ["billing", "billing", "general"]
    assert "billing is overloaded (2 waiting, limit 2)" in queues[2].reason


def test_unreadable_rules_never_cost_the_customers_message(tmp_path):
    services = _services(Settings(db_path=":memory:"), routing_rules=str(tmp_path / "missing.yaml"))
    view = conversations.open_conversation(services, AGENT, _post(services, "I was charged twice", "t1"))
    assert view.conversation.queue == "general" and len(view.messages) == 1
    assert view.route.reason == "Routed to general: the routing rules could not be read"


def test_a_seeded_conversation_has_no_route_and_the_view_says_nothing():
    services = _services(Settings(db_path=":memory:"))
    assert routing.signals_of(None, "gold", "chat") == Signals("", 0.0, "", "gold", "chat")
    with services.uow() as uow:
        ann = uow.customers.add(Customer(0, "Ann Lee", "a@example.com", "", "gold", 1.0, "2024-01-01", "Leeds"))
    with services.uow() as uow:
        talk = uow.conversations.add(conversation(ann.id))
    assert conversations.open_conversation(services, AGENT, talk.id).route is None
