"""Names marked by an honorific in the languages our calls and messages mix (issue 21, session 35, candidate 35-1).

A call transcript writes names in lower case, and an agent says them with a courtesy title or an honorific, before
the name or after it: "listo señora gómez", "obrigado senhor raposo", "ευχαριστώ κύριε παπαδάκη", "pani marto…
przepraszam, panie krzysztofie", "danke frau albrecht", "terima kasih encik hafiz", "baik ibu siti", "cảm ơn chị
hằng", "salamat po ma'am cristina", "asante mama wanjiru", "teşekkürler ayşe hanım", "merhaba burak bey", "shukriya
imran sahab", "सुनीता जी". The older title rule (pii_titled_names) reads a lower-case word after a title of the
Latin-script languages only after thanks or a greeting, and knew neither the titles of Malay / Indonesian, Vietnamese,
Filipino, Swahili, Greek or Czech calls nor the titles said after a name (Turkish, Hindi / Urdu, Japanese).

:func:`find_honorific_names` (a finder of ``pii_rules.find_all``) proposes, as a PERSON (the honorific outside):

- the word (and a surname, a particle and its word: "ibu siti rahmawati", "puan nurul binti kamarudin", "signora de
  luca") after a title, or the word before a title said after the name, when the word may be a name: no function
  word, greeting, number word, role or common noun of our lists (pii_rules.NOT_NAMES, pii_function_words.txt,
  pii_not_names.txt, the number words, this module's roles and nouns), and
- the title is said to or of someone there: thanks, a greeting or a yes before it ("gracias", "teşekkürler", "terima
  kasih", "cảm ơn", "salamat po", "asante"…), or a speaker's label or a line's start before it, or a stop, a comma,
  a question mark, a line's end or a vocative particle ("ơi", "po", "ya") after the name, or the name is a given name
  we know (vocative endings read back: "marto" → "marta", "krzysztofie" → "krzysztof");
- titles that are as often a pronoun or a common word ("sir", "miss", "pan", "pani", "mas", "bu", "mama", "kak", "don",
  "ate") need thanks, a greeting, a speaker's label or a line's start before them, and a given name we know or such a
  stop after the name; the Vietnamese kinship titles ("anh", "chị", "em", "ông", "bà", "cô"), pronouns too, need thanks,
  a greeting or a speaker's label before them always;
- capitalised words (one to three) after a title the older rules do not read ("encik Faizal bin Hamzah", "Ate
  Lorna", "chị Mai"), or before a title said after the name ("Can bey", "Tanaka-san").

Never a role or an office after a title ("señor cliente", "madame la directrice", "pani kierownik", "doctor sahab"),
a title and a pronoun ("ma'am yes", "sir my", "em anexo"), or a slash pair ("sir/madam"). :func:`is_honorific_name`
tells the learned PERSON check (pii_person_check) to keep such a span: it reads one lower-case word as no one's.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

CAP = 24  # names a message at most
_SCORE = 0.85

# combining marks of the scripts our messages mix (Latin accents written apart, Devanagari, Bengali, Gurmukhi,
# Arabic vowel signs): a name's letters ("सुनीता")
_MARKS = "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963" \
         "\u0981-\u0983\u09bc-\u09d7\u0a01-\u0a03\u0a3c-\u0a51"
_WORD = re.compile(rf"(?<![\w'’])[^\W\d_](?:[^\W\d_]|[{_MARKS}]|['’](?=[^\W\d_])){{0,40}}")

# ---- titles before a name ----------------------------------------------------------------------------------------
# said only to or of a person (a lower-case word after them is a name where the rest of the module allows)
_STRONG = frozenset("""
señor señora señorita sr sra srta doña dña
senhor senhora sr.ª sra dona
signor signore signora signorina
monsieur madame mademoiselle mme mlle
herr herrn frau
meneer mevrouw heer mevr dhr
panie pane panu
κύριε κυρία κύριος κυρίου κυρίας
encik puan
mr mrs ms mister missus
""".split())
# as often a pronoun, a kinship word or a common word ("sir my", "pan card", "mas o", "ibu kandung", "don carry")
_WEAK = frozenset("""
don seu dom
pan pani pana panią paní pán
tuan cik ibu bu bapak pak mas mbak kak
sir madam ma'am ma’am maam mam miss
kuya ate
bwana mama bi
""".split())
# of those, the titles before which a given name we know is a name wherever it stands ("ask for mama wairimu")
_WEAK_NAMED = frozenset("tuan cik ibu bapak pak mbak kak sir madam ma'am ma’am maam kuya bwana mama".split())
# Vietnamese kinship titles, pronouns too ("em đặt bàn", "chị cho em hỏi")
_KIN = frozenset("anh chị em ông bà cô".split())
_ELISION = re.compile(r"(?:c|d|l|j|n|m|s|t|qu)['’]")  # French elisions ("c'est", "j'ai", "qu'il")
# titles the older rules read before a capitalised name (pii_titled_names, pii_letter_greetings): their capitalised
# names are theirs
_OLD_CAPITALISED = frozenset("""mr mrs ms miss mx dr sr sra srta señor señora señorita don doña dña dona senhor senhora
signor signora signorina sig herr frau heer mevrouw meneer mevr dhr mme mlle monsieur madame mademoiselle pan pani
panie panią pana pane paní pán panu sir madam κ κύριε κυρία κύριος κυρίου""".split())
# ---- titles after a name -------------------------------------------------------------------------------------------
_AFTER = frozenset("hanım hanim bey hanımefendi beyefendi ji jee जी sahib saab sahab साहब साहिब".split())
_SUFFIX = re.compile(r"-(?:san|sama|kun|chan|sensei|ssi|nim)(?![\w-])")  # "Tanaka-san", "Min-jun-ssi"

# Malay patronymics and the particles of surnames: the word after them is the name's too
_JOIN = frozenset("bin binti bte binte a/l a/p".split())
_PARTICLES = frozenset("de da das do dos del della di du des van von der den ter dela delos delas".split())

# thanks, greetings, a yes or an "in the name of" before the title (or, for a title after the name, before the name)
_ACK = (
    r"thank[ \t]you|thanks|thx|ty|hello|hi|hey|hiya|good[ \t](?:morning|afternoon|evening|day)|morning|sorry|okay|ok|"
    r"alright|all[ \t]right|right|yes|yeah|sure|great|perfect|welcome|excuse[ \t]me|dear|bye|goodbye|noted|got[ \t]it|"
    r"gracias|muchas[ \t]gracias|hola|buen[oa]s(?:[ \t](?:d[íi]as|tardes|noches))?|listo|lista|muy[ \t]bien|bien|bueno|"
    r"vale|claro|perfecto|de[ \t]acuerdo|disculpe|perdón|perdon|sí|si|okey|oiga|adiós|adios|estimad[oa]|querid[oa]|"
    r"obrigad[oa]|olá|ola|oi|bom[ \t]dia|boa[ \t](?:tarde|noite)|certo|pronto|perfeito|sim|tá|desculpe|prezad[oa]|"
    r"grazie|ciao|buongiorno|buonasera|salve|perfetto|va[ \t]bene|bene|sì|gentile|egregi[oa]|car[oa]|scusi|prego|"
    r"merci|bonjour|bonsoir|salut|parfait|d['’]accord|oui|très[ \t]bien|entendu|pardon|cher|chère|"
    r"danke|dankeschön|vielen[ \t]dank|hallo|guten[ \t](?:tag|morgen|abend)|ja|gut|alles[ \t]klar|perfekt|genau|"
    r"sehr[ \t]geehrter?|liebe|lieber|"
    r"dank[ \t](?:u|je)(?:[ \t]wel)?|bedankt|goedemorgen|goedemiddag|goedenavond|dag|prima|oké|geachte|beste|"
    r"dziękuję|dziekuje|dzięki|dzień[ \t]dobry|dobry[ \t]wieczór|witam|tak|dobrze|świetnie|przepraszam|szanown[aey]|"
    r"děkuji|dekuji|dobrý[ \t]den|ano|dobře|vážen[ýá]|mil[ýá]|"
    r"ευχαριστώ|ευχαριστούμε|γεια[ \t]σας|καλημέρα|καλησπέρα|ναι|εντάξει|τέλεια|αγαπητ[έή]|"
    r"teşekkürler|teşekkür[ \t]ederim|tesekkurler|sağ[ \t]olun|merhaba|günaydın|iyi[ \t](?:günler|akşamlar)|tamam|peki|"
    r"evet|tabii|tabi|elbette|sayın|değerli|buyurun|rica[ \t]ederim|"
    r"shukriya|shukria|dhanyavaad|dhanyavad|dhanyawad|namaste|namaskar|haan|haan[ \t]ji|theek[ \t]hai|achha|accha|"
    r"salaam|salam|assalamualaikum|धन्यवाद|शुक्रिया|नमस्ते|ठीक[ \t]है|जी[ \t]हाँ|हाँ[ \t]जी|"
    r"terima[ \t]kasih|trima[ \t]kasih|makasih|selamat[ \t](?:pagi|siang|sore|malam|petang)|halo|hai|baik|baiklah|oke|"
    r"iya|betul|maaf|mohon[ \t]maaf|permisi|atas[ \t]nama|"
    r"cảm[ \t]ơn|cám[ \t]ơn|dạ|vâng|chào|xin[ \t]chào|alo|"
    r"salamat|sige|magandang[ \t](?:umaga|hapon|gabi)|"
    r"asante(?:[ \t]sana)?|habari|jambo|karibu|sawa|ndiyo|pole|shikamoo|samahani")
_ACK_BEFORE = re.compile(rf"(?i:(?<![\w'’])(?:{_ACK})(?:[ \t,]{{1,2}}(?:po|ji|na|ạ|sana|ya|nhé|so[ \t]much))?"
                         r"[ \t,.!]{1,3})\Z")
# a speaker's label, or a line's start, before the title
_TURN_BEFORE = re.compile(r"(?:\A|\n)[ \t]{0,3}(?:\[[\d:. ]{1,12}\][ \t]{0,2})?(?:[^\W\d_][\w'’.-]{0,20}"
                          r"(?:[ \t][\w'’.-]{1,20}){0,2}[ \t]?:[ \t]{1,3})?\Z")
# a speaker's label right before the title ("nhân viên: chị hằng")
_LABEL_BEFORE = re.compile(r"[^\W\d_][\w'’.-]{0,20}(?:[ \t][\w'’.-]{1,20}){0,2}[ \t]?:[ \t]{1,3}\Z")
# after the name: a stop, a comma, a question mark, a line's end or a vocative particle
_STOP_AFTER = re.compile(r"[ \t]{0,2}(?:[,?!.…;:)]|\r?\n|\Z|(?:ơi|ạ)(?![\w'’]))")
# a surname's end: a stop, or a particle said after a name ("atas nama ibu siti rahmawati ya")
_NAME_END = re.compile(r"[ \t]{0,2}(?:[,?!.…;:)]|\r?\n|\Z|(?i:(?:ơi|ạ|po|ya|ji)(?![\w'’])))")
_CZECH = re.compile(r"[ěřůťďňĚŘŮŤĎŇ]")
# words that open an agent's next clause after a vocative name
_NEXT_OPENS = frozenset("your how it i we can may let you ano anong paano is what thank please".split())
# Vietnamese letters (a kinship title is read only in a Vietnamese message: "em" is Portuguese too)
_VIETNAMESE = re.compile(r"[ăâđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĂÂĐƠƯ]")
# a determiner or a preposition before the title: the title is a pronoun or a noun there ("o senhor digitou", "la
# señora dice", "die frau sagte", "seu Renault Clio" is "your Renault Clio")
_DETERMINERS = frozenset("""o a os as el la los las lo il le l' der die den dem des das ein eine einen einem einer
the this that este esta ese esa esse essa aquele aquela ce cette questo questa quel quella dieser diese do da dos das
ao à del al no na pelo pela um uma un una de du au""".split())
# a shop's word before the title: the shop is named after its owner ("warung Bu Tini", "tienda doña rosa")
_SHOPS = frozenset("""warung toko kedai bengkel salon apotek klinik restoran rumah cafe kafe laundry depot tindahan
tienda panadería restaurante bar café lanchonete padaria salão loja mercearia boutique pizzeria trattoria""".split())

# roles, offices and common nouns said after a title (or before a title said after the name), in the languages our
# calls mix: "señor cliente", "madame la directrice", "pani kierownik", "doctor sahab", "ibu kandung", "pan card"
_COMMON = frozenset("""
customer client caller agent officer driver rider courier doctor nurse manager supervisor teacher president director
judge chairman chair secretary minister police constable sergeant captain inspector engineer technician lawyer
attorney card number account policy order booking payment amount name surname consumer broadband kyc otp aadhaar gst
bank loan refund balance bill invoice address phone mobile email id universe world yes no sir madam ma'am maam mam
mister miss missus mr mrs ms guard boss chief owner landlord tenant neighbour neighbor husband wife son daughter mother
father brother sister uncle auntie aunty cousin friend colleague student member user holder beneficiary
cliente clienta agente doctora licenciado licenciada ingeniero ingeniera abogado abogada presidente presidenta
directora notario notaria mío mía gerente juez jueza usuario usuaria titular conductor repartidor técnico oficial profesor profesora alcalde
alcaldesa ministro padre madre vecino vecina dueño dueña encargado encargada señor señora señorita don doña
doutor doutora engenheiro diretor diretora juiz juíza motorista entregador professora senhorio senhoria notário
proprietário proprietária vizinho vizinha dono dona senhor senhora
dottore dottoressa avvocato ingegnere direttore direttrice giudice professore professoressa sindaco titolare
signore signora signorina
client docteur maître maitre président présidente directeur juge professeur maire ministre conseiller conseillère
directrice voisin voisine propriétaire monsieur madame mademoiselle
kunde kundin doktor notar notarin richter richterin präsident direktor direktorin kollege kollegin nachbar nachbarin
vermieter vermieterin herr frau
klant dokter notaris directeur voorzitter buurman buurvrouw meneer mevrouw
klient klientka doktorze dyrektor dyrektorze prezes prezesie kierownik kierowniku kierowniczko notariusz notariuszu
mecenas mecenasie profesor profesorze wychowawczyni dziekan kurier sędzia sędzio inżynier przewodniczący pan pani
panie pana panu kolego sąsiad sąsiadka doktore doktorko učitelko učiteli řediteli ředitelko
πρόεδρε γιατρέ διευθυντά διευθύντρια μου μας
bu şu o bir ev genç yaşlı müdür doktor öğretmen hoca memur komşu kapıcı kurye şoför hanım bey
haan han haanji nahi nahin accha achha acha theek thik sahi bilkul shukriya dhanyavaad dhanyawad namaste namaskar
bhai didi bhaiya bhaiyya behen bhabhi papa mummy mama mami chacha chachi mata pita guru baba beta bete sardar pandit
master seth lala neta mantri babu ji jee arre arey are sahab sahib saab memsahab bade chhote daktar thanedar collector
हाँ हां हा जी नमस्ते धन्यवाद शुक्रिया ठीक सर मैडम माता पिता गुरु भाई बहन दीदी डॉक्टर पंडित आप है हैं साहब
kandung kota rumah kost kos atas nama nomor kartu paket driver kurir pelanggan pengemudi sopir bos guru dokter polisi
encik puan tuan cik ibu bu bapak pak mas mbak kak adik abang
yangu wako wake mzee mtoto mteja dereva bwana
yung ang ng sa mga na pa rider pwede pano san kuya ate ano anong sino saan bakit paano kasi lang naman
euh eh ehm um uh er äh ähm hm hmm
cho bị muốn ghi ơi chuyển giúp ra rồi chậm mất tôi tên xe gấp đã đặt là số xin nhờ chứ sinh không có được ạ nhé vẫn đang
sẽ cần hỏi gọi nói về đi ở với và của này đó kia thì mà nên vì à ừ vâng dạ cảm ơn lỗi gửi nhận kiểm tra đổi hủy trả
tiền thẻ tài khoản mã phí hàng đơn giao bên nhà ấy kia mình ta họ nó anh chị em ông bà cô chú bác
""".split())


@functools.cache
def _lists() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Given names we know; words that are never a name here; place words."""
    from services.adapters.local import pii_given_names, pii_rules, pii_spoken_numbers  # pii_rules imports this module

    never = (pii_rules.NOT_NAMES | pii_rules.NOT_ADDRESSEES | pii_rules._S22A_NUMBER_WORDS | pii_given_names.FUNCTION_WORDS
             | pii_given_names.GREETINGS | pii_spoken_numbers.NUMBER_WORDS) - pii_rules.GIVEN_NAMES
    return pii_rules.GIVEN_NAMES, never | _COMMON | _STRONG | _WEAK | _KIN | _AFTER, pii_rules.PLACE_WORDS


