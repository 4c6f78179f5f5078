"""Predictions for supervisors (issue 18 item 2; docs/models.md "Predictions"): the CSAT an open or recent
conversation is heading for, and each customer's risk of leaving, from two small linear models trained on the stored
history — `python -m services train-predictors`. Each prediction comes with its top factors in plain words
("first reply after 42 min (target 2 min) (-0.9 CSAT)").

The models:
- CSAT: a ridge regression of the survey answer (1-5) on the conversation's first-reply wait against its channel's
  target, the customer's last sentiment, escalation, transfer, reopening, the customer's other contacts in the week
  before, their tier and a complaint or manager request.
- churn: a logistic regression of "the customer left" (customers.churned_at) on their contacts: how many, the share of
  late first replies, low survey answers, escalations, repeat contacts, contacts ending negative, and their tier.
  Only customers whose last contact is at least CHURN_WINDOW_DAYS old (or who left) are labels: a customer seen last
  week may still leave.

A factor's effect is its coefficient times how far the value is from the training average, so the prediction is the
average prediction plus the sum of the effects (CSAT points; log-odds for churn, shown as "risk"). The fitted models
live in the database (predictor_models, JSON coefficients, never a pickle), so every replica predicts alike. With too
little history (fewer than MIN_SURVEYS survey answers, fewer than MIN_CHURNED customers who left or MIN_STAYED who
stayed) nothing is trained and the reason is shown instead.

Example:
    report = train(services, user); view = predictions(services, user)
    view.churn[0].risk, [f.text for f in view.churn[0].factors]
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from services.analytics import SLA_S
from services.bootstrap import Services
from services.clock import now_iso, parse_iso
from services.errors import InvalidInput
from services.models import TIERS, ContactRow, StoredModel, User
from services.permissions import require
from services.validation import short_repr

KINDS = ("csat", "churn")
MIN_SURVEYS = 150  # ten coefficients: fifteen answers per coefficient at the least
MIN_CHURNED, MIN_STAYED = 20, 20  # seven coefficients: about three events per coefficient at the least
CHURN_WINDOW_DAYS = 30  # a customer seen more recently than this (and still here) is no label yet
REPEAT_DAYS = 7
RECENT_DAYS = 7  # CSAT is predicted for open conversations and those started this recently without an answer
TEST_SHARE = 0.25  # the newest quarter of the history is held out for the reported figures
LIMIT = 50
TOP_FACTORS = 3
PAYLOAD_VERSION = 1
OPEN = ("open", "pending", "escalated")
UNHAPPY = 2  # a survey answer of 1-2
BINS = 10  # calibration bins


@dataclass(frozen=True)
class Factor:
    """One reason behind a prediction: its feature, the plain words and its effect (CSAT points, or churn log-odds)."""

    feature: str
    text: str
    effect: float


@dataclass(frozen=True)
class CsatPrediction:
    conversation_id: int
    customer_id: int
    channel: str
    status: str
    created_at: str
    tier: str
    predicted: float  # 1-5
    factors: tuple[Factor, ...]
    effects: dict[str, float] = field(default_factory=dict)  # every feature's effect (they sum to predicted - base)
    base: float = 0.0  # the average prediction


@dataclass(frozen=True)
class ChurnRisk:
    customer_id: int
    tier: str
    risk: float  # probability of leaving, 0-1
    contacts: int
    last_conversation_id: int
    last_contact: str
    factors: tuple[Factor, ...]
    last_status: str = ""
    effects: dict[str, float] = field(default_factory=dict)  # log-odds; they sum to logit(risk) - base
    base: float = 0.0


@dataclass(frozen=True)
class ModelInfo:
    """A stored model's provenance and held-out figures (docs/models.md defines each)."""

    kind: str
    trained_at: str
    trained_by: str
    rows: int  # trained on (survey answers, or labelled customers)
    positives: int  # unhappy answers (1-2), or customers who left
    split: str
    heldout: dict[str, float | int | None]


