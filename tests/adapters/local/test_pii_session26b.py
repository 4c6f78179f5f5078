"""Session 20 second round, fixer session26b (blind26b: structured text from healthcare, insurance, lettings, car
rental and parking, gyms, schools, councils, movers, vets).

What the local detector must mask — a date of birth in brackets after a person's name, a quoted display name in a mail
header whose words are in the address, a name after Polish "właściciel" and Spanish "se llamaba", a signature before
" / " and a phone number or ending the message after a number, a surname's particle and the rest after a given name —
and what it must leave unmasked: a practice, a breed, a car, a form's field, a pet after its species word, a business
after its trade word, a street without a number, a town after a pharmacy's or a street's name; with guards: made-up
names (no list holds them) stay masked next to those forms. Every sentence is new (none is the batch's).
"""

from __future__ import annotations

import pytest

from tests.adapters.local.pii_support import masked, touched


@pytest.mark.parametrize(("text", "value"), [
    ("Passengers: Tomasz Wierzbicki (17/03/1985) and his son Kacper (02/11/2015), both on the return leg.",
     "17/03/1985"),
    ("Passengers: Tomasz Wierzbicki (17/03/1985) and his son Kacper (02/11/2015), both on the return leg.",
     "02/11/2015"),
    ("El mecánico que me atendió se llamaba Rubén. Quiero el reembolso.", "Rubén"),
    ("Is the boiler service included in the rent? Tremaine Oyelaran / 07700 900 418", "Tremaine Oyelaran"),
    ("The quote from Dr Anneke van Rensburg said two fillings, not four.", "Anneke van Rensburg"),
])
def test_session26b_personal_data_is_masked(rules, tagged, text, value):
    assert masked(rules, text, value)
    assert masked(tagged, text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("SMS thread\nSurgery: Hi this is Riverside Medical Centre, your blood test is booked for Tue 09/12 at 09:10. "
     "Reply C to confirm.", "Riverside Medical Centre"),
    ("SMS thread\nSurgery: Hi this is Riverside Medical Centre, your blood test is booked for Tue 09/12 at 09:10. "
     "Reply C to confirm.", "Reply C"),
    ("Claim for Pickle (Springer Spaniel, 3): a thorn was removed from her paw.", "Springer Spaniel"),
    ("Permit form\nVehicle registration: YK19 PLR\nMake/model: Nissan Qashqai\nZone: B", "Nissan Qashqai"),
    ("Guten Tag, unsere Katze Mimi hustet seit Montag. Geht heute noch ein Termin?", "Mimi"),
    ("Die Tierarztpraxis Dr. Hollenbach hat uns überwiesen.", "Dr. Hollenbach"),
    ("Listing: 4-bed detached, Kestrel Rise\nAsking: £415,000", "Kestrel Rise"),
    ("Wir sind versichert bei der Barmer Krankenkasse, Versichertennummer folgt.", "Barmer Krankenkasse"),
])
def test_session26b_not_personal_data_stays_unmasked(tagged, text, value):
    assert not touched(tagged, text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("Ciao, sono Ottavio di Bergamo, il mio ordine non è arrivato.", "Bergamo"),
    ("Goedemiddag, ik ben Sjoerd de Wit van Bakkerij Hoekstra. Onze kassa doet het niet.", "Bakkerij"),
    ('From: "Kundenservice Stadtwerke" <service@stadtwerke.example>\nAn: mich', "Kundenservice"),
    ("Meeting notes (04/02/2026) attached.", "04/02/2026"),
    ("Unfallbericht\nEigenes Kennzeichen: HD-TK 204\nZeugin: keine", "Eigenes Kennzeichen"),
    ("Pick up from: Lindley Pharmacy, Huddersfield\nPhone: 01484 220 917", "Huddersfield"),
])
def test_session26b_guards_look_alikes_stay_unmasked(tagged, text, value):
    assert not touched(tagged, text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("Contact: Tremaine Way", "Tremaine"),
    ("Kwame Lane, 12 Harbour Street", "Kwame Lane"),
    ("Collect from: Boots Pharmacy, Ngozika", "Ngozika"),
    ('From: "Ngozika Oyelaran" <no@school.example>', "Ngozika Oyelaran"),
    ('From: "Ngozika Oyelaran" <n.oyelaran@harbourside-college.example>\nTo: Form 3 families\n\nHello all,',
     "Ngozika Oyelaran"),
    ("Proszę o zwrot depozytu na konto, właściciel Bożena Kwiatkowska. Dziękuję.", "Bożena Kwiatkowska"),
    ("Por favor llámenme al 677 31 52 90. Itxaso Berrojalbiz", "Itxaso Berrojalbiz"),
    ("The quote from Dr Oyelaran Tremaine was fine.", "Oyelaran Tremaine"),
])
def test_session26b_guards_personal_data_stays_masked(tagged, text, value):
    assert touched(tagged, text, value)
