"""A town, a district, a neighbourhood, an estate or an attraction that the message itself tells as a place is a kept
``PLACE``, not a person (session 43's 43-7, a second look at session 41's towns of docs/pending/s41-1.patch, with
the message's own cues instead of a gazetteer).

By the labelling conventions (``tests/data/pii/build.py``) a town, a suburb, a landmark, an estate or a site named
alone is a kept ``PLACE``; the NER model and the CRF tagger take many such names for a ``PERSON`` ("in Santo Amaro",
"w Łodzi", "v obci Velké Meziříčí", "Gebiet Oerlikon", "naar Dierenpark Amersfoort", "zum Wildpark Schwarze Berge",
"Rabie Ridge ext 2", "Bayan Lepas hub", "Grüße aus Graz"). :func:`drop_place_persons` (wired after the PERSON check
in the default detector, only when the check is on, so that the check's training rows are unchanged; after the
filters in the rules-only one) drops a ``PERSON`` span that only names a place the message tells as one:

- the span (less edge punctuation) is one to four words, each capitalised (or a particle: "San Juan de
  Lurigancho", "Zell am See"), no digit, not all capitals;
- and a cue of place in the message's language says it is a place: a place preposition that no person's name
  follows right before it ("in", "near", "across", "whole of", "im Gebiet", "nach", "zum", "w", "we", "v", "ve",
  "em", "ở", "tại", "huko", "kat", "dekat", "lângă", "ties", "alueella", "območju", "obci", "zona",
  "quartiere"...), or a place word right before it or opening it ("Dierenpark", "Wildpark", "Parkhaus", "Brgy.",
  "khu", "phường", "vestiging", "site de", "armazém", "Skladište", "depo"...), or a place word right after it
  ("area", "hub", "side", "junction", "estate", "ext", "market"...);
- a signature's "Grüße aus Graz" (or "saluto da Lecco", "greetings from Leeds") that the model ran into the name on
  the next line loses its place line only: the name stays masked.

What it never takes (the look-alikes): a person's name after a name's cue ("Frau", "Mr", "Hi", "soy", "my
daughter"), a possessive ("in Maria's name"), a speaker before a colon, a name followed by another capitalised word
(a firm: "Kilbride Fresh Produce"), a place inside the writer's own address (after "I live in", "deliver to", a
form's label "City:", a street earlier on its line, a postcode after it, or right next to another span: an ADDRESS,
a ZIP, a phone), any kind other than ``PERSON``. Prepositions that a person's name follows as often ("to", "from",
"de", "à", "en", "na", "i", "u", "di", "bei", "van") are no cue. German "im" is one only in a message with German
words (a chat's "im" is "I'm": "hi im Lwazi Dube") and Dutch "naar" only when it asks for no one ("Vraag naar Ruud"):
both narrowed after the merge, when the seen sets showed them losing names. At most 40 spans a message are looked at.
"""

from __future__ import annotations

import re

from services.adapters.local.pii_street_places import _LABEL, _OWN, _SUFFIX, _TYPE_BEFORE
from services.models import PiiSpan

