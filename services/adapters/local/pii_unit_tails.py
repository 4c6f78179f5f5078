"""A flat, unit, floor or door written on to a found street address is part of it (session 42, candidate 42-1).

By the labelling conventions (``tests/data/pii/build.py``) an address is marked whole, its unit included: "Булевар
ослобођења 112, стан 14, Нови Сад", "Thorvald Meyers gate 58, leilighet H0302, 0552 Oslo", "Kersnikova ulica 9,
stanovanje 14, 3000 Celje", "Gartenstraße 9, Whg. 4", "Wiedner Hauptstraße 60, Top 17, 1040 Wien", "Groenplaats 9 bus
4, 2000 Antwerpen", "Hlavná 42, byt č. 15, 040 01 Košice", "Pasaje Los Aromos 442, depto 31, Ñuñoa", "via Lecco 33,
int. 5, Monza", "마포구 월드컵북로12길 33, 302호", "张杨路1800号3号楼602室", "Top 14, Kaiserstraße 87, 1070 Wien",
"Wohnung 3.OG links, Gartenweg 7, 04109 Leipzig". The finders stop at the street's number (or cut a designator off:
"Gartenstraße 9, Whg"); :func:`with_unit_tails` (after the PERSON check, in the default and the rules-only detector)
grows each found ``ADDRESS`` over:

- up to three units after it (after a comma, or a space for a Belgian "bus 3", a Polish "m. 14", an Italian "int. 5",
  a Turkish "daire 7", a Korean "302호", a Chinese or Japanese "602室" / "502号室"): a designator of the languages our
  messages mix and its number ("flat 9", "unit 3B", "apt 4", "interno 9", "lägenhet 1102", "leilighet H0302", "Whg.
  5", "Top 14", "Tür 3", "byt č. 12", "lokalu nr 12", "stanovanje 14", "стан 9", "кв. 15", "διαμέρισμα Γ2", "depto
  21", "apto 503"), a floor with its door or side ("5.º direito", "2º dcha", "2e gauche", "2. OG links", "3. th"), a
  staircase only with a unit after it ("scala B, interno 4");
- then a postcode and town, or a town alone (capitalised words, none a greeting or a plain word) ending the clause;
- a unit right before it, with a comma ("Top 14, Kaiserstraße 87", "2e gauche, 27 avenue Jean-Jaurès").

Since 42-6 (42-1 looked at again) the town after the unit is read whole: up to three parts, a district, the town, a
region ("Calle Tehuantepec 142, depto 3, Roma Sur, CDMX", "Jr. Huiracocha 1842, dpto 301, Jesús María, Lima", "Rua
Funchal 418, apto 62, Vila Olímpia, São Paulo - SP", "Rua Domingos de Morais, 2187, ap 54 - Vila Mariana, São
Paulo", "…, Cuauhtémoc, CP 06400, CDMX"), a state's two letters after it ("Porto Alegre – RS"), in Cyrillic or Greek
after a postcode ("Булевар ослобођења 112, стан 14, 21000 Нови Сад"); also where a finder took the unit and stopped
in the town ("…, depto 3, Roma"). A street named without a type word is an address when a designated unit and a town
follow it ("Hurbanova 22, byt č. 15, 911 01 Trenčín", "Змај Јовиној 9, стан 6, Нови Сад", "Pasaje Los Aromos 442,
depto 31, Ñuñoa", "via Lecco 33, int. 5, Monza"); never a numbered thing that is no street ("Order 4471, flat 3",
"Stiege 2, Top 14", "Room 12, Suite 4"), and a name found after the town ("…, Ñuñoa, Camila Rojas") stops the town.

Since session 45 (45-5) a German flat's word before its floor and side ("Hauptstr. 3, Whg. 3.OG rechts", "VH 3. OG
rechts") is one unit, a street with its type word ("via", "corso", "calle", "rua"…) and a designated unit is an address
with no town after it ("via Nizza 41, interno 9", "via Garibaldi 18, scala B, interno 4"), a Hungarian floor before the
flat ("4. emelet 12-es lakásnál") is part of it, and each found address is grown over its European edges
(``pii_address_edges``: "Vaartweg 120-D", "9000 St. Gallen", "Wiedner Hauptstraße", "4½ au 2e, …").

It also adds the home's unit named alone after a word that makes it the customer's or the addressee's ("Ihrer Wohnung
Top 7", "a carico del Suo interno 9", "votre appartement, appartement 22", "za byt č. 12", "v našom byte č. 15", "w
lokalu nr 12", "για το διαμέρισμα Γ2", "a 12-es lakás").

The designators of flats, units, floors, staircases and doors come from one table, ``pii_unit_words`` (session 43,
43-3), shared by the three unit finders.

Look-alikes it never takes: any other unit alone (a neighbour's "il vicino dell'interno 5", "the guy in flat 5"), a
room, seat, gate, bay or locker (no designator of them is on the list), a floor alone ("Hinterhaus 3. OG", "4.º
andar": kept places), a staircase or block alone ("interno 9, scala B"), a phone's extension ("Tel. 035 442 1876 int.
214": no address before it); a span of another kind (a phone, an id) or a kept value in the way stops the growth, a
name read over the unit ("Wohnung Top") is the unit. At most 24 addresses a message are grown, 24 units added.
"""

