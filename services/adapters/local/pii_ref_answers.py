"""A reference read back in answer to the agent's question for it is that reference (session 38, candidate 38-4).

An agent asks for a kept reference ("and your PAC?", "member id please", "Kundennummer?", "namba ya mita
tafadhali", "código de reserva", "awb number?", "kennzeichen?", "your crn?", "can I take the policy number?") and
the caller's next turn reads it out: "XQA 882 914", "4 4 1 7 0 9 2 3", "three seven one four two two nine zero eight
one five", "l de lima, x, k, t, q de queso, uno", "m wie martha, k wie kaufmann, dann vier vier eins sieben",
"123 / 45 678 90 - k", "it's H O M 4 4 1 2 7 7". By the labelling conventions such a value is kept; the phone, id and
name finders read its digits as a phone or an id and its letters as initials. ``pii_refs`` drops a PHONE (or a spoken
value) that opens such an answer; a value with letters, one after "it's", a PERSON over its letters and the spans
the read-aloud finders add after it stayed masked.

:func:`drop_reference_answers` (wired after the detector's last add-back of read-out numbers, and in the rules-only
detector after its filters) drops a PHONE, PERSON or NATIONAL_ID span that lies inside such an answer's value:

- the question: a line that opens with a speaker's label (a time stamp before it allowed), whose last sentence names
  a kept reference — one of ``pii_refs``' reference names (policies, claims, bookings, meters, contracts, invoices,
  orders, tickets, waybills and parcels, transactions, members and customers at an insurer, a utility or a shop, ...),
  a compound ending in a number's word ("Kundennummer", "klantnummer") or one of the names below (PAC, CRN, UTR, AWB,
  CN, PNR, plate / reg / Kennzeichen / matrícula / targa, member / service / trip id, "namba ya mita", "nomor
  pelanggan", "abone numaranız", "ügyfélszám", "số hợp đồng"…);
- never when that sentence also asks for a phone or a mobile wallet, a name, an identity document (``pii_ids``' names,
  a national, social or tax number; an "ID" after a reference's name is the reference's), a card's number, a bank
  account (a bank, "konto", "cuenta", "compte", a roll number), a postcode, an address, a birth date, an e-mail, the
  last digits of anything, a password or a PIN; nor, for a customer's or a member's number, when a bank is spoken of in
  the message or money was paid to it; an account's number is a kept reference only where a telecom, a utility, an
  insurer or a shop is spoken of and no bank's business (a branch, a salary, an ATM, a card, a bereavement...);
- a UTR is a kept reference only with twelve digits (an Indian transfer's; a UK taxpayer's has ten), a plate's value
  holds a letter ("numéro d'immatriculation" is also a French social security number);
- the answer: the next line, another speaker's turn (its label no field's name, as "Telefon:" in a form is), whose
  value opens it after at most a few fillers ("yeah it's", "uh its", "po", "ist", "c'est") and the reference's own
  name said again;
- the value: a run of digits, number words of the languages our calls mix, single letters and their spelling words
  ("K as in kilo", "M wie Martha", "l de lima"), NATO words, Spanish / Italian letter names, groups of capitals and
  codes of letters and digits ("XKB", "1ESY1160", "LT-KE-88201937"), joined by spaces, commas, dashes, slashes and
  "dash" / "slash" / "guion" / "dann"; it says at least four digits, or two digits and three letters (a plate). Any
  other word ends it ("4471, and my number is 07…": only "4471"), as a "+" does; a comma between two written numbers
  ends it too ("4471, 0917 555 1234"); a value the turn goes on to call a phone or an id ("0412 555 019 is my
  mobile") is none.

Only a span inside the value is dropped; a span that runs past it (a name after the plate) is left to the other
rules. Nothing is added. Plain Python over one line pair; the patterns are anchored and bounded (linear), at most
_MAX_LINES lines are read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from services.adapters.local import pii_ids, pii_refs, pii_rules, pii_spoken_ids
from services.adapters.local.pii_name_answers import SPEAKER_LABEL  # the speaker label read as name answers read it
from services.models import PiiSpan

KINDS = frozenset(("PHONE", "PERSON", "NATIONAL_ID"))
_MAX_LINES = 400
_MAX_FILLERS = 6
_MAX_TOKENS = 60

# names of kept references that pii_refs' table lacks (or reads only with a number's word)
_MORE_NAMES = re.compile(
    r"(?i:\b(?:pac|porting[ \t]code|crn|utr|awb|cn[ \t](?:number|no)|pnr|confirmation[ \t](?:code|number)|"
    r"(?:number[ \t])?plate|reg|rego|registration|vehicle(?:[ \t](?:number|reg\w{0,10}))?|kennzeichen|"
    r"matr[íi]cula|placa|patente|targa|immatriculation|plaque|kenteken|plaka|plat[ \t]nomor|ทะเบียน\w{0,6}|"
    r"member(?:ship)?[ \t]?(?:id|number|no)|service[ \t]id|trip[ \t]id|ride[ \t]id|account[ \t](?:number|no)|"
    r"customer[ \t](?:number|id|no)|consumer[ \t](?:number|no)|ca[ \t]number|can[ \t]number|"
    r"m-?pesa[ \t]code|transaction[ \t](?:id|code|number)|case[ \t](?:number|id|ref\w{0,7})|"
    r"file[ \t]ref\w{0,7}|rental[ \t]agreement|agreement[ \t]number|patient[ \t](?:number|id)|"
    r"hospital[ \t](?:number|id)|rx[ \t]number|application[ \t](?:number|id)|service[ \t]number|"
    r"namba[ \t]ya[ \t](?:mita|mteja|akaunti|kumbukumbu|muamala)|mita|"
    r"(?:nomor|nombor|id|no)[ \t](?:pelanggan|resi|pesanan|polis|kontrak|meter|akaun|invoice)(?:nya)?|resi(?:nya)?|"
    r"(?:abone|müşteri|tesisat|hizmet|sipariş|poliçe|sözleşme)[ \t]?numara\w{0,4}|"
    r"ügyfélszám\w{0,4}|szerződésszám\w{0,4}|rendelésszám\w{0,4}|"
    r"cod(?:ul)?[ \t](?:de[ \t])?client|num[ăa]r(?:ul)?[ \t](?:de[ \t])?(?:contract|client)|poli[țt][ăa]|"
    r"s[ốo][ \t]h[ợo]p[ \t]đ[ồo]ng|m[ãa][ \t]kh[áa]ch[ \t]h[àa]ng|m[ãa][ \t]đ[ơo]n|"
    r"numer[ \t](?:klienta|polisy|umowy|przesy[łl]ki|zam[óo]wienia|rejestracyjny)|"
    r"gu[íi]a|n[úu]mero[ \t]d[eo][ \t](?:socio|cliente|benef[íi]cio|contrato|suministro|instala[çc][ãa]o)|"
    r"num[ée]ro[ \t](?:client|d['’]adh[ée]rent|de[ \t]soci[ée]taire|de[ \t]contrat)|"
    r"codice[ \t](?:cliente|pnr|prenotazione)|numero[ \t](?:cliente|di[ \t]spedizione|di[ \t]contratto)|"
    r"track[ \t](?:en|and|&)[ \t]trace|klantnummer|lidnummer|polisnummer|versicherungsschein\w{0,8}|"
    r"polic\w{0,10}|polizze\w{0,8}|docket|nmi|mirn|esi[ \t]?id|supply[ \t](?:number|point))\b)")
# what makes the question another's: a name, a card's number, the last digits, a password, a PIN
_NOT_A_REFERENCE = re.compile(
    r"(?i:\b(?:\w{0,12}name\w{0,3}|nombre|nom|nome|naam|jina|nama|isim|adı\w{0,6}|who|card[ \t](?:number|no)|"
    r"card['’]s|tarjeta|cart[ãa]o|karte|kaart|kartu|last[ \t](?:four|4|two|three|digits?)|ends?[ \t]with|ending|"
    r"digits|password|passcode|security|memorable|characters?|pin|otp|cvv|expiry|sort[ \t]?code|iban|"
    r"dob|born|age|nationality|mother\w{0,2}|postal|national|social|securit\w{1,4}|sss|nin|cnss|cnps|nssf|nhif|"
    r"inss|imss|tax\w{0,6}|pasaporte|passeport|passaporto|passaporte|paspoort|bank\w{0,8}|banco|banque|"
    r"momo|wallet|gcash|nequi|daviplata|paytm|upi|vpa|roll|rekening|konto|cuenta|conta|compte|rachun\w{1,3}|"
    r"\w{1,20}['’]s[ \t](?:id|number|no|account))\b)")
# what makes an account's, a customer's or a member's number a bank's: money paid or sent to it
_PAID_TO = re.compile(r"(?i:\b(?:pa(?:y|id|ying|yment)|sen[dt]|wire|beneficiar\w{0,3}|recipient|receiving|"
                      r"which[ \t]account|used)\b)")
_FOR_BEFORE = re.compile(r"(?i:\bfor[ \t]{1,2}$)")
_ON_THE_PAPER = re.compile(r"(?i:[ \t]{1,2}(?:the|your|my)[ \t]{1,2}(?:bill|card|invoice|statement|letter|policy|"
                           r"schedule|contract|receipt|booking|confirmation|e-?mail)\b)")
# a reference's name right before an "ID": "trip ID", "member ID", "transaction id"
_REFERENCE_BEFORE = re.compile(r"(?i:\b(?:trip|ride|transaction|member|membership|service|customer|client|order|"
                               r"booking|player|user|request|session|account|subscriber|consumer|patient|hospital|"
                               r"policy|claim|ticket|case|application|student|employee|staff|tracking|shipment|parcel|package|"
                               r"consignment|invoice|contract|meter|device|installation|reservation|game|vehicle|"
                               r"reference|ref|loyalty)[ \t]{1,2}$)")
_FIRM_BEFORE = re.compile(r"(?<![\w'’])([A-Z][\w'’&-]{1,30})[ \t]$")
_OWNERS = frozenset("your my the a an his her our their registered contact new old best same other which what".split())
# after the value, in its turn: it is the caller's phone or id ("0412 555 019 is my mobile", "… under the name Ruiz")
_OTHER_AFTER = re.compile(r"(?i:\b(?:is|was|that's|thats)[ \t]{1,2}(?:my|the|our|his|her)[ \t]{1,2}(?:mobile|cell|phone|"
                          r"number|landline|whatsapp|id|ic|nric|passport|licen[cs]e)\b)")
STRONG, PARTY, ACCOUNT = "STRONG", "PARTY", "ACCOUNT"
_ACCOUNT = re.compile(r"(?i:account|acct|acc|a/c|namba[ \t]ya[ \t]akaunti|(?:nombor|no)[ \t]akaun)")
_PARTY = re.compile(r"(?i:customer|client|consumer|member|subscriber|service|(?:nomor|id|no)[ \t]pelanggan|cod|"
                    r"num[ăa]r|ügyfél|m[ãa][ \t]kh|numer[ \t]klienta|n[úu]mero[ \t]d[eo][ \t](?:socio|cliente)|"
                    r"num[ée]ro[ \t]client|codice[ \t]cliente|numero[ \t]cliente|klant|lid|müşteri|abone)")
# a bank spoken of in other words than pii_refs' (an account's number there is the bank's)
_BANK_CONTEXT = re.compile(r"(?i:\b(?:credit[ \t]union|building[ \t]society|federal|sacco|ifsc|routing|branch|"
                           r"overdraft|salary|isa|atm|cheques?|checks?|kyc|bvn|wallet|card|mortgage|loan|savings?|"
                           r"fixed[ \t]deposit|interest|withdraw\w{0,4}|statement|dispute|fraud|bereavement|"
                           r"passed|deceased|executor|bsb|sort|swift|bic|transit|aba|"
                           r"landlord|whose)\b)")
# a telecom, a utility, an insurer or a shop named in the message: where an account's number is a kept reference
_SERVICE_CONTEXT = re.compile(
    r"(?i:\b(?:energy|electric\w{0,4}|power|gas|gáis|water|hydro|broadband|fib(?:re|er)|internet|wi-?fi|mobile|"
    r"telecom\w{0,5}|cable|tv|dstv|bill\w{0,4}|meter|plan|sim|postpaid|prepaid|subscription|installation|"
    r"connection|supply|utilit\w{1,3}|outage|router|modem|data|network|signal|recharge|top-?up|tariff|bundle|"
    r"insurance|policy|shop|order|delivery|store|gym|home|council|rates|landline|port\w{0,3}|blackout|"
    r"electricity|elektrik|listrik|kuryente|luz|strom)\b)")
# a UK UTR is a taxpayer's (ten digits), an Indian bank transfer's UTR a kept reference (twelve digits)
_UTR = re.compile(r"(?i:\butr\b)")
_UTR_DIGITS = 12
# a plate's name: its value holds a letter ("numéro d'immatriculation" is also a French social security number)
_PLATE = re.compile(r"(?i:\b(?:(?:number[ \t])?plate|reg|rego|registration|vehicle|kennzeichen|matr[íi]cula|placa|"
                    r"patente|targa|immatriculation|plaque|kenteken|plaka|plat[ \t]nomor|ทะเบียน))")
# words that open an answer before its value
_FILLERS = frozenset("""yes yeah yep yup sure ok okay right alright so um uhm uh er erm eh ah hmm oh well it it's its
it’s that's thats that’s this is was the my our number no nr num id code here there please go ahead sorry of course
yes, sí si claro vale bueno pues ja jo klar genau also äh ähm ist lautet meine mein die der es el la mi mí número
numero numéro nummer oui alors euh c'est c’est ce est mon ma le sim é o a meu minha então certo nah hii ni ndiyo
ndio sawa namba yangu yake po opo ho ji haan han hai ha mera meri evet tak tja da ya iya iyo nya""".split())
_TOKEN = re.compile(r"(?i:x-?ray)(?![\w'’])|[^\W_]{1,40}(?:['’][^\W\d_]{1,10})?|[^\w\s]")
# said between a letter and its spelling word ("K as in kilo", "M wie Martha", "l de lima", "C comme Célestin")
_SPELL_JOINERS = frozenset("as in for like wie de comme come como von".split())
# said between groups of the value: the run goes on past them
_BETWEEN = frozenset("dash hyphen slash stroke space guion guión raya barra tiret trait trattino strich "
                     "then dann puis luego poi".split())
_MARKS = frozenset(",-/–.")
# number words said inside a compound only ("cuarenta y cuatro", "vingt et un")
_COMPOUND = frozenset("y e et na und".split())
_NUMBER_WORDS = frozenset(pii_spoken_ids._LEX) | pii_ids.DIGIT_WORDS | frozenset(
    "double triple doble doppio doppel dobro".split())
_LETTER_NAMES = frozenset(pii_spoken_ids._LETTER_NAMES)
_SPELLING_WORDS = pii_rules.NATO_WORDS | frozenset(("xray", "x-ray", "x ray"))
# speakers whose label reads like a field's name ("caller" holds "call", "customer" is a reference's name)
_SPEAKER_WORDS = re.compile(r"(?i:caller|calling[ \t]party|customer|client|cliente|kunde|kundin|klant|klient\w{0,3}|"
                            r"member|subscriber|consumer|user|usuario|usuária|usuario|utilisateur|utente|"
                            r"anrufer\w{0,2}|appelant\w{0,1}|chiamante|llamante|beller|beneficiári[ao]|abonn[ée]e?|"
                            r"ügyfél|müşteri|abone|mteja|pelanggan|pemanggil|penelepon|khách[ \t]hàng)")
# a mail's head ("Subject: …\nTo: …") is no dialogue
_HEADERS = frozenset("subject to from cc bcc date sent betreff von an asunto para objet oggetto onderwerp aan van da de "
                     "re fwd aw wg".split())
_VOWELS = frozenset("aeiouyàáâãäåèéêëìíîïòóôõöùúûü")
_PLATE_REGIONS = frozenset("dubai sharjah ajman fujairah".split())
_NOT_CODES = frozenset("mr mrs ms dr st nt hmm mm hm pls plz thx".split())


def drop_reference_answers(text: str, spans: Sequence[PiiSpan]) -> list[PiiSpan]:
    """The spans less the PHONE, PERSON and NATIONAL_ID spans inside a reference read back as the answer to the
    question for it (the module's docstring)."""
    if "\n" not in text or not any(s.kind in KINDS for s in spans):
        return list(spans)
    values = reference_answers(text)
    if not values:
        return list(spans)
    return [s for s in spans if not (s.kind in KINDS and _inside(text, s, values))]


def _inside(text: str, span: PiiSpan, values: list[tuple[int, int]]) -> bool:
    start, end = span.start, span.end
    while start < end and text[start] in " \t,.;:()[]-":
        start += 1
    while end > start and text[end - 1] in " \t,.;:()[]-":
        end -= 1
    return any(a <= start and end <= b for a, b in values)


def reference_answers(text: str) -> list[tuple[int, int]]:
    """Where each reference read back in answer to its question is: (start, end) of the value."""
    found: list[tuple[int, int]] = []
    for n, (line, start, end) in enumerate(pii_ids.next_turns(text)):
        if n >= _MAX_LINES:
            break
        asked = SPEAKER_LABEL.match(line)
        answer = SPEAKER_LABEL.match(text, start, end)
        if not asked or not answer or asked.group(1).lower() == answer.group(1).lower():
            continue
        if _field(asked.group(1)) or _field(answer.group(1)):
            continue
        sentence = _asks_reference(line[asked.end():])
        if sentence is None:
            continue
        if sentence[1] != STRONG and (pii_refs.BANK_WORDS.search(text) or _PAID_TO.search(sentence[0])):
            continue  # a customer's, a member's or an account's number at a bank, or one money was paid to
        if sentence[1] == ACCOUNT and (_BANK_CONTEXT.search(text) or not _SERVICE_CONTEXT.search(text)):
            continue  # an account's number where no telecom, utility or shop is spoken of
        value = _value(text, answer.end(), end)
        if value is None or _OTHER_AFTER.search(text[value[1]:min(end, value[1] + 40)]) or (_UTR.search(sentence[0]) and value[2] < _UTR_DIGITS) or (
                _PLATE.search(sentence[0]) and not value[3]):
            continue
        found.append(value[:2])
    return found


def _field(label: str) -> bool:
    """Is the label a form's field ("Telefon", "Kundennummer", "Name") rather than a speaker ("caller", "customer")?"""
    if _SPEAKER_WORDS.fullmatch(label):
        return False
    if label.lower() in _HEADERS:
        return True
    return bool(pii_refs.NAME_RE.search(label) or _MORE_NAMES.search(label) or pii_refs.PHONE_WORDS.search(label)
                or pii_refs.PERSONAL_ASKED.search(label) or _NOT_A_REFERENCE.search(label)
                or pii_ids.DOCUMENT_NAME.search(label) or pii_refs.COMPOUND.search(label)
                or re.search(r"(?i:\b(?:number|no|nr|id|code|ref|numero|número|numéro|date|datum|fecha)\b)", label))


def _asks_reference(question: str) -> tuple[str, str] | None:
    """Does the question's last sentence ask for a kept reference? None when not; else the sentence and how it names
    the reference: STRONG (never a bank's or anyone's id), PARTY (a customer's, a member's number: a bank's perhaps)
    or ACCOUNT (an account's: a bank's unless the message is a telecom's, a utility's or a shop's)."""
    body = question.rstrip(" \t\r.!?")
    ends = [m.end() for m in pii_refs.SENTENCE_END.finditer(body)]
    sentence = body[ends[-1]:] if ends else body
    if len(sentence) > 160:
        sentence = sentence[-160:]
    if (_phone_asked(sentence) or pii_refs.PERSONAL_ASKED.search(sentence) or _document_asked(sentence)
            or any(m.group() != "UTR" for m in pii_refs.OWN_IDS.finditer(sentence))  # a UK UTR: by its length
            or _NOT_A_REFERENCE.search(sentence)):
        return None
    names = set()
    for m in pii_refs.NAME_RE.finditer(sentence):
        if m.group("short") and not pii_refs.NUMBER_WORD_RE.search(sentence, m.end(), m.end() + 12):
            continue
        if m.group("weak"):
            names.add(ACCOUNT if _ACCOUNT.match(m.group()) else PARTY)
        elif m.group().lower() not in ("fin", "nie"):
            names.add(STRONG)
    for m in _MORE_NAMES.finditer(sentence):
        names.add(ACCOUNT if _ACCOUNT.match(m.group()) else PARTY if _PARTY.match(m.group()) else STRONG)
    if ACCOUNT in names and _BANK_CONTEXT.search(sentence):
        return None  # "the routing's right but there's a digit off in the account"
    if not names:
        words = pii_refs.WORD.findall(sentence)
        if any(pii_refs.COMPOUND.search(w) and not pii_refs.NOT_REF_STEMS.search(w) for w in words):
            names.add(STRONG)  # "Zählernummer?", "Vertragsnummer", "Kundennummer"
        else:
            return None
    return sentence, STRONG if STRONG in names else PARTY if PARTY in names else ACCOUNT


def _phone_asked(sentence: str) -> bool:
    """Does the sentence ask for a phone (``pii_refs``' phone words, less "thanks for calling" and "the number on the
    bill")?"""
    for m in pii_refs.PHONE_WORDS.finditer(sentence):
        if m.group().lower().startswith("call") and _FOR_BEFORE.search(sentence, max(0, m.start() - 5), m.start()):
            continue  # "thanks for calling Hartwell Insurance"
        if m.group().lower().endswith(" on") and _ON_THE_PAPER.match(sentence, m.end()):
            continue  # "the account number on the bill"
        firm = _FIRM_BEFORE.search(sentence, max(0, m.start() - 30), m.start())
        if m.group()[:1].isupper() and firm and firm.group(1).lower() not in _OWNERS:
            continue  # "Maplewave Mobile, this is Priya": a telecom's name
        return True
    return False


def _document_asked(sentence: str) -> bool:
    """Does the sentence name an identity document (``pii_ids``' names, less the "ID" of a reference: "trip ID",
    "member ID", "service id number")?"""
    for m in pii_ids.DOCUMENT_NAME.finditer(sentence):
        if m.group().lower().split()[0] == "id" and _REFERENCE_BEFORE.search(sentence, max(0, m.start() - 30),
                                                                              m.start()):
            continue
        return True
    return False


def _value(text: str, start: int, end: int) -> tuple[int, int, int, int] | None:
    """The value that opens the answer between ``start`` and ``end`` (after its fillers): (start, end, digits,
    letters), or None."""
    tokens = [m for _, m in zip(range(_MAX_TOKENS), _TOKEN.finditer(text, start, end), strict=False)]
    i = 0
    while i < len(tokens) and i < _MAX_FILLERS and _filler(tokens[i].group()):
        if tokens[i].group().lower() in _NUMBER_WORDS and i + 1 < len(tokens) and (
                tokens[i + 1].group().lower() in _NUMBER_WORDS or tokens[i + 1].group().isdigit()):
            break  # "um sete oito…": the value's first digit ("um" is one in Portuguese)
        i += 1
    first = i
    digits = letters = 0
    last = -1
    while i < len(tokens):
        word = tokens[i].group()
        low = word.lower()
        step = 1
        if word.isdigit():
            if last >= 0 and tokens[last].group().isdigit() and "," in text[tokens[last].end():tokens[i].start()]:
                break  # "4471, 0917 555 1234": a second number
            digits += len(word)
        elif low in _NUMBER_WORDS:
            digits += 1
        elif any(c.isdigit() for c in word):
            if not word.isascii():
                break
            digits += sum(c.isdigit() for c in word)
            letters += sum(c.isalpha() for c in word)
        elif len(word) == 1 and word.isalpha():
            letters += 1
            step = _spelled(tokens, i)
        elif low in _SPELLING_WORDS or low in _LETTER_NAMES:
            letters += 1
        elif word.isalpha() and word.isupper() and len(word) <= 5:
            letters += len(word)
        elif word.isalpha() and len(word) <= 5 and word.isascii() and not (_VOWELS & set(low)) and low not in _NOT_CODES:
            letters += len(word)  # "mh", "hdfc": a code's letters said in lower case
        elif low in _PLATE_REGIONS and i == first:
            pass  # "dubai, k, four eight two one three": the emirate that issued the plate
        elif word in _MARKS or low in _BETWEEN:
            if word == "." and (i + 1 >= len(tokens) or tokens[i + 1].start() != tokens[i].end()):
                break  # a sentence's end
            i += 1
            continue
        elif low in _COMPOUND and last >= 0 and tokens[last].group().lower() in _NUMBER_WORDS and \
                i + 1 < len(tokens) and tokens[i + 1].group().lower() in _NUMBER_WORDS:
            i += 1
            continue
        else:
            break
        last = i + step - 1
        i += step
    if last < first or not (digits >= 4 or (digits >= 2 and letters >= 3)) or text.startswith("@", tokens[last].end()):
        return None  # too short, or an e-mail's local part
    return tokens[first].start(), tokens[last].end(), digits, letters


def _filler(word: str) -> bool:
    low = word.lower()
    return low in _FILLERS or word in ",:;-–" or bool(pii_refs.NAME_RE.fullmatch(word) or _MORE_NAMES.fullmatch(word))


def _spelled(tokens: list[re.Match[str]], i: int) -> int:
    """How many tokens from ``i`` a letter takes with its spelling word ("K as in kilo", "M wie Martha"), 1 alone."""
    letter = tokens[i].group().lower()
    at = i + 1
    while at < len(tokens) and at - i <= 2 and tokens[at].group().lower() in _SPELL_JOINERS:
        at += 1
    if at == i + 1 or at >= len(tokens):
        return 1
    word = tokens[at].group()
    if (word.isalpha() or word.lower() in _SPELLING_WORDS) and len(word) > 1 and word[:1].lower() == letter:
        return at + 1 - i
    return 1
