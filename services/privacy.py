"""PII masking, payment-card redaction and the audit trail of customer-data access.

Two levels:
- Payment card data (card number, expiry date, CVV) is *redacted* from message text at ingestion, before anything is
  stored, for every role: ``redact_payment_data`` keeps only a card's last four digits (``[CARD •••• 4242]``). The raw
  value exists nowhere (PCI DSS: never store the CVV; the PAN only masked).
- Other PII (names, emails, phones, addresses, IBANs, bank accounts, national IDs, dates of birth) is kept in the message text for the roles that serve the
  customer and *masked* in the copy everyone else sees (``mask``, ``may_see_pii``).
"""

from __future__ import annotations

import bisect
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


def luhn_ok(digits: str) -> bool:
    """The Luhn check of a string of digits (cards; a Swedish bankgiro).

    Raises:
        InvalidInput: `digits` is not a string of ASCII digits.
    """
    if not isinstance(digits, str) or not digits.isascii() or not digits.isdigit():
        raise InvalidInput("the Luhn check reads a string of digits")
    return luhn_valid(digits)


def luhn_valid(digits: str) -> bool:
    """The Luhn check of a run of decimal digits, any script's ("٤٥٣٢…" reads as its values): the one the detectors use
    (cards, IMEIs, Swedish, Korean, South African and Philippine ids…); :func:`luhn_ok` takes ASCII digits only.

    Raises:
        InvalidInput: `digits` is not a string of decimal digits (an empty one holds no number: False).
    """
    if not isinstance(digits, str) or (digits and not digits.isdecimal()):
        raise InvalidInput("the Luhn check reads a string of digits")
    if not digits:
        return False
    total = 0
    for i, c in enumerate(reversed(digits)):
        n = int(c) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


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
        if len(prefix) >= 13 and luhn_valid(prefix):
            return end, prefix
    return prefixes[0] if cued and prefixes else None


# ---- card numbers and security codes read out (voice transcripts, chats typed in pieces), session 29 ---------------
# A caller reads the card out digit by digit, often in pieces the agent or a pause breaks up ("four five two seven two
# eight two zero … sorry hang on … one zero five one five six zero nine"), and the security code after the agent asks
# for "the three digits on the back". Digit characters alone never saw them: a transcript kept the card raw.
_SAID_DIGITS = {"zero": "0", "oh": "0", "nought": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
                "six": "6", "seven": "7", "eight": "8", "nine": "9"}
for _words in ("cero uno dos tres cuatro cinco seis siete ocho nueve", "zéro un deux trois quatre cinq six sept huit neuf",
               "zero um dois três quatro cinco seis sete oito nove", "null eins zwei drei vier fünf sechs sieben acht neun",
               "zero uno due tre quattro cinque sei sette otto nove", "sıfır bir iki üç dört beş altı yedi sekiz dokuz"):
    _SAID_DIGITS.update({w: str(i) for i, w in enumerate(_words.split())})
del _SAID_DIGITS["um"]  # Portuguese "one", but the filler of every English transcript ("six seven five two um hold on")
_SAID_REPEAT = {"double": 2, "triple": 3, "doble": 2, "doppio": 2, "doppel": 2}
# a said digit, or a group of 3-6 written digits (a card is typed in pieces of 4-6: "5427 1636"; a code of 3-4), never
# a piece of a code ("CN-00412", "GS-88203114"), an amount ("312,40 €"), a phone's country code or a longer number
_NUMBER_TOKEN = re.compile(r"(?i)(?<![\w'’])(?:(?:" + "|".join(_SAID_REPEAT) + r")[ \t]+)?(?:"
                           + "|".join(sorted(_SAID_DIGITS, key=len, reverse=True)) + r")(?![\w'’])"
                           r"|(?<![\w'’/#€£$.,:+-])(?<!\+\d\d[ \t])(?<!\+\d[ \t])\d{3,6}(?![\w'’/%€£$]|[.,:-]\d)")
_PIECE_GAP = re.compile(r"[ \t]{0,2}(?:[,.\-–][ \t]{0,2}|\.\.\.?[ \t]{0,2}|…[ \t]{0,2})?[ \t]{0,2}")
_SAID_CARD_CUE = re.compile(r"(?i)\b(?:card|visa|master\s?card|amex|american\sexpress|maestro|discover|debit|credit|"
                            r"long\snumber|sixteen[-\s]digit|16[-\s]digit|tarjeta|carte|karte|kreditkarte|cartão|carta|"
                            r"kart\w{0,4})\b")
_SAID_CVV_CUE = re.compile(r"(?i)\b(?:cvv2?|cvc2?|cv2|csc|security\s(?:code|number|digits)|"
                           r"(?:three|four|3|4)[-\s]digits?(?:\s(?:code|number))?(?:\son\sthe\s(?:back|front))?|"
                           r"digits\son\sthe\s(?:back|front)|code\son\sthe\s(?:back|front)|"
                           r"c[óo]digo\sde\s(?:seguridad|segurança)|cryptogramme|pr[üu]fziffer|sicherheitscode|"
                           r"codice\sdi\ssicurezza|beveiligingscode|g[üu]venlik\skodu|kod\sbezpiecze[ńn]stwa|"
                           r"(?:tres|três)\sd[íi]gitos|trois\schiffres|drei\sziffern)\b")
