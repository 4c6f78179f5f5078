"""What the name finders of sessions 33-36 yield: each (start, end) once, non-empty, at most a cap a message; and how
the finders that run after the learned PERSON check add their names back (:func:`add_back`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from services.models import PiiSpan


def unique_persons(found: Iterable[tuple[int, int]], cap: int, score: float) -> Iterator[tuple[str, int, int, float]]:
    """PERSON spans of the (start, end) pairs in order, each once, empty ones skipped, stopping after ``cap``."""
    seen: set[tuple[int, int]] = set()
    for start, end in found:
        if end <= start or (start, end) in seen:
            continue
        seen.add((start, end))
        yield "PERSON", start, end, score
        if len(seen) >= cap:
            return


def add_back(spans: list[PiiSpan], found: Iterable[tuple[int, int]], keep: Iterable[tuple[int, int]],
             gives_way: Callable[[PiiSpan, int, int], bool], score: float, kind: str = "PERSON") -> list[PiiSpan]:
    """The spans with each (start, end) of ``found`` added as a ``kind`` span where no kept value lies there and every
    span over it gives way to it (``gives_way(span, start, end)``: it is replaced); where one does not, the value is
    masked already or another kind of value lies there, and the spans stand. The added span keeps the highest score
    of those it replaces."""
    keep = list(keep)
    extra = []
    for start, end in found:
        if any(a < end and start < b for a, b in keep):
            continue
        over = [s for s in spans if s.start < end and start < s.end]
        if over and not all(gives_way(s, start, end) for s in over):
            continue
        spans = [s for s in spans if s not in over]
        extra.append(PiiSpan(kind, start, end, max([score] + [s.score for s in over])))
    return sorted(spans + extra, key=lambda s: (s.start, s.end)) if extra else spans


def inside_person(span: PiiSpan, start: int, end: int) -> bool:
    """Whether a span is a PERSON span inside [start, end) and not all of it ("Joonas" of "Virtanen, Joonas")."""
    return span.kind == "PERSON" and start <= span.start and span.end <= end and (span.start, span.end) != (start, end)
