"""Ids and bank accounts read aloud after the question or the label that names them (session 45, candidate 45-9, issue 21).

A caller reads a national id, a tax or social-security number, a passport's number or a bank account in the number
words of their language, in groups the finders before did not join or after a cue they did not know: Vietnamese
("không một bốn một, không không không, tám tám bốn" after "số tài khoản"), Korean Sino digits written a group to a
word, short groups too ("삼이공 이공 일사 오오칠 팔이" after "계좌번호", "육공이 구삼일사" after "송금"), Thai ("หนึ่ง หนึ่ง
ศูนย์ สาม" after "เลขบัตรประชาชน"), Russian and Ukrainian with tens and hundreds ("восемьдесят восемь, ноль семь,
пятнадцать" after "ИИН", "сорок пять ноль восемь" after "паспорт"), German with its compounds ("vier sieben eins drei,
zwölf null drei fünfundachtzig" after "Sozialversicherungsnummer"), Spanish and French compounds ("veintisiete,
treinta y uno ochocientos cuarenta y siete" after "CUIL", "quatre-vingt-cinq, zéro sept" after "sécu"), with a
letter prefix or suffix ("T R E M, huit quatre zéro trois" after "assurance maladie", "Z K P four four one eight"
after "NHI number") or letters spelled by a word ("A as in apple, K, R", "W wie Wilhelm", "z for zebra").

Here: one pass over the words makes runs of number words (the lexicon of ``pii_spoken_phones``: the digits, teens,
tens, hundreds of the languages above and more, "double" / "triple", Thai written together, Korean digit syllables
read one by one, with thousands and millions folded as ``pii_spoken_numbers`` folds them), single letters (at most
six before the digits, four after) and the words said between groups ("dash", "slash", "guion", "tiret"…). A run is
taken when the nearest cue before it — on its line or the line before (the agent's question) — names an id
(NATIONAL_ID), a passport (PASSPORT) or a bank account (BANK_ACCOUNT; a bare "account", "cuenta", "compte", "счёт",
"tài khoản" only where the message speaks of a bank), and it says at least MIN_DIGITS digits (MIN_LETTERED with a
letter, counting the letters); after "social" (a US Social Security number: SSN) exactly nine. Never when the nearest
cue names a phone, an order, a reference, a booking, a meter, a customer's or a utility's account, a card, an IBAN, a
Pix key ("chave"), a code, a date of birth, an amount or the last digits (those are read after their own cue, or
kept), never when a currency or an amount's word follows the run, never a run of fewer than three number words, never
an IBAN's shape read out (the IBAN rules'), and never English digit words alone or with a check letter after them
(``pii_spoken_ids`` and ``pii_bank_accounts`` read those; English is taken here only with letters before the digits
or spelled by a word: "Z K P four four one eight", "z for zebra, four four …"). A letter glued to an apostrophe
("it's", "I'm") is no letter of the id, nor a lone vowel before it ("e dois …"), nor letters after it that its clause
goes on past ("… three five, e suppose …").

Linear: one pass over the words; a run's cue is searched once, in at most _WINDOW characters before it; at most CAP
spans a message.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from services.adapters.local import (
    pii_bank_accounts,
    pii_native_digits,
    pii_spoken_ids,
    pii_spoken_numbers,
    pii_spoken_phones,
)

Found = tuple[str, int, int, float]

CAP = 16
MAX_CHARS = 20_000  # a call is read this far: an id read aloud sits in a transcript's first pages
MIN_DIGITS = 7
MIN_LETTERED = 7  # letters and digits together, with at least MIN_LETTERED_DIGITS digits ("Z K P four four one eight")
MIN_LETTERED_DIGITS = 4
MAX_DIGITS = 24
MAX_LEAD, MAX_TAIL = 6, 4
_WINDOW = 240

_GERMAN_UNITS = {"ein": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9}
_GERMAN_TENS = {"zwanzig": 20, "dreißig": 30, "dreissig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60,
                "siebzig": 70, "achtzig": 80, "neunzig": 90}
_GERMAN = re.compile(r"(ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)und(zwanzig|dreißig|dreissig|vierzig|fünfzig|"
                     r"sechzig|siebzig|achtzig|neunzig)")
_KOREAN = pii_spoken_phones._KOREAN
_BETWEEN = frozenset("dash hyphen slash stroke guion guión raya barra tiret trait strich schrägstrich lomeno "
                     "lomítko ponto punto traço tracinho clé clef".split())  # "… zéro quarante-cinq, clé vingt-trois": a French NIR's key
# a letter said by its Spanish or Italian name ("equis, uno dos …, ele"): the longer names, never "de", "te", "e"
_LETTER_NAMES = {w: c for w, c in pii_spoken_ids._LETTER_NAMES.items() if len(w) >= 3}
_JOINERS = frozenset("y e et und".split())  # inside a compound ("treinta y uno", "soixante et un"); not Pidgin "na"
_REPEAT = pii_spoken_phones._REPEAT
_NEEDS_NEIGHBOUR = pii_spoken_phones._NEEDS_NEIGHBOUR | {"do", "ba", "hai", "on"}
# a letter spelled by a word: "A as in apple", "z for zebra", "W wie Wilhelm", "B comme Bernard", "J de Juan"
_SPELLED_BY = re.compile(r"(?i)[ \t]{1,2}(?:(?:as[ \t]{1,2}in|for|wie|comme|como|de)[ \t]{1,2}[^\W\d_]{2,20}|griega)(?![\w'’])")
# a letter that is a word of its clause: "it's", "I'm", a vowel that is a conjunction or an article ("e suppose")
_APOSTROPHE = frozenset("'’")
_CLAUSE_END = re.compile(r"[ \t]{0,2}(?:[,.;!?)\n]|\Z)")
_GAP = pii_spoken_phones._GAP
_IBAN = re.compile(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}")  # 15 characters or more (Norway's are the shortest)
_PIX_KEY = re.compile(r"(?i)(?<![\w])chave(?![\w])")
# English number words: a run of them alone, with no letter, is pii_spoken_ids' and pii_bank_accounts' to read (but
# a US Social Security number after "social", which they do not read)
_ENGLISH = frozenset("zero oh nought one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                     "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty "
                     "ninety hundred".split())

# ---- the cues ---------------------------------------------------------------------------------------------------
_L = r"(?<![\w@])(?:{})(?![\w@])"
_ID_LATIN = (
    pii_spoken_ids._ID_CUE + "|"
    r"cuil|cuit|nss|n[úu]mero[ \t]de[ \t](?:la[ \t])?seguridad[ \t]social|seguridad[ \t]social|seguro[ \t]social|"
    r"sozialversicherungs(?:nummer)?|sv-?nummer|(?:kranken)?versichertennummer|svnr|steuer-?identifikationsnummer|"
    r"steuernummer|identifikationsnummer|"
    r"(?:num[ée]ro[ \t]d['’])?assurance[ \t](?:maladie|sociale)|ramq|(?-i:NAS|NIR)|s[ée]curit[ée][ \t]sociale|s[ée]cu|"
    r"medicaid(?:[ \t](?:id|number))?|(?-i:SHA)|(?:namba|nambari)[ \t]ya[ \t]sha|pis(?:[ \t]pasep)?|pasep|"
    r"num[ée]ro[ \t]fiscal|(?:num[ée]ro[ \t]de[ \t])?registre[ \t]national|num[ée]ro[ \t]national|"
    r"rijksregister(?:nummer)?|nhi(?:[ \t]number)?|ird(?:[ \t]number)?|tfn|medicare(?:[ \t]number)?|"
    r"(?:holder|owner)['’]s[ \t]id(?:[ \t]number)?|"
    r"иин|инн|снилс|іпн|рнокпп|ідентифікаційн\w{0,4}(?:[ \t]код\w{0,3}|[ \t]номер\w{0,3})?|"
    r"идентификационн\w{0,4}(?:[ \t]номер\w{0,3})?|личн\w{0,3}[ \t]номер\w{0,3}|"
    r"c[ăa]n[ \t]c[ưu][ớo]c(?:[ \t]c[ôo]ng[ \t]d[âa]n)?|cccd|cmnd|s[ốo][ \t]định[ \t]danh|m[ãa][ \t]s[ốo][ \t]thu[ếe]"
)
# a US Social Security number ("for verification, the full social"); a Canadian social insurance number is an id
_SSN = (r"ssn|social(?![ \t](?:insurance|media|work\w{0,3}|services?|housing|care|club|welfare|security[ \t]"
        r"(?:administration|office)))(?:[ \t]security)?(?:[ \t](?:number|no\.?|#))?")
_ID_GLUED = (r"주민등록(?:번호)?|주민[ \t]?번호|외국인[ \t]?등록(?:번호)?|사업자[ \t]?등록(?:번호)?|"
             + pii_native_digits._ID_CUES)
_PASSPORT_LATIN = (r"passport(?:[ \t](?:number|no\.?|#))?|pasaporte|passaporte|passaporto|passeport|reisepass|"
                   r"passnummer|paszport|pasaport|paspor|h[ộo][ \t]chi[ếe]u|паспорт\w{0,3}|закордонн\w{0,4}")
_PASSPORT_GLUED = r"여권(?:[ \t]?번호)?|หนังสือเดินทาง|หมายเลขพาสปอร์ต|พาสปอร์ต"
# a bank's own account: the words say so
_BANK_LATIN = (r"bank[ \t]account(?:[ \t](?:number|no\.?|#))?|account[ \t]number[ \t]at[ \t]the[ \t]bank|clabe|"
               r"cbu|cvu|cuenta[ \t](?:bancaria|de[ \t]ahorros?|corriente|de[ \t]banco|del[ \t]banco)|"
               r"compte[ \t]bancaire|num[ée]ro[ \t]de[ \t]compte[ \t]bancaire|(?-i:RIB)|bankkonto|kontonummer|konto-?nr\.?|"
               r"bankverbindung|s[ốo][ \t]t[àa]i[ \t]kho[ảa]n(?:[ \t]ng[âa]n[ \t]h[àa]ng)?|"
               r"банковск\w{0,3}[ \t]сч[её]т\w{0,3}|расч[её]тн\w{0,3}[ \t]сч[её]т\w{0,3}|номер[ \t]сч[её]та|"
               r"номер[ \t]рахунку|банківськ\w{0,3}[ \t]рахун\w{0,3}|карточн\w{0,3}[ \t]сч[её]т\w{0,3}|"
               r"rekening|norek|no[ \t]rek|akaun[ \t]bank")
_BANK_GLUED = r"계좌(?:[ \t]?번호)?|입금[ \t]?계좌|송금|" + pii_native_digits._BANK_CUES
# an account's word alone: a bank's only where the message speaks of a bank
# (English "account number" is a utility's or a shop's as often: pii_bank_accounts reads it in a call about a bank)
_ACCOUNT_LATIN = (r"cuenta|n[úu]mero[ \t]de[ \t]cuenta|compte|"
                  r"num[ée]ro[ \t]de[ \t]compte|conto|konto|t[àa]i[ \t]kho[ảa]n|сч[её]т\w{0,3}|рахун\w{0,3}|nombor[ \t]akaun|"
                  r"akaun")
_ACCOUNT_GLUED = r"บัญชี"
# a message about a bank: a bank's own word, or a transfer's in a call to no utility, telecom or shop
_BANK_WORDS = re.compile(
    r"(?i)(?<![\w])(?:bank\w{0,4}|banco|banque|bancaire|banca|ng[âa]n[ \t]h[àa]ng|vietcombank|techcombank|vietinbank|"
    r"bidv|agribank|mb[ \t]?bank|vpbank|tpbank|sacombank|банк\w{0,4}|swift|bic|bsb|sort[ \t]code|routing)"
    r"(?![\w])|은행|뱅크|ธนาคาร")
_TRANSFER_WORDS = re.compile(
    r"(?i)(?<![\w])(?:transfer\w{0,4}|überweis\w{0,4}|virement|transferencia|chuy[ểe]n[ \t](?:kho[ảa]n|ti[ềe]n)|"
    r"перевод\w{0,3}|переказ\w{0,3})(?![\w])|이체|송금|โอนเงิน")
# what is read after its own cue: a phone, a customer's, a utility's or a service's account, an order, a reference, a
# card, a code, a birth date, an amount, the last digits
_OTHER = (
    r"(?:customer|client|utility|billing|service|subscriber|member|loyalty|player|energy|gas|electric\w{0,3}|water|"
    r"broadband|internet|mobile|phone)[ \t](?:account|acct)(?:[ \t](?:number|no\.?|#))?|"
    r"n[úu]mero[ \t]de[ \t]cuenta[ \t](?:de[ \t])?(?:cliente|contrato|servicio)|num[ée]ro[ \t]de[ \t]compte[ \t]client|"
    r"compte[ \t]client|kundenkonto|лицев\w{0,3}[ \t]сч[её]т\w{0,3}|особов\w{0,3}[ \t]рахун\w{0,3}|"
    r"m[ãa][ \t]kh[áa]ch[ \t]h[àa]ng|iban|quot(?:e|ing)|(?:nomor|no)[ \t]kartu\w{0,3}|kartu[ \t](?:kredit|debit|atm)|"
    r"date[ \t]of[ \t]birth|dob|birthday|fecha[ \t]de[ \t]nacimiento|date[ \t]de[ \t]naissance|geburtsdatum|"
    r"ngày[ \t]sinh|дат\w{0,2}[ \t]рождения|дат\w{0,2}[ \t]народження|amount|montant|monto|importe|betrag|summe|"
    r"сумм\w{0,3}|сум\w{0,3}|s[ốo][ \t]ti[ềe]n|"
    + pii_spoken_phones._PHONE_CUE + "|" + pii_spoken_ids._OTHER_CUE + "|" + pii_spoken_numbers._KEEP_CUE
)
_OTHER_GLUED = (r"생년월일|금액|전화번호|휴대폰|핸드폰|연락처|주문번호|카드번호|카드|접수번호|송장번호|고객번호|"
                r"วันเกิด|จำนวนเงิน|เบอร์โทร|เบอร์|หมายเลขโทรศัพท์|เลขพัสดุ|บัตรเครดิต")
_CUES = re.compile(
    "(?i)(?P<SSN>" + _L.format(_SSN) + ")"
    "|(?P<NATIONAL_ID>" + _L.format(_ID_LATIN) + "|" + _ID_GLUED + ")"
    "|(?P<PASSPORT>" + _L.format(_PASSPORT_LATIN) + "|" + _PASSPORT_GLUED + ")"
    "|(?P<BANK_ACCOUNT>" + _L.format(_BANK_LATIN) + "|" + _BANK_GLUED + ")"
    "|(?P<ACCOUNT>" + _L.format(_ACCOUNT_LATIN) + "|" + _ACCOUNT_GLUED + ")"
    "|(?P<OTHER>" + _L.format(_OTHER) + "|" + _OTHER_GLUED + ")")
_CURRENCY_AFTER = re.compile(r"(?i)[ \t,]{0,2}(?:원|만|천|억|บาท|рубл\w{0,3}|гривен\w{0,3}|грн|тенге|đồng|đ\b|"
                             r"triệu|nghìn|ngàn|euros?|€|pesos?|dollars?|francs?)")


class _Run:
    """A run of number words and letters: where it lies, the number being said, its parts."""

    __slots__ = ("start", "end", "number", "said", "digit_words", "parts", "link", "foreign")

    def __init__(self) -> None:
        self.start, self.end, self.said, self.digit_words, self.link, self.foreign = -1, -1, "", 0, -1, False
        self.number = pii_spoken_numbers._Run()
        self.parts: list[tuple[int, int, str]] = []  # (start, end, "9" a number word or "L" a letter)

    def close(self) -> None:
        self.said += self.number.digits()
        self.number = pii_spoken_numbers._Run()

    def digits(self) -> str:
        return self.said + self.number.digits()


def _fold(run: _Run, cls: str, value: int, plain: bool) -> None:
    """Fold a number word into the run's number (``pii_spoken_numbers._step``), closing it first after a comma or a
    pause, and joining "dix-sept", "soixante-dix-huit" as ``pii_spoken_phones`` does."""
    number = run.number
    if not plain and number.value >= 0:
        run.close()
        number = run.number
    if plain and cls == "U" and number.cls == "T" and number.value % 100 in (10, 70, 90) and value >= 7:
        number.value += value
        return
    pii_spoken_numbers._step(number, cls, value)


def _tokens(text: str) -> Iterator[tuple[int, int, str]]:
    """``pii_spoken_phones._words`` with Korean digit words of one or two syllables (a particle after them) split into
    their syllables too ("이공", "구공으로")."""
    prev_end = -1
    for start, end, word in pii_spoken_phones._words(text):
        glued, prev_end = start == prev_end, end  # the rest of a word split already ("이요" after "칠칠팔이공")
        if "\uac00" <= word[0] <= "\ud7a3" and not glued:
            digits = len(word)
            if not all(c in _KOREAN for c in word):
                tail = next((t for t in pii_spoken_phones._KOREAN_TAILS if word.endswith(t) and len(word) > len(t)), "")
                digits = len(word) - len(tail) if tail and all(c in _KOREAN for c in word[:-len(tail)]) else 0
            if digits:
                for k in range(digits):
                    yield start + k, start + k + 1, "ko:" + word[k]
                if digits < len(word):
                    yield start + digits, end, word[digits:]
                continue
        yield start, end, word


def _entry(word: str) -> tuple[str, int] | None:
    entry = pii_spoken_phones._LEX.get(word)
    if entry is not None:
        return entry
    if word in pii_spoken_phones._THAI:
        value = pii_spoken_phones._THAI[word]
        return ("Z" if value == 0 else "U"), value
    german = _GERMAN.fullmatch(word)
    if german:
        return "D", _GERMAN_TENS[german.group(2)] + _GERMAN_UNITS[german.group(1)]
    return None


def _runs(text: str) -> Iterator[_Run]:
    tokens = list(_tokens(text))
    run = _Run()
    repeat, skip_to = 1, -1
    for i, (start, end, word) in enumerate(tokens):
        if start < skip_to:
            continue
        joined = bool(run.parts) and _GAP.fullmatch(text, run.link, start) is not None
        if run.parts and not joined:
            yield run
            run, repeat = _Run(), 1
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        nxt_entry = _entry(nxt[2]) if nxt and _GAP.fullmatch(text, end, nxt[0]) is not None else None
        entry = _entry(word)
        if entry is not None and word.startswith("ko:") and not run.parts and not nxt_entry:
            entry = None  # a lone digit syllable ("이", "사") is a word
        if entry is not None and not run.parts and word in _NEEDS_NEIGHBOUR and nxt_entry is None \
                and (nxt is None or nxt[2] not in _REPEAT):
            entry = None
        if entry is not None:
            if not run.parts:
                run.start = start
            plain = run.number.value >= 0 and pii_spoken_phones._plain(text, run.end, start)
            for _ in range(repeat):
                _fold(run, entry[0], entry[1], plain)
                plain = False
            repeat = 1
            run.parts.append((start, end, "9"))
            run.foreign = run.foreign or word not in _ENGLISH
            run.end = run.link = end
            continue
        if word in _REPEAT and nxt_entry is not None:
            repeat = _REPEAT[word]
            if not run.parts:
                run.start = start
            run.link = end
            continue
        if run.parts and (word in _BETWEEN or (word in _JOINERS and nxt_entry is not None)):
            if word in _BETWEEN:
                run.close()
            run.link = end
            continue
        name = _LETTER_NAMES.get(word, "") if run.parts or word in pii_spoken_ids._LEAD_NAMES else ""
        if (word == "zed" or (len(word) == 1 and "a" <= word <= "z") or name) and text[start - 1:start] not in _APOSTROPHE \
                and text[end:end + 1] not in _APOSTROPHE:
            spelled = _SPELLED_BY.match(text, end)
            if not run.parts:
                run.start = start
            run.close()
            run.said += "Z" if word == "zed" else name or word.upper()
            tail = spelled.end() if spelled else end
            run.parts.append((start, tail, "L"))
            run.end = run.link = skip_to = tail
            continue
        if run.parts:
            yield run
        run, repeat = _Run(), 1
    if run.parts:
        yield run


def _trimmed(text: str, run: _Run) -> tuple[int, int, int] | None:
    """The run's span with at most MAX_LEAD letters before its first number word and MAX_TAIL after its last, and the
    letters it keeps; None when it holds no number word or a longer spelled word. A lone vowel before the number ("e
    dois três": a conjunction) is left out, and so are letters after it that its clause goes on past ("… three five,
    e suppose be …")."""
    at = [i for i, p in enumerate(run.parts) if p[2] == "9"]
    if not at:
        return None
    lead, tail = run.parts[:at[0]], run.parts[at[-1] + 1:]
    if len(lead) > MAX_LEAD or len(tail) > MAX_TAIL:
        return None  # a word spelled beside the number
    if len(lead) == 1 and lead[0][1] - lead[0][0] == 1 and text[lead[0][0]].lower() in "eiouy":
        lead = []
    if tail and not _CLAUSE_END.match(text, tail[-1][1]):
        tail = []
    parts = [*lead, *run.parts[at[0]:at[-1] + 1], *tail]
    letters = sum(1 for p in parts if p[2] == "L")
    return parts[0][0], parts[-1][1], letters


def _lettered(text: str, run: _Run, start: int) -> bool:
    """Does the run open with its letters ("Z K P four …"), or spell one by a word ("A as in apple")?"""
    return text[start:start + 1].isalpha() and run.parts[0][2] == "L" and run.parts[0][0] == start or any(
        p[2] == "L" and p[1] - p[0] > 3 for p in run.parts)


def _kind(text: str, start: int, run_digits: str) -> str | None:
    last, window_start = pii_spoken_numbers.nearest_cue(text, start, _CUES, _WINDOW, "OTHER")
    if last is None or last.lastgroup == "OTHER" or _PIX_KEY.search(text, window_start, start):
        return None  # a Pix key that is a CPF or a phone is the key: an account's
    if last.lastgroup == "ACCOUNT":
        bank = _BANK_WORDS.search(text) or (_TRANSFER_WORDS.search(text) and not pii_bank_accounts._SERVICE_CALL.search(text))
        return "BANK_ACCOUNT" if bank else None
    if last.group().startswith("송금") and run_digits.startswith("01"):
        return None  # a transfer to a Korean mobile (010…): a phone's number
    if "kartu" in last.group().lower():
        return None  # "nomor kartunya": a card's number as often as a BPJS card's (pii_spoken_ids reads those)
    return last.lastgroup


def _found(text: str) -> Iterator[Found]:
    for run in _runs(text):
        trimmed = _trimmed(text, run)
        if trimmed is None:
            continue
        start, end, letters = trimmed
        chars = run.digits()
        digits = sum(c.isdigit() for c in chars)
        words = sum(1 for p in run.parts if p[2] == "9")
        if words < 3 or digits > MAX_DIGITS:
            continue
        if not (digits >= MIN_DIGITS or (letters and digits >= MIN_LETTERED_DIGITS and len(chars) >= MIN_LETTERED)):
            continue
        if _CURRENCY_AFTER.match(text, end) or pii_spoken_numbers._CURRENCY_AFTER.match(text, end) or \
                pii_spoken_phones._CURRENCY_AFTER.match(text, end):
            continue
        kind = _kind(text, start, chars)
        if _IBAN.fullmatch(chars) or (not run.foreign and kind != "SSN" and not _lettered(text, run, start)):
            continue  # an IBAN read out is the IBAN rules'; English digits alone, or with a check letter, are theirs
        if kind is not None and (kind != "SSN" or digits == 9):  # a US SSN has nine digits
            yield kind, start, end, 0.9


def find_said_ids(text: str) -> list[Found]:
    """The ids and accounts of the module's docstring, at most CAP, in the first MAX_CHARS characters (the cue pattern's
    glued alternatives cost ~3.5 µs a character: 0.7 s on 200,000 hostile characters before this cap, session 45)."""
    text = text[:MAX_CHARS]  # offsets unchanged: the window starts at 0
    if len(text) < 16 or not _CUES.search(text):
        return []
    return list(itertools.islice(_found(text), CAP))
