"""Escalation rules: each rule on both sides of its threshold, hard triggers, and the reasons an agent reads."""

from __future__ import annotations

import pytest

from services.config import Settings
from services.escalation import EscalationSignals, decide

DEFAULTS = Settings()  # threshold 0.6, 3 negative turns, 7 repeat days, intent confidence 0.45


def _decide(settings: Settings = DEFAULTS, **signals) -> tuple[bool, float, tuple[str, ...]]:
    result = decide(EscalationSignals(**signals), settings)
    return result.escalate, result.score, result.reasons


def test_a_calm_question_does_not_escalate():
    assert _decide(text="hey, is the BW-104233 kettle back in stock? thx", intent_label="Product Information",
                   intent_confidence=0.9, current_sentiment="neutral") == (False, 0.0, ())


# ---- sentiment run -------------------------------------------------------------------------------


def _turns(*labels: str) -> dict:
    """Signals for a conversation whose customer turns had these labels, the last being this message."""
    return {"sentiment_history": labels, "current_sentiment": labels[-1]}


def test_three_negative_turns_in_a_row_is_reported_with_its_length():
    _, score, reasons = _decide(**_turns("neutral", "negative", "negative", "negative"))
    assert reasons == ("negative sentiment for 3 turns",)
    assert score == 0.35


def test_two_negative_turns_only_count_as_a_negative_message():
    _, score, reasons = _decide(**_turns("negative", "negative"))
    assert reasons == ("negative sentiment in this message",)
    assert score == 0.1


def test_a_first_negative_message_without_history_counts_once():
    assert _decide(current_sentiment="negative")[2] == ("negative sentiment in this message",)


def test_a_positive_turn_breaks_the_negative_run():
    _, _, reasons = _decide(**_turns("negative", "negative", "positive", "negative"))
    assert reasons == ("negative sentiment in this message",)


def test_negative_run_length_comes_from_settings():
    settings = Settings(escalation_negative_turns=2)
    _, _, reasons = _decide(settings, **_turns("negative", "negative"))
    assert reasons == ("negative sentiment for 2 turns",)


# ---- cue phrases ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text, reason", [
    ("get me your MANAGER now", "asked for a manager"),
    ("i want to speak to a supervisor about BW-104233", "asked for a manager"),
    ("can i talk to a human pls", "asked for a human"),
    ("is there a real person there?? stop the bot", "asked for a human"),
    ("please escalate this", "asked to escalate"),
])
def test_asking_for_a_manager_or_human_always_escalates(text, reason):
    escalate, score, reasons = _decide(text=text)
    assert escalate and score == 1.0
    assert reasons == (reason,)


@pytest.mark.parametrize("text", [
    "my lawyer will be in touch", "I'll sue you for this", "if you don't fix this I'm going to sue",
    "I'm filing a chargeback", "disputing the charge with my bank tomorrow", "reporting you to Trading Standards",
    "complaint going to the BBB", "taking this to small claims court", "I will report you to the Better Business Bureau",
])
def test_legal_threats_always_escalate(text):
    escalate, _, reasons = _decide(text=text)
    assert escalate
    assert reasons[0].startswith("legal threat (“")


@pytest.mark.parametrize("text", [
    "I don't need a manager, just tell me where my parcel is",
    "not a lawyer but isn't that illegal lol",
    "Sue from your returns team was lovely",
    "the kettle's charge light doesn't come on",
])
def test_negated_or_unrelated_words_are_not_cues(text):
    assert _decide(text=text) == (False, 0.0, ())


@pytest.mark.parametrize("text", ["cancel my account, I'm done", "close my account please",
                                  "never shopping here again", "I'll take my business elsewhere"])
def test_cancellation_threat_adds_weight_but_alone_does_not_escalate(text):
    escalate, score, reasons = _decide(text=text)
    assert (escalate, score) == (False, 0.4)
    assert reasons[0].startswith("cancellation threat")


def test_cancelling_an_order_is_not_a_cancellation_threat():
    assert _decide(text="can I cancel my order BW-104233?") == (False, 0.0, ())


