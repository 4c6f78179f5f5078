"""How well PII masking finds what it must and leaves what it must not (``python -m services eval-pii``).

A labelled file is JSONL, one message a line::

    {"text": "...", "pii": [{"kind": "EMAIL", "start": 10, "end": 24}], "keep": [{"kind": "ORDER", "start": ...}],
     "known_names": ["Ana García"]}

``pii`` spans must be masked, ``keep`` spans must not be touched (order and tracking numbers, dates, amounts…);
``known_names`` (optional) is the customer's name from the CRM, which the pipeline knows too. Each message goes
through the same detection the pipeline runs (``assist.detect_pii``: the configured detector plus the known names).

Figures (masking is what counts, so the kind a span was given does not matter for recall and precision):
- ``recall_full``: share of ``pii`` spans whose every character (less edge spaces and punctuation) is masked;
- ``recall_partial``: share of ``pii`` spans with at least one character masked;
- ``precision``: share of detected spans that overlap a ``pii`` span;
- ``keep_violations``: ``keep`` spans with at least one character masked (the target is 0);
- ``per_kind``: recall_full/recall_partial/n by labelled kind, precision/n by detected kind;
- ``ms_mean``/``ms_p95``: detection time per message, after a first (loading) call whose time is ``load_ms``.
"""

from __future__ import annotations

import json
import os
import statistics
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from services.errors import InvalidInput
from services.models import PiiSpan

EDGE = " \t\r\n.,;:!?'\"()[]"
MAX_LINES = 100_000


@dataclass(frozen=True)
class Labelled:
    text: str
    pii: tuple[tuple[str, int, int], ...]
    keep: tuple[tuple[str, int, int], ...]
    known_names: tuple[str, ...] = ()
    line: int = 0


def _spans(raw: Any, text: str, where: str) -> tuple[tuple[str, int, int], ...]:
    if not isinstance(raw, list):
        raise InvalidInput(f"{where}: must be a list of {{kind, start, end}}")
    out = []
    for item in raw:
        if not isinstance(item, dict) or not isinstance(item.get("kind"), str) or not all(
                isinstance(item.get(k), int) and not isinstance(item.get(k), bool) for k in ("start", "end")):
            raise InvalidInput(f"{where}: each span needs a kind (text) and integer start and end; got {item!r}")
        if not 0 <= item["start"] < item["end"] <= len(text):
            raise InvalidInput(f"{where}: span {item!r} is outside the text ({len(text)} characters)")
        out.append((item["kind"], item["start"], item["end"]))
    return tuple(out)


def load_jsonl(path: Path) -> list[Labelled]:
    """The labelled messages of a JSONL file.

    Raises:
        InvalidInput: a missing or unreadable file, a line that is not such a JSON object, spans outside the text.
    """
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise InvalidInput(f"cannot read {path}: {e}") from None
    if len(lines) > MAX_LINES:
        raise InvalidInput(f"{path} has {len(lines):,} lines; at most {MAX_LINES:,} are read")
    examples = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            raise InvalidInput(f"{where}: not JSON ({e.msg})") from None
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            raise InvalidInput(f"{where}: each line is an object with a text")
        names = row.get("known_names") or []
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise InvalidInput(f"{where}: known_names must be a list of names")
        text = row["text"]
        examples.append(Labelled(text, _spans(row.get("pii", []), text, where), _spans(row.get("keep", []), text, where),
                                 tuple(names), number))
    if not examples:
        raise InvalidInput(f"{path} holds no labelled message")
    return examples


def _core(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in EDGE:
        start += 1
    while end > start and text[end - 1] in EDGE:
        end -= 1
    return start, end


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 1.0


def score(examples: Sequence[Labelled], detected: Sequence[Sequence[PiiSpan]]) -> dict[str, Any]:
    """The figures of the module's docstring for detected spans, one list per example."""
    gold_n = full = partial = predicted_n = predicted_ok = violations = 0
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # n, full, partial
    by_detected: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # n, overlapping a pii span
    errors: list[dict[str, Any]] = []
    for example, spans in zip(examples, detected, strict=True):
        masked = bytearray(len(example.text))
        for s in spans:
            masked[s.start:s.end] = b"\x01" * (s.end - s.start)
        for kind, start, end in example.pii:
            start, end = _core(example.text, start, end)
            chars = [masked[i] for i in range(start, end) if not example.text[i].isspace()]
            is_full, is_partial = all(chars), any(chars)
            gold_n += 1
            full += is_full
            partial += is_partial
            counts = by_kind[kind]
            counts[0] += 1
            counts[1] += is_full
            counts[2] += is_partial
            if not is_full:
                errors.append({"line": example.line, "miss": kind, "value": example.text[start:end],
                               "masked": [example.text[s.start:s.end] for s in spans]})
        for s in spans:
            ok = any(s.start < end and start < s.end for _, start, end in example.pii)
            predicted_n += 1
            predicted_ok += ok
            by_detected[s.kind][0] += 1
            by_detected[s.kind][1] += ok
            if not ok:
                errors.append({"line": example.line, "false_positive": s.kind, "value": example.text[s.start:s.end]})
        for kind, start, end in example.keep:
            if any(masked[start:end]):
                violations += 1
                errors.append({"line": example.line, "keep_violation": kind, "value": example.text[start:end]})
    per_kind: dict[str, dict[str, Any]] = {}
    for kind, (n, f, p) in sorted(by_kind.items()):
        per_kind[kind] = {"n": n, "recall_full": _ratio(f, n), "recall_partial": _ratio(p, n)}
    for kind, (n, right) in sorted(by_detected.items()):
        per_kind.setdefault(kind, {}).update({"detected": n, "precision": _ratio(right, n)})
    return {"messages": len(examples), "pii_spans": gold_n, "recall_full": _ratio(full, gold_n),
            "recall_partial": _ratio(partial, gold_n), "precision": _ratio(predicted_ok, predicted_n),
            "keep_violations": violations, "per_kind": per_kind, "errors": errors}


def evaluate(services: Any, examples: Sequence[Labelled]) -> dict[str, Any]:
    """Detect PII in every example the way the pipeline does, and score it (plus timings and the load average)."""
    from services.assist import detect_pii

    started = time.perf_counter()
    detect_pii(services, "Warm-up: Ana García, ana@example.com, +44 20 7946 0958")
    load_ms = (time.perf_counter() - started) * 1000
    detected, timings = [], []
    for example in examples:
        started = time.perf_counter()
        detected.append(detect_pii(services, example.text, list(example.known_names)).spans)
        timings.append((time.perf_counter() - started) * 1000)
    result = score(examples, detected)
    timings.sort()
    result.update({"load_ms": round(load_ms, 1), "ms_mean": round(statistics.fmean(timings), 2),
                   "ms_p95": round(timings[min(len(timings) - 1, int(0.95 * len(timings)))], 2),
                   "loadavg": os.getloadavg()[0]})
    return result