@dataclass(frozen=True)
class Predictions:
    at: str
    csat_model: ModelInfo | None
    churn_model: ModelInfo | None
    csat: tuple[CsatPrediction, ...]  # worst first
    churn: tuple[ChurnRisk, ...]  # riskiest first
    notes: tuple[str, ...]  # why a kind is not predicted
    scored_conversations: int = 0
    scored_customers: int = 0


@dataclass(frozen=True)
class TrainingReport:
    trained: dict[str, ModelInfo]
    notes: tuple[str, ...]  # the kinds not trained, and why


# ---- features -------------------------------------------------------------------------------------------------------

TIER_RANK = {tier: rank for rank, tier in enumerate(TIERS)}
CSAT_FEATURES = ("wait", "negative", "mixed", "positive", "escalated", "transferred", "reopened", "repeat", "tier",
                 "complaint")
CHURN_FEATURES = ("contacts", "late", "low_csat", "escalated", "repeat", "negative", "tier")
COMPLAINTS = {"Complaint": "a complaint", "Escalation Request": "asked for a manager"}


def _at(text: str) -> datetime:
    """An ISO-8601 moment, fast (strptime was most of a page view's time on 20,000 conversations)."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError(text)
    return moment


def _minutes(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


def _waited(row: ContactRow, now: datetime) -> tuple[float | None, bool]:
    """Seconds to the first reply, or waited so far when an open conversation has none (True); None: no reply."""
    if row.first_response_s is not None:
        return float(row.first_response_s), False
    if row.status in OPEN:
        try:
            return max(0.0, (now - _at(row.created_at)).total_seconds()), True
        except ValueError:
            return None, False
    return None, False


def csat_features(row: ContactRow, before: Sequence[str], now: datetime) -> tuple[list[float], dict[str, str]]:
    """A conversation's feature values and the plain words for those present. ``before``: the start times of the
    customer's earlier contacts."""
    target = SLA_S.get(row.channel, 3600)
    waited, so_far = _waited(row, now)
    ratio = 0.0 if waited is None else waited / target
    try:
        start = _at(row.created_at)
        week = (start - timedelta(days=REPEAT_DAYS)).strftime("%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        week = row.created_at
    repeat = min(3, sum(week <= at < row.created_at for at in before))
    values = {"wait": min(4.0, math.log2(1 + ratio)), "negative": float(row.sentiment == "negative"),
              "mixed": float(row.sentiment == "mixed"), "positive": float(row.sentiment == "positive"),
              "escalated": float(row.escalated), "transferred": float(row.transfers > 0),
              "reopened": float(row.reopens > 0), "repeat": float(repeat), "tier": float(TIER_RANK.get(row.tier, 0)),
              "complaint": float(row.intent in COMPLAINTS)}
    words = {"negative": "last message negative", "mixed": "last message mixed",
             "positive": "last message positive", "escalated": "escalated",
             "transferred": f"transferred {row.transfers} time{'s' * (row.transfers != 1)}",
             "reopened": "reopened", "repeat": f"{repeat} other contact{'s' * (repeat != 1)} in the week before",
             "tier": f"{row.tier} customer", "complaint": COMPLAINTS.get(row.intent, "")}
    if waited is not None:
        words["wait"] = (f"waiting {_minutes(waited)} so far" if so_far else f"first reply after {_minutes(waited)}") \
            + f" (target {_minutes(target)})"
    return [values[name] for name in CSAT_FEATURES], words


def churn_features(rows: Sequence[ContactRow]) -> tuple[list[float], dict[str, str]]:
    """A customer's feature values over their contacts (oldest first) and the plain words."""
    answered = [r for r in rows if r.first_response_s is not None]
    late = sum(r.first_response_s > SLA_S.get(r.channel, 3600) for r in answered)  # type: ignore[operator]
    low = sum(r.csat is not None and r.csat <= UNHAPPY for r in rows)
    escalated = sum(r.escalated for r in rows)
    negative = sum(r.sentiment == "negative" for r in rows)
    repeat = 0
    for earlier, later in zip(rows, rows[1:], strict=False):
        try:
            repeat += (_at(later.created_at) - _at(earlier.created_at)).days < REPEAT_DAYS
        except ValueError:
            continue
    tier = rows[-1].tier
    values = {"contacts": math.log2(1 + len(rows)), "late": late / len(answered) if answered else 0.0,
              "low_csat": float(min(3, low)), "escalated": float(min(3, escalated)), "repeat": float(min(3, repeat)),
              "negative": float(min(3, negative)), "tier": float(TIER_RANK.get(tier, 0))}
    words = {"contacts": f"{len(rows)} contact{'s' * (len(rows) != 1)}",
             "late": f"{late} of {len(answered)} first replies late", "low_csat": _count(low, "low survey answer")
             + " (1-2)", "escalated": _count(escalated, "escalated contact"),
             "repeat": _count(repeat, "repeat contact") + f" within {REPEAT_DAYS} days",
             "negative": _count(negative, "contact") + " ending negative", "tier": f"{tier} customer"}
    return [values[name] for name in CHURN_FEATURES], words


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' * (n != 1)}"


# ---- the stored model -----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Linear:
    """A fitted linear model as stored: prediction = intercept + sum(coef * x); ``means``: the training averages,
    from which each factor's effect is measured."""

    kind: str
    features: tuple[str, ...]
    coef: tuple[float, ...]
    intercept: float
    means: tuple[float, ...]

    @property
    def base(self) -> float:
        return self.intercept + sum(c * m for c, m in zip(self.coef, self.means, strict=True))

    def effects(self, x: Sequence[float]) -> dict[str, float]:
        return {name: c * (v - m) for name, c, v, m in zip(self.features, self.coef, x, self.means, strict=True)}

    def raw(self, x: Sequence[float]) -> float:
        return self.intercept + sum(c * v for c, v in zip(self.coef, x, strict=True))

    def predict(self, x: Sequence[float]) -> float:
        """CSAT clipped to 1-5; churn as a probability."""
        raw = self.raw(x)
        return min(5.0, max(1.0, raw)) if self.kind == "csat" else _sigmoid(raw)


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))


