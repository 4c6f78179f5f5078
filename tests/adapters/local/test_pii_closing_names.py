"""Session 41, candidate 41-3: the full name signing business mail after a closing phrase of Estonian, Latvian,
Lithuanian, Finnish, Hungarian, Czech, Slovak, Slovenian, Croatian, Serbian, Bulgarian, Romanian, Greek, Nordic or
Polish mail, and the name after a name field of those languages' forms, are masked as a PERSON (pii_closing_names),
with the title, the department, the firm or the town on the lines after it kept; a Hungarian greeting's title said
after the name ("Tisztelt Kovács Péter Úr!") stays outside the name (pii_letter_greetings). The examples are made
up."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_closing_names
from services.adapters.local.pii_fast import RulesPiiDetector
from services.adapters.local.pii_presidio import PresidioPiiDetector


@pytest.fixture(scope="module")
def detector() -> PresidioPiiDetector:
    return PresidioPiiDetector(crf=True, person_check=True)


def masked(detector: PresidioPiiDetector | RulesPiiDetector, text: str) -> list[str]:
    return [text[s.start:s.end] for s in detector.find(text) if s.kind == "PERSON"]


def found(text: str) -> list[str]:
    return [text[start:end] for _, start, end, _ in pii_closing_names.find_closing_names(text)]


SIGNED = [
    ("Palun saatke arve uuesti, number A-2210.\n\nLugupidamisega\nMaarja Lepik\nraamatupidaja, Saare Kala OÜ",
     "Maarja Lepik"),
    ("Lūdzu, nosūtiet rēķinu vēlreiz.\n\nAr cieņu,\nIlze Kalniņa\nGrāmatvedība", "Ilze Kalniņa"),
    ("Prašome atsiųsti sąskaitą dar kartą.\n\nPagarbiai\nRūta Kazlauskienė\nUAB Medvilnė", "Rūta Kazlauskienė"),
    ("Lähetättekö laskun uudelleen?\n\nYstävällisin terveisin\nSatu Koskinen\nTaloushallinto", "Satu Koskinen"),
    ("Kérem a számla javítását. Üdvözlettel, Szűcs Katalin", "Szűcs Katalin"),
    ("Kérem a számla javítását.\n\nÜdvözlettel:\nHorváth-Kiss Tamás\nTel.: +36 20 555 0192", "Horváth-Kiss Tamás"),
    ("Prosím o opravu faktury.\n\nS pozdravem\nTereza Dvořáková\nÚčtárna\nStrojírny Vysočina s.r.o.",
     "Tereza Dvořáková"),
    ("Prosím o opravu faktúry.\n\nS pozdravom\nMarek Kováčik", "Marek Kováčik"),
    ("Prosim za popravek računa.\n\nLep pozdrav,\nMojca Zupančič s.p.\nDavčna številka: 55120431", "Mojca Zupančič"),
    ("Molim ispravak računa.\n\nSrdačan pozdrav,\nIvana Babić\nVoditeljica računovodstva", "Ivana Babić"),
    ("Моля, изпратете фактурата отново.\n\nПоздрави,\nМирослава Георгиева\nСчетоводство", "Мирослава Георгиева"),
    ("Vă rog să retrimiteți factura.\n\nCu stimă,\nIoana Dumitrescu\nContabilitate", "Ioana Dumitrescu"),
    ("Παρακαλώ στείλτε ξανά το τιμολόγιο.\n\nΜε εκτίμηση,\nΣ. Καραγιάννης\nΛογιστήριο", "Σ. Καραγιάννης"),
    ("Kan I sende fakturaen igen?\n\nMed venlig hilsen\nSigne Bech\nBogholderiet", "Signe Bech"),
    ("Kan dere sende fakturaen på nytt?\n\nMvh\nTrond Eilertsen\nInnkjøp", "Trond Eilertsen"),
    ("Kan ni skicka fakturan igen? Mvh Gunnel Åkerlund, Norrbygg AB", "Gunnel Åkerlund"),
    ("Proszę o ponowne przesłanie faktury.\n\nZ poważaniem\nJadwiga Kamińska\nDział Księgowości", "Jadwiga Kamińska"),
]

FIELDS = [
    ("Az új dolgozó adatai:\nNév: Pintér Borbála\nAnyja neve: Lakatos Erzsébet\nTAJ: 044 221 871",
     ["Pintér Borbála", "Lakatos Erzsébet"]),
    ("Darbuotojo duomenys:\nVardas, pavardė: Gintarė Jankauskaitė\nAsmens kodas: 49001010001",
     ["Gintarė Jankauskaitė"]),
    ("Údaje zaměstnance:\nJméno a příjmení: Radek Vondráček\nRodné číslo: 880412/1234", ["Radek Vondráček"]),
    ("Podatki:\nIme in priimek: Urška Potočnik\nDavčna številka: 55120431", ["Urška Potočnik"]),
    ("Tiedot palkanlaskentaan:\nNimi: Aapo Lindqvist\nHenkilötunnus: 120389-123A", ["Aapo Lindqvist"]),
    ("Oplysninger til lønsystemet:\nNavn: Rikke Thygesen\nCPR-nr.: 120398-1447", ["Rikke Thygesen"]),
    ("Данни за служителя:\nИме: Радослава Петкова\nЕГН: 8504121234", ["Радослава Петкова"]),
    ("Skade på bygget.\n\nKontaktperson: Sigurd Hovda, +47 930 11 482\n\nMvh\nHovda Tre AS", ["Sigurd Hovda"]),
]


@pytest.mark.parametrize(("text", "name"), SIGNED)
def test_names_signing_mail_are_found(text: str, name: str) -> None:
    assert name in found(text)


@pytest.mark.parametrize(("text", "name"), SIGNED[:4] + SIGNED[6:8] + SIGNED[10:14])
def test_names_signing_mail_are_masked(detector: PresidioPiiDetector, text: str, name: str) -> None:
    assert name in masked(detector, text)


@pytest.mark.parametrize(("text", "names"), FIELDS)
def test_names_after_name_fields_are_masked(detector: PresidioPiiDetector, text: str, names: list[str]) -> None:
    got = masked(detector, text)
    assert all(name in got for name in names)


@pytest.mark.parametrize(("text", "name"), [
    ("Ruter returneres til Postboks 118.\n\nVenlig hilsen\nTorben\nKundeservice, Fynbo A/S", "Torben"),
    ("Alustab 7. detsembril.\n\nTervitades\nKaupo\nPersonaliosakond", "Kaupo"),
])
def test_a_given_name_alone_above_a_team_line_is_found(text: str, name: str) -> None:
    assert found(text) == [name]


def test_the_rules_only_detector_masks_them_too() -> None:
    rules = RulesPiiDetector()
    assert "Ilze Kalniņa" in masked(rules, SIGNED[1][0])
    assert "Radek Vondráček" in masked(rules, FIELDS[2][0])


def test_a_title_said_after_a_greeted_name_stays_outside(detector: PresidioPiiDetector) -> None:
    text = "Tisztelt Szalai Ferenc Úr!\n\nA 2026/00418 számú számlánk fizetési határideje lejárt."
    assert masked(detector, text) == ["Szalai Ferenc"]


@pytest.mark.parametrize("text", [
    # a firm, a department, a public body, a role signing in the name's place
    "Kérjük, fizessen határidőre.\n\nÜdvözlettel:\nPénzügyi Osztály",
    "Vi bekræfter din tid.\n\nVenlig hilsen\nAutohuset Holstebro",
    "Svarar så snart vi kan, se fjordvatten.se.\n\nVänliga hälsningar\nFjord Vatten",
    "Lucrarea a fost aprobată.\n\nCu stimă,\nDirecția Urbanism\nPrimăria Sectorului 3",
    "Račun je plaćen.\n\nLijep pozdrav,\nOdjel Naplate",
    "Maksu on vastaanotettu.\n\nTerveisin\nAsiakaspalvelu",
    "Toimitus on matkalla.\n\nTerveisin\nLogistiikka\nPohjolan Kuljetus Oy",
    "Zásilka je na cestě.\n\nS pozdravem\nDispečink\nMoravia Trans s.r.o.",
    "Levering neste uke.\n\nMvh\nBogholderiet\nNordisk Trelast AS",
    # a closing phrase inside a sentence, a name's field of a firm, an ordinary word written in lower case too
    "Mvh fra oss alle i Bergen Tømrer AS",
    "Cég neve: Duna Faipari Kft.\nAdószám: 14827316-2-13",
    "Tisztelt Közös Képviselő Úr!\n\nA lépcsőházi világítás nem működik.",
    "Tisztelt Könyvelő Úr!\n\nKérem, vegye figyelembe a csatolt igazolást.",
])
def test_look_alikes_are_not_taken(detector: PresidioPiiDetector, text: str) -> None:
    assert found(text) == []
    assert masked(detector, text) == []


def test_any_input_finishes_fast() -> None:
    text = ("Lugupidamisega\n" + "Aaaa Bbbb " * 30 + "\nNimi: " + "Cccc " * 60 + "\n") * 300
    t0 = time.perf_counter()
    pii_closing_names.find_closing_names(text)
    assert time.perf_counter() - t0 < 1.0