def _fold(word: str) -> str:
    from services.adapters.local import pii_rules

    return pii_rules.fold(word)


def _known(low: str) -> bool:
    """A given name we know, the vocative endings of Polish, Czech and Greek read back ("marto", "krzysztofie",
    "piotrze", "tomaszu", "horáku", "παπαδάκη")."""
    given = _lists()[0]
    forms = [low]
    if low.endswith("o"):
        forms.append(low[:-1] + "a")
    if low.endswith("ie"):
        forms.append(low[:-2])
    if low.endswith("rze"):
        forms.append(low[:-2])
    if low.endswith(("u", "e")):
        forms.append(low[:-1])
    return any(f in given or _fold(f) in given for f in forms)


def _never(word: str, capitalised_ok: bool = False) -> bool:
    """A word that is no name here: on our lists (a capitalised word before "bey" may be an English word: "Can"),
    in capitals of four letters or fewer ("PAN", "KYC"), or one letter."""
    low = word.lower()
    if len(word) < 2 or (word.isupper() and len(word) <= 4):
        return True
    if low in _COMMON or low in _STRONG or low in _WEAK or low in _KIN or low in _AFTER:
        return True
    if _ELISION.match(low) or low.startswith("paki"):
        return False if _known(low) else True  # "madame c'est", "ma'am pakiconfirm" (Filipino "paki-": please)
    return not (capitalised_ok and word[:1].isupper()) and low.strip("'’") in _lists()[1]


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and not word.isupper()


