"""Public bodies, their departments and residents' associations are kept names (session 44, candidate 44-1)."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_public_bodies
from services.adapters.local.pii_fast import RulesPiiDetector
from services.adapters.local.pii_presidio import PresidioPiiDetector
from services.models import PiiSpan


def masked(found: list[PiiSpan], text: str, kept: str) -> bool:
    start = text.index(kept)
    return any(s.start < start + len(kept) and start < s.end for s in found)


def regions(text: str) -> list[str]:
    return [text[a:b] for a, b in pii_public_bodies.body_regions(text)]


@pytest.mark.parametrize("text, kept", [
    ("Hej,\n\nHusk at stille beholderen ud senest kl. 6.00 på tømmedagen.\n\nVenlig hilsen\n"
     "Vejle Kommune, Affald og Genbrug", "Vejle Kommune, Affald og Genbrug"),
    ("Geachte heer,\n\nWe handelen uw melding binnen 10 werkdagen af.\n\nMet vriendelijke groet,\nGemeente Delft",
     "Gemeente Delft"),
    ("Dobrý deň,\n\nPoplatok za komunálny odpad na rok 2025 zostáva 24 € na osobu.\n\nObecný úrad Lozorno",
     "Obecný úrad Lozorno"),
    ("Dobrý den,\n\nv úterý nepoteče voda v ulici Nádražní.\n\nMěstský úřad Kostelec nad Orlicí",
     "Městský úřad Kostelec nad Orlicí"),
    ("Madame, Monsieur,\n\nLe paiement du mois d'avril doit être effectué avant le 10.\n\nSecrétariat\n"
     "École primaire Jean Jaurès", "École primaire Jean Jaurès"),
    ("Tisztelt Lakosok!\n\nA lomtalanítás jövő héten lesz.\n\nSzentendre Város Önkormányzata\n"
     "Városüzemeltetési Iroda", "Szentendre Város Önkormányzata\nVárosüzemeltetési Iroda"),
    ("Dear Parents,\n\nThe school will close at 12 noon on Friday.\n\nSchool Office\n"
     "St Aidan's C of E Primary School", "St Aidan's C of E Primary School"),
    ("Poštovani,\n\nobavještavamo vas da je Grad Rijeka objavio natječaj za dodjelu stipendija.", "Grad Rijeka"),
    ("Teade KÜ Pärnu mnt 139 liikmetele\n\nKorteriühistu üldkoosolek toimub 2. aprillil kell 18.", "KÜ Pärnu mnt 139"),
    ("Obaveštenje stanarima\n\nStambena zajednica Cara Dušana 48 obaveštava da će 20. marta biti isključena voda.",
     "Stambena zajednica Cara Dušana 48"),
])
def test_a_body_named_in_a_message_is_kept(tagged: PresidioPiiDetector, text: str, kept: str) -> None:
    assert not masked(tagged.find(text), text, kept)


def test_the_rules_only_detector_keeps_a_body_too() -> None:
    text = "Hej,\n\nDin ansøgning er modtaget.\n\nVenlig hilsen\nPladsanvisningen\nAarhus Kommune"
    found = RulesPiiDetector().find(text)
    assert not masked(found, text, "Pladsanvisningen\nAarhus Kommune")


def test_the_person_who_signs_for_the_body_stays_masked(tagged: PresidioPiiDetector) -> None:
    text = ("Komornik Sądowy przy Sądzie Rejonowym dla Łodzi-Widzewa w Łodzi Paweł Kurek\nSygn. akt KM 1284/24\n\n"
            "Do pracodawcy: proszę o zajęcie wynagrodzenia dłużnika.")
    found = tagged.find(text)
    assert "Paweł Kurek" in [text[s.start:s.end] for s in found if s.kind == "PERSON"]
    assert not masked(found, text, "Rejonowym dla Łodzi-Widzewa")


@pytest.mark.parametrize("text, read", [
    ("Vejle Kommune, Affald og Genbrug", ["Vejle Kommune", "Affald og Genbrug"]),
    ("Bergen kommune, Etat for skjenkebevillinger", ["Bergen kommune", "Etat for skjenkebevillinger"]),
    ("Comune di Cremona – Settore Entrate", ["Comune di Cremona", "Settore Entrate"]),
    ("Primăria Municipiului Cluj-Napoca", ["Primăria Municipiului Cluj-Napoca"]),
    ("Szentendre Város Önkormányzata", ["Szentendre Város Önkormányzata"]),
    ("OŠ Ivana Gorana Kovačića", ["OŠ Ivana Gorana Kovačića"]),
    ("Bergen brannvesen, Feiing og tilsyn", ["Bergen brannvesen", "Feiing og tilsyn"]),
    ("Amt für Steuern und Abgaben", ["Amt für Steuern und Abgaben"]),
    ("Etažna: Общото събрание на Етажна собственост ул. „Шипка“ 34 ще", ["Етажна собственост ул. „Шипка“ 34"]),
    ("x\nΔιεύθυνση Τεχνικών Υπηρεσιών", ["Διεύθυνση Τεχνικών Υπηρεσιών"]),
])
def test_names_and_departments_read(text: str, read: list[str]) -> None:
    assert regions(text) == read


@pytest.mark.parametrize("text, not_read", [
    ("Mette Kjær\nPladsanvisningen, Aarhus Kommune", "Mette Kjær"),  # the person who signs, on her own line
    ("Kjær, Aarhus Kommune", "Kjær"),  # a surname before the body
    ("Aarhus Kommune, Mette Kjær", "Mette Kjær"),  # a given name opens no department
    ("Gemeente Delft Jan de Vries", "Jan de Vries"),  # the person after the town
    ("Anna Berg Kommune", "Berg"),  # a surname after a given name
    ("I told the council Tom was moving out.", "Tom"),  # a lower-case head alone names nothing
    ("KÜ Pärnu mnt 139, 10141 Tallinn", "mnt 139"),  # the association's postal address is an address
    ("Team Müller", "Müller"),  # an English team word alone opens no department line
    ("my daughter goes to the school Sophie Turner runs", "Sophie Turner"),  # a lower-case school names no one after it
])
def test_look_alikes_are_not_read(text: str, not_read: str) -> None:
    start = text.index(not_read)
    assert not any(a < start + len(not_read) and start < b for a, b in pii_public_bodies.body_regions(text))


def test_a_person_named_alone_is_not_dropped() -> None:
    text = "Regards,\nKerstin Mahlberg"
    spans = [PiiSpan("PERSON", text.index("Kerstin"), len(text), 0.85)]
    assert pii_public_bodies.without_public_bodies(text, spans) == spans


def test_long_input_is_fast() -> None:
    text = ("Gemeente Delft, Afdeling Burgerzaken – Kommune Vejle i og und " * 400 + "\n") * 60
    spans = [PiiSpan("PERSON", 0, 14, 0.85)]
    start = time.perf_counter()
    pii_public_bodies.without_public_bodies(text, spans)
    assert time.perf_counter() - start < 2.0
