"""Session 45 (45-5): European addresses with flat, staircase and floor notations and compact postcode-town lines are
masked whole (pii_european_addresses, pii_unit_tails, pii_address_edges); a street named alone, a weekday after the
town, a "Triq" without its postcode stay readable."""

from __future__ import annotations

import functools
import time

import pytest

from services.adapters.local import pii_address_edges, pii_european_addresses
from services.adapters.local.pii_fast import RulesPiiDetector
from services.adapters.local.pii_presidio import PresidioPiiDetector


@functools.cache
def _rules_only() -> RulesPiiDetector:
    return RulesPiiDetector()


def one_span(detector: PresidioPiiDetector | RulesPiiDetector, text: str, value: str) -> bool:
    """Is the value inside one ADDRESS span?"""
    start = text.index(value)
    return any(s.kind == "ADDRESS" and s.start <= start and start + len(value) <= s.end for s in detector.find(text))


def touched(detector: PresidioPiiDetector | RulesPiiDetector, text: str, value: str) -> bool:
    """Is any character of the value's first occurrence inside an ADDRESS span?"""
    start = text.index(value)
    return any(s.kind == "ADDRESS" and s.start < start + len(value) and start < s.end for s in detector.find(text))


WHOLE = [
    # Hungarian floor/door, a "sugárút", the town before the street after the article
    ("Lakcím: 4032 Debrecen, Egyetem sugárút 27. 3/12.\nBankszámlaszám: 11773016-01234567",
     "4032 Debrecen, Egyetem sugárút 27. 3/12"),
    ("A szemlét december 10-én a Budapest, Bartók Béla út 64. 3/12. címen végezzük.",
     "Budapest, Bartók Béla út 64. 3/12"),
    ("Tájékoztatjuk, hogy a Budapest XIII., Hegedűs Gyula u. 58. 3. em. 12. szám alatti lakás tartozása 96 420 Ft.",
     "Budapest XIII., Hegedűs Gyula u. 58. 3. em. 12"),
    ("Jelzem, hogy a kapucsengő nem működik a 4. emelet 12-es lakásnál. Kérem, küldjenek szerelőt.",
     "4. emelet 12-es lakásnál"),
    # Latvian flat after a spaced dash or an en dash
    ("Deklarētā adrese: Brīvības iela 144 – 23, Rīga, LV-1012\nAr cieņu", "Brīvības iela 144 – 23, Rīga, LV-1012"),
    ("Adrese: Lāčplēša iela 41–7, Rīga, LV-1011\nPaldies", "Lāčplēša iela 41–7, Rīga, LV-1011"),
    # Slovak floor then flat
    ("v byte Štúrova 22, 3. poschodie, byt 9, 811 02 Bratislava od víkendu nefunguje kúrenie.",
     "Štúrova 22, 3. poschodie, byt 9, 811 02 Bratislava"),
    # Czech town with "nad"
    ("k nahlášené škodě domu Lipová 412, 739 11 Frýdlant nad Ostravicí (vichřice 2. 3. 2025) zasílám fotky.",
     "Lipová 412, 739 11 Frýdlant nad Ostravicí"),
    # Italian street with its staircase and "interno", no town
    ("Ciao, il rider ha lasciato la pizza al civico sbagliato! Io sono in via Nizza 41, interno 9, non al 43.",
     "via Nizza 41, interno 9"),
    ("Ciao, sono in via Po 18, interno 6, il rider è sparito.", "via Po 18, interno 6"),
    # German flat word with floor and side, after the town and after the number
    ("Betreff: Nebenkostenabrechnung 2025 – Kastanienallee 12, 10435 Berlin, Whg. 3.OG rechts\nSehr geehrte Frau",
     "Kastanienallee 12, 10435 Berlin, Whg. 3.OG rechts"),
    ("Meine Adresse: Körnerstraße 8, Whg. 2.OG links. Danke", "Körnerstraße 8, Whg. 2.OG links"),
    # a river in brackets after the town, the adjective before an Austrian street
    ("Objekt Leipziger Straße 47, Whg. 12, 06108 Halle (Saale). Familie Nguyen",
     "Leipziger Straße 47, Whg. 12, 06108 Halle (Saale"),
    ("Für die Einschreibung: wir wohnen Wiedner Hauptstraße 60, Top 17, 1040 Wien.",
     "Wiedner Hauptstraße 60, Top 17, 1040 Wien"),
    # Swiss saint's town, a Swiss flat after a dot
    ("Der erste ging an meine alte Adresse. Neu: Rütistrasse 3, 9000 St. Gallen. Merci", "Rütistrasse 3, 9000 St. Gallen"),
    ("je voudrais résilier mon bail pour le logement Rue du Midi 14, 1003 Lausanne, appartement 3.2, au 31 mars.",
     "Rue du Midi 14, 1003 Lausanne, appartement 3.2"),
    # Maltese
    ("Bonġu, nixtieq nibdel l-indirizz: 12, Triq il-Kbira, Ħ'Attard ATD 1520. ID card 418592M. Grazzi",
     "12, Triq il-Kbira, Ħ'Attard ATD 1520"),
    ("Name: Marija Camilleri\nAddress: Flat 4, Dar il-Ward, Triq il-Kbira, Ħaż-Żabbar ZBR 1402\nThanks",
     "Flat 4, Dar il-Ward, Triq il-Kbira, Ħaż-Żabbar ZBR 1402"),
    # Dutch door after a dash, a town after the postcode, a care home's room
    ("Wij wonen op de bovenste verdieping, Vaartweg 120-D, 1217 SR Hilversum.\n\nMet vriendelijke groet",
     "Vaartweg 120-D, 1217 SR Hilversum"),
    ("Mijn adres: Molenstraat 23A, 5211 BW 's-Hertogenbosch. Groetjes Yara", "Molenstraat 23A, 5211 BW 's-Hertogenbosch"),
    ("de verhuizing van mijn moeder naar zorgcentrum De Linde, kamer 214, Lindelaan 4, 7321 AB Apeldoorn. Post graag",
     "kamer 214, Lindelaan 4, 7321 AB Apeldoorn"),
    # Québec dwelling and floor before the street
    ("Numéro TREM 8553 1512, nouvelle adresse : 4½ au 2e, 5820 rue Saint-Denis, Montréal H2S 2R6.\nMarie",
     "4½ au 2e, 5820 rue Saint-Denis, Montréal H2S 2R6"),
]


