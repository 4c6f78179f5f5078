"""Features for the sentiment model: TF-IDF word and character n-grams plus VADER and emotion-cue scores.

VADER alone mislabels sarcasm and cannot say "mixed"; its per-clause scores (the best and the worst clause)
and the cue scores give a linear model what it needs for both.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix, hstack

from services.adapters.local.sentiment_cues import EMOTIONS, EmotionCues, is_shouting

EMBED_WEIGHT = 0.5  # the sentence-embedding columns' scale, chosen on the even halves of the real-tweet dev sets
MAX_CHARS = 1000  # the opening of a long message carries its tone; keeps a 100 KB paste fast
_DIGITS = re.compile(r"\d+")
_URL = re.compile(r"(?:https?://|www\.)\S+|\bpic\.twitter\.com/\S+", re.IGNORECASE)
_HANDLE = re.compile(r"(?<!\w)@\w+")
_SPACES = re.compile(r"(?<![ \t])[ \t]{2,}")  # (?<!…): a run is tried once, from its start (linear)
_SPACE_BEFORE_PUNCTUATION = re.compile(r"(?<![ \t])[ \t]+(?=[,.!?])")
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


def for_cues(head: str) -> str:
    """What VADER and the cues read: the text without links and @handles, the words around each joined by one space
    ("thanks @SkyJet for losing my bag" -> "thanks for losing my bag"; before session 10 the gap left two spaces, so
    the cue "thanks for losing" missed the owners' own example whenever the handle sat inside it)."""
    return _SPACE_BEFORE_PUNCTUATION.sub("", _SPACES.sub(" ", _HANDLE.sub(" ", _URL.sub(" ", head)))).strip()


def normalise(text: str) -> str:
    """The text cut to MAX_CHARS, links folded to "http", @handles to "@user", digit runs to 0.

    Which company or person is named, and which order number or link, says nothing about the mood.
    """
    text = _HANDLE.sub("@user", _URL.sub(" http ", text[:MAX_CHARS]))
    return _DIGITS.sub("0", text)


# Words customers use about a service that VADER's lexicon lacks or reads the other way ("you guys are a joke" is
# +1.2 in VADER): valences on VADER's -4..4 scale, added to (or replacing) its own entries.
CARE_LEXICON = {
    "garbage": -2.0, "trash": -2.0, "trashy": -2.0, "rubbish": -2.0, "junk": -1.8, "joke": -1.2,
    "nightmare": -2.4, "shambles": -2.2, "shitshow": -2.6, "clusterfuck": -2.6, "atrocious": -2.8, "abysmal": -2.8,
    "disgraceful": -2.4, "unusable": -2.0, "unreliable": -1.6, "unresponsive": -1.5, "overcharged": -1.8,
    "scammed": -2.5, "scammers": -2.5, "ripoff": -2.2, "clowns": -1.5, "canceled": -1.0, "crashes": -1.7,
    "crashing": -1.7, "laggy": -1.5, "glitch": -1.3, "glitchy": -1.6, "buggy": -1.7, "outage": -1.5,
}


def _vader() -> Any:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    analyzer.lexicon.update(CARE_LEXICON)
    return analyzer


class DenseFeatures:
    """VADER over the whole text and over each clause, plus the emotion and sarcasm cue scores."""

    def __init__(self, cues: EmotionCues) -> None:
        self.cues = cues
        self.vader = _vader()

    def row(self, text: str, raw: str = "") -> list[float]:
        whole = self.vader.polarity_scores(text)
        clauses = [whole["compound"] if c == text else self.vader.polarity_scores(c)["compound"]  # one clause: whole
                   for c in _CLAUSE.split(text) if c and c.strip()] or [0.0]
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


WORD_CACHE_SIZE = 50_000  # words whose character n-gram columns are remembered (a few MB at most)
_WORD_TOKEN = re.compile(r"(?u)\b\w+\b|[^\w\s]")
_WHITE_SPACES = re.compile(r"\s\s+")


def word_ngrams(text: str) -> list[str]:
    """Lower-cased word (and punctuation) unigrams and bigrams, as scikit-learn's word analyzer makes them."""
    tokens = _WORD_TOKEN.findall(text.lower())
    return tokens + [f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)]


