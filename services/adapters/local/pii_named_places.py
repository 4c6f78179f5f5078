"""A neighbourhood, a community, an estate, a building, a station or a square that the message names as a place is a
kept ``PLACE``, not a person (session 50, candidate 50-4: a widening of session 43's :mod:`pii_place_cues` for the
layouts its cues miss).

By the labelling conventions (``tests/data/pii/build.py``) a suburb, an estate, a named residence or building alone, a
station, a market or a landmark is a kept ``PLACE``; the customer's own address given in parts (a unit with its
building, a street with its house number, a postcode) is an ``ADDRESS``. The NER model and the tagger take such a
place for a ``PERSON``. :func:`drop_named_places` (wired after :func:`pii_place_cues.drop_place_persons`, after the
PERSON check in the default detector so that the check's rows stay as they are, and in the rules-only one) drops a
``PERSON`` span that only names a place:

- the answer to a question for a place in a transcript: the line before (a speaker's line) asks "which community?",
  "area bata dein", "building name?", "¿qué colonia?", "quel quartier ?", "welcher Stadtteil?", "какой район?" and
  asks for no address, house, flat or street; the span opens the answer (after the speaker's label) or follows it
  with commas only ("Caller: Arabian Ranches, Saheel 2", "Customer: Al Zahra Tower, Al Khuwair");
- a place in a list whose head a place's cue opens: "outage in Kileleshwa and Lavington", "suspended in DHA Phase 5,
  Cavalry Ground and Askari 10", "calle Alcalá entre Goya y Manuel Becerra" (between two places only after a
  street's word);
- the building or the estate a notice is for: "Notice to residents of Marlowe Residence", "beboerne i …", "locatarii
  din …", "жильцы дома …";
- a name whose last word says a building, an estate or a residence ("Marina Heights", "Al Hudaiba Awards Buildings",
  "Sunset Gardens", "Satellite Town"; never a first name before "Tower", "Town" or "Court");
- a place's word in Cyrillic, Arabic or Persian script before the name or opening the span ("у метро Сокол", "ТЦ
  Мега", "جلوی مترو صادقیه", "سر میدان ونک").

What it never takes: a span after a name's cue ("Mr", "Hi", "soy"), a first name in a list or as an answer to a
question that is no place's, a value whose first word has a digit ("Y35 E2W1"), a place that is part of someone's
address: an answer with a unit of the caller's home in it ("Arabian Ranches 2, villa 14"), an answer or a
script's district after an address asked for or told in the 300 characters before ("address please" … "and area?"
… "Asokwa, Kumasi"; "العنوان الوطني" … "حي الملقا، الرياض"), the writer among the residents ("we are the new tenants
at …"), a list after "I live in", and the checks of :mod:`pii_place_cues` (a form's label, a street or a flat before
it on its line, a postcode or a unit after it, another span right next to it); any kind other than ``PERSON``. At most
40 spans a message are looked at; each look reads a few hundred characters around its span.
"""

from __future__ import annotations

import re

from services.adapters.local import pii_rules
from services.adapters.local.pii_place_cues import _NAME_CUE, _own_address, _trim
from services.adapters.local.pii_street_places import _OWN
from services.models import PiiSpan

_MAX_SPANS = 40
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ"
# a place's name: one to five words, the first capitalised (or in a script without case), numbers and letters after
_ITEM = re.compile(rf"(?:the[ \t])?[{_UPPER}\u0600-\u06ff][^\W_]{{0,30}}(?:[ \t'’-]{{1,2}}(?:[{_UPPER}\u0600-\u06ff]"
                   rf"[^\W_]{{0,30}}|\d{{1,4}}[^\W\d_]?|[^\W\d_]?\d{{1,4}}|(?:al|el|de|la|le|du|des|di|do|da|of|pod|am|an)"
                   rf"(?=[ \t]))){{0,5}}")
