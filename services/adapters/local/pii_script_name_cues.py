"""Names in other scripts after a word that says "name", "my name is", "recipient", "holder" or "in the name of"
(session 35, candidate 35-2).

pii_script_names (session 33) reads a self-introduction in seven scripts, the name being the whole clause; a name
given after its language's word for "name" in a longer sentence, or in a script it does not read, was missed: "ஒரு
புகார். என் பெயர் செந்தில் குமார், போன் …", "ਖਾਤਾ ਨੰ. …, ਨਾਮ ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ, ਫੋਨ …", "ስሜ ሰላማዊት ታደሰ እባካችሁ …",
"… باسم سلطان الكتبي، رقم الهوية …", "Получател: Георги Димитров Петров, тел. …", "Ονοματεπώνυμο παιδιού: Νικόλαος
Παπαδάκης", "名字 林美玲。", "ကျွန်တော့်နာမည် ကိုအောင်ကျော်၊ …", "ខ្ញុំឈ្មោះ សុខ ចាន់ថា។".

:func:`find_name_cues` (a finder of ``pii_rules.find_all``) proposes, as a PERSON, the name after such a cue:

- in a script that writes spaces between words (Devanagari, Bengali, Gurmukhi, Gujarati, Tamil, Telugu, Kannada,
  Malayalam, Sinhala, Ethiopic, Arabic / Persian / Urdu / Kurdish, Hebrew, Khmer, Greek, Cyrillic): one to four
  words of the cue's script, ended by the clause's end (punctuation, a digit, the line's end, another script) or by a
  word that follows a name (the copula, "phone", "number", "age", "address", "and", "please", Arabic "و…"); a fifth
  word (a sentence), a word that is no name (a verb's form, "wrong", a greeting) or a firm's or a place's word makes
  it none. Greek and Cyrillic names are capitalised; a bare "name" ("नाम", "பெயர்", "نام", "שם") must open its clause
  or take a colon, "my name" ("मेरा नाम", "என் பெயர்", "ስሜ", "اسمي", "שמי") and "in the name of" ("باسم", "בשם") need
  not;
- in a script that writes none (Thai, Lao, Myanmar, Han, Japanese, Korean): the run of letters after the cue, bounded
  by the next space, punctuation, digit or a known following word (a polite particle, "phone", Chinese 电话,
  Korean 입니다), a few syllables at most (Chinese names 2-4 Han characters, "山田 太郎" with one space);
- honorifics glued to a name (Myanmar ကို, မ, ဦး, ဒေါ်, မောင်; Thai คุณ, นาย, นาง, นางสาว) stay outside the span;
- and the answer on the next line to a question for a name (a line with a word for "name" and a question mark or a
  request: "உங்கள் பெயர்?", "ስምዎን ይንገሩኝ", "पेशेंट का नाम?"): one to four words of one script after the speaker's
  label that are the line, or its start before a comma and the caller's other data ("सुनीता अग्रवाल, उम्र 62").

Session 38 (38-3): Darija "سميتي" ("my name"), Persian "اینجانب" ("I, the undersigned": the name ends before "به",
"با", "فرزند", "کد" …) and "my details" in Ukrainian, Russian and Bulgarian ("Мої дані: Олена Бондаренко, паспорт …",
after a colon or a dash) are cues of their own; "عبد الله" is one name of two words; a Khmer word of "I …" ends the
name before it ("ខ្ញុំឈ្មោះ សុខ ចាន់ធី ខ្ញុំបាត់កាត").

Names signing a message in the scripts pii_script_signatures did not read (Hebrew, Gurmukhi, Malayalam, Telugu,
Kannada, Gujarati, Myanmar, Han) are that module's: session 35 added those scripts to its tables.

Session 43 (43-4): a patient's, a child's or a relative's name field ("पिता का नाम", "நோயாளி பெயர்", "রোগীর নাম",
"مریض کا نام", "اسم الطفل"), Arabic "his / her name" ("اسمه", "اسمها"; asked: "واسمه؟") and Tamil "in whose name"
("யார் பெயரில்") are cues too; Arabic "ما" / "مش" (not) end a name.

:func:`is_cued_name` tells the learned PERSON check (``pii_person_check``) to keep such a span: it learned names from
Latin words and scores these as unknown.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator

from services.adapters.local import pii_found
from services.adapters.local import pii_script_names as _names
from services.adapters.local import pii_script_signatures as _signatures

CAP = 24  # names a message at most
_SCORE = 0.85

# ---- letters of each script (no digits, no punctuation) --------------------------------------------------------------
_LETTERS = {
    "hi": "\u0900-\u0963\u0971-\u097f\u200c\u200d",  # Devanagari (not । ॥ or the digits)
    "bn": "\u0981-\u09e3\u09f0\u09f1",
    "pa": "\u0a01-\u0a5e\u0a70-\u0a75",  # Gurmukhi (not the digits)
    "gu": "\u0a81-\u0ae3\u0af9-\u0aff",
    "ta": "\u0b82-\u0bd7",
    "te": "\u0c00-\u0c63",
    "kn": "\u0c80-\u0ce3\u0cf1\u0cf2",
    "ml": "\u0d00-\u0d63\u0d7a-\u0d7f",  # Malayalam letters and the chillus
    "si": "\u0d81-\u0df4\u200d",
    "am": "\u1200-\u135a\u135d-\u135f",  # Ethiopic syllables (not ። ፣ or the numerals)
    "ar": "\u0621-\u063a\u0641-\u065f\u0670-\u06d3\u06d5\u200c",  # Arabic, Persian, Urdu, Kurdish letters; ZWNJ
    "he": "\u05d0-\u05ea\u05f0-\u05f2\u0591-\u05c7",  # Hebrew letters and points (not ׳ ״)
    "km": "\u1780-\u17d3",
    "el": "\u0386\u0388-\u03ce\u1f00-\u1ffc",
    "ru": "\u0400-\u0481\u048a-\u04ff",
    "th": "\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e4e",
    "lo": "\u0e81-\u0ecd",
    "my": "\u1000-\u103f\u1050-\u108f",  # Myanmar letters and signs (not ၊ ။ or the digits)
    "han": "\u3400-\u4dbf\u4e00-\u9fff",
    "ko": "\uac00-\ud7a3",
}
_WORD = {key: re.compile(f"[{chars}]{{1,40}}") for key, chars in _LETTERS.items()}
_LETTER = {key: re.compile(f"[{chars}]") for key, chars in _LETTERS.items()}
_ANY = re.compile("[" + "".join(_LETTERS.values()) + "]")
_CASED = ("el", "ru")

# ---- the cues: (script, "own" for "my name" / "in the name of" / a role's word, "bare" for "name"), in each script --
# a bare "name" must open its clause or take a colon; the others name a person wherever they stand
_CUES: dict[str, tuple[str, str]] = {
    "hi": (r"मेरा[ \t]नाम(?:[ \t]है)?|मेरी[ \t]नाम|माझे[ \t]नाव(?:[ \t]आहे)?|मेरो[ \t]नाम(?:[ \t]हो)?|प्राप्तकर्ता|"
           r"खाताधारक(?:[ \t]का[ \t]नाम)?|के[ \t]नाम[ \t]से|के[ \t]नाम[ \t]पर|"
           # s. 43: a patient's, a child's, a relative's name field ("पेशेंट का नाम", "पिता का नाम")
           r"(?:पेशेंट|मरीज़|मरीज|रोगी|बच्चे|बच्ची|पिता|पति|पत्नी|माता|माँ|बेटे|बेटी)[ \t](?:का|की|के)[ \t]नाम",
           r"नाम|नाव"),
    "bn": (r"আমার[ \t]নাম|প্রাপক|হিসাবধারী|এর[ \t]নামে|(?:রোগীর|বাবার|মায়ের|স্বামীর|স্ত্রীর|ছেলের|মেয়ের)[ \t]নাম", r"নাম"),
    "pa": (r"ਮੇਰਾ[ \t]ਨਾਮ(?:[ \t]ਹੈ)?|ਮੇਰਾ[ \t]ਨਾਂ|ਪ੍ਰਾਪਤਕਰਤਾ|ਖਾਤਾਧਾਰਕ", r"ਨਾਮ|ਨਾਂ"),
    "gu": (r"મારું[ \t]નામ(?:[ \t]છે)?|પ્રાપ્તકર્તા|ખાતાધારક", r"નામ"),
    "ta": (r"என்[ \t]பெயர்|எனது[ \t]பெயர்|என்னுடைய[ \t]பெயர்|பெறுநர்|(?:நோயாளி|நோயாளியின்|குழந்தையின்|அப்பாவின்|"
           r"அம்மாவின்|கணவரின்|மனைவியின்)[ \t]பெயர்", r"பெயர்"),
    "te": (r"నా[ \t]పేరు|నాపేరు|గ్రహీత", r"పేరు"),
    "kn": (r"ನನ್ನ[ \t]ಹೆಸರು|ಸ್ವೀಕರಿಸುವವರು", r"ಹೆಸರು"),
    "ml": (r"എന്റെ[ \t]പേര്|എന്റെ[ \t]പേര്|എൻ്റെ[ \t]പേര്|സ്വീകർത്താവ്", r"പേര്"),
    "si": (r"මගේ[ \t]නම|ලබන්නා", r"නම"),
    "am": (r"ስሜ|የኔ[ \t]ስም|የእኔ[ \t]ስም|ተቀባይ", r"ስም"),
    "ar": (r"و?(?:اسمي|إسمي|اسمى|اسمه|اسمها|سميتي|سميتى|باسم|بإسم|بأسم|اسمم|ناوم|ناوی[ \t]من|نام[ \t]من|میرا[ \t]نام|به[ \t]نام|"
           r"کے[ \t]نام|(?:مریض|والد|والدہ|شوہر|بیوی|بچے|بچی)[ \t]کا[ \t]نام|"
           r"اسم[ \t](?:الطفل|الطفلة|المريض|المريضة|الأب|الأم|الزوج|الزوجة|الابن|البنت)|اینجانب|المستفيد|المستلم|صاحب[ \t]الحساب|صاحب[ \t]البطاقة|گیرنده|وصول[ \t]کنندہ)",
           r"و?(?:الاسم|الإسم|اسم|نام|ناو)(?:[ \t](?:الكامل|كامل|کامل|و[ \t]نام[ \t]خانوادگی|خانوادگی))?"),
    "he": (r"שמי|ושמי|השם[ \t]שלי(?:[ \t]הוא|[ \t]היא)?|קוראים[ \t]לי|בשם|על[ \t]שם|הנמען|הנמענת|בעל[ \t]החשבון|"
           r"בעלת[ \t]החשבון", r"שם(?:[ \t]מלא|[ \t]הלקוח|[ \t]הלקוחה|[ \t]המטופל|[ \t]המטופלת)?"),
    "km": (r"ខ្ញុំឈ្មោះ|ឈ្មោះខ្ញុំ|ឈ្មោះរបស់ខ្ញុំ|អ្នកទទួល|ម្ចាស់គណនី", r"ឈ្មោះ"),
    "el": (r"ονοματεπώνυμο|ονοματεπωνυμο|όνομα|ονομα|ονομάζομαι|ονομαζομαι|λέγομαι|λεγομαι|δικαιούχος|δικαιουχος|"
           r"παραλήπτης|παραλήπτρια|παραληπτης|κάτοχος|κατοχος|στο[ \t]όνομα(?:[ \t]του|[ \t]της)?|επώνυμο|επωνυμο",
           r"(?!)"),
    "ru": (r"получател|получатель|получателя|отримувач|одержувач|наемател|наниматель|наймач|орендар|титуляр|"
           r"владелец|власник|собственик|собственник|ім['’]я|имя|име|фио|піб|меня[ \t]зовут|мене[ \t]звати|"
           r"казвам[ \t]се|зовем[ \t]се|мої[ \t]дані|мои[ \t]данные|моите[ \t]данни|на[ \t]имя|на[ \t]ім['’]я|на[ \t]името[ \t]на|на[ \t]име",
           r"(?!)"),
}
# the cues of scripts without spaces between words: the name is glued to the cue or after a space or a colon
_TH_CUE = r"ชื่อ(?:-?นามสกุล|ผู้รับ|ผู้ส่ง|ผู้ติดต่อ|ผู้ถือบัตร|เจ้าของบัญชี|บัญชี|ลูกค้า)?(?:[ \t]?:)?[ \t]{1,2}"
_LO_CUE = r"(?:ຂ້ອຍ|ຂ້າພະເຈົ້າ)?ຊື່(?:[ \t]?:[ \t]{0,2}|[ \t]{1,2})"
_MY_CUE = r"(?:ကျွန်တော့်|ကျွန်တော်|ကျွန်မ|ကျနော့်|ကျနော်)?(?:နာမည်|အမည်)(?:[ \t]?[:：][ \t]{0,2}|[ \t]{1,2})"
_HAN_CUE = (r"(?:我的)?(?:名字|姓名)(?:是|叫|为|為)?|我叫|我名叫|收件人(?:姓名)?|收貨人|收货人|联系人|聯絡人|持卡人|户名|戶名|"
            r"(?:お)?名前(?:は)?|氏名|受取人")
_HAN_AFTER_CUE = r"[ \t　]{0,2}[:：]?[ \t　]{0,2}"
_KO_CUE = r"(?:제[ \t])?(?:이름|성함)(?:은|는|이|:)?[ \t]{0,2}:?[ \t]{0,2}|수취인[ \t]{0,2}:?[ \t]{0,2}|예금주[ \t]{0,2}:?[ \t]{0,2}"

_SPACED_CUE = {key: re.compile(f"(?P<{key}_own>(?<![{_LETTERS[key]}])(?:{own})(?![{_LETTERS[key]}]))|"
                              f"(?P<{key}_bare>(?<![{_LETTERS[key]}])(?:{bare})(?![{_LETTERS[key]}]))", re.IGNORECASE)
               for key, (own, bare) in _CUES.items()}
_CUES_READ = 64  # cues read per script and message (a message names a few people; a flood of cues costs no more)
_UNSPACED_CUE = re.compile(f"(?P<th>{_TH_CUE})|(?P<lo>{_LO_CUE})|(?P<my>{_MY_CUE})|(?P<han>(?:{_HAN_CUE}){_HAN_AFTER_CUE})"
                           f"|(?P<ko>(?<![\uac00-\ud7a3])(?:{_KO_CUE}))")

# ---- what ends a name: punctuation, digits, the line's end, another script -------------------------------------------
_PUNCT_END = re.compile(r"[ \t]{0,2}(?:$|[\r\n.,;:!?()\[\]\"'«»“”/\-–—|0-9\u0964\u0965\u060c\u061b\u061f\u06d4\u0660-\u0669"
                        r"\u06f0-\u06f9\u1361-\u1368\u17d4-\u17d6\u104a\u104b\u3001\u3002\uff0c\uff1a\uff1b\uff01\uff1f"
                        r"\u0966-\u096f\u09e6-\u09ef\u0a66-\u0a6f\u0ae6-\u0aef\u0be6-\u0bef\u0c66-\u0c6f\u0ce6-\u0cef"
                        r"\u0d66-\u0d6f\u17e0-\u17e9\u1040-\u1049\u0e50-\u0e59])")
_SEPARATOR = re.compile(r"[ \t]{0,2}[:：—–][ \t]{0,3}(?:\r?\n[ \t]{0,3})?|[ \t]{1,3}")  # (s. 38: "Мої дані — …")

# ---- words that follow a name and end it (not part of it) -------------------------------------------------------------
_FOLLOW = frozenset("""
है हूँ हूं हैं था थी और तथा फोन फ़ोन मोबाइल नंबर नम्बर उम्र पता जी आहे हो छ कृपया मेरा मेरी मो
এবং ফোন মোবাইল নম্বর নাম্বার বয়স ঠিকানা বলছি দয়া
ਹੈ ਅਤੇ ਫੋਨ ਫ਼ੋਨ ਮੋਬਾਈਲ ਨੰਬਰ ਨੰ ਉਮਰ ਪਤਾ ਜੀ ਕਿਰਪਾ
છે અને ફોન મોબાઇલ નંબર ઉંમર સરનામું જી કૃપા
ஆகும் போன் தொலைபேசி மொபைல் எண் வயது முகவரி தயவு
ఫోన్ మొబైల్ నంబర్ వయస్సు వయసు చిరునామా గారు దయచేసి
ಫೋನ್ ಮೊಬೈಲ್ ಸಂಖ್ಯೆ ನಂಬರ್ ವಯಸ್ಸು ವಿಳಾಸ ಅವರು ದಯವಿಟ್ಟು
ആണ് ഫോൺ മൊബൈൽ നമ്പർ വയസ്സ് വിലാസം ദയവായി
ෆෝන් දුරකථන අංකය වයස ලිපිනය කරුණාකර
ነው ነኝ ይባላል እባላለሁ እባካችሁ እባክዎ እባክህ እባክሽ ስልኬ ስልክ ቁጥር ቁጥሬ ዕድሜ አድራሻ እና
ما مش رقم رقمي الرقم هاتف الهاتف جوال الجوال موبايل تلفن تلفنم شماره موبایل فون نمبر ہے ہیں است هست هستم هو هي
عمر العمر ژمارە ژمارەی مۆبایل تەلەفۆن من از عن في لو يرجى برجاء ارجو أرجو لطفا لطفاً لطفًا به با فرزند دارنده ساکن متولد کد
טלפון הטלפון מספר גיל כתובת נייד ת״ז בבקשה אני אנחנו הוא היא
លេខ លេខទូរស័ព្ទ ទូរស័ព្ទ អាយុ អាសយដ្ឋាន ហើយ
""".split())
# the copula: after a bare "name" and one word it says something of the name ("नाम गलत है")
_COPULAS = frozenset("है हैं था थी आहे छ ਹੈ ਸੀ છે હતું ஆகும் ആണ് ነው ہے است هست".split())
# words that are never a name (the cue's word then names no person): verbs, "wrong", "change", "your", labels
_NOT = frozenset("""
गलत सही बदलना बदल बदलें बदलवाना बताइए बताएं बताइये बताओ लिखा लिखें दर्ज अपडेट आपका आपकी ठीक पूरा वही अलग
भुल গলত ভুল সঠিক পরিবর্তন বলুন লিখুন আপনার পুরো
ਗਲਤ ਸਹੀ ਬਦਲ ਦੱਸੋ ਤੁਹਾਡਾ ਪੂਰਾ ખોટું સાચું બદલ જણાવો તમારું પૂરું
தவறு தவறாக சரி மாற்ற மாற்றம் சொல்லுங்கள் உங்கள் முழு
తప్పు సరైన మార్చు మార్చాలి చెప్పండి మీ పూర్తి ತಪ್ಪು ಸರಿ ಬದಲಾಯಿಸಿ ಹೇಳಿ ನಿಮ್ಮ ಪೂರ್ಣ
തെറ്റ് തെറ്റാണ് ശരി മാറ്റം മാറ്റണം പറയൂ താങ്കളുടെ നിങ്ങളുടെ മുഴുവൻ
වැරදි හරි වෙනස් කියන්න ඔබේ ඔයාගේ සම්පූර්ණ
የተሳሳተ ትክክል ቀይር ይንገሩኝ የእርስዎ ሙሉ
خطأ خطا غلط صحيح تغيير تعديل تحديث الكامل كامل حضرتك شما شماست اشتباه درست تغییر عوض غلطی تبدیل آپ آپکا
ہلە هەڵە گۆڕین
שגוי נכון לשנות לשינוי שלך שלכם המלא מלא
ខុស ត្រូវ ប្តូរ ផ្លាស់ប្តូរ របស់អ្នក
""".split()) | _signatures.NOT_NAMES | _names.POLITE_WORDS | _names.CLAUSE_STOPS | _names.ARABIC_STOPS
_NOT_LOWER = frozenset(w.lower() for w in _NOT)
_VERB_ENDS = {"bn": _names.BENGALI_VERB_ENDS, "si": _names.SINHALA_VERB_ENDS,
              "hi": ("ें", "िए", "िये", "ाएं", "ाएँ", "ेंगे", "ूँगा", "ूंगा"),
              "ta": ("வும்", "ுங்கள்", "றேன்", "கிறது", "ேன்", "ாக"),
              "am": ("ልኝ", "ሁ", "ላችሁ", "ችሁ")}
# firms' words after a name of a firm ("Получател: Дентал Център", "باسم شركة …"): the whole run is no one's
_FIRM = frozenset("""ооо оао зао пао ип еоод оод ет ад тов фоп ае επε ικε οε εε""".split())
# honorifics glued to a name or before it: outside the span
_TH_HONORIFICS = ("นางสาว", "นาย", "นาง", "คุณ", "ด.ช.", "ด.ญ.")
_HI_HONORIFICS = frozenset("श्री श्रीमती सुश्री कुमारी डॉ".split())


def _word_ok(word: str, key: str) -> bool:
    if word in _NOT or word.lower() in _NOT_LOWER or _signatures.plain(word) in _NOT_LOWER:
        return False
    if key in _CASED:
        return word[0].isupper() and (not word.isupper() or len(word) >= 5)
    return not (len(word) > 3 and word.endswith(_VERB_ENDS.get(key, ())))


def _follows(word: str, key: str) -> bool:
    """Whether a word ends the name before it (the copula, "phone", "and" …)."""
    if word in _FOLLOW or word.lower() in _FOLLOW:
        return True
    if key == "ar":  # "ورقمي", "والرقم القومي", "والهوية": the name's "and …"
        return word.startswith("وال") or (word.startswith("و") and word[1:] in _FOLLOW | _names.ARABIC_STOPS)
    if key == "km":  # "លេខ…": a number; "ខ្ញុំ…": "I …", the next clause (session 38)
        return word.startswith(("លេខ", "ខ្ញុំ"))
    if key == "he":  # "ואני", "ומספר": the name's "and …"
        return word.startswith("ו") and word[1:] in _FOLLOW
    if key in _CASED:
        return not word[0].isupper() or (word.isupper() and len(word) < 5)
    return False


def _clause_start(text: str, at: int) -> bool:
    """Whether the text before ``at`` ends a clause: the text's or a line's start, punctuation, or Arabic "و"."""
    i = at
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    return i == 0 or text[i - 1] in "\n.,;:!?()-–—|\u0964\u0965\u060c\u061b\u061f\u06d4\u1361-\u1366\u17d4\u17d5\u3002\uff0c"


# one or two lower-case words between a field's name and its colon ("Ονοματεπώνυμο παιδιού:", "Имя и фамилия:")
_QUALIFIER = {key: re.compile(f"(?:[ \\t][{_LETTERS[key]}]{{1,20}}){{1,2}}(?=[ \\t]?:)") for key in _CASED}


def _spaced(text: str) -> Iterator[tuple[int, int]]:
    cues = (itertools.islice(_SPACED_CUE[key].finditer(text), _CUES_READ) for key in _SPACED_CUE
            if _LETTER[key].search(text))
    for cue in itertools.chain.from_iterable(cues):
        group = cue.lastgroup or ""
        key, kind = group.rsplit("_", 1)
        at = cue.end()
        if key in _CASED:  # "Ονοματεπώνυμο παιδιού: …": a lower-case word qualifies the field before the colon
            qualifier = _QUALIFIER[key].match(text[at:at + 48])
            if qualifier and qualifier.group()[1].islower():
                at += len(qualifier.group())
        sep = _SEPARATOR.match(text, at)
        if sep is None:
            continue
        colon = ":" in sep.group() or "：" in sep.group()
        if kind == "bare" and not colon and not _clause_start(text, cue.start()) and not (
                key == "ar" and cue.group().startswith("و")):  # "… والاسم …": "and the name"
            continue
        found = _words_after(text, sep.end(), key)
        if found and kind == "bare" and not colon and " " not in text[found[0]:found[1]]:
            after = _WORD[key].match(text, found[1] + 1)
            if after and after.group() in _COPULAS:
                continue  # "ਨਾਮ ਬਦਲਣਾ ਹੈ": "the name is to be changed", no "the name is X"
        if found:
            yield found


def _words_after(text: str, start: int, key: str) -> tuple[int, int] | None:
    """One to four words of the script from ``start`` that a clause's end or a following word ends."""
    word_re = _WORD[key]
    words: list[tuple[int, int]] = []
    at = start
    while True:
        word = word_re.match(text, at)
        if word is None:
            break
        value = word.group()
        if words and _follows(value, key):
            break
        abd_allah = key == "ar" and value == "الله" and bool(words) and text[words[-1][0]:words[-1][1]] in ("عبد", "وعبد")
        if len(words) == 4 or not (_word_ok(value, key) or abd_allah) or (not words and _follows(value, key)):
            return None  # (session 38: "عبد الله", one name of two words)
        if key == "hi" and not words and at == start and value in _HI_HONORIFICS:  # "श्री …": outside the name
            at = word.end() + 1 if text.startswith(" ", word.end()) else word.end()
            continue
        words.append(word.span())
        gap = re.match(r"[ \t]{1,2}", text[word.end():word.end() + 2])
        if gap is None:
            break
        at = word.end() + len(gap.group())
    if not words:
        return None
    end = words[-1][1]
    if key == "ar" and text.startswith(("ال", "وال"), words[0][0]):
        return None  # "باسم الشركة …": the firm's, no one's name
    if any(_signatures.plain(text[a:b]) in _FIRM for a, b in words):
        return None
    after = re.match(r"[ \t]{1,2}([^\s,.]{2,10})", text[end:end + 14])
    if after and _signatures.plain(after.group(1)) in _FIRM:
        return None
    return words[0][0], end


