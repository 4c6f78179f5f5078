"""Session 43 (candidate 43-9): a name spelled with a spelling alphabet of any language, letter words and bare letters
mixed, is one PERSON span over the spelled run; codes spelled the same way and plain words stay readable."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_spelled_names
from services.adapters.local.pii_fast import RulesPiiDetector
from services.adapters.local.pii_presidio import PresidioPiiDetector


def names(rules: PresidioPiiDetector | RulesPiiDetector, text: str) -> list[str]:
    return [text[s.start:s.end] for s in rules.find(text) if s.kind == "PERSON"]


FOUND = [
    ("Agent: Wie ist Ihr Nachname?\nKunde: Lindqvist, L wie Ludwig, I, N, D wie Dora, Q wie Quelle, V, I, S, T\n"
     "Agent: Danke.", "L wie Ludwig, I, N, D wie Dora, Q wie Quelle, V, I, S, T"),
    ("Kunde: Hölzer, H wie Heinrich, O Umlaut, L, Z wie Zeppelin, E, R\nAgent: danke, Herr Hölzer",
     "H wie Heinrich, O Umlaut, L, Z wie Zeppelin, E, R"),
    ("operatore: e il cognome?\ncliente: Bertolazzi, B come Bologna, E, R, T come Torino, O, L, A, Z, Z, I\n"
     "operatore: grazie", "B come Bologna, E, R, T come Torino, O, L, A, Z, Z, I"),
    ("agent : votre nom de famille ?\nclient : Marchetti, M comme Marcel, A, R, C comme Célestin, H, E, T, T, I\n",
     "M comme Marcel, A, R, C comme Célestin, H, E, T, T, I"),
    ("agent: can you spell the surname\ncaller: yeah it's pemberton, p as in peter e m b as in bravo e r t o n\n"
     "agent: thanks", "p as in peter e m b as in bravo e r t o n"),
    ("caller: okonjo, o for oscar, k for kilo, o, n for november, j, o\nagent: and the first name",
     "o for oscar, k for kilo, o, n for november, j, o"),
    ("konsultant: proszę przeliterować nazwisko\nklient: Z jak Zofia, I jak Irena, E, L, I, Ń, S, K, A\n",
     "Z jak Zofia, I jak Irena, E, L, I, Ń, S, K, A"),
    ("cliente: Tomás Ibarra, el apellido i, be, a, erre, erre, a\nagente: gracias señor Ibarra",
     "i, be, a, erre, erre, a"),
]


@pytest.mark.parametrize(("text", "name"), FOUND)
def test_a_spelled_name_is_one_person(rules: PresidioPiiDetector, text: str, name: str) -> None:
    assert name in names(rules, text)


@pytest.mark.parametrize(("text", "name"), FOUND[:3])
def test_the_rules_only_detector_finds_them_too(text: str, name: str) -> None:
    assert name in names(RulesPiiDetector(), text)


KEPT = [
    # a code spelled the same way: a code's word is the nearer cue and the letters spell no word of the message
    "agent: and the booking reference?\ncaller: K wie Kaufmann, X, T wie Theodor, Q, P\nagent: danke",
    "caller: the postcode is b as in bravo, t, s, seven\nagent: thanks",
    # a UPI id read with a number right after the letters
    "caller: it should be r a m e s h k one nine four eight at ok axis, my brother ramesh",
    # English prose with single letters: no spelling word starts with its letter
    "caller: yeah w h y t e like the colour but with a y",
]


@pytest.mark.parametrize("text", KEPT)
def test_look_alikes_are_no_spelled_name(text: str) -> None:
    assert pii_spelled_names._names(text) == []


def test_a_long_message_is_read_fast() -> None:
    text = "a, b wie berta, c, " * 3000
    started = time.perf_counter()
    pii_spelled_names._names(text)
    assert time.perf_counter() - started < 1.0
