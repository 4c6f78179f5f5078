"""Street words, unit complements and towns the address finders did not know (session 49, candidate 49-3).

By the labelling conventions (``tests/data/pii/build.py``) an address is marked whole, its unit, staircase, floor and
town included. The finders of ``pii_european_addresses``, ``pii_asian_addresses`` and ``pii_native_addresses`` missed
or cut short addresses written with words they did not hold; :func:`with_address_words` (after the PERSON check, in
the default and the rules-only detector, so that the check's training rows stay as they are) adds or grows an
``ADDRESS`` over:

- a street whose type word is written after its name in an inflected form or a language the finder did not read: the
  Latvian locative ("Brīvības ielā 144-9, Rīgā", "Jūrmalas gatvē 96"), the Lithuanian locative ("Gedimino
  prospekte 12-5", "Žirmūnų gatvėje 68"), Basque ("Aldamar kalea 12, 3. eskuina, 20003 Donostia", "Zurriola
  hiribidea 24"), with the units, postcode and town after it;
- a Baltic street written without a type word, its flat after a dash and a Baltic town after it ("Pikk 41-3,
  Tallinn", "Vaksali 17a-12, 50409 Tartu", "Dzirnavu 57-12, Rīgā"), never a gate, a room, an order or a score
  ("Gate 12-3, Tallinn");
- a Polish staircase ("…, klatka II" after a street's "ul."), a Basque floor and side ("…, 3. eskuina", "2. ezkerra"),
  a Spanish ground floor ("…, bajo", "bajo izquierda") or a German floor's side ("…, EG rechts", "DG links") written on
  to a found address, and the units, postcode and town after them;
- the town after a found street address, before a lowercase word or the clause's end ("Via Roma 5, Caravaggio:",
  "2318 Vilakazi St, Orlando West, Soweto since Tuesday"), never a name, a greeting, a day or a month, never after a
  unit named alone ("daire 9") or a digital address ("GA-492-8810, Dansoman": a kept district);
- a lodging's, a care home's or a business estate's name written before a found address ("The Beacon Hotel, 237 W
  75th St, …", "Larchfield Nursing Home, 22 Mill Lane, …", "Polígono Ali-Gobeo, calle Zorrostea 8, …", "ZA des
  Landes, 7 rue Ampère, …"), as the sets label 112 of 115 such names (a firm before it stays kept: "Talleres Ibarra
  S.L., Polígono …");
- in Arabic, Persian and Urdu, the street's number with its letter ("شارع ٣٥ب", "شارع 23B"), the district and town
  parts after a found address up to the clause's end ("…، گلشن اقبال، کراچی۔", "…، الورقاء ٣، دبي"), the house number
  before its street ("١٤ شارع الطيران، …");
- in Devanagari, a landmark written on to a found address ("…, शिव मंदिर के पास, लक्ष्मी नगर, दिल्ली 110092") and the
  locality, town and PIN parts after a found address up to the clause's end ("गाँव मझौली, पोस्ट खजनी, गोरखपुर।").

Session 49 (49-6) widens it to:

- the writer's OWN flat, unit or house number named alone, after a first-person cue ("I'm number 27", "im no. 12",
  "Ich bin Nr. 12", "bei uns in Top 14", "Io sono all'interno 9", "sono al terzo piano, interno 9", "у меня кв 118"),
  after a name signing the message or line ("Beverley Quinn, no. 23", "Cheers, Ollie (flat 3)", "Lotte van nr. 14",
  "a Jussara do apto 71"), as a customer's answer ("Cliente: bloco 3, apto 54", "Caller: yep, number 58") or in a
  subject line ("Betreff: Schimmel in der Wohnung Top 14"); never a neighbour's (a neighbour or next door just
  before it), a place in a queue or a card's line ("I'm number 2 on the card"), an order's or a room's number;
- unit, floor and staircase complements of more languages written on to a found address ending in its number
  ("fração H, 4.º andar", "m. 12", "bl. C2, sc. 1, et. 3, ap. 14", "Hinterhaus, 4. OG links", "vchod B, 4.
  poschodie, byt č. 15"), never after a town nor after a flat named alone ("mieszkaniu nr 14, klatka C");
- a Persian, Arabic, Urdu, Devanagari or Thai postcode after its label ("کد پستی: ۱۹۶۸۹۱۳۵۴۷").

Never over a kept span or a span of another kind (a phone, an id after the town), never past a line's end, and a
part holding a stop word ("رقم", "फोन", "और") ends the walk.
"""

