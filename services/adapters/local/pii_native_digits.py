"""Phones, national ids and bank accounts written in the digits of other scripts (session 34, candidate 34-8).

Our messages write numbers in Devanagari ("मोबाइल ९८४१५५५३२७"), Bengali ("বিকাশ নম্বর ০১৭১৫৫৫৯৮২৩"), Arabic-Indic
("الرقم القومي ٢٨٨٠٤١٢٠١٠٤٥٥٧"), Extended Arabic-Indic (Persian, Urdu), Burmese ("နံပါတ် ၀၉၇၅၅၅၁၂၃၄၅"), Thai, Tamil
or any other script's decimal digits. Two parts:

- ``ascii_digits``: every Unicode decimal digit read as its ASCII digit, one character for one, so a span found on the
  translated text is the same span of the original. The detector reads the translated text, so every finder (the
  recognisers, the rules, the tagger) reads "০১৭১৫৫৫৯৮২৩" as it reads "01715559823" — and every kept value (an amount,
  a date, an order) as it reads the ASCII one.
- ``find_native_cued``: the cue words of phones, national ids and bank accounts in Arabic, Persian / Urdu, Hebrew,
  Hindi / Nepali, Bengali, Burmese, Tamil, Sinhala and Thai, read as the Latin cues are read: the number right after
  the cue (a suffix of the cue's word, a colon, a "number" word between at most), or the number that opens the next
  turn's answer when the cue asks in one line ("الرقم القومي لو سمحت\\nالمتصل: ٢٩٠…"). Never a date, an amount or a
  number longer than the kind's; a kept value is never taken (the detector drops a span over a kept one).

Session 39 (candidate 39-5): the phone cues of Chinese (simplified and traditional: 手机, 手機, 电话, 電話, 联系方式,
手提), Japanese (電話, 携帯, 連絡先) and Korean (전화, 전화번호, 휴대폰, 핸드폰, 연락처), which may follow any character of
their script and glue to their number ("手机135 9744 0346", "手機0912-447-830"); after them only a "number" word, "is"
or a colon (never another noun: "手机订单号2025…" is an order's number), and the number may have a particle or a word
glued after it ("090-4418-2276です", "010-4418-2273입니다"); and Hebrew's "call me back on" with the number glued to
its "ל" ("אפשר לחזור אליי ל052-718-4406"). A date, an amount ("电话费128元"), a card or an order is still never taken.

Session 43 (candidate 43-5): "your national number" asked in Arabic ("ورقمك القومي؟") as "my national number" is.

Every pattern is linear (bounded repeats, no nested quantifiers over the same characters); the finder reads the text
once per cue and yields at most CAP spans.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator

from services.adapters.local import pii_ids, pii_phone_cues

Found = tuple[str, int, int, float]


def _digit_table() -> dict[int, int]:
    table: dict[int, int] = {}
    for code in range(0x80, 0x20000):  # every decimal digit of Unicode lies below U+20000
        ch = chr(code)
        if ch.isdecimal():
            value = unicodedata.decimal(ch, None)
            if value is not None:
                table[code] = ord("0") + value
    return table


DIGITS = _digit_table()  # code point of a non-ASCII decimal digit -> code point of its ASCII digit


def ascii_digits(text: str) -> str:
    """The text with every decimal digit written as its ASCII digit (the same length: spans map back unchanged)."""
    if text.isascii():
        return text
    translated = text.translate(DIGITS)
    if len(translated) != len(text):  # cannot happen (one code point for one), but spans must never move
        return text
    return translated


# the cue words, one script at a time; an Arabic word may carry its clitic ("و", "ب", "ل", "ف") and article ("ال")
_AR = r"(?:[وبلف]?(?:ال)?)"
_PHONE_CUES = (
    # Arabic, Persian, Urdu
    rf"{_AR}(?:هاتف|هاتفي|موبايل|موبايلي|جوال|جوالي|محمول|تليفون|تلفون|تلفن|موبایل|موبائل|فون|واتساب|واتس|خط|رقمي)|"
    r"رقم[ \t](?:ال)?(?:هاتف|هاتفي|موبايل|جوال|جوالي|محمول|تليفون|تلفون|واتساب|خط)(?:[ \t]ال(?:أرضي|ارضي))?|"
    rf"{_AR}رقم[ \t]ال(?:قديم|جديد|صح|صحيح)|شماره[ \t](?:تلفن|موبایل|همراه|تماس)|"
    r"شماره[ \t]?ام|میرا[ \t]نمبر|موبائل[ \t]نمبر|فون[ \t]نمبر|"
    # Hebrew
    r"ה?(?:טלפון|נייד|פלאפון|סלולרי)|טל['׳]|מספר[ \t]טלפון|מספר[ \t]נייד|"
    # Hindi / Nepali
    r"मोबाइल|मोबाईल|मोबाइल[ \t]नंबर|फोन|फ़ोन|फोन[ \t]नंबर|फ़ोन[ \t]नंबर|टेलिफोन|सम्पर्क[ \t]नम्बर|संपर्क[ \t]नंबर|"
    r"मेरो[ \t]नम्बर|मेरा[ \t]नंबर|"
    # Bengali
    r"মোবাইল|ফোন|বিকাশ|নগদ|রকেট|যোগাযোগ[ \t]নম্বর|"
    # Burmese
    r"ဖုန်းနံပါတ်|ဖုန်း|မိုဘိုင်း|"
    # Tamil
    r"மொபைல்|தொலைபேசி|கைபேசி|போன்|அலைபேசி|"
    # Sinhala
    r"දුරකථන|ජංගම|ෆෝන්|"
    # Thai
    r"เบอร์โทรศัพท์|เบอร์โทร|เบอร์มือถือ|เบอร์|โทรศัพท์|มือถือ|ติดต่อกลับได้ที่|ติดต่อได้ที่|ติดต่อกลับที่|ติดต่อที่|โทร|"
    # session 39 (39-5): Hebrew "call me back on" (the number glued to its "ל"), Chinese (simplified, traditional,
    # Cantonese), Japanese, Korean
    r"(?:לחזור|תחזרו|חזרו|תחזור|תתקשרו|תתקשר|להתקשר|התקשרו)[ \t]אל(?:יי|י|יו|יה|ינו)[ \t]?ל?|"
    r"手机|手機|电话|電話|联系方式|聯絡方式|联系人电话|手提|携帯|連絡先|전화번호|전화|휴대폰|휴대전화|핸드폰|연락처"
)
# a CJK cue's link: a "number" word, "is", a colon (never another noun: "手机订单号" is an order's number)
_CJK_LINK = re.compile(r"[ \t]?(?:号码|號碼|号|號|番号|番號|번호)?(?:是|为|為|は|는|은|:|：)?[ \t]{0,2}[:：\-–#]?[ \t]{0,2}")
_ID_CUES = (
    rf"{_AR}(?:رقم[ \t](?:ال)?قومي|رقم(?:ي|ك|كم)[ \t](?:ال)?(?:قومي|وطني|مدني)|رقم[ \t](?:ال)?هوية(?:[ \t]ال[^\s\d]{{2,12}})?|رقم[ \t]هويتي|رقم[ \t](?:ال)?وطني|رقم[ \t](?:ال)?مدني|"
    r"رقم[ \t](?:ال)?إقامة|رقم[ \t](?:ال)?اقامة|رقم[ \t]بطاقة[ \t](?:ال)?هوية|بطاقة[ \t](?:ال)?هوية|هويتي|هوية)|"
    r"کد[ \t]ملی|شماره[ \t]ملی|کارت[ \t]ملی|شناختی[ \t]کارڈ(?:[ \t]نمبر)?|شناختی|"
    r"ת\.ז\.?|ת\"ז|ת״ז|תעודת[ \t]זהות|מספר[ \t]זהות|"
    r"नागरिकता(?:[ \t](?:नं\.?|नम्बर|नंबर|प्रमाणपत्र))?|आधार(?:[ \t](?:कार्ड|नंबर|नम्बर|संख्या))?|"
    r"राष्ट्रिय[ \t]परिचयपत्र|राष्ट्रीय[ \t]पहचान[ \t]पत्र|परिचयपत्र|पहचान[ \t]पत्र|पैन(?:[ \t]कार्ड)?|"
    r"এনআইডি|জাতীয়[ \t]পরিচয়পত্র|জাতীয়[ \t]পরিচয়পত্র|পরিচয়পত্র|পরিচয়পত্র|আধার|ভোটার[ \t]আইডি|"
    r"မှတ်ပုံတင်(?:[ \t]?နံပါတ်)?|"
    r"ஆதார்(?:[ \t]எண்)?|அடையாள[ \t]அட்டை|"
    r"ජාතික[ \t]හැඳුනුම්පත|හැඳුනුම්පත|"
    r"เลขบัตรประชาชน|บัตรประชาชน|เลขประจำตัวประชาชน"
)
_BANK_CUES = (
    rf"{_AR}(?:رقم[ \t](?:ال)?حساب(?:ي)?|حسابي[ \t](?:ال)?بنكي|حساب[ \t](?:ال)?بنك|الحساب[ \t]البنكي)|"
    r"شماره[ \t]حساب|اکاؤنٹ[ \t]نمبر|اکاونٹ[ \t]نمبر|"
    r"מספר[ \t]חשבון|חשבון[ \t]בנק|"
    r"खाता(?:[ \t](?:नंबर|नम्बर|संख्या))?|अकाउंट[ \t]नंबर|बैंक[ \t]खाता|"
    r"অ্যাকাউন্ট[ \t]নম্বর|একাউন্ট[ \t]নম্বর|হিসাব[ \t]নম্বর|ব্যাংক[ \t]অ্যাকাউন্ট|"
    r"ဘဏ်အကောင့်(?:[ \t]?နံပါတ်)?|အကောင့်နံပါတ်|"
    r"கணக்கு[ \t]எண்|வங்கி[ \t]கணக்கு|"
    r"ගිණුම්[ \t]අංකය|"
    r"เลขบัญชี|เลขที่บัญชี"
)
# a bare "number" ("नम्बर", "নম্বর", "နံပါတ်") is a phone's only where nothing else owns it: after "my" / "your" or a
# sentence's start ("मेरो सिम बन्द भयो, नम्बर …"), never "उपभोक्ता नंबर" (a consumer's number: kept)
_BARE_NUMBER = r"नम्बर|नंबर|নম্বর|নাম্বার|နံပါတ်|نمبر|අංකය"
_BARE_BEFORE = re.compile(r"(?:^|[,.;:!?।॥،۔\n(\"']|(?:मेरो|मेरा|मेरी|हमारा|आपका|आपको|तपाईंको|तिम्रो|আমার|আপনার|তোমার|"
                          r"ကျွန်တော့်|ကျွန်တော်|ကျွန်မ|ငါ့|میرا|آپ[ \t]کا|ভুল|সঠিক|আসল|غلط|اصل|सही|गलत|ग़लत|असली)[ \t]?|[\u1000-\u109f])[ \t]{0,2}\Z")
# a bank's word on a bill ("ගිණුම් අංකය" of an electricity bill, "اکاؤنٹ نمبر" of a gas bill) is the utility's
# customer number, kept
_UTILITY = re.compile(r"(?i:\b(?:bill|meter|electricity|utility|consumer)\b|بل\b|بجلی|گیس|میٹر|فاتورة|عداد|كهرباء|बिल|"
                      r"बिजली|मीटर|उपभोक्ता|বিল|বিদ্যুৎ|মিটার|গ্রাহক[ \t]নম্বর|බිල|විදුලි|කරන්ට්|මීටර|பில்|மின்சார|"
                      r"மீட்டர்|ค่าไฟ|บิล|มิเตอร์|חשמל|מונה)")
# the longest names first (a bank's and an id's before the bare "number" words), one alternation so cues never overlap
_CUE = re.compile(rf"(?<![^\W\d_\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af])(?:(?P<bank>{_BANK_CUES})|(?P<id>{_ID_CUES})|(?P<phone>{_PHONE_CUES})|(?P<bare>{_BARE_NUMBER}))")
# after the cue: the rest of its word (a suffix, a vowel sign: "নম্বরটা", "ফোনে"), a colon, a "number" word, "is"
_LINK = re.compile(r"[^\s\d:：.,;!?()\"'«»]{0,5}[ \t]{0,2}[:：\-–.#]?[ \t]{0,2}"
                   r"(?:(?:नम्बर|नंबर|नं\.?|নম্বর|নাম্বার|নং|رقم|هو|هي|ہے|نمبر|מספר|שלי|שלו|שלה|எண்|අංකය|නම්බරය|คือ|"
                   r"(?i:no\.?|nr\.?|number|#))(?![^\s\d:：\-–.#])[ \t]{0,2}[:：\-–]?[ \t]{0,2})?")
# a phone with a Japanese or Korean particle or a Chinese word glued after it ("090-4418-2276です", "010-4418-2273입니다")
_GLUED_NUMBER = re.compile(r"(\+?\d(?:\d|[ \t.\-]\d){6,16})(?=[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af])")
_MAX_GAP = 24  # characters between a cue's end and its number
_ID_VALUE = re.compile(r"(?<![\w.+/-])(\d(?:[ \t./-]?\d){4,19})(?![\w/-]|[.,]\d)")
_NRC = re.compile(r"\d{1,2}/[A-Za-z\u1000-\u109f]{2,16}\([A-Za-z\u1000-\u109f]{1,8}\)\d{6}(?!\w)")  # Myanmar's NRC
_BANK_VALUE = re.compile(r"(?<![\w.+/-])(\d(?:[ \t-]?\d){7,17})(?![\w/-]|[.,]\d)")
_DATE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}[./]\d{1,2}")
# a number followed by a currency or a unit is an amount, not a phone or an id
_AMOUNT_AFTER = re.compile(r"[ \t]?(?:টাকা|৳|रुपैयाँ|रुपये|रुपया|रु|₹|جنيه|ريال|درهم|دينار|روپے|ریال|تومان|₪|ש\"ח|"
                           r"ကျပ်|บาท|฿|ரூபாய்|රුපියල්|%|€|\$|£)")
_LABEL = re.compile(r"[ \t]{0,3}(?:\[[\d:]{3,8}\][ \t]{0,2})?[^\W\d_][^\s:：]{0,20}(?:[ \t][^\s:：]{1,20}){0,2}"
                    r"[ \t]?[:：][ \t]{0,3}")
CAP = 24


def _value(kind: str, text: str, at: int) -> tuple[int, int] | None:
    if kind == "phone":
        m = pii_phone_cues._NUMBER.match(text, at) or _GLUED_NUMBER.match(text, at)
        if not m or not 7 <= sum(c.isdigit() for c in m.group(1)) <= 13:
            return None
        start, end = m.start(), m.end()
    elif kind == "id":
        nrc = _NRC.match(text, at)
        if nrc:
            return nrc.start(), nrc.end()
        m = _ID_VALUE.match(text, at)
        if not m:
            return None
        start, end = m.start(1), m.end(1)
    else:
        m = _BANK_VALUE.match(text, at)
        if not m:
            return None
        start, end = m.start(1), m.end(1)
    if _DATE.fullmatch(text[start:end].strip()) or _AMOUNT_AFTER.match(text, end) or (start and text[start - 1] in "৳₹€$£₪฿"):
        return None
    return start, end


_KINDS = {"phone": "PHONE", "id": "NATIONAL_ID", "bank": "BANK_ACCOUNT"}


def _cues(text: str) -> Iterator[tuple[str, int, int]]:
    """Each cue as (kind, its start, where its number may start): a cue inside the one before's link ("বিকাশ নম্বর",
    "এনআইডি নম্বরটা") is that cue's link word, not a cue of its own."""
    after = -1
    utility: bool | None = None
    for cue in _CUE.finditer(text):
        if cue.start() < after:
            continue
        kind = cue.lastgroup or "phone"
        link = (_CJK_LINK if "\u3040" <= cue.group()[0] else _LINK).match(text, cue.end())
        after = link.end() if link else cue.end()
        if kind == "bare":
            if not _BARE_BEFORE.search(text, max(0, cue.start() - 24), cue.start()):
                continue
            kind = "phone"
        if kind == "bank":
            utility = _UTILITY.search(text) is not None if utility is None else utility
            if utility:
                continue
        yield kind, cue.start(), after if after - cue.end() <= _MAX_GAP else -1


