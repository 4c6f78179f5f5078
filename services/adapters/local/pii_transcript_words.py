"""Words of a call transcript that are no one's name (session 38, candidate 38-5; issue 21).

The name finders, the NER and the CRF tagger read words of lower-case transcripts as names, whichever language the
call mixes, and some finders run after the function-word filters (pii_presidio._never_names). Dropped here, whichever
finder proposed them (PERSON spans only):

- a span whose every word is a filler, a function word or a common word of the transcripts — Hindi / Urdu, Bengali,
  Tagalog, Swahili, Spanish, Portuguese, Italian, French, German and English, written in Latin letters
  (pii_transcript_words.txt: "ji ek dafa phir", "biometric ke liye … jana hoga", "apnar number ta bolen", "opo ako po
  yun", "ese no es mío", "aah that's the old one", "grand, can you text…", "buongiorno ho avuto…"), a title or a form
  of address alone ("sie sprechen mit herrn vogel": the "herrn"; "thank you alhaji") — and, in a span written in
  lower case, the function words, greetings and fillers of pii_function_words.txt and pii_not_names.txt; never a
  given name we know. Words that are given names too ("jana", "yun", "tama", "sana", "amar", "leo", "lena", "hua"…)
  count only beside the words they go with ("tangu jana", "jana jioni", "jana hoga", "po yun", "opo tama", "pole
  sana", "amar number", "leo asubuhi", "refund lena hai", "kya hua"),
  never after a name's cue ("mera naam jana hai") nor in the answer to a name question; Spanish "ese" only with no
  letter beside it (not the S of a spelling);
- a spoken mark alone ("dash", "slash", "dot", "underscore"), unless it joins pieces another span masks ("l i n d i
  dot dlamini", "ben underscore ashworth": the value needs it masked);
- a spelling that spells no name: one letter confirmed with its spelling word ("sorry was that c for charlie at the
  end", "T for tom"), or letters with digits or number words — a plate, a registration, a booking, a policy, a
  reference: letters read with their spelling words or letter names ("m wie martha, k wie kaufmann, dann vier vier
  eins sieben", "golf hotel one nine x-ray papa kilo", "siete dos cuatro uno, ele erre ge", "W as in William 4 4 8…")
  unless the nearest cue before them (their line and the line before) names a personal value (a postcode, an
  address, an identity or insurance number, a passport, an account, a phone, a name, an e-mail: their spelled form
  is that value and a span over it masks it); one letter, and bare letters ("K J A four four one B C", "h d f c zero
  zero zero…"), only after a kept value's cue ("plate number", "policy", "member id", "tracking number", "ifsc");
- a speaker's label that is a role ("pharmacist: goodlife pharmacy…", "asesor:", "Speaker B:"), and a nationality
  alone ("and nationality\ncaller: emirati": a kept place by the labelling conventions).

Never taken: a span holding any other word ("javier ortega, o, erre, te, e, ge": a name and its spelling); a spelling
of two letters or more with no number ("s wie samuel c wie cäsar h wie heinrich…", "N-O-W-A-K", "k for kilo, o, w for
whiskey…", "c h a u d h r y", "o, erre, te, e, ge, a" after a name question: the conventions' spelled names); a lone
spelling-alphabet word that spells nothing ("caller: victor", "hi charlie"); letters among numbers after a personal
value's cue ("postcode? bravo sierra one four…", "national insurance number: q q, one two…"); Indonesian "lima" among
number words (a number, not the NATO word); a capitalised "Ada" or "Vale" (function words of the older lists that
are names too); a name as a speaker's label ("Zainab: hello").

:func:`without_transcript_words` runs last in both detectors (after the learned PERSON check, before the kin and
agent-intro finders add their names). Plain Python over the span's line (at most _MAX_LINE characters either side);
the patterns are bounded (linear); at most CAP PERSON spans a message are read.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

from services.adapters.local import (
    pii_given_names,
    pii_honorific_names,
    pii_name_answers,
    pii_rules,
    pii_spoken_numbers,
)
from services.models import PiiSpan

CAP = 64  # PERSON spans a message read at most
_MAX_LINE = 600  # characters of a span's line read around it
_LONGEST = 200  # a longer PERSON span is read as it is
_WORDS_FILE = Path(__file__).with_name("pii_transcript_words.txt")
_WORD = re.compile(r"[^\W\d_]{1,40}(?:['’-][^\W\d_]{1,40}){0,3}|\d{1,20}")

# spoken punctuation and the words of a web address read aloud: a span of them only is no name, unless it joins two
# pieces of a value another span masks ("l i n d i dot dlamini", "ben underscore ashworth")
_MARKS = frozenset("""dash hyphen slash stroke underscore dot point punto punkt ponto barra guion guión tiret trattino
strich bindestrich apostrophe forward backslash com net org""".split())
# the titles of pii_honorific_names that are said alone to someone; not "dom", "don", "mas", "bi", "ate" (names or
# common words too)
_WEAK_TITLES = frozenset("sir madam ma'am ma’am maam mam kak pak cik tuan ibu bapak mbak kuya bwana".split())
# forms of address used alone ("thank you alhaji", "ssebo i want…", "chale i sent…")
_ADDRESS_WORDS = frozenset("alhaji alhaja mallam ssebo nnyabo oga chale baji".split())
# a speaker's label that is a role ("pharmacist:", "asesor:", "Speaker B:")
_ROLES = frozenset("""agent agente agents asesor asesora operador operadora operatore operatrice operator atendente
assistente assistant conseiller conseillère conseillere client cliente clienta kunde kundin berater beraterin mitarbeiter
mitarbeiterin sachbearbeiter sachbearbeiterin anrufer anruferin caller customer rep representative receptionist
pharmacist nurse doctor dispatcher driver rider courier kurir vakil derechohabiente paciente pacient patient mteja
wakala ahente tumatawag pemanggil penelepon pelanggan ejen temsilci arayan müşteri sociétaire appelant appelante
usuario usuaria tenant landlord applicant speaker visitor user member officer clerk cashier technician advisor adviser
consultant teller banker policyholder claimant beneficiary student parent guardian recepție recepcion recepción
recepcionista farmacéutico farmacêutico pharmacien apotheker
buyer seller shopper passenger guest resident pembeli penjual nasabah pengguna penumpang pasien tamu petugas pembeli
pelapor klant kund asiakas klient klientka ügyfél vevő eladó zákazník zákaznice kupujący sprzedawca alıcı satıcı
kurye sürücü yolcu misafir hasta πελάτης πελάτισσα υπάλληλος οδηγός العميل عميل عميلة العميلة المتصل المتصلة الموظف
الموظفة الوكيل المندوب الزبون زبون الزبونة السائق المريض المشترك مشتری کارشناس اپراتور کاربر راننده پشتیبان گاہک
صارف ग्राहक एजेंट कॉलर клиент клиентка покупатель покупательница продавец оператор курьер водитель агент абонент
пользователь менеджер клієнт клієнтка покупець оператор кур'єр водій користувач 고객 고객님 상담원 상담사 기사 판매자 구매자 客户 顾客 客服
买家 卖家 骑手 司机 お客様 オペレーター ลูกค้า พนักงาน""".split())
_LABEL_BEFORE = re.compile(r"[ \t\[\]\d:.-]{0,30}")  # a time stamp perhaps, before a label
_LABEL_AFTER = re.compile(r"[ \t]{0,2}(?:[A-Za-z0-9][ \t]{0,2})?[:：]")
# a nationality said alone (a kept place); words that are names or surnames too ("German", "French", "English",
# "Welsh", "Scott") are not here
_NATIONALITIES = frozenset("""emirati filipino filipina nigerian kenyan ghanaian indian pakistani bangladeshi
srilankan nepali nepalese chinese japanese korean vietnamese thai malaysian indonesian singaporean australian canadian
american mexican brazilian argentinian argentine colombian peruvian chilean venezuelan cuban spanish portuguese italian
greek turkish egyptian moroccan algerian tunisian saudi qatari kuwaiti omani bahraini jordanian lebanese syrian iraqi
iranian afghan ugandan tanzanian rwandan ethiopian somali sudanese zambian zimbabwean namibian malawian cameroonian
senegalese ivorian polish romanian bulgarian hungarian czech slovak ukrainian russian lithuanian latvian estonian
swedish norwegian danish finnish dutch belgian swiss austrian british scottish irish""".split())

# words that are given names too: a transcript word only beside the words it goes with (before, after)
_BESIDE: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    # Swahili "yesterday", Hindi / Urdu "to go"
    "jana": (frozenset("tangu toka kuanzia mpaka hadi since".split()),
             frozenset("""jioni asubuhi usiku mchana saa hai hain tha hoga hogi padega parega padta pada chahiye chahta
             chahti nilituma nilinunua nililipa""".split())),
    # Tagalog "that", "that one"
    "yun": (frozenset("po opo oo ako ayan ganun ganyan kaya lang na".split()),
            frozenset("po lang nga pala ba naman na yung ang ay din rin".split())),
    "yan": (frozenset("po opo oo ako ayan ganun ganyan kaya lang".split()),
            frozenset("po lang nga pala ba naman yung ang ay din rin".split())),
    # Tagalog "right, correct"
    "tama": (frozenset("opo oo po hindi di yes yeah".split()), frozenset("po na yan yun ba naman ka kayo lahat".split())),
    # Swahili "very"
    "sana": (frozenset("pole asante ahsante vizuri nzuri mbaya kidogo haraka karibu".split()), frozenset()),
    # Bengali "my", "I"
    "amar": (frozenset(), frozenset("""number account nid sim card bkash nagad rocket internet taka mobile phone
             bill line connection package pack naam nam""".split())),
    "ami": (frozenset(), frozenset("ekhon bolchi jani chai dekhchi korchi korbo parbo pai paini ki".split())),
    # Swahili "today", "until"
    "leo": (frozenset("tangu mpaka hadi kuanzia since".split()), frozenset("asubuhi jioni usiku mchana saa hii".split())),
    "hadi": (frozenset(), frozenset("leo kesho sasa saa jana wiki mwezi lini".split())),
    # Hindi / Urdu "to take", "to give", "happened"
    "lena": (frozenset(), frozenset("hai hain tha hoga padega parega chahiye chahta chahti".split())),
    "dena": (frozenset(), frozenset("hai hain tha hoga padega parega chahiye chahta chahti".split())),
    "hua": (frozenset("kya nahi nahin kuch abhi kaise theek".split()), frozenset()),
    "hui": (frozenset("kya nahi nahin kuch abhi kaise theek".split()), frozenset()),
    # Tagalog "so, that's why"
    "kaya": (frozenset(), frozenset("po ko mo natin nga pala naman".split())),
}
_NAME_CUES = frozenset("""name name's names naam nam nama jina pangalan nombre nome nom llamo chamo soy sou is it's its
i'm im am this si ni naitwa called""".split())

