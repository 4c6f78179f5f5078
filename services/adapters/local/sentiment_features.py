"""Features for the sentiment model: TF-IDF word and character n-grams plus VADER and emotion-cue scores.

VADER alone mislabels sarcasm and cannot say "mixed"; its per-clause scores (the best and the worst clause)
and the cue scores give a linear model what it needs for both.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn import config_context
from sklearn.feature_extraction.text import TfidfVectorizer

from services.adapters.local.sentiment_cues import EMOTIONS, EmotionCues, is_shouting

MAX_CHARS = 1000  # the opening of a long message carries its tone; keeps a 100 KB paste fast
_DIGITS = re.compile(r"\d+")
_URL = re.compile(r"(?:https?://|www\.)\S+|\bpic\.twitter\.com/\S+", re.IGNORECASE)
_HANDLE = re.compile(r"(?<!\w)@\w+")
_CLAUSE = re.compile(r"\b(?:but|though|tho|although|however|except|whereas|yet|shame|pity|sadly|unfortunately)\b"
                     r"|[.;!?,\n]+|👍|👎", re.IGNORECASE)
_CONTRAST = re.compile(r"\b(?:but|though|tho|although|however|whereas|shame|pity|sadly|unfortunately)\b", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|no|never|nothing|nobody|none|cannot|can'?t|won'?t|don'?t|doesn'?t|didn'?t|"
                       r"isn'?t|aren'?t|wasn'?t|haven'?t|hasn'?t|couldn'?t|wouldn'?t|ain'?t|\w+n't)\b", re.IGNORECASE)
_POSITIVE_EMOJI = re.compile(r"[😀😃😄😁😊😍🥰😘🙂🤗👍🙌👏🎉❤💕💙💯🔥✨🙏]|(?<!\S)(?:[:;=]-?[)D\]]+|<3|\^_\^)(?!\S)")
_NEGATIVE_EMOJI = re.compile(r"[😡🤬😠😤😒🙄😩😫😭😢😞😔🤦👎💩😑😕🙃🤨]|(?<!\S)(?:>?[:;=]'?-?[(\[/\\]+|D:)(?!\S)")
_FIRST_PERSON = re.compile(r"\b(?:i|i'?m|i'?ve|i'?d|i'?ll|me|my|mine|we|we'?re|we'?ve|us|our|ours|myself|yo|mi|mis|je|j'|moi|mon|ma|mes|nous|ich|mich|mir|mein\w*|wir|uns|eu|meu|minha|nós)\b",
                           re.IGNORECASE)
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|you'?re|you'?ve|u|ur|y'?all|yall|vous|votre|vos|tu|usted|ustedes|su|sus|ihr|ihre?|euch|sie|você|vocês|seu|sua)\b",
                            re.IGNORECASE)
DENSE_NAMES = ("vader_compound", "vader_pos", "vader_neg", "vader_neu", "best_clause", "worst_clause",
               "opposed_clauses", "contrast_word", "question", "sarcasm", "problem", "negations", "shouting",
               "exclamations", "positive_emoji", "negative_emoji", "praise_with_problem", "first_person", "second_person", "link", "addressed", "retweet", *EMOTIONS)


def normalise(text: str) -> str:
    """The text cut to MAX_CHARS, links folded to "http", @handles to "@user", digit runs to 0.

    Which company or person is named, and which order number or link, says nothing about the mood.
    """
    text = _HANDLE.sub("@user", _URL.sub(" http ", text[:MAX_CHARS]))
    return _DIGITS.sub("0", text)


def _vader() -> Any:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


class DenseFeatures:
    """VADER over the whole text and over each clause, plus the emotion and sarcasm cue scores."""

    def __init__(self, cues: EmotionCues) -> None:
        self.cues = cues
        self.vader = _vader()

    def row(self, text: str, raw: str = "") -> list[float]:
        whole = self.vader.polarity_scores(text)
        clauses = [self.vader.polarity_scores(c)["compound"] for c in _CLAUSE.split(text) if c and c.strip()] or [0.0]
        best, worst = max(clauses), min(clauses)
        emotions = self.cues.scores(text)
        problem = self.cues.problem(text)
        return [whole["compound"], whole["pos"], whole["neg"], whole["neu"], best, worst,
                float(best > 0.2 and worst < -0.2), float(bool(_CONTRAST.search(text))), float("?" in text),
                self.cues.sarcasm(text), problem, min(len(_NEGATION.findall(text)), 3) / 3,
                float(is_shouting(text)), min(text.count("!"), 3) / 3, float(bool(_POSITIVE_EMOJI.search(text))),
                float(bool(_NEGATIVE_EMOJI.search(text))), max(best, 0.0) * problem * (not _CONTRAST.search(text)),
                float(bool(_FIRST_PERSON.search(text))), float(bool(_SECOND_PERSON.search(text))),
                float(bool(_URL.search(raw))), float(raw.lstrip().startswith("@")), float(raw.lstrip().startswith("RT ")),
                *(emotions[name] for name in EMOTIONS)]

    def matrix(self, texts: Sequence[str], raw: Sequence[str]) -> np.ndarray:
        rows = [self.row(text, original) for text, original in zip(texts, raw, strict=True)]
        return np.array(rows, dtype=np.float64).reshape(len(texts), len(DENSE_NAMES))


class SentimentFeatures:
    """Fit on training texts, then turn any texts into one sparse matrix (read-only after fit: thread-safe).

    Args:
        cues: the emotion cues whose scores become features.
        dense_weight: how much the dense scores count next to the TF-IDF columns.
    """

    def __init__(self, cues: EmotionCues, dense_weight: float = 1.0) -> None:
        self.dense = DenseFeatures(cues)
        self.dense_weight = dense_weight
        self.words = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"(?u)\b\w+\b|[^\w\s]")
        self.chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)

    def fit_transform(self, texts: Sequence[str]) -> csr_matrix:
        normalised = [normalise(t) for t in texts]
        parts = [self.words.fit_transform(normalised), self.chars.fit_transform(normalised), self._dense(texts)]
        return hstack(parts).tocsr()

    def transform(self, texts: Sequence[str]) -> csr_matrix:
        normalised = [normalise(t) for t in texts]
        # our own inputs (lists of str, finite numbers): sklearn's per-call checks were ~1/4 of a message's CPU
        with config_context(assume_finite=True, skip_parameter_validation=True):
            parts = [self.words.transform(normalised), self.chars.transform(normalised), self._dense(texts)]
        return hstack(parts).tocsr()

    def _dense(self, texts: Sequence[str]) -> csr_matrix:
        heads = [t[:MAX_CHARS] for t in texts]
        cleaned = [_HANDLE.sub("", _URL.sub("", t)) for t in heads]
        return csr_matrix(self.dense.matrix(cleaned, heads) * self.dense_weight)
