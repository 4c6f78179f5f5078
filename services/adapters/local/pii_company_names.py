"""Companies named in a message are kept names (session 45, candidate 45-3): a filter of the PERSON and ADDRESS spans,
run last in the default detector and the rules-only one (after every add-back, which may take a brand for a greeted
name or an agent's, "Agent: Telenor, du snakker med Sindre").

By the labelling conventions (``tests/data/pii/build.py``) a company's name is a kept ``COMPANY``: an operator, a bank,
a payment service, a utility, an energy supplier, an insurer, a courier or a gym chain of any country, and a firm named
by a word for its kind ("Steuerkanzlei Vogt & Ramadani", "Auto servis Jovanović", "Viễn thông Sao Mai"); a person's
name beside it stays masked.

What it finds, on one line at a time:
- a company we know, written capitalised or in capitals: the operators, banks, payment services, utilities, energy
  suppliers, insurers, couriers and gyms of this session's part of ``pii_brands.txt`` ("Wiener Städtische", "Rīgas
  Siltums", "Mashreq", "BDO Unibank", "Enedis"; an acronym only in capitals: "SEB" is no "Seb") and the names of
  several words of its earlier parts ("Ninja Van"), and a few names that hold a first name, read as a whole ("Canal de
  Isabel II", "Elisa Eesti"); a name that holds a first name we know is not read from the list;
- a company whose name is also a first name ("Elisa", "Zain", "Kuda"), and the one-word names of the list's earlier
  parts (which pii_presidio reads as a whole span only: "Zara", "HP" are a name and initials too), only with a
  company's word right after it: a country ("Zain Kuwait"), a service word ("Kuda support", "Zain bill", "DHL-Info")
  or an agent's greeting at the start of a turn ("Agentti: Elisa, Tuomas puhelimessa", "Agent: Telenor, du snakker
  med Sindre");
- the rest of a firm's name after its kind's word: the names joined by "&", "y", "und", "og" … ("Steuerkanzlei Vogt
  & Ramadani"), a name after a two-word kind written in lower case ("Auto servis Jovanović", "Viễn thông Sao Mai",
  "Ngân hàng Á Châu"), and a Yugoslav public enterprise in capitals ("JP VOKA SNAGA", "JKP Vodovod").
A PERSON span inside such a name, or made of it and of company words (a country, a service word, a kind's word:
"Zain Kuwait", "Versicherig Mobiliar", "Uzcard qo'llab-quvvatlash"), is dropped; one that goes on past a comma keeps
its own part ("Sreejith Nair, Mashreq" keeps "Sreejith Nair"); an ADDRESS span wholly inside a name is dropped.

What it never takes (the look-alikes):
- a person beside the company: a span with a word that is no company word ("Delta Burke", "Usain Bolt") is kept
  whole; a first name alone ("Elisa Barbieri", "Zain Malik", "thanks Zain!") is no company;
- a name inside a firm's name that someone in the message bears ("Pilar Soto … Gestoría Soto y Asociados",
  "Herr Jovanović … Auto servis Jovanović", "Fiona McDonald … McDonald's", "Robert Kaczmarczyk\nUsługi Stolarskie
  Kaczmarczyk"): masked inside the firm too (the conventions);
- a first name after a firm's kind and a joining word ("Büro Anna und Tom Berger"), "JP" and a name not in capitals
  ("JP Smith"), an ADDRESS that is a one-word company's town ("Halifax");
- a company word in lower case ("the bill came from the bank"), and a brand written in lower case inside a sentence.
At most 200 spans and 30 lines are read per message.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence
from pathlib import Path

from services.adapters.local import pii_institution_names, pii_rules
from services.models import PiiSpan

# names of companies that hold a first name, read only as a whole (kept out of pii_brands.txt, which holds none)
WHOLE_NAMES = ("Canal de Isabel II", "Elisa Eesti", "Elisa Viihde", "Elisa Oyj", "Kerry Express", "Mutua Madrileña",
               "Reale Mutua", "Holmes Place", "David Lloyd Clubs", "John Reed Fitness", "Zain Cash", "ZainCash")
# companies whose name is as often a first name: read only with a company's word after them
AMBIGUOUS = frozenset("elisa zain kuda".split())
# what may follow a company whose name is a first name ("Zain Kuwait", "Kuda support"; not "Zain Jordan", "Elisa
# help me": a country that is a surname too, a verb)
_AMBIGUOUS_NEXT = frozenset("""kuwait ksa iraq bahrain sudan eesti estonia suomi finland nigeria support customer
helpline helpdesk chat info bill billing app network kundeservice asiakaspalvelu asiakaspalveluun klienditeenindus""".split())
# countries (and their short forms) named after an operator or a bank ("MTN MoMo Ghana", "Telia Eesti")
_COUNTRIES = frozenset("""kuwait bahrain iraq sudan saudi ksa oman qatar uae egypt ghana nigeria uganda kenya
tanzania zambia rwanda cameroon ivoire benin eswatini botswana namibia pakistan india bangladesh lanka nepal malaysia
indonesia philippines singapore vietnam thailand eesti estonia latvija latvia lietuva lithuania suomi finland sverige
sweden norge norway danmark denmark deutschland germany österreich austria schweiz switzerland italia italy españa
spain france portugal polska poland česko hrvatska srbija slovenija bulgaria românia romania magyarország türkiye
turkey uk ireland nz australia canada mexico méxico brasil brazil argentina chile colombia perú peru ecuador""".split())
# service words said after a company's name ("Kuda support", "Zain bill", "DHL-Info", "Uzcard qo'llab-quvvatlash")
_SERVICE = frozenset("""support care customer customers service services helpline help helpdesk desk chat info team bill
bills billing app account network line lines shop store money pay wallet online mobile kundeservice kundenservice
kundendienst kundtjänst kundeservicen asiakaspalvelu klienditeenindus klientu atención servicio servizio assistance
assistenza atendimento obsługa podpora ügyfélszolgálat qo'llab-quvvatlash destek dukungan""".split())
# an agent's greeting after a company's name and a comma ("Elisa, Tuomas puhelimessa", "Telenor, du snakker med Sindre")
# (on a line of its own or a speaker's turn: "Hi Elisa, Marco here" greets a person)
_GREETING_AFTER = re.compile(
    r",[ \t]{1,3}(?:[^\W\d_][\w'’-]{0,30}[ \t]{1,3}(?i:speaking|puhelimessa|al habla|à l'appareil|falando|"
    r"aan de lijn|przy telefonie|u telefonu|i telefonen|ved telefonen|am apparat)\b|(?i:du snakker med|"
    r"du pratar med|du taler med|you'?re speaking (?:to|with)|olet yhteydessä|sie sprechen mit|vous parlez avec|"
    r"está hablando con|sta parlando con))")
