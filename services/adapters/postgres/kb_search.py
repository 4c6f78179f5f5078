"""The SearchIndex port on PostgreSQL: the KB passages live in the database (table kb_passages, migration 7), so every
app replica searches the same rows and an approved article is found by all of them as soon as one has indexed it.

Same passages and the same fusion as the SQLite index (services/adapters/local/kb_search.py):
  * lexical: a stored tsvector (title weight A, passage D) under a GIN index, ``ts_rank`` with the title weighing
    TITLE_WEIGHT times the passage, the query's words (stop words dropped, at most 32) OR-ed; best 50 passages
    (of at most RANK_LIMIT ranked);
  * semantic: the better of the cosine to the passage vector ("title. passage") and to the title vector;
  * score = 0.75 * cosine + 0.25 * rank / best rank of this query; an article scores as its best passage.

Two vector paths, chosen when the index is built (``vectors="auto"``):
  * ``pgvector``: ``CREATE EXTENSION vector`` works (RDS, Aurora, a server with the extension installed): vectors
    in kb_passage_vectors (``vector(dim)``, two HNSW cosine indexes); the 50 nearest by passage and by title come
    from the indexes, then one statement fuses them with the lexical candidates;
  * ``array``: no extension: the vectors are float32 ``bytea`` in kb_passages; each process keeps a read-only copy
    of them (never re-embedded: read from the table) and reloads it when counters('kb_passages') moved; the cosine
    is one matrix product, the lexical side stays in SQL.

``index(articles)`` is incremental and safe to run from every replica at once: each article's passages carry a
digest of (model, title, body); only articles whose digest changed are embedded (outside any transaction), then one
transaction under an advisory lock deletes the stale passages and inserts the new ones, skipping what another
replica wrote meanwhile, and moves counters('kb_passages').
"""

from __future__ import annotations

import functools
import hashlib
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import numpy as np
import psycopg
import psycopg.errors
from psycopg_pool import PoolTimeout

from services.adapters.local.embedder import embedder_identity
from services.adapters.local.kb_search import (
    CANDIDATES,
    MODES,
    SEMANTIC_WEIGHT,
    clean_query,
    highlight,
    query_terms,
    snippet,
    split_passages,
)
from services.config import Settings
from services.errors import ConfigError, ProviderUnavailable
from services.models import Article, KbHit

VECTOR_PATHS = ("auto", "pgvector", "array")
INDEX_LOCK = 0x46524F4E544C10  # advisory lock held while the passages are rewritten
CHUNKER = "passages-v1"  # part of each digest: a change of the passage splitter re-indexes everything
# ts_rank's weights are {D, C, B, A}: title words (A) weigh TITLE_WEIGHT times passage words (D). 2, not the SQLite
# index's 5: measured on StackFAQ with normalisation 0/1/2 x title weight 2/5/10, 1 and 2 were best (docs/postgres.md)
TITLE_WEIGHT = 2.0
_WEIGHTS = "{" + ",".join(f"{w:g}" for w in (1 / TITLE_WEIGHT,) * 3 + (1.0,)) + "}"
RANK_NORMALIZATION = 1  # ts_rank divides by 1 + log(document length): long passages do not win by length alone
HNSW_EF_SEARCH = 100  # candidates the HNSW scan keeps (pgvector's default 40 is below our 50 per side)
# ts_rank reads each matching passage's tsvector (~10 µs each), and a query of common words matches most of a large
# KB: each query term brings at most RANK_LIMIT / (number of terms) of its passages (through the GIN index), so a
# rare term's passages are always ranked while a common term's are cut; the vector side is not affected
RANK_LIMIT = 2000
BULK_ROWS = 5000  # inserting this many vectors at once: drop the HNSW indexes and build them again after (faster)
_HNSW = (("kb_passage_vectors_hnsw", "embedding"), ("kb_passage_vectors_title_hnsw", "title_embedding"))
_LEXICAL = (f"SELECT id, ts_rank('{_WEIGHTS}'::float4[], tsv, query, {RANK_NORMALIZATION}) AS rank "
            "FROM (SELECT DISTINCT ON (p.id) p.id, p.tsv FROM unnest(%(each)s::text[]) AS term "
            "CROSS JOIN LATERAL (SELECT id, tsv FROM kb_passages WHERE tsv @@ plainto_tsquery('english', term) "
            "LIMIT %(per_term)s) AS p) AS matched, websearch_to_tsquery('english', %(terms)s) AS query "
            f"ORDER BY rank DESC, id LIMIT {CANDIDATES}")


