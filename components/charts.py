"""The supervisor analytics page's parts: filters kept in the URL, KPI tiles, plotly charts first with their tables
(CSV downloads) behind expanders, and the drill-down into the conversations behind a chart. Render only: the page
calls the use cases (docs/metrics.md defines every figure)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any

import pandas as pd
import plotly.express as px
import streamlit as st

from services.models import CHANNELS, SENTIMENTS, TIERS, Dashboard, DrillRow, Kpi, Totals

NO_CHANNEL = "Choose at least one channel to see its figures."
NOT_ANALYSED = "(not analysed)"
UNASSIGNED = "(unassigned)"
# the URL's query parameters: each filter's name there, and the session-state key of its widget
PARAMS = {"since": "an_since", "until": "an_until", "channel": "an_channels", "tier": "an_tiers",
          "queue": "an_queues", "agent": "an_agents", "intent": "an_intents"}
LISTS = ("channel", "tier", "queue", "agent", "intent")
TOP_INTENTS = 8
# what a drill-down can open: the chart's name -> the dimensions its points are keyed by
DRILLS = {"Day": ("day",), "Channel": ("channel",), "Channel and hour": ("channel", "hour"), "Agent": ("agent",),
          "Intent": ("intent",), "Sentiment": ("sentiment",), "Customer tier": ("tier",), "Queue": ("queue",)}


def no_channel() -> None:
    st.info(NO_CHANNEL, icon=":material/filter_alt:")


# ---- filters, kept in the URL --------------------------------------------------------------------------------------


def _from_url(name: str) -> Any:
    if name in LISTS:
        return [v for v in st.query_params.get_all(name) if v]
    return st.query_params.get(name, "")


def _day(text: str, fallback: date) -> date:
    try:
        return date.fromisoformat(text)
    except (TypeError, ValueError):
        return fallback


def first_filters(today: date) -> dict[str, Any]:
    """The range, channels and tiers (their options are fixed): widgets seeded from the URL on the first run."""
    for name, key in PARAMS.items():
        if key not in st.session_state:
            st.session_state[key] = _from_url(name)
    until = _day(st.session_state["an_until"], today)
    since = _day(st.session_state["an_since"], until - timedelta(days=29))
    left, right = st.columns([2, 3])
    span = left.date_input("Started between", (since, until), max_value=today + timedelta(days=1), key="an_range")
    since, until = (tuple(span) + (None, None))[:2] if isinstance(span, (tuple, list)) else (span, span)
    until = until or since  # one day picked, the second not yet
    if not st.session_state["an_channels"] and "channel" not in st.query_params and "an_seeded" not in st.session_state:
        st.session_state["an_channels"] = list(CHANNELS)
    st.session_state["an_seeded"] = True
    channels = right.multiselect("Channels", CHANNELS, key="an_channels")
    return {"since": since.isoformat(), "until": until.isoformat(), "channels": channels,
            "tiers": [t for t in st.session_state["an_tiers"] if t in TIERS]}


def chosen(name: str) -> list[str]:
    """What the queue, agent or intent filter holds (drawn after the figures, whose options they show)."""
    return list(st.session_state.get(PARAMS[name], []))


def more_filters(options: dict[str, tuple[str, ...]], queues: Sequence[str]) -> None:
    """The tier, queue, agent and intent filters (options: what the range holds, plus what is chosen)."""
    cols = st.columns(4)
    for col, (name, label, values) in zip(cols, (
            ("tier", "Customer tier", TIERS), ("queue", "Queue", (*queues, *options.get("queues", ()))),
            ("agent", "Agent", options.get("agents", ())), ("intent", "Intent", options.get("intents", ()))),
            strict=True):
        key = PARAMS[name]
        col.multiselect(label, sorted({*values, *st.session_state.get(key, [])}), key=key,
                        placeholder="Any")


def keep_in_url(filters: dict[str, Any]) -> None:
    """Write the view's filters into the URL, so the address can be shared (only what differs from the default)."""
    wanted = {"since": filters["since"], "until": filters["until"],
              "channel": [] if set(filters["channels"]) == set(CHANNELS) else filters["channels"],
              "tier": filters["tiers"], "queue": filters["queues"], "agent": filters["agents"],
              "intent": filters["intents"]}
    for name, value in wanted.items():
        if value in ([], "") and name in st.query_params:
            del st.query_params[name]
        elif value not in ([], "") and (st.query_params.get_all(name) if name in LISTS
                                        else st.query_params.get(name)) != value:
            st.query_params[name] = value


# ---- figures -------------------------------------------------------------------------------------------------------


def duration(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.1f} min"
    return f"{seconds / 3600:.1f} h"