_NOT_CVV_BEFORE = re.compile(r"(?i)\b(?:last|final|ending|ends|pin|otp|one[-\s]time|postcode|zip|social)\b[^\n]{0,12}$")
# what may stand between a security-code question and its answer: speaker labels, fillers, the question's own words
_CVV_FILLER = frozenset("""is it's it’s its it yeah yes yep ya ok okay sure um uh erm er so the that's that’s thats that on
of back front card please and sorry right sec hang moment hold let me see check number code digits digit my here you go
are they mm hm mm-hm ah a just now got thanks thank for amex visa mastercard double""".split())
_CVV_LABEL = re.compile(r"[^\W\d_][\w.-]{0,20}(?:[ \t]\d)?:")
_CVV_WORD = re.compile(r"[^\W\d_][\w'’.-]*(?:[ \t]\d)?:?|\d+")
_ONE_BEFORE = re.compile(r"(?i)\b(?:new|old|this|that|the|other|same|first|second|which|another)[ \t]one$")
_LAST_DIGITS_BETWEEN = re.compile(r"(?i)\b(?:last|final|ending|ends|ended|end\sin|terminando|termine|endet)\b")
# the agent asking for something else: a number after it is that, not a piece of the card asked for before
_OTHER_FIELD = re.compile(r"(?i)\b(?:social\ssecurity|ssn|zip|post\s?code|postal|date\sof\sbirth|dob|birthday|born|"
                          r"phone|mobile|account\snumber|sort\scode|routing|reference|order|tracking|booking|policy|"
                          r"claim|member|income|salary|amount|expir\w*|exp|valid|security\scode|cvv|cvc|pin|otp|"
                          r"passport|licen[cs]e|meter|invoice|ticket|iban|address|flat|house)\b")
_CARD_PIECES_AFTER_CUE = 300  # characters after a card cue where its pieces may start
_CARD_PIECE_GAP = 160  # at most this many characters between two pieces of one card ("sorry hang on, it's fallen…")
_CVV_ANSWER_CHARS = 80  # the code follows its question within this many characters, nothing numeric between
_CVV_CARD_CONTEXT = 600  # a weak cue ("the three digits") is a security code only when a card was named before


def _said_pieces(text: str) -> list[list[tuple[int, int, str]]]:
    """Each run of numbers said or typed with nothing but spaces, commas, dots or dashes between them ("six oh one
    one, two two five eight", "5427 1636"), as its tokens (start, end, digits); "double four" is one token, 44."""
    pieces: list[list[tuple[int, int, str]]] = []
    for m in _NUMBER_TOKEN.finditer(text):
        token = m.group().lower().split()
        value = _SAID_DIGITS.get(token[-1], token[-1]) * (_SAID_REPEAT[token[0]] if len(token) > 1 else 1)
        if pieces and _PIECE_GAP.fullmatch(text, pieces[-1][-1][1], m.start()):
            pieces[-1].append((m.start(), m.end(), value))
        else:
            pieces.append([(m.start(), m.end(), value)])
    return pieces


def said_number_pieces(text: str) -> list[list[tuple[int, int, str]]]:
    """Each run of numbers said or typed with nothing but spaces, commas, dots or dashes between them, as its tokens
    (start, end, digits): what a caller reads out (the bank-account pass reads account numbers from them too)."""
    return _said_pieces(_require_text(text))


def _digits_of(piece: list[tuple[int, int, str]]) -> str:
    return "".join(t[2] for t in piece)


def _is_card(digits: str) -> bool:
    return 13 <= len(digits) <= 19 and digits[0] in "23456" and luhn_valid(digits)


