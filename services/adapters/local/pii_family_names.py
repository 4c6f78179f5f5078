"""Family names in a form's own field, and a signer's surname inflected inside his firm's name (session 44, candidate
44-8; issue 21).

A form or a data list pasted into a message gives the family name its own field: "Cognome: De Santis",
"Geburtsname: Wolff", "- Nom de naissance : Diallo", "Nom d'usage : Lefèbvre", "Achternaam: Bakker", "Sukunimi:
Korhonen", "Příjmení: Procházková", "Rodné příjmení: Veselá", "Apellidos: García López", "Priezvisko: Horváthová",
"Pavardė: Petrauskas", or a surname's and a given name's pair ("Nom, prénom : Dos Santos, Mariana", "Name, Vorname:
Weber, Jonas"). One word alone is no name the NER, the given-name list or the learned PERSON check trusts, so the
surname was kept. :func:`find_field_surnames` reads a surname field's label that starts its line (after a bullet, a
quote's ">" or a tab, a bar or a semicolon) and ends with a colon, and takes the value: one to four name words
(capitalised, in capitals, hyphenated, with a particle: "De Santis", "van der Berg", "Dos Santos"), after a pair's
label a comma and one to three more, ended by the line's end or by a comma, a semicolon, a bar, a bracket or a dash.
It never takes a placeholder or an ordinary word ("Nachname: bitte angeben", "Surname: N/A", "Cognome: vedi sopra",
"Nom : Idem": pii_closing_names' words that are no one's name, a word the message writes in lower case), a firm's or
a team's word ("Nachname: Müller GmbH"), a value with a digit or an "@", nor a field of a firm's or a thing's name
("Nom de la société :", "Name:" alone, "Nom :" alone: not surname labels here). A birth name given right after a
name ("Name: Katarzyna Lindqvist, geb. Nowak", "Mme Nadine Roux née Pasquier", "Anna Kowalska z domu Nowak") is
taken the same way, never a date or a place after the word ("geb. am 23.06.1951", "née le 05/06/1980", "née à
Lyon": a capitalised name must follow), and so is a surname after its label in running text with no colon ("…,
pavardė Petrauskas, asmens kodas …", "nom de naissance Le Goff, prénoms …", "ad soyad Zeynep Arslan.") when the
name ends at a comma, a semicolon or a sentence's end (a header row's "Surname Forename" never does).

A sole trader or a family firm signs with the owner's full name and, on the next line or after a comma, the firm,
named after him in his language's genitive: "Mats Lindqvist\\nLindqvists Måleri", "Mattias Holm\\nHolms VVS AB",
"Per Lundgren, Lundgrens Bygg AB", "Andres Saar\\nSaare Ehitus OÜ", "Jukka Virtanen\\nVirtasen Rakennus Oy",
"Jānis Bērziņš\\nBērziņa Būve SIA"; an Italian sole trader's firm names him twice ("Officina Meccanica Caruso di
Caruso Gianni", "Ferramenta Bonetti di Bonetti Giovanni"). The firm's word is the surname (tests/data/pii/build.py:
a surname's genitive in a firm's name is a ``PERSON``, the rest of the firm's name and its legal form unmarked; both
surnames of "Idraulica Galli di Galli Davide" are masked), but the genitive is not the surname the message names and
the Italian firm's line names no one alone, so neither the NER nor the rules read them.

:func:`with_firm_surnames` (run after the learned PERSON check, as pii_short_names') adds, as PERSON spans:
- a capitalised word that is a genitive of the surname (the last word) of a full name the detector masked, when the
  next word on its line is a capitalised word, a number or "&" (the rest of a firm's name: "Bygg", "VVS", "Ehitus").
  The genitives: the surname with "s" (Swedish, Norwegian, Danish, German, Dutch), with "e", "a", "u" or "i"
  (Estonian: "Saar" → "Saare", "Mets" → "Metsa", "Lepik" → "Lepiku"), with "n" or "en" (Finnish: "Mäkelä" →
  "Mäkelän"), "-nen" → "-sen" (Finnish: "Virtanen" → "Virtasen"), "-ne" → "-se" (Estonian: "Rebane" → "Rebase"),
  "-as" → "-o", "-is" / "-ys" → "-io", "-tis" → "-čio", "-dis" → "-džio" (Lithuanian: "Jonaitis" → "Jonaičio"), "-s"
  / "-š" → "-a" (Latvian: "Ozols" → "Ozola"), a last double consonant or "-sk" shortened before "e" / "a" (Estonian:
  "Kask" → "Kase", "Kukk" → "Kuke"); in a Baltic firm's name in quotes the next word may be in lower case ("SIA
  „Kalniņa jumti”", "„Jonaičio stogai“, MB"), the closing quote after it;
- an Italian sole trader's firm's surname and, after "di", the owner's "Surname Given" (one span, as the convention
  labels "Caruso Gianni"), the same surname before and after "di".

What it never takes (the look-alikes):
- a firm named after someone the message does not mask ("Svenssons Bygg" in a mail signed "Per Lundgren"): only the
  surname of a masked full name counts, never a given name's form ("Per" → "Pers");
- the surname itself (masked already, or a firm's name the other rules judge), a word in lower case or in capitals,
  a word a lower-case word follows ("Holms gamla verkstad" is no firm's name here), a street's or a place's name
  ("Holms väg", "Lindqvists Gata", "Saare tänav", "Bergs Torg": a street word after it), a word inside a kept value;
- a surname of two letters or fewer, or a name over a line break;
- after "di", another name than the firm's ("Banca Popolare di Sondrio", "Pizzeria Da Mario di Rossi Luca": the
  surname must be the word before "di"), or a firm's, trade's or plain word after the surname ("Lorenzo Pace di Pace
  Ferramenta": a firm named Pace Ferramenta, its "Pace" the rules' for a masked namesake; a given name we know is
  taken even where it is also a word: "Marco").

Every pattern is anchored and bounded (linear); a message is read for at most CAP words of each kind and its first
MAX_LINES lines for fields.
"""

