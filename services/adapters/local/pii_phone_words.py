"""Phones after the phone words of more languages, in a letter's closing block, and extensions (session 35, issue 21).

`pii_phone_cues` reads a number after the phone cues of English and western Europe; `pii_native_digits` after those of
Arabic, Hebrew and the scripts of South and South-East Asia. Still readable were:

- a number after the word for "number" or "phone" of Pacific, African and Asian languages written in Latin letters,
  and of Greek, Cyrillic, Vietnamese, Turkish, Icelandic, Baltic and central European mail: Tok Pisin "namba bilong
  mi 7155 5284", "fon 7155 0298", Fijian "naba", Samoan "lo'u numera", Swahili "namba yangu", "nambari ya simu",
  Arabizi "ra2me", Malay/Indonesian "no hp", "nomor wa", Tagalog "cp no.", Vietnamese "SĐT", Turkish "numaram", Greek
  "τηλ.", "κινητό", Russian/Bulgarian/Ukrainian "тел.", "моб.", Icelandic "sími", Latvian "tālr.", Mongolian "утас"
  (session 39);
- a number standing alone on a line of a letter's closing block, under the name that signs it ("Hilsen Sigrid /
  915 55 302", "Rita Vella / 7955 5184");
- an extension given alone after its word ("ext. 4417", "tel. wew. 214", "Durchwahl 214", "ramal 2231"): the digits;
  never one right after its number (the phone finders' own), nor "lokal 12" (Polish premises), "interno 7" (an Italian
  flat) or "DW 51184" (a Polish plate) unless a phone is spoken of just before.

- (session 39) the number a mobile wallet's transfer went to, where the message names the wallet (PayNow, M-PAiSA,
  M-Pesa, BenefitPay, D17, Whish, eSewa, FPS / 轉數快, GCash, Bizum, Yape…): the number after "to", "on", "au", "ki",
  "long", "去", "俾", "instead of", "meant"… ("PayNow to 9155 2048", "M-PAiSA ki 927 5541"), and the same number
  written again with two digits swapped or one changed ("… instead of 9155 2084"); never a number a word names as
  something else just before it ("ref", "txn", "account", "till", "paybill", "CPR", "NRIC", "TIN"…), one a bank's
  name follows ("to 0138847291 (GTBank)": an account), a date or an amount.

Never a date, an amount, a Norwegian account written 4.2.5 ("1503.44.81207") or a number a line labels as something
else ("Org.nr", "CVR", "IBAN"). Every pattern is linear (bounded repeats); at most CAP phones a message.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from services.adapters.local import pii_closing_lines, pii_phone_cues

Found = tuple[str, int, int, float]

# the words for "phone" / "number" / "my number" (lower case, matched case-insensitively, whole words)
_WORDS = (
    # Tok Pisin, Bislama
    r"namba[ \t]bilong[ \t](?:mi|fon)|namba[ \t]fon|fon[ \t]namba|nupela[ \t]namba|olpela[ \t]namba|namba[ \t]blong[ \t]mi|"
    r"fon|"
    # Fijian, Samoan, Tongan, Māori
    r"naba(?:[ \t]ni[ \t](?:talevoni|fone|qiqi))?|lo['’]u[ \t]numera|numera(?:[ \t]telefoni)?|fika(?:[ \t]telefoni)?|"
    r"nama[ \t]waea|"
    # Swahili
    r"namba[ \t](?:yangu|yako|ya[ \t]simu)|nambari(?:[ \t]ya[ \t]simu|[ \t]yangu|[ \t]yako)?|simu[ \t]yangu|"
    # Arabizi
    r"ra2m(?:e|i|y|ak|ik)?|raqm(?:i|y|ak)?|nimra|nmra|nemra|"
    # Malay / Indonesian / Tagalog
    r"no\.?[ \t]?(?:hp|wa|telp?|telefon|tel\.)|nomor[ \t](?:hp|wa|telepon|telp|saya|aku)|nombor[ \t](?:telefon|saya|hp)|"
    r"hp[ \t]saya|cp[ \t]?(?:no\.?|#)|numero[ \t]ko|"
    # Vietnamese, Turkish, Icelandic, Baltic, central Europe
    r"sđt|số[ \t]điện[ \t]thoại|số[ \t]đt|numaram|numaramız|cep[ \t]tel(?:efonu)?|tel[ \t]no|sími|gsm[ \t]sími|"
    r"farsími|tālr\.?|mob\.|tel\.[ \t]?č\.|telefonszám|mobilszám|telefonszámom|kom\.|komórka|"
    # Greek, Cyrillic
    r"τηλ\.?|τηλέφωνο|κινητό|τηλ[ \t]επικοινωνίας|тел\.?|телефон|моб\.?|мобилен|мобильный|мобільний|"
    r"номер[ \t]телефона|номер[ \t]телефону|"
    # session 39 (39-5): Mongolian
    r"утас(?:ны[ \t]дугаар)?|гар[ \t]утас"
)
_CUE = re.compile(rf"(?i)(?<![\w@.])(?:{_WORDS})(?![\w@-])")
# between the word and the number: "is", "ni", "em", "ko", "saya", "hai", a colon
_LINK = re.compile(r"[ \t]{0,2}[:#]?[ \t]{0,2}(?:(?i:is|ni|em|ko|saya|hai|es|é|je|на|е|είναι|là|o)[ \t:]{1,3})?")
_MAX_GAP = 12
# a line that is a phone only: an optional +country code and 7-13 digits in groups
_PHONE_LINE = re.compile(r"[ \t>]{0,4}(?<!\d)(\+?(?:\(\d{1,4}\)[ \t]?)?\d++(?:[ \t.\-]\d++){0,6})[ \t]*\Z")
_NO_ACCOUNT = re.compile(r"\d{4}\.\d{2}\.\d{5}")  # a Norwegian account, 4.2.5
_DATE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")
# a line above the number that labels it as something else
_LABEL_ABOVE = re.compile(r"(?i)(?:iban|konto|account|kontonummer|org\.?[ \t]?n(?:r|o)|cvr|kvk|ičo|ico|vat|btw|"
                          r"reg\.?[ \t]?(?:nr|no)|y-tunnus|kennitala|bankgiro|plusgiro)\W{0,3}\Z")
# an extension given alone: its word, then 2-5 digits; the weak words need a phone word before them
_EXT = re.compile(r"(?i)(?<![\w@.])(?:(?P<strong>ext|extn|extension|wew|durchwahl|ramal|anexo|klapka|mellék|"
                  r"linka)|(?P<weak>poste|interno|int|lokal|dw))\.?[ \t]?(?:no\.?|nr\.?|#|:)?[ \t]?"
                  r"(\d{2,5})(?![\d\w]|[.,/-]\d)")
_PHONE_BEFORE = re.compile(r"(?i)(?:tel|tél|phone|telefon|telefono|teléfono|téléphone|fono|fon|call|ring|appel\w*)"
                           r"\W{0,3}(?:[\w.]{0,12}\W{0,3})?\Z")


def _after_words(text: str) -> Iterator[Found]:
    for cue in _CUE.finditer(text):
        link = _LINK.match(text, cue.end())
        at = link.end() if link else cue.end()
        if at - cue.end() > _MAX_GAP:
            continue
        m = pii_phone_cues._NUMBER.match(text, at)
        if m and pii_phone_cues._digits_ok(m.group(1)) and not _NO_ACCOUNT.fullmatch(m.group(1).strip()):
            yield "PHONE", m.start(), m.end(), 0.85


def _closing_block(text: str) -> Iterator[Found]:
    start = pii_closing_lines._closing_start(text)
    if start is None:
        return
    previous = ""
    at = start
    while at < len(text):
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        line = text[at:end]
        m = _PHONE_LINE.match(line)
        if m and previous.strip():
            value = m.group(1)
            digits = sum(c.isdigit() for c in value)
            if (7 <= digits <= 13 and not _DATE.fullmatch(value) and not _NO_ACCOUNT.fullmatch(value)
                    and not previous.rstrip().endswith(":") and not _LABEL_ABOVE.search(previous.rstrip())):
                yield "PHONE", at + m.start(1), at + m.end(1), 0.8
        if line.strip():
            previous = line
        at = end + 1


def _extensions(text: str) -> Iterator[Found]:
    for m in _EXT.finditer(text):
        if any(c.isdigit() for c in text[max(0, m.start() - 3):m.start()]):
            continue  # an extension after its number is the phone finders' ("22 555 41 87 wew. 12")
        if m.group("weak") and not _PHONE_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue  # "interno 7" is a flat, "poste" a post, unless a phone is spoken of just before
        yield "PHONE", m.start(3), m.end(3), 0.8


# session 39 (39-5): a mobile wallet's transfer ("PayNow to 9155 2048", "M-PAiSA ki 927 5541", "via D17 au 22 418
# 733", "轉數快 … 俾 6418 2293"): the wallets, then the words a transfer's number follows
_WALLET = re.compile(r"(?i)(?<![\w])(?:pay[ \t-]?now(?:-ed)?|paylah|m-?pa[i]sa|m-?pesa|benefit[ \t]?pay|d17|whish|omt|"
                     r"esewa|khalti|fps|momo|gcash|paymaya|opay|palmpay|mobile[ \t]money|ecocash|orange[ \t]money|"
                     r"bkash|nagad|jazz[ \t]?cash|easypaisa|payid|swish|vipps|mobilepay|bizum|nequi|daviplata|yape|plin|"
                     r"duitnow|stc[ \t]?pay|instapay|airtel[ \t]money|tigo[ \t]pesa|wave)(?![\w])|轉數快|转数快")
_TO_NUMBER = re.compile(r"(?i)(?:(?<![\w])(?:to|on|onto|into|from|au|al|a|à|la|ki|long|ke|kwa|na|sa|kay|3al|para|pour|"
                        r"naar|til|an|le|meant|instead[ \t]of|should[ \t]be|correct[ \t]one[ \t]is|"
                        r"c['’]?était[ \t]pour|era|(?:number|numéro|número|naba|namba|nambari|raqm|nomor)(?:[ \t][^\W\d_]{1,10})?)|"
                        r"去|俾|係)[ \t:]{0,3}\Z")
_WALLET_NUMBER = re.compile(r"(?<![\w+.,/$€£₹-])(\+?\d(?:\d|[ \t-]\d){6,13})(?![\w/-]|[.,]\d|[ \t]?(?:%|€|\$))")
# a date written with spaces or run together ("on 11 06 2024", "on 20240611")
_DATE_LIKE = re.compile(r"\d{1,2}[ \t]\d{1,2}[ \t]\d{2,4}|(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])")
# a bank's name right after the number: a bank account ("to 0138847291 (GTBank)", "8913435581 GTBank")
_BANK_AFTER = re.compile(r"[ \t]{1,2}\(?[A-Z][\w]{1,15}")
# a number a word names as something else ("ref 24081901", "account 400551286", "CPR 880512345")
_NOT_PHONE_BEFORE = re.compile(r"(?i)(?:ref\w{0,7}|txn|trx|transaction|account|acct|a/c|order|invoice|bill|cpr|nric|tin|"
                               r"id|ic|cnic|nin|bvn|meter|policy|booking|ticket|case|otp|pin|amount|code|"
                               r"rekening|cuenta|conta|compte|konto|till|paybill|agent|session|receipt|confirmation|control|"
                               r"tracking|voucher|token|serial)\W{0,3}(?:no\.?|nr\.?|number|#)?\W{0,3}(?:is\W{0,2})?\Z")


def _wallet_transfers(text: str) -> Iterator[Found]:
    """A number a wallet's transfer went to (the wallet named in the message, the number after "to", "on", "au",
    "ki"…), and the same number written again with two digits swapped or one changed ("instead of …", "meant …")."""
    if not _WALLET.search(text):
        return
    found: list[str] = []
    for m in itertools.islice(_WALLET_NUMBER.finditer(text), 60):
        value = m.group(1)
        digits = re.sub(r"\D", "", value)
        if not 7 <= len(digits) <= 12 or _DATE.fullmatch(value) or _DATE_LIKE.fullmatch(value) or \
                _NOT_PHONE_BEFORE.search(text, max(0, m.start() - 30), m.start()) or _BANK_AFTER.match(text, m.end()):
            continue
        after_to = _TO_NUMBER.search(text, max(0, m.start() - 24), m.start()) is not None
        again = any(len(f) == len(digits) and f[:3] == digits[:3] and f != digits and
                    sum(a != b for a, b in zip(f, digits, strict=True)) <= 2 for f in found)
        if after_to or again:
            found.append(digits)
            yield "PHONE", m.start(1), m.end(1), 0.8


CAP = 24  # phones a message at most


def find_phone_words(text: str) -> list[Found]:
    """The phones of the module's docstring, at most CAP."""
    if len(text) < 7:
        return []
    return list(itertools.islice(itertools.chain(_after_words(text), _closing_block(text), _extensions(text),
                                                 _wallet_transfers(text)), CAP))
