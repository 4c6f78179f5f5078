"""The agent's own name when the answering side of a call or chat introduces itself, in the languages our calls mix
(issue 21, session 36, candidate 36-1).

pii_answering and pii_spoken_names read the answering side's opening line in some languages; the answering person's
name was missed in the others, on later turns, and where a filter took the name for a title or a firm's word:
"nhân viên: Vietcombank xin nghe, em là thảo", "wakala: SHA habari, naitwa faith", "agent: jazzcash helpline main sana
baat kar rahi hoon", "agent: ikeja electric good afternoon, na bisi dey talk", "konsultant: inpost, marta, w czym mogę
pomóc", "εκπρόσωπος: εφκα, καλημέρα, γιώργος", "נציג: בנק הפועלים שלום, מדבר אורי", "اپراتور: همراه اول، سارا هستم",
"एजेंट: …, मैं नेहा", "พนักงาน: ทรูมูฟ สวัสดีค่ะ นภา ยินดีให้บริการค่ะ", "الموظف: … معك عبدالله", "ahente: ako po si
jessa", "Conseiller : Bonjour, je suis Karim.", "agent: Sentry Motor claims, Dean speaking".

:func:`find_agent_intros` (a finder of ``pii_rules.find_all``; its spans are added again by :func:`with_agent_intros`
after the detector's filters and the learned PERSON check, which took "Dean" for a title and "rhiannon" after
"hospital maternity" for a firm's word) proposes the name's words, as a PERSON, on the answering side's turns:

- the turns of an answering speaker label of the languages our calls mix ("agent:", "agente:", "nhân viên:",
  "wakala:", "petugas:", "ahente:", "εκπρόσωπος:", "נציג:", "اپراتور:", "एजेंट:", "พนักงาน:", "الموظف:" …), the
  transcript's first turn whatever its label (pii_answering's reading), the other side's turns of a two-party
  transcript whose one label is the caller's ("c:" … "a:"), or a message's first line when no line of it bears a
  label (there after the sure cues only: "I am Livid", "im Monat", "Thanks, Payroll" are no introductions);
- after a self-introduction cue ("my name is", "naitwa", "em là", "hablas con", "z tej strony", "מדבר", "معك",
  "मेरा नाम", "ako po si", "je suis", "sono", "hier spricht" …) or before one ("speaking", "here", "this side",
  "hapa", "baat kar rahi hoon", "dey talk", "هستم", "बोल रही हूँ", "ยินดีให้บริการ", "ነኝ", "à l'appareil" …);
- alone between commas after the firm or a greeting on the opening turn ("inpost, marta, w czym mogę pomóc", "εφκα,
  καλημέρα, γιώργος", "thanks for calling verizon, jake"), opening a clause before "from" and the firm ("Hi, Amber
  from Lakeside Urgent Care", "Bonjour, Yanis de Free"), or a given name we know before the greeting that ends a
  lower-case opening turn ("assurance maladie sandrine bonjour");
- in the label itself after an answering role ("Konsultant Ola:", "CS Dinda:", "[10:03] Agent Mo:").

Never a firm's, a department's or a role's word ("claims", "billing", "customer care", "helpline"), a greeting or a
courtesy word, a common word of the detector's lists ("i'm sorry", "je suis désolé", "saya mau"): a lower-case word
only when we know it as a given name or the cue is one that introduces nothing but a name and the name closes the
clause. At most :data:`CAP` names a message; the patterns are literal alternations and bounded runs (linear).

Session 38 (candidate 38-3) read more of the languages our calls mix, and the other side's turns:

- Arabizi "ma3ak yazan" / "mona ma'ak" (the name after the cue, or before it when the cue closes the clause: "zain
  jordan, ma3ak yazan" gives no "jordan"), Filipino "cebu pacific, kat po", Greek "ΑΑΔΕ, Κώστας παρακαλώ" (after the
  firm on the opening turn: "Ονοματεπώνυμο παρακαλώ" asks), "eurobank καλησπέρα, γιώργος" (the firm, then a greeting);
- "I" opening a clause of the opening turn, the name closing it: Sinhala "mama dilani", Bengali "ami rakib", Nepali
  "म सरिता", Tamil "நான் கார்த்திக்", "naan karthik" ("mama" as a mother, "mama yangu", "मैं" are none); the
  romanised Sinhala, Tamil and Nepali "speaking" after the name ("kasun katha karanne", "karthik pesuren", "sujata
  boldai chhu"); the labels "முகவர்:", "نمائندہ:", "ejen:";
- two short lower-case names, one a given name we know: "you're speaking with wei ling", "jun hao speaking";
- the agent's one-word name, or its first three letters or more, greeted or thanked by the other side ("hola nico"
  after "te atiende nicolás", "hello dilani miss", "أهلاً يا أحمد");
- on a caller's turn ("caller:", "cliente:", "mteja:", "c:" …) the caller's own name after a cue, a given name we
  know first (a capital after the sure cues), up to two more words of its case after it, particles between them
  ("elena de luca"), the name closing the clause: "ben ayşe yıldız, eft yaptım", "mimi ni halima juma kutoka dar",
  "mera naam rakesh yadav hai", "saya dewi anggraini mau …"; "I" must open its clause after the weak cues ("fatma ben
  salah", "ama ben selin aydemir'e" are none), a spelled e-mail ("tony dot marsh at …") and a Turkish case ending
  make none; such a name never replaces a span the detector found there;
- and, through pii_pronoun_names, a writer's or a caller's own name after "I" in other scripts ("שלום, אני אבי לוי,").
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from services.adapters.local import pii_found, pii_pronoun_names
from services.models import PiiSpan

Found = tuple[str, int, int, float]
CAP = 24  # names a message at most
_SCORE = 0.86
_MAX_LINES = 400  # lines of a message read
_TURN = 240  # characters of a turn read

# ---- the answering side's speaker labels ------------------------------------------------------------------------
_ROLES = (
    r"agent|agente|agen|ajente|rep|representative|receptionist|reception|operator|operador|operadora|operatore|"
    r"operatrice|op[ée]rat(?:eur|rice)|teleoperador|teleoperadora|atendente|asesor|asesora|advis[eo]r|consultant|"
    r"consultor|consultora|conseill(?:er|[èe]re)|berater|beraterin|mitarbeiter|mitarbeiterin|sachbearbeiter|"
    r"sachbearbeiterin|temsilci|m[üu]şteri[ \t]temsilcisi|petugas|cs|csr|staff|support|helpdesk|help[ \t]desk|"
    r"customer[ \t](?:service|care|support)|konsultant|konsultantka|doradca|pracownik|medewerker|medewerkster|"
    r"funcion[áa]ri[oa]|nh[âa]n[ \t]vi[êe]n|t[ưu][ \t]v[ấa]n(?:[ \t]vi[êe]n)?|t[ổo]ng[ \t]đ[àa]i(?:[ \t]vi[êe]n)?|"
    r"wakala|mhudumu|ahente|ügyintéző|ügyfélszolgálat|operátor|operátorka|asistent|asistentka|"
    r"υπάλληλος|εκπρόσωπος|נציג|נציגה|اپراتور|کارشناس|پشتیبان|एजेंट|एजेन्ट|प्रतिनिधि|พนักงาน|เจ้าหน้าที่|"
    r"موظف|موظفة|الموظف|الموظفة|وكيل|الوكيل|ممثل|الممثل|оператор|операторка|служител|специалист|консультант|"
    r"এজেন্ট|প্রতিনিধি|ኦፕሬተር|ሰራተኛ|ejen|pegawai|முகவர்|பிரதிநிதி|نمائندہ|نمائندے|ایجنٹ|නියෝජිත")
_ANSWERING_LABEL = re.compile(
    r"(?i:[ \t]{0,4}(?:\[[^\]\n]{1,24}\][ \t]{0,2})?(?:" + _ROLES + r")"
    r"(?:[ \t]{1,2}([^\W\d_][\w'’-]{1,20}))?[ \t]{0,2}(?:\([^)\n]{1,30}\)[ \t]{0,2})?:[ \t]{0,4})")
# any speaker label at a line's start ("caller:", "Kemi:", "[10:03] Agent Mo:"): a message with none is a plain text
_ANY_LABEL = re.compile(r"(?m:^[ \t]{0,4}(?:\[[^\]\n]{1,24}\][ \t]{0,2})?[^\W\d_][\w'’.-]{0,19}(?:[ \t][\w'’.-]{1,20})"
                        r"{0,2}[ \t]{0,2}(?:\([^)\n]{1,30}\)[ \t]{0,2})?:(?!//))")

# ---- the cues -----------------------------------------------------------------------------------------------------
# cues after which nothing but a name follows ("my name is", "naitwa", "hablas con", "z tej strony", "מדבר", "معك")
_STRONG_BEFORE = (
    r"my[ \t]name[ \t]is|my[ \t]name['’]?s|my[ \t]names|my[ \t]name[ \t]na|mi[ \t]nombre[ \t]es|me[ \t]llamo|l[eo]s?[ \t]atiende|te[ \t]atiende|l[eo][ \t]habla|"
    r"te[ \t]habla|hablas[ \t]con|est[áa]s?[ \t]hablando[ \t]con|meu[ \t]nome[ \t][ée]|me[ \t]chamo|"
    r"aqui[ \t](?:[ée]|fala)(?:[ \t]o|[ \t]a)?|fala(?:[ \t]o|[ \t]a)|voc[êe][ \t]est[áa][ \t]falando[ \t]com|"
    r"est[áa][ \t]falando[ \t]com|mi[ \t]chiamo|il[ \t]mio[ \t]nome[ \t][èe]|(?:le|ti)[ \t]parla|"
    r"je[ \t]m['’]appelle|mon[ \t]nom[ \t]est|moi[ \t]c['’]est|vous[ \t]parlez[ \t](?:à|a|avec)|vous[ \t][êe]tes[ \t]"
    r"en[ \t]ligne[ \t]avec|mein[ \t]name[ \t]ist|ich[ \t]hei(?:ß|ss)e|hier[ \t]spricht|sie[ \t]sprechen[ \t]"
    r"mit|du[ \t]sprichst[ \t]mit|mijn[ \t]naam[ \t]is|[uj]e?[ \t]spreekt[ \t]met|nazywam[ \t]si[ęe]|mam[ \t]na[ \t]"
    r"imi[ęe]|z[ \t]tej[ \t]strony|rozmawia[ \t]pan(?:i)?[ \t]z|jmenuj[iu][ \t]se|vol[áa]m[ \t]sa|benim[ \t]ad[ıi]m|"
    r"ismim|nama[ \t]saya|ako[ \t]po[ \t]si|ako[ \t]si|ako[ \t]po[ \t]ay[ \t]si|ang[ \t]pangalan[ \t]ko[ \t]"
    r"(?:po[ \t])?ay|em[ \t]l[àa]|t[ôo]i[ \t]l[àa]|m[ìi]nh[ \t]l[àa]|ch[ịi][ \t]l[àa]|anh[ \t]l[àa]|em[ \t]t[êe]n"
    r"(?:[ \t]l[àa])?|t[êe]n[ \t](?:em|t[ôo]i|m[ìi]nh)[ \t]l[àa]|t[ôo]i[ \t]t[êe]n(?:[ \t]l[àa])?|naitwa|jina[ \t]"
    r"langu[ \t]ni|mera[ \t]naa?m|ma3ak|m3ak|ma3aki|m3aki|ma['’]ak|me[ \t]din[ \t]de|m[ăa][ \t]numesc|numele[ \t]meu[ \t]este|a[ \t]nevem|меня[ \t]зовут|мене[ \t]звати|"
    r"казвам[ \t]се|с[ \t]вами[ \t]говорит|з[ \t]вами[ \t]говорить|με[ \t]λένε|ονομάζομαι|λέγομαι|το[ \t]όνομά[ \t]"
    r"μου[ \t]είναι|είμαι[ \t](?:ο|η)|מדבר|מדברת|שמי|קוראים[ \t]לי|اسمم|اسم[ \t]من|اسمي|"
    r"मेरा[ \t]नाम|मेरो[ \t]नाम|আমার[ \t]নাম|ስሜ")
# cues that say other things too ("i'm sorry", "je suis désolé", "soy cliente", "saya mau", "main bahut"): the name
# after them must be one (a capital, a given name we know, a script without capitals) and close the clause
_WEAK_BEFORE = (
    r"you['’]?re[ \t](?:speaking|talking|chatting)[ \t](?:with|to)|you[ \t]are[ \t](?:speaking|talking|chatting)"
    r"[ \t](?:with|to)|this[ \t]is|it['’]s|i['’]m|im|i[ \t]am|soy|sou(?:[ \t]o|[ \t]a)?|eu[ \t]sou|sono|je[ \t]suis|ici|c['’]est|"
    r"habla[ \t]con|qui[ \t][èe]|hier[ \t]ist|ad[ıi]m|איתך|איתכם|معك|معاك|معكم|"
    r"ich[ \t]bin|ik[ \t]ben|jestem|tu|m[óo]wi|jsem|som|tady|ben|saya|aku|dengan|mimi[ \t]ni|ni[ \t]mimi|habla|sunt|это|είμαι|אני|כאן|"
    r"أنا|انا|मैं|मै|আমি|እኔ")
# after the name: "Dean speaking", "Faith hapa", "sana baat kar rahi hoon", "na bisi dey talk", "سارا هستم"
_AFTER = (
    r"speaking|here|this[ \t]side|at[ \t]your[ \t]service|hapa|di[ \t]?sini|falando|al[ \t]habla|"
    r"a[ \t]su[ \t]servicio|à[ \t]l['’]appareil|à[ \t]votre[ \t](?:service|écoute)|am[ \t]apparat|am[ \t]telefon|"
    r"al[ \t]telefono|al[ \t]suo[ \t]servizio|przy[ \t]telefonie|u[ \t]telefonu|pri[ \t]telef[óo]ne|la[ \t]telefon|"
    r"vagyok|beszél|dey[ \t](?:talk|speak|here)|baat[ \t]kar[ \t]ra(?:ha|hi)[ \t]h[ou]{1,2}n?|bol[ \t]ra(?:ha|hi)"
    r"[ \t]h[ou]{1,2}n?|bol(?:chh?i|chh?u)|po[ \t]ito|ito[ \t]po|m3ak|ma3ak|ma['’]ak|παρακαλώ|στο[ \t]τηλέφωνο|εδώ|на[ \t]связи|"
    r"на[ \t]зв['’]язку|هستم|هستش|बोल[ \t]रही[ \t]हू[ँं]|बोल[ \t]रहा[ \t]हू[ँं]|बोल्दै(?:[ \t])?छु|ยินดีให้บริการ|"
    r"รับสาย|พูดสาย|ነኝ|katha[ \t]karann?e|pes(?:uren|aren|ugiren|ikiren)|bold(?:ai|e)[ \t]?chhu")
# a letter of any script, with the vowel signs and marks of Devanagari, Bengali, Thai, Arabic and Hebrew (not \\w)
_L = r"(?:(?![\d_])[\w\u0900-\u0dff\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u064b-\u065f\u0670\u05b0-\u05c7])"
_NAME = _L + r"{1,21}(?:['’-]" + _L + r"{1,20})?"
_BEFORE_RE = re.compile(r"(?i:(?<![\w'’])(?:(" + _STRONG_BEFORE + r")|(" + _WEAK_BEFORE + r"))"
                        r"(?:[ \t](?:a|o|la|el|mbak|mas|kak|po|η|ο|pan|pani))?[ \t,]{1,2})(" + _NAME + r")")
_AFTER_RE = re.compile(r"(?<![\w'’-])(" + _NAME + r")(?i:[ \t,]{1,2}(?:" + _AFTER + r"))(?![\w'’])")
# Thai writes no space before the cue: "พิมพ์ชนกรับสายค่ะ", "น้องฝน ค่ะ" (after a greeting on the turn; the pronoun
# or the "น้อง" before the name is not the name's: "ผมวีรยุทธยินดีให้บริการครับ")
_TH = "\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e4e"
_TH_AFTER = re.compile(r"(?:(?<=[ \t])(?:ผม|ดิฉัน|คุณ|น้อง)?|น้อง)([" + _TH + r"]{2,20}?|[A-Z][a-z]{1,15})[ \t]?(?:ยินดีให้บริการ|รับสาย|พูดสาย|"
                       r"(?:ค่ะ|ครับ|คะ)(?=[ \t]*$))")
_TH_GREETING = re.compile(r"สวัสดี")
_TH_NOT = ("สวัสดี", "ขอบคุณ", "ยินดี", "ค่ะ", "ครับ", "ธนาคาร", "บริษัท")
# what may close a name: the line's end, a stop or comma, the firm after "from", an offer of help, an after-cue
# "assurance maladie sandrine bonjour": the name, then a greeting that ends the opening turn
_GREET_END = re.compile(r"(?<![\w'’-])(" + _NAME + r")[ \t,]{1,2}(?i:bonjour|bonsoir|hello|hola|buenos[ \t]d[íi]as|"
                        r"buenas|ol[áa]|bom[ \t]dia|boa[ \t]tarde|buongiorno|buonasera|guten[ \t]tag|hallo|"
                        r"dzie[ńn][ \t]dobry|merhaba|selamat[ \t]\w+|habari|xin[ \t]chào|καλημέρα|שלום|سلام)[ \t.!]{0,3}$")
# "Hi, Amber from Lakeside Urgent Care", "Bonjour, Yanis de Free": the name, "from" and the firm opening a clause
_NAME_FROM = re.compile(r"(?<![\w'’-])(" + _NAME + r")[ \t]{1,2}(?:from|de|da|do|di|von|vom|z|ze|dari|kutoka)"
                        r"[ \t]{1,2}(?:la[ \t]|le[ \t]|l['’])?[A-ZÀ-Þ]")
_CLOSE = re.compile(
    r"[ \t]{0,2}(?:$|[,.!?;:،؟।።፣)]|(?i:(?:from|at|with|of|de|da|do|di|della|del|von|vom|van|chez|dari|z|ze|ya|wa|"
    r"kutoka|min|mn|من|של|از|से|จาก|how|what|can|may|could|who|in[ \t]what|speaking|here|hapa|po|ji|ya|la|lah|ạ|nhé|"
    r"ada|boleh|apa|bisa|kaise|kya|bataiye|bataye|bataiyee|nikusaidie|naweza|¿|en[ \t]qu[ée]|c[oó]mo|como|em[ \t]que|"
    r"que|comment|wie|was|come|in[ \t]cosa|w[ \t]czym|czym|jak|nasıl|size|hogyan|miben|cum|как|чем|πώς|τι|במה|איך|"
    r"چطور|چه|كيف|كيفاش|بماذا|कैसे|क्या|ยินดี|bonjour|bonsoir|hello|hi|good|buenos|buenas|hola|ol[áa]|bom|boa|"
    r"buongiorno|buonasera|guten|hallo|dzie[ńn]|dobr[yý]|merhaba|selamat|habari|karibu|xin|chào|magandang|"
    r"καλημέρα|καλησπέρα|παρακαλώ|שלום|سلام|مرحبا|नमस्ते|สวัสดี|बोल|baat|bol|dey|هستم|बताइए|बताइये|ነኝ|"
    r"claims|billing|sales)(?![\w'’])))")
# a comma-set segment: "inpost, marta, w czym mogę pomóc", "εφκα, καλημέρα, γιώργος", "thanks for calling verizon, jake"
_SEGMENT = re.compile(r"[^,.!?;:،؟\n]{1,80}")
_MAX_SEGMENTS = 6
_WORD = re.compile(_L + r"{1,40}")
_HELP = re.compile(r"(?i:\b(?:how|what|can|may|w[ \t]czym|czym|jak|en[ \t]qu[ée]|c[oó]mo|como|em[ \t]que|comment|"
                   r"wie|was|come|in[ \t]cosa|nasıl|size|hogyan|miben|cum|как|чем|πώς|τι|במה|איך|چطور|كيف|कैसे|"
                   r"ada[ \t]yang|nikusaidie|naweza|paano|ano)\b|słucham|слушам|слушаю|¿)")
_THANKS_FOR = re.compile(r"(?i:\b(?:thanks?[ \t](?:you[ \t])?for[ \t](?:calling|contacting|holding)|welcome[ \t]to|"
                         r"you['’]?re[ \t]through[ \t]to|gracias[ \t]por[ \t]llamar[ \t]a|obrigad[oa][ \t]por[ \t]"
                         r"ligar[ \t]para|merci[ \t]d['’]avoir[ \t]appelé|grazie[ \t]per[ \t]aver[ \t]chiamato|"
                         r"danke[ \t]für[ \t]ihren[ \t]anruf[ \t]bei|terima[ \t]kasih[ \t]telah[ \t]menghubungi)\b)")

# ---- words that are no one's name ---------------------------------------------------------------------------------
# a firm's departments and desks, roles and posts, the words a cue may be followed by that name no one, in the
# languages our calls mix
_NOT_NAME = frozenset("""claims claim billing bills sales support service services care customer customers team desk
helpline hotline line centre center reception accounts account fraud disputes collections payments complaints
technical tech enquiries inquiries bookings reservations renewals retention appointments admissions maternity
emergency pharmacy lab labs radiology dispatch logistics delivery deliveries returns refunds orders customer care
manager supervisor agent advisor adviser consultant representative rep operator officer specialist assistant nurse
doctor receptionist clerk cashier driver courier technician engineer your you're youre the a an my our calling ringing
speaking talking sorry afraid fine good great okay ok sure glad happy here there back now just also still really very
so not no yes going trying checking looking about regarding afternoon morning evening today tomorrow sir madam ma'am
mam maam miss mister dear mrs mr ms boss bro sis brother sister friend please thanks thank welcome hello hi hey
cliente clientes atención servicio soporte equipo ventas facturación reclamaciones siniestros asesor asesora agente
encargado encargada parte aquí acá yo usted ustedes disculpe perdón bien claro nuevo nueva
atendimento suporte vendas cobrança sinistros atendente consultor consultora parte eu você obrigado obrigada
assistenza clienti servizio vendite fatturazione sinistri operatore operatrice consulente io lei scusi spiacente
dispiace contento contenta felice qui
service clientèle facturation sinistres conseiller conseillère désolé désolée désolés ravi ravie là moi vous toi
kundenservice kundendienst abteilung schaden schadenabteilung vertrieb buchhaltung beratung froh leider hier da
dział obsługa klienta reklamacje konsultant konsultantka pan pani państwo
müşteri hizmetleri temsilci temsilcisi
pelanggan layanan tim bagian petugas agen admin kakak kak bapak ibu mas mbak mau ingin bisa sedang lagi cuma
huduma wateja kwa wakala
chăm sóc khách hàng bộ phận tổng đài nhân viên tư vấn viên
po opo ho hun hoon hai raha rahi bahut abhi theek se receiver sender rider notes note summary transcript dr dott
prof mr mrs ms mx sr sra srta herr frau dra doctor doctora docteur
sandali saglit teka oo pasensya paumanhin ingat tuloy yan lang nga moment hold dada kaka sahab
mama mum mom mother mommy mummy baba papa dad daddy
آسف متأسف متأسفة هنا موجود מצטער מצטערת כאן פה בודק בודקת متاسفم""".split())


@functools.cache
def _common() -> frozenset[str]:
    """The detector's greetings, number, function and everyday words, the rules' not-names, pii_answering's greetings,
    trade words and not-names, and the courtesy words (read once, at first use: the detector imports this module)."""
    from services.adapters.local import pii_answering, pii_presidio, pii_rules

    courtesy = Path(__file__).with_name("pii_courtesy_words.txt")
    words = frozenset(w.strip().lower() for w in courtesy.read_text(encoding="utf-8").splitlines()
                      if w.strip() and not w.startswith("#"))
    return (pii_presidio.NOT_NAME_WORDS | pii_presidio.FUNCTION_WORDS | pii_presidio._S23_EVERYDAY | pii_rules.NOT_NAMES
            | pii_answering._OPENING | pii_answering._TRADE | pii_answering._NOT_A_NAME | words | _NOT_NAME) - _NAMES_TOO


# given names that are also words of the lists above ("faith", "sana", "dean", "bisi", "grace")
_NAMES_TOO = frozenset("faith sana dean bisi grace hope joy blessing mercy precious patience favour gift".split())


def _given() -> frozenset[str]:
    from services.adapters.local import pii_rules

    return pii_rules.GIVEN_NAMES


def _is_name(word: str, strong: bool, closes: bool) -> bool:
    """Whether a word after or before a cue is the answering person's name."""
    low = word.lower()
    if len(word) < 2 or low in _common() or word in pii_pronoun_names.STOPS:
        return False  # (session 38: and the words that follow "I" when no name does: "من از مشتریان شما هستم")
    if word.isupper() and len(word) <= 4 and word.isascii():
        return False  # "CS", "BDO": an acronym
    cased = word.lower() != word.upper()  # a script with capitals
    if not cased:
        return strong or closes  # Arabic, Hebrew, Persian, Devanagari, Thai, Amharic: the cue and the clause decide
    if low in _given():
        return True
    if word[:1].isupper():
        return True
    return strong and closes


