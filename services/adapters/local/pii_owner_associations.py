"""Owners' associations, condominiums, housing cooperatives and residences named by their street or building are a
kept name, not an address (session 40, candidate 40-3).

By the labelling conventions (``tests/data/pii/build.py``) the name of a community of owners, a condominium, a housing
cooperative or company, or a residence, that holds a street and number or a building's name is a kept ``COMPANY`` (a
residence named alone a kept ``PLACE``): "Comunidad de Propietarios Calle Bailén 33", "C.P. Velázquez 44",
"Condominio Via Nizza 88", "condominio di via Solferino 22", "Condomínio Rua de Cedofeita 412", "WEG Lessingstraße
12", "Wohnungseigentümergemeinschaft Bergstraße 4–6", "VvE Vondelstraat 84-92", "BRF Linnégården", "brf Solrosen 4",
"As Oy Kalevankatu 18", "Borettslaget Solbakken", "SVJ …", "Wspólnota Mieszkaniowa Słoneczna 5", "Spółdzielnia
Mieszkaniowa „Zorza”", "Teréz krt. 22. Társasház", "Grefsen Terrasse Borettslag", "Umhlanga Ridge Body Corporate",
"la copropriété Résidence Les Arcades", "Résidence Les Tilleuls, bât. C". The address finders, the tagger and the NER
model take the street in it for an ``ADDRESS`` (or the name for a ``PERSON``).

:func:`keep_association_names` (wired after the PERSON check in the default detector, after the filters in the
rules-only one) finds such names — an association's word ("Comunidad de Propietarios", "C.P.", "Condominio",
"Condomínio", "WEG", "Wohnungseigentümergemeinschaft", "VvE", "Vereniging van Eigenaars", "BRF",
"Bostadsrättsföreningen", "As Oy", "Asunto Oy", "Kiinteistö Oy", "Borettslaget", "Sameiet", "Ejerforeningen", "SVJ",
"Společenství vlastníků", "Spoločenstvo vlastníkov", "Bytové družstvo", "Wspólnota Mieszkaniowa", "Spółdzielnia
Mieszkaniowa", "Asociația de Proprietari", "Syndicat des copropriétaires", "copropriété") before its name, or after it
("Társasház", "Lakásszövetkezet", "Borettslag", "Sameie", "Body Corporate", "Owners Corporation", "Homeowners
Association"), or a residence's word ("Résidence", "Residenza", "Residencial", "Edifício", "Edificio") before a
building's name; a name is one to seven words on the line (capitalised words, their connectors "de", "di", "van", a
street's type word "via", "calle", "krt.") ending with its house number ("12", "84-92", "4–6", "14B", "I, 14") or with
a word — and then:

- an ``ADDRESS`` span inside the name, or over the name and words before it that hold no digit ("Spett.le Condominio
  Via Roma 44", "Styrelsen, BRF Linnégården"), is dropped, and so is one that goes on only to a company's tax or
  register id ("Plaza Xúquer 12, CIF H46718204") or, for a residence, to words with no digit ("Résidence Les
  Tilleuls, bât. C");
- an ``ADDRESS`` span that goes on from an association's name to a flat or a street number keeps that part only: the
  writer's own flat stays an ``ADDRESS`` ("C.P. Velázquez 44 – 3ºB" masks "3ºB", "Comunidad de Propietarios Calle
  Bailén 33, 2º B" masks "2º B", "la copropriété Résidence Les Arcades, 112 boulevard Voltaire" the street);
- a ``PERSON`` span inside the name is dropped.

Look-alikes it never takes: a name inside someone's address (a digit before it in the span: "Appt 12, Résidence Les
Tilleuls", "Flat 3, …"), an association's street followed by a postcode or its town ("WEG Schillerstraße 14, 01069
Dresden", "condominio di Via Garibaldi 40, Treviso": the association's postal address is an address), a residence in
an address ("Résidence du Parc, Bât. C, 12 avenue Jean Jaurès", "résidence Les Tilleuls, bâtiment C, 33400 Talence",
a flat or a number in its clause, the line under it a street or a postcode, "mon adresse" or "j'habite" before it),
a postcode's label ("C.P.: 28028", "C.P. 28028": no name after it), the Mexican title "C.P." before a person (a
"C.P." name must hold a number), German "weg" and "Weg" (only the capitals "WEG" are the association), an
association's word with no name after it ("la junta de la comunidad", "assemblea di condominio martedì", "Předseda SVJ
pan Horák"), a person's name after the word (a name with no number that opens with a given name we know:
"condominio Mario Rossi" is read as no name), and a street with no association's word ("Calle Bailén 33, 2º B",
"Via Torino 44"). At most 20 names and 60 spans a message are looked at.
"""

