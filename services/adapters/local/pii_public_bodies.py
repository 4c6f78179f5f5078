"""Public bodies, their departments and residents' associations named in a message are kept names (session 44,
candidate 44-1): a filter of the PERSON and ADDRESS spans, run last in the default detector and the rules-only one
(after every add-back, which may take a town or a department for a surname).

By the labelling conventions (``tests/data/pii/build.py``) the name of a municipality, a town hall, a court, a tax
office, a school, a nursery, a fire brigade, a utility, a housing association or one of their departments is a kept
``ORG`` / ``COMPANY`` / ``TEAM`` — the town in it and the person the body is named after too ("Vejle Kommune, Affald og
Genbrug", "Gemeente Delft", "Obecný úrad Lozorno", "Městský úřad Kostelec nad Orlicí", "Comune di Cremona – Settore
Entrate", "Primăria Municipiului Cluj-Napoca", "Amtsgericht Hamburg", "Sąd Rejonowy Poznań", "Szentendre Város
Önkormányzata", "École primaire Jean Jaurès", "St Mary's C of E Primary School", "JKP Beogradski vodovod i
kanalizacija", "Bergen brannvesen, Feiing og tilsyn", "Tartu Karlova Kooli").

What it finds, on one line at a time:
- a body's name: a word of ``HEADS`` (or a compound ending in one of ``HEAD_ENDS``: "Amtsgericht", "Finanzamt",
  "Vámhivatal") with the capitalised words around it ("Vejle Kommune", "Grad Rijeka"), its lower-case head words and
  connectors to the right ("úrad Lozorno", "Amt für Steuern und Abgaben", "vodovod i kanalizacija"); a name must hold
  a capitalised word (a lower-case head alone, "the council", names nothing);
- a department on a body's line: the other parts of the line split at a comma, a dash or a bar ("Vejle Kommune,
  Affald og Genbrug", "Silkeborg Kommune, Borgerservice – Ejendomsskat");
- a department's line right above or under a body's line, when it holds a department word ("Városüzemeltetési
  Iroda", "Statybos leidimų skyrius", "Ejendomskontoret", "Pladsanvisningen").
A PERSON or ADDRESS span inside such names is dropped; one that goes on past them keeps the rest ("Sądzie Rejonowym dla
Łodzi-Widzewa w Łodzi Paweł Kurek" keeps "Paweł Kurek", the bailiff who signs).

What it never takes (the look-alikes):
- a person who signs for the body: a line is never joined to the next; a given name we know (or a title) ends a name
  to the right once the town is read ("Gemeente Delft Jan de Vries" keeps "Jan de Vries") and opens no department
  part ("Aarhus Kommune, Mette Kjær"); to the left a given name ends the name unless a saint's word is before it
  ("St Mary's" is read, "Anna Berg Kommune" is not); the part before a body on its line is a department only if it
  holds a department word ("Kjær, Aarhus Kommune" stays masked);
- a person's own address: a part with a digit is no department, and an ADDRESS span only loses what lies inside a
  name ("Stadtverwaltung, Hauptstraße 5" is not read);
- lower-case words of English ("the council told Tom") and a head word with no capitalised word in its name;
- a head inside a street's or a square's name ("Rue du Collège 18", "Plaza del Ayuntamiento 7"), a person's school
  ("Isla's school"), a sentence's end ("Little Acorns Nursery. Leo had a bump"), a firm named after a person who is
  masked elsewhere in the message ("… Matthias Brenner" keeps the firm's "Brenner" masked), a property manager's firm
  ("Hausverwaltung Hoffmann": no public body), a head inside a hyphenated place ("Kita-ku", "Osaka-shi").
At most 40 lines with a head word are read per message, and 200 spans.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Sequence

from services.adapters.local import pii_rules
from services.models import PiiSpan

# words naming a public body, a school, a nursery, a court, a utility, a housing association (lower case)
HEADS = frozenset("""
kommune kommun kommunen gemeente gemeinde gemeng comune commune mairie municipio municipalidad ayuntamiento concello
câmara primăria primaria municipiului obec obecní obecný úřad úrad urząd urzędu urzędzie gmina gminy općina opština
občina grad město mesto miasto stad staden stadt landeshauptstadt kaupunki kaupungin kunta kunnan vallavalitsus
linnavalitsus savivaldybė savivaldybės pašvaldība δήμος δήμου община council borough önkormányzat önkormányzata
hivatal hivatala rathaus stadtverwaltung landratsamt bezirksamt magistrat préfecture prefettura municipality
sąd sądu sądzie tribunal tribunale bíróság soud súd rechtbank domstol tingsrett käräjäoikeus kohus
finanzamt skattestyrelsen skatteverket skatteetaten entrate hacienda verohallinto vámhivatal adóhivatal porezna
uprava daňový finanční
school schule école escuela scuola escola iskola škola šola szkoła szkoły szkole skole skola skolan koulu koulun kool
kooli põhikool gümnaasium gümnaasiumi lycée collège gimnazija liceo liceum basisschool óvoda vrtić vrtića vrtec
przedszkole przedszkola päiväkoti päiväkodin lasteaed børnehave børnehuset barnehage förskola förskolan kita
kindergarten nursery crèche asilo guardería oš
brannvesen brandvæsen brandweer feuerwehr pompiers bomberos hasiči räddningstjänst pelastuslaitos polizeirevier
polizei politi policja policie polizia policía
vodovod kanalizacija stadtwerke wasserwerk vatten varme forsyning aguas acqua jkp
woonstad woonstichting wohnungsgenossenschaft boligforening boligforeningen korteriühistu kü taloyhtiö zajednica
собственост správa stadtkasse
muuseum muuseumi múzeum muzeum museo musée museum hospital sairaala kórház bolnica nemocnice szpital ospedale
""".split())
# compound endings read as a head on a word longer than the ending by three letters ("Amtsgericht", "Vámhivatal")
HEAD_ENDS = ("gericht", "amt", "kasse", "hivatal", "kommune", "schule", "skole", "skolan", "koulu", "school",
             "revier", "önkormányzata")
# heads whose name may be a person's right after them ("École primaire Jean Jaurès", "OŠ Ivana Gorana Kovačića")
_NAMED_AFTER = frozenset("""school schule école escuela scuola escola iskola škola šola szkoła szkoły szkole skole skola
skolan koulu kool kooli põhikool gümnaasium lycée collège gimnazija liceo liceum basisschool óvoda vrtić vrtića vrtec
przedszkole przedszkola päiväkoti lasteaed børnehave barnehage förskola kita kindergarten nursery crèche asilo oš
hospital ospedale primaire primary elementare""".split())
# words of a department's name or line (lower case), and their compound endings
DEPARTMENTS = frozenset("""iroda osztály skyrius odbor oddělení wydział dział referat abteilung afdeling avdeling
avdelning settore servizio servizi ufficio direzione direcția direccion dirección departamento département service
services διεύθυνση τμήμα υπηρεσιών juhtkond henkilökunta toimisto kontor kontoret sekretariat sekretariatet
secretariat secrétariat office department team etat borgerservice ured administracija administracja administration administrace
appointments rates revenues benefits admissions enrolments licensing""".split())
DEPARTMENT_ENDS = ("kontoret", "anvisningen", "afdelingen", "avdelingen", "referat", "abteilung", "toimisto", "iroda",
                   "osztály", "sekretariatet", "tjenesten", "tjänsten", "palvelut", "zaken", "skyrius")
# a housing association's head: its name goes on to the street and number ("KÜ Pärnu mnt 139", "Stambena zajednica
# Cara Dušana 48", "Етажна собственост ул. „Шипка“ 34"), unless a postcode follows (then it is the postal address)
_ASSOCIATIONS = frozenset("kü korteriühistu zajednica собственост boligforening boligforeningen".split())
_STREET_NUMBER = re.compile(r"(?:[ \t]{1,2}[^\s,;:\d][^\s,;:]{0,20}){0,4}[ \t]{1,2}\d{1,4}(?:[-–/]\d{1,4})?[^\W\d_]?\b")
_POSTCODE_AFTER = re.compile(r"[ \t]{0,2},?[ \t]{0,2}(?:[A-Z]{1,2}-)?\d{2,3}[ \t]?\d{2,3}\b")
# lower-case words that qualify a head to its right ("École primaire Jean Jaurès", "Sąd Rejonowy", "scuola media")
_QUALIFIERS = frozenset("""primaire maternelle élémentaire primaria primario elementare media secondaria comunale
municipal municipale municipales rejonowy rejonowym okręgowy okręgowym obecný městský mestský městská
national miesto miasta města mesta grada""".split())
_ENGLISH_DEPARTMENTS = frozenset("""team office service services department secretariat administration appointments
rates revenues benefits admissions enrolments licensing""".split())
_STREETS = frozenset("""rue place avenue av boulevard bd plaza plaça calle c av avda via viale piazza piazzale largo rua
praça travessa ulica ul street st road rd lane square strasse straße str gasse platz weg laan straat plein tee mnt
katu gatan gata gade gate vej utca tér náměstí námestie trg""".split())
_SAINTS = frozenset("st st. saint sainte sankt szent sv sv. san santa santo são".split())
_TITLES = frozenset("mr mrs ms miss dr herr frau pan pani sig sr sra dott avv ing mag mgr bc".split())
# connectors inside a name: to the right of a head, and (joining words only) to its left
_RIGHT_JOINS = frozenset("""di del della dello dei degli de du des la le van von der den dla w we na nad pod i a e y
und og och et és für for of af til do da das dos z ze""".split())
_LEFT_JOINS = frozenset("i a e y und og och et és and".split())
_WORD = re.compile(r"(?<![\w'’.-])[^\W\d_][\w'’.-]{0,40}")
_PARTS = re.compile(r"[ \t]{0,3}(?:,|[–—|·]|[ \t]-[ \t])[ \t]{0,3}")
_MAX_LINES = 40
_MAX_SPANS = 200
_MAX_WORDS = 40  # words of a line read
_MAX_CHARS = 600  # characters of a line read


def _first_words(line: str) -> list[re.Match[str]]:
    return list(itertools.islice(_WORD.finditer(line, 0, _MAX_CHARS), _MAX_WORDS))


def _plain(word: str) -> str:
    word = re.sub(r"['’]s$", "", word.strip(".,;:'’\"„“”()"))
    return unicodedata.normalize("NFC", word).casefold()


def _is_head(word: str) -> bool:
    low = _plain(word)
    if "-" in low and any(len(part) > 5 and _is_head(part) for part in word.split("-")):
        return True  # "JP Vodovod-Kanalizacija"
    if low in ("grad", "kü", "oš", "amt", "správa"):
        return word[:1].isupper()  # "Grad Rijeka", not "grad school"
    return low in HEADS or any(low.endswith(end) and len(low) >= len(end) + 3 for end in HEAD_ENDS)


def _is_department(word: str) -> bool:
    low = _plain(word)
    return low in DEPARTMENTS or any(low.endswith(end) and len(low) >= len(end) + 3 for end in DEPARTMENT_ENDS)


def _capital(word: str) -> bool:
    return word[:1].isupper()


def _given(word: str) -> bool:
    low = _plain(word)
    return low in pii_rules.GIVEN_NAMES or low in _TITLES


def _names_in_line(words: list[re.Match[str]]) -> list[tuple[int, int]]:
    """(first, last) word indexes of each body's name on a line."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        if not _is_head(words[i].group()):
            i += 1
            continue
        first = last = i
        # left: capitalised words and joining words between capitalised ones; a given name ends it unless a saint's
        j = i - 1
        while j >= 0:
            w = words[j].group()
            if _gap_breaks(words[j], words[j + 1]) or _sentence_end(w):
                break
            saint = j > 0 and _plain(words[j - 1].group()) in _SAINTS
            if _capital(w) and (_given(w) or re.search(r"['’]s$", w)) and not saint:
                break  # "Isla's school", "Anna Kommune": a person's, not a body's name
            if j > 0 and _capital(words[j - 1].group()) and _given(words[j - 1].group()) and not (
                    j > 1 and _plain(words[j - 2].group()) in _SAINTS) and not _is_head(w):
                break  # "Anna Berg Kommune": a person's surname after her given name
            if _capital(w) or _is_head(w) or _plain(w) in _QUALIFIERS:
                first = j
            elif not (_plain(w) in _LEFT_JOINS and j > 0 and _capital(words[j - 1].group())) and not (
                    w == "of" and 0 < j < len(words) - 1 and len(words[j - 1].group()) == 1):
                break  # "C of E Primary School": the Church of England's letters
            j -= 1
        # right: capitalised words, lower-case heads, connectors before a capitalised word
        # a person's name after a school's head only when the head is written as a name ("École Jean Jaurès"), not
        # "the school Sophie Turner runs"
        named_after = _plain(words[i].group()) in _NAMED_AFTER and _capital(words[i].group())
        k = i + 1
        while k < len(words):
            w = words[k].group()
            if _gap_breaks(words[k - 1], words[k]) or _sentence_end(words[k - 1].group()):
                break  # "Little Acorns Nursery. Leo had a bump": a sentence ends there
            if _is_head(w) or _is_department(w) or _plain(w) in _QUALIFIERS:
                named_after = named_after or (_plain(w) in _NAMED_AFTER and _capital(w))
                last = k
            elif _capital(w):
                if _given(w) and not (named_after and k == last + 1 and (
                        _is_head(words[last].group()) or _plain(words[last].group()) in _QUALIFIERS)):
                    break  # "Gemeente Delft Jan de Vries": the person who signs
                last = k
            elif not (_plain(w) in _RIGHT_JOINS and k + 1 < len(words) and _capital(words[k + 1].group())):
                break
            k += 1
        if any(_capital(words[n].group()) for n in range(first, last + 1)) and not _in_street(words, first, last):
            out.append((first, last))
        i = last + 1
    return out


