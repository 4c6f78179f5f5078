"""First names we know, written with a capital (session 31, issue 21; docs/security.md "Session 31").

The name tagger and the rules miss a first name that no cue introduces: a sign-off after a dash ("Obrigado! Diogo –
Armazém Alverca"), a name in passing ("The plumber you sent, Shane, was lovely"), a name after a word of another
language ("saya Siti", "soy Gonzalo"). Here: a capitalised word that is a given name we know (pii_rules.GIVEN_NAMES,
which holds no word-name such as Grace or Will), with the capitalised surname after it when one follows, is a PERSON —
except where its context makes it another thing's name: a legal form or a trade word after it ("Kaur & Sons",
"Victoria Island", "Lewis Plumbing", "Carolina Gas"), a saint's or a place's prefix before it ("St Mary's", "San
Pedro", "Lake Louise"), a possessive ("Wendy's"), a digit after it ("Jan 12"), inside an e-mail, a handle or a link,
or one of the given names that are also places, brands and assistants (Paris, Victoria, Alexa, Mercedes); never in a
headline, where most words start with a capital.

Linear: one regex pass over the text.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from pathlib import Path

from services.adapters.local import pii_rules

Found = tuple[str, int, int, float]

CAP = 24
_WORD = r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{1,20}"
_FIRST = re.compile(rf"(?<![\w@.'’/#&-]){_WORD}(?![\w@'’-]|\.\w)")
_SURNAME = re.compile(rf"[ \t]({_WORD}(?:-{_WORD})?)(?![\w@'’-]|\.\w)")
_PREFIX = re.compile(
    r"(?i:\b(?:st|st\.|saint|sainte|santa|santo|san|são|sao|mount|mt|lake|port|fort|cape|bad|villa|hotel|restaurant|"
    r"caf[ée]|club|team|casa|camp|hospital|clinic|hurricane|storm|typhoon|cyclone|queen|king|prince|princess|lady|"
    r"sir|dame|lord|princesa|pr[ií]ncipe|rey|reina|avenida|av|rua|calle|via|rue|boulevard|blvd|plaza|pra[çc]a|"
    r"colonia|barrio|jalan|jl|kampung|barangay|brgy|project|operation|model|version|hms|uss)\.?[ \t]{1,2})$")
_AFTER = re.compile(
    r"(?i:[ \t]{0,2}(?:&|\+|and[ \t]sons?|und[ \t]s[öo]hne|e[ \t]figli|y[ \t]hijos|i[ \t]synowie|et[ \t]fils)|"
    r"['’]s\b|[ \t]?\d|"
    r"[ \t](?:ltd|limited|llc|llp|inc|plc|corp|co\.?|company|gmbh|ag|kg|ug|bv|b\.v|nv|n\.v|sa|s\.a|sas|sarl|srl|s\.r\.l|"
    r"spa|s\.p\.a|sl|s\.l|lda|ab|as|a/s|aps|oy|oyj|s\.r\.o|sp\.?|pty|pte|bhd|sdn|tbk|group|holdings|partners|"
    r"consulting|services|solutions|logistics|transport\w*|plumbing|electrical|electric|electronics|gas|energy|"
    r"water|motors?|auto\w*|garage|bakery|pharmacy|farmacia|apotheke|foods?|kitchen|caf[ée]|restaurant|bar|pub|"
    r"hotel|inn|lodge|house|homes?|estates?|lettings|realty|properties|insurance|brokers|bank|capital|finance|"
    r"telco|telecom|mobile|fibre|fiber|media|studio|studios|salon|spa|clinic|dental|hospital|medical|health|care|"
    r"school|college|university|academy|institute|church|cathedral|chapel|street|st|road|rd|avenue|ave|lane|ln|"
    r"drive|dr|close|court|crescent|way|place|square|sq|park|gardens?|hill|island|bridge|station|airport|centre|"
    r"center|mall|plaza|market|tower|towers|hall|beach|bay|valley|county|city|town|river|lake|mountain|bau\w*|"
    r"elektro\w*|haustechnik|straße|strasse|str\.?|weg|platz|gasse|allee|laan|straat|plein|gracht|kade|"
    r"store|stores|shop|boutique|market|supermarket|express|airways|airlines|air|cargo|courier|delivery|design|designs|"
    r"surveyors|architects|associates|engineering|construction|builders|joinery|roofing|cleaning|catering|events|"
    r"travel|tours|photography|printing|print|signs|legal|law|solicitors|accountants|accounting|opticians?|vets|"
    r"veterinary|removals|storage|hire|rentals|"
    r"software|systems|technologies|tech|labs|digital|games|gaming|studios|records|press|books|fund|foundation|"
    r"trust|association|society|council|fc|united|city)\b)")
# a firm's name after a surname: a legal form or a trade word (the _AFTER words less the possessive and a digit), or
# "&" and a capitalised word that is no given name ("Marsh & Tillot", not "Tobias & Mira") — read by the detector's
# session-31 firm filter
FIRM_AFTER = re.compile(_AFTER.pattern.replace(r"['’]s\b|[ \t]?\d|", "", 1)
                        .replace(r"[ \t]{0,2}(?:&|\+|", r"[ \t]{0,2}(?:&[ \t]{0,2}(?:co\b|sons?\b|partners?\b)|", 1))
_AMPERSAND_NAME = re.compile(r"[ \t]{0,2}&[ \t]{0,2}(" + _WORD + r")\b")


def firm_after(text: str, end: int) -> bool:
    """A firm's name goes on after ``end``: a legal form, a trade word, "& Co", or "&" and a capitalised word that is
    no given name we know, with a legal form or a trade word within three words after it."""
    at = end
    while at < len(text) and at - end < 2 and text[at] in " \t":
        at += 1
    if at >= len(text) or not (text[at].isupper() or text[at] in "&+"):
        return False  # "Graham Pell as a named driver": a firm's word is written with its capital
    if FIRM_AFTER.match(text, end):
        return True
    amp = _AMPERSAND_NAME.match(text, end)
    if not amp or _given(amp.group(1)):
        return False
    at = amp.end()
    for _ in range(3):  # "Marsh & Tillot Solicitors", "Åkesson & Lind Redovisning AB": a trade or legal word follows
        if FIRM_AFTER.match(text, at):
            return True
        nxt = _SURNAME.match(text, at)
        if not nxt:
            return False
        at = nxt.end()
    return False


# given names that are also places, brands, products and voice assistants
_NOT_HERE = frozenset("""paris florence georgia austin jordan chelsea sydney adelaide victoria regina savannah
charlotte madison phoenix houston dallas orlando lincoln jackson lourdes santiago valencia alexandria carolina
virginia salvador trinidad aurora lorraine augusta elizabeth hamilton wellington kingston winston alexa siri cortana
mercedes tesla chanel dior ruby julia ada dakota brooklyn india asia africa america china kenya israel shannon naa
xin zain tala indra""".split())
# a product's, a pet's or a firm's name: after a determiner ("the Oscar robot vacuum", "my Maya upgrade"), a pet's
# word ("mi perro Toby"), "de"/"di" ("el certificado de Indra"); before a product's noun ("Tala app", "Mia buggy")
_DETERMINER = re.compile(r"(?i:\b(?:the|a|an|my|your|our|his|her|their|this|that|these|those|el|la|los|las|le|les|"
                         r"der|die|das|dem|den|il|lo|o|os|as|mi|tu|su|mon|ma|mes|mein|meine|de|di|da|du|del|dos|das|"
                         r"von|van|dog|cat|puppy|kitten|pet|perro|perra|gato|gata|chien|chienne|chat|hund|katze|cane|"
                         r"gatto|cachorro|cachorra)[ \t])$")
_PRODUCT_AFTER = re.compile(
    r"[ \t](?:app|robot|vacuum|hoover|bag|handbag|set|buggy|pram|stroller|sofa|couch|chair|table|bed|mattress|lamp|"
    r"dress|jacket|coat|shoes|boots|bottle|tumbler|quencher|mug|cup|kettle|blender|toaster|console|headphones|"
    r"speaker|upgrade|plan|bundle|package|promo|edition|model|collection|range|series|cream|serum|perfume|tablet|"
    r"laptop|phone|watch|doll|toy|lego|game|wallet|loan|account)\b")
# words that may stand right before a name with only a space between: greetings, courtesy words, titles
_BEFORE_OK = frozenset("""hi hello hey dear thanks thank cheers regards best morning afternoon evening hola gracias
buenos buenas bonjour bonsoir merci salut hallo danke grüße gruß liebe lieber obrigado obrigada olá oi ciao grazie
salve saludos atentamente cordialement mvh groeten hej tak pozdrawiam dzień dobry beste geachte mr mrs ms miss mx dr
prof sir madam herr frau señor señora sr sra don doña dona dom monsieur madame mme mlle signor signora sig sig.ra
dott mevrouw meneer pan pani agent caller customer""".split())
# a name's first word inside an address or after a street number is the street's ("12 Victoria Road" is caught above)
_STREET_NUMBER_BEFORE = re.compile(r"\d[A-Za-z]?,?[ \t]{1,2}$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n\"“(][ \t]{0,3}|[—–-][ \t]{1,3})$")
# greetings and fillers of the languages our calls mix (pii_not_names.txt, session 30), read once here; the detector's
# never-a-name filter reads them from here too (pii_presidio.NOT_NAME_WORDS)
GREETINGS = frozenset(line.strip() for line in
                      (Path(__file__).with_name("pii_not_names.txt")).read_text(encoding="utf-8").splitlines()
                      if line.strip() and not line.startswith("#"))
# pronouns, particles and common words of those languages that are never part of a name (pii_function_words.txt,
# session 31), read once here: the detector's function-word filter (pii_presidio.FUNCTION_WORDS) and the honorific
# finder (pii_honorific_names) read them from here
FUNCTION_WORDS_FILE = Path(__file__).with_name("pii_function_words.txt")
FUNCTION_WORDS = frozenset(line.strip() for line in FUNCTION_WORDS_FILE.read_text(encoding="utf-8").splitlines()
                           if line.strip() and not line.startswith("#"))


# brands named like a person ("Harry Potter", "Michael Kors"); the detector also drops a span over the firms named
# after people it knows (pii_presidio._S25B_PEOPLE_FIRMS: "Hugo Boss", "Tommy Hilfiger") and over public figures
_BRANDS = frozenset(("harry potter", "celine dion", "céline dion", "michael kors", "marc jacobs", "kate spade",
                     "tory burch", "christian dior", "louis vuitton", "giorgio armani", "paul smith", "jimmy choo",
                     "victoria beckham", "stella mccartney", "vera wang", "tim hortons", "martha stewart", "hugo",
                     "stanley quencher", "ronald mcdonald", "mary kay", "karl lagerfeld", "coco chanel",
                     "estée lauder", "estee lauder"))


def _given(word: str) -> bool:
    low = word.lower()
    return low in pii_rules.GIVEN_NAMES and low not in _NOT_HERE


def _word_before(text: str, start: int) -> tuple[str, int]:
    """The word that ends one space or tab before ``start`` (letters, digits, apostrophes, dots and hyphens, starting
    with a letter), with where it starts; ("", -1) when none does. Read backwards, at most 40 characters."""
    end = start - 1
    if end < 1 or text[end] not in " \t":
        return "", -1
    i = end
    while i > 0 and end - i < 40 and (text[i - 1].isalnum() or text[i - 1] in "'’.-_"):
        i -= 1
    word = text[i:end]
    if not word or not word[0].isalpha() or word[0].isdigit():
        return "", -1
    return word, i


def _firm_named(text: str, first: str) -> bool:
    """The first name is a firm's elsewhere in the text ("Adeyemi & Frost Surveyors LLP (formerly Adeyemi Design)")."""
    at = text.find(first)
    while at >= 0:
        end = at + len(first)
        if (end == len(text) or not (text[end].isalnum() or text[end] == "_")) and _AFTER.match(text, end):
            return True
        at = text.find(first, end)
    return False


