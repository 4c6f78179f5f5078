"""Issue 21, session 14: the kinds of miss, false positive and keep violation that blind batches 14, 14b and 14c
(tests/data/pii/src_blind14*.txt) showed, each tested on new text of the same kind (none of these strings is in a
labelled set). Every case of the first three lists fails on wip-me14 (29bd55b); the guards at the end pass there too
and show that the new filters leave real names masked."""

from __future__ import annotations

import pytest

from services.adapters.local import pii_rules
from services.privacy import mask
from tests.adapters.local.pii_support import found


@pytest.mark.parametrize(("text", "kind", "value"), [
    # address boundaries: a floor, a back house, a staircase, a door between the street and the postcode
    ("Liefern Sie bitte an Lindenstraße 4, 2. OG rechts, 50674 Köln", "ADDRESS",
     "Lindenstraße 4, 2. OG rechts, 50674 Köln"),
    ("Meine Adresse: Rosa-Luxemburg-Straße 17, Hinterhaus, 04103 Leipzig", "ADDRESS",
     "Rosa-Luxemburg-Straße 17, Hinterhaus, 04103 Leipzig"),
    ("mi dirección es Calle Mayor 8, ático dcha., 28013 Madrid", "ADDRESS", "Calle Mayor 8, ático dcha., 28013 Madrid"),
    # a German street named after a person, hyphenated
    ("Bitte an Konrad-Adenauer-Allee 3 schicken", "ADDRESS", "Konrad-Adenauer-Allee 3"),
    # a UK postcode or an Eircode in lower case after the town, a Dublin district before it
    ("please send it to flat 3, 21 ashgrove road, bristol bs7 8ed thanks", "ADDRESS",
     "flat 3, 21 ashgrove road, bristol bs7 8ed"),
    ("we're at 5 pembroke lane, dublin 6, d06 f2x9 since march", "ADDRESS", "5 pembroke lane, dublin 6, d06 f2x9"),
    # "apartment is" is no unit before the address
    ("my apartment is apt 12, 40 elm street, the buzzer is broken", "ADDRESS", "apt 12, 40 elm street"),
    # a house number said, then a comma
    ("Caller: forty-two, Maple Avenue", "ADDRESS", "forty-two, Maple Avenue"),
    # a number typed one digit at a time after a phone cue
    ("text me on 0 6 1 2   3 4 5   6 7 8 9 after six", "PHONE", "0 6 1 2   3 4 5   6 7 8 9"),
    ("mobile: + 4 4 7 9 1 1 1 2 3 4 5 6", "PHONE", "+ 4 4 7 9 1 1 1 2 3 4 5 6"),
    # a Brazilian CPF: after its name in any layout, alone in its printed layout when its check digits hold
    ("Nome: Ana Souza, CPF: 529.982.247-25", "NATIONAL_ID", "529.982.247-25"),
    ("meu documento 529.982.247-25 está errado no cadastro", "NATIONAL_ID", "529.982.247-25"),
    ("o cpf é 52998224725", "NATIONAL_ID", "52998224725"),
    # a date of birth after "es el", "ist der"
    ("Mi fecha de nacimiento es el 7 de mayo de 1990", "DOB", "7 de mayo de 1990"),
    ("Mein Geburtsdatum ist der 02.07.1984, bitte korrigieren", "DOB", "02.07.1984"),
    # names: particles in lower case, Dutch "'t", an initial after a role, "name on it" without "is", first names
    ("hola, soy ana lucía gómez de la fuente, tengo un problema", "PERSON", "ana lucía gómez de la fuente"),
    ("Met vriendelijke groet,\nSanne van 't Veld", "PERSON", "Sanne van 't Veld"),
    ("payee m. mcallister please", "PERSON", "m. mcallister"),
    ("beneficiary k. o'hara, sort code 20-00-00", "PERSON", "k. o'hara"),
    ("booking ref QX7T2P, name on it siobhan kelly. please fix", "PERSON", "siobhan kelly"),
    ("Hey, I'm Ewelina. The app crashed", "PERSON", "Ewelina"),
    ("coucou c'est marie-claire, ma box ne marche plus", "PERSON", "marie-claire"),
    ("re, c'est julien. toujours pas de réseau", "PERSON", "julien"),
])
def test_the_new_rules_find_the_whole_value(text, kind, value):
    assert (kind, value) in found(text)


