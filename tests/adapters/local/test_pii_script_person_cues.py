"""Names in Devanagari, Tamil, Bengali, Arabic / Persian / Urdu, Hebrew, Cyrillic and Greek script shown to be a
person's by the message's own words (session 43, candidate 43-4)."""

from __future__ import annotations

import pytest

from services.adapters.local.pii_fast import RulesPiiDetector
from services.adapters.local.pii_presidio import PresidioPiiDetector


def _persons(detector: PresidioPiiDetector | RulesPiiDetector, text: str) -> list[str]:
    return [text[s.start:s.end] for s in detector.find(text) if s.kind == "PERSON"]


_FOUND = [
    # a doctor's or a courtesy title
    ("नमस्ते, कल सुबह डॉ. खन्ना का अपॉइंटमेंट चाहिए, मेरा नंबर 98110 22345", ["खन्ना"]),
    ("வணக்கம், டாக்டர் முருகன் அவர்களிடம் வியாழன் மாலை நேரம் வேண்டும்", ["முருகன்"]),
    ("আমি ডাঃ নাসরিন আক্তার এর সিরিয়াল চাই, শুক্রবার সকালে", ["নাসরিন আক্তার"]),
    ("اپراتور: ممنون آقای کریمی، درخواست شما ثبت شد", ["کریمی"]),
    ("جناب آقای محمدی لطفا با شعبه تماس بگیرید", ["محمدی"]),
    # a relative's word
    ("नमस्ते, मेरी बहन रेखा गुप्ता का पासबुक अपडेट नहीं हुआ", ["रेखा गुप्ता"]),
    ("السلام علیکم، میرے والد اکرم حسین کا پنشن نہیں آیا", ["اکرم حسین"]),
    ("என் அம்மா லதாவுக்கு மருந்து இன்னும் வரவில்லை", ["லதா"]),
    ("আমার ছেলে তানভীর হাসান এর ভর্তি ফরম জমা দিয়েছি", ["তানভীর হাসান"]),
    ("الفلوس راحت لأخويا حسام بالغلط", ["حسام"]),
    # thanked or greeted with a courtesy word, a title, or alone after thanks
    ("এজেন্ট: ধন্যবাদ সুমন ভাই, আপনার অভিযোগ নম্বর ৪৪১২", ["সুমন"]),
    ("נציגה: תודה יעל. מספר הפנייה שלך 55812", ["יעל"]),
    ("оператор: дякую, Мирославо. Заявку прийнято", ["Мирославо"]),
    ("η μαθήτρια Ειρήνη Λάμπρου του τμήματος Γ1 θα απουσιάσει αύριο", ["Ειρήνη Λάμπρου"]),
    ("আসসালামু আলাইকুম রহিম ভাই, আপনার পার্সেল এসেছে", ["রহিম"]),
    # the agent's own name opening a call
    ("الموظف: زين كاش معاك حازم، أقدر أساعدك في إيه؟\nالعميل: يا حازم أنا حولت فلوس غلط", ["حازم", "حازم"]),
    ("আমার মা রোকেয়া বেগম এর চিকিৎসার কাগজ জমা দিয়েছি", ["রোকেয়া বেগম"]),
    ("оператор: Ощадбанк, Наталія, слухаю вас\nклієнт: добрий день", ["Наталія"]),
    ("Добрый день, это Марина из сервисного центра, по поводу вашей заявки", ["Марина"]),
    # a patronymic, a personal id, the caller's phone
    ("Перевод 2500р Ольга Викторовна М. по номеру +7 903 118-22-41 выполнен", ["Ольга Викторовна М"]),
    ("Здравейте, данни за договора: Петър Иванов Стоянов, ЕГН 8805124471, адрес София", ["Петър Иванов Стоянов"]),
    ("Σας στέλνω τα στοιχεία: Μαρία Κωνσταντίνου, ΑΜΚΑ 12038812345", ["Μαρία Κωνσταντίνου"]),
    ("Заказ 7712-04 не доставлен. Телефон +7 912 443-18-20, Гульнара.", ["Гульнара"]),
    ("мастер Виктор обещал прийти в четверг, но не пришёл", ["Виктор"]),
    ("ο οδηγός μας Στέλιος Μαυρίδης ενεπλάκη σε ατύχημα", ["Στέλιος Μαυρίδης"]),
    # a name field of a patient or a child, and the name signing after a dash
    ("நோயாளி பெயர் சாந்தி ராமசாமி, வயது 58, போன் 98400 11223", ["சாந்தி ராமசாமி"]),
    ("عايز أحجز كشف. اسم الطفل يوسف خالد، عنده ٥ سنين", ["يوسف خالد"]),
    ("नमस्ते, मेरा रिफंड 12 दिन से नहीं आया। कृपया जल्दी करें। — विकास सिंह", ["विकास सिंह"]),
    ("میرا ریفنڈ ابھی تک نہیں آیا۔ پلیز جلدی واپس کروائیں۔ فرحان علی", ["فرحان علی"]),
]


@pytest.mark.parametrize(("text", "names"), _FOUND)
def test_names_found(detector: PresidioPiiDetector, text: str, names: list[str]) -> None:
    found = _persons(detector, text)
    assert all(found.count(name) >= names.count(name) for name in names), found


@pytest.mark.parametrize(("text", "names"), [_FOUND[0], _FOUND[3], _FOUND[6], _FOUND[10], _FOUND[15], _FOUND[19],
                                             _FOUND[27]])
def test_rules_only_finds_them_too(text: str, names: list[str]) -> None:
    found = _persons(RulesPiiDetector(), text)
    assert all(found.count(name) >= names.count(name) for name in names), found


@pytest.mark.parametrize(("text", "name", "word"), [
    # a firm greeted, a dinar's sign, "doctor" as a noun, a courier's firm, a firm with a tax number stay
    ("שלום מכבי, תודה דנה. רציתי לקבוע תור", "דנה", "מכבי"),
    ("مرحبا طلبات، الطلب ما وصل. شكرا آقای رحیمی", "رحیمی", "طلبات"),
    ("المبلغ ١٥ د.ك، والموظف ما رد. ممنون آقای فهیمی", "فهیمی", "ك"),
    ("கண் டாக்டர் அப்பாயின்ட்மென்ட் வேணும். டாக்டர் ரமேஷ் அவர்களிடம்", "ரமேஷ்", "அப்பாயின்ட்மென்ட்"),
    ("курьер Яндекс Доставки не приехал, мастер Олег тоже", "Олег", "Яндекс"),
    ("ООО Ромашка, ИНН 7701234567. Данные: Ирина Петрова, паспорт 4510 123456", "Ирина Петрова", "Ромашка"),
    ("Вітаю, Укрпошта! Ваш водій Богдан не приїхав", "Богдан", "Укрпошта"),
    ("سلامتك. رقم اللوحة؟ ممنون خانم احمدی", "احمدی", "سلامتك"),
])
def test_look_alikes_stay(detector: PresidioPiiDetector, text: str, name: str, word: str) -> None:
    found = _persons(detector, text)
    assert name in found, found
    assert not any(word in value for value in found), found
