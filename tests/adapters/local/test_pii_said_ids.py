"""Session 45, candidate 45-9: ids, passports and bank accounts read aloud after the question or the label that names
them — Vietnamese, Korean digit syllables in short groups, Thai, Russian / Ukrainian with tens and hundreds, German
compounds, Spanish and French compounds, letters before the digits or spelled by a word — are masked whole
(pii_said_ids); a phone, an order, an amount, a customer's account or an IBAN read the same way is not taken for one.
The examples are made up in the shapes of the seen sets' misses; a look-alike is tested beside an id the same message
masks, so every test fails on the code before."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_said_ids
from services.adapters.local.pii_fast import RulesPiiDetector


def exact(spans, text: str, value: str, kind: str) -> bool:
    at = text.index(value)
    return any(s.kind == kind and s.start == at and s.end == at + len(value) for s in spans)


def untouched(spans, text: str, value: str) -> bool:
    at = text.index(value)
    return not any(s.start < at + len(value) and at < s.end for s in spans)


CASES = [
    ("Nhân viên: chị đọc giúp em số tài khoản người nhận ạ\nKhách hàng: không hai tám, bốn bốn một, chín chín ba, "
     "một bảy", "không hai tám, bốn bốn một, chín chín ba, một bảy", "BANK_ACCOUNT"),
    ("상담원: 입금하실 계좌번호 불러 주세요\n고객: 일공이 사사 칠칠팔 구이", "일공이 사사 칠칠팔 구이", "BANK_ACCOUNT"),
    ("상담원: 본인 확인 위해 주민등록번호 말씀해 주세요\n고객: 구공공일공일 삼일이삼 사오육", "구공공일공일 삼일이삼 사오육", "NATIONAL_ID"),
    ("เจ้าหน้าที่: ขอเลขบัญชีปลายทางค่ะ\nลูกค้า: สาม สอง หนึ่ง เจ็ด เจ็ด แปด ศูนย์ เก้า สี่ สอง",
     "สาม สอง หนึ่ง เจ็ด เจ็ด แปด ศูนย์ เก้า สี่ สอง", "BANK_ACCOUNT"),
    ("Оператор: назовите, пожалуйста, ИНН\nКлиент: семьдесят семь, ноль четыре, двенадцать, триста сорок, пятьдесят "
     "один", "семьдесят семь, ноль четыре, двенадцать, триста сорок, пятьдесят один", "NATIONAL_ID"),
    ("Оператор: продиктуйте серию и номер паспорта\nКлиент: сорок шесть ноль один, двести тридцать четыре "
     "пятьсот шестьдесят семь", "сорок шесть ноль один, двести тридцать четыре пятьсот шестьдесят семь", "PASSPORT"),
    ("Оператор: ваш ідентифікаційний код, будь ласка\nКлієнт: тридцять один, дев'яносто чотири, п'ятдесят п'ять, "
     "нуль сім, двадцять шість", "тридцять один, дев'яносто чотири, п'ятдесят п'ять, нуль сім, двадцять шість",
     "NATIONAL_ID"),
    ("Mitarbeiterin: Ihre Sozialversicherungsnummer, bitte?\nAnrufer: zwei acht eins fünf, null drei, eins eins, "
     "vierundsiebzig", "zwei acht eins fünf, null drei, eins eins, vierundsiebzig", "NATIONAL_ID"),
    ("Agente: ¿me confirma su CUIT?\nCliente: veinte, treinta y cuatro quinientos doce trescientos ochenta, siete",
     "veinte, treinta y cuatro quinientos doce trescientos ochenta, siete", "NATIONAL_ID"),
    ("conseiller : votre numéro de sécu ?\nassuré : un, quatre-vingt-deux, zéro six, soixante-quinze, cent "
     "dix-huit, zéro trente-deux, clé quarante et un",
     "un, quatre-vingt-deux, zéro six, soixante-quinze, cent dix-huit, zéro trente-deux, clé quarante et un",
     "NATIONAL_ID"),
    ("Agent : votre numéro d'assurance maladie?\nClient : G A G N, sept six zéro deux, un huit zéro quatre",
     "G A G N, sept six zéro deux, un huit zéro quatre", "NATIONAL_ID"),
    ("Agent: Ihre Versichertennummer bitte\nKunde: M wie Martha, sieben zwei null, eins eins vier, acht acht",
     "M wie Martha, sieben zwei null, eins eins vier, acht acht", "NATIONAL_ID"),
    ("agent: the new passport number please\ncaller: K as in kilo, seven seven two, zero one four, nine",
     "K as in kilo, seven seven two, zero one four, nine", "PASSPORT"),
    ("rep: for verification I need your full social\ncaller: four one two, seven seven, zero nine eight three",
     "four one two, seven seven, zero nine eight three", "SSN"),
]


@pytest.mark.parametrize(("text", "value", "kind"), CASES)
def test_said_id_is_masked_whole(detector, text: str, value: str, kind: str) -> None:
    assert exact(detector.find(text), text, value, kind)


@pytest.mark.parametrize(("text", "value", "kind"), CASES[:2] + CASES[4:5] + CASES[7:8] + CASES[11:12])
def test_said_id_is_masked_whole_by_the_rules(text: str, value: str, kind: str) -> None:
    assert exact(RulesPiiDetector().find(text), text, value, kind)


@pytest.mark.parametrize(("text", "value", "kept"), [
    # a phone asked for after the id: its own cue is nearest
    ("Оператор: назовите ИИН\nКлиент: девяносто один, ноль три, двадцать, пятьсот, сто двенадцать\n"
     "Оператор: и номер телефона для связи?\nКлиент: восемь семьсот один, пятьсот пять, двадцать, тридцать",
     "девяносто один, ноль три, двадцать, пятьсот, сто двенадцать", "пятьсот пять"),
    # an amount after the account: a currency word follows it
    ("상담원: 받는 분 계좌번호 말씀해 주세요\n고객: 삼삼공 일이 사사칠 팔팔\n상담원: 금액은요?\n고객: 일이삼사오육칠 원이요",
     "삼삼공 일이 사사칠 팔팔", "일이삼사오육칠"),
    # an order read after the id: the order's cue is nearest
    ("Agente: ¿su CUIL?\nCliente: veintitrés, cuarenta y un millones doscientos mil trescientos, cuatro\n"
     "Agente: ¿y el número de pedido?\nCliente: cuatro cuatro uno siete, ocho ocho dos nueve",
     "veintitrés, cuarenta y un millones doscientos mil trescientos, cuatro", "cuatro cuatro uno siete"),
    # a utility's customer account in Russian ("лицевой счёт") is a kept reference
    ("Оператор: ваш лицевой счёт в банке не нужен, назовите СНИЛС\nКлиент: сто двадцать три, четыреста "
     "пятьдесят шесть, семьсот восемьдесят девять, ноль ноль\nОператор: и лицевой счёт по квартплате?\nКлиент: семь "
     "семь четыре, ноль ноль один, два два",
     "сто двадцать три, четыреста пятьдесят шесть, семьсот восемьдесят девять, ноль ноль", "семь семь четыре"),
    # an IBAN read out after "Bankverbindung" is the IBAN rules', not an account of this finder's
    ("Mitarbeiter: Ihre Steuer-ID bitte\nKundin: fünf sieben eins, zwei null drei, acht acht vier, sechs zwei\n"
     "Mitarbeiter: und die neue IBAN?\nKundin: D E eins zwei, drei drei null null, null null null null",
     "fünf sieben eins, zwei null drei, acht acht vier, sechs zwei", "D E eins zwei"),
])
def test_look_alikes_beside_an_id(detector, text: str, value: str, kept: str) -> None:
    spans = detector.find(text)
    assert any(s.kind in ("NATIONAL_ID", "BANK_ACCOUNT", "PASSPORT") and s.start == text.index(value) for s in spans)
    assert not any(s.kind in ("NATIONAL_ID", "BANK_ACCOUNT", "PASSPORT") and s.start <= text.index(kept) < s.end
                   for s in spans)


def test_finder_alone_takes_no_look_alike() -> None:
    for text in ("Agent: your account number with us?\nCaller: one two three four five six seven eight",
                 "Kundin: ich zahle vier sieben eins drei null zwei acht Euro",
                 "고객: 주문번호는 일이삼사오육칠팔이에요",
                 "agent: and your NIC please\ncaller: old one eight five two one one three four five six v",
                 "caller: it's a one two three four five six seven",
                 "고객: 친구한테 송금하려는데 공일공 일이삼사 오육칠팔로 보내면 돼요?",
                 "rep: and your social worker's name?\ncaller: four one two, seven seven, zero nine eight three"):
        assert pii_said_ids.find_said_ids(text) == [], text


def test_long_input_is_fast() -> None:
    text = ("Agent: ИНН?\nКлиент: " + "семь восемь, A as in apple, " * 4000)[:200_000]
    started = time.perf_counter()
    pii_said_ids.find_said_ids(text)
    assert time.perf_counter() - started < 5


def test_only_the_first_max_chars_are_read() -> None:
    """Session 45: the cue pattern cost 0.7 s on 200,000 hostile characters ("1 " × 100,000), which put the whole
    detector over test_redos' bound; an id read aloud past the first MAX_CHARS characters is not looked for."""
    said = "Agent: ИНН?\nКлиент: семь восемь девять ноль один два три четыре пять шесть семь восемь\n"
    assert pii_said_ids.find_said_ids(said) != []
    assert pii_said_ids.find_said_ids("1 " * (pii_said_ids.MAX_CHARS // 2) + said) == []
