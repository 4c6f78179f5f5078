"""Explainable emotion cues: weighted phrases and emoji from data/emotions.yaml plus shouting/punctuation signals."""

from __future__ import annotations

import math
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from services.errors import ConfigError
from services.yamlfile import load_mapping

EMOTIONS = ("anger", "frustration", "confusion", "gratitude", "urgency")
MAX_CHARS = 2000  # cues are looked for in the first 2,000 characters: a 100 KB paste costs what a long email does
SARCASM_CONTEXT = 0.6  # `sarcasm_in_context` cues count when the rest of the message has this much `problems` weight
_NEGATED = re.compile(r"(?:n't|n’t|\b(?:not|never|no longer|still|yet to be|hasn't|haven't))\W+(?:\w+\W+){0,2}$",
                      re.IGNORECASE)  # a negation in the last three words before a `resolved` cue ("still not fixed")
RECENT = 16  # texts whose scores are remembered: the sentiment features and the emotions of one message read them
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_EXCLAMATIONS = re.compile(r"!{2,}|‼")
_QUESTIONS = re.compile(r"\?{2,}|⁇")

Cue = tuple[re.Pattern[str], float]


@dataclass(frozen=True)
class Signal:
    """A message-level signal (shouting, "!!", "??"): adds to some emotions and multiplies others."""

    add: dict[str, float]
    multiply: dict[str, float]


def compile_cue(pattern: str) -> re.Pattern[str]:
    """A case-insensitive regex; cues with letters only match whole words, emoji cues match anywhere."""
    if _ASCII_LETTER.search(pattern):
        pattern = rf"(?<!\w)(?:{pattern})(?!\w)"
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as e:
        raise ConfigError(f"emotion cue {pattern!r} is not a valid regular expression: {e}") from e


def _cues(mapping: dict[str, float] | None) -> list[Cue]:
    return [(compile_cue(str(pattern)), float(weight)) for pattern, weight in (mapping or {}).items()]


def is_shouting(text: str) -> bool:
    """At least 8 letters, 60 % or more of them upper case."""
    letters = [ch for ch in text if ch.isalpha() and ch.lower() != ch.upper()]
    return len(letters) >= 8 and sum(ch.isupper() for ch in letters) >= 0.6 * len(letters)


def weight_of(cues: list[Cue], text: str) -> float:
    """The summed weight of the cues found in the text, each counted once."""
    return sum(weight for pattern, weight in cues if pattern.search(text))


# ---- the same answers, faster: ~117 case-insensitive searches per message were the largest Python cost of the
# sentiment step. A cue's "twin" is its pattern compiled case-sensitively, without the leading (?<!\w) (which stops the
# regex engine's quick scan for the first characters), searched in the lower-cased text; each candidate's preceding
# character is then checked as the look-behind would. Exact, because it is only used when lower-casing changes
# nothing a case-insensitive match could see: the text's letters outside ASCII are all caseless (emoji, punctuation,
# CJK...; any é, ß or ſ sends the text down the original path) and the cue has no upper-case ASCII letter.

_LEAD = r"(?<!\w)"
_ESCAPE = re.compile(r"\\.")
_ASCII_UPPER = re.compile(r"[A-Z]")
_WORD_CHAR = re.compile(r"\w")
TWIN_CANDIDATES = 4  # candidates failing the look-behind before the original pattern decides (bounds hostile text)

Twin = tuple[re.Pattern[str], bool] | None  # (case-sensitive pattern, whether the look-behind is checked per candidate)


def twin_of(pattern: re.Pattern[str]) -> Twin:
    """The cue's case-sensitive twin for lower-cased text, or None (an upper-case ASCII letter outside escapes)."""
    source = pattern.pattern
    if _ASCII_UPPER.search(_ESCAPE.sub("", source)):
        return None
    lead = source.startswith(_LEAD)
    return re.compile(source[len(_LEAD):] if lead else source), lead


def lowered_if_exact(text: str) -> str | None:
    """The text lower-cased when a case-sensitive search in it answers as a case-insensitive one in the text does
    (only ASCII letters are cased), else None."""
    if text.isascii() or all(ch.isascii() or ch.lower() == ch == ch.upper() for ch in set(text)):
        return text.lower()
    return None


def found(pattern: re.Pattern[str], twin: Twin, text: str, lowered: str | None) -> bool:
    """pattern.search(text) is not None, by the twin in `lowered` (lowered_if_exact(text)) when there is one."""
    if twin is None or lowered is None:
        return pattern.search(text) is not None
    fast, lead = twin
    if not lead:
        return fast.search(lowered) is not None
    position = 0
    for _ in range(TWIN_CANDIDATES):
        match = fast.search(lowered, position)
        if match is None:
            return False
        start = match.start()
        if start == 0 or not _WORD_CHAR.match(lowered, start - 1):
            return True
        position = start + 1
    return pattern.search(text) is not None


