"""Names in Devanagari, Tamil, Bengali, Arabic / Persian / Urdu, Hebrew and Cyrillic script that the message's own
words show to be a person's, without "my name is" (session 43, candidate 43-4).

pii_script_name_cues reads a name after a word for "name", pii_script_signatures one signing the message and
pii_kin_names one after a Hebrew or Arabic kin word or a doctor's title; a name after a doctor's or a courtesy title
in the other scripts, after a relative's word, thanked by the agent, or the agent's own name in a call's opening line
was missed: "डॉ. मेहता का अपॉइंटमेंट", "டாக்டர் ராஜேஷ் அவர்களிடம்", "ডা. শফিকুল হক এর সিরিয়াল", "ممنون آقای رضایی،",
"میری والدہ زبیدہ بی بی کا", "मेरी माँ कमला शर्मा का", "ধন্যবাদ রাশেদ ভাই,", "المفروض كان يروح لأخويا كريم",
"نציג: תודה מיכל.", "الموظف: فودافون كاش معاك مصطفى،", "נציגה: מכבי שלום, מדברת שירה", "оператор: Швидка Пошта, Олена,
слухаю вас", "дякую, Ірино.".

:func:`with_script_person_cues` (run after the PERSON check, as pii_cjk_names') adds, as a PERSON, where no span
covers it, one to three words of the cue's script after:

- a doctor's or a courtesy title ("डॉ.", "डॉक्टर", "श्रीमती", "டாக்டர்", "திருமதி", "ডা.", "ডাঃ", "জনাব", "آقای",
  "خانم", "جناب", "ڈاکٹر", "دکتر", "د."); the title outside;
- a relative's word with its possessive ("मेरी माँ", "मेरे पति", "मेरो बुबा", "میری والدہ", "ان کا بیٹا", "مادرم",
  "আমার মা", "என் அம்மா", "لأخويا"); a Tamil case ending glued to the name stays outside ("சரோஜாவுக்கு");
- thanks in a call ("ممنون", "شکریہ", "ধন্যবাদ", "תודה", "дякую", "спасибо") before a title or a name and a kin or
  courtesy word after it ("ভাই", "জী", "صاحب"), or (Hebrew, Cyrillic) a name alone closing the clause;
- the agent's own name opening a call: "معك" / "معاك" ("with you is"), "מדבר" / "מדברת" ("speaking"), or a
  Cyrillic given name between commas before "слухаю" / "слушаю" ("I'm listening") or closing the agent's first line.

The name ends at a clause's end (punctuation, a digit, the line's end), or before a word that follows a name (a
postposition "का", "को", "এর", "کا", "அவர்களிடம்", "من", a kin or courtesy word, pii_script_name_cues' "phone",
"number" …). Never: a word of pii_script_name_cues' lists of no names (verbs, "wrong", greetings), a fourth word (a
sentence), a run starting with the Arabic article ("الشركة"), a lower-case Cyrillic word, nor a title alone ("the
doctor said"). Every pattern is anchored and bounded; a message is read for at most CAP names.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from services.adapters.local import pii_found
from services.adapters.local import pii_script_name_cues as _cues
from services.models import PiiSpan

CAP = 12
_SCORE = 0.85
_MAX_TEXT = 6000  # a longer paste is read for its first characters only

_L = _cues._LETTERS
_CASED_LETTERS = re.compile(f"[{_L['ru']}{_L['el']}]")
_SCRIPTS = re.compile(f"[{_L['hi']}{_L['ta']}{_L['bn']}{_L['ar']}{_L['he']}{_L['ru']}{_L['el']}]")

# words that follow a name and end it: postpositions, kin and courtesy words, "from", "speaking"
_AFTER = frozenset("""
का की के को से ने पर में जी साहब साहिब सर मैडम जी। बोल बोल रहा रही ले लाई को। दाइ दिदी
এর কে ভাই ভাইয়া আপা আপু দিদি সাহেব বলছি এ জন্য
அவர்களிடம் அவர்களே அவர்கள் அவர்களுக்கு அவருக்கு அவரிடம் கிட்ட சார் மேடம் அவர்களின் அவர்களை
کا کی کے کو سے نے صاحب صاحبہ جی ہوں ہیں ہے را که کہ و
من في على عند يوم اللي الي إلى ال
של ב מ
""".split())
_NOT_NAMES = frozenset("""
रबी कृपया सर धन्यवाद आपका आपकी आपके हमारा तुरंत बहुत
খুব অনেক আপনাকে আপনার
ரொம்ப மிக்க உங்களுக்கு
جزيلا جزيلاً جزيل لك لكم ليك ليكي كتير عزيزي عزيزتي حضرتك حضرتكم والله يا خیلی زیاد از بابت
بہت آپ آپکا آپ کا
רבה לך לכם לכן מראש על
вам вас ваш ваша большое огромное велике щиро заранее за
σας πολύ
коллеги друзья господа команда поддержка служба уважаемые клиент клиенты все колеги колего приятели
φίλοι συνάδελφοι κύριοι όλοι ομάδα
רב לכולם חברים צוות עולם שוב מאוד ענקית והמשך
وبالتوفيق بالتوفيق مقدما مقدماً جدا جداً لحضرتك ليكم لكي
حق الحق لحظة دقيقة بكم بك بيك بيكم وسهلا جميعا جميعاً فيك فيكم أخي أخوي حبيبي عليكم ورحمة وبركاته الله بخیر وقت دوستان همه
آقای خانم جناب محترم محترمہ ڈاکٹر دکتر डॉ डॉक्टर श्रीमती श्रीमान டாக்டர் திருமதி ডাক্তার জনাব জনাবা
अपॉइंटमेंट अपॉइंटमेन्ट अपॉइन्टमेंट अपॉइंटमैंट साहब साहिब से को
அப்பாயின்ட்மென்ட் அப்பாயிண்ட்மெண்ட் அப்பாய்ண்ட்மென்ட் அப்பாயின்மென்ட் வேணும் வேண்டும் கிட்ட
অ্যাপয়েন্টমেন্ট এপয়েন্টমেন্ট সিরিয়াল চেম্বার
اپوائنٹمنٹ نوبت وقت کلینک مطب
""".split())


_AR_PREPOSED = ("بال", "لل", "فال", "كال")
# "is", "was" after the words (not "am": "میں ان کا بیٹا بلال ہوں" names the speaker): a predicate, no name
_COPULA = frozenset("है हैं था थी थे ہے ہیں تھا تھی تھے আছে ছিল ছিলেন আছেন است هست بود".split())


def _name_at(text: str, at: int, key: str, glued: tuple[str, ...] = ()) -> tuple[int, int] | None:
    """One to three words of the script from ``at`` that a clause's end or a following word ends."""
    word_re = _cues._WORD[key]
    words: list[tuple[int, int]] = []
    pos = at
    while True:
        word = word_re.match(text, pos)
        if word is None:
            break
        value = word.group()
        if words and value in _COPULA:
            return None  # "मेरी माँ बीमार है": the relative is ill, no one named
        if words and (value in _AFTER or _cues._follows(value, key) or key == "ar" and value.startswith(_AR_PREPOSED)):
            break  # (Arabic "بالغلط": "by mistake", a preposition glued to the article)
        if len(words) == 3 or len(value) < 2 or value in _NOT_NAMES or value.lower() in _NOT_NAMES or not _cues._word_ok(value, key) or \
                value in _AFTER or _cues._follows(value, key):
            if words and glued and value.endswith(glued):
                break
            return None
        cut = next((g for g in glued if value.endswith(g) and len(value) > len(g) + 1), "")
        words.append((word.start(), word.end() - len(cut)))
        if cut:  # "சரோஜாவுக்கு": the case ending outside, the name ends there
            break
        gap = re.match(r"[ \t]{1,2}", text[word.end():word.end() + 2])
        if gap is None:
            break
        pos = word.end() + len(gap.group())
    if not words:
        return None
    if key == "ar" and text.startswith(("ال", "وال", *_AR_PREPOSED), words[0][0]):
        return None  # "د. الشركة …": a firm's, no one's name
    end = words[-1][1]
    return words[0][0], end