def test_two_address_lines_with_a_comma_between_are_one_address(detector):
    text = "Adresse : Résidence du Parc, bât. A, appt 7, 14 avenue Victor Hugo, 69006 Lyon"
    value = "Résidence du Parc, bât. A, appt 7, 14 avenue Victor Hugo, 69006 Lyon"
    assert ("ADDRESS", value) in [(s.kind, text[s.start:s.end]) for s in detector.find(text)]


@pytest.mark.parametrize(("text", "kept"), [
    # who writes is not a name
    ("Owner here. The dishwasher leaks again, please call.", "Owner"),
    ("Tenant here, the boiler is broken again", "Tenant"),
    # a price before a spoken "at" is no mailbox
    ("they want me to pay 1.49 at parcel-fee dot net, is that you?", "1.49"),
    # a public figure quoted
    ("Like Jeff Bezos always says, the customer is king. Not here.", "Jeff Bezos"),
    ("as Mark Zuckerberg's app shows, you are slow", "Mark Zuckerberg"),
    ("Apple CEO Tim Cook Says the Fix Is Coming, still waiting", "CEO Tim Cook"),  # NER cuts or runs on a figure's name
    # a state after "je suis", "sono"
    ("Je suis Déçue : la livraison n'est jamais arrivée", "Déçue"),
    ("Sono Arrabbiato, il pacco non arriva", "Arrabbiato"),
    # a city after "do", "no", "desde"
    ("Qual é o preço da entrega no Porto amanhã?", "Porto"),
    ("Onde fica a loja do Porto mais próxima?", "Porto"),
    # a client code
    ("Buongiorno, codice cliente 0091827364, la fattura è sbagliata", "0091827364"),
    ("Mi número de cliente es 0012345678, gracias", "0012345678"),
    # a device and its model
    ("Hallo, mein Handy Galaxy A54 lädt nicht mehr.", "Galaxy"),
    # "thanks in advance"
    ("Gracias de antemano.", "antemano"),
])
def test_what_the_detector_now_leaves_alone(detector, text, kept):
    assert kept in mask(text, detector.find(text))


@pytest.mark.parametrize(("text", "kept"), [
    ("Je suis Furieuse, personne ne répond", "Furieuse"),
    ("Estoy Harta de esperar, el pedido no llega", "Harta"),
    ("Buenas, escribo desde Bilbao y el router no va.", "Bilbao"),
    ("Mein Handy Pixel 6 ist seit gestern kaputt.", "Pixel"),
    ("Danke im Voraus.", "Voraus"),
])
def test_guard_look_alikes_stay_unmasked(detector, text, kept):
    assert kept in mask(text, detector.find(text))


@pytest.mark.parametrize(("text", "name"), [
    ("Hi, I'm Elon Park and my order is late", "Elon"),  # a public figure's first name alone is still a name
    ("my neighbour Steve Jobson took the parcel", "Jobson"),
    ("Je suis Amélie Durand, ma commande FR-1234-5678 est en retard", "Amélie"),
    ("Hola, soy Renata y mi pedido no llega", "Renata"),  # a name with an adjective's ending that we know
    ("Hola, soy Lucía desde Málaga. Mi pedido no llega.", "Lucía"),
])
def test_guard_real_names_stay_masked(detector, text, name):
    assert name not in mask(text, detector.find(text))


def test_guard_a_cpf_layout_whose_check_digits_fail_is_no_national_id():
    assert not any(kind == "NATIONAL_ID" for kind, _ in found("ref 529.982.247-26 is my parcel"))


def test_the_cpf_check_digits():
    assert pii_rules.cpf_ok("52998224725") and pii_rules.cpf_ok("12345678909")
    assert not pii_rules.cpf_ok("52998224726") and not pii_rules.cpf_ok("11111111111")


@pytest.mark.parametrize(("text", "name"), [
    ("Hi, my name is Michael O'Leary and my order BW-123456 is late", "Michael O'Leary"),
    ("I'm Taylor Swift, the account holder, please call me", "Taylor Swift"),
    ("Kind regards,\nDavid Beckham", "David Beckham"),
    ("my husband Lewis Hamilton booked the room", "Lewis Hamilton"),
    ("the refund should go to\nKim Kardashian\n42 Elm Road", "Kim Kardashian"),
])
def test_a_public_figures_name_given_as_the_writers_own_is_masked(detector, text, name):
    # A customer who shares a famous name is still a customer: the public-figure list only spares names the writer
    # talks about ("as Elon Musk said"), never one given as theirs, a relative's or signed (fails on 89a90d6).
    assert name not in mask(text, detector.find(text))