# ---- spelling ---------------------------------------------------------------------------------------------------
# the words between a letter and its spelling word: "c for charlie", "W as in William", "m wie martha", "ele como
# en lima", "A comme Anatole", "I come Imola", "O jak Olga", "S van Simon"
_CONNECT = frozenset("for as in is like wie von como de en comme come per jak van voor som".split())
# letter names of Spanish, Italian and Portuguese ("ele erre ge", "o, erre, te, e, ge, a")
_LETTER_NAMES = frozenset("""be ce de efe ge hache jota ka ele elle eme ene eñe pe cu erre ere ese te uve ve equis ye
zeta zeda acca emme enne esse vu ics agá capa éle pê quê tê vê xis zê""".split())
# words that stay inside a spelling: "double l", "zwei mal", "O mit Punkten", "U-Umlaut", "scharfes S"
_SPELL_GLUE = frozenset("""double triple doble doppia doppio zwei mal mit punkten umlaut scharfes capital small
apostrophe space hyphen dash slash""".split())
_EN_NUMBERS = frozenset("""zero oh nought one two three four five six seven eight nine ten eleven twelve thirteen fourteen
fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred""".split())
# the number words of the other languages (pii_spoken_numbers) but its joiners ("y", "e", "et", "na", "und") and
# the words of two letters or less
_OTHER_NUMBERS = frozenset(w for w in pii_spoken_numbers.NUMBER_WORDS
                           if len(w) > 2 and w not in pii_spoken_numbers._JOINERS)
