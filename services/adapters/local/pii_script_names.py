"""Names written in Thai, Arabic, Greek, Bengali, Sinhala, Devanagari and Cyrillic after their languages' cues
(session 33, candidate 33-5).

The name finders read Latin letters; a name in another script after its language's self-introduction or naming cue
was missed: "agent: สวัสดีครับ ทรูมูฟ เอช ผมธนพลยินดีให้บริการครับ", "คุณสมชาย แก้วมณี นะคะ", "معاك عمر",
"أنا محمد عبد الرحمن، …", "Όνομα Γεώργιος Νικολάου", "κύριε Παπαδόπουλε", "আমি তানভীর", "මම සඳුනි", and the answer
on the next turn to a question for a name ("ขอชื่อ-นามสกุลค่ะ\\nลูกค้า: สมชาย ใจดี", "আর নাম?\\nগ্রাহক: মোঃ রফিকুল
ইসলাম").

:func:`find_script_names` (a finder of ``pii_rules.find_all``) proposes, as a PERSON, one to four words of the
cue's script after:
- Thai ผม / ดิฉัน / ชื่อ / คุณ (ผมชื่อ, ชื่อผู้รับ …): Thai writes no space between words, so the name runs until a
  polite particle (ครับ ค่ะ คะ นะ จ้ะ), a known following word (ยินดี รับสาย พูด ให้บริการ) or a space; a surname after
  one space is taken when a particle, the line's end or something other than Thai follows it. ผม / ดิฉัน / คุณ are
  also "I" / "you" before a verb ("ผมอยากถาม…"): what starts with a verb or an auxiliary of our list is no name;
- Arabic أنا / اسمي / معاك / معك / أستاذ (أنا only at the line's start or after a greeting and a comma, the name
  then ending the clause);
- Greek Όνομα / Ονοματεπώνυμο / με λένε / κύριε / κυρία / κύριος / είμαι (capitalised words only; "κύριε
  Παπαδόπουλε" is the vocative);
- Bengali আমি / নাম (মোঃ, "Md.", is part of a name), Sinhala මම / නම, Hindi (मेरा) नाम / मैं, Russian меня зовут /
  это: the name must be the whole clause (up to a full stop, a comma, the line's end, "speaking" or the copula);
- and, on the line after a question for a name in those languages (ชื่อ, اسم, όνομα, নাম, නම, नाम, имя …), a line
  that is nothing but one to four words of one of those scripts (after a speaker's label).
Never a word of the language's greeting, thanks or politeness lists.

Session 38 (38-3): a Thai surname after one space is taken before a verb too ("ดิฉันสุภาพร แก้วมณี ต้องการแจ้ง…"), an
Arabic name after "أنا" ends before a word of "and …" ("أنا عبدالله الحربي وبطاقتي انسرقت"), and "عبد الله" is one
name of two words.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from services.adapters.local import pii_found

CAP = 24  # names a message at most

_SCORE = 0.85

# ---- letters of each script (no digits, no punctuation) --------------------------------------------------------------
_TH = "\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e4e"  # Thai letters, vowels and tone marks (not ฯ, not the digits)
_AR = "\u0621-\u063a\u0641-\u065f\u0670-\u06d3\u06d5"  # Arabic letters and marks (not ، ؛ ؟ ۔ or the digits)
_EL = "\u0386\u0388-\u03ce\u1f00-\u1ffc"  # Greek letters (with their accents)
_BN = "\u0981-\u09e3\u09f0\u09f1"  # Bengali letters and signs (ঃ in মোঃ)
_SI = "\u0d81-\u0df4\u200d"  # Sinhala letters and signs, the joiner of its conjuncts
_HI = "\u0900-\u0963\u0971-\u097f\u200c\u200d"  # Devanagari letters and signs (not । ॥ or the digits)
_RU = "\u0400-\u0481\u048a-\u04ff"  # Cyrillic letters
_SCRIPTS = {"th": _TH, "ar": _AR, "el": _EL, "bn": _BN, "si": _SI, "hi": _HI, "ru": _RU}
_WORDS = {key: re.compile(f"[{chars}]{{1,40}}") for key, chars in _SCRIPTS.items()}
_ANY_WORD = re.compile("|".join(f"[{chars}]{{1,40}}" for chars in _SCRIPTS.values()))

# ---- greetings, thanks and politeness: never a name ------------------------------------------------------------------
_POLITE = frozenset("""สวัสดี สวัสดีครับ สวัสดีค่ะ สวัสดีคะ ขอบคุณ ขอบคุณครับ ขอบคุณค่ะ ครับ ค่ะ คะ นะ นะคะ นะครับ จ้ะ จ้า
ค่า คับ ยินดี ยินดีต้อนรับ ขอโทษ ขอโทษครับ ขอโทษค่ะ ลูกค้า ผู้โทร เจ้าหน้าที่ ใช่ ไม่ใช่ ได้ ได้ครับ ได้ค่ะ โอเค
السلام عليكم ورحمة الله وبركاته وعليكم مرحبا مرحباً اهلا أهلا أهلاً اهلاً وسهلا صباح مساء الخير النور شكرا شكراً
متشكر متشكرة تمام حاضر أيوه ايوه اه آه نعم لا يا فندم حضرتك أستاذ استاذ أستاذة استاذة مدام باشا الله إن شاء
γεια γειά σας σου καλημέρα καλησπέρα καληνύχτα ευχαριστώ ευχαριστούμε παρακαλώ ναι όχι εντάξει χαίρετε κύριε κυρία
ধন্যবাদ নমস্কার আসসালামু আলাইকুম সালাম হ্যালো জি জী হ্যাঁ না ভাই আপা স্যার ম্যাডাম শুভ সকাল
ආයුබෝවන් ස්තූතියි ස්තුතියි බොහොම හලෝ ඔව් නැහැ නෑ හරි සුභ උදෑසනක්
नमस्ते नमस्कार धन्यवाद शुक्रिया जी हाँ हां नहीं ठीक सर मैडम भाई साहब
здравствуйте здравствуй привет спасибо пожалуйста да нет добрый доброе день утро вечер алло до свидания""".split())

# ---- Thai ----------------------------------------------------------------------------------------------------------
# the cue: "my name" (ผมชื่อ / ดิฉันชื่อ / ชื่อ, with the field's word: ชื่อผู้รับ), "I" (ผม / ดิฉัน), "you / Mr" (คุณ)
_TH_CUE = re.compile(r"(?:ผม|ดิฉัน|หนู)?ชื่อ(?:-?นามสกุล|ผู้รับ|ผู้ส่ง|ผู้ใช้บริการ|ผู้ติดต่อ|ผู้ถือบัตร|บัญชี|ลูกค้า|จริง|เล่น)?(?:ว่า)?"
                     r"(?:[ \t]{0,2}:)?[ \t]{0,2}|(?:ผม|ดิฉัน|คุณ)[ \t]{0,2}")
# where a Thai name ends inside a run of Thai letters: a polite particle or a word that follows a name
_TH_STOPS = ("ครับ", "ค่ะ", "คะ", "นะ", "จ้ะ", "จ้า", "ค่า", "คับ", "ยินดี", "รับสาย", "พูด", "ให้บริการ", "จาก",
             "ใช่ไหม", "ใช่มั้ย", "ใช่", "เบอร์", "โทร")
_TH_PARTICLES = ("ครับ", "ค่ะ", "คะ", "นะ", "จ้ะ", "จ้า", "ค่า", "คับ")
# what "I" / "you" is followed by when it is no introduction: a verb, an auxiliary, a pronoun's other words
_TH_VERBS = ("อยาก", "จะ", "ได้", "ไม่", "มี", "เป็น", "ต้อง", "โทร", "ขอ", "เพิ่ง", "ก็", "ยัง", "เคย", "ใช้", "ซื้อ",
             "จ่าย", "ชำระ", "ย้าย", "สมัคร", "แจ้ง", "ติดต่อ", "ถาม", "ลอง", "รอ", "ทำ", "ไป", "อยู่", "คิด", "ว่า",
             "รู้", "เห็น", "ส่ง", "ช่วย", "สามารถ", "กำลัง", "ลืม", "เสีย", "หาย", "ชอบ", "เข้าใจ", "คือ", "บอก", "รับ",
             "เอา", "ให้", "กับ", "ด้วย", "เอง", "แล้ว", "ก่อน", "ถึง", "ต่อ", "ทาง", "ทั้ง", "ลูกค้า", "ผู้", "ภาพ",
             "ค่า", "แม่", "พ่อ", "เจ้าหน้าที่", "อะไร", "ไหน", "ครับ", "ค่ะ", "คะ", "นะ", "ขอบ", "บัตร", "เลข",
             "ที่", "อีเมล", "สวัสดี", "โอน", "เช็ค", "ตรวจ", "เปลี่ยน", "ยกเลิก", "เปิด", "ปิด", "ค้าง", "เข้า",
             "ออก", "สั่ง", "ฝาก", "ถอน", "ผม", "ดิฉัน", "เขา", "เรา", "นาม", "เสียง")
_TH_RUN = re.compile(f"[{_TH}]{{1,40}}")
# session 38: a verb after a space ends the name before it ("ดิฉันสุภาพร แก้วมณี ต้องการแจ้ง…")
_TH_AFTER_NAME = ("ต้องการ", "อยาก", "ขอ", "แจ้ง", "โทร", "ติดต่อ", "สอบถาม", "เป็น", "มี", "จะ", "ได้", "ทำ")
_TH_TITLE = re.compile(f"(?:นางสาว|นาย|นาง|คุณ)(?=[{_TH}])")  # honorifics glued to a name


def _th_cut(run: str) -> tuple[str, bool]:
    """The run of Thai letters up to its first stop (a particle or a word that follows a name), and whether one
    was found."""
    at = min((i for i in (run.find(s, 1) for s in _TH_STOPS) if i > 0), default=-1)
    return (run[:at], True) if at > 0 else (run, False)


def _th_bounded(text: str, pos: int) -> bool:
    """Whether a Thai cue at ``pos`` starts a word: nothing Thai before it, or a particle or greeting just before."""
    if pos == 0 or not re.match(f"[{_TH}]", text[pos - 1]):
        return True
    before = text[max(0, pos - 8):pos]
    return before.endswith(("ครับ", "ค่ะ", "คะ", "สวัสดี", "นะ"))


def _th_name_ok(name: str) -> bool:
    return 2 <= len(name) <= 15 and not name.startswith(_TH_VERBS) and name not in _POLITE


def _thai(text: str) -> Iterator[tuple[int, int]]:
    for cue in _TH_CUE.finditer(text):
        if text.startswith("ขอบ", max(0, cue.start() - 3)) and cue.group().startswith("คุณ"):
            continue  # ขอบคุณ, "thank you"
        if not _th_bounded(text, cue.start()):
            continue
        start = cue.end()
        title = _TH_TITLE.match(text, start)  # session 35: "ชื่อ คุณพิมพ์ชนก": the honorific stays outside
        if title and not cue.group().startswith("คุณ"):
            start = title.end()
        run = _TH_RUN.match(text, start)
        if run is None:
            continue
        name, stopped = _th_cut(run.group())
        if not _th_name_ok(name):
            continue
        end = start + len(name)
        if not stopped:  # a surname after one space: a particle, the line's end or no Thai after it
            gap = re.match(r"[ \t]{1,2}", text[end:end + 2])
            after = _TH_RUN.match(text, end + len(gap.group())) if gap else None
            if after:
                surname, cut = _th_cut(after.group())
                rest = text[after.start() + len(surname):after.start() + len(surname) + 8].lstrip(" \t")
                if _th_name_ok(surname) and (cut or not rest or not re.match(f"[{_TH}]", rest)
                                             or rest.startswith(_TH_STOPS + _TH_AFTER_NAME)):
                    end = after.start() + len(surname)
        yield start, end


# ---- Arabic ----------------------------------------------------------------------------------------------------------
_AR_CUE = re.compile(f"(?<![{_AR}])(?:(و?(?:اسمي|إسمي)|معاك|معك|معاكي|أستاذ|استاذ|أستاذة|استاذة)|(أنا|انا))[ \\t]{{1,2}}")
_AR_WORD = re.compile(f"[{_AR}]{{2,20}}")
_AR_STOPS = frozenset("""في من على عن إلى الى مع رقم رقمي رقمه حضرتك يا هو هي انا أنا ممكن لو مش عايز عايزة عاوز عاوزة
محتاج محتاجة عندي عندك بدي أريد اريد ابغى أبغى ايه إيه ازاي إزاي دي ده هذا هذه كان كنت اتصلت بتصل بكلم خدمة
العملاء عملاء الفاتورة فاتورة المشكلة مشكلة طلب الطلب دلوقتي النهارده امبارح بس برضه برده عميل العميل مشترك
موظف الموظف هنا هناك مين إزيك ازيك أخبارك تحت أمرك امرك خير قدر اقدر أقدر أساعد اساعد""".split()) | _POLITE
_AR_GREETING_BEFORE = re.compile(r"(?:^|[،,.!:])[ \t]{0,3}$|(?:عليكم|الخير|النور|مرحبا|أهلا|اهلا)[ \t]{0,3}[،,]?[ \t]{0,3}$")


def _ar_word_ok(word: str) -> bool:
    bare = word[1:] if word.startswith("و") and len(word) > 3 else word
    return word not in _AR_STOPS and bare not in _AR_STOPS


def _abd_allah(words: list[re.Match[str]], word: str) -> bool:
    """Whether the word is "الله" of a name "عبد الله" (session 38: "واسمي أحمد سمير عبد الله")."""
    return word == "الله" and bool(words) and words[-1].group() in ("عبد", "وعبد")


def _arabic(text: str) -> Iterator[tuple[int, int]]:
    for cue in _AR_CUE.finditer(text):
        weak = cue.group(2) is not None
        if weak:  # "I": only at the line's start or after a greeting and a comma
            line_start = text.rfind("\n", 0, cue.start()) + 1
            if not _AR_GREETING_BEFORE.search(text[max(line_start, cue.start() - 40):cue.start()]):
                continue
        words: list[re.Match[str]] = []
        at = cue.end()
        while len(words) < 4:
            word = _AR_WORD.match(text, at)
            if word is None or not (_ar_word_ok(word.group()) or _abd_allah(words, word.group())):
                break
            if weak and words and word.group().startswith("و") and len(word.group()) > 3:
                break  # session 38: "أنا عبدالله الحربي وبطاقتي انسرقت": "and my card …" follows the name
            words.append(word)
            gap = re.match(r"[ \t]", text[word.end():word.end() + 1])
            if gap is None:
                break
            at = word.end() + 1
        if not words or words[0].group().startswith(("ال", "وال")):
            continue
        if weak:  # the name ends the clause
            rest = text[words[-1].end():words[-1].end() + 6]
            if not re.match(r"[ \t]{0,2}(?:$|[\n،,.!؟?]|من[ \t]|و[\u0621-\u064a])", rest):
                continue
        yield words[0].start(), words[-1].end()


# ---- Greek and Russian: capitalised words after the cue ---------------------------------------------------------------
_EL_CUE = re.compile(r"(?i:(?<![\u0386-\u03ce])(?:όνομα|ονοματεπώνυμο|ονοματεπωνυμο|με[ \t]λένε|κύριε|κυρία|κύριος|"
                     r"είμαι(?:[ \t]η|[ \t]ο)?)(?![\u0386-\u03ce]))[ \t]{0,2}:?[ \t]{1,2}")
_RU_CUE = re.compile(r"(?i:(?<![\u0400-\u04ff])(?:(меня[ \t]зовут)|(это))(?![\u0400-\u04ff]))[ \t]{1,2}")
_EL_WORD = re.compile(f"[{_EL}]{{2,25}}")
_RU_WORD = re.compile(f"[{_RU}]{{2,25}}")
_CAPS_STOPS = frozenset("""έλληνας ελληνίδα ελλάδα αθήνα θεσσαλονίκη δευτέρα τρίτη τετάρτη πέμπτη παρασκευή σάββατο
κυριακή ο η το οι τα τον την της του россия москва""".split())


def _capitalised(text: str, start: int, word_re: re.Pattern[str], limit: int) -> list[re.Match[str]]:
    words: list[re.Match[str]] = []
    at = start
    while len(words) < limit:
        word = word_re.match(text, at)
        if word is None or not word.group()[0].isupper() or word.group().lower() in _CAPS_STOPS \
                or word.group().lower() in _POLITE:
            break
        words.append(word)
        if not text.startswith(" ", word.end()):
            break
        at = word.end() + 1
    return words


def _greek(text: str) -> Iterator[tuple[int, int]]:
    for cue in _EL_CUE.finditer(text):
        words = _capitalised(text, cue.end(), _EL_WORD, 3)
        if words:
            yield words[0].start(), words[-1].end()


def _russian(text: str) -> Iterator[tuple[int, int]]:
    for cue in _RU_CUE.finditer(text):
        words = _capitalised(text, cue.end(), _RU_WORD, 3)
        if not words:
            continue
        if cue.group(2) and not re.match(r"[ \t]{0,2}(?:$|[\n,.!?;])", text[words[-1].end():words[-1].end() + 3]):
            continue  # "это": the name ends the clause
        yield words[0].start(), words[-1].end()


# ---- Bengali, Sinhala, Hindi: the name is the whole clause after the cue ---------------------------------------------
_BN_CUE = re.compile(f"(?<![{_BN}])(?:(আমি)|(?:আমার[ \\t])?নাম(?:[ \\t]?:)?)[ \\t]{{1,2}}")
_SI_CUE = re.compile(f"(?<![{_SI}])(?:(මම)|(?:මගේ[ \\t])?නම(?:[ \\t]?:)?)[ \\t]{{1,2}}")
_HI_CUE = re.compile(f"(?<![{_HI}])(?:(मैं)|(?:मेरा[ \\t]|मेरी[ \\t])?नाम(?:[ \\t]है)?(?:[ \\t]?:)?)[ \\t]{{1,2}}")
# the clause's end: the line's end, punctuation, "speaking" or the copula
_BN_END = re.compile(r"[ \t]{0,2}(?:$|[\n।,.!?]|বলছি|বলছিলাম)")
_SI_END = re.compile(r"[ \t]{0,2}(?:$|[\n,.!?]|කතා[ \t]කරන්නේ)")
_HI_END = re.compile(r"[ \t]{0,2}(?:$|[\n।,.!?]|है|हूँ|हूं|बोल[ \t]रह)")
_HI_WEAK_END = re.compile(r"[ \t]{0,2}(?:हूँ|हूं|बोल[ \t]रह)")
_CLAUSE_STOPS = frozenset("""কি কী বলুন দিন আপনার আমার ঠিক খুব টাকা একটা আমাদের কেন কোথায় এখন আজ গতকাল আর
ও এবং কিন্তু এই সেই গ্রাহক কাস্টমার এজেন্ট আপনি তুমি সমস্যা
ඔයා ඔබ මගේ ඔයාගේ මට කොහොමද මොකක්ද ඇයි දැන් අද ඊයේ සල්ලි ගෙවීම ප්‍රශ්නය පාරිභෝගික
क्या आप आपका आपकी मेरा मेरी मुझे बहुत परेशान नाराज़ नाराज खुश यहाँ यहां ग्राहक कस्टमर अभी आज कल पैसे पैसा
समस्या लेकिन और भी तो कौन कैसे क्यों यह वह कोई कुछ से पर में को का की के ने तक""".split()) | _POLITE
_BN_VERB_ENDS = ("ছি", "চ্ছি", "বো", "ছিলাম", "তে", "ছে")
_SI_VERB_ENDS = ("නවා", "වා", "ලා", "න්නේ", "න්න", "මි", "යි")


def _clause_name(text: str, start: int, word_re: re.Pattern[str], end_re: re.Pattern[str],
                 verb_ends: tuple[str, ...]) -> tuple[int, int] | None:
    """One to four words of the script from ``start`` that end the clause, none a stop word or a verb's form."""
    words: list[re.Match[str]] = []
    at = start
    while len(words) < 4:
        word = word_re.match(text, at)
        if word is None or word.group() in _CLAUSE_STOPS or (len(word.group()) > 2 and word.group().endswith(verb_ends)):
            return None
        words.append(word)
        if end_re.match(text, word.end()):
            return words[0].start(), word.end()
        if not text.startswith(" ", word.end()):
            return None
        at = word.end() + 1
    return None


