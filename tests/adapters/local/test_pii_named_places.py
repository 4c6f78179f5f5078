"""Session 50 (candidate 50-4): a community, a neighbourhood, an estate, a building, a station or a square that the
message names as a place is kept, not masked as a person's name — the answer to "which community?", a list of places
after "outage in", the building a notice is for, a name ending in a building's word, a metro station in Cyrillic or
Persian script — and a person's name beside it, a name answering another question and someone's own address stay
masked."""

from __future__ import annotations

import pytest

from services.adapters.local import pii_named_places
from services.models import PiiSpan


def _masked(spans: list[PiiSpan], text: str, value: str) -> bool:
    start = text.index(value)
    return any(s.start < start + len(value) and start < s.end for s in spans)


def _shown(spans: list[PiiSpan], text: str) -> list[str]:
    return [f"{text[s.start:s.end]}/{s.kind}" for s in spans]


# (text, the place that stays, a person's name that stays masked or None)
_PLACES = [
    ("Caller: hello, my fibre is down since morning\nAgent: which community sir?\nCaller: Jumeirah Park, cluster 4\n"
     "Agent: thank you", "Jumeirah Park", None),
    ("Caller: salaam, bijli nahi hai\nAgent: area bata dein\nCaller: Model Town, Lahore\nAgent: ji wahan kaam chal "
     "raha hai", "Model Town", None),
    ("Agent: which building sir?\nCaller: Marina Crown, near the tram stop\nAgent: ok", "Marina Crown", None),
    ("Agent: which community ma'am?\nCaller: Mirdif Hills\nAgent: thanks", "Mirdif Hills", None),
    ("Agent: which society?\nCaller: Sunshine Meadows, phase 2", "Sunshine Meadows", None),
    ("Agent: building name please?\nCustomer: Silver Sands Tower, Al Majaz\nAgent: noted", "Al Majaz", None),
    ("Agent: quel quartier ?\nClient : Bellecour\nAgent : merci", "Bellecour", None),
    ("Heads up from Joburg Water: no water in Sandton, Rivonia and Bryanston tonight. Regards, Thabo Nkosi",
     "Rivonia", "Thabo Nkosi"),
    ("Sorry, delivery delayed in Kilimani and Lavington today. Ref 44120", "Lavington", None),
    ("راننده: من دم مترو تجریش هستم", "مترو تجریش", None),
    ("السائق: أنا عند دوار الداخلية الحين", "دوار الداخلية", None),
]


@pytest.mark.parametrize("text,place,person", _PLACES)
def test_a_place_named_as_one_is_kept(tagged, text: str, place: str, person: str | None) -> None:
    spans = tagged.find(text)
    assert not _masked(spans, text, place), (place, _shown(spans, text))
    if person:
        assert _masked(spans, text, person), (person, _shown(spans, text))


# (text, the value that stays masked)
_NAMES = [
    ("Agent: may I have the name on the account?\nCaller: Fatima Rahman", "Fatima Rahman"),
    ("Agent: which area sir?\nCaller: my name is Imran Qureshi, area is Gulberg", "Imran Qureshi"),
    ("Thanks to Priya, Anil and Ravi Kumar for the help", "Ravi Kumar"),
    ("Agent: your address please?\nCaller: house 12, street 4, Model Town, Lahore", "Model Town"),
    ("Hi Jonathan Court, your parcel is on the way", "Jonathan Court"),
    ("We stayed in Leeds and Tom Baker drove us home", "Tom Baker"),
]


@pytest.mark.parametrize("text,value", _NAMES)
def test_a_person_and_an_own_address_stay_masked(tagged, text: str, value: str) -> None:
    spans = tagged.find(text)
    assert _masked(spans, text, value), (value, _shown(spans, text))


def _dropped(text: str, value: str, others: tuple[tuple[str, str], ...] = ()) -> bool:
    start = text.index(value)
    span = PiiSpan("PERSON", start, start + len(value), 0.9)
    spans = [span] + [PiiSpan(kind, text.index(v), text.index(v) + len(v), 0.9) for kind, v in others]
    return span not in pii_named_places.drop_named_places(text, spans)


@pytest.mark.parametrize("text,value", [
    ("Клиент: таксист высадил меня у метро Рижская, а не у дома", "Рижская"),
    ("Заберу заказ у ТЦ Европейский завтра", "ТЦ Европейский"),
    ("Notice to residents of Palm Crest Residence: the lifts will be serviced on Friday", "Palm Crest Residence"),
    ("Attention tenants of Kingfisher Court: bins are collected on Monday", "Kingfisher Court"),
    ("the courier left my box with the guard at Emerald Heights, still no refund", "Emerald Heights"),
    ("Water supply will be interrupted in Gulshan Block 7, Bahadurabad and Tariq Road on Tuesday", "Bahadurabad"),
    ("Stromausfall in Sendling, Giesing und Haidhausen bis 14 Uhr", "Haidhausen"),
    ("Agente: ¿qué colonia?\nCliente: Roma Norte, por favor", "Roma Norte"),
    ("Agent: welcher Stadtteil?\nKunde: Ehrenfeld", "Ehrenfeld"),
])
def test_the_pass_drops_the_place(text: str, value: str) -> None:
    assert _dropped(text, value)


@pytest.mark.parametrize("text,value,others", [
    ("Agent: which area sir?\nCaller: Mr Ahmed Khan", "Ahmed Khan", ()),
    ("Agent: what's your address?\nCaller: Johar Town", "Johar Town", ()),
    ("Hi Oliver Tower, your order shipped", "Oliver Tower", ()),
    ("Caller: flat 12, Marina Heights, Dubai", "Marina Heights", ()),
    ("I live in Kilimani and Lavington is where I work", "Lavington", ()),
    ("Notes from Grace, Peter and Amina Yusuf", "Amina Yusuf", ()),
    ("Agent: which community?\nCaller: Arabian Ranches 2, villa 14", "Arabian Ranches", ()),
    ("Please deliver to Sunset Gardens, 14 Palm Road", "Sunset Gardens", (("ADDRESS", "14 Palm Road"),)),
])
def test_the_pass_leaves_names_and_addresses(text: str, value: str, others: tuple[tuple[str, str], ...]) -> None:
    assert not _dropped(text, value, others)
