"""The SearchIndex port, offline: SQLite FTS5 (bm25) and wordllama vectors over article passages, fused.

Each approved article is split into passages of ~80-150 words. A passage is found two ways:
  * lexically: FTS5 bm25 over (title, passage) in an in-memory SQLite database owned by the index;
  * semantically: cosine between the query vector and both the passage vector ("title. passage")
    and the article's title vector (short titles match paraphrased questions well).
The two are fused by a weighted sum, score = w * cosine + (1 - w) * bm25 / best bm25 of this query, so the
score lies in [0, 1] and keeps an absolute meaning through the cosine term (an off-topic query scores low
even when one word happens to match). An article scores as its best passage, which becomes the snippet.
w = 0.75 was chosen on StackFAQ (see docs/retrieval.md); ``mode="lexical"`` or ``"semantic"`` uses one side.

Re-indexing builds a new database and matrix aside and swaps them in under the lock, so searches running
meanwhile see the old or the new index, never half of one.
"""

from __future__ import annotations

import re
import sqlite3
import threading
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import Stemmer

from services.config import Settings
from services.errors import ConfigError
from services.models import Article, KbHit

MODES = ("hybrid", "lexical", "semantic")
SEMANTIC_WEIGHT = 0.75
TITLE_WEIGHT = 5.0  # bm25 weight of the title column against the passage column
CANDIDATES = 50  # passages taken from each side before fusion
MAX_QUERY_CHARS = 2000  # a pasted e-mail thread is cut here: its opening carries the request
MAX_QUERY_TERMS = 32
PASSAGE_TARGET_WORDS = 80
PASSAGE_MAX_WORDS = 150
PASSAGE_MIN_TAIL_WORDS = 40
SNIPPET_CHARS = 320

_STOPWORDS = frozenset(
    "a an the and or but if of to in on for with at by from is are was were be been being do does did i im me my "
    "we our you your it its this that these those how what why when where which who whom can could should would "
    "will shall may might there here have has had not so as into about up out any some all just than then too very "
    "please hi hello hey thanks thank".split())
_WORD = re.compile(r"\w+", re.UNICODE)
_TOKEN = re.compile(r"[^\W_]+")  # letters and digits (FTS5's unicode61 splits on "_" too)
_STEMMER = Stemmer.Stemmer("english")  # Snowball English (PyStemmer, C); keeps its own cache of recent words
_STEM_LOCK = threading.Lock()  # one Stemmer object is not safe for concurrent use
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# Each scan stops at the next bracket, so text full of "[" or "](" is read once (the old form was quadratic).
_MD_LINK = re.compile(r"\[([^\[\]]*+)\]\([^()]*+\)")
_MD_HEADING = re.compile(r"^#{1,6}\s+(.*?)[.:]?\s*$", re.MULTILINE)
_MD_MARKS = re.compile(r"^[^\S\n]*+(?:[-*+>]|\d++[.)])\s++|\*\*|__|`", re.MULTILINE)  # indent: no newlines


@dataclass(frozen=True)
class Passage:
    article_id: int
    title: str
    text: str


# ---- text helpers --------------------------------------------------------------


def plain_text(markdown: str) -> str:
    """Markdown reduced to readable text: links keep their words, marks and bullets go."""
    text = _MD_HEADING.sub(r"\1:", _MD_LINK.sub(r"\1", markdown))  # a heading reads as a lead-in
    return _MD_MARKS.sub("", text).strip()


def _sentence_chunks(paragraph: str, max_words: int) -> list[str]:
    """A long paragraph cut at sentence ends (at word counts when a sentence alone is too long)."""
    chunks: list[list[str]] = [[]]
    for sentence in _SENTENCE_END.split(paragraph):
        words = sentence.split()
        if chunks[-1] and len(chunks[-1]) + len(words) > max_words:
            chunks.append([])
        chunks[-1].extend(words)
    return [" ".join(c[i:i + max_words]) for c in chunks for i in range(0, len(c), max_words) if c]


def _units(body: str) -> list[str]:
    units: list[str] = []
    for paragraph in re.split(r"\n\s*\n", body):
        paragraph = " ".join(plain_text(paragraph).split())
        if paragraph:
            units.extend(_sentence_chunks(paragraph, PASSAGE_MAX_WORDS))
    return units


