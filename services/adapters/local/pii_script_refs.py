"""A reference number after its name in another script stays readable (session 43, candidate 43-2).

``pii_refs`` reads a reference's name in the Latin-script languages (and a few CJK and Hindi names) before the phone
and id finders that come later run: a complaint, request, order, contract, payment, shipment or policy number named
in Arabic ("رقم البلاغ ٧٧٣٠٤١٢", "شكوى برقم CMP-4418827", "رمز التحقق ٤٨١٢"), Urdu and Persian ("شکایت نمبر
KE-4418827", "ریفرنس نمبر 04 11234 5567800", "کد رهگیری …"), Hindi and Nepali ("पॉलिसी ९४५ ५५१ २०८", "संदर्भ
संख्या …"), Bengali ("মিটার নম্বর …", "টোকেন …"), Tamil ("சேவை எண் 09-214-337-801"), Sinhala ("පොලිසි අංකය"), Greek
("αριθμός παροχής 1 23456789-01 2", "λογαριασμός ΔΕΗ …"), Hebrew ("דוח 71-448-2093"), Serbian ("позив на број …"),
Korean ("주문 B1G2-0311-4471"), Cantonese ("八達通 3017 4418 2"), or in the case endings of Turkish and Polish
("sipariş numaranız / caller: altı yedi…", "numer zgłoszenia …") was masked as a PHONE, an id, an account, a card,
or inside an ADDRESS the tagger read over the sentence. This pass runs after every finder and:

- drops a PHONE, NATIONAL_ID, BANK_ACCOUNT or CARD span that follows such a name (a colon, "number", "is", a "#" at
  most between them), or that opens the turn answering a question naming one ("ریفرنس نمبر بتا دیں / صارف: 04…");
- cuts the name and its number out of an ADDRESS span (the rest stays, in one or two pieces; nothing left, no span),
  and drops an ADDRESS span of number words alone that answers the question for a reference.

What it never takes: a number after a phone's, an id's or a bank's own word (جوال, شناختی کارڈ, رقم الهوية, मोबाइल…:
the older finders judge those); a question that also asks for a phone or an id; a "+" number. An account's word
("اکاؤنٹ نمبر", "ගිණුම් අංකය", "λογαριασμός") is a reference's only in a message about a bill or a utility (the
native finder's own test) with no bank named before it. Nothing is added. Every pattern is bounded and linear; the
window read before a span is at most 60 characters, one line (or the one turn before it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from services.adapters.local import pii_ids, pii_native_digits, pii_refs, pii_spoken_numbers
from services.models import PiiSpan

# an Arabic noun may carry a clitic ("و", "ب", "ل", "ف") and the article
_AR = r"(?:لل|[وبلف]?(?:ال)?)"
_AR_NOUNS = (r"طلب|طلبي|طلبك|طلبية|شكوى|شكوتي|بلاغ|عقد|عملية|العملية|سداد|مرجع|فاتورة|حجز|وثيقة|تذكرة|اشتراك|عداد|"
             r"شحنة|شحنتي|شحنتك|أوردر|اوردر|تقرير(?:[ \t]نجم)?|معاملة|مطالبة|حوالة|مخالفة|إيصال|ايصال|قسيمة|بوليصة|"
             r"تتبع|الحالة")  # never "رقم العميل" / "رقم المشترك": a customer's or subscriber's number may be the phone
# "a complaint against number …" names the number complained of, no reference
_AR_PREPOSITIONS = r"(?:على|عن|من|إلى|الى|ضد|في|مع|ل|لل)[ \t]"
# names of references, one script at a time; each ends where its number's link may start
_NAMES = (
    # Arabic: "رقم الطلب", "رقم البلاغ", "شكوى برقم", "طلب رقم", "الشحنة …", codes (verification, Fawry, error)
    rf"{_AR}رقم[ \t](?:ال)?(?:{_AR_NOUNS})|{_AR}(?:{_AR_NOUNS})(?:[ \t](?!{_AR_PREPOSITIONS})[^\W\d_]{{2,12}})?[ \t](?:رقم|برقم)|"
    rf"{_AR}(?:شحنة|شحنتي|شحنتك|الشحنة|الوثيقة|بوليصة|الأوردر|الاوردر|أوردر|اوردر|طلبي|المطالبة)|"
    r"[وبلف]?(?:ال)?(?:رقم[ \t]مرجعي|رقم[ \t]المرجعي|الرقم[ \t]المرجعي)|"
    r"(?:رمز|كود)[ \t](?:ال)?(?:تحقق|تفعيل|دفع|خطأ|الخطأ|سداد)(?:[ \t]الخاص[ \t]بك[ \t]هو)?|كود[ \t]فوري|"
    # Urdu
    r"(?:شکایت|ریفرنس|حوالہ|ٹریکنگ|آرڈر|بکنگ|ٹکٹ|میٹر|پالیسی|کسٹمر|کنزیومر|صارف|درخواست)[ \t]نمبر|"
    r"ٹرانزیکشن[ \t](?:آئی[ \t]ڈی|نمبر)|(?:میرا[ \t])?(?:آرڈر|بکنگ|پارسل)|"
    r"(?:بجلی|گیس|پانی)?[ \t]?بل[ \t](?:نمبر)?|"
    # Persian
    r"(?:شماره|کد)[ \t](?:پیگیری|رهگیری|سفارش|قرارداد|اشتراک|قبض|مرجع|تراکنش|بلیط|رزرو|پرونده|درخواست|شکایت|تایید|تأیید)|"
    r"شناسه[ \t](?:قبض|پرداخت)|"
    # Hindi / Nepali
    r"(?:पॉलिसी|पालिसी|संदर्भ|शिकायत|रेफरेंस|ऑर्डर|आर्डर|बुकिंग|टिकट|कंज़्यूमर|कंज्यूमर|उपभोक्ता|मीटर|लेनदेन|ट्रांजैक्शन|"
    r"अनुरोध|आवेदन|बिल|सेवा|कारोबार|सम्झौता|अनुबंध)[ \t](?:नंबर|नम्बर|संख्या|आईडी|क्रमांक|नं\.?)|पॉलिसी|पालिसी|MTCN|"
    # Bengali
    r"(?:সেবা|গ্রাহক|অভিযোগ|মিটার|রেফারেন্স|অর্ডার|টিকেট|টিকিট|বুকিং|লেনদেন|ট্রানজেকশন|কনজিউমার|বিল|পলিসি|চুক্তি)"
    r"[ \t]?(?:নম্বর|নাম্বার|নং|আইডি)|মিটার|টোকেন|"
    # Tamil
    r"(?:சேவை|சர்வீஸ்|புகார்|மின்[ \t]இணைப்பு|இணைப்பு|பரிவர்த்தனை|குறிப்பு|ஆர்டர்|பாலிசி|நுகர்வோர்|மீட்டர்|டிக்கெட்|"
    r"முன்பதிவு)[ \t]எண்|"
    # Sinhala
    r"(?:පොලිසි|යොමු|පැමිණිලි|ඇණවුම්|ගනුදෙනු|මීටර|බිල්පත්|පාරිභෝගික)[ \t]අංකය|"
    # Greek
    r"(?i:αριθμ(?:ός|ό|ού)[ \t](?:παροχής|σύμβασης|συμβολαίου|αίτησης|πρωτοκόλλου|παραγγελίας|αναφοράς|αποστολής|"
    r"δέματος|πελάτη|μετρητή)|αρ\.[ \t]?(?:παροχής|πρωτ\.|πρωτοκόλλου|σύμβασης)|(?:το[ \t])?δέμα|"
    r"κωδικός[ \t](?:πληρωμής|ηλεκτρονικής[ \t]πληρωμής))|"
    # Hebrew
    r"דוח|דו\"ח|דו״ח|קנס|אסמכתא|המשלוח|משלוח|הזמנה|מספר[ \t](?:הזמנה|לקוח|פנייה|חשבונית|משלוח|אסמכתא|פוליסה|תביעה|"
    r"חוזה|מונה)|"
    # Serbian, Croatian, Bulgarian, Russian and Ukrainian references (pii_refs reads the Latin-script ones)
    r"(?i:позив(?:ом)?[ \t]на[ \t]број|номер[ \t](?:заявки|заказа|обращения|договора|накладной|накладної|"
    r"замовлення|звернення|договору|посилки|посылки))|"
    # Turkish and Polish names whose case endings pii_refs' table lacks ("sipariş numaranız", "arıza kaydı",
    # "kargo takip no", "numer zgłoszenia", "nr umowy")
    r"(?i:(?:sipariş|takip|hizmet|müşteri|abone(?:lik)?|başvuru|şikayet|fatura|gönderi|kargo|poliçe|sözleşme|"
    r"rezervasyon|bilet|referans|dosya|sayaç|tesisat)[ \t](?:numar[a-zıüş]{1,6}|no|kod[a-zıum]{1,3})|"
    r"arıza[ \t]kayd[ıi]\w{0,3}|kargo[ \t]takip(?:[ \t]no)?|"
    r"(?:numer|nr\.?)[ \t](?:zgłoszenia|reklamacji|klienta|umowy|zamówienia|sprawy|przesyłki|faktury|polisy|szkody|"
    r"licznika|rezerwacji|biletu|transakcji))|"
    # Korean, Chinese, Japanese (pii_refs reads the ones a "number" word ends)
    r"주문(?:\s?번호)?|(?:운)?송장(?:\s?번호)?|접수\s?번호|八達通|八达通"
)
# an account's word: a reference's only in a message about a bill or a utility, no bank named
_ACCOUNT_NAMES = (r"اکاؤنٹ[ \t]نمبر|اکاونٹ[ \t]نمبر|ගිණුම්[ \t]අංකය|(?i:λογαριασμ(?:ός|ό|ού)(?:[ \t](?:μου|ρεύματος|ΔΕΗ))?)|"
                  rf"{_AR}رقم[ \t](?:ال)?حساب|(?:لحساب|للحساب)")
_GREEK_UTILITY = re.compile(r"(?i:ΔΕΗ|ΕΥΔΑΠ|ρεύμα\w{0,3}|παροχ\w{0,3}|νερ\w{0,3})")
_BANK = re.compile(r"(?i:\b(?:bank\w{0,4}|iban|swift)\b|بنك|مصرف|بینک|बैंक|ব্যাংক|வங்கி|τράπεζ\w{0,3}|බැංකු)")
# between the name and its number: a colon, "number", "is", a "#", a bracket (at most two link words)
_LINK_WORD = (r"رقم|برقم|رقمها|رقمه|هو|هي|نمبر|ہے|है|का|की|नंबर|नम्बर|नं\.?|নম্বর|নং|எண்|අංකය|번호|는|은|号|號|码|碼|"
              r"αριθμός|αρ\.|(?i:no\.?|nr\.?|number)")
_LINK = rf"(?:[ \t]{{0,2}}[:：#=\-–(«\"]?[ \t]{{0,2}}(?:(?:{_LINK_WORD})(?![^\W\d_])[ \t]{{0,2}}[:：#=\-–]?[ \t]{{0,2}})?){{1,2}}"
_LETTERS = r"(?:[A-Z]{1,5}[ \t-]{1,2})?"  # a firm's letters before the number ("الشحنة SMSA 2904…", "پارسل TCS 7741…")
_NAME_END = re.compile(rf"(?<![^\W\d_])(?:(?P<name>{_NAMES})|(?P<account>{_ACCOUNT_NAMES})){_LINK}{_LETTERS}$")
_NAME_ANY = re.compile(rf"(?<![^\W\d_])(?:(?P<name>{_NAMES})|(?P<account>{_ACCOUNT_NAMES}))")
# a reference's value: digits (any script) with letters, dashes, dots or spaces inside, at least two digits
_VALUE = re.compile(r"#?(?:[A-Z]{1,6}[ \t-]?)?\d[\dA-Z]{0,20}(?:[ \t./-]\d[\dA-Z]{0,14}){0,5}(?:[ \t-][A-Z](?![\w]))?")
_NAMED_VALUE = re.compile(rf"(?<![^\W\d_])(?:(?P<name>{_NAMES})|(?P<account>{_ACCOUNT_NAMES})){_LINK}(?P<value>{_VALUE.pattern})")
# a speaker's label opening a turn ("صارف: ", "ग्राहक: ", "client: ")
_TURN_LABEL = re.compile(rf"[ \t]{{0,3}}[^\W\d_][^\s:：]{{0,20}}(?:[ \t][^\s:：]{{1,20}}){{0,2}}[ \t]?[:：][ \t]{{0,3}}{_LETTERS}$")
_KINDS = ("PHONE", "NATIONAL_ID", "BANK_ACCOUNT", "CARD")
_MAX_MATCHES = 16
_TOKEN = re.compile(r"[^\s,.;:/-]{1,30}")


def _utility(text: str) -> bool:
    """A message about a bill or a utility (the native finder's test, and Greek's power and water)."""
    return bool(pii_native_digits._UTILITY.search(text) or _GREEK_UTILITY.search(text))


def _owns(text: str, match: re.Match[str], upto: int) -> bool:
    """Is the matched name a reference's here? (an account's word: in a utility's message, no bank named before)"""
    if any(_own_word(word) for word in match.group().split()):
        return False  # "طلب الجوال رقم …": a phone's word inside the name
    if match.group("name"):
        return True
    return _utility(text) and not _BANK.search(text, max(0, match.start() - 200), upto)


