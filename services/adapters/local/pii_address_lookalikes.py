"""Text taken for an ADDRESS that is none (session 49, candidate 49-4): an ADDRESS span whose whole text is an amount,
a duration, a date, a count of goods, a registry number, a letter's closing word, a job title or a bar under a
signature, a spelled code no postcode has the shape of, is dropped, whichever finder proposed it (the NER, the CRF
tagger, a rule, an add-back).

By the labelling conventions (tests/data/pii/build.py) an ``ADDRESS`` names where someone lives or receives things:
a street with its number, a postcode, the writer's own flat or house number even alone. None of the look-alikes below
can be one, in any language:

- an amount: a currency's sign, code or word with a number ("R 289", "Ksh 3,500", "₱7,500", "Rs 38,400",
  "المبلغ 150 دينار", "٣٬٢٩٩ درهم", "forty two dollars approved");
- a duration or a time ("2h 5m", "45 min"), a date ("4월 18일", "3月12日", "14-16 Aug", "3 Jan, 17 Jan",
  "Spring 2025");
- a count of goods, hours or units ("12 Stk", "3 pcs", "2 Erwachsene, 1 Kind", "30 Wochenstunden", "2 bed terrace");
- a number after a company's registry, a meter's, a policy's or a plate's label ("SIRET 812 447 391 00010",
  "HRB 4471", "MPRN 10305584286", "Póliza AUT-558219-03"), a bus's or a delivery's route ("route G-114", "Linie 4");
- a firm of lawyers or notaries ("Wolters Advocaten"), a business park's gate or a mall named alone ("Gate 4, Harlow
  Business Park", "Avenue Mall");
- a letter's closing word ("Atentamente", "Mit freundlichen Grüßen"), a job title ("Office Manager") or a bar
  association ("Avocate au Barreau de Marseille") on a signature's line;
- a code spelled a symbol at a time that no postcode has the shape of: ten symbols mixing letters and digits (an
  M-Pesa transaction's "s k l four h seven q x two b"), six or seven that are no British, Canadian, Irish or Dutch
  postcode (a booking's "M Q 7 X 2 P", "kilo, seven, T, R, nine, Q"), a code written in three groups or more
  ("W7K 4PX 9RM", "04 P 7K2 M8Q 9X1"); a postcode said alone with the word after it ("3056 if");

Widened in session 49 (candidate 49-5), by build.py's rule that a street, a suburb, a landmark, a named estate or
residence alone is a kept ``PLACE``:

- a street, a square, an estate or a residence named without any number, in any European language or layout ("la rue
  de la République sera fermée", "Via Roma è chiusa", "Sandpiper Gardens", "Résidence Les Tilleuls", "Storgatan",
  "corso Dante, Torino"), unless its context reads as someone's address: asked for or given (address, CEP, postcode,
  delivery, "I live", "my", "our", a caller's "from the shop on"), a line of its own (an address block, a caller's
  answer), or followed by its number or postcode;
- a street after "the junction of", "the corner of", "à l'angle de", "esquina de", "Ecke" (never a dwelling);
- a housing association named after its building ("Eigentümergemeinschaft Rosenweg 8", "Társasház Váci út 44"), never
  its postal address: its street going on to a postcode, a town or a flat ("als Hausverwaltung der WEG Schillerstraße
  14, 01069 Dresden": the writer's own address, mended in session 50);
- a sentence of Arabic, Urdu, Persian or Hebrew script read as one span: an address with a dwelling's part (a house,
  a flat, a floor, a villa, a plot, a Saudi short address) is cut before the landmark written after it ("…، شقة ٨،
  جنب سيتي ستارز" ends at "شقة ٨"); a sentence naming only a district, a street or a square with no dwelling, no
  name's cue (a greeting, an honorific, "I am", "in the name of"), no long number and no id (an outage in "حي النرجس",
  an accident at "دوار الجهراء") is dropped; any other such sentence stays whole, for it may hold a name or an id.

Widened in session 50 (candidate 50-8): a building or a block of houses named in a notice to its residents or from
their committee, in any language ("in den Häusern Gartenstraße 3–9", "la calle Orense 18", "Kolkstraat 2 t/m 64",
"Gedimino pr. 18–24"), or right after the residents' body named after it ("Die Hausgemeinschaft Lindenstraße 12–16"),
unless a first person or an address's word comes before it in its sentence or a flat or a postcode after it; a span
ending in an association's or a committee's word; a square or a street where something happened or a way went through
("aparcada en la Plaza del Pilar", "through Praça do Comércio"), unless an address, a home or a delivery is said there.

Never dropped: a span with a street's, a building's or a unit's number beside its name ("12 Rue des Tanneurs",
"flat 4"), a postcode, an address of any script written as its fields; any other sentence of another script the taggers
read as one span (it may hold the writer's name or address: the span stays as it is); a label after an address
("…, LV-1039, PVN"); a flat's letter or a room ("2 H", "Rm 12"). Every pattern is linear and every run bounded
(session 50: a compound street's ending and an Urdu landmark's postposition are read as a string's ending, a landmark's
pattern opens at its comma); only the spans are read (at most 400 characters of each) and, for a street, at most 400
characters around it.
"""

from __future__ import annotations

import re

from services.models import PiiSpan

