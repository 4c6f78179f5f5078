"""The analytics repository in memory (services/ports.py AnalyticsRepository): the same sums as the SQL of
services/adapters/local/sqlite_analytics.py, computed in Python over the fake state; tests/contracts pins that both
agree."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import fields, replace
from typing import Any

from services.errors import InvalidInput, NotFound
from services.models import (
    ANALYTICS_DIMENSIONS,
    AnalyticsFilter,
    AssistantTotals,
    ConversationFacts,
    DrillRow,
    Totals,
)

SUM_FIELDS = [f.name for f in fields(Totals) if f.name != "key"]


def check_dimensions(by: Sequence[str]) -> None:
    if any(d not in ANALYTICS_DIMENSIONS for d in by) or len(set(by)) != len(by):
        raise InvalidInput(f"analytics group by distinct dimensions among {', '.join(ANALYTICS_DIMENSIONS)}; "
                           f"got {', '.join(map(str, by))}")


class FakeAnalytics:
    def __init__(self, repository: Any) -> None:  # a tests.fake_repositories._Repository, for its state
        self._repo = repository

    @property
    def s(self) -> Any:
        return self._repo.s

    def _row(self, cid: int) -> dict[str, Any]:
        c = self.s.conversations[cid]
        f = self.s.facts.get(cid, ConversationFacts())
        return {"id": cid, "c": c, "f": f, "day": c.created_at[:10], "hour": c.created_at[11:13],
                "channel": c.channel, "queue": c.queue or "", "agent": c.assigned_agent or "", "intent": f.intent,
                "sentiment": f.sentiment, "tier": self.s.customers[c.customer_id].tier}

    def _selected(self, filters: AnalyticsFilter, match: Mapping[str, str] | None = None) -> list[dict[str, Any]]:
        check_dimensions(list(match or {}))
        chosen = (("channels", "channel"), ("queues", "queue"), ("agents", "agent"), ("intents", "intent"),
                  ("tiers", "tier"))
        rows = []
        for cid in sorted(self.s.conversations):
            r = self._row(cid)
            if not filters.start <= r["c"].created_at < filters.end:
                continue
            if any(getattr(filters, name) and r[dim] not in getattr(filters, name) for name, dim in chosen):
                continue
            if all(r[d] == v for d, v in (match or {}).items()):
                rows.append(r)
        return rows

    def _kb_used(self) -> set[int]:
        return {u["conversation_id"] for u in self.s.kb_usage if u["kind"] == "reply"}

    def totals(self, filters: AnalyticsFilter, by: Sequence[str] = (),
               sla_s: Mapping[str, int] | None = None) -> list[Totals]:
        check_dimensions(by)
        kb, sla, feedback = self._kb_used(), sla_s or {}, self._feedback()
        groups: dict[tuple[str, ...], list[int]] = defaultdict(lambda: [0] * len(SUM_FIELDS))
        for r in self._selected(filters):
            sums = groups[tuple(r[d] for d in by)]
            for i, value in enumerate(_contribution(r, kb, sla, feedback.get(r["id"], [0, 0, 0]))):
                sums[i] += value
        return [Totals(key, *sums) for key, sums in sorted(groups.items())]

    def counts(self, filters: AnalyticsFilter, by: Sequence[str]) -> dict[tuple[str, ...], int]:
        return {t.key: t.conversations for t in self.totals(filters, by)}

    def _feedback(self) -> dict[int, list[int]]:
        """Per conversation: its customer messages by the best feedback their suggestions got."""
        per_message: dict[int, set[str]] = defaultdict(set)
        for s in self.s.suggestions.values():
            if s.feedback is not None:
                per_message[s.message_id].add(s.feedback)
        per_conversation: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
        for message_id, given in per_message.items():
            best = 0 if "accepted" in given else 1 if "edited" in given else 2
            per_conversation[self.s.messages[message_id].conversation_id][best] += 1
        return per_conversation

    def conversations(self, filters: AnalyticsFilter, match: Mapping[str, str] | None = None,
                      limit: int = 100) -> list[DrillRow]:
        rows = sorted(self._selected(filters, match), key=lambda r: (r["c"].created_at, r["id"]), reverse=True)
        return [DrillRow(r["id"], r["c"].created_at, r["channel"], r["queue"], r["agent"], r["tier"], r["c"].status,
                         r["intent"], r["sentiment"], r["c"].csat, r["f"].first_response_s, r["f"].handle_s,
                         r["c"].subject) for r in rows[:limit]]

    def facts(self, conversation_id: int) -> ConversationFacts:
        if conversation_id not in self.s.conversations:
            raise NotFound(f"conversation {conversation_id} not found")
        return self.s.facts.get(conversation_id, ConversationFacts())

    def record_facts(self, conversation_id: int, facts: ConversationFacts) -> None:
        if conversation_id not in self._repo.w.conversations:
            raise NotFound(f"conversation {conversation_id} not found")
        self._repo.w.facts[conversation_id] = facts
        self._repo._wrote()

    def assistant_totals(self, filters: AnalyticsFilter, reasons: Mapping[str, str]) -> AssistantTotals:
        kinds: dict[int, list[Any]] = defaultdict(list)
        for event in self.s.events:
            if event.kind in ("assistant_answer", "assistant_handover") and event.conversation_id is not None:
                kinds[event.conversation_id].append(event)
        replied = {m.conversation_id for m in self.s.messages.values() if m.author_role == "agent"}
        totals: dict[str, int] = defaultdict(int)
        counted: dict[str, int] = dict.fromkeys(reasons, 0)
        for r in self._selected(filters):
            cid, c = r["id"], r["c"]
            events = kinds.get(cid)
            if not events:
                continue
            handed = any(e.kind == "assistant_handover" for e in events)
            contained = not handed and cid not in replied
            ratings = [v for (conv, v, _) in self.s.ratings.values() if conv == cid]
            totals["handled"] += 1
            totals["handed_over"] += handed
            totals["contained"] += contained
            totals["answers"] += sum(e.kind == "assistant_answer" for e in events)
            totals["rated_up"] += ratings.count(1)
            totals["rated_down"] += ratings.count(-1)
            if contained:
                totals["surveyed"] += c.csat is not None
                totals["csat_sum"] += c.csat or 0
                totals["satisfied"] += (c.csat or 0) >= 4
                totals["bot_only_up"] += ratings.count(1)
                totals["bot_only_down"] += ratings.count(-1)
            for e in events:
                if e.kind == "assistant_handover":
                    for code, text in reasons.items():
                        counted[code] += text in (e.payload or "")
        return AssistantTotals(**totals, reasons=tuple((k, v) for k, v in counted.items() if v))


def _contribution(r: dict[str, Any], kb: set[int], sla: Mapping[str, int], feedback: list[int]) -> list[int]:
    c, f = r["c"], r["f"]
    answered, resolved = f.first_response_s is not None, c.status == "resolved"
    met = answered and c.channel in sla and f.first_response_s <= sla[c.channel]
    first_contact = resolved and not (f.reopens or f.transfers or f.escalated)
    values = {"conversations": 1, "answered": answered, "first_response_s": f.first_response_s or 0,
              "sla_met": met, "resolved": resolved, "handle_s": (f.handle_s or 0) if resolved else 0,
              "first_contact": first_contact, "escalated": f.escalated, "transferred": f.transfers > 0,
              "reopened": f.reopens > 0, "surveyed": c.csat is not None, "csat_sum": c.csat or 0,
              "satisfied": (c.csat or 0) >= 4, "kb_resolved": resolved and r["id"] in kb,
              "suggestions_accepted": feedback[0], "suggestions_edited": feedback[1],
              "suggestions_rejected": feedback[2]}
    return [int(values[name]) for name in SUM_FIELDS]


def apply_lifecycle(state: Any, before: Any, changes: dict[str, Any],
                    lifecycle: Callable[..., dict[str, Any]]) -> None:
    """The facts a conversation change moves (the SQLite repository's rules, services/adapters/local)."""
    facts = state.facts.get(before.id, ConversationFacts())
    moved = lifecycle(before, changes, facts.transfers, facts.reopens)
    if "escalated" in moved:
        moved["escalated"] = bool(moved["escalated"])
    if moved:
        state.facts[before.id] = replace(facts, **moved)