from __future__ import annotations

import re

from services.adapters.local.pii_asian_addresses import _AR_STOP, _DIGITS, _IN_STOP
from services.adapters.local.pii_european_addresses import (
    _NAME,
    _NUMBER,
    _TAIL,
    _UNIT,
    _WORD,
    _without_cue_words,
)
from services.adapters.local.pii_own_units import _UNIT as _OWN_UNIT_BASE
from services.adapters.local.pii_own_units import _own
from services.adapters.local.pii_unit_words import FLAT, STAIR, SUITE
from services.models import PiiSpan

_SCORE = 0.85
_LIMIT = 20_000  # a pass over the whole text reads at most its first 20,000 characters

# the street types the finder did not read: Latvian and Lithuanian locatives, Basque
_MORE_TYPES = sorted(("ielā", "bulvārī", "gatvē", "prospektā", "gatvėje", "prospekte", "kalea", "kalean", "kaleko",
                      "etorbidea", "etorbidean", "hiribidea", "hiribidean", "pasealekua", "pasealekuan", "errepidea"),
                     key=lambda w: (-len(w), w))
_TYPE = "(?:" + "|".join(_MORE_TYPES) + ")"
# a Polish staircase, a Basque floor and side
_UNIT_MORE = (r"(?:(?i:klatka)[ \t](?:[IVX]{1,4}|[A-Z]|\d{1,2})|"
              r"\d{1,2}\.[ \t]?(?i:eskuina|ezkerra|eskubia|erdia|esk\.|ezk\.)|"
              r"(?:bajo|bajos|entresuelo|ático|sótano)(?:[ \t](?:[A-D]|izquierda|derecha|izda\.?|dcha\.?|izq\.?))?|"
              r"(?:EG|DG|UG|HP)[ \t](?:links|rechts|mitte|li\.|re\.))")
_UNITS = rf"(?:(?:,[ \t]?|[ \t])(?:{_UNIT_MORE}|{_UNIT})(?![\w'’])){{0,5}}"

_SUFFIXED = re.compile(
    rf"(?<![\w'’.-])(?P<name>{_NAME})[ \t](?P<type>{_TYPE})[ \t]{{1,2}}(?P<number>{_NUMBER})(?![\w'’]|[.,]\d)"
    rf"{_UNITS}{_TAIL}")

# the Baltic towns, in the nominative or the locative, after a street without a type word and its flat
_BALTIC_TOWNS = sorted((
    "Tallinn", "Tallinnas", "Tartu", "Tartus", "Pärnu", "Pärnus", "Narva", "Narvas", "Viljandi", "Rakvere",
    "Kuressaare", "Haapsalu", "Rīga", "Rīgā", "Riga", "Rigā", "Jūrmala", "Jūrmalā", "Liepāja", "Liepājā", "Daugavpils",
    "Daugavpilī", "Jelgava", "Jelgavā", "Ventspils", "Ventspilī", "Valmiera", "Valmierā", "Vilnius", "Vilniuje",
    "Kaunas", "Kaune", "Klaipėda", "Klaipėdoje", "Šiauliai", "Šiauliuose", "Panevėžys", "Panevėžyje", "Alytus",
    "Alytuje"), key=lambda w: (-len(w), w))
_BALTIC_TOWN = "(?:" + "|".join(_BALTIC_TOWNS) + ")"
_BALTIC = re.compile(
    rf"(?<![\w'’.-])(?P<name>{_WORD}(?:[ \t]{_WORD}){{0,2}})[ \t](?P<number>\d{{1,4}}[a-zA-Z]?-\d{{1,4}}[a-zA-Z]?)"
    rf",[ \t]?(?:(?:LV-|LT-)?\d{{4,5}}[ \t])?{_BALTIC_TOWN}(?:,[ \t]?(?:LV|LT)-\d{{4,5}})?"
    r"(?=[ \t]{0,3}(?:[,.;:!?)\n]|$))")
