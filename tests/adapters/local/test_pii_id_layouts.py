"""Session 41, candidate 41-4: national, social-security and passport numbers by a layout no other number has, or
after their name past other words or a dialogue's turn (pii_id_layouts): a dotted rijksregisternummer, a slashed
Spanish Seguridad Social number, a German Rentenversicherungsnummer, a Swiss AVS number, a Medicare MBI, a Zimbabwean
id, a German Personalausweis, passports typed wrongly then correctly, a RAMQ, a KRA PIN and an SHA number answered,
a Steuer-ID corrected, a Korean resident number's first six digits, a Portuguese NISS, a Slovenian ZZZS number, a
sole trader's NIP, a BPJS card number read aloud after "nomor kartunya" (pii_spoken_ids). Look-alikes stay: a booking
code, a PIR, a firm's NIP, a student number, a CIF, a form's sample. The examples are made up in the shapes of the
seen sets' misses."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_id_layouts
from services.adapters.local.pii_fast import RulesPiiDetector
from services.adapters.local.pii_presidio import PresidioPiiDetector


@pytest.fixture(scope="module")
def detector() -> PresidioPiiDetector:
    return PresidioPiiDetector()


@pytest.fixture(scope="module")
def rules() -> RulesPiiDetector:
    return RulesPiiDetector()


def masked(detector: PresidioPiiDetector | RulesPiiDetector, text: str) -> list[str]:
    return [text[s.start:s.end] for s in detector.find(text)]


FOUND = [
    ("Beste klantendienst, mijn rijksregisternummer staat verkeerd in jullie systeem (81.03.22-147.62), het moet "
     "anders zijn.", "81.03.22-147.62"),
    ("Hola, te reenvío lo de la gestoría. El número de mi cuñada es 28/07194631/52, se llama Ana.", "28/07194631/52"),
    ("Steuerklasse: 1\nRV-Nummer: 65 170391 K 217\nKrankenkasse: AOK", "65 170391 K 217"),
    ("Client : 756.3047.5512.09 / 80756-441902", "756.3047.5512.09"),
    ("agent: And the Medicare number on the card?\ncaller: 2EG7-TK5-MP41", "2EG7-TK5-MP41"),
    ("sent 40 to the wrong line, its not my brother's. my id 63-1184277 K 41", "63-1184277 K 41"),
    ("Ich habe meinen Personalausweis verloren. Die Nummer war L7H2K9WC4. Muss ich das melden?", "L7H2K9WC4"),
    ("Dear airline, the passport number on booking 7XKQ2P is wrong. It shows 533127484 but the correct one is "
     "533127448. Name Ahmed Rashid.", "533127448"),
    ("Bonjour, ma carte RAMQ est expirée. Numéro TREM 8554 1214. On peut venir?", "TREM 8554 1214"),
    ("agent: pole sana, PIN yako ni?\ncaller: A008471263K\nagent: na jina", "A008471263K"),
    ("agent: namba ya SHA ya mgonjwa?\ncaller: CR5529184730-1\nagent: na jina lake", "CR5529184730-1"),
    ("Außerdem ist die Steuer-ID falsch: bei euch steht 17898430845, richtig ist 17898430854. Danke", "17898430854"),
    ("상담원: 본인 확인을 위해 주민등록번호 앞자리 말씀해 주시겠어요?\n고객: 860317이요.\n상담원: 감사합니다.", "860317"),
    ("NIF: 239846150\nN.º Segurança Social: 12018473966\nMorada: Rua do Almada 312", "12018473966"),
    ("EMŠO: 1403985500100, številka zavarovane osebe ZZZS: 018427795.", "018427795"),
    ("Pani Ewo, przesyłam faktury. Mój NIP (JDG): 7792340541, REGON 381447209.", "7792340541"),
    ("My KRA PIN on the payslip shows A009918745K but mine is A009918754K. Thanks", "A009918754K"),
    # pii_spoken_ids: a BPJS card asked as "nomor kartunya" and read in Indonesian number words
    ("petugas: boleh nomor kartunya bu?\npenelepon: nol nol nol satu dua tiga empat, lima enam tujuh delapan sembilan\n"
     "petugas: atas nama?", "nol nol nol satu dua tiga empat, lima enam tujuh delapan sembilan"),
]


@pytest.mark.parametrize(("text", "value"), FOUND)
def test_found_by_default_detector(detector: PresidioPiiDetector, text: str, value: str) -> None:
    assert value in masked(detector, text)


@pytest.mark.parametrize(("text", "value"), FOUND[:2] + FOUND[3:9])
def test_found_by_rules_only_detector(rules: RulesPiiDetector, text: str, value: str) -> None:
    assert value in masked(rules, text)


KEPT = [
    ("Passport PA7734591, the airline PIR is KRKLO12441. Please call back.", "KRKLO12441"),
    ("My passport number is AK0982341 and my BRP ref from the Home Office letter is RHN4418207.", "RHN4418207"),
    ("passport B02471186, DOB 11 OCT 2001. Student # 301448217", "301448217"),
    ("Faktura na firmę: Kowal-Bud Sp. z o.o., NIP 5271184409, ul. Polna 3.", "5271184409"),
    ("Meine Steuer-ID ist 12 345 678 901, stimmt das Format?", "12 345 678 901"),
    ("Passport number is on booking QH7K2P, flight FR 8312.", "QH7K2P"),
]


@pytest.mark.parametrize(("text", "value"), KEPT)
def test_look_alikes_kept(text: str, value: str) -> None:
    assert value not in [text[s:e] for _, s, e, _ in pii_id_layouts.find_id_layouts(text)]


def test_long_input_is_fast() -> None:
    start = time.perf_counter()
    for text in ("passport 1 " * 20000, "a1 " * 70000, "Pas " * 50000 + "1", "주민번호 " * 40000 + "1"):
        list(pii_id_layouts.find_id_layouts(text))
    assert time.perf_counter() - start < 3