from __future__ import annotations

import itertools
import re

from services.adapters.local import pii_rules
from services.models import PiiSpan

_MAX_NAMES = 20
_MAX_HEADS = 100  # an association's or a residence's words read a message, of each kind
_MAX_SPANS = 60
_MAX_WORDS = 7

# an association's word before its name; "C.P." only as capitals (its name must hold a number), "WEG" only as capitals
_HEAD = re.compile(
    r"(?<![\w./-])(?:"
    r"(?i:comunidad[ \t]de[ \t](?:propietarios|vecinos)|cdad\.[ \t]de[ \t]propietarios|comunitat[ \t]de[ \t]"
    r"propietaris|supercondominio|condom[ií]nio(?:[ \t](?:di|del|dello|della|do|da))?|"
    r"wohnungseigentümergemeinschaft|eigentümergemeinschaft|stockwerkeigentümergemeinschaft|gemeinschaft[ \t]der[ \t]"
    r"wohnungseigentümer|vereniging[ \t]van[ \t]eigena(?:ars|ren)|bostadsrättsföreningen|asunto[ \t]oy|"
    r"asunto-osakeyhtiö|kiinteistö[ \t]oy|borettslaget|sameiet|ejerforeningen|andelsboligforeningen|"
    r"společenství[ \t]vlastníků(?:[ \t](?:jednotek|bytů))?(?:[ \t]domu)?|spoločenstvo[ \t]vlastníkov(?:[ \t]bytov)?|"
    r"bytové[ \t]družstvo|wspólnot[aęy]?[ \t]mieszkaniow(?:a|ej|ą)|spółdzielni[aę]?[ \t]mieszkaniow(?:a|ej|ą)|"
    r"asocia[țţt]ia[ \t]de[ \t]proprietari|syndicat[ \t]des[ \t]copropriétaires|copropriété)"
    r"(?:[ \t](?:de[ \t]la|du|de[ \t]l['’]?|przy))?"
    r"|(?P<cp>C\.[ \t]?P\.|CC\.[ \t]?PP\.)|WEG|STWEG|VvE|VVE|(?:HSB[ \t])?(?:BRF|Brf|brf)\.?|SVJ|E/F|As\.?[ \t]Oy|"
    r"Bostads[ \t]Ab)"
    r"[ \t]{1,2}(?=[„\"“«'‘]?[^\W\d_])")
# a residence's (a building's) word before its name: a kept place alone, part of an address in an address block
_RESIDENCE = re.compile(r"(?<![\w./-])(?:[Rr]ésidence|RÉSIDENCE|Residenza|Residencial|Edifício|Edificio)[ \t]{1,2}"
                        r"(?=[„\"“«]?[^\W\d_])")
# an association's word after its name ("Teréz krt. 22. Társasház", "Umhlanga Ridge Body Corporate")
_HEAD_AFTER = re.compile(r"[ \t](?:Társasház|társasház|Lakásszövetkezet|lakásszövetkezet|Borettslag|borettslag|"
                         r"Sameie|sameie|Body[ \t]Corporate|Owners['’]?[ \t]Corporation|"
                         r"(?:Homeowners|Residents)['’]?[ \t]Association|Condominium[ \t](?:Association|Corporation))"
                         r"(?![\w-])")
