"""Chat sentences taken for addresses (session 43, candidate 43-1).

The CRF tagger (pii_crf, merged in pii_presidio's with_crf) reads whole turns of a chat or of a call transcript in
Arabic, Urdu, Persian, Hebrew, Korean, Tamil, Bengali, Hindi, Amharic — and chat lines in Arabizi, Swahili, Malay,
Indonesian or Hinglish — as ADDRESS ("العميل: السلام عليكم، أبغى أنقل رقمي لشركة ثانية", "네 이번 달 요금이 89,000원이나
나왔는데요", "3ayza a3raf", "jambo, nataka kureplace line yangu"). Such a span is dropped when it names nothing of an
address in its own language's words: no street, road, building, apartment, floor, house, block, sector, district
or postcode word, no Korean road, lot or unit number ("월드컵북로 396", "302호"), no Thai or Indian lot ("88/12"), no
pincode, no Saudi short address (written "RRRD2929" or spelled "ر ر ر د …").

It never takes: a span holding any such word or number (a real address in those scripts, a complaint naming its
district: "منطقة السالمية", "گلشن اقبال بلاک 13", "عند طريق الملك فهد"); a span in another script (Latin outside the
chat languages above, CJK, Thai, Greek, Cyrillic: their addresses often have no street word, "Ερμού 42, 105 63
Αθήνα"); a span of one or two words in the scripts above (a district or a town alone); a Latin line of no chat
language (two of its chat words, or an Arabizi word, are needed); and a sentence that may hide someone's data, so
that its mask stays: a number of seven digits or more or a letters-and-digits code that no never-masked span holds
and no reference's name ("رقم الشكوى", "شکایت نمبر", "송장번호", "order") comes before, a number read out word by word,
a name after its cue ("معاك منة", "میں عائشہ صدیقی ہوں", "לד״ר כהן", "ke naam"), a name the message names elsewhere.
Read: the tagger's spans before they are merged (PresidioPiiDetector._find, before with_crf) and the detector's
ADDRESS spans at the end (a rule's: pii_asian_addresses' "₹2,340 அதிகமாக வந்துள்ளது. சேவை எண் 09"), in both detectors.
"""

from __future__ import annotations

import itertools
import re

from services.models import PiiSpan

# scripts whose chat lines the tagger takes for addresses: Arabic (Arabic, Urdu, Persian), Hebrew, Hangul, Tamil,
# Bengali, Devanagari, Telugu, Ethiopic
_SCOPED = re.compile(r"[\u0590-\u05FF\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF\uAC00-\uD7AF\u1100-\u11FF"
                     r"\u0B80-\u0BFF\u0980-\u09FF\u0900-\u097F\u0C00-\u0C7F\u1200-\u137F]")
# scripts left alone (their addresses often carry no street word): CJK, kana, Thai, Greek, Cyrillic, Georgian,
# Armenian
_OTHER = re.compile(r"[\u3040-\u30FF\u3400-\u9FFF\uF900-\uFAFF\u0E00-\u0E7F\u0370-\u03FF\u1F00-\u1FFF\u0400-\u052F"
                    r"\u10A0-\u10FF\u0530-\u058F〒]")
_AR = "\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF"  # Arabic-script letters (Arabic, Urdu, Persian)

