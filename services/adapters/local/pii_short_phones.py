"""Short local phones after a payment's or a call's words, and service short codes (session 38, candidate 38-6).

The phone finders want a phone's length (nine digits and more) or a phone's word close before it ("phone", "number",
"call"…); a local number of seven or eight digits (Fiji, Tonga, Samoa, Papua New Guinea, Singapore, Bahrain, Malta,
Estonia, Denmark, Norway…) that a payment names, and a service's short code that a call or a text names, stayed
readable. Here:

- a number of 7-8 digits (one run, or groups: "9555 312", "9155 5027", "77 55 312", "03 555 214") where the message
  speaks of a money transfer, a top-up or a mobile wallet (transfer, PayNow, BenefitPay, M-PAiSA, topped up, recarga,
  or a verb that sends or pays with an amount: "sent $120", "salim K50", "vakau $80"), right after the word that
  sends to it: "to", "on", "from", "ki", "long", "a", "au", "lil", "wallet", "PayNow", "naba (cala)", "namba",
  "topped up"…; 9-10 digits in one run only after a top-up's word or "wallet" ("recarga … a 3204417893");
- the other number of such a transfer: a run of the same length a digit or two away from one found ("… to 9155 5027
  by accident, meant 9155 5072"), or any such number after "instead of", "meant", "should be", "the correct one is";
- a short code or a local number (3-10 digits) after a call's, a text's or a forward's word: "Call 100", "ring 1177",
  "call 082 111", "SMS from 7275", "SMS to 1900", "text STOP to 8558", "Forwarded it to 7726", "d'attente au 3900",
  "appelez le 3639", "llamé al 1004", "helistage 5341 2870", "Soạn GH gửi 191", "1900 pe SMS", "116 116 anrufen";
- a grouped 7-10 digit number that closes a line after the name that signs it ("– Andrea Vella, 7912 4438", "Hilsen
  Kari Nilsen, 928 41 702", "Groet, Hanneke Smit, 0513 622 418"), or after a Nordic "reach me at" ("træffes på 28 61
  44 07", "Kontakt os på 70 44 18 82").

Never an amount ("$120", "BD 35", "15.000.000 VND": a currency or a unit after it, thousands' groups), a date
("12.03.2024", "20240312"), a time ("call at 1530", "ring 30 min before"), a count ("Call 2 of 3", "called 100
times", "SMS to 300 customers"), a year ("SMS from 2023"), a USSD code ("dial *544#"), a channel's label opening a
line ("SMS to 2020: STOP…"), a number another word owns between the cue and it ("sent to account 12345678", "call NHS
111", "till number 5218447"), a bank account's (a bank's word just before or after it: "BSB 063-182, sent to 1044
7723", "to 8913435581 GTBank"), a unit and street ("sent to 402-1550 Alberni St"), one run signing a line ("Student:
Ana Lopez, 20418832"), a thing named ("a band called 311"), nor a ring's hallmark ("silver ring 925"). Every pattern
is linear (bounded repeats, each window searched once per number); at most CAP spans a message.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from services.adapters.local import pii_spoken_phones

Found = tuple[str, int, int, float]

CAP = 16
_MAX_NUMBERS = 400  # numbers read a message at most (a longer list is a dump)

# a number: one run of 7-10 digits, or 2-4 groups of 2-4 digits (one space, dot or dash between); never a piece of a
# longer number, a USSD code or a handle
_NUMBER = re.compile(r"(?<!\d[ \t.-])(?<![\w+.,/:#*$€£¥₦%@-])(\d{7,10}|\d{2,4}(?:[ \t.-]\d{2,4}){1,3})"
                     r"(?![\w/@%#*-]|[.,:]\d|[ \t.-]\d)")

# ---- transfers ----------------------------------------------------------------------------------------------------
# the message speaks of a payment: a transfer's, a top-up's or a mobile wallet's word, or a verb that sends or pays
# (then with an amount: "sent $120", "salim K50", "ba3atet $200", "vakau FJ$150")
_PAYMENT = re.compile(
    r"(?i)(?<![\w@.])(?:transfer\w{0,6}|transf[eé]r\w{0,8}|pay[ \t]?(?:now|lah)(?:-?ed|['’]d)?|benefit[ \t]?pay|"
    r"top(?:ped|ping|s)?[ \t-]?up|recharg\w{0,4}|recarg\w{0,4}|reload\w{0,3}|airtime|remit\w{0,6}|m-?pa[i]sa|"
    r"m-?pesa|momo|mobile[ \t]money|e-?wallet|wallet|gcash|paymaya|esewa|khalti|bkash|nagad|opay|palmpay|ecocash|"
    r"bizum|swish|vipps|mobilepay|yape|nequi|daviplata|duitnow|touch[ \t]?n[ \t]?go|jazzcash|easypaisa|"
    r"airtel[ \t]money|orange[ \t]money|omt|whish|zelle|venmo|revolut|virement|überwies\w{0,3}|überweisung|"
    r"ülekan\w{0,4}|kandsin|تحويل|حولت|حوّلت|بنفت)(?![\w@-])")
_SENT = re.compile(
    r"(?i)(?<![\w@.])(?:sen[dt]|sending|paid|pay(?:ing|ment)?|credit(?:ed)?|refund\w{0,3}|envi[eéoa]\w{0,4}|"
    r"mand[eéoa]\w{0,4}|vir[ée]|envoy\w{0,4}|vakau\w{0,4}|salim|ba3at\w{0,4}|pathae\w{0,3}|nimetuma|tuma|"
    r"kirim\w{0,3}|saatsin|maksin|bgħatt|bagħat\w{0,3}|ħallast|أرسلت|ارسلت|دفعت)(?![\w@-])")
_AMOUNT = re.compile(
    r"(?i)(?:[$€£¥₦₹₱₩]|(?<![\w$])(?:[a-z]{1,3}\$|usd|eur|gbp|aud|nzd|fjd|sgd|bd|bhd|top|wst|pgk|sbd|vuv|k|kes|ksh|"
    r"ugx|tzs|rwf|ngn|ghs|rs\.?|inr|npr|pkr|lkr|bdt|tk|php|idr|rp|myr|rm|vnd|thb|xof|xaf|fcfa|cfa|zar|aed|sar|qar|"
    r"omr|kwd|lbp|egp|mad|tnd|jod|mxn|cop|pen|clp|ars|brl)[ \t]?)\d|"
    r"\d[\d,.]{0,12}[ \t]?(?:[$€£¥₦₹]|(?:usd|eur|eurot?|gbp|dollars?|euros?|pounds?|bucks|kina|tala|pa['’]anga|"
    r"dinars?|rupees?|naira|cedis?|shillings?|pesos?|reais|rand|kwacha|dirhams?|riyals?|lira|ringgit|baht|dong|kr|"
    r"sek|nok|dkk|zł|lei|دينار|د\.ب)(?![^\W\d_]))")
_MONEY_WINDOW = 240  # characters before a number where its payment's word is looked for

# the word that sends to the number, right before it
_TO = re.compile(
    r"(?i)(?:(?<![\w'’])(?:to|on|from|ki|ki[ \t]he|long|a|al|au|à|ke|kay|sa|kwa|para|naar|lil|numbrile|"
    r"إلى|الى|على|لرقم|للرقم)|"
    r"(?<![\w'’])(?:wallet|pay[ \t]?now|pay[ \t]?lah|m-?pa[i]sa|benefit[ \t]?pay|naba|namba|numera|nambari|raqm[eiy]?|"
    r"ra2m[eiy]?)(?:[ \t](?:is|cala|dodonu|rong|stret|ni))?|"
    r"(?<![\w'’])(?:top(?:ped)?[ \t-]?up|recharged|reloaded|recargu[eé])"
    r"(?:[ \t](?:my|his|her|the|number|line|mobile))?)"
    r"[ \t:,]{1,3}\Z")
_TO_WINDOW = 40
# after a found number, the words that give the other one
_CORRECTION = re.compile(
    r"(?i)(?<![\w'’])(?:instead[ \t]of|meant(?:[ \t](?:for|to[ \t]be|to[ \t]send[ \t]to))?|should(?:[ \t]have)?[ \t]"
    r"be(?:en)?|(?:correct|right|real|intended|proper)[ \t](?:one|number|no\.?)(?:[ \t](?:is|was))?)[ \t:,]{1,3}\Z")
_CORRECTION_SPAN = 200  # characters after a found number where its other number may come
# a bank account's word close before the number (it is that account's, or the account's next to it), unless a
# wallet's word is closer; or right after it ("to 8913435581 GTBank", "to 12345678 sort code 20-00-00")
_BANK_WORDS = (r"accounts?|acct|acc|a/c|bsb|sort[ \t]?code|iban|konto|cuenta|conta|rekening|compte|nuban|routing|"
               r"clabe|cbu|bank|banco|banque")
_BANK = re.compile(rf"(?i)(?<![\w@.])(?:{_BANK_WORDS})(?![\w@-])")
_BANK_AFTER = re.compile(rf"(?i)[ \t(,]{{1,3}}(?:[^\W\d_][\w'’]{{0,15}}[ \t]{{1,2}}){{0,2}}(?:[^\W\d_]{{1,20}}[ \t]?)?"
                         rf"(?:{_BANK_WORDS})(?![^\W\d_])")
_BANK_WINDOW = 40
_WALLET = re.compile(r"(?i)(?<![\w@.])(?:pay[ \t]?now|pay[ \t]?lah|wallet|m-?pa[i]sa|m-?pesa|benefit[ \t]?pay|momo|"
                     r"mobile[ \t]money|top(?:ped|ping)?[ \t-]?up|recharg\w{0,4}|recarg\w{0,4}|airtime|gcash|esewa|"
                     r"khalti|opay|palmpay|bkash|nagad|ecocash|duitnow|nequi|daviplata|yape|bizum|swish|vipps|"
                     r"mobilepay)(?![\w@-])")
_TOP_UP = re.compile(r"(?i)(?<![\w@.])(?:top(?:ped|ping)?[ \t-]?up|recharg\w{0,4}|recarg\w{0,4}|reload\w{0,3}|airtime|"
                     r"load(?:ed)?)(?![\w@-])")
_WALLET_TO = re.compile(r"(?i)(?<![\w@.])e-?wallet[ \t:]{1,3}\Z|(?<![\w@.])wallet[ \t:]{1,3}\Z")
_ADDRESS_AFTER = re.compile(r"[ \t]{1,2}[A-Z][a-z]|,[ \t]{1,2}\d{1,5}[ \t]{1,2}[A-Z]")  # "402-1550 Alberni St"

# ---- calls and texts ----------------------------------------------------------------------------------------------
# a call's, a text's or a forward's word; the weak ones (a noun as well as a verb) need a preposition after them
_CALL = re.compile(
    r"(?i)(?<![\w@.#/-])(?:(?P<strong>"
    r"(?:text|txt|sms|send|reply|soạn|soan|kirim|ketik|envoyez|envoie|envía|invia|manda|tuma)[ \t]{1,2}"
    r"[\"'“‘]?(?-i:[A-Z][A-Z0-9]{1,11})(?:[ \t](?-i:[A-Z0-9]{1,12}))?[\"'”’]?[ \t]{1,2}"
    r"(?:to|au|al|ke|kwa|a|gửi|gui)|"
    r"call|ring|dial|phone|telephone|whatsapp|appelez|appeler|appelé|composez|composer|joindre|téléphonez|"
    r"téléphoner|llam(?:ar|e|é|en|ad|ame|enos)|marc(?:ar|ue)|chiam(?:are|ate|ato|i|a)|ligue|ligar|liguei|"
    r"ruf(?:en)?[ \t]sie|bel|bellen|ringa|ringe|ringer|ringde|ringede|helista\w{0,4}|soita\w{0,3}|zvaniet|"
    r"skambinkite|zadzwo\w{1,6}|zavolej\w{0,3}|volejte|hubungi|tumawag|piga(?:[ \t]simu)?|gọi|"
    r"numero[ \t]verde|n[uú]mero[ \t]gratuito|num[ée]ro[ \t]vert|اتصل|اتصلت|اتصلوا|called|calling)"
    r"|(?P<weak>calls|texts|text|texted|txt|messages?|msgs?|sms(?:es)?|marqu[eé]|forward(?:ed|ing)?|"
    r"report(?:ed|ing)?|appel|appels|attente|marca|gebeld|ringt|ringet)"
    r"|(?:answers?|answered|answering|picks?[ \t]up|picked[ \t]up)(?=[ \t](?:on|at)[ \t]))"
    r"(?![\w@-])")
_CALL_LINK = re.compile(
    r"[ \t]{1,2}(?:(?i:us|it|them|him|her|me|back|now|free|directly|immediately|anytime|this|that|these|those|any|"
    r"scam|spam|suspicious|fake|texts?|messages?|sms|emails?)[ \t]{1,2}){0,3}"
    r"(?P<prep>(?:(?i:on|at|to|from|au|du|al|el|il|den|die|der|på|op|naar|unter|sur|ke|sa|kwa|gửi|gui|para|ao|"
    r"le|lo|la|o|till|til|pod|na|numeroon|على)[ \t]{1,2}){1,2})?"
    r"(?:(?i:the|numero|número|numéro|nummer|short[ \t]?code)[ \t]{1,2})?")
# the words after which a number comes before its call's word: "1900 pe SMS karna", "116 116 anrufen"
_CALL_AFTER = re.compile(r"(?i)[ \t]{1,2}(?:(?:pe|par|ko|pr)[ \t](?:sms|call|msg|message|phone)|anrufen|angerufen|"
                         r"bellen)(?![\w@-])")
_CODE = re.compile(r"(?<!\d[ \t.-])(?<![\w+.,/:#*$€£¥₦%@-])(\d{3,10}|\d{2,4}(?:[ \t]\d{2,4}){1,2})"
                   r"(?![\w/@%#*-]|[.,:]\d|[ \t.-]\d)")
# a noun's word before "call" / "ring" / "phone" ("the call 100", "a silver ring 925", "my phone 1234")
_NOUN_BEFORE = re.compile(r"(?i)(?<![\w'’])(?:a|the|my|your|his|her|our|their|each|per|every|gold|silver|wedding|"
                          r"engagement|door|key|conference|video|mobile|smart)[ \t]{1,2}\Z")
_CALLER_BEFORE = re.compile(r"(?i)(?<![\w'’])(?:i|we|he|she|they|you|have|has|had|['’]ve|already|also|just|then|"
                            r"finally|and|but|so|who|even|never|ve)[ \t]{1,2}\Z")
_NOUNS = frozenset(("phone", "telephone", "ring"))  # a noun more often than a verb after "the" / "my"
_EXTENSION_AFTER = re.compile(r"(?i)[ \t,(]{0,3}(?:ext|extn|extension|x|poste|int|interno|wew|ramal|ank|ankn|durchwahl)"
                              r"\b")
_NEXT_WORD = re.compile(r"[ \t,.…-]{1,3}([^\W\d_]{1,12})")
# number words that are as often other words after a code ("llamé al 1004 dos veces", "1900 hai")
_NOT_DIGIT_WORDS = frozenset("un une una uno um uma hai mil mia bin ba ten dos isa elf sto".split())
_OR_CODE = re.compile(r"(?i)[ \t]{1,2}(?:or|eller|oder|ou|o|of|atau|au)[ \t]{1,2}" + _CODE.pattern)
_LINE_START = re.compile(r"(?:\A|\n)[ \t>\[]{0,3}\Z")
_TO_WORDS = frozenset(("to", "au", "al", "till", "til", "ke", "kwa", "gửi", "gui"))

# ---- signatures ---------------------------------------------------------------------------------------------------
# a Nordic "reach me at": the word, up to three words, then "på"
_NORDIC = re.compile(r"(?i)(?<![\w@.])(?:kontakt\w{0,4}|træffes|treffes|nås|når|ring|ringe|ringes)"
                     r"(?:[ \t][^\W\d_]{1,20}){0,3}[ \t]på[ \t]{1,2}\Z")
# the name that signs a number at the end of its line: "– Andrea Vella, ", "Hilsen Kari Nilsen, ", "Un saludo,
# Enrique (": two or three capitalised words after a line's or a sentence's start, a dash or a colon, or one to three
# after a sign-off's word
_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’-]{1,30}"
_SIGN_OFF = (r"regards|thanks|thank[ \t]you|cheers|mvh|hilsen|groet(?:en)?|saludos?|un[ \t]saludo|grazie|merci|danke|"
             r"gr[üu](?:ß|ss)e?|tack|kiitos|obrigad[oa]|vinaka|ngā[ \t]mihi|fa['’]afetai|malo|aitäh|grazzi|ačiū|"
             r"paldies")
_SIGNED = re.compile(
    rf"(?:(?m:^)|[.!?:;–—(]|[ \t]-)[ \t]{{0,3}}(?P<name>{_NAME_WORD}(?:[ \t]{_NAME_WORD}){{1,2}})"
    rf"(?:,[ \t]{{1,2}}|[ \t]{{1,2}}\(|,?[ \t]{{1,2}}[-–—|/][ \t]{{1,2}})\Z|"
    rf"(?i:(?<![\w'’])(?:{_SIGN_OFF}))[ \t]?[,!.]?[ \t]{{1,3}}(?P<after>{_NAME_WORD}(?:[ \t]{_NAME_WORD}){{0,2}})"
    rf"(?:,[ \t]{{1,2}}|[ \t]{{1,2}}\(|,?[ \t]{{1,2}}[-–—|/][ \t]{{1,2}})\Z")
_LINE_END = re.compile(r"[ \t.!)]{0,3}(?:\r?\n|\Z)")
# words of a signing line's "name" that are no name's
_NOT_NAME = frozenset("""order ref reference account invoice room ticket case policy member customer booking number code
pin box street road flat unit apt suite floor block lot plot bus route flight claim receipt voucher serial model item
total amount balance phone mobile tel fax call ring text sms whatsapp contact student patient employee staff ltd limited
plc llp inc gmbh ag bv nv sa sl srl spa ab as oy aps co company group holdings registered wales england scotland
ireland vat""".split())

# ---- look-alikes --------------------------------------------------------------------------------------------------
# after a number: a unit, a currency, a time or a count (an amount, a duration, a quantity)
_UNIT_AFTER = re.compile(
    r"(?i)[ \t]{0,2}(?:%|€|£|\$|¥|₦|(?:đ|am|pm|h|hrs?|hours?|mins?|minutes?|secs?|seconds?|times?|x|days?|weeks?|"
    r"months?|years?|units?|pcs|pieces|items?|kg|km|gb|mb|kwh|ml|points?|pts|usd|eur|gbp|sgd|fjd|bhd|bd|kes|ksh|ugx|"
    r"tzs|ngn|ghs|rs|inr|npr|pkr|php|idr|vnd|xof|xaf|fcfa|cfa|dong|naira|cedis?|shillings?|rupees?|pesos?|euros?|"
    r"dollars?|pounds?|lei|kr|sek|nok|dkk|pln|czk|huf|zar|rand|people|persons?|customers?|clients?|users?|members?|"
    r"subscribers?|recipients?|contacts?|students?|patients?|staff|employees?|households?|homes?|numbers?|calls?|"
    r"texts?|messages?|sms|characters?|chars|words?|pages?|of|out|sterling|silver|gold|carat|k|ct|uhr|heures?|"
    r"horas?|ore|minuti|minutos?)(?![^\W\d_]))")
# a date, a span of years ("2019-2024") or of hours ("0900-1700")
_DATE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|(?:19|20)\d\d[-/](?:19|20)?\d\d|"
                   r"(?:[01]\d|2[0-3])[0-5]\d-(?:[01]\d|2[0-3])[0-5]\d|\d{1,2}[ \t]\d{1,2}[ \t](?:19|20)\d\d|"
                   r"(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])|(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])"
                   r"(?:19|20)\d\d")
# an amount's thousands: "15.000.000", "1 250 000", "1.234.567", "2 500 000"
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3}){2,3}|\d(?:[ .]\d{3}){2,3}|\d{1,3}(?:[ .]\d{3}){0,2}[ .]000")
_YEAR = re.compile(r"(?:19|20)\d\d")
_HHMM = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")


def _digits(value: str) -> str:
    return "".join(c for c in value if c.isdigit())


def _plain_number(text: str, start: int, end: int) -> bool:
    """Not a date, an amount or a quantity."""
    value = text[start:end]
    return not (_DATE.fullmatch(value) or _THOUSANDS.fullmatch(value) or _UNIT_AFTER.match(text, end))


def _numbers(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, digits) of the numbers of 7-10 digits that are no date, amount or quantity."""
    for m in itertools.islice(_NUMBER.finditer(text), _MAX_NUMBERS):
        start, end = m.span(1)
        digits = _digits(m.group(1))
        if 7 <= len(digits) <= 10 and _plain_number(text, start, end):
            yield start, end, digits


