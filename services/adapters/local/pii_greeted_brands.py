"""A firm greeted or signing is not a person (issue 21, session 36, candidate 36-5).

Session 33's filter (pii_greeted) keeps the firm a message greets when its name reads as a firm's: two words or more,
an acronym, a capital inside, a brand we list. One plain word stayed masked ("Hi Rogers," looks like "Hi Joanne,"), and
so did the firms greeted after a greeting it does not know ("Bula …", "Gude …"), written in lower case ("buenas
servientrega"), or in Arabic, Persian or Urdu script; session 34's closing-lines filter (pii_closing_lines) reads a
signer's line as a person's unless a team's, a public body's word or a legal form is in it ("Venlig hilsen\\nAutohuset
Vejle"), and reads no closing lines in a message of one line ("Děkujeme za důvěru, Autoservis Novák").

:func:`without_greeted_brands` (a filter of the detector's ``_never_names``) drops what such a finder masked there:

- the greeted firm: one word, or up to three, after the greeting that opens a message ("Hi Globe!", "Salam Inwi,",
  "Hola Altice, desde …", "Gude Digicel,", "Bula Vodafone Fiji,", "buenas servientrega,") when none of its words is a
  given name we know (pii_rules' given names, word-names such as Grace and first names, or the first four letters or
  more of one: "Thandi", "Kristof"), the greeting is set apart by spaces only, the word holds no title and is not the
  writer's own ("Hi Bola here"), no other PERSON span of the message bears it, and the greeting's line does not end
  with it (a letter's "Hi Joanne,\\n\\n" greets a person);
- a firm in Arabic, Persian or Urdu script: after a greeting ("مرحبا دي إتش إل،", "السلام عليكم الخطوط السعودية،",
  "أهلا بحضرتك في فودافون مصر،"), after a firm's word ("بنك فلسطين", "مصرف الراجحي", "بانک ملت", "شركة …"), or spelled
  out in letters' names ("پی آئی اے", "دي إتش إل"): a PERSON span over it is dropped, an ADDRESS span (a finder reads
  such sentences as addresses) is cut around it;
- a firm signing a letter: the last line of a message after a sign-off, or its last short line after a blank one,
  or the part after a sign-off at the end of a one-line message, when a word of it names a trade or a team
  ("Autohuset Vejle", "Hartley Conveyancing", "Autoservis Novák", "Bogholderiet", "Správce domu") and none is a given
  name we know, a title, or a word of a name masked elsewhere ("Venlig hilsen\\nMette Holm" keeps Mette Holm).

Linear: anchored matches at a message's start and end, one pass over the Arabic-script words.
"""

from __future__ import annotations

import functools
import re

from services.adapters.local import pii_closing_lines, pii_given_names, pii_greeted, pii_rules
from services.models import PiiSpan

# greetings session 33 does not read (lower case): Fijian, Tok Pisin, Malay/Indonesian, Filipino, Southern African,
# Arabic and Persian greetings written in Latin letters
_MORE_GREETINGS = re.compile(
    r"(?i:\A[ \t]*(?:bula|gude|hai|helo|kumusta|musta|magandang[ \t](?:umaga|hapon|gabi)|sawubona|molo|dumela|"
    r"mhoro|mambo|marhaba|salaam|assalam[ou][ \t]?alaikum|as-salamu[ \t]alaykum|ahlan|sat[ \t]sri[ \t]akal|"
    r"vanakkam|ayubowan|sabaidee|sawasdee|talofa|malo[ \t]e[ \t]lelei|ia[ \t]orana|aloha|habari|shikamoo|"
    r"buen[ \t]d[ií]a|qué[ \t]tal|que[ \t]tal|buenas)[ \t]{1,3})")
