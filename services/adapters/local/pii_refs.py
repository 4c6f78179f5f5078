"""A number after the name of a reference that is nobody's personal data is that reference (session 26).

The detector's phone, identity and account finders read a number's shape; a reference read the same way ("bolletta n.
004418273991", "Versichertennummer 80756 4412 9", "waybill please / caller: four four one seven…") was masked as a
phone, an ID or an account. This pass is the last word on such spans: one table of reference names in the languages
our customers write (invoices and bills, policies and claims, members and customers at an insurer, a utility or a
shop, contracts, meters and supply points, installations, students, bookings and frequent-flyer schemes, loans,
leases, tax notices, serial and vehicle numbers, parcels and waybills, transactions, tickets and cases; a business's
VAT and registration numbers), and one reading of what lies between the name and the number:

- a few link words at most ("number", "no.", "n°", "nr", "is", "es", "est", "è", "ist", ":", "#", a bracket), none of
  them a phone's word, in the same line;
- or, in a dialogue, the name asked in one turn and the number opening the next ("may i have your policy number?
  Customer: 0284419026", "waybill please caller: four four one…").

What it drops: a PHONE span there; a NATIONAL_ID, CARD or BANK_ACCOUNT span only after a name that is no bank's,
card's or identity document's (an "account", a "customer" or a "member" number may be a bank's or an ID's: the older
rules judge those). What keeps the mask: a phone's own words before or after the number, a "+", an identity
document named in the same sentence, a bank named in the message (for an account's number), a number dialled at home
with its trunk "0" after an account's or a customer's name (the phone on file), letters in an ID-shaped value, and a
question that asks for a postcode, an address, a birth date or an e-mail. Nothing is added. Every pattern is linear
and reads at most 60 characters before a span (40 after it), or the one turn before it.

Session 41 (candidate 41-2): the table in more languages and scripts — payment references (Finnish and Estonian
viite in its cases, "poziv na broj", "variabilní symbol", "mokėtojo kodas", a Multibanco referência), supply points
and premises (NMI, MIRN, URN, UHID, CAN, Anschlusskennung, käyttöpaikka), insurers' insured, affiliate and beneficiary
numbers (a PHONE only: "n° d'assuré social" is never one), a Belgian enterprise number, a merchant's, a meter's
(medidor), a police report's or an advert's number, Russian, Ukrainian and Arabic requests, orders, parcels and
complaints, and names with no word boundary in Chinese, Japanese, Korean and Hindi ("注文番号：", "订单号是", "고객번호",
"ऑर्डर नंबर") before a number or asked for in the turn before ("客服: 请提供一下订单号。 / 客户: 2304…"). Never taken
on their account: a number after a phone's word in those scripts (电话, 携帯, 전화, телефон, جوال, फोन), a question
that asks for one, a number with 9 to 11 digits opening with a trunk "0" after a customer's or a member's name (12
or more dial as no phone). A phone's word that names what is insured ("seguro do celular, apólice …") or a street
("calle") is no phone's, and one that labels the next item of a list ("póliza 0961…, tel. 622…") leaves the
reference to its name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from services.adapters.local import pii_ids
from services.models import PiiSpan

# names whose number can be a bank account, a payment card or a personal ID elsewhere: only a PHONE after them is
# dropped ("acct 410 882 7712" at a utility; "account 22817-6" at a bank stays the older rules' call)
WEAK = (
    r"account|acct|acc|a/c|compte|cuenta|conta|konto|rekening|customer|client|"
    r"cliente|kunden?|klant|kund|asiakas|klient\w{0,3}|member(?:ship)?|membre|socio|mitglied\w{0,3}|lid|medlem|subscriber|abonn[ée]|"
    r"abonado|assinante|abonent\w{0,2}|consumer|service|servicio|servizio|connection|smartcard|crn|carteirinha|"
    r"gift[ \t]card|"
    # session 41 (41-2): an insurer's or a mutual's insured and affiliate numbers, a beneficiary's
    r"assur[ée]e?(?![ \t]social)|affili[ée]e?|affiliation|benefici[áa]rio|beneficiario|verzekerde\w{0,8}")
# names whose number is never a phone, a bank account, a card or anyone's ID
STRONG = (
    r"invoice|receipt|factura|boleta|recibo|facture|fattura|bolletta|fatura|rechnung|factuur|faktura|"
    r"policy|p[óo]liza|police|polizza|ap[óo]lice|polis|polisa|claim|siniestro|sinistre|sinistro|schaden|schade|"
    r"contract|contrato|contrat|contratto|vertrag|vertragskonto|contractnummer|umowa|avtal\w{0,2}|"
    r"meter|contador|compteur|contatore|z[äa]hler|m[åa]ler|m[äa]tare|licznik|pdl|prm|pod|pdr|ean(?:-code)?|ppe|mpan|"
    r"mprn|cups|marktlokation|instala[çc][ãa]o|installation|suministro|allocataire|adh[ée]rent|versicherte\w{0,8}|"
    r"student|[ée]tudiant|estudiante|matric(?:ulation)?|matricola|matr[íi]cula|matrikel|enrol+ment|"
    r"booking|reservation|r[ée]servation|reserva|localizador|buchung|boeking|prenotazione|frequent[ \t]flyer|"
    r"skymiles|flying[ \t]blue|loyalty|loan|pr[ée]stamo|pr[êe]t|darlehen|lening|prestito|bail|"
    r"tenancy|huurwaarborg|assessment|serial|serien|seriennummer|framenummer|vin|fin|chassis|"
    r"imei|iccid|tracking|waybill|consignment|parcel|shipment|envío|envio|spedizione|sendung|zending|colis|"
    r"przesy[łl]ka|rastreio|rastreamento|seguimiento|suivi|transaction|txn|transacci[óo]n|operaci[óo]n|"
    r"ticket|incident|complaint|reclamaci[óo]n|r[ée]clamation|reclamo|protocolo|pratica|dossier|"
    r"expediente|vorgang|aktenzeichen|zeichen|kassenzeichen|kenmerk|referentie|r[ée]f[ée]rence|referencia|riferimento|"
    r"reference|ref|order|pedido|encomenda|commande|ordine|bestellung|bestel|auftrag|zam[óo]wienie|corrida|"
    r"teller|deposit[ \t]slip|voucher|token|prescription|rma|ch[èe]que|cheque|routing|aba|transit|"
    r"package|paquete|pacote|pacco|paket|pakket|lieferung|lieferschein|myki|leap[ \t]card|oyster|opal|presto|"
    r"travel[ \t]?card|medical[ \t]aid|spieler-id|id[ \t]giocatore|id[ \t]de[ \t]jugador|"
    r"vat|iva|btw|tva|ust-?idnr|kvk|ondernemingsnummer|siret|siren|krs|regon|cvr|nip[ \t]firmy|company[ \t]number|"
    r"player[ \t]id|game[ \t]id|user[ \t]id|uid|request[ \t]id|aangifte|pcn|"
    # session 31: Nordic payment ids, a company's NIPC and registration, Italian transfer references, Indian RRNs and
    # bank session ids, a Portuguese complaint, a registered letter, mutual and sick-fund members
    r"kid|ocr|nipc|(?:company|business)[ \t]registration|cro|rrn|session[ \t]id|reclama[çc][ãa]o|"
    r"raccomandata|soci[ée]taire|mutualidad|mutuelle|ziekenfonds|krankenkasse|"
    # session 41 (41-2): payment references (Finnish and Estonian viite in their cases, Croatian and Serbian poziv na
    # broj, Czech variabilní symbol, Lithuanian mokėtojo kodas, a Multibanco referência), supply points and premises
    # (NMI, MIRN, käyttöpaikka, Anschlusskennung), a UIDAI URN, a hospital UHID, a Philippine utility's CAN, a
    # Belgian enterprise number, a police report or an advert's number, a merchant's, a meter's (medidor), an
    # authorisation's, a hospital episode's, an invoice in Finnish (lasku) and German bills (Prämienrechnung; never an
    # Abrechnung, a settlement that may carry an AHV number)
    r"viite\w{0,12}(?:[ \t]on)?|viitteell\w{1,3}|viitenumber|poziv[ \t]na[ \t]broj|variabiln\w{1,3}[ \t]symbol\w{0,2}|"
    r"mok[ėe]tojo[ \t]kod\w{1,3}|refer[êe]ncia(?:[ \t]multibanco)?|nmi|mirn|urn|uhid|premise|anschlusskennung|"
    r"k[äa]ytt[öo]paikka\w{0,10}|kiinteist[öo]tunnus|y-tunnus|(?-i:CAN|CMR|CLM|BCE|KBO|NEPH)|"
    r"(?:n°|nº|num[ée]ro)[ \t]d['’]entreprise|(?:company|business)(?=[ \t](?:no|nr|number|reg)\b)|"
    r"anzeige|annonce|comercio|commer[çc]ant|merchant|medidor|autoriza[çc][ãa]o|autorizaci[óo]n|epis[óo]dio|"
    r"mutualit[ée]|lasku\w{0,4}|(?:pr[äa]mien|jahres|schluss|teil|strom|gas|wasser|heizkosten|nebenkosten|arzt|"
    r"zahnarzt|handwerker)rechnung|"
    # in other scripts (Russian and Ukrainian requests, orders, contracts, parcels and waybills; Arabic complaints,
    # requests, reports, payments and shipments)
    r"обращени\w{0,2}|заказ\w{0,3}|заявк\w{0,2}|договор\w{0,2}|полис\w{0,2}|посилк\w{0,2}|посылк\w{0,2}|"
    r"ттн|накладн\w{0,3}|الشكوى|شكوى|(?<=رقم[ \t])(?:ال)?طلب|البلاغ|بلاغ|السداد|الشحنة|شحنتي|الفاتورة|فاتورة|الحجز|"
    r"البوليصة|بوليصة|المرجع|"
    # Indonesian and Malay waybills and contracts, Turkish parcels, Hungarian and German firm and rent ids, a Bulgarian
    # invoice, an e-invoice's Leitweg-ID, a purchase order
    r"resi|kontrak|g[öo]nderi|kargo\w{0,3}|ad[óo]sz[áa]m\w{0,4}|c[ée]gjegyz[ée]ksz[áa]m\w{0,4}|leitweg-id|mietkonto|"
    r"фактур\w{0,2}|(?-i:PO)")
_NUMBER_WORDS = (r"number|num|no|nr|n[°º]|n\.[°º]|nº|#|id|code|c[óo]digo|codice|numéro|numero|número|nummer|numer|"
                 r"nummeret|numret|numren|ref|reference|номер|№|رقم|رقمها|broj")
# a German, Dutch or Nordic compound ending in a number's word: "Kundennummer", "Lidnummer", "klantnummer"
COMPOUND = re.compile(r"(?i:([^\W\d_]{2,30}?)(?:s|n|en|e|-)?(?:nummer(?:et)?|-?nr\.?)|"
                       r"(?:asiakas|vakuutus|lasku|viite|sopimus|tilaus|asiakkuus)numero)$")  # Finnish (session 31)
_TAIL_WORDS = frozenset(("is", "ist", "er", "är", "es", ":", "#", "(", "=", "-"))
_UPPER_TOKEN = re.compile(r"[A-Z]{1,5}:?")
_COMPOUND_WORD = re.compile(r"[^\W\d_][\w-]{2,40}\.?")
WORD = re.compile(r"[^\W\d_][\w-]{2,40}")
SPEAKER_TAIL = re.compile(r"[ \t]?:[ \t]*")
NOT_REF_STEMS = re.compile(r"(?i:telefon|^tel|handy|ruf|mobil|mobiel|fax|festnetz|telefoon|gsm|natel|^konto|rekening|"
                            r"^bankkonto|^girokonto|iban|steuer|versicherung|ausweis|pass|f[üu]hrerschein|rijbewijs|burgerservice|person|"
                            r"persoon|identit|identifi|^id|sofi|ahv|avs|bsn|kranken|^sv|sozial|register|f[øo]dsels|"
                            r"card|karte|kaart|kort|cpr|pesel|nie|nif)")
# short nouns that are other words too ("fine", "case", "bill", "notice"): a reference's only with a number's word or a
# colon after them ("case number 88213", "fine: 4471…"), never right before a number alone ("Bill 0412 555 123")
NEEDS_NUMBER_WORD = (r"bill|billing|statement|case|job|ride|trip|fine|penalty|roll|index|miles|token|lease|bond|"
                      r"notice|avis|request|application|quote|frame|report|objet|objeto|oggetto|objekt")
NAME_RE = re.compile(rf"(?i:\b(?:(?P<strong>{STRONG})|(?P<weak>{WEAK})|(?P<short>{NEEDS_NUMBER_WORD}))\b)")
NUMBER_WORD_RE = re.compile(rf"(?i:(?:^|[ \t])(?:{_NUMBER_WORDS})(?![^\W\d_])|:)")
# what may stand between the name and the number: link words and marks, nothing else
_LINK_WORDS = (rf"{_NUMBER_WORDS}|is|es|est|è|é|ist|er|är|era|was|as|de|du|da|do|del|della|di|van|von|la|el|le|il|"
               r"c['’]est|var|hos[ \t](?:dere|deg|dig|er|jer|oss)|(?-i:[A-Z]{2}\d{2})|"  # session 41 (41-2)
               r"the|there|here|please|pls|plz|with[ \t](?:you|us)|bei[ \t](?:der[ \t]|dem[ \t])?[^\W\d_]{2,20}|"
               r"(?:de|d['’]|di|del|do|da|van|von)(?:[ \t]|(?<=['’]))[^\W\d_]{3,15}|d['’]|nr\.|no\.|n\.")
# each word whole (nothing of a letter right after it), so a run of words splits one way only: linear
LINK = re.compile(
    rf"(?i:^(?:[ \t]{{0,3}}(?:(?:{_LINK_WORDS})(?![^\W\d_])|(?-i:[A-Z]{{1,5}})(?![^\W\d_])|[:=#(\[-])){{0,8}}"
    r"[ \t:(#\[-]{0,6}$)")
PHONE_WORDS = re.compile(r"(?i:\b(?:phone\w{0,3}|mobile|cell\w{0,5}|tel|tél|telephone|t[ée]l[ée]phone|whatsapp|landline|"
                          r"call(?!e(?:s|j\w{0,4})?\b)\w{0,5}|ring|text|sms|portable|m[óo]vil|celular|telefone|tel[ée]fono|telefono|"
                          r"cellulare|handy\w{0,8}|telefon\w{0,8}|natel\w{0,8}|gsm\w{0,8}|mobil\w{0,8}|rufnummer|"
                          r"telefoon\w{0,8}|fax|hotline|ligne|reach|contact\w{0,4}|registered|joindre|contacto|"
                          r"contatto|recapito|kontakt\w{0,4}|телефон\w{0,3}|мобильн\w{0,3}|جوال|الجوال|هاتف|الهاتف|"
                          r"موبايل|फ़ोन|फोन|मोबाइल|(?:number|numéro|numero|número|nummer)s?[ \t](?:(?:is|are)[ \t])?"
                          r"(?:on|linked|registered|associated|attached|tied|for|pour|para|per|f[üu]r|sur|op|auf))\b)")
# a bank spoken of anywhere in the message: an account's number may be a bank's (the older rules judge it)
BANK_WORDS = re.compile(r"(?i:\b(?:\w{0,12}bank\w{0,4}|banque|banco|banca|sort[ \t]?code|iban|bic|swift|agence|"
                         r"ag[êe]ncia|agencia|filiale|pr[êe]t|loan|mortgage|savings?|checking|chequing|courant|"
                         r"corriente|corrente|giro\w{0,6}|refund\w{0,3}|rembourse\w{0,4}|reembols\w{0,3}|transfer\w{0,3}|"
                         r"virement|transferencia|[üu]berweis\w{0,4}|deposit\w{0,3}|paid[ \t]into|debit\w{0,3}|d[ée]bito)\b)")
SENTENCE_END = re.compile(r"[.;!?](?:\s|$)")
OWN_IDS = re.compile(r"\b(?:AVS|AHV|NAS|SIN|SSN|NIR|UTR|NINO|PPSN|TFN)\b")
ACCOUNT_NAME = re.compile(r"(?i:account|acct|acc|a/c|compte|cuenta|conta|konto|rekening)")
SPEAKER_WORD = re.compile(r"(?i:customer|client|cliente|kunden?|kundin|klant|member|subscriber|consumer)[ \t]?:")
_SPEAKER_BEFORE = re.compile(r"(?i:(?:^|[\s\]])(?:caller|customer|client|cliente|kunde|kundin|klant|user|member|c|"
                             r"me|cust|usuario|utilisateur|utente|"
                             # session 41 (41-2): the caller in Chinese, Japanese, Korean, Russian, Ukrainian, Hindi, Arabic
                             r"客户|顾客|客戶|お客様|고객|клиент|клієнт|ग्राहक|العميل|عميل|المتصل)[ \t]?[:：][ \t]*$)")
TURN_START = re.compile(r"(?i:(?:^|[\s\]])(?:agent|rep|advisor|adviser|operator|bot|assistant|atendente|agente|"
                         r"conseiller|berater|beraterin|medewerker|operatore|a|"
                         r"客服|オペレーター|상담원|상담사|оператор|एजेंट|الموظف|موظف)(?:[ \t][^\W\d_]{2,15})?[ \t]?[:：])")


# a question that asks for a postcode, an address, a birth date or an e-mail asks for no reference
PERSONAL_ASKED = re.compile(r"(?i:\b(?:cep|postcode|post[ \t]code|zip|pin[ \t]?code|eircode|c[óo]digo[ \t]postal|"
                             r"code[ \t]postal|plz|postleitzahl|cap|postnummer|address|endere[çc]o|direcci[óo]n|"
                             r"adresse|indirizzo|adres|birth|dob|nascimento|nacimiento|naissance|geburt\w{0,6}|"
                             r"e-?mail|correo)\b)")
# session 41 (41-2): a reference's name in Chinese, Japanese, Korean and Hindi (no word boundary in those scripts), with
# what may follow it before the number ("注文番号：", "订单号是", "고객번호 ", "ऑर्डर नंबर है ")
_SCRIPT_NAMES = (
    r"(?:ご)?注文番号|お客様番号|受付番号|予約番号|契約番号|証券番号|伝票番号|(?:お)?問い?合わ?せ番号|追跡番号|"
    r"订单(?:编)?号|訂單(?:編)?號|运单号|快递单号|单号|客户(?:编)?号|会员号|合同号|保单号|发票号|工单号|预订号|"
    r"주문\s?번호|고객\s?번호|계약\s?번호|예약\s?번호|송장\s?번호|운송장\s?번호|증권\s?번호|접수\s?번호|"
    r"(?:ऑर्डर|पॉलिसी|कंज़्यूमर|कंज्यूमर|उपभोक्ता|ग्राहक|बुकिंग|टिकट|रेफरेंस|शिकायत|रिक्वेस्ट|बिल|कंसाइनमेंट)"
    r"[ \t](?:नंबर|संख्या|आईडी|क्रमांक)")
_SCRIPT_NAME_END = re.compile(rf"(?:{_SCRIPT_NAMES})[ \t]{{0,2}}(?:[:：是为為は]|है|का|की)?[ \t]{{0,2}}"
                              r"(?:(?-i:[A-Z]{1,5})[ \t])?$")
_SCRIPT_NAME = re.compile(_SCRIPT_NAMES)
# a phone's words in those scripts and in Cyrillic and Arabic: a question that asks for one asks for no reference
_SCRIPT_PHONE = re.compile(r"(?i:电话|電話|手机|手機|携帯|연락처|전화|휴대폰|핸드폰|फ़ोन|फोन|मोबाइल|телефон\w{0,3}|мобильн\w{0,3}|"
                           r"جوال|هاتف|موبايل|الجوال|الهاتف)")
# a phone's word that names what is insured ("seguro do celular, apólice …", "phone insurance policy …"): no phone's
INSURED_PHONE = re.compile(r"(?i:\b(?:seguro|assurance|insurance|versicherung|assicurazione)[ \t]{1,2}(?:(?:do|de|del|"
                            r"da|du|für[ \t]das|per[ \t]il)[ \t]{1,2})?(?:celular|telem[óo]vel|m[óo]vil|tel[ée]fono|"
                            r"telefone|t[ée]l[ée]phone|portable|handy|cellulare|phone|mobile)\b|"
                            r"\b(?:phone|mobile|handy)[ \t]?(?:insurance|versicherung)\b)")
# after the number: a list's next item that a phone's word labels ("póliza 0961-88124077, tel. 622 418 790")
LIST_NEXT = re.compile(r"[ \t]{0,3}[,;/|]")
DIGIT = re.compile(r"\d")
def names_a_phone(text: str) -> bool:
    """A phone's word in any script (the Latin-script table reads word boundaries; the others cannot)."""
    return bool(PHONE_WORDS.search(text) or _SCRIPT_PHONE.search(text))


