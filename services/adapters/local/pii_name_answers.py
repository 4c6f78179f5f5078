"""The caller's name given in answer to the agent's name question (session 36, candidate 36-2; issue 21).

An agent asks for a name ("your name?", "full name please", "at pangalan po?", "nama sesuai kartu?", "anh tên gì ạ",
"jina lako?", "¿me dice su nombre?", "wie ist Ihr Name", "nome completo?", "adınız soyadınız?", "आपका नाम?", "اسمك؟",
"who am I speaking with") and the caller's next turn gives it: "caller: yeah it's maria dos santos", "tumatawag:
kristine joy santos po", "pelanggan: bambang setiawan", "khách hàng: trần văn minh", "mteja: baraka otieno, tano
machi …", "cliente: oi thaís, é o fernando ribeiro". The name finders missed the lower-case ones and read "ma." or
"mohd." as the end of a name.

:func:`find_name_answers` (a finder of ``pii_rules.find_all``) proposes, as a PERSON, the name's words on the next
line after a line that asks for a name:

- the question: a line (after its speaker's label, perhaps a time stamp) whose last sentence holds a word for "name"
  in the languages our calls mix (or "who am I speaking with" and its kin), not said of a thing ("company name", "the
  name of the street") nor of the speaker's own name ("my name is Tanya");
- the answer: the next line, another speaker's turn (a different label; or, in a chat without labels, a short line
  after a line ending in a question mark). Fillers, greetings (and the agent's own name greeted back), "it's", "my
  name is" and their kin, titles and honorifics ("mister", "po", "ji", "mbak", "sir") stay outside;
- the name: one to five words of one case (particles "de", "dela", "dos", "bin", "binti", "van" inside, "ma." and an
  initial with its dot inside), ended by the turn's end, punctuation, a digit, a spelling that follows ("n o w a k"),
  a polite particle or a word that follows a name ("po", "ji", "im", "that's", "and"); never a firm's or a place's
  word, a number word, a "yes" / "no" or a plain word of the languages' function-word lists. A second name joined by
  "and" / "or" ("graham and lyn hutchins") and the same name said again after a comma ("bernadette, bernadette
  o'hagan"), or a name after the spelling of the first ("Duval, D U V A L, Pierre") are spans of their own.

The spelled letters are not proposed here (by the conventions they are their own span).
:func:`is_answered_name` tells the learned PERSON check (``pii_person_check``) and the detector's title-case
headline filter ("Duval, D U V A L, Pierre" reads as a headline) to keep such a span; :func:`with_answered_names` (a
filter of the detector's ``_never_names``) cuts another finder's span over the name and the answer's fillers or
polite particles ("jericho mañalac po", "ramon, ramon") to the name(s) it holds.

Plain Python over one line pair; the patterns are anchored and bounded (linear).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from services.adapters.local import pii_answering, pii_found, pii_given_names, pii_rules, pii_script_name_cues
from services.models import PiiSpan

CAP = 24  # names a message at most
_SCORE = 0.85
_MAX_LINES = 600  # a long paste is read for its first lines only
_MAX_LINE = 400  # a question or an answer longer than this is no turn of a call
_MAX_WORDS = 5

# a speaker's label at a line's start, perhaps after a time stamp: "agent:", "[00:01:12] Speaker 2:", "tổng đài viên:"
SPEAKER_LABEL = re.compile(r"[ \t]{0,4}(?:\[[^\]\n]{1,24}\][ \t]{0,2}|\(?\d{1,2}:\d{2}(?::\d{2})?\)?[ \t]{1,2})?"
                    r"([^\W\d_][^\s:：]{0,24}(?:[ \t][^\s:：]{1,24}){0,2})[ \t]{0,2}[:：](?=[ \t]|$)")
# a word for "name" in the languages our calls mix (Latin script); the other scripts' are pii_script_name_cues'
_NAME_WORD = re.compile(
    r"(?i)(?<![\w'’])(?:(?:full|first|last|family|maiden|middle|given|christian|sur|fore|nick)?[ \t]?names?|surname|"
    r"forename|nombres?|apellidos?|nom|noms|prénoms?|prenoms?|nachnamens?|vornamens?|namens?|familienname|nome|"
    r"nomi|cognome|sobrenome|naam|achternaam|voornaam|nama|pangalan|ngalan|tên|jina|majina|ad[ıi]n[ıi]z[ıi]?|"
    r"ad[ıi]n|soyad[ıi]n[ıi]z[ıi]?|soyad[ıi]|ad[ıi][ \t]soyad[ıi]|isminiz[ıi]?|ismin|imi[ęe]|nazwisko|jm[ée]no|"
    r"p[řr][íi]jmen[íi]|priezvisko|n[ée]v|nev[ée]t|numele|nume|prenume|ime|prezime|navn|namn|efternamn|nimi|"
    r"sukunimi|ismu?k|esmak|smiytek|smitek|smitk)(?![\w'’])")
# "who am I speaking with" and its kin: the question is for a name without the word
_WHO = re.compile(
    r"(?i)(?<![\w'’])(?:who[ \t]am[ \t]i[ \t](?:speaking|talking|chatting)[ \t](?:with|to)|who['’]?s[ \t]calling|who[ \t]is"
    r"[ \t]calling|who[ \t]is[ \t]this|con[ \t]qui[ée]n[ \t](?:hablo|tengo[ \t]el[ \t]gusto|estoy[ \t]hablando)|"
    r"com[ \t]quem[ \t](?:eu[ \t])?(?:falo|estou[ \t]falando)|em[ \t]nome[ \t]de[ \t]quem|a[ \t]nombre[ \t]de[ \t]"
    r"qui[ée]n|à[ \t]qui[ \t]ai-je|qui[ \t]est[ \t]à[ \t]l['’]appareil|mit[ \t]wem[ \t]spreche[ \t]ich|wer[ \t]"
    r"spricht|con[ \t]chi[ \t]parlo|met[ \t]wie[ \t]spreek[ \t]ik|dengan[ \t](?:siapa|bapak[ \t]siapa|ibu[ \t]siapa)|"
    r"sino[ \t]po[ \t](?:sila|ito|ang[ \t]kausap)|ninaongea[ \t]na[ \t]nani|kiminle[ \t]görüşüyorum|aap[ \t]kaun|"
    r"kaun[ \t]bol)(?![\w'’])|اسم(?:ك|كم|ه|ها)(?![\u0621-\u064a])")
# a name's word said of a thing, not a person: "company name", "the name of the street", "nombre de la empresa"
_THINGS = frozenset("""company business firm employer shop store street road product user pet dog cat town city
village hotel school bank file app website site device network wifi wi-fi model brand plan account's medication
medicine drug item package course program programme team group page channel restaurant building estate project domain
event empresa compañía compania negocio tienda calle ciudad producto mascota perro gato escuela hotel banco archivo
usuario entreprise société societe rue ville produit fichier utilisateur firma straße strasse stadt produkt datei
benutzer hund katze empresa rua cidade produto arquivo usuário azienda società via città prodotto utente bedrijf
straat stad gebruiker perusahaan toko jalan kota produk pengguna kumpanya kalye negosyo kampuni mtaa""".split())
_THING_GLUE = frozenset("of the del de la do da della di des du der van dari ng ya la".split())
# the speaker's own name: "my name is Tanya", "meu nome é Thaís", "mi nombre es", "nama saya"
_OWN = frozenset("""my mi meu minha mon ma mein meine mijn mio moje mé môj benim mera meri mero tôi em""".split())
_COPULAS = frozenset("is was es era est ist war é è ni là adalah ay".split())
_OWN_AFTER = frozenset("saya aku ko yangu langu".split())

# the answer's opening words that are no name: fillers, greetings, "it's", "my name is", titles and honorifics, kin
_FILLERS = frozenset("""yes yeah yep yup yea ya ja jo jep sure ok okay okey right um uh er erm ehm eh ah oh well so hi
hello hey hiya oi olá ola hola alo aló allo allô buenas buenos bom boa dia tarde noite tardes días dias noches bonjour
bonsoir hallo salut guten tag morgen abend sí si sim oui claro it it's its it’s is this that's thats that’s name name's
names nombre nome nom naam nama jina pangalan tên full my mi meu minha mon mein mijn mio the i'm im i’m am es
soy me llamo llamo chamo chamo-me chiamo heiße heisse ich bin ik ben het c'est c’est est je m'appelle moi suis yo eu sou
é è con com mit met under sorry pardon uh-huh mhm hmm po opo oo ho ako si ang ay ko saya aku iya dengan atas
tôi em tên là dạ vâng ạ chị anh mình langu ni mimi naitwa ndio ndiyo ndiyo sawa evet adım ismim benim haan han ji
mera meri naam hai de del of mister mr mrs ms miss mx dr doctor sir madam maam ma'am ma’am señor señora senor senora sr sra srta
dona doña seu herr frau monsieur madame mme mlle signor signora sig encik puan cik tuan bapak pak ibu bu mbak mas kak
kuya ate bwana bi bey hanım hanim """.split())
# kin words: skipped after "my", "mi", "mon", "late" ("de mi suegra, Remedios …", "mon père")
_KIN = frozenset("""husband wife son daughter mum mom mother dad father esposo esposa marido mujer hijo
hija mamá papá filho filha mãe pai mari femme fils fille mann frau sohn tochter suegra suegro abuela
abuelo tía tío tia tio hermana hermano prima primo nieta nieto cuñada cuñado novia novio pareja sogra sogro avó avô
irmã irmão grandma grandmother grandpa grandfather aunt uncle sister brother cousin partner boyfriend
girlfriend mother-in-law father-in-law stepmother stepfather step mère père sœur frère oma opa mutter vater schwester
bruder madre padre sorella fratello nonna nonno""".split())
_KIN_OWNERS = frozenset("my mi mon ma mein meine meu minha mijn his her our late".split())
# what may follow a name: a polite particle, an honorific, a conjunction, a word that goes on about the name
_AFTER = frozenset("""po ho ji jee sir maam ma'am ma’am madam mam please pls plz thanks thank thankyou salamat hai hain
hoon hu hun here hier speaking aqui aquí ici qui im i'm i’m i but pero mas ma and or y e et und en na au ou o that's
thats that’s that with con com mit met avec from ạ à nhé yan lang ya yeah yes sorry actually again also jr sr ok okay
is was es é ist è my his her the for in on at who kak pak bu mbak mas encik bhai sahab saab bwana kuya ate ate ng
spelled spelt spelling as like surname apellido apellidos nachname cognome sobrenome nom prénom first last, also
bitte por favor s'il svp dear right correct señor señora senhor senhora""".split())
_POLITE = frozenset("""po ho ji jee sir maam ma'am ma’am madam mam please pls plz thanks thank salamat hai hain here
hier speaking aqui aquí ici im i'm i’m that's thats that’s ạ à nhé yan lang kak pak bu mbak mas encik bhai sahab saab
bwana kuya ate jr sr spelled spelt spelling surname and or y e et und en na ou o but pero mas aber mais""".split())
# the words that name the part of a name said next: "…, surname o'driscoll", "y apellidos ibarra"
_PART_CUES = frozenset("""surname last first family given middle name names apellido apellidos nombre nombres
nachname vorname cognome nome sobrenome nom prénom prenom naam achternaam voornaam y and e et und tapos then""".split())
_JOIN = frozenset("and or y e et und en na & ou o".split())
# words inside a name that join its parts
_PARTICLES = frozenset("""de da do dos das del dela della delos de-la di du la le van von der den ter ten te bin binti
binte bint ibn abu al el nic ni mac mc ó ua st san santa""".split())
# words a caller says in that turn that are no name
_NOT = frozenset("""no nope nah not none nobody yes yeah sure what which who whose why where when how hold wait hang
one moment minute second sec sorry pardon same mine myself me you it that this there here just okay ok right correct
exactly both all unknown nothing dunno idk check let look see think know guess account card number phone email address
perdón perdon qué que cómo como mande espera momento claro nada nadie quoi comment attendez rien personne wie bitte
was moment nein nichts niemand desculpa nada ninguém sandali ano wala hindi tunggu sebentar maaf apa bukan tidak
subiri ngoja nini hapana samahani nani hayır yok kya nahi nahin what's whats course certainly absolutely
definitely great perfect lovely fine good nice cool alright brilliant excellent wonderful noted understood got gotcha
hmm hm apologies unfortunately really seriously whatever anything everything something""".split())
_LETTER_WORDS = frozenset("""double triple space hyphen dash apostrophe fada umlaut accent""".split())
_TOKEN = re.compile(r"\S+")
_EDGE_PUNCT = "¿¡\"'“”‘’«»()[]{}<>*"
_END_PUNCT = ",;:!?.…)]}\"'”’»"


