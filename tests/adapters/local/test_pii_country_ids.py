"""Session 35, candidate 35-4: national ids after their names in more countries (Qatar, Bahrain, Turkey, Guatemala,
Uganda, Zimbabwe, Kenya, Rwanda, Malta, Czechia, France, Germany, Fiji; driving licences) are masked; an order's, a
policy's, a transaction's, a student's or a building permit's number after a look-alike name is not."""

from __future__ import annotations

import pytest

from services.adapters.local import pii_country_ids
from services.adapters.local.pii_presidio import PresidioPiiDetector


@pytest.fixture(scope="module")
def detector() -> PresidioPiiDetector:
    return PresidioPiiDetector(crf=True, person_check=True)


def ids(detector: PresidioPiiDetector, text: str) -> list[str]:
    return [text[s.start:s.end] for s in detector.find(text) if s.kind == "NATIONAL_ID"]


def found(text: str) -> list[str]:
    return [text[s:e] for _, s, e, _ in pii_country_ids.find_country_ids(text)]


@pytest.mark.parametrize(("text", "value"), [
    # Qatar, Bahrain
    ("Salam, please move my salary to the new bank. QID 29136502418, mobile +974 5550 2211", "29136502418"),
    ("Hi, my Benefit card is blocked. CPR no: 910377254. Thanks", "910377254"),
    # Turkey: the check digits right
    ("Merhaba, hat T.C. kimlik no 36720518440 adına kayıtlı, faturayı iptal edin.", "36720518440"),
    ("Abonelik annemin adına, TC 36720518440, benim adım Deniz.", "36720518440"),
    # Guatemala, Uganda, Zimbabwe, Kenya, Rwanda
    ("Buenas tardes, mi DPI es 3517 29488 0108 y necesito la constancia.", "3517 29488 0108"),
    ("Webale nnyo. NIN yange CF91022104MLTA, ssente tezinnajja.", "CF91022104MLTA"),
    ("Mhoro, ndini Farai Chikore, ID 08-2291734 K 15. Ndapota mundibatsire.", "08-2291734 K 15"),
    ("Habari, nimetuma pesa kimakosa. Kitambulisho changu ni 30418827, naomba msaada.", "30418827"),
    ("Jina Amina Otieno, ID 31952046, simu yangu imefungwa.", "31952046"),
    ("Muraho, indangamuntu yanjye ni 1 1987 7 0213344 0 19. Murakoze", "1 1987 7 0213344 0 19"),
    # Malta, Czechia, Slovakia, France
    ("Bongu, in-numru tal-karta tal-identità tiegħi huwa 118795L. Grazzi", "118795L"),
    ("Jméno: Petr Dvořák\nČíslo OP: 302118547\nTelefon: 602 555 118", "302118547"),
    ("Dobrý deň, posielam číslo OP EA482913 pre zmluvu.", "EA482913"),
    ("Ci-joint la copie de ma carte d'identité n° 9K2TRPX71 et un justificatif.", "9K2TRPX71"),
    # Germany: the insurer between the name and the number
    ("Meine Versichertennummer bei der Barmer lautet T520837160, bitte um Rückruf.", "T520837160"),
    ('Die App meldet "Versichertennummer ungültig". Meine ist T520837160.', "T520837160"),
    # driving licences
    ("Suite à l'accident, voici mon permis : 14AC52381. Cordialement", "14AC52381"),
    ("Hola, mi licencia QRO4471928 venció la semana pasada.", "QRO4471928"),
    ("agent: ड्राइविंग लाइसेंस नंबर बताइए\ncustomer: UP32 20150071829\nagent: धन्यवाद", "UP32 20150071829"),
    # Fiji
    ("Bula, please check my withdrawal. FNPF no. FN 551 203 94. Vinaka", "FN 551 203 94"),
])
def test_a_national_id_after_its_name_is_masked(detector: PresidioPiiDetector, text: str, value: str) -> None:
    assert value in ids(detector, text)
    assert value in found(text)


@pytest.mark.parametrize(("text", "value"), [
    ("Hello, my Benefit card is blocked. CPR certificate attached, policy 910377254.", "910377254"),
    ("Order ID 30418827 still not delivered, please check", "30418827"),
    ("agent: your transaction ID?\ncustomer: 30418827\nagent: thanks", "30418827"),
    ("Kia ora, I'm Tama Rewi, ID 2108447. My fees invoice is wrong.", "2108447"),
    ("Permis de construire n° PC 069 123 24 00017 : les travaux commencent lundi.", "PC 069 123 24 00017"),
    ("Solicito la licencia de obra 2023-0045128 para la reforma.", "2023-0045128"),
    ("Şikayet no TC-2025-0098213, hâlâ cevap yok.", "2025-0098213"),
    ("Nandini Pillai, TC 14/902, Kowdiar, Thiruvananthapuram 695003", "14/902"),
    ("Abonelik annemin adına, TC 36720518441, benim adım Deniz.", "36720518441"),  # the check digits wrong
    ("The car reg is DL 3C AB 1234, the scratch is on the door.", "3C AB 1234"),
])
def test_a_look_alike_names_number_is_not_a_national_id(text: str, value: str) -> None:
    assert not any(value in f or f in value for f in found(text)), found(text)


def test_a_number_failing_its_check_digit_is_taken_only_right_after_its_name() -> None:
    # T520837160 passes the Krankenversichertennummer's check digit; T520837161 does not
    assert found("agent: und Ihre Versichertennummer?\nkundin: T520837160") == ["T520837160"]
    assert found("agent: und Ihre Versichertennummer?\nkundin: T520837161") == []
    assert found("Versichertennummer: T520837161") == ["T520837161"]
    # a T.C. kimlik number: its check digits always
    assert found("temsilci: TC kimlik numaranız?\nmüşteri: 36720518440") == ["36720518440"]
    assert found("T.C. kimlik no 36720518441") == []


def test_long_inputs_are_read_at_once() -> None:
    for text in ("ID 1 " * 40_000, "1 " * 100_000, "QID " + "1" * 200_000, "permis : A1 " * 16_000,
                 "TC. " * 50_000 + "1", "agent: DL number?\ncaller: 1 x\n" * 7_000, "ID card " + "A1-" * 66_000,
                 "Versichertennummer bei der " * 8_000 + "K1", "ID yangu ni 30418827 " * 10_000):
        assert len(found(text)) <= pii_country_ids.CAP