# the words before a number and a dash that name no street
_NOT_STREET = frozenset((
    "gate", "gates", "room", "rooms", "seat", "seats", "platform", "platforms", "terminal", "flight", "flights",
    "order", "invoice", "bus", "buses", "tram", "line", "lines", "route", "stand", "table", "row", "rows", "locker",
    "office", "suite", "unit", "units", "flat", "flats", "building", "block", "hall", "pier", "stop", "ticket",
    "tickets", "ref", "no", "nr", "nos", "case", "train", "trains", "page", "pages", "item", "items", "day", "days",
    "week", "weeks", "night", "nights", "score", "scores", "match", "game", "km", "reis", "lend", "reiss", "skrydis",
    "vārti", "värav", "vartai", "autobuss", "autobus", "buss", "maršruts", "tuba", "istaba", "kabinets", "kabinet",
    "kabinetas", "tellimus", "pasūtījums", "užsakymas", "arve", "rēķins", "sąskaita"))

# unit, floor and staircase complements of more languages, written on to a found address that ends in its house
# number or a unit (never after its town: "…, 10961 Berlin, 3. OG links" keeps the floor): "fração H, 4.º andar",
# "byt č. 15", "m. 12", "bl. C2, sc. 1, et. 3, ap. 14", "Hinterhaus, 4. OG links", "vchod B, 4. poschodie"
_MORE_COMPLEMENT = (r"(?:(?i:fração|fracção)[ \t][A-Z0-9]{1,3}|\d{1,2}\.?[ºo°][ \t]?(?i:andar|piso|piano)"
                    r"(?:[ \t](?i:esq\.?|dto\.?|esquerdo|direito|frente|[A-D]))?|"
                    r"(?i:vorderhaus|hinterhaus|seitenflügel|gartenhaus|souterrain|dachgeschoss)|"
                    r"\d{1,2}\.[ \t]?(?:OG|DG|UG|Stock|Etage)(?:[ \t](?:links|rechts|mitte|li\.|re\.))?|"
                    r"(?i:vchod|vchodu|entrada|escalera|esc\.|portal|stiege|aufgang|eingang|scala|scara|sc\.|bl\.|"
                    r"bloc|bloco|bloque|torre|klatka)[ \t]?[A-Z0-9]{1,3}|"
                    r"\d{1,2}\.[ \t]?(?i:poschodie|poschodí|poschodia|patro|patře|piętro|emelet|kat|sprat|stock)|"
                    r"(?i:et\.|etaj|ет\.|эт\.|этаж)[ \t]?\d{1,2}|(?:m\.|ap\.|apt\.|apto\.?|ап\.|кв\.?|lok\.)[ \t]?\d{1,4}[A-Za-z]?|"
                    r"(?i:byt|stan|wohnung|whg\.|top|interno|int\.|tür|porte|puerta|pta\.|lgh|lägenhet|daire|"
                    r"apartamento|appartement|flat|unit|apartment|mieszkanie)(?:[ \t](?i:č\.|nr\.?|no\.?))?[ \t]?"
                    r"\d{1,4}[A-Za-z]?|"
                    r"\d{1,2}\.?[ºª][ \t]?[A-Z](?![\w'’]))")
_GROW_MORE = re.compile(rf"(?:,[ \t]?|[ \t][–-][ \t]|[ \t])(?:{_MORE_COMPLEMENT}(?![\w'’]))"
                        rf"(?:(?:,[ \t]?|[ \t])(?:{_MORE_COMPLEMENT}|{_UNIT_MORE})(?![\w'’])){{0,4}}")
_UNIT_ALONE = re.compile(r"(?i)(?:mieszkani\w{0,3}|lokal\w{0,3}|byt\w{0,2}|no\.?|nr\.?|n[º°]\.?|number|nummer|house)(?![^\W\d_])")
_ENDS_IN_NUMBER = re.compile(r"\d[A-Za-z]?\.?$|(?<![\w'’])[A-Z]$")
# a unit complement written on to a found address
_GROW = re.compile(rf",[ \t]?{_UNIT_MORE}(?![\w'’]){_UNITS}{_TAIL}")

