"""Session 22: two span forms that are never anyone's data, whichever finder tags them.

Found on real traffic by a retrained CRF tagger that was tried and not shipped (docs/models.md, "Session 22"). Never a
name: a word with one letter three times in a row ("Hiiiii", "Sooooo") — whichever finder tagged it.
Never an address: a device's spec (two sizes with a unit of memory, frequency or battery, or an Intel "i7"), while a
postcode's inward code such as "6TB" alone keeps the address. Every sentence is new (none is from a labelled set).
"""

from __future__ import annotations

import pytest

from services.adapters.local.pii_presidio import _s22_crf_unlikely
from services.models import PiiSpan
from tests.adapters.local.pii_support import masked, touched


@pytest.mark.parametrize(("text", "value"), [
    ("my parcel still says out for delivery after 4 days, Hiiiii anyone there??", "Hiiiii"),
    ("Third outage this week. Sooooo done with this provider", "Sooooo"),
    ("Helloooo is anybody reading these DMs", "Helloooo"),
])
def test_a_word_with_a_letter_three_times_in_a_row_is_no_name(tagged, text, value):
    assert not touched(tagged, text, value)


@pytest.mark.parametrize(("text", "value"), [
    ("Anyway thanks Maaike for sorting it", "Maaike"),
    ("Please post it to Flat 4, 22 Orchard Row, Leeds LS6 2QT thanks - Nkechi", "Nkechi"),
    ("Deliver to 8 Tern Close, Corby NN17 6TB please", "8 Tern Close, Corby NN17 6TB"),
])
def test_names_with_double_letters_and_addresses_with_a_postcode_like_a_size_stay_masked(tagged, text, value):
    assert masked(tagged, text, value)


def _span(text: str, value: str, kind: str) -> PiiSpan:
    start = text.index(value)
    return PiiSpan(kind, start, start + len(value), 0.9)


@pytest.mark.parametrize(("value", "kind", "dropped"), [
    ("Pro 15.4 Retina 2.6 Ghz i7 8gb 500gb", "ADDRESS", True),
    ("Ultra 6.8 inch 12GB 256GB", "ADDRESS", True),
    ("Flat 2, 9 Quarry Hill, Wakefield WF1 6TB", "ADDRESS", False),
    ("Unit 3, 40 Mill Lane, Bolton BL1 2GB", "ADDRESS", False),
    ("Sooooo", "PERSON", True),
    ("Aaron Hill", "PERSON", False),
    ("Siobhan Mac Giolla", "PERSON", False),
])
def test_the_session_22_rule_reads_the_span_itself(value, kind, dropped):
    text = f"note: {value} end"
    assert _s22_crf_unlikely(text, _span(text, value, kind)) is dropped


@pytest.mark.parametrize(("said", "others", "digits"), [
    ("oh seven double four, nine", True, "07449"),
    ("seis uno dos 3", True, "6123"),
    ("one two er three", True, "12er3"),
    ("one two er three", False, "123"),
    ("triple five ... oh one", False, "55501"),
])
def test_a_number_read_out_gives_its_digits_one_way_for_every_rule(said, others, digits):
    from services.adapters.local.pii_rules import spoken_digits

    assert spoken_digits(said, others) == digits
