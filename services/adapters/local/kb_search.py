"""The SearchIndex port, offline: BM25 and wordllama vectors over article passages kept in the SQLite file, fused.

Each approved article is split into passages of ~80-150 words, stored in the table kb_passages with their vectors and
their index terms (words folded and stemmed, Snowball English), so every process using the file searches the same
passages and an article is embedded once, by whichever process indexes it first (``index`` is incremental: only
articles whose digest of (model, title, body) changed are embedded again). Each process keeps a cache of the table,
refreshed when counters('kb_passages') moves: only the passages added or removed since are read.

A passage is found two ways:
  * lexically: BM25 (FTS5's formula, k1 1.2, b 0.75, title words weighing TITLE_WEIGHT) over postings kept in memory,
    each term's postings sorted by impact so that a query term reads at most POSTINGS_PER_TERM of them;
  * semantically: cosine between the query vector and both the passage vector ("title. passage") and the article's
    title vector (short titles match paraphrased questions well): exact below ANN_MIN_ROWS passages, else the
    CANDIDATES nearest by each from usearch's HNSW graphs (updated in place, never rebuilt).
The two are fused by a weighted sum, score = w * cosine + (1 - w) * bm25 / best bm25 of this query, so the
score lies in [0, 1] and keeps an absolute meaning through the cosine term (an off-topic query scores low
even when one word happens to match). An article scores as its best passage, which becomes the snippet.
w = 0.75 was chosen on StackFAQ (see docs/retrieval.md); ``mode="lexical"`` or ``"semantic"`` uses one side.

A refresh builds the next snapshot aside and swaps it in, so searches running meanwhile see the old or the new
passages, never half of them.
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import math
import re
import sqlite3
import threading
import unicodedata
import weakref
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import Stemmer

from services.adapters.local.embedder import embedder_identity
from services.config import Settings
from services.errors import ConfigError, ProviderUnavailable
from services.models import Article, KbHit

MODES = ("hybrid", "lexical", "semantic")
SEMANTIC_WEIGHT = 0.75
TITLE_WEIGHT = 5.0  # bm25 weight of the title column against the passage column
CANDIDATES = 50  # passages taken from each side before fusion
K1, B = 1.2, 0.75  # BM25's term-frequency saturation and length normalisation (FTS5's values)
POSTINGS_PER_TERM = 4000  # a query term reads at most this many of its postings, best impact first
ANN_MIN_ROWS = 5000  # below this many passages the vector side is exact (a matrix product); above, HNSW
BACKGROUND_ROWS = 2000  # more changed passages than this: the HNSW graph is built anew on a background thread
BUILD_BATCH = 4096  # passages added to a graph being built per step (a stop request is honoured between steps)
HNSW_CONNECTIVITY, HNSW_EXPANSION_ADD, HNSW_EXPANSION_SEARCH = 16, 64, 128  # f16 graph: recall@100 0.89 at 20k
CHUNKER = "passages-v1 snowball-en"  # part of each digest: a new splitter or stemmer re-indexes everything
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
_STEMS: dict[str, str] = {}  # word as written -> stem (dict reads and writes are atomic under the GIL)
STEM_CACHE_WORDS = 200_000
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# Each scan stops at the next bracket, so text full of "[" or "](" is read once (the old form was quadratic).
_MD_LINK = re.compile(r"\[([^\[\]]*+)\]\([^()]*+\)")
_MD_HEADING = re.compile(r"^#{1,6}\s+(.*?)[.:]?\s*$", re.MULTILINE)
_MD_MARKS = re.compile(r"^[^\S\n]*+(?:[-*+>]|\d++[.)])\s++|\*\*|__|`", re.MULTILINE)  # indent: no newlines


def clean_query(query: str | None) -> str:
    """A search query as every index reads it: cut at MAX_QUERY_CHARS, lone surrogates and NULs (which PostgreSQL
    refuses in text) replaced."""
    return (query or "")[:MAX_QUERY_CHARS].encode("utf-8", "replace").decode("utf-8").replace("\x00", " ")



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
    """The Snowball English stem of each word (folded first); recent words are remembered."""
    known = _STEMS
    missing = [w for w in dict.fromkeys(words) if w not in known]
    if missing:
        with _STEM_LOCK:
            found = _STEMMER.stemWords([fold(w) for w in missing])
        if len(known) > STEM_CACHE_WORDS:
            known.clear()  # a bounded memory; the common words come back at once
        known.update(zip(missing, found, strict=True))
    return [known[w] for w in words]


def analyse(text: str) -> list[str]:
    """The index terms of a text: its words folded and stemmed, in order, repeats kept."""
    return stems(_TOKEN.findall(text))


def highlight(passage: str, query: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every word of the passage whose stem is one of the query's terms (stop words are not marked).

    Only words sharing the first letters of a wanted stem are marked (a stem is its word's beginning but for a
    final y -> i). A passage's words and their stems are read once and remembered (_passage_words: the KB's
    passages are few and found again and again), so a search's highlights cost a lookup per query stem, not a
    pattern built for the query and a scan of each passage.

    Args:
        passage: the plain text shown.
        query: the user's query as typed.
    Returns:
        Spans in order, not overlapping; empty when no query word occurs.
    """
    wanted, prefixes = _marks(query)
    if not wanted or not passage:
        return ()
    if not all(p.isascii() and p.isalnum() for p in prefixes):  # a prefix a word boundary could cut: the scan
        candidates = list(_candidates(tuple(sorted(re.escape(p) for p in prefixes))).finditer(passage))
        found = stems([w.group() for w in candidates])
        return tuple(w.span() for w, stem in zip(candidates, found, strict=True) if stem in wanted)
    # An ASCII letter or digit only ever matches a letter or digit, even case-insensitively ("K", "ſ"), so a word of
    # the scan above is a whole word of _TOKEN starting with a prefix: the same spans (sorted: in the same order).
    by_stem = _passage_words(passage)
    own = _marks_of(query)
    return tuple(sorted(span for stem in wanted for span in by_stem.get(stem, ())
                        if _begins(own[stem], passage[span[0]:span[0] + 3])
                        or any(_begins(p, passage[span[0]:span[0] + 3]) for p in prefixes if p != own[stem])))


