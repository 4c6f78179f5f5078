"""Session 48 (candidate 48-3): a company, a shop or an app whose name is also a person's is kept when the message
tells it as one (its app, its support, its bill after a possessive, "la app de X", a chat label's brackets with the
agent introduced by another name), at every place the message writes it; a person's name beside it, a name in a chat
label the agent gives as their own, and a firm's name borne by a masked person stay masked."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_brand_mentions
from services.adapters.local.pii_fast import RulesPiiDetector
from services.models import PiiSpan


def _covered(spans: list[PiiSpan], text: str, value: str) -> list[bool]:
    """For every place the value is written, whether a span covers it."""
    found, at = [], text.find(value)
    while at >= 0:
        found.append(any(s.start < at + len(value) and at < s.end for s in spans))
        at = text.find(value, at + len(value))
    return found


# (text, the company kept at every mention, a person masked beside it or None) — the default detector masked the
# company's name as a person's before this module
_KEPT = [
    ("Hi Harvey, my Harvey app logs me out every single time I open it. Regards, Dana Whitfield", "Harvey",
     "Dana Whitfield"),
    ("Hallo Lorenz, ich warte seit zwei Wochen auf meine Bestellung und die Lorenz-App zeigt gar nichts an. "
     "Gruß, Jens Albrecht", "Lorenz", "Jens Albrecht"),
    ("Olá Ramalho, a minha encomenda não chegou e o aplicativo do Ramalho não mostra nada. Obrigada, Inês Sousa",
     "Ramalho", "Inês Sousa"),
    ("Dear Whitaker, your Whitaker customer service line has kept me on hold for an hour. Tom Reilly", "Whitaker",
     "Tom Reilly"),
    ("hey Sunny, is Sunny support down? nobody answers. Ravi Kumar", "Sunny", "Ravi Kumar"),
    ("Support (Lumira): Hi, I'm Omar, how can I help?\nRider: my driver cancelled twice", "Lumira", "Omar"),
]


@pytest.mark.parametrize(("text", "company", "person"), _KEPT)
def test_a_company_told_as_one_is_kept_everywhere(tagged, text: str, company: str, person: str | None) -> None:
    spans = tagged.find(text)
    assert not any(_covered(spans, text, company)), [text[s.start:s.end] for s in spans]
    if person is not None:
        assert all(_covered(spans, text, person))


# (text, the person's name that stays masked)
_MASKED = [
    # the agent's own name in the label's brackets
    ("Agent (Nadia): hi, this is Nadia, how can I help?\nCustomer: my card was charged twice", "Nadia"),
    # a person who bears the firm's name ("Jonas Kramer … Kramer-App")
    ("Hallo, ich bin Jonas Kramer. Die Kramer-App stürzt bei mir ständig ab.", "Jonas Kramer"),
    # a first name we know after "app" is the driver's name the app shows
    ("driver sudah dekat kak, nama di app Agus S., plat B 1234 XYZ", "Agus"),
    # the agent introduced by the label's name: the company in the brackets, the agent masked
    ("Agent Kwame (Tigo): hello, Kwame here, how can I help?\nCaller: my bundle finished early", "Kwame"),
    ("[09:12] Operadora (Claro): Hola, soy Valentina, ¿en qué te ayudo?\n[09:13] Cliente: mi factura llegó doble",
     "Valentina"),
    ("Alo, приложение Тинькофф не открывается с утра. Сергей Волков", "Сергей Волков"),
]


@pytest.mark.parametrize(("text", "person"), _MASKED)
def test_the_person_beside_stays_masked(tagged, text: str, person: str) -> None:
    spans = tagged.find(text)
    assert all(_covered(spans, text, person)), [text[s.start:s.end] for s in spans]


def _persons(text: str, *values: str) -> list[PiiSpan]:
    spans, at = [], 0
    for value in values:
        at = text.index(value, at)
        spans.append(PiiSpan(kind="PERSON", start=at, end=at + len(value)))
        at += len(value)
    return spans


def test_the_filter_reads_the_cues() -> None:
    text = "Hi Rowan, my Rowan bill is wrong again. Thanks, Priya Raman"
    kept = pii_brand_mentions.without_brand_mentions(text, _persons(text, "Rowan", "Rowan", "Priya Raman"))
    assert [text[s.start:s.end] for s in kept] == ["Priya Raman"]
    # "account" counts only after a possessive: "send it to Rowan account" is not read
    text = "pls send it to Rowan account today, Priya Raman"
    kept = pii_brand_mentions.without_brand_mentions(text, _persons(text, "Rowan", "Priya Raman"))
    assert [text[s.start:s.end] for s in kept] == ["Rowan", "Priya Raman"]
    # a different span bearing the name keeps every mention masked (the conventions)
    text = "Rowan Price here. The Rowan app crashed."
    spans = _persons(text, "Rowan Price", "Rowan")
    assert pii_brand_mentions.without_brand_mentions(text, spans) == spans
    # the same letters in another case are a person's who bears the name: both stay masked ("ma'am Maya" beside
    # "maya wallet")
    text = "hi ma'am Maya! what happened to your maya wallet?"
    spans = _persons(text, "Maya", "maya")
    assert pii_brand_mentions.without_brand_mentions(text, spans) == spans


def test_a_span_run_over_a_label_s_bracket_is_cut() -> None:
    text = "Ahmed (Zentro): Hi, this is Ahmed from Zentro support. How can I help?"
    kept = pii_brand_mentions.without_brand_mentions(text, _persons(text, "Ahmed (Zentro", "Ahmed", "Zentro"))
    assert [(text[s.start:s.end], s.start) for s in kept] == [("Ahmed", 0), ("Ahmed", 28)]


def test_the_rules_only_detector_reads_it_too() -> None:
    text = "Hi Harvey, my Harvey app logs me out every single time I open it. Regards, Dana Whitfield"
    spans = RulesPiiDetector().find(text)
    assert not any(_covered(spans, text, "Harvey"))


def test_hostile_input_stays_fast() -> None:
    text = "Ab (" * 5000 + "Ab app " * 5000
    spans = [PiiSpan(kind="PERSON", start=i * 4, end=i * 4 + 2) for i in range(200)]
    started = time.perf_counter()
    pii_brand_mentions.without_brand_mentions(text, spans)
    assert time.perf_counter() - started < 1.0
