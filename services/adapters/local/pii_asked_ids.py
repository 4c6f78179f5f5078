"""A national id or a date of birth given whole as the answer to the turn that asks for it (session 47, candidate 47-4).

An agent's turn asks for an identity number or a date of birth ("konsultant: poproszę PESEL", "Agentti: voinko saada
henkilötunnuksen?", "agent: cnic ke last four digits", "Оператор: назвіть РНОКПП", "agent: and your NRC", "เจ้าหน้าที่:
วันเกิดครับ", "Agent: aur date of birth?") and the caller's next turn is nothing but the value: digits in any script,
spaced one by one, grouped with dashes or slashes ("8 5 0 3 1 2 0 4 5 8 6", "230885-4624", "3 0 9 1 4 4 slash 6 1
slash 1", "٢٩٠٠٥١٢٠١٠٤٤٧٨"), number words of the languages ``pii_spoken_phones`` reads, single letters, an id's
letter group ("GHA-…", "MORRI 758112 SJ9AB"), Devanagari letter names ("ए बी सी पी…"); a date in any layout or
words ("12 มีนาคม 2535ค่ะ", "१४१२/०७/१८ هـ", "paanch march unnees sau chhiyasi", "1993-yil 4-aprel"). The finders
before read such values only after a cue on the same line or in the shapes they knew, and missed these.

:func:`with_asked_ids` (wired after the cued native-script finders in both detectors) adds the whole value as
``NATIONAL_ID`` or ``DOB`` and drops the spans it holds:

- the question: a dialogue line with a speaker's label whose last cue (``pii_said_ids``' cues and the names below)
  names a national id (never a phone, an account, a card, an order, a policy, a reference…: the last cue decides) or a
  date of birth (``pii_bank_dob``'s cue); "last four / three digits of the id" asks for 3 or 4 digits only;
- the answer: the next line, under another label, whose whole content (after a greeting's "yes" and before a
  politeness particle: "ค่ะ", "요", "po", "ji", "please") is the value; an id has 6 digits or more and 7 characters
  with its letters, a date a month's name, 3 digits or 2 number words, at most 10 words; never a line with "?", a
  correction ("sorry", "...", "no,") or a word that is not a number, a letter, a month, a date's joiner or a separator;
- the agent's read-back of an id answer on the next line ("Agent Amaka: 24188309172") is the same id.

A kept value (a ``keep`` range) is never taken. Linear: one pass over the first _MAX_LINES lines of the first MAX_CHARS characters; at most
CAP spans a message.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from services.adapters.local import pii_bank_dob, pii_native_digits, pii_said_ids
from services.models import PiiSpan

CAP = 8
MAX_CHARS = 20_000
_MAX_LINE = 400
_MAX_QUESTION = 240  # an agent's question is short
_MAX_LINES = 200  # a call's first lines: the questions for an id come early (and the hostile text's cost is bounded)
MIN_ID_DIGITS = 6
MIN_ID_CHARS = 7
MAX_ID_CHARS = 24

# a dialogue line's speaker label: a time stamp allowed before it, at most four words (a name in brackets too)
_LABEL = re.compile(r"[ \t]{0,4}(?:\[[^\]\n]{1,24}\][ \t]{0,2})?([^\W\d_][^\n:：\d]{0,38}?)[ \t]{0,2}[:：][ \t]{0,4}")
# the names of ids the shared cues lack (the last cue of the question decides its kind)
_EXTRA_ID = re.compile(
    r"(?i)(?<![\w@])(?:jmbg|егн|fin[ \t]kod\w{0,4}|(?-i:SIN|BI|FIN|PAN|MID|NSS|RFC)|nida|curp|pps|mid[ \t]number|pag-?ibig|"
    r"ss[ \t](?:number|no)|sss[ \t](?:number|no)|driver[ \t]number|driving[ \t]licen[cs]e(?:[ \t]number)?|"
    r"(?:numero[ \t]di[ \t])?patente|licen[cs]e[ \t]number|henkilötunnu\w{0,8}|personnummer|fødselsnummer|"
    r"ghana[ \t]card|nrc|nic|nin|iqama|cnic|nid|aadhaa?r|abha(?:[ \t]number)?|pan[ \t](?:number|card)|"
    r"ИИН|ЕГН|ідентифікаційн\w{0,4}[ \t]код\w{0,3}|shanakhti[ \t]card(?:[ \t]number)?|t\.?c\.?[ \t]kimlik\w{0,12}|"
    r"kimlik[ \t]numara\w{0,6}|numéro[ \t]d['’]immatriculation|immatriculation|fayda|identity[ \t]card(?:[ \t]number)?|"
    r"(?:(?:my|your|ur|his|her|their|national|the)[ \t]|^)id(?:[ \t]?card)?(?:[ \t](?:number|no\.?))?)(?![\w@])"
    r"|पैन|आधार|ፋይዳ|የፋይዳ|תעודת[ \t]זהות|주민등록번호|주민번호|주민등록|생년월일")
# the names of a date of birth the shared cue lacks ("janma miti?", "tug'ilgan sanangiz?", "jonmodin")
_EXTRA_DOB = re.compile(r"(?i)(?<![\w])(?:janma[ \t]?miti|janam[ \t]?din|janmadin|jonmo[ \t]?din|tug['’‘]?ilgan[ \t](?:sana|kun)\w{0,4}|"
                        r"d[ \t]?o[ \t]?b|birth[ \t]?day|born[ \t]when|when[ \t]were[ \t]you[ \t]born)(?![\w])"
                        r"|생년월일|생일|วันเดือนปีเกิด|วันเกิด|জন্ম|जन्म|பிறந்த|تاريخ[ \t]الميلاد|تاریخ[ \t]پیدائش|出生|生年月日")
# "the last four digits of your CNIC": three or four digits answer it
_LAST_DIGITS = re.compile(
    r"(?i)(?<![\w])(?:last|final|ending|shesh|aakhri|akhri|aakhiri|últimos?|ultimi|derniers?|letzten)"
    r"[ \t]{1,2}(?:(?:3|4|three|four|teen|char|chaar|tres|cuatro|tre|quattro|trois|quatre|drei|vier)(?![\w])|digits?)"
    r"|শেষ[ \t]চার|आखिरी[ \t]चार|آخری[ \t]چار|கடைசி")
# what a question asks besides (a phone, a card, an account: the value is theirs, kept or read by their own rules)
_NOT_ID = re.compile(r"(?i)(?<![\w])(?:card[ \t](?:number|ending)|phone|mobile|account|policy|order|booking|claim|"
                     r"ticket|reference|ref|member(?:ship)?|customer|transaction|tid|tracking|invoice|contract|otp|pin|"
                     r"passport|pasaporte|passeport|reisepass|iban|wallet|meter|plate|reg(?:istration)?|vin|"
                     r"postcode|zip|postal|amount|code[ \t]postal|player|ride|trip|service|loan|subscriber|"
                     r"pelanggan\w{0,4}|user|login|app|device|employee|staff|student|case|complaint|application|"
                     r"enrol\w{0,6}|insurance|versicherungs\w{0,8}|versicherten\w{0,8}|ssn|social[ \t]security|nric|tarjeta|"
                     r"carte|karte|cart[ãa]o|carta|kartu\w{0,3}|card|pedido|reserva|p[óo]liza|factura|cuenta|"
                     r"tel[ée]fono|celular|m[óo]vil|commande|r[ée]servation|facture|compte|t[ée]l[ée]phone|portable|"
                     r"bestell\w{0,6}|buchung\w{0,4}|rechnung\w{0,4}|konto|handy|telefon\w{0,4}|zam[óo]wieni\w{0,3}|"
                     r"ordine|fattura|conto|cellulare|encomenda|fatura|conta|telem[óo]vel)(?![\w])|전화|카드|계좌|บัญชี|เบอร์")
# a politeness word or particle after the value, a "yes" before it
_TAIL = re.compile(r"(?i)(?:[ \t]{0,2}(?:[,.!…][ \t]{0,2})?(?:ค่ะ|ครับ|คะ|นะคะ|นะครับ|이에요|이요|예요|입니다|요|です|"
                   r"года|году|г\.|року|р\.|po|ji|sir|ma['’]?am|madam|please|haan|na|bhai|sahab|sahib|boss|ya|opo|oo)(?![\w])){1,4}"
                   r"[ \t.!,]{0,4}$|[ \t.!,;]{1,4}$")
_HEAD = re.compile(r"(?i)(?:(?:yes|yeah|yep|sure|ok(?:ay)?|um(?![ \t]{1,2}(?:zero|um|dois|tr[êe]s|quatro|cinco|seis|sete|oito|nove|ponto|de)(?![\w]))|umm|uh|er|erm|ah|ji|haan|opo|oo|sí|si|oui|ja|sim|it['’]s|it[ \t]is|"
                   r"mine[ \t]is|es|é|c['’]est|das[ \t]ist|là|є|это)(?![\w])[ \t,.]{0,3}){1,2}")
_CORRECTION = re.compile(r"(?i)\?|…|\.\.\.|(?<![\w])(?:uh|erm|umm|um(?=[ \t]{1,2}the)|sorry|no|not|perdón|perdon|pardon|scusi|entschuldigung|"
                         r"wait|hold|moment|sec|second|minute|don['’]?t|know|remember)(?![\w])")
_DIGITS = re.compile(r"\d")
_DIGIT_RUN = re.compile(r"\d{1,12}")
_DOTTED_QUAD = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")
_ARTICLE = re.compile(r"(?i)(?:the|el|le|der|am)[ \t]{1,2}(?=\w)")
# a document's name before its number in the answer ("DNI 45391032A", "CC 52 447 918"), or a "TK," the caller adds
_NAME_FIRST = re.compile(r"(?:DNI|NIE|CC|CI|TI|CE|RG|CPF|NIN|NIC|NI|ID|TK|CNIC|PAN|PPS)(?:[ \t]{1,2}|,[ \t]{0,2}|:[ \t]{0,2})(?=\w)")
_TOKEN = re.compile(r"[^ \t,;]+")
_BETWEEN = pii_said_ids._BETWEEN | frozenset({"-", "/", ".", "–", "ponto", "punto", "point"})
# the English letters' names in Devanagari ("ए बी सी पी वाई चार चार एक आठ एल")
_DEVANAGARI_LETTERS = frozenset("ए बी सी डी ई एफ जी एच आई जे के एल एम एन ओ पी क्यू आर एस टी यू वी डब्ल्यू एक्स वाई "
                                "ज़ेड जेड".split())
_SPELLED_BY = frozenset("as for wie comme como de".split())
_KOREAN_DIGITS = frozenset("공영일이삼사오육칠팔구")
_KOREAN_DATE = frozenset("공영일이삼사오육칠팔구십백천년월")
_DATE_MARKS = frozenset("yil yili yilning year years sau hazaar hazar hajar saal sal hijri هـ ه ق.م م سنة عام "
                        "년 월 일 年 月 日 ปี พ.ศ. พ.ศ ค.ศ. th st nd rd".split())
_THAI_WORDS = frozenset(pii_said_ids.pii_spoken_phones._THAI)
_THAI_LONGEST = max(len(w) for w in _THAI_WORDS)


# what may be glued to a date's digits: an ordinal's ending, a Thai month, a year's or a month's mark ("1993-yil",
# "4-aprel", "2535ค่ะ" without its particle)
_SCRIPT_MONTHS = re.compile("(?:" + pii_bank_dob._THAI_MONTHS + "|" + pii_bank_dob._HINDI_MONTHS + ")")
_DATE_GLUED = re.compile(r"(?:st|nd|rd|th|er|e|º|ª|yil|yili|aprel|mart|may|iyun|iyul|avgust|sentabr|oktabr|noyabr|"
                         r"dekabr|yanvar|fevral|년|월|일|年|月|日|" + pii_bank_dob._THAI_MONTHS + ")")


def _thai_number(word: str) -> bool:
    """A word made wholly of Thai number words written together ("สองห้าสามหนึ่ง"); at most 40 characters."""
    if not word or len(word) > 40 or not "\u0e00" <= word[0] <= "\u0e7f":
        return False
    ok = [True] + [False] * len(word)
    for i in range(len(word)):
        if ok[i]:
            for j in range(i + 1, min(len(word), i + _THAI_LONGEST) + 1):
                if word[i:j] in _THAI_WORDS:
                    ok[j] = True
    return ok[-1]


def _lines(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        yield start, end
        start = end + 1


def _labelled(text: str, start: int, end: int) -> tuple[str, int] | None:
    """The line's speaker label (lower-cased) and where its content starts, or None."""
    if end - start > _MAX_LINE:
        return None
    m = _LABEL.match(text, start, end)
    if m is None or m.end() >= end or len(m.group(1).split()) > 4:
        return None
    return m.group(1).strip().lower(), m.end()


