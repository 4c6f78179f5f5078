"""Addresses told by plots, zones, crosses, estates, gates and landmarks (session 44, candidate 44-9, issue 21).

In Nigeria, Kenya, Ghana, India, Pakistan, the Gulf and much of Africa and Asia a home is told as a chain of parts
joined by commas: a plot, house, flat, zone, street or building number, an estate, a cross or main, a phase or
sector, an area and a town, and a landmark or a gate written into it: "No 7, Oduduwa Crescent, off Allen Avenue,
Ikeja, opposite Mr Biggs", "Kahawa Sukari, 2nd avenue, gate ya blue opposite Quickmart, house 14", "zone 56, street
940, building 12, flat 4", "House 23, Phase 2, Buruburu Estate, blue gate after the Naivas kiosk", "house number
twenty one, kilimani road, near the total petrol station, nairobi". By the labelling conventions
(``tests/data/pii/build.py``) such a chain is one ``ADDRESS``, the landmark written into it included; the address
finders stopped at the first landmark or gate, or missed the chain when its street has no house number. And a Ghana
digital address ("GA-492-7731", GhanaPost GPS) is an ``ADDRESS`` alone.

:func:`with_landmark_addresses` (after the PERSON check, in the default and the rules-only detector) adds:

- a chain of at least two comma-separated parts of one sentence, each an address part: a designator and its number
  ("plot 14 adebayo close", "Hse No. 14", "house number forty two", "zone 56", "B-204", "#17", "nyumba ya tatu"), a
  street, estate or block ("Othaya Road", "14th cross", "Lekki Phase 1", "Joyland Apartments"), a landmark clause
  ("opposite Yaya Centre", "off Allen Avenue", "behind the old clinic", "karibu na Mosque", "baada ya Quickmart",
  "cerca de …"), a gate by its colour ("the green gate", "gate ya blue") or an area or town named in capitals (lower
  case in a turn written in lower case). A chain with a number and a landmark or a gate is taken; one of numbers and
  streets only when it has three parts and a word of these layouts ("plot", "zone", "sector", "phase", "cross",
  "villa", "street 14"…), and it grows a found address backwards only from its number (a firm's or a person's name
  may head it); one with a landmark but no number only where it grows a found ``ADDRESS`` ("…, Hurlingham Plaza 3rd
  floor, opposite Yaya Centre"). The chain is merged with the ``ADDRESS`` spans it overlaps, a name read over "Mr
  Biggs" inside it absorbed; a word of a sentence ("call", "pls", "hai") or a symbol ends it;
- a Ghana digital address (two letters, three digits, four digits) after an address's cue ("digital address",
  "GPS", "deliver to", "I stay at", "address is") or in a message that is Ghanaian (+233, "Ghana", "cedis", Accra),
  also read aloud after its name ("g a one eight three, four four two one").

What it never takes (the look-alikes, kept by the conventions): a landmark, branch, mall or area named alone or in
its own sentence ("I'm near Lulu Hypermarket", "the branch opposite Shoprite on Allen Avenue"); a "near …" clause
ending the chain ("…, Bengaluru 560038, near Domlur flyover." keeps the flyover a ``PLACE``) or "off …" after the
town ("…, Nairobi, off Ngong Rd"); a chain without a number; a gate, terminal, room or block with its number; a
road's "A-7" in a sentence; a reference shaped like a digital address after its name ("order", "policy",
"invoice") or with a year in it ("RE-2024-0412"); a part holding a firm's legal form ("Northern Fibre Ltd"). A kept
span, or a span of another kind (a phone, an id), ends a chain. At most :data:`CAP` chains and digital addresses a
message; a sentence is cut into at most 24 parts.
"""

from __future__ import annotations

import re

from services.adapters.local.pii_rules import COMPANY_SUFFIXES
from services.models import PiiSpan

CAP = 12
_MAX_PARTS = 24
_SCORE = 0.8

_NUMBER_WORDS = (r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
                 r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
                 r"ninety|hundred|double|triple)")
