"""Bank accounts in more national layouts and after the account words of more languages (session 35, candidate 35-3).

The bank-account rules before (pii_rules, pii_bank_accounts) read an account after its English name, a bank's name,
and a few national layouts right after their own label. Missed were:

- **Czech and Slovak accounts**, "(prefix-)number/bank code" ("2700418832/2010", "19-2034580217/0800"), the bank code
  one of the four-digit codes of the Czech and Slovak banks. Masked anywhere when both parts pass their weighted
  modulus 11; otherwise only with an account word ("účet", "číslo účtu", "bankovní spojení", "account" …) earlier in
  the sentence. A birth number ("905421/2218", rodné číslo: six digits of a date, a slash, three or four digits) is a
  NATIONAL_ID, never taken here: a six-digit date-like number without a prefix is skipped unless an account word is
  right before it, and never after "rodné číslo" / "RČ" / "birth".
- **Polish NRB numbers** (an IBAN without "PL": 26 digits, "61 1090 1014 0000 0712 1981 2874"): masked anywhere when
  the IBAN's mod 97 holds with "PL" put before them; otherwise after "rachunek", "konto", "nr rachunku" …
- **Hungarian giro accounts** (8-8 or 8-8-8 digits): masked anywhere when the bank block and the account block pass
  the weighted mod 10 (weights 9, 7, 3, 1); otherwise with "bankszámla", "számlaszám" … before or "számlára" after.
- **Moroccan RIB** (24 digits, "011 780 0000123456789012 45"): masked anywhere when the key holds (the 24 digits are
  divisible by 97); otherwise after "RIB", "compte", "حساب" …
- **An Argentine CBU alias** after "alias" ("te paso mi alias: sol.rio.tango", "el alias es lucero punto tango punto
  mp"): two to five words joined by dots or hyphens (or said with "punto"), never an e-mail or a web address.
- **A bare account number after the account words of more languages** — Hindi खाता / खाते, Vietnamese "tài khoản" /
  "STK", Malay / Indonesian / Swahili "akaun" / "akaunti" / "nomor rekening", French "compte", Nordic, German and
  Polish "konto" / "rachunek", Czech "číslo účtu" / "účet", Hungarian "számlaszám", Italian "conto", Romanian "contul",
  Turkish "hesap" — within a few characters before a run of 8 to 20 digits (groups allowed). Never when the same
  window names an order, invoice, tracking, policy, meter, customer or contract number ("compte client", "numer
  zamówienia", "mã đơn hàng", "ऑर्डर"), nor a phone.

Every pattern is linear (bounded repeats, no nested quantifiers over the same characters, no leading optional space
in a searched pattern); a message yields at most CAP spans.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

Found = tuple[str, int, int, float]

CAP = 24  # spans a message at most

# the Czech and Slovak banks' codes (ČNB and NBS lists; a short fixed list)
_CZ_SK_BANK_CODES = frozenset((
    "0100 0300 0600 0710 0800 2010 2020 2060 2070 2100 2200 2220 2240 2250 2260 2275 2600 2700 3030 3050 3060 3500 "
    "4000 4300 5500 5800 6000 6100 6200 6210 6300 6363 6700 6800 7910 7950 7960 7970 7990 8030 8040 8060 8090 8150 "
    "8190 8198 8220 8250 8255 8265 8500 "  # Czech
    "0200 0720 0900 1100 1111 3000 3100 5200 5600 5900 6500 7300 7500 7930 8050 8100 8120 8130 8160 8170 8180 8320 "
    "8330 8360 8370 8420 8430 9950 9952").split())

_END = r"(?![\w/@-]|[.,]\d)"  # a run's end: not the middle of a longer code, a decimal or an address
_CZ = re.compile(r"(?<![\w.,/+-])(?:(\d{1,6})-)?(\d{2,10})/(\d{4})" + _END)
_NRB = re.compile(r"(?<![\w.,/+-])(\d{2}(?:[ \t]\d{4}){6}|\d{2}(?:-\d{4}){6}|\d{26})" + _END + r"(?![ \t]\d)")
# the NRB's grouping with its last group short or long (a digit or two dropped or added): only after an account word
_NRB_LIKE = re.compile(r"(?<![\w.,/+-])(\d{2}(?:[ \t]\d{4}){5}[ \t]\d{2,3}|\d{2}(?:[ \t]\d{4}){6}[ \t]\d{1,2})"
                       + _END)
_HU = re.compile(r"(?<![\w.,/+-])(\d{8}(?:-\d{8}){1,2}|\d{8}(?:[ \t]\d{8}){1,2})" + _END)
_RIB = re.compile(r"(?<![\w.,/+-])(\d{3}[ \t]\d{3}[ \t]\d{16}[ \t]\d{2}|\d{3}[ \t]\d{3}(?:[ \t]\d{4}){4}[ \t]\d{2}|"
                  r"\d{24})" + _END + r"(?![ \t]\d)")

# account words (any language of these layouts) that let a number failing its checksum stand as an account
_CZ_CUE = re.compile(r"(?i:[úu][čc](?:et|tu|tem|te|ty)\b|bankovn[ií][ \t]spojen[ií]|bankov[ée][ \t]spojenie|"
                     r"\bč\.[ \t]?[úu]\.|\baccount\b|\bkonto\b|\bplatb\w{0,4}[ \t]na\b)")
_PL_CUE = re.compile(r"(?i:\brachun\w{0,4}|\bkont[oauy]\b|\bkontem\b|\bnrb\b|\baccount\b|\bрахун\w{0,4}|"
                     r"\bсч[её]т\w{0,2}|\bprzelew\w{0,3})")
_HU_CUE = re.compile(r"(?i:sz[áa]ml\w{0,10}|\bgiro\w{0,3}|\baccount\b|\butal\w{0,10})")
_HU_CUE_AFTER = re.compile(r"[ \t]{0,2}(?i:sz[áa]ml[áa]\w{0,6})")
_RIB_CUE = re.compile(r"(?i:\brib\b|\bcompte\b|\baccount\b|حساب|\bhsab\b|\bvirement\b|\bbanque\b|\bbank\b)")
# a birth number's own words
_BIRTH_CUE = re.compile(r"(?i:rodn[éeá]\w{0,3}[ \t]?(?:[čc][ií]sl\w{0,2})?|\br\.?[čc]\.?(?![\w])|birth|narozen\w{0,3}|"
                        r"\bnar\.)")
# a reference a Czech slash number could also be: a case's, an invoice's or an order's number
_CZ_REFERENCE = re.compile(r"(?i:\bč\.[ \t]?j\.|\bčj\b|\bspis\w{0,4}|faktur\w{0,3}|objedn\w{0,6}|smlouv\w{0,3}|"
                           r"zmluv\w{0,3}|\bvs\b|variabiln\w{0,3}|\bsp\.[ \t]?zn\.|invoice|order)")
# a 24- or 26-digit account holds 16-19 digits a card finder may read as a Luhn-valid card ("61 1090 1014 0000 0712
# 1981 2874"); overlapping spans merge into the best-scored kind (then the longest), so the account scores as high
_WHOLE = 1.0
_SENTENCE_BACK = 80  # how far back an account word may be (within the line and sentence)
_SENTENCE_END = re.compile(r"[.!?][ \t]{1,3}(?=[^\W\d_a-zà-ÿ])")


def _digits(value: str) -> str:
    return "".join(c for c in value if c.isdigit())


def _window(text: str, start: int, back: int = _SENTENCE_BACK) -> str:
    """The text before `start` in its line, at most `back` characters, from the last sentence's end on (a full stop
    before a capital: "Sp. z o.o. uległ zmianie:" is one sentence)."""
    piece = text[max(0, start - back):start]
    cut = piece.rfind("\n")
    for m in _SENTENCE_END.finditer(piece, cut + 1):
        cut = m.start()
    return piece[cut + 1:]


def _last(pattern: re.Pattern[str], text: str, pos: int = 0) -> re.Match[str] | None:
    last = None
    for last in pattern.finditer(text, pos):  # noqa: B007 (the last match is what is wanted)
        pass
    return last


def _cz_ok(prefix: str, number: str) -> bool:
    """The Czech / Slovak account's weighted mod 11 on the prefix and on the number."""
    p, n = prefix.zfill(6), number.zfill(10)
    return (sum(int(d) * w for d, w in zip(p, (10, 5, 8, 4, 2, 1), strict=True)) % 11 == 0
            and sum(int(d) * w for d, w in zip(n, (6, 3, 7, 9, 10, 5, 8, 4, 2, 1), strict=True)) % 11 == 0
            and int(number) > 0)