_ZERO_WORDS = frozenset(("oh", "o", "zero", "zéro", "cero", "null", "nul", "nulla"))


def spoken(value: str) -> bool:
    """Is the value read aloud (its first word a digit's name in one of pii_ids' languages)?"""
    first = value.split(maxsplit=1)[0].lower().strip(",.") if value.strip() else ""
    return first in pii_ids.DIGIT_WORDS


def trunk_zero(value: str) -> bool:
    """Does the number open with a trunk "0" and another digit, as a phone dialled at home does ("07700 900412", "oh
    seven seven nine one…")? After an account's or a customer's name such a number may be the phone on file: the
    older rules keep it masked (a reference's own name, "bolletta", "póliza", decides without this)."""
    digits = "".join(c for c in value if c.isdigit())
    if digits:
        return 9 <= len(digits) <= 11 and digits[0] == "0" and digits[1:2] != "0"  # 12 or more: no phone (41-2)
    words = value.lower().replace(",", " ").split()
    return len(words) >= 2 and words[0] in _ZERO_WORDS and words[1] not in _ZERO_WORDS


def _name_before(before: str) -> re.Match[str] | None:
    """The reference's name that ends `before` once the link words are taken off, or None."""
    end = len(before)
    # take the link words off the end: the last name in the window whose tail to the end is only link words
    best = None
    for m in NAME_RE.finditer(before):
        tail = before[m.end():end]
        if SPEAKER_WORD.match(before, m.start()) and SPEAKER_TAIL.fullmatch(tail):
            continue  # "Customer: 0161 496 0732": a speaker's label, no reference's name
        if LINK.match(tail) and (not m.group("short") or NUMBER_WORD_RE.search(tail)):
            best = m
    return best