def _names(text: str) -> Iterator[Found]:
    done = 0
    for m in _FIRST.finditer(text):
        if m.start() < done or not _given(m.group()):
            continue
        before = text[max(0, m.start() - 24):m.start()]
        if _PREFIX.search(before) or _STREET_NUMBER_BEFORE.search(before) or _DETERMINER.search(before):
            continue
        prev, prev_start = _word_before(text, m.start())
        if prev and prev[0].isupper() and prev.lower() not in _BEFORE_OK and not _given(prev) \
                and prev.lower() not in GREETINGS and not _SENTENCE_START.search(text, max(0, prev_start - 4),
                                                                                 prev_start):
            continue  # the second word of another thing's name: "Reggio Emilia", "Dubai Marina", "Magazine Luiza"
        end = m.end()
        for _ in range(2):  # the surname: up to two capitalised words after it, short of a trade or legal word
            nxt = _SURNAME.match(text, end)
            if not nxt or _AFTER.match(text, nxt.start()) or text[nxt.end():nxt.end() + 1] == ":":
                break  # a trade or legal word, or a form's next label ("Name: Eva Lind Subject: …")
            end = nxt.end()
        if _AFTER.match(text, end) or _PRODUCT_AFTER.match(text, end) or _FIGURE_OF_SPEECH.match(text, end):
            continue  # "Lewis Plumbing", "Kaur & Sons", "Victoria Island", "Wendy's", "Keanu Reeves this and that"
        if text[m.start():end].lower() in _BRANDS or _firm_named(text, m.group()):
            continue
        done = end
        yield "PERSON", m.start(), end, 0.8


_FIGURE_OF_SPEECH = re.compile(r"(?i:[ \t]this[ \t](?:and|&)[ \t]that\b)")
_CAPITALISED = re.compile(r"(?<![\w'’])[^\W\d_]")
_TITLE_CASE_WORD = re.compile(r"[ \t](?:Is|Are|On|Of|The|In|To|For|And|With|At|By|From|Its|As|Still|After|Over)[ \t]")


def _headline(text: str) -> bool:
    """The text's first 300 characters are written in title case: seven words in ten start with a capital, small words
    too ("Julian Robertson Still Bullish On Apple"). A headline's capitals say nothing of names."""
    head = text[:300]
    words = _CAPITALISED.findall(head)
    return len(words) >= 6 and sum(w.isupper() for w in words) >= 0.7 * len(words) and \
        _TITLE_CASE_WORD.search(head) is not None


def find_given_names(text: str) -> list[Found]:
    """The names of the module's docstring, at most CAP."""
    return [] if _headline(text) else list(itertools.islice(_names(text), CAP))
