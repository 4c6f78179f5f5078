"""National and tax ids after names the rules lacked, and the second id of a pair (session 37, candidate 37-3).

Two parts:

- **Names the rules lacked, each with its id's shape** (a check digit where the id has one): Ukraine's РНОКПП / ІПН
  (10 digits), Russia's ИНН of a person (12), Bulgaria's ЕГН (10) and лична карта (9), Croatia's OIB (11, ISO 7064),
  Estonia's isikukood and Lithuania's asmens kodas (11), Turkey's T.C. kimlik (11), Portugal's NIF (9, of a person:
  first digit 1-3), Jamaica's TRN (9), New Zealand's IRD number (8-9), Kuwait's Civil ID (12), Morocco's and
  Tunisia's CIN ("BK284193", "08812409"), Myanmar's NRC ("12/OUKAMA(N)044812", in Burmese letters too), Indonesia's
  KK (16), the Maghreb's CNSS (8-12), Hungary's adóazonosító jel (10) and TAJ (9), the Czech and Slovak rodné číslo
  and číslo pojištěnce ("150726/0014"), a Czech občanský průkaz (9), Mozambique's and Angola's BI, the Levant's
  "raqam el watani" (9-14), Ethiopia's Fayda (12 or 16), India's PAN written "पैन", Catalonia's CIP ("SEBO
  1150219004"), Germany's Steuernummer ("219/5124/3308"), Spain's número de la Seguridad / Seguretat Social (12),
  Kenya's SHA number ("CR4829173650-2"), Sri Lanka's NIC (old "881240337V", new "198812403371"), Pakistan's CNIC,
  Ireland's PPSN, the Dutch BSN, Italy's codice fiscale after "cod. fiscale" and its carta d'identità elettronica,
  Belgium's and Portugal's NISS / rijksregisternummer, Romania's CNP and CI series, Israel's ת.ז., Finland's hetu,
  Sweden's personnummer, Scotland's CHI, Croatia's MBO, Hungary's személyi igazolvány, Ghana's SSNIT and NHIS,
  Kenya's NHIF and KRA PIN (a person's, "A…"), the Philippines' PhilHealth PIN ("12-345678901-2"), Vietnam's BHYT,
  Greece's AMKA and ΑΦΜ, Saudi Arabia's iqama, Singapore's birth certificate, Australia's TFN, the UK's UTR, Germany's
  Steuer-ID, Poland's PESEL and dowód osobisty, France's numéro fiscal / de sécu; and the last four digits of an
  Aadhaar, a NIC or an NID ("Aadhaar last four 4417", "the last four of my Aadhaar 4417", "এনআইডির শেষ চার সংখ্যা").
  Between the name and the value only link words ("is", "е", "je", "ni", "djeteta", "dyali", "ቁጥር" …), or one turn
  of a dialogue. A value that passes its id's check digit (or a Steuernummer's slashed layout) may stand a few other
  words on in the same sentence ("O NIF que deve constar nos recibos é o meu, 256190437"); none of them an order's,
  an invoice's, an account's, a policy's, a meter's, a tracking's or a phone's word.
- **The second id of a pair**: an id found (here or by the other id finders) and, a few words on, another value of the
  same layout ("PPSN is 6418207KA and the kids' are 8812044TW and 9120448QH", "BSN 418730258 in plaats van
  237145960", "PPS number 1234567TA... wait it's 1234576TA", "isikukood … — vabandust, õige on 38911052714",
  "رقمي الوطني … ورقمه …") or of the other layout of the same id ("NIC 198812403371 — old one was 881240337V").

Never a firm's tax number (a firm named near a tax number's name; a Steuernummer on an invoice; ЕИК, KVK, a firm's
CUI, NIP or VAT are not read here at all), never a value after an order's, invoice's, account's, policy's, meter's or
tracking's word, never a date or a form's sample ("12 345 678 901"); a T.C. number failing its check digits is not
taken after a product's or an order's word ("ürün kodu TC …"). A pair's second value needs a pair's word between
("and", "or", "instead", "old", "wait", "sorry", "but", "mine", "in plaats van", "vabandust", "ورقمه" …), no number
word, no phone's, account's or Pix key's word, and no other id's name.
Every pattern is linear (bounded repeats, no nested quantifiers over the same characters); the values are read in
plain Python over a bounded window; at most CAP spans a message.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator

from services import privacy
from services.adapters.local import pii_country_ids, pii_ids

Found = tuple[str, int, int, float]

CAP = 24
_NAMES_READ = 200
_GAP_CHARS = 70
_VALUE_CHARS = 40
_PAIR_CHARS = 90


def _weighted(d: str, weights: tuple[int, ...]) -> int:
    return sum(int(c) * w for c, w in zip(d, weights, strict=False))


def _egn_ok(d: str) -> bool:
    r = _weighted(d, (2, 4, 8, 5, 10, 9, 7, 3, 6)) % 11
    return (r if r < 10 else 0) == int(d[9])


def _oib_ok(d: str) -> bool:
    a = 10
    for c in d[:10]:
        a = (a + int(c)) % 10 or 10
        a = a * 2 % 11
    return (11 - a) % 10 == int(d[10])


def _isikukood_ok(d: str) -> bool:
    r = _weighted(d, (1, 2, 3, 4, 5, 6, 7, 8, 9, 1)) % 11
    if r == 10:
        r = _weighted(d, (3, 4, 5, 6, 7, 8, 9, 1, 2, 3)) % 11 % 10
    return r == int(d[10])


def _rnokpp_ok(d: str) -> bool:
    return _weighted(d, (-1, 5, 7, 9, 4, 6, 10, 5, 7)) % 11 % 10 == int(d[9])


def _pt_nif_ok(d: str) -> bool:
    r = 11 - _weighted(d, (9, 8, 7, 6, 5, 4, 3, 2)) % 11
    return (0 if r >= 10 else r) == int(d[8])


def _ird_ok(d: str) -> bool:
    d = d.zfill(9)
    for weights in ((3, 2, 7, 6, 5, 4, 3, 2), (7, 4, 3, 2, 5, 2, 7, 6)):
        r = _weighted(d, weights) % 11
        check = 0 if r == 0 else 11 - r
        if check != 10:
            return check == int(d[8])
    return False


def _adoazonosito_ok(d: str) -> bool:
    return _weighted(d, (1, 2, 3, 4, 5, 6, 7, 8, 9)) % 11 == int(d[9])


def _taj_ok(d: str) -> bool:
    return _weighted(d, (3, 7, 3, 7, 3, 7, 3, 7)) % 10 == int(d[8])


def _birth_number_ok(d: str) -> bool:
    """A Czech or Slovak rodné číslo: a date (month + 50 for women, + 20 or 70 since 2004) and, with ten digits, the
    whole number divisible by 11 (or the first nine's remainder 10 and a last 0)."""
    month, day = int(d[2:4]), int(d[4:6])
    if not (1 <= day <= 31 and (1 <= month % 50 <= 12 or 21 <= month % 50 <= 32)):
        return False
    return len(d) == 9 or int(d) % 11 == 0 or (int(d[:9]) % 11 == 10 and d[9] == "0")


def _bsn_ok(d: str) -> bool:
    return (_weighted(d, (9, 8, 7, 6, 5, 4, 3, 2)) - int(d[8])) % 11 == 0


def _pps_ok(d: str) -> bool:
    total = _weighted(d, (8, 7, 6, 5, 4, 3, 2))
    if len(d) > 8 and d[8] != "W":
        total += (ord(d[8]) - 64) * 9
    return "WABCDEFGHIJKLMNOPQRSTUV"[total % 23] == d[7]


def _nss_ok(d: str) -> bool:
    return int(d[:10]) % 97 == int(d[10:])


def _distinct(_: str) -> bool:
    return True  # a layout no other number has (a codice fiscale, a PAN, a hetu): it stands a few words on too


def _pesel_ok(d: str) -> bool:
    return (10 - _weighted(d, (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)) % 10) % 10 == int(d[10])


def _niss_ok(d: str) -> bool:
    return 97 - int(d[:9]) % 97 == int(d[9:]) or 97 - int("2" + d[:9]) % 97 == int(d[9:])


def _cnp_ok(d: str) -> bool:
    r = _weighted(d, (2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9)) % 11
    return (1 if r == 10 else r) == int(d[12])


def _il_ok(d: str) -> bool:
    return privacy.luhn_valid(d)


def _se_ok(d: str) -> bool:
    return privacy.luhn_valid(re.sub(r"[-+]", "", d)[-10:])


def _tfn_ok(d: str) -> bool:
    weights = (1, 4, 3, 7, 5, 8, 6, 9, 10) if len(d) == 9 else (10, 7, 8, 4, 6, 3, 5, 1)
    return _weighted(d, weights) % 11 == 0


# the names, each a named group (its row); cased names are matched as written ("TC", "BI", "KK", "CIN", "SHA")
_NAMES = {
    "ua": r"\bРНОКПП\b|\bІПН\b|\bІНН\b|(?i:\bреєстраційн\w{1,3}[ \t]номер\w{0,3}[ \t]облікової[ \t]картки)",
    "ru": r"\bИНН\b",
    "egn": r"\bЕГН\b|\bEGN\b",
    "bglk": r"(?i:\bлична(?:та)?[ \t]карта\b)",
    "oib": r"\bOIB\b|(?i:\boib\b)",
    "ee": r"(?i:\bisikukood\w{0,4}|\basmens[ \t]kod\w{1,3})",
    "tc": r"\bT\.?C\.?(?![\w.])|\bTCKN\b|(?i:\bt\.?[ \t]?c\.?[ \t]kimlik(?:[ \t]no\b\.?)?|\bkimlik[ \t]no\b\.?|"
          r"\bkimlik[ \t]numara\w{0,4})",
    "nif": r"\bNIF\b|(?i:\bn[úu]mero[ \t]de[ \t]identifica[çc][ãa]o[ \t]fiscal|\bcontribuinte\b)",
    "trn": r"\bTRN\b",
    "ird": r"\bIRD\b|(?i:\bird[ \t](?:number|no\b\.?))",
    "civil": r"(?i:\bcivil[ \t]id\b(?:[ \t](?:number|no\b\.?))?)|الرقم[ \t]المدني|البطاقة[ \t]المدنية",
    "cin": r"\bCIN\b|\bcin\b|\bCin\b|(?i:\bcarte[ \t]d'identit[ée][ \t]nationale)",
    "nrc": r"\bNRC\b|(?i:\bnrc[ \t](?:number|no\b\.?))|မှတ်ပုံတင်",
    "kk": r"\bKK\b|(?i:\bkartu[ \t]keluarga|\bno\.?[ \t]kk\b)",
    "nik": r"\bNIK\b|\bKTP\b",
    "cnss": r"\bCNSS\b|\bCNAM\b|\bCNPS\b",
    "ado": r"(?i:\bad[óo]azonos[íi]t[óo](?:[ \t]jel\w{0,5})?)",
    "taj": r"(?i:\btaj[ \t-]?sz[áa]m\w{0,3})|\bTAJ\b",
    "rc": r"(?i:\brodn(?:é|e|ého|eho)[ \t]č[íi]sl\w{0,2}|\brodne[ \t]cisl\w{0,2}|\bč[íi]sl\w{0,2}[ \t]poji[šs]t[ěe]nce|"
          r"\bč[íi]sl\w{0,2}[ \t]poist[ée]nca|"
          r"\bcislo[ \t]pojistence)|\bRČ\b|\bR\.Č\.",
    "op": r"(?i:\bob[čc]ansk(?:ého|y|ý|eho|ém|em)[ \t]pr[ůu]kaz\w{0,3}|\bob[čc]ianskeho[ \t]preukazu|"
          r"\bč[íi]slo[ \t]OP\b)",
    "bi": r"\bBI\b|(?i:\bbilhete[ \t]de[ \t]identidade)",
    "watani": r"(?i:\braqam(?:i|y)?[ \t](?:el|al)[ \t-]?wa[tṭ]ani|\bnational[ \t]number)|الرقم[ \t]الوطني|"
              r"رقمي[ \t]الوطني|الرقم[ \t]الشخصي|رقمي[ \t]الشخصي|الرقم[ \t]القومي",
    "fayda": r"(?i:\bfayda\b)|ፋይዳ",
    "pan": r"पैन|\bPAN\b",
    "cip": r"\bCIP\b|\bTSI\b",
    "steuer": r"(?i:\bsteuernummer\b|\bst\.?-?nr\.|\bsteuer-?nr\b\.?)",
    "nss": r"(?i:\bseguretat[ \t]social|\bseguridad[ \t]social|\bn[úu]mero[ \t]de[ \t]afiliaci[óo]n)|\bNUSS\b|\bNSS\b|"
           r"\bNAF\b|(?i:\bafiliaci[óo]n(?:[ \t]SS)?)",
    "sha": r"\bSHA\b",
    "nic": r"\bNIC\b|\bCNIC\b|(?i:\bnic[ \t](?:number|no\b\.?))",
    "pps": r"\bPPSN?\b|(?i:\bpps[ \t](?:number|no\b\.?))",
    "bsn": r"\bBSN\b|(?i:\bburgerservicenummer|\bsofinummer)",
    "cf": r"(?i:\bcod(?:\.|ice)[ \t]?fiscale|\bc\.[ \t]?f\.(?!\w))",
    # more names of the world's ids: Portugal's and Belgium's NISS, Romania's CNP, Israel's ת.ז., Finland's hetu,
    # Sweden's personnummer, Scotland's CHI, Belgium's rijksregisternummer, Croatia's MBO, Hungary's személyi
    # igazolvány, Romania's CI series, Ghana's SSNIT, the Philippines' PhilHealth PIN, Vietnam's BHYT, Greece's AMKA
    # and ΑΦΜ, Ghana's NHIS and Kenya's NHIF, Saudi Arabia's iqama, Singapore's birth certificate, Australia's TFN,
    # the UK's UTR, Italy's carta d'identità elettronica
    "niss": r"\bNISS\b|\bINSZ\b|(?i:\brijksregisternummer\w{0,2}|\bnum[ée]ro[ \t]de[ \t]registre[ \t]national)",
    "cnp": r"\bCNP(?:-ul)?\b",
    "il": r"ת\.ז\.?|ת\"ז|תעודת[ \t]זהות|מספר[ \t]זהות",
    "hetu": r"(?i:\bhetu\b|\bhenkil[öo]tunnus\w{0,3})",
    "se": r"(?i:\bpersonnr\.?|\bpersonnummer\w{0,3}|\bpers\.[ \t]?nr\.?)",
    "chi": r"\bCHI\b(?:[ \t](?:number|no\b\.?))?",
    "mbo": r"\bMBO\b",
    "szig": r"(?i:\bszig\.?[ \t]?sz[áa]m\w{0,3}|\bszem[ée]lyi[ \t]igazolv[áa]ny(?:om|a)?[ \t]sz[áa]m\w{0,3})",
    "roci": r"(?i:\bseria[ \t](?:și|si)[ \t](?:nr\.?|num[ăa]rul))",
    "ssnit": r"\bSSNIT\b",
    "phpin": r"\bPIN\b|(?i:\bphilhealth(?:[ \t](?:number|no\b\.?|pin|id))?)",
    "bhyt": r"\bBHYT\b",
    "amka": r"\bΑΜΚΑ\b|\bAMKA\b|\bΑΦΜ\b",
    "nhis": r"\bNHIS\b|\bNHIF\b",
    "iqama": r"(?i:\biqama\b)",
    "bc": r"(?i:\bbirth[ \t]cert(?:ificate)?(?:[ \t](?:no\b\.?|number))?)",
    "tfn": r"\bTFN\b",
    "utr": r"\bUTR\b",
    "cie": r"(?i:\bcarta[ \t]d'identit[àa](?:[ \t]elettronica)?)|\bC\.I\.|\bCIE\b",
    # Germany's Steuer-ID, Kenya's KRA PIN, Poland's PESEL and dowód osobisty, France's numéro fiscal and NIR
    "stid": r"(?i:\bsteuer-?id\b|\bsteuerliche[ \t]identifikationsnummer|\bidnr\b)",
    "kra": r"\bKRA[ \t]PIN\b",
    "pesel": r"\bPESEL\b",
    "dowod": r"(?i:\bdow[óo]d\w{0,3}[ \t]osobist\w{1,3})",
    "nir": r"(?i:\bnum[ée]ro[ \t]fiscal|\bnum[ée]ro[ \t]de[ \t]s[ée]cu(?:rit[ée][ \t]sociale)?\b)|\bNIR\b",
}
# every name opens a word (but the Arabic, Ethiopic, Devanagari, Hebrew and Burmese ones, written on a prefix) with one
# of these characters: the look-around refuses the other places at once (the alternation alone takes seconds over
# 200,000 characters of digits, spaces or letters)
_NAME = re.compile(r"(?:(?<![^\W\d_])(?=[РрІИЕEЛлOoIiAaTtKkNnCcBbFfPSsRrČčHhMΑU])|(?=[ارፋपתמမ]))(?:"
                   + "|".join(f"(?P<{key}>{pattern})" for key, pattern in _NAMES.items()) + ")")

Check = Callable[[str], bool] | None
Shape = tuple[re.Pattern[str], Check]
_SHAPES: dict[str, tuple[Shape, ...]] = {
    "ua": ((re.compile(r"\d{10}"), _rnokpp_ok),),
    "ru": ((re.compile(r"\d{12}"), None),),
    "egn": ((re.compile(r"\d{10}"), _egn_ok),),
    "bglk": ((re.compile(r"\d{9}"), None),),
    "oib": ((re.compile(r"\d{11}"), _oib_ok),),
    "ee": ((re.compile(r"[1-6]\d{10}"), _isikukood_ok),),
    "tc": ((re.compile(r"[1-9]\d{10}"), pii_country_ids._tc_ok),),
    "nif": ((re.compile(r"[1-3]\d{8}"), _pt_nif_ok),),
    "trn": ((re.compile(r"[01]\d{8}"), None),),
    "ird": ((re.compile(r"\d{8,9}"), _ird_ok),),
    "civil": ((re.compile(r"[23]\d{11}"), None), (re.compile(r"\d{7,9}"), None)),  # Kuwait; Oman
    "cin": ((re.compile(r"[A-Z]{1,2}\d{5,6}"), None), (re.compile(r"\d{8}"), None)),
    "nrc": (),  # its own reading (_NRC)
    "kk": ((re.compile(r"\d{16}"), None),),
    "nik": ((re.compile(r"\d{16}"), None),),
    "cnss": ((re.compile(r"\d{8,12}"), None),),
    "ado": ((re.compile(r"8\d{9}"), _adoazonosito_ok),),
    "taj": ((re.compile(r"\d{9}"), _taj_ok),),
    "rc": ((re.compile(r"\d{9,10}"), _birth_number_ok),),
    "op": ((re.compile(r"\d{9}"), None), (re.compile(r"[A-Z]{2}\d{6}"), None)),
    "bi": ((re.compile(r"\d{12}[A-Z]"), None), (re.compile(r"\d{9}[A-Z]{2}\d{3}"), None)),
    "watani": ((re.compile(r"\d{9,14}"), None),),
    "fayda": ((re.compile(r"\d{12}"), None), (re.compile(r"\d{16}"), None)),
    "pan": ((re.compile(r"[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]"), _distinct),),
    "cip": ((re.compile(r"[A-Z]{4}\d{10}"), None),),
    "steuer": ((re.compile(r"\d{10,13}"), None),),
    "nss": ((re.compile(r"\d{12}"), _nss_ok),),
    "sha": ((re.compile(r"CR\d{11}"), _distinct),),
    "nic": ((re.compile(r"\d{9}[VXvx]"), None), (re.compile(r"(?:19|20)\d{10}"), None),
            (re.compile(r"\d{13}"), None)),
    "pps": ((re.compile(r"\d{7}[A-W][A-IW]?"), _pps_ok),),
    "bsn": ((re.compile(r"\d{9}"), _bsn_ok),),
    "cf": ((re.compile(r"[A-Z]{6}\d{2}[A-EHLMPRST]\d{2}[A-Z]\d{3}[A-Z]"), _distinct),),
    "niss": ((re.compile(r"\d{11}"), _niss_ok),),
    "cnp": ((re.compile(r"[1-9]\d{12}"), _cnp_ok),),
    "il": ((re.compile(r"\d{9}"), _il_ok),),
    "hetu": ((re.compile(r"\d{6}[+A-F]?\d{3}[0-9A-Y]"), _distinct),),
    "se": ((re.compile(r"(?:19|20)?\d{6}[-+]?\d{4}"), _se_ok),),
    "chi": ((re.compile(r"(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{6}"), None),),
    "mbo": ((re.compile(r"\d{9}"), None),),
    "szig": ((re.compile(r"\d{6}[A-Z]{2}"), None), (re.compile(r"[A-Z]{2}\d{6}"), None)),
    "roci": ((re.compile(r"[A-Z]{2}\d{6}"), None),),
    "ssnit": ((re.compile(r"[A-Z]\d{12}"), None),),
    "phpin": ((re.compile(r"\d{12}"), None),),
    "bhyt": ((re.compile(r"[A-Z]{2}\d{13}"), None),),
    "amka": ((re.compile(r"\d{9}"), None), (re.compile(r"(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{7}"), None)),
    "nhis": ((re.compile(r"\d{7,10}"), None),),
    "iqama": ((re.compile(r"[12]\d{9}"), None),),
    "bc": ((re.compile(r"[ST]\d{7}[A-Z]"), _distinct),),
    "tfn": ((re.compile(r"\d{8,9}"), _tfn_ok),),
    "utr": ((re.compile(r"\d{10}"), None),),
    "cie": ((re.compile(r"[A-Z]{2}\d{5}[A-Z]{2}"), _distinct), (re.compile(r"[A-Z]{2}\d{7}"), None)),
    "stid": ((re.compile(r"[1-9]\d{10}"), _oib_ok),),  # the same ISO 7064 MOD 11,10 check as an OIB
    "kra": ((re.compile(r"A\d{9}[A-Z]"), _distinct),),  # a person's (a firm's opens with P)
    "pesel": ((re.compile(r"\d{11}"), _pesel_ok),),
    "dowod": ((re.compile(r"[A-Z]{3}\d{6}"), _distinct),),
    "nir": ((re.compile(r"[0-3]\d{12}"), None), (re.compile(r"[12]\d{14}"), None)),
}
# a firm has one of these too: read only where no firm is named near ("NIF da empresa", "TRN of the LLC")
_FIRM_TAX = frozenset(("nif", "trn", "ird", "steuer", "ru", "cnss", "oib", "ado", "utr", "amka"))
_MORE_FIRMS = re.compile(r"(?i:\bd\.o\.o\.|\bd\.d\.|\bs\.r\.o\.|\ba\.s\.|\bkft\.?|\bzrt\.?|\bb\.?t\.|\bо{1,2}д\b|"
                         r"\bеоод\b|\bтов\b|\bооо\b|\bllc\b|\bfirm\w{0,3}|\bфирм\w{0,3}|\bcompan\w{0,3}|"
                         r"εταιρ\w{0,6}|\bΙΚΕ\b|"
                         r"\bΕΠΕ\b|\bΑ\.Ε\.|\bO\.?E\.)")
# a T.C. number failing its check is a product's code unless the name is someone's ("Benim TC …")
_OWNED = re.compile(r"(?i:\b(?:benim|my|mein|meine|mon|ma|mi|il[ \t]mio)[ \t]{1,2}$)")
_INVOICE = re.compile(r"(?i:rechnung|invoice|\binh\.|\binhaber)")
_SAMPLE = "1234567890123456 0987654321"  # a value inside it is a sample, nobody's
_PRODUCT = re.compile(r"(?i:\b(?:ürün|urun|kod|stok|sipari|model|seri|fatura|order|ref|product|sku|art\.))")
_NRC = re.compile(r"\d{1,2}/[A-Za-z\u1000-\u109F]{2,20}\([A-Za-z\u1000-\u109F]{1,12}\)\d{5,6}(?!\d)")
_STEUER_SLASHED = re.compile(r"\d{2,3}/\d{3,4}/\d{4,5}")

_LINKS = pii_country_ids._LINKS | frozenset((
    "е", "є", "ми", "моят", "моя", "мій", "моє", "мой", "мое", "у", "на", "є:", "djeteta", "djeteta:", "dyali",
    "dyal", "diali", "dial", "ديالي", "ቁጥር", "ቁጥሬ", "ቁጥሯ", "és", "es:", "jelét", "jele", "jelem", "számát", "számom",
    "száma", "számú", "číslo", "čislo", "má", "mám", "starý", "stará", "staré", "nový", "nová", "syna", "dcery",
    "dítěte", "za", "el", "al", "nomor", "saya", "no", "no:", "kak", "ke", "इस", "मेरा", "नंबर", "है", "का", "की",
    "kodas", "mano", "on", "oli", "kimlik", "numarası", "numaram", "benim", "dela", "dele", "seu", "sua", "meu",
    "minha", "o", "a", "my", "number", "card", "id", "هو", "رقم", "is:", "sono", "das", "von", "jest", "ni", "ya",
    "yangu", "ang", "ko", "nang", "ng", "sa", "se", "moj", "moja", "moje", "mój", "jest", "του", "της", "παιδιού",
    "σας", "ist", "lautet", "dumneavoastră", "dumneavoastra", "ቁጥርዎ", "ቁጥርህ", "ቁጥርሽ", "v", "nr", "nr.", "n.",
    "po", "și", "si", "של", "הילדה", "הילד", "שלי"))
_ANSWER_LINKS = _LINKS | pii_ids._ANSWER_WORDS
_TOKEN = re.compile(r"[^\W\d_][^\s\d,;:()\"“”]{0,30}")
_SPEAKER = re.compile(r"[^\W\d_][^\s\d:]{1,20}[ \t]?:[ \t]{0,3}")
_RUN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9]|[ \t./-](?=[A-Za-z0-9])){0,39}")
_PIECE = re.compile(r"[A-Za-z0-9]+")
_SEPARATORS = re.compile(r"[ \t./-]")
_ANY_DIGIT = re.compile(r"\d")
# words that say a value is something else: an order's, an invoice's, an account's, a policy's, a meter's …
_NOT_IDS = re.compile(r"(?i:order|bestel|pedido|commande|invoice|factur|fattur|fatur|faktur|rechnung|számla|рахун|"
                      r"сметк|фактур|account|acct|\bacc\b|konto|compte|cuenta|conta\b|rekening|polic|polis|póliz|"
                      r"tracking|parcel|meter|zähler|compteur|contador|ticket|claim|booking|reserv|klant|kunde|"
                      r"customer|client|cliente|iban|phone|tel\b|telef|mobile|mobil|handy|gsm|whatsapp|simu|"
                      r"contract|vertrag|contrato|referen|\bref\b|\bcase\b|dossier|transaction|"
                      r"transfer|kvk|eik|еик|булстат|cui\b|\bvat\b|btw|ust-?id|\bnip\b|regon|krs|nipc|\bcnpj|"
                      r"r[ée]f[ée]ren|"
                      r"ap[óo]lice|pojistk|poji[sš][tť]ovn|operaci|comprobante|\bavis\b|chave|\bpix\b|\bkey\b|telem|"
                      r"\bline\b|\bhat\b|\bhatt|\bcel\b|celular|contact|\bring\b|\bcall|volaj|\bтел|тел\.|"
                      r"جوال|هاتف|موبايل)")


