"""Numbers in the messages of other scripts that no cue stands right before (session 43, candidate 43-5, issue 21).

Two shapes the cued finders (``pii_native_digits``, ``pii_spoken_phones``) did not read:

- the last four digits of a national id asked for to verify the caller, in Bengali ("এনআইডির শেষ চারটি সংখ্যা?",
  "NID এর শেষ চার ডিজিট?", "nid er shesh char digit"), Urdu ("شناختی کارڈ کے آخری چار ہندسے"), Hindi / Nepali
  ("आधार के आखिरी चार अंक"), Tamil ("ஆதார் கடைசி நாலு எண்") or Arabic ("آخر أربعة أرقام من الرقم القومي"), answered
  in the next turn by a number of four digits alone ("৭৭২১", "۷۷۲۱") or by four digit words ("চার পাঁচ ছয় সাত",
  "நாலு ஏழு ஒன்று இரண்டு"): a ``NATIONAL_ID``, as the conventions label an
  Aadhaar's, a CNIC's or a NID's last four given to verify. Never the last four of a card, an account, a phone or an
  NRIC (kept ``LAST_DIGITS``): a line that names one of those besides the id asks for no id;
- a mobile number written whole with no cue, between words of Devanagari, Bengali or Arabic script ("मैले गल्तीले
  ९८४९३५२६५० मा रु. ३,५०० पठाएँ": a wallet transfer to the wrong number), in the shapes of South Asia's and the
  Middle East's mobiles (ten digits opening 6-9; eleven opening 01, 03 or 09): a ``PHONE``, unless its clause names it
  ("उपभोक्ता संख्या 7210455893", "رقم العملية …": a number word or a colon before it), or the nearest cue before it (``pii_spoken_phones``' cues: an order's, an account's, an id's, a policy's…) names another
  kind, or a currency follows it. A number inside a longer one, after a "+" or a letter, or grouped is not read here.

The text is read with its digits ASCII (``pii_native_digits.ascii_digits``). Linear: one pass over the lines; at most
CAP spans a message.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from services.adapters.local import pii_ids, pii_native_digits, pii_spoken_phones

Found = tuple[str, int, int, float]

CAP = 8

# "the last four", in the scripts (and the Latin spellings) of the languages that ask for an id's last four (English
# "last four" is the English rules': an Aadhaar's last four there are sometimes kept)
_LAST_FOUR = re.compile(
    r"(?i)শেষ[ \t](?:চার|৪|4)|(?<![\w])(?:shesh|sesh|akhri|aakhri|aakhiri|antim)[ \t](?:char|chaar|4)(?![\w])|"
    r"آخری[ \t](?:چار|۴|4)|(?:آخر|اخر)[ \t](?:أربع|اربع|٤|4)|(?:आखिरी|आख़िरी|अंतिम|अन्तिम)[ \t](?:चार|४|4)|"
    r"கடைசி[ \t](?:நாலு|நான்கு|4)")
# the ids whose last four are personal (never an NRIC's or a card's)
_ID = re.compile(
    r"(?i)(?<![\w])(?:nid|cnic|aadhaa?r|national[ \t]id)|এনআইডি|জাতীয়[ \t]পরিচয়পত্র|জাতীয়[ \t]পরিচয়পত্র|"
    r"شناختی[ \t]کارڈ|قومی[ \t]شناختی|آدھار|आधार|ஆதார்|নাগরিকত্ব|नागरिकता|الرقم[ \t]القومي|رقم[ \t]قومي")
# another number named on the asking line (after the id's own words are taken out): its last four are kept
_OTHER = re.compile(
    r"(?i)(?<![\w])(?:card|account|acct|a/c|phone|mobile|nric|ssn|sin|pan|policy)(?![\w])|কার্ড|অ্যাকাউন্ট|"
    r"একাউন্ট|ফোন|মোবাইল|نمبر[ \t]موبائل|موبائل|کارڈ|اکاؤنٹ|بطاقة[ \t]الائتمان|حساب|موبايل|कार्ड|खाता|मोबाइल|"
    r"கார்டு|அட்டை|மொபைல்|கணக்கு")
_FOUR = re.compile(r"(\d{4})(?![\d.,:/-]?\d)[ \t]{0,2}(?:[^\d\s][^\n\d]{0,30})?\Z")
# a mobile written whole: ten digits opening 6-9 (India, Nepal), eleven opening 01[3-9], 03 or 09 (Bangladesh,
# Pakistan, Iran), 01[0125] (Egypt)
_MOBILE = re.compile(r"(?<![\w+.,/-])(?:[6-9]\d{9}|01[0-9]\d{8}|03\d{9}|09\d{9})(?![\w.,/-]?\d)(?!\w)")
_SCRIPT = re.compile(r"[\u0600-\u06ff\u0900-\u09ff]")
# a number named in its clause ("उपभोक्ता संख्या …", "رقم العملية …", "ID: …"): its cue's finders read it, not this one
_NAMED = re.compile(r"(?i)संख्या|नंबर|नम्बर|नं\.?|क्रमांक|رقم|الرقم|شماره|نمبر|নম্বর|নাম্বার|নং|আইডি|"
                    r"(?<![\w])(?:no|nr|number|num|id|ref)(?![\w])|[#:：]")
_CLAUSE_END = re.compile(r"[\n।॥.!?;,،؛]")


def _last_four(text: str) -> Iterator[Found]:
    for line, begin, end in pii_ids.next_turns(text):
        if len(line) > 300 or sum(c.isdigit() for c in line) >= 4 or not _LAST_FOUR.search(line):
            continue
        if not _ID.search(line):
            continue
        if _OTHER.search(_ID.sub(" ", line)):
            continue
        label = pii_native_digits._LABEL.match(text, begin)
        at = label.end() if label else begin
        four = _FOUR.match(text, at, end)
        if four:
            yield "NATIONAL_ID", four.start(1), four.end(1), 0.85
            continue
        said = [r for r in pii_spoken_phones._runs(text[at:end]) if r.digits() >= 3]  # "চার পাঁচ ছয় সাত"
        if len(said) == 1 and said[0].digits() == 4 and said[0].words == 4 and not text[at:at + said[0].start].strip():
            yield "NATIONAL_ID", at + said[0].start, at + said[0].end, 0.85


def _mobiles(text: str) -> Iterator[Found]:
    if not _SCRIPT.search(text):
        return
    cues = pii_spoken_phones._Cues(text)
    for m in itertools.islice(_MOBILE.finditer(text), 16):
        before, after = text[max(0, m.start() - 30):m.start()], text[m.end():m.end() + 12]
        if not (_SCRIPT.search(before[-12:]) or _SCRIPT.search(after)):
            continue  # a number among Latin words is the other finders'
        if pii_native_digits._AMOUNT_AFTER.match(text, m.end()) or pii_spoken_phones._CURRENCY_AFTER.match(text, m.end()):
            continue
        clause = before[max((c.end() for c in _CLAUSE_END.finditer(before)), default=0):]
        if _NAMED.search(clause):
            continue
        if cues.kind(m.start()) in (None, "PHONE"):
            yield "PHONE", m.start(), m.end(), 0.85


def find_native_numbers(text: str) -> list[Found]:
    """The last fours and the uncued mobiles of the module's docstring, at most CAP."""
    if text.isascii() and not _LAST_FOUR.search(text):
        return []
    return list(itertools.islice(itertools.chain(_last_four(text), _mobiles(text)), CAP))