# ---- the cues, each with the script of the name after it ----------------------------------------------------------
_TA_GLUED = ("வுக்கு", "ுக்கு", "க்கு", "வின்", "ின்", "வை", "விடம்", "ிடம்")
_SP = r"[ \t]{1,2}"
_TITLES = {
    "hi": r"(?:डॉ\.?|डा\.|डॉक्टर|श्रीमती|श्रीमान)",
    "ta": r"(?:டாக்டர்|மருத்துவர்|டா\.|திருமதி|திரு\.)",
    "bn": r"(?:ডা\.|ডাঃ|ডাক্তার|জনাব|জনাবা)",
    # a trade's or a role's word before a capitalised name ("мастер Сергей", "η μαθήτρια Δανάη …"; not a
    # courier's: a delivery firm follows it as often, "курьер Яндекс")
    "ru": r"(?i:мастер|мастера|водитель|водителя|водій|шофьор|"
          r"експерт|експерта|эксперт|эксперта|инспектор|инспектора|інспектор|ученик|ученика|ученица|ученицы|учень|"
          r"учениця|пациент|пациента|пациентка|пациентки|пацієнт|пацієнтка|пацієнта|г-н|г-жа|г-ца|д-р)",
    "el": r"(?i:μαθήτρια|μαθήτριας|μαθητής|μαθητή|μαθητού|οδηγός|οδηγού|υπάλληλος|υπαλλήλου|συνάδελφος|συναδέλφου|"
          r"ασθενής|ασθενούς|εργαζόμενος|εργαζόμενη|εργαζομένου|εργαζόμενης|τεχνικός|τεχνικού|κυρία|κυρίας|κύριος|"
          r"κυρίου|κύριε|γιατρός|γιατρού|δρ\.|κ\.)(?:[ \t](?:μας|μου|σας))?",
    "ar": r"(?:آقای|خانم|جناب|محترم|محترمہ|ڈاکٹر|دکتر|(?<![\d\u0660-\u0669\u06f0-\u06f9][ \t])د\.(?=[ \t]))",  # not "١٥ د.ك" (dinars)
}
_KIN = {
    "hi": r"(?:मेरी|मेरे|मेरा|मेरो|हमारी|हमारे|हाम्रो)" + _SP +
          r"(?:माँ|मां|माता|माताजी|मम्मी|बेटी|बेटा|बेटे|पति|पत्नी|भाई|बहन|पिता|पिताजी|पापा|बुबा|आमा|छोरा|छोरी|"
          r"दादी|दादा|नानी|नाना|बच्ची|बच्चा|श्रीमान|श्रीमती|भतीजा|भतीजी|सास|ससुर)",
    "ta": r"(?:என்|எங்கள்|எங்க)" + _SP + r"(?:அம்மா|அப்பா|மகன்|மகள்|கணவர்|மனைவி|தம்பி|அண்ணன்|அக்கா|தங்கை|பாட்டி|தாத்தா)",
    "bn": r"আমার" + _SP + r"(?:মা|বাবা|আম্মা|আব্বা|ভাই|বোন|ছেলে|মেয়ে|স্বামী|স্ত্রী|দাদা|দাদি|নানা|নানি)",
    "ar": r"(?:(?:میری|میرے|میرا|ہماری|ہمارے|ہمارا|ان[ \t]کا|ان[ \t]کی|ان[ \t]کے)" + _SP +
          r"(?:والدہ|والد|امی|ابو|بیٹی|بیٹا|بیٹے|شوہر|بیوی|بھائی|بہن|بچی|بچہ|دادی|دادا|نانی|نانا)|"
          r"(?:مادرم|پدرم|همسرم|شوهرم|پسرم|دخترم|برادرم|خواهرم)|"
          r"(?:ل|و|ب)?(?:أخويا|اخويا|أختي|اختي|أبويا|ابويا|أمي|امي|جوزي|مراتي|ابني|بنتي|ولدي|أبوي|ابوي))",
}
# (thanks, greetings): a name alone after thanks closing the clause is a person's ("תודה מיכל."); after a greeting it
# may be the firm's ("שלום מכבי,", "Вітаю, Укрпошта"): there a title before it or a courtesy word after it is needed
_THANKS = {
    "bn": (r"ধন্যবাদ", r"আসসালামু[ \t]আলাইকুম|নমস্কার|হ্যালো|প্রিয়"),
    "hi": (r"धन्यवाद|शुक्रिया", r"नमस्ते|नमस्कार|प्रणाम|प्रिय"),
    "ta": (r"நன்றி", r"வணக்கம்|அன்புள்ள"),
    "ar": (r"ممنون|مرسی|متشکرم|شکریہ|شكرا|شكراً|مشكور|تسلم",
           r"مرحبا|مرحباً|أهلا|أهلاً|اهلا|سلام|درود|السلام[ \t]عليكم|السلام[ \t]علیکم|صباح[ \t]الخير|مساء[ \t]الخير|"
           r"عزيزي|عزيزتي"),
    "he": (r"תודה", r"שלום|היי|בוקר[ \t]טוב|ערב[ \t]טוב|צהריים[ \t]טובים"),
    "ru": (r"(?i:дякую|спасибо|спасибі|благодаря|благодарю)",
           r"(?i:здравствуйте|здравствуй|добрый[ \t]день|добрый[ \t]вечер|доброе[ \t]утро|привет|добрий[ \t]день|"
           r"добрий[ \t]вечір|вітаю|привіт|здравейте|здравей|добър[ \t]ден|добар[ \t]дан|здраво|уважаемый|уважаемая|"
           r"шановний|шановна|уважаеми|уважаема|поштовани|поштована)"),
    "el": (r"(?i:ευχαριστώ|ευχαριστούμε)",
           r"(?i:καλημέρα|καλησπέρα|γεια[ \t]σας|γεια[ \t]σου|γειά[ \t]σας|αγαπητέ|αγαπητή|αξιότιμε|αξιότιμη|χαίρετε)"),
}
# courtesy titles of a greeting or thanks the name follows ("καλημέρα κυρία Μαρία", "مرحبا أستاذ أحمد")
_GREETING_TITLES = {"el": r"(?:κυρία|κύριε|κ\.)", "ar": _TITLES["ar"][:-1] + r"|أستاذ|أستاذة|استاذ|استاذة|يا[ \t]أستاذ)",
                    "hi": _TITLES["hi"], "ta": _TITLES["ta"], "bn": _TITLES["bn"]}
