"""Bank accounts as payouts, refunds and calls give them (session 30, issue 21; docs/security.md "Session 30").

Four forms the rules before missed, read from the BANK_ACCOUNT misses of the seen sets (dev, blind9-50c):

- **A number with its bank's name right after it**: "refund to 62841730915 (FNB)", "bank is 7716585696 First Bank",
  "0123987456 GTBank, name Obinna Eze", "2087441950 (Zenith Bank)" — and before it as an Indonesian or Malay account
  ("rekening 1370018842216 Mandiri", "akaun 5140 2218 7736").
- **An account number asked for in a call and read out in the next turn**, in a call about a bank (an overdraft, a
  card, a debit order, a transfer, a BSB or a sort code): "agent: your account number please\\ncaller: zero two three
  one, eight eight four, five zero six". The same question in a call to a telecom or a utility asks for a customer
  number, which is kept: the message must speak of a bank and the question must not name a customer, bill or meter.
- **Nordic account numbers in their own layout**, checked: a Norwegian 11-digit account written 4.2.5 ("konto
  9140.05.42894", modulus 11) and a Swedish bankgiro after its name ("bankgiro 5412-8830", Luhn).
- **The other number of a mistyped transfer**: a run of the same length as a bank account found in the message and
  differing from it in at most two digits ("sent to 1044 7723 should be 1044 7732", "2084471935 (GTBank) instead of
  2084471953") is the other account.

Every pattern is linear (bounded repeats, no nested quantifiers over the same characters); each finder reads the text
once, and the near-copy pass compares digit runs of one message (at most _MAX_RUNS of them).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator

from services import privacy
from services.adapters.local import pii_ids

Found = tuple[str, int, int, float]

# banks whose names follow an account number in chats and mails (Nigeria, South Africa, Kenya, Indonesia, Malaysia,
# Singapore, India, the Philippines, the US); case-sensitive as written, with the lower-case forms chats use
_BANK_NAMES = (r"GT[ \t]?[Bb]ank|GTB|gtb|gtbank|Guaranty[ \t]Trust|Access(?:[ \t][Bb]ank)?|access[ \t]bank|"
               r"Zenith(?:[ \t][Bb]ank)?|zenith|First[ \t]?[Bb]ank|first[ \t]bank|UBA|uba|Kuda|kuda|O[Pp]ay|opay|"
               r"Palm[Pp]ay|palmpay|Moniepoint|moniepoint|Wema(?:[ \t][Bb]ank)?|Fidelity(?:[ \t][Bb]ank)?|FCMB|"
               r"Sterling(?:[ \t][Bb]ank)?|Union[ \t][Bb]ank|Ecobank|Stanbic(?:[ \t]IBTC)?|Polaris(?:[ \t][Bb]ank)?|"
               r"Keystone(?:[ \t][Bb]ank)?|Providus|FNB|Capitec|capitec|ABSA|Absa|Nedbank|Standard[ \t]Bank|TymeBank|"
               r"Discovery[ \t]Bank|African[ \t]Bank|Mandiri|BCA|BRI|BNI|CIMB|Maybank|Public[ \t]Bank|RHB|"
               r"Equity(?:[ \t][Bb]ank)?|KCB|Co-?op[ \t][Bb]ank|NCBA|HDFC(?:[ \t][Bb]ank)?|ICICI(?:[ \t][Bb]ank)?|SBI|"
               r"Axis[ \t][Bb]ank|Kotak|DBS|POSB|OCBC|UOB|BDO|BPI|Metrobank|Landbank|Chase|Wells[ \t]Fargo|"
               r"Bank[ \t]of[ \t]America|Citibank|Barclays|Lloyds|NatWest|Santander|Monzo|Starling|Revolut|"
               r"Swedbank|Handelsbanken|SEB|Nordea|Danske[ \t]Bank|DNB|Sparebank[ \t]?1|Jyske[ \t]Bank|Nykredit|"
               r"ING|Rabobank|ABN[ \t]AMRO|Sparkasse|Volksbank|Commerzbank|Deutsche[ \t]Bank|Postbank|BNP[ \t]Paribas|"
               r"Cr[ée]dit[ \t]Agricole|Soci[ée]t[ée][ \t]G[ée]n[ée]rale|BBVA|CaixaBank|Bankinter|Sabadell|Intesa|"
               r"UniCredit|Millennium|PKO|mBank|N26|RBC|TD|Scotiabank|BMO|CIBC|Desjardins|ANZ|Westpac|CommBank|NAB|"
               r"Kiwibank|ASB|AIB|Bank[ \t]of[ \t]Ireland|Banco[ \t]Galicia|Banco[ \t]Naci[óo]n|Macro|Bancolombia|"
               r"Nubank|Ita[úu]|Bradesco|Banorte|Banamex|BBVA[ \t]M[ée]xico")
# 8-16 digits, one run or groups (never a phone in international form, a decimal or a piece of a code)
_RUN = r"(?<![\w.+/#-])(\d(?:[ -]?\d){7,15})(?![\w/-]|[.,]\d)"
_BANK_NAME = re.compile(rf"(?<![\w'’-])(?:{_BANK_NAMES})(?![\w'’-])")
_GROUP_BEFORE = re.compile(r"\d[ -]?\Z")  # the run is the tail of a longer number (a CBU's last 14 digits)
_RUN_BEFORE_NAME = re.compile(_RUN + r"[ \t]{0,2}\(?[ \t]?\Z")  # on the 40 characters before a bank's name
_NAMED_BEFORE = re.compile(r"(?i:\b(?:rekening|no\.?[ \t]?rek(?:ening)?\.?|akaun|nombor[ \t]akaun)[ \t:]{1,3})"
                           + _RUN)
_RUN_AFTER_NAME = re.compile(r"[ \t]{0,2}(?:\)[ \t]{0,2})?[,:–-][ \t]{0,2}(?:(?i:acc(?:oun)?t?(?:[ \t]?(?:no\.?|number))?)"
                             r"[ \t:]{1,3})?" + _RUN)  # "Zenith Bank, 2087364519", "at Equity, 0180299483712"
# national layouts after their labels: Swedish clearing + konto, Danish reg.nr + konto, a German Kontonummer (the
# customer number is a Kundennummer), a Canadian account after its transit and institution numbers
_LABELLED = re.compile(
    r"(?i:clearing(?:nummer|nr\.?)?[ \t:]{1,3}\d{4}(?:-\d)?[ \t]{0,2}[,;/]?[ \t]{0,2}(?:och[ \t]|and[ \t])?"
    r"(?:konto(?:nummer|nr\.?)?|account(?:[ \t]number)?)[ \t:]{1,3}"
    r"|\breg\.?[ \t]?nr\.?[ \t:]{1,3}\d{4}[ \t]{0,2}[,;/]?[ \t]{0,2}(?:og[ \t])?konto(?:nummer|nr\.?)?[ \t:]{1,3}"
    r"|\bkonto(?:nummer|nr\.?|-nr\.?)[ \t:]{1,3}"
    r"|\binstitution(?:[ \t](?:number|no\.?|#))?[ \t:]{1,3}\d{3}[ \t]{0,2}[,;/]?[ \t]{0,2}(?:and[ \t]|et[ \t])?"
    r"(?:compte|account)(?:[ \t](?:number|no\.?|#))?[ \t:]{1,3})"
    r"(\d[\d -]{3,14}\d)(?![\w/-]|[.,]\d)")
_GERMAN_ACCOUNT = re.compile(r"(?i:\bkonto(?:nummer|nr\.?|-nr\.?))")
_CBU_RUN = re.compile(r"(?<![\w.,/-])(\d{4}[ \t]?\d{4}[ \t]?\d{14}|\d{22})(?![\w/-]|[.,]\d)")
_CBU_CUE = re.compile(r"\b(?:CBU|CVU|cbu|cvu)\b")
# a Nigerian mobile (080 3…, 11 digits) with a wallet's name after it is that wallet's phone number, not an account
_MOBILE = re.compile(r"0[789][01]\d{8}")

# ---- an account number asked for in a call and read out in the next turn ------------------------------------------
_ASK_ACCOUNT = re.compile(
    r"(?i)\b(?:(?:the|your|her|his|which|what|beneficiary|bank)[ \t]+)?(?:bsb[ \t]and[ \t])?"
    r"(?:account|acc|acct|a/c|cuenta|clabe|conta|cbu|cvu)(?:[ \t]?(?:number|num|no\.?|#))?\b[^\n]{0,40}$")
# … asking for the account itself ("and the account number if you have it"; not "for a us account yes, do you have it")
_THE_ACCOUNT = re.compile(r"(?i)\b(?:(?:the|your|his|her|their|beneficiary|bank)[ \t]+(?:account|acc|acct)\b|"
                          r"(?:account|acc|acct)[ \t]?(?:number|no\b|#)|clabe|cbu|cvu|cuenta|conta)")
# the agent's own turn ("agent: and the account number if you have it"): a request, whatever its ending
_AGENT_TURN = re.compile(r"(?i)^[ \t]{0,3}(?:\[[\d:]{3,8}\][ \t]{0,2})?(?:agent|agente|atendente|a|rep|advisor|adviser|"
                         r"operator|csr)(?:[ \t][^\W\d_]{1,20})?[ \t]?:")
# a question: a question mark, or a request ("… account number please", "and the account", "bsb and account")
_ASKED = re.compile(r"(?i)\?|\b(?:please|pls|plz|kindly|sir|ma['’]?am|madam)\W{0,3}$|(?:account|acc|acct|cuenta|clabe|"
                    r"conta)(?:[ \t]?(?:number|num|no\.?|#))?[ \t.]{0,3}$")
_NOT_BANK_QUESTION = re.compile(r"(?i)\b(?:customer|client|billing|bill|utility|meter|member|membership|policy|"
                                r"mobile|phone|broadband|internet|electricity|gas|water|energy|subscriber|player|"
                                r"game|loyalty|consumer|student)\b")
# a call about a bank: a bank's own word, or a weaker one (a transfer, a card, a loan…) in a call to no utility or
# telecom ("you're through to Brightwell Energy … my direct debit's gone out twice": the energy account's number)
_BANK_CALL = re.compile(r"(?i)\b(?:bank(?:s|ing|er|ed)?|overdraft|routing|bsb|sort[ \t]code|branch|beneficiary|pix|clabe|spei|"
                        r"ifsc|nuban|atm)\b")
_WEAK_BANK_CALL = re.compile(r"(?i)\b(?:debit[ \t]order|direct[ \t]debit|pos|transfer\w{0,3}|deposit\w{0,3}|cheques?|"
                             r"checks|loan|salary|statement|savings|checking|block[ \t]my[ \t]card|my[ \t]card)\b")
_SERVICE_CALL = re.compile(r"(?i)\b(?:energy|power|hydro|electric\w{0,4}|gas|water|broadband|internet|fib(?:re|er)|"
                           r"mobile|telecom\w{0,3}|wi-?fi|tv|council|utilit\w{1,3}|insurance|gym|membership)\b")
_SIM = re.compile(r"(?i)\bsim[ \t]?card\b")
_TURN_LABEL = re.compile(r"[ \t]{0,3}(?:\[[\d:]{3,8}\][ \t]{0,2})?[^\W\d_][\w .'’-]{0,25}:[ \t]{0,3}")
_LEAD_FILLER = re.compile(r"(?i)(?:(?:it['’]?s|its|it[ \t]is|yes|yeah|yep|sure|ok(?:ay)?|um|uh|erm|so|a[ \t]mi[ \t]"
                          r"(?:cuenta|clabe)|é|e|es|s[ií]|sim|haan|ji|sir|ma['’]?am|the[ \t]account[ \t]is|"
                          r"account[ \t]is|his|her|my[ \t]account[ \t]is)[ \t,.]{1,3}){0,3}")
_MIN_SAID_DIGITS = 7

# ---- Nordic layouts -------------------------------------------------------------------------------------------------
_NO_ACCOUNT = re.compile(r"(?<![\w.,/-])(\d{4})\.(\d{2})\.(\d{5})(?![\w/-]|[.,]\d)")
_BANKGIRO = re.compile(r"(?i:\bbankgiro(?:t|nummer)?)[ \t:]{1,3}(?:nr\.?[ \t]?)?(\d{3,4}-\d{4})(?![\w/-]|[.,]\d)")

# ---- session 32: national layouts after an account's name, read without their checksum -------------------------------
# a Czech or Slovak "prefix-number/bank code" after "číslo účtu" / "na účet"; a Hungarian 8-8(-8) giro number after
# "bankszámla" / "számlaszám"; a Norwegian 4.2.5 or a Nordic account in groups after "konto" / "kontonummer"; a Swedish
# bankgiro or plusgiro after its name — the name says what the number is, so a writer's number that fails its
# checksum is masked too (the checked forms above stay as they are)
_ACCOUNT_NAME = re.compile(
    r"(?i:\b(?:[čc][ií]sl[oa][ \t](?:bankovn[ií]ho[ \t])?[úu][čc]tu|na[ \t][úu][čc]et|z[ \t][úu][čc]tu|[úu][čc]et|"
    r"bankovn[ií][ \t]spojen[ií]|bankov[ée][ \t]spojenie|bankszáml\w{0,8}|számlaszám\w{0,4}|számlá(?:ra|mra|nkra|mat)|"
    r"kontonummer|kontonr\.?|konto|kontot|kontoen|tilinumero|tili|bankgiro(?:t|nummer)?|plusgiro(?:t|nummer)?|"
    r"clearingn(?:ummer|r)\.?)\b)")
_NATIONAL_LAYOUT = re.compile(
    r"(?<![\w.,/-])(?:(?:\d{1,6}-)?\d{2,10}/\d{4}|\d{8}-\d{8}(?:-\d{8})?|\d{4}\.\d{2}\.\d{5}|\d{3,4}-\d{4}|"
    r"\d{3}[ \t]\d{3}[ \t]\d{3}-\d|\d{4}[ \t]\d{6,10}|\d{1,7}-\d)(?![\w/-]|[.,]\d)")
_NAME_TO_VALUE = re.compile(r"[ \t:]{0,3}(?:(?:nr|no|n°|er|är|je|is|ist|on|to|mitt|min|mit|meu)\.?[ \t:]{1,3}){0,2}")


def _national_layouts(text: str) -> Iterator[Found]:
    for m in _ACCOUNT_NAME.finditer(text):
        link = _NAME_TO_VALUE.match(text, m.end())
        at = link.end() if link else m.end()
        value = _NATIONAL_LAYOUT.match(text, at)
        if value is None:
            continue
        digits = _digits(value.group())
        if len(digits) < 7 and "giro" not in m.group().lower():
            continue  # "konto 12-3": a short run is a reference, a bankgiro's or plusgiro's number is short
        yield "BANK_ACCOUNT", value.start(), value.end(), 0.85


# ---- the other number of a mistyped transfer -------------------------------------------------------------------------
_ANY_RUN = re.compile(_RUN)
_MAX_RUNS = 40
# at most this many spans of each finder a message: a message with more bank accounts is a dump (the later filters
# judge every span, and "transit 12345 institution 003 account 1234567 " × 200,000 characters gave 4,347 spans and
# 152 s of CPU in them)
CAP = 24


def _digits(value: str) -> str:
    return "".join(c for c in value if c.isdigit())


def _named(text: str) -> Iterator[Found]:
    for name in _BANK_NAME.finditer(text):  # the name first: a digit run is tried only where a bank's name follows
        begin = max(0, name.start() - 40)
        m = _RUN_BEFORE_NAME.search(text[begin:name.start()])
        if m and not _MOBILE.fullmatch(_digits(m.group(1))) and (m.start(1) > 0 or begin == 0) \
                and not _GROUP_BEFORE.search(text, max(0, begin + m.start(1) - 2), begin + m.start(1)):
            yield "BANK_ACCOUNT", begin + m.start(1), begin + m.end(1), 0.85
        after = _RUN_AFTER_NAME.match(text, name.end())
        if after and not _MOBILE.fullmatch(_digits(after.group(1))):
            yield "BANK_ACCOUNT", after.start(1), after.end(1), 0.85
    low = text.lower()
    if "konto" in low or "clearing" in low or "institution" in low:
        for m in _LABELLED.finditer(text):
            if 5 <= len(_digits(m.group(1))) <= 12:
                yield "BANK_ACCOUNT", m.start(1), m.end(1), 0.85
    if "cbu" in low or "cvu" in low:
        if _CBU_CUE.search(text):
            for m in _CBU_RUN.finditer(text):
                if _cbu_ok(_digits(m.group(1))):
                    yield "BANK_ACCOUNT", m.start(1), m.end(1), 0.85
    if "rek" in low or "akaun" in low:
        for m in _NAMED_BEFORE.finditer(text):
            yield "BANK_ACCOUNT", m.start(1), m.end(1), 0.85


def _asked_in_call(text: str) -> Iterator[Found]:
    """The next turn's number after a question for the account, in a call or chat about a bank."""
    if "\n" not in text or _SIM.search(text):
        return
    if not _BANK_CALL.search(text) and (not _WEAK_BANK_CALL.search(text) or _SERVICE_CALL.search(text)):
        return
    pieces = privacy.said_number_pieces(text)
    for line, begin, end_of_line in pii_ids.next_turns(text):
        question = _ASK_ACCOUNT.search(line)
        if not question or _NOT_BANK_QUESTION.search(question.group()) or not (
                _ASKED.search(question.group()) or (_AGENT_TURN.match(line) and _THE_ACCOUNT.search(line))):
            continue
        label = _TURN_LABEL.match(text, begin)
        if label and "acc" in label.group().lower():
            continue  # a form's next field ("Account no.: …"), not the answer of a turn
        at = label.end() if label else begin
        filler = _LEAD_FILLER.match(text, at)
        at = filler.end() if filler else at
        written = _ANY_RUN.match(text, at)
        if written and written.end(1) <= end_of_line:
            yield "BANK_ACCOUNT", written.start(1), written.end(1), 0.9
            continue
        for piece in pieces:
            if piece[0][0] == at and piece[-1][1] <= end_of_line:
                if len("".join(t[2] for t in piece)) >= _MIN_SAID_DIGITS:  # above the PHONE digits said read as
                    yield "BANK_ACCOUNT", piece[0][0], piece[-1][1], 0.9
                break


