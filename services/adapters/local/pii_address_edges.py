"""A European address found short of its edges is grown to them (session 45, 45-5).

By the labelling conventions (``tests/data/pii/build.py``) an address is marked whole, its flat, floor and door, its
postcode and its town included. The finders read most of an address and stop at a notation they do not know; this
module (called by ``pii_unit_tails.with_unit_tails``, so the default and the rules-only detectors both have it) grows a
found ``ADDRESS`` over:

- the rest of its house number's token: a Dutch or Belgian door or floor after a dash ("Vaartweg 120-D", "Weteringschans
  211-II", "Pijnackerstraat 22-hs"), a Swiss flat after a dot ("appartement 3.2"), then a postcode and town after it
  ("…, 1217 SR Hilversum");
- the rest of its town after the postcode: a saint's abbreviation ("9000 St. Gallen", "3100 St. Pölten"), a river or a
  region in brackets ("06108 Halle (Saale)"), a preposition and a second name ("739 11 Frýdlant nad Ostravicí",
  "60311 Frankfurt am Main"), a Prague or Bratislava district ("120 00 Praha 2"), a Dutch town after its postcode
  ("5211 BW 's-Hertogenbosch");
- the German or Austrian adjective that opens its street's name ("Wiedner Hauptstraße 60", "Hernalser Hauptstraße
  146/2/11");
- a Québec dwelling and its floor written before it ("4½ au 2e, 5820 rue Saint-Denis, Montréal H2S 2R6"), a care
  home's room before it ("kamer 214, Lindelaan 4, 7321 AB Apeldoorn"), an Austrian staircase before it ("Stiege 2,
  Favoritenstraße 88, 1100 Wien");
- a town after a Dutch or Portuguese postcode the finders left alone ("código postal 4050-174 Porto").

Never grown: over a span of another kind (a phone, an id) or a kept value (a date after the town, "10115 Berlin 2
Tage" is no district: only the listed towns take a number), over a reference in brackets after the town ("10435 Berlin
(Mieternummer MV-10435-071-08)": a bracket holds letters only), over a role or a title before the street ("Mieter
Hauptstraße 5": the adjective must be none of the role words), a town word after the town unless a preposition or a
bracket joins it. At most 24 addresses a message are grown.
"""

from __future__ import annotations

import re

from services.adapters.local.pii_rules import _POSTCODE_CITY, _not_address_word
from services.models import PiiSpan

CAP = 24
_UP = "[A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĶĹĻĽĿŁŃŅŇŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽȘȚ]"
_TOWN_WORD = rf"{_UP}[\w'’-]{{1,30}}"
# the rest of a house number's token after the found digits: "-D", "-II", "-hs", "-bis", "-2", ".2"
_NUMBER_REST = re.compile(r"(?:-(?:[A-Z]{1,2}|I{1,3}|IV|hs|bis|\d{1,3}[A-Za-z]?)|\.\d{1,2})(?![\w'’-]|[.,/]\d)")
# a German flat's word the finders left without its floor and side or number ("…, 10435 Berlin, Whg." + " 3.OG rechts")
_ENDS_IN_FLAT_WORD = re.compile(r"(?<![\w'’])(?i:whg\.?|wohnung)\Z")
_FLAT_REST = re.compile(r"[ \t]?(?:\d{1,2}\.[ \t]?(?:OG|DG|EG)[ \t](?:links|rechts|mitte)|\d{1,4}[A-Za-z]?)(?![\w'’])")
# a found address that ends in a postcode and a town (Dutch "1017 XG Amsterdam", Czech "739 11 Frýdlant", "9000 St")
_ENDS_IN_TOWN = re.compile(rf"(?:\d{{4}}[ \t]?[A-Z]{{2}}|\d{{3}}[ \t]\d{{2}}|\d{{4}}-\d{{3}}|\d{{4,5}})[ \t]"
                           rf"(?:{_TOWN_WORD}[ \t]){{0,2}}{_TOWN_WORD}\Z")
# a Dutch or a Portuguese postcode the finders left without its town ("5211 BW" + " 's-Hertogenbosch", "4050-174" + " Porto")
_ENDS_IN_POSTCODE = re.compile(r"(?<![\w'’-])(?:\d{4}[ \t]?[A-Z]{2}|\d{4}-\d{3})\Z")
_SAINT = re.compile(r"(?<![\w'’])(?:St|Ste|Sv|Sta)\Z")
_TOWN_REST = re.compile(
    rf"[ \t]\({_UP}[^\W\d_]{{1,30}}(?:[ \t/-][^\W\d_]{{1,30}})?\)"
    rf"|[ \t](?:nad|pod|aan[ \t]de|aan[ \t]den|sur|sous|lès)[ \t]{_TOWN_WORD}(?![\w'’])"
    r"|[ \t](?:am[ \t](?:Main|Rhein|Neckar|Inn|Lech|Ammersee|Bodensee|Wörthersee)|an[ \t]der[ \t](?:Donau|Saale|Oder|Havel|"
    r"Ruhr|Lahn|Ilm|Isar|Enns|Traun|Mur|Leitha|Triesting|Ybbs|Pielach|Thaya)|ob[ \t]der[ \t]Tauber)(?![\w'’])")
