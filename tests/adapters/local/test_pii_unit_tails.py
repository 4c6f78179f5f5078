"""Session 42 (42-1): a flat, unit, floor or door written on to a found street address is masked with it, and the
customer's home unit named alone after a word that makes it theirs is an address; a neighbour's unit, a staircase or
a floor alone and a phone's extension stay readable."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_unit_tails
from services.adapters.local.pii_fast import RulesPiiDetector
from services.adapters.local.pii_presidio import PresidioPiiDetector
from services.models import PiiSpan


@pytest.fixture(scope="module")
def detector() -> PresidioPiiDetector:
    return PresidioPiiDetector()


@pytest.fixture(scope="module")
def rules() -> RulesPiiDetector:
    return RulesPiiDetector()


def one_span(detector: PresidioPiiDetector | RulesPiiDetector, text: str, value: str) -> bool:
    """Is the value inside one ADDRESS span?"""
    start = text.index(value)
    return any(s.kind == "ADDRESS" and s.start <= start and start + len(value) <= s.end for s in detector.find(text))


def touched(detector: PresidioPiiDetector | RulesPiiDetector, text: str, value: str) -> bool:
    start = text.index(value)
    return any(s.kind == "ADDRESS" and s.start < start + len(value) and start < s.end for s in detector.find(text))


GROWN = [
    ("Поштовани,\nмолим исправку рачуна за струју, ЕД број 2004418877. Власник бројила: Милан Јовић, ЈМБГ "
     "1403988713490, Булевар краља Александра 73, стан 12, Нови Сад. Хвала",
     "Булевар краља Александра 73, стан 12, Нови Сад"),
    ("Hei Kari,\nleiekontrakten for Markveien 35, leilighet H0204, 0554 Oslo avsluttes 30. juni. Depositumet på kr "
     "28 000 står på depositumskontoen.", "Markveien 35, leilighet H0204, 0554 Oslo"),
    ("Spoštovani,\nsporočam stanje vodomera za stanovanje Prešernova ulica 12, stanovanje 7, 4000 Kranj: 190 m³, "
     "števec št. SN 40911235. Prosim tudi za predračun.", "Prešernova ulica 12, stanovanje 7, 4000 Kranj"),
    ("Betreff: Nebenkostenabrechnung 2024 – Lindenstraße 22, Whg. 8\n\nSehr geehrte Frau Becker,\n\nin der Abrechnung "
     "wird der Hausmeister doppelt berechnet.\n\nMit freundlichen Grüßen\nJonas Weber", "Lindenstraße 22, Whg. 8"),
    ("배송지를 서울특별시 마포구 월드컵북로 210, 1502호로 바꿔주세요. 연락처 010-5521-3390", "월드컵북로 210, 1502호"),
    ("Sehr geehrter Herr Notar,\n\nwir bestätigen den Termin für den Kaufvertrag über die Wohnung Top 9, "
     "Kaiserstraße 41, 1070 Wien am 3. März um 10:00 Uhr.", "Top 9, Kaiserstraße 41, 1070 Wien"),
]

ALONE = [
    ("Sehr geehrte Frau Mag. Wagner,\n\nbezüglich Ihrer Wohnung Top 5: die Reparatur des Aufzugs in Stiege 1 wird aus "
     "der Rücklage bezahlt.", "Top 5"),
    ("Dobrý den, pane Nováku,\n\nposílám stavy vodoměrů k 31. 12. za byt č. 8:\nSV 0418823: 114,37 m³", "byt č. 8"),
    ("Panie Marku,\nodczyt podzielników w lokalu nr 9 za sezon 2023/24 wykazał 98,2 m³ zużycia wody.", "lokalu nr 9"),
    ("Κύριε διαχειριστή,\n\nστα κοινόχρηστα Μαρτίου για το διαμέρισμα Β3 χρεώνομαι 120,40 € για θέρμανση.",
     "διαμέρισμα Β3"),
    ("Tisztelt Közös Képviselő Úr!\n\nA 7-es lakás tulajdonosaként jelzem, hogy a lift két hete nem működik.",
     "7-es lakás"),
    ("Gentile Sig. Bianchi,\n\ndal rendiconto approvato risulta a carico del Suo interno 4 un conguaglio di 210,50 €.",
     "interno 4"),
]


@pytest.mark.parametrize(("text", "value"), GROWN + ALONE)
def test_the_unit_is_inside_the_address(detector: PresidioPiiDetector, text: str, value: str) -> None:
    assert one_span(detector, text, value)


@pytest.mark.parametrize(("text", "value"), [GROWN[0], GROWN[1], GROWN[2], GROWN[3], GROWN[4], GROWN[5], *ALONE[1:5]])
def test_the_rules_only_detector_too(rules: RulesPiiDetector, text: str, value: str) -> None:
    assert one_span(rules, text, value)


@pytest.mark.parametrize(("text", "value"), [
    # a neighbour's unit
    ("Salve, il pacco è stato consegnato al vicino dell'interno 6 senza il mio consenso. Io abito in Via Roma 48.",
     "interno 6"),
    # a staircase after the unit and another flat named in passing
    ("Gentile Amministratore,\n\nsegnalo infiltrazioni dal tetto nel mio appartamento, interno 9, scala B. Anche "
     "l'interno 12 ha lo stesso problema da gennaio.", "scala B"),
    ("Gentile Amministratore,\n\nsegnalo infiltrazioni dal tetto nel mio appartamento, interno 9, scala B. Anche "
     "l'interno 12 ha lo stesso problema da gennaio.", "interno 12"),
    # a floor alone after the whole address
    ("Hallo, seit Montag kein Internet. Bitte Techniker schicken an Kastanienallee 12, 10435 Berlin, Hinterhaus 2. OG. "
     "Gruß Lena", "Hinterhaus 2. OG"),
    # a phone's extension, a room and a gate
    ("Cordiali saluti,\nUfficio Acquisti\nTel. 035 442 1876 int. 214", "int. 214"),
    ("The interview is in room 12 on the second floor, then gate 4 for parking.", "room 12"),
])
def test_look_alikes_stay_readable(detector: PresidioPiiDetector, text: str, value: str) -> None:
    assert not touched(detector, text, value)


def test_a_phone_in_the_way_stops_the_growth() -> None:
    text = "Gartenstraße 9, Whg. 4"
    spans = [PiiSpan("ADDRESS", 0, 14, 0.85), PiiSpan("PHONE", 16, 22, 0.9)]
    assert pii_unit_tails.with_unit_tails(text, spans) == spans


def test_long_input_is_fast() -> None:
    text = ("Hauptstraße 12, Whg. 4, Top 5, Tür 3, " * 2000) + ", interno 9" * 2000
    spans = [PiiSpan("ADDRESS", i * 38, i * 38 + 14, 0.85) for i in range(200)]
    started = time.perf_counter()
    pii_unit_tails.with_unit_tails(text, spans)
    assert time.perf_counter() - started < 2.0


# 42-6 (42-1 looked at again): the town after the unit read whole, in any script, and a street without a type word
# before a designated unit and a town
TOWN_AFTER_UNIT = [
    ("Поштовани, рачун за воду за Улица краља Петра 18, стан 7, 11000 Београд није тачан. Хвала",
     "Улица краља Петра 18, стан 7, 11000 Београд"),
    ("Молим вас, закупац сам стана у Његошевој 21, стан 3, Крагујевац, и кирију плаћам уредно.",
     "Његошевој 21, стан 3, Крагујевац"),
    ("Dobrý deň, prosím o vyúčtovanie za Štúrova 7, byt č. 22, 949 01 Nitra do konca mesiaca.",
     "Štúrova 7, byt č. 22, 949 01 Nitra"),
    ("Poštovani, za stan u Ilica 214, stan 5, Zagreb plaćam redovito.", "Ilica 214, stan 5, Zagreb"),
    ("Endereço de entrega: Rua Augusta 1024, apto 81, Consolação, São Paulo - SP. Obrigado",
     "Rua Augusta 1024, apto 81, Consolação, São Paulo - SP"),
    ("Oi, eu moro na Rua das Flores, 310, ap 12 - Centro, Curitiba, desde maio.",
     "Rua das Flores, 310, ap 12 - Centro, Curitiba"),
    ("Buenas, es Calle Durango 88, int. 4, Col. Roma Norte, Cuauhtémoc, CP 06700, CDMX. Saludos",
     "Calle Durango 88, int. 4, Col. Roma Norte, Cuauhtémoc, CP 06700, CDMX"),
    ("Buongiorno, per l'immobile in via Volta 12, int. 3, Como, il canone è invariato.", "via Volta 12, int. 3, Como"),
    ("Vivo en Pasaje Las Acacias 221, depto 12, Ñuñoa desde marzo.", "Pasaje Las Acacias 221, depto 12, Ñuñoa"),
]


@pytest.mark.parametrize(("text", "value"), TOWN_AFTER_UNIT)
def test_the_town_after_the_unit_is_read_whole(detector: PresidioPiiDetector, text: str, value: str) -> None:
    assert one_span(detector, text, value)


@pytest.mark.parametrize(("text", "value"), TOWN_AFTER_UNIT[::2])
def test_the_town_after_the_unit_in_the_rules_only_detector(rules: RulesPiiDetector, text: str, value: str) -> None:
    assert one_span(rules, text, value)


@pytest.mark.parametrize(("text", "value"), [
    # numbered things that are no street, before a unit and a town
    ("Please quote Order 4471, flat 3, London on the invoice.", "Order 4471"),
    ("The talk is in Room 12, Suite 4, Hilton Garden.", "Room 12"),
    ("Stiege 2, Top 14, Wien ist unsere Adresse.", "Stiege 2"),
    ("Ref: Invoice 2231, Unit 4, Leeds", "Invoice 2231"),
    # a name after the town
    ("Vivo en Pasaje Las Acacias 221, depto 12, Ñuñoa, Camila Rojas me lo recibe.", "Camila Rojas"),
])
def test_no_street_and_no_name_after_the_town(detector: PresidioPiiDetector, text: str, value: str) -> None:
    assert not touched(detector, text, value)


def test_a_name_after_the_town_stays_a_name(detector: PresidioPiiDetector) -> None:
    text = "Vivo en Pasaje Las Acacias 221, depto 12, Ñuñoa, Camila Rojas me lo recibe."
    assert ("PERSON", "Camila Rojas") in [(s.kind, text[s.start:s.end]) for s in detector.find(text)]
