"""Session 37, candidate 37-1: national ids read aloud in answer to the agent's question for them, in Hindi / Urdu /
Hinglish, Malay / Indonesian, Vietnamese, Greek, Swahili mixed with English, English with letters and "dash" /
"slash", French with a letter prefix, a Chilean RUT with its "guion k" and a Spanish DNI with its letter, are masked
whole (pii_spoken_ids); a phone, an order, a policy, a meter or an amount read after its own cue is not taken for one.
The examples are made up in the shapes of the seen sets' misses."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_spoken_ids
from services.adapters.local.pii_presidio import PresidioPiiDetector


@pytest.fixture(scope="module")
def detector() -> PresidioPiiDetector:
    return PresidioPiiDetector(crf=True, person_check=True)


def covered(detector: PresidioPiiDetector, text: str, value: str) -> bool:
    """Is every character of value (its first occurrence) inside a masked span?"""
    at = text.index(value)
    spans = detector.find(text)
    return all(any(s.start <= i < s.end for s in spans) for i in range(at, at + len(value)) if not text[i].isspace())


def touched(detector: PresidioPiiDetector, text: str, value: str) -> bool:
    at = text.index(value)
    return any(s.start < at + len(value) and at < s.end for s in detector.find(text))


@pytest.mark.parametrize(("text", "value"), [
    ("agent: aapka aadhaar number bataiye\ncaller: teen do chaar saat, aath aath ek nau, paanch chhe do shunya",
     "teen do chaar saat, aath aath ek nau, paanch chhe do shunya"),
    ("एजेंट: आधार के आखिरी चार अंक बताइए\nग्राहक: सात एक नौ दो", "सात एक नौ दो"),
    ("agent: aadhaar ke last four digits\ncaller: paanch saat do ek", "paanch saat do ek"),
    ("ایجنٹ: اپنا شناختی کارڈ نمبر بتائیں\nکسٹمر: تین پانچ دو صفر ایک، چار چار سات آٹھ نو ایک دو، تین",
     "تین پانچ دو صفر ایک، چار چار سات آٹھ نو ایک دو، تین"),
    ("ejen: boleh saya dapatkan nombor kad pengenalan\npelanggan: lapan tujuh kosong dua satu satu, kosong satu, "
     "empat empat lapan dua", "lapan tujuh kosong dua satu satu, kosong satu, empat empat lapan dua"),
    ("nhân viên: chị đọc giúp em số căn cước\nkhách: không bốn tám, một chín sáu, không không hai, tám bảy ba",
     "không bốn tám, một chín sáu, không không hai, tám bảy ba"),
    ("υπάλληλος: μου λέτε το ΑΦΜ σας;\nπελάτης: δύο τέσσερα ένα, πέντε οκτώ τρία, εννέα εννέα μηδέν",
     "δύο τέσσερα ένα, πέντε οκτώ τρία, εννέα εννέα μηδέν"),
    ("wakala: namba yako ya kitambulisho\nmteja: two nine one, tano sita, eight eight moja",
     "two nine one, tano sita, eight eight moja"),
    ("agent: can I get your ghana card number\ncaller: G H A, seven two nine, one one four, six six zero, dash, eight",
     "G H A, seven two nine, one one four, six six zero, dash, eight"),
    ("agent: and your NIC please\ncaller: eight four five one two three seven seven six v",
     "eight four five one two three seven seven six v"),
    ("agent: NRC number\ncaller: three one nine two eight four slash one two slash one",
     "three one nine two eight four slash one two slash one"),
    ("agent: your national ID number\ncaller: seven one, dash, two two nine four eight three, dash, m, dash, four five",
     "seven one, dash, two two nine four eight three, dash, m, dash, four five"),
    ("agent: aur CNIC\ncaller: three five two zero two, dash, nine nine one four four eight two, dash, seven",
     "three five two zero two, dash, nine nine one four four eight two, dash, seven"),
    ("conseiller: votre CIN s'il vous plaît\ncliente: J K, trois cent quarante et un, deux cent dix-huit",
     "J K, trois cent quarante et un, deux cent dix-huit"),
    ("ejecutivo: me indica su rut\ncliente: doce millones cuatrocientos mil ciento nueve guion k",
     "doce millones cuatrocientos mil ciento nueve guion k"),
    ("ejecutiva: ¿su RUT?\ncliente: nueve millones ochocientos mil doscientos treinta y uno guión cinco",
     "nueve millones ochocientos mil doscientos treinta y uno guión cinco"),
    ("agente: ¿me da su DNI?\ncliente: cuatro siete uno dos cero nueve ocho tres, jota",
     "cuatro siete uno dos cero nueve ocho tres, jota"),
    ("agente: el DNI del titular\ncliente: siete seis cero cero uno dos tres ocho, B", "siete seis cero cero uno dos tres ocho, B"),
    ("operator: îmi spuneți CNP-ul?\nclient: doi nouă zero unu unu doi patru zero opt opt trei unu doi",
     "doi nouă zero unu unu doi patru zero opt opt trei unu doi"),
    ("operátor: vaše rodné číslo\nvolající: devět jedna nula dva jedna osm lomeno čtyři čtyři tři sedm",
     "devět jedna nula dva jedna osm lomeno čtyři čtyři tři sedm"),
    ("operatore: il codice fiscale?\ncliente: b n c l r a otto due a zero cinque effe due zero cinque kappa",
     "b n c l r a otto due a zero cinque effe due zero cinque kappa"),
])
def test_an_id_read_aloud_after_its_question_is_masked_whole(detector: PresidioPiiDetector, text: str,
                                                             value: str) -> None:
    assert covered(detector, text, value), [text[s.start:s.end] for s in detector.find(text)]


@pytest.mark.parametrize(("text", "value"), [
    # a phone after its own cue, even with an id asked for before
    ("agent: aadhaar number bataiye\ncaller: ek baar, pehle mobile number: nau aath do saat, ek ek do, chaar chaar paanch",
     "nau aath do saat"),
    # an order, a policy, a meter read after their cue
    ("agent: order number please\ncaller: four four one, dash, two nine eight, dash, seven seven one",
     "four four one, dash, two nine eight"),
    ("agente: ¿el número de póliza?\ncliente: cuatro siete uno dos cero nueve ocho tres, jota",
     "cuatro siete uno dos cero nueve ocho tres"),
    ("agent: meter number?\ncaller: sembilan satu nol tiga satu empat, satu empat, lima nol",
     "sembilan satu nol tiga satu empat"),
    # an amount
    ("agent: your id number\ncaller: I paid quatre cent douze mille euros", "quatre cent douze mille"),
    # numbers said with no id asked for
    ("khách: tôi mua hai cái áo và ba cái quần năm ngoái", "hai cái"),
])
def test_other_numbers_read_aloud_are_not_taken_for_an_id(detector: PresidioPiiDetector, text: str,
                                                         value: str) -> None:
    assert not any(k == "NATIONAL_ID" for k, *_ in pii_spoken_ids.find_spoken_ids(text)), \
        pii_spoken_ids.find_spoken_ids(text)
    if any(word in text for word in ("order", "póliza", "mobile", "meter")):
        return  # a phone is masked (as a phone), an order kept, by the other rules; here only that no id is found
    assert not touched(detector, text, value)


def test_the_letters_around_the_digits_are_inside_the_span() -> None:
    text = "agent: ghana card\ncaller: g h a, seven one two, eight eight four, zero nine one, dash six"
    found = pii_spoken_ids.find_spoken_ids(text)
    assert [text[s:e] for _, s, e, _ in found] == ["g h a, seven one two, eight eight four, zero nine one, dash six"]
    text = "agent: your ID number\ncaller: one two three four five six seven a day is what I pay"
    found = pii_spoken_ids.find_spoken_ids(text)
    assert [text[s:e] for _, s, e, _ in found] == ["one two three four five six seven"]


def test_a_long_input_stays_fast() -> None:
    started = time.monotonic()
    for text in ("aadhaar " + "chaar do " * 22_000, "id number\n" + "g h " * 50_000, " " * 200_000,
                 "dni " + "uno, jota, " * 20_000, "rut " + "a " * 100_000):
        assert len(pii_spoken_ids.find_spoken_ids(text)) <= pii_spoken_ids.CAP
    assert time.monotonic() - started < 10
