"""The writer's own flat or house number given alone is an address (issue 21, session 33).

A customer often names their home by its flat or door number alone, the street being known or said elsewhere: "the
rider left my food at flat 4 instead of flat 14", "yo vivo en el 19", "eu moro no nº 23", "io sto al civico 7",
"hola, soy Carmen, la inquilina del 3º B", "hey this is jun from flat 4B", "Ich wohne in Nr. 12", "Lägenhet 1102",
"Subject: Lease renewal – Unit 4B". The conventions (tests/data/pii/build.py) mask the customer's own number given
alone while giving the address and keep a neighbour's bare number unmarked; the detector found neither.

:func:`find_own_units` (a finder of ``pii_rules.find_all``) proposes an ADDRESS over a unit or house designator of the
languages our messages mix and its number (or a bare number where the cue says it is a door's) when it follows:

- the writer's own-home cue: "I live at/in", "I'm at/in", "we're in", "mine is", "yo vivo en el", "eu moro no", "io
  sto al", "abito al", "j'habite au", "ich wohne in", "ik woon op", "mieszkam pod";
- the writer's self-introduction and "from" / "in" ("this is Tyler from unit 4B", "hi its the guy in flat 9", "soy
  Rocío del 3ºB", "soy el inquilino del 2º B");
- "instead of" / "em vez do" / "en vez de" / "au lieu du" / "statt" / "i stedet for" / "invece che al" after a
  delivery left at another number ("left my parcel at number 12 instead of 21", "lasciato al civico 12 invece che al
  civico 21");
- a tenancy's words before it: a subject line ("Lease renewal – Unit 4B", "Maintenance request – unit 3B"), a tenant
  or owner of it ("Locataire : Mme Lambert, appartement 3B", "Unidade apto 1204", "für die Wohnung Top 14", "Grüße aus
  der Wohnung 12"), or the dwelling word opening a sentence of a German, Nordic, Polish or Czech letter ("Wohnung Top
  6", "Lägenhet 1102", "Mieszkanie nr 14", "Lokal 17").

The designators of flats, units, floors, staircases and doors come from one table, ``pii_unit_words`` (session 43,
43-3), shared by the three unit finders.

Never after "left at", "delivered to", "neighbour", "next door" and their translations (the neighbour's number, kept
unmarked), nor a room, gate, seat, platform, bay, table or locker number (those designators are not on the list), nor
a place in a queue ("I'm at number 3 in the queue").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from services.adapters.local.pii_unit_words import FLAT, SUITE

CAP = 24  # spans a message at most (a long paste repeating a form stays linear in the later filters)

_NUMBER_WORD = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
                r"(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?")
# a unit's or door's number: "14", "4B", "3-07", "12/3", "3.2", "2º B", "4.º C", "fourteen"
_NUMBER = (rf"(?:\d{{1,4}}(?:(?:[A-Za-z]|[ \t][A-Z])(?![\w'’]))?(?:[-/.]\d{{1,4}}[A-Za-z]?)?|\d{{1,2}}\.?[ºª][ \t]?[A-Za-z](?![\w'’])|"
           rf"{_NUMBER_WORD}(?![\w'’]))")
# the designators of a flat, unit or door in the languages our messages mix
_DESIGNATOR = (rf"(?:{FLAT}|{SUITE}|no\.?|nr\.?|n[º°]\.?|number|house[ \t]number|house[ \t]no\.?|número|numero|"
               rf"unidade|civico|huisnummer|nummer|wohnung[ \t]top|mieszkanie(?:[ \t]nr\.?)?|lokal(?:[ \t]nr\.?)?|"
               rf"byt(?:[ \t]č\.?)?)")
# a Spanish or Portuguese floor and door ("3º B", "2ºA") stands alone; "dal 1° settembre" is a date
_UNIT = rf"(?:{_DESIGNATOR}[ \t]{{0,2}}{_NUMBER}|\d{{1,2}}\.?[ºª][ \t]?[A-Za-z](?![\w'’]))"
# a bare number only where it ends the clause ("yo vivo en el 19.", "ma io abito al 14", "he went to 14 not 41"):
# "I'm at 50% battery", "I'm in 2 minds" are no doors
_BARE = rf"(?:{_UNIT}|\d{{1,4}}[A-Za-z]?(?=[ \t]*(?:[,.;:!?)\n]|$)))"
_WORD_END = r"(?![\w'’])"
# cues after which the unit is the writer's own home
_OWN_CUES = (
    r"(?:i[ \t]live[ \t](?:at|in)|i['’]?m[ \t](?:at|in)|im[ \t](?:at|in)|i[ \t]am[ \t](?:at|in)|we['’]?re[ \t](?:at|in)|"
    r"we[ \t]live[ \t](?:at|in)|we[ \t]are[ \t](?:at|in)|mine[ \t]is|my[ \t](?:flat|apartment|unit|house)[ \t]is|"
    r"(?:yo[ \t])?vivo[ \t]en(?:[ \t]el)?|(?:eu[ \t])?moro[ \t]n[oa]|(?:io[ \t])?(?:sto|abito)[ \t]al|"
    r"j['’]habite[ \t](?:au|le)|ich[ \t]wohne[ \t]in|ik[ \t]woon[ \t](?:op|in)|mieszkam[ \t](?:pod|w)|"
    r"bydlím[ \t]v)")
_OWN = re.compile(rf"(?i:(?<![\w'’]){_OWN_CUES}[ \t]{{1,2}}(?:the[ \t])?({_BARE}){_WORD_END})")
# a self-introduction, then "from" / "in" / "del": "this is Tyler from unit 4B", "soy Rocío del 3ºB"
_SELF = re.compile(
    rf"(?i:(?<![\w'’])(?:this[ \t]is|it['’]?s|its|i['’]?m|soy|sou|sono|je[ \t]suis|ich[ \t]bin)[ \t]{{1,2}}"
    rf"(?:[^\W\d_][\w'’-]{{0,20}}[ \t]{{1,2}}){{0,3}}?(?:from|in|del|de[ \t]la|do|da)[ \t]{{1,2}}"
    rf"(?:the[ \t]|el[ \t]|la[ \t])?({_UNIT}){_WORD_END})")
_SELF_TENANT = re.compile(
    rf"(?i:(?<![\w'’])(?:soy|sou|sono|je[ \t]suis)[ \t]{{1,2}}(?:[^\W\d_][\w'’-]{{0,20}},?[ \t]{{1,2}})?"
    rf"(?:el|la|o|a|il|le)[ \t](?:inquilin[oa]|propietari[oa]|vecin[oa]|morador[a]?|locataire|"
    rf"propriétaire)[ \t](?:del|de[ \t]la|do|da|dell['’]|du)[ \t]?({_UNIT}){_WORD_END})")
# "instead of" after a delivery left at another number
_INSTEAD = re.compile(
    rf"(?i:(?<![\w'’])(?:instead[ \t]of|em[ \t]vez[ \t]d[oa]|en[ \t](?:vez|lugar)[ \t]del?|au[ \t]lieu[ \t]du|"
    rf"statt|anstatt|i[ \t]stedet[ \t]for|in[ \t]plaats[ \t]van|invece[ \t](?:del|che[ \t]al)|zamiast)[ \t]{{1,2}}"
    rf"(?:the[ \t]|el[ \t]|o[ \t]|la[ \t])?({_BARE}){_WORD_END})")
_DELIVERED_ELSEWHERE = re.compile(
    r"(?i:\b(?:left|delivered|dropped|went|gave|deixou|entregue|dejó|dejo|entregó|livré|déposé|consegnato|lasciato|"
    r"abgegeben|geliefert|leveret|levert|levererad|bezorgd|zostawił|doręczył)\b)")
# a tenancy's words before the unit: a subject line, a tenant's label, the dwelling word of a letter
_TENANCY = re.compile(
    rf"(?im:(?:^(?:subject|betreff|objet|asunto|assunto|oggetto|re)[ \t]*:[ \t]*|^)"
    rf"(?:lease[ \t]renewal|deposit[ \t]return|maintenance[ \t]request|repair[ \t]request|leak|tenancy|rent)"
    rf"[ \t]*[–—:-][ \t]*({_UNIT}){_WORD_END})")
_TENANT_LABEL = re.compile(
    rf"(?i:(?<![\w'’])(?:locataire|inquilin[oa]|tenant|mieter(?:in)?|huurder|lejer|hyresgäst|leietaker)[ \t]*:?"
    rf"[^\n.;]{{0,60}}?[ \t,]((?:appartement|apartamento|apartment|flat|unit|wohnung(?:[ \t]top)?|top|piso)"
    rf"[ \t]{{1,2}}{_NUMBER}){_WORD_END})")
_DWELLING = re.compile(
    rf"(?i:(?<![\w'’])(?:für[ \t]die|meine|unsere|unserer|meiner)[ \t](wohnung[ \t](?:top[ \t])?{_NUMBER}|top[ \t]{_NUMBER})"
    rf"{_WORD_END}|(?<![\w'’])(?:grüße|gruß)[ \t]aus[ \t]der[ \t](wohnung[ \t]{_NUMBER}){_WORD_END}"
    rf"|(?:^|(?<=[.!?][ \t])|(?<=\n))wohnung[ \t](top[ \t]{_NUMBER}){_WORD_END}"
    rf"|(?:^|(?<=[.!?][ \t])|(?<=\n))((?:wohnung|lägenhet|lgh\.?|leilighet|lejlighed|mieszkanie(?:[ \t]nr\.?)?|"
    rf"lokal(?:[ \t]nr\.?)?|unidade(?:[ \t]apto\.?)?|byt(?:[ \t]č\.?)?)[ \t]{{1,2}}{_NUMBER}){_WORD_END})")
_DIGIT = re.compile(r"\d")
_ANY_NUMBER_WORD = re.compile(_NUMBER_WORD, re.IGNORECASE)
# a place in a queue or a list is no door: "I'm at number 3 in the queue"
_QUEUE_AFTER = re.compile(r"(?i:[ \t]{1,2}(?:in|on)[ \t](?:the[ \t])?(?:queue|line|list|waiting|wait|rank)|[ \t]{1,2}"
                          r"(?:in[ \t]line|on[ \t]the[ \t]list))")
# the neighbour's number: what comes right before the unit says whose it is
_NEIGHBOUR_BEFORE = re.compile(
    r"(?i:(?:neighbou?r|next[ \t]door|vecin[oa]|vizinh[oa]|vicin[oa]|voisin|nachbar|buren|granne|nabo|sąsiad)"
    r"[^\n.]{0,24}$)")


def find_own_units(text: str) -> Iterator[tuple[str, int, int, float]]:
    """ADDRESS spans over the writer's own flat or house number given alone (the module's docstring)."""
    if not _has_digit_or_number_word(text):
        return iter(())
    return itertools.islice(_found(text), CAP)


def _found(text: str) -> Iterator[tuple[str, int, int, float]]:
    seen: set[tuple[int, int]] = set()
    for pattern in (_OWN, _SELF, _SELF_TENANT, _TENANCY, _TENANT_LABEL, _DWELLING):
        for m in pattern.finditer(text):
            group = next(g for g in range(1, (m.lastindex or 1) + 1) if m.group(g))
            start, end = m.span(group)
            if (start, end) in seen or not _own(text, start, end):
                continue
            seen.add((start, end))
            yield "ADDRESS", start, end, 0.8
    for m in _INSTEAD.finditer(text):
        start, end = m.span(1)
        line_start = max(text.rfind("\n", 0, start) + 1, start - 200)  # the delivery said before it, on its line
        if (start, end) in seen or not _DELIVERED_ELSEWHERE.search(text, line_start, start):
            continue
        if not _own(text, start, end):
            continue
        seen.add((start, end))
        yield "ADDRESS", start, end, 0.8


def _own(text: str, start: int, end: int) -> bool:
    """Whether nothing around the unit says it is a queue's place or the neighbour's."""
    if _QUEUE_AFTER.match(text, end):
        return False
    return _NEIGHBOUR_BEFORE.search(text[max(0, start - 40):start]) is None


def _has_digit_or_number_word(text: str) -> bool:
    return _DIGIT.search(text) is not None or _ANY_NUMBER_WORD.search(text) is not None