_NUM = (rf"(?:\d{{1,5}}[A-Za-z]?(?:[-/]\d{{1,5}}[A-Za-z]?){{0,3}}|[A-Za-z][-]?\d{{1,4}}|"
        rf"{_NUMBER_WORDS}(?:[ -]{_NUMBER_WORDS}){{0,3}}(?:[ \t][a-z](?![\w'’]))?)")
# a designator and its number: "plot 14", "Hse No. 14", "house number forty two", "H.No. 2-41/7", "#17", "B-204"
_DESIGNATOR = (r"(?:plot|plots|house|hse|h\.?[ \t]?no|flat|apt|apartment|block|blk|bldg|building|villa|zone|street|"
               r"stand|lot|gali|door|unit|no|nyumba|nambari|ghar|makaan|makan|mkn)")
_NUMBERED = re.compile(
    rf"(?i:(?<![\w'’])(?:{_DESIGNATOR}\.?[ \t]?(?:(?:no|number|num|nambari)\.?[ \t]?)?(?::[ \t]?)?{_NUM}"
    r"|#[ \t]?\d{1,5}[A-Za-z]?)(?![\w'’]))")
# a flat told by its wing and number, alone in its part: "B-204", "C-42" (not a road's "A-7" in a sentence)
_WING_UNIT = re.compile(r"[A-Z]-\d{1,4}[A-Za-z]?")
_WING_UNIT_LAST = re.compile(r"(?<![\w'’-])[A-Z]-\d{1,4}[A-Za-z]?$")
# a house number before its street's name: "14 Adebayo Street", "twenty three mgbemena close" (with a street word)
_HOUSE_NUMBER = re.compile(rf"(?i:(?:{_NUM})[ \t]+[^\W\d_])")
# the words of this class's layouts: a chain without a landmark or a gate holds one ("plot", "zone", "14th cross")
_CLASS_WORD = re.compile(r"(?i:(?<![\w'’])(?:plot|hse|house[ \t](?:no|number)|h\.?[ \t]?no|zone|villa|gali|sector|"
                         r"phase|cross|main|block|blk|stand|nagar|colony|layout|estates?|society|apartments|apts|"
                         r"street[ \t]\d{1,4}|building[ \t]\d{1,4})(?![\w'’]))")
# a street, estate or block word: "Othaya Road", "14th cross", "Lekki Phase 1", "Sai Krupa Apartments"
_STREET_WORD = re.compile(
    r"(?i:(?<![\w'’])(?:road|rd|street|st|avenue|ave|close|crescent|drive|dr|way|lane|ln|highway|hwy|cross|main|"
    r"layout|estate|estates|gardens|court|apartments?|apts|plaza|heights|society|chs|residency|colony|nagar|stage|"
    r"extension|village|phase|sector|mohalla|enclave|towers?|subd|grove|terrace|boulevard|blvd|expressway|bypass|"
    r"street[ \t]\d{1,4})(?![\w'’]))")
# a landmark clause: the preposition opens the part
_LANDMARK = re.compile(
    r"(?i:(?:(?:the|a|by[ \t]the|by)[ \t])?(?:(?:\w{2,12}[ \t]){0,2}(?:house|gate|building|one)[ \t])?"
    r"(?P<prep>opposite|opp\.?|behind|near|next[ \t]to|beside|after|before|off|along|by|across|facing|adjacent[ \t]to|"
    r"karibu[ \t]na|nyuma[ \t]ya|baada[ \t]ya|mbele[ \t]ya|pembeni[ \t]ya|kando[ \t]ya|"
    r"frente[ \t]a|cerca[ \t]de|detr[aá]s[ \t]de|al[ \t]lado[ \t]de)(?![\w'’]))")
# where a part is cut before a landmark clause: "house 41 opposite Naivas", "house no. 27 after the Total station"
_LANDMARK_CUT = re.compile(
    r"(?i:[ \t](?=(?:opposite|opp\.|behind|next[ \t]to|beside|after[ \t]the|karibu[ \t]na|nyuma[ \t]ya|baada[ \t]ya|"
    r"mbele[ \t]ya|off|near|by[ \t]the[ \t]\w{1,12}[ \t]gate|frente[ \t]a|cerca[ \t]de|detr[aá]s[ \t]de)[ \t]))")
