"""A speaker's own name after "I" in the scripts our calls and mails mix, where the name is framed on both sides
(session 38, candidate 38-3).

pii_script_names reads "I" + a name in Thai, Arabic, Bengali, Sinhala and Hindi, pii_agent_intros the answering
side's introductions; a caller's or a writer's own name after "I" in the other scripts was missed, and so was an
agent's in Urdu, Tamil and Nepali: "שלום, אני אבי לוי, ת"ז …", "سلام، من سارا احمدی هستم.", "Добрий день, я Олена
Коваленко.", "Здравейте, аз съм Петя Иванова, ЕГН …", "HBL ہیلپ لائن، میں عمران بات کر رہا ہوں", "நான் கார்த்திக்
பேசுகிறேன்", "म सरिता थापा हुँ", "bKash er customer care? ami তানভীর হাসান, amar number …", "ကျွန်မ ခင်မာဝင်း ပါ။",
"你好，我是陈建国。", "안녕하세요, 김민준입니다.".

:func:`find_pronoun_names` proposes, as a PERSON, one to three words of the name's script between the pronoun
("I") and what closes the name, each frame being a language's own:

- the verb of being or speaking after the name: Persian "من … هستم", Urdu "میں … بات کر رہا ہوں / بول رہی ہوں",
  Tamil "நான் … பேசுகிறேன்", Nepali "म … हुँ / बोल्दैछु";
- the clause's end (a comma, a stop, the line's end) after the name: Hebrew "אני …", Ukrainian, Russian and
  Bulgarian "я / Я, / аз съм …" (capitalised words only), a romanised Bengali "ami" before a name in Bengali script,
  and Tamil "நான் …" and Hindi "मैं …" opening the message or following a greeting ("வணக்கம், நான் கவிதா
  சுப்பிரமணியம், என் கணக்கு …", "नमस्ते, मैं राकेश वर्मा, मेरा …");
- Burmese "ကျွန်မ / ကျွန်တော် …" and the polite "ပါ" after a space that ends the sentence (an honorific before the
  name stays outside), Chinese "我是" and two or three characters a surname opens that close the clause, Korean
  "…입니다" after "저는" or a role's word ("상담원"), or a three-syllable name a surname opens alone in its clause.

The pronoun must open its clause (the text's or a line's start, a speaker's label, a comma or a stop before it);
Hebrew "אני" (and the Tamil and Hindi "I" without a verb after the name) must open the message, a line or a turn,
or follow a greeting ("שלום, אני …"): "רואה, …, אני מבטל אחד" is no introduction. It never takes a word of the script's not-name lists (pii_script_name_cues'), nor the words
that follow "I" when no name does: a verb, an auxiliary, "a customer", "your", "here", a preposition ("אני לא
מבין.", "من مشتری شما هستم", "میں آپ سے بات کر رہا ہوں", "म तपाईंको ग्राहक हुँ", "我是高中生", "고객입니다"), a Hebrew
word with the article standing alone ("אני הלקוח."), a Cyrillic polite "Вас" or an acronym, a role before a Chinese
nickname ("我是客服小王"). Four words or more make a sentence: none. pii_agent_intros adds these names back after the
detector's filters and its learned PERSON check (which scores names in these scripts as unknown), as the agent's.
At most :data:`CAP` names a message; the patterns are literal alternations and bounded runs (linear).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from typing import NamedTuple

from services.adapters.local import pii_found
from services.adapters.local import pii_script_name_cues as _cues
from services.adapters.local import pii_script_signatures as _signatures

CAP = 8  # names a message at most
_SCORE = 0.85
_CUES_READ = 16  # pronouns read per frame and message
_MAX_WORDS = 3

_L = _cues._LETTERS
_CLAUSE_END = re.compile(r"[ \t]{0,2}(?:$|[\r\n,.;!?()\u060c\u061b\u061f\u06d4\u0964\u2013\u2014])")
_GREETING = re.compile(r"(?:שלום(?:[ \t]רב)?|היי|הי|אהלן|בוקר[ \t]טוב|ערב[ \t]טוב|צהריים[ \t]טובים|צהרים[ \t]טובים|"
                       r"வணக்கம்|नमस्ते|नमस्कार)"
                       r"[ \t]{0,2}[,!.]?[ \t]{0,2}$")
_LABEL = re.compile(r"[ \t]{0,4}[^\s:]{1,24}(?:[ \t][^\s:]{1,24})?[ \t]{0,2}:")

# ---- words that follow "I" when no name does --------------------------------------------------------------------------
_STOPS = frozenset("""
רוצה רוצים צריך צריכה צריכים מבקש מבקשת פונה פונים כותב כותבת מתקשר מתקשרת לא כן גם רק עדיין כבר עכשיו מחכה ממתין
ממתינה יכול יכולה חושב חושבת מנסה רואה מבין מבינה לקוח לקוחה לקוחות בעל בעלת מאוד ממש פה כאן שוב מצטער מצטערת בסדר
טוב טובה מרוצה מודה יודע יודעת גר גרה אמא אבא אותו אותה את של על עם זה זאת זו אחד אחת מבטל מבטלת משלם משלמת מנוי
מנויה מקבל מקבלת הולך הולכת אוהב אוהבת שמח שמחה עובד עובדת סטודנט סטודנטית תושב תושבת נמצא נמצאת זקוק זקוקה מעוניין
מעוניינת מחפש מחפשת מזמין מזמינה שואל שואלת מתלונן מתלוננת בטוח בטוחה חולה נשוי נשואה בן בת אח אחות סבא סבתא אשתו
בעלה שלכם שלך שלו שלה לכם לך אליכם אתכם בבית בחו"ל בחו״ל מתנצל מתנצלת מבקשים מודיע מודיעה כועס כועסת מאוכזב
מאוכזבת מקווה מאשר מאשרת מזכיר מזכירה מנהל מנהלת נציג נציגה בודק בודקת בהריון עייף עייפה מודאג מודאגת רופא רופאה
מורה עורך עורכת דין פנסיונר פנסיונרית גמלאי גמלאית חייל חיילת עולה חדש חדשה ותיק ותיקה בעלים שוכר שוכרת משכיר
משכירה דייר דיירת בחופשה בעבודה בדרך לבד אישה איש אזרח אזרחית
شما ما او آنها ایشان مشتری مشترک قدیمی جدید خیلی بسیار ناراضی راضی ناراحت دانشجو صاحب مالک همسر مادر پدر پسر دختر
برادر خواهر اینجا آنجا منتظر مطمئن متاسف متأسف نگران عضو کارمند بیمار ساکن از در با به برای که این آن هم هنوز الان
فقط واقعا واقعاً خوب بد خسته شاکی مجبور موظف مسئول دارنده یک همان خودم خود دیگر
آپ سے ابھی خود بھی فون پر کے کی کا کو ساتھ یہاں وہاں اس ان یہ وہ ہی کسٹمر صارف کلائنٹ دوبارہ پھر ایک برانچ ہیلپ
لائن بینک کال سنٹر خودی
உங்களுடன் உங்களிடம் உங்கள் உங்களோடு இப்போது இங்கிருந்து இங்கே வாடிக்கையாளர் சேவை மையத்திலிருந்து அலுவலகத்திலிருந்து
ஒரு மீண்டும் தான்
ग्राहक यहाँ यहां तपाईंको तपाईं तपाईँको हजुरको हजुर ठीक पनि अहिले फेरि एक एउटा उहाँ उनको मेरो नै त यो त्यो
вас вам вами ваш ваша ваше ваши вы тебе тебя тебе клиент клиентка абонент абонентка
""".split())


class _Frame(NamedTuple):
    key: str  # the name's script (pii_script_name_cues._LETTERS)
    cue: re.Pattern[str]  # the pronoun, at a word's start, and the gap after it
    close: re.Pattern[str] | None  # the verb after the name; None: the clause's end closes it
    greeted: bool  # the pronoun opens the message, a line or a turn, or follows a greeting


def _cue(pronoun: str, letters: str, gap: str = r"[ \t]{1,2}") -> re.Pattern[str]:
    return re.compile(f"(?<![{letters}\\w])(?:{pronoun})(?![{letters}\\w]){gap}")


_FRAMES = (
    _Frame("he", _cue("אני", _L["he"]), None, True),
    _Frame("ar", _cue("من", _L["ar"]), re.compile(r"[ \t]{1,2}هستم(?![\u0621-\u06d3])"), False),
    _Frame("ar", _cue("میں", _L["ar"]),
           re.compile(r"[ \t]{1,2}(?:بات[ \t]کر|بول)[ \t]ر[ہه](?:ا|ی)[ \t]ہوں(?![\u0621-\u06d3])"), False),
    _Frame("ta", _cue("நான்", _L["ta"]),
           re.compile(r"[ \t]{1,2}(?:பேசுகிறேன்|பேசுறேன்|பேசறேன்|பேசுகின்றேன்)(?![\u0b82-\u0bd7])"), False),
    _Frame("ta", _cue("நான்", _L["ta"]), None, True),  # "வணக்கம், நான் கவிதா சுப்பிரமணியம், என் கணக்கு …"
    _Frame("hi", _cue("मैं", _L["hi"]), None, True),  # "नमस्ते, मैं राकेश वर्मा, मेरा रिचार्ज …"
    _Frame("hi", _cue("म", _L["hi"]),
           re.compile(r"[ \t]{1,2}(?:हुँ|हुं|बोल्दैछु|बोल्दै[ \t]छु|बोलिरहेको[ \t]छु|बोलिरहेकी[ \t]छु)(?![\u0900-\u097f])"),
           False),
    _Frame("ru", _cue(r"[ЯяАа]з[ \t]съм|[Яя]", _L["ru"], r"(?:[ \t]{0,2}[,—–-])?[ \t]{1,2}"), None, False),
    _Frame("bn", re.compile(r"(?<![^\W\d_])(?i:ami)[ \t]{1,2}(?=[\u0981-\u09e3])"), None, False),
)
_ANY = re.compile("[" + "".join(_L[f.key] for f in _FRAMES) + _L["my"] + _L["han"] + _L["ko"] + "]")


def _opens_clause(text: str, at: int, greeted: bool) -> bool:
    """Whether the pronoun at ``at`` opens its clause; ``greeted``: the message, a line or a turn, after a greeting
    or not."""
    line = text.rfind("\n", 0, at) + 1
    whole = at - line <= 80  # the head is the line's whole start
    head = text[max(line, at - 80):at].rstrip(" \t")
    if greeted:
        greeting = _GREETING.search(head)
        rest = head[:greeting.start()].rstrip(" \t") if greeting else head
        return (whole and _starts(rest)) or (greeting is not None and rest.endswith((".", "!", "?")))
    return (whole and _starts(head)) or head.endswith(tuple(",.;:!?\u060c\u061b\u061f\u06d4\u0964\u104a\u104b"))


def _starts(head: str) -> bool:
    """Whether a line's start before a word is nothing or a speaker's label."""
    return not head or _LABEL.fullmatch(head) is not None


def _word_ok(word: str, key: str, first: bool) -> bool:
    if word in _STOPS or word.lower() in _STOPS or not _cues._word_ok(word, key) or _cues._follows(word, key):
        return False
    if key == "ru":
        return not (word.isupper() and len(word) < 5)
    if key == "he" and first and word.startswith("ה"):
        return False  # "אני הלקוח": the article, no name (a name after it stands alone: checked by the caller)
    return True


def _name(text: str, start: int, frame: _Frame) -> tuple[int, int] | None:
    """One to three words of the frame's script from ``start`` that its closing ends."""
    word_re = _cues._WORD[frame.key]
    words: list[tuple[int, int]] = []
    at = start
    for _ in range(_MAX_WORDS + 1):
        word = word_re.match(text, at)
        if word is None or len(words) == _MAX_WORDS:
            return None
        if not _word_ok(word.group(), frame.key, not words):
            return None
        words.append(word.span())
        end = word.end()
        if frame.close is not None:
            if frame.close.match(text, end):
                break
        elif _CLAUSE_END.match(text, end) or (frame.key == "bn" and text.startswith((" বলছি", " bolchi"), end)):
            break
        gap = re.match(r"[ \t]{1,2}", text[end:end + 2])
        if gap is None:
            return None
        at = end + len(gap.group())
    else:
        return None
    if frame.key == "he" and len(words) == 1 and text.startswith("ה", words[0][0]):
        return None
    return words[0][0], words[-1][1]


