"""Session 38 (candidate 38-4): a kept reference that a caller reads back when the agent asks for it (a PAC, a member
id, a meter, a booking code, a waybill, a CRN, a plate, a policy, a Kundennummer, a telecom's account number) is not
masked as a phone, a name or an id; the look-alikes stay masked: an answer to a bank account's, a national id's or a
phone's question, a second thing said after the reference, a name given instead, a UK UTR, a form's fields."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_ref_answers
from services.adapters.local.pii_fast import RulesPiiDetector
from services.adapters.local.pii_presidio import PresidioPiiDetector
from services.models import PiiSpan


@pytest.fixture(scope="module")
def detector() -> PresidioPiiDetector:
    return PresidioPiiDetector()


def _masked(spans: list[PiiSpan], text: str, value: str) -> bool:
    start = text.index(value)
    return any(s.start < start + len(value) and start < s.end for s in spans)


# (text, the kept reference, PII of the same message that stays masked or "")
_KEPT = [
    ("agent: lovely. and your PAC?\ncaller: PZK 771 304\nagent: and the name on the account?\ncaller: Imogen Fairweather",
     "PZK 771 304", "Imogen Fairweather"),
    ("rep: member id please\ncaller: XRT 552 018 364\nrep: and your date of birth\ncaller: 4 March 1979",
     "XRT 552 018 364", "4 March 1979"),
    ("agent: member id on the card?\ncaller: W Z K four four one eight two seven three oh\nagent: thanks",
     "W Z K four four one eight two seven three oh", ""),
    ("wakala: karibu. namba ya mita tafadhali\nmteja: four four one nine two zero zero seven three one six\n"
     "wakala: asante", "four four one nine two zero zero seven three one six", ""),
    ("mitarbeiter: Ihre Kundennummer?\nanruferin: 7 2 0 4 4 1 9 6\nmitarbeiter: danke", "7 2 0 4 4 1 9 6", ""),
    ("agent: cn number please\ncaller: six six zero four, one two nine, eight seven\nagent: ok", "six six zero four, one "
     "two nine, eight seven", ""),
    ("sachbearbeiterin: Ihre Versicherungsscheinnummer bitte\nkunde: 987 / 65 432 10 - b\nsachbearbeiterin: danke",
     "987 / 65 432 10 - b", ""),
    ("agent: awb number?\ncaller: nine one one four, three zero eight eight, two two seven six\nagent: noted",
     "nine one one four, three zero eight eight, two two seven six", ""),
    ("agent: sure, policy number\ncaller: LIC 612 449 803", "LIC 612 449 803", ""),
    ("agent: thanks for calling Lumen Energy, can I take your account number?\ncaller: it's 6610 4472 09\n"
     "agent: and the postcode?\ncaller: BS7 8QD", "6610 4472 09", "BS7 8QD"),
    ("agent: and the reg of the other car?\ncaller: bravo tango six eight, x-ray lima kilo\nagent: noted",
     "bravo tango six eight, x-ray lima kilo", ""),
    ("temsilci: abone numaranız?\narayan: 20 5513 7788\ntemsilci: teşekkürler", "20 5513 7788", ""),
    ("operatore: mi dà il numero di spedizione?\ncliente: zero tre tre sette otto due zero zero quattro uno\n"
     "operatore: grazie", "zero tre tre sette otto due zero zero quattro uno", ""),
]


@pytest.mark.parametrize(("text", "kept", "personal"), _KEPT)
def test_a_reference_read_back_is_kept_and_the_rest_masked(detector: PresidioPiiDetector, text: str, kept: str,
                                                           personal: str) -> None:
    spans = detector.find(text)
    assert not _masked(spans, text, kept), [text[s.start:s.end] for s in spans]
    if personal:
        assert _masked(spans, text, personal)


@pytest.mark.parametrize(("text", "kept"), [
    ("agent: thanks. and your PAC?\ncaller: PZK 771 304", "PZK 771 304"),
    ("mitarbeiter: Ihre Kundennummer?\nanruferin: 7 2 0 4 4 1 9 6", "7 2 0 4 4 1 9 6"),
    ("agent: i can help. your crn?\ncaller: four one two, five five six, seven seven eight k",
     "four one two, five five six, seven seven eight k"),
    ("agent: member id on the card?\ncaller: W Z K four four one eight two seven three oh",
     "W Z K four four one eight two seven three oh"),
])
def test_the_rules_only_detector_keeps_it_too(text: str, kept: str) -> None:
    spans = RulesPiiDetector().find(text)
    assert not _masked(spans, text, kept), [text[s.start:s.end] for s in spans]


@pytest.mark.parametrize(("text", "value"), [
    ("agente: ¿el código de reserva?\ncliente: p de pedro, x, siete, w, dos, m\nagente: gracias",
     "p de pedro, x, siete, w, dos, m"),
    ("sachbearbeiter: danke. das Kennzeichen?\nkundin: h wie heinrich, b wie berta, dann zwei null eins neun",
     "h wie heinrich, b wie berta, dann zwei null eins neun"),
    ("agente: ¿la matrícula del coche?\ncliente: cuatro cero nueve dos, be ka erre", "cuatro cero nueve dos, be ka erre"),
    ("agent: you're through to claims, can I take the policy number?\ncaller: yeah it's H O M 5 5 0 2 1 9",
     "H O M 5 5 0 2 1 9"),
    ("agent: vehicle number?\ncaller: k a one two three four dash five five", "k a one two three four dash five five"),
    ("[00:01:12] agent: dạ chị cho em số hợp đồng\n[00:01:15] khách hàng: HNI-FTTH-0071245",
     "HNI-FTTH-0071245"),
    ("ejen: boleh beri nombor akaun elektrik?\npemanggil: two two zero zero, one four five eight, eight three",
     "two two zero zero, one four five eight, eight three"),
])
def test_the_value_read_back_is_found(text: str, value: str) -> None:
    start = text.index(value)
    assert (start, start + len(value)) in pii_ref_answers.reference_answers(text)


@pytest.mark.parametrize(("text", "personal"), [
    # a bank account's question (a bank named, or money paid to the account)
    ("agent: Redwood Savings, can I take your account number?\ncaller: four four one two, zero nine eight, seven seven "
     "three", "four four one two, zero nine eight, seven seven three"),
    ("agent: and which account did you pay it to?\ncaller: 4471 2290 3381", "4471 2290 3381"),
    # a national id's, a phone's question
    ("agent: and your national insurance number for the claim\ncaller: q q one two, three four, five six c",
     "q q one two, three four, five six c"),
    ("agent: policy number and a contact number?\ncaller: 07700 900 412", "07700 900 412"),
    ("réceptionniste: votre numéro d'immatriculation ?\npatient: un deux quatre huit, huit trois un, zéro sept",
     "un deux quatre huit, huit trois un, zéro sept"),
    # a UK UTR (ten digits) is a taxpayer's
    ("adviser: and your utr\ncaller: six two oh four four one nine three eight seven",
     "six two oh four four one nine three eight seven"),
    # a second thing after the reference; a name given instead of it
    ("agent: policy number?\ncaller: it's 4471 2290, and my mobile is 07700 900 412", "07700 900 412"),
    ("agent: booking reference?\ncaller: it's under Marisol Quintero", "Marisol Quintero"),
    # a form's fields, a mail's head
    ("Betreff: Ihre Vertragsnummer\nTelefon: 0171 2345678", "0171 2345678"),
])
def test_look_alikes_are_not_references(text: str, personal: str) -> None:
    start = text.index(personal)
    assert not any(a <= start < b for a, b in pii_ref_answers.reference_answers(text))


def test_only_spans_inside_the_value_are_dropped() -> None:
    text = "agent: plate number please\ncaller: KX19 ABC and the driver was Dario Vukovic"
    name = text.index("Dario")
    spans = [PiiSpan("PERSON", text.index("ABC"), text.index("ABC") + 3, 0.8),
             PiiSpan("PERSON", name, name + len("Dario Vukovic"), 0.8)]
    assert pii_ref_answers.drop_reference_answers(text, spans) == spans[1:]


def test_long_input_is_fast() -> None:
    text = ("agent: policy number?\ncaller: " + "four " * 2000 + "\n") * 200
    started = time.perf_counter()
    pii_ref_answers.reference_answers(text)
    assert time.perf_counter() - started < 2.0