def _birth_like(number: str) -> bool:
    """Six digits YYMMDD with a month of a birth number (women's +50, the extra +20 series)."""
    if len(number) != 6:
        return False
    month, day = int(number[2:4]), int(number[4:6])
    return (1 <= month % 50 <= 12 or 21 <= month % 50 <= 32) and 1 <= day <= 31


def _czech(text: str) -> Iterator[Found]:
    if "/" not in text:
        return
    for m in _CZ.finditer(text):
        prefix, number, code = m.group(1) or "", m.group(2), m.group(3)
        if code not in _CZ_SK_BANK_CODES or len(prefix + number) < 4:
            continue
        before = _window(text, m.start())
        cue = _last(_CZ_CUE, before)  # the last account word before the number
        birth = _last(_BIRTH_CUE, before, max(0, len(before) - 40))
        if birth and not (cue and cue.start() > birth.end()):
            continue  # "rodné číslo 905421/2218" ("…, účet 19-2034580217/0800": the account after it)
        if not prefix and _birth_like(number) and not (cue and cue.end() >= len(before) - 25):
            continue  # "905421/2218" is a birth number; "účet 905421/0800" an account
        if _cz_ok(prefix, number) and len(prefix + number) >= 6 and not _CZ_REFERENCE.search(before[-30:]):
            yield "BANK_ACCOUNT", m.start(), m.end(), 0.85
        elif cue and not _CZ_REFERENCE.search(before[cue.end():]):
            yield "BANK_ACCOUNT", m.start(), m.end(), 0.85