# Arabic, Urdu and Persian address words, whole (a prefix و ب ل ف ك and the article allowed; some a suffix)
_AR_WORDS = (
    "شارع|طريق|عمارة|عماره|مبنى|مبني|بناية|بنايه|شقة|شقه|فيلا|فيلة|منزل|طابق|الدور|دور|برج|مجمع|ميدان|دوار|جادة|"
    "زقاق|حارة|حاره|منطقة|منطقه|مدينة|مدينه|محافظة|ضاحية|مخطط|كورنيش|حي|"
    "مکان|گلی|سیکٹر|سيكتر|محلہ|کالونی|روڈ|سٹریٹ|اسٹریٹ|فلیٹ|ٹاؤن|فیز|پلاٹ|گاؤں|ضلع|تحصیل|اپارٹمنٹ|منزلہ|"
    "خیابان|خيابان|کوچه|كوچه|پلاک|کوی|بلوار|طبقه|کدپستی|پستی|منطقه|شهرک|محله|بن‌بست|آپارتمان|ساختمان|استان|شهرستان"
)
# (a word followed by nothing but punctuation names no place: "في الطريق،" on the way, "عطل في المنطقة،")
_AR_ADDRESS = re.compile(rf"(?<![{_AR}])(?:[وبلفك]{{0,2}}(?:ال|لل)?)(?:{_AR_WORDS})(?:ها|ه|ة|نا|كم|ات){{0,1}}"
                         rf"(?![{_AR}])(?![ \t]{{0,2}}(?:[،,.؟?!۔:]|$))|ص\.[ \t]?ب|ص ب[ \t]?\d|صندوق بريد|"
                         rf"(?:الرمز|رمز) البريدي|رمز بريدي|کد پستی|"
                         # a plot or a block is numbered: "قطعة ٤", "بلاک ۱۳-ڈی" ("اکاؤنٹ بلاک ہو گیا": blocked)
                         rf"(?<![{_AR}])[وبلف]?(?:ال)?(?:قطعة|قطعه|بلوك|بلوک|بلاک|مربع)[ \t]?(?:(?:رقم|نمبر)[ \t])?[\dA-Z]")
# address words of the other scoped scripts, and of the chat languages written in Latin, as substrings or words
_NATIVE_ADDRESS = re.compile(
    r"רחוב|רח'|שדרות|שד'|דירה|קומה|בניין|כניסה|מיקוד|שכונת|ת\.ד|סמטת|דרך|"
    r"아파트|빌라|오피스텔|우편번호|주소지|번지|"
    r"தெரு|சாலை|நகர்|வீதி|குறுக்கு|அடுக்ககம்|வீடு|மாடி|அஞ்சல்|பின்கோடு|"
    r"বাড়ি|বাসা|রোড|সড়ক|ব্লক|লেন|ফ্ল্যাট|তলা|মহল্লা|গ্রাম|থানা|জেলা|পোস্ট|অ্যাভিনিউ|সেক্টর|"
    r"मकान|गली|सेक्टर|फ्लैट|फ़्लैट|मार्ग|रोड|नगर|कॉलोनी|ग्राम|पोस्ट|जिला|ज़िला|म\.नं|अपार्टमेंट|ब्लॉक|मोहल्ला|"
    r"विहार|तहसील|ఫ్లాట్|రోడ్|నగర్|కాలనీ|వీధి|"
    r"ቀበሌ|ወረዳ|ክፍለ ከተማ|የቤት ቁጥር|መንገድ|ሕንፃ|ህንፃ|ፎቅ|ሰፈር|ጎዳና")
_LATIN_ADDRESS = re.compile(
    r"(?i:\b(?:street|st|road|rd|avenue|ave|av|lane|ln|drive|dr|way|close|court|crescent|place|square|boulevard|"
    r"blvd|block|blk|sector|phase|house|flat|apt|apartment|unit|suite|floor|building|bldg|tower|plot|estate|"
    r"gali|mohalla|nagar|colony|marg|chowk|jalan|jln|jl|lorong|taman|gang|gg|komplek|kompleks|perumahan|"
    r"kelurahan|kecamatan|kampung|desa|rt|rw|kota|kabupaten|blok|lantai|tingkat|mtaa|barabara|nyumba|jengo|"
    r"ghorofa|slp|box|rue|calle|via|strasse|straße|str|weg|platz|laan|straat|ulica|ul|sokak|sok|cadde|caddesi|"
    r"mahalle|mahallesi|daire|share3|shar3|sharei|3emara|3omara|3amara|sha2a|sha2et|7ay|el7ay|madinet|postcode|"
    r"zip|pincode|district|town|village)\b|\bno\.?[ \t]?\d|#[ \t]?\d|p\.?[ \t]?o\.?[ \t]box|\bsh\.[ \t]|"
    r"^[ \t]{0,2}\d{1,4}[a-z]?[ \t,]{1,2}[a-z])")  # an Arabizi or Swahili line opening on a house number
# a Korean road or lot and unit: "월드컵북로 396", "12길 34", "302호", "101동", "201-14"
_KOREAN_ADDRESS = re.compile(r"[가-힣\d]{1,12}(?:로|길)[ \t]?\d|\d{1,5}[ \t]?(?:호|동|층|번길|가)(?![가-힣])|"
                             r"[가-힣]{1,8}(?:특별시|광역시|자치시|자치도)|[가-힣]{1,6}(?:구|군)[ \t][가-힣]{1,8}(?:동|읍|면|로|길)")
