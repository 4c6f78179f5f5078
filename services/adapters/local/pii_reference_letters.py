"""The letters of a reference read out in a call are not a name (session 33).

An agent asks for a number ("policy number please", "the plate", "booking reference please", "Kennzeichen bitte") and
the caller reads it out on the next turn: "LA/MTR/2026/004471", "MT 4471 2290", "K as in kilo, seven, T", "NJ X47 KRP",
"CMB UL 44120". The name finders read the letters of the reference as someone's initials.

:func:`without_reference_letters` (a filter of the detector's ``_never_names``) drops a PERSON span when:

- the previous line is the answering side's turn (``pii_answering``'s speaker labels) whose last sentence asks for a
  number, reference, policy, plate, registration, booking, claim, case, PCN, citation, patient, application, file or
  ticket (or their Spanish, French, German, Portuguese or Italian words) and for no name ("name and policy number");
- the span is on the next line, another speaker's turn (``pii_ids``' speaker label), after no name word of that turn;
- the span is letters only: groups of one to four capitals or single lower-case letters, joined by spaces, commas,
  slashes or dashes, a single letter perhaps said with a spelling word ("K as in kilo", "B wie Berta"), twelve letters
  at most;
- the turn goes on from the span, within a few characters, to digits or number words ("… 4471", "…, seven, T");
- it is no given name we know ("AMY 4471"), and no other PERSON span of the message bears one of its words.

Every pattern here is linear; the rest is plain Python over one line pair.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter

from services.adapters.local import pii_answering, pii_ids, pii_rules
from services.models import PiiSpan

# what an agent asks for: the number's words in the languages our calls mix (German compounds end in "nummer")
_NUMBER_WORDS = frozenset("""number numbers reference ref policy plate registration reg rego booking claim case pcn
citation patient application file ticket número numero números referencia póliza poliza matrícula matricula placa
reserva expediente caso siniestro reclamación reclamacion solicitud localizador folio numéro référence
police immatriculation plaque réservation reservation dossier sinistre demande billet nummer kennzeichen
aktenzeichen referenz buchung polizze vorgang fall schaden antrag referência referencia apólice apolice
processo sinistro protocolo bilhete riferimento polizza targa prenotazione pratica biglietto""".split())
# words that ask for a name or that give one: a spelled name after them is a name
_NAME_WORDS = frozenset("""name names surname surnames forename forenames called who whose whom holder policyholder
nombre nombres apellido apellidos nom noms prénom prénoms prenom nachname vorname familienname nome nomi cognome
sobrenome titular titulaire inhaber inhaberin intestatario intestataria i'm i’m im""".split())
# the words said between a letter and its spelling word ("K as in kilo", "B wie Berta", "C comme Célestin")
_SPELLING_JOINERS = frozenset("for wie comme come como de".split())
# the spelling alphabets' words (NATO, DIN 5009, Spanish, French, Italian) that are given names too: said after their
# own letter they spell it
_SPELLING_WORDS = pii_rules.NATO_WORDS | frozenset("""anton berta
caesar cäsar dora emil friedrich gustav heinrich ida julius kaufmann ludwig martha nordpol otto paula quelle richard
samuel siegfried theodor ulrich viktor wilhelm xanthippe ypsilon zacharias zeppelin antonio carmen dolores enrique
josé jose lorenzo ramón ramon ulises anatole berthe célestin désiré eugène émile françois gaston henri irma joseph
kléber louis marcel nicolas pierre raoul suzanne thérèse ursule william xavier yvonne zoé ancona bologna como
domodossola empoli firenze genova imola livorno milano napoli otranto padova roma savona torino udine venezia""".split())
# a number's words said after the letters ("…, seven, T"); a lone "o" may be a letter
_DIGIT_WORDS = pii_ids.DIGIT_WORDS - {"o"}
# a token of a line: a word (with its apostrophe or dash), a run of digits, or one mark
_TOKEN = re.compile(r"[^\W\d_]{1,30}(?:['’-][^\W\d_]{1,30}){0,2}|\d{1,30}|\S")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_MAX_LETTERS = 12
_AFTER_CHARS = 24  # how far after the span the reference's digits may start
_JOINS = frozenset(",/-–")


