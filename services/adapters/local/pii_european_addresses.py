"""Addresses in the layouts of central, eastern and northern Europe and Greece (candidate 36-4, issue 21).

The address rules before read the layouts of the British Isles, the Iberian, French, German, Dutch and Polish
letters, and some Nordic ones (a street word ending in "-gatan" or "-gade"); they missed these countries' own ways
of writing a home:

- **Romanian**: a street type before the name, "nr." before the number, block, stair, floor and flat after it, then
  the sector and the town: "Str. Lalelelor nr. 14, bl. B3, ap. 22, Sector 4, București", "Bd. Eroilor 14, Cluj-Napoca".
- **Hungarian**: the postcode and town first, then the street, its type word after the name ("utca", "u.", "út",
  "körút", "tér"…), the number with its dot, the floor and door: "1137 Budapest, Pozsonyi út 38. 3/12",
  "Király utca 31. II. em. 7", "8200 Veszprém, Kossuth Lajos u. 9".
- **Czech and Slovak, Croatian, Serbian and Slovene, Greek**: a street name without a type word ("Jugoslávská 620/29",
  "Ilica 214", "Ερμού 45") followed by the postcode and town ("120 00 Praha 2", "10000 Zagreb", "546 24
  Θεσσαλονίκη"), or a type word ("Trubarjeva cesta 18", "Bulevar oslobođenja 74, stan 11", "Οδός Αγίου Δημητρίου 48").
- **Ukrainian, Russian, Bulgarian**: "вул. Шевченка 14, кв. 9, Львів", "ул. Витоша 48, ет. 3, ап. 9, 1000 София",
  "гр. Пловдив, ул. „Капитан Райчо“ 56" (ул., вул., пр., бул., пер., ж.к.; д., кв., ет., ап., вх., бл.).
- **Estonian, Latvian, Lithuanian**: "Tartu mnt 43-12, 10128 Tallinn", "Brīvības iela 87-14, Rīga, LV-1001",
  "Žirmūnų g. 68-41, LT-09124 Vilnius", "Gedimino pr. 12-5, Vilnius".
- **Austrian and Maltese** (session 45, 45-5): a "Gürtel" or "Lände" with its staircase and door
  ("Lerchenfelder Gürtel 12/3/9, 1160 Wien"); a Maltese flat, house name, number and "Triq" with its locality and
  postcode of three letters and four digits ("12, Triq il-Kbira, Ħ'Attard ATD 1520", "Flat 4, Dar il-Ward, Triq
  il-Kbira, Ħaż-Żabbar ZBR 1402"); since then also a Hungarian "sugárút" or "körtér", a Budapest district before the
  street after the article ("a Budapest XIII., Hegedűs Gyula u. 58. 3. em. 12."), a Baltic flat after a spaced dash
  ("Brīvības iela 144 – 23, Rīga, LV-1012"), a floor before the flat ("Štúrova 22, 3. poschodie, byt 9").
- **Norwegian, Danish, Swedish, Finnish**: a street type as a word of its own ("Thorvald Meyers gate 58, 0552 Oslo",
  "Kongens gate 14") or the end of one word ("Hämeenkatu 14 B 22, 33100 Tampere", "Aleksanterinkatu 22 A 7"), a
  postcode-and-town line under a street line ("Storgatan 14 B\\n753 30 Uppsala"), a PO box ("Box 447, 831 21
  Östersund", "Postboks 244 Sentrum\\n5804 Bergen").

:func:`find_european_addresses` (a finder of ``pii_rules.find_all``) marks the address's words from the street (or
the town written before it) to the town or postcode after it, units included. Never a street named without a house
number ("na Váci út", "a Váci úton"), a firm's name line (the span starts at the street or the town), a housing
company named after its street ("As Oy Kalevankatu 18", "Brf Vasagatan 14"), a "Triq" without its postcode (a kept
street), nor an order or meter number (a
number is read as a house number only after a street's name). A Polish "ul." street with its number and nothing
after it is left to the older Polish rules (a block named in a fault report is a kept place). Each pattern is linear: bounded
repeats of words separated by a single space or tab, no nested quantifiers over the same characters, no leading
spaces in a searched pattern.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

Found = tuple[str, int, int, float]
CAP = 24  # spans a message at most

_L = r"[^\W\d_]"  # a letter of any script
_WORD = rf"{_L}[\w'’-]{{0,30}}"
# street types written before the name (Romanian, Slavic, Greek, Polish, Czech, Baltic)
_PREFIX = (r"(?:(?i:str\.|strada|b-?dul\.?|bd\.|bulevardul|calea|aleea|șos\.|şos\.|șoseaua|şoseaua|splaiul|piața|"
           r"intrarea|ul\.|ulica|al\.|aleja|os\.|osiedle|pl\.|plac|nám\.|náměstí|nábř\.|tř\.|třída|"
           r"ул\.|улица|вул\.|вулиця|пр\.|просп\.|проспект|пр-т|бул\.|бульв\.|булевард|бульвар|пер\.|пров\.|"
           r"провулок|переулок|пл\.|площадь|площа|ж\.к\.|жк|кв-л|шосе|шоссе|булевар|улица|"
           r"οδός|οδό|οδ\.|λεωφόρος|λεωφ\.|πλατεία|πλ\.|bulevar|bulevard|trg|avenija)"
           r")")
# street types written after the name, as words of their own (Hungarian, Baltic, Nordic, South Slavic)
_SUFFIX = (r"(?:utca|u\.|út|útja|sugárút|körút|krt\.|tér|tere|körtér|köz|sor|sétány|rakpart|fasor|lakótelep|ltp\.|"
           r"mnt\.?|maantee|tn\.?|tänav|pst\.?|puiestee|tee|põik|väljak|iela|bulvāris|gatve|prospekts|g\.|gatvė|pr\.|prospektas|"
           r"gate|gata|gaten|vei|veien|veg|vegen|vej|plass|plads|torv|torg|gränd|allé|Vej|Gade|Allé|Plads|Boulevard|"
           r"cesta|ulica|trg|bulevar|obala|šetalište|náměstí|nábřeží|třída|ulice|Gürtel|Lände|"
           r"οδός|λεωφόρος)")
# the Nordic and Finnish street types written as the end of one word ("Storgatan", "Hämeenkatu", "Nørrebrogade")
_COMPOUND = (rf"{_L}[\w'’-]{{1,30}}(?:gatan|gata|gaten|vägen|gränd|gade|vej|veien|vegen|vei|katu|tie|kuja|polku|"
             r"kaari|tori|väylä|raitti|rinne|ranta|bakken|stræde|allén|torget|plassen)")
# the words that may open a one-word street's name: "Västra Hamngatan", "Nedre Slottsgate", "Gamle Kongevej"
_COMPOUND_BEFORE = (r"(?:Västra|Östra|Norra|Södra|Stora|Lilla|Gamla|Nya|Nedre|Øvre|Övre|Store|Lille|Gamle|Nye|Vestre|"
                    r"Østre|Søndre|Nordre|Nørre|Vester|Øster|Sønder|Ny|Gl\.|Sankt|St\.|Kong|Dronning|Prins)")
# the Nordic words of their own that are read as a street only after a genitive name ("Thorvald Meyers gate",
# "Kongens gate"): a boarding "gate 14" is no street
_GENITIVE_ONLY = frozenset(("gate", "gata", "gaten", "vei", "veien", "veg", "vegen", "vej", "plass", "plads", "torv",
                            "torg", "allé", "gränd", "sor", "köz", "tere", "Vej", "Gade", "Allé", "Plads",
                            "Boulevard"))
_NOT_STREET_NAME = frozenset((
    "boarding", "departure", "departures", "arrival", "arrivals", "security", "terminal", "terminals", "the", "your",
    "my", "our", "at", "to", "from", "go", "via", "order", "invoice", "meter", "room", "gates", "parking", "check",
    "please", "see", "et", "and", "or", "und", "és", "a", "az", "an", "current", "previous", "new", "old", "home",
    # the word "address" (and "new", "flat", "residence") of these languages, before the street
    "address", "adresa", "adresas", "adrese", "adres", "adresse", "adress", "aadress", "osoite", "uusi", "uus",
    "naslov", "nova", "novi", "nový", "nová", "nowy", "ny", "nya", "διεύθυνση", "νέα", "адрес", "адреса", "нова",
    "новый", "новая", "cím", "címünk", "címem", "lakcím", "székhely", "bydliště", "bydlisko", "sídlo", "korter",
    "dzīvoklis", "butas", "leilighet", "leiligheten", "lägenhet", "lägenheten", "lejlighed", "asunto", "byt",
    "stan", "mieszkanie", "felhasználási", "hely"))
# a house number: "14", "14B", "620/29", "43-12", "38.", "nr. 14", "д. 5", "č. 12"
_NUMBER = (r"(?:\d{1,4}[ \t][A-Z][ \t]\d{1,3}(?![\d:])|(?:(?i:nr|no|n°|číslo|č|д|буд|дом|αρ)\.?[ \t]?)?\d{1,4}(?![\d:])[A-Za-zА-Яа-я]?"
           r"(?:[/–-]\d{1,4}[A-Za-z]?(?:/\d{1,4}(?![\d/]))?|[ \t][–-][ \t]\d{1,4}(?=,))?(?:[ \t]?[A-Z](?![\w'’]))?\.?)")
# the unit parts after a number: block, stair, floor, flat, door in these countries' words
_UNIT = (r"(?:(?i:nr|bl|bloc|sc|scara|et|etaj|ap|apt|apart|apartament|cam|corp|кв|ет|эт|ап|вх|бл|корп|к|стр|оф|под|"
         r"lgh|lägenhet|leil|stan|kat|sprat|m|lok|lokal|byt|dz|dzīv|butas|korter|as|asunto|em|emelet|ajtó|fszt|fsz|"
         r"όροφος|διαμ|διαμέρισμα)(?:\.[ \t]?|[ \t])\w{1,5}\.?(?:[ \t](?:em|emelet|ajtó)\.?(?:[ \t]\d{1,3}\.?)?)?|"
         r"\d{1,2}\.[ \t]?(?:th|tv|mf|sal)\.?|st\.[ \t]?(?:th|tv)\.?|\d{1,2}[ \t]tr|H\d{4}|"
         r"(?:[IVX]{1,4}|\d{1,2})\.?[ \t]?(?:em|emelet)\.?[ \t]?\d{1,3}\.?(?:[ \t]ajtó)?|(?:[IVX]{1,4}|\d{1,2})/\d{1,3}\.?|"
         r"\d{1,2}(?:ος|ου|ο)[ \t]όροφος|[A-Z][ \t]\d{1,3}(?!\d)|"
         r"\d{1,2}\.[ \t]?(?:poschodie|poschodí|patro|patře|piętro|kat|sprat)(?=,[ \t]?(?:byt|stan|m\.|lok)))")
_UNITS = rf"(?:(?:,[ \t]?|[ \t]){_UNIT}(?![\w'’])){{0,5}}"
# an upper-case letter of the Latin, Greek and Cyrillic alphabets these countries write
_UP = ("[A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĶĹĻĽĿŁŃŅŇŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽȘȚΆΈΉΊΌΎΏΑ-ΩЀ-ЯҐ]")
_TOWN_WORD = rf"{_UP}[\w'’-]{{1,30}}"
# a town: one or two words, the second before a break ("Novi Sad", "Cluj-Napoca"), with a district after it
# ("Praha 2", "Bratislava IV", "København N"); "Kraków 30 września" is a date after the town
_TOWN = (rf"(?:(?:Praha|Prague|Bratislava|Košice|Ostrava)[ \t](?:\d{{1,2}}|[IVX]{{1,4}})(?![\w'’])|"
         rf"{_TOWN_WORD}(?:[ \t]{_TOWN_WORD}(?=[ \t]{{0,3}}(?:[,.;:!?)\n]|$)))?(?:[ \t](?:[A-ZÆØÅ]{{1,2}}|Ø)(?![\w'’]))?)")
_POSTCODE = r"(?:(?:Τ\.?Κ\.?|T\.?K\.?)[ \t]?)?(?:(?:[A-Z]{2}-)?\d{3}[ \t]\d{2}|(?:[A-Z]{2}-)?\d{4,6}|\d{2}-\d{3})"
_TAIL_PART = (rf"(?:{_POSTCODE}(?![\d/-])(?:[ \t]{_TOWN})?|(?i:sector|sectorul|jud\.|județul|judeţul|обл\.|област|"
              rf"р-н|район)[ \t]?[\w-]{{1,20}}|{_TOWN}(?:[ \t]{_POSTCODE}(?![\d/-]))?)")
_TAIL = rf"(?:,[ \t]?{_TAIL_PART}(?![\w'’-])){{0,3}}"
_NAME_WORD = rf"{_L}[\w'’.-]{{0,30}}"  # "H.C.", "Kr.", "Str."
_NAME = rf"(?:{_NAME_WORD}|\d{{1,2}}\.)(?:[ \t](?:{_NAME_WORD}|\d{{1,2}}\.)){{0,3}}"
_QUOTED = r"[„“«\"][^\n„“”«»\"]{1,40}[“”»\"]"

# a street with a type word before its name: "Str. Lalelelor nr. 14", "вул. Шевченка 14", "Οδός Ερμού 45"
_PREFIXED = re.compile(
    rf"(?<![\w'’.-])(?P<prefix>{_PREFIX})(?:(?<=\.)[ \t]?|[ \t])(?P<name>{_QUOTED}|{_NAME})(?:[ \t]{{1,2}}|,[ \t](?=(?:(?i:д|дом|буд|nr|č)\.?[ \t]?)?\d))(?P<number>{_NUMBER})"
    rf"(?![\w'’]|[.,]\d){_UNITS}{_TAIL}")
# a street with a type word after its name: "Pozsonyi út 38. 3/12", "Tartu mnt 43-12", "Thorvald Meyers gate 58"
_SUFFIXED = re.compile(
    rf"(?<![\w'’.-])(?P<name>{_NAME})[ \t](?P<type>{_SUFFIX})[ \t]{{1,2}}(?P<number>{_NUMBER})(?![\w'’]|[.,]\d)"
    rf"{_UNITS}{_TAIL}")
# a one-word Nordic or Finnish street: "Hämeenkatu 14 B 22, 33100 Tampere", "Aleksanterinkatu 22 A 7"
_COMPOUNDED = re.compile(
    rf"(?<![\w'’.-])(?:{_COMPOUND_BEFORE}[ \t])?(?P<name>{_COMPOUND})[ \t](?P<number>{_NUMBER})(?![\w'’]|[.,]\d){_UNITS}{_TAIL}")
# a street without a type word, then a postcode and a town: "Jugoslávská 620/29, 120 00 Praha 2", "Ilica 214,
# 10000 Zagreb", "Ερμού 45, 546 24 Θεσσαλονίκη", "Vinohradská 112, Praha 3"
_BARE = re.compile(
    rf"(?<![\w'’.-])(?P<name>{_WORD}(?:[ \t]{_WORD}){{0,2}})[ \t](?P<number>\d{{1,4}}[A-Za-z]?(?:/\d{{1,4}}[A-Za-z]?)?)"
    rf"(?![\w'’]|[.,]\d){_UNITS},[ \t]?(?P<post>{_POSTCODE}),?[ \t](?P<town>{_TOWN})(?![\w'’-])"
    rf"|(?<![\w'’.-])(?P<name2>{_WORD}(?:[ \t]{_WORD}){{0,2}})[ \t](?P<number2>\d{{1,4}}/\d{{1,4}}|\d{{1,4}}[A-Za-z]?)"
    rf",[ \t]?(?P<town2>Praha|Brno-[\w-]{{2,20}}|Bratislava|Košice)[ \t](?P<district>\d{{1,2}}|[IVX]{{1,4}})(?![\w'’])")
# a PO box with its postcode and town: "Box 447, 831 21 Östersund", "Postboks 244 Sentrum, 5804 Bergen"
_BOX = re.compile(
    rf"(?<![\w'’.-])(?:Box|Postboks|Postbox|Pb\.|PL|Postilokero|P\.O\.[ \t]?Box|Pošt\.[ \t]?přihr\.)[ \t]\d{{1,6}}"
    rf"(?:[ \t][A-ZÆØÅ][\w-]{{2,20}})?(?:,[ \t]?|[ \t]|[ \t]?\n)(?:[A-Z]{{2}}-)?(?:\d{{3}}[ \t]\d{{2}}|\d{{4,5}})"
    rf"[ \t]{_TOWN}(?![\w'’-])")
# a Maltese address: a flat and a house's name, a number, a "Triq" (street) and its name, the locality and the postcode
# of three letters and four digits: "12, Triq il-Kbira, Ħ'Attard ATD 1520", "Flat 4, Dar il-Ward, Triq il-Kbira,
# Ħaż-Żabbar ZBR 1402", "Triq il-Kbira, Żebbuġ ZBG 1304" (the postcode makes it an address: a "Triq" named alone is kept)
_MT_WORD = r"[^\W\d_][\w'’-]{0,30}"
_MALTESE = re.compile(
    rf"(?<![\w'’.-])(?:(?i:flat|apt\.?|apartment|unit)[ \t]\d{{1,4}}[A-Za-z]?,[ \t]"
    rf"(?:{_UP}{_MT_WORD}(?:[ \t]{_MT_WORD}){{0,3}},[ \t])?)?(?:\d{{1,4}}[A-Za-z]?,?[ \t])?"
    rf"(?:Triq|Trejqet|Triq[ \t]il-|Misraħ|Pjazza|Vjal|Sqaq)[ \t]?{_MT_WORD}(?:[ \t]{_MT_WORD}){{0,3}}"
    rf"(?:[ \t]\d{{1,4}}[A-Za-z]?)?,[ \t](?:{_UP}[\w'’-]{{1,30}}(?:[ \t]{_UP}[\w'’-]{{1,30}})?[ \t])?[A-Z]{{3}}[ \t]?\d{{4}}(?![\w'’])")
# the postcode and town written before the street (Hungarian, Bulgarian): "1137 Budapest, ", "гр. Пловдив, "
_TOWN_BEFORE = re.compile(rf"(?:(?:(?i:гр|г|м|с|місто|град)\.?[ \t])?(?:{_POSTCODE}[ \t])?{_TOWN}(?:[ \t][IVX]{{1,5}}\.)?),"
                          r"[ \t]?\Z")
# the Hungarian article before a town written before its street ("végezzük a Budapest, Bartók Béla út 64. 3/12.")
_ARTICLE_BEFORE = re.compile(r"(?<![\w'’])(?:a|A|az|Az)[ \t]\Z")
_TOWN_BEFORE_CONTEXT = 60
# a line that is a street with its number and nothing else, then a postcode-and-town line under it
_STREET_LINE_END = re.compile(r"[ \t]{0,20}\r?\n")
_POSTCODE_LINE = re.compile(rf"(?:[A-Z]{{2}}-)?(?:\d{{3}}[ \t]\d{{2}}|\d{{4,5}})[ \t]{_TOWN}(?=[ \t]{{0,20}}(?:\r?\n|$))")
_NO_TOWN = frozenset(("tel", "tel.", "telefon", "phone", "mob", "email", "e-mail", "iban", "kwh", "eur", "euro",
                      "czk", "kč", "ft", "huf", "lei", "ron", "nok", "sek", "dkk", "pln", "zł"))
_DIGIT = re.compile(r"\d")
_POLISH = frozenset(("ul.", "ulica", "al.", "aleja", "os.", "osiedle", "pl.", "plac"))
# a housing company or owners' association named after its street is a firm ("As Oy Kalevankatu 18", "Brf Storgatan 4")
_OWNERS_BEFORE = re.compile(r"(?:\b(?:Oy|Ab|Brf|BRF|HSB|Borettslag|Borettslaget|Sameiet|Ejerforeningen|"
                            r"Andelsboligforeningen|A/B|E/F|SVJ|SBD|Társasház|Társasházközösség|Bytové[ \t]družstvo))"
                            r"[ \t]\Z")


def find_european_addresses(text: str) -> Iterator[Found]:
    """ADDRESS spans over the European layouts of the module's docstring."""
    if _DIGIT.search(text) is None:
        return iter(())
    return itertools.islice(_found(text), CAP)