# a lot "88/12", a pincode (Indian scripts), a five-digit postcode not after a number word, a Saudi short address
_LOT = re.compile(r"(?<![\d/])\d{1,4}/\d{1,4}(?![\d/])")
_INDIC = re.compile(r"[\u0B80-\u0BFF\u0980-\u09FF\u0900-\u097F\u0C00-\u0C7F]")
_PIN = re.compile(r"(?<![\d.,\-])\d{3}[ \t]?\d{3}(?![\d.,\-])")
_POSTCODE = re.compile(r"(?<![\d.,\-/٫])(\d{5})(?![\d.,\-/٫])")
_NUMBER_WORD_BEFORE = re.compile(r"(?:رقم|نمبر|شماره|번호|எண்|ቁጥር|מספר|number|nambari|nomor|code|كود|كود|رمز)\W{0,3}"
                                 r"(?:\w{1,20}\W{1,3}){0,1}$", re.IGNORECASE)
# (four letters: a car's plate has three, "اللوحة أ ب ج 4417")
_SHORT_ADDRESS = re.compile(rf"\b[A-Z]{{4}}[ \t]?\d{{4}}\b|(?<![{_AR}])[{_AR}][ \t][{_AR}][ \t][{_AR}][ \t][{_AR}]"
                            rf"(?![{_AR}])")
# a Latin line of a chat language: an Arabizi word ("a3raf", "ba2a", "7aga"), or two chat words of Swahili, Malay,
# Indonesian or Hinglish
_ARABIZI = re.compile(r"(?<![\w'’-])(?:[a-z]{1,12}[235679][a-z]{1,12}|[235679][a-z]{3,12})(?![\w'’-])")
_CHAT_WORDS = re.compile(
    r"(?i:\b(?:nataka|naomba|nimepoteza|nimetuma|yangu|yako|lako|sana|jambo|niaje|nzuri|kaka|simu|laini|kwa|nini|"
    r"iliyopita|selamat|siang|pagi|sore|malam|silakan|sudah|kami|dengan|terima|kasih|kerana|karena|baik|bawa|"
    r"tolong|makasih|kena|dulu|kemudian|datang|dikirim|hari|kerja|blokir|theek|hai|nahi|hoon|karke|karta|wala|"
    r"bhi|mein|raat|gaya|hua|haan|ji)\b)")
_WORD = re.compile(r"[^\s,.;:!?،؟۔।]{1,60}")
# what the span may hide that is someone's data, so that it stays masked: a number of seven digits or more that no
# never-masked span holds, a code of letters and digits, a number read out word by word, a name after its cue
_LONG_NUMBER = re.compile(r"(?<![\w])\+?\d(?:[ \t\-]?\d){6,24}(?!\w)")
_CODE = re.compile(r"(?<![\w-])(?=[A-Z]{0,12}\d[A-Z]{0,12}\d)(?=\d{0,12}[A-Z])[A-Z\d]{6,24}(?![\w-])")
# a reference's name before the number, in the same clause, with no personal document's or phone's word after it
_REF_BEFORE = re.compile(
    r"(?i:(?:شكوى|الشكوى|شكوي|بلاغ|البلاغ|طلب|الطلب|طلبي|الحجز|حجز|العقد|الأوردر|الاوردر|أوردر|اوردر|الشحنة|شحنة|"
    r"شحنتك|للشحنة|السداد|الوثيقة|وثيقة|الحركة|العملية|المرجع|مرجع|التذكرة|تذكرة|الفاتورة|فاتورة|بوليصة|التتبع|"
    r"تتبع|المعاملة|شکایت|ٹریکنگ|آرڈر|ٹکٹ|ریفرنس|ٹرانزیکشن|پیگیری|سفارش|הזמנה|פנייה|משלוח|אסמכתא|주문|송장|"
    r"접수|예약|ትኬት|ትዕዛዝ|சேவை எண்|ஆர்டர்|order|ticket|ref|reference|tracking|booking|complaint|case|oda|resi|"
    r"pesanan|tiket)[^,،.;:!?؟۔\n]{0,24}$)")
