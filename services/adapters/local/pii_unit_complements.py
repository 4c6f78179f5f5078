"""An address's complement and its postcode-town line written apart from the street are an address (session 40, 40-2).

By the labelling conventions (``tests/data/pii/build.py``) the writer's own flat, floor and door ("3º B", "2.º Esq",
"bajo izquierda", "interno 6", "lägenhet 1102", "lokalu nr 12", "bytu č. 15", "appartement 41", "διαμερίσματος Γ2",
"Whg. 12", "3. OG links", "apto 72") is an ``ADDRESS`` even when the street is said elsewhere or not at all, and so is
a postcode with its town on a line of its own ("3771 ME Barneveld", "163 74 Spånga", "586 01 Jihlava", "46006
València") with the street line right above it. The finders of ``pii_own_units`` take a unit only after "I live in",
a self-introduction or a tenancy's subject line; this module adds:

- :func:`find_unit_complements`: a unit (a designator of the languages our messages mix and its number, or a Spanish
  or Portuguese floor and door, a German floor and side, a French floor and door) after the writer's own role or
  home: "soy propietaria del 3º B", "como inquilino del 4ºB", "sono la proprietaria dell'interno 9", "je suis
  copropriétaire de l'appartement 41", "jsem majitelka bytu č. 15", "jako właścicielka lokalu nr 12", "Ως
  ιδιοκτήτρια του διαμερίσματος Γ2", "I'm the owner of flat 3B" (a first-person word before the role on its line);
  "Jag hyr lägenhet 1102", "sto all'interno 6", "sou do 3º Esq", "ich wohne im 3. OG links", "j'habite au 5e
  gauche" (a French floor and side, since 44-6), "I'm flat 19", "its
  flat 14"; the writer's own home named before it ("nel mio appartamento, interno 7", "in meiner Wohnung (2. OG
  links)", "in my flat (Flat 12, …)"); a signature's name with its unit ("Zofia, flat 2B", "Inês (2.º Dto)",
  "Leonie Haas, Wohnung 5", "Mvh lägenhet 1102"); a subject line ending in the unit ("Asunto: Derrama fachada –
  piso 3º B", "Oggetto: … – negozio int. 1"); the customer's whole turn or a form's complement field ("Cliente:
  4º dcha", "Cliente: apto 72, bloco B", "Complemento: apto 81");
- :func:`find_postcode_towns`: a line that is a postcode (Dutch "3771 ME", Swedish, Czech, Slovak and Greek "163 74",
  Portuguese "4430-204", Polish "00-950", Brazilian "01311-000", five or four digits, a country's "LV-", "CH-") and a town (a capital, then a lower-case letter), alone or after a
  form's or a speaker's label ("Postcode/plaats: 5211 KH 's-Hertogenbosch", "Cliente: 28008 Madrid"); and the
  street line right above it when that line is a street and its house number (with a complement after a comma):
  "Nijverheidsweg 12", "Jihlavská 1187/42", "C/ Sueca 61, bajo".

The designators of flats, units, floors, staircases and doors come from one table, ``pii_unit_words`` (session 43,
43-3), shared by the three unit finders.

Look-alikes it never takes: a neighbour's unit ("la vecina del 3ºB", "il vicino dell'interno 5"), anyone else's
("le recuerdo a la inquilina del 3º B": no first-person word), a room, seat, gate, bay or table (no designator of
them is on the list), a floor alone ("3. OG", "4e étage": a kept place), a school class ("5.º B" after "aluno"/"do
aluno": no cue), a temperature ("14°C": a door's letter must end the word), an Italian phone extension in a signature
("Tel. 035 442 1876 int. 214", "Ufficio Acquisti, int. 238"), a condominium's "interno" signed
after a name ("Enrico Sala, interno 9": a kept place), a German "Whg. 3. OG" read as "Whg. 3"; a Spanish number plate
after "¿matrícula?" ("4471 KLM": the town needs a lower-case letter), a postcode alone (a kept ``ZIP``). At most 24
spans a message.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from services.adapters.local.pii_own_units import _NUMBER_WORD, _own
from services.adapters.local.pii_unit_words import DANISH_FLOOR_SIDE, DOOR_SIDE, FLAT, STAIR

CAP = 24
_END = r"(?![\w'’])"
_NUM = rf"(?:\d{{1,4}}[A-Za-z]?(?:[-/.]\d{{1,3}}[A-Za-z]?)?(?![\w'’]|\.\w|\.[ \t]?(?:OG|EG|DG))|{_NUMBER_WORD}{_END})"
# a Spanish or Portuguese floor and door: "3º B", "4.º C", "2.º Dto", "3º izquierda", "4º dcha", "1.º Esq"
_FLOOR_DOOR = (rf"\d{{1,2}}\.?[ \t]?(?:[ºª]|°(?![ \t]?[CF](?![\w'’])))[ \t]?(?:(?i:{DOOR_SIDE})|[A-Za-z])(?![\w'’])")
_UNIT = (
    rf"(?:{_FLOOR_DOOR}|"
    rf"(?i:bajo[ \t](?:izquierda|derecha|izq|dcha|[a-d]))(?![\w'’])|"
    rf"(?:Wohnung[ \t])?\d{{1,2}}\.[ \t]?(?:OG|DG|Stock)[ \t](?:links|rechts|mitte)(?![\w'’])|EG[ \t](?:links|rechts)(?![\w'’])|"
    rf"(?i:\d{{1,2}}(?:e|er|ème|è)[ \t](?:étage,?[ \t])?(?:porte[ \t](?:gauche|droite|\d{{1,3}})|gauche|droite))(?![\w'’])|"
    rf"(?i:lejl\.|lejlighed)[ \t]{DANISH_FLOOR_SIDE}|"
    rf"(?i:wohnung[ \t]nr\.|appartement[ \t]n°|{FLAT})[ \t]?{_NUM}|"
    rf"(?i:διαμερίσματος|διαμέρισμα)[ \t][Α-ΩA-Z]?\d{{1,3}}(?![\w'’]))")
# the writer's role in the building, a first-person word before it on its line
_ROLE = re.compile(
    rf"(?i:(?<![\w'’])(?:co)?(?:propietari[oa]|inquilin[oa]|dueñ[oa]|propriet[aá]ri[oa]|morador[a]?|propriétaire|"
    rf"locataire|owner|tenant|leaseholder|majitel(?:ka)?|nájemník|nájemnice|właściciel(?:ka)?|najemca|najemczyni|"
    rf"ιδιοκτήτ(?:ρια|ης)|eigenaar|eigenares|huurder|eigentümer(?:in)?|mieter(?:in)?)"
    rf"[ \t](?:of[ \t](?:the[ \t])?|del[ \t]?|de[ \t]la[ \t]|de[ \t]l['’]|do[ \t]|da[ \t]|dell['’]|della[ \t]|du[ \t]|"
    rf"au[ \t]|de[ \t]|του[ \t]|van[ \t]|in[ \t]der[ \t]|der[ \t])?"
    rf"(?:(?:fração|fracción|lot)[ \t]\w{{1,3}},?[ \t]|(?:la|el|il|the)[ \t])?({_UNIT}))")
_FIRST_PERSON = re.compile(
    r"(?i:(?<![\w'’])(?:soy|sou|sono|je[ \t]suis|i['’]?m|i[ \t]am|como|come|in[ \t]qualità[ \t]di|jako|as|ως|ich[ \t]bin|"
    r"als|jsem|ik[ \t]ben|jag[ \t]är|escribo|scrivo|écris)(?![\w'’]))")
# the writer living or renting there
_LIVES = re.compile(
    rf"(?i:(?<![\w'’])(?:(?:jag|vi)[ \t](?:hyr|bor[ \t]i)|sou[ \t]d[oa]|soy[ \t]del|(?:eu[ \t])?moro[ \t]n[oa]|"
    rf"(?:yo[ \t])?vivo[ \t]en[ \t]el|el[ \t]mío[ \t]es[ \t]el|la[ \t]mía[ \t]es[ \t]la|ich[ \t]wohne[ \t]im|"
    rf"wir[ \t]wohnen[ \t]im|j['’]habite[ \t]au|i['’]?m[ \t]in)[ \t]{{1,2}}({_UNIT})|"
    rf"(?<![\w'’])(?:io[ \t])?(?:sto|abito|vivo)[ \t]all['’][ \t]?({_UNIT})|"
    rf"(?<![\w'’])(?:(?:piso|vivienda)[ \t]|(?:fração|fracción)[ \t](?:[A-Z]{{1,2}},?[ \t]\(?)?)({_FLOOR_DOOR})|"
    rf"(?<![\w'’])(?:i['’]?m|it['’]?s|its|mine[ \t]is|mine['’]s)[ \t]{{1,2}}((?:flat|apt\.?|apartment|unit)[ \t]?{_NUM}))")
# the writer's home named before the unit: "nel mio appartamento (scala C), interno 14", "in my flat (Flat 12"
_HOME = re.compile(
    rf"(?i:(?<![\w'’])(?:nel[ \t]mio[ \t]appartamento|(?:in[ \t])?meiner[ \t]wohnung|(?:in[ \t])?my[ \t](?:flat|apartment)|"
    rf"en[ \t]mi[ \t]piso|no[ \t]meu[ \t]apartamento|dans[ \t]mon[ \t]appartement)"
    rf"(?:[ \t]\([^()\n]{{1,20}}\))?[ \t]?[,(]?[ \t]?(?:(?i:{STAIR})[ \t]\w{{1,3}},[ \t])?({_UNIT}))")
# a signature: the writer's name, then the unit, alone on its line
_SIGNED = re.compile(
    rf"(?m:^[ \t]{{0,4}}(?:[^\W\d_][\w'’.-]{{1,20}}(?:[ \t][^\W\d_][\w'’.-]{{1,20}}){{0,2}}(?:,[ \t]|[ \t]\()|"
    rf"(?i:mvh|mvh\.|lg|vg|saludos|grazie|thanks),?[ \t])"
    rf"(?:(?i:{STAIR})[ \t]\w{{1,3}},[ \t])?({_UNIT}|m\.[ \t]?\d{{1,3}}(?![\w'’]))\)?"
    rf"[ \t.]{{0,2}}$)")
# a subject line ending in the unit
_SUBJECT = re.compile(
    rf"(?im:^(?:subject|asunto|assunto|oggetto|objet|betreff|ämne|emne|temat|předmět|vec|aihe|onderwerp)[ \t]?:[ \t]?[^\n]{{0,80}}?"
    rf"[–—-][ \t](?:(?:piso|local|negozio|appartamento|flat|fração|lokal|vivienda)[ \t])?({_UNIT})[ \t]*$)")
# the customer's whole turn, a form's complement field
_TURN = re.compile(
    rf"(?im:^[ \t]{{0,4}}(?:cliente|customer|caller|client|kunde|klant|kund|complemento|address[ \t]line[ \t]2|"
    rf"adresszusatz|piso[ \t]?[/y][ \t]?puerta)[ \t]?:[ \t]{{0,3}}({_UNIT})[ \t.]{{0,2}}$)")
# a subject line naming a German floor without a door ("Whg. 3. OG links") is unmarked: German floors only after a cue
_GERMAN_FLOOR = re.compile(r"\d{1,2}\.[ \t]?(?:OG|DG|Stock)|EG[ \t]")
_INTERNO = re.compile(r"(?i:int\.|interno)")
# a staircase signed before it makes the "interno" a home's ("Franca Bellini, scala B, int. 7")
_STAIR_BEFORE = re.compile(rf"(?i:{STAIR})[ \t]\w{{1,3}},[ \t]$")


def find_unit_complements(text: str) -> Iterator[tuple[str, int, int, float]]:
    """ADDRESS spans over the writer's own unit, floor or door written apart from the street (the docstring)."""
    return itertools.islice(_units(text), CAP)


