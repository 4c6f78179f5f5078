"""Return on investment from measured figures only (issue 18 item 3): the seed's cost model as editable
assumptions, multiplied by what the dashboard counted - replies sent from a suggested reply, conversations resolved
with a knowledge-base article, articles drafted by the AI drafter. Every line names the measured figure it uses;
nothing is projected or invented.

Example:
    lines = roi.lines(board, RoiAssumptions(human_rate=40))
    sum(line.saving for line in lines)
"""

from __future__ import annotations

import math
from dataclasses import fields
from typing import Any

from services.errors import InvalidInput
from services.models import Dashboard, RoiAssumptions, RoiLine
from services.validation import short_repr

MAX_VALUE = 1_000_000.0


def assumptions(**values: Any) -> RoiAssumptions:
    """Checked assumptions (any left out keep their default).

    Raises:
        InvalidInput: an unknown name, or a value that is not a number from 0 to 1,000,000.
    """
    known = {f.name for f in fields(RoiAssumptions)}
    unknown = sorted(set(values) - known)
    if unknown:
        raise InvalidInput(f"unknown ROI assumption {', '.join(unknown)}; they are {', '.join(sorted(known))}")
    for name, value in values.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) \
                or not 0 <= value <= MAX_VALUE:
            raise InvalidInput(f"the {name.replace('_', ' ')} must be a number from 0 to {MAX_VALUE:,.0f}; "
                               f"got {short_repr(value)}")
    return RoiAssumptions(**{k: float(v) for k, v in values.items()})


def lines(board: Any, given: Any = None) -> tuple[RoiLine, ...]:
    """The savings of the dashboard's range and filters under the assumptions (default: the cost model's middle).

    Raises:
        InvalidInput: not a Dashboard, or not RoiAssumptions.
    """
    if not isinstance(board, Dashboard):
        raise InvalidInput(f"ROI is computed from a dashboard; got {short_repr(board)}")
    a = RoiAssumptions() if given is None else given
    if not isinstance(a, RoiAssumptions):
        raise InvalidInput(f"the ROI assumptions must be RoiAssumptions; got {short_repr(a)}")
    a = assumptions(**{f.name: getattr(a, f.name) for f in fields(a)})
    manual_h, assisted_h = a.manual_response_min / 60, a.assisted_response_s / 3600
    per_reply = manual_h * a.human_rate - assisted_h * a.assisted_rate
    used = board.suggestions.accepted + board.suggestions.edited
    kb = board.overall.kb_resolved
    reply_formula = (f"× ({a.manual_response_min:g} min × ${a.human_rate:g}/h by hand − {a.assisted_response_s:g} s × "
                     f"${a.assisted_rate:g}/h assisted) = ${per_reply:,.2f} each")
    return (
        RoiLine("Replies sent from a suggested reply", "customer messages answered with a suggestion sent as it was "
                "or edited (suggestion acceptance)", used, used * (manual_h - assisted_h), used * per_reply,
                reply_formula),
        RoiLine("Conversations resolved with a knowledge-base article", "resolved conversations whose reply used an "
                "approved article (KB deflection; may overlap the line above when the suggestion quoted the article)",
                kb, kb * (manual_h - assisted_h), kb * per_reply, reply_formula),
        RoiLine("Articles drafted by the AI drafter", "articles drafted from a knowledge-base gap in the range",
                board.drafted_articles, None, board.drafted_articles * (a.manual_article_cost - a.drafted_article_cost),
                f"× (${a.manual_article_cost:g} by hand − ${a.drafted_article_cost:g} drafted) = "
                f"${a.manual_article_cost - a.drafted_article_cost:,.2f} each"),
    )