def _in_street(words: list[re.Match[str]], first: int, last: int) -> bool:
    """A head inside a street's or a square's name: "Rue du Collège 18", "Plaza del Ayuntamiento 7"."""
    before = {_plain(words[n].group()) for n in range(max(0, first - 2), first)}
    line = words[last].string
    return bool(before & _STREETS) or re.match(r"[ \t]{1,2}\d{1,4}\b", line[words[last].end():]) is not None and not any(
        _plain(words[n].group()) in _ASSOCIATIONS for n in range(first, last + 1))


def _sentence_end(word: str) -> bool:
    return word.endswith(".") and len(word) > 4  # "Rhein." ends a sentence; "St.", "ul.", "mnt." do not


def _gap_breaks(left: re.Match[str], right: re.Match[str]) -> bool:
    """Only spaces (or a hyphen's space) between two words of a name: a comma, a dash, a colon ends it."""
    gap = left.string[left.end():right.start()]
    return not re.fullmatch(r"[ \t]{1,3}", gap) and not re.fullmatch(r"-?[ \t]{0,2}", gap)


def _line_regions(line: str, offset: int) -> tuple[list[tuple[int, int]], bool]:
    """Character ranges of the names and departments on one line, and whether the line names a body."""
    words = _first_words(line)
    names = _names_in_line(words)
    if not names:
        return [], False
    regions = []
    for a, b in names:
        end = words[b].end()
        heads = [n for n in range(a, b + 1) if _plain(words[n].group()) in _ASSOCIATIONS]
        if heads:
            street = _STREET_NUMBER.match(line, end)
            if street is not None and not _POSTCODE_AFTER.match(line, street.end()):
                end = street.end()
            elif street is not None:  # "KÜ Pärnu mnt 139, 10141 Tallinn": the association's postal address
                end = words[heads[-1]].end()
        regions.append((offset + words[a].start(), offset + end))
    # the other parts of the line: departments ("Vejle Kommune, Affald og Genbrug")
    if len(words) > 10 or re.search(r"\d|[.!?:;]([ \t]|$)", line):
        return regions, True  # a sentence, not a signature's line: no department parts
    cuts = [0] + [p for m in _PARTS.finditer(line) for p in (m.start(), m.end())] + [len(line)]
    first_name = min(words[a].start() for a, _ in names)
    for s, e in zip(cuts[::2], cuts[1::2], strict=False):
        part = line[s:e]
        part_words = _WORD.findall(part)
        if not part_words or len(part_words) > 5 or any(_given(w) for w in part_words):
            continue
        if any(a <= offset + s < b or a < offset + e <= b for a, b in regions):
            continue
        if not _capital(part_words[0]):
            continue
        if not any(_is_department(w) for w in part_words) and (s < first_name or not _joined_words(part_words)):
            continue  # "Kjær, Aarhus Kommune", "Aarhus Kommune, Kjær": a surname before or after the body
        regions.append((offset + s, offset + e))
    return regions, True


