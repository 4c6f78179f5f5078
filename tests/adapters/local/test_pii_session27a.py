"""Session 22, fixer session27a (blind27: the everyday mix).

What the local detector must mask — a bank account of 8-13 digits after "account" in a message about a bank, a
driving licence number of letters and digits after the licence's name (en/de/fr), an Australian CRN with its letter, a
person's Philippine TIN, passport numbers in the lines after "passport", the last four of a social after the question,
an Irish address with an Irish-language street word, a postcode spelt in the phonetic alphabet, lower-case names in
brackets after a role, a baby's name, "Ma." before a Philippine name, a given name before a middle name, a date of a
birth year right after a name — and what it must leave unmasked: a utility's account number, a plate after a licence
cue, a firm's TIN, a card's last four, cities on a trip's route, a place after a
business, a brand before what it makes, a show's title on a streaming profile, the capitals of a booking code, an
order date after a name. Every sentence is new (none is the batch's).
"""

from __future__ import annotations

import pytest

from tests.adapters.local.pii_support import masked, touched


@pytest.mark.parametrize(("text", "value"), [
    ("Please stop cheque 000377 drawn on my account 4409182736615, it was stolen.", "4409182736615"),
    ("Caller: my licence number? one sec... it's S530-7721-0048, Wisconsin.", "S530-7721-0048"),
    ("My online banking is locked — can you reset it? Tobias Wainwright, 1987/11/02", "1987/11/02"),
    ("DL no: W4417-22093-81 (WI), expires next year", "W4417-22093-81"),
    ("Mein Führerschein (Nummer J81KT4C9902) wurde am Schalter nicht akzeptiert.", "J81KT4C9902"),
    ("Centrelink CRN 218 447 903B, please update my pension concession", "218 447 903B"),
    ("Name: Rosario Dimaculangan\nTIN: 118-903-447-000\nPlease update my records", "118-903-447-000"),
    ("For the visa we need the passport numbers first? Here: EC4418907 (me) and EB3301726 (my wife).", "EB3301726"),
    ("Agent: Can you confirm the last four of your social?\nCaller: 8 1 2 6", "8 1 2 6"),
    ("Agent: and the last four of his social?\nCaller: five one, two seven", "five one, two seven"),
    ("Please deliver to 7 Bóthar an Chláir, Ennis, Co. Clare V95 K2T8 after six.", "7 Bóthar an Chláir, Ennis"),
    ("Our house is 21 Radharc na Mara, Salthill, beside the school.", "21 Radharc na Mara, Salthill"),
    ("Agent: and the postcode?\nCaller: it's Whiskey Foxtrot nine, two Lima Romeo.", "Whiskey Foxtrot nine, two Lima Romeo"),
    ("Our landlord (claire castellanos) still has the deposit.", "claire castellanos"),
    ("Please add our newborn Anouk to the family plan.", "Anouk"),
    ("Salamat po! - Ma. Lourdes Tabangcura", "Ma. Lourdes Tabangcura"),
    ("Add the infant to PNR 7YH2QA — Thomasina Rose Akintola, born 3 March 2026.", "Thomasina Rose Akintola"),
    ("I can't log in, help. Oluwaseun Adeyemi-Clarke, 14 July 1988", "14 July 1988"),
])
def test_new_personal_data_is_masked(tagged, text, value):
    assert masked(tagged, text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("Your gas account 118209377410 shows a deposit you hold, please refund it", "118209377410"),
    ("The licence plate on the hire car is KD71 XPR, the bumper was already scratched.", "KD71 XPR"),
    ("Invoice from Batangas Agri Trading Inc., TIN 201-554-887-000, for the March delivery", "201-554-887-000"),
    ("Agent: the last four of your card?\nCaller: 2 2 0 9", "2 2 0 9"),
    ("Any one-way fee from Townsville to Mackay for a campervan?", "Townsville"),
    ("Any one-way fee from Townsville to Mackay for a campervan?", "Mackay"),
    ("My claim at Kauvery Hospital, Trichy, is still pending.", "Trichy"),
    ("The box said Dyson but the hairdryer inside is a cheap copy, a fake Dyson airwrap.", "Dyson"),
    ("The Gaggia espresso machine came with a cracked tank, and a fake Braun toothbrush too.", "Braun"),
    ("The kids profile keeps showing Peaky Blinders in recommendations.", "Peaky Blinders"),
    ("Agent: and the booking code?\nCaller: KMZ4PR.", "KMZ"),
    ("Thanks, Imogen Sutcliffe, order placed 22/11/2026.", "22/11/2026"),
    ("I called anna this morning about the refund.", "this morning"),
])
def test_look_alikes_stay_unmasked(tagged, text, value):
    assert not touched(tagged, text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("Transfer from Priya to Ahmed bounced on the trip fund.", "Priya"),
    ("Thanks, Imogen Sutcliffe, order placed 22/11/2026.", "Imogen Sutcliffe"),
    ("My profile is showing Tunde Bakare as the account holder, not me.", "Tunde Bakare"),
    ("I sent a transfer from Nomvula to Thandiwe and it bounced.", "Thandiwe"),
    ("Thanks to the team at Sunrise Clinic, Nomsa was so kind to my dad.", "Nomsa"),
])
def test_names_stay_masked(tagged, text, value):
    assert masked(tagged, text, value)
