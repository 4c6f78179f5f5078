"""A firm's or an authority's reference, the last word after every finder (session 49, candidate 49-1).

pii_refs reads a number after a reference's name ("bolletta n. 0044…", "policy number? / Customer: 0284…") and drops
the PHONE, NATIONAL_ID, CARD or BANK_ACCOUNT span a finder made of it. It runs early: finders after it (phone cues,
spoken numbers, asked ids, accounts) could put such a span back, and its table misses names our customers use for a
firm's or an authority's numbers. This pass runs after all of them (and after the PERSON check, so its training rows
stay as they are) and judges each such span once more by pii_refs' rules — its link words, its phone words and
identity documents, its banks, the phone on file after an account's name, a question that asks for a postcode — with
pii_refs' names and these more, in the languages and scripts the class occurs in:

- bookings and loyalty schemes: a PNR, a confirmation, Aeroplan, Avios, AerClub, "…Miles" schemes, a club card, a
  member, library or transport card (a payment card's own "card number" stays the older rules' call);
- a card's generic name (cartão, tarjeta, card, carte, credencial) on a line that names an insurer, a health scheme,
  a library, a transport or a loyalty scheme ("seguro Médis, cartão n.º …", "tarjeta de Sanitas es …"): a PHONE or an
  ID span after it (never a CARD span, a payment card's; an Italian tessera sanitaria is an ID, left alone);
- a SIM's ICCID (19 or 20 digits opening with 89) that a finder took for a payment card;
- receipts, slips and tickets: talão, risiti, scontrino, kvitto, paragon, квитанция, a support ticket ("tiket"), a
  till slip, a listing;
- transactions and transfers: TID, MTCN, Arabizi "3amaleya", a complaint ("shakwa", "reclamo", "segnalazione",
  "reporte", "trámite", "atención");
- meters and supply points: Linky, Gazpar, mita, skaitītājs, jaotur, målepunkt, mjerno mjesto, παροχή, счётчик,
  лічильник, عداد; a utility's personal account (лицевой счёт), a subscriber (абонат);
- policies and claims in Slavic and Nordic languages (polica, polici, poistná zmluva, pojistná smlouva, försäkring,
  forsikring, skadesak, щета), a Brazilian police report (B.O., boletim de ocorrência), a Dutch aangifte;
- students' and professionals' registers (UCAS, CAO, GMC, NMC), a prescription (Rx), a staff badge, a pet's microchip,
  a user id at a firm (felhasználói azonosító), a bill's control number, a comprobante, a tiquete, a guía, an
  e-prescription (receptas), a DBS certificate, an AWB, a récépissé, tracking numbers (sporingsnummer), a bag tag, a
  PIR, an Indonesian ID pelanggan, a meter (Mtr), a car or home insurance (seguro auto), a lower-case "my bill".

Link words pii_refs lacks count too ("Ref. No.", "Polica št.", "polici … br.", "should read"). A name asked in the
agent's turn counts when the span opens the caller's next turn ("Agent (Brian): the meter number? / Customer (mama
Akinyi): 37 1549 0826 1"); a speaker's own label ("klient:", "caller:") is never a name nor a phone's word. Nothing is
added. Every pattern is linear and reads a bounded window before a span (at most 400 characters back, the line's last
60 to 90, the turn before it, 160), and spans past the first 20,000 characters are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from services.adapters.local import pii_ids, pii_refs
from services.models import PiiSpan

# names whose number is never a phone, a bank account, a card or anyone's ID
_MORE_STRONG = (
    r"pnr|confirmation|conf\.|aeroplan|avios|aerclub|[^\W\d_]{2,12}miles|miles[ \t]?(?:&|and)[ \t]?more|nectar|"
    r"clubcard|payback|"
    r"(?:leap|library|loyalty|member(?:ship)?|transit|travel|transport|oyster|myki|opal|presto|fidelity|fidaty|"
    r"avantage|club|rewards?|gym|student|bus)[ \t]card(?:[ \t](?:no\.?|number|#))?|"
    r"carta[ \t](?:fidaty|fedelt[àa]|soci)|carte[ \t](?:avantage|fid[ée]lit[ée]|de[ \t]fid[ée]lit[ée]|club)|"
    r"tarjeta[ \t](?:sanitaria|de[ \t]asegurad[oa]|de[ \t]socio|de[ \t]fidelidad|club)|"
    r"tal[ãa]o|risiti|scontrino|kvitto|paragon\w{0,2}|квитанци\w{0,2}|tiket|tiketi|slip|listing|"
    r"tid|mtcn|3amaleya|el[ \t]3amaleya|shakwa|el[ \t]shakwa|segnalazione|reporte|tr[áa]mite|(?<=de[ \t])atenci[óo]n|"
    r"linky|gazpar|mita|skait[īi]t[āa]j\w{1,3}|jaotur\w{0,3}|m[åa]lepunkt(?:-id)?|mjern\w{1,4}[ \t]mjest\w{1,2}|"
    r"παροχή|παροχής|счётчик\w{0,2}|счетчик\w{0,2}|лічильник\w{0,2}|العداد|عداد|للعداد|"
    r"лицев\w{1,3}[ \t]сч[её]т\w{0,2}|абонат\w{0,4}|"
    r"polic[aeiu]|polise|polisse|polizze|poistn\w{1,3}[ \t]zmluv\w{1,2}|pojistn\w{1,3}[ \t]smlouv\w{1,2}|"
    r"f[öo]rs[äa]kring\w{0,3}|forsikring\w{0,3}|skadesak\w{0,8}|щет\w{1,2}|"
    r"b\.[ \t]?o\.|boletim(?:[ \t]de[ \t]ocorr[êe]ncia)?|aangifte\w{0,8}|"
    r"ucas(?:[ \t]personal)?|cao|gmc|nmc|rx|badge|microchip|micro-chip|"
    r"felhaszn[áa]l[óo]i[ \t]azonos[íi]t[óo]|[üu]gyf[ée]lsz[áa]m\w{0,4}|"
    r"control[ \t]number|comprobante|tiquete|gu[íi]a|recept\w{0,2}|dbs|gphc|hcpc|ahpra|awb|r[ée]c[ée]piss[ée]|"
    r"sporings\w{0,8}|sp[åa]rnings\w{0,8}|sendungs\w{0,8}|seurantakoodi|bag(?:gage)?[ \t]tag|pir|"
    r"id[ \t]pel(?:anggan)?|idpel|hmo[ \t]card|mtr|"
    r"seguro[ \t](?:auto|autom[óo]vel|de[ \t]carro|do[ \t]carro|residencial|de[ \t]vida|viagem|de[ \t]viaje|"
    r"del[ \t]coche|de[ \t]hogar|hogar|coche)|"
    # a bill with no capital: "my bill 3-44812077" (a capital "Bill" before a number may be a person's name)
    r"(?-i:(?<=my[ \t])bill|(?<=on[ \t])bill|(?<=postpaid[ \t])bill|(?<=prepaid[ \t])bill)")
# a card's generic name ("cartão", "tarjeta", "card") is a member's or a holder's card when the line names an insurer,
# a health scheme, a library, a transport or a loyalty scheme before it: a PHONE or an ID span after it is that card's
_CARD_WORD = re.compile(r"(?i:\b(?:cart[ãa]o|tarjeta|card|carte|credencial|carteirinha)"
                        r"(?:[ \t](?:de|da|do|del|di|of)[ \t][^\W\d_][\w&-]{1,20})?"  # "tarjeta de Sanitas"
                        r"(?:[ \t](?:n\.?[ºo°]\.?|no\.?|nr\.?|number|num[ée]ro|n[úu]mero|#))?"
                        r"(?:[ \t](?:es|is|est|é|è|ist))?[ \t]{0,2}(?:[:#][ \t]{0,2})?$)")
_CARD_CUE = re.compile(r"(?i:\b(?:seguro|seguradora|aseguradora|p[óo]liza|ap[óo]lice|insur\w{0,6}|assurance|mutuelle|"
                       r"sanitas|m[ée]dis|osde|adeslas|asisa|dkv|mapfre|hmo|medical[ \t]aid|health|sa[úu]de|salud|"
                       r"sanitaria|library|biblioth\w{1,6}|leap|myki|opal|presto|oyster|mobib|transit|loyalty|gym|"
                       r"student|[ée]tudiant|points|rewards|club)\b)")
# abbreviations and phrases between a name and its number that pii_refs' link words lack ("Ref. No.", "Polica št.",
# "polici … br.", "the PO number should read")
_MORE_LINK = re.compile(r"(?i:^\.|(?<![^\W\d_])(?:št|br|č|čís|nr|no)\.|(?<![^\W\d_])(?:should[ \t](?:read|be)|nombor|nomor|"
                        r"číslo|broj)(?![^\W\d_]))")
# a speaker's label ("caller:") holds a phone's word, and says nothing of the number
_SPEAKER_LABEL = re.compile(r"(?i:\b(?:caller|customer|client|cliente|agent)[ \t]?:)")
# a line that opens the caller's turn: the caller's label, maybe with a name in brackets or after a dash, then the span
_ANSWER_LABEL = re.compile(
    r"(?:^|\n)[ \t]{0,4}(?:\[[^\]\n]{1,12}\][ \t]?)?(?i:caller|customer|client[ae]?|user|you|c|me|cust|member|"
    r"pelanggan|pemanggil|kunde|kundin|anrufer\w{0,2}|usuari[oa]|utilisateur|utente|abonent|абонент|клиент|клієнт|"
    r"ग्राहक|العميل|المتصل|客户|顾客|お客様|고객|pasajer[oa]|visitor|guest|klant|tenant|patient|paciente)"
    r"(?:[ \t]?(?:\([^()\n]{1,40}\)|-[^:\n]{1,40}))?[ \t]?[:：][ \t]{0,3}$")
# the line before opens a speaker's turn ("Agent (Brian):", "[00:00:41] agent:")
_ASKER_LABEL = re.compile(r"[ \t]{0,4}(?:\[[^\]\n]{1,12}\][ \t]?)?[^\W\d_][^:：\n\d]{0,44}[:：]")
_SIM = re.compile(r"(?i:\bsim(?:[ \t]card)?[ \t]{0,2}(?:no\.?|number|#)?[ \t]{0,2}:?[ \t]{0,2}$)")
_STRONG = rf"{pii_refs.STRONG}|{_MORE_STRONG}"
_NAME_RE = re.compile(
    rf"(?i:\b(?:(?P<strong>{_STRONG})|(?P<weak>{pii_refs.WEAK}|akaun|akun)|(?P<short>{pii_refs.NEEDS_NUMBER_WORD}))"
    r"(?![^\W\d_]))")
_MAX_TEXT = 20_000
_LETTER = re.compile(r"[^\W\d_]")


def _line_start(text: str, pos: int) -> int:
    """Where the line that holds `pos` starts, looked for in the 400 characters before it (a longer line: 400 back)."""
    lo = max(0, pos - 400)
    found = text.rfind("\n", lo, pos)
    return found + 1 if found >= 0 else lo


def _name_before(before: str) -> re.Match[str] | None:
    """The reference's name that ends `before` once pii_refs' link words are taken off, or None."""
    best = None
    for m in _NAME_RE.finditer(before):
        tail = _MORE_LINK.sub(lambda x: " " * len(x.group()), before[m.end():])
        if pii_refs.SPEAKER_TAIL.fullmatch(tail) and (pii_refs.SPEAKER_WORD.match(before, m.start())
                                                       or not _LETTER.search(before, 0, m.start())):
            continue  # "Customer: 0161 496 0732", "[10:03] Klient: 512 644 903": a speaker's label (after a time
            # stamp too), no reference's name
        if pii_refs.LINK.match(tail) and (not m.group("short") or pii_refs.NUMBER_WORD_RE.search(tail)):
            best = m
    return best


def _asked_before(text: str, start: int) -> re.Match[str] | None:
    """The reference's name the turn before asks for, when the span opens the next turn ("meter number?\nClient
    (Lerato): 0412 3387 519"); None otherwise, or when that turn asks for a phone, a document, a postcode or a date."""
    line_start = _line_start(text, start)
    if line_start <= 0 or not _ANSWER_LABEL.search(text, max(line_start - 1, start - 120), start):
        return None
    prev_start = _line_start(text, line_start - 1)
    if line_start - 1 - prev_start > 160:
        return None
    question = text[prev_start:line_start - 1]
    asker = _ASKER_LABEL.match(question)
    if asker is None:
        return None  # the line before is no speaker's turn
    question = question[asker.end():]
    if (pii_refs.names_a_phone(_SPEAKER_LABEL.sub(" ", question)) or _document(question)
            or pii_refs.PERSONAL_ASKED.search(question)):
        return None
    names = [m for m in _NAME_RE.finditer(question)
             if not m.group("short") or pii_refs.NUMBER_WORD_RE.search(question, m.end(), m.end() + 12)]
    return names[-1] if names else None