def _gap(text: str, start: int) -> tuple[int, bool, bool] | None:
    """Where a value after a name ending at ``start`` begins, whether the reading went into the next turn, and whether
    words other than link words stood between (the value must then pass its check); None when the reading stops."""
    if text[start:start + 1] in ("-", "/") and text[start + 1:start + 2].isalnum():
        return None  # a reference's prefix: "CIN-2024-0098"
    i, words, others, far = start, 0, 0, False
    limit = min(len(text), start + _GAP_CHARS)
    while i < limit:
        c = text[i]
        if c.isdigit():
            return i, far, others > 0
        if c in " \t:#=()[]\"'“”«»–—-,?№።፣":
            i += 1
            continue
        if c in ".!\n":
            j = i + 1
            while j < limit and text[j] in " \t\n":
                j += 1
            if j < limit and text[j].isdigit() and c == ".":
                i = j  # "n. 123", "Nr.\n4471"
                continue
            turn = _SPEAKER.match(text, j) if "\n" in text[i:j] and not far and not others else None
            if not turn:
                return None
            i, far, words = turn.end(), True, 0
            continue
        m = _TOKEN.match(text, i)
        if not m:
            return None
        token = m.group().rstrip(".!?")
        word = token.lower()
        links = _ANSWER_LINKS if far else _LINKS
        if (word in links or word.rstrip(":") in links) and words < 5:
            words += 1
            i = m.end()
            continue
        if _NOT_IDS.search(word) or word in pii_ids._STOP_WORDS:
            return None
        nxt = text[m.end():m.end() + 2]
        if token.isascii() and token.isupper() and (nxt[:1].isdigit() or (
                len(token) <= 4 and nxt[:1] in (" ", "\t") and nxt[1:].isdigit())):
            return i, far, others > 0  # a value opening with letters: "BK284193", "SEBO 1150219004"
        if far or others >= 6 or pii_ids.DOCUMENT_NAME.fullmatch(token) or _NAME.fullmatch(token):
            return None
        others += 1
        i = m.end()
    return None