def _nrb_ok(digits: str) -> bool:
    return int(digits[2:] + "2521" + digits[:2]) % 97 == 1  # "PL" = 25 21


def _polish(text: str) -> Iterator[Found]:
    for m in _NRB.finditer(text):
        before = _window(text, m.start())
        if re.search(r"(?i:\bpl)[ \t]?\Z", before):
            continue  # an IBAN with a space after its country: the IBAN rule's
        if _nrb_ok(_digits(m.group(1))) or _PL_CUE.search(before):
            yield "BANK_ACCOUNT", m.start(1), m.end(1), _WHOLE
    for m in _NRB_LIKE.finditer(text):
        if _PL_CUE.search(_window(text, m.start(), 40)):
            yield "BANK_ACCOUNT", m.start(1), m.end(1), _WHOLE


def _hu_block_ok(block: str) -> bool:
    weights = (9, 7, 3, 1) * 6
    return sum(int(d) * w for d, w in zip(block[:-1], weights[:len(block) - 1], strict=True)) % 10 \
        == (10 - int(block[-1])) % 10


def _hu_ok(digits: str) -> bool:
    rest = digits[8:]
    blocks = [rest[i:i + 8] for i in range(0, len(rest), 8)]
    return _hu_block_ok(digits[:8]) and (_hu_block_ok(rest) or all(_hu_block_ok(b) for b in blocks))


def _hungarian(text: str) -> Iterator[Found]:
    for m in _HU.finditer(text):
        if _hu_ok(_digits(m.group(1))) or _HU_CUE.search(_window(text, m.start())) \
                or _HU_CUE_AFTER.match(text, m.end()):
            yield "BANK_ACCOUNT", m.start(1), m.end(1), 0.85


def _moroccan(text: str) -> Iterator[Found]:
    for m in _RIB.finditer(text):
        # a RIB's layout is its own: its name may be in the turn before ("votre rib ?\\nappelant : 011 780 …")
        if int(_digits(m.group(1))) % 97 == 0 or _RIB_CUE.search(text, max(0, m.start() - _SENTENCE_BACK), m.start()):
            yield "BANK_ACCOUNT", m.start(1), m.end(1), _WHOLE