def _asks(text: str, start: int, end: int) -> tuple[str, ...]:
    """What the question asks, in the order to try: 'DOB', 'ID', 'LAST' (an id's last digits); () for none."""
    line = text[start:end]
    cues = [(m.end(), "ID" if m.lastgroup == "NATIONAL_ID" else m.lastgroup or "OTHER")
            for m in pii_said_ids._CUES.finditer(line)]
    cues += [(m.end(), "ID") for m in _EXTRA_ID.finditer(line)]
    births = [m.end() for m in itertools.chain(pii_bank_dob._DOB_CUE.finditer(line), _EXTRA_DOB.finditer(line))
              if m.lastgroup != "verb"]
    last = max((at for at, _ in cues), default=0)
    if _DIGITS.search(line, max([last, *births])):
        return ()  # a field with its value ("CNP 2830227122261"), no question
    kinds: list[str] = ["DOB"] if births else []
    ids = [kind for _, kind in sorted(cues)]
    if ids and ids[-1] == "ID" and not _NOT_ID.search(line):
        kinds.append("LAST" if _LAST_DIGITS.search(line) else "ID")
    elif _LAST_DIGITS.search(line) and "ID" in ids and "SSN" not in ids and not _NOT_ID.search(line):
        kinds.append("LAST")  # "cnic ke last four digits": the last digits' words are a kept cue of their own
    return tuple(kinds)


