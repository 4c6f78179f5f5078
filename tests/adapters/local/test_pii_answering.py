"""Session 32 (issue 21, first and fourth rules): the person who answers a call is masked ("agent: Bayview Bank,
Darnell speaking", "ben burak", "saya aina"); the firm a call is answered for ("agent: Karoo Fibre, you're talking to Ruan") or that a
caller is thanked for calling is not masked as a person; the person who answers, and a customer the agent greets,
still are. The firm cases but "Seguros Montaraz" were masked on the code before (74f90c9), and four of the six agents' names
were not masked on the code before (280601c); the kept-name cases guard what the pass must not
take."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_answering
from services.adapters.local.pii_presidio import PresidioPiiDetector
from services.models import PiiSpan


@pytest.fixture(scope="module")
def detector() -> PresidioPiiDetector:
    return PresidioPiiDetector(crf=True, person_check=True)


def masked(detector: PresidioPiiDetector, text: str) -> list[str]:
    return [text[s.start:s.end] for s in detector.find(text)]


@pytest.mark.parametrize(("text", "firm", "agent"), [
    ("agent: Veld Fibre, you're talking to Thandi\ncaller: hi, my line is down since Friday", "Veld Fibre", "Thandi"),
    ("agent: hello Sinar Telco, Aisyah speaking\ncaller: hi, i want to port in my number", "Sinar Telco", "Aisyah"),
    ("agent: Grab Malaysia, Aina here\ncaller: hi, my driver did not come", "Grab Malaysia", "Aina"),
    ("agent: Helvetia Direkt, guten Tag, Sie sprechen mit Sabrina\ncaller: ja grüezi", "Helvetia Direkt", "Sabrina"),
    ("temsilci: Boğaziçi Sigorta, ben Emre\nmüşteri: merhaba, kasko poliçem hakkında arıyorum",
     "Boğaziçi Sigorta", "Emre"),
    ("Atendente: Olá! Aqui é o Rodrigo da Ventania Fibra. Pode me informar o CPF do titular?\nCliente: claro",
     "Ventania Fibra", "Rodrigo"),
    ("agente: gracias por llamar a Seguros Montaraz, le atiende Lucía\ncliente: sí, quería dar un parte",
     "Seguros Montaraz", "Lucía"),
    ("agent: Carolina Gas & Electric, this is Kendra\ncaller: yes ma'am, my bill doubled", "Carolina Gas", "Kendra"),
    ("agent: Harbourline Energy Siobhán speaking\ncaller: hi yeah i'm moving house next week", "Harbourline Energy",
     "Siobhán"),
])
def test_the_firm_in_the_agents_opening_words_is_not_a_person(
        detector: PresidioPiiDetector, text: str, firm: str, agent: str) -> None:
    found = masked(detector, text)
    assert not any(firm in m or m in firm for m in found), found
    assert agent in found, found


@pytest.mark.parametrize(("text", "name"), [
    ("agent: hello Mr Okafor, this is Ruan from Kopje Fibre", "Okafor"),
    ("agent: Hi Sarah-Jane, it's Tom from Acme Bank\ncaller: hi", "Sarah-Jane"),
    ("Thanks for calling Penny back, much appreciated. — Lionel", "Penny"),
    ("agent: Hi, Wei Jie here! Please send the PayNow number", "Wei Jie"),
    ("Conseiller : Bonjour, Samia à votre service. Pouvez-vous me donner le numéro ?", "Samia"),
    ("Berater: Sparkasse Rheinau, Weber, guten Tag\nKundin: ja hallo", "Weber"),
    ("agent: you're through to leanne at halbury bank can i take your full name", "leanne"),
])
def test_a_person_where_a_firm_could_stand_stays_masked(detector: PresidioPiiDetector, text: str, name: str) -> None:
    assert any(name in m for m in masked(detector, text)), masked(detector, text)


def test_many_answering_lines_are_read_in_linear_time() -> None:
    text = "agent: thanks for calling Acme Bank, this is Bob\n" * 20000
    spans = [PiiSpan("PERSON", i * 49 + 26, i * 49 + 30, 0.9) for i in range(20000)]
    start = time.process_time()
    kept = pii_answering.without_answering_firms(text, spans)
    assert time.process_time() - start < 2.0
    assert kept == spans  # every "Acme" is borne by another span: a firm named after someone in the text stays


@pytest.mark.parametrize(("text", "agent"), [
    ("agent: Harbour Mutual, Darnell speaking\ncaller: hi, i need to make a claim", "Darnell"),
    ("operador: MEO, bom dia, fala o Rui\ncliente: bom dia, a minha internet não funciona", "Rui"),
    ("agent: yapı kredi iyi günler ben burak\ncaller: iyi günler, kartım bloke oldu", "burak"),
    ("agent: maybank good morning saya aina boleh saya bantu\ncaller: hi, my card kena block", "aina"),
    ("ügyfélszolgálat: Telekom jó napot, Balázs vagyok\nügyfél: jó napot, nincs internet", "Balázs"),
    ("agent: good afternoon clearpath energy youre speaking with imogen\ncaller: hi um yeah", "imogen"),
])
def test_the_person_who_answers_is_masked(detector: PresidioPiiDetector, text: str, agent: str) -> None:
    assert agent in masked(detector, text), masked(detector, text)


@pytest.mark.parametrize(("text", "word"), [
    ("caller: i got a text about a parcel\nagent: that text isn't from us, it's a scam. did you click it", "scam"),
    ("agent: hello this is sky youre speaking to callum\ncaller: hi callum", "sky"),
    ("agent: boleh saya dapat nombor mykad\ncaller: eight eight oh three", "dapat"),
    ("agent: okay this is parkingeye what's the pcn\ncaller: p e eight", "parkingeye"),
])
def test_a_word_after_a_weak_cue_is_not_taken_for_the_agent(
        detector: PresidioPiiDetector, text: str, word: str) -> None:
    assert word not in masked(detector, text), masked(detector, text)