# ---- scripts without spaces between words -----------------------------------------------------------------------------
_TH_RUN = re.compile(f"[{_LETTERS['th']}]{{1,40}}")
_TH_FOLLOW = ("เบอร์", "โทร", "เลข", "บัตร", "อายุ", "ที่อยู่", "อีเมล", "และ")


def _thai(text: str, start: int) -> tuple[int, int] | None:
    """A Thai given name (and a surname after one space) from ``start``, without an honorific before it."""
    for title in _TH_HONORIFICS:
        if text.startswith(title, start) and len(text) > start + len(title) and _LETTER["th"].match(text[start + len(title)]):
            start += len(title)
            break
    run = _TH_RUN.match(text, start)
    if run is None:
        return None
    name, _ = _names.thai_cut(run.group())
    if not _names.thai_name_ok(name) or name.startswith(_TH_FOLLOW):
        return None
    end = start + len(name)
    if len(name) < len(run.group()):
        return start, end
    gap = re.match(r"[ \t]{1,2}", text[end:end + 2])
    after = _TH_RUN.match(text, end + len(gap.group())) if gap else None
    if after and not after.group().startswith(_TH_FOLLOW + _names.THAI_STOPS):
        surname, cut = _names.thai_cut(after.group())
        rest = text[after.start() + len(surname):after.start() + len(surname) + 10].lstrip(" \t")
        if _names.thai_name_ok(surname) and (cut or not rest or not _LETTER["th"].match(rest)
                                             or rest.startswith(_TH_FOLLOW + _names.THAI_STOPS)):
            end = after.start() + len(surname)
    return start, end