from __future__ import annotations

import itertools
import re

from services.adapters.local import pii_found
from services.models import PiiSpan

CAP = 8
_SCORE = 0.85
_MAX_TEXT = 20000
# a capitalised word, then on its line a capitalised word, a number or "&" (the rest of a firm's name)
_FIRM_WORD = re.compile(r"(?<![\w'’@.-])([A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]{2,30})(?![\w'’@-])"
                        r"(?=[ \t]{1,2}(?P<next>[A-ZÀ-ÖØ-ÞĀ-Ž0-9&][^\W_]{0,30}))")
# a Baltic firm's name in quotes, its trade word in lower case: „Kalniņa jumti”, „Jonaičio stogai“
_QUOTED_FIRM_WORD = re.compile(r"(?<=[„“\"«])([A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_]{2,30})(?=[ \t](?P<next>[^\W\d_]{2,30})[”“\"»])")
# a full name's words: two to four capitalised words on one line
_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]{0,30}")
# the words of a street or a place after a name (folded to lower case)
_STREET_WORDS = frozenset("""väg vägen gata gatan gränd gränden torg torget plan backe backen stig vei veien veg vegen
gate gaten gade vej vejen allé alle plads tänav tn maantee puiestee tee tie katu kuja tori iela prospekts gatvė g
prospektas straße strasse str weg platz gasse ring allee damm ufer laan straat weg plein kade gracht street st road
rd lane avenue ave way drive close square""".split())