def without_reference_letters(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """The spans less the letters of a reference that a caller reads out when asked for it (the module's docstring)."""
    if not any(s.kind == "PERSON" for s in spans) or "\n" not in text:
        return spans
    answers = _answers(text)
    if not answers:
        return spans
    starts = [answer[0] for answer in answers]
    borne = Counter(w.lower() for s in spans if s.kind == "PERSON" for w in _TOKEN.findall(text, s.start, s.end))
    drop: set[int] = set()
    for i, span in enumerate(spans):
        at = bisect.bisect_right(starts, span.start) - 1  # the last answer that starts at or before the span
        if span.kind != "PERSON" or at < 0 or span.end > answers[at][1]:
            continue
        if _reference_letters(text, span, answers[at], borne):
            drop.add(i)
    return [s for i, s in enumerate(spans) if i not in drop] if drop else spans


def _answers(text: str) -> list[tuple[int, int, int]]:
    """Where each answer to a request for a number is: the next line's text after its speaker's label, and where its
    first name word is (the line's end when none is)."""
    found: list[tuple[int, int, int]] = []
    for question, start, end in pii_ids.next_turns(text):
        label = pii_answering.ANSWERING_SPEAKER.match(question)
        if not label or not _asks_for_a_number(question[label.end():]):
            continue
        line = text[start:end]
        head = start + len(line) - len(line.lstrip(" \t"))
        if text.startswith("[", head) and 0 < text.find("]", head, head + 24):  # "[10:04] Caller:"
            stamp = text.find("]", head, head + 24) + 1
            head = stamp + len(text[stamp:end]) - len(text[stamp:end].lstrip(" \t"))
        answer = pii_ids.SPEAKER_AHEAD.match(text, head, end)
        if answer and not pii_answering.ANSWERING_SPEAKER.match(text, start, end):
            named = next((m.start() for m in _TOKEN.finditer(text, answer.end(), end) if _names(m.group())), end)
            found.append((answer.end(), end, named))
    return found


def _asks_for_a_number(question: str) -> bool:
    """Whether the question's last sentence asks for one of the number's words and for no name."""
    stops = [m.end() for m in _SENTENCE_END.finditer(question.rstrip(" \t\r.!?"))]
    words = [w.lower() for w in _TOKEN.findall(question, stops[-1] if stops else 0)]
    return (any(w in _NUMBER_WORDS or w.endswith("nummer") for w in words)
            and not any(_names(w) for w in words))


def _names(word: str) -> bool:
    """Whether the word asks for a name or gives one ("surname", "Nachname", "I'm")."""
    low = word.lower()
    return low in _NAME_WORDS or "name" in low


def _reference_letters(text: str, span: PiiSpan, turn: tuple[int, int, int], borne: Counter[str]) -> bool:
    """Whether the span is letters read out as part of a reference on the answer's turn."""
    if turn[2] < span.start:
        return False  # "my name's AJ, policy 4471"
    tokens = _dashes_split(_TOKEN.findall(text, span.start, span.end))
    letters = _letters(tokens)
    if letters is None or not 0 < letters <= _MAX_LETTERS:
        return False
    if not _digits_follow(text, span.end, min(turn[1], span.end + _AFTER_CHARS), tokens[-1]):
        return False
    words = [t.lower() for t in tokens if t[:1].isalpha()]
    if "".join(w for w in words if len(w) <= 4) in pii_rules.GIVEN_NAMES or any(
            len(w) > 1 and w in pii_rules.GIVEN_NAMES and w not in _SPELLING_WORDS for w in words):
        return False  # "AMY 4471", "ED"
    own = Counter(words)
    return not any(borne[w] > own[w] for w in own)  # another PERSON span of the message bears it


def _letters(tokens: list[str]) -> int | None:
    """How many letters the tokens read out, when they are only letter groups and spelled letters (joined by spaces,
    commas, slashes or dashes), else None."""
    letters, i, joined = 0, 0, True
    while i < len(tokens):
        token = tokens[i]
        if token in _JOINS:
            if joined:
                return None
            joined, i = True, i + 1
            continue
        step = _letter_unit(tokens, i)
        if not step:
            return None
        letters += 1 if step > 1 else len(token)
        joined, i = False, i + step
    return None if joined else letters


def _dashes_split(tokens: list[str]) -> list[str]:
    """The tokens with letter groups joined by dashes taken apart ("LA-MTR", "k-l-m"); a spelling word ("x-ray") stays
    whole."""
    out: list[str] = []
    for token in tokens:
        parts = token.split("-")
        if len(parts) > 1 and all(p.isalpha() and (p.isupper() and len(p) <= 4 or len(p) == 1) for p in parts):
            out.extend(itertools.chain.from_iterable((p, "-") for p in parts))
            out.pop()
        else:
            out.append(token)
    return out


def _letter_unit(tokens: list[str], i: int) -> int:
    """How many tokens from ``i`` are one letter unit: a group of one to four capitals, one lower-case letter, or a
    letter said with its spelling word ("K as in kilo", "B wie Berta"); 0 when none is."""
    token = tokens[i]
    if not token.isalpha() or not (token.isupper() and len(token) <= 4 or len(token) == 1):
        return 0
    if len(token) != 1:
        return 1
    at = i + 1
    if at + 1 < len(tokens) and tokens[at].lower() == "as" and tokens[at + 1].lower() == "in":
        at += 2
    elif at < len(tokens) and tokens[at].lower() in _SPELLING_JOINERS:
        at += 1
    else:
        return 1
    if at >= len(tokens) or not _spells(token, tokens[at]):
        return 1
    return at + 1 - i


def _spells(letter: str, word: str) -> bool:
    """Whether the word spells the letter: it starts with it and is a spelling alphabet's word or no given name."""
    low = word.lower()
    return (len(low) > 1 and low[:1] == letter.lower() and low.replace("-", "").isalpha()
            and (low in _SPELLING_WORDS or low not in pii_rules.GIVEN_NAMES))


def _digits_follow(text: str, start: int, end: int, last: str) -> bool:
    """Whether digits or number words follow ``start`` before ``end``, after nothing but the spelling word of the
    span's ``last`` letter, more letters of the reference and joins ("K as in kilo, seven", "NJ X47", "LA/MTR/2026")."""
    tokens = _dashes_split([m.group() for m in _TOKEN.finditer(text, start, end)
                            if m.end() < end or end >= len(text) or not text[end].isalnum()])  # a cut token is left out
    i = 0
    if tokens and len(last) == 1:
        i = _letter_unit([last, *tokens], 0) - 1  # "K" + " as in kilo"
    while i < len(tokens):
        token = tokens[i]
        if token[:1].isdigit() or token.lower() in _DIGIT_WORDS:
            return True
        if token in _JOINS or token in ".:":
            i += 1
            continue
        step = _letter_unit(tokens, i)
        if not step:
            return False
        i += step
    return False
