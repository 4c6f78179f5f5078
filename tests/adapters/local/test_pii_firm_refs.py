"""Session 49 (candidate 49-1): a firm's or an authority's reference number — a booking, a loyalty or member card at an
insurer, a receipt, a ticket, a meter, a policy in a Slavic or Nordic language, a transaction, a bill — is kept, typed
or asked for and read back in a dialogue, whichever finder took it for a phone, an ID, a card or an account; a phone,
a payment card, a bank account and an ID beside it stay masked."""

from __future__ import annotations

import pytest

from services.adapters.local import pii_firm_refs
from services.adapters.local.pii_fast import RulesPiiDetector
from services.models import PiiSpan


def _masked(spans: list[PiiSpan], text: str, value: str) -> bool:
    start = text.index(value)
    return any(s.start < start + len(value) and start < s.end for s in spans)


# (text, the reference that stays, a personal number that stays masked or None)
_KEPT = [
    ("Dobrý den, hlásím pojistnou událost. Polica št. 52-0917736, škoda na střeše.", "52-0917736", None),
    ("Hi, Ref. No. 6024 553 998210 is the payment I made last night, can you check?", "6024 553 998210", None),
    ("Olá, tenho seguro Médis, cartão n.º 0529 9941 3328, e preciso de uma consulta. Telemóvel 912 345 678.",
     "0529 9941 3328", "912 345 678"),
    ("Hola, mi tarjeta de Sanitas es 0052 3388 9941 26 y me rechazaron la resonancia.", "0052 3388 9941 26", None),
    ("hi Vodacom, my postpaid bill 2-99523301 looks wrong this month", "2-99523301", None),
    ("Agent (Wanjiru): sawa, the meter number?\nCustomer (mama Otieno): 48 2660 1937 2\nAgent (Wanjiru): asante",
     "48 2660 1937 2", None),
    ("agent: thanks, and the IMEI?\ncaller: 359881044712936\nagent: got it", "359881044712936", None),
    ("Ciao, la SIM 8939 1022 5533 8812 904 non funziona più dopo il cambio operatore.",
     "8939 1022 5533 8812 904", None),
    ("Bonjour, mon compteur Linky 22 5519 8830 4417 affiche une erreur depuis lundi.", "22 5519 8830 4417", None),
    ("Hej! Min försäkring 55-2219874 gäller väl även cykeln? Mvh Karin, 070-123 45 67", "55-2219874",
     "070-123 45 67"),
]


@pytest.mark.parametrize(("text", "kept", "masked"), _KEPT)
def test_a_firms_reference_is_kept_and_the_persons_number_stays_masked(tagged, text, kept, masked):
    spans = tagged.find(text)
    assert not _masked(spans, text, kept), [text[s.start:s.end] for s in spans]
    if masked:
        assert _masked(spans, text, masked), [text[s.start:s.end] for s in spans]


# personal numbers the pass leaves alone: a phone asked for, a phone in a form after a reference's line, a payment
# card after a card's generic name, a person named Bill, a phone after a caller's turn that asked for a policy
_MASKED = [
    ("Agent: what's the best phone number to reach you?\nCustomer: 0412 3387 519", "0412 3387 519"),
    ("Invoice: 4471\nTel: 0412 3387 519", "0412 3387 519"),
    ("pagué el seguro con la tarjeta 4111 1111 1111 1111 ayer y no me llegó el recibo", "4111 1111 1111 1111"),
    ("Please call Bill 0412 555 123 tomorrow about the roof", "0412 555 123"),
    ("agent: and your mobile number for the policy?\ncaller: 0721 553 908", "0721 553 908"),
    ("Mi DNI es 44552213K y la póliza la tengo en casa.", "44552213K"),
    ("Buongiorno, rinnovo la Tessera Sanitaria di mia madre, numero tessera 80380000507654321098. Grazie",
     "80380000507654321098"),
    ("operator: proszę podać numer do przeniesienia\nklient: pięćset dwanaście, trzysta czterdzieści, siedemset "
     "osiemdziesiąt jeden\noperator: dziękuję", "pięćset dwanaście"),
]


@pytest.mark.parametrize(("text", "value"), _MASKED)
def test_a_persons_number_stays_masked(tagged, text, value):
    spans = tagged.find(text)
    assert _masked(spans, text, value), [text[s.start:s.end] for s in spans]


def test_the_rules_detector_keeps_the_reference_too():
    text = "Prijava štete – polica br. 0300-5519872, vozilo ZG 1234-AB. Kontakt: 091 234 5678"
    spans = RulesPiiDetector().find(text)
    assert not _masked(spans, text, "0300-5519872")
    assert _masked(spans, text, "091 234 5678")


def test_the_pass_drops_only_reference_spans():
    text = "Aeroplan number 518 220 914, phone 0412 555 123"
    spans = [PiiSpan("PHONE", text.index("518"), text.index("518") + 11, 0.9),
             PiiSpan("PHONE", text.index("0412"), text.index("0412") + 12, 0.9)]
    kept = pii_firm_refs.drop_firm_references(text, spans)
    assert [text[s.start:s.end] for s in kept] == ["0412 555 123"]