def _after_cues(text: str) -> Iterator[Found]:
    for kind, _start, at in _cues(text):
        found = _value(kind, text, at) if at >= 0 else None
        if found:
            yield _KINDS[kind], found[0], found[1], 0.85


def _answers(text: str) -> Iterator[Found]:
    """The number that opens the next turn when a line asks for it by its cue (few digits on the asking line)."""
    for line, begin, end_of_line in pii_ids.next_turns(text):
        if len(line) > 300 or sum(c.isdigit() for c in line) >= 5:
            continue
        asked = [kind for kind, _start, _at in _cues(line)]
        if not asked:
            continue
        label = _LABEL.match(text, begin)
        if label is None:
            continue
        found = _value(asked[-1], text, label.end())  # the last cue of the line is what it asks for
        if found and found[1] <= end_of_line:
            yield _KINDS[asked[-1]], found[0], found[1], 0.85


def find_native_cued(text: str) -> list[Found]:
    """The phones, ids and accounts after another script's cue (the module's docstring), on a text whose digits are
    ASCII (``ascii_digits``), at most CAP."""
    if text.isascii():
        return []
    seen: set[int] = set()
    found: list[Found] = []
    for span in itertools.chain(_after_cues(text), _answers(text)):
        if span[1] not in seen:
            seen.add(span[1])
            found.append(span)
            if len(found) >= CAP:
                break
    return found
