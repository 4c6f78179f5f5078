"""A street, an estate or a landmark named alone as a location is a kept place, not an address (session 39, 39-4).

By the labelling conventions (``tests/data/pii/build.py``) a street named without a house number as the place where
something is or happened ("the branch on rue de Carouge", "roadworks on calle Nueva", "oddział przy ul. Chmielnej",
"lo sportello di Piazza Cordusio", "the ATM on Avenida Maisonnave", "Kreisverkehr Wiener Straße / Salzburger
Straße", "the streetlights on Jan Smuts Avenue between Bolton Road and …"), a named estate ("ж.к. Люлин 5") and a
landmark, station or mall named like a street ("Liberty Plaza", "Elm Park Gardens") are kept ``PLACE``; the address
finders and the NER model take them for an ``ADDRESS`` or a ``PERSON``.

:func:`drop_street_places` (wired after the PERSON check in the default detector, after the filters in the rules-only
one) drops an ``ADDRESS`` or ``PERSON`` span that is only such a street name:

- the span (less edge punctuation) is one to five street names joined by "/", "&", a comma or a connector ("and",
  "y", "i", "et", "und", "och", "e", "or", "instead of", "between"): a street's type word before its name ("rue",
  "calle", "via", "piazza", "corso", "strada", "rua", "avenida", "av.", "ul.", "al.", "rondo", "chemin",
  "impasse", "boulevard"…), or after it ("… Road", "… Street", "… Avenue", "… Lane", "… Plaza", "… Gardens"…), or a
  compound ending in one ("Kastanienallee", "Goethestraße", "Storgatan", "Lindelaan"), or a Bulgarian estate
  "ж.к. Люлин" with its one- or two-digit part number;
- it holds no other digit and no number said in words ("fourteen marlpit lane", "calle Mayor número doce"): a house
  number makes it an address;
- it never takes the writer's (or anyone's) own address: not when the words before it on its line say one ("I live
  on", "moved to", "deliver to", "send it to", "the address is", "vivo en", "abito in", "wohne in", "mieszkam
  przy", "j'habite", "endereço", "Adresse"…), not when it stands alone on its line or after a form's or a speaker's
  label ("Street:", "Caller: church lane": an address's line or an answer), not when a house number comes right
  before it ("12, avenue Foch" cut by a finder) or after it ("Via Roma, 14", "calle Cuba n. 40"), not when the
  line goes on to a postcode, and not when the words after it call it a home ("I'm the tenant", "my address");
- a PERSON span counts only with a type word no name holds ("Road", "Street", "Straße", "calle", "ul."; never
  "Park", "Lane", "Laan", "Plaza", "Rue"), or as the name after a street's type word ("di via Manzoni", "rondo
  Dmowskiego", "náměstí Míru"; "via" only after an Italian preposition: "sent via Ahmed Khan" is a name).

Session 46 (46-2) widened it for notices and reports: a street closing a sentence of running text ("os autocarros
serão desviados pela Rua de São Marcos.") counts though nothing follows it on its line, when three words or more
stand before it, the last in lower case, and no postcode opens the next line; an ADDRESS span a finder ran on over
the sentence's end ("…la Avinguda Catalunya. Se prohíbe…") goes when its street is such a place and the next
sentence's words in it hold no street's word, no postcode and no first name ("…di Via Po. Alessia" stays; a
number in them, "Plaza Vespucio. RUT 16.482.357-1", stays masked without the street); "dos"
before a capitalised word is a particle ("Rua dos Chãos"), not the number two; a reference's number ("Pratica
SEG-2026-7719") is no postcode after a street; "avinguda", "passeig" and "travessera" are street types.

Session 48 (48-4) widened it, after the PERSON check only (``wide``; the check's training rows stay as they were),
for streets taken for a person's name in more languages and scripts: a type word before the name ("Trga Franje
Tuđmana", "Улице Николе Пашића", "Bulevardul Ștefan cel Mare", "allées Jean-Jaurès", "đường Nguyễn Huệ", "Jalan
Sudirman", "οδός Ερμού"; Italian "via" after a date's day or month, a number before it only in an Italian message)
or after it, outside the span ("Damjanich utca", "Henrik Ibsens gate", "Mustamäe teeni", "Rákóczi tér",
"Hviezdoslavovom námestí"), and compounds ("Kaivokadun", "Rådhuspladsen"); the guards above stay (a house number, an
address's line, the writer's own street).

Look-alikes it never takes: a street with its house number ("Via Torino 44" is an address), an address over several
lines (each line alone), a street given as the answer to the agent's question, a name that ends like a street
("Ji-woo Park", "Ruud van der Laan", "Lottie"), a PERSON span with no street word before or in it ("Jan Smuts",
"Paul Bert" alone stay whatever the other filters make of them). At most 40 spans a message are looked at.
"""

