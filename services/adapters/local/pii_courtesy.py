"""Greetings, thanks and pleas of more languages are not names (issue 21, session 35, candidate 35-6).

Our calls and messages mix languages whose greetings and thanks the name finders and the tagger read as a person's
name: Pacific ones ("Mālō e lelei", "Bula", "Vinaka", "Tenkyu", "Talofa", "Fa'afetai"), African ones ("dumela",
"molo", "sawubona", "Jërëjëf", "asante", "habari"), South and South-East Asian and Arabic ones written in Latin
letters ("dhanyavad", "vanakkam", "makasih", "assalamualaikum"); and a closing sentence in another script that asks
or thanks ("ياريت حد يرد عليا", "أرجو الاسترجاع", "እባካችሁ መልሱልኝ", "दोबारा चेक करवाती", "Ευχαριστώ πολύ") was read as
the writer's signature. The agent lost nothing by them but read a mask where the message was polite.

:func:`without_courtesy` (a filter of the detector's ``_never_names``) reads each PERSON span's words, in the parts
its stops and commas set apart, and

- drops a part that holds a plea, a request or a verb of its script (the lists below for Arabic, Persian, Urdu,
  Amharic, Devanagari, Bengali, Tamil, Sinhala, Thai, Khmer, Greek and Cyrillic — "please", "thanks", "reply",
  "return", "help", "quickly", "check", "I want" — and the verb endings of Devanagari, Bengali, Tamil and Sinhala), or
  is longer than a name could be (more than six words, or a word of Thai or Khmer, which write no spaces, over 30
  letters);
- cuts off a part's first and last words while they are a greeting, a thanks or a courtesy word
  (pii_courtesy_words.txt in Latin letters, the thanks lists below in other scripts): "Bula Mere" keeps "Mere",
  "Tenkyu" alone is dropped;
- keeps what is left when it reads as a name (a capital, a given name we know, or a script without capitals); a
  lower-case rest is dropped in a message that has capitals ("… tangu mwezi jana. Asante", "habari dada"), and in a
  lower-case transcript the span is left as it was for the later checks ("yebo sipho, ngicela ukusiza").

A word that is also a given name we know is no courtesy word alone; nor, but alone between stops ("… jana. Asante",
"caller: salam,"), are those that are common names or surnames too (_NAME_TOO: "Kwame Asante", "Sana Iqbal"). A span
with none of these words is returned as it is; the filter reads at most the first 400 characters of a span.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

from services.adapters.local import pii_rules, pii_script_names
from services.models import PiiSpan

_WORDS_FILE = Path(__file__).with_name("pii_courtesy_words.txt")
_LONGEST = 400  # characters of a span read
_MOST_WORDS = 6  # a part of another script with more words is a sentence
_UNSPACED_LONGEST = 30  # letters of a Thai or Khmer word: more is a sentence written without spaces
# words that are common names or surnames too: a courtesy word only alone between stops
_NAME_TOO = frozenset("asante sana salam salaam selam salama aroha mihi siyabonga sila tena".split())

# a word: what is not a space, a digit or a stop (apostrophes and hyphens inside); the stops that set parts apart
_TOKEN = re.compile(r"[^\s\d.,!?;:،؛؟۔।॥።፣፤፥\"“”„«»()\[\]{}<>/\\|@#$%^&*+=~…—–]{1,60}")
_PART_STOP = re.compile(r"[.,!?;:،؛؟۔।॥።፣፤፥\n…—–]")
_SENTENCE_STOP = re.compile(r"[.!?؟۔।॥።\n]")
_FOLD_DROP = dict.fromkeys(map(ord, "'’ʻ‘`´-"))

# ---- other scripts: the script of a word by its first letter ---------------------------------------------------------
_SCRIPT_RANGES = (("ar", "\u0600", "\u06ff"), ("ar", "\u0750", "\u077f"), ("ar", "\ufb50", "\ufdff"),
                  ("ar", "\ufe70", "\ufeff"), ("hi", "\u0900", "\u097f"), ("bn", "\u0980", "\u09ff"),
                  ("ta", "\u0b80", "\u0bff"), ("si", "\u0d80", "\u0dff"), ("th", "\u0e00", "\u0e7f"),
                  ("am", "\u1200", "\u139f"), ("km", "\u1780", "\u17ff"), ("el", "\u0370", "\u03ff"),
                  ("el", "\u1f00", "\u1fff"), ("ru", "\u0400", "\u052f"))


def _script(word: str) -> str:
    ch = word[0]
    if ch < "\u0370" or "\u1e00" <= ch <= "\u1eff" or "\u2c60" <= ch <= "\u2c7f" or "\ua720" <= ch <= "\ua7ff":
        return "latin"
    return next((key for key, low, high in _SCRIPT_RANGES if low <= ch <= high), "other")


# ---- pleas, requests and verbs (a part that holds one is a sentence), and thanks and greetings (cut off the ends) ----
# Arabic, Persian and Urdu words are compared without their diacritics and tatweel, with أ إ آ ٱ as ا, ى as ي,
# ة as ه (the lists are written so too); a word with و or ف before one of them counts too
_PLEA = {
    "ar": """ارجو يرجي برجاء رجاء الرجاء ياريت ياريتك ريت ممكن ممكنه ممكنك سمحت سمحتم فضلك فضلكم فضلكو ساعدوني ساعدني