def _answering_turns(text: str) -> Iterator[tuple[int, int, bool, bool]]:
    """Where each answering turn starts and ends, whether it is the opening one and whether it bears a label: the
    turns of an answering label, the transcript's first turn whatever its label, a message's first line when none of
    its lines bears a label."""
    from services.adapters.local import pii_answering

    first = pii_answering._first_turn(text)
    labelled = _ANY_LABEL.search(text) is not None
    other = _other_side(text) if labelled else None
    opening = True
    pos = 0
    for _ in range(_MAX_LINES):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        if first is not None and pos <= first < end:
            yield first, end, True, True
            opening = False
        else:
            label = _ANSWERING_LABEL.match(text, pos, end)
            if label is None and other is not None:
                label = pii_answering._LABEL.match(text, pos, end)
                label = label if label and pii_answering._label_key(label) == other else None
            if label:
                yield label.end(), end, opening, True
                opening = False
            elif not labelled and pos == 0:
                yield 0, end, True, False
        if end >= len(text):
            break
        pos = end + 1


def _other_side(text: str) -> str | None:
    """The label of a two-party transcript's other side when its one label is the caller's ("c:" … "a:", "caller:" …
    "B:"): the answering side, whatever its label."""
    from services.adapters.local import pii_answering

    keys: list[str] = []
    pos = 0
    for _ in range(60):
        label = pii_answering._LABEL.match(text, pos)
        if label and text.find("\n", pos, label.end()) < 0:
            key = pii_answering._label_key(label)
            if key not in keys:
                keys.append(key)
        pos = text.find("\n", pos) + 1
        if pos <= 0:
            break
    if len(keys) != 2:
        return None
    callers = [k for k in keys if k.split()[0] in pii_answering._NOT_ANSWERING
               and k.split()[0] not in pii_answering._NOT_ANSWERING_HEADS]
    if len(callers) != 1:
        return None
    answer = keys[1] if callers[0] == keys[0] else keys[0]
    return None if answer.split()[0] in pii_answering._NOT_ANSWERING else answer