_MAX_SPANS = 40
_EDGE = " \t.,;:!?\"()[]«»“”"
_WORD = r"[^\W\d_][^\W\d_'’-]{0,30}"
_PARTICLE = r"(?:de|do|da|dos|das|del|la|le|am|an|sur|upon|on|in)"
# one to four words, each capitalised or a particle between two ("San Juan de Lurigancho", "Zell am See")
_VALUE = re.compile(rf"{_WORD}(?:[ \t](?:{_PARTICLE}[ \t])?{_WORD}){{0,3}}")
_ARTICLE = r"(?:(?:the|la|le|l['’]|el|il|lo|der|die|das|dem|den|het|de)[ \t])?"
# a place preposition or a place's word right before the span: no person's name follows these
_BEFORE = re.compile(
    r"(?i)(?<![\w'’-])(?:in|near|nearby|across|throughout|around|outside|(?:the[ \t])?whole[ \t]of|all[ \t]over|"
    r"area|areas|suburb|district|estate|neighbourhood|neighborhood|"
    r"im[ \t]gebiet|gebiet|im[ \t]raum|raum|nach|zum|zur|in[ \t]der|stadtteil|ortsteil|"
    r"nabij|omgeving|wijk|buurt|"
    r"w|we|koło|pod|okolice|dzielnica|v|ve|obci|obec|městě|mesto|območju|"
    r"em|perto[ \t]de|bairro|aqui[ \t]em|zona|quartiere|quartier|barrio|colonia|"
    r"ở|tại|khu|khu[ \t]vực|phường|quận|huko|huku|katika|eneo[ \t]la|kat|dekat|daerah|kawasan|kelurahan|"
    r"lângă|în|ties|alueella|kaupunginosassa|"
    r"brgy\.?|barangay|perumnas|dierenpark|wildpark|tierpark|vogelpark|zoo|parkhaus|parking|"
    r"vestiging|locatie|site[ \t]de|site[ \t]d['’]|agence[ \t]de|agência|agência[ \t]de|unidade|filiale|lager|"
    r"almacén|skladište|sklad|depo|armazém|magazzino[ \t]di|entrepôt[ \t]de|stazione[ \t]di|centrale[ \t]di|"
    r"bureau[ \t]de[ \t]poste[ \t]de|cửa[ \t]hàng|chi[ \t]nhánh|sucursal[ \t]de|sucursal|oddział[ \t]w)"
    rf"[ \t]{{1,2}}{_ARTICLE}\Z")
# a place's word opening the span ("Dierenpark Amersfoort", "Wildpark Schwarze Berge", "Gebiet Oerlikon")
_OPENING = re.compile(
    r"(?i)(?:dierenpark|wildpark|tierpark|vogelpark|zoo|parkhaus|naturcenter|quartiere|gebiet|stadtteil|"
    r"vestiging|locatie|site[ \t]de|site[ \t]d['’]|agence[ \t]de|agência|unidade|lager|almacén|skladište|depo|"
    r"armazém|brgy\.?|barangay|perumnas|bairro|barrio|colonia|khu|phường|quận)[ \t]{1,2}(?=[^\W\d_])")
# a place's word right after the span ("the Harrogate and Knaresborough area", "Rabie Ridge ext 2", "Kasoa side")
_AFTER = re.compile(
    r"(?i)[ \t]{1,2}(?:area|areas|district|suburb|neighbourhood|neighborhood|estate|hub|side|junction|"
    r"market|ext\.?|extension|township|village|town[ \t]centre|city[ \t]centre|mall|bus[ \t]stop|"
    r"gebiet|bezirk|wijk|dzielnica|bairro|zona|quartiere)(?![\w'’-])")
# the writer's signature greeting from a town: "Grüße aus Graz", "saluto da Lecco", "greetings from Leeds"
_GREETING_FROM = re.compile(
    r"(?i)(?<![\w'’-])(?:grüße|grüßen|gruß|grüsse|gruss|lg|vg|greetings|regards|saluti|saluto|salutations|"
    r"groeten|groetjes|pozdrawiam|pozdrowienia|pozdrav|pozdravy|hälsningar|hilsen|terveisin|saludos|"
    r"cumprimentos|abraços)[ \t](?:aus|from|da|dal|uit|z|ze|iz|från|fra|desde|de|do)[ \t]\Z")
# a name's cue right before: a title, a greeting, a self-introduction, a relative's or a role's word
_NAME_CUE = re.compile(
    r"(?i)(?<![\w'’])(?:mr|mrs|ms|miss|dr|prof|sr|sra|herr|frau|pani|pan|señor|señora|senhor|senhora|dona|doña|"
    r"mme|monsieur|madame|meneer|mevrouw|anh|chị|ông|bà|bapak|pak|ibu|bu|hi|hey|hello|hallo|hola|olá|ciao|"
    r"dear|liebe|lieber|thanks|thank[ \t]you|cheers|regards|love|i['’]m|i[ \t]am|it['’]s|this[ \t]is|soy|sou|"
    r"jestem|ich[ \t]bin|je[ \t]suis|name[ \t]is|named|called|daughter|son|wife|husband|mum|mom|dad|sister|"
    r"brother|friend|colleague|agent|driver|rider|engineer|technician|nimi|jina[ \t]langu[ \t]ni)"
    r"[ \t.,:;!-]{1,3}\Z")