ساعدونا مساعده المساعده يرد ترد يردو ردوا ردو الرد ردكم تردو حد اريد عايز عايزه عاوز عاوزه محتاج محتاجه ابغي ابغا
نبغي بسرعه سريعا عاجل ضروري الاسترجاع استرجاع الاسترداد استرداد ارجاع الارجاع رجعوا ارجعوا اتصلوا اتصل كلموني
كلمني تواصلوا التواصل راجعوا شوفوا افحصوا تحققوا التحقق الغاء الغوا اعيدوا اعادة حل حلوا بليز لطفا لطفاً خواهشمندم
خواهش کمک کمکم سریع سریعا فوری بررسی برگردانید برگردونید پاسخ جواب بدید بدهید کنید بکنید کنین لطف براہ کرم
مہربانی مہربانی جلدی جلد مدد کریں کیجیے کیجئے دیں دیجیے دیجئے بتائیں بتایئے چیک واپس ریفنڈ پلیز چاہیے چاہتا چاہتی
ہے ہیں تھا تھی""",
    "am": """እባክ እባክዎ እባክዎን እባክህ እባክሽ እባካችሁ እባካቹ መልሱልኝ መልሱ ይመልሱ ይመልሱልኝ መልሱልን እርዱኝ እርዱን እርዳታ ቶሎ በፍጥነት
ያረጋግጡ አረጋግጡ አረጋግጡልኝ ደውሉልኝ ደውሉ ይደውሉ ፈልጌ እፈልጋለሁ እንድትመልሱ ገንዘቤን ገንዘቤ""",
    "hi": """कृपया क्रिपया प्लीज प्लीज़ मदद जल्दी जल्द चेक दोबारा वापस रिफंड बताइए बताइये बताएं बताएँ बताओ बताना करें करे करो
करिए कीजिए कीजिये दीजिए दीजिये दें दीजिए भेजिए भेजें हूँ हूं है हैं था थी रहा रही रहे चाहिए चाहिये चाहता चाहती सकते सकती
गर्नुहोस् दिनुहोस् गरिदिनुहोस् कृपाया करा द्या""",
    "bn": """দয়া দয়াকরে অনুগ্রহ অনুগ্রহপূর্বক কৃপয়া প্লিজ সাহায্য তাড়াতাড়ি দ্রুত ফেরত চেক করুন দিন দেবেন জানাবেন জানান দেখুন
করবেন চাই চাচ্ছি আছে হবে""",
    "ta": """தயவு தயவுசெய்து செய்து செய்யவும் உதவி உதவுங்கள் சீக்கிரம் விரைவில் விரைவாக திருப்பி சரிபார்க்கவும் வேண்டும்
பதில் அனுப்பவும்""",
    "si": """කරුණාකර කරුණාකරලා උදව් ඉක්මනින් ඉක්මන් ආපසු පරීක්ෂා කරන්න දෙන්න එවන්න ඕනේ ඕන අවශ්‍යයි""",
    "el": """παρακαλω παρακαλουμε βοηθεια βοηθηστε βοηθηστε επειγοντως επειγον γρηγορα αμεσα ελεγξτε ελεγξετε
επιστροφη επιστρεψτε απαντηστε απαντηση απαντησετε αναμενω περιμενω θελω θα ηθελα""",
    "ru": """пожалуйста помогите помогите помощь помощи срочно быстрее быстро проверьте проверить верните вернуть