# a town after a found street address, before a lowercase word or the clause's end ("Via Roma 5, Caravaggio:",
# "Eikenlaan 9, Bilthoven)", "2318 Vilakazi St, Orlando West, Soweto since Tuesday", "Mbezi Beach, …, Dar es Salaam")
_TOWN_PART = (r"[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’-]{1,25}(?:[ \t](?:(?:de|del|la|es|am|an|der|sur|en|di|do|da)[ \t])?"
              r"[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’-]{1,25}){0,2}")
_TOWN_TAIL = re.compile(rf"(?:,[ \t]?{_TOWN_PART}(?![\w'’-])){{1,2}}"
                        r"(?=[ \t]{0,2}(?:[.,;:!?)\n]|$)|[ \t]{1,2}[a-zà-ÿ0-9])")
# a street address the town may follow: a word of three letters and a number, not a unit named alone ("daire 9") nor a
# digital address ("GA-492-8810, Dansoman": the district after it is a kept place)
_STREET_LIKE = re.compile(r"[^\W\d_]{3}")
_UNIT_FIRST = re.compile(rf"(?i:{FLAT}|{SUITE}|{STAIR})(?![\w'’])")
_NOT_TOWN = frozenset("""
thanks thank regards cheers please tel phone email mobile mr mrs ms dr sir madam dear hi hello account order ref room flat
apt unit tracking invoice policy cpf dni nif pin monday tuesday wednesday thursday friday saturday sunday january
february march april may june july august september october november december lunes martes miércoles jueves viernes
sábado domingo montag dienstag mittwoch donnerstag freitag samstag sonntag lundi mardi mercredi jeudi vendredi samedi
dimanche gracias merci danke grazie obrigado obrigada saludos grüße gruß cordialement atentamente ok okay yes no
tomorrow today yesterday customer agent caller rider driver tenant landlord""".split())
# a staircase grows a street's address only ("ul. Rydygiera 8, klatka II"), never a flat named alone ("Mieszkanie nr
# 14, klatka B": a kept place)
_STREET_WORD = re.compile(r"(?i)(?<![\w])(?:ul\.|al\.|pl\.|os\.|ulica|ulicy|aleja|alei|osiedle|plac)(?![\w])")

# a lodging's, a care home's or a business estate's name written before its address is part of it ("The Beacon Hotel,
# 237 W 75th St, …", "Oakfield Care Home, 12 …", "ZA de la Gagnerie, 4 rue Denis Papin, …", "Polígono El Raposal, …")
_HEAD_WORDS = frozenset((
    "hotel", "hôtel", "hotell", "hostal", "hostel", "inn", "suites", "lodge", "motel", "resort", "guesthouse", "albergo",
    "pousada", "pension", "gasthof", "gasthaus", "zorgcentrum", "verpleeghuis", "polígono", "poligono", "za", "zi",
    "zac", "zone", "parc", "zona", "urb.", "urbanización", "condomínio", "condominio", "gewerbegebiet",
    "industriegebiet", "gewerbepark"))
_HEAD_PAIRS = ("care home", "nursing home", "residential home", "industrial estate", "trading estate", "business park",
               "retail park", "dom seniora", "pol. ind.")
_CONNECTORS = frozenset(("de", "du", "des", "del", "la", "le", "les", "da", "do", "das", "dos", "al", "am", "an", "der",
                         "the", "&", "y", "e", "di", "della", "van", "het", "en"))
_HEAD_WINDOW = re.compile(r"(?:^|(?<=[\n:;,(\"“„]))[ \t]{0,3}([^\n:;,(\"“„]{2,70}?)[ \t]?,[ \t]?$")

# ---- Arabic, Persian, Urdu -------------------------------------------------------------------------------------------
_AR = "\u0621-\u063a\u0641-\u064a\u066e-\u06d3\u06d5\u200c"
_AR_NUMBER_LETTER = re.compile(rf"[ \t][{_DIGITS}]{{1,4}}[A-Za-z\u0621-\u063a\u0641-\u064a]?(?![\w])")
_AR_PART = re.compile(rf"[،,][ \t]?((?:[{_AR}]{{2,20}}|[{_DIGITS}]{{1,4}})(?:[ \t](?:[{_AR}]{{2,20}}|[{_DIGITS}]{{1,4}}"
                      rf"[A-Za-z]?)){{0,2}})(?![\w])")
