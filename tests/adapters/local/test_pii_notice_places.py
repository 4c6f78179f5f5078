"""Session 45 (candidate 45-1): a building named by its street and house number in a notice to its residents, owners or
customers (a lift's service, a water cut, meter reading, a branch's hours) is a kept PLACE, not an address; someone's
own address stays masked: a postcode after it, a flat in it, "I live in", a letter to one person, no notice at all."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_notice_places
from services.adapters.local.pii_fast import RulesPiiDetector
from services.models import PiiSpan


def _masked(spans: list[PiiSpan], text: str, value: str) -> bool:
    start = text.index(value)
    return any(s.start < start + len(value) and start < s.end for s in spans)


# (notice, the building kept)
_KEPT = [
    ("Liebe Bewohnerinnen und Bewohner,\nam Montag wird im Haus Goethestraße 14 die Heizung entlüftet (8–12 Uhr). "
     "Ihre Hausverwaltung", "Goethestraße 14"),
    ("Information till boende: hissen i trapphus Vasagatan 22 B är avstängd tisdag 8–15. Styrelsen", "Vasagatan 22 B"),
    ("Szanowni Mieszkańcy, informujemy, że 12 maja w budynku przy ul. Kwiatowej 15 nastąpi odczyt wodomierzy.",
     "ul. Kwiatowej 15"),
    ("Tisztelt Lakók! Értesítjük Önöket, hogy a Kossuth Lajos utca 8. épületében csütörtökön liftkarbantartás lesz.",
     "Kossuth Lajos utca 8."),
    ("Kære beboere\nI uge 12 maler vi trappen i opgangen Jagtvej 45. Bestyrelsen", "Jagtvej 45"),
    ("Уважаеми клиенти,\nот 1 март клонът ни на ул. „Граф Игнатиев“ 15 ще работи до 18:00.",
     "ул. „Граф Игнатиев“ 15"),
    ("Aviso aos condóminos\nInformamos que a limpeza da garagem do prédio Rua de Santa Catarina 210 será feita na "
     "segunda-feira.", "Rua de Santa Catarina 210"),
    ("Melding fra styret: vaskeriet i Thereses gate 35 er stengt mandag.", "Thereses gate 35"),
]

# (someone's own address, or no notice, masked; a notice of the same language whose building is kept)
_OWN = [
    ("Liebe Mieterinnen und Mieter, bitte senden Sie das Formular an die Hausverwaltung, Goethestraße 14, 10117 Berlin.",
     "Goethestraße 14", 0),
    ("Hej! Jag bor i trapphus Vasagatan 22 B och hissen är trasig igen.", "Vasagatan 22 B", 1),
    ("Kære beboere\nPakken til bestyrelsen skal afleveres i opgangen Jagtvej 45, 2200 København N.", "Jagtvej 45", 4),
    ("Sehr geehrter Herr Krause,\nim Haus Goethestraße 14 ist die Heizung ausgefallen, ich wohne dort seit 2019.",
     "Goethestraße 14", 0),
    ("Szanowni Mieszkańcy, informujemy, że od maja mieszkam w budynku przy ul. Kwiatowej 15 m. 4.", "ul. Kwiatowej 15",
     2),
]


@pytest.mark.parametrize(("text", "place"), _KEPT)
def test_building_in_a_notice_is_kept(detector, tagged, text, place):
    for finder in (detector, tagged, RulesPiiDetector()):
        assert not _masked(finder.find(text), text, place), (finder, place)


@pytest.mark.parametrize(("text", "address", "notice"), _OWN)
def test_own_address_stays_masked_where_a_notice_building_is_kept(detector, text, address, notice):
    assert _masked(detector.find(text), text, address)
    kept_text, kept = _KEPT[notice]
    assert not _masked(detector.find(kept_text), kept_text, kept)


def test_only_in_a_notice_and_after_a_building_word():
    text = "Dear residents, the lift in the building Hauptstraße 5 is out of order."
    start = text.index("Hauptstraße 5")
    span = PiiSpan("ADDRESS", start, start + len("Hauptstraße 5"), 0.9)
    assert pii_notice_places.drop_notice_places(text, [span]) == []
    for other in ("Hello, the lift in the building Hauptstraße 5 is out of order.",  # no notice
                  "Dear residents, please write to Hauptstraße 5 with your questions."):  # no building's word
        start = other.index("Hauptstraße 5")
        span = PiiSpan("ADDRESS", start, start + len("Hauptstraße 5"), 0.9)
        assert pii_notice_places.drop_notice_places(other, [span]) == [span]


def test_long_hostile_input_is_fast():
    text = "Dear residents, " + "im Haus Goethestraße 14 " * 2000 + "a" * 20000
    spans = [PiiSpan("ADDRESS", 16 + 24 * i + 3, 16 + 24 * i + 23, 0.9) for i in range(30)]
    started = time.perf_counter()
    pii_notice_places.drop_notice_places(text, spans)
    assert time.perf_counter() - started < 1.0
