"""Session 33, candidate 33-5: names written in Thai, Arabic, Greek, Bengali, Sinhala, Devanagari and Cyrillic after
their languages' self-introduction or naming cues, and the answer on the next turn to a question for a name, are
masked as a PERSON (pii_script_names); greetings, thanks and "I" / "you" before a verb are not. The examples are
made up in the shapes of the seen sets' misses."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_script_names
from services.adapters.local.pii_presidio import PresidioPiiDetector


@pytest.fixture(scope="module")
def detector() -> PresidioPiiDetector:
    return PresidioPiiDetector(crf=True, person_check=True)


def masked(detector: PresidioPiiDetector, text: str) -> list[str]:
    return [text[s.start:s.end] for s in detector.find(text) if s.kind == "PERSON"]


@pytest.mark.parametrize(("text", "name"), [
    ("agent: สวัสดีครับ ดีแทค ผมวีรยุทธยินดีให้บริการครับ\ncaller: ค่ะ เน็ตใช้ไม่ได้ค่ะ", "วีรยุทธ"),
    ("เจ้าหน้าที่: คุณประเสริฐ ทองมา นะคะ\nผู้โทร: ครับ ใช่ครับ", "ประเสริฐ ทองมา"),
    ("agent: ขอชื่อ-นามสกุลค่ะ\nลูกค้า: มาลัย ศรีงาม\nagent: ขอบคุณค่ะ", "มาลัย ศรีงาม"),
    ("agent: สวัสดีค่ะ ทรู ดิฉันกนกวรรณค่ะ\ncaller: สวัสดีครับ", "กนกวรรณ"),
    ("ชื่อผู้รับ จันทร์เพ็ญ บุญมา โทร 089 321 7654", "จันทร์เพ็ญ บุญมา"),
    ("الموظف: اتصالات مساء الخير، معاك يوسف\nالعميل: مساء النور", "يوسف"),
    ("أنا خالد عبد العزيز، عندي مشكلة في الشحنة", "خالد عبد العزيز"),
    ("الطلب ما وصل. اسمي ريم الحربي ورقمي 0551 876 321", "ريم الحربي"),
    ("Όνομα Αθανάσιος Δημητρίου, Πατησίων 12, Αθήνα", "Αθανάσιος Δημητρίου"),
    ("υπάλληλος: κύριε Οικονόμου, η αίτηση εγκρίθηκε", "Οικονόμου"),
    ("υπάλληλος: ΟΤΕ καλημέρα, είμαι η Σοφία\nπελάτης: καλημέρα", "Σοφία"),
    ("এজেন্ট: রবি তে আপনাকে স্বাগতম, আমি সাকিব\nগ্রাহক: ভাই আমার নেট নেই", "সাকিব"),
    ("এজেন্ট: আর নাম?\nগ্রাহক: মোঃ কামরুল হাসান", "মোঃ কামরুল হাসান"),
    ("agent: ආයුබෝවන් Dialog, මම තිළිණි\ncaller: ආයුබෝවන්", "තිළිණි"),
    ("नाम अनीता वर्मा। कृपया रिफंड करें।", "अनीता वर्मा"),
    ("Добрый день, меня зовут Ирина Соколова, хочу вернуть заказ", "Ирина Соколова"),
])
def test_a_name_after_its_languages_cue_is_masked(detector: PresidioPiiDetector, text: str, name: str) -> None:
    assert name in masked(detector, text), masked(detector, text)


@pytest.mark.parametrize("text", [
    "สวัสดีครับ", "ขอบคุณค่ะ", "مساء الخير", "السلام عليكم", "καλημέρα σας", "ευχαριστώ πολύ", "ধন্যবাদ",
    "ආයුබෝවන්", "नमस्ते", "Здравствуйте",
    "ผมอยากถามเรื่องค่าบริการครับ",  # "I want to ask": ผม is "I" before a verb
    "ผมโทรมาแจ้งว่าเน็ตช้าครับ",
    "ดิฉันจะยกเลิกแพ็กเกจค่ะ",
    "คุณต้องการเปลี่ยนโปรไหมคะ",
    "agent: ขอชื่อค่ะ\ncaller: ได้ค่ะ",
    "agent: ชื่ออะไรคะ\ncaller: ขอบคุณค่ะ",
    "أنا عايز ألغي الاشتراك",
    "معاك رقم الطلب؟",
    "είμαι πολύ θυμωμένος με την υπηρεσία",
    "আমি টাকা পাঠিয়েছি।",
    "මම ගෙව්වා",
    "मैं बहुत परेशान हूँ",
    "это очень плохо",
])
def test_greetings_and_i_before_a_verb_are_no_name(detector: PresidioPiiDetector, text: str) -> None:
    assert not [text[s.start:s.end] for s in pii_script_names.find_script_names(text)]
    found = [(s.start, s.end) for s in detector.find(text) if s.kind == "PERSON"]
    # the tagger's slips that end inside a Thai word ("ขอบค") are older than this finder and not its doing
    assert not [text[a:b] for a, b in found if b - a > 2 and not ("\u0e00" <= text[b:b + 1] <= "\u0e7f")], found


def test_a_name_after_a_greeting_is_masked_under_the_older_address_span(detector: PresidioPiiDetector) -> None:
    # "السلام عليكم، …" still opens an ADDRESS span over the line (an older false positive, not this finder's); the
    # name inside it is masked all the same
    text = "السلام عليكم، أنا خالد عبد العزيز، عندي مشكلة في الشحنة"
    name = text.index("خالد")
    assert any(s.start <= name and name + len("خالد عبد العزيز") <= s.end for s in detector.find(text))


def test_a_firm_after_the_greeting_is_not_the_agent(detector: PresidioPiiDetector) -> None:
    text = "agent: สวัสดีครับ ทรูมูฟ เอช ผมอนุชายินดีให้บริการครับ"
    found = masked(detector, text)
    assert "อนุชา" in found and not any("ทรู" in m for m in found), found


def test_at_most_cap_names_and_linear_time() -> None:
    text = "คุณสมศักดิ์ ค่ะ\n" * 5000 + "أنا " * 20000 + "κύριε Α" * 20000
    start = time.process_time()
    found = list(pii_script_names.find_script_names(text))
    assert time.process_time() - start < 2.0
    assert len(found) <= pii_script_names.CAP
