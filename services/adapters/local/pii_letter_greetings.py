"""Names after the greetings and titles of letters in the languages our mail mixes (issue 21, session 34, 34-1).

The name finders knew the greetings and courtesy titles of English, Spanish, Portuguese, Italian, French, German,
Dutch and Polish letters ("Dear Ms Ito,", "Sehr geehrte Frau Yilmaz"). A letter from Prague, Budapest, Bucharest,
Zagreb, Sofia, Athens, Oslo or Tallinn greets its reader with its own words, and the name it greets was missed:
"Vážená paní Nováková,", "Dobrý den, pane Horáku,", "Stimate domnule Popescu,", "Poštovana gospođo Horvat,",
"Kedves Nagy Péter!", "Tisztelt Farkas Judit!", "Здравейте г-жо Димитрова,", "Αγαπητέ κ. Παπαδάκη,", "Hei Ola,",
"Tere Mart!".

:func:`find_letter_greetings` (a finder of ``pii_rules.find_all``) proposes, as a PERSON:

- the capitalised words (one to three, in Latin, Greek or Cyrillic letters, vocative endings as written: "pane
  Horáku", "gospodine Babiću") after a courtesy title of Czech, Slovak, Polish, Romanian, Croatian / Serbian /
  Bosnian / Slovene, Bulgarian, Russian / Ukrainian, Greek, Nordic, Finnish, Estonian or Lithuanian mail ("paní",
  "domnule", "gospođo", "г-жо", "κ.", "fru", "rouva", "proua", "ponia"), wherever it stands; and the capitalised words
  before a title said after the name (Hungarian "Tóth Gábor úr", "Kiss Anna asszony", "Tisztelt Kovács Péter Úr!";
  Latvian "Bērziņa kungs");
- the capitalised words that follow such a letter's greeting at the start of a line ("Kedves", "Tisztelt",
  "Vážená", "Stimate", "Poštovani", "Здравейте", "Αγαπητή", "Hei", "Hej", "Kære", "Hyvä", "Tere", "Labas") and run
  to a comma, an exclamation mark, a colon or the line's end — one word too, as the older greeting rule reads "Hi
  Jenny," — Hungarian surname-first names whole ("Kedves Nagy Péter!").

:func:`without_letter_greetings` (a filter of the detector's ``_never_names``) cuts such a greeting off the front of a
PERSON span another finder made ("Kedves Nagy Péter" → "Nagy Péter"), and a title said after the name too ("Tisztelt
Kovács Péter Úr" → "Kovács Péter"), and drops what is left when it is no one.

Never what a letter greets that is no one: an office, a team, a role or a customer ("Tisztelt Cím!", "Kedves
Óvoda!", "Hej allihop", "Vážení zákazníci", "Dobrý den paní učitelko") — words on our list of addressees that are not
names, lower-case words, shouted words, a firm's legal form or a word of the firm list.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator

from services.adapters.local import pii_found
from services.models import PiiSpan

CAP = 24  # names a message at most
_SCORE = 0.85

# a word in any letters, with hyphens and apostrophes ("Nowak-Jeleński", "D'Amico"); a name's words are capitalised
_WORD = re.compile(r"[^\W\d_]{1,30}(?:['’-][^\W\d_]{1,30}){0,2}")

# ---- greetings of letters (at a line's start) ------------------------------------------------------------------------
_GREETINGS = (
    # Czech, Slovak
    r"vážen[áýí]|vazen[ayi]|mil[áýí]|dobrý[ \t]de[nň]|dobry[ \t]de[nň]|ahoj|zdravím|"
    # Polish
    r"szanown[aiy]|drog[aiy]|dzień[ \t]dobry|witam|cześć|"
    # Hungarian
    r"kedves|tisztelt|jó[ \t]napot(?:[ \t]kívánok)?|szia|sziasztok|"
    # Romanian
    r"stimat[ăae]|dragă|draga|dragi|bună[ \t]ziua|buna[ \t]ziua|"
    # Croatian, Serbian, Bosnian, Slovene
    r"poštovan[aiю]|postovan[ai]|spoštovan[aiе]|spostovan[ai]|dragi|draga|dobar[ \t]dan|dober[ \t]dan|zdravo|"
    # Bulgarian, Russian, Ukrainian
    r"здравейте|уважаем[аи](?:я|й)?|уважаемый|уважаемая|скъп[аио]|драги|добър[ \t]ден|здравствуйте|"
    r"добрый[ \t]день|шановн(?:ий|а|і)|добрий[ \t]день|вітаю|дорог(?:ой|ая|ий|а)|"
    # Greek
    r"αγαπητ[έήοί]|αγαπητέ|αξιότιμ[εηοι]|"
    # Danish, Norwegian, Swedish, Icelandic, Finnish
    r"hei|hej|hejsan|kære|kjære|bästa|käre|kära|hæ|kæri|kæra|hyvä|moi|terve|"
    # Estonian, Latvian, Lithuanian
    r"tere|lugupeetud|hea|labas|laba[ \t]diena|gerbiam(?:as|a|ieji|osios)|sveiki|cienījam(?:ais|ā)|labdien|mīļ(?:ā|ais)")
_GREETING = re.compile(rf"(?im:^(?:@\w{{1,30}}[ \t]{{1,3}}){{0,3}}(?:{_GREETINGS})(?![\w'’-]))")

# ---- courtesy titles before a name (case-insensitive; the name must be capitalised) ----------------------------------
_TITLES_BEFORE = (
    # Czech, Slovak (and their academic titles)
    r"pan|pán|pane|paní|pani|panu|pánovi|slečn[ao]|mudr\.|mvdr\.|ing\.|mgr\.|judr\.|phdr\.|rndr\.|bc\.|doc\.|"
    # Polish
    r"panie|panią|pana|"
    # Romanian
    r"domnul|domnule|domnului|doamna|doamnă|doamnei|domnișoara|domnisoara|d-l|d-lui|d-na|d-nei|dl\.|dna\.|"
    # Croatian, Serbian, Bosnian, Slovene
    r"gospodin|gospodine|gospodinu|gospođa|gospođo|gospođi|gospođica|gospođice|gospodjo|gospodja|gđa\.?|gđo\.?|"
    r"gosp\.|gospod|gospa|ga\.|"
    # Bulgarian, Russian, Ukrainian
    r"г-н|г-жа|г-жо|г-це|господин|госпожа|господине|госпожо|пане|пані|"
    # Greek
    r"κ\.|κα\.?|κος\.?|κύριε|κυρία|κύριος|κυρίου|κας\.?|"
    # Nordic, Finnish, Estonian, Lithuanian
    r"hr\.|fru|fröken|frk\.|herra|rouva|neiti|härra|proua|pr\.|ponas|ponia|pone|poniai|ponui")
# the lookahead first: a position that holds no letter is passed over at once (a 200,000-character run of digits cost
# 0.07 s in the alternation before it)
_TITLE_BEFORE = re.compile(rf"(?=[^\W\d_])(?<![\w'’.-])(?i:{_TITLES_BEFORE})(?![\w'’])")
# titles said after the name: Hungarian "Tóth Gábor úr", "Kiss Anna asszony"; Latvian "Bērziņa kungs"
# (capitalised too, as a greeting writes it: "Tisztelt Kovács Péter Úr!")
_TITLE_AFTER = re.compile(r"(?<![\w'’-])(?:[úÚ]r|[úÚ]rnak|[uU]rat|[aA]sszony|[aA]sszonynak|[aA]sszonyt|[kK]ungs|[kK]ungam|"
                          r"[kK]undze|[kK]undzei)(?![\w'’])")

# after the greeted name: the greeting line ends
_GREETED_END = re.compile(r"[ \t]{0,2}(?:[,!:]|\r?\n|\Z)")
_SEPARATOR = re.compile(r"[ \t]{0,2},?[ \t]{1,3}")

# what a letter greets that is no one (lower-cased): offices, teams, roles, customers, parents, colleagues
_NOT_GREETED = frozenset("""
cím címzett ügyfélszolgálat ügyfélkapcsolat ügyintéző ügyintézők bérszámfejtés könyvelés pénzügy pénzügyek titkárság
recepció munkatárs munkatársak kolléganő osztály szerkesztőség hivatal önkormányzat polgármester jegyző tanárnő tanár
ügyfelünk ügyfél ügyfelek óvoda iskola kolléga kollégák kollégáim szülők szülő hölgyem uram partnerünk
könyvelő könyvelőnő közös képviselő elnök elnöknő alelnök ügyvéd ügyvédnő főorvos orvos gondnok házmester tulajdonos
bérlő bíró főnök alpolgármester ügyvezető igazgató direktora priekšsēdētāja valdes vadītāja
partnerek vezetőség csapat igazgató igazgatónő doktornő doktor úr asszony hölgyeim uraim
zákazníku zákaznice zákazníci klientko kliente klienti rodiče kolegové kolegyně kolego kolegyně učitelko učiteli
doktore doktorko pane paní vedení tým týme redakce podpora sekretariát účtárna oddělení oddelenie
starosto starostko ředitelko řediteli riaditeľ riaditeľka
wychowawczyni wychowawco wychowawczyno prezes prezesie prezesko kierowniczko dyrektorko doktor doktorze
profesor profesorze sekretariat księgowość kadry obsługa
państwo klient klientko kliencie kierownik kierowniczko dyrektor dyrektorze pracownicy zespół rodzice koledzy
client clientă clienți domnule doamnă director colegi echipa părinți
kolege kolegice korisniče korisnici roditelji gospodine gospođo poštovani tim
клиенти клиент колеги колега родители господине госпожо клиенты коллеги друзья
πελάτη πελάτες συνάδελφοι γονείς κύριε κυρία
kundservice kundeservice kundtjänst asiakaspalvelu klienditugi zákaznický zákaznícky
kunde kunder alle alla allihop allesammen kollegaer kolleger foreldre föräldrar vårdnadshavare team teamet
asiakas asiakkaamme asiakkaat vanhemmat kollegat tiimi
klient kliendid lapsevanem lapsevanemad kolleegid meeskond
kliente klientai kolegos tėveliai klient klientu kolēģi
""".split())


@functools.cache
def _lists() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    from services.adapters.local import pii_rules  # imported at call time: pii_rules imports this module

    return pii_rules.NOT_NAMES, pii_rules.NOT_ADDRESSEES, pii_rules.COMPANY_SUFFIXES


def _fine(words: list[str]) -> bool:
    """Whether the words may be a person's name: none is a word we know is not one, a firm's legal form or shouted."""
    not_names, not_addressees, suffixes = _lists()
    for word in words:
        low = word.lower()
        if (low in _NOT_GREETED or low.strip("'’-") in not_names or low in not_addressees or low.rstrip(".") in suffixes
                or (word.isupper() and len(word) > 1)):
            return False
    return True


def _capitalised(word: str) -> bool:
    return len(word) > 1 and word[0].isupper() and not word.isupper()


def _name_at(text: str, pos: int) -> tuple[int, int] | None:
    """One to three capitalised words from pos, one space or tab apart, none a word we know is not a name."""
    end, i = -1, pos
    words: list[str] = []
    while len(words) < 3:
        m = _WORD.match(text, i)
        if not m or not _capitalised(m.group()):
            break
        end = m.end()
        words.append(m.group())
        if end < len(text) and text[end] in " \t":
            i = end + 1
            continue
        break
    return (pos, end) if words and _fine(words) else None


_WORD_BACK = re.compile(r"(?:^|(?<=[ \t\n,.:;!?(]))([^\W\d_][^\W\d_'’-]{1,30}(?:[ \t][^\W\d_][^\W\d_'’-]{1,30})?)[ \t]\Z")


def _name_before(text: str, end: int) -> tuple[int, int] | None:
    """One or two capitalised words ending one space before end (a title said after the name: "Tóth Gábor úr")."""
    m = _WORD_BACK.search(text, max(0, end - 64), end)
    if not m:
        return None
    words = m.group(1).split()
    start = m.start(1)
    if len(words) == 2 and not _capitalised(words[0]):
        start += len(words[0]) + 1
        words = words[1:]
    if not all(_capitalised(w) for w in words) or not _fine(words):
        return None
    return start, m.end(1)


def _titled(text: str) -> Iterator[tuple[int, int]]:
    for m in _TITLE_BEFORE.finditer(text):
        pos = m.end()
        gap = 0
        while pos + gap < len(text) and text[pos + gap] in " \t" and gap < 2:
            gap += 1
        if gap:
            found = _name_at(text, pos + gap)
            if found:
                yield found
    for m in _TITLE_AFTER.finditer(text):
        found = _name_before(text, m.start())
        if found:
            yield found


def _greeted(text: str) -> Iterator[tuple[int, int]]:
    for m in _GREETING.finditer(text):
        sep = _SEPARATOR.match(text, m.end())
        if not sep or "," in sep.group() or _TITLE_BEFORE.match(text, sep.end()):
            continue  # a titled name is _titled's; after a comma only a title's name is read ("Dobrý den, pane X,")
        found = _name_at(text, sep.end())
        if found and _GREETED_END.match(text, found[1]):
            yield found


def find_letter_greetings(text: str) -> Iterator[tuple[str, int, int, float]]:
    """The names of the module's docstring, at most CAP, each once."""
    yield from pii_found.unique_persons(itertools.chain(_titled(text), _greeted(text)), CAP, _SCORE)


def without_letter_greetings(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """A PERSON span that starts with one of these letters' greetings at a line's start ("Kedves Nagy Péter",
    "Tisztelt Cím") loses the greeting; what is left is dropped when it is no one ("Cím", "Kundservice") or nothing."""
    out = []
    for span in spans:
        if span.kind == "PERSON":
            greeting = _GREETING.match(text, text.rfind("\n", 0, span.start) + 1)
            if greeting and greeting.start() <= span.start < greeting.end() < span.end:
                rest = _SEPARATOR.match(text, greeting.end())
                start = rest.end() if rest else span.end
                end = span.end
                after = re.search(r"[ \t](\S{1,12})\Z", text[start:end])
                if after and _TITLE_AFTER.fullmatch(after.group(1)):
                    end = start + after.start()  # the title said after the name: "Tisztelt Kovács Péter Úr"
                if start >= end or not _fine(text[start:end].split()):
                    continue
                span = PiiSpan(span.kind, start, end, span.score)
        out.append(span)
    return out