from __future__ import annotations

import re

from services.adapters.local import pii_rules
from services.models import PiiSpan

# a name's word: letters (a capital, a lower-case "de", "la", "d'"), with hyphens, apostrophes and an abbreviation's dot
_WORD = r"[^\W\d_][\w'’.-]{0,30}"
_ARTICLE = r"(?:the|la|el|le|il|lo|a|o|na|no|da|do|die|der)[ \t]"
_TYPE_BEFORE = (r"(?:rue|avenue|av\.|avda\.?|avenida|calle|c/|carrer|camino|paseo|plaza|pza\.|via|viale|vicolo|"
                r"piazza|piazzale|p\.zza|corso|largo|strada|stradela|bulevardul|str\.|calea|rua|estrada|travessa|praça|"
                r"alameda|ul\.|ulica|ulicy|al\.|aleja|alei|plac|placu|rondo|ronda|chemin|impasse|allée|place|quai|"
                r"cours|route|boulevard|bd\.?|bvd\.?|blvd\.?|rond-point|jalan|jln\.?|calçada|carretera|ctra\.|"
                r"cesta|ulice|náměstí|utca|tér|caddesi|cad\.|sokak|sok\.|odos|οδός|улица|ул\.|avinguda|passeig|travessera)")
_TYPE_AFTER = (r"(?:road|rd\.?|street|st\.?|avenue|ave\.?|lane|ln\.?|drive|dr\.?|place|gardens|way|close|crescent|"
               r"terrace|boulevard|square|parade|grove|row|walk|mews|court|park|plaza|mall|market|highway|hwy|"
               r"straße|strasse|allee|gasse|weg|platz|ring|damm|ufer|straat|laan|plein|gracht|kade|singel|gatan|"
               r"vägen|gata|gade|vej|veien|katu)")
_SUFFIX = (r"(?:straße|strasse|str\.|allee|gasse|weg|platz|damm|ufer|straat|laan|plein|gracht|kade|singel|"
           r"gatan|vägen|gata|gade|vej|veien|katu)")
# one street: its type word and its name ("rue des Écoles", "ul. Chmielnej", "Av. Paulista"), its name and its type
# word ("Jan Smuts Avenue", "Elm Park Gardens"), a compound ("Kastanienallee"), an estate ("ж.к. Люлин 5")
_STREET = (re.compile(rf"(?i)(?:{_ARTICLE})?{_TYPE_BEFORE}(?:[ \t]{_WORD}){{1,6}}"),
           re.compile(rf"(?i)(?:{_ARTICLE})?(?:{_WORD}[ \t]){{1,5}}{_TYPE_AFTER}"),
           re.compile(rf"(?i)[^\W\d_][\w'’-]{{1,30}}?{_SUFFIX}"),
           re.compile(rf"(?i)(?:ж\.к\.|жк)[ \t]?{_WORD}(?:[ \t]{_WORD}){{0,3}}(?:[ \t]\d{{1,2}})?"))
