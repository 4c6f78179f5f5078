"""Session 34 (candidate 34-8): phones, national ids and bank accounts written in Devanagari, Bengali, Arabic-Indic,
Persian, Burmese, Thai, Tamil or any other script's decimal digits are masked as their ASCII forms are, after the cue
words of those languages; amounts, dates and orders in the same digits stay readable, and every span is where the
original text has it."""

from __future__ import annotations

import pytest

from services.adapters.local import pii_native_digits
from services.adapters.local.pii_presidio import PresidioPiiDetector


@pytest.fixture(scope="module")
def detector() -> PresidioPiiDetector:
    return PresidioPiiDetector(crf=True, person_check=True)


def found(detector: PresidioPiiDetector, text: str) -> list[tuple[str, str]]:
    return [(s.kind, text[s.start:s.end]) for s in detector.find(text)]


def test_every_decimal_digit_reads_as_its_ascii_digit_one_for_one() -> None:
    text = "९८४१ ০১৭১ ٢٨٨٠ ۱۲۳۴ ၀၉၇၅ ๐๘๑๒ ௧௨௩ 0123"
    ascii_text = pii_native_digits.ascii_digits(text)
    assert ascii_text == "9841 0171 2880 1234 0975 0812 123 0123"
    assert len(ascii_text) == len(text)
    assert pii_native_digits.ascii_digits("no digits here, ça va") == "no digits here, ça va"


@pytest.mark.parametrize(("text", "kind", "value"), [
    # Nepali: a mobile after "मोबाइल"
    ("नमस्ते, मेरो सिम ब्लक भयो। मोबाइल ९८६१५५५४१७ हो, कृपया खोलिदिनुहोस्।", "PHONE", "९८६१५५५४१७"),
    # Hindi: a phone after "फोन नंबर"
    ("मेरा फोन नंबर ९८११५५५२६४ है, कृपया कॉल करें", "PHONE", "९८११५५५२६४"),
    # Bengali: a bKash wallet after its name
    ("ভাই, আমার বিকাশ নম্বর ০১৮১২৫৫৫৭৩৬ থেকে টাকা কেটে নিয়েছে", "PHONE", "০১৮১২৫৫৫৭৩৬"),
    # Egyptian Arabic: "my number"
    ("الطلب متأخر جدا، رقمي ٠١٢٨٥٥٥٦٢١٤ اتصلوا بيا", "PHONE", "٠١٢٨٥٥٥٦٢١٤"),
    # Urdu / Persian digits after "موبائل نمبر"
    ("میرا موبائل نمبر ۰۳۰۰۵۵۵۷۸۱۲ ہے", "PHONE", "۰۳۰۰۵۵۵۷۸۱۲"),
    # Burmese: a number after "ဖုန်းနံပါတ်"
    ("ကျွန်တော့် ဖုန်းနံပါတ် ၀၉၂၅၅၅၈၁၄၇၆ ပါ", "PHONE", "၀၉၂၅၅၅၈၁၄၇၆"),
    # Thai: a mobile after "เบอร์โทร"
    ("ติดต่อกลับที่ เบอร์โทร ๐๘๙๕๕๕๓๒๑๔ ค่ะ", "PHONE", "๐๘๙๕๕๕๓๒๑๔"),
    # Hebrew: "my phone"
    ("אפשר לחזור אליי? הטלפון שלי 054-555-8213", "PHONE", "054-555-8213"),
    # Urdu: a transfer to the wrong number
    ("جاز کیش سے 3000 روپے غلط نمبر ۰۳۱۲ ۵۵۵۴۴۷۱ پر چلے گئے", "PHONE", "۰۳۱۲ ۵۵۵۴۴۷۱"),
    # Egyptian national id after "الرقم القومي"
    ("عايز أغير الباقة، الرقم القومي ٢٩١٠٥٢٣٠١٠٣٨٧٤", "NATIONAL_ID", "٢٩١٠٥٢٣٠١٠٣٨٧٤"),
    # Nepali citizenship number after "नागरिकता नं."
    ("खाता खोल्न चाहन्छु। नागरिकता नं. ३४-०२-७१-०६६१८", "NATIONAL_ID", "३४-०२-७१-०६६१८"),
    # Indian Aadhaar in Devanagari digits
    ("मेरा आधार ४४१२ ८८०३ ६१७५ है", "NATIONAL_ID", "४४१२ ८८०३ ६१७५"),
    # Bangladesh NID in Bengali digits, Latin cue
    ("Sim replace korte chai. NID ৭১২ ৫৫৪ ৩০৮৬", "NATIONAL_ID", "৭১২ ৫৫৪ ৩০৮৬"),
    # Tamil Aadhaar after "ஆதார் எண்"
    ("என் ஆதார் எண் ௫௫௧௨ ௩௩௪௪ ௮௯௦௧", "NATIONAL_ID", "௫௫௧௨ ௩௩௪௪ ௮௯௦௧"),
    # a bank account after its Hindi name
    ("रिफंड के लिए मेरा खाता नंबर: ५०१००२२४४८८१७३", "BANK_ACCOUNT", "५०१००२२४४८८१७३"),
])
def test_a_cued_number_in_another_scripts_digits_is_masked(detector: PresidioPiiDetector, text: str, kind: str,
                                                          value: str) -> None:
    spans = found(detector, text)
    assert any(k == kind and value in v for k, v in spans), spans