def _expected(kind: str) -> tuple[str, ...]:
    return CSAT_FEATURES if kind == "csat" else CHURN_FEATURES


def load_model(stored: StoredModel | None) -> tuple[Linear, ModelInfo] | None:
    """The model and its figures from the stored JSON; None when none is stored or it does not fit this code (a
    model trained by another version: retrain)."""
    if stored is None:
        return None
    try:
        data = json.loads(stored.payload)
        features = tuple(data["features"])
        model = Linear(stored.kind, features, tuple(float(c) for c in data["coef"]), float(data["intercept"]),
                       tuple(float(m) for m in data["means"]))
        if data.get("version") != PAYLOAD_VERSION or features != _expected(stored.kind) or \
                not len(model.coef) == len(model.means) == len(features):
            return None
        info = ModelInfo(stored.kind, stored.trained_at, stored.trained_by, int(data["rows"]), int(data["positives"]),
                         str(data["split"]), dict(data["heldout"]))
    except (ValueError, KeyError, TypeError):
        return None
    return model, info


def _payload(model: Linear, rows: int, positives: int, split: str, heldout: dict[str, Any]) -> str:
    return json.dumps({"version": PAYLOAD_VERSION, "features": list(model.features), "coef": list(model.coef),
                       "intercept": model.intercept, "means": list(model.means), "rows": rows,
                       "positives": positives, "split": split, "heldout": heldout})


# ---- the data sets --------------------------------------------------------------------------------------------------

@dataclass
class _Dataset:
    x: list[list[float]] = field(default_factory=list)
    y: list[float] = field(default_factory=list)
    sentiment: list[str] = field(default_factory=list)  # for the last-sentiment baseline
    at: list[str] = field(default_factory=list)  # the time order the split follows


def _by_customer(rows: Sequence[ContactRow]) -> dict[int, list[ContactRow]]:
    found: dict[int, list[ContactRow]] = defaultdict(list)
    for row in rows:
        found[row.customer_id].append(row)
    return found


