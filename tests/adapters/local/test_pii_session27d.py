"""Session 22, fixer session27d: CVV as a detected kind, and families of blind19c/21c/22/22b/23/23b/23c's errors.

What the local detector must mask — a card's CVV/CVC given in clear, as kind ``CVV`` (after its name, after a weak
cue such as "security code" when a card is named before it, right after a card number and its expiry), masked
``[CVV]`` like the ingestion's redaction — and what it must leave unmasked: a CVV named with no code ("CVV not
included", "what is a CVV?", "security code 4 digits?"), an amount or an alarm's code after such a word; a business
read as a person by its trade word ("Thornvale Bank", "Apex Biotech", "Atelier Moreau"); a reference's letters before
its digits ("account QX-…"); a day and month without a year after a dated DOB; an order number that starts with its
date; a code read aloud in answer to a customer/contract/reference-number or vehicle-registration question; a
dialogue turn's first lower-case word before "it"/"on"/"of"; an agent's company after "soy X de …"; a code's word
run into a name. Guards: people named so stay masked (a name before "Bank"'s legal look-alike, a first name with
"Lodge", a DOB with its own cue, a phone after its cue). Every sentence is new (none is a labelled set's).
"""

from __future__ import annotations

import pytest

from services import privacy
from services.models import PiiSpan
from tests.adapters.local.pii_support import found, masked, touched


@pytest.mark.parametrize(("text", "value"), [
    ("Card: 5425 2334 3010 9903\nExpiry: 02/29\nCVC: 614\nName: Oksana Hrytsenko", "614"),
    ("hola, tarjeta 4539 1488 0343 6467 caduca 09/28 cvv 208 para la reserva", "208"),
    ("Visa 4024 0071 8853 4408, security code 7719, please charge the deposit", "7719"),
    ("Paying for the Nairobi tour: card 4916 3384 1129 0076 exp 12/27 CVV2: 553", "553"),
    ("amex card, card verification number 3302 — can you process it by phone?", "3302"),
    ("Mastercard 5555 5555 5555 4444 03/30 871", "871"),
])
def test_cvv_is_masked(rules, text, value):
    assert masked(rules, text, value)
    assert ("CVV", value) in found(text)


def test_cvv_mask_reads_like_the_redaction(rules):
    text = "my debit card 4111 1111 1111 1111, cvv 902, thanks"
    spans = [s for s in rules.find(text) if s.kind == "CVV"]
    assert [text[s.start:s.end] for s in spans] == ["902"]
    assert "[CVV]" in privacy.mask(text, spans) and "[CVV]" in privacy.redact_payment_data(text)


@pytest.mark.parametrize(("text", "value"), [
    ("Payment details sent by phone, CVV not included of course. Order 66120.", "66120"),
    ("what is a CVV? my bank in Accra never asked for one, ref 5521", "5521"),
    ("is the security code 4 digits? the card says 1234 on the front", "1234"),
    ("The CVV check failed on my R450 top-up yesterday", "450"),
    ("the alarm security code 4821 doesn't work since the engineer visited", "4821"),
    ("cvv 123.45 was charged? no, the fee was 123.45 dollars", "123"),
    ("CVC mismatch error 4032 when I pay for the Lisbon hostel", "4032"),
])
def test_cvv_look_alikes_stay_unmasked(rules, text, value):
    assert not touched(rules, text, value)
    assert not any(kind == "CVV" for kind, _ in found(text))


