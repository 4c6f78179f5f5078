"""Session 44 (44-9): an address told by plots, zones, crosses, estates, gates and landmarks is one ADDRESS, the
landmark written into it included, and a Ghana digital address alone is one; a landmark, a mall or an area named
alone, a "near …" clause ending the address and references shaped like a digital address stay readable."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_landmark_addresses
from services.adapters.local.pii_fast import RulesPiiDetector


@pytest.fixture(scope="module")
def fast() -> RulesPiiDetector:
    return RulesPiiDetector()


def one_span(detector, text: str, value: str) -> bool:
    """Is the value inside one ADDRESS span?"""
    start = text.index(value)
    return any(s.kind == "ADDRESS" and s.start <= start and start + len(value) <= s.end for s in detector.find(text))


def masked(detector, text: str, value: str) -> bool:
    start = text.index(value)
    return any(s.start < start + len(value) and start < s.end for s in detector.find(text))


CHAINS = [
    # Nigeria, Pidgin: a crescent off an avenue, the town, the landmark last
    ("Abeg the rider no fit find me. I dey No 9, Oduduwa Crescent, off Allen Avenue, Ikeja, opposite Mr Biggs. "
     "Call 0803 555 2211", "No 9, Oduduwa Crescent, off Allen Avenue, Ikeja, opposite Mr Biggs", "0803 555 2211"),
    # Kenya, Sheng: area, avenue, the gate's colour and a landmark, then the house
    ("Msee wa delivery hajafika. Niko Kahawa West, 4th avenue, gate ya green opposite Quickmart, house 22. Pigia "
     "0722 555 118", "Kahawa West, 4th avenue, gate ya green opposite Quickmart, house 22", "Niko"),
    # Kenya, English: the landmark in the middle of the chain
    ("Please deliver to Plot 31, Ngong Road, opposite Prestige Plaza, Kilimani, Nairobi. Order KE-88120",
     "Plot 31, Ngong Road, opposite Prestige Plaza, Kilimani, Nairobi", "KE-88120"),
    # Ghana: house, area, a landmark, the suburb and the town
    ("hi my order was due Tuesday. deliver to House 9, Okponglo, near the Shell filling station, East Legon, Accra, "
     "call 055 771 9921", "House 9, Okponglo, near the Shell filling station, East Legon, Accra", "055 771 9921"),
    # India, Hinglish: wing and flat, the building, a landmark inside, the suburb, the town and PIN
    ("bhaiya delivery boy ko bolo B-704, Shivalik Heights, Near Sai Baba Mandir, Kandivali East, Mumbai 400101 pe "
     "aana hai", "B-704, Shivalik Heights, Near Sai Baba Mandir, Kandivali East, Mumbai 400101", "aana"),
    # Pakistan: house, street, DHA phase, the town
    ("PTCL line dead since Monday. Address house 52-C, street 9, DHA phase 6, Lahore. pls send lineman",
     "house 52-C, street 9, DHA phase 6, Lahore", "lineman"),
    # Qatar: zone, street, building, flat
    ("rider: sir where is your building?\ncustomer: zone 61, street 940, building 12, flat 4",
     "zone 61, street 940, building 12, flat 4", "rider"),
    # Dubai: villa, street, area, emirate
    ("Please change my delivery address to villa 27, street 14, Al Barsha 2, Dubai. Thanks",
     "villa 27, street 14, Al Barsha 2, Dubai", "Thanks"),
    # a call's turn in lower case: plot number in words, road, a landmark, the area
    ("agent: and the address?\ncaller: plot number forty four, kamiti road, next to the green church, zimmerman"
     "\nagent: thank you", "plot number forty four, kamiti road, next to the green church, zimmerman", "agent"),
    # Swahili: the third house after a landmark, the gate
    ("wakala: uko wapi\nmpigaji: ruiru, nyumba ya tatu baada ya shell petrol station, gate nyeusi\nwakala: asante",
     "ruiru, nyumba ya tatu baada ya shell petrol station, gate nyeusi", "wakala"),
]


@pytest.mark.parametrize(("text", "value", "kept"), CHAINS)
def test_a_chain_told_by_its_parts_and_landmarks_is_one_address(detector, fast, text: str, value: str,
                                                                  kept: str) -> None:
    assert one_span(detector, text, value), value
    assert one_span(fast, text, value), value
    assert not one_span(detector, text, kept)  # the words around the chain are no part of it


DIGITAL = [
    ("Pls my parcel make una deliver am to GW-418-2207, near Achimota Mall. Call me when u reach", "GW-418-2207"),
    ("I stay at AK-039-5521 (behind the Kejetia market). Thanks, Yaw", "AK-039-5521"),
    ("Name: Efua Mensah\nPhone: +233 24 555 8812\nGE-231-4471, Accra", "GE-231-4471"),
]


@pytest.mark.parametrize(("text", "value"), DIGITAL)
def test_a_ghana_digital_address_alone_is_an_address(detector, fast, text: str, value: str) -> None:
    assert one_span(detector, text, value)
    assert one_span(fast, text, value)


def test_a_near_clause_ending_the_address_and_a_reference_like_a_digital_address_stay_readable(detector) -> None:
    text = ("My digital address is GA-183-5521, policy HH-2291-7730, invoice RE-2024-0412. Deliver to Hse 14, Kiambu "
            "Road, opposite Ridgeways Mall, Nairobi, near Two Rivers mall. Thanks")
    assert one_span(detector, text, "GA-183-5521")
    assert one_span(detector, text, "Hse 14, Kiambu Road, opposite Ridgeways Mall, Nairobi")
    for kept in ("HH-2291-7730", "RE-2024-0412", "Two Rivers mall"):
        assert not masked(detector, text, kept), kept


def test_a_landmark_or_a_mall_named_alone_is_no_address() -> None:
    for text in ("rider: hello sir, i'm near Lulu Hypermarket, where is your building?",
                 "The branch opposite Shoprite on Allen Avenue, Ikeja was closed again",
                 "Gate 12, terminal 2, near the Costa: the flight boards at 9",
                 "Room 12, Block 3, near the lifts, has no heating",
                 "choque en la A-7 cerca de Marbella, el conductor huyó",
                 "the bus is 40 minutes away, stay behind the barrier",
                 "Order GA-2024-4471 was refunded, ticket NL-2023-1182 closed"):
        found = [*pii_landmark_addresses._chains(text), *pii_landmark_addresses.find_digital_addresses(text)]
        assert not [f for f in found if len(f) == 2 or f[2] is not None], text


def test_a_long_message_is_read_fast() -> None:
    text = ("plot 14, " * 3000) + ("opposite the, near a, " * 3000) + "GA-183-8164 " * 2000
    start = time.perf_counter()
    pii_landmark_addresses.with_landmark_addresses(text, [], [])
    assert time.perf_counter() - start < 2.0