def _asks_own_data(line: str) -> bool:
    """Does a line name a phone, an id or a bank's own word (the native finder's cues, the Latin and CJK phones)?"""
    if pii_refs.names_a_phone(line):
        return True
    return any(m.lastgroup in ("id", "phone") for m in pii_native_digits._CUE.finditer(line))


def _own_word(word: str) -> bool:
    """Is the word a phone's or an id's own word, whole ("الجوال", "الهوية"; not "الخطأ", an error)?"""
    cue = pii_native_digits._CUE.fullmatch(word)
    return bool(cue and cue.lastgroup in ("id", "phone")) or pii_refs.names_a_phone(word)


def _named(text: str, span: PiiSpan) -> bool:
    """Does the span follow a reference's name in its line, or open the turn answering a question naming one?"""
    line_start = text.rfind("\n", 0, span.start) + 1
    before = text[max(line_start, span.start - 60):span.start]
    m = _NAME_END.search(before)
    if m is not None:
        return _owns(text, m, span.start)
    label = _TURN_LABEL.search(before)
    if label is None or line_start == 0 or before[:label.start()].strip():
        return False
    question = text[text.rfind("\n", 0, line_start - 1) + 1:line_start - 1][-140:]
    if sum(c.isdigit() for c in question) >= 5 or _asks_own_data(question):
        return False
    for q in _NAME_ANY.finditer(question):
        if _owns(text, q, line_start):
            return True
    return False


