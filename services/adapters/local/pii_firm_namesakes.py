"""A masked signer's surname again in the firm's name under it (session 46, candidate 46-5; issue 21).

A tradesman, an accountant, a notary or a landlord signs with his full name and, under it or on the same line, the
firm named after him: "Reto Gasser\\nGasser Sanitär AG", "Thomas Brunner\\nBrunner & Sohn GmbH", "Conor McCabe\\n
Solicitor\\nMcCabe & Lynch Solicitors", "Dott.ssa Laura Benedetti\\nStudio Benedetti Commercialisti Associati",
"R. Hennessy\\nHennessy Lettings", "Koen Van Dijck\\nBouwbedrijf Van Dijck bv", "Florian Lechner, Steuerberater\\n
Steuerberatung Lechner KG". The labelling convention (tests/data/pii/build.py, since session 11, again in sessions
25, 27 and 30) masks the surname inside the firm's name when the same person is masked elsewhere in the message —
else "Gasser Sanitär AG" under "[PERSON]" gives the writer's name away — and keeps the rest of the firm's name, its
trade words and its legal form. The firm filters of the detector (a legal form, a trade's word, a firm's line in the
closing lines, the learned PERSON check) read the firm's line as a business and dropped the surname with it.

:func:`with_firm_namesakes` (run last among the add-backs, after the firm and public-body filters) adds, as a PERSON
span, each other mention of the surname of a full name the detector masked — the name's last capitalised word with
the particles before it inside the name ("Van Dijck", "de Boer" → "De Boer"; at least three letters, not a word in
capitals, not a title; the name on one line, opening with a given name we know or an initial, or alone on its line
as a signature's name is, though not a line that opens with another name's surname: "Oskar Wallin\\nWallin
Översättningar" is the firm's line) — where the mention

- is the same word, capitalised, standing alone (not inside an e-mail address, a web address or a hyphenated or
  longer word: "brunner-gartenbau.de", "Kugler-Straße" stay as they are), or followed by a possessive "'s" ("Quinn's
  Garage");
- stands in a firm's name: the next word on its line is capitalised, "&", "+", "und", "and", "e", "et", "y", "en" or
  a legal form, or the word before it on its line is capitalised (a trade's word: "Studio Benedetti",
  "Steuerberatung Lechner", "Bouwbedrijf Van Dijck");
- and is no street's, square's or place's name (a street word before or after it: "Via Rinaldi", "Brunnerstraße",
  "Hofbauer Weg", "Daly Street"), not a word the message writes in lower case (an ordinary word: "Lane", "Bank"), not
  inside a kept value, not masked already.

A PERSON span over the mention gives way where it lies inside it ("Dijck" of "Van Dijck") or where it starts at the
surname and runs on over the firm's words only ("Boer Schilderwerken": the trade's word is no one's name): the
surname alone is the span. Another name the firm's line holds (a partner's: "Wolters & Brinkmann") is not taken: it
is nobody the message masks. The pass reads at most the first 20,000 characters and at most CAP mentions, every
pattern bounded.
"""

from __future__ import annotations

import functools
import re

from services.adapters.local import pii_found, pii_rules
from services.models import PiiSpan

CAP = 8  # mentions a message at most
_SCORE = 0.8
_READ = 20000
_NAMES = 6  # full names read at most

_WORD = re.compile(r"[^\W\d_][^\W\d_'’]{0,30}(?:-[^\W\d_][^\W\d_'’]{0,30})?\.?")
_PARTICLES = frozenset("van von der den de del della di da du dos das la le ter ten op mac ó ní".split())
# the words of a street, a square, a road (lower case; a word that ends in one counts too: "Brunnerstraße")
_STREET_WORDS = frozenset("""street st road rd avenue ave lane close drive way place square terrace crescent court
row hill park gardens grove mews walk parade quay wharf strasse straße str weg gasse platz allee ring damm ufer
steig pfad laan straat plein gracht kade dijk singel via viale piazza corso largo vicolo calle avenida plaza paseo
carrer rua praça travessa rue avenue boulevard bd quai chemin impasse allée cours gata gatan vej vei väg tie katu
utca ulica ul tänav iela gatve cesta ulice""".split())
_STREET_ENDINGS = ("strasse", "straße", "weg", "gasse", "platz", "allee", "laan", "straat", "plein", "gata", "gatan",
                   "vej", "vei", "väg", "katu", "tie", "utca", "tänav", "iela")