def _csat_set(rows: Sequence[ContactRow], now: datetime) -> _Dataset:
    data, seen = _Dataset(), defaultdict[int, list](list)
    for row in rows:
        if row.csat is not None and 1 <= row.csat <= 5:
            x, _ = csat_features(row, seen[row.customer_id], now)
            data.x.append(x)
            data.y.append(float(row.csat))
            data.sentiment.append(row.sentiment)
            data.at.append(row.created_at)
        seen[row.customer_id].append(row.created_at)
    return data


def _before_churn(rows: Sequence[ContactRow]) -> list[ContactRow]:
    churned = rows[0].churned_at
    return [r for r in rows if not churned or r.created_at < churned] or list(rows[:1])


def _churn_set(rows: Sequence[ContactRow], now: datetime) -> _Dataset:
    data = _Dataset()
    settled = (now - timedelta(days=CHURN_WINDOW_DAYS)).strftime("%Y-%m-%dT%H:%M:%SZ")
    for contacts in _by_customer(rows).values():
        left = bool(contacts[0].churned_at)
        if not left and contacts[-1].created_at >= settled:
            continue  # seen recently: may yet leave
        kept = _before_churn(contacts)
        x, _ = churn_features(kept)
        data.x.append(x)
        data.y.append(float(left))
        data.sentiment.append(kept[-1].sentiment)
        data.at.append(kept[-1].created_at)
    order = sorted(range(len(data.at)), key=lambda i: data.at[i])
    return _Dataset([data.x[i] for i in order], [data.y[i] for i in order], [data.sentiment[i] for i in order],
                    [data.at[i] for i in order])


def as_of(rows: Sequence[ContactRow], now: datetime) -> list[ContactRow]:
    """The history as it stood at ``now``: conversations started by then; a customer who left later has not left."""
    stamp = now.strftime("%Y-%m-%dT%H:%M:%SZ")
    return [r if not r.churned_at or r.churned_at <= stamp else replace(r, churned_at="")
            for r in rows if r.created_at <= stamp]


def shortage(kind: str, data: _Dataset) -> str:
    """Why there is too little history to train ``kind`` ("" when there is enough)."""
    if kind == "csat":
        if len(data.y) < MIN_SURVEYS:
            return (f"Too little history to predict CSAT: {len(data.y):,} survey answers; at least {MIN_SURVEYS} "
                    "are needed.")
        return ""
    left = int(sum(data.y))
    stayed = len(data.y) - left
    if left < MIN_CHURNED or stayed < MIN_STAYED:
        return (f"Too little history to predict churn: {left:,} customers who left and {stayed:,} who stayed "
                f"(seen more than {CHURN_WINDOW_DAYS} days ago); at least {MIN_CHURNED} and {MIN_STAYED} are needed.")
    return ""


# ---- fitting and held-out figures -----------------------------------------------------------------------------------