_MY_RUN = re.compile(f"[{_LETTERS['my']}]{{2,40}}")
_MY_TAILS = ("ဖြစ်ပါတယ်", "ပါတယ်", "ပါ", "ဖြစ်သည်", "ဖြစ်ပါသည်", "လို့ခေါ်ပါတယ်", "ပါရှင်", "ပါခင်ဗျာ")
_MY_SIGN = re.compile("[\u102b-\u103e]")  # vowel signs, tones, asat, medials: never a syllable's start


def _myanmar(text: str, start: int) -> tuple[int, int] | None:
    start = _signatures.after_myanmar_title(text, start)  # "ကိုအောင်ကျော်": Ko stays outside
    run = _MY_RUN.match(text, start)
    if run is None or _MY_SIGN.match(run.group()):
        return None
    name = run.group()
    for tail in _MY_TAILS:
        if name.endswith(tail) and len(name) > len(tail) + 2:
            name = name[:-len(tail)]
            break
    if len(name) > 24:
        return None
    return start, start + len(name)


_HAN_RUN = re.compile(f"[{_LETTERS['han']}]{{1,12}}")
# what follows a Chinese or Japanese name inside a run of Han characters
_HAN_FOLLOW = ("电话", "電話", "手机", "手機", "身份证", "身分證", "的", "先生", "女士", "小姐", "今年", "住在", "来自", "來自",
               "地址", "邮箱", "郵箱", "请", "請", "谢谢", "謝謝", "です", "様", "さん", "と申し", "电邮", "号码", "號碼")
