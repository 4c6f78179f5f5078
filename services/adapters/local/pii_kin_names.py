"""A person named by kinship or by profession (session 37, candidate 37-5, issue 21).

Parents write to a school, a doctor's practice or a phone company about a child or a relative by one name ("mi hijo
Hugo", "la mia bambina Sofia", "dceru Terezu", "την κόρη μου Ελένη", "Мій син Данило Коваленко", "לבת שלי נועה", "أخوي
عمر الخطيب"), and name a professional by a title of their trade and a surname or a first name ("la doctora Sanz", "il
notaio Bianchi", "Praxis Dr. Hübner", "Olá Dra. Sousa", "ד\"ר לוין", "instructor Becca", "pani doktor Nowak"); a note
to a teacher opens with the child's name ("Liebe Frau Kramer,\\nMila aus der Bärengruppe …", "Bonjour Mme Girard,\\nLéo
sera absent …", "Buongiorno maestra, Sofia oggi esce …", "Oi professora Aline, a Manu vai sair …"). The older rules
read such a name after a courtesy title, or an English kin word before "is"; the filters dropped a surname after "Dr."
in a greeting, and the learned PERSON check a single first name.

:func:`find_kin_names` proposes, as a PERSON, the name's words only (the kin word,
the possessive and the title outside):

- after a kin word of en/es/pt/it/fr/de/nl/pl/cs/el/ru/uk/bg/tr/tl (with its possessive before or after it: "my son",
  "la mia bambina", "unsere Tochter", "την κόρη μου", "сина ми"), or after "the mother of" ("maman de Léo", "la mamma
  di Sofia"): one to three capitalised words ("Данило Коваленко"), or in a lower-case transcript a given name we know
  ("my son jake");
- after a professional's title of those languages ("doctora", "Dra.", "notaio", "maestra", "professora", "instructor",
  "pani doktor", "MUDr.", "γιατρό", "лікар"), chained titles skipped ("Frau Dr.", "Notar Dr."): one to three
  capitalised words, or a given name we know in lower case;
- in Hebrew and Arabic (no capitals), after a kin word with its possessive ("לבת שלי", "בעלי", "أخوي", "ابنتي") or a
  professional's title ("ד\"ר", "לד\"ר", "الدكتور", "الأستاذة"): one to three words of the script that end the clause
  (a stop, a digit, the line's end) or stop before a word that follows a name ("phone", "number", "and …");
- the child's name opening a note to a teacher: the first word after a greeting addressed with a courtesy or a
  professional's title ("Liebe Frau Kramer,", "Bonjour Mme Girard,", "Buongiorno maestra,"), after a Portuguese or
  Italian article at most ("a Manu", "il Tommaso"), capitalised and followed by a lower-case word, a given name we
  know or a name followed by its class or group ("Mila aus der Bärengruppe", "Mila (3b)").

Never a pet (a kin word of a pet's message, "my baby Luna", "my boy Rocco", or any opening name in a message about an
animal: a dog, a cat, a vet), a class or a group ("Bärengruppe", "Oak class", "Berušky"), a firm or a practice named
after a place or a trade ("Doctor Bristol Clinic"), a brand ("Dr. Oetker", "Dr Martens"), or a job title alone ("la
maestra", "the doctor said"). :func:`with_kin_names` adds the names back after the detector's filters and its learned
PERSON check (which read "Dr. Hübner" in a greeting as a practice's and a lone first name as no one's), where no span
covers them and no kept value lies there.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator

from services.adapters.local import pii_bank_more, pii_found
from services.models import PiiSpan

CAP = 24  # names a message at most
_SCORE = 0.85

# ---- kin words (lower case), by language; a possessive before them is optional ---------------------------------------
_KIN = frozenset("""
son daughter child stepson stepdaughter grandson granddaughter grandchild nephew niece brother sister husband wife
mother father mum mom dad mummy mommy daddy grandma grandmother grandpa grandfather granny nan nana aunt
auntie aunty uncle cousin fiancé fiancée fiance fiancee boyfriend girlfriend stepmother stepfather sibling
hijo hija hijos niño niña hermano hermana esposo esposa marido padre madre papá mamá abuelo abuela nieto nieta sobrino
sobrina tío tía novio novia hijastro hijastra
filho filha menino menina irmão irmã mulher pai mãe avô avó sobrinho sobrinha namorado namorada enteado
enteada
figlio figlia bambino bambina bimbo bimba fratello sorella marito moglie papà mamma nonno nonna nipote nipotina
nipotino zio zia cugino cugina fidanzato fidanzata figliastro figliastra
fils fille enfant garçon frère sœur soeur mari femme époux épouse père mère papa maman grand-père grand-mère
petit-fils petite-fille neveu nièce oncle tante cousine fiancé conjoint conjointe
sohn sohnes tochter junge mädchen bruder bruders schwester ehemann ehefrau gatte gattin vater mutter mama
opa oma großvater großmutter enkel enkelin neffe nichte onkel tante cousin cousine stiefsohn stieftochter verlobter
verlobte lebensgefährte lebensgefährtin
zoon dochter broer zus echtgenoot echtgenote vader moeder kleinzoon kleindochter neef oom
syn syna synem synowi synka synek córka córki córkę córką córce córeczka córeczkę dziecko dziecka brat brata bratu
siostra siostry siostrę siostrze mąż męża mężem żona żony żonę ojciec ojca ojcu matka matki matkę mama mamy tata taty
babcia babci babcię dziadek dziadka wnuk wnuka wnuczka wnuczkę bratanek siostrzeniec bratanica siostrzenica wujek
ciocia kuzyn kuzynka
synovi dcera dceru dcery dceři dcerou dítě bratra bratrovi sestra sestru sestře manžel manžela manželka manželku
manželce otec otce matku máma mámu táta tátu babička babičku dědeček dědu vnuka vnučka vnučku synovec neteř strýc teta
γιος γιο γιου κόρη κόρης παιδί αδελφός αδερφός αδελφό αδερφό αδελφή αδερφή σύζυγος σύζυγο άντρας άνδρας γυναίκα
πατέρας πατέρα μητέρα μαμά μπαμπάς μπαμπά γιαγιά παππούς παππού εγγονός εγγονό εγγονή ανιψιός ανιψιό ανιψιά θείος
θείο θεία ξάδερφος ξαδέρφη
сын сына сыну сыном дочь дочка дочку дочери брат брата брату сестра сестру сестре муж мужа жена жену отец отца мать
маму мама бабушка бабушку дедушка дедушку внук внука внучка внучку племянник племянница дядя тётя тетя
син сина сину синові донька доньку донечка дочку дружина дружину чоловік чоловіка батько батька мати бабуся дідусь
онук онука онучка онуку сестричка тітка дядько
дъщеря съпруг съпруга съпругът мъж баща майка внучка внук леля чичо
oğlum kızım eşim annem babam kardeşim ablam abim ağabeyim torunum yeğenim
""".split())
# kin words that name a pet as often as a child ("my boy Rocco", "my baby Luna"), read only outside a pet's message
_WEAK_KIN = frozenset("""boy girl baby babe kid""".split())
# words of a possessive or an article that may stand between a kin word and the name ("την κόρη μου Ελένη", "сина ми")
_AFTER_KIN = frozenset("μου μας σου ми ни ко".split())
# Filipino, Malay and Indonesian kin words take the possessive after them ("nanay ko", "anak saya")
_KIN_THEN_OWNER = re.compile(
    r"(?i:(?<![\w'’])(?:anak|nanay|tatay|asawa|kapatid|lola|lolo|ate|kuya|bunso|suami|istri|isteri|ibu|ayah|adik|"
    r"kakak|abang)[ \t](?:ko|namin|natin|saya|aku|kami)[ \t,]{1,3})")
# "the mother / the father of" before a child's name
_PARENT_OF = re.compile(
    r"(?i:(?<![\w'’])(?:maman|papa|mère|père|mamma|mamma|papà|madre|padre|mamá|papá|mãe|pai|mutter|vater|mama|papa|"
    r"moeder|vader|mum|mom|mother|dad|father)[ \t](?:de|d['’]|di|del|della|do|da|von|van|of)[ \t]?)")

# ---- professionals' titles (lower case; a trailing dot is read with the title) ----------------------------------------
_PROFESSIONS = frozenset("""
doctor doctora dr dra dr.ª drª doc prof profe profa profª professor professora profesor profesora teacher coach
instructor instructress trainer tutor nurse midwife therapist physio dentist surgeon paediatrician pediatrician gp
maestro maestra enfermero enfermera abogado abogada licenciado licenciada lic notario notaria ingeniero ingeniera ing
fisio fisioterapeuta entrenador entrenadora tutora pediatra dentista psicólogo psicóloga odontólogo odontóloga
doutor doutora enfermeiro enfermeira advogado advogada tabelião tabeliã notário engenheiro engenheira instrutor
instrutora treinador treinadora nutricionista
dottore dottoressa dott dott.ssa dottssa prof.ssa professore professoressa avvocato avvocata avv notaio ingegnere
geometra geom architetto arch infermiere infermiera ragioniere rag fisioterapista allenatore allenatrice istruttore
istruttrice
docteur professeur maître maîtresse maitresse instituteur institutrice infirmier infirmière notaire avocat avocate
kiné kine pédiatre dentiste entraîneur moniteur monitrice
doktor doktorin lehrer lehrerin erzieher erzieherin notar notarin anwalt anwältin rechtsanwalt rechtsanwältin
pfarrer pfarrerin trainerin hebamme pfleger pflegerin physiotherapeut physiotherapeutin zahnarzt zahnärztin arzt
ärztin kinderarzt kinderärztin praxis
dokter huisarts juf juffrouw meester notaris advocaat tandarts verpleegkundige
doktora doktorze lek lekarz lekarka profesor profesorze mecenas mec notariusz adwokat pielęgniarka nauczycielka
nauczyciel wychowawczyni wychowawca trener trenerka inż
doktorka mudr mgr učitelka učitel notář advokát
γιατρός γιατρό γιατρέ δρ δρα καθηγητής καθηγήτρια δάσκαλος δάσκαλο δασκάλα δικηγόρος δικηγόρο συμβολαιογράφος
παιδίατρος παιδίατρο οδοντίατρος οδοντίατρο
доктор доктора д-р врач врача лікар лікаря лікарка учитель учительница вчителька вчитель преподаватель нотариус
нотаріус адвокат медсестра тренер педиатр педіатр професор профессор проф
hoca hocam öğretmen avukat hemşire
""".split())
# a courtesy title before a professional's ("pani doktor", "Frau Dr.", "Herr Prof.", "paní učitelka") and the titles
# chained after a professional's ("Notar Dr.", "Praxis Dr.", "Professor Dr.")
_CHAIN = frozenset("""pani pan paní pane frau herr dr dr. prof prof. mag mag. dipl.-ing. ing ing. med. dent. rer. nat.
hab. habil. iur. jur. phil. vet. mult. dott. dott.ssa avv. mudr. mgr. mr mrs ms miss sig. sig.ra signora signor señora señor sra sr sra. sr. senhora senhor
dona don doña madame monsieur mme mlle sister schwester""".split())
# Hebrew and Arabic titles and kin words (a prefix ל/ה/ו/ש/ב/מ or و/ل/ب before them is read too)
_HE_TITLES = ("ד\"ר", "ד״ר", "דר'", "דוקטור", "פרופ'", "פרופסור", "עו\"ד", "עו״ד", "הרופא", "הרופאה", "המורה",
              "הגננת", "האחות", "עורך הדין", "עורכת הדין")
_HE_KIN = ("הבן שלי", "הבת שלי", "בן שלי", "בת שלי", "הילד שלי", "הילדה שלי", "בעלי", "אשתי", "אחי", "אחותי",
           "אמא שלי", "אבא שלי", "הנכד שלי", "הנכדה שלי", "לבתי", "לבני", "ובתי", "ובני")
_AR_TITLES = ("الدكتور", "الدكتورة", "دكتور", "دكتورة", "د.", "الطبيب", "الطبيبة", "الأستاذ", "الأستاذة", "الاستاذ",
              "الاستاذة", "أستاذ", "أستاذة", "استاذ", "استاذة", "المحامي", "المحامية", "المهندس", "المهندسة", "المعلمة",
              "المعلم", "الممرضة")
_AR_KIN = ("ابني", "إبني", "ابنتي", "إبنتي", "بنتي", "ولدي", "أخي", "اخي", "أخوي", "اخوي", "أختي", "اختي", "زوجي",
           "زوجتي", "مرتي", "أمي", "امي", "والدتي", "أبوي", "ابوي", "والدي", "جدي", "جدتي", "حفيدي", "حفيدتي",
           "عمي", "خالي", "عمتي", "خالتي")


_HE_CUE = re.compile(rf"(?<![\u05d0-\u05ea])(?:[להושבמ]{{0,2}})(?:{pii_bank_more.alternation(list(_HE_TITLES + _HE_KIN))})[ \t]{{1,2}}")
_AR_CUE = re.compile(rf"(?<![\u0621-\u064a])(?:[ولب]{{0,2}})(?:{pii_bank_more.alternation(list(_AR_TITLES + _AR_KIN))})[ \t]{{1,2}}")
_HE_WORD = re.compile(r"[\u05d0-\u05ea\u05f0-\u05f2]{2,20}(?![\u05d0-\u05ea\"״'׳])")
_AR_WORD = re.compile(r"[\u0621-\u063a\u0641-\u064a\u0670-\u06d3]{2,20}")
# words that are no name in Hebrew and Arabic (verbs, "has", "needs", "sick", "is", pronouns): the cue names no one
_UNCASED_NOT = frozenset("""
יש אין צריך צריכה צריכים חולה חולים לא כן עם של על את זה זו הוא היא הם הן אני אנחנו רוצה רוצים נולד נולדה עבר עברה
קיבל קיבלה לומד לומדת הולך הולכת מרגיש מרגישה קטן קטנה גדול גדולה שלי שלו שלה שלנו כבר גם רק עוד מאוד
ספר חולים תודה שלום מה ביום היום מחר אתמול בבוקר בערב השבוע בשבוע ולא עכשיו
عنده عندها عندي يحتاج تحتاج محتاج محتاجة مريض مريضة لا نعم مع من في على عن هو هي هم انا أنا نحن يريد تريد بدو بدها
يوم اليوم بكرة بكره الساعة الصبح ولد ولدت صار صارت راح راحت كان كانت الصغير الصغيرة الكبير الكبيرة الله والله كمان بس جدا شكرا السلام
""".split())
_UNCASED_FOLLOW = frozenset("""
טלפון הטלפון מספר גיל כתובת נייד ת״ז ת"ז בבקשה בן בת ו
رقم رقمي رقمه رقمها الرقم هاتف الهاتف جوال الجوال موبايل عمره عمرها العمر يرجى برجاء ارجو أرجو
""".split())
_CLAUSE_END = re.compile(r"[ \t]{0,2}(?:$|[\r\n.,;:!?()\[\]\"'«»“”/\-–—|0-9\u060c\u061b\u061f\u06d4\u0660-\u0669\u06f0-\u06f9])")

# ---- what is read in the cased scripts --------------------------------------------------------------------------------
_TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|[-'’](?=[^\W\d_])){0,30}\.?")
_NAME = re.compile(r"[^\W\d_][^\W\d_'’-]{0,30}(?:[-'’][^\W\d_]{1,30}){0,2}")
_PARTICLES = frozenset("de da das do dos del della di du des van von der den ter ten la le y e i".split())
# pets' words: a message that holds one names no child by a weak kin word, and opens with no child's name
_PET = re.compile(
    r"(?i:\b(?:dog|dogs|puppy|pup|cat|cats|kitten|kitty|pet|pets|vet|vets|veterinary|vaccination|booster|jabs|"
    r"rabbit|hamster|parrot|horse|pony|perro|perra|perrito|perrita|gato|gata|gatito|mascota|veterinari[oa]|cachorr[oa]|"
    r"gatinh[oa]|chien|chienne|chiot|chat|chatte|chaton|vétérinaire|hund|hündin|welpe|katze|kater|kätzchen|tierarzt\w{0,12}|"
    r"tierärztin|tierklinik|haustier|cane|cagnolin[oa]|gatt[oa]|gattin[oa]|hond|kat|dierenarts|pies|psa|psem|kot|"
    r"kota|weterynarz|pes|psa|kočka|veterinář|σκύλος|σκύλο|γάτα|κτηνίατρο|собака|собаку|кошка|кошку|кіт|кішка|"
    r"ветеринар)\b)")
# a class, a group or a team named after the cue, or a firm's, a practice's or a place's word after the name: no one's
_GROUP = re.compile(r"(?i:(?:gruppe|group|class|klasse|classe|clase|classe|klas|grupa|skupina|třída|třídy|sezione|"
                    r"section|sección|turma|team|praxis|klinik|clinic|clinica|clínica|clinique|surgery|centre|center|"
                    r"zentrum|studio|kanzlei|ambulatorio|consultorio)$)")
_GROUP_AFTER = re.compile(r"(?i:[ \t]{0,2}[&+]|[ \t](?:class|group|gruppe|klasse|team|clinic|surgery|practice|centre|"
                          r"center|praxis|studio|and[ \t]sons?|ltd|gmbh|llc|inc|s\.?r\.?l|s\.?l|s\.?a)\b)")
# brands and characters named after a doctor or a teacher
_BRANDS = frozenset("""oetker martens pepper schär schar max who strange house phil oz seuss dre scholl best beckmann
hauschka brandt no spock evil octopus doom hibbert zhivago dolittle jekyll frankenstein watson quinn""".split())
# common words after a professional's title or at a note's start in the languages our messages mix (with the lists
# of pii_rules): "the doctor Appointment", "maestra Oggi", "Lehrer Bescheid", "Liebe Frau Kramer,\\nMorgen ist …"
_COMMON = frozenset("""
appointment appointments surgery office clinic practice team training trip station led note notes letter report
christmas nature time day superior general outlet bag bags who's
today tomorrow yesterday please thanks thank sorry hello hi dear
morgen heute leider anbei gestern bitte danke hiermit wir ich unser unsere unserer unseren mein meine meinen meiner
sie er es ihr das der die dem den des ein eine einen einem am im vom zum zur termin bescheid rezept sprechstunde
überweisung krankmeldung attest entschuldigung vielen liebe lieber hallo guten
demain aujourd'hui hier suite merci nous je il elle mon ma mes notre nos votre vos le la les un une bonjour
rendez-vous ordonnance certificat
oggi domani ieri purtroppo volevo vorrei grazie noi io lui lei mio mia nostro nostra il lo gli un una buongiorno
appuntamento ricetta certificato
hoje amanhã ontem obrigado obrigada nós eu ele ela meu minha nosso nossa o os as um uma consulta receita atestado
hoy mañana ayer gracias nosotros yo él ella mi mis nuestro nuestra el los las cita receta justificante
vandaag morgen gisteren dank wij ik mijn onze afspraak
dzisiaj jutro wczoraj dziękuję my ja mój moja nasz nasza wizyta dnes zítra včera děkuji já můj moje naše
dele dela deles delas úr asszony hab habil iur jur med phil dent vet rer nat mult commercialista revisore consulente legale medico chirurgo
monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
january february march april june july august september october november december jan feb mar apr jun jul aug sep
sept oct nov dec lunes martes miércoles jueves viernes sábado domingo enero febrero marzo abril mayo junio julio
agosto septiembre octubre noviembre diciembre lundi mardi mercredi jeudi vendredi samedi dimanche janvier février
mars avril mai juin juillet août septembre octobre novembre décembre montag dienstag mittwoch donnerstag freitag
samstag sonntag januar februar märz juni juli oktober dezember lunedì martedì mercoledì giovedì venerdì sabato
domenica gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre segunda terça quarta quinta sexta
janeiro fevereiro março maio junho julho setembro outubro novembro dezembro
""".split())


@functools.cache
def _lists() -> tuple[frozenset[str], frozenset[str]]:
    """Given names we know; words that are never a name here."""
    from services.adapters.local import pii_given_names, pii_rules  # pii_rules imports this module

    never = (pii_rules.NOT_NAMES | pii_given_names.FUNCTION_WORDS | pii_given_names.GREETINGS | pii_rules.PLACE_WORDS
             | _COMMON | _KIN | _PROFESSIONS | _CHAIN | _BRANDS) - pii_rules.GIVEN_NAMES
    return pii_rules.GIVEN_NAMES, never


def _known(word: str) -> bool:
    from services.adapters.local import pii_rules

    low = word.lower().rstrip(".")
    given = _lists()[0]
    return low in given or pii_rules.fold(low) in given


def _common(word: str) -> bool:
    low = word.lower().rstrip(".")
    return low in _lists()[1] or low in _COMMON or low in _BRANDS


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and not word.isupper()


def _skip_space(text: str, i: int, most: int = 2) -> int:
    j = i
    while j < len(text) and j - i < most and text[j] in " \t":
        j += 1
    return j


def _cased_name(text: str, pos: int, lower_ok: bool) -> tuple[int, int] | None:
    """One to three capitalised words from ``pos`` (particles between them), ended before a lower-case word, a stop or
    a common word; or, when ``lower_ok``, one lower-case word that is a given name we know."""
    i = _skip_space(text, pos)
    first = _NAME.match(text, i)
    if not first:
        return None
    word = first.group()
    if not _capitalised(word):
        if lower_ok and word.islower() and _known(word) and not _common(word):
            return first.start(), first.end()
        return None
    if _common(word) and not _known(word):
        return None
    start, end, words = first.start(), first.end(), 1
    at = end
    while words < 3:
        j = _skip_space(text, at, 1)
        if j == at:
            break
        nxt = _NAME.match(text, j)
        if not nxt:
            break
        w = nxt.group()
        if w.lower() in _PARTICLES and w.islower():
            after = _NAME.match(text, _skip_space(text, nxt.end(), 1))
            if after and _capitalised(after.group()) and not _common(after.group()) and after.start() > nxt.end():
                at = nxt.end()
                continue
            break
        if not _capitalised(w) or (_common(w) and not _known(w)) or _GROUP.search(w.lower()):
            break
        end, at, words = nxt.end(), nxt.end(), words + 1
    if re.match(r"[ \t]{0,2}\d", text[end:end + 3]):
        return None  # "my son May 3rd": a date
    if _GROUP.search(text[start:end].split()[-1].lower()) or _GROUP_AFTER.match(text, end):
        return None  # "Bärengruppe", "Oak class", "Bristol Clinic", "Kaur & Sons"
    return start, end


def _tokens_back(text: str, end: int, most: int = 3) -> list[re.Match[str]]:
    """Up to ``most`` words ending before ``end`` on its line, nearest last."""
    line = text.rfind("\n", 0, end) + 1
    lo = max(line, end - 80)
    return list(_TOKEN.finditer(text, lo, end))[-most:]


# titles written short, with a dot ("Dr.", "Dra.", "Prof.", "dott.ssa", "MUDr."): a dot after any other title or kin word
# ends its sentence ("for my son. Every morning …", "tem consulta no pediatra. Qualquer coisa …")
_SHORT = frozenset("""dr dra dr.ª drª doc prof profa profª profe dott dott.ssa dottssa prof.ssa avv ing arch geom lic mec lek inż
mudr mgr rag δρ δρα д-р проф""".split())
# possessives and articles before a capitalised kin word ("My son", "Unsere Tochter"); a capitalised kin word after
# anything else is a thing's name in title case ("Child Benefit", "Hospital Niño Jesús", "Tata Consultancy", "Doyle &
# Daughter Plumbing")
_OWNERS = frozenset("""my our his her their your mi mis tu su sus nuestra nuestro nuestros mia mio mie miei la il le
lo mon ma mes notre ton ta son sa mein meine meinen meinem meiner meines unser unsere unseren unserem unserer unseres
dein deine ihr ihre ihren ihrem ihres die der den dem des mijn onze minha meu nossa nosso seu sua a o moja mój mojego
mojej moją moje naszej nasza nasz naszego naszą mého mou mojí naše naši naší moje моя мой мій моя моєї моего моей
нашего нашої наш наша мою мого нашу την τον το η ο του της""".split())
_STREET_END = re.compile(r"(?:straße|strasse|gasse|weg|platz|allee|damm|street|road|avenue|lane|laan|straat|gracht|plein|"
                         r"kade)$")
_LOWER_END = re.compile(r"[ \t]{0,2}(?:[,.;:!?)]|\r?\n|$)")


def _cased(text: str, pet: bool) -> Iterator[tuple[int, int]]:
    from services.adapters.local import pii_given_names

    for m in _TOKEN.finditer(text):
        low = m.group().lower()
        bare = low.rstrip(".")
        kin = bare in _KIN or (not pet and bare in _WEAK_KIN)
        title = bare in _PROFESSIONS or low in _PROFESSIONS
        if not (kin or title):
            continue
        if kin and pet:
            continue  # "my baby Luna", "mi bebé Toby": a pet's message
        if m.group().isupper() and len(bare) > 2:
            continue  # "ING Bank Śląski", "NURSE": an acronym or a shout
        if low.endswith(".") and (kin or bare not in _SHORT):
            continue  # the sentence ends after the word
        if kin and m.group()[:1].isupper():
            before = _tokens_back(text, m.start(), 1)
            stop = text[:m.start()].rstrip(" \t")
            if not ((before and before[0].group().lower() in _OWNERS and before[0].end() >= m.start() - 2)
                    or not stop or stop[-1] in ".!?:\n"):
                continue  # "Child Benefit", "Hospital Niño Jesús", "Doyle & Daughter Plumbing"
        if title and m.group()[:1].isupper() and bare == "praxis" and not text.startswith(("Dr", "Prof"),
                                                                                          _skip_space(text, m.end())):
            continue  # "Praxis Hübner" is the practice's name; "Praxis Dr. Hübner" names the doctor
        if title and pet and re.search(r"(?i:(?:praxis|klinik|clinic|clinique|clínica|clinica)[ \t]?)$",
                                       text[max(0, m.start() - 12):m.start()]):
            continue  # "Tierarztpraxis Dr. Vogelsang": a vet's practice
        at = m.end()
        comma = False
        # a possessive after the kin word ("την κόρη μου", "сина ми"), a comma ("mi hijo, Hugo,"), chained titles after
        # the profession ("Notar Dr.", "pani doktor", "Frau Dr. med.")
        for _ in range(4):
            j = _skip_space(text, at, 2)
            if j < len(text) and text[j] == "," and kin and not comma:
                comma, at = True, _skip_space(text, j + 1, 2)
                break
            if j == at:
                break
            nxt = _TOKEN.match(text, j)
            if nxt and (nxt.group().lower() in _AFTER_KIN or nxt.group().lower() in _CHAIN
                        or (title and nxt.group().lower().rstrip(".") in _PROFESSIONS)):
                at = nxt.end()
                continue
            break
        if not comma and (at >= len(text) or text[at] not in " \t") and not (at <= len(text) and text[at - 1] == "."):
            continue
        found = _cased_name(text, at, lower_ok=True)
        if found is None and title and bare in _SHORT and m.group().islower():
            word = _NAME.match(text, _skip_space(text, at))
            if word and word.group().islower() and len(word.group()) >= 3 and not _common(word.group()) \
                    and _LOWER_END.match(text, word.end()):
                found = word.span()  # "seen by dr okafor.", "con la dra ibáñez,"
        if found is None:
            continue
        value = text[found[0]:found[1]]
        if comma and not (_known(value.split()[0]) and text[found[1]:found[1] + 1] in (",", ")")):
            continue  # "for my son, Every morning": an appositive name is a given name we know, set off by commas
        if title and m.group()[:1].islower() and value[:1].islower() and bare not in _SHORT and not _known(value):
            continue  # "la doctora me dijo": a lower-case word after a spelled-out title is a given name we know
        if any(_STREET_END.search(w.lower()) for w in value.split()):
            continue  # "Physio Limmatplatz"
        if any(pii_given_names.FIRM_AFTER.match(text, found[0] + i - 1) for i in
               [0] + [k + 1 for k, c in enumerate(value) if c == " "]) or pii_given_names.firm_after(text, found[1]):
            continue  # "Tata Consultancy Services", "Moreau & Fils SARL"
        if any(w.endswith(("'s", "’s")) for w in value.split()[:-1]):
            continue  # "Mama Tolu's Suya via Chowdeck": a firm's name read as two words
        if value.endswith(("'s", "’s")):
            after = _NAME.match(text, _skip_space(text, found[1], 1))
            if after and after.start() > found[1] and _capitalised(after.group()):
                continue  # "Mama Nkechi's Kitchen", "Abuela Rosa's Tacos": a firm's name
            found = found[0], found[1] - 2  # "my son Jake's teacher": the name without the possessive
        yield found


def _owned(text: str, pet: bool) -> Iterator[tuple[int, int]]:
    """ "nanay ko lourdes", "anak saya Budi", "maman de Léo", "la mamma di Sofia"."""
    for cue in (_KIN_THEN_OWNER, _PARENT_OF):
        for m in itertools.islice(cue.finditer(text), 64):
            if pet and cue is _PARENT_OF:
                continue  # "la maman de Biscuit"
            found = _cased_name(text, m.end(), lower_ok=True)
            if found:
                yield found


def _uncased(text: str, cue_re: re.Pattern[str], word_re: re.Pattern[str], most: int) -> Iterator[tuple[int, int]]:
    for m in itertools.islice(cue_re.finditer(text), 64):
        words: list[tuple[int, int]] = []
        at, stopped = m.end(), False
        while True:
            w = word_re.match(text, at)
            if not w:
                break
            value = w.group()
            if (value in _UNCASED_FOLLOW or value in _UNCASED_NOT or cue_re.match(text, at)
                    or (len(value) > 2 and value[0] in "וو" and value[1:] in _UNCASED_FOLLOW)):
                stopped = True  # "לד\"ר לוין לבת שלי", "لاسم أخوي عمر الخطيب ورقمه", "לבת שלי נועה יש חום"
                break
            if len(words) == most:
                words = []
                break  # more words: a sentence, no name
            words.append(w.span())
            gap = re.match(r"[ \t]{1,2}", text[w.end():w.end() + 2])
            if not gap:
                break
            at = w.end() + len(gap.group())
        if not words or text.startswith(("ال", "وال"), words[0][0]):
            continue
        end = words[-1][1]
        if stopped or _CLAUSE_END.match(text, end):
            yield words[0][0], end


# ---- the note to a teacher that opens with the child's name -----------------------------------------------------------
_OPENING = re.compile(
    r"(?im:^[ \t]{0,3}(?:(?:liebe|lieber|sehr[ \t]geehrte|sehr[ \t]geehrter|hallo|guten[ \t]tag|bonjour|bonsoir|chère|"
    r"cher|buongiorno|buonasera|gentile|cara|caro|salve|ciao|olá|ola|oi|bom[ \t]dia|boa[ \t]tarde|querida|querido|"
    r"hola|buenos[ \t]días|buenas[ \t]tardes|estimada|estimado|dear|hi|hello|good[ \t]morning|beste|geachte|hoi|"
    r"dzień[ \t]dobry|szanowna|szanowny|dobrý[ \t]den|vážená|vážený|milá|milý)[ \t,]{1,3})?"
    r"(?:[^\W\d_][\w.'’-]{0,24}(?:[ \t][^\W\d_][\w.'’-]{0,24}){0,2})"
    r"(?:[,!:][ \t]{0,3}(?:\r?\n[ \t]{0,3}){0,2}|[ \t]{0,3}(?:\r?\n[ \t]{0,3}){1,2}))")
_OPENING_ARTICLE = re.compile(r"(?:a|o|il|la|el|le)[ \t]")
# the greeting's addressee must be a title or a professional ("Frau Kramer", "Mme Girard", "maestra", "professora Aline")
_ADDRESSED = frozenset("""frau herr mme mlle madame monsieur maestra maestro professora professor professore
professoressa prof prof. profe profa teacher mrs ms miss mr juf meester pani pan paní pane učitelko učiteli señora
señorita señor seño sra srta sra. srta. dott.ssa dottoressa signora sig.ra docteur doctor doctora dra dra. dr dr.
doutora doutor tia teacher coach educatrice erzieherin""".split())
_CLASS_AFTER = re.compile(r"(?i:[ \t]{0,2}(?:\([^)\n]{1,12}\)|(?:aus|de|della|da|from|in|von|dal|del|z|ze)[ \t]"
                          r"(?:der|dem|la|le|el|the|classe|class|klasse|turma|sección|section|sezione|třídy)?[ \t]?"
                          r"[^\W\d_]{0,20}(?:gruppe|group|klasse|class|classe|clase|turma|sezione|section|třídy|třída|"
                          r"[0-9]))|[ \t]{0,2}\(?[0-9][a-zA-Z]?\b)")


def _opening(text: str) -> Iterator[tuple[int, int]]:
    m = _OPENING.search(text, 0, 400)
    if not m:
        return
    head = text[m.start():m.end()].lower()
    if not any(w.strip(",!:") in _ADDRESSED or w.strip(",.!:") in _ADDRESSED for w in head.split()[:4]):
        return
    at = m.end()
    article = _OPENING_ARTICLE.match(text, at)
    if article:
        at = article.end()
    name = _NAME.match(text, at)
    if not name or not _capitalised(name.group()) or name.group().isupper():
        return
    word = name.group()
    nxt = re.match(r"[ \t]{1,2}([^\W\d_][\w'’-]*)", text[name.end():name.end() + 40])
    if nxt is None and not _CLASS_AFTER.match(text, name.end()):
        return
    if nxt is not None and nxt.group(1)[:1].isupper() and not _CLASS_AFTER.match(text, name.end()):
        return  # "Frau Kramer,\nMila Okafor …" is read by the older rules; "Herzliche Grüße" is no name
    if _common(word) and not _known(word):
        return
    if not (_known(word) or _CLASS_AFTER.match(text, name.end())):
        return
    yield name.start(), name.end()


def _found(text: str) -> Iterator[tuple[int, int]]:
    pet = _PET.search(text) is not None
    yield from _cased(text, pet)
    yield from _owned(text, pet)
    if re.search(r"[\u05d0-\u05ea]", text):
        yield from _uncased(text, _HE_CUE, _HE_WORD, 2)  # a Hebrew name: one or two words
    if re.search(r"[\u0621-\u064a]", text):
        yield from _uncased(text, _AR_CUE, _AR_WORD, 3)  # "عبد الله الحربي"
    if not pet and ("\n" in text[:400] or "," in text[:200]):
        yield from _opening(text)


def find_kin_names(text: str) -> Iterator[tuple[str, int, int, float]]:
    """The names of the module's docstring, at most CAP, each once."""
    yield from pii_found.unique_persons(_found(text), CAP, _SCORE)


