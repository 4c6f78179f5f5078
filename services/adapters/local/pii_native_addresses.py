"""Addresses in native scripts and national layouts (session 42, candidate 42-2).

By the labelling conventions (``tests/data/pii/build.py``) a street address is an ``ADDRESS`` whole, its units and
town included, whatever script it is written in; the finders of ``pii_rules`` and ``pii_asian_addresses`` missed or cut
short these layouts, which :func:`find_native_addresses` (a finder of ``pii_rules.find_all``) proposes whole:

- Chinese: "广州市天河区天河北路233号中信广场1205室", "上海市徐汇区漕溪北路88弄3号1202室", "九龍旺角彌敦道688號旺角中心
  一期12樓C室" (a city or province, districts, a street and its 号, then towers, floors and the 室);
- Japanese: "東京都世田谷区三軒茶屋2丁目14-7 メゾン三茶302", "大阪府吹田市江坂町2丁目14-3 グランメゾン江坂502号室";
- Korean: "서울특별시 마포구 월드컵북로 396, 1203호", "역삼동 742-15 301호" (a 로/길 or 동 and its number, then the 호);
- Greek with its postcode ("Αχαρνών 214, Αθήνα 104 46"), Serbian and Bulgarian with the flat ("Кнеза Милоша 44, стан 9,
  11000 Београд", "гр. Пловдив, ж.к. Тракия, бл. 118, вх. Б, ет. 4, ап. 12"), Urdu ("مکان نمبر 27، گلی 4، …"),
  Hebrew ("רחוב הרצל 14 דירה 6, רחובות"), Hindi village lines ("ग्राम रामपुर, पोस्ट बिलारी, जिला मुरादाबाद 244411"),
  a Thai house number after บ้านเลขที่;
- the Saudi national short address (four letters, four digits: "RRRD2929") after its name ("short address",
  "العنوان الوطني", "العنوان المختصر"), on the same line or the answer's;
- Irish townland lines ending in a county ("Knockbrack, Ennis, Co. Clare", "cloonagh, ballinamore, co leitrim"):
  at least two parts before the county (one after an address label: "Seoladh: Baile na hAbhann, Co. na Gaillimhe"),
  and an Eircode after its name in English or Irish, on its line or the answer's ("Éirchód: H91 C4T2");
- Singapore: a postal code (six digits, also read aloud) after "postal code" and a "#12-345" unit (also "hash twelve
  dash three four five") in a message that is Singaporean (a block, a #unit, "Singapore", an NRIC).

What it never takes: a city, district or street named alone (no number and no unit); places named in passing, which
the conventions keep as ``PLACE`` each (42-7, after blind98*: "नाम रामप्रसाद यादव, गाँव बेलहरा, ज़िला बाराबंकी" names a
village and a district, no home): a Hindi village line is taken only with a house, a post office or a PIN ("मकान नं.
12", "पोस्ट बिलारी", "244411"), a Bulgarian town line only with a block, entrance, floor, flat or a numbered street
(not "гр. София, ж.к. Младост, кв. Лозенец"), a Korean road only when its number is not a district's ("을지로3가"), an
Irish line of place names only (no number, no unit, no street) not after "in", "near", "through", "around" or
"between" unless one lives, stays or moved there or something is sent there ("a week near Ennis, Lahinch, Co. Clare"
is left); a store, branch or office (an Irish line after "branch", "store", "shop" or "office" is left), four
letters and four digits without the short address's name (an order or a flight), six digits after "postal code" in a message with no Singapore sign (an Indian
PIN is kept), a "#12-34" unit that is not the writer's (no "unit" before it, no question naming it: "the photo
shows #12-354"), a Hebrew street named with a time after it ("ברחוב הרצל מאז 14:00").

Every pattern is linear (bounded repeats, no nested quantifiers over the same characters); a message yields at most
:data:`CAP` spans.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from services.adapters.local import pii_rules

CAP = 16
Found = tuple[str, int, int, float]
_SCORE = 0.85

# ---- Chinese and Japanese -------------------------------------------------------------------------------------------
# an address starts after a non-CJK character or after a particle or cue character ("地址是上海市…", "ご住所は世田谷区…")
_CJK_START = r"(?:(?<![\u4e00-\u9fff\u3040-\u30ff])|(?<=[是址到在寄送为為係喺往はがをにでへも]))"
_HAN = r"[\u4e00-\u9fff]"
_ZH_ADDRESS = re.compile(
    rf"{_CJK_START}(?:{_HAN}{{2,4}}?(?:省|市|自治区)|香港|九龍|九龙|新界|澳門|澳门)"
    rf"((?:{_HAN}{{1,6}}?(?:市|区|區|县|縣|镇|鎮|乡|鄉)){{0,3}})"
    rf"({_HAN}{{1,10}}?(?:路|街|道|巷|胡同)(?:[一二三四五六七八九十]段)?[0-9０-９]{{1,5}}(?:-[0-9]{{1,4}})?[号號弄])?"
    rf"((?:{_HAN}{{0,8}}?[A-Za-z]?[0-9０-９]{{0,5}}[A-Za-z]?(?:号楼|號樓|幢|栋|棟|座|楼|樓|层|層|单元|單元|期|室|号|號|房)){{0,6}})"
    rf"([A-Za-z]?[0-9０-９]{{1,5}}[A-Za-z]?(?![0-9０-９]))?")
_JP_ADDRESS = re.compile(
    rf"{_CJK_START}(?:〒?[0-9]{{3}}-[0-9]{{4}}[ \t　]?)?(?:{_HAN}{{2,3}}[都道府県])?{_HAN}{{1,5}}[市区町村郡]"
    rf"(?:{_HAN}{{1,5}}[市区町村])?[\u4e00-\u9fff\u30a0-\u30ff]{{0,8}}?[0-9０-９]{{1,4}}(?:丁目|番地|番|号|の|[-−－])"
    rf"[0-9０-９]{{1,4}}(?:(?:番地|番|号|の|[-−－])[0-9０-９]{{1,4}}){{0,2}}号?"
    rf"(?:[ \t　]?[\u30a0-\u30ff\u4e00-\u9fffA-Za-z]{{1,15}}[ \t　]?[0-9０-９]{{1,4}}(?:号室|号)?(?![0-9０-９]))?")

# ---- Korean ---------------------------------------------------------------------------------------------------------
_KO_ADDRESS = re.compile(
    r"(?<![가-힣\w])((?:[가-힣]{1,8}(?:특별시|광역시|특별자치시|특별자치도|도|시)[ \t]|(?:서울|부산|대구|인천|광주|대전|울산|세종|경기|제주)[ \t])?)"
    r"((?:[가-힣]{1,6}(?:시|군|구)[ \t]){0,2})"
    r"(?:[가-힣0-9]{1,12}(?:로|길)(?:[ \t]?[0-9]{1,4}번?길)?[ \t]?[0-9]{1,5}(?:-[0-9]{1,4})?(?:번지)?"
    r"|[가-힣]{1,6}(?:동|읍|면|리|가)[ \t][0-9]{1,5}(?:-[0-9]{1,4})?(?:번지)?)(?![0-9]|가)"
    r"((?:,?[ \t](?:[가-힣A-Za-z]{1,12}[ \t])?(?:[0-9]{1,4}동[ \t]?)?[0-9]{1,5}호)?)")

# ---- Greek, Cyrillic, Hebrew, Devanagari, Thai ------------------------------------------------------------------------
_EL_ADDRESS = re.compile(
    r"(?<![\w])(?:(?:διαμέρισμα|διαμ\.)[ \t][Α-Ωα-ω0-9]{1,4},[ \t])?[Α-ΩΆ-Ώ][α-ωά-ώϊΐ]{2,20}(?:[ \t][Α-ΩΆ-Ώα-ωά-ώ][α-ωά-ώϊΐ]{1,20}){0,2}"
    r"[ \t][0-9]{1,4}[Α-Ωα-ω]?,[ \t](?:[0-9]{3}[ \t]?[0-9]{2}[ \t])?[Α-ΩΆ-Ώ][α-ωά-ώϊΐ]{2,20}"
    r"(?:[ \t][0-9]{3}[ \t]?[0-9]{2})?(?![\w])")
_EL_POSTCODE = re.compile(r"[0-9]{3}[ \t]?[0-9]{2}")
_CY_UPPER = "А-ЯЁЂЈЉЊЋЏ"
_CY_LOWER = "а-яёђјљњћџ"
_CY_ADDRESS = re.compile(
    rf"(?<![\w])[{_CY_UPPER}][{_CY_LOWER}]{{1,20}}(?:[ \t][{_CY_UPPER}{_CY_LOWER}]{{2,20}}){{0,2}}[ \t][0-9]{{1,4}}[а-я]?"
    rf",[ \t](?:стан|кв\.?|ап\.?|квартира|апартамент)[ \t]?[0-9]{{1,4}}"
    rf"(?:,[ \t](?:[0-9]{{4,6}}[ \t])?[{_CY_UPPER}][{_CY_LOWER}]{{1,20}}(?:[ \t][{_CY_UPPER}][{_CY_LOWER}]{{1,20}})?)?(?![\w])")
# a Bulgarian line from the town over the estate, block, entrance, floor and flat ("гр. Пловдив, ж.к. Тракия, бл. 118,
# вх. Б, ет. 4, ап. 12"); an Urdu house line ("مکان نمبر 27، گلی 4، سیکٹر جی-9/2، اسلام آباد")
_BG_ADDRESS = re.compile(
    rf"(?<![\w])(?:гр\.|с\.)[ \t][{_CY_UPPER}][{_CY_LOWER}]{{1,20}}(?:,[ \t](?:ж\.[ \t]?к\.|ул\.|бул\.|кв\.|бл\.|вх\.|ет\.|ап\.)"
    rf"[ \t]?[{_CY_UPPER}{_CY_LOWER}0-9\"„“-]{{1,20}}(?:[ \t](?:[{_CY_UPPER}„][^\s,]{{1,20}}|[0-9]{{1,4}}[а-я]?)){{0,2}}){{2,6}}"
    rf"(?![\w])")
# a town line names a home only with a block, entrance, floor or flat, or a street with its number ("ул. Раковски 12")
_BG_HOME = re.compile(r"(?:бл\.|вх\.|ет\.|ап\.)|(?:ул\.|бул\.)[^,]{0,40}[0-9]")
_UR_ADDRESS = re.compile(
    r"(?<![\w])مکان[ \t]نمبر[ \t][0-9۰-۹]{1,4}(?:،[ \t]?(?:گلی|سیکٹر|بلاک|فیز|روڈ|سٹریٹ|اسٹریٹ)[ \t][^\s،۔]{1,12}){1,4}"
    r"(?:،[ \t]?[^\s،۔0-9۰-۹]{2,15}(?:[ \t][^\s،۔0-9۰-۹]{2,15})?(?=[ \t]?(?:[۔.،\n]|$)))?")
_HE_ADDRESS = re.compile(
    r"(?:(?<=[לב])|(?<![\u05d0-\u05ea]))רחוב[ \t][\u05d0-\u05ea\"׳']{2,15}(?:[ \t][\u05d0-\u05ea]{2,15})?[ \t][0-9]{1,4}(?![0-9]|[:.,][0-9])"
    r"(?:[ \t]?(?:דירה|דירה מס'|כניסה)[ \t][0-9]{1,4})?(?:,[ \t][\u05d0-\u05ea]{2,15}(?:[ \t][\u05d0-\u05ea]{2,15})?"
    r"(?=[ \t]?(?:[?.!\n]|$)))?")
_HI_ADDRESS = re.compile(
    r"(?<![\u0900-\u097f])(?:ग्राम|गाँव|गांव|मकान[ \t]नं\.?)[ \t][\u0900-\u0963\u0966-\u097f0-9]{1,20}(?:[ \t][\u0900-\u0963\u0966-\u097f]{1,20})?"
    r"(?:,[ \t](?:पोस्ट|पो\.|डाकघर|तहसील|थाना|ब्लॉक|जिला|ज़िला)[ \t][\u0900-\u0963\u0966-\u097f]{1,20}(?:[ \t][\u0900-\u0963\u0966-\u097f]{1,20})?){1,4}"
    r"(?:[ \t,]{1,2}[0-9०-९]{6})?(?![0-9०-९])")
# a village line names a home only with a house, a post office or a PIN: "गाँव बेलहरा, ज़िला बाराबंकी" are two places
_HI_HOME = re.compile(r"मकान|पोस्ट|पो\.|डाकघर|[0-9०-९]{6}")
_TH_HOUSE = re.compile(r"บ้านเลขที่[ \t]?([0-9๐-๙]{1,4}(?:/[0-9๐-๙]{1,4})?)(?![0-9๐-๙/])")

# ---- Saudi short address --------------------------------------------------------------------------------------------
_SA_CUE = re.compile(r"(?i:short[ \t]address|national[ \t](?:short[ \t])?address|short[ \t]code|العنوان[ \t]الوطني|"
                     r"العنوان[ \t]المختصر|عنوان[ \t]مختصر|عنواني[ \t]الوطني|الرمز[ \t]المختصر)")
_SA_CODE = re.compile(r"(?<![\w-])[A-Z]{4}[ \t]?[0-9]{4}(?![\w-])")

# ---- Irish townland lines -------------------------------------------------------------------------------------------
_COUNTIES = ("carlow|cavan|clare|cork|donegal|dublin|galway|kerry|kildare|kilkenny|laois|leitrim|limerick|longford|"
             "louth|mayo|meath|monaghan|offaly|roscommon|sligo|tipperary|waterford|westmeath|wexford|wicklow|antrim|"
             "armagh|down|fermanagh|derry|londonderry|tyrone|na[ \t]gaillimhe|chorcaí|chiarraí|an[ \t]chláir|"
             "dhún[ \t]na[ \t]ngall|mhaigh[ \t]eo|shligigh|liatroma|phort[ \t]láirge|loch[ \t]garman|"
             "chill[ \t]mhantáin|chill[ \t]dara|chill[ \t]chainnigh|luimnigh|thiobraid[ \t]árann|na[ \t]mí|lú")
_IE_WORD = r"[^\W\d_][^\W\d_'’.-]{0,25}"
_IE_PART = rf"(?:(?:Apt|Apartment|Flat|Unit|No\.?)[ \t][0-9]{{1,4}}[A-Za-z]?|[0-9]{{1,4}}[A-Za-z]?[ \t]{_IE_WORD}(?:[ \t]{_IE_WORD}){{0,3}}|{_IE_WORD}(?:[ \t]{_IE_WORD}){{0,3}})"
_IE_LINE = re.compile(rf"(?<![\w'’-])((?:{_IE_PART},[ \t]){{1,4}})(?i:(?:co\.?|county|contae)[ \t](?:{_COUNTIES}))(?![\w'’-])")
_IE_COUNTY = re.compile(rf"(?i:\b(?:co\.?|county|contae)[ \t](?:{_COUNTIES}))(?![\w'’-])")
# an Eircode after its name in English or Irish, on the same line ("eircode's H91 E2K4", "Éirchód: H91 C4T2") or as the
# answer on the next ("the eircode for the line?\nCustomer: D08 X2N6")
_IE_EIRCODE_CUE = re.compile(r"(?i:\b(?:eircode|éirchód|eirchód|eirchod)\b)")
_IE_EIRCODE = re.compile(r"(?<![\w-])(?:[AC-FHKNPRTV-Y][0-9]{2}|D6W)[ \t]?[AC-FHKNPRTV-Y0-9]{4}(?![\w-])")
_IE_LABEL = re.compile(r"(?i:\b(?:address|addr|seoladh|home|lives[ \t]at|living[ \t]at)[ \t]?:?[ \t]*)$")
_IE_NOT_AFTER = re.compile(r"(?i:\b(?:branch|store|shop|office|offices|depot|showroom|hq|headquarters|clinic|"
                           r"hospital|hotel)\b[^\n,]{0,30})$")
# a line of place names only, after "in", "near"… and no living there, names places in passing ("a week near Ennis, …")
_IE_HOME_SIGN = re.compile(r"(?i:[0-9]|\b(?:apt|apartment|flat|unit|no|site|house|cottage|farm|lodge|road|street|lane|"
                           r"avenue|drive|park|terrace|crescent|close|court|grove|lawn|lawns|view|square|place)\b)")
_IE_PASSING = re.compile(r"(?i:\b(?:in|near|through|around|between|across|outside|beyond|past)[ \t]{1,3}$)")
_IE_LIVING = re.compile(r"(?i:\b(?:live|lives|living|lived|stay|stays|staying|moved|moving|reside|resides|residing|"
                        r"based|settled|home|house|place|address|deliver|delivered|send|sent|post|posted|ship|shipped)\b[^.!?\n]{0,20}$)")
_IE_STOP = frozenset("""to at in on from for of by is was the a an and or my our your his her their me us deliver send
post ship lads ye hi hello please pls can could you can you it its it's that this address delivery bag statement
visit will be living live lives moved move going""".split())
# Irish particles inside a townland's name, written in lower case ("Cnoc na Gréine", "Baile na hAbhann")
_IE_PARTICLES = frozenset("na an de le la ó ui uí mac nic ní du of the".split())
# a firm's name before its premises' lines ("Brennan Logistics, Unit 12, …") is kept: the line starts after it
_IE_FIRM = frozenset("""ltd limited logistics group services solutions company plc teoranta llc inc gmbh hotel store shop
branch office clinic centre center pharmacy bank cliffs castle cathedral church beach museum airport station hospital
university college school stadium mall""".split())

# ---- Singapore ------------------------------------------------------------------------------------------------------
_SG_SIGN = re.compile(r"(?i:\bblk\b|\bblock[ \t]\w|#[0-9]{2}-[0-9]|\bsingapore\b|\bhdb\b|\bhash[ \t]\w{2,9}[ \t](?:\w{2,9}[ \t]){0,2}dash\b)"
                      r"|\b[STFG][0-9]{7}[A-Z]\b")
_NUM_WORD = (r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
             r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|double|triple)")
_DIGIT_WORD = r"(?:zero|oh|o|one|two|three|four|five|six|seven|eight|nine)"
_SG_POSTAL_CUE = re.compile(r"(?i:\bpostal[ \t]?code\b|\bpostcode\b)")
_SG_POSTAL = re.compile(r"(?<![\w-])[0-8][0-9]{5}(?![\w-])")
_SG_POSTAL_SAID = re.compile(rf"(?i:(?<![\w'’-]){_DIGIT_WORD}(?:,?[ \t]{_DIGIT_WORD}){{5}}(?![\w'’-]))")
_SG_UNIT = re.compile(r"(?<![\w#-])#[0-9]{2}-[0-9]{2,5}[A-Z]?(?![\w-])")
_SG_UNIT_SAID = re.compile(rf"(?i:(?<![\w'’-])hash[ \t]{_NUM_WORD}(?:[ \t]{_NUM_WORD}){{0,2}}[ \t]dash(?:[ \t]{_NUM_WORD}){{1,5}}(?![\w'’-]))")
# a unit is the writer's after its name ("unit #14-07"), after the postcode ("560214 #11-342") or as the answer to a
# question naming it; a unit "the photo shows" is another door's
_SG_UNIT_BEFORE = re.compile(r"(?i:\bunit\b(?:[ \t](?:no\.?|number|is))?[ \t:]{0,3}$|\b[0-8][0-9]{5}[ \t,]{1,2}$)")
_SG_UNIT_WORD = re.compile(r"(?i:\bunit\b)")
_SG_ANSWER = re.compile(r"[ \t]*(?:[^\W\d_][\w ]{0,20}:[ \t]*)?(?:(?i:it's|its|is|yes|yeah|ya)[ \t,]{1,2})?")


_CJK_LEAD = "是址到在寄送为為係喺往的はがをにでへも"


def _cjk_start(text: str, start: int, end: int) -> int:
    """Where an address found from ``start`` starts: after a cue's last character in its first five ("地址是上海市…")."""
    head = text[start:min(end, start + 5)]
    cut = max(head.rfind(c) for c in _CJK_LEAD)
    return start + cut + 1 if cut >= 0 else start