def _clause_names(text: str, cue_re: re.Pattern[str], word_re: re.Pattern[str], end_re: re.Pattern[str],
                  verb_ends: tuple[str, ...], weak_end: re.Pattern[str] | None = None) -> Iterator[tuple[int, int]]:
    for cue in cue_re.finditer(text):
        found = _clause_name(text, cue.end(), word_re, end_re, verb_ends)
        if found and cue.group(1) and weak_end is not None and not weak_end.match(text, found[1]):
            continue  # Hindi "I": only "… हूँ" / "… बोल रहा"
        if found:
            yield found


# ---- the answer on the next turn to a question for a name -------------------------------------------------------------
_NAME_QUESTION = re.compile(r"(?i:ชื่อ|اسم|الاسم|όνομα|ονοματεπώνυμο|ονοματεπωνυμο|নাম|නම|नाम|имя|фамилия|фио|"
                            r"ваше[ \t]имя|зовут)")
_LABEL = re.compile(r"[ \t]{0,4}[^\s:]{1,24}(?:[ \t][^\s:]{1,24})?[ \t]{0,2}:[ \t]{0,3}")
_ANSWER_TAIL = re.compile(r"[ \t]{0,2}(?:ครับ|ค่ะ|คะ|จ้ะ|นะคะ|นะครับ)?[ \t]{0,2}[.!।]?[ \t]{0,2}$")