_CURRENCY = sorted({
    "rs", "rs.", "inr", "ksh", "kes", "tsh", "tzs", "ugx", "ush", "ngn", "ghs", "zar", "usd", "eur", "gbp",
    "aed", "sar", "qar", "kwd", "omr", "bhd", "egp", "jod", "mad", "pkr", "php", "idr", "rp", "rp.", "myr",
    "sgd", "thb", "vnd", "chf", "sek", "nok", "dkk", "pln", "zł", "czk", "kč", "huf", "ft", "ron", "lei", "try",
    "tl", "brl", "r$", "mxn", "cop", "clp", "ars", "pen", "s/", "s/.", "us$", "a$", "c$", "nz$", "hk$", "s$",
    "kr", "kr.", "€", "$", "£", "¥", "₹", "₱", "₪", "₦", "₵", "₩", "₫", "₺", "₽", "฿", "৳", "₴", "₸", "₼", "₾",
    "dhs", "dh", "dhs.", "sr", "qr", "kd", "gh₵", "cfa", "fcfa", "xof", "xaf", "birr", "etb",
}, key=lambda w: (-len(w), w))
_CURRENCY_WORDS = sorted({
    "dollar", "dollars", "euro", "euros", "pound", "pounds", "quid", "rand", "rupee", "rupees", "shilling",
    "shillings", "naira", "cedi", "cedis", "peso", "pesos", "real", "reais", "dirham", "dirhams", "riyal", "riyals",
    "dinar", "dinars", "lira", "lire", "ringgit", "rupiah", "baht", "yen", "yuan", "won", "franc", "francs",
    "złoty", "zloty", "złotych", "forint", "koruna", "korun", "kronor", "kroner", "kronur", "lei", "leva", "rubles",
    "рублей", "руб", "руб.", "грн", "гривень", "лв", "лв.", "дин", "динара",
    "جنيه", "ريال", "درهم", "دينار", "دولار", "ليرة", "روپے", "روپیہ", "تومان", "ریال", "شيكل", "שקל", "ש״ח",
    "रुपये", "रुपए", "रु", "টাকা", "ரூபாய்", "บาท", "元", "円", "원", "块",
}, key=lambda w: (-len(w), w))
_CUR = "|".join(re.escape(w) for w in _CURRENCY)
# after a number, a code of two Latin letters is a Dutch postcode's ("9713 TL"), never a currency
_CUR_TAIL = "|".join(re.escape(w) for w in _CURRENCY if not (len(w.rstrip(".")) <= 2 and w.isascii()))
_NUMBER_WORDS = "|".join(sorted({
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty",
    "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "and", "a",
}, key=lambda w: (-len(w), w)))
_CURW = "|".join(re.escape(w) for w in _CURRENCY_WORDS)
_NUM = r"[0-9٠-٩۰-۹][0-9٠-٩۰-۹.,٬'’ ]{0,14}"
_AMOUNT = re.compile(
    rf"(?i:^(?:(?:{_CUR})[ \u00a0]?|r[ \u00a0]){_NUM}(?:[ \u00a0]?(?:{_CUR_TAIL}|{_CURW}))?[.!?]?$"
    rf"|^{_NUM}[ \u00a0]?(?:{_CUR_TAIL}|{_CURW})[.!?]?$"
    rf"|^(?:(?:{_NUMBER_WORDS})[ -]){{0,5}}(?:{_NUMBER_WORDS}) (?:{_CURW})(?:\s|$).{{0,40}}$"
    rf"|^(?:المبلغ|مبلغ|بمبلغ)\s{_NUM}(?:{_CURW})?$)"
)
_DURATION = re.compile(
    r"(?i:^\d{1,3}(?:[ ]?(?:hr|hrs|hours?|std|stunden|heures?|ore|horas?|min|mins|minutes?|minuten|minutos?|"
    r"minuti|sec|secs|seconds?)|(?-i:h|m|s))\.?(?:[ ]?\d{1,2}(?:[ ]?(?:min|mins|minutes?)|(?-i:m))\.?)?$)"
)
_CJK_DATE = re.compile(r"^(?:\d{2,4}[ ]?[年년][ ]?)?\d{1,2}[ ]?[月월][ ]?(?:\d{1,2}[ ]?[日일号號]?)?$")
_COUNT = re.compile(
    r"(?i:^\d{1,5}[ ]?(?:stk|stück|pcs|pc|pieces?|pz|pzas?|unid|uds|units|boxes|cartons?|pallets?|kg|ml|"
    r"kartons?|paletten?|dozen|erwachsene|kinder|adults?|kids?|children|nights?|nächte|noches|nuits?)\.?"
    r"(?:,[ ]?\d{1,5}[ ]?(?:erwachsene|kinder|kind|adults?|child|children|kids?)\b)?$)"
)
_LABELS = sorted({
    "SIRET", "SIREN", "NIPC", "HRB", "HRA", "KvK", "Clearing", "MPRN", "MPAN", "PPG", "LRN", "Apólice", "Póliza",
    "Matrícula", "Kennzeichen", "Steuerklasse", "Kostenstelle", "Sachkonto", "ЕИК", "PVN", "Arbeitslohn",
    "Lohnausweis", "Baujahr", "Kinderfreibetrag", "Gesamtbetrag", "Rechnungsbetrag",
}, key=lambda w: (-len(w), w))
# a company's registry, a meter's, a policy's or a plate's label, a payslip's or a ledger's word: a number after it is
# that number, never a street's
_LABEL = re.compile(rf"(?i:(?<![^\W\d_])(?:{'|'.join(re.escape(w) for w in _LABELS)})(?![^\W\d_]))")
_MONTHS = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
# a date with a month's short name: "14-16 Aug", "3 Jan, 17 Jan" (never "14 Jan Smuts Ave": a name follows),
# a season's or a school's year ("Spring 2025", "Graduated 2014")
_DATES = re.compile(rf"(?i:\b\d{{1,2}}[-–]\d{{1,2}} (?:{_MONTHS})\b|\b\d{{1,2}} (?:{_MONTHS})(?:,|$))"
                    r"|(?i:^(?:spring|summer|autumn|fall|winter|graduated|term) \d{4}\b)")
