"""Names in Korean, Chinese, Japanese and Thai script after a cue of the message's own words that pii_cjk_names and
pii_script_name_cues did not read (session 44, candidate 44-5).

:func:`with_cjk_person_cues` (run after the PERSON check, after pii_cjk_names) adds as a PERSON, where no span covers
it (a span holding the name and a sign-off's word, a question's particle or an honorific gives way), the name:

- Korean (a common surname and two syllables): signing a line ("김민지 드림", "… 올림"); introduced after a greeting or
  "저는" / "저" ("안녕하세요 김민지입니다.", "네, 저 최수빈인데요"); after a role word ("피보험자 최윤호,", "받는 사람은
  정하늘이에요", "예금주 홍길동으로"); in the agent's speaker label ("상담사 박지훈: …"); after a booking's verb ("예약한
  이서연인데요", "예약한 윤서아 엄마인데요"); answering a question for a name with its copula ("고객: 이수진이요",
  "고객: 네 박준호요. 카드 …");
- Chinese (a surname and one or two characters): after a holder's or a recipient's word ("户名是周建国吗", "户主刘建国，",
  "持卡人姓名是王芳吗" without "吗"); a self-introduction, Cantonese too ("我個名係陳嘉欣", "我係陳大文，"); a letter's
  sign-off ("王丽娟敬上", "陈嘉欣 拜上"); the full name after the surname ("免贵姓张，张伟"); a nickname after a role or in
  the agent's label ("骑手是小张", "你们的小刘", "叫我小刘就行", "客服小王：…"); an answer to a name question going on
  after a comma ("用户：刘洋，你叫我小刘就行");
- Japanese: a katakana name of two words read back before 様 ("ワタナベ ユウキ様でよろしいでしょうか"), after a name's
  label ("宿泊者名をスズキ ユウタからスズキ ハルカに", "お名前（フリガナ）：…"), as a kanji name's reading in brackets
  ("佐藤 美咲（サトウ ミサキ）") or as the caller's turn where a name is asked ("お客様：コバヤシ ミホです。"); a surname
  signing ("山田より") or in the agent's label ("担当 中村：…"); the answer "山本です。" with more after it;
- Thai: after a role word ("ผู้รับ วีระพงษ์ ศรีสุข เบอร์ …", "ชื่อบัญชี นาย ธนากร ศรีสุข", "ผู้รับคือคุณมาลัย …"), after
  นาย / นาง / นางสาว / น.ส. written apart ("น.ส. สมศรี ใจดี"; the bare honorific masked before it is dropped), after
  "โอนให้" before a phone's word ("โอนให้สมศรีเบอร์ …"), and answering a line that asks for a name ("ขอชื่อผู้ติดต่อ
  ด้วยค่ะ" → "อรวรรณ สายทอง ค่ะ เบอร์ …").

Never: a name-shaped plain word, firm, place or product (pii_cjk_names' and pii_pronoun_names' word lists: "姓名",
"연락처", "보호자"; a katakana loanword, "カード ローン", "ソフトバンク様"; a shop's character, "中村屋より"; a Thai noun,
"ร้าน", "เงิน", "ไทย"; a Thai ask for a shop's, a product's or a bank's name), a Korean name not opened by a common
surname, a Chinese one not opened by a surname, a Thai word of a request or a particle. Every pattern is anchored at its
cue and bounded; a message is read for at most CAP names, its first 8,000 characters.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from services.adapters.local import pii_cjk_names as _cjk
from services.adapters.local import pii_found, pii_pronoun_names, pii_script_name_cues
from services.adapters.local import pii_script_names as _names
from services.models import PiiSpan

CAP = 12
_SCORE = 0.85
_MAX_TEXT = 8000

_HAN = _cjk._HAN
_KATA = _cjk._KATA
_KO = _cjk._KO
_TH = _cjk._TH
_KO_NAME = rf"[{_cjk._KO_SURNAMES}][{_KO}]{{2}}"  # a surname and a given name of two syllables
_CN_NAME = _cjk._CN_NAME
_CN_SHORT = rf"[{_cjk._CN_SURNAMES}][{_HAN}]{{1,2}}?"  # the shortest name a boundary follows ("王芳" of "王芳吗")

# ---- Korean ---------------------------------------------------------------------------------------------------------
_KO_END = r"(?=입니다|이에요|예요|이고요|이고|이며|이요|인데요|님|씨|으로|에게|한테|께|[ \t]{0,2}(?:[,.)。!]|$|\n|\d))"
_KO_PATTERNS = (
    # a sign-off closing a line: "김민지 드림", "이하은 올림"
    re.compile(rf"(?<![{_KO}])({_KO_NAME})[ \t]{{1,2}}(?:드림|올림|배상)(?=[ \t]{{0,2}}[.!]?[ \t]{{0,2}}(?:\n|$))"),
    # a self-introduction after a greeting or "저는": "안녕하세요 김민지입니다."
    re.compile(rf"(?:안녕하세요|안녕하십니까|(?<![{_KO}])(?:저는|전|저(?=[ \t])))[ \t]{{0,2}}[,.!]?[ \t]{{0,2}}({_KO_NAME})"
               rf"(?=입니다|이에요|예요|인데요|이고요)"),
    # a role word: "피보험자 최윤호,", "받는 사람은 정하늘이에요"
    re.compile(rf"(?<![{_KO}])(?:피보험자|보험계약자|계약자|수익자|환자|예약자|투숙객|탑승객|탑승자|운전자|차주|세대주|"
               rf"받는[ \t]?사람|보내는[ \t]?사람|받으실[ \t]?분|보내시는[ \t]?분|신청인|청구인|고객명|가입자명|대표자|"
               rf"사고자|피해자|가해자|상대방|수취인|수령인|예금주|명의자)(?:명)?(?:은|는|이|가)?[ \t]{{0,2}}:?[ \t]{{0,2}}"
               rf"({_KO_NAME}){_KO_END}"),
    # an agent's speaker label: "상담사 박지훈: …" at a line's start
    re.compile(rf"^[ \t]{{0,4}}(?:상담사|상담원|담당자|매니저|기사님?|직원)[ \t]{{1,2}}({_KO_NAME})[ \t]{{0,2}}[:：]", re.MULTILINE),
    # a booking's or an order's own name: "예약한 이서연인데요", "예약한 윤서아 엄마인데요"
    re.compile(rf"(?:예약한|예약했던|주문한|신청한|접수한|전화드린|연락드린|문의드린)[ \t]{{1,2}}({_KO_NAME})"
               rf"(?=인데요|입니다|이에요|예요|[ \t]{{1,2}}(?:엄마|아빠|보호자|어머니|아버지|남편|아내)(?:인데요|입니다|예요|이에요|[ \t,.]))"),
)
# the answer: the name ending the line, or with its copula and more after ("네 박준호요. 카드 분실했어요")
_KO_ANSWER = re.compile(rf"(?:네|예)?[ \t]{{0,2}},?[ \t]{{0,2}}({_KO_NAME})(?:(?:이요|이에요|예요|입니다|이고요|요)(?=[ \t]{{0,2}}[.!,]|$)|"
                        rf"[ \t]{{0,2}}[.!]?[ \t]{{0,2}}$)")


def _ko_ok(name: str) -> bool:
    return name not in _cjk._KO_PLAIN and name[:2] not in _cjk._KO_PLAIN and name not in pii_script_name_cues._KO_NOT \
        and name not in pii_pronoun_names._KO_WORDS


def _korean(text: str) -> Iterator[tuple[int, int]]:
    for pattern in _KO_PATTERNS:
        for match in itertools.islice(pattern.finditer(text), CAP):
            if _ko_ok(match.group(1)):
                yield match.span(1)


# ---- Chinese --------------------------------------------------------------------------------------------------------
_CN_BOUND = r"(?=[，,。.!！？?、；;\s)）]|$|\d|吗|嗎|呢|唔該|唔该|电话|電話|手机|手機|身份|联系|聯繫|先生|女士|小姐)"
_CN_PATTERNS = (
    # a holder's or a recipient's word: "户名是周建国吗", "户主刘建国，", "机主：王芳"
    re.compile(rf"(?:户名|戶名|户主|戶主|机主|機主|车主|車主|业主|業主|房主|开户人|開戶人|账户名|賬戶名|帐户名|收款人|付款人|"
               rf"寄件人|收货人|收貨人|乘车人|乘車人|乘机人|乘機人|投保人|被保险人|被保險人|受益人|申请人|申請人|患者|病人|"
               rf"住客|入住人|预订人|預訂人|订票人|訂票人|持卡人|收件人|取件人|联系人|聯繫人|聯絡人)(?:姓名)?(?:是|為|为|叫|係)?[:：]?[ \t]{{0,2}}({_CN_SHORT}){_CN_BOUND}"),
    # a self-introduction, Cantonese too: "我個名係陳嘉欣", "我的名字是李娜", "我係陳大文，"
    re.compile(rf"(?:我(?:個|个|嘅|的)名(?:字)?(?:係|系|是|叫)|我叫做|我名叫|本人姓名(?:係|是|为|為)?)[:：]?[ \t]{{0,2}}"
               rf"({_CN_SHORT}){_CN_BOUND}"),
    re.compile(rf"(?:^|(?<=[，,。.!！？?\s]))我(?:係|系)[ \t]{{0,2}}({_CN_NAME})(?=[，,。.!！？?\s]|$)", re.MULTILINE),
    # a letter's sign-off closing a line: "王丽娟敬上", "陈嘉欣 拜上"
    re.compile(rf"(?:^|(?<=[，,。.!！\s]))({_CN_NAME})[ \t　]{{0,2}}(?:拜上|敬上|謹上|谨上|顿首|頓首)"
               rf"(?=[ \t]{{0,2}}[。.!！]?[ \t]{{0,2}}(?:\n|$))", re.MULTILINE),
)
# a nickname after a role or a possessive: "骑手是小张", "你们的小刘", "你叫我小刘就行"
_CN_NICKNAME = re.compile(rf"(?:骑手|騎手|快递员|快遞員|配送员|配送員|送货员|送貨員|司机|司機|店员|店員|业务员|業務員|"
                          rf"客服|工作人员|工作人員|你们的|你們的|叫我|我是|我係)(?:是|係|叫)?([小老][{_cjk._CN_SURNAMES}])"
                          rf"(?=[，,。.!！？?、\s]|$|就|吧|说|說|他|她|的电话|的電話|电话|電話|帮|幫|给|給)")
# an answer to a name question that goes on after a comma with more words ("用户：刘洋，你叫我小刘就行")
_CN_ANSWER = re.compile(rf"({_CN_NAME})[ \t]{{0,2}}[，,][^\n]{{1,80}}$")


# a surname given, then the full name: "免贵姓张，张伟", "姓王，王建军"
_CN_SURNAME_THEN_NAME = re.compile(rf"姓([{_cjk._CN_SURNAMES}])[，,、 \t]{{1,2}}(?:叫)?(\1[{_HAN}]{{1,2}}?)(?=[，,。.!！？?\s]|$|\d)")
# an agent's speaker label: "客服小王：…"
_CN_AGENT_LABEL = re.compile(rf"^[ \t]{{0,4}}(?:客服|专员|專員|坐席|顾问|顧問)([小老][{_cjk._CN_SURNAMES}])[ \t]{{0,2}}[：:]",
                             re.MULTILINE)


def _chinese(text: str) -> Iterator[tuple[int, int]]:
    for pattern in _CN_PATTERNS:
        for match in itertools.islice(pattern.finditer(text), CAP):
            if _cjk._cn_ok(match.group(1)):
                yield match.span(1)
    for match in itertools.islice(_CN_SURNAME_THEN_NAME.finditer(text), CAP):
        if _cjk._cn_ok(match.group(2)):
            yield match.span(2)
    for pattern in (_CN_NICKNAME, _CN_AGENT_LABEL):
        for match in itertools.islice(pattern.finditer(text), CAP):
            yield match.span(1)


# ---- Japanese -------------------------------------------------------------------------------------------------------
_KATA_NAME = rf"[{_KATA}]{{2,10}}[ \t　・][{_KATA}]{{2,10}}"  # a family and a given name in katakana
_JA_READBACK = re.compile(rf"(?<![{_KATA}])({_KATA_NAME})(?![{_KATA}])(?=様|さま|さん)")
_JA_LABELLED = re.compile(rf"(?:[{_HAN}]{{1,4}}者名|名義人?|お名前|名前|氏名|フリガナ)(?:[（(](?:フリガナ|カナ|ふりがな)[）)])?"
                          rf"[ \t]{{0,2}}(?:を|は|が|:|：)[ \t　]{{0,2}}"
                          rf"({_KATA_NAME})(?![{_KATA}])(?:から[ \t　]{{0,2}}({_KATA_NAME})(?![{_KATA}])(?=に|へ))?"
                          rf"(?=から|に|へ|です|様|さん|で|[、。.,\n]|$)")
# a name's reading in brackets right after it: "佐藤 美咲（サトウ ミサキ）"
_JA_READING = re.compile(rf"(?<=[{_cjk._KANJI}])[ \t]?[（(]({_KATA_NAME})[）)]")
_JA_ANSWER = re.compile(rf"({_cjk._JA_NAME})(?=です|と申します)")
_JA_PATTERNS = (
    # a sign-off on a line of its own: "山田より"
    re.compile(rf"^[ \t　]{{0,4}}({_cjk._JA_NAME})[ \t　]{{0,2}}より[ \t　]{{0,2}}$", re.MULTILINE),
    # the agent's speaker label: "担当 佐藤：…"
    re.compile(rf"^[ \t]{{0,4}}(?:担当者?|オペレーター|受付)[ \t　]{{1,2}}({_cjk._JA_SURNAME})[ \t]{{0,2}}[：:]", re.MULTILINE),
    # the caller's turn giving a katakana name: "お客様：コバヤシ ミホです。"
    re.compile(rf"^[ \t]{{0,4}}(?:お客様|お客さま|顧客|患者|利用者|ご本人|相談者)[ \t]{{0,2}}[：:][ \t　]{{0,2}}({_KATA_NAME})"
               rf"(?![{_KATA}])(?=です|と申します)", re.MULTILINE),
)


# loanwords of katakana that two-word product or service names are made of ("カード ローン", "ポイント カード")
_KATA_NOT = frozenset("カード ローン コード センター サービス ポイント バンク モバイル ネット プラン ショップ ストア サポート "
                      "カスタマー オンライン キャンペーン メール アプリ ホテル タクシー クーポン チケット ギフト パス "
                      "ソフト システム デジタル プレミアム ゴールド プラチナ ファミリー ビジネス".split())
_JA_FIRM = re.compile("[屋電機商店堂館社舗園業産株駅店]")
_JA_NAME_ASK = re.compile("フリガナ|カタカナ|名前|氏名|名義")


def _ja_ok(name: str) -> bool:
    return not any(part in _KATA_NOT for part in re.split(r"[ \t　・]", name)) and _JA_FIRM.search(name) is None


def _japanese(text: str) -> Iterator[tuple[int, int]]:
    patterns = _JA_PATTERNS if _JA_NAME_ASK.search(text) else _JA_PATTERNS[:2]  # a katakana turn answers an ask
    for pattern in (_JA_READBACK, _JA_READING, *patterns):
        for match in itertools.islice(pattern.finditer(text), CAP):
            if _ja_ok(match.group(1)):
                yield match.span(1)
    for match in itertools.islice(_JA_LABELLED.finditer(text), CAP):
        for group in (1, 2):
            if match.group(group) and _ja_ok(match.group(group)):
                yield match.span(group)


# ---- Thai -----------------------------------------------------------------------------------------------------------
_TH_HONORIFIC = r"(?:คุณ|นางสาว|นาง|นาย|น\.ส\.|ด\.ช\.|ด\.ญ\.)"
_TH_WORD = rf"[\u0e01-\u0e2e\u0e40-\u0e44][{_TH}]{{1,17}}"
_TH_AFTER = r"(?=[ \t]{0,2}(?:เบอร์|โทร|ค่ะ|ครับ|คะ|นะ|แล้ว|[,.)]|\d|$|\n))"
_TH_GIVEN_END = rf"(?=[ \t]|ค่ะ|ครับ|คะ|นะ|เบอร์|โทร|[^{_TH}]|$)"
_TH_ROLE = re.compile(rf"(?:ผู้รับ|ชื่อผู้รับ|ผู้ส่ง|ชื่อผู้ส่ง|ชื่อบัญชี|เจ้าของบัญชี|ผู้ถือบัตร|ผู้เอาประกัน|ผู้ป่วย|ผู้ติดต่อ|"
                      rf"ผู้โอน|ผู้แจ้ง|คู่กรณี)(?:ชื่อ)?(?:คือ|เป็น)?(?:[ \t]{{1,2}}{_TH_HONORIFIC}[ \t]{{0,2}}|[ \t]{{1,2}}|{_TH_HONORIFIC})"
                      rf"(?P<given>{_TH_WORD}?){_TH_GIVEN_END}(?:[ \t](?P<surname>{_TH_WORD}?){_TH_AFTER})?")
# an honorific written apart from the name: "น.ส. สมศรี ใจดี", "ผมชื่อ นาย ธนากร ศรีสุข"
_TH_TITLED = re.compile(rf"(?<![{_TH}])(?:นางสาว|นาง|นาย|น\.ส\.)[ \t]{{1,2}}(?P<given>{_TH_WORD}?){_TH_GIVEN_END}"
                        rf"(?:[ \t](?P<surname>{_TH_WORD}?){_TH_AFTER})?")
_TH_GLUED = re.compile(rf"(?:โอนให้|ส่งให้|ฝากให้|โอนเงินให้){_TH_HONORIFIC}?(?P<given>{_TH_WORD}?)(?=[ \t]?(?:เบอร์|โทร))")


_TH_NOT_IN_NAME = ("ครับ", "ค่ะ", "คะ", "ขอบคุณ", "สวัสดี", "ด้วย", "หน่อย", "แล้ว", "ไหม", "มั้ย", "เบอร์", "โทร")


# plain words a role's or a transfer's cue is followed by: a shop, money, a parcel, a relative, a staff member, the nation
_TH_NOUNS = ("ร้าน", "บริษัท", "ธนาคาร", "เงิน", "ของ", "พัสดุ", "สินค้า", "ทะเบียน", "ไทย", "เจ้าหน้าที่", "ลูกค้า",
             "พนักงาน", "คนขับ", "ไรเดอร์", "แม่", "พ่อ", "ลูก", "เพื่อน", "แฟน", "สามี", "ภรรยา", "ที่", "ทาง", "ฟ้า",
             "บัญชี", "บัตร", "ผู้", "ตัว", "เอง", "ท่าน")


def _th_ok(word: str, titled: bool) -> bool:
    """A Thai name's word: after an honorific, one no verb or particle opens ("วันเพ็ญ" stands); else pii_cjk_names'
    stricter check; never a plain noun."""
    if word.startswith(_TH_NOUNS):
        return False
    if not titled:
        return _cjk._th_word(word)
    return _names.thai_name_ok(word) and not word.startswith(_names.THAI_STOPS) and \
        not any(p in word for p in _TH_NOT_IN_NAME)


def _thai(text: str) -> Iterator[tuple[int, int]]:
    for pattern in (_TH_ROLE, _TH_TITLED, _TH_GLUED):
        for match in itertools.islice(pattern.finditer(text), CAP):
            titled = pattern is _TH_TITLED
            if not _th_ok(match.group("given"), titled):
                continue
            surname = match.groupdict().get("surname")
            end = match.end("surname") if surname and _th_ok(surname, titled) else match.end("given")
            yield match.start("given"), end


_TH_ANSWER = re.compile(rf"(?:ชื่อ[ \t]?)?(?:{_TH_HONORIFIC}[ \t]?)?(?P<given>{_TH_WORD}?){_TH_GIVEN_END}"
                        rf"(?:[ \t](?P<surname>{_TH_WORD}?){_TH_AFTER})?(?=[ \t]{{0,2}}(?:ค่ะ|ครับ|คะ|นะคะ|นะครับ)?[ \t]{{0,2}}"
                        rf"(?:$|[,.]|เบอร์|โทร|เลข|\d))")


# a Thai line asking for a person's name ("ขอชื่อผู้ติดต่อด้วยค่ะ", "ชื่อ-นามสกุลคะ?"), not a shop's, a product's or a place's
_TH_ASK = re.compile(r"ชื่อ(?!ร้าน|สินค้า|บริษัท|ธนาคาร|แพ็กเกจ|แพ็คเกจ|โปร|รุ่น|แอป|ไฟล์|เมนู|โรงแรม|ถนน|ซอย|หมู่บ้าน|เครือข่าย|"
                     r"ไวไฟ|โครงการ|อาคาร|คอนโด|ยา|โรงพยาบาล|สาขา)[^\n]{0,40}(?:ค่ะ|คะ|ครับ|\?|？)|(?:ขอ|กรุณา|รบกวน)[^\n]{0,10}ชื่อ"
                     r"(?!ร้าน|สินค้า|บริษัท|ธนาคาร|แพ็กเกจ|แพ็คเกจ|โปร|รุ่น|แอป|ไฟล์|เมนู|โรงแรม|ถนน|ซอย|หมู่บ้าน|สาขา)")


def _th_lines_after_asks(text: str) -> Iterator[tuple[int, int]]:
    """The (start, end) of each line, among a text's first 400, after a Thai line asking for a name."""
    at, asked = 0, False
    for line in text.split("\n")[:400]:
        if asked:
            yield at, at + len(line)
        asked = len(line) < 200 and _TH_ASK.search(line) is not None
        at += len(line) + 1