def _lower(word: str) -> bool:
    """No capital in it: lower case, or a script without case ("सुनीता")."""
    return not any(c.isupper() for c in word)


def _said_to(text: str, at: int) -> tuple[bool, bool]:
    """(thanks or a greeting before at; a speaker's label or a line's start before at), on at's line."""
    line = text.rfind("\n", max(0, at - 48), at)
    low = line if line >= 0 else max(0, at - 48)
    window = text[low:at]
    return _ACK_BEFORE.search(window) is not None, (line >= 0 or low == 0) and _TURN_BEFORE.search(window) is not None


def _rest(text: str, words: list[re.Match[str]], i: int, end: int, lower: bool) -> int:
    """Where a name that starts with words[i - 1] ends: a surname or a particle and its word after it (lower case: a
    word we know as a given name, or one a stop follows; a patronymic's "bin"/"binti" and its word)."""
    taken = 1
    while i < len(words) and taken < 4:
        w = words[i]
        if text[end:w.start()] not in (" ", "\t"):
            break
        word, low = w.group(), w.group().lower()
        if (low in _JOIN or low in _PARTICLES) and i + 1 < len(words):
            nxt = words[i + 1]
            if text[w.end():nxt.start()] == " " and not _never(nxt.group()) and (
                    _capitalised(nxt.group()) or (lower and _lower(nxt.group()))):
                end, i, taken = nxt.end(), i + 2, taken + 2
                continue
            break
        if _never(word):
            break
        if lower:
            if not _lower(word) or not (_known(low) or _NAME_END.match(text, w.end())
                                        or (i + 1 < len(words) and words[i + 1].group().lower() in _JOIN)):
                break
        elif not _capitalised(word):
            break
        end, i, taken = w.end(), i + 1, taken + 1
    return end