# a bus's, a tram's or a delivery's route ("route G-114", "Le bus L1", "Linie 4")
_ROUTE = re.compile(r"(?i:^(?:route|le bus|bus|linie|line|ligne|tram) (?:[A-Z]{0,3}[- ]?\d{1,3}\b|[A-Z]{3}-[A-Z]{3}$))")
# goods counted, hours worked, units of a building, beds of a listing
_COUNTS = re.compile(r"(?i:^(?:de )?\d{1,4} (?:Einheiten|Wohnungen|Wochenstunden|Stunden|Std|dozen|bed|beds|"
                     r"Laugenbrezeln|Stück|Stk|Stck|pcs|pzs|uds|unid|cartons|pallets|Paletten)(?:\b|\.))")
# a firm of lawyers or notaries ("Wolters Advocaten")
_FIRM = re.compile(r"(?i:\b(?:Advocaten|Advocatuur|Notarissen|Rechtsanwälte|Steuerberater|Avocats|Abogados|Avvocati)$)")
# a gate or a dock of a business park, a mall named alone ("Gate 4, Harlow Business Park", "Avenue Mall")
_PARK = re.compile(r"(?i:^(?:gate|dock|door|bay|entrance|loading bay) \d{1,3}, (?:[\w'’.-]+ ){1,4}(?:Business|Retail|"
                   r"Industrial) (?:Park|Estate)$|^(?:[\w'’.-]+ ){0,3}(?:Mall|Shopping Cent(?:re|er))$)")
_CLOSINGS = frozenset({
    "atentamente", "cordialmente", "saludos", "un saludo", "saludos cordiales", "cordialement", "bien cordialement",
    "sincerely", "regards", "kind regards", "best regards", "best wishes", "yours sincerely", "yours faithfully",
    "mit freundlichen grüßen", "freundliche grüße", "viele grüße", "distinti saluti", "cordiali saluti",
    "atenciosamente", "cumprimentos", "met vriendelijke groet", "vriendelijke groeten", "med vänlig hälsning",
    "med venlig hilsen", "med vennlig hilsen", "z poważaniem", "s pozdravem", "üdvözlettel", "cu stimă",
    "с уважением", "з повагою", "поздрав", "srdačan pozdrav", "lijep pozdrav", "pozdrawiam", "ystävällisin terveisin",
})
_TITLE_TAIL = re.compile(
    r"(?i:^(?:(?:office|general|operations|account|sales|store|project|practice|finance|hr|it|site|area|regional|"
    r"branch|facilities|customer service|property|estate|lettings|team|service)[ ])?(?:manager|director|"
    r"supervisor|coordinator|co-ordinator|administrator|assistant|officer|secretary|accountant|consultant|"
    r"executive|lead|head)$)"
)
_BAR = re.compile(r"(?i:(?:^|\b)(?:barreau|bar association|colegio de abogados|ordine degli avvocati|ordem dos "
                  r"advogados|rechtsanwaltskammer|orde van advocaten|bâtonnier)\b)")
_DIGIT_WORDS = {"zero": "0", "oh": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
                "seven": "7", "eight": "8", "nine": "9"}
_NATO = frozenset({
    "alpha", "alfa", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "juliett",
    "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango", "uniform", "victor",
    "whiskey", "whisky", "x-ray", "xray", "yankee", "zulu",
})
_SPELLED_SPLIT = re.compile(r"[\s,.;]+")
_GROUP = re.compile(r"^[A-Z0-9]{2,6}$")
# a postcode said alone and the word after it ("Postcode 3056 if it matters": a kept ZIP)
_ZIP_IF = re.compile(r"^\d{4,5} if$")
# a whole postcode's shapes: British, Canadian, Irish (a Dublin key said "d nine"), Dutch
_POSTCODE = re.compile(r"^(?:[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}|[A-Z]\d[A-Z]\d[A-Z]\d|[A-Z]\d{2}[A-Z\d]{4}|D\d[A-Z\d]{4}|"
                       r"D6W[A-Z\d]{4}|\d{4}[A-Z]{2})$")


def _spelled_code(value: str) -> bool:
    """Is the span a code spelled one letter or digit at a time ("s k l four h seven q x two b", "M Q 7 X 2 P") that
    no postcode has the shape of, or written in three groups or more ("W7K 4PX 9RM"): nine symbols or more that turn
    from letters to digits four times (a mobile money transaction's code, a product key), or six or seven spelled
    that are no British, Canadian, Irish or Dutch postcode (a booking's, a plate's)?"""
    raw_words = [w for w in _SPELLED_SPLIT.split(value) if w]
    words = [w.lower() for w in raw_words]
    if not 3 <= len(words) <= 12:
        return False
    symbols = []
    grouped = False
    for raw, word in zip(raw_words, words, strict=True):
        if 2 <= len(raw) <= 6 and _GROUP.match(raw) and (len(raw) <= 2 or not raw.isalpha()):
            # written in groups: "W7K 4PX 9RM", "04 P 7K2 M8Q 9X1" (never a word in capitals: "UNIT 4B 12 KING ST")
            symbols.append(word)
            grouped = True
        elif word in _DIGIT_WORDS:
            symbols.append(_DIGIT_WORDS[word])
        elif word in _NATO:
            symbols.append(word[0])
        elif len(word) == 1 and word.isascii() and word.isalnum():
            symbols.append(word)
        else:
            return False
    code = "".join(symbols).upper()
    if not (any(c.isalpha() for c in code) and any(c.isdigit() for c in code)):
        return False
    turns = sum(a.isalpha() != b.isalpha() for a, b in zip(code, code[1:], strict=False))
    if len(code) >= 9:  # never a postcode said twice ("e h seven... e h seven, five a x")
        trigrams = [code[i:i + 3] for i in range(len(code) - 2)]
        return turns >= 4 and "..." not in value and "…" not in value and len(set(trigrams)) == len(trigrams)
    return not grouped and len(code) in (6, 7) and not _POSTCODE.match(code)