def _cjk(text: str) -> Iterator[Found]:
    for m in _ZH_ADDRESS.finditer(text):
        street, tail, final = m.group(2), m.group(3), m.group(4)
        admin_district = any(c in m.group(1) for c in "区區县縣")
        if street or (admin_district and tail and any(c.isdigit() for c in tail + (final or ""))):
            if any(c.isdigit() for c in m.group()):
                yield "ADDRESS", _cjk_start(text, m.start(), m.end()), m.end(), _SCORE
    for m in _JP_ADDRESS.finditer(text):
        yield "ADDRESS", _cjk_start(text, m.start(), m.end()), m.end(), _SCORE


def _korean(text: str) -> Iterator[Found]:
    for m in _KO_ADDRESS.finditer(text):
        if m.group(3) or (m.group(1) and m.group(2)) or (m.group(2) and m.group(3)):
            yield "ADDRESS", m.start(), m.end(), _SCORE


def _scripts(text: str) -> Iterator[Found]:
    for m in _EL_ADDRESS.finditer(text):
        if _EL_POSTCODE.search(m.group()):
            yield "ADDRESS", m.start(), m.end(), _SCORE
    for pattern in (_CY_ADDRESS, _BG_ADDRESS, _UR_ADDRESS, _HE_ADDRESS, _HI_ADDRESS):
        for m in pattern.finditer(text):
            if pattern is _HI_ADDRESS and not _HI_HOME.search(m.group()):
                continue  # a village and its district named in passing are places
            if pattern is _BG_ADDRESS and not _BG_HOME.search(m.group()):
                continue  # a town and its quarters named alone are places
            yield "ADDRESS", m.start(), m.end(), _SCORE
    for m in _TH_HOUSE.finditer(text):
        yield "ADDRESS", m.start(1), m.end(1), _SCORE