def _joined_words(words: list[str]) -> bool:
    """Common nouns joined by "og", "och", "und", "i": "Affald og Genbrug", "Avfall och återvinning"."""
    return len(words) == 3 and _plain(words[1]) in _LEFT_JOINS


def _department_line(line: str, strong: bool = False) -> bool:
    """A department's line: next to a body's line it holds a department word; alone (strong) it opens with one that
    is not English ("Team Müller", "Office Anna" are not read) and holds no given name we know."""
    words = [m.group() for m in _first_words(line)]
    if not (0 < len(words) <= 5 and not re.search(r"\d", line) and _capital(words[0]) and not _given(words[0])):
        return False
    if strong:
        return (_is_department(words[0]) and _plain(words[0]) not in _ENGLISH_DEPARTMENTS
                and not any(_given(w) for w in words))
    return any(_is_department(w) for w in words)


def body_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges of the public bodies' names and departments in text."""
    lines: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    out: list[tuple[int, int]] = []
    read = 0
    for n, (start, line) in enumerate(lines):
        if read >= _MAX_LINES:
            break
        if not any(_is_head(m.group()) for m in _first_words(line)):
            if _department_line(line, strong=True):  # "Διεύθυνση Τεχνικών Υπηρεσιών" signs alone
                out.append((start, start + len(line)))
            continue
        read += 1
        regions, body = _line_regions(line, start)
        out += regions
        if body:
            for m in (n - 1, n + 1):
                if 0 <= m < len(lines) and _department_line(lines[m][1]):
                    s, e = lines[m][0], lines[m][0] + len(lines[m][1])
                    out.append((s, e))
    return out