_HAN_NOT = frozenset("""谢谢 謝謝 您好 你好 客户 客戶 先生 女士 小姐 不对 不對 错误 錯誤 修改 更改 是什么 是什麼 什么 什麼
填写 填寫 一样 一樣 本人 不详 不詳 未知 有误 有誤 正确 正確 我们 我們 公司 银行 銀行 好的 是的 对的 對的 没有 沒有
不是 稍等 可以 知道 收到 明白 谢谢你 謝謝你""".split())


def _han(text: str, start: int) -> tuple[int, int] | None:
    """A Chinese or Japanese name from ``start``: 2-4 Han characters, or 1-2 and 1-3 with one space between."""
    run = _HAN_RUN.match(text, start)
    if run is None:
        return None
    name = run.group()
    if name.startswith(_HAN_FOLLOW):
        return None  # "收件人地址": the recipient's address
    cut = min((i for i in (name.find(f, 1) for f in _HAN_FOLLOW) if i > 0), default=-1)
    if cut > 0:
        name = name[:cut]
    elif run.end() < len(text) and re.match(r"[\u3040-\u309f]", text[run.end()]) and not text.startswith(
            ("です", "と申し", "さん", "様"), run.end()):
        return None  # kana glued after: a Japanese sentence, no name
    if not 2 <= len(name) <= 4 or name in _HAN_NOT or name.startswith(tuple(_HAN_NOT)):
        if len(name) in (1, 2) and cut < 0 and text.startswith((" ", "　"), run.end()):  # "山田 太郎"
            given = _HAN_RUN.match(text, run.end() + 1)
            if given and 1 <= len(given.group()) <= 3 and given.group() not in _HAN_NOT:
                return start, given.end()
        return None
    if cut < 0 and len(name) == 2 and text.startswith((" ", "　"), run.end()):
        given = _HAN_RUN.match(text, run.end() + 1)
        if given and len(given.group()) <= 3 and given.group() not in _HAN_NOT:
            return start, given.end()
    return start, start + len(name)


