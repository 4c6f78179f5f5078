"""Session 45 (candidate 45-8): a district, a neighbourhood, a station, an airport, a mall, a shop's branch or a
landmark that the message's own words tell as a place (a landmark's preposition, a place's word closing or opening
it, a route of a journey, a Turkish locative, a chain of places, a chain store and its suburb, the same words told as
a place elsewhere) is a kept PLACE, not a person; names after the same words, a first name after a landmark's
preposition, a town in someone's address and a route of no journey stay masked."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_place_cues
from services.adapters.local.pii_fast import RulesPiiDetector
from services.adapters.local.pii_presidio import PresidioPiiDetector
from services.models import PiiSpan


def _person(text: str, value: str) -> PiiSpan:
    start = text.index(value)
    return PiiSpan("PERSON", start, start + len(value), 0.9)


def _masked(spans: list[PiiSpan], text: str, value: str) -> bool:
    start = text.index(value)
    return any(s.start < start + len(value) and start < s.end for s in spans)


# (text, the span the NER model or the tagger reads as a person)
_PLACES = [
    ("Rider: which gate?\nCustomer: blue gate, opposite Mama Cass, I'm outside now", "Mama Cass"),
    ("Agent: any landmark near you?\nCustomer: behind Sahara mall", "behind Sahara mall"),
    ("Pedí un Uber y me dejó frente al metro Ñuble, no en mi casa", "Ñuble"),
    ("umeme umekatika tangu jana jioni hapa Kahawa West, tumepiga simu mara tatu", "jana jioni hapa Kahawa West"),
    ("@LebnetHelp ma fi internet bel Achrafieh men yomein!!", "Achrafieh"),
    ("mera card ATM ne kha liya Gulberg wali branch pe, ab kya karun", "Gulberg"),
    ("Il treno delle 9 è fermo a Roma Termini da un'ora, nessun annuncio", "Roma Termini"),
    ("Hei, kofferten ble borte på flyet fra Gardermoen til Bergen i går.", "Gardermoen"),
    ("@SNCF encore un TGV supprimé ce matin à Lyon Part-Dieu, merci pour rien", "Lyon Part-Dieu"),
    ("Zählerstand 28.417 kWh, bitte Abschlag anpassen.\n\nGrüße aus Leipzig", "Leipzig"),
    ("@TurkNetDestek fiber 2 gündür yok, Kadıköy Moda'da kimse çalışmıyor mu", "Kadıköy Moda'da"),
    ("@IndiHomeCare internet mati dari pagi di Perumahan Griya Asri Bekasi, tolong dicek", "Perumahan Griya Asri Bekasi"),
    ("Good morning, no electricity in Ferndale, Randburg since 14:00 yesterday. Ref CP-2291", "Randburg"),
    ("the parcel locker at Coles Chadstone won't open, code 883104", "Coles Chadstone"),
    ("Buongiorno, scrivo dal Canton Ticino: la fattura riporta l'IVA due volte", "Canton Ticino"),
    ("Kære borgere i Hedensted\nHusk storskrald søndag.\nHedensted Kommune, Affald", "Hedensted"),
]


@pytest.mark.parametrize(("text", "place"), _PLACES)
def test_a_place_told_by_the_message_is_dropped(text: str, place: str) -> None:
    assert pii_place_cues.drop_place_persons(text, [_person(text, place)]) == []


@pytest.mark.parametrize(("text", "place"), [_PLACES[i] for i in (0, 1, 3, 4, 5, 8, 9, 10, 11, 12, 13, 14)])
def test_the_default_detector_keeps_the_place(tagged: PresidioPiiDetector, text: str, place: str) -> None:
    core = place.split("hapa ")[-1].removeprefix("behind ")
    assert not _masked(tagged.find(text), text, core)


@pytest.mark.parametrize(("text", "place"), [_PLACES[i] for i in (1, 5, 9, 15)])
def test_the_rules_only_detector_drops_the_place(text: str, place: str) -> None:
    span = _person(text, place)
    spans = RulesPiiDetector().find(text)
    assert pii_place_cues.drop_place_persons(text, [span]) == []
    assert all(s.kind != "PERSON" or not _masked([s], text, place.split()[-1]) for s in spans)


# (text, a person's name that must stay masked)
_NAMES = [
    ("Thanks so much for sorting the refund in Leeds, Tom.", "Tom"),
    ("The lady behind Sarah Jones in the queue was served first", "Sarah Jones"),
    ("Kind regards from Tom Baker", "Tom Baker"),
    ("Hilsen fra Ole Hansen", "Ole Hansen"),
    ("J'ai parlé à Marie Dupont hier au téléphone", "Marie Dupont"),
    ("Please move the money from Anna Kowalski to Ben Hart", "Anna Kowalski"),
    ("Frau Demirci wohnt nicht mehr hier, Grüße", "Demirci"),
    ("Agent: your name?\nCaller: behind Fatima Khan on the account", "Fatima Khan"),
    ("Berater: Allianz Schadenservice, Vogt, guten Tag.", "Vogt"),
    ("Med vennlig hilsen\nSiri Haugen\nSkadebehandler", "Siri Haugen"),
    ("hi can u change the name on my booking ZX8K2L from Okafor to Adeyemi, flying Friday", "Okafor"),
]


@pytest.mark.parametrize(("text", "name"), _NAMES)
def test_a_person_is_not_taken_for_a_place(text: str, name: str) -> None:
    span = _person(text, name)
    assert pii_place_cues.drop_place_persons(text, [span]) == [span]


def test_a_signature_named_like_a_town_told_elsewhere_stays_masked() -> None:
    text = "We loved our week in Lecce, thank you.\nKind regards,\nLecce"
    start = text.rindex("Lecce")
    span = PiiSpan("PERSON", start, start + 5, 0.9)
    assert pii_place_cues.drop_place_persons(text, [span]) == [span]


def test_a_landmark_next_to_the_address_stays_with_it() -> None:
    text = "address: Caferağa Mah. Moda Cad. No:44 D:6 Kadıköy/İstanbul, Moda parkının karşısı"
    address = PiiSpan("ADDRESS", text.index("Caferağa"), text.index("İstanbul") + len("İstanbul"), 0.9)
    town = _person(text, "Moda p")
    town = PiiSpan("PERSON", town.start, town.start + 4, 0.9)
    assert pii_place_cues.drop_place_persons(text, [address, town]) == [address, town]


def test_a_long_message_is_fast() -> None:
    text = ("opposite Mama Cass, behind Sahara mall, fra Gardermoen til Bergen à Lyon, " * 300)[:20000]
    spans = [PiiSpan("PERSON", i, i + 9, 0.9) for i in range(0, 18000, 450)][:40]
    started = time.perf_counter()
    pii_place_cues.drop_place_persons(text, spans)
    assert time.perf_counter() - started < 1.0
