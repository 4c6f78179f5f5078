"""Session 38, candidate 38-6: a 7-8 digit local number a payment is sent to (a mobile wallet, PayNow, BenefitPay,
M-PAiSA, a top-up) and its mistyped or intended twin, a service short code after a call's, a text's or a forward's word
("Call 100", "ring 1177", "SMS from 7275", "forwarded it to 7726", "attente au 3900") and a grouped local number that
signs a line after a name are masked as a PHONE (pii_short_phones), by the default detector and the rules-only one;
amounts, references, bank accounts, dates, times, counts and years stay unmasked. The examples are made up in the
shapes of the seen sets' misses."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_short_phones
from services.adapters.local.pii_fast import RulesPiiDetector
from services.adapters.local.pii_presidio import PresidioPiiDetector
from tests.pii_rules_support import phones


@pytest.fixture(scope="module")
def detector() -> PresidioPiiDetector:
    return PresidioPiiDetector()



def found(text: str) -> list[str]:
    return [text[s:e] for _, s, e, _ in pii_short_phones.find_short_phones(text)]


TRANSFERS = [
    # Fiji, the wrong number and the right one a digit apart
    ("Bula vinaka, I sent $90 M-PAiSA to 9371 426 but it was wrong number, the right one is 9371 462. Vinaka",
     ["9371 426", "9371 462"]),
    # Singapore, PayNow-ed, "meant"
    ("Hi OCBC, I PayNow-ed S$65 to 8261 3094 by mistake, meant 8261 3049. Pls help", ["8261 3094", "8261 3049"]),
    # Bahrain, BenefitPay, "instead of"
    ("Sent BD 18 with BenefitPay to 3621 7740 instead of 3621 7704 this morning", ["3621 7740", "3621 7704"]),
    # Tonga, a top-up on a number
    ("Malo e lelei, I topped up TOP$15 on 884 2130 but no credit came through", ["884 2130"]),
    # Fijian words: "ki na naba cala" (to the wrong number), "na naba dodonu" (the right number)
    ("Bula, au a vakauta $60 ena M-PAiSA ki na naba cala 936 4417. Na naba dodonu 936 4471. Vinaka",
     ["936 4417", "936 4471"]),
    # Tok Pisin: "long rong namba", "salim long"
    ("Gude, mi salim K40 long rong namba 7341 8826, mi laik salim long 7341 8862", ["7341 8826", "7341 8862"]),
    # Samoa, a wallet on a number in two-two-three groups; one run of seven digits
    ("I sent WST 150 to my uncle on 76 44 219 but he got nothing", ["76 44 219"]),
    ("paid $75 on M-PAiSA to 9442718 instead of 9442781", ["9442718", "9442781"]),
    # a wallet's number right after the wallet's name
    ("my M-PAiSA wallet 926 3318 is locked after three wrong PINs", ["926 3318"]),
    # Malta, Maltese "lil" (to)
    ("bgħatt €25 lil 7933 5120 permezz ta' Revolut imma ma waslux", ["7933 5120"]),
]


@pytest.mark.parametrize(("text", "expected"), TRANSFERS)
def test_a_number_a_payment_is_sent_to_is_masked(detector: PresidioPiiDetector, text: str,
                                                  expected: list[str]) -> None:
    masked = phones(detector, text)
    for phone in expected:
        assert phone in masked


CODES = [
    ("Dear customer, your MoMo PIN is never requested by our staff. Call 100 for help.", "100"),
    ("Airtel: your PIN was reset. If you did not request this call 121 111.", "121 111"),
    ("Hej! Inga tider denna vecka. Ring 1177 för rådgivning.", "1177"),
    ("The mParking SMS from 7275 says I paid till 16:10, please cancel the fine", "7275"),
    ("Got a fake parcel text, forwarded it to 7726 like the bank said", "7726"),
    ("Une heure d'attente au 3900 pour rien, lamentable.", "3900"),
    ("please stop these SMS from 8558, they deduct Rs 5 every day", "8558"),
    ("Text STOP to 88440 to end the subscription", "88440"),
    ("Llamé al 1004 tres veces y nadie contesta", "1004"),
    ("Kui midagi veel vaja, helistage 5621 3094.", "5621 3094"),
    ("Soan KT gui 191 de kiem tra goi cuoc", "191"),
    ("UPC aapko 1900 pe SMS karna hoga", "1900"),
    ("Vid akuta besvär, ring 1177 eller 113 13", "113 13"),
]


@pytest.mark.parametrize(("text", "code"), CODES)
def test_a_short_code_after_a_call_or_a_text_is_masked(detector: PresidioPiiDetector, text: str, code: str) -> None:
    assert code in phones(detector, text)


SIGNED = [
    ("My ID card was not recognised at the counter. Can you help? – Josianne Camilleri, 7933 4418", "7933 4418"),
    ("Hei, sønnen min er syk i dag. Hilsen Kari Haugen, 917 44 203", "917 44 203"),
    ("Jeg kan også træffes på 26 71 48 05.\n\nVenlig hilsen\nMette", "26 71 48 05"),
    ("Jeg bor på Nørrebrogade 12, 2200 København N. Mvh Jonas Berg, 31 62 47 19", "31 62 47 19"),
]


@pytest.mark.parametrize(("text", "phone"), SIGNED)
def test_a_grouped_number_that_signs_a_line_is_masked(detector: PresidioPiiDetector, text: str, phone: str) -> None:
    assert phone in phones(detector, text)


@pytest.mark.parametrize(("text", "phone"), [
    (TRANSFERS[1][0], "8261 3094"), (TRANSFERS[2][0], "3621 7704"), (CODES[2][0], "1177"), (CODES[5][0], "3900"),
    (SIGNED[0][0], "7933 4418"),
])
def test_the_rules_only_detector_masks_them_too(text: str, phone: str) -> None:
    assert phone in phones(RulesPiiDetector(), text)


@pytest.mark.parametrize("text", [
    # counts, times, durations, years, USSD codes, a call's noun
    "Call 2 of 3 dropped again",
    "I have called 100 times and nobody answers",
    "please call 300 customers about the outage",
    "call me at 1530 please",
    "ring 30 min before you arrive",
    "we sent the SMS to 300 people",
    "I got an SMS from 2023 about this",
    "dial *544# to check your bundle",
    "the call 1234 was dropped",
    "a silver ring 925 hallmark",
    "there is a band called 311",
    "tell me the answer to 1000 divided by 40",
    "call me back on 07700 nine double oh",
    "call 100 or 200 times if you must",
    # a channel's label opening the message
    "SMS to 2020: STOP. wrong number, not me",
    # amounts and dates near a transfer
    "I paid on 12.03.2024 and on 20240312",
    "I transferred 1 234 567 VND on 1.234.567 to them",
    "The amount of 1 250 000 was sent to 1 500 000",
    # a bank account's number, before or after its word
    "transferred £500 to 12345678 sort code 20-00-00",
    "sent £200 to account 12345678",
    "BSB 063-182, sent $400 to 1044 7723 should be 1044 7732",
    "i wan send ₦45,000 with OPay to 8913435581 GTBank",
    # references, tills, orders, PINs, a card's last digits
    "refund for order 44120933 please",
    "sent KES 7,500 via M-Pesa to till 5218447 instead of 5218474",
    "paid via PayNow to UEN 201912345K",
    "topped up $20 on my card ending 4471",
    "Transaction 12345678 sent to you",
    # no payment spoken of; a street after the number
    "sent the parcel to 1234 567 last week",
    "I moved and need my statements sent to 402-1550 Alberni St, Vancouver",
    # one run after a name, a firm's number
    "Student: Ana Lopez, 20418832",
    "Acme Joinery Ltd, 04829176",
])
def test_look_alikes_are_not_taken(text: str) -> None:
    assert found(text) == []


def test_long_hostile_inputs_stay_fast() -> None:
    started = time.perf_counter()
    for text in ("sent $1 to 1234 567 " * 1_000, "call 100 " * 2_500, "Andrea Vella, 7912 4438\n" * 900,
                 "PayNow to 9155 5027 instead of 9155 5072 " * 500, "1 " * 10_000, "call me at " * 2_000,
                 "Mvh Kari Lund, " * 1_300 + "915 55 318", "9" * 20_000, "- 12 " * 5_000):
        assert len(pii_short_phones.find_short_phones(text)) <= pii_short_phones.CAP
    assert time.perf_counter() - started < 10
