"""National, social-security and passport numbers by their own layout, or near their name past other words (41-4).

The other id finders read a value right after an id's name (a few link words between) or by a check digit. Writers
put more between ("meine Steuer-ID für die Rentenbezugsmitteilung: 68513974903", "my passport number was typed
wrong on booking LM3QZ8, it shows C4RT71N09 but the real one is C4RT71N90"), answer the name asked a turn before
("namba ya SHA tafadhali\\ncaller: CR4418820937-1"), or give a number whose check digit does not hold (ids typed
wrongly, ids written by hand). This module reads them in two ways:

- **By a layout no other number has** (no name needed; a date inside must be a date): a Belgian rijksregisternummer
  written with its dots ("85.07.14-123.45"), a Spanish Seguridad Social number with its slashes ("28/08198638/41",
  a province 01-53), a German Rentenversicherungsnummer ("65 170584 W 023": an area, a birth date, the surname's
  letter), a Swiss AVS / AHV number ("756.8127.4472.81"), a US Medicare MBI with its dashes ("1EG4-TE5-MK73"), a
  Zimbabwean national id ("63-977199 F 41"), an Italian tessera sanitaria's card number (20 digits opening 80380).
- **After an id's name, in the same sentence or the next ones, or a turn or two later in a dialogue** (at most
  _REACH characters on, no blank line, at most two line breaks between), a value of that id's own shape only: a German
  Personalausweis or passport number (9 characters of the documents' alphabet, mixing letters and digits), a passport
  of any country (letters and 6-8 digits, or 9 digits, or 8-10 letters and digits), Quebec's RAMQ (four letters, a
  birth date and two digits), Kenya's KRA PIN ("A014829365K") and SHA number ("CR4418820937-1"), the Philippines'
  PhilHealth PIN ("12-345678901-2") and Pag-IBIG MID ("1210-6143-7120"), the German Steuer-ID (11 digits) and
  Krankenversichertennummer ("P524289857"), the Dutch BSN, Ireland's PPSN (its Irish name "PSP" too), Poland's dowód
  osobisty ("CBA202847"), Morocco's CIN ("BE 884512"), Romania's CI ("RT 882104"), Portugal's NISS after "Segurança
  Social" and its número de utente, Slovenia's ZZZS insured-person number, Latvia's personas kods, Estonia's
  isikukood, Norway's fødselsnummer, Korea's 주민등록번호 (its first six digits, in digits or Korean number words),
  Japan's マイナンバー, China's 身份证, Serbia's LBO, Bulgaria's лична карта, Russia's полис ОМС, India's Aadhaar and PAN
  ("BKZPM 4821 Q"), Indonesia's NIK, Brazil's CPF, NIT / PIS and cartão SUS, Colombia's cédula ("1.020.748.331"),
  Italy's codice fiscale (spaced too) and CIE ("CA48213FG"), Ethiopia's Fayda, Saudi Arabia's iqama, Canada's SIN and
  Australia's TFN (9 digits), a driving licence (8-9 digits, "163029-457", "ZH-418227-04"), Malta's id card
  ("0418793M"), Portugal's carta de condução ("L-1882019 4"), a UK National Insurance number with the trainers' QQ
  prefix, a sole trader's Polish NIP or German Steuernummer where the text says the trader is one person ("JDG",
  "działalność gospodarcza", "Einzelunternehmen").

Never taken: a value one of whose four words before it (on its line, past the name) names an order, a booking, an
invoice, an account, a reference, a policy, a phone, a ticket, a claim, a file, a report, a student, an employer, a
birth date or a firm's tax number ("booking P9LX4T", "the airline PIR is …", "Student # …", "CIF …", "NIP firmy"); a
second value after such a word ("… and my BRP ref from the Home Office letter is …"); a value joined to a longer
code or after a currency sign; a form's sample ("12 345 678 901"); a firm's NIP or Steuernummer (no sole trader's
word, or a firm's legal form near); a TV, software or premises licence; an amount or a date; a layout whose date does
not hold. At most CAP values a message, _CUES_READ names a message, _PER_CUE values after a name.

Linear: each pattern is a bounded run behind a word-start look-around; the names are one alternation behind a
first-character look-ahead; each name's window is read once.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator

from services.adapters.local.pii_structured_ids import is_date

Found = tuple[str, int, int, float]

CAP = 12
_CUES_READ = 60
_PER_CUE = 3
_REACH = 150

_ANY_DIGIT = re.compile(r"\d|[공영일이삼사오육칠팔구]{6}")
_KO_DIGITS = str.maketrans("공영일이삼사오육칠팔구", "00123456789")


def _date_ok(yy: str, mm: str, dd: str) -> bool:
    return is_date(2000 + int(yy) % 100, int(mm), int(dd))


def _digits(v: str) -> str:
    return "".join(c for c in v.translate(_KO_DIGITS) if c.isdigit())


def _mixed(v: str) -> bool:
    """Letters and digits both, at least two digits and two letters (a code, not a word or a number)."""
    compact = v.replace(" ", "")
    return sum(c.isdigit() for c in compact) >= 2 and sum(c.isalpha() for c in compact) >= 2


def _rrn_ok(v: str) -> bool:  # YY.MM.DD-SSS.CC (a month + 20 or + 40 for a bis number)
    d = _digits(v)
    return _date_ok(d[:2], str(int(d[2:4]) % 20 or 1), d[4:6] if d[4:6] != "00" else "01")


def _nss_ok(v: str) -> bool:
    province = int(v[:2])
    return 1 <= province <= 53 or province == 66


def _rv_ok(v: str) -> bool:  # area, DDMMYY, the surname's letter, serial and check
    d = _digits(v)
    return 2 <= int(d[:2]) <= 89 and _date_ok(d[6:8], d[4:6], d[2:4])


def _ramq_ok(v: str) -> bool:  # 4 letters, YY MM(+50) DD, 2 digits
    d = _digits(v)
    return _date_ok(d[:2], str(int(d[2:4]) % 50), d[4:6])


def _zw_ok(v: str) -> bool:  # a district code 01-85
    return 1 <= int(v[:2]) <= 85


def _any(_: str) -> bool:
    return True


_SAMPLE = "1234567890123456 0987654321"  # a value inside it is a form's sample, nobody's


def _not_sample(v: str) -> bool:
    d = _digits(v)
    return len(set(d)) > 2 and d not in _SAMPLE


def _fnr_ok(v: str) -> bool:  # DDMMYY (a D-number's day + 40)
    return _date_ok(v[4:6], v[2:4], str(int(v[:2]) % 40 or 1))


def _three_digits(v: str) -> bool:
    return sum(c.isdigit() for c in v) >= 3


def _id_card_ok(v: str) -> bool:  # a German card's code, or Malta's digits and letter
    return _mixed(v) or v[:-1].isdigit()


def _ko_front(v: str) -> bool:
    d = _digits(v)
    return len(d) in (6, 13) and _date_ok(d[:2], d[2:4], d[4:6])


_END = r"(?![A-Za-z0-9_/-]|[.,]\d)"
_START = r"(?<![\w./$€£-])"

# layouts no other number has, with their checks
_LAYOUTS: tuple[tuple[re.Pattern[str], Callable[[str], bool]], ...] = tuple(
    (re.compile(_START + pattern + _END), check) for pattern, check in (
        (r"\d{2}\.[01]\d\.[0-3]\d-\d{3}\.\d{2}", _rrn_ok),
        (r"\d{2}/\d{8}/\d{2}", _nss_ok),
        (r"\d{2}[ \t]?[0-3]\d[01]\d\d{2}[ \t]?[A-Z][ \t]?\d{3}", _rv_ok),
        (r"756\.\d{4}\.\d{4}\.\d{2}", _any),
        (r"[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-[AC-HJKMNP-RT-Y]{2}\d{2}",
         _any),
        (r"\d{2}-\d{6,7}[ \t]?[A-Z][ \t]?\d{2}", _zw_ok),
        (r"80380\d{15}", _any),
    ))

# (row, its names, its values' shapes, the value's check, the kind); a name in (?-i:…) is matched as written
_PASS_VALUES = (r"[A-ZА-ЯІЇЄҐ]{1,3}[ \t]?\d{6,8}|\d{2}[A-Z]{2}\d{5}|\d{9}|"
                r"[A-Z][A-Z0-9]{6,8}[0-9A-Z]")
_DE_DOC = r"[CFGHJKLMNPRTVWXYZ][CFGHJKLMNPRTVWXYZ0-9]{8}\d?"
_ROWS: tuple[tuple[str, str, str, Callable[[str], bool], str], ...] = (
    ("pass", r"passports?|passeports?|pasaportes?|passaportes?|passaport[oi]|(?:kinder)?reisepass\w{0,4}|"
             r"passnummer\w{0,2}|pass-?nr|paspoort\w{0,2}|paszport\w{0,2}|pasaport\w{0,4}|paspor|"
             r"(?-i:Pass)[ \t-]?(?i:nr)\.?|(?-i:Pas)|паспорт\w{0,2}|جواز|الجواز|الباسبور|여권\w{0,2}|hộ[ \t]chiếu|पासपोर्ट",
     _PASS_VALUES + "|" + _DE_DOC, _three_digits, "PASSPORT"),
    ("deid", r"personalausweis\w{0,2}|ausweis\w{0,6}|perso|id[ \t-]card(?:[ \t]number)?|id-karte|identity[ \t]card",
     _DE_DOC + r"|\d{3,7}[MGAPLHBZ]", _id_card_ok, "NATIONAL_ID"),
    ("ramq", r"ramq|assurance[ \t-]maladie|carte[ \t]soleil|carte[ \t]santé", r"[A-Z]{4}[ \t]?\d{4}[ \t]?\d{4}",
     _ramq_ok, "NATIONAL_ID"),
    ("kra", r"(?-i:KRA|PIN)|itax|philhealth", r"A\d{9}[A-Z]|\d{2}-\d{9}-\d", _any, "NATIONAL_ID"),
    ("sha", r"(?-i:SHA)|sha[ \t]number", r"CR\d{10}-?\d", _any, "NATIONAL_ID"),
    ("stid", r"steuer-?id|steuerliche[ \t]identifikationsnummer|idnr", r"[1-9]\d{10}|\d{2}[ \t]\d{3}[ \t]\d{3}[ \t]\d{3}",
     _not_sample, "NATIONAL_ID"),
    ("bsn", r"(?-i:BSN)|burgerservicenummer", r"\d{9}|\d{4}\.\d{2}\.\d{3}", _not_sample, "NATIONAL_ID"),
    ("pps", r"(?-i:PPSN?|PSP)|pps[ \t]number", r"\d{7}[ \t]?[A-W][A-IW]?", _any, "NATIONAL_ID"),
    ("dowod", r"dow[óo]d\w{0,3}[ \t]osobist\w{1,3}", r"[A-Z]{3}[ \t]?\d{6}", _any, "NATIONAL_ID"),
    ("cin", r"(?-i:CIN)|البطاقة[ \t]الوطنية|carte[ \t]nationale", r"[A-Z]{1,2}[ \t]?\d{5,6}|[A-Z]{1,2}[ \t]\d{3}[ \t]\d{3}",
     _any, "NATIONAL_ID"),
    ("roci", r"(?-i:CI)|seria", r"[A-Z]{2}[ \t]?\d{6}", _any, "NATIONAL_ID"),
    ("niss", r"seguran[çc]a[ \t]social|(?-i:NISS)", r"[12]\d{10}", _any, "NATIONAL_ID"),
    ("zzzs", r"(?-i:ZZZS)|zavarovane[ \t]osebe|zdravstvenega[ \t]zavarovanja", r"\d{9}", _any, "NATIONAL_ID"),
    ("lv", r"personas[ \t]kod\w{1,3}", r"[0-3]\d[01]\d{3}-?\d{5}", _any, "NATIONAL_ID"),
    ("ko", r"주민(?:등록)?번호", r"\d{6}(?:[ \t]?-[ \t]?\d{7})?|[공영일이삼사오육칠팔구]{6}", _ko_front, "NATIONAL_ID"),
    ("jp", r"マイナンバー|個人番号", r"\d{4}[ \t]?\d{4}[ \t]?\d{4}", _any, "NATIONAL_ID"),
    ("cn", r"身份证", r"\d{17}[\dXx]", _any, "NATIONAL_ID"),
    ("lbo", r"(?-i:LBO)", r"\d{11}", _any, "NATIONAL_ID"),
    ("bglk", r"л\.[ \t]?к\.|лична[ \t]карта", r"\d{9}", _any, "NATIONAL_ID"),
    ("mid", r"(?-i:MID)(?=[ \t](?i:no\b|number|num\b|#))|pag-?ibig", r"\d{4}-\d{4}-\d{4}", _any, "NATIONAL_ID"),
    ("sus", r"cart[ãa]o[ \t]sus|(?-i:SUS)", r"\d{3}[ \t]?\d{4}[ \t]?\d{4}[ \t]?\d{4}", _any, "NATIONAL_ID"),
    ("fayda", r"fayda", r"\d{4}[ \t]?\d{4}[ \t]?\d{4}[ \t]?\d{4}", _any, "NATIONAL_ID"),
    ("iqama", r"iqama|الإقامة|الاقامة", r"[12]\d{9}", _any, "NATIONAL_ID"),
    ("ptdl", r"carta[ \t]de[ \t]condu[çc][ãa]o", r"[A-Z]{1,2}-\d{6,8}[ \t]\d", _any, "NATIONAL_ID"),
    ("cpf", r"(?-i:CPF|NIT|PIS|PASEP)", r"\d{3}\.\d{3}\.\d{3}-\d{2}|\d{3}\.\d{5}\.\d{2}-\d", _not_sample,
     "NATIONAL_ID"),
    ("cf", r"cod(?:ice|\.)[ \t]?fiscale|(?-i:C\.F\.)",
     r"[A-Z]{3}[ \t]?[A-Z]{3}[ \t]?\d{2}[ \t]?[A-EHLMPRST][ \t]?\d{2}[ \t]?[A-Z][ \t]?\d{3}[ \t]?[A-Z]", _any, "NATIONAL_ID"),
    ("lic", r"licen[cs]e|f(?:ü|ue)hrerausweis\w{0,4}",
     r"\d{8,9}|\d{3}[ \t]\d{3}[ \t]\d{3}|\d{6}-\d{3}|[A-Z]{2}-\d{6}-\d{2}", _not_sample, "NATIONAL_ID"),
    ("utente", r"(?:n[úu]mero|n\.?[ºo°])[ \t]de[ \t]utente|utente[ \t](?:do[ \t])?sns|cart[ãa]o[ \t]de[ \t]utente",
     r"\d{3}[ \t]?\d{3}[ \t]?\d{3}", _not_sample, "NATIONAL_ID"),
    ("ee", r"isikukood\w{0,4}", r"[1-6]\d{10}", _any, "NATIONAL_ID"),
    ("oms", r"(?-i:ОМС)", r"\d{4}[ \t]?\d{4}[ \t]?\d{4}[ \t]?\d{4}", _any, "NATIONAL_ID"),
    ("aadhaar", r"aadh?aar", r"[2-9]\d{3}[ \t]?\d{4}[ \t]?\d{4}", _any, "NATIONAL_ID"),
    ("nik", r"(?-i:NIK|KTP)", r"\d{16}|\d{4}[ \t]\d{4}[ \t]\d{4}[ \t]\d{4}", _any, "NATIONAL_ID"),
    ("kvnr", r"versichertenn(?:umme)?r\.?|krankenkasse|(?-i:KVNR)", r"[A-Z]\d{9}", _any, "NATIONAL_ID"),
    ("fnr", r"f[øo]dselsnummer\w{0,3}", r"[0-7]\d{10}", _fnr_ok, "NATIONAL_ID"),
    ("cedula", r"c[ée]dula|tarjeta[ \t]de[ \t]identidad", r"\d{1,3}\.\d{3}\.\d{3}(?:\.\d{3})?", _any, "NATIONAL_ID"),
    ("cie", r"carta[ \t]d['’]identit[àa]|(?-i:CIE)", r"[A-Z]{2}\d{5}[A-Z]{2}", _any, "NATIONAL_ID"),
    ("pan", r"(?-i:PAN)", r"[A-Z]{5}[ \t]?\d{4}[ \t]?[A-Z]", _any, "NATIONAL_ID"),
    ("sin", r"(?-i:SIN|TFN)", r"\d{3}[ \t-]\d{3}[ \t-]\d{3}|\d{9}", _not_sample, "NATIONAL_ID"),
    ("nino", r"national[ \t]insurance|(?-i:NI|NINO)", r"QQ[ \t]?\d{2}[ \t]?\d{2}[ \t]?\d{2}[ \t]?[A-D]", _any,
     "NATIONAL_ID"),
    ("nip", r"(?-i:NIP)|steuernummer|steuernr\.?", r"\d{3}-?\d{3}-?\d{2}-?\d{2}|\d{2,3}/\d{3,4}/\d{4,5}", _any,
     "NATIONAL_ID"),
)
_ROW = {row: (re.compile(_START + rf"(?:{values}){_END}"), check, kind) for row, _, values, check, kind in _ROWS}
# a name opens and ends a word of the Latin or Cyrillic scripts (the others are written on their neighbours)
_LETTER = r"A-Za-z\u00C0-\u024F\u0400-\u04FF"
_CUE = re.compile(rf"(?<![{_LETTER}])(?=[PpRrKkAaIiSsBbDdCcNnZzLlMmFfHhЛлпП주マ個身جاه여प])(?i:"
                  + "|".join(f"(?P<{row}>{names})" for row, names, *_ in _ROWS) + rf")(?![{_LETTER}])")
# a sole trader: the NIP / Steuernummer is the person's own
_SOLE_TRADER = re.compile(r"(?i:\bJDG\b|jednoosobow\w{0,6}|dzia[łl]alno[śs][ćc]\w{0,2}[ \t]gospodarcz\w{1,3}|"
                          r"einzelunternehm\w{1,4}|freiberufl\w{1,4}|sole[ \t]trader|self-employed)")
# the word right before a value that makes it another number's ("booking P9LX4T", "NIP firmy 7792318840")
_OTHERS = re.compile(r"(?i:(?:order|pedido|commande|bestell|booking|buchung|reserv|invoice|rechnung|factur|fattur|faktur|"
                     r"account|konto|cuenta|conta|compte|referen|aktenzeichen|vorgang|antrag|policy|police|polizza|"
                     r"ap[óo]lice|p[óo]liza|phone|telef|handy|mobil|celular|ticket|claim|sinistr|dossier|tracking|"
                     r"sendung|flight|flug|vuelo|kennzeichen|plate|matr[íi]cula|firmy|nabywc|member|kunde|customer|"
                     r"personalnummer|application|permohonan|transaction|confirmation|applicant|student|employ|staff|"
                     r"report|matric|birth|born)\w{0,15}|"
                     r"ref|tel|vol|dob|pnr|pir|txn|code|file|iban|krs|regon|nipc|cif|vat|btw|ust|eori|rcs|kvk|siret|siren|"
                     r"cnpj|uid)")
_ROLES = frozenset(("customer", "client", "cliente", "kunde", "kundin", "member", "customer service"))
_WORD = re.compile(r"[^\W\d_]{1,30}")
_TURN = re.compile(r"[ \t]{0,4}(?:\[[\d:]{3,8}\][ \t]*)?[^\W\d_][^\n:：]{0,30}[:：][ \t]*$")
_AMOUNT = re.compile(r"[ \t]?(?:€|\$|£|%|zł|eur\b|euros?\b|usd\b|kr\b|pesos?\b|cop\b|clp\b|mxn\b|ars\b|reais\b|soles\b)",
                     re.IGNORECASE)
_MONEY_BEFORE = re.compile(r"[$€£][ \t]?$")
# a licence that is not a driver's: "TV licence", "software license", "premises licence"
_NOT_DRIVERS = re.compile(r"(?i:\b(?:tv|television|software|business|premises|liquor|alcohol|trade|dealer|operator|"
                          r"product|windows|office|music|radio|broadcast|fishing|hunting|marriage)[ \t-]{1,2}$)")
# a firm named near a NIP / Steuernummer: the firm's, not a sole trader's
_FIRM_FORM = re.compile(r"(?i:\bsp\.[ \t]?z[ \t]?o\.[ \t]?o\.|\bsp\.[ \t]?[jk]\.|\bs\.a\.|\bgmbh\b|\bltd\b|\bug\b|\bkg\b|"
                        r"\bohg\b|\bag\b)")


def _window_end(text: str, start: int) -> int:
    """Where a name's reach ends: _REACH characters on, a blank line, or the third line break (the answer to a name
    asked may come a turn later)."""
    end = min(len(text), start + _REACH)
    blank = text.find("\n\n", start, end)
    if blank >= 0:
        end = blank
    at = start
    for _ in range(3):
        at = text.find("\n", at, end) + 1
        if not at:
            return end
    return at - 1


def _owned_by_other(text: str, lo: int, start: int) -> bool:
    """One of the four words before the value on its line names another number ("booking P9LX4T", "my BRP ref from
    the Home Office letter is …"); a speaker's label opening the value's turn ("Customer:") is no such word."""
    line = text.rfind("\n", lo, start) + 1 or lo
    if line > lo:
        turn = _TURN.match(text, line, start)
        if turn and not any(_OTHERS.fullmatch(word) and word.lower() not in _ROLES
                            for word in _WORD.findall(text, line, start)):
            return False
    words = _WORD.findall(text, max(line, start - 48), start)[-4:]
    return any(_OTHERS.fullmatch(word) for word in words)


def _refused(text: str, lo: int, start: int, end: int) -> bool:
    """An amount ("$ 1.250.000", "… 000 pesos") or another number's value."""
    return bool(_AMOUNT.match(text, end) or _MONEY_BEFORE.search(text, max(0, start - 2), start)
                or _owned_by_other(text, lo, start))


def _named(text: str) -> Iterator[Found]:
    for cue in itertools.islice(_CUE.finditer(text), _CUES_READ):
        row = cue.lastgroup or ""
        pattern, check, kind = _ROW[row]
        end = _window_end(text, cue.end())
        if row == "nip" and (not _SOLE_TRADER.search(text, max(0, cue.start() - 120), end)
                             or _FIRM_FORM.search(text, max(0, cue.start() - 120), end)):
            continue
        if row == "lic" and _NOT_DRIVERS.search(text, max(0, cue.start() - 16), cue.start()):
            continue
        taken, after = 0, cue.end()
        for m in pattern.finditer(text, cue.end(), end):
            if not check(m.group()) or _refused(text, cue.end(), m.start(), m.end()) or (
                    taken and any(_OTHERS.fullmatch(word) for word in _WORD.findall(text, after, m.start()))):
                continue  # a second value past another number's word is that number ("… and my BRP ref is …")
            yield kind, m.start(), m.end(), 0.85
            taken, after = taken + 1, m.end()
            if taken >= _PER_CUE:
                break


def _laid_out(text: str) -> Iterator[Found]:
    for pattern, check in _LAYOUTS:
        for m in itertools.islice(pattern.finditer(text), CAP):
            if check(m.group()) and not _AMOUNT.match(text, m.end()):
                yield "NATIONAL_ID", m.start(), m.end(), 0.85


def find_id_layouts(text: str) -> Iterator[Found]:
    """The ids of the module's docstring, at most CAP."""
    if not _ANY_DIGIT.search(text):
        return iter(())
    return itertools.islice(itertools.chain(_laid_out(text), _named(text)), CAP)
