"""Dates of birth in more forms and languages (session 39, grown in pii_bank_dob.py): the cue's names in many
languages, "born" and its kin right before the date, more numeric layouts, and number words of the languages our calls
mix; never a date that is not a birth date."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_bank_dob
from services.adapters.local.pii_fast import RulesPiiDetector
from services.adapters.local.pii_presidio import PresidioPiiDetector


@pytest.fixture(scope="module")
def fast() -> RulesPiiDetector:
    return RulesPiiDetector()


def _dobs(found: list, text: str) -> list[str]:
    return [text[s.start:s.end] for s in found if s.kind == "DOB"]


DOBS = [
    # a cue's name in another language, the date right after it
    ("Temsilci: doğum tarihinizi yazar mısınız?\nMüşteri: 19.05.1986", "19.05.1986"),
    ("Mohon dibantu, nama Rina Kusuma, tgl lahir 23-04-1991, nomor polis saya hilang", "23-04-1991"),
    ("Prosím o místo ve školce, dcera Eliška, dátum narodenia 2. 3. 2019, ďakujem", "2. 3. 2019"),
    ("Kérem az időpontot: Varga Péter, születési idő: 1968. 02. 27., TAJ később", "1968. 02. 27"),
    ("Здравствуйте, Иванов Пётр, дата рождения 21.06.1979, прошу перезвонить", "21.06.1979"),
    ("Γεια σας, Μαρία Κωνσταντίνου, ημερομηνία γέννησης 09/10/1985, παρακαλώ καλέστε με", "09/10/1985"),
    ("مرحبا، اسمي خالد، تاريخ الميلاد 1987/05/14، أرجو المساعدة", "1987/05/14"),
    ("ลูกค้า: สมชาย ใจดี วันเกิด 3 มีนาคม 2527 ค่ะ", "3 มีนาคม 2527"),
    ("Bonjour, Nom : Durand\nNé(e) le : 03/02/1977\nMerci", "03/02/1977"),
    ("상담원: 생년월일 말씀해 주시겠어요?\n고객: 칠십구년 시월 삼일이요\n상담원: 감사합니다", "칠십구년 시월 삼일"),
    ("एजेंट: आपकी जन्मतिथि?\nग्राहक: २३ जुलाई १९७४\nएजेंट: धन्यवाद", "२३ जुलाई १९७४"),
    ("الموظف: وتاريخ الميلاد؟\nالعميل: ١٩٨٣/١١/٠٢\nالموظف: شكرا", "١٩٨٣/١١/٠٢"),
    ("नमस्ते, मेरो नाम राम हो। जन्म मिति २०४०/०२/१५। फोन पछि", "२०४०/०२/१५"),
    ("Povinný: Petr Novák, nar. 11.12.1972, bytem Praha", "11.12.1972"),
    # "born" and its kin, the date within a few words
    ("Hei, isäni Pentti Laine (s. 14.9.1944) tarvitsee uuden ajan", "14.9.1944"),
    ("Saya Budi Hartono, lahir 9 Maret 1983, ingin mengganti alamat", "9 Maret 1983"),
    ("Tisztelettel: Kiss Anna (szül. 1971. október 3.) nevében írok", "1971. október 3"),
    # the answer to the agent's question, in number words
    ("temsilci: doğum tarihinizi alabilir miyim\narayan: on beş nisan seksen altı\ntemsilci: teşekkürler",
     "on beş nisan seksen altı"),
    ("petugas: tanggal lahir ibu?\npenelepon: sembilan belas maret delapan puluh satu\npetugas: baik",
     "sembilan belas maret delapan puluh satu"),
    ("wakala: tarehe ya kuzaliwa?\nmteja: ishirini na tatu mwezi wa sita elfu moja mia tisa tisini\nwakala: asante",
     "ishirini na tatu mwezi wa sita elfu moja mia tisa tisini"),
    ("agent: and your date of birth\ncaller: fifth a June ninety one\nagent: thanks", "fifth a June ninety one"),
    ("nhân viên: cho em xin ngày sinh ạ\nkhách: hai mươi tháng tư năm tám mươi bảy\nnhân viên: dạ",
     "hai mươi tháng tư năm tám mươi bảy"),
]


@pytest.mark.parametrize(("text", "value"), DOBS)
def test_the_date_of_birth_is_masked(detector: PresidioPiiDetector, text: str, value: str) -> None:
    assert value in _dobs(detector.find(text), text)


@pytest.mark.parametrize(("text", "value"), DOBS)
def test_the_rules_only_detector_masks_it_too(fast: RulesPiiDetector, text: str, value: str) -> None:
    assert value in _dobs(fast.find(text), text)


@pytest.mark.parametrize(("text", "value"), [
    ("Dog Bella (born 2018), booster jab on Thu 12 Mar 09:30 please", "12 Mar 09"),
    ("our son was born at the Rosie hospital and we'd like a visit on 4 March", "4 March"),
    ("Chúng tôi muốn đặt lịch hẹn ngày 15/03/2027 cho bé", "15/03/2027"),
    ("Teslimat tarihi 12.05.2027, doğum tarihi sonra bildirilecek", "12.05.2027"),
    ("tanggal lahir anak nanti, jadwal masuk sekolah 14-07-2027", "14-07-2027"),
])
def test_a_date_that_is_not_a_birth_date_is_kept(text: str, value: str) -> None:
    found = [text[s:e] for kind, s, e, _ in pii_bank_dob.find_bank_and_birth(text) if kind == "DOB"]
    assert not any(value in f or f in value for f in found)


def test_a_times_digits_never_end_a_date() -> None:
    text = "Date of birth checked, so the slot is Tue 15 Dec 16:20"
    found = [text[s:e] for kind, s, e, _ in pii_bank_dob.find_bank_and_birth(text) if kind == "DOB"]
    assert not any("16" in f for f in found)


def test_a_long_message_of_cues_finishes_fast() -> None:
    text = "lahir born doğum tarihi on on on iki " * 3000
    start = time.perf_counter()
    list(pii_bank_dob.find_bank_and_birth(text))
    assert time.perf_counter() - start < 2.0
