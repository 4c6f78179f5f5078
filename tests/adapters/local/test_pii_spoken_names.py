"""Names said in call and chat openings, after a role, after "for" a parcel or a call, and spelled back (session 25,
pii_spoken_names.py)."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_spoken_names
from tests.pii_rules_support import rules_cover


def _found(text: str) -> list[str]:
    return sorted({text[s:e] for _, s, e, _ in pii_spoken_names.find_spoken_names(text)})


@pytest.mark.parametrize(("text", "value"), [
    ("agent: lakeside dental reception priya speaking caller: hi", "priya"),
    ("Conseillère : Bonjour, Nadia à votre service. Que puis-je faire ?", "Nadia"),
    ("atendente: conecta fibra boa tarde, renata falando cliente: oi", "renata"),
    ("Atendente: Olá! Aqui é a Bruna. Pode me passar o CPF?", "Bruna"),
    ("agente: buenas tardes le atiende ramiro ¿con quién tengo el gusto? cliente: con maría josé quintero agente:",
     "maría josé quintero"),
    ("rep: who am i speaking with cust: it's gráinne ni bhriain rep: thanks", "gráinne ni bhriain"),
    ("agent: bank fraud line my name's colm how can i help", "colm"),
    ("the rider Tunde never showed up with my food", "Tunde"),
    ("o motorista Edvaldo da Uber cancelou", "Edvaldo"),
    ("hi, a parcel for Siobhan at Apt 4 was left outside", "Siobhan"),
    ("agent: westgate imaging returning a call to maureen ellis caller: that's me", "maureen ellis"),
    ("caller: kev dot rourke nine at eircom dot net agent: so that's k e v caller: yes", "k e v"),
])
def test_a_name_said_in_these_forms_is_masked(text: str, value: str) -> None:
    assert value in _found(text)
    assert rules_cover(text, value)


@pytest.mark.parametrize("text", [
    "je suis disponible demain, ich bin sauer",  # "je suis" / "ich bin" name no one
    "your parcel for Monday is ready, call to Vodafone later",
    "ask the driver License questions at the counter",
    "atendente: com quem eu falo? cliente: bom dia",
    "ref i s i slash m o t slash two oh two four",  # a reference spelled, not a name
    "the team speaking tomorrow is sales",
])
def test_look_alikes_are_left(text: str) -> None:
    assert _found(text) == []


def test_a_long_hostile_text_is_read_in_linear_time() -> None:
    text = ("a parcel for " * 6000) + ("a b c " * 8000) + ("who am i speaking with cust: " * 3000)
    t0 = time.process_time()
    list(pii_spoken_names.find_spoken_names(text))
    assert time.process_time() - t0 < 10
