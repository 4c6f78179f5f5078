"""Session 20, fixer session25a (blind25: the everyday mix — English of eight countries, some es/fr/de/pt/it).

What the local detector must mask — a passport number with a closing letter, a year-first date of birth, a national
ID's grouped digits after a nationality, a Singapore unit and postcode, a German parcel locker with its postcode and
town, an eight-digit phone after its cue, a name after a household role, after German "Herrn" or thanked, a lower-case
first name with a particle after a self cue, an Argentine postcode and town closing an address, a bank account's
digit groups — and what it must leave unmasked: a customer account's number (also with its letters), a German
"Postnummer", a customer account after "Account" in a message about a bill, a public figure, a street before a name,
"I'm moving…", a German noun after "in"/"auf", a parcel locker without its town. Guards: made-up names (no list holds
them) stay masked. Every sentence is new (none is a batch's).
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


@pytest.mark.parametrize(("text", "value"), [
    ("Name on the ticket is fine but the passport no. is wrong, it should read E7720431K", "E7720431K"),
    ("Please update my profile, DOB 1983/07/14, the form keeps rejecting it", "1983/07/14"),
    ("Can't register, my Ugandan ID 48 903 112 is apparently in use already", "48 903 112"),
    ("Moving house! New address:\nBlk 88 Tampines St 81\n#11-204\nSingapore 520088\nThanks", "#11-204"),
    ("Moving house! New address:\nBlk 88 Tampines St 81\n#11-204\nSingapore 520088\nThanks", "Singapore 520088"),
    ("Top-up didn't arrive on my prepaid line 8123 4567, can you check?", "8123 4567"),
    ("Occupant Delphine Marwick moved in last week, please update the name.", "Delphine Marwick"),
    ("Ein großes Lob an Herrn Oyelaran aus dem Kundendienst, sehr geduldig!", "Oyelaran"),
    ("Grazie a Ngozika per l'aiuto di ieri sera, gentilissima", "Ngozika"),
    ("bonsoir c pierre le gall, ma box ne marche plus depuis hier", "pierre le gall"),
    ("El paquete va a Av. Santa Fe 1820, piso 3 depto. A, C1123AAN Buenos Aires por favor",
     "Av. Santa Fe 1820, piso 3 depto. A, C1123AAN Buenos Aires"),
    ("The transfer bounced and my bank can't see it. Account is 026009593 7781 4420 19",
     "026009593 7781 4420 19"),
])
def test_session25a_personal_data_is_masked(tagged, text, value):
    assert masked(tagged, text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("Modem lights are all red. My account number is 310 552 8841, the landline is 0161 204 5531", "310 552 8841"),
    ("My uncle died last month, please close his account KX 0093 4411.", "0093 4411"),
    ("Wohin soll ich meine Postnummer 771203948 eintragen? Die App nimmt sie nicht.", "771203948"),
    ("Why did my phone bill go up by £6? Account 66120934. thanks", "66120934"),
    ("Why is Hugh Jackman on my home screen every day? Not interested.", "Hugh Jackman"),
    ("Stop recommending Dorian Castellane, I have never liked his films", "Dorian Castellane"),
    ("Please stop sending post to my old flat on King St E. Tremaine Okafor", "King St E"),
    ("Hi, I'm relocating from Pune to Chennai in May, can I keep my plan?", "relocating"),
    ("Kann ich die Kaffeemaschine auch in Raten zahlen?", "Raten"),
])
def test_session25a_not_personal_data_stays_unmasked(tagged, text, value):
    assert not touched(tagged, text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("Please stop sending post to my old flat on King St E. Tremaine Okafor", "Tremaine Okafor"),
    ("Thanks to Ngozika Oyelaran for her help this morning", "Ngozika Oyelaran"),
    ("My late mother held account 0123456789 at your Ikeja branch, how do I close it?", "0123456789"),
    ("Account is locked after a wrong PIN. Account no 4410 2298 6671, mobile +254 722 555 391", "4410 2298 6671"),
    ("Router still dead. Call me on 07946 118 203 please", "07946 118 203"),
    ("Bot: What's the best number for you?\nCustomer: 0161 496 0732", "0161 496 0732"),
    ("Hi, I'm Tremaine Okafor and my bill is wrong", "Tremaine Okafor"),
    ("Meine Telefonnummer ist 0176 5512 9034, bitte zurückrufen", "0176 5512 9034"),
    ("Our lodger Tremaine Okafor moved out in May, please take him off the bill.", "Tremaine Okafor"),
    ("slt c manon de la croix, ma box ne marche plus depuis hier", "manon de la croix"),
    ("hi im sterling from the leeds branch, my card is blocked", "sterling"),
    ("Hi, I'm Will Smith, the account holder, and my bill doubled", "Will Smith"),
])
def test_session25a_guards_personal_data_stays_masked(tagged, text, value):
    assert masked(tagged, text, value)


def test_session25a_rules_alone_mask_a_parcel_locker_and_leave_an_account(rules_only):
    text = "Postnummer 771203948, Packstation 204, 10115 Berlin. Kundenkonto läuft über Herrn Oyelaran."
    assert masked(rules_only, text, "Packstation 204, 10115 Berlin")
    assert masked(rules_only, text, "Oyelaran")
    assert not touched(rules_only, text, "771203948")


@pytest.mark.parametrize(("text", "value"), [
    ("Hi, mein Paket sollte in die Packstation 204 gehen, seit 3 Tagen nichts", "Packstation 204"),
    ("Thanks to Vodafone for nothing, three days without signal", "Vodafone"),
    ("Every time I open the app it's Keanu Reeves this and that, please stop", "Keanu Reeves"),
    ("Tenant Portal Login keeps failing since Monday", "Portal Login"),
    ("muito obrigada à Dra. Helena da unidade Centro, nota 10", "Dra"),
    ("Grazie a Poste Italiane per il ritardo di due settimane", "Poste Italiane"),
    ("Please block my card now. Order #55-12345 was not mine", "#55-12345"),
])
def test_session25a_guards_look_alikes_stay_unmasked(tagged, text, value):
    assert not touched(tagged, text, value)
