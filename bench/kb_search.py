"""KB search latency and build time by index size: the local index (passages, vectors and terms in the SQLite file;
BM25 postings and a usearch HNSW graph cached in process), the
PostgreSQL index (tsvector + pgvector, and the no-extension path) and chromadb, all on the same vectors.

The corpus is synthetic and made here: each chunk is one article of one passage (a 5-word title, ~90 words drawn
Zipf-like from the vocabulary of our help-centre articles in data/kb). Queries are 6 consecutive words of a random
chunk plus 2 random words. Every vector (chunks, titles, queries) is embedded once with wordllama before timing and
handed to every index (chromadb gets them as embeddings: its default embedder would download a model), so build_s
and the latencies measure the indexes, not the embedding (embed_s says what that took). chromadb is vector-only
(HNSW, cosine); the two others are hybrid (lexical + vectors, fused).

PostgreSQL: --database-url URL (a database the bench may fill; each size replaces its KB passages), else a
throw-away cluster from tests/pg_cluster.py (pgserver's PostgreSQL 16 + pgvector when installed, else Debian's).

    nice -n 10 .venv/bin/python bench/kb_search.py --chunks 1000,10000,100000

Prints one JSON line per size: chunks, p50_ms, p95_ms, build_s, open_first_search_s and open_ready_s (a second
index on the same SQLite file: its first search, and when its HNSW graph is ready), add_one_s (one more article
indexed and searchable), cpu_p50_ms, cpu_p95_ms (process CPU time per query:
what a query costs whatever the load), pg_p50_ms, pg_p95_ms, pg_build_s, pg_vector_path
(+ pg_array_* when the main path was pgvector), chroma_p50_ms, chroma_p95_ms, chroma_build_s, chroma_cpu_p50_ms, chroma_cpu_p95_ms
(null with chroma_reason when chromadb is not installed), queries, embed_s, loadavg, cpus. chromadb is not in
requirements.txt (too big): install it aside, e.g. ``pip install --target /tmp/chroma chromadb`` and run with
``FRONTLINE_BENCH_EXTRA_PATH=/tmp/chroma`` (appended to sys.path, so the venv's own packages win).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.extend(p for p in os.environ.get("FRONTLINE_BENCH_EXTRA_PATH", "").split(os.pathsep) if p)

from services.adapters.local.embedder import WordLlamaEmbedder  # noqa: E402
from services.adapters.local.kb_search import HybridSearchIndex  # noqa: E402
from services.config import Settings  # noqa: E402
from services.models import Article  # noqa: E402

K = 5


class CachedEmbedder:
    """wordllama with every text embedded ahead of time: the indexes get the same vectors, embedding is not timed."""

    name = WordLlamaEmbedder.name
    dim = WordLlamaEmbedder.dim

    def __init__(self) -> None:
        self._model = WordLlamaEmbedder()
        self._known: dict[str, np.ndarray] = {}

    def warm(self, texts: Sequence[str]) -> None:
        missing = [t for t in dict.fromkeys(texts) if t not in self._known]
        for start in range(0, len(missing), 4096):
            batch = missing[start:start + 4096]
            self._known.update(zip(batch, np.asarray(self._model.embed(batch), dtype=np.float32), strict=True))

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.warm(texts)
        return np.stack([self._known[t] for t in texts]) if texts else np.zeros((0, self.dim), np.float32)


def corpus(chunks: int, queries: int, seed: int) -> tuple[list[Article], list[str]]:
    words = [w for f in sorted((ROOT / "data" / "kb").glob("*.md"))
             for w in re.findall(r"[a-z]{3,}", f.read_text(encoding="utf-8").lower())]
    vocabulary = list(dict.fromkeys(words))
    rng = np.random.default_rng(seed)
    weights = 1 / np.arange(1, len(vocabulary) + 1) ** 0.9
    weights /= weights.sum()
    rng.shuffle(vocabulary)
    drawn = rng.choice(len(vocabulary), size=(chunks, 95), p=weights)
    articles = []
    for n, row in enumerate(drawn, start=1):
        text = [vocabulary[i] for i in row]
        articles.append(Article(n, f"c-{n}", " ".join(text[:5]).capitalize(), " ".join(text[5:]) + ".", "bench",
                                "approved", 1, "2026-01-01T00:00:00Z"))
    asked = []
    for _ in range(queries):
        body = articles[int(rng.integers(chunks))].body.rstrip(".").split()
        start = int(rng.integers(len(body) - 6))
        asked.append(" ".join(body[start:start + 6] + [vocabulary[int(i)] for i in rng.integers(len(vocabulary),
                                                                                                   size=2)]))
    return articles, asked


def timed(search: Callable[[str], Any], queries: list[str]) -> tuple[float, float]:
    """Wall-clock p50 and p95 in ms of one index alone (PostgreSQL's)."""
    return together({"": search}, queries)[""][:2]


def together(searches: dict[str, Callable[[str], Any]], queries: list[str]) -> dict[str, tuple[float, ...]]:
    """prefix -> (wall p50, wall p95, CPU p50, CPU p95) in ms, the indexes timed in turn on each query, so that all see
    the same machine load (timed one after the other on a busy machine, a load spike falls on one of them). CPU is
    the process time a query used: what it costs whatever the load (a niced query mostly waits for a core)."""
    for query in queries[:5]:
        for search in searches.values():
            search(query)  # warm caches (and the array path's copy of the vectors)
    walls: dict[str, list[float]] = {name: [] for name in searches}
    cpus: dict[str, list[float]] = {name: [] for name in searches}
    for query in queries:
        for name, search in searches.items():
            started, used = time.perf_counter(), time.process_time()
            search(query)
            walls[name].append((time.perf_counter() - started) * 1000)
            cpus[name].append((time.process_time() - used) * 1000)

    def cuts(values: list[float]) -> tuple[float, float]:
        q = statistics.quantiles(values, n=100, method="inclusive")
        return round(q[49], 3), round(q[94], 3)

    return {name: cuts(walls[name]) + cuts(cpus[name]) for name in searches}


@contextlib.contextmanager
def local(articles: list[Article], embedder: CachedEmbedder) -> Iterator[tuple[dict[str, Any], Callable[[str], Any]]]:
    """The app's own index on a SQLite file (passages and vectors stored in it, the cache in this process)."""
    from services.adapters.local.sqlite_uow import SqliteDatabase

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        SqliteDatabase(path)  # the app's schema (kb_passages, counters)
        index = HybridSearchIndex(Settings(db_path=str(path)), embedder, database=path)
        started = time.perf_counter()
        index.index(articles)
        index.wait_until_ready()  # the HNSW graph is built on a background thread: build_s includes it
        fields: dict[str, Any] = {"build_s": round(time.perf_counter() - started, 3)}
        # another process on the same file: its first search (reads the rows, no embedding; exact cosines while its
        # graph is built in the background) and the time until its graph is ready
        started = time.perf_counter()
        other = HybridSearchIndex(Settings(db_path=str(path)), embedder, database=path)
        other.search(articles[0].title, k=K)
        fields["open_first_search_s"] = round(time.perf_counter() - started, 3)
        other.wait_until_ready()
        fields["open_ready_s"] = round(time.perf_counter() - started, 3)
        del other
        # one article approved: stored (embedded once) by this process, seen by the other's next search
        extra = Article(len(articles) + 1, "extra", "Extra article", articles[0].body, "bench", "approved", 1, "")
        started = time.perf_counter()
        index.index([*articles, extra])
        fields["add_one_s"] = round(time.perf_counter() - started, 3)
        yield fields, lambda q: index.search(q, k=K)


def postgres(url: str, articles: list[Article], queries: list[str], embedder: CachedEmbedder, vectors: str,
             prefix: str) -> dict[str, Any]:
    from services.adapters.postgres.kb_search import PostgresSearchIndex
    from services.adapters.postgres.uow import PostgresDatabase

    database = PostgresDatabase(url, max_size=2)
    try:
        index = PostgresSearchIndex(Settings(database_url=url), database, embedder, vectors=vectors)
        path = index.vector_path()
        index.index([])  # build_s is a build from empty (the database may hold an earlier size's passages)
        started = time.perf_counter()
        index.index(articles)
        build_s = round(time.perf_counter() - started, 3)
        with database.pool.connection() as conn:
            conn.execute("VACUUM ANALYZE kb_passages")
            if path == "pgvector":
                conn.execute("VACUUM ANALYZE kb_passage_vectors")
        p50, p95 = timed(lambda q: index.search(q, k=K), queries)
        return {f"{prefix}_p50_ms": p50, f"{prefix}_p95_ms": p95, f"{prefix}_build_s": build_s,
                f"{prefix}_vector_path": path}
    finally:
        database.close()


@contextlib.contextmanager
def chroma(articles: list[Article], queries: list[str],
           embedder: CachedEmbedder) -> Iterator[tuple[dict[str, Any], Callable[[str], Any] | None]]:
    try:
        import chromadb
    except ImportError:
        yield {"chroma_p50_ms": None, "chroma_p95_ms": None, "chroma_build_s": None,
               "chroma_reason": "chromadb is not installed (pip install chromadb; not in requirements.txt)"}, None
        return
    texts = [f"{a.title}. {a.body}" for a in articles]
    vectors = embedder.embed(texts)
    with tempfile.TemporaryDirectory() as folder:
        client = chromadb.PersistentClient(path=folder, settings=chromadb.Settings(anonymized_telemetry=False))
        collection = client.create_collection("kb_passages", metadata={"hnsw:space": "cosine"}, embedding_function=None)
        started = time.perf_counter()
        step = client.get_max_batch_size()
        for start in range(0, len(articles), step):
            collection.add(ids=[str(a.id) for a in articles[start:start + step]],
                           embeddings=vectors[start:start + step], documents=texts[start:start + step])
        build_s = round(time.perf_counter() - started, 3)
        query_vectors = {q: v for q, v in zip(queries, embedder.embed(queries), strict=True)}
        yield ({"chroma_build_s": build_s, "chroma_version": chromadb.__version__},
               lambda q: collection.query(query_embeddings=[query_vectors[q]], n_results=K))


class Server:
    """The PostgreSQL server the bench uses: the URL given, or a throw-away cluster (a fresh database per run)."""

    def __init__(self, url: str | None) -> None:
        self.url, self.cluster, self.reason = url, None, ""
        if url:
            return
        try:
            from tests.pg_cluster import pgvector_binaries, start_cluster

            self.cluster = start_cluster(pgvector_binaries())
        except BaseException as e:  # noqa: BLE001 - pytest's skip is a BaseException
            if isinstance(e, KeyboardInterrupt):
                raise
            self.reason = f"no PostgreSQL server: {e}"

    def database(self) -> str | None:
        return self.cluster.new_database() if self.cluster else self.url

    def stop(self) -> None:
        if self.cluster:
            self.cluster.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chunks", default="1000,10000,100000", help="comma-separated index sizes")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--database-url", default=os.environ.get("FRONTLINE_BENCH_DATABASE_URL"),
                        help="postgresql://… database to fill (default: a throw-away cluster)")
    parser.add_argument("--vectors", choices=("auto", "pgvector", "array"), default="auto")
    parser.add_argument("--skip", action="append", default=[], choices=("local", "postgres", "chroma"))
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.chunks.split(",") if s.strip()]
    server = Server(args.database_url) if "postgres" not in args.skip else None
    try:
        for size in sizes:
            articles, queries = corpus(size, args.queries, args.seed)
            embedder = CachedEmbedder()
            started = time.perf_counter()
            embedder.warm([f"{a.title}. {a.body}" for a in articles] + [a.title for a in articles] + queries)
            result: dict[str, Any] = {"chunks": size, "queries": len(queries),
                                      "embed_s": round(time.perf_counter() - started, 3)}
            with contextlib.ExitStack() as stack:  # both built first, then timed together
                searches: dict[str, Callable[[str], Any]] = {}
                if "local" not in args.skip:
                    fields, searches[""] = stack.enter_context(local(articles, embedder))
                    result.update(fields)
                if "chroma" not in args.skip:
                    fields, search = stack.enter_context(chroma(articles, queries, embedder))
                    result.update(fields)
                    if search is not None:
                        searches["chroma_"] = search
                for prefix, (p50, p95, cpu50, cpu95) in together(searches, queries).items():
                    result.update({f"{prefix}p50_ms": p50, f"{prefix}p95_ms": p95, f"{prefix}cpu_p50_ms": cpu50,
                                   f"{prefix}cpu_p95_ms": cpu95})
            if server is not None:
                url = server.database()
                if url is None:
                    result.update({"pg_p50_ms": None, "pg_p95_ms": None, "pg_build_s": None,
                                   "pg_reason": server.reason})
                else:
                    result.update(postgres(url, articles, queries, embedder, args.vectors, "pg"))
                    if result["pg_vector_path"] == "pgvector" and args.vectors == "auto":
                        other = server.database() if server.cluster else url
                        result.update(postgres(other, articles, queries, embedder, "array", "pg_array"))
                        result.pop("pg_array_vector_path")
            result["loadavg"] = Path("/proc/loadavg").read_text().split()[0] if Path("/proc/loadavg").exists() else ""
            result["cpus"] = os.cpu_count()
            print(json.dumps(result), flush=True)
    finally:
        if server is not None:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
