"""A building named by its street and house number in a notice to residents, owners or customers is a kept place, not
an address (session 45, candidate 45-1).

By the labelling conventions (``tests/data/pii/build.py``) a notice, circular or announcement to a building's residents,
tenants or owners, to a branch's customers, a practice's patients or a school's parents (works, closures, meetings,
meter reading, lifts, heating) names the building, the stairwell or the branch it is about by its street and house
number as a kept ``PLACE``: "im Haus Mozartstraße 8", "i trapphus Strindbergsgatan 14 A", "w budynku przy ul. Marii
Konopnickiej 9", "Správa domu Palackého 22", "a Bartók Béla út 52. épületében", "етажната собственост на ул.
Христо Ботев 41", "vaskeriet i Henrik Ibsens gate 12", "i opgangen Nørrebrogade 118", "des Hauses Lindenstraße
17–21", "klonът ни на бул. „Витоша“ 89", "u zgradi Bulevar oslobođenja 88", "namo Žirmūnų g. 44", "do prédio Rua
Morais Soares 112". The address finders, the tagger and the NER model take it for an ``ADDRESS``.

:func:`drop_notice_places` (wired after :func:`pii_street_places.drop_street_places` in both detectors) drops an
``ADDRESS`` span when

- the message is a notice: it greets a group ("Dear residents", "Liebe Mieterinnen und Mieter", "Szanowni
  Mieszkańcy", "Tisztelt Lakók", "Kære beboere", "Poštovani stanari", "Уважаеми собственици", "Estimados vecinos",
  "Gentili condòmini", "Beste bewoners", "Information till boende", "Oznámení pro nájemníky", "Aviso aos condóminos")
  or opens as a notice from a building's management ("Hausverwaltung Info:", "Melding fra …:", "Information från
  styrelsen", "Obaveštenje:") or tells its news in the sender's voice ("informujemy", "informuojame", "értesítjük",
  "obavještavamo", "informamos", "wir informieren");
- the span (less edge punctuation, a building's word at its head, a one- to three-letter word at its tail that a
  finder ran on to) is one street — its name in one to six words, a type word's abbreviation included ("ul.", "g.",
  "бул.") — and one house number ("8", "14 A", "52.", "17–21"), no flat ("212/45") and no second number;
- a building's, a stairwell's, a site's or a branch's word stands right before it ("Haus", "des Hauses", "building",
  "trapphus", "opgangen", "budynku przy", "domu", "zgradi", "namo", "сградата на", "prédio", "immeuble", "vaskeriet
  i", "klonът ни на", "trapphus B (", "Praxis am …,") or a Hungarian building's word right after it ("épületében",
  "szám alatti").

Look-alikes it never takes: someone's own address — a letter to one person ("Sehr geehrter Herr …", "Madame,
Monsieur" greet no group), the words before it that say a home, a delivery or an address ("wohnen in", "my flat",
"deliver to", "Adresse"), the words after it that say a tenant's home, a flat after it ("Wohnung", "lok.", ", 3. OG
links"), a postcode or a town after it ("Sonnenallee 214, 12059 Berlin"), a house number before it, an address's line
alone or after a form's label ("Objekt: Kantstraße 41") — and a street with its number that no building's word
names ("send the form to Hauptstraße 5"). At most 40 spans a message are looked at.
"""

from __future__ import annotations

import re

from services.adapters.local.pii_street_places import _LABEL, _NUMBER_BEFORE, _OWN, _OWN_AFTER
from services.models import PiiSpan

_MAX_SPANS = 40
_EDGE = " \t.,;:!?'\"()[]«»“”"