def _label_names(text: str) -> Iterator[tuple[int, int]]:
    """A name in an answering label ("Konsultant Ola:", "CS Dinda:", "[10:03] Agent Mo:")."""
    pos = 0
    for _ in range(_MAX_LINES):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        label = _ANSWERING_LABEL.match(text, pos, end)
        if label and label.group(1) and label.group(1)[:1].isupper() and _is_name(label.group(1), False, False) \
                and label.group(1).lower() not in _brands():
            yield label.start(1), label.end(1)
        if end >= len(text):
            break
        pos = end + 1


_SURNAME = re.compile(r"[ \t](" + _NAME + r")")


def _surname(text: str, start: int, end: int, limit: int) -> int:
    """The name's end with up to three capitalised surnames after a capitalised first name ("Derrick Okafor with
    Chase", "Fernanda Souza Lima"): no firm's, role's or greeting's word."""
    if not text[start:start + 1].isupper():
        return end
    from services.adapters.local import pii_answering

    for _ in range(3):
        m = _SURNAME.match(text, end, limit)
        if not m or not m.group(1)[:1].isupper() or (m.group(1).isupper() and len(m.group(1)) > 3):
            break
        low = m.group(1).lower()
        if low in _NOT_NAME or low in pii_answering._OPENING or low in pii_answering._TRADE or low in _brands():
            break
        end = m.end(1)
    return end


