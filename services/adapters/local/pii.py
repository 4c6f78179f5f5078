"""Offline PII detection: regular expressions plus checksums (Luhn for cards, mod-97 for IBANs)."""

from __future__ import annotations

import re

from services import privacy
from services.models import PiiSpan

# Linear: a match starts only where a run of local-part characters starts, and runs are consumed possessively
# (the unanchored form backtracked quadratically: one 200,000-character word took ~40 s holding the GIL).
EMAIL = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]++@[A-Za-z0-9-]++(?:\.[A-Za-z0-9-]++)*\.[A-Za-z]{2,}")
CARD = re.compile(r"(?<![\d-])(?:\d[ -]?){12,18}\d(?![\d-])")
IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b")
SSN = re.compile(r"(?<!\d)\d{3}-\d{2}-\d{4}(?!\d)")
PHONE = re.compile(r"(?<![\w+])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,5}\)[ .-]?)?\d{1,12}(?:[ .-]\d{1,8}){0,5}(?!\w)")
ADDRESS = re.compile(
    r"\b\d{1,5}\s+(?:[A-Z][a-z]+\s){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Way|Court|Ct|Boulevard|Blvd|"
    r"Place|Pl|Terrace|Close|Crescent)\b\.?(?:,?\s+(?:Apt|Flat|Unit)\s*\w+)?")
DATE_LIKE = re.compile(r"^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})$")
NAME_CUE = re.compile(r"\b(?i:my name is|this is|i am|i'm|name:)\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)")
NOT_NAMES = frozenset({"Sorry", "Not", "So", "Very", "Still", "Really", "Just", "Done", "Going", "Trying", "Writing",
                       "Calling", "Contacting", "Here", "Back", "Having", "Getting", "Waiting", "Angry", "Happy",
                       "The", "It", "Your", "My", "A", "An", "About", "Ridiculous", "Unacceptable", "Sure"})


def iban_ok(candidate: str) -> bool:
    compact = candidate.replace(" ", "")
    if not 15 <= len(compact) <= 34:
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


class RegexPiiDetector:
    """Finds EMAIL, CARD, IBAN, SSN, PHONE, ADDRESS and (after a cue such as "my name is") PERSON."""

    def find(self, text: str) -> list[PiiSpan]:
        spans: list[PiiSpan] = []
        spans += [PiiSpan("EMAIL", m.start(), m.end()) for m in EMAIL.finditer(text)]
        spans += [PiiSpan("CARD", m.start(), m.end()) for m in CARD.finditer(text)
                  if 13 <= len(_digits(m.group())) <= 19 and privacy.luhn_valid(_digits(m.group()))]
        spans += [PiiSpan("IBAN", m.start(), m.end()) for m in IBAN.finditer(text) if iban_ok(m.group())]
        spans += [PiiSpan("SSN", m.start(), m.end()) for m in SSN.finditer(text)]
        spans += [PiiSpan("ADDRESS", m.start(), m.end(), 0.8) for m in ADDRESS.finditer(text)]
        spans += [PiiSpan("PERSON", m.start(1), m.end(1), 0.6) for m in NAME_CUE.finditer(text)
                  if m.group(1).split()[0] not in NOT_NAMES]
        taken = bytearray(len(text))  # characters inside a span found above (linear, unlike a pairwise check)
        for s in spans:
            taken[s.start:s.end] = b"\x01" * (s.end - s.start)
        for m in PHONE.finditer(text):
            if m.end() - m.start() < 7:  # fewer than 7 characters cannot hold 7 digits
                continue
            digits = _digits(m.group())
            inside = taken[m.start()] or taken[m.end() - 1]
            if 7 <= len(digits) <= 15 and not inside and not DATE_LIKE.match(m.group()):
                spans.append(PiiSpan("PHONE", m.start(), m.end(), 0.85))
        return sorted(spans, key=lambda s: (s.start, s.end))
