"""The company a message greets is not a person (issue 21, session 33).

A customer who writes to a company often greets it by name before the request: "Hola Aerolíneas Argentinas, necesito
…", "hey Stanbic Uganda, need a statement", "Dear DESCO, prepaid meter …", "Hi HoYoverse, I topped up …", "Yo
T-Mobile my phone got stolen". The name finders read the greeted name as a person's ("Hi Jenny,"), so the company's
name was masked and the agent lost who the message was for.

:func:`without_greeted_firms` (a filter of the detector's ``_never_names``) drops a PERSON span that lies within the
greeting that opens a message (after any @handles) and the run of capitalised words that follows it, when:

- the greeting and the run are set apart by spaces only ("Good morning, Yaw Asante here" greets no one), the run
  holds no title ("Dear Mr Okafor", "Bonjour M. Girard", "Ihre Kollegin Frau Yilmaz") and is not the writer saying who
  they are ("Hello I'm Okabe Ren", "Bom dia Sou Cleide", "Hi Kwame Asante here");
- none of the run's words is a given name we know, and no other PERSON span of the message bears one of them;
- the run reads as a firm's name: two words or more ("Royal Air Maroc", "Pos Laju", "Celtic Van Hire"), or one word
  of three to five capitals in a message not shouted ("DESCO"), with a capital inside ("HoYoverse", "CityWater"), with a digit or a capital after a
  hyphen ("T-Mobile", "O2"), or on the brands list ("Vodacom").

One capitalised word we do not know as a given name stays masked: "Hi Rogers," and "Hi Joanne," look alike, and the
seen sets greet thirteen people so for every twenty-five firms (sizing in docs/security.md, session 33).
"""

from __future__ import annotations

import functools
import re

from services.adapters.local import pii_rules
from services.models import PiiSpan

# greetings that open a message in the languages our messages mix (lower case; "good morning" is two words), after
# any @handles, on their line or the next ("@TeamAcme \nDear TeamAcme,")
_GREETING = re.compile(
    r"(?i:\A[ \t]*(?:(?:@[\w.]{1,40}|RT)[ \t,:\n]{1,4}){0,4}"
    r"(?:hi|hello|hey|hiya|heya|yo|dear|greetings|good[ \t](?:morning|afternoon|evening|day)|g['’]?day|howdy|"
    r"hola|buenas|buenos[ \t]d[ií]as|buenas[ \t](?:tardes|noches)|estimad[oa]s?|señores|senores|"
    r"bonjour|bonsoir|salut|allô|allo|cher|chère|chers|"
    r"hallo|guten[ \t](?:tag|morgen|abend)|moin|servus|grüezi|grüß[ \t]gott|sehr[ \t]geehrte[rs]?|liebe[rs]?|"
    r"olá|ola|oi|bom[ \t]dia|boa[ \t](?:tarde|noite)|prezad[oa]s?|car[oa]|"
    r"ciao|buongiorno|buonasera|salve|gentile|spett\.?le|"
    r"beste|geachte|hoi|goede(?:morgen|middag|navond)|hej|hei|kære|kæreste|"
    r"dzień[ \t]dobry|witam|dobr[ýy][ \t]den|bună[ \t]ziua|merhaba|chào|xin[ \t]chào|"
    r"selamat[ \t](?:pagi|siang|sore|malam|petang)|halo|namaste|salam|jambo|habari|kia[ \t]ora)"
    r"[ \t]{1,3})")  # no comma, stop or colon between: "Good morning, Yaw Asante here", "hello! Kuya Jun from …"