def _saudi(text: str) -> Iterator[Found]:
    for cue in _SA_CUE.finditer(text):
        line_end = text.find("\n", cue.end())
        stop = len(text) if line_end < 0 else text.find("\n", line_end + 1)
        stop = min(len(text) if stop < 0 else stop, cue.end() + 120)
        m = _SA_CODE.search(text, cue.end(), stop)
        if m is not None:
            yield "ADDRESS", m.start(), m.end(), _SCORE


_SENTENCE_BREAK = re.compile(r"[.!?:;][ \t]")


def _irish(text: str) -> Iterator[Found]:
    for m in _IE_LINE.finditer(text):
        head = text[m.start():m.end(1)]
        start = m.start()
        breaks = list(_SENTENCE_BREAK.finditer(head))
        if breaks:  # "… ended on 30 April. We visit Rosedale, …": the line starts after the sentence's end
            start += breaks[-1].end()
        capitalised = any(w[:1].isupper() for w in text[start:m.end(1)].split())
        base = start
        for w in re.finditer(r"[^\s,]+", text[base:m.end(1)]):  # the sentence before the line: "deliver to x, …"
            word = w.group().lower()
            inside = w.start() > 0 and text[base + w.start() - 1] == " " and text[base + w.start() - 2:base + w.start() - 1] != ","
            if capitalised:  # "… will visit Cnoc na Gréine, …": the line's words are capitalised, its particles not
                if w.group()[:1].islower() and not (inside and word in _IE_PARTICLES) and not w.group()[1:2].isupper():
                    start = base + w.end() + 1
            elif word in _IE_STOP or word in pii_rules.NOT_NAMES:  # "ye deliver to cloonagh, ballinamore, co leitrim"
                start = base + w.end() + 1
        if start < m.end(1) and text[start] == " ":
            start += 1  # a part emptied: the line starts at the next part
        first_end = text.find(",", start, m.end(1))
        if first_end > 0 and any(w.lower() in _IE_FIRM for w in text[start:first_end].split()):
            start = first_end + 2  # "Brennan Logistics, Unit 12, …": the firm's name is kept
        parts = text[start:m.end(1)].count(",")
        if parts == 0:
            continue
        before = text[max(0, start - 60):start]
        if _IE_NOT_AFTER.search(before):
            continue
        if not _IE_HOME_SIGN.search(text[start:m.end()]) and _IE_PASSING.search(before) \
                and not _IE_LIVING.search(before[:len(before.rstrip())]):
            continue  # "we toured Ennis, Lahinch, Co. Clare": places named in passing
        if parts >= 2 or _IE_LABEL.search(before):
            yield "ADDRESS", start, m.end(), _SCORE