def _found(text: str) -> Iterator[Found]:
    spans: list[tuple[int, int]] = []
    maltese = ((m.start(), m.end()) for m in _MALTESE.finditer(text))
    for start, end in itertools.chain(_prefixed(text), _suffixed(text), _compounded(text), _bare(text), _boxes(text),
                                      maltese):
        if _OWNERS_BEFORE.search(text, max(0, start - 30), start):
            continue
        start = _with_town_before(text, start)
        end = _trimmed(text, start, end)
        if end - start >= 6:
            spans.append((start, end))
            below = _postcode_line_below(text, end)
            if below is not None:
                spans.append(below)
    # a span inside another is said once (the longer)
    for start, end in sorted(set(spans)):
        if not any(s <= start and end <= e and (s, e) != (start, end) for s, e in spans):
            yield "ADDRESS", start, end, 0.85


def _prefixed(text: str) -> Iterator[tuple[int, int]]:
    for m in _PREFIXED.finditer(text):
        name = m.group("name")
        if name[0].isalpha() and not name[0].isupper() and not text[m.start()].isupper():
            continue  # "Bulevar oslobođenja 74": a capitalised type word may open a lower-case name
        if m.group("prefix").lower() in _POLISH and m.end() == m.end("number"):
            continue  # a Polish street and number alone are the older Polish rules' to judge (a fault report's block)
        yield m.start(), m.end()