@functools.lru_cache(maxsize=512)
def _passage_words(passage: str) -> dict[str, tuple[tuple[int, int], ...]]:
    """Where each stem's words are in the passage (words as _TOKEN splits them: letters and digits); the last 512
    passages highlighted are remembered (a few KB each)."""
    words = list(_TOKEN.finditer(passage))
    found: dict[str, list[tuple[int, int]]] = {}
    for word, stem in zip(words, stems([w.group() for w in words]), strict=True):
        found.setdefault(stem, []).append(word.span())
    return {stem: tuple(spans) for stem, spans in found.items()}


@functools.lru_cache(maxsize=16_384)
def _begins(prefix: str, head: str) -> bool:
    """Whether the word whose first three characters are `head` starts with the prefix (at most three ASCII letters
    or digits), any case, as the regular expression engine decides it."""
    return re.match(prefix, head, re.IGNORECASE) is not None


@functools.lru_cache(maxsize=256)
def _marks_of(query: str) -> dict[str, str]:
    """Each query stem's own prefix (the one its words most likely start with: tried first)."""
    return {stem: _prefix(stem) for stem in query_stems(query)}


def _prefix(stem: str) -> str:
    return stem[:max(1, min(3, len(stem) - 1))]


@functools.lru_cache(maxsize=256)
def query_stems(query: str) -> tuple[str, ...]:
    """stems(query_terms(query)), remembered: a search reads them once for BM25 and once per hit it highlights."""
    return tuple(stems(query_terms(query)))