def _th_answer(text: str, at: int, end: int) -> tuple[int, int] | None:
    match = _TH_ANSWER.match(text, at, end)
    if match is None or not _th_ok(match.group("given"), False):
        return None
    surname = match.group("surname")
    return match.start("given"), match.end("surname") if surname and _th_ok(surname, False) else match.end("given")


# ---- answers on the line after a question for a name ----------------------------------------------------------------
def _answers(text: str) -> Iterator[tuple[int, int]]:
    for start, end in pii_script_name_cues.lines_after_name_asks(text, ("お願い",)):
        label = pii_script_name_cues._ANSWER_LABEL.match(text, start, end)
        if label is None or label.end() >= end:
            continue
        at = label.end()
        for pattern, ok in ((_KO_ANSWER, _ko_ok), (_CN_ANSWER, _cjk._cn_ok), (_JA_ANSWER, lambda _: True)):
            found = pattern.match(text, at, end)
            if found and ok(found.group(1).replace(" ", "")):
                yield found.span(1)
                break
    if re.search(f"[{_TH}]", text) is None:
        return
    for start, end in _th_lines_after_asks(text):
        label = pii_script_name_cues._ANSWER_LABEL.match(text, start, end)
        if label is not None and label.end() < end:
            thai = _th_answer(text, label.end(), end)
            if thai:
                yield thai


