"""Numbers that are nobody's personal data, whatever shape a finder read (session 46, candidate 46-4).

The phone, identity, card and account finders read a number's shape; these numbers have a personal number's shape
and are kept references or codes, told apart by what they are or what the message says of them:

- a vehicle identification number (VIN, a German FIN, a chassis number): 17 letters and digits without I, O or Q,
  its last six digits a serial — no person's id, phone, card or account has that layout;
- a bank's sort code alone after "sort code" ("sort code twenty, forty one, seventy seven", "sort code 20-41-77"):
  a branch's code, kept; the account number read with it stays masked (a span that holds both is left alone);
- a firm's tax or registration number (NIP, ΑΦΜ, OIB, kt., RUT, NIF/NIPC, P. IVA, CUIT, org.nr, ABN…) when the
  message names the holder as a firm (a legal form, "Sp. z o.o.", "Α.Ε.", "d.o.o.", "ehf.", "GmbH", on the label's
  line or on the line right above it; "the company's", "naše tvrtke", "της εταιρείας" beside it) or when the number's
  own layout says it is a firm's: an Icelandic kennitala whose day is 41 to 71, a Chilean RUT of 50 million or more,
  a Greek ΑΦΜ opening with 09 or 99; and a label only a firm's number bears (CIF,
  P. IVA, NIPC, ABN, KVK, CVR, registrikood…). A sole trader's ("jednoosobowa",
  "sole trader", "autónomo", "ατομική") and a person's named in a field ("Ονοματεπώνυμο", "Name:") keep the mask;
- an account at a utility, a council, a telco or a service ("council tax account 60029183", "paybill 888880 account
  37221440912 … token", "akaun TNB 2200 4718 3390") — an account's number in a message about power, water, gas,
  internet, a meter or a bill that speaks of no bank, no transfer, no refund (a bank's account is the older rules'
  call);
- an Indonesian or Malaysian virtual account ("transfer ke VA 8808 0812 5550 4471"): a payment reference.

Nothing is added. Every pattern is linear, reads a bounded window around a span, and the message-wide look-ups read
at most the first 20,000 characters.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from services.adapters.local import pii_refs
from services.models import PiiSpan

_KINDS = frozenset(("PHONE", "NATIONAL_ID", "CARD", "BANK_ACCOUNT", "PASSPORT"))
_MAX_TEXT = 20_000

# --- vehicle identification numbers
_VIN = re.compile(r"[A-HJ-NPR-Z0-9]{11}[0-9]{6}")
_LETTER = re.compile(r"[A-Z]")


def _is_vin(value: str) -> bool:
    value = value.strip()
    return bool(_VIN.fullmatch(value)) and len(_LETTER.findall(value[:11])) >= 1 and sum(
        c.isdigit() for c in value[:11]) >= 1


# --- sort codes
_SORT_CUE = re.compile(r"(?i:\bsort[ \t-]?code(?:[ \t]+(?:is|was|of|it's|its))?[ \t]{0,3}[:,-]?[ \t]{0,3}$)")
_SORT_WRITTEN = re.compile(r"\d{2}[ \t.-]?\d{2}[ \t.-]?\d{2}")
_UNITS = frozenset(("zero", "oh", "o", "nil", "nought", "one", "two", "three", "four", "five", "six", "seven",
                    "eight", "nine"))
_TEENS = frozenset(("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                    "nineteen"))
_TENS = frozenset(("twenty", "thirty", "forty", "fourty", "fifty", "sixty", "seventy", "eighty", "ninety"))
_SPOKEN_WORD = re.compile(r"[a-z']+")


def _spoken_digits(value: str) -> int | None:
    """How many digits English number words read ("twenty, oh four, fifteen" → 6), or None for any other word."""
    words = _SPOKEN_WORD.findall(value.lower().replace("-", " "))
    if not words or len(words) > 12:
        return None
    count, i = 0, 0
    while i < len(words):
        word = words[i]
        if word in _TENS:
            count += 2
            if i + 1 < len(words) and words[i + 1] in _UNITS - {"zero", "oh", "o", "nil", "nought"}:
                i += 1  # "thirty five": two digits
        elif word in _TEENS:
            count += 2
        elif word in _UNITS:
            count += 1
        elif word in ("double", "triple"):
            count += 1 if word == "double" else 2
        else:
            return None
        i += 1
    return count


def _is_sort_code(text: str, span: PiiSpan) -> bool:
    value = text[span.start:span.end].strip()
    before = text[max(0, span.start - 30):span.start]
    if not _SORT_CUE.search(before):
        return False
    if any(c.isdigit() for c in value):
        return bool(_SORT_WRITTEN.fullmatch(value))
    return _spoken_digits(value) == 6


# --- a firm's tax or registration number
_TAX_LABEL = re.compile(
    r"(?:(?<![^\W\d_])(?:NIP|OIB|RUT|NIPC|NIF|CIF|CUIT|CNPJ|ABN|ACN|EIN|CVR|KVK|UID|IČO|ICO|DIČ|"
    r"P\.?[ \t]?IVA|(?i:partita[ \t]iva|kt\.|kennitala|org\.?[ \t]?nr\.?|org\.?nummer|organisasjonsnummer|"
    r"organisationsnummer|registrikood|y-tunnus|steuernummer|st\.-?nr\.?|ust-?idnr\.?))(?![^\W\d_])|"
    r"Α\.?Φ\.?Μ\.?|ΑΦΜ)")
_LEGAL_FORM = re.compile(
    r"(?:(?i:\bsp\.?[ \t]?z[ \t]?o\.?[ \t]?o\b|\bs\.[ \t]?c\.|\bsp\.[ \t]?j\.|\bsp\.[ \t]?k\.|\bs\.[ \t]?a\.|"
    r"\bs\.[ \t]?p\.[ \t]?a\.|\bs\.[ \t]?r\.[ \t]?l\.|\bgmbh\b|\bltd\b|\blimited\b|\bllc\b|\binc\b\.?|\bplc\b|"
    r"\bpty\b|\bb\.v\.|\bn\.v\.|\bs\.l\.|\bsarl\b|\bs\.a\.s\.|\bd\.o\.o\.|\bd\.d\.|\bs\.r\.o\.|\bkft\b|\bzrt\b|"
    r"\blda\b|\behf\b\.?|\bspółk\w{1,3}|\bwspólnot\w{1,3}|\bspółdzielni\w{0,3}|\bstowarzyszeni\w{1,3}|"
    r"\bfundacj\w{1,3})|"
    r"Α\.Ε\.|Ε\.Π\.Ε\.|Ι\.Κ\.Ε\.|Ο\.Ε\.|Ε\.Ε\.|(?<=[^\W\d_][ \t])(?:ΑΕ|ΕΠΕ|ΙΚΕ|AS|ASA|AB|AG|KG|SA|SAS|SpA|Srl|SRL|"
    r"BV|NV|ApS|A/S|Oy|Oyj|OÜ|SIA|UAB|ООО|АО|ПАО|ЗАО|ТОВ)(?!\w))")
_SOLE = re.compile(r"(?i:jednoosobow\w{0,4}|\bjdg\b|sole[ \t]trader|autónom\w{1,2}|auto-?entrepreneur|"
                   r"micro-?entreprise|ατομικ\w{1,4}|einzelunternehm\w{0,4}|obrt\w{0,2}|ditta[ \t]individuale|"
                   r"empresári[oa][ \t]em[ \t]nome[ \t]individual|freelanc\w{0,3}|self-?employed|"
                   r"prowadz\w{1,6}[ \t]działalno\w{1,3}|działalno\w{1,3}[ \t]gospodarcz\w{1,3}|enskild[ \t]firma|personn(?:umme)?r|henkilötunnus|cpr)")
_PERSON_FIELD = re.compile(r"(?i:ονοματεπώνυμο|επώνυμο|όνομα|δικαιούχος|imię|nazwisko|name[ \t]?:|nome[ \t]?:|"
                           r"nombre[ \t]?:|nom[ \t]?:|ime[ \t]?:|prezime|employee|εργαζ\w{1,6}|pracownik\w{0,3})")
# a firm named between the label and the number ("OIB naše tvrtke", "NIP firmy", "RUT de la empresa")
_FIRM_OF = re.compile(r"(?i:\b(?:tvrtk\w{1,2}|firmy|spółki|εταιρ\w{1,8}|(?:de[ \t]la|da|della|der|of[ \t]the|our)[ \t]"
                      r"(?:empresa|sociedade|società|firma|company|business|organi[sz]ation|charity)|"
                      r"company|business|entreprise|empresa|societ[àa]|gesellschaft|organi[sz]ation)\b)")
_OWN = re.compile(r"(?i:(?<!\w)(?:my|mine|meu|meus|minha|mi|mis|mon|ma|mes|mein\w{0,2}|mój|moj|moje|mitt|min|mijn|"
                  r"mio|mia|μου|ο[ \t]δικός[ \t]μου)(?!\w))")
# labels only a firm's number bears (a registry's, a VAT number, an employer's id)
_FIRM_LABEL = re.compile(r"(?i:registrikood|y-tunnus|kvk|abn|acn|ein|cnpj|nipc|ičo|ico|cvr|cif|ust-?idnr\.?|"
                         r"organisasjonsnummer|p\.?[ \t]?iva|partita[ \t]iva)")
_GREEK_FIRM = re.compile(r"(?:09|99)\d{7}")
_KT = re.compile(r"(\d{2})\d{4}-?\d{4}")
_RUT = re.compile(r"(\d{1,2})\.?(\d{3})\.?(\d{3})-?[\dkK]")


def _label_before(text: str, start: int) -> re.Match[str] | None:
    """The tax label that ends the window before the span (at most six words and no digit between)."""
    line_start = text.rfind("\n", 0, start) + 1
    window_start = max(line_start, start - 60)
    window = text[window_start:start]
    last = None
    for m in _TAX_LABEL.finditer(window):
        last = m
    if last is None:
        return None
    between = window[last.end():]
    if any(c.isdigit() for c in between) or len(between.split()) > 6:
        return None
    return last


def _layout_says_firm(label: str, value: str) -> bool:
    digits = "".join(c for c in value if c.isdigit())
    upper = label.upper().replace(".", "")
    if upper in ("ΑΦΜ",):
        return bool(_GREEK_FIRM.fullmatch(digits))
    if upper.startswith("KT") or upper == "KENNITALA":
        m = _KT.fullmatch(value.strip())
        return m is not None and 41 <= int(m.group(1)) <= 71
    if upper == "RUT":
        m = _RUT.fullmatch(value.strip())
        return m is not None and int(m.group(1) + m.group(2) + m.group(3)) >= 50_000_000
    return False


def _is_firm_number(text: str, span: PiiSpan) -> bool:
    if span.kind not in ("NATIONAL_ID", "PHONE", "BANK_ACCOUNT"):
        return False
    label = _label_before(text, span.start)
    if label is None:
        return False
    value = text[span.start:span.end]
    line_start = text.rfind("\n", 0, span.start) + 1
    label_end = max(line_start, span.start - 60) + label.end()
    label_start = label_end - len(label.group())
    if _OWN.search(text[max(line_start, label_start - 25):span.start]) or _PERSON_FIELD.search(
            text[max(0, line_start - 120):span.start]):
        return False  # "my Portuguese NIF is …", "o meu NIF", "Ο ΑΦΜ μου", "Ονοματεπώνυμο: …\nΑΦΜ: …"
    if _layout_says_firm(label.group(), value) or _FIRM_LABEL.fullmatch(label.group()):
        return True
    if _FIRM_OF.search(text[label_end:span.start]):
        return True  # "OIB naše tvrtke je …", "NIP firmy …", "the company's ABN is …"
    prev_start = text.rfind("\n", 0, max(0, line_start - 1)) + 1 if line_start else line_start
    own_line = text[max(line_start, label_start - 80):span.start]
    prev_line = text[prev_start:line_start][-120:] if line_start else ""
    after = text[span.end:span.end + 30].split("\n")[0]
    near = own_line + " " + after
    if _SOLE.search(near) or _SOLE.search(prev_line) or _PERSON_FIELD.search(own_line):
        return False
    if _LEGAL_FORM.search(own_line):
        return True
    # the firm's name on the line right above the label's ("Meblotex Sp. z o.o.\nNIP 526-…")
    return label.start() + max(line_start, span.start - 60) - line_start < 3 and bool(
        _LEGAL_FORM.search(prev_line)) and not _PERSON_FIELD.search(prev_line)


# --- an account at a utility, a council or a service
_ACCOUNT_BEFORE = re.compile(
    r"(?i:(?<![^\W\d_])(?:account|acct|acc|a/c|akaun|cuenta|compte|conta)\.?"
    r"(?:[ \t]{1,2}(?:no\.?|nr\.?|number|num|#|n[°º]|nombor|nomor))?"
    r"(?:[ \t]{1,2}(?:with[ \t]us|with[ \t]them|here))?(?:[ \t]{1,2}(?:is|es|est|é|ni))?[ \t]{0,2}[:#]?[ \t]{0,2}$)")
_UTILITY = re.compile(
    r"(?i:\b(?:council[ \t]tax|business[ \t]rates|water|hydro|electric\w{0,4}|power|meter\w{0,2}|broadband|"
    r"internet|fibre|fiber|nbn|gas|energy|kplc|tokens?|tnb|utilit\w{1,3}|kwh|tariff|sewer\w{0,3}|"
    r"licen[cs]e|landline|sim|wifi|bill|billing|bills|usage|supply|"
    r"listrik|pln|air|bil|elektrik|luz|agua|electricidad|eau|électricité|gaz|strom|wasser|acqua|luce|"
    r"energia|água|umeme|mita)\b)")
_NOT_UTILITY_BANK = re.compile(
    r"(?i:\b(?:bsb|routing|salary|wages?|payroll|pension|cheque|check|withdraw\w{0,4}|atm|"
    r"(?:from|into|to)[ \t](?:my|her|his|our|their|your)[ \t](?:\w{1,12}[ \t])?account|credit[ \t]card|"
    r"debit[ \t]card|card|zwrot\w{0,2}|przelew\w{0,2}|rachun\w{1,3}|holder)\b)")


def _is_utility_account(text: str, span: PiiSpan) -> bool:
    if span.kind != "BANK_ACCOUNT":
        return False
    value = text[span.start:span.end]
    if any(c.isalpha() for c in value) and not pii_refs.spoken(value):
        return False
    if pii_refs.trunk_zero(value):
        return False  # "paybill 888880 account 0722918304": the payer's phone, the older rules' call
    line_start = text.rfind("\n", 0, span.start) + 1
    before = text[max(line_start, span.start - 40):span.start]
    if not _ACCOUNT_BEFORE.search(before):
        return False
    head = text[:_MAX_TEXT]
    return bool(_UTILITY.search(head)) and not pii_refs.BANK_WORDS.search(head) and not _NOT_UTILITY_BANK.search(
        head)


# --- a virtual account
_VIRTUAL = re.compile(r"(?:(?i:virtual[ \t]account)|(?<![^\W\d_])(?-i:VA))(?:[ \t]{1,2}(?i:number|no\.?|nomor))?"
                      r"[ \t]{0,2}:?[ \t]{0,2}$")


def _is_virtual_account(text: str, span: PiiSpan) -> bool:
    if span.kind not in ("BANK_ACCOUNT", "CARD", "PHONE"):
        return False
    return bool(_VIRTUAL.search(text[max(0, span.start - 30):span.start]))


def is_kept_number(text: str, span: PiiSpan, account_beside: bool = False) -> bool:
    """Is this span a kept number (a VIN, a sort code, a firm's tax number, a utility's account, a virtual account)?
    With an account number beside it (`account_beside`) a sort code is part of the bank details, masked."""
    if span.kind not in _KINDS or span.start >= _MAX_TEXT:
        return False
    value = text[span.start:span.end]
    if value.lstrip("( ").startswith("+"):
        return False
    if _is_vin(value):
        return True
    return ((not account_beside and _is_sort_code(text, span)) or _is_firm_number(text, span)
            or _is_utility_account(text, span) or _is_virtual_account(text, span))


def drop_kept_numbers(text: str, spans: Sequence[PiiSpan]) -> list[PiiSpan]:
    """The spans without the kept numbers of the module's docstring."""
    accounts = [s for s in spans if s.kind == "BANK_ACCOUNT"]
    return [s for s in spans if not is_kept_number(text, s, any(a is not s for a in accounts))]
