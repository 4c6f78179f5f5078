"""Names in Chinese, Japanese, Korean and Thai script that the message's own words show to be a person's, without an
English cue (session 42, candidate 42-3).

The finders of these scripts read a name after its label ("姓名：", "お名前は", "이름은", "ชื่อ") or a greeting; a name
answering a question on the next turn with more after it, signing a message, introducing oneself with "です", named
with a nickname or a trade's title, or corrected, was missed: "客服: 收件人姓名和电话？\\n客户: 王晓燕，139 1742 5508",
"お客様：山本 恵子です。", "名義はスズキ ケンジです", "予約番号K7TQ2Mの山本 健太です", "…お願いします。佐藤美咲",
"\\n渡辺 健二\\n03-5412-7780", "唔該 黃嘉欣", "我是客服小刘", "骑手王师傅", "收件人是刘海峰吗？… 不是，是刘海锋",
"写成了李秀英，应该是李秀兰", "명의자는 박서연입니다", "새솔은행 최민호입니다", "ช่วยตรวจสอบด้วยค่ะ สมหญิง".

:func:`with_cjk_names` (run after the PERSON check, as pii_short_names') adds, as a PERSON, where no span covers it:

- the answer, on the line after a line asking for a name ("姓名", "名前", "성함", "이름" and a question or a request,
  pii_script_name_cues' words), after the speaker's label: 2-4 Han characters (one space inside: "山本 恵子"), a
  katakana name of one or two words, or a Hangul name that a common surname opens, ending the line (with "です" /
  "입니다") or before a comma and the caller's other data (a number, a date: "山口健太、昭和六十二年…");
- Chinese (a surname and one or two characters): opening a clause or after "本人", before a comma and a phone or an
  id's number or its word ("抬头写个人：陈晓明，身份证号…"); after a sign-off closing the message ("唔該 黃嘉欣",
  "谢谢，林美玲"); on a line of its own that closes the message or stands above a line with a phone; before 先生 / 女士 /
  小姐 after "是" or a greeting ("请问是陈志强先生吗": the title outside); after a relative's word ("我妈妈李秀英，",
  glued to a verb in three characters: "妈妈韩淑珍改…"); "小" / "老" and a surname after "客服", "我是", "我叫" ("小刘",
  with 小 inside); a surname before 师傅 (the surname only); two names of one surname and one length that differ in one
  character around a correction ("不是", "应该是", "而是", "改成": both);
- Japanese: a common surname (and a given name, glued or after a space; never a station's, a ward's or a shop's word,
  "中野駅") before "です", "でございます", "と申します" opening a clause or after "の" / "は"; or closing the message,
  or on a line of its own, or before "、電話…"; a surname before 様 / さん after a particle ("お電話で中村様": the
  honorific outside); a katakana name after "名義は", "お名前：";
- Korean: a Hangul name that a common surname opens after a holder's or recipient's word ("명의자는", "예금주",
  "받는 분"), a relative's ("남편 조현우의") or an agent's firm ("…은행 최민호입니다");
- Thai: a name closing the message after a polite particle ("…ค่ะ สมหญิง") or after a phone ("… 9963 สุนิสาค่ะ"), and
  the agent's own name before "ให้บริการ" / "รับสาย"; an old or a new name or surname ("ชื่อเดิม คุณสมศรี แก้วมณี",
  "นามสกุลเป็น ศรีสุข"; the honorific outside).

Never: a word of a sentence (a character of pii_script_signatures' function characters, pii_script_name_cues' and
pii_pronoun_names' plain words: "周一", "金额", "谢谢", "明天"), a role ("担当様"), a place, a firm or a product that
starts with a surname's character and no cue around it ("王府井", "高铁", "林业"), a Chinese word ending a message
without a sign-off. Every pattern is anchored and bounded; a message is read for at most CAP names.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from services.adapters.local import pii_found, pii_pronoun_names, pii_script_name_cues
from services.adapters.local import pii_script_names as _names
from services.adapters.local import pii_script_signatures as _signatures
from services.models import PiiSpan

CAP = 16
_SCORE = 0.85
_MAX_TEXT = 8000  # a longer paste is read for its first characters only

_HAN = "\u3400-\u4dbf\u4e00-\u9fff"
_KANJI = "\u3005\u4e00-\u9fff"
_KATA = "\u30a1-\u30fa\u30fc"
_KANA = "\u3041-\u3096" + _KATA
_KO = "\uac00-\ud7a3"
_TH = "\u0e01-\u0e4e"
_SCRIPTS = re.compile(f"[{_HAN}{_KANA}{_KO}{_TH}]")

_CN_SURNAMES = "".join(sorted(_signatures._HAN_SURNAMES))
_KO_SURNAMES = "".join(sorted(pii_pronoun_names._KO_SURNAMES))
# common Japanese surnames of two characters (one character, "林", "森", "原", is a word too often)
_JA_SURNAMES = """佐藤 鈴木 高橋 田中 伊藤 渡辺 渡邊 渡部 山本 中村 小林 加藤 吉田 山田 佐々木 山口 松本 井上 木村 斎藤 斉藤
清水 山崎 池田 橋本 阿部 石川 山下 中島 石井 小川 前田 岡田 長谷川 藤田 後藤 近藤 村上 遠藤 青木 坂本 福田 太田 西村 藤井
金子 岡本 藤原 中野 三浦 原田 中川 松田 竹内 小野 田村 中山 和田 石田 森田 上田 内田 柴田 酒井 宮崎 横山 高木 安藤 宮本
大野 小島 谷口 今井 工藤 高田 増田 丸山 杉山 村田 大塚 新井 小山 平野 藤本 河野 上野 野口 武田 松井 千葉 岩崎 菅原 木下
久保 佐野 野村 松尾 菊地 杉本 市川 古川 大西 島田 水野 桜井 高野 吉川 山内 西田 飯田 菅野 服部 早川 北村 小松 中田 荒木
辻 永井 松浦 望月 吉村 平田 本田 久保田 大橋 小池 浅野 宮田 片山 堀 岩田 安田 川口 山中 沢田 中西 石原 大島 堤 浜田 星野""".split()
_JA_SURNAME = "|".join(sorted((s for s in _JA_SURNAMES if len(s) >= 2), key=len, reverse=True))
# a given name: kanji, not an honorific nor a place's, a shop's or a counter's word ("中野駅", "上野店")
_GIVEN = rf"(?:(?![様殿氏君宛駅区市町村県都府店線口寺宮港園館院社局課部係室便号番])[{_KANJI}]){{1,3}}"
_KANA_GIVEN = rf"(?!さま|さん|くん|ちゃん|です|でし|より|から|まで)[{_KANA}]{{2,6}}"
_JA_NAME = rf"(?:{_JA_SURNAME})(?:{_GIVEN}|[ \t　]{_GIVEN}|[ \t　]{_KANA_GIVEN})?(?![{_KANJI}])"

# characters of sentences that are in no name, and plain words that open with a surname's character
_FUNCTION = _signatures._HAN_FUNCTION | frozenset("吗嗎呢啊吧哦喔呀啦嘛个個为為到去来來从從被把给給让讓对對错錯写寫改换換")
_CN_WORDS = pii_pronoun_names._ZH_WORDS | pii_script_name_cues._HAN_NOT | frozenset(
    "明天 明年 明白 高铁 高鐵 高速 马上 馬上 周末 周日 安排 安装 安裝 方面 方式 温馨 全部 全款 金额 金額 石油 万达 萬達 王府井 "
    "黄金 黃金 白天 包裹 包装 包裝 关于 關於 严重 嚴重 宋体 程序 向日葵 文件 文字 江苏 江蘇 江西 湖南 云南 雲南 华为 華為 "
    "苏州 蘇州 常州 温州 溫州 邢台 吉林 贵州 貴州 海南 上海 尚未 常用 常规 毛巾 祝您 申请 申請 曲线 田园 車位 车位 费用 費用 "
    "路由器 路上 管理 柴油 武汉 武漢 成都 成功 于是 任何 应该 應該 于 付款 付了 余额 餘額 冯 时间 時間 祝好 敬上 敬礼 敬禮 安好 "
    "常联系 常聯繫 顺祝 順祝 祝福 万事 萬事 钱包 錢包 成本 温度 溫度 高兴 高興 严格 嚴格 白色 黄色 黃色 蓝色 藍色".split())
_CN_NAME = rf"[{_CN_SURNAMES}][{_HAN}]{{1,2}}"


def _cn_ok(name: str) -> bool:
    """A Chinese name of two or three characters: a surname first, no function character, no plain word."""
    return (2 <= len(name) <= 3 and name[0] in _signatures._HAN_SURNAMES and not any(c in _FUNCTION for c in name)
            and name not in _CN_WORDS and name[:2] not in _CN_WORDS)


# ---- the answer to a question for a name ------------------------------------------------------------------------------
_ANSWER_HAN = re.compile(rf"[{_HAN}]{{1,3}}[ \t　][{_HAN}]{{1,3}}(?![{_HAN}])|[{_HAN}]{{2,4}}(?![{_HAN}])")
_ANSWER_KATA = re.compile(rf"[{_KATA}]{{2,12}}(?:[ \t　・][{_KATA}]{{1,12}})?(?![{_KATA}])")
_ANSWER_KO = re.compile(rf"([{_KO_SURNAMES}][{_KO}]{{1,2}}?)(?:입니다|이에요|예요|이고요|이고|요)?(?![{_KO}])")
_TAIL = r"(?:です|でございます|と申します|입니다|이에요|예요|이고요)?"
_ANSWER_REST = re.compile(rf"{_TAIL}[ \t]{{0,2}}[。.!！]?[ \t]{{0,2}}$|{_TAIL}[ \t]{{0,2}}[，,、][^\n]{{0,60}}?"
                          rf"(?:\d|[年月日]|電話|电话|手机|手機|身份证|身份證)|[ \t]{{1,2}}\d")


def _answer(text: str, start: int, end: int) -> tuple[int, int] | None:
    label = pii_script_name_cues._ANSWER_LABEL.match(text, start, end)
    at = label.end() if label else start
    if label is None or at >= end:
        return None
    found = _ANSWER_HAN.match(text, at, end) or _ANSWER_KATA.match(text, at, end)
    if found is None:
        ko = _ANSWER_KO.match(text, at, end)
        if ko is None or ko.group(1) in pii_pronoun_names._KO_WORDS or ko.group(1) in pii_script_name_cues._KO_NOT:
            return None
        span = ko.span(1)
    else:
        span = found.span()
        name = found.group()
        if re.match(f"[{_HAN}]", name):
            plain = re.sub(r"[ \t　]", "", name)
            if any(c in _FUNCTION for c in plain) or plain in _CN_WORDS or plain[:2] in _CN_WORDS:
                return None
            if not re.search(f"[{_KANA}]", text) and plain[0] not in _signatures._HAN_SURNAMES:
                return None  # a Chinese answer opens with a surname ("同上" is none)
    rest = text[span[1]:end]
    return span if _ANSWER_REST.match(rest) else None


def _answers(text: str) -> Iterator[tuple[int, int]]:
    for start, end in pii_script_name_cues.lines_after_name_asks(text, ("お願い",)):
        found = _answer(text, start, end)
        if found:
            yield found


# ---- Chinese --------------------------------------------------------------------------------------------------------
_CN_BEFORE_DATA = re.compile(rf"(?:^|(?<=[：:，,。\n])|(?<=本人))({_CN_NAME})(?=[ \t]{{0,2}}[，,、 ][ \t]{{0,2}}"
                             rf"(?:\d[\d \t-]{{5,20}}\d|身份证|身份證|手机|手機|电话|電話|证件|證件))", re.MULTILINE)
_CN_SIGNED = re.compile(rf"(?:唔該|唔该|多謝|多谢|谢谢|謝謝|感谢|感謝)(?:晒|你|您)?[ \t，,。!！]{{0,3}}"
                        rf"({_CN_NAME})[ \t]{{0,2}}[。.!！]?\s{{0,4}}$")
# a name on a line of its own, closing the message or above a line with a number (a letter's signature)
_CN_LINE = re.compile(rf"^[ \t]{{0,4}}({_CN_NAME})[ \t]{{0,4}}(?=\n[^\n]{{0,30}}\d{{3}}[ -]?\d{{4}}|\s{{0,4}}\Z)", re.MULTILINE)
_CN_NICKNAME = re.compile(rf"(?:客服|专员|專員|顾问|顧問|我是|我叫|我係|我系|叫我)([小老][{_CN_SURNAMES}])"
                          rf"(?=[为為请請帮幫给給，,。.！!？?、\s]|$)")
_CN_MASTER = re.compile(rf"([{_CN_SURNAMES}])(?:师傅|師傅)")
_CN_TITLED = re.compile(rf"(?:是|叫|找|请问|請問|你好|您好|，|,|：|:)({_CN_NAME})(?:先生|女士|小姐)")
# a relative named after the relation's word ("我妈妈李秀英，", "帮我老公王建国的…")
_CN_KIN = re.compile(rf"(?:妈妈|媽媽|爸爸|老公|老婆|丈夫|妻子|太太|儿子|兒子|女儿|女兒|母亲|母親|父亲|父親|哥哥|姐姐|弟弟|妹妹|"
                     rf"爷爷|爺爺|奶奶|外婆|外公|婆婆|岳母|岳父)[ \t]?(?:({_CN_NAME})(?=[，,。、的 \t]|$|\d)|"
                     rf"([{_CN_SURNAMES}][{_HAN}]{{2}})(?=[改在说說是要想去来來办辦订訂买買预預挂掛]))")
_CORRECTION = re.compile(r"不是|应该是|應該是|應該係|应是|應是|而是|改成|改为|改為|更正为|更正為|正确的是|正確的是")


def _pair(text: str, at: int) -> Iterator[tuple[int, int]]:
    """Two names of one surname that differ in one character: after a correction word and within 30 characters
    before it."""
    pos = at
    while pos < len(text) and pos - at < 3 and text[pos] in "，, \t是：:":
        pos += 1
    for size in (3, 2):
        second = text[pos:pos + size]
        if len(second) < size or not _cn_ok(second) or re.match(f"[{_HAN}]", text[pos + size:pos + size + 1]) and \
                text[pos + size] not in _FUNCTION:
            continue
        window = text[max(0, at - 30):at]
        for i in range(len(window) - size + 1):
            first = window[i:i + size]
            if first[0] == second[0] and first != second and _cn_ok(first) and \
                    sum(a != b for a, b in zip(first, second, strict=True)) == 1:
                begin = max(0, at - 30) + i
                yield begin, begin + size
                yield pos, pos + size
                return


def _chinese(text: str) -> Iterator[tuple[int, int]]:
    for pattern in (_CN_BEFORE_DATA, _CN_SIGNED, _CN_TITLED, _CN_KIN, _CN_LINE):
        for match in itertools.islice(pattern.finditer(text), CAP):
            group = match.lastindex or 1  # a relative's name glued to a verb has three characters (group 2)
            if _cn_ok(match.group(group)):
                yield match.span(group)
    for match in itertools.islice(_CN_NICKNAME.finditer(text), CAP):
        yield match.span(1)
    for match in itertools.islice(_CN_MASTER.finditer(text), CAP):
        yield match.span(1)
    for match in itertools.islice(_CORRECTION.finditer(text), CAP):
        yield from _pair(text, match.end())


# ---- Japanese -------------------------------------------------------------------------------------------------------
_JA_INTRO = re.compile(rf"(?:^|(?<=[。、\n：:のは]))({_JA_NAME})(?=です|でございます|と申します|といいます|と言います)",
                       re.MULTILINE)
_JA_SIGNED = re.compile(rf"(?:^|(?<=[。\n]))({_JA_NAME})(?=[ \t　]{{0,2}}(?:\n|$)|、[ \t]{{0,2}}(?:電話|TEL|Tel|携帯|連絡先|\d))",
                        re.MULTILINE)
_JA_KATAKANA = re.compile(rf"(?:名義人?|お名前|名前|氏名|契約者名?|フリガナ)[ \t]{{0,2}}[はが:：][ \t　]{{0,2}}"
                          rf"([{_KATA}]{{2,12}}(?:[ \t　・][{_KATA}]{{1,12}})?)(?![{_KATA}])(?=です|様|さん|[、。.,\n]|$)")
_JA_HONORED = re.compile(rf"(?<=[でにはをがともへや])({_JA_SURNAME})(?:様|さま|さん)")


def _japanese(text: str) -> Iterator[tuple[int, int]]:
    # imported here: pii_short_names imports pii_rules, not yet whole when pii_fast imports this module
    from services.adapters.local import pii_short_names

    for pattern in (_JA_INTRO, _JA_SIGNED, _JA_KATAKANA, _JA_HONORED):
        for match in itertools.islice(pattern.finditer(text), CAP):
            if re.split(r"[ \t　]", match.group(1))[0] not in pii_short_names._JA_ROLES:
                yield match.span(1)


# ---- Korean ---------------------------------------------------------------------------------------------------------
_KO_HOLDER = re.compile(rf"(?<![{_KO}])(?:명의자|예금주|수취인|수령인|가입자|계약자|신청자|보호자|주문자|받는[ \t]?분|받으시는[ \t]?분)"
                        rf"(?:는|은|이|가)?[ \t]{{0,2}}:?[ \t]{{0,2}}([{_KO_SURNAMES}][{_KO}]{{1,2}}?)"
                        rf"(?=입니다|이에요|예요|이고|이며|님|씨|[ \t]{{0,2}}(?:[,.)。]|$|\n))")
_KO_KIN = re.compile(rf"(?<![{_KO}])(?:남편|아내|와이프|어머니|아버지|엄마|아빠|아들|딸|동생|누나|언니|오빠|할머니|할아버지)"
                     rf"[ \t]{{1,2}}([{_KO_SURNAMES}][{_KO}]{{2}})(?=[ \t]{{0,2}}(?:[,.(]|$|\d)|씨|님|의[ \t])")
_KO_PLAIN = pii_pronoun_names._KO_WORDS | frozenset("연락처 연락 주소 정보 이름 성함 전화 번호 명의 변경 본인 확인 "
                                                      "계좌 카드 신분증 생년월일 인증 요청".split())
_KO_AGENT = re.compile(rf"(?:은행|카드|보험|생명|화재|증권|통신|텔레콤|모바일|센터|택배|마트|쇼핑|항공|캐피탈|상담원|상담사|담당자)"
                       rf"[ \t]{{1,2}}([{_KO_SURNAMES}][{_KO}]{{2}})(?=입니다|이에요|예요)")


def _korean(text: str) -> Iterator[tuple[int, int]]:
    for pattern in (_KO_HOLDER, _KO_KIN, _KO_AGENT):
        for match in itertools.islice(pattern.finditer(text), CAP):
            name = match.group(1)
            if name not in _KO_PLAIN and name[:2] not in _KO_PLAIN and name not in pii_script_name_cues._KO_NOT:
                yield match.span(1)


# ---- Thai -----------------------------------------------------------------------------------------------------------
_TH_NAME = rf"[\u0e01-\u0e2e\u0e40-\u0e44][{_TH}]{{1,14}}?"
_TH_PARTICLE = r"(?:ค่ะ|ครับ|คะ|นะคะ|นะครับ)"
_TH_SIGNED = re.compile(rf"{_TH_PARTICLE}[ \t]{{1,2}}({_TH_NAME})[ \t]{{0,2}}[.!]?[ \t]{{0,2}}$")
_TH_AFTER_PHONE = re.compile(rf"\d{{3}}[ -]?\d{{4}}[ \t]{{1,2}}({_TH_NAME}){_TH_PARTICLE}[ \t]{{0,2}}$")
# a name changed: the old or the new name ("ชื่อเดิม คุณสมศรี แก้วมณี"), the new surname ("นามสกุลเป็น ศรีสุข")
_TH_CHANGED = re.compile(rf"(?:ชื่อ(?:เดิม|ใหม่)|ชื่อ-?นามสกุล(?:เดิม|ใหม่)|(?:เปลี่ยน)?ชื่อเป็น)[ \t]{{0,2}}:?[ \t]{{0,2}}"
                         rf"(?:คุณ|นางสาว|นาง|นาย)?(?P<given>[{_TH}]{{2,18}})(?:[ \t](?P<surname>[{_TH}]{{2,18}}))?"
                         rf"|(?:นามสกุล(?:เดิม|ใหม่)?(?:เป็น)?)[ \t]{{0,2}}:?[ \t]{{0,2}}(?P<family>[{_TH}]{{2,18}})(?=[ \t]|$)")
_TH_AGENT = re.compile(rf"{_TH_PARTICLE}[ \t]{{1,2}}({_TH_NAME})(?:ยินดีให้บริการ|ให้บริการ|รับสาย)")


def _thai(text: str) -> Iterator[tuple[int, int]]:
    for pattern in (_TH_SIGNED, _TH_AFTER_PHONE, _TH_AGENT):
        for match in itertools.islice(pattern.finditer(text), CAP):
            if _th_word(match.group(1)):
                yield match.span(1)


def _thai_changed(text: str) -> Iterator[tuple[int, int]]:
    for match in itertools.islice(_TH_CHANGED.finditer(text), CAP):
        if match.group("family"):
            if _th_word(match.group("family")):
                yield match.span("family")
            continue
        if not _th_word(match.group("given")):
            continue
        end = match.end("surname") if match.group("surname") and _th_word(match.group("surname")) else match.end("given")
        yield match.start("given"), end


# words that close a Thai request and are no name ("ด่วนค่ะ": urgently)
_TH_PLAIN = ("ด่วน", "ด้วย", "เลย", "แล้ว", "ก่อน", "หน่อย", "นะ", "เท่านั้น", "ทุก", "วัน", "บาท", "นาที", "ชั่วโมง",
             "เดือน", "ปี", "ครั้ง", "เปลี่ยน", "หลัง", "ผิด", "ถูก", "ใหม่", "เดิม", "ค่ะ", "ครับ")


_TH_REQUESTS = ("รบกวน", "ช่วย", "ขอ", "โปรด", "กรุณา", "ติดต่อ", "รอ")


def _th_word(word: str) -> bool:
    return _names.thai_name_ok(word) and not word.startswith(_names.THAI_STOPS + _TH_PLAIN + _TH_REQUESTS) and \
        not any(p in word for p in ("ครับ", "ค่ะ", "คะ", "ขอบคุณ", "สวัสดี", "ด้วย", "หน่อย", "แล้ว", "ไหม", "มั้ย"))


def _names_of(text: str) -> list[tuple[int, int]]:
    text = text[:_MAX_TEXT]
    if _SCRIPTS.search(text) is None:
        return []
    found = itertools.chain(_answers(text), _chinese(text), _japanese(text), _korean(text), _thai(text),
                            _thai_changed(text))
    return [(s, e) for _, s, e, _ in pii_found.unique_persons(found, CAP, _SCORE)]


_HONORIFICS = frozenset("师傅 師傅 先生 女士 小姐 太太 様 さん さま 씨 님 고객님".split())


def _gives_way(text: str, span: PiiSpan, start: int, end: int) -> bool:
    """A PERSON span inside the name, over part of it and more (a wrong cut), or the name and its honorific ("王师傅")
    gives way; one holding it and more words stands."""
    if span.kind != "PERSON":
        return False
    if not (span.start <= start and end <= span.end):
        return True
    rest = (text[span.start:start] + text[end:span.end]).strip()
    return span.start == start and rest in _HONORIFICS


def with_cjk_names(text: str, spans: list[PiiSpan], keep: list[tuple[int, int]]) -> list[PiiSpan]:
    """The spans with the names of this module added where no span covers them and no kept value lies there."""
    found = _names_of(text)
    return pii_found.add_back(spans, found, keep, lambda s, a, b: _gives_way(text, s, a, b), _SCORE) if found else spans