def _genitives(surname: str) -> set[str]:
    """The genitive forms of a surname a firm is named with (never the surname itself)."""
    s = surname
    forms = {s + "s", s + "e", s + "a", s + "u", s + "i", s + "n", s + "en"}
    low = s.lower()
    if low.endswith("nen"):
        forms.add(s[:-3] + "sen")
    if low.endswith("ne"):
        forms.add(s[:-2] + "se")
    if low.endswith("as"):
        forms.add(s[:-2] + "o")
    if low.endswith(("is", "ys")):
        forms.add(s[:-2] + "io")
    if low.endswith("tis"):  # Lithuanian "t" → "č", "d" → "dž" before "io": "Jonaitis" → "Jonaičio"
        forms.add(s[:-3] + "čio")
    if low.endswith("dis"):
        forms.add(s[:-3] + "džio")
    if low.endswith("sk") or (len(low) > 3 and low[-1] == low[-2] and low[-1] not in "aeiouäöüõ"):
        forms.update((s[:-1] + "e", s[:-1] + "a"))  # Estonian: "Kask" → "Kase", "Kukk" → "Kuke", "Lepp" → "Lepa"
    if low.endswith(("s", "š")):
        forms.add(s[:-1] + "a")
    forms.discard(s)
    return forms


def _surnames(text: str, spans: list[PiiSpan]) -> dict[str, str]:
    """The genitives of the surnames of the masked full names: {genitive: surname}."""
    forms: dict[str, str] = {}
    for span in spans:
        if span.kind != "PERSON" or "\n" in text[span.start:span.end]:
            continue
        words = _NAME_WORD.findall(text, span.start, span.end)
        if not 2 <= len(words) <= 4 or not all(w[0].isupper() for w in words):
            continue
        surname = words[-1]
        if len(surname) < 3 or surname.isupper() or not surname.isalpha():
            continue
        for form in _genitives(surname):
            forms.setdefault(form, surname)
    return forms


def find_firm_surnames(text: str, spans: list[PiiSpan]) -> list[tuple[int, int]]:
    """The (start, end) of each genitive of a masked surname that names a firm (the module's docstring), at most
    CAP."""
    forms = _surnames(text, spans)
    if not forms:
        return []
    found: list[tuple[int, int]] = []
    for match in itertools.chain(_FIRM_WORD.finditer(text[:_MAX_TEXT]), _QUOTED_FIRM_WORD.finditer(text[:_MAX_TEXT])):
        if len(found) >= CAP:
            break
        word = match.group(1)
        if word not in forms or word.isupper() or not word[0].isupper():
            continue
        if match.group("next").lower().rstrip(".") in _STREET_WORDS:
            continue
        found.append(match.span(1))
    return found


# an Italian sole trader's firm: "<trade> Caruso di Caruso Gianni" (the surname twice, then the given name)
_SOLE_TRADER = re.compile(r"(?<![\w'’@.-])(?P<firm>[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’]{1,30})[ \t]di[ \t](?P<own>[A-ZÀ-ÖØ-Þ]"
                          r"[a-zß-öø-ÿ'’]{1,30})[ \t](?P<given>[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{1,30})(?![\w'’@-])")


def _sole_traders(text: str) -> list[tuple[int, int]]:
    """The firm's surname and the owner's name of each Italian sole trader's firm ("Officina Meccanica Caruso di
    Caruso Gianni": "Caruso", "Caruso Gianni"), the same surname before and after "di", the given name no firm's,
    trade's or plain word ("Lorenzo Pace di Pace Ferramenta" is a firm named Pace Ferramenta)."""
    from services.adapters.local import pii_given_names, pii_institution_names

    found: list[tuple[int, int]] = []
    for n, m in enumerate(_SOLE_TRADER.finditer(text[:_MAX_TEXT])):
        if n >= CAP:
            break
        given = m.group("given")
        if m.group("firm") != m.group("own") or pii_institution_names._is_head(given) or not (
                pii_given_names._given(given) or _word_ok(text, given)):
            continue
        found += [m.span("firm"), (m.start("own"), m.end("given"))]
    return found


def with_firm_surnames(text: str, spans: list[PiiSpan], keep: list[tuple[int, int]]) -> list[PiiSpan]:
    """The spans with the genitives of masked surnames in firms' names added as PERSON spans where no span covers
    them and no kept value lies there (a PERSON span inside one is replaced)."""
    found = find_firm_surnames(text, spans) + _sole_traders(text)
    return pii_found.add_back(spans, found, keep, pii_found.inside_person, _SCORE) if found else spans


