"""Phones after the phone words of more languages, in a letter's closing block, and extensions (session 35, issue 21).

`pii_phone_cues` reads a number after the phone cues of English and western Europe; `pii_native_digits` after those of
Arabic, Hebrew and the scripts of South and South-East Asia. Still readable were:

- a number after the word for "number" or "phone" of Pacific, African and Asian languages written in Latin letters,
  and of Greek, Cyrillic, Vietnamese, Turkish, Icelandic, Baltic and central European mail: Tok Pisin "namba bilong
  mi 7155 5284", "fon 7155 0298", Fijian "naba", Samoan "lo'u numera", Swahili "namba yangu", "nambari ya simu",
  Arabizi "ra2me", Malay/Indonesian "no hp", "nomor wa", Tagalog "cp no.", Vietnamese "SĐT", Turkish "numaram", Greek
  "τηλ.", "κινητό", Russian/Bulgarian/Ukrainian "тел.", "моб.", Icelandic "sími", Latvian "tālr.";
- a number standing alone on a line of a letter's closing block, under the name that signs it ("Hilsen Sigrid /
  915 55 302", "Rita Vella / 7955 5184");
- an extension given alone after its word ("ext. 4417", "tel. wew. 214", "Durchwahl 214", "ramal 2231"): the digits;
  never one right after its number (the phone finders' own), nor "lokal 12" (Polish premises), "interno 7" (an Italian
  flat) or "DW 51184" (a Polish plate) unless a phone is spoken of just before.

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
    r"номер[ \t]телефона|номер[ \t]телефону"
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


CAP = 24  # phones a message at most


def find_phone_words(text: str) -> list[Found]:
    """The phones of the module's docstring, at most CAP."""
    if len(text) < 7:
        return []
    return list(itertools.islice(itertools.chain(_after_words(text), _closing_block(text), _extensions(text)), CAP))
