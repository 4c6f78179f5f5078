"""The town and postcode of the customer's own address as a form's field or a call's answer (candidate 44-4,
pii_town_fields.py), through the default detector and the rules-only one; look-alikes the conventions keep."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_town_fields
from services.adapters.local.pii_fast import RulesPiiDetector
from services.adapters.local.pii_presidio import PresidioPiiDetector

_DEFAULT = PresidioPiiDetector()
_RULES = RulesPiiDetector()


def _address_values(detector: PresidioPiiDetector | RulesPiiDetector, text: str) -> list[str]:
    return [text[s.start:s.end] for s in detector.find(text) if s.kind == "ADDRESS"]


@pytest.mark.parametrize(("text", "values"), [
    # a street field with a longer label: Spanish supply point, German "Straße/Hausnr.", Belgian "Rue et numéro"
    ("Nombre: Montserrat\nDirección de suministro: Carrer de Provença 318, 5è 2a\nCP: 08037\nPoblación: Barcelona\n"
     "CUPS: ES0031408418877301JY0F", ["08037", "Barcelona"]),
    ("Vorname: Mehmet\nNachname: Aydın\nStraße/Hausnr.: Goethestraße 8a\nPLZ: 68161\nOrt: Mannheim\n"
     "Kundennummer: 3001 448 271", ["Mannheim"]),
    ("Nom : Mbuyi\nRue et numéro : Rue Josaphat 212, boîte 4\nCode postal : 1030\nCommune : Schaerbeek\n"
     "Téléphone : 0478 21 66 90", ["Schaerbeek"]),
    ("Nome: Marco\nIndirizzo fornitura: Via Aurelia 412, int. 6\nCAP: 00165\nComune: Roma\nPOD: IT001E41877230",
     ["Roma"]),
    # a town beside a postcode field in a contact form; a Dutch town with its article
    ("Nombre: Beatriz\nEmail: bea.soto@hotmail.es\nCódigo postal: 29016\nCiudad: Málaga\nMensaje: Quería presupuesto",
     ["Málaga"]),
    ("Naam: Emma Visser\nAdres: Koningsweg 41\nPostcode: 5211 BJ\nWoonplaats: 's-Hertogenbosch\nGeboortedatum: 22-01",
     ["'s-Hertogenbosch"]),
    # a town field after the postcode on its line
    ("Codice fiscale: CLMCHR90A47L219V\nResidenza: via Garibaldi 18\nCAP: 10122 Città: Torino\nData: 07/01/1990",
     ["Torino"]),
    # a US ZIP field beside the street; a Mexican CP field alone
    ("Name: Kayla Brooks\nStreet: 4418 Cedar Hollow Ln\nCity: Plano\nState: TX\nZIP: 75024\nOrder #: W448120937",
     ["75024"]),
    ("Datos para factura:\nRFC: RUOF900722K37\nNombre: María Fernanda Ruiz Olvera\nCP: 44160\nRégimen: 612\n"
     "Uso CFDI: G03", ["44160"]),
    # a call: the town as the answer to its question, a Singapore postal code read out
    ("Operatore: il CAP?\nCliente: 40121\nOperatore: e la città?\nCliente: Bologna\nOperatore: perfetto", ["Bologna"]),
    ("agente: ¿y la localidad?\ncliente: Madrid, veintiocho cero cuarenta y cinco",
     ["Madrid, veintiocho cero cuarenta y cinco"]),
    ("agent: and your postal code?\ncaller: five six zero four four one\nagent: I see an outage",
     ["five six zero four four one"]),
])
def test_a_town_or_postcode_of_the_customers_address_is_masked(text: str, values: list[str]) -> None:
    for detector in (_DEFAULT, _RULES):
        found = _address_values(detector, text)
        assert all(v in found for v in values), (found, values)


@pytest.mark.parametrize(("text", "kept"), [
    ("Full Name: Rania Khoury\nEmail: rania@khourydentallab.jo\nCity: Amman\nMessage: We need 3 more seats", "Amman"),
    ("form\nfirst_name: Rowan\naddress_1: PO Box 4471\ncity: Austin\nstate: TX\nzip: 78701", "Austin"),
    ("Name: Tamika Rhodes\nLast 4 of SSN: 3779\nZIP: 60614\nBest number: (773) 555-0142", "60614"),
    ("Name: Selin Aydın\nGeburtsdatum: 07.03.1991\nGeburtsort: Duisburg\nSteuer-ID: 57 214 889 301", "Duisburg"),
    ("Hola! Necesito factura. RFC RAOJ850922K73, razón social Juan Ramírez Ortega, CP 44160, régimen 612.", "44160"),
    ("agent: which city are you calling from?\ncaller: Chicago\nagent: thanks", "Chicago"),
    ("agent: and the postcode\ncaller: four three oh oh\nagent: thanks", "four three oh oh"),
    ("Agent: city?\nCaller: yeah that's right", "that's right"),
])
def test_look_alikes_are_kept(text: str, kept: str) -> None:
    for detector in (_DEFAULT, _RULES):
        assert not any(kept in v for v in _address_values(detector, text))


def test_a_long_form_finishes_fast() -> None:
    text = "Street: 1 Main St\n" + "City: Springfield Springfield Springfield\nCP: 12345 Città: Roma\n" * 2000
    started = time.perf_counter()
    found = pii_town_fields.find_town_fields(text)
    assert time.perf_counter() - started < 1
    assert len(found) <= pii_town_fields.CAP