def char_ngrams(text: str, low: int = 2, high: int = 5) -> list[str]:
    """Character n-grams inside space-padded words, as scikit-learn's char_wb analyzer makes them."""
    grams: list[str] = []
    for word in _WHITE_SPACES.sub(" ", text.lower()).split():
        word = f" {word} "
        for n in range(low, high + 1):
            grams += [word[i:i + n] for i in range(max(len(word) - n, 0) + 1)]
            if len(word) <= n:  # a short word counts once
                break
    return grams


class NgramTfidf:
    """Sublinear TF-IDF over a fixed n-gram vocabulary, L2-normalised: scikit-learn's TfidfVectorizer.transform
    without importing scikit-learn (its import costs ~1 s of a cold start, most of it scipy.stats).

    Args:
        kind: "words" (word_ngrams) or "chars" (char_ngrams).
        vocabulary: n-gram -> column.
        idf: the inverse document frequency of each column.
    """

    def __init__(self, kind: str, vocabulary: dict[str, int], idf: np.ndarray) -> None:
        self.kind = kind
        self.analyzer = word_ngrams if kind == "words" else char_ngrams
        self.vocabulary = vocabulary
        self.idf = np.asarray(idf, dtype=np.float64)
        self._word_cache: dict[str, tuple[int, ...]] = {}

    def transform(self, texts: Sequence[str]) -> csr_matrix:
        indptr, indices, data = [0], [], []
        for text in texts:
            counts: dict[int, int] = {}
            for gram in self.analyzer(text):
                column = self.vocabulary.get(gram)
                if column is not None:
                    counts[column] = counts.get(column, 0) + 1
            columns = sorted(counts)
            values = (np.log(np.array([counts[c] for c in columns], dtype=np.float64)) + 1.0) * self.idf[columns]
            norm = np.sqrt(np.dot(values, values))
            indices += columns
            data += list(values / norm if norm > 0 else values)
            indptr.append(len(indices))
        return csr_matrix((np.array(data, dtype=np.float64), np.array(indices, dtype=np.int32), np.array(indptr)),
                          shape=(len(texts), len(self.idf)))

    def row(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """One text's non-zero columns and their TF-IDF values (the same numbers as transform([text]), without
        building a sparse matrix: the per-message path)."""
        counts: dict[int, int] = {}
        vocabulary = self.vocabulary
        if self.kind == "chars":
            for word in text.lower().split():
                for column in self._word_columns(word, vocabulary):
                    counts[column] = counts.get(column, 0) + 1
        else:
            for gram in word_ngrams(text):
                found = vocabulary.get(gram)
                if found is not None:
                    counts[found] = counts.get(found, 0) + 1
        columns = np.fromiter(counts.keys(), dtype=np.intp, count=len(counts))
        values = (np.log(np.fromiter(counts.values(), dtype=np.float64, count=len(counts))) + 1.0) * self.idf[columns]
        norm = math.sqrt(float(values @ values)) if len(values) else 0.0
        return columns, values / norm if norm > 0 else values

    def _word_columns(self, word: str, vocabulary: dict[str, int]) -> tuple[int, ...]:
        """The vocabulary columns of one word's character n-grams, remembered: most words of a message were seen
        before, so their n-grams are not rebuilt and looked up again (a bounded cache, cleared when full)."""
        cache = self._word_cache
        found = cache.get(word)
        if found is None:
            found = tuple(column for gram in char_ngrams(word) if (column := vocabulary.get(gram)) is not None)
            if len(cache) >= WORD_CACHE_SIZE:
                cache.clear()
            cache[word] = found
        return found

    def ordered(self) -> list[str]:
        """The n-grams in column order."""
        grams = [""] * len(self.vocabulary)
        for gram, column in self.vocabulary.items():
            grams[column] = gram
        return grams


def _fitted(kind: str, texts: Sequence[str]) -> tuple[NgramTfidf, Any]:
    """The n-gram TF-IDF fitted on these texts, and the training matrix (scikit-learn fits it)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    if kind == "words":
        vectorizer = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, token_pattern=_WORD_TOKEN.pattern)
    else:
        vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)
    matrix = vectorizer.fit_transform(texts)
    vocabulary = {gram: int(column) for gram, column in vectorizer.vocabulary_.items()}
    return NgramTfidf(kind, vocabulary, vectorizer.idf_), matrix


class SentimentFeatures:
    """Fit on training texts, then turn any texts into one sparse matrix (read-only after fit: thread-safe).

    Args:
        cues: the emotion cues whose scores become features.
        dense_weight: how much the dense scores count next to the TF-IDF columns.
    """

    def __init__(self, cues: EmotionCues, dense_weight: float = 1.0, embed_dim: int = 0,
                 embed_weight: float = EMBED_WEIGHT) -> None:
        self.dense = DenseFeatures(cues)
        self.dense_weight = dense_weight
        self.embed_dim = embed_dim  # 0: no sentence-embedding columns
        self.embed_weight = embed_weight
        self.words = NgramTfidf("words", {}, np.zeros(0))
        self.chars = NgramTfidf("chars", {}, np.zeros(0))

    def fit_transform(self, texts: Sequence[str], vectors: np.ndarray | None = None) -> csr_matrix:
        normalised = [normalise(t) for t in texts]
        (self.words, words), (self.chars, chars) = _fitted("words", normalised), _fitted("chars", normalised)
        return hstack([words, chars, self._dense(texts), *self._embedded(vectors, len(texts))]).tocsr()

    def transform(self, texts: Sequence[str], vectors: np.ndarray | None = None) -> csr_matrix:
        normalised = [normalise(t) for t in texts]
        parts = [self.words.transform(normalised), self.chars.transform(normalised), self._dense(texts),
                 *self._embedded(vectors, len(texts))]
        return hstack(parts).tocsr()

    def row(self, text: str, vector: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """One text's non-zero columns and values, equal to transform([text], [vector]) (the per-message path: no
        sparse matrices, so several times faster for one message)."""
        normalised = normalise(text)
        word_columns, word_values = self.words.row(normalised)
        char_columns, char_values = self.chars.row(normalised)
        offset = len(self.words.idf) + len(self.chars.idf)
        head = text[:MAX_CHARS]
        dense = np.asarray(self.dense.row(for_cues(head), head), dtype=np.float64)
        columns = [word_columns, char_columns + len(self.words.idf), np.arange(offset, offset + len(DENSE_NAMES))]
        values = [word_values, char_values, dense * self.dense_weight]
        if self.embed_dim:
            start = offset + len(DENSE_NAMES)
            columns.append(np.arange(start, start + self.embed_dim))
            values.append(self._checked(vector, 1)[0].astype(np.float64) * self.embed_weight)
        return np.concatenate(columns), np.concatenate(values)

    def _checked(self, vectors: np.ndarray | None, n: int) -> np.ndarray:
        array = np.asarray(vectors, dtype=np.float32) if vectors is not None else None
        if array is not None and array.ndim == 1:
            array = array[None, :]
        if array is None or array.shape != (n, self.embed_dim):
            raise ValueError(f"the sentiment model needs {self.embed_dim}-dim sentence vectors for {n} texts")
        return array

    def _embedded(self, vectors: np.ndarray | None, n: int) -> list[csr_matrix]:
        if not self.embed_dim:
            return []
        return [csr_matrix(self._checked(vectors, n).astype(np.float64) * self.embed_weight)]

    def fitted_state(self) -> tuple[dict[str, list[str]], dict[str, np.ndarray]]:
        """The fitted vocabularies (n-grams in column order) and IDF weights, for saving without pickle."""
        return ({block.kind: block.ordered() for block in (self.words, self.chars)},
                {f"{block.kind}_idf": block.idf for block in (self.words, self.chars)})

    def restore(self, vocab: dict[str, list[str]], arrays: dict[str, np.ndarray]) -> SentimentFeatures:
        """Fitted again from fitted_state(): the same columns and weights, so the same matrices as after fit."""
        self.words, self.chars = (NgramTfidf(kind, {gram: i for i, gram in enumerate(vocab[kind])},
                                             arrays[f"{kind}_idf"]) for kind in ("words", "chars"))
        for block in (self.words, self.chars):
            if len(block.vocabulary) != len(vocab[block.kind]) or len(block.idf) != len(block.vocabulary):
                raise ValueError(f"the {block.kind} vocabulary and its IDF weights differ in length")
        return self

    def width(self) -> int:
        """How many columns transform() gives."""
        return len(self.words.idf) + len(self.chars.idf) + len(DENSE_NAMES) + self.embed_dim

    def _dense(self, texts: Sequence[str]) -> csr_matrix:
        heads = [t[:MAX_CHARS] for t in texts]
        cleaned = [for_cues(t) for t in heads]
        return csr_matrix(self.dense.matrix(cleaned, heads) * self.dense_weight)
