"""Session 33 (candidate 33-2): the letters of a reference, policy, plate, booking or case number that a caller reads
out when the agent asks for it are not masked as a name ("agent: policy number please\\ncaller: LA/MTR/2026/004471");
the caller's name in the same call still is. The kept-name cases guard what the pass must not take: a name spelled
when a name is asked for, a name on the turn that gives the reference, a question that asks for no number."""

from __future__ import annotations

import itertools
import time

import pytest

from services.adapters.local import pii_reference_letters
from services.adapters.local.pii_presidio import PresidioPiiDetector
from services.models import PiiSpan


@pytest.fixture(scope="module")
def detector() -> PresidioPiiDetector:
    return PresidioPiiDetector(crf=True, person_check=True)


def masked(detector: PresidioPiiDetector, text: str) -> list[str]:
    return [text[s.start:s.end] for s in detector.find(text)]


@pytest.mark.parametrize(("text", "letters", "name"), [
    ("agent: policy number please\ncaller: LA/MTR/2026/004471\nagent: and your name\ncaller: Grace Mwangi",
     "LA", "Grace Mwangi"),
    ("agent: citation number\ncaller: MT 4471 2290\nagent: name on the pass\ncaller: Keisha Brown", "MT",
     "Keisha Brown"),
    ("agent: booking reference please\ncaller: K as in kilo, seven, T\nagent: and the lead passenger\n"
     "caller: Adaeze Nwankwo", "K", "Adaeze Nwankwo"),
    ("agent: and the plate\ncaller: NJ X47 KRP\nagent: callback number?\ncaller: 973 555 0182 its Greg Haverford",
     "NJ", "Greg Haverford"),
    ("agent: file reference please\ncaller: CMB UL 44120\nagent: and your name\ncaller: Nimal Perera", "CMB",
     "Nimal Perera"),
    ("agent: patient number\ncaller: AKU 00 44 1928\nagent: and your name\ncaller: Wanjiru Kamau", "AKU",
     "Wanjiru Kamau"),
])
def test_the_letters_of_a_reference_read_out_are_not_a_name(
        detector: PresidioPiiDetector, text: str, letters: str, name: str) -> None:
    found = masked(detector, text)
    assert not any(letters in m for m in found), found
    assert name in found, found


@pytest.mark.parametrize(("text", "name"), [
    ("agent: can I take your surname\ncaller: K U M A R", "K U M A R"),
    ("agent: name on the policy\ncaller: MT Okafor", "MT Okafor"),
    ("agent: policy number please\ncaller: MT 4471 2290 and it's under Keisha Brown", "Keisha Brown"),
    ("agent: name and policy number please\ncaller: MT 4471 2290", "MT"),
    ("agent: how can I help\ncaller: MT 4471 2290", "MT"),
])
def test_a_name_near_a_reference_stays_masked(detector: PresidioPiiDetector, text: str, name: str) -> None:
    assert any(name in m for m in masked(detector, text)), masked(detector, text)


def _span(text: str, value: str, at: int = 0) -> PiiSpan:
    start = text.index(value, at)
    return PiiSpan("PERSON", start, start + len(value), 0.9)


@pytest.mark.parametrize(("text", "value"), [
    ("agent: policy number please\ncaller: AMY 4471", "AMY"),  # a given name we know
    ("agent: booking reference please\ncaller: K U M A R 4 4 1", "K U M A R"),  # 5 letters, but under 12: dropped
])
def test_the_filter_reads_given_names_and_letter_counts(text: str, value: str) -> None:
    spans = [_span(text, value)]
    kept = pii_reference_letters.without_reference_letters(text, spans)
    assert kept == (spans if value == "AMY" else [])


def test_letters_borne_by_another_name_stay() -> None:
    text = "agent: policy number please\ncaller: MT 4471\nagent: and the holder\ncaller: MT Okafor"
    spans = [_span(text, "MT"), _span(text, "MT Okafor")]
    assert pii_reference_letters.without_reference_letters(text, spans) == spans


def test_a_long_run_of_letters_stays() -> None:
    text = "agent: case number please\ncaller: A B C D E F G H I J K L M 44"
    spans = [_span(text, "A B C D E F G H I J K L M")]
    assert pii_reference_letters.without_reference_letters(text, spans) == spans


def test_many_turns_are_read_in_linear_time() -> None:
    groups = ["".join(g) for g in itertools.islice(itertools.product("BCDFGHJKLMNPRSTVWXZ", repeat=4), 20000)]
    text = "".join(f"agent: policy number please\ncaller: {g} 4471 2290\n" for g in groups)
    spans = [PiiSpan("PERSON", i * 51 + 36, i * 51 + 40, 0.9) for i in range(len(groups))]
    assert text[spans[-1].start:spans[-1].end] == groups[-1]
    start = time.process_time()
    kept = pii_reference_letters.without_reference_letters(text, spans)
    assert time.process_time() - start < 2.0
    assert kept == []


@pytest.mark.parametrize(("text", "value"), [
    ("agent: claim number please\ncaller: LA-MTR-2026-004471", "LA-MTR"),
    ("agent: booking reference please\ncaller: x as in x-ray, 4, k", "x"),
    ("agent: Kennzeichen bitte\nkunde: M-KA 4471", "M-KA"),
])
def test_letters_joined_by_dashes_or_spelled_are_read(text: str, value: str) -> None:
    assert pii_reference_letters.without_reference_letters(text, [_span(text, value)]) == []
