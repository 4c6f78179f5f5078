"""Addresses as forms, calls and letterheads give them (session 29, issue 21; docs/security.md "Session 29").

Three forms the rules before missed, read from the ADDRESS misses of blind45*-48* (seen sets):

- **Form fields**: the value of a postcode or town field ("CP: 20001", "Localidad: Donostia", "ZIP: 60614",
  "Código postal: 4430-192 Vila Nova de Gaia") in a message laid out as a form ("Label: value" lines) that also has
  a street field. A postcode said alone in a call's turn, or written inline ("RFC …, CP 44160"), is not a field (a
  kept ZIP), nor is a contact form's "City: Amman" without an address.
- **A UK or Irish postcode read out** in the answer to a postcode question, whole or in part, in the letters, digit
  words and NATO words a transcript writes ("b s seven", "e h three … nine q n", "m one four, um, seven x ray,
  foxtrot", "d six w, y two seven one").
- **A letterhead's or signature's postcode-and-town line** ("04177 Leipzig", "38033 Grenoble Cedex 2", "1017 XG
  Amsterdam") right after a line that is a street with its house number ("Lindenauer Markt 7", "Industriestraße 4–8")
  or a PO box ("BP 2214", "Postfach 10 04 33"), or after one on the same line ("Lerchenfelder Gürtel 43/12, 1160
  Wien"): both lines are the address, whatever street word the type lists lack.

Every pattern is linear (bounded repeats, no nested quantifiers over the same characters) and each finder reads
the text once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

Found = tuple[str, int, int, float]

# ---- form fields -------------------------------------------------------------------------------------------------
_FORM_LINE = re.compile(r"(?m)^[ \t]{0,4}[^\W\d_][\w .'’/-]{0,30}?[ \t]?:[ \t]{0,4}\S")
_POSTAL_LABEL = (r"c\.?p\.?|c[óo]d(?:igo|\.)?[ \t]postal|cep|zip(?:[ \t]?code)?|post[ \t]?code|postal[ \t]code|plz|"
                 r"code[ \t]postal|cap|kod[ \t]pocztowy|postleitzahl|postcode")
_TOWN_LABEL = (r"localidad|ciudad|poblaci[óo]n|municipio|city|town|ville|commune|ort|stadt|wohnort|localit[àa]|"
               r"citt[àa]|comune|miasto|miejscowo[śs][ćc]|cidade|localidade|concelho|plaats|woonplaats|suburb|"
               r"plz[ \t]?/[ \t]?ort|state|province|provincia|estado")
_FIELD = re.compile(rf"(?im)^[ \t]{{0,4}}(?:(?P<postal>{_POSTAL_LABEL})|(?P<town>{_TOWN_LABEL}))[ \t]?:[ \t]{{0,4}}"
                    r"(?P<value>[^\n]{1,60}?)[ \t]*$")
_ADDRESS_FIELD = re.compile(r"(?im)^[ \t]{0,4}(?:(?:service|home|billing|delivery|shipping|postal|mailing|residential|"
                            r"current|new|street)[ \t_]?)?(?:direcci[óo]n|domicilio|address(?:[ \t_]?line)?(?:[ \t_]?1)?|"
                            r"adresse|anschrift|stra(?:ß|ss)e|indirizzo|morada|endere[çc]o|adres|ulica|street|calle|rua|"
                            r"via)[ \t]?:(?![ \t]*(?:p\.?[ \t]?o\.?[ \t]?box|postfach|apartado))")
_POSTAL_VALUE = re.compile(r"[A-Za-z]{0,2}[ -]?\d[\dA-Za-z -]{2,9}(?:[ \t,]+[^\W\d_][\w'’ -]{1,40})?")
_TOWN_VALUE = re.compile(r"[^\W\d_][\w'’.-]*(?:[ \t-]{1,2}[\w'’.-]+){0,4}")


def _form_fields(text: str) -> Iterator[Found]:
    if ":" not in text:
        return
    if len(_FORM_LINE.findall(text)) < 3 or not _ADDRESS_FIELD.search(text):
        return
    for m in _FIELD.finditer(text):
        value = m.group("value")
        shape = _POSTAL_VALUE if m.group("postal") else _TOWN_VALUE
        if shape.fullmatch(value) and (m.group("town") or any(c.isdigit() for c in value)):
            yield "ADDRESS", m.start("value"), m.end("value"), 0.8


# ---- a UK or Irish postcode read out after its question ------------------------------------------------------------
_POSTCODE_QUESTION = re.compile(r"(?i)\b(?:post[ \t]?code|eircode|postal[ \t]code)\b")
_ANSWER_CHARS = 200
_NATO = ("alpha alfa bravo charlie delta echo foxtrot golf hotel india juliet juliett kilo lima mike november oscar "
         "papa quebec romeo sierra tango uniform victor whiskey whisky xray yankee zulu").split()
_DIGIT_WORDS = {w: str(i) for i, w in enumerate("zero one two three four five six seven eight nine".split())}
_DIGIT_WORDS.update({"oh": "0", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14",
                     "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19",
                     "twenty": "20"})
_TOKEN = re.compile(r"(?i)(?<![\w'’-])(?:x[ -]?ray|" + "|".join(_NATO) + "|" + "|".join(_DIGIT_WORDS)
                    + r"|\d{1,2}|[a-z])(?![\w'’-])")
_GAP = re.compile(r"[ \t]{1,2}|,[ \t]{0,2}|[ \t]?-[ \t]?")


def _char(token: str) -> str:
    low = token.lower().replace(" ", "").replace("-", "")
    if low in _DIGIT_WORDS:
        return _DIGIT_WORDS[low]
    if low.isdigit():
        return low
    return low[0].upper()  # a letter, or a NATO word's first letter ("xray" → X)


_UK_OR_EIRCODE = re.compile(r"[A-Z]{1,2}\d[A-Z\d]?(?:\d[A-Z]{2})?|[A-Z]\d[\dW](?:[A-Z\d]{4})?|\d[A-Z]{2}")


def _is_postcode_piece(chars: list[str]) -> bool:
    """An outward code (letters then a district: "BS7", "EH3", "M14", "NW1"), a whole postcode ("EH39QN", "M147XH"),
    an Eircode or its routing key ("D6WY271", "D6W"), or an inward code (a digit and two letters: "9QN", "4EG",
    "7XF"); never a reference read out ("SL20914")."""
    return bool(_UK_OR_EIRCODE.fullmatch("".join(chars)))


def _postcodes_read_out(text: str) -> Iterator[Found]:
    low = text.lower()
    if "code" not in low:
        return
    last_end = 0
    for question in _POSTCODE_QUESTION.finditer(text):
        start = max(question.end(), last_end)
        end = min(len(text), question.end() + _ANSWER_CHARS)
        second_line = text.find("\n", text.find("\n", question.end()) + 1)
        if text.find("\n", question.end()) >= 0 and second_line >= 0:
            end = min(end, second_line)  # the answer's turn only, not what the agent says after it
        run: list[re.Match] = []
        for token in _TOKEN.finditer(text, start, end):
            if run and not _GAP.fullmatch(text, run[-1].end(), token.start()):
                yield from _run_span(run)
                run = []
            run.append(token)
        yield from _run_span(run)
        last_end = end


def _run_span(run: list[re.Match]) -> Iterator[Found]:
    if len(run) < 3:
        return
    chars = [_char(t.group()) for t in run]
    if _is_postcode_piece(chars):  # the whole run only ("sorry no" between a false start and its correction splits it)
        yield "ADDRESS", run[0].start(), run[-1].end(), 0.8


# ---- a Brazilian CEP or a Polish postcode given as the answer to its question (rule 4) ------------------------------
# The labelling guide makes a postcode alone an ADDRESS where it picks out a few streets (Brazil's CEP, Poland's kod
# pocztowy) and a kept ZIP where it covers a district (US, Mexico, Australia, the Philippines, Turkey, Indonesia): only
# the first two are read here, written ("04538-132", "31-142") or said in number words ("quatro zero um um zero, cento
# e vinte", "trzydzieści jeden, sto czterdzieści dwa").
_CEP_QUESTION = re.compile(r"(?i)\b(?:cep|kod(?:u)?[ \t]pocztow\w{0,3})\b")
_NUMBER_WORDS = frozenset("""zero um uma dois duas três tres quatro cinco seis meia sete oito nove dez onze doze treze
catorze quatorze quinze dezesseis dezasseis dezessete dezassete dezoito dezenove dezanove vinte trinta quarenta cinquenta
sessenta setenta oitenta noventa cem cento duzentos trezentos quatrocentos quinhentos seiscentos setecentos oitocentos
novecentos jeden dwa trzy cztery pięć sześć siedem osiem dziewięć dziesięć jedenaście dwanaście trzynaście czternaście
piętnaście szesnaście siedemnaście osiemnaście dziewiętnaście dwadzieścia trzydzieści czterdzieści pięćdziesiąt
sześćdziesiąt siedemdziesiąt osiemdziesiąt dziewięćdziesiąt sto dwieście trzysta czterysta pięćset sześćset siedemset
osiemset dziewięćset""".split())
_WORD_OR_NUMBER = re.compile(r"[^\W\d_]+|\d+(?:-\d+)?")
_WRITTEN_CODE = re.compile(r"\d{5}-?\d{3}|\d{2}-\d{3}")


def _cep_answers(text: str) -> Iterator[Found]:
    low = text.lower()
    if "cep" not in low and "pocztow" not in low:
        return
    for question in _CEP_QUESTION.finditer(text):
        end = min(len(text), question.end() + _ANSWER_CHARS)
        first_line = text.find("\n", question.end())
        second_line = text.find("\n", first_line + 1) if first_line >= 0 else -1
        if second_line >= 0:
            end = min(end, second_line)
        run: list[re.Match] = []
        for token in _WORD_OR_NUMBER.finditer(text, question.end(), end):
            word = token.group().lower()
            if word in _NUMBER_WORDS or (word in ("e", "i") and run) or _WRITTEN_CODE.fullmatch(word):
                if run and text[run[-1].end():token.start()].strip(" \t,") != "":
                    yield from _number_run(text, run)
                    run = []
                run.append(token)
            elif run:
                yield from _number_run(text, run)
                run = []
        yield from _number_run(text, run)


def _number_run(text: str, run: list[re.Match]) -> Iterator[Found]:
    while run and run[-1].group().lower() in ("e", "i"):
        run = run[:-1]
    if not run:
        return
    if len(run) == 1 and not _WRITTEN_CODE.fullmatch(run[0].group()):
        return
    if len(run) >= 3 or _WRITTEN_CODE.fullmatch(run[0].group()):
        yield "ADDRESS", run[0].start(), run[-1].end(), 0.8


# ---- a letterhead's postcode-and-town line after its street line ----------------------------------------------------
# a town: capitalised words, with particles between them ("Vila Nova de Gaia", "Frankfurt am Main") and a district
# number after ("Grenoble Cedex 2", "Dublin 4")
_TOWN = (r"[^\W\d_][\w'’-]{1,30}(?:[ \t]{1,2}(?:(?:de|da|do|dos|del|di|am|an|im|sur|la|le|les|ob)"
         r"[ \t]{1,2})?[A-ZÀ-Þ][\w'’-]{0,30}){0,4}(?:[ \t](?i:cedex)(?:[ \t]\d{1,2}(?![\w.,/:-]\d))?)?")
_POSTCODE_TOWN = re.compile(r"(?<![\w.-])(?:\d{5}|\d{4}[ \t]?[A-Z]{2}|\d{4}-\d{3}|\d{2}-\d{3}|(?!19|20)\d{4})[ \t]{1,3}"
                            rf"(?P<town>{_TOWN})(?=[ \t]*(?:$|\n|[,·|;.!?)]|[ \t][a-zà-ÿ\d]))", re.MULTILINE)
_HOUSE_NUMBER = r"\d{1,4}[a-zA-Z]?(?:[ \t]?[–/-][ \t]?\d{1,4}[a-zA-Z]?){0,2}(?:-[IVX]{1,4}|[ \t]?bis)?"
_HOUSE_NUMBER_END = re.compile(rf"(?<![\w'’.-])[^\W\d_][\w'’.-]{{0,40}}[ \t,]{{1,2}}{_HOUSE_NUMBER}$")
_STREET_LINE = re.compile(rf"(?<![\w'’.-])[^\W\d_][\w'’.-]{{0,40}}(?:[ \t,]{{1,2}}[\w'’.-]{{1,40}}){{0,6}}"
                          rf"[ \t,]{{1,2}}{_HOUSE_NUMBER}")
_PO_BOX = re.compile(r"(?i)(?:postfach|bp|b\.p\.|apartado(?:[ \t]de[ \t]correos)?|postbus|case[ \t]postale|"
                     r"skrytka[ \t]pocztowa|po[ \t]box|p\.o\.[ \t]box)[ \t]{1,2}\d[\d \t]{0,10}\d")
_CALENDAR = frozenset("""january february march april may june july august september october november december jan
feb mar apr jun jul aug sep sept oct nov dec januar februar märz mai juni juli oktober dezember janvier février mars
avril juin juillet août septembre octobre novembre décembre enero febrero marzo abril mayo junio julio agosto
septiembre octubre noviembre diciembre gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre
januari februari maart mei augustus monday tuesday wednesday thursday friday saturday sunday montag dienstag
mittwoch donnerstag freitag samstag sonntag""".split())
_UNIT_WORDS = frozenset("nave local bajo piso planta puerta unit suite halle tor lok. lokal m. apt apt. int.".split())
_PARTICLES = frozenset("de del della di da do dos das van von der den des la le les am an im auf zu y e ul. al. pl. os."
                       .split())
_NOT_STREET_START = re.compile(r"(?i)(?:tel|telefon|phone|fax|mobil|mobile|iban|bic|swift|ust|vat|steuer|hrb|hra|"
                               r"amtsgericht|kunden|rechnung|invoice|order|konto|page|seite|ref|nr|no|datum|date|"
                               r"total|betrag|summe|importe|montant|cif|nif|siret|kvk|btw|www|http)\b")
_NOT_TOWN = frozenset("euro euros eur stück stk tage days jours días minuten minutes uhr hours kwh kg km mal times "
                      "pieces unidades items punkte points rechnung rechnungen invoice invoices factura facture "
                      "artikel kunden kunde bestellung order orders euro-cent".split())
_LOOK_BACK = 120  # characters read back from a postcode for its street (a street line is at most 80)
_STREET_WORDS = frozenset("""street st road rd avenue ave av boulevard blvd lane ln drive dr way court ct place pl
terrace crescent close parade highway hwy parkway pkwy square sq row circle cir trail walk straße strasse str gasse weg
allee platz ring rue chemin calle avenida rua via viale piazza corso straat laan plein ulica aleja""".split())
_SEPARATOR_BEFORE = re.compile(r"[ \t]{0,2}(?:,|·|\||–|-)[ \t]{0,2}$")


def _street_before(text: str, end: int) -> tuple[int, int] | None:
    """The street-with-number or PO box that ends right before `end` (on the previous line, or before ", " / " · " on
    the same line): its span, else None."""
    line_start = max(text.rfind("\n", max(0, end - _LOOK_BACK), end) + 1, end - _LOOK_BACK)  # bounded: linear
    same = text[line_start:end]
    sep = _SEPARATOR_BEFORE.search(same)
    if sep is not None and sep.start() > 0:  # "Lerchenfelder Gürtel 43/12, 1160 Wien"
        a, z = line_start, line_start + sep.start()
    elif not same.strip():  # the postcode opens its line: the street is the line before
        z = line_start - 1
        if z <= 0:
            return None
        a = max(text.rfind("\n", max(0, z - _LOOK_BACK), z) + 1, z - _LOOK_BACK)
    else:
        return None
    while a < z and text[a] in " \t":
        a += 1
    while z > a and text[z - 1] in " \t,":
        z -= 1
    piece = text[a:z]
    if not piece or len(piece) > 80:
        return None
    # the street may follow a name or firm on the same line after " · " ("funkwelle mobil GmbH · Postfach 10 04 33")
    tail = re.split(r"[ \t]·[ \t]|[ \t]\|[ \t]", piece)[-1]
    a = z - len(tail)
    if _PO_BOX.fullmatch(tail):
        return a, z
    if sep is None:  # a line of its own: the whole line is the street ("Polígono Landaben, calle E, nave 14")
        if not _STREET_LINE.fullmatch(tail) or _NOT_STREET_START.match(tail):
            return None
        return a, z
    if not _HOUSE_NUMBER_END.search(tail):
        return None
    # on the postcode's line, after other words ("… in der Lerchenfelder Gürtel 43/12, 1160 Wien"): the capitalised
    # words (and particles) right before the house number
    words = list(re.finditer(r"[^ \t,]+", tail))
    k = len(words) - 1
    while k > 0 and (words[k - 1].group()[:1].isupper() or words[k - 1].group().lower() in _PARTICLES
                     or words[k - 1].group().lower() in _UNIT_WORDS) and \
            words[k - 1].group().lower().rstrip(".,") not in _CALENDAR and not words[k - 1].group().endswith(":"):
        k -= 1  # "Adresse: Kleine Gartenstraße 9": a field's label is no part of the street
    while k < len(words) - 1 and words[k].group().lower() in _PARTICLES:
        k += 1
    if k == len(words) - 1:
        return None  # a number with no street word before it
    return a + words[k].start(), z


def _letterhead_lines(text: str) -> Iterator[Found]:
    if not any(c.isdigit() for c in text):
        return
    for m in _POSTCODE_TOWN.finditer(text):
        town_words = m.group("town").lower().split()
        if town_words[0] in _NOT_TOWN or any(w.rstrip(".") in _STREET_WORDS for w in town_words):
            continue  # "1450 Harbour Blvd" is a house number and its street, not a postcode and a town
        street = _street_before(text, m.start())
        if street is None:
            continue
        if text.count("\n", street[1], m.start()) == 0 and street[1] <= m.start():  # same line: one span
            yield "ADDRESS", street[0], m.end(), 0.8
        else:
            yield "ADDRESS", street[0], street[1], 0.8
            yield "ADDRESS", m.start(), m.end(), 0.8


def find_address_forms(text: str) -> list[Found]:
    """ADDRESS spans of the three forms above."""
    return [*_form_fields(text), *_postcodes_read_out(text), *_cep_answers(text), *_letterhead_lines(text)]
