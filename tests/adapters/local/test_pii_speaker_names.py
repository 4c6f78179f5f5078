"""Names in the speaker labels of call and chat transcripts, in any script (session 45, candidate 45-4)."""

from __future__ import annotations

import pytest

from services.adapters.local.pii_fast import RulesPiiDetector
from services.adapters.local.pii_presidio import PresidioPiiDetector


def _persons(detector: PresidioPiiDetector | RulesPiiDetector, text: str) -> list[str]:
    return [text[s.start:s.end] for s in detector.find(text) if s.kind == "PERSON"]


_FOUND = [
    # a role word, then the name
    ("ወኪል ሳራ: ሰላም፣ እንዴት ልረዳዎት?\nደንበኛ: ካርዴ ተቆልፏል\nወኪል ሳራ: እሺ፣ ቁጥርዎን ይንገሩኝ", ["ሳራ", "ሳራ"]),
    ("پشتیبان ترانه: سلام، بفرمایید\nمشتری: سفارشم نرسیده\nپشتیبان ترانه: کد رهگیری را بفرستید", ["ترانه", "ترانه"]),
    ("נציגה רוני: שלום, במה אפשר לעזור?\nלקוח: החשבונית שלי שגויה\nנציגה רוני: אני בודקת", ["רוני", "רוני"]),
    ("نمائندہ ثمینہ: السلام علیکم\nصارف: میرا بل زیادہ آیا ہے\nنمائندہ ثمینہ: جی میں چیک کرتی ہوں", ["ثمینہ", "ثمینہ"]),
    ("এজেন্ট (তানিয়া): আসসালামু আলাইকুম\nগ্রাহক: টাকা আসেনি\nএজেন্ট (তানিয়া): দেখছি", ["তানিয়া", "তানিয়া"]),
    # glued to a CJK or Thai role
    ("客服小雪：您好，请问有什么可以帮您？\n买家：我的快递还没到\n客服小雪：我帮您查一下", ["小雪", "小雪"]),
    ("オペレーター高橋：お電話ありがとうございます\nお客様：請求書について\nオペレーター高橋：確認いたします", ["高橋", "高橋"]),
    ("พนักงานสุดารัตน์: สวัสดีค่ะ\nลูกค้า: บัตรหายครับ\nพนักงานสุดารัตน์: รับทราบค่ะ", ["สุดารัตน์", "สุดารัตน์"]),
    # in brackets after a role
    ("एजेंट (पूजा): नमस्ते, बताइए\nग्राहक: मेरा रिफंड नहीं आया\nएजेंट (पूजा): मैं देखती हूँ", ["पूजा", "पूजा"]),
    ("オペレーター（中村）：はい、承ります\nお客様：住所を変えたいです\nオペレーター（中村）：かしこまりました", ["中村", "中村"]),
    ("முகவர் (பிரியா): வணக்கம்\nவாடிக்கையாளர்: பணம் வரவில்லை\nமுகவர் (பிரியா): பார்க்கிறேன்", ["பிரியா", "பிரியா"]),
    # the name before the firm in brackets
    ("لمى (بنك الريان): أهلاً، كيف أخدمك؟\nالعميل: بطاقتي موقوفة\nلمى: أحتاج رقم الهوية", ["لمى", "لمى"]),
    ("Grace (Harbour Bank): Hello, how can I help?\nCustomer: hi grace, my card is blocked\nGrace (Harbour Bank): sorry "
     "about that", ["Grace", "Grace"]),
    ("Joy (Kite Mobile): hi, how can I help?\nCustomer: my sim is dead\nJoy (Kite Mobile): let me check", ["Joy", "Joy"]),
    # the name alone as one side's label, the other side a role
    ("Kemi: abeg my order never land\nAgent: Sorry Kemi, the order id?\nKemi: CD-44120\nAgent: refunded",
     ["Kemi", "Kemi", "Kemi"]),
    ("Precious: my airtime vanished\nAgent: Sorry Precious, which number?\nPrecious: the MTN one\nAgent: checking",
     ["Precious", "Precious", "Precious"]),
]


@pytest.mark.parametrize(("text", "names"), _FOUND)
def test_a_name_in_a_speaker_label_is_found_at_every_turn(detector: PresidioPiiDetector, text: str,
                                                          names: list[str]) -> None:
    found = _persons(detector, text)
    assert all(found.count(name) >= names.count(name) for name in names), found


@pytest.mark.parametrize(("text", "names"), _FOUND[:4] + _FOUND[8:12])
def test_the_app_and_the_rules_only_provider_find_it_too(tagged: PresidioPiiDetector, text: str,
                                                          names: list[str]) -> None:
    for found in (_persons(tagged, text), _persons(RulesPiiDetector(), text)):
        assert all(found.count(name) >= names.count(name) for name in names), found


_NOT_NAMES = [
    # a role, a team, a firm or a bot as a label
    ("Vodafone: Hi, how can we help?\nCustomer: my bill is wrong\nVodafone: please DM us your number", "Vodafone"),
    ("Customer Care (Airtel): Hello!\nCustomer: no network since morning\nCustomer Care (Airtel): sorry", "Airtel"),
    ("Nova (bot): Hi! I'm the assistant\nCustomer: refund please\nNova (bot): connecting you", "Nova"),
    ("مشترک: سلام، بسته‌ام فعال نشده\nاپراتور: کد ملی لطفاً\nمشترک: بفرمایید", "مشترک"),
    ("坐席（工号1023）：您好\n客户：我的卡被锁了\n坐席：请报一下卡号", "坐席"),
    ("Spieler: mein Konto ist gesperrt\nAgent: welche ID?\nSpieler: die alte", "Spieler"),
    # a form's fields under a role's label
    ("Name, Vorname: Muster, Max\nKunde: ja\nStatus: offen", "Vorname"),
    ("Customer: Jane\nStatus: open\nCustomer: again\nStatus: closed", "Status"),
]


@pytest.mark.parametrize(("text", "word"), _NOT_NAMES)
def test_a_role_a_team_a_firm_a_bot_or_a_field_stays(detector: PresidioPiiDetector, text: str, word: str) -> None:
    assert word not in _persons(detector, text)
