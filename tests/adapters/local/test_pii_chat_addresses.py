"""Session 43 (43-1): a chat or call-transcript sentence that names no street, building, house number, postcode or area
in its own language's words is not masked as an ADDRESS (the CRF tagger's or a rule's); real addresses in the same
scripts stay masked, and a sentence that hides a name, a number read out or an ID keeps its mask."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_chat_addresses
from services.adapters.local.pii_fast import RulesPiiDetector
from services.adapters.local.pii_presidio import PresidioPiiDetector


@pytest.fixture(scope="module")
def rules() -> RulesPiiDetector:
    return RulesPiiDetector()


def addresses(detector: PresidioPiiDetector | RulesPiiDetector, text: str) -> list[str]:
    return [text[s.start:s.end] for s in detector.find(text) if s.kind == "ADDRESS"]


CHAT = [
    "الموظف: زين، معك هند، كيف أقدر أساعدك؟\nالعميل: السلام عليكم، أبغى ألغي الباقة الشهرية\n"
    "الموظف: وعليكم السلام، رقم الهوية لو سمحت",  # Gulf Arabic, speaker labels
    "العميل: مساء الخير، الكارت بتاعي اتسحب منه ٣٠٠٠ جنيه من غير ما أعمل حاجة",  # Egyptian Arabic
    "السلام علیکم، میرا جاز کیش اکاؤنٹ بند ہو گیا ہے، مدد کریں",  # Urdu
    "이번 달 요금이 92,300원이나 나왔는데 제가 쓴 적 없는 부가서비스가 있어요",  # Korean
    "வணக்கம், மின் கட்டணம் ₹1,870 அதிகமாக வந்துள்ளது. சேவை எண் 07-318-552-0914",  # Tamil (a rule's span)
]


@pytest.mark.parametrize("text", CHAT)
def test_chat_sentences_are_no_address(tagged: PresidioPiiDetector, text: str) -> None:
    assert addresses(tagged, text) == []


def test_the_name_in_a_transcript_stays(tagged: PresidioPiiDetector) -> None:
    text = CHAT[0]
    assert any(text[s.start:s.end] == "هند" and s.kind == "PERSON" for s in tagged.find(text))


def test_rules_only_drops_a_rules_chat_sentence(rules: RulesPiiDetector) -> None:
    assert addresses(rules, CHAT[-1]) == []


@pytest.mark.parametrize("text", [
    "3ayza a3raf el fatora 3alya leh",  # Arabizi
    "niaje, nataka kujua kwa nini salio langu limekatwa",  # Swahili
    "selamat pagi, dengan Bank Sentosa Jaya",  # Indonesian
    "theek hai main check karke refund karta hoon",  # Hinglish
    "رقم الخط الأرضي لو سمحت",
    "ጤና ይስጥልኝ፣ ገንዘብ በስህተት ወደ ሌላ ቁጥር ላኩ",  # Amharic
])
def test_chat_lines_of_more_languages(text: str) -> None:
    assert pii_chat_addresses.is_chat_sentence(text, 0, len(text))
    found = [("ADDRESS", 0, len(text), 0.95)]
    assert pii_chat_addresses.without_chat_sentences(text, found, [], []) == []


ADDRESSES = [
    ("العنوان: ١٤ شارع التحرير، الدقي، الجيزة، الدور الرابع شقة ٩", "١٤ شارع التحرير، الدقي، الجيزة، الدور الرابع شقة ٩"),
    ("عنواني قطعة ٥، شارع ١٠، منزل ١٨، الجابرية", "قطعة ٥، شارع ١٠، منزل ١٨، الجابرية"),
    ("پتہ: مکان نمبر 14، گلی 7، سیکٹر ایف-8/3، اسلام آباد", "مکان نمبر 14، گلی 7، سیکٹر ایف-8/3، اسلام آباد"),
    ("주소는 서울특별시 마포구 월드컵북로 396, 1203호입니다", "서울특별시 마포구 월드컵북로 396, 1203호"),
    ("הכתובת שלי: רחוב הרצל 22 דירה 5, חולון", "רחוב הרצל 22 דירה 5, חולון"),
    ("வீட்டு முகவரி: 18, 4வது தெரு, அண்ணா நகர், சென்னை 600040", "18, 4வது தெரு, அண்ணா நகர், சென்னை 600040"),
]


@pytest.mark.parametrize(("text", "value"), ADDRESSES)
def test_real_addresses_stay(tagged: PresidioPiiDetector, rules: RulesPiiDetector, text: str, value: str) -> None:
    assert value in addresses(tagged, text)
    assert value in addresses(rules, text)


@pytest.mark.parametrize("value", [
    "ر ر ر د ألفين تسعمية تسعة وعشرين",  # a Saudi short address spelled
    "في حي النرجس؟ النت مقطوع من الصبح",  # a district named
    "گلشن اقبال بلاک 13 میں بجلی نہیں ہے",
    "عند دوار الجهراء صار لي حادث بسيط",
    "12 sh. el nasr, el ma3adi, cairo",  # Arabizi address
    "Ερμού 42, 105 63 Αθήνα",  # another script: never read
    "haan ji hamare area mein bijli nahi hai, gulshan block 13",
])
def test_sentences_naming_an_address_are_not_taken(value: str) -> None:
    assert not pii_chat_addresses.is_chat_sentence(value, 0, len(value))


@pytest.mark.parametrize("text", [
    "الموظف: معاك منة\nالعميل: أيوه يا منة، الكارت بتاعي اتسحب في الماكينة وعايز أوقفه",  # a name said again
    "السلام علیکم، میں عائشہ صدیقی ہوں، میرا اکاؤنٹ بند ہو گیا ہے",  # a name after its cue
    "العميل: اثنين أربعة سبعة واحد، ثمانية ثلاثة صفر، تسعة خمسة اثنين",  # an ID read out
    "عندي مشكلة في التطبيق، ما يقبل رقم البطاقة الشخصية 28763401234 أبدا",  # an ID no reference holds
])
def test_sentences_hiding_data_keep_their_mask(text: str) -> None:
    start = text.index("العميل: ") + len("العميل: ") if "العميل: " in text else 0
    found = [("ADDRESS", start, len(text), 0.95)]
    if "منة" in text:  # the agent's name, found once by the tagger
        found.append(("PERSON", text.index("منة"), text.index("منة") + 3, 0.95))
    assert pii_chat_addresses.without_chat_sentences(text, found, [], []) == found


def test_reference_numbers_hide_nothing() -> None:
    text = "تمام، عملت لحضرتك شكوى رقم 552018 وهتتحل خلال 24 ساعة"
    assert pii_chat_addresses.without_chat_sentences(text, [("ADDRESS", 0, len(text), 0.95)], [], []) == []


def test_hostile_text_is_fast() -> None:
    text = ("يا " * 3000 + "a3b " * 3000 + "رقم 1234567 " * 500) * 2
    found = [("ADDRESS", i, i + 400, 0.95) for i in range(0, len(text) - 400, 50)]
    t0 = time.perf_counter()
    pii_chat_addresses.without_chat_sentences(text, found, [], [])
    assert time.perf_counter() - t0 < 2.0