# one word of a name: a word (with an abbreviation's dot, a hyphen, an opening or closing quote) or a house number
_TOKEN = re.compile(r"(?P<number>(?:n[º°.][ \t]?)?\d{1,4}[A-Za-z]?(?:[ \t]?[-–/][ \t]?\d{1,4}[A-Za-z]?)?\.?)"
                    r"(?![^\W_])|[Cc]/|[„\"“«'‘]?[^\W\d_][\w'’-]{0,30}\.?[”\"»]?")
_NUMBER_NEXT = re.compile(r"[ \t]{1,2}\d")
_GAP = re.compile(r"[ \t]{1,2}")
_GAP_NUMBER = re.compile(r"[ \t]{1,2}|,[ \t](?=\d)")  # "Calle Alfonso I, 14": a street's number after a comma
_CONNECTORS = frozenset("""de del della dei degli delle di da das do dos la las le les los lo l' d' van der den het
du des y e i och und zu am an im et of the""".split())
_STREET_TYPES = frozenset("""via viale vicolo corso piazza piazzale largo strada calle c/ avda. avenida av. paseo plaza
pza. carrer rua avenue rue allée boulevard bd. chemin ul. ulica al. aleja os. osiedle pl. plac str. krt. körút utca út
u. tér sz. szám katu tie gatan vägen gata gate gaten vei veien veg vegen plass gade vej allé stræde""".split())
_ABBREVIATIONS = frozenset("av. avda. pza. bd. ul. al. os. pl. str. krt. u. st. sv. sta. sto. dr. gen. c/".split())
_POSTCODE = re.compile(r"(?:[A-Z]{1,2}-)?(?:\d{4,5}|\d{2}-\d{3}|\d{3}[ \t]\d{2}|\d{4}-\d{3}|\d{4}[ \t]?[A-Z]{2})"
                       r"(?![\w-])")
_TOWN_AFTER = re.compile(r",[ \t]{0,2}[A-ZÀ-Þ][a-zà-ÿ'’-]{2,25}(?=[\s,.;:!?)]|\Z)")
_ID_LABEL = re.compile(r"(?i:cif|nif|n\.i\.f\.|p\.?[ \t]?iva|c\.f\.|kvk|ičo|ico|dič|nip|regon|krs|org\.?[ \t]?nr|"
                       r"y-tunnus|adószám|cnpj|ust-?id|siret|siren)\b")
_UNIT = re.compile(r"\d|(?i:piso|planta|puerta|bajo|ático|atico|entresuelo|interno|int\.|scala|apto|apt|apartamento|"
                   r"appartement|appt|app\.|lot|fração|fracção|wohnung|whg|lgh|lägenhet|mieszkanie|lokal|lok\.|m\.|"
                   r"byt|bytu|huisnummer|unit|flat|st\.|th\.|tv\.|mf\.)(?![^\W\d_])")
# the line under a name that makes the name's line an address block's first line: a street with its number first
# ("4 allée des Érables"), a postcode and town ("33600 Pessac"), a street's type word ("rue Paul-Bert 18")
_ADDRESS_LINE = re.compile(r"[ \t]{0,8}(?:\d{1,4}[A-Za-z]?(?:[ \t](?:bis|ter))?,?[ \t]{1,2}[^\W\d_]|(?:[A-Z]{1,2}-)?"
                           r"(?:\d{4,5}|\d{2}-\d{3}|\d{3}[ \t]\d{2}|\d{4}-\d{3})[ \t]{1,2}[^\W\d_]|"
                           r"(?i:rue|avenue|av\.|allée|boulevard|bd|chemin|impasse|calle|c/|avda\.?|avenida|paseo|via|"
                           r"viale|corso|piazza|rua|ul\.|ulica)[ \t])")
