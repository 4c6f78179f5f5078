"""Session 20 second round, fixer session26a (blind26: the everyday mix — English of Canada, India, South Africa,
Ireland, New Zealand, Singapore, Kenya, Jamaica, some es/fr/de/pt/it/nl).

What the local detector must leave unmasked — a business named after a person and a public figure outside the old
list, a device or streaming brand's product, a plan's name, a pizza's name, a town or suburb after "in"/"at", a parcel
number after its carrier, an M-Pesa till number, a Dutch firm's name after its owner's first name — and what it must
mask whole: a date of birth "the 21st of March 1979" with its "the", a Jamaican address closing with its parish
"St. Catherine". Guards: made-up names (no list holds them) stay masked, phone numbers after a cue stay masked.
Every sentence is new (none is a batch's).
"""

from __future__ import annotations

import pytest

from services.adapters.local.pii_presidio import PresidioPiiDetector
from tests.adapters.local.pii_support import masked, touched


@pytest.mark.parametrize(("text", "value"), [
    ("Are Tim Hortons vouchers accepted in the app checkout?", "Tim Hortons"),
    ("The kiosk at Whitefield told me to call you.", "Whitefield"),
    ("Waarom is mijn Albert Heijn pakket nog niet geleverd vandaag?", "Albert Heijn"),
    ("Mi primo dice que Carlos Slim regala saldo, ¿es cierto?", "Carlos Slim"),
    ("Sent 3,000 bob to till number 8830154 by mistake, please reverse", "8830154"),
])
def test_look_alikes_stay_unmasked(tagged: PresidioPiiDetector, text: str, value: str) -> None:
    assert not touched(tagged, text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("Opening an account online, it asks for my SIN 734-118-205, is that safe?", "734-118-205"),
    ("Debited R250 twice, my ID 910427 0836 185, please sort it out", "910427 0836 185"),
    ("Ma carte d'assurance maladie TREM 7705 2214 est expirée, que faire?", "TREM 7705 2214"),
    ("UPI transfer of ₹480 failed but amount deducted, kindly check. Rahul Deshpande 9870012345", "9870012345"),
    ("For the record my date of birth is the 21st of March 1979, not 1978.", "the 21st of March 1979"),
    ("Please deliver to Lot 9, Phase 3, Old Harbour Glades, St. Catherine before noon", "St. Catherine"),
    ("Please deliver to Lot 9, Phase 3, Old Harbour Glades, St. Catherine before noon",
     "Lot 9, Phase 3, Old Harbour Glades, St. Catherine"),
])
def test_forms_masked_whole(tagged: PresidioPiiDetector, text: str, value: str) -> None:
    assert masked(tagged, text, value)


@pytest.mark.parametrize(("text", "first", "firm"), [
    ("Goedemiddag, ik ben Marloes van Dijk Installatietechniek en bel over de factuur.", "Marloes",
     "van Dijk Installatietechniek"),
    ("Hoi, ik ben Femke Bakker Bouw, ik wil een abonnement.", "Femke", "Bakker Bouw"),
])
def test_a_firms_name_after_its_owner_leaves_the_first_name_masked(tagged: PresidioPiiDetector, text: str,
                                                                   first: str, firm: str) -> None:
    assert masked(tagged, text, first)
    assert not touched(tagged, text, firm)


@pytest.mark.parametrize(("text", "value"), [
    ("UPI ref 512094883310 for ₹1,200, order 7788123456 not delivered", "7788123456"),
    ("UPI ref 512094883310 for ₹1,200, order 7788123456 not delivered", "512094883310"),
])
def test_order_numbers_in_rupee_messages_stay_unmasked_when_cued(tagged: PresidioPiiDetector, text: str,
                                                                 value: str) -> None:
    assert not touched(tagged, text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("My name is Tremaine Hamilton and my line is down", "Tremaine Hamilton"),
    ("Please pass this to Tremaine Pack in billing", "Tremaine Pack"),
    ("Please call Ngozika Oyelaran on 0733 218 904 after five", "Ngozika Oyelaran"),
    ("Please call Ngozika Oyelaran on 0733 218 904 after five", "0733 218 904"),
    ("The technician, Oyelaran Mbeki, never showed up in Hamilton", "Oyelaran Mbeki"),
    ("My till is fine but call me on 0722 410 883 about the refund", "0722 410 883"),
    ("Ich bin Ngozika Brandt und habe eine Frage zur Rechnung", "Ngozika Brandt"),
])
def test_guards_names_and_phones_stay_masked(tagged: PresidioPiiDetector, text: str, value: str) -> None:
    assert masked(tagged, text, value)