def _value(text: str, start: int, key: str) -> tuple[int, int, bool] | None:
    """The longest stretch from ``start`` whose compact form has one of the row's shapes, with whether it passed the
    shape's check (True where the shape has none)."""
    if start and (text[start - 1].isalnum() or text[start - 1] in "@+/"):
        return None
    if key == "nrc":
        m = _NRC.match(text, start)
        return (start, m.end(), True) if m else None
    run = _RUN.match(text, start, min(len(text), start + _VALUE_CHARS + 1))
    if not run:
        return None
    ends = [m.end() for m in _PIECE.finditer(text, start, run.end())]
    for end in reversed(ends):
        after = text[end:end + 2]
        if len(after) == 2 and after[0] in " \t./-" and after[1].isdigit() and end < run.end():
            continue  # the number goes on
        if end < len(text) and (text[end].isalnum() or text[end] in "@"):
            continue
        raw = text[start:end]
        if pii_ids._DATE.fullmatch(raw) or pii_ids._AMOUNT_AFTER.match(text, end):
            return None
        compact = _SEPARATORS.sub("", raw)
        for shape, check in _SHAPES[key]:
            if shape.fullmatch(compact):
                if key == "phpin" and not re.fullmatch(r"\d{2}-\d{9}-\d", raw):
                    return None  # a PIN is a secret; PhilHealth's is written 12-345678901-2
                if key == "trn" and not re.fullmatch(r"\d{3}[ -]?\d{3}[ -]?\d{3}", raw):
                    return None  # an Italian transfer's TRN: "0215-88431"
                if key == "steuer":
                    return start, end, bool(_STEUER_SLASHED.fullmatch(raw)) or len(compact) == 13
                return start, end, check is None or check(compact)
    return None