# a flat or a unit right before the name on its line: the name is in an address ("fraction C, Edifício Atlântico",
# "Appt 12, Résidence Les Tilleuls")
_UNIT_BEFORE = re.compile(r"(?<![^\W\d_])(?i:fraction|fração|fracção|apt|appt|apartment|apartamento|appartement|"
                          r"flat|unit|lot|piso|apto|interno|int|bât|bâtiment|bloco|block|escalera|scala)\.?[ \t]{0,2}"
                          r"[\w/-]{0,6},?[ \t]{1,2}\Z")
# the words before a residence on its line that make it someone's address, and what after it on its line does
_OWN_BEFORE = re.compile(r"(?i:adresse|address|habite|habitons|domicil\w{0,6}|demeur\w{1,6}|livr\w{1,6}|logement|"
                         r"endereço|dirección|indirizzo|mudança|déménag\w{1,6})")
_CLAUSE_END = re.compile(r"[!?;]|\.(?=[ \t]{1,3}[A-ZÀ-Þ][a-zà-ÿ])")  # "Les Tilleuls. Depuis": not "bât. C"
_CLAUSE_UNIT = re.compile(r"\d|(?<![^\W\d_])(?i:apt|appt|app|apto|imm|immeuble|escalier|étage|porte|apartamento|"
                          r"appartement)(?![^\W\d_])")
_SEPARATORS = " \t,;:–—-(/"
_EDGE = " \t.,;:!?'\"()[]«»“”„"


def _given(word: str) -> bool:
    return word.strip(_EDGE).lower() in pii_rules.GIVEN_NAMES


def _name_after(text: str, at: int) -> tuple[int, bool]:
    """The end of the name that starts at ``at`` (``at`` when there is none) and whether it ends with a house
    number."""
    line_end = text.find("\n", at, at + 400)
    line_end = min(len(text), at + 400) if line_end < 0 else line_end
    end, pos, words, street = at, at, 0, False
    for _ in range(_MAX_WORDS):
        m = _TOKEN.match(text, pos, line_end)
        if m is None:
            break
        word = m.group()
        if m.group("number"):
            return (m.end(), True) if words else (at, False)
        low, first = word.lower(), word.lstrip("„\"“«'‘")[:1]
        if low in _STREET_TYPES:
            street = True
        elif first.islower() and (low not in _CONNECTORS or not words):
            break  # a lower-case word ends the name: "Předseda SVJ pan Horák"
        elif not first.islower():
            end = m.end()
        words += 1
        if word.endswith((".", "”", "\"", "»")) and low not in _ABBREVIATIONS and low not in _STREET_TYPES and not \
                (word.endswith(".") and _NUMBER_NEXT.match(text, m.end(), line_end)):  # "Lessingstr. 12" goes on
            end = m.end() - 1 if word.endswith(".") else m.end()
            break  # "BRF Solgläntan.": the sentence ends
        gap = (_GAP_NUMBER if street else _GAP).match(text, m.end(), line_end)
        if gap is None:
            break
        pos = gap.end()
    opening = [w for w in text[at:end].split() if w.lower() not in _CONNECTORS][:1]
    if opening and _given(opening[0]):
        return at, False  # "condominio Mario Rossi": a person's name
    return end, False


def _name_before(text: str, at: int) -> int:
    """The start of the name that ends at ``at`` ("Teréz krt. 22." before "Társasház"); ``at`` when there is none."""
    line_start = text.rfind("\n", max(0, at - 120), at) + 1
    words = re.findall(r"\S+", text[max(line_start, at - 120):at])[-_MAX_WORDS:]
    start, pos = at, at
    for word in reversed(words):
        pos = text.rfind(word, 0, pos)
        bare = word.strip("„\"“«”»")
        if bare.endswith(",") or not (bare[:1].isupper() or bare[:1].isdigit() or bare.lower() in _STREET_TYPES):
            break
        start = pos
    return start


