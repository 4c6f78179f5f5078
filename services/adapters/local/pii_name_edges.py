"""PERSON spans that run past a name, or hold no name at all, in chats, calls and code-mixed text (session 50,
candidate 50-5; issue 21).

The NER and the name finders take the words of a turn around a name, or instead of one, for part of it: greetings
("Halo Kak", "Hola señora"), honorifics and vocatives ("madam", "bhai", "ji", "mbak", "kuya", "habibi", "bwana"),
fillers ("noted", "haan", "achha", "yaar", "um") and the pronouns, verbs and function words of the turn ("I'm",
"maine", "se", "And", "saya", "ako"), in English and in the languages our chats mix (Hinglish and Urdu-English,
Indonesian and Malay, Taglish, Arabizi, Swahili, Spanish, Portuguese). By the labelling conventions
(tests/data/pii/build.py) honorifics and titles stay outside a name in every culture, so:

- such words at either edge of a PERSON span are cut off it ("usman bhai maine" → "usman", "Kak Rina" → "Rina",
  "Halo Kak Dewi" → "Dewi"); the words between the first and the last other word stay ("simran ji UPI se" →
  "simran ji UPI");
- a span made of such words only is dropped ("Halo Kak", "madam I'm", "sir. And", "Yaar maine"); a span of one word
  alone only where that word is no one's name in any culture we know (a greeting, a filler, a pronoun: "Halo",
  "noted"; never "Ji", "Pak", "Han", "So", which are surnames too).

Never touched: a span holding digits or letters our word pattern does not read (another script's marks), a span
longer than _LONGEST characters or of more than 8 words, the particles inside names ("de", "da", "di", "van", "bin",
"al", "el", "la"), words that are given names we know (pii_rules.GIVEN_NAMES: "Nina", "Tuan", "Rin") and the words of labelled names
("Asante", "Ng", "Lang", "Kok", "Bas", "Can", "Mere", "Hume"), the English titles (Mr, Mrs, Ms, Dr, Miss, Madame:
older labelled sets hold them inside a name), a few words that are surnames too counted only in lower case ("han",
"ho", "ko", "so", "ye", "do", "hu", "ki", "bang", "ji", "sa", "din", "po"). Every pattern is linear; at most CAP PERSON
spans a message are read.
"""

from __future__ import annotations

import re

from services.adapters.local import pii_chat_words, pii_rules
from services.models import PiiSpan

CAP = 64  # PERSON spans a message read at most
_LONGEST = 120  # a longer PERSON span is read as it is
_WORD = re.compile(r"[^\W\d_]{1,40}(?:['’-][^\W\d_]{1,40}){0,3}")
_OTHER = re.compile(r"[^\s.,;:!?¡¿'’\"()\[\]…-]")  # a character outside the words that is no space nor punctuation