def shown(kpi: Kpi) -> str:
    if kpi.value is None:
        return "—"
    return {"count": f"{kpi.value:,.0f}", "seconds": duration(kpi.value), "rate": f"{kpi.value:.0%}",
            "score": f"{kpi.value:.2f}"}[kpi.unit]


def tiles(board: Dashboard) -> None:
    for row in (board.kpis[:6], board.kpis[6:]):
        for col, kpi in zip(st.columns(6), row, strict=False):
            col.metric(kpi.label, shown(kpi), help=f"On {kpi.basis}. Defined in docs/metrics.md#{kpi.key}.")


def _rate(value: float | None) -> float | None:
    return None if value is None else round(100 * value, 1)


def kpi_table(rows: Sequence[Totals], names: Sequence[str], label: Callable[[str], str] = str) -> pd.DataFrame:
    """One line per group with every figure of docs/metrics.md."""
    return pd.DataFrame([{
        **{n: label(v) for n, v in zip(names, t.key, strict=True)}, "conversations": t.conversations,
        "answered": t.answered, "avg first response (s)": _round(t.avg_first_response_s),
        "SLA attainment %": _rate(t.sla_attainment), "resolved": t.resolved,
        "avg handle time (s)": _round(t.avg_handle_s), "first-contact resolution %": _rate(t.fcr_rate),
        "escalation %": _rate(t.escalation_rate), "transfer %": _rate(t.transfer_rate),
        "reopen %": _rate(t.reopen_rate), "CSAT answers": t.surveyed, "avg CSAT": _round(t.avg_csat, 2),
        "satisfied %": _rate(t.csat_satisfied), "KB deflection %": _rate(t.kb_deflection),
        "suggestions used %": _rate(t.suggestions.acceptance)} for t in rows])


def _floats(values: Any) -> list[float]:
    """Numbers with None as NaN: a column of only None is not numeric, and plotly refuses to draw it beside one
    that is (a range without a survey answer crashed the CSAT and SLA chart)."""
    return [float("nan") if v is None else float(v) for v in values]


def _round(value: float | None, digits: int = 0) -> float | None:
    return None if value is None else round(value, digits)


def table(title: str, frame: pd.DataFrame, name: str) -> None:
    """A table behind an expander, with its CSV download."""
    with st.expander(f"Table: {title}"):
        st.dataframe(frame, hide_index=True, width="stretch")
        st.download_button("Download CSV", frame.to_csv(index=False).encode("utf-8"), f"{name}.csv", "text/csv",
                           key=f"csv_{name}", icon=":material/download:")


def _intent(value: str) -> str:
    return value or NOT_ANALYSED


def volume(board: Dashboard) -> None:
    days = pd.DataFrame({"day": [t.key[0] for t in board.by_day], "conversations": [t.conversations for t in board.by_day],
                         "avg CSAT": _floats(t.avg_csat for t in board.by_day),
                         "SLA attainment %": _floats(_rate(t.sla_attainment) for t in board.by_day)})
    left, right = st.columns(2)
    # every day is in the data (zero on quiet days), so the line drops to 0 instead of bridging the gap
    left.plotly_chart(px.line(days, x="day", y="conversations", markers=True, title="Conversations per day"))
    channels = pd.DataFrame({"channel": [t.key[0] for t in board.by_channel],
                             "conversations": [t.conversations for t in board.by_channel]})
    right.plotly_chart(px.bar(channels, x="channel", y="conversations", title="Volume by channel"))
    hours = pd.DataFrame([{"channel": t.key[0], "hour (UTC)": t.key[1], "conversations": t.conversations}
                          for t in board.by_hour_channel], columns=["channel", "hour (UTC)", "conversations"])
    grid = hours.pivot_table(index="channel", columns="hour (UTC)", values="conversations", fill_value=0)
    grid = grid.reindex(columns=[f"{h:02d}" for h in range(24)], fill_value=0)
    left, right = st.columns(2)
    left.plotly_chart(px.imshow(grid, aspect="auto", title="Conversations by hour and channel",
                                labels={"color": "conversations"}))
    right.plotly_chart(px.line(days, x="day", y=["avg CSAT", "SLA attainment %"], markers=True,
                               title="CSAT and SLA attainment per day"))
    table("by day", kpi_table(board.by_day, ["day"]), "analytics_by_day")
    table("by channel", kpi_table(board.by_channel, ["channel"]), "analytics_by_channel")
    table("by hour and channel", hours, "analytics_by_hour_channel")


