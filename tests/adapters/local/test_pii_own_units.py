"""Session 33 (issue 21): the writer's own flat or door number given alone is masked as an address; a neighbour's
number, a place in a queue and numbers that are no door stay readable."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_own_units
from services.adapters.local.pii_presidio import PresidioPiiDetector


@pytest.fixture(scope="module")
def detector() -> PresidioPiiDetector:
    return PresidioPiiDetector(crf=True, person_check=True)


def masked(detector: PresidioPiiDetector, text: str, value: str) -> bool:
    """Is every character of the value's last occurrence masked?"""
    start = text.rindex(value)
    spans = detector.find(text)
    return all(any(s.start <= i < s.end for s in spans) for i in range(start, start + len(value)))


def touched(detector: PresidioPiiDetector, text: str, value: str) -> bool:
    start = text.index(value)
    return any(s.start < start + len(value) and start < s.end for s in detector.find(text))


@pytest.mark.parametrize(("text", "own"), [
    ("Just Eat - the rider left my food at flat 4 instead of flat 14 again", "flat 14"),
    ("the courier left my parcel at number 12 instead of 21, pls sort", "21"),
    ("oye el repartidor dejó el paquete en el portal equivocado, yo vivo en el número 22", "número 22"),
    ("O carteiro deixou meu pacote no vizinho do nº 32, mas eu moro no nº 23", "nº 23"),
    ("Il rider di Deliveroo ha consegnato al civico sbagliato, io sto al civico 7", "civico 7"),
    ("Hola, soy Carmen, la inquilina del 3º B, el grifo gotea otra vez", "3º B"),
    ("hey this is jun from flat 4B, the heating is off again", "flat 4B"),
    ("Mein Paket ist beim falschen Haus gelandet. Ich wohne in Nr. 12, bitte neu zustellen.", "Nr. 12"),
    ("Kan fastighetsskötaren komma i veckan? Lägenhet 1102", "1102"),
    ("Subject: Lease renewal – Unit 4B\n\nHi, I'd like to renew for another year.", "Unit 4B"),
    ("Locataire : Mme Sophie Lambert, appartement 3B, loyer de novembre réglé.", "appartement 3B"),
])
def test_the_writers_own_unit_is_masked(detector: PresidioPiiDetector, text: str, own: str) -> None:
    assert masked(detector, text, own), [text[s.start:s.end] for s in detector.find(text)]


@pytest.mark.parametrize(("text", "kept"), [
    ("the courier left my parcel at number 12 instead of 21, pls sort", "number 12"),  # the neighbour's
    ("if im not in leave it with next door at no. 14 please", "no. 14"),
    ("O carteiro deixou meu pacote no vizinho do nº 32, mas eu moro no nº 23", "nº 32"),
    ("I'm at number 3 in the queue and it hasn't moved in an hour", "number 3"),
    ("I'm at 50% battery and the app keeps crashing", "50"),
    ("I'm in room 318 and the wifi is down", "318"),
    ("I'm in 2 minds about renewing, what's the price now?", "2"),
])
def test_other_numbers_stay_readable(detector: PresidioPiiDetector, text: str, kept: str) -> None:
    assert not touched(detector, text, kept), [text[s.start:s.end] for s in detector.find(text)]


def test_a_long_message_repeating_the_forms_stays_fast() -> None:
    text = "I live in flat 4, the rider left it at flat 5 instead of flat 6. soy Ana del 3º B. " * 2_000
    started = time.thread_time()
    found = list(pii_own_units.find_own_units(text))
    assert len(found) == pii_own_units.CAP
    assert time.thread_time() - started < 2.0