_AR_END = re.compile(r"[ \t]{0,2}(?:[.\n۔!?؟]|$)")
_AR_NUMBER_BEFORE = re.compile(rf"(?:^|(?<=[\n:،,]))[ \t]{{0,2}}([{_DIGITS}]{{1,5}})[ \t]$")
_AR_STREETS = ("شارع", "طريق", "جادة")

# ---- Devanagari ------------------------------------------------------------------------------------------------------
_DEV = "\u0900-\u0963\u0971-\u097f\u200c\u200d"
_DEV_NEAR = re.compile(rf"[ \t]के[ \t](?:पास|सामने|पीछे|नज़दीक|नजदीक|बगल[ \t]में)(?![{_DEV}])")
_DEV_PART = re.compile(rf",[ \t]?((?:[{_DEV}][{_DEV}.]{{0,20}})(?:[ \t][{_DEV}][{_DEV}.]{{0,20}}){{0,2}}"
                       rf"(?:[ \t][{_DIGITS}]{{3}}[ \t]?[{_DIGITS}]{{3}})?|[{_DIGITS}]{{3}}[ \t]?[{_DIGITS}]{{3}})"
                       rf"(?![\w{_DEV}])")
_DEV_END = re.compile(r"[ \t]{0,2}(?:[.\n।|!?]|$)")


# ---- the writer's own unit named alone (session 49, 49-6) -----------------------------------------------------------
# a first-person cue right before the unit: "I'm number 27", "im no. 12", "we're no. 62", "mine, number 21", "Ich bin
# Nr. 12", "ich wohne in der Nr. 12", "bei uns in Top 14", "Io sono all'interno 9", "sono al terzo piano, interno 9",
# "io sto alla scala C, interno 14", "у меня кв 118", "у нас кв. 25", "I moved into number 17"
_OWN_CUE = (r"(?:i['’]?m|im|i[ \t]am|we['’]?re|we[ \t]are|mine,|mine[ \t]is|ich[ \t]bin|wir[ \t]sind|"
            r"(?:ich[ \t]wohne|wir[ \t]wohnen|wohne)[ \t]in(?:[ \t]der)?|bei[ \t]uns[ \t]in(?:[ \t]der[ \t]wohnung)?|"
            r"moved[ \t]into|у[ \t]меня|у[ \t]нас|(?:mio|nostro)[ \t]appartamento,?|(?:my|our)[ \t](?:flat|apartment|unit),?|"
            r"sono[ \t]al[ \t](?:primo|secondo|terzo|quarto|quinto|sesto|settimo|ottavo|\d{1,2}[°º])[ \t]piano,|"
            r"(?:io[ \t])?sto[ \t]alla[ \t]scala[ \t][A-Z],)")
_OWN_UNIT = (rf"(?:(?:(?i:scala)[ \t][A-Z],?[ \t])?(?i:{_OWN_UNIT_BASE})"
             r"(?:,?[ \t](?i:scala|torre|tower)[ \t][A-Z0-9]{1,3}(?![\w'’]))?)")
_OWN_AFTER_CUE = re.compile(
    rf"(?i:(?<![\w'’]){_OWN_CUE}[ \t]{{1,2}}(?:the[ \t])?)({_OWN_UNIT})(?![\w'’])"
    rf"|(?i:(?<![\w'’])(?:io[ \t])?sono[ \t]all['’])({_OWN_UNIT})(?![\w'’])")
# a signature or a name with the unit after it, at the line's end: "Beverley Quinn, no. 23", "Cheers, Ollie (flat 3)",
# "Franca Bellini, int. 7" (a staircase before it stays kept), "— Otieno, house B7"; a name and "van"/"do"/"from" before it: "Lotte van nr. 14",
# "aqui é a Jussara do apto 71"
_SIGNED = re.compile(
    rf"(?m)(?<![\w'’])(?P<who>[A-ZÀ-ÖØ-Þ][\w'’.-]{{1,20}})(?:,[ \t]|[ \t]\()"
    rf"(?P<unit>(?i:{_OWN_UNIT_BASE})|(?i:house)[ \t][A-Z]?\d{{1,4}}[A-Z]?)"
    r"(?![\w'’])\)?[ \t]{0,3}(?:$|(?=[.!]?[ \t]*$))")