# a word between the letters and the digits of one code ("m wie martha, k wie kaufmann, dann vier vier eins sieben")
_CODE_JOIN = frozenset("dann then and und y e et plus".split())
# the cue of a value that is personal (its spelled form is masked as that value), and of one that is kept
# (the phone, account, passport and identity cues of pii_spoken_numbers, and those of postcodes, addresses, e-mails
# and names: a name or a mailbox spelled with digits after it is the caller's)
_PII_CUE = re.compile(
    r"(?i)(?<![\w'’])(?:post(?:al)?[ \t]?code|postal|zip(?:[ \t]?code)?|pin[ \t]?code|eircode|address|area[ \t]code|"
    r"country[ \t]code|security[ \t]code|cvv|cvc|adresse|direcci[óo]n|endere[çc]o|plz|"
    r"postleitzahl|national[ \t]insurance|insurance[ \t]number|ni[ \t]number|nino|pps|ssn|social[ \t]security|"
    r"licen[cs]e|account|cuenta|sort[ \t]code|id|ident\w{0,12}|cnic|nic|kra[ \t]pin|tax|e-?mail|mail|correo|"
    r"courriel|username|user[ \t]name|name|surname|nombre|apellidos?|naam|jina|nama|pangalan|nom|cognome|"
    r"nachname|vorname|versichertennummer|krankenversicherungsnummer|versicherungsnummer|steuernummer|steuer-?id|"
    r"sozialversicherungsnummer|"
    + "|".join(pattern for _, pattern in pii_spoken_numbers._PII_CUE) + r")(?![\w'’])")