from __future__ import annotations

import itertools
import re

from services.adapters.local.pii_address_edges import spans_with_edges
from services.adapters.local.pii_own_units import _own
from services.adapters.local.pii_rules import _GREETING_WORDS, _POSTCODE_CITY, _not_address_word
from services.adapters.local.pii_unit_words import ATTACHED, DANISH_FLOOR_SIDE, DOOR_SIDE, FLAT, FLOOR, STAIR, SUITE
from services.models import PiiSpan

CAP = 24
_END = r"(?![\w'’])"
_NUM = r"(?:\d{1,4}[A-Za-z]?(?:[-/]\d{1,4}[A-Za-z]?)?|[A-Z]{1,2}[-]?\d{1,4}|[Α-Ω]\d{1,3})"
# a designator and its number, in the languages our messages mix
_DESIGNATED = rf"(?i:{FLAT}|{SUITE}|{ATTACHED})[ \t]?" + _NUM + _END
_FLOOR_DOOR = rf"\d{{1,2}}\.?[ \t]?[ºª°][ \t]?(?:(?i:{DOOR_SIDE})|[A-Za-z])(?:\.(?=,))?(?![\w'’])"
_UNIT = (
    # a Danish flat by its floor and side: "lejl. 2. tv" (before "lejl. 2" is read alone)
    # a German floor and side, the flat's word before it: "Whg. 3.OG rechts" (before "Whg. 3" is read alone)
    r"(?:(?:(?i:whg\.?|wohnung)[ \t]?|VH[ \t]|HH[ \t])\d{1,2}\.[ \t]?(?:OG|DG)[ \t](?i:links|rechts|mitte)(?![\w'’])|"
    rf"(?i:lejl\.|lejlighed)[ \t]{DANISH_FLOOR_SIDE}|{_DESIGNATED}"
    # a Polish flat "m. 14"
    r"|m\.[ \t]?\d{1,4}[A-Za-z]?(?![\w'’])"
    # a Spanish or Portuguese floor and door: "2º dcha", "5.º direito", "3º B" (a floor alone, "4.º andar", is kept)
    rf"|{_FLOOR_DOOR}"
    # a French floor and door: "2e gauche", "3e étage gauche", "4e étage porte gauche"
    r"|\d{1,2}(?:e|er|ème)[ \t](?:(?i:étage)[ \t])?(?:(?i:porte)[ \t])?(?i:gauche|droite|face)(?![\w'’])"
    # a German floor and side: "2. OG links", "Wohnung 3.OG rechts", "Vorderhaus 2. OG links" (no side: a kept floor)
    r"|(?:(?i:wohnung|vorderhaus|hinterhaus|seitenflügel|gartenhaus)[ \t])?\d{1,2}\.[ \t]?(?:OG|DG|Stock|Etage)"
    r"[ \t](?i:links|rechts|mitte)(?![\w'’])"
    # a Danish floor and side: "3. th", "st. tv", "2. mf"
    rf"|{DANISH_FLOOR_SIDE}"
    # a Hungarian flat: "12-es lakás"
    r"|\d{1,4}-[aeoö]s[ \t]lakás(?![\w'’]))")
