"""Names spelled with a spelling alphabet, letter by letter (session 43, candidate 43-9).

A caller spells a surname with a spelling alphabet of any language, words and bare letters mixed: "B wie Berta, R wie
Richard, Z wie Zacharias, …, K wie Kaufmann, I", "S wie Siegfried, C, H, U wie Ulrich, S, T, E, R", "Özdemir, O mit
Punkten, Z wie Zeppelin, D, E, M, I, R", "R wie Richard, E, I, scharfes S, N, E, R", "N come Napoli, I, C come Como,
O, T come Torino, R, A", "N comme Nicolas, G comme Gaston, U, Y, E, N", "O jak Olga, S jak Stefan, …", "d as in dog
r i s c o double l", "n for november, w whiskey, a alpha, …", Spanish and Italian letter names ("erre a de u", "pe e
eñe a"). The NER and the name finders read single words of it (the spelling words "Siegfried", "Olga" as names) or
part of it; build.py labels the whole spelled run one PERSON.

:func:`with_spelled_names` (run after the PERSON check, as pii_short_names') adds the run, from its first letter to
its last, as a PERSON where no span covers it and no kept value lies there (PERSON spans inside it, the spelling
words, are replaced). A run is three letters or more, one of them at least given with a spelling word that starts
with its letter ("B wie Berta", "w whiskey", "O Umlaut", "double l") or a letter name ("erre"); it is taken only when
the letters it spells are a word of the message said around it ("Brzezinski …, B wie Berta, …", "o'driscoll that's
d as in dog r i s c o double l"), or when a word for a name or for spelling ("Name", "Nachname", "surname", "nom",
"buchstabieren", "spell") comes in the 160 characters before it and no word for a code, an address or an e-mail
("postcode", "reference", "Kennzeichen", "e-mail") comes after that word (a run of letter names alone needs the word
said). It never takes:

- a postcode, a plate, a booking or a reference spelled the same way ("PLZ … K wie Kaufmann", "the reference is b as
  in bravo …"): a code's word is the nearer cue and the letters spell no word of the message;
- a run a digit or a number word comes right before or after (a code or a UPI id: "r a m e s h k one nine … at ok
  axis", "B as in bombay, K as in kolkata, P, P, S, four one seven two, H"), nor one of fewer than three letters;
- bare letters alone ("C, H, R"), a letter and a word it does not start ("w h y t e like the colour": "e like the" is
  no spelling), a bare letter a word follows on its line ("… I think"): the run ends at its last letter.

Every pattern is anchored at a word start and bounded (linear); a message is read for at most CAP runs of CAP_ITEMS
items.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from services.adapters.local import pii_found, pii_rules
from services.models import PiiSpan

CAP = 12  # runs read per message
CAP_ITEMS = 40  # items read per run
_SCORE = 0.85

_L = r"[^\W\d_]"
_NATO = "|".join(sorted(pii_rules.NATO_WORDS | {"xray", "x-ray", "alfa", "juliett"}, key=lambda w: (-len(w), w)))
# Spanish and Italian letter names ("erre a de u"): they spell a run only with the word it spells said around it
_LETTER_NAMES = {"be": "b", "ce": "c", "de": "d", "efe": "f", "ge": "g", "hache": "h", "jota": "j", "ka": "k",
                 "ele": "l", "eme": "m", "ene": "n", "eñe": "ñ", "pe": "p", "cu": "q", "erre": "r", "ese": "s",
                 "te": "t", "uve": "v", "uve doble": "w", "equis": "x", "i griega": "y", "zeta": "z", "acca": "h",
                 "elle": "l", "emme": "m", "enne": "n", "esse": "s", "cappa": "k", "doppia vu": "w"}
# one item: a letter with its spelling word, a letter with its mark, a doubled letter, a NATO word, a bare letter
_ITEM = re.compile(
    rf"(?<![\w'’-])(?:"
    rf"(?P<cue>{_L})[ \t]{{1,2}}(?i:wie|come|comme|como|as[ \t]in|for|jak|kao|like|voor|als|som[ \t]i|de|per)"
    rf"[ \t]{{1,2}}(?P<cueword>{_L}{{2,30}})"
    rf"|(?P<mark>[AOUaouÄÖÜäöü])[ \t](?i:umlaut|mit[ \t](?:zwei[ \t])?(?:punkten|strichen))"
    rf"|(?i:scharfes[ \t]s|eszett|esszett)(?P<eszett>)"
    rf"|(?i:double|doppel|doppelt|doble|doppia)[ \t-](?P<double>{_L})"
    rf"|(?P<natoletter>{_L})[ \t]{{1,2}}(?P<natoword>(?i:{_NATO}))"
    rf"|(?P<nato>(?i:{_NATO}))"
    rf"|(?P<lname>(?i:{'|'.join(sorted(_LETTER_NAMES, key=lambda w: (-len(w), w)))}))"
    rf"|(?P<bare>{_L})"
    rf")(?![\w'’-])")
_LETTER_NAME = re.compile(rf"(?i:{'|'.join(sorted(_LETTER_NAMES, key=lambda w: (-len(w), w)))})")
_SEP = re.compile(r"[ \t]{0,2},[ \t]{0,2}|[ \t]{1,2}")
_START = re.compile(rf"(?<![\w'’-]){_L}(?=[ \t,])|(?<![\w'’-])(?i:{_NATO}|{_LETTER_NAME.pattern})(?![\w'’-])")
_NEXT_WORD = re.compile(rf"[ \t]{{1,3}}{_L}{{2,30}}")
_NEIGHBOUR_AFTER = re.compile(r"[ \t]{0,2},?[ \t]{0,2}(\w{1,30})")
_NEIGHBOUR_BEFORE = re.compile(r"(\w{1,30})[ \t]{0,2},?[ \t]{0,2}$")
_WORD = re.compile(rf"{_L}{{1,30}}(?:['’-]{_L}{{1,30}}){{0,3}}")
_NAME_CUE = re.compile(
    r"(?i:name|namen|nachname|familienname|vorname|surname|nom|prénom|nome|cognome|nombre|apellido|nazwisko|imię|"
    r"naam|achternaam|sobrenome|spell|spelt|spelled|spelling|buchstabier\w{0,6}|épel\w{0,6}|epel\w{0,6}|"
    r"compitare|compita\w{0,4}|deletre\w{0,6}|soletr\w{0,6}|schreibt[ \t]sich|schreibt[ \t]man|literuj\w{0,4}|"
    r"titular|holder|inhaber\w{0,2}|contraente|intestatario)(?![\w'’])")
_CODE_CUE = re.compile(
    r"(?i:post[ \t-]?code|postleitzahl|plz|zip|code|código|codice|reference|ref|referenz|booking|buchung|kennzeichen|"
    r"targa|matrícula|matricula|immatriculation|plate|registration|e-?mail|mail|adresse|address|street|straße|strasse|"
    r"password|passwort|username|benutzername|iban|kundennummer|vertragsnummer|aktenzeichen|eircode)(?![\w'’])")


def _fold(word: str) -> str:
    """A word lower-cased, without its accents and marks ("Reißner" → "reissner", "O'Driscoll" → "odriscoll")."""
    low = word.lower().replace("ß", "ss")
    return "".join(c for c in unicodedata.normalize("NFKD", low) if c.isalpha() and not unicodedata.combining(c))


def _letters(match: re.Match[str]) -> tuple[str, bool]:
    """The letters an item gives and whether it is given with a spelling word."""
    if match.group("cue"):
        letter = match.group("cue")  # the spelling word starts with its letter ("B wie Berta", not "e like the")
        return (letter, True) if _fold(match.group("cueword"))[:1] == _fold(letter) else ("", False)
    if match.group("mark"):
        return match.group("mark"), True
    if match.group("eszett") is not None:
        return "ss", True
    if match.group("double"):
        return match.group("double") * 2, True
    if match.group("natoletter"):
        letter, word = match.group("natoletter"), match.group("natoword")
        return (letter, True) if word[0].lower() == letter.lower() else ("", False)
    if match.group("nato"):
        return match.group("nato")[0], True
    if match.group("lname"):
        return _LETTER_NAMES[" ".join(match.group("lname").lower().split())], False
    return match.group("bare"), False


def _runs(text: str) -> Iterator[tuple[int, int, str, int]]:
    """Each run of items: start, end, the letters it spells, whether letter names alone carry its spelling."""
    at, runs = 0, 0
    while runs < CAP:
        start = _START.search(text, at)
        if not start:
            return
        pos = start.start()
        items: list[tuple[int, int, str, bool]] = []
        while len(items) < CAP_ITEMS:
            item = _ITEM.match(text, pos)
            if not item:
                break
            letters, spelt = _letters(item)
            if not letters:
                break
            items.append((item.start(), item.end(), letters, spelt or bool(item.group("lname"))))
            sep = _SEP.match(text, item.end())
            if not sep:
                break
            pos = sep.end()
        # the run ends at its last letter word or at a bare letter no word follows on its line ("… I think")
        while items and not items[-1][3] and _NEXT_WORD.match(text, items[-1][1]):
            items.pop()
        at = items[-1][1] if items else start.end()
        letters = "".join(item[2] for item in items)
        if len(items) >= 3 and not _by_number(text, items[0][0], items[-1][1]) and any(item[3] for item in items) and len(letters) >= 3:
            runs += 1
            # a run spelled with letter names alone is taken only when the word it spells is said around it
            named = not any(item[3] and not _LETTER_NAME.fullmatch(text, item[0], item[1]) for item in items)
            yield items[0][0], items[-1][1], letters, named


def _is_number(word: str) -> bool:
    return word[:1].isdigit() or bool(pii_rules.spoken_digits(word, others=False))


def _by_number(text: str, start: int, end: int) -> bool:
    """Whether a digit or a number word comes right before or after the run: a code spelled ("r a m e s h k one nine
    … at ok axis", "B as in bombay, K as in kolkata, P, P, S, four one seven two, H")."""
    after = _NEIGHBOUR_AFTER.match(text, end)
    before = _NEIGHBOUR_BEFORE.search(text, max(0, start - 40), start)
    return bool(after and _is_number(after.group(1))) or bool(before and _is_number(before.group(1)))


def _said(text: str, start: int, end: int, letters: str) -> bool:
    """Whether the letters spell a word of the message said outside the run ("Brzezinski", "o'driscoll")."""
    spelled = _fold(letters)
    for match in _WORD.finditer(text, max(0, start - 300), min(len(text), end + 300)):
        if start <= match.start() < end:
            continue
        word = _fold(match.group())
        if len(word) >= 3 and (word == spelled or (len(spelled) >= 4 and spelled in word
                                                   and len(spelled) * 3 >= len(word) * 2)):
            return True
    return False


def _cued(text: str, start: int) -> bool:
    """Whether a word for a name or for spelling comes before the run, and no word for a code after it."""
    before = text[max(0, start - 160):start]
    names = list(_NAME_CUE.finditer(before))
    if not names:
        return False
    return not _CODE_CUE.search(before, names[-1].end())


def _names(text: str) -> list[tuple[int, int]]:
    found = []
    for start, end, letters, named in _runs(text):
        if _said(text, start, end, letters) or (not named and _cued(text, start)):
            found.append((start, end))
    return found


def with_spelled_names(text: str, spans: list[PiiSpan], keep: list[tuple[int, int]]) -> list[PiiSpan]:
    """The spans with the spelled names of this module added where no span covers them and no kept value lies there;
    PERSON spans inside such a run ("Siegfried" of "S wie Siegfried, C, H, …") are replaced by it."""
    if len(text) > 20000:
        return spans
    found = _names(text)
    return pii_found.add_back(spans, found, keep, pii_found.inside_person, _SCORE) if found else spans