def split_passages(body: str, title: str = "") -> list[str]:
    """Paragraphs packed into passages of ~80-150 words; a short tail joins the passage before it.

    Args:
        body: the article's markdown.
        title: the article's title: a heading that only repeats it is left out (the snippet shown under the title
            would otherwise start with the title again).
    Returns:
        Plain-text passages in reading order (one empty string for an empty body).
    """
    units = _units(body)
    while units and title and _same_words(units[0], title):
        units.pop(0)
    passages: list[list[str]] = [[]]
    for unit in units:
        size = sum(len(u.split()) for u in passages[-1])
        if passages[-1] and (size >= PASSAGE_TARGET_WORDS or size + len(unit.split()) > PASSAGE_MAX_WORDS):
            passages.append([])
        passages[-1].append(unit)
    if len(passages) > 1 and sum(len(u.split()) for u in passages[-1]) < PASSAGE_MIN_TAIL_WORDS:
        passages[-2].extend(passages.pop())
    return [" ".join(p) for p in passages]


def _same_words(a: str, b: str) -> bool:
    return _WORD.findall(a.casefold()) == _WORD.findall(b.casefold())


def query_terms(query: str) -> list[str]:
    """Distinct lower-case words of a query without stop words, at most MAX_QUERY_TERMS."""
    terms = dict.fromkeys(t for t in _WORD.findall(query[:MAX_QUERY_CHARS].lower()) if t not in _STOPWORDS)
    return list(terms)[:MAX_QUERY_TERMS]


def fold(word: str) -> str:
    """Lower case without diacritics ("Café" -> "cafe")."""
    word = word.lower()
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def stems(words: Sequence[str]) -> list[str]:
    """The Snowball English stem of each (folded) word."""
    with _STEM_LOCK:
        return _STEMMER.stemWords([fold(w) for w in words])


def analyse(text: str) -> list[str]:
    """The index terms of a text: its words folded and stemmed, in order, repeats kept."""
    return stems(_TOKEN.findall(text))


