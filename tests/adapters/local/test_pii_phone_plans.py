"""Session 39, candidate 39-5: phones in the national layouts of China, Taiwan, Hong Kong, Japan, Korea, Israel and
Mongolia after their own language's cue (pii_native_digits, pii_phone_words), and phones read aloud in Russian,
Ukrainian, Bulgarian, Korean, Spanish and Vietnamese after a phone's cue (pii_spoken_phones), and the numbers a mobile
wallet's transfer went to (pii_phone_words) are masked as a PHONE.
Each text also holds a look-alike that stays unmasked as a phone: an order, a tracking or a card number, an amount, a
date, a passport or a contract read aloud. The examples are made up in the shapes of the seen sets' misses."""

from __future__ import annotations

import pytest

from services.adapters.local.pii_presidio import PresidioPiiDetector
from tests.pii_rules_support import phones


@pytest.fixture(scope="module")
def detector() -> PresidioPiiDetector:
    return PresidioPiiDetector(crf=True, person_check=True)



@pytest.mark.parametrize(("text", "phone"), [
    # Chinese (simplified): the cue glued to the number, an order number and a card before it
    ("客服您好，订单号 CN20250316044 没收到。卡号6228 8541 6845 2152，姓名王志强，手机135 9744 0346。谢谢。",
     "135 9744 0346"),
    ("你好，运单号SF1428806731952 显示已签收，但我没收到，电话费也扣了128元。收件人李婷，电话18621447903。麻烦查一下",
     "18621447903"),
    # Taiwan, traditional characters
    ("您好，我在蝦皮的訂單250613K4T7QX2寄到7-11 信義門市。取件人林怡君，手機0912-447-830。謝謝",
     "0912-447-830"),
    # Japanese, a particle glued after the number, a date before it
    ("2024年5月6日に注文しました。電話番号は090-4418-2276です。", "090-4418-2276"),
    # Korean, a particle after the cue and the number
    ("주문번호 2025-0613-4471 배송이 안 왔어요. 제 휴대폰 번호는 010-4418-2273입니다", "010-4418-2273"),
    # Hebrew: "call me back on", the number glued to its "ל"
    ("שלום, חויבתי פעמיים על הזמנה 88213 בסך ₪349. אפשר לחזור אליי ל052-718-4406? תודה", "052-718-4406"),
    ("השליח השאיר את החבילה במקום הלא נכון. משלוח CHT-9920417. תתקשרו אליי ל-052-8847193", "052-8847193"),
    # Mongolian
    ("Сайн байна уу, миний картыг ATM залгичихлаа. Картын сүүлийн 4 орон 6608, утас 9911 4837.", "9911 4837"),
])
def test_written_phone_after_its_languages_cue(detector: PresidioPiiDetector, text: str, phone: str) -> None:
    assert phones(detector, text) == [phone]


@pytest.mark.parametrize(("text", "phone"), [
    # Ukrainian, with the apostrophe inside its number words; a parcel number before it
    ("клієнт: посилка 20450918834271 стоїть у відділенні\nоператор: назвіть номер телефону отримувача\n"
     "клієнт: нуль дев'яносто сім, чотириста тридцять два, вісімнадцять, п'ятдесят п'ять",
     "нуль дев'яносто сім, чотириста тридцять два, вісімнадцять, п'ятдесят п'ять"),
    # Russian: a passport read aloud before it stays a passport's
    ("оператор: назовите серию и номер паспорта\nклиент: сорок пять ноль два, триста восемнадцать четыреста семьдесят "
     "семь\nоператор: заявка подана с номера девятьсот шестнадцать, четыреста сорок один, восемьдесят два, ноль семь",
     "девятьсот шестнадцать, четыреста сорок один, восемьдесят два, ноль семь"),
    # Bulgarian
    ("клиент: телефонът ми е нула осем осем осем, едно две три, четири пет шест", "нула осем осем осем, едно две три, четири пет шест"),
    # Korean digits written together, "number" said after them
    ("고객: 명의도용 신고하려고요. 제 명의로 공일공 오구이사 일삼이칠 번호가 개통됐대요\n상담원: 생년월일 말씀해 주세요",
     "공일공 오구이사 일삼이칠"),
    # Vietnamese: the subscriber number asked on the line before
    ("tổng đài viên: chị đọc giúp em số thuê bao ạ\nkhách hàng: không chín tám tám, năm năm năm, bốn hai bảy một",
     "không chín tám tám, năm năm năm, bốn hai bảy một"),
])
def test_phone_read_aloud_after_a_phone_cue(detector: PresidioPiiDetector, text: str, phone: str) -> None:
    assert phones(detector, text) == [phone]


def test_a_number_asked_as_which_and_its_correction(detector: PresidioPiiDetector) -> None:
    text = ("cliente: hola señorita, yapeé a un número equivocado\nasesor: ¿a qué número yapeó?\n"
            "cliente: nueve cuatro siete, dos dos ocho, uno tres cinco\nasesor: ¿y cuál era el correcto?\n"
            "cliente: nueve cuatro siete, dos dos ocho, uno cinco tres\nasesor: ¿su dni por favor?\n"
            "cliente: cuatro siete cero ocho, uno nueve dos seis")
    assert phones(detector, text) == ["nueve cuatro siete, dos dos ocho, uno tres cinco",
                                      "nueve cuatro siete, dos dos ocho, uno cinco tres"]


def test_look_alikes_read_aloud_in_russian_are_no_phone(detector: PresidioPiiDetector) -> None:
    text = ("оператор: номер договора\nклиент: семьсот сорок один двести тридцать девять восемьдесят\n"
            "оператор: сумма?\nклиент: сто двадцать три тысячи четыреста пятьдесят рублей\n"
            "оператор: и ваш мобильный\nклиент: восемь девятьсот шестнадцать сто двадцать три сорок пять шестьдесят семь")
    assert phones(detector, text) == ["восемь девятьсот шестнадцать сто двадцать три сорок пять шестьдесят семь"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Hi DBS, I PayNow-ed S$380 to 9155 5247 but it should be 9155 5274. My NRIC S8823417D. Txn ref DBS2024111809182.",
     ["9155 5247", "9155 5274"]),
    ("Bula vinaka, au a vakau $80 ena M-PAiSA ki na naba cala 927 5518. Na naba dodonu 927 5581. Ref MP2506131142.",
     ["927 5518", "927 5581"]),
    ("Bonjour, j'ai envoyé 200 DT via D17 au 22 418 733 par erreur, c'était pour 22 418 377. Référence D17-88203145.",
     ["22 418 733", "22 418 377"]),
    # a till number and an account are no phone
    ("Paid KSh 18,000 rent by M-Pesa to the till 5520314, and KSh 500 to 7155 2048 instead of 7155 2084, account 40055128",
     ["7155 2048", "7155 2084"]),
    # a bank account named by its bank is no wallet's phone
    ("Good evening, I sent ₦45,000 with OPay to 2093817746 (Kuda), and ₦2,000 to 8162 2409 instead of 8162 2490",
     ["8162 2409", "8162 2490"]),
])
def test_the_number_a_wallet_transfer_went_to(detector: PresidioPiiDetector, text: str, expected: list[str]) -> None:
    assert phones(detector, text) == expected

