"""Issue 21, session 11: the kinds of miss and false positive blind batches 11, 11b and 11c showed
(tests/data/pii/src_blind11*.txt), each tested on new text of the same kind (none of these strings is in a labelled
set). 39 of the 48 cases fail on main (d73a9c9): every one that must be found or kept, and "my wife instead"; the
other 9 (the business-name convention, the cases left alone, where the lines before a postcode stop) guard the new
rules and pass on main too."""

from __future__ import annotations

import pytest

from services.privacy import mask
from tests.adapters.local.pii_support import found


@pytest.mark.parametrize(("text", "kind", "value"), [
    # "at" and "dot" in French, Italian, Dutch
    ("écrivez à paul.girard arobase orange point fr merci", "EMAIL", "paul.girard arobase orange point fr"),
    ("scrivimi a lucia.bianchi (chiocciola) gmail (punto) com", "EMAIL", "lucia.bianchi (chiocciola) gmail (punto) com"),
    ("mail naar j.devries apenstaartje ziggo punt nl aub", "EMAIL", "j.devries apenstaartje ziggo punt nl"),
    # a German extension after " - "
    ("Rufen Sie 089 / 123 45 67 - 12 an", "PHONE", "089 / 123 45 67 - 12"),
    # a unit before the address, in any case; a unit before a street without a number
    ("send it to flat 2c, 14 Victoria Road, Bristol BS3 4AB please", "ADDRESS", "flat 2c, 14 Victoria Road, Bristol BS3 4AB"),
    ("Room 12, Fenwick House, Park Road, Durham DH1 3LE", "ADDRESS", "Room 12, Fenwick House, Park Road, Durham DH1 3LE"),
    ("Adresse : Lot 7, Avenue des Pins, 06400 Cannes", "ADDRESS", "Lot 7, Avenue des Pins, 06400 Cannes"),
    ("I'm at flat 6, Willow Court, come round", "ADDRESS", "flat 6, Willow Court"),
    # a street without a number where the writer lives or wants a delivery
    ("we live at Primrose Close now, the white gate", "ADDRESS", "Primrose Close"),
    ("we're at Sonnenallee, Hinterhof links", "ADDRESS", "Sonnenallee"),
    # the lines of a UK address before a postcode found alone (a Welsh house name and street)
    ("Address Bryn Teg, Ffordd y Llan, Dolgellau LL40 1AB.", "ADDRESS", "Bryn Teg, Ffordd y Llan, Dolgellau LL40 1AB"),
    # Danish streets, floors and districts
    ("Thorvaldsensvej 3, 2. tv., 1871 Frederiksberg C", "ADDRESS", "Thorvaldsensvej 3, 2. tv., 1871 Frederiksberg C"),
    # French residences, Italian rural addresses, German PO boxes in pairs of digits, towns of three words
    ("à la résidence Le Parc, bâtiment B, 31000 Toulouse.", "ADDRESS", "résidence Le Parc, bâtiment B, 31000 Toulouse"),
    ("abito in Frazione Castello, 38060 Isera.", "ADDRESS", "Frazione Castello, 38060 Isera"),
    ("an Postfach 12 34 56, 80331 München bitte", "ADDRESS", "Postfach 12 34 56, 80331 München"),
    ("Schmiedgasse 5, 91541 Rothenburg ob der Tauber", "ADDRESS", "Schmiedgasse 5, 91541 Rothenburg ob der Tauber"),
    # a German street without a number, the postcode and town after it
    ("Lieferung an Marktplatz, 9020 Klagenfurt.", "ADDRESS", "Marktplatz, 9020 Klagenfurt"),
    # names: "in my brother's name", a lower-case first name after "soy" closed by who she is, after a thanks,
    # before "from your team", a person asked for, names on a doorbell
    ("the flat is in my brother's name tom reilly, he's abroad", "PERSON", "tom reilly"),
    ("hola, soy carmen la mujer de Pedro, el contrato", "PERSON", "carmen"),
    ("thanks sofia!! all sorted", "PERSON", "sofia"),
    ("so omar from your support team told me it was fixed", "PERSON", "omar"),
    ("is wang fang there? she took my call", "PERSON", "wang fang"),
    ("Name on the door: Novak/Horvat", "PERSON", "Novak/Horvat"),
    # after batch 11d (scored first, then fixed): Swedish postcodes, a colonia and a town after a numeric postcode,
    # a district with its number, a courtyard between street and postcode, a tower
    ("Hej, Drottninggatan 5, 411 14 Göteborg", "ADDRESS", "Drottninggatan 5, 411 14 Göteborg"),
    ("Calle Reforma 45, Col. Juárez, 06600 Ciudad de México", "ADDRESS",
     "Calle Reforma 45, Col. Juárez, 06600 Ciudad de México"),
    ("Plot 9, Bourdillon Road, Ikoyi Sector 2, Lagos", "ADDRESS", "Plot 9, Bourdillon Road, Ikoyi Sector 2, Lagos"),
    ("Gartenstraße 3, Seitenflügel, 04107 Leipzig", "ADDRESS", "Gartenstraße 3, Seitenflügel, 04107 Leipzig"),
    ("Apartment 802, Palm View Tower, Business Bay", "ADDRESS", "Apartment 802, Palm View Tower, Business Bay"),
])
def test_the_new_rules_find_the_whole_value(text, kind, value):
    assert (kind, value) in found(text)