def highlight(passage: str, query: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every word of the passage whose stem is one of the query's terms (stop words are not marked).

    Args:
        passage: the plain text shown.
        query: the user's query as typed.
    Returns:
        Spans in order, not overlapping; empty when no query word occurs.
    """
    wanted = set(stems(query_terms(query)))
    if not wanted or not passage:
        return ()
    words = list(_TOKEN.finditer(passage))
    found = stems([w.group() for w in words])
    return tuple(w.span() for w, stem in zip(words, found, strict=True) if stem in wanted)


def fts_query(query: str) -> str:
    """An FTS5 MATCH expression that cannot fail: each term quoted, OR-ed ('' when nothing is left)."""
    return " OR ".join(f'"{term}"' for term in query_terms(query))


def snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    """The passage cut at a word boundary near the limit, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


# ---- the index -----------------------------------------------------------------


class _Snapshot:
    """One immutable build: the FTS5 database, the passages and their vectors."""

    def __init__(self, passages: list[Passage], vectors: np.ndarray, title_vectors: np.ndarray) -> None:
        self.passages = passages
        self.vectors = vectors
        self.title_vectors = title_vectors
        self.conn = sqlite3.connect(":memory:", check_same_thread=False)
        self.conn.execute("CREATE VIRTUAL TABLE passages USING fts5(title, body, "
                          "tokenize='porter unicode61 remove_diacritics 2')")
        self.conn.executemany("INSERT INTO passages(rowid, title, body) VALUES (?, ?, ?)",
                              [(i, p.title, p.text) for i, p in enumerate(passages)])
        self.conn.commit()

    def lexical(self, query: str) -> dict[int, float]:
        """Passage row -> bm25 (higher is better) for the best CANDIDATES passages."""
        expression = fts_query(query)
        if not expression or not self.passages:
            return {}
        sql = (f"SELECT rowid, -bm25(passages, {TITLE_WEIGHT}, 1.0) FROM passages WHERE passages MATCH ? "
               f"ORDER BY bm25(passages, {TITLE_WEIGHT}, 1.0) LIMIT {CANDIDATES}")
        try:
            return {int(row): float(score) for row, score in self.conn.execute(sql, (expression,))}
        except sqlite3.OperationalError:  # defensive: the expression is built to be always valid
            return {}

    def semantic(self, query_vector: np.ndarray) -> np.ndarray:
        """Cosine of every passage: the better of its own vector and its article's title vector."""
        if not self.passages:
            return np.zeros(0, dtype=np.float32)
        return np.maximum(self.vectors @ query_vector, self.title_vectors @ query_vector)

    def close(self) -> None:
        self.conn.close()


class HybridSearchIndex:
    """Hybrid KB search over approved articles; thread-safe; re-index any time with index()."""

    def __init__(self, settings: Settings, embedder: Any, mode: str = "hybrid") -> None:
        if mode not in MODES:
            raise ConfigError(f"search mode must be one of {', '.join(MODES)}; got {mode!r}")
        self.settings = settings
        self.mode = mode
        self._embedder = embedder
        self._lock = threading.Lock()
        self._snapshot = self._build([])

    def index(self, articles: Iterable[Article]) -> None:
        """Replace the whole index with these articles (only status 'approved' ones are kept).

        Args:
            articles: the knowledge base, typically ``uow.articles.all(status="approved")``.
        """
        approved = {a.id: a for a in articles if a.status == "approved"}
        passages = [Passage(a.id, a.title, text) for a in approved.values() for text in split_passages(a.body, a.title)]
        fresh = self._build(passages)
        with self._lock:
            old, self._snapshot = self._snapshot, fresh
            old.close()

    def is_empty(self) -> bool:
        return not self._snapshot.passages

    def passage_count(self) -> int:
        return len(self._snapshot.passages)

    def search(self, query: str, k: int = 3) -> list[KbHit]:
        """The k best articles for a query, best first, each with its best passage as the snippet.

        Args:
            query: any user text; quotes, operators, emoji and very long text are all accepted.
            k: how many articles at most.
        Returns:
            KbHits with scores in [0, 1]; empty for a blank query or an empty index.
        """
        query = (query or "")[:MAX_QUERY_CHARS].encode("utf-8", "replace").decode("utf-8")  # no lone surrogates
        if k <= 0 or not query.strip():
            return []
        with self._lock:
            snapshot = self._snapshot
            lexical = snapshot.lexical(query) if self.mode != "semantic" else {}
        semantic = self._semantic(snapshot, query)
        return self._hits(snapshot, self._fuse(lexical, semantic), k, query)

    # ---- internals ---------------------------------------------------------------
    def _embed(self, texts: Sequence[str]) -> np.ndarray:
        vectors = np.asarray(self._embedder.embed(list(texts)), dtype=np.float32)
        return np.nan_to_num(vectors)  # an empty text embeds to NaN in wordllama

    def _build(self, passages: list[Passage]) -> _Snapshot:
        if not passages or self.mode == "lexical":
            empty = np.zeros((len(passages), 1), dtype=np.float32)
            return _Snapshot(passages, empty, empty)
        vectors = self._embed([f"{p.title}. {p.text}" for p in passages])
        titles = sorted({p.title for p in passages})
        by_title = dict(zip(titles, self._embed(titles), strict=True))
        return _Snapshot(passages, vectors, np.stack([by_title[p.title] for p in passages]))

    def _semantic(self, snapshot: _Snapshot, query: str) -> np.ndarray | None:
        """Cosine (clipped at 0) of every passage, or None in lexical mode."""
        if self.mode == "lexical" or not snapshot.passages:
            return None
        return np.clip(snapshot.semantic(self._embed([query])[0]), 0.0, 1.0)

    def _fuse(self, lexical: dict[int, float], cosines: np.ndarray | None) -> dict[int, float]:
        """Passage row -> fused score in [0, 1] over the candidates of both sides."""
        best = max(lexical.values(), default=0.0) or 1.0
        lexical = {row: score / best for row, score in lexical.items()}
        if cosines is None:
            return lexical
        top = np.argsort(-cosines, kind="stable")[:CANDIDATES]
        if self.mode == "semantic":
            return {int(row): float(cosines[row]) for row in top}
        rows = lexical.keys() | {int(row) for row in top}
        return {row: SEMANTIC_WEIGHT * float(cosines[row]) + (1 - SEMANTIC_WEIGHT) * lexical.get(row, 0.0)
                for row in rows}

    def _hits(self, snapshot: _Snapshot, scores: dict[int, float], k: int, query: str) -> list[KbHit]:
        """The best passage of each article, articles ranked by it; ties broken by order for determinism."""
        hits: dict[int, KbHit] = {}
        for row, score in sorted(scores.items(), key=lambda item: (-item[1], item[0])):
            passage = snapshot.passages[row]
            if score > 0 and passage.article_id not in hits:
                hits[passage.article_id] = KbHit(passage.article_id, passage.title, round(min(score, 1.0), 4),
                                                 snippet(passage.text), passage.text,
                                                 highlight(passage.text, query))
            if len(hits) == k:
                break
        return list(hits.values())