@functools.lru_cache(maxsize=256)
def _marks(query: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """The query's stems and the first letters a passage word must start with to be marked: each stem's first three
    (but at least one fewer than the stem has, and at least one)."""
    wanted = frozenset(query_stems(query))
    return wanted, tuple(sorted({_prefix(stem) for stem in wanted}))


@functools.lru_cache(maxsize=1024)
def _candidates(prefixes: tuple[str, ...]) -> re.Pattern[str]:
    """Whole words (as _TOKEN splits them) starting with one of the (escaped) prefixes, any case."""
    return re.compile(rf"(?<![^\W_])(?:{'|'.join(prefixes)})[^\W_]*", re.IGNORECASE)


def snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    """The passage cut at a word boundary near the limit, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


# ---- the index -----------------------------------------------------------------


class _Snapshot:
    """One immutable reading of the stored passages: texts, vectors and BM25 postings, rows in passage-id order.

    Postings: for each term, the rows holding it (with the weighted term frequency) sorted by BM25 impact, best
    first, so that a query term reads at most POSTINGS_PER_TERM of them.
    """

    def __init__(self, version: int | None, ids: np.ndarray, signatures: list[str], article_ids: np.ndarray,
                 titles: list[str],
                 texts: list[str], vectors: np.ndarray, title_vectors: np.ndarray, row_terms: list[np.ndarray],
                 row_freqs: list[np.ndarray], lengths: np.ndarray, vocabulary: dict[str, int]) -> None:
        self.version = version
        self.ids = ids
        self.position = {int(i): n for n, i in enumerate(ids)}
        self.signatures = signatures  # digest:position of each row (SQLite reuses the id of a deleted last row)
        self.article_ids = article_ids
        self.titles = titles
        self.texts = texts
        self.vectors = vectors
        self.title_vectors = title_vectors
        self.row_terms = row_terms
        self.row_freqs = row_freqs
        self.lengths = lengths
        self.vocabulary = vocabulary
        self.average_length = float(lengths.mean()) if len(lengths) else 1.0
        self._postings()

    def __len__(self) -> int:
        return len(self.ids)

    def _postings(self) -> None:
        count = [len(t) for t in self.row_terms]
        terms = np.concatenate(self.row_terms) if self.row_terms else np.zeros(0, np.int32)
        freqs = np.concatenate(self.row_freqs) if self.row_freqs else np.zeros(0, np.float32)
        rows = np.repeat(np.arange(len(self.row_terms), dtype=np.int32), count)
        lengths = self.lengths[rows]
        impact = freqs / (freqs + K1 * (1 - B + B * lengths / self.average_length))  # in (0, 1)
        # one 64-bit key (term, then impact descending) sorts ~3x faster than np.lexsort over the two
        key = (terms.astype(np.int64) << 32) | ((1.0 - impact) * 2**31).astype(np.int64)
        order = np.argsort(key)
        self.posting_rows, self.posting_freqs = rows[order], freqs[order]
        self.offsets = np.concatenate(([0], np.cumsum(np.bincount(terms, minlength=len(self.vocabulary)))))

    def lexical(self, query: str) -> dict[int, float]:
        """Row -> BM25 (FTS5's formula: title words weigh TITLE_WEIGHT) for the best CANDIDATES rows."""
        wanted = {self.vocabulary[s] for s in query_stems(query) if s in self.vocabulary}
        if not wanted or not len(self):
            return {}
        n = len(self)
        scores = np.zeros(n, dtype=np.float32)
        for term in wanted:
            start, end = int(self.offsets[term]), int(self.offsets[term + 1])
            df = end - start
            idf = math.log((n - df + 0.5) / (df + 0.5))
            idf = idf if idf > 0 else 1e-6  # as FTS5: a word in over half the passages still counts, barely
            rows = self.posting_rows[start:min(end, start + POSTINGS_PER_TERM)]
            freqs = self.posting_freqs[start:min(end, start + POSTINGS_PER_TERM)]
            norm = K1 * (1 - B + B * self.lengths[rows] / self.average_length)
            scores[rows] += idf * freqs * (K1 + 1) / (freqs + norm)
        found = np.flatnonzero(scores)
        if len(found) > CANDIDATES:
            found = found[np.argpartition(-scores[found], CANDIDATES)[:CANDIDATES]]
        return {int(row): float(scores[row]) for row in found}


def _empty_snapshot(dim: int) -> _Snapshot:
    return _Snapshot(None, np.zeros(0, np.int64), [], np.zeros(0, np.int64), [], [], np.zeros((0, dim), np.float32),
                     np.zeros((0, dim), np.float32), [], [], np.zeros(0, np.float32), {})


def _dot(matrix: np.ndarray, vector: np.ndarray) -> np.ndarray:
    """matrix @ vector on this thread: BLAS would wake its thread pool, and on a busy machine each woken thread waits
    for a core (a 1 ms product took 30-70 ms at load 10 on 2 cores); einsum's own loop never leaves the thread."""
    return np.einsum("ij,j->i", matrix, vector)


F = TypeVar("F", bound=Callable[..., Any])


def _stored(method: F) -> F:
    """No driver error leaves the index: a locked or unreadable database is a ProviderUnavailable."""

    @functools.wraps(method)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return method(*args, **kwargs)
        except sqlite3.Error as e:
            reason = "busy" if "locked" in str(e) else f"unreadable ({type(e).__name__})"
            raise ProviderUnavailable(f"KB search: the database is {reason}; try again") from None

    return wrapper  # type: ignore[return-value]


def _digest(model: str, article: Article) -> str:
    return hashlib.sha256(f"{CHUNKER}\0{model}\0{article.title}\0{article.body}".encode()).hexdigest()[:32]


def _blob(vector: np.ndarray | None) -> bytes | None:
    return None if vector is None else np.asarray(vector, dtype="<f4").tobytes()


class _Nearest:
    """The vector side's candidates: exact cosine below ANN_MIN_ROWS rows, else usearch's HNSW graph (f16) holding
    each passage's vector (key 2 * id) and its title vector (key 2 * id + 1), kept in step with the snapshots.

    A change of a few passages goes into the graph at once; a large one (a process starting on a big KB, a bulk
    import: over BACKGROUND_ROWS passages) builds a new graph on a background thread, and until it is swapped in the
    cosines are computed exactly (slower, never stale)."""

    def __init__(self, dim: int) -> None:
        self.dim = dim
        self._lock = threading.Lock()  # guards the graph (searched and changed under it) and the fields below
        self._graph: Any = None
        self._keys: dict[int, str] = {}  # passage id -> signature of what the graph holds
        self._latest: _Snapshot | None = None
        self._builder: threading.Thread | None = None
        self._stopping = threading.Event()  # set at interpreter exit: a build stops between batches

    def update(self, snapshot: _Snapshot) -> None:
        """Make the graph hold exactly the snapshot's passages (adds and removes only what changed)."""
        with self._lock:
            self._latest = snapshot
            if len(snapshot) < ANN_MIN_ROWS:
                self._graph, self._keys = None, {}
                return
            if self._builder is not None:
                return  # the builder brings the graph up to the latest snapshot when it is done
            wanted = self._wanted(snapshot)
            changed = sum(1 for i, sig in wanted.items() if self._keys.get(i) != sig)
            if self._graph is None or changed > BACKGROUND_ROWS:
                self._graph, self._keys = None, {}
                self._builder = threading.Thread(target=self._build, name="kb-hnsw", daemon=True)
                self._builder.start()
                _BUILDERS.add(self)
                return
            self._apply(self._graph, self._keys, wanted, snapshot)
            self._keys = wanted

    def wait(self, timeout: float | None = None) -> bool:
        """Block until no background build runs (benchmarks, tests); whether the graph is current."""
        builder = self._builder
        if builder is not None:
            builder.join(timeout)
        return self._builder is None

    def _build(self) -> None:
        try:
            self._build_graph()
        finally:
            with self._lock:
                self._builder = None  # done, or failed (then searches stay exact and the next change retries)

    def stop(self) -> None:
        """Stop a background build at its next batch and wait for it (at exit: a native thread killed mid-add would
        abort the interpreter)."""
        self._stopping.set()
        self.wait()

    def _build_graph(self) -> None:
        from usearch.index import Index

        while not self._stopping.is_set():
            with self._lock:
                snapshot = self._latest
            if snapshot is None or len(snapshot) < ANN_MIN_ROWS:
                return
            graph = Index(ndim=self.dim, metric="ip", dtype="f16", connectivity=HNSW_CONNECTIVITY,
                          expansion_add=HNSW_EXPANSION_ADD, expansion_search=HNSW_EXPANSION_SEARCH)
            held = self._wanted(snapshot)
            keys = sorted(held)
            for start in range(0, len(keys), BUILD_BATCH):  # outside the lock: searches go on, exactly
                if self._stopping.is_set():
                    return
                batch = {i: held[i] for i in keys[start:start + BUILD_BATCH]}
                self._apply(graph, {}, batch, snapshot)
            with self._lock:
                latest = self._latest
                if latest is None or len(latest) < ANN_MIN_ROWS:
                    return
                wanted = self._wanted(latest)
                if sum(1 for i, sig in wanted.items() if held.get(i) != sig) > BACKGROUND_ROWS:
                    continue  # much changed meanwhile: build again from the latest
                self._apply(graph, held, wanted, latest)
                self._graph, self._keys = graph, wanted
                return

    @staticmethod
    def _wanted(snapshot: _Snapshot) -> dict[int, str]:
        return {int(i): snapshot.signatures[n] for i, n in snapshot.position.items()}

    @staticmethod
    def _apply(graph: Any, held: dict[int, str], wanted: dict[int, str], snapshot: _Snapshot) -> None:
        gone = np.array(sorted(i for i, sig in held.items() if wanted.get(i) != sig), dtype=np.uint64)
        new = np.array(sorted(i for i, sig in wanted.items() if held.get(i) != sig), dtype=np.uint64)
        if len(gone):
            graph.remove(np.concatenate([2 * gone, 2 * gone + 1]))
        if len(new):
            rows = np.array([snapshot.position[int(i)] for i in new], dtype=np.int64)
            vectors = np.concatenate([snapshot.vectors[rows], snapshot.title_vectors[rows]])
            graph.add(np.concatenate([2 * new, 2 * new + 1]), np.ascontiguousarray(vectors), threads=0)

    def top(self, snapshot: _Snapshot, query_vector: np.ndarray) -> np.ndarray:
        """Rows of the snapshot among the best by passage or title cosine (exact, or HNSW's 2 * CANDIDATES)."""
        if not len(snapshot):
            return np.zeros(0, np.int64)
        with self._lock:
            if self._graph is not None and self._builder is None:
                keys = self._graph.search(query_vector, 2 * CANDIDATES, threads=1).keys // 2
                position = snapshot.position
                return np.array(sorted({position[k] for k in keys.tolist() if k in position}), dtype=np.int64)
        cosines = np.maximum(_dot(snapshot.vectors, query_vector), _dot(snapshot.title_vectors, query_vector))
        if len(cosines) <= CANDIDATES:
            return np.arange(len(cosines))
        return np.argpartition(-cosines, CANDIDATES)[:CANDIDATES]


_BUILDERS: weakref.WeakSet[_Nearest] = weakref.WeakSet()


@atexit.register
def _stop_builders() -> None:
    for nearest in list(_BUILDERS):
        nearest.stop()


class HybridSearchIndex:
    """Hybrid KB search over approved articles; thread-safe; the passages live in a SQLite database.

    ``database``: the path of the app's SQLite file (its table kb_passages): every process using that file searches
    the same passages and vectors, each keeping a cache of them that follows counters('kb_passages'). None: a
    private in-memory database (tests, benchmarks, a store that is not SQLite).
    """

    def __init__(self, settings: Settings, embedder: Any, mode: str = "hybrid",
                 database: str | Path | None = None) -> None:
        if mode not in MODES:
            raise ConfigError(f"search mode must be one of {', '.join(MODES)}; got {mode!r}")
        self.settings = settings
        self.mode = mode
        self._embedder = embedder
        self._db_lock = threading.Lock()  # one connection, used by one thread at a time
        self._refresh_lock = threading.Lock()
        self._conn = self._open(database)
        self._dim = 1 if mode == "lexical" else int(getattr(embedder, "dim", 0) or self._embed(["dim"]).shape[1])
        self._snapshot = _empty_snapshot(self._dim)
        self._nearest = _Nearest(self._dim)
        self._digests: dict[int, tuple[str, str, str, str]] = {}  # article id -> (model, title, body, digest)

    # ---- the port ------------------------------------------------------------------
    @_stored
    def index(self, articles: Iterable[Article]) -> None:
        """Make the stored passages those of these articles (only status 'approved' ones are kept).

        Incremental: only articles whose (title, body, model) digest changed are split and embedded; another process
        (or an earlier call) that already stored the same articles leaves nothing to do but refresh this cache.

        Args:
            articles: the knowledge base, typically ``uow.articles.all(status="approved")``.
        Raises:
            ProviderUnavailable: the database stayed locked past the busy timeout, or cannot be read.
        """
        model = self._model()
        wanted = {a.id: (a, self._digest(model, a)) for a in articles if a.status == "approved"}
        stored = self._stored_digests()
        changed = [a for a, digest in wanted.values() if stored.get(a.id) != digest]
        if changed or not stored.keys() <= wanted.keys():
            fresh = self._passages(changed, model)  # embedded before the write lock is taken
            with self._db_lock:
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    stored = dict(self._conn.execute("SELECT DISTINCT article_id, digest FROM kb_passages"))
                    stale = [i for i, digest in stored.items() if i not in wanted or wanted[i][1] != digest]
                    for start in range(0, len(stale), 500):
                        part = stale[start:start + 500]
                        self._conn.execute(f"DELETE FROM kb_passages WHERE article_id IN ({','.join('?' * len(part))})",
                                           part)
                    rows = [row for row in fresh if stored.get(row[0]) != row[4]]
                    self._conn.executemany(
                        "INSERT INTO kb_passages (article_id, position, title, body, digest, model, embedding, "
                        "title_embedding, tsv) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
                    if stale or rows:
                        self._conn.execute("UPDATE counters SET value = value + 1 WHERE name = 'kb_passages'")
                    self._conn.execute("COMMIT")
                except BaseException:
                    self._conn.execute("ROLLBACK")
                    raise
        self._refresh(force=True)

    @_stored
    def is_empty(self) -> bool:
        return not len(self._current())

    @_stored
    def passage_count(self) -> int:
        return len(self._current())

    def wait_until_ready(self, timeout: float | None = None) -> bool:
        """Block until no HNSW graph is being built in the background (benchmarks, tests); whether none is."""
        return self._nearest.wait(timeout)

    @_stored
    def search(self, query: str, k: int = 3) -> list[KbHit]:
        """The k best articles for a query, best first, each with its best passage, the query's words marked.

        Args:
            query: any user text; quotes, operators, emoji and very long text are all accepted.
            k: how many articles at most.
        Returns:
            KbHits with scores in [0, 1]; empty for a blank query or an empty index.
        """
        query = clean_query(query)
        if k <= 0 or not query.strip():
            return []
        snapshot = self._current()
        if not len(snapshot):
            return []
        lexical = snapshot.lexical(query) if self.mode != "semantic" else {}
        return self._hits(snapshot, self._fuse(snapshot, lexical, query), k, query)

    # ---- storage -------------------------------------------------------------------
    @staticmethod
    def _open(database: str | Path | None) -> sqlite3.Connection:
        if database is not None:
            from services.adapters.local.sqlite_uow import connect

            return connect(Path(database))  # the app's file: migration 7 made kb_passages and its counter
        conn = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
        conn.executescript(
            "CREATE TABLE kb_passages (id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL, position INTEGER NOT NULL, "
            "title TEXT NOT NULL, body TEXT NOT NULL, digest TEXT NOT NULL, model TEXT NOT NULL, embedding BLOB, "
            "title_embedding BLOB, tsv TEXT); CREATE INDEX kb_passages_article ON kb_passages(article_id);"
            "CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);"
            "INSERT INTO counters VALUES ('kb_passages', 0);")
        return conn

    def _model(self) -> str:
        return embedder_identity(self._embedder) if self.mode != "lexical" else "-"  # new vectors: passages re-embedded

    def _digest(self, model: str, article: Article) -> str:
        """The article's digest, remembered: comparing the texts costs far less than hashing them again."""
        known = self._digests.get(article.id)
        if known is not None and known[0] == model and known[1] == article.title and known[2] == article.body:
            return known[3]
        digest = _digest(model, article)
        self._digests[article.id] = (model, article.title, article.body, digest)
        return digest

    def _stored_digests(self) -> dict[int, str]:
        with self._db_lock:
            return dict(self._conn.execute("SELECT DISTINCT article_id, digest FROM kb_passages"))

    def _passages(self, articles: list[Article], model: str) -> list[tuple[Any, ...]]:
        """kb_passages rows (article_id, position, title, body, digest, model, vector, title vector, terms)."""
        rows = [(a.id, n, a.title, text, _digest(model, a), model)
                for a in articles for n, text in enumerate(split_passages(a.body, a.title))]
        terms = [" ".join(analyse(r[2])) + "\n" + " ".join(analyse(r[3])) for r in rows]
        if not rows or self.mode == "lexical":
            return [(*row, None, None, t) for row, t in zip(rows, terms, strict=True)]
        vectors = self._embed([f"{r[2]}. {r[3]}" for r in rows])
        titles = sorted({r[2] for r in rows})
        by_title = dict(zip(titles, self._embed(titles), strict=True))
        return [(*row, _blob(vectors[n]), _blob(by_title[row[2]]), terms[n]) for n, row in enumerate(rows)]

    # ---- the cache -------------------------------------------------------------------
    def _current(self) -> _Snapshot:
        """The snapshot of the stored passages as they are now (refreshed when counters('kb_passages') moved)."""
        with self._db_lock:
            version = self._conn.execute("SELECT value FROM counters WHERE name = 'kb_passages'").fetchone()
        if self._snapshot.version != (version[0] if version else None):
            self._refresh()
        return self._snapshot

    def _refresh(self, force: bool = False) -> None:
        """Read what changed since the snapshot (new and removed passages only) and swap in the next snapshot."""
        with self._refresh_lock:
            old = self._snapshot
            with self._db_lock:
                self._conn.execute("BEGIN")  # one read snapshot: the counter and the rows agree
                try:
                    row = self._conn.execute("SELECT value FROM counters WHERE name = 'kb_passages'").fetchone()
                    version = row[0] if row else None
                    if version == old.version and not force:
                        return
                    listed = self._conn.execute("SELECT id, digest || ':' || position FROM kb_passages ORDER BY id")
                    ids, signatures = [], []
                    for i, signature in listed:
                        ids.append(i)
                        signatures.append(signature)
                    new = [i for i, sig in zip(ids, signatures, strict=True) if not self._same(old, i, sig)]
                    added = []
                    for start in range(0, len(new), 500):
                        part = new[start:start + 500]
                        added += self._conn.execute(
                            "SELECT id, article_id, title, body, embedding, title_embedding, tsv FROM kb_passages "
                            f"WHERE id IN ({','.join('?' * len(part))})", part).fetchall()
                finally:
                    self._conn.execute("COMMIT")
            if version == old.version and not new and len(ids) == len(old):
                return
            self._snapshot = self._next(old, version, ids, signatures, added)
            if self.mode != "lexical":  # no vectors, no graph
                self._nearest.update(self._snapshot)

    @staticmethod
    def _same(old: _Snapshot, passage_id: int, signature: str) -> bool:
        n = old.position.get(passage_id)
        return n is not None and old.signatures[n] == signature

    def _next(self, old: _Snapshot, version: int | None, ids: list[int], signatures: list[str],
              added: list[Any]) -> _Snapshot:
        """The next snapshot: rows kept from the old one are copied as arrays, only the added ones are parsed."""
        by_id = {r[0]: r for r in added}
        vocabulary = dict(old.vocabulary)
        kept = np.array([old.position[i] if self._same(old, i, sig) else -1
                         for i, sig in zip(ids, signatures, strict=True)], dtype=np.int64).reshape(-1)
        is_old = kept >= 0
        fresh = [by_id[i] for i, n in zip(ids, kept.tolist(), strict=True) if n < 0]
        zero = np.zeros(self._dim, np.float32)
        new_terms, new_freqs, new_lengths = [], [], []
        for row in fresh:
            title_terms, _, body_terms = (row[6] or "").partition("\n")
            counts: dict[int, float] = {}
            for weight, words in ((TITLE_WEIGHT, title_terms.split()), (1.0, body_terms.split())):
                for word in words:
                    term = vocabulary.setdefault(word, len(vocabulary))
                    counts[term] = counts.get(term, 0.0) + weight
            new_terms.append(np.fromiter(counts.keys(), np.int32, len(counts)))
            new_freqs.append(np.fromiter(counts.values(), np.float32, len(counts)))
            new_lengths.append(float(len(title_terms.split()) + len(body_terms.split())))

        def merged(old_items: list[Any], new_items: list[Any]) -> list[Any]:
            fresh_items = iter(new_items)
            return [old_items[n] if n >= 0 else next(fresh_items) for n in kept.tolist()]

        def merged_array(old_array: np.ndarray, new_items: list[Any], dtype: Any, shape: tuple[int, ...]) -> np.ndarray:
            out = np.empty((len(ids), *shape), dtype=dtype)
            out[is_old] = old_array[kept[is_old]]
            if new_items:
                out[~is_old] = np.asarray(new_items, dtype=dtype).reshape(len(new_items), *shape)
            return out

        return _Snapshot(
            version, np.array(ids, dtype=np.int64), signatures,
            merged_array(old.article_ids, [r[1] for r in fresh], np.int64, ()),
            merged(old.titles, [r[2] for r in fresh]), merged(old.texts, [r[3] for r in fresh]),
            merged_array(old.vectors, [self._vector(r[4], zero) for r in fresh], np.float32, (self._dim,)),
            merged_array(old.title_vectors, [self._vector(r[5], zero) for r in fresh], np.float32, (self._dim,)),
            merged(old.row_terms, new_terms), merged(old.row_freqs, new_freqs),
            merged_array(old.lengths, new_lengths, np.float32, ()), vocabulary)

    def _vector(self, blob: bytes | None, zero: np.ndarray) -> np.ndarray:
        if self.mode == "lexical" or blob is None or len(blob) != 4 * self._dim:
            return zero  # written by another mode or model: no semantic side for it
        return np.frombuffer(blob, "<f4")

    # ---- scoring ---------------------------------------------------------------------
    def _embed(self, texts: Sequence[str]) -> np.ndarray:
        vectors = np.asarray(self._embedder.embed(list(texts)), dtype=np.float32)
        if np.isfinite(vectors).all():  # (session 13: nan_to_num's copy and four passes cost ~0.07 ms a search)
            return vectors
        return np.nan_to_num(vectors)  # an empty text embeds to NaN in wordllama

    def _fuse(self, snapshot: _Snapshot, lexical: dict[int, float], query: str) -> dict[int, float]:
        """Row -> fused score in [0, 1] over the candidates of both sides."""
        best = max(lexical.values(), default=0.0) or 1.0
        lexical = {row: score / best for row, score in lexical.items()}
        if self.mode == "lexical":
            return lexical
        vector = self._embed([query])[0]
        near = self._nearest.top(snapshot, vector)
        rows = np.array(sorted(set(lexical) | {int(r) for r in near}), dtype=np.int64)
        cosines = np.clip(np.maximum(_dot(snapshot.vectors[rows], vector), _dot(snapshot.title_vectors[rows], vector)),
                          0, 1)
        cosine = dict(zip(rows.tolist(), cosines.tolist(), strict=True))
        semantic = sorted((int(r) for r in near), key=lambda r: (-cosine[r], r))[:CANDIDATES]
        if self.mode == "semantic":
            return {row: cosine[row] for row in semantic}
        return {row: SEMANTIC_WEIGHT * cosine[row] + (1 - SEMANTIC_WEIGHT) * lexical.get(row, 0.0)
                for row in lexical.keys() | set(semantic)}

    def _hits(self, snapshot: _Snapshot, scores: dict[int, float], k: int, query: str) -> list[KbHit]:
        """The best passage of each article, articles ranked by it; ties broken by order for determinism."""
        hits: dict[int, KbHit] = {}
        for row, score in sorted(scores.items(), key=lambda item: (-item[1], item[0])):
            article_id = int(snapshot.article_ids[row])
            if score > 0 and article_id not in hits:
                text = snapshot.texts[row]
                hits[article_id] = KbHit(article_id, snapshot.titles[row], round(min(score, 1.0), 4), snippet(text),
                                         text, highlight(text, query))
            if len(hits) == k:
                break
        return list(hits.values())