def _value(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The answer's value: its content after a "yes" and before a particle or punctuation."""
    head = _HEAD.match(text, start, end)
    if head:
        start = head.end()
    name = _NAME_FIRST.match(text, start, end)
    if name:
        start = name.end()
    tail = _TAIL.search(text, start, end)
    if tail and tail.end() == end:
        end = tail.start()
    while end > start and text[end - 1] in " \t.,!":
        end -= 1
    return (start, end) if end > start else None


def _id_units(tokens: list[str]) -> tuple[int, int] | None:
    """(digits, letters) said by the tokens, or None when a token is no part of an id."""
    digits = letters = 0
    skip = 0
    for i, token in enumerate(tokens):
        if skip:
            skip -= 1
            continue
        low = token.lower()
        if any(c.isdigit() for c in token):
            if not all(c.isalnum() or c in "-/." for c in token):
                return None
            digits += sum(c.isdigit() for c in token)
            letters += sum(c.isalpha() for c in token)
        elif low in _BETWEEN:
            continue
        elif pii_said_ids._entry(low) is not None:
            digits += 1
        elif len(token) == 1 and token.isalpha():
            letters += 1
        elif token.isascii() and token.isalpha() and token.isupper() and len(token) <= 6:
            letters += len(token)
        elif token in _DEVANAGARI_LETTERS:
            letters += 1
        elif set(token) <= _KOREAN_DIGITS:
            digits += len(token)
        elif low in _SPELLED_BY and i > 0 and i + 1 < len(tokens) and len(tokens[i - 1]) == 1:
            skip = 1 if low != "as" else 2  # "B as in bombay", "z for zebra", "W wie Wilhelm"
        else:
            return None
    return digits, letters


def _date_like(tokens: list[str]) -> bool:
    months = numbers = digits = unknown = groups = 0
    year_after = False
    for token in tokens:
        low = token.lower().strip("-")
        if any(c.isdigit() for c in low):
            runs = _DIGIT_RUN.findall(low)
            groups += len(runs)
            if groups > 3 or year_after or any(len(r) > 4 for r in runs) and not (len(runs) == 1 and len(runs[0]) == 8):
                return False  # an id's or a phone's number beside the date, or no date's numbers
            if any(len(r) >= 4 for r in runs):
                year_after = groups > len(runs)  # a year after the day and month: nothing with digits after it
            digits += sum(c.isdigit() for c in low)
            rest = "".join(c for c in low if not c.isdigit() and c not in "/.-")
            if rest and rest not in _DATE_MARKS and rest not in pii_bank_dob._MONTHS and not _DATE_GLUED.fullmatch(rest):
                return False
        elif low in pii_bank_dob._MONTHS or _SCRIPT_MONTHS.fullmatch(low):
            months += 1
        elif pii_said_ids._entry(low) is not None or pii_bank_dob._number_word(low) or _thai_number(low):
            numbers += 1
        elif set(low) <= _KOREAN_DATE:
            numbers += 1
        elif low in pii_bank_dob._DATE_JOINERS or low in _DATE_MARKS or low in _BETWEEN:
            continue
        elif low.endswith(("th", "st", "nd", "rd", "teenth", "tieth")) and pii_bank_dob._number_word(low[:-2]):
            numbers += 1
        elif token.isalpha() and len(token) <= 12 and (months or numbers or digits) and not token[0].isupper():
            unknown += 1  # "unnees", "chhiyasi": a language's number words we lack, beside a month's name
        else:
            return False
    if groups > 1 and any(len(r) > 4 for t in tokens for r in _DIGIT_RUN.findall(t)):
        return False  # "31447208, 4th Feb 1995": an id's number with the date
    if unknown:
        return unknown <= 2 and months == 1 and bool(numbers or digits)
    return bool(months and (numbers or digits)) or digits >= 3 or numbers >= 2


def _found(text: str) -> Iterator[tuple[str, int, int]]:
    lines = [(e, _labelled(text, s, e)) for s, e in itertools.islice(_lines(text), _MAX_LINES)]
    asked: tuple[str, ...] = ()  # what the line before asked (or ('READ',) after an id's answer: its read-back)
    asker: str | None = None
    for end, label in lines:
        if label is None:
            asked = ()
            continue
        who, content = label
        if asked and who != asker:
            value = _value(text, content, end)
            taken = next((t for t in (_taken(text, value, kind) for kind in asked) if t), None) if value else None
            if taken is not None and value is not None:
                start = value[0]
                if taken[0] == "DOB":  # "the fifth of May …", "el doce de mayo …": the date, after its article
                    article = _ARTICLE.match(text, start, value[1])
                    start = article.end() if article else start
                yield taken[0], start, value[1]
                asked, asker = (("ID",) if taken[0] == "NATIONAL_ID" else ()), who
                continue
        asked = _asks(text, content, end) if end - content <= _MAX_QUESTION else ()
        asker = who


def _taken(text: str, value: tuple[int, int], asked: str) -> tuple[str] | None:
    piece = text[value[0]:value[1]]
    if not piece or len(piece) > 90 or _CORRECTION.search(piece) or "@" in piece or _DOTTED_QUAD.fullmatch(piece):
        return None
    tokens = _TOKEN.findall(piece)
    if not tokens or len(tokens) > 24:
        return None
    if asked == "DOB":
        return ("DOB",) if len(tokens) <= 10 and _date_like(tokens) else None
    units = _id_units(tokens)
    if units is None:
        return None
    digits, letters = units
    if asked == "LAST":
        return ("NATIONAL_ID",) if letters == 0 and 3 <= digits <= 4 else None
    if digits >= MIN_ID_DIGITS and digits + letters >= MIN_ID_CHARS and digits + letters <= MAX_ID_CHARS:
        return ("NATIONAL_ID",)
    return None


def with_asked_ids(text: str, spans: list[PiiSpan], keep: list[tuple[int, int]], persons: bool = True) -> list[PiiSpan]:
    """The spans, with the asked ids and dates of birth of the module's docstring added (the spans inside dropped).

    With ``persons`` False (the default detector with its PERSON check off, whose PERSON spans are the check's
    training rows) a value that a PERSON span overlaps is left as it is, so those rows stay as they were."""
    if ":" not in text and "：" not in text:
        return spans
    head = pii_native_digits.ascii_digits(text[:MAX_CHARS])
    added: list[PiiSpan] = []
    for kind, start, end in _found(head):
        if len(added) >= CAP:
            break
        if any(a < end and start < b for a, b in keep):
            continue
        if not persons and any(s.start < end and start < s.end and s.kind == "PERSON" for s in spans):
            continue  # the PERSON check's rows are not ours to change
        if any(s.start < end and start < s.end and s.kind == kind and (kind == "DOB" or s.start < start or end < s.end)
               for s in spans):
            continue  # the finders of its kind read it already, with their own bounds (an id's part is widened)
        if any(s.start < start < s.end or s.start < end < s.end for s in spans if s.kind != "PERSON"):
            continue  # a span of another kind that runs past the value: leave it
        added.append(PiiSpan(kind, start, end, 0.9))
    if not added:
        return spans
    kept = [s for s in spans if not any(a.start <= s.start and s.end <= a.end or
                                        (s.kind in (a.kind, "PERSON") and s.start < a.end and a.start < s.end)
                                        for a in added)]
    return sorted(kept + added, key=lambda s: (s.start, s.end))
