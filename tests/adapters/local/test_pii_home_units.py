"""Session 44 (44-6, a second look at 43-3): a home's flat, unit, floor or door named on its own is an ADDRESS (a
dwelling's word and its number, a floor with its door's side, the writer's home word and its unit, a form's flat
field); an office, a room, a hall, a staircase or a floor alone, a neighbour's unit, a door a parcel was left at stay
readable."""

from __future__ import annotations

import pytest

from services.adapters.local.pii_fast import RulesPiiDetector
from services.adapters.local.pii_presidio import PresidioPiiDetector


@pytest.fixture(scope="module")
def fast() -> RulesPiiDetector:
    return RulesPiiDetector()


def addresses(detector: PresidioPiiDetector | RulesPiiDetector, text: str) -> list[str]:
    return [text[s.start:s.end] for s in detector.find(text) if s.kind == "ADDRESS"]


def masked(detector: PresidioPiiDetector | RulesPiiDetector, text: str, value: str) -> bool:
    start = text.index(value)
    return any(s.start <= start and start + len(value) <= s.end for s in detector.find(text))


def touched(detector: PresidioPiiDetector | RulesPiiDetector, text: str, value: str) -> bool:
    start = text.index(value)
    return any(s.start < start + len(value) and start < s.end for s in detector.find(text))


FOUND = [
    # a dwelling's word that names nothing but a home
    ("Dobrý den, v příloze posíláme vyúčtování služeb za rok 2024 pro byt č. 12 v domě na nábřeží.", "byt č. 12"),
    ("Laba diena, Jūsų butui Nr. 34 priskaičiuota 48,60 Eur renovacijos įmoka.", "butui Nr. 34"),
    ("Od 1 lipca zaliczka na koszty zarządu dla lokalu nr 12 wynosi 3,20 zł/m².", "lokalu nr 12"),
    ("SV: Andrahandsuthyrning lgh 1204\n\nHej Amir,\nTack, vi har fått din ansökan.", "lgh 1204"),
    ("Poštovani, molim promjenu podataka za pričuvu za stan br. 7 od 1. 11. 2024.", "stan br. 7"),
    ("Vă informăm că pentru ap. 14, bl. C3, sc. B, et. 4 figurează o restanță.", "ap. 14, bl. C3, sc. B, et. 4"),
    # a floor with its door's side, alone
    ("O esquentador voltou a dar erro. Estou em casa a partir das 14h, é no 2.º Dto., a campainha não funciona.",
     "2.º Dto"),
    ("Tem outro IBAN? Cumprimentos, Beatriz (3.º Dto.)", "3.º Dto"),
    ("Hallo, der Maler kommt am Montag in die Wohnung 2. OG rechts, bitte Möbel abrücken.", "Wohnung 2. OG rechts"),
    # the writer's or the addressee's home, then its unit
    ("die Nebenkostenabrechnung 2023 für meine Wohnung (Wohnung 5, 3. OG rechts) enthält Hausmeisterkosten.",
     "Wohnung 5, 3. OG rechts"),
    ("Sehr geehrter Herr Brandt, in unserer Wohnung (3. OG links, Wohnung 7) ist die Heizung kalt.",
     "3. OG links, Wohnung 7"),
    ("la fuite n'est toujours pas réparée, l'eau coule jusqu'à mon appartement 32. Merci d'intervenir.",
     "appartement 32"),
    ("Salut, le livreur a sonné au 3e alors que j'habite au 5e gauche. Code porte B1947.", "5e gauche"),
    ("Gentile amministratore, segnalo un'infiltrazione dal tetto nel mio appartamento, scala B, interno 9. Saluti",
     "interno 9"),
    ("Condominio Via Nizza 41\nGentile condòmino dell'interno 9,\nLe ricordiamo la rata.", "interno 9"),
    ("il rider ha lasciato la spesa al civico 12 invece che al civico 21 di via Po.", "civico 21"),
    # a form's flat field
    ("Nimi: Aino Hyvärinen\nAsunto: B 17\nPuhelin: 040 718 2254", "B 17"),
    ("Name: Callum Fairweather\nUnit: Apt 1204\nBuilding: The Foundry", "Apt 1204"),
    ("Namn: Elin Berg\nLägenhetsnummer: 1102\nÄrende: fukt i badrummet", "1102"),
]


@pytest.mark.parametrize(("text", "value"), FOUND)
def test_a_homes_unit_named_alone_is_an_address(detector: PresidioPiiDetector, fast: RulesPiiDetector,
                                                text: str, value: str) -> None:
    assert masked(detector, text, value), addresses(detector, text)
    assert masked(fast, text, value), addresses(fast, text)


# each message: the home's unit found, a look-alike beside it left readable
BESIDE = [
    ("Zaliczka dla lokalu nr 14 wzrosła, a zalanie zrobił sąsiad z lokalu nr 9.", "lokalu nr 14", "lokalu nr 9"),
    ("Olá, o estafeta deixou o meu pedido no 2.º direito. É no 3.º Esq., a campainha não funciona.", "3.º Esq",
     "2.º direito"),
    ("El certificado es de mi vecino. Yo vivo en el 2º izda y él en el 2º derecha del número 14.", "2º izda",
     "2º derecha"),
    ("Buongiorno, il vicino dell'interno 5 fa rumore. Sono la signora dell'interno 7, scala A.", "interno 7",
     "interno 5"),
    ("Vă rog transfer cu mențiunea „ap. 14 – întreținere”. Instalatorul vine la ap. 16, bl. C3.", "ap. 16, bl. C3",
     "ap. 14"),
    ("Die Sitzung ist in Zimmer 0.14, Halle 3. Unsere Wohnung (Wohnung 7, 2. OG links) bleibt zu.",
     "Wohnung 7, 2. OG links", "Zimmer 0.14"),
    ("Le rendez-vous est en salle 12, au 3e étage. Mon appartement 41 est juste au-dessus.", "appartement 41",
     "3e étage"),
    ("Nel mio appartamento (scala B) piove, come nell'appartamento interno 4 del condominio.", "interno 4",
     "scala B"),
]


@pytest.mark.parametrize(("text", "value", "look_alike"), BESIDE)
def test_look_alikes_beside_a_home_stay_readable(detector: PresidioPiiDetector, fast: RulesPiiDetector, text: str,
                                                 value: str, look_alike: str) -> None:
    for found in (detector, fast):
        assert masked(found, text, value), addresses(found, text)
        assert not touched(found, text, look_alike), addresses(found, text)
