"""Session 43, candidate 43-5: phones and ids read aloud in Asian and Indic number words and written in native digits.

A phone read in Japanese (katakana readings or kanji, groups joined by "の" or "、"), Chinese (幺, 零, full-width
commas), Korean (after "연락처는요"), Tamil, Bengali said as English, Vietnamese (after "số nào"); the last four of a
NID, a CNIC or an Aadhaar asked for in Bengali, Urdu, Hindi or Tamil and answered in native digits or in words; a
mobile written whole in Devanagari or Bengali digits with no cue; an Egyptian national number after "ورقمك القومي".
Never an order's, a card's or a reference's number said the same way (pii_spoken_phones, pii_native_numbers,
pii_native_digits). The examples are made up in the shapes of the seen sets' misses."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_native_digits, pii_native_numbers
from services.adapters.local.pii_presidio import PresidioPiiDetector


def _found(rules: PresidioPiiDetector, text: str) -> set[tuple[str, str]]:
    return {(s.kind, text[s.start:s.end]) for s in rules.find(text)}


@pytest.mark.parametrize(("text", "kind", "value"), [
    # Japanese: katakana readings, kanji digits joined by "の", a particle glued after
    ("オペレーター：お電話番号をお願いします\nお客様：ゼロハチゼロ の 四四一二 の 七七三〇です",
     "PHONE", "ゼロハチゼロ の 四四一二 の 七七三〇"),
    ("オペレーター：ご連絡先をお願いします。\nお客様：田中です。ゼロキュウゼロ、イチニーサンヨン、ゴーロクナナハチです。",
     "PHONE", "ゼロキュウゼロ、イチニーサンヨン、ゴーロクナナハチ"),
    ("オペレーター：ご連絡先の電話番号をお願いします。\nお客様：〇九〇の三三一二の五六七八です。", "PHONE", "〇九〇の三三一二の五六七八"),
    # Chinese: 幺 and 零, full-width commas, a correction said at once
    ("客服：请问您的手机号码？\n用户：幺五九，二二八一，零七三三", "PHONE", "幺五九，二二八一，零七三三"),
    ("客户：我的手机号被停机了，一三九，一零四四，七二八一……不对，是一三九，一零四四，七二一八",
     "PHONE", "一三九，一零四四，七二一八"),
    # Korean, the cue with its polite ending
    ("상담원: 연락처는요\n고객: 공일공 사칠칠이 삼팔구일", "PHONE", "공일공 사칠칠이 삼팔구일"),
    # Tamil, written and spoken forms
    ("முகவர்: மொபைல் நம்பர்?\nஅழைப்பவர்: ஒன்பது எட்டு நாலு நாலு, ஒன்னு ஏழு இரண்டு, மூணு ஆறு பூஜ்யம்",
     "PHONE", "ஒன்பது எட்டு நாலு நாலு, ஒன்னு ஏழு இரண்டு, மூணு ஆறு பூஜ்யம்"),
    # Bengali said as English, after "নাম্বারটা"
    ("এজেন্ট: নাম্বারটা বলুন\nগ্রাহক: জিরো ওয়ান সেভেন ওয়ান ফাইভ, ফোর ফোর এইট, টু জিরো সিক্স",
     "PHONE", "জিরো ওয়ান সেভেন ওয়ান ফাইভ, ফোর ফোর এইট, টু জিরো সিক্স"),
    ("এজেন্ট: নম্বরটা বলুন\nগ্রাহক: শূন্য এক সাত, এক এক পাঁচ, পাঁচ পাঁচ, ছয় আট দুই",
     "PHONE", "শূন্য এক সাত, এক এক পাঁচ, পাঁচ পাঁচ, ছয় আট দুই"),
    # Vietnamese, "which number" asked
    ("tổng đài: số thuê bao bị mất là số nào ạ\nkhách: không chín một hai, ba bốn tám, năm năm hai",
     "PHONE", "không chín một hai, ba bốn tám, năm năm hai"),
    # an id's last four, in native digits and in words
    ("এজেন্ট: এনআইডির শেষ চারটি সংখ্যা?\nগ্রাহক: ৩৮২৬\nএজেন্ট: ধন্যবাদ", "NATIONAL_ID", "৩৮২৬"),
    ("agent: nid er shesh char digit\ncaller: ৭৭২১\nagent: dhonnobad", "NATIONAL_ID", "৭৭২১"),
    ("نمائندہ: شناختی کارڈ کے آخری چار ہندسے\nصارف: ۷۷۲۱", "NATIONAL_ID", "۷۷۲۱"),
    ("एजेंट: नागरिकता नम्बरको अन्तिम चार अंक भन्नुस्\nग्राहक: ४४१७", "NATIONAL_ID", "४४१७"),
    ("முகவர்: உங்க ஆதார் கடைசி நாலு எண் சொல்லுங்க\nவாடிக்கையாளர்: நாலு ஏழு ஒன்று இரண்டு",
     "NATIONAL_ID", "நாலு ஏழு ஒன்று இரண்டு"),
    # a mobile written whole in native digits, no cue
    ("नमस्ते eSewa, मैले गल्तीले ९८४९३५२६५० मा रु. ३,५०० पठाएँ", "PHONE", "९८४९३५२६५०"),
    ("मैंने गलती से ९८७६५४३२१० पर पैसे भेज दिए, सही वाला ९८७६५४३२०१ था", "PHONE", "९८७६५४३२०१"),
    # an Egyptian national number after "your national number?"
    ("خدمة العملاء: ورقمك القومي؟\nالعميل: ٢٩٠٠٥١٢٠١٠٣٤٥٦", "NATIONAL_ID", "٢٩٠٠٥١٢٠١٠٣٤٥٦"),
])
def test_read_in_asian_and_indic_numbers(rules: PresidioPiiDetector, text: str, kind: str, value: str) -> None:
    assert (kind, value) in _found(rules, text)


@pytest.mark.parametrize(("text", "value"), [
    # an order's number, said as a phone is
    ("客服：请问您的手机号码？\n用户：我的订单号是一三八一二三四五六七八", "一三八一二三四五六七八"),
    ("オペレーター：ご注文番号をお願いします。\nお客様：〇九〇の一二三四の五六七八です。", "〇九〇の一二三四の五六七八"),
    ("상담원: 주문번호 알려주세요\n고객: 공일공 일이삼사 오육칠팔이요", "공일공 일이삼사 오육칠팔"),
    # a card's last four (kept), an amount
    ("এজেন্ট: আপনার কার্ডের শেষ চার সংখ্যা?\nগ্রাহক: ৪৪১৭", "৪৪১৭"),
    ("客服：您本月话费一百二十八元，手机尾号七七三〇", "七七三〇"),
    # a mobile's shape after a reference's or a policy's name
    ("नमस्ते, मेरा LPG सिलेंडर बुक नहीं हो रहा। उपभोक्ता संख्या ७२१०४५५८९३, कृपया मदद करें", "७२१०४५५८९३"),
    ("مرحبا، رقم العملية ٧٧١٠٢٩٤٤٨١. الله يخليكم ساعدوني", "٧٧١٠٢٩٤٤٨١"),
    ("ग्राहक: मेरी पॉलिसी ९८७६५४३२१० का प्रीमियम कट गया", "९८७६५४३२१०"),
])
def test_look_alikes_stay(rules: PresidioPiiDetector, text: str, value: str) -> None:
    assert not any(value in text[s.start:s.end] or text[s.start:s.end] in value for s in rules.find(text)
                   if s.kind in ("PHONE", "NATIONAL_ID"))


def test_fast_on_long_input() -> None:
    text = ("এনআইডির শেষ চার সংখ্যা\nগ্রাহক: ১২৩৪\n" + "गलती से ९८७६५४३२१० पर " * 200) * 50
    started = time.perf_counter()
    found = pii_native_numbers.find_native_numbers(pii_native_digits.ascii_digits(text))
    assert len(found) <= pii_native_numbers.CAP
    assert time.perf_counter() - started < 2.0
