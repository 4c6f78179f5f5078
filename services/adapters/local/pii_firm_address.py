"""A firm's name at the head of an address is kept (issue 21, session 33).

A business address is written with the firm's name first: "send it to my work address instead: Kestrel Engineering,
Unit 9, Brindley Business Park, Cannock WS11 0JR", "Fakturaadress: Lindholm Konsult AB, Box 1142, 111 81 Stockholm",
"Brenner Metallbau GmbH, Industriestraße 9, 74076 Heilbronn". The conventions (tests/data/pii/build.py) keep a company's
name line above its address and mask the street and town; the address finders took the name into the ADDRESS span.

:func:`without_firm_heads` (a filter of the detector's ``_never_names``) cuts an ADDRESS span after its first part
(up to the first comma or line break) when that part holds no digit, reads as a firm's name — a legal form (Ltd,
GmbH, AB, Oy, S.A., Sp. z o.o., s.r.o., Kft …), a trade word of ``pii_firm_words.txt`` or a business word of the
detector — and what follows holds a digit (the street's or the postcode's).
"""

from __future__ import annotations

import functools
import re

from services.adapters.local import pii_rules
from services.models import PiiSpan

# legal forms: the rules' company suffixes (less "co": "Co. Kildare" heads an Irish address) and the dotted and
# Central European, Nordic and Baltic forms they lack
_LEGAL_FORMS = (pii_rules.COMPANY_SUFFIXES - {"co"}) | frozenset("""ohg e.k. gbr asa oyj aps a/s s.a. s.l. s.a.s.
s.a.r.l. eurl s.p.a. s.r.l. snc s.n.c. ltda b.v. n.v. vof sp. s.r.o. sro a.s. kft zrt nyrt bt s.r.l s.c. d.o.o. d.d.
oü sia uab""".split())
_CARE_OF = re.compile(r"(?i:c/o|c\.o\.|care[ \t]of|attn\.?|z\.[ \t]?hd\.?|a/a|aux[ \t]bons[ \t]soins)")
_SEPARATOR = re.compile(r"[,\n]")  # the spaces around it are skipped by hand (a run of spaces is no quadratic search)
_WORD = re.compile(r"[^\W\d_][\w'’./&-]*")


def without_firm_heads(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """The spans with a firm's name cut from the head of each ADDRESS span (the module's docstring)."""
    out: list[PiiSpan] = []
    for span in spans:
        if span.kind != "ADDRESS":
            out.append(span)
            continue
        cut = _head_end(text, span.start, span.end)
        out.append(PiiSpan(span.kind, cut, span.end, span.score) if cut else span)
    return out


def _head_end(text: str, start: int, end: int) -> int | None:
    """Where the address starts after a firm's name that heads the span, or None."""
    sep = _SEPARATOR.search(text, start, end)
    if sep is None or sep.start() == start:
        return None
    head = text[start:sep.start()].rstrip(" \t")
    after = sep.end()
    while after < end and text[after] in " \t\n":
        after += 1
    rest = text[after:end]
    if _CARE_OF.match(head.lstrip(" \t")):
        return None  # "c/o Brennan's Garage, Main Street": whom the post goes through is part of the address
    if any(c.isdigit() for c in head) or not any(c.isdigit() for c in rest):
        return None
    words = [w.lower().rstrip(",") for w in _WORD.findall(head)]
    if len(words) < 2 and not (words and words[0] in _firm_words()):
        return None  # one word alone ("Flat, 12 …", "Bristol, BS1 …") is no firm's line unless it is a trade word
    if any(w in _LEGAL_FORMS or w.rstrip(".") in _LEGAL_FORMS for w in words) or any(
            w in _firm_words() for w in words):
        return after
    return None


@functools.cache
def _firm_words() -> frozenset[str]:
    """The trade words of pii_firm_words.txt and the detector's business words (imported here, not at the top: the
    detector imports this module while it loads)."""
    from services.adapters.local import pii_presidio
    return (pii_presidio.TRADE_WORDS | pii_presidio.BUSINESS_WORDS) - _DWELLINGS


# business words that also name a home or where someone lives, whose name the conventions keep inside the address
# ("Oakfield Farm, Long Lane", a care home's name and room)
_DWELLINGS = frozenset("farm farms school schools college nursery hospital hospice care home homes".split())
