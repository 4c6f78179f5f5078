"""A reference number after its name in another script stays readable (session 43, candidate 43-2,
services/adapters/local/pii_script_refs.py).

Through the default detector (``detector``), the one the app serves (``tagged``: the CRF tagger read over Arabic
sentences as addresses) and the rules-only one (``RulesPiiDetector``): the reference readable, a phone, an id or an
account beside it (or asked for with it) still masked."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_script_refs
from services.adapters.local.pii_fast import RulesPiiDetector
from services.models import PiiSpan
from tests.adapters.local.pii_support import masked, touched

READABLE = [
    # Urdu: a bill's reference number, a complaint's, a transaction id, and the answer to the question for one
    ("میرا بجلی کا بل بہت زیادہ آیا ہے، ریفرنس نمبر 07 14452 0081234 درست کریں", "07 14452 0081234"),
    ("نمائندہ: ریفرنس نمبر بتا دیں\nصارف: 09 11873 4420011\nنمائندہ: شکریہ", "09 11873 4420011"),
    # Tamil: an electricity service number
    ("வணக்கம், மின் கட்டணம் அதிகமாக உள்ளது. சேவை எண் 04-318-227-1190", "04-318-227-1190"),
    # Sinhala: an electricity bill's account number
    ("මගේ විදුලි බිල වැඩියි. ගිණුම් අංකය 7712 0934 55", "7712 0934 55"),
    # Greek: a supply number, a power bill's account
    ("Καλημέρα, αριθμός παροχής 1 55228813-01 4, παρακαλώ ελέγξτε.", "1 55228813-01 4"),
    ("Καλησπέρα ΔΕΗ, ο λογαριασμός μου 3 118 402 27 έρχεται διπλός.", "3 118 402 27"),
    # Hindi: a policy in Devanagari digits
    ("नमस्ते, मेरी पॉलिसी ७७१ ३०२ ४४८ का प्रीमियम कट गया", "७७१ ३०२ ४४८"),
    # Hebrew: a parking fine
    ("קיבלתי דוח 62-903-1184 על חניה ברחוב הרצל", "62-903-1184"),
    # Serbian: a payment reference
    ("Молим уплату са позивом на број 97 4410-2290.", "97 4410-2290"),
    # Arabic: a transaction number
    ("تم تحويل 300 جنيه. رقم العملية 008812045571. رصيدك الحالي 90 جنيه", "008812045571"),
    # Turkish and Polish in their case endings
    ("Merhaba, kargo kodum 552 019 887 34 hâlâ dağıtımda görünüyor", "552 019 887 34"),
    ("Dzień dobry, numer zgłoszenia 4410 2290 871, proszę o kontakt mailowy", "4410 2290 871"),
]


@pytest.mark.parametrize(("text", "value"), READABLE)
def test_reference_after_its_name_stays_readable(detector, text: str, value: str) -> None:
    assert not touched(detector, text, value)


@pytest.mark.parametrize(("text", "value"), READABLE)
def test_rules_only_detector_reads_them_too(text: str, value: str) -> None:
    assert not touched(RulesPiiDetector(), text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("الموظف: تمام، الخط اتوقف، ورقم الشكوى ٧٧٤١٢٠٩", "٧٧٤١٢٠٩"),
    ("متى يرجع الإنترنت في حي الياسمين؟ رقم البلاغ ٤٤٧١٨٨٢", "٤٤٧١٨٨٢"),
    ("السلام عليكم، الباقة ما تجددت تلقائياً. رقم الطلب ZN-558120", "ZN-558120"),
])
def test_reference_cut_out_of_an_address_the_tagger_read(tagged, text: str, value: str) -> None:
    assert not touched(tagged, text, value)


def test_reference_read_aloud_as_the_answer_stays_readable(tagged) -> None:
    text = ("agent: türk telekom ben elif\ncaller: internetim yok\nagent: hizmet numaranız\n"
            "caller: yedi yedi bir iki dört dört sekiz sekiz\nagent: tamam kaydınızı açtım")
    assert not touched(tagged, text, "yedi yedi bir iki dört dört sekiz sekiz")


@pytest.mark.parametrize(("text", "value"), [
    ("طلبي رقم ٧٧٤١٠٥٥ ما وصل، جوالي ٠٥٥١٢٣٤٥٦٧", "٠٥٥١٢٣٤٥٦٧"),  # the phone beside the order
    ("شکایت نمبر KE-4418827، فون 0321 5552847", "0321 5552847"),
    ("نمائندہ: ریفرنس نمبر اور فون نمبر بتا دیں\nصارف: 0321 5558412", "0321 5558412"),  # a phone asked for too
    ("أريد تقديم شكوى على رقم 0551234567 لأنه يرسل رسائل احتيال", "0551234567"),  # the number complained of
    ("حولت المبلغ إلى البنك الأهلي، رقم الحساب 1000629581", "1000629581"),  # an account at a bank
    ("मेरा मोबाइल ९८४१५५५२३७ है, पॉलिसी नहीं मिली", "९८४१५५५२३७"),
    ("agent: müşteri hizmetleri\ncaller: merhaba\nagent: telefon numaranız\n"
     "caller: sıfır beş yüz otuz iki, dört yüz on iki, yetmiş yedi, on dokuz", "sıfır beş yüz otuz iki"),
])
def test_phone_id_or_bank_account_beside_it_stays_masked(detector, text: str, value: str) -> None:
    assert masked(detector, text, value)


def test_account_word_outside_a_utility_is_left_to_the_older_rules() -> None:
    text = "مرحبا، حولت راتبي إلى البنك، رقم الحساب 1000629581"
    start = text.index("1000629581")
    span = PiiSpan("BANK_ACCOUNT", start, start + 10, 0.85)
    assert pii_script_refs.drop_script_references(text, [span]) == [span]


def test_address_keeps_its_pieces_around_the_reference() -> None:
    text = "العنوان شارع التحلية، رقم الطلب 44182 ، حي الروضة جدة"
    span = PiiSpan("ADDRESS", 0, len(text), 0.8)
    pieces = [text[s.start:s.end] for s in pii_script_refs.drop_script_references(text, [span])]
    assert pieces == ["العنوان شارع التحلية", "حي الروضة جدة"]


def test_long_input_finishes_fast() -> None:
    text = ("رقم الطلب " * 3000) + "\n" + ("صارف: " * 2000)
    spans = [PiiSpan("ADDRESS", 0, len(text), 0.8), PiiSpan("PHONE", len(text) - 12, len(text) - 2, 0.8)]
    started = time.perf_counter()
    pii_script_refs.drop_script_references(text, spans)
    assert time.perf_counter() - started < 1.0
