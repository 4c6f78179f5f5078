"""A writer's name signing a message in Greek, Cyrillic, Arabic / Urdu, Tamil, Sinhala, Bengali, Devanagari, Thai,
Khmer or Amharic script (session 34, candidate 34-4, issue 21).

The name finders read Latin letters, and pii_script_names reads other scripts only after a self-introduction: a
message signed in another script kept its writer's name ("… Ευχαριστώ, Ελένη Παπαδοπούλου", "С уважением,\\nМария
Петрова", "நன்றி, சுரேஷ் கணேசன்", "… NIC 198734501276. නිමල් පෙරේරා", "দয়া করে ফেরত দিন। মোঃ রফিকুল ইসলাম").

:func:`find_script_signatures` (a finder of ``pii_rules.find_all``) proposes, as a PERSON, one to four words of one
of those scripts that end the message (after nothing but punctuation and spaces) when
- a sign-off of its language or of English comes just before them, on their line or alone on the line above
  ("Ευχαριστώ, …", "Με εκτίμηση,\\n…", "Поздрави,\\n…", "شكراً، …", "நன்றி, …", "ধন্যবাদ, …", "धन्यवाद, …",
  "ขอบคุณค่ะ …", "អរគុណ …", "አመሰግናለሁ፣ …", "Thanks,\\n…", "Regards, …"); or
- they are the message's last sentence, alone, and the sentence before holds a number (the writer's id, phone,
  account …), asks (a question) or requests ("please", "أرجو", "দয়া করে", "कृपया", "Παρακαλώ" …).
Greek and Cyrillic names are capitalised. Never a word of the sign-off and courtesy lists below (nor
pii_script_names' greetings and stop words), a place, or a firm's or a department's word ("Λογιστήριο", "Дентал
Център София", "فريق الدعم").

Since session 35 (candidate 35-2) also in Hebrew ("תודה, מיכל ברק"), Gurmukhi, Malayalam, Telugu, Kannada, Gujarati,
Myanmar ("… ။ ကိုအောင်ကျော်မင်း": the honorific outside) and Han ("よろしくお願いいたします。\n山田 太郎"; a Chinese name
alone after a sentence starts with a common surname); in those scripts a dash before the name ends the sentence too
("ఫోన్ 94405 55183 – శ్రీనివాస్ రెడ్డి").

Session 43 (candidate 43-4): a dash before the name ends the sentence in every script ("… करें। — अनिल"), and Urdu,
Hindi and Nepali requests ("پلیز", "کروائیں", "करें", "गरिदिनुहोस्") make the sentence before a request.

The search reads only the message's last 400 characters, so it costs the same on any length.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator

from services.adapters.local import pii_script_names as _names

CAP = 1  # a message is signed once
_SCORE = 0.85
_TAIL = 400  # characters read from the message's end

# ---- letters of each script: pii_script_names' and Tamil, Khmer, Ethiopic (no digits, no punctuation) ----------------
_LETTERS = {**_names.SCRIPT_LETTERS,
            "ta": "\u0b82-\u0bd7",  # Tamil letters and signs (not the digits ௦-௯ or the number signs)
            "km": "\u1780-\u17d3",  # Khmer letters and signs (not ។ ៕ ៖ or the digits)
            "am": "\u1200-\u135a\u135d-\u135f",  # Ethiopic syllables (not ። ፣ ፤ or the numerals)
            # session 35 (candidate 35-2): Hebrew, Gurmukhi, Malayalam, Telugu, Kannada, Gujarati, Myanmar, Han
            "he": "\u05d0-\u05ea\u05f0-\u05f2\u0591-\u05c7",  # Hebrew letters and points (not ׳ ״)
            "pa": "\u0a01-\u0a5e\u0a70-\u0a75",  # Gurmukhi (not the digits)
            "ml": "\u0d00-\u0d63\u0d7a-\u0d7f",  # Malayalam letters and the chillus
            "te": "\u0c00-\u0c63",
            "kn": "\u0c80-\u0ce3\u0cf1\u0cf2",
            "gu": "\u0a81-\u0ae3\u0af9-\u0aff",
            "my": "\u1000-\u103f\u1050-\u108f",  # Myanmar letters and signs (not ၊ ။ or the digits)
            "han": "\u3400-\u4dbf\u4e00-\u9fff"}
# a name after a dash closes a message too ("ఫోన్ 94405 55183 – శ్రీనివాస్ రెడ్డి"; session 43: in every script)
_DASHED = ("he", "pa", "ml", "te", "kn", "gu", "my", "han", "hi", "ta", "bn", "ar", "ru", "el")
_LETTER = {key: re.compile(f"[{chars}]") for key, chars in _LETTERS.items()}
_ANY_LETTER = re.compile("[" + "".join(_LETTERS.values()) + "]")
_CASED = ("el", "ru")

# ---- sign-offs, matched on the text before the name (lower case, Greek accents dropped) ------------------------------
_SIGN_OFFS = (
    # English
    r"thanks?(?:[ \t]you)?(?:[ \t](?:so[ \t]much|a[ \t]lot|again|in[ \t]advance))?|many[ \t]thanks|thx|cheers|"
    r"(?:best|kind|warm|warmest|kindest)(?:[ \t]regards|[ \t]wishes)?|regards|rgds|br|sincerely|"
    r"yours(?:[ \t](?:sincerely|truly|faithfully))?|respectfully|"
    # Greek (accents dropped)
    r"ευχαριστω(?:[ \t]πολυ|[ \t]εκ[ \t]των[ \t]προτερων)?|ευχαριστουμε(?:[ \t]πολυ)?|ευχαριστιες|"
    r"με[ \t](?:εκτιμηση|τιμη)|εκτιμηση|φιλικα|(?:με[ \t])?(?:φιλικους[ \t])?χαιρετισμους|καλη[ \t]συνεχεια|"
    # Russian, Ukrainian, Bulgarian, Serbian
    r"с[ \t]уважением|с[ \t]уважение|(?:заранее[ \t])?спасибо(?:[ \t]заранее|[ \t]большое)?|благодарю|благодаря|"
    r"(?:сърдечни[ \t])?поздрави|(?:срдачан[ \t])?поздрав|з[ \t]повагою|дякую|хвала(?:[ \t]унапред)?|"
    r"всего[ \t]доброго|всего[ \t]хорошего|с[ \t]наилучшими[ \t]пожеланиями|"
    # Arabic, Urdu
    r"و?شكرا[ًً]?(?:[ \t]لكم|[ \t]جزيلا[ًً]?)?|شكراً|مع[ \t]تحياتي|تحياتي|مع[ \t]خالص[ \t]التحية|مع[ \t]الشكر|"
    r"(?:بہت[ \t])?شکریہ|والسلام|خیر[ \t]اندیش|"
    # Tamil, Sinhala, Bengali, Devanagari
    r"(?:மிக்க[ \t])?நன்றி|அன்புடன்|இப்படிக்கு|(?:බොහොම[ \t])?ස්(?:තූ|තු)තියි|"
    r"(?:অনেক[ \t])?ধন্যবাদ(?:ান্তে)?|শুভেচ্ছান্তে|বিনীত|ইতি|(?:बहुत[ \t])?धन्यवाद|सधन्यवाद|शुक्रिया|भवदीय|सादर|"
    # Thai, Khmer, Amharic
    r"ขอบคุณ(?:มาก)?(?:ครับ|ค่ะ|คะ|คับ|ค่า)?|ด้วยความเคารพ|ขอแสดงความนับถือ|(?:សូម)?អរគុណ(?:ច្រើន)?|ដោយ(?:សេចក្តី|ក្តី)គោរព|"
    r"አመሰግናለሁ|እናመሰግናለን|ከሰላምታ[ \t]ጋር|ከአክብሮት[ \t]ጋር|"
    # Hebrew, Gurmukhi, Malayalam, Telugu, Kannada, Gujarati, Myanmar, Chinese, Japanese (session 35)
    r"(?:ו?תודה(?:[ \t]רבה)?(?:[ \t]מראש)?)|בתודה(?:[ \t]מראש)?|בברכה|בכבוד[ \t]רב|"
    r"(?:ਬਹੁਤ[ \t])?ਧੰਨਵਾਦ|ਸਤਿਕਾਰ[ \t]ਸਹਿਤ|(?:വളരെ[ \t])?നന്ദി|സ്നേഹപൂർവ്വം|വിശ്വസ്തതയോടെ|"
    r"ధన్యవాదాలు|ధన్యవాదములు|కృతజ్ఞతలు|భవదీయుడు|భవదీయురాలు|ಧನ್ಯವಾದಗಳು|ಧನ್ಯವಾದ|ವಂದನೆಗಳು|ಇಂತಿ[ \t]ನಿಮ್ಮ|"
    r"(?:ખૂબ[ \t])?આભાર|ધન્યવાદ|આપનો[ \t]વિશ્વાસુ|"
    r"ကျေးဇူးတင်ပါတယ်|ကျေးဇူးတင်ပါသည်|ကျေးဇူးပါ|လေးစားစွာဖြင့်|"
    r"谢谢(?:您|你)?|謝謝(?:您|你)?|感谢|感謝|多谢|多謝|此致敬礼|此致|祝好|よろしくお願い(?:いた|致)?します|宜しくお願い(?:いた|致)?します|"
    r"ありがとうございます")
# the sign-off starts the text or follows a space or punctuation (or a Thai word: Thai writes no spaces), then a comma
# or the like, then the name on its line or on the next
_SIGN_OFF = re.compile(r"(?:^|(?<=[\s,.!?;:،()\-–—।۔።\u0e01-\u0e4e\u104a\u104b\u3001\u3002\uff01\uff0c]))(?:"
                       + _SIGN_OFFS + r")(?![^\W\d_])"
                       r"[ \t]{0,3}[,!.:،;؛፣\-–—\u104a\u104b\u3001\u3002\uff01\uff0c]?[ \t]{0,3}(?:\r?\n[ \t]{0,3}){0,2}"
                       r"(?:คุณ)?")

# ---- the last sentence alone: its boundary, and a sentence before it that holds a number or asks --------------------
_ENDS = ".!?;\n\u037e\u061f\u06d4\u0964\u0965\u1362\u17d4\u17d5\u104b\u3002\uff01\uff1f"  # . ! ? ; newline ; ؟ ۔ । ॥ ። ។ ៕ ။ 。 ！ ？
_QUESTION = "?;\u037e\u061f"
_REQUEST = re.compile(r"(?i:please|pls|plz|kindly|help|παρακαλ|пожалуйста|моля|будь[ \t]ласка|молим|أرجو|ارجو|يرجى|"
                      r"برجاء|رجاء|من[ \t]فضلك|בבקשה|ਕਿਰਪਾ|ദയവായി|దయచేసి|ದಯವಿಟ್ಟು|કૃપા|ကျေးဇူးပြု|请|請|麻烦|麻煩|لو[ \t]سمحت|ياريت|يا[ \t]ريت|مہربانی|براہ[ \t]کرم|پلیز|کر[ \t]دیں|کروائیں|करें|कर[ \t]दें|दीजिए|गरिदिनुहोस्|گزارش|দয়া[ \t]করে|"
                      r"অনুগ্রহ|কৃপয়া|कृपया|मदद|தயவு|உதவ|කරුණාකර|උදව්|กรุณา|ช่วย|រុណា|សូម|እባክ)")
_DIGIT = re.compile(r"\d")
_ABBREVIATION = re.compile(r"(?<![^\W\d_])[^\W\d_]{1,3}\Z")  # "ул" of "ул.", "τηλ" of "τηλ."

# ---- words that are never the name: courtesy, sign-off, label, firm, department and place words ----------------------
_NOT_NAMES = frozenset("""
thanks thank you regards best kind warm sincerely yours cheers team support
ευχαριστω ευχαριστουμε ευχαριστιες πολυ εκ των προτερων με εκτιμηση τιμη φιλικα φιλικους χαιρετισμους χαιρετω καλη
καλο καλημερα καλησπερα συνεχεια ημερα μερα βραδυ επειγον επειγοντως παρακαλω αναμενω περιμενω απαντηση απαντησης
ναι οχι ευχαριστως υγεια δικαιουχος ονομα ονοματεπωνυμο υπογραφη αποστολεας
λογιστηριο τμημα εξυπηρετηση εξυπηρετησης πελατων ομαδα υποστηριξη υποστηριξης διευθυνση γραμματεια ιατρειο
οδοντιατρειο κλινικη φαρμακειο εταιρεια εταιρια κατασκευαστικη ασφαλιστικη τραπεζα αε επε ικε οε εε
αθηνα θεσσαλονικη πατρα ηρακλειο λαρισα βολος ιωαννινα χανια πειραιας μαρουσι κυπρος λευκωσια λεμεσος ελλαδα
с уважением уважение уважения спасибо заранее большое благодарю благодаря поздрави поздрав поздравом сърдечни
срдачан повагою дякую хвала унапред всего доброго хорошего хорошего дня наилучшими пожеланиями жду ответа ответ
срочно пожалуйста моля очень отдел служба поддержка поддержки команда бухгалтерия администрация клиника център
центр центъра компания фирма магазин аптека банк ооо оао зао пао ип еоод ад тов дентал стоматология сервиз сервис
получатель отправитель имя фио подпись
москва санкт-петербург петербург киев київ софия пловдив варна бургас минск белград београд новосибирск казань
одесса харків харьков львів алматы ташкент россия болгария україна украина сърбия србија
شكرا شكراً وشكرا جزيلا جزيلاً لكم تحياتي مع خالص التحية الشكر عاجل ضروري بسرعة انتظار بانتظار ردكم الرد رد
المساعدة مساعدة شركة طيران الخطوط مجموعة فندق مطعم جامعة وزارة هيئة اتصالات قسم فريق الدعم إدارة ادارة مؤسسة مكتب متجر خدمة العملاء مستشفى عيادة صيدلية بنك مصرف
القاهرة الرياض جدة دبي أبوظبي عمان بيروت دمشق بغداد الكويت الدوحة مصر السعودية الإمارات الأردن لبنان تونس الجزائر
المغرب الإسكندرية
شکریہ بہت والسلام خیر اندیش مخلص آپ کا کی کے کو سے نے پر اور یہ وہ ہے ہیں کریں دیں کر جلد جواب مہربانی براہ کرم
میں میرا میری مجھے کمپنی ٹیم شعبہ ادارہ دفتر لاہور کراچی اسلام آباد پاکستان راولپنڈی ملتان فیصل پشاور
நன்றி மிக்க அன்புடன் இப்படிக்கு வணக்கம் தயவு செய்து உதவி நிறுவனம் குழு பிரிவு லிமிடெட் வங்கி
சென்னை கொழும்பு மதுரை கோவை இலங்கை இந்தியா யாழ்ப்பாணம்
ස්තූතියි ස්තුතියි බොහොම කරුණාකර උදව් සමාගම කණ්ඩායම අංශය බැංකුව කොළඹ මහනුවර ගාල්ල ලංකා
ধন্যবাদ ধন্যবাদান্তে শুভেচ্ছান্তে শুভেচ্ছা বিনীত ইতি অনেক দয়া করে জরুরি কোম্পানি লিমিটেড বিভাগ টিম ব্যাংক
ঢাকা চট্টগ্রাম সিলেট খুলনা রাজশাহী বাংলাদেশ কলকাতা
धन्यवाद सधन्यवाद शुक्रिया भवदीय सादर बहुत कृपया मदद जल्दी जवाब करें दें कंपनी लिमिटेड टीम विभाग बैंक सेवा
दिल्ली मुंबई भारत कोलकाता चेन्नई बेंगलुरु पुणे जयपुर लखनऊ
ขอบคุณ ขอบคุณมาก ด้วยความเคารพ ขอแสดงความนับถือ บริษัท ทีม ฝ่าย จำกัด ธนาคาร กรุงเทพ กรุงเทพฯ กทม เชียงใหม่ ภูเก็ต
អរគុណ សូមអរគុណ អរគុណច្រើន ច្រើន ដោយក្តីគោរព ក្រុមហ៊ុន ក្រុម ផ្នែក ធនាគារ ភ្នំពេញ កម្ពុជា សៀមរាប
አመሰግናለሁ እናመሰግናለን ከሰላምታ ጋር ከአክብሮት አክባሪዎ እባክዎ እባክህ ድርጅት ኩባንያ ቡድን ክፍል ባንክ አዲስ አበባ ኢትዮጵያ
תודה ותודה רבה מראש בתודה בברכה בכבוד רב שלום דחוף בבקשה חברת חברה צוות שירות לקוחות מחלקה בנק תל אביב ירושלים חיפה ישראל
ਧੰਨਵਾਦ ਬਹੁਤ ਸਤਿਕਾਰ ਸਹਿਤ ਕਿਰਪਾ ਕਰਕੇ ਜਲਦੀ ਕੰਪਨੀ ਬੈਂਕ ਟੀਮ ਵਿਭਾਗ ਅੰਮ੍ਰਿਤਸਰ ਲੁਧਿਆਣਾ ਜਲੰਧਰ ਪੰਜਾਬ ਚੰਡੀਗੜ੍ਹ
നന്ദി വളരെ സ്നേഹപൂർവ്വം വിശ്വസ്തതയോടെ ദയവായി കമ്പനി ബാങ്ക് ടീം വിഭാഗം കൊച്ചി തിരുവനന്തപുരം കോഴിക്കോട് കേരളം
ధన్యవాదాలు ధన్యవాదములు కృతజ్ఞతలు భవదీయుడు భవదీయురాలు దయచేసి కంపెనీ బ్యాంక్ టీమ్ విభాగం హైదరాబాద్ విజయవాడ విశాఖపట్నం తెలంగాణ
ಧನ್ಯವಾದಗಳು ಧನ್ಯವಾದ ವಂದನೆಗಳು ಇಂತಿ ನಿಮ್ಮ ದಯವಿಟ್ಟು ಕಂಪನಿ ಬ್ಯಾಂಕ್ ತಂಡ ವಿಭಾಗ ಬೆಂಗಳೂರು ಮೈಸೂರು ಕರ್ನಾಟಕ
આભાર ખૂબ ધન્યવાદ આપનો વિશ્વાસુ કૃપા કરીને જલદી કંપની બેંક ટીમ વિભાગ અમદાવાદ સુરત વડોદરા ગુજરાત
ကျေးဇူးတင်ပါတယ် ကျေးဇူးတင်ပါသည် ကျေးဇူးပါ လေးစားစွာဖြင့် ကုမ္ပဏီ ဘဏ် ရန်ကုန် မန္တလေး မြန်မာ
谢谢 謝謝 感谢 感謝 多谢 多謝 此致 敬礼 祝好 您好 你好 客服 公司 银行 銀行 团队 團隊 部门 部門 北京 上海 广州 深圳 香港 台北 东京 東京 大阪
""".split()) | _names.POLITE_WORDS | _names.CLAUSE_STOPS | _names.ARABIC_STOPS
# a word that starts the run and only labels the name (never the name itself) ("Δικαιούχος …", "الاسم …"): left out of the span
_LABELS = frozenset("""δικαιουχος ονομα ονοματεπωνυμο υπογραφη αποστολεας получатель отправитель имя фио подпись
отримувач одержувач відправник получател подател име прималац пошиљалац
الاسم اسم اسمي إسمي المرسل المستفيد نام নাম नाम பெயர் නම""".split())
_NOT_NAMES |= _LABELS
_HI_VERB_ENDS = ("ें", "िए", "िये", "ाएं", "ाएँ", "ेंगे", "ूँगा", "ूंगा")
_TA_VERB_ENDS = ("வும்", "ுங்கள்", "றேன்", "கிறது", "ேன்")
# Sinhala's verb ends less "වා", the end of Silva (සිල්වා)
_SI_VERB_ENDS = tuple(end for end in _names.SINHALA_VERB_ENDS if end != "වා")
_VERB_ENDS = {"bn": _names.BENGALI_VERB_ENDS, "si": _SI_VERB_ENDS, "hi": _HI_VERB_ENDS, "ta": _TA_VERB_ENDS}
_GREEK_ACCENTS = dict.fromkeys(map(ord, "\u0301\u0308\u0313\u0314\u0342\u0344"))


@functools.lru_cache(maxsize=4096)
def _fold(ch: str) -> str:
    plain = unicodedata.normalize("NFC", unicodedata.normalize("NFD", ch.lower()).translate(_GREEK_ACCENTS))
    return plain if len(plain) == 1 else ch


def _plain(text: str) -> str:
    """Lower case without Greek accents (ευχαριστώ → ευχαριστω), one character for each of ``text``."""
    return "".join(map(_fold, text))


def _script_of(ch: str) -> str | None:
    return next((key for key, letter in _LETTER.items() if letter.match(ch)), None)


def _is_letter(text: str, i: int, letter: re.Pattern[str]) -> bool:
    """A letter of the script at ``i``, or a hyphen inside a word of it (Петрова-Иванова)."""
    return 0 <= i < len(text) and (letter.match(text[i]) is not None or (
        text[i] == "-" and 0 < i < len(text) - 1 and letter.match(text[i - 1]) is not None
        and letter.match(text[i + 1]) is not None))


def _run_before(text: str, end: int, key: str) -> tuple[list[tuple[int, int]], bool]:
    """The words of the script that end at ``end`` (one or two spaces apart), at most five, and whether more words of
    the script come before them."""
    letter = _LETTER[key]
    words: list[tuple[int, int]] = []
    pos = end
    while True:
        start = pos
        while start > 0 and pos - start < 40 and _is_letter(text, start - 1, letter):
            start -= 1
        if start == pos:
            return words, False
        if len(words) == 5:
            return words, True
        words.insert(0, (start, pos))
        gap = start
        while gap > 0 and start - gap < 2 and text[gap - 1] in " \t":
            gap -= 1
        if gap == start or not _is_letter(text, gap - 1, letter):
            return words, False
        pos = gap


def _run_after(text: str, start: int, key: str) -> list[tuple[int, int]]:
    """The words of the script from ``start`` (one or two spaces apart), at most five."""
    letter = _LETTER[key]
    words: list[tuple[int, int]] = []
    pos = start
    while len(words) < 5:
        end = pos
        while end < len(text) and end - pos < 40 and _is_letter(text, end, letter):
            end += 1
        if end == pos:
            break
        words.append((pos, end))
        gap = end
        while gap < len(text) and gap - end < 2 and text[gap] in " \t":
            gap += 1
        if gap == end or not _is_letter(text, gap, letter):
            break
        pos = gap
    return words


def _word_ok(word: str, key: str) -> bool:
    plain = _plain(word)
    if plain in _NOT_NAMES or word in _NOT_NAMES or len(word) > 30:
        return False
    if key in _CASED:  # capitalised; all capitals only when long (not "ΑΜΚΑ", "ΑΦΜ", "ООО")
        return word[0].isupper() and (not word.isupper() or len(word) >= 5)
    if key == "th":
        return _names.thai_name_ok(word) and not word.startswith(_names.THAI_STOPS)
    if key == "ar" and plain.startswith("و") and plain[1:] in _NOT_NAMES:
        return False
    if key == "han":  # a Chinese or Japanese name's word: 1-4 characters, none a word of a sentence
        return len(word) <= 4 and not any(ch in _HAN_FUNCTION for ch in word)
    if key == "my":
        return len(word) <= 24
    return not (len(word) > 2 and word.endswith(_VERB_ENDS.get(key, ())))


def _name_ok(words: list[str], key: str) -> bool:
    if not words or not all(_word_ok(w, key) for w in words):
        return False
    if key == "han" and not (len(words) == 1 and 2 <= len(words[0]) <= 4 or len(words) == 2 and len(words[0]) <= 3
                             and len(words[1]) <= 3):
        return False  # "陈建国", "山田 太郎"
    return not (key == "ar" and words[0].startswith(("ال", "وال")))


# characters of Chinese and Japanese sentences that are in no name ("请", "谢", "的", "是", "您" …)
_HAN_FUNCTION = frozenset("请請谢謝的是在有没沒不已要会會能可等急再还還就都也和与與及或但因所如该該此这這那您你我他她们們了吗嗎呢吧"
                          "号號单單码碼件货貨款钱錢元块塊")
# the commonest Chinese surnames: a name alone after a sentence (no sign-off before it) starts with one
_HAN_SURNAMES = frozenset("王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何林高罗羅郑鄭梁宋唐许許韩韓冯馮邓鄧曹彭曾肖萧蕭"
                          "田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付傅方白邹鄒孟熊秦"
                          "邱江尹薛闫閻段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯常温溫康施文牛樊葛邢安齐齊易"
                          "乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳翟殷詹申欧歐耿关關兰蘭焦俞左柳甘祝包宁寧尚符舒阮柯纪紀梅童凌毕畢季裴霍"
                          "涂成苗谷盛曲翁冉骆駱蓝藍路游辛靳管柴蒙鲍鮑华華喻祁蒲房滕屈饶饒解牟艾尤阳陽穆卓古吉缪繆简簡车車项項连連"
                          "麦麥褚娄婁窦竇戚岑景宫宮费費卜冷晏席卫衛米柏宗瞿桂全佟应應臧邬鄔边邊卞姬师師仇栾欒隋商刁沙荣榮巫寇桑郎"
                          "甄丛叢仲虞敖巩鞏明佘池查麻苑迟遲邝鄺封匡鞠惠荆荊冀郁胥班储儲栗燕楚鄢劳勞奚皮粟冼蔺藺楼樓闻聞伊区區"
                          "郜花权權帅帥屠朴盖蓋练練廉禹井祖巴丰卿狄宣晋晉相初云雲容敬扈晁芮浦戈伏鹿薄邸雍辜羊乌烏裘修邰赫杭况況"
                          "宿鲜鮮印逯隆茹诸諸战戰慕危银銀亢嵇湛宾賓戎勾茅呼揭尉衣信展阴陰智幸奉衡富尧堯")
_MY_TITLES = ("ဦး", "ဒေါ်", "မောင်", "ကို", "မ")
_MY_CONSONANT = re.compile("[\u1000-\u102a]")
_MY_FINAL = re.compile("[\u1039\u103a]")  # virama, asat: the consonant before closes the syllable


def after_myanmar_title(text: str, start: int) -> int:
    """Where a Myanmar name starts after an honorific glued to it or before it ("ကိုအောင်ကျော်", "ဦး မြင့်"); a
    syllable that starts with မ ("မင်း") is no title."""
    for title in _MY_TITLES:
        after = start + len(title)
        if not text.startswith(title, start) or after + 1 >= len(text):
            continue
        if text[after] == " ":
            return after + 1
        if _MY_CONSONANT.match(text[after]) and (title != "မ" or not _MY_FINAL.match(text[after + 1])):
            return after
    return start


def _myanmar_words(text: str, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Myanmar words without the honorific before the name."""
    if runs:
        runs[0] = (after_myanmar_title(text, runs[0][0]), runs[0][1])
    return [run for run in runs if run[1] > run[0]]