_FROM_UNIT = re.compile(
    rf"(?<![\w'’])(?P<who>[A-ZÀ-ÖØ-Þ][\w'’-]{{1,20}})[ \t](?:van|do|da)[ \t](?P<unit>(?i:{_OWN_UNIT_BASE}))(?![\w'’])")
# a speaker's answer holding the unit alone: "Cliente: bloco 3, apto 54", "Cliente: depto 1204, torre B, …", "Caller:
# yep, number 58"
_ANSWER = re.compile(
    rf"(?im)^[ \t]{{0,3}}(?:cliente|customer|caller|client|klant|kunde|müşteri|клиент|tenant|me)(?:[ \t][\w'’]{{1,20}})?"
    rf"[ \t]{{0,2}}:[ \t]{{0,2}}(?:(?:yes|yep|yeah|yea|sim|sí|si|oui|ja|é)[,.]?[ \t]{{1,2}})?"
    rf"(?:(?:bloco|bloque|torre|block|tower|bl\.)[ \t][\w]{{1,3}},[ \t])?({_OWN_UNIT})(?=[ \t]{{0,2}}(?:[,.;!?\n]|$))")
# a subject line naming a unit: "Betreff: Schimmel in der Wohnung Top 14", "Oggetto: morosità interno 12"
_SUBJECT_UNIT = re.compile(
    r"(?im)^(?:subject|betreff|objet|asunto|assunto|oggetto|re|aw|wg|fw|fwd)[ \t]{0,2}:[^\n]{0,80}?(?<![\w'’])"
    r"((?:wohnung[ \t])?(?:top|interno|whg\.|wohnung|flat|unit|apartment|appartement|apto\.?|depto\.?)[ \t]"
    r"\d{1,4}[A-Za-z]?)(?![\w'’])")
# "I'm number 2 on the card" (a Medicare card's line), "I'm number 3 in the queue": no home
_NOT_HOME_AROUND = re.compile(r"(?i)(?<![\w'’])(?:card|medicare|queue|waitlist|waiting[ \t]list|ticket|position|"
                              r"rank|ranked|team|jersey|player|seed)(?![\w'’])")
_SIGN_NOT = frozenset(("order", "invoice", "ref", "ticket", "case", "account", "policy", "room", "gate", "seat",
                       "platform", "table", "bus", "line", "route", "page", "item", "step", "box", "locker", "bay",
                       "meter", "tracking", "claim", "reference", "booking", "job", "code", "pin", "flight"))

# a Persian, Arabic, Urdu, Devanagari or Thai postcode after its label ("کد پستی: ۱۹۶۸۹۱۳۵۴۷", "पिन कोड: 110092")
_POSTCODE_LABELLED = re.compile(
    rf"(?:کد[ \t\u200c]?پستی|کدپستی|الرمز[ \t]البريدي|پوسٹل[ \t]کوڈ|पिन[ \t]?कोड|पिनकोड|รหัสไปรษณีย์)[ \t]{{0,2}}[:：]?[ \t]{{0,2}}"
    rf"([{_DIGITS}]{{5}}(?:[ \t-]?[{_DIGITS}]{{5}}|[{_DIGITS}])?)(?![{_DIGITS}\w])")

def _free(spans: list[PiiSpan], keep: list, start: int, end: int) -> bool:
    """No kept span and no span of another kind than ADDRESS, PERSON or ZIP meets [start, end)."""
    for s in keep:
        a, b = (s.start, s.end) if isinstance(s, PiiSpan) else s
        if a < end and start < b:
            return False
    return not any(s.kind not in ("ADDRESS", "PERSON", "ZIP") and s.start < end and start < s.end for s in spans)


