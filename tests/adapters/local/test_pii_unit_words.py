"""Session 43 (43-3): one table of flat, unit, floor, staircase and door words for the three unit finders, so that
each knows what the others do: a unit written on to a street is inside its address (a Belgian box, a floor and door,
a floor before the unit), the writer's own unit alone an address (a Danish or Slovak subject line, a home with its
staircase); an office, a room, a gate, a floor alone or after the town, a neighbour's unit stay readable."""

from __future__ import annotations

import re

import pytest

from services.adapters.local import pii_unit_complements, pii_unit_tails, pii_unit_words
from services.adapters.local.pii_fast import RulesPiiDetector
from services.adapters.local.pii_presidio import PresidioPiiDetector


@pytest.fixture(scope="module")
def rules() -> RulesPiiDetector:
    return RulesPiiDetector()


def addresses(detector: PresidioPiiDetector | RulesPiiDetector, text: str) -> list[str]:
    return [text[s.start:s.end] for s in detector.find(text) if s.kind == "ADDRESS"]


WHOLE = [
    # a Belgian box number on a street named without a type word, then the postcode and town
    ("Goeiedag, de schoonmaakdienst komt nooit. Appartement Frankrijklei 88 bus 3, 2000 Antwerpen. Groeten",
     "Frankrijklei 88 bus 3, 2000 Antwerpen"),
    ("het waterlek in de badkamer van Groenplaats 9 bus 4, 2000 Antwerpen heeft ook de flat eronder beschadigd.",
     "Groenplaats 9 bus 4, 2000 Antwerpen"),
    # a floor and door after a street named without a type word, the town with "de" in it
    ("Chámovos por un problema co contador na miña casa, Rúa do Hórreo 74, 2º D, Santiago de Compostela. Grazas.",
     "Rúa do Hórreo 74, 2º D, Santiago de Compostela"),
    ("a partir de abril el alquiler del piso de Txurruka kalea 7, 2º dcha, 48200 Durango sube según el IPC.",
     "Txurruka kalea 7, 2º dcha, 48200 Durango"),
    # the town after a door written with its dot
    ("Necesito la tarjeta sanitaria para mi madre. Vive en Avenida del Mediterráneo 112, 2º izq., Benidorm desde "
     "marzo.", "Avenida del Mediterráneo 112, 2º izq., Benidorm"),
    # a German floor after the house: "Vorderhaus 2. OG"
    ("Sehr geehrte Damen und Herren, die Heizung in der Sonnenallee 117, Vorderhaus 2. OG ist seit Montag kalt.",
     "Sonnenallee 117, Vorderhaus 2. OG"),
]


@pytest.mark.parametrize(("text", "value"), WHOLE)
def test_a_unit_written_on_to_its_street_is_inside_the_address(detector: PresidioPiiDetector,
                                                                rules: RulesPiiDetector, text: str, value: str) -> None:
    assert value in addresses(detector, text)
    assert value in addresses(rules, text)


ALONE = [
    ("Emne: Aflæsning af varmemålere – lejl. 2. tv\n\nKære beboer\nAflæsningen foretages tirsdag.", "lejl. 2. tv"),
    ("Vec: Výzva na úhradu nedoplatku – byt č. 15\n\nVážená pani Kováčová,\nprosíme o úhradu.", "byt č. 15"),
    ("Caro amministratore,\nsegnalo infiltrazioni nel mio appartamento (scala B, interno 9). Allego foto.",
     "interno 9"),
    ("Buongiorno, quando arriva la ripartizione dei lavori del tetto?\n\nFranca Bellini, scala B, int. 7",
     "int. 7"),
    ("Hallo Hausverwaltung, im Treppenhaus brennt kein Licht. Grüße aus der Wohnung 12, Familie Petrović", "Wohnung 12"),
    ("Guten Tag, bitte buchen Sie die Miete ab sofort ab. Wohnung Top 6, Mietvertrag MV-2019-448.", "Top 6"),
]


@pytest.mark.parametrize(("text", "value"), ALONE)
def test_the_writers_own_unit_alone_is_an_address(detector: PresidioPiiDetector, rules: RulesPiiDetector,
                                                  text: str, value: str) -> None:
    assert value in addresses(detector, text)
    assert value in addresses(rules, text)


def test_one_table_serves_the_three_finders() -> None:
    flat = re.compile(rf"(?i:{pii_unit_words.FLAT})")
    for word in ("stan", "кв.", "daire", "lejl.", "lok.", "porte", "Tür", "apto", "Whg"):
        assert flat.fullmatch(word), word
    # the words the tails know, the complements know too ("stan 9" after the writer's role)
    assert re.compile(pii_unit_complements._UNIT).fullmatch("stan 9")
    assert re.compile(pii_unit_tails._UNIT).fullmatch("lejl. 2. tv")


KEPT = [
    # a staircase alone, an office's suite signed, a room, a neighbour's flat
    "Das Licht im Stiegenhaus (Stiege 2, zwischen 3. und 4. Stock) ist kaputt.",
    "Best regards,\n\nDana Whitfield, Suite 400",
    "The meeting is in Room 12, Building 4, see you there.",
    "il rumore viene dal vicino dell'interno 5, non da noi.",
    "Pedimos 4471 unidades, 2º lote, Madrid confirma.",
    "Regards, Ops team, gate 14, platform 3, locker 22",
    "Top 10 reasons to visit Vienna. Top 5 will surprise you.",
]


@pytest.mark.parametrize("text", KEPT)
def test_look_alikes_stay_readable(detector: PresidioPiiDetector, rules: RulesPiiDetector, text: str) -> None:
    for value in ("Suite 400", "Room 12", "interno 5", "2º lote", "gate 14", "locker 22", "Stiege 2",
                  "Top 10", "Top 5"):
        if value in text:
            assert not any(value in a for a in addresses(detector, text)), value
            assert not any(value in a for a in addresses(rules, text)), value
