"""Issue 21, session 10: the kinds of miss and false positive blind batches 10, 10b and 10c showed
(tests/data/pii/src_blind10*.txt), each tested on new text of the same kind. Every case that must be masked or
dropped failed on main (7dac559); of the cases left alone, the estate one guards the new estate rule."""

from __future__ import annotations

import pytest

from services.adapters.local import pii_presidio
from services.models import PiiSpan
from services.privacy import mask
from tests.adapters.local.pii_support import found


@pytest.mark.parametrize(("text", "kind", "value"), [
    # an obfuscated e-mail that ends a sentence
    ("write to me at lena.kraus[at]posteo.de.", "EMAIL", "lena.kraus[at]posteo.de"),
    # names after cues main lacked: "gave her name as", "his name was" (any case), a grandmother, an owner or holder
    # (in lower case a known first name), a bare "surname", a religious title between the cue and the name
    ("the courier gave his name as Eero Salonen and left", "PERSON", "Eero Salonen"),
    ("his name was tom fletcher, he passed away in the spring", "PERSON", "tom fletcher"),
    ("my nan Bridie Connolly needs help with her account", "PERSON", "Bridie Connolly"),
    ("the account holder is priya shah, can I speak for her?", "PERSON", "priya shah"),
    ("first name is Ewa, surname Lewandowska", "PERSON", "Lewandowska"),
    ("Contact: Revd Canon Ikenna Obi, parish office", "PERSON", "Ikenna Obi"),
    # particles between names: after a cue, in a sign-off, after a known first name
    ("Goedemiddag, ik ben Eva van der Linden en ik bel over mijn factuur", "PERSON", "Eva van der Linden"),
    ("Un saludo, María del Carmen de la Vega", "PERSON", "María del Carmen de la Vega"),
    ("Can Hugo Le Bris sign for it tomorrow?", "PERSON", "Hugo Le Bris"),
    # a signature: a phone on the name's line, a name on the line after a "--" delimiter
    ("Many thanks, Dervla Kinsella +353 87 123 4567", "PERSON", "Dervla Kinsella"),
    ("See attached.\n\n--\nIlkka Virtanen\nHead of IT, Norrland AB\ntel. +46 8 123 456", "PERSON", "Ilkka Virtanen"),
    # "it's" and a lower-case known first name that something closes; common English first names
    ("ok it's callum btw, the order came", "PERSON", "callum"),
    ("Please tell Tyler the parcel is at the door", "PERSON", "Tyler"),
    # addresses: a street without a number when a postcode follows (a house name before it), an estate with a town
    # after it, a house number and a postcode read out
    ("Rose Cottage, Mill Lane, Great Tew, Chipping Norton OX7 4AB", "ADDRESS",
     "Rose Cottage, Mill Lane, Great Tew, Chipping Norton OX7 4AB"),
    ("we live at 7 Orchard Green, Ballincollig, Cork P31 XY27", "ADDRESS", "7 Orchard Green, Ballincollig, Cork P31 XY27"),
    ("it's twenty-two Wellington Road, Hove", "ADDRESS", "twenty-two Wellington Road, Hove"),
    ("CALLER: B 1 5 2 T T\nAGENT: thank you", "ADDRESS", "B 1 5 2 T T"),
    # after batch 10d (scored first, then fixed): "for four under X", Dutch streets with "van de" in their name, a
    # business park called "… Point" before the street
    ("Table for four under Ishikawa at 8pm please", "PERSON", "Ishikawa"),
    ("ons adres: Plein van de Republiek 4, 2011 AB Haarlem", "ADDRESS", "Plein van de Republiek 4, 2011 AB Haarlem"),
    ("Unit 5, Canal Point, 2 Mill Road, Leeds LS1 4AB", "ADDRESS", "Unit 5, Canal Point, 2 Mill Road, Leeds LS1 4AB"),
])
def test_the_new_rules_find_the_whole_value(text, kind, value):
    assert (kind, value) in found(text)


