"""Session 39 (candidate 39-4): a street, an estate or a landmark named alone as a location (the branch on a street,
roadworks on a street, an ATM on an avenue, a post office on a square, an estate's heating cut) is a kept PLACE, not
an address, nor is a street's name after its type word a person's ("di via Manzoni"); the writer's own address stays
masked: a street after "send it to" or "I live on", with its house number (written or read out), an address's line,
a speaker's answer, a name that ends like a street ("Seo-yeon Park"), a name after "via" that is no street."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_street_places
from services.adapters.local.pii_fast import RulesPiiDetector
from services.adapters.local.pii_presidio import PresidioPiiDetector
from services.models import PiiSpan


@pytest.fixture(scope="module")
def detector() -> PresidioPiiDetector:
    return PresidioPiiDetector()


def _masked(spans: list[PiiSpan], text: str, value: str) -> bool:
    start = text.index(value)
    return any(s.start < start + len(value) and start < s.end for s in spans)


# (text, the street kept, PII of the same message that stays masked or "")
_KEPT = [
    ("Hay obras en la calle Nueva desde el lunes y el autobús no pasa. ¿Hasta cuándo?", "calle Nueva", ""),
    ("Dzień dobry, do której godziny jest czynny oddział przy ul. Piotrkowskiej w sobotę?", "ul. Piotrkowskiej", ""),
    ("Buongiorno, quando riapre lo sportello di Piazza Cavour? Grazie", "Piazza Cavour", ""),
    ("My card was swallowed by the ATM on Avenida Libertador yesterday, can you send a new one? Lucía Benítez",
     "Avenida Libertador", "Lucía Benítez"),
    ("La mensa della scuola di via Manzoni è chiusa lunedì?", "via Manzoni", ""),
    ("Il pacco risulta in giacenza all'ufficio di via Marsala. Posso delegare mia sorella?", "via Marsala", ""),
    ("Очаквайте прекъсване на топлоподаването в ж.к. Младост 3 утре от 9:00 до 17:00.", "ж.к. Младост 3", ""),
]

# (text, the address that stays masked)
_MASKED = [
    ("Please send the new card to Rua das Flores, I don't have a number, it's the blue house.", "Rua das Flores"),
    ("I live on Pendoring Road, Randburg, please update my address.", "Pendoring Road"),
    ("Please change my address to Via Roma, 14, Torino.", "Via Roma, 14"),
    ("it's forty two Hollybank Crescent, L S six, four D Q", "Hollybank Crescent"),
    ("Hi, I'm Seo-yeon Park, could you send the invoice to me?", "Seo-yeon Park"),
    ("I sent the money via Ahmed Khan yesterday, he confirmed.", "Ahmed Khan"),
]


@pytest.mark.parametrize(("text", "place", "pii"), _KEPT)
def test_a_street_named_as_a_location_is_kept(detector: PresidioPiiDetector, text: str, place: str,
                                              pii: str) -> None:
    for spans in (detector.find(text), RulesPiiDetector().find(text)):
        assert not _masked(spans, text, place)
        assert not pii or _masked(spans, text, pii)


@pytest.mark.parametrize(("text", "value"), _MASKED)
def test_an_own_address_and_a_name_stay_masked(detector: PresidioPiiDetector, text: str, value: str) -> None:
    assert _masked(detector.find(text), text, value)


def _span(text: str, value: str, kind: str = "ADDRESS") -> PiiSpan:
    start = text.index(value)
    return PiiSpan(kind, start, start + len(value), 0.9)


@pytest.mark.parametrize(("text", "value", "kind"), [
    ("the streetlights on Jan Smuts Avenue between Bolton Road and Tyrwhitt Avenue are out",
     "Jan Smuts Avenue between Bolton Road", "ADDRESS"),
    ("am 17.02. im Kreisverkehr Wiener Straße / Salzburger Straße in Linz aufgefahren",
     "Wiener Straße / Salzburger Straße", "ADDRESS"),
    ("the heating in our building at Kastanienallee is off again", "Kastanienallee", "ADDRESS"),
    ("good day, the robots on Jan Smuts Avenue are out since Monday", "Jan Smuts Avenue", "PERSON"),
    ("Je signale un nid-de-poule dangereux rue Victor Hugo, à hauteur du numéro 12.", "rue Victor Hugo", "ADDRESS"),
])
def test_street_places_found(text: str, value: str, kind: str) -> None:
    assert pii_street_places.is_street_place(text, _span(text, value, kind))


@pytest.mark.parametrize(("text", "value", "kind"), [
    ("Caller: no its kingsbury road with a y\nAgent: thanks", "kingsbury road", "ADDRESS"),
    ("Delivery address:\nAlison Pryce\nThe Old Forge\nChurch Lane\nLittle Wenham", "Church Lane", "ADDRESS"),
    ("we're at Kastanienallee, Hinterhaus, 3. OG — no number on the door", "Kastanienallee", "ADDRESS"),
    ("it's about the flat on Harrow Road, I'm the tenant", "Harrow Road", "ADDRESS"),
    ("le colis est devant le 12, avenue Foch depuis hier", "avenue Foch", "ADDRESS"),
    ("Ciao, la consegna va in Via Roma, 14 per favore", "Via Roma", "ADDRESS"),
    ("Vivo en calle Mayor, en Getafe, cerca de la plaza", "calle Mayor", "ADDRESS"),
    ("Hello, my colleague Ji-woo Park will call you back", "Ji-woo Park", "PERSON"),
    ("Ruud van der Laan called about the invoice", "Ruud van der Laan", "PERSON"),
    ("the cake for Lottie is ready on Saturday", "Lottie", "PERSON"),
])
def test_look_alikes_are_not_street_places(text: str, value: str, kind: str) -> None:
    assert not pii_street_places.is_street_place(text, _span(text, value, kind))


def test_long_input_is_fast() -> None:
    text = ("rue " + "Aa " * 3000 + "\n") * 20
    spans = [PiiSpan("ADDRESS", i * 10, i * 10 + 200, 0.9) for i in range(60)]
    began = time.perf_counter()
    pii_street_places.drop_street_places(text, spans)
    for span in spans[:30]:
        pii_street_places.is_street_place(text, span)
    assert time.perf_counter() - began < 1.0