_KO_RUN = re.compile("[\uac00-\ud7a3]{2,10}")
_KO_TAILS = ("입니다", "이에요", "예요", "이고요", "이고", "이라고", "라고", "님", "씨", "고객", "이며", "입니당")
_KO_NOT = frozenset("뭐예요 무엇 무엇인가요 알려주세요 확인 변경 틀렸어요 잘못 고객님 성함을 이름을 어떻게".split())


def _korean(text: str, start: int) -> tuple[int, int] | None:
    run = _KO_RUN.match(text, start)
    if run is None or run.group() in _KO_NOT or run.group().startswith(tuple(_KO_NOT)):
        return None
    name = run.group()
    for tail in _KO_TAILS:
        if name.endswith(tail) and len(name) > len(tail):
            name = name[:-len(tail)]
            break
    if not 2 <= len(name) <= 4:
        return None
    return start, start + len(name)


_LO_RUN = re.compile(f"[{_LETTERS['lo']}]{{2,30}}")


def _lao(text: str, start: int) -> tuple[int, int] | None:
    run = _LO_RUN.match(text, start)
    if run is None:
        return None
    name = run.group()
    for tail in ("ເດີ", "ເຈົ້າ", "ຄັບ", "ເບີ"):
        at = name.find(tail, 2)
        if at > 0:
            name = name[:at]
    return (start, start + len(name)) if 2 <= len(name) <= 20 else None


