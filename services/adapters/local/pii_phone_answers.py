"""Phones with no phone word beside them: the answer to a turn that asks for one, a callback line, a number glued to
the words of a script without spaces (session 47, candidate 47-1, issue 21).

The phone finders read a number after its cue. Still readable were:

- the answer to the turn before, when that turn asks for a phone: "Agent (Farah): and your mobile number?\\nCustomer:
  07391 552 018", "Conseiller (Julien) : Pouvez-vous me donner le numéro de la ligne fixe ?\\nClient : 01 48 22 93 70",
  "¿el número a portar?\\ncliente: 9 8841 2075", "ご連絡先のお電話番号は\\nお客様: 090-2291-4417です", "연락처도 변경하시나요?\\n
  고객: 네 010-4482-7719로요" — and the same number said again, corrected, on that line ("310 448 2917, era 310 448
  2971"). The speaker's label ("Customer:", "Cliente:", "Patient:") is no reference's cue there: `answer_labels` tells
  the kept-value rule so. A turn asks for a phone when it names one (phone, mobile, línea, portable, recapito, 연락,
  電話…, never a firm's name: "Vellum Mobile"), or asks for "the number" alone ("¿a qué número?", "le numéro
  concerné ?"); "Medicare number", "número de contrato", "numer klienta", "namba ya mita" name something else, and a
  turn that speaks of an order, an account, a card, a reference or an id asks for no phone unless it names the phone;
- a number after the callback and contact words of more languages and their compounds: "Terugbelnummer: 06 41 87 29
  30", "Rückrufnummer 0171 2233445", "Rufnummer", "recapito", "telemóvel", "joignable au";
- a number glued to the CJK or Hangul words round it after their phone word: "有事打159 2183 0467", "門號0912-407-338",
  "致电0755-8326 4471", "제 번호 010-4417-2093이에요", "보낸 번호는 010-2294-8817이에요" (never after an order's or a
  waybill's "번호" / "号码": "주문번호", "운송장 번호", "订单号码"), and never a Pix key ("a chave pix é meu celular").

A phone is 7 to 13 digits in groups (spaces, dashes, dots, a slash, an ideographic comma in an answer), never a date,
an amount or a number glued to Latin letters. Every pattern is linear (bounded repeats); the text is read up to its
first 20,000 characters; at most CAP phones a message.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from services.adapters.local import pii_ids

Found = tuple[str, int, int, float]

_LIMIT = 20_000
CAP = 24

# a phone number: an optional country code, an area code in brackets, groups of 1-5 digits (one separator between)
_NUMBER = re.compile(
    r"(?<![0-9A-Za-z+/.,$€£¥₹-])(?:\+\d{1,3}[ \t.-]?)?(?:\(\d{1,5}\)[ \t]?)?\d{1,5}"
    r"(?:(?:[ \t]?[-./][ \t]?|[ \t]|、)\d{1,5}){0,12}"
    r"(?![0-9A-Za-z%€$£¥₹/-]|[.,]\d|[ \t]?(?:€|%|\$))")
_DATE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")
_THOUSANDS = re.compile(r"\d{1,3}(?:[.,]\d{3}){1,4}")  # an amount ("1.250.000"), never a phone

# words that name a phone in a question (lower case; whole words for the Latin, Greek and Cyrillic ones)
_PHONE_WORDS = sorted((
    "phone", "telephone", "mobile", "cell", "cellphone", "landline", "whatsapp", "callback", "call back", "reach you",
    "port", "teléfono", "telefono", "móvil", "movil", "celular", "línea", "linea", "contacto", "portar", "téléphone",
    "portable", "ligne", "joindre", "cellulare", "recapito", "telefone", "telemóvel",
    "telemovel", "contato", "linha", "telefon", "handy", "rückruf", "rückrufnummer", "rufnummer", "mobilnummer",
    "festnetz", "telefonnummer", "handynummer", "telefoon", "telefoonnummer", "mobiel", "terugbelnummer",
    "przeniesienia", "telefonu", "komórki", "телефон", "телефона", "мобильный", "контактный", "τηλέφωνο",
    "κινητό", "τηλέφωνο επικοινωνίας", "mobil", "contact", "line", "tlf", "simu", "mobile number", "sđt", "điện thoại",
), key=lambda w: (-len(w), w))
_PHONE_ASK = re.compile(r"(?i)(?<![^\W\d_])(?:" + "|".join(re.escape(w) for w in _PHONE_WORDS)
                        + r")(?![^\W\d_])|연락|전화|휴대폰|핸드폰|電話|电话|手机|手機|携帯|連絡先|联系|聯絡|聯繫|門號|门号")
_BRAND = re.compile(r"(?<![.!?]\s)(?<=[ \t])[A-Z][\w&'-]{1,20}[ \t]$")
# "number" alone: a phone's only in a question that names nothing else
_NUMBER_ASK = re.compile(r"(?i)(?<![\w-])(?:([^\W\d_]{1,12}['’]?s?)[ \t])?(?:number|n[úu]mero|num[ée]ro|nummer|numer|"
                         r"номер|numara|numaranız|αριθμό|nomor|nombor|namba|nambari|noumrou|ra2m|ra2mak)(?![^\W\d_])(?:[ \t]{1,2}([^\W\d_]{1,12}))?")
# the words that may stand before and after "number" in a question for a phone ("the number?", "which number did you
# send it to?", "¿el número a portar?", "le numéro concerné"): any other ("Medicare number", "número de contrato",
# "numer klienta", "nomor kartunya") names what the number is
_BEFORE_NUMBER = frozenset("""the a your my what what's whats which that this best new old right correct registered same
other another and el un su tu mi qué que cuál cual le la votre ton quel quelle il lo suo tuo quale o um seu teu qual
der die das ihre ihr deine welche het uw je jouw welk a и ваш твой і de do the""".split())
_AFTER_NUMBER = frozenset("""a à al para pour per que qui che to for on you that which where i we he she please pls po ji
concerné concernée sent again is was bataiye batayein bata dein""".split())
_OTHER_ASK = re.compile(
    r"(?i)(?<![^\W\d_])(?:order|orders|account|acct|ref|reference|booking|case|ticket|policy|invoice|tracking|customer|"
    r"member|membership|card|iban|id|pin|passport|meter|serial|imei|claim|contract|parcel|transaction|txn|nin|ssn|cpr|"
    r"nric|aadhaar|pan|licen[cs]e|plate|vin|pedido|cuenta|tarjeta|referencia|p[óo]liza|commande|dossier|compte|carte|"
    r"facture|contrat|ordine|conto|carta|pratica|fattura|encomenda|conta|cart[ãa]o|bestellung|kundennummer|konto|"
    r"vertrag|rechnung|karte|bestelling|klantnummer|rekening|zamówienia|konta|karty|заказа|счета|счёта|договора|карты|"
    r"documento|dni|c[ée]dula|rut|curp|rfc|cpf|nif|nie|siret|cliente|client|klant|kunde|sim|iccid|puk|otp|code|código|"
    r"codice)(?![^\W\d_])|주문|계좌|카드|고객번호|주민|注文|お客様番号|口座|证券|証券|订单|單號|单号|账户|帳戶|"
    r"卡号|卡號|身份|会员|會員")
_ANSWER = re.compile(
    r"[ \t]{0,3}(?:\[[\d:]{3,8}\][ \t]{0,2})?[^\W\d_][^\n:：?？]{0,40}[:：][ \t]{0,3}"
    r"(?:(?i:yes|yeah|yep|sure|ok|okay|it['’]?s|its|it is|that['’]?s|el|del|al|es|le|c['’]est|oui|sí|si|ja|da|sim|"
    r"é|wahi|haan|ji|um|uh|ah|so|the|my number is|mi número es|네|예|对|對|是|はい)[ \t,.、，]{1,3}){0,3}")
_LINE_TAIL = re.compile(r"(?:[ \t]{0,2}(?:[,，、;.…]|(?i:sorry|no|non|nein|era|è|est|es|is|not|instead|au lieu|"
                        r"perdón|pardon|wait|不对|不對|あ|違う|아니|本來係|本来是|是))){1,6}[ \t]{0,2}")
# a form's field label, not a speaker's ("Account number:", "Ref:")
_FIELD_LABEL = re.compile(r"(?i)(?<![^\W\d_])(?:acc\w{0,10}|number|no|nr|ref\w{0,10}|id|order|booking|policy|invoice|"
                          r"code|c[óo]digo|iban|card|pin)(?![^\W\d_])")


def _digits(value: str) -> int:
    return sum(c.isdigit() for c in value)


def _phone_like(value: str) -> bool:
    n = _digits(value)
    if not 7 <= n <= 13 or _DATE.fullmatch(value) or _THOUSANDS.fullmatch(value):
        return False
    groups = len(re.findall(r"\d+", value))
    return groups >= 2 or n >= 8


def _asks_phone(line: str) -> bool:
    """Does a turn ask for a phone: a phone's word, or "number" alone in a question naming nothing else?"""
    if _digits(line) >= 5:
        return False  # a form line that gives a number asks nothing
    for word in itertools.islice(_PHONE_ASK.finditer(line), 6):
        if not _BRAND.search(line, 0, word.start()) or not word.group()[:1].isupper():
            return True  # "Vellum Mobile", "Zephyr Telefon": a firm's name, no question for a phone
    if ("?" not in line and "？" not in line) or _OTHER_ASK.search(line):
        return False
    for m in itertools.islice(_NUMBER_ASK.finditer(line), 4):
        before, after = (m.group(1) or "").lower(), (m.group(2) or "").lower()
        if (not before or before in _BEFORE_NUMBER) and (not after or after in _AFTER_NUMBER):
            return True
    return False