@functools.cache
def _lists() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """Given names we know; plain words (not-names, function words); places; firms' words."""
    given = pii_rules.GIVEN_NAMES
    plain = (pii_rules.NOT_NAMES | pii_given_names.FUNCTION_WORDS | _NOT | _LETTER_WORDS | pii_rules.ENGLISH_DIGIT_WORDS
             | frozenset(pii_rules._S20_NUMBER_WORDS)) - given
    firms = frozenset(pii_rules.COMPANY_SUFFIXES) | pii_answering._TRADE
    return given, plain, frozenset(pii_rules.PLACE_WORDS), firms


def _label(line: str) -> tuple[str, int]:
    """The speaker's label of a line (lower case, "" when none) and where its text starts."""
    m = SPEAKER_LABEL.match(line)
    if not m:
        return "", 0
    return m.group(1).lower(), m.end()


def _asks_name(said: str) -> bool:
    """Whether a turn's last sentence asks for a name (the module's docstring)."""
    said = said.rstrip(" \t\r")
    if not said or len(said) > _MAX_LINE:
        return False
    cut = max((m.end() for m in re.finditer(r"[.!](?=[ \t])", said)), default=0)
    last = said[cut:]
    if _WHO.search(last):
        return True
    if pii_script_name_cues._ASK_NAME.search(last):
        return True
    found = False
    for m in _NAME_WORD.finditer(last):
        before = re.findall(r"[^\W\d_][\w'’-]*", last[max(0, m.start() - 30):m.start()])
        after = re.findall(r"[^\W\d_][\w'’-]*", last[m.end():m.end() + 40])
        prev = before[-1].lower() if before else ""
        if prev in _OWN or (after and after[0].lower() in _OWN_AFTER):
            # "my name is Tanya": the speaker's own, unless the sentence asks on ("… who am I speaking with")
            if after[:1] and after[0].lower() in ("is", "es", "é", "ist", "est", "è", "ni", "là", "adalah"):
                return False
            if after and after[0].lower() in _OWN_AFTER and len(after) > 1:
                return False
            continue
        if after and after[0].lower() in _COPULAS and not last.endswith(("?", "؟")):
            continue  # "his name was Troy", "naam Anil": a statement
        if len(after) > 1 and after[0].lower() in _THING_GLUE and after[1][:1].isupper() and after[1].lower() not in _THINGS:
            continue  # "c'est au nom de Hatem Jlassi?": the name is said, not asked for
        if prev in _THINGS or (prev.endswith(("'s", "’s")) and prev[:-2] in _THINGS):
            continue
        if after and (after[0].lower() in _THINGS or (
                after[0].lower() in _THING_GLUE and any(w.lower() in _THINGS for w in after[1:4]))):
            continue
        found = True
    return found