def document_before(before: str, name: re.Match[str]) -> bool:
    """An identity document's name before the reference's ("numéro AVS pour … mon dossier : 756…"): its number."""
    docs = [m for m in (*OWN_IDS.finditer(before), *pii_ids.DOCUMENT_NAME.finditer(before))
            if m.end() <= name.start() or m.start() >= name.end()]
    return any(not SENTENCE_END.search(before, m.end()) for m in docs)


def _compound_before(before: str) -> bool:
    """A compound reference noun ("Kundennummer", "lidnummer: ", "Vertragskonto-Nr.") right before the number."""
    words = before.split()[-8:]
    while words and (words[-1].lower() in _TAIL_WORDS or _UPPER_TOKEN.fullmatch(words[-1])):
        words.pop()  # "Lidnummer CM: …", "Kundennummer ist …": link words and a company's letters after the name
    word = words[-1].rstrip(":#(=-") if words else ""
    if not _COMPOUND_WORD.fullmatch(word):
        return False
    m = COMPOUND.search(word)
    return bool(m) and not NOT_REF_STEMS.search(word)


def _answer_to_reference(text: str, start: int) -> tuple[bool, bool]:
    """Is the span the opening of a turn that answers a question naming a reference? (found, strong)"""
    label = _SPEAKER_BEFORE.search(text, max(0, start - 30), start)
    if label is None:
        return False, False
    turn_end = label.start()
    window = text[max(0, turn_end - 140):turn_end]
    turns = list(TURN_START.finditer(window))
    if turns:
        question = window[turns[-1].end():]
    else:  # "…for contacting PLDT Home. May I have your account number?\nCustomer: …": the last sentence
        ends = [m.end() for m in SENTENCE_END.finditer(window.rstrip()[:-1])]
        question = window[ends[-1]:] if ends else window[-110:]
    if (names_a_phone(question) or len(question) > 110
            or pii_ids.DOCUMENT_NAME.search(question)
            or PERSONAL_ASKED.search(question)):
        return False, False
    names = [m for m in NAME_RE.finditer(question)
             if not m.group("short") or NUMBER_WORD_RE.search(question, m.end(), m.end() + 12)]
    if not names and _SCRIPT_NAME.search(question):
        return True, False  # session 41 (41-2): "客服: 请提供一下订单号。\n客户: 2304 1187 6652 09"
    if not names:
        compound = any(COMPOUND.search(w) and not NOT_REF_STEMS.search(w)
                       for w in WORD.findall(question))
        return compound, False
    return True, any(m.group("strong") or m.group("short") for m in names)


