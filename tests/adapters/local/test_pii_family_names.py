"""Session 44 (candidate 44-8): a family name in a form's own field ("Cognome: De Santis", "Geburtsname: Wolff",
"Nom, prénom : Dos Santos, Mariana") and a signer's surname inflected in his firm's name ("Mats Lindqvist /
Lindqvists Måleri", "Andres Saar / Saare Ehitus OÜ") are PERSON spans; placeholders, firms named after no one the
message masks, streets and firms' fields stay readable."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_family_names
from services.adapters.local.pii_fast import RulesPiiDetector
from services.adapters.local.pii_presidio import PresidioPiiDetector
from services.models import PiiSpan


def names(detector: PresidioPiiDetector | RulesPiiDetector, text: str) -> list[str]:
    return [text[s.start:s.end] for s in detector.find(text) if s.kind == "PERSON"]


FIELDS = [
    ("Dati per il contratto luce\n\nNome: Federica\nCognome: De Rosa\nCodice fiscale: DRSFDR88A41F205X\n",
     "De Rosa"),
    ("Angaben zur Person\nName: Brandt\nVorname: Sabine\nGeburtsname: Kessler\nGeburtsdatum: 03.04.1971\n",
     "Kessler"),
    ("Pièces demandées pour le dossier :\n- Nom de naissance : Kaboré\n- Nom d'usage : Lemaire\n- Prénoms : Awa\n",
     "Kaboré"),
    ("Pièces demandées pour le dossier :\n- Nom de naissance : Kaboré\n- Nom d'usage : Lemaire\n- Prénoms : Awa\n",
     "Lemaire"),
    ("Informations pour la paie :\n\nNom, prénom : Da Silva, Fernanda\nN° AVS : 756.1234.5678.97\n",
     "Da Silva, Fernanda"),
    ("Personeelsformulier\nAchternaam: Visser\nVoornamen: Sanne Marieke\nGeboortedatum: 12-03-1994\n", "Visser"),
    ("Henkilötiedot\nSukunimi: Lehtinen\nEtunimet: Kaisa Maria\nHenkilötunnus: 120390-456B\n", "Lehtinen"),
    ("Osobní dotazník\nJméno: Jana\nPříjmení: Dvořáková\nRodné číslo: 905512/1234\n", "Dvořáková"),
    ("Osobný dotazník\nMeno: Zuzana\nPriezvisko: Kováčová\nRodné číslo: 855512/1234\n", "Kováčová"),
    ("Angaben zum Antrag:\nName: Monika Hartmann, geb. Vogt\nGeburtsdatum: 02.02.1960\n", "Vogt"),
    ("Prašau užpildyti anketą: vardas Ona, pavardė Jonaitienė, asmens kodas 48901150123.", "Jonaitienė"),
]


@pytest.mark.parametrize(("text", "name"), FIELDS)
def test_a_surname_field_is_a_person(tagged: PresidioPiiDetector, text: str, name: str) -> None:
    assert name in names(tagged, text)


FIRMS = [
    ("Hej Karin,\n\nBifogar fakturan för målningen, 12 400 kr.\n\nMvh\nJonas Bergqvist\nBergqvists Måleri AB\n"
     "Org.nr 556677-8899\n070-123 45 67", "Bergqvists"),
    ("Hei!\n\nVedlagt faktura for rørarbeidet.\n\nMed vennlig hilsen\nTrond Dahl\nDahls Rør AS\nOrg.nr 912 345 678",
     "Dahls"),
    ("Tere!\n\nSaadan arve vannitoa remondi eest.\n\nLugupidamisega\nMarko Tamm\nTamme Ehitus OÜ\n"
     "Registrikood 14556677", "Tamme"),
    ("Hej! Skicka fakturan till mig i stället. Mvh Erik Sandberg, Sandbergs Bygg AB", "Sandbergs"),
    ("Spett.le ditta,\nil bonifico va intestato a Ferramenta Colombo di Colombo Ivano\n"
     "IBAN IT60 X054 2811 1010 0000 0123 456", "Colombo Ivano"),
]


@pytest.mark.parametrize(("text", "name"), FIRMS)
def test_a_signers_surname_in_his_firm_is_a_person(tagged: PresidioPiiDetector, text: str, name: str) -> None:
    assert name in names(tagged, text)


@pytest.mark.parametrize(("text", "name"), [FIELDS[0], FIELDS[4], FIRMS[0]])
def test_the_rules_only_detector_finds_them_too(text: str, name: str) -> None:
    assert name in names(RulesPiiDetector(), text)


def test_the_genitives_of_a_surname() -> None:
    assert {"Lindqvists", "Saare"} <= pii_family_names._genitives("Lindqvist") | pii_family_names._genitives("Saar")
    assert "Virtasen" in pii_family_names._genitives("Virtanen")
    assert "Kazlausko" in pii_family_names._genitives("Kazlauskas")
    assert "Ozola" in pii_family_names._genitives("Ozols")
    assert "Holm" not in pii_family_names._genitives("Holm")


def test_the_surname_in_an_italian_sole_traders_firm(tagged: PresidioPiiDetector) -> None:
    text = ("Buongiorno,\n\nin allegato il preventivo per la frizione.\n\nCordiali saluti\nRoberto\n"
            "Carrozzeria Moretti di Moretti Roberto\nP.IVA 01234567890")
    start = text.index("Moretti di")
    assert (start, start + len("Moretti")) in {(s.start, s.end) for s in tagged.find(text) if s.kind == "PERSON"}


def test_an_italian_sole_traders_firm_names_him_twice() -> None:
    text = "Cordiali saluti\nOfficina Meccanica Caruso di Caruso Gianni\n095 712 4408"
    assert [text[a:b] for a, b in pii_family_names._sole_traders(text)] == ["Caruso", "Caruso Gianni"]


@pytest.mark.parametrize("text", [
    "sono Lorenzo Pace di Pace Ferramenta, la fattura è pronta",  # a firm's trade word after the surname
    "Banca Popolare di Sondrio Spa",
    "Pizzeria Da Mario di Rossi Luca",  # another name after "di"
])
def test_no_sole_trader_of_another_shape(text: str) -> None:
    assert pii_family_names._sole_traders(text) == []


def firm_words(text: str, full_name: str) -> list[str]:
    start = text.index(full_name)
    spans = [PiiSpan("PERSON", start, start + len(full_name), 0.85)]
    return [text[a:b] for a, b in pii_family_names.find_firm_surnames(text, spans)]


@pytest.mark.parametrize(("text", "full_name"), [
    # a firm named after someone the message does not mask
    ("Mvh Per Lundgren\nSvenssons Bygg AB har fått uppdraget.", "Per Lundgren"),
    # a street after the surname's genitive, a lower-case word after it
    ("Mvh\nAnna Holm\nHolms väg 4, 123 45 Ort", "Anna Holm"),
    ("Mvh\nAnna Holm\nHolms Gata 4, 123 45 Ort", "Anna Holm"),
    ("Hälsningar Anna Holm. Holms gamla verkstad är stängd.", "Anna Holm"),
    # the given name's form, a word in capitals
    ("Mvh Per Lundgren\nPers Cykel AB", "Per Lundgren"),
    ("Mvh Per Lundgren\nLUNDGRENS BYGG AB", "Per Lundgren"),
])
def test_no_firm_word_of_no_masked_surname(text: str, full_name: str) -> None:
    assert firm_words(text, full_name) == []


@pytest.mark.parametrize("text", [
    "Nachname: bitte angeben\nVorname: Anna",
    "Surname: N/A\nFirst name: John",
    "Cognome: vedi sopra\nNome: Luca",
    "Nom de la société : Dupont Frères\nSIRET : 123 456 789 00012",
    "Nachname: Müller GmbH\n",
    "Surname: 12345\n",
    "Last name: Smith@example.com\n",
    "Apellidos: los mismos que arriba\n",
    "Name: Gerlinde Pfaffinger\ngeb. am 23.06.1951 in Passau",  # a date and a place after "geb."
    "Mme Claire Bensaïd, née le 03/10/1962 à Dijon",
])
def test_no_placeholder_or_firm_field(text: str) -> None:
    assert pii_family_names.find_field_surnames(text) == []


def test_a_surname_label_in_running_text() -> None:
    text = "Booking K7XQ2M, surname Adebayo, flying Friday. Née le 23 juin 1990, nom de naissance Le Goff, prénoms Anne."
    assert [text[a:b] for a, b in pii_family_names.find_field_surnames(text)] == ["Adebayo", "Le Goff"]


@pytest.mark.parametrize("text", [
    "Surname Forename DOB\nSmith John 01/02/1980",  # a header row: no comma, no sentence's end after the word
    "caller: the surname is Okafor, yes",  # "is" between the label and the name (the other rules' case)
    "Please enter your last name Here.",  # a plain word
])
def test_no_running_text_label_without_a_name(text: str) -> None:
    assert pii_family_names.find_field_surnames(text) == []


def test_field_values_and_pairs() -> None:
    text = "Cognome: Rossi, Nome: Mario\nNom, prénom : Dos Santos, Mariana\nApellidos: de la Fuente\n"
    assert [text[a:b] for a, b in pii_family_names.find_field_surnames(text)] == [
        "Rossi", "Dos Santos, Mariana", "de la Fuente"]


def test_hostile_input_is_fast() -> None:
    text = ("Cognome: " + "Ab " * 3000 + "\n") * 30 + ("Mats Lindqvist Lindqvists " * 2000)
    spans = [PiiSpan("PERSON", 0, 5, 0.85)]
    t0 = time.perf_counter()
    pii_family_names.find_field_surnames(text)
    pii_family_names.find_firm_surnames(text, spans)
    assert time.perf_counter() - t0 < 1.0