возврат ответьте ответ ответа прошу жду моля помогнете помогнете върнете проверете будь ласка допоможіть
поверніть перевірте відповідь молим помозите хочу""",
}
_THANKS = {
    "ar": """شكرا شكرن شكراً شكر مشكور مشكورين متشكر متشكره جزاكم جزاك خيرا العافيه يعطيكم يعطيك عليكم وعليكم
مرحبا مرحباً اهلا اهلاً تحياتي جزيلا جزيلاً لكم ممنون ممنونم متشکرم سپاس سپاسگزارم تشکر درود شکریہ
بہت""",
    "am": """አመሰግናለሁ አመሰግናለው እናመሰግናለን ሰላምታ ይስጥልኝ""",
    "hi": """धन्यवाद सधन्यवाद शुक्रिया नमस्ते नमस्कार प्रणाम बहुत आभार आभारी""",
    "bn": """ধন্যবাদ ধন্যবাদান্তে অনেক নমস্কার আসসালামু আলাইকুম শুভেচ্ছা""",
    "ta": """நன்றி மிக்க வணக்கம் அன்புடன்""",
    "si": """ස්තූතියි ස්තුතියි බොහොම ආයුබෝවන්""",
    "th": """ขอบคุณ ขอบคุณครับ ขอบคุณค่ะ ขอบคุณมาก ขอบคุณมากครับ ขอบคุณมากค่ะ สวัสดี สวัสดีครับ สวัสดีค่ะ""",
    "km": """អរគុណ សូមអរគុណ អរគុណច្រើន ជម្រាបសួរ សួស្តី""",
    "el": """ευχαριστω ευχαριστουμε ευχαριστιες πολυ γεια σας καλημερα καλησπερα χαιρετω""",
    "ru": """спасибо спасибі благодарю благодаря дякую хвала заранее большое здравствуйте привет""",
}
# Thai and Khmer write no spaces: a plea, a request or a verb inside a word ("ខ្ញុំចង់ប្តូរកាតថ្មី", "ช่วยตรวจสอบ…")
_PLEA_INSIDE = {
    "th": ("ช่วย", "โปรด", "ตรวจสอบ", "คืนเงิน", "ด่วน", "ติดต่อ", "ได้ไหม", "หน่อย", "ต้องการ", "อยาก"),
    "km": ("ខ្ញុំ", "ចង់", "ជួយ", "ប្តូរ", "ប្ដូរ", "ពិនិត្យ", "ឆាប់", "សូម"),
}
# a plea word that starts a longer word ("እባክዎን…", "กรุณาโทร…"; กรุณา alone is a name)
_PLEA_START = {"am": ("እባክ", "መልሱ"), "th": ("กรุณา",), "hi": ("बता", "करवा", "कराइ", "भेज")}
# verb ends (pii_script_signatures' and pii_script_names', less Sinhala's "වා" and "ලා", the ends of Silva and Kamala)
_VERB_ENDS = {"hi": ("ें", "िए", "िये", "ाएं", "ाएँ", "ेंगे", "ूँगा", "ूंगा", "ाइए", "ाइये", "नुहोस्"),
              "bn": pii_script_names.BENGALI_VERB_ENDS,
              "ta": ("வும்", "ுங்கள்", "றேன்", "கிறது", "ேன்"),
              "si": tuple(end for end in pii_script_names.SINHALA_VERB_ENDS if end not in ("වා", "ලා"))}
# words that are a name beside a greeting: a thanks only before "عليكم" ("السلام عليكم"; "عبد السلام" is a name)
_AR_NAME_TOO = frozenset(("السلام", "سلام"))
_AR_PEACE_ON_YOU = frozenset(("عليكم", "عليكن", "عليك"))
_SPEAKER_BEFORE = re.compile(r"(?:^|\n)[^\W\d_]{2,10}:\Z")
_AR_MARKS = dict.fromkeys(map(ord, "\u0640\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0670"))
_AR_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ی": "ي", "ک": "ك"})


def _fold(word: str) -> str:
    """The word as the lists are written: lower case; Latin and Greek without accents, apostrophes or hyphens;
    Arabic script without diacritics and with one form of each letter."""
    low = word.lower()
    key = _script(word)
    if key in ("latin", "el", "ru"):
        plain = "".join(c for c in unicodedata.normalize("NFD", low) if not unicodedata.combining(c))
        return plain.translate(_FOLD_DROP)
    if key == "ar":
        return unicodedata.normalize("NFKC", low).translate(_AR_MARKS).translate(_AR_LETTERS)
    return unicodedata.normalize("NFC", low)


@functools.lru_cache(maxsize=1)
def _lists() -> tuple[dict[tuple[str, ...], int], dict[str, frozenset[str]], dict[str, frozenset[str]], int]:
    """The Latin phrases (folded words → their count), the other scripts' plea and thanks words (folded), and the
    longest phrase's length. A one-word Latin entry that is a given name we know is left out."""
    given = pii_rules.GIVEN_NAMES
    phrases: dict[tuple[str, ...], int] = {}
    for line in _WORDS_FILE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        words = tuple(_fold(w) for w in line.split())
        if len(words) == 1 and words[0] in given and words[0] not in _NAME_TOO:
            continue
        phrases[words] = len(words)
    plea = {key: frozenset(_fold(w) for w in words.split()) for key, words in _PLEA.items()}
    thanks = {key: frozenset(_fold(w) for w in words.split()) for key, words in _THANKS.items()}
    return phrases, plea, thanks, max(phrases.values())


