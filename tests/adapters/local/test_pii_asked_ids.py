"""Session 47 (candidate 47-4): a national id or a date of birth given whole as the answer to the turn that asks for it
is masked as that kind, in any script's digits, spaced, grouped or read in words; a phone, a card's last digits, an
order, a correction and a kept date stay as they were."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_asked_ids
from services.adapters.local.pii_fast import RulesPiiDetector
from services.models import PiiSpan


def _span_of(spans: list[PiiSpan], text: str, value: str) -> PiiSpan | None:
    start = text.index(value)
    end = start + len(value)
    return next((s for s in spans if s.start <= start and end <= s.end), None)


# (text, the value masked whole, its kind)
_ASKED = [
    ("consultora: buenas, ¿me dicta su CURP?\ncliente: 4 1 7 7 0 2 9 3 5 1", "4 1 7 7 0 2 9 3 5 1", "NATIONAL_ID"),
    ("konsultant: proszę o numer PESEL\nklient: 9 1 0 2 1 4 0 7 7 3 5", "9 1 0 2 1 4 0 7 7 3 5", "NATIONAL_ID"),
    ("Оператор: продиктуйте, будь ласка, ваш РНОКПП\nКлієнт: 2947710385", "2947710385", "NATIONAL_ID"),
    ("Asiakaspalvelu: saisinko henkilötunnuksenne?\nAsiakas: 140392-518T", "140392-518T", "NATIONAL_ID"),
    ("agent: and your NRC please\ncaller: 4 1 2 2 7 7 slash 1 1 slash 1", "4 1 2 2 7 7 slash 1 1 slash 1",
     "NATIONAL_ID"),
    ("Agent (Faisal): can you share the iqama number\nCustomer: ٢٤٣٨٥٠٩٦١٧", "٢٤٣٨٥٠٩٦١٧", "NATIONAL_ID"),
    ("Agent: for security, the CNIC ke last four digits?\nCaller: 6 0 3 8", "6 0 3 8", "NATIONAL_ID"),
    ("operator: apna NIC number batayein\ncaller: nine one two three four five six seven V",
     "nine one two three four five six seven V", "NATIONAL_ID"),
    ("Agent: aur date of birth?\nCaller: saat june unnees sau athasi", "saat june unnees sau athasi", "DOB"),
    ("พนักงาน: ขอวันเกิดด้วยค่ะ\nลูกค้า: 9 เมษายน 2529ครับ", "9 เมษายน 2529", "DOB"),
    ("Agent (Ritu): janma miti?\nCaller: २०४६/११/०३", "२०४६/११/०३", "DOB"),
    ("agente: ¿su fecha de nacimiento?\ncliente: el nueve de mayo del setenta y ocho",
     "nueve de mayo del setenta y ocho", "DOB"),
    ("Mitarbeiterin: und Ihr Geburtsdatum?\nKunde: am dritten Juli neunzehnhundertachtundsechzig",
     "dritten Juli neunzehnhundertachtundsechzig", "DOB"),
    ("상담원: 본인 확인을 위해 주민등록번호 앞자리 말씀해 주세요\n고객: 구일공삼이칠이요", "구일공삼이칠", "NATIONAL_ID"),
    ("operador: ¿me dice su DNI?\ncliente: DNI 52 447 918 K", "52 447 918 K", "NATIONAL_ID"),
    ("Operator: tug'ilgan sanangiz?\nMijoz: 1989-yil 12-mart", "1989-yil 12-mart", "DOB"),
]


@pytest.mark.parametrize(("text", "value", "kind"), _ASKED)
def test_an_asked_id_or_birth_date_is_masked_whole(tagged, text: str, value: str, kind: str) -> None:
    spans = tagged.find(text)
    span = _span_of(spans, text, value)
    assert span is not None and span.kind == kind, [(s.kind, text[s.start:s.end]) for s in spans]


def test_the_agent_s_read_back_of_the_id_is_the_same_id(tagged) -> None:
    text = ("Agent Bisi: what's your NIN?\nCaller: three one five, two two, eight zero, four four one seven\n"
            "Agent Bisi: 31522804417\nCaller: yes")
    spans = tagged.find(text)
    for value in ("three one five, two two, eight zero, four four one seven", "31522804417"):
        span = _span_of(spans, text, value)
        assert span is not None and span.kind == "NATIONAL_ID", (value, [(s.kind, text[s.start:s.end]) for s in spans])


def test_the_rules_only_detector_reads_them_too() -> None:
    text = "konsultant: proszę o numer PESEL\nklient: 9 1 0 2 1 4 0 7 7 3 5"
    span = _span_of(RulesPiiDetector().find(text), text, "9 1 0 2 1 4 0 7 7 3 5")
    assert span is not None and span.kind == "NATIONAL_ID"


# (text, a value no rule of this module takes)
_NOT_ASKED = [
    ("Agent: and the last four of the card?\nCaller: 4 4 1 7", "4 4 1 7"),
    ("Agent: your order number?\nCaller: 5 5 1 2 0 9 3 3", "5 5 1 2 0 9 3 3"),
    ("Agent: date of birth?\nCaller: one moment please, it's on my card", "one moment"),
    ("Agent: and your ID number?\nCaller: sorry, I don't have it with me", "sorry"),
    ("Agent: what's the delivery date?\nCaller: twelve March", "twelve March"),
    ("Agent: your national ID?\nCaller: the one ending 4417?", "4417"),
    ("Proprietar: Ionescu Maria, CNP 2830227122261\nTelefon: 0722 418 953", "0722 418 953"),
    ("agent: may I have the service ID number po\ncaller: 4418 2203 9155", "4418 2203 9155"),
    ("agent: and your NIN and date of birth\ncaller: 31447208, 4th Feb 1995", "31447208"),
    ("Agent: and the last 4 of your NRIC?\nCaller: 5632", "5632"),
]


@pytest.mark.parametrize(("text", "value"), _NOT_ASKED)
def test_other_answers_are_not_taken(text: str, value: str) -> None:
    start = text.index(value)
    assert not any(s.start <= start < s.end for s in pii_asked_ids.with_asked_ids(text, [], []))


def test_a_kept_range_is_never_taken() -> None:
    text = "konsultant: proszę o numer PESEL\nklient: 9 1 0 2 1 4 0 7 7 3 5"
    start = text.index("9 1 0")
    assert pii_asked_ids.with_asked_ids(text, [], [(start, start + 3)]) == []


def test_other_spans_stay_and_the_spans_inside_go() -> None:
    text = "Agent: aur date of birth?\nCaller: saat june unnees sau athasi"
    start = text.index("saat")
    inner = PiiSpan("PERSON", start, start + 9, 0.8)
    agent = PiiSpan("PERSON", 0, 5, 0.8)
    out = pii_asked_ids.with_asked_ids(text, [agent, inner], [])
    assert agent in out and inner not in out and any(s.kind == "DOB" and s.start == start for s in out)


def test_hostile_text_is_read_fast() -> None:
    for text in ("a: " + "PESEL\nb: 1 " * 20_000, "x: y\n" * 40_000, "agent: dob?\ncaller: " + "1 " * 100_000):
        began = time.perf_counter()
        pii_asked_ids.with_asked_ids(text, [], [])
        assert time.perf_counter() - began < 0.5
