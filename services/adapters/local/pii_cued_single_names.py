"""A lone given name or surname after a strong cue the older finders miss (session 49, candidate 49-2).

A single word is the weakest name there is: the tagger misses it and the learned PERSON check drops it unless a cue
stands beside it. This module reads four such cues, in the languages and scripts the messages come in, and adds the
word back as a PERSON after the check (where no span covers it and no kept value lies there):

- a courtesy title in a letter's greeting line: "Sehr geehrte Familie Özkan,", "Benvolgut senyor Puig,", "Liebe Frau
  Schulte,", "Spoštovani g. Novak,", "Bună seara, doamna Stan!", "Dear Mrs Patel," (one capitalised word that ends
  the greeting line), and with no title a greeting and one given name we know that ends the line: "Hola Pere,",
  "Dear Dimitar,", "Góðan dag Sigríður,";
- a role word before the name: a driver, a rider, a courier, a conductor, a watchman, a technician, in a chat's
  speaker label or the text ("Tài xế Tuấn:", "Conductor Wilson:", "Курьер Азиз:", "راننده مهدی:", "rider Jomar",
  "delivery partner Sandeep", "pak Suparno"), or a household's, a neighbour's or a courtesy title before a surname
  ("fam. Eide", "Nachbar Krüger", "p. Nowak", "Herr Obermaier"): one capitalised word (or, in a speaker's label, one
  word of a script with no capitals) that is no brand, no role, no academic title and no common word;
- a first name signing a reply above the quoted thread or a phone's footer: a line of one capitalised word before
  "-----Original Message-----", "On … wrote:", "Op … schreef", "> From:", "Sent from my iPhone", "Von meinem
  iPhone gesendet"…;
- a form post's name field: "first_name=Isla&last_name=McKenzie", "name=Rhiannon+Pryce";
- a name on a booking, a card or a label said to be wrong, in a message about a name: "it says VANDERBERG but my
  passport says…", "darauf steht Schmitt statt Schmidt".

Never a closing word ("Thanks", "Saludos"), a group, a role or an office greeted ("Dear Customer", "Hola equipo"),
a brand, or a word the text gives in lower case (save a form's field value).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from services.adapters.local import pii_bank_more, pii_found, pii_rules
from services.models import PiiSpan

_SCORE = 0.8
_MAX_TEXT = 20_000
_CAP = 12
_alt = pii_bank_more.alternation  # escaped, longest first, in a fixed order


# a word of a name: a capital then letters (apostrophe, hyphen inside), or a word of a script with no capitals
_NAME = r"(?:[^\W\d_][^\s\d:,.;!?()\"“”„<>/=&\[\]{}|*#@+]{0,24})"

_GREETINGS = [
    "Dear", "Hi", "Hello", "Hey", "Hiya", "Morning", "Good morning", "Good afternoon", "Good evening",
    "Hola", "Buenos días", "Buenas tardes", "Buenas", "Estimado", "Estimada", "Querido", "Querida",
    "Bonjour", "Bonsoir", "Salut", "Cher", "Chère",
    "Hallo", "Liebe", "Lieber", "Sehr geehrte", "Sehr geehrter", "Guten Tag", "Moin", "Servus", "Grüezi", "Grüß Gott",
    "Caro", "Cara", "Gentile", "Gentilissima", "Gentilissimo", "Buongiorno", "Buonasera", "Ciao", "Egregio",
    "Olá", "Oi", "Prezado", "Prezada", "Caríssimo", "Caríssima", "Bom dia", "Boa tarde", "Boa noite",
    "Benvolgut", "Benvolguda", "Bon dia", "Estimat", "Estimada",
    "Beste", "Geachte", "Hoi", "Goedemorgen", "Goedemiddag", "Dag",
    "Kære", "Hej", "Hei", "Kjære", "Bästa", "Góðan dag", "Sæl", "Sæll", "Komdu sæl", "Hæ",
    "Szanowny", "Szanowna", "Dzień dobry", "Witam", "Dobrý den", "Dobrý deň", "Vážený", "Vážená", "Vážení",
    "Spoštovani", "Spoštovana", "Poštovani", "Poštovana", "Bună ziua", "Bună seara", "Stimate", "Stimată",
    "Tisztelt", "Kedves", "Tere", "Hyvä", "Labas", "Sveiki", "Gerbiamas", "Gerbiama", "Здравствуйте", "Уважаемый",
    "Уважаемая", "Добрый день", "Шановний", "Шановна", "Αγαπητέ", "Αγαπητή", "Merhaba", "Sayın", "Selam",
]
_TITLES = [
    "Familie", "Fam.", "Familia", "Famille", "Famiglia", "Família", "familie", "familia", "famille", "famiglia",
    "Herr", "Frau", "Herrn", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Mx", "Dr", "Dr.", "Prof.",
    "senyor", "senyora", "Senyor", "Senyora", "señor", "señora", "Señor", "Señora", "Sr.", "Sra.", "Srta.", "don",
    "doña", "Don", "Doña", "Monsieur", "Madame", "Mademoiselle", "M.", "Mme", "Mme.", "Mlle", "signor", "signora",
    "Signor", "Signora", "Sig.", "Sig.ra", "Dott.", "Dott.ssa", "senhor", "senhora", "Senhor", "Senhora", "Sr",
    "Sra", "Dona", "heer", "mevrouw", "Heer", "Mevrouw", "mevr.", "Mevr.", "dhr.", "Dhr.", "pani", "pan", "Pani",
    "Pan", "panie", "Panie", "g.", "ga.", "gospod", "gospa", "gospodine", "gospođo", "doamna", "doamnă", "domnule",
    "Doamna", "Domnule", "paní", "pane", "Paní", "Pane", "pán", "pani učiteľka", "professora", "professor",
    "Professora", "Professor", "stora", "stor", "juf", "meester", "Juf", "Meester", "fru", "hr.", "Fru",
    "господин", "госпожа", "Господин", "Госпожа", "κύριε", "κυρία", "Κύριε", "Κυρία", "Bay", "Bayan",
]
# a word greeted or named after a role that is no one's name
_NEVER = frozenset(w.lower() for w in [
    "team", "all", "everyone", "there", "customer", "customers", "client", "cliente", "kunde", "kundin", "sir",
    "madam", "madame", "colleague", "colleagues", "friends", "folks", "guys", "support", "service", "services",
    "equipo", "équipe", "equipe", "team,", "allerseits", "zusammen", "tutti", "todos", "todas", "alle", "allen",
    "allemaal", "allihop", "kaikki", "kollegen", "kollega", "neighbour", "neighbor", "neighbours", "parents",
    "eltern", "residents", "tenant", "tenants", "landlord", "manager", "admin", "administrator", "hr", "office",
    "sirs", "madams", "user", "member", "members", "partner", "partners", "app", "license", "licence", "details",
    "name", "number", "phone", "id", "code", "location", "rating", "tip", "fee", "fees", "status", "info", "portal",
    "assigned", "arrived", "arriving", "here", "there", "now", "today", "tomorrow", "yesterday", "please", "pls",
    "thanks", "thank", "cheers", "regards", "best", "sorry", "ok", "okay", "yes", "no", "hello", "hi", "dear",
    "unknown", "none", "nil", "na", "n/a", "delivery", "driver", "rider", "courier", "guy", "man", "lady", "woman",
    "boy", "girl", "bro", "sis", "mate", "buddy", "boss", "sir.", "ji", "bhai", "bhaiya", "didi", "kak", "mas",
    "pak", "bu", "ibu", "bapak", "anh", "chị", "em", "was", "is", "has", "had", "will", "would", "can", "could",
    "said", "says", "called", "came", "left", "took", "took", "dropped", "just", "also", "again", "still", "never",
    "agent", "operator", "dispatcher", "staff", "crew", "company", "center", "centre", "desk", "line", "hotline",
    "the", "a", "an", "my", "your", "our", "their", "his", "her", "this", "that", "of", "on", "at", "in", "to",
    "for", "from", "with", "and", "or", "but", "seller", "buyer", "owner", "shop", "store", "station", "depot",
    "hub", "warehouse", "terminal", "gate", "office", "emergency", "on-duty", "duty", "night", "day", "shift",
    "sie", "ihr", "vous", "usted", "ustedes", "lei", "você", "u", "jij", "du", "herr", "frau",
    "familie", "family", "monsieur", "madame", "señor", "señora", "senhor", "senhora", "signor", "signora",
    "kunden", "kundschaft", "nachbarn", "mitglieder", "mitglied", "bewohner", "mieter", "vermieter", "hausverwaltung",
    "mr", "mrs", "ms", "dr", "prof", "capt", "sr", "sra", "mme", "mlle", "hr", "fr", "krankenkasse", "gesundheitskasse",
    "telecom", "sector", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
    "wed", "thu", "fri", "sat", "sun", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "lundi", "mardi", "mercredi", "jeudi",
    "vendredi", "samedi", "dimanche", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
    "segunda", "terça", "quarta", "quinta", "sexta", "dziekan", "prezesie", "prezes", "wychowawczyni", "wychowawco",
    "notariuszu", "notariusz", "mecenasie", "mecenas", "kierownik", "kierowniczko", "doktor", "doktorze",
    "administratorze", "administrator", "dyrektor", "dyrektorze", "dyrektorko", "profesor", "profesorze", "sędzio",
    "direktorin", "direktor", "doktorin", "professorin", "pfarrer", "bürgermeister", "bürgermeisterin", "maître",
    "docteur", "dottore", "dottoressa", "avvocato", "ingegnere", "architetto", "doctor", "doutor", "doutora",
    "licenciado", "licenciada", "ingeniero", "abogado", "abogada", "directora", "director", "presidente", "president",
    "chair", "chairman", "editor", "principal", "head", "coach", "teacher", "officer", "planning", "accounts",
    "payroll", "reception", "dispatch", "sales", "billing", "finance", "logistics", "contabilità", "buchhaltung",
    "grab", "gojek", "uber", "bolt", "lyft", "careem", "didi", "ola", "rapido", "swiggy", "zomato", "glovo", "rappi",
    "deliveroo", "wolt", "foodpanda", "lalamove", "shopee", "lazada", "jumia", "dhl", "ups", "fedex", "dpd", "gls",
    "hermes", "bartolini", "brt", "sda", "seur", "correos", "mrw", "tnt", "chronopost", "colissimo", "postnl",
    "sielte", "evri", "yodel", "inpost", "packeta", "econt", "speedy", "aramex", "smsa", "jne", "j&t", "ninja",
    "mag", "dipl", "ing", "dkfm", "mmag", "ddr", "phd", "msc", "bsc", "lic", "arq", "abg", "univ", "ao", "med",
    "vecinos", "vecino", "socio", "socios", "voisins", "locataires", "condomini", "condòmins", "veïns", "ouders",
    "bewoners", "huurder", "huurders", "buren", "lid", "leden", "naboer", "beboere", "forældre", "foreldre",
])
_CLOSINGS = frozenset(w.lower() for w in [
    "Thanks", "Thank", "Thx", "Cheers", "Regards", "Best", "Br", "Rgds", "Ta", "Love", "Xx", "Xxx", "Sincerely",
    "Gracias", "Saludos", "Atentamente", "Abrazos", "Besos", "Merci", "Cordialement", "Amitiés", "Bises", "Danke",
    "Grüße", "Gruß", "Gruss", "Grüsse", "Lg", "Vg", "Mfg", "Grazie", "Saluti", "Cordiali", "Obrigado", "Obrigada",
    "Abraço", "Abraços", "Beijos", "Abs", "Att", "Atenciosamente", "Groeten", "Groetjes", "Bedankt", "Dank",
    "Mvh", "Hilsen", "Tack", "Takk", "Tak", "Hälsningar", "Kveðja", "Terveisin", "Kiitos", "Pozdrawiam", "Dzięki",
    "Pozdrav", "Pozdravy", "Díky", "Děkuji", "Ďakujem", "Mulțumesc", "Üdv", "Köszönöm", "Спасибо", "Дякую",
    "Ευχαριστώ", "Teşekkürler", "Sent", "Enviado", "Envoyé", "Inviato", "Verstuurd", "Sendt", "Skickat",
    "Gesendet", "Von", "From", "Yes", "No", "Ok", "Okay", "Done", "Noted", "Sorry", "Hi", "Hello", "Dear",
    "Please", "Pls", "Urgent", "Confirmed", "Approved", "Agreed", "Perfect", "Great", "Fine", "Sure", "Attachment",
    "Attachments", "Signature", "Sig", "Disclaimer", "Confidential", "Forwarded", "Original", "Reply", "Re",
    "Fw", "Fwd", "Aw", "Wg", "Tr", "Rv", "Sv", "Vs", "Ps", "P.s", "Nb", "Update", "Invoice", "Order", "Booking",
])

_GREETING_LINE = re.compile(
    rf"(?m)^[ \t]{{0,8}}(?:{_alt(_GREETINGS)})(?:,[ \t]{{0,3}}|[ \t]{{1,3}})"
    rf"(?:(?P<title>{_alt(_TITLES)})[ \t]{{1,3}})?"
    rf"(?P<name>{_NAME})[ \t]{{0,3}}(?=[,!:;.]?[ \t]{{0,3}}(?:\n|$)|,[ \t]{{1,3}}\S)")

_ROLES = [
    # English and code-mixed English
    "driver", "rider", "courier", "conductor", "watchman", "security guard", "guard", "technician",
    "engineer", "plumber", "electrician", "installer", "porter", "doorman", "caretaker", "janitor", "delivery guy",
    "delivery man", "delivery boy", "delivery partner", "delivery agent", "delivery executive", "delivery driver",
    "cab driver", "taxi driver", "bus driver", "chauffeur", "concierge", "postman", "postie", "mechanic",
    "handyman", "cleaner", "nanny", "housekeeper", "supervisor", "foreman", "surveyor", "inspector", "assessor",
    "adjuster", "valuer", "locksmith",
    # Spanish, Portuguese, Catalan, French, Italian
    "repartidor", "repartidora", "mensajero", "mensajera", "chofer", "chófer", "conductora", "motorista", "portero",
    "portera", "técnico", "técnica", "fontanero", "electricista", "cobrador", "entregador", "entregadora",
    "motoboy", "porteiro", "porteira", "zelador", "zeladora", "encanador", "lampista", "livreur", "livreuse",
    "coursier", "chauffeur", "facteur", "factrice", "gardien", "gardienne", "technicien", "technicienne",
    "plombier", "expert", "autista", "corriere", "fattorino", "portiere", "portinaio", "tecnico", "idraulico",
    "perito",
    # German, Dutch, Nordic, Polish, Czech
    "Fahrer", "Fahrerin", "Kurier", "Kurierfahrer", "Paketbote", "Paketbotin", "Bote", "Hausmeister", "Hausmeisterin",
    "Techniker", "Technikerin", "Monteur", "Monteurin", "Installateur", "Gutachter", "Gutachterin", "Schaffner",
    "Schaffnerin", "bezorger", "bezorgster", "koerier", "monteur", "conciërge", "huismeester", "loodgieter",
    "sjåfør", "bud", "vaktmester", "chaufför", "vaktmästare", "bybud", "kierowca", "kurier", "dostawca",
    "hydraulik", "technik", "dozorca", "řidič", "kurýr", "technik", "správce",
    # Cyrillic, Greek, Turkish
    "курьер", "водитель", "сторож", "вахтёр", "вахтер", "мастер", "техник", "сантехник", "электрик", "кур'єр",
    "водій", "майстер", "οδηγός", "κούριερ", "τεχνικός", "kurye", "şoför", "usta", "teknisyen",
    # Arabic, Persian, Hebrew, Hindi, Bengali
    "سائق", "السائق", "مندوب", "المندوب", "مندوب التوصيل", "الفني", "فني", "الحارس", "حارس", "البواب", "بواب",
    "راننده", "پیک", "نگهبان", "تکنسین", "הנהג", "נהג", "השליח", "שליח", "הטכנאי", "טכנאי",
    "ड्राइवर", "डिलीवरी बॉय", "राइडर", "कूरियर", "चौकीदार", "ড্রাইভার", "রাইডার", "ডেলিভারি ম্যান",
    # Vietnamese, Thai, Indonesian / Malay, Tagalog, Swahili
    "tài xế", "Tài xế", "shipper", "Shipper", "bác tài", "anh shipper", "ไรเดอร์", "คนขับ", "พี่ไรเดอร์",
    "พนักงานส่งของ", "ช่าง", "kurir", "sopir", "supir", "satpam", "tukang", "abang ojol", "driver ojol",
    "pemandu", "penghantar", "rayder", "dereva", "mlinzi", "fundi",
]
# an honorific of Indonesia, Malaysia, the Philippines before a name (a capitalised one only)
_HONORIFICS = ["pak", "Pak", "bu", "Bu", "ibu", "Ibu", "bapak", "Bapak", "mas", "Mas", "mbak", "Mbak", "aling",
               "Aling", "mang", "Mang", "kuya", "Kuya", "ate", "Ate", "encik", "Encik", "puan", "Puan", "cik", "Cik",
               # a household, a neighbour, a courtesy title of Europe before a surname: "fam. Eide", "Nachbar Krüger",
               # "p. Nowak", "g. Novak", "seu Zé", "Herr Obermaier"
               "fam.", "Fam.", "Familie", "familie", "Famille", "famille", "Familia", "familia", "Famiglia",
               "famiglia", "Nachbar", "Nachbarin", "Nachbarn", "buurman", "buurvrouw", "p.", "g.", "ga.",
               "Herr", "Herrn", "Frau", "anh", "chị", "bác", "chú", "ông", "bà", "khun", "Khun"]

_ROLE = re.compile(
    rf"(?<![\w\-])(?P<role>(?i:{_alt([r for r in _ROLES if r.isascii()])})|{_alt([r for r in _ROLES if not r.isascii()])})"
    rf"(?:[ \t]{{1,3}}(?:name|named|called)?[ \t]{{0,2}}:?[ \t]{{0,3}}|[ \t]{{1,3}}|(?=[\u0E00-\u0E7F]))"
    rf"(?:(?:Mr|Mrs|Ms|Miss|Dr|Capt|Prof|Sr|Sra|Herr|Frau|Mme|M)\.?[ \t]{{1,2}})?(?P<name>{_NAME})")
_HONORIFIC = re.compile(rf"(?<![\w\-])(?:{_alt(_HONORIFICS)})[ \t]{{1,2}}[„\"“]?(?P<name>{_NAME})")

_THREAD = re.compile(
    r"(?i)^[ \t>]{0,4}(?:-{2,12}[ \t]{0,3}(?:original message|opprinnelig melding|ursprüngliche nachricht|"
    r"message d'origine|mensaje original|messaggio originale|mensagem original|oorspronkelijk bericht|"
    r"ursprungligt meddelande|oprindelig meddelelse|alkuperäinen viesti|wiadomość oryginalna|původní zpráva|"
    r"forwarded message|videresendt melding|weitergeleitete nachricht|doorgestuurd bericht|mensaje reenviado|"
    r"message transféré|messaggio inoltrato|mensagem encaminhada|vidarebefordrat meddelande|videresendt meddelelse)|"
    r"(?:on|am|le|el|il|em|op|den|på|w dniu|dne)\b[^\n]{4,160}(?:wrote|schrieb|a écrit|escribió|ha scritto|"
    r"escreveu|schreef|skrev|kirjoitti|napisał|napsal)\b|"
    r"(?:from|von|fra|från|de|da|van|od|lähettäjä)[ \t]{0,3}:|"
    r"(?:sent from my|sent from outlook|sent from yahoo|get outlook for|enviado desde mi|enviado do meu|"
    r"von meinem|envoyé de mon|envoyé depuis mon|inviato da|inviato dal mio|verzonden met|verstuurd vanaf mijn|"
    r"sendt fra min|skickat från min|lähetetty|wysłane z|odesláno z))")
_SIGN_LINE = re.compile(rf"(?m)^[ \t]{{0,4}}(?P<name>{_NAME})[ \t]{{0,4}}$")

_FORM = re.compile(r"(?i)(?:^|[?&\s])(?:first_?name|given_?name|fname|firstname|forename|vorname|prenom|nombre|"
                   r"last_?name|surname|family_?name|lname|lastname|nachname|apellido|name|full_?name)="
                   r"(?P<value>[^\W\d_][^&\s=]{0,60})")


@functools.cache
def _brands() -> frozenset[str]:
    """The brands, the department and the trade words the detector lists (a late import: pii_presidio imports this
    module)."""
    from services.adapters.local import pii_presidio
    return pii_presidio.BRANDS | pii_presidio.DEPARTMENT_WORDS | pii_presidio.TRADE_WORDS


def _capitalised(word: str) -> bool:
    first = word[0]
    if not first.isalpha():
        return False
    if first.upper() == first.lower():  # a script with no capitals (Arabic, Thai, CJK, Devanagari…)
        return True
    return first.isupper() and (len(word) > 1 and not word[1:].isupper() or len(word) > 2 and word.isupper())


def _plain(word: str) -> str:
    return re.sub(r"['’]s$", "", word).strip("'’-").lower()


def _ok(word: str) -> bool:
    low = _plain(word)
    if any(c.isupper() for c in word[1:]) and not word.isupper() and not re.match(r"(?:Mc|Mac|O'|O’|D'|D’)", word):
        return False  # an inner capital: a brand's or a product's name ("GoFood", "RapidoExpress")
    return (len(low) > 1 and low not in _NEVER and low not in _CLOSINGS and low not in _brands()
            and low not in pii_rules.NOT_NAMES and _capitalised(word))


def _teamish(word: str) -> bool:
    low = word.lower()
    return any(low.endswith(end) for end in ("team", "service", "support", "desk", "crew", "staff", "group"))


def _greeted(text: str) -> Iterator[tuple[int, int]]:
    for m in _GREETING_LINE.finditer(text):
        word = m.group("name")
        if not _ok(word):
            continue
        if _teamish(word) or word.isupper():
            continue
        if m.group("title") or word.lower() in pii_rules.GIVEN_NAMES:
            yield m.start("name"), m.end("name")


def _roles(text: str) -> Iterator[tuple[int, int]]:
    for m in _ROLE.finditer(text):
        word = m.group("name")
        if not _ok(word) or _teamish(word) or word.isupper():
            continue
        nxt = text[m.end("name"):m.end("name") + 24]
        if word[0].upper() == word[0].lower():  # a script with no capitals: a speaker's label only ("راننده مهدی:")
            if not re.match(r"[ \t]{0,2}[:：]", nxt) or not _line_start(text, m.start()):
                continue
        elif re.match(r"[ \t]{1,3}[^\W\d_]", nxt) and nxt.lstrip(" \t")[:1].isupper():
            continue  # a second capitalised word: a full name or a firm's, left to the finders
        before = text[max(0, m.start() - 12):m.start()]
        if re.search(r"(?i:warung|toko|kedai|von|de|di|der|des|del|dello|della)[ \t]{1,3}$", before):
            continue
        label = re.match(r"[ \t]{0,2}[:：]", nxt) is not None
        if m.group("role")[:1].isupper() and re.search(r"[^\W\d_][.\w]{0,12}[ \t]{1,3}$", before) and not label:
            lead = re.search(r"([^\W\d_][.\w]{0,12})[ \t]{1,3}$", before)
            if lead and lead.group(1)[:1].isupper():
                continue  # "Studio Tecnico Bellandi", "Spett.le Corriere Rapido": a firm's name
        yield m.start("name"), m.end("name")
    for m in _HONORIFIC.finditer(text):
        word = m.group("name")
        if not _ok(word) or word.isupper() or word[0].upper() == word[0].lower() or _teamish(word):
            continue
        before = text[max(0, m.start() - 12):m.start()].lower()
        nxt = text[m.end("name"):m.end("name") + 24]
        if re.search(r"(?:warung|toko|kedai|rumah makan|depot)[ \t]{1,3}$|(?<![^\W\d_])[^\W\d_]\.[ \t]{0,2}$", before):
            continue  # a shop's name, or an abbreviation's second letter ("o. g. Vertrag", "e.g. Bluebells")
        if re.match(r"[ \t]{1,3}[^\W\d_]", nxt) and nxt.lstrip(" \t")[:1].isupper():
            continue  # a second capitalised word: a full name or a firm's, left to the finders
        yield m.start("name"), m.end("name")


def _line_start(text: str, at: int) -> bool:
    """Whether only spaces, a time stamp or a bracket stand between the line's start and ``at``."""
    line = text[text.rfind("\n", 0, at) + 1:at]
    return len(line) <= 24 and not re.search(r"[^\W\d_]", line)


