"""Session 24: an organisation's or a place's name is no one's data, whichever finder tagged it.

The last pass over the detector's spans (pii_presidio._never_names → _s24_organisation) looks for the words that
open a business's or a public body's name ("Autofficina", "Carrosserie", "Colegio", "Stadtwerke", a trade's ending
such as "-erei" or "-erij"), close one ("Supermarkets", "Roasters", "Credit Union", "Borough") or name a street or a
station, in the languages we read. A word that is also a surname closes a name only when no given name opens it; a
title keeps the person inside a practice's name; a name masked as a person elsewhere in the message stays masked in
the business's name. Every sentence is new (none is from a labelled set).
"""

from __future__ import annotations

import pytest

from services.adapters.local.pii_presidio import _s24_labels_and_words, _s24_organisation
from services.adapters.local.pii_rules import find_session24
from services.models import PiiSpan
from tests.adapters.local.pii_support import masked, touched


def _alone(text: str, value: str) -> PiiSpan | None:
    start = text.index(value)
    span = PiiSpan("PERSON", start, start + len(value), 0.95)
    return _s24_organisation(text, span, [span])


@pytest.mark.parametrize(("text", "value"), [
    ("La Autofficina Castellani mi ha rifatto i freni, fattura FA-2291.", "Autofficina Castellani"),
    ("Devis reçu de la Carrosserie Lemaire pour le pare-chocs.", "Carrosserie Lemaire"),
    ("La Firma Schreinerei Vogt hat die Küche geliefert.", "Schreinerei Vogt"),
    ("Bestelling bij Brouwerij De Molen is nog niet binnen.", "Brouwerij De Molen"),
    ("El Colegio Santa Teresa pide el justificante de pago.", "Colegio Santa Teresa"),
    ("My wife works at Ashbourne Supermarkets and they never got the delivery.", "Ashbourne Supermarkets"),
    ("The invoice from Kettleby Coffee Roasters shows the wrong VAT.", "Kettleby Coffee Roasters"),
    ("Transfer from Riverside Credit Union never arrived.", "Riverside Credit Union"),
    ("Booked two nights at Thornfield Lodge, reference TL-5521.", "Thornfield Lodge"),
    ("Die Stadtwerke Göppingen haben doppelt abgebucht.", "Stadtwerke Göppingen"),
])
def test_an_organisations_name_is_no_persons(text, value):
    assert _alone(text, value) is None


@pytest.mark.parametrize(("text", "value"), [
    ("Ciara Power here, the router is dead again", "Ciara Power"),  # a given name opens it: Power is her surname
    ("Hi it's Min-seo Park, where is my parcel?", "Min-seo Park"),  # Park is never a place's word
    ("hi my name is ana house", "ana house"),  # lower case: a spoken name is left to the finders
    ("Regards,\nTremaine Way", "Tremaine Way"),  # no given name known, but Way is never a street here
])
def test_a_persons_name_with_such_a_word_stays_masked(text, value):
    assert _alone(text, value) is not None


def test_a_title_keeps_the_practitioner_and_a_particle_cuts_the_business_off():
    text = "Ich war in der Zahnarztpraxis Dr. Keller wegen einer Krone."
    start = text.index("Zahnarztpraxis")
    span = PiiSpan("PERSON", start, text.index(" wegen"), 0.9)
    cut = _s24_organisation(text, span, [span])
    assert cut is not None and text[cut.start:cut.end] == "Keller"
    text = "Boa tarde, aqui é o Tiago da Serralharia Monteiro, encomenda 4471."
    start = text.index("Tiago")
    span = PiiSpan("PERSON", start, text.index(", encomenda"), 0.9)
    cut = _s24_organisation(text, span, [span])
    assert cut is not None and text[cut.start:cut.end] == "Tiago"


def test_a_house_number_before_a_street_makes_it_an_address():
    text = "parcel says delivered but I'm at 41 Protea Cres, Waterkloof. nobody came"
    found = _alone(text, "Protea Cres")
    assert found is not None and found.kind == "ADDRESS"
    assert text[found.start:found.end] == "41 Protea Cres, Waterkloof"
    assert _alone("Meet me outside Protea Cres after work", "Protea Cres") is None  # a street alone is kept