# the question for a place on the line before the answer (no address, house, flat or street asked for)
_PLACE_QUESTION = re.compile(
    r"(?i)(?<![\w'’-])(?:which|what|what['’]s[ \t]the|wich|kaunsa|konsa|kaun[ \t]sa|kon[ \t]sa|kis)[ \t]{1,2}"
    r"(?:community|area|building|tower|estate|compound|society|sector|neighbourhood|neighborhood|locality|location|"
    r"landmark|colony|project|complex|residence|district|suburb|station|mall|branch|block|phase|township|village)"
    r"(?![\w'’-])|(?<![\w'’-])(?:community|area|building|tower|estate|compound|society|sector|locality|landmark|colony|"
    r"project|complex|residence|district|suburb|neighbourhood|neighborhood)(?:[ \t]name)?[ \t]{0,2}"
    r"(?:please|pls|sir|madam|maam|ma['’]am|bhai|ji|bata[ \t]dein|bataen|batayen|bata[ \t]do|batao|kya[ \t]hai|"
    r"ka[ \t]naam)?[ \t]{0,2}[?]|"
    r"(?<![\w'’-])(?:area|ilaqa|ilaka|society|sector|colony|mohalla)[ \t]{1,2}(?:bata|batayen|bataen|batao|bolo|"
    r"boliye|kaunsa|konsa)|"
    r"(?:qué|que|cuál|cual)[ \t]{1,2}(?:colonia|barrio|zona|urbanización|comuna|sector|edificio|conjunto)|"
    r"(?:quel|quelle)[ \t]{1,2}(?:quartier|résidence|bâtiment|immeuble|commune|secteur)|"
    r"(?:qual|que)[ \t]{1,2}(?:bairro|condomínio|condominio|prédio|zona)|"
    r"(?:welche[rsn]?|welches)[ \t]{1,2}(?:stadtteil|ortsteil|viertel|gebäude|siedlung|bezirk)|"
    r"(?:quale|che)[ \t]{1,2}(?:quartiere|zona|palazzo|complesso)|"
    r"(?:какой|какая|каком|какое)[ \t]{1,2}(?:район|микрорайон|жк|тц|станци|метро|корпус)|"
    r"(?:أي|اي|أيّ)[ \t]{1,2}(?:منطقة|حي|مجمع|برج|مبنى|كمبوند)|"
    r"(?:کدوم|کدام)[ \t]{1,2}(?:محله|منطقه|مجتمع|برج)")
_ADDRESS_ASKED = re.compile(
    r"(?i)(?<![\w'’-])(?:address|addr|pata|ghar|house|home|flat|apartment|apt|unit|villa|plot|street|road|door|"
    r"postcode|zip|pin[ \t]?code|dirección|direccion|adresse|endereço|indirizzo|adres|адрес|عنوان|آدرس|پلاک|"
    r"número|numero|number|no\.)(?![\w'’-])")
_UNIT_ANY = re.compile(r"(?i)(?<![\w'’-])(?:flat|villa|house|hse|apt|apartment|unit|plot|door|room|suite|no\.?|nr\.?|"
                       r"n[°º]|#|кв\.?|квартира|дом|д\.|شقة|فيلا|منزل|واحد|پلاک)[ \t]{0,2}\d")
# an address asked for or told in the lines before: the district that follows is a part of it ("address please" …
# "and area?" … "Asokwa, Kumasi"; "العنوان الوطني" … "حي الملقا، الرياض")
_ADDRESS_BEFORE = re.compile(
    r"(?i)(?<![\w'’-])(?:address|addr|pata|dirección|direccion|adresse|endereço|indirizzo|adres|adresa|адрес|адреса|"
    r"location|عنوان|العنوان|آدرس|نشانی|पता)(?![\w'’-])")
_SPEAKER = re.compile(r"\A[ \t]{0,4}(?:\[[^\]\n]{1,20}\][ \t]{0,2})?[^\W\d_][^:\n]{0,30}:[ \t]{0,4}")
# the head of a list of places: a place's preposition or word, then items joined by commas, the span after the last
# "and" or comma
_LIST_CUE = re.compile(
    r"(?i)(?<![\w'’-])(?:in|across|throughout|around|near|within|outside|parts[ \t]of|areas?[ \t]of|areas?|estates|"
    r"suburbs|districts|communities|sectors|localities|neighbourhoods|neighborhoods|junction[ \t]of|corner[ \t]of|"
    r"bairros|barrios|colonias|quartiers|stadtteilen|ortsteilen|im[ \t]gebiet|zonas|zone|quartieri|wijken|"
    r"w[ \t]rejonie|dzielnicach|в[ \t]районе|районах|районе|في[ \t]مناطق|في[ \t]حي|مناطق)[ \t]{1,2}\Z")
_BETWEEN = re.compile(
    r"(?i)(?<![\w'’-])(?:street|st|road|rd|avenue|ave|lane|calle|c/|avenida|av\.|rua|rue|via|strada|straße|strasse|"
    r"ulica|ul\.|gata|gatan|gade|vej)[ \t]{1,2}[^\n,;]{1,40}?[ \t](?:between|entre|zwischen|tra|fra|mellan|między|"
    r"tussen)[ \t]{1,2}\Z")