@pytest.mark.parametrize(("text", "value"), [
    ("I'm a Thornvale Bank customer in Leeds and a payment of £42 is not mine.", "Thornvale Bank"),
    ("Please invoice Apex Biotech for the Zurich conference seats.", "Apex Biotech"),
    ("Regards,\nProcurement, Granite Ridge Supply", "Granite Ridge Supply"),
    ("The keys are with reception at Driftwood Lodge, Margate.", "Driftwood Lodge"),
    ("Bonjour, nous sommes l'Atelier Moreau à Lyon et la facture est fausse.", "Atelier Moreau"),
    ("My account QX-558201 shows a fee I never agreed to", "QX"),
    ("> From: Kestrelmoor Bank <alerts@kestrelmoor-secure.co>\n> Please verify your login\n\nTomás Ferreira",
     "Kestrelmoor Bank"),
    ("Dear Mr Okafor,\nYour meter will be read on 3 March.\nEastern Grid", "Eastern Grid"),
    ("Beneficiary: SUNRISE MOBILES\nAmt: 12,499.00", "SUNRISE MOBILES"),
    ("Bonjour, ici l'Atelier Ravel, votre commande est prête.", "Ravel"),
])
def test_businesses_and_codes_stay_unmasked(tagged, text, value):
    assert not touched(tagged, text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("Patient: Rohan Mehta | DOB: 04/11/1979 | Slot: Fri 18 Sep after 3pm", "18 Sep"),
    ("My daughter (DOB 22/03/2015) needs her check-up moved from 9 Oct to half term.", "9 Oct"),
    ("Order 20250314-55821 arrived broken, please replace it", "20250314-55821"),
    ("Agent: can I take your customer number please\nCaller: three oh two two nine one four", "three oh two"),
    ("Agent: votre numéro de contrat svp\nClient: huit deux six un quatre zéro", "huit deux"),
    ("Agent: and the vehicle reg\nCaller: k m twenty one, p r t", "twenty one"),
    ("[09:14:02] Agent: The refund is done.\n[09:14:30] Customer: appreciate it", "appreciate"),
    ("Caller: hang on let me find it", "hang"),
    ("Caller: thanks, that's tomasz wrona booking r k eight eight one", "booking"),
    ("Patient: Kwame Asante | DOB 12/08/1984 | Requested: Mon 14 Sep morning", "14 Sep"),
    ("Agent: Ihre Vertragsnummer bitte\nKunde: drei acht null eins fünf sechs zwei", "drei acht"),
    ("[10:01:10] Agent: Your refund is processed.\n[10:01:40] Customer: finally! took ages", "finally"),
    ("Agent: I'll read the terms now\nCustomer: none of that applies to me", "none"),
    ("Agent: Guten Tag, hier ist Jonas von BahnMobil\nKunde: Hallo\nJonas: Wie kann ich helfen?", "BahnMobil"),
    ("Caller: yeah it's priyanka raman booking k t four four one nine", "booking"),
])
def test_look_alikes_stay_unmasked(tagged, text, value):
    assert not touched(tagged, text, value)


def test_agent_company_cut_from_the_name(tagged):
    text = ("[11:02] Valentina: Hola, soy Valentina de Ruta Andina, ¿en qué te ayudo?\n[11:03] Cliente: perdí mi "
            "equipaje\n[11:04] Valentina: Lo siento mucho")
    assert masked(tagged, text, "Valentina")
    assert not touched(tagged, text, "Ruta Andina")


@pytest.mark.parametrize(("text", "value"), [
    ("Please call Deborah Lodge on 07700 900 412 about the booking.", "Deborah Lodge"),
    ("Thanks for sorting it,\nregards, Olusegun Bank", "Olusegun Bank"),
    ("From: Kwabena Lodge <kwabena.lodge@gmail.com>\nSubject: my booking", "Kwabena Lodge"),
    ("Patient: Rohan Mehta | DOB: 04/11/1979 | born 4 Nov, not 11 Apr", "4 Nov"),
    ("Agent: your mobile number please\nCaller: oh seven nine one one, four four two, eight eight one", "oh seven"),
    ("Caller: thanks, that's tomasz wrona booking r k eight eight one", "tomasz wrona"),
    ("soy María de la Cruz Benítez y quiero cambiar mi vuelo", "María de la Cruz"),
    ("My date of birth is 14 June 1990, not 6 April — please fix the form. Shreya Kapoor", "6 April"),
    ("Factura a nombre de Taller Quiroga SL. Contacto: Esteban Quiroga, 611 204 387", "Quiroga"),
    ("speaker 1: your surname?\nspeaker 2: tolliver that's t-o-l-l-i-v-e-r", "tolliver"),
    ("hi its about listing ref k nine nine two, can you call me back on oh seven four one one, two two eight, "
     "nine oh three", "oh seven four"),
])
def test_people_and_numbers_stay_masked(tagged, text, value):
    assert masked(tagged, text, value)


def test_cvv_kind_is_named_everywhere():
    from services.adapters.aws import comprehend
    from services.adapters.local import drafter

    assert comprehend.PII_KINDS["CREDIT_DEBIT_CVV"] == "CVV"
    assert drafter._CASE_SPECIFIC.search("the code [CVV] was sent")
    assert privacy.mask("cvv 123", [PiiSpan("CVV", 4, 7)]) == "cvv [CVV]"