_GATE = re.compile(
    r"(?i:(?:(?:the|a|by[ \t]the)[ \t])?(?:(?:black|white|blue|green|red|yellow|brown|grey|gray|silver|orange|pink|"
    r"maroon|cream|nyeusi|nyeupe)[ \t]gate|gate[ \t](?:ya[ \t]\w{2,10}|nyeusi|nyeupe|nyekundu)))")
# a house told by its place in the street: "nyumba ya tatu", "the 3rd house on the left" (a number of its own)
_HOUSE = re.compile(r"(?i:nyumba[ \t]ya[ \t](?:\w{2,10}[ \t]){0,2}\w{2,10}|(?:the[ \t])?\w{1,8}[ \t]house[ \t]on[ \t]the[ \t]"
                    r"(?:left|right))")
# a word that is no part of an address (a sentence went on): the part is none
_NOT_ADDRESS = frozenset("""call me my i i'm im we you your he she they it it's its is are was were will would can
could should please pls plz kindly thanks thank ok okay yes no not but and or so if when then because still since
order parcel rider driver delivery tracking waybill ref reference phone number mobile whatsapp account meter token
pay paid payment refund amount send sent deliver delivered bring come reach waiting wait today tomorrow yesterday
hai hain tha ka ki ke ko se ne mein pe nahi nhi na ni ya kwa nipigie pigia namba simu asante sawa abeg o oo dey sir
madam maam ma'am bhaiya ji the a an for with from of on at in to this that there here what where which who how
tenant landlord owner lives living stays moved""".split())
# lead-in words before the chain's first part: "Niko Kahawa Sukari", "deliver to Kilimani", "im at kileleshwa"
_LEAD = frozenset("""niko nipo iko im i'm at to in is ni na dey deliver address location located stay staying live
living hi hello pls please my kwa hapa yes haan ok okay its it's sir madam ma the customer caller mpigaji
main hoon""".split())
_ABBREVIATIONS = frozenset("no opp rd st hse apt ave blk bldg h nr mr mrs ms dr mt sec ph col jl plt hno".split())
_WORD = re.compile(r"[^\W_][\w'’.&-]{0,30}")
_CAPITALISED = re.compile(r"[A-Z][\w'’.&-]{0,30}|\d{1,6}|[A-Z]{1,3}\d{0,2}")
_CAPITAL_WORD = re.compile(r"(?<![\w'’])[A-Z][a-z]")
_SPEAKER = re.compile(r"[ \t]{0,4}[^\W\d_][\w .]{0,24}?:[ \t]{0,4}(?!\d)")

# ---- Ghana digital addresses ---------------------------------------------------------------------------------------
_DIGITAL = re.compile(r"(?<![\w-])[A-Za-z]{2}-\d{3,4}-\d{4}(?![\w-])")
_GHANA = re.compile(r"(?i:\+233|\bghana|ghanapost|digital[ \t]address|\bgps\b|\baccra\b|\bkumasi\b|\bgh[₵s]|"
                    r"\bcedis?\b|\btakoradi\b|\bkasoa\b|\bdansoman\b)")
_DIGITAL_CUE = re.compile(r"(?i:\b(?:deliver(?:ed)?[ \t](?:\w{1,12}[ \t]){0,2}to|address(?:[ \t](?:is|was|na|ni))?|"
                          r"stay(?:ing)?[ \t]at|live[ \t]at|living[ \t]at|located[ \t]at|house(?:[ \t]is)?(?:[ \t]at)?|"
                          r"ghanapost(?:[ \t]gps)?|gps|moved[ \t]to|at|to)[ \t]*:?[ \t]*)$")
_ID_CUE = re.compile(r"(?i:\b(?:order|ref|reference|policy|invoice|claim|account|acct|ticket|booking|contract|trip|"
                     r"id|no|number|nr|waybill|tracking|parcel|txn|meter|card|folio|case)\W{0,3})$")


