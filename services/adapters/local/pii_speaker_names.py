"""Names in the speaker labels of call and chat transcripts, in any script (session 45, candidate 45-4).

pii_agent_intros reads a capitalised name after an answering role in a label ("Konsultant Ola:"); a name in a label
of an uncased script, in brackets, glued to a CJK role, before the firm in brackets, or alone as one side's label
was missed, at every turn: "ወኪል ሐና:", "پشتیبان نگار:", "נציגה מיכל:", "상담원 김지은:", "एजेंट (नेहा):",
"オペレーター（佐藤）：", "客服小美：", "職員陳小姐：", "ريم (مصرف الواحة):", "Mercy (Equity Bank):", "Callum (Agent):",
and "ريم: …" / "العميل: …", "Yaw: …" / "Support: …".

:func:`with_speaker_names` (run after the PERSON check, as pii_agent_intros') reads the labels that open the lines of
a message (a time stamp before them, a colon or a full-width colon after them) and adds, as a PERSON, where no span
covers it, every occurrence in the message of the name that a label shows:

- after a role word ("agent", "operadora", "ወኪል", "پشتیبان", "נציגה", "상담원", "เจ้าหน้าที่", "CSKH" …), one or two
  words, or, in Chinese, Japanese and Thai, glued to it ("客服小美", "オペレーター鈴木", "พนักงานวิทยา"; an honorific
  after a Chinese surname stays outside: "陳小姐");
- in brackets after a role word ("Agent (Marta):", "एजेंट (नेहा):", "オペレーター（佐藤）："); after a team's word
  ("Customer Care (Airtel)", "Support (Vodafone)") only a given name we know;
- one or two words before a firm or a role in brackets ("ريم (مصرف الواحة):", "Callum (Agent):");
- alone, as the label of one side of a two-party transcript whose other side's label is a role (its turns taking
  turns with the role's), where the message shows it a name: another label names it ("ريم (مصرف الواحة):" … "ريم:"),
  or (Latin, Cyrillic, Greek) it is a given name we know or the other side says it ("Yaw:" / "Support: Sorry Yaw",
  "noor:" / "me:"); a word of another script alone may be a role we do not list ("مشترک:", "坐席："), and stays.

Never a role, a team, a bot or a firm: a word of the role lists (pii_agent_intros', pii_answering's and the words
below), of the detector's common words, greetings and trade words, a brand we know, a CamelCase or an acronym's word,
a word with a digit, a lower-case Latin, Cyrillic or Greek word that is not a given name we know, a word the message
also writes in lower case (but after a greeting: "hi mercy"), a head before a bot's word or a number in brackets
("Sam (bot):", "坐席（工号1023）："), or a word starting with the Arabic article ("الشركة"); a mail's or a form's field
("Subject:", "Name:", "Status:" beside "Customer:": no two-party turn-taking). Other occurrences are taken whole-word
(a Han or kana name not inside a longer Han run). Every pattern is anchored and bounded; at most :data:`_MAX_LINES`
lines and :data:`CAP` names a message.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator

from services.adapters.local import pii_agent_intros, pii_answering, pii_found, pii_rules
from services.models import PiiSpan

CAP = 24
_SCORE = 0.86
_MAX_LINES = 400
_MAX_TEXT = 8000  # a longer paste is read for its first characters only

# a speaker label opening a line: time stamp, head, a bracket, the colon (then a space, the line's end or full width)
_LABEL = re.compile(r"[ \t]{0,4}(?:\[[^\]\n]{1,24}\][ \t]{0,2})?([^\s:：()（）\[\]][^\n:：()（）\[\]]{0,39})"
                    r"(?:[(（]([^()（）\n:：]{1,30})[)）][ \t]{0,2})?(?::(?=[ \t\n]|$)|：)")

# role words of the scripts and languages pii_agent_intros' and pii_answering's lists miss, and the calling side's
_MORE_ROLES = frozenset("""
ወኪል ደንበኛ ተወካይ مشتری پشتیبان کارشناس اپراتور صارف نمائندہ گاہک کسٹمر مسافر العميل عميل الموظف الموظفة موظف موظفة
الوكيل وكيل ممثل الممثل خدمة ग्राहक एजेंट एजेन्ट प्रतिनिधि ऑपरेटर গ্রাহক এজেন্ট প্রতিনিধি வாடிக்கையாளர் ஏஜென்ட் முகவர்
ลูกค้า แอดมิน เจ้าหน้าที่ พนักงาน נציג נציגה לקוח לקוחה מוקדן מוקדנית клиент клиентка клієнт клієнтка оператор
операторка консультант менеджер специалист πελάτης εκπρόσωπος υπάλληλος 상담원 상담사 고객 담당자 직원 상담원님
オペレーター お客様 お客さま 担当 担当者 フロント スタッフ 店員 客服 买家 買家 卖家 賣家 客户 客戶 客人 职员 職員 工作人员 工作人員
客服专员 客服專員 cskh cs csr pelanggan mijoz operator agent khách hàng tổng đài viên nhân viên admin host
用户 用戶 使用者 顾客 顧客 penumpang müştəri seller vendedor vendedora verkäufer spieler player socio socia adhérent
adhérente membre mitglied abonné abonnée huésped gast passagier entregador entregadora repartidor repartidora
courier kurier livreur fahrer rider driver ana ani yo ich moi я אני أنا انا
""".split())
# a bot's word in a label's brackets ("Sam (bot)", "Maya (virtual assistant)"): the head is the bot's name
_BOT = re.compile(r"(?i:bot|chatbot|assistant|assistente|asistente|assistent|virtual|ai|ia|ivr|auto|automated|"
                  r"ассистент|бот|机器人|機器人|ボット|봇|챗봇|بوت|روبوت|בוט)(?![\w])")
_TEAM = frozenset("""support customer care service services team helpdesk help desk centre center hotline cs cskh
bot ivr system assistant virtual chatbot automated auto""".split())
# a CJK role a name is glued to ("客服小美", "オペレーター鈴木", "担当山本", "職員陳小姐"), and Thai ("พนักงานวิทยา")
_GLUED = re.compile(r"(客服专员|客服專員|客服|工作人员|工作人員|职员|職員|オペレーター|担当者|担当|フロント|スタッフ|"
                    r"เจ้าหน้าที่|พนักงาน|แอดมิน)[ \t]{0,2}")
_CJK = "\u3400-\u9fff\u3040-\u30ff\uac00-\ud7af\u0e00-\u0e7f"
_CJK_NAME = re.compile(rf"[{_CJK}]{{1,20}}")
_HONORIFIC = re.compile(r"(?:小姐|先生|女士|さん|様|さま|님|씨|คุณ)$")
_L = pii_agent_intros._L  # a letter, with the vowel signs of the Indic, Thai and Arabic scripts
_WORD = re.compile(_L + r"{1,30}(?:['’.-]" + _L + r"{1,20})?")
_GREETED = re.compile(r"(?i:hi|hello|hey|thanks|thank[ \t]you|dear|sorry|asante|hola|gracias|merci|danke|ciao|oi|"
                      r"obrigad[oa]|salam|ok|okay)[ \t,]{1,2}$")
_FIELD_WORDS = re.compile(r"(?i:name|to|from|re|cc|subject)[ \t]{0,2}[,/&]")  # "Name, Vorname", "Name/Surname"
# a label's words that are a form's or a mail's fields, not a speaker ("Status: open" under "Customer: …")
_FIELDS = frozenset("""status reason total date time order ref reference amount price tracking account balance
item items product quantity qty result outcome type category priority issue problem topic resolution action""".split())


@functools.cache
def _roles() -> re.Pattern[str]:
    return re.compile(r"(?i:" + pii_agent_intros._ROLES + r")")


def _is_role(phrase: str) -> bool:
    """A speaker's role, a team or a bot ("agent", "ወኪል", "客服", "customer care", "support bot")."""
    low = " ".join(phrase.lower().split())
    return not _is_field(low) and (low in _MORE_ROLES or low in pii_answering._NOT_ANSWERING or low in _TEAM
                                   or _roles().fullmatch(low) is not None)