def _before_title(text: str, words: list[re.Match[str]]) -> Iterator[tuple[int, int]]:
    for i, m in enumerate(words[:-1]):
        title = m.group().lower()
        kin = title in _KIN
        if not (title in _STRONG or title in _WEAK or kin):
            continue
        gap = text[m.end():words[i + 1].start()]
        if gap not in (" ", "\t", ". ", "  ") or (m.start() and text[m.start() - 1] in "/-"):
            continue  # "sir/madam", "anh/chị Vietcombank"
        if kin and not _VIETNAMESE.search(text):
            continue
        if i and text[words[i - 1].end():m.start()] == " " and (
                words[i - 1].group().lower() in _DETERMINERS or words[i - 1].group().lower() in _SHOPS):
            continue  # "a senhora usou", "seu Renault Clio" after "o": a pronoun; "warung Bu Tini": a shop
        name = words[i + 1]
        if name.group().lower() in _PARTICLES and i + 2 < len(words) and text[name.end():words[i + 2].start()] == " ":
            # "signora de luca", "meneer van dijk": the particle and its word
            rest = words[i + 2]
            if not _never(rest.group()):
                ack, turn = _said_to(text, m.start())
                if title in _STRONG and (ack or turn or _STOP_AFTER.match(text, rest.end())):
                    yield name.start(), rest.end()
            continue
        word = name.group()
        if _never(word):
            continue
        ack, turn = _said_to(text, m.start())
        label = turn and _LABEL_BEFORE.search(text, max(0, m.start() - 32), m.start()) is not None
        if _capitalised(word):
            if title in _OLD_CAPITALISED and not m.group().islower():
                continue  # "Sr. Ramírez", "Frau Wolters": pii_titled_names's
            if kin and not (ack or label or text.startswith("ơi", name.end() + 1)):
                continue  # "anh Tuấn ơi": the vocative particle
            if title in _WEAK and (not (ack or turn or _known(word.lower())) or word.endswith(("'s", "’s"))):
                continue  # "seu Renault Clio", "Mama Africa"; a shop named after its owner: "Mama Tolu's Suya"
            yield name.start(), _rest(text, words, i + 2, name.end(), False)
            continue
        if not _lower(word) or sum(c.isalpha() for c in word) < (2 if kin else 3) or gap == ". ":
            continue  # a lower-case word after "Sr.": "Estimado Sr. notario"
        low = word.lower()
        known = _known(low)
        stop = _STOP_AFTER.match(text, name.end()) is not None or (
            ack and not kin and i + 2 < len(words) and text[name.end():words[i + 2].start()] == " "
            and words[i + 2].group().lower() in _NEXT_OPENS)
        # (after thanks or a greeting, a word that opens the agent's next clause ends it too: "thank you sir dominador
        # your application …", "good morning madam blessing how can i help")
        if kin:
            ok = (ack or label) and (known or stop)
        elif title in _WEAK:
            ok = ((ack or turn) and (known or stop) and (known or low not in _lists()[2])) or (
                known and title in _WEAK_NAMED)
        else:
            ok = known or ack or turn or stop
        if ok:
            yield name.start(), _rest(text, words, i + 2, name.end(), True)