def _answers(text: str) -> Iterator[tuple[int, Found]]:
    """(where the answer's label starts, the phone) for each phone that answers a phone's question."""
    for line, begin, end_of_line in pii_ids.next_turns(text[:_LIMIT]):
        if not text[begin:end_of_line].strip() or not _asks_phone(line):
            continue
        label = _ANSWER.match(text, begin)
        if label is None or _FIELD_LABEL.search(re.split(r"[:：]", label.group(), maxsplit=1)[0]):
            continue  # the next line is another field ("Account number: …"), not an answer
        m = _NUMBER.match(text, label.end())
        if m is None or m.end() > end_of_line or not _phone_like(m.group()):
            continue
        yield begin, ("PHONE", m.start(), m.end(), 0.85)
        size, at = _digits(m.group()), m.end()
        for _ in range(2):  # the same number said again on the line, corrected
            tail = _LINE_TAIL.match(text, at)
            if tail is None:
                break
            nxt = _NUMBER.match(text, tail.end())
            if nxt is None or nxt.end() > end_of_line or abs(_digits(nxt.group()) - size) > 1 \
                    or not _phone_like(nxt.group()):
                break
            yield begin, ("PHONE", nxt.start(), nxt.end(), 0.85)
            at = nxt.end()


def answer_labels(text: str) -> list[tuple[int, int, int]]:
    """(label start, phone start, phone end) of each phone that answers a phone's question: the label ("Customer:",
    "Cliente:", "Patient:") there is a speaker's, no reference's cue."""
    if "\n" not in text:
        return []
    return [(begin, start, end) for begin, (_, start, end, _) in itertools.islice(_answers(text), CAP)]