# a title or a kin or courtesy word after a thanked name: the name is a person's ("ধন্যবাদ রাশেদ ভাই")
_THANKED_AFTER = re.compile(r"[ \t]{1,2}(?:ভাই|ভাইয়া|আপা|আপু|দিদি|সাহেব|जी|साहब|भाई|दीदी|صاحب|صاحبہ|جان|جی|அவர்களே|சார்|"
                            r"மேடம்)(?![^\W\d_])")
_CLAUSE_END = re.compile(r"[ \t]{0,2}(?:[.,!?;،؟]|$)", re.MULTILINE)
_ARABIC_AGENT = re.compile(r"(?<![^\W\d_])(?:معك|معاك|معكم|معاكم|مع حضرتك)[ \t]{1,2}(?=[^\W\d_])")
_HEBREW_AGENT = re.compile(r"(?<![^\W\d_])(?:מדבר|מדברת|מדברים)[ \t]{1,2}(?=[^\W\d_])")
_CYRILLIC_AGENT = re.compile(rf",[ \t]{{1,2}}([А-ЯЁІЇЄҐЈЉЊЋЏ][{_L['ru']}]{{1,20}})(?:,[ \t]{{1,2}}(?i:слухаю|слушаю|слушам)|[ \t]{{0,2}}$)",
                             re.MULTILINE)
