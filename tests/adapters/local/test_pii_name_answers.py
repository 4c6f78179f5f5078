"""Session 36, candidate 36-2: the caller's name given on the turn after the agent asks for it is masked as a PERSON
(pii_name_answers) — its words only, lower case too, particles and "ma." inside, without the fillers, titles and
polite particles around it and without the spelling that follows; a firm, a place, a number or a "no" is not. The
examples are made up."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_name_answers
from services.adapters.local.pii_presidio import PresidioPiiDetector


@pytest.fixture(scope="module")
def detector() -> PresidioPiiDetector:
    return PresidioPiiDetector(crf=True, person_check=True)


def masked(detector: PresidioPiiDetector, text: str) -> list[str]:
    return [text[s.start:s.end] for s in detector.find(text) if s.kind == "PERSON"]


def proposed(text: str) -> list[str]:
    return [text[start:end] for _, start, end, _ in pii_name_answers.find_name_answers(text)]


@pytest.mark.parametrize(("text", "name"), [
    ("agent: lovely, and your full name?\ncaller: yeah it's tobias wren-hallett", "tobias wren-hallett"),
    ("ahente: at ang buong pangalan ninyo po?\ntumatawag: rowena dela paz po", "rowena dela paz"),
    ("ahente: full name po\ntumatawag: ma. lourdes santiago", "ma. lourdes santiago"),
    ("petugas: atas nama siapa, bu?\npenelepon: sri wahyuningsih", "sri wahyuningsih"),
    ("ejen: nama penuh seperti dalam kad?\npemanggil: nurul aina binti kamarudin", "nurul aina binti kamarudin"),
    ("tổng đài viên: chị cho em xin họ tên ạ\nkhách hàng: phạm thị thu hằng", "phạm thị thu hằng"),
    ("wakala: jina lako kamili?\nmpigaji: zawadi akinyi ochieng", "zawadi akinyi ochieng"),
    ("agente: ¿me dice su nombre completo?\ncliente: sí, claro, rodrigo ibáñez ferrer", "rodrigo ibáñez ferrer"),
    ("atendente: qual o nome do titular?\ncliente: é o gilberto nascimento", "gilberto nascimento"),
    ("Mitarbeiter: wie ist Ihr Name, bitte?\nKunde: Jörg Weidenhammer, W wie Wilhelm, E, I", "Jörg Weidenhammer"),
    ("temsilci: adınız soyadınız?\nmüşteri: Emine Karakaya", "Emine Karakaya"),
    ("agent: aapka naam?\ncaller: ji mera naam suresh bhatnagar hai", "suresh bhatnagar"),
    ("agent: اسمك؟\ncaller: karim haddad", "karim haddad"),
    ("[10:02:11] Agent: thanks, and who am I speaking with?\n[10:02:14] Caller: um, delphine oyelowo",
     "delphine oyelowo"),
    ("A: can I take the name on the account\nC: mister t j okonkwo-barnes", "t j okonkwo-barnes"),
    ("operatore: e il cognome?\ncliente: scarpellini", "scarpellini"),
])
def test_the_name_answered_is_masked(detector: PresidioPiiDetector, text: str, name: str) -> None:
    assert name in masked(detector, text), masked(detector, text)


@pytest.mark.parametrize(("text", "names"), [
    ("agent: and the account holders' names\ncaller: desmond and ruth ogunleye", ["desmond", "ruth ogunleye"]),
    ("agent: your name please\ncaller: ignatius, ignatius mbeki-rowe", ["ignatius", "ignatius mbeki-rowe"]),
    ("Agent : votre nom ?\nClient : Lemaire, L E M A I R E, Josiane", ["Lemaire", "Josiane"]),
    ("agent: and your name\ncaller: perpetua, surname nwankwo-idris", ["perpetua", "nwankwo-idris"]),
])
def test_each_name_of_the_answer_is_its_own_span(text: str, names: list[str]) -> None:
    assert proposed(text) == names


@pytest.mark.parametrize(("text", "name"), [
    ("agent: can I take your name\ncaller: yeah it's halvard brisk, b r i s k", "halvard brisk"),
    ("agent: at pangalan po?\ncaller: jennalyn macaraeg po", "jennalyn macaraeg"),
    ("agent: full name please\ncaller: mrs... sorry, yetunde alabi", "yetunde alabi"),
    ("agente: ¿a nombre de quién está?\ncliente: de mi suegra, Remedios Aguilar Mena", "Remedios Aguilar Mena"),
    ("agent: name and date of birth\ncaller: cormac lenihan, fourth of june eighty one", "cormac lenihan"),
])
def test_fillers_honorifics_and_spellings_stay_outside(text: str, name: str) -> None:
    assert proposed(text) == [name]


@pytest.mark.parametrize("text", [
    "agent: and your name?\ncaller: hang on let me check",
    "agent: and your name?\ncaller: no",
    "agent: and your name?\ncaller: sorry what?",
    "agent: what's the company name?\ncaller: Brightmoor Logistics",
    "agent: what's the name of the street?\ncaller: Willowbank",
    "agent: and the name of the shop\ncaller: corner stores",
    "agent: thank you for calling Tarn Bank, my name is Oksana\ncaller: hi Oksana, my card got blocked",
    "caller: his name was Troy Ashgrove\nagent: lovely, and the policy number",
    "agent: your full name?\ncaller: it's under my husband's name actually",
    "agent: and your name?\ncaller: forty two",
    "agent: and your name?\ncaller: Lisbon",
    "Thanks for the update.\nRegards",
    "agent: and your name?\nagent: sorry, line dropped",
])
def test_look_alikes_are_not_proposed(text: str) -> None:
    assert proposed(text) == []


def test_a_long_input_stays_fast() -> None:
    text = ("agent: and your full name please?\ncaller: " + "a " * 50_000 + "\n") * 2 + "x" * 100_000
    started = time.perf_counter()
    list(pii_name_answers.find_name_answers(text))
    pii_name_answers.is_answered_name(text, 0, 5)
    lines = "agent: your name?\ncaller: " + " " * 100_000 + "maria" + "\n" + "-" * 100_000
    list(pii_name_answers.find_name_answers(lines))
    assert time.perf_counter() - started < 2.0
