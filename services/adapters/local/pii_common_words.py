"""Common words of the message's language taken for a person (session 46, candidate 46-1; issue 21).

The NER and the name finders take a capitalised noun of German, Dutch, the Nordic and the Slavic languages for a
name ("der Zähler", "Ihr persönliches Erscheinen", "wegen eines defekten Geräts"), and a pronoun, a month, a number
word, a word of thanks, a plural addressee or an English contraction too ("Vašej žiadosti", "20. marta", "trois
cents", "Hvala!", "Szanowni Odbiorcy", "my sister hasn't"). A PERSON span of one word is dropped here, whichever
finder proposed it (run last in both detectors), when:

- the word is of a closed list of words that are never a name: the polite pronouns and possessives of the European
  languages ("Sie", "Ihrer", "Vaše", "Vášho", "Jums", "Teie", "Ви"), weekdays, number words ("cents", "trois",
  "tausend"), words of thanks ("Hvala", "Děkuji", "Mulțumesc", "Gràcies"), a professional title alone ("Avv",
  "Maître", "Rag"), abbreviations ("Std", "Whg"), "both", English and French contractions ("hasn't", "who's",
  "j'ai", "c'est");
- it is a month in its inflected forms beside a day's number or a year ("20. marta", "ab Juli 2025", "20 Nollaig";
  "Marta", "Maja" only in lower case: they are given names);
- an article, a determiner or a polite possessive of German, Dutch or the Nordic languages stands right before it
  ("der Zähler", "eines Geräts", "Ihr Schaden", "het dossier", "ett Godkänd"; "der", "die", "das", "den", "dem",
  "des" only in a German message), or a German adjective's ending does ("persönliches Erscheinen", "defekten
  Geräts");
- in a German message it has a German noun's ending or a compound's head ("-ung", "-heit", "-keit", "-schaft",
  "Garagenschlüssel", "Fahrgastrechte", "Prüfziffer") or ends in "-en" after a lower-case word ("sind Arbeiten");
- a capitalised greeting stands before it in lower case ("Beste ondernemer", "Dear partner") in a message that
  writes its sentences with a capital, or a plural greeting does ("Szanowni Odbiorcy", "Tisztelt Adózók");
- it is an infinitive after "merci de" ("Merci de régulariser."), a lower-case noun after a determiner in a cased
  message ("ma carte", "le sac"), or a capitalised word making a sentence alone ("… with my bank. Avoid.");
- a span of two or three words holds a polite pronoun or opens with a contracted preposition ("Eingang Ihrer",
  "Wohnung Ihrer", "Zum Glück", "Fürs Buffet").

Never taken: a given name we know ("Ihre Anna", "die Maria"), a word a title or a given name stands before ("Frau
Becker", "Herrn Meier", "an Frau Becker", "Thomas Hartung", "Dr. Albrecht"), a word a capitalised word follows ("Ihr
Thomas Weber"), a closing's name after "Ihr"/"Ihre" opening its line ("Ihr Jonas"), a name after a particle ("van
der Berg", "das Neves", "O mit Punkten"), the letters of a spelling alphabet. PERSON spans only; at most CAP spans a
message are read, in the text's first 20,000 characters; every pattern is bounded (linear).
"""

from __future__ import annotations

import re

from services.adapters.local import pii_rules
from services.models import PiiSpan

CAP = 64
_LIMIT = 20_000
_WORD = re.compile(r"[^\W\d_]{1,40}(?:['’][^\W\d_]{1,12})?")
_STARTS = re.compile(r"(?:\A|(?<=[.!?][ \t]))[ \t]{0,3}([^\W\d_])")
_SENTENCE_END = re.compile(r"([^\W\d_]{3,30})[.!?][ \t]{1,3}$")
_PREV = re.compile(r"([^\W\d_]{1,30})([ \t]{1,3})$")