_PERSONAL_AFTER = re.compile(r"(?i:هوية|الهوية|هويه|جوال|موبايل|القومي|الإقامة|الاقامة|إقامة|اقامة|بطاقة|البطاقة|"
                             r"آيبان|الآيبان|ايبان|حساب|شناختی|موبائل|فون|טלפון|ת\.ז|전화|휴대폰|주민|phone|mobile|id\b)")
_DIGIT_WORDS = (r"صفر|واحد|وحدة|اثنين|اثنان|اتنين|ثلاثة|تلاتة|ثلاث|اربعة|أربعة|اربع|أربع|خمسة|خمس|ستة|ست|سبعة|سبع|"
                r"ثمانية|تمانية|ثمان|تمن|تسعة|تسع|عشرة|ایک|دو|تین|چار|پانچ|چھ|سات|آٹھ|نو|یک|سه|چهار|پنج|شش|هفت|هشت|نه|"
                r"zero|one|two|three|four|five|six|seven|eight|nine|oh|sifuri|moja|mbili|tatu|nne|tano|sita|saba|nane|tisa|"
                r"kosong|nol|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|ek|teen|paanch|chhe|saat|aath|nau|"
                r"공|영|일|이|삼|사|오|육|칠|팔|구")
_SPOKEN = re.compile(rf"(?i:(?<!\w)(?:{_DIGIT_WORDS})(?:[ \t،,]{{1,3}}(?:{_DIGIT_WORDS})){{3,}}(?!\w))")
_NAME_CUE = re.compile(
    r"(?<![\w])(?:[وب]?(?:اسمه|اسمها|اسمي|إسمي|اسم|باسم|المندوب|مندوب|أستاذ|استاذ|أستاذة|استاذة|الأستاذ|الاستاذ|"
    r"دكتور|الدكتور|د\.|السيد|السيدة|الأخ|الاخ|أخويا|اخويا|أخوي|اخوي|أختي|اختي|معك|معاك|معاكي|معكم)(?=[ \t]{1,2}(?!أخوي|اخوي|أختي|اختي|ابني|بنتي|زوجي|زوجتي|أبوي|ابوي|أمي|امي|"
    r"الشركة|شركة|حضرتك))|"
    r"ڈاکٹر|بیٹا|بیٹی|بھائی|بہن|جناب|صاحب|[לוהבמש]{0,2}(?:ד״ר|ד\"ר|דוקטור|גב'|מר)|שמי|"
    r"(?i:jina[ \t]langu|naitwa|nama[ \t]saya|bapak|ibu|pak|bu|naam|name|dr|sahib|bhai|didi))[ \t]{1,2}[^\s,.;:!?،؟۔]{3,30}|"
    r"(?<![\w])یا[ \t](?!فندم)[^\s,.;:!?،؟۔]{2,30}|(?<![\w])يا[ \t](?!فندم|جماعة|جماعه|رب|ريت|الله|عم\b|شباب)"
    r"[\u0621-\u064A]{2,30}|میں[ \t][^\s,.;:!?،؟۔]{2,20}(?:[ \t][^\s,.;:!?،؟۔]{2,20})?[ \t](?:ہوں|بات)|"
    r"(?i:ke[ \t]naam|کے[ \t]نام|کا[ \t]نام)")
_NOT_NAMES = frozenset(("وعليكم", "وعلیکم", "عليكم", "علیکم", "السلام", "أهلا", "اهلا", "أهلاً", "مرحبا", "شكرا",
                        "شكراً", "شكرًا", "فندم", "أيوه", "ايوه", "تمام", "شکریہ", "حضرتك", "جناب", "رقم", "نمبر"))
_ARTICLE = re.compile(r"[وبلف]?ال")
_NAME_P = 0.8  # a tagger's PERSON span this likely, as pii_crf.CUE_THRESHOLD ("رقم الخط الأرضي" at 0.79 is none)
_MAX_SPANS = 40


def _has_address(value: str, text: str, start: int) -> bool:
    """Does the span name a street, building, unit, area or postcode in its own language's words?"""
    if (_AR_ADDRESS.search(value) or _NATIVE_ADDRESS.search(value) or _LATIN_ADDRESS.search(value)
            or _KOREAN_ADDRESS.search(value) or _LOT.search(value) or _SHORT_ADDRESS.search(value)):
        return True
    if _INDIC.search(value) and _PIN.search(value):
        return True
    for m in _POSTCODE.finditer(value):
        if not _NUMBER_WORD_BEFORE.search(text[max(0, start + m.start() - 30):start + m.start()]):
            return True
    return False