# a request for it ("ขอชื่อ", "ممكن الاسم", "παρακαλώ", "বলুন", "скажите") or a short line that names the field
_REQUEST = re.compile(r"[?؟;;]|ขอ|ممكن|من[ \t]فضلك|παρακαλώ|বলুন|বলবেন|කියන්න|बताइए|बताएं|बताइये|скажите|назовите")
# a line that gives the speaker's own name is no question ("اسمي …", "ผมชื่อ …", "меня зовут …")
_OWN_NAME = re.compile(r"(?i:اسمي|إسمي|ผมชื่อ|ดิฉันชื่อ|আমার[ \t]নাম|मेरा[ \t]नाम|මගේ[ \t]නම|меня[ \t]зовут|με[ \t]λένε)")


def _asks_name(line: str) -> bool:
    """Whether the line asks for a name: it holds a name's word and a request, or is a short line naming the field."""
    if not _NAME_QUESTION.search(line) or _OWN_NAME.search(line):
        return False
    label = _LABEL.match(line)
    own = line[label.end():] if label else line
    return _REQUEST.search(own) is not None or len(own.strip()) <= 24


def _script_of(ch: str) -> str | None:
    return next((key for key, chars in _SCRIPTS.items() if re.match(f"[{chars}]", ch)), None)


