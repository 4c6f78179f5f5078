"""Issue 21, session 12: the kinds of miss and false positive blind batches 12, 12b and 12c showed
(tests/data/pii/src_blind12*.txt), and the gaps session 11 left, each tested on new text of the same kind (none of
these strings is in a labelled set). 40 of the 49 cases fail on main (41ede8c); the other 9 (the Catalan surname the
NER model already joins, and the guards of test_what_the_new_rules_leave_alone) pass on main too."""

from __future__ import annotations

import pytest

from services.adapters.local import pii_rules
from services.adapters.local.pii_fast import RulesPiiDetector
from services.privacy import mask
from tests.adapters.local.pii_support import found


@pytest.mark.parametrize(("text", "kind", "value"), [
    # numbers read out in Spanish, Italian, German; "hundred" in a British number
    ("mi número es seis cero nueve, uno dos tres, cuatro cinco seis", "PHONE",
     "seis cero nueve, uno dos tres, cuatro cinco seis"),
    ("il mio numero è tre tre nove uno due tre quattro cinque sei sette", "PHONE",
     "tre tre nove uno due tre quattro cinque sei sette"),
    ("meine Nummer ist null eins sieben zwei drei vier fünf sechs sieben acht", "PHONE",
     "null eins sieben zwei drei vier fünf sechs sieben acht"),
    ("CALLER: it's oh one two one four hundred five six seven eight", "PHONE",
     "oh one two one four hundred five six seven eight"),
    # a name that is a word too, where the writer gives it as theirs
    ("Hello, I'm Hope and I'm writing about my bill", "PERSON", "Hope"),
    ("This is Jo! Any news on the refund?", "PERSON", "Jo"),
    ("It's Ruby, the order never came", "PERSON", "Ruby"),
    # a name and who the person is, in brackets
    ("can faith (my daughter) use my account?", "PERSON", "faith"),
    ("Please let Tobiah (my son) collect it", "PERSON", "Tobiah"),
    # a name on a doorbell or an intercom
    ("sonnez à l'interphone : Lefebvre, 3e étage", "PERSON", "Lefebvre"),
    ("please ring the buzzer: Okafor", "PERSON", "Okafor"),
    # a capitalised name after a thanks that punctuation closes
    ("CALLER: thanks Nkemdirim, that was quick", "PERSON", "Nkemdirim"),
    # "its" for "it's" before a known first name; East-Asian names in lower case after "it's" and in a sign-off
    ("Customer: its ahmed khan again", "PERSON", "ahmed khan"),
    ("yes it's chan tai man", "PERSON", "chan tai man"),
    ("Thanks,\nzhou na", "PERSON", "zhou na"),
    # a Catalan double surname joined by "i" after a known first name
    ("Em dic Marc Soler i Puig, client des de 2015", "PERSON", "Marc Soler i Puig"),
    ("bon dia, em dic Pau Ferrer i Vidal i visc a Girona", "PERSON", "Pau Ferrer i Vidal"),
    # addresses: a unit word before the street (French building, Spanish block), a Swedish flat number, rural routes,
    # lower-case Spanish/Portuguese/French streets, a known town after the street with no comma
    ("Escalier B, 14 rue des Lilas, 75019 Paris", "ADDRESS", "Escalier B, 14 rue des Lilas, 75019 Paris"),
    ("Kungsgatan 8 lgh 1204, 411 19 Göteborg", "ADDRESS", "Kungsgatan 8 lgh 1204, 411 19 Göteborg"),
    ("mail it to Rural Route 3 Site 12, Okotoks", "ADDRESS", "Rural Route 3 Site 12, Okotoks"),
    ("vivo en calle san bernardo 41, 2º izq, gracias", "ADDRESS", "calle san bernardo 41, 2º izq"),
    ("moro na rua do carmo 17.", "ADDRESS", "rua do carmo 17"),
    ("entregar na Rua Direita 12 apartamento 3 Braga", "ADDRESS", "Rua Direita 12 apartamento 3 Braga"),
    # a UK postcode spelt out with commas, the outward digits together
    ("Agent: postcode?\nCaller: B, 15, 2, T, T", "ADDRESS", "B, 15, 2, T, T"),
])
def test_the_new_rules_find_the_whole_value(text, kind, value):
    assert (kind, value) in found(text)