def is_reference(text: str, span: PiiSpan) -> bool:
    """Is this PHONE / NATIONAL_ID / CARD / BANK_ACCOUNT span a reference by the name written or asked before it?"""
    if span.kind not in ("PHONE", "NATIONAL_ID", "CARD", "BANK_ACCOUNT"):
        return False
    value = text[span.start:span.end]
    if value.lstrip("( ").startswith("+") or value.lower().startswith(("plus", "più", "mais")):
        return False
    after = text[span.end:span.end + 40].split("\n")[0]  # the rest of the sentence or of the turn
    turn = TURN_START.search(after)
    after = after[:turn.start()] if turn else after
    clause = after.split(". ")[0]
    phone_word = PHONE_WORDS.search(clause)
    if phone_word and not (LIST_NEXT.match(clause) and DIGIT.search(after, phone_word.end())):
        return False  # "account 020 7946 0018 is the landline on file" ("póliza 0961…, tel. 622…": the next's, 41-2)
    if span.kind != "PHONE" and any(c.isalpha() for c in value) and not spoken(value):
        return False  # letters in it: an ID's shape (a KVNR, a FIN, a passport), the older rules' call
    line_start = text.rfind("\n", 0, span.start) + 1
    before = text[max(line_start, span.start - 60):span.start]
    name = _name_before(before)
    if name is not None:
        near = INSURED_PHONE.sub(lambda m: " " * len(m.group()), before)[max(0, name.start() - 20):]
        if names_a_phone(near) or (document_before(before, name) and name.group().lower() != "urn"):
            # an update request's URN is the request's, whatever document it updates ("aadhaar update … URN …")
            return False
        if ACCOUNT_NAME.fullmatch(name.group()) and BANK_WORDS.search(text):
            return False  # "Compte n° 0412…, agence Toulouse": an account at a bank may be the bank's, older rules
        if name.group("weak") and trunk_zero(value):
            return False  # "close my account 07700 900412": the phone on file
        return span.kind == "PHONE" or bool(name.group("strong") or name.group("short"))
    if span.kind == "PHONE" and _SCRIPT_NAME_END.search(before) and not names_a_phone(before[-30:]):
        return not trunk_zero(value)  # session 41 (41-2): "注文番号：250-8841273-0092", "고객번호 5102-7739-04"
    if _compound_before(before):  # "Zählernummer", "Lidnummer": a PHONE after one is that number (an ID's is left)
        return span.kind == "PHONE" and not PHONE_WORDS.search(before[-30:])
    if span.kind == "PHONE" or spoken(value):
        found, strong = _answer_to_reference(text, span.start)
        if not found:
            return False
        if BANK_WORDS.search(text) and (not strong or BANK_WORDS.search(text, max(0, span.start - 160), span.start)):
            return False  # "GTBank … and your own account number / caller: 3019476287": a bank's account
        if not strong and trunk_zero(value):
            return False  # "whats the account number / Caller: oh seven seven nine one…": the phone on file
        return span.kind == "PHONE" or strong
    return False


def drop_references(text: str, spans: Sequence[PiiSpan]) -> list[PiiSpan]:
    """The spans without those that are a reference by the name before them (the module's docstring)."""
    return [s for s in spans if not is_reference(text, s)]