# Burmese "I" + the name + the polite "ပါ" after a space, closing the sentence: "ကျွန်မ ခင်မာဝင်း ပါ။" (a verb takes
# "ပါ" glued to it: "ကူညီပေးပါ"); an honorific before the name (ကို, မ, ဦး, ဒေါ်) stays outside
_MY = re.compile(r"(?<![\u1000-\u109f])(?:ကျွန်မ|ကျွန်တော်|ကျနော်|ကျမ)[ \t]{1,2}([\u1000-\u109f]{2,24})[ \t]{1,2}ပါ"
                 r"(?=[ \t]{0,2}(?:$|[\n\u104a\u104b]))")


def _myanmar(text: str) -> Iterator[tuple[int, int]]:
    for m in itertools.islice(_MY.finditer(text), _CUES_READ):
        start = _signatures.after_myanmar_title(text, m.start(1))
        if start < m.end(1) - 1 and _opens_clause(text, m.start(), False):
            yield start, m.end(1)


# Chinese "我是" and a name of two or three characters that a surname opens, closing the clause ("你好，我是陈建国。"); a
# role before it stays outside ("我是客服小王" is a nickname: none)
_ZH = re.compile(r"我是(?:客服专员|客服|专员|顾问)?([\u4e00-\u9fff]{2,3})(?=$|[\s，。,.!！?？;；、])")
_ZH_NOT = frozenset("先生 女士 小姐 老师 经理 师傅 同学 太太 阿姨".split())
_ZH_WORDS = frozenset("高中生 高中 周末 周一 周二 周三 周四 周五 周六 周日 万一 金卡 金额 方便 白金 常客 安全 成人 房东 房客 "
                      "林业 管理员 车主 程序员".split())