def _answers(text: str) -> Iterator[tuple[int, int]]:
    if "\n" not in text:
        return
    lines = text.split("\n")
    start = 0
    for line, after in zip(lines, lines[1:], strict=False):
        start += len(line) + 1
        if not _asks_name(line):
            continue
        label = _LABEL.match(after)
        at = start + (label.end() if label else 0)
        end = start + len(after)
        key = _script_of(text[at]) if at < end else None
        if key is None:
            continue
        word_re = _WORDS[key]
        words: list[re.Match[str]] = []
        pos = at
        while len(words) < 5 and pos < end:
            word = word_re.match(text, pos, end)
            if word is None:
                break
            words.append(word)
            pos = word.end() + 1 if text.startswith(" ", word.end()) else word.end()
        if len(words) > 1 and words[-1].group() in _TH_PARTICLES:
            words.pop()  # "สมชาย ใจดี ค่ะ"
        if not words or len(words) > 4:
            continue
        last = words[-1].end()
        if key == "th":  # a polite particle may close the answer ("สมชาย ใจดีค่ะ")
            name, _ = _th_cut(words[-1].group())
            last = words[-1].start() + len(name)
        if not _ANSWER_TAIL.match(text[last:end]):
            continue
        values = [text[w.start():w.end()] for w in words[:-1]] + [text[words[-1].start():last]]
        if any(v in _POLITE or v.lower() in _POLITE or v in _CLAUSE_STOPS or v in _AR_STOPS for v in values):
            continue
        if key == "th" and not all(_th_name_ok(v) for v in values):
            continue
        if key in ("el", "ru") and not all(v[:1].isupper() for v in values):
            continue
        yield at, last