_UNSPACED_SCRIPTS = re.compile(f"[{_LETTERS['th']}{_LETTERS['lo']}{_LETTERS['my']}{_LETTERS['han']}{_LETTERS['ko']}]")
_UNSPACED = {"th": _thai, "lo": _lao, "my": _myanmar, "han": _han, "ko": _korean}


def _unspaced(text: str) -> Iterator[tuple[int, int]]:
    if not _UNSPACED_SCRIPTS.search(text):
        return
    for cue in itertools.islice(_UNSPACED_CUE.finditer(text), _CUES_READ):
        key = cue.lastgroup or ""
        if key == "th" and text.startswith("เปลี่ยน", max(0, cue.start() - 7)):
            continue  # "เปลี่ยนชื่อ": "change the name"
        found = _UNSPACED[key](text, cue.end())
        if found:
            yield found


# ---- the answer on the next turn to a question for a name --------------------------------------------------------------
_SPACED_LETTERS = "".join(chars for key, chars in _LETTERS.items() if key not in ("han", "ko", "th", "lo", "my", "km"))
_ASK_NAME = re.compile(r"(?i:(?:नाम|নাম|ਨਾਮ|ਨਾਂ|નામ|பெயர்|பெயரை|பெயரில்|اسمه|اسمها|اسمك|పేరు|ಹೆಸರು|പേര്|നാമം|නම|ስም(?:ዎ|ህ|ሽ)?ን?|اسم|الاسم|نام|ناو|שם|όνομα|"
                       rf"ονοματεπώνυμο|имя|ім['’]я|име|фио|піб)(?![{_SPACED_LETTERS}])|ឈ្មោះ|နာမည်|အမည်|名字|姓名|"
                       r"名前|氏名|이름|성함)")