_PLEA_CLASS, _THANKS_CLASS = 2, 1


def _other_script_class(word: str, key: str, plea: dict[str, frozenset[str]],
                        thanks: dict[str, frozenset[str]]) -> int:
    """_PLEA_CLASS, _THANKS_CLASS or 0 for a word of a script other than Latin."""
    folded = _fold(word)
    forms = [folded]
    if key == "ar" and len(folded) > 3 and folded[0] in "وف":
        forms.append(folded[1:])
    if any(f in plea.get(key, ()) for f in forms):
        return _PLEA_CLASS
    if any(f.startswith(start) and len(f) > len(start) for f in forms for start in _PLEA_START.get(key, ())):
        return _PLEA_CLASS
    if key in _PLEA_INSIDE and (len(word) > _UNSPACED_LONGEST or any(p in word for p in _PLEA_INSIDE[key])):
        if not any(word.startswith(t) and len(word) <= len(t) + 3 for t in thanks.get(key, ())):
            return _PLEA_CLASS
    if len(word) > 2 and word.endswith(_VERB_ENDS.get(key, ())):
        return _PLEA_CLASS
    if any(f in thanks.get(key, ()) for f in forms):
        return _THANKS_CLASS
    if key in ("th", "km") and any(word.startswith(t) and len(word) <= len(t) + 3 for t in thanks[key]):
        return _THANKS_CLASS  # ขอบคุณค่ะ, អរគុណបាទ
    return 0


def _alone_between_stops(text: str, start: int, end: int) -> bool:
    """Whether the word at start:end stands alone between stops: after the text's start, a sentence's end or a
    speaker's label ("caller: salam,"), before the text's end or a stop."""
    before = text[max(0, start - 12):start].rstrip(" \t")
    after = text[end:end + 3].lstrip(" \t")
    opens = not before or before[-1] in ".!?؟\u0964\u1362" or _SPEAKER_BEFORE.search(before) is not None
    return opens and (not after or after[0] in ".,!?;\n\u060c\u061f\u0964\u1362")


def _classes(text: str, words: list[tuple[int, int]], offset: int) -> list[int]:
    """Each word's class (plea, thanks or none) in one part of a span; Latin phrases read greedily, longest first."""
    phrases, plea, thanks, longest = _lists()
    out = [0] * len(words)
    i = 0
    while i < len(words):
        word = text[offset + words[i][0]:offset + words[i][1]]
        key = _script(word)
        if key != "latin":
            out[i] = _other_script_class(word, key, plea, thanks) if key != "other" else 0
            if key == "ar" and _fold(word) in _AR_NAME_TOO and i + 1 < len(words) and _fold(
                    text[offset + words[i + 1][0]:offset + words[i + 1][1]]) in _AR_PEACE_ON_YOU:
                out[i] = _THANKS_CLASS
            i += 1
            continue
        for n in range(min(longest, len(words) - i), 0, -1):
            folded = tuple(_fold(text[offset + a:offset + b]) for a, b in words[i:i + n])
            if folded not in phrases:
                continue
            if n == 1 and folded[0] in _NAME_TOO and not _alone_between_stops(
                    text, offset + words[i][0], offset + words[i][1]):
                continue
            out[i:i + n] = [_THANKS_CLASS] * n
            i += n
            break
        else:
            i += 1
    return out