def _european(text: str) -> list[tuple[int, int]]:
    found = []
    for m in _SUFFIXED.finditer(text):
        words = m.group("name").split()
        keep = 0
        for word in reversed(words):
            if word[0].isupper() or (word[0].isdigit() and word.endswith(".")):
                keep += 1
            else:
                break
        while keep and words[len(words) - keep][0].isdigit():
            keep -= 1
        name_words = _without_cue_words(words[len(words) - keep:])
        if not name_words or (m.end() == m.end("number") and "-" not in m.group("number")):
            continue  # a building named by its street and number alone ("mājā Brīvības ielā 201") is a kept place
        found.append((m.start("name") + len(m.group("name")) - len(" ".join(name_words)), _trim(text, m.start(), m.end())))
    for m in _BALTIC.finditer(text):
        words = m.group("name").split()
        keep = 0
        for word in reversed(words):
            if word[0].isupper():
                keep += 1
            else:
                break
        name_words = _without_cue_words(words[len(words) - keep:])
        if not name_words or any(w.lower().strip(".:") in _NOT_STREET for w in name_words):
            continue  # "Gate 12-3, Tallinn", "Order 4471-2, Rīga": no street
        found.append((m.start("name") + len(m.group("name")) - len(" ".join(name_words)), _trim(text, m.start(), m.end())))
    return found


def _own_units(text: str) -> list[tuple[int, int]]:
    """The writer's own unit named alone (a cue, a signature, a speaker's answer, a subject line) and a postcode after
    its label in Arabic script, Devanagari or Thai."""
    found = []
    for m in _OWN_AFTER_CUE.finditer(text):
        g = 1 if m.group(1) else 2
        if not _NOT_HOME_AROUND.search(text, max(0, m.start() - 100), min(len(text), m.end() + 30)):
            found.append(m.span(g))
    for m in _SIGNED.finditer(text):
        if m.group("who").lower().strip(".") not in _SIGN_NOT:
            found.append(m.span("unit"))
    for m in _FROM_UNIT.finditer(text):
        if m.group("who").lower() not in _SIGN_NOT:
            found.append(m.span("unit"))
    for pattern in (_ANSWER, _SUBJECT_UNIT, _POSTCODE_LABELLED):
        for m in pattern.finditer(text):
            found.append(m.span(1))
    return [(a, _trim(text, a, b)) for a, b in found if _own(text, a, b)]


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t,;:":
        end -= 1
    if end - start > 1 and text[end - 1] == "." and (end == len(text) or text[end] in " \t\n") \
            and text[end - 2].isdigit():
        end -= 1  # the sentence's full stop after "m. 12."
    return end


def _ar_grown(text: str, start: int, end: int) -> tuple[int, int]:
    """An Arabic-script address grown over its street's number, its parts up to the clause's end, its house number."""
    value = text[start:end]
    if value.endswith(_AR_STREETS):
        m = _AR_NUMBER_LETTER.match(text, end)
        if m:
            end = m.end()
    pos, parts = end, 0
    while parts < 3:
        m = _AR_PART.match(text, pos)
        if m is None or any(w in _AR_STOP or w.startswith(("رقم", "ورقم")) for w in m.group(1).split()):
            break
        pos, parts = m.end(), parts + 1
    if parts and _AR_END.match(text, pos):
        end = pos
    if value.startswith(_AR_STREETS):
        m = _AR_NUMBER_BEFORE.search(text, max(0, start - 12), start)
        if m:
            start = m.start(1)
    return start, end


def _dev_grown(text: str, end: int) -> int:
    """A Devanagari address grown over a landmark written on to it and its parts up to the clause's end."""
    pos = end
    near = _DEV_NEAR.match(text, pos)
    if near:
        pos = near.end()
    parts = 0
    while parts < 3:
        m = _DEV_PART.match(text, pos)
        if m is None or any(w in _IN_STOP for w in m.group(1).split()):
            break
        pos, parts = m.end(), parts + 1
    if (near or parts) and _DEV_END.match(text, pos):
        return pos
    return end


