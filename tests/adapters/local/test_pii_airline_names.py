"""Session 34 (issue 21, 34-3): a passenger's name as a ticket writes it (SURNAME/GIVEN NAMES, the title after) is
masked, whole; references, code pairs and routes written with a slash stay readable."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_airline_names
from services.adapters.local.pii_presidio import PresidioPiiDetector


@pytest.fixture(scope="module")
def detector() -> PresidioPiiDetector:
    return PresidioPiiDetector(crf=True, person_check=True)


def names(detector: PresidioPiiDetector, text: str) -> list[str]:
    return [text[s.start:s.end] for s in detector.find(text) if s.kind == "PERSON"]


@pytest.mark.parametrize(("text", "name"), [
    ("my e-ticket says MWANGI/JOSPHAT MR, the passport has JOSEPHAT. can you fix before friday", "MWANGI/JOSPHAT"),
    ("la reserva está a nombre de FERNÁNDEZ RUIZ/MARTA y el pasaporte dice FERNANDEZ RUIZ/MARTA ELENA",
     "FERNÁNDEZ RUIZ/MARTA"),
    ("Le billet indique DUBOIS/AMELIE MME, merci de corriger en DUBOIS/AMÉLIE", "DUBOIS/AMELIE"),
    ("boarding pass printed as Kowalczyk/Agnieszka Ms — is that ok for the gate?", "Kowalczyk/Agnieszka"),
    ("PNR 6TQW2L: passenger ODUYA/TEMITOPE MRS, seat 23C", "ODUYA/TEMITOPE"),
])
def test_a_ticket_name_is_masked_whole(detector: PresidioPiiDetector, text: str, name: str) -> None:
    found = names(detector, text)
    assert any(name in f and "/" in f for f in found), found


@pytest.mark.parametrize("text", [
    "policy HL/PEN/229184 renewed, claim MC/LAG/2024/0418 open",
    "flight LHR/JFK tomorrow, please send the DNI/NIE form and the SWIFT/BIC code",
    "date format DD/MM please, and the TPS/TVQ on the invoice",
    "ticket QF/ADL/5521 for the AC/DC concert",
])
def test_slash_references_and_code_pairs_are_not_names(text: str) -> None:
    assert list(pii_airline_names.find_airline_names(text)) == []


def test_a_letter_to_sir_or_madam_and_an_office_pair_stay_readable(detector: PresidioPiiDetector) -> None:
    text = ("Dear Sir/Madam,\nmy booking name is wrong on the ticket.\nRespected Sir/Madam, the Belastingdienst/Toeslagen "
            "letter about my booking is attached.")
    assert names(detector, text) == []


def test_a_long_run_of_slashes_is_read_quickly() -> None:
    text = "SMITH/JOHN " * 20_000 + "AB/CD/" * 20_000 + "/" * 100_000
    started = time.process_time()
    found = list(pii_airline_names.find_airline_names(text))
    assert len(found) <= pii_airline_names.CAP
    assert time.process_time() - started < 5