@functools.lru_cache(maxsize=64)
def _names(text: str) -> tuple[tuple[int, int], ...]:
    return tuple((start, end) for _, start, end, _ in find_kin_names(text))


def is_kin_name(text: str, start: int, end: int) -> bool:
    """Whether [start, end) is a name this module finds (for the learned PERSON check to keep)."""
    return (start, end) in _names(text)


def with_kin_names(text: str, spans: list[PiiSpan], keep: list[tuple[int, int]]) -> list[PiiSpan]:
    """The spans with the names of this module added where no span covers them and no kept value or public figure's
    name lies there, whatever the detector's filters and its PERSON check made of them ("Olá Dra. Sousa" read as a
    greeted firm's, "Sofia" after "maestra," dropped as a lone word); a PERSON span over the name and its cue's words
    only ("Sohn Jonas", "professora Aline") is cut to the name."""
    from services.adapters.local import pii_presidio  # imported here: pii_presidio imports this module

    found = _names(text)
    if not found:
        return spans
    figures = pii_presidio._public_figures_in(text)  # "is Dr. Sanjay Gupta the one on CNN?": the filters' call stands
    return pii_found.add_back(spans, found, [*keep, *figures], lambda s, a, b: _cue_and_name(text, s, a, b), _SCORE)


def _cue_and_name(text: str, span: PiiSpan, start: int, end: int) -> bool:
    """Whether a span over the name holds the name and a kin word (with its possessive) only: "Sohn Jonas" of "unser
    Sohn Jonas" (a title inside a span stays, as some writers mark it: "Dr. Helena Fischer"; "Nana Adjoa Mensah", an
    honorific of a name, too)."""
    if span.kind != "PERSON" or span.start > start or span.end < end:
        return False
    if (span.start, span.end) == (start, end):
        return True
    if text[end:span.end].strip() or not text[span.start:start].strip():
        return False
    rest = _TOKEN.findall(text[span.start:start])
    if not rest or not all(w.lower() in _CUE_WORDS for w in rest) or not any(
            w.lower() in _KIN or w in _UNCASED_KIN for w in rest):
        return False
    if not rest[0][:1].isupper() or rest[0].lower() in _OWNERS:
        return True
    before = _tokens_back(text, span.start, 1)
    return bool(before) and before[0].group().lower() in _OWNERS


_UNCASED_KIN = frozenset(" ".join(_HE_KIN + _AR_KIN).split()) - {"שלי"}
_CUE_WORDS = _KIN | _WEAK_KIN | _OWNERS | _AFTER_KIN | _UNCASED_KIN | {"שלי"}
