"""Issue 21, session 14's second part: the kinds of miss, false positive and keep violation that blind batches 15, 15b
and 15c (tests/data/pii/src_blind15*.txt) showed, each tested on new text of the same kind (none of these strings is
in a labelled set). Every case of the first three lists fails on dbb15be; the guards at the end pass there too and
show that the new filters leave real names and data masked."""

from __future__ import annotations

import pytest

from services.adapters.local import pii_rules
from services.privacy import mask
from tests.adapters.local.pii_support import found


def spans(detector, text: str) -> list[tuple[str, str]]:
    return [(s.kind, text[s.start:s.end]) for s in detector.find(text)]


@pytest.mark.parametrize(("text", "kind", "value"), [
    # an ID or a date of birth asked for, the answer on the next line of a dialogue
    ("Agent: and your BSN please?\nKlant: 111222333", "NATIONAL_ID", "111222333"),
    ("Atendente: qual é o seu número de contribuinte?\nCliente: sim, 123 456 789", "NATIONAL_ID", "123 456 789"),
    ("Berater: Ihr Geburtsdatum, bitte?\nKunde: 03.11.1968", "DOB", "03.11.1968"),
    ("Agent: what's your date of birth please?\nCustomer: yes, 4th of June 1972", "DOB", "4th of June 1972"),
    # a date of birth said in Spanish or Portuguese words
    ("Agente: ¿su fecha de nacimiento?\nCliente: el veintitrés de mayo del noventa y uno", "DOB",
     "veintitrés de mayo del noventa y uno"),
    ("Operadora: a data de nascimento?\nCliente: trinta e um de março de 1990", "DOB", "trinta e um de março de 1990"),
    ("data de nascimento: dezoito de outubro de mil novecentos e setenta e sete", "DOB",
     "dezoito de outubro de mil novecentos e setenta e sete"),
    # a card number grouped by slashes
    ("pls charge 4111/1111/1111/1111 again", "CARD", "4111/1111/1111/1111"),
    # a province's code in brackets after the town
    ("consegna in Corso Vittorio Emanuele 44, 20122 Milano (MI) per favore", "ADDRESS",
     "Corso Vittorio Emanuele 44, 20122 Milano (MI)"),
    # a Spanish floor and door after a block
    ("Dirección: Calle Mayor 12, portal 3, 2ºA, 28013 Madrid", "ADDRESS", "Calle Mayor 12, portal 3, 2ºA, 28013 Madrid"),
    # a unit and a building's name before the street
    # a UK postcode's district said as a number
    ("Agent: and the postcode?\nCaller: S W nineteen, two P Q", "ADDRESS", "S W nineteen, two P Q"),
    # names: a surname given as an answer, a relative after "is", a label's name, a double first name, a Korean
    # given name with its hyphen, a title then particles
    ("Agent: can I take your surname?\nCaller: Featherstone, F for Freddie", "PERSON", "Featherstone"),
    ("Agent: and the full name please?\nCustomer: it's Marguerite Oyelaran.", "PERSON", "Marguerite Oyelaran"),
    ("Hi, I'm Li Na and my husband is Zhi Hao. We're on booking 7XY", "PERSON", "Zhi Hao"),
    ("my husband is Bo Ren. Can we sit together?", "PERSON", "Bo Ren"),
    ("Deliver to: Rowan Eastbrook, 55 Cedar Grove, Austin, TX 78701", "PERSON", "Rowan Eastbrook"),
    ("Lunch money £12 for Sophie-Grace Pemberton, year 3", "PERSON", "Sophie-Grace Pemberton"),
    ("hi i'm hye-jin choi, my parcel is lost", "PERSON", "hye-jin choi"),
    ("Kontoinhaberin: Prof. Adelheid von Rauchhaupt", "PERSON", "Adelheid von Rauchhaupt"),
])
def test_the_new_rules_find_the_whole_value(text, kind, value):
    assert (kind, value) in found(text)