# a PERSON span is a street only with a type word no one's name holds ("Ji-woo Park", "Lois Lane", "van der Laan",
# "Rue Smith" and "Carmen Plaza" are names)
# session 48 (48-4): a street's type word before its name in more languages and scripts, none a word a name opens
# with ("Trga Petra Preradovića", "Улице Николе Пашића", "Bulevardul Ștefan cel Mare", "allées Jean-Jaurès",
# "đường Nguyễn Huệ", "Jalan Sudirman", "οδός Ερμού")
_PERSON_TYPES_BEFORE = (
    r"(?:calle|avenida|av\.|avenue|piazza|corso|strada|rua|estrada|ul\.|ulica|ulicy|boulevard|chemin|impasse|carrer|"
    r"viale|trg|trga|trgu|ulice|ulici|ulicu|náměstí|náměstím|námestí|námestie|nábřeží|třída|třídě|bulevar|bulevara|"
    r"bulevardul|bulevardului|calea|piața|aleea|șoseaua|splaiul|allée|allées|quai|aleja|alei|avinguda|passeig|"
    r"улица|улице|улицу|улици|улицы|ул\.|проспект|проспекта|проспекте|площадь|площади|переулок|переулке|бульвар|"
    r"бульваре|шоссе|набережная|набережной|вулиця|вулиці|вул\.|бул\.|трг|трга|тргу|булевар|булевара|"
    r"οδός|οδό|οδού|λεωφόρος|λεωφόρο|λεωφόρου|πλατεία|πλατεία[ςσ]|jalan|jl\.|jln\.|đường|phố)")
# session 48 (48-4): a street's type word after its name, none a word that follows a person's name ("Damjanich
# utca", "Henrik Ibsens gate", "Mustamäe teeni", "Rákóczi tér", "Hviezdoslavovom námestí", "Atatürk caddesi")
_PERSON_TYPES_AFTER = (
    r"(?:road|street|avenue|drive|straße|strasse|boulevard|highway|utca|utcai|utcában|utcán|utcából|út|úton|útra|"
    r"útja|tér|téren|térre|tere|körút|körúton|sugárút|sugárúton|gate|gata|gaten|gatan|veien|vegen|vei|vej|vejen|"
    r"gade|plads|pladsen|torv|torvet|torget|tee|teel|teeni|tänav|tänaval|puiestee|puiesteel|katu|kadun|katua|"
    r"kadulla|kadulle|caddesi|sokak|sokağı|bulvarı|meydanı|námestí|námestie|náměstí|ulica|ulice|ulici)")
_PERSON_STREET = (re.compile(rf"(?i)(?:{_ARTICLE})?(?:calle|avenida|av\.|avenue|piazza|corso|strada|rua|estrada|ul\.|"
                             rf"ulica|boulevard|chemin|impasse|carrer|viale)(?:[ \t]{_WORD}){{1,6}}"),
                  re.compile(rf"(?i)(?:{_ARTICLE})?(?:{_WORD}[ \t]){{1,5}}(?:road|street|avenue|drive|straße|strasse|"
                             rf"boulevard|highway)"),
                  re.compile(r"(?i)[^\W\d_][\w'’-]{1,30}?(?:straße|strasse|allee|gasse|gatan|vägen|straat)"))
# session 48 (48-4): the wide forms, read only after the PERSON check (its training rows stay as they were)
_PERSON_STREET_WIDE = (
    re.compile(rf"(?i)(?:{_ARTICLE})?{_PERSON_TYPES_BEFORE}(?:[ \t]{_WORD}){{1,6}}"),
    re.compile(rf"(?i)(?:{_ARTICLE})?(?:{_WORD}[ \t]){{1,5}}{_PERSON_TYPES_AFTER}"),
    re.compile(r"(?i)[^\W\d_][\w'’-]{1,30}?(?:straße|strasse|allee|gasse|gatan|vägen|straat|gaten|veien|vejen|"
               r"pladsen|torget|katu|kadun|katua|kadulla|kadulle|utca|körút|sugárút)"))
# what joins two streets in one span: "Wiener Straße / Salzburger Straße", "Mill Street instead of Mill Road"
_JOIN = re.compile(r"(?i)[ \t]?[/&,][ \t]?|[ \t](?:and|y|i|et|und|och|e|or|ou|o|instead[ \t]of|between|"
                   r"corner[ \t]of)[ \t]")
_EDGE = " \t.,;:!?'\"()[]«»“”"

# a number said in words inside the span: a house number read out
_NUMBER_WORD = re.compile(
    r"(?i)\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|number|no|nr|"
    r"numero|número|uno|dos(?![ \t]{1,2}(?-i:[A-ZÀ-ÖØ-Þ]))|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce|veinte|treinta|cuarenta|cincuenta|"
    r"cien|ciento|mil|un|deux|trois|quatre|cinq|sept|huit|neuf|dix|onze|douze|vingt|trente|quarante|cent|"
    r"due|tre|quattro|cinque|sette|otto|nove|dieci|venti|trenta|quaranta|cento|um|dois|três|quatro|cinco|"
    r"oito|nove|dez|vinte|trinta|eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwanzig|dreißig)\b")
