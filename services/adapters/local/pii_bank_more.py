"""Bank accounts and IBANs the older finders missed (session 47, candidate 47-2).

By the labelling conventions (tests/data/pii/build.py) a person's bank account, in whatever national layout, and an
IBAN are masked whole. This module adds, where no span covers them and no kept value lies there:

- an IBAN printed in its own layout whose length or check digits are off (made up, mistyped, "one digit short", still
  the customer's): a country's two letters (one that issues IBANs, Iran's included), two check digits (a space between
  them and the letters allowed: "PL 71 9458 …", "tr 61 0001 …"), then groups of four, the first may hold the bank's
  letters ("IT52 X069 …", "JO47 ARAB …"), the last of one to four digits, within three characters of the country's
  length; an IBAN written without spaces at exactly its country's length ("IR320170000000218845063007");
- an IBAN read aloud, with or without "IBAN" before it: the country's letters (one word, "PK", "es", or two spelled,
  "D E", "f r"), the check digits and the rest said digit by digit in English, German, French, Spanish, Italian or
  Portuguese ("oh", "double"), the bank's letters spelled ("M E Z N") or said as a word ("bofi") after the check
  digits, within three characters of the country's length ("P K three seven, M E Z N, eight eight three four, …",
  "D E zwei sechs, neun eins fünf sieben, …", "es siete uno, cero cero cuatro nueve, …"); a lower-case word that is a
  sentence's word too ("is", "no", "be", "at"…) starts none (a phone read after "no", a card after "is");
- a payment alias after its scheme's word: a Jordanian CliQ alias ("CliQ to alias RAMIHADDAD88", "كليك SAMERH88"),
  an Argentine alias ("alias luna.mate.tigre", answered on the next line), an Indian UPI id or an Egyptian InstaPay
  address ("anjali.d@okaxis", "mostafa.hosny@instapay"); the same alias mistyped elsewhere in the message (its first
  four characters and its shape) is the customer's too;
- an account number after its national layout's name: an Argentine CBU/CVU (22 digits), a Mexican CLABE (18), a
  Peruvian CCI (20), a Russian "р/с" (20), a British building society's roll number ("roll number B/44821-77"), an
  Australian account after its BSB ("BSB 063-182 account 1048 2291"), a British sort code and account together
  ("20-45-77 43018829"), a Polish NRB (26 digits: "61 1090 1014 0000 0712 1981 2847"), an Israeli account after
  its branch ("סניף 614, חשבון 388291");
- an account number right after its bank's name ("FNB 62841190377", "Maybank 5140 2218 7736", "Zenith Bank
  2204187336", "국민은행 441202-04-118837", "Crédit Agricole n° 73128840012") or after a bank account's own word
  ("checking 7731 0298 4416", "Depotnummer 4418 2209 71", "kontonr. 1503.22.84417", "tekući račun 160-…");
- a Nigerian ten-digit account (NUBAN) after an account's word in a Nigerian banking message (naira, BVN, a Nigerian
  bank's name).

Never taken: a utility's, a council's or a telco's account ("council tax account 60029183", "acct 8841 2290 5517"
for internet — no bank named), a Swedish bankgiro (a firm's, by the labels), a routing or sort code alone, an order
or a reference. Every pattern is linear with bounded repeats, and every scan reads at most the first 20,000
characters.
"""

from __future__ import annotations

import itertools
import re

from services.adapters.local import pii_found, pii_rules
from services.models import PiiSpan

_MAX_TEXT = 20_000
_SCORE = 0.8