@pytest.mark.parametrize(("text", "kind", "value"), [
    # no headline holds an address: a delivery label in title case keeps its name masked
    ("Ship To: Bexley Ardmore, 77 W Grand Ave, Suite 300, Denver, CO 80202", "PERSON", "Bexley Ardmore"),
    # a unit and a building's name before the street
    ("I live at Unit 5, The Moorings, 9 Canalside, Leith EH6 6HU since May", "ADDRESS",
     "Unit 5, The Moorings, 9 Canalside, Leith EH6 6HU"),
    ("Flat 6, Osprey House, 21 Riverside, Hull HU1 1AB", "ADDRESS", "Flat 6, Osprey House, 21 Riverside, Hull HU1 1AB"),
])
def test_the_detector_masks_the_whole_value(detector, text, kind, value):
    assert (kind, value) in spans(detector, text)


@pytest.mark.parametrize(("text", "kept"), [
    # a car's make and its model
    ("is a Ford Kuga big enough for the Zoe buggy?", "Ford Kuga"),
    # a country after a phone number
    ("fixo 212 345 678, Brasil +55 (21) 3456-7890", "Brasil"),
    # a German noun after an ordinal
    ("Unglaublich. Dritte Stornierung in diesem Monat.", "Dritte Stornierung"),
    ("Das ist die Vierte Erinnerung diese Woche.", "Vierte Erinnerung"),
    # what a thanks is for
    ("Ciao, sono Marta e scrivo per il rimborso, grazie per la comprensione", "per la comprensione"),
    ("Ciao Luca, grazie per la disponibilità", "per la disponibilità"),
    # "qué tal" after a greeting
    ("hola qué tal, el pedido 55123 no ha llegado", "qué tal"),
    ("hola q tal! mi pedido no llega", "q tal"),
])
def test_what_the_detector_now_leaves_alone(detector, text, kept):
    assert kept in mask(text, detector.find(text))


@pytest.mark.parametrize(("text", "kept"), [
    ("Will the roof bars fit a Vauxhall Corsa? The 2019 model.", "Vauxhall Corsa"),  # kept before too
    ("mobile 0612 345 678, Nederland +31 6 12345678", "Nederland"),
    ("Bonjour, merci pour la patience", "pour la patience"),
])
def test_guard_look_alikes_stay_unmasked(detector, text, kept):
    assert kept in mask(text, detector.find(text))


@pytest.mark.parametrize(("text", "name"), [
    ("Hi, I'm Ford Prefect and my refund is late", "Ford"),  # a car make given as the writer's name
    ("Regards,\nSkoda Novak", "Novak"),
    ("Thanks, Per Lindqvist", "Lindqvist"),  # a capitalised "Per" is a name, no preposition
    ("hola Tal, gracias por la ayuda", "Tal"),
    ("Herr Müller ist mein Vermieter", "Müller"),
    ("my wife is Mei Ling and she booked it", "Mei Ling"),
    ("I live at Flat 3, Kestrel Court, 18 Harbour Row, Whitby YO21 3PU", "Kestrel Court"),
    ("Send To: Marcus Delacroix-Hill, 77 W Grand Ave, Suite 300, Denver, CO 80202", "Marcus"),
])
def test_guard_real_names_and_data_stay_masked(detector, text, name):
    assert name not in mask(text, detector.find(text))


def test_guard_a_date_without_a_birth_cue_is_kept():
    assert not any(kind == "DOB" for kind, _ in found("Agent: the delivery date?\nCustomer: el catorce de abril"))


def test_guard_a_slash_date_is_no_card():
    assert not any(kind == "CARD" for kind, _ in found("paid on 12/05/2024/2025 ref 4111/1111"))


def test_guard_a_hyphenated_word_pair_is_no_double_first_name():
    assert not any(kind == "PERSON" for kind, _ in found("the Coca-Cola Light was flat"))
    assert pii_rules.FIRST_NAMES  # the list the rule reads


@pytest.mark.parametrize(("text", "name"), [
    ("Kia Johnson called me yesterday about the refund", "Johnson"),
    ("Please ask for Kia Johnson in billing", "Johnson"),
    ("Hi, Kia Johnson here, my order is late", "Johnson"),
])
def test_a_person_whose_first_name_is_a_car_make_is_masked(detector, text, name):
    # Review fix: the car rule took any make + a capitalised word for a car; now it needs a car's context (an article
    # or possessive before the make, or a vehicle word after), so "Kia Johnson" is a person (fails on bd3881d).
    assert name not in mask(text, detector.find(text))