def mixes(board: Dashboard) -> None:
    sentiment = pd.DataFrame([{"day": t.key[0], "sentiment": t.key[1] or NOT_ANALYSED, "conversations": t.conversations}
                              for t in board.sentiment_by_day], columns=["day", "sentiment", "conversations"])
    order = [*SENTIMENTS, NOT_ANALYSED]
    left, right = st.columns(2)
    left.plotly_chart(px.bar(sentiment, x="day", y="conversations", color="sentiment", title="Sentiment per day",
                             category_orders={"sentiment": order}))
    top = [t.key[0] for t in board.by_intent[:TOP_INTENTS]]
    intents = pd.DataFrame([{"day": t.key[0], "intent": _intent(t.key[1]) if t.key[1] in top else "other",
                             "conversations": t.conversations} for t in board.intent_by_day],
                           columns=["day", "intent", "conversations"])
    intents = intents.groupby(["day", "intent"], as_index=False)["conversations"].sum()
    right.plotly_chart(px.area(intents, x="day", y="conversations", color="intent", title="Intents per day"))
    mix = pd.DataFrame({"intent": [_intent(t.key[0]) for t in board.by_intent],
                        "conversations": [t.conversations for t in board.by_intent],
                        "avg CSAT": [t.avg_csat for t in board.by_intent]})
    st.plotly_chart(px.bar(mix, x="conversations", y="intent", orientation="h", color="avg CSAT",
                           title="Intent mix (colour: average CSAT)"))
    table("sentiment per day", sentiment, "analytics_sentiment_by_day")
    table("by intent", kpi_table(board.by_intent, ["intent"], _intent), "analytics_by_intent")


def suggestions(board: Dashboard) -> None:
    def frame(rows: Any, name: str, label: Callable[[str], str]) -> pd.DataFrame:
        return pd.DataFrame([{name: label(s.key[0]), "accepted": s.accepted, "edited": s.edited,
                              "rejected": s.rejected, "used %": _rate(s.acceptance)} for s in rows],
                            columns=[name, "accepted", "edited", "rejected", "used %"])

    by_intent = frame(board.suggestions_by_intent, "intent", _intent)
    by_agent = frame(board.suggestions_by_agent, "agent", lambda a: a or UNASSIGNED)
    left, right = st.columns(2)
    for col, data, name in ((left, by_intent, "intent"), (right, by_agent, "agent")):
        col.plotly_chart(px.bar(data, x=name, y=["accepted", "edited", "rejected"],
                                title=f"Suggested replies by {name}", labels={"value": "customer messages"}))
    table("suggestions by intent", by_intent, "analytics_suggestions_by_intent")
    table("suggestions by agent", by_agent, "analytics_suggestions_by_agent")


def leaderboard(board: Dashboard) -> None:
    frame = kpi_table([r.totals for r in board.leaderboard], ["agent"])
    if not frame.empty:
        st.plotly_chart(px.bar(frame, x="agent", y="resolved", color="avg CSAT", title="Agent leaderboard (resolved)"))
    table("agent leaderboard", frame, "analytics_leaderboard")


# ---- drill-down ----------------------------------------------------------------------------------------------------


