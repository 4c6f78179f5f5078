"""Initialled names, names spelled with hyphens, Filipino "Ma." names, Japanese and Thai names, and short first names
after "hi, it's" (session 39, candidate 39-9; issue 21).

The NER and the name finders read "Given Surname"; the learned PERSON check (pii_person_check) drops a short or
foreign word it has not learned as a name. Missed were: a surname after an initial ("Gruß U. Baumann", "Firma: I.
Aldecoa", "Kontoinhaber M. Brandt", "i. A. K. Roth", "for a J. Okafor at 5 Mill Lane", "P.J. van der Heijden"), a
name spelled with hyphens ("is that n-g-o-z-i?", "K-O-W-A-L-S-K-I"), a Filipino "Ma." name ("Ma. Kristine Joy dela
Cruz"), a Japanese surname before 様 / さん / 氏 or after a name's label ("ありがとうございます、山本様", "氏名：山本 花子"),
a Thai name after คุณ or ชื่อ ("คุณวิภาวรรณค่ะ", "คู่กรณีชื่อสมชาย ใจดี"), a writer's first name right after "hi,
it's" at the message's start ("hi its cormac", "Hi it's Min-jun again"), and a short first name or nickname the
given-name list leaves out (they are words too: "Rob", "Dean", "Bella", "Mo") greeted at the message's start ("Hi
Bella, ta for …"), closing it after a sign-off ("cheers Dean", "Regards,\nMark"), or alone on a line above a forwarded
or quoted message ("\n\nMo\nSent from my iPhone", "\n\nRob\n\n---------- Forwarded message").

:func:`with_short_names` (run after the PERSON check, as pii_name_shapes') adds them as PERSON spans where no span
covers them and no kept value lies there (PERSON spans inside one are replaced). It never takes:

- an initial ending a sentence before a capitalised word ("size M. Obrigada", "Zone K. Please", "NI … 27 B. Also",
  "Hall C. Please"): the word before the initial is no number and no capitalised word but a greeting's, a sign-off's,
  a title's or a holder's; the surname is no word of the plain-word, place, firm, brand or department lists; a
  surname a lower-case word follows needs a cue before the initial ("with", "for a", "to", "name", a colon); French
  "M." and Portuguese or Spanish "D." (titles) in those languages, "i. A." (German "im Auftrag"), a firm's name
  ("J. Pickering & Son", "R. Okonjo Plumbing"), an initial a capitalised word follows ("B. Camille Bonnet");
- letters spelling an e-mail's part ("k-o-f-i dot b-a-d-u at …") or a street ("c-r-o-f-t" of "croft lane");
- Japanese role words (お客様, 皆様, 店員さん, 担当者様, 氏名); Thai คุณ meaning "you" or in ขอบคุณ / ของคุณ / คุณภาพ;
- "hi it's me", "hi its about my order": a plain word after "it's"; "Hi Team,", "Thanks, Team", "Love, Mum": a team's,
  a kin or a common word (pii_signoff_names' list) is no short name.

Every pattern is anchored and bounded (linear); a message is read for at most CAP names.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from services.adapters.local import pii_found, pii_given_names, pii_name_shapes, pii_rules, pii_signoff_names
from services.models import PiiSpan

CAP = 16
_SCORE = 0.85
_MAX_TEXT = 20000

# ---- an initial and a surname ---------------------------------------------------------------------------------------
_LOW = "a-zß-öø-ÿā-ž"
_CAP = rf"[A-ZÀ-ÖØ-ÞĀ-Ž][{_LOW}'’]{{1,24}}"
_PARTICLE = r"(?:van[ \t]der|van[ \t]den|van[ \t]de|van|von|de|del|della|di|da|du|le|la|ter|ten|dela|mac|mc|o')"
_INITIALLED = re.compile(
    rf"(?<![\w.'’&@/-])(?<![Ii]\.[ \t])(?P<initials>[A-Z]\.(?:[ \t]?[A-Z]\.){{0,2}})[ \t]?"
    rf"(?P<surname>(?:{_PARTICLE}[ \t])?{_CAP}(?:-{_CAP})?)(?![\w'’-]|\.\w)")
_NUMBER_BEFORE = re.compile(r"(?:\d|\d[ºª°]|\d\.[ºª]|\d\.{1,2})[ \t]{0,2}$|(?<![\w])[A-Z]{1,2}[ \t]{1,2}$")
_WORD_BEFORE = re.compile(r"([A-Za-zÀ-ÖØ-öø-ÿĀ-ž]{1,30})([.,:;!?\"“'’(\-–—]?)[ \t]{0,2}$")
# capitalised words that may stand right before an initial: greetings, sign-offs, titles, a holder's or a field's words
_CAPITAL_CUES = frozenset("""dear hi hello hey thanks thank cheers regards best gruß gruss grüße grüsse mfg lg vg
kontoinhaber kontoinhaberin inhaber inhaberin empfänger begünstigter name naam nome nom nombre nazwisko signed
approved firma signature unterschrift handtekening semnătura podpis mr mrs ms miss mx dr drs dhr mevr herr frau sig
sra pan pani payee holder attn attention c/o groeten hoogachtend pozdrawiam saludos cordialement salutations""".split())
# words right before an initial whose surname a lower-case word follows ("with A. Nolan sewn inside")
_CUE_BEFORE = re.compile(
    r"(?i)(?:(?<![\w'’])(?:with|for[ \t]a|for|to|from|by|says|said|named|name|signed|payee|holder|inhaber(?:in)?|"
    r"tag|on[ \t]it|account|card)|[:\"“(])[ \t]{0,2}$")
_CODE_AFTER = re.compile(r"[ \t]{0,2}:|[ \t]{1,2}(?:[A-Z]{1,4}[-\d]|\d{1,4}(?![\d \t./-]{0,2}\d))")
_FIRM_INITIALS = frozenset("cp po sa bv nv ag kg se sl ab as oy cv pt".split())
# places written as initials ("L.A. Unified", "D.C. Water", "N.Y. Giants"): no one's initials before a surname
_PLACE_INITIALS = frozenset("la dc ny nyc uk us usa eu uae sf nz".split())
# lower-case words that name a school, a street or a square after them ("scuola primaria G. Rodari", "Rua D. Maria")
_PLACE_BEFORE = re.compile(r"(?i)(?<![\w'’])(?:scuola|primaria|secondaria|istituto|liceo|escola|escolas|escuela|colegio|"
                           r"school|college|via|viale|piazza|corso|rua|calle|avenida|plaza|largo|praça|travessa|ulica|"
                           r"ul\.|al\.|infante|infanta|agrupamento|residence|hall|zone|band|block|bloco|blok|scala)"
                           r"[ \t]{1,2}$")
_LOWER_AFTER = re.compile(rf"[ \t]{{1,2}}[{_LOW}]")
_CAPITAL_AFTER = re.compile(r"[ \t]{1,2}[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]")
_FRENCH = re.compile(r"(?i)(?<![\w'’])(?:bonjour|madame|monsieur|je|vous|nous|est|les|une|merci|des|du|au)(?![\w'’])")
_IBERIAN = re.compile(r"(?i)(?<![\w'’])(?:que|não|nao|para|com|uma|del|los|las|el|por|sra|dona|señora|senhora|obrigad[oa]|"
                      r"gracias|rua|calle|avenida|infante|escolas|de|bom|dia|vossa|nosso|minha|meu|está|foi|ontem|hoje|"
                      r"usted|buenos|hola)(?![\w'’])")


def _plain(word: str) -> bool:
    bare = word.strip(".,'’-").lower()
    return bare in pii_name_shapes._plain() or bare in pii_name_shapes._DATE_WORDS


# the second part of a degree's abbreviation after its initial (B.Tech, M.Sc, B.Com, M.Ed, B.Pharm, M.Phil, B.Arch)
_DEGREE_WORDS = frozenset("""tech sc com ed eng arch pharm phil des voc lib mus litt math stat plan""".split())


def _initialled(text: str) -> Iterator[tuple[int, int]]:
    french = iberian = None
    for n, match in enumerate(_INITIALLED.finditer(text)):
        if n >= 4 * CAP:
            break
        start, end = match.span()
        surname = match.group("surname")
        last = re.split(r"[ \t]", surname)[-1]
        if last.lower() in _DEGREE_WORDS and len(match.group("initials")) == 2:
            continue  # "fee for B.Tech CSE", "an M.Sc in Data Science", "B. Com": a degree
        if any(_plain(w) for w in last.split("-")) or _CAPITAL_AFTER.match(text, end) or (
                pii_given_names.firm_after(text, end)) or text[end:end + 1] == "&":
            continue
        if _CODE_AFTER.match(text, end) or match.group("initials").replace(".", "").replace(" ", "").lower() in (
                _FIRM_INITIALS | _PLACE_INITIALS):
            continue  # "bâtiment B. Contrat BX-7741", "talla M. Envío: Calle 5", "C.P. Velázquez 44"
        before = text[max(0, start - 40):start]
        if _NUMBER_BEFORE.search(before) or _PLACE_BEFORE.search(before):
            continue  # "JT 48 91 27 B. Also", "do 5.º B. Queria"
        word = _WORD_BEFORE.search(before)
        if word and word.group(1)[0].isupper() and not word.group(2) and (
                word.group(1).lower() not in _CAPITAL_CUES) and not before.rstrip(" \t").endswith("\n"):
            continue  # "Zone K. Please", "Brandon T. Can", "Infante D. Henrique"
        if _LOWER_AFTER.match(text, end) and not _CUE_BEFORE.search(before):
            continue  # "przyszło S. Jak zrobić": a sentence's first word after a size, a class
        initial = match.group("initials")[0]
        if initial == "M" and len(match.group("initials")) == 2:
            french = len(_FRENCH.findall(text[:4000])) >= 2 if french is None else french
            iberian = len(_IBERIAN.findall(text[:4000])) >= 2 if iberian is None else iberian
            if french or iberian:
                continue  # "M. Schaller": Monsieur; "talla M.": a size
        if initial == "D" and len(match.group("initials")) == 2:
            iberian = len(_IBERIAN.findall(text[:4000])) >= 2 if iberian is None else iberian
            if iberian:
                continue  # "a D. Sónia": Dona
        yield start, end


# ---- spelled with hyphens -------------------------------------------------------------------------------------------
_SPELLED = re.compile(r"(?<![\w.@-])[A-Za-z](?:-[A-Za-z]){2,29}(?![\w@-]|\.\w)")
_EMAIL_AROUND_AFTER = re.compile(r"(?i)[ \t]{1,2}(?:dot|at|underscore|punkt|point|punto|ponto)\b|[@._]\w")
_EMAIL_AROUND_BEFORE = re.compile(r"(?i)(?:\b(?:dot|at|underscore|punkt|point|punto|ponto)|[@_])[ \t]{0,2}$")
_STREET_AFTER = re.compile(r"(?i)[ \t](?:lane|street|st|road|rd|avenue|ave|close|drive|way|crescent|court|place|park|"
                           r"gardens|terrace|hill|grove|square|row|walk|strasse|straße|weg|rue|calle|via|avenida)\b")


def _spelled(text: str) -> Iterator[tuple[int, int]]:
    for n, match in enumerate(_SPELLED.finditer(text)):
        if n >= CAP:
            break
        start, end = match.span()
        if _EMAIL_AROUND_AFTER.match(text, end) or _EMAIL_AROUND_BEFORE.search(text, max(0, start - 14), start):
            continue
        word = match.group().replace("-", "").lower()
        if any(_STREET_AFTER.match(text, m.end())
               for m in re.finditer(rf"(?i)(?<![\w-]){re.escape(word)}(?![\w-])", text[:_MAX_TEXT])):
            continue  # "nine croft lane, that's c-r-o-f-t": a street
        if word in pii_name_shapes._plain() and word not in pii_rules.GIVEN_NAMES:
            continue
        yield start, end


# ---- Filipino "Ma." names -------------------------------------------------------------------------------------------
_MA_NAME = re.compile(
    rf"(?<![\w.])Ma\.[ \t](?:{_CAP}[ \t]){{1,3}}(?:(?:dela|de[ \t]la|delos|de[ \t]los|del|de|san|sta\.|Dela|De[ \t]La|"
    rf"Delos|De[ \t]Los|Del|De|San|Sta\.)[ \t])?(?:[A-Z]\.[ \t])?{_CAP}(?![\w'’-])")


def _ma_names(text: str) -> Iterator[tuple[int, int]]:
    for n, match in enumerate(_MA_NAME.finditer(text)):
        if n >= CAP:
            break
        start, end = match.span()
        words = [w for w in re.findall(r"[^\W\d_]{2,}", match.group())[1:]
                 if w.lower() not in {"dela", "de", "la", "delos", "los", "del", "san", "sta"}]
        while words and _plain(words[-1]):  # "Ma. Teresa Lim Salamat": a plain word closing it stays outside
            end = text.rindex(words[-1], start, end)
            end = len(text[:end].rstrip(" \t"))
            words = words[:-1]
        if words and not any(_plain(w) for w in words):
            yield start, end


# ---- Japanese -------------------------------------------------------------------------------------------------------
_KANJI = "\u3005\u4e00-\u9fff"
_KANA = "\u3041-\u3096\u30a1-\u30fa\u30fc"
_JA_HONORIFIC = re.compile(rf"(?<![{_KANJI}{_KANA}\w])([{_KANJI}]{{1,4}})(?:様|さま|さん|氏(?!名))")
# after a label: "氏名：山本 花子", "お名前は田中です", "契約者名: 佐藤一郎", "の田中でございます" (an agent's own name)
_JA_LABELLED = re.compile(
    rf"(?:氏名|お名前|名前|名義|契約者名?|申込者名?|ご契約者様?|受取人|届け先|名義人)[ \t]{{0,2}}[:：は][ \t　]{{0,2}}"
    rf"([{_KANJI}]{{1,4}}(?:[ \t　]{{1,2}}[{_KANJI}{_KANA}]{{1,5}})?)(?![{_KANJI}])")
_JA_INTRO = re.compile(rf"(?:の|、|。|は)([{_KANJI}]{{2,3}})(?:でございます|と申します|が承ります|が担当いたします)")
_JA_ROLES = frozenset("""客 皆 奥 王 神 仏 殿 同 先方 各位 担当 担当者 店員 店長 運転手 業者 医者 大家 管理人 先生 弁護士 司法書士
社長 部長 課長 係長 主任 店 受付 窓口 配達員 配達 職員 社員 会員 利用者 契約者 申込者 患者 家族 子供 子 親 父 母 兄 姉 弟 妹 夫 妻 娘 息子
孫 祖父 祖母 隣 近所 友人 彼 彼女 本人 代理人 相手 相手方 お客 貴 貴社 御中 上 下 様 方 者 人 自分 私 僕 俺 当社 弊社""".split())


def _japanese(text: str) -> Iterator[tuple[int, int]]:
    for pattern in (_JA_HONORIFIC, _JA_LABELLED, _JA_INTRO):
        for n, match in enumerate(pattern.finditer(text)):
            if n >= CAP:
                break
            name = match.group(1)
            first = re.split(r"[ \t　]", name)[0]
            if first in _JA_ROLES or first[-1:] in "者員長様方" or match.start(1) > 0 and text[match.start(1) - 1] in "おご御":
                continue
            yield match.span(1)


# ---- Thai -----------------------------------------------------------------------------------------------------------
_TH = "\u0e01-\u0e4e"
_TH_END = r"(?=ค่ะ|คะ|ครับ|คับ|ค่า|จ้ะ|จ้า|นะคะ|นะครับ|[ \t\n,.!?:;)]|$)"
# a surname after the given name: the sentence's particle, the line's end or a number's label right after it
_TH_SURNAME_END = r"(?=[ \t]{0,2}(?:ค่ะ|คะ|ครับ|คับ|จ้ะ|จ้า|นะคะ|นะครับ|\n|$|[,.!?)])|[ \t](?:เลข|เบอร์|โทร|0\d{1,2}[ -]?\d{3}))"
# a title before the given name is no part of the name ("ชื่อผู้รับ นางสาวกาญจนา แสงทอง": Miss Kanchana Saengthong)
_TH_TITLE = r"นางสาว|นาง|นาย|เด็กชาย|เด็กหญิง|ด\.ช\.|ด\.ญ\.|ดร\.|น\.ส\."
_TH_NAME = re.compile(
    rf"(?:(?<![{_TH}])คุณ|(?<=ค่ะ)คุณ|(?<=ครับ)คุณ|ชื่อ(?:ผู้รับ|ผู้ส่ง|บัญชี|ลูกค้า|ผู้ติดต่อ)?[ \t]{{0,2}}:?[ \t]{{0,2}}"
    rf"(?:คุณ)?)(?:{_TH_TITLE})?(?P<given>[{_TH}]{{2,18}}?){_TH_END}(?:[ \t](?P<surname>[{_TH}]{{2,18}}?){_TH_SURNAME_END})?")
_TH_FIELD = re.compile(rf"(?m)^(?:ลูกค้า|ผู้โทร|caller|customer)[ \t]{{0,2}}:[ \t]{{0,2}}(?P<given>[{_TH}]{{2,18}}?)"
                       rf"[ \t](?P<surname>[{_TH}]{{2,18}}?)(?=ค่ะ|ครับ|คะ|[ \t]{{0,2}}(?:\n|$)|[ \t](?:เลข|เบอร์|\d))")
# words that follow คุณ ("you") or ชื่อ ("name") and are no name: verbs, auxiliaries, kin and role words
_TH_NOT = ("จะ", "ได้", "สามารถ", "มี", "เป็น", "ต้อง", "ไม่", "ก็", "ช่วย", "ยินดี", "ให้", "ค่ะ", "ครับ", "คะ", "ภาพ",
           "สมบัติ", "ค่า", "แม่", "พ่อ", "หมอ", "ลูกค้า", "ครู", "ป้า", "ลุง", "ยาย", "ตา", "ปู่", "ย่า", "น้า", "อา", "พี่",
           "น้อง", "และ", "ด้วย", "ใน", "ของ", "ที่", "นี้", "นั้น", "อะไร", "เอง", "ว่า", "กับ", "เคย", "กำลัง", "อยาก",
           "ควร", "ลอง", "โปรด", "กรุณา", "ผู้", "บัญชี", "เล่น", "ใช้", "ทำ", "รับ", "ส่ง", "แจ้ง", "เลข", "บัตร", "เบอร์",
           "ธรรม", "ความ", "การ", "รหัส", "สกุล", "เต็ม", "จริง", "เดิม", "ใหม่", "ผิด", "ถูก", "ตัว", "ใน", "บน", "สะกด")


_TH_PARTICLES = ("ครับ", "ค่ะ", "คะ", "จ้ะ", "จ้า", "สวัสดี", "ขอบคุณ")


def _th_ok(word: str | None) -> bool:
    if not word:
        return False
    return not any(word.startswith(w) for w in _TH_NOT) and not any(p in word for p in _TH_PARTICLES)


def _thai(text: str) -> Iterator[tuple[int, int]]:
    for pattern in (_TH_NAME, _TH_FIELD):
        for n, match in enumerate(pattern.finditer(text)):
            if n >= CAP:
                break
            if not _th_ok(match.group("given")):
                continue
            start = match.start("given")
            if text[max(0, start - 7):start].endswith(("ขอบคุณ", "ของคุณ")):
                continue
            surnamed = _th_ok(match.group("surname"))
            if pattern is _TH_FIELD and not surnamed:
                continue
            end = match.end("surname") if surnamed else match.end("given")
            yield start, end


# ---- "hi, it's cormac" ----------------------------------------------------------------------------------------------
_ITS = re.compile(rf"(?i:\A[ \t]{{0,3}}(?:hi|hey|hello|hiya|heya|yo|morning|evening)[ \t,!.]{{1,3}}(?:it'?s|its|it’s|this"
                  rf"[ \t]is)[ \t]{{1,2}})(?P<name>[A-Za-z][{_LOW}'’]{{1,14}}(?:-[A-Za-z][{_LOW}]{{1,10}})?)(?=[ \t]{{0,2}}(?:[,.!:;(—–-]|\n|$)|[ \t]"
                  rf"(?:here|from|again|the|at|in|confirming|wanna|want|need|needing|needs|re|about)\b|[ \t]"
                  rf"[\U0001F300-\U0001FAFF\u2600-\u27BF])")


def _its(text: str) -> Iterator[tuple[int, int]]:
    match = _ITS.match(text)
    if match:
        word = match.group("name").lower()
        if word in pii_rules.GIVEN_NAMES or (match.group("name")[0].isupper() and not _plain(word)):
            if not _plain(word) or word in pii_rules.GIVEN_NAMES and word not in pii_given_names.FUNCTION_WORDS:
                yield match.span("name")


# ---- a short first name greeted, signing off, or signing above a forwarded or quoted message -------------------------
_FIRST = r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{1,11}(?:-[A-Za-zÀ-ÖØ-Þß-öø-ÿ][a-zß-öø-ÿ]{1,10})?"
_GREETED = re.compile(rf"(?i:\A[ \t]{{0,3}}(?:hi|hey|hiya|heya|hello|dear|morning|evening)[ \t]{{1,2}})(?P<name>{_FIRST})"
                      r"(?=[ \t]{0,2}[,!]|[ \t]{0,2}\n)")
_SIGNED_OFF = re.compile(rf"(?i:(?<![\w'’])(?:cheers|thanks|thank[ \t]you|thx|ta|regards|best|love|many[ \t]thanks|"
                         rf"kind[ \t]regards|groeten|gruß|grüße|mvh|hilsen|saludos|merci)[ \t]{{0,2}}[,.!]?[ \t]{{0,2}}"
                         rf"\n?[ \t]{{0,3}})(?P<name>{_FIRST})(?P<rest>[ \t]{{0,2}},[ \t]{{0,2}}(?:customer|client)[ \t]"
                         rf"(?:care|service|support)|[ \t]{{0,2}}[.!]?)[ \t]{{0,3}}(?:\n[ \t]{{0,3}}[A-Z]{{2,6}}[ \t]{{0,3}})?\s{{0,6}}\Z")
_BEFORE_QUOTE = re.compile(
    rf"(?m)(?:\n[ \t]{{0,3}}\n|\A)[ \t]{{0,3}}/?(?P<name>{_FIRST})[ \t]{{0,3}}\n(?:[ \t]{{0,3}}\n){{0,2}}[ \t]{{0,3}}"
    r"(?:-{3,}|_{5,}|Sent from|Sent via|Von meinem|Envoyé de|Enviado desde|Enviado do|Inviato da|Verzonden vanaf|"
    r"Skickat från|Sendt fra|Lähetetty|Wysłane z|Od:|From:|Von:|De :|De:|Van:|Från:|Fra:|>)")
# names in a sign-off that is no more than a word: "Rob, Customer Care"; never a word of a team or a common word
_SHORT_NOT = frozenset("""team support accounts admin office reception sales billing staff management all everyone
hr it me hi thanks regards cheers best love""".split())


# short first names and nicknames the given-name list leaves out (they are words too: "Rob", "Dean", "Bella"), read only
# where a greeting, a sign-off or a quoted message's header says a name stands there
_NICKNAMES = frozenset("""rob robbie bob bobby jo jos em emm mo mel dean bella kev kevin gaz gazza dana ola
tom tim sam ben dan danny jim jimmy jen jenny kate katie liz lizzie beth meg amy abi ali sue pat ray ron don ed eddie al
di viv val bev kay fay lou max nic nick nicky mike mikey pete dave davy steve stevie chris matt andy tony phil alex sean
ian jon josh jack joe luke mark paul gary neil rich ros jess fran gill jill jan lyn lynn mags nat sian tash zoe ella ava
isla mia leah evie ruby ellie freya bill will harry charlie olly ollie archie alfie theo jamie jake jay dee bea flo
rosie libby holly jade hollie sophie becky bex kat kim kris tess tam tammy cath kath deb debs sal sally ange angie""".split())


def _first_ok(word: str) -> bool:
    bare = word.lower()
    if bare in _SHORT_NOT or bare in pii_signoff_names._COMMON or _plain(bare) and bare not in pii_rules.GIVEN_NAMES:
        return False
    return bare in pii_rules.GIVEN_NAMES or bare in _NICKNAMES


def _short(text: str) -> Iterator[tuple[int, int]]:
    for pattern in (_GREETED, _SIGNED_OFF):
        match = pattern.search(text, max(0, len(text) - 200)) if pattern is _SIGNED_OFF else pattern.match(text)
        if match and _first_ok(match.group("name")):
            yield match.span("name")
    for n, match in enumerate(_BEFORE_QUOTE.finditer(text)):
        if n >= 2:
            break
        if _first_ok(match.group("name")):
            yield match.span("name")


def _found(text: str) -> Iterator[tuple[int, int]]:
    text = text[:_MAX_TEXT]
    yield from _initialled(text)
    yield from _spelled(text)
    yield from _ma_names(text)
    yield from _japanese(text)
    yield from _thai(text)
    yield from _its(text)
    yield from _short(text)


def find_short_names(text: str) -> Iterator[tuple[str, int, int, float]]:
    """The names of the module's docstring, at most CAP, each once."""
    yield from pii_found.unique_persons(_found(text), CAP, _SCORE)


@functools.lru_cache(maxsize=64)
def _names(text: str) -> tuple[tuple[int, int], ...]:
    return tuple((start, end) for _, start, end, _ in find_short_names(text))


def with_short_names(text: str, spans: list[PiiSpan], keep: list[tuple[int, int]]) -> list[PiiSpan]:
    """The spans with the names of this module added where no span covers them and no kept value lies there; PERSON
    spans inside such a name ("Baumann" of "U. Baumann") are replaced by it."""
    found = _names(text)
    return pii_found.add_back(spans, found, keep, pii_found.inside_person, _SCORE) if found else spans