# the run of capitalised words after it: "Royal Air Maroc", "Celtic Van Hire", "T-Mobile", "Boligselskabet Nørrebro"
_CAPITALISED = r"[A-ZÀ-ÖØ-Þ0-9][\w'’&+.-]{0,30}"
_CONNECTOR = r"(?:de|da|do|dos|das|del|di|du|van|von|der|den|la|le|of|and|y|e|et|und|&)"
_RUN = re.compile(rf"{_CAPITALISED}(?:[ \t]{{1,2}}(?:{_CONNECTOR}[ \t]{{1,2}})?{_CAPITALISED}){{0,5}}")
_WORD = re.compile(r"[^\W_][\w'’-]*")
_LETTERS = re.compile(r"[^\W\d_]+")
_TITLE = frozenset("""mr mrs ms miss mx dr sr sra srta madame monsieur mme mlle m madam sir herr frau professor prof
dott dottor dottore dottoressa sig signor signora signorina señor señora señorita don doña dona dom seu senhor senhora
mevrouw meneer heer pan pani panie panno maître maitre me avv lic ing arch notary nurse doctor docteur doktor praxis
rev fr father sister chief alhaji mama bapak pak ibu tuan encik puan kuya ate tita tito""".split())
# words of a writer who says who they are or what they want, not whom they greet ("Hi, I'm Okabe Ren", "Hello, My
# Order Is Late")
_SELF = frozenset("""i i'm i’m im i've i’ve i'd i’d it it's it’s its this is am are my me we we're our here from name
please pls thanks thank can could would sou soy je suis ich bin sono ik ben jestem""".split())
# a capital inside a word, a digit, a capital after a hyphen: "HoYoverse", "O2", "T-Mobile"
_FIRM_INSIDE = re.compile(r"[a-zà-ÿ][A-ZÀ-Þ]|\d|-[A-ZÀ-Þ]")
# what follows a writer's own name ("Kwame Asante here", "Ama from flat 3")
_INTRODUCED = re.compile(r"(?i:[ \t,]{1,3}(?:here|speaking|from|again|calling|writing|aqui|aquí|ici|hier)\b)")
_TITLE_DOTTED = re.compile(r"(?i:\A(?:dott\.ssa|sig\.ra|sig\.na|dr\.|m\.|mr\.|mrs\.|ms\.|sr\.|sra\.|me\.|avv\.|lic\.))")


def without_greeted_firms(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """The spans less the PERSON spans that are the company a message's opening greeting names (the module's
    docstring)."""
    run = _greeted_firm(text[:400])
    if run is None:
        return spans
    start, end = run
    others = {w.lower() for s in spans if s.kind == "PERSON" and (s.end <= start or s.start >= end)
              for w in _LETTERS.findall(text[s.start:s.end])}
    if any(len(w) > 1 and w.lower() in others for w in _LETTERS.findall(text[start:end])):  # "Mahoney's Pharmacy"
        return spans
    return [s for s in spans if not (s.kind == "PERSON" and s.end <= end and s.end > start)]


@functools.lru_cache(maxsize=4)  # one text at a time (the detector's filters ask once per span list)
def _greeted_firm(head: str) -> tuple[int, int] | None:
    """Where the greeted firm's name is in a message's first characters, or None."""
    greeting = _GREETING.match(head)
    if greeting is None:
        return None
    run = _RUN.match(head, greeting.end())
    if run is None:
        return None
    value = run.group().rstrip(".")
    words = _WORD.findall(value)
    if not words or _titled(value, words) or any(w.lower() in _SELF for w in words):
        return None
    if _INTRODUCED.match(head, run.start() + len(value)):
        return None
    if any(w.lower() in pii_rules.GIVEN_NAMES for w in words):
        return None
    if len(words) < 2 and not _firm_shaped(head, value):
        return None
    return run.start(), run.start() + len(value)


def _titled(value: str, words: list[str]) -> bool:
    """Whether the run holds a title ("Mr Okafor", "M. Girard", "Dott.ssa Lombardo", "Ihre Kollegin Frau Yilmaz")."""
    return any(w.lower() in _TITLE for w in words) or _TITLE_DOTTED.match(value) is not None


def _firm_shaped(head: str, word: str) -> bool:
    """Whether one word reads as a firm's name: three to five capitals (in a message not shouted), a capital inside, a digit, a
    capital after a hyphen, or a brand we list."""
    letters = [c for c in word if c.isalpha()]
    if 3 <= len(letters) <= 5 and all(c.isupper() for c in letters):  # "AJ", "DJ" are nicknames, "NGOZIKA" a name
        lower = sum(c.islower() for c in head)
        return lower > sum(c.isupper() for c in head)  # "HI JOHN, WHERE IS MY ORDER" is shouted, not an acronym
    if _FIRM_INSIDE.search(word):
        return True
    return word.lower() in _brands()


@functools.cache
def _brands() -> frozenset[str]:
    """The detector's brands list (imported here, not at the top: the detector imports this module while it loads)."""
    from services.adapters.local import pii_presidio
    return pii_presidio.BRANDS