# a verb that takes a person "in": "looping in", "cc'd in", "bringing in", "filling in for"
_VERB_IN = re.compile(r"(?i)(?<![\w'’-])(?:loop|looping|looped|cc|cc['’]d|cc['’]ing|copy|copying|copied|bring|bringing|"
                      r"brought|add|adding|added|rope|roping|roped|call|calling|called|let|letting|pull|pulling|"
                      r"put|putting|sub|subbing|swap|swapping|swapped|fill|filling|filled|check|checking|checked|"
                      r"sign|signing|signed|log|logging|logged|include|including|included|trust|believe|interest|"
                      r"interested|keep|keeping|kept)[ \t]{1,2}in[ \t]{1,2}\Z")
_AFTER_NAME = re.compile(r"(?i)[ \t]{0,2}(?::|['’]s\b|&|[ \t]?(?:speaking|here|says|said|wrote)\b)")
_CAPITAL_AFTER = re.compile(r"[ \t]{1,2}(?!I(?![\w'’]))[A-ZÀ-ÖØ-ÞĀ-Ž]")
_POSTCODE_AFTER = re.compile(r"[ \t]{0,2},?[ \t]{0,2}(?:\d{4,5}|[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}|\d{2}-\d{3}|"
                             r"\d{3}[ \t]\d{2}|\d{4}[ \t]?[A-Z]{2})\b")
_STREET_BEFORE = re.compile(rf"(?i)(?<![\w'’-])(?:{_TYPE_BEFORE}[ \t]|[^\W\d_]{{0,30}}{_SUFFIX}(?![\w'’-])|"
                            rf"(?-i:[A-ZÀ-ÖØ-Þ])[^\W\d_]{{0,30}}[ \t](?:road|street|avenue|lane|drive|rd|st|ave)(?![\w'’-])|"
                            rf"(?:flat|apartment|apt|piso|unit)[ \t]\d|"
                            rf"(?<![\w'’-])\d{{1,5}}[A-Za-z]?[ \t]{{1,2}}[^\W\d_][^,\n.!?\d]{{1,40}},[ \t]{{0,2}}\Z)")