def _weight(cues: list[Cue], twins: list[Twin], text: str, lowered: str | None) -> float:
    """weight_of(cues, text), the same sum in the same order."""
    return sum(weight for (pattern, weight), twin in zip(cues, twins, strict=True)
               if found(pattern, twin, text, lowered))


def squash(total: float) -> float:
    """A non-negative weight sum mapped into [0, 1)."""
    return round(1.0 - math.exp(-max(total, 0.0)), 3)


class EmotionCues:
    """Scores anger, frustration, confusion, gratitude and urgency in [0, 1] from the cues of one YAML file.

    Args:
        path: the cue file (format described at its top).

    Raises:
        ConfigError: the file is missing, malformed or has an invalid regular expression.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        config = _read(path)
        emotions = config.get("emotions") or {}
        self.cues = {name: _cues(emotions.get(name)) for name in EMOTIONS}
        self.sarcasm_cues = _cues(config.get("sarcasm"))
        self.context_sarcasm_cues = _cues(config.get("sarcasm_in_context"))
        self.resolved_cues = _cues(config.get("resolved"))
        self.problem_cues = _cues(config.get("problems"))
        self.signals = {name: Signal(dict(spec.get("add") or {}), dict(spec.get("multiply") or {}))
                        for name, spec in (config.get("signals") or {}).items()}
        self._twins = {name: [twin_of(pattern) for pattern, _ in cues]
                       for name, cues in [*self.cues.items(), ("sarcasm", self.sarcasm_cues),
                                          ("sarcasm_in_context", self.context_sarcasm_cues),
                                          ("problems", self.problem_cues)]}
        self._recent: OrderedDict[str, dict[str, float]] = OrderedDict()
        self._recent_lock = threading.Lock()

    def scores(self, text: str) -> dict[str, float]:
        """Each emotion's score in [0, 1]; all zero for empty text.

        The last RECENT texts' scores are remembered: the pipeline asks twice per message (the sentiment model's
        features, then the emotions), and each time is ~80 regular-expression searches (≈ 0.1 ms)."""
        text = text[:MAX_CHARS]
        with self._recent_lock:
            known = self._recent.get(text)
        if known is not None:
            return dict(known)
        found = self._scores(text)
        with self._recent_lock:
            self._recent[text] = found
            while len(self._recent) > RECENT:
                self._recent.popitem(last=False)
        return dict(found)

    def _scores(self, text: str) -> dict[str, float]:
        lowered = lowered_if_exact(text)
        totals = {name: _weight(self.cues[name], self._twins[name], text, lowered) for name in EMOTIONS}
        for name in self.active_signals(text):
            signal = self.signals.get(name, Signal({}, {}))
            for emotion in EMOTIONS:
                totals[emotion] = (totals[emotion] + signal.add.get(emotion, 0.0)) * signal.multiply.get(emotion, 1.0)
        return {name: squash(total) for name, total in totals.items()}

    def sarcasm(self, text: str) -> float:
        """How strongly the text reads as sarcastic, in [0, 1): the `sarcasm` cues found, plus each
        `sarcasm_in_context` cue whose match leaves a problem report in the rest of the text (praise after a
        failure; the same praise after a fix or on its own is sincere)."""
        text = text[:MAX_CHARS]
        lowered = lowered_if_exact(text)
        total = _weight(self.sarcasm_cues, self._twins["sarcasm"], text, lowered)
        for (pattern, weight), twin in zip(self.context_sarcasm_cues, self._twins["sarcasm_in_context"], strict=True):
            if found(pattern, twin, text, lowered):
                match = pattern.search(text)
                rest = text[:match.start()] + " " + text[match.end():] if match is not None else ""
                if rest and self.problem_weight(rest) >= SARCASM_CONTEXT and not self.resolved(rest):
                    total += weight
        return squash(total)

    def resolved(self, text: str) -> bool:
        """Whether the text tells of a failure put right (a `resolved` cue with no negation in the three words
        before it: "it's working again" yes, "still not fixed" no)."""
        text = text[:MAX_CHARS]
        for pattern, _ in self.resolved_cues:
            for match in pattern.finditer(text):
                if not _NEGATED.search(text[max(0, match.start() - 40):match.start()]):
                    return True
        return False

    def problem_weight(self, text: str) -> float:
        """The summed weight of the `problems` cues found in the text (negative cues cancel)."""
        text = text[:MAX_CHARS]
        return _weight(self.problem_cues, self._twins["problems"], text, lowered_if_exact(text))

    def problem(self, text: str) -> float:
        """How strongly the text reports a problem (delay, loss, breakage, waiting, bad service), in [0, 1)."""
        return squash(self.problem_weight(text))

    @staticmethod
    def active_signals(text: str) -> list[str]:
        """The message-level signals present: shouting, exclamations, questions."""
        found = {"shouting": is_shouting(text), "exclamations": bool(_EXCLAMATIONS.search(text)),
                 "questions": bool(_QUESTIONS.search(text))}
        return [name for name, present in found.items() if present]


def _read(path: Path) -> dict:
    return load_mapping(path, "a mapping with 'emotions', 'sarcasm', 'problems' and 'signals'")