def _paid_to(text: str, start: int, end: int, digits: str) -> bool:
    """Is the number at start:end one a payment is sent to?"""
    if _TO.search(text, max(0, start - _TO_WINDOW), start) is None or _ADDRESS_AFTER.match(text, end):
        return False
    window = max(0, start - _MONEY_WINDOW)
    if _PAYMENT.search(text, window, start) is None and (
            _SENT.search(text, window, start) is None or _AMOUNT.search(text, window, start) is None
            or (len(digits) > 7 and text[start:end] == digits)):
        return False  # a verb that sends with an amount names a grouped number or a 7-digit one ("12345678" may be
        # a bank account's)
    bank = [b.start() for b in _BANK.finditer(text, max(0, start - _BANK_WINDOW), start)]
    if (bank and _WALLET.search(text, bank[-1] + 1, start) is None) or _BANK_AFTER.match(text, end):
        return False  # "BSB 063-182, sent to 1044 7723", "to 8913435581 GTBank": a bank account's
    if len(digits) > 8:  # a longer run only after a top-up's word or "wallet" ("recarga … a 3204417893")
        return text[start:end] == digits and bool(_TOP_UP.search(text, window, start)
                                                   or _WALLET_TO.search(text, max(0, start - 12), start))
    return True


def _other_numbers(text: str, found: list[tuple[int, int, str]]) -> Iterator[Found]:
    """The transfer's other number: the same length a digit or two away, or any after "instead of", "meant"…"""
    for start, end, digits in _numbers(text):
        for s, _, value in found:
            if s == start or not 0 < start - s <= _CORRECTION_SPAN and not 0 < s - start <= _CORRECTION_SPAN:
                continue
            near = len(value) == len(digits) and sum(a != b for a, b in zip(value, digits, strict=False)) <= 2
            if near or (start > s and _CORRECTION.search(text, max(0, start - _TO_WINDOW), start)
                        and len(digits) <= 8 and abs(len(digits) - len(value)) <= 1):
                yield "PHONE", start, end, 0.8
                break


