"""Session 50 (candidate 50-7): a firm or an app no firm list holds, told by the message itself — greeted by a customer
with an order, a ticket or a service word after it, speaking as a system sender, signing under a department or a
job title or as its board — is kept, not masked as a person; a person greeted or signing stays masked."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_greeted_firms
from services.adapters.local.pii_fast import RulesPiiDetector
from services.models import PiiSpan


def _person(text: str, value: str) -> PiiSpan:
    start = text.index(value)
    return PiiSpan(start=start, end=start + len(value), kind="PERSON")


def _kept(text: str, value: str) -> bool:
    """The filter drops the PERSON span over the value."""
    return not pii_greeted_firms.without_greeted_firms(text, [_person(text, value)])


def _masked(spans: list[PiiSpan], text: str, value: str) -> bool:
    start = text.index(value)
    return any(s.start < start + len(value) and start < s.end for s in spans)


_FIRMS = [
    ("[14:02] Customer: hi Talabaty, order TB-558120 still not here after 1 hour\n[14:03] Agent Rana: checking now",
     "Talabaty"),
    ("Customer: hola Glovo, el pedido GL-88213 llegó sin la bebida\nAgente: lo siento, soy Marta", "Glovo"),
    ("Client: bonjour Vinted, mon colis 772018340 est bloqué depuis lundi", "Vinted"),
    ("[20:11] User: hey Zepto, delivery partner left my groceries at the wrong gate\n[20:12] Support: sorry!",
     "Zepto"),
    ("Kunde: hallo Flink, Bestellung #44821 kam ohne Milch", "Flink"),
    ("Cliente: ciao Deliveroo, ordine 5512093 arrivato freddo", "Deliveroo"),
    ("Customer: salam Digikala, سفارش من DK-4410293 هنوز نرسیده", "Digikala"),
    ("[09:10] Bolt: Your driver Tomasz is arriving in a grey Skoda\n[09:12] Driver: I am at gate 2", "Bolt"),
    ("[8:05 PM] Foodpanda: Your rider is picking up your order\n[8:20 PM] Customer: ok", "Foodpanda"),
    ("S pozdravem\nOddělení péče o zákazníky\nPRE Distribuce\n", "PRE Distribuce"),
    ("Kind regards,\nHelen Marsh\nHead of Customer Relations\nVitality\nhelen.marsh@vitality-mail.example\n", "Vitality"),
    ("Szanowni Państwo,\n\nwymiana liczników odbędzie się w czwartek.\n\nZarząd Wspólnoty Lipowa 7", "Zarząd Wspólnoty Lipowa"),
]


@pytest.mark.parametrize("text,firm", _FIRMS)
def test_a_firm_the_message_tells_is_no_person(text: str, firm: str) -> None:
    assert _kept(text, firm), firm


# a person greeted or signing, and look-alikes, stay masked
_PEOPLE = [
    ("Customer: hi Omar, order OM-112233 is late again", "Omar"),  # a given name we know
    ("Customer: hi Noor, my order 88120455 never came", "Noor"),
    ("Customer: hi Okafor, thanks for yesterday!", "Okafor"),  # no reference, no service word
    ("Customer: hi Thandeka, order TH-44120 late\nAgent Thandeka: sorry, checking", "Thandeka"),  # named again
    ("[09:10] Lerato: Your driver is here?\n[09:11] Agent: yes", "Lerato"),  # a given name as a label
    ("Kind regards,\nJ. Nowakowski\nCustomer Service Manager\n", "J. Nowakowski"),  # a person signing
    ("Regards,\nAnna Kowalska\nDział Obsługi Klienta\n", "Anna Kowalska"),
    ("Best,\nCustomer Service Manager\nOkonjo\n", "Okonjo"),  # no domain, no acronym, one word: stays
]


@pytest.mark.parametrize("text,person", _PEOPLE)
def test_a_person_greeted_or_signing_stays(text: str, person: str) -> None:
    assert not _kept(text, person), person


def test_the_greeting_the_finder_took_goes_with_the_firm() -> None:
    text = "[08:15] Customer: sawasdee ka Robinhood, order RH-119283 mai ma leaw\n[08:16] Agent: ขออภัยค่ะ"
    assert _kept(text, "sawasdee ka Robinhood")


def test_other_kinds_are_untouched() -> None:
    text = "Customer: hi Talabaty, order TB-558120 late"
    span = PiiSpan(start=text.index("Talabaty"), end=text.index("Talabaty") + 8, kind="ADDRESS")
    assert pii_greeted_firms.without_greeted_firms(text, [span]) == [span]


# (text, the firm the base detector took for a person, a person that stays masked or None)
_THROUGH = [
    ("Customer: salam Tapsi, راننده منو سوار نکرد\nپشتیبان: سلام، رضا هستم", "Tapsi", "رضا"),
    ("S poštovanjem,\nSlužba za korisnike\nHEP Opskrba", "HEP Opskrba", None),
    ("Saygılarımızla,\n\nYeşil Vadi Sitesi Yönetimi", "Yeşil Vadi Sitesi", None),
    ("S pozdravem\n\nPředstavenstvo SBD Letná", "SBD Letná", None),
    ("Z poważaniem\nDział Obsługi Klienta\nPGE Obrót", "PGE Obrót", None),
]


@pytest.mark.parametrize("text,firm,person", _THROUGH)
def test_through_both_detectors(tagged, text: str, firm: str, person: str | None) -> None:
    for detector in (tagged, RulesPiiDetector()):
        spans = detector.find(text)
        assert not _masked(spans, text, firm), [text[s.start:s.end] for s in spans]
        if person:
            assert _masked(spans, text, person), [text[s.start:s.end] for s in spans]


def test_a_sender_s_driver_stays_masked(tagged) -> None:
    text = "[6:15 PM] Gojek: Your driver Arman Suleimenov is on the way\n[6:17 PM] Passenger: ok"
    spans = tagged.find(text)
    assert _masked(spans, text, "Arman Suleimenov")
    assert not _masked(spans, text, "Gojek")


def test_hostile_text_is_quick() -> None:
    text = ("Customer: hi " + "A" * 40 + ", " + "order " * 3000 + "\n") * 8 + "x:" * 20000
    spans = [PiiSpan(start=13, end=53, kind="PERSON")]
    began = time.perf_counter()
    pii_greeted_firms.without_greeted_firms(text, spans)
    assert time.perf_counter() - began < 0.5