def _signed(text: str) -> Iterator[tuple[int, int]]:
    for m in _SIGN_LINE.finditer(text):
        word = m.group("name")
        if not _ok(word) or word.isupper():
            continue
        rest = text[m.end():m.end() + 200].lstrip("\n \t")
        if not _THREAD.match(rest):
            continue
        window = text[max(0, m.start() - 200):m.start()]  # the lines above, read within 200 characters
        lines = window.rstrip(" \t\n").rsplit("\n", 1)
        above = lines[-1].strip(" \t") if window.strip() else ""
        blank = bool(re.search(r"\n[ \t]{0,4}\n[ \t]{0,4}$", window))
        if above and not blank and not _closing(above):
            continue
        yield m.start("name"), m.end("name")


def _closing(line: str) -> bool:
    """A closing line: two or three words ending with a comma or a stop, or a closing word we list."""
    words = re.findall(r"[^\W\d_]+", line)
    return bool(words) and len(words) <= 4 and (line.endswith((",", "!", ".")) or words[0].lower() in _CLOSINGS)


# a name on a booking, a card, a label said to be wrong: "it says VANDERBERG but", "steht Schmitt statt Schmidt",
# "had it as Holloran", "says O'SULIVAN should be", "pone GARCIA en vez de", "il est écrit DUPONT au lieu de"
_SAYS = re.compile(
    r"(?i:\b(?:it|that|ticket|booking|reservation|card|label|passport|licen[cs]e|invoice|letter|account|record|"
    r"system|app|email|e-mail|form|certificate|name|surname)[ \t]{1,3}(?:says|said|shows|showed|reads|read|has it as|"
    r"had it as|lists it as|spells it|spelled it|spelt it|has|had)|darauf steht|da steht|dort steht|steht dort|"
    r"steht da|pone|aparece|dice|il est écrit|c'est écrit|est écrit|il y a marqué|c'è scritto|è scritto|"
    r"risulta|está escrito|diz|consta|aparece como|staat er|er staat|står det|det står)[ \t]{1,3}[\"'“„«]?"
    r"(?P<name>[^\W\d_][^\s\d:,.;!?()\"“”„«»<>/=&\[\]{}|*#@+]{1,24})[\"'”“»]?"
    r"(?=[ \t]{1,3}(?i:but|instead|rather|should|not|when|while|whereas|statt|anstatt|anstelle|aber|pero|en vez|"
    r"en lugar|au lieu|mais|invece|anziché|ma|em vez|mas|maar|in plaats|men|i stedet|istället)\b)")