_TURN_START = re.compile(r"[ \t]{0,4}(?:[^\W\d_][\w .'’-]{0,30}:[ \t]{0,4})?")
# words that may join the names of a firm after its kind's word ("Steuerkanzlei Vogt & Ramadani")
_JOINS = r"(?:&|\+|y|i|e|et|und|and|og|och|en|ja|és|si|ve|dan)"
# two-word kinds written with a lower-case second word, before the firm's name (lower case as written after the first)
_TWO_WORD_KINDS = ("auto servis", "auto centar", "auto škola", "auto skola", "viễn thông", "ngân hàng", "điện lực",
                   "bảo hiểm", "cấp nước", "chuyển phát", "công ty", "taller mecánico", "auto serwis",
                   "ремонт сервиз", "авто сервиз", "авто сервис")
_TWO_WORD = re.compile(r"(?<![\w'’-])(?i:" + "|".join(re.escape(k).replace(r"\ ", r"[ \t]{1,2}")
                                                     for k in _TWO_WORD_KINDS) + r")[ \t]{1,2}$")
# a public enterprise of the former Yugoslavia ("JKP Vodovod", "JP VOKA SNAGA": after "JP" two words in capitals, as
# "JP Smith" is a person)
_PUBLIC_ENTERPRISE = re.compile(r"(?<![\w'’-])(?:JKP|KJP|JKSP|JPKP)[ \t]{1,2}[A-ZČĆŠŽĐ][\w-]{0,30}"
                                r"(?:[ \t]{1,2}(?:[A-ZČĆŠŽĐ][\w-]{0,30}|i)){0,4}|"
                                r"(?<![\w'’-])JP(?:[ \t]{1,2}[A-ZČĆŠŽĐ]{2,30}(?![\w'’-])){2,4}")
