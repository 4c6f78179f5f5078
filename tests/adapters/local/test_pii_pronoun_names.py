"""Session 38 (candidate 38-3): names in calls and in non-Latin scripts. An agent's self-introduction in more
languages ("ma3ak yazan", "mona ma'ak", "kat po", "mama dilani", "म सरिता", "நான் கார்த்திக்", "میں عمران بات کر رہا
ہوں"), the caller greeting the agent by the name or its start ("hola nico"), a caller's own name after a cue of the
languages our calls mix ("ben ayşe yıldız", "mera naam rakesh yadav hai"), and a writer's own name after "I" or "my
details" in Hebrew, Persian, Cyrillic, Arabic, Devanagari, Tamil, Thai, Bengali, Burmese, Chinese and Korean are
masked; a firm's words, a role, "mama" as a mother, a verb or "a customer" after "I" are not."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_agent_intros, pii_pronoun_names
from services.adapters.local.pii_fast import RulesPiiDetector
from services.adapters.local.pii_presidio import PresidioPiiDetector


@pytest.fixture(scope="module", params=["default", "configured", "rules"])
def detector(request: pytest.FixtureRequest) -> PresidioPiiDetector | RulesPiiDetector:
    if request.param == "rules":
        return RulesPiiDetector()
    if request.param == "configured":  # the settings' default: the CRF tagger and the learned PERSON check on
        return PresidioPiiDetector(crf=True, person_check=True)
    return PresidioPiiDetector()


def names(detector: PresidioPiiDetector | RulesPiiDetector, text: str) -> list[str]:
    return [text[s.start:s.end] for s in detector.find(text) if s.kind == "PERSON"]


@pytest.mark.parametrize(("text", "name"), [
    ('שלום, אני אבי לוי, ת"ז 039337423. החבילה שלי לא הגיעה.', "אבי לוי"),
    ("سلام، من سارا احمدی هستم. کارت بانکی من در دستگاه ماند", "سارا احمدی"),
    ("Добрий день, я Олена Коваленко. Посилка 20450012345678 не прийшла.", "Олена Коваленко"),
    ("Здравейте, аз съм Петя Иванова, ЕГН 8507124563. Искам да закрия сметка.", "Петя Иванова"),
    ("Прошу переоформити договір на мене. Мої дані: Олена Бондаренко, паспорт FX 418273.", "Олена Бондаренко"),
    ("السلام عليكم، بغيت نبدل الحساب. سميتي خديجة بنعلي. البطاقة الوطنية JH 448127. شكرا", "خديجة بنعلي"),
    ("السلام عليكم، أنا عبدالله الحربي وبطاقتي انسرقت أمس. رقم البطاقة 4667 0736 7695 1513", "عبدالله الحربي"),
    ("الرقم القومي 29001011234567، واسمي أحمد سمير عبد الله، ومحتاج أعرف المواعيد", "أحمد سمير عبد الله"),
    ("नमस्ते, म सीता अधिकारी हुँ, मेरो खाता बन्द भयो", "सीता अधिकारी"),
    ("வணக்கம், நான் ரமேஷ் குமார் பேசுகிறேன், என் கணக்கு முடங்கியது", "ரமேஷ் குமார்"),
    ("สวัสดีค่ะ ดิฉันสุภาพร แก้วมณี ต้องการแจ้งบัตรเครดิตหาย เบอร์โทร 081 555 4392 ค่ะ", "สุภาพร แก้วมณี"),
    ("bKash er customer care? ami তানভীর হাসান, amar number 01711-555034 theke cash out hocche na", "তানভীর হাসান"),
    ("မင်္ဂလာပါ၊ ကျွန်မ ခင်မာဝင်း ပါ။ KBZPay ကနေ 09 7812 34567 ကို လွှဲတာ မရောက်သေးပါ", "ခင်မာဝင်း"),
    ("你好，我是陈建国。上周买的空气炸锅不能用了，订单号 CN20250316044。", "陈建国"),
    ("안녕하세요, 김민준입니다. 주문 KR-300481 사이즈가 틀렸어요.", "김민준"),
    ("வணக்கம், நான் கவிதா சுப்பிரமணியம், என் கணக்கு முடங்கியது", "கவிதா சுப்பிரமணியம்"),
    ("नमस्ते, मैं राकेश वर्मा, मेरा रिचार्ज नहीं हुआ", "राकेश वर्मा"),
    ("Мої дані — Олена Бондаренко, паспорт FX 418273", "Олена Бондаренко"),
    ("اینجانب مریم رضایی به شماره ملی ۰۰۷۱۸۸۴۱۲۳ درخواست صدور کارت دارم", "مریم رضایی"),
])
def test_a_writers_own_name_after_i_or_my_details_is_masked(detector: PresidioPiiDetector | RulesPiiDetector,
                                                            text: str, name: str) -> None:
    found = names(detector, text)
    assert name in found, found


@pytest.mark.parametrize(("text", "name", "count"), [
    ("agent: zain jordan, ma3ak yazan\ncustomer: ahlan, el internet bil bait ba6ee2", "yazan", 1),
    ("agent: vodafone egypt, mona ma'ak\ncaller: ahlan mona, ana 3ayez a-cancel el 3ard", "mona", 2),
    ("operador: banco galicia, te atiende nicolás\ncliente: hola nico, me debitaron dos veces", "nico", 1),
    ("agent: cebu pacific, kat po\ncaller: i need to rebook XKF2PQ", "kat", 1),
    ("agent: ayubowan, ceylinco motor claims, mama dilani\ncaller: hello dilani miss, my three wheeler", "dilani", 2),
    ("agent: dbs, you're speaking with wei ling\ncaller: hi, i paynow-ed to the wrong number", "wei ling", 1),
    ("agent: dbs good afternoon jun hao speaking\ncaller: hi i paynow wrongly", "jun hao", 1),
    ("एजेन्ट: नमस्ते, नेपाल टेलिकम, म सरिता\nग्राहक: नमस्ते दिदी, मेरो सिम हरायो", "सरिता", 1),
    ("نمائندہ: HBL ہیلپ لائن، میں عمران بات کر رہا ہوں\nکالر: میرا کارڈ گم ہو گیا ہے", "عمران", 1),
    ("முகவர்: வணக்கம், தென்றல் மொபைல், நான் கார்த்திக்\nஅழைப்பவர்: என் சிம் வேலை செய்யலை", "கார்த்திக்", 1),
    ("υπάλληλος: ΑΑΔΕ, Κώστας παρακαλώ\nπολίτης: καλημέρα, δεν μπορώ να μπω", "Κώστας", 1),
    ("υπάλληλος: eurobank καλησπέρα, γιώργος\nπελάτισσα: καλησπέρα, θέλω να κλείσω την κάρτα", "γιώργος", 1),
    ("الموظف: فودافون مصر، معاك أحمد\nالعميل: أهلاً يا أحمد، الخط اتسرق وعايز أوقفه", "أحمد", 2),
    ("agent: dialog, mama kasun katha karanne\ncaller: hello, mage bill eka", "kasun", 1),
    ("agent: airtel, naan karthik pesuren\ncaller: hello sir, en sim velai seyyala", "karthik", 1),
    ("agent: ncell namaste\ncaller: hajur\nagent: ma sujata boldai chhu, k sahayog garna sakchhu", "sujata", 1),
    # the caller's own name
    ("agent: ziraat bankası, ben emre\ncaller: iyi akşamlar, ben ayşe yıldız, eft yaptım ama karşı taraf almamış",
     "ayşe yıldız", 1),
    ("agent: jio, main pooja baat kar rahi hoon\ncaller: haan ji, mera naam rakesh yadav hai, order cancel karna hai",
     "rakesh yadav", 1),
    ("agent: airtel money, fatuma speaking\ncaller: habari fatuma, mimi ni halima juma kutoka dar, nimetoa pesa",
     "halima juma", 1),
    ("wakala: M-Pesa huduma kwa wateja, naitwa faith. naongea na nani?\nmteja: naitwa otieno wekesa, nilituma pesa",
     "otieno wekesa", 1),
])
def test_names_said_in_calls_are_masked(detector: PresidioPiiDetector | RulesPiiDetector, text: str, name: str,
                                        count: int) -> None:
    found = names(detector, text)
    assert found.count(name) == count, found


@pytest.mark.parametrize(("text", "name", "kept"), [
    ("agent: zain jordan, ma3ak yazan\ncaller: ahlan\nagent: etisalat, ma3ak el da3m el fanni", "yazan",
     ["jordan", "da3m", "fanni"]),
    ("agent: PLDT, arnel po\ncaller: hi sir\nagent: Globe, sandali po", "arnel", ["sandali", "Globe"]),
    ("agent: ayubowan, dialog, mama kasun\ncaller: mama wanted me to call about her bill", "kasun", ["wanted"]),
    ("एजेन्ट: एनसेल, म राम\nग्राहक: नमस्ते\nएजेन्ट: म तपाईंलाई सहयोग गर्छु", "राम", ["तपाईंलाई"]),
    ("نمائندہ: جاز، میں سارہ بات کر رہی ہوں\nکالر: میں آپ سے بات کر رہا ہوں", "سارہ", ["آپ"]),
])
def test_the_firm_a_role_and_words_after_the_cue_are_not_masked(detector: PresidioPiiDetector | RulesPiiDetector,
                                                                text: str, name: str, kept: list[str]) -> None:
    found = names(detector, text)
    assert name in found, found
    assert not any(word in value.split() for word in kept for value in found), found


@pytest.mark.parametrize("text", [
    "שלום, אני צריכה לבטל את התור",
    "נציג: רואה, SUPER-PHARM TLV פעמיים 189 ₪, אני מבטל אחד",
    "אני הלקוח.",
    "סלקום שלום, אני מבטל את המנוי.",
    "سلام، من مشتری شما هستم.",
    "میں آپ سے بات کر رہا ہوں",
    "म तपाईंको ग्राहक हुँ",
    "வணக்கம், நான் உங்களிடம் பேசுகிறேன்",
    "Я з Києва, хочу змінити тариф.",
    "Я Вам пишу щодо рахунку.",
    "Здравствуйте, я клиент вашего банка.",
    "我是客服小王，请问有什么可以帮您",
    "我是高中生。",
    "안녕하세요, 고객입니다. 문의드립니다",
    "저는 처음입니다",
    "வணக்கம், நான் உங்கள் வாடிக்கையாளர், என் கணக்கு",
    "नमस्ते, मैं ठीक हूँ।",
    "नमस्ते, मैं आपका ग्राहक, मेरा रिचार्ज",
])
def test_what_follows_i_when_no_name_does_is_no_name(text: str) -> None:
    assert list(pii_pronoun_names.find_pronoun_names(text)) == []


@pytest.mark.parametrize("text", [
    "agent: hi\ncaller: it's tony dot marsh at gmail dot com",
    "agent: hi\ncaller: i'm fine, thanks",
    "agent: hi\nappelante: fatma ben salah",
    "agent: hi\ncaller: görünüyor ama ben selin aydemir'e gönderecektim",
    "agent: etisalat, ma3ak el da3m el fanni\ncaller: ahlan",
    "agent: vodafone, ma3ak khidmet el 3omala2, ezzay a2dar asa3dak\ncaller: ahlan",
])
def test_the_agents_finder_proposes_no_name_for_look_alikes(text: str) -> None:
    assert list(pii_agent_intros.find_agent_intros(text)) == []
    intro = "agent: zain jordan, ma3ak yazan\ncaller: merhaba, ben ayşe yıldız, eft yaptım"
    assert [intro[s:e] for _, s, e, _ in pii_agent_intros.find_agent_intros(intro)] == ["yazan", "ayşe yıldız"]


def test_the_finders_read_a_long_input_fast_and_yield_at_most_their_cap() -> None:
    texts = ["שלום, אני אבי " * 2000, "agent: x, mama dilani\n" * 1000, "caller: merhaba, ben ayşe yıldız de " * 600,
             "agent: te atiende nicolás\ncaller: hola nico\n" * 500, "Я, Олена, " * 3000, "ကျွန်မ ခင်မာဝင်း ပါ။ " * 800,
             "我是陈建国。" * 2000, "저는 김민지입니다 " * 2000]
    started = time.perf_counter()
    for text in texts:
        assert len(list(pii_pronoun_names.find_pronoun_names(text))) <= pii_pronoun_names.CAP
        assert len(list(pii_agent_intros.find_agent_intros(text))) <= pii_agent_intros.CAP
    assert time.perf_counter() - started < 5.0