# the message must be about a name ("name", "surname", "spelled", "misspelt", "passport", "typo" within it)
_ABOUT_NAME = re.compile(r"(?i:name|spell|spelt|passport|typo|tippfehler|schreibfehler|falsch geschrieben|"
                         r"mal escrito|errata|mal écrit|fout gespeld|Versichertenkarte|nombre|nom\b|nome|naam)")


def _said_wrong(text: str) -> Iterator[tuple[int, int]]:
    if not _ABOUT_NAME.search(text):
        return
    for m in _SAYS.finditer(text):
        word = m.group("name")
        if _ok(word) or (word.isupper() and len(word) > 2 and _plain(word) not in _NEVER
                         and _plain(word) not in _CLOSINGS and _plain(word) not in pii_rules.NOT_NAMES):
            yield m.start("name"), m.end("name")


def _forms(text: str) -> Iterator[tuple[int, int]]:
    for m in _FORM.finditer(text):
        value = m.group("value")
        end = m.start("value") + len(value.rstrip("+"))
        if _plain(value.split("+")[0]) in _NEVER:
            continue
        yield m.start("value"), end


def find_cued_single_names(text: str) -> Iterator[tuple[str, int, int, float]]:
    """PERSON spans of the names this module reads (the first 20,000 characters)."""
    head = text[:_MAX_TEXT]
    found = sorted(set(_greeted(head)) | set(_roles(head)) | set(_signed(head)) | set(_forms(head))
                   | set(_said_wrong(head)))
    return pii_found.unique_persons(found, _CAP, _SCORE)


def with_cued_single_names(text: str, spans: list[PiiSpan], keep: list[tuple[int, int]]) -> list[PiiSpan]:
    """The spans with the names of this module added where no span covers them and no kept value lies there; a
    PERSON span inside the name gives way."""
    found = [(start, end) for _, start, end, _ in find_cued_single_names(text)]
    if not found:
        return spans
    return pii_found.add_back(spans, found, keep, pii_found.inside_person, _SCORE)
