"""AnalyticsRepository on every backend: the facts the repositories keep as a conversation happens, and the sums,
outcomes and drill-down rows over a small hand-made store (the expected figures are worked out in the comments)."""

from __future__ import annotations

import pytest

from services.errors import InvalidInput, NotFound
from services.models import (
    AnalyticsFilter,
    Article,
    Conversation,
    ConversationFacts,
    Message,
    Suggestion,
    Totals,
)
from tests.contracts.conftest import analysis, customer

NOVEMBER = AnalyticsFilter("2026-11-01", "2026-11-05")
SLA = {"chat": 120, "email": 28_800, "social": 3_600, "voice": 30}


def test_facts_follow_the_conversation_as_it_happens(database):
    with database() as uow:
        who = uow.customers.add(customer())
        talk = uow.conversations.add(Conversation(0, who.id, "chat", "open", "Where is it?", "2026-11-01T09:00:00Z",
                                                  "2026-11-01T09:00:00Z", "sam"))
        asked = uow.conversations.append_message(Message(0, talk.id, "customer", "ada", "Where?", "Where?",
                                                         "2026-11-01T09:00:00Z"))
        assert uow.analytics.facts(talk.id) == ConversationFacts()
        uow.conversations.append_message(Message(0, talk.id, "note", "sam", "looking", "looking",
                                                 "2026-11-01T09:00:40Z"))
        uow.conversations.append_message(Message(0, talk.id, "agent", "sam", "On its way", "On its way",
                                                 "2026-11-01T09:01:30Z"))
        uow.conversations.append_message(Message(0, talk.id, "agent", "sam", "Anything else?", "Anything else?",
                                                 "2026-11-01T09:05:00Z"))
        uow.assist.save_outcome(asked.id, analysis("Order Status", "negative"))
    with database() as uow:
        facts = uow.analytics.facts(talk.id)
        assert (facts.first_response_s, facts.intent, facts.sentiment) == (90, "Order Status", "negative")
        again = uow.conversations.append_message(Message(0, talk.id, "customer", "ada", "Thanks", "Thanks",
                                                         "2026-11-01T09:06:00Z"))
        uow.assist.save_outcome(again.id, analysis("Thanks", "positive"))
        uow.conversations.update(talk.id, queue="billing")
        uow.conversations.update(talk.id, status="resolved", resolution="info_provided")
    with database() as uow:
        facts = uow.analytics.facts(talk.id)
        assert (facts.intent, facts.sentiment, facts.transfers, facts.reopens) == ("Order Status", "positive", 1, 0)
        assert facts.resolved_at > "2026-11-01" and facts.handle_s > 0
        uow.conversations.update(talk.id, status="open", resolution="")  # the customer wrote again
        uow.assist.add_escalation(talk.id, ("angry",), 0.9, "sam")
        uow.conversations.update(talk.id, status="escalated", queue="supervisor")  # not a transfer
    with database() as uow:
        facts = uow.analytics.facts(talk.id)
        assert (facts.resolved_at, facts.handle_s, facts.reopens, facts.transfers, facts.escalated) == (
            "", None, 1, 1, True)
        with pytest.raises(NotFound):
            uow.analytics.facts(999)


