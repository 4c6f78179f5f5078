"""An agent's or a writer's firm run into his name is a kept name (session 48, candidate 48-6; issue 21): a cut of the
PERSON spans, run after pii_brand_mentions in the default detector and the rules-only one.

A finder reads "soy Lorena de Línea Directa", "sono Chiara di Fastweb", "hier ist Jannik von Telekom", "sou o Nuno da
Garrafeira Central", "ich bin Henrik Sørensen von Nordlicht Solar" as one person's name, the "de", "di", "da", "von"
of a surname ("María de la Fuente", "Paolo di Stefano", "Ana da Silva", "Ursula von der Leyen"). By the labelling
conventions (``tests/data/pii/build.py``) the person is masked and the firm is kept (``COMPANY``, ``ORG``). This
module cuts such a span to the person's name (and drops the "Soy", "Sono" a finder took with it) when:

- the span follows, or opens with, the words a writer introduces himself with ("soy", "sono", "sou o", "ich bin",
  "hier ist", "je suis", "c'est", "this is", "I'm", "aquí", "mi chiamo", "me llamo"…);
- the name before the particle opens with a first name we know (pii_rules' given names) and holds at most three
  words;
- the particle is a single "de", "di", "da", "do", "von", "vom", "van", "from", "of", "at", not followed by an
  article ("de la", "von der", "van den", "de los" are a surname's);
- what follows it is a firm's: a brand we list (pii_brands.txt: "Estafeta", "Telekom"), a legal form in it ("Edilnova
  S.r.l."), an acronym ("BBVA México"), a capital inside a word ("GoTyme"), or two to four capitalised words of
  which none is a first name we know ("Línea Directa", "Envíos Rayo", "Nordlicht Solar");
- no word of the firm is borne by another PERSON span of the message (the conventions: a firm that shares a masked
  person's surname is masked: "soy Ana de Castro Ruiz … la señora Castro").

What it never takes: "soy María de la Cruz", "soy Juan de León" (one capitalised word we do not list as a brand),
"Mercedes de Rosario" (a first name after the particle), a span on its own line after no introduction.
At most 200 spans are read per message, in its first 20,000 characters.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from services.adapters.local import pii_institution_names, pii_org_cues, pii_rules
from services.models import PiiSpan

_MAX_SPANS = 200
_MAX_CHARS = 20_000
_WORD = re.compile(r"[^\W\d_][\w'’.&-]{0,40}")

_INTRO_WORDS = (r"soy|sono|sou|sou[ \t]o|sou[ \t]a|eu[ \t]sou|ich[ \t]bin|hier[ \t]ist|hier[ \t]spricht|je[ \t]suis|"
                r"c['’]est|moi[ \t]c['’]est|this[ \t]is|it['’]s|i['’]m|i[ \t]am|aquí|aqui|qui[ \t]è|mi[ \t]chiamo|"
                r"me[ \t]llamo|mein[ \t]name[ \t]ist|my[ \t]name[ \t]is|my[ \t]name['’]s|je[ \t]m['’]appelle|"
                r"ik[ \t]ben|hier[ \t]is|met|le[ \t]habla|parla|habla|fala|aqui[ \t]é|aquí[ \t]es")
# the introduction right before the span, on its line
_INTRO_BEFORE = re.compile(r"(?<![\w'’])(?i:" + _INTRO_WORDS + r")[ \t]{1,2}(?i:(?:o|a|el|la)[ \t]{1,2})?$")
# the span itself: an introduction it may open with, the name, the particle, the firm
_SPAN = re.compile(
    r"((?i:" + _INTRO_WORDS + r")[ \t]{1,2})?"
    r"([^\W\d_][\w'’-]{0,30}(?:[ \t]{1,2}[^\W\d_][\w'’.-]{0,30}){0,2})"
    r"[ \t]{1,2}(?:de|di|da|do|von|vom|van|from|of|at)[ \t]{1,2}"
    r"(?!(?i:la|las|los|le|les|der|den|dem|het|the|l['’]|el|lo|gli|il|i)(?![\w'’]))"
    r"([^\W\d_][\w'’.&-]{0,30}(?:[ \t]{1,2}[^\W\d_][\w'’.&-]{0,30}){0,3})[.,]?")
# Turkish puts the firm first, in the ablative: "ben Turkcell'den Ayşe", "Türk Telekom'dan Mehmet Bey"
_TURKISH = re.compile(
    r"((?i:ben)[ \t]{1,2})?([^\W\d_][\w.&-]{0,30}(?:[ \t]{1,2}[^\W\d_][\w.&-]{0,30}){0,2})['’](?:den|dan|ten|tan)"
    r"[ \t]{1,2}([^\W\d_][\w'’-]{0,30}(?:[ \t]{1,2}[^\W\d_][\w'’-]{0,30}){0,1})")
def _firm(value: str) -> bool:
    words = _WORD.findall(value)
    if not words or len(words) > 4 or not all(w[0].isupper() or w in pii_institution_names.LEGAL_FORMS for w in words):
        return False
    from services.adapters.local.pii_presidio import BRANDS  # imported here: pii_presidio imports this module

    if " ".join(value.strip(" .,").split()).lower() in BRANDS:  # "Magazine Luiza": a brand we list, first names and all
        return True
    if any(pii_org_cues.plain(w) in pii_rules.GIVEN_NAMES for w in words):
        return False
    if any(w in pii_institution_names.LEGAL_FORMS or w.rstrip(".") in pii_institution_names.LEGAL_FORMS
           or re.fullmatch(r"S\.?(?:r\.?l|p\.?A|A|L|A\.?S|R\.?L|N\.?C)\.?|s\.?r\.?o\.?|d\.?o\.?o\.?|Lda\.?|Ltda\.?|"
                           r"GmbH|AG|BV|B\.V\.|NV|Oy|AB|AS|ApS|SAS|SARL|SpA|Srl", w) for w in words):
        return True
    if any(len(w) >= 2 and w.isalpha() and w.isupper() for w in words):
        return True
    if any(re.search(r"[a-zà-ÿ][A-ZÀ-Þ]", w) for w in words):  # "GoTyme", not "Jong-Bakker"
        return True
    return len(words) >= 2


def _cut(text: str, span: PiiSpan, people: Sequence[PiiSpan]) -> PiiSpan | None:
    """The span cut to the person's name (None: not an introduction with a firm no masked name bears)."""
    m = _SPAN.fullmatch(text, span.start, span.end)
    if m is None:
        return _cut_turkish(text, span, people)
    line = text[max(text.rfind("\n", 0, span.start) + 1, span.start - 80):span.start]
    if m.group(1) is None and _INTRO_BEFORE.search(line) is None:
        return None
    name = m.group(2)
    if pii_org_cues.plain(_WORD.findall(name)[0]) not in pii_rules.GIVEN_NAMES or not _firm(m.group(3)):
        return None
    firm = PiiSpan(kind=span.kind, start=m.start(3), end=m.end(3), score=span.score)
    others = [p for p in people if p is not span]
    if pii_institution_names._named_elsewhere(text, firm, others):
        return None
    return PiiSpan(kind=span.kind, start=m.start(2), end=m.end(2), score=span.score)


