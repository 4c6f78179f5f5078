"""Session 40 (40-2): the writer's own flat, floor and door and a postcode-town line written apart from the street are
masked as an address; a neighbour's unit, someone else's, a floor alone, a temperature, a number plate and a phone
extension stay readable."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_unit_complements
from services.adapters.local.pii_fast import RulesPiiDetector
from services.adapters.local.pii_presidio import PresidioPiiDetector


@pytest.fixture(scope="module")
def detector() -> PresidioPiiDetector:
    return PresidioPiiDetector(crf=True, person_check=True)


@pytest.fixture(scope="module")
def rules() -> RulesPiiDetector:
    return RulesPiiDetector()


def masked(detector: PresidioPiiDetector | RulesPiiDetector, text: str, value: str) -> bool:
    """Is every character of the value's last occurrence masked?"""
    start = text.rindex(value)
    spans = detector.find(text)
    return all(any(s.start <= i < s.end for s in spans) for i in range(start, start + len(value)))


def touched(detector: PresidioPiiDetector | RulesPiiDetector, text: str, value: str) -> bool:
    start = text.index(value)
    return any(s.start < start + len(value) and start < s.end for s in detector.find(text))


OWN_UNITS = [
    ("Buenas tardes:\n\nLe escribo como propietario del 2º izquierda. La derrama de la fachada me parece excesiva.",
     "2º izquierda"),
    ("Sr. presidente, soy la inquilina del 1.º dcha y el ascensor lleva parado una semana.", "1.º dcha"),
    ("Gentile amministratore, sono la proprietaria dell'interno 11 e non ho ricevuto il verbale.", "interno 11"),
    ("Madame, je suis copropriétaire de l'appartement 27 et je conteste la répartition des charges.",
     "appartement 27"),
    ("Dobrý den, jsem majitel bytu č. 8 a v koupelně mi teče strop.", "bytu č. 8"),
    ("Szanowni Państwo, jako właściciel lokalu nr 31 proszę o korektę rozliczenia.", "lokalu nr 31"),
    ("Κύριε διαχειριστά, ως ιδιοκτήτης του διαμερίσματος Β4 ζητώ αντίγραφο των κοινοχρήστων.", "διαμερίσματος Β4"),
    ("Hej, jag hyr lägenhet 1203 och element i sovrummet är kalla sedan i fredags.", "lägenhet 1203"),
    ("il corriere ha lasciato il pacco in portineria, ma io sto all'interno 4. Ordine IT-440218.", "interno 4"),
    ("O estafeta deixou a encomenda no rés-do-chão. Eu moro no 2.º Dto, podem voltar amanhã?", "2.º Dto"),
    ("Die Heizung ist kalt. Ich wohne im 2. OG rechts, bitte schicken Sie jemanden.", "2. OG rechts"),
    ("the courier gave my food to someone else, I'm flat 22 not flat 2!! order 55102", "flat 22"),
    ("Gentile amministratore, nel mio appartamento, interno 3, c'è una macchia di umidità.", "interno 3"),
    ("Sehr geehrter Herr Lang, in meiner Wohnung (1. OG links) tropft das Wasser durch die Decke.", "1. OG links"),
    ("The boiler is off again, could someone come on Friday?\n\nThanks,\nMarek, flat 5C", "flat 5C"),
    ("Pode mandar o técnico amanhã de manhã?\nObrigado,\nRui (3.º Esq)", "3.º Esq"),
    ("Die Nebenkostenabrechnung fehlt noch.\n\nViele Grüße\nJonas Weber, Wohnung 7", "Wohnung 7"),
    ("Asunto: Derrama ascensor – piso 5º C\n\nBuenos días, no estoy de acuerdo con el reparto.", "5º C"),
    ("Cliente: te paso la dirección\nCliente: Calle Toledo 41\nCliente: 2º izq\nCliente: 28005 Madrid", "2º izq"),
    ("Nome: Paula Reis\nCEP: 01311-000\nComplemento: apto 54\nPedido: BR-551203", "apto 54"),
    ("¿Me mandan el recibo? Soy Marta Gil, piso 6.º B. Gracias.", "6.º B"),
]


