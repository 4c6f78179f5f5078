"""Identity-document numbers after the document's name, in any of the languages our customers write (session 25).

One table of document names (passports, driving licences, health and social-security cards, tax numbers, national
identity cards of many countries) and one reading of what follows the name:

- a few link words at most ("number", "no.", "n°", "is", "es", "ist", "my", "allora"…), none of them a reference's,
  an order's, a phone's or a date's word ("passport number on booking P9LX4T": the booking reference is kept);
- or, in a dialogue, the name asked in one turn and the value opening the answer ("your BVN and date of birth?
  Customer: 22184739261, …", "health card number please caller: one oh six oh, …");
- then the value: a code of 5-24 letters and digits with at least three digits, in groups joined by dots, slashes,
  dashes or single spaces ("12 140378 K 041", "28/14886933/89", "S3481-72960-95817"); or the number read aloud
  digit by digit, with spelled letters, in English, Spanish, Portuguese, Italian, French, German, Dutch or Polish
  ("gi elle elle ti zeta enne nove zero …", "dois dois um, um oito sete, …").

A date, an amount or a year after the name is not a number of the document ("passport expires 12/03/2031"). The
checksum-verified layouts (DNI, BSN, PESEL, CPF…) stay with ``pii_rules``; this pass is the name-led form only, and
every pattern here is linear (no nested repetition), the rest is plain Python over at most 120 characters a name.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

Found = tuple[str, int, int, float]  # kind, start, end, score

_PASSPORT = (r"\breisepass\w{0,8}|\bpass(?:port|eport|aporte|aporto|nummern?)\b|\bpass-nr\b|\bpaspoort\w{0,8}|"
             r"\bpaszport\w{0,4}")
# names that are words too in some language are matched as written: "SIN" (Spanish "without"), "FIN" (French "end"),
# "NIE" (German and Polish "never"), "PAN", "PIN", "TIN", "CC", "RG", "DL", "ID", "CIP"
_CASED = (r"\b(?:DL|SIN|FIN|NIE|PAN|TIN|NIN|NIP|CIP|CC|RG|RUT|RUN|CUIT|CUIL|CNI|OHIP|NHI|SSS|BVN|NRIC|CURP|RFC|CPF|"
          r"DNI|NIF|BSN|HKID|AHV|NUSS|NIR|PPSN?|KRA[ \t]PIN|ID|"
          # session 32: Sri Lanka's NIC, Zambia's NRC, Bangladesh's NID, Indonesia's NIK and KTP, Tanzania's NIDA,
          # Croatia's OIB, Serbia's JMBG, Bulgaria's EGN, Hungary's TAJ, Mexico's and Spain's NSS, the Philippines' PSN,
          # Vietnam's CCCD and CMND (not a UTR: in India that is a transfer's reference)
          r"NIC|NRC|NID|NIK|KTP|NIDA|OIB|JMBG|EGN|TAJ|NSS|PSN|CCCD|CMND)\b")
_NAMED = (
    r"\bdriv(?:er'?s|ing)[ \t]licen[cs]e\b|\blicen[cs]e[ \t](?:no\b|number\b|#)|\bmy[ \t]licen[cs]e\b|"
    r"\bdl[ \t](?:no\b|number\b|#)|f(?:ü|ue)hrerschein\w{0,8}|\bpermis(?:[ \t]de[ \t]conduire)?[ \t]n[°ºo]|"
    r"\bcarnet[ \t]de[ \t]conducir|\blicencia[ \t]de[ \t]conduc\w{1,4}|\bpatente[ \t]di[ \t]guida|\brijbewijs\w{0,8}|"
    r"\bprawo[ \t]jazdy|\bcarta[ \t]de[ \t]condu[çc][ãa]o|"
    r"\bhealth[ \t]card(?:[ \t](?:number|no\b))?|\bhealth[ \t]insurance[ \t](?:number|no\b)|\bmedicare(?:[ \t](?:number|card))?|"
    r"\bnhi[ \t]number|\bnhs[ \t](?:number|no\b)|\bcarte[ \t]vitale|\bversicherte?n?nummer|"
    r"\b(?:kranken|sozial|renten)?versicherungsnummer|\bsv-nummer|\bahv-n(?:umme)?r|\bseguridad[ \t]social|"
    r"\btarjeta[ \t]sanitaria|\bs[ée]curit[ée][ \t]sociale|\btessera[ \t]sanitaria|\bn[úu]mero[ \t]de[ \t]utente|"
    r"\bphilhealth|\bsocial[ \t](?:security|insurance)[ \t](?:number|no\b)|\bss[ \t]number|\bssn\b|"
    r"\brg\b|\bnational[ \t]id\w{0,6}|\bid[ \t](?:card|number|no\b)|\bidentity[ \t](?:card|number|document)|"
    r"\bidentification[ \t]number|\bidentificaci[óo]n|\bidentidade|\baadh?aar|\bphilsys|\bi[ \t]?c[ \t](?:number|no\b)|"
    r"\bmykad|\bnric\b|\bbvn\b|\b(?:pan|sin|tin|nin|pps)[ \t](?:card|number|no\b)|\bp[ \t]p[ \t]s[ \t]number|"
    r"\btax[ \t](?:identification|id|file|payer|reference)[ \t]?(?:number|no\b)?|\bsteuer-?id\b|"
    r"\bsteuer(?:identifikations)?nummer|\bidentifikationsnummer|\bnum[ée]ro[ \t]fiscal|"
    r"\bnum[ée]ro[ \t]d'identification|\bnif\b|\bdni\b|\bcurp\b|\brfc\b|\bc[ée]dula|\bc\.c\.|\bcpf\b|\bpesel\b|"
    r"\bdow[óo]d\w{0,3}(?:[ \t]osobist\w{1,3})?|\bnumer[ \t]dowodu|\bburgerservicenummer|\bbsn\b|"
    r"\bcodice[ \t]fiscale|\bcarta[ \t]d'identit[àa]|\bpersonalausweis\w{0,4}|\bausweis(?:nummer|-nr)?\b|"
    r"\bcarte[ \t]d'identit[ée]|\bdocumento[ \t]de[ \t]identidad|\bmatricule\b|\bemirates[ \t]id|\bhkid\b|"
    r"\bcart[ãa]o[ \t]de[ \t]cidad[ãa]o|\bbilhete[ \t]de[ \t]identidade|"
    # session 32: the names the table lacked (Estonian, Lithuanian, Latvian, Slovenian, Greek, Bulgarian, Hungarian,
    # Turkish, Vietnamese, Icelandic)
    r"\bisikukood\w{0,4}|\basmens[ \t]kod\w{1,3}|\bpersonas[ \t]kod\w{1,3}|\bem[šs]o\b|\bdav[čc]n\w{1,3}[ \t]"
    r"[šs]tevilk\w{1,2}|\bαμκα\b|\bαφμ\b|\bαδτ\b|\bегн\b|\bадоазоносит\w{0,3}|\badóazonosító(?:[ \t]jel)?|"
    r"\btaj[ \t-]?sz[áa]m\w{0,3}|\bszem[ée]lyi[ \t]igazolv[áa]ny\w{0,4}(?:[ \t]sz[áa]ma)?|\bt\.?[ \t]?c\.?[ \t]kimlik"
    r"(?:[ \t]no)?|\bc[ăa]n[ \t]c[ưu][ớo]c(?:[ \t]c[ôo]ng[ \t]d[âa]n)?|\bkennitala|\bsha[ \t](?:number|no\b)")
# every name starts with a letter: the lookahead skips the alternation at digits, spaces and marks (0.6 s -> 0.005 s on
# 200,000 characters of "1 "; the same matches on every labelled text, session 46)
_NAME = re.compile(rf"(?=[^\W\d_])(?:{_CASED}|(?i:{_PASSPORT}|{_NAMED}))")
_IS_PASSPORT = re.compile(_PASSPORT, re.IGNORECASE)
DOCUMENT_NAME = _NAME  # read by pii_refs: a document's name before a reference's keeps the document's number

# the word before a bare "ID": a booking's, an order's, a device's or a brand's ID is no one's identity document
_ID_OWNERS = frozenset(("my", "his", "her", "your", "their", "our", "national", "identity", "the", "and", "with", "plus",
                        "valid", "photo", "government", "kenyan", "ghanaian", "nigerian", "new", "old", "mein", "meine",
                        "mi", "su", "mon", "ma", "sa", "il", "la", "o", "a", "do", "da"))
_WORD_BEFORE = re.compile(r"(?<!\w)([^\W\d_]{1,20})[ \t:,-]{1,3}$")
# link words that may stand between the name and its value, and words that say the value is something else
_STOP_WORDS = frozenset((
    "booking", "order", "reference", "ref", "ticket", "case", "claim", "policy", "invoice", "file", "reserva", "pedido",
    "commande", "bestellung", "bestellnummer", "buchung", "buchungsnummer", "auftrag", "aktenzeichen", "dossier",
    "expediente", "flight", "vuelo", "vol", "account", "konto", "cuenta", "compte", "conta", "iban", "phone", "tel",
    "telephone", "telefon", "telefono", "teléfono", "telefone", "téléphone", "mobile", "móvil", "movil", "handy",
    "cell", "whatsapp", "email", "e-mail", "mail", "address", "adresse", "dirección", "endereço", "postcode", "zip",
    "plz", "fee", "price", "cost", "costs", "total", "paid", "amount", "date", "born", "birth", "dob", "geboren",
    "nacimiento", "naissance", "nascimento", "expires", "expiry", "expired", "expire", "expira", "valid", "gültig",
    "bis", "until", "issued", "ausgestellt", "scade", "vence", "seit", "since", "room", "seat", "gate", "pnr", "vehicle",
    "reg", "plate", "kennzeichen", "matrícula", "placa", "tracking", "parcel", "sendung", "colis", "meter", "zähler",
    "contract", "vertrag", "contrato", "contrat", "customer", "kunde", "kundennummer", "cliente", "client", "member",
    "membership", "appointment", "renewal", "photo", "photos", "copy", "kopie", "page", "pages", "step", "steps",
    "days", "weeks", "months", "years", "hours", "minutes", "times", "items", "people", "persons", "children", "kids",
    "version", "app", "office", "branch", "sort", "code", "otp", "password", "verification", "serial",
    "imei", "model", "sku", "invoice", "factura", "facture", "rechnung", "fattura", "fatura", "faktura", "numer_konta",
    "cvv", "card", "tarjeta", "carte", "karte", "cartão"))
# what an agent asks for together with the document ("your BVN and date of birth?"): the answer gives both in turn
_CO_ASKED = frozenset(("date", "birth", "dob", "mobile", "phone", "email", "e-mail", "mail", "address", "postcode",
                       "zip", "name", "names", "full", "surname", "nacimiento", "naissance", "nascimento", "geburtsdatum",
                       "móvil", "telefone", "celular", "cell"))
_MONTH = re.compile(r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|janv|févr|fev|mars|avr|mai|juin|juil|"
                    r"août|aout|déc|ene|abr|ago|dic|dez|okt|mär|mrt|mei|gen|giu|lug|set|ott|out)\.?")
_SPEAKER = re.compile(r"[^\W\d_]{2,15}[ \t]?:(?!\S)")
SPEAKER_AHEAD = re.compile(r"(?<![^\s(])[^\W\d_]{2,15}[ \t]?:(?!\S)")
_WORDS = re.compile(r"[^\W\d_]{1,30}")
# words that may stand between a document's name and its number in one sentence, and that may open the answer
_LINK_WORDS = frozenset((
    "number", "numbers", "no", "nr", "n", "n°", "nº", "n.º", "num", "numero", "número", "numéro", "nummer", "nummern",
    "numer", "numeru", "is", "es", "est", "ist", "é", "è", "era", "war", "was", "lautet", "are", "my", "mi", "mon", "ma",
    "mein", "meine", "meines", "il", "la", "le", "el", "the", "of", "de", "di", "do", "da", "del", "des", "du", "ko",
    "po", "please", "pls", "plz", "serii", "seria", "i", "card", "carte", "karte", "tarjeta", "cartão", "carta",
    "läuft", "auf", "on", "here", "it", "it's", "its", "reads", "now", "again", "then", "below", "attached", "sir",
    "ma'am", "madam", "pour", "para", "per", "für", "dla", "voor", "van", "este", "esta", "cette", "dieser", "ce",
    "alte", "altes", "alten", "old", "new", "nuevo", "nueva", "novo", "nova", "neue", "neuer", "nouveau",
    "nouvelle", "starego", "nowego", "nowy", "stary", "vecchia", "nuova",
    # session 32: "PESEL to", "OIB je", "isikukood on", "ΑΦΜ μου είναι", "NIDA yangu ni", "TAJ számom"
    "to", "je", "er", "är", "on", "ni", "mano", "mój", "moje", "moja", "μου", "είναι", "jel", "szám", "számom", "száma",
    "kood", "lapse", "syna", "córki", "là", "của", "tôi", "yang", "adalah", "saya", "yangu", "hai", "mera", "meri"))
_ANSWER_WORDS = _LINK_WORDS | frozenset((
    "allora", "so", "yes", "yeah", "yep", "sure", "ok", "okay", "claro", "sí", "si", "ja", "oui", "sim", "mine",
    "this", "um", "uhm", "uh", "er", "erm", "eh", "ah", "right", "alright", "course", "ya", "vale", "bueno", "pues",
    "então", "entao", "certo", "bien", "alors", "euh", "also", "äh", "ähm", "na", "czyli", "tak", "nou", "ehm",
    "dunque", "ecco", "sorry", "hi", "hello", "go", "you", "that's", "thats", "one", "sec", "moment"))
_FILLER_TOKEN = re.compile(r"[^\W\d_][^\s\d]{0,30}|[^\w\s]{1,3}")
_GROUP = re.compile(r"[A-Za-z0-9]{1,20}")
_UPPER_SHORT = re.compile(r"[A-Z]{1,4}")
_PREFIXED = re.compile(r"[A-Za-z]{1,4}-\d")
# a firm's tax number is no one's personal data ("TIN 118-442-077" of "Kilimanjaro Coffee Exporters Ltd", "NIP 52…"
# on an invoice to a company); a tax number's name is read only where no firm is named
_TAX = re.compile(r"(?i:tin|nip|nif|kra[ \t]pin|tax\b.{0,30}|steuernummer|num[ée]ro[ \t]fiscal|oib|αφμ|"
                  r"dav[čc]n\w{1,3}[ \t][šs]tevilk\w{1,2})")
_FIRM = re.compile(r"(?i:\b(?:ltd|limited|inc|llc|llp|corp|corporation|plc|gmbh|pty|company|enterprises|exporters|"
                   r"supplier'?s?|vendor|merchant|branch|head[ \t]office|"
                   r"importers|holdings|sp\.?[ \t]?z[ \t]?o\.?[ \t]?o|sp\.?[ \t]?j|s\.[ \t]?[la]|sociedad|société|"
                   r"nabywcy|sprzedawcy|firma|empresa|we[ \t]are|our[ \t](?:firm|company|new|tin|nip|nif|kra)|"
                   r"vat|b\.?v|n\.?v|srl|s\.?p\.?a|lda|ust-?id\w{0,4}|btw|iva|tva|kvk|hrb|krs|regon|cif)\b)")
# a bare "ID" near a school's, an employer's or a club's card is their reference
_CARD_OF = re.compile(r"(?i:student|employee|staff|member|library|badge|gym|club|school|uni)")
_DATE = re.compile(r"\d{1,4}[./-]\d{1,2}(?:[./-]\d{2,4})?|\d{4}")
_AMOUNT_AFTER = re.compile(r"[ \t]?(?:€|\$|£|%|eur\b|euros?\b|usd\b|gbp\b|chf\b|kg\b|km\b|mb\b|gb\b|am\b|pm\b|h\b|min\b)",
                           re.IGNORECASE)

DIGIT_WORDS = frozenset((
    # English
    "zero", "oh", "o", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "double", "triple",
    # Spanish / Portuguese / Italian
    "cero", "uno", "una", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "um", "uma",
    "dois", "duas", "três", "quatro", "meia", "sete", "oito", "nove", "dez", "due", "tre", "quattro", "cinque", "sei",
    "sette", "otto", "dieci", "vinte", "trinta", "quarenta", "cinquenta", "sessenta", "setenta", "oitenta", "noventa",
    # French / German / Dutch / Polish
    "zéro", "un", "deux", "trois", "cinq", "sept", "huit", "neuf", "null", "eins", "zwei", "zwo", "drei", "vier",
    "fünf", "sechs", "sieben", "acht", "neun", "nul", "een", "één", "twee", "vijf", "zes", "zeven", "negen",
    "jeden", "jedna", "dwa", "dwie", "trzy", "cztery", "pięć", "sześć", "siedem", "osiem", "dziewięć"))
# letters read aloud (Italian and Spanish names of letters; a lone letter in any language)
_LETTER_WORDS = frozenset((
    "bi", "ci", "di", "effe", "gi", "acca", "elle", "emme", "enne", "pi", "qu", "erre", "esse", "ti", "vu", "zeta",
    "ics", "ipsilon", "be", "ce", "de", "efe", "ge", "hache", "jota", "ka", "ele", "eme", "ene", "pe", "cu", "ese", "te",
    "uve", "equis", "ye"))
_JOINERS = frozenset(("e", "y", "dash", "hyphen", "guion", "guión", "tiret", "trattino", "slash", "barra"))
_SPOKEN_TOKEN = re.compile(r"[^\W\d_]{1,12}")


def _code_at(text: str, pos: int) -> int:
    """End of the code that starts at ``pos`` (groups of letters and digits), or -1 when none does."""
    first = _GROUP.match(text, pos)
    if not first or (pos and (text[pos - 1].isalnum() or text[pos - 1] in "@+")):
        return -1
    groups = [first.group()]
    end = first.end()
    while end < len(text) and len(groups) < 6:
        sep = text[end]
        nxt = _GROUP.match(text, end + 1) if sep in "./- \t" else None
        if not nxt:
            break
        group = nxt.group()
        if sep in " \t":
            has_digit = any(c.isdigit() for c in group)
            after = _GROUP.match(text, nxt.end() + 1) if nxt.end() < len(text) and text[nxt.end()] in " \t" else None
            follows = bool(_UPPER_SHORT.fullmatch(group) and after and any(c.isdigit() for c in after.group()))
            if not (has_digit and (group.isdigit() or group.isupper())) and not follows:
                break
        groups.append(group)
        end = nxt.end()
    value = text[pos:end]
    alnum = sum(len(g) for g in groups)
    digits = sum(c.isdigit() for c in value)
    if not (5 <= alnum <= 24 and digits >= 3):
        return -1
    if not any(c.isdigit() for c in groups[0]) and not _UPPER_SHORT.fullmatch(groups[0]):
        return -1
    if end < len(text) and (text[end].isalnum() or text[end] in "@"):
        return -1
    if _DATE.fullmatch(value) or _AMOUNT_AFTER.match(text, end) or (pos and text[pos - 1] in "€$£"):
        return -1
    if any(_MONTH.fullmatch(g) for g in groups):
        return -1  # "17 MAR 2031": a date
    if _PREFIXED.match(value):
        return -1  # a policy's or a claim's layout: "KV-2291-4471", "HH-7781044"
    return end


def next_turns(text: str) -> Iterator[tuple[str, int, int]]:
    """Each line of the text that has a line after it, with where that next line starts and ends: (line, start, end),
    for the rules that read a question on one line and its answer on the next (a dialogue's next turn)."""
    lines = text.split("\n")
    start = 0
    for line, after in zip(lines, lines[1:], strict=False):
        start += len(line) + 1
        yield line, start, start + len(after)


def spoken_at(text: str, pos: int) -> int:
    """End of a value read aloud from ``pos`` (four number words at least), or -1."""
    end, digits, last, i = -1, 0, pos, pos
    while i < len(text) and i - pos < 160:
        m = _SPOKEN_TOKEN.match(text, i)
        if not m:
            break
        word = m.group().lower()
        if m.end() < len(text) and text[m.end()] == ":":
            break  # the next speaker's label
        if word in DIGIT_WORDS:
            digits += 1
        elif not (len(word) == 1 or word in _LETTER_WORDS or word in _JOINERS):
            break
        if word not in _JOINERS:
            end = m.end()
        last = m.end()
        j = last
        while j < len(text) and j - last < 3 and text[j] in " \t,-":
            j += 1
        if j == last:
            break
        i = j
    return end if digits >= 4 else -1


def _value_after(text: str, start: int) -> tuple[int, int] | None:
    """The value that follows a document's name ending at ``start`` (see the module's docstring), or None.

    In the name's own sentence only link words may come between ("passport no. is …"); in a dialogue the name may be
    asked in one turn and answered at the start of the next ("… health card number please caller: one oh six …"):
    the turns between say nothing of an order, a booking or a phone when the answer is two turns on.
    """
    if start < len(text) and text[start] in "-/" and start + 1 < len(text) and text[start + 1].isalnum():
        return None  # a reference's prefix: "SIN-2024-0088172", "RG-448120"
    i, words, turns, stops = start, 0, 0, False
    limit = min(len(text), start + 160)
    while i < limit:
        c = text[i]
        if c in " \t,:;#()[]\"'“”«»–—=" or (c == "-" and not turns):
            i += 1
            continue
        if c in ".!" and (i + 1 >= len(text) or text[i + 1].isspace()) and not text[i - 1:i].isalnum():
            nxt = SPEAKER_AHEAD.match(text, i + 1)
            if not nxt:
                return None  # the sentence ended ("He'll have his ID. Rx 6620948")
            i, turns, words = nxt.end(), turns + 1, 0
            continue
        if c in "?\n":
            i += 1
            continue
        end = _code_at(text, i)
        if end < 0:
            end = spoken_at(text, i)
        if end > 0:
            return (i, end) if turns < 2 or not stops else None
        m = _SPEAKER.match(text, i)
        if m:
            i, turns, words = m.end(), turns + 1, 0
            continue
        m = _FILLER_TOKEN.match(text, i)
        if not m:
            return None
        word = m.group().lower().rstrip(".,!?:;")
        if any(ch.isdigit() for ch in word):
            return None
        if word in _STOP_WORDS:
            if not turns and word not in _CO_ASKED:
                return None  # "passport number on booking P9LX4T", "Passport expiry: 17 MAR 2031"
            stops = True
        allowed = _ANSWER_WORDS if turns else _LINK_WORDS
        if word in allowed and words < 5:
            words += 1
            i = m.end()
            continue
        ahead = SPEAKER_AHEAD.search(text, m.end(), min(len(text), m.end() + 90))
        if not ahead or turns >= 2 or any(ch.isdigit() for ch in text[m.end():ahead.start()]):
            return None
        between = [w.lower() for w in _WORDS.findall(text, m.end(), ahead.start())]
        if any(w in _STOP_WORDS and w not in _CO_ASKED for w in between):
            return None  # the agent asked for something else too: "… your member ID?\nCustomer: …"
        stops = stops or any(w in _STOP_WORDS for w in between)
        i, turns, words = ahead.end(), turns + 1, 0
    return None


def find_labelled_ids(text: str) -> Iterator[Found]:
    """Identity-document numbers after the document's name (see the module's docstring)."""
    return iter(_labelled_ids(text))


@functools.lru_cache(maxsize=4)
def _labelled_ids(text: str) -> tuple[Found, ...]:
    """One scan a text: pii_rules and pii_world_ids both read the same text's ids, and the scan of the document
    names is the detector's costliest pass on long hostile text (0.6-0.7 s of CPU on 200,000 characters of "1/",
    session 46; test_redos bounds the whole detector at 4 s)."""
    return tuple(_scan_labelled_ids(text))


def _scan_labelled_ids(text: str) -> Iterator[Found]:
    seen: set[int] = set()
    for m in _NAME.finditer(text):
        if m.group() == "ID":
            before = _WORD_BEFORE.search(text, max(0, m.start() - 24), m.start())
            if not before or before.group(1).lower() not in _ID_OWNERS:
                continue  # "Booking ID", "Apple ID", a game's "ID 551823094", an agent's "(ID 40291)"
        name = m.group()
        if _TAX.fullmatch(name) and _FIRM.search(text):
            continue
        if name == "ID" and _CARD_OF.search(text, max(0, m.start() - 80), m.start()):
            continue
        found = _value_after(text, m.end())
        if found and name.lower() == "matricule" and sum(ch.isdigit() for ch in text[found[0]:found[1]]) < 9:
            continue  # an employee's number; a Luxembourg social-security matricule has 13 digits
        if found and found[0] not in seen:
            seen.add(found[0])
            kind = "PASSPORT" if _IS_PASSPORT.match(m.group()) else "NATIONAL_ID"
            yield kind, found[0], found[1], 0.85