def _firm_near(text: str, start: int, end: int) -> bool:
    window = (max(0, start - 60), min(len(text), end + 40))
    return bool(pii_ids._FIRM.search(text, *window) or _MORE_FIRMS.search(text, *window))


_LAST_FOUR = re.compile(
    r"(?i:\b(?:aadh?aar|cnic|nic|nric|national[ \t]id|id[ \t]number|emirates[ \t]id|ppsn?)(?:[ \t](?:number|no\b\.?|"
    r"card))?(?:[ \t]ke)?[ \t:,-]{1,3}(?:last|final)[ \t](?:four|4)(?:[ \t]digits?)?|"
    r"\b(?:last|final)[ \t](?:four|4)(?:[ \t]digits?)?[ \t]of[ \t](?:(?:my|his|her|your|the)[ \t])?"
    r"(?:aadh?aar|cnic|nic|nric|"
    r"national[ \t]id|id[ \t]number|emirates[ \t]id|ppsn?)(?:[ \t](?:number|no\b\.?|card))?)"
    r"|आधार[ \t](?:के|का)[ \t](?:आखिरी|अंतिम)[ \t](?:चार|4)[ \t]अंक"
    r"|এনআইডি[^\s\d]{0,8}(?:[ \t][^\s\d]{1,12})?[ \t]শেষ[ \t](?:চার|4)[ \t](?:সংখ্যা|ডিজিট)[^\s\d]{0,4}")
