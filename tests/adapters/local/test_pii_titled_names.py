"""Person names after titles, after an account holder's label, the first of two given names sharing a surname, and the
answer to an agent's question for the full name (session 25, pii_titled_names.py)."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_titled_names
from tests.pii_rules_support import rules_cover


def _found(text: str) -> list[str]:
    return sorted({text[s:e] for _, s, e, _ in pii_titled_names.find_titled_names(text)})




@pytest.mark.parametrize(("text", "value"), [
    ("Geachte heer Van Leeuwen,  Hierbij stuur ik", "Van Leeuwen"),
    ("Egregio sig. Bertolini, le invio il contratto", "Bertolini"),
    ("tengo cita con la Dra. Quintana el lunes", "Quintana"),
    ("Exma. Senhora Dra. Magalhães, solicito", "Magalhães"),
    ("Mit freundlichen Grüßen\nMag. Ulrike Pfandl", "Ulrike Pfandl"),
    ("namens mijn vader, de heer P.J. Bosman, wil ik", "P.J. Bosman"),
    ("agente: gracias señor valdivieso, ¿algo más?", "valdivieso"),
    ("atendente: obrigado, dona marlene, e o cpf?", "marlene"),
    ("conseiller: merci madame euh monsieur castaing c'est noté", "castaing"),
    ("Kontoinhaber Gerhard Wimmer, bitte überweisen", "Gerhard Wimmer"),
    ("Titular anterior: Iker Goikoetxea  Gracias", "Iker Goikoetxea"),
    ("Payee was entered as R Ashcroft, sort code 20-11-40", "R Ashcroft"),
    ("agent: and your full name caller: colm brennan agent: thanks colm", "colm brennan"),
    ("atendente: nome completo, por favor cliente: rosângela figueiredo atendente: obrigado", "rosângela figueiredo"),
])
def test_a_name_in_these_forms_is_masked(text: str, value: str) -> None:
    assert value in _found(text)
    assert rules_cover(text, value)


@pytest.mark.parametrize("text", [
    "Monsieur le Maire,\nJe me permets",  # the office
    "Senhor Presidente, venho por este meio",
    "O seu pedido foi enviado",  # Portuguese "seu" is "your"
    "a senhora pode ligar amanhã",  # a pronoun, not a title said to someone
    "la signora dice che il pacco è arrivato",
    "i don send the money since morning",  # Pidgin "don"
    "I use MS Teams for work",
    "merci madame c'est noté",
    "the pan was hot and I miss you",
])
def test_titles_that_do_not_name_anyone_are_left(text: str) -> None:
    assert _found(text) == []


def test_a_long_hostile_text_is_read_in_linear_time() -> None:
    text = ("gracias señor " * 8000) + ("Herr Mag. " * 8000) + ("full name caller: " * 4000) + (" and " * 8000)
    t0 = time.process_time()
    list(pii_titled_names.find_titled_names(text))
    assert time.process_time() - t0 < 10