# ---- an Argentine CBU alias ------------------------------------------------------------------------------------------
_ALIAS = re.compile(r"(?i:\balias\b)")
_ALIAS_WORD = r"[a-zñ0-9]{1,20}"
_ALIAS_VALUE = re.compile(rf"(?<![\w@./:-])({_ALIAS_WORD}(?:[.-]{_ALIAS_WORD}){{1,4}})(?![\w@-]|[.-]\w)", re.IGNORECASE)
_ALIAS_SAID = re.compile(rf"(?<![\w@./-])({_ALIAS_WORD}(?:[ \t](?:punto|ponto)[ \t]{_ALIAS_WORD}){{1,4}})(?![\w@])",
                         re.IGNORECASE)
_WEB_END = re.compile(r"(?i:\.(?:com|net|org|ar|br|mx|es|edu|gob|gov|io|co|uk|de|fr|info|html?|php|pdf|jpe?g|png)\Z)")
_ALIAS_GAP = 45  # "mi alias de Mercado Pago es …", "te paso el alias para la devolución: …"


def _alias_words(m: re.Match[str]) -> list[str] | None:
    """The words of an alias-shaped value, or None when it is no alias (a web address, a file, a decimal)."""
    value = m.group(1)
    words = [w for w in re.split(r"[.\- \t]+", value) if w.lower() not in ("punto", "ponto")]
    if "www" in value.lower() or _WEB_END.search(value) or sum(any(c.isalpha() for c in w) for w in words) < 2 \
            or not 6 <= len("".join(words)) <= 24:
        return None
    return words


def _near(a: str, b: str) -> bool:
    """Two aliases of one length or one apart that differ in at most two characters (a typo, a swap), or of as many
    words, all but one the same ("sol.playa.nube" for "sol.playa.luna")."""
    wa, wb = re.split(r"[.\- \t]+", a), re.split(r"[.\- \t]+", b)
    if a != b and len(wa) == len(wb) >= 3 and sum(x != y for x, y in zip(wa, wb, strict=True)) == 1:
        return True
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 2
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _alias(text: str) -> Iterator[Found]:
    """An alias after "alias" (the first alias-shaped value within _ALIAS_GAP characters of its line), and the other
    alias of a mistyped transfer: an alias-shaped value of the message one or two characters from one found."""
    if "alias" not in text.lower():
        return
    found: list[tuple[int, int, str]] = []
    for cue in _ALIAS.finditer(text):
        end = text.find("\n", cue.end())
        stop = min(cue.end() + _ALIAS_GAP + 40, len(text) if end < 0 else end)
        for pattern in (_ALIAS_VALUE, _ALIAS_SAID):
            for m in itertools.islice(pattern.finditer(text, cue.end(), stop), 6):
                if m.start() - cue.end() > _ALIAS_GAP:
                    break
                if _alias_words(m) is not None:
                    found.append((m.start(1), m.end(1), m.group(1).lower()))
                    break
            else:
                continue
            break
        if len(found) >= CAP:
            break
    for start, end, _ in found:
        yield "BANK_ACCOUNT", start, end, 0.85
    if found:
        for m in itertools.islice(_ALIAS_VALUE.finditer(text), 40):
            value = m.group(1).lower()
            if all(m.start(1) != s for s, _, _ in found) and _alias_words(m) is not None \
                    and any(_near(value, v) for _, _, v in found):
                yield "BANK_ACCOUNT", m.start(1), m.end(1), 0.8