_EMAIL_AFTER = re.compile(r"[.@_][\w.-]{0,64}@|@|\.[^\W_]")
_HERE = frozenset(("here", "εδώ", "hapa", "di sini", "disini"))
_ARABIZI = frozenset(("m3ak", "ma3ak", "ma'ak", "ma’ak"))  # session 38: "mona ma'ak", "ma3ak yazan"
_AFTER_FIRM = frozenset(("παρακαλώ",))  # session 38: "ΑΑΔΕ, Κώστας παρακαλώ"
# session 38: "I" opening a clause of the opening turn, the name closing it: Sinhala "mama", Bengali "ami", Nepali
# "म", Tamil "நான்" ("ceylinco motor claims, mama dilani", "नेपाल टेलिकम, म सरिता")
_OPENING_I = re.compile(r"(?<![\w\u0900-\u0dff'’])(?i:mama|ami|naan|म|நான்)[ \t]{1,2}(" + _NAME + r")")
_GREETINGS = frozenset("""hello hi morning afternoon evening bonjour bonsoir hola buenos buenas días dias tardes noches olá
ola dia tarde buongiorno buonasera tag hallo merhaba pagi siang sore malam habari jambo chào umaga hapon gabi ayubowan
vanakkam salam ahlan marhaba καλημέρα καλησπέρα σας שלום سلام مرحبا नमस्ते สวัสดี""".split())
_PAIR = re.compile(r"[ \t]{1,2}([a-z]{2,5})(?![\w'’-])")
_PAIR_BEFORE = re.compile(r"(?<![\w'’-])([a-z]{2,5})[ \t]{1,2}$")