# the words before a street on its line that make it someone's address
_OWN = re.compile(
    r"(?i)\b(?:live[sd]?|living|reside[sd]?|residing|moved|move|moving|relocat\w{0,4}|address\w{0,2}|deliver\w{0,4}|"
    r"send|sent|ship|shipped|enviar|envíe|envie|envíen|mandar|manden|spedire|spedite|inviare|envoyer|envoyez|"
    r"schicken|senden|schickt|wyślij|wyślijcie|(?:we're|we[ \t]are|i'm|i[ \t]am|im)[ \t](?:at|on|in)|"
    r"from[ \t]the[ \t][^\W\d_]{1,20}[ \t](?:on|at|in)|posted|mailed|forward\w{0,3}|stay(?:ing)?|(?:my|our)[ \t](?:\w{1,20}[ \t])?"
    r"(?:flat|apartment|house|home|place)|"
    r"vivo|vive|vivimos|viven|moro|mora|moramos|abito|abita|abitiamo|wohne|wohnt|wohnen|wohnhaft|habite|habitons|"
    r"habitent|mieszkam|mieszka|mieszkamy|woon|woont|wonen|bor|bo|dirección|direccion|domicilio|endereço|endereco|"
    r"indirizzo|residenza|adresse|adres|adresa|anschrift|envío|envio|entrega|livraison|livrer|consegna|"
    r"spedizione|lieferung|liefern|zustellung|dostawa|dostawy|domicile|mudé|mudei|trasferit\w{0,2}|umgezogen|"
    r"déménag\w{0,4}|przeprowadzi\w{0,4}|verhuisd)\b")
# "Street:", "Caller:", "Address line 2:" right before the span, or the first words of a speaker's turn ("Caller: no
# its kingsbury road", "a: certo, rua augusta?"): an address's field, an answer or a read-back
# the words after it that make it someone's home: "the flat on Harrow Road, I'm the tenant"
_OWN_AFTER = re.compile(r"(?i)\b(?:tenant|tenancy|landlord|mieter|locataire|inquilin[oa]|affittuari[oa]|"
                        r"(?:my|our|mi|mia|mon|ma|notre|meine|unsere|minha|nossa)[ \t](?:address|home|house|"
                        r"dirección|direccion|domicilio|indirizzo|adresse|anschrift|endereço|casa|maison|wohnung))\b")
_LABEL = re.compile(r"\A[^\n:]{0,40}:[ \t]{0,4}(?:[^\W\d_][\w'’]{0,12},?[ \t]{1,2}){0,3}\Z")
_NUMBER_WORD_BEFORE = re.compile(r"[^\W\d_]{1,12}[ \t]{1,2}\Z")
_NUMBER_BEFORE = re.compile(r"\d[a-zA-Z]?[ \t]{0,2},?[ \t]{0,2}\Z")
_NUMBER_AFTER = re.compile(r"[ \t]{0,2},?[ \t]{0,2}(?:\d|(?i:n[º°o]\.?|nr\.?|no\.|num\.|número|numero|numéro|"
                           r"civico|n\.)[ \t]?\d)")
_POSTCODE_AFTER = re.compile(r"[^\n]{0,40}?(?<![\w/#-])(?:\d{4,5}|[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}|\d{2}-\d{3}|"
                             r"\d{3}[ \t]\d{2}|\d{4}[ \t]?[A-Z]{2})\b")
_MAX_SPANS = 40
# a street's type word right before a PERSON span: the name is the street's ("in via Garibaldi", "rondo Dmowskiego",
# "náměstí Míru", "choqué en la Javier Prado" is not taken: no type word); "via" only after an Italian preposition
# ("sent via Ahmed" is a name)
_TYPE_WORD_BEFORE = re.compile(
    r"(?i)(?<![^\W\d_])(?:(?P<type>rue|calle|avenida|av\.|ul\.|ulica|ulicy|rondo|náměstí|piazza|piazzale|corso|viale|strada|"
    r"rua|estrada|praça|boulevard|bd\.)|(?:in|di|della|alla|sulla|nella|per|da|a)[ \t](?P<via>via))[ \t]"
    r"(?:(?:de|di|del|della|do|da|dos|das|du|des|de[ \t]la)[ \t])?\Z")