# a request for it, or a question
_ASK = re.compile(r"[?؟？;]|बताइए|बताएं|बताइये|बताओ|বলুন|ਦੱਸੋ|ਦੱਸੋ ਜੀ|જણાવો|சொல்லுங்கள்|சொல்லுங்க|చెప్పండి|ಹೇಳಿ|"
                  r"പറയൂ|പറയാമോ|කියන්න|ይንገሩኝ|ይንገሩን|ممكن|من[ \t]فضلك|لطفا|בבקשה|请|請|알려주세요|παρακαλώ|"
                  r"скажите|назовите|кажете|скажіть")
_ANSWER_LABEL = re.compile(r"[ \t]{0,4}[^\s:：]{1,24}(?:[ \t][^\s:：]{1,24})?[ \t]{0,2}[:：][ \t]{0,3}")
# after a comma the answer goes on with the caller's other data: a number, an age, an address
_ANSWER_REST = re.compile(r"[ \t]{0,2}[.!।]?[ \t]{0,2}$|[ \t]{0,2}[,،፣][^\n]{0,60}(?:\d|[\u0966-\u096f\u09e6-\u09ef\u0660-\u0669])")
_OWN_LINE = re.compile(r"(?i:मेरा[ \t]नाम|என்[ \t]பெயர்|ስሜ|اسمي|שמי|我叫|меня[ \t]зовут)")


