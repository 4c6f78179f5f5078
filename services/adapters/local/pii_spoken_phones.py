"""Phone numbers read aloud in the number words of the languages our calls mix (session 37, candidate 37-2, issue 21).

Callers read a phone in their own language's number words, in groups the rules before did not join: Thai
("ศูนย์แปดเก้า ห้าห้าห้า สี่หนึ่งเจ็ดสอง", the words written together), Bengali ("শূন্য এক সাত এক এক, পাঁচ পাঁচ পাঁচ"),
Hindi in Devanagari ("नौ आठ सात छह, पाँच चार तीन") and in Latin letters ("nau aath saat, paanch paanch paanch"),
Malay ("kosong satu dua, lima lima lima, lapan…"), Vietnamese ("không chín ba, tám tám bốn"), Romanian, Greek,
Egyptian Arabic, Tagalog, Nepali, French in tens ("sept sept, cinq cinq cinq, vingt-huit, quatorze", "soixante-dix-huit, …"), Spanish
in tens ("cincuenta y cinco, cincuenta y cinco, …"), Turkish and Polish in hundreds ("sıfır beş yüz otuz iki, …",
"sześćset dwa, trzysta czterdzieści, …"), English with its tens and "hundred" ("oh seven seven double oh, nine
hundred, …"); and a correction's second reading ("… four four one… no sorry, four five one").

Here: a run of number words of those languages (digits, teens, tens, hundreds, "double"/"triple"; between them
spaces, commas, hyphens, "y"/"et"/"e", a pause "…"; any other word, a line break or a thousand ends it) that says
MIN_DIGITS to MAX_DIGITS digits is a PHONE when the nearest cue before it, on its line or the line before (the agent's
question), is a phone's: the words for phone, mobile, line, "my number", a bare "number" / "número" / "numéro" /
"nomor" / "नंबर" / "เบอร์" that no other noun owns (the word before it is a possessive, an article, "contact"…; the
words after it, in the languages that name the owner after it, are a phone's or a question's: never "NHS number",
"kart numaranız", "numéro allocataire", "número de utente", "nomor kartunya", "the number on the card"), a mobile
wallet ("wave", "mpesa", "nequi", "gopay", "jazzcash"…). Never when the nearest cue is an account's, an id's, an
amount's, a meter's, an order's or another reference's (``pii_spoken_numbers``' cues and more), nor a Pix key that is a
phone (a ``BANK_ACCOUNT`` by the labels), nor when a currency word follows the run, nor a run with a thousand or a
million in it (an amount, an id read as one number). With no cue at all, a reading of a phone's length corrected at
once ("… no sorry, …") is a PHONE with its correction. On the line of such a phone, a shorter piece of at least
MIN_PIECE digits close to it (a false start, a correction, a part said again) is a PHONE too, unless its own nearest
cue is another kind's ("termina en ochenta y ocho": last digits). A "plus" before the run and an extension after it
are inside the span.

Session 39 (candidate 39-5): the number words of Russian, Ukrainian (with its apostrophe: "п'ять", "дев'яносто") and
Bulgarian, and Korean's Sino-Korean digits written a group to a word ("공일공 오구이사 일삼이칠"; a word of digit
syllables only, three or more, or two opening with a zero, a particle after it allowed: a lone "이" or "사" is a word);
their phone cues ("телефон…", "мобильный", "số thuê bao", "연락처", "휴대폰"), "номер" judged by the words after it as
"número" is ("номер паспорта", "номер заказа" are not a phone's), their other cues (паспорт, счёт, заказ, договор,
карта, сумма…; 주문번호, 계좌, 카드, 주민등록번호…) and a Korean group followed by "번호" ("… number was opened"). And
a run with no cue of its own, in a later turn, that says a found phone's length (±1) with its first five digits but
other digits ("¿y cuál era el correcto?": the right number after the wrong one) is a PHONE too. "a qué número" asks
for a phone as "a cuál número" does.

Session 43 (candidate 43-5): Tamil digits (written and spoken forms: "ஒன்பது எட்டு நாலு நாலு, ஒன்னு…"), Bengali said as
English ("জিরো ওয়ান সেভেন…"), Japanese (katakana readings and kanji: "ゼロハチゼロ の 四四一二 の 七七三〇です",
"〇九〇の…") and Chinese ("幺五九，二二八一，零七三三") digits, a group written as one word read digit by digit as Korean
is (three or more digits, a particle glued after it allowed; "の" and the full-width comma between groups); the CJK
cues glued to their neighbours ("お電話番号を", "我的手机号被…"), Korean "연락처는요", Bengali "নম্বরটা", Vietnamese
"số nào" (which number); the cues of an order, a card, an account, an id, a code or the last digits in Chinese and
Japanese ("订单号", "尾号", "注文", "カード"…), and "元", "円", "원" after a run (an amount).

Wired after the detector's filters (as ``pii_spoken_numbers``), so a filter that reads "in case" as a case number's
cue cannot drop the phone again; a PERSON span the tagger read inside a found phone ("nau chaar do saat") is dropped.

Linear: one pass over the words of the text; each run's cue is searched once in at most _WINDOW characters before it;
at most CAP spans a message.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Iterator

from services.adapters.local import pii_native_digits, pii_spoken_numbers
from services.models import PiiSpan

Found = tuple[str, int, int, float]

MIN_DIGITS = 7  # a whole phone read out
MAX_DIGITS = 15
MIN_PIECE = 3  # a piece of it said beside it (a false start, a correction)
_PIECE_GAP = 60  # characters at most between a piece and the phone (or piece) beside it
CAP = 24
_WINDOW = 260  # characters before a run where its cue is looked for (its line and the line before)

# ---- the number words: (class, value); Z zero, U 1-9, T 10-19, D tens, H hundreds, C "hundred" after a unit,
# K a thousand or more (ends the run, which is then no phone), P "puluh", B "belas"
_LEX: dict[str, tuple[str, int]] = dict(pii_spoken_numbers._LEX)


def _add(cls: str, value: int, words: str) -> None:
    for word in words.split():
        _LEX[unicodedata.normalize("NFC", word)] = (cls, value)


for _v, _ws in enumerate((
        # English, Malay, Hindi / Urdu in Latin letters, Devanagari, Bengali, Vietnamese, Romanian, Greek, Arabic
        "zero oh nought sifar kosong shunya shoonya sunya शून्य ज़ीरो जीरो শূন্য জিরো không linh μηδέν μηδενικό صفر sero",
        "one ek एक এক một mốt unu ένα واحد isa",
        "two दो दुई দুই hai doi două doua δύο δυο اتنين اثنين إثنين اثنان إثنان dalawa",
        "three तीन তিন ba trei τρία تلاتة تلاته ثلاثة ثلاثه ثلاث tatlo",
        "four chaar चार চার bốn tư patru τέσσερα τέσσερις اربعة أربعة اربعه أربعه اربع أربع apat",
        "five paanch panch paach पाँच पांच পাঁচ năm lăm cinci πέντε خمسة خمسه خمس",
        "six chhe chhah chheh chah छह छः छे छै छ ছয় sáu șase şase sase έξι ستة سته anim",
        "seven saat सात সাত bảy bẩy șapte şapte sapte επτά εφτά سبعة سبعه سبع pito",
        "eight lapan aath aat आठ আট tám opt οκτώ οχτώ تمانية تمانيه ثمانية ثمانيه ثماني walo",
        "nine nau नौ নয় chín nouă noua εννέα εννιά تسعة تسعه تسع siyam")):
    _add("Z" if _v == 0 else "U", _v, _ws)
for _v, _w in enumerate("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()):
    _add("T", 10 + _v, _w)
for _v, _w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split()):
    _add("D", 20 + 10 * _v, _w)
_add("C", 100, "hundred")
# session 39 (39-5): Russian, Ukrainian and Bulgarian (digits, teens, tens, hundreds; Ukrainian with its apostrophe)
for _v, _ws in enumerate((
        "ноль нуль нула", "один одна одно один едно един", "два две дві", "три", "четыре чотири четири",
        "пять п'ять пет", "шесть шість шест", "семь сім седем", "восемь вісім осем", "девять дев'ять девет")):
    _add("Z" if _v == 0 else "U", _v, _ws)
for _v, _ws in enumerate((
        "десять десет", "одиннадцать одинадцять единадесет", "двенадцать дванадцять дванадесет",
        "тринадцать тринадцять тринадесет", "четырнадцать чотирнадцять четиринадесет",
        "пятнадцать п'ятнадцять петнадесет", "шестнадцать шістнадцять шестнадесет", "семнадцать сімнадцять седемнадесет",
        "восемнадцать вісімнадцять осемнадесет", "девятнадцать дев'ятнадцять деветнадесет")):
    _add("T", 10 + _v, _ws)
for _v, _ws in enumerate((
        "двадцать двадцять двадесет", "тридцать тридцять тридесет", "сорок четиридесет", "пятьдесят п'ятдесят петдесет",
        "шестьдесят шістдесят шестдесет", "семьдесят сімдесят седемдесет", "восемьдесят вісімдесят осемдесет",
        "девяносто дев'яносто деветдесет")):
    _add("D", 20 + 10 * _v, _ws)
for _v, _ws in enumerate((
        "сто", "двести двісті двеста", "триста", "четыреста чотириста четиристотин", "пятьсот п'ятсот петстотин",
        "шестьсот шістсот шестстотин", "семьсот сімсот седемстотин", "восемьсот вісімсот осемстотин",
        "девятьсот дев'ятсот деветстотин")):
    _add("H", 100 * (_v + 1), _ws)
_add("K", 1000, "тысяча тысячи тысяч тисяча тисячі тисяч хиляда хиляди миллион миллиона миллионов мільйон мільйона "
                "мільйонів милион")
_add("K", 1000, "thousand million billion lakh crore hazar hazaar")
for _word, (_cls, _value) in list(_LEX.items()):
    if _cls == "K" or _cls == "M":
        _LEX[_word] = ("K", _value)
# Hindi words that are English or Portuguese ones too: number words only where a Hindi digit word is in the message
_HINDI_PLAIN = {"do": 2, "teen": 3, "char": 4, "sat": 7}
_HINDI_SURE = frozenset("ek chaar paanch panch paach chhe chhah chheh aath nau saat shunya shoonya sunya".split())
# Turkish "on" (ten): only where a Turkish digit word is in the message
_TURKISH_SURE = frozenset("sıfır üç dört beş altı yedi sekiz dokuz".split())
# Portuguese "um" (one): only where a Portuguese digit word is in the message (else it is a filler)
_PORTUGUESE_SURE = ("dois", "duas", "três", "quatro", "oito", "sete")
_THAI = {"ศูนย์": 0, "หนึ่ง": 1, "เอ็ด": 1, "สอง": 2, "โท": 2, "สาม": 3, "สี่": 4, "ห้า": 5, "หก": 6, "เจ็ด": 7,
         "แปด": 8, "เก้า": 9}
# Korean (Sino-Korean digits, a group written as one word: "공일공 오구이사 일삼이칠"): a word made of digit syllables
# only, of three or more (two when it opens with a zero: "공이"), is read syllable by syllable; a lone "이" or "사" is
# a word ("this", "four" said alone is no phone)
_KOREAN = {"공": 0, "영": 0, "일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "륙": 6, "칠": 7, "팔": 8, "구": 9}
for _syllable, _v in _KOREAN.items():
    _add("Z" if _v == 0 else "U", _v, "ko:" + _syllable)
_THAI_WORD = re.compile("|".join(sorted(_THAI, key=len, reverse=True)))
# session 43 (43-5): Tamil digits (written and spoken forms), Bengali written as English is said ("জিরো ওয়ান সেভেন")
for _v, _ws in enumerate((
        "பூஜ்யம் பூஜ்ஜியம் பூஜ்ஜியம் சுழியம் சைபர் ஜீரோ",
        "ஒன்று ஒன்னு ஒண்ணு ওয়ান", "இரண்டு ரெண்டு টু", "மூன்று மூணு থ্রি", "நான்கு நாலு ফোর", "ஐந்து அஞ்சு ফাইভ",
        "ஆறு সিক্স", "ஏழு সেভেন", "எட்டு এইট", "ஒன்பது নাইন")):
    _add("Z" if _v == 0 else "U", _v, _ws)
# session 43 (43-5): Japanese and Chinese digits, written together in groups ("ゼロハチゼロ の 四四一二", "幺五九，二二八一"):
# the katakana readings (the longest first) and the kanji; a stretch of three or more of them inside a word is read
# digit by digit (as Korean is), a shorter one ("一下", "サンプル") is a word
_CJK = {"ゼロ": 0, "レイ": 0, "マル": 0, "〇": 0, "零": 0, "イチ": 1, "一": 1, "幺": 1, "ニー": 2, "ニ": 2, "二": 2,
        "サン": 3, "三": 3, "ヨン": 4, "四": 4, "ゴー": 5, "ゴ": 5, "五": 5, "ロク": 6, "六": 6, "ナナ": 7, "七": 7,
        "ハチ": 8, "八": 8, "キュウ": 9, "キュー": 9, "九": 9}
for _digit, _v in _CJK.items():
    _add("Z" if _v == 0 else "U", _v, "cj:" + _digit)
_CJK_DIGIT = re.compile("|".join(sorted(_CJK, key=len, reverse=True)))
_REPEAT = {**pii_spoken_numbers._REPEAT, "doppel": 2, "doppelt": 2}
_JOINERS = frozenset("y e et na und の".split())
# a word: letters with the combining marks of Indic scripts, Thai and Vietnamese (not the danda, not digits)
_TOKEN = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f\u0900-\u0963\u0970-\u09e5\u09f0-\u0dff\u0e00-\u0e4f\u0e5a-\u0e7f])+"
                    r"(?:['’ʼ][\u0400-\u04ff]{1,20})?")  # Ukrainian "п'ять", "дев’ять": one word
_GAP = re.compile(r"[ \t]{0,3}(?:(?:,|،|、|，|-|–|\.{1,3}|…)[ \t]{0,3})?")
_PLAIN_GAP = re.compile(r"[ \t]{1,2}|-|[ \t]?-[ \t]?")
_NEEDS_NEIGHBOUR = pii_spoken_numbers._NEEDS_NEIGHBOUR | {"oh", "one", "ba", "hai", "năm", "tư", "không", "opt",
                                                           "isa", "छ", "apat", "один", "одна", "одно", "сто", "три"}

# ---- the cues -----------------------------------------------------------------------------------------------------
_PHONE_CUE = (
    pii_spoken_numbers._PII_CUE[0][1] + "|" + pii_native_digits._PHONE_CUES + "|"
    r"area[ \t]code|contact|call[ \t]?back|call[ \t](?:me|you|him|her)|ring[ \t](?:me|you)|reach[ \t](?:me|you)|"
    r"text[ \t]me|sms|landline|telephone|tel|mob|fone|t[ée]l|fixe|"
    r"l[íi]neas?|linhas?|linea|linee|lignes?|lines?|hat|hatt[ıi]\w*|hatt[ıi]n[ıi]z|talian|"
    r"portar|portabilidad|portabilidade|portabilit[àé]|przeniesienia|ta[şs][ıi]ma|"
    r"wave|m-?pesa|momo|mobile[ \t]money|orange[ \t]money|airtel[ \t]money|tigo[ \t]pesa|moov[ \t]money|"
    r"free[ \t]money|nequi|daviplata|yape|plin|gcash|paymaya|ovo|gopay|shopeepay|jazz[ \t]?cash|easy[ \t]?paisa|"
    r"bkash|nagad|paytm|phonepe|touch[ \t]?n[ \t]?go|tng|duitnow|paynow|payid|swish|vipps|mobilepay|bizum|opay|"
    r"palmpay|ecocash|vodafone[ \t]cash|"
    r"s[ốo][ \t]đi[ệe]n[ \t]tho[ạa]i|đi[ệe]n[ \t]tho[ạa]i|sđt|s[ốo][ \t]đt|"
    r"τηλέφωνο|τηλ|κινητό|телефон\w{0,4}|тел|мобильн\w{0,4}|мобільн\w{0,4}|сотов\w{0,4}|"
    r"(?<!m[ãa][ \t])(?:s[ốo][ \t])?thu[êe][ \t]bao|(?:전화번호|전화|휴대폰|휴대전화|핸드폰|연락처)(?:[은는이가를로]|으로)?요?|"
    r"मोबाइल|मेरा[ \t]नंबर|mera[ \t]number|my[ \t](?:number|no)"
)
# a bare "number": a phone's unless another cue owns it (a cue of another kind just before it, or the nearest cue)
_NUMBER_CUE = (
    r"numbers?|n[úu]meros?|n[úu]mero\w*|num[ée]ro\w*|numer\w*|nummer|nomor\w*|nombor\w*|nomer\w*|numara\w*|"
    r"namba|nambari|num[ăa]r\w*|αριθμ\w*|номер\w*|số|" + pii_native_digits._BARE_NUMBER + r"|หมายเลข|رقم|الرقم|নম্বরটা|নম্বরটি|নাম্বারটা|নাম্বারটি"
)
_OTHER_CUE = (
    r"order|account|acct|a/c|reference|ref|booking|ticket|tracking|case|claim|policy|invoice|transaction|txn|trx|"
    r"receipt|meter|compteur|contatore|z[äa]hler|licznik|saya[çc]|meteran|consumer|subscriber|connection|mpan|mprn|post[ \t]?code|eircode|zip|pin|otp|code|passcode|password|card|sort[ \t]code|routing|"
    r"swift|cnic|nic|aadhaa?r|pan|pesel|nric|mykad|ic|kad[ \t]pengenalan|pengenalan|id|identity|national[ \t]insurance|"
    r"licen[cs]e|registration|plate|vin|serial|imei|iccid|amount|balance|price|fee|bill|member|membership|"
    r"employee|student|roll|social|akun|rekening|ending|ends[ \t]in|last[ \t](?:four|three|two|digits)|first[ \t]line|"
    r"address|flat|house|unit|apartment|suite|room|c[ăa]n[ \t]c[ưu][ớo]c|cccd|cmnd|ch[ứu]ng[ \t]minh|"
    r"h[ợo]p[ \t]đ[ồo]ng|t[àa]i[ \t]kho[ảa]n|mã|kh[áa]ch[ \t]h[àa]ng|kimlik|tc|hesap|nip|awb|colet|"
    r"δέμα|λογαριασμ\w*|"
    r"паспорт\w{0,3}|серию|серия|серії|сч[её]т\w{0,3}|рахун\w{0,3}|заказ\w{0,3}|замовлен\w{0,3}|посылк\w{0,3}|"
    r"посилк\w{0,3}|накладн\w{0,3}|договор\w{0,3}|заявк\w{0,3}|карт\w{0,3}|инн|снилс|ипн|полис\w{0,3}|код\w{0,3}|"
    r"квитанц\w{0,3}|лицев\w{0,3}|особов\w{0,3}|отделени\w{0,3}|відділен\w{0,3}|сумм\w{0,3}|сум\w{0,3}|"
    r"(?:주문|송장|운송장|계좌|카드|주민등록|주민|접수|고객|여권|사업자|회원|예약|우편|신고)(?:[ \t]?번호)?(?:[은는이가를]|으로)?|"
    r"생년월일|"
    # session 43 (43-5): Chinese and Japanese (an order's, a card's, an account's, an id's, a code's, an amount's, the
    # last digits: "订单号是一三八…", "尾号七七三〇")
    r"订单|訂單|注文|卡号|卡號|银行卡|銀行卡|信用卡|口座|账号|帳號|账户|帳戶|身份证|身分證|护照|護照|旅券|マイナンバー|"
    r"会员|會員|会員|运单|運單|快递|快遞|单号|單號|验证码|驗證碼|密码|密碼|暗証|保険証|カード|予約|预约|預約|金额|金額|"
    r"发票|發票|工单|工單|合同|合約|契約|お客様番号|受付番号|問い合わせ番号|尾号|尾號|末尾|后四位|後四位|下四桁|"
    + pii_native_digits._ID_CUES + "|" + pii_native_digits._BANK_CUES + "|"
    r"القومي|قومي|بطاقة|حساب"
)
# words that hold a cue's word but name no value: "in case we get cut off", "the phone number on the order"
_NO_CUE = (r"(?:just[ \t])?in[ \t]case|(?:it|number|one|card|them)[ \t]handy|(?:on|for|with|in|of)[ \t](?:the|your|my|this|that|our)[ \t](?:order|account|"
           r"booking|file|record|records|policy|claim|case|ticket|system|cuenta|pedido)")
_PIX = re.compile(r"(?i)\b(?:chave|pix)\b")
_OTHER_GROUPS = "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in pii_spoken_numbers._PII_CUE[1:])
_CUES = re.compile(  # a Thai, Japanese or Chinese cue may be glued to its neighbours ("お電話番号を", "我的手机号")
    r"(?i)(?<![^\W\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff]|@)(?:(?P<IGNORE>" + _NO_CUE + r")|(?P<PHONE>" + _PHONE_CUE + ")|" + _OTHER_GROUPS + r"|(?P<KEEP>" + pii_spoken_numbers._KEEP_CUE
    + r")|(?P<OTHER>" + _OTHER_CUE + r")|(?P<NUMBER>" + _NUMBER_CUE + r"))(?![^\W\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff]|@)")
_OWNER_BEFORE = re.compile(r"(?i)(?<![\w@])(?:" + pii_spoken_numbers._KEEP_CUE + "|" + _OTHER_CUE + "|"
                           + "|".join(p for _k, p in pii_spoken_numbers._PII_CUE[1:]) + r")(?![\w@])[ \t'’s-]{0,4}\Z")
_SPEAKER_LABEL = re.compile(r"[ \t]?:")
_CURRENCY_AFTER = re.compile(r"(?i)[ \t]{0,2}(?:rupees?|rupay|rs\b|taka|টাকা|baht|บาท|ringgit|rm\b|đồng|dong|"
                             r"lei|francs?|cfa|fcfa|shillings?|ksh|cedis?|kwacha|meticais|leones|pounds?|quid|"
                             r"bucks|dollars?|euros?|jeneh|جنيه|ريال|रुपये|रुपए|元|円|块|塊|원)")
_REPEAT_BEFORE = re.compile(r"(?i)(?<![\w])(?:" + "|".join(_REPEAT) + r")[ \t]{1,2}\Z")
_CORRECTION = re.compile(r"(?i)[ \t.,…-]{0,6}(?:(?:no|nope|sorry|wait|i[ \t]mean|non|pardon|désolé|perdón|perdon|"
                         r"disculpe|nahi|nahin|maaf|bukan|não|desculpa|scusi|anzi|nein|entschuldigung|hayır|pardon)"
                         r"[ \t.,…!-]{1,6}){1,3}")
# Korean names the number after it: "공일공 오구이사 일삼이칠 번호가 개통됐대요" ("a number … was opened")
_KOREAN_NUMBER_AFTER = re.compile(r"[ \t]{0,2}(?:전화[ \t]?)?번호")
_PLUS_BEFORE = re.compile(r"(?i)(?:\+|(?<![\w@])plus[ \t])[ \t]?\Z")
_EXTENSION = re.compile(r"(?i)[ \t,]{0,3}(?:extension|ext\.?|poste|interno|ramal|anexo|durchwahl|wew\.?)[ \t]{1,2}")


class _Run:
    __slots__ = ("start", "end", "said", "value", "cls", "words", "big", "line")

    def __init__(self, start: int, line: int) -> None:
        self.start, self.end, self.said, self.value, self.cls = start, start, "", -1, ""
        self.words, self.big, self.line = 0, False, line

    def digits(self) -> int:
        return len(self.said) + (len(str(self.value)) if self.value >= 0 else 0)


def _step(run: _Run, cls: str, value: int, plain: bool) -> None:
    """Fold one number word into the run: join it to the number being said when the words make one ("cincuenta y
    cinco", "soixante-dix-huit", "quatre-vingt-deux", "cinq cent cinquante", "beş yüz otuz iki", "thirty four"),
    else close that number and start the next."""
    cur, last = run.value, run.cls
    joined, new_cls = -1, cls
    if cur >= 0 and plain:
        if cls == "U" and last == "D" and cur % 10 == 0:
            joined, new_cls = cur + value, "N"
        elif cls == "U" and last == "T" and cur % 100 in (10, 70, 90) and value >= 7:
            joined, new_cls = cur + value, "N"  # dix-sept, soixante-dix-huit, quatre-vingt-dix-neuf
        elif cls == "T" and last == "D" and cur % 100 in (60, 80):
            joined, new_cls = cur + value, "T"  # soixante-quinze, quatre-vingt-douze
        elif cls == "D" and value == 20 and last == "U" and cur == 4:
            joined, new_cls = 80, "D"  # quatre-vingt
        elif (cls == "C" or (cls == "H" and value == 100)) and last == "U":
            joined, new_cls = cur * 100, "H"
        elif cls in "UTD" and last == "H" and cur % 100 == 0:
            joined, new_cls = cur + value, "D" if cls == "D" else "N"
        elif cls == "P" and last == "U":
            joined, new_cls = cur * 10, "D"
        elif cls == "B" and last == "U":
            joined, new_cls = cur + 10, "N"
    if joined >= 0:
        run.value, run.cls = joined, new_cls
        return
    run.said += str(cur) if cur >= 0 else ""
    if cls == "Z":
        run.said += "0"
        run.value, run.cls = -1, ""
    elif cls in "PB":
        run.value, run.cls = 10, "D" if cls == "P" else "N"
    elif cls == "C":
        run.value, run.cls = 100, "H"
    else:
        run.value, run.cls = value, cls


_KOREAN_TAILS = ("입니다", "이에요", "이요", "예요", "요", "이고", "고", "이랑", "번", "으로", "로", "은", "는", "을", "를", "가")


def _korean_digits(word: str) -> int:
    """How many syllables opening a Korean word are digits read as one group (0 when none are): the whole word, or all
    but a particle after it ("이이칠삼입니다")."""
    if all(c in _KOREAN for c in word):
        return len(word) if len(word) >= 3 or (len(word) == 2 and _KOREAN[word[0]] == 0) else 0
    for tail in _KOREAN_TAILS:
        if word.endswith(tail) and len(word) - len(tail) >= 3 and all(c in _KOREAN for c in word[:-len(tail)]):
            return len(word) - len(tail)
    return 0


def _cjk_words(at: int, word: str) -> Iterator[tuple[int, int, str]]:
    """A Japanese or Chinese word split into its digits (a stretch of three or more) and the rest."""
    stretches: list[list[tuple[int, int, str]]] = []
    for d in _CJK_DIGIT.finditer(word):
        if stretches and stretches[-1][-1][1] == d.start():
            stretches[-1].append((d.start(), d.end(), d.group()))
        else:
            stretches.append([(d.start(), d.end(), d.group())])
    done = 0
    for stretch in stretches:
        if len(stretch) < 3:
            continue
        if stretch[0][0] > done:
            yield at + done, at + stretch[0][0], word[done:stretch[0][0]]
        for start, end, digit in stretch:
            yield at + start, at + end, "cj:" + digit
        done = stretch[-1][1]
    if done < len(word):
        yield at + done, at + len(word), word[done:]


def _words(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, lower-case NFC word) for each word; a Thai cluster split into its digit words and the rest."""
    for m in _TOKEN.finditer(text):
        word = m.group()
        if "\u0e00" <= word[0] <= "\u0e7f" or any("\u0e00" <= c <= "\u0e7f" for c in word[:4]):
            at = m.start()
            for t in _THAI_WORD.finditer(word):
                if m.start() + t.start() > at:
                    yield at, m.start() + t.start(), "\u0e01"  # a Thai word that is no digit
                yield m.start() + t.start(), m.start() + t.end(), t.group()
                at = m.start() + t.end()
            if at < m.end():
                yield at, m.end(), "\u0e01"
            continue
        if "\u3000" <= word[0] <= "\u9fff" and any(c in word for c in "ゼレマ〇零一幺ニ二サ三ヨ四ゴ五ロ六ナ七ハ八キ九イ"):
            yield from _cjk_words(m.start(), word)
            continue
        if "\uac00" <= word[0] <= "\ud7a3":
            digits = _korean_digits(word)
            if digits:
                for k, c in enumerate(word[:digits]):
                    yield m.start() + k, m.start() + k + 1, "ko:" + c
                if digits < len(word):
                    yield m.start() + digits, m.end(), word[digits:]
                continue
        yield m.start(), m.end(), unicodedata.normalize("NFC", word.lower())


def _runs(text: str) -> Iterator[_Run]:
    low = text.lower()
    hindi = any(w in low for w in _HINDI_SURE) and re.search(
        r"(?i)(?<![\w])(?:" + "|".join(_HINDI_SURE) + r")(?![\w])", text) is not None
    turkish = any(w in low for w in _TURKISH_SURE)
    portuguese = any(w in low for w in _PORTUGUESE_SURE)
    words = list(_words(text))
    run: _Run | None = None
    repeat = 1
    line = 0
    last_nl = 0
    link = -1  # end of the run's last word, a joiner or a "double" included
    marks: list[tuple[int, int, int]] = []  # where the run may be split: (word's start, end before, digits before)

    def lookup(word: str) -> tuple[str, int] | None:
        entry = _LEX.get(word)
        if entry is None:
            if word in _THAI:
                return "Z" if _THAI[word] == 0 else "U", _THAI[word]
            if hindi and word in _HINDI_PLAIN:
                return "U", _HINDI_PLAIN[word]
            if turkish and word == "on":
                return "T", 10
        elif word == "um" and not portuguese:
            return None  # a filler, unless the message reads Portuguese
        return entry

    for i, (start, end, word) in enumerate(words):
        entry = lookup(word)
        line += text.count("\n", last_nl, start)
        last_nl = start
        gap_ok = run is not None and run.line == line and _GAP.fullmatch(text, link, start) is not None
        if entry is None:
            if run is not None and gap_ok and (word in _JOINERS or word in _REPEAT):
                repeat = _REPEAT.get(word, 1)
                link = end
                continue
            if run is not None:
                yield from _split(run, marks)
                run = None
            repeat = _REPEAT.get(word, 1)
            link = end
            continue
        cls, value = entry
        if run is not None and not gap_ok:
            yield from _split(run, marks)
            run = None
        if cls == "K":
            if run is not None:
                run.big = True
                yield run
                run = None
            repeat = 1
            continue
        if run is None:
            if word in _NEEDS_NEIGHBOUR and repeat == 1:
                nxt = words[i + 1] if i + 1 < len(words) else None
                if nxt is None or (lookup(nxt[2]) is None and nxt[2] not in _REPEAT) or \
                        _GAP.fullmatch(text, end, nxt[0]) is None:
                    continue
            if repeat == 1 or _REPEAT_BEFORE.search(text, max(0, start - 9), start) is None:
                run = _Run(start, line)
            else:
                run = _Run(_REPEAT_BEFORE.search(text, max(0, start - 9), start).start(), line)  # type: ignore[union-attr]
            marks = []
        else:
            between = text[run.end:start]
            if "…" in between or ".." in between or any(w in _JOINERS for w in between.lower().split()):
                marks.append((start, run.end, run.digits()))
        plain = run.words > 0 and _plain(text, run.end, start)
        for _ in range(repeat):
            _step(run, cls, value, plain)
            plain = False
        repeat = 1
        run.end, run.words, link = end, run.words + 1, end
    if run is not None:
        yield from _split(run, marks)


def _split(run: _Run, marks: list[tuple[int, int, int]]) -> Iterator[_Run]:
    """The run, or its parts where the caller restarts after a pause ("oh eight five seven seven … oh eight five seven
    seven two one…") or where it is too long for one phone at a pause or an "y" ("… cero uno dos y nueve cuatro…")."""
    full = run.said + (str(run.value) if run.value >= 0 else "")
    if not marks or (len(full) <= MAX_DIGITS and not any(
            k >= MIN_PIECE and full.startswith(full[:MIN_PIECE], k) for _s, _e, k in marks)):
        yield run
        return
    begin, done = run.start, 0
    for start, end_before, k in marks:
        if not (k - done >= MIN_PIECE and (full.startswith(full[done:done + MIN_PIECE], k)
                                           or len(full) - done > MAX_DIGITS)):
            continue
        part = _Run(begin, run.line)
        part.end, part.said, part.words = end_before, full[done:k], 3
        yield part
        begin, done = start, k
    rest = _Run(begin, run.line)
    rest.end, rest.said, rest.words, rest.big = run.end, full[done:], 3, run.big
    yield rest


def _plain(text: str, end: int, start: int) -> bool:
    """Nothing but a space, a hyphen or a joiner word between two number words: they may say one number."""
    between = text[end:start]
    if not between or _PLAIN_GAP.fullmatch(between):
        return True
    return len(between) <= 8 and between.strip(" \t").lower() in _JOINERS


# a bare "number" is a phone's when the word before it is one of these (or none: a turn's or a clause's start) —
# never "NHS number", "SS number", "PPS number", "kart numaranız", "long number"
_PRE_MODIFIED = re.compile(r"(?i)numbers?|nummer|numara\w*|n[úu]meros?|num[ée]ros?|numero")
_ALLOWED_BEFORE = frozenset("""my your his her their our the a an this that which what whats what's same new old other
another different right wrong correct best registered contact phone mobile cell home work office landline alternative
alternate its it's is good main callback whatsapp any telephone personal private direct full own give take confirm
repeat read got have also just ur el la los las su sus mi mis tu tus un una o os as seu sua meu minha teu tua
qual quel quelle le les votre vos ton mon ma il lo uno mio tuo suo vostro nostro de du do da al à a dal die ihre
meine deine eine seine hat telefon cep gsm iletişim cual cuál ese este otro nuevo nouveau autre naya purana apna
aapka mera tera ang yung iyong inyong ninyo mo ko po qué que""".split())
# a "number" of the languages that name its owner after it: a phone's when what follows is a phone's word, a wallet,
# a question or nothing — never "numéro allocataire", "número de utente", "nomor kartunya", "namba ya mita"
_POST_MODIFIED = re.compile(r"(?i)n[úu]mero\w*|num[ée]ro\w*|numer\w*|nomor\w*|nombor\w*|nomer\w*|namba|nambari|"
                            r"num[ăa]r\w*|số|номер\w{0,3}")
_OF = frozenset("de du da do del della dello dei di d des ya wa of la le l el los las les o a the your su votre "
                "vostro seu sua yako yangu ni é".split())
_PHONEISH = re.compile(
    r"(?i)(?:t[ée]l[ée]?\w*|tel\w*|celular|cel|m[óo]vil|movel|móvel|portable|ligne|l[íi]nea|linha|linea|contacto|"
    r"contato|contatto|whats\w*|mobile|fixe|simu|hp|wa|handphone|ponsel|telepon|telpon|điện|đt|przeniesienia|"
    r"portar|portabilidad|telkomsel|indosat|xl|axis|smartfren|tri|simpati|gopay|ovo|dana|shopeepay|nequi|daviplata|"
    r"yape\w{0,3}|wave|momo|mpesa|gcash|bkash|nagad|jazzcash|easypaisa|orange|airtel|mtn|vodafone|movistar|claro|telcel|"
    r"tigo|entel|bitel|personal|digi|viettel|true|dtac|ais|globe|smart|maxis|celcom|jio|zain|b[ée]n[ée]ficiaire|"
    r"beneficiari[oa]|benefici[áa]ri[oa]|destinataire|destinatari[oa]|телефон\w{0,4}|мобильн\w{0,4}|мобільн\w{0,4}|"
    r"сотов\w{0,4}|получател\w{0,3}|отримувач\w{0,3})(?:nya)?")
_ALLOWED_AFTER = frozenset("""a al à para pour por per que es est c'est é è svp please s'il is was berapa saya anda kamu
bapak ibu bu pak kak mas mbak yang ini itu encik puan awak proszę pana pani ninyo po mo ko ạ của chị anh em qui nào
who which that où dont que""".split())
_NEXT_WORDS = re.compile(r"[ \t]{0,2}([^\W\d_][\w'’]*)?(?:[ \t]{1,2}([^\W\d_][\w'’]*))?(?:[ \t]{1,2}([^\W\d_][\w'’]*))?")
_NUMBER_OF = re.compile(r"(?i)[ \t]{1,2}(?:on|of|from|next[ \t]to)[ \t]{1,2}(?:(?:the|your|my|his|her|this|that|"
                        r"our|their)[ \t]{1,2})?([^\W\d_]+)?")
_PHONE_BEFORE = frozenset("phone mobile cell contact telephone landline whatsapp callback".split())
_WORD_BEFORE = re.compile(r"(?<![\w'’])([^\W\d_][\w'’]{0,40})[ \t]{1,2}\Z")  # bounded, at a word's start


def _bare_number_is_phone(text: str, m: re.Match[str]) -> bool:
    """Is a bare "number" cue a phone's, by the word before it (English, Turkish, Romance) and after it (Romance,
    Indonesian / Malay, Polish, Swahili, Vietnamese)?"""
    word = m.group()
    before = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
    if before and (_PHONEISH.fullmatch(before.group(1)) or before.group(1).lower() in _PHONE_BEFORE):
        return True  # "phone number", "contact number", "callback number"
    of = _NUMBER_OF.match(text, m.end())
    if of and (of.group(1) is None or _PHONEISH.fullmatch(of.group(1)) is None):
        return False  # "the number on the key", "the number next to your name"
    if _PRE_MODIFIED.fullmatch(word):
        if before and before.group(1).lower() not in _ALLOWED_BEFORE and _PHONEISH.fullmatch(before.group(1)) is None:
            return False
    if _POST_MODIFIED.fullmatch(word):
        after = _NEXT_WORDS.match(text, m.end())
        nxt = [w.lower() for w in after.groups() if w] if after else []
        if nxt and nxt[0] not in _ALLOWED_AFTER and _LEX.get(nxt[0]) is None:
            rest = nxt[1:] if nxt[0] in _OF else nxt
            rest = rest[1:] if rest and rest[0] in _OF else rest
            if not any(_PHONEISH.fullmatch(w) for w in (nxt[:1] + rest[:2])):
                return False
    return True


class _Cues:
    """The cues of a text, searched once, from left to right, only in the windows before the runs asked about."""

    def __init__(self, text: str) -> None:
        self.text, self.searched, self.starts, self.ends, self.kinds = text, 0, [], [], []  # type: ignore[var-annotated]

    def _resolved(self, m: re.Match[str]) -> str | None:
        text, kind = self.text, m.lastgroup
        floor = max(0, m.start() - 40)
        if kind == "IGNORE":
            return None
        if kind not in ("PHONE", "NUMBER") and _SPEAKER_LABEL.match(text, m.end()) and \
                not text[text.rfind("\n", floor, m.start()) + 1:m.start()].strip(" \t[]0-9:"):
            return None  # "customer:", "pelanggan:", "khách hàng:" opening a turn: a speaker's label
        if kind == "NUMBER":
            owner = _OWNER_BEFORE.search(text, max(text.rfind("\n", floor, m.start()) + 1, m.start() - 30), m.start())
            return "OTHER" if owner or not _bare_number_is_phone(text, m) else "PHONE"
        return kind

    def kind(self, start: int) -> str | None:
        """The kind of the nearest cue before ``start`` on its line or the line before: "PHONE", another, None."""
        text = self.text
        floor = max(0, start - _WINDOW)
        line_start = text.rfind("\n", floor, start) + 1
        window_start = max(text.rfind("\n", floor, max(line_start - 1, 0)) + 1 if line_start else 0, floor)
        if start > self.searched:
            for m in _CUES.finditer(text, max(self.searched, window_start), start):
                kind = self._resolved(m)
                if kind is not None:
                    self.starts.append(m.start())
                    self.ends.append(m.end())
                    self.kinds.append(kind)
            self.searched = start
        i = bisect.bisect_right(self.ends, start) - 1
        if i < 0 or self.starts[i] < window_start:
            return None
        if self.kinds[i] == "PHONE" and _PIX.search(text, max(0, start - 2 * _WINDOW), start):
            return "BANK_ACCOUNT"  # a Pix key that is a phone ("a chave … é o meu celular") is the key, an account's
        return str(self.kinds[i])


def _spans(text: str) -> Iterator[Found]:
    every = list(_runs(text))
    runs = [r for r in every if not r.big and r.digits() >= MIN_PIECE
            and not _CURRENCY_AFTER.match(text, r.end) and not pii_spoken_numbers._CURRENCY_AFTER.match(text, r.end)]
    cues = _Cues(text)
    kinds = [cues.kind(r.start) for r in runs]
    phone = [k == "PHONE" and MIN_DIGITS <= r.digits() <= MAX_DIGITS and r.words >= 3 for r, k in zip(runs, kinds, strict=True)]
    said = [r.said + (str(r.value) if r.value >= 0 else "") for r in runs]
    for i, r in enumerate(runs):
        if kinds[i] is None and MIN_DIGITS <= r.digits() <= MAX_DIGITS and said[i][0] == "0" and \
                "\uac00" <= text[r.start] <= "\ud7a3" and _KOREAN_NUMBER_AFTER.match(text, r.end):
            phone[i] = True
    for i in range(len(runs) - 1):  # a reading corrected at once: "… four four one… no sorry, four five one"
        r, nxt = runs[i], runs[i + 1]
        if kinds[i] in (None, "PHONE") and kinds[i + 1] in (None, "PHONE") and r.line == nxt.line and \
                MIN_DIGITS <= r.digits() <= MAX_DIGITS and r.words >= 3 and _CORRECTION.fullmatch(text, r.end, nxt.start):
            phone[i] = phone[i + 1] = True
    for i, r in enumerate(runs):  # the same number again, corrected in a later turn ("¿y cuál era el correcto?")
        if not phone[i] and kinds[i] is None and MIN_DIGITS <= r.digits() <= MAX_DIGITS and r.words >= 3 and any(
                phone[j] and abs(len(said[j]) - len(said[i])) <= 1 and said[j][:5] == said[i][:5] and said[j] != said[i]
                for j in range(i)):
            phone[i] = True
    for order in (range(1, len(runs)), range(len(runs) - 2, -1, -1)):  # the pieces beside a phone, each way
        for i in order:
            j = i - 1 if order.step == 1 else i + 1
            r, other = runs[i], runs[j]
            if not phone[i] and phone[j] and kinds[i] == "PHONE" and r.line == other.line and \
                    (other.start - r.end if j > i else r.start - other.end) <= _PIECE_GAP:
                phone[i] = True
    for i, r in enumerate(runs):
        if not phone[i]:
            continue
        start, end = r.start, r.end
        plus = _PLUS_BEFORE.search(text, max(0, start - 6), start)
        if plus:
            start = plus.start()
        ext = _EXTENSION.match(text, end)
        if ext:
            end = next((x.end for x in every if x.start == ext.end() and not x.big and x.digits() <= 5), end)
        yield "PHONE", start, end, 0.85


def find_spoken_phones(text: str) -> list[Found]:
    """The phones read aloud of the module's docstring, at most CAP."""
    if len(text) < 12 or not any(c.isalpha() for c in text[:2000] + text[-2000:]):
        return []
    return list(itertools.islice(_spans(text), CAP))


def read_over(text: str, span: PiiSpan, phones: list[PiiSpan]) -> bool:
    """Is a PERSON or ADDRESS span the tagger read over a phone found here ("nau chaar do saat…", "العميل: صفر واحد…")
    that phone, with at most a speaker's label or punctuation beside it?"""
    if span.kind not in ("PERSON", "ADDRESS"):
        return False
    for phone in phones:
        if phone.start < span.end and span.start < phone.end:
            outside = text[span.start:max(span.start, phone.start)] + text[min(span.end, phone.end):span.end]
            if len(outside.strip(" \t,.;:")) <= 20 and not any(c.isdigit() for c in outside):
                return True
    return False