_JOINERS = frozenset("& + und and e et y en och og".split())
_TITLES = frozenset("""mr mrs ms miss mx dr prof sir herr frau dott dottssa avv geom rag ing arch sig sigra sr sra
mme mlle m mevr dhr mw mevrouw meneer notaris notar maître me mag""".split())


def _fold(word: str) -> str:
    return word.lower().rstrip(".").replace("’", "'")


@functools.cache
def _legal_forms() -> frozenset[str]:
    from services.adapters.local import pii_closing_lines

    return pii_closing_lines._legal_forms()


@functools.cache
def _stop_words() -> frozenset[str]:
    from services.adapters.local import pii_presidio

    return frozenset(pii_presidio._PERSON_STOP) | frozenset(w.lower() for w in pii_rules.NOT_NAMES)


def _surname(value: str, alone: bool = False) -> tuple[str, ...] | None:
    """The surname of a full name on one line that opens with a given name we know or an initial, or that is its
    line's only words (``alone``: a signature's name line), as its words (particles included), or None."""
    if "\n" in value:
        return None
    words = [w for w in _WORD.findall(value)]
    if len(words) < 2:
        return None
    last = len(words) - 1
    while last > 0 and (words[last].isupper() and len(words[last]) > 1 or _fold(words[last]) in _TITLES):
        last -= 1  # "Duncan Fairbairn ACA": the letters after a name are none of it
    if last < 1:
        return None
    word = words[last]
    if word.endswith(".") or len(word) < 3 or not word[0].isupper() or word.isupper():
        return None
    if _fold(word) in _stop_words() or _fold(word) in _STREET_WORDS:
        return None
    first = last
    while first > 1 and _fold(words[first - 1]) in _PARTICLES:
        first -= 1
    named = [w for w in words[:first] if _fold(w) not in _TITLES]
    if not named:
        return None  # "Dott. Benedetti": a title and a surname is no full name here
    given = named[0]
    if not (alone or re.fullmatch(r"[^\W\d_]\.(?:-?[^\W\d_]\.)?", given) or _fold(given) in pii_rules.GIVEN_NAMES):
        return None  # the name must open with a given name we know or an initial ("Kilbride Fresh" is a firm's)
    if any(_fold(w) in _legal_forms() or _fold(w) in _stop_words() for w in words):
        return None
    return tuple(words[first:last + 1])


def _street(word: str) -> bool:
    low = _fold(word)
    return low in _STREET_WORDS or low.endswith(_STREET_ENDINGS)


def _lower_words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"(?<![\w@./-])[^\W\d_A-ZÀ-Þ][^\W\d_]{2,30}(?![\w@-])", text) if w.islower())


def _firm_context(text: str, start: int, end: int) -> bool:
    """Whether the mention stands in a firm's name: a capitalised word, a joiner or a legal form after it on its line,
    or a capitalised word before it on its line."""
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    after = re.match(r"(?:['’]s)?[ \t]{1,2}([^\W\d_][\w.'’&/-]{0,30}|[&+])", text[end:line_end])
    if after:
        word = after.group(1)
        if word in "&+" or _fold(word) in _JOINERS or _fold(word).rstrip(".") in _legal_forms() or (
                word[0].isupper() and not _street(word)):
            return True
    line_start = text.rfind("\n", 0, start) + 1
    before = re.search(r"([^\W\d_][\w'’-]{1,30})[ \t]{1,2}\Z", text[max(line_start, start - 40):start])
    return before is not None and before.group(1)[0].isupper() and not _street(before.group(1)) and \
        _fold(before.group(1)) not in _TITLES and _fold(before.group(1)) not in pii_rules.GIVEN_NAMES


