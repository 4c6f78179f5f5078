"""The town and the postcode of the customer's own address as a form's field or a call's answer (candidate 44-4).

The conventions (tests/data/pii/build.py) mark each address field of a form an ``ADDRESS`` (city, state, ZIP, CP,
CAP), a Mexican CP field too, and a town given as the address's own field or turn. :mod:`pii_address_forms` reads a
form's town and postcode fields only beside a street field it knows by its bare label ("Dirección:", "Street:"); it
missed them beside a street field with a longer label ("Dirección de suministro:", "Indirizzo fornitura:",
"Straße/Hausnr.:", "Rue et numéro :", "Calle y número:", "Straat + huisnr:"), a town beside a postcode field in a
contact form ("Código postal: 29016 / Ciudad: Málaga"), a town field after the postcode on its line ("CAP: 10122
Città: Torino"), a Mexican or European postcode field alone ("CP: 44160", "PLZ: 10119"); and a US ZIP field beside
the street was dropped as a ZIP alone. In calls, a town said as the answer to the agent's question for it ("e la
città?" / "Bologna", "¿y la localidad?" / "Madrid, veintiocho cero cuarenta y cinco", "city?" / "Knoxville") and a
Singapore postal code read out as six digits ("postal code?" / "five six zero four four one") were missed.

What it never takes (look-alikes the conventions keep): a town field in a form with no street or postcode field (a
contact form's "City: Amman", a meeting notice's "Ort: Gemeinschaftsraum"), any field of a form whose address is a PO
box, a birthplace ("Geburtsort:", "Luogo di nascita:": only the town labels, read as the whole label), a ZIP,
postcode or postal code field alone (a US ZIP, an Australian or Philippine postcode: a kept ``ZIP``), a postcode
written inline ("…, CP 44160, régimen 612"), a town asked about in any other question ("which city are you calling
from?"), the agent's read-back ("New South Wales?", "in spain?": a state or a country is no town), an answer that is
no town ("yes", "same as before", a sentence), four or five digits said after "postal code" (an Australian postcode,
a US ZIP: kept).

Linear: each line is matched once with bounded patterns; at most CAP spans a message.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from services.adapters.local import pii_address_answers  # its field label; imported as a module (pii_rules imports us)
from services.adapters.local.pii_spoken_numbers import NUMBER_WORDS

Found = tuple[str, int, int, float]

CAP = 24
_SCORE = 0.8
_MAX_LINES = 200
_MAX_LINE = 200

# ---- form fields ----------------------------------------------------------------------------------------------------
_FIELD_LINE = re.compile(r"[ \t]{0,4}(?P<label>[^\W\d_][\w .'’/+,&()-]{0,40}?)[ \t]?:[ \t]{0,4}(?P<value>[^\n]{0,120})")
_TOWN_LABEL = (r"localidad|ciudad|poblaci[óo]n|municipio|city|town|ville|commune|localit[ée]|localit[àa]|ort|stadt|"
               r"wohnort|citt[àa]|comune|miasto|miejscowo[śs][ćc]|cidade|localidade|concelho|munic[íi]pio|plaats|"
               r"woonplaats|gemeente|suburb|colonia|state|province|provincia")
_TOWN = re.compile(rf"(?i)(?:{_TOWN_LABEL})")
# a postcode field that is an address part wherever it stands; the English labels (a US ZIP, an Australian or
# Philippine postcode alone is a kept ZIP) need the rest of the address beside them
_POSTAL_ANYWHERE = re.compile(r"(?i)c\.?[ \t]?p\.?(?:[ \t]fiscal)?|c[óo]d(?:igo|\.)?[ \t]postal(?:[ \t]fiscal)?|"
                              r"code[ \t]postal|cap|plz|postleitzahl|kod[ \t]pocztowy|cep")
_POSTAL_ENGLISH = re.compile(r"(?i)(?:billing[ \t]|mailing[ \t])?(?:zip(?:[ \t]?code)?|post[ \t]?code|postal[ \t]code)")
_ADDRESS_WORD = re.compile(r"(?i)(?<![\w'’])(?:direcci[óo]n|domicilio|address|adresse|anschrift|stra(?:ß|ss)e|"
                           r"indirizzo|morada|endere[çc]o|adres|adresa|ulica|street|calle|rua|rue|straat|residenza|"
                           r"hausn(?:r\.?|ummer)|huisn(?:r\.?|ummer)|house[ \t](?:name|number))(?![^\W\d]|['’])")
_OTHER_ADDRESS = re.compile(r"(?i)(?<![\w'’])(?:e-?mail|ip|mac|web|wallet|correo|courriel|electr[óo]nic[oa]|"
                            r"eletr[ôo]nic[oa]|crypto|bitcoin|url|site|company|firm|empresa|société|firma|"
                            r"previous|old|former|anterior|ancienne|alte|vecchio)(?![\w'’])")
_PO_BOX = re.compile(r"(?i)[ \t]{0,4}(?:p\.?[ \t]?o\.?[ \t]?box|postfach|apartado|bo[îi]te[ \t]postale|caixa[ \t]postal|"
                     r"casella[ \t]postale|postbus)(?![\w'’])")
_POSTAL_VALUE = re.compile(r"[A-Za-z]{0,2}[ -]?\d[\dA-Za-z -]{2,9}")
_TOWN_VALUE = re.compile(r"(?:['’]s-)?[^\W\d_][\w'’.-]{0,30}(?:(?:[ \t]{1,2}|[ \t]?-[ \t]?|,[ \t]{1,2})[^\W\d_][\w'’.-]{0,30}){0,3}")
_INLINE_TOWN = re.compile(rf"(?i)[ \t]{{1,4}}(?:{_TOWN_LABEL})[ \t]?:[ \t]{{0,4}}")
_NOT_A_TOWN = frozenset("n/a na none nil - yes no sí si oui non ja nein sim não other otro autre andere".split())


def _fields(text: str) -> list[tuple[str, int, int]]:
    """Each form line's (kind, value start, value end): kind "address", "town", "postal", "postal_en" or "other"; a
    town field written after a postcode on its line ("CAP: 10122 Città: Torino") is a field of its own."""
    out: list[tuple[str, int, int]] = []
    pos = 0
    for _ in range(_MAX_LINES):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        m = _FIELD_LINE.fullmatch(text, pos, end) if end - pos <= _MAX_LINE else None
        if m is not None:
            label = m.group("label").strip().replace("_", " ")
            a, z = m.start("value"), m.end("value")
            while z > a and text[z - 1] in " \t":
                z -= 1
            if _TOWN.fullmatch(label):
                out.append(("town", a, z))
            elif _POSTAL_ANYWHERE.fullmatch(label) or _POSTAL_ENGLISH.fullmatch(label):
                kind = "postal" if _POSTAL_ANYWHERE.fullmatch(label) else "postal_en"
                inline = _INLINE_TOWN.search(text, a, z)
                if inline is not None:
                    out += [(kind, a, inline.start()), ("town", inline.end(), z)]
                else:
                    out.append((kind, a, z))
            elif _ADDRESS_WORD.search(label) and not _OTHER_ADDRESS.search(label):
                out.append(("address", a, z))
            else:
                out.append(("other", a, z))
        if end >= len(text):
            break
        pos = end + 1
    return out


def _street_form(fields: list[tuple[str, int, int]], text: str) -> bool | None:
    """True when the form has a street field, False when it has none, None when its address is a PO box."""
    street = False
    for kind, a, z in fields:
        if kind == "address" and z > a:
            if _PO_BOX.match(text, a, z):
                return None
            street = True
    return street


def _form_towns(text: str) -> Iterator[Found]:
    if ":" not in text:
        return
    fields = _fields(text)
    if len(fields) < 3:
        return
    street = _street_form(fields, text)
    if street is None:
        return
    postal = any(k in ("postal", "postal_en") and _POSTAL_VALUE.fullmatch(text, a, z) for k, a, z in fields)
    town = any(k == "town" and _TOWN_VALUE.fullmatch(text, a, z) for k, a, z in fields)
    for kind, a, z in fields:
        value = text[a:z]
        if kind == "town" and (street or postal) and _TOWN_VALUE.fullmatch(value) and \
                value.lower() not in _NOT_A_TOWN:
            yield "ADDRESS", a, z, _SCORE
        elif kind in ("postal", "postal_en") and _POSTAL_VALUE.fullmatch(value) and any(c.isdigit() for c in value) \
                and (street or town or kind == "postal"):
            yield "ADDRESS", a, z, _SCORE


def in_street_form(text: str, start: int) -> bool:
    """Whether `start` opens a postcode field's value in a form that has a street field (not a PO box): a US ZIP
    there is a part of the address, not a ZIP alone."""
    if ":" not in text:
        return False
    fields = _fields(text)
    if len(fields) < 3 or not _street_form(fields, text):
        return False
    return any(k in ("postal", "postal_en") and a == start for k, a, _ in fields)


# ---- a town said as the answer to its question ----------------------------------------------------------------------
_TOWN_Q = re.compile(
    r"(?i)[ \t¿]{0,3}(?:(?:and|e|y|et|und|en|i|ok|okay|right|great|thanks|perfect|perfetto|perfecto|vale|bene|bien|"
    r"gracias|grazie|merci|danke|certo|ótimo|perfeito)[,.]?[ \t]{1,3}){0,2}"
    r"(?:(?:which|what|qual|quale|cu[áa]l|quelle|welche[rs]?|in[ \t]che|en[ \t]qu[ée]|de[ \t]qu[ée])[ \t]{1,2})?"
    r"(?:(?:the|your|la|el|tu|su|sua|a|o|der|die|de|votre|ta|il|la[ \t]sua|sa|ihr|ihre|uw|je)[ \t]{1,2})?"
    r"(?:town|city|suburb|town[ \t]or[ \t]city|citt[àa]|comune|ciudad|localidad|poblaci[óo]n|municipio|ville|commune|"
    r"localit[ée]|cidade|localidade|munic[íi]pio|ort|stadt|wohnort|plaats|woonplaats|miasto|miejscowo[śs][ćc])"
    r"(?:[ \t]{1,2}(?:please|por[ \t]favor|per[ \t]favore|bitte|s'il[ \t]vous[ \t]pla[îi]t|alsjeblieft))?"
    r"[ \t]{0,2}[?？]{0,2}[ \t.]{0,3}")
_FILLER = re.compile(r"(?i)(?:(?:it's|its|it[ \t]is|yeah|yes|yep|sí|si|sì|oui|ja|sim|isso|è|es|c'est|é|in|a)"
                     r"[,.]?[ \t]{1,2}){0,2}")
_ANSWER_TOWN = re.compile(r"(?:['’]s-)?[^\W\d_][\w'’.-]{0,30}(?:(?:[ \t]{1,2}|,[ \t]{1,2}|[ \t]?-[ \t]?)[^\W\d_][\w'’.-]{0,30}){0,3}")
_NOT_AN_ANSWER = frozenset("""yes yeah yep no nope not sorry same what pardon sure ok okay um uh erm hmm i i'm it it's
its that that's thats this there here just still sí si sì oui non ja nein sim não isso é eh ah well hold wait one
moment momento attendez un una uno we you he she they my our his her their is was can could dont don't dunno
same""".split())
_POSTAL_Q = re.compile(r"(?i)\bpostal[ \t]code\b")
_EN_DIGITS = frozenset("zero oh one two three four five six seven eight nine".split())
_WORD = re.compile(r"[^\W\d_]+")


def _turns(text: str) -> Iterator[tuple[str, int, int]]:
    """Each line that is a speaker's turn: (speaker, start of what is said, end of the line)."""
    pos = 0
    for _ in range(_MAX_LINES):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        m = pii_address_answers._LABEL.match(text, pos, end) if end - pos <= _MAX_LINE else None
        if m is not None:
            yield m.group(1).lower(), m.end(), end
        if end >= len(text):
            break
        pos = end + 1