def fit(kind: str, x: Sequence[Sequence[float]], y: Sequence[float]) -> Linear:
    """Ridge regression (CSAT) or L2 logistic regression (churn), scikit-learn's, kept as plain coefficients."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression, Ridge

    xs, ys = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    estimator = Ridge(alpha=1.0) if kind == "csat" else LogisticRegression(C=1.0, max_iter=2000)
    estimator.fit(xs, ys if kind == "csat" else ys.astype(int))
    coef = np.ravel(estimator.coef_)
    intercept = float(np.ravel([estimator.intercept_])[0])
    return Linear(kind, _expected(kind), tuple(float(c) for c in coef), intercept,
                  tuple(float(m) for m in xs.mean(axis=0)))


def auc(labels: Sequence[float], scores: Sequence[float]) -> float | None:
    """The chance a random positive scores above a random negative (ties count half); None without both."""
    positives = sum(1 for v in labels if v)
    negatives = len(labels) - positives
    if not positives or not negatives:
        return None
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    ranks = [0.0] * len(scores)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    rank_sum = sum(r for r, v in zip(ranks, labels, strict=True) if v)
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


def calibration_error(predicted: Sequence[float], actual: Sequence[float], bins: int = BINS) -> float:
    """Expected calibration error: over equal-count bins of the prediction, |mean predicted - mean actual| weighted
    by the bin's size (probabilities for churn; CSAT points for CSAT)."""
    order = sorted(range(len(predicted)), key=lambda i: predicted[i])
    total, n = 0.0, len(order)
    for b in range(bins):
        chosen = order[b * n // bins:(b + 1) * n // bins]
        if chosen:
            total += abs(sum(predicted[i] - actual[i] for i in chosen)) / n
    return total


def _by_sentiment(sentiments: Sequence[str], y: Sequence[float]) -> Callable[[str], float]:
    """The last-sentiment baseline: the training average of the outcome per last sentiment."""
    sums: dict[str, list[float]] = defaultdict(list)
    for s, v in zip(sentiments, y, strict=True):
        sums[s].append(v)
    overall = sum(y) / len(y)
    means = {s: sum(v) / len(v) for s, v in sums.items()}
    return lambda s: means.get(s, overall)


def _r(value: float | None, digits: int = 3) -> float | None:
    return None if value is None else round(value, digits)


def heldout(kind: str, data: _Dataset) -> tuple[dict[str, Any], str]:
    """Fit on the oldest (1 - TEST_SHARE) of the rows, measure on the newest; the figures and the split in words."""
    cut = int(len(data.y) * (1 - TEST_SHARE))
    train_y, test_y = data.y[:cut], data.y[cut:]
    model = fit(kind, data.x[:cut], train_y)
    mean = sum(train_y) / len(train_y)
    by_sentiment = _by_sentiment(data.sentiment[:cut], train_y)
    sentiment = [by_sentiment(s) for s in data.sentiment[cut:]]
    predicted = [model.predict(x) for x in data.x[cut:]]
    what = "survey answers" if kind == "csat" else "customers (by their last contact)"
    split = (f"trained on the {cut:,} oldest {what} (before {data.at[cut][:10]}), tested on the {len(test_y):,} "
             "newest")
    n = len(test_y)
    if kind == "csat":
        unhappy = [float(v <= UNHAPPY) for v in test_y]
        figures: dict[str, Any] = {
            "test_rows": n, "test_unhappy": int(sum(unhappy)),
            "mae": sum(abs(p - v) for p, v in zip(predicted, test_y, strict=True)) / n,
            "mae_mean_baseline": sum(abs(mean - v) for v in test_y) / n,
            "mae_sentiment_baseline": sum(abs(p - v) for p, v in zip(sentiment, test_y, strict=True)) / n,
            "rmse": math.sqrt(sum((p - v) ** 2 for p, v in zip(predicted, test_y, strict=True)) / n),
            "rmse_mean_baseline": math.sqrt(sum((mean - v) ** 2 for v in test_y) / n),
            "rmse_sentiment_baseline": math.sqrt(sum((p - v) ** 2 for p, v in zip(sentiment, test_y, strict=True))
                                                 / n),
            "auc_unhappy": auc(unhappy, [-p for p in predicted]),
            "auc_unhappy_sentiment_baseline": auc(unhappy, [-p for p in sentiment]),
            "calibration_error": calibration_error(predicted, test_y),
            "calibration_error_sentiment_baseline": calibration_error(sentiment, test_y)}
    else:
        figures = {
            "test_rows": n, "test_left": int(sum(test_y)), "base_rate": mean,
            "auc": auc(test_y, predicted), "auc_sentiment_baseline": auc(test_y, sentiment),
            "brier": sum((p - v) ** 2 for p, v in zip(predicted, test_y, strict=True)) / n,
            "brier_base_rate_baseline": sum((mean - v) ** 2 for v in test_y) / n,
            "brier_sentiment_baseline": sum((p - v) ** 2 for p, v in zip(sentiment, test_y, strict=True)) / n,
            "ece": calibration_error(predicted, test_y),
            "ece_sentiment_baseline": calibration_error(sentiment, test_y),
            "accuracy": sum((p >= 0.5) == bool(v) for p, v in zip(predicted, test_y, strict=True)) / n,
            "accuracy_majority_baseline": max(sum(test_y), n - sum(test_y)) / n}
    return {k: v if isinstance(v, int) or v is None else _r(v) for k, v in figures.items()}, split


# ---- use cases ------------------------------------------------------------------------------------------------------

def _moment(now: Any) -> datetime:
    if now is None:
        return parse_iso(now_iso())
    try:
        return parse_iso(now) if isinstance(now, str) else _bad(now)
    except ValueError:
        raise InvalidInput(f"now must be a moment like 2026-12-01T12:00:00Z; got {short_repr(now)}") from None


def _bad(now: Any) -> datetime:
    raise ValueError(now)


def train(services: Services, user: User, now: Any = None) -> TrainingReport:
    """Fit the CSAT and churn models on the stored history and store them for every replica (a kind with too little
    history is not trained: its note says why, and a model stored before stays). The read is audited.

    Raises:
        PermissionDenied: a role other than supervisor and admin.
        InvalidInput: ``now`` is not an ISO-8601 moment.
    """
    user = require(user, "predictions.train")
    moment = _moment(now)
    with services.uow() as uow:
        rows = as_of(uow.predictions.contacts(), moment)
        uow.audit.record(user.username, "train_predictors", "conversations", "*", f"{len(rows):,} conversations")
    sets = {"csat": _csat_set(rows, moment), "churn": _churn_set(rows, moment)}
    trained, notes, stored = {}, [], []
    for kind in KINDS:
        data = sets[kind]
        why = shortage(kind, data)
        cut = int(len(data.y) * (1 - TEST_SHARE))
        if not why and kind == "churn" and (len(set(data.y[:cut])) < 2 or len(set(data.y[cut:])) < 2):
            why = ("Too little history to predict churn: the older customers to train on or the newest held out "
                   "for testing all left or all stayed.")
        if not why:
            figures, split = heldout(kind, data)
        if why:
            notes.append(why)
            continue
        model = fit(kind, data.x, data.y)
        positives = int(sum(v <= UNHAPPY for v in data.y)) if kind == "csat" else int(sum(data.y))
        stored.append(StoredModel(kind, now_iso(), user.username,
                                  _payload(model, len(data.y), positives, split, figures)))
    with services.uow() as uow:
        for model_row in stored:
            uow.predictions.save_model(model_row)
        uow.audit.record(user.username, "store_predictors", "predictor_models", ",".join(m.kind for m in stored),
                         "; ".join(notes))
    for model_row in stored:
        loaded = load_model(model_row)
        if loaded:
            trained[model_row.kind] = loaded[1]
    return TrainingReport(trained, tuple(notes))


def _top(effects: dict[str, float], words: dict[str, str], unit: str) -> tuple[Factor, ...]:
    """The largest effects of the features present (a factor the conversation does not have is no reason)."""
    present = [(name, e) for name, e in effects.items() if words.get(name) and abs(e) >= 0.05]
    present.sort(key=lambda pair: -abs(pair[1]))
    return tuple(Factor(name, f"{words[name]} ({e:+.1f} {unit})", round(e, 3)) for name, e in present[:TOP_FACTORS])


def _present(values: Sequence[float], features: Sequence[str], words: dict[str, str]) -> dict[str, str]:
    """Plain words only for features with a value (a binary feature at 0 is not a reason)."""
    return {name: words.get(name, "") for name, v in zip(features, values, strict=True)
            if v or name in ("tier", "contacts")}


def predictions(services: Services, user: User, now: Any = None, limit: int = LIMIT) -> Predictions:
    """Predicted CSAT for open conversations and those started in the last RECENT_DAYS without a survey answer
    (worst first), and churn risk for the customers still here (riskiest first), each with its top factors; a note
    instead of a kind whose model is not trained. The read is audited.

    Raises:
        PermissionDenied: a role without analytics.read.
        InvalidInput: ``now`` is not an ISO-8601 moment.
    """
    user = require(user, "analytics.read")
    moment = _moment(now)
    limit = limit if isinstance(limit, int) and not isinstance(limit, bool) and 0 < limit <= 1000 else LIMIT
    with services.uow() as uow:
        rows = as_of(uow.predictions.contacts(), moment)
        models = {kind: load_model(uow.predictions.model(kind)) for kind in KINDS}
        uow.audit.record(user.username, "view_predictions", "customers", "*",
                         f"{len(rows):,} conversations scored; models: "
                         f"{', '.join(k for k, m in models.items() if m) or 'none'}")
    notes = [_untrained(kind, rows, moment) for kind, m in models.items() if m is None]
    csat: list[CsatPrediction] = []
    churn: list[ChurnRisk] = []
    recent = (moment - timedelta(days=RECENT_DAYS)).strftime("%Y-%m-%dT%H:%M:%SZ")
    if models["csat"]:
        model = models["csat"][0]
        seen: dict[int, list[str]] = defaultdict(list)
        for row in rows:
            if row.status in OPEN or (row.created_at >= recent and row.csat is None):
                x, words = csat_features(row, seen[row.customer_id], moment)
                effects = model.effects(x)
                csat.append(CsatPrediction(row.conversation_id, row.customer_id, row.channel, row.status,
                                           row.created_at, row.tier, round(model.predict(x), 2),
                                           _top(effects, _present(x, CSAT_FEATURES, words), "CSAT"), effects,
                                           model.base))
            seen[row.customer_id].append(row.created_at)
        csat.sort(key=lambda p: (p.predicted, p.created_at))
    if models["churn"]:
        model = models["churn"][0]
        for contacts in _by_customer(rows).values():
            if contacts[0].churned_at:
                continue
            x, words = churn_features(contacts)
            effects = model.effects(x)
            churn.append(ChurnRisk(contacts[0].customer_id, contacts[-1].tier, round(model.predict(x), 4),
                                   len(contacts), contacts[-1].conversation_id, contacts[-1].created_at,
                                   _top(effects, _present(x, CHURN_FEATURES, words), "risk"), contacts[-1].status,
                                   effects, model.base))
        churn.sort(key=lambda r: (-r.risk, r.customer_id))
    return Predictions(moment.strftime("%Y-%m-%dT%H:%M:%SZ"), models["csat"] and models["csat"][1],
                       models["churn"] and models["churn"][1], tuple(csat[:limit]), tuple(churn[:limit]),
                       tuple(notes), len(csat), len(churn))


def customer_risk(services: Services, user: User, conversation_id: Any) -> ChurnRisk | None:
    """The churn risk of the customer of a conversation this user may read, with its top factors (the agent
    workspace's customer panel); None when no churn model is stored or the customer has left. The read is audited.

    Raises:
        PermissionDenied: a role without conversation.read, or a conversation not theirs to read.
        NotFound, InvalidInput: no such conversation, or a malformed id.
    """
    from services.conversations import readable

    user = require(user, "conversation.read")
    conversation = readable(services, user, conversation_id)
    with services.uow() as uow:
        loaded = load_model(uow.predictions.model("churn"))
        contacts = uow.predictions.contacts(conversation.customer_id) if loaded else []
        uow.audit.record(user.username, "view_churn_risk", "customer", str(conversation.customer_id),
                         f"conversation {conversation.id}")
    if loaded is None or not contacts or contacts[0].churned_at:
        return None
    model = loaded[0]
    x, words = churn_features(contacts)
    effects = model.effects(x)
    return ChurnRisk(conversation.customer_id, contacts[-1].tier, round(model.predict(x), 4), len(contacts),
                     contacts[-1].conversation_id, contacts[-1].created_at,
                     _top(effects, _present(x, CHURN_FEATURES, words), "risk"), contacts[-1].status, effects,
                     model.base)


def _untrained(kind: str, rows: Sequence[ContactRow], now: datetime) -> str:
    why = shortage(kind, _csat_set(rows, now) if kind == "csat" else _churn_set(rows, now))
    name = "CSAT" if kind == "csat" else "churn"
    return why or (f"No {name} model is trained yet: a supervisor or admin runs `python -m services train-predictors` "
                   "(or Train on this page).")