def lookalike(value: str) -> bool:
    """Is the text of an ADDRESS span one of the look-alikes of the module's docstring (no address at all)?"""
    value = value.strip()
    if not value or len(value) > 400:
        return False
    plain = value.rstrip(".!?,;:")
    lowered = plain.lower()
    if lowered in _CLOSINGS or _TITLE_TAIL.match(plain) or _BAR.search(plain):
        return True
    label = _LABEL.search(plain)
    if label and not any(c.isdigit() for c in plain[:label.start()]):  # never "Brīvības iela 214, Rīga, LV-1039, PVN"
        return True
    if (_ZIP_IF.match(plain) or _DATES.search(plain) or _ROUTE.match(plain) or _COUNTS.match(plain)
            or _FIRM.search(plain) or (_PARK.match(plain) and not any(c.isdigit() for c in plain.split(",")[-1]))):
        return True
    if (_AMOUNT.search(plain) or _DURATION.match(plain) or _CJK_DATE.match(plain) or _COUNT.match(plain)
            ):
        return True
    return _spelled_code(plain)


def drop_address_lookalikes(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """The spans without the ADDRESS spans whose text is no address (an amount, a duration, a date, a count, a
    closing word, a job title, a bar; a street, a square or a residence named as a place; a right-to-left sentence
    that names a district with no dwelling), and with a right-to-left address cut before the landmark written after
    it."""
    if not any(s.kind == "ADDRESS" for s in spans):
        return spans
    notice = _NOTICE.search(text[:3000]) is not None
    kept: list[PiiSpan] = []
    for s in spans:
        if s.kind != "ADDRESS" or s.end > 20_000:
            kept.append(s)
            continue
        value = text[s.start:s.end]
        if lookalike(value) or _ORG_END.search(value.strip().rstrip(".!?;:")):
            continue
        if len(value) > 400:  # no street named as a place, no sentence: kept as it is, unread
            kept.append(s)
            continue
        plain = value.strip().rstrip(".!?;:")
        if _named_street(plain) and (not _own_address(text, s.start, s.end) or _happened_at(text, s.start)):
            continue
        if (_BUILDING_NUMBER.match(plain) and not _UNIT_WORD.search(plain)
                and _building_named(text, s.start, s.end, notice)):
            continue
        before = text[max(0, s.start - 30):s.start]
        head = re.split(r"[0-9]", value, maxsplit=1)[0]
        if (_ASSOCIATION.search(head) and not _association_address(value[len(head):], text[s.end:s.end + 40])) or (
                _SPOT.search(before)):
            continue
        part = trim_script_span(value)
        if part is None:
            continue
        if part != (0, len(value)):
            s = PiiSpan(s.kind, s.start + part[0], s.start + part[1], s.score)
        kept.append(s)
    return kept


# --- session 49 (49-5): a street, a square, an estate or a residence named as a place -----------------------------
_STREET_HEADS = sorted({
    "rue", "avenue", "av.", "av", "avda.", "avda", "boulevard", "bd", "bd.", "bld", "place", "impasse", "allée",
    "chemin", "quai", "cours", "route", "via", "viale", "corso", "piazza", "piazzale", "largo", "vicolo", "calle",
    "c/", "avenida", "plaza", "paseo", "carrer", "carretera", "camino", "glorieta", "rua", "praça", "travessa",
    "estrada", "alameda", "ul.", "ulica", "ulicy", "al.", "aleja", "ул.", "улица", "улице", "пр.", "проспект",
    "пл.", "площадь", "bulevar", "булевар", "strada", "str.", "șoseaua", "soseaua", "bulevardul", "calea", "aleea",
    "piața", "λεωφ.", "οδός", "résidence", "residence", "residencia", "residencial", "condominio", "edificio",
    "wohnanlage", "siedlung", "cité", "lotissement", "urbanización", "urbanizacion", "parque", "jalan", "jln",
    "soi", "barangay", "brgy.", "sokak", "caddesi", "cadde", "mahallesi",
    "plaça", "passeig", "avinguda", "travessera", "ronda", "rambla", "praca", "platz", "náměstí", "námestie", "plac",
    "placu", "площа", "piazzetta",
}, key=lambda w: (-len(w), w))
_STREET_TAILS = sorted({
    "street", "st", "st.", "road", "rd", "rd.", "lane", "ln", "avenue", "ave", "ave.", "drive", "dr", "close",
    "court", "ct", "gardens", "gdns", "square", "sq", "place", "pl", "crescent", "cres", "way", "terrace", "grove",
    "walk", "row", "mews", "parade", "boulevard", "blvd", "estate", "cottages", "residences", "towers", "heights",
    "plaza", "highway", "hwy", "circle", "junction", "roundabout", "bridge", "quay", "wharf", "market", "green",
    "hill", "park", "view", "rise", "house", "tower", "building", "mansions", "apartments", "village", "manor",
    "platz", "straße", "strasse", "str.", "weg", "gasse", "allee", "ring", "damm", "ufer", "markt",
    "mnt", "g.", "iela", "utca", "u.", "út", "tér", "cesta", "ulica", "trg", "vej", "gade", "gata", "gatan", "vägen",
    "veien", "laan", "straat", "plein", "gracht", "kade", "dijk", "tie", "katu",
}, key=lambda w: (-len(w), w))
# a compound street name ("Storgatan", "Gneisenaustraße", "Amstelveenseweg"): a word of letters only, three or more
# before one of these endings (read as a string's ending, no pattern: a search for it backtracks on a long word)
_COMPOUND_ENDINGS = tuple(sorted({
    "straße", "strasse", "gasse", "platz", "allee", "gatan", "vägen", "gata", "veien", "vej", "gade", "laan",
    "straat", "plein", "gracht", "weg", "kade", "dijk", "katu", "tie", "utca", "iela",
}, key=lambda w: (-len(w), w)))


def _compound_street(word: str) -> bool:
    """Is the word one compound street name ("Storgatan", "Gneisenaustraße"): letters only, three or more before a
    street's ending?"""
    lowered = word.lower()
    if not word.isalpha() or len(word) > 60:
        return False
    return any(lowered.endswith(e) and len(lowered) - len(e) >= 3 for e in _COMPOUND_ENDINGS)
_HEAD = re.compile(rf"(?i:^(?:{'|'.join(re.escape(w) for w in _STREET_HEADS)})[ \u00a0])")
_TAIL = re.compile(rf"(?i:[ \u00a0](?:{'|'.join(re.escape(w) for w in _STREET_TAILS)})$)")
_NAME_WORD = re.compile(r"^(?:[^\W\d_][\w'’.-]{0,24}|[dD]e|del|della|des|du|da|do|dos|das|di|la|le|les|los|las|"
                        r"el|of|the|von|van|der|den|y|e|et|и|\"|„|“|”|«|»)$")
# a number of any script, a spoken number in the languages whose digits are read aloud at a house
_SPOKEN = re.compile(r"(?i:\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
                     r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
                     r"ninety|hundred|number|flat|unit|apartment|apt|lot|plot|plot|house|no|uno|dos|tres|cuatro|"
                     r"cinco|seis|siete|ocho|nueve|diez|número|numero|um|três|quatro|sete|oito|nove|dez|deux|trois|"
                     r"quatre|cinq|sept|huit|neuf|dix|eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf|"
                     r"uno|due|tre|quattro|cinque|sei|sette|otto|nove|dieci)\b)")
# the writer gives an address: asked for it, a postcode, a delivery, a home, a first person living or working there
_OWN_CUE = re.compile(
    r"(?i:address|addr\b|adress|adresse|direcci[oó]n|endere[cç]o|indirizzo|adres\b|адрес|\bcep\b|post ?code|"
    r"\bzip\b|postal|\bcp\b|\bcap\b|\blive|\bliving|\bmoved|\bmoving|\bmove\b|deliver|delivery|\bship|\bsend|"
    r"\bsent (?:to|it|them|the|by|via)\b|\bpost\b|parcel|package|courier|pick ?up|drop ?off|envoy|livr|envi|entreg|sped|consegn|liefer|"
    r"schick|\bwohn(?:e|t|en|haft)\b|\bhabit(?:e|ons|o|amos)\b|\bvivo\b|\bvive\b|\bmoro\b|\bmora\b|"
    r"\babit(?:o|iamo|a)\b|\bresides?\b|\bresiding|\bresido\b|domicil|first line|propert|\bhome\b|"
    r"\bcasa\b|maison|\bflat\b|apartment|\bunit\b|\bmy\b|\bour\b|\bmine\b|\bi'?m\b|\bim\b|\bwe'?re\b|\bi am\b|"
    r"\bwe are\b|\bmi\b|\bmein|\bunser|\bma\b|\bmon\b|\bnotre\b|\bminha\b|\bmeu\b|\bnossa\b|\bmia\b|\bnostra\b|"
    r"\bnuestr|\bfrom\b|\bde la tienda|\bshop\b|\bstore\b|\boffice\b|\bbranch\b|\bsame\b|\bstill at\b|"
    r"c/o|\bto:|\bat:|\bnumber\b|\bnuméro\b|\bnúmero\b)"
)
# a housing association named after its building ("WEG Lindenstraße 14", "Társasház Váci út 44", "Syndicat des
# copropriétaires du 18 rue des Martyrs"): the owners' body, a kept COMPANY
_ASSOCIATION = re.compile(
    r"(?:(?-i:\bWEG|\bBrf|\bVvE)|(?i:Wohnungseigentümergemeinschaft|Eigentümergemeinschaft|Hausgemeinschaft|"
    r"Társasház|Andelsboligforeningen|Ejerforeningen|Bostadsrättsföreningen|Vereniging van Eigenaars|"
    r"copropriétaires(?: du| de la| des)?|copropriété|\bCondominio|Comunidad de Propietarios|Zgrada|"
    r"Stambena zgrada|Spółdzielnia|Wspólnota Mieszkaniowa|Lugupeetud|Korteriühistu))[ \u00a0,]"
)
# a postcode after the association's street: its postal address ("…, 01069 Dresden", "…, D-01069")
_POSTAL_TAIL = re.compile(r"^[ \u00a0]?[,–-]?[ \u00a0]{0,3}(?:[A-Z]{1,2}-)?[0-9]{4,5}\b")


def _association_address(rest: str, after: str) -> bool:
    """Is the association's street, from its number on (``rest``, then ``after`` the span), its postal address: a
    comma or a second number in the span after the building's number (a postcode, a town, a flat: "Schillerstraße 14,
    01069 Dresden"; never a range, "4–6", nor the street after its number, "18 rue des Martyrs"), or a postcode right
    after it (the writer's own address, never the association's name alone)?"""
    rest = rest.strip(" .;:")
    if "," in rest or "，" in rest or sum(1 for w in rest.split() if any(c.isdigit() for c in w)) >= 2:
        return True
    return bool(_POSTAL_TAIL.match(after))


# a junction or a corner of streets: a place of the street, never a dwelling
_SPOT = re.compile(
    r"(?i:\b(?:junction of|junction with|corner of|intersection of|crossing of|angle de la|angle du|à l'angle de|"
    r"au croisement de|carrefour|esquina de|esquina con|cruce de|cruce con|incrocio tra|incrocio con|angolo di|"
    r"angolo tra|Ecke|Kreuzung|esquina da|cruzamento d[ae])[ \u00a0]{1,3}(?:the |la |le |el |"
    r"die |der |a |o )?$)"
)
# words before a time, a date or a range, never before a house's number
_TIME_WORDS = frozenset({
    "entre", "between", "from", "until", "till", "bis", "ab", "von", "vom", "dalle", "alle", "dal", "al", "desde",
    "hasta", "dès", "depuis", "jusqu'à", "since", "at", "le", "el", "il", "am", "um", "las", "los", "les", "la",
    "ore", "h", "à", "a", "de", "du", "des", "del", "dalla", "after", "before", "by", "for", "to",
})
_LINE_LABEL = re.compile(r"^[\w .()'’-]{0,30}:[ \t]*$")


def _named_street(value: str) -> bool:
    """Is the span a street, a square, an estate or a residence named without any number ("rue de la République",
    "Via Roma", "Sandpiper Gardens", "Résidence Les Tilleuls", "Storgatan"), with at most its town after a comma?"""
    if len(value) > 80 or re.search(r"[\d٠-٩۰-۹]", value) or _SPOKEN.search(value):
        return False
    parts = [p.strip() for p in value.split(",")]
    if len(parts) > 2 or not all(parts):
        return False
    street = parts[0]
    if len(parts) == 2 and (len(parts[1].split()) > 3 or not all(w[:1].isupper() for w in parts[1].split())):
        return False
    words = street.split()
    if not 1 <= len(words) <= 6 or not all(_NAME_WORD.match(w) for w in words):
        return False
    if len(words) == 1:
        return _compound_street(street) and street[:1].isupper()
    named = [w for w in words[1:] if w[:1].isupper() or not w[:1].isalpha() or w[:2].lower() in ("d'", "l'", "d’", "l’")
             and w[2:3].isupper()]
    if _HEAD.match(street) and named:
        return True
    return bool(_TAIL.search(street)) and all(w[:1].isupper() for w in words[:-1])


def _own_address(text: str, start: int, end: int) -> bool:
    """Does the context read as the writer's (or a caller's) own address: asked for, sent to, lived at, written as a
    line of an address block, or followed by its number or postcode?"""
    line_start = text.rfind("\n", max(0, start - 400), start) + 1
    line_end = text.find("\n", end, end + 400)
    line_end = min(len(text), end + 400) if line_end < 0 else line_end
    before_line = text[line_start:start]
    if (not before_line.strip() or _LINE_LABEL.match(before_line)) and not text[end:line_end].strip(" .,;"):
        return True  # a line of its own: an address block's, a form's field, a caller's answer
    if _OWN_CUE.search(text[max(0, start - 120):start]):
        return True
    following = text[end:line_end].split()[:3]
    if re.search(r"[0-9]", " ".join(following)) and not any(w.lower().strip(",.") in _TIME_WORDS for w in following):
        return True  # its number a word or two on ("Via Radici in Piano 517"), never a time ("entre las 9")
    after = text[end:end + 30].lstrip(" ,")
    return bool(re.match(r"(?i:[\d٠-٩]|n[°ºo.]|nr|num|number|numéro|número|no\b|#|[A-Z]{1,2}\d)", after))


# --- a sentence of Arabic, Urdu, Persian or Hebrew script read as one ADDRESS span -----------------------------------
_RTL = re.compile(r"[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
# a dwelling's part: a house, a flat, a floor, a plot, a villa, a building's number, a Saudi short address
_DWELLING = re.compile(
    r"منزل|شقة|شقه|عمارة|عماره|فيلا|فيلّا|مبنى|قطعة|بيت رقم|الدور|الطابق|مکان|گلی|گھر نمبر|فلیٹ|پلاک|واحد|طبقه|"
    r"דירה|בניין|קומה|כניסה|[A-Z]{4}[0-9٠-٩]{4}|(?:^|\s)[0-9٠-٩۰-۹]{1,4}\s+(?:شارع|רחוב)|רחוב\s\S+\s[0-9]"
)
# a street, a district, a square or a road named as a place
_LOCALITY = re.compile(
    r"(?:^|[\s،,.؟?!:])(?<!عن )(?:حي|الحي|شارع|طريق|ميدان|دوار|منطقة|محطة|سیکٹر|خیابان|کوچه|میدان|محله|"
    r"علاقے|علاقہ|محلے|רחוב|שכונת|כיכר|ברחוב|بالحي|لمدينة|مدينة|إشارة)(?=\s|$)"
    r"|(?:بلاک|بلوك|بلوک)\s?[0-9٠-٩۰-۹]"
)
# a name's cue: a greeting or a form of address before a name, "I am", "my name", "in the name of"
_NAME_CUE = re.compile(
    r"(?:^|[\s،,.:])(?:يا|أستاذ|استاذ|أستاذة|استاذة|السيد|السيدة|دكتور|الدكتور|أنا|انا|اسمي|باسم|الاسم|هلا|مرحبا|"
    r"أهلا|أهلاً|اهلا|آقا|آقای|خانم|صاحب|صاحبہ|بیگم|نام|میں|مر|גב׳|גב'|ד״ר|ד\"ר|היי|הי|שלום|אני|תודה|شكرا|شكراً|"
    r"شكرًا|شکریہ|مرسی)(?=[\s،,]|$)"
)
# a landmark written after an address: "، جنب سيتي ستارز", "، قريب من جامع الراجحي", "، روبروی نانوایی" (the pattern
# opens at the comma, one try a comma: the blanks before it are stepped over in Python)
_LANDMARK = re.compile(
    r"[،,]\s{0,3}(?:جنب|بجوار|جوار|قريب من|قرب|مقابل|خلف|ورا|وراء|أمام|امام|روبروی|نزدیک|پشت|کنار|ליד|מול|"
    r"מאחורי)(?=\s)"
)
# an Urdu landmark's postposition closing the span: "، مسجد کے پیچھے" (read as the last clause's ending, no pattern)
_URDU_POSTPOSITIONS = ("کے پیچھے", "کے سامنے", "کے پاس", "کے قریب", "کے ساتھ")


def _landmark_cut(value: str) -> int | None:
    """Where a landmark written after an address starts (at the blanks before its comma), or None: the first comma
    before a landmark's word ("، جنب سيتي ستارز"), else the last clause when it is a landmark with an Urdu
    postposition ("، مسجد کے پیچھے")."""
    found = _LANDMARK.search(value)
    if found:
        comma = found.start()
    else:
        comma = max(value.rfind(","), value.rfind("،"))
        if comma < 0:
            return None
        clause = value[comma + 1:].rstrip()
        ending = next((p for p in _URDU_POSTPOSITIONS if clause.endswith(p)), None)
        if ending is None:
            return None
        words = clause[:-len(ending)]
        if not words[-1:].isspace() or not 1 <= len(words[:-1].lstrip()) <= 40 or not words[:-1]:
            return None
    return len(value[:comma].rstrip())


def _script_sentence(value: str) -> bool:
    """Is the span a phrase of a right-to-left script (Arabic, Urdu, Persian, Hebrew), four words or more?"""
    letters = [c for c in value if c.isalpha()]
    return len(value.split()) >= 4 and len(letters) >= 8 and (
        sum(1 for c in letters if _RTL.match(c)) * 2 >= len(letters))


def trim_script_span(value: str) -> tuple[int, int] | None:
    """The part of a right-to-left ADDRESS span to keep, as offsets into it; None to drop it. An address with a
    dwelling's part loses only the landmark written after it ("…، شقة ٨، جنب سيتي ستارز" ends at "شقة ٨"); a sentence
    that names a district, a street or a square with no dwelling, no name's cue and no long number (an outage, an
    accident, a driver waiting: "الكهرباء مقطوعة في حي النرجس") is dropped; any other span stays whole."""
    if len(value) > 400 or not _script_sentence(value):
        return 0, len(value)
    if _DWELLING.search(value):
        cut = _landmark_cut(value)
        if cut is not None and _DWELLING.search(value[:cut]):
            return 0, cut
        return 0, len(value)
    if (_LOCALITY.search(value) and not _NAME_CUE.search(value)
            and not re.search(r"[0-9٠-٩۰-۹]{5}|[A-Za-z]{2}[-0-9]{3}|^[0-9٠-٩۰-۹]|(?:شارع|گلی|کوچه|רחוב)\s?[0-9٠-٩۰-۹]",
                              value)
            and not re.match(r"^\S+ \S+ \S+(?: \S+)?\.", value)):  # never a name said first ("كريم محمود عبد الله.")
        return None
    return 0, len(value)


# --- session 50 (50-8): a building or a block of houses named in a residents' notice, or signing for its residents ---
# a notice to a building's or an estate's residents, or from their committee or association, in any language: the
# houses it names ("in den Häusern Gartenstraße 3–9", "la calle Orense 18", "Kolkstraat 2 t/m 64") are kept PLACEs
_NOTICE = re.compile(
    r"(?i:\b(?:dear|to all|all) (?:residents|neighbou?rs|tenants|occupiers|homeowners|owners)\b|"
    r"\b(?:notice to|attention|attn:?) (?:all )?(?:residents|tenants)\b|\baviso a (?:los |todos los )?vecinos\b|"
    r"\bavviso ai (?:condomini|residenti)\b|\baviso aos (?:moradores|condôminos)\b|"
    r"\bavis aux (?:résidents|riverains|locataires|copropriétaires)\b|\ban alle (?:bewohner|mieter|hausbewohner)|"
    r"\baan (?:alle )?bewoners\b|"
    r"\b(?:tenants|residents)[’']? (?:association|committee)\b|"
    r"\bliebe (?:mieterinnen|mieter|bewohnerinnen|bewohner|nachbarinnen|nachbarn|hausbewohner)|"
    r"\bsehr geehrte (?:mieterinnen|mieter|bewohnerinnen|bewohner|eigentümerinnen|eigentümer)|\bhausgemeinschaft\b|"
    r"\b(?:estimad[oa]s|queridos|queridas|apreciados) (?:vecin[oa]s|residentes|propietarios|comuneros)\b|"
    r"\bjunta de la comuni(?:dad|tat)\b|\b(?:benvolguts|estimats) (?:veïns|veïnes|residents)\b|"
    r"\bch(?:ers|ères) (?:résidents|résidentes|voisins|voisines|locataires|copropriétaires)\b|"
    r"\b(?:cari|gentili|egregi) (?:condomini|residenti|inquilini)\b|"
    r"\b(?:caros|caras|prezados|prezadas|estimados) (?:moradores|moradoras|vizinhos|condôminos|condóminos|residentes)\b|"
    r"\b(?:beste|geachte) (?:bewoners|buren|huurders)\b|\bbewonerscommissie\b|\bhuurdersvereniging\b|"
    r"\bgerbiamieji gyventojai\b|\bbendrijos (?:valdyba|pirmininkas|pirmininkė|nariai)\b|"
    r"\b(?:değerli|sayın) (?:sakinler|komşular)|\bsitesi yönetimi\b|"
    r"\bszanowni (?:mieszkańcy|lokatorzy|państwo mieszkańcy)\b|\bwspólnot[ayi] mieszkaniow|"
    r"\b(?:kära|hej alla) (?:grannar|boende)\b|\bkedves lakók\b|\bhyvät asukkaat\b|\bkære beboere\b|"
    r"\bkjære beboere\b|\blugupeetud (?:elanikud|korteriomanikud|ühistu liikmed)\b|\bkorteriühistu\b|"
    r"\bcienījamie iedzīvotāji\b|\bvážení (?:obyvatelé|nájemníci|vlastníci)\b|"
    r"\b(?:dragi|poštovani) stanari\b|\bstimați locatari\b|"
    r"(?:уважаемые|дорогие) (?:жильцы|соседи|собственники)|шановні мешканці|αγαπητοί ένοικοι)"
)
# a residents' body or an owners' association written right before the building it is named after
_BODY_BEFORE = re.compile(
    r"(?i:(?:hausgemeinschaft|bewohner(?:innen)? der|bewoners van|residents of|tenants of|vecinos de|"
    r"habitants du|résidents du|residenti di|moradores d[oa]|zarząd wspólnoty mieszkaniowej|"
    r"wspólnota mieszkaniowa)[ \u00a0]{1,3}(?:the |la |el |de la |del |der |die )?$)"
)
# a span ending with an organisation's word ("The Marlowe Court Tenants' Association"): the body, never its address
_ORG_END = re.compile(
    r"(?i:(?:^|[ \u00a0])(?:association|committee|council|society|verein|vereniging|asociación|associação|"
    r"associazione|comité|comitato|commissie)$)"
)
# a street and its house's number or a range of houses ("Gartenstraße 3–9", "Gedimino pr. 18–24", "Kolkstraat 2 t/m
# 64", "calle Orense 18", "12–16 Oak Road"), nothing else: no postcode, no town, no flat
_HOUSE = r"[0-9]{1,4}[a-zA-Z]?(?:[ \u00a0]?(?:[-–—/]|t/m|bis|to|al|a)[ \u00a0]?[0-9]{1,4}[a-zA-Z]?)?"
_BUILDING_NUMBER = re.compile(
    rf"^(?:[^\W\d_][\w'’.-]{{0,30}}[ \u00a0]){{1,5}}{_HOUSE}$|^{_HOUSE}(?:[ \u00a0][^\W\d_][\w'’.-]{{0,30}}){{1,5}}$"
)
# a dwelling's or a number's word: a flat's number, never a building's ("butui Nr. 34", "lokalu nr 12")
_UNIT_WORD = re.compile(
    r"(?i:(?<![^\W\d_])(?:flat|apt|apartment|unit|suite|room|wohnung|whg|appartement|appart|apto|apartamento|"
    r"departamento|depto|dpto|piso|puerta|porta|interno|appartamento|scala|lokal(?:u|em|i)?|mieszkani[aeu]|"
    r"but(?:as|ui|o|e|ą|ų)?|korter(?:i|is)?|dzīvoklis|dzīvoklī|lakás(?:om|a|ban)?|ajtó|byt(?:u|ě|em)?|stan(?:u|a)?|"
    r"asunto|huoneisto|leilighet|lägenhet|lejlighed|daire|квартира|квартиры|квартире|кв|door|house|haus|casa|maison|"
    r"villa|plot|lot|box|po|nr|no|n°|nº|núm|num|number|numéro|número|numero)(?![^\W\d_])|#)"
)
# the writer speaks of their own home: a first person or a home's word right before
_FIRST_PERSON = re.compile(
    r"(?i:\b(?:i|i'm|im|my|me|mine|ich|mein|meine|meiner|wir wohnen|je|j'|mon|ma|mes|yo|soy|mi|mis|vivo|eu|minha|meu|"
    r"io|mio|mia|abito|ik|mijn|woon|jestem|mój|moja|mieszkam|gyvenu|mano|elan|minu|live|lives|wohne|habite)\b|"
    r"address|adresse|adres|dirección|direccion|endereço|indirizzo|post ?code|deliver|livraison|lieferung|entrega|consegna)"
)


def _building_named(text: str, start: int, end: int, notice: bool) -> bool:
    """Is a street with its house's number (or a range) named as a building, no one's address: in a notice to its
    residents or from their body, or right after the body named after it ("Die Hausgemeinschaft Lindenstraße 12–16"),
    with no first person or address's word before it in its sentence and no postcode or flat after it?"""
    before = text[max(0, start - 60):start]
    if _BODY_BEFORE.search(before):
        return True
    if not notice:
        return False
    clause = re.split(r"[.!?\n]", text[max(0, start - 120):start])[-1]
    after = text[end:end + 25]
    if _FIRST_PERSON.search(clause) or re.match(r"[ \u00a0]?[,/]", after) and re.search(r"[0-9]", after):
        return False
    return True


# something that happened at a square or in a street, or a way through it: no one's home, whatever "my" says before it
# ("un coche golpeó mi moto aparcada en la Plaza del Pilar", "Waze sent me through Praça do Comércio")
_EVENT = re.compile(
    r"(?i:\b(?:parked|parking|aparcad[oa]|estacionad[oa]|garé|garée|geparkt|parcheggiat[oa]|through|past|across|"
    r"along|por la|pela|pelo|par la|durch|über die|über den|per la|crash|crashed|hit|accident|accidente|"
    r"acidente|unfall|incidente|golpe[óo]|chocó|bateu|stuck|atasco|traffic|tráfico|trânsito|stau|bouchon|protest|"
    r"march|marathon|maratón|concert|concierto|festival|fiesta|feria|market day|mercadillo|met|meet|quedamos|"
    r"nos vemos|lost|perdí|perdi|verloren|perdu|stolen|robad[oa]|roubad[oa]|gestohlen|volé|volée|fell|caí|caiu)\b)"
)
# the writer's own address said outright, whatever happened there
_OWN_OUTRIGHT = re.compile(
    r"(?i:address|adresse|adres\b|direcci[oó]n|endere[cç]o|indirizzo|post ?code|\bzip\b|\blive|\bvivo\b|\bmoro\b|"
    r"\bwohne|\bhabite|\babito\b|deliver|entreg|livr|liefer|consegn|\bhome\b|\bcasa\b|maison|\bflat\b|apartment)"
)


def _happened_at(text: str, start: int) -> bool:
    """Does the street's or the square's own clause tell something that happened there or a way through it (parked,
    hit, through, a march), with no address, home or delivery said in it?"""
    clause = re.split(r"[.!?\n;]", text[max(0, start - 80):start])[-1]
    return bool(_EVENT.search(clause)) and not _OWN_OUTRIGHT.search(clause)
