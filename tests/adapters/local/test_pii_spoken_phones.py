"""Session 37, candidate 37-2: a phone read aloud in the number words of the languages our calls mix (Thai, Bengali,
Hindi in Devanagari and Latin letters, Malay, Vietnamese, French and Spanish in tens, Turkish and Polish hundreds,
English with "double" and "hundred") after a cue for a phone, and a correction's second reading, are masked as a
PHONE (pii_spoken_phones); an account, an id, a meter, an order or an amount read after its own cue is not. The
examples are made up in the shapes of the seen sets' misses."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_spoken_phones
from services.adapters.local.pii_presidio import PresidioPiiDetector
from tests.pii_rules_support import phones


@pytest.fixture(scope="module")
def detector() -> PresidioPiiDetector:
    return PresidioPiiDetector(crf=True, person_check=True)



@pytest.mark.parametrize(("text", "phone"), [
    # Thai, the words written together
    ("ลูกค้า: สวัสดีค่ะ ขอย้ายค่ายเบอร์ ศูนย์เก้าสอง เจ็ดเจ็ดหนึ่ง สามแปดศูนย์หก ค่ะ",
     "ศูนย์เก้าสอง เจ็ดเจ็ดหนึ่ง สามแปดศูนย์หก"),
    # Bengali
    ("এজেন্ট: বলুন\nকলার: আমার বিকাশ বন্ধ, নম্বর শূন্য এক নয় তিন তিন, ছয় দুই আট, পাঁচ এক চার",
     "শূন্য এক নয় তিন তিন, ছয় দুই আট, পাঁচ এক চার"),
    # Hindi in Devanagari, the agent's question on the line before
    ("एजेंट: आपका मोबाइल नंबर?\nग्राहक: सात शून्य चार दो, आठ आठ एक, नौ छह तीन",
     "सात शून्य चार दो, आठ आठ एक, नौ छह तीन"),
    # Hindi in Latin letters mixed with English
    ("agent: apna number boliye\ncaller: nau chaar do saat, ek ek paanch, teen aath zero",
     "nau chaar do saat, ek ek paanch, teen aath zero"),
    # Malay
    ("ejen: nombor telefon encik?\npemanggil: kosong satu tiga, enam enam dua, lapan sembilan empat kosong",
     "kosong satu tiga, enam enam dua, lapan sembilan empat kosong"),
    # Vietnamese
    ("nhân viên: số điện thoại của anh?\nkhách: không tám sáu, bảy bảy hai, một chín bốn năm",
     "không tám sáu, bảy bảy hai, một chín bốn năm"),
    # French in tens, after a mobile wallet's name
    ("agent: et votre numéro orange money?\nclient: sept six, quarante-quatre, quatre-vingt-dix-sept, soixante et onze",
     "sept six, quarante-quatre, quatre-vingt-dix-sept, soixante et onze"),
    # Spanish in tens, the line's number
    ("asesor: ¿me confirma el número de la línea?\ncliente: treinta y tres, sesenta y ocho, doce, cuarenta y uno, "
     "noventa y nueve", "treinta y tres, sesenta y ocho, doce, cuarenta y uno, noventa y nueve"),
    # Tagalog digits after the agent's question
    ("agent: ano po ang number ninyo?\ncaller: sero siyam isa pito, walo walo apat, tatlo dalawa anim lima",
     "sero siyam isa pito, walo walo apat, tatlo dalawa anim lima"),
    # Egyptian Arabic
    ("الموظف: رقم الموبايل لو سمحت\nالعميل: صفر واحد تلاتة، سبعة سبعة اتنين، تسعة خمسة واحد ستة",
     "صفر واحد تلاتة، سبعة سبعة اتنين، تسعة خمسة واحد ستة"),
    # Turkish hundreds
    ("temsilci: hat numaranız\nmüşteri: sıfır beş yüz kırk bir, altı yüz yirmi, otuz üç, on dokuz",
     "sıfır beş yüz kırk bir, altı yüz yirmi, otuz üç, on dokuz"),
    # English with "double" after the agent's question ("in case" names no case)
    ("agent: and a contact number in case the driver gets lost\ncaller: oh seven nine double three, six one two, "
     "eight oh five", "oh seven nine double three, six one two, eight oh five"),
])
def test_a_phone_read_aloud_after_its_cue_is_masked(detector: PresidioPiiDetector, text: str, phone: str) -> None:
    assert phone in phones(detector, text)


def test_a_correction_second_reading_is_masked_too(detector: PresidioPiiDetector) -> None:
    text = "caller: it's oh seven eight one two, three three six, nine nine two... no sorry, nine two nine\nagent: ok"
    found = phones(detector, text)
    assert "nine two nine" in found
    assert any(p.startswith("oh seven eight one two") for p in found)


def test_a_false_start_beside_the_phone_is_masked(detector: PresidioPiiDetector) -> None:
    text = ("agent: naya number boliye\ncaller: nau aath chaar, do do do... nahi nahi, nine eight four one two, "
            "six six zero one three")
    found = phones(detector, text)
    assert "nau aath chaar, do do do" in found
    assert "nine eight four one two, six six zero one three" in found


@pytest.mark.parametrize("text", [
    # an id, an account, a meter, an order read after their own cue
    "agent: votre numéro de compteur ?\nclient: zéro trois quatre quatre un deux huit six",
    "asesor: ¿su número de cuenta?\ncliente: cuarenta y uno, doce, treinta y tres, noventa, sesenta y dos",
    "nhân viên: chị đọc giúp em số căn cước ạ\nkhách: không không một, một chín hai, không không bốn, bốn một bảy",
    "agent: and the order number please\ncaller: seven seven four, one two two, nine eight six",
    "agent: consumer number please\ncaller: eight one one four, two two six, five five",
    # a "number" another noun owns, after it
    "conseiller: votre numéro allocataire\nclient: sept un quatre quatre deux neuf huit",
    # an amount: a thousand in it
    "client: j'ai envoyé soixante-quinze mille, quatre cent vingt-deux francs au numéro",
    # no cue for a phone
    "agent: the score was seven seven, five five five, twenty eight, fourteen",
])
def test_other_numbers_read_aloud_are_kept(detector: PresidioPiiDetector, text: str) -> None:
    assert phones(detector, text) == []


def test_the_finder_reads_numbers_alone() -> None:
    text = "Kunde: meine Handynummer ist null eins sieben zwei, vier vier drei, acht acht null eins"
    assert [(k, text[s:e]) for k, s, e, _ in pii_spoken_phones.find_spoken_phones(text)] == [
        ("PHONE", "null eins sieben zwei, vier vier drei, acht acht null eins")]
    assert pii_spoken_phones.find_spoken_phones("the weather is fine today, thanks") == []
    # a "number" another noun owns, before it or after it; a Pix key that is a phone (the key, an account's)
    for text in ("agent: and the patient's NHS number\ncaller: it's nine one two, four four eight, three three oh six",
                 "agent: okay read me the number on the card\ncaller: four four one two, oh eight seven three, nine nine",
                 "agent: su número de afiliación\ncliente: cuarenta y uno, doce, treinta y tres, noventa, sesenta",
                 "atendente: qual é a chave pix?\ncliente: o meu celular, onze, nove oito sete seis, cinco quatro três "
                 "dois"):
        assert pii_spoken_phones.find_spoken_phones(text) == []
    # a currency after the run: an amount
    assert pii_spoken_phones.find_spoken_phones(
        "cliente: mi número, le pagué noventa y nueve, ochenta y siete, sesenta y cinco, cuarenta pesos") == []


def test_long_hostile_inputs_stay_fast() -> None:
    started = time.perf_counter()
    for text in ("my number is " + "oh seven, " * 20_000, "number " * 30_000, "ศูนย์" * 40_000,
                 "nine … " * 30_000, " " * 200_000 + "phone one", "línea y " * 25_000):
        found = pii_spoken_phones.find_spoken_phones(text[:200_000])
        assert len(found) <= pii_spoken_phones.CAP
    assert time.perf_counter() - started < 20
