"""Candidate 38-1: the caller's answer to the agent's question for an address, a house number or a flat is masked as
an ADDRESS (pii_address_answers) — a street said in words in any of the languages our calls mix, a block and lot, a
bare house number and the flat said after it, a Ghana digital address; fillers, a landmark said as the turn's last
clause, a floor, a block ("bloco b"), a ZIP said after the town and what the caller says after the address stay
outside; a phone, an e-mail, an order number and a turn with no street and number are no address. The examples are
made up."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_address_answers
from services.adapters.local.pii_fast import RulesPiiDetector
from services.adapters.local.pii_presidio import PresidioPiiDetector


@pytest.fixture(scope="module")
def detector() -> PresidioPiiDetector:
    return PresidioPiiDetector()


@pytest.fixture(scope="module")
def rules() -> RulesPiiDetector:
    return RulesPiiDetector()


def masked(found: list, text: str, value: str) -> bool:
    """Every character of ``value`` (but spaces) is inside a span."""
    start = text.index(value)
    chars = [False] * len(text)
    for s in found:
        for i in range(s.start, s.end):
            chars[i] = True
    return all(chars[i] for i in range(start, start + len(value)) if not text[i].isspace())


def untouched(found: list, text: str, value: str) -> bool:
    start = text.index(value)
    return not any(s.start < start + len(value) and start < s.end for s in found)


def proposed(text: str) -> list[str]:
    return [text[start:end] for _, start, end, _ in pii_address_answers.find_address_answers(text)]


ADDRESSES = [
    ("agente: ¿domicilio de entrega?\ncliente: calle tlaxcala doscientos doce, interior tres, colonia condesa",
     "calle tlaxcala doscientos doce, interior tres, colonia condesa"),
    ("agent: address po for the delivery\ncustomer: blk nine lot fourteen, phase one, villa rosa, brgy mambog, bacoor",
     "blk nine lot fourteen, phase one, villa rosa, brgy mambog, bacoor"),
    ("agent: and the address for the surveyor\ncaller: no sixty one stroke two, lake road, kandy",
     "no sixty one stroke two, lake road, kandy"),
    ("operatore: e l'indirizzo per la consegna?\ncliente: via Nizza 41, interno 6, Torino", "via Nizza 41, interno 6, Torino"),
    ("konsultant: adres dostawy?\nklient: ulica Długa czternaście mieszkania pięć, Gdańsk",
     "ulica Długa czternaście mieszkania pięć, Gdańsk"),
    ("agent: and the installation address\ncaller: it's lot four one nine, hubert murray highway, near the harbour city",
     "lot four one nine, hubert murray highway"),
    ("agent: where should the rider drop it\ncaller: house number eleven, oduduwa crescent, ikeja gra",
     "house number eleven, oduduwa crescent, ikeja gra"),
    ("Agentin: und die neue Adresse?\nKunde: Schillerstraße dreiundzwanzig in Leipzig", "Schillerstraße dreiundzwanzig"),
    ("conseiller : et l'adresse de livraison ?\nclient : rue des Glycines quinze, à Namur", "rue des Glycines quinze"),
    ("agent: what's the address for the new line?\ncaller: two four one… sorry two one four Cuba Street",
     "two one four Cuba Street"),
    ("agent: and your digital address\ncaller: g a two one seven, five five three nine", "g a two one seven, five five three nine"),
]


@pytest.mark.parametrize(("text", "address"), ADDRESSES)
def test_the_address_answered_is_masked(detector: PresidioPiiDetector, text: str, address: str) -> None:
    found = detector.find(text)
    assert masked(found, text, address), [text[s.start:s.end] for s in found]


@pytest.mark.parametrize(("text", "address"), ADDRESSES)
def test_the_rules_only_detector_masks_it_too(rules: RulesPiiDetector, text: str, address: str) -> None:
    found = rules.find(text)
    assert masked(found, text, address), [text[s.start:s.end] for s in found]


@pytest.mark.parametrize(("text", "parts"), [
    ("atendente: qual o CEP?\ncliente: zero quatro cinco zero sete, zero dez\natendente: e o número?\n"
     "cliente: novecentos e quarenta, apartamento doze", ["novecentos e quarenta", "doze"]),
    ("atendente: e o número da casa?\ncliente: seiscentos e trinta\natendente: complemento?\ncliente: apto 41",
     ["seiscentos e trinta", "apto 41"]),
    ("agente: ¿y el número exterior?\ncliente: doscientos cuarenta y uno\nagente: ¿interior?\ncliente: interior seis",
     ["doscientos cuarenta y uno", "seis"]),
    ("rider: which house is it\ncustomer: number 23, the one with the green gate", ["number 23"]),
    ("Mitarbeiter: und die Hausnummer?\nKundin: zweiundvierzig b", ["zweiundvierzig b"]),
    ("medewerker: en uw huisnummer?\nklant: achtenveertig", ["achtenveertig"]),
    ("agente: ¿piso y puerta?\ncliente: tercero B", ["tercero B"]),
])
def test_the_house_number_and_the_flat_answered_are_masked(detector: PresidioPiiDetector, rules: RulesPiiDetector,
                                                           text: str, parts: list[str]) -> None:
    for found in (detector.find(text), rules.find(text)):
        for part in parts:
            assert masked(found, text, part), (part, [text[s.start:s.end] for s in found])


@pytest.mark.parametrize(("text", "address", "kept"), [
    # a landmark said as the turn's last clause is a kept place
    ("agent: and the delivery address\ncaller: lot five eight two, boroko drive, near the vision mall",
     "lot five eight two, boroko drive", "vision mall"),
    # a ZIP said after the town alone is a kept ZIP
    ("agent: can i get the service address\ncaller: four twelve birch hollow lane fresno nine three seven one one",
     "four twelve birch hollow lane fresno", "nine three seven one one"),
    # a floor, a date after the address
    ("Agent : Et l'adresse du logement ?\nAppelant : trente et un rue Nationale, Lille, au troisième étage",
     "trente et un rue Nationale, Lille", "troisième étage"),
    ("agent: und die neue Adresse?\nanrufer: Lindenallee zwölf, Leipzig, ab ersten März", "Lindenallee zwölf, Leipzig",
     "ersten März"),
])
def test_what_follows_the_address_stays_unmasked(detector: PresidioPiiDetector, text: str, address: str,
                                                 kept: str) -> None:
    found = detector.find(text)
    assert masked(found, text, address), [text[s.start:s.end] for s in found]
    assert untouched(found, text, kept), [text[s.start:s.end] for s in found]


@pytest.mark.parametrize("text", [
    "agente: ¿me da el número?\ncliente: cinco cinco, uno dos tres cuatro, cinco seis siete ocho",  # a phone
    "agent: and the number?\ncaller: oh seven seven one two, three four five six seven eight",
    "atendente: qual o número do protocolo?\ncliente: dois mil e vinte e quatro",  # no house-number question
    "atendente: e o número?\ncliente: cento e doze",  # a bare "número?" with no address asked before it
    "agent: your email address?\ncaller: anna dot smith 12 at gmail dot com",
    "agent: IP address?\ncaller: 192.168.1.1",
    "agent: whats the address\ncaller: same one as last time, i've been there 12 years",
    "agent: which street?\ncaller: Oak Road, the lights have been out for 3 days",  # no number of the street
    "agent: where did it happen?\ncaller: on the M6 near junction 14",
    "agent: and the address\ncaller: it's the blue house behind the church",  # a description with no number
    "customer: 14 Elm Road\ncustomer: what's the address of your shop?",  # the same speaker
    "agent: and the address?\ncaller: yes, but the rider went to number 9",
    # a block after the flat is a kept place, which the address rules would take with the flat
    "atendente: qual o CEP?\ncliente: 04507-010\natendente: complemento?\ncliente: apartamento 51, bloco c",
])
def test_look_alikes_are_not_proposed(text: str) -> None:
    assert proposed(text) == []


def test_a_long_paste_stays_fast() -> None:
    text = "agent: and the address?\ncaller: " + "forty two, " * 2000 + "\n" + (
        "agent: e o número?\ncliente: cento e doze\n" * 3000)
    start = time.perf_counter()
    found = pii_address_answers.find_address_answers(text)
    assert time.perf_counter() - start < 1.0
    assert len(found) <= pii_address_answers.CAP