def _said_cards(text: str, pieces: list[list[tuple[int, int, str]]]) -> list[tuple[int, int, str]]:
    """The pieces that make a card: one piece of 13-19 digits that passes Luhn (less the "one" of "use the new one
    five four six …"), or, after a card cue, consecutive pieces of 4+ digits whose digits together are 13-19 and pass
    Luhn."""
    found: list[tuple[int, int, str]] = []
    single: set[int] = set()  # the pieces that are a card on their own
    for piece in pieces:
        digits = _digits_of(piece)
        if not 13 <= len(digits) <= 20 or _CARD_RUN.fullmatch(text, piece[0][0], piece[-1][1]):
            continue  # a plain run of written digits is _CARD_RUN's (and the detector's own rules')
        # "use the new one four five three nine …": the "one" of "the new one" is no digit of the card
        part = piece[1:] if _ONE_BEFORE.search(text, max(0, piece[0][0] - 12), piece[0][1]) else piece
        if len(_digits_of(part)) <= 19 and _is_card(_digits_of(part)):
            found.append((part[0][0], part[-1][1], f"[CARD •••• {_digits_of(part)[-4:]}]"))
            single.add(piece[0][0])
    # after a card cue: each piece that starts within _CARD_PIECES_AFTER_CUE characters of the last cue before it opens
    # a run of up to six pieces (one pass over the pieces: linear on any input)
    cue_ends = [cue.end() for cue in _SAID_CARD_CUE.finditer(text)]
    if not cue_ends:
        return found
    after = [(p[0][0], p[-1][1], _digits_of(p)) for p in pieces
             if p[0][0] not in single and len(_digits_of(p)) >= 4 and not any(len(t[2]) == 3 and text[t[0]:t[1]].isdigit() for t in p)  # "+34
             and not _LAST_DIGITS_BETWEEN.search(text, max(0, p[0][0] - 16), p[0][0])]  # 600 118 227", "ending 6154"
    other_ends = [m.end() for m in _OTHER_FIELD.finditer(text)]

    def asked_other(start: int, end: int) -> bool:  # another field's question ends in text[start:end]
        o = bisect.bisect_right(other_ends, end)
        return bool(o) and other_ends[o - 1] > start

    i = 0
    while i < len(after):
        k = bisect.bisect_right(cue_ends, after[i][0])
        if not k or after[i][0] - cue_ends[k - 1] > _CARD_PIECES_AFTER_CUE or asked_other(cue_ends[k - 1],
                                                                                          after[i][0]):
            i += 1
            continue
        total, used = "", 0
        for j in range(i, min(len(after), i + 6)):
            if j > i and (after[j][0] - after[j - 1][1] > _CARD_PIECE_GAP
                          or asked_other(after[j - 1][1], after[j][0])):
                break
            total += after[j][2]
            if len(total) > 19:
                break
            if j > i and _is_card(total):
                found += [(a, z, "[CARD]") for a, z, _ in after[i:j]]
                found.append((after[j][0], after[j][1], f"[CARD •••• {total[-4:]}]"))
                used = j - i + 1
                break
        i += used or 1
    return found


def _said_cvvs(text: str, pieces: list[list[tuple[int, int, str]]]) -> list[tuple[int, int, str]]:
    """The 3-4-digit answer that follows a security-code question ("and the three digits on the back caller: nine oh
    one"), said or typed, with no number of 3+ digits between (a lone "four" — "sorry, four for amex" — is passed
    over); after a weak cue (digits, code on the back) only when a card was named before."""
    found: list[tuple[int, int, str]] = []
    runs = [(p[0][0], p[-1][1], _digits_of(p)) for p in pieces]
    starts = [r[0] for r in runs]
    card_ends = [cue.end() for cue in _SAID_CARD_CUE.finditer(text)]
    for cue in _SAID_CVV_CUE.finditer(text):
        if _NOT_CVV_BEFORE.search(text, max(0, cue.start() - 40), cue.start()):
            continue
        word = cue.group().lower()
        strong = word.startswith(("cv", "csc", "crypto", "prüf", "pruf"))  # "security code": an alarm's too
        c = bisect.bisect_right(card_ends, cue.start())
        if not strong and not (c and cue.start() - card_ends[c - 1] <= _CVV_CARD_CONTEXT):
            continue
        k = bisect.bisect_left(starts, cue.end())
        while k < len(runs) and len(runs[k][2]) < 3 and runs[k][0] - cue.end() <= _CVV_ANSWER_CHARS:
            k += 1
        if k == len(runs):
            continue
        start, end, digits = runs[k]
        if start - cue.end() > _CVV_ANSWER_CHARS or not 3 <= len(digits) <= 4 or "\n\n" in text[cue.end():start]:
            continue
        if _LAST_DIGITS_BETWEEN.search(text, cue.end(), start):
            continue  # "The CVV has rubbed off … Card ends 0931": the card's last digits, not its code
        if any(w.lower() not in _CVV_FILLER and w.lower() not in _SAID_DIGITS and not _CVV_LABEL.fullmatch(w)
               and not (w.isdigit() and len(w) <= 2)
               for w in _CVV_WORD.findall(text, cue.end(), start)):
            continue  # "CVC mismatch error 4032", "what is a CVV? … ref 5521": words of their own before the number
        if re.match(r"[ \t]{0,2}(?:[.,/:]\d|%|€|£|\$|(?i:dollars?|euros?|pounds?|minutes?|hours?|days?|pm|am)\b)",
                    text[end:end + 12]):
            continue
        found.append((start, end, "[CVV]"))
    return found


def said_payment_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, replacement) of card numbers and security codes read out or typed in pieces (session 29): what
    the digit patterns of payment_spans cannot see. Linear in the text.

    Raises:
        InvalidInput: text is not a string.
    """
    pieces = _said_pieces(_require_text(text))
    if not pieces:
        return []
    return _said_cards(text, pieces) + _said_cvvs(text, pieces)


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
    found += said_payment_spans(text)
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