@pytest.mark.parametrize(("text", "kept"), [
    # a surname inside a business name is the business's when no one of that name is masked in the message
    ("Please invoice Brennan Roofing for the repairs", "Brennan"),
    ("the order from Lidl Sushi Bar came cold", "Lidl"),
    ("Reservation at Tanaka Ramen Bar for 4", "Tanaka"),
    # products and brands the NER model reads as people
    ("Can I gift Zelda Chronicles to my nephew?", "Zelda Chronicles"),
    ("I got Hogwarts Legacy and a gift card", "Hogwarts Legacy"),
    # a German role noun, a role after "named", a code after "Auftragsnummer"
    ("covered as named driver on the policy", "driver"),
    ("Auftragsnummer 2023-4417, bitte prüfen", "2023-4417"),
    # after batch 11d: an NHS trust, a school named after a saint
    ("Dr Ana Ruiz will attend on behalf of Westbrook Health Trust.", "Westbrook Health Trust"),
    ("My son's school (St. Aidan's Primary) uses your app.", "Aidan"),
])
def test_what_the_detector_now_leaves_alone(detector, text, kept):
    assert kept in mask(text, detector.find(text))


def test_a_business_named_after_a_person_masked_in_the_message_is_masked_there_too(detector):
    """The convention of tests/data/pii/build.py: "Singh" of "Singh & Sons" would undo the masking of "Ravi Singh"."""
    text = "Hi, I'm Ravi Singh of Singh & Sons Haulage, invoice attached"
    masked = mask(text, detector.find(text))
    assert "Singh" not in masked and "& Sons Haulage" in masked


@pytest.mark.parametrize(("text", "kept"), [
    ("10115 Berlin im Juni, dann Hamburg", "Juni"),  # a month is not a town's second word
    ("any day but Friday. Bernadette Quinn, 22 Grafton Street, Manchester M13 9WU", "Friday"),
    ("Dear Bob, M1 1AA is the postcode", "Dear"),  # a greeting is not an address line
    ("is the parcel there yet?", "parcel"),
    ("thanks again!! great service", "again"),
    ("is everything there?", "everything"),
    ("I'm frankly amazed, thanks", "frankly"),
    ("Can you call my wife instead, she's home all day", "instead"),
])
def test_what_the_new_rules_leave_alone(text, kept):
    assert not any(kept in value for _, value in found(text))


def test_the_lines_before_a_postcode_stop_at_a_unit_or_a_numbered_street():
    """A name line before the address is not an address line (it stays the NER's or a cue's PERSON)."""
    for text in ("Attn Maria Lopez, Unit 7, Riverside Works, Doncaster DN1 3AA",
                 "ring any day but Friday. Maria Lopez, 22 Grafton Street, Manchester M13 9WU"):
        addresses = [value for kind, value in found(text) if kind == "ADDRESS"]
        assert addresses and not any("Maria" in value for value in addresses)


def test_a_street_the_writer_lives_on_is_masked_but_its_first_name_is_no_person(detector):
    text = "I live on Elizabeth Street, near Anna Road."
    spans = detector.find(text)
    assert [(s.kind, text[s.start:s.end]) for s in spans] == [("ADDRESS", "Elizabeth Street")]