def _mentions(text: str, spans: list[PiiSpan], keep: list[tuple[int, int]]) -> list[tuple[int, int]]:
    read = text[:_READ]
    surnames: dict[tuple[str, ...], None] = {}
    sources: list[tuple[int, int]] = []
    lasts = {_fold(w[-1]) for s in spans if s.kind == "PERSON" and " " in text[s.start:s.end]
             for w in [text[s.start:s.end].split()]}
    for s in spans:
        if s.kind == "PERSON" and s.end <= _READ and len(surnames) < _NAMES:
            line_start = text.rfind("\n", 0, s.start) + 1
            line_end = text.find("\n", s.end)
            alone = not text[line_start:s.start].strip(" \t>-–—/") and \
                not text[s.end:len(text) if line_end < 0 else line_end].strip(" \t,.")
            if alone and _fold(text[s.start:s.end].split()[0]) in lasts:
                alone = False  # "Oskar Wallin\nWallin Översättningar": the line under the name is the firm's
            name = _surname(text[s.start:s.end], alone)
            if name is not None:
                surnames[name] = None
                sources.append((s.start, s.end))
    if not surnames:
        return []
    lower = _lower_words(read)
    out: list[tuple[int, int]] = []
    for name in surnames:
        if any(w.lower() in lower for w in name[-1:]):
            continue
        pattern = re.compile(r"(?<![\w'’@./&-])" + r"[ \t]".join(
            "(?i:" + re.escape(w) + ")" if i < len(name) - 1 else re.escape(w) for i, w in enumerate(name))
            + r"(?![\w@-]|['’](?!s\b)|\.\w)")
        for m in pattern.finditer(read):
            start, end = m.start(), m.end()
            if len(name) > 1 and not m.group()[0].isupper():
                continue  # "de Boer" inside a full name; the firm writes "De Boer"
            if any(a <= start and end <= b for a, b in sources):
                continue  # a full name itself
            if any(a < end and start < b for a, b in keep):
                continue
            before = re.search(r"([^\W\d_]{1,20})\.?[ \t]{1,2}\Z", read[max(0, start - 24):start])
            after = re.match(r"[ \t]{1,2}([^\W\d_]{1,20})", read[end:end + 24])
            if before and _street(before.group(1)) or after and _street(after.group(1)):
                continue
            if not _firm_context(read, start, end):
                continue
            out.append((start, end))
            if len(out) >= CAP:
                return out
    return out


def _gives_way(text: str, span: PiiSpan, start: int, end: int) -> bool:
    """A PERSON span inside the mention, or one that starts at the surname and runs on over words that are no given
    name ("Boer Schilderwerken")."""
    if span.kind != "PERSON":
        return False
    if start <= span.start and span.end <= end:
        return (span.start, span.end) != (start, end)
    if span.start < start or "\n" in text[end:span.end]:
        return False
    return not any(_fold(w) in pii_rules.GIVEN_NAMES for w in _WORD.findall(text[end:span.end]))


def _split_over_lines(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """A PERSON span run from the signer's name line over the next line's first word, the surname again ("Karsten
    Vogel\\nVogel" of "…\\nVogel Haustechnik GmbH"), cut to the name line (the surname is a mention of its own)."""
    out = []
    for s in spans:
        cut = text.find("\n", s.start, s.end) if s.kind == "PERSON" else -1
        if cut > s.start:
            name = _surname(text[s.start:cut].rstrip(" \t"), True)
            if name is not None and text[cut + 1:s.end].strip() == " ".join(name):
                out.append(PiiSpan(s.kind, s.start, s.start + len(text[s.start:cut].rstrip(" \t")), s.score))
                continue
        out.append(s)
    return out


def with_firm_namesakes(text: str, spans: list[PiiSpan], keep: list[tuple[int, int]]) -> list[PiiSpan]:
    """The spans with a masked full name's surname added where it names the firm (the module's docstring)."""
    if not any(s.kind == "PERSON" for s in spans):
        return spans
    spans = _split_over_lines(text, spans)
    found = _mentions(text, spans, keep)
    if not found:
        return spans
    return pii_found.add_back(spans, found, keep, lambda s, a, b: _gives_way(text, s, a, b), _SCORE)
