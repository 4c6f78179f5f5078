"""Session 46 (candidate 46-2): kept places the detectors masked — a building's, a block's or a stairwell's letter
read as a person's initial ("trapphus B. Spola inte…"), and a street closing a sentence of a notice ("desviados pela
Rua de São Marcos."); the names and the addresses beside them stay masked."""

from __future__ import annotations

import pytest

from services.adapters.local import pii_block_letters, pii_street_places
from services.adapters.local.pii_fast import RulesPiiDetector
from services.models import PiiSpan
from tests.adapters.local.pii_support import overlapped as _masked

# (text, the building's letter that stays, a person's name that stays masked or None): the model read each letter,
# its full stop and the next sentence's first word as an initial and a surname
_LETTERS = [
    ("Vattnet stängs av tisdag 4/3 kl. 8–12 pga stambyte i trapphus C. Spola inte och tappa upp vatten i förväg.",
     "C. Spola", None),
    ("Zebranie mieszkańców odbędzie się 12 marca o godz. 18:00 w świetlicy w budynku C. Prosimy o liczne przybycie.",
     "C. Prosimy", None),
    ("Ho pagato la rata di 280,00 € due volte a maggio. Sono il proprietario dell'interno 3, scala D. Allego la "
     "ricevuta.", "D. Allego", None),
    ("Vandet lukkes torsdag den 9. januar kl. 8–12 pga. udskiftning af stigstrenge i opgang D. Husk at tappe vand "
     "dagen før.", "D. Husk", None),
    ("L'assemblée générale se tiendra le 20 mars à 18h dans la salle commune du bâtiment D. Ordre du jour : toiture.",
     "D. Ordre", None),
    ("Il 14 maggio verrà effettuata la disinfestazione delle cantine della scala C. Si prega di liberare i corridoi.",
     "C. Si", None),
    ("Przesyłam fakturę nr FV/2026/02/33 za malowanie w klatce C. Kwota 4 200,00 zł brutto, płatna w terminie 14 dni.",
     "C. Kwota", None),
    ("Hallo, wann kommt der Monteur für den Aufzug? Störung ST-55102, Objekt Haus D. Es ist seit Montag kaputt!",
     "Haus D", None),
    ("Please bring your ID and bank details on day one. Start 6am, Gate C.", "Gate C", None),
    ("Pan Tomasz, elektryk miał być o 9, jest 11:40. Kiedy przyjdzie? Klatka C, mieszkanie 12.", "Klatka C",
     "Pan Tomasz"),
    ("The AGM of the management company will be held on Tuesday 9 September at 7pm in the residents' lounge, Block C.",
     "Block C", None),
]


@pytest.mark.parametrize(("text", "place", "name"), _LETTERS)
def test_a_buildings_letter_is_kept_in_the_default_detector(tagged, text: str, place: str, name: str | None) -> None:
    spans = tagged.find(text)
    assert not _masked(spans, text, place), [text[s.start:s.end] for s in spans]
    if name is not None:
        assert _masked(spans, text, name)


# a person's initial after anything but a building's word, and an address that holds a block, stay masked
_STAY = [
    ("Kontakt w sprawie faktury: B. Kowalski, tel. 601 234 567.", "B. Kowalski"),
    ("Please call back Mr A. Meyer on 07700 900461 about the claim.", "A. Meyer"),
    ("Deliver to Block C, 14 Greenfields Estate, Kilimani Road, Nairobi please.", "14 Greenfields Estate"),
]


@pytest.mark.parametrize(("text", "value"), _STAY)
def test_initials_and_addresses_stay_masked(tagged, text: str, value: str) -> None:
    assert _masked(tagged.find(text), text, value)


