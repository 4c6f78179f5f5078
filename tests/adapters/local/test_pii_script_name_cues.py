"""Session 35, candidate 35-2: a name in another script after its language's word for "name", "my name is",
"recipient", "holder" or "in the name of" is masked as a PERSON (pii_script_name_cues), and so is a name signing a
message in Hebrew, Gurmukhi, Malayalam, Telugu, Kannada, Gujarati, Myanmar or Han script (pii_script_signatures);
honorifics stay outside, and the cue's word before a firm, a question or a word that is no name masks nothing. The
examples are made up in the shapes of the seen sets' misses."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_script_name_cues, pii_script_signatures
from services.adapters.local.pii_presidio import PresidioPiiDetector


@pytest.fixture(scope="module")
def detector() -> PresidioPiiDetector:
    return PresidioPiiDetector(crf=True, person_check=True)


def masked(detector: PresidioPiiDetector, text: str) -> list[str]:
    return [text[s.start:s.end] for s in detector.find(text) if s.kind == "PERSON"]


def cued(text: str) -> list[str]:
    return [text[start:end] for _, start, end, _ in pii_script_name_cues.find_name_cues(text)]


@pytest.mark.parametrize(("text", "name"), [
    ("मीटर नंबर 44120987। नाम कमला देवी। बिल दोबारा भेजें।", "कमला देवी"),
    ("मेरा नाम विकास यादव है और मेरा रिचार्ज नहीं हुआ", "विकास यादव"),
    ("ওয়ারেন্টি দাবি ৪৪১২। নাম নাসরিন আক্তার, মোবাইল ০১৮১৫৫৫২২৩৪।", "নাসরিন আক্তার"),
    ("ਬਿਲ ਨੰ. 7781 ਗਲਤ ਹੈ, ਨਾਮ ਹਰਜੀਤ ਕੌਰ, ਫੋਨ 98765 12345", "ਹਰਜੀਤ ਕੌਰ"),
    ("મારું નામ ભાવિન દેસાઈ છે, ઓર્ડર 5521 હજુ આવ્યો નથી", "ભાવિન દેસાઈ"),
    ("வணக்கம், என் பெயர் மீனா சுந்தரம், போன் 90031 44556", "மீனா சுந்தரம்"),
    ("నమస్తే, నా పేరు లక్ష్మి ప్రసాద్. నా కనెక్షన్ పని చేయడం లేదు", "లక్ష్మి ప్రసాద్"),
    ("ನಮಸ್ಕಾರ, ನನ್ನ ಹೆಸರು ಮಂಜುನಾಥ್ ಹೆಗ್ಡೆ, ಖಾತೆ 33019", "ಮಂಜುನಾಥ್ ಹೆಗ್ಡೆ"),
    ("എന്റെ പേര് ബിന്ദു മാത്യു. ബിൽ തുക തെറ്റാണ്", "ബിന്ദു മാത്യു"),
    ("ගිණුම 55120. නම: නිරෝෂා පෙරේරා", "නිරෝෂා පෙරේරා"),
    ("ገንዘቡ አልደረሰም። ስሜ ብርሃኑ ገብሬ ነው፣ ስልኬ 0913 22 4455", "ብርሃኑ ገብሬ"),
    ("الحوالة ما وصلت. اسمي هند الزهراني ورقمي 0553 118 274", "هند الزهراني"),
    ("التحويل للآيبان SA03 8000 0000 6080 1016 7519 باسم ماجد الدوسري، شكرا", "ماجد الدوسري"),
    ("کارت من مسدود شد. نام من مریم احمدی است", "مریم احمدی"),
    ("میرا نام عائشہ بی بی ہے، بل دوبارہ بھیجیں", "عائشہ بی بی"),
    ("پارەکەم نەگەیشت، ناوم هێمن عەلی", "هێمن عەلی"),
    ("שלום, שמי רונית שפירא ואני רוצה לבטל מנוי", "רונית שפירא"),
    ("ההעברה בוצעה לחשבון בשם אלון ביטון, מספר 4471", "אלון ביטון"),
    ("ខ្ញុំឈ្មោះ ចាន់ ដារ៉ា។ លុយមិនទាន់ចូល", "ចាន់ ដារ៉ា"),
    ("ငွေမရောက်သေးပါ။ ကျွန်မနာမည် မခင်မာလာ၊ ဖုန်း 09 4455 1122", "ခင်မာလာ"),
    ("ชื่อผู้รับ นางสาวกาญจนา แสงทอง เบอร์ 081 234 9876", "กาญจนา แสงทอง"),
    ("订单还没到，我叫王秀英，电话 139 1122 3344", "王秀英"),
    ("配送先の変更をお願いします。氏名：佐藤 花子", "佐藤 花子"),
    ("배송이 안 왔어요. 제 이름은 박지훈입니다.", "박지훈"),
    ("Στοιχεία για την επιστροφή:\nΔικαιούχος: Αικατερίνη Μαυρίδου\nIBAN: GR16 0110 1250 0000 0001 2300 695",
     "Αικατερίνη Μαυρίδου"),
    ("Ονοματεπώνυμο μαθητή: Παναγιώτης Ρήγας\nΤάξη: Β1", "Παναγιώτης Ρήγας"),
    ("Пратката е повредена. Получател: Стоян Колев Маринов, тел. 0899 123 456", "Стоян Колев Маринов"),
    ("Договор за наем. Наемател: Виолета Андреева, ЕГН 7703154411", "Виолета Андреева"),
    ("Ім'я: Тарас Бондаренко\nТелефон: +380 67 123 4567", "Тарас Бондаренко"),
])
def test_a_name_after_its_cue_is_masked(detector: PresidioPiiDetector, text: str, name: str) -> None:
    assert name in masked(detector, text), masked(detector, text)


@pytest.mark.parametrize(("text", "name"), [
    ("முகவர்: உங்கள் பெயர் சொல்லுங்கள்\nவாடிக்கையாளர்: பிரியா கணேசன்\nமுகவர்: நன்றி", "பிரியா கணேசன்"),
    ("ወኪል: ስምዎን ይንገሩኝ\nደንበኛ: መሰረት አበበ\nወኪል: እሺ", "መሰረት አበበ"),
    ("एजेंट: मरीज़ का नाम?\nकॉलर: गीता रानी, उम्र 58\nएजेंट: ठीक है", "गीता रानी"),
    ("客服：请问您的姓名？\n客户：赵丽华", "赵丽华"),
])
def test_the_answer_to_a_question_for_a_name_is_masked(detector: PresidioPiiDetector, text: str, name: str) -> None:
    assert name in masked(detector, text), masked(detector, text)


@pytest.mark.parametrize("text", [
    "एजेंट: नाम बताइए\nग्राहक: ठीक है",
    "客服：您的名字？\n客户：好的",
    "এজেন্ট: আপনার নাম্বার বলুন\nগ্রাহক: আমার কাছে নেই",
    "முகவர்: உங்கள் பெயர்?\nவாடிக்கையாளர்: என் சிம் வேலை செய்யவில்லை இன்னும் சரி ஆகவில்லை",
])
def test_an_answer_that_is_no_name_masks_nothing(text: str) -> None:
    assert cued(text) == [], cued(text)


@pytest.mark.parametrize(("text", "title", "name"), [
    ("ကျွန်တော့်နာမည် ကိုဇော်မင်း၊ ဖုန်း 09 7711 2233", "ကို", "ဇော်မင်း"),
    ("ชื่อ คุณศิริวรรณ ทองคำ ค่ะ", "คุณ", "ศิริวรรณ ทองคำ"),
])
def test_an_honorific_stays_outside_the_name(detector: PresidioPiiDetector, text: str, title: str, name: str) -> None:
    found = masked(detector, text)
    assert name in found, found
    assert not any(title + name in f for f in found), found


@pytest.mark.parametrize(("text", "name"), [
    ("שלום, התור שלי ביום ראשון. ת.ז. 204451187. תודה, עדי גולן", "עדי גולן"),
    ("ਮੇਰਾ ਬਿਲ ਨੰ. 55120 ਦੇਖੋ ਜੀ। ਧੰਨਵਾਦ, ਮਨਪ੍ਰੀਤ ਸਿੰਘ", "ਮਨਪ੍ਰੀਤ ਸਿੰਘ"),
    ("കണക്ഷൻ നമ്പർ 1155230091. ദയവായി പരിശോധിക്കുക. നന്ദി,\nരേഖ നായർ", "രേഖ നായർ"),
    ("బిల్లు 4471 రెండుసార్లు వచ్చింది. ధన్యవాదాలు, సురేఖ వర్మ", "సురేఖ వర్మ"),
    ("ಪಾಲಿಸಿ 88120 ನವೀಕರಣ ಆಗಿಲ್ಲ. ಧನ್ಯವಾದಗಳು,\nಪ್ರಕಾಶ್ ರಾವ್", "ಪ್ರಕಾಶ್ ರಾವ್"),
    ("ઓર્ડર 7781 રદ કરો. આભાર, નીતા મહેતા", "નીતા મહેતા"),
    ("ငွေလွှဲ 250,000 ကျပ် မရောက်ပါ။ ကျေးဇူးတင်ပါတယ်။ ဦးသန်းထွန်း", "သန်းထွန်း"),
    ("快递单号 SF1234567890 还没到。谢谢！\n刘海燕", "刘海燕"),
    ("注文番号 55120 の件、ご確認ください。よろしくお願いします。\n鈴木 一郎", "鈴木 一郎"),
    ("ఫోన్ 90031 44556 – రాజేష్ నాయుడు", "రాజేష్ నాయుడు"),
])
def test_a_name_signing_in_one_of_the_new_scripts_is_masked(detector: PresidioPiiDetector, text: str,
                                                            name: str) -> None:
    assert name in masked(detector, text), masked(detector, text)


@pytest.mark.parametrize("text", [
    "آپ کا نام کیا ہے؟",  # "what is your name?"
    "נא לכתוב את השם המלא בטופס",
    "ਨਾਮ ਗਲਤ ਹੈ",
    "收件人地址：北京市朝阳区建国路 88 号",
    "名字是什么？",
    "성함이 어떻게 되세요?",
    "Получател: Дентал Център ЕООД, тел. 0888 555 412",
    "السيارة مسجلة باسم الشركة مؤسسة النور للتجارة",
    "Όνομα: PAPADOPOULOU/ELENI",  # Latin letters are other finders' business
    "ஆதார் அட்டையில் உள்ள பெயர் தவறாக உள்ளது",  # "the name on the card is wrong"
    "ਨਾਮ ਬਦਲਣਾ ਹੈ ਤਾਂ ਕੀ ਕਰਾਂ ਅਤੇ ਕਿੰਨੇ ਦਿਨ ਲੱਗਣਗੇ ਜੀ",
])
def test_the_cue_before_no_name_masks_nothing(text: str) -> None:
    assert cued(text) == [], cued(text)


@pytest.mark.parametrize("text", [
    "订单号 CN2024 还没到。请尽快处理",
    "订单号 CN2024 还没到。谢谢",
    "ת.ז. 039481726. תודה רבה",
    "מספר הזמנה 5512. תודה, צוות שירות לקוחות",
])
def test_sign_offs_alone_are_no_signature(text: str) -> None:
    assert list(pii_script_signatures.find_script_signatures(text)) == []


def test_a_long_input_stays_fast() -> None:
    texts = ["नाम " * 50_000, "ስሜ " * 50_000, "名字" * 100_000, "Получател: " * 20_000, "ชื่อ " * 40_000,
             "နာမည် " * 30_000, "باسم " * 40_000, ("a" * 199_990) + " שמי דנה", "תודה, " * 30_000, "नाम?\nसुनीता\n" * 20_000]
    started = time.perf_counter()
    for text in texts:
        list(pii_script_name_cues.find_name_cues(text))
        list(pii_script_signatures.find_script_signatures(text))
    assert time.perf_counter() - started < 3.0
