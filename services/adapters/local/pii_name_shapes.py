"""Names written surname first, in capitals, partly starred, or in Hangul, Han, Cyrillic or Greek, where a cue, a
field, a greeting or a signature says they are a name (session 39, candidate 39-2; issue 21).

The name finders and the NER read "Given Surname" in title case; the learned PERSON check (pii_person_check) learned
capitals from acronyms. A payee shown by a bank or a wallet ("name on paynow is NG BOON KIAT", "name showed SOK
CHANTHA", "Nom du compte: NGONO ATANGANA Brigitte", "the name shown was ZHENG W** M**", "lumabas na name MA*****A C.",
"a.n. DEWI LESTARI", "mang tên TRAN VAN LONG", "received PHP 2,500.00 from MARICEL D. 09178004213"), a form's or a
mail header's "Surname, Given" ("Name: Brunner, Reto", "Von: Hartmann, Sören <s.hartmann@…>", "Aan: Jansen-Bakker,
Fleur"), and names in other scripts after their cue ("спасибо, игорь валентинович", "확인되었습니다 김지은 고객님",
"好的张先生", "取件人林怡君", "дъщеря ми Виктория Стоянова", "για τον πατέρα μου, Γεώργιο Κωνσταντίνου") or signing the
message ("… ако трябва. Георги Петров, 0888 412 733", "Ευχαριστώ, Ελένη Παπαδοπούλου 694 812 3307") were missed.

:func:`with_name_shapes` (run after the PERSON check, as pii_kin_names') adds, as a PERSON, where no span covers it
(a PERSON span inside it, "Joonas" of "Virtanen, Joonas", is replaced):

- capitals: a run of two to five words in capitals (an initial, a starred word "W**", "MA*****A", "BINTI" inside; a
  title-case given name after it, "NGONO ATANGANA Brigitte"), when the clause before it, within 60 characters, holds
  a word for a name, a payee, a recipient, a holder, "says" / "showed" / "spelt" and their kin in the languages our
  messages mix ("a.n.", "t.n.v." right before it), a greeting right before it, a sign-off line above it, a money
  transfer's "to" / "from" right before it and a phone or an account number right after it, or "from" after
  "received" in its clause; and the same words in capitals again in that message ("ROSLAN … bukan … ROSLIN"). A
  title or a plain word opening the run stays outside ("PAN KULKARNI ANAND VISHWAS"). Never a run holding a word of
  the plain-word, place, firm, brand or currency lists ("THANK YOU", "ACME LTD", "PHP", "KYC"; short surnames and
  particles, "LE", "NG", "DE", are words of names), a run whose longest word has two letters ("NI SK"), a run a
  number follows without a transfer's cue ("VAT GB 284 …"), a merchant paid ("a payment of £349.99 to AMZN MKTP"),
  nor any run in a message written in capitals (most letters capitals, three plain words among them);
- surname first: "Surname, Given" (a hyphenated surname, one or two given names or initials, a Dutch "van" after it)
  before an e-mail address in brackets, or as the whole value of a name's, a person's or a mail header's field line
  ("Name, Vorname:", "Naam:", "Von:", "Aan:", "Employee:"), after a word for "name" closing its clause ("Name Reyes,
  Kristine Joy."), or as a line of its own under a line ending in a colon
  when its given name is one we know or the line below holds a number ("tiedot:\nVirtanen, Joonas\nhenkilötunnus
  …"); never after a date ("On 12 Sep, Kevin …"), never a word of the plain-word, place, firm or department lists
  ("Von: Kundenservice, Team");
- lower case, after a word for "name": "surname, given" ("name dela cruz, marites b.", not after "my name is"), and
  two or three initials and a surname after "registered to", "in the name of", "name is" ("k a s perera");
- Cyrillic: a given name and a patronymic in any case ("игорь валентинович"; a surname before it, "Смирнова Анна
  Викторовна", inside); a capitalised given name and surname after a kin word or a contact's label ("сина си",
  "дъщеря ми", "Мій син", "Лице за контакт:", "получатель": the label outside), or, the surname with a surname's
  ending ("-ов", "-енко", "-ић"), after a greeting ("Добрый день, Ирина Волкова!"), as a line of its own between a
  line ending in a colon and a line with a number ("συναδέλφου:\nΓιώργος Λαμπράκης\nΑΜΚΑ …"), or signing the message (the last
  line, or the last clause after a full stop or a comma, followed by nothing but a phone number, an id's line or
  thanks; never before a legal form, "Α.Ε.", "ООО"); an initial after the given name ("Ерлан Б.") stays inside;
  never a word of a greeting, a department, a firm or a place ("Служба поддержки", "Нови Сад") nor a street's name;
- Greek: the same after a kin word ("γιου μου", "κόρη μου,", "πατέρα μου,"), a greeting or signing the message
  ("Τμήμα Αποζημιώσεων" is none);
- Hangul: a three-syllable name starting with a common surname before 고객님 / 님 / 씨 / 회원님 (never a role word,
  "이용자님", "차장님");
- Han: a common surname before 先生 / 女士 / 小姐 (the surname only: "张" of "好的张先生") or after 姓 ("我姓陈"), and a
  two- or three-character name after a recipient's or a holder's label (取件人, 收件人, 联系人, 机主, 持卡人, 户名).

Every pattern is anchored and bounded (linear); a message is read for at most CAP names.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from services.adapters.local import pii_answering, pii_found, pii_given_names, pii_rules
from services.models import PiiSpan

CAP = 24
_SCORE = 0.85
_MAX_TEXT = 20000  # a longer paste is read for its first characters only

# ---- capitals -------------------------------------------------------------------------------------------------------
_UP = "A-ZÀ-ÖØ-ÞĀ-Ž"  # capitals of the Latin scripts (the Latin Extended-A block holds lower-case letters too)
_CAPS_WORD = rf"(?:MA\.|[{_UP}][{_UP}'’-]{{1,24}}|[{_UP}][{_UP}*]{{0,12}}\*[{_UP}*]{{0,12}}|[{_UP}]\.?)"
_CAPS_RUN = re.compile(rf"(?<![\w*@/.#-]){_CAPS_WORD}(?:[ \t]{_CAPS_WORD}){{1,4}}(?![\w*@'’/-])"
                       rf"(?:[ \t](?P<given>[{_UP}][a-zß-öø-ÿ]{{1,20}}(?:-[{_UP}][a-zß-öø-ÿ]{{1,20}})?)"
                       rf"(?=[ \t]{{0,2}}(?:[.,;:!?)]|$)))?", re.MULTILINE)
_DIGIT_AFTER = re.compile(r"[ \t]{1,2}\d")
# a word in the clause before that says a name follows (lower case)
_CUE = re.compile(
    r"(?i)(?<![\w'’])(?:names?|named|nama|nom|nombre|nome|naam|tên|pangalan|jina|imię|jméno|ad[ıi]|"
    r"recipient|beneficiary|benef|payee|passenger|pax|holder|account[ \t]name|titular|titulaire|destinatario|"
    r"destinataire|empfänger|penerima|người[ \t]nhận|a\.n\.|atas[ \t]nama|au[ \t]nom[ \t]de|a[ \t]nombre[ \t]de|"
    r"em[ \t]nome[ \t]de|registered[ \t]to|says|said|shows|showed|shown|showing|displayed|appears|appeared|muncul|"
    r"tertera|lumabas|spelt|spelled|misspelt|misspelled|as[ \t]per|sepatutnya|bukan|đúng[ \t]là|instead[ \t]of|"
    r"should[ \t]be|kontoinhaber(?:in)?|inhaber(?:in)?|begünstigte[r]?|zahlungsempfänger|beneficiário|beneficiario|"
    r"bénéficiaire|favorecido|destinatário|intestatario|intestato|begunstigde|t\.n\.v\.|ten[ \t]name[ \t]van|"
    r"odbiorca|odbiorcy|właściciel|příjemce|majitel|alıcı|hesap[ \t]sahibi|ad[ \t]soyad|cardholder|card[ \t]holder|"
    r"chủ[ \t]tài[ \t]khoản|người[ \t]hưởng|nimi|navn|namn|"
    r"chủ[ \t]tk|aparece|aparecia|aparecía|apareció|figura|consta|erscheint"  # session 43 (43-9)
    r")(?![\w'’])|ชื่อ|名義|名前|户名|戶名|姓名|名字|收款人|예금주|이름|성함|성명|الاسم|اسم|नाम")
# "a.n." / "t.n.v." ("in the name of", Indonesian, Dutch) end with a full stop: right before the name
_ABBREVIATED_CUE = re.compile(r"(?i)(?<![\w.])(?:a\.n\.|t\.n\.v\.)[ \t]{0,2}$")
# a greeting right before the name ("Dear MS AMINA YUSUF,", "Kính gửi NGUYEN VAN AN")
_GREETING_BEFORE = re.compile(
    r"(?i)(?<![\w'’])(?:dear|hi|hello|hey|estimad[oa]|querid[oa]|cher|chère|liebe[r]?|geehrte[r]?|caro|cara|gentile|"
    r"beste|kính[ \t]gửi|yth\.?|kepada|olá|hola|bonjour|hallo|ciao|salam|habari|sawubona)[ \t]{1,2}$")
# a sign-off line above a name in capitals on its own line ("Regards,\nPRIYA NAIR")
_SIGN_OFF_LINE = re.compile(
    r"(?im)^[ \t]{0,4}(?:(?:kind|best|warm|many)[ \t])?(?:regards|thanks|thank[ \t]you|cheers|sincerely|yours[ \t]"
    r"(?:sincerely|faithfully|truly)|best|br|rgds|saludos|atentamente|cordialmente|cordialement|bien[ \t]à[ \t]vous|"
    r"mfg|mit[ \t]freundlichen[ \t]grüßen|viele[ \t]grüße|grüße|groeten|met[ \t]vriendelijke[ \t]groet|"
    r"cumprimentos|atenciosamente|obrigad[oa]|salamat|terima[ \t]kasih|trân[ \t]trọng|hormat[ \t]saya|"
    r"distinti[ \t]saluti|cordiali[ \t]saluti|pozdrawiam|s[ \t]pozdravem|med[ \t]vänliga[ \t]hälsningar|"
    r"ystävällisin[ \t]terveisin|asante|shukran)[ \t]{0,2}[,.!]?[ \t]{0,2}\n[ \t]{0,4}$")
# a transfer's "to" / "from" right before the run, a phone or an account number right after it
_TRANSFER_BEFORE = re.compile(r"(?i)(?<![\w'’])(?:to|from|ke|dari|sa|kay|para|à|an|von|de|od|kwa|kutoka)[ \t]{1,2}$")
# session 43 (43-9): a transfer's word in the clause and its "to" / "from" right before ("TRF TO ADEWALE O. JIMOH",
# "Pix de R$ 150,00 enviado para FERNANDA L. COSTA"); a payment to a merchant ("paid to", "payment to") is not read
_TRANSFER_WORD = re.compile(r"(?i)(?<![\w'’])(?:trf|transfer|transferred|transferencia|transferência|pix|przelew|"
                            r"virement|überweisung|enviado|enviada|wpływ|wplyw)(?![\w'’])")
# M-Pesa's "kutoka 255754118220 - HAMISI SAIDI" after "umepokea" / "received": the sender's phone, a dash, the name
_FROM_NUMBER_BEFORE = re.compile(r"(?i)(?<![\w'’])(?:from|kutoka|dari|de|von|od)[ \t]{1,2}\+?\d[\d \t]{6,16}\d"
                                 r"[ \t]{1,2}-[ \t]{1,2}$")
_NUMBER_AFTER = re.compile(r"\.?[ \t]{1,2}\(?\+?\d[\d \t-]{5,18}\d")
_CLAUSE_END = re.compile(r"[.!?;\n](?![\w])|[.!?](?=[ \t]{1,2}[A-Z])")
_EXTRA_PLAIN = frozenset("""php usd eur gbp ngn kes ugx idr vnd inr thb myr sgd aud cad zar ghs tzs rwf xaf xof fcfa
rp rs ksh atm otp pin kyc pan pnr sms ref no id ic nric nik umid sss pcn mrs mr ms miss mx dr prof sir madam mme mlle
herr frau sr sra sgt the and or to from of for in on at by with my your our his her their is was not it this that a
an please pls help urgent asap thanks thank you ok okay yes wrong correct name names bank card account transfer
refund payment paid sent received gcash mpesa paynow gopay ovo dana opay momo mtn airtel wallet app tk stk cccd
cmnd mst bhd ltd sdn pte inc llc plc gmbh co corp company store shop services service ni vat wan lan ip swift iban
bic sort apt rent ldn online gym life term group request change form police report ticket booking flight order
invoice receipt debit credit stores shops foods motors holdings enterprises enterprise ventures traders trading
supplies supply solutions parking prepaid postpaid airtime merchant till paybill trf desc""".split())
# months and week days: "On 12 Sep, Kevin Ashworth <…>" is a date before a name
_DATE_WORDS = frozenset("""jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july
august september october november december mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday
thursday friday saturday sunday ene abr ago dic enero febrero marzo abril mayo junio julio agosto septiembre octubre
noviembre diciembre janv févr mars avr mai juin juil août sept déc janvier février avril juillet septembre octobre
novembre décembre jän mär okt dez januar februar märz juni juli oktober dezember gen giu lug ott
maart mei augustus""".split())
# short surnames and particles of names in capitals that the plain-word lists hold ("LE THI HONG", "DE LA CRUZ")
_SHORT_NAME_WORDS = frozenset("le ng ma li lu ho ha do vu yu wu he xu oh ko lo la de da di du van von der den bin".split())
# money received from someone: "You have received PHP 1,500.00 from JU*N D*LA CR*Z." (a payment to a merchant,
# "a payment of £349.99 to AMZN MKTP", is not read)
_RECEIVED = re.compile(r"(?i)(?<![\w'’])(?:received|credited|nhận|terima|menerima|natanggap|recibiste|recebeu|"
                       r"reçu|erhalten|umepokea|wpływ|wplyw|przychodzący|przychodzacy)(?![\w'’])")
_FROM_BEFORE = re.compile(r"(?i)(?<![\w'’])(?:from|dari|kay|từ|de|von|od|kutoka|kwa)[ \t]{1,2}$")
_UPPER_WORD = re.compile(rf"(?<![\w'’])[{_UP}]{{2,24}}(?![\w'’])")
_TITLES = frozenset("mr mrs ms miss mstr mx dr prof sir herr frau mme mlle".split())

# ---- airline and booking records: SURNAME/GIVEN (session 43, candidate 43-9) -----------------------------------------
_PARTICLES = frozenset("de del la las los da das do dos di van von der den bin binti al el".split())
_SLASH_WORD = rf"[{_UP}][{_UP}'’]{{1,24}}"
_SLASH = re.compile(rf"(?<![\w*@/.#-]){_SLASH_WORD}(?:[ \t-]{_SLASH_WORD}){{0,2}}/{_SLASH_WORD}(?:[ \t]{_SLASH_WORD}){{0,3}}"
                    rf"(?![0-9A-Za-zÀ-ÖØ-öø-ž_@/'’-])")
_TRAVEL = re.compile(r"(?i)(?<![\w'’])(?:flights?|booking|booked|reservations?|pnr|tickets?|boarding|passports?|"
                     r"passengers?|pax|airline|check-in|reserva|localizador|vuelo|voo|vol|flug|buchung|passaporte|"
                     r"pasaporte|passeport|billet|biglietto|prenotazione|boeking|vlucht|rezerwacja|lot|bilet)(?![\w'’])"
                     r"|예약|여권|항공|予約|航空|パスポート|航班|机票|護照|护照")

# ---- surname first --------------------------------------------------------------------------------------------------
_CAP_WORD = r"[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿĀ-ž'’]{1,24}"
_SURNAME = rf"(?:{_CAP_WORD}|[A-ZÀ-ÖØ-Þ]{{2,24}})(?:-(?:{_CAP_WORD}|[A-ZÀ-ÖØ-Þ]{{2,24}}))?"
_GIVEN = rf"(?:{_CAP_WORD}(?:[ -]{_CAP_WORD})?|[A-Z]\.(?:[ \t]?[A-Z]\.?){{0,3}})"
_PARTICLE_AFTER = r"(?:[ \t](?:van[ \t]der|van[ \t]den|van[ \t]de|van|de|von|von[ \t]der|ter|ten|te|den|der))?"
_SURNAME_FIRST = re.compile(rf"(?<![\w@.'’-])(?P<name>(?P<surname>{_SURNAME}(?:[ \t]{_SURNAME})?),[ \t]"
                            rf"(?P<given>{_GIVEN}){_PARTICLE_AFTER})(?![\w'’-])")
_DIGIT_BEFORE = re.compile(r"\d\.?[ \t]{1,2}$")
_EMAIL_AFTER = re.compile(r"[ \t]{0,2}(?:\([^()\n]{1,30}\)[ \t]{0,2})?(?:<|\[mailto:)[^<>\s]{1,80}@")
_FIELD = re.compile(
    r"(?im)^[ \t>]{0,6}(?:name(?:[ \t]?[,/][ \t]?vorname)?|nachname(?:[ \t]?[,/][ \t]?vorname)?|vor-?[ \t]und[ \t]"
    r"nachname|naam|nome|nom|nombre|nombre[ \t]y[ \t]apellidos|apellidos(?:[ \t]?[,y][ \t]?nombre)?|nazwisko(?:[ \t]?"
    r"[,i][ \t]?imi[ęe])?|imi[ęe][ \t]i[ \t]nazwisko|příjmení(?:[ \t]a[ \t]jméno)?|nimi|navn|namn|full[ \t]name|"
    r"employee|patient|passenger|customer|client|cliente|kunde|mitarbeiter|versicherte[r]?|antragsteller(?:in)?|"
    r"contact|kontakt|contacto|contato|von|van|de|para|cc|bcc|to|from|an|aan|od|do|dw|da|a|per|till|från|fra|til|"
    r"lähettäjä|vastaanottaja|kopie|kopia)[ \t]{0,2}:[ \t]{0,2}$")
# "Name Reyes, Kristine Joy." in a sentence: the word for a name right before, the clause's end after
_NAME_RIGHT_BEFORE = re.compile(r"(?i)(?<![\w'’])(?:name|naam|nome|nom|nombre|nama|pangalan|imię|jméno|nimi)[ \t]{0,2}"
                                r":?[ \t]{1,2}$")
_CLAUSE_AFTER = re.compile(r"[ \t]{0,2}(?:[.;,!?)]|$)", re.MULTILINE)
_FIELD_END = re.compile(r"[ \t]{0,2}(?:$|\||;|\(|<|\[|[ \t]im[ \t]Auftrag|[ \t]on[ \t]behalf)", re.MULTILINE)

# ---- lower case, after a name's cue: "name dela cruz, marites b.", "registered to k a s perera" ----------------------
_LO = "a-zß-öø-ÿ"
_LO_WORD = rf"[{_LO}][{_LO}'’-]{{1,24}}"
_LO_PARTICLE = r"(?:(?:dela|de|del|delos|san|van|von|da|dos|di|du|le|la|bin|binti|al|el|mc|mac)[ \t])?"
_LOWER_COMMA = re.compile(
    r"(?i:(?<![\w'’])(?:names?|nama|pangalan|nombre|naam|nome|nom|account[ \t]name)(?:[ \t](?:is|was|po|ko|ay))?"
    r"[ \t]{0,2}[:=-]?[ \t]{1,2})"
    rf"(?P<name>{_LO_PARTICLE}{_LO_WORD}(?:[ \t]{_LO_WORD})?,[ \t]{{1,2}}{_LO_WORD}(?:[ \t]{_LO_WORD})?"
    rf"(?:[ \t][a-z]\.?)?)(?![\w'’-])")
_LOWER_INITIALS = re.compile(
    r"(?i:(?<![\w'’])(?:registered[ \t]to|in[ \t]the[ \t]name[ \t]of|under[ \t]the[ \t]name(?:[ \t]of)?|"
    r"name[ \t](?:is|was)|account[ \t]name(?:[ \t]is)?|holder(?:[ \t]is)?)[ \t]{1,2})"
    rf"(?P<name>(?:[a-z]\.?[ \t]){{2,3}}{_LO_WORD})(?![\w'’-])")
_LOWER_END = re.compile(r"\.?[ \t]{0,2}(?:[.,;:!?)]|$|\n)|[ \t](?:po|ho|salamat|thanks|thank|please|pls)\b")
_MY_BEFORE = re.compile(r"(?i)(?<![\w'’])(?:my|mi|meu|mon|mein)[ \t]{1,2}$")
_PARTICLE_WORDS = frozenset("dela de del delos san van von da dos di du le la bin binti al el mc mac".split())

# ---- Cyrillic and Greek ---------------------------------------------------------------------------------------------
_RU = "\u0400-\u0481\u048a-\u04ff"
_RU_UP = "\u0400-\u042f\u0460\u0462\u0464\u0466\u0468\u046a\u046c\u046e\u0470\u0472\u0474\u0476\u0478\u047a\u047c" \
         "\u047e\u0480\u048a\u048c\u048e\u0490\u0492\u0494\u0496\u0498\u049a\u049c\u049e\u04a0\u04a2\u04a4\u04a6" \
         "\u04a8\u04aa\u04ac\u04ae\u04b0\u04b2\u04b4\u04b6\u04b8\u04ba\u04bc\u04be\u04c0\u04c1\u04c3\u04c5\u04c7" \
         "\u04c9\u04cb\u04cd\u04d0\u04d2\u04d4\u04d6\u04d8\u04da\u04dc\u04de\u04e0\u04e2\u04e4\u04e6\u04e8\u04ea" \
         "\u04ec\u04ee\u04f0\u04f2\u04f4\u04f6\u04f8\u04fa\u04fc\u04fe"
_RU_LOW = "\u0430-\u045f\u0461-\u0481\u048b-\u04ff'’ʼ"
_EL_UP = "\u0386\u0388-\u038f\u0391-\u03ab"
_EL_LOW = "\u03ac-\u03ce\u1f00-\u1ffc"
# a given name and a patronymic, any case: "игорь валентинович", "Андрій Петрович"
_PATRONYMIC = re.compile(
    rf"(?<![{_RU}\w-])[{_RU}]{{2,15}}[ \t][{_RU}]{{2,16}}(?:ович|евич|ьевич|йович|овна|евна|ьевна|івна|ївна|ична|"
    rf"ОВИЧ|ЕВИЧ|ОВНА|ЕВНА)(?![{_RU}\w-])")
_RU_NAME = rf"[{_RU_UP}][{_RU_LOW}]{{1,20}}(?:-[{_RU_UP}][{_RU_LOW}]{{1,20}})?"
_EL_NAME = rf"[{_EL_UP}][{_EL_LOW}]{{1,20}}(?:-[{_EL_UP}][{_EL_LOW}]{{1,20}})?"
# two or three capitalised words of one script (an initial may close a Cyrillic pair: "Ерлан Б.")
_RU_PAIR = rf"{_RU_NAME}(?:[ \t]{_RU_NAME}){{1,2}}|{_RU_NAME}[ \t][{_RU_UP}]\.(?=\s|$)"
_EL_PAIR = rf"{_EL_NAME}(?:[ \t]{_EL_NAME}){{1,2}}"
_PAIR = re.compile(rf"(?<![\w-])(?:{_RU_PAIR}|{_EL_PAIR})(?![\w-])")
_ONE = re.compile(rf"(?<![\w-])(?:{_RU_NAME}|{_EL_NAME})(?![\w-])")
# kin words and contact labels before a name (lower case), ending the 40 characters before it
_SCRIPT_CUE = re.compile(
    r"(?i)(?<![\w-])(?:(?:син|сина|сын|сына|синът|дъщеря|дъщерята|дочь|дочери|дочка|дочку|донька|доньку|доньки|"
    r"внук|внука|внучка|внучку|майка|баща|мать|маму|мама|отец|отца|батько|батька|мати|тато|брат|брата|сестра|"
    r"сестру|съпруг|съпруга|съпругата|муж|мужа|жена|жену|чоловік|чоловіка|дружина|дружину|детето|ребенок|"
    r"ребёнка|ребенка|дитина|дитини)(?:[ \t](?:ми|си|мой|моя|мою|моего|моей|мій|моя|мого|моєї|наш|наша|нашу))?|"
    r"(?:мой|моя|мою|моего|моей|мій|моя|мого|моєї|наш|наша|нашу)[ \t](?:син|сина|сын|сына|дочь|дочка|дочку|донька|"
    r"доньку|внук|внука|внучка|внучку|мать|маму|отец|отца|батько|мати|тато|брат|сестра|сестру|муж|мужа|жена|жену|"
    r"чоловік|дружина)|лице[ \t]за[ \t]контакт|контактно[ \t]лице|контактное[ \t]лицо|контактна[ \t]особа|"
    r"получател|получатель|получателя|отримувач|одержувач|на[ \t]името[ \t]на|на[ \t]имя|на[ \t]ім['’]я|"
    r"(?:γιου|γιο|γιος|κόρη|κόρης|πατέρα|πατέρας|μητέρα|μητέρας|σύζυγο|σύζυγος|συζύγου|αδερφό|αδερφή|αδελφό|"
    r"αδελφή|εγγονό|εγγονή|παιδί|παιδιού)[ \t](?:μου|μας|της|του)|ιδιοκτήτης[ \t]είναι[ \t]ο|ιδιοκτήτρια[ \t]είναι"
    r"[ \t]η|παραλήπτης|παραλήπτρια|δικαιούχος)[ \t]{0,2}[,:]?[ \t]{0,2}(?:(?:ο|η|τον|την|του|της)[ \t])?$")
# a greeting right before a Cyrillic or Greek name and surname: "Добрый день, Ирина Волкова!", "Αγαπητή Ελένη Νικολάου,"
_SCRIPT_GREETING = re.compile(
    r"(?i)(?<![\w-])(?:здравствуйте|добрый[ \t](?:день|вечер)|доброе[ \t]утро|привет|здравейте|добър[ \t]ден|добрий[ \t]"
    r"день|доброго[ \t]дня|вітаю|уважаемая|уважаемый|уважаеми|уважаема|шановний|шановна|скъпи|скъпа|дорогая|"
    r"дорогой|поштовани|поштована|γεια[ \t]σας|καλημέρα|καλησπέρα|αγαπητέ|αγαπητή|αξιότιμε|αξιότιμη|dear)"
    r"[ \t]{0,2},?[ \t]{1,2}$")
_SIGN_BEFORE = re.compile(r"(?:^|[.!,:][ \t]{1,2}|\n[ \t]{0,4})$")
_PHONE_TAIL = re.compile(r"[ \t]{0,2}(?:,[ \t]{0,2})?(?:(?:тел|τηλ|tel|моб|mob|κιν)\.?:?[ \t]{0,2})?\+?\d[\d \t()-]{5,18}\d")
_THANKS = frozenset("""дякую спасибо благодаря благодарю хвала дзякуй ευχαριστώ ευχαριστούμε поздрави""".split())
_TAIL_WORD = re.compile(r"[^\W\d_]{3,}")
_LEGAL_AFTER = re.compile(r"[ \t,]{0,3}(?:Α\.?Ε\.?|Ε\.?Π\.?Ε\.?|Ι\.?Κ\.?Ε\.?|Ο\.?Ε\.?|ООО|ОАО|ЗАО|ПАО|АО|ЕООД|ООД|АД|ЕАД|ТОВ|ПАТ|ПрАТ|"
                          r"ФОП|ИП|д\.?о\.?о\.?)(?![\w])")
# a surname's ending: Cyrillic "-ов", "-ева", "-енко", "-ук", "-ић", "-ский"…; Greek "-ου", "-ης", "-ος", "-η"
_SURNAME_END = re.compile(
    r"(?:ов|ова|ев|ева|ёв|ёва|ин|ина|ын|ына|ко|ук|юк|ич|ић|ски|ска|ский|ская|ський|ська|цкий|цкая|ян|швили|дзе|ий|"
    r"ая|ых|их|ак|як|ик|ник|ец|ець|ОВ|ОВА|ЕВ|ЕВА|ИН|ИНА|КО|УК|ЮК|ИЧ|ου|ης|ος|η|ού|ής|ός|ή|άκης|ίδης)\.?$")
# a field's or a recipient's label written before a name: "Δικαιούχος Κωνσταντίνος …", "Отримувач Олена …"
_SCRIPT_LABELS = frozenset("""δικαιούχος παραλήπτης παραλήπτρια όνομα ονοματεπώνυμο πελάτης ασθενής отримувач
получател получатель одержувач фио піб име имя ім'я клиент клієнт пациент пацієнт контакт""".split())
_SCRIPT_GREETINGS = frozenset("""уважаемая уважаемый уважаеми уважаема шановний шановна скъпи скъпа дорогая дорогой
поштовани поштована αγαπητέ αγαπητή αξιότιμε αξιότιμη""".split())
_TOWN_BEFORE = re.compile(r"(?<![\d\w])(?<!\d[ \t])\d{1,4}[^\W\d_]?[ \t]{0,2},[ \t]{0,2}$")
_NOT_SCRIPT_NAMES = frozenset("""здравствуйте здравейте привет добрый доброго добрий день вечер утро спасибо дякую
благодаря поздрави уважаеми уважаемый шановний шановна моля прошу україна україни киев київ москва софия пловдив
варна бургас россия россии българия беларусь казахстан алматы астана новая пошта нова нової поштa укрпошта приватбанк
ощадбанк сбербанк тинькофф моно монобанк теленор виваком еконт спиди яндекс гугл эпл самсунг ооо тов еад оод ат пат
улица ул бул вул пр просп площадь пл бульвар проспект город город градина булевар
καλημέρα καλησπέρα γεια χαίρετε ευχαριστώ αθήνα θεσσαλονίκη πάτρα ελλάδα ελλάδος κύπρος λευκωσία κρήτη λεωφόρος
οδός πλατεία αγίου αγίας άγιος αγία αγίων εθνική τράπεζα πειραιώς eurobank αλφα cosmote vodafone wind δεη ευδαπ
εφκα αμκα αφμ ικα δου τμήμα φαρμακείο εξυπηρέτηση πελατών ελληνική ασφαλιστική ασφαλιστικής αιγαίο αιγαίου
λογιστήριο ιατρείο κέντρο κέντρου ομάδα υπηρεσία διεύθυνση γραφείο εταιρεία νοσοκομείο δήμος περιφέρεια
отдел служба поддержки поддержка клиентов отдел бухгалтерия відділ підтримки підтримка клієнтів служба аптека
клиника клініка больница лікарня магазин компания компанія банк банка отдел отдела нови сад београд загреб скопје
минск харків харьков одеса одесса львів львов дніпро днепр пловдив русе кишинев тбилиси уважаемая уважаемый
уважаемые шановна шановний шановні дорогая дорогой дорогий дорога скъпа скъпи скъпа уважаема поважани поштовани
поштована здравей здраво добро добре αγαπητέ αγαπητή αξιότιμε αξιότιμη""".split())
_STREET_BEFORE = re.compile(r"(?i)(?:ул|бул|вул|пр|просп|пл|ulitsa|улица|булевар|бульвар|проспект|площадь|οδός|οδ|"
                            r"λεωφ|λεωφόρος|πλ|πλατεία)\.?[ \t]{1,2}$")