# a notice: a group greeted, a management's heading, the sender's "we inform"
_NOTICE = re.compile(
    r"(?i)(?<![^\W\d_])(?:"
    r"(?:dear|to[ \t]all|attention|notice[ \t]to|information[ \t]for|hello|hi)[ \t](?:all[ \t])?(?:the[ \t])?"
    r"(?:residents|tenants|owners|leaseholders|homeowners|occupants|neighbou?rs|customers|patients|parents)|"
    r"(?:liebe|sehr[ \t]geehrte|an[ \t]alle|hallo|information[ \t]für|info[ \t]für)[ \t](?:alle[ \t])?"
    r"(?:haus)?(?:bewohner|mieter|nachbar|eigentümer|wohnungseigentümer|kund|patient|eltern)\w{0,8}|"
    r"(?:chers|chères|aux|à[ \t]tous[ \t]les|avis[ \t]aux|information[ \t]aux)[ \t](?:résidents|locataires|"
    r"copropriétaires|habitants|riverains|voisins|clients|patients|parents)|"
    r"(?:estimad[oa]s|queridos|a[ \t]todos[ \t]los|aviso[ \t]a[ \t]los)[ \t](?:vecinos|residentes|inquilinos|"
    r"propietarios|copropietarios|clientes|pacientes|padres)|"
    r"(?:gentili|cari|egregi|avviso[ \t]ai|a[ \t]tutti[ \t]i)[ \t](?:condòmini|condomini|residenti|inquilini|"
    r"clienti|pazienti|genitori)|"
    r"(?:caros|prezados|estimados|aviso[ \t]aos|aos)[ \t](?:moradores|condóminos|condôminos|residentes|inquilinos|"
    r"clientes|pacientes)|"
    r"(?:beste|geachte|aan[ \t]alle|aan[ \t]de)[ \t](?:bewoners|huurders|eigenaren|klanten|patiënten|ouders)|"
    r"(?:information[ \t]till|till[ \t]alla|hej[ \t]alla|bästa|kära|meddelande[ \t]till)[ \t](?:boende|"
    r"hyresgäster|medlemmar|grannar|kunder)|"
    r"(?:kjære|til[ \t]alle|informasjon[ \t]til|kære|information[ \t]til|meddelelse[ \t]til)[ \t](?:beboere|"
    r"beboerne|andelseiere|seksjonseiere|leietakere|lejere|andelshavere|ejere|kunder)|"
    r"(?:hyvät|arvoisat)[ \t](?:asukkaat|osakkaat|asiakkaat)|tiedote[ \t]asukkaille|"
    r"(?:szanowni|drodzy|informacja[ \t]dla|ogłoszenie[ \t]dla)[ \t](?:mieszkańcy|mieszkańców|lokatorzy|"
    r"lokatorów|właściciele|właścicieli|klienci|klientów|pacjenci)|"
    r"(?:vážení|milí|oznámení[ \t]pro|oznámenie[ \t]pre|informace[ \t]pro)[ \t](?:nájemníci|nájemníky|"
    r"nájomníci|obyvatelé|obyvatelia|vlastníci|vlastníky|zákazníci|zákazníky)|"
    r"(?:tisztelt|kedves)[ \t](?:lakók|lakóink|lakosok|tulajdonosok|ügyfeleink|ügyfelek)|"
    r"(?:poštovani|dragi|obavijest[ \t]za|obaveštenje[ \t]za|obavještenje[ \t]za)[ \t](?:stanari|stanovnici|"
    r"suvlasnici|korisnike|korisnici|klijenti|kupci)|"
    r"(?:spoštovani|dragi)[ \t](?:stanovalci|lastniki|stranke)|"
    r"(?:уважаеми|скъпи|уважаемые|дорогие|шановні)[ \t](?:собственици|живущи|съседи|клиенти|наематели|жильцы|"
    r"жители|собственники|соседи|клиенты|мешканці|власники|клієнти)|"
    r"(?:gerbiami|mieli)[ \t](?:gyventojai|savininkai|klientai)|"
    r"(?:stimați|stimati|dragi)[ \t](?:locatari|proprietari|clienți|clienti)|"
    r"hausverwaltung[ \t](?:info|information|mitteilung)|mitteilung[ \t]der[ \t]hausverwaltung|"
    r"information[ \t]från[ \t]styrelsen|melding[ \t]fra|obaveštenje:|obavještenje:|obavijest:|"
    r"si[ \t]informa|informujemy|przypominamy|informuojame|értesítjük|obavještavamo|obaveštavamo|informamos|"
    r"wir[ \t]informieren|nous[ \t]vous[ \t]informons|si[ \t]comunica|oznamujeme|"
    r"уведомяваме|сообщаем|повідомляємо)(?![^\W\d_])")

# a building's, a stairwell's, a site's or a branch's word (and its preposition) right before the street
_SITE_WORDS = (
    r"(?:the[ \t])?(?:building|block|estate|property|premises|site|stairwell|entrance|car[ \t]park|branch|surgery|"
    r"practice)(?:[ \t](?:at|on|in|of))?",
    r"(?:haus|hauses|gebäude|gebäudes|wohnanlage|liegenschaft|tiefgarage|treppenhaus|aufgang|hauseingang|filiale|"
    r"praxis|hausarztpraxis)(?:[ \t](?:in[ \t]der|im|am|an[ \t]der))?",
    r"(?:immeuble|bâtiment|agence|cabinet)(?:[ \t](?:du|de[ \t]la|au|situé[ \t]au))?",
    r"(?:edificio|portal|finca|bloque|sucursal|oficina)(?:[ \t](?:de|de[ \t]la|en))?",
    r"(?:palazzo|stabile|filiale|sportello)(?:[ \t](?:di|in))?",
    r"(?:prédio|edifício|bloco|loja|balcão)(?:[ \t](?:da|do|na|no))?",
    r"(?:gebouw|complex|portiek|trappenhuis|vestiging|praktijk)(?:[ \t](?:aan|op|in))?",
    r"(?:trapphus|trapphuset|huset|fastigheten|porten|uppgång|uppgången|tvättstugan)(?:[ \t](?:på|i))?",
    r"(?:oppgang|oppgangen|bygget|bygningen|vaskeriet|vaskerommet|opgang|opgangen|ejendommen|blokken)"
    r"(?:[ \t](?:i|på))?",
    r"(?:budynku|budynek|bloku|blok|nieruchomości|klatce)(?:[ \t](?:przy|na))?",
    r"(?:domu|domě|dom|budově|budovy|budova|vchodu|pobočka|pobočky|zgradi|zgrade|zgrada|poslovnici|stavbi|namo|"
    r"pastato|pastate)",
    r"(?:сградата|сграда|блок|входа|собственост|клонът[ \t]ни|клона|офиса|доме|здании|будинку)(?:[ \t](?:на|в|по))?",
)
# a building's, a stairwell's, a site's or a branch's word (and its preposition) right before the street, or before a
# landmark's name and a comma ("die Hausarztpraxis am Marktplatz, Marktplatz 3"), or a letter and a bracket ("trapphus
# B (Linnégatan 14B)")
_SITE_BEFORE = re.compile(
    rf"(?i)(?<![^\W\d_])(?:{'|'.join(_SITE_WORDS)})[ \t]{{1,2}}"
    r"(?:[^\W\d_][\w'’-]{0,30}(?:[ \t][^\W\d_][\w'’-]{0,30}){0,2},[ \t]|[^\W\d_]{1,3}[ \t]\(|\()?\Z")