# session 48 (48-4): the wide form (after the PERSON check): more type words, "via" after a date's day or month
_TYPE_WORD_BEFORE_WIDE = re.compile(
    rf"(?i)(?<![^\W\d_])(?:(?P<type>rue|{_PERSON_TYPES_BEFORE}|rondo|piazzale|praça|bd\.)|"
    r"(?:in|di|della|alla|sulla|nella|per|da|a|dal|al|\d{1,2}|gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|"
    r"agosto|settembre|ottobre|novembre|dicembre)[ \t](?P<via>via))[ \t]"
    r"(?:(?:de|di|del|della|do|da|dos|das|du|des|de[ \t]la)[ \t])?\Z")
# Italian words: "via" after a date's day ("dal 5 maggio al 20 giugno via Mazzini") is a street in an Italian message
_ITALIAN = re.compile(r"(?i)(?<![\w'’-])(?:della|degli|delle|sarà|il|che|nel|dal|alla|sono|gli|è|informa|chiusa)"
                      r"(?![\w'’-])")
# session 48 (48-4): a street's type word right after a PERSON span ("Damjanich utca", "Henrik Ibsens gate",
# "Mustamäe teeni"): the name is the street's
_TYPE_WORD_AFTER = re.compile(rf"(?i)[ \t]{_PERSON_TYPES_AFTER}(?![\w'’-])")


# session 46 (46-2): a street closing a sentence of running text ("os autocarros serão desviados pela Rua de São
# Marcos.", "se habilitará un desvío por la avenida de las Ciudades."): three words or more before it on its line,
# the last one in lower case (a preposition, an article), a full stop, "!" or "?" right after it
_PROSE_BEFORE = re.compile(r"(?:[^\W\d_][\w'’-]{0,30}[ \t,]{1,3}){2,8}(?-i:[a-zß-öø-ÿ])[\w'’-]{0,30}[ \t]{1,2}\Z")
_SENTENCE_END = re.compile(r"[.!?](?:[ \t]|\Z)")


def _sentence_end(text: str, before: str, after: str, line_end: int) -> bool:
    """Does the street close a sentence of running text on its line (and no postcode opens the next line)?"""
    if not _SENTENCE_END.match(after) or not _PROSE_BEFORE.search(before[-120:]):
        return False
    next_line = text[line_end + 1:line_end + 80].split("\n", 1)[0] if line_end < len(text) else ""
    return not _POSTCODE_AFTER.match(next_line)


def is_street_place(text: str, span: PiiSpan, wide: bool = False) -> bool:
    """Is the span only a street (estate, landmark) named as a location, no one's address? ``wide`` (session 48) reads
    a PERSON span with the street's type words of more languages and scripts."""
    start, end = span.start, span.end
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    value = text[start:end]
    if not value or len(value) > 160 or "\n" in value:
        return False
    pieces = _JOIN.split(value, maxsplit=5)
    kinds = (_PERSON_STREET_WIDE if wide else _PERSON_STREET) if span.kind == "PERSON" else _STREET
    if len(pieces) > 5 or not all(any(p.fullmatch(piece) for p in kinds) for piece in pieces):
        return False
    if _NUMBER_WORD.search(value) or any(c.isdigit() for c in value) and not re.match(r"(?i)(?:ж\.к\.|жк)", value):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before, after = text[line_start:start], text[end:line_end]
    if not before.strip(_EDGE) or not after.strip(_EDGE + "-–—") and not _sentence_end(text, before, after, line_end):
        return False  # alone on its line: an address's line, a signature's, an answer
    if _LABEL.match(before) or _NUMBER_BEFORE.search(before) or _NUMBER_AFTER.match(after):
        return False
    said = _NUMBER_WORD_BEFORE.search(before)
    if said and _NUMBER_WORD.fullmatch(said.group().strip()):
        return False  # "forty two Hollybank Crescent": a house number read out before it
    if _OWN.search(before[-80:]) or _OWN_AFTER.search(after[:60]) or _POSTCODE_AFTER.match(after):
        return False
    return True