_HOUSE_AFTER = re.compile(r"[ \t]{1,2}\d{1,3}[а-яa-zα-ω]?(?![\d \t]{0,2}\d)")

# ---- Hangul and Han -------------------------------------------------------------------------------------------------
_KO_SURNAMES = "김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉"
_KO_NAME = re.compile(rf"(?<![\uac00-\ud7a3\w])([{_KO_SURNAMES}][\uac00-\ud7a3]{{2}})[ \t]?(?:고객님|회원님|님|씨)")
_KO_ROLES = frozenset("""이용자 가입자 신청자 구매자 주문자 수령인 상담원 담당자 관리자 보호자 계약자 명의자 예금주 소유자
운전자 사용자 판매자 수신자 발신자 작성자 대표자 책임자 지원자 참석자 방문자 민원인 의뢰인 대리인 보증인 상속인 세입자 임차인
임대인 교수 원장님 선생 이사장 부장 차장 과장 실장 팀장 사장 회장 상무 전무 주임 대리 사원 기사 박사 변호사 세무사 노무사
법무사 회계사 간호사 약사 의사 수간호 원감 교감 교장 주무관 조사관 감독관 선임 책임 연구원 위원 위원장 조합원 회원 고객""".split())
_HAN = "\u3400-\u4dbf\u4e00-\u9fff"
_HAN_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈"
                 "姚卢姜崔钟谭陆汪范贾夏韦邹孟熊秦邱尹薛闫段雷侯陶黎贺顾毛郝龚邵钱严覃戴莫孔汤張劉陳楊黃趙吳許鄭"
                 "謝韓馮鄧蕭葉蘇呂盧鍾譚陸賈韋鄒龔錢嚴湯羅孫")