def _after_title(text: str, words: list[re.Match[str]]) -> Iterator[tuple[int, int]]:
    for i in range(1, len(words)):
        m = words[i]
        if m.group().lower() not in _AFTER or text[words[i - 1].end():m.start()] not in (" ", "\t"):
            continue
        name = words[i - 1]
        word = name.group()
        capitalised = _capitalised(word)
        if _never(word, capitalised_ok=m.group().lower() in ("hanım", "hanim", "bey")):
            continue
        if not capitalised and (not _lower(word) or len(word) < 3):
            continue
        if m.group().lower() == "ji" and _CZECH.search(text):
            continue  # Czech "ji" is "her": "Můžete ji poslat"
        ack, turn = _said_to(text, name.start())
        if _known(word.lower()) or ack or turn or _STOP_AFTER.match(text, m.end()):
            yield name.start(), name.end()


def _suffixed(text: str) -> Iterator[tuple[int, int]]:
    if "-" not in text:
        return
    for m in _SUFFIX.finditer(text):
        back = re.search(r"(?<![\w'’-])[^\W\d_][^\W\d_'’]{1,30}\Z", text[max(0, m.start() - 32):m.start()])
        if back and not _never(back.group()):
            yield m.start() - len(back.group()), m.start()


@functools.lru_cache(maxsize=16)
def _names(text: str) -> tuple[tuple[int, int], ...]:
    words = list(_WORD.finditer(text))
    seen: dict[tuple[int, int], None] = {}
    for found in (*_before_title(text, words), *_after_title(text, words), *_suffixed(text)):
        seen.setdefault(found)
        if len(seen) >= CAP:
            break
    return tuple(seen)


def find_honorific_names(text: str) -> Iterator[tuple[str, int, int, float]]:
    """The names of the module's docstring, at most CAP, each once."""
    for start, end in _names(text):
        yield "PERSON", start, end, _SCORE


def name_within(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The first name this module finds in text within [start, end), if any."""
    return next(((s, e) for s, e in _names(text) if start <= s and e <= end), None)


def is_honorific_name(text: str, start: int, end: int) -> bool:
    """Whether [start, end) is a name this module finds in text (the learned PERSON check keeps it)."""
    return (start, end) in _names(text)
