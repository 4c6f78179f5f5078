"""Session 20, fixer session25b (blind25b: tickets and e-mails — signatures, several people, postal addresses over
several lines, refund bank details, GDPR requests, claims, HR and school admin).

What the local detector must mask — every line of an address block (a house's name, a street without a number, a
village, a town and a four-digit postcode), a house's name before an address line's first comma, a name line right
above an address block, "Mr Can …" (a first name that is an English word, after a title), a signature's three-word
name — and what it must leave unmasked: an account's, a customer's or a student's number after its cue (no bank
spoken of), meter readings, a flat "on" a street, a firm named after people ("X & Y … LLP", "X Design"), a department
signing off, the thanks "Ta", a firm named after people where trade is spoken of ("ordered from John Lewis").
Guards: made-up names (no list holds them), a mobile given for an account and a bank
account beside a sort code or a refund stay masked. Every sentence is new (none is the batch's).
"""

from __future__ import annotations

import pytest

from services.adapters.local.pii_presidio import PresidioPiiDetector
from tests.adapters.local.pii_support import masked, touched


@pytest.fixture(scope="module")
def tagged() -> PresidioPiiDetector:
    return PresidioPiiDetector(crf=True, person_check=True)


@pytest.fixture(scope="module")
def rules_only() -> PresidioPiiDetector:
    return PresidioPiiDetector()


_BLOCK = ("The boiler engineer never came.\n\nKind regards,\nTremaine Oyelaran\nThe Old Granary\nMill Lane\nOver Haddon\n"
          "Bakewell DE45 1JE")
_CAPE = ("My claim was turned down and nobody called me back.\n\nNgozika Feltham\n41 Quarry Road\nRondebosch\n"
         "Cape Town 7700\n+27 82 555 0199")
_HOUSE = "The van clipped our wall.\n\nOdalys Brennock\nLisnagarvey, 12 Old Quay Road, Kilkee V15 FX42"


@pytest.mark.parametrize(("text", "value"), [
    # the lines of an address block: a house's name, a street with no number, a village, a town and its postcode
    (_BLOCK, "The Old Granary"),
    (_BLOCK, "Over Haddon"),
    (_CAPE, "Rondebosch"),
    (_CAPE, "Cape Town 7700"),
    ("My new address is:\n\nWillowbank House\n7 Kirk Brae\nKenmore\nPH15 2HN\n\nThanks", "7 Kirk Brae"),
    ("My new address is:\n\nWillowbank House\n7 Kirk Brae\nKenmore\nPH15 2HN\n\nThanks", "Kenmore"),
    # a house's name before the first comma of an address line, and the name line above it
    (_HOUSE, "Lisnagarvey, 12 Old Quay Road, Kilkee V15 FX42"),
    (_HOUSE, "Odalys Brennock"),
    ("Please refund me.\n\nBest,\nSíofra Ní Bhraonáin\nCnoc na Gaoithe, Glenageary Road, Dublin 18, D18 K2P4",
     "Cnoc na Gaoithe, Glenageary Road, Dublin 18, D18 K2P4"),
    # a first name that is an English word after a title
    ("Guests: Ms Ayla Korkmaz and Mr Can Ekinci, arriving late", "Can Ekinci"),
])
def test_session25b_personal_data_is_masked(tagged, text, value):
    assert masked(tagged, text, value)


