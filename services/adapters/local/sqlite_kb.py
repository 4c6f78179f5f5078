"""The assist-result and knowledge-base tables of SqliteStore (split out to keep each module readable)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import asdict, fields
from typing import Any

from services.clock import now_iso
from services.errors import InvalidInput
from services.models import Article, Suggestion

ARTICLE_FIELDS = {"title", "body", "category", "status", "language"}
NOT_ANALYSED = "not_analysed"  # analyses.provider of a message whose analysis failed (payload: the reason)


def analysis_row(message_id: int, analysis: dict[str, Any]) -> dict[str, Any]:
    return {"message_id": message_id, "created_at": now_iso(),
            "intent": (analysis.get("intent") or {}).get("label"),
            "sentiment": (analysis.get("sentiment") or {}).get("label"),
            "escalate": int(bool((analysis.get("escalation") or {}).get("escalate"))),
            "provider": analysis.get("provider", ""), "payload": json.dumps(analysis, sort_keys=True)}


def row_to(cls: type, row: dict[str, Any]) -> Any:
    """A dataclass from a row, ignoring columns the dataclass does not have."""
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in row.items() if k in names})


class AssistAndKbTables:
    """Mixed into SqliteStore, which provides ``db``, ``_one`` and ``_insert``."""

    db: Any  # provided by SqliteStore, like _one and _insert

    def _one(self, table: str, where: str, args: Sequence[Any], what: str) -> dict[str, Any]:
        raise NotImplementedError

    def _insert(self, table: str, row: dict[str, Any]) -> int:
        raise NotImplementedError

    # ---- assist results --------------------------------------------------------
    def save_analysis(self, message_id: int, analysis: dict[str, Any]) -> None:
        with self.db.conn:
            self.db["analyses"].upsert(analysis_row(message_id, analysis), pk="message_id")

    def get_analysis(self, message_id: int) -> dict[str, Any] | None:
        """The stored analysis; None when there is none or the message could not be analysed."""
        rows = list(self.db["analyses"].rows_where("message_id = ? AND provider IS NOT ?",
                                                   [message_id, NOT_ANALYSED], limit=1))
        return json.loads(rows[0]["payload"]) if rows else None

    def save_suggestions(self, message_id: int, suggestions: Sequence[Suggestion]) -> list[int]:
        with self.db.conn:
            return [self.db["suggestions"].insert({"message_id": message_id, "rank": rank, "text": s.text,
                                                   "source": s.source, "score": s.score}).last_pk
                    for rank, s in enumerate(suggestions, start=1)]

    def record_feedback(self, suggestion_id: int, feedback: str, final_text: str = "") -> None:
        self._one("suggestions", "id = ?", [suggestion_id], f"suggestion {suggestion_id}")
        try:
            with self.db.conn:
                self.db["suggestions"].update(suggestion_id, {"feedback": feedback, "final_text": final_text,
                                                              "feedback_at": now_iso()})
        except sqlite3.IntegrityError as e:
            raise InvalidInput(f"feedback must be accepted, edited or rejected; got {feedback!r}") from e

    def suggestions_for(self, message_id: int) -> list[dict[str, Any]]:
        return list(self.db["suggestions"].rows_where("message_id = ?", [message_id], order_by="rank"))

    def add_escalation(self, conversation_id: int, reasons: Sequence[str], score: float,
                       actor: str, note: str = "", created_at: str = "", masked_note: str = "") -> int:
        return self._insert("escalations", {"conversation_id": conversation_id, "created_at": created_at or now_iso(),
                                            "actor": actor, "score": score, "reasons": json.dumps(list(reasons)),
                                            "note": note, "masked_note": masked_note})

    # ---- knowledge base ---------------------------------------------------------
    def add_article(self, article: Article) -> Article:
        row = asdict(article)
        row.pop("id")
        with self.db.conn:
            pk = self.db["kb_articles"].insert(row).last_pk
            self._record_version(pk, row, "seed" if article.status == "approved" else "system")
        return self.get_article(pk)

    def _record_version(self, article_id: int, row: dict[str, Any], actor: str) -> None:
        self.db["kb_article_versions"].insert({
            "article_id": article_id, "version": row["version"], "title": row["title"], "body": row["body"],
            "status": row["status"], "changed_by": actor, "changed_at": row["updated_at"]})

    def get_article(self, article_id: int) -> Article:
        return row_to(Article, self._one("kb_articles", "id = ?", [article_id], f"article {article_id}"))

    def list_articles(self, status: str | None = None) -> list[Article]:
        rows = self.db["kb_articles"].rows_where("status = ?" if status else None,
                                                 [status] if status else [], order_by="id")
        return [row_to(Article, r) for r in rows]

    def update_article(self, article_id: int, actor: str, **changes: Any) -> Article:
        unknown = set(changes) - ARTICLE_FIELDS
        if unknown:
            raise InvalidInput(f"cannot change {', '.join(sorted(unknown))} of an article")
        current = asdict(self.get_article(article_id))
        row = {**current, **changes, "version": current["version"] + 1, "updated_at": now_iso()}
        with self.db.conn:
            self.db["kb_articles"].update(article_id, {k: row[k] for k in (*changes, "version", "updated_at")})
            self._record_version(article_id, row, actor)
        return self.get_article(article_id)

    def article_versions(self, article_id: int) -> list[dict[str, Any]]:
        return list(self.db["kb_article_versions"].rows_where("article_id = ?", [article_id], order_by="version"))
