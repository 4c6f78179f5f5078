"""Session 39, candidate 39-1: national ids of more countries read by their published structure and check digit
(pii_structured_ids): a CURP, a Chinese resident id (in digits or Chinese numerals), a Korean resident number, a Thai
id, a Czech / Slovak birth number, a Swedish personnummer, a Sri Lankan NIC, a Singapore NRIC, a MyKad, an Egyptian
national id, a Kazakh ИИН, a JMBG, a CNP, a South African id, a Vietnamese CCCD, a Mongolian register number, a Greek
ΑΔΤ, a Japanese My Number, a Taiwanese id, an Uzbek JShShIR, a Moldovan IDNP, without a cue where the check holds, or
after the id's name (also asked in a dialogue's turn and answered at the next). Look-alikes are not taken: a value
failing its check without a cue, a bank account, an order's, a product's or a transaction's number, a phone, a form's
sample. The examples are made up in the shapes of the seen sets' misses."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_structured_ids
from services.adapters.local.pii_fast import RulesPiiDetector
from services.adapters.local.pii_presidio import PresidioPiiDetector


@pytest.fixture(scope="module")
def detector() -> PresidioPiiDetector:
    return PresidioPiiDetector()


@pytest.fixture(scope="module")
def rules() -> RulesPiiDetector:
    return RulesPiiDetector()


def ids(detector: PresidioPiiDetector | RulesPiiDetector, text: str) -> list[str]:
    return [text[s.start:s.end] for s in detector.find(text) if s.kind == "NATIONAL_ID"]


FOUND = [
    ("Titular: Jorge Peña López, PELJ910605HNLRPN07. Gracias", "PELJ910605HNLRPN07"),
    ("asesor: ¿nombre completo y CURP del paciente?\ncliente: Jorge Peña López, PELJ910605HNLRPN08",
     "PELJ910605HNLRPN08"),
    ("客服您好，身份证号110105198507234113，请帮我解冻银行卡。", "110105198507234113"),
    ("客服：请提供机主身份证号码\n客户：三二零五八四一九九二零三一四七六二八", "三二零五八四一九九二零三一四七六二八"),
    ("안녕하세요, 김민수 880512-1234568 입니다. 주소 변경 부탁드립니다.", "880512-1234568"),
    ("ลูกค้า: สมชาย ใจดี 3-1005-01234-56-3 ครับ", "3-1005-01234-56-3"),
    ("Dobrý den, posílám údaje manželky: Jana Nováková, 885611/1000. Děkuji", "885611/1000"),
    ("Barn: Ella Berg, 19870314-2003\nVårdnadshavare: Anna Berg", "19870314-2003"),
    ("agent: NIC number eka\ncaller: 199112345678... sorry old one is 856421937V", "856421937V"),
    ("Agent: May I have your full name and NRIC please\nCustomer: Lim Mei Ling, S8812345Z", "S8812345Z"),
    ("agent: boleh saya dapatkan nombor IC puan\ncaller: 910527145832", "910527145832"),
    ("agent: wel raqam el qawmy?\ncaller: 29105271401234", "29105271401234"),
    ("Здравствуйте! Мой ИИН 910527400123, перевод ушёл не туда.", "910527400123"),
    ("Поштовани, ЈМБГ: 2705991710123, молим исправку рачуна.", "2705991710123"),
    ("agent: CNP-ul titularului?\nclient: 2910527400128, e mama mea", "2910527400128"),
    ("Agent: and your ID number for verification?\nCustomer: 9105275800084", "9105275800084"),
    ("Chào shop, CCCD của em 001191012345, em cần đổi tên người nhận.", "001191012345"),
    ("Сайн байна уу, регистрийн дугаар УП91052712, утас 9911 2233.", "УП91052712"),
    ("Ο αριθμός ταυτότητάς μου είναι ΑΒ 418273, ευχαριστώ.", "ΑΒ 418273"),
    ("Hi, the shop asked for my My Number to open the line. It's 4271 8830 6125.", "4271 8830 6125"),
    ("您好，取件人林小姐，身分證字號F228173645需要嗎？", "F228173645"),
    ("Assalomu alaykum, JShShIR 31505911234567. Pul noto'g'ri kartaga o'tdi.", "31505911234567"),
    ("Bună ziua, IDNP 2002001234567, vă rog să deblocați numărul.", "2002001234567"),
]

NOT_FOUND = [
    ("Your order 110105198507234112 has shipped.", "110105198507234112"),  # fails its check, an order's
    ("Prosím o platbu na číslo účtu: 885611/1000, děkuji", "885611/1000"),  # a bank account
    ("Bestellnummer 20190614-2383 wurde versandt.", "20190614-2383"),  # an order's
    ("Product code S8812345A is out of stock.", "S8812345A"),  # its check letter fails
    ("Your transaction ID 9105275800084 was reversed.", "9105275800084"),
    ("Order number 29105271401234 will arrive tomorrow.", "29105271401234"),
    ("Hola, la referencia es PELJ910605HNLRPN08 en el pedido.", "PELJ910605HNLRPN08"),  # check fails, no cue
    ("agent: your phone number please\ncaller: 9105275800084", "9105275800084"),
    ("Мой ИИН 111111111111 пример из формы", "111111111111"),  # a form's sample
]


@pytest.mark.parametrize(("text", "value"), FOUND)
def test_structured_ids_are_masked(detector: PresidioPiiDetector, text: str, value: str) -> None:
    assert value in ids(detector, text)


@pytest.mark.parametrize(("text", "value"), FOUND)
def test_rules_only_provider_masks_them_too(rules: RulesPiiDetector, text: str, value: str) -> None:
    assert value in ids(rules, text)


@pytest.mark.parametrize(("text", "value"), NOT_FOUND)
def test_look_alikes_are_not_taken(detector: PresidioPiiDetector, text: str, value: str) -> None:
    assert value not in ids(detector, text)
    assert not any(f[1:3] == (text.find(value), text.find(value) + len(value))
                   for f in pii_structured_ids.find_structured_ids(text))


def test_hostile_input_is_fast() -> None:
    texts = ["ID " + "8801015800085 " * 3000, "身份证" + "三" * 20000, "caller: " * 3000 + "S8812345Z",
             "880512-1234568 " * 3000]
    for text in texts:
        began = time.perf_counter()
        found = list(pii_structured_ids.find_structured_ids(text))
        assert time.perf_counter() - began < 1.0
        assert len(found) <= pii_structured_ids.CAP