MAX_LINES = 400
# a family name's field (lower case), then a pair's (a surname, a comma, a given name)
_SURNAME_LABELS = """cognome|cognome da nubile|cognome di nascita|nachname|familienname|geburtsname|
zuname|ehename|früherer nachname|nom de naissance|nom d'usage|nom d’usage|nom de famille|nom marital|nom de jeune fille|
nom d'épouse|nom d’épouse|apellidos|apellido|primer apellido|segundo apellido|apellido paterno|apellido materno|
sobrenome|apelido|apelidos|achternaam|geslachtsnaam|familienaam|meisjesnaam|priezvisko|rodné priezvisko|příjmení|
rodné příjmení|pavardė|mergautinė pavardė|uzvārds|perekonnanimi|sukunimi|nazwisko|nazwisko rodowe|efternamn|
etternavn|efternavn|vezetéknév|családi név|családnév|prezime|priimek|nume de familie|surname|last name|family name|
maiden name|birth name|married name|soyadı|soyad|cognom|cognoms|επώνυμο|фамилия|прізвище|презиме"""
_PAIR_LABELS = """nom, prénom|nom, prénoms|nom et prénom|nom et prénoms|nom/prénom|nom / prénom|name, vorname|
nachname, vorname|name/vorname|nachname/vorname|apellidos, nombre|apellidos y nombre|apellido y nombre|
apellido, nombre|cognome e nome|cognome, nome|cognome/nome|surname, first name|last name, first name|
surname, forename|achternaam, voornaam|nazwisko i imię|nazwisko, imię|příjmení a jméno|příjmení, jméno|
priezvisko a meno|priezvisko, meno|pavardė, vardas|uzvārds, vārds|efternamn, förnamn|sukunimi, etunimi|
apelido, nome|sobrenome, nome|prezime i ime|priimek in ime"""


def _alternation(labels: str) -> str:
    return "|".join(re.escape(p.strip()).replace(r"\ ", r"[ \t]") for p in sorted(
        {p for p in labels.replace("\n", "").split("|") if p.strip()}, key=lambda w: (-len(w), w)))


_FIELD = re.compile(r"(?:^|(?<=[\t|;]))[ \t>*•·–-]{0,6}(?i:(?P<pair>" + _alternation(_PAIR_LABELS) + r")|(?P<one>"
                    + _alternation(_SURNAME_LABELS) + r"))[ \t]{0,2}:[ \t]{1,3}", re.MULTILINE)
_PARTICLES = frozenset("""de da di del della dei degli do dos das du des le la van von der den ter ten zu y e i
st mac""".split())
_VALUE_WORD = r"[^\W\d_][^\W\d_'’]{0,24}(?:-[^\W\d_][^\W\d_'’]{0,24})?"
_VALUE = re.compile(rf"{_VALUE_WORD}(?:[ \t]{_VALUE_WORD}){{0,3}}"
                    rf"(?P<given>,[ \t]{{1,2}}{_VALUE_WORD}(?:[ \t]{_VALUE_WORD}){{0,2}})?(?![\w'’@-]|\.\w)")
_VALUE_END = re.compile(r"[ \t]{0,2}(?:$|[,;|(/\t]|[ \t][–—-][ \t])", re.MULTILINE)
# a birth name right after a name ("Katarzyna Lindqvist, geb. Nowak", "Mme Nadine Roux née Pasquier", "z domu Nowak")
_BIRTH_NAME = re.compile(r"(?<=[^\W\d_]),?[ \t](?:geb\.|geborene|née|nee|z[ \t]domu|rozená|rod\.|roz\.)[ \t]{1,2}"
                         r"(?=[A-ZÀ-ÖØ-ÞĀ-Ž])")