def _cbu_ok(digits: str) -> bool:
    """An Argentine CBU/CVU: the check digits of its two blocks (bank and branch; account)."""
    if len(digits) != 22:
        return False
    first = sum(int(d) * w for d, w in zip(digits[:7], (7, 1, 3, 9, 7, 1, 3), strict=True))
    second = sum(int(d) * w for d, w in zip(digits[8:21], (3, 9, 7, 1, 3, 9, 7, 1, 3, 9, 7, 1, 3), strict=True))
    return (10 - first % 10) % 10 == int(digits[7]) and (10 - second % 10) % 10 == int(digits[21])


def _mod11_no(digits: str) -> bool:
    weights = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
    rest = sum(int(d) * w for d, w in zip(digits[:10], weights, strict=True)) % 11
    check = 0 if rest == 0 else 11 - rest
    return check != 10 and check == int(digits[10])


def _nordic(text: str) -> Iterator[Found]:
    if "." in text:
        for m in _NO_ACCOUNT.finditer(text):
            if _mod11_no("".join(m.groups())):
                yield "BANK_ACCOUNT", m.start(), m.end(), 0.85
    if "giro" in text.lower():
        for m in _BANKGIRO.finditer(text):
            if privacy.luhn_ok(_digits(m.group(1))):
                yield "BANK_ACCOUNT", m.start(1), m.end(1), 0.85


def near_copies(text: str, accounts: Iterable[tuple[int, int]]) -> Iterator[Found]:
    """Digit runs of the text (written, 8-16 digits) of the same length as one of the `accounts` (start, end) and
    differing from it in one or two digits: the other number of a transfer sent to a mistyped account."""
    known = [(_digits(text[s:e]), s, e) for s, e in accounts]
    known = [k for k in known if 8 <= len(k[0]) <= 16]
    if not known:
        return
    for n, m in enumerate(_ANY_RUN.finditer(text)):
        if n >= _MAX_RUNS:
            return
        digits = _digits(m.group(1))
        for value, s, e in known:
            if s <= m.start(1) < e or len(value) != len(digits) or value == digits:
                continue
            if sum(a != b for a, b in zip(value, digits, strict=True)) <= 2:
                yield "BANK_ACCOUNT", m.start(1), m.end(1), 0.8
                break


def find_bank_accounts(text: str) -> list[Found]:
    """The first three forms of the module's docstring, at most CAP; pii_rules.find_all adds the near copies of every
    bank account its rules found, these included."""
    return list(itertools.islice(itertools.chain(_named(text), _asked_in_call(text), _nordic(text),
                                                 _national_layouts(text)), CAP))