_DIGIT_WORD = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
# a digital address read aloud: "g a one eight three, four four two one" (after its name, in the turn or the one before)
_SPOKEN_DIGITAL = re.compile(rf"(?i:(?<![\w'’])[a-z][ \t][a-z],?[ \t](?:{_DIGIT_WORD}[ \t]){{2,3}}{_DIGIT_WORD},?"
                             rf"(?:[ \t]{_DIGIT_WORD}){{4}}(?![\w'’]))")
_DIGITAL_NAME = re.compile(r"(?i:digital[ \t]address|\bgps(?:[ \t]address)?\b|ghanapost)")


def find_digital_addresses(text: str) -> list[tuple[int, int]]:
    """Ghana digital addresses ("GA-492-7731") after an address's cue or in a Ghanaian message (module docstring)."""
    out: list[tuple[int, int]] = []
    ghana: bool | None = None
    for m in _DIGITAL.finditer(text):
        middle = m.group().split("-")[1]
        if len(middle) == 4 and middle[:2] in ("19", "20"):
            continue  # a year: "RE-2024-0412"
        before = text[max(0, m.start() - 40):m.start()]
        if _ID_CUE.search(before):
            continue
        if not _DIGITAL_CUE.search(before):
            if ghana is None:
                ghana = _GHANA.search(text) is not None
            if not ghana:
                continue
        out.append((m.start(), m.end()))
        if len(out) >= CAP:
            break
    if _DIGITAL_NAME.search(text):
        for m in _SPOKEN_DIGITAL.finditer(text):
            if _DIGITAL_NAME.search(text, max(0, m.start() - 160), m.start()) and len(out) < CAP:
                out.append((m.start(), m.end()))
    return out


# ---- chains of parts -----------------------------------------------------------------------------------------------
def _sentence_ends(line: str) -> list[int]:
    """Where a line's sentences end: ".", "!", "?", ";", brackets and dashes between spaces (not "No. 14", "opp.")."""
    ends: list[int] = []
    for i, ch in enumerate(line):
        if ch in "!?;()[]|—–":
            ends.append(i)
        elif ch == "." and (i + 1 == len(line) or line[i + 1] in " \t"):
            j = i
            while j > 0 and (line[j - 1].isalpha() or line[j - 1] == "."):
                j -= 1
            if line[j:i].replace(".", "").lower() not in _ABBREVIATIONS:
                ends.append(i)
        elif ch == "-" and 0 < i < len(line) - 1 and line[i - 1] == " " and line[i + 1] == " ":
            ends.append(i)
    return ends


def _parts(sentence: str, offset: int) -> list[tuple[int, int]]:
    """A sentence's parts: cut at commas and before a landmark clause inside a part; each trimmed of spaces."""
    out: list[tuple[int, int]] = []
    start = 0
    for i in [*(k for k, ch in enumerate(sentence) if ch == ","), len(sentence)]:
        piece = sentence[start:i]
        cuts = [m.start() for m in _LANDMARK_CUT.finditer(piece) if m.start() > 0]
        bounds = [0, *cuts, len(piece)]
        for a, b in zip(bounds, bounds[1:], strict=False):
            sub = piece[a:b]
            lead = len(sub) - len(sub.lstrip())
            trail = len(sub.rstrip())
            if trail > lead:
                out.append((offset + start + a + lead, offset + start + a + trail))
        start = i + 1
        if len(out) >= _MAX_PARTS:
            break
    return out[:_MAX_PARTS]


def _words(value: str) -> list[str]:
    return _WORD.findall(value)