# a staircase or a block alone is a kept place: only with a unit after it ("scala B, interno 4")
_STAIR = rf"(?i:{STAIR})[ \t][A-Z\d]{{1,3}},?[ \t]{{1,2}}"
# a unit (or a floor: "Ilica 212, 3. kat, stan 9", "via Manzoni 14, 3° piano") joined to the street by a comma, or by a space where the layout writes it so ("9 bus 4", "8 m. 14")
_AFTER = re.compile(rf",[ \t]{{1,2}}((?:{_STAIR})?{_UNIT}|{FLOOR})|[ \t]((?i:bus|bte\.?|m\.|int\.|interno|apt\.?|apto\.?|depto\.?|dpto\.?|"
                    rf"daire|lok\.)[ \t]?{_NUM}{_END}|\d{{1,2}}\.[ \t]?(?:th|tv|mf){_END})")
# after a town (the address already whole) only a designated unit: a floor there is a kept place ("…, 10961 Berlin, 3.
# OG links"), a French floor and door after the town unlabelled
_AFTER_TOWN = re.compile(rf",[ \t]{{1,2}}((?:{_STAIR})?{_DESIGNATED})")
# a Korean, Chinese or Japanese room number written on to the address
_CJK_AFTER = re.compile(r"(?<=\d)(?:号室|號室|室|호)|,?[ \t]?\d{1,5}(?:호|号室|室|號室)|\d{1,3}(?:幢|栋|棟|號|号|号楼)\d{1,5}(?:室|号室)")
_BEFORE = re.compile(rf"(?<![\w'’])((?:{_STAIR})?{_UNIT}),[ \t]{{1,2}}$")
# a town after the unit: up to three parts of capitalised words (a district, the town, a region: "…, depto 3, Roma
# Sur, CDMX", "…, apto 62, Vila Olímpia, São Paulo - SP", "…, ap 54 - Vila Mariana, São Paulo"), the last ending the
# clause, a state's two letters after it ("Porto Alegre – RS"); a Mexican "CP 06400" among them
_UPPER = r"[A-ZÀ-ÞĀ-ŽА-ЯЁΑ-ΩΆ-ΏЂ-Џ]"
_TOWN_PART = re.compile(rf"(?:,[ \t]{{1,2}}|[ \t][-–][ \t])(C\.?P\.?[ \t]\d{{5}}"
                        rf"|{_UPPER}[\w'’-]{{1,30}}(?:[ \t](?:(?:de|del|da|do|di)[ \t])?{_UPPER}[\w'’-]{{1,30}}){{0,2}})"
                        r"(?=[ \t]*(?:[.,;:!?)\n]|$)|[ \t][-–][ \t]|[ \t][a-zà-ÿа-яёα-ω])")
_STATE = re.compile(r"[ \t]?[-–][ \t]?[A-Z]{2}(?![\w'’-])")
# a town in Cyrillic or Greek after a postcode ("21000 Нови Сад"): the shared postcode pattern reads a Latin town only
_SCRIPT_TOWN = re.compile(r"[ \t]([А-ЯЁЂ-ЏΑ-ΩΆ-Ώ][\w'’-]{1,30}(?:[ \t][А-ЯЁЂ-ЏΑ-ΩΆ-Ώ][\w'’-]{1,30}){0,2})"
                          r"(?=[ \t]*(?:[.,;:!?)\n]|$)|[ \t][а-яёα-ω])")