def _cut_turkish(text: str, span: PiiSpan, people: Sequence[PiiSpan]) -> PiiSpan | None:
    m = _TURKISH.fullmatch(text, span.start, span.end)
    if m is None or pii_org_cues.plain(_WORD.findall(m.group(3))[0]) not in pii_rules.GIVEN_NAMES or not _firm(m.group(2)):
        return None
    firm = PiiSpan(kind=span.kind, start=m.start(2), end=m.end(2), score=span.score)
    if pii_institution_names._named_elsewhere(text, firm, [p for p in people if p is not span]):
        return None
    return PiiSpan(kind=span.kind, start=m.start(3), end=m.end(3), score=span.score)


def without_affiliations(text: str, spans: Sequence[PiiSpan]) -> list[PiiSpan]:
    """The spans with each PERSON span run over an introduced person's firm cut to the person's name."""
    if not spans or len(spans) > _MAX_SPANS or not any(s.kind == "PERSON" for s in spans):
        return list(spans)
    head = text[:_MAX_CHARS]
    people = [s for s in spans if s.kind == "PERSON" and s.end <= _MAX_CHARS]
    out: list[PiiSpan] = []
    for s in spans:
        cut = _cut(head, s, people) if s.kind == "PERSON" and s.end <= _MAX_CHARS else None
        out.append(s if cut is None else cut)
    return out
