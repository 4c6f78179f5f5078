"""Cards read out or typed in pieces, and their security codes, through the served detector (session 29,
privacy.said_payment_spans): each piece is a CARD span and the code a CVV span, so the masked copy, the analytics and
the eval-pii figures read them as payment data; what only looks like them stays as it was."""

from __future__ import annotations

import pytest


def _kinds(detector, text: str, value: str) -> set[str]:
    start = text.index(value)
    return {s.kind for s in detector.find(text) if s.start <= start and start + len(value) <= s.end}


CALL = ("agent: can you confirm the long card number please customer: yeah four five two seven two eight two zero "
        "customer: sorry hang on it's fallen out of the case customer: one zero five one five six zero nine "
        "agent: and the three digits on the back customer: nine oh one agent: thank you")


def test_both_halves_of_a_card_read_out_and_its_code_are_payment_data(tagged):
    # the first half was a PHONE before session 29 (dropped later as one), the code was not found at all
    assert _kinds(tagged, CALL, "four five two seven two eight two zero") == {"CARD"}
    assert _kinds(tagged, CALL, "one zero five one five six zero nine") == {"CARD"}
    assert _kinds(tagged, CALL, "nine oh one") == {"CVV"}


def test_a_card_typed_in_two_chat_lines_is_masked_whole(tagged):
    text = "Agent: Which card did you use?\nCustomer: 4080 1600\nCustomer: 6048 6831\nCustomer: sorry hit enter lol"
    assert _kinds(tagged, text, "4080 1600") == {"CARD"}
    assert _kinds(tagged, text, "6048 6831") == {"CARD"}


@pytest.mark.parametrize(("text", "value"), [
    ("rep: credit card services\nrep: and the zip\ncust: three oh three one eight", "three oh three one eight"),
    ("The CVV on my new card has rubbed off, can you send a new one? Card ends 0931.", "0931"),
    ("what are the last four digits of the card? caller: four four one two", "four four one two"),
])
def test_a_zip_or_the_last_digits_near_a_card_are_no_card_data(tagged, text: str, value: str):
    assert not _kinds(tagged, text, value) & {"CARD", "CVV"}
