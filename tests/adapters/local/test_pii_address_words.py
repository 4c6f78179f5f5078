"""Session 49 (candidate 49-3): an address's street words of more languages, its unit, floor and staircase, the town
after it and the lodging or estate named before it are masked whole, in Latin, Arabic and Devanagari script; a
building in a notice, a staircase after a flat named alone, a gate and a name after an address stay as they were."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_address_words
from services.adapters.local.pii_fast import RulesPiiDetector
from services.models import PiiSpan


def _addresses(spans: list[PiiSpan], text: str) -> list[str]:
    return [text[s.start:s.end] for s in spans if s.kind == "ADDRESS"]


# (text, the address masked whole)
_WHOLE = [
    ("Labdien! Lūdzu sūtiet rēķinu uz Tērbatas ielā 23-7, Rīgā. Paldies, Laura", "Tērbatas ielā 23-7, Rīgā"),
    ("Tere, minu uus aadress on Lai 12-4, Tartu. Aitäh!", "Lai 12-4, Tartu"),
    ("Laba diena, siųskite į Savanorių prospekte 88-3, Kaune.", "Savanorių prospekte 88-3, Kaune"),
    ("Kaixo, gure helbide berria Zabaleta kalea 17, 2. ezkerra da.", "Zabaleta kalea 17, 2. ezkerra"),
    ("Dzień dobry, awaria w budynku ul. Słowackiego 14, klatka III", "ul. Słowackiego 14, klatka III"),
    ("Hallo, die Heizung in Lindenstr. 7, DG links ist kaputt.", "Lindenstr. 7, DG links"),
    ("Hola, os escribo por la avería en Calle Lagasca 41, bajo izquierda, que sigue sin resolver.",
     "Calle Lagasca 41, bajo izquierda"),
    ("I'm staying at the Kingsbridge Hotel, 221 West 48th St, New York, NY 10036 until Sunday.",
     "Kingsbridge Hotel, 221 West 48th St, New York, NY 10036"),
    ("the boiler at 41 Kestrel Lane, Rathfarnham is still broken since Monday", "41 Kestrel Lane, Rathfarnham"),
    ("Preventivo per la caldaia in Via Manzoni 12, Treviglio: 2.400 euro.", "Via Manzoni 12, Treviglio"),
    ("العنوان: فيلا ٣٠، شارع ١٢أ، الخوانيج ٢، دبي\nشكراً", "فيلا ٣٠، شارع ١٢أ، الخوانيج ٢، دبي"),
    ("پتہ: مکان نمبر 18، گلی 3، بلاک بی، ماڈل ٹاؤن، لاہور۔ شکریہ", "مکان نمبر 18، گلی 3، بلاک بی، ماڈل ٹاؤن، لاہور"),
    ("पता: मकान नं. 17, गली नं. 2, हनुमान मंदिर के पास, शास्त्री नगर, जयपुर 302016\nधन्यवाद",
     "मकान नं. 17, गली नं. 2, हनुमान मंदिर के पास, शास्त्री नगर, जयपुर 302016"),
]


@pytest.mark.parametrize(("text", "value"), _WHOLE)
def test_address_words_mask_the_whole_address(tagged, text, value):
    start = text.index(value)
    assert any(value in found for found in _addresses(tagged.find(text), text))
    assert all(s.kind != "PERSON" for s in tagged.find(text) if s.start < start + len(value) and start < s.end)


@pytest.mark.parametrize(("text", "value"), _WHOLE)
def test_address_words_mask_the_whole_address_in_the_rules_only_detector(text, value):
    spans = RulesPiiDetector().find(text)
    assert any(s.kind == "ADDRESS" and s.start <= text.index(value) and text.index(value) + len(value) <= s.end
               for s in spans)


# (text, a value no ADDRESS may cover)
_LEFT = [
    ("Cienījamie iedzīvotāji! Rīt mājā Tērbatas ielā 40 notiks ūdens atslēgšana.", "Tērbatas ielā 40"),
    ("Dzień dobry, w mieszkaniu nr 14, klatka C, nie ma wody od wczoraj.", "klatka C"),
    ("Boarding now at Gate 12-3, Tallinn airport, final call.", "Gate 12-3"),
    ("The score was 3-1, Riga won the derby.", "3-1"),
    ("Please deliver to 14 Oak Road, Mario Rossi will take it.", "Mario Rossi"),
    ("I live at 12 High Street, Monday works best for the visit.", "Monday"),
    ("I stay at GA-492-8810, Dansoman. Thank you", "Dansoman"),
    ("Kapıda kurye var, daire 9, Migros'un üstü.", "Migros"),
    ("La recogida en mi trabajo: Talleres Ibarra S.L., Polígono Ali-Gobeo, calle Zorrostea 8, 01010 Vitoria-Gasteiz.",
     "Talleres Ibarra"),
    ("We booked a room at the Grand Hotel in Rome for the conference.", "Grand Hotel"),
]


@pytest.mark.parametrize(("text", "value"), _LEFT)
def test_address_words_leave_other_things_alone(tagged, text, value):
    start = text.index(value)
    assert not any(s.kind == "ADDRESS" and s.start < start + len(value) and start < s.end
                   for s in tagged.find(text))


def test_address_words_keep_a_name_before_the_address_a_person():
    text = "Jon Ander, Aldamar kalea 12, 3. eskuina, 20003 Donostia"
    spans = pii_address_words.with_address_words(text, [PiiSpan("PERSON", 0, 9)], [])
    assert [(s.kind, text[s.start:s.end]) for s in spans] == [
        ("PERSON", "Jon Ander"), ("ADDRESS", "Aldamar kalea 12, 3. eskuina, 20003 Donostia")]


def test_address_words_never_cover_a_kept_span():
    text = "Pikk 41-3, Tallinn"
    assert pii_address_words.with_address_words(text, [], [(11, 18)]) == []


def test_address_words_read_hostile_text_quickly():
    text = ("Hotel " * 4000 + ", 12 Main St" + "Brīvības ielā 1-" * 2000 + "، شارع" * 3000 + " के पास," * 3000)
    started = time.perf_counter()
    pii_address_words.with_address_words(text, [PiiSpan("ADDRESS", 24000, 24012)], [])
    assert time.perf_counter() - started < 1.0


# Session 49 (49-6): the writer's own unit named alone, complements of more languages, a labelled postcode
_OWN_WHOLE = [
    ("the courier left my box at number 31 across the road, I'm number 13. Tracking is in the app.", "number 13"),
    ("hi, bins were skipped again on Larch Grove this week. Priya Nair, no. 46", "no. 46"),
    ("Boiler is making a banging noise again, can someone look? Thanks, Tomasz (flat 9)", "flat 9"),
    ("Das Paket ist falsch zugestellt, ich bin Nr. 18, nicht Nr. 81. Bitte nochmal zustellen.", "Nr. 18"),
    ("Grüß Gott, bei uns in Top 23 ist der Heizkörper kalt.", "Top 23"),
    ("Buonasera, la caldaia non parte. Sono al secondo piano, interno 6. Grazie", "interno 6"),
    ("Курьер, у меня кв. 57, третий этаж, домофон не работает.", "кв. 57"),
    ("Motorista: qual apartamento?\nCliente: bloco 2, apto 63\nMotorista: ok", "apto 63"),
    ("Subject: Rent statement – Unit 7C\n\nHi, please send the statement for March.", "Unit 7C"),
    ("Odbiór: ul. Lipowa 18, m. 27, 15-427 Białystok", "ul. Lipowa 18, m. 27"),
    ("Adresa: Hviezdoslavova 22, vchod B, 4. poschodie, byt č. 15, 811 02 Bratislava",
     "Hviezdoslavova 22, vchod B, 4. poschodie, byt č. 15"),
    ("Lieferung an: Kastanienallee 14, Hinterhaus, 4. OG links bitte.", "Kastanienallee 14, Hinterhaus, 4. OG links"),
    ("مشخصات گیرنده:\nکد پستی: ۱۵۸۷۶۴۳۲۱۹\nبا تشکر", "۱۵۸۷۶۴۳۲۱۹"),
]


@pytest.mark.parametrize(("text", "value"), _OWN_WHOLE)
def test_the_writers_own_unit_and_its_complements_are_masked_whole(tagged, text, value):
    start = text.index(value)
    assert any(s.kind == "ADDRESS" and s.start <= start and start + len(value) <= s.end for s in tagged.find(text))


_OWN_LEFT = [
    ("the courier left my box at number 31 across the road, I'm number 13.", "number 31"),
    ("I'm number 3 in the queue and nobody answers.", "number 3"),
    ("Medicare card 2951 34877 1, I'm number 2 on the card, my son is number 3.", "number 2"),
    ("Our neighbour, no. 14, also has no water since Monday.", "no. 14"),
    ("Please quote your order (no. 4471) when you call.", "no. 4471"),
    ("Die Heizung ist aus, 10961 Berlin, 3. OG links.", "3. OG links"),
    ("Le colis est arrivé, merci Julie (room 12)", "room 12"),
]


@pytest.mark.parametrize(("text", "value"), _OWN_LEFT)
def test_a_neighbours_unit_a_queue_an_order_and_a_floor_after_the_town_stay_unmasked(tagged, text, value):
    start = text.index(value)
    assert not any(s.kind == "ADDRESS" and s.start < start + len(value) and start < s.end
                   for s in tagged.find(text))


def test_own_units_read_hostile_text_quickly():
    text = ("I'm no. 1" * 3000 + "Cliente: apto 12\n" * 2000 + "Ann, flat 3\n" * 2000 + "کد پستی: ۱۲۳۴" * 2000)
    started = time.perf_counter()
    pii_address_words.with_address_words(text, [], [])
    assert time.perf_counter() - started < 1.0