def _short_pair(first: str, second: str) -> bool:
    """Two short lower-case words that are a name ("wei ling", "hui min", "jun hao"): no common word, no firm's, and
    one a given name we know."""
    words = (first, second)
    if not all(w.islower() and w.isascii() and len(w) <= 5 for w in words):
        return False
    common, brands = _common(), _brands()
    return not any(w in common or w in brands for w in words) and any(w in _given() for w in words)


def _pair_after(text: str, end: int, limit: int, first: str) -> int | None:
    """The end of a second short name after a lower-case one when it closes the clause ("with wei ling")."""
    m = _PAIR.match(text, end, limit)
    if m and _short_pair(first, m.group(1)) and _CLOSE.match(text, m.end(), limit):
        return m.end()
    return None


def _pair_before(text: str, start: int, s: int, e: int) -> tuple[int, int]:
    """The name before "speaking" with a first short name before it after a greeting or a stop ("dbs good afternoon jun
    hao speaking", "customer service, hui min speaking")."""
    m = _PAIR_BEFORE.search(text, max(start, s - 8), s)
    if m is None or not _short_pair(m.group(1), text[s:e]):
        return s, e
    head = text[start:m.start(1)].rstrip(" \t")
    if head and (head[-1] in ",.!?;:" or (_WORD.findall(head[-30:]) or [""])[-1].lower() in _GREETINGS):
        return m.start(1), e
    return s, e