_CONJ_END = re.compile(r"(?i)[ \t]{0,2}(?:,[ \t]{0,2})?(?:and|&|y|e|et|und|og|och|i|и|ve|dan|na|و)[ \t]{1,2}\Z")
_COMMA_END = re.compile(r"[ \t]{0,2},[ \t]{1,2}\Z")
_LIST_GOES_ON = re.compile(r"(?i)[ \t]{0,2}(?:,|(?:and|&|y|e|et|und|og|och|i|и|ve|dan|na)[ \t])")
# the residents, tenants or owners a notice is for
_RESIDENTS = re.compile(
    r"(?i)(?<![\w'’-])(?:residents|tenants|occupants|owners|homeowners|beboerne|beboere|bewoners|bewohner(?:innen)?|"
    r"mieter(?:innen)?|locatarii|locatari|vecinos|residentes|moradores|condòmini|condomini|résidents|locataires|"
    r"жители|жильцы|жильцам|mieszkańcy|mieszkańców|stanari|stanovnici|lakói|boende)[ \t]{1,2}"
    r"(?:of|in|at|i|der|des|din|de|del|di|du|van|w|u|в|на|dei|della|do|da|das|dos)[ \t]{1,2}(?:the[ \t])?\Z")
# the writer among the residents: "we are the new tenants at …", "wij zijn de nieuwe bewoners van …"
_NEW_RESIDENTS = re.compile(r"(?i)(?<![\w'’-])(?:new|nieuwe|neue[nr]?|nouveaux|nouvelles|nuevos|nuevas|novos|nuovi|nye|"
                            r"we|wij|we['’]re|i['’]m|i[ \t]am|als|as|our|my)(?![\w'’-])")
_ANSWER_HEAD = re.compile(r"\A[ \t]{0,4}(?:\[[^\]\n]{1,20}\][ \t]{0,2})?[^\n:]{1,30}:[ \t]{0,4}\Z")
# a building's, an estate's or a residence's word closing the name
_BUILDING_END = re.compile(
    r"(?i)[ \t](?:heights|towers|residence|residences|residency|gardens|estate|estates|apartments|apts|mansions|"
    r"buildings|building|complex|square|ranches|villas|enclave|grounds?|nagar|colony|stadium|(?-i:Tower|Town|Court))\Z")
_AMBIGUOUS_END = re.compile(r"[ \t](?:Tower|Town|Court|Ground)\Z")
# a place's word in Cyrillic, Arabic or Persian script right before the name or opening the span
_SCRIPT_PLACE = (r"(?:метро|м\.|станци[яиюей]|ст\.|тц|трц|жк|район[еау]?|микрорайон[еау]?|мкр\.?|площад[ьи]|"
                 r"рынок|рынка|рынке|вокзал[ае]?|"
                 r"مترو|محطة|ميدان|میدان|حي|منطقة|منطقه|محله|پاساژ|مجتمع|برج|مول|سوق|دوار|بازار|ایستگاه)")
_SCRIPT_PREP = (r"(?:у|возле|около|напротив|на|в|из|до|от|ко?|u|vozle|okolo|u[ \t]vhoda|u[ \t]vkhoda|"
                r"جلوی|جلو|دم|سر|کنار|نزدیک|روبروی|عند|قرب|أمام|امام|جنب|بجانب|في|من|الى|إلى)")
_SCRIPT_BEFORE = re.compile(rf"(?i)(?<![\w'’-]){_SCRIPT_PLACE}[ \t]{{1,2}}\Z")
_SCRIPT_OPENING = re.compile(rf"(?i)(?:{_SCRIPT_PREP}[ \t]{{1,2}}){{0,1}}{_SCRIPT_PLACE}[ \t]{{1,2}}(?=[^\W\d_])")


def _line(text: str, start: int, end: int) -> tuple[int, str, str]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return line_start, text[line_start:start], text[end:len(text) if line_end < 0 else line_end]


def _first_given(value: str) -> bool:
    words = value.split()
    return bool(words) and words[0].lower().strip(",.") in pii_rules.GIVEN_NAMES


