"""Session 40 (candidate 40-3): an owners' association's, a condominium's, a housing cooperative's or a residence's
name that holds a street and number or a building's name ("Comunidad de Propietarios Calle Alcalá 214", "Condominio
Via Nizza 44", "WEG Lindenstraße 12–14", "VvE Vondelstraat 84-92", "BRF Storgatan 4", "Teréz krt. 22. Társasház",
"Résidence Les Tilleuls, bât. C") is kept, not masked as an ADDRESS; the writer's own address stays masked: a flat
after the name ("…Calle Sagasta 27, 3º B"), an address with no association's word, an association's street with its
postcode or town, a residence in an address block or after "mon adresse", "C.P." as a postcode's label or a title."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_owner_associations
from services.adapters.local.pii_fast import RulesPiiDetector
from services.adapters.local.pii_presidio import PresidioPiiDetector
from services.models import PiiSpan


@pytest.fixture(scope="module")
def detector() -> PresidioPiiDetector:
    return PresidioPiiDetector()


def _masked(spans: list[PiiSpan], text: str, value: str) -> bool:
    start = text.index(value)
    return any(s.start < start + len(value) and start < s.end for s in spans)


# (text, the name kept, PII of the same message that stays masked or "")
_KEPT = [
    ("Buenos días, les escribo como presidenta de la Comunidad de Propietarios Calle Alcalá 214. El ascensor está "
     "parado desde el lunes. Rocío Zamorano, 655 318 204", "Calle Alcalá 214", "655 318 204"),
    ("Buenas tardes, la derrama de la Comunidad de Propietarios Calle Sagasta 27, 3º B, me la han cobrado dos veces.",
     "Calle Sagasta 27", "3º B"),
    ("Gentile amministratore, sono la proprietaria dell'interno 9 del Condominio Via Nizza 44. Mi è stata addebitata "
     "due volte la quota. Rosaria Esposito", "Condominio Via Nizza 44", "Rosaria Esposito"),
    ("Egregio Condominio Via Garibaldi 22 – si comunica che l'assemblea è convocata per il 15 dicembre.",
     "Via Garibaldi 22", ""),
    ("Na qualidade de administração do Condomínio Rua de Cedofeita 412, informamos que as quotas estão em dívida.",
     "Rua de Cedofeita 412", ""),
    ("Olá, o Condomínio do Edifício Mar Azul pagou a fatura de março. Obrigado, Rui Figueira", "Edifício Mar Azul",
     "Rui Figueira"),
    ("Guten Tag,\n\nals Hausverwaltung der WEG Lindenstraße 12–14 in Köln bitten wir um ein Angebot für die Wartung.",
     "WEG Lindenstraße 12–14", ""),
    ("Betreff: WEG Lessingstr. 12 – Hausgeldrückstände\n\nLiebe Frau Albers, anbei die Liste.", "Lessingstr. 12", ""),
    ("Sinds zaterdag lekt het bij ons door het plafond. De VvE (VvE Vondelstraat 84-92) verwijst naar u.",
     "Vondelstraat 84-92", ""),
    ("Hej! Avgiften för BRF Storgatan 4 höjs med 5 % från 1 februari. Mvh Elin Bergström", "Storgatan 4",
     "Elin Bergström"),
    ("Hei, Sameiet Thereses gate 12 ønsker tilbud på vinduspuss.", "Thereses gate 12", ""),
    ("Wspólnota Mieszkaniowa ul. Słoneczna 5 informuje, że woda będzie wyłączona we wtorek.", "ul. Słoneczna 5", ""),
    ("Kérem a visszautalást a Teréz krt. 22. Társasház számlájáról.\n\nTisztelettel:\ndr. Varga Eszter",
     "Teréz krt. 22. Társasház", "Varga Eszter"),
    ("Objet : Fuite dans la cage d'escalier – Résidence Les Tilleuls, bât. C\n\nMadame, Monsieur, l'eau coule.",
     "Résidence Les Tilleuls", ""),
    ("Veuillez trouver l'appel de fonds pour le local (lot 14) de la copropriété Résidence Les Arcades, 112 "
     "boulevard Voltaire, 75011 Paris : 1 846,20 €.", "Résidence Les Arcades", "112 boulevard Voltaire"),
]

# (text, an association's name kept, the look-alike that stays masked)
_LOOK_ALIKES = [
    ("La Comunidad de Propietarios Calle Alcalá 214 me cobra la derrama. Mi dirección nueva es Calle Bailén 33, 2º B, "
     "48003 Bilbao.", "Calle Alcalá 214", "Calle Bailén 33, 2º B"),
    ("Betreff: WEG Lessingstr. 12\n\nals Hausverwaltung der WEG Schillerstraße 14, 01069 Dresden bitten wir um ein "
     "Angebot.", "Lessingstr. 12", "Schillerstraße 14"),
    ("Oggetto: Condominio Via Roma 44 – lavori\n\nSono l'amministratore del condominio di Via Garibaldi 40, Treviso.",
     "Via Roma 44", "Via Garibaldi 40"),
    ("Objet : Fuite – Résidence Les Tilleuls, bât. C\n\nMon adresse complète :\nThibault Marchand\nRésidence Les "
     "Glycines, Bât. C\n12 allée des Peupliers\n33600 Pessac", "Résidence Les Tilleuls", "Résidence Les Glycines"),
    ("Objet : Fuite – Résidence Les Tilleuls, bât. C\n\nVoici mon adresse complète: Résidence Al Amal, Imm 7, Apt 12, "
     "Hay Riad, Rabat.", "Résidence Les Tilleuls", "Résidence Al Amal"),
    ("Comunidad de Propietarios Calle Goya 14\nDomicilio: C/ Alcalá 214, 4.º B\nC.P.: 28028\nLocalidad: Madrid",
     "Calle Goya 14", "28028"),
    ("Comunidad de Propietarios Calle Goya 14: les escribe C.P. Juan Pérez Gómez, contador de la empresa.",
     "Calle Goya 14", "Juan Pérez Gómez"),
]


@pytest.mark.parametrize(("text", "name", "pii"), _KEPT)
def test_an_associations_name_is_kept(detector: PresidioPiiDetector, text: str, name: str, pii: str) -> None:
    for spans in (detector.find(text), RulesPiiDetector().find(text)):
        assert not _masked(spans, text, name)
        assert not pii or _masked(spans, text, pii)


@pytest.mark.parametrize(("text", "name", "value"), _LOOK_ALIKES)
def test_the_writers_address_stays_masked(detector: PresidioPiiDetector, text: str, name: str, value: str) -> None:
    for spans in (detector.find(text), RulesPiiDetector().find(text)):
        assert not _masked(spans, text, name)
        assert _masked(spans, text, value)


def test_the_flat_after_the_name_is_masked_alone() -> None:
    text = "Puede abonarlo indicando como concepto C.P. Velázquez 44 – 3ºB."
    start = text.index("Velázquez")
    spans = pii_owner_associations.keep_association_names(text, [PiiSpan("ADDRESS", start, len(text) - 1, 0.9)])
    assert [text[s.start:s.end] for s in spans] == ["3ºB"]


@pytest.mark.parametrize("text", ["Predseda SVJ pan Horák nebere telefon.", "C.P.: 28028", "C.P. Juan Pérez",
                                  "Lo porto in assemblea di condominio martedì. Dario",
                                  "l'amministratore del condominio Mario Rossi", "Eppendorfer Weg 212, zijn weg"])
def test_no_name_after_the_word(text: str) -> None:
    assert pii_owner_associations.association_names(text) == []


def test_hostile_input_is_fast() -> None:
    texts = ["WEG Aa Bb 12 " * 2000, "Résidence Les Tilleuls, " * 1000, "x Társasház " * 2000, "Aa " * 7000 +
             "Társasház", ("Condominio Via Roma 44 " + "a" * 50) * 300]
    spans = [PiiSpan("ADDRESS", i * 7, i * 7 + 5, 0.9) for i in range(60)]
    for text in texts:
        started = time.perf_counter()
        pii_owner_associations.keep_association_names(text, spans)
        assert time.perf_counter() - started < 0.5
