"""National ids after their names in more countries (session 35, candidate 35-4).

``pii_ids.find_labelled_ids`` reads any code after a document's name it knows; the names it lacked, and the shapes its
general reading refuses (a value in a language's own link words, a nine-character French card number with two digits,
a letter after the digits), are read here, one country a row, with the id's own shape:

- Qatar's QID (11 digits starting 2 or 3), Bahrain's CPR (9 digits; a Danish CPR-nummer, a date and four digits);
- a Turkish T.C. kimlik number (11 digits that pass the 10th and 11th digit rules);
- Guatemala's DPI/CUI (13 digits, often 4-5-4; its 9th digit a check digit);
- Uganda's NIN (14 characters starting CM or CF), Zimbabwe's national id ("63-1847293 F 42"), Kenya's (7-8 digits
  after "ID"/"kitambulisho", "ID yangu ni …"), Rwanda's indangamuntu (16 digits, often 1 4 1 7 1 2);
- Malta's id card (up to 7 digits and a letter M, G, A, P, L, H, B or Z), a Czech or Slovak "číslo OP" (9 digits, or
  two letters and six), a French carte d'identité (12 digits, or the new card's 9 letters and digits);
- a German Krankenversichertennummer (a letter and 9 digits, its last a check digit);
- a driving licence after "permis (de conduire)", "licencia (de conducir)", "Führerschein", "driving licence",
  "DL", "ड्राइविंग लाइसेंस" (a code of letters and digits, 6 digits at least), Fiji's FNPF number.

Between the name and the number only a short gap: punctuation and link words ("n°", "no.", ":", "is", "es", "ni",
"yangu ni", "huwa", "Meine ist" after the name's sentence), or the next turn of a dialogue opening with the number
("agent: ड्राइविंग लाइसेंस नंबर\\ncustomer: MH12 …"). Any other word between stops the reading, so an order's, a
policy's, an account's, an invoice's, a claim's or a booking's number is never taken ("CPR and policy no 880412553").
A T.C. kimlik number must pass its two check digits ("ürün kodu TC 12345678901" is a product's code). Guatemala's
DPI and Germany's Krankenversichertennummer have a check digit too: a number that fails it is taken only written right
after its name (the same sentence, no other turn between); one that passes it may be answered in the next turn too.

Linear: the names are one alternation behind a one-letter look-ahead; each name's gap and value are read once in
plain Python over at most _GAP_CHARS + _VALUE_CHARS characters; at most _NAMES_READ names and CAP ids a message.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator

from services.adapters.local import pii_ids

Found = tuple[str, int, int, float]

CAP = 24
_NAMES_READ = 200  # names read a message at most (a longer run of them is a dump or a log)
_GAP_CHARS = 60
_VALUE_CHARS = 48


def _tc_ok(d: str) -> bool:
    n = [int(c) for c in d]
    return (sum(n[0:9:2]) * 7 - sum(n[1:8:2])) % 10 == n[9] and sum(n[:10]) % 10 == n[10]


def _dpi_ok(d: str) -> bool:
    return sum(int(c) * (i + 2) for i, c in enumerate(d[:8])) % 11 % 10 == int(d[8])


def _kvnr_ok(d: str) -> bool:
    digits = f"{ord(d[0]) - 64:02d}" + d[1:9]
    total = 0
    for i, c in enumerate(digits):
        p = int(c) * (2 if i % 2 else 1)
        total += p // 10 + p % 10
    return total % 10 == int(d[9])


# the names, each a named group (the row it reads); cased names are matched as written ("CPR", "DPI", "OP", "DL")
_NAMES = {
    "qid": r"\bQID\b|(?i:\bqatar(?:i)?[ \t]id\b)",
    "cpr": r"\bCPR(?:-nummer|-nr\.?)?(?![\w-])|(?i:\bcpr[ \t](?:no\b\.?|number|nummer))",
    "tc": r"\bT\.?C\.?(?![\w.])|\bTCKN\b|(?i:\bt\.?[ \t]?c\.?[ \t]kimlik(?:[ \t]no\b\.?)?|\bkimlik[ \t]no\b\.?|"
          r"\bkimlik[ \t]numara\w{0,4})",
    "dpi": r"\bDPI\b|\bCUI\b|(?i:\bdocumento[ \t]personal[ \t]de[ \t]identificaci[óo]n)",
    "nin": r"\bNIN\b",
    "id": r"\bI[Dd]\b|(?i:\bkitambulisho\b|\bchitupa\b|\bzitupa\b|\bid[ \t](?:number|no\b\.?|card)|"
          r"\bnational[ \t]id(?:entification)?(?:[ \t](?:number|no\b\.?|card))?|\bnamba[ \t]ya[ \t]kitambulisho)",
    "rw": r"(?i:\bindangamuntu\b)",
    "mt": r"(?i:\bkarta[ \t]tal-identit[àa]|\bnumru[ \t]tal-identit[àa]|\bidentity[ \t]card)",
    "op": r"(?i:\bč[íi]slo[ \t]OP\b|\bč\.[ \t]?OP\b|\bOP[ \t]č\.|\bob[čc]ansk(?:ého|y|ý|eho)[ \t]pr[ůu]kaz\w{0,3}|"
          r"\bob[čc]ianskeho[ \t]preukazu)",
    "cni": r"\bCNI\b|(?i:\bcarte[ \t]d'identit[ée](?:[ \t]nationale)?|\bpi[èe]ce[ \t]d'identit[ée])",
    "kvnr": r"\bKVNR\b|(?i:\b(?:kranken)?versicherten-?(?:nummer|nr\b\.?))",
    "dl": r"\bDL\b|(?i:\bpermis(?:[ \t]de[ \t]conduire)?(?![ \t]de\b)|\blicencia(?:[ \t]de[ \t](?:conducir|manejar|"
          r"conducci[óo]n))?(?![ \t](?:de|del|por|m[ée]dica)\b)|\bf(?:ü|ue)hrerschein(?:nummer|-nr\.?)?|"
          r"\bdriv(?:ing|er'?s)[ \t]licen[cs]e|ड्राइविंग[ \t]लाइसेंस|ड्राइविंग[ \t]लायसेंस|डीएल)",
    "fnpf": r"\bFNPF\b",
}
# every name opens with one of these letters: the look-ahead refuses the other places at once (the alternation alone
# takes 0.4 s over 200,000 characters of digits)
_NAME = re.compile("(?=[QqCcTtKkDdNnIiZzOoPpLlFfVvČčड])(?:" + "|".join(f"(?P<{key}>{pattern})"
                                                                       for key, pattern in _NAMES.items()) + ")")

Shape = tuple[re.Pattern[str], Callable[[str], bool] | None]
# each row's shapes: the compact value (separators dropped) must match one; a check function where the id has one
_SHAPES: dict[str, tuple[Shape, ...]] = {
    "qid": ((re.compile(r"[23]\d{10}"), None),),
    "cpr": ((re.compile(r"\d{9}"), None), (re.compile(r"(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{6}"), None)),
    "tc": ((re.compile(r"[1-9]\d{10}"), _tc_ok),),
    "dpi": ((re.compile(r"\d{13}"), _dpi_ok),),
    "nin": ((re.compile(r"C[MF][A-Z0-9]{12}"), None),),
    "id": ((re.compile(r"\d{8,9}[A-Z]\d{2}"), None),  # Zimbabwe: "63-1847293 F 42"
           (re.compile(r"C[MF][A-Z0-9]{12}"), None),  # Uganda
           (re.compile(r"[1-3](?:19|20)\d{2}[78]\d{10}"), None),  # Rwanda
           (re.compile(r"\d{1,7}[MGAPLHBZ]"), None),  # Malta
           (re.compile(r"\d{7,8}"), None)),  # Kenya (a bare "ID" only where it is the person's: _bare_id_ok)
    "rw": ((re.compile(r"[1-3](?:19|20)\d{2}[78]\d{10}"), None), (re.compile(r"\d{16}"), None)),
    "mt": ((re.compile(r"\d{1,7}[MGAPLHBZ]"), None),),
    "op": ((re.compile(r"\d{9}"), None), (re.compile(r"[A-Z]{2}\d{6}"), None)),
    "cni": ((re.compile(r"\d{12}"), None), (re.compile(r"(?=[A-Z]{0,8}\d)(?=\d{0,8}[A-Z])[A-Z0-9]{9}"), None)),
    "kvnr": ((re.compile(r"[A-Z]\d{9}"), _kvnr_ok),),
    "dl": ((re.compile(r"(?=(?:[A-Z]{0,12}\d){6})[A-Z0-9]{6,20}"), None),),
    "fnpf": ((re.compile(r"(?:[A-Z]{1,3})?\d{5,10}"), None),),
}

# words that may stand between a name and its number, beyond pii_ids' link words: Swahili, Luganda, Kinyarwanda,
# Maltese, Shona, Czech, Turkish, Hindi, Fijian
_LINKS = pii_ids._LINK_WORDS | frozenset((
    "yangu", "yako", "yake", "changu", "chako", "ni", "ya", "namba", "nambari", "yange", "ye", "yanjye", "ni:",
    "huwa", "hija", "tiegħi", "tieghi", "tagħi", "taghi", "tal", "numru", "id-numru", "rangu", "nhamba",
    "č", "č.", "čís", "číslo", "cislo", "numaram", "numarası", "numarasi", "numaramız", "numaranız", "numaranızı",
    "benim", "alabilir", "miyim", "lütfen", "söyler", "misiniz", "no.", "nr.",
    "नंबर", "नम्बर", "संख्या", "है", "मेरा", "मेरी", "का", "की", "बताइए", "बताइये", "बताएं", "बताएँ", "दीजिए", "दीजिये",
    "क्या", "आपका", "अपना", "ka", "na", "n°:", "nro", "núm", "card",
    "kimlik", "son", "sa", "ses", "su", "sus", "seu", "sua", "ihr", "ihre", "seine", "her", "his", "your", "our",
    "vinaka", "bitte", "por", "favor", "nummer:"))
_ANSWER_LINKS = _LINKS | pii_ids._ANSWER_WORDS  # "agent: driving licence number?\ncaller: yeah it's …"
# a sentence after the name's that opens with the writer's own: "Versichertennummer ungültig. Meine ist K…"
_MINE = re.compile(r"(?i:meine?[ \t]ist|mine[ \t]is|mine's|la[ \t]mienne[ \t]est|le[ \t]mien[ \t]est|"
                   r"el[ \t]m[íi]o[ \t]es|la[ \t]m[íi]a[ \t]es|o[ \t]meu[ \t][ée]|a[ \t]minha[ \t][ée]|"
                   r"il[ \t]mio[ \t][èe]|la[ \t]mia[ \t][èe])[ \t:]{1,3}")
_SENTENCE_END = re.compile(r"[^\w\s]{0,2}[.!][\"”»']?[ \t]{1,3}")
_ANY_DIGIT = re.compile(r"\d")
_TOKEN = re.compile(r"[^\W\d_][^\s\d,;:()\"“”]{0,30}")
_SPEAKER = re.compile(r"[^\W\d_][^\s\d:]{1,20}[ \t]?:[ \t]{0,3}")
_RUN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9]|[ \t./-](?=[A-Za-z0-9])){0,47}")
_PIECE = re.compile(r"[A-Za-z0-9]+")
_SEPARATORS = re.compile(r"[ \t./-]")
# the word right before a bare "ID" (pii_ids' owners make it someone's: "my ID", "namba ya ID"); the words that make it
# an order's, an account's or a device's, close before it or after its number
_WORD_BEFORE = re.compile(r"(?<!\w)([^\W\d_]{1,20})[ \t]{0,2}[:-]?[ \t]{0,2}$")
_OWNERS = pii_ids._ID_OWNERS | frozenset(("ya", "yangu", "rangu", "changu"))  # "namba ya ID"
_NOT_OURS = re.compile(r"(?i:\b(?:order|booking|reference|ref|policy|account|acct|invoice|claim|ticket|transaction|"
                       r"tracking|customer|member|user|agent|employee|staff|student|apple|game|player|device|meter|"
                       r"case|session|application|applicant|request|receipt|contract|pedido|commande|reserva)\b"
                       r"(?![ \t]?:))")


def _gap(text: str, start: int, insurer: bool = False) -> tuple[int, bool] | None:
    """Where the value after a name ending at ``start`` begins, and whether the reading went on into the next turn;
    None when a word that is no link word comes first (or the name's sentence ends). With ``insurer`` (a health
    insurance number's name) a few other words may stand between too, none an order's, a policy's or an account's:
    "Versichertennummer bei der AOK Bayern lautet M418207758"."""
    if text[start:start + 1] in ("-", "/") and text[start + 1:start + 2].isalnum():
        return None  # a reference's prefix: "DL-771-20441", "TC-2025-0098213"
    i, words, far, mined, others = start, 0, False, False, 0
    limit = min(len(text), start + _GAP_CHARS)
    while i < limit:
        c = text[i]
        if c.isdigit():
            return i, far
        if c in " \t:#=()[]\"'“”«»–—-,?":
            i += 1
            continue
        if c in ".!\n":
            j = i + 1
            while j < limit and text[j] in " \t\n":
                j += 1
            if j < limit and text[j].isdigit() and c != "!":
                i = j  # "Číslo OP:\n214778092", "n. 123"
                continue
            turn = _SPEAKER.match(text, j) if "\n" in text[i:j] else None
            if far:
                return None
            if turn:
                i, far, words = turn.end(), True, 0
                continue
            mine = None if mined else _MINE.match(text, j)
            if not mine:
                return None
            i, mined, words = mine.end(), True, 0
            continue
        m = _TOKEN.match(text, i)
        if not m:
            return None
        token = m.group().rstrip(".!?")
        word = token.lower()
        links = _ANSWER_LINKS if far else _LINKS
        if (word in links or word.rstrip(":") in links) and words < 4:
            words += 1
            i = m.end()
            continue
        if len(token) == 1 and token.isupper() and text[m.end():m.end() + 1].isdigit():
            return i, far  # "K381946227"
        if insurer and others < 4 and word not in pii_ids._STOP_WORDS and not word.endswith(("nummer", "nr")):
            others += 1
            i = m.end()
            continue
        if token.isupper() and m.end() < len(text) and (text[m.end()] in " \t-" or text[m.end()].isdigit()):
            return i, far  # a value opening with letters: "CM88…", "FN 402 118 77", "CDMX0819274", "X4RTBPFW4"
        end = _SENTENCE_END.search(text, m.end(), min(len(text), m.end() + 40))
        mine = _MINE.match(text, end.end()) if end and not (far or mined) and not _ANY_DIGIT.search(text, i,
                                                                                                 end.start()) else None
        if not mine:
            return None
        i, mined, words = mine.end(), True, 0  # "Versichertennummer ungültig". Meine ist K381946227"
    return None


def _value(text: str, start: int, key: str) -> tuple[int, int, bool] | None:
    """The longest stretch of letters and digits from ``start`` whose compact form has one of the row's shapes, with
    whether it passed the shape's check digit (True where the shape has none); None when none does."""
    if start and (text[start - 1].isalnum() or text[start - 1] in "@+/"):
        return None
    run = _RUN.match(text, start, min(len(text), start + _VALUE_CHARS + 1))
    if not run:
        return None
    ends = [m.end() for m in _PIECE.finditer(text, start, run.end())]
    for end in reversed(ends):
        after = text[end:end + 2]
        if len(after) == 2 and after[0] in " \t./-" and after[1].isdigit() and end < run.end():
            continue  # the number goes on: taking part of it is no id
        if end < len(text) and (text[end].isalnum() or text[end] in "@"):
            continue
        raw = text[start:end]
        compact = _SEPARATORS.sub("", raw)
        for shape, check in _SHAPES[key]:
            if shape.fullmatch(compact):
                return start, end, check is None or check(compact)
    return None


def _bare_id_ok(text: str, name: re.Match[str], compact: str, end: int) -> bool:
    """A bare "ID": not an order's, an account's or a device's ("Order ID", "transaction ID"); a shape of its own
    (Zimbabwe's, Uganda's, Rwanda's, Malta's) is someone's id; 7-8 digits (Kenya's) are when the word before says so
    ("my ID", "namba ya ID"), or when the ID opens a clause ("Wanjiru Kamau, ID 28459173", "reverse. ID yangu ni …")."""
    before = _WORD_BEFORE.search(text, max(0, name.start() - 24), name.start())
    word = before.group(1).lower() if before else ""
    if word in _OWNERS:
        return True
    if _NOT_OURS.search(text, max(0, name.start() - 40), name.start()):
        return False
    if not compact.isdigit() or len(compact) > 8:
        return not word or word[0] != word[0].lower()  # "Tendai Moyo ID 63-1847293 F 42"; not "game ID"
    last = text[max(0, name.start() - 24):name.start()].rstrip(" \t")[-1:]
    return not word and (not last or last in ".,;:!?\n") and not _NOT_OURS.search(
        text[end:end + 30].split("\n", 1)[0])  # "ID 2108447. My fees invoice …" is a student's


def find_country_ids(text: str) -> Iterator[Found]:
    """The ids of the module's docstring, at most CAP."""
    return itertools.islice(_country_ids(text), CAP)


def _country_ids(text: str) -> Iterator[Found]:
    if not _ANY_DIGIT.search(text):
        return
    seen: set[int] = set()
    for name in itertools.islice(_NAME.finditer(text), _NAMES_READ):
        key = name.lastgroup or ""
        gap = _gap(text, name.end(), key == "kvnr")
        if gap is None:
            continue
        start, far = gap
        found = _value(text, start, key)
        if found is None or found[0] in seen:
            continue
        begin, end, checked = found
        if not checked and (far or key == "tc"):
            continue  # a check digit that fails: only right after the name, never a T.C. kimlik number's
        compact = _SEPARATORS.sub("", text[begin:end])
        if key == "id" and name.group() in ("ID", "Id") and not _bare_id_ok(text, name, compact, end):
            continue
        if key == "dl" and name.group() == "DL" and sum(c.isdigit() for c in compact) < 7:
            continue  # a Delhi number plate ("DL 3C AB 1234")
        seen.add(begin)
        yield "NATIONAL_ID", begin, end, 0.85

