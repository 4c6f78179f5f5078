"""Session 46 (candidate 46-5): a masked signer's surname inside the firm's name under the signature ("Karsten
Vogel\\nVogel Haustechnik GmbH", "Ciarán Doyle\\nDoyle & Nolan Solicitors", "Studio Pellegrini Commercialisti") is a
PERSON span of its own, the firm's other words and its legal form unmarked; a firm named after no one the message
masks, a partner's surname, a street, a web address and an ordinary word stay readable."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_firm_namesakes
from services.adapters.local.pii_fast import RulesPiiDetector
from services.adapters.local.pii_presidio import PresidioPiiDetector
from services.models import PiiSpan


def _persons(detector: PresidioPiiDetector | RulesPiiDetector, text: str) -> list[str]:
    return [text[s.start:s.end] for s in detector.find(text) if s.kind == "PERSON"]


def _masked(spans: list[PiiSpan], text: str, value: str, nth: int = 0) -> bool:
    start = -1
    for _ in range(nth + 1):
        start = text.index(value, start + 1)
    return any(s.start < start + len(value) and start < s.end for s in spans)


# (message, the firm's line, the surname that must be masked inside it)
_SIGNED = [
    ("Sehr geehrte Frau Albers,\n\nanbei das Angebot für den Austausch der Therme (3.480 € netto). Die Montage wäre in "
     "KW 12 möglich.\n\nMit freundlichen Grüßen\nKarsten Vogel\nVogel Haustechnik GmbH\nTel. 0511 447 2210",
     "Vogel Haustechnik GmbH", "Vogel"),
    ("Dear Ms Whelan,\n\nPlease find the draft contract attached. Completion is planned for 14 March.\n\n"
     "Kind regards,\nCiarán Doyle\nSolicitor\nDoyle & Nolan Solicitors\n22 Fitzwilliam Place, Dublin 2",
     "Doyle & Nolan Solicitors", "Doyle"),
    ("Buongiorno sig.ra Conti,\n\nle invio il modello F24 da pagare entro il 16 giugno.\n\nCordiali saluti\n"
     "Dott. Matteo Pellegrini\nStudio Pellegrini Commercialisti\n02 4471 9920",
     "Studio Pellegrini Commercialisti", "Pellegrini"),
    ("Geachte heer Smits,\n\nHierbij de factuur voor het schilderwerk aan de achtergevel.\n\nMet vriendelijke groet,\n"
     "Pieter Jansen\nJansen Schilderwerken BV\nKvK 58123499",
     "Jansen Schilderwerken BV", "Jansen"),
    ("Madame, Monsieur,\n\nVeuillez trouver ci-joint le devis pour la toiture.\n\nCordialement,\nJulien Marchetti\n"
     "Marchetti & Fils SARL\n04 91 22 18 40", "Marchetti & Fils SARL", "Marchetti"),
    ("Hola Marta,\n\nte paso el presupuesto de la reforma del baño, 4.200 € más IVA.\n\nUn saludo,\nJavier Ortega\n"
     "Reformas Ortega S.L.\n611 204 889", "Reformas Ortega S.L.", "Ortega"),
]


@pytest.mark.parametrize(("text", "firm", "surname"), _SIGNED)
def test_the_signers_surname_in_the_firms_name_is_masked(tagged: PresidioPiiDetector, text: str, firm: str,
                                                          surname: str) -> None:
    spans = tagged.find(text)
    at = text.index(firm) + firm.index(surname)
    assert any(s.kind == "PERSON" and (s.start, s.end) == (at, at + len(surname)) for s in spans), \
        [text[s.start:s.end] for s in spans]
    rest = text.index(firm) + len(firm)
    assert not any(s.kind == "PERSON" and s.start < rest and at + len(surname) < s.end for s in spans)  # the trade


def test_a_particle_surname_is_masked_whole(tagged: PresidioPiiDetector) -> None:
    text = ("Beste mevrouw Peeters,\n\nIn bijlage de factuur voor de dakwerken.\n\nMet vriendelijke groeten,\n"
            "Koen Van Damme\nDakwerken Van Damme bv\n03 288 41 90")
    at = text.rindex("Van Damme")
    assert any(s.kind == "PERSON" and (s.start, s.end) == (at, at + 9) for s in tagged.find(text))


_KEPT = [
    # a firm named after no one the message masks
    ("Hi, my boiler was serviced by Brennan Heating Ltd last week and they left a leak. Can someone call me back?",
     "Brennan"),
    # a partner's surname in the firm's name
    ("Dear Mr Shah,\n\nThe transfer is booked for Friday.\n\nKind regards,\nAoife Doyle\nDoyle & Nolan Solicitors",
     "Nolan"),
    # a street named like the signer
    ("Hallo Herr Kraus,\n\ndie Lieferung kommt morgen.\n\nViele Grüße\nJonas Becker\nBeckerstraße 12, 30159 Hannover",
     "Beckerstraße"),
    # the firm's web address
    ("Hello,\n\nthe new price list is on www.fletcher-roofing.example.\n\nThanks,\nSam Fletcher\n"
     "fletcher-roofing.example", "fletcher-roofing"),
]


@pytest.mark.parametrize(("text", "value"), _KEPT)
def test_what_names_no_masked_person_stays(tagged: PresidioPiiDetector, text: str, value: str) -> None:
    spans = [s for s in tagged.find(text) if s.kind == "PERSON"]
    start = text.rindex(value)
    assert not any(s.start < start + len(value) and start < s.end for s in spans), [text[s.start:s.end] for s in spans]


def test_the_rules_detector_masks_it_too() -> None:
    text = ("Sehr geehrte Damen und Herren,\n\nbitte überweisen Sie den Betrag bis Monatsende.\n\n"
            "Mit freundlichen Grüßen\nThomas Brenner\nBrenner Metallbau GmbH")
    spans = RulesPiiDetector().find(text)
    assert _masked(spans, text, "Thomas Brenner")
    assert _masked(spans, text, "Brenner", nth=1)


def test_the_surname_is_read_from_a_full_name_only() -> None:
    assert pii_firm_namesakes._surname("Thomas Vogel") == ("Vogel",)
    assert pii_firm_namesakes._surname("Karsten Vogel", alone=True) == ("Vogel",)  # a signature's name line
    assert pii_firm_namesakes._surname("Koen Van Damme") == ("Van", "Damme")
    assert pii_firm_namesakes._surname("R. Hennessy") == ("Hennessy",)
    assert pii_firm_namesakes._surname("Duncan Fairbairn ACA") == ("Fairbairn",)
    assert pii_firm_namesakes._surname("Vogel") is None  # one word
    assert pii_firm_namesakes._surname("Dott. Pellegrini") is None  # a title and a surname
    assert pii_firm_namesakes._surname("Associate\nHartley") is None  # over a line break
    assert pii_firm_namesakes._surname("Kilbride Fresh") is None  # no given name first: a firm's
    assert pii_firm_namesakes._surname("Kilbride Fresh", alone=True) == ("Fresh",)  # a signature's line alone


def test_no_span_comes_without_a_masked_full_name() -> None:
    text = "Vogel Haustechnik GmbH\nVogel Haustechnik GmbH"
    assert pii_firm_namesakes.with_firm_namesakes(text, [], []) == []
    spans = [PiiSpan("PERSON", 0, 5, 0.8)]  # "Vogel" alone: no full name
    assert pii_firm_namesakes.with_firm_namesakes(text, spans, []) == spans


def test_linear_on_a_long_hostile_message() -> None:
    text = "Karsten Vogel\n" + "Vogel Vogel & " * 15000
    spans = [PiiSpan("PERSON", 0, 13, 0.9)]
    began = time.perf_counter()
    out = pii_firm_namesakes.with_firm_namesakes(text, spans, [])
    assert time.perf_counter() - began < 0.5
    assert len(out) <= 1 + pii_firm_namesakes.CAP