def test_a_name_masked_elsewhere_stays_masked_in_the_business_name():
    text = "Giulia Castellani here. The Autofficina Castellani still owes me the deposit."
    person = PiiSpan("PERSON", 0, len("Giulia Castellani"), 0.99)
    start = text.index("Autofficina")
    firm = PiiSpan("PERSON", start, start + len("Autofficina Castellani"), 0.9)
    assert _s24_organisation(text, firm, [person, firm]) == firm


@pytest.mark.parametrize(("text", "value"), [
    ("Tuincentrum Het Groene Hart heeft de verkeerde schutting geleverd, bestelnummer TG-88120.", "Groene Hart"),
    ("Greetings from the London Borough of Hackney parking team", "Hackney"),
    ("Bonjour, je suis Hugo de la Boulangerie Moreau, commande 5512.", "Boulangerie Moreau"),
])
def test_the_detector_leaves_such_names_unmasked(tagged, text, value):
    assert not touched(tagged, text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("Hi, Ciara Power here, my broadband has been down since Monday", "Ciara Power"),
    ("Thanks,\nMin-seo Park\n+44 7700 900 412", "Min-seo Park"),
    ("Bonjour, je suis Hugo de la Boulangerie Moreau, commande 5512.", "Hugo"),
])
def test_the_detector_still_masks_people(tagged, text, value):
    assert masked(tagged, text, value)


# ---- candidate 2: lower-case given names after a self-introduction, lower-case street addresses --------------------


def _found24(text: str) -> list[tuple[str, str]]:
    return [(kind, text[start:end]) for kind, start, end, _ in find_session24(text)]


@pytest.mark.parametrize(("text", "value"), [
    ("hi its lindiwe 👋", "lindiwe"),
    ("hey its tariq, parcel still not here", "tariq"),
    ("morning this is aroha. can i move my booking", "aroha"),
    ("the account is under my husband's name sipho", "sipho"),
    ("name priyanka rao plz call back", "priyanka rao"),
    ("hiya its siobhan here again", "siobhan"),
])
def test_a_given_name_after_a_self_introduction_is_a_name(text, value):
    assert ("PERSON", value) in _found24(text)


@pytest.mark.parametrize("text", [
    "its broken. can you fix it",
    "hey its gone again, no signal",
    "hi its me again, still no refund",
    "its ridiculous!! 3 weeks",
    "morning, its ok now thanks",
    "its grace period right?",  # a name that is also a word (WORD_NAMES)
])
def test_a_word_after_its_is_no_name(text):
    assert [kind for kind, _ in _found24(text)] == []


@pytest.mark.parametrize(("text", "address"), [
    ("says delivered to mailbox. 4410 w belmont ave apt 2r chicago il 60641", "4410 w belmont ave apt 2r chicago il 60641"),
    ("new address 5/22 banksia cres, mount pleasant wa 6153 — ta", "5/22 banksia cres, mount pleasant wa 6153"),
    ("im at 9 protea ave, lonehill pls call when outside", "9 protea ave, lonehill"),
])
def test_a_lower_case_street_address_takes_its_unit_suburb_and_postcode(text, address):
    assert ("ADDRESS", address) in _found24(text)


def test_a_lower_case_street_stops_at_an_everyday_word():
    assert _found24("im at 9 protea ave, thanks") == []  # LOWER_EN_ADDRESS finds the street alone
    assert ("ADDRESS", "9 protea ave, lonehill") in _found24("9 protea ave, lonehill")