# never a name: polite pronouns and possessives, words of thanks, weekdays, number words, contractions
_NEVER = frozenset("""
sie ihnen ihr ihre ihrem ihren ihrer ihres euer eure unser unsere unserem unseren unserer
uw jullie
vaš vaša vaše vašeg vašem vašim vašu vašoj vašej vášho vášmu váš vaši vašich vaší vás vám vámi
ваш ваша ваше вашего вашей вашим ви вие вы вас вам
jums jūs jūsu jūsų teie teid teile teil önöket önök önt önnek
děkuji dekuji děkujeme děkujem ďakujem dakujem dziękuję dziekuje dziękujemy hvala mulțumesc multumesc mulţumesc
köszönöm köszönjük koszonom kiitos tack takk danke bedankt ačiū aciu paldies aitäh gràcies благодаря спасибо дякую
mvh mvg mfg vh both everyone everybody terveisin
avv avvocato dott dottore dottoressa geom rag ragioniere lic licenciado licenciada maître notaio mecenas inženýre
std whg stk
montag dienstag mittwoch donnerstag freitag samstag sonntag maandag dinsdag woensdag donderdag vrijdag zaterdag
zondag måndag tisdag onsdag torsdag fredag lördag söndag mandag tirsdag lørdag søndag
poniedziałek wtorek czwartek piątek niedziela pondělí úterý středa čtvrtek pátek neděle
zwei drei vier fünf sechs sieben acht neun zehn zwölf zwanzig dreißig hundert tausend
twee drie vijf zes zeven negen honderd duizend
trois quatre cinq huit neuf dix douze vingt trente quarante cinquante soixante cents
cuatro cinco siete ocho nueve diez veinte treinta cuarenta cincuenta cien ciento cientos
quattro cinque sette dieci venti trenta duecento
hasn't haven't isn't aren't wasn't weren't doesn't don't didn't can't couldn't won't wouldn't shouldn't
who's what's that's there's it's here's where's let's he's she's they're we're you're i'm i've i'll i'd
j'ai c'est j'étais n'est qu'il qu'elle s'il c'était
""".split())
# months in their inflected forms: a month beside a number ("20. marta", "ab Juli 2025", "20 Nollaig")
_MONTHS = frozenset("""
januar jänner februar märz maerz maart april mai juni juli august september oktober november dezember december
januari februari mars maj augusti desember januára februára marca apríla mája júna júla augusta septembra
októbra novembra decembra stycznia lutego kwietnia maja czerwca lipca sierpnia września października listopada
grudnia ledna února března dubna května června července srpna září října listopadu prosince januara februara
marta aprila juna jula avgusta oktobra siječnja veljače ožujka travnja svibnja lipnja srpnja kolovoza rujna
studenoga prosinca nollaig eanáir feabhra márta bealtaine meitheamh iúil lúnasa samhain
""".split())
# articles, determiners and possessives before a noun (German, Dutch, Nordic); "der", "die", "das", "den", "dem",
# "des" only in a German message and never after a name's particle ("van der Berg", "Maria das Dores")
_DETERMINERS = frozenset("""
ein eine einen einem einer eines ihr ihre ihrem ihren ihrer ihres euer eure eurem euren eurer
dieser diese dieses diesem diesen jeder jede jedes jedem jeden jener jene
zum zur vom beim ins
het een uw onze mijn jouw deze dit
ett det detta denna dette denne vårt våra vores jeres deres sitt
""".split())
_PRONOUNS = frozenset("""sie ihnen ihr ihre ihrem ihren ihrer ihres uw vaš vaša vaše vašeg vašem vašim vašu vašoj vašej
vášho váš vaši vašich vaší ваш ваша ваше вашего вашей вашим jums jūsu jūsų teie teid önöket""".split())
_CONTRACTED = frozenset("zum zur vom beim ins fürs ans aufs".split())
_GERMAN_ARTICLES = frozenset("der die das den dem des".split())
_PARTICLES = frozenset("van von de da do dos das di del della zu vom zum ter ten mit".split())
# German words ending like an adjective that are no adjective ("hier Ömer", "wohnt kein Yilmaz")
_NOT_ADJECTIVES = frozenset("""hier vorher nachher aber oder wieder immer sehr später unter über hinter wer der
ihr ihre ihrem ihren ihrer ihres kein keine keinen keinem keiner keines""".split())
# lower-case determiners before a noun: "my wallet", "le sac", "ma carte", "het dossier", "il tecnico"
_LOWER_DETERMINERS = frozenset("""the my your our their his this that these those le la les mon ma mes ton
sa ses notre votre nos vos leur leurs un une des het een el los las una mi tu su il lo gli mio mia tua
os um uma meu minha teu tua""".split())
# greetings before a person's name, or before a common noun in lower case ("Beste ondernemer", "Dear partner")
_GREETINGS = frozenset("""beste liebe lieber liebes dear hi hello hallo hej hei hola bonjour buongiorno gentile
gentili egregio egregia caro cara estimado estimada prezado prezada tisztelt szanowni szanowny szanowna vážený
vážená vážení""".split())
# plural greetings: a plural addressee follows ("Szanowni Odbiorcy", "Vážení obyvatelia"), never one person
_PLURAL_GREETINGS = frozenset("szanowni drodzy vážení vážené milí".split())
# heads of German compounds ("Versicherungsschein", "Garagenschlüssel", "Fahrgastrechte")
_COMPOUND_HEAD = re.compile(r"(?:schein|ausweis|schlüssel|leisten|therapeut|therapeutin|therapie|rechte|code|ziffer|"
                            r"stand|kosten|gebühren|ordnung|termin|dienst|meldung|wohnung|karte|konto|bescheid|"
                            r"beitrag|vertrag|schrank|zettel|nummer|antrag|schaden|rechnung|wasser|schmerzen)$")
