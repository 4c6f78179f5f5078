"""Cross-language knowledge-base search: customer questions written in Spanish, French and German
(bench/data/kb_languages.json, ours) against the seeded English help-centre articles (data/kb/*.md).

Measured, per query language, recall@1 and recall@5 (any of the query's listed articles counts) of:
- ``default``: the local default search (the ``search`` capability as build_services wires it), query as written;
- ``default_via_apertium``: the same search after the offline translator (Apertium) turned the query into English
  (Spanish only: Apertium's only pair here);
- ``e5_semantic`` / ``e5_hybrid``: the same index code over multilingual-e5-small vectors (the encoder the intent
  model uses for other languages), to show what a multilingual embedder would give.
Prints one JSON line. Nothing is downloaded (every model ships in a pip package; Apertium is a Debian package).

    .venv/bin/python bench/kb_languages.py
    .venv/bin/python bench/kb_languages.py --data bench/data/kb_languages.json --kb-dir data/kb
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from services.bootstrap import build_services  # noqa: E402
from services.config import Settings  # noqa: E402
from services.errors import ServiceError  # noqa: E402
from services.models import Article  # noqa: E402
from services.seed.articles import read_article  # noqa: E402

Query = tuple[str, str, set[int]]  # (language, text, relevant article ids)


def load(data: Path, kb_dir: Path) -> tuple[list[Article], list[Query]]:
    """The approved English articles (ids by file order) and the queries with the ids of their articles."""
    articles = []
    for number, path in enumerate(sorted(kb_dir.glob("*.md")), start=1):
        meta, body = read_article(path)
        articles.append(Article(number, path.stem, meta["title"], body, meta.get("category", "General"), "approved",
                                1, "", "en"))
    ids = {a.slug: a.id for a in articles}
    rows = json.loads(data.read_text(encoding="utf-8"))["queries"]
    missing = sorted({s for row in rows for s in row["slugs"] if s not in ids})
    if missing:
        raise SystemExit(f"{data}: unknown article slugs {missing}")
    return articles, [(row["language"], row["query"], {ids[s] for s in row["slugs"]}) for row in rows]


def recall(search: Callable[[str], list[int]], queries: list[Query]) -> dict[str, dict[str, float]]:
    """{language: {recall_at_1, recall_at_5, n}} (ranks over the top 5)."""
    by_language: dict[str, list[int | None]] = {}
    for language, text, relevant in queries:
        ranked = search(text)[:5]
        rank = next((i for i, article_id in enumerate(ranked, start=1) if article_id in relevant), None)
        by_language.setdefault(language, []).append(rank)
    return {language: {"recall_at_1": round(sum(r == 1 for r in ranks) / len(ranks), 4),
                       "recall_at_5": round(sum(r is not None for r in ranks) / len(ranks), 4), "n": len(ranks)}
            for language, ranks in sorted(by_language.items())}


def searcher(index: Any) -> Callable[[str], list[int]]:
    return lambda text: [hit.article_id for hit in index.search(text, k=5)]


def e5_results(articles: list[Article], queries: list[Query]) -> dict[str, Any]:
    from services.adapters.local.e5 import E5Embedder
    from services.adapters.local.kb_search import HybridSearchIndex

    out: dict[str, Any] = {}
    for mode in ("semantic", "hybrid"):
        index = HybridSearchIndex(Settings(), E5Embedder(), mode=mode)
        index.index(articles)
        out[f"e5_{mode}"] = recall(searcher(index), queries)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "bench/data/kb_languages.json")
    parser.add_argument("--kb-dir", type=Path, default=ROOT / "data/kb")
    parser.add_argument("--no-e5", action="store_true", help="skip the multilingual-e5 comparison")
    args = parser.parse_args(argv)
    articles, queries = load(args.data, args.kb_dir)
    with tempfile.TemporaryDirectory() as folder:
        services = build_services(Settings(db_path=str(Path(folder) / "frontline.db")))
        services.search.index(articles)
        result: dict[str, Any] = {"dataset": args.data.name, "articles": len(articles), "queries": len(queries),
                                  "default": recall(searcher(services.search), queries)}
        spanish = [q for q in queries if q[0] == "es"]
        timings: list[float] = []

        def via_english(text: str) -> list[int]:
            started = time.perf_counter()
            english = services.translator.translate(text, "es", "en").text
            timings.append((time.perf_counter() - started) * 1000)
            return searcher(services.search)(english)

        try:
            result["default_via_apertium"] = recall(via_english, spanish)
            result["apertium_p50_ms"] = round(statistics.median(timings), 1)
        except ServiceError as e:
            result["default_via_apertium"] = str(e)
    if not args.no_e5:
        result.update(e5_results(articles, queries))
    result["loadavg"] = Path("/proc/loadavg").read_text().split()[0] if Path("/proc/loadavg").exists() else ""
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
