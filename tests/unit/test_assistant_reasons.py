"""Every reason the assistant hands over for is counted under one code by the analytics (services/assistant.py
REASONS): a reason whose wording changed without its code would drop out of the supervisors' handover counts."""

from __future__ import annotations

from services.assistant import REASON_LABELS, REASONS, decide, handover_reasons
from services.config import Settings
from services.models import Analysis, Escalation, Intent, Sentiment


def test_every_handover_reason_starts_with_the_text_of_exactly_one_code():
    upset = Analysis(Intent("Escalation Request", 0.1), Sentiment("negative", {"negative": 0.99}), {}, (), (),
                     "let me talk to a real person", "en", Escalation(True, 0.9, ("angry",)), (), (), "local", {}, True)
    reasons = list(handover_reasons(upset, Settings(), answered_before=5))
    calm = Analysis(Intent("Order Status", 0.95), Sentiment("neutral", {"negative": 0.1}), {}, (), (), "hello", "en",
                    Escalation(False, 0.1, ()), (), (), "local", {}, False)
    reasons += decide(calm, Settings()).reasons  # nothing grounded to say
    reasons.append("the message could not be analysed")  # assistant.respond's own
    assert len(reasons) == 8
    codes = [[code for code, text in REASONS.items() if reason.startswith(text)] for reason in reasons]
    assert all(len(found) == 1 for found in codes), list(zip(reasons, codes, strict=True))
    assert {found[0] for found in codes} == set(REASONS) == set(REASON_LABELS)
