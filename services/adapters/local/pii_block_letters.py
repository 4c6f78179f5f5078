"""A building's, a block's or a stairwell's letter is a kept place, not a person's initial (session 46, candidate 46-2).

By the labelling conventions (``tests/data/pii/build.py``) a building, a block, a stairwell or a wing named in a
notice or a message ("trapphus B", "w budynku B", "scala C", "bâtiment C", "opgang C", "klatce B", "bloco B",
"Haus C", "blok B", "Block B") is a kept ``PLACE``. When the sentence ends right after the letter, the NER model
reads the letter, its full stop and the next sentence's first word as an initial and a surname ("trapphus B. Spola
inte…", "scala C. Allego la contabile", "bâtiment C. Ordre du jour", "opgang C. Husk at…") and masks a ``PERSON``.

:func:`drop_block_letters` (wired after :func:`pii_place_cues.drop_place_persons` in the default detector, after the
street places in the rules-only one) mends a ``PERSON`` span that opens with such a letter:

- a building's, block's, stairwell's, entrance's or wing's word in any of the sets' languages stands right before
  the span ("trapphus", "uppgång", "opgang", "budynku", "klatce", "scala", "palazzina", "bâtiment", "escalier", "gate",
  "bloco", "bloque", "torre", "Haus", "Stiege", "Aufgang", "blok", "portaal", "block", "tower", "wing", "vchod",
  "lépcsőház", "корпус", "подъезд"…), and the span opens with one capital letter and a full stop ("B. Spola");
- the letter and its full stop leave the span; what follows stays a ``PERSON`` only when it is two or more words
  ("scala A. Teresa Colombo" keeps "Teresa Colombo" masked), a single word after the letter being the next
  sentence's first word ("Spola", "Allego", "Ordre", "Husk", "Kwota") is dropped with it;
- a ``PERSON`` span that holds the building's word and its letter ("Block B.", "Objekt Haus C. Es", "Klatka B",
  "Gate B.") loses them, and keeps as a ``PERSON`` only a part of two words or more before or after them.

Look-alikes it never takes: an initial after anything but a building's word ("Kontakt: B. Kowalski", "signed
A. Meyer"), a letter that is no single capital ("Block AB. Smith"), any kind other than ``PERSON`` (a block inside
someone's address stays in its ``ADDRESS``), a first name that is also a building's word ("Tor A. Hansen", "Wing C.
Chan": "tor" and "wing" are left out). At most 40 spans a message are looked at.
"""

from __future__ import annotations

import re

from services.models import PiiSpan

_MAX_SPANS = 40
_BUILDING = (
    r"(?:trapphus|trappuppgång|uppgång|uppgång|opgang|opgangen|oppgang|oppgangen|trappeoppgang|"
    r"budynku|budynek|budynkiem|klatce|klatka|klatki|klatkę|klatką|"
    r"scala|palazzina|edificio|fabbricato|corpo|"
    r"bâtiment|bât\.|escalier|entrée|aile|"
    r"bloco|bloque|bloc|torre|portal|portão|escalera|edifício|prédio|"
    r"haus|hauses|stiege|aufgang|treppenhaus|hauseingang|eingang|trakt|"
    r"blok|blokk|portaal|trappenhuis|gebouw|"
    r"block|blocks|blk\.?|tower|stairwell|stair|staircase|entrance|building|bldg\.?|gate|"
    r"vchod|vchodu|budova|budovy|lépcsőház|épület|rappu|rapussa|talo|"
    r"корпус|корпуса|подъезд|подъезде|блок|блоке|вход|сграда|вход)"
)
# the building's word, then the span: one capital letter, its full stop, the rest
_WORD_BEFORE = re.compile(rf"(?i)(?<![\w'’-]){_BUILDING}[ \t]{{1,2}}\Z")
_LETTER_HEAD = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž]\.[ \t]{1,2}(?=[^\W\d_])")
# the building's word and its letter inside a span ("Block B.", "Objekt Haus C. Es", "Wartung Heizungsanlage Haus B")
_INNER_BLOCK = re.compile(rf"(?i)(?<![\w'’-]){_BUILDING}[ \t]{{1,2}}(?-i:[A-Z])(?![\w'’-])\.?")
_EDGE = " \t.,;:!?\"()[]«»“”"


def _named(text: str, start: int, end: int, score: float) -> list[PiiSpan]:
    """A part of a span kept as a PERSON only when two words or more of it are left (one word is no one's name here:
    the next sentence's first word, a form's label)."""
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    value = text[start:end]
    if "\n" in value or len(value.split()) < 2:
        return []
    return [PiiSpan("PERSON", start, end, score)]


def mend_block_letter(text: str, span: PiiSpan) -> list[PiiSpan]:
    """The span less a building's letter (and the building's word with it): what is left of a name, or the span."""
    if span.kind != "PERSON":
        return [span]
    start, end = span.start, span.end
    while start < end and text[start] in _EDGE:
        start += 1
    inner = _INNER_BLOCK.search(text, start, end)
    if inner is not None:  # "Block B.", "Objekt Haus C. Es": the building and its letter leave the span
        return _named(text, start, inner.start(), span.score) + _named(text, inner.end(), end, span.score)
    head = _LETTER_HEAD.match(text, start, end)
    if head is None or not _WORD_BEFORE.search(text, max(0, start - 30), start):
        return [span]
    return _named(text, head.end(), end, span.score)  # "B. Spola" goes, "A. Teresa Colombo" keeps "Teresa Colombo"


def drop_block_letters(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """The spans with a building's, block's or stairwell's letter taken out of the PERSON spans that open with it."""
    if not spans or len(spans) > _MAX_SPANS or not any(s.kind == "PERSON" for s in spans):
        return spans
    out: list[PiiSpan] = []
    for s in spans:
        out.extend(mend_block_letter(text, s))
    return out