def _head_start(text: str, start: int) -> int:
    """The start moved back over a lodging's, a care home's or an estate's name before the address ("The Beacon Hotel,
    237 W 75th St") on the same line; ``start`` when none is there."""
    window = text[max(0, start - 80):start]
    m = _HEAD_WINDOW.search(window)
    if m is None:
        return start
    tokens = m.group(1).split()
    run: list[str] = []
    for token in reversed(tokens):
        low = token.lower()
        if token[0].isupper() or token[0].isdigit() and run or low in _CONNECTORS or low.startswith(("d'", "d’", "l'")):
            run.append(token)
        else:
            break
        if len(run) > 6:
            return start
    run.reverse()
    while run and (run[0].lower() in _CONNECTORS - {"the"} or run[0][0].isdigit()):
        run.pop(0)
    words = [w.lower().strip(".,") for w in run]
    joined = " ".join(w.lower() for w in run)
    if not run or not (any(w in _HEAD_WORDS or w + "." in _HEAD_WORDS for w in words)
                       or any(pair in joined for pair in _HEAD_PAIRS)):
        return start
    head = " ".join(run)
    at = window.rfind(head)
    if at < 0 or re.search(r"(?i)(?<![\w'’])(?:is|are)[ \t]in[ \t]$", window[:at]):
        return start  # "who is in Zorgcentrum De Linde, kamer 214, …" is labelled a kept place ("zij woont in …" not)
    return start - len(window) + at


def with_address_words(text: str, spans: list[PiiSpan], keep: list) -> list[PiiSpan]:
    """The spans with the addresses of the module's docstring added or grown (merged with what they meet)."""
    head = text[:_LIMIT]
    added = _european(head) + _own_units(head)
    for s in spans:
        if s.kind != "ADDRESS" or s.end > len(head):
            continue
        m = _GROW.match(head, s.end)
        if m and (_STREET_WORD.search(head, s.start, s.end) or not m.group().lstrip(", \t").lower().startswith("klatka")):
            added.append((s.start, _trim(head, s.start, m.end())))
            continue
        value = head[s.start:s.end]
        g = _GROW_MORE.match(head, s.end)
        if g and _ENDS_IN_NUMBER.search(value) and "\n" not in g.group() and _STREET_LIKE.search(value) \
                and not _UNIT_FIRST.match(value) and not _UNIT_ALONE.match(value):
            added.append((s.start, _trim(head, s.start, g.end())))
            continue
        t = _TOWN_TAIL.match(head, s.end)
        if t and re.search(r"\d", value) and _STREET_LIKE.search(value) and not _UNIT_FIRST.match(value) \
                and "'" not in t.group() and "’" not in t.group() and not re.search(f"[{_AR}{_DEV}]", value) and not any(
                w.lower() in _NOT_TOWN for w in re.findall(r"[\w'’-]+", t.group())) and not any(
                o.kind != "ADDRESS" and o.start < t.end() and s.end < o.end for o in spans):
            added.append((s.start, _trim(head, s.start, t.end())))
        lead = _head_start(head, s.start)
        if lead < s.start:
            added.append((lead, s.end))
            continue
        value = head[s.start:s.end]
        if re.search(f"[{_AR}]", value):
            start, end = _ar_grown(head, s.start, s.end)
        elif re.search(f"[{_DEV}]", value):
            start, end = s.start, _dev_grown(head, s.end)
        else:
            continue
        if (start, end) != (s.start, s.end):
            added.append((start, end))
    if not added:
        return spans
    out = list(spans)
    for start, end in added:
        if end - start < 4 or "\n" in text[start:end].strip():
            continue
        if not _free(out, keep, start, end):
            continue
        merged = [s for s in out if s.kind in ("ADDRESS", "PERSON", "ZIP") and s.start < end and start < s.end
                  and (s.kind == "ADDRESS" or (start <= s.start and s.end <= end))]
        if any(s.kind == "PERSON" and not (start <= s.start and s.end <= end) for s in out
               if s.start < end and start < s.end):
            continue  # a name that runs past the address is not ours to cut
        lo = min([start, *(s.start for s in merged)])
        hi = max([end, *(s.end for s in merged)])
        out = [s for s in out if s not in merged]
        out.append(PiiSpan("ADDRESS", lo, hi, max([_SCORE, *(s.score for s in merged)])))
    return sorted(out, key=lambda s: (s.start, s.end))