def _names_of(text: str) -> list[tuple[int, int]]:
    text = text[:_MAX_TEXT]
    if _cjk._SCRIPTS.search(text) is None:
        return []
    found = itertools.chain(_answers(text), _korean(text), _chinese(text), _japanese(text), _thai(text))
    return [(s, e) for _, s, e, _ in pii_found.unique_persons(found, CAP, _SCORE)]


# what a wrong cut holds past the name: a letter's sign-off, a question's particle, an honorific
_PAST_NAME = frozenset("拜上 敬上 謹上 谨上 吗 嗎 呢 より 드림 올림".split()) | _cjk._HONORIFICS
_TH_TITLES = frozenset(("คุณ", "นาย", "นาง", "นางสาว", "น.ส."))


def _gives_way(text: str, span: PiiSpan, start: int, end: int) -> bool:
    if span.kind == "PERSON" and span.start == start and end < span.end:
        return text[end:span.end].strip() in _PAST_NAME
    return _cjk._gives_way(text, span, start, end)


def _bare_title(text: str, span: PiiSpan, found: list[tuple[int, int]]) -> bool:
    """A PERSON span that is only a Thai honorific written before a name found here (the honorific stays outside)."""
    return span.kind == "PERSON" and text[span.start:span.end] in _TH_TITLES and \
        any(0 < start - span.end <= 2 and not text[span.end:start].strip() for start, _ in found)


def with_cjk_person_cues(text: str, spans: list[PiiSpan], keep: list[tuple[int, int]]) -> list[PiiSpan]:
    """The spans with this module's names added where no span covers them and no kept value lies there."""
    found = _names_of(text)
    if not found:
        return spans
    spans = [s for s in spans if not _bare_title(text, s, found)]
    return pii_found.add_back(spans, found, keep, lambda s, a, b: _gives_way(text, s, a, b), _SCORE)