def drill_values(board: Dashboard, dimensions: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The points of the chart keyed by these dimensions, busiest first."""
    source = {("day",): board.by_day, ("channel",): board.by_channel, ("channel", "hour"): board.by_hour_channel,
              ("agent",): [r.totals for r in board.leaderboard], ("intent",): board.by_intent}.get(dimensions)
    if source is None:  # sentiment, tier, queue: the values the filters know
        known = {"sentiment": [*SENTIMENTS, ""], "tier": list(TIERS), "queue": list(board.options.get("queues", ()))}
        return [(v,) for v in known[dimensions[0]]]
    return [t.key for t in sorted(source, key=lambda t: -t.conversations) if t.conversations]


def drill_picker(board: Dashboard) -> dict[str, str] | None:
    """Which chart's point to open; the dimension -> value match once "Show conversations" is pressed."""
    left, right, button = st.columns([2, 3, 2], vertical_alignment="bottom")
    chart = left.selectbox("Behind which chart", list(DRILLS), key="an_drill_chart")
    dimensions = DRILLS[chart]
    points = drill_values(board, dimensions)
    point = right.selectbox("Which point", points, format_func=lambda key: " · ".join(v or "—" for v in key),
                            key=f"an_drill_{chart}")
    if point is None or not button.button("Show conversations", icon=":material/list:", key="an_drill_go"):
        return None
    return dict(zip(dimensions, point, strict=True))


def drill_table(rows: Sequence[DrillRow], match: dict[str, str]) -> None:
    title = ", ".join(f"{k} {v or '—'}" for k, v in match.items())
    if not rows:
        st.info(f"No conversation behind {title} under these filters.", icon=":material/info:")
        return
    frame = pd.DataFrame([{
        "conversation": r.conversation_id, "started": r.created_at, "channel": r.channel, "queue": r.queue,
        "agent": r.agent or UNASSIGNED, "tier": r.tier, "status": r.status, "intent": _intent(r.intent),
        "sentiment": r.sentiment or NOT_ANALYSED, "CSAT": r.csat, "first response": duration(r.first_response_s),
        "handle time": duration(r.handle_s), "subject (masked)": r.subject} for r in rows])
    st.caption(f"The {len(rows)} newest conversations behind {title} (subjects masked).")
    st.dataframe(frame, hide_index=True, width="stretch")
    st.download_button("Download CSV", frame.to_csv(index=False).encode("utf-8"), "analytics_conversations.csv",
                       "text/csv", key="csv_drill", icon=":material/download:")


# ---- ROI -----------------------------------------------------------------------------------------------------------

ROI_INPUTS = (  # field, label, step, the cost model's range
    ("human_rate", "Agent cost without AI ($/h)", 1.0, "25-50"),
    ("assisted_rate", "AI-assisted agent cost ($/h)", 1.0, "10-20"),
    ("manual_response_min", "Reply written by hand (min)", 0.5, "5-10"),
    ("assisted_response_s", "Reply from a suggestion (s)", 5.0, "30-60"),
    ("manual_article_cost", "Article written by hand ($)", 10.0, "200-500"),
    ("drafted_article_cost", "AI-drafted article ($)", 5.0, "20-50"),
)


def roi_inputs(defaults: Any) -> dict[str, float]:
    """The editable assumptions (defaults: the middle of the cost model's ranges)."""
    cols = st.columns(3)
    return {name: cols[i % 3].number_input(label, min_value=0.0, max_value=1_000_000.0,
                                           value=float(getattr(defaults, name)), step=step, key=f"roi_{name}",
                                           help=f"The cost model's range: {span}")
            for i, (name, label, step, span) in enumerate(ROI_INPUTS)}


def roi_table(lines: Sequence[Any]) -> None:
    frame = pd.DataFrame([{"saving": line.label, "measured figure": line.measured, "measured": line.count,
                           "formula": line.formula,
                           "hours saved": None if line.hours_saved is None else round(line.hours_saved, 1),
                           "saving ($)": round(line.saving, 2)} for line in lines])
    total = sum(line.saving for line in lines)
    st.metric("Saving over the range", f"${total:,.0f}", help="The sum of the lines below; each multiplies a "
              "measured figure of this view by the assumptions above.")
    st.plotly_chart(px.bar(frame, x="saving ($)", y="saving", orientation="h", title="Savings by measured figure"))
    st.dataframe(frame, hide_index=True, width="stretch")
    st.download_button("Download CSV", frame.to_csv(index=False).encode("utf-8"), "analytics_roi.csv", "text/csv",
                       key="csv_roi", icon=":material/download:")


# ---- live monitor --------------------------------------------------------------------------------------------------

MONITOR_EVERY_S = 10  # how often the monitor redraws (from the process's shared change marker, components/live.py)


def _monitor_frame(rows: Sequence[Any], link: str) -> pd.DataFrame:
    """The rows as a table; with ``link`` (a page's address), an "open" column into each conversation there."""
    frame = pd.DataFrame([{
        "conversation": r.conversation_id, "why": ", ".join(r.reasons), "waiting": "—" if r.waiting_min is None
        else f"{r.waiting_min} min", "channel": r.channel, "queue": r.queue, "agent": r.agent or UNASSIGNED,
        "tier": r.tier, "sentiment": r.sentiment or NOT_ANALYSED, "subject (masked)": r.subject,
        "latest customer message (masked)": r.latest} for r in rows])
    if link:
        frame["open"] = [f"{link}?conversation={r.conversation_id}" for r in rows]
    return frame


def monitor(data: Any) -> None:
    """Escalations waiting for a supervisor (each linking to the escalation inbox, where a supervisor acts on it),
    then the open conversations at risk (their agents'; the id names each)."""
    cols = st.columns(3)
    cols[0].metric("Escalations waiting", len(data.escalations))
    cols[1].metric("Open conversations at risk", len(data.at_risk))
    cols[2].metric("Open conversations", data.open_conversations)
    st.caption(f"As of {data.at} (UTC); redrawn every {MONITOR_EVERY_S} s while this tab is open.")
    # a supervisor acts on escalations in the inbox; an open conversation at risk is its agent's (the id names it)
    for title, rows, link in (("Escalations waiting for a supervisor", data.escalations, "inbox"),
                              ("Open conversations at risk", data.at_risk, "")):
        st.subheader(title)
        if not rows:
            st.info("None right now.", icon=":material/check_circle:")
            continue
        frame = _monitor_frame(rows, link)
        st.dataframe(frame, hide_index=True, width="stretch",
                     column_config={"open": st.column_config.LinkColumn("open", display_text="Open")} if link else None)
        name = "escalations" if link else "at_risk"
        st.download_button("Download CSV", frame.to_csv(index=False).encode("utf-8"), f"monitor_{name}.csv",
                           "text/csv", key=f"csv_monitor_{name}", icon=":material/download:")