_AGENT_LABEL = re.compile(r"(?i:оператор|операторка|консультант|агент|менеджер|специалист|спеціаліст|служител|співробітник)"
                          r"[ \t]{0,2}:")


def _cued(text: str, cue: re.Pattern[str], key: str, glued: tuple[str, ...] = ()) -> Iterator[tuple[int, int]]:
    for match in itertools.islice(cue.finditer(text), CAP):
        found = _name_at(text, match.end(), key, glued)
        if found:
            yield found


# chained titles are skipped ("جناب آقای محمدی": the name after the last)
_TITLE_RE = {key: re.compile(rf"(?<![^\W\d_])(?:{cue}(?:(?<=\.)|(?![^\W\d_]))[ \t]{{0,2}}){{1,2}}(?=[^\W\d_])(?!{cue})")
             for key, cue in _TITLES.items()}
_KIN_RE = {key: re.compile(rf"(?<![^\W\d_]){cue}[ \t]{{1,2}}(?=[^\W\d_])") for key, cue in _KIN.items()}
_THANKS_RE = {key: re.compile(rf"(?<![^\W\d_])(?:(?P<thanks>{thanks})|{greetings})(?![^\W\d_])(?P<comma>[ \t]{{0,2}}[,،])?"
                              rf"[ \t]{{0,2}}(?:(?P<title>{_GREETING_TITLES.get(key, '(?!)')})[ \t]{{0,2}})?(?=[^\W\d_])")
              for key, (thanks, greetings) in _THANKS.items()}


