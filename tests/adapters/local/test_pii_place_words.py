"""Session 48 (candidate 48-4): places taken for a person's name. A street named as a place by its type word in more
languages and scripts (after it: "Damjanich utca", "Olav Kyrres gate", "Mustamäe tee"; before it: "Trga Stjepana
Radića", "Улица Војводе Мишића", "Bulevardul Mihai Viteazu", "đường Lê Thánh Tôn", Italian "via" after a date), a
town after Spanish or French "en" in a Spanish or French message, a landmark's word after it ("Sion signal", "… hospital")
and Polish "przy" or a car park's word before it are kept places; a person's name with such words nearby, the
writer's own street with its number, Dutch "en" ("and") and a name after "confío en" stay masked."""

from __future__ import annotations

import pytest

from services.adapters.local import pii_place_cues, pii_street_places
from services.adapters.local.pii_presidio import PresidioPiiDetector
from services.models import PiiSpan


def _masked(spans: list[PiiSpan], text: str, value: str) -> bool:
    start = text.index(value)
    return any(s.start < start + len(value) and start < s.end for s in spans)


def _span(text: str, value: str) -> PiiSpan:
    start = text.index(value)
    return PiiSpan("PERSON", start, start + len(value), 0.9)


# (text, the place that is kept)
_KEPT = [
    ("Értesítjük a lakókat, hogy a felújítás miatt a Damjanich utca június 3-tól lezárva marad.", "Damjanich"),
    ("Fra mandag stenges Olav Kyrres gate for biltrafikk på grunn av gravearbeid.", "Olav Kyrres"),
    ("Zbog radova bit će zatvoren promet na dijelu Trga Ante Starčevića od ponedjeljka do petka.",
     "Trga Ante Starčevića"),
    ("Због радова биће затворена Улица Војводе Мишића од понедељка до петка.", "Војводе Мишића"),
    ("Circulația pe Bulevardul Mihai Viteazu va fi închisă sâmbătă între orele 8 și 14.", "Mihai Viteazu"),
    ("Si informa che dal 2 al 16 marzo via Giacomo Matteotti sarà chiusa al traffico per lavori.",
     "Giacomo Matteotti"),
    ("Llevo dos días sin señal en Vallecas y nadie me da una solución, la línea es de prepago.", "Vallecas"),
    ("Zderzenie miało miejsce na parkingu przy Galerii Mokotów, sprawca odjechał bez zatrzymania.",
     "Galerii Mokotów"),
]

# (text, a person's name or the writer's own address that stays masked)
_MASKED = [
    ("Hola, confío en Marta Ibáñez para recoger el paquete, es mi vecina.", "Marta Ibáñez"),
    ("Pregunté por Jan Vermeulen en la recepción y nadie sabía nada.", "Jan Vermeulen"),
    ("Hola, mi hermana vive en Marta desde marzo.", "Marta"),
    ("I paid 20 via Ahmed Khan yesterday and he confirmed it.", "Ahmed Khan"),
    ("Kérem, a csomagot a címemre küldjék: Damjanich utca 14, 6720 Szeged.", "Damjanich utca 14"),
    ("Takk til Olav Hansen for hjelpen i går, han var veldig flink.", "Olav Hansen"),
]


@pytest.mark.parametrize(("text", "place"), _KEPT)
def test_a_place_is_kept(tagged: PresidioPiiDetector, text: str, place: str) -> None:
    assert not _masked(tagged.find(text), text, place)


@pytest.mark.parametrize(("text", "value"), _MASKED)
def test_a_name_or_an_own_address_stays_masked(tagged: PresidioPiiDetector, text: str, value: str) -> None:
    assert _masked(tagged.find(text), text, value)


@pytest.mark.parametrize(("text", "value", "street"), [
    ("Értesítjük a lakókat, hogy a Damjanich utca június 3-tól lezárva marad.", "Damjanich", True),
    ("A Mustamäe tee suletakse reedel liikluseks remondi tõttu.", "Mustamäe", True),
    ("Thẻ của tôi bị nuốt ở cây ATM trên đường Lê Thánh Tôn chiều nay.", "Lê Thánh Tôn", True),
    ("Remontti alkaa Kaisaniemenkadun pohjoispäässä maanantaina.", "Kaisaniemenkadun", True),
    ("Kérem, küldjék a Damjanich utca 14 alá, köszönöm.", "Damjanich", False),  # a house number: an address
    ("Lottie and I will come on Monday to pick up the keys.", "Lottie", False),  # "tie" is no street's ending
    ("I sent 20 via Ahmed Khan yesterday.", "Ahmed Khan", False),  # "via" after a number in an English message
])
def test_street_names_by_their_type_word(text: str, value: str, street: bool) -> None:
    span = _span(text, value)
    assert pii_street_places.drop_street_places(text, [span], wide=True) == ([] if street else [span])
    assert pii_street_places.drop_street_places(text, [span]) == [span]  # the narrow form, before the check


@pytest.mark.parametrize(("text", "value", "place"), [
    ("Hace tres días que no tengo fibra en Carabanchel, la incidencia sigue abierta.", "Carabanchel", True),
    ("Nous partons en Andalousie pour les vacances, est-ce que ma carte marche là-bas ?", "Andalousie", True),
    ("Ik ben in de winkel, Piet en Kees zijn er ook.", "Kees", False),  # Dutch "and"
    ("Confío en Lucía para firmar la recogida, gracias.", "Lucía", False),  # a verb that takes a person
    ("Hola, la transferencia en Rosario no llegó a mi cuenta, ¿qué pasa?", "Rosario", False),  # a first name
    ("rider bhai main Sion signal pe khada hoon, white shirt", "Sion", True),
    ("the transformer near Mama Lucy hospital blew last night, when are you coming?", "Mama Lucy", True),
])
def test_town_and_landmark_cues(text: str, value: str, place: bool) -> None:
    span = _span(text, value)
    assert pii_place_cues.is_place(text, span, [span]) is place