@pytest.mark.parametrize(("text", "own"), OWN_UNITS)
def test_the_writers_own_unit_is_masked(detector: PresidioPiiDetector, rules: RulesPiiDetector, text: str,
                                        own: str) -> None:
    assert masked(detector, text, own)
    assert masked(rules, text, own)


POSTCODE_TOWNS = [
    ("Ik verhuis en neem mijn contract mee naar mijn nieuwe adres:\nLindelaan 22-A\n3523 KM Utrecht\nEAN: 8716",
     ["Lindelaan 22-A", "3523 KM Utrecht"]),
    ("Adress: Tensta allé 12, lgh 1304\n163 64 Spånga\nClearingnummer: 8327-9", ["163 64 Spånga"]),
    ("S pozdravem\nIng. Karel Novák\nPrůmyslová 1402/7\n586 01 Jihlava\nIČO: 71727583", ["Průmyslová 1402/7",
                                                                                        "586 01 Jihlava"]),
    ("Datos de facturación:\nLaura Pons\nC/ Cuba 18, bajo\n46006 València\nIBAN: ES05 2100 3820 5931 4998 2476",
     ["C/ Cuba 18, bajo", "46006 València"]),
    ("Nova morada: Rua de Cedofeita 210\nCódigo postal: 4050-180 Porto\nContacto: +351 934 118 205",
     ["4050-180 Porto"]),
]


@pytest.mark.parametrize(("text", "values"), POSTCODE_TOWNS)
def test_a_postcode_town_line_and_its_street_are_masked(detector: PresidioPiiDetector, rules: RulesPiiDetector,
                                                       text: str, values: list[str]) -> None:
    for value in values:
        assert masked(detector, text, value), value
        assert masked(rules, text, value), value


LOOK_ALIKES = [
    ("el repartidor dejó mi paquete con la vecina del 4ºB pero no me abre", "4ºB"),
    ("il corriere ha lasciato il pacco al vicino dell'interno 5, non a me", "interno 5"),
    ("Le recuerdo a la inquilina del 2º A que la cuota vence el día 5.", "2º A"),
    ("the heating is off again, it's 14°C in the living room", "14°C"),
    ("Wir sind im 3. OG, der Aufzug ist kaputt.", "3. OG"),
    ("Agente: ¿y la matrícula?\nCliente: 4471 KLM", "4471 KLM"),
    ("Boarding at gate 14 now, I'm in seat 3B, can you hold the bag?", "3B"),
    ("Cordiali saluti\nGiulia Montanaro\nUfficio Acquisti, int. 238", "int. 238"),
    ("Posso pagare in tre rate?\n\nCordialmente,\nMarco Sala, interno 12", "interno 12"),
    ("Sou o encarregado de educação do aluno Francisco, 7.º B, n.º 14.", "7.º B"),
    ("Can you confirm the last four digits?\ncustomer: 2371 sorry", "2371"),
    ("Cliente: Rua Harmonia 448\nCliente: apto 72, bloco B", "bloco B"),
]


@pytest.mark.parametrize(("text", "value"), LOOK_ALIKES)
def test_look_alikes_stay_readable(detector: PresidioPiiDetector, text: str, value: str) -> None:
    assert not touched(detector, text, value)


def test_the_finders_stay_fast_and_capped() -> None:
    text = ("Soy propietario del 3º B. Mvh\nZofia, flat 2B\n" + "Industrieweg 8\n3861 NP Nijkerk\n") * 400
    began = time.perf_counter()
    units = list(pii_unit_complements.find_unit_complements(text))
    towns = list(pii_unit_complements.find_postcode_towns(text))
    assert time.perf_counter() - began < 1.0
    assert len(units) <= pii_unit_complements.CAP
    assert len(towns) <= pii_unit_complements.CAP
