"""How well the KB search finds the right article: recall@k and MRR of a query set, and StackFAQ read as articles.

``evaluate_faq`` is what ``python -m services eval-kb --faq FILE`` runs: each StackFAQ thread becomes one approved
article (title = the question, body = its answers) in a throw-away SQLite database, and each paraphrased user question
("rephr") must find its own thread through the same search use case the pages call (``knowledge.search``). The data
set is read from the path given, never copied. bench/kb_eval.py reuses ``load_stackfaq`` and ``rank_metrics``.
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from services.clock import now_iso
from services.config import Settings
from services.errors import InvalidInput
from services.models import Article

MODES = {"hybrid": "hybrid", "bm25": "lexical", "vector": "semantic"}  # the command's names -> the index's modes
RANKED = 10  # MRR looks this deep


def _as_list(value: object) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [str(item) for item in items if item and str(item).strip() not in ("", "*")]


def load_stackfaq(path: Path) -> tuple[list[Article], list[tuple[str, set[int]]]]:
    """Articles (one per thread, ids 1..n) and (query, relevant article ids) pairs from the StackFAQ JSON file.

    Raises:
        InvalidInput: the file is missing, not JSON, or not StackFAQ's layout (root.qapair[] with question, answer,
            rephr).
    """
    try:
        threads = json.loads(Path(path).read_text(encoding="utf-8"))["root"]["qapair"]
        articles: list[Article] = []
        queries: list[tuple[str, set[int]]] = []
        for number, thread in enumerate(threads, start=1):
            body = "\n\n".join(_as_list(thread.get("answer")))
            articles.append(Article(number, f"faq-{number}", str(thread["question"]).strip(), body, "faq",
                                    "approved", 1, now_iso()))
            queries.extend((query, {number}) for query in _as_list(thread.get("rephr")))
    except (OSError, UnicodeEncodeError) as e:  # a name the file system cannot encode is not readable either
        reason = getattr(e, "strerror", None) or type(e).__name__
        raise InvalidInput(f"cannot read the FAQ file {str(path)!r} ({reason})") from None
    except (ValueError, KeyError, TypeError, AttributeError) as e:
        raise InvalidInput(f"{str(path)!r} is not a StackFAQ JSON file (root.qapair[] of question, answer, rephr; "
                           f"{type(e).__name__}: {e})") from None
    if not articles or not queries:
        raise InvalidInput(f"{str(path)!r} holds no FAQ thread with a paraphrased question")
    return articles, queries


def rank_metrics(search: Callable[[str], Sequence[int]], queries: Sequence[tuple[str, set[int]]]) -> dict[str, Any]:
    """recall@1/3/5 and MRR (over the first RANKED) of ``search(query) -> article ids best first``, with latencies.

    A query counts as found at the rank of its first relevant article; any relevant article counts.
    """
    found: list[int | None] = []
    latencies = []
    for query, relevant in queries:
        started = time.perf_counter()
        ranked = list(search(query))[:RANKED]
        latencies.append((time.perf_counter() - started) * 1000)
        found.append(next((rank for rank, i in enumerate(ranked, start=1) if i in relevant), None))
    n = len(queries)

    def recall(k: int) -> float:
        return round(sum(1 for rank in found if rank is not None and rank <= k) / n, 4) if n else 0.0

    cuts = statistics.quantiles(latencies, n=100, method="inclusive") if n > 1 else latencies * 99 or [0.0] * 99
    return {"recall_at_1": recall(1), "recall_at_3": recall(3), "recall_at_5": recall(5),
            "mrr": round(sum(1 / rank for rank in found if rank) / n, 4) if n else 0.0, "n": n,
            "p50_ms": round(cuts[49], 3), "p95_ms": round(cuts[94], 3)}


def evaluate_faq(settings: Settings, path: Path, mode: str = "hybrid") -> dict[str, Any]:
    """StackFAQ through the search use case on a throw-away SQLite database (deleted afterwards).

    Args:
        settings: the configuration whose embedder the search uses (its database is never touched).
        path: stackExchange-FAQ.json.
        mode: "hybrid", "bm25" or "vector".
    Returns:
        {"recall_at_1", "recall_at_3", "recall_at_5", "mrr", "n", "mode", "articles", "passages", "index_s",
         "p50_ms", "p95_ms"}.
    Raises:
        InvalidInput: an unknown mode or a file that is not StackFAQ's.
    """
    from services import knowledge  # the use case every page calls
    from services.bootstrap import build_services
    from services.permissions import CLI

    if mode not in MODES:
        raise InvalidInput(f"mode must be one of {', '.join(MODES)}; got {mode!r}")
    articles, queries = load_stackfaq(path)
    with tempfile.TemporaryDirectory(prefix="frontline-eval-kb-") as folder:
        local = replace(settings, db_path=str(Path(folder) / "eval.db"), database_url="", kb_search_mode=MODES[mode],
                        providers={**settings.providers, "store": "local", "search": "local"})
        services = build_services(local, batch=True)
        ids: dict[int, int] = {}
        with services.uow() as uow:
            for article in articles:
                ids[article.id] = uow.articles.add(article, actor="eval-kb").id
        started = time.perf_counter()
        knowledge.search(services, CLI, "warm up", k=1)  # builds the index: its time is index_s, not a query's
        index_s = round(time.perf_counter() - started, 3)
        relevant = [(query, {ids[i] for i in wanted}) for query, wanted in queries]
        metrics = rank_metrics(lambda q: [h.article_id for h in knowledge.search(services, CLI, q, k=RANKED)],
                               relevant)
        passages = getattr(services.search, "passage_count", lambda: None)()
    return {**metrics, "mode": mode, "articles": len(articles), "passages": passages, "index_s": index_s}
