"""Session 33 (issue 21): a firm's name at the head of a business address stays readable; the street and town are
still masked, and a house's name stays inside the address."""

from __future__ import annotations

import pytest

from services.adapters.local.pii_presidio import PresidioPiiDetector


@pytest.fixture(scope="module")
def detector() -> PresidioPiiDetector:
    return PresidioPiiDetector(crf=True, person_check=True)


def addresses(detector: PresidioPiiDetector, text: str) -> list[str]:
    return [text[s.start:s.end] for s in detector.find(text) if s.kind == "ADDRESS"]


@pytest.mark.parametrize(("text", "firm", "street"), [
    ("Please send the card to my work address instead: Kestrel Engineering, Unit 9, Brindley Business Park, Cannock "
     "WS11 0JR", "Kestrel Engineering", "Unit 9, Brindley Business Park"),
    ("Fakturaadress: Lindholm Konsult AB, Box 1142, 111 81 Stockholm", "Lindholm Konsult AB", "Box 1142"),
    ("Rechnung bitte an: Brenner Metallbau GmbH, Industriestraße 9, 74076 Heilbronn", "Brenner Metallbau GmbH",
     "Industriestraße 9"),
])
def test_the_firms_name_heading_an_address_is_kept(detector: PresidioPiiDetector, text: str, firm: str,
                                                     street: str) -> None:
    found = addresses(detector, text)
    assert not any(firm in a or a in firm for a in found), found
    assert any(street in a for a in found), found


@pytest.mark.parametrize(("text", "whole"), [
    ("Please deliver to Oakfield Farm, Long Lane, Ludlow SY8 1AB", "Oakfield Farm, Long Lane, Ludlow SY8 1AB"),
    ("my address is Rose Cottage, 4 Church Lane, Hove BN3 1EH", "Rose Cottage, 4 Church Lane, Hove BN3 1EH"),
])
def test_a_homes_name_stays_inside_the_address(detector: PresidioPiiDetector, text: str, whole: str) -> None:
    assert whole in addresses(detector, text)