@pytest.mark.parametrize(("text", "value"), [
    # an account's, a customer's or a student's number after its cue, where no bank is spoken of
    ("Please close the account (number 7702 3391 5520) my late father held with you.", "7702 3391 5520"),
    ("moving my line over, acct there is 3318 2047 6, thanks", "3318 2047 6"),
    ("bonjour, ma box ne marche plus. compte 6621 904 338. Merci", "6621 904 338"),
    ("Hola, número de cuenta 2210958843, me cobraron dos veces la factura.", "2210958843"),
    ("Je n'ai pas reçu mon relevé de notes (numéro étudiant 31877204).", "31877204"),
    ("Hi, please update the email on my profile. Account 66019234. Cheers", "66019234"),
    ("My account number is 708 221 9934 and the router keeps dropping.", "708 221 9934"),
    # meter readings; a flat "on" a street (no home's number)
    ("We moved in on Monday. Move-in reads: E 50218, G 07731.", "E 50218, G 07731"),
    ("I'd like to view the flat on Albion Terrace next week.", "flat on Albion Terrace"),
    # firms named after people, a department signing off, the thanks "Ta"
    ("Please make the credit note out to Adeyemi & Frost Surveyors LLP (formerly Adeyemi Design).", "Adeyemi"),
    ("Please make the credit note out to Adeyemi & Frost Surveyors LLP (formerly Adeyemi Design).", "Adeyemi Design"),
    ("Please pause the window cleaning until March. Regards, Housekeeping", "Housekeeping"),
    ("The quote is fine, go ahead. Thanks, Procurement", "Procurement"),
    ("Can the parcel go to the side door? Cheers Ta, Oluwadamilare", "Ta"),
    # firms named after people, in a shop's, a bank's or an agency's context
    ("The kettle I ordered from John Lewis leaks at the seam.", "John Lewis"),
    ("Our call with Morgan Stanley about the fund moves to Friday.", "Morgan Stanley"),
    ("Hi, Keller Williams realty here, is the flat on your books still free?", "Keller Williams"),
    ("the Ben & Jerry's pint arrived soft, order 77120", "Jerry"),
    ("Keys are in the safe. Speak soon. Priya, Ray White Bondi", "Ray White Bondi"),
])
def test_session25b_not_personal_data_stays_unmasked(tagged, text, value):
    assert not touched(tagged, text, value)


@pytest.mark.parametrize(("text", "value"), [
    # made-up names and real numbers next to the new filters
    ("Can the parcel go to the side door? Cheers Ta, Oluwadamilare", "Oluwadamilare"),
    ("I spoke to Mr Ta at the branch about it.", "Ta"),
    ("I'm Bola Adeyemi of Adeyemi & Frost Surveyors, please call me.", "Adeyemi & Frost"),
    ("Please close my account 07700 900412, I'm leaving the country.", "07700 900412"),
    ("Refund to sort code 40-11-62, account 55102938 please.", "55102938"),
    ("Account 55102938. Please pay the refund into it.", "55102938"),
    ("Thanks, Ngozika", "Ngozika"),
    (_BLOCK, "Tremaine Oyelaran"),
    ("Tak for hjælpen.\n\nMed venlig hilsen\nAstrid Nørgaard Vinther\n+45 31 22 80 17", "Astrid Nørgaard Vinther"),
    ("Thanks,\n\nNgozika Tremaine\n14 Elm Road\nLeeds LS6 2AB", "Ngozika Tremaine"),
    # a person who bears a firm's name: no trade's context, given as the writer's, after a title or a relative's word
    ("I spoke with John Lewis, my neighbour, about the parcel.", "John Lewis"),
    ("My name is John Lewis and I want a refund for my order.", "John Lewis"),
    ("Please send the refund to Mr John Lewis.", "John Lewis"),
    ("my brother John Lewis ordered it from you", "John Lewis"),
    ("Keys are in the safe. Speak soon. Priya, Ray White Bondi", "Priya"),
])
def test_session25b_guards_personal_data_stays_masked(tagged, text, value):
    assert touched(tagged, text, value)


def test_session25b_an_order_line_above_an_address_stays_unmasked(tagged):
    """A walk over an address block stops at a line that is no address's: an order's or a tracking number."""
    text = "Order 44812\nDelivered to 14 Elm Road\nLeeds LS6 2AB\nTracking ZX55123"
    assert masked(tagged, text, "Leeds LS6 2AB")
    assert not touched(tagged, text, "Order 44812")
    assert not touched(tagged, text, "Tracking ZX55123")


def test_session25b_rules_alone_mask_an_address_block(rules_only):
    """Without the tagger the block's lines are masked too (the rules-only detector runs the same filters)."""
    assert masked(rules_only, _BLOCK, "The Old Granary")
    assert masked(rules_only, _BLOCK, "Mill Lane")