def _tokens(line: str, base: int) -> list[tuple[int, int, str]]:
    """The line's tokens (start, end, text): words with their leading and trailing marks split off."""
    out: list[tuple[int, int, str]] = []
    for m in _TOKEN.finditer(line):
        a, b = m.start(), m.end()
        while a < b and line[a] in _EDGE_PUNCT:
            out.append((base + a, base + a + 1, line[a]))
            a += 1
        tail: list[tuple[int, int, str]] = []
        while b > a and line[b - 1] in _END_PUNCT:
            if line[b - 1] in "'’" and b - 1 > a and line[b - 2].isalpha() and line[a:b - 1].lower().endswith("s"):
                break  # "Williams'"
            tail.append((base + b - 1, base + b, line[b - 1]))
            b -= 1
        if a < b:
            out.append((base + a, base + b, line[a:b]))
        out.extend(reversed(tail))
    return out


def _is_word(token: str) -> bool:
    return token.replace("-", "").replace("'", "").replace("’", "").isalpha()


def _spelled_at(tokens: list[tuple[int, int, str]], i: int) -> bool:
    """Whether a spelling starts at token i: two single letters or more ("n o w a k", "b-a-u"), a letter said with its
    spelling word ("N wie Nordpol", "b as in boy"), or a letter word ("double", "apostrophe")."""
    if i >= len(tokens):
        return False
    text = tokens[i][2]
    low = text.lower()
    if low in _LETTER_WORDS:
        return True
    if re.fullmatch(r"(?:[^\W\d_]-){2,}[^\W\d_]", text):
        return True
    if len(text) == 1 and text.isalpha():
        nxt = tokens[i + 1][2].lower() if i + 1 < len(tokens) else ""
        if len(nxt) == 1 and nxt.isalpha() or nxt in (",", "-"):
            return True
        if nxt in ("wie", "comme", "come", "como", "de", "for", "as", "jak", "kao", "like", "voor"):
            return True
    return False