# session 46 (46-2): an ADDRESS span a finder ran on over a sentence's end ("desvío por la Avinguda Catalunya. Se
# prohíbe…", "entre la place Wilson et le boulevard de Strasbourg. Le bus L1…"): the street closing the sentence
_SENTENCE_BREAK = re.compile(r"[.!?][ \t]{1,3}(?=[A-ZÀ-ÖØ-ÞĀ-Ž])")
_TAIL_ADDRESS = re.compile(rf"(?i)(?<![\w'’-])(?:{_TYPE_BEFORE}|{_TYPE_AFTER})(?![\w'’-])|[^\W\d_]{{2,30}}{_SUFFIX}"
                           rf"(?![\w'’-])|(?<![\w/#.-])\d{{4,5}}(?![\w/-])")


def _street_run_on(text: str, span: PiiSpan) -> PiiSpan | None:
    """The span's next-sentence part when an ADDRESS span is a street closing a sentence of running text and a few
    words of the next sentence (none of them a street's word, a street name's ending, a postcode's number or a first
    name): None when no digit is in that part ("Avinguda Catalunya. Se"), that part alone when one is ("Plaza
    Vespucio. RUT 16.482.357-1" keeps the RUT masked); the span as it was otherwise."""
    if span.kind != "ADDRESS":
        return span
    brk = _SENTENCE_BREAK.search(text, span.start, span.end)
    if brk is None or "\n" in text[span.start:span.end] or _TAIL_ADDRESS.search(text, brk.end(), span.end):
        return span
    if any(w.lower() in pii_rules.GIVEN_NAMES for w in re.findall(r"[^\W\d_]{2,30}", text[brk.end():span.end])):
        return span  # "…di Via Po. Alessia": a signature's name after the street
    if not is_street_place(text, PiiSpan(span.kind, span.start, brk.start() + 1, span.score)):
        return span
    tail = text[brk.end():span.end]
    if not any(c.isdigit() for c in tail):
        return None
    return PiiSpan(span.kind, brk.end(), span.end, span.score)


def drop_street_places(text: str, spans: list[PiiSpan], wide: bool = False) -> list[PiiSpan]:
    """The spans less the ADDRESS and PERSON spans that only name a street, estate or landmark as a location; ``wide``
    (session 48, 48-4: after the PERSON check in the default detector, so that the check's training rows are
    unchanged) reads PERSON spans with the street's type words of more languages and scripts, before or after them."""
    if not spans or len(spans) > _MAX_SPANS:
        return spans
    kept = [s for s in spans if s.kind not in ("ADDRESS", "PERSON") or not is_street_place(text, s, wide)
            and not (s.kind == "PERSON" and _named_street(text, s, wide))]
    return [m for m in (_street_run_on(text, s) for s in kept) if m is not None]


def _named_street(text: str, span: PiiSpan, wide: bool = False) -> bool:
    """Is a PERSON span the name of the street whose type word comes right before it ("in via Garibaldi") or, session
    48 (48-4, ``wide``), right after it ("Damjanich utca", "Henrik Ibsens gate")?"""
    if not wide:
        before = _TYPE_WORD_BEFORE.search(text, max(0, span.start - 24), span.start)
        if before is None:
            return False
        start = before.start("type") if before.group("type") else before.start("via")
        return is_street_place(text, PiiSpan("ADDRESS", start, span.end, span.score))
    before = _TYPE_WORD_BEFORE_WIDE.search(text, max(0, span.start - 24), span.start)
    if before is not None:
        start = before.start("type") if before.group("type") else before.start("via")
        if before.group("via") and before.group(0)[0].isdigit() and \
                len({w.lower() for w in _ITALIAN.findall(text[:2000])}) < 2:
            return False  # "paid 20 via Ahmed Khan": a number before "via" only in an Italian message
        if any(is_street_place(text, PiiSpan(kind, start, span.end, span.score), True) for kind in ("ADDRESS", "PERSON")):
            return True
    after = _TYPE_WORD_AFTER.match(text, span.end, min(len(text), span.end + 16))
    return after is not None and is_street_place(text, PiiSpan("PERSON", span.start, after.end(), span.score), True)