# a kind's word, then up to two capitalised names, then a joining word, right before a span ("Steuerkanzlei Vogt & ")
_FIRM_BEFORE = re.compile(r"(?<![\w'’-])([^\W\d_][\w'’.-]{1,40})((?:[ \t]{1,2}[^\W\d_][\w'’.-]{0,30}){1,2})[ \t]{1,2}"
                          + _JOINS + r"[ \t]{1,2}$")
# firms' kinds (besides pii_trade_firms' trade words) whose partners' names may follow, joined ("Gestoría Soto y Ruiz")
_FIRM_KINDS = frozenset("""gestoría asesoría kanzlei rechtsanwälte anwaltskanzlei notariat notaría abogados avocats
cabinet advocaten advocatenkantoor notariskantoor solicitors accountants architects architekten ingenieure kancelaria
studio""".split())
_WORD = re.compile(r"[^\W\d_][\w'’.-]{0,40}|&|\d[\w.-]{0,20}")
_PARTICLES = frozenset("& and und y i e et og och en van von der den de da di del la le".split())
_MAX_SPANS = 200
_MAX_HITS = 60


@functools.cache
def _names_by_key() -> dict[str, tuple[tuple[re.Pattern[str], bool], ...]]:
    """The companies we read, by the first run of letters and digits of their name: each a pattern of its own (longest
    first, bounded on both sides) and whether it is read alone (True) or only with a company's word or an agent's
    greeting after it (False). Read alone: the session's part of pii_brands.txt (no first name, no labelled name word;
    a name listed in capitals only in capitals: "SEB" is no "Seb"), WHOLE_NAMES, and the names of several words of the
    earlier parts (with no first name we know); read with a cue: the one-word names of the earlier parts (which
    pii_presidio reads as a whole span, "Zara" and "HP" are names and initials too) and AMBIGUOUS."""
    lines = _BRANDS_FILE.read_text(encoding="utf-8").splitlines()
    ours = next(i for i, line in enumerate(lines) if line.startswith("# session 45"))
    entries: dict[str, tuple[str, bool]] = {}  # lower case -> (as written, read alone)
    for i, line in enumerate(lines):
        name = " ".join(line.split())
        if not name or name.startswith("#") or len(name) < 2:
            continue
        words = name.lower().split()
        if any(w in pii_rules.FIRST_NAMES or w in pii_rules.GIVEN_NAMES for w in words):
            continue
        entries.setdefault(name.lower(), (name, i > ours or len(words) > 1))
    for name in WHOLE_NAMES:
        entries[name.lower()] = (name, True)
    for name in AMBIGUOUS:
        entries[name] = (name, False)
    by_key: dict[str, list[tuple[re.Pattern[str], bool]]] = {}
    for low in sorted(entries, key=len, reverse=True):
        written, alone = entries[low]
        key = _KEY.match(low)
        if key is None:
            continue
        body = re.escape(written).replace(r"\ ", r"[ \t]{1,2}")
        exact = written.isupper() and len(written) <= 6  # an acronym, read as written
        by_key.setdefault(key.group(), []).append(
            (re.compile((body if exact else r"(?i:" + body + r")") + r"(?![\w'’@])"), alone))
    return {k: tuple(v) for k, v in by_key.items()}


_BRANDS_FILE = Path(__file__).with_name("pii_brands.txt")
_KEY = re.compile(r"[^\W_]{1,40}")
_WORD_START = re.compile(r"(?<![\w'’@./-])[^\W_]{1,40}")