def find_script_names(text: str) -> Iterator[tuple[str, int, int, float]]:
    """The names of the module's docstring, at most CAP, each once."""
    if _ANY_WORD.search(text) is None:
        return
    found = itertools.chain(
        _thai(text), _arabic(text), _greek(text), _russian(text),
        _clause_names(text, _BN_CUE, _WORDS["bn"], _BN_END, _BN_VERB_ENDS),
        _clause_names(text, _SI_CUE, _WORDS["si"], _SI_END, _SI_VERB_ENDS),
        _clause_names(text, _HI_CUE, _WORDS["hi"], _HI_END, (), _HI_WEAK_END),
        _answers(text))
    yield from pii_found.unique_persons(found, CAP, _SCORE)


# ---- shared with pii_script_signatures (session 34): the letters of each script and the words that are no name -------
SCRIPT_LETTERS: dict[str, str] = _SCRIPTS
POLITE_WORDS: frozenset[str] = _POLITE
CLAUSE_STOPS: frozenset[str] = _CLAUSE_STOPS
ARABIC_STOPS: frozenset[str] = _AR_STOPS
BENGALI_VERB_ENDS: tuple[str, ...] = _BN_VERB_ENDS
SINHALA_VERB_ENDS: tuple[str, ...] = _SI_VERB_ENDS
thai_cut = _th_cut
THAI_STOPS: tuple[str, ...] = _TH_STOPS
thai_name_ok = _th_name_ok