def _in_turn(text: str, start: int, end: int, opening: bool, labelled: bool) -> Iterator[tuple[int, int]]:
    """The answering person's name on a turn text[start:end] (a plain message's first line: after the sure cues only)."""
    limit = min(end, start + _TURN)
    brands = _brands()
    for m in itertools.islice(_BEFORE_RE.finditer(text, start, limit), 6):
        s, e = m.start(3), m.end(3)
        strong = m.group(1) is not None
        if not strong and not labelled:
            continue
        if _EMAIL_AFTER.match(text, e) or (m.group(3).lower() in brands and m.group(3).lower() not in _given()):
            continue  # "c'est ines.benali93@gmail.com", "you're speaking with Optus"
        if not strong and m.group(2).lower() == "im" and m.group(3).lower() not in _given():
            continue  # "im Monat"
        full = _surname(text, s, e, limit)
        closes = _CLOSE.match(text, full, limit) is not None
        if not closes:  # session 38: "you're speaking with wei ling": two short given names
            pair = _pair_after(text, e, limit, m.group(3))
            full, closes = (pair, True) if pair else (full, closes)
        if not strong and not closes:
            continue
        if _is_name(m.group(3), strong, closes):
            yield s, full
    for m in itertools.islice(_AFTER_RE.finditer(text, start, limit), 6):
        word = m.group(1)
        cue = " ".join(text[m.end(1):m.end()].strip(" \t,").lower().split())
        if cue in _ARABIZI and ("," in text[m.end(1):m.end()] or not _CLOSE.match(text, m.end(), limit)):
            continue  # "zain jordan, ma3ak yazan": the name follows the cue ("mona ma'ak": it closes the clause)
        if cue in _AFTER_FIRM and not (opening and text[start:m.start(1)].strip(" \t,")):
            continue  # "ΑΑΔΕ, Κώστας παρακαλώ": after the firm on the opening turn ("Ονοματεπώνυμο παρακαλώ" asks)
        if cue in _HERE or cue in _AFTER_FIRM:
            if not labelled or not _clause_start(text, start, m.start(1)):
                continue  # "Mark of Banco Luzon here", "Rumbidzai's Kitchen here"
        if word.lower() in brands and word.lower() not in _given():
            continue
        if _is_name(word, cue not in _HERE and cue not in _AFTER_FIRM and labelled, True):  # a plain message: a
            # capital or a name we know; "jun hao speaking": two short names
            yield _pair_before(text, start, m.start(1), m.end(1)) if cue == "speaking" else (m.start(1), m.end(1))
    if labelled and _TH_GREETING.search(text, start, limit):
        for m in itertools.islice(_TH_AFTER.finditer(text, start, limit), 4):
            particle = m.group().endswith(("ค่ะ", "ครับ", "คะ")) and not m.group().endswith(("ยินดีให้บริการค่ะ",))
            if particle and (not opening or len(m.group(1)) > 12):
                continue
            if not m.group(1).startswith(_TH_NOT) and m.group(1).lower() not in _common():
                yield m.start(1), m.end(1)
    if opening and labelled:
        yield from _segments(text, start, limit)
        for m in itertools.islice(_OPENING_I.finditer(text, start, limit), 2):  # "…, mama dilani", "म सरिता"
            if _clause_start(text, start, m.start()) and _CLOSE.match(text, m.end(1), limit) and \
                    _is_name(m.group(1), True, True) and m.group(1).lower() not in brands:
                yield m.start(1), m.end(1)
        greet = _GREET_END.search(text, start, limit)
        if greet and text[start:limit].islower() and greet.group(1) in _given() and _is_name(greet.group(1), False, True):
            yield greet.start(1), greet.end(1)
        for m in itertools.islice(_NAME_FROM.finditer(text, start, limit), 2):
            word = m.group(1)
            if _clause_start(text, start, m.start(1)) and _is_name(word, False, False) and (
                    word[:1].isupper() or word.lower() in _given()) and word.lower() not in brands:
                yield m.start(1), m.end(1)