def _units(text: str) -> Iterator[tuple[str, int, int, float]]:
    seen: set[tuple[int, int]] = set()
    for pattern in (_ROLE, _LIVES, _HOME, _SIGNED, _SUBJECT, _TURN):
        for m in itertools.islice(pattern.finditer(text), 40):
            start, end = m.span(m.lastindex or 1)
            if (start, end) in seen or not _own(text, start, end):
                continue
            if pattern is _ROLE and not _FIRST_PERSON.search(text, max(text.rfind("\n", 0, m.start()) + 1,
                                                                         m.start() - 60), m.start()):
                continue
            if pattern in (_SUBJECT, _TURN, _SIGNED) and _GERMAN_FLOOR.match(text, start):
                continue
            if (pattern is _SIGNED and _INTERNO.match(text, start)
                    and not _STAIR_BEFORE.search(text, max(0, start - 20), start)):
                continue  # "Ufficio Acquisti, int. 238": a phone's extension; "Enrico Sala, interno 9": a kept place
            seen.add((start, end))
            yield "ADDRESS", start, end, 0.8


# a postcode and its town alone on a line, after a form's or a speaker's label or none
_POSTCODE_TOWN = re.compile(
    r"(?m:^[ \t]{0,4}(?:[^\W\d_][^\W\d_]{0,20}(?:[ ./+]{1,3}[^\W\d_]{1,20}){0,3}[ \t]?:[ \t]{0,3})?"
    r"((?:[A-Z]{1,2}-)?(?:\d{4}[ \t]?[A-Z]{2}|\d{3}[ \t]\d{2}|\d{4}-\d{3}|\d{5}-\d{3}|\d{2}-\d{3}|\d{4,5})[ \t]{1,2}(?:['’]s-)?[^\W\d_][^\W\d_A-Z][\w'’.-]{0,30}"
    r"(?:[ \t](?:[^\W\d_a-z][\w'’.-]{0,30}|\([^\W\d_][\w'’. -]{1,30}\)|\d{1,2}|im|am|an|der|de|la|le|sur|en|del|di|i))"
    r"{0,4})[ \t]*$)")
