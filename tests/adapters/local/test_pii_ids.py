"""Identity-document numbers after the document's name (session 25, services/adapters/local/pii_ids.py).

Through the whole detector (``pii_rules.find_all``) where it matters that nothing else drops the span, and through
``find_labelled_ids`` for what the pass alone must refuse."""

from __future__ import annotations

import pytest

from services.adapters.local import pii_ids
from tests.pii_rules_support import rules_cover


def _masked(text: str) -> list[str]:
    return [text[s:e] for _, s, e, _ in pii_ids.find_labelled_ids(text)]


@pytest.mark.parametrize(("text", "value"), [
    ("my licence number is 203948112 in case u need it", "203948112"),
    ("Uploading the DL now. DL no MH12 20170038841, name on it Rohan Patil", "MH12 20170038841"),
    ("Rentenversicherungsnummer 53 210471 M 512, Krankenkasse AOK.", "53 210471 M 512"),
    ("Mi nº de la Seguridad Social es 08/33017452/61, gracias", "08/33017452/61"),
    ("zgubiłem dowód osobisty, seria i numer ARK 512093. Proszę o", "ARK 512093"),
    ("Reicht die alte Ausweisnummer T22000129 aus?", "T22000129"),
    ("Mein Reisepass läuft auf C5K2P7R41, falls das hilft", "C5K2P7R41"),
    ("Voici le numéro de mon passeport : 21HK37741.", "21HK37741"),
    ("permis n° 910372200451 — conducteur principal", "910372200451"),
    ("my OHIP is 6620-118-402-PL, just moved to Ottawa", "6620-118-402-PL"),
    ("Please confirm your BVN and date of birth\nCustomer: 22910034712, 02/11/1990", "22910034712"),
    ("Please share your NRIC and mobile\nCustomer: T0412358J / 8123 4411", "T0412358J"),
    ("agent: health card number please caller: two oh one nine, four four eight, three one six, p m agent: and",
     "two oh one nine, four four eight, three one six, p m"),
    ("operatore: il codice fiscale? utente: allora erre o esse emme erre nove uno a zero uno acca cinque zero uno "
     "effe operatore: grazie", "erre o esse emme erre nove uno a zero uno acca cinque zero uno effe"),
    ("atendente: e o cpf cliente: três quatro um, dois dois oito, nove zero um, meia sete atendente: certo",
     "três quatro um, dois dois oito, nove zero um, meia sete"),
    ("no me acepta el curp agente: claro, me lo dicta por favor cliente: m o g a nueve uno cero tres uno dos "
     "agente: gracias", "m o g a nueve uno cero tres uno dos"),
])
def test_a_document_number_after_its_name_is_masked(text: str, value: str) -> None:
    assert value in _masked(text)
    assert rules_cover(text, value)


@pytest.mark.parametrize("text", [
    "Please update the passport number on booking Q7RT2M, I renewed it",  # the booking reference is kept
    "My passport expires 12/03/2031, is that ok for the trip?",  # a date
    "Passport expiry: 17 MAR 2031",  # a date with its month's name
    "passport renewal cost me €85 and 3 weeks",
    "Booking ID ABC12345 please",  # a booking's ID
    "diamonds never arrived. ID 551829904 (server 2041)",  # a game's player ID: no owner word before "ID"
    "Agent: Hi, you're chatting with Priya (ID 40291). How can I help?",
    "He'll have his ID. Rx 6620948. Thanks",  # the sentence ended: the prescription number is not the ID
    "Versicherungsnummer KV-2291-4471",  # a policy's layout
    "Siniestro SIN-2024-0088172 abierto el lunes",  # "SIN" is the claim's prefix here
    "Hello, we are Kilimanjaro Coffee Exporters Ltd, TIN 118-442-077.",  # a firm's tax number
    "USt-IdNr.: DE331908746 | Steuernummer: 153/246/71820",  # a firm's footer
    "Portare tessera sanitaria e impegnativa 080A41234567.",  # the prescription's number
    "customer: my passport is lost. agent: ok what's your order number? customer: 12345678",
    "Thanks for calling Meridian Health Insurance, can I take your member ID?\nCustomer: it's MHI 40291877",
    "Matricule 00318. Mon adresse a changé",  # an employee's number
])
def test_what_follows_a_document_name_but_is_not_its_number_is_left(text: str) -> None:
    assert _masked(text) == []


def test_a_passport_is_told_apart_from_other_documents() -> None:
    text = "Merve Aksoy, Personalausweis LF7K21TR4, gültig bis 08.2031. Mein Mann, Reisepass C4J2R9M71."
    kinds = {text[s:e]: kind for kind, s, e, _ in pii_ids.find_labelled_ids(text)}
    assert kinds == {"LF7K21TR4": "NATIONAL_ID", "C4J2R9M71": "PASSPORT"}


def test_a_long_hostile_text_is_read_in_linear_time() -> None:
    import time

    text = ("passport " * 20000) + ("ID " * 20000) + ("caller: " * 10000)
    t0 = time.process_time()
    list(pii_ids.find_labelled_ids(text))
    assert time.process_time() - t0 < 5