def alternation(words: list[str]) -> str:
    """The words as a regex alternation, escaped, longest first in a fixed order (never a set's iteration order)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


# --- IBANs -------------------------------------------------------------------------------------------------------
_LENGTHS = {**pii_rules.IBAN_LENGTHS, "IR": 26, "LC": 32, "BI": 27, "DJ": 27, "SO": 23, "NI": 28, "RU": 33,
            "FK": 18, "YE": 30, "HN": 28, "OM": 23}
_IBAN_GROUPED = re.compile(r"(?<![\w-])([A-Za-z]{2})([ \t]?)(\d{2})[ \t]([A-Za-z0-9]{4})((?:[ \t]\d{4}){2,7})"
                           r"((?:[ \t]\d{1,3})?)(?![\w-])")
_IBAN_COMPACT = re.compile(r"(?<![\w-])([A-Z]{2})(\d{2})(\d{11,30})(?![\w-])")
_IBAN_CUE = re.compile(r"(?i:iban|konto|conto|conta|cuenta|compte|rib|account|rachunku|numer|شبا|ايبان|آيبان|آیبان|"
                       r"الآيبان|الايبان|hesap|λογαριασμ)")


def _ibans(text: str) -> list[tuple[int, int, str]]:
    found = []
    for m in _IBAN_GROUPED.finditer(text):
        country, space = m.group(1), m.group(2)
        length = _LENGTHS.get(country.upper())
        if length is None or not (country.isupper() or country.islower()):
            continue
        if (space or country.islower()) and not _IBAN_CUE.search(text, max(0, m.start() - 60), m.start()):
            if not (country.isupper() and not space):
                continue
        bban = m.group(4) + m.group(5).replace(" ", "").replace("\t", "") + m.group(6).strip()
        if abs(len(bban) + 4 - length) > 3 or sum(c.isdigit() for c in bban) * 2 < len(bban):
            continue
        if m.group(4).isalpha() and not m.group(4).isupper():
            continue
        found.append((m.start(), m.end(), "IBAN"))
    for m in _IBAN_COMPACT.finditer(text):
        if _LENGTHS.get(m.group(1)) == len(m.group()) and len(m.group()) >= 18:
            found.append((m.start(), m.end(), "IBAN"))
    return found


# an IBAN read aloud: its country's letters (one word or two spelled), then digits said one by one in English,
# German, French, Spanish, Italian or Portuguese, a bank's letters spelled or said as one word after the check digits
_DIGIT_WORDS = {
    **dict.fromkeys(("zero", "oh", "null", "zéro", "cero"), 0), **dict.fromkeys(("one", "eins", "un", "uno", "um"), 1),
    **dict.fromkeys(("two", "zwei", "zwo", "deux", "dos", "due", "dois"), 2),
    **dict.fromkeys(("three", "drei", "trois", "tres", "tre", "três"), 3),
    **dict.fromkeys(("four", "vier", "quatre", "cuatro", "quattro", "quatro"), 4),
    **dict.fromkeys(("five", "fünf", "cinq", "cinco", "cinque"), 5),
    **dict.fromkeys(("six", "sechs", "seis", "sei", "meia"), 6),
    **dict.fromkeys(("seven", "sieben", "sept", "siete", "sette", "sete"), 7),
    **dict.fromkeys(("eight", "acht", "huit", "ocho", "otto", "oito"), 8),
    **dict.fromkeys(("nine", "neun", "neuf", "nueve", "nove"), 9),
}
_REPEATS = {"double": 2, "triple": 3, "doble": 2, "doppio": 2}
_TOKEN = re.compile(r"[^\W\d_]+|\d{1,12}")
_TOKEN_GAP = re.compile(r"(?:[ \t]{1,3}|,[ \t]{0,2}|[ \t]?-[ \t]?)")
_MAX_TOKENS = 4000
_MAX_STARTS = 40  # runs read a message (a country's letters and a digit's word)
# a lower-case word that is a country's code and a word of a sentence too ("is", "no", "be"…): no IBAN's start
_NOT_COUNTRIES = frozenset("is no be at it in me so to do am an as by he hi ok on or us we la al ma mt si se lu li il "
                           "el et en un um".split())


def _spoken_ibans(text: str) -> list[tuple[int, int, str]]:
    tokens = [(m.start(), m.end(), m.group()) for m in itertools.islice(_TOKEN.finditer(text), _MAX_TOKENS)]

    def joined(i: int) -> bool:  # token i follows token i - 1 with a bare gap
        return _TOKEN_GAP.fullmatch(text, tokens[i - 1][1], tokens[i][0]) is not None

    found = []
    i = starts = 0
    while i < len(tokens):
        word = tokens[i][2]
        country, j = "", i + 1
        if len(word) == 2 and (word.isupper() or word.islower() and word not in _NOT_COUNTRIES):
            country = word
        elif len(word) == 1 and i + 1 < len(tokens) and len(tokens[i + 1][2]) == 1 and joined(i + 1) and (
                word.isupper() == tokens[i + 1][2].isupper()):
            country, j = word + tokens[i + 1][2], i + 2
        length = _LENGTHS.get(country.upper()) if country.isalpha() else None
        if length is None or j >= len(tokens) or tokens[j][2].lower() not in _DIGIT_WORDS or not joined(j):
            i += 1
            continue
        starts += 1
        if starts > _MAX_STARTS:
            break
        chars, said, k, end, repeat = 2, 0, j, 0, 1
        while k < len(tokens) and k - j < 48 and joined(k):
            w = tokens[k][2]
            low = w.lower()
            if k == j and not (low in _DIGIT_WORDS or w.isdigit()):
                break  # the check digits come first
            if low in _REPEATS:
                repeat = _REPEATS[low]
            elif low in _DIGIT_WORDS:
                chars, said, repeat = chars + repeat, said + repeat, 1
            elif w.isdigit():
                chars += len(w)
            elif chars == 4 and len(w) == 4 and (w.isupper() or w.islower()):
                chars += 4  # the bank's letters said as a word ("bofi", "AIBK")
            elif len(w) == 1 and (w.isupper() or 4 <= chars < 8):
                chars += 1
            else:
                break
            end, k = tokens[k][1], k + 1
        if said >= 8 and abs(chars - length) <= 3 and end:
            found.append((tokens[i][0], end, "IBAN"))
            while i < len(tokens) and tokens[i][0] < end:
                i += 1
            continue
        i += 1
    return found


# --- payment aliases ---------------------------------------------------------------------------------------------
_MAX_CUES = 40
_ALIAS_HINTS = ("alias", "cliq", "كليك", "المستعار")
_ALIAS_CUE = re.compile(r"(?i:\balias\b|\bcliq\b|كليك|الاسم المستعار|\balias[ \t]cbu\b)")
_CAPS_ALIAS = re.compile(r"(?<![\w.@/])([A-Z]{3,}(?:[._]?[A-Z]{1,20}){0,3}\d{0,4})(?![\w@/]|\.\w)")
_DOTTED_ALIAS = re.compile(r"(?<![\w.@/])([a-z]{2,15}(?:\.[a-z0-9]{1,15}){2,3})(?![\w@/]|\.\w)")
_UPI = re.compile(r"(?<![\w.@+-])([A-Za-z0-9][\w.-]{1,40}@[a-z]{2,20})(?![\w@-]|\.[A-Za-z])")
_UPI_CUE = re.compile(r"(?i:\bupi\b|\bvpa\b|instapay|إنستاباي|انستاباي|\bgpay\b|phonepe|\bbhim\b|paytm)")
_UPI_HANDLES = frozenset("okaxis okhdfcbank okicici oksbi ybl paytm apl axl ibl upi instapay".split())
_NOT_ALIASES = frozenset("CLIQ JOD IBAN BANK SWIFT BIC ATM OTP PIN USD EUR JD REF CBU CVU".split())
_DOMAIN_ENDS = frozenset("com net org gov edu info biz io co ar br mx es".split())


def _aliases(text: str) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    low = text.lower()
    cues = _ALIAS_CUE.finditer(text) if any(w in low for w in _ALIAS_HINTS) else iter(())
    for cue in itertools.islice(cues, _MAX_CUES):
        window_end = min(len(text), cue.end() + 160)
        for pattern in (_CAPS_ALIAS, _DOTTED_ALIAS):
            m = pattern.search(text, cue.end(), window_end)
            if m is None or m.group(1) in _NOT_ALIASES or len(m.group(1)) < 5:
                continue
            if pattern is _DOTTED_ALIAS and m.group(1).rsplit(".", 1)[1] in _DOMAIN_ENDS:
                continue
            if pattern is _CAPS_ALIAS and text.count("\n", cue.end(), m.start()) > 0:
                continue
            if pattern is _CAPS_ALIAS and m.start() - cue.end() > 40:
                continue
            found.append((m.start(1), m.end(1), "BANK_ACCOUNT"))
    cued = "@" in text and _UPI_CUE.search(text) is not None
    for m in _UPI.finditer(text):
        if cued or m.group(1).rsplit("@", 1)[1] in _UPI_HANDLES or m.group(1).rsplit("@", 1)[1].startswith("ok"):
            found.append((m.start(1), m.end(1), "BANK_ACCOUNT"))
    if found:  # the same alias mistyped: its first four characters, its shape
        seen = {text[a:b] for a, b, _ in found}
        prefixes = {v[:4] for v in seen}
        for pattern in (_CAPS_ALIAS, _DOTTED_ALIAS, _UPI):
            for m in pattern.finditer(text):
                v = m.group(1)
                if v not in seen and v[:4] in prefixes and v not in _NOT_ALIASES and len(v) >= 6 and (
                        len(v) >= 8 or any(c.isdigit() or c in ".@" for c in v)):
                    found.append((m.start(1), m.end(1), "BANK_ACCOUNT"))
    return found


# --- national layouts --------------------------------------------------------------------------------------------
_GROUPED_DIGITS = r"\d(?:[ \t.-]?\d){%d,%d}"
_LAYOUTS = (
    (re.compile(r"(?i:\b(?:cbu|cvu)\b)[^\d\n]{0,40}?(?<![\w-])(" + _GROUPED_DIGITS % (21, 21) + r")(?![\w-])"), 22),
    (re.compile(r"(?i:\bclabe\b)[^\d\n]{0,40}?(?<![\w-])(" + _GROUPED_DIGITS % (17, 17) + r")(?![\w-])"), 18),
    (re.compile(r"(?i:\bcci\b)[^\d\n]{0,20}?(?<![\w-])(" + _GROUPED_DIGITS % (19, 19) + r")(?![\w-])"), 20),
    (re.compile(r"(?i:(?<!\w)р/сч?\.?|расч[её]тный[ \t]сч[её]т)[ \t:№]{0,4}(\d{20})(?!\d)"), 20),
)
_ROLL = re.compile(r"(?i:\broll[ \t](?:number|no\.?|num)[ \t:#]{0,3}(?:is[ \t])?)"
                   r"([A-Z]{0,4}[ \t/-]?\d[\d \t/-]{3,14}\d(?:[ \t/-][A-Z0-9]{1,3})?)(?![\w/-])")
_BSB = re.compile(r"(?i:\bbsb[ \t:]{1,3}\d{3}[ -]?\d{3},?[ \t]{1,2}(?:account|acct|acc|a/c)(?:[ \t]no\.?|[ \t]number)?"
                  r"[ \t:#]{0,3})(\d{3,4}[ \t]?\d{3,6})(?![\w-])")
_SORT_ACCOUNT = re.compile(r"(?<![\w-])(\d{2}-\d{2}-\d{2} \d{8})(?![\w-])")
_POLISH_NRB = re.compile(r"(?<![\w-])(\d{2}(?: \d{4}){6})(?![\w-])")
_ISRAEL = re.compile(r"סניף[ \t:]{0,3}\d{2,4},?[ \t]{1,3}(?:מספר[ \t])?חשבון[ \t:]{0,3}(\d[\d/-]{3,12}\d)(?![\w-])")

_BANKS = [
    "FNB", "Capitec", "Absa", "Nedbank", "Standard Bank", "Maybank", "CIMB", "Public Bank", "RHB", "BCA", "BNI", "BRI",
    "Mandiri", "Zenith Bank", "Zenith", "GTBank", "GTB", "Access Bank", "UBA", "First Bank", "FirstBank", "Wema",
    "Opay", "OPay", "Kuda", "Moniepoint", "Palmpay", "Fidelity Bank", "Sterling Bank", "Polaris Bank", "Equity Bank",
    "KCB", "NCBA", "Co-op Bank", "GCB", "Ecobank", "Stanbic", "Chase", "Wells Fargo", "Bank of America", "Barclays",
    "HSBC", "Lloyds", "NatWest", "Monzo", "Starling", "Santander", "BBVA", "Itaú", "Bradesco", "Nubank",
    "Banco do Brasil", "BCP", "Interbank", "BancoEstado", "Vietcombank", "Techcombank", "BIDV", "Agribank", "HDFC",
    "ICICI", "Axis Bank", "Kotak", "PNB", "DBS", "OCBC", "UOB", "POSB", "Crédit Agricole", "Credit Agricole",
    "BNP Paribas", "Société Générale", "Ardshinbank", "Sberbank", "Сбербанк", "Tinkoff", "Тинькофф", "BSP",
    "Landbank", "BDO", "Metrobank", "Bank Hapoalim", "Bank Leumi", "Meezan", "HBL", "Revolut", "Bancolombia",
    "국민은행", "신한은행", "우리은행", "하나은행", "농협", "카카오뱅크", "토스뱅크", "기업은행", "Commonwealth Bank",
    "CommBank", "Westpac", "ANZ", "NAB", "Kiwibank", "ASB",
]
_BANK_NUMBER = re.compile(
    r"(?<![\w-])(?:" + alternation(_BANKS) + r")(?![\w-])(?:[ \t]{1,2}(?:account|acct|acc|a/c|savings|checking|"
    r"current|konto|conta|cuenta|compte|rekening|akaun)(?:[ \t]no\.?|[ \t]number|[ \t]num)?)?[ \t]{0,2}(?:n[°ºo]\.?|no\.?|#)?"
    r"[ \t:]{0,3}(\d(?:[ \t.-]?\d){7,19})(?![\w-])")
_ACCOUNT_WORDS = [
    "checking", "checking account", "savings account", "cuenta corriente", "cuenta de ahorros", "conta corrente",
    "conta poupança", "conta à ordem", "compte courant", "Depotnummer", "Depot-Nr.", "Depot", "kontonr.", "kontonr",
    "kontonummer", "tekući račun", "tekuci racun", "žiro račun", "číslo účtu", "numer konta", "számlaszám",
    "số tài khoản", "கணக்கு", "खाता संख्या",
    "계좌", "계좌번호", "номер счёта", "номер счета",
]
_WORD_NUMBER = re.compile(
    r"(?<![\w-])(?i:" + alternation(_ACCOUNT_WORDS) + r")[ \t]{0,2}(?:n[°ºo]\.?|no\.?|#|:)?[ \t:]{0,3}"
    r"(\d(?:[ \t.-]?\d){7,19})(?![\w-])")
_NG_CUE = re.compile(r"(?i:₦|\bnaira\b|\bngn\b|\bbvn\b|\bnuban\b|zenith|gtbank|\bopay\b|\bkuda\b|moniepoint|palmpay|"
                     r"\bwema\b|\buba\b|first[ \t]bank|access[ \t]bank|\babeg\b)")
_NUBAN = re.compile(r"(?i:\b(?:account|acct|acc|a/c|asusu)(?:[ \t]no\.?|[ \t]number)?[ \t:]{0,3}(?:is[ \t])?)"
                    r"(\d{10})(?![\w-])")
_NOT_ACCOUNT_BEFORE = re.compile(r"(?i:\bref\b|reference|referencia|référence|virtual|\bva\b|order[ \t](?:no|number|id)|pedido|invoice[ \t](?:no|number|nr|#))")
_SOCIETY = re.compile(r"(?i:building[ \t]society|savings|\bisa\b|account|bank)")
_EIGHT_DIGITS = re.compile(r"\d(?:[ \t./-]?\d){5}")
_SCHOOL = re.compile(r"(?i:\bexam|\bschool|college|universit|admit[ \t]card|\bresults?\b|\bstudent|\bboard\b)")
_KEPT_CONTEXT = re.compile(r"(?i:council|meter|token|prepaid|smartcard|dstv|gotv|electric|water|internet|mortgage)")


def _layouts(text: str) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    if _EIGHT_DIGITS.search(text) is None:  # every layout holds a run of digits
        return found
    low = text.lower()
    for pattern, count in _LAYOUTS:
        for m in pattern.finditer(text):
            if sum(c.isdigit() for c in m.group(1)) == count:
                found.append((m.start(1), m.end(1), "BANK_ACCOUNT"))
    for pattern in (_ROLL, _BSB, _SORT_ACCOUNT, _POLISH_NRB, _ISRAEL, _BANK_NUMBER, _WORD_NUMBER):
        if pattern is _ROLL and "roll" not in low or pattern is _BSB and "bsb" not in low:
            continue
        for m in pattern.finditer(text):
            digits = re.sub(r"\D", "", m.group(1))
            if _NOT_ACCOUNT_BEFORE.search(text, max(0, m.start() - 30), m.start() + 1):
                continue  # "reference DBS 2603 11 0077", "Virtual Account BNI 8808 …"
            if len(digits) == 11 and digits[0] == "0" and pattern is _BANK_NUMBER:
                continue  # a mobile wallet's phone ("my OPay 0906 555 1247")
            if pattern is _ROLL and (not _SOCIETY.search(text) or _SCHOOL.search(text)):
                continue  # an exam's, a school's roll number
            if pattern is _SORT_ACCOUNT and "sort code" in low[max(0, m.start() - 120):m.start()]:
                continue  # asked for apart: the sort code is a kept code, the account masked alone
            found.append((m.start(1), m.end(1), "BANK_ACCOUNT"))
    if _NG_CUE.search(text):
        for m in _NUBAN.finditer(text):
            if not _KEPT_CONTEXT.search(text, max(0, m.start() - 80), m.end() + 40):
                found.append((m.start(1), m.end(1), "BANK_ACCOUNT"))
    return found


def find_bank_more(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of the accounts and IBANs this module reads, in text order, overlaps resolved to the
    longest."""
    text = text[:_MAX_TEXT]
    found = sorted(_ibans(text) + _spoken_ibans(text) + _aliases(text) + _layouts(text), key=lambda f: (f[0], -(f[1] - f[0])))
    kept: list[tuple[int, int, str]] = []
    for f in found:
        if kept and f[0] < kept[-1][1]:
            continue
        kept.append(f)
    return kept


def with_bank_more(text: str, spans: list[PiiSpan], keep: list[tuple[int, int]]) -> list[PiiSpan]:
    """The spans with this module's accounts and IBANs added where no kept value lies there and no span reaches
    out of them; the spans inside one (a part of it read as a phone, a name, a spelling) give way to it."""
    found = find_bank_more(text)
    if not found:
        return spans

    def gives_way(span: PiiSpan, start: int, end: int) -> bool:
        if span.kind == "PHONE" and (span.start, span.end) == (start, end):
            return False  # masked already, read as a phone ("Chase 0412 556 093": a person's mobile)
        return start <= span.start and span.end <= end

    for kind in ("IBAN", "BANK_ACCOUNT"):
        of_kind = [(a, b) for a, b, k in found if k == kind]
        if of_kind:
            spans = pii_found.add_back(spans, of_kind, keep, gives_way, _SCORE, kind)
    return spans