def _thai_words(text: str, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Thai words without คุณ ("Mr" / "you") before a name and without the polite particle after the last one."""
    runs = [(a + 3, b) if text.startswith("คุณ", a) and b - a > 5 else (a, b) for a, b in runs]
    if runs:
        name, _ = _names.thai_cut(text[runs[-1][0]:runs[-1][1]])
        runs[-1] = (runs[-1][0], runs[-1][0] + len(name))
    return runs


_CLOSE = re.compile(r"[ \t]{0,3}[.!\u0964\u06d4\u1362\u17d4\u17d5\u104b\u3002]?[ \t]{0,3}(?:[,،፣\n\u104a\uff0c]|\r\n|\Z)")


def _closes(text: str, end: int) -> bool:
    """Whether the message ends at ``end`` or little follows: the name's line then at most two short lines, or a
    comma and a short rest on the name's line (a phone, a firm, a title)."""
    close = _CLOSE.match(text, end)
    if close is None:
        return False
    rest = text[close.end():].strip()
    return len(rest) <= 120 and rest.count("\n") <= 1


def _after_sign_off(tail: str) -> tuple[int, int] | None:
    """The name after the last sign-off of the tail, when it closes the message."""
    plain = _plain(tail)
    sign_offs = list(_SIGN_OFF.finditer(plain))
    for sign_off in reversed(sign_offs[-2:]):
        start = sign_off.end()
        key = _script_of(tail[start]) if start < len(tail) else None
        if key is None:
            continue
        runs = _run_after(tail, start, key)
        if key == "th":
            runs = _thai_words(tail, runs)
        elif key == "my":
            runs = _myanmar_words(tail, runs)
        if not 1 <= len(runs) <= 4 or runs[-1][1] <= runs[-1][0]:
            continue
        if key != "th" and _is_letter(tail, runs[-1][1] + 1, _LETTER[key]) and tail[runs[-1][1]] in " \t":
            continue  # a fifth word: a sentence, no name
        if not _closes(tail, runs[-1][1]):
            continue
        if _name_ok([tail[a:b] for a, b in runs], key):
            return runs[0][0], runs[-1][1]
        return None
    return None


def _after_number_or_request(text: str, start: int, dashed: bool = False) -> bool:
    """Whether the run at ``start`` is a sentence of its own (or, ``dashed``, after a dash), after a sentence that
    holds a number, asks or requests."""
    at = start
    while at > 0 and text[at - 1] in " \t\r":
        at -= 1
    if at == 0 or text[at - 1] not in _ENDS + ("–—-" if dashed else ""):
        return False
    if text[at - 1] == "." and _ABBREVIATION.search(text, max(0, at - 8), at - 1):
        return False  # "ул. Витоша", "τηλ. …": an abbreviation, no sentence's end
    if text[at - 1] in _QUESTION:
        return True
    window = text[max(0, at - 250):at - 1].rstrip()
    if text[at - 1] in "–—-":  # "… करें। — अनिल": the sentence before the dash ends with its stop
        window = window.rstrip(_ENDS + " \t")
    cut = max(window.rfind(ch) for ch in _ENDS.replace(".", ""))
    dot = window.rfind(". ")
    sentence = window[max(cut, dot) + 1:]
    return _DIGIT.search(sentence) is not None or _REQUEST.search(sentence) is not None


_CONTACT_AFTER = re.compile(r"[,،][ \t]{1,3}[^\n]{0,80}\d[^\n]{0,80}\Z")


def _last_sentence(tail: str) -> tuple[int, int] | None:
    """The message's last sentence when it is nothing but a name (then perhaps a comma and the writer's number or
    address on its line), after a sentence that holds a number or a request."""
    end = len(tail.rstrip(" \t\r\n.!\u0964\u06d4\u1362\u17d4\u17d5\u104b\u3002"))
    line_start = tail.rfind("\n", 0, end) + 1
    commas = [i for i, ch in enumerate(tail[line_start:end], line_start) if ch in ",،"][:6]
    # "… Γιώργος Νικολάου, Λεωφόρος Αλεξάνδρας 74, 114 73 Αθήνα": the name before a comma and the writer's address
    ends = [i for i in commas if _CONTACT_AFTER.match(tail, i, end)] + [end]
    return next(filter(None, (_name_ending(tail, at) for at in ends)), None)


def _name_ending(tail: str, end: int) -> tuple[int, int] | None:
    """The name of _last_sentence when it ends at ``end``."""
    if end == 0:
        return None
    key = _script_of(tail[end - 1])
    if key is None:
        return None
    runs, more = _run_before(tail, end, key)
    sentence_start = runs[0][0] if runs else end  # before a title the Myanmar words leave out
    if key == "th":
        runs = _thai_words(tail, runs)
    elif key == "my":
        runs = _myanmar_words(tail, runs)
    if more or not runs or runs[-1][1] <= runs[-1][0]:
        return None
    words = [tail[a:b] for a, b in runs]
    first = 0  # after a label word or not ("Δικαιούχος …", "الاسم …")
    while first < len(words) - 1 and _plain(words[first]) in _LABELS:
        first += 1
    if len(words) - first > 4 or not _name_ok(words[first:], key):
        return None
    if key in _CASED and len(words) - first == 1 and not (runs[0][0] > 0 and tail[runs[0][0] - 1] == "\n"):
        return None  # one capitalised word after a full stop may be any word; alone on its line it signs
    if key == "han" and tail[runs[first][0]] not in _HAN_SURNAMES and len(words) - first == 1:
        return None  # a Chinese name alone after a sentence starts with a surname
    if not _after_number_or_request(tail, runs[0][0] if key != "my" else sentence_start, key in _DASHED):
        return None
    return runs[first][0], runs[-1][1]


def find_script_signatures(text: str) -> Iterator[tuple[str, int, int, float]]:
    """The signature of the module's docstring, at most CAP."""
    base = max(0, len(text) - _TAIL)
    if _ANY_LETTER.search(text, base) is None:
        return
    tail = text[base:]
    found = _after_sign_off(tail) or _last_sentence(tail)
    if found is not None and found[1] > found[0]:
        yield "PERSON", base + found[0], base + found[1], _SCORE


# ---- shared with pii_script_name_cues (session 35) ---------------------------------------------------------------------
NOT_NAMES: frozenset[str] = _NOT_NAMES
plain = _plain
