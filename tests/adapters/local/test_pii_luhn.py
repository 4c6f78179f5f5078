"""Session 40: the detectors share one Luhn check (services.privacy.luhn_valid), which reads any script's digits; a
card typed in Arabic-Indic or Devanagari digits is found by the rules-only detector as by the default one."""

from __future__ import annotations

import pytest

from services import privacy
from services.adapters.local.pii_fast import RulesPiiDetector
from services.errors import InvalidInput


@pytest.mark.parametrize(("digits", "valid"), [
    ("4539148803436467", True), ("4539148803436468", False), ("79927398713", True),
    ("٤٥٣٩١٤٨٨٠٣٤٣٦٤٦٧", True), ("४५३९१४८८०३४३६४६७", True), ("٤٥٣٩١٤٨٨٠٣٤٣٦٤٦٨", False),
])
def test_one_luhn_check_reads_every_scripts_digits(digits: str, valid: bool) -> None:
    assert privacy.luhn_valid(digits) is valid


@pytest.mark.parametrize("value", ["4539 1488", "45391488x", None, 4539148803436467])
def test_the_luhn_check_refuses_what_is_no_run_of_digits(value: object) -> None:
    with pytest.raises(InvalidInput):
        privacy.luhn_valid(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", [
    "رقم البطاقة ٤٥٣٩ ١٤٨٨ ٠٣٤٣ ٦٤٦٧ شكرا",
    "card ४५३९ १४८८ ०३४३ ६४६७ please",
])
def test_a_card_in_native_digits_is_masked_by_the_rules_only_detector(text: str) -> None:
    spans = RulesPiiDetector().find(text)
    assert [s.kind for s in spans] == ["CARD"], spans