def _clause_start(text: str, start: int, at: int) -> bool:
    """Whether the name at ``at`` opens its clause: nothing but greetings before it since the turn's start or a stop."""
    head = text[start:at]
    cut = max(head.rfind(c) for c in ",.!?;:،؟–—")
    words = _WORD.findall(head[cut + 1:])
    common = _common()
    return all(w.lower() in common for w in words)


@functools.cache
def _brands() -> frozenset[str]:
    from services.adapters.local import pii_presidio

    return pii_presidio.BRANDS


def _segments(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """A one-word segment after the firm or a greeting on the opening turn, the offer of help or nothing after it."""
    segs = list(itertools.islice(_SEGMENT.finditer(text, start, end), _MAX_SEGMENTS))
    words = [_WORD.findall(s.group()) for s in segs]
    common = _common()
    for k in range(1, len(segs)):
        po = len(words[k]) == 2 and words[k][1].lower() == "po"  # session 38: "cebu pacific, kat po"
        if len(words[k]) != 1 and not po:
            continue
        word = words[k][0]
        low = word.lower()
        if low in common or len(word) < 2 or (word.isupper() and len(word) <= 4):
            continue
        last = k == len(segs) - 1 and not text[segs[k].end():end].strip(" \t.!")
        greeted = bool(words[k - 1]) and all(w.lower() in common for w in words[k - 1])
        # session 38: "eurobank καλησπέρα, γιώργος": the firm, then a greeting
        firm_greeted = len(words[k - 1]) >= 2 and words[k - 1][-1].lower() in _GREETINGS and \
            words[k - 1][-2].lower() not in common
        helped = k + 1 < len(segs) and _HELP.search(segs[k + 1].group()) is not None
        if not (helped or (last and (greeted or firm_greeted or po or _THANKS_FOR.search(segs[k - 1].group())))):
            continue
        cased = word.lower() != word.upper()
        firm_first = (greeted and k >= 2 and any(w.lower() not in common for w in words[k - 2])) or firm_greeted or po
        if cased and not (word[:1].isupper() or low in _given() or (firm_first and text[start:end].islower())):
            continue
        at = segs[k].start() + segs[k].group().index(word)
        yield at, at + len(word)


def find_agent_intros(text: str) -> Iterator[Found]:
    """The forms of the module's docstring, as PERSON spans (at most CAP)."""
    if len(text) < 6:
        return
    found = list(itertools.islice(itertools.chain.from_iterable(
        _in_turn(text, s, e, opening, labelled) for s, e, opening, labelled in _answering_turns(text)), 2 * CAP))
    found += itertools.islice(_echoes(text, found), CAP)  # session 38: "hola nico", "hello dilani miss"
    found += itertools.islice(_caller_names(text), CAP)  # session 38: "caller: merhaba, ben ayşe yıldız, eft …"
    found += [(s, e) for _, s, e, _ in pii_pronoun_names.find_pronoun_names(text)]  # session 38: "אני אבי לוי,"
    yield from pii_found.unique_persons(found, CAP, _SCORE)


# session 38: the other side greets or thanks the agent by the name, or by its start ("te atiende nicolás" … "hola nico")
_ECHO = re.compile(r"(?<![\w'’])(?i:hola|hi|hello|hey|hiya|ahlan|ahla|marhaba|salam|habari|jambo|sawubona|gracias|thanks|"
                   r"thank[ \t]you|asante|shukran|merci|salamat|obrigad[oa]|ol[áa]|oi|bonjour|ayubowan|namaste|"
                   r"good[ \t](?:morning|afternoon|evening)|buen[oa]s(?:[ \t](?:d[íi]as|tardes|noches))?)"
                   r"[ \t,]{1,2}(?:ya[ \t]|miss[ \t]|ms[ \t])?(" + _NAME + r")(?![\w'’-])|"
                   r"(?<![\u0621-\u064a])(?:أهلاً|أهلا|اهلا|اهلاً|مرحبا|مرحباً|شكرا|شكراً|تسلم)[ \t،,]{1,2}(?:يا[ \t])?"
                   r"([\u0621-\u064a]{2,20})(?![\u0621-\u064a])")


# session 38: the calling side's labels; its own name after a cue of the languages our calls mix
_CALLER_HEADS = frozenset("""caller customer cust client cliente clienta kunde kundin anrufer anruferin müşteri arayan
pelanggan penelepon pemanggil nasabah patient patiente paciente pacient pacienta pacjent pacjentka klient klientka
zákazník zákaznice ügyfél hívó khách mteja mpigaji usuario usuaria usuário utente appelant appelante llamante
chiamante kliyente tumawag c""".split())
# what may close the caller's name besides the agent's closings: "mera naam rakesh yadav hai", "saya dewi mau …"
_CALLER_CLOSE = re.compile(r"[ \t]{1,2}(?i:hai|hoon|hun|mau|nak|ingin|mahu|calling|ringing|here)(?![\w'’])")
_CALLER_NAME_WORD = re.compile(r"[ \t]{1,2}(" + _NAME + r")")


def _caller_names(text: str) -> Iterator[tuple[int, int]]:
    """The caller's own name on a caller's turn after a self-introduction cue: a given name we know first (a capital
    after the sure cues: "mera naam", "naitwa", "me din de"), up to two more words after it, the name closing the
    clause ("ben ayşe yıldız, eft yaptım", "mimi ni halima juma kutoka dar", "mera naam rakesh yadav hai")."""
    from services.adapters.local import pii_answering

    common, brands, given = _common(), _brands(), _given()
    pos = 0
    for _ in range(_MAX_LINES):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        label = pii_answering._LABEL.match(text, pos, end)
        if label and pii_answering._label_key(label).split()[0] in _CALLER_HEADS:
            limit = min(end, label.end() + _TURN)
            for m in itertools.islice(_BEFORE_RE.finditer(text, label.end(), limit), 3):
                first = m.group(3)
                low = first.lower()
                if low in common or low in brands or _EMAIL_AFTER.match(text, m.end(3)) or not (
                        low in given or (m.group(1) is not None and first[:1].isupper())):
                    continue
                if m.group(1) is None and not _clause_start(text, label.end(), m.start()):
                    continue  # "ama ben selin aydemir'e", "fatma ben salah": "I" opens its clause
                name_end = _caller_name_end(text, m.end(3), limit, first[:1].isupper())
                if name_end is not None:
                    yield m.start(3), name_end
        if end >= len(text):
            break
        pos = end + 1


# a surname's particles ("elena de luca", "Pieter van der Merwe"); words of an e-mail spelled out ("tony dot marsh at …")
_PARTICLES = frozenset("de da di del della dos das do du van von der den le la bin binti al el ó ní mac mc".split())
_SPELLED_EMAIL = frozenset("dot underscore dash hyphen at punto arroba punkt point".split())
_SUFFIXED = re.compile(r"['’](?:e|a|ye|ya|de|da|den|dan|te|ta|ten|tan|in|ın|un|ün|nin|nın|nun|nün|i|ı|u|ü|yi|yı|le|la|"
                       r"yle|yla|s)$", re.IGNORECASE)  # "selin aydemir'e": a Turkish case ending, the name an object


def _caller_name_end(text: str, end: int, limit: int, capital: bool) -> int | None:
    """Where the caller's name ends: up to two more words of the first one's case (particles between them), the name
    closing the clause; None when it does not, or when a word is common, a firm's, spelled e-mail or case-ended."""
    common, brands = _common(), _brands()
    words, particle = 1, False
    for _ in range(6):
        word = _CALLER_NAME_WORD.match(text, end, limit)
        low = word.group(1).lower() if word else ""
        if word and low in _PARTICLES:
            end, particle = word.end(1), True  # a particle: a name word must follow it
            continue
        if not particle and (_CLOSE.match(text, end, limit) or _CALLER_CLOSE.match(text, end, limit)):
            return None if _SUFFIXED.search(text[end - 4:end]) else end
        if word is None or low in common or low in brands or low in _SPELLED_EMAIL or words == 3 or \
                word.group(1)[:1].isupper() != capital:
            return None
        end, particle, words = word.end(1), False, words + 1
    return None


def _folded(word: str) -> str:
    """The word in lower case without its accents ("Sofía" … "sofi")."""
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))