def _kind(value: str, lower_turn: bool) -> str:
    """An address part's kind: "num", "street", "landmark", "gate", "place", or "" (no part of an address)."""
    words = _words(value)
    if not words or len(words) > 8:
        return ""
    low = [w.lower().strip(".") for w in words]
    landmark = _LANDMARK.match(value)
    if landmark:
        after = [w.lower() for w in _words(value[landmark.end():])]
        if 1 <= len(after) <= 6 and not any(w in _NOT_ADDRESS - {"the", "a", "na", "ya", "ni"} for w in after):
            return "near" if landmark.group("prep").lower() == "near" else "landmark"
        return ""
    if _GATE.fullmatch(value):
        return "gate"
    if _HOUSE.fullmatch(value) or _WING_UNIT.fullmatch(value):
        return "num"
    if any(w in _NOT_ADDRESS - {"no", "na", "ya", "the"} for w in low) or any(w in COMPANY_SUFFIXES for w in low):
        return ""
    numbered = _NUMBERED.search(value)
    if numbered and len(words) <= 7 and (numbered.start() == 0 or lower_turn or all(
            _CAPITALISED.fullmatch(w) for w in _words(value[:numbered.start()]))):
        return "num"  # "hse 12", "Joyland Apartments Block C hse 12"
    street = _STREET_WORD.search(value) is not None
    if street and _HOUSE_NUMBER.match(value) and len(words) <= 6:
        return "num"  # "14 Adebayo Street"
    if street and len(words) <= 6:
        return "street"
    if len(words) <= 4 and all(w.replace("'", "").replace("’", "").isalpha() for w in words[:-1]) and (
            lower_turn or all(_CAPITALISED.fullmatch(w) for w in words)):
        return "place"  # "Ikeja", "Victoria Island", "Bengaluru 560038", "nairobi"
    return ""


def _first_part(text: str, start: int, end: int, lower_turn: bool) -> int | None:
    """Where the chain's first part starts: after its lead-in words ("Niko", "deliver to", "im at"); None if none."""
    value = text[start:end]
    wing = _WING_UNIT_LAST.search(value)
    if wing and text[end:end + 1] == ",":  # (a road's "la A-7 cerca de …" is cut before a landmark, no comma)
        return start + wing.start()  # "… bolo B-704, Shivalik Heights, …"
    m = _NUMBERED.search(value)
    if m and len(_words(value[m.start():])) <= 6:
        before = list(_WORD.finditer(value, 0, m.start()))
        k = len(before)
        while k > 0 and len(before) - k < 3 and _CAPITALISED.fullmatch(before[k - 1].group()) and (
                before[k - 1].group().lower() not in _LEAD | _NOT_ADDRESS):
            k -= 1  # "Kilimani Heights apartment B14": the building's name before its unit
        return start + (before[k].start() if k < len(before) else m.start())
    words = list(_WORD.finditer(value))
    first = len(words)
    while first > 0 and words[first - 1].group().lower() not in _LEAD and len(words) - first < 4:
        first -= 1
    if first == len(words):
        return None
    begin = start + words[first].start()
    return begin if _kind(text[begin:end], lower_turn) in ("place", "street", "num") else None


def _chains(text: str) -> list[tuple[int, int, bool | None]]:
    """The chains of address parts of the module's docstring, as (start, end, back) (see :func:`_runs`)."""
    out: list[tuple[int, int, bool | None]] = []
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        if "," not in line and not _LANDMARK_CUT.search(line):
            continue
        speaker = _SPEAKER.match(line)
        body = speaker.end() if speaker and speaker.end() < 40 else 0
        lower_turn = _CAPITAL_WORD.search(line, body) is None  # a transcript's turn in lower case ("DLF" aside)
        bounds = [body - 1, *(e for e in _sentence_ends(line) if e >= body), len(line)]
        for a, b in zip(bounds, bounds[1:], strict=False):
            parts = _parts(line[a + 1:b], line_start + a + 1)
            out += _runs(text, parts, lower_turn)
            if len(out) >= CAP:
                return out[:CAP]
    return out


def _head(text: str, start: int, end: int) -> int:
    """Where a part's address words end: before the first word of a sentence ("call", "pls", "when") or a symbol
    ("opposite Naivas 🙏 call 0733 …", "hyderabad 500072 pls arrange pickup")."""
    last = start
    for m in _WORD.finditer(text, start, end):
        if m.group().lower() in _NOT_ADDRESS - {"the", "a", "na", "ya", "no", "of", "to"} or text[last:m.start()].strip():
            return last
        last = m.end()
    return end


