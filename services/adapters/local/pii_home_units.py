"""A home's flat, unit, floor or door named on its own is an address (session 44, 44-6; a second look at 43-3).

By the labelling conventions (``tests/data/pii/build.py``) the customer's own flat, unit, floor-and-side or door is an
``ADDRESS`` even when no street is written with it, or the street is given elsewhere in the message. The finders of
``pii_own_units`` and ``pii_unit_complements`` take such a unit after a cue (a first-person role, "I live in", a
signature, a subject line); :func:`find_home_units` (a finder of ``pii_rules.find_all``) adds the forms that name a
home by their words alone, in the languages our messages mix:

- a dwelling's word that names nothing but a home, with its number: a Czech or Slovak "byt č. 12" / "bytu č. 15", a
  Lithuanian "butui Nr. 34", a Polish "lokalu nr 12" / "mieszkanie nr 7", a Swedish "lgh 1204" / "lägenhet 1102"
  (four digits: the national flat number), a Croatian "stan br. 7", a Danish "lejlighed 4. th", a Turkish "daire 7", a
  Romanian "ap. 14" with its block, staircase and floor ("ap. 14, bl. C3, sc. B, et. 4");
- a Spanish or Portuguese floor with its door's side ("2.º Dto.", "3º izquierda", "4º dcha", "5.º direito");
- a German flat by its floor and side ("Wohnung 2. OG rechts");
- the writer's or the addressee's home word, then its unit: "mon appartement 32", "meine Wohnung (Wohnung 5, 3. OG
  rechts)", "in unserer Wohnung (3. OG links, Wohnung 7)", "nel suo appartamento (scala B, interno 7)";
- an Italian condominium's "interno" after the owner or the flat ("condomino dell'interno 7", "sono la signora
  dell'interno 7", "l'appartamento interno 9");
- a form's field of the flat alone ("Unit: 304", "Unit: Apt 1204", "Lägenhetsnummer: 1102", a Finnish "Asunto: B 17").

Look-alikes it never takes: an office, a room ("Zimmer 0.14"), a seat, a gate, a locker, a parking bay, a hall ("Halle
3"), a meeting room (no designator of them is here); a floor alone ("3. OG", "4.º andar", "3e étage": a kept place);
a staircase or a block alone ("scala B", "Stiege 2"); a neighbour's unit ("sąsiad z lokalu nr 9", "o vizinho do 2.º
Esq", "il vicino dell'interno 5"), another person's ("y él en el 2º derecha") or a door a parcel was left at
("deixou o pedido no 2.º direito"); an "interno" that
is a phone's extension ("chiami l'interno 214": no owner's word); a Romanian "ap. 14" quoted as a payment's reference
("„ap. 14 – întreținere”"). At most 24 spans a message.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from services.adapters.local.pii_own_units import _own
from services.adapters.local.pii_unit_complements import _UNIT as _COMPLEMENT_UNIT
from services.adapters.local.pii_unit_words import DANISH_FLOOR_SIDE, DOOR_SIDE, STAIR

CAP = 24
_END = r"(?![\w'’])"
_NUM = r"\d{1,4}[A-Za-z]?"
# words that name nothing but a home, with the home's number
_DWELLING = re.compile(
    rf"(?i:(?<![\w'’])(byt(?:u|ě|em)?[ \t](?:č\.|číslo)[ \t]?{_NUM}"
    rf"|(?:butas|buto|butui|bute|butą)[ \t](?:nr\.?|numeris)[ \t]?{_NUM}"
    rf"|(?:lokal|lokalu|lokalem|mieszkanie|mieszkania|mieszkaniu|mieszkaniem)[ \t]nr\.?[ \t]?{_NUM}"
    rf"|lgh\.?[ \t]?(?:nr\.?[ \t]?)?\d{{3,4}}|lägenhet[ \t](?:nr\.?[ \t]?)?\d{{4}}"
    rf"|stan(?:u|a)?[ \t]br\.[ \t]?{_NUM}"
    rf"|(?:lejl\.|lejlighed)[ \t]{DANISH_FLOOR_SIDE}"
    rf"|daire[ \t]\d{{1,3}}){_END})")
# a Romanian flat with its block, staircase and floor; never a payment's quoted reference („ap. 14 – întreținere”)
_ROMANIAN = re.compile(r"(?<![\w'’.„\"“«])(ap\.[ \t]?\d{1,4}[A-Z]?(?:,[ \t](?:bl|sc|et)\.[ \t]?[A-Z\d]{1,3}){0,3})"
                       r"(?![\w'’]|[/:.,]\d|[ \t][–—-][ \t])")
# a Spanish or Portuguese floor and its door's side ("2.º Dto.", "3º izquierda"); a letter's door ("5.º B") is no home
# alone (a school class), a floor alone ("4.º andar") a kept place
_FLOOR_SIDE = re.compile(rf"(?<![\w'’])(\d{{1,2}}\.?[ \t]?[ºª][ \t]?(?i:{DOOR_SIDE}){_END}\.?)")
# a German flat by its floor and side
_GERMAN = re.compile(r"(?<![\w'’])((?i:wohnung)[ \t]\d{1,2}\.[ \t]?(?:OG|DG|Stock|Etage)[ \t](?i:links|rechts|mitte)"
                     r"(?![\w'’]))")
# the writer's or the addressee's home, then its unit (alone, or its parts in brackets or after a comma)
_HOME_WORD = (r"(?i:(?<![\w'’])(?:mon|notre|votre|meine|unsere|meiner|unserer|ihre|ihrer|nel[ \t]mio|nel[ \t]suo|"
              r"no[ \t]meu|en[ \t]mi|in[ \t]my|in[ \t]our|in[ \t]your)[ \t]"
              r"(?:appartement|wohnung|appartamento|apartamento|piso|flat|apartment))")
_PART = rf"(?:{_COMPLEMENT_UNIT}|(?i:{STAIR})[ \t][A-Z\d]{{1,3}}(?![\w'’])|\d{{1,2}}\.[ \t]?(?:OG|DG|Stock|Etage){_END})"
_UNIT_PART = re.compile(_COMPLEMENT_UNIT)
_HOME = re.compile(
    rf"{_HOME_WORD}(?:[ \t]?\(({_PART}(?:,[ \t]{_PART}){{0,3}})\)|,[ \t]({_PART}(?:,[ \t]{_PART}){{0,3}})"
    rf"(?=[ \t]*[.;\n)]|$))")
# "mon appartement 32", "unsere Wohnung 7": the home's word and its number (never English or Spanish: "my flat 3 times")
_HOME_NUMBER = re.compile(
    r"(?i:(?<![\w'’])(?:mon|notre|votre|meine|unsere|meiner|unserer|ihre|ihrer|il[ \t]mio|il[ \t]suo|nel[ \t]mio|"
    r"nel[ \t]suo)[ \t]((?:appartement|wohnung|appartamento)[ \t](?:n[°o][ \t]?|nr\.[ \t]?)?\d{1,4}[A-Z]?)"
    r"(?![\w'’]|[.,:]\d))")
# an Italian condominium's flat after its owner or the flat's word
_INTERNO = re.compile(
    r"(?i:(?:(?<![\w'’])(?:cond[oò]min[oa]|(?:sono|è)[ \t](?:il|la)[ \t](?:signor[ae]?|sig\.(?:ra)?|proprietari[oa]|"
    r"inquilin[oa]))|(?<!\w)appartamento)[ \t](?:dell['’][ \t]?)?(interno[ \t]\d{1,3}[A-Z]?)(?![\w'’]))")
# a form's field of the flat alone, the value alone on its line
_FIELD = re.compile(
    r"(?im:^[ \t]{0,4}(?:(?:unit|apartment|apt|flat|lägenhetsnummer|lägenhet|wohnung|whg\.?|appartement|apto|"
    r"apartamento|departamento|depto)[ \t]?(?:no\.?|nr\.?|n[º°]\.?)?[ \t]?:[ \t]?"
    r"((?:(?:apt\.?|flat|unit)[ \t]?)?[A-Z]?-?\d{1,4}[A-Za-z]?)|(?:asunto|huoneisto)[ \t]?:[ \t]?([A-Z][ \t]?\d{1,3}))"
    r"[ \t]*$)")
_DIGIT = re.compile(r"\d")
# a parcel left at another door: a delivery's verb in the clause before the unit
_LEFT_AT = re.compile(
    r"(?i:\b(?:left|delivered|dropped|deixou|deixaram|entregue|entregaram|dejó|dejaron|entregó|livré|déposé|"
    r"consegnato|lasciato|abgegeben|geliefert)\b)")
# another person's door named right before it ("y él en el 2º derecha", "e ela no 3.º Esq")
_SOMEONE_ELSE = re.compile(r"(?i:(?<![\w'’])(?:él|ella|ele|ela|lui|lei|elle|he|she)[ \t](?:vive[ \t])?(?:en|no|na|al|au|at|in)"
                           r"(?:[ \t](?:el|la|o|a|the))?[ \t]$)")
_QUOTES = ("\"", "“", "„", "«")
_CLAUSE_END = re.compile(r"[,.;:!?\n]")
# a neighbour's unit in the languages pii_own_units does not read ("od sousedů z bytu č. 19", "vecinul de la ap. 12")
_NEIGHBOUR = re.compile(r"(?i:(?<![\w'’])(?:soused\w{0,3}|sused\w{0,3}|kaimyn\w{0,4}|vecin\w{0,4}|komşu\w{0,4}|"
                        r"granne\w{0,2}|susjed\w{0,3}|naapuri\w{0,3})(?![\w'’]))")


def find_home_units(text: str) -> Iterator[tuple[str, int, int, float]]:
    """ADDRESS spans over a home's flat, unit, floor or door named on its own (the module's docstring)."""
    if not _DIGIT.search(text):
        return iter(())
    return itertools.islice(_found(text), CAP)


def _found(text: str) -> Iterator[tuple[str, int, int, float]]:
    seen: set[tuple[int, int]] = set()
    for pattern in (_DWELLING, _ROMANIAN, _FLOOR_SIDE, _GERMAN, _HOME, _HOME_NUMBER, _INTERNO, _FIELD):
        for m in itertools.islice(pattern.finditer(text), 40):
            group = next((g for g in range(1, (m.lastindex or 1) + 1) if m.group(g)), 1)
            start, end = m.span(group)
            if not _own(text, start, end) or _left_there(text, start) or _NEIGHBOUR.search(text, max(start - 30, 0), start):
                continue
            if _SOMEONE_ELSE.search(text, max(start - 24, 0), start):
                continue  # "yo vivo en el 2º izquierda y él en el 2º derecha": his door, not the writer's
            if text[start - 1:start] in _QUOTES:
                continue  # 'the courier wrote "5.º Esq."': a door quoted from a label, not named as one's own
            if pattern is _HOME:  # a staircase or a floor beside the units is a kept place ("(scala B, interno 9)")
                units = list(itertools.islice(_UNIT_PART.finditer(text, start, end), 4))
                if not units:
                    continue  # "nel mio appartamento (scala B)": a staircase or a floor alone
                start, end = units[0].start(), units[-1].end()
            if (start, end) in seen:
                continue
            seen.add((start, end))
            yield "ADDRESS", start, end, 0.8


def _left_there(text: str, start: int) -> bool:
    """Whether the clause before the unit says a parcel was left there ("deixou o pedido no 2.º direito")."""
    clause_start = max(start - 80, 0)
    for m in _CLAUSE_END.finditer(text, clause_start, start):
        clause_start = m.end()
    return _LEFT_AT.search(text, clause_start, start) is not None