# a street line: its name and house number, a complement after a comma ("Beukenlaan 41-B", "C/ Sueca 61, bajo")
_STREET_LINE = re.compile(
    r"[ \t]{0,4}(?:[^\W\d_][^\W\d_]{0,20}(?:[ ./+,]{1,3}[^\W\d_]{1,20}){0,3}[ \t]?:[ \t]{0,3})?"
    r"([^\W\d_][\w'’./-]{0,30}(?:[ \t][\w'’./-]{1,30}){0,5}[ \t]\d{1,5}[A-Za-z]?(?:[-/]\w{1,4})?"
    r"(?:,[ \t]{1,2}[^\n,]{1,25})?)[ \t]*")


def find_postcode_towns(text: str) -> Iterator[tuple[str, int, int, float]]:
    """ADDRESS spans over a postcode-town line and the street line above it (the docstring)."""
    return itertools.islice(_postcode_towns(text), CAP)


def _postcode_towns(text: str) -> Iterator[tuple[str, int, int, float]]:
    for m in itertools.islice(_POSTCODE_TOWN.finditer(text), 40):
        if not _town_capital(m.group(1)):
            continue
        yield "ADDRESS", m.start(1), m.end(1), 0.8
        above_end = m.start() - 1
        if above_end <= 0 or text[above_end] != "\n":
            continue
        above_start = text.rfind("\n", 0, above_end) + 1
        street = _STREET_LINE.fullmatch(text, above_start, above_end)
        if street is not None:
            yield "ADDRESS", street.start(1), street.end(1), 0.8


_POSTCODE = re.compile(r"(?:[A-Z]{1,2}-)?(?:\d{4}[ \t]?[A-Z]{2}(?=[ \t])|\d{3}[ \t]\d{2}(?=[ \t])|\d{4,5}-\d{3}|"
                       r"\d{2}-\d{3}|\d{4,5})")


def _town_capital(line: str) -> bool:
    """Whether the town after the postcode starts with a capital ("Barneveld", "'s-Hertogenbosch"; not "sorry")."""
    town = line[_POSTCODE.match(line).end():].lstrip(" \t")  # type: ignore[union-attr]
    town = town.removeprefix("'s-").removeprefix("’s-")
    return town[:1].isupper()