def _is_field(phrase: str) -> bool:
    """A mail's or a form's field ("From", "Subject", "Name", "Status"): no speaker."""
    low = " ".join(phrase.lower().split())
    return low in pii_answering._NOT_ANSWERING_HEADS or low in _FIELDS


def _cased(word: str) -> bool:
    return word.lower() != word.upper()


def _name_word(word: str, text: str) -> bool:
    """Whether one word of a label may be a person's name (not a role, a common word, a brand, an acronym)."""
    low = word.lower()
    if _is_role(word) or _is_field(word) or low in pii_agent_intros._common() or low in pii_agent_intros._brands():
        return False
    if any(c.isdigit() for c in word) or not word[:1].isalpha() or len(word) < 2 and _cased(word):
        return False
    if word.startswith("ال") and len(word) > 4:
        return False  # "الشركة", "الدعم": the Arabic article opens a firm's or a team's word, rarely a given name
    if not _cased(word):
        return True
    if word.isupper() and len(word) <= 4:
        return False  # "CS", "BDO": an acronym
    if any(c.isupper() for c in word[1:]) and not word.isupper():
        return False  # "DriveAway", "PetSicura": a business's CamelCase
    if not word[:1].isupper():
        return low in pii_rules.GIVEN_NAMES
    # "Status" … "status": a word; "hi mercy" greets a name
    return all(_GREETED.search(text, max(0, at - 14), at) for at in _lower_words(text).get(low, ())[:8])