# a street named without a type word, its number, then a designated unit and a town: "Hurbanova 22, byt č. 15, 911 01
# Trenčín", "Змај Јовиној 9, стан 6, Нови Сад", "Pasaje Los Aromos 442, depto 31, Ñuñoa" (the finders need a type
# word or a known layout); only with the unit and the town after it
_BARE_STREET = re.compile(
    rf"(?<![\w'’.-])(?!(?i:{FLAT}|{SUITE}|appartement|objekt|adres\w{{0,3}}|address)[ \t])((?:(?i:via|viale|vicolo|corso|calle|rua|jr\.|jirón|pasaje|psje\.|av\.|avenida|carrera|cra\.|"
    rf"ул\.|вул\.)[ \t])?{_UPPER}[\w'’-]{{1,30}}(?:[ \t](?:{_UPPER}[\w'’-]{{1,30}}|de|del|da|do|dos|la|di|kalea|kalia))"
    rf"{{0,3}}[ \t]\d{{1,4}}[A-Za-z]?(?:/\d{{1,4}}[A-Za-z]?)?)"
    rf"(?=,[ \t]{{1,2}}(?:{_STAIR})?(?:{_DESIGNATED}|{_FLOOR_DOOR})|[ \t](?i:{ATTACHED})[ \t]?\d)")
# a street's type word: with it a street, its number and a designated unit are an address with no town after them
# ("via Nizza 41, interno 9", "via Garibaldi 18, scala B, interno 4"); without it a town must follow
_TYPED_STREET = re.compile(r"(?i:via|viale|vicolo|corso|piazza|largo|calle|rua|avenida|av\.|travessa|carrer)[ \t]")


_DESIGNATED_IN = re.compile(_DESIGNATED)


_NUM_ALONE = r"(?:\d{1,4}[A-Za-z]?(?:[-/]\d{1,4}[A-Za-z]?)?|[A-Z]{1,2}-?\d{1,4}|[Α-Ω]\d{1,3})(?![\w'’])"
# the home's unit named alone after a word that makes it the customer's (theirs, or the addressee's of a manager's
# letter): "Ihrer Wohnung Top 7", "a carico del Suo interno 9", "votre appartement, appartement 22", "za byt č. 12",
# "w lokalu nr 12", "για το διαμέρισμα Γ2", "a 12-es lakás"; never a neighbour's ("il vicino dell'interno 5": no cue)
_HOME_UNIT = re.compile(
    rf"(?i:(?<![\w'’])(?:ihre|ihrer|meine|meiner|unsere|unserer|deine|deiner)[ \t]wohnung[ \t])"
    rf"((?i:top[ \t]|nr\.[ \t]?)?{_NUM_ALONE})(?!,[ \t]\w)"
    rf"|(?i:(?<![\w'’])(?:suo|mio|nostro|vostro|tuo|appartamento),?[ \t]?)((?i:interno|int\.)[ \t]?{_NUM_ALONE})"
    rf"|(?i:(?<![\w'’])(?:votre|mon|notre)[ \t]appartement,?[ \t])((?i:appartement|app\.|appt\.?)[ \t]?{_NUM_ALONE})"
    rf"|(?i:(?<![\w'’])(?:za|v|ve|pro|náš|našem|našom|môj|mém|mojom|mého|nášho|našeho)[ \t]"
    rf"(?:(?:náš|našem|našom|mém|mojom|mého|nášho|našeho)[ \t])?)((?i:byt[eěu]?)[ \t]č\.[ \t]?{_NUM_ALONE})"
    rf"(?![ \t](?:v|ve|na)[ \t]|,[ \t]\w)"
    rf"|(?i:(?<![\w'’])(?:w|za|do|mój|mojego|moim|naszego|naszym)[ \t])"
    rf"((?i:lokal(?:u|em)?|mieszkani[eua])[ \t]nr\.?[ \t]?{_NUM_ALONE})(?!,[ \t]\w)"
    rf"|(?i:(?<![\w'’])(?:το|στο|του|μου|μας)[ \t])((?i:διαμέρισμα|διαμερίσματος)[ \t]{_NUM_ALONE})(?!,[ \t]\w)"
    rf"|(?<![\w'’-])((?:\d{{1,2}}\.[ \t]emelet[ \t])?\d{{1,4}}-[aeoö]s[ \t]lakás(?:nál|ban|hoz|on|ra|ba)?)(?![\w'’])")