def _name_run(tokens: list[tuple[int, int, str]], i: int, line: str, base: int, upper_line: bool
              ) -> tuple[int, int, int] | None:
    """The name's words from token i: (start, end, the index after them), or None when no name opens there or the
    run does not end as a name does."""
    given, plain, places, firms = _lists()
    words: list[int] = []
    case = ""
    j = i
    while j < len(tokens) and len(words) < _MAX_WORDS + 3:
        start, end, text = tokens[j]
        low = text.lower()
        if not _is_word(text):
            break
        # "ma. cristina", "mohd. imran", "jerico p. navarro": a short word and its dot inside the name
        dotted = (j + 2 < len(tokens) and tokens[j + 1][2] == "." and tokens[j + 1][0] == end
                  and len(text) <= 4 and _is_word(tokens[j + 2][2]) and len(tokens[j + 2][2]) > 1)
        if len(text) == 1 and not dotted:
            # initials inside a name: one or two letters before a word ("a k adeyemi", "jerico p navarro"); a longer
            # run of letters is a spelling, its own span
            k = j
            while k < len(tokens) and len(tokens[k][2]) == 1 and tokens[k][2].isalpha() and k - j < 3:
                k += 1
            if k - j > 2 or k >= len(tokens) or not (_is_word(tokens[k][2]) and len(tokens[k][2]) > 1) or (
                    tokens[k][2].lower() in _AFTER or tokens[k][2].lower() in plain or _spelled_at(tokens, k)):
                break
        if low in _PARTICLES and words:
            if j + 1 < len(tokens) and _is_word(tokens[j + 1][2]) and tokens[j + 1][2].lower() not in _AFTER:
                j += 1
                continue
            break
        this = "u" if upper_line else ("l" if text.islower() else ("c" if text[:1].isupper() else "x"))
        if this == "x" or (case and this != case and len(text) > 1):
            break
        if len(text) == 1:
            pass  # an initial (checked above)
        elif not words:
            if low in plain or low in _FILLERS and low not in given or low in _PARTICLES:
                return None
        elif low in _AFTER or low in plain and low not in given:
            break
        case = case or this
        words.append(j)
        j += 3 if dotted else 1
        if dotted:
            words.append(j - 1)
    named = [w for w in words if len(tokens[w][2]) > 1]
    if not named or len(named) > _MAX_WORDS:
        return None
    lows = [tokens[w][2].lower() for w in named]
    if any(w in firms for w in lows) or all(w in places and w not in given for w in lows):
        return None
    if len(lows) == 1 and case == "l" and lows[0] not in given and len(lows[0]) < 4:
        return None
    # how the name ends: the turn's end, a mark, a digit, a spelling, a word that follows a name (after a lower-case
    # name we do not know, only a polite particle or a conjunction: "hang on let me check" is no name)
    if j < len(tokens):
        text = tokens[j][2]
        low = text.lower()
        after = _AFTER if case != "l" or any(w in given for w in lows) else _POLITE
        if text in ("?", "؟", "？"):
            return None  # a question back
        if not (text in ("..", "...", "…") or text[:1] in _END_PUNCT or text[:1] in "-–—/(" or any(
                c.isdigit() for c in text) or low in after or _spelled_at(tokens, j) or low in _LETTER_WORDS):
            return None
    return tokens[words[0]][0], tokens[words[-1]][1], j