def _thanked(text: str, key: str) -> Iterator[tuple[int, int]]:
    """A name greeted or thanked: after a title, before a kin or courtesy word, or (Hebrew, Cyrillic, Greek, and Arabic
    without a comma between) a name alone closing the clause after thanks."""
    for match in itertools.islice(_THANKS_RE[key].finditer(text), CAP):
        found = _name_at(text, match.end(), key)
        if found is None:
            continue
        if match.group("title") or _THANKED_AFTER.match(text, found[1]):
            yield found
            continue
        words = text[found[0]:found[1]].split()
        if not match.group("thanks") or not _CLAUSE_END.match(text, found[1]):
            continue
        if key in ("ru", "el") and len(words) <= 2 or key == "he" and len(words) == 1 or \
                key == "ar" and len(words) == 1 and not match.group("comma"):
            yield found  # "תודה מיכל.", "дякую, Ірино.", "Καλησπέρα Μαρία,", "مرحبا أحمد،"


def _agents(text: str) -> Iterator[tuple[int, int]]:
    head = text[:300]
    for cue, key in ((_ARABIC_AGENT, "ar"), (_HEBREW_AGENT, "he")):
        for match in itertools.islice(cue.finditer(head), 2):
            found = _name_at(text, match.end(), key)
            if found and " " not in text[found[0]:found[1]]:
                yield found
    first = head.split("\n", 1)[0]
    if _AGENT_LABEL.match(first):
        for match in itertools.islice(_CYRILLIC_AGENT.finditer(first), 1):
            if _cues._word_ok(match.group(1), "ru") and match.group(1).lower() not in _NOT_NAMES:
                yield match.span(1)


# ---- Cyrillic and Greek: capitalised words that a patronymic, a personal id or the caller's phone shows ------------
_CAP_WORD = r"[А-ЯЁІЇЄҐЈЉЊЋЏΑ-ΩΆΈΉΊΌΎΏ][а-яёіїєґјљњћџα-ωάέήίόύώϊϋΐΰς]{1,24}"
_PATRONYMIC = r"[А-ЯЁІЇЄ][а-яёіїє]{1,20}(?:ович|евич|ьич|овна|евна|ична|інічна|івна|ївна)"
# "Анна Сергеевна С.", "Иван Александрович К.", "Петренко Олена Іванівна": a given name and a patronymic (a surname
# before them or after them, or its initial)
_WITH_PATRONYMIC = re.compile(rf"(?<![^\W\d_])(?:{_CAP_WORD}[ \t])?{_CAP_WORD}[ \t]{_PATRONYMIC}(?![^\W\d_])"
                              rf"(?:[ \t](?:{_CAP_WORD}(?![^\W\d_])|[А-ЯЁІЇЄ](?=\.)))?")
# ids only a person holds (not a firm's tax number): "Ελένη Γεωργίου, ΑΜΚΑ 300…", "Георги Димитров Иванов, ЕГН 92…"
_PERSONAL_ID = r"(?:ЕГН|ЈМБГ|ЕМБГ|ЛНЧ|СНИЛС|РНОКПП|паспорт|паспорта|ΑΜΚΑ|Α\.?Δ\.?Τ\.?|ΑΔΤ)"
_BEFORE_ID = re.compile(rf"(?:^|(?<=[:,.;]))[ \t]{{0,2}}((?:{_CAP_WORD})(?:[ \t]{_CAP_WORD}){{1,2}})"
                        rf"(?=,[ \t]{{1,2}}{_PERSONAL_ID}[ \t:№]{{0,3}}[A-ZА-ЯΑ-Ω]{{0,3}}[ \t]?\d)", re.MULTILINE)
