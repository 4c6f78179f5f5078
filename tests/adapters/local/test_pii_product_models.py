"""Session 44 (candidate 44-3): a vehicle named by its make and model, an appliance, a fitting or a device named by
its brand and model or series, is a kept PRODUCT, never a person, in any language and letter case; a person's name
next to it, a make that is a person's name before anything but a model, and a year after a make stay as they were."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_product_models
from services.adapters.local.pii_fast import RulesPiiDetector
from services.adapters.local.pii_presidio import PresidioPiiDetector
from services.models import PiiSpan


def _masked(spans: list[PiiSpan], text: str, value: str) -> bool:
    start = text.index(value)
    return any(s.start < start + len(value) and start < s.end for s in spans)


# (text, the product the detector must leave unmasked)
_PRODUCTS = [
    ("Bom dia Sr. Carvalho,\n\nsegue orçamento ORC-2025-318 para o seu Renault Mégane (14-RT-77):\n- pastilhas e "
     "discos de travão frente: 214,00 €\n\nCumprimentos,\nHélder\nAuto Reparadora Central de Setúbal", "Renault Mégane"),
    ("Mașina mea: CJ 44 KLT, Dacia Logan. Despăgubirea vă rog s-o virați în contul meu.\n\nMulțumesc,\nIoana Crișan",
     "Dacia Logan"),
    ("Your MOT is due soon\n\nVehicle: Ford Focus YD19 KXT\nMOT expiry: 22 April 2025\n\nRinggway Garage Services",
     "Ford Focus"),
    ("hola manolo, soy iñaki el del seat leon gris, matricula 4418 KLM. al final me cambiasteis las pastillas?",
     "seat leon"),
    ("Imię i nazwisko: Bartosz Lewandowski\nProdukt: Pralka Bosch Serie 6 WGG244Z0PL, nr seryjny FD 9904 018842\n"
     "Opis: pralka wyświetla błąd E17.", "Bosch Serie 6"),
    ("Hej Annelie\n\n– Ny WC (Gustavsberg Nautic) inkl. montering: 6 950 kr\n\nMvh\nMattias Holm", "Gustavsberg Nautic"),
    ("Guten Tag, mein Škoda Octavia (M-AB 1234) steht seit Montag in Ihrer Werkstatt. Gruß, Jörg Baumann",
     "Škoda Octavia"),
    ("Hi, the boiler is a Worcester 30i and it keeps losing pressure. Thanks, Dave Collins", "Worcester 30i"),
]


@pytest.mark.parametrize(("text", "product"), _PRODUCTS)
def test_the_default_detector_leaves_a_make_and_model_unmasked(text: str, product: str) -> None:
    assert not _masked(PresidioPiiDetector().find(text), text, product)


def test_the_owner_and_the_signature_next_to_the_product_stay_masked() -> None:
    text = _PRODUCTS[1][0]
    assert _masked(PresidioPiiDetector().find(text), text, "Ioana Crișan")
    text = _PRODUCTS[0][0]
    assert _masked(PresidioPiiDetector().find(text), text, "Carvalho")


@pytest.mark.parametrize(("text", "product"), [
    ("Vehicle: Ford Focus YD19 KXT", "Ford Focus"), ("soy iñaki el del seat leon gris", "seat leon"),
    ("Produkt: Pralka Bosch Serie 6 WGG244Z0PL", "Bosch Serie 6 WGG244Z0PL"), ("Miele W1 defekt", "Miele W1"),
    ("my Samsung Galaxy A54 screen", "Samsung Galaxy A54"), ("Kessel Vaillant ecoTEC plus", "Vaillant ecoTEC plus"),
    ("Hyundai i30 de 2019", "Hyundai i30"), ("VW Touran", "VW Touran"), ("ŠKODA OCTAVIA", "ŠKODA OCTAVIA"),
    ("la Toyota Yaris grigia", "Toyota Yaris"), ("Land Rover Defender", "Land Rover Defender"),
    ("Peugeot 3008 GT", "Peugeot 3008"), ("Geberit AquaClean Sela", "Geberit AquaClean"),
])
def test_product_names_in_many_languages_and_cases(text: str, product: str) -> None:
    names = [text[a:b] for a, b in pii_product_models.product_names(text)]
    assert product in names


@pytest.mark.parametrize("text", [
    "Harrison Ford called about the invoice", "Kia Johnson rang twice", "Maria Bosch Vidal, Calle Mayor 3",
    "Toyota Sarah signed it", "our Ford 2019 service", "please take a seat up there", "Suzuki Hanako様",
    "Ford\nFocus Group Ltd", "a smart note about the bill", "Regards,\nSkoda Novak",  # a signature's shape
])
def test_look_alikes_are_no_product(text: str) -> None:
    assert pii_product_models.product_names(text) == []


def test_a_name_beside_the_product_stays_and_other_kinds_are_untouched() -> None:
    text = "Ford Focus Jan Kowalski 512 049 338"
    spans = [PiiSpan("PERSON", 0, 23, 0.9), PiiSpan("PHONE", 24, 35, 0.9)]
    out = pii_product_models.drop_product_models(text, spans)
    assert [(s.kind, text[s.start:s.end]) for s in out] == [("PERSON", "Jan Kowalski"), ("PHONE", "512 049 338")]
    text = "Produkt: Pralka Bosch Serie 6"
    assert pii_product_models.drop_product_models(text, [PiiSpan("PERSON", 9, 27, 0.9)]) == []


def test_the_rules_only_detector_drops_a_product_too() -> None:
    text = "Hello,\n\nmy Dacia Logan needs a service.\n\nRegards,\nIoana"
    spans = [PiiSpan("PERSON", 11, 22, 0.9)]
    assert pii_product_models.drop_product_models(text, spans) == []
    found = RulesPiiDetector().find("Cliente: Ioana Crișan\nVehicul: Dacia Logan, CJ 44 KLT")
    text = "Cliente: Ioana Crișan\nVehicul: Dacia Logan, CJ 44 KLT"
    assert not _masked(found, text, "Dacia Logan")


def test_long_input_is_fast() -> None:
    text = "Ford Focus Renault Clio " * 3000 + "x"
    begin = time.perf_counter()
    pii_product_models.product_names(text)
    assert time.perf_counter() - begin < 1.0