def _outside(text: str, span: PiiSpan, regions: list[tuple[int, int]]) -> PiiSpan | None:
    """The span less what lies inside the regions (its longest piece with a letter), None if nothing is left."""
    inside = [False] * (span.end - span.start)
    for s, e in regions:
        for p in range(max(s, span.start), min(e, span.end)):
            inside[p - span.start] = True
    if not any(inside):
        return span
    pieces: list[tuple[int, int]] = []
    p = span.start
    while p < span.end:
        if inside[p - span.start]:
            p += 1
            continue
        q = p
        while q < span.end and not inside[q - span.start]:
            q += 1
        pieces.append((p, q))
        p = q
    best: tuple[int, int] | None = None
    for s, e in pieces:
        piece = text[s:e]
        lead = len(piece) - len(piece.lstrip(" \t\n,–-:;"))
        tail = len(piece) - len(piece.rstrip(" \t\n,–-:;"))
        s, e = s + lead, e - tail
        if e > s and re.search(r"[^\W\d_]{2}", text[s:e]) and (best is None or e - s > best[1] - best[0]):
            best = (s, e)
    return None if best is None else PiiSpan(span.kind, best[0], best[1], span.score)


def _all_departments(value: str) -> bool:
    words = _WORD.findall(value)
    return 0 < len(words) <= 4 and all(_is_department(w) or _plain(w) in _RIGHT_JOINS for w in words) and (
        _plain(words[0]) not in _ENGLISH_DEPARTMENTS)