# words that open a numbered thing that is not a street ("Stiege 2, Top 14, Wien", "Order 4471, Unit 3, Leeds")
_NOT_STREET = frozenset((
    "stiege", "haus", "block", "bloco", "bloque", "building", "bldg", "tower", "torre", "scala", "escalera", "stair",
    "staircase", "entrance", "eingang", "aufgang", "floor", "etage", "stock", "room", "zimmer", "order", "invoice",
    "ticket", "ref", "nr", "no", "tel", "seat", "gate", "lot", "phase", "sector", "section", "page", "platz", "box",
    "case", "claim", "account", "konto", "rechnung", "bestellung", "auftrag", "objekt", "unit", "flat", "apt",
    "apartment", "suite", "top", "tür", "whg", "wohnung", "lägenhet", "leilighet", "interno", "piso", "depto",
    "apto", "porte", "bus", "stan", "стан", "byt", "lokal", "kv", "кв", "daire", "level", "wing", "hall", "court",
    "terminal", "platform", "plot"))


def with_unit_tails(text: str, spans: list[PiiSpan], keep: list[tuple[int, int]] | None = None) -> list[PiiSpan]:
    """Each found ADDRESS grown over the units written on to it, and its town after them (the module's docstring)."""
    out = list(spans)
    persons = [(s.start, s.end) for s in spans if s.kind == "PERSON"]
    for span in [s for s in spans if s.kind == "ADDRESS"][:CAP]:
        start, end, _ = _grown(text, span.start, span.end, persons)
        if (start, end) != (span.start, span.end) and span in out:
            out = _joined(out, span, start, end, keep)
    for m in itertools.islice(_BARE_STREET.finditer(text), CAP):
        if (any(s.kind == "ADDRESS" and s.start < m.end() and m.start() < s.end for s in out)
                or m.group(1).split()[0].lower().rstrip(".") in _NOT_STREET or _plain(m.group(1))):
            continue
        start, end, town = _grown(text, m.start(), m.end(), persons)
        if town or (end > m.end() and _TYPED_STREET.match(m.group(1)) and _DESIGNATED_IN.search(text, m.end(), end)):
            # the unit and a town after it, or a typed street's designated unit: a street of its own
            out = _joined(out, PiiSpan("ADDRESS", m.start(), m.end(), 0.75), start, end, keep)
    for m in itertools.islice(_HOME_UNIT.finditer(text), CAP):
        start, end = m.span(m.lastindex or 1)
        if (any(s.start < end and start < s.end for s in out) or not _own(text, start, end)
                or (keep and any(a < end and start < b for a, b in keep))):
            continue
        out.append(PiiSpan("ADDRESS", start, end, 0.8))
    for span, start, end in spans_with_edges(text, out):  # session 45 (45-5): "Vaartweg 120-D", "9000 St. Gallen"
        if span in out:
            out = _joined(out, span, start, end, keep)
    return sorted(out, key=lambda s: (s.start, s.end))


def _joined(out: list[PiiSpan], span: PiiSpan, start: int, end: int,
            keep: list[tuple[int, int]] | None) -> list[PiiSpan]:
    """The spans with ``span`` grown to ``start``–``end``, unless a span of another kind or a kept value is in the way."""
    others = [s for s in out if s is not span and s.start < end and start < s.end
              and not (span.start <= s.start and s.end <= span.end)]
    if any(s.kind not in ("PERSON", "ADDRESS") for s in others):
        return out  # a phone, an id in the way
    if keep and any(a < end and start < b and not (span.start <= a and b <= span.end) for a, b in keep):
        return out  # a kept value in the way
    joined = [s for s in others if s.kind == "ADDRESS"]  # a town found apart is this address's; a name read
    kept = [s for s in out if s is not span and s not in others]  # over the unit ("Wohnung Top") is the unit
    return [*kept, PiiSpan("ADDRESS", min([start, *(s.start for s in joined)]), max([end, *(s.end for s in joined)]),
                           span.score)]


