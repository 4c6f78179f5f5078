"""Session 22, fixer session27c (blind27c: payments, banking, lending, insurance, payroll, tax and id checks).

What the local detector must mask — a bank account of 6-17 digits, plain or grouped, after an account cue in a message
about a bank ("account 2210 4471", "a/c no 0011 8830 2291 7"), the answer line after "… account number?" in a
dialogue, the account after "refund to:" / "pay into", a mistyped second account after "I typed"; an Emirates ID, a
Malaysian MyKad, a Philippine TIN / SSS number, a Hong Kong ID with its bracketed check digit, an Aadhaar number given
a sentence after its cue, the first digits of a card a customer starts and corrects, a date of birth after "b.", the
full name after "my accountant" / "my solicitor" — and what it must leave unmasked: a customer's account number at a
utility or telecom, a bank's branch read as a person, a hire car's plate read as an address, look-alike numbers
(an order, a booking, a date, an amount, a phone). Every sentence is new (none is from a labelled set).
"""

from __future__ import annotations

import pytest

from tests.adapters.local.pii_support import masked, touched


@pytest.mark.parametrize(("text", "value"), [
    ("BSB 082-401 and account 2210 4471 please, the refund for the Fiji cruise is late", "2210 4471"),
    ("Savings a/c no 0011 8830 2291 7 at Equity, kindly reverse the charge", "0011 8830 2291 7"),
    ("Routing 026009593\nAcct # 7730 2291 84\nfor the wire recall", "7730 2291 84"),
    ("KCB acc no. 1320 4471 9928 0, reverse the double charge", "1320 4471 9928 0"),
    ("Please pay my salary into account 004418772305 with Stanbic Bank from next month.", "004418772305"),
    ("Refund to: 6220 4419 0871 (Absa), branch code 632005. Thanks", "6220 4419 0871"),
    ("Agent: and the account number please?\nCaller: 40 8812 2290 3\nAgent: thanks, the debit order is there",
     "40 8812 2290 3"),
    ("Sort code 30-96-12, account 55120489, but I typed 55120498 in the transfer screen", "55120498"),
    ("Paid into the wrong acc at Absa - 62014477 instead of 62014471, please help", "62014471"),
    ("Pag-IBIG MID 1211-4472-9983 for my housing loan", "1211-4472-9983"),
    ("NRIC S 7702 194 J for the CPF claim", "S 7702 194 J"),
    ("Please update the payroll file: Emirates ID 784-1991-7730418-2 for Omar", "784-1991-7730418-2"),
    ("For the loan, my MyKad is 910427-10-5573 and my salary slip is attached", "910427-10-5573"),
    ("Borang cukai: NRIC 830915-08-6621, please process", "830915-08-6621"),
    ("BIR form 2316 shows the wrong TIN 218-443-907-000, please correct", "218-443-907-000"),
    ("My SSS number is 34-5511820-7 for the salary loan", "34-5511820-7"),
    ("HKID: M 448217 (3) for the insurance claim", "M 448217 (3)"),
    ("The claimant's identity card is Z683365(A), the policy is attached", "Z683365(A)"),
    ("KYC asks for Aadhaar again. It is 7731 2280 4419, linked to my mobile.", "7731 2280 4419"),
    ("the card is 5412 7731 ... wait, let me get the rest", "5412 7731"),
    ("My grandmother Efua Boateng (b. 02/09/1939) has lost her bank card", "02/09/1939"),
    ("the child savings account shows the date of birth as 3rd of August 2016, is that right?", "3rd of August 2016"),
    ("I authorise you to discuss my tax return with my accountant Marisol Achterberg.", "Marisol Achterberg"),
    ("Our solicitor, Chidera Langford-Obi, will send the probate papers", "Chidera Langford-Obi"),
    ("Regards, Tremaine Bank, Nedbank account holder", "Tremaine Bank"),
])
def test_banking_and_id_numbers_are_masked(tagged, text, value):
    assert masked(tagged, text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("My broadband bill doubled, account 44120873, please check the tariff", "44120873"),
    ("Gas meter reading 04412 for account 77120349", "77120349"),
    ("Order 2210 4471 arrived broken, refund please", "2210 4471"),
    ("Booking 784-1991 for two nights in Dubai", "784-1991"),
    ("Transfer fee was 1 250 000 IDR, account opened 2019", "1 250 000"),
    ("The transfer to HDFC Bank Whitefield branch failed twice", "Bank Whitefield"),
    ("Car 8812 KLM, pick-up Porto airport, the hire desk charged twice", "Car 8812 KLM"),
    ("My broker Interactive Brokers blocked the transfer", "Interactive Brokers"),
    ("My staff account 4488129 still shows last month's salary slip", "4488129"),
    ("Bank: Nedbank\nAccount number: 1190 4471 28\nBranch code: 198765\nType: savings", "198765"),
    ("Please credit my account 150 000 KES by bank transfer today", "150 000"),
    ("Our supplier's TIN 331-208-447 is on the invoice, please update the vendor file", "331-208-447"),
    ("Invoice INV-2291 (b. 2024) was paid from the bank", "2024"),
])
def test_look_alikes_stay_unmasked(tagged, text, value):
    assert not touched(tagged, text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("Payment to 0712 345 678 by M-Pesa failed, refund please", "0712 345 678"),
    ("my HKID is P1234567(8)... sorry, the bank needs it", "P1234567(8)"),
])
def test_phones_and_invalid_ids_are_not_bank_accounts(rules, text, value):
    spans = [s for s in rules.find(text) if s.kind == "BANK_ACCOUNT"]
    start = text.index(value)
    assert not any(s.start < start + len(value) and start < s.end for s in spans)
