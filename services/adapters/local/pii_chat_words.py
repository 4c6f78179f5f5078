"""Words of calls and chats in Asian and African languages taken for persons (session 40, candidate 40-1; issue 21;
not shipped then: precision -0.0001 on blind93*, it lost the sign-off "- Tin"). Session 43 (candidate 43-6) is a second
look: wired again, "tin" and "im" (a name, initials) out of the list, a capitalised word alone signing a line kept
(_signed), words that are names too read beside their neighbours ("de diya", "ana lesa", "hi thi", "zara dobara",
"anh cho", "roza hai"), a few words only in lower case ("hai", "boss"), and more of the class: Swahili, Arabizi, Tamil
and Hindi words, Thai spans made of chat words ("โดนตัดเงิน"), "ใหม่" / "เดิม" after "ชื่อ" (the name follows), a title
alone ("นาย"), a plate's letters ("กข 4417"), Chinese form words ("姓名", "户口号码", "谢谢"), Bengali
("কোনো ট্রানজেকশন করি নাই") and Korean particles cut off a name ("최은영이요": "이요").

pii_transcript_words (38-5) drops a PERSON span made of the transcript words of its list, in Latin letters. The NER,
the CRF tagger and the name finders still take for a name the pronouns, kinship and politeness words, fillers,
greetings, number words and function words of the other languages our calls and chats mix, and of the other
scripts. Dropped here, whichever finder proposed them (PERSON spans only; run last in both detectors, so the spans
the kin, agent-intro and name-shape finders add back are read too):

- a span whose every word is a chat word: of pii_chat_words.txt (Vietnamese "chị", "alo", "dạ"; Hindi / Urdu and
  Bengali in Latin letters "bhai", "chaar", "apu", "hoise"; Tagalog; Swahili "tarehe", "mpya", "nyabo"; Yoruba and
  Pidgin "jare", "abeg", "wetin"; Malay / Indonesian "akaun", "betul"; Arabic "هلا", "تمام", "زي", "الباسبور" — read
  without "و"/"ف" and the article; Persian; Hindi and Nepali in Devanagari "सिम ब्लक भयो"; Bengali "ভুল"), or one of
  pii_transcript_words' (its words are counted with ours, so "bhai hamare mohalle mein" goes whole);
- number words of these languages ("elfu tatu", "chaar", "tiga", "mười"; a lone one in lower case) on a line with no
  date's word (a month, "tarehe", "tháng", "kuzaliwa": a date of birth's), when they count a noun ("chaar number",
  "do ghante"), are an amount with its magnitude after a question for an amount ("kiasi gani?" … "elfu tatu na mia
  tano"), or are a whole number of three words at most (no number word or digit beside it) after no personal
  value's cue (pii_transcript_words._cue): an amount or a count, not a phone or an id read out;
- words that are given names too count only where they go with their neighbours: Vietnamese "anh" / "em" opening a
  clause before "ơi", a verb, "/chị" ("Anh/chị ơi", "em muốn…"), Malay "yang" between lower-case words ("akaun yang
  berakhir"), "Mei" after "bulan", Urdu "walid" ("father") after "mere" / "ke", Arabic "هلا" opening a turn, "xin"
  before "chào", a number word that is a name ("tatu", "satu", "mia") beside another number word; never after a
  name's cue ("mera naam…", "em là…", "jina langu ni…") nor in the answer to a name question;
- a Thai span inside a Thai token made only of politeness words and particles (the NER cuts "ครับ", "ค่ะ", "สวัสดี",
  "ใช่ไหมคะ" at their vowel marks: "คร", "ค", "สว", "ใช");
- a Chinese span holding a function character ("喂", "我", "係", "唔", "不") and no common surname's character
  ("我轉錯數", "應該係", "唔該幫手", "不符"; "收件人是林佳穎", "我係陳大文" hold a name and are kept);
- a mixed span opening with chat words, chat words half of it or more, the other words (two at most) lower-case or
  an acronym, each after a chat word that is no form of address, no greeting and no name's cue ("bhai amar SIM
  replace", "apu amar SIM ta", "nataka kujua kama SHA", "meri beti ka B-form", "chị muốn chuẩn hóa": what follows
  "my", "want", "of" is a thing).

Never taken: a span holding a capitalised word that is no chat word ("chị Lan", "bhai Imran", "mama Wambui"), a given
name we know ("bhai rakesh"), a lower-case word right after a form of address or a greeting ("pole sana mama
wanjiru", "asante bhai tanvir"), a span after a name's cue ("mera naam tanvir hai"), number words among other number
words or digits, or after a phone's, an id's, an account's cue. At most CAP PERSON spans a message are read; the
patterns are bounded character classes (linear).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

from services.adapters.local import pii_honorific_names, pii_rules, pii_spoken_numbers
from services.adapters.local import pii_transcript_words as transcript
from services.models import PiiSpan

CAP = 64  # PERSON spans a message read at most
_LONGEST = 120  # a longer PERSON span is read as it is
_WORDS_FILE = Path(__file__).with_name("pii_chat_words.txt")
# a word with the vowel signs and marks of its script (Python's \w leaves them out: "नमस्ते", "ভুল", "ครับ")
_MARKS = "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0900-\u0dff\u0e00-\u0e7f\u200c\u200d"
_WORD = re.compile(rf"[\w{_MARKS}]{{1,40}}(?:['’/-][\w{_MARKS}]{{1,40}}){{0,3}}")
_THAI = re.compile(r"[\u0e00-\u0e7f]{1,60}")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_ARABIC = re.compile(r"[\u0600-\u06ff]")


def _arabic_fold(word: str) -> str:
    word = "".join(c for c in word if not ("\u064b" <= c <= "\u065f" or c == "\u0640"))
    return word.translate(str.maketrans("أإآىة", "ااايه"))


# number words of the languages of our lists (pii_spoken_numbers' hold names of other languages: "Mila")
_NUMBERS = frozenset("""một hai bốn năm sáu bảy tám chín mười mươi mốt tư lăm lẻ trăm nghìn ngàn triệu tỷ ek teen
chaar char paanch panch chhe saat aath nau gyarah barah sau hazaar hazar lakh crore karod dalawa tatlo apat anim
pito walo siyam sampu elfu moja mbili nne tano sita saba nane tisa kumi ishirini thelathini arobaini hamsini sitini
sabini themanini tisini dua tiga empat enam tujuh lapan delapan sembilan sepuluh puluh ratus ribu juta belas kosong
nol do das tatu satu mia isa""".split())
_NAMED_NUMBERS = frozenset(w for w in _NUMBERS if w in pii_rules.GIVEN_NAMES) | {"sita", "das", "isa"}
# a question for an amount ("kiasi gani", "kitna", "berapa", "magkano", "bao nhiêu", "كم"); a month's name (a date's
# number words are a date of birth perhaps); the nouns a number word counts ("chaar number", "do ghante")
_AMOUNT_ASKED = re.compile(r"(?i)(?<![\w])(?:kiasi|ngapi|amount|how[ \t]much|kitna|kitne|kitni|koto|berapa|magkano|"
                           r"bao[ \t]nhiêu|كم)(?![\w])")
_MONTH = re.compile(r"(?i)(?<![\w])(?:jan|feb|peb|mar|mac|machi|apr|mei|may|jun|jul|aug|ago|agu|sep|okt|oct|nov|dec|des|"
                    r"dis|tháng|ngày|năm|tarehe|mwezi|mwaka|tahun|bulan|lahir|sinh|dob|birth|born|kuzaliwa|janam|"
                    r"paidaish|ipinanganak|kapanganakan)\w{0,10}")
_COUNT_NOUNS = frozenset("""number numbers digit digits ank ankh ghante ghanta din saal mahine hafte minute minutes
baje dakika siku masaa hari tahun bulan minggu ngày giờ phút araw oras taon buwan linggo days hours months
years""".split())
# the words of a number's magnitude: an amount's, never a phone's or an id's read out digit by digit
_MAGNITUDES = frozenset("""elfu mia laki sau hazaar hazar lakh crore karod ribu ratus juta trăm nghìn ngàn triệu tỷ
libo daan hundred thousand million الف ألف""".split())
# the words before a name ("unaongea na…", "jina langu ni…", "em là…")
_CUE_WORDS = frozenset("na ni si ay là tên naam nam jina nama pangalan naitwa called".split())
_ARABIC_NUMBERS = frozenset(_arabic_fold(w) for w in """صفر واحد اثنين اتنين اثنان ثلاثة تلاتة ثلاث تلات اربعة أربعة اربع
خمسة خمس ستة ست سبعة سبع ثمانية تمانية ثمان تمن تسعة تسع عشرة عشر الف ألف مية مائة""".split())
# forms of address, greetings, "I" and the cues before a name: a lower-case word after one may be a name
_ADDRESS = frozenset("""bhai bhaiya bhaiyya didi apu apa baji vai behen bhabhi mama baba dada kaka bibi babu mzee
ndugu nyabo ssebo oga chị anh em cô chú bác ông bà cậu dì kuya ate pak bu mbak mas kak bang abang adik encik puan tuan
cik ji jee sahab saab sahib sir madam maam ma'am mister miss mr mrs ms habari asante ahsante hello hi hey salam
salaam jambo pole sana karibu xin chào alo shukriya dhonnobad dhanyavaad salamat thanks thank namaste ako mimi main
mai ami saya aku tôi mình tui tớ ana""".split()) | _CUE_WORDS
# words that are given names too: a chat word only beside these (before, after), see the docstring
_BESIDE: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "anh": (frozenset(), frozenset("""ơi ạ à muốn cần bị đã đang sẽ cho giúp hỏi gọi có không đọc xin vui kiểm
           chuyển gửi nhận ra đến tới /chị chị""".split())),
    "em": (frozenset("cảm cám giúp cho với".split()), frozenset("""ơi ạ à muốn cần bị đã đang sẽ cho giúp hỏi gọi có
           không đọc xin vui kiểm chuyển gửi nhận ra đến tới kiểm""".split())),
    "yang": (frozenset("""akaun akun rekening kad kartu nombor nomor ada orang barang paket bulan hari alamat nama
             baki saldo wang uang duit""".split()),
             frozenset("""berakhir salah betul lama baru mana ini itu saya sudah belum tak tidak sama ke di dah
             masuk keluar hilang rosak rusak""".split())),
    "mei": (frozenset("bulan sejak hingga sampai awal akhir pertengahan".split()), frozenset()),
    "walid": (frozenset("mere meri mera ke ka ki apne apni hamare".split()), frozenset("sahab sahib saab".split())),
    "walida": (frozenset("mere meri mera ke ka ki apne apni hamare".split()), frozenset()),
    "xin": (frozenset(), frozenset("chào chao lỗi loi nghe cảm cám phép".split())),
    "bao": (frozenset("thuê".split()), frozenset("nhiêu giờ lâu".split())),
    "hafiz": (frozenset("khuda allah".split()), frozenset()),
    "salah": (frozenset("rekening akaun akun nombor nomor transfer kirim hantar".split()), frozenset()),
    # Bengali "my" before a thing ("bhai amar parcel ta"), "EMI" of a loan, Vietnamese "bảo hiểm" ("insurance")
    "amar": (frozenset(), frozenset("""parcel order package delivery product payment recharge connection meter bill
             phone mobile taka bkash nagad""".split())),
    "emi": (frozenset("meri mera my loan ki ka ke last next monthly".split()),
            frozenset("bounce bounced pay payment due kat kata kati cut deduct amount date nahi".split())),
    "bảo": (frozenset(), frozenset("hiểm hành mật vệ lãnh".split())),
    # Swahili "today" after "of", "day", "date" ("tarehe ya leo"), before a payment's verb
    "leo": (frozenset("ya la wa siku tarehe".split()), frozenset("nimelipa nimetuma nimepokea".split())),
    "hari": (frozenset("dua tiga empat lima enam tujuh sudah lebih beberapa".split()),
             frozenset("ini ni itu tu ke kerja".split())),
    # session 43 (43-6): Hindi "gave" after its verb or object ("de diya", "aapne OTP diya?"), "was" after a verb
    # ("ghar pe hi thi"), "a little" before a request ("zara dobara boliye"); Egyptian "I" before a verb or "still"
    # ("ana lesa mgadded"); Vietnamese "give" after "anh"/"em" ("anh cho em email")
    "diya": (frozenset("""de le kar bhej dila chhod bata daal otp paise paisa pin code maine usne humne aapne tumne
             unhone jawab""".split()), frozenset("hai tha thi hain the kya nahi nahin".split())),
    "thi": (frozenset("""hi ghar pe par mein nahi nahin rahi gayi gai hui lagi sakti chahti hoti aayi ayi mili boli kahi
            bhi""".split()), frozenset()),
    "zara": (frozenset(), frozenset("""dobara phir fir jaldi check bataiye batayein boliye suniye sunie ruko rukiye
             dekhiye dekh wait repeat slow""".split())),
    "ana": (frozenset("w we wa bas bs lakin ya3ni aywa la2".split()), frozenset("""lesa lessa lissa msh mesh mish
            3ayez 3ayza 3awez 3awza kont kunt ba3at 7awelt mestanny mstany bakalem""".split())),
    "cho": (frozenset("anh em chị".split()), frozenset()),
    # Hindi "give" before its verb ("de diya"), "every" before a time ("har hafte"), "the fast" ("roza hai bhai")
    "de": (frozenset(), frozenset("diya diye di do dijiye dena dete deti raha rahe rahi dunga dungi".split())),
    "har": (frozenset(), frozenset("hafte mahine din baar roz saal waqt".split())),
    "roza": (frozenset("mera meri hamara ka ki".split()), frozenset("hai hain tha rakha rakhna iftar".split())),
}
# session 43 (43-6): chat words that count only written in lower case ("hai", "boss": "Hai", "Boss" may be names)
_LOWER_ONLY = frozenset("hai msh mesh boss".split())
# Arabic "هلا" ("hi") opening a turn before a comma or another greeting
_ARABIC_BESIDE = frozenset("هلا".split())
_ARABIC_PREFIXES = ("وال", "فال", "بال", "لل", "ال", "و", "ف", "ب", "ل")
# Chinese: characters of function words no name is written with, and the common surnames' characters
_CJK_FUNCTION = frozenset("我你您們们係是的了嗎吗呢吧啊喂唔嘅咗冇不沒没請请該该幫帮想要咩乜點点樣样嚟佢哋嗰啲")
_CJK_SURNAMES = frozenset("""王李張张劉刘陳陈楊杨黃黄趙赵吳吴周徐孫孙馬马朱胡郭何高林羅罗鄭郑梁謝谢宋唐許许韓韩馮冯鄧邓曹彭曾
蕭萧田董袁潘于蔣蒋蔡余杜葉叶程蘇苏魏呂吕丁任沈姚盧卢姜崔鍾钟譚谭陸陆汪范金石廖賈贾夏韋韦付方白鄒邹孟熊秦邱江尹薛閻阎段雷
侯龍龙史陶黎賀贺顧顾毛郝龔龚邵萬万錢钱嚴严覃武戴莫孔向湯汤區区歐欧麥麦伍關关""")

# session 43 (43-6): Chinese form and chat words ("姓名", "谢谢"); Thai "new" / "old" after a name's or an address's
# word, a Thai plate's letters; Korean particles and endings said after a name ("최은영이요")
_CJK_WORDS = frozenset("""姓名 名字 谢谢 謝謝 户口 戶口 号码 號碼 手机 手機 电话 電話 地址 身份证 身分證 订单 訂單 客户 客戶 客服 你好 您好
请问 請問 麻烦 麻煩 账号 帳號 账户 帳戶 银行 銀行 不好意思 没问题 沒問題 收货人 收貨人 邮箱 郵箱 电邮 電郵 卡号 卡號 证件 證件""".split())
_THAI_NEW_OLD = frozenset("ใหม่ เดิม".split())
_THAI_NAME_WORDS = ("ชื่อ", "นามสกุล", "สกุล", "ที่อยู่", "เบอร์", "เลข", "บัตร", "บัญชี")
_THAI_PLATE = re.compile(r"[\u0e01-\u0e2e]{1,2}")
_DIGIT_NEXT = re.compile(r"[ \t]?\d")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_HANGUL_PARTICLES = frozenset("이요 요 이에요 예요 입니다 이십니다 이고요 이구요 인데요 님 씨 고객님".split())
# session 50 (50-3): a Korean form word, with the particle said after it, taken for a name ("주문자 성함과 연락처")
_HANGUL_FORM_WORDS = frozenset("""성함 이름 연락처 주소 전화번호 휴대폰번호 핸드폰번호 번호 주문번호 주문자 수령인 받는분 고객님 계좌번호
생년월일 본인 명의""".split())
_HANGUL_AFTER = frozenset("과 와 은 는 이 가 을 를 도 만 으로 로 이랑 랑 하고 좀 이요 요 입니다 이에요 예요".split())


# the sections of pii_transcript_words.txt in the languages of this module (its European ones are not read as ours)
_OUR_SECTIONS = ("# Hindi", "# Bengali", "# Tagalog", "# Swahili", "# mobile money")


@functools.cache
def _their_class_words() -> frozenset[str]:
    """pii_transcript_words.txt's words of the languages of this module, and its words that are names too."""
    words: set[str] = set(transcript._BESIDE)
    ours = False
    for line in transcript._WORDS_FILE.read_text(encoding="utf-8").splitlines():
        if line.startswith("# ") and (line[2:3].isupper() or line.startswith("# mobile")):  # a section's title
            ours = line.startswith(_OUR_SECTIONS)
        elif ours and line.strip():
            words.add(line.strip())
    return frozenset(words)


