"""Issue 21 item 1, session 15 (written with the detector's code in view, before blind batches 17–18 were scored):
a transcript's "Caller:" / "Client:" label cues a name as "Customer:" does; a lower-case subject opening a transcript
line ("Customer: refund is still missing") is not a name; a name ends at a lower-case word ("my neighbour Harrison
Ford parked across…"). The first and third tests fail on d14107a, and so does the second for "Customer:" lines."""

from __future__ import annotations

import pytest

from tests.adapters.local.pii_support import found


@pytest.mark.parametrize(("text", "name"), [
    ("Caller: tremaine o'brien, account 55120983", "tremaine o'brien"),
    ("Caller: shane doyle 07700 900456", "shane doyle"),
    ("Client: tremaine obrien, calling about the invoice", "tremaine obrien"),
])
def test_a_name_after_a_caller_or_client_label_is_masked(text, name):
    assert ("PERSON", name) in found(text)


@pytest.mark.parametrize("text", [
    "Customer: refund is still missing",
    "Customer: account is in my late father's name",
    "Caller: internet keeps dropping",
    "Caller: router wasn't even plugged in",
    "Client: invoice never arrived",
    "Customer: gift voucher 55120",  # a later word says what the number is
    "Caller: promo code SAVE10 didn't work",
])
def test_a_lower_case_subject_opening_a_transcript_line_is_not_a_name(text):
    assert not [v for k, v in found(text) if k == "PERSON"]


@pytest.mark.parametrize(("text", "name"), [
    ("Customer: shane, from Leeds", "shane"),  # a name not in our first-name list, no verb after it
    ("Customer: zhang wei 07700 900456", "zhang wei"),
    ("Agent: can I take your name?\nCustomer: tremaine", "tremaine"),
])
def test_a_lower_case_name_after_a_speaker_label_stays_masked(text, name):
    assert ("PERSON", name) in found(text)


@pytest.mark.parametrize(("text", "name"), [
    ("My neighbour Harrison Ford parked across my drive", "Harrison Ford"),
    ("my neighbour Dwayne Pike parked across my drive again", "Dwayne Pike"),
    ("my name is Ana maria Lopez", "Ana maria Lopez"),  # a lower-case word between capitalised ones stays inside
])
def test_a_capitalised_name_ends_at_a_lower_case_word(text, name):
    assert ("PERSON", name) in found(text)