def store(database) -> dict[str, int]:
    """Five conversations in 1-4 November and one the day before (outside the range); ids by name."""
    made = {}
    with database() as uow:
        gold, standard = uow.customers.add(customer("Ada", "gold")).id, uow.customers.add(customer("Bo")).id
        article = uow.articles.add(Article(0, "where", "Where is my order", "Body.", "orders", "approved", 1,
                                           "2026-10-01T00:00:00Z")).id
        plan = {  # name: (customer, channel, start, agent, status, csat, facts)
            "c1": (gold, "chat", "2026-11-01T09:00:00Z", "sam", "resolved", 5,
                   ConversationFacts(60, "2026-11-01T09:10:00Z", 600, intent="Order Status", sentiment="positive")),
            "c2": (standard, "chat", "2026-11-01T10:30:00Z", "sam", "resolved", 2,
                   ConversationFacts(300, "2026-11-01T11:00:00Z", 1800, transfers=1, intent="Refund",
                                     sentiment="negative")),
            "c3": (gold, "email", "2026-11-03T09:15:00Z", "kim", "resolved", None,
                   ConversationFacts(7200, "2026-11-04T10:15:00Z", 90_000, reopens=1, intent="Order Status",
                                     sentiment="neutral")),
            "c4": (standard, "voice", "2026-11-03T22:00:00Z", "kim", "escalated", None,
                   ConversationFacts(20, escalated=True, intent="Complaint", sentiment="negative")),
            "c5": (standard, "chat", "2026-11-04T09:00:00Z", "", "open", None, ConversationFacts()),
            "c6": (gold, "chat", "2026-10-31T23:59:59Z", "sam", "resolved", 4,
                   ConversationFacts(10, "2026-11-01T00:10:00Z", 600, intent="Refund", sentiment="positive")),
        }
        for name, (who, channel, at, agent, status, csat, _) in plan.items():
            made[name] = uow.conversations.add(Conversation(0, who, channel, status, f"About {name}", at, at, agent,
                                                            "general", "", csat)).id
        feedback = {"c1": [("accepted", "rejected", "rejected")], "c2": [("edited", "rejected")],
                    "c3": [("rejected", "rejected"), ()], "c6": [("accepted",)]}
        for name, messages in feedback.items():
            for given in messages:
                said = uow.conversations.append_message(Message(0, made[name], "customer", "x", "hi", "hi",
                                                                plan[name][2]))
                uow.assist.save_outcome(said.id, analysis(), [Suggestion(f"s{i}", "library:1", 0.5)
                                                              for i in range(max(len(given), 1))])
                for saved, value in zip(uow.assist.suggestions_for(said.id), given, strict=False):
                    uow.assist.record_feedback(saved.id, value)
        for name, (*_, facts) in plan.items():
            uow.analytics.record_facts(made[name], facts)
        uow.kb_usage.add_use(article, "reply", "sam", "reply", made["c1"])
        uow.kb_usage.add_use(article, "reply", "kim", "reply", made["c4"])  # not resolved: no deflection
        uow.kb_usage.add_use(article, "view", "sam", "workspace_kb", made["c2"])  # a view is not a use
    return made


def test_totals_over_the_range_and_per_group(database):
    store(database)
    with database() as uow:
        # answered c1-c4, first responses 60+300+7200+20; within target: c1 (chat 120), c3 (email 8 h), c4 (voice
        # 30); resolved c1-c3, handled 600+1800+90000; first contact: c1 only (c2 transferred, c3 reopened);
        # surveyed c1 (5) and c2 (2); resolved with an article used in a reply: c1
        assert uow.analytics.totals(NOVEMBER, sla_s=SLA) == [
            Totals((), 5, 4, 7580, 3, 3, 92_400, 1, 1, 1, 1, 2, 7, 1, 1, 1, 1, 1)]
        by_day = uow.analytics.totals(NOVEMBER, ("day",), SLA)
        assert [(t.key, t.conversations, t.resolved, t.csat_sum) for t in by_day] == [
            (("2026-11-01",), 2, 2, 7), (("2026-11-03",), 2, 1, 0), (("2026-11-04",), 1, 0, 0)]
        by_hour = uow.analytics.totals(NOVEMBER, ("channel", "hour"))
        assert [(t.key, t.conversations, t.sla_met) for t in by_hour] == [
            (("chat", "09"), 2, 0), (("chat", "10"), 1, 0), (("email", "09"), 1, 0), (("voice", "22"), 1, 0)]
        by_tier = uow.analytics.totals(NOVEMBER, ("tier", "sentiment"))
        assert [(t.key, t.conversations) for t in by_tier] == [
            (("gold", "neutral"), 1), (("gold", "positive"), 1), (("standard", ""), 1),
            (("standard", "negative"), 2)]


