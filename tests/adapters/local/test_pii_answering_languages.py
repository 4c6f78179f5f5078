"""Session 34 (issue 21, candidate 34-5): the answering line of a call in the languages our calls mix. On a call
transcript's first turn, whatever the answering side's label in its language ("rejestracja:", "bankéř:", "tư vấn viên:",
"υπάλληλος:"), the firm that answers and the greeting after it are not a name, and the answering person's first name
after the firm, the greeting or the introduction of its language is ("Medicor Zdrowie, Agnieszka, słucham", "Mutuelle
Arvoise, bonjour, Léa", "казвам се Мариела", "ami rafiq bolchhi"). The caller's first turn, a chat opened by a person
named in its label and a greeted person keep their names masked."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_answering
from services.adapters.local.pii_presidio import PresidioPiiDetector
from services.models import PiiSpan


@pytest.fixture(scope="module")
def detector() -> PresidioPiiDetector:
    return PresidioPiiDetector(crf=True, person_check=True)


def names(detector: PresidioPiiDetector, text: str) -> list[str]:
    return [text[s.start:s.end] for s in detector.find(text) if s.kind == "PERSON"]


@pytest.mark.parametrize(("text", "firm", "agent"), [
    # "FIRM, NAME, słucham" (Polish), "FIRM, NAME, prosím" (Czech)
    ("rejestracja: Medicor Zdrowie, Agnieszka, słucham\npacjentka: dzień dobry, chciałam się zapisać do kardiologa",
     "Medicor Zdrowie", "Agnieszka"),
    ("agentka: Vltava Pojišťovna, Kristýna, prosím\nklient: dobrý den, volám kvůli pojistce\nagentka: číslo smlouvy?",
     "Vltava Pojišťovna", "Kristýna"),
    # "FIRM, greeting, NAME" (French, Czech)
    ("conseillère: Mutuelle Arvoise, bonjour, Léa\nclient: bonjour, je voudrais un remboursement", "Mutuelle Arvoise",
     "Léa"),
    ("bankéř: Moravská Banka, dobrý den, Ondřej\nklient: dobrý den, chci zablokovat kartu", "Moravská Banka", "Ondřej"),
    # the introductions of the languages our calls mix, on labels listed nowhere
    ("operátorka: Severočeská Energie, dobrý den, u telefonu Klára\nzákazník: dobrý den, nejde mi proud",
     "Severočeská Energie", "Klára"),
    ("agen: Kartika Seluler, dengan Dewi, ada yang bisa dibantu?\npelanggan: mbak, kartu saya hilang",
     "Kartika Seluler", "Dewi"),
    ("cs: Mitra Asuransi, selamat siang, saya Yuni\npelanggan: siang mbak, mau klaim", "Mitra Asuransi", "Yuni"),
    ("djelatnica: Jadran Osiguranje, dobar dan, zovem se Marija\nklijent: dobar dan, imam štetu na autu",
     "Jadran Osiguranje", "Marija"),
    ("служител: Родопи Телеком, добър ден, казвам се Мариела\nклиент: здравейте, интернетът не работи",
     "Родопи Телеком", "Мариела"),
    ("оператор: Дніпро Енергія, добрий день, оператор Оксана\nклієнт: добрий день, у мене немає світла",
     "Дніпро Енергія", "Оксана"),
    ("tư vấn viên: Sài Gòn Telecom xin nghe, em là Thảo\nkhách hàng: chào em, mạng nhà chị bị rớt",
     "Sài Gòn Telecom", "Thảo"),
    ("υπάλληλος: Αιγαίο Ασφάλειες, καλημέρα, είμαι η Δήμητρα\nπελάτης: καλημέρα, θέλω να δηλώσω ζημιά",
     "Αιγαίο Ασφάλειες", "Δήμητρα"),
    ("ügyintéző: Tisza Biztosító, jó napot, Réka vagyok\nügyfél: jó napot, kárt szeretnék bejelenteni",
     "Tisza Biztosító", "Réka"),
    ("recepție: Clinica Carpați, bună ziua, Ioana la telefon\npacient: bună ziua, aș vrea o programare",
     "Clinica Carpați", "Ioana"),
    ("ejecutiva: Pacífico Móvil, le habla Constanza\ncliente: hola, tengo un cobro doble", "Pacífico Móvil",
     "Constanza"),
    ("agent: Himal Telecom, namaste, ma Suman bol-dai chhu\ncaller: namaste, mero sim band bhayo", "Himal Telecom",
     "Suman"),
    ("agent: Padma Bank, nomoskar, ami rafiq bolchhi\ncaller: nomoskar, amar card block hoye geche", "Padma Bank",
     "rafiq"),
    ("[09:12] konsultantka: Wisła Energia, Joanna, słucham\n[09:12] klientka: dzień dobry\n[09:13] konsultantka: tak?",
     "Wisła Energia", "Joanna"),
])
def test_the_firm_is_not_masked_and_the_person_who_answers_is(
        detector: PresidioPiiDetector, text: str, firm: str, agent: str) -> None:
    found = names(detector, text)
    assert not any(firm in n or n in firm for n in found), found
    assert agent in found, found


@pytest.mark.parametrize(("text", "name"), [
    # the caller's first turn is not the answering side's
    ("klient: Dobrý den, Jana Malá, volám kvůli faktuře\noperátorka: dobrý den, číslo zákazníka?", "Jana Malá"),
    # a chat opened by someone its label names
    ("Ola: hej, Kasia Nowak, słucham\nKuba: co tam", "Kasia Nowak"),
    # a title: the agent greets the customer
    ("operátorka: dobrý den, paní Nováková, tady Jakub z Pražské Energie\nzákazník: ano", "Nováková"),
    ("operátorka: dobrý den, paní Nováková, tady Jakub z Pražské Energie\nzákazník: ano", "Jakub"),
])
def test_a_person_where_a_firm_could_stand_stays_masked(detector: PresidioPiiDetector, text: str, name: str) -> None:
    assert any(name in n for n in names(detector, text)), names(detector, text)


@pytest.mark.parametrize(("text", "word"), [
    # "ma" (Nepali "I") is also French "my": a word after it that does not end the phrase is no one's name
    ("conseillère: Banque Lumière, bonjour, ma Collègue va vous rappeler\nclient: merci", "Collègue"),
    # a greeting between the firm and the introduction is not a name
    ("agent: Carthage Télécom, aslema, m3ak Amira\ncaller: salam, el connexion ma5dmetch", "aslema"),
])
def test_a_word_on_the_answering_line_is_not_taken_for_a_name(
        detector: PresidioPiiDetector, text: str, word: str) -> None:
    assert not any(word in n for n in names(detector, text)), names(detector, text)


def test_the_first_turn_is_the_answering_side_only_in_a_transcript() -> None:
    assert pii_answering._first_turn("rejestracja: Lux, Ewa, słucham\npacjent: dzień dobry") is not None
    assert pii_answering._first_turn("rejestracja: Lux, Ewa, słucham") is None  # no other turn
    assert pii_answering._first_turn("pacjent: dzień dobry\nrejestracja: Lux, Ewa, słucham") is None
    assert pii_answering._first_turn("Od: Kowalski Serwis\nDo: biuro@example.pl\nTemat: faktura") is None
    assert pii_answering._first_turn("Sam (bot): Hi, I'm Sam\nGuest: hi") is None


def test_long_inputs_are_read_in_linear_time() -> None:
    lines = "operátorka: Severočeská Energie, dobrý den, u telefonu Klára\nzákazník: " + "a " * 100000
    spaces = "rejestracja:" + " " * 200000 + "\npacjent: x"
    words = "bankéř: " + "Banka, dobrý den, " * 12000 + "\nklient: x"
    for text in (lines, spaces, words):
        start = time.process_time()
        list(pii_answering.find_answering_names(text))
        pii_answering.without_answering_firms(text, [PiiSpan("PERSON", 12, 20, 0.9)])
        assert time.process_time() - start < 2.0