def _document(window: str) -> bool:
    """An identity document named in the window (its number is the person's)."""
    return bool(pii_ids.DOCUMENT_NAME.search(window) or pii_refs.OWN_IDS.search(window))


def _card_name(before: str) -> bool:
    """A card's generic name after an insurer's, a health scheme's, a library's or a transport scheme's on the line."""
    m = _CARD_WORD.search(before)
    return m is not None and bool(_CARD_CUE.search(before, 0, len(before)))


def _is_firm_reference(text: str, span: PiiSpan) -> bool:
    """Is this PHONE / NATIONAL_ID / CARD / BANK_ACCOUNT span a reference by the name written or asked before it?"""
    if span.kind not in ("PHONE", "NATIONAL_ID", "CARD", "BANK_ACCOUNT") or span.end > _MAX_TEXT:
        return False
    value = text[span.start:span.end]
    if value.lstrip("( ").startswith("+") or value.lower().startswith(("plus", "più", "mais")):
        return False
    after = text[span.end:span.end + 40].split("\n")[0]
    turn = pii_refs.TURN_START.search(after)
    after = after[:turn.start()] if turn else after
    clause = after.split(". ")[0]
    phone_word = pii_refs.PHONE_WORDS.search(clause)
    if phone_word and not (pii_refs.LIST_NEXT.match(clause) and pii_refs.DIGIT.search(after, phone_word.end())):
        return False
    spoken = pii_refs.spoken(value)
    if span.kind != "PHONE" and any(c.isalpha() for c in value) and not spoken:
        return False  # letters in it: an ID's shape, the older rules' call
    line_start = _line_start(text, span.start)
    before = text[max(line_start, span.start - 60):span.start]
    if span.kind == "CARD" and _SIM.search(before):
        digits = "".join(c for c in value if c.isdigit())
        return digits.startswith("89") and len(digits) >= 18  # a SIM's ICCID, no payment card
    if span.kind in ("PHONE", "NATIONAL_ID") and _card_name(text[max(line_start, span.start - 90):span.start]):
        near = text[max(line_start, span.start - 90):span.start]
        return not pii_refs.names_a_phone(_SPEAKER_LABEL.sub(" ", near)) and not _document(near[-40:])
    name = _name_before(before)
    if name is None:
        if span.kind != "PHONE" and not spoken:
            return False
        name = _asked_before(text, span.start)
        if name is None:
            return False
        if name.group("weak"):
            return (span.kind == "PHONE" and not pii_refs.trunk_zero(value)
                    and not pii_refs.BANK_WORDS.search(text[:_MAX_TEXT]))
        return True
    near = pii_refs.INSURED_PHONE.sub(lambda m: " " * len(m.group()), before)[max(0, name.start() - 20):]
    if pii_refs.names_a_phone(_SPEAKER_LABEL.sub(" ", near)) or (
            pii_refs.document_before(before, name) and name.group().lower() != "urn"):
        return False
    if pii_refs.ACCOUNT_NAME.fullmatch(name.group()) and pii_refs.BANK_WORDS.search(text[:_MAX_TEXT]):
        return False
    if name.group("weak"):
        return span.kind == "PHONE" and not pii_refs.trunk_zero(value)
    return True


def drop_firm_references(text: str, spans: Sequence[PiiSpan]) -> list[PiiSpan]:
    """The spans without those that are a firm's or an authority's reference (the module's docstring)."""
    return [s for s in spans if not _is_firm_reference(text, s)]
