"""The answering line of a call read whole (issue 21, session 32): the person who answers is a name, the firm is not.

A call transcript's answering side opens with the firm and then the person who answers: "agent: Karoo Fibre, you're
talking to Ruan", "temsilci: Marmara Sigorta, ben Burak", "agent: jambo, Simu Bora, Faith hapa", "agent: Helvetia
Direct, guten Tag, Sie sprechen mit Sabrina". The name finders read the firm as a person's name and missed the agent.

- :func:`find_answering_names` (a finder of ``pii_rules.find_all``) proposes the answering person's name on the
  opening line: after a self-introduction cue ("this is", "ben", "saya") or before "speaking" / "here" / "vagyok"; a
  lower-case word only after a cue that introduces nothing else, at the line's end or before the offer of help.
- :func:`without_answering_firms` (a filter of the detector's ``_never_names``) drops a PERSON or ADDRESS span that
  stands where the firm stands — on the opening line, after nothing but greetings and before the introduction, or
  right after "thanks for calling" / "you're through to" in the languages our calls mix — unless:
  - a title stands before it ("hello Mr Okafor, this is Ruan"): the customer is being greeted;
  - another PERSON span of the message holds one of its words (a firm named after someone in the message is masked);
  - it holds no trade word and is not set apart from the name by punctuation, or holds a given name we know ("hi
    Jade, this is Ruan from Karoo"; "thanks for calling Jade"), or follows a greeting said to a person.
  A span over both the firm and the answering person's name keeps the name.

Session 34 (candidate 34-5): the answering side is also a transcript's first turn whatever its label in its language
("rejestracja:", "bankéř:", "tư vấn viên:", "υπάλληλος:") — a short label and a colon at the start of the first line,
when a later line bears another label, the first is no caller's, machine's or mail head's, and it is said again or the
other is the caller's (``ANSWERING_SPEAKER`` keeps the listed labels); the greetings and introductions of the other
languages our calls mix are read ("u telefonu Klára", "казвам се Мариела", "ami tanvir bolchhi", "ma Prakash"); "FIRM,
greeting, NAME" and "FIRM, NAME, słucham" introduce the name; and a greeting between the firm and the introduction is
not a name.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from services.adapters.local import pii_rules
from services.models import PiiSpan

# the answering side's speaker labels in the languages our calls mix ("agent:", "Rep:", "[10:03] Agent Mo:",
# "temsilci:", "atendente:", "operador:")
_SPEAKER = re.compile(
    r"(?im)^[ \t]*(?:\[[^\]\n]{1,24}\][ \t]*)?(?:agent|agente|ajente|rep|representative|receptionist|reception|"
    r"operator|operador|operadora|op[ée]rat(?:eur|rice)|operat(?:ore|rice)|teleoperador|teleoperadora|atendente|"
    r"asesor|asesora|advis[eo]r|consultant|consultor|consultora|conseill(?:er|[èe]re)|berater|beraterin|"
    r"mitarbeiter|mitarbeiterin|temsilci|petugas|cs|csr|staff|helpline|call[ \t]?cent(?:re|er)|"
    r"customer[ \t](?:service|care)|konsultant|konsultantka|nh[âa]n[ \t]vi[êe]n|t[ổo]ng[ \t]đ[àa]i|ügyfélszolgálat|"
    r"ügyintéző|υπάλληλος|εκπρόσωπος|оператор|служител|เจ้าหน้าที่|موظف|এজেন্ট)"
    r"(?:[ \t]{1,2}[A-Z][\w'’-]{0,20})?[ \t]*:[ \t]*")
ANSWERING_SPEAKER = _SPEAKER  # read by pii_reference_letters: the agent's turn that asks for a number
# words that may come before the firm on the answering line: greetings and "thank you for calling", "welcome to"
_OPENING = frozenset("""hello hi hey hiya good morning afternoon evening day thank thanks you for calling call
contacting welcome to and with dengan selamat pagi siang sore malam terima kasih telah sudah menghubungi gracias por
llamar a comunicarse bienvenido bienvenida bienvenidos buenos buenas días dias tardes noches hola aló alo obrigado
obrigada por ligar para bem-vindo bem-vinda bom boa dia tarde noite olá oi grazie per aver chiamato benvenuto
benvenuti buongiorno buonasera pronto merci d'avoir appelé bienvenue chez bonjour bonsoir allô allo danke vielen
für ihren anruf bei willkommen guten tag morgen abend grüß gott grüezi servus hallo dzień dobry dziękujemy za
telefon witamy bună ziua mulțumim merhaba iyi günler aradığınız için teşekkür ederiz hoş geldiniz jambo habari
karibu asante kwa kupiga assalam assalamu alaikum o salam ahlan beek bik marhaba namaste namaskar sat sri akal
vanakkam xin chào cảm ơn sawasdee sawatdee magandang umaga hapon gabi salamat sa pagtawag po kumusta hej hallå
god dag goedemorgen goedemiddag goedendag welkom bij dank u voor het bellen ya""".split()) | frozenset(
    # session 34: the greetings of the other languages our calls mix (Polish, Czech, Slovak, Hungarian, Romanian,
    # Croatian, Bulgarian, Ukrainian / Russian, Greek, Vietnamese, Malay, Tagalog, Swahili, Darija / Tunisian, Nepali,
    # Bengali / Hindi in Latin script, Amharic, Thai, Arabic)
    """dobry dobre dobrego witam halo słucham dzięki dziękuję dobrý dobré dobrou den ráno večer deň dobrý deň zdravím
    dobrá jó napot reggelt estét üdvözlöm üdvözöljük köszönjük köszöntöm bună buna ziua dimineața dimineata
    seara salut alo dobar dobro jutro večer pozdrav izvolite zdravo здравейте здравей добър ден добро утро добър
    вечер здравствуйте добрый день доброе утро вечер добрий доброго дня вітаю привіт алло але καλημέρα καλησπέρα
    γεια σας χαίρετε παρακαλώ λέγετε xin chào nghe kính alô dạ vâng salam aslema asslema ahla sbah lkhir labas
    slm masa2 kheir namaskaar namastey nomoskar nomoshkar pranam adab assalamualaikum sawadee sawasdee krub
    khrap selam yistilign selamta hujambo shikamoo mambo magandang tanghali selamat datang apa khabar
    halo mabuhay salamat สวัสดี สวัสดีครับ สวัสดีค่ะ ครับ ค่ะ السلام عليكم مرحبا أهلا اهلا صباح الخير مساء ሰላም
    ጤና ይስጥልኝ prosím tessék poftiți poftim слушам слушаю слухаю""".split())
# greetings said to a person: a name after them is more likely the customer's ("Hi Sarah-Jane, it's Tom from …")
_PERSONAL_GREETINGS = frozenset("""hi hello hey hiya dear morning afternoon evening hola olá oi ciao bonjour hallo
salut jambo habari""".split())
# the answering person's self-introduction: a cue before the name ("this is Ruan", "ben Burak") …
_CUE_BEFORE = (
    r"(?:this[ \t]is|it['’]s|my[ \t]name['’]s|you['’]?re[ \t](?:talking|speaking|chatting)[ \t](?:to|with)|you[ \t]are[ \t](?:talking|speaking|chatting)"
    r"[ \t](?:to|with)|my[ \t]name[ \t]is|i['’]m|i[ \t]am|le[ \t]atiende|te[ \t]atiende|le[ \t]habla|te[ \t]habla|"
    r"habla|le[ \t]saluda|te[ \t]saluda|soy|mi[ \t]nombre[ \t]es|aqu[ií][ \t](?:é|e|es|fala)|fala|sou|meu[ \t]nome"
    r"[ \t]é|sono|mi[ \t]chiamo|parla|je[ \t]suis|ici|c['’]est|sie[ \t]sprechen[ \t]mit|mein[ \t]name[ \t]ist|"
    r"hier[ \t](?:ist|spricht)|nazywam[ \t]si[ęe]|m[óo]wi|z[ \t]tej[ \t]strony|ben|ad[ıi]m|saya|dengan|ini|naitwa|"
    r"ni|em[ \t]l[àa]|t[ôo]i[ \t]l[àa]|ma3ak|m3ak|ma['’]?ak|main|mera[ \t]naam|ako[ \t]po[ \t]si|si|sunt|"
    r"numele[ \t]meu[ \t]este|u[ \t]spreekt[ \t]met|je[ \t]spreekt[ \t]met|met|hablas[ \t]con|est[áa][ \t]"
    r"hablando[ \t]con|falas[ \t]com|unaongea[ \t]na|unazungumza[ \t]na|you[ \t]speak[ \t]to|mimi[ \t]ni|"
    r"είμαι(?:[ \t]η|[ \t]ο)?|meu[ \t]nome[ \t]e|aqui[ \t]e(?:[ \t]o|[ \t]a)?|fala(?:[ \t]o|[ \t]a)?|está[ \t]falando[ \t]com|"
    # session 34: Polish, Czech, Slovak, Hungarian, Romanian, Croatian, Bulgarian, Ukrainian / Russian, Greek,
    # Vietnamese, Malay, Darija / Tunisian, Nepali, Bengali, Amharic
    r"jestem|rozmawia[ \t]pan(?:i)?[ \t]z|jmenuj[iu][ \t]se|u[ \t]telefonu|tady(?:[ \t]je)?|jsem|s[ \t]v[áa]mi[ \t]"
    r"(?:mluv[íi]|hovo[řr][íi])|vol[áa]m[ \t]sa|pri[ \t]telef[óo]ne|som|s[ \t]vami[ \t]hovor[íi]|a[ \t]nevem|"
    r"m[ăa][ \t]numesc|v[ăa][ \t]vorbe[șş]te|zovem[ \t]se|ja[ \t]sam|ovdje(?:[ \t]je)?|ovde(?:[ \t]je)?|"
    r"казвам[ \t]се|аз[ \t]съм|обажда[ \t]се|на[ \t]телефона|тук[ \t]е|мене[ \t]звати|меня[ \t]зовут|оператор(?:ка)?|"
    r"з[ \t]вами[ \t]говорить|с[ \t]вами[ \t]говорит|це|это|ονομάζομαι|λέγομαι|με[ \t]λένε|σας[ \t]μιλά(?:ει)?|εδώ|"
    r"(?:ch[ịi]|anh|m[ìi]nh|con)(?:[ \t]tên)?[ \t]là|em[ \t]t[êe]n[ \t]l[àa]|t[ôo]i[ \t]t[êe]n(?:[ \t]l[àa])?|t[êe]n[ \t]"
    r"(?:em|t[ôo]i|m[ìi]nh)[ \t]l[àa]|em[ \t]tên|nama[ \t]saya|m3aak|smiti|esmi|ismi|اسمي|معك|معاك|mero[ \t]na+m|ma|ami|"
    r"amar[ \t]na+m|ስሜ|እኔ)"
    r"(?:[ \t](?:a|o|la|el|mbak|mas|kak|bapak|ibu|po|mr|mrs|ms|miss|η|ο|pan|pani|paní|pán))?[ \t]{1,2}")
_NAME = r"[^\W\d_][\w'’-]{1,20}"
# … or one after it ("Aisyah speaking", "Faith hapa", "Camila falando")
_CUE_AFTER = (r"[ \t,]{1,3}(?:speaking|here|hapa|falando|à[ \t]l['’]appareil|am[ \t]apparat|przy[ \t]telefonie|"
              r"baat[ \t]kar[ \t]ra(?:ha|hi)|vagyok|(?:m3ak|ma3ak|m3aak)(?![ \t]{1,2}[^\W\d_])|à[ \t]votre[ \t]service|a[ \t]su[ \t]servicio|at[ \t]your[ \t]service|ao[ \t]seu[ \t]dispor|"
              r"al[ \t]suo[ \t]servizio|"
              # session 34: "Petra u telefonu", "andrei la telefon", "ami tanvir bolchhi", "Rina di sini"
              r"u[ \t]telefonu|pri[ \t]telef[óo]ne|la[ \t]telefon|na[ \t]telefonu|na[ \t]vezi|на[ \t]телефона|"
              r"на[ \t]зв['’]язку|на[ \t]связи|beszél|di[ \t]?sini|bol(?:chh?i|chh?u)|bol(?:dai|de)[ \t]chhu|"
              r"bol[ \t]ra(?:ha|hi)|à[ \t]votre[ \t]écoute|ነኝ|ነው)\b")  # session 38: "zain jordan, ma3ak yazan": the name follows
_INTRO = re.compile(r"(?i:(?<![\w'’])" + _CUE_BEFORE + r")(" + _NAME + r")|(" + _NAME + r")(?i:" + _CUE_AFTER + r")")
# the answering person's firm after their name: "Rodrigo da Vivanet Fibra", "Leo from Koala Rides", "Marisa de Orange"
_FROM = re.compile(r"(?i:[ \t]{1,2}(?:from|at|with|de|da|do|di|della|del|von|vom|dari|z|ze|of|wa|ya)[ \t]{1,2})")
_FIRM_END = re.compile(r"[,.;:!?¿¡()\n]| (?i:how|can|may|what|who|ada|en|em|¿|kaise|nasıl|size|ana|how's)\b|$")
_SENTENCE_STOP = re.compile(r"[,.;:!?]")
_BETWEEN = re.compile(r"[ \t,.;:!–—-]*")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# "thanks for calling X", "you're through to X", "gracias por llamar a X", "terima kasih telah menghubungi X"
_THANKS_FOR_CALLING = re.compile(
    r"(?i:\b(?:thanks?[ \t](?:you[ \t])?for[ \t](?:calling|contacting)|welcome[ \t]to|you['’]?re[ \t]through[ \t]"
    r"to|you[ \t]are[ \t]through[ \t]to|you['’]ve[ \t]reached|you[ \t]have[ \t]reached|gracias[ \t]por[ \t](?:llamar|"
    r"comunicarse[ \t]con)(?:[ \t]a)?|bienvenid[oa]s?[ \t]a|obrigad[oa][ \t]por[ \t](?:ligar|entrar[ \t]em[ \t]"
    r"contato)(?:[ \t](?:para|com)(?:[ \t]a|[ \t]o)?)?|grazie[ \t]per[ \t](?:aver|avere)[ \t]chiamato|merci[ \t]"
    r"d['’]avoir[ \t](?:appelé|contacté)|bienvenue[ \t]chez|danke[ \t]für[ \t]ihren[ \t]anruf[ \t]bei|willkommen"
    r"[ \t]bei|dziękujemy[ \t]za[ \t](?:telefon|kontakt)[ \t]do|terima[ \t]kasih[ \t](?:telah|sudah|kerana|karena)"
    r"[ \t](?:menghubungi|hubungi|menelefon)|asante[ \t]kwa[ \t]kupiga(?:[ \t]simu)?|salamat[ \t]sa[ \t]pagtawag[ \t]"
    r"sa|dank[ \t]u[ \t]voor[ \t]het[ \t]bellen[ \t](?:naar|met))[ \t,]{1,3})")
_TITLE_BEFORE = re.compile(r"(?i:\b(?:mr|mrs|ms|miss|mx|dr|sir|madam|ma['’]am|herr|frau|señor|señora|sr|sra|"
                           r"senhor|senhora|monsieur|madame|mme|signor|signora|pan|pani|bapak|pak|ibu|bu|encik|"
                           r"puan|bwana|mama|bey|hanım|ji|mbak|mas|kak|mister|missus|dona|dom|tuan|docteur|doctor|"
                           r"doktor|doktorka|dottore?|dottoressa|doutora?|dokter|professor|prof|mudr|paní|pán)\.?[ \t]{1,2})$")
# the desk's words after a firm ("Vi customer care", "turkcell müşteri hizmetleri", "UIDAI helpline")
_DESK = re.compile(r"(?i:\b(?:customer[ \t](?:care|service|support)|help[ \t]?line|hotline|call[ \t]cent(?:re|er)|"
                   r"müşteri[ \t]hizmetleri|atención[ \t]al[ \t]cliente|servicio[ \t]al[ \t]cliente|kundenservice|"
                   r"kundendienst|servizio[ \t]clienti|service[ \t]client|obsługa[ \t]klienta|layanan[ \t]pelanggan)\b)")
# industry words of the languages our calls mix that name a firm ("Marmara Sigorta", "Seguros Altamira", "Ege Enerji")
_TRADE = frozenset("""bank banco banca banque bankası bankasi sigorta seguros seguro assicurazioni assurance
assurances versicherung verzekeringen insurance insure enerji energia energía énergie energie energy power electric
electricity eléctrica elétrica elettrica gas water aguas agua águas acqua eau wasser telecom télécom telco telekom
telecomunicaciones telecomunicações telecomunicazioni mobile móvil movil fibre fiber fibra net internet ekspres
express expreso logistics logística logistica kargo cargo courier post poste correos correios kesehatan sehat
health salud saúde santé gesundheit clinic clínica clinica klinik hospital hastanesi pharmacy farmacia apotheke
eczane airways airlines air money pay finance finans kredi credit loans wireless media mail rides krankenkasse
lettings surgery sparkasse volksbank raiffeisenbank broadband""".split()) | frozenset(
    # session 34: the trade words of the other languages our calls mix
    """banka bankovní spořitelna sporitelna pojišťovna poisťovňa pojišťovny ubezpieczenia ubezpieczenie bankowy
    biztosító biztosítás asigurări asigurari osiguranje osiguranja застраховане застраховки страхування страхование
    ασφάλειες ασφαλιστική τράπεζα банк банка ngân hiểm viễn asuransi seluler telekomunikasi
    telekomunikacja telefonia energetyka energie energii elektrárny elektrika elektro plyn gaz gazy voda vodárny
    woda víz áram энергия енергія енергия pošta poczta posta пошта поща kurier kurýr przychodnia klinika
    nemocnice szpital poliklinika lékárna lekáreň apteka farmacie ljekarna gyógyszertár аптека φαρμακείο клиника
    клініка νοσοκομείο viện khám thuốc apotek farmasi hospitali benki bima simu""".split())


_MAX_FIRMS = 64  # a call has one opening; a long paste of many is read for its first ones only


@dataclass(frozen=True)
class _Firm:
    start: int
    end: int
    name: tuple[int, int] | None  # the answering person's name on that line, when it is said
    strong: bool  # set apart from the name by punctuation or "from": a firm's name needs no trade word
    reach: int = 0  # where the greetings after the firm end, before the introduction (session 34)


def without_answering_firms(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """The spans less the firm a call is answered for or a caller is thanked for calling (the module's docstring); a
    span over the answering person's name and the firm keeps the name."""
    if not any(s.kind in ("PERSON", "ADDRESS") for s in spans):
        return spans
    firms = list(itertools.islice(_firms(text), _MAX_FIRMS))
    if not firms:
        return spans
    starts = [f.start for f in firms]
    out: list[PiiSpan] = []
    for span in spans:
        at = bisect.bisect_left(starts, span.end) - 1  # the last firm that starts before the span ends
        firm = firms[at] if at >= 0 and span.kind in ("PERSON", "ADDRESS") and span.start < max(
            firms[at].end, firms[at].reach) else None
        if firm is None:
            out.append(span)
        elif span.start >= firm.end:  # between the firm and the introduction: a greeting is no name
            if not (span.kind == "PERSON" and span.end <= firm.reach and all(
                    w.lower() in _OPENING for w in _WORD.findall(text, span.start, span.end))):
                out.append(span)
        elif firm.name and span.start <= firm.name[0] and firm.name[1] <= span.end:
            name = text[firm.name[0]:firm.name[1]]
            if (name[:1].isupper() or name.lower() in pii_rules.GIVEN_NAMES) and _firm_words(text, firm, span):
                out.append(PiiSpan("PERSON", firm.name[0], firm.name[1], span.score))
            else:
                out.append(span)
        elif not _is_firm(text, span, firm, spans):
            out.append(span)
    return out


def _is_firm(text: str, span: PiiSpan, firm: _Firm, spans: list[PiiSpan]) -> bool:
    """Whether the span is the firm's name: what it holds outside the firm is greetings, no title stands before it,
    no other PERSON span bears its words, and it holds a trade word or no given name we know."""
    if firm.name and span.start < firm.name[1] and firm.name[0] < span.end:
        return False
    inside = _WORD.findall(text[max(span.start, firm.start):min(span.end, firm.end)])
    outside = _WORD.findall(text[span.start:max(span.start, firm.start)]) + _WORD.findall(
        text[min(span.end, firm.end):span.end])
    if not inside or any(w.lower() not in _OPENING for w in outside):
        return False
    if _TITLE_BEFORE.search(text, max(0, span.start - 12), span.start) or _TITLE_BEFORE.search(
            text[span.start:span.start + 12].split(" ")[0] + " "):
        return False
    others = {w.lower() for s in spans if s.kind == "PERSON" and (s.end <= span.start or s.start >= span.end)
              for w in _WORD.findall(text[s.start:s.end])}
    own = [w for w in _WORD.findall(_DESK.sub(" ", " ".join(inside))) if w.lower() not in _OPENING]
    if not own or any(w.lower() in others for w in own):
        return False
    return _firm_words(text, firm, span)


def _firm_words(text: str, firm: _Firm, span: PiiSpan) -> bool:
    """The firm's words hold a trade word, or they are set apart from the name and written with capitals, none a
    given name we know."""
    region = _WORD.findall(text[firm.start:firm.end])
    if any(w.lower() in _TRADE for w in region) or _DESK.search(text, firm.start, firm.end):
        return True
    own = [w for w in _WORD.findall(_DESK.sub(" ", text[max(span.start, firm.start):min(span.end, firm.end)]))
           if w.lower() not in _OPENING]
    return firm.strong and bool(own) and all(w[:1].isupper() for w in own) and not any(
        w.lower() in pii_rules.GIVEN_NAMES for w in own)


def _firms(text: str) -> Iterator[_Firm]:
    """Where the firm stands on the answering side's opening line: after "thanks for calling" or the opening
    greetings, before the answering person's introduction, or after their name and "from"; and after "thanks for
    calling" on any answering line."""
    for start, opening in _answering_lines(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        intro = _find_intro(text, start, end)
        name = intro.name if intro else None
        thanks = _THANKS_FOR_CALLING.search(text, start, end)
        if thanks:
            stop = _FIRM_END.search(text, thanks.end(), end)
            firm_end = stop.start() if stop else end
            again = _THANKS_FOR_CALLING.search(text, thanks.end(), firm_end)
            firm_end = again.start() if again else firm_end
            strong = False
            if intro and thanks.end() < intro.start <= firm_end:
                firm_end, strong = intro.start, True
            firm = _split(text, thanks.end(), _trimmed_end(text, thanks.end(), firm_end), name, strong)
            if firm:
                yield firm
            continue
        if not opening:
            continue  # past the opening line, only after "thanks for calling"
        first = next((w.start() for w in _WORD.finditer(text, start, end) if w.group().lower() not in _OPENING), None)
        if first is None:
            continue
        if intro and first < intro.start:
            greeted = any(w.lower() in _PERSONAL_GREETINGS for w in _WORD.findall(text, start, first))
            gap = text.rfind(",", first, intro.start)
            gap = max(gap, max(text.rfind(c, first, intro.start) for c in ".;:!–—"))
            firm_end = _trimmed_end(text, first, gap if gap > first else intro.start)
            firm = _split(text, first, firm_end, name, gap > first and not greeted)
            if firm:
                yield dataclasses.replace(firm, reach=intro.start)
        elif intro and first in (intro.start, intro.name[0]):
            via = _FROM.match(text, intro.name[1])
            if via:
                stop = _FIRM_END.search(text, via.end(), end)
                yield _Firm(via.end(), stop.start() if stop else end, intro.name, True)
        elif not intro:  # "Ziraat Bankası iyi günler", "Sparkasse Köln Bonn, Weber, guten Tag"
            stop = _SENTENCE_STOP.search(text, first, end)
            words = list(_WORD.finditer(text, first, stop.start() if stop else end))
            tail = len(words)
            while tail and words[tail - 1].group().lower() in _OPENING:
                tail -= 1
            if tail and not any(w.group().lower() in _OPENING for w in words[:tail]):
                firm = _split(text, first, words[tail - 1].end(), None, False)
                if firm:
                    yield firm


def _split(text: str, start: int, end: int, name: tuple[int, int] | None, strong: bool) -> _Firm | None:
    """The firm between ``start`` and ``end``; "leanne at halbury bank", "Mark of Banco Luzon": the words before
    "at" / "of" / "from" are the answering person's name, the firm comes after them."""
    if end <= start:
        return None
    via = _FROM.search(text, start, end)
    if via:
        return _Firm(via.end(), end, (start, via.start()), True)
    return _Firm(start, end, name, strong)


def _trimmed_end(text: str, start: int, end: int) -> int:
    """The firm's end before the introduction: greetings and punctuation before it are not the firm's."""
    words = list(_WORD.finditer(text, start, end))
    while words and (words[-1].group().lower() in _OPENING or words[-1].group().lower() in _GREETING_ALSO):
        words.pop()
    return words[-1].end() if words else start


# ---- the transcript's first turn and the introductions of the languages our calls mix (session 34) ---------------
# the first line's speaker label, whatever its words: one to four short words, a timestamp before it or a name in
# brackets after it, and a colon ("rejestracja:", "tư vấn viên:", "[10:03] ügyintéző:", "Agen (Rina):")
_LABEL = re.compile(r"[ \t]{0,4}(?:\[[^\]\n]{1,24}\][ \t]{0,2})?([^\W\d_][\w'’.-]{0,19}(?:[ \t][\w'’.-]{1,20}){0,3})"
                    r"[ \t]{0,2}(?:\(([^)\n]{1,30})\)[ \t]{0,2})?:(?!\S)[ \t]{0,4}")
# labels of the calling side, of a machine, and the fields of a mail's head or a form: their turn is not the answer
_NOT_ANSWERING = frozenset("""caller callers customer cust client cliente clienta kunde kundin anrufer anruferin
müşteri arayan pelanggan penelepon pemanggil nasabah visitor patient patiente paciente pacient pacienta pacjent
pacjentka klient klientka klijent klijentica zákazník zákaznice zákaznička ügyfél hívó páciens beteg khách πελάτης
πελάτισσα ασθενής клиент клиентка клієнт клієнтка абонент пациент пацієнт ลูกค้า عميل العميل mteja mpigaji user
usuario usuaria usuário utente utilisateur utilisatrice you me ich io ik yo eu moi je ja guest tenant rider driver
player member beller klant appelant appelante llamante chiamante asegurado asegurada cotizante abonat abonentka
kostumer konsumen kliyente tumawag buyer acheteur acheteuse comprador compradora käufer käuferin passenger pasajero
pasajera passageiro passageira gast huésped hóspede ospite c u q bot ivr system automated auto assistant virtual
transcript chat recording note notes summary from to cc bcc subject subj re fw fwd sent date von an betreff
gesendet datum objet de à envoyé para asunto enviado assunto oggetto da inviato temat od do wysłano onderwerp van
aan verzonden předmět komu tárgy feladó címzett subiect către tema name nome nom nombre naam imię jméno név email
e-mail phone tel mobile address ps""".split())
_MAX_LINES = 60  # the lines read for the other side's label


def _label_key(m: re.Match[str]) -> str:
    return " ".join(m.group(1).lower().split())


def _first_turn(text: str) -> int | None:
    """Where the transcript's first turn starts after its speaker label, when that turn is the answering side's: a
    short label and a colon at the start of the message's first line, a different label at the start of a later line,
    the first label's side not the caller's, a machine's or a mail head's, and the first label said again later or the
    other one the caller's."""
    head = text[:64]
    at = len(head) - len(head.lstrip())
    first = _LABEL.match(text, at)
    if first is None or text.find("\n", at, first.end()) >= 0:
        return None
    key = _label_key(first)
    head_word = key.split()[0]
    if head_word in _NOT_ANSWERING or key in _NOT_ANSWERING or any(
            w in _NOT_ANSWERING_HEADS for w in (first.group(2) or "").lower().split()):
        return None  # the caller's, a machine's ("Sam (bot):") or a mail head's
    if first.group(2) is None and head_word in pii_rules.GIVEN_NAMES and first.group(1)[:1].isupper():
        return None  # a chat's first speaker named by their name ("Rocío:", "Aarav:") is the one who writes in
    inner = _LABEL.match(text, first.end())
    if inner and text.find("\n", first.end(), inner.end()) < 0 and _label_key(inner).split()[0] not in _NOT_ANSWERING:
        first = inner  # "Appel: Agent: SNCF Connect bonjour, …"
    other = again = False
    line = text.find("\n", first.end())
    for _ in range(_MAX_LINES):
        if line < 0:
            break
        label = _LABEL.match(text, line + 1)
        if label and text.find("\n", line + 1, label.end()) < 0:
            later = _label_key(label)
            if later == key:
                again = True
            else:
                other = True
                again = again or later.split()[0] in _NOT_ANSWERING and later.split()[0] not in _NOT_ANSWERING_HEADS
        if other and again:
            return first.end()
        line = text.find("\n", line + 1)
    return None


# the mail-head and form words among the labels above: a later line's such label does not make the first the answer
_NOT_ANSWERING_HEADS = frozenset("""bot ivr system automated auto assistant virtual transcript chat recording note
notes summary from to cc bcc subject subj re fw fwd sent date von an betreff gesendet datum objet de à envoyé para
asunto enviado assunto oggetto da inviato temat od do wysłano onderwerp van aan verzonden předmět komu tárgy feladó
címzett subiect către tema name nome nom nombre naam imię jméno név email e-mail phone tel mobile address ps""".split())


def _answering_lines(text: str) -> Iterator[tuple[int, bool]]:
    """Where each answering line starts after its label, and whether it is an opening line: the transcript's first
    turn whatever its label (session 34), and the lines of the listed answering labels (the first of them opens)."""
    turn = _first_turn(text) if _SPEAKER.match(text) is None else None
    if turn is not None:
        yield turn, True
    for n, label in enumerate(_SPEAKER.finditer(text)):
        if label.end() != turn:
            yield label.end(), n == 0


@dataclass(frozen=True)
class _Intro:
    start: int  # where the introduction starts: its cue, or the name when the cue follows it
    name: tuple[int, int]
    strong: bool  # a cue that introduces nothing but a name
    after: bool  # the cue follows the name ("Darnell speaking")


# cues of session 34 that also say other things ("ma", "jsem", "это"): the name after them ends the phrase
_LOOSE_CUES = frozenset("jestem jsem som ja ma ami це это εδώ tady ovdje ovde".split())
_PHRASE_END = re.compile(r"[ \t]{0,3}(?:$|[,.!?;]|(?i:(?:hun|ho|bol\w*|ạ|nhé|po|ji|ya|hapa|here|speaking|"
                         r"how|can|may|what)(?![\w'’])))")
_MAX_TRIES = 4


def _find_intro(text: str, start: int, end: int) -> _Intro | None:
    """The answering person's introduction on the line text[start:end]: a cue before or after their name (a greeting
    word taken for the name is passed over), or else "FIRM, greeting, NAME" / "FIRM, NAME, słucham"."""
    limit = min(end, start + 120)
    pos = start
    for _ in range(_MAX_TRIES):
        m = _INTRO.search(text, pos, limit)
        if m is None:
            break
        at = 1 if m.group(1) else 2
        cue = _cue_words(m, at)
        if m.group(at).lower() in _OPENING:
            pos = m.end(at)
            continue
        if at == 1 and cue and cue[0] in _LOOSE_CUES and not _PHRASE_END.match(text, m.end(at), end):
            pos = m.end(at)
            continue
        return _Intro(m.start(), (m.start(at), m.end(at)), bool(cue) and cue[0] not in _WEAK_CUES, at == 2)
    return _segment_intro(text, start, end)


_SEGMENT = re.compile(r"[^,.!?;:–—\n]+")
_MAX_SEGMENTS = 8
# greetings of a segment of their own that are not listed as opening words because they are names too ("dobar dan")
_GREETING_ALSO = frozenset({"dan"})


def _segment_intro(text: str, start: int, end: int) -> _Intro | None:
    """ "Mutualité Horizon, bonjour, Sophie", "Lux Med, Agnieszka, słucham": a one-word segment after a firm, with a
    segment of greetings before it and the firm before that, or greetings or "słucham" after it."""
    matches = list(itertools.islice(_SEGMENT.finditer(text, start, min(end, start + 160)), _MAX_SEGMENTS))
    words = [_WORD.findall(m.group()) for m in matches]
    greeting = [bool(w) and all(x.lower() in _OPENING or x.lower() in _GREETING_ALSO for x in w) for w in words]
    firm = [bool(w) and not g for w, g in zip(words, greeting, strict=True)]
    for k in range(1, len(words)):
        if len(words[k]) != 1 or greeting[k] or not _could_be_agent(words[k][0]):
            continue
        if (greeting[k - 1] and any(firm[:k - 1])) or (k + 1 < len(words) and greeting[k + 1] and any(firm[:k])):
            at = matches[k].start() + matches[k].group().index(words[k][0])
            return _Intro(at, (at, at + len(words[k][0])), False, False)
    return None


def _could_be_agent(word: str) -> bool:
    """Whether a word alone in its segment may be the answering person's first name."""
    low = word.lower()
    return len(word) > 1 and (word[:1].isupper() or low in pii_rules.GIVEN_NAMES) and not word.isupper() and (
        low not in _OPENING and low not in _NOT_A_NAME and low not in _TRADE and low not in _common_words())


# ---- the answering person's name (session 32, fourth rule) -------------------------------------------------------
# words that a self-introduction cue may be followed by and that are no one's name ("this is regarding", "i'm sorry",
# "it's about", "saya mau") — the detector's greeting, function and everyday word lists are read too
_NOT_A_NAME = frozenset("""regarding about calling ringing just the a an your our my from with for going sorry fine good
great correct right okay ok sure here there back now still also not no yes really very so what how who we they it is
are was be being been to in on at of and or but that this these those all one two three four five six seven eight
nine ten please thanks thank welcome speaking customer service services support team care line desk centre center
bank mau bisa ada yang ini itu aku kami kita youre you're dapat boleh minta nak perlu tolong""".split())


def is_answering_name(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is the name find_answering_names finds (the detector's organisation filter lets it
    stand after the firm's words: "Maple Wireless Jean-François here")."""
    return _answering_name(text) == (start, end)


def find_answering_names(text: str) -> Iterator[tuple[str, int, int, float]]:
    """The answering person's name on the answering side's opening line: after its self-introduction cue ("this is
    Ruan", "ben burak", "saya aina") or before "speaking" / "here" / "vagyok" ("Darnell speaking")."""
    found = _answering_name(text)
    if found:
        yield "PERSON", found[0], found[1], 0.85


@functools.lru_cache(maxsize=4)  # one text at a time; a few, not many large ones, kept
def _answering_name(text: str) -> tuple[int, int] | None:
    """Where find_answering_names' name is, read once per text (the finder and the detector's organisation filter,
    which asks for each one-word PERSON span, both need it): on the transcript's first turn, whatever its label, or
    else on the first turn of a listed answering label."""
    for start, opening in _answering_lines(text):
        if not opening:
            continue
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        found = _name_on(text, start, end)
        if found:
            return found
    return None


def _name_on(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The answering person's name on the opening line text[start:end], if its introduction names one."""
    intro = _find_intro(text, start, end)
    if intro is None:
        return None
    name = text[intro.name[0]:intro.name[1]]
    low = name.lower()
    if low in _NOT_A_NAME or low in _TRADE or low in _common_words() or (name.isupper() and len(name) <= 4):
        return None  # "tu DNI": a short word in capitals is an acronym
    if not name[:1].isupper() and low not in pii_rules.GIVEN_NAMES and not (
            text[start:end].islower() and intro.strong and (intro.after or _AFTER_NAME.match(text, intro.name[1], end))):
        return None  # a lower-case word is no name unless we know it as one or a transcript's sure cue introduces it
    return intro.name


# cues that introduce nothing but a name ("it's", "i'm", "here" also say "it's a scam", "i'm calling", "network here")
_WEAK_CUES = frozenset("it's its it’s i'm im i’m i ici c'est c’est ni si met ini main here po".split()) | _LOOSE_CUES
# what may follow a lower-case name on the opening line: its end, a comma, a greeting or the offer of help
_AFTER_NAME = re.compile(r"[ \t]*(?:$|[,.!?;]|(?i:(?:how|what|can|may|ada|boleh|apa|kaise|nasıl|size|speaking|here|"
                         r"hapa|po|ji|la|lah|ya)(?![\w'’])))")


def _cue_words(intro: re.Match[str], at: int) -> list[str]:
    """The words of the cue that introduces the name."""
    cue = intro.group()[:intro.start(1) - intro.start()] if at == 1 else intro.group()[intro.end(2) - intro.start():]
    return cue.replace(",", " ").lower().split()


@functools.cache
def _common_words() -> frozenset[str]:
    """The detector's greetings, number words, function words and everyday words, and the rules' not-names, joined once
    (imported here, not at the top: the detector imports this module while it loads)."""
    from services.adapters.local import pii_presidio
    return pii_presidio.NOT_NAME_WORDS | pii_presidio.FUNCTION_WORDS | pii_presidio._S23_EVERYDAY | pii_rules.NOT_NAMES