# Korean: the name before "입니다" after "저는" or a role's word, or opening the clause in three syllables
# ("안녕하세요, 김민준입니다."); a surname opens it; "고객입니다", "처음입니다" are none
_KO = re.compile(r"(?<![\uac00-\ud7a3])(?:(저는|전|상담원|상담사|담당자|매니저)[ \t]?)?([\uac00-\ud7a3]{2,4})"
                 r"(?:입니다|이에요|예요|이고요)(?![\uac00-\ud7a3])")
_KO_SURNAMES = frozenset("김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 전 홍 고 문 양 손 배 백 허 유 남 심 노 하 곽 성 차 "
                         "주 우 구 민 진 나 지 엄 채 원 천 방 공 현 함 변 염 여 추 도 소 석 선 설 마 길 연 위 표 명 기 반 왕 금 옥 "
                         "육 인 맹 제 모 탁 국 어 은 편 용".split())
_KO_WORDS = frozenset("고객 고객님 회원 학생 본인 처음 주부 직장인 문의 정상 이상 한국 서울 신규 변경 확인 전화 안녕 조금 "
                      "오늘 내일 지금 주문 배송 반품 환불 결제 연락 방문 예약 취소 해지 가입 명의 본사 지점 담당 상담 고객센터 "
                      "이번 다음 나중 기사 남편 아내 엄마 아빠 부모 자녀 아들 딸 손님".split())


