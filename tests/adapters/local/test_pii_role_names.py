"""Roles, offices, boards, committees and departments taken for persons (session 42, candidate 42-4)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from services.adapters.local import pii_role_names, pii_rules
from services.adapters.local.pii_fast import RulesPiiDetector
from services.adapters.local.pii_presidio import PresidioPiiDetector
from services.models import PiiSpan

SETS = Path(__file__).resolve().parents[3] / "tests" / "data" / "pii"


@pytest.fixture(scope="module")
def detector() -> PresidioPiiDetector:
    return PresidioPiiDetector()


def names(found: list[PiiSpan], text: str) -> list[str]:
    return [text[s.start:s.end] for s in found if s.kind == "PERSON"]


ROLE_LETTERS = [
    ("Poštovani stanari,\n\nod ponedjeljka 3.3. voda će biti isključena od 9 do 13 sati zbog popravka cijevi.\n\n"
     "Upravitelj zgrade", "Upravitelj zgrade"),
    ("Poštovani,\n\nmolim vas da mi pošaljete račun za pričuvu za ožujak.\n\nHvala,\nUpravnik", "Upravnik"),
    ("Уважаеми съседи,\n\nСъбранието на етажната собственост ще се проведе на 12 март от 19 ч. във входа.\n\n"
     "Управителят", "Управителят"),
    ("Поштовани станари,\n\nу суботу 15. марта биће одржана седница скупштине.\n\nУправник стамбене заједнице",
     "Управник стамбене заједнице"),
    ("Vážení vlastníci,\n\nschůze shromáždění se koná ve čtvrtek 20. 3. v 18:00 v kočárkárně.\n\nVýbor SVJ",
     "Výbor SVJ"),
    ("Tisztelt Lakók!\n\nA lépcsőház takarítása március 10-én lesz.\n\nKözös képviselő", "Közös képviselő"),
    ("Kedves Bérbeadó!\n\nA márciusi bérleti díjat átutaltam, kérem erősítse meg.\n\nÜdvözlettel", "Bérbeadó"),
    ("Gerbiami tėveliai,\n\nprimename, kad penktadienį vyks klasės susirinkimas 18 val.\n\nKlasės vadovė",
     "Klasės vadovė"),
    ("Gentili genitori,\n\nsi comunica che lunedì 10 marzo le lezioni termineranno alle ore 12.\n\n"
     "Il Dirigente Scolastico", "Il Dirigente Scolastico"),
    ("Stimați proprietari,\n\nședința asociației va avea loc joi la ora 19.\n\nComitetul executiv",
     "Comitetul executiv"),
    ("Szanowni Państwo,\n\nprzypominamy o składce na komitet rodzicielski do końca marca.\n\nRada Rodziców",
     "Rada Rodziców"),
    ("Labdien,\n\nlūdzu iesniegt atvaļinājuma pieteikumu līdz piektdienai.\n\nAr cieņu,\nPersonāla daļa",
     "Personāla daļa"),
    ("Ich möchte meinen Stromvertrag kündigen und zu einem anderen Anbieter wechseln. Vertragsnummer 5512093.",
     "Anbieter"),
    ("Exmo. Senhor Senhorio,\n\njunto envio o comprovativo da renda de março.", "Senhorio"),
    ("Lieber Vermieter,\n\ndie Heizung in der Küche funktioniert seit Montag nicht mehr.", "Vermieter"),
    ("Poštovani roditelji,\n\nroditeljski sastanak održat će se u četvrtak u 17 sati.\n\nRazrednica", "Razrednica"),
    ("Dobrý deň,\n\nposielam vyúčtovanie za rok 2024.\n\nS pozdravom\nSprávca bytového domu", "Správca bytového domu"),
]


@pytest.mark.parametrize("text, role", ROLE_LETTERS)
def test_roles_and_bodies_are_not_persons(detector: PresidioPiiDetector, text: str, role: str) -> None:
    assert not any(role in n or n in role for n in names(detector.find(text), text))


@pytest.mark.parametrize("text, role", [
    ("Szanowni Mieszkańcy,\n\nod poniedziałku zmieniają się godziny pracy biura.\n\nZarząd Wspólnoty Mieszkaniowej "
     "Lipowa 14", "Zarząd Wspólnoty Mieszkaniowej Lipowa"),
    ("SPW Énergie – cellule Primes", "cellule Primes"),
    ("Sehr geehrte Frau Direktorin,", "Frau Direktorin"),
    ("Dzień dobry Pani Kierownik,", "Pani Kierownik"),
    ("Mit freundlichen Grüßen\nDer Vorstand", "Der Vorstand"),
])
def test_spans_made_of_role_words_are_dropped(text: str, role: str) -> None:
    start = text.index(role)
    span = PiiSpan("PERSON", start, start + len(role), 0.85)
    assert pii_role_names.without_roles(text, [span]) == []


@pytest.mark.parametrize("text, name", [
    ("Poštovani,\n\nupravnik zgrade Marko Petrović javlja da je lift popravljen.", "Marko Petrović"),
    ("Liebe Frau Direktorin Huber,\n\nmein Sohn ist heute krank.", "Huber"),
    ("Dzień dobry Pani Kierownik Nowak, proszę o kontakt.", "Nowak"),
    ("Lieber Herr Lehrer, ich bin Tom Lehrer und rufe wegen meiner Rechnung an.", "Tom Lehrer"),
])
def test_the_person_holding_the_role_stays_masked(detector: PresidioPiiDetector, text: str, name: str) -> None:
    assert any(name in n for n in names(detector.find(text), text))


@pytest.mark.parametrize("text, value", [
    ("Frau Direktorin Huber", "Frau Direktorin Huber"),   # the holder's name with the role
    ("Upravnik Marko", "Upravnik Marko"),                 # a given name we know
    ("Herr Lehrer", "Herr Lehrer"),                       # a surname that is a word ("Lehrer" is no role here)
    ("service Marie", "service Marie"),                   # a unit word before a given name
    ("Zarząd: Jan Kowalski", "Jan Kowalski"),
])
def test_look_alikes_are_kept(value: str, text: str) -> None:
    start = text.index(value)
    span = PiiSpan("PERSON", start, start + len(value), 0.85)
    assert pii_role_names.without_roles(text, [span]) == [span]


def test_other_kinds_are_never_dropped() -> None:
    text = "Upravnik"
    span = PiiSpan("ADDRESS", 0, len(text), 0.9)
    assert pii_role_names.without_roles(text, [span]) == [span]


@pytest.mark.parametrize("text, role", [
    ("Tisztelt Lakók!\n\nA lépcsőház takarítása március 10-én lesz.\n\nKözös képviselő", "Közös képviselő"),
    ("Poštovani roditelji,\n\nroditeljski sastanak održat će se u četvrtak u 17 sati.\n\nRazrednica", "Razrednica"),
    ("Gentili genitori,\n\nsi comunica che lunedì 10 marzo le lezioni termineranno alle ore 12.\n\n"
     "Il Dirigente Scolastico", "Il Dirigente Scolastico"),
])
def test_the_rules_only_detector_drops_them_too(text: str, role: str) -> None:
    start = text.index(role)
    span = PiiSpan("PERSON", start, start + len(role), 0.85)
    assert pii_role_names.without_roles(text, [span]) == []
    assert not any(role in n or n in role for n in names(RulesPiiDetector().find(text), text))


def test_no_role_word_is_a_given_name_or_inside_a_labelled_name() -> None:
    words = pii_role_names.ROLES | pii_role_names.COMPLEMENTS
    assert not words & pii_rules.GIVEN_NAMES
    inside: set[str] = set()
    for path in sorted(SETS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            for span in row.get("pii", []):
                if isinstance(span, dict) and span.get("kind") == "PERSON":
                    value = row["text"][span["start"]:span["end"]]
                    inside |= {pii_role_names._plain(w) for w in pii_role_names._WORD.findall(value)}
    assert not (pii_role_names.ROLES & inside)


def test_hostile_input_is_fast() -> None:
    text = "Upravnik zgrade " * 20_000
    spans = [PiiSpan("PERSON", i * 16, i * 16 + 15, 0.85) for i in range(150)]
    began = time.perf_counter()
    pii_role_names.without_roles(text, spans)
    assert time.perf_counter() - began < 1.0