_KEEP_CUE = re.compile(
    r"(?i)(?<![\w'’])(?:reg|registration|rego|plate|number[ \t]plate|kennzeichen|matr[íi]cula|placa|targa|"
    r"immatriculation|vehicle|car|booking|reservation|reserva|pnr|reference|ref|policy|claim|member[ \t]id|"
    r"member[ \t]number|membership|order|tracking|ticket|flight|confirmation|voucher|code|case|invoice|serial|"
    r"versicherungsscheinnummer|schadennummer|p[óo]liza|patente|ifsc|swift|bic)(?![\w'’])")


@functools.cache
def _words() -> tuple[frozenset[str], frozenset[str]]:
    """The words that are never a name alone, less the given names we know: in a span of any case (this module's
    list, titles and forms of address), and in a span written in lower case only (those and the function words,
    greetings and fillers of the older lists, which leave a capitalised "Ada" or "Vale" alone)."""
    listed = frozenset(line.strip() for line in _WORDS_FILE.read_text(encoding="utf-8").splitlines()
                       if line.strip() and not line.startswith("#"))
    titles = pii_honorific_names._STRONG | pii_honorific_names._AFTER | _WEAK_TITLES
    anywhere = (listed | titles | _ADDRESS_WORDS) - pii_rules.GIVEN_NAMES
    return anywhere, anywhere | ((pii_given_names.FUNCTION_WORDS | pii_given_names.GREETINGS) - pii_rules.GIVEN_NAMES)


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))


