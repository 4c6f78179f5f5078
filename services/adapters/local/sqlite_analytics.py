"""The analytics repository on SQLite (and, its SQL being standard, on PostgreSQL): read-only sums over the
conversations a filter selects, grouped by any of services.models.ANALYTICS_DIMENSIONS, computed in the database
(docs/metrics.md defines each figure). Durations are stored seconds (schema migration 12), so no date arithmetic
differs between the engines."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from services.adapters.local.sqlite_uow import Transaction
from services.errors import InvalidInput, NotFound
from services.models import (
    ANALYTICS_DIMENSIONS,
    AnalyticsFilter,
    AssistantTotals,
    ConversationFacts,
    DrillRow,
    Totals,
)

# each dimension's SQL over conversations c JOIN customers cu (our own text, never the caller's)
# written as the migration-12 indexes are (conversations_day_agent, _day_intent, _channel_hour), so that a scan
# grouped by day and channel and agent, or by day and intent and sentiment, reads an index in its order
DAY = "substr(c.created_at, 1, 10)"
COLUMNS = {"day": DAY, "hour": "substr(c.created_at, 12, 2)", "channel": "c.channel", "queue": "c.queue",
           "agent": "c.assigned_agent", "intent": "c.intent", "sentiment": "c.sentiment", "tier": "cu.tier"}
_FILTERED = (("channels", "c.channel"), ("queues", "c.queue"), ("agents", "c.assigned_agent"),
             ("intents", "c.intent"))
_RESOLVED = "c.status = 'resolved'"
# every Totals sum in order; a str is an expression, a 1-tuple a condition whose rows are counted (each dialect
# counts them its fastest way: flag())
_SUMS: tuple[str | tuple[str], ...] = (
    "COUNT(*)", "COUNT(c.first_response_s)", "COALESCE(SUM(c.first_response_s), 0)", ("c.first_response_s <= {sla}",),
    (_RESOLVED,), f"COALESCE(SUM(CASE WHEN {_RESOLVED} THEN c.handle_s END), 0)",
    (f"{_RESOLVED} AND c.reopens = 0 AND c.transfers = 0 AND c.escalated = 0",), ("c.escalated <> 0",),
    ("c.transfers > 0",), ("c.reopens > 0",), "COUNT(c.csat)", "COALESCE(SUM(c.csat), 0)", ("c.csat >= 4",),
    (f"{_RESOLVED} AND c.kb_used <> 0",), "SUM(c.suggestions_accepted)", "SUM(c.suggestions_edited)",
    "SUM(c.suggestions_rejected)")
_FACT_COLUMNS = ("first_response_s", "resolved_at", "handle_s", "transfers", "reopens", "escalated", "intent",
                 "sentiment")


def dimensions(by: Sequence[str]) -> list[str]:
    unknown = [d for d in by if d not in COLUMNS]
    if unknown or len(set(by)) != len(by):
        raise InvalidInput(f"analytics group by distinct dimensions among {', '.join(ANALYTICS_DIMENSIONS)}; "
                           f"got {', '.join(map(str, by))}")
    return [COLUMNS[d] for d in by]


def source(by: Sequence[str] = (), match: Mapping[str, str] | None = None) -> str:
    """FROM conversations c, joined to its customer only when grouped or drilled by tier (the join costs a lookup a
    row; a tier filter is a set of customer ids instead, checked on the indexes, which hold customer_id)."""
    tier = "tier" in by or "tier" in (match or {})
    return "conversations c" + (" JOIN customers cu ON cu.id = c.customer_id" if tier else "")


def where(filters: AnalyticsFilter, match: Mapping[str, str] | None = None, day: str = DAY,
          hide: str = "") -> tuple[str, list[Any]]:
    """The WHERE clause (and its arguments) of the conversations a filter and a drill-down selection pick. A range
    of whole days is compared on ``day`` (the indexes' first column), a range of moments on the start itself;
    ``hide`` ("+" on SQLite) keeps the planner from reading another index for a filter's column."""
    whole_days = len(filters.start) == len(filters.end) == 10
    started = day if whole_days else "c.created_at"
    clauses, args = [f"{started} >= ?", f"{started} < ?"], [filters.start, filters.end]
    for name, column in _FILTERED:
        chosen = getattr(filters, name)
        if chosen:
            clauses.append(f"{hide}{column} IN ({', '.join('?' * len(chosen))})")
            args.extend(chosen)
    if filters.tiers:
        tiers = ", ".join("?" * len(filters.tiers))
        clauses.append(f"{hide}c.customer_id IN (SELECT id FROM customers WHERE tier IN ({tiers}))")
        args.extend(filters.tiers)
    for dimension, value in (match or {}).items():
        clauses.append(f"{dimensions([dimension])[0]} = ?")
        args.append(value)
    return " AND ".join(clauses), args


def sla_case(sla_s: Mapping[str, int]) -> tuple[str, list[Any]]:
    """The channel's first-response target in seconds (a channel without one is never "met")."""
    if not sla_s:
        return "-1", []
    whens = " ".join("WHEN ? THEN ?" for _ in sla_s)
    return f"CASE c.channel {whens} ELSE -1 END", [x for pair in sla_s.items() for x in pair]


def _grouped(keys: Sequence[str]) -> str:
    return f" GROUP BY {', '.join(keys)}" if keys else ""  # ordered in Python: the same order on every engine


class SqliteAnalytics:
    @staticmethod
    def day(by: Sequence[str]) -> str:
        """The day as the range compares it. Grouped first by something else (channel and hour, queue), the day is
        written "+day" so that SQLite's planner reads the index ordered by that (conversations_channel_hour,
        _queue_day) whole, in group order, instead of a day range it would then sort."""
        return DAY if not by or by[0] == "day" else f"+{DAY}"

    @staticmethod
    def hide(by: Sequence[str]) -> str:
        """Grouped by day first, the filters' columns are written "+column": SQLite's planner would otherwise read
        the channel index for a channel filter and sort, where the day indexes hold the filtered columns too."""
        return "+" if by and by[0] == "day" else ""

    @staticmethod
    def flag(condition: str) -> str:
        """How many rows meet the condition: SQLite's comparisons are 0 or 1 (NULL when unknown, which SUM skips)."""
        return f"SUM({condition})"

    def __init__(self, tx: Transaction) -> None:
        self.tx = tx

    def totals(self, filters: AnalyticsFilter, by: Sequence[str] = (),
               sla_s: Mapping[str, int] | None = None) -> list[Totals]:
        keys = dimensions(by)
        sla, sla_args = sla_case(sla_s or {})
        clause, args = where(filters, day=self.day(by), hide=self.hide(by))
        select = ", ".join(t if isinstance(t, str) else self.flag(t[0].replace("{sla}", sla)) for t in _SUMS)
        rows = self.tx.rows(f"SELECT {', '.join([*keys, select])} FROM {source(by)} "
                            f"WHERE {clause}{_grouped(keys)}", [*sla_args, *args])
        n = len(keys)
        found: dict[tuple[str, ...], list[int]] = {}
        for r in rows:  # a NULL queue or agent (none is written, but an old row may hold one) is ""
            key, values = tuple("" if v is None else str(v) for v in r[:n]), [int(v or 0) for v in r[n:]]
            found[key] = [a + b for a, b in zip(found[key], values, strict=True)] if key in found else values
        return [Totals(key, *values) for key, values in sorted(found.items()) if values[0]]

    def counts(self, filters: AnalyticsFilter, by: Sequence[str]) -> dict[tuple[str, ...], int]:
        keys = dimensions(by)
        clause, args = where(filters, day=self.day(by), hide=self.hide(by))
        rows = self.tx.rows(f"SELECT {', '.join([*keys, 'COUNT(*)'])} FROM {source(by)} "
                            f"WHERE {clause}{_grouped(keys)}", args)
        found: dict[tuple[str, ...], int] = {}
        for r in rows:
            key = tuple("" if v is None else str(v) for v in r[:-1])
            found[key] = found.get(key, 0) + int(r[-1])
        return dict(sorted(found.items()))

    def conversations(self, filters: AnalyticsFilter, match: Mapping[str, str] | None = None,
                      limit: int = 100) -> list[DrillRow]:
        clause, args = where(filters, match)
        rows = self.tx.rows(
            "SELECT c.id, c.created_at, c.channel, COALESCE(c.queue, ''), COALESCE(c.assigned_agent, ''), cu.tier, "
            "c.status, c.intent, c.sentiment, c.csat, c.first_response_s, c.handle_s, c.subject "
            "FROM conversations c JOIN customers cu ON cu.id = c.customer_id "
            f"WHERE {clause} ORDER BY c.created_at DESC, c.id DESC LIMIT ?", [*args, int(limit)])
        decrypt = self.tx.codec.decrypt
        return [replace(DrillRow(*r), subject=decrypt("conversations.subject", r[12]) or "") for r in rows]

    def facts(self, conversation_id: int) -> ConversationFacts:
        row = self.tx.one(f"SELECT {', '.join(_FACT_COLUMNS)} FROM conversations WHERE id = ?", [conversation_id],
                          f"conversation {conversation_id}")
        return ConversationFacts(row[0], row[1] or "", row[2], row[3], row[4], bool(row[5]), row[6] or "",
                                 row[7] or "")

    def record_facts(self, conversation_id: int, facts: ConversationFacts) -> None:
        values = [facts.first_response_s, facts.resolved_at, facts.handle_s, facts.transfers, facts.reopens,
                  int(facts.escalated), facts.intent, facts.sentiment]
        if not self.tx.write(f"UPDATE conversations SET {', '.join(f'{c} = ?' for c in _FACT_COLUMNS)} WHERE id = ?",
                             [*values, conversation_id]).rowcount:
            raise NotFound(f"conversation {conversation_id} not found")

    # ---- the virtual assistant (migration 18) ------------------------------------------------------------------
    def assistant_totals(self, filters: AnalyticsFilter, reasons: Mapping[str, str]) -> AssistantTotals:
        """One pass over the conversations the assistant took a turn in (its events, read by kind first), then the
        handover events' reasons counted by what their text starts with (LIKE: the same on both engines)."""
        clause, args = where(filters)
        one = "CASE WHEN {} THEN 1 ELSE 0 END"
        bot_only = "b.handed = 0 AND b.replied = 0"
        row = self.tx.rows(
            "WITH b AS (SELECT c.id, c.csat, "
            + one.format("EXISTS (SELECT 1 FROM events e WHERE e.kind = 'assistant_handover' "
                         "AND e.conversation_id = c.id)") + " AS handed, "
            + one.format("EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id "
                         "AND m.author_role = 'agent')") + " AS replied, "
            "(SELECT COUNT(*) FROM events e WHERE e.kind = 'assistant_answer' AND e.conversation_id = c.id) "
            "AS answers, "
            "(SELECT COUNT(*) FROM assistant_ratings r WHERE r.conversation_id = c.id AND r.rating > 0) AS up, "
            "(SELECT COUNT(*) FROM assistant_ratings r WHERE r.conversation_id = c.id AND r.rating < 0) AS down "
            f"FROM conversations c WHERE {clause} AND c.id IN (SELECT e.conversation_id FROM events e "
            "WHERE e.kind IN ('assistant_answer', 'assistant_handover'))) "
            f"SELECT COUNT(*), SUM({one.format(bot_only)}), SUM(b.handed), SUM(b.answers), "
            f"SUM({one.format(bot_only + ' AND b.csat IS NOT NULL')}), "
            f"SUM(CASE WHEN {bot_only} THEN b.csat END), SUM({one.format(bot_only + ' AND b.csat >= 4')}), "
            f"SUM(b.up), SUM(b.down), SUM(CASE WHEN {bot_only} THEN b.up ELSE 0 END), "
            f"SUM(CASE WHEN {bot_only} THEN b.down ELSE 0 END) FROM b", args)[0]
        values = [int(v or 0) for v in row]
        codes = list(reasons)
        counted: list[int] = [0] * len(codes)
        if codes and values[2]:
            sums = ", ".join(f"SUM({one.format('e.payload LIKE ?')})" for _ in codes)
            found = self.tx.rows(f"SELECT {sums} FROM events e JOIN conversations c ON c.id = e.conversation_id "
                                 f"WHERE e.kind = 'assistant_handover' AND {clause}",
                                 [*(f"%{_like(reasons[c])}%" for c in codes), *args])[0]
            counted = [int(v or 0) for v in found]
        handled, contained, handed_over, answers, surveyed, csat_sum, satisfied, up, down, bot_up, bot_down = values
        return AssistantTotals(handled, contained, handed_over, answers, surveyed, csat_sum, satisfied, up, down,
                               bot_up, bot_down, tuple((c, n) for c, n in zip(codes, counted, strict=True) if n))


def _like(text: str) -> str:
    """Text for a LIKE pattern, without "%" (the reason texts hold none; "_" matches itself too)."""
    return text.replace("%", "")
