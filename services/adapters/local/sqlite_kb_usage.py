"""Knowledge-base usage on SQLite (the KbUsageRepository of services/ports.py; PostgreSQL runs the same SQL):
``kb_usage`` (an article opened or used in a sent reply), ``kb_votes`` (one helpful / not-helpful vote per voter,
article and context, replaced by a new vote) and ``kb_search_misses`` (searches with no good result, query masked),
all from schema migration 10."""

from __future__ import annotations

from typing import Any

from services.adapters.local.sqlite_uow import Transaction
from services.clock import now_iso
from services.errors import InvalidInput
from services.models import USAGE_KINDS, ArticleUsage, SearchMiss

# per article: the period's views, votes and uses in replies (an article with none of them is left out)
_USAGE_SQL = """
SELECT article_id, SUM(views), SUM(helpful), SUM(not_helpful), SUM(replies) FROM (
    SELECT article_id, CASE WHEN kind = 'view' THEN 1 ELSE 0 END AS views, 0 AS helpful, 0 AS not_helpful,
           CASE WHEN kind = 'reply' THEN 1 ELSE 0 END AS replies
    FROM kb_usage WHERE at >= ? AND at < ?
    UNION ALL
    SELECT article_id, 0, helpful, 1 - helpful, 0 FROM kb_votes WHERE at >= ? AND at < ?
) used GROUP BY article_id ORDER BY article_id
"""
_MISSES_SQL = """
SELECT query, COUNT(*) AS searches, MAX(best_score), MAX(at) AS last_at FROM kb_search_misses
WHERE at >= ? AND at < ? GROUP BY query ORDER BY searches DESC, last_at DESC, query LIMIT ?
"""


class SqliteKbUsage:
    def __init__(self, tx: Transaction) -> None:
        self.tx = tx

    def add_use(self, article_id: int, kind: str, actor: str, source: str = "", conversation_id: int | None = None,
                unless_since: str | None = None) -> bool:
        if kind not in USAGE_KINDS:
            raise InvalidInput(f"a knowledge-base use is one of {', '.join(USAGE_KINDS)}; got {kind!r}")
        if unless_since is not None and self.tx.rows(
                "SELECT 1 FROM kb_usage WHERE article_id = ? AND actor = ? AND kind = ? AND at >= ? LIMIT 1",
                [article_id, actor, kind, unless_since]):
            return False
        self.tx.insert("kb_usage", {"at": now_iso(), "article_id": article_id, "kind": kind, "actor": actor,
                                    "source": source, "conversation_id": conversation_id},
                       missing=f"article {article_id} not found")
        return True

    def vote(self, article_id: int, actor: str, context: str, helpful: bool) -> None:
        self.tx.write("INSERT INTO kb_votes (at, article_id, actor, context, helpful) VALUES (?, ?, ?, ?, ?) "
                      "ON CONFLICT (article_id, actor, context) DO UPDATE SET at = excluded.at, "
                      "helpful = excluded.helpful", [now_iso(), article_id, actor, context, int(bool(helpful))],
                      missing=f"article {article_id} not found")

    def votes_by(self, actor: str, context: str) -> dict[int, bool]:
        rows = self.tx.rows("SELECT article_id, helpful FROM kb_votes WHERE actor = ? AND context = ?",
                            [actor, context])
        return {int(r[0]): bool(r[1]) for r in rows}

    def add_miss(self, query: str, best_score: float, actor: str, source: str = "",
                 unless_since: str | None = None) -> bool:
        if unless_since is not None and self.tx.rows(
                "SELECT 1 FROM kb_search_misses WHERE actor = ? AND query = ? AND at >= ? LIMIT 1",
                [actor, query, unless_since]):
            return False
        self.tx.insert("kb_search_misses", {"at": now_iso(), "actor": actor, "source": source, "query": query,
                                            "best_score": float(best_score)})
        return True

    def usage(self, since: str, until: str) -> list[ArticleUsage]:
        rows: Any = self.tx.rows(_USAGE_SQL, [since, until, since, until])
        return [ArticleUsage(int(r[0]), int(r[1]), int(r[2]), int(r[3]), int(r[4])) for r in rows]

    def misses(self, since: str, until: str, limit: int = 20) -> list[SearchMiss]:
        rows: Any = self.tx.rows(_MISSES_SQL, [since, until, limit])
        return [SearchMiss(r[0], int(r[1]), float(r[2]), r[3]) for r in rows]