_LAST_FOUR_VALUE = re.compile(r"(?i:[ \t:,?-]{0,3}(?:(?:is|are|was|hai|है|bataiye|बताइए|বলুন)[ \t:?]{1,3})?)"
                              r"(\d{4})(?![\d.,:/-]\d|\w)")


def _last_fours(text: str) -> Iterator[Found]:
    for m in itertools.islice(_LAST_FOUR.finditer(text), _NAMES_READ):
        value = _LAST_FOUR_VALUE.match(text, m.end())
        if value is None:
            line_end = text.find("\n", m.end(), m.end() + 60)
            turn = _SPEAKER.match(text, line_end + 1) if line_end >= 0 else None
            value = _LAST_FOUR_VALUE.match(text, turn.end()) if turn else None
        if value:
            yield "NATIONAL_ID", value.start(1), value.end(1), 0.85


def _named(text: str) -> Iterator[tuple[str, int, int]]:
    """(key, start, end) of each id after a name of the table."""
    for name in itertools.islice(_NAME.finditer(text), _NAMES_READ):
        key = name.lastgroup or ""
        gap = _gap(text, name.end())
        if gap is None:
            continue
        start, far, loose = gap
        found = _value(text, start, key)
        if found is None:
            continue
        begin, end, checked = found
        if (loose or far) and not checked:
            continue  # past other words or in the next turn: only a value that passes its check
        before = max(0, name.start() - 30)
        if key == "tc" and not checked and not _OWNED.search(text, max(0, name.start() - 12), name.start()) and (
                "kimlik" not in name.group().lower() and _PRODUCT.search(text, before, name.start())):
            continue  # "ürün kodu TC 12345678901": a product's code
        if key in _FIRM_TAX and _firm_near(text, name.start(), end):
            continue
        if key == "nif" and text[begin:begin + 1] not in "123":
            continue
        if key == "steuer" and _INVOICE.search(text):
            continue  # a tradesman's Steuernummer on his invoice is his firm's
        compact = _SEPARATORS.sub("", text[begin:end])
        if len(compact) >= 8 and compact in _SAMPLE:
            continue  # "12 345 678 901": a form's sample
        yield key, begin, end


