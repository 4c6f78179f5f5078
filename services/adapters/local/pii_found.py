"""What the name finders of sessions 33-36 yield: each (start, end) once, non-empty, at most a cap a message."""

from __future__ import annotations

from collections.abc import Iterable, Iterator


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
