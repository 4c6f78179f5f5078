"""Session 21 short round, fixer session27 (blind27, blind27b, blind27c).

What the local detector must mask — a bank account number in a national layout after its cue (Singapore 3-5-1 and
3-6-3, New Zealand 2-4-7-2/3, a Canadian account after a transit and an institution number, an 18-digit CLABE, a
10-digit NUBAN, a Brazilian "conta 12345-6") — and what it must leave unmasked: a day and a month abbreviation before a
city on a route ("22 Mar Perth to Darwin"), transcript speaker labels, a business named by its trade word ("Harrier
Mobile", "Bluewing Voyages", "Studio Dentistico Ferraro"), a code read aloud after a reference / tracking / IMEI cue;
with guards: made-up names stay masked, order numbers, amounts and sort codes alone stay unmasked. Every sentence is
new (none is the batch's).
"""

from __future__ import annotations

import pytest

from tests.adapters.local.pii_support import masked, touched


@pytest.mark.parametrize(("text", "value"), [
    ("Please send the payout to my OCBC account 541-20937-4 thanks", "541-20937-4"),
    ("UOB account number: 308-772140-915 for the refund", "308-772140-915"),
    ("refund into account 02-0500-0912345-02 please, Kiwibank", "02-0500-0912345-02"),
    ("Deposit details: transit 07319, institution 002, account 4418093.", "4418093"),
    ("Mi CLABE: 002180700123456789, para la devolución", "002180700123456789"),
    ("Kindly pay into NUBAN 0123984756 at GTBank", "0123984756"),
    ("Pode depositar na conta 88312-4, agência 0451", "88312-4"),
])
def test_bank_account_in_national_layout_is_masked(rules, text, value):
    assert masked(rules, text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("Flying 22 Mar Perth to Darwin with my brother", "Mar Perth"),
    ("speaker 1: hello there\nspeaker 2: hi it's about a parcel", "speaker"),
    ("You've reached Harrier Mobile, how can I help?", "Harrier Mobile"),
    ("The agency (Bluewing Voyages) moved my flight to Monday.", "Bluewing Voyages"),
    ("Buongiorno Studio Dentistico Ferraro, vorrei un appuntamento", "Studio Dentistico Ferraro"),
    ("agent: what's the tracking reference\ncustomer: four four one two oh nine seven", "four four one two oh"),
    ("agent: the IMEI please\ncaller: three five two one one oh eight eight four one", "three five two one"),
    ("Groeten, Femke. Mvg", "Mvg"),
])
def test_look_alikes_stay_unmasked(tagged, text, value):
    assert not touched(tagged, text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("My son Tremaine Oyelaran flies 22 Mar Perth to Cairns.", "Tremaine Oyelaran"),
    ("You've reached Harrier Mobile, Ngozika speaking, and my name is Ngozika Abernathy-Oyelaran",
     "Ngozika Abernathy-Oyelaran"),
    ("reference is 4471, and my mobile is oh seven seven oh oh nine double one four two three", "nine double one"),
])
def test_names_and_phones_stay_masked(tagged, text, value):
    assert masked(tagged, text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("My order 300-44821-7 has not arrived", "300-44821-7"),
    ("Sort code 20-45-77, and I paid £1,250.00 for it", "20-45-77"),
    ("Sort code 20-45-77, and I paid £1,250.00 for it", "£1,250.00"),
    ("booking ref 118-22093-4 for two nights", "118-22093-4"),
])
def test_reference_numbers_and_amounts_stay_unmasked(rules, text, value):
    assert not touched(rules, text, value)