# ---- the second id of a pair ---------------------------------------------------------------------------------------
_PAIR_TOKEN = re.compile(r"[^\W\d_][^\s\d,;:()\"“”.!?]{0,30}")


# what a pair's words may not say (the stop words of pii_ids but the people and the cards: "the kids' are …")
_PAIR_STOPS = pii_ids._STOP_WORDS - frozenset(("kids", "children", "people", "persons", "card", "tarjeta", "carte",
                                               "karte", "cartão", "new", "old", "photo", "copy"))


# the words that say a second id follows: "and", "or", "instead of", "old one was", "wait it's", "the kids' are",
# "in plaats van", "õige on", "dcery je" (in the languages of our messages)
_PAIR_CUES = frozenset((
    "and", "y", "e", "et", "und", "en", "og", "och", "ve", "i", "и", "і", "та", "na", "dan", "at", "plus", "also", "or",
    "ou", "oder", "lub", "ili", "instead", "not", "wait", "sorry", "actually", "correct", "correction", "right", "old",
    "new", "previous", "former", "was", "were", "pardon", "perdón", "perdon", "perdone", "disculpa", "desculpa",
    "scusa", "scusi", "entschuldigung", "vabandust", "õige", "plaats", "lugar", "vez", "lieu", "statt", "anstatt",
    "invece", "zamiast", "místo", "namísto", "umesto", "вместо", "замість", "rather", "badala", "kids'", "kids",
    "children's", "son's", "daughter's", "wife's", "husband's", "mother's", "father's", "partner's", "hers", "his",
    "theirs", "dcery", "syna", "syn", "dcera", "hijo", "hija", "filho", "filha", "figlio", "figlia", "fils", "fille",
    "sohn", "tochter", "zoon", "dochter", "oli", "vale", "wrong", "falsch", "fout", "errado", "errada", "sbagliato",
    "incorrecto", "typo", "mine", "mine's", "meine", "meiner", "mienne", "mío", "mía", "meu", "minha", "mio", "mia",
    "mijn", "mój", "moja", "moje", "hem", "him", "ihm", "lui", "él", "ele", "ela", "hij", "zij", "haar", "ihre",
    "seine", "vs", "versus", "but", "maar", "aber", "pero", "mas", "ma", "mais", "ale", "powinno", "poprawny",
    "poprawna", "correcto", "correcta", "correto", "correta", "corretto", "richtig", "juist", "correcte", "however"))