def _cjk(text: str) -> Iterator[tuple[int, int]]:
    for m in itertools.islice(_ZH.finditer(text), _CUES_READ):
        name = m.group(1)
        if name[0] in _signatures._HAN_SURNAMES and name[1:] not in _ZH_NOT and name not in _ZH_WORDS \
                and name not in _cues._HAN_NOT:
            yield m.span(1)
    for m in itertools.islice(_KO.finditer(text), _CUES_READ):
        name = m.group(2)
        if name[0] not in _KO_SURNAMES or name in _KO_WORDS or name[:2] in _KO_WORDS or name in _cues._KO_NOT:
            continue
        if m.group(1) or (len(name) == 3 and _opens_clause(text, m.start(2), False)
                          and _CLAUSE_END.match(text, m.end())):
            yield m.span(2)


def _frames(text: str) -> Iterator[tuple[int, int]]:
    for frame in _FRAMES:
        for cue in itertools.islice(frame.cue.finditer(text), _CUES_READ):
            if not _opens_clause(text, cue.start(), frame.greeted):
                continue
            found = _name(text, cue.end(), frame)
            if found:
                yield found


def find_pronoun_names(text: str) -> Iterator[tuple[str, int, int, float]]:
    """The names of the module's docstring, at most CAP, each once."""
    if _ANY.search(text) is None:
        return
    yield from pii_found.unique_persons(itertools.chain(_frames(text), _myanmar(text), _cjk(text)), CAP, _SCORE)


# ---- shared with pii_agent_intros ---------------------------------------------------------------------------------------
STOPS: frozenset[str] = _STOPS