_SENTENCE_END = re.compile(r"[ \t]{0,2}\.(?!\w)")
# a surname's label in running text, no colon after it ("…, pavardė Petrauskas, asmens kodas …", "nom de naissance
# Le Goff, prénoms …", "PNR YH4L9Q. Surname Akinwale."): the name must end at a comma, a semicolon or a sentence's end
_INLINE_LABEL = re.compile(r"(?:^|(?<=[ \t\n,;(]))(?i:" + _alternation(_SURNAME_LABELS) + r")[ \t](?=[A-ZÀ-ÖØ-ÞĀ-Ž])",
                           re.MULTILINE)
_INLINE_END = re.compile(r"[,;]|\.(?!\w)")


def _word_ok(text: str, word: str) -> bool:
    from services.adapters.local import pii_closing_names, pii_signoff_names

    if word.lower() in _PARTICLES:
        return True
    if word.isupper():
        if len(word) < 3:
            return False
    elif not pii_closing_names._capitalised(word):
        return False
    folded = pii_closing_names._fold(word)
    not_names = pii_closing_names._not_names()
    if folded in not_names or any(pii_closing_names._fold(p) in not_names for p in word.split("-")):
        return False
    if pii_signoff_names._team_word(word.lower()):
        return False
    return word.lower() not in pii_closing_names._lower_words(text)


def _field_value(text: str, pos: int, pair: bool, inline: str = "") -> tuple[int, int] | None:
    m = _VALUE.match(text, pos)
    if m is None:
        return None
    end = m.end() if pair and m.group("given") else m.start("given") if m.group("given") else m.end()
    if inline == "label" and _INLINE_END.match(text, end) is None:
        return None
    if _VALUE_END.match(text, end) is None and not (inline and _SENTENCE_END.match(text, end)):
        return None
    words = text[m.start():end].replace(",", " ").split()
    if words[-1].lower() in _PARTICLES or not all(_word_ok(text, w) for w in words):
        return None
    if words[0].lower() in _PARTICLES and words[0].islower() and len(words) == 1:
        return None
    return m.start(), end


def find_field_surnames(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each family name after a surname field's label (the module's docstring), at most CAP."""
    found: list[tuple[int, int]] = []
    start = 0
    for _ in range(MAX_LINES if ":" in text else 0):
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        if end - start <= 200:
            for m in _FIELD.finditer(text, start, end):
                span = _field_value(text, m.end(), m.group("pair") is not None)
                if span is not None and span not in found:
                    found.append(span)
        if end >= len(text) or len(found) >= CAP:
            break
        start = end + 1
    for m in itertools.chain(itertools.islice(_BIRTH_NAME.finditer(text[:_MAX_TEXT]), CAP),
                             itertools.islice(_INLINE_LABEL.finditer(text[:_MAX_TEXT]), CAP)):
        span = _field_value(text, m.end(), False, "birth" if m.re is _BIRTH_NAME else "label")
        if span is not None and span not in found:
            found.append(span)
    return found[:CAP]


def with_field_surnames(text: str, spans: list[PiiSpan], keep: list[tuple[int, int]]) -> list[PiiSpan]:
    """The spans with the family names of surname fields added as PERSON spans where no kept value lies there and
    the spans over them lie inside them ("Dos Santos" and "Mariana" of "Dos Santos, Mariana" become one span)."""
    found = find_field_surnames(text)
    return pii_found.add_back(spans, found, keep, pii_found.inside_person, _SCORE) if found else spans


def with_family_names(text: str, spans: list[PiiSpan], keep: list[tuple[int, int]]) -> list[PiiSpan]:
    """The add-backs of the module: the surname fields' family names, the firms' inflected surnames, then the names
    inflected by case (pii_inflected_names, session 45: "Милораду Јовановићу", "Szabóné Kiss Erika")."""
    from services.adapters.local import pii_inflected_names

    spans = with_firm_surnames(text, with_field_surnames(text, spans, keep), keep)
    found = pii_inflected_names.find_inflected_names(text)
    return pii_found.add_back(spans, found, keep, pii_found.inside_person, _SCORE) if found else spans