def _runs(text: str, parts: list[tuple[int, int]], lower_turn: bool) -> list[tuple[int, int, bool | None]]:
    """The runs of address parts in a sentence's parts: (start, end, back): a run with a number, told by a landmark or a
    gate or opening with its number (True: it may grow a found address backwards), one of numbers and streets opening
    with a place's name (False: it grows a found address forwards only, the name may be a firm's), one with a landmark
    but no number (None: taken only where it grows a found address)."""
    out: list[tuple[int, int, bool | None]] = []
    i = 0
    while i < len(parts):
        start = _first_part(text, *parts[i], lower_turn)
        if start is None:
            i += 1
            continue
        kinds = [_kind(text[start:parts[i][1]], lower_turn)]
        j = i + 1
        ends = [parts[i][1]]
        while j < len(parts) and (kind := _kind(text[parts[j][0]:parts[j][1]], lower_turn)):
            kinds.append(kind)
            ends.append(parts[j][1])
            j += 1
        if j < len(parts):  # the sentence goes on in the next part: its head may still end the address
            head = _head(text, *parts[j])
            kind = _kind(text[parts[j][0]:head], lower_turn) if head > parts[j][0] else ""
            if kind:
                kinds.append(kind)
                ends.append(head)
        while len(kinds) > 1 and (kinds[-1] == "near" or (kinds[-1] == "landmark" and kinds[-2] == "place" and
                                                          text[ends[-2]:ends[-1]].lstrip(" ,")[:4].lower() == "off ")):
            kinds.pop()  # a "near …" ending the chain, or "off …" after the town, is a kept place
            ends.pop()
        told = any(k in ("landmark", "near", "gate") for k in kinds)
        laid = "street" in kinds or kinds.count("num") >= 2  # a street, or numbers of zone, street and building
        if len(kinds) >= 2 and (told or laid):
            end = ends[-1]
            # a weak run: a landmark or a gate without a number, taken only where it grows a found address; an untold
            # run: a number and a street but no landmark, which never grows a found address backwards (a firm's name)
            strong = "num" in kinds and (told or (len(kinds) >= 3 and laid and
                                                  _CLASS_WORD.search(text, start, end) is not None))
            if not told and not strong:
                i = max(j, i + 1)
                continue
            out.append((start, end, (told or kinds[0] == "num") if strong else None))
        i = max(j, i + 1)
    return out


def _within(spans: list[PiiSpan], keep: list[tuple[int, int]] | list[PiiSpan], start: int, end: int) -> int:
    """Where a chain must end so that no kept span nor a span of another kind is inside it (start if at its head)."""
    cut = end
    for s in keep:
        a, b = (s.start, s.end) if isinstance(s, PiiSpan) else s
        if a < cut and start < b:
            cut = min(cut, a)
    for s in spans:
        if s.kind not in ("ADDRESS", "PERSON", "ZIP") and s.start < cut and start < s.end:
            cut = min(cut, s.start)
    return cut


def with_landmark_addresses(text: str, spans: list[PiiSpan], keep: list) -> list[PiiSpan]:
    """The spans with the chains and digital addresses of the module's docstring added, merged with ADDRESS spans."""
    found = [*_chains(text), *((a, b, True) for a, b in find_digital_addresses(text))]
    if not found:
        return spans
    out = list(spans)
    for start, end, back in found:
        found_here = [s.start for s in out if s.kind == "ADDRESS" and s.start < end and start < s.end]
        if back is None and not found_here:
            continue  # a landmark without a number: only where it grows a found address
        if back is not True and found_here:
            start = max(start, min(found_here))  # a firm's name may head the run: a found address grows forwards only
        end = _within(out, keep, start, end)
        while end > start and text[end - 1] in " \t,.;:-":
            end -= 1
        if end - start < 4:
            continue
        merged = [s for s in out if s.kind in ("ADDRESS", "PERSON", "ZIP") and s.start < end and start < s.end
                  and (s.kind == "ADDRESS" or (start <= s.start and s.end <= end))]
        lo = min([start, *(s.start for s in merged)])
        hi = max([end, *(s.end for s in merged)])
        out = [s for s in out if s not in merged]
        out.append(PiiSpan("ADDRESS", lo, hi, max([_SCORE, *(s.score for s in merged)])))
    return sorted(out, key=lambda s: (s.start, s.end))