def lines_after_name_asks(text: str, more_asks: tuple[str, ...] = ()) -> Iterator[tuple[int, int]]:
    """The (start, end) of each line, among a text's first 400, that follows a line asking for a name (after a
    speaker's label: "客服: 收件人姓名和电话？", "Agent: aapka naam?"); ``more_asks`` are further words that make a line
    naming a name an ask ("お願い"). Used here and by pii_cjk_names."""
    if "\n" not in text:
        return
    at = 0
    asked = False
    for count, line in enumerate(text.split("\n")):
        if count > 400:
            return
        if asked:
            yield at, at + len(line)
        label = _ANSWER_LABEL.match(line)
        own = line[label.end():] if label else line
        asked = len(line) < 200 and _ASK_NAME.search(own) is not None and _OWN_LINE.search(own) is None and (
            _ASK.search(own) is not None or any(word in own for word in more_asks) or len(own.strip()) <= 24)
        at += len(line) + 1


def _answers(text: str) -> Iterator[tuple[int, int]]:
    """One to four words of one script that answer, on the next line (after a speaker's label), a line that asks
    for a name; the answer is the line, or its start before a comma and the caller's other data."""
    for start, end in lines_after_name_asks(text):
        found = _answer(text, start, end)
        if found:
            yield found


def _answer(text: str, start: int, end: int) -> tuple[int, int] | None:
    label = _ANSWER_LABEL.match(text, start, end)
    at = label.end() if label else start
    key = next((k for k, letter in _LETTER.items() if at < end and letter.match(text[at])), None)
    if key is None or key in ("th", "lo", "my"):  # Thai is pii_script_names'; Lao, Myanmar: no word bound
        return None
    if key in ("han", "ko"):
        run = _WORD[key].match(text, at, end)
        if run and 2 <= len(run.group()) <= 4 and re.match(r"[ \t。.]{0,2}$", text[run.end():end]) and \
                run.group() not in _HAN_NOT and run.group() not in _KO_NOT:
            return run.span()
        return None
    words: list[tuple[int, int]] = []
    pos = at
    while len(words) < 5:
        word = _WORD[key].match(text, pos, end)
        if word is None:
            break
        words.append(word.span())
        gap = re.match(r"[ \t]{1,2}", text[word.end():min(end, word.end() + 2)])
        if gap is None:
            break
        pos = word.end() + len(gap.group())
    if not 1 <= len(words) <= 4 or not all(_word_ok(text[a:b], key) and not _follows(text[a:b], key) for a, b in words):
        return None
    if key == "ar" and text.startswith(("ال", "وال"), words[0][0]):
        return None
    if not _ANSWER_REST.match(text[words[-1][1]:end]):
        return None
    return words[0][0], words[-1][1]


def find_name_cues(text: str) -> Iterator[tuple[str, int, int, float]]:
    """The names of the module's docstring, at most CAP, each once."""
    if _ANY.search(text) is None:
        return
    yield from pii_found.unique_persons(itertools.chain(_spaced(text), _unspaced(text), _answers(text)), CAP, _SCORE)


@functools.lru_cache(maxsize=64)
def _cued(text: str) -> frozenset[tuple[int, int]]:
    return frozenset((start, end) for _, start, end, _ in find_name_cues(text))


def is_cued_name(text: str, start: int, end: int) -> bool:
    """Whether [start, end) is a name this module finds after its cue (for the PERSON check to keep)."""
    return start < len(text) and _ANY.match(text, start) is not None and (start, end) in _cued(text)