def _answer(line: str, base: int, question: str) -> Iterator[tuple[int, int]]:
    """The names an answer's turn gives (the module's docstring)."""
    tokens = _tokens(line, base)
    if not tokens:
        return
    letters = [c for c in line if c.isalpha()]
    upper_line = len(letters) > 3 and all(c.isupper() for c in letters)
    asked = {w.lower() for w in re.findall(r"[^\W\d_][\w'’-]*", question)}
    given = _lists()[0]
    i = 0
    greeted = False
    # the opening: fillers, marks, the agent's own name greeted back ("oi thaís, é o fernando")
    while i < len(tokens) and i < 12:
        text = tokens[i][2]
        low = text.lower()
        prev = tokens[i - 1][2].lower() if i else ""
        nxt = tokens[i + 1][2].lower() if i + 1 < len(tokens) else ""
        if low in _FILLERS and low in given and not (nxt in _FILLERS or nxt in _END_PUNCT):
            break  # "anh thu tran", "ben carter": a given name, not the pronoun
        if low in _FILLERS or all(not c.isalnum() for c in text) or (low in _KIN and prev in _KIN_OWNERS) or (
                low in ("a", "o") and prev in ("é", "e", "sou", "aqui", "com", "con")) or (low == "i" and nxt == "am"):
            greeted = greeted or low in ("hi", "hello", "hey", "oi", "olá", "ola", "hola", "bonjour", "hallo", "tarde",
                                         "dia", "noite", "tardes", "días", "dias", "noches", "morning", "afternoon")
            i += 1
            continue
        if greeted and low in asked and low not in _FILLERS and i + 1 < len(tokens) and (
                tokens[i + 1][2] in (",", ".") or tokens[i + 1][2].lower() in _FILLERS):
            i += 1  # the agent's name greeted back
            greeted = False
            continue
        break
    first = _name_run(tokens, i, line, base, upper_line)
    if first is None:
        return
    yield first[0], first[1]
    names = set(line[first[0] - base:first[1] - base].lower().split())
    j = first[2]
    found = 1
    spelled = False
    while j < len(tokens) and found < 4:
        text = tokens[j][2]
        low = text.lower()
        if low in _JOIN and j + 1 < len(tokens) and not _spelled_at(tokens, j) and not _spelled_at(tokens, j + 1):
            # "graham and lyn hutchins", "tasha or marquis"
            run = _name_run(tokens, j + 1, line, base, upper_line)
            if run is None:
                return
            yield run[0], run[1]
            found, j = found + 1, run[2]
            continue
        if text == ",":
            j += 1
            if _spelled_at(tokens, j):
                spelled = True
                while j < len(tokens) and tokens[j][2] != "," or (
                        j < len(tokens) and tokens[j][2] == "," and _spelled_at(tokens, j + 1)):
                    j += 1
                continue
            cued = False
            while j < len(tokens) and tokens[j][2].lower() in _PART_CUES:  # "…, surname o'driscoll", "y apellidos …"
                cued = cued or tokens[j][2].lower() not in ("y", "and", "e", "et", "und", "tapos", "then")
                j += 1
            run = _name_run(tokens, j, line, base, upper_line)
            if run is None:
                return
            words = set(line[run[0] - base:run[1] - base].lower().split())
            end_ok = run[2] >= len(tokens) or tokens[run[2]][2] in (",", ".", "...", "…") or _spelled_at(tokens, run[2])
            if end_ok and (words & names or spelled or cued):
                yield run[0], run[1]
                found, j = found + 1, run[2]
                continue
            return
        return


