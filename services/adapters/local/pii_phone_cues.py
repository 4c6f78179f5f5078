"""Phones after their cue, in any country's layout (session 30, issue 21; docs/security.md "Session 30").

The phone recogniser reads numbers by the layouts of a few regions; a Norwegian mobile in a signature ("Mobil: 412 80
557"), a Danish landline ("Tlf. 86 55 21 40"), a Dutch one with a spaced dash ("Telefoon: 040 - 211 63 58"), a Polish
desk line with its extension ("tel. 22 628 14 90 wew. 31") or a Philippine mobile after "contact #" stayed readable.
Here, a number the message itself calls a phone:

- right after a phone's cue (tlf., tel., telefon / teléfono / telefoon / téléphone, phone, mobile / mobil / móvil,
  cell, Handy, puh., gsm, Durchwahl, direct line, whatsapp, "contact #", "my no", "reach me at", "call me on",
  "richiamarmi al"…), with at most a colon, "is", "no." or "nr." between: 7-13 digits in groups of digits (spaces,
  dots, dashes, a slash, brackets round an area code), an extension after it inside the span ("wew. 31", "ext. 214",
  "interno 23", "-14");
- a written number that answers a question for the phone, mobile or contact number in the next turn;
- a URL-encoded phone in a form post ("phone=%2B61412553908", "phone=0407%20331%20982").

Never a date ("tel. 12.03.2024"), an amount, or a number that is longer than a phone's 13 digits. Every pattern is
linear (bounded repeats); the finder reads the text once per cue.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from services.adapters.local import pii_ids

Found = tuple[str, int, int, float]

_CUE = re.compile(
    r"(?i)(?<![\w@.])(?:tlf|tel|t[ée]l[ée]phone|telefon[oe]?|tel[ée]fono|telefoon|phone|ph|mobile|mobil|mob|m[óo]vil|"
    r"cell(?:phone)?|handy|puh|gsm|durchwahl|direct[ \t]line|direct|whatsapp|contact[ \t]?(?:no|number|#)|"
    r"my[ \t](?:no|number|mobile|cell)|reach[ \t]me[ \t](?:at|on)|call[ \t]me(?:[ \t](?:back|asap))?[ \t](?:on|at)|"
    r"ring[ \t]me[ \t]on|text[ \t]me[ \t]on|richiamarmi[ \t]al|numer[ \t]telefonu|n[úu]mero[ \t]de[ \t]tel[ée]fono|"
    r"num[ée]ro[ \t]de[ \t]t[ée]l[ée]phone)(?![\w@-])")
_LINK = re.compile(r"\.?[ \t]{0,2}(?:\([ \t]?)?(?:[:#][ \t]{0,2})?(?:(?i:is|es|est|er|ist|no\.?|nr\.?|number|nummer)"
                   r"[ \t:]{1,3})?")
_NUMBER = re.compile(
    r"(\+?(?:\(\d{1,5}\)[ \t]?)?\d(?:\d|[ \t.\-/][ \t]?\d|[ \t]-[ \t]\d|[ \t]?\(\d{1,5}\)[ \t]?\d){5,17})"
    r"(?:[ \t,·]{1,3}(?:\(?(?i:ext\.?|extension|x|wew\.?|poste|interno|int\.|durchwahl|dw\.?)[ \t]?\d{1,5}\)?)|"
    r"-\d{1,4}(?=\s|$))?"
    r"(?![\w/]|[.,]\d|-\d)")
_DATE = re.compile(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}")
_ASK = re.compile(r"(?i)\b(?:phone|mobile|cell|contact|telephone|landline|whatsapp)[ \t]?(?:number|no\b|#)?|"
                  r"\bbest[ \t]number\b|\bregistered[ \t]mobile\b|\bn[úu]mero[ \t]de[ \t](?:tel[ée]fono|contacto|"
                  r"celular|m[óo]vil)|\bnum[ée]ro[ \t]de[ \t](?:t[ée]l[ée]phone|portable|mobile)|\btelefonnummer\b|"
                  r"\bhandynummer\b")
_ANSWER = re.compile(r"[ \t]{0,3}(?:\[[\d:]{3,8}\][ \t]{0,2})?[^\W\d_][\w .'’-]{0,25}[ \t]?:[ \t]{0,3}"
                     r"(?:(?i:yes|yeah|sure|ok(?:ay)?|it['’]?s|its|sí|si|oui|ja)[ \t,.]{1,3}){0,2}")
_OTHER_FIELD = re.compile(r"(?i)\b(?:acc\w*|number|no|nr|ref\w*|id|order|booking|policy|invoice)\b")
_URL_PHONE = re.compile(r"(?i:[?&](?:phone|tel|telephone|mobile|cell)=)((?:%2B)?\d{1,5}(?:(?:%20|\+|-|\.)?\d{1,5}){1,6})"
                        r"(?![\w%])")
_MAX_CUE_GAP = 16  # characters between a cue's end and the number


def _digits_ok(value: str) -> bool:
    digits = sum(c.isdigit() for c in value)
    return 7 <= digits <= 13 and not _DATE.fullmatch(value.strip())


def _after_cues(text: str) -> Iterator[Found]:
    for cue in _CUE.finditer(text):
        link = _LINK.match(text, cue.end())
        at = link.end() if link else cue.end()
        if at - cue.end() > _MAX_CUE_GAP:
            continue
        while at < len(text) and text[at] in " \t":
            at += 1
        m = _NUMBER.match(text, at)
        if m and _digits_ok(m.group(1)):
            yield "PHONE", m.start(), m.end(), 0.85


def _answers(text: str) -> Iterator[Found]:
    for line, begin, end_of_line in pii_ids.next_turns(text):
        if not _ASK.search(line) or sum(c.isdigit() for c in line) >= 5:
            continue  # a form line that gives its phone ("Phone: 0161 496 0732") asks nothing
        label = _ANSWER.match(text, begin)
        if label is None or _OTHER_FIELD.search(label.group()):
            continue  # the next line is another field ("Account number: …"), not an answer
        m = _NUMBER.match(text, label.end())
        if m and _digits_ok(m.group(1)) and m.end() <= end_of_line:
            yield "PHONE", m.start(), m.end(), 0.85


CAP = 24  # phones a message at most (a longer list is a dump; merging them with the other spans judges each)


def find_phones_by_cue(text: str) -> list[Found]:
    """The phones of the module's docstring, at most CAP."""
    found = list(itertools.islice(itertools.chain(_after_cues(text), _answers(text)), CAP))
    if "=" in text and len(found) < CAP:
        found += itertools.islice((("PHONE", m.start(1), m.end(1), 0.85) for m in _URL_PHONE.finditer(text)
                                   if 7 <= sum(c.isdigit() for c in m.group(1).replace("%2B", "").replace("%20", " "))
                                   <= 15), CAP - len(found))
    return found