@functools.lru_cache(maxsize=8)
def _lower_words(text: str) -> dict[str, list[int]]:
    """Where the message writes each of its lower-case words (read once a message)."""
    found: dict[str, list[int]] = {}
    for m in _WORD.finditer(text):
        if m.group(0).islower():
            found.setdefault(m.group(0), []).append(m.start())
    return found


def _name_words(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of one or two name words filling text[start:end] (spaces around allowed), else None."""
    words = list(_WORD.finditer(text, start, end))
    if not 1 <= len(words) <= 2 or text[start:end].strip() != text[words[0].start():words[-1].end()]:
        return None
    if len(words) == 2 and text[words[0].end():words[1].start()].strip():
        return None
    if not all(_name_word(w.group(0), text) for w in words):
        return None
    return words[0].start(), words[-1].end()


def _glued_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A CJK or Thai name glued to its role ("客服小美", "職員陳小姐"), its honorific outside."""
    role = _GLUED.match(text, start, end)
    if not role or role.end() >= end:
        return None
    name = _CJK_NAME.fullmatch(text, role.end(), end)
    if not name:
        return None
    value = name.group(0)
    honorific = _HONORIFIC.search(value)
    cut = name.end() - (len(honorific.group(0)) if honorific and honorific.start() > 0 else 0)
    value = text[name.start():cut]
    thai = "\u0e00" <= value[:1] <= "\u0e7f"
    if _is_role(value) or len(value) > (20 if thai else 4) or value.lower() in pii_agent_intros._common():
        return None
    return name.start(), cut


def _role_then_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """"Agent Farhan", "ወኪል ሐና", "CSKH Minh Thư", "客服小美": a role's words, then the name."""
    words = list(_WORD.finditer(text, start, end))
    for k in range(min(len(words) - 1, 3), 0, -1):
        if _is_role(" ".join(w.group(0) for w in words[:k])):
            return _name_words(text, words[k].start(), end)
    return _glued_name(text, start, end)


def _label_names(text: str) -> Iterator[tuple[str, int, int]]:
    """Each label's (side, start, end): side "role" with the name in it (start < end), "role" alone (start == end),
    "bare" for a label that is one or two words and no role (its span), "other" for any other label."""
    pos = 0
    for _ in range(_MAX_LINES):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        m = _LABEL.match(text, pos, end)
        if m:
            hs, he = m.span(1)
            while he > hs and text[he - 1] in " \t":
                he -= 1
            head = text[hs:he]
            if _is_field(head) or _FIELD_WORDS.match(head):
                yield "other", hs, hs
            elif m.group(2) is not None:
                yield _bracketed(text, hs, he, m.start(2), m.end(2))
            elif _is_role(head):
                yield "role", hs, hs
            else:
                named = _role_then_name(text, hs, he)
                if named:
                    yield "role", named[0], named[1]
                else:
                    bare = _name_words(text, hs, he)
                    yield ("bare", *bare) if bare else ("other", hs, hs)
        if end >= len(text):
            break
        pos = end + 1


def _bracketed(text: str, hs: int, he: int, bs: int, be: int) -> tuple[str, int, int]:
    """A label with brackets: "Agent (Marta)" (a role, the name inside), "Mercy (Equity Bank)" (the name, the firm)."""
    head = text[hs:he]
    while bs < be and text[bs] in " \t":
        bs += 1
    while be > bs and text[be - 1] in " \t":
        be -= 1
    if _BOT.search(text, bs, be) or any(c.isdigit() for c in text[bs:be]):
        return ("role" if _is_role(head) else "other"), hs, hs  # "Sam (bot)": a bot's name; "坐席（工号8067）"
    if _is_role(head):
        name = _name_words(text, bs, be)
        if name is None:
            return "role", hs, hs
        team = " ".join(head.lower().split()) in _TEAM or any(w in _TEAM for w in head.lower().split())
        if team and _cased(head) and text[name[0]:name[1]].split()[0].lower() not in pii_rules.GIVEN_NAMES:
            return "role", hs, hs  # "Customer Care (Airtel)": a team and its firm
        return "role", name[0], name[1]
    named = _role_then_name(text, hs, he)
    if named:
        return "role", named[0], named[1]  # "Agente Nerea (Movistella)"
    name = _name_words(text, hs, he)
    inside = _name_words(text, bs, be)
    if inside and _given(text[inside[0]:inside[1]]) and not (name and _given(text[name[0]:name[1]])):
        return "named", inside[0], inside[1]  # "Paketblitz (Mehmet)", "Entregador (Diego)": the firm, then the name
    return ("named", *name) if name else ("other", hs, hs)


def _given(value: str) -> bool:
    return value.split()[0].lower() in pii_rules.GIVEN_NAMES


def _names_of(text: str) -> list[tuple[int, int]]:
    labels = list(_label_names(text))
    names = [(s, e) for side, s, e in labels if side == "role" and s < e]
    if any(side == "role" for side, _, _ in labels):  # a name before a firm in brackets, in a transcript
        names += [(s, e) for side, s, e in labels if side == "named"]
    bare = {text[s:e] for side, s, e in labels if side == "bare"}
    roles = [side != "bare" for side, _, _ in labels if side != "other"]
    if len(bare) == 1 and not any(side == "other" for side, _, _ in labels) \
            and sum(a != b for a, b in itertools.pairwise(roles)) >= 1:
        value = next(iter(bare))  # two sides taking turns; a field's value under a name's label is no turn
        said = sum(1 for _ in _again(text, [(s, e) for side, s, e in labels if side == "bare"][:1])) > roles.count(False)
        # a name another label shows ("ريم (مصرف الواحة):" … "ريم:"), or (Latin, Cyrillic, Greek) a given name we know
        # or one the other side says ("Support: Sorry Yaw"); a word of another script alone may be a role ("مشترک:")
        if value in {text[s:e] for s, e in names} or _cased(value) and (_given(value) or said):
            names += [(s, e) for side, s, e in labels if side == "bare"]
    return names


def _again(text: str, names: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Every other place the message writes a name a label shows, whole-word (a Han or kana name: not inside a longer
    Han run)."""
    for value in dict.fromkeys(text[s:e] for s, e in names):
        if re.fullmatch(r"[\u3400-\u9fff]{1,4}", value):
            pattern = rf"(?<![\u3400-\u9fff]){re.escape(value)}(?![\u3400-\u9fff])"
        else:
            pattern = rf"(?<!{_L}|['’-]){re.escape(value)}(?!{_L}|['’-])"
        for match in itertools.islice(re.finditer(pattern, text), 12):
            yield match.span()


def _gives_way(text: str, span: PiiSpan, start: int, end: int) -> bool:
    """A PERSON span inside the name or over part of it gives way, and so does one holding the name with nothing but
    role words, brackets and punctuation besides ("Agent Farhan", "ወኪል ሐና"), and an address without a digit."""
    if span.kind == "ADDRESS":
        return not any(c.isdigit() for c in text[span.start:span.end])
    if span.kind != "PERSON":
        return False
    if not (span.start <= start and end <= span.end):
        return True
    rest = _WORD.findall(text[span.start:start] + " " + text[end:span.end])
    return all(_is_role(w) for w in rest)


def with_speaker_names(text: str, spans: list[PiiSpan], keep: list[tuple[int, int]]) -> list[PiiSpan]:
    """The spans with the names the transcript's speaker labels show added, at every occurrence, where no span covers
    them and no kept value lies there."""
    if ":" not in text and "：" not in text:
        return spans
    text = text[:_MAX_TEXT]
    names = _names_of(text)
    if not names:
        return spans
    found = [(s, e) for _, s, e, _ in pii_found.unique_persons(itertools.chain(names, _again(text, names)), CAP,
                                                                _SCORE)]
    return pii_found.add_back(spans, found, keep, lambda s, a, b: _gives_way(text, s, a, b), _SCORE)