def _written_as_name(value: str) -> bool:
    """Capitalised or in capitals (a script without case counts as written so)."""
    first = next((c for c in value if c.isalpha()), "")
    return bool(first) and (first.isupper() or not first.islower())


def _company_word(word: str) -> bool:
    """A country, a service word, a legal form or a kind's word (pii_institution_names' heads and trade words)."""
    bare = word.strip(".,:;!?\"-")
    low = bare.strip("'’").casefold()
    return (low in _COUNTRIES or low in _SERVICE or bare in pii_institution_names.LEGAL_FORMS
            or pii_institution_names._is_head(bare))


_NEXT = re.compile(r"(?:[ \t]{1,2}|-)([^\W\d_][\w'’-]{0,30})")


def _ambiguous_ok(text: str, start: int, end: int) -> bool:
    """A first-name company with a country, a service word or a legal form right after it, or an agent's greeting
    after a comma ("Zain Kuwait", "Kuda support", "Elisa, Tuomas puhelimessa")."""
    if _GREETING_AFTER.match(text, end):
        line = text[text.rfind("\n", 0, start) + 1:start]
        return len(line) <= 40 and _TURN_START.fullmatch(line) is not None  # "Agentti: Elisa, Tuomas puhelimessa"
    nxt = _NEXT.match(text, end)
    return nxt is not None and (nxt.group(1).casefold() in _AMBIGUOUS_NEXT
                                or nxt.group(1) in pii_institution_names.LEGAL_FORMS)


def company_names(text: str) -> list[tuple[int, int]]:
    """Where the text names a company we know ((start, end) pairs, in order)."""
    by_key = _names_by_key()
    found: list[tuple[int, int]] = []
    for word in _WORD_START.finditer(text):
        if len(found) >= _MAX_HITS:
            break
        patterns = by_key.get(word.group().casefold())
        if not patterns or not _written_as_name(word.group()):
            continue
        for pattern, alone in patterns:
            m = pattern.match(text, word.start())
            if m is None:
                continue
            if alone or _ambiguous_ok(text, m.start(), m.end()):
                end = m.end()
                for _ in range(2):  # and a country or a service word after it ("MTN MoMo Ghana", "Zain Kuwait")
                    nxt = _NEXT.match(text, end)
                    if nxt is None or nxt.group(1).casefold() not in _COUNTRIES | _SERVICE:
                        break
                    end = nxt.end()
                found.append((m.start(), end))
            break
    found += [(m.start(), m.end()) for m in itertools.islice(_PUBLIC_ENTERPRISE.finditer(text), _MAX_HITS)]
    return sorted(found)


def _firm_tail(text: str, span: PiiSpan) -> bool:
    """The span is the rest of a firm's name after its kind's word: after "<Kind> <Name> &" or a two-word kind."""
    line_start = text.rfind("\n", 0, span.start) + 1
    head = text[max(line_start, span.start - 80):span.start]
    if _TWO_WORD.search(head):
        return True
    m = _FIRM_BEFORE.search(head)
    if m is None:
        return False
    kind, names = m.group(1), _WORD.findall(m.group(2))
    words = names + _WORD.findall(text[span.start:span.end])
    return (kind[:1].isupper() and (pii_institution_names._trade(kind.casefold()) or kind.casefold() in _FIRM_KINDS)
            and all(w[:1].isupper() for w in names) and len(words) <= 4
            and not any(w.casefold() in pii_rules.GIVEN_NAMES for w in words))  # "Büro Anna und Tom" are people


def _borne_elsewhere(text: str, span: PiiSpan, people: Sequence[PiiSpan]) -> bool:
    """A word of the span that is no company word is masked in another PERSON span of the message, or said elsewhere
    after a first name or a title ("Fiona McDonald … McDonald's"); "MTN MoMo Ghana … Ghana" is no one's name."""
    mine = {w.casefold() for w in _WORD.findall(text[span.start:span.end]) if not _company_word(w)} - _PARTICLES
    if any(pii_institution_names._said_as_name(text, span, w) for w in mine):
        return True
    for other in people:  # a full name with a first name we know ("Kreisverkehr Wiener" is no one's)
        words = [w.casefold() for w in _WORD.findall(text[other.start:other.end])]
        if (not (other.start < span.end and span.start < other.end) and mine & set(words)
                and any(w in pii_rules.GIVEN_NAMES for w in words)):
            return True
    return False