_NATO = frozenset("""alpha alfa bravo charlie delta echo foxtrot golf hotel india juliet juliett kilo lima mike
november oscar papa quebec romeo sierra tango uniform victor whiskey whisky xray yankee zulu""".split())
_GERMAN_HINTS = frozenset("""und ist nicht ich wir sie mit für bitte wurde haben habe wird werden sind auf bei
auch noch nach vom zum zur einen einem eines wegen ihre ihren ihrer unsere meine keine oder aber dass können
uhr geehrte geehrter ihr ihnen dem wie bis ohne nur sehr""".split())
_GERMAN_NOUN = re.compile(r"(?:ung|ungen|heit|keit|schaft|nahme|ität|tion|ismus|schrank|zettel|vertrag|nummer|"
                          r"antrag|schaden|stelle|gebühr|rechnung)$")
_ADJECTIVE = re.compile(r"[a-zäöüß]{2,30}(?:es|en|em|er)$")
_TITLES = frozenset("""herr herrn frau fr hr dr prof mr mrs ms miss mister sir madam sig sigra signor signora sr sra
mme mlle mevrouw meneer mevr dhr pan pani paní pán gospodin gospođa geb née""".split())


def _german(text: str) -> bool:
    hits = 0
    for m in _WORD.finditer(text[:2000]):
        if m.group().lower() in _GERMAN_HINTS:
            hits += 1
            if hits >= 3:
                return True
    return False


def _cased(text: str) -> bool:
    """Whether the message writes its sentences' and lines' first words with a capital (not a lower-case chat)."""
    starts = _STARTS.findall(text[:4000])
    return len(starts) >= 2 and sum(w[0].isupper() for w in starts) >= 0.9 * len(starts)


def _phrase(span: str) -> str:
    """A span of two or three words holding a polite pronoun or opening with a contracted preposition ("Eingang
    Ihrer", "Zum Glück", "Fürs Buffet") and no given name we know."""
    words = span.split()
    if not 2 <= len(words) <= 3 or any(w.lower() in pii_rules.GIVEN_NAMES for w in words):
        return ""
    if any(w.lower() in _PRONOUNS for w in words) or words[0].lower() in _CONTRACTED:
        return "phrase"
    return ""