def test_the_mend_reads_the_building_word_before_the_letter_only() -> None:
    text = "Stambyte i trapphus B. Spola inte i morgon."
    start = text.index("B. Spola")
    assert pii_block_letters.drop_block_letters(text, [PiiSpan("PERSON", start, start + 8, 0.9)]) == []
    text = "Kontakt: B. Spola, ekonomi."
    start = text.index("B. Spola")
    span = PiiSpan("PERSON", start, start + 8, 0.9)
    assert pii_block_letters.drop_block_letters(text, [span]) == [span]
    text = "scala A. Teresa Colombo ha pagato"
    start = text.index("A. Teresa")
    mended = pii_block_letters.drop_block_letters(text, [PiiSpan("PERSON", start, start + 17, 0.9)])
    assert [text[s.start:s.end] for s in mended] == ["Teresa Colombo"]
    text = "Hilsen Tor A. Hansen"  # a first name that is a gate's word elsewhere: no building here
    start = text.index("Tor")
    span = PiiSpan("PERSON", start, len(text), 0.9)
    assert pii_block_letters.drop_block_letters(text, [span]) == [span]
    text = "the meeting is in the residents' lounge, Block B."
    start = text.index("Block B.")
    assert pii_block_letters.drop_block_letters(text, [PiiSpan("PERSON", start, start + 8, 0.9)]) == []


def test_the_rules_only_detector_runs_the_mend_too(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []

    def spy(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
        seen.append(text)
        return spans

    monkeypatch.setattr(pii_block_letters, "drop_block_letters", spy)
    text = "Start 6am, Gate C. Bring your ID. Call Anna Kowalska on 601 234 567."
    RulesPiiDetector().find(text)
    assert text in seen


# a street that closes a sentence of a notice or a report is a kept place; someone's street stays an address
_STREETS = [
    ("Durante as obras, os autocarros serão desviados pela Rua de São Bento.\n\nPedimos desculpa pelo incómodo.",
     "Rua de São Bento", False),
    ("Se habilitará un desvío provisional por la avenida de los Poblados.\nDisculpen las molestias.",
     "avenida de los Poblados", False),
    ("Le marché hebdomadaire est déplacé sur la place de la Mairie.\nMerci de votre compréhension.",
     "place de la Mairie", False),
    ("A partir de segunda, a paragem passa para a Rua dos Combatentes.\nObrigado.", "Rua dos Combatentes", False),
    ("I moved last month, please send the new card to my flat on Rua dos Anjos.\nThanks", "Rua dos Anjos", True),
    ("Hi, my new address is 14 Calle de Alcalá.\n28014 Madrid", "Calle de Alcalá", True),
]


@pytest.mark.parametrize(("text", "street", "masked"), _STREETS)
def test_a_street_closing_a_notices_sentence(text: str, street: str, masked: bool) -> None:
    start = text.index(street)
    span = PiiSpan("ADDRESS", start, start + len(street) + 1, 0.9)
    assert pii_street_places.is_street_place(text, span) is not masked


def test_a_reference_number_is_no_postcode_after_a_street() -> None:
    text = "il cassonetto in via Garibaldi angolo piazza Cavour è rotto. Pratica SEG-2026-7719."
    start = text.index("piazza Cavour")
    assert pii_street_places.is_street_place(text, PiiSpan("ADDRESS", start, start + 13, 0.9))
    text = "il cassonetto in piazza Cavour è rotto, 20121 Milano."
    start = text.index("piazza Cavour")
    assert not pii_street_places.is_street_place(text, PiiSpan("ADDRESS", start, start + 13, 0.9))


def test_a_street_run_on_over_a_sentences_end() -> None:
    text = "Se realizará la poda del arbolado en la Avinguda Catalunya. Se prohíbe aparcar en el tramo afectado."
    start = text.index("Avinguda")
    assert pii_street_places.drop_street_places(text, [PiiSpan("ADDRESS", start, start + 22, 0.9)]) == []
    text = "Compra del 02/05 en su tienda de Mall Plaza Vespucio. RUT 16.482.357-1. Camila Araya"
    start = text.index("Plaza")
    kept = pii_street_places.drop_street_places(text, [PiiSpan("ADDRESS", start, start + len("Plaza Vespucio. RUT 16.482.357-1"), 0.9)])
    assert [text[s.start:s.end] for s in kept] == ["RUT 16.482.357-1"]
    text = "era per l'appartamento int. 7 di Via Po. Alessia"
    start = text.index("Via Po")
    span = PiiSpan("ADDRESS", start, len(text), 0.9)
    assert pii_street_places.drop_street_places(text, [span]) == [span]