@pytest.mark.parametrize(("text", "value"), [
    ("الموظف: ممكن رقم الموبايل؟\nالعميل: ٠١١٥٥٥٧٣٩٠٢", "٠١١٥٥٥٧٣٩٠٢"),
    ("এজেন্ট: আপনার এনআইডি নম্বরটা দিন\nগ্রাহক: ৪৪৮ ২১৯ ৬৬০৫", "৪৪৮ ২১৯ ৬৬০৫"),
])
def test_the_answer_to_a_question_for_the_number_is_masked(detector: PresidioPiiDetector, text: str,
                                                           value: str) -> None:
    assert any(value in v for _k, v in found(detector, text)), found(detector, text)


@pytest.mark.parametrize(("text", "kept"), [
    ("আমি বিকাশে ৫,০০০ টাকা পাঠিয়েছি কিন্তু পৌঁছায়নি", "৫,০০০"),
    ("طلبت يوم ١٢/٠٣/٢٠٢٤ ولسه موصلش", "١٢/٠٣/٢٠٢٤"),
    ("मैंने ₹१२,५०० का भुगतान किया, पर ऑर्डर नहीं आया", "१२,५००"),
    ("ฉันจ่ายไป ๑,๒๐๐ บาท แล้วแต่ยังไม่ได้ของ", "๑,๒๐๐"),
    ("मोबाइल रिचार्ज ४९९ रुपये का किया था", "४९९"),
    # a meter's and a consumer's numbers are the utility's references
    ("बिजली का बिल गलत है, मीटर नंबर ४४८१२०९३७१ है", "४४८१२०९३७१"),
    ("एजेंट: आपका उपभोक्ता नंबर बताइए\nग्राहक: ४१०२ ७७८८ ९०३१", "४१०२ ७७८८ ९०३१"),
    # an order number in Arabic-Indic digits
    ("طلب رقم ٤٤٨١٢٠٩٣ لسه موصلش", "٤٤٨١٢٠٩٣"),
])
def test_amounts_and_dates_in_those_digits_stay_readable(detector: PresidioPiiDetector, text: str, kept: str) -> None:
    start = text.index(kept)
    spans = detector.find(text)
    assert not any(s.start < start + len(kept) and start < s.end for s in spans), found(detector, text)


def test_spans_are_over_the_original_text(detector: PresidioPiiDetector) -> None:
    text = "फोन ९८४१५५५६०३, धन्यवाद"
    spans = [s for s in detector.find(text) if s.kind == "PHONE"]
    assert [text[s.start:s.end] for s in spans] == ["९८४१५५५६०३"]


def test_a_long_input_in_those_digits_stays_fast() -> None:
    text = ("मोबाइल ९८४१५५५३२७ " + "٠١٢٣٤ " * 20 + "বিকাশ নম্বর " + " " * 300 + "\n") * 500
    text = text[:200_000]
    found = pii_native_digits.find_native_cued(pii_native_digits.ascii_digits(text))
    assert len(found) <= pii_native_digits.CAP
    PresidioPiiDetector().find(text)