# a Hungarian building's word after the street and number: "a Bartók Béla út 52. épületében", "12. szám alatti"
_SITE_AFTER = re.compile(r"(?i)\A[ \t]{1,2}(?:szám[ \t]alatti|épület\w{0,6}|társasház\w{0,4})(?![^\W\d_])")

# one street and its house number: "Mozartstraße 8", "ul. Marii Konopnickiej 9", "Bartók Béla út 52.", "Strindbergs-
# gatan 14 A", "Lindenstraße 17–21", "бул. „Витоша“ 89", with a building's word at its head and a finder's run-on
# short word at its tail ("ul. Lipowej 7 w")
_WORD = r"[„\"“]?[^\W\d_][\w'’.-]{0,30}[“\"”]?"
_HEAD = r"(?:(?i:haus|hauses|gebäude|building|immeuble|bâtiment|prédio|edifício)[ \t])?"
_NUMBER = r"\d{1,4}(?:[ \t]?[A-Za-z](?![^\W\d_]))?(?:[ \t]?[-–][ \t]?\d{1,4}[A-Za-z]?)?\.?"
_STREET_NUMBER = re.compile(
    rf"{_HEAD}(?P<street>{_WORD}(?:[ \t]{_WORD}){{0,5}}[ \t]{_NUMBER})"
    rf"(?:,[ \t][A-Z]{{2,5}}[ \t]{_WORD}(?:[ \t]{_WORD}){{0,3}}[ \t]{_NUMBER})?(?:[ \t][^\W\d_]{{1,3}})?")
# what after the street makes it someone's home or a postal address: a flat, a unit, a postcode, a town
_UNIT_AFTER = re.compile(
    r"(?i)\A[ \t]{0,2}[,/][ \t]{0,2}(?:\d|[^\W\d_]{1,30}[ \t]{0,2}(?:\n|\Z|,|\d))|\A[ \t]{0,2},?[ \t]{0,2}"
    r"(?:flat|apt|apartment|appt|unit|wohnung|whg|top|lok\.?|lokal|lokalu|mieszkani\w{1,3}|m\.|byt|lgh|lejl|leil|"
    r"piso|depto|dpto|int\.|interno|bte|boîte|\d)(?![^\W\d_])")
_POSTCODE_AFTER = re.compile(r"\A[ \t]{0,2},?[ \t]{0,2}(?:[A-Z]{1,2}-)?(?:\d{4,5}|\d{2}-\d{3}|\d{3}[ \t]\d{2}|"
                             r"[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2})(?!\d)")


def is_notice_place(text: str, span: PiiSpan) -> bool:
    """Is the ADDRESS span a building named by its street and number after a building's word, no one's address?"""
    start, end = span.start, span.end
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE and not text[end - 1] == ".":
        end -= 1
    value = text[start:end].rstrip(" \t,;:")
    end = start + len(value)
    if not value or len(value) > 120 or "\n" in value:
        return False
    shaped = _STREET_NUMBER.fullmatch(value)
    if shaped is None:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before, after = text[line_start:start], text[end:line_end]
    if not before.strip(_EDGE):
        return False  # first on its line: an address's line, an answer
    site = _SITE_BEFORE.search(before[-60:]) is not None
    if _LABEL.match(before) and not site or _NUMBER_BEFORE.search(before) or _OWN.search(before[-80:]):
        return False  # a form's field or a speaker's answer, a house number before it, "I live in", "deliver to"
    if _OWN_AFTER.search(after[:60]) or _UNIT_AFTER.match(after) or _POSTCODE_AFTER.match(after):
        return False  # "…, I'm the tenant", a flat, a postcode or a town after it
    return site or shaped.start("street") > 0 or _SITE_AFTER.match(after) is not None


def drop_notice_places(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """The spans less the ADDRESS spans that name a building by its street and number in a notice to its residents."""
    if not spans or len(spans) > _MAX_SPANS or not any(s.kind == "ADDRESS" for s in spans):
        return spans
    if not _NOTICE.search(text):
        return spans
    return [s for s in spans if s.kind != "ADDRESS" or not is_notice_place(text, s)]
