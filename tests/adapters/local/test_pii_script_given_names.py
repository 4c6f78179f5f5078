"""Full names and given names in Cyrillic, Greek, Arabic, Hebrew and Georgian script without a cue (session 45,
candidate 45-12)."""

from __future__ import annotations

import pytest

from services.adapters.local.pii_fast import RulesPiiDetector
from services.adapters.local.pii_presidio import PresidioPiiDetector


def _persons(detector: PresidioPiiDetector | RulesPiiDetector, text: str) -> list[str]:
    return [text[s.start:s.end] for s in detector.find(text) if s.kind == "PERSON"]


_FOUND = [
    # a given name with its surname, either order
    ("Оператор: Кому доставити?\nКлієнт: Тетяна Бойко, це моя сестра.", "Тетяна Бойко"),
    ("Клієнт: Мельник Андрій\nОператор: дякую", "Мельник Андрій"),
    ("Παρακαλώ ελέγξτε την κάρτα του νέου υπαλλήλου, Δημήτρης Καραγιάννης: στοιχεία στο συνημμένο.",
     "Δημήτρης Καραγιάννης"),
    ("Водитель другой машины, Светлана Морозова, оставила свой номер.", "Светлана Морозова"),
    ("لو سمحت أنا هبة محمود، الطلب اتأخر جداً", "هبة محمود"),
    ("حولت المبلغ بالغلط لـخالد الشمري أمس", "خالد الشمري"),
    ("שלום, הזמנתי תור עבור רחל כהן ליום שני", "רחל כהן"),
    ("გამარჯობა, ხელფასი ვერ მივიღე. გიორგი კაპანაძე. მადლობა", "გიორგი კაპანაძე"),
    # an initial
    ("Оглед на имота: оценител В. Маринов, тел. 0888 300 412", "В. Маринов"),
    ("Για πληροφορίες: Μ. Γεωργίου, τηλ. 210 444 1290", "Μ. Γεωργίου"),
    ("Получатель Асель К., сумма 20 000 ₸", "Асель К"),
    # a given name alone where it signs, is addressed or labels a speaker's turn
    ("Чому двічі списали 450 грн за підписку? Поверніть, будь ласка. Тарас", "Тарас"),
    ("Κατερίνα, στείλε μου το τιμολόγιο σήμερα.", "Κατερίνα"),
    ("Оператор (Богдан): хто отримувач?\nКлієнт: я", "Богдан"),
    ("العميل: وين الشحنة؟\nسلطان: حياك الله، عطني رقم الجوال", "سلطان"),
    ("العميل: المبلغ ما وصل\nالموظفة هند: ممكن رقم العملية؟", "هند"),
]


@pytest.mark.parametrize(("text", "name"), _FOUND)
def test_names_found_by_the_default_detector(detector: PresidioPiiDetector, text: str, name: str) -> None:
    assert name in _persons(detector, text)


@pytest.mark.parametrize(("text", "name"), _FOUND[:4] + _FOUND[8:10])
def test_names_found_by_the_rules_only_detector(text: str, name: str) -> None:
    assert name in _persons(RulesPiiDetector(), text)


_NOT_NAMES = [
    ("Офис на ул. Иван Вазов 12 работи до 18 ч.", "Иван"),
    ("Мачът е на стадион Васил Левски в неделя.", "Васил"),
    ("Το κατάστημα είναι στη Λ. Συγγρού 44, Αθήνα.", "Συγγρού"),
    ("Офисът е на ул. Н. Вапцаров 10, Варна.", "Вапцаров"),
    ("Привіт Ігор, коли буде доставка?", "Привіт"),
    ("Αγαπητή Μαρία, σας ευχαριστούμε για την αγορά.", "Αγαπητή"),
    ("Курс в читалище „Христо Ботев“ започва в понеделник.", "Христо"),
    ("Η εκκλησία του Αγίου Νικολάου είναι κλειστή σήμερα.", "Νικολάου"),
    ("Надежда есть, что посылка придёт завтра.", "Надежда"),
    ("Σοφία και γνώση χρειάζεται αυτή η δουλειά.", "Σοφία"),
    ("أحمد الله على السلامة، وصلت الشحنة", "أحمد"),
    ("المحل في شارع خالد بن الوليد مقابل البنك", "خالد"),
    ("نور الشاشة ضعيف جداً بعد التحديث", "نور"),
    ("العميل: عمر البطارية قصير جداً، أبغى أبدلها", "عمر"),
    ("הגעתי הביתה ושיר חדש התנגן ברדיו", "שיר"),
]


@pytest.mark.parametrize(("text", "word"), _NOT_NAMES)
def test_look_alikes_stay(detector: PresidioPiiDetector, text: str, word: str) -> None:
    assert not any(word in value for value in _persons(detector, text))