# callback and contact words of more languages and compounds, then a colon or "is"/"op"/"au"… and the number
_CONTACT_WORDS = sorted((
    "terugbelnummer", "terugbellen op", "bel me op", "bel mij op", "bereikbaar op", "rückrufnummer", "rufnummer",
    "telefonnummer", "mobilnummer", "handynummer", "festnetz", "erreichbar unter", "zurückrufen unter",
    "unter der nummer", "recapito", "recapito telefonico", "cellulare", "numero di cellulare", "telemóvel",
    "telemovel", "joignable au", "rappelez-moi au", "me rappeler au", "portable", "número de contacto",
    "numero de contacto", "llámame al", "llamame al", "llamar al", "celular", "contacto", "contact", "callback number",
    "call back number", "callback", "mobiel", "mobiele nummer", "telefoonnummer", "numer kontaktowy", "kontakt",
    "tel. kom.", "tel. kom", "kontaktnummer", "kontakttelefon", "puhelin", "telefonszám", "kontaktní telefon",
), key=lambda w: (-len(w), w))
_CONTACT = re.compile(r"(?i)(?<![^\W\d_])(?:" + "|".join(re.escape(w) for w in _CONTACT_WORDS)
                      + r")(?![^\W\d_])[ \t]{0,2}(?:\([^)\n]{1,20}\)[ \t]{0,2})?[:#]?[ \t]{0,3}"
                      r"(?:(?i:is|es|est|ist|è|é|op|on|at|au|al|nr\.?|no\.?)[ \t:]{1,3})?")
