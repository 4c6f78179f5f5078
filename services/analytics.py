"""Read-only KPIs for supervisors (docs/metrics.md defines every figure). Nothing here exposes raw customer text:
the drill-down's subjects are masked.

Example:
    board = dashboard(services, user, since="2026-11-01", until="2026-11-30", channels=("chat",))
    board.overall.avg_first_response_s, [k.label for k in board.kpis]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from services.assist import mask_text
from services.assistant import REASONS
from services.bootstrap import Services
from services.errors import InvalidInput
from services.models import (
    ANALYTICS_DIMENSIONS,
    CHANNELS,
    TIERS,
    TOTAL_SUMS,
    AgentRow,
    AnalyticsFilter,
    AssistantTotals,
    Dashboard,
    DrillRow,
    Kpi,
    SuggestionOutcomes,
    Totals,
    User,
)
from services.permissions import require
from services.validation import clean_choice, clean_field, short_repr

# moved to services.views (what the UI renders); re-exported for callers of the old names
from services.views import Overview as Overview

MAX_DAYS = 36_600  # a century of days: longer spans are a corrupt date, not a chart


def overview(services: Services, user: User, channels: tuple[str, ...] = CHANNELS) -> Overview:
    """Headline figures over conversations in the chosen channels (the read is audited).

    Raises:
        PermissionDenied: not signed in, or a role other than supervisor and admin.
        InvalidInput: channels is not a list of known channels.
    """
    user = require(user, "analytics.read")
    channels = _channels(channels)
    with services.uow() as uow:
        rows = [c for c in uow.conversations.all() if c.channel in channels]
        uow.audit.record(user.username, "view_analytics", "conversations", "*", f"channels={','.join(channels)}")
    statuses = Counter(c.status for c in rows)
    csats = [c.csat for c in rows if c.csat is not None]
    escalated = sum(1 for c in rows if c.status == "escalated" or "escalat" in (c.resolution or ""))
    return Overview(
        conversations=len(rows),
        open_now=statuses["open"] + statuses["pending"] + statuses["escalated"],
        resolved=statuses["resolved"],
        escalation_rate=escalated / len(rows) if rows else 0.0,
        avg_csat=sum(csats) / len(csats) if csats else None,
        csat_responses=len(csats),
        by_channel={ch: sum(1 for c in rows if c.channel == ch) for ch in channels},
        by_status=dict(statuses),
        by_day=every_day(Counter(c.created_at[:10] for c in rows)),
    )


def _channels(value: Any) -> tuple[str, ...]:
    if not isinstance(value, (tuple, list, set, frozenset)):
        raise InvalidInput(f"the channels must be a list of {', '.join(CHANNELS)}; got {short_repr(value)}")
    return tuple(clean_choice(channel, "channel", CHANNELS) for channel in value)


def _day(value: Any) -> date:
    """An ISO day "YYYY-MM-DD", exactly (date.fromisoformat also takes "YYYYMMDD", which would not round-trip)."""
    try:
        day = date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        day = None
    if day is None or day.isoformat() != value:
        raise InvalidInput(f"a day must be written YYYY-MM-DD; got {short_repr(value)}")
    return day


def every_day(counts: Counter[str]) -> dict[str, int]:
    """Counts per ISO day from the first to the last day seen, with 0 on the days without any (a chart must not
    draw a line straight across days that had no conversations).

    Raises:
        InvalidInput: not a mapping of "YYYY-MM-DD" days to whole numbers ≥ 0, or days more than a century apart.
    """
    if not isinstance(counts, Mapping):
        raise InvalidInput(f"the daily counts must map days to numbers; got {short_repr(counts)}")
    for day, count in counts.items():
        _day(day)
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise InvalidInput(f"the count for {short_repr(day)} must be a whole number ≥ 0; got {short_repr(count)}")
    if not counts:
        return {}
    first, last = _day(min(counts)), _day(max(counts))
    if (last - first).days >= MAX_DAYS:
        raise InvalidInput(f"the days span more than {MAX_DAYS:,} days ({first} to {last})")
    days = (first + timedelta(days=n) for n in range((last - first).days + 1))
    return {day.isoformat(): counts.get(day.isoformat(), 0) for day in days}


# ---- the supervisor dashboard (issue 18) -------------------------------------------------------------------------

# each channel's first-response target, seconds (SLA attainment: the share of answered conversations within it)
SLA_S = {"chat": 120, "email": 8 * 3600, "social": 3600, "voice": 30}
DEFAULT_DAYS = 30
MAX_RANGE_DAYS = 3660  # ten years: a longer range is a typo, not a chart
MAX_CHOSEN = 50  # values per filter
DRILL_LIMIT = 200
READ_THREADS = 2  # the dashboard's scans run this many at a time (the demo machine has two cores)
_FILTERS = {"channels": "channel", "queues": "queue", "agents": "agent", "intents": "intent", "tiers": "tier"}


def dashboard(services: Services, user: User, since: Any = None, until: Any = None, **chosen: Any) -> Dashboard:
    """Every KPI, trend and table of the analytics page over conversations started from ``since`` to ``until``
    (days "YYYY-MM-DD", inclusive; default the last 30 days), filtered by channels, queues, agents, intents and
    tiers (each a list; empty: any). The read is audited.

    Raises:
        PermissionDenied: a role without analytics.read.
        InvalidInput: a malformed day, a range that ends before it starts or spans more than ten years, an unknown
            filter, channel or tier, a value that is not short text.
    """
    user = require(user, "analytics.read")
    filters, first, last = _query(since, until, **chosen)
    with services.uow() as uow:
        board = _board(services, uow, filters, first, last)
        uow.audit.record(user.username, "view_analytics", "conversations", "*", _describe(filters))
    return board


def drill_down(services: Services, user: User, match: Mapping[str, Any], since: Any = None, until: Any = None,
               limit: int = DRILL_LIMIT, **chosen: Any) -> list[DrillRow]:
    """The newest conversations behind one point of a chart (``match``: dimension -> value, e.g. {"day":
    "2026-11-03", "channel": "chat"}) under the same range and filters, subjects masked. The read is audited.

    Raises:
        PermissionDenied, InvalidInput: as dashboard; also an unknown dimension or a value that is not short text.
    """
    user = require(user, "analytics.read")
    filters, _, _ = _query(since, until, **chosen)
    match = _match(match)
    limit = limit if isinstance(limit, int) and not isinstance(limit, bool) and 0 < limit <= 1000 else DRILL_LIMIT
    with services.uow() as uow:
        rows = uow.analytics.conversations(filters, match, limit)
        uow.audit.record(user.username, "view_analytics_conversations", "conversations", "*",
                         f"{_describe(filters)}; {', '.join(f'{k}={v}' for k, v in match.items())}; {len(rows)} rows")
    return [replace(r, subject=mask_text(services, r.subject)) for r in rows]


def _query(since: Any = None, until: Any = None, **chosen: Any) -> tuple[AnalyticsFilter, date, date]:
    """The checked filter and its first and last day (see dashboard for the rules)."""
    unknown = sorted(set(chosen) - set(_FILTERS))
    if unknown:
        raise InvalidInput(f"unknown analytics filter {', '.join(unknown)}; the filters are {', '.join(_FILTERS)}")
    last = _day(until) if until not in (None, "") else datetime.now(UTC).date()
    first = _day(since) if since not in (None, "") else last - timedelta(days=DEFAULT_DAYS - 1)
    if first > last:
        raise InvalidInput(f"the range starts ({first}) after it ends ({last})")
    if (last - first).days >= MAX_RANGE_DAYS:
        raise InvalidInput(f"the range spans more than {MAX_RANGE_DAYS:,} days ({first} to {last})")
    lists = {name: _values(chosen.get(name, ()), name) for name in _FILTERS}
    lists["channels"] = tuple(clean_choice(c, "channel", CHANNELS) for c in lists["channels"])
    lists["tiers"] = tuple(clean_choice(t, "customer tier", TIERS) for t in lists["tiers"])
    return AnalyticsFilter(first.isoformat(), (last + timedelta(days=1)).isoformat(), **lists), first, last


def _describe(filters: AnalyticsFilter) -> str:
    chosen = [f"{name}={','.join(getattr(filters, name))}" for name in _FILTERS if getattr(filters, name)]
    return "; ".join([f"from {filters.start} until {filters.end}", *chosen])


def _values(value: Any, name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str) or not isinstance(value, (tuple, list, set, frozenset)):
        raise InvalidInput(f"the {name} filter must be a list; got {short_repr(value)}")
    if len(value) > MAX_CHOSEN:
        raise InvalidInput(f"the {name} filter holds {len(value):,} values; the limit is {MAX_CHOSEN}")
    return tuple(dict.fromkeys(clean_field(v, f"{_FILTERS[name]} filter value", 80, allow_empty=True)
                               for v in sorted(value, key=str)))


def _match(match: Any) -> dict[str, str]:
    if not isinstance(match, Mapping):
        raise InvalidInput(f"the drill-down must map dimensions to values; got {short_repr(match)}")
    return {clean_choice(k, "dimension", ANALYTICS_DIMENSIONS): clean_field(v, f"{k} value", 80, allow_empty=True)
            for k, v in match.items()}


def _board(services: Services, uow: Any, filters: AnalyticsFilter, first: date, last: date) -> Dashboard:
    """Three scans, two at a time (each in a read-only unit of work of its own, so the database works on both cores):
    the full sums by day, channel and agent (the overall, daily, per-channel and per-agent figures) and by day,
    intent and sentiment (the mixes, their trends, the intent table, suggestions by intent), and the counts by
    channel and hour; plus the options of the filters."""
    unfiltered = AnalyticsFilter(filters.start, filters.end)
    seen_by = ("queue",) if filters == unfiltered else ("agent", "intent", "queue")
    day_agent, mix, hours, seen = _in_parallel(services, (
        lambda a: a.totals(filters, ("day", "channel", "agent"), SLA_S),
        lambda a: a.totals(filters, ("day", "intent", "sentiment"), SLA_S),
        lambda a: a.counts(filters, ("channel", "hour")), lambda a: a.counts(unfiltered, seen_by)))
    by_agent, by_intent = _group(day_agent, 2), _group(mix, 1)
    overall = _sum(day_agent)
    return Dashboard(
        since=first.isoformat(), until=last.isoformat(), filters=filters, sla_s=dict(SLA_S),
        kpis=_kpis(overall, overall.suggestions), overall=overall,
        by_day=_every_day(_group(day_agent, 0), first, last), by_hour_channel=_counted(hours),
        by_channel=_sorted(_group(day_agent, 1)),
        sentiment_by_day=_sorted(_group(mix, 0, 2)), intent_by_day=_sorted(_group(mix, 0, 1)),
        by_intent=tuple(sorted(by_intent, key=lambda t: (-t.conversations, t.key))),
        suggestions=overall.suggestions,
        suggestions_by_intent=tuple(t.suggestions for t in _sorted(by_intent) if t.suggestions.total),
        suggestions_by_agent=tuple(t.suggestions for t in _sorted(by_agent) if t.suggestions.total),
        leaderboard=tuple(sorted((AgentRow(t.key[0], t, t.suggestions) for t in by_agent if t.key[0]),
                                 key=lambda r: (-r.totals.resolved, r.agent))),
        options=_options(seen, seen_by, by_agent, by_intent),
        drafted_articles=sum(filters.start <= d.created_at < filters.end for d in uow.articles.draft_records(1000)))


def _in_parallel(services: Services, reads: Sequence[Callable[[Any], Any]]) -> list[Any]:
    """Each read in a unit of work of its own, READ_THREADS at a time (SQLite and psycopg let go of the GIL while
    the database works). Each read sees the database as it was when it began: under concurrent writes two charts
    may differ by the conversations written in between."""
    def run(read: Callable[[Any], Any]) -> Any:
        with services.uow() as uow:
            return read(uow.analytics)

    with ThreadPoolExecutor(max_workers=READ_THREADS, thread_name_prefix="analytics") as pool:
        return list(pool.map(run, reads))


def _options(seen: Mapping[tuple[str, ...], int], seen_by: tuple[str, ...], by_agent: list[Totals],
             by_intent: list[Totals]) -> dict[str, tuple[str, ...]]:
    """The agents, intents and queues seen in the range (agents and intents read off the figures when no filter
    narrowed them)."""
    values = {name: {key[seen_by.index(dim)] for key in seen} for name, dim in
              (("agents", "agent"), ("intents", "intent"), ("queues", "queue")) if dim in seen_by}
    values.setdefault("agents", {t.key[0] for t in by_agent})
    values.setdefault("intents", {t.key[0] for t in by_intent})
    return {name: tuple(sorted(v for v in values[name] if v)) for name in ("agents", "intents", "queues")}


def _sorted(rows: Iterable[Totals]) -> tuple[Totals, ...]:
    return tuple(sorted(rows, key=lambda t: t.key))


def _counted(counts: Mapping[tuple[str, ...], int]) -> tuple[Totals, ...]:
    return tuple(Totals(key, conversations=n) for key, n in counts.items())


def _kpis(t: Totals, s: SuggestionOutcomes) -> tuple[Kpi, ...]:
    """The headline figures of docs/metrics.md, each with what it was measured on."""
    return (
        Kpi("volume", "Conversations", t.conversations, "count", "started in the range"),
        Kpi("first-response-time", "Avg first response", t.avg_first_response_s, "seconds",
            f"{t.answered:,} answered conversations"),
        Kpi("sla-attainment", "SLA attainment", t.sla_attainment, "rate", f"{t.answered:,} answered conversations"),
        Kpi("handle-time", "Avg handle time", t.avg_handle_s, "seconds", f"{t.resolved:,} resolved conversations"),
        Kpi("first-contact-resolution", "First-contact resolution", t.fcr_rate, "rate",
            f"{t.resolved:,} resolved conversations"),
        Kpi("escalation-rate", "Escalation rate", t.escalation_rate, "rate", f"{t.conversations:,} conversations"),
        Kpi("transfer-rate", "Transfer rate", t.transfer_rate, "rate", f"{t.conversations:,} conversations"),
        Kpi("reopen-rate", "Reopen rate", t.reopen_rate, "rate", f"{t.conversations:,} conversations"),
        Kpi("csat", "CSAT (1-5)", t.avg_csat, "score", f"{t.surveyed:,} survey answers"),
        Kpi("csat-satisfied", "Satisfied (4-5)", t.csat_satisfied, "rate", f"{t.surveyed:,} survey answers"),
        Kpi("suggestion-acceptance", "Suggestions used", s.acceptance, "rate",
            f"{s.total:,} customer messages with feedback"),
        Kpi("kb-deflection", "KB deflection", t.kb_deflection, "rate", f"{t.resolved:,} resolved conversations"),
    )


def _sum(rows: list[Totals]) -> Totals:
    return _group(rows)[0] if rows else Totals(())


def _group(rows: Iterable[Totals], *positions: int) -> list[Totals]:
    """Rows summed over every key part but those at ``positions`` (the new key, in that order; none: one total)."""
    groups: dict[tuple[str, ...], list[int]] = {}
    for row in rows:
        key, values = tuple(row.key[p] for p in positions), [getattr(row, name) for name in TOTAL_SUMS]
        found = groups.get(key)
        groups[key] = values if found is None else [a + b for a, b in zip(found, values, strict=True)]
    return [Totals(key, *sums) for key, sums in groups.items()]


def _every_day(rows: Iterable[Totals], first: date, last: date) -> tuple[Totals, ...]:
    found = {t.key[0]: t for t in rows}
    days = ((first + timedelta(days=n)).isoformat() for n in range((last - first).days + 1))
    return tuple(found.get(day, Totals((day,))) for day in days)


# ---- the virtual assistant (issue 19 item 5) ---------------------------------------------------------------------


def assistant_board(services: Services, user: User, since: Any = None, until: Any = None,
                    **chosen: Any) -> tuple[AssistantTotals, tuple[Kpi, ...]]:
    """The virtual assistant's figures (docs/metrics.md, "Virtual assistant") over the conversations the same range
    and filters as dashboard select: how many it handled and contained, its handovers by reason, the CSAT of the
    chats it answered alone and the customers' ratings of its answers. The read is audited.

    Raises:
        PermissionDenied, InvalidInput: as dashboard.
    """
    user = require(user, "analytics.read")
    filters, _, _ = _query(since, until, **chosen)
    with services.uow() as uow:
        totals = uow.analytics.assistant_totals(filters, REASONS)
        uow.audit.record(user.username, "view_assistant_analytics", "conversations", "*", _describe(filters))
    return totals, _assistant_kpis(totals)


def _assistant_kpis(t: AssistantTotals) -> tuple[Kpi, ...]:
    rated, bot_rated = t.rated_up + t.rated_down, t.bot_only_up + t.bot_only_down
    return (
        Kpi("assistant-handled", "Chats the assistant handled", t.handled, "count", "took a turn in the range"),
        Kpi("containment", "Containment", t.containment, "rate", f"{t.handled:,} chats the assistant handled"),
        Kpi("assistant-handovers", "Handed over", t.handed_over, "count", f"{t.handled:,} chats handled"),
        Kpi("bot-only-csat", "CSAT of bot-only chats (1-5)", t.bot_only_csat, "score",
            f"{t.surveyed:,} survey answers of {t.contained:,} contained chats"),
        Kpi("answer-rating", "Answers rated helpful", t.helpful_rate, "rate", f"{rated:,} rated answers"),
        Kpi("bot-only-rating", "Helpful, bot-only chats", t.bot_only_helpful_rate, "rate",
            f"{bot_rated:,} rated answers in contained chats"),
    )