def test_cancellation_threat_with_a_negative_run_escalates():
    escalate, _, reasons = _decide(text="close my account", **_turns("negative", "negative", "negative"))
    assert escalate
    assert reasons == ("cancellation threat (“close my account”)", "negative sentiment for 3 turns")


def test_saying_they_contacted_us_before_is_a_reason():
    _, score, reasons = _decide(text="this is the 3rd time I'm asking!!")
    assert (score, reasons) == (0.15, ("says they contacted us before (“3rd time”)",))


# ---- customer history ----------------------------------------------------------------------------


@pytest.mark.parametrize("tier, expected", [("vip", ("VIP customer",)), ("gold", ("gold-tier customer",)),
                                             ("silver", ()), ("standard", ())])
def test_tier(tier, expected):
    assert _decide(customer_tier=tier)[2] == expected


@pytest.mark.parametrize("days, expected", [
    ([7], ("repeat contact within 7 days",)),
    ([8], ()),
    (3.5, ("repeat contact within 7 days",)),
    ([1, 4, 30], ("3 contacts within 7 days",)),
    (None, ()),
    ([], ()),
])
def test_repeat_contact_window(days, expected):
    assert _decide(recent_contacts_days=days)[2] == expected


def test_repeat_window_comes_from_settings():
    assert _decide(Settings(escalation_repeat_days=14), recent_contacts_days=[10])[2] == (
        "repeat contact within 14 days",)


# ---- intent --------------------------------------------------------------------------------------


def test_intent_confidence_below_the_minimum_is_reported_with_its_value():
    assert _decide(intent_label="Other", intent_confidence=0.31)[2] == ("low intent confidence (0.31)",)


def test_intent_confidence_at_the_minimum_is_not_low():
    assert _decide(intent_label="Other", intent_confidence=0.45)[2] == ()


def test_confident_escalation_request_intent_escalates():
    escalate, _, reasons = _decide(intent_label="Escalation Request", intent_confidence=0.82)
    assert escalate and reasons == ("escalation requested (intent, 0.82)",)


def test_unsure_escalation_request_intent_does_not_escalate_alone():
    assert _decide(intent_label="Escalation Request", intent_confidence=0.3)[0] is False


def test_complaint_intent_adds_a_little():
    assert _decide(intent_label="Complaint", intent_confidence=0.9)[1:] == (0.1, ("complaint",))


# ---- emotions ------------------------------------------------------------------------------------


@pytest.mark.parametrize("emotions, expected", [
    ({"anger": 0.7}, ("strong anger",)),
    ({"anger": 0.69}, ("anger",)),
    ({"anger": 0.39}, ()),
    ({"frustration": 0.7}, ("strong frustration",)),
    ({"frustration": 0.69}, ()),
    ({"urgency": 0.8}, ("urgent",)),
    ({"gratitude": 0.9, "confusion": 0.9}, ()),
])
def test_emotion_thresholds(emotions, expected):
    assert _decide(emotions=emotions)[2] == expected


# ---- combining -----------------------------------------------------------------------------------


def test_score_exactly_at_the_threshold_escalates():
    escalate, score, _ = _decide(customer_tier="vip", **_turns("negative", "negative", "negative"))
    assert (escalate, score) == (True, 0.6)


def test_score_just_below_the_threshold_does_not_escalate():
    escalate, score, _ = _decide(recent_contacts_days=[2], **_turns("negative", "negative", "negative"))
    assert (escalate, score) == (False, 0.55)


def test_threshold_comes_from_settings():
    assert _decide(Settings(escalation_threshold=0.5), recent_contacts_days=[2],
                   **_turns("negative", "negative", "negative"))[0] is True


def test_score_is_capped_at_one_and_reasons_are_strongest_first():
    escalate, score, reasons = _decide(
        text="third time asking, close my account", customer_tier="vip", recent_contacts_days=[1, 2],
        **_turns("negative", "negative", "negative"), emotions={"anger": 0.9, "frustration": 0.9}, intent_label="Complaint", intent_confidence=0.8)
    assert escalate and score == 1.0
    assert reasons[0].startswith("cancellation threat")
    assert reasons[-1] == "complaint"
    assert len(reasons) == 8