_HAN_TITLE = re.compile(rf"([{_HAN_SURNAMES}])(?:先生|女士|小姐|太太)")
_HAN_BEFORE_OK = frozenset("的好是请謝谢您位跟和给對对问向叫找与與同称稱，,、：: \t\n。！？!?")
_HAN_SURNAMED = re.compile(rf"(?<=姓)([{_HAN_SURNAMES}])(?![{_HAN}])")
_HAN_HOLDER = re.compile(
    rf"(?:取件人|收件人|收货人|收貨人|联系人|聯絡人|聯繫人|机主|機主|持卡人|户名|戶名|开户名|開戶名|收款人|付款人|"
    rf"被保险人|被保險人|投保人|申请人|申請人)(?:姓名|名字)?[ \t]{{0,2}}[：:是为為]?[ \t]{{0,2}}"
    rf"([{_HAN_SURNAMES}][{_HAN}]{{1,2}})(?![{_HAN}])")


@functools.cache
def _plain() -> frozenset[str]:
    """Lower-case words that are no part of a name in capitals or written surname first."""
    from services.adapters.local import pii_presidio  # imported here: pii_presidio imports this module

    words = (pii_rules.NOT_NAMES | pii_given_names.FUNCTION_WORDS | frozenset(pii_rules.PLACE_WORDS)
             | frozenset(pii_rules.COMPANY_SUFFIXES) | pii_presidio.BRANDS | pii_presidio.DEPARTMENT_WORDS
             | pii_presidio.TRADE_WORDS | pii_answering._TRADE | _EXTRA_PLAIN)
    return frozenset(words) - pii_rules.GIVEN_NAMES