def association_names(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, is an association) of the names of the module's docstring, an association's word included."""
    names: list[tuple[int, int, bool]] = []
    for m in itertools.islice(_HEAD.finditer(text), _MAX_HEADS):
        end, numbered = _name_after(text, m.end())
        if end > m.end() and (numbered or not m.group("cp")):
            names.append((m.start(), end, True))
        if len(names) >= _MAX_NAMES:
            return names
    for m in itertools.islice(_HEAD_AFTER.finditer(text), _MAX_HEADS):
        start = _name_before(text, m.start())
        if start < m.start():
            names.append((start, m.end(), True))
        if len(names) >= _MAX_NAMES:
            return names
    for m in itertools.islice(_RESIDENCE.finditer(text), _MAX_HEADS):
        if any(a <= m.start() < b for a, b, _ in names):
            continue  # "la copropriété Résidence Les Arcades": the association's name
        end, _numbered = _name_after(text, m.end())
        if end > m.end():
            names.append((m.start(), end, False))
        if len(names) >= _MAX_NAMES:
            break
    return names


def _clause_address(text: str, end: int, line_end: int) -> bool:
    """Does the clause after a residence's name hold a number or a flat ("Résidence Al Amal, Imm 4 Appt 12")?"""
    clause = text[end:min(line_end, end + 60)]
    stop = _CLAUSE_END.search(clause)
    return _CLAUSE_UNIT.search(clause[:stop.start()] if stop else clause) is not None


def _kept(text: str, span: PiiSpan, start: int, end: int, association: bool) -> PiiSpan | None:
    """The span less the name at start:end (None: nothing of it is masked), or the span as it was."""
    before = text[span.start:start] if span.start < start else ""
    if any(c.isdigit() for c in before) or _UNIT_BEFORE.search(text, max(0, start - 30), start):
        return span  # the name inside someone's address: "Appt 12, Résidence Les Tilleuls"
    line_start, line_end = text.rfind("\n", max(0, start - 400), start) + 1, text.find("\n", end, end + 400)
    line_end = min(len(text), end + 400) if line_end < 0 else line_end
    if not any(c.isdigit() for c in text[end:line_end]) and _ADDRESS_LINE.match(text, line_end + 1):
        return span  # an address block's first line: "Résidence Les Tilleuls, bât. C" over "4 allée des Érables"
    rest = end
    while rest < line_end and text[rest] in _SEPARATORS:
        rest += 1
    if _POSTCODE.match(text, rest) or association and _TOWN_AFTER.match(text, end):
        return span  # the association's postal address: an address
    if not association and (_OWN_BEFORE.search(text[max(line_start, start - 60):start]) or
                            _clause_address(text, end, line_end)):
        return span  # a residence in an address: "J'habite Résidence Les Pins", "Résidence Al Amal, Imm 4 Appt 12"
    if span.kind == "PERSON":
        return None if not before.strip(_EDGE) and span.end <= end else span
    if rest >= span.end or not text[rest:span.end].strip(_EDGE):
        return None
    if _ID_LABEL.match(text, rest):
        return None  # "Plaza Xúquer 12, CIF H46718204": the firm's tax id, kept
    if not association:  # a residence alone with its building ("bât. C"): a place; with a number an address
        return None if not any(c.isdigit() for c in text[end:span.end]) else span
    if _UNIT.match(text, rest):
        return PiiSpan(span.kind, rest, span.end, span.score)  # the writer's flat: "C.P. Velázquez 44 – 3ºB"
    return span


def keep_association_names(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """The spans less what they mask of an owners' association's, a condominium's or a residence's name."""
    if not spans or len(spans) > _MAX_SPANS or not any(s.kind in ("ADDRESS", "PERSON") for s in spans):
        return spans
    names = association_names(text)
    if not names:
        return spans
    out: list[PiiSpan] = []
    for span in spans:
        kept: PiiSpan | None = span
        if span.kind in ("ADDRESS", "PERSON"):
            for start, end, association in names:
                if kept is not None and kept.start < end and start < kept.end:
                    kept = _kept(text, kept, start, end, association)
        if kept is not None:
            out.append(kept)
    return out