def _suffixed(text: str) -> Iterator[tuple[int, int]]:
    for m in _SUFFIXED.finditer(text):
        kind = m.group("type")
        words = m.group("name").split()
        # the name is the capitalised words right before the type word ("küldjék a Kossuth Lajos u. 9" → "Kossuth
        # Lajos"); a number with its dot inside counts ("Október 6. utca")
        keep = 0
        for word in reversed(words):
            if word[0].isupper() or (word[0].isdigit() and word.endswith(".")):
                keep += 1
            else:
                break
        while keep and words[len(words) - keep][0].isdigit():
            keep -= 1
        name_words = _without_cue_words(words[len(words) - keep:])
        if not name_words:
            continue
        if kind in _GENITIVE_ONLY and not (name_words[-1].endswith("s") and name_words[-1].lower() not in
                                           _NOT_STREET_NAME):
            continue
        if kind == "tee" and name_words[-1][-1] not in "aeiouõäöü":
            continue  # an Estonian street's name in the genitive ("Kadaka tee 4"), no "Golf tee 5"
        if kind in ("g.", "pr.", "u.", "tn", "tn.", "mnt", "mnt.", "pst", "pst.") and len(name_words[-1]) < 3:
            continue
        yield m.start("name") + len(m.group("name")) - len(" ".join(name_words)), m.end()


