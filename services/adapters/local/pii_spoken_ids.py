"""National ids read aloud in the number words of the languages our calls mix (session 37, candidate 37-1, issue 21).

A caller reads an identity number in answer to the agent's question for it ("aur CNIC" / "nombor kad pengenalan" /
"το αφμ σας;" / "su rut por favor"), in number words the rules before did not read or in shapes they refused:

- Hindi / Urdu / Hinglish digits, in Devanagari, in Urdu script or in Latin letters ("चार आठ दो सात", "chaar chaar aath
  ek, do shunya nau", "چھ سات دو ایک"), Bengali, Persian, Arabic and Hebrew digits, Malay "lapan" and "kosong",
  Vietnamese ("không bảy chín một…"), Greek ("ένα τέσσερα επτά…", "δώδεκα, μηδέν τρία"), Tagalog, Romanian, Czech /
  Slovak, Dutch, Russian / Ukrainian, Yoruba, and Swahili mixed with English ("three two one, sita saba, four four
  nane"), besides the languages `pii_spoken_numbers` reads;
- English digit words with a letter prefix or suffix and "dash" / "slash" between groups ("G H A, seven one four, …
  dash, three", "nine two three four five six seven eight v", "four eight two nine one seven slash one one slash one",
  "six three, dash, four four eight one two nine, dash, k, dash, two one");
- French or Spanish numbers with a letter prefix or a check letter ("B E, quatre cent douze, huit cent
  quatre-vingt-neuf", a Chilean RUT "quince millones … doce guion k", a DNI "dos cero ocho … cinco, E" or "… nueve
  jota").

Here: one pass over the words of the text makes runs of number words (digits, and the compound numbers of
`pii_spoken_numbers`), single letters or their Spanish / Italian names (at most six before the digits — a CURP's, a
codice fiscale's —, two after, groups of at most six between) and the words said between groups ("dash", "slash",
"guion", "tiret", "ponto", "lomeno"…). A run is a NATIONAL_ID when the nearest cue
before it — on its line or the line before (the agent's question) — names an identity document of any country
(aadhaar, CNIC, NIC, NRC, nida, ghana card, kad pengenalan, căn cước, αφμ, RUT, DNI, CIN, CNP, rodné číslo, BSN,
codice fiscale, a driving licence, "ID number"…) and it says
at least MIN_DIGITS digits (five with a letter), or exactly four to six when the cue asks for the last four. Never when
the nearest cue names an order, a meter, a policy, a phone, a card, an account, a reference, a birth date or an amount
(those are read after their own cue), and never when a currency word follows the run. A part of a found id read back
("sorry, was that zero eight three three?") is that id too.

Linear: one pass over the words; a run's cue is searched once, in at most _WINDOW characters before it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from services.adapters.local import pii_spoken_numbers

Found = tuple[str, int, int, float]

CAP = 24  # ids a message at most
MIN_DIGITS = 7  # a run with no letter says at least this many digits
MIN_DIGITS_LETTERED = 5  # "B E, quatre cent douze, huit cent quatre-vingt-neuf": a Moroccan CIN
_WINDOW = 240  # characters before a run where its cue is looked for (its line and the line before)

# number words: those of pii_spoken_numbers (es/pt/it/fr/de/pl/tr/id/ms/sw with their compounds) and the digits of
# the languages it does not read; (class, value) as pii_spoken_numbers._step folds them
_LEX: dict[str, tuple[str, int]] = dict(pii_spoken_numbers._LEX)
for _v, _ws in enumerate((
        # English, Hindi / Urdu in Latin letters, Devanagari, Urdu / Persian / Arabic script, Bengali, Malay,
        # Vietnamese, Greek, Hebrew, Yoruba
        "zero oh nought shunya shoonya sunya शून्य صفر শূন্য kosong không linh μηδέν אפס odo",
        "one ek aik एक ایک یک واحد এক một mốt ένα ενα אחת אחד ookan okan",
        "two do dou दो دو اثنين اتنين اثنان إثنين দুই hai δύο δυο שתיים שתים שניים meji eeji",
        "three teen tin तीन تین سه ثلاثة تلاتة ثلاث তিন ba τρία τρια שלוש שלושה meta eeta eta",
        "four char chaar chār चार چار چهار أربعة اربعة أربع اربع চার bốn tư τέσσερα τεσσερα τέσσερις ארבע ארבעה "
        "merin eerin",
        "five panch paanch paach pach पांच पाँच پانچ پنج خمسة خمس পাঁচ năm lăm πέντε πεντε חמש חמישה marun aarun",
        "six chhe chhah chah chhah chey chhey chha छह छः छे چھ چھے شش ستة ست ছয় sáu έξι εξι שש שישה mefa eefa",
        "seven saat sat सात سات هفت سبعة سبع সাত bảy bẩy επτά επτα εφτά εφτα שבע שבעה meje eeje",
        "eight aath aath ath aat आठ آٹھ هشت ثمانية تمانية ثمان আট lapan tám οκτώ οκτω οχτώ οχτω שמונה mejo eejo",
        "nine nau nao nou नौ نو نه تسعة تسع নয় chín εννέα εννεα εννιά εννια תשע תשעה mesan eesan")):
    for _word in _ws.split():
        _LEX.setdefault(_word, ("Z" if _v == 0 else "U", _v))
for _v, _ws in enumerate((
        # Tagalog, Romanian, Czech / Slovak, Dutch, Russian / Ukrainian
        "sero nula nul ноль нуль",
        "isa unu jedna jeden een één один одна",
        "dalawa doi două doua dva dvě twee два дві",
        "tatlo trei tři tri drie три",
        "apat patru čtyři štyri vier четыре чотири",
        "cinci pět päť vijf пять п'ять п’ять",
        "anim șase sase šest šesť zes шесть шість",
        "pito șapte sapte sedm sedem zeven семь сім",
        "walo opt osm osem acht восемь вісім",
        "siyam nouă noua devět deväť negen девять дев'ять дев’ять")):
    for _word in _ws.split():
        _LEX.setdefault(_word, ("Z" if _v == 0 else "U", _v))
for _value, _ws in ((10, "ten δέκα δεκα"), (11, "eleven έντεκα εντεκα"), (12, "twelve δώδεκα δωδεκα"),
                    (13, "thirteen δεκατρία"), (14, "fourteen δεκατέσσερα"), (15, "fifteen δεκαπέντε"),
                    (16, "sixteen δεκαέξι"), (17, "seventeen δεκαεπτά δεκαεφτά"), (18, "eighteen δεκαοκτώ δεκαοχτώ"),
                    (19, "nineteen δεκαεννέα δεκαεννιά")):
    for _word in _ws.split():
        _LEX.setdefault(_word, ("T", _value))
for _value, _ws in ((20, "twenty είκοσι εικοσι"), (30, "thirty τριάντα"), (40, "forty σαράντα"),
                    (50, "fifty πενήντα"), (60, "sixty εξήντα"), (70, "seventy εβδομήντα"), (80, "eighty ογδόντα"),
                    (90, "ninety ενενήντα")):
    for _word in _ws.split():
        _LEX.setdefault(_word, ("D", _value))
_LEX.setdefault("hundred", ("C", 100))
_LEX.setdefault("thousand", ("K", 1000))
# number words that are common words too: one alone opens no run ("do", "tin", "sat", "ba", "hai", "năm", "sita")
_NEEDS_NEIGHBOUR = pii_spoken_numbers._NEEDS_NEIGHBOUR | frozenset(
    "do tin sat ath aat ba hai năm tư linh mốt okan odo eta chah che chey oh mesan meta ek teen nau nao nou char one "
    "chha een één opt isa apat walo anim tri nula dva sero".split())
_REPEAT = {"double": 2, "triple": 3, "doble": 2, "doppio": 2, "dobro": 2}
# said between groups: the run goes on past them (its end stays before them)
_BETWEEN = frozenset("dash hyphen slash stroke lomeno lomítko guion guión raya barra tiret trait ponto punto traço tracinho trattino "
                     "strich letra letter lettre".split())
# said inside a compound number only ("cuarenta y dos", "vingt et un", "ishirini na moja")
_COMPOUND = frozenset("y e et na und".split())
# a check or prefix letter said by its Spanish name ("nueve jota", "guion ka")
_LETTER_NAMES = {"be": "B", "ce": "C", "de": "D", "efe": "F", "ge": "G", "hache": "H", "jota": "J", "ka": "K",
                 "ele": "L", "eme": "M", "ene": "N", "pe": "P", "cu": "Q", "erre": "R", "ere": "R", "ese": "S",
                 "te": "T", "uve": "V", "equis": "X", "zeta": "Z", "ve": "V", "bi": "B", "ci": "C", "di": "D",
                 "effe": "F", "gi": "G", "acca": "H", "kappa": "K", "elle": "L", "emme": "M", "enne": "N", "pi": "P",
                 "esse": "S", "ti": "T", "vu": "V", "ics": "X"}
# the names that open a CURP or a codice fiscale read aloud ("hache, e, ve, ele, nueve …"); not "de", "te", "ese"…
_LEAD_NAMES = frozenset("hache jota efe equis zeta ka kappa effe acca elle emme enne esse erre uve ge".split())
# a word: letters of any script with their combining marks (Devanagari, Bengali, Arabic vowel signs)
_TOKEN = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f\u064b-\u065f\u0670\u0900-\u0dff])+(?:['’][^\W\d_]+)?")
_COUNTRY_PREFIX = re.compile(r"[A-Z]{2,3}")
_GAP = re.compile(r"[ \t]{0,3}(?:[,،.\-/–][ \t]{0,3})?")

_ID_CUE = (
    r"aadhaa?r|adhaar|आधार|آدھار|(?-i:UID|IC|SIN|TIN|PAN|EPIC|NIE|RUN)|cnic|nicop|nic|nrc|nric|nida|nin|bvn|"
    r"kitambulisho|ghana[ \t]?card|omang|shanakhti(?:[ \t]card)?|شناختی(?:[ \t]کارڈ)?|"
    r"kad[ \t]pengenalan|mykad|(?:no|nombor|nomor|kad)[ \t]ic|ic[ \t](?:number|no)|ktp|e-?ktp|nik|"
    # session 41: Indonesia's BPJS / JKN card asked as "nomor kartunya" (a bank card read so is a card: masked too)
    r"(?:nomor|no)[ \t]kartu(?:nya)?|kartu[ \t](?:bpjs|jkn|kis)|"
    r"c[ăa]n[ \t]c[ưu][ớo]c|cccd|cmnd|ch[ứu]ng[ \t]minh(?:[ \t]nh[âa]n[ \t]d[âa]n)?|s[ốo][ \t]định[ \t]danh|"
    r"αφμ|α\.φ\.μ\.?|ταυτότητα[ςσ]?|ταυτοτητα|αδτ|αμκα|"
    r"תעודת[ \t]זהות|ת\.?ז|תז|"
    r"کد[ \t]ملی|کارت[ \t]ملی|(?:ال)?رقم[ \t](?:ال)?(?:قومي|هوية|الهوية|وطني)|(?:ال)?هوية|بطاقة[ \t](?:ال)?هوية|"
    r"पहचान[ \t]पत्र|पहचान|"
    r"rut|dni|(?:su|tu|mi|el|n[úu]mero[ \t]de)[ \t]nie|cin|cni|cnie|curp|cpf|rg|c[ée]dula(?:[ \t]de[ \t]identidad)?|"
    r"carte[ \t](?:d['’]identit[ée]|nationale|d['’]identité[ \t]nationale)|pesel|tc[ \t]kimlik|kimlik(?:[ \t]numaran\w*)?|"
    r"tckn|documento(?:[ \t]de[ \t]identidad)?|identidad|national[ \t]id(?:entity)?|national[ \t]identification|"
    r"identity(?:[ \t](?:card|number|document))?|identification[ \t]number|id[ \t]?(?:number|no\.?|card|#)|"
    r"(?:my|your|his|her|their|the)[ \t]id|emirates[ \t]id|iqama|civil[ \t]id|qid|hkid|philsys|umid|"
    r"personnummer|henkilötunnus|bsn|(?:sin|tin|pan)[ \t](?:number|no|card)|social[ \t](?:security|insurance)"
    r"(?:[ \t]number)?|ssn|national[ \t]insurance|p[ \t]?p[ \t]?s(?:n|[ \t]number)?|tax[ \t](?:id|number)|"
    r"i[ \t]c[ \t](?:number|no)|driv(?:er|ers|er['’]s|ing)[ \t]licen[cs]e|licen[cs]e[ \t](?:number|no)|"
    r"voter(?:['’]s)?[ \t](?:id|card)|cnp|rodn[ée][ \t]č[íi]slo|rodne[ \t]cislo|burgerservicenummer|codice[ \t]fiscale|"
    r"personalausweis|ausweis(?:nummer)?|steuer-?id|инн|снилс|іпн|рнокпп|ідентифікаційн\w*[ \t]код\w*|"
    r"идентификационн\w*[ \t]номер\w*|sss|umid|philsys"
)
# what is read after its own cue: a phone, a card, an account, an order, a reference, a meter, a policy, a birth
# date, an amount, a code, an enrolment or customer id (the longer cue wins: "customer id" is no id's)
_OTHER_CUE = (
    r"(?:customer|client|consumer|subscriber|member|membership|user|account|acc|enrol?ment|enrollment|registration|"
    r"transaction|txn|merchant|agent|employee|staff|student|order|booking|ticket|reference|ref|tracking|policy|claim|"
    r"meter|device|sim|puk|case|complaint|invoice|bill|serial|till|paybill|biller|application|request|service|"
    r"vehicle|passport)(?:[ \t](?:id|number|no\.?|#|code))*|"
    r"phone|telephone|mobile|cell|whats\s?app|momo[ \t]number|contact[ \t]number|number[ \t]that[ \t]called|"
    r"card|iban|ifsc|sort[ \t]code|routing|pin|otp|code|password|amount|price|balance|date[ \t]of[ \t]birth|dob|birth|"
    r"born|postcode|post[ \t]code|zip|plate|registration|"
    r"tel[ée]fono|telefone|t[ée]l[ée]phone|telefon|celular|m[óo]vil|portable|handphone|hp|nombor[ \t]telefon|"
    r"nomor[ \t](?:hp|telepon|wa)|no[ \t]hp|simu|namba[ \t]ya[ \t]simu|mobile[ \t]number|mobail|मोबाइल|फोन|फ़ोन|"
    r"موبائل|فون|هاتف|جوال|موبايل|τηλέφωνο|κινητό|τηλ|sđt|số[ \t]điện[ \t]thoại|điện[ \t]thoại|"
    r"cuenta|conta|compte|conto|konto|rekening|akaun|akaunti|tarjeta|cart[ãa]o|carte[ \t](?:bancaire|bleue)|kad[ \t]debit|"
    r"kad[ \t]kredit|pedido|orden|commande|folio|protocolo|referencia|r[ée]f[ée]rence|p[óo]liza|ap[óo]lice|"
    r"fecha[ \t]de[ \t]nacimiento|nacimiento|naissance|geburtsdatum|tarehe[ \t]ya[ \t]kuzaliwa|tarikh[ \t]lahir|"
    r"ngày[ \t]sinh|janam|जन्म|تاریخ[ \t]پیدائش|matr[íi]cula|placa|patente|c[óo]digo|importe|monto|valor|"
    r"pesos|euros?|rupees?|rs|cedis|shillings?|ringgit|rupiah|naira|dollars?"
)
# and what pii_spoken_numbers reads as a phone's, an account's, a passport's or a kept value's cue ("cups", "pedido",
# "nomor hp"), less Swahili "wa" (a common word) and "last" / "últimos" / "termina" (the last four of an id are asked so)
_THEIRS = "|".join(pattern for kind, pattern in pii_spoken_numbers._PII_CUE if kind != "NATIONAL_ID").replace("|wa|", "|")
_THEIR_KEEP = pii_spoken_numbers._KEEP_CUE.replace("[úu]ltim[oa]s?|ultime|acabada|termina\\w*|last|", "")
_CUES = re.compile(rf"(?i)(?<![\w@])(?=[^\W\d_])(?:(?P<ID>{_ID_CUE})|(?P<OTHER>{_OTHER_CUE}|{_THEIRS}|{_THEIR_KEEP}))(?![\w@])")
# the last four of an id asked for (with an id's cue in the window): four to six digits are enough
_LAST_FOUR = re.compile(r"(?i)(?<!\w)(?:last[ \t](?:four|4|few)|(?:आखिरी|आख़िरी|अंतिम|आखरी)[ \t](?:चार|4)|"
                        r"آخری[ \t](?:چار|4)|[úu]ltimos[ \t](?:cuatro|4)|(?:quatre|4)[ \t]derniers|"
                        r"(?:empat|4)[ \t](?:digit|angka|nombor)[ \t]terakhir|tarakimu[ \t](?:nne|4)[ \t]za[ \t]mwisho|"
                        r"(?:चार|4)[ \t]अंक|akhri[ \t](?:char|chaar|4)|aakhri[ \t](?:char|chaar|4))(?!\w)")
# a currency word after the run (besides pii_spoken_numbers'): an amount
_CURRENCY_AFTER = re.compile(r"(?i)[ \t,]{0,2}(?:rupees?|rupaye|rs\b|रुपये|रुपए|روپے|روپیہ|cedis?|ringgit|rm\b|taka|"
                             r"টাকা|đồng|dong|kwacha|birr|ευρώ|lei|kč|korun|hryven|гривен\w*|рубл\w*|piso|pesos?)")


class _Run:
    """A run of number words and letters: its spans, the characters it says, its digits and letters."""

    __slots__ = ("start", "end", "chars", "digits", "letters", "words", "number", "last_token")

    def __init__(self) -> None:
        self.start, self.end, self.chars, self.digits, self.letters, self.words = -1, -1, "", 0, 0, 0
        self.number = pii_spoken_numbers._Run()  # the compound number being said
        self.last_token = ""  # "num", "letter"

    def close_number(self) -> None:
        said = self.number.digits()
        self.chars += said
        self.digits += len(said)
        self.number = pii_spoken_numbers._Run()


def _is_letter(word: str) -> bool:
    return len(word) == 1 and word.isalpha()


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group().lower()) for m in _TOKEN.finditer(text)]


def _number_word(word: str, first: bool, nxt_word: str, rest: str) -> tuple[str, int] | None:
    """A word's (class, value) as a number word here, or None: a word that is a common word too ("do", "ba", "sat",
    "hai") only beside another number word (after one, or before one or a letter), "hai" never first (Hinglish "is")."""
    entry = _LEX.get(word)
    if entry is None or word not in _NEEDS_NEIGHBOUR:
        return entry
    if word == "hai" and first:
        return None
    if nxt_word in _LEX or nxt_word in _BETWEEN or _is_letter(nxt_word) or nxt_word in _LETTER_NAMES:
        return entry
    if first:
        return None
    return entry if not rest or rest[0] in ",.;!?\n،" else None  # the run's last word, closing its clause


def _runs(text: str) -> Iterator[tuple[_Run, list[tuple[int, int, str]]]]:
    """Runs of number words and letters with only gaps and the words said between groups between them, with their
    parts (start, end, "9" a number word, "R" a "double", "L" and the letter)."""
    tokens = _tokens(text)
    parts: list[tuple[int, int, str]] = []
    run, repeat, joined_at = _Run(), 1, -1
    for i, (start, end, word) in enumerate(tokens):
        if parts and _GAP.fullmatch(text, joined_at, start) is None:
            run.close_number()
            yield run, parts
            run, parts, repeat, joined_at = _Run(), [], 1, -1
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        nxt_word = nxt[2] if nxt and _GAP.fullmatch(text, end, nxt[0]) is not None else ""
        if word in _COMPOUND and parts and run.last_token == "num" and nxt_word in _LEX:
            joined_at = end  # "cuarenta y dos", "vingt et un"
            continue
        entry = _number_word(word, not parts, nxt_word, text[end:end + 4].lstrip(" \t"))
        if entry is not None:
            if not parts:
                run.start = start
            for _ in range(repeat):
                pii_spoken_numbers._step(run.number, entry[0], entry[1])
            repeat = 1
            parts.append((start, end, "9"))
            run.end, run.words, run.last_token, joined_at = end, run.words + 1, "num", end
            continue
        if word in _REPEAT and nxt_word in _LEX:
            if not parts:
                run.start = start
            repeat, joined_at = _REPEAT[word], end
            parts.append((start, end, "R"))
            continue
        if word in _BETWEEN and parts:
            run.close_number()  # "dash", "slash", "guion": the run goes on past it, its end stays before it
            joined_at = end
            continue
        letter = word.upper() if _is_letter(word) else _LETTER_NAMES.get(word, "") \
            if parts or (word in _LEAD_NAMES and (nxt_word in _LEX or _is_letter(nxt_word) or nxt_word in _LETTER_NAMES)) \
            else ""
        if not parts and not letter and _COUNTRY_PREFIX.fullmatch(text, start, end) and nxt_word in _LEX \
                and not _CUES.fullmatch(word):
            letter = word.upper()  # "GHA seven one two …": a country's letters written as one word
        if letter:
            if not parts:
                run.start = start
            run.close_number()
            run.chars += letter
            run.letters += 1
            parts.append((start, end, "L" + letter))
            run.end, run.last_token, joined_at = end, "letter", end
            continue
        if parts:
            run.close_number()
            yield run, parts
        run, parts, repeat, joined_at = _Run(), [], 1, -1
    if parts:
        run.close_number()
        yield run, parts


def _trimmed(text: str, parts: list[tuple[int, int, str]]) -> tuple[int, int] | None:
    """The id's span in a run's parts: at most six letters before the first number word, two after the last, groups
    of at most six between; None when the run holds no number word."""
    digit_at = [i for i, p in enumerate(parts) if p[2] == "9"]
    if not digit_at:
        return None
    first, last = digit_at[0], digit_at[-1]
    lead = parts[:first]
    double = [lead.pop()] if lead and lead[-1][2] == "R" else []
    if len(lead) > 6 or any(p[2] == "R" for p in lead) or (len(lead) == 1 and lead[0][2] in ("LA", "LI")):
        lead = []  # a word spelled before the number; "a", "i" alone: an article, a pronoun
    tail = parts[last + 1:last + 3]
    if len(parts) > last + 3:
        tail = []  # a word spelled after the number
    if len(tail) == 1 and tail[0][2] in ("LA", "LI"):
        after = text[tail[0][1]:tail[0][1] + 3].lstrip(" \t")
        if after and after[0] not in ",.;!?\n":
            tail = []  # "… seven a day": an article
    group = 0
    for p in parts[first:last + 1]:
        group = group + 1 if p[2].startswith("L") else 0
        if group > 6:
            return None
    kept = [*lead, *double, *parts[first:last + 1], *tail]
    return kept[0][0], kept[-1][1]


def _cue(text: str, start: int) -> tuple[str | None, bool]:
    """The kind of the nearest cue before ``start`` on its line or the line before ("ID", "OTHER" or None), and
    whether the window asks for the last four."""
    last, window_start = pii_spoken_numbers.nearest_cue(text, start, _CUES, _WINDOW, "OTHER")
    if last is None:
        return None, False
    return last.lastgroup, _LAST_FOUR.search(text, window_start, start) is not None


def _found(text: str) -> Iterator[Found]:
    ids: list[str] = []
    rest: list[tuple[int, int, str]] = []
    for run, parts in _runs(text):
        trimmed = _trimmed(text, parts)
        if trimmed is None:
            continue
        start, end = trimmed
        digits = "".join(c for c in run.chars if c.isdigit())
        letters = sum(1 for p in parts if p[2].startswith("L") and start <= p[0] < end)
        if pii_spoken_numbers._CURRENCY_AFTER.match(text, end) or _CURRENCY_AFTER.match(text, end):
            continue
        kind, last_four = _cue(text, start)
        words = sum(1 for p in parts if p[2] == "9" and start <= p[0] < end)
        if kind == "ID" and words >= 3 and (len(digits) >= MIN_DIGITS
                                              or (letters and len(digits) >= MIN_DIGITS_LETTERED)
                                              or (last_four and 4 <= len(digits) <= 6)):
            ids.append(digits)
            yield "NATIONAL_ID", start, end, 0.85
        elif kind != "OTHER" and words >= 4 and len(digits) >= 4:
            rest.append((start, end, digits))
    for start, end, digits in rest:  # a part of a found id read back
        if any(digits in found and digits != found for found in ids):
            yield "NATIONAL_ID", start, end, 0.8


def find_spoken_ids(text: str) -> list[Found]:
    """The ids of the module's docstring, at most CAP."""
    if len(text) < 12 or not _CUES.search(text):
        return []
    return list(itertools.islice(_found(text), CAP))