@pytest.mark.parametrize(("text", "kept"), [
    ("Have you got the Sophie Giraffe teether in stock?", "Sophie Giraffe"),  # a product named like a person
    ("the app crashes on 3 Jurassic Park screens", "Jurassic Park"),  # an estate type needs a town after it
    ("Hallo zusammen, kurze Frage zur Rechnung", "zusammen"),  # greetings to everyone, departments
    ("Caro servizio clienti, vi scrivo per la fattura", "servizio"),
    ("ATTN billing: please resend the invoice", "billing"),
    ("ok that's sorted, thanks, bye", "bye"),
    ("please put our company name Brightfield Analytics GmbH on it", "Brightfield"),
    ("thanks for seeing my father last week.", "last week"),  # a time after a relative, not a lower-case name
])
def test_what_the_new_rules_leave_alone(text, kept):
    assert not any(kept in value or value in kept for _, value in found(text) if value.strip())


def test_a_religious_title_after_a_cue_is_not_a_name_of_its_own():
    spans = found("Contact: Revd Canon Teodor Lupu, parish office")
    assert ("PERSON", "Teodor Lupu") in spans and not any(value.startswith(("Revd", "Canon")) for _, value in spans)


@pytest.mark.parametrize(("text", "kept"), [
    ("Student number 2021-55310, can you confirm my enrolment?", "2021-55310"),  # codes after their names
    ("Paid at the till, receipt 00045211, but the app says unpaid", "00045211"),
])
def test_codes_after_their_names_are_kept(detector, text, kept):
    assert kept in mask(text, detector.find(text))


@pytest.mark.parametrize(("text", "value"), [
    ("¿Tienen envíos a Chile?", "Tienen"),  # a Spanish question opens with "¿": a sentence opener
    ("Can I move it to Tues 10/12?", "Tues"),  # a weekday's short form
    ("Grüß Gott, ich habe eine Frage", "Grüß Gott"),
    ("the card of Banco Meridional was declined", "Banco Meridional"),  # a bank, a hotel, a clinic…
    ("Are you open? Hotel Miramar guests asked", "Hotel Miramar"),
    ("Invoice to Norvale Systems GmbH please", "Norvale Systems"),  # a legal form after the span
    ("I ordered the Stanley Quencher in pink", "Stanley Quencher"),  # after an English article: a thing
])
def test_ner_persons_that_are_not_people_are_dropped(text, value):
    start = text.index(value)
    assert not pii_presidio._plausible_person(text, start, start + len(value))


def test_a_place_after_an_address_is_not_a_person():
    text = "it's G12 8QQ, Glasgow"
    address = PiiSpan("ADDRESS", 5, 12, 0.7)
    place = PiiSpan("PERSON", text.index("Glasgow"), len(text), 0.85)
    assert pii_presidio._without_places(text, [address, place]) == [address]


def test_a_person_inside_an_address_takes_the_address_kind():
    merged = pii_presidio._merged([PiiSpan("PERSON", 30, 41, 0.9), PiiSpan("ADDRESS", 14, 70, 0.85)])
    assert merged == [PiiSpan("ADDRESS", 14, 70, 0.9)]


def test_the_detector_masks_the_new_kinds_whole(detector):
    text = "Pls deliver to The Old Vicarage, Church Lane, Little Snoring, Fakenham NR21 0HZ. Thanks, Kwame Asare 07700 900456"
    masked = mask(text, detector.find(text))
    for value in ("Vicarage", "Church Lane", "Snoring", "NR21", "Kwame Asare", "07700"):
        assert value not in masked
    assert "Pls deliver to" in masked and "Thanks" in masked


def test_an_ner_name_ending_in_a_particle_takes_the_surname_after_it():
    text = "merci. Gwenaël Le Floch, Brest"
    assert pii_presidio._with_surname(text, 7, 17) == len("merci. Gwenaël Le Floch")  # NER read "Gwenaël Le"
    assert pii_presidio._with_surname(text, 7, 14) == 14  # "Gwenaël" alone stays as it is
