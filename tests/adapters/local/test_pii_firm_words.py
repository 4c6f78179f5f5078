"""Session 32 (issue 21): a team or department that signs ("Regards, Credit Control") and a firm named with a trade
word of another language ("Van Dijk Logistiek B.V.", "Vltava Tisk s.r.o.") are not a person's name; a surname that
someone in the message bears stays masked inside the firm's name, and a sole trader's own name stays masked. The
team cases and the Vltava and Nordvik firms were masked as names on the code before (8630943); my paraphrases of
"Van Dijk Logistiek" and "Keller Metallbau" were not, and stay as guards."""

from __future__ import annotations

import pytest

from services.adapters.local import pii_presidio, pii_rules
from services.adapters.local.pii_presidio import PresidioPiiDetector


@pytest.fixture(scope="module")
def detector() -> PresidioPiiDetector:
    return PresidioPiiDetector(crf=True, person_check=True)


def names(detector: PresidioPiiDetector, text: str) -> list[str]:
    return [text[s.start:s.end] for s in detector.find(text) if s.kind == "PERSON"]


@pytest.mark.parametrize(("text", "team"), [
    ("Your payment of £1,204.00 was received, thank you. Regards, Credit Control", "Credit Control"),
    ("We are pleased to invite you to interview.\n\nKind regards\nHelen Price\nTalent Acquisition", "Acquisition"),
    ("Please quote the invoice number on every payment.\n\nCash Allocation", "Allocation"),
])
def test_a_team_that_signs_is_not_a_name(detector: PresidioPiiDetector, text: str, team: str) -> None:
    assert not any(team in n or n in team for n in names(detector, text)), names(detector, text)


@pytest.mark.parametrize(("text", "firm"), [
    ("please note that from 1 May all payments to Van Dijk Logistiek B.V. must go to our new account", "Dijk"),
    ("Vendor master update\nName: Vltava Tisk s.r.o.\nIČO: 27184051", "Vltava"),
    ('---- Forwarded ----\nFrom: "Keller Metallbau" <rechnung@keller-metallbau.example.de>\nBitte prüfen', "Keller"),
    ("Beneficiary: Nordvik Components AS\nBank: DNB", "Nordvik"),
])
def test_a_firm_named_with_a_trade_word_is_not_a_name(detector: PresidioPiiDetector, text: str, firm: str) -> None:
    assert not any(firm in n for n in names(detector, text)), names(detector, text)


@pytest.mark.parametrize(("text", "name"), [
    ("Mit freundlichen Grüßen\nFrank Olbrich\nOlbrich Hausverwaltung", "Frank Olbrich"),
    ("FAKTURA VAT 7/2025\nSprzedawca: Usługi Remontowe Marek Dąbrowski\nul. Słoneczna 3, 05-500 Piaseczno", "Marek Dąbrowski"),
    ("Rechnung Nr. 2025-117\nMalerbetrieb Ostermeier\nInh. Florian Ostermeier, Weilheimer Str. 4", "Ostermeier"),
    ("Met vriendelijke groet,\nJoost van Wijngaarden\nBouwbedrijf Van Wijngaarden B.V.\nIndustrieweg 41", "Van Wijngaarden"),
])
def test_a_name_inside_a_firms_name_stays_masked(detector: PresidioPiiDetector, text: str, name: str) -> None:
    assert any(name in n for n in names(detector, text)), names(detector, text)


def test_the_lists_hold_no_given_name_and_no_word_of_a_labelled_name(
        labelled_person_words: dict[str, frozenset[str]]) -> None:
    in_names = labelled_person_words["letters"]
    words = pii_presidio.DEPARTMENT_WORDS | pii_presidio.TRADE_WORDS
    assert not words & pii_rules.GIVEN_NAMES
    assert not words & in_names, sorted(words & in_names)
