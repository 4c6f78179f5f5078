"""Addresses as forms, calls and letterheads give them (session 29, pii_address_forms.py): a form's postcode and town
fields beside its street field, a UK / Irish postcode read out after its question, a Brazilian CEP or a Polish
postcode given as the answer, and a letterhead's postcode-and-town line after its street or PO box."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_address_forms
from tests.pii_rules_support import rules_cover


def _found(text: str) -> list[str]:
    return [text[s:e] for _, s, e, _ in pii_address_forms.find_address_forms(text)]


@pytest.mark.parametrize(("text", "values"), [
    ("Nombre: Jorge\nTeléfono: +34 688 201 447\nDirección: Calle Mayor 22, 3º B\nCP: 20001\nLocalidad: Donostia\n",
     ["20001", "Donostia"]),
    ("First name: Tamika\nService address: 1835 Oakcrest Dr\nCity: Decatur\nState: GA\nZIP: 30032\nIssue: outage",
     ["Decatur", "GA", "30032"]),
    ("Morada: Av. da República 1220, 5.º A\nCódigo postal: 4430-192 Vila Nova de Gaia\nNIF: 176947477",
     ["4430-192 Vila Nova de Gaia"]),
    ("agent: can i take your full postcode\ncaller: e h three, nine q n\nagent: lovely", ["e h three, nine q n"]),
    ("A: can i have the postcode please\nC: it's m one four, um, seven x ray, foxtrot... no sorry m fourteen, seven x "
     "ray hotel", ["m one four", "seven x ray, foxtrot", "m fourteen, seven x ray hotel"]),
    ("Atendente: e o cep de entrega\nCliente: oito zero dois meia zero, zero nove zero\nAtendente: ok",
     ["oito zero dois meia zero, zero nove zero"]),
    ("Konsultant: a kod pocztowy\nKlient: trzydzieści jeden, sto czterdzieści dwa\nKonsultant: dziękuję",
     ["trzydzieści jeden, sto czterdzieści dwa"]),
    ("Pode confirmar o CEP de entrega?\n[14:05] Cliente: 04538-132", ["04538-132"]),
    ("bitte an meine neue Anschrift:\nLindenauer Markt 7\n04177 Leipzig\n\nDanke", ["Lindenauer Markt 7", "04177 Leipzig"]),
    ("in der Lerchenfelder Gürtel 43/12, 1160 Wien tropft es", ["Lerchenfelder Gürtel 43/12, 1160 Wien"]),
    ("Ihr Kundenservice\nfunkwelle mobil GmbH · Postfach 10 04 33 · 20003 Hamburg", ["Postfach 10 04 33 · 20003 Hamburg"]),
    ("Conseiller clientèle\nÉnergie Alpes Services\nBP 2214\n38033 Grenoble Cedex", ["BP 2214", "38033 Grenoble Cedex"]),
    ("Nuestra dirección fiscal sigue siendo Polígono Las Arenas, nave 12, 25191 Lleida. Gracias",
     ["Polígono Las Arenas, nave 12, 25191 Lleida"]),
])
def test_an_address_given_in_these_forms_is_found(text: str, values: list[str]) -> None:
    assert _found(text) == values
    assert all(rules_cover(text, value) for value in values)


@pytest.mark.parametrize("text", [
    # a contact form's town with no address, a PO box as the address, a Mexican CP inline (a kept ZIP), the month
    # before a street, a US house number and street after a suite, a year line, a reference read after the postcode
    "Full Name: Rania Khoury\nEmail: rania@khourydentallab.jo\nCity: Amman\nMessage: We need 3 more seats",
    "form\nfirst_name: Rowan\naddress_1: PO Box 4471\ncity: Austin\nstate: TX\nzip: 78701",
    "Hola! Necesito factura. RFC RAOJ850922K73, razón social Juan Ramírez Ortega, CP 44160, régimen 612.",
    "Please invoice Bayview Dental Group, Suite 210, 1450 Harbour Blvd, San Diego, CA 92101, attn Candace",
    "Hauptstraße 5\n2024 Rechnung",
    "agent: and the postcode\ncaller: m l three, seven e x\nagent: thank you thats logged under s l two oh nine one four",
    "agent: postcode? caller: i think a one is fine",
])
def test_look_alikes_are_left_alone(text: str) -> None:
    found = _found(text)
    assert not any(w in f for f in found for w in ("Amman", "Austin", "44160", "Harbour", "2024", "s l two", "a one"))


def test_the_month_before_a_street_stays_out_of_it() -> None:
    text = "ich ziehe mit 1. April von Gentzgasse 54/2/11, 1180 Wien nach Graz"
    assert _found(text) == ["Gentzgasse 54/2/11, 1180 Wien"]


@pytest.mark.parametrize("unit", ["postcode one a ", "CP: 1\n", "cep um ", "Straße 1, 1234 Aa\n", "a: b\n", "1111 Aa, "])
def test_hostile_text_is_read_in_linear_time(unit: str) -> None:
    text = (unit * (200_000 // len(unit) + 1))[:200_000]
    started = time.thread_time()
    pii_address_forms.find_address_forms(text)
    assert time.thread_time() - started < 5.0