# the caller's name closing the message after the phone ("Телефон +7 916 204-58-31, Анна.")
_AFTER_PHONE = re.compile(rf"\d[\d \t()-]{{6,18}}\d,[ \t]{{1,2}}({_CAP_WORD}(?:[ \t]{_CAP_WORD})?)[ \t]{{0,2}}[.!]?\s{{0,4}}\Z")
# the agent introduced by "this is": "Добрый день, это Ирина из Сбербанка", "είμαι η Μαρία από την …"
_THIS_IS = re.compile(rf"(?<![^\W\d_])(?i:это|це|това[ \t]е|είμαι[ \t][οη])[ \t]{{1,2}}({_CAP_WORD}(?:[ \t]{_CAP_WORD})?)"
                      rf"(?=[ \t]{{1,2}}(?:из|з|із|от|від|από)[ \t])")


def _cased(text: str) -> Iterator[tuple[int, int]]:
    for pattern in (_WITH_PATRONYMIC, _BEFORE_ID, _AFTER_PHONE, _THIS_IS):
        for match in itertools.islice(pattern.finditer(text), CAP):
            group = 1 if pattern.groups else 0
            words = match.group(group).split()
            if all(len(w) == 1 or _cues._word_ok(w, "el" if re.match("[Α-Ωα-ωΆ-Ώ]", w) else "ru") and
                   w.lower() not in _NOT_NAMES for w in words):  # (one letter: a surname's initial)
                yield match.span(group)


def _names_of(text: str) -> list[tuple[int, int]]:
    text = text[:_MAX_TEXT]
    if _SCRIPTS.search(text) is None:
        return []
    found = itertools.chain(
        itertools.chain.from_iterable(_cued(text, cue, key, _TA_GLUED if key == "ta" else ())
                                      for key, cue in _TITLE_RE.items() if _cues._LETTER[key].search(text)),
        itertools.chain.from_iterable(_cued(text, cue, key, _TA_GLUED if key == "ta" else ())
                                      for key, cue in _KIN_RE.items() if _cues._LETTER[key].search(text)),
        itertools.chain.from_iterable(_thanked(text, key) for key in _THANKS_RE if _cues._LETTER[key].search(text)),
        _agents(text), _cased(text) if _CASED_LETTERS.search(text) else ())
    names = [(s, e) for _, s, e, _ in pii_found.unique_persons(found, CAP, _SCORE)]
    return names + list(itertools.islice(_again(text, names), CAP))


def _again(text: str, names: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The other places the message names a person found here ("معاك مصطفى … يا مصطفى")."""
    for value in dict.fromkeys(text[s:e] for s, e in names):
        for match in itertools.islice(re.finditer(rf"(?<![^\W\d_]){re.escape(value)}(?![^\W\d_])", text), 4):
            if match.span() not in names:
                yield match.span()


_TITLE_ALONE = re.compile("|".join(f"(?:{cue})" for cue in (*_TITLES.values(), *_GREETING_TITLES.values())))


def _gives_way(text: str, span: PiiSpan, start: int, end: int) -> bool:
    """A PERSON span inside the name or over part of it (a wrong cut) gives way, and so does the name with its title
    ("آقای رحیمی": the title outside); one holding it and more words stands."""
    if span.kind != "PERSON":
        return False
    if not (span.start <= start and end <= span.end):
        return True
    rest = (text[span.start:start] + text[end:span.end]).strip()
    return span.end == end and _TITLE_ALONE.fullmatch(rest) is not None


def with_script_person_cues(text: str, spans: list[PiiSpan], keep: list[tuple[int, int]]) -> list[PiiSpan]:
    """The spans with the names of this module added where no span covers them and no kept value lies there."""
    found = _names_of(text)
    return pii_found.add_back(spans, found, keep, lambda s, a, b: _gives_way(text, s, a, b), _SCORE) if found else spans