def _line_of(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the span's line starts and ends (at most _MAX_LINE characters either side of the span)."""
    line_start = max(text.rfind("\n", 0, start) + 1, start - _MAX_LINE)
    line_end = text.find("\n", end)
    line_end = min(len(text) if line_end < 0 else line_end, end + _MAX_LINE)
    return line_start, line_end


def _previous_line(text: str, line_start: int) -> str:
    if line_start <= 0:
        return ""
    before = text.rfind("\n", 0, line_start - 1) + 1
    return text[max(before, line_start - 1 - _MAX_LINE):line_start - 1]


def _answers_name_question(text: str, line_start: int) -> bool:
    said = _previous_line(text, line_start)
    _, at = pii_name_answers._label(said)
    return pii_name_answers._asks_name(said[at:])


def _beside_ok(text: str, word: re.Match[str], line: tuple[int, int], low: str) -> bool:
    """A word that is a given name too, read as a transcript word: one of its companions right before or after it on
    its line, no name's cue right before it, and its turn not the answer to a name question."""
    before_words = [w.group().lower() for w in _WORD.finditer(text, line[0], word.start())][-2:]
    after = _WORD.search(text, word.end(), line[1])
    after_word = after.group().lower() if after else ""
    if before_words and before_words[-1] in _NAME_CUES:
        return False
    befores, afters = _BESIDE[low]
    if not ((before_words and before_words[-1] in befores) or after_word in afters):
        return False
    return not _answers_name_question(text, line[0])


def _only_transcript_words(text: str, span: PiiSpan, spans: list[PiiSpan]) -> bool:
    """Every word of the span is a transcript word, a title alone, a spoken mark (see the module's docstring)."""
    anywhere, lower = _words()
    never = lower if text[span.start:span.end].islower() else anywhere
    words = list(_WORD.finditer(text, span.start, span.end))
    if not words or len(words) > 8:
        return False
    if all(w.group().lower() in _MARKS for w in words):
        return not any(s is not span and (0 <= span.start - s.end <= 3 or 0 <= s.start - span.end <= 3) for s in spans)
    line = _line_of(text, span.start, span.end)
    for w in words:
        low = w.group().lower()
        if low.isdigit():
            return False
        if low in never:
            continue
        if low in _BESIDE and _beside_ok(text, w, line, low):
            continue
        if low == "ese" and _lone_ese(text, w, line):
            continue
        return False
    return True


def _lone_ese(text: str, word: re.Match[str], line: tuple[int, int]) -> bool:
    """Spanish "ese" ("that") or Yoruba "ẹ ṣe" ("thanks"), not the letter S of a spelling: no letter or letter name
    beside it, and its turn not the answer to a name question."""
    before = [w.group().lower() for w in _WORD.finditer(text, line[0], word.start())][-1:]
    after = _WORD.search(text, word.end(), line[1])
    for low in (*before, after.group().lower() if after else ""):
        if len(low) == 1 or low in _LETTER_NAMES:
            return False
    return not _answers_name_question(text, line[0])


def _role_label(text: str, span: PiiSpan) -> bool:
    """The span is a speaker's label at its line's start that is a role ("pharmacist:", "Speaker B:")."""
    value = text[span.start:span.end].lower().split()
    if not value or value[0] not in _ROLES or len(value) > 2 or (len(value) == 2 and len(value[1]) > 1):
        return False
    line_start = text.rfind("\n", 0, span.start) + 1
    if _LABEL_BEFORE.fullmatch(text, line_start, span.start) is None:
        return False
    end = span.start + len(value[0])
    return _LABEL_AFTER.match(text, end) is not None


def _nationality(text: str, span: PiiSpan) -> bool:
    value = text[span.start:span.end].strip().lower()
    return value in _NATIONALITIES and value not in pii_rules.GIVEN_NAMES


# ---- spelling ---------------------------------------------------------------------------------------------------
def _classes(words: list[re.Match[str]]) -> list[str]:
    """Each word of a line: "L" a letter (or a letter's name), "H" a spelling word (after its letter and connector,
    or a NATO word), "C" a connector, "N" a number word or digits, "G" glue, "" anything else."""
    out = [""] * len(words)
    lows = [w.group().lower() for w in words]
    for i, low in enumerate(lows):
        if low.isdigit() or low in _EN_NUMBERS:
            out[i] = "N"
        elif low in pii_rules.NATO_WORDS and not (low in _OTHER_NUMBERS and any(
                0 <= j < len(lows) and lows[j] in _OTHER_NUMBERS for j in (i - 1, i + 1))):
            out[i] = "H"  # "lima" is a NATO word, and Indonesian "five" among "tiga", "satu", "nol"
        elif len(low) == 1 or low in _LETTER_NAMES:
            out[i] = "L"
        elif low in _OTHER_NUMBERS:
            out[i] = "N"
        elif low in _SPELL_GLUE:
            out[i] = "G"
    for i, low in enumerate(lows):  # "x ray" written apart
        if low == "ray" and i and lows[i - 1] == "x":
            out[i - 1], out[i] = "G", "H"
    for i, low in enumerate(lows):  # "c for charlie", "W as in William", "m wie martha"
        if len(low) != 1 or not low.isalpha():
            continue
        j = i + 1
        while j < len(lows) and j <= i + 2 and lows[j] in _CONNECT:
            j += 1
        if i + 1 < j < len(lows) and len(lows[j]) > 1 and _fold(lows[j])[:1] == _fold(low):
            out[i] = "L"
            for k in range(i + 1, j):
                out[k] = "C"
            out[j] = "H"
    return out


def _spelled_code_or_letter(text: str, span: PiiSpan) -> bool:
    """The span lies in a spelling that spells no name: one letter with its spelling word, or letters with their
    spelling words (or letter names) among digits or number words where no cue names a personal value."""
    line = _line_of(text, span.start, span.end)
    words = list(_WORD.finditer(text, line[0], line[1]))[:200]
    inside = [i for i, w in enumerate(words) if span.start <= w.start() and w.end() <= span.end]
    if not inside:
        return False
    classes = _classes(words)
    if any(not classes[i] for i in inside):
        return False
    # the spelling's run: the words around the span joined only by spaces, commas, stops, hyphens or slashes
    lo, hi = inside[0], inside[-1]
    while lo > 0 and classes[lo - 1] and _joined(text, words[lo - 1], words[lo]):
        lo -= 1
    while hi + 1 < len(words) and classes[hi + 1] and _joined(text, words[hi], words[hi + 1]):
        hi += 1
    run = classes[lo:hi + 1]
    spelled = "C" in run  # a letter said with its word
    letters = sum(1 for c in run if c == "L") + sum(1 for i, c in enumerate(run) if c == "H" and "C" not in run[max(0, i - 2):i])
    named = sum(1 for c, w in zip(run, words[lo:hi + 1], strict=True)
                if c == "H" or (c == "L" and w.group().lower() in _LETTER_NAMES))
    numbers = "N" in run or _number_next(text, words, classes, lo, hi)
    if not numbers:
        return spelled and letters == 1
    cue = _cue(text, words[lo].start(), line[0])
    # letters read with their words: a code unless a personal value's cue comes last, one letter only after a kept
    # value's cue ("k wie konrad, eins zwei drei…" may be an insurance number's letter); bare letters ("k h j r
    # veinticuatro", "W Z K four four…"): only after a kept value's cue
    if cue == "KEEP":
        return spelled or letters >= 2
    return cue is None and bool(named) and letters >= 2


def _joined(text: str, left: re.Match[str], right: re.Match[str]) -> bool:
    gap = text[left.end():right.start()]
    return len(gap) <= 4 and all(c in " \t,.-/" for c in gap)


def _number_next(text: str, words: list[re.Match[str]], classes: list[str], lo: int, hi: int) -> bool:
    """Digits or number words right before the run or after it past one joining word ("…, dann vier vier")."""
    if lo > 0 and classes[lo - 1] == "N":
        return True
    i = hi + 1
    if i < len(words) and words[i].group().lower() in _CODE_JOIN and _joined(text, words[hi], words[i]):
        i += 1
    return i < len(words) and classes[i] == "N" and (i == hi + 1 or _joined(text, words[i - 1], words[i]))


def _cue(text: str, start: int, line_start: int) -> str | None:
    """The nearest cue before the spelling on its line and the line before: "PII" for a personal value's, "KEEP"
    for a kept value's, None when there is none."""
    window_start = max(0, text.rfind("\n", 0, max(line_start - 1, 0)) + 1 if line_start else 0, start - 300)
    # the last cue, and of two ending together the longer ("post code" over "code", "member id" over "id")
    last_pii = max(((m.end(), -m.start()) for m in _PII_CUE.finditer(text, window_start, start)), default=None)
    last_keep = max(((m.end(), -m.start()) for m in _KEEP_CUE.finditer(text, window_start, start)), default=None)
    if last_pii is None and last_keep is None:
        return None
    return "PII" if last_keep is None or (last_pii is not None and last_pii > last_keep) else "KEEP"


def _no_name(text: str, span: PiiSpan, spans: list[PiiSpan]) -> bool:
    if span.end - span.start > _LONGEST:
        return False
    return (_only_transcript_words(text, span, spans) or _spelled_code_or_letter(text, span) or _role_label(text, span)
            or _nationality(text, span))


def without_transcript_words(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """The spans less the PERSON spans that are transcript words, spellings of no name, role labels or nationalities
    (see the module's docstring); at most CAP PERSON spans are read, the others are kept as they are."""
    out: list[PiiSpan] = []
    read = 0
    for span in spans:
        if span.kind == "PERSON" and read < CAP:
            read += 1
            if _no_name(text, span, spans):
                continue
        out.append(span)
    return out
