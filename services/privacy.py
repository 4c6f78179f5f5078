"""PII masking, payment-card redaction and the audit trail of customer-data access.

Two levels:
- Payment card data (card number, expiry date, CVV) is *redacted* from message text at ingestion, before anything is
  stored, for every role: ``redact_payment_data`` keeps only a card's last four digits (``[CARD •••• 4242]``). The raw
  value exists nowhere (PCI DSS: never store the CVV; the PAN only masked).
- Other PII (names, emails, phones, addresses, IBANs, bank accounts, national IDs, dates of birth) is kept in the message text for the roles that serve the
  customer and *masked* in the copy everyone else sees (``mask``, ``may_see_pii``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from services.errors import InvalidInput
from services.models import Entity, PiiSpan, User

ROLES_SEEING_PII = frozenset({"agent", "admin"})  # the agent serves this customer

# Every pattern below is linear on any input: bounded quantifiers, and a card run can only start after a non-digit.
_CARD_RUN = re.compile(r"(?<![\d-])\d(?:[ -]?\d){11,18}(?![\d-])")
_CARD_CUE = re.compile(r"\b(?:card|visa|master\s?card|amex|american express|maestro|discover|debit|credit|pan)\b",
                       re.IGNORECASE)
_MONTH_YEAR = r"(?:0?[1-9]|1[0-2])\s?[/-]\s?(?:20\d{2}|\d{2})"
_EXPIRY = re.compile(r"\b(?:exp(?:iry|iration|ires|ired|iring)?|valid\s(?:thru|through|until|till|to)|good\sthru|"
                     rf"expiry\sdate)\b[^\d\n]{{0,24}}?({_MONTH_YEAR})(?![\d/])", re.IGNORECASE)
_CVV = re.compile(r"\b(?:cvv2?|cvc2?|cvn|cid|csc|security\s(?:code|number|digits)|card\sverification(?:\s\w+)?|"
                  r"(?:3|three)[-\s]digit(?:\s(?:code|number))?|code\son\s(?:the\s)?back)\b"
                  r"[^\d\n]{0,24}?(?<!\d)(\d{3,4})(?!\d)", re.IGNORECASE)
# Right after a card number, people type the expiry and the CVV with no cue: "4242 4242 4242 4242 09/28 123".
_AFTER_CARD = re.compile(r"[\s,;:|]{1,4}(?:(?:exp\w{0,8}\W{0,3})?((?:0?[1-9]|1[0-2])\s?[/ -]\s?(?:20\d{2}|\d{2}))(?![\d/]))?"
                         r"(?:[\s,;:|]{1,4}(?:cvv\W{0,3}|cvc\W{0,3})?(\d{3,4})(?![\d/.,]\d))?", re.IGNORECASE)
CARD_CUE_CHARS = 40  # a digit run that fails the Luhn check is still a card number when "card" is written just before


def _require_text(text: object) -> str:
    if not isinstance(text, str):
        raise InvalidInput(f"the text must be text; got {type(text).__name__}")
    return text


_DOUBLED = str.maketrans("0123456789", "0246813579")  # each digit doubled, less 9 when over 9


def _luhn_ok(digits: str) -> bool:
    reverse = digits[::-1]
    kept, doubled = reverse[0::2], reverse[1::2].translate(_DOUBLED)
    return (sum(map(int, kept)) + sum(map(int, doubled))) % 10 == 0


def _card_in(run: re.Match, cued: bool) -> tuple[int, str] | None:
    """(end, digits) of the card number that a digit run starts with, or None.

    A run may carry what follows the card ("4539-1488-0343-6467 09" before "/28"): the longest prefix of whole digit
    groups that passes the Luhn check wins; after a cue such as "card", the longest prefix of 12-19 digits.
    """
    digits, ends, count = [], [], 0  # the run's digits, and where (in text and in digits) each group ends
    for group in re.finditer(r"\d+", run.group()):
        digits.append(group.group())
        count += len(group.group())
        ends.append((run.start() + group.end(), count))
    all_digits = "".join(digits)
    prefixes = [(end, all_digits[:n]) for end, n in reversed(ends) if 12 <= n <= 19]
    for end, prefix in prefixes:
        if len(prefix) >= 13 and _luhn_ok(prefix):
            return end, prefix
    return prefixes[0] if cued and prefixes else None


def payment_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, replacement) for every card number, expiry date and CVV in text, in order, not overlapping."""
    found: list[tuple[int, int, str]] = []
    text = _require_text(text)
    for m in _CARD_RUN.finditer(text):
        card = _card_in(m, _CARD_CUE.search(text, max(0, m.start() - CARD_CUE_CHARS), m.start()) is not None)
        if card is None:
            continue
        end, digits = card
        found.append((m.start(), end, f"[CARD •••• {digits[-4:]}]"))
        after = _AFTER_CARD.match(text, end)
        if after and after.group(1):
            found.append((after.start(1), after.end(1), "[EXPIRY]"))
        if after and after.group(2):
            found.append((after.start(2), after.end(2), "[CVV]"))
    found += [(m.start(1), m.end(1), "[EXPIRY]") for m in _EXPIRY.finditer(text)]
    found += [(m.start(1), m.end(1), "[CVV]") for m in _CVV.finditer(text)]
    spans, cursor = [], 0
    for start, end, label in sorted(found):
        if start >= cursor:
            spans.append((start, end, label))
            cursor = end
    return spans