def test_filters_pick_channel_queue_agent_intent_and_tier(database):
    store(database)

    def count(**chosen) -> int:
        with database() as uow:
            found = uow.analytics.totals(AnalyticsFilter("2026-11-01", "2026-11-05", **chosen))
        return found[0].conversations if found else 0

    assert count(channels=("chat",), tiers=("gold",)) == 1  # c1 (c6 is before the range)
    assert count(agents=("sam",)) == 2
    assert count(agents=("",)) == 1  # nobody's yet: c5
    assert count(intents=("Order Status", "Complaint")) == 3
    assert count(queues=("general",), channels=("email", "voice")) == 2
    assert count(queues=("billing",)) == 0
    with database() as uow:
        assert uow.analytics.totals(AnalyticsFilter("2026-10-31", "2026-11-01"))[0].conversations == 1
        assert uow.analytics.totals(AnalyticsFilter("2027-01-01", "2027-02-01")) == []


def test_suggestion_feedback_counts_each_message_by_its_best_feedback(database):
    store(database)

    def outcomes(by):
        with database() as uow:
            return [(t.key, t.suggestions_accepted, t.suggestions_edited, t.suggestions_rejected)
                    for t in uow.analytics.totals(NOVEMBER, by)]

    # c1: one accepted (two rejected beside it); c2: edited; c3: all rejected, and a message without feedback
    assert outcomes(()) == [((), 1, 1, 1)]
    assert [o for o in outcomes(("agent",)) if any(o[1:])] == [(("kim",), 0, 0, 1), (("sam",), 1, 1, 0)]
    assert [o for o in outcomes(("intent",)) if any(o[1:])] == [(("Order Status",), 1, 0, 1), (("Refund",), 0, 1, 0)]


def test_feedback_given_later_moves_the_counts(database):
    made = store(database)
    with database() as uow:
        said = uow.conversations.append_message(Message(0, made["c5"], "customer", "x", "hi", "hi",
                                                        "2026-11-04T09:00:00Z"))
        uow.assist.save_outcome(said.id, analysis(), [Suggestion("a", "library:1", 0.5),
                                                      Suggestion("b", "library:2", 0.4)])
        first, second = uow.assist.suggestions_for(said.id)
        uow.assist.record_feedback(first.id, "rejected")
    with database() as uow:
        assert uow.analytics.totals(NOVEMBER, ("day",))[-1].suggestions_rejected == 1
        uow.assist.record_feedback(second.id, "edited", "b, but kinder")
    with database() as uow:
        day = uow.analytics.totals(NOVEMBER, ("day",))[-1]
        assert (day.key, day.suggestions_edited, day.suggestions_rejected) == (("2026-11-04",), 1, 0)


def test_counts_per_group(database):
    store(database)
    with database() as uow:
        assert uow.analytics.counts(NOVEMBER, ("channel", "hour")) == {
            ("chat", "09"): 2, ("chat", "10"): 1, ("email", "09"): 1, ("voice", "22"): 1}
        assert uow.analytics.counts(AnalyticsFilter("2026-11-01", "2026-11-05", tiers=("gold",)), ("day",)) == {
            ("2026-11-01",): 1, ("2026-11-03",): 1}


def test_drill_down_lists_the_conversations_behind_a_point_newest_first(database):
    made = store(database)
    with database() as uow:
        rows = uow.analytics.conversations(NOVEMBER, {"day": "2026-11-03"})
        assert [r.conversation_id for r in rows] == [made["c4"], made["c3"]]
        assert (rows[1].channel, rows[1].agent, rows[1].tier, rows[1].intent, rows[1].first_response_s,
                rows[1].handle_s, rows[1].subject) == ("email", "kim", "gold", "Order Status", 7200, 90_000,
                                                       "About c3")
        chat_nine = uow.analytics.conversations(NOVEMBER, {"channel": "chat", "hour": "09"})
        assert [r.conversation_id for r in chat_nine] == [made["c5"], made["c1"]]
        assert len(uow.analytics.conversations(NOVEMBER, limit=2)) == 2


def test_unknown_dimensions_are_refused(database):
    with database() as uow:
        with pytest.raises(InvalidInput, match="dimensions"):
            uow.analytics.totals(NOVEMBER, ("day; DROP TABLE conversations",))
        with pytest.raises(InvalidInput):
            uow.analytics.totals(NOVEMBER, ("day", "day"))
        with pytest.raises(InvalidInput):
            uow.analytics.conversations(NOVEMBER, {"password": "x"})
        with pytest.raises(NotFound):
            uow.analytics.record_facts(12345, ConversationFacts())