@pytest.mark.parametrize(("text", "value"), WHOLE)
def test_the_address_is_masked_whole(detector: PresidioPiiDetector, text: str, value: str) -> None:
    assert one_span(detector, text, value)


@pytest.mark.parametrize(("text", "value"), WHOLE)
def test_the_rules_only_detector_too(text: str, value: str) -> None:
    assert one_span(_rules_only(), text, value)


# the address grown to its edge, and no further: a weekday after the town, a street named alone before it
BOUNDED = [
    ("Neue Adresse ab Mai: Hauptplatz 9, 3100 St. Pölten am Montag bezogen.", "Hauptplatz 9, 3100 St. Pölten", "Montag"),
    ("Il-ħanut fi Triq il-Kbira għalaq. L-indirizz tiegħi: 12, Triq San Pawl, In-Naxxar NXR 1318.",
     "12, Triq San Pawl, In-Naxxar NXR 1318", "Triq il-Kbira"),
]


@pytest.mark.parametrize(("text", "value", "outside"), BOUNDED)
def test_grown_to_the_edge_and_no_further(detector: PresidioPiiDetector, text: str, value: str, outside: str) -> None:
    assert one_span(detector, text, value)
    assert not touched(detector, text, outside)


@pytest.mark.parametrize(("text", "value"), [
    ("Er wohnt seit März bei mir, Lerchenfelder Gürtel 12/3/9, 1160 Wien.", "Lerchenfelder Gürtel 12/3/9, 1160 Wien"),
    ("Neue Anschrift: Mariahilfer Gürtel 22/1/7, 1060 Wien. Danke", "Mariahilfer Gürtel 22/1/7, 1060 Wien"),
    ("Adresa: Ilica 142, 3. kat, stan 9, 10000 Zagreb", "Ilica 142, 3. kat, stan 9, 10000 Zagreb"),
])
def test_the_finder_reads_staircase_and_door(text: str, value: str) -> None:
    """An Austrian staircase and door after a Gürtel's number, a floor before the flat."""
    assert [text[s:e] for _, s, e, _ in pii_european_addresses.find_european_addresses(text)] == [value]


def test_a_district_after_prague() -> None:
    text = "Adresa: Korunní 41, 120 00 Praha 2. Přeplatek 3 412 Kč"
    assert pii_address_edges.grown_edges(text, 8, text.index(" 2.")) == (8, text.index("."))


def test_edges_not_taken() -> None:
    """A weekday after the town, a role before the street, a number after a town that has no districts, a reference in
    brackets after the town."""
    for text, start, end in (
            ("Hauptstraße 5, 10115 Berlin am Montag", 0, 27),
            ("Mieter Hauptstraße 5, 10115 Berlin", 7, 34),
            ("Ringstraße 5, 10115 Berlin 2 Tage", 0, 26),
            ("Kastanienallee 71, 10435 Berlin (Mieternummer MV-10435-071-08)", 0, 31),
    ):
        assert pii_address_edges.grown_edges(text, start, end) == (start, end)


def test_long_input_is_fast() -> None:
    text = "Vaartweg 120-D, 1217 SR Hilversum; 4½ au 2e, Wiener Gürtel 1/2/3, 9000 St. " * 400
    started = time.perf_counter()
    for i in range(0, len(text), 80):
        pii_address_edges.grown_edges(text, i, i + 14)
    assert time.perf_counter() - started < 2.0
