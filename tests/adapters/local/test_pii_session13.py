"""Issue 21, session 13: the kinds of miss and false positive that blind batches 13, 13b and 13c
(tests/data/pii/src_blind13*.txt) and the real, unlabelled messages of ../shared (bench/pii_real_masks.py) showed, each
tested on new text of the same kind (none of these strings is in a labelled set or in the real data). 45 of the 51
cases fail on main (0d2b66f); the other 6 guard the new filters and pass on main too: a name before "2 nights" and a
known first name next to handles are still masked, a headline keeps the names it knows, a list of names in title case
is no headline, a city in another script is no name, a headline the model reads no name into."""

from __future__ import annotations

import pytest

from services.adapters.local import pii_rules
from services.privacy import mask
from tests.adapters.local.pii_support import found


@pytest.mark.parametrize(("text", "kind", "value"), [
    # self-introductions in Czech, Romanian, Finnish; "chatting with"; a relative "of" a name
    ("Dobrý den, jmenuji se Zdeňka Horáková a mám problém s fakturou", "PERSON", "Zdeňka Horáková"),
    ("Bună seara, mă numesc Lăcrămioara Ungureanu.", "PERSON", "Lăcrămioara Ungureanu"),
    ("Salut, sunt Sorin Bălănescu și am o întrebare", "PERSON", "Sorin Bălănescu"),
    ("Hei, nimeni on Eero Laine ja tilaukseni puuttuu", "PERSON", "Eero Laine"),
    ("I was chatting with Marguerite on your app last night and she said", "PERSON", "Marguerite"),
    ("soy el padre de Martina, que tiene cita el lunes", "PERSON", "Martina"),
    # a sign-off's abbreviation
    ("Het pakket is zoek. Mvg, Roel Peeters", "PERSON", "Roel Peeters"),
    # a name in another script inside a message in Latin letters
    ("my legal name is written 김민준 on my ID card", "PERSON", "김민준"),
    ("the card says Дмитрий Соколов but the booking says Dmitry", "PERSON", "Дмитрий Соколов"),
    ("name in Hebrew: דוד לוי please use that", "PERSON", "דוד לוי"),
    # a first name before a department (one that is a word too after a lower-case word)
    ("could you ask Hope from the claims team to ring me", "PERSON", "Hope"),
    ("please tell Ruby from billing that I paid", "PERSON", "Ruby"),
    # a lower-case name with an Irish or Scottish surname after "im"
    ("hey im dara o'connell and my order never came", "PERSON", "dara o'connell"),
    # "in my dad's name" + a first name that is a word too and a surname, punctuation closing it
    ("the broadband is in my dad's name rob carter. can I change it", "PERSON", "rob carter"),
    # a lower-case first name found once, said again with its surname
    ("Caller: uh it's agnieszka, agnieszka wrona.", "PERSON", "agnieszka wrona"),
    # a UK postcode read out with digit words, alone or after an address in lower case
    ("Caller: the postcode is M K four, two A B I think", "ADDRESS", "M K four, two A B"),
    ("its 14 mill road, leeds, l s nine, eight q t", "ADDRESS", "14 mill road, leeds, l s nine, eight q t"),
    # a number read out in five tokens that hold nine digits
    ("my mobile is triple seven, double oh, nine hundred, one two", "PHONE",
     "triple seven, double oh, nine hundred, one two"),
    # a Portuguese floor written "2.º", an Amsterdam floor "-II", a town with a Polish capital
    ("Morada: Rua Augusta 120, 2.º Dto., 1100-053 Lisboa", "ADDRESS", "Rua Augusta 120, 2.º Dto., 1100-053 Lisboa"),
    ("Ferdinand Bolstraat 88-II, 1072 LN Amsterdam", "ADDRESS", "Ferdinand Bolstraat 88-II, 1072 LN Amsterdam"),
    ("adres: ul. Kwiatowa 12, 93-100 Łódź, proszę", "ADDRESS", "ul. Kwiatowa 12, 93-100 Łódź"),
])
def test_the_new_rules_find_the_whole_value(text, kind, value):
    assert (kind, value) in found(text)


def test_an_english_short_first_name_is_known():
    """Steve, Jeff, Jim, Mike, Dave… were missing from the gazetteer (a headline keeps only names it knows)."""
    assert ("PERSON", "Jeff Okafor") in found("Can Jeff Okafor sign for it?")


