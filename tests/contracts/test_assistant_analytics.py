"""AnalyticsRepository.assistant_totals on every backend: the virtual assistant's containment, handovers by reason,
CSAT of bot-only chats and the customers' ratings over a small hand-made store (figures worked out in the comments)."""

from __future__ import annotations

import json

from services.assistant import REASONS
from services.models import AnalyticsFilter, AssistantTotals, Conversation, Message
from tests.contracts.conftest import customer

NOVEMBER = AnalyticsFilter("2026-11-01", "2026-11-05")


def store(database) -> dict[str, int]:
    """Chats a1-a5 the assistant took a turn in, b1 it did not, a6 before the range; ids by name."""
    made: dict[str, int] = {}
    with database() as uow:
        who = uow.customers.add(customer()).id
        plan = {  # name: (start, csat, turns: "A" an answer (+ its rating), "H:<reason>;<reason>" a handover, "G" an agent)
            "a1": ("2026-11-01T09:00:00Z", 5, ["A+", "A-"]),  # contained, rated up then down
            "a2": ("2026-11-01T10:00:00Z", 2, ["A+", "H:the customer asked for a person", "G"]),
            "a3": ("2026-11-02T10:00:00Z", None, ["H:unsure what the customer needs (Other, 0.30 < 0.60);"
                                                  "the customer is upset", "G"]),
            "a4": ("2026-11-03T10:00:00Z", None, ["A"]),  # contained, no survey, not rated
            "a5": ("2026-11-04T10:00:00Z", 4, ["A", "G"]),  # an agent stepped in without a handover: not contained
            "b1": ("2026-11-02T11:00:00Z", 3, ["G"]),  # no assistant
            "a6": ("2026-10-31T10:00:00Z", 1, ["A+"]),  # before the range
        }
        for name, (at, csat, turns) in plan.items():
            talk = uow.conversations.add(Conversation(0, who, "chat", "open", name, at, at, "", "general", "", csat))
            made[name] = talk.id
            uow.conversations.append_message(Message(0, talk.id, "customer", "ada", "hi", "hi", at))
            for turn in turns:
                if turn.startswith("A"):
                    said = uow.conversations.append_message(Message(0, talk.id, "assistant", "bot", "Here", "Here",
                                                                    at))
                    uow.audit.add_event("assistant_answer", talk.id, json.dumps({"message_id": said.id}))
                    if turn[1:]:
                        uow.integrations.rate_answer(said.id, talk.id, 1 if turn[1] == "+" else -1, at)
                elif turn.startswith("H:"):
                    uow.audit.add_event("assistant_handover", talk.id,
                                        json.dumps({"message_id": 1, "reasons": turn[2:].split(";")}))
                else:
                    uow.conversations.append_message(Message(0, talk.id, "agent", "sam", "Hello", "Hello", at))
    return made


def test_containment_handovers_bot_only_csat_and_ratings(database):
    store(database)
    with database() as uow:
        found = uow.analytics.assistant_totals(NOVEMBER, REASONS)
    # handled a1-a5 (5); contained a1, a4 (2); handed over a2, a3 (2); answers 2+1+0+1+1 = 5; surveyed among the
    # contained: a1 (5, satisfied); rated up: a1's first and a2's (2), down: a1's second (1); bot-only: a1's 1 and 1;
    # reasons: a2 asked for a person, a3 unsure and upset
    assert found == AssistantTotals(handled=5, contained=2, handed_over=2, answers=5, surveyed=1, csat_sum=5,
                                    satisfied=1, rated_up=2, rated_down=1, bot_only_up=1, bot_only_down=1,
                                    reasons=(("asked_for_person", 1), ("upset", 1), ("unsure", 1)))
    assert (found.containment, found.bot_only_csat, found.helpful_rate, found.bot_only_helpful_rate) == (
        0.4, 5.0, 2 / 3, 0.5)


def test_a_rating_changed_and_filters_move_the_figures(database):
    made = store(database)
    with database() as uow:
        a1 = [m for m in uow.conversations.messages_for(made["a1"]) if m.author_role == "assistant"]
        uow.integrations.rate_answer(a1[1].id, made["a1"], 1, "2026-11-05T00:00:00Z")  # down -> up
    with database() as uow:
        found = uow.analytics.assistant_totals(NOVEMBER, REASONS)
        assert (found.rated_up, found.rated_down, found.bot_only_up, found.bot_only_down) == (3, 0, 2, 0)
        assert uow.analytics.assistant_totals(AnalyticsFilter("2026-11-01", "2026-11-05", channels=("email",)),
                                              REASONS) == AssistantTotals()
        october = uow.analytics.assistant_totals(AnalyticsFilter("2026-10-31", "2026-11-01"), REASONS)
        assert (october.handled, october.contained, october.surveyed, october.csat_sum, october.rated_up) == (
            1, 1, 1, 1, 1)
        day_two = uow.analytics.assistant_totals(AnalyticsFilter("2026-11-02", "2026-11-03"), REASONS)
        assert (day_two.handled, day_two.handed_over, day_two.reasons) == (1, 1, (("upset", 1), ("unsure", 1)))