def _bare(word: str) -> str:
    return word.strip(".,'’-*").lower()


@functools.cache
def _trades() -> frozenset[str]:
    """Trade words whose plural names a shop's line ("SUNRISE MOBILES", "ALLIED MOTORS")."""
    from services.adapters.local import pii_presidio  # imported here: pii_presidio imports this module

    return (pii_presidio.TRADE_WORDS | pii_answering._TRADE) - pii_rules.GIVEN_NAMES


def _plain_word(word: str) -> bool:
    bare = _bare(word)
    if len(bare) > 5 and bare.endswith("s") and bare[:-1] in _trades():  # a plural of five letters or fewer may be
        return True  # a surname ("BANKS")
    return len(bare) > 1 and "*" not in word and bare in _plain() and bare not in _SHORT_NAME_WORDS


def _caps_ok(text: str, match: re.Match[str]) -> tuple[int, int] | None:
    """The name of a capitals run (titles off its start), or None when it holds a plain word or no name's shape."""
    words = match.group(0).split()
    start = match.start()
    while words and (_bare(words[0]) in _TITLES or (_plain_word(words[0]) and len(words) > 2)):
        start = text.index(words[0], start) + len(words[0])
        start += len(text[start:]) - len(text[start:].lstrip(" \t"))
        words = words[1:]
    full = [w for w in words if len(w.strip(".")) > 2]  # "NI SK", "AV B" are no name
    # a place's word may be the surname after a given name and an initial ("RODRIGO A. LIMA"; session 43, 43-9)
    placed = (len(words) == 3 and _bare(words[0]) in pii_rules.GIVEN_NAMES and len(words[1].strip(".")) == 1
              and _bare(words[2]) in pii_rules.PLACE_WORDS)
    if len(words) < 2 or not full or any(_plain_word(w) for w in (words[:2] if placed else words)):
        return None
    initials = 0
    while initials < len(words) and len(words[initials].strip(".")) == 1:
        initials += 1
    if initials and (initials == len(words) or len(words) - initials > 1 or len(words) < 3):
        return None  # "I SENT …", "A B C"; "K A S PERERA" is a name
    given = match.group("given")
    if given and _bare(given) in _plain():
        return start, match.start("given") - 1
    return start, match.end()