# ---- candidate 3: labels, calendar words, German nouns, currency codes, trades and places, brands ----------------
@pytest.mark.parametrize(("text", "value"), [
    ("Oggetto: Sollecito pagamento fattura 1182\nBuongiorno,", "Oggetto: Sollecito"),
    ("Egregio Avv", "Egregio Avv"),
    ("Öffnungszeiten Mo, Mi, Fr 9–13 Uhr", "Mo"),
    ("Ab Do, 3. April sind wir zurück", "Ab Do"),
    ("Wir liefern am Samstag nicht.", "Samstag"),
    ("delivery was booked for the 14th Feb and nobody came", "Feb"),
    ("Ich habe die Rechnungskopie und die Lieferzeit ist zu lang, bitte prüfen Sie das.", "Lieferzeit"),
    ("Den Kostenvoranschlag haben wir nicht erhalten, bitte senden Sie ihn noch einmal.", "Den Kostenvoranschlag"),
    ("charged Ksh 2,400 twice for the same bundle", "Ksh"),
    ("paid RM 89 but the voucher never came", "RM"),
])
def test_labels_calendar_words_nouns_and_currency_codes_are_no_names(text, value):
    start = text.index(value)
    span = PiiSpan("PERSON", start, start + len(value), 0.9)
    assert _s24_labels_and_words(text, span) is None


@pytest.mark.parametrize(("text", "value", "kept"), [
    ("Geachte heer Vermeulen, dank voor uw bericht.", "Geachte heer Vermeulen", "Vermeulen"),
    ("Hi Mei, the parcel is at the depot", "Mei", "Mei"),  # a given name, not the Dutch month
    ("Thanks April! - sent from my phone", "April", "April"),
    ("Mo here, my router died again", "Mo", "Mo"),  # no mark after it: a name
    ("Termin mit Herrn Brandauer am Dienstag", "Brandauer", "Brandauer"),  # a surname in German text stays
])
def test_names_that_look_like_such_words_stay(text, value, kept):
    start = text.index(value)
    span = PiiSpan("PERSON", start, start + len(value), 0.9)
    found = _s24_labels_and_words(text, span)
    assert found is not None and text[found.start:found.end] == kept


@pytest.mark.parametrize(("text", "value"), [
    ("Die Stadtsparkasse Wuppertal hat die Lastschrift zurückgegeben.", "Stadtsparkasse Wuppertal"),
    ("Overleg met Autoverhuur De Vries over de schade.", "Autoverhuur De Vries"),
    ("Termin in der Orthopädischen Gemeinschaftspraxis wurde verschoben.", "Orthopädischen Gemeinschaftspraxis"),
    ("Parcel left at the Jalan Ampang guard house", "Jalan Ampang"),
])
def test_more_trades_and_places_are_no_names(text, value):
    assert _alone(text, value) is None


@pytest.mark.parametrize(("text", "value"), [
    ("Renfe me cobró dos veces el billete", "Renfe"),
    ("my Safaricom line and my Zuku internet are both down", "Zuku"),
    ("Cinépolis charged me for tickets I never got", "Cinépolis"),
])
def test_service_brands_are_kept(tagged, text, value):
    assert not touched(tagged, text, value)


# ---- candidate 4: "Surname, Givenname" after a header or field label ---------------------------------------------
@pytest.mark.parametrize(("text", "value"), [
    ("Von: Hartmann, Jörg <j.hartmann@beispiel-logistik.de>\nGesendet: Dienstag, 3. März 2026", "Hartmann, Jörg"),
    ("> From: Okonkwo, Adaeze <adaeze.o@example.com>", "Okonkwo, Adaeze"),
    ("Antragsteller: Van der Berg, Sanne\nGeburtsdatum: 04.05.1988", "Van der Berg, Sanne"),
    ("Da: Ferraro, Giulia [mailto:g.ferraro@example.it]", "Ferraro, Giulia"),
])
def test_a_surname_comma_given_name_after_a_label_is_one_name(text, value):
    from services.adapters.local.pii_rules import find_session24_last_first
    assert ("PERSON", value) in [(k, text[s:e]) for k, s, e, _ in find_session24_last_first(text)]


@pytest.mark.parametrize("text", [
    "Size: Large, Blue\nColour: Black, Medium",
    "Status: Delivered, Thanks",
    "Subject: Invoice, March",  # a month, no given name
])
def test_other_pairs_after_a_label_are_no_name(text):
    from services.adapters.local.pii_rules import find_session24_last_first
    assert list(find_session24_last_first(text)) == []
