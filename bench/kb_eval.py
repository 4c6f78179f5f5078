"""Retrieval quality and latency of HybridSearchIndex per mode (lexical, semantic, hybrid).

--stackfaq PATH: each FAQ thread becomes one approved article (title = the question, body = its answers); each
paraphrased user query must find its own thread. The data set is read from the path given, never copied.
--kb-dir DIR: our own help-centre articles (data/kb/*.md) against the messy customer queries written below,
plus off-topic messages whose best score shows where a "good hit" starts.
--database-url postgresql://…: the same on PostgreSQL's index (services/adapters/postgres/kb_search.py) in that
database (its KB passages are replaced); --vectors pgvector|array|auto picks its vector path.
Prints one JSON line per data set and mode:
{"dataset", "backend", "mode", "recall_at_1", "recall_at_3", "recall_at_5", "mrr", "n", "p50_ms", "p95_ms",
 "articles", "passages", "index_s"} (+ "vector_path" on PostgreSQL).

    .venv/bin/python bench/kb_eval.py --stackfaq ../shared/data/stackfaq/data/StackFAQ/stackExchange-FAQ.json
    .venv/bin/python bench/kb_eval.py --kb-dir data/kb
    .venv/bin/python bench/kb_eval.py --stackfaq PATH --database-url postgresql://user@host/db --vectors pgvector
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from services.adapters.local.embedder import WordLlamaEmbedder  # noqa: E402
from services.adapters.local.kb_search import MODES, HybridSearchIndex  # noqa: E402
from services.config import Settings  # noqa: E402
from services.kb_eval import load_stackfaq, rank_metrics  # noqa: E402  (also behind `python -m services eval-kb`)
from services.models import Article  # noqa: E402

# (customer message, acceptable article slugs), written for this benchmark in our customers' style.
KB_QUERIES = [
    ("wheres my parcel?? been 6 days, order BW-104233", "delayed-or-missing-delivery tracking-your-order"),
    ("tracking says delivered but nothing on my doorstep", "delivered-but-not-received"),
    ("how do i send back the kettle, it's the wrong colour", "how-to-return-an-item returns-policy exchanges"),
    ("when do i get my money back? returned it last wk", "refund-timing"),
    ("i got charged 2x for the same order wtf", "double-charge-or-pending-authorisation"),
    ("forgot my password and the reset email never came", "reset-your-password"),
    ("lumio bulb keeps going offline after i changed router", "lumio-bulb-not-responding"),
    ("can i pay with klarna in 3 instalments", "buy-now-pay-later payment-methods"),
    ("need a VAT invoice for my company pls", "invoices-and-vat-receipts"),
    ("espresso tastes bitter lately, how do I descale the brewmate", "brewmate-espresso-descaling"),
    ("air fryer showing E4 code and beeping", "crispwave-air-fryer-error-codes"),
    ("do u ship to ireland? how long does it take", "international-shipping shipping-times-and-costs"),
    ("want to cancel the order i placed an hour ago", "cancel-an-order modify-an-order"),
    ("can i change the delivery address, moved flat last week", "change-delivery-address modify-an-order"),
    ("the camera is offline again!! 😤", "halocam-offline"),
    ("robot vacuum gets stuck and wont charge on the dock", "sweepo-robot-vacuum-troubleshooting"),
    ("saw it £20 cheaper on another site, do you match", "price-match-promise"),
    ("promo code SPRING10 isnt working at checkout", "promo-codes-and-discounts"),
    ("how do i delete my account and all my data", "delete-your-account privacy-and-data-requests"),
    ("toaster died after 8 months, still under warranty?", "warranty-coverage making-a-warranty-claim"),
    ("received someone else's blender instead of my mixer", "wrong-item-received"),
    ("earbuds won't pair with my phone", "corvo-earbuds-pairing"),
    ("smart lock batteries dead and im locked out!!", "latchly-smart-lock-batteries"),
    ("what perks do gold members get", "loyalty-tiers"),
    ("never got an order confirmation email, did it go through?", "order-confirmation-missing"),
    ("can you take my old microwave away when you deliver", "recycling-old-appliances"),
    ("when does the preorder for the new mixer ship", "pre-orders-and-backorders"),
    ("box arrived crushed and the jug is cracked", "damaged-or-faulty-items"),
    ("how to turn on 2 factor authentication", "two-factor-authentication"),
    ("how do i check my gift card balance", "gift-cards"),
]
OFF_TOPIC = ["lol ok", "great service, thanks guys!!", "follow @cryptoking for 100x gains 🚀",
             "what's the weather in leeds tomorrow", "my dog ate my homework", "hello?"]


def load_kb(folder: Path) -> tuple[list[Article], dict[str, int]]:
    """Approved articles from markdown files with front matter, and slug -> article id."""
    articles = []
    for number, path in enumerate(sorted(folder.glob("*.md")), start=1):
        match = re.match(r"---\n(.*?)\n---\n(.*)", path.read_text(encoding="utf-8"), re.S)
        meta = dict(line.split(": ", 1) for line in match.group(1).splitlines() if ": " in line) if match else {}
        body = match.group(2) if match else path.read_text(encoding="utf-8")
        articles.append(Article(number, path.stem, meta.get("title", path.stem), body, meta.get("category", ""),
                                "approved", 1, ""))
    return articles, {a.slug: a.id for a in articles}


def evaluate(index: HybridSearchIndex, queries: list[tuple[str, set[int]]]) -> dict[str, float]:
    """Recall@1/3/5, MRR over the top 10 (any relevant article counts), and search latency percentiles."""
    return rank_metrics(lambda q: [hit.article_id for hit in index.search(q, k=10)], queries)


def _top_score(index: HybridSearchIndex, query: str) -> float:
    hits = index.search(query, k=1)
    return hits[0].score if hits else 0.0


def _index(mode: str, embedder: WordLlamaEmbedder, database_url: str | None, vectors: str) -> Any:
    if not database_url:
        return HybridSearchIndex(Settings(), embedder, mode=mode)
    from services.adapters.postgres.kb_search import PostgresSearchIndex
    from services.adapters.postgres.uow import PostgresDatabase

    return PostgresSearchIndex(Settings(database_url=database_url), PostgresDatabase(database_url, max_size=2),
                               embedder, mode=mode, vectors=vectors)


def run(dataset: str, articles: list[Article], queries: list[tuple[str, set[int]]],
        modes: list[str], database_url: str | None = None, vectors: str = "auto") -> list[dict[str, object]]:
    embedder = WordLlamaEmbedder()
    embedder.embed(["warm up"])  # load the model outside the timings
    results = []
    for mode in modes:
        index = _index(mode, embedder, database_url, vectors)
        index.index([])  # PostgreSQL keeps passages between runs: index_s is a build from empty
        started = time.perf_counter()
        index.index(articles)
        index_s = round(time.perf_counter() - started, 3)
        where = {"backend": "postgres", "vector_path": index.vector_path()} if database_url else {"backend": "sqlite"}
        result = {"dataset": dataset, **where, "mode": mode, **evaluate(index, queries), "articles": len(articles),
                  "passages": index.passage_count(), "index_s": index_s}
        if dataset == "brightwave-kb":
            result["on_topic_median_top_score"] = statistics.median(_top_score(index, q) for q, _ in queries)
            result["off_topic_max_score"] = max(_top_score(index, q) for q in OFF_TOPIC)
        results.append(result)
    return results


def _kb_dataset(folder: Path) -> tuple[list[Article], list[tuple[str, set[int]]]]:
    articles, ids = load_kb(folder)
    return articles, [(query, {ids[s] for s in slugs.split() if s in ids}) for query, slugs in KB_QUERIES]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stackfaq", type=Path, help="path to stackExchange-FAQ.json")
    parser.add_argument("--kb-dir", type=Path, help="folder of our help-centre articles (data/kb)")
    parser.add_argument("--mode", choices=MODES, action="append", help="one mode (repeatable); default all")
    parser.add_argument("--database-url", help="postgresql://… : evaluate PostgreSQL's index in this database")
    parser.add_argument("--vectors", choices=("auto", "pgvector", "array"), default="auto",
                        help="PostgreSQL's vector path (default: pgvector when the extension works)")
    args = parser.parse_args(argv)
    if not (args.stackfaq or args.kb_dir):
        parser.error("give --stackfaq PATH and/or --kb-dir DIR")
    datasets = ([("stackfaq", *load_stackfaq(args.stackfaq))] if args.stackfaq else []) + (
        [("brightwave-kb", *_kb_dataset(args.kb_dir))] if args.kb_dir else [])
    for name, articles, queries in datasets:
        for result in run(name, articles, queries, args.mode or list(MODES), args.database_url, args.vectors):
            print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