def _grown(text: str, start: int, end: int, persons: list[tuple[int, int]]) -> tuple[int, int, bool]:
    """The address grown over its units, and whether a town (or a postcode) after them was taken."""
    found_end, end = end, _cut_designator(text, start, end)
    pos = end
    for _ in range(3):
        after = _AFTER if text[end - 1].isdigit() or pos > end else _AFTER_TOWN
        m = after.match(text, pos) or _CJK_AFTER.match(text, pos)
        if m is None:
            break
        pos = m.end()
    tail_from = pos if pos > end else _after_inner_unit(text, start, end)
    town = False
    if tail_from is not None:
        tail_end, town = _tail(text, tail_from, persons)
        pos = tail_end if pos > end or tail_end > end else pos
    if pos == end:
        pos = found_end  # a designator cut off with no unit after it: the address as it was found
    before = _BEFORE.search(text, max(0, start - 40), start)
    return (before.start(1) if before else start), pos, town


def _after_inner_unit(text: str, start: int, end: int) -> int | None:
    """A found address that holds its unit already ("…, depto 3, Roma"): where its town after the unit starts."""
    units = list(itertools.islice(_AFTER.finditer(text, start, end), CAP))
    if not units:
        return None
    comma = text.rfind(",", units[-1].end(), end)
    last = units[-1].end()
    if comma < 0 and last == end - 1 and text[last] == ".":
        last = end  # "…, 2º izq." (the door's dot inside the found address)
    return comma if comma >= 0 else last if last == end else None


def _tail(text: str, pos: int, persons: list[tuple[int, int]]) -> tuple[int, bool]:
    """The end of a postcode and town, or of a town, after a unit, and whether one was there."""
    tail = _POSTCODE_CITY.match(text, pos)
    if tail is not None and "\n" in tail.group()[:3]:
        tail = None  # the postcode and town on a line of their own are labelled apart
    if tail is None:
        return _towns(text, pos, persons)
    pos = tail.end()
    script_town = _SCRIPT_TOWN.match(text, pos) if text[pos - 1].isdigit() else None
    state = _STATE.match(text, pos) if script_town is None else None
    town = _TOWN_PART.match(text, pos) if text[pos - 1].isdigit() and not script_town and not state else None
    if town is not None and not _plain(town.group(1)):  # "…, CP 06400, CDMX"
        return town.end(1), True
    return (script_town.end(1) if script_town else state.end() if state else pos), True


def _towns(text: str, pos: int, persons: list[tuple[int, int]]) -> tuple[int, bool]:
    """The end of the town's parts after a unit (a district, the town, a region, a state's letters)."""
    start = pos
    for i in range(3):
        m = _TOWN_PART.match(text, pos)
        if m is None or _plain(m.group(1)):
            break
        if i and any(a < m.end(1) and m.start(1) < b for a, b in persons):
            break  # a name after the town ("…, Ñuñoa, Camila Reyes")
        pos = m.end(1)
    state = _STATE.match(text, pos) if pos > start else None
    return (state.end() if state else pos), pos > start


def _plain(words: str) -> bool:
    """A greeting or a plain word opens the words, or a greeting is among them ("Roma Sur" is a town, "Lima Saludos"
    not)."""
    first, *rest = words.lower().split()
    return _not_address_word(first) or any(w in _GREETING_WORDS for w in rest)


_CUT = re.compile(r"(?i:,[ \t]{1,2}(?:whg|top|int|app|appt|apt|tür|lok|bte))$")


_CUT_FLOOR = re.compile(r"(?i:,[ \t]{1,2}(?:vorderhaus|hinterhaus|seitenflügel|gartenhaus)[ \t]\d{1,2})$")


def _cut_designator(text: str, start: int, end: int) -> int:
    """"Gartenstraße 9, Whg" cut before ". 4", "Sonnenallee 117, Vorderhaus 2" before ". OG": the unit's designator (or
    its floor) back off the address, to be grown again."""
    m = _CUT.search(text, max(start, end - 8), end)
    if m is None and text.startswith(".", end):
        m = _CUT_FLOOR.search(text, max(start, end - 20), end)
    return m.start() if m else end
