"""Short first names, nicknames and initials that sign a message (session 36, candidate 36-6, issue 21).

The name finders know a signer by the given-name list (pii_given_names) or by the NER, and the learned PERSON check
(pii_person_check) drops a short word it has not learned as a name: a message signed "Thanks, Em", "– JK", "ngā
mihi Mere", "Díky, Honza 731 442 908", "/Oskar, Ringvägen 112", "Saludos, Vale", "Üdv, Gábor", "… as usual.
Hollie" or "…, check your records. Ty" kept its writer's name.

:func:`find_signoff_names` (a finder of ``pii_rules.find_all``) proposes, as a PERSON, the words that sign the message
— its last words, followed by nothing but stops, kisses, emoji or the writer's phone number, or (after a sign-off, a
dash or a slash) by the rest of the line after a comma, a bracket, an "@" or a dash ("Rob, Customer Care", "/Oskar,
Ringvägen 112", "Mere (kiwi_bargains_22)"), or, on their own line under a sign-off line, by at most three short lines
("Camilla\\nKundeservice") — when they stand

- after a sign-off of one of the languages our messages mix ("Thanks,", "Cheers", "Saludos,", "Díky,", "Üdv,", "ngā
  mihi", "Mvh", "Groet,", a sign-off line above them);
- after a dash or a slash that starts the signature ("– JK", "/Mats");
- alone, as the message's last sentence or its last line, after a sentence that holds a number, a question or a
  request ("… on the 1st as usual. Hollie");

and are one capitalised short word ("Em", "Honza"; at most eight letters unless a given name we know), a given name we
know and a surname or an initial ("Per Lindahl", "Uwe K."), or two or three capital initials ("JK", "J.K."; not a
common acronym: "OK", "HR", "FYI"). A dash inside a line ("Farmacia Centrale – Pescara") cues a given name we know
only; a signer alone on its own line follows a body's sentence, not a firm's closing line ("Kuopion Lämpö Oy\nPerintä").
Never a word of the sentence before (a word the message also writes in lower case), a team's or a
department's word, a firm's, a public body's or a product's (pii_closing_lines' and pii_firm_words' lists, the brands),
a place, a courtesy or a sign-off word (pii_courtesy_words, pii_not_names), a common word of the lists below
("Thanks, Team", "Cheers, Support", "Regards, Accounts", "Cheers, Legend", "– HR", "Love, Mum"), nor a word with an
ordinary word's ending ("Management", "Disgusted") unless it is a given name we know.

:func:`is_signoff_name` tells the learned PERSON check to keep such a span. The search reads only the message's last
400 characters, so it costs the same on any length.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

Found = tuple[str, int, int, float]

CAP = 1  # a message is signed once
_SCORE = 0.85
_TAIL = 400  # characters read from the message's end
_SHORT = 8  # letters of a short name no list knows
_HERE = Path(__file__).parent

# sign-offs pii_closing_lines lacks (informal ones, and those of more languages); lower case
_MORE_SIGN_OFFS = r"""thx|thnx|thanx|tks|tnx|txs|tq|ta|thank u|thanks a lot|thanks so much|many thx|much appreciated|
cheers mate|love|lots of love|much love|hugs|xoxo|bye|bye for now|later|talk soon|speak soon|see you|see ya|ttyl|rgds|br|
kr|best|warmly|ngā mihi|nga mihi|ngā mihi nui|nga mihi nui|kia ora|mahalo|vinaka|malo|fa'afetai|
saludos|un abrazo|abrazos|abrazo|besos|gracias|mil gracias|muchas gracias|hasta luego|chao|
merci|bises|bisous|à bientôt|a bientôt|a+|amitiés|salut|
danke|tschüss|ciao|lg|liebe grüsse|bis bald|servus|
grazie|saluti|baci|un abbraccio|a presto|
obrigado|obrigada|valeu|abraço|abraços|beijos|beijinhos|bjs|tchau|
groetjes|groet|groeten|dank|dankjewel|tot ziens|doei|
tack|tack så mycket|hälsningar|hälsning|kram|kramar|mvh|hilsen|hilsner|tak|takk|knus|
kiitos|terveisin|moi|
dzięki|dziękuję|pozdrawiam|pozdrowienia|pozdro|
díky|děkuji|dík|zdravím|s pozdravem|ďakujem|vďaka|
üdv|köszi|köszönöm|puszi|üdvözlettel|
mulțumesc|multumesc|mersi|cu drag|pa|
hvala|pozdrav|lp|
teşekkürler|sağol|saygılarımla|
terima kasih|makasih|salamat|shukran|asante|dankie|groete"""
_NAME_WORD = r"[^\W\d_][^\W\d_'’]{0,14}(?:-[^\W\d_][^\W\d_'’]{0,14})?"
_INITIALS = r"[A-Z]\.?[ \t]?[A-Z]\.?(?:[ \t]?[A-Z]\.?)?"
# the words that sign: one or two capitalised words, or initials
_SIGNER = re.compile(rf"(?:{_INITIALS}|{_NAME_WORD}(?:[ \t]{_NAME_WORD}\.?)?)(?![\w@'’])")
# what may end the message after the words that sign: kisses, emoji (and, after a cue, stops)
_PLAIN_END = re.compile(r"(?:[ \t]{1,2}[xX]{1,3}\b)?[^\w\n.!?:;,/@&+=()\[\]-]{0,12}\s*\Z")
_PUNCT_END = re.compile(r"[ \t]*[.!]{0,3}(?:[ \t]{1,2}[xX]{1,3}\b)?[^\w\n.?:;,/@&+=()\[\]-]{0,12}\s*\Z")
# …or the writer's phone number
_PHONE_END = re.compile(r"[ \t]{1,2}[,/]?[ \t]?(?:\+|\(\+?)?\d[\d \t().-]{5,18}\d[^\w\n]{0,6}\s*\Z")
# …or, after a sign-off or a dash that starts the signature, the rest of the line after a comma, a bracket, an "@",
# a bar or a dash, then at most three short lines
_REST_OF_LINE = re.compile(r"[ \t]{0,20}(?:,|\(|@|\||[–—]|[ \t]-[ \t])[^\n]{0,90}(?:\n[^\n]{0,60}){0,3}\s{0,20}\Z")
# …or, on its own line under a sign-off line, at most three short lines
_LINES_UNDER = re.compile(r"[ \t]{0,20}(?:\n[^\n]{1,60}){1,3}\s{0,20}\Z")
_DASH_OR_SLASH = re.compile(r"(?<![^\s])(?:[–—]|--?|/)[ \t]{0,2}\Z")
_SENTENCE_END = re.compile(r"(?:(?:[.!?)]|[^\w\s,;:'’\"(\[&+/>|-])[ \t]{1,3}|\n[ \t]{0,3})\Z")
_STARTS_SIGNATURE = re.compile(r"(?:\A|[.!?)\n]|[^\w\s,;:'’\"(\[&+/>|-])[ \t]{0,3}\Z")
# a stop that ends no sentence: after an abbreviation ("Co. Meath", "Mon.") or a German ordinal ("3. OG")
_NO_SENTENCE_END = re.compile(r"(?:(?<![^\W\d_])[A-Z][a-z]{0,2}|(?<![\w.])\d{1,2})\.[ \t]{1,3}\Z")
_REQUEST = re.compile(r"(?i:\d|\?|\b(?:please|pls|plz|can|could|would|kindly|por favor|bitte|merci|graag|prosím|"
                      r"proszę|kérem|kérlek|vennligst|snälla|venligst|per favore|s'il vous plaît|svp|por fa)\b)")
_WORD = re.compile(r"[^\W\d_]+")
_TRIPLE = re.compile(r"(.)\1\1|^(?:argh|ugh|grr|hmm+|pfff*)$")
_LATIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ'’-]{1,60}\Z")
# common acronyms that end a message and are no one's initials (upper case)
_ACRONYMS = frozenset("""OK HR IT PS PPS NB TIA FYI BTW ASAP LOL PLS THX TY TQ XX XXX XO UK US USA EU AM PM ID NO CEO
CFO CTO COO VAT GST ATM PIN SMS OTP ETA RSVP PTO OOO EOD COB IMO OMG WTF FFS SOS QA PR MD GM DM TV UTC GMT CET EST PST
NZ AU DE FR ES NL SE DK FI PL CZ HU RO IE CH AT BE PT GR SA AG AB AS OY BV NV LTD PLC INC LLC KK CC BCC NDA POA RIP
VIP DIY FAQ IOU AKA DOB NHS GP AE ER ICU BBC DHL UPS TNT DPD GLS USPS EMS AIB BOI ANZ NAB CBA RBS TSB ING KBC BNP ABN
SEB DNB OTP KLM SAS EE BT TLC TBC TBA TBD IRL BRB AFK JK NP TTYL IDK IKR SMH TGIF YOLO GG WP GL HF ACK NACK CV PDF
JPG PNG ZIP URL WWW API APP SIM PAYG TAX IVA NIF DNI NIE CPF BSN PPS SSN NI AR AP KG OG EG UG BRT""".split()) - {"JK"}
# words of no one's name that a message ends with or signs with (lower case, accents kept)
_COMMON = frozenset("""team teams support accounts account management legend mate mates all everyone everybody guys
folks gang crew family fam friends friend neighbours neighbors neighbour neighbor admin office reception sales billing
staff customer customers client clients service services care helpdesk desk committee board owner owners tenant
tenants landlord landlady resident residents parents parent mum mom mummy mommy mama dad daddy papa nan nana nanna gran
granny grandma grandpa grandad granddad auntie aunty aunt uncle bro sis babe baby hun hon darling sweetie sweetheart
honey dear love lots hugs kisses xoxo sir madam boss chief champ hero star buddy pal mister miss doctor doc nurse
teacher coach driver manager director secretary treasurer chair chairman president anon anonymous unknown me myself
yours truly regards best thanks thank cheers bye goodbye later soon tomorrow today tonight now again please help
urgent asap anyone someone somebody nobody whoever ok okay yes no yeah yep nope sure fine done noted agreed confirmed
received sorted perfect great brilliant awesome amazing lovely excellent good cool nice wonderful fantastic superb
sweet ta cya thx tia god jesus lord allah amen inshallah bless blessings peace namaste enjoy congrats welcome sorry
apologies oops hmm ugh lol haha wow yay hello hi hey morning evening afternoon night weekend cheerio ciao tschüss
gracias merci danke grazie obrigado obrigada bedankt tack takk tak kiitos dzięki díky köszi hvala
equipo soporte atención cliente clientes administración gerencia dirección contabilidad recepción ventas servicio
familia todos todas vecinos vecinas amigos amigo amiga mamá papá abuela abuelo tía tío jefe
équipe direction comptabilité accueil secrétariat famille tous toutes voisins maman papa mamie papi tata tonton
kundenservice verwaltung buchhaltung empfang vertrieb familie alle nachbarn mutti vati oma opa chef
squadra assistenza amministrazione ufficio contabilità famiglia tutti vicini nonna nonno zia zio capo
suporte atendimento administração gerência direção família vizinhos mãe pai avó avô
klantenservice administratie iedereen buren mama oma opa
teamet kundtjänst familjen alla grannar mamma pappa mormor farmor morfar farfar
familien naboer mor far
perhe kaikki äiti isä
zespół biuro obsługa rodzina wszyscy mama tata babcia dziadek
tým podpora rodina všichni máma táta babička děda
csapat ügyfélszolgálat család mindenki anya apa mama papa
echipa toți mama tata bunica bunicul
whānau whanau
att atte atenciosamente gràcies gracies choukran chokran shukran zikomo ayuda ajuda hilfe aiuto socorro help bravo
brava bravi bravissimo chapeau kudos shame disgrace toimisto kontor kontoret biuro büro bureau ufficio oficina
escritório kanzlei notaire notaris notar avocat avocate abogado abogada advogado advogada avvocato expenses finanzen
parkeren""".split())
# endings of ordinary words (an unknown word with one is no name: "Management", "Disgusted", "Seriously")
_ORDINARY_ENDING = re.compile(r"(?:ing|ed|ly|ous|ful|ble|less|ment|ments|ness|tion|tions|sion|ive|ity|ism|ist|ize|"
                              r"ise|ship|ward|wards|ical|ation|ción|ción|ção|ções|ung|ungen|heit|keit|ité)\Z")


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))


@functools.cache
def _sign_off() -> re.Pattern[str]:
    """Sign-offs (pii_closing_lines' and this module's), ending where the words that sign may start."""
    from services.adapters.local import pii_closing_lines  # imported here: it imports pii_rules, which imports this

    words = {p.strip() for p in pii_closing_lines._SIGN_OFFS.replace("\n", "").split("|")}
    words |= {p.strip() for p in _MORE_SIGN_OFFS.replace("\n", "").split("|")}
    alternation = "|".join(re.escape(w).replace(r"\ ", r"[ \t]") for w in sorted(words - {""}, key=len, reverse=True))
    return re.compile(rf"(?i:(?<![^\W\d_])(?:{alternation})[ \t]*[,.!:;]?[ \t]*\n?[ \t]*)\Z")


@functools.cache
def _stop_words() -> frozenset[str]:
    """Words that never sign (folded: lower case, no accents)."""
    from services.adapters.local import pii_closing_lines, pii_given_names, pii_presidio, pii_rules

    words: set[str] = set(_COMMON)
    words |= pii_closing_lines._DEPARTMENT_WORDS | pii_closing_lines._PUBLIC_WORDS | pii_closing_lines._SECTOR_WORDS
    words |= pii_closing_lines._FIRM_LAST | pii_closing_lines._TITLES | pii_closing_lines._PERSON_TITLES
    words |= pii_closing_lines._role_words() | pii_closing_lines._firm_words() | pii_closing_lines._legal_forms()
    words |= pii_presidio.BUSINESS_WORDS | pii_presidio.BRANDS | pii_rules.PLACE_WORDS
    words |= pii_given_names.FUNCTION_WORDS
    for phrase in (pii_closing_lines._SIGN_OFFS + "|" + _MORE_SIGN_OFFS).replace("\n", "").split("|"):
        words |= set(phrase.split())
    for name in ("pii_firm_words.txt", "pii_courtesy_words.txt"):
        words |= {line.strip() for line in (_HERE / name).read_text(encoding="utf-8").splitlines()
                  if line.strip() and not line.startswith(("#", "["))}
    return frozenset(_fold(w) for w in words)


@functools.cache
def _soft_words() -> frozenset[str]:
    """Greetings and fillers (pii_not_names, the rules' not-a-name words) and the months and days: no name alone or
    after a dash, but a capitalised one after a sign-off may be ("Saludos, Vale", "Thanks, Em")."""
    from services.adapters.local import pii_given_names, pii_rules

    months = """january february march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday januar februar märz mai juni juli oktober dezember montag dienstag
    mittwoch donnerstag freitag samstag sonntag janvier février mars avril juin juillet août septembre octobre
    novembre décembre lundi mardi mercredi jeudi vendredi samedi dimanche enero febrero marzo abril mayo junio julio
    agosto septiembre octubre noviembre diciembre lunes martes miércoles jueves viernes sábado domingo gennaio
    febbraio aprile maggio giugno luglio settembre ottobre dicembre janeiro fevereiro março maio junho julho setembro
    outubro novembro dezembro januari februari maart mei augustus oktober""".split()
    not_names = (w for w in pii_rules.NOT_NAMES if len(w) > 2)  # "Em", "Ty", "An" sign as short names
    return frozenset(_fold(w) for w in (*pii_given_names.GREETINGS, *not_names, *months))


def _known(word: str) -> bool:
    from services.adapters.local import pii_given_names

    return pii_given_names._given(word)


def _team_word(word: str) -> bool:
    from services.adapters.local import pii_closing_lines

    return pii_closing_lines._team_word(word)


def _word_ok(word: str, text_before: str, after_sign_off: bool) -> bool:
    """Whether one capitalised word may sign (after a sign-off, or a dash or a slash that starts the signature, a
    greeting's or a month's word may: "Saludos, Vale", "– Vale", "Thanks, May")."""
    if len(word) < 2 or not _LATIN.match(word) or \
            not all(p and p[0].isupper() and (len(p) == 1 or p[1:].islower()) for p in word.split("-")):
        return False
    folded = _fold(word)
    if folded in _COMMON or folded in _sign_off_words():
        return False
    if _known(word):
        return True
    if _TRIPLE.search(folded):
        return False  # "Grrr", "Argh"
    if folded in _stop_words() or any(_fold(p) in _stop_words() for p in word.split("-")) or _team_word(word.lower()):
        return False
    if not after_sign_off and folded in _soft_words():
        return False
    if len(word) > _SHORT or _ORDINARY_ENDING.search(folded):
        return False
    # a word of the sentence before: the message also writes it in lower case ("… send support. Support"), not inside
    # an e-mail address or a handle (there it is the writer's name again: "vale.rojas@… Saludos, Vale")
    return re.search(rf"(?<![\w.@]){re.escape(word.lower())}(?![\w@]|\.\w)", text_before) is None


@functools.cache
def _sign_off_words() -> frozenset[str]:
    from services.adapters.local import pii_closing_lines

    phrases = (pii_closing_lines._SIGN_OFFS + "|" + _MORE_SIGN_OFFS).replace("\n", "").split("|")
    return frozenset(_fold(w) for p in phrases for w in p.split())


def _after_body(text: str, start: int) -> bool:
    """Whether the last line with words before ``start`` ends a sentence (a body's line, not a firm's closing line)."""
    line = text[max(0, start - 400):start].rstrip()
    line = line[line.rfind("\n") + 1:]
    return bool(line) and (line[-1] in ".!?)" or len(line) > 60 or _emoji(line[-1]))


def _initials_ok(value: str) -> bool:
    letters = "".join(c for c in value if c.isalpha())
    return 2 <= len(letters) <= 3 and letters.isupper() and letters not in _ACRONYMS and \
        _fold(letters) not in _sign_off_words() and _fold(letters) not in _COMMON and \
        all(len(w.strip(".")) <= 3 for w in value.split())


def _signers(text: str) -> Iterator[tuple[int, int]]:
    tail_start = max(0, len(text) - _TAIL)
    for m in _SIGNER.finditer(text, tail_start):
        start, value = m.start(), m.group()
        if start > 0 and text[start - 1] not in " \t\n/–—":
            continue
        if text[m.end():m.end() + 1] == ":" or re.match(r"[.-]\w", text[m.end():m.end() + 2]):
            continue  # a label ("Tel: …", "Kundin: …"), a reference ("KD-0093317"), an address ("….COM")
        head = text[max(0, start - 60):start]
        on_own_line = start == 0 or text[start - 1] == "\n"
        sign_off = _sign_off().search(head)
        if sign_off is not None and not _STARTS_SIGNATURE.search(head, 0, sign_off.start()):
            sign_off = None  # "… and thanks Dean for that": a sentence going on
        dash = _DASH_OR_SLASH.search(head)
        dash_starts = dash is not None and _STARTS_SIGNATURE.search(head, 0, dash.start()) is not None
        alone = _SENTENCE_END.search(head) is not None and start > 0 and _NO_SENTENCE_END.search(head) is None
        if alone and on_own_line and not sign_off and not _after_body(text, start):
            alone = False  # the last of a firm's closing lines ("Kuopion Lämpö Oy\nPerintä")
        if sign_off is None and dash is None and not alone:
            continue
        cued = sign_off is not None or dash is not None
        strong = sign_off is not None or dash_starts
        words = value.split()
        initials = _initials_ok(value)
        end = m.end()
        if initials:
            if not (_PUNCT_END.match(text, end) if cued else _PLAIN_END.match(text, end)):
                continue
            if not cued and not _REQUEST.search(text, max(0, start - 300), start):
                continue
            yield start, end
            return
        before = text[max(0, start - 2000):start]  # the sentences before, read back at most this far
        if len(words) == 2:
            second = words[1].rstrip(".")
            if not (_known(words[0]) and (len(second) == 1 and second.isupper() or
                                          _word_ok(second, before, True))):
                continue  # two words: a given name we know and a surname or an initial ("Per Lindahl", "Uwe K.")
            if not _word_ok(words[0], before, sign_off is not None or dash_starts):
                continue
            if len(second) > 1 and value.endswith("."):
                end -= 1  # the stop after a surname ends the sentence; after an initial it is the initial's
        elif not _word_ok(value, before, sign_off is not None or dash_starts):
            continue
        known = _known(words[0])
        if sign_off is None and not dash_starts and not alone and not known:
            continue  # a dash inside a line names a place or a firm's branch as often ("Farmacia Centrale – Pescara")
        if cued:
            ends = bool(_PUNCT_END.match(text, end) or _PHONE_END.match(text, end) or
                        strong and _REST_OF_LINE.match(text, end) or
                        sign_off is not None and on_own_line and known and _LINES_UNDER.match(text, end))
        else:  # alone: the message's last sentence, after a number, a question or a request
            ends = bool((_PLAIN_END.match(text, end) or known and _PHONE_END.match(text, end))
                        and _REQUEST.search(text, max(0, start - 300), start))
        if ends:
            yield start, end
            return


def _emoji(char: str) -> bool:
    return unicodedata.category(char) in ("So", "Sk", "Cn") or ord(char) >= 0x1F000


@functools.lru_cache(maxsize=8)
def _signed(text: str) -> tuple[tuple[int, int], ...]:
    """The signers of a text, remembered for the last few texts (the filters ask once per PERSON span)."""
    if len(text) < 8 or not text.strip():
        return ()
    return tuple(itertools.islice(_signers(text), CAP))


def find_signoff_names(text: str) -> list[Found]:
    """The words that sign the message (the module's docstring), at most CAP."""
    return [("PERSON", start, end, _SCORE) for start, end in _signed(text)]


def is_signoff_name(text: str, start: int, end: int) -> bool:
    """Whether [start, end) holds the words this module finds signing the text (the learned PERSON check keeps
    them)."""
    return any(s <= start and end <= e for s, e in _signed(text))