def _shouting(text: str) -> bool:
    """A message written in capitals: most letters capitals, three plain words among them ("I SENT THE MONEY")."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 20 or sum(c.isupper() for c in letters) <= 0.6 * len(letters):
        return False
    return sum(_plain_word(w) for w in _UPPER_WORD.findall(text)[:200]) >= 3


@functools.cache
def _jobs() -> frozenset[str]:
    """Departments' and jobs' words ("SALES/MARKETING", "CEO/FOUNDER")."""
    from services.adapters.local import pii_presidio  # imported here: pii_presidio imports this module

    return frozenset(pii_presidio._S22C_JOB_WORDS | pii_presidio._S25B_DEPARTMENTS) - pii_rules.GIVEN_NAMES


def _slash_names(text: str) -> Iterator[tuple[int, int]]:
    """"GARCIA LOPEZ/MARIA DEL PILAR", "CHOI/JIWOO", "MRS SHARPE/LOUISE" as an airline or a booking writes a name,
    near a word for a flight, a booking, a passport or a name; a title after or before it stays outside. Never a pair
    of codes or words ("EUR/USD", "TCP/IP", "SALES/MARKETING", "LHR/JFK"): plain words, seven letters or fewer."""
    if "/" not in text or _shouting(text):
        return
    for n, match in enumerate(_SLASH.finditer(text)):
        if n >= CAP:
            return
        surname, given = match.group().split("/")
        words = surname.replace("-", " ").split() + given.split()
        while len(words) > 2 and (_bare(words[-1]) in _TITLES or _plain_word(words[-1]) or _bare(words[-1]) == "dob"):
            words.pop()
        while words and _bare(words[0]) in _TITLES:
            words.pop(0)
        if len(words) < 2 or any((_plain_word(w) and _bare(w) not in _PARTICLES) or _bare(w) in _jobs() for w in words):
            continue
        if sum(len(w) for w in words) <= 7 or min(len(w) for w in (surname.split()[-1], given.split()[0])) < 2:
            continue
        start = text.index(words[0], match.start())
        end = text.rindex(words[-1], start, match.end()) + len(words[-1])
        if "/" not in text[start:end]:
            continue
        near = text[max(0, start - 300):min(len(text), end + 300)]
        if _TRAVEL.search(near) or _CUE.search(text, max(0, start - 120), start):
            yield start, end


def _cue_for(clause: str, start: int, found: list[tuple[int, int]]) -> bool:
    """Whether a cue in the clause says a name follows and no name it cued comes between ("chủ TK NGUYEN THI THU HA,
    nội dung DH4471 THANH TOAN": the cue names the first run only; session 43, 43-9)."""
    cues = list(_CUE.finditer(clause))
    if not cues:
        return False
    cue_at = start - len(clause) + cues[-1].end()
    return not any(cue_at <= a and b <= start for a, b in found)


def _caps(text: str) -> Iterator[tuple[int, int]]:
    if _shouting(text):
        return
    found: list[tuple[int, int]] = []
    later: list[tuple[int, int]] = []
    for n, match in enumerate(_CAPS_RUN.finditer(text)):
        if n >= 4 * CAP:
            break
        span = _caps_ok(text, match)
        if span is None:
            continue
        start, end = span
        before = text[max(0, start - 60):start]
        ends = list(_CLAUSE_END.finditer(before))
        clause = before[ends[-1].end():] if ends else before
        if (_TRANSFER_BEFORE.search(before) and (_NUMBER_AFTER.match(text, end) or _TRANSFER_WORD.search(clause))) or (
                (_FROM_BEFORE.search(before) or _FROM_NUMBER_BEFORE.search(before))
                and _RECEIVED.search(before[before.rfind("\n") + 1:])):
            found.append((start, end))
        elif text.startswith("MA. ", start) and len(text[start + 4:end].split()[0]) > 2:
            found.append((start, end))  # a Filipino "MA. CRISTINA R." (Maria, no plain word after): a name (43-9)
        elif _DIGIT_AFTER.match(text, end):
            continue  # "NI SK 30 71 94 D", "VAT GB 284 1190 37": a number's letters
        elif _cue_for(clause, start, found) or _ABBREVIATED_CUE.search(before) or _GREETING_BEFORE.search(text, max(0, start - 30), start) or (_SIGN_OFF_LINE.search(text, max(0, start - 80), start)
                                     and re.match(r"[ \t]{0,2}(?:\n|$)", text[end:])):
            found.append((start, end))
        else:
            later.append((start, end))
    words = {w.strip(".").upper() for start, end in found for w in text[start:end].split() if len(w.strip(".")) > 1}
    for start, end in later:  # the same name again: "tukar nama … NUR AISYAH BINTI ROSLAN bukan … ROSLIN"
        own = [w.strip(".").upper() for w in text[start:end].split() if len(w.strip(".")) > 1]
        if words and own and sum(w in words for w in own) * 2 >= len(own):
            found.append((start, end))
    yield from sorted(found)


def _surname_first(text: str) -> Iterator[tuple[int, int]]:
    for n, match in enumerate(_SURNAME_FIRST.finditer(text)):
        if n >= 4 * CAP:
            break
        start, end = match.span("name")
        surname = match.group("surname").split()
        if len(surname) > 1 and _bare(surname[0]) in _plain():  # "Name Reyes, Kristine Joy": the cue's word before
            match = _SURNAME_FIRST.match(text, text.index(surname[1], start)) or match
            start, end = match.span("name")
        words = re.findall(r"[^\W\d_]{2,}", match.group("name"))
        if any((_bare(w) in _plain() or _bare(w) in _DATE_WORDS)
               and _bare(w) not in {"van", "de", "von", "der", "den", "ter", "ten", "te"} for w in words):
            continue
        if _DIGIT_BEFORE.search(text, max(0, start - 8), start) or match.group("given").split()[0].strip(
                ".") == match.group("surname").split()[-1]:
            continue  # "On 12 Sep, Kevin …" (a date), "Roisin, Roisin Kavanagh" (a name said again)
        line_start = text.rfind("\n", 0, start) + 1
        if _EMAIL_AFTER.match(text, end) or (_FIELD.match(text[line_start:start])
                                             and _FIELD_END.match(text, end)) or _listed(text, match) or (
                _NAME_RIGHT_BEFORE.search(text, max(0, start - 16), start) and _CLAUSE_AFTER.match(text, end)):
            yield start, end


def _listed_line(text: str, start: int, end: int) -> bool:
    """Whether [start, end) is a line of its own under a line ending with a colon and above a line with a number
    ("στοιχεία του νέου συναδέλφου:\nΓιώργος Λαμπράκης\nΑΜΚΑ 22118703915")."""
    if not (start == 0 or text[start - 1] == "\n") or not re.match(r"[ \t]{0,2}(?:\n|$)", text[end:]):
        return False
    above = text[max(0, start - 200):max(0, start - 1)].rstrip(" \t")
    below = text[end + 1:end + 120].split("\n", 1)[0]
    return above.endswith(":") and re.search(r"\d{4}|\d{1,2}[./-]\d{1,2}[./-]\d{2}", below) is not None


def _listed(text: str, match: re.Match[str]) -> bool:
    """Whether the name is a line of its own under a line that ends with a colon ("tiedot palkanlaskentaan:\nVirtanen,
    Joonas"), its given name one we know or a number on the line below (the person's id, birth date, phone)."""
    start, end = match.span("name")
    if not (start == 0 or text[start - 1] == "\n") or not re.match(r"[ \t]{0,2}(?:\n|$)", text[end:]):
        return False
    above = text[max(0, start - 200):max(0, start - 1)].rstrip(" \t")
    below = text[end + 1:end + 120].split("\n", 1)[0]
    return above.endswith(":") and (match.group("given").split()[0].lower() in pii_rules.GIVEN_NAMES
                                    or re.search(r"\d{4}|\d{1,2}[./-]\d{1,2}[./-]\d{2}", below) is not None)


def _lower(text: str) -> Iterator[tuple[int, int]]:
    for pattern in (_LOWER_COMMA, _LOWER_INITIALS):
        for n, match in enumerate(pattern.finditer(text)):
            if n >= CAP:
                break
            start, end = match.span("name")
            words = [w for w in re.findall(r"[^\W\d_][^\W\d_'’-]+", match.group("name")) if w not in _PARTICLE_WORDS]
            if pattern is _LOWER_COMMA and (_MY_BEFORE.search(text, max(0, match.start() - 6), match.start())
                                            or len(set(words)) < len(words)):
                continue  # "my name is carlos, carlos mendez": the given name first, then said again
            if words and not any(_bare(w) in _plain() or _bare(w) in _DATE_WORDS for w in words) and (
                    _LOWER_END.match(text, end)):
                yield start, end + (text[end:end + 1] == "." and len(text[match.start("name"):end].split()[-1]) == 1)


def _tail_ok(text: str, end: int) -> bool:
    """Whether only a phone number, an id's line or thanks follow the name to the message's end."""
    rest = text[end:end + 120]
    if len(text) - end > 120 or _LEGAL_AFTER.match(rest):
        return False
    phone = _PHONE_TAIL.match(rest)
    rest = rest[phone.end():] if phone else rest
    lines = [line for line in rest.split("\n")[1:] if line.strip()]
    if len(lines) > 3:
        return False
    first = rest.split("\n")[0]
    words = [w.lower() for w in _TAIL_WORD.findall(first)]
    if any(w not in _THANKS for w in words):
        return False
    return all(not any(w.islower() for w in _TAIL_WORD.findall(line)) for line in lines)


def _script_name_ok(text: str, start: int, end: int) -> bool:
    words = re.findall(r"[^\W\d_]{2,}", text[start:end])
    if any(w.lower() in _NOT_SCRIPT_NAMES for w in words):
        return False
    return not _STREET_BEFORE.search(text, max(0, start - 12), start) and not _HOUSE_AFTER.match(text, end)


def _scripts(text: str) -> Iterator[tuple[int, int]]:
    for n, match in enumerate(_PATRONYMIC.finditer(text)):
        if n >= CAP:
            break
        start, end = match.span()
        surname = re.search(rf"(?<![\w-]){_RU_NAME}[ \t]$", text[max(0, start - 30):start])
        if surname and text[start].isupper() and surname.group().strip().lower() not in _NOT_SCRIPT_NAMES and (
                _SURNAME_END.search(surname.group().strip())):
            start -= len(surname.group())  # "ФИО Смирнова Анна Викторовна": the surname first
        if _script_name_ok(text, start, end):
            yield start, end
    for n, match in enumerate(_PAIR.finditer(text)):
        if n >= 4 * CAP:
            break
        start, end = match.span()
        words = match.group().split()
        labelled = words[0].lower() in _SCRIPT_LABELS
        if (labelled or words[0].lower() in _SCRIPT_GREETINGS) and len(words) > 1:
            # "Отримувач Олена Коваленко", "Αγαπητή Ελένη Νικολάου": the label or the greeting stays outside
            start = text.index(words[1], start + len(words[0]))
            words = words[1:]
        if not _script_name_ok(text, start, end) or _TOWN_BEFORE.search(text, max(0, start - 8), start):
            continue
        before = text[max(0, start - 60):start]
        surnamed = len(words) > 1 and _SURNAME_END.search(words[-1]) is not None
        if labelled or _SCRIPT_CUE.search(before) or (surnamed and _SCRIPT_GREETING.search(before)) or (
                surnamed and _SIGN_BEFORE.search(before) and _tail_ok(text, end)) or (
                surnamed and _listed_line(text, start, end)):
            yield start, end
    for n, match in enumerate(_ONE.finditer(text)):  # a lone given name after a kin word: "сина си Никола"
        if n >= 4 * CAP:
            break
        start, end = match.span()
        if _PAIR.match(text, start) or not _script_name_ok(text, start, end):
            continue
        if _SCRIPT_CUE.search(text, max(0, start - 40), start) and re.match(r"[ \t]{0,2}(?:[,.;:!?(]|$)", text[end:]):
            yield start, end


def _hangul_and_han(text: str) -> Iterator[tuple[int, int]]:
    for n, match in enumerate(_KO_NAME.finditer(text)):
        if n >= CAP:
            break
        if match.group(1) not in _KO_ROLES and match.group(1)[1:] not in _KO_ROLES:
            yield match.span(1)
    for n, match in enumerate(_HAN_TITLE.finditer(text)):
        if n >= CAP:
            break
        start = match.start(1)
        if start == 0 or text[start - 1] in _HAN_BEFORE_OK or not re.match(f"[{_HAN}]", text[start - 1]):
            yield match.span(1)
    for n, match in enumerate(_HAN_SURNAMED.finditer(text)):
        if n >= CAP:
            break
        yield match.span(1)
    for n, match in enumerate(_HAN_HOLDER.finditer(text)):
        if n >= CAP:
            break
        yield match.span(1)


def _found(text: str) -> Iterator[tuple[int, int]]:
    text = text[:_MAX_TEXT]
    yield from _caps(text)
    yield from _slash_names(text)
    yield from _surname_first(text)
    yield from _lower(text)
    yield from _scripts(text)
    yield from _hangul_and_han(text)


def find_name_shapes(text: str) -> Iterator[tuple[str, int, int, float]]:
    """The names of the module's docstring, at most CAP, each once."""
    yield from pii_found.unique_persons(_found(text), CAP, _SCORE)


@functools.lru_cache(maxsize=64)
def _names(text: str) -> tuple[tuple[int, int], ...]:
    return tuple((start, end) for _, start, end, _ in find_name_shapes(text))


def with_name_shapes(text: str, spans: list[PiiSpan], keep: list[tuple[int, int]]) -> list[PiiSpan]:
    """The spans with the names of this module added where no span covers them and no kept value lies there,
    whatever the detector's filters and its PERSON check made of them; PERSON spans inside such a name ("Joonas" of
    "Virtanen, Joonas") are replaced by it."""
    found = _names(text)

    def gives_way(span: PiiSpan, start: int, end: int) -> bool:
        """A PERSON span inside the name, or one whose words outside it are titles ("MRS SHARPE" of "MRS
        SHARPE/LOUISE"; session 43, 43-9)."""
        if pii_found.inside_person(span, start, end):
            return True
        outside = text[span.start:max(span.start, start)] + " " + text[min(span.end, end):span.end]
        return span.kind == "PERSON" and all(_bare(w) in _TITLES for w in outside.split())

    return pii_found.add_back(spans, found, keep, gives_way, _SCORE) if found else spans