@functools.cache
def _lists() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The chat words (any case), less the given names we know; the Arabic ones folded (see :func:`_arabic_fold`);
    the Thai ones."""
    listed = frozenset(line.strip() for line in _WORDS_FILE.read_text(encoding="utf-8").splitlines()
                       if line.strip() and not line.startswith("#"))
    thai = frozenset(w for w in listed if _THAI.fullmatch(w))
    arabic = frozenset(_arabic_fold(w) for w in listed if _ARABIC.search(w))
    return listed - pii_rules.GIVEN_NAMES - thai, arabic, thai




def _arabic_word(word: str, arabic: frozenset[str]) -> bool:
    folded = _arabic_fold(word)
    if folded in arabic:
        return True
    for prefix in _ARABIC_PREFIXES:
        if folded.startswith(prefix) and len(folded) - len(prefix) >= 2 and folded[len(prefix):] in arabic:
            return True
    return False


def _fold(word: str) -> str:
    return unicodedata.normalize("NFC", word.lower())


def _neighbours(text: str, word: re.Match[str], line: tuple[int, int]) -> tuple[str, str]:
    before = [w.group() for w in _WORD.finditer(text, max(line[0], word.start() - 80), word.start())][-1:]
    after = _WORD.search(text, word.end(), min(line[1], word.end() + 80))
    gap = text[word.end():after.start()] if after else ""
    after_word = after.group() if after else ""
    if gap.strip() == "/":  # "Anh/chị"
        after_word = "/" + after_word
    return _fold(before[0]) if before else "", _fold(after_word)


def _beside_ok(text: str, word: re.Match[str], line: tuple[int, int], low: str) -> bool:
    before, after = _neighbours(text, word, line)
    if before in transcript._NAME_CUES or before in ("là", "tên", "naam"):
        return False
    befores, afters = _BESIDE[low]
    if before in befores:  # "mere walid", "bulan Mei": a name's answer too
        return True
    if not (after in afters or (low in ("anh", "em") and after.startswith("/"))):
        return False
    return not transcript._answers_name_question(text, line[0])


def _opens_turn(text: str, word: re.Match[str], line: tuple[int, int]) -> bool:
    """The word opens its line (after a speaker's label) and a comma or a stop follows it."""
    head = text[line[0]:word.start()]
    label = head.rfind(":")
    if (head[label + 1:] if label >= 0 else head).strip():
        return False
    return text[word.end():word.end() + 2].lstrip()[:1] in ("،", ",", ".", "!", "؟", "?", "")


def _number_whole(text: str, words: list[re.Match[str]], line: tuple[int, int]) -> bool:
    """A count ("chaar number", "do ghante"), an amount asked for ("kiasi gani?" … "elfu tatu na mia tano"), or a
    whole number (no number word or digit beside it on its line) after no personal value's cue."""
    if _MONTH.search(text, line[0], line[1]):  # a date's, a date of birth's number words
        return False
    before = [w for w in _WORD.finditer(text, max(line[0], words[0].start() - 80), words[0].start())][-1:]
    after = _WORD.search(text, words[-1].end(), min(line[1], words[-1].end() + 80))
    if after is not None and _fold(after.group()) in _COUNT_NOUNS and len(words) <= 2:
        return True
    asked = max(0, text.rfind("\n", 0, max(line[0] - 1, 0)) + 1 if line[0] else 0, words[0].start() - 300)
    if _AMOUNT_ASKED.search(text, asked, words[0].start()) and any(
            _fold(w.group()) in _MAGNITUDES or _arabic_fold(w.group()) in _MAGNITUDES for w in words):
        return True  # "elfu tatu na mia tano": a phone, an id are read digit by digit
    for w in (*before, after):
        if w is not None and (w.group().isdigit() or _number(w.group())):
            return False
    return len(words) <= 3 and transcript._cue(text, words[0].start(), line[0]) != "PII"


def _number(word: str) -> bool:
    """A number word of any language we read, or a joiner of one ("na", "y", "und")."""
    low = _fold(word)
    return low in _NUMBERS or low in pii_spoken_numbers.NUMBER_WORDS or low in transcript._EN_NUMBERS or (
        _ARABIC.search(word) is not None and _arabic_word(word, _ARABIC_NUMBERS))


def _segmented(text: str, start: int, end: int, words: frozenset[str]) -> int:
    """How many words of ``words`` text[start:end] is made of (greedy, longest word first; 12 at most), 0 if it is
    not made of them only."""
    at, longest, count = start, max((len(w) for w in words), default=0), 0
    for _ in range(12):
        if at >= end:
            return count
        for size in range(min(longest, end - at), 0, -1):
            if text[at:at + size] in words:
                at, count = at + size, count + 1
                break
        else:
            return 0
    return 0


def _thai_chat(text: str, span: PiiSpan, thai: frozenset[str]) -> bool:
    """A Thai span inside a Thai token made of politeness words and particles only (greedy, longest word first); since
    session 43 (43-6) also a span made of two chat words or more itself ("โดนตัดเงิน"), "ใหม่" / "เดิม" ("new", "old")
    right after "ชื่อ", "ที่อยู่"… ("ชื่อใหม่": the new name, the name follows), and a plate's letters before its
    digits ("กข 4417")."""
    if not _THAI.fullmatch(text, span.start, span.end):
        return False
    value = text[span.start:span.end]
    if _THAI_PLATE.fullmatch(value) and _DIGIT_NEXT.match(text, span.end):
        return True
    if value in _THAI_NEW_OLD and text[max(0, span.start - 8):span.start].endswith(_THAI_NAME_WORDS):
        return True
    if _segmented(text, span.start, span.end, thai) >= 2:
        return True
    start = span.start
    while start > 0 and start > span.start - 60 and "\u0e00" <= text[start - 1] <= "\u0e7f":
        start -= 1
    token = _THAI.match(text, start)
    if token is None or token.end() < span.end:
        return False
    return _segmented(text, token.start(), token.end(), thai) > 0


def _cjk_chat(value: str) -> bool:
    """A Chinese span holding a function character and no common surname's character, or (session 43, 43-6) made
    of the form and chat words of _CJK_WORDS only ("姓名", "谢谢", "户口号码"; a trailing "和" / "及": "姓名和")."""
    core = value.strip(" ，。、！？,.!?：:")
    if not core or not all(_CJK.match(c) for c in core):
        return False
    if _segmented(core.rstrip("和及与與"), 0, len(core.rstrip("和及与與")), _CJK_WORDS) > 0:
        return True
    return any(c in _CJK_FUNCTION for c in core) and not any(c in _CJK_SURNAMES for c in core)


def _hangul_particle(text: str, span: PiiSpan) -> bool:
    """(session 43, 43-6) A Korean particle or ending cut off the word it ends ("최은영이요": "이요"); (session 50,
    50-3) a Korean form word alone or with its particle ("성함과", "연락처는")."""
    value = text[span.start:span.end]
    if value in _HANGUL_FORM_WORDS or any(value[:i] in _HANGUL_FORM_WORDS and value[i:] in _HANGUL_AFTER
                                          for i in range(2, min(len(value), 6))):
        return True
    return (span.start > 0 and _HANGUL.match(text[span.start - 1]) is not None
            and value in _HANGUL_PARTICLES)


def _chat_word(text: str, w: re.Match[str], line: tuple[int, int], lower_span: bool) -> str:
    """"N" a number word, "M" a chat word of the languages of this module, "W" another chat word (of the European
    languages and English of pii_transcript_words' lists), "" another word."""
    listed, arabic, _ = _lists()
    anywhere, lower = transcript._words()
    raw = w.group()
    low = _fold(raw)
    if any(c.isdigit() for c in raw):
        return ""
    if low in _NUMBERS or (_ARABIC.search(raw) and _arabic_word(raw, _ARABIC_NUMBERS)):
        # a number word that is a name too ("tatu", "satu", "sita") only beside another number word
        return "N" if low not in _NAMED_NUMBERS or _named_number(text, w, line) else ""
    if _ARABIC.search(raw):
        if _arabic_word(raw, arabic):
            return "M"
        return "M" if low in _ARABIC_BESIDE and _opens_turn(text, w, line) else ""
    if low in listed:
        return "M" if low not in _LOWER_ONLY or raw.islower() else ""
    if low in _BESIDE and _beside_ok(text, w, line, low):
        return "M"
    if low in transcript._BESIDE and transcript._beside_ok(text, w, line, low):
        return "M"
    if low in anywhere or ((lower_span or raw.islower()) and low in lower):
        return "M" if low in _their_class_words() else "W"
    return ""


def _named_number(text: str, w: re.Match[str], line: tuple[int, int]) -> bool:
    """A number word that is a given name too ("tatu", "satu", "mia") beside another number word."""
    before, after = _neighbours(text, w, line)
    return bool(before and _number(before)) or bool(after and _number(after))


def _chat_only(text: str, span: PiiSpan) -> bool:
    value = text[span.start:span.end]
    if _cjk_chat(value) or _hangul_particle(text, span):
        return True
    if _thai_chat(text, span, _lists()[2]):
        return True
    words = list(_WORD.finditer(text, span.start, span.end))
    if not words or len(words) > 8:
        return False
    line = transcript._line_of(text, span.start, span.end)
    lower_span = value.islower()
    classes = [_chat_word(text, w, line, lower_span) for w in words]
    if "N" in classes and "" not in classes:  # a lone number word only in lower case ("Sita", "Nau" may be names)
        return (len(words) > 1 or value.islower()) and _number_whole(text, words, line)
    if all(classes):  # one word of our languages at least (pii_transcript_words read the others before)
        return "M" in classes and not _after_name_cue(text, words[0], line)
    return _mixed(text, words, classes, line)


def _after_name_cue(text: str, word: re.Match[str], line: tuple[int, int]) -> bool:
    before, _ = _neighbours(text, word, line)
    return before in transcript._NAME_CUES or before in ("là", "tên", "naam", "jina", "nama", "pangalan")


@functools.cache
def _titles() -> frozenset[str]:
    """Forms of address, greetings, "I", the cues before a name, and the titles of pii_honorific_names."""
    return (_ADDRESS | pii_honorific_names._STRONG | pii_honorific_names._AFTER | transcript._WEAK_TITLES
            | transcript._ADDRESS_WORDS)


def _mixed(text: str, words: list[re.Match[str]], classes: list[str], line: tuple[int, int]) -> bool:
    """Chat words open the span and make half of it or more; the other words (two at most) are lower-case or an
    acronym, no given name we know, each after a chat word that is no form of address, greeting or name's cue."""
    others = [i for i, c in enumerate(classes) if c not in ("M", "W")]
    chat = len(classes) - len(others)
    if not classes[0] or chat < 2 or chat < len(others) or len(others) > 2 or "N" in classes or "M" not in classes:
        return False
    if _after_name_cue(text, words[0], line) or transcript._answers_name_question(text, line[0]):
        return False
    lows = [_fold(w.group()) for w in words]
    if any(low in _CUE_WORDS for low in lows):
        return False
    _, after = _neighbours(text, words[-1], line)
    for i in others:
        raw = words[i].group()
        if lows[i] in pii_rules.GIVEN_NAMES or lows[i - 1] in _titles() or \
                (lows[i + 1] if i + 1 < len(lows) else after) in _titles():  # "ji sana baji", "frau brandstetter"
            return False
        acronym = raw.isupper() and len(raw) <= 6
        if not (raw.islower() or acronym or (raw.count("-") == 1 and raw.split("-")[0].isupper())):
            return False
    return True


def without_chat_words(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """The spans less the PERSON spans made of chat words (see the module's docstring); at most CAP PERSON spans are
    read, the others are kept as they are."""
    out: list[PiiSpan] = []
    read = 0
    for span in spans:
        if span.kind == "PERSON" and read < CAP and span.end - span.start <= _LONGEST:
            read += 1
            if (_chat_only(text, span) and not _short_form(text, span, spans) and not _signed(text, span)
                    and not _titled(text, span)):
                continue
        out.append(span)
    return out


def _short_form(text: str, span: PiiSpan, spans: list[PiiSpan]) -> bool:
    """The span begins a longer word of another PERSON span of the message: a name's short form ("hola vale" to
    Valentina)."""
    value = _fold(text[span.start:span.end])
    if len(value) < 3:
        return False
    for other in spans[:CAP]:
        name = _fold(text[other.start:other.end])
        if other.kind == "PERSON" and len(name) > len(value) and name.startswith(value) and name[len(value)].isalpha():
            return True
    return False


# titles before a name: a chat word after one is a name ("I spoke to Mr Ta at the branch")
_TITLE_BEFORE = re.compile(r"(?i)(?<![\w.])(?:mr|mrs|ms|miss|mx|dr|sir|herr|frau|sr|sra|srta|mme|mlle|sig|sig\.ra|"
                           r"dott|pak|bu|ibu|bapak)\.?[ \t]{1,2}$")


_TITLE_OPENS = re.compile(r"(?i)(?:mr|mrs|ms|miss|mx|dr|sir|herr|frau|sr|sra|srta|mme|mlle|sig|sig\.ra|dott|pak|bu|ibu|"
                          r"bapak)\.?[ \t]{1,2}\S")


def _titled(text: str, span: PiiSpan) -> bool:
    """(session 44) A person's title before the span or opening it: "Mr Ta", "Frau Ami"."""
    return bool(_TITLE_BEFORE.search(text[max(0, span.start - 12):span.start])
                or _TITLE_OPENS.match(text, span.start, span.end))


_SIGN_DASH = ("-", "–", "—", "~")


def _signed(text: str, span: PiiSpan) -> bool:
    """(session 43, 43-6) A capitalised word alone that ends its line, at the line's start or after a dash: a sign-off
    ("… po bayad. - Tin", "\nMili"), a name whatever else the word means."""
    value = text[span.start:span.end]
    if not value.istitle() or " " in value.strip():
        return False
    line_start = text.rfind("\n", 0, span.start) + 1
    head = text[max(line_start, span.start - 80):span.start].rstrip()
    if head and not head.endswith(_SIGN_DASH):
        return False
    end = text.find("\n", span.end)
    tail = text[span.end:end if end >= 0 else len(text)]
    return not tail.strip(" \t.!,")

