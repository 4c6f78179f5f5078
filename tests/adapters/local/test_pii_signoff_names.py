"""Session 36, candidate 36-6: a short first name, a nickname or initials signing a message — after a sign-off of
one of the languages our messages mix, a dash or a slash, or alone as its last words after a number, a question or a
request — is masked as a PERSON (pii_signoff_names), whether or not a list knows it; a team, a firm, a place, a
courtesy word or an ordinary word in that place is not. The examples are made up."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_signoff_names
from services.adapters.local.pii_presidio import PresidioPiiDetector


@pytest.fixture(scope="module")
def detector() -> PresidioPiiDetector:
    return PresidioPiiDetector(crf=True, person_check=True)


def masked(detector: PresidioPiiDetector, text: str) -> list[str]:
    return [text[s.start:s.end] for s in detector.find(text) if s.kind == "PERSON"]


def signers(text: str) -> list[str]:
    return [text[start:end] for _, start, end, _ in pii_signoff_names.find_signoff_names(text)]


@pytest.mark.parametrize(("text", "name"), [
    # after a sign-off, in several languages
    ("Can you move the delivery to Friday? My new mobile is 07700 900 455. Thanks, Bex", "Bex"),
    ("The boiler is leaking again, flat 3. Cheers, Kit", "Kit"),
    ("Bitte die Rechnung noch einmal schicken, Kundennummer 4471230. Danke, Jojo", "Jojo"),
    ("¿Me pueden devolver el importe del pedido 88120? Saludos, Nacho", "Nacho"),
    ("Merci de me rappeler avant jeudi. Bises, Lou", "Lou"),
    ("Il pacco non è mai arrivato, ordine 55120. Grazie, Toto", "Toto"),
    ("A fatura veio duplicada, nº 4471. Obrigada, Tati", "Tati"),
    ("Kunnen jullie de afspraak verzetten naar dinsdag? Groetjes, Fenne", "Fenne"),
    ("Kan ni ringa mig på fredag? Tack, Pelle", "Pelle"),
    ("Przesyłka 5512 nie dotarła. Dzięki, Kuba", "Kuba"),
    ("Prosím o novou fakturu, číslo 2210. Díky, Kuba 777 210 331", "Kuba"),
    ("A számla összege hibás, 18 400 Ft helyett 14 800 Ft. Köszi, Zsolti", "Zsolti"),
    ("Vă rog să verificați factura 7712. Mersi, Bogdi", "Bogdi"),
    ("the power's been out since 6am on our road, any update? ngā mihi Ani", "Ani"),
    ("Please cancel order 44120.\n\nThanks,\nRoz", "Roz"),
    # after a dash or a slash that starts the signature, and what may follow it
    ("Tenant in 4B reports a leak, callback 020 7946 0412. – TR", "TR"),
    ("Kan någon titta på tvättmaskinen i dag? /Lasse, Storgatan 4, lgh 1101", "Lasse"),
    ("Parcel left at the wrong door again, 12 Elm Row. — Fliss", "Fliss"),
    # alone, as the last words after a number, a question or a request
    ("Your payment of £40 went to account 20-45-77 63018842 as agreed. Kenzie", "Kenzie"),
    ("Can someone call me back about ticket 5521? Bram", "Bram"),
])
def test_a_short_name_signing_is_masked(detector: PresidioPiiDetector, text: str, name: str) -> None:
    assert name in masked(detector, text)


@pytest.mark.parametrize("text", [
    "Please reset my password. Thanks, Team",
    "Your case 4471 is closed. Cheers, Support",
    "Invoice 2210 attached. Regards, Accounts",
    "The policy 55120 has been renewed. – HR",
    "Card on file ends 4471, check your records. Thanks",
    "Sorted the refund for order 5512. Cheers, Legend",
    "Invoice 7712 is overdue. Regards, Management",
    "Happy birthday, see you at 7! Love, Mum",
    "Order 5512 still missing after 3 weeks. Disgusting.",
    "El pedido 4471 no llegó. Saludos, Equipo",
    "Rechnung 2210 anbei. Viele Grüße, Ihr Kundenservice",
    "Ordine 7712 spedito. Cordiali saluti, Amministrazione",
    "Bestelling 5512 is verzonden. Met vriendelijke groet, Klantenservice",
    "Can you fix my bill, ref 4471? Pozdrawiam",
    "Delivery to 14 Main St, Navan, Co. Meath",
    "Open 8:00–16:00, Mon–Fri",
    "Shop 12 is Thistle & Thread",
])
def test_a_team_a_courtesy_word_or_a_place_is_not_a_signer(text: str) -> None:
    assert signers(text) == []


def test_a_word_of_the_sentence_before_is_not_a_signer() -> None:
    assert signers("We still have no support for order 4471. Support") == []


def test_a_name_inside_the_last_sentence_is_not_a_signer() -> None:
    assert signers("Thanks Rowan for the quick reply on ticket 4471") == []


def test_common_acronyms_are_no_initials() -> None:
    assert signers("Refund for order 4471 please, asap. – FYI") == []
    assert signers("Refund for order 4471 please. OK") == []


def test_the_detector_keeps_the_sign_off_and_masks_the_name(detector: PresidioPiiDetector) -> None:
    text = "Can you confirm the new direct debit of £35 from 1 March? Ta, Jem"
    assert masked(detector, text) == ["Jem"]


def test_a_long_input_stays_fast() -> None:
    text = ("word " * 20_000 + "Thanks, " + " " * 50_000 + "x" * 50_000 + "\n" * 30_000 + "Cheers, Em")[:200_000]
    began = time.perf_counter()
    pii_signoff_names.find_signoff_names(text)
    pii_signoff_names.find_signoff_names(" " * 200_000)
    pii_signoff_names.find_signoff_names("Hi. " * 50_000)
    assert time.perf_counter() - began < 2.0