# greetings, thanks and farewells
_GREETINGS = """hi hello hey hiya halo hallo helo hola buenas buenos olá oi alo allo salut bonjour bonsoir ciao salve
namaste namaskar salam salaam assalamualaikum marhaba ahlan habari jambo niaje kumusta kamusta selamat pagi siang sore
malam bye goodbye thanks thank terima kasih makasih shukriya gracias obrigado obrigada merci danke grazie dear good
morning afternoon evening días tarde tardes noches noite bom boa buongiorno buonasera buenasera moin servus tschüss
bonne journée karibu shukran yalla khalas inshallah wallah"""
# honorifics, titles and vocatives (titles stay outside a name)
_HONORIFICS = """sir madam ma'am maam mam kak kakak pak bapak bu ibu mbak mas abang dik
adik cik encik puan kuya ate manong manang po opo bhai bhaiya bhaiyya bhaiji didi ji jee sahab saab sahib baji apu
bhabhi behen yaar yar bro bruh bruv dude oga mama mzee bwana kaka ndugu señor senor señora senora
señorita doña senhor senhora sra srta habibi habibti ustaz aunty auntie uncle akka bey hanım hanim efendi abla sensei"""
# fillers and discourse words
_FILLERS = """um umm uh erm hmm ok okay okey oke noted yes yeah yep nope haan achha acha accha theek thik arre arey
oye lah lor leh naman eh alright well basically actually please pls plz kindly sorry oui non voilà bah euh alors
ja nein genau bitte prego allora ecco ehm boh sì bueno pues órale claro então né beleza sawa aywa sige kasi talaga"""
# pronouns, auxiliaries and function words of the turn (English, Hindi/Urdu, Malay/Indonesian, Tagalog, Spanish,
# Portuguese, Swahili)
_FUNCTION = """i'm i've i'll me my we our you you're your he she they it it's this that here there is am are was
be been have has had did not and or but with at in on of for from to the by as just also still already
maine mainey main mera meri mujhe humne aap aapka aapne tum ka ke ko se mein pe par hain tha ho kya nahi
nahin aur bhi wala yeh woh wo saya aku kami kita anda kamu dari ini itu mau minta tolong sudah udah belum tidak gak
nggak mohon dong deh sih nih sa ako ikaw siya ba din que los por para mi yo soy es estoy eu sou
meu minha você wewe tafadhali aapko aapki aapke aapse tumko tumhe tumhara tumhari hamara hamari hamare humara
humko mujhse unko usko isko unka uska iska unki uski iski apna apni apne yahan wahan phir fir aaj bisa boleh tadi
yung yangu wangu"""
# words that are surnames or given names too: edge words only in lower case
_LOWER_ONLY = frozenset("""han ho ko so ye do hu ki bang ya are ji mate were sa din po boss hoon mi log saamne wohi
wahi yahi since while want need dia hai""".split())
# titles a labelled name may hold (older sets): never cut off a span, but a span of these and edge words only goes
_INERT = frozenset("""mr mrs ms dr miss mister madame monsieur mademoiselle herr frau signora signore signor dott""".split())
# one-word spans dropped only when the word is no one's name anywhere
_NEVER_NAMES = frozenset((_GREETINGS + " " + _FILLERS + " " + _FUNCTION).split()) - {"dear", "good", "salam"}
_NOT_EDGES = frozenset("de da di del della van von der den bin binti bint ibn al el la le dos das du mac ter ten".split())


def _edges() -> frozenset[str]:
    words = set((_GREETINGS + " " + _HONORIFICS + " " + _FILLERS + " " + _FUNCTION).split()) | _LOWER_ONLY
    return frozenset(w for w in words if w not in pii_rules.GIVEN_NAMES and w not in _NOT_EDGES)


_EDGES = _edges()


def _edge(word: str) -> bool:
    low = word.lower().replace("’", "'")
    if low in _LOWER_ONLY:
        return word.islower()
    return low in _EDGES


def _trimmed(text: str, span: PiiSpan) -> tuple[int, int] | None:
    """The span cut to its name (its words from the first to the last that is no edge word), (-1, -1) when it holds
    edge words only and may go, None when it is read as it is."""
    value = text[span.start:span.end]
    if len(value) > _LONGEST or any(c.isdigit() for c in value):
        return None
    words = list(_WORD.finditer(text, span.start, span.end))
    if not words or len(words) > 8:
        return None
    rest = _WORD.sub(" ", value)
    if _OTHER.search(rest):  # letters the pattern does not read (marks of another script), symbols
        return None
    edges = [_edge(w.group()) for w in words]
    inert = [w.group().lower().rstrip(".") in _INERT for w in words]
    if all(e or i for e, i in zip(edges, inert, strict=True)) and not all(inert):  # "Bonjour Madame", "hi Mr"
        return -1, -1
    if all(edges):
        if len(words) == 1 and words[0].group().lower().replace("’", "'") not in _NEVER_NAMES:
            return None
        return -1, -1
    first = edges.index(False)
    last = len(edges) - 1 - edges[::-1].index(False)
    if first == 0 and last == len(words) - 1:
        return None
    return words[first].start(), words[last].end()


def trim_name_edges(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """The spans with their PERSON spans cut to the name they hold (greetings, honorifics, fillers, the turn's
    pronouns and verbs off their edges), and without the PERSON spans holding such words only."""
    if not any(s.kind == "PERSON" for s in spans):
        return spans
    out: list[PiiSpan] = []
    read = 0
    for s in spans:
        if s.kind != "PERSON" or read >= CAP:
            out.append(s)
            continue
        read += 1
        cut = _trimmed(text, s)
        if cut is None:
            out.append(s)
        elif cut[0] >= 0:
            kept = PiiSpan(s.kind, cut[0], cut[1], s.score)
            out += pii_chat_words.without_chat_words(text, [kept])  # what is left may be chat words only
    return out