_NUMBER_WORD = re.compile(r"(?:number|numero|número|numéro|nummer|numer|nomor|namba|num$|^nr$|^n°$|номер|رقم)")
_PIX = re.compile(r"(?i:\bpix\b|\bchave\b)")


def _signature(value: str) -> str:
    return "".join("9" if c.isdigit() else "A" if c.isupper() else "a" for c in _SEPARATORS.sub("", value)
                   if c.isalnum())


def _second(text: str, end: int, key: str | None, signature: str) -> tuple[int, int] | None:
    """The value of the same layout (or of the same id's other layout) a few words after an id ending at ``end``."""
    if _PIX.search(text, max(0, end - 200), end):
        return None  # a Pix key is a bank account's
    i, words, sentences, cued = end, 0, 0, False
    limit = min(len(text), end + _PAIR_CHARS)
    while i < limit:
        c = text[i]
        if c.isdigit() or (c.isupper() and c.isascii() and _ANY_DIGIT.search(text, i, min(len(text), i + 6))):
            break
        if c in " \t,:;()\"'“”«»–—-…/":
            i += 1
            continue
        if c == "\n":
            if text[i + 1:i + 2] == "\n" or sentences:
                return None
            sentences += 1
            i += 1
            continue
        if c in ".!?":
            if text[i:i + 3] == "...":
                i += 3
                continue
            if sentences:
                return None
            sentences += 1
            i += 1
            continue
        m = _PAIR_TOKEN.match(text, i)
        if not m:
            return None
        word = m.group()
        low = word.lower()
        arabic_and = low[:1] == "و" and len(low) > 2  # "ورقمه": "and his number"
        if (_NOT_IDS.search(word) or low in _PAIR_STOPS or (_NUMBER_WORD.search(low) and not arabic_and) or words >= 8
                or pii_ids.DOCUMENT_NAME.fullmatch(word) or _NAME.fullmatch(word)):
            return None
        cued = cued or low in _PAIR_CUES or arabic_and
        words += 1
        i = m.end()
    else:
        return None
    if not cued or i >= limit or (i and text[i - 1].isalnum()):
        return None
    run = _RUN.match(text, i, min(len(text), i + _VALUE_CHARS + 1))
    if not run:
        return None
    ends = [m.end() for m in _PIECE.finditer(text, i, run.end())]
    for stop in reversed(ends):
        after = text[stop:stop + 2]
        if len(after) == 2 and after[0] in " \t./-" and after[1].isdigit() and stop < run.end():
            continue
        if stop < len(text) and (text[stop].isalnum() or text[stop] in "@"):
            continue
        raw = text[i:stop]
        if pii_ids._DATE.fullmatch(raw) or pii_ids._AMOUNT_AFTER.match(text, stop):
            return None
        if _signature(raw) == signature:
            return i, stop
        if key and key != "nrc":
            compact = _SEPARATORS.sub("", raw)
            if any(shape.fullmatch(compact) and (check(compact) if check else key == "nic")
                   for shape, check in _SHAPES[key]):
                return i, stop  # the same id's other layout: "NIC 198812403371 — old one was 881240337V"
    return None


