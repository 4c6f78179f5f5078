"""National ids of more countries read by their published structure and check digit (session 39, candidate 39-1).

The other id finders read a number after a document's name written right before it. Many national ids carry their
own proof instead: a birth date at a fixed place, a region's code, a check digit. This module reads them by that
structure, in two ways:

- **Without a cue**, only layouts no other number has, and only when their check holds:
  Mexico's CURP (18 characters: four letters, the birth date, H/M, a state's code, three consonants, its check digit),
  China's resident id (18 digits: a region, the birth date YYYYMMDD, ISO 7064 mod 11-2 check, "X" allowed),
  Korea's resident registration number ("850412-1234567": a date, a sex digit, its check digit),
  Thailand's id in its printed 1-4-5-2-1 layout ("1-1020-12345-67-1", mod 11),
  a Czech or Slovak birth number ("920715/1459": a date, the month + 50 for women, divisible by 11),
  Sweden's personnummer in twelve digits ("20190614-2383": a date and a Luhn check),
  Sri Lanka's old NIC ("902340087V": a year, a day of the year, + 500 for women, V or X),
  Singapore's NRIC / FIN ("S2940049J": its check letter),
  Malaysia's MyKad in its 6-2-4 layout ("900227-10-5684": a date and a birthplace code).
- **After an id's name** (in the same sentence, or asked in a dialogue's turn and answered at the next turn's start),
  the layouts other numbers share, each with its date or codes (not its check digit: people ask about ids typed
  wrongly): China's id in Chinese numerals ("三一零一一五…"), Korea's number, Thailand's 13 digits, Sri Lanka's new NIC (12
  digits: a year and a day of the year), Malaysia's MyKad (12 digits), Egypt's national id (14 digits: a century, a
  date, a governorate), Kazakhstan's ИИН / ЖСН (12: a date, a century digit), Moldova's IDNP (13), Uzbekistan's
  JShShIR / ПИНФЛ (14: a century digit, a date), the ex-Yugoslav JMBG / ЈМБГ / ЕМБГ / EMŠO (13: a date), Romania's CNP
  (13: a century digit, a date), South Africa's id (13: a date and a citizenship digit, also written 6-4-3), Japan's
  My Number (12), Taiwan's id ("A204718944"), Vietnam's CCCD (12: a province's code), Indonesia's NIK (16: a province,
  a date + 40 for women), Mongolia's register number ("УП89041572"), a Greek ΑΔΤ ("ΑΚ 448120"), a Ukrainian ID-картка
  (9 digits), Azerbaijan's FİN (7 letters and digits), Nigeria's BVN (11 digits opening 22), the Philippines' PhilSys
  number (16 digits failing Luhn), Korea's personal customs clearance code ("P180024417735"), Japan's residence card
  ("UH48120937KA"), a Spanish TSI / CIP ("GACA850412116018": four letters and a date), a CURP whose check fails, a
  Swedish personnummer in ten digits and a Czech or Slovak birth number whatever its check.
  A passport ("паспорт FK 418207") is left to the passport rules: it is a PASSPORT, not a NATIONAL_ID.

Never taken (look-alikes): without a cue, a value that fails its id's check; with one, a value whose date or codes do
not hold; a card number (16 digits, Luhn: none of these layouts); a phone; a number whose cue is an order's, an
invoice's, an account's, a policy's, a phone's, a transaction's, a tracking's or a customer's word (the cue's own
words, or the words between the cue and the value, name one); a value that is part of a longer code (letters or digits
joined on either side); a form's sample (all the same digit, "1234567890…"); without a cue, a value whose own clause
names another number ("číslo účtu: …", "Bestellnummer …"). Hits a message: at most CAP.

Linear: every pattern is a bounded run anchored at a word's start; the cue is searched in a bounded window before
each value; at most _VALUES_READ values a message.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Callable, Iterator

from services import privacy

Found = tuple[str, int, int, float]

CAP = 12
_VALUES_READ = 60
_CUE_WINDOW = 90  # characters before a value where its id's name may stand
_ANSWER_HEAD = 48  # an answer's value opens its turn: at most this many characters after the speaker's label

_CN_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")


def is_date(year: int, month: int, day: int) -> bool:
    """A real calendar date (the ids' birth dates, here and in pii_id_layouts)."""
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def _yy(yy: int) -> int:
    """A two-digit year of birth, in the last hundred years."""
    return 2000 + yy if yy <= datetime.date.today().year % 100 else 1900 + yy


def _weighted(d: str, weights: tuple[int, ...]) -> int:
    return sum(int(c) * w for c, w in zip(d, weights, strict=False))


def _sample(d: str) -> bool:
    return len(set(d)) <= 2 or d in "1234567890123456789" or d in "9876543210987654321"


_CURP_STATES = frozenset(("AS", "BC", "BS", "CC", "CL", "CM", "CS", "CH", "DF", "DG", "GT", "GR", "HG", "JC", "MC", "MN",
                          "MS", "NT", "NL", "OC", "PL", "QT", "QR", "SP", "SL", "SR", "TC", "TS", "TL", "VZ", "YN", "ZS",
                          "NE"))


def _curp_ok(v: str) -> bool:
    v = v.upper()
    if v[11:13] not in _CURP_STATES or not is_date(_yy(int(v[4:6])), int(v[6:8]), int(v[8:10])):
        return False
    alphabet = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ"
    total = sum(alphabet.index(c) * (18 - i) for i, c in enumerate(v[:17]) if c in alphabet)
    return (10 - total % 10) % 10 == int(v[17])


def _cn_date(d: str) -> bool:
    return int(d[6:10]) >= 1900 and is_date(int(d[6:10]), int(d[10:12]), int(d[12:14]))


def _cn_ok(v: str) -> bool:
    d = v.upper()
    if not _cn_date(d):
        return False
    r = _weighted(d, (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)) % 11
    return "10X98765432"[r] == d[17]


def _rrn_date(d: str) -> bool:
    century = {"1": 1900, "2": 1900, "3": 2000, "4": 2000, "5": 1900, "6": 1900, "7": 2000, "8": 2000}.get(d[6])
    return century is not None and is_date(century + int(d[:2]), int(d[2:4]), int(d[4:6]))


def _rrn_ok(d: str) -> bool:
    return _rrn_date(d) and (11 - _weighted(d, (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)) % 11) % 10 == int(d[12])


def _thai_ok(d: str) -> bool:
    return d[0] != "0" and (11 - _weighted(d, (13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2)) % 11) % 10 == int(d[12])


def _birth_number_ok(d: str) -> bool:
    month, day = int(d[2:4]), int(d[4:6])
    month = month - 50 if month > 50 else month
    month = month - 20 if month > 20 else month
    if not is_date(_yy(int(d[:2])), month, day) and not is_date(1900 + int(d[:2]), month, day):
        return False
    return len(d) == 9 or int(d) % 11 == 0 or (int(d[:9]) % 11 == 10 and d[9] == "0")


def _personnummer_ok(d: str) -> bool:
    d = d[-10:] if len(d) == 12 else d
    day = int(d[4:6])
    day = day - 60 if day > 60 else day  # a samordningsnummer
    return (is_date(1900 + int(d[:2]), int(d[2:4]), day) or is_date(2000 + int(d[:2]), int(d[2:4]), day)) and privacy.luhn_valid(d)


def _personnummer12_ok(d: str) -> bool:
    """A birth date a year ago at least (a reference made of this year's date is no one's), and Luhn."""
    return 1900 <= int(d[:4]) < datetime.date.today().year and is_date(int(d[:4]), int(d[4:6]), int(d[6:8])) and \
        privacy.luhn_valid(d[2:])


def _lk_day(year: int, days: int) -> bool:
    days = days - 500 if days > 500 else days
    return 1 <= days <= 366


def _lk_old_ok(v: str) -> bool:
    return _lk_day(1900 + int(v[:2]), int(v[2:5]))


def _lk_new_ok(d: str) -> bool:
    return d[:2] in ("19", "20") and _lk_day(int(d[:4]), int(d[4:7]))


def _nric_ok(v: str) -> bool:
    v = v.upper()
    total = _weighted(v[1:8], (2, 7, 6, 5, 4, 3, 2))
    if v[0] in "TG":
        total += 4
    elif v[0] == "M":
        total += 3
    if v[0] in "ST":
        letters = "JZIHGFEDCBA"
    elif v[0] in "FG":
        letters = "XWUTRQPNMLK"
    else:
        letters = "KLJNPQRTUWX"
    return letters[total % 11] == v[8]


_MY_PLACES = frozenset(
    [f"{n:02d}" for n in (*range(1, 17), *range(21, 69), 71, 72, *range(74, 80), *range(82, 94), 98, 99)])


def _mykad_ok(d: str) -> bool:
    return is_date(_yy(int(d[:2])), int(d[2:4]), int(d[4:6])) and d[6:8] in _MY_PLACES


_EG_GOVERNORATES = frozenset(("01", "02", "03", "04", "11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "22",
                              "23", "24", "25", "26", "27", "28", "29", "31", "32", "33", "34", "35", "88"))


def _egypt_ok(d: str) -> bool:
    century = {"2": 1900, "3": 2000}.get(d[0])
    return century is not None and is_date(century + int(d[1:3]), int(d[3:5]), int(d[5:7])) and d[7:9] in _EG_GOVERNORATES


def _iin_date(d: str) -> bool:
    """Kazakhstan's ИИН: the date YYMMDD, then a century and sex digit."""
    return d[6] in "0123456" and (is_date(1900 + int(d[:2]), int(d[2:4]), int(d[4:6])) or
                                  is_date(2000 + int(d[:2]), int(d[2:4]), int(d[4:6])))


def _idnp_shape(d: str) -> bool:
    return d[0] in "02"


def _pinfl_date(d: str) -> bool:
    """Uzbekistan's JShShIR: a century and sex digit, then the date DDMMYY."""
    century = {"1": 1800, "2": 1800, "3": 1900, "4": 1900, "5": 2000, "6": 2000}.get(d[0])
    return century is not None and is_date(century + int(d[5:7]), int(d[3:5]), int(d[1:3]))


def _jmbg_date(d: str) -> bool:
    """The ex-Yugoslav JMBG / EMŠO: the date DDMMYYY first."""
    year = int(d[4:7])
    return is_date(year + (2000 if year < 100 else 1000), int(d[2:4]), int(d[:2]))


def _cnp_date(d: str) -> bool:
    """Romania's CNP: a century and sex digit, then the date YYMMDD."""
    century = {"1": 1900, "2": 1900, "3": 1800, "4": 1800, "5": 2000, "6": 2000, "7": 1900, "8": 1900}.get(d[0])
    return century is not None and is_date(century + int(d[1:3]), int(d[3:5]), int(d[5:7]))


def _za_date(d: str) -> bool:
    """South Africa's id: the date YYMMDD, and a citizenship digit 0, 1 or 2 at the eleventh place."""
    return is_date(_yy(int(d[:2])), int(d[2:4]), int(d[4:6])) and d[10] in "012"


def _cccd_ok(d: str) -> bool:
    return 1 <= int(d[:3]) <= 96 and d[3] in "0123"


def _nik_ok(d: str) -> bool:
    day = int(d[6:8])
    day = day - 40 if day > 40 else day
    return 11 <= int(d[:2]) <= 94 and is_date(_yy(int(d[10:12])), int(d[8:10]), day)


def _mn_ok(v: str) -> bool:
    d = v[-8:]
    month = int(d[2:4])
    return is_date(2000 + int(d[:2]), month - 20, int(d[4:6])) if month > 20 else \
        is_date(1900 + int(d[:2]), month, int(d[4:6]))


def _any(_: str) -> bool:
    return True


def _digits(v: str) -> str:
    """The value's letters and digits, its digits in ASCII (an Arabic-Indic or a Devanagari digit too)."""
    return "".join(str(unicodedata.digit(c)) if c.isdecimal() else c for c in v if c.isalnum())


# ---- ids read without a cue: (value pattern, check on the value's letters and digits)
_ALONE: tuple[tuple[re.Pattern[str], Callable[[str], bool]], ...] = (
    (re.compile(r"\b[A-Z][AEIOUX][A-Z]{2}\d{6}[HMX][A-Z]{2}[B-DF-HJ-NP-TV-Z]{3}[A-Z\d]\d\b"), _curp_ok),
    (re.compile(r"(?<![0-9A-Za-z-])[1-68]\d{5}(?:19|20)\d{2}[01]\d[0-3]\d{4}[\dXx](?![0-9A-Za-z-])"), _cn_ok),
    (re.compile(r"(?<![0-9A-Za-z-])\d{2}[01]\d[0-3]\d-[1-8]\d{6}(?![0-9A-Za-z-])"), _rrn_ok),
    (re.compile(r"(?<![0-9A-Za-z-])[1-8]([- ])\d{4}\1\d{5}\1\d{2}\1\d(?![0-9A-Za-z-])"), _thai_ok),
    (re.compile(r"(?<![0-9A-Za-z/.-])\d{2}[0-35-8]\d[0-3]\d/\d{4}(?![0-9A-Za-z/-])"), _birth_number_ok),
    (re.compile(r"(?<![0-9A-Za-z-])(?:19|20)\d{2}[01]\d[0-3]\d-\d{4}(?![0-9A-Za-z-])"), _personnummer12_ok),
    (re.compile(r"(?<![0-9A-Za-z-])\d{2}[0-8]\d{6}[VvXx](?![0-9A-Za-z-])"), _lk_old_ok),
    (re.compile(r"(?<![0-9A-Za-z-])[STFGM]\d{7}[A-Z](?![0-9A-Za-z-])"), _nric_ok),
    (re.compile(r"(?<![0-9A-Za-z-])\d{2}[01]\d[0-3]\d-\d{2}-\d{4}(?![0-9A-Za-z-])"), _mykad_ok),
)

# ---- ids read after their name: name, value pattern, check
_CUED: tuple[tuple[re.Pattern[str], re.Pattern[str], Callable[[str], bool]], ...] = (
    (re.compile(r"身份证|身分證|身份證"),
     re.compile(r"(?<![〇零一二三四五六七八九\d])[〇零一二三四五六七八九]{17}[〇零一二三四五六七八九Xx](?![〇零一二三四五六七八九\d])"),
     lambda v: _cn_date(v.translate(_CN_DIGITS))),
    (re.compile(r"주민등록번호|주민번호|외국인등록번호|(?i:\bRRN\b|\bresident[ \t]registration|\balien[ \t]registration)"),
     re.compile(r"(?<![0-9A-Za-z-])\d{6}-?\d{7}(?![0-9A-Za-z-])"), lambda v: _rrn_date(_digits(v))),
    (re.compile(r"บัตรประชาชน|เลขประจำตัว|(?i:\bthai[ \t]id\b|\bid[ \t]card\b|\bcitizen[ \t]id\b)"),
     re.compile(r"(?<![0-9A-Za-z-])\d[ -]?\d{4}[ -]?\d{5}[ -]?\d{2}[ -]?\d(?![0-9A-Za-z-])"), lambda v: v[0] != "0"),
    (re.compile(r"\bNIC\b|හැඳුනුම්පත|அடையாள[ \t]அட்டை|(?i:\bnic[ \t](?:number|no\b\.?|eka)|\bidentity[ \t]card\b|"
                r"\bhandunumpath)"),
     re.compile(r"(?<![0-9A-Za-z-])(?:19|20)\d{10}(?![0-9A-Za-z-])"), _lk_new_ok),
    (re.compile(r"\bNIC\b|හැඳුනුම්පත|அடையாள[ \t]அட்டை|(?i:\bnic[ \t](?:number|no\b\.?|eka)|\bhandunumpath)"),
     re.compile(r"(?<![0-9A-Za-z-])\d{9}[VvXx](?![0-9A-Za-z-])"), _lk_old_ok),
    (re.compile(r"\bIC\b|\bNRIC\b|(?i:\bmykad\b|\bkad[ \t]pengenalan|\bi[ \t]?c[ \t](?:number|no\b\.?)|\bno\.?[ \t]ic\b)"),
     re.compile(r"(?<![0-9A-Za-z-])\d{6}[ -]?\d{2}[ -]?\d{4}(?![0-9A-Za-z-])"), lambda v: _mykad_ok(_digits(v))),
    (re.compile(r"(?i:\bqawm[iy]\b|\bqawmi[iy]a\b|\bnational[ \t]id\b|\bid[ \t](?:number|card)\b)|الرقم[ \t]القومي|"
                r"رقم[ \t]قومي|الرقم[ \t]القومى|بطاقة[ \t]الرقم"),
     re.compile(r"(?<![0-9A-Za-z-])[23]\d{13}(?![0-9A-Za-z-])"), _egypt_ok),
    (re.compile(r"\bИИН\b|\bЖСН\b|\bIIN\b|(?i:\bиндивидуальн\w{0,3}[ \t]идентификационн\w{0,3}[ \t]номер)"),
     re.compile(r"(?<![0-9A-Za-z-])\d{12}(?![0-9A-Za-z-])"), _iin_date),
    (re.compile(r"\bIDNP\b|\bIDNO\b|\bИДНП\b"), re.compile(r"(?<![0-9A-Za-z-])\d{13}(?![0-9A-Za-z-])"), _idnp_shape),
    (re.compile(r"\bJSHSHIR\b|\bJShShIR\b|\bПИНФЛ\b|\bPINFL\b|\bЖШШИР\b|\bJSHIR\b"),
     re.compile(r"(?<![0-9A-Za-z-])\d{14}(?![0-9A-Za-z-])"), _pinfl_date),
    (re.compile(r"\bJMBG\b|\bЈМБГ\b|\bЕМБГ\b|\bEMBG\b|\bEMŠO\b|\bEMSO\b|\bЕМШО\b|\bMBG\b|(?i:\bmati[čc]n\w{0,3}[ \t]broj)"),
     re.compile(r"(?<![0-9A-Za-z-])[0-3]\d[01]\d{10}(?![0-9A-Za-z-])"), _jmbg_date),
    (re.compile(r"\bCNP\b|\bC\.N\.P\.|(?i:\bcod(?:ul)?[ \t]numeric[ \t]personal)"),
     re.compile(r"(?<![0-9A-Za-z-])[1-8]\d{12}(?![0-9A-Za-z-])"), _cnp_date),
    (re.compile(r"\b[Ii][Dd]\b|\bI\.D\.|(?i:\bid[ \t](?:number|no\b\.?)|\bidentity\b|\bidentiteit|\bi\.d\.[ \t]number|"
                r"\bsa[ \t]id\b|\bmain[ \t]member's[ \t]id\b)"),
     re.compile(r"(?<![0-9A-Za-z-])\d{6}[ ]?\d{4}[ ]?\d{3}(?![0-9A-Za-z-])"), lambda v: _za_date(_digits(v))),
    (re.compile(r"マイナンバー|個人番号|(?i:\bmy[ \t]number\b|\bmynumber\b|\bkojin[ \t]bang[oō]u?)"),
     re.compile(r"(?<![0-9A-Za-z-])\d{4}[ -]?\d{4}[ -]?\d{4}(?![0-9A-Za-z-])"), _any),
    (re.compile(r"身分證|身份證|統一編號|(?i:\btaiwan(?:ese)?[ \t]id\b|\bnational[ \t]id\b|\bid[ \t](?:number|no\b\.?|card)\b)"),
     re.compile(r"(?<![0-9A-Za-z-])[A-Za-z][12]\d{8}(?![0-9A-Za-z-])"), _any),
    (re.compile(r"\bCCCD\b|\bCMND\b|\bCMT\b|(?i:\bc[ăa]n[ \t]c[ưu][ớo]c|\bch[ứu]ng[ \t]minh[ \t]nh[âa]n[ \t]d[âa]n|"
                r"\bs[ốo][ \t]đ[ịi]nh[ \t]danh|\bs[ốo][ \t]dinh[ \t]danh)"),
     re.compile(r"(?<![0-9A-Za-z-])0\d{11}(?![0-9A-Za-z-])"), _cccd_ok),
    (re.compile(r"\bNIK\b|\bKTP\b|\bnik\b|(?i:\bnomor[ \t]induk[ \t]kependudukan)"),
     re.compile(r"(?<![0-9A-Za-z-])\d{4}[ .-]?\d{4}[ .-]?\d{4}[ .-]?\d{4}(?![0-9A-Za-z-])"), lambda v: _nik_ok(_digits(v))),
    (re.compile(r"(?i:\bрегистрийн[ \t]дугаар|\bрегистр\w{0,4}|\bРД\b)"),
     re.compile(r"(?<![0-9A-Za-z-])[А-ЯӨҮЁ]{2}[ ]?\d{8}(?![0-9A-Za-z-])"), _mn_ok),
    (re.compile(r"\bΑΔΤ\b|\bΑ\.Δ\.Τ\.?|(?i:\bταυτ[όο]τητ\w{0,3}|\bδελτ[ίι]ο[ \t]ταυτ[όο]τητας)"),
     re.compile(r"(?<![0-9A-Za-z-])[Α-ΩA-Z]{1,2}[ -]?\d{6}(?![0-9A-Za-z-])"), _any),
    (re.compile(r"(?i:\bid-?[ \t]?картк\w{0,2}|\bid-?[ \t]?карт\w{0,2}|\bпосвідченн\w{0,2}[ \t]особи)"),
     re.compile(r"(?<![0-9A-Za-z-])\d{9}(?![0-9A-Za-z-])"), _any),
    (re.compile(r"\bCURP\b|(?i:\bcurp\b)"),
     re.compile(r"(?<![0-9A-Za-z-])[A-Za-z][AEIOUXaeioux][A-Za-z]{2}\d{6}[HMXhmx][A-Za-z]{2}[A-Za-z]{3}[A-Za-z\d]\d(?![0-9A-Za-z-])"),
     lambda v: v[11:13].upper() in _CURP_STATES and is_date(_yy(int(v[4:6])), int(v[6:8]), int(v[8:10]))),
    (re.compile(r"(?i:\bpersonnummer\w{0,3}|\bpersonnr\b\.?|\bpers\.?[ \t]?nr\b\.?)"),
     re.compile(r"(?<![0-9A-Za-z-])\d{6}[-+]?\d{4}(?![0-9A-Za-z-])"), lambda v: _personnummer_ok(_digits(v))),
    (re.compile(r"(?i:\brodn(?:é|e|ého|eho)[ \t]č[íi]sl\w{0,2}|\brodne[ \t]cisl\w{0,2})|\bRČ\b"),
     re.compile(r"(?<![0-9A-Za-z/-])\d{6}/\d{3,4}(?![0-9A-Za-z/-])"), lambda v: _birth_number_ok(_digits(v)[:9])),
    (re.compile(r"在留カード|(?i:\bresidence[ \t]card\b|\bzairy[uū][ \t]card)"),
     re.compile(r"(?<![0-9A-Za-z-])[A-Z]{2}\d{8}[A-Z]{2}(?![0-9A-Za-z-])"), _any),
    (re.compile(r"\bFİN\b|(?i:\bfin[ \t]kod\w{0,2})"),
     re.compile(r"(?<![0-9A-Za-z-])(?=[0-9A-Z]{0,6}\d)(?=[0-9A-Z]{0,6}[A-Z])[0-9A-Z]{7}(?![0-9A-Za-z-])"), _any),
    (re.compile(r"\bPSN\b|\bPCN\b|(?i:\bphilsys\b|\bphilid\b|\bnational[ \t]id\b)"),
     re.compile(r"(?<![0-9A-Za-z-])\d{4}[ -]?\d{4}[ -]?\d{4}[ -]?\d{4}(?![0-9A-Za-z-])"),
     lambda v: not privacy.luhn_valid(_digits(v))),  # a PhilSys number (a card's number passes Luhn)
    (re.compile(r"\bBVN\b|(?i:\bbvn\b|\bbank[ \t]verification[ \t]number)"),
     re.compile(r"(?<![0-9A-Za-z-])22\d{9}(?![0-9A-Za-z-])"), _any),
    (re.compile(r"개인통관고유부호|(?i:\bpersonal[ \t]customs[ \t](?:clearance[ \t])?(?:code|number))"),
     re.compile(r"(?<![0-9A-Za-z-])P\d{12}(?![0-9A-Za-z-])"), _any),
    (re.compile(r"\bTSI\b|(?i:\bCIP\b|\btar[xj]eta[ \t]sanitaria|\btargeta[ \t]sanit[àa]ria)"),
     re.compile(r"(?<![0-9A-Za-z-])[A-Z]{4}\d{12}(?![0-9A-Za-z-])"),
     lambda v: is_date(_yy(int(v[4:6])), int(v[6:8]), int(v[8:10]))),
)

# words that say a value is something else (the cue's line before it, or between the cue and the value)
_NOT_IDS = re.compile(r"(?i:order|pedido|commande|bestel|invoice|factur|fattur|rechnung|faktur|account|acct|konto|"
                      r"cuenta|compte|polic|polis|póliz|apólice|tracking|parcel|ticket|claim|booking|reserv|"
                      r"iban|phone|\btel\b|telef|mobile|celular|whatsapp|contract|vertrag|contrato|referen|\bref\b|"
                      r"transaction|transfer|txn|\bkey\b|serial|imei|meter|\bcase\b|request|payment|isbn|\bcall\b|"
                      r"\bsms\b|[úu][čc]t|[úu][čc]et|\bbank|订单|單號|订单号|运单|手机|電話|电话|"
                      r"заказ|счёт|счет|договор|телефон|رقم[ \t]الطلب|فاتورة|هاتف|جوال|موبايل|"
                      r"mã[ \t]giao[ \t]dịch|đơn[ \t]hàng|số[ \t]điện[ \t]thoại|tài[ \t]khoản)")
_SPEAKER = re.compile(r"[ \t]{0,4}(?:\[[\d:]{3,8}\][ \t]*)?[^\W\d_][^\n:：]{0,24}[:：][ \t]*")
_QUICK = re.compile(r"\d{4}")
_CLAUSE_CHARS = 32
_CLAUSE_BREAK = re.compile(r"[,;!?\n()]|\.\s|\d")
_WORD_BEFORE = re.compile(r"(?<!\w)(\w{1,30})[ \t-]{1,2}$")
_NOT_OWNERS = re.compile(_NOT_IDS.pattern[:-1] + r"|customer|client|kunde|user|member|staff|employee|student|device|"
                         r"session|app|player|vendor|seller|merchant|product|ticket|login|tax)$", re.IGNORECASE)


def _cue_before(text: str, start: int, name: re.Pattern[str]) -> bool:
    """An id's name before the value at ``start``: in the value's line, or ending the line before (a dialogue's
    question) when the value opens its answer; nothing between naming another number."""
    line_start = text.rfind("\n", 0, start) + 1
    head = text[line_start:start]
    if line_start and (m := _SPEAKER.match(head)) and len(head) - m.end() <= _ANSWER_HEAD and "\n" not in head:
        prev_start = text.rfind("\n", 0, line_start - 1) + 1
        lo = max(prev_start, start - 2 * _CUE_WINDOW)
        window = text[lo:line_start - 1]
        names = list(name.finditer(window))
        if names and not _NOT_IDS.search(window) and not _NOT_IDS.search(head[m.end():]):
            return True
    lo = max(line_start, start - _CUE_WINDOW)
    window = text[lo:start]
    names = list(name.finditer(window))
    if not names:
        return False
    last = names[-1]
    owner = _WORD_BEFORE.search(window, 0, last.start())  # "transaction ID", "customer ID": another number's
    return not _NOT_IDS.search(window[last.end():]) and not (owner and _NOT_OWNERS.match(owner.group(1)))


def _named_else(text: str, start: int) -> bool:
    """Is the value at ``start`` named as another number in its clause ("account 850612/0800", "order: …")?"""
    clause = _CLAUSE_BREAK.split(text[max(0, start - _CLAUSE_CHARS):start])[-1]
    return bool(_NOT_IDS.search(" ".join(clause.split()[-2:])))  # its last two words


def find_structured_ids(text: str) -> Iterator[Found]:
    """NATIONAL_ID spans: the ids above by their structure and check (alone), or after their name (cued)."""
    if not _QUICK.search(text) and not any(c in text for c in "〇零一二三四五六七八九"):
        return
    taken: list[tuple[int, int]] = []
    read = 0
    for pattern, ok in _ALONE:
        for m in pattern.finditer(text):
            read += 1
            if read > _VALUES_READ or len(taken) >= CAP:
                return
            if ok(_digits(m.group())) and not _sample(_digits(m.group())[:-1]) and not _named_else(text, m.start()):
                taken.append((m.start(), m.end()))
                yield "NATIONAL_ID", m.start(), m.end(), 0.9
    for name, pattern, ok in _CUED:
        if not name.search(text):
            continue
        for m in pattern.finditer(text):
            read += 1
            if read > _VALUES_READ or len(taken) >= CAP:
                return
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            value = m.group().translate(_CN_DIGITS)
            if ok(m.group()) and not _sample(_digits(value)) and _cue_before(text, m.start(), name):
                taken.append((m.start(), m.end()))
                yield "NATIONAL_ID", m.start(), m.end(), 0.85
