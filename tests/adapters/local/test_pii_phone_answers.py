"""Session 47 (candidate 47-1): a phone with no phone word beside it is masked — the answer to a turn that asks for a
phone (whatever the speaker's label: "Customer:", "Cliente:", "Client :"), the same number corrected on that line, a
number after a callback word of more languages ("Terugbelnummer", "Rückrufnummer"), a number glued to CJK or Hangul
after its phone word ("有事打138…", "번호 010-…이에요") — while an order's, a booking's or a customer's number given as
the answer to the question for it, a date and an amount stay as they are."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_phone_answers
from services.adapters.local.pii_fast import RulesPiiDetector
from services.models import PiiSpan


def _masked(spans: list[PiiSpan], text: str, value: str) -> bool:
    start = text.index(value)
    return any(s.start < start + len(value) and start < s.end for s in spans)


def _whole(spans: list[PiiSpan], text: str, value: str) -> bool:
    start = text.index(value)
    return any(s.kind == "PHONE" and s.start <= start and start + len(value) <= s.end for s in spans)


# (text, the phone that must be masked whole)
_PHONES = [
    ("Agent (Sam): Thanks. And the best mobile to reach you on?\nCustomer: 07812 449 301\nAgent (Sam): Lovely.",
     "07812 449 301"),
    ("Conseillère (Inès) : Quel est le numéro de la ligne fixe ?\nClient : 04 78 33 12 90\nConseillère (Inès) : Merci.",
     "04 78 33 12 90"),
    ("Agente (Lucía): Perfecto. ¿Me confirmas el número a portar?\nCliente: 655 318 204\nAgente (Lucía): Gracias.",
     "655 318 204"),
    ("Operatore (Marco): mi lascia un recapito?\nCliente: 333 812 4470", "333 812 4470"),
    ("[10:02] Kasia (Sklep): Jaki numer telefonu podać kurierowi?\n[10:03] Klient: 512 644 903", "512 644 903"),
    ("オペレーター: ご連絡先のお電話番号をお願いします\nお客様: 080-3312-7745です\nオペレーター: ありがとうございます",
     "080-3312-7745"),
    ("상담원: 연락 가능한 번호 알려주시겠어요?\n고객: 네 010-5823-1147로요", "010-5823-1147"),
    ("택배가 아직 안 왔어요. 제 번호 010-6621-3094이에요", "010-6621-3094"),
    ("放门口就行，谢谢！有事打138 2291 4406", "138 2291 4406"),
    ("您好，門號0933-518-207的帳單寄錯地址了", "0933-518-207"),
    ("Monteur komt dinsdag tussen 8 en 12 uur.\nTerugbelnummer: 06 28 41 77 93 (na 16u)", "06 28 41 77 93"),
    ("Bitte um Rückruf, Rückrufnummer 0171 5523 981, danke.", "0171 5523 981"),
    ("agent: 3tini noumrou el ligne?\nclient: 7 1 5 5 5 4 1 8\nagent: w esmek?", "7 1 5 5 5 4 1 8"),
]


@pytest.mark.parametrize(("text", "phone"), _PHONES)
def test_phone_is_masked(tagged, text: str, phone: str) -> None:
    assert _whole(tagged.find(text), text, phone), text


def test_corrected_number_on_the_answer_line_is_masked(tagged) -> None:
    text = "Agent: which number did you send it to?\nCustomer: 0712 884 301, no, 0712 884 310\nAgent: thanks"
    spans = tagged.find(text)
    assert _whole(spans, text, "0712 884 301")
    assert _whole(spans, text, "0712 884 310")


# (text, a value that must stay as it is)
_KEPT = [
    ("Agent (Sam): What's your order number?\nCustomer: 55120934\nAgent (Sam): Thanks.", "55120934"),
    ("Agente (Lucía): ¿Me das el número de pedido?\nCliente: 4471 2093 88", "4471 2093 88"),
    ("Agent (Sam): And the best number to reach you?\nCustomer: 12.03.2024, sorry, that's my birthday", "12.03.2024"),
    ("Agente: ¿a qué número?\nCliente: 1.250.000 pesos fueron", "1.250.000"),
    ("주문번호 20240311-4471 확인 부탁드려요", "20240311-4471"),
    ("你好，订单号码 2024031144 还没发货", "2024031144"),
    ("Customer number: 88 4417 2093\nPhone: please call after five", "88 4417 2093"),
]


@pytest.mark.parametrize(("text", "value"), _KEPT)
def test_value_stays(tagged, text: str, value: str) -> None:
    spans = tagged.find(text)
    assert not any(s.kind == "PHONE" and _masked([s], text, value) for s in spans), text


def test_rules_detector_masks_an_answer_too() -> None:
    text = "Agent (Sam): and your mobile number?\nCustomer: 07812 449 301"
    assert _whole(RulesPiiDetector().find(text), text, "07812 449 301")


def test_answer_labels_name_the_speaker() -> None:
    text = "Agent (Farah): and your mobile number?\nCustomer: 07812 449 301"
    begin = text.index("Customer")
    assert pii_phone_answers.answer_labels(text) == [(begin, text.index("078"), len(text))]
    assert pii_phone_answers.answer_labels("Agent: your order number?\nCustomer: 55120934") == []


def test_hostile_text_is_fast() -> None:
    for hostile in ("1 " * 50_000, "Agent: phone?\nCustomer: " + "1-" * 50_000, "번호" * 40_000, "打1 " * 30_000):
        began = time.perf_counter()
        pii_phone_answers.find_phone_answers(hostile)
        pii_phone_answers.answer_labels(hostile)
        assert time.perf_counter() - began < 0.5