@pytest.mark.parametrize(("text", "kept"), [
    # capital letters before a number make it a code; no phone is grouped 4-4-4
    ("Your site shows ABX 4410 2287 31 as pending", "4410 2287 31"),
    ("Customer account 7731 0042 8815 is overdue, why?", "7731 0042 8815"),
    # businesses: more trade words, a restaurant's opening word, a company in a signature
    ("The invoice from Bright Paws Kennels was wrong", "Bright Paws Kennels"),
    ("the pizza came from Pizzeria Da Gino in the end", "Pizzeria Da Gino"),
    ("Lead Engineer | Harbourline Freight", "Harbourline Freight"),
    # a provider left or joined, a courier's acronym, a place after "di", an airport
    ("Can I port my number to you from Koodo? It is with them now.", "Koodo"),
    ("il corriere SDA dice che nessuno era in casa", "SDA"),
    ("Sono Luca di Firenze e ho un problema con l'ordine", "Firenze"),
    ("My case was smashed at Gatwick on the way back.", "Gatwick"),
    # a transcript's "Customer:" before an ordinal or "phone" (since session 13's second part not after "date of
    # birth?": that date is a DOB, masked; test_pii_kinds13.py)
    ("Agent: delivery date?\nCustomer: second of April", "second"),
    # a form's label
    ("Form — Name: Eva Lind Subject: broken kettle", "Subject"),
    # apps named alone; a title and its number
    ("a bug like this in the current Safari build", "Safari"),
    ("my save for Alan Wake 2. Can you restore it?", "Alan Wake"),
    # social posts: @handles and #hashtags are accounts and topics, not names; a word next to a handle is a name only
    # when it is a known first name
    ("Yo @Spotify fix your shuffle", "Yo"),
    ("#Glasgow #storm no power since 6", "Glasgow"),
    ("Hoping @Opera does not cave on this", "Hoping"),
    # a title-case headline: a span without a known first name is not a person
    ("Rumor Says Company Will Launch Cheaper Phone for the Holidays", "Rumor"),
    # what ends a post: a placeholder, an interjection, an acronym
    ("Still cannot reset my password. Thanks! link", "link"),
    ("the hold music is awful. Whack", "Whack"),
    ("They told me to go back to the store. WTFBBQ", "WTFBBQ"),
    # a lower-case word after a relative is a name when a verb or punctuation ends it, not "to" or "on"
    ("Just watched my dad struggle to use the app", "struggle"),
    # after "called": a lower-case name is a known first name
    ("there's an app called pocket tracker that does this", "pocket tracker"),
])
def test_what_the_detector_now_leaves_alone(detector, text, kept):
    assert kept in mask(text, detector.find(text))


def test_a_name_before_a_number_and_a_word_is_still_a_name(detector):
    text = "Booking for Anna Kowalska 2 nights from Friday"
    assert "Kowalska" not in mask(text, detector.find(text))


def test_a_known_first_name_next_to_handles_is_still_masked(detector):
    text = "@AcmeHelp @Acme Neil, the problem is your billing page"
    masked = mask(text, detector.find(text))
    assert "Neil" not in masked and "@Acme" in masked and "@AcmeHelp" in masked


def test_a_headline_keeps_the_names_it_knows(detector):
    text = "Steve Marsh Explains Why the Company Will Not Sell Its Phones in Europe"
    assert "Steve Marsh" not in mask(text, detector.find(text))


def test_a_list_of_names_in_title_case_is_no_headline(detector):
    """Names listed after a colon are all capitalised; "and" alone does not make them a headline."""
    text = "Passengers: Oisín Ó Briain and Caoimhe Ó Briain and Tadhg Ó Briain."
    masked = mask(text, detector.find(text))
    assert "Oisín" not in masked and "Caoimhe" not in masked


def test_academic_titles_join_the_name(detector):
    text = "Mein Name ist Dr. med. Katrin Albers, bitte rufen Sie an"
    masked = mask(text, detector.find(text))
    assert "Katrin" not in masked and "med." not in masked


def test_a_place_in_another_script_is_not_a_name():
    assert ("PERSON", "北京") not in found("Lin Mei / 139 5555 0101 / 北京 — call me")


def test_headline_and_tag_helpers():
    text = "Tim Cook Shows Off Apple Watch to Chinese Internet Official"
    assert pii_rules.headline(text, 0, 8)
    assert not pii_rules.headline("Hi, I'm Aarav Patel of Patel & Co Accountants, please call", 23, 28)
    assert pii_rules.without_tags("@Apple Neil", 1, 11) == [(7, 11)]
    assert pii_rules.without_tags("#Winnipeg", 1, 9) == []