_SAINT_REST = re.compile(rf"\.[ \t]{_TOWN_WORD}(?![\w'’])")
_DISTRICT_TOWNS = ("Praha", "Prague", "Bratislava", "Brno", "Košice", "Ostrava", "Plzeň")
_DISTRICT = re.compile(r"[ \t](?:\d{1,2}|[IVX]{1,4})(?![\w'’]|[.,:/-]\d)")
# the town: one word, or up to three ending the clause ("Vila Nova de Gaia.", "Capelle aan den IJssel\n")
_TOWN_AFTER_POSTCODE = re.compile(
    rf"[ \t](?:['’]s-)?{_TOWN_WORD}(?:[ \t](?:(?:aan[ \t]de|aan[ \t]den|op|en|a/d|de|da|do|dos|das)[ \t])?{_TOWN_WORD}){{1,2}}"
    rf"(?=[ \t]{{0,3}}(?:[.,;:!?)\n]|$))|[ \t](?:['’]s-)?{_TOWN_WORD}(?![\w'’])")
# the adjective that opens a German or Austrian street's name, before a street found without it
_STREET_WORD = re.compile(r"(?:Haupt|Land|Ring|Gürtel|Lände|Kai)\w{0,10}|\w{1,30}(?:straße|strasse|str\.|gasse|"
                          r"platz|allee|weg|ring|damm|ufer|zeile|markt|gürtel|lände)(?![\w'’])")
_ADJECTIVE_BEFORE = re.compile(r"(?<![\w'’.-])([A-ZÄÖÜ][a-zäöüß]{2,30}er)[ \t]\Z")
_NOT_ADJECTIVE = frozenset((
    "Oder", "Aber", "Unser", "Euer", "Ihrer", "Meiner", "Deiner", "Unserer", "Eurer", "Seiner", "Jeder", "Weder",
    "Wieder", "Hier", "Mieter", "Vermieter", "Untermieter", "Eigentümer", "Bewohner", "Inhaber", "Absender",
    "Empfänger", "Kunde", "Kunder", "Käufer", "Verkäufer", "Nutzer", "Besitzer", "Halter", "Vater", "Mutter",
    "Bruder", "Schwester", "Tochter", "Partner", "Hausmeister", "Nachbar", "Fahrer", "Lieferer", "Bauer", "Müller",
    "Schneider", "Meier", "Maier", "Mayer", "Meyer", "Becker", "Wagner", "Weber", "Schuster", "Richter", "Lehrer",
    "Leiter", "Mitarbeiter", "Ansprechpartner", "Betreiber", "Anbieter", "Vertreter", "Oktober", "September",
    "November", "Dezember", "Über", "Unter", "Hinter", "Immer", "Später", "Wer", "Der"))
# before the address: a Québec dwelling and its floor, or its floor when the address starts at it; a care home's room
_QUEBEC_BEFORE = re.compile(r"(?<![\w'’])\d{1,2}½[ \t](?:au|du)[ \t](?:\d{1,2}(?:e|er|ème),[ \t])?\Z")
_QUEBEC_FLOOR = re.compile(r"\d{1,2}(?:e|er|ème),[ \t]")
_ROOM_BEFORE = re.compile(r"(?<![\w'’])(?:(?i:kamer)[ \t]\d{1,4}[A-Za-z]?|Stiege[ \t]\d{1,2}),[ \t]\Z")


def grown_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """The address ``start``–``end`` grown over its European edges (the module's docstring)."""
    if _ENDS_IN_FLAT_WORD.search(text, max(start, end - 8), end):
        rest = _FLAT_REST.match(text, end)
        end = rest.end() if rest else end
    m = _NUMBER_REST.match(text, end) if end and text[end - 1].isdigit() else None
    if m is not None:
        end = m.end()
        tail = _POSTCODE_CITY.match(text, end) if text.startswith(",", end) else None
        if tail is not None and "\n" not in tail.group():
            end = tail.end()
    for _ in range(2):
        end = _town_rest(text, start, end)
    return _start(text, start, end), end


def _town_rest(text: str, start: int, end: int) -> int:
    found = text[max(start, end - 60):end]
    if _SAINT.search(found) and _ENDS_IN_TOWN.search(found):
        m = _SAINT_REST.match(text, end)
        return m.end() if m else end
    if _ENDS_IN_POSTCODE.search(found):
        m = _TOWN_AFTER_POSTCODE.match(text, end)
        return m.end() if m and not _not_address_word(m.group().split()[0].lower()) else end
    if not _ENDS_IN_TOWN.search(found):
        return end
    m = _TOWN_REST.match(text, end)
    if m is None and found.endswith(_DISTRICT_TOWNS):
        m = _DISTRICT.match(text, end)
    return m.end() if m else end


def _start(text: str, start: int, end: int) -> int:
    if _STREET_WORD.match(text, start, end):
        m = _ADJECTIVE_BEFORE.search(text, max(0, start - 34), start)
        if m is not None and m.group(1) not in _NOT_ADJECTIVE:
            return m.start(1)
    m = _QUEBEC_BEFORE.search(text, max(0, start - 12), start)
    if m is not None and (m.group().endswith(", ") or _QUEBEC_FLOOR.match(text, start, end)):
        return m.start()
    m = _ROOM_BEFORE.search(text, max(0, start - 14), start)
    return m.start() if m is not None else start


def spans_with_edges(text: str, spans: list[PiiSpan]) -> list[tuple[PiiSpan, int, int]]:
    """Each found ADDRESS whose edges grow, with its grown start and end (at most 24 a message)."""
    out = []
    for span in [s for s in spans if s.kind == "ADDRESS"][:CAP]:
        start, end = grown_edges(text, span.start, span.end)
        if (start, end) != (span.start, span.end):
            out.append((span, start, end))
    return out
