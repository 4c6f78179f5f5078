"""Session 30 (issue 21): a number the message itself calls a phone is masked in any country's layout; a number after
another field's label, a date after "tel." and a long reference are not phones. The positive cases fail on the code
before the pass (2ffa425): each of these phones stayed readable."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_phone_cues
from services.adapters.local.pii_presidio import PresidioPiiDetector
from tests.pii_rules_support import phones


@pytest.fixture(scope="module")
def detector() -> PresidioPiiDetector:
    return PresidioPiiDetector(crf=True, person_check=True)



@pytest.mark.parametrize(("text", "phone"), [
    ("Hei, vi ønsker å si opp avtalen fra 1. mars.\n\nMed vennlig hilsen\nSolveig Bakke\nMobil: 917 44 208",
     "917 44 208"),
    ("Hej, fakturaen er betalt.\nVenlig hilsen\nJens Holm\nTlf. 27 41 90 63", "27 41 90 63"),
    ("Beste klantenservice,\nmijn nieuwe adres staat hieronder.\nTelefoon: 030 - 266 41 87\nGroet, Ruud",
     "030 - 266 41 87"),
    ("Dzień dobry, proszę o kontakt.\nAnna Wójcik\nDział Kadr\ntel. 12 611 40 22 wew. 17", "12 611 40 22 wew. 17"),
    ("Agent: May I have the registered mobile number?\nCustomer: 9845 221 370\nAgent: Thank you", "9845 221 370"),
    ("name=Ana+Ruiz&email=ana.ruiz%40example.com&phone=%2B34%20611%20204%20875&msg=hola", "%2B34%20611%20204%20875"),
])
def test_a_number_the_message_calls_a_phone_is_masked(detector: PresidioPiiDetector, text: str, phone: str) -> None:
    assert phone in phones(detector, text)


@pytest.mark.parametrize(("text", "expected"), [
    # a form: the line after the phone's is another field, not an answer
    ("Name: Dana Wells\nPhone: 0161 496 0011\nAccount number: 7730 1128 904\nSubject: meter reading",
     ["0161 496 0011"]),
    # a date after a phone's cue
    ("Wir haben Ihr Schreiben erhalten (Tel. 12.03.2024 besprochen).", []),
    # more digits than any phone
    ("my no 4401 8829 1034 5567 2290 is the tracking number", []),
])
def test_other_numbers_after_a_phone_word_are_not_phones(detector: PresidioPiiDetector, text: str,
                                                        expected: list[str]) -> None:
    assert phones(detector, text) == expected


def test_hostile_input_stays_linear() -> None:
    for unit in ("tel. 1 ", "1 ", "phone?\nA: 1", "&phone=%2B1", "mobil (1) 1-"):
        text = unit * (200_000 // len(unit))
        start = time.thread_time()
        pii_phone_cues.find_phones_by_cue(text)
        assert time.thread_time() - start < 5
