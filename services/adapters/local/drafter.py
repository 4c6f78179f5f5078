"""The ArticleDrafter port, offline: an extractive composer. It writes nothing of its own: every sentence of the draft
is a sentence of one of the request's sources (a customer question, an agent reply, an existing article), copied as
it stands and tagged with that source's index, so an editor can check each one beside where it came from.

How it picks them: the sources are split into sentences; greetings, sign-offs and sentences about one customer's
case (an order number, a masked name or address) are dropped; what is left is embedded and scored by its cosine to
the centre of the gap's questions. Instructions ("Tap …", "You can …") become the steps, conditional or
problem sentences ("If …", "still not …") the troubleshooting, the best other sentences the overview; the most
typical questions become the FAQ, each answered by the reply sentence nearest to it; the related articles are the
titles of the article sources.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from services.errors import InvalidInput
from services.models import ArticleDraft, DraftRequest, DraftSection, DraftSentence

MAX_OVERVIEW, MAX_STEPS, MAX_TROUBLE, MAX_FAQ, MAX_RELATED = 2, 6, 4, 3, 3
# A reply of the gap's own conversations is on topic by construction; even its steps ("Go to Your orders …") share
# few words with the questions, so only a sentence pointing away from them is left out.
MIN_RELEVANCE = 0.0
MIN_ARTICLE_RELEVANCE = 0.45  # an article's sentence must be nearer: the article may be about a neighbouring topic
SAME_SENTENCE = 0.85  # cosine above which two sentences say the same thing (templated replies repeat themselves)
MIN_WORDS, MAX_WORDS = 4, 60

_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[]?[A-Z0-9])")
_HEADING = re.compile(r"^\s*#{1,6}\s*")
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d{1,2}[.)])\s+")
_CASE_SPECIFIC = re.compile(r"\[(?:PERSON|EMAIL|PHONE|ADDRESS|IBAN|SSN|CARD|BANK_ACCOUNT|NATIONAL_ID|DOB|IP_ADDRESS|CVV)[^\]]*\]|\bBW-?\s?\d{5,}|\bBWT\d+|"
                            r"\b\d{6,}\b", re.IGNORECASE)
_GREETING = re.compile(r"^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|thanks|thank you|many thanks|"
                       r"cheers|best|regards|kind regards|best regards|sorry|apologies|no problem|you're welcome|"
                       r"is there anything else|have a (?:great|good|lovely)|glad|happy to help|let me (?:check|look)|"
                       r"one moment|bear with me)\b", re.IGNORECASE)
_STEP_START = re.compile(r"^(?:you can|you'll need to|to \w+|first|then|next|once|after that|finally|just|simply|"
                         r"open|tap|press|go|select|choose|click|add|enter|pick|book|check|visit|sign|log|make|send|"
                         r"reply|call|contact|use|turn|hold|unplug|plug|reset|remove|place|keep|follow|fill|tick|"
                         r"ask|email|message|write|bring|pack|print|drop|attach|schedule|pay|request|upload|"
                         r"put|leave|take|set|switch|wait|mention|note|quote|order)\b", re.IGNORECASE)
_TROUBLE = re.compile(r"^(?:if|when|in case|should)\b|\b(?:still|doesn't|does not|won't|isn't|can't|cannot|not "
                      r"working|error|fails?|missing|unavailable|instead)\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Unit:
    source: int
    kind: str
    text: str
    position: int


def split_sentences(text: str) -> list[str]:
    """The sentences of a text as written (markdown heading and list marks taken off; a line is at least one)."""
    found = []
    for line in (text or "").splitlines():
        line = _LIST_MARK.sub("", _HEADING.sub("", line))
        found += [piece.strip() for piece in _SPLIT.split(line) if piece.strip()]
    return found


def _usable(sentence: str) -> bool:
    words = len(sentence.split())
    return (MIN_WORDS <= words <= MAX_WORDS and not _GREETING.match(sentence)
            and not _CASE_SPECIFIC.search(sentence) and not sentence.endswith(":"))


def _units(request: DraftRequest) -> list[_Unit]:
    units = []
    for index, source in enumerate(request.sources):
        sentences = split_sentences(source.text)
        if source.kind == "article":
            sentences = sentences[1:]  # the first line is the title (a related article, not a sentence to reuse)
        units += [_Unit(index, source.kind, s, n) for n, s in enumerate(sentences) if _usable(s)]
    return units


def _question_text(text: str) -> str:
    """The sentence of a customer's message that asks (else its longest usable sentence, else the text)."""
    sentences = [s for s in split_sentences(text) if not _GREETING.match(s) and len(s.split()) >= 3]
    asking = [s for s in sentences if s.rstrip().endswith("?")]
    return (asking or sorted(sentences, key=len, reverse=True) or [text.strip()])[0]


