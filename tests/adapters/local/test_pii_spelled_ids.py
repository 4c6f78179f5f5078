"""Session 30 (issue 21): national ids read out with their letters in a call are masked; a spelled name, postcode or
reference after an id's question is not. The positive cases fail on the code before (be35a59)."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_spelled_ids
from services.adapters.local.pii_presidio import PresidioPiiDetector


@pytest.fixture(scope="module")
def detector() -> PresidioPiiDetector:
    return PresidioPiiDetector(crf=True, person_check=True)


def ids(detector: PresidioPiiDetector, text: str) -> list[str]:
    return [text[s.start:s.end] for s in detector.find(text) if s.kind == "NATIONAL_ID"]


@pytest.mark.parametrize(("text", "value"), [
    ("agent: can you confirm your national insurance number\ncaller: yeah it's p r one two, three four, five six, b\n"
     "agent: thanks", "p r one two, three four, five six, b"),
    ("agent: and your nric please\ncaller: t zero one four four eight two nine j\nagent: thank you",
     "t zero one four four eight two nine j"),
    ("agent: i need your pan for the kyc\ncaller: b q r p s double four one nine k\nagent: ok",
     "b q r p s double four one nine k"),
    ("agent: and the kra pin on the invoice\ncaller: p oh five one two two eight four four one z\nagent: noted",
     "p oh five one two two eight four four one z"),
])
def test_an_id_read_out_with_its_letters_is_masked(detector: PresidioPiiDetector, text: str, value: str) -> None:
    assert value in ids(detector, text)


def test_a_misheard_id_and_its_correction_are_both_masked(detector: PresidioPiiDetector) -> None:
    text = ("agent: your national insurance number please\ncaller: s t four four, one two, nine nine, a\n"
            "agent: was that s t four four one two nine nine a\ncaller: no sorry, s t four four one two nine eight a")
    found = ids(detector, text)
    assert "s t four four one two nine eight a" in found and "s t four four, one two, nine nine, a" in found


@pytest.mark.parametrize("text", [
    # a postcode and a spelled surname after the id's question: no id's shape
    "agent: and your ni number\ncaller: i don't have it on me, but the postcode is b s one five two a y\n"
    "agent: and the surname\ncaller: o k o r o",
    # an id's shape with no id named before it
    "caller: my booking code is q q one two three four five six c",
])
def test_spelled_look_alikes_are_not_ids(detector: PresidioPiiDetector, text: str) -> None:
    assert ids(detector, text) == []


def test_hostile_input_stays_linear() -> None:
    for unit in ("a ", "one ", "double ", "nric a b ", "pan one, "):
        text = unit * (200_000 // len(unit))
        start = time.thread_time()
        list(pii_spelled_ids.find_spelled_ids(text))
        assert time.thread_time() - start < 5