# German "im" and Dutch "naar": cues only in a German message, and never after "ask for" (session 43's mend)
_IM_NAAR = re.compile(rf"(?i)(?<![\w'’-])(?P<word>im|naar)[ \t]{{1,2}}{_ARTICLE}\Z")
_GERMAN = re.compile(r"(?<![\w'’-])(?:der|die|das|und|ist|nicht|wir|ich|Sie|mit|auf|für|bei|dem|den|vom|zum)(?![\w'’-])")
_ASKS_FOR = re.compile(r"(?i)(?<![\w'’-])(?:vraag|vragen|vraagt|vroeg|zoek|zoeken|zoekt)[ \t]{1,2}\Z")
_EM_BEFORE = re.compile(r"(?i)(?<![\w'’-])em[ \t]\Z")
_VIETNAMESE = re.compile(r"[ơưđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)
_NEXT_TO = re.compile(r"[ \t]{0,3}(?:[,;/–—-][ \t]{0,3})?(?:\r?\n)?[ \t]{0,3}")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def _line(text: str, start: int, end: int) -> tuple[str, str]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return text[line_start:start], text[end:len(text) if line_end < 0 else line_end]


def _shaped(value: str) -> bool:
    """One to four capitalised words (particles between), no digit, not all capitals, four letters or more."""
    return (4 <= len(value) <= 60 and value[0].isupper() and not value.isupper() and
            _VALUE.fullmatch(value) is not None and
            all(w[0].isupper() or re.fullmatch(_PARTICLE, w) for w in value.split()))


def _own_address(text: str, span: PiiSpan, start: int, end: int, spans: list[PiiSpan]) -> bool:
    """Is the place part of someone's address: a form's label, an address's words or a street before it on its line,
    a postcode after it, another (not PERSON) span right next to it or earlier in its sentence?"""
    before, after = _line(text, start, end)
    if _LABEL.match(before) or _OWN.search(before[-80:]) or _STREET_BEFORE.search(before[-80:]):
        return True
    if _POSTCODE_AFTER.match(after):
        return True
    for other in spans:
        if other is span or other.kind == "PERSON" or (other.end > span.start and other.start < span.end):
            continue
        gap = text[other.end:span.start] if other.end <= span.start else text[span.end:other.start]
        if _NEXT_TO.fullmatch(gap):
            return True
    return False


def _place_cued(text: str, start: int, end: int) -> bool:
    """Does the message tell the words at start:end as a place (a preposition or a place's word)?"""
    before, after = _line(text, start, end)
    opening = _OPENING.match(text, start, end)
    value = text[opening.end() if opening else start:end]
    if not _shaped(value):
        return False
    if _NAME_CUE.search(before[-40:]) or _AFTER_NAME.match(after):
        return False  # "Frau Demirci", "in Maria's name", "Bola speaking", "Kemi: ..."
    if _CAPITAL_AFTER.match(after) and not _AFTER.match(after):
        return False  # "in Kilbride Fresh Produce": a firm's name
    if _VERB_IN.search(before[-30:]):
        return False  # "Looping in Nomvula Dlamini", "cc'd in Tom"
    if _EM_BEFORE.search(before[-4:]) and _VIETNAMESE.search(text):
        return False  # Vietnamese "em Lan" (a younger person), not Portuguese "em Santo Amaro"
    tail = before[-40:]
    im_naar = _IM_NAAR.search(tail)
    if im_naar:  # "im Gebiet X" in German mail; never "hi im Lwazi Dube" nor "Vraag naar Ruud"
        cued = (_GERMAN.search(text) is not None if im_naar.group("word").lower() == "im"
                else not _ASKS_FOR.search(tail[:im_naar.start()]))
        if cued:
            return True
    return bool(opening or _BEFORE.search(before[-40:]) or _AFTER.match(after))


def _greeting_place(text: str, span: PiiSpan, spans: list[PiiSpan]) -> PiiSpan | None:
    """A span of "Graz\\nResi Hörmann" after "Grüße aus": the name line alone; None when it is not one."""
    start, end = _trim(text, span.start, span.end)
    newline = text.find("\n", start, end)
    if newline < 0 or not _GREETING_FROM.search(_line(text, start, end)[0][-40:]):
        return None
    head_end = _trim(text, start, newline)[1]
    if not _shaped(text[start:head_end]) or _own_address(text, span, start, head_end, spans):
        return None
    name_start = newline + 1
    while name_start < end and text[name_start] in " \t":
        name_start += 1
    return PiiSpan(span.kind, name_start, span.end, span.score) if name_start < end else None


def _named_elsewhere(text: str, span: PiiSpan, words: set[str], spans: list[PiiSpan]) -> bool:
    """Is a word of the span in another PERSON span of the message ("Herr Okafor" … "in der Mietsache Okafor")?"""
    for other in spans:
        if other is span or other.kind != "PERSON" or (other.end > span.start and other.start < span.end):
            continue
        if words & {w.lower() for w in re.findall(r"[^\W\d_]{3,30}", text[other.start:other.end])}:
            return True
    return False


def is_place(text: str, span: PiiSpan, spans: list[PiiSpan]) -> bool:
    """Is a PERSON span only a place the message tells as one, and no part of someone's address?"""
    start, end = _trim(text, span.start, span.end)
    if "\n" in text[start:end]:
        return False
    words = {w.lower() for w in re.findall(r"[^\W\d_]{3,30}", text[start:end])}
    if _named_elsewhere(text, span, words, spans):
        return False
    return _place_cued(text, start, end) and not _own_address(text, span, start, end, spans)


def drop_place_persons(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """The spans less the PERSON spans that only name a place the message tells as one (a greeting's town cut off a
    signature's name)."""
    if not spans or len(spans) > _MAX_SPANS or not any(s.kind == "PERSON" for s in spans):
        return spans
    out: list[PiiSpan] = []
    for s in spans:
        if s.kind != "PERSON":
            out.append(s)
            continue
        cut = _greeting_place(text, s, spans)
        if cut is not None:
            out.append(cut)
        elif not is_place(text, s, spans):
            out.append(s)
    return out