def _answer_span(text: str, a: int, z: int) -> tuple[int, int] | None:
    """The town said in a turn (a..z), with a postcode read in other languages' number words after it."""
    while z > a and text[z - 1] in " \t.!":
        z -= 1
    f = _FILLER.match(text, a, z)
    a = f.end() if f else a
    comma = text.find(", ", a, z)
    head = z if _ANSWER_TOWN.fullmatch(text, a, z) else comma
    if head <= a or not _ANSWER_TOWN.fullmatch(text, a, head):
        return None
    words = [w.lower() for w in _WORD.findall(text[a:head])]
    if not words or words[0] in _NOT_AN_ANSWER:
        return None
    if head == z:
        return a, z
    said = [w.lower() for w in _WORD.findall(text[head:z])]
    if 2 <= len(said) <= 10 and not any(c.isdigit() for c in text[head:z]) and all(w in NUMBER_WORDS for w in said):
        return a, z  # "Madrid, veintiocho cero cuarenta y cinco"
    return None


def _call_answers(text: str) -> Iterator[Found]:
    if ":" not in text and "：" not in text:
        return
    before: tuple[str, int, int] | None = None
    for turn in _turns(text):
        if before is not None and turn[0] != before[0]:
            _, qa, qz = before
            _, a, z = turn
            cut = max(text.rfind(", ", qa, qz), text.rfind(". ", qa, qz))  # "… Hollis Street, and the suburb?"
            if _TOWN_Q.fullmatch(text, qa, qz) or (cut > qa and _TOWN_Q.fullmatch(text, cut + 1, qz)):
                span = _answer_span(text, a, z)
                if span is not None:
                    yield "ADDRESS", span[0], span[1], _SCORE
            elif _POSTAL_Q.search(text, qa, qz):
                said = _WORD.findall(text[a:z].lower())
                if len(said) == 6 and all(w in _EN_DIGITS for w in said) and \
                        re.fullmatch(r"[a-z ,]{1,60}", text[a:z].strip().lower()):
                    yield "ADDRESS", a, z - (len(text[a:z]) - len(text[a:z].rstrip(" \t.!"))), _SCORE
        before = turn


def find_town_fields(text: str) -> list[Found]:
    """A form's town and postcode fields of the customer's address, and a town or a Singapore postal code said as the
    answer to its question in a call (see the module's docstring)."""
    out: list[Found] = []
    for found in (*_form_towns(text), *_call_answers(text)):
        out.append(found)
        if len(out) >= CAP:
            break
    return out