def without_public_bodies(text: str, spans: Sequence[PiiSpan]) -> list[PiiSpan]:
    """The spans less the PERSON and ADDRESS spans (or their parts) inside a public body's name or department."""
    if len(spans) > _MAX_SPANS or not any(s.kind in ("PERSON", "ADDRESS") for s in spans):
        return list(spans)
    regions = body_regions(text)
    # the words of the persons named outside the bodies: a body bearing one of them is a firm of that person's, masked
    # by the conventions ("Hausverwaltung Brenner … Matthias Brenner")
    named = {_plain(w) for s in spans if s.kind == "PERSON" and _outside(text, s, regions) == s
             and any(_given(w) for w in _WORD.findall(text[s.start:s.end]))
             for w in _WORD.findall(text[s.start:s.end])}  # a full name or a titled one, not "Vejle Øst" alone
    out: list[PiiSpan] = []
    for span in spans:
        if span.kind == "PERSON" and _all_departments(text[span.start:span.end]):
            continue  # "Terveisin henkilökunta", "Publiekszaken": a department signs
        if span.kind not in ("PERSON", "ADDRESS") or (span.kind == "PERSON" and named & {
                _plain(w) for w in _WORD.findall(text[span.start:span.end]) if not _is_head(w)}):
            out.append(span)
            continue
        kept = _outside(text, span, regions)
        if kept is not None and (kept.kind != "PERSON" or kept == span or _capital(text[kept.start:kept.end])):
            out.append(kept)  # a lower-case rest of a PERSON ("Správa domů Brno-střed" → "domů …") is no name
    return out