def _lexical_params(terms: list[str]) -> dict[str, Any]:
    return {"terms": " or ".join(terms), "each": terms, "per_term": max(RANK_LIMIT // max(len(terms), 1), 50)}


F = TypeVar("F", bound=Callable[..., Any])


def _reachable(method: F) -> F:
    """No driver error leaves the adapter: a lost server or an exhausted pool is a ProviderUnavailable."""

    @functools.wraps(method)
    def wrapper(self: PostgresSearchIndex, *args: Any, **kwargs: Any) -> Any:
        for attempt in (1, 2):
            try:
                return method(self, *args, **kwargs)
            except psycopg.errors.UndefinedTable:
                if attempt == 2:
                    raise ProviderUnavailable("KB search: the search tables are missing") from None
                self._path = None  # the schema was rebuilt (seed --force): choose the path and create its table again
            except (psycopg.OperationalError, PoolTimeout) as e:
                reason = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
                raise ProviderUnavailable(f"KB search: the database is unavailable ({reason})") from None
            except psycopg.Error as e:
                raise ProviderUnavailable(f"KB search failed ({type(e).__name__})") from None
        raise AssertionError("unreachable")

    return wrapper  # type: ignore[return-value]


@dataclass(frozen=True)
class _Row:
    article_id: int
    title: str
    body: str


class _Vectors:
    """The array path's copy of the table's vectors, read at one counters('kb_passages') value."""

    def __init__(self, version: int | None, ids: np.ndarray, rows: list[_Row], vectors: np.ndarray,
                 title_vectors: np.ndarray) -> None:
        self.version = version
        self.ids = ids
        self.rows = rows
        self.vectors = vectors
        self.title_vectors = title_vectors
        self.position = {int(i): n for n, i in enumerate(ids)}


def _digest(model: str, article: Article) -> str:
    return hashlib.sha256(f"{CHUNKER}\0{model}\0{article.title}\0{article.body}".encode()).hexdigest()[:32]


def _blob(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype="<f4").tobytes()


def _literal(vector: np.ndarray) -> str:
    """A pgvector text literal ('[0.1,0.2,...]')."""
    return "[" + ",".join(f"{x:.7g}" for x in np.asarray(vector, dtype=np.float32)) + "]"


class PostgresSearchIndex:
    """Hybrid KB search over approved articles, stored in the database; thread-safe."""

    def __init__(self, settings: Settings, database: Any, embedder: Any, mode: str = "hybrid",
                 vectors: str = "auto") -> None:
        if mode not in MODES:
            raise ConfigError(f"search mode must be one of {', '.join(MODES)}; got {mode!r}")
        if vectors not in VECTOR_PATHS:
            raise ConfigError(f"vectors must be one of {', '.join(VECTOR_PATHS)}; got {vectors!r}")
        self.settings = settings
        self.mode = mode
        self._database = database
        self._embedder = embedder
        self._wanted = vectors
        self._path: str | None = None  # "pgvector" or "array", decided on first use
        self._lock = threading.Lock()
        self._cache: _Vectors | None = None

    # ---- the port ------------------------------------------------------------------
    @_reachable
    def index(self, articles: Iterable[Article]) -> None:
        """Make the stored passages those of these articles (only status 'approved' ones are kept).

        Args:
            articles: the knowledge base, typically ``uow.articles.all(status="approved")``.
        Raises:
            ProviderUnavailable: the server is unreachable.
        """
        model = self._model()
        wanted = {a.id: (a, _digest(model, a)) for a in articles if a.status == "approved"}
        path = self.vector_path()
        stored = self._stored_digests()
        changed = [a for a, digest in wanted.values() if stored.get(a.id) != digest]
        if not changed and stored.keys() <= wanted.keys():
            return  # another replica (or an earlier call) already indexed exactly these
        fresh = self._passages(changed, model)  # embedding happens before the transaction: no lock held meanwhile
        with self._connection() as conn, conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", [INDEX_LOCK])
            stored = {r[0]: r[1] for r in conn.execute("SELECT DISTINCT article_id, digest FROM kb_passages")}
            stale = [i for i, digest in stored.items() if i not in wanted or wanted[i][1] != digest]
            if stale:
                conn.execute("DELETE FROM kb_passages WHERE article_id = ANY(%s)", [stale])
            rows = [row for row in fresh if stored.get(row[0]) != row[4]]
            if rows:
                self._insert(conn, rows, path)
            backfilled = path == "pgvector" and self.mode != "lexical" and self._backfill(conn, self._dimension())
            if stale or rows or backfilled:
                conn.execute("UPDATE counters SET value = value + 1 WHERE name = 'kb_passages'")

    @_reachable
    def search(self, query: str, k: int = 3) -> list[KbHit]:
        """The k best articles for a query, best first, each with its best passage as the snippet.

        Args:
            query: any user text; quotes, operators, emoji and very long text are all accepted.
            k: how many articles at most.
        Returns:
            KbHits with scores in [0, 1]; empty for a blank query or an empty index.
        Raises:
            ProviderUnavailable: the server is unreachable.
        """
        query = clean_query(query)
        if k <= 0 or not query.strip():
            return []
        terms = query_terms(query) if self.mode != "semantic" else []
        vector = self._embed([query])[0] if self.mode != "lexical" else None
        if self.vector_path() == "pgvector" or vector is None:
            scored = self._search_sql(terms, vector)
        else:
            scored = self._search_array(terms, vector)
        return self._hits(scored, k, query)

    # ---- extras (bench, tests, admin) ------------------------------------------------
    def is_empty(self) -> bool:
        return self.passage_count() == 0

    @_reachable
    def passage_count(self) -> int:
        with self._connection() as conn:
            return int(conn.execute("SELECT COUNT(*) FROM kb_passages").fetchone()[0])

    @_reachable
    def vector_path(self) -> str:
        """"pgvector" (the extension's type and HNSW indexes) or "array" (bytea vectors, cosine in this process)."""
        if self._path is None:
            with self._lock:
                if self._path is None:
                    self._path = self._choose_path()
        return self._path

    # ---- internals -------------------------------------------------------------------
    def _connection(self) -> Any:
        return self._database.pool.connection(timeout=10.0)

    def _model(self) -> str:
        return embedder_identity(self._embedder) if self.mode != "lexical" else "-"  # new vectors: passages re-embedded

    def _embed(self, texts: Sequence[str]) -> np.ndarray:
        vectors = np.asarray(self._embedder.embed(list(texts)), dtype=np.float32)
        return np.nan_to_num(vectors)  # an empty text embeds to NaN in wordllama

    def _dimension(self) -> int:
        return int(getattr(self._embedder, "dim", 0) or self._embed(["dimension"]).shape[1])

    def _choose_path(self) -> str:
        if self._wanted == "array" or self.mode == "lexical":
            return "array"
        with self._connection() as conn:
            available = conn.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'vector'").fetchone()
            installed = conn.execute("SELECT 1 FROM pg_extension WHERE extname = 'vector'").fetchone()
            if not installed and available:
                try:
                    conn.execute("CREATE EXTENSION IF NOT EXISTS vector")
                    installed = (1,)
                except psycopg.Error:  # no privilege: a DBA must create it; the array path serves meanwhile
                    installed = None
            if not installed:
                if self._wanted == "pgvector":
                    raise ConfigError("the pgvector extension is not available on this PostgreSQL server")
                return "array"
            self._ensure_vector_table(conn)
        return "pgvector"

    def _ensure_vector_table(self, conn: Any) -> None:
        """kb_passage_vectors with the embedder's dimension, filled from kb_passages' bytea (never re-embedded)."""
        dim = self._dimension()
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", [INDEX_LOCK])
            row = conn.execute("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = "
                               "to_regclass('kb_passage_vectors') AND attname = 'embedding'").fetchone()
            if row and row[0] == f"vector({dim})":
                return
            conn.execute("DROP TABLE IF EXISTS kb_passage_vectors")
            conn.execute(f"CREATE TABLE kb_passage_vectors (passage_id BIGINT PRIMARY KEY REFERENCES kb_passages(id) "
                         f"ON DELETE CASCADE, embedding vector({dim}) NOT NULL, title_embedding vector({dim}) NOT NULL)")
            self._create_hnsw(conn)
            self._backfill(conn, dim)

    @staticmethod
    def _create_hnsw(conn: Any) -> None:
        conn.execute("SET LOCAL maintenance_work_mem = '256MB'")
        for name, column in _HNSW:
            conn.execute(f"CREATE INDEX IF NOT EXISTS {name} ON kb_passage_vectors USING hnsw ({column} "
                         "vector_cosine_ops)")

    def _backfill(self, conn: Any, dim: int) -> bool:
        """Vectors for the passages that have none in kb_passage_vectors (written by a process that could not use
        the extension), copied from their bytea; whether any were missing."""
        rows = conn.execute("SELECT p.id, p.embedding, p.title_embedding FROM kb_passages p LEFT JOIN "
                            "kb_passage_vectors v ON v.passage_id = p.id WHERE v.passage_id IS NULL "
                            "AND octet_length(p.embedding) = %s", [4 * dim]).fetchall()
        self._copy_vectors(conn, [(r[0], np.frombuffer(r[1], "<f4"), np.frombuffer(r[2], "<f4")) for r in rows])
        return bool(rows)

    @staticmethod
    def _copy_vectors(conn: Any, rows: list[tuple[int, np.ndarray, np.ndarray]]) -> None:
        with conn.cursor() as cursor, cursor.copy(
                "COPY kb_passage_vectors (passage_id, embedding, title_embedding) FROM STDIN") as copy:
            for passage_id, vector, title_vector in rows:
                copy.write_row((passage_id, _literal(vector), _literal(title_vector)))

    def _stored_digests(self) -> dict[int, str]:
        with self._connection() as conn:
            return {r[0]: r[1] for r in conn.execute("SELECT DISTINCT article_id, digest FROM kb_passages")}

    def _passages(self, articles: list[Article], model: str) -> list[tuple[Any, ...]]:
        """(article_id, position, title, body, digest, model, vector, title vector) rows of these articles."""
        rows = [(a.id, n, a.title, text, _digest(model, a), model)
                for a in articles for n, text in enumerate(split_passages(a.body, a.title))]
        if not rows:
            return []
        if self.mode == "lexical":
            return [(*row, None, None) for row in rows]
        vectors = self._embed([f"{r[2]}. {r[3]}" for r in rows])
        titles = sorted({r[2] for r in rows})
        by_title = dict(zip(titles, self._embed(titles), strict=True))
        return [(*row, vectors[n], by_title[row[2]]) for n, row in enumerate(rows)]

    def _insert(self, conn: Any, rows: list[tuple[Any, ...]], path: str) -> None:
        ids: list[int] = []
        with conn.cursor() as cursor:
            for start in range(0, len(rows), 1000):
                batch = rows[start:start + 1000]
                values = ", ".join(["(%s, %s, %s, %s, %s, %s, %s, %s)"] * len(batch))
                args = [x for r in batch for x in (*r[:6], None if r[6] is None else _blob(r[6]),
                                                     None if r[7] is None else _blob(r[7]))]
                cursor.execute(f"INSERT INTO kb_passages (article_id, position, title, body, digest, model, "
                               f"embedding, title_embedding) VALUES {values} RETURNING id", args)
                ids.extend(r[0] for r in cursor.fetchall())
        if path == "pgvector" and self.mode != "lexical":
            bulk = len(rows) >= BULK_ROWS  # searches wait for the commit meanwhile (DROP INDEX locks the table)
            if bulk:
                conn.execute(f"DROP INDEX IF EXISTS {', '.join(name for name, _ in _HNSW)}")
            self._copy_vectors(conn, [(i, r[6], r[7]) for i, r in zip(ids, rows, strict=True)])
            if bulk:
                self._create_hnsw(conn)

    def _search_sql(self, terms: list[str], vector: np.ndarray | None) -> list[tuple[float, int, _Row]]:
        """(score, passage id, row) fused in one statement (pgvector path, or lexical mode)."""
        params: dict[str, Any] = _lexical_params(terms)
        parts = [f"lexical AS ({_LEXICAL})"] if terms else ["lexical AS (SELECT 0::bigint AS id, 0::real AS rank "
                                                            "WHERE false)"]
        candidates = ["SELECT id FROM lexical"]
        if vector is not None:
            params["vector"] = _literal(vector)
            for name, column in (("near", "embedding"), ("near_title", "title_embedding")):
                parts.append(f"{name} AS (SELECT passage_id AS id FROM kb_passage_vectors "
                             f"ORDER BY {column} <=> %(vector)s::vector LIMIT {CANDIDATES})")
                candidates.append(f"SELECT id FROM {name}")
            cosine = ("GREATEST(1 - (v.embedding <=> %(vector)s::vector), "
                      "1 - (v.title_embedding <=> %(vector)s::vector))")
            join = "JOIN kb_passage_vectors v ON v.passage_id = p.id"
        else:
            cosine, join = "0", ""
        statement = (f"WITH {', '.join(parts)}, candidates AS ({' UNION '.join(candidates)}) "
                     f"SELECT p.id, p.article_id, p.title, p.body, COALESCE(lexical.rank, 0), {cosine} "
                     f"FROM candidates JOIN kb_passages p ON p.id = candidates.id {join} "
                     "LEFT JOIN lexical ON lexical.id = p.id")
        with self._connection() as conn, conn.transaction():
            if vector is not None:
                conn.execute(f"SET LOCAL hnsw.ef_search = {HNSW_EF_SEARCH}")
            rows = conn.execute(statement, params).fetchall()
        lexical = {r[0]: float(r[4]) for r in rows if r[4]}
        cosines = {r[0]: min(max(float(r[5]), 0.0), 1.0) for r in rows}
        texts = {r[0]: _Row(int(r[1]), r[2], r[3]) for r in rows}
        if vector is not None:  # the semantic side's candidates are the CANDIDATES best by cosine, as in SQLite
            best = sorted(cosines, key=lambda i: (-cosines[i], i))[:CANDIDATES]
            semantic = {i: cosines[i] for i in best}
        else:
            semantic = {}
        return [(score, i, texts[i]) for i, score in self._fuse(lexical, semantic, cosines).items()]

    def _search_array(self, terms: list[str], vector: np.ndarray) -> list[tuple[float, int, _Row]]:
        """(score, passage id, row): lexical candidates from SQL, cosine over this process's copy of the vectors."""
        with self._connection() as conn:
            version = conn.execute("SELECT value FROM counters WHERE name = 'kb_passages'").fetchone()
            lexical_rows = conn.execute(_LEXICAL, _lexical_params(terms)).fetchall() if terms else []
        cache = self._vectors(version[0] if version else None)
        if not cache.rows:
            return []
        cosines = np.clip(np.maximum(cache.vectors @ vector, cache.title_vectors @ vector), 0.0, 1.0)
        lexical = {int(r[0]): float(r[1]) for r in lexical_rows if int(r[0]) in cache.position}
        top = np.argsort(-cosines, kind="stable")[:CANDIDATES]
        semantic = {int(cache.ids[n]): float(cosines[n]) for n in top}
        every = {i: float(cosines[cache.position[i]]) for i in lexical} | semantic
        fused = self._fuse(lexical, semantic, every)
        return [(score, i, cache.rows[cache.position[i]]) for i, score in fused.items()]

    def _vectors(self, version: int | None) -> _Vectors:
        cache = self._cache
        if cache is not None and cache.version == version:
            return cache
        with self._lock:
            cache = self._cache
            if cache is None or cache.version != version:
                cache = self._load_vectors()
                self._cache = cache
        return cache

    def _load_vectors(self) -> _Vectors:
        dim = self._dimension()
        with self._connection() as conn, conn.transaction():  # one snapshot: the counter and the rows agree
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            version = conn.execute("SELECT value FROM counters WHERE name = 'kb_passages'").fetchone()
            rows = conn.execute("SELECT id, article_id, title, body, embedding, title_embedding FROM kb_passages "
                                "WHERE octet_length(embedding) = %s ORDER BY id", [4 * dim]).fetchall()
        ids = np.array([r[0] for r in rows], dtype=np.int64)
        vectors = np.frombuffer(b"".join(r[4] for r in rows), "<f4").reshape(len(rows), dim)
        titles = np.frombuffer(b"".join(r[5] for r in rows), "<f4").reshape(len(rows), dim)
        return _Vectors(version[0] if version else None, ids, [_Row(int(r[1]), r[2], r[3]) for r in rows],
                        vectors.astype(np.float32), titles.astype(np.float32))

    def _fuse(self, lexical: dict[int, float], semantic: dict[int, float],
              cosines: dict[int, float]) -> dict[int, float]:
        """Passage id -> fused score in [0, 1] (the SQLite index's formula over the union of both candidate sets)."""
        best = max(lexical.values(), default=0.0) or 1.0
        lexical = {i: score / best for i, score in lexical.items()}
        if self.mode == "lexical":
            return lexical
        if self.mode == "semantic":
            return semantic
        return {i: SEMANTIC_WEIGHT * cosines.get(i, 0.0) + (1 - SEMANTIC_WEIGHT) * lexical.get(i, 0.0)
                for i in lexical.keys() | semantic.keys()}

    @staticmethod
    def _hits(scored: list[tuple[float, int, _Row]], k: int, query: str) -> list[KbHit]:
        hits: dict[int, KbHit] = {}
        for score, _, row in sorted(scored, key=lambda item: (-item[0], item[1])):
            if score > 0 and row.article_id not in hits:
                hits[row.article_id] = KbHit(row.article_id, row.title, round(min(score, 1.0), 4), snippet(row.body),
                                             row.body, highlight(row.body, query))
            if len(hits) == k:
                break
        return list(hits.values())
