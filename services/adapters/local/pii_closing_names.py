"""Full names signing business mail, and names after the name fields of forms, in more European languages (session
41, candidate 41-3; issue 21).

A letter from Tallinn, Riga, Vilnius, Helsinki, Budapest, Prague, Bratislava, Ljubljana, Zagreb, Belgrade, Sofia,
Bucharest, Athens, Copenhagen, Oslo, Stockholm or Warsaw ends with its own closing phrase and the writer's full name
("Lugupidamisega\\nPiret Kask\\npersonalijuht, Läänemere Puit OÜ", "Ar cieņu,\\nElīna Ozola\\nNoliktava", "Üdvözlettel,
Nagy Zsófia", "Με εκτίμηση,\\nΔ. Λαμπράκης", "Mvh Per Lindahl, Upplands Bostäder AB"), and a form pasted into a
message names people after its fields ("Név: Tóth-Vargha Ilona", "Anyja neve: Farkas Ilona", "Vardas, pavardė:
Mindaugas Petrauskas", "Navn: Mads Kjær Sørensen", "Kontaktperson: Håkon Eide, +47 …"). The NER reads few of
these names and the given-name list knows few of them (pii_signoff_names takes one short word or a given name we
know), so the writer's name was kept.

:func:`find_closing_names` (a finder of ``pii_rules.find_all``) proposes, as a PERSON:

- after a closing phrase of those languages that starts its line (and, on that line, is followed by nothing but a
  stop, or by a comma or a space and the name), or that follows a sentence's end on its line: the name on the same
  line, or alone on the next line (one blank line between at most);
- after a name field's label (a full name's, a given name's, a mother's name's, a contact person's) that starts its
  line (or follows a tab, a bar or a semicolon) and ends with a colon: the name, the rest of the field's value;

where the name is two to four capitalised words (Latin, Greek or Cyrillic letters, hyphenated ones too: "Nagy-Tóth
Eszter", "Per-Olof Strand"; an initial first: "Δ. Λαμπράκης"), or one given name we know, or one word after a given name's
label ("Imię:", "Etunimi:") or, of at most twelve letters, alone on its line under a closing line with a line under
it ("Tervitades\nKristjan\nPersonaliosakond"), ended by the line's end or by a comma, a semicolon, a bar, a bracket,
a dash or a sole trader's mark ("Nataša Kranjc s.p.", "Kadri Tamm FIE") that starts what follows (a title, a firm, a
town, a number: never taken).

:func:`is_closing_name` tells the learned PERSON check to keep such a span of two words or more (one word alone is
the check's to judge).

Never a word of a team, a department, a role, a firm, a public body, a product or a place (pii_signoff_names' stop
words: pii_closing_lines' and pii_firm_words' lists, the brands, the places, the function words; a few more offices
and trades: "Direcția", "Logistiikka", "Dispečink"), a greeting, a month, a sign-off's word, a firm's compound word of
eight letters or more ("Autokorjaamo", "Bilsenteret", "Felleskjøpet": a trade's head or tail), a Nordic definite form
alone ("Bogholderiet"), a word the message also writes in lower case (an ordinary word: "Lønn og personal",
"Kundeservice, NetNord A/S"), a word in capitals ("Bergen Tømrer AS"), nor a name a web or mail domain of the message
spells ("Uppsala Vatten" of uppsalavatten.se: a firm's); a name's field of a firm or a thing ("Cég neve:", "Yrityksen
nimi:") is not a person's field (the label must start its field). The search reads at most the message's last 60
lines after a closing phrase and its first 400 lines for fields, a line at most 200 characters long (a long line's
last 200 for a closing phrase after a sentence), at most 48 places a name may start, and proposes at most CAP names.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator

Found = tuple[str, int, int, float]

CAP = 12  # names a message at most
_SCORE = 0.85
_MAX_LINES = 400
_MAX_LINE = 200
_LAST_LINES = 60
_TRIES = 48  # places a name may start that are read at most

# closing phrases of Estonian, Latvian, Lithuanian, Finnish, Hungarian, Czech, Slovak, Slovenian, Croatian, Serbian,
# Bosnian, Bulgarian, Romanian, Greek, Danish, Norwegian, Swedish and Polish mail (lower case)
_CLOSINGS = r"""lugupidamisega|parimate soovidega|tervitustega|tervitades|heade soovidega|tänades|
ar cieņu|ar vislabākajiem novēlējumiem|ar labiem vēlējumiem|
pagarbiai|su pagarba|linkėjimai|geriausi linkėjimai|nuoširdžiai|
ystävällisin terveisin|parhain terveisin|terveisin|ystävällisesti|kunnioittavasti|
üdvözlettel|tisztelettel|baráti üdvözlettel|szívélyes üdvözlettel|köszönettel|üdv|
s pozdravem|s přátelským pozdravem|se srdečným pozdravem|s úctou|
s pozdravom|s priateľským pozdravom|so srdečným pozdravom|
lep pozdrav|lp|lepo pozdravljeni|s spoštovanjem|
srdačan pozdrav|srdačno|lijep pozdrav|s poštovanjem|sa poštovanjem|srdačni pozdravi|pozdrav|
с уважение|поздрави|сърдечни поздрави|с поздрав|поздрав|с уважением|
cu stimă|cu stima|cu respect|cu bine|toate cele bune|
με εκτίμηση|με φιλικούς χαιρετισμούς|φιλικά|με τιμή|
med venlig hilsen|venlig hilsen|de bedste hilsner|bedste hilsner|mange hilsner|
med vennlig hilsen|vennlig hilsen|beste hilsen|hilsen|mvh|vh|
med vänlig hälsning|med vänliga hälsningar|vänliga hälsningar|vänlig hälsning|bästa hälsningar|hälsningar|
z poważaniem|z wyrazami szacunku|pozdrawiam serdecznie|serdecznie pozdrawiam|pozdrawiam|łączę pozdrowienia|
tänan|täname|aitäh|paldies|ačiū|dėkoju|kiitos|köszönöm|köszönjük|děkuji|děkujeme|ďakujem|ďakujeme|hvala|najlepša hvala|
mulțumesc|mulţumesc|multumesc|mulțumim|благодаря|ευχαριστώ|ευχαριστούμε|tak|takk|tack|dziękuję|dziękujemy"""
_CLOSING_WORDS = "|".join(re.escape(p.strip()).replace(r"\ ", r"[ \t]") for p in sorted(
    {p for p in _CLOSINGS.replace("\n", "").split("|") if p.strip()}, key=lambda w: (-len(w), w)))
_CLOSING_LINE = re.compile(r"[ \t]{0,4}+(?=[^\W\d_])(?i:" + _CLOSING_WORDS + r")(?![\w'’])[ \t]{0,2}(?:[,.!:][ \t]{0,2}|[ \t])?")
# …or after a sentence on its line, then the name ("… a korrekciót. Üdvözlettel, Nagy Zsófia", "… igen? Mvh Gunnel
# Åkerlund, Norrbygg AB")
_CLOSING_AFTER_SENTENCE = re.compile(r"(?:(?<=[.!?] )|(?<=[.!?]\t))(?=[^\W\d_])(?i:" + _CLOSING_WORDS
                                     + r")(?![\w'’])(?:[ \t]{0,2}[,:])?[ \t]{1,2}")

# the labels of a name's field (lower case), then of a given name's field (one word may answer it)
_FIELDS = r"""név|teljes név|születési név|leánykori név|anyja neve|anyja születési neve|
vardas, pavardė|vardas ir pavardė|vardas pavardė|pavardė, vardas|pavardė|
vārds, uzvārds|vārds uzvārds|uzvārds, vārds|uzvārds|
ees- ja perekonnanimi|ees- ja perenimi|nimi|perekonnanimi|
koko nimi|sukunimi|
jméno a příjmení|příjmení a jméno|celé jméno|příjmení|
meno a priezvisko|priezvisko a meno|celé meno|priezvisko|
ime in priimek|priimek|ime i prezime|prezime i ime|prezime|
име и фамилия|име, презиме и фамилия|трите имена|фамилия|
nume și prenume|nume şi prenume|nume si prenume|numele și prenumele|numele si prenumele|nume|
ονοματεπώνυμο|ονοματεπωνυμο|επώνυμο|
navn|fulde navn|fullt navn|fullt namn|namn|efternavn|etternavn|efternamn|
imię i nazwisko|nazwisko i imię|nazwisko|
kontaktperson|kontaktisik|kontaktpersona|kontaktinis asmuo|yhteyshenkilö|kapcsolattartó|kontaktní osoba|
kontaktná osoba|kontaktna oseba|kontakt osoba|osoba za kontakt|лице за контакт|persoană de contact|
persoana de contact|πρόσωπο επικοινωνίας|osoba kontaktowa"""
_GIVEN_FIELDS = r"""keresztnév|utónév|vardas|vārds|eesnimi|etunimi|jméno|meno|ime|име|prenume|όνομα|fornavn|förnamn|
imię"""
_FIELD_LABEL = re.compile(
    r"(?:^|(?<=[\t|;]))[ \t]{0,4}(?i:(?P<full>" + "|".join(
        re.escape(p.strip()).replace(r"\ ", r"[ \t]") for p in sorted(
            {p for p in _FIELDS.replace("\n", "").split("|") if p.strip()}, key=lambda w: (-len(w), w)))
    + r")|(?P<given>" + "|".join(sorted({p.strip() for p in _GIVEN_FIELDS.replace("\n", "").split("|") if p.strip()},
                                        key=lambda w: (-len(w), w)))
    + r"))[ \t]{0,2}:[ \t]{1,3}", re.MULTILINE)

# departments and offices of these languages the stop words lack (folded)
_MORE_NOT_NAMES = frozenset("""directia serviciul biroul compartimentul departamentul urbanism odbor odd oddeleni
oddelek sluzba sektor osakond osakonna nodala skyrius yksikko dzial wydzial referat ured kancelaria kancelar
sekretariat sekretariatet administracija uprava direkcija odjel odsjek centrala
energi vatten vann vand hotell hotel hotelli hostel pension pensjon pensjonat autohus autohuset bilhus bilar biler
camping byg bygg vvs design invest finans fastighet fastigheter ejendom ejendomme eiendom eiendommer bolig boliger
bostader nordvest sydvest isannointi γραμματεια logistikk logistik logistika logisztika logistyka logistica logistiikka
dispecink dispecing spedice spedicia spedycja sekretariaat secretariat secretaria""".split())
# a firm's compound word: a trade's head or tail, a Nordic definite form ("Autokorjaamo Virtanen", "Bilsenteret
# Lillestrøm", "Dækcentret Viby", "Felleskjøpet Nordvest")
_FIRM_COMPOUND = re.compile(r"(?i)(?:auto|hotel|energi)[^\W\d_]{3,30}|[^\W\d_]{3,30}(?:huset|centret|senteret|kjøpet|"
                            r"köpet|lageret|verket|bruket|laget|selskapet|selskabet|kontoret|center|centrum|senter|"
                            r"keskus|korjaamo|palvelu|servis|service|huse|hus)")
# a web or mail domain: a firm signs with the name its domain spells ("Uppsala Vatten" of uppsalavatten.se)
_DOMAIN = re.compile(r"(?i)(?:@|(?<![\w.@-])(?:https?://)?(?:www\.)?)((?:[a-z0-9æøåäöüõšž-]{1,40}\.){1,3}[a-z]{2,6})"
                     r"(?![\w.@-])")
_WORD = r"[^\W\d_][^\W\d_'’]{1,24}(?:-[^\W\d_][^\W\d_'’]{1,24})?"
_INITIAL = r"[^\W\d_]\."
# two to four words (the first may be an initial), or one
_NAME = re.compile(rf"(?:{_INITIAL}[ \t]|{_WORD}[ \t])?{_WORD}(?:[ \t]{_WORD}){{0,2}}(?![\w'’@.-])")
# what may follow the name on its line
_NAME_END = re.compile(r"[ \t]{0,2}(?:$|[,;|(]|[ \t][–—-][ \t]|[ \t]{1,2}(?:s\.p\.|FIE|e\.v\.|Tmi|T:mi)(?![\w]))",
                       re.MULTILINE)
_LETTERS = re.compile(r"[^\W\d_]+")
# a given name alone on its line (no hyphen, not a Nordic definite form: "Bogholderiet")
_ALONE = re.compile(r"[^\W\d_][^\W\d_]{1,11}(?<!et)")


def _fold(word: str) -> str:
    from services.adapters.local import pii_signoff_names

    return pii_signoff_names._fold(word)


@functools.cache
def _not_names() -> frozenset[str]:
    """Words that are no one's name here (folded): pii_signoff_names' stop words, greetings, months, the rules'
    not-a-name words, the closing phrases' and the fields' words."""
    from services.adapters.local import pii_rules, pii_signoff_names

    words = set(pii_signoff_names._stop_words()) | set(pii_signoff_names._soft_words())
    words |= {_fold(w) for w in pii_rules.NOT_NAMES} | _MORE_NOT_NAMES
    for phrase in (_CLOSINGS + "|" + _FIELDS + "|" + _GIVEN_FIELDS).replace("\n", "").split("|"):
        words |= {_fold(w) for w in _LETTERS.findall(phrase)}
    return frozenset(words)


def _capitalised(word: str) -> bool:
    return all(p[:1].isupper() and (len(p) == 1 or not p[1:].isupper() and p[1:] == p[1:].lower())
               for p in word.split("-"))


def _name(text: str, pos: int, one_word: bool) -> tuple[int, int] | None:
    """The name that starts at pos and runs to an end its line allows (the module's docstring), or None."""
    from services.adapters.local import pii_given_names, pii_signoff_names

    m = _NAME.match(text, pos)
    if m is None or _NAME_END.match(text, m.end()) is None:
        return None
    words = m.group().split()
    if len(words) > 4:
        return None
    named = [w for w in words if not (len(w) == 2 and w.endswith("."))]
    if not named or (words[0].endswith(".") and not words[0][0].isupper()):
        return None
    if len(named) == 1 and not (one_word or len(words) == 2 or pii_given_names._given(named[0])):
        return None
    for word in named:
        folded = _fold(word)
        if not _capitalised(word) or folded in _not_names() or any(_fold(p) in _not_names() for p in word.split("-")):
            return None
        if pii_signoff_names._team_word(word.lower()) or \
                len(word) >= 8 and _FIRM_COMPOUND.fullmatch(word) and not pii_given_names._given(word):
            return None
        if word.lower() in _lower_words(text):  # an ordinary word of the message ("… v účtárně. Účtárna")
            return None
    if _in_domain(text, named):
        return None
    return m.start(), m.end()


_LOWER_WORD = re.compile(r"(?<![\w.@])[^\W\d_A-ZÀ-ÞΑ-ΩА-Я][^\W\d_]{0,30}(?:-[^\W\d_]{1,30}){0,2}(?![\w@-]|\.\w)")


@functools.lru_cache(maxsize=8)
def _lower_words(text: str) -> frozenset[str]:
    """The words the message writes in lower case (not in an e-mail address or a web address)."""
    return frozenset(m.group() for m in itertools.islice(_LOWER_WORD.finditer(text), 20000) if m.group().islower())


def _in_domain(text: str, words: list[str]) -> bool:
    """Whether the name's words, run together, are a web or mail domain's name in the message (a firm's)."""
    if "." not in text:
        return False
    joined = "".join(_fold(w).replace("-", "") for w in words)
    for i, m in enumerate(_DOMAIN.finditer(text)):
        if i >= 20:
            break
        host = m.group(1).lower().replace("-", "")
        if joined in host:
            return True
    return False


def _line_starts(text: str) -> list[int]:
    starts = [0]
    i = text.find("\n")
    while i != -1 and len(starts) < _MAX_LINES * 4:
        starts.append(i + 1)
        i = text.find("\n", i + 1)
    return starts


def _names(text: str) -> Iterator[tuple[int, int] | None]:
    """Each place a name may start, read: the name there, or None."""
    starts = _line_starts(text)
    ends = [s - 1 for s in starts[1:]] + [len(text)]
    n = len(starts)
    # after a closing phrase: the name on its line, or alone on the next line (one blank line between at most)
    for i in range(max(0, n - _LAST_LINES), n):
        a, b = starts[i], ends[i]
        m = _CLOSING_LINE.match(text, a, b) if b - a <= _MAX_LINE else None
        if m is None:  # (a long line's last characters only)
            for m in _CLOSING_AFTER_SENTENCE.finditer(text, max(a, b - _MAX_LINE), b):
                yield _name(text, m.end(), False)
            continue
        rest = text[m.end():b].strip()
        if rest:
            if m.group().rstrip(" \t")[-1:] not in ",:" and not m.group().endswith((" ", "\t")):
                continue
            yield _name(text, m.end(), False)
            continue
        for j in (i + 1, i + 2):
            if j >= n:
                break
            line = text[starts[j]:ends[j]]
            if not line.strip():
                continue
            if len(line) <= _MAX_LINE:
                pos = starts[j] + len(line) - len(line.lstrip(" \t"))
                # one word alone on its line, a line (a title, a team, a firm) under it: a given name
                alone = j + 1 < n and bool(text[starts[j + 1]:ends[j + 1]].strip()) and \
                    _ALONE.fullmatch(line.strip()) is not None
                yield _name(text, pos, alone)
            break
    # after a name's field
    for i in range(min(n, _MAX_LINES)):
        a, b = starts[i], ends[i]
        if b - a > _MAX_LINE:
            continue
        for m in _FIELD_LABEL.finditer(text, a, b):
            yield _name(text, m.end(), m.group("given") is not None)


@functools.lru_cache(maxsize=8)
def _found(text: str) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    for span in itertools.islice(_names(text), _TRIES):
        if span is not None and span not in out:
            out.append(span)
            if len(out) >= CAP:
                break
    return tuple(out)


def find_closing_names(text: str) -> list[Found]:
    """The names of the module's docstring, at most CAP."""
    return [("PERSON", start, end, _SCORE) for start, end in _found(text)]


def is_closing_name(text: str, start: int, end: int) -> bool:
    """Whether [start, end) lies inside a name this module finds (the learned PERSON check keeps it)."""
    return any(s <= start and end <= e and " " in text[s:e] for s, e in _found(text))