def _transfers(text: str) -> list[Found]:
    found = [n for n in _numbers(text) if _paid_to(text, *n)][:CAP]
    spans = [("PHONE", start, end, 0.8) for start, end, _ in found]
    if found:
        seen = {(start, end) for start, end, _ in found}
        spans += [f for f in _other_numbers(text, found) if (f[1], f[2]) not in seen]
    return spans


def _short_codes(text: str) -> Iterator[Found]:
    for cue in _CALL.finditer(text):
        link = _CALL_LINK.match(text, cue.end())
        preps = (link.group("prep") or "").split() if link else []
        if cue.group("weak") and not preps:
            continue  # "texts 1234", "messages 2 of 3": a noun's count
        if cue.group().lower() == "called" and not preps and not _CALLER_BEFORE.search(
                text, max(0, cue.start() - 20), cue.start()):
            continue  # "a band called 311": named, not rung
        if (not preps or cue.group().lower() in _NOUNS) and _NOUN_BEFORE.search(text, max(0, cue.start() - 20),
                                                                                 cue.start()):
            continue  # "the call 100", "a silver ring 925", "ship the phone to 1187 Peachtree St"
        m = _CODE.match(text, link.end() if link else cue.end())
        if m is None:
            continue
        start, end = m.span(1)
        digits = _digits(m.group(1))
        if not 3 <= len(digits) <= 10 or not _plain_number(text, start, end):
            continue
        if preps and _ADDRESS_AFTER.match(text, end):
            continue  # "ship the phone to 1187 Peachtree St"
        if text.startswith(":", end) and _LINE_START.search(text, max(0, cue.start() - 4), cue.start()):
            continue  # "SMS to 2020: STOP…": a channel's label, unmarked
        word = _NEXT_WORD.match(text, end)
        if (word and digits[0] == "0" and word.group(1).lower() in pii_spoken_phones._LEX
                and word.group(1).lower() not in _NOT_DIGIT_WORDS):
            continue  # "call me back on 07700 nine double oh…": a phone read on in words (the spoken finders')
        if len(digits) > 8 and _EXTENSION_AFTER.match(text, end):
            continue  # "call us back at 647 555 0192 ext 214": the phone finders' with its extension
        if len(digits) == 4 and ((_YEAR.fullmatch(digits) and not _TO_WORDS.intersection(p.lower() for p in preps))
                                 or ("at" in preps and _HHMM.fullmatch(digits))):
            continue  # "SMS from 2023", "call at 1530"
        other = _OR_CODE.match(text, end)  # "Ring 1177 eller 112"
        if other and not _plain_number(text, *other.span(1)):
            continue  # "call 100 or 200 times"
        yield "PHONE", start, end, 0.8
        if other and 3 <= len(_digits(other.group(1))) <= 10 and not _YEAR.fullmatch(other.group(1)):
            yield "PHONE", *other.span(1), 0.8
    for m in itertools.islice(_CODE.finditer(text), _MAX_NUMBERS) if any(
            w in text for w in (" pe ", " par ", " ko ", " pr ", "anruf", "bellen")) else ():
        digits = _digits(m.group(1))
        if _CALL_AFTER.match(text, m.end()) and 3 <= len(digits) <= 10 and not _DATE.fullmatch(m.group(1)):
            yield "PHONE", m.start(1), m.end(1), 0.8


def _signed(text: str) -> Iterator[Found]:
    for start, end, digits in _numbers(text):
        before = max(0, start - 70)
        if len(digits) <= 8 and _NORDIC.search(text, before, start):
            yield "PHONE", start, end, 0.8  # "træffes på 28 61 44 07"
            continue
        if text[start:end] == digits or not _LINE_END.match(text, end):
            continue  # one run after a name is as often an id ("Student: Ana Lopez, 20418832"); a phone is grouped
        name = _SIGNED.search(text, before, start)
        words = (name.group("name") or name.group("after")).split() if name else ()
        if words and not any(w.lower() in _NOT_NAME for w in words):
            yield "PHONE", start, end, 0.8


def find_short_phones(text: str) -> list[Found]:
    """The phones of the module's docstring, at most CAP."""
    if len(text) < 7 or not any(c.isdigit() for c in text):
        return []
    found = dict.fromkeys(itertools.islice(itertools.chain(_transfers(text), _short_codes(text), _signed(text)), CAP))
    return list(found)