def _echoes(text: str, found: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The agent's one-word name, or its first three letters or more, greeted or thanked elsewhere in the message."""
    names = {_folded(text[s:e]) for s, e in found if e - s >= 3 and " " not in text[s:e]}
    if not names:
        return
    common = _common()
    for m in itertools.islice(_ECHO.finditer(text), 3 * CAP):
        group = 1 if m.group(1) else 2
        low = _folded(m.group(group))
        if (low in names and m.group(group).lower() not in common) or (group == 1 and len(low) >= 3 and any(
                n.startswith(low) and len(n) > len(low) for n in names)):
            yield m.start(group), m.end(group)


def with_agent_intros(text: str, spans: list[PiiSpan], keep: list[tuple[int, int]]) -> list[PiiSpan]:
    """The spans with the answering person's name added where no span covers it and no kept value lies there, whatever
    the detector's filters made of it ("Dean" read as a title, "rhiannon" after "hospital maternity" as a firm's)."""
    found = [(start, end) for _, start, end, _ in find_agent_intros(text)]
    found += itertools.islice(_label_names(text), CAP)
    callers = frozenset(itertools.islice(_caller_names(text), CAP))
    # a span there that does not give way: masked already, or a number (the caller's name: any span there stands)
    return pii_found.add_back(spans, found, keep, lambda s, a, b: (a, b) not in callers and _replaced(text, s, a, b),
                              _SCORE)


# the words of the cues and roles: a span over the name that holds nothing else is cut to the name
_CUE_WORDS = frozenset(w.lower() for w in re.findall(r"[^\W\d_]{3,}", _AFTER + _STRONG_BEFORE + _WEAK_BEFORE + _ROLES))


def _replaced(text: str, span: PiiSpan, start: int, end: int) -> bool:
    """Whether a span over the name gives way to it: an address without a number over the greeting and the name
    ("namaste, main sana baat kar rahi hoon"), or a PERSON span whose other words are the cue's, the role's or common
    words ("Konsultant Ewa", "ayesha baat kar")."""
    value = text[span.start:span.end]
    if span.kind == "ADDRESS":
        return not any(c.isdigit() for c in value)
    if span.kind == "PERSON" and start <= span.start and span.end <= end:
        return True  # session 38: a part of the name ("احمدی" of "سارا احمدی") gives way to the whole
    if span.kind != "PERSON" or span.start > start or span.end < end:
        return False
    rest = _WORD.findall(text[span.start:start] + " " + text[end:span.end])
    return bool(rest) and all((w.lower() in _CUE_WORDS or w.lower() in _NOT_NAME) and w.lower() not in _given()
                              for w in rest)