def _answers(text: str) -> Iterator[tuple[int, int]]:
    if "\n" not in text:
        return
    lines = text.split("\n")[:_MAX_LINES]
    at = 0
    for k, line in enumerate(lines[:-1]):
        nxt_at = at + len(line) + 1
        nxt = lines[k + 1]
        if len(line) <= _MAX_LINE and len(nxt) <= _MAX_LINE and nxt.strip():
            label, said_at = _label(line)
            answer_label, answer_at = _label(nxt)
            if label and answer_label and label != answer_label and not _NAME_WORD.fullmatch(answer_label.strip()) \
                    and not pii_answering.ANSWERING_SPEAKER.match(nxt):  # the agent's own name is another rule's
                ok = _asks_name(line[said_at:])
            elif not label and not answer_label:
                ok = line.rstrip().endswith(("?", "؟", "？")) and len(nxt.strip()) <= 60 and _asks_name(line)
            else:
                ok = False
            if ok:
                yield from _answer(nxt[answer_at:], nxt_at + answer_at, line[said_at:])
        at = nxt_at


def find_name_answers(text: str) -> Iterator[tuple[str, int, int, float]]:
    """The names of the module's docstring, at most CAP, each once."""
    yield from pii_found.unique_persons(_answers(text), CAP, _SCORE)