_ONE_WORD = re.compile(r"[^\W\d_][\w'’&+.-]{0,30}")
_CAPITALISED_RUN = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’&+.-]{0,30}(?:[ \t][A-ZÀ-ÖØ-Þ][\w'’&+.-]{0,30}){0,2}")
_LETTERS = re.compile(r"[^\W\d_]+")
# what ends a greeted name: a stop, a comma, an emoji, a line's end, or a word in lower case ("Hola Altice desde …")
_NAME_END = re.compile(r"[ \t]{0,2}(?:[,!.:;?)\n\u2000-\u2bff\U0001f000-\U0001faff]|\Z|[a-z0-9#@₱$€£])")
_PUNCT_AFTER = re.compile(r"[ \t]{0,2}[,!.:;?]")
# the greeting's line ends with the name: a letter to a person ("Hi Joanne,\n\nCould you …")
_LINE_ENDS = re.compile(r"[ \t]{0,3}[,!:.]?[ \t]{0,3}(?:\n|\Z)")


def without_greeted_brands(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """The spans less the PERSON spans over a greeted or signing firm, and the ADDRESS spans cut around an
    Arabic-script firm (the module's docstring)."""
    if not spans:
        return spans
    firms = []
    greeted = _greeted_word(text, spans)
    if greeted is not None:
        firms.append(greeted)
    signer = _signing_firm(text, spans)
    if signer is not None:
        firms.append(signer)
    out = [s for s in spans if not (s.kind == "PERSON" and any(s.start < end and s.end > start
                                                               for start, end in firms)
                                    and all(s.start >= start - 12 for start, _ in firms))]
    if _ARABIC_LETTER.search(text[:2000]) is not None:
        out = _without_script_firms(text, out)
    return out


# --- the greeted firm -------------------------------------------------------------------------------------------

def _greeted_word(text: str, spans: list[PiiSpan]) -> tuple[int, int] | None:
    """Where the firm a message's opening greeting names is, or None (the module's docstring)."""
    head = text[:400]
    greeting = pii_greeted._GREETING.match(head) or _MORE_GREETINGS.match(head)
    if greeting is None:
        return None
    at = greeting.end()
    run = _CAPITALISED_RUN.match(head, at)
    if run is not None and not _NAME_END.match(head, run.end()):
        run = None
    if run is None or len(run.group().split()) > 1 and _MORE_GREETINGS.match(head) is None:
        # several words after a greeting session 33 knows are its to judge; one word (in any case) is ours
        run = _ONE_WORD.match(head, at)
        if run is None or not _NAME_END.match(head, run.end()):
            return None
    value = run.group().rstrip(".'’")
    start, end = run.start(), run.start() + len(value)
    words = _LETTERS.findall(value)
    if len(words) == 1 and (value.islower() and not _PUNCT_AFTER.match(head, end)
                            or not value.isupper() and len(value) < 4):
        return None  # "hello ng ka yan here", "hi Kev," (a short word in lower case or with one capital: a nickname)
    if len(words) == 1 and value.isupper() and len(value) > 5:
        return None  # "Hi NGOZIKA,": an acronym has at most five letters, a longer word in capitals is a name shouted
    if not words or pii_greeted._titled(value, value.split()) or any(w.lower() in pii_greeted._SELF for w in words):
        return None
    if pii_greeted._INTRODUCED.match(head, end) or _LINE_ENDS.match(head, end):
        return None
    if value.lower() in pii_given_names.GREETINGS or value.lower() in pii_given_names.FUNCTION_WORDS:
        return None  # "Hi there", "Hola buenas"
    if any(_known_name(w) for w in words):
        return None
    others = {w.lower() for s in spans if s.kind == "PERSON" and (s.end <= start or s.start >= end)
              for w in _LETTERS.findall(text[s.start:s.end])}
    if any(w.lower() in others for w in words):
        return None  # "Hi Okafor, Chinedu Okafor here"
    return start, end


def _known_name(word: str) -> bool:
    """A given name we know, a word-name, the first four letters or more of one ("Thandi", "Kristof"), or one of five
    letters or more and at most three more ("Ngozika")."""
    low = word.lower()
    return low in _names() or (len(low) >= 4 and low in _name_heads()) or any(
        low[:k] in _names() for k in range(max(5, len(low) - 3), len(low)))  # "Ngozika" of "Ngozi"


@functools.cache
def _names() -> frozenset[str]:
    return pii_rules.GIVEN_NAMES | pii_rules.WORD_NAMES | pii_rules.FIRST_NAMES


@functools.cache
def _name_heads() -> frozenset[str]:
    """The known names' heads of four letters or more that leave at most four letters out ("thandi" of "thandiwe")."""
    return frozenset(n[:k] for n in _names() for k in range(max(4, len(n) - 4), len(n)))


# --- the firm signing a letter ----------------------------------------------------------------------------------

# the word of a firm's trade or a team, by its form: a Nordic word with its article ("Autohuset", "Bogholderiet",
# "Revisionskontoret", "Tandklinikken"), an English trade ("Conveyancing", "Plumbing", "Roofing"), a compound that
# starts with a trade's stem ("Autoservis", "Elektroinstallationen"), a steward's word ("Správce", "Hausverwaltung")
_TRADE_FORM = re.compile(
    r"(?<!\S)(?i:\S{2,40}(?:eriet|eriat|huset|kontoret|kontor|centret|centeret|centralen|firmaet|firman|klinikken|kliniken|"
    r"butikken|butiken|værkstedet|verkstedet|verkstaden|forretningen|salongen|afdelingen|avdelingen|avdelningen|"
    r"verwaltung|verwaltungen|zentrale|werkstatt|betrieb|handel|praxis|kancelář|kancelaria|servis|serwis|szerviz|"
    r"centrum|centar|korjaamo|huolto|toimisto|keskus|palvelu|palvelut)|"
    r"(?:auto|elektro|sanit[äa]r|metall|install|transport|logisti|spedi|immo|hausverw|"
    r"reklam|tisk|instal|servis|serwis|kfz)\w{3,40}(?<!mann)(?<!man)(?<!er)|"
    r"conveyancing|plumbing|roofing|heating|cleaning|catering|landscaping|accounting|bookkeeping|printing|glazing|"
    r"flooring|fencing|paving|scaffolding|tiling|plastering|decorating|joinery|removals|tutoring|consulting|"
    r"recruitment|staffing|engineering|fabrication|upholstery|lettings|conveyancers|surveyors|chartered|"
    r"správce|správa|správcovství|sekretariát|účtárna|kancelář|bogholderi|bogholderiet|regnskabet|regnskapet|"
    r"ekonomi|ekonomiavdelningen|administrationen|administrasjonen|ledelsen|kontoret|sekretariatet|kundeservice|"
    r"hausverwaltung|verwaltung|zakład|biuro|spółdzielnia|administrator|administratorul|správa[ \t]domu)\Z")
_SIGN_OFF_INLINE = re.compile(
    r"(?i:(?:[.!,][ \t]{1,3}|\A)(?:děkujeme[ \t]za[ \t]důvěru|děkujeme|děkuji|s[ \t]pozdravem|terveisin|ystävällisin"
    r"[ \t]terveisin|mvh|med[ \t]vennlig[ \t]hilsen|venlig[ \t]hilsen|vänliga[ \t]hälsningar|mvg|met[ \t]vriendelijke"
    r"[ \t]groet(?:en)?|mit[ \t]freundlichen[ \t]grüßen|mfg|lg|viele[ \t]grüße|regards|kind[ \t]regards|thanks|"
    r"thank[ \t]you|cheers|cordialement|merci|saludos|gracias|atentamente|cordiali[ \t]saluti|grazie|obrigad[oa]|"
    r"pozdrawiam|dziękujemy|üdvözlettel|köszönjük|cu[ \t]stimă|hvala|pozdrav|tack|takk|tak|kiitos)"
    r"[ \t]{0,2}[,:–—-]?[ \t]{1,3})")
_SHORT_LINE = 48


def _signing_firm(text: str, spans: list[PiiSpan]) -> tuple[int, int] | None:
    """Where the firm that signs a message's last line is, or None (the module's docstring)."""
    body = text.rstrip()
    if not body:
        return None
    line_start = body.rfind("\n") + 1
    line = body[line_start:]
    lead = len(line) - len(line.lstrip(" \t>"))
    start = line_start + lead
    if not any(s.kind == "PERSON" and s.end > start for s in spans):
        return None
    if line_start == 0 or not _after_sign_off_or_gap(text, line_start):
        # one line, or one after the body: the part after an inline sign-off near its end ("…, Autoservis Novák")
        tail_from = max(start, len(body) - 80)
        inline = None
        for m in _SIGN_OFF_INLINE.finditer(body, tail_from):
            inline = m
        if inline is None:
            return None
        start = inline.end()
    part = body[start:].rstrip(" .!")
    if not part or len(part) > _SHORT_LINE or "\n" in part or pii_closing_lines._PART_BREAK.search(part):
        return None  # "Marloes | People Team": a line of parts is the closing-lines filter's
    words = _LETTERS.findall(part)
    if not 1 <= len(words) <= 4 or not part[0].isupper():
        return None
    lowered = [w.lower() for w in words]
    if any(_known_name(w) and w.lower() not in _trade_lows() for w in words):
        return None  # "Venlig hilsen\nMette Holm"
    if any(w in pii_greeted._TITLE or w in pii_closing_lines._PERSON_TITLES for w in lowered):
        return None
    named = {w.lower() for s in spans if s.kind == "PERSON" and s.end <= start
             for w in _LETTERS.findall(text[s.start:s.end])}
    if any(w in named for w in lowered):
        return None  # "Kjeld Mørup" above "Mørup VVS": a name masked in the message
    if not any(_trade_word(w) for w in words):
        return None
    return start, start + len(part)


def _after_sign_off_or_gap(text: str, line_start: int) -> bool:
    """Whether a sign-off line, or a blank line after the body, comes right before a message's last line."""
    if pii_closing_lines._after_sign_off(text, line_start):
        return True
    return text[:line_start].rstrip(" \t").endswith("\n\n") or text[:line_start].rstrip(" \t").endswith("\n\n>")


def _trade_word(word: str) -> bool:
    """A word of a firm's trade or of a team: this module's forms, a team's or a public body's word, a sector's word of
    seven letters or more (not a shorter one, as the closing-lines filter on a signer's line: "Regards, Tremaine
    Bank")."""
    low = word.lower()
    if _TRADE_FORM.match(low) or len(low) >= 7 and low in pii_closing_lines._SECTOR_WORDS:
        return True  # a long sector word is no surname ("Techniker Gesundheitskasse", "Hansa Versicherung")
    return pii_closing_lines._team_word(low) or low in pii_closing_lines._PUBLIC_WORDS


@functools.cache
def _trade_lows() -> frozenset[str]:
    return (pii_closing_lines._firm_words() | pii_closing_lines._SECTOR_WORDS) - _names()


# --- firms in Arabic, Persian and Urdu script -------------------------------------------------------------------

_ARABIC_LETTER = re.compile(r"[\u0600-\u06ff]")
_AR_WORD = r"[\u0621-\u064a\u0660-\u0669\u066e-\u06d3\u06d5\u064b-\u065f\u0670\u06fa-\u06ff]{1,20}"
# a greeting, with "welcome to" ("أهلا بحضرتك في", "مرحبا بك في"), after any speaker's label ("الموظف: ")
_AR_GREETING = re.compile(
    r"(?:\A|\n)[ \t]{0,3}(?:[^\n:]{1,20}:[ \t]{0,3})?"
    r"(?:السلام[ \t]عليكم|السلام[ \t]علیکم|سلام[ \t]علیکم|مرحباً|مرحبا|مرحبًا|أهلاً|أهلا|اهلا|اهلاً|هلا|سلام|درود|"
    r"صباح[ \t]الخير|مساء[ \t]الخير|شكراً|شكرا|آداب)"
    r"(?:[ \t](?:بك|بكم|بيك|بحضرتك|وسهلا|وسهلاً)){0,2}(?:[ \t](?P<to>في|فى|لدى))?[ \t]{1,2}")
# a firm's word before its name: bank, company, airline, restaurant, branch, post, hospital …
_AR_FIRM_WORD = re.compile(
    r"(?<![\u0600-\u06ff])(?:بنك|البنك|مصرف|بانک|شركة|شركه|شرکت|مؤسسة|مؤسسه|مطعم|مستشفى|مستشفی|بیمارستان|صيدلية|"
    r"داروخانه|الخطوط|خطوط|طیران|هواپیمایی|فندق|هتل|بريد|پست|مجموعة|محلات|سوبرماركت|هايبر|فرع|شعبه|شعبة|مركز|"
    r"بینک|کمپنی|ایئرلائن)[ \t]")
# the names of Latin letters in Arabic and Urdu script: a run of two or more spells an acronym ("دي إتش إل", "پی آئی اے")
# (less the letters' names that are also common words: في "in", إن "that", أو "or", ام "or", اس "this", این "this",
# کے "of", جی "yes")
_LETTER_NAMES = frozenset("""إي سي دي إف اف جي إتش اتش إيه آي جيه جاي كيه كاي إل إم آر إس تي يو دبليو إكس اكس واي زد
اے پی سی ٹی ڈی ایف ایچ جے ایل ایم آر ایس یو وی ڈبلیو ایکس وائی زیڈ آئی""".split())
_AR_STOP = frozenset("""معك معاك معكم معاكم معانا كيف شو وش ايش إيش الشحنة رحلتي من في على إلى الى عن و يا لو ممكن ابغى
أبغى بدي عندي اسمي رقم حسابي حسابي الجديد الدفع كم متى وين هل لماذا ليش تم عم مساء صباح الخير النور حولت ميری میری
میرا کا کی کے سے پر ہے ہیں میں برای به از در با که را این شعبه""".split())
_AR_TOKEN = re.compile(_AR_WORD)


def _without_script_firms(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """The spans less the PERSON spans over a firm in Arabic, Persian or Urdu script, the ADDRESS spans cut around it."""
    firms = _script_firms(text)
    if not firms:
        return spans
    out: list[PiiSpan] = []
    for s in spans:
        hits = [(a, b) for a, b in firms if s.start < b and s.end > a]
        if not hits:
            out.append(s)
        elif s.kind == "ADDRESS":
            out += _cut_around(text, s, hits)
        elif s.kind != "PERSON":
            out.append(s)
    return out


def _script_firms(text: str) -> list[tuple[int, int]]:
    """Where the firms in Arabic, Persian or Urdu script are (at most 24)."""
    found: list[tuple[int, int]] = []
    for m in _AR_GREETING.finditer(text[:4000]):
        firm = _name_run(text, m.end(), 3)
        # after "welcome to" any name; else one with the article ("الخطوط السعودية"), not a person's ("مرحبا أحمد")
        if firm is not None and (m.group("to") or text.startswith("ال", firm[0])):
            found.append(firm)
    for m in _AR_FIRM_WORD.finditer(text[:4000]):
        end = _name_run(text, m.end(), 2)
        if end is not None:
            found.append((m.start(), end[1]))
        if len(found) >= 24:
            break
    letters = _letters_run(text[:4000])
    if letters is not None:
        found.append(letters)
    return found[:24]


def _name_run(text: str, at: int, most: int) -> tuple[int, int] | None:
    """The run of at most ``most`` Arabic-script words at ``at`` up to a comma, a stop, a line's end or a word that
    ends a firm's name (a pronoun, a preposition, a verb of the request): the firm's name, or None."""
    end = at
    count = 0
    pos = at
    while count < most:
        m = _AR_TOKEN.match(text, pos)
        if m is None or m.group() in _AR_STOP:
            break
        end = m.end()
        count += 1
        if end >= len(text) or text[end] not in " \t":
            break
        pos = end + 1
    if count == 0:
        return None
    if count == 1 and end - at < 3:
        return None
    return at, end


def _letters_run(text: str) -> tuple[int, int] | None:
    """The first run of two or more Latin letters' names in Arabic or Urdu script ("پی آئی اے"), or None."""
    start = count = end = 0
    for m in _AR_TOKEN.finditer(text):
        if m.group() in _LETTER_NAMES and count and not text[end:m.start()].strip(" \t"):
            count += 1
        elif count >= 2:
            return start, end
        elif m.group() in _LETTER_NAMES:
            start, count = m.start(), 1
        else:
            count = 0
        end = m.end()
    return (start, end) if count >= 2 else None


def _cut_around(text: str, span: PiiSpan, firms: list[tuple[int, int]]) -> list[PiiSpan]:
    """An ADDRESS span less the firms in it: the pieces before and after that keep two words and a digit."""
    pieces = [(span.start, span.end)]
    for a, b in sorted(firms):
        nxt: list[tuple[int, int]] = []
        for s, e in pieces:
            if b <= s or a >= e:
                nxt.append((s, e))
                continue
            nxt += [(s, a), (b, e)]
        pieces = nxt
    out: list[PiiSpan] = []
    for s, e in pieces:
        while s < e and not text[s].isalnum():
            s += 1
        while e > s and not text[e - 1].isalnum():
            e -= 1
        piece = text[s:e]
        greeting = _AR_GREETING.match(piece + " ")
        if greeting is not None and greeting.end() >= len(piece):
            continue  # "مرحبا بك في" before the firm
        if len(_LETTERS.findall(piece)) >= 2 and any(c.isdigit() for c in piece):
            out.append(PiiSpan(span.kind, s, e, span.score))
    return out
