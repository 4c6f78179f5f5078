"""National ids read out with their letters in a call (session 30, issue 21; docs/security.md "Session 30").

A caller reads a UK National Insurance number, a Singapore NRIC/FIN, an Indian PAN or a Kenyan KRA PIN as single
letters and digit words ("q q one two, three four, five six c", "s eight eight one four three two seven d", "a b c p k
four one two eight m", "a oh one four four eight eight two one nine x"), often twice when the agent mishears. The rules
before read such ids in digits, or spoken digits alone. Here: after the id's name (within _CUE_CHARS before), a run of
single letters and digit words ("double" and "triple" repeat the next) whose characters have the id's shape is a
NATIONAL_ID. The shapes are strict (letters and digits where the id has them), so a spelled name, postcode or
reference does not pass.

Linear: one pass over the words of the text; each run is read once.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

Found = tuple[str, int, int, float]

_CUE = re.compile(r"(?i)\b(?:national[ \t]insurance|ni[ \t]number|nino|nric|fin[ \t]number|\bfin\b|pan(?:[ \t]card|"
                  r"[ \t]number)?|kra[ \t]pin|kra|pin[ \t]number[ \t]from[ \t]kra|tax[ \t]pin|ic[ \t]number)\b")
_CUE_CHARS = 220
_SHAPES = (re.compile(r"(?!BG|GB|NK|KN|TN|NT|ZZ)[A-Z]{2}\d{6}[A-D]"),  # UK National Insurance number (the test
           # prefix QQ too: what writers and trainers read out)
           re.compile(r"[STFGM]\d{7}[A-Z]"),  # Singapore NRIC / FIN
           re.compile(r"[A-Z]{3}[ABCFGHLJPT][A-Z]\d{4}[A-Z]"),  # Indian PAN
           re.compile(r"[AP]\d{9}[A-Z]"))  # Kenyan KRA PIN
_DIGITS = {"zero": "0", "oh": "0", "o": "0", "nought": "0", "one": "1", "two": "2", "three": "3", "four": "4",
           "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9"}
_REPEAT = {"double": 2, "triple": 3}
_TOKEN = re.compile(r"[A-Za-z]+|\d")
_GAP = re.compile(r"[ \t]{0,2}(?:[,.\-][ \t]{0,2})?")


def _read(word: str) -> str:
    low = word.lower()
    if low in _DIGITS:
        return _DIGITS[low]
    return word.upper() if len(word) == 1 else ""


def _runs(text: str, start: int, stop: int) -> Iterator[list[tuple[int, int, str]]]:
    """Runs of single letters, digits and digit words in text[start:stop] with nothing but spaces, commas, dots or
    dashes between them, as their tokens (start, end, characters); "double four" is one token, "44"."""
    run: list[tuple[int, int, str]] = []
    repeat, repeat_start = 1, -1
    for m in _TOKEN.finditer(text, start, stop):
        word = m.group()
        joined = bool(run) and _GAP.fullmatch(text, run[-1][1], repeat_start if repeat_start >= 0 else m.start()) \
            is not None
        if word.lower() in _REPEAT and repeat_start < 0:
            repeat, repeat_start = _REPEAT[word.lower()], m.start()
            continue
        char = _read(word)
        if repeat_start >= 0 and _GAP.fullmatch(text, repeat_start + len("double") if repeat == 2 else
                                                repeat_start + len("triple"), m.start()) is None:
            char = ""  # "double" not followed by what it repeats
        if char and (joined or not run):
            run.append((repeat_start if repeat_start >= 0 else m.start(), m.end(), char * repeat))
        else:
            if run:
                yield run
            run = [(repeat_start if repeat_start >= 0 else m.start(), m.end(), char * repeat)] if char else []
        repeat, repeat_start = 1, -1
    if run:
        yield run


def _shaped(chars: str) -> tuple[int, int] | None:
    """The first stretch of chars (characters of a run) that has an id's shape, as (first, last + 1), or None."""
    for shape in _SHAPES:
        m = shape.search(chars)
        if m:
            return m.span()
    return None


CAP = 24  # ids a message at most (a longer list is a dump; the later filters judge every span)


def find_spelled_ids(text: str) -> Iterator[Found]:
    """The ids of the module's docstring, at most CAP."""
    return itertools.islice(_spelled_ids(text), CAP)


def _spelled_ids(text: str) -> Iterator[Found]:
    cues = [m.end() for m in _CUE.finditer(text)]
    if not cues:
        return
    stop = min(len(text), cues[-1] + _CUE_CHARS)
    for run in _runs(text, cues[0], stop):
        chars = "".join(t[2] for t in run)
        if len(chars) < 9 or not any(cue <= run[0][0] <= cue + _CUE_CHARS for cue in cues):
            continue
        found = _shaped(chars)
        if found is None:
            continue
        at, first, last = 0, -1, -1
        for begin, end, part in run:  # the tokens that give the id's first and last characters
            if first < 0 and at + len(part) > found[0]:
                first = begin
            if at < found[1]:
                last = end
            at += len(part)
        if sum(c.isspace() for c in text[first:last]) >= 4:  # read out; an id written whole is the other rules'
            yield "NATIONAL_ID", first, last, 0.9