# ---- a bare account number after the account words of more languages -------------------------------------------------
# the account words: a strong one names a bank account by itself ("kontonummer", "số tài khoản", "numer konta"); a
# weak one ("compte", "konto", "tài khoản", "akaun", "účet", "hesap", "حساب") is any account's, a bank's only where the
# message speaks of a bank, or of money moved and of no utility or telecom ("ma facture Hydro … compte 6598 1120 443")
_STRONG_WORD = re.compile(
    r"(?i:खाता[ \t]?(?:संख्या|नंबर|नम्बर|क्रमांक)|खाते[ \t]?(?:संख्या|नंबर|नम्बर)|"
    r"(?<!\w)s[ốô][ \t]t[àa]i[ \t]kho[ảa]n|\bstk\b|"
    r"\b(?:nombor|nomor|no\.?)[ \t]akaun\b|\bnomor[ \t]rekening\b|\bno\.?[ \t]?rek(?:ening)?\.?(?!\w)|"
    r"\b(?:num[ée]ro[ \t]de[ \t]|n[°º][ \t]?de[ \t])?compte[ \t]bancaire\b|"
    r"\bkonto(?:nummer|nr\.?|numer)\b|\bnumer[ \t]konta\b|\b(?:nr|numer)[ \t]rachunku\b|"
    r"\b[čc][ií]sl[oa][ \t](?:bankovn[ií]ho[ \t])?[úu][čc]tu\b|\bsz[áa]mlasz[áa]m\w{0,4}|"
    r"\bnumero[ \t]di[ \t]conto\b|\bconto[ \t]corrente\b|\bcont[ \t]bancar\b|"
    r"\bhesap[ \t]?(?:no|numara(?:s[ıi]|m)?)\b|\bIBAN'?s[ıi]z\b|رقم[ \t]الحساب)")
_WEAK_WORD = re.compile(
    r"(?i:खात[ाे]|(?<!\w)t[àa]i[ \t]kho[ảa]n|\bakaun(?:ti)?\b|\brekening\b|"
    r"\b(?:num[ée]ro[ \t]de[ \t]|n[°º][ \t]?de[ \t])?compte\b|\bkont[oa]\b|\brachun(?:ek|ku|kiem)\b|"
    r"\b(?:na[ \t])?[úu][čc](?:et|tu)\b|\brek\b\.?|\bconto\b|\bcontul\b|\bhesab[ıi]m?\b|\bhesap\b|ال?حساب[يه]?)")
_BANK_WORD = re.compile(
    r"(?i:bank|banque|banca|banco|bancaire|bancar|ngân[ \t]hàng|\biban\b|\brib\b|\bifsc\b|\bupi\b|\bneft\b|"
    r"\bimps\b|\bswift\b|\bbic\b|\breg\.?[ \t]?nr|\breg\.?[ \t:]{1,3}\d{4}\b|clearing|बैंक|بنك|مصرف|\bbsb\b|sort[ \t]code)")
_MONEY_WORD = re.compile(
    r"(?i:chuyển[ \t](?:khoản|nhầm|tiền)|lương|hoàn[ \t]tiền|refund|rembours|virement|transf[eé]r|zwrot|przelew|"
    r"przel[aeo]|vrácen|refusion|tilba[gk]e|återbetal|[uo]tbetal|udbetal|betal|bezahl|\bpaid\b|pay[ée]|převod|mzd[ayu]|wynagrodz|salaire|\bl[øö]n|gehalt|überweis|gaji|pindah|deposit|dépôt|"
    r"kaucj|kaution|caution|maaş|havale|iade|rimbors|bonifico|stipendio|rambursa|salariu|पैसे|रिफंड|वेतन|"
    r"تحويل|حول|استرجاع|راتب|\bpesa\b|mshahara|\btuma\b|imetoka)")
_SERVICE_WORD = re.compile(
    r"(?i:électri|electri|hydro|\bgaz\b|\bgas\b|internet|\bcell\b|cellulaire|mobile|forfait|abonnement|fibre|"
    r"\bbox\b|strom|handy|mobilfunk|điện|nước|cước|viễn[ \t]thông|wi-?fi|\bsim\b|elektrik|doğalgaz|prąd|"
    r"energi|elektřin|plyn|recharge|रिचार्ज|बिजली|dstv|\btv\b|télé|\bgym\b|broadband|telefon|téléphon|\beau\b|"
    r"water|kahraba|كهرباء|انترنت)")