def redact_payment_data(text: str) -> str:
    """The text with card numbers (all but the last four digits), expiry dates and CVV codes replaced.

    Applied to every message at ingestion (``services.text.clean_text``), so no role, view, log or model ever sees
    them and the database never holds them.
    """
    spans = payment_spans(_require_text(text))
    if not spans:
        return text
    out, cursor = [], 0
    for start, end, label in spans:
        out += [text[cursor:start], label]
        cursor = end
    out.append(text[cursor:])
    return "".join(out)


def mask(text: str, spans: Sequence[PiiSpan]) -> str:
    """Replace each PII span by its kind in brackets, e.g. "[EMAIL]"; overlapping spans merge."""
    text = _require_text(text)
    out, cursor = [], 0
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if span.end <= cursor:
            continue
        start = max(span.start, cursor)
        out.append(text[cursor:start])
        out.append(f"[{span.kind}]")
        cursor = span.end
    out.append(text[cursor:])
    return "".join(out)


PII_ENTITY_KINDS = frozenset({"email", "phone", "handle"})  # entity kinds that are personal data whatever masked them


def masked_entities(entities: Sequence[Entity], spans: Sequence[PiiSpan]) -> tuple[Entity, ...]:
    """Entities with the text and value of personal ones replaced by their kind in brackets ("[EMAIL]").

    An entity is personal when it is an e-mail, phone or handle, or overlaps a PII span (an order number never
    does). Analyses are stored and shown to roles that may not see PII, and their facts reach remote models: the
    raw values stay only in the message text, which the roles that serve the customer read.
    """
    out = []
    for e in entities:
        hit = next((s for s in spans if s.start < e.end and e.start < s.end), None)
        if e.kind in PII_ENTITY_KINDS or hit is not None:
            label = f"[{e.kind.upper() if e.kind in PII_ENTITY_KINDS or hit is None else hit.kind}]"
            e = Entity(e.kind, label, e.start, e.end, label if e.value else "")
        out.append(e)
    return tuple(out)


def known_name_spans(text: str, names: Sequence[str]) -> list[PiiSpan]:
    """PERSON spans where the text repeats a name we already know (the customer's, from the CRM).

    No offline NER model ships in a wheel we trust, but the contact centre knows who it is talking to: their first
    and last names (3+ letters) are masked wherever they appear, in any case.
    """
    text = _require_text(text)
    if not isinstance(names, list | tuple | set | frozenset | None) or not all(
            isinstance(name, str | None) for name in names or ()):
        raise InvalidInput("known names must be a list of names")
    parts = {part for name in names or () for part in re.split(r"[\s,]+", name or "") if len(part) >= 3}
    if not parts:
        return []
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in sorted(parts, key=len, reverse=True)) + r")\b",
                         re.IGNORECASE)
    return [PiiSpan("PERSON", m.start(), m.end(), 0.9) for m in pattern.finditer(text)]


def may_see_pii(user: User) -> bool:
    return isinstance(user, User) and user.role in ROLES_SEEING_PII