def _compounded(text: str) -> Iterator[tuple[int, int]]:
    for m in _COMPOUNDED.finditer(text):
        name = m.group("name")
        if not name[0].isupper():
            continue
        yield m.start(), m.end()


def _bare(text: str) -> Iterator[tuple[int, int]]:
    for m in _BARE.finditer(text):
        if m.group("name") is not None:
            words = m.group("name").split()
            town = m.group("town")
            if town.split()[0].lower().strip(".") in _NO_TOWN or not town[0].isupper():
                continue
            start = m.start("name")
        else:
            words = m.group("name2").split()
            start = m.start("name2")
        # the street's name: the capitalised words right before the number ("adresa Jugoslávská 620/29" → one); a
        # preposition opening a Czech street's name is part of it only when capitalised ("Na Výsluní 8")
        keep = 0
        for word in reversed(words):
            if word[0].isupper():
                keep += 1
            else:
                break
        name_words = _without_cue_words(words[len(words) - keep:])
        if not name_words:
            continue
        yield start + len(" ".join(words)) - len(" ".join(name_words)), m.end()


def _boxes(text: str) -> Iterator[tuple[int, int]]:
    for m in _BOX.finditer(text):
        tail = text[m.start():m.end()]
        if "\n" in tail:  # a box line and a postcode line: one span a line
            cut = m.start() + tail.index("\n")
            yield m.start(), _trimmed(text, m.start(), cut)
            line = m.start() + tail.rindex("\n") + 1
            yield line, m.end()
        else:
            yield m.start(), m.end()


