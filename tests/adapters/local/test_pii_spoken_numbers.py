"""Session 31 (issue 21): a phone, an identity document's number or a bank account read out in the caller's own
language is masked after its cue; an order, a protocol, a customer's account at a cable company, an amount and a
postcode read out the same way stay readable. The first six positive cases and the two number words taken for names
fail on the code before the pass (4025c5d): each value stayed readable, and the postcode and the order were masked as
names; the CLABE was read before (the bank pass) and must stay so."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_spoken_numbers
from services.adapters.local.pii_presidio import PresidioPiiDetector


@pytest.fixture(scope="module")
def detector() -> PresidioPiiDetector:
    return PresidioPiiDetector(crf=True, person_check=True)


def masked(detector: PresidioPiiDetector, text: str) -> list[str]:
    return [text[s.start:s.end] for s in detector.find(text)]


@pytest.mark.parametrize(("text", "value"), [
    ("agente: ¿me confirma su número de celular?\ncliente: cincuenta y cinco, treinta y dos, cuarenta y uno, "
     "dieciocho, noventa", "cincuenta y cinco, treinta y dos, cuarenta y uno, dieciocho, noventa"),
    ("agente: me dice su dni por favor\ncliente: sí, treinta y un millones cuatrocientos ocho mil doscientos "
     "quince", "treinta y un millones cuatrocientos ocho mil doscientos quince"),
    ("atendente: pode me passar o cpf do titular?\ncliente: claro, quatro cinco um ponto oito oito dois ponto "
     "três zero sete traço um dois", "quatro cinco um ponto oito oito dois ponto três zero sete traço um dois"),
    ("cs: boleh dibantu nomor hp yang terdaftar kak?\ncust: nol delapan lima dua, tiga tiga satu, empat tujuh "
     "sembilan", "nol delapan lima dua, tiga tiga satu, empat tujuh sembilan"),
    ("conseiller : votre numéro de sécurité sociale s'il vous plaît\nclient : deux quatre-vingt-un zéro six "
     "soixante-neuf trois cent quatre-vingt-huit zéro douze", "deux quatre-vingt-un zéro six soixante-neuf trois "
     "cent quatre-vingt-huit zéro douze"),
    ("temsilci: tc kimlik numaranızı alabilir miyim\nmüşteri: dört iki bir sıfır yedi, sekiz sekiz üç, iki beş "
     "bir", "dört iki bir sıfır yedi, sekiz sekiz üç, iki beş bir"),
    ("agente: para el reembolso necesito su clabe\ncliente: cero uno dos uno ocho cero cero cero cuatro cinco "
     "seis siete", "cero uno dos uno ocho cero cero cero cuatro cinco seis siete"),
])
def test_a_value_read_out_after_its_cue_is_masked(detector: PresidioPiiDetector, text: str, value: str) -> None:
    assert any(value in m for m in masked(detector, text)), masked(detector, text)


@pytest.mark.parametrize(("text", "kept"), [
    # an order's number read out the same way
    ("agente: dígame el número de pedido\ncliente: seis cero cero dos dos uno nueve ocho", "seis cero cero dos"),
    # a protocol after the customer's phone was taken: the nearer cue is the protocol's
    ("atendente: o telefone eu já tenho. vou abrir o chamado, protocolo dois seis um dois zero quatro nove nove",
     "dois seis um dois"),
    # a cable company's account number: no bank in the message
    ("agente: ¿me da el número de cuenta?\ncliente: cuatro uno uno ocho nueve dos cero siete\nagente: listo",
     "cuatro uno uno ocho"),
    # an amount
    ("cliente: mi celular no funciona y me cobraron ochenta y nueve mil novecientos noventa pesos", "ochenta y nueve"),
    # a postcode
    ("agente: su código postal\ncliente: cero seis seis cero cero", "cero seis seis"),
    # "thanks a million" after a phone: one word is not a value read out
    ("Mobile 087 392 1148. Thanks a million", "million"),
])
def test_a_kept_value_read_out_is_not_masked(detector: PresidioPiiDetector, text: str, kept: str) -> None:
    assert not any(kept in m or m in kept for m in masked(detector, text)), masked(detector, text)


@pytest.mark.parametrize("text", [
    "agent: okay and the CURP\ncaller: g o m l eight one zero two one two h d f r n s zero three\n"
    "agent: gracias y el código postal\ncaller: cero cuatro cinco cero cero",
    "agent: sipariş numaranız\ncaller: yedi yedi bir iki",
])
def test_number_words_are_not_a_person(detector: PresidioPiiDetector, text: str) -> None:
    assert not [text[s.start:s.end] for s in detector.find(text) if s.kind == "PERSON"]


@pytest.mark.parametrize(("words", "digits"), [
    ("veintinueve millones ciento cincuenta y seis mil setecientos treinta y cuatro", 8),
    ("quatre-vingt-douze", 2),
    ("delapan puluh tujuh", 2),
    ("dua belas ribu lima ratus", 5),
    ("sześćset dwanaście", 3),
    ("doble cero uno", 3),
    ("cincuenta y cinco, treinta y uno", 4),
])
def test_the_digits_a_run_says(words: str, digits: int) -> None:
    runs = list(pii_spoken_numbers._runs(words))
    assert len(runs) == 1
    assert len(runs[0].digits()) == digits


def test_the_kind_follows_the_cue() -> None:
    found = pii_spoken_numbers.find_spoken_numbers(
        "a: nomor rekening untuk refund?\nb: satu dua tiga empat lima enam tujuh delapan\n"
        "a: dan nomor hp?\nb: nol delapan satu satu dua dua tiga tiga empat")
    assert [kind for kind, *_ in found] == ["BANK_ACCOUNT", "PHONE"]


def test_a_long_run_of_number_words_is_read_in_linear_time() -> None:
    text = "teléfono " + "cincuenta y cinco, " * 20000 + "\n" + ("dni uno dos tres cuatro cinco seis siete. " * 5000)
    began = time.process_time()
    found = pii_spoken_numbers.find_spoken_numbers(text)
    assert time.process_time() - began < 5
    assert len(found) <= pii_spoken_numbers.CAP
