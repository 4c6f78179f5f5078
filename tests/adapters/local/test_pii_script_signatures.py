"""Session 34, candidate 34-4: a writer's name signing a message in Greek, Cyrillic, Arabic / Urdu, Tamil, Sinhala,
Bengali, Devanagari, Thai, Khmer or Amharic script — after a sign-off of its language or of English, or alone as the
last sentence after the writer's number or request — is masked as a PERSON (pii_script_signatures); sign-offs,
courtesy words, departments, firms and places are not. The examples are made up."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_script_signatures
from services.adapters.local.pii_presidio import PresidioPiiDetector


@pytest.fixture(scope="module")
def detector() -> PresidioPiiDetector:
    return PresidioPiiDetector(crf=True, person_check=True)


def masked(detector: PresidioPiiDetector, text: str) -> list[str]:
    return [text[s.start:s.end] for s in detector.find(text) if s.kind == "PERSON"]


def signatures(text: str) -> list[str]:
    return [text[start:end] for _, start, end, _ in pii_script_signatures.find_script_signatures(text)]


@pytest.mark.parametrize(("text", "name"), [
    # after a sign-off of its language, on the line or alone on the next
    ("Θα ήθελα ένα αντίγραφο του λογαριασμού Μαΐου. Ευχαριστώ, Σοφία Αλεξίου", "Σοφία Αλεξίου"),
    ("Καλησπέρα,\nη παραγγελία δεν έφτασε ακόμα.\n\nΜε εκτίμηση,\nΔημήτρης Οικονόμου", "Δημήτρης Οικονόμου"),
    ("Φιλικά,\nΑναστασία", "Αναστασία"),
    ("Здравствуйте, прошу вернуть деньги за заказ.\nС уважением,\nСветлана Кузнецова", "Светлана Кузнецова"),
    ("Здравейте, кога ще дойде куриерът?\nПоздрави,\nИван Стоянов", "Иван Стоянов"),
    ("Доброго дня, картка заблокована. Дякую, Оксана Шевчук", "Оксана Шевчук"),
    ("Поштовани, рачун није стигао. Хвала, Милош Јовановић", "Милош Јовановић"),
    ("الطلب تأخر أسبوعين. مع تحياتي،\nسارة القحطاني", "سارة القحطاني"),
    ("میرا پارسل ابھی تک نہیں آیا۔ شکریہ، بلال احمد", "بلال احمد"),
    ("என் பில் தவறாக உள்ளது. நன்றி, பிரியா ராஜேந்திரன்", "பிரியா ராஜேந்திரன்"),
    ("මගේ බිල වැරදියි. ස්තූතියි, කමල් සිල්වා", "කමල් සිල්වා"),
    ("আমার অর্ডার এখনো আসেনি। ধন্যবাদ,\nতানিয়া আক্তার", "তানিয়া আক্তার"),
    ("मेरा रिफंड अभी तक नहीं आया। धन्यवाद,\nअमित वर्मा", "अमित वर्मा"),
    ("พัสดุยังไม่มาถึงค่ะ ขอบคุณค่ะ มาลัย ศรีงาม", "มาลัย ศรีงาม"),
    ("ខ្ញុំមិនទាន់ទទួលបានប្រាក់វិញទេ។ អរគុណ សុខ ដារ៉ា", "សុខ ដារ៉ា"),
    ("ገንዘቤ አልተመለሰም። አመሰግናለሁ፣ አበበ ከበደ", "አበበ ከበደ"),
    # an English sign-off, and what follows the name's line: a phone, a firm
    ("My parcel has not arrived yet.\nThanks,\nАнна Смирнова", "Анна Смирнова"),
    ("Please resend the invoice.\nBest regards,\nΓιάννης Ρήγας\n+30 694 555 0182", "Γιάννης Ρήγας"),
    ("Плащането е направено. Поздрави, Петър Николов, Николов Транс ЕООД", "Петър Николов"),
    # alone as the last sentence after the writer's number or request
    ("Ο αριθμός παραγγελίας μου είναι 55120. Αλέξανδρος Μαυρίδης", "Αλέξανδρος Μαυρίδης"),
    ("Номер договора 4471203. Ольга Васильева", "Ольга Васильева"),
    ("رقم الطلب 558812. أرجو الرد بسرعة. ليلى حسن", "ليلى حسن"),
    ("ٹریکنگ نمبر 7741200۔ علی رضا", "علی رضا"),
    ("ටිකට් අංකය 55812. සුනිල් ප්‍රනාන්දු", "සුනිල් ප්‍රනාන්දු"),
    ("অনুগ্রহ করে টাকা ফেরত দিন। সুমন দাস", "সুমন দাস"),
    ("कृपया पैसे वापस करें। रीना गुप्ता", "रीना गुप्ता"),
])
def test_a_name_signing_in_another_script_is_masked(detector: PresidioPiiDetector, text: str, name: str) -> None:
    assert signatures(text) == [name]
    assert any(name in found for found in masked(detector, text)), masked(detector, text)


@pytest.mark.parametrize("text", [
    # sign-offs and courtesy words alone
    "Η αίτηση στάλθηκε.\nΕυχαριστώ πολύ,\nΚαλή συνέχεια",
    "Номер заказа 77120. Спасибо большое",
    "Номер заказа 77120. Жду ответа",
    "Тел. 0888 555 412. Срочно",
    "رقم الطلب 44521. في انتظار ردكم",
    "رقم الطلب 44521. شكرا جزيلا",
    "মোবাইল ০১৭১১-৫৫৫০৯৩। ধন্যবাদ",
    "ऑर्डर 55120 नहीं आया। कृपया जल्दी जवाब दें",
    "ஆர்டர் 55120. மிக்க நன்றி",
    "ขอบคุณมากครับ",
    # a department or a firm signing
    "Με εκτίμηση,\nΛογιστήριο",
    "Με εκτίμηση,\nΤμήμα Εξυπηρέτησης Πελατών",
    "С уважением,\nДентал Център София",
    "Здравейте г-жо Николова,\nпотвърждаваме часа Ви на 18.06 в 11:00.\nДентал Център София",
    "مع تحياتي،\nفريق الدعم",
    "شكراً، الخطوط الجوية",
    "Regards,\nООО Ромашка",
    # a place, an abbreviation's full stop, a sentence
    "Διεύθυνση: Ερμού 44, 546 24. Θεσσαλονίκη",
    "Адрес: ул. Витоша 48, гр. София",
    "Спасибо за помощь",
    "Ευχαριστώ πολύ για τη βοήθεια",
    "شكرا على المساعدة",
])
def test_sign_offs_firms_and_places_are_no_signature(text: str) -> None:
    assert not signatures(text)


def test_a_name_followed_by_a_department_line_is_the_name_only() -> None:
    text = "Σας επισυνάπτω το τιμολόγιο 4418.\nΜε εκτίμηση,\nΜαρίνα Καλογήρου\nΛογιστήριο, Ωμέγα Α.Ε."
    assert signatures(text) == ["Μαρίνα Καλογήρου"]


def test_a_sentence_after_the_sign_off_is_no_name() -> None:
    # five words of the script after the sign-off: a sentence, not a signature
    assert not signatures("Ευχαριστώ, Θα Περιμένω Την Απάντησή Σας")
    # a long text after the name: the sign-off is not the message's close
    assert not signatures("Ευχαριστώ, Ελένη\n" + "Και κάτι ακόμα για την παραγγελία μου που δεν ήρθε. " * 4)


def test_a_long_input_stays_fast() -> None:
    long_texts = [
        "Ευχαριστώ, Ελένη " * 12_000,
        "α " * 100_000,
        "مع تحياتي، " + "نور " * 50_000,
        " " * 200_000 + "Ευχαριστώ, Ελένη",
        "1. " * 70_000 + "Ελένη Παπαδοπούλου",
    ]
    started = time.perf_counter()
    for text in long_texts:
        list(pii_script_signatures.find_script_signatures(text))
    assert time.perf_counter() - started < 1.0