def _inside(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in ranges)


def _may_hide_data(text: str, start: int, end: int, keep: list[tuple[int, int]], names: set[str]) -> bool:
    """Does text[start:end] hold a long number or a code no never-masked span holds, a number read out, a name after
    its cue, or a name the message names elsewhere?"""
    value = text[start:end]
    for m in itertools.chain(_LONG_NUMBER.finditer(value), _CODE.finditer(value)):
        at = start + m.start()
        if _inside(keep, at, start + m.end()):
            continue
        ref = _REF_BEFORE.search(text, max(0, at - 40), at)
        if ref is None or _PERSONAL_AFTER.search(ref.group()):
            return True
    if _SPOKEN.search(value):
        return True
    if any(m.end() > start for m in itertools.islice(_NAME_CUE.finditer(text, max(0, start - 25), end), 20)):
        return True  # a name after its cue, the cue in the span or just before it ("לד״ר | כהן ברפואת…")
    return any(w in names for w in _WORD.findall(value)[:60])


def is_chat_sentence(text: str, start: int, end: int) -> bool:
    """Is text[start:end], proposed as an ADDRESS, a chat sentence that names no address?"""
    value = text[start:end]
    if _OTHER.search(value) or _has_address(value, text, start):
        return False
    if _SCOPED.search(value):
        return len(_WORD.findall(value)) >= 3
    return bool(_ARABIZI.search(value)) or len(_CHAT_WORDS.findall(value)) >= 2


def _names(text: str, persons: list[tuple[int, int]], start: int, end: int) -> set[str]:
    """The words of the PERSON spans outside text[start:end] that may be a name said again inside it: no word of two
    letters, no greeting, no word with the Arabic article ("الآيبان المسجل", "وعليكم السلام" taken for names), no
    Latin word in lower case."""
    out = set()
    for a, b in persons:
        if a < end and start < b:
            continue
        for w in _WORD.findall(text[a:b])[:4]:
            if len(w) < 3 or w in _NOT_NAMES or _ARTICLE.match(w) or (w.isascii() and not w[:1].isupper()):
                continue
            out.add(w)
    return out


def without_chat_sentences(text: str, found: list[tuple[str, int, int, float]], spans: list[PiiSpan],
                           keep: list[tuple[int, int]]) -> list[tuple[str, int, int, float]]:
    """The tagger's (kind, start, end, probability) spans less the ADDRESS ones that are chat sentences naming no
    address and hiding no one's data (`spans`: the detector's own; `keep`: the never-masked ranges)."""
    if not any(kind == "ADDRESS" for kind, *_ in found):
        return found
    persons = [(s.start, s.end) for s in spans if s.kind == "PERSON"]
    persons += [(a, b) for kind, a, b, p in found if kind == "PERSON" and p >= _NAME_P][:_MAX_SPANS]
    out = []
    for n, (kind, start, end, p) in enumerate(found):
        if (kind == "ADDRESS" and n < _MAX_SPANS and is_chat_sentence(text, start, end)
                and not _may_hide_data(text, start, end, keep, _names(text, persons, start, end))):
            continue
        out.append((kind, start, end, p))
    return out


def drop_chat_addresses(text: str, spans: list[PiiSpan], keep: list[tuple[int, int]]) -> list[PiiSpan]:
    """The detector's spans less the ADDRESS ones (a rule's: "₹2,340 அதிகமாக வந்துள்ளது. சேவை எண் 09") that are chat
    sentences naming no address and hiding no one's data."""
    if not any(s.kind == "ADDRESS" for s in spans):
        return spans
    persons = [(s.start, s.end) for s in spans if s.kind == "PERSON"][:_MAX_SPANS]
    return [s for n, s in enumerate(spans)
            if not (s.kind == "ADDRESS" and n < _MAX_SPANS * 4 and is_chat_sentence(text, s.start, s.end)
                    and not _may_hide_data(text, s.start, s.end, keep, _names(text, persons, s.start, s.end)))]