_CODE = re.compile(r"(?<![\w])[A-Za-z]{0,6}\d[\w./-]{2,24}(?![\w])")


def _may_pair(text: str) -> bool:
    """Whether two codes of one layout (their first groups) stand within a pair's reach of each other."""
    last: dict[str, int] = {}
    for m in itertools.islice(_CODE.finditer(text), 2000):
        signature = _signature(m.group())
        if m.start() - last.get(signature, -_PAIR_CHARS * 2) <= _PAIR_CHARS + 40:
            return True
        last[signature] = m.end()
    return False


def _firsts(text: str) -> Iterator[tuple[str | None, int, int]]:
    """Every national id the id finders read, with this table's key where it read it."""
    from services.adapters.local import pii_native_digits, pii_rules  # pii_rules imports this module

    yield from _named(text)
    if not _may_pair(text):
        return  # no two codes of one layout near each other: no other finder's id can have a second
    others = itertools.chain(pii_ids.find_labelled_ids(text), pii_country_ids.find_country_ids(text),
                             pii_rules.find_national_ids(text), pii_native_digits.find_native_cued(text))
    for kind, start, end, _score in itertools.islice(others, 4 * CAP):
        if kind == "NATIONAL_ID" and _ANY_DIGIT.search(text, start, end):
            yield None, start, end


def find_world_ids(text: str) -> Iterator[Found]:
    """The ids of the module's docstring, at most CAP."""
    return itertools.islice(_world_ids(text), CAP)


def _world_ids(text: str) -> Iterator[Found]:
    if not _ANY_DIGIT.search(text):
        return
    seen: set[int] = set()
    for found in _last_fours(text):
        seen.add(found[1])
        yield found
    firsts = list(itertools.islice(_firsts(text), 4 * CAP))
    for key, start, end in firsts:
        if key is not None and start not in seen:
            seen.add(start)
            yield "NATIONAL_ID", start, end, 0.85
    for key, start, end in firsts:
        signature = _signature(text[start:end])
        for _ in range(4):  # "… and the kids' are X and Y"
            second = _second(text, end, key, signature)
            if second is None:
                break
            start, end = second
            if start not in seen:
                seen.add(start)
                yield "NATIONAL_ID", start, end, 0.85
