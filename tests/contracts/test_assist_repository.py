"""AssistRepository contract (analyses claimed once, suggestions, feedback, escalations), on every backend."""

from __future__ import annotations

import dataclasses

import pytest

from services.errors import InvalidInput, NotFound
from services.models import InjectionCheck, Suggestion
from tests.contracts.conftest import analysis, thread_with_message


def test_an_analysis_reads_back_as_the_dataclass_it_was(database):
    _, said = thread_with_message(database)
    saved = analysis(escalate=True)
    with database() as uow:
        assert uow.assist.save_outcome(said.id, saved, saved.suggestions) is True
    with database() as uow:
        assert uow.assist.get_analysis(said.id) == saved
        assert uow.assist.get_analysis(999) is None
        assert [(s.rank, s.text, s.feedback) for s in uow.assist.suggestions_for(said.id)] == [
            (1, "Let me check.", None)]


def test_an_analysis_keeps_its_prompt_injection_flag(database):
    """Issue 21 item 5: the flag and its reasons (customer words with quotes and invisible-character names) are kept
    with the analysis, so the assist panel shows them whenever the message is opened."""
    _, said = thread_with_message(database)
    check = InjectionCheck(True, 1.0, ("asks for another customer's data (“list all emails”) — written in invisible "
                                       "Unicode TAG characters", "hidden text in invisible Unicode TAG characters (9)"),
                           ("other_customer", "tag_characters"))
    saved = dataclasses.replace(analysis(), injection=check)
    with database() as uow:
        assert uow.assist.save_outcome(said.id, saved, saved.suggestions) is True
    with database() as uow:
        assert uow.assist.get_analysis(said.id).injection == check


def test_a_message_is_analysed_once_a_second_outcome_is_a_reported_no_op(database):
    _, said = thread_with_message(database)
    first = analysis("Order Status")
    with database() as uow:
        assert uow.assist.save_outcome(said.id, first, [Suggestion("a", "x", 0.9), Suggestion("b", "x", 0.8)])
    with database() as uow:  # another session analysed the same message meanwhile
        assert uow.assist.save_outcome(said.id, analysis("Refund"), [Suggestion("c", "x", 0.7)]) is False
        assert uow.assist.save_outcome(said.id, None, not_analysed="timeout") is False
    with database() as uow:
        assert uow.assist.get_analysis(said.id) == first
        assert [s.text for s in uow.assist.suggestions_for(said.id)] == ["a", "b"]
        assert uow.assist.analysis_failures(said.conversation_id) == {}


def test_a_failed_analysis_is_kept_with_its_reason_and_reads_as_none(database):
    talk, said = thread_with_message(database)
    with database() as uow:
        assert uow.assist.save_outcome(said.id, None, (), "the model timed out")
    with database() as uow:
        assert uow.assist.get_analysis(said.id) is None
        assert uow.assist.analysis_failures(talk.id) == {said.id: "the model timed out"}
        assert uow.assist.suggestions_for(said.id) == []


def test_an_outcome_for_an_unknown_message_is_not_found(database):
    with pytest.raises(NotFound), database() as uow:
        uow.assist.save_outcome(999, analysis())


def test_feedback_is_recorded_and_checked(database):
    _, said = thread_with_message(database)
    with database() as uow:
        uow.assist.save_outcome(said.id, analysis(), [Suggestion("a", "x", 0.9), Suggestion("b", "x", 0.8)])
    with database() as uow:
        first, second = uow.assist.suggestions_for(said.id)
        uow.assist.record_feedback(first.id, "edited", "a, edited")
        uow.assist.record_feedback(second.id, "rejected")
    with database() as uow:
        assert [(s.feedback, s.final_text) for s in uow.assist.suggestions_for(said.id)] == [
            ("edited", "a, edited"), ("rejected", "")]
        with pytest.raises(InvalidInput):
            uow.assist.record_feedback(first.id, "loved")
        with pytest.raises(NotFound):
            uow.assist.record_feedback(999, "accepted")


def test_escalations_latest_first_closed_and_the_open_inbox(database):
    talk, said = thread_with_message(database, status="escalated")
    with database() as uow:
        uow.assist.save_outcome(said.id, analysis())
        first = uow.assist.add_escalation(talk.id, ("angry",), 0.9, "sam", "please help", masked_note="please help",
                                          created_at="2026-11-01T09:00:00Z")
        second = uow.assist.add_escalation(talk.id, ("vip",), 0.5, "system", created_at="2026-11-01T10:00:00Z")
    with database() as uow:
        latest = uow.assist.latest_escalation(talk.id)
        assert (latest.id, latest.reasons, latest.status, latest.actor) == (second, ("vip",), "open", "system")
        assert uow.assist.latest_escalation(999) is None
        inbox = uow.assist.open_escalations()
    assert [(r.id, r.customer_name, r.last_text, r.sentiment) for r in inbox] == [
        (second, "Ada Lovelace", said.text, "negative")]
    assert first < second
    with database() as uow:
        uow.assist.close_escalation(second, "taken_over", "sue", "mine now")
    with database() as uow:
        closed = uow.assist.latest_escalation(talk.id)
        assert (closed.status, closed.handled_by, closed.outcome_note) == ("taken_over", "sue", "mine now")
        assert closed.handled_at
        assert uow.assist.open_escalations() == []
        with pytest.raises(NotFound):
            uow.assist.close_escalation(999, "returned", "sue")
    with pytest.raises(NotFound), database() as uow:
        uow.assist.add_escalation(999, (), 0.1, "sam")


def test_the_inbox_is_newest_first_and_skips_conversations_no_longer_escalated(database):
    a, _ = thread_with_message(database, status="escalated")
    b, _ = thread_with_message(database, status="escalated")
    c, _ = thread_with_message(database, status="open")
    with database() as uow:
        older = uow.assist.add_escalation(a.id, (), 0.9, "sam", created_at="2026-11-01T09:00:00Z")
        newer = uow.assist.add_escalation(b.id, (), 0.9, "sam", created_at="2026-11-01T10:00:00Z")
        uow.assist.add_escalation(c.id, (), 0.9, "sam", created_at="2026-11-01T11:00:00Z")
    with database() as uow:
        assert [r.id for r in uow.assist.open_escalations()] == [newer, older]
        assert [r.id for r in uow.assist.open_escalations(limit=1)] == [newer]