@functools.lru_cache(maxsize=64)
def _found(text: str) -> frozenset[tuple[int, int]]:
    return frozenset((start, end) for _, start, end, _ in find_name_answers(text))


def is_answered_name(text: str, start: int, end: int) -> bool:
    """Whether [start, end) lies within a name this module finds (for the PERSON check to keep)."""
    if "\n" not in text:
        return False
    return any(a <= start and end <= b for a, b in _found(text))


def with_answered_names(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """The spans with a PERSON span that holds an answered name and, around it, only the answer's fillers, titles,
    polite particles and marks ("jericho mañalac po", "ramon, ramon") cut to the name(s) it holds (a filter of the
    detector's ``_never_names``, before the filters that drop a lower-case span over a particle)."""
    if "\n" not in text or not any(s.kind == "PERSON" for s in spans):
        return spans
    found = sorted(_found(text))
    if not found:
        return spans
    out: list[PiiSpan] = []
    for span in spans:
        inner = [(a, b) for a, b in found if span.start <= a and b <= span.end] if span.kind == "PERSON" else []
        if inner and inner != [(span.start, span.end)] and _only_fillers(text, span, inner):
            out.extend(PiiSpan("PERSON", a, b, span.score) for a, b in inner)
        else:
            out.append(span)
    return out


def _only_fillers(text: str, span: PiiSpan, inner: list[tuple[int, int]]) -> bool:
    """Whether the span's text outside the inner spans is only fillers, titles, polite particles and marks."""
    at = span.start
    rest: list[str] = []
    for a, b in inner:
        if a < at:
            return False  # overlapping names
        rest.append(text[at:a])
        at = b
    rest.append(text[at:span.end])
    outside = " ".join(rest)
    if "\n" in outside:
        return False
    words = re.findall(r"[^\W\d_][\w'’-]*|\d", outside)
    return all(w.lower() in _FILLERS or w.lower() in _POLITE for w in words)