def reason(text: str, start: int, end: int, german: bool | None = None) -> str:
    """Why the one-word PERSON span text[start:end] is a common word ("" when it may be a name)."""
    word = text[start:end].strip(" .,;:!?\"()")
    if not word:
        return ""
    if any(c in word for c in " \n\t"):
        return _phrase(word)
    low = word.lower().replace("’", "'")
    if low in _NEVER:
        return "never"
    before = text[max(0, start - 40):start]
    after = text[end:end + 40]
    if low in _MONTHS and (word.islower() or low not in pii_rules.GIVEN_NAMES) and (
            re.search(r"(?<!\d)\d{1,2}[.]?[ \t]{1,2}$", before) or re.match(r"[ \t]{1,2}\d{4}(?!\d)", after)):
        return "month"
    if low in pii_rules.GIVEN_NAMES or not word[0].isalpha():
        return ""
    if re.match(r"[ \t]{1,3}[A-ZÀ-ÖØ-Þ]", after):  # a capitalised word beside it: a name's part perhaps
        return ""
    prev = _PREV.search(before)
    pprev = None
    plow = ""
    if prev:
        pword = prev.group(1)
        plow = pword.lower()
        if plow in _TITLES or plow in pii_rules.GIVEN_NAMES:
            return ""
        ahead = before[:prev.start()]
        pprev = _PREV.search(ahead)
        line_start = not ahead.strip(" \t") or ahead.rstrip(" \t").endswith("\n")
        if plow in _DETERMINERS or plow in _GERMAN_ARTICLES:
            if plow in ("ihr", "ihre") and line_start:
                return ""  # "Ihr Jonas": a closing
            if pprev and pprev.group(1).lower() in _PARTICLES:
                return ""
            if plow in _GERMAN_ARTICLES:
                if german is None:
                    german = _german(text)
                if not german or (pword[0].isupper() and not line_start and not re.search(r"[.!?:]\s{0,3}$", ahead)):
                    return ""
            return "determiner"
        if word[0].isupper() and len(word) > 2 and plow not in _NOT_ADJECTIVES and _ADJECTIVE.fullmatch(pword):
            if german is None:
                german = _german(text)
            if german:
                return "adjective"
    head = _COMPOUND_HEAD.search(low)
    if word[0].isupper() and ((len(word) >= 6 and _GERMAN_NOUN.search(low)) or (head and head.start() >= 4)):
        if german is None:
            german = _german(text)
        if german:
            return "noun"
    if (prev and word.islower() and plow in _GREETINGS and prev.group(1)[0].isupper() and len(word) >= 3
            and _cased(text)):
        return "greeting"
    if prev and plow in _PLURAL_GREETINGS or (prev and plow == "tisztelt" and low.endswith("k")):
        return "plural"
    if (prev and pprev and plow == "de" and pprev.group(1).lower() == "merci" and re.search(r"(?:er|ir|re)$", low)
            and word.islower()):
        return "infinitive"
    ended = _SENTENCE_END.search(before)
    if (len(word) > 2 and word[0].isupper() and "-" not in word and ended and ended.group(1).lower() not in _TITLES
            and re.match(r"[ \t]{0,2}[.!]{1,3}[ \t]{0,3}(?:\n|$)", after)):
        return "sentence"
    if (word[0].isupper() and len(word) >= 6 and low.endswith("en") and not re.search(r"(?:sen|chen|ien)$", low)
            and prev and prev.group(1).islower() and prev.group(1) not in _PARTICLES):
        if german is None:
            german = _german(text)
        if german:
            return "german_en"
    if (word.islower() and len(word) >= 3 and "-" not in word and prev and prev.group(1) in _LOWER_DETERMINERS
            and low not in _NATO and not (pprev and pprev.group(1).lower() in _PARTICLES) and _cased(text)):
        return "lowercase"
    return ""


def without_common_words(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """The spans without the one-word PERSON spans that are a common word of the message's language."""
    persons = [s for s in spans if s.kind == "PERSON" and s.start < _LIMIT]
    if not persons:
        return spans
    german: bool | None = None
    drop: set[tuple[int, int]] = set()
    for s in persons[:CAP]:
        if s.end - s.start > 42:
            continue
        if german is None:
            german = _german(text)
        if reason(text, s.start, s.end, german):
            drop.add((s.start, s.end))
    if not drop:
        return spans
    return [s for s in spans if not (s.kind == "PERSON" and (s.start, s.end) in drop)]
