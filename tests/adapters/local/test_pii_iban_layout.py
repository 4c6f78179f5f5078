"""Session 17: IBANs whose check digits fail (mistyped, or made up in a test set, still the customer's number).

Before, the rule for one right after "IBAN"/"account"… read the number together with the word after it ("… 3249 32
thanks" never had the country's length), so only a number at the end of a line or before punctuation was masked; and
a number printed in the IBAN's own layout without a cue was left in the clear. The masked cases fail on 2858cb2;
the look-alikes are guards."""

from __future__ import annotations

import pytest

from tests.adapters.local.pii_support import masked


@pytest.mark.parametrize(("text", "value"), [
    # after a cue, a word follows the number
    ("my iban is DE27 3702 0500 0008 8112 04 thanks a lot", "DE27 3702 0500 0008 8112 04"),
    ("IBAN FR14 2004 1010 0505 0001 3M02 607 por favor reembolsad", "FR14 2004 1010 0505 0001 3M02 607"),
    ("Konto: AT48 3200 0000 1234 5865 bitte bis Freitag", "AT48 3200 0000 1234 5865"),
    # printed in the IBAN's layout, no cue, any case
    ("refund it to es21 1465 0100 7219 0003 6571 pls", "es21 1465 0100 7219 0003 6571"),
    ("send it to NL02 RABO 0313 8725 41 when you can", "NL02 RABO 0313 8725 41"),
    ("pt50-0035-0651-0000-0874-1309-3 is mine", "pt50-0035-0651-0000-0874-1309-3"),
])
def test_an_iban_with_failing_check_digits_is_masked_whole(rules, text, value):
    assert masked(rules, text, value)


def test_a_valid_iban_is_masked_as_before(rules):
    text = "IBAN DE89 3704 0044 0532 0130 00 thanks"
    assert masked(rules, text, "DE89 3704 0044 0532 0130 00")


@pytest.mark.parametrize("text", [
    "order BW12 3456 7890 1234 5678 hasn't shipped",  # not a country with an IBAN
    "parcel DE44 5001 0517 54 arrived damaged",  # Germany's IBAN has 22 characters, this 14
    "voucher ES12 ABCD EFGH IJKL MNOP QRST for the spa",  # the account part is letters
    "tracking FR7630001007941234567890186 still pending",  # no layout, no cue, fails mod 97
])
def test_look_alikes_stay(rules, text):
    assert [s for s in rules.find(text) if s.kind == "IBAN"] == []