_TO_NUMBER = re.compile(r"[ \t]{0,2}(?:[:#=?-][ \t]{0,2})?(?:(?i:n[°º]|no\.?|nr\.?|č\.|số|s[ốô]|num[ée]ro|number|"
                        r"nummer|nomor|nombor|saya|yangu|dyali|mwen|mon|mein|mój|moje|mitt|min|mi|my|mere|मेरा|का|"
                        r"में|से|của[ \t](?:tôi|em|mình|anh|chị)(?:[ \t]là)?|là|ist|est|es|é|jest|je)[ \t:.?]{1,3}){0,2}"
                        r"(?:[A-Z]{2,6}[ \t]{1,2})?")  # a bank's initials: "rekening BCA 5270 881 234"
_ACCOUNT_RUN = re.compile(r"(?<![\w.,/+#-])(\d(?:[ -]?\d){7,19})(?![\w/@-]|[.,]\d|[ -]\d)")
# the same window naming another number: an order, invoice, tracking, policy, meter, customer or contract number
_OTHER_NUMBER = re.compile(
    r"(?i:order|invoice|tracking|track|policy|meter|customer|client|contract|consumer|subscriber|ticket|booking|"
    r"commande|facture|suivi|colis|police|compteur|contrat|abonn|dossier|r[ée]f[ée]rence|"
    r"bestell|rechnung|kunde|vertrag|z[äa]hler|sendung|"
    r"zam[óo]wien|faktur|umow|licznik|klient|przesy[łl]k|polis|"
    r"objedn|smlouv|zmluv|z[áa]kazn|elektrom|plynom|vodom|z[áa]silk|"
    r"đơn[ \t]hàng|hóa[ \t]đơn|hoá[ \t]đơn|hợp[ \t]đồng|khách[ \t]hàng|công[ \t]tơ|vận[ \t]đơn|mã[ \t]đơn|"
    r"pesanan|invois|\bbil\b|kontrak|pelanggan|tempahan|resit|"
    r"ऑर्डर|बिल|चालान|पॉलिसी|मीटर|ग्राहक|अनुबंध|उपभोक्ता|"
    r"sipari[şs]|fatura|abone|s[öo]zle[şs]me|sayac|"
    r"ordine|fattura|contratto|cliente|comand[ăa]|factur|"
    r"sz[áa]mla[ \t]?sorsz|rendel[ée]s|szerz[őo]d|\bügyf)")
_WINDOW_BEFORE_CUE = 30
_MAX_CUES = 200  # account words read a message at most (a dump of them is no message)
# a piece of every account word above, lower-cased: a message with none of them is not read by the patterns
_STEMS = ("खात", "kho", "stk", "akaun", "rek", "compte", "kont", "rachun", "čet", "čtu", "cet", "ctu", "ucet", "uct",
          "számla", "szamla", "conto", "cont", "hesap", "hesab", "iban", "حساب")


def _a_bank_message(text: str) -> bool:
    return bool(_BANK_WORD.search(text) or (_MONEY_WORD.search(text) and not _SERVICE_WORD.search(text)))


def _after_account_words(text: str) -> Iterator[Found]:
    low = text.lower()
    if not any(stem in low for stem in _STEMS):
        return
    weak = _WEAK_WORD.finditer(text) if _a_bank_message(text) else iter(())
    for cue in itertools.islice(itertools.chain(_STRONG_WORD.finditer(text), weak), _MAX_CUES):
        link = _TO_NUMBER.match(text, cue.end())
        at = link.end() if link else cue.end()
        m = _ACCOUNT_RUN.match(text, at)
        if m is None:
            continue
        window = _window(text, cue.start(), _WINDOW_BEFORE_CUE) + text[cue.start():m.start()]
        if _OTHER_NUMBER.search(window):
            continue
        yield "BANK_ACCOUNT", m.start(1), m.end(1), 0.85


def find_national_accounts(text: str) -> Iterator[Found]:
    """The forms of the module's docstring, at most CAP a message."""
    if not any(c.isdigit() for c in text):  # an alias said with "punto" needs no digit
        return itertools.islice(_alias(text), CAP)
    return itertools.islice(itertools.chain(_czech(text), _polish(text), _hungarian(text), _moroccan(text),
                                            _alias(text), _after_account_words(text)), CAP)