def _with_town_before(text: str, start: int) -> int:
    """The start moved back over a postcode and town written before the street ("1137 Budapest, Pozsonyi út 38.")
    on the same line, when a postcode or a town word ("гр.") says it is one, or the line or a bracket opens there."""
    if start < 2 or text[start - 2:start].strip() != ",":
        return start
    window = text[max(0, start - _TOWN_BEFORE_CONTEXT):start]
    m = _TOWN_BEFORE.search(window)
    if m is None:
        return start
    town_start = start - len(window) + m.start()
    value = m.group()
    if not value[0].isdigit() and not value[0].isupper() and not value.startswith(("гр", "г.", "м.", "с.")):
        return start
    before = text[max(0, town_start - 2):town_start]
    if (value[0].isdigit() or value[:3] in ("гр.", "гр ") or value[:2] in ("г.", "м.", "с.")
            or town_start == 0 or before.endswith(("\n", "(", ": ", ":", "( ")) or before.strip() in ("(", ":", "")
            or _ARTICLE_BEFORE.search(text, max(0, town_start - 4), town_start)):
        words = value.rstrip(", \t").split()
        if words and words[-1].lower() in _NO_TOWN:
            return start
        return town_start
    return start


def _trimmed(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t,;:":
        end -= 1
    return end


def _postcode_line_below(text: str, end: int) -> tuple[int, int] | None:
    """A postcode-and-town line right under a street line that ends at ``end``."""
    m = _STREET_LINE_END.match(text, end)
    if m is None:
        return None
    line = _POSTCODE_LINE.match(text, m.end())
    if line is None:
        return None
    town = text[line.start():line.end()].split()[-1]
    if town.lower() in _NO_TOWN:
        return None
    return line.start(), line.end()


def _without_cue_words(words: list[str]) -> list[str]:
    """A street's name less the words before it that are no part of it ("Adresa", "Uusi osoite", "Please")."""
    skip = 0
    while skip < len(words) and words[skip].lower().strip(".:,") in _NOT_STREET_NAME:
        skip += 1
    return words[skip:]
