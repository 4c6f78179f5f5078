"""Names inflected by case (session 45, candidate 45-11): pii_inflected_names and pii_family_names' Baltic and
Estonian firm genitives, through the default detector, the app's and the rules-only one."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_family_names, pii_inflected_names
from services.adapters.local.pii_fast import RulesPiiDetector
from services.adapters.local.pii_presidio import PresidioPiiDetector


def names(detector: PresidioPiiDetector | RulesPiiDetector, text: str) -> list[str]:
    return [text[s.start:s.end] for s in detector.find(text) if s.kind == "PERSON"]


INFLECTED = [
    ("Molimo vas da se obratite predsedniku Skupštine stanara Милораду Јовановићу, стан 17.", "Милораду Јовановићу"),
    ("Dobar dan, treba mi potvrda o prebivalištu za Milicu Stanković, adresa Bulevar 12.", "Milicu Stanković"),
    ("Pažyma išduota skolininkui Tomui Kazlauskui, a. k. 38907130412.", "Tomui Kazlauskui"),
    ("Izziņa par algu izsniegta bijušajam darbiniekam Jānim Ozolam par 2025. gadu.", "Jānim Ozolam"),
    ("Faktura VAT RR zostanie wystawiona na Stanisława Mazura, nr producenta 4471.", "Stanisława Mazura"),
    ("Prašau išduoti pažymą: mirusios motinos Onos Petrauskienės mirties data 2020-03-01.", "Onos Petrauskienės"),
    ("Dzień dobry, proszę przekazać Pawłowi, że raport jest gotowy.", "Pawłowi"),
    ("Dobrý den, paní učitelko,\nomlouvám Vojtu ze třídy 3.B na zítřek.", "Vojtu"),
    ("Vážená paní Dvořáková,\npotvrzujeme přijetí přihlášky Adélky do MŠ Sluníčko.", "Adélky"),
    ("Gerb. Jonai,\ngavome Jūsų prašymą.", "Jonai"),
    ("Az ajándékra 1500 Ft-ot gyűjtünk, ezt Szabóné Kiss Erika szülői munkaközösségi tagnak adjátok.",
     "Szabóné Kiss Erika"),
]


@pytest.mark.parametrize(("text", "name"), INFLECTED)
def test_an_inflected_name_is_a_person(tagged: PresidioPiiDetector, detector: PresidioPiiDetector, text: str,
                                       name: str) -> None:
    assert name in names(tagged, text)
    assert name in names(detector, text)


@pytest.mark.parametrize(("text", "name"), INFLECTED[:3] + INFLECTED[6:7])
def test_the_rules_only_detector_finds_them_too(text: str, name: str) -> None:
    assert name in names(RulesPiiDetector(), text)


FIRMS = [
    ("Sveiki,\ndarbai bus atlikti gruodžio 1 d.\n\nPagarbiai,\nTomas Jonaitis\n„Jonaičio stogai“, MB\n+370 612 48 903",
     "Jonaičio"),
    ("Labdien,\nrēķins apmaksājams līdz 12.12.2026.\n\nAr cieņu,\nAndris Kalniņš\nSIA „Kalniņa jumti”\nReģ. Nr. 40003",
     "Kalniņa"),
    ("Tere,\narve on lisatud.\n\nLugupidamisega\nRein Kask\nKase Torutööd OÜ, reg 12345678", "Kase"),
]


@pytest.mark.parametrize(("text", "name"), FIRMS)
def test_a_signers_inflected_surname_in_his_firm(tagged: PresidioPiiDetector, text: str, name: str) -> None:
    assert name in names(tagged, text)


def test_the_baltic_and_estonian_genitives() -> None:
    assert {"Jonaičio", "Jonaitio"} <= pii_family_names._genitives("Jonaitis")
    assert "Kase" in pii_family_names._genitives("Kask")
    assert "Kuke" in pii_family_names._genitives("Kukk")
    assert "Gaidžio" in pii_family_names._genitives("Gaidis")


@pytest.mark.parametrize("text", [
    "Zapraszamy na ul. Jana Pawła II 14, Kraków.",                      # a street named after someone
    "Szkoła Podstawowa im. Marii Konopnickiej w Łodzi.",                 # a school's patron
    "Spotkanie przy kościele św. Anny o 10:00, proszę o potwierdzenie.",  # a saint
    "Sehr geehrte Frau Szymańska,\n\nMit freundlichen Grüßen\nHansa Rechtsschutz\nKundenbetreuung",  # a German firm
    "Sveiki, vyksime į ekskursiją, pinigus prašome pervesti per Tamo dienyną iki gegužės 15 d.",  # a school diary
    "Szanowny Panie Prezesie,\nprzesyłam sprawozdanie za grudzień.",     # an office, not a name
    "Zaradi burje je privez v Luki Koper danes zaprt, ladja bo priplula jutri.",  # a port
    "Any questions about the order? Tell Mary. Dziękuję, Łukasz",       # English words, a message of the class
])
def test_no_look_alike(text: str) -> None:
    found = [text[a:b] for a, b in pii_inflected_names.find_inflected_names(text)]
    assert found == []


def test_a_nominative_is_no_inflected_form() -> None:
    assert not pii_inflected_names._inflected("Paweł")
    assert pii_inflected_names._inflected("Pawłowi")
    assert "paweł" in set(pii_inflected_names._nominatives("Pawłowi"))
    assert "tomas" in set(pii_inflected_names._nominatives("Tomui"))


def test_long_input_is_fast() -> None:
    text = ("Proszę przekazać Pawłowi Nowakowi i Milicu Stanković, że ul. Jana Pawła II jest zamknięta. " * 400)
    began = time.perf_counter()
    found = pii_inflected_names.find_inflected_names(text)
    assert len(found) <= pii_inflected_names.CAP
    assert time.perf_counter() - began < 2.0