def _firm_line(line: str) -> bool:
    """A line of a span that begins with a kind's word, capitalised ("Reformes Casals", "Steuerkanzlei Haas")."""
    words = _WORD.findall(line)
    return len(words) > 1 and words[0][:1].isupper() and pii_institution_names._is_head(words[0])


def _without_firm_line(text: str, span: PiiSpan) -> PiiSpan:
    """A span run over a line break onto a firm's line loses that line ("Jordi\nReformes Casals" → "Jordi"), unless
    the line holds a word of the name ("Robert Kaczmarczyk\nUsługi Stolarskie Kaczmarczyk": the writer's surname in his
    firm's name stays masked)."""
    value = text[span.start:span.end]
    if "\n" not in value:
        return span
    first, _, last = value.partition("\n")
    shared = {w.casefold() for w in _WORD.findall(first)} & {w.casefold() for w in _WORD.findall(last)}
    if first.strip() and _firm_line(last.strip()) and "\n" not in last and not shared:
        return PiiSpan(span.kind, span.start, span.start + len(first.rstrip()), span.score)
    return span


def _outside_words(text: str, span: PiiSpan, start: int, end: int) -> tuple[str, str]:
    return text[span.start:max(span.start, start)], text[min(span.end, end):span.end]


def without_company_names(text: str, spans: Sequence[PiiSpan]) -> list[PiiSpan]:
    """The spans without the PERSON spans that name a company (trimmed to a person named beside it after a comma) and
    without the ADDRESS spans inside a company's name."""
    if not spans or len(spans) > _MAX_SPANS or not any(s.kind in ("PERSON", "ADDRESS") for s in spans):
        return list(spans)
    hits = company_names(text)
    names = [s for s in spans if s.kind == "PERSON"]
    people = [s for s in names if not any(a < s.end and s.start < b for a, b in hits)]
    out: list[PiiSpan] = []
    for s in spans:
        if s.kind == "ADDRESS":  # a company of several words ("Wiener Wohnen"; "Halifax" is a town too)
            if not any(a <= s.start and s.end <= b and " " in text[a:b] for a, b in hits):
                out.append(s)
            continue
        if s.kind != "PERSON":
            out.append(s)
            continue
        if _firm_tail(text, s) and not pii_institution_names._named_elsewhere(text, s, names):
            continue  # "Steuerkanzlei Vogt & Ramadani", "Auto servis Jovanović"
        s = _without_firm_line(text, s)
        over = [(a, b) for a, b in hits if a < s.end and s.start < b]
        if not over or _borne_elsewhere(text, s, people):
            out.append(s)  # "Fiona McDonald … McDonald's": the writer's surname in a firm's name stays masked
            continue
        a, b = over[0][0], over[-1][1]
        before, after = _outside_words(text, s, a, b)
        rest = _WORD.findall(before) + _WORD.findall(after)
        if all(_company_word(w) or w[:1].islower() for w in rest):
            continue  # "Zain Kuwait", "Versicherig Mobiliar", "Telenor"
        if after.strip() == "" and re.search(r"[,;:/|–—]\s{0,3}$", before):
            cut = re.search(r"\s{0,3}[,;:/|–—]\s{0,3}$", before)
            assert cut is not None
            out.append(PiiSpan(s.kind, s.start, s.start + cut.start(), s.score))  # "Sreejith Nair, Mashreq"
            continue
        if before.strip() == "" and re.match(r"\s{0,3}[,;:/|–—]", after):
            lead = re.match(r"\s{0,3}[,;:/|–—]\s{0,3}", after)
            assert lead is not None
            out.append(PiiSpan(s.kind, b + lead.end(), s.end, s.score))  # "Mashreq, Sreejith Nair"
            continue
        out.append(s)
    return out