def _context_words(text: str, at: int, way: int) -> list[tuple[int, int]]:
    """Up to three words of the text right before (way -1) or after (way 1) ``at``, set apart by spaces only: a
    phrase may run on past the span ("Mālō" of "Mālō e lelei", "kasih" of "terima kasih")."""
    if way < 0:
        window = text[max(0, at - 60):at]
        base = at - len(window)
        words = [(base + m.start(), base + m.end()) for m in _TOKEN.finditer(window)][-3:]
        while words and text[words[-1][1]:at].strip(" \t"):
            words.pop()
        kept: list[tuple[int, int]] = []
        for word in reversed(words):
            if text[word[1]:(kept[0][0] if kept else at)].strip(" \t"):
                break
            kept.insert(0, word)
        return kept
    window = text[at:at + 60]
    words = [(at + m.start(), at + m.end()) for m in _TOKEN.finditer(window)][:3]
    kept = []
    for word in words:
        if text[(kept[-1][1] if kept else at):word[0]].strip(" \t"):
            break
        kept.append(word)
    return kept


def _parts(value: str) -> list[list[tuple[int, int]]]:
    """The words of the span's parts (set apart by stops and commas), as (start, end) in the value."""
    parts: list[list[tuple[int, int]]] = [[]]
    last = 0
    for m in _TOKEN.finditer(value):
        if _PART_STOP.search(value, last, m.start()) and parts[-1]:
            parts.append([])
        word = m.group().strip("'’ʻ‘-")
        if word:
            lead = m.group().find(word)
            parts[-1].append((m.start() + lead, m.start() + lead + len(word)))
        last = m.end()
    return [p for p in parts if p]


def _kept(text: str, span: PiiSpan) -> list[tuple[int, int]]:
    """Where the span's names lie once the courtesy is cut off: the span itself, its remaining runs, or none."""
    value = text[span.start:min(span.end, span.start + _LONGEST)]
    parts = _parts(value)
    left: list[tuple[int, int, bool]] = []  # the remaining runs, (start, end) in the value, and beside a cut word
    touched = False
    for words in parts:
        before = _context_words(text, span.start + words[0][0], -1) if words is parts[0] else []
        after = _context_words(text, span.start + words[-1][1], 1) if words is parts[-1] else []
        around = [(a - span.start, b - span.start) for a, b in before] + words + [
            (a - span.start, b - span.start) for a, b in after]
        classes = _classes(text, around, span.start)[len(before):len(before) + len(words)]
        other_script = [w for w in words if _script(value[w[0]:w[1]]) not in ("latin", "other")]
        if _PLEA_CLASS in classes or len(other_script) > _MOST_WORDS:
            touched = True
            continue
        first, last = 0, len(words)
        while first < last and classes[first] == _THANKS_CLASS:
            first += 1
        while last > first and classes[last - 1] == _THANKS_CLASS:
            last -= 1
        if first or last < len(words):
            touched = True
        if first < last:
            left.append((words[first][0], words[last - 1][1], first > 0 or last < len(words)))
    if not touched:
        return [(span.start, span.end)]
    cased = any(c.isupper() for c in text[:2000])
    runs = []
    for start, end, beside in left:
        run = value[start:end]
        if _reads_as_name(run, cased, beside):
            runs.append((span.start + start, span.start + end))
        elif not cased:
            return [(span.start, span.end)]  # a lower-case transcript: the span stays as it was, for the later checks
        # else a lower-case word beside a greeting in a message with capitals is no name ("… jana. Asante")
    return runs


def _reads_as_name(run: str, cased: bool, beside: bool) -> bool:
    """A run left of a span reads as a name: it is written in a script without capitals, holds a capital, or holds a
    given name we know and stands beside the cut word (with no stop between: "ahlan ya mohamed") or is in a
    lower-case transcript; a lower-case given name across a stop in a message with capitals is none ("jana. Asante")."""
    words = [m.group() for m in _TOKEN.finditer(run)]
    if any(_script(w) not in ("latin", "el", "ru", "other") for w in words) or any(w[0].isupper() for w in words):
        return True
    return (beside or not cased) and any(_fold(w) in pii_rules.GIVEN_NAMES for w in words)


def without_courtesy(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """The spans less the greetings, thanks and pleas of the module's docstring (PERSON spans cut or dropped)."""
    out: list[PiiSpan] = []
    for span in spans:
        if span.kind != "PERSON":
            out.append(span)
            continue
        kept = _kept(text, span)
        out += [span if run == (span.start, span.end) else PiiSpan(span.kind, run[0], run[1], span.score)
                for run in kept]
    return out
