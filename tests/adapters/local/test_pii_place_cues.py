"""Session 43 (candidate 43-7): a town, a district, a neighbourhood, an estate or an attraction that the message tells
as a place (a place preposition, a place's word before, opening or after it, a signature's "Grüße aus") is a kept
PLACE, not a person; a person's name after a name's cue, a possessive, a firm's name and a place inside someone's
address stay masked."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_place_cues
from services.adapters.local.pii_fast import RulesPiiDetector
from services.adapters.local.pii_presidio import PresidioPiiDetector
from services.models import PiiSpan


def _person(text: str, value: str) -> PiiSpan:
    start = text.index(value)
    return PiiSpan("PERSON", start, start + len(value), 0.9)


def _masked(spans: list[PiiSpan], text: str, value: str) -> bool:
    start = text.index(value)
    return any(s.start < start + len(value) and start < s.end for s in spans)


# (text, the place the NER model takes for a person)
_PLACES = [
    ("@VivaNetBR internet caindo toda noite depois das 22h aqui em Santo Amaro, São Paulo. protocolo 2025031477120.",
     "Santo Amaro"),
    ("Op vrijdag 6 juni gaan we met de klas naar Dierenpark Amersfoort. We vertrekken om 8.45 uur bij school.",
     "Dierenpark Amersfoort"),
    ("Morning 🙏 our street has been without water since Sunday. Rabie Ridge ext 2, the whole of Ivory Road.",
     "Rabie Ridge"),
    ('parcel ER448812770MY dah 2 minggu "in transit" kat Bayan Lepas hub. bila nak sampai?', "Bayan Lepas"),
    ("M8812047MY dah 5 hari tak bergerak dari Shah Alam hub. Terima kasih", "Shah Alam"),
    ("@TelcoAusHelp NBN down across Marrickville since 6am and your service status page says all good lol.",
     "Marrickville"),
    ("Kunde: Internet weg\nAgent: Grüezi! Ich gseh e Störig im Gebiet Oerlikon, Ticket ST-448120.", "Oerlikon"),
    ("Điện lực ơi khu Thảo Điền mất điện từ 2h chiều tới giờ luôn, bao giờ có lại vậy.", "Thảo Điền"),
    ("Hi, is there a water outage in Al Nahda 2 today? No water since 6am", "Al Nahda"),
]


@pytest.mark.parametrize(("text", "place"), _PLACES)
def test_a_place_told_by_the_message_is_dropped(text: str, place: str) -> None:
    assert pii_place_cues.drop_place_persons(text, [_person(text, place)]) == []


@pytest.mark.parametrize(("text", "place"), _PLACES[:6])
def test_the_default_detector_keeps_the_place(tagged: PresidioPiiDetector, text: str, place: str) -> None:
    assert not _masked(tagged.find(text), text, place)


def test_a_greeting_from_a_town_keeps_the_town_and_masks_the_name() -> None:
    text = "Die Kontonummer für die Zuordnung: 1284 140383.\n\nLiebe Grüße aus Graz\nResi Hörmann"
    out = pii_place_cues.drop_place_persons(text, [_person(text, "Graz\nResi Hörmann")])
    assert [text[s.start:s.end] for s in out] == ["Resi Hörmann"]


def test_the_rules_only_detector_drops_a_place_too() -> None:
    text = "Hallo, die Lieferung kommt aus dem Lager.\n\nViele Grüße aus Ettlingen\nMatthias Kögel"
    spans = RulesPiiDetector().find(text)
    assert not _masked(spans, text, "Ettlingen")
    assert _masked(spans, text, "Matthias Kögel")


# (text, the person's name or the address's town that stays masked)
_KEPT_MASKED = [
    ("Hi Marrickville team, thanks!", "Marrickville"),  # no place cue
    ("Please pass this on to Santo Amaro in accounts.", "Santo Amaro"),  # "to" is no cue
    ("I spoke in person with Frau Amersfoort yesterday.", "Amersfoort"),  # a title
    ("The form was filed in Maria's name last week.", "Maria"),  # a possessive
    ("Orders placed in Kilbride Fresh Produce are late.", "Kilbride"),  # a firm's name
    ("Please deliver to my flat in Marrickville, 2204 NSW.", "Marrickville"),  # the writer's own address
    ("I live in Santo Amaro, send the router there.", "Santo Amaro"),  # the writer's own address
    ("Kerkstraat 41 in Zaltbommel, daar woon ik.", "Zaltbommel"),  # a street before it
    ("City: Amersfoort\nPhone: 033 455 1020", "Amersfoort"),  # a form's label
    ("Hallo Graz\nbitte melden", "Graz"),  # no greeting from a town
    ("Chị ơi em Thảo Điền đây, gửi giúp em mã nhé.", "Thảo Điền"),  # Vietnamese "em" before a name
    ("Hi all,\n\nLooping in Nomvula Dlamini, our new Finance Director.", "Nomvula Dlamini"),  # a verb's "in"
    # a chat's "im" is "I'm", Dutch "naar" asks for someone (both cues until the seen sets showed names lost)
    ("hi im Lwazi Dube my prepaid token isnt loading", "Lwazi Dube"),
    ("card stolen, please block it asap!! im Ravi Shankar Menon", "Ravi Shankar Menon"),
    ("Kunnen jullie me bellen op 06 18 44 72 09? Vraag naar Ruud.", "Ruud"),
]


@pytest.mark.parametrize(("text", "value"), _KEPT_MASKED)
def test_a_name_or_an_address_stays_masked(text: str, value: str) -> None:
    span = _person(text, value)
    assert span in pii_place_cues.drop_place_persons(text, [span])


def test_a_name_the_message_gives_elsewhere_stays_masked() -> None:
    text = "Sehr geehrter Herr Okafor,\n\nin der Mietsache Okafor ./. Vonovia SE hat die Gegenseite geantwortet."
    title = _person(text, "Herr Okafor")
    case = _person(text, "Mietsache Okafor")
    assert pii_place_cues.drop_place_persons(text, [title, case]) == [title, case]


def test_other_kinds_and_a_place_next_to_an_address_are_untouched() -> None:
    text = "Bitte an Lindenweg 7, Bayan Lepas hub liefern."
    address = PiiSpan("ADDRESS", text.index("Lindenweg"), text.index(","), 0.9)
    town = _person(text, "Bayan Lepas")
    assert pii_place_cues.drop_place_persons(text, [address, town]) == [address, town]
    zip_text = "Liefern nach Ettlingen 76275 bitte"
    zipped = _person(zip_text, "Ettlingen")
    assert pii_place_cues.drop_place_persons(zip_text, [zipped]) == [zipped]


def test_long_inputs_finish_fast() -> None:
    text = ("in " + "Aaaa " * 3000 + "\n") * 5 + "Grüße aus " + "Bbbb-" * 2000
    spans = [PiiSpan("PERSON", i * 17, i * 17 + 9, 0.9) for i in range(40)]
    began = time.perf_counter()
    pii_place_cues.drop_place_persons(text, spans)
    assert time.perf_counter() - began < 1.0
    assert pii_place_cues.drop_place_persons(text, spans * 2) == spans * 2  # over the cap: untouched