def test_a_catalan_second_surname_joins_a_name_the_ner_model_found(detector):
    text = "Hola, sóc Montserrat Casas i Serra, la titular"
    masked = mask(text, detector.find(text))
    assert "Casas" not in masked and "Serra" not in masked


@pytest.mark.parametrize(("text", "kept"), [
    # an order number grouped 3-7-7 that passes Luhn is no card
    ("Where is order 113-4093385-6620152? It's late", "113-4093385-6620152"),
    # a Luhn-valid number after the name of a code is that code
    ("Membership number 4532 0151 1283 0366 fails at the till", "4532 0151 1283 0366"),
    # an IP address ending a sentence is kept, as in the middle of one
    ("Game server 51.77.102.218. Please check", "51.77.102.218"),
    # a shop, a show, a game, a platform read as persons
    ("I bought the kettle at Peter Jones last week and it leaks", "Peter Jones"),
    ("Can I get seats for Hamilton next month?", "Hamilton"),
    ("my son plays Hollow Knight all day and the save is gone", "Hollow Knight"),
    ("my daughter's Habbo account got locked", "Habbo"),
    ("Is Baldur's Gate Enhanced on sale?", "Baldur"),
    # a shop or a station named by its street is no one's address
    ("I'm at Regent Street store and they won't take the return", "Regent Street"),
    ("we're at King Street station waiting for the replacement bus", "King Street"),
    # "es" after a role is no name
    ("la titular es mi madre", "es mi madre"),
])
def test_what_the_detector_now_leaves_alone(detector, text, kept):
    assert kept in mask(text, detector.find(text))


@pytest.mark.parametrize(("text", "kept"), [
    ("I bought the kettle at Peter Jones last week and it leaks", "Peter Jones"),
    ("Game server 51.77.102.218. Please check", "51.77.102.218"),
])
def test_the_rules_provider_leaves_them_alone_too(text, kept):
    """Since session 12 the rules-only detector runs the same filters after detection as the default."""
    assert kept in mask(text, RulesPiiDetector().find(text))


def test_the_rules_provider_merges_overlapping_spans():
    text = "Cordialement,\nJean-Luc Besson\n"
    spans = RulesPiiDetector().find(text)
    assert [(s.kind, text[s.start:s.end]) for s in spans] == [("PERSON", "Jean-Luc Besson")]


@pytest.mark.parametrize(("text", "kept"), [
    # guards: a word-name without the writer giving it as theirs; a state after "I'm … and I"; a thanks to God
    ("Grace period ends tomorrow, I hope", "Grace"),
    ("It's May, and I still have no refund", "May"),  # a month, not a name: months are no WORD_NAMES
    ("I'm Furious and I want my money back", "Furious"),
    ("It works now. Thank God.", "God"),
    ("its battery died after a week", "battery"),
    # spoken words that are no number; a French street in prose
    ("I have one or two questions about three of the items", "one"),
    ("il attend dans la rue depuis 3 heures", "rue"),
    # an Italian "a" after the house number is "in": the town after it is not part of the address
    ("abito in Via Manzoni 12 a Como, ma lavoro a Milano", "Como"),
])
def test_what_the_new_rules_leave_alone(text, kept):
    assert not any(kept in value for _, value in found(text))


def test_a_card_after_the_word_card_is_still_masked(detector):
    text = "Loyalty card number 4532 0151 1283 0366, and it fails"
    assert "4532" not in mask(text, detector.find(text))


def test_card_layouts():
    assert pii_rules.card_layout_ok("4111 1111 1111 1111")
    assert pii_rules.card_layout_ok("3782 822463 10005")
    assert pii_rules.card_layout_ok("6011000990139424")
    assert pii_rules.card_layout_ok("4 5 3 9 1 4 8 8 0 3 4 3 6 4 6 7")
    assert not pii_rules.card_layout_ok("112-4471920-5530184")