def _number_words_only(value: str) -> bool:
    """Is the value only digits and number words (three at least: "altı yedi sekiz bir, dört dört iki")?"""
    words = _TOKEN.findall(value)
    return len(words) >= 3 and all(w.isdigit() or w.lower() in pii_spoken_numbers._LEX
                                   or w.lower() in pii_ids.DIGIT_WORDS for w in words)


def _without_refs(text: str, span: PiiSpan) -> list[PiiSpan]:
    """An ADDRESS span with each reference's name and number cut out of it: the pieces left that hold a letter."""
    pieces: list[PiiSpan] = []
    start = span.start
    for n, m in enumerate(_NAMED_VALUE.finditer(text, max(0, span.start - 40), span.end)):
        if n >= _MAX_MATCHES:
            break
        if (m.end("value") <= start or sum(c.isdigit() for c in m.group("value")) < 2
                or not _owns(text, m, m.start())):
            continue  # one digit is no reference's number ("بل 8,450 روپے": an amount)
        left = text[start:max(start, m.start())].rstrip(" \t,،.:;-–\n(")
        if any(c.isalpha() for c in left):
            pieces.append(PiiSpan(span.kind, start, start + len(left), span.score))
        start = m.end("value")
    if start == span.start:
        return [span]
    right = text[start:span.end]
    stripped = right.lstrip(" \t,،.:;-–\n)۔")
    if any(c.isalpha() for c in stripped):
        pieces.append(PiiSpan(span.kind, span.end - len(stripped), span.end, span.score))
    return pieces


def drop_script_references(text: str, spans: Sequence[PiiSpan]) -> list[PiiSpan]:
    """The spans without the reference numbers named in other scripts (the module's docstring)."""
    if text.isascii() or not spans:
        return list(spans)
    out: list[PiiSpan] = []
    for span in spans:
        if span.kind in _KINDS:
            value = text[span.start:span.end]
            if not value.lstrip("( ").startswith("+") and _named(text, span):
                continue
            out.append(span)
        elif span.kind == "ADDRESS":
            if _number_words_only(text[span.start:span.end]) and _named(text, span):
                continue  # "agent: sipariş numaranız / caller: altı yedi sekiz bir…": the order read aloud
            out.extend(_without_refs(text, span))
        else:
            out.append(span)
    return out