def _answer(text: str, start: int, line_start: int, before: str) -> bool:
    """Is the span (in) the answer to a question for a place on the speaker's line before (no unit of the caller's
    home in the answer: "Arabian Ranches 2, villa 14" is an address)?"""
    line_end = text.find("\n", start)
    if line_start < 2 or _UNIT_ANY.search(text[line_start:min(len(text) if line_end < 0 else line_end, start + 200)]):
        return False
    label = _SPEAKER.match(before)
    head = before[label.end():] if label else before
    if head and not re.fullmatch(r"(?:[^\n,;.?!]{1,60},[ \t]{1,2}){1,3}", head):
        return False  # the answer opens with the span, or the span follows other places with commas only
    if head and re.search(r"\d", head):
        return False  # "house 42, street 9, block C, Johar Town": the caller's own address
    prev_end = line_start - 1
    prev_start = text.rfind("\n", 0, prev_end) + 1
    question = text[prev_start:prev_end]
    if not question.strip() or "?" not in question and not re.search(r"(?i)bata|batayen|bataen|bolo", question):
        return False
    tail = question[-80:]
    return _PLACE_QUESTION.search(tail) is not None and _ADDRESS_ASKED.search(tail) is None


def _listed(before: str, after: str) -> str | None:
    """The words before the list's first item when the span is an item of a list of places whose head a place's cue
    opens ("… outage in" of "outage in Kileleshwa and Lavington"); None when it is no such item."""
    conj = _CONJ_END.search(before)
    if conj is None:
        comma = _COMMA_END.search(before)
        if comma is None or not _LIST_GOES_ON.match(after):
            return None
        rest = before[:comma.start()]
    else:
        rest = before[:conj.start()]
    for _ in range(5):  # walk back over the items: "in DHA Phase 5, Cavalry Ground and …"
        cut = rest.rfind(",")
        chunk = rest[cut + 1:]
        items = list(_ITEM.finditer(chunk))  # the last run of capitalised words, if it ends the chunk
        item = items[-1] if items else None
        if item is None or chunk[item.end():].strip():
            return None
        lead = chunk[:item.start()]
        if lead.strip():  # the first item: the cue before it
            head = rest[:cut + 1] + lead if cut >= 0 else lead
            if _first_given(item.group()) or _NAME_CUE.search(head[-40:]):
                return None
            return head if _LIST_CUE.search(head[-40:]) or _BETWEEN.search(head[-80:]) else None
        if cut < 0:
            return None
        rest = rest[:cut]
    return None


def is_named_place(text: str, span: PiiSpan, spans: list[PiiSpan]) -> bool:
    """Is a PERSON span only a place the message names as one, and no part of someone's address?"""
    start, end = _trim(text, span.start, span.end)
    if end - start < 3 or "\n" in text[start:end]:
        return False
    line_start, before, after = _line(text, start, end)
    value = text[start:end]
    if _NAME_CUE.search(before[-40:]) or re.match(r"[ \t]{0,2}['’]s\b", after) or (
            re.match(r"[ \t]{0,2}:", after) and not before.strip()):
        return False  # "Mr Tower", "in Maria's name", "Kemi: …"
    script = _SCRIPT_OPENING.match(value) or _SCRIPT_BEFORE.search(before[-30:])
    cased = value[:1].isupper()
    if not (script or cased) or cased and re.search(r"\d", value.split()[0]):
        return False  # "Y35 E2W1": a postcode, no place's name
    if (script or not cased or _ANSWER_HEAD.match(before)) and _ADDRESS_BEFORE.search(
            text[max(0, line_start - 300):start]):
        return False  # a district after an address asked for: a part of it
    if script and (re.search(r"[\d٠-٩۰-۹]", value) or _UNIT_ANY.search(value) or _ANSWER_HEAD.match(before) and
                   re.search(r"[?؟][ \t]{0,4}\Z", text[max(0, line_start - 200):max(0, line_start - 1)])):
        return False  # "حي النرجس، شقة ١٤" or the answer to "والحي والمدينة؟": an address's parts
    # the answer to a question for a place: the speaker's label before it is no form's label
    answer = not script and _answer(text, start, line_start, before)
    listed = False
    if not script and not answer:
        ending = _BUILDING_END.search(value)
        if (ending and len(value.split()) >= 2 and not re.search(r"[\d,]", value) and
                not (_AMBIGUOUS_END.search(value) and _first_given(value))):
            pass
        elif _RESIDENTS.search(before[-40:]) and not _NEW_RESIDENTS.search(before[-60:]):
            pass
        elif _first_given(value):
            return False
        else:
            head = _listed(before[-160:], after)
            if head is None or _OWN.search(head[-16:]):
                return False  # "I live in Kilimani and …"
            listed = True  # the words of a delivery or a move before the list make no address of it
    return not _own_address(text, span, start, end, spans, landmark=bool(script) or answer or listed)


def drop_named_places(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """The spans less the PERSON spans that only name a place the message names as one."""
    if not spans or len(spans) > _MAX_SPANS or not any(s.kind == "PERSON" for s in spans):
        return spans
    return [s for s in spans if s.kind != "PERSON" or not is_named_place(text, s, spans)]
