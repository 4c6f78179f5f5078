"""ROI on measured figures only: each line multiplies a figure the dashboard counted, worked out by hand here on the
six-conversation store (tests/contracts/test_analytics_repository.store)."""

from __future__ import annotations

import math

import pytest

from services import analytics, roi
from services.errors import InvalidInput
from services.models import RoiAssumptions, User
from tests.contracts.test_analytics_repository import store

SUPERVISOR = User(1, "supervisor", "Priya", "supervisor")


def test_each_line_is_a_measured_figure_times_the_assumptions(services):
    store(services.store)
    board = analytics.dashboard(services, SUPERVISOR, since="2026-11-01", until="2026-11-04")
    replies, kb, drafted = roi.lines(board)
    # default cost model: 7.5 min x $37.5/h by hand = $4.6875, 45 s x $15/h assisted = $0.1875 -> $4.50 a reply
    assert (replies.count, replies.saving, replies.hours_saved) == (2, pytest.approx(9.0), pytest.approx(0.225))
    assert "suggestion acceptance" in replies.measured and "$4.50 each" in replies.formula
    assert (kb.count, kb.saving) == (1, pytest.approx(4.5))  # c1 resolved with an article
    assert (drafted.count, drafted.saving, drafted.hours_saved) == (0, 0.0, None)
    dearer = roi.lines(board, roi.assumptions(human_rate=50, manual_response_min=10))
    assert dearer[0].saving == pytest.approx(2 * (10 / 60 * 50 - 45 / 3600 * 15))


@pytest.mark.parametrize("values", [{"human_rate": -1}, {"human_rate": math.nan}, {"human_rate": "40"},
                                    {"human_rate": True}, {"bonus": 1}, {"assisted_rate": 1e9}])
def test_bad_assumptions_are_refused_clearly(values):
    with pytest.raises(InvalidInput):
        roi.assumptions(**values)


def test_roi_needs_a_dashboard_and_assumptions():
    with pytest.raises(InvalidInput, match="dashboard"):
        roi.lines("board")
    with pytest.raises(InvalidInput, match="must be a number"):
        roi.lines(analytics_board_stub(), RoiAssumptions(human_rate=-5))


def analytics_board_stub():
    from services.models import AnalyticsFilter, Dashboard, SuggestionOutcomes, Totals

    return Dashboard("2026-11-01", "2026-11-01", AnalyticsFilter("2026-11-01", "2026-11-02"), {}, (), Totals(()),
                     (), (), (), (), (), (), SuggestionOutcomes(()), (), (), (), {})
