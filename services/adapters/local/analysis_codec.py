"""An Analysis as the JSON kept in analyses.payload, and back (the documented keys of `analyze --json`)."""

from __future__ import annotations

import json
from typing import Any

from services.models import (
    Analysis,
    Entity,
    Escalation,
    InjectionCheck,
    Intent,
    KbHit,
    PiiSpan,
    Sentiment,
    Suggestion,
)


def to_dict(analysis: Analysis) -> dict[str, Any]:
    return analysis.to_dict()


def to_json(analysis: Analysis) -> str:
    return json.dumps(to_dict(analysis), sort_keys=True)


def from_dict(data: dict[str, Any]) -> Analysis:
    intent = data.get("intent") or {}
    sentiment = data.get("sentiment") or {}
    escalation = data.get("escalation") or {}
    injection = data.get("injection") or {}
    return Analysis(
        intent=Intent(intent.get("label", ""), float(intent.get("confidence", 0.0)),
                      tuple((str(label), float(score)) for label, score in intent.get("ranking", ())),
                      intent.get("secondary"), intent.get("secondary_confidence"), str(intent.get("basis") or "")),
        sentiment=Sentiment(sentiment.get("label", ""), dict(sentiment.get("scores") or {})),
        emotions=dict(data.get("emotions") or {}),
        entities=tuple(Entity(**e) for e in data.get("entities", ())),
        pii=tuple(PiiSpan(**p) for p in data.get("pii", ())),
        masked_text=data.get("masked_text", ""),
        language=data.get("language", ""),
        escalation=Escalation(bool(escalation.get("escalate")), float(escalation.get("score", 0.0)),
                              tuple(escalation.get("reasons", ()))),
        suggestions=tuple(Suggestion(**{**s, "facts": tuple(s.get("facts", ()))}) for s in data.get("suggestions", ())),
        kb=tuple(KbHit(**k) for k in data.get("kb", ())),
        provider=data.get("provider", ""),
        timings_ms=dict(data.get("timings_ms") or {}),
        degraded=bool(data.get("degraded", False)),
        notices=tuple(data.get("notices", ())),
        injection=InjectionCheck(bool(injection.get("flagged")), float(injection.get("score", 0.0)),
                                 tuple(injection.get("reasons", ())), tuple(injection.get("codes", ()))))


def from_json(payload: str) -> Analysis:
    return from_dict(json.loads(payload))