# a phone's word of the CJK and Hangul scripts, then at most a few letters or particles before the digits
# ("주문번호", "订单号码" name an order: "번호" / "号码" count only alone or after a phone's word)
_SCRIPT_WORD = re.compile(r"(?:(?:전화|휴대폰|핸드폰|폰|연락처)[ \t]?번호|(?:제|내|저의|보낸|새|바뀐)[ \t]번호|"
                          r"(?<![\uac00-\ud7af])(?<![\uac00-\ud7af][ \t])번호|연락처|전화|휴대폰|핸드폰|"
                          r"電話番号|電話|携帯|連絡先|(?:电话|手机|手機|電話|联系|聯絡)(?:号码|號碼)|"
                          r"(?<![\u3400-\u9fff])(?:号码|號碼)|电话|手机|手機|联系电话|聯絡電話|门号|門號|致电|致電|"
                          r"拨打|撥打|打)")
_SCRIPT_GAP = re.compile(r"[ \t]{0,2}(?:[은는이가을를도로]|是|係|为|為|：|:)?[ \t]{0,2}")
_SCRIPT_AFTER = re.compile(r"(?:[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]|[ \t]|[，。,.!?！？)）]|$)")


def _contacts(text: str) -> Iterator[Found]:
    head = text[:_LIMIT]
    for cue in itertools.islice(_CONTACT.finditer(head), 40):
        if re.search(r"(?i)\bpix\b|\bchave\b", head[max(0, cue.start() - 80):cue.start()]):
            continue  # "a chave pix é meu celular …": a payment key, read by the bank account's rules
        m = _NUMBER.match(head, cue.end())
        if m and _phone_like(m.group()) and "、" not in m.group():
            yield "PHONE", m.start(), m.end(), 0.85
    if not re.search(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]", head):
        return
    for word in itertools.islice(_SCRIPT_WORD.finditer(head), 40):
        gap = _SCRIPT_GAP.match(head, word.end())
        at = gap.end() if gap else word.end()
        m = _NUMBER.match(head, at)
        if m and _phone_like(m.group()) and "、" not in m.group() and _SCRIPT_AFTER.match(head, m.end()):
            if word.group() == "打" and at == word.end() and not m.group()[:1].isdigit():
                continue
            yield "PHONE", m.start(), m.end(), 0.85


def find_phone_answers(text: str) -> list[Found]:
    """The phones of the module's docstring, at most CAP."""
    answered = (found for _, found in _answers(text)) if "\n" in text else iter(())
    return list(itertools.islice(itertools.chain(answered, _contacts(text)), CAP))