class ExtractiveDrafter:
    """Composes a draft from the request's own sentences (never a word of its own but the section headings)."""

    provider = "local"

    def __init__(self, embedder: Any) -> None:
        self._embedder = embedder

    def draft(self, request: DraftRequest) -> ArticleDraft:
        """Raises InvalidInput when the request has no question to draft from."""
        questions = [i for i, s in enumerate(request.sources) if s.kind == "question" and s.text.strip()]
        if not questions:
            raise InvalidInput("a draft needs at least one customer question")
        units = _units(request)
        asked = [_question_text(request.sources[i].text) for i in questions]
        vectors = self._embed([*asked, *(u.text for u in units)])
        question_vectors, unit_vectors = vectors[:len(asked)], vectors[len(asked):]
        centre = question_vectors.mean(axis=0)
        centre = centre / (np.linalg.norm(centre) or 1.0)
        relevance = unit_vectors @ centre if len(units) else np.zeros(0)
        picker = _Picker(units, unit_vectors, relevance)
        sections = [
            DraftSection("Overview", picker.take(MAX_OVERVIEW, lambda u: not _STEP_START.match(u.text)
                                                 and not _TROUBLE.search(u.text), by_relevance=True)),
            DraftSection("Steps", picker.take(MAX_STEPS, lambda u: bool(_STEP_START.match(u.text)))),
            DraftSection("Troubleshooting", picker.take(MAX_TROUBLE, lambda u: bool(_TROUBLE.search(u.text)))),
            DraftSection("FAQ", self._faq(questions, asked, question_vectors, centre, picker)),
            DraftSection("Related articles", tuple(
                DraftSentence(split_sentences(request.sources[i].text)[0], i)
                for i, s in enumerate(request.sources) if s.kind == "article" and s.text.strip())[:MAX_RELATED]),
        ]
        return ArticleDraft(_title(request.topic), tuple(s for s in sections if s.sentences), self.provider)

    def _embed(self, texts: Sequence[str]) -> np.ndarray:
        return np.asarray(self._embedder.embed(list(texts)), dtype=np.float32)

    @staticmethod
    def _faq(questions: list[int], asked: list[str], vectors: np.ndarray, centre: np.ndarray,
             picker: _Picker) -> tuple[DraftSentence, ...]:
        """The most typical distinct questions, each with the unused reply sentence nearest to it."""
        lines: list[DraftSentence] = []
        kept: list[np.ndarray] = []
        answered: list[int] = []
        for n in np.argsort(-(vectors @ centre), kind="stable"):
            if len(kept) == MAX_FAQ:
                break
            if any(float(vectors[n] @ v) > SAME_SENTENCE for v in kept):
                continue
            answer = picker.nearest(vectors[n], answered)
            if answer is None:
                continue
            kept.append(vectors[n])
            lines += [DraftSentence(asked[n], questions[n]), DraftSentence(answer.text, answer.source)]
        return tuple(lines)


class _Picker:
    """Hands out sentences once each, skipping any that repeats one already handed out."""

    def __init__(self, units: list[_Unit], vectors: np.ndarray, relevance: np.ndarray) -> None:
        self.units, self.vectors, self.relevance = units, vectors, relevance
        self.used: list[int] = []

    def _free(self, i: int) -> bool:
        unit = self.units[i]
        floor = MIN_ARTICLE_RELEVANCE if unit.kind == "article" else MIN_RELEVANCE
        if i in self.used or unit.kind == "question" or self.relevance[i] < floor:
            return False
        return all(float(self.vectors[i] @ self.vectors[j]) < SAME_SENTENCE for j in self.used)

    def take(self, limit: int, wanted: Any, by_relevance: bool = False) -> tuple[DraftSentence, ...]:
        ranked = sorted(range(len(self.units)), key=lambda i: (-self.relevance[i], i))
        chosen: list[int] = []
        for i in ranked:
            if len(chosen) == limit:
                break
            if wanted(self.units[i]) and self._free(i):
                chosen.append(i)
                self.used.append(i)
        if not by_relevance:  # steps keep the order they were written in
            chosen.sort(key=lambda i: (self.units[i].source, self.units[i].position))
        return tuple(DraftSentence(self.units[i].text, self.units[i].source) for i in chosen)

    def nearest(self, vector: np.ndarray, answered: list[int]) -> _Unit | None:
        """The sentence (not a step) nearest to a question, for its FAQ answer: it may repeat a sentence of another
        section (an FAQ answers in short what the article says), but not another answer (``answered``)."""
        order: list[int] = np.argsort(-(self.vectors @ vector), kind="stable").tolist() if len(self.units) else []
        for i in order:
            unit = self.units[i]
            floor = MIN_ARTICLE_RELEVANCE if unit.kind == "article" else MIN_RELEVANCE
            if unit.kind == "question" or self.relevance[i] < floor or _STEP_START.match(unit.text):
                continue
            if all(float(self.vectors[i] @ self.vectors[j]) < SAME_SENTENCE for j in answered):
                answered.append(i)
                return unit
        return None


def _title(topic: str) -> str:
    topic = " ".join((topic or "").split())
    return (topic[:1].upper() + topic[1:])[:200] if topic else "Drafted article"