def _eircodes(text: str) -> Iterator[Found]:
    for cue in itertools.islice(_IE_EIRCODE_CUE.finditer(text), CAP):
        line_end = text.find("\n", cue.end())
        stop = len(text) if line_end < 0 else text.find("\n", line_end + 1)
        stop = min(len(text) if stop < 0 else stop, cue.end() + 80)
        m = _IE_EIRCODE.search(text, cue.end(), stop)
        if m is not None and any(c.isdigit() for c in m.group()[3:]) and any(c.isalpha() for c in m.group()[3:]):
            yield "ADDRESS", m.start(), m.end(), _SCORE


def _singapore(text: str) -> Iterator[Found]:
    if not _SG_SIGN.search(text):
        return
    for cue in _SG_POSTAL_CUE.finditer(text):
        line_end = text.find("\n", cue.end())
        stop = len(text) if line_end < 0 else text.find("\n", line_end + 1)
        stop = min(len(text) if stop < 0 else stop, cue.end() + 80)
        m = _SG_POSTAL.search(text, cue.end(), stop) or _SG_POSTAL_SAID.search(text, cue.end(), stop)
        if m is not None:
            yield "ADDRESS", m.start(), m.end(), _SCORE
    for m in itertools.chain(_SG_UNIT.finditer(text), _SG_UNIT_SAID.finditer(text)):
        line_start = text.rfind("\n", 0, m.start()) + 1
        prefix = text[line_start:m.start()]
        asked = line_start > 0 and _SG_UNIT_WORD.search(text[text.rfind("\n", 0, line_start - 1) + 1:line_start])
        if _SG_UNIT_BEFORE.search(prefix) or (asked and _SG_ANSWER.fullmatch(prefix)):
            yield "ADDRESS", m.start(), m.end(), _SCORE


def find_native_addresses(text: str) -> Iterator[Found]:
    """Addresses in native scripts and national layouts (see the module's docstring), at most :data:`CAP`."""
    finders = []
    if re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text):
        finders.append(_cjk(text))
    if re.search(r"[가-힣]", text):
        finders.append(_korean(text))
    if re.search(r"[\u0370-\u03ff\u0400-\u04ff\u0590-\u05ff\u0900-\u097f\u0e00-\u0e7f]|مکان", text):
        finders.append(_scripts(text))
    low = text.lower()
    if "address" in low or "عنوان" in text or "short code" in low:
        finders.append(_saudi(text))
    if ("co" in low or "contae" in low) and _IE_COUNTY.search(text):
        finders.append(_irish(text))
    if "rc" in low or "ód" in low:
        finders.append(_eircodes(text))
    if "#" in text or "postal" in low or "postcode" in low or "hash" in low:
        finders.append(_singapore(text))
    yield from itertools.islice(itertools.chain(*finders), CAP)
