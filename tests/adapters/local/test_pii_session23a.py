"""Session 18's second round, fixer pii23fa (session 23a: blind23, social-media DMs and public replies).

Forms, written in new words: phone numbers cut by a line break (with or without a speaker label on the next line);
dates of birth after Turkish and Polish cues and right after a person's name; Turkish identity
numbers (with their check digits), Australian USIs and driver's licence numbers in digit groups; and guards:
look-alikes (a brand's speaker label, an IMEI, a Turkish customer number, a date of an appointment, a time on the
next line, years) that must stay unmasked or unmasked as personal data, made-up names that must stay masked.
"""

from __future__ import annotations

import pytest

from services.adapters.local.pii_presidio import PresidioPiiDetector


@pytest.fixture(scope="module")
def rules() -> PresidioPiiDetector:
    return PresidioPiiDetector()


def _kinds(detector: PresidioPiiDetector, text: str, value: str) -> set[str]:
    start = text.index(value)
    return {s.kind for s in detector.find(text) if s.start <= start and s.end >= start + len(value)}


def _touched(detector: PresidioPiiDetector, text: str, value: str) -> bool:
    start = text.index(value)
    return any(s.start < start + len(value) and start < s.end for s in detector.find(text))


@pytest.mark.parametrize(("text", "value", "kind"), [
    # a phone cut by a line break: both pieces
    ("Hi, can you call my cousin? her mobile is 0902\n553 7184 thanks", "0902", "PHONE"),
    ("oi, o telefone da minha tia é (31) 98876-\n2210", "(31) 98876-", "PHONE"),
    ("oi, o telefone da minha tia é (31) 98876-\n2210", "2210", "PHONE"),
    ("Agent: what number should we text?\nMe: 0803 419\nMe: 7726 oops", "7726", "PHONE"),
    ("ciao, il numero di mia sorella è 347 220\n8815", "347 220", "PHONE"),
    # dates of birth after a cue of Turkish, Polish, Portuguese, Dutch
    ("merhaba, babamın doğum tarihi 07.09.1949, randevu almak istiyoruz", "07.09.1949", "DOB"),
    ("proszę o receptę dla taty, ur. 14 marca 1950, dziękuję", "14 marca 1950", "DOB"),
    # a numeric date right after a name
    ("please add my husband Tremaine Oyelaran 04/11/1983 to the plan", "04/11/1983", "DOB"),
    ("policy holder Ngozika Abernethy, 17.02.1969. She lost her card", "17.02.1969", "DOB"),
    ("Agent: name and date of birth?\n[09:14] Client: Ngozika Abernethy\n[09:14] Client: 28/05/1977",
     "28/05/1977", "DOB"),
    # a family listed with dates of birth after the first one's
    ("hubby Tremaine Oyelaran 12-06-1984, sons Obinna 03-02-2015 and Zikora 19-10-2018", "03-02-2015", "DOB"),
    ("hubby Tremaine Oyelaran 12-06-1984, sons Obinna 03-02-2015 and Zikora 19-10-2018", "19-10-2018", "DOB"),
    # national numbers
    ("hat sahibi annem, TC 10000000146, raporunu istiyoruz", "10000000146", "NATIONAL_ID"),
    ("my daughter can't log in, her USI is 7QH2MX4LBT", "7QH2MX4LBT", "NATIONAL_ID"),
    ("renewing for my dad, licence number is 153 884 902, thanks", "153 884 902", "NATIONAL_ID"),
])
def test_session23a_forms_are_masked(rules: PresidioPiiDetector, text: str, value: str, kind: str) -> None:
    assert kind in _kinds(rules, text, value)


@pytest.mark.parametrize(("text", "value"), [
    # a brand's CamelCase name as a chat's speaker label, when the thread's handle begins with it
    ("Chat with @PetalPost:\nMe: hi, my parcel is late\nPetalPost: Sorry to hear that!", "PetalPost"),
    # an IMEI is a handset's serial, not a card
    ("the phone's IMEI, it's 490154203237518. claim CL-22013", "490154203237518"),
    # a Turkish customer number is a reference
    ("faturam yanlış, müşteri no 5521 9034 17", "5521 9034 17"),
    # a TC-looking run that fails the check digits, a year on one line and a time on the next
    ("ürün kodu TC 12345678901 stokta mı", "12345678901"),
    ("My contract started in 2019\n10:30 works for the call", "2019"),
])
def test_session23a_look_alikes_stay_unmasked(rules: PresidioPiiDetector, text: str, value: str) -> None:
    assert not _touched(rules, text, value)


@pytest.mark.parametrize(("text", "value"), [
    # an appointment date after a name is not a date of birth (a year too recent)
    ("booked Ngozika Abernethy 12/03/2099 for the scan", "12/03/2099"),
])
def test_session23a_recent_dates_are_not_births(rules: PresidioPiiDetector, text: str, value: str) -> None:
    assert "DOB" not in _kinds(rules, text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("Hi @QuickFix, my brother Oyelaran Tremaine needs help\nQuickFix: sure", "Oyelaran Tremaine"),
    ("DM from Ngozika: hi, chat with @NgozikaBakes\nNgozika: my order?", "Ngozika"),
])
def test_session23a_made_up_names_stay_masked(rules: PresidioPiiDetector, text: str, value: str) -> None:
    assert "PERSON" in _kinds(rules, text, value)
