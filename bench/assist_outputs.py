"""What the assist pipeline answers, message by message, so that a speed-up can be shown to change nothing: one JSON line.

    python bench/assist_outputs.py [--n 2000] [--follow-ups 300] [--out FILE.jsonl] [--diff OTHER.jsonl]

Seeds a demo database in a temporary folder, then analyses bench/assist.py's first --n messages and --follow-ups
conversation-style follow-ups: the rows of bench/data/intent_followups.csv (earlier message, next message), then
bench/assist.py's messages as the earlier message of the CSV's next messages in turn, every other one with a seeded
customer's context (their name for PII, their orders). Per message it writes (to --out, one JSON object a line) the
whole Analysis but its timings and provider, floats rounded to 6 decimals: intent label, confidence, second intent,
basis and ranking, sentiment label and scores, emotions, PII spans, masked text, entities, escalation, KB article ids
and scores, suggestion texts. The printed line has the counts, a sha256 of the file and, with --diff (a file written
by another checkout), how many messages differ and the first differences, split into those where only a number moved
by at most 1e-4 ("close") and the rest.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from assist import messages  # noqa: E402 - bench/assist.py's generated messages

from services import assist  # noqa: E402
from services.bootstrap import build_services  # noqa: E402
from services.config import Settings  # noqa: E402

FOLLOW_UPS_CSV = ROOT / "bench" / "data" / "intent_followups.csv"


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 6)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_rounded(v) for v in value]
    return value


def outputs(analysis: Any) -> dict[str, Any]:
    data = analysis.to_dict()
    data.pop("timings_ms", None)
    data.pop("provider", None)
    data["intent"]["ranking"] = [list(r) for r in analysis.intent.ranking]
    data["kb"] = [{"article_id": h.article_id, "title": h.title, "score": h.score, "highlights": h.highlights}
                  for h in analysis.kb]
    data["suggestions"] = [{"text": s.text, "source": s.source, "score": s.score, "facts": s.facts}
                           for s in analysis.suggestions]
    return _rounded(data)


def cases(n: int, follow_ups: int) -> list[dict[str, Any]]:
    """The messages analysed: (id, text, channel, earlier text, customer id or None)."""
    out: list[dict[str, Any]] = [{"id": f"m{i}", "text": t, "channel": c, "earlier": "", "customer": None}
                                 for i, (t, c) in enumerate(messages(n))]
    with open(FOLLOW_UPS_CSV, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    earlier_pool = messages(follow_ups, seed=11)
    for k in range(follow_ups):
        row = rows[k % len(rows)]
        earlier = row["earlier"] if k < len(rows) else earlier_pool[k][0]
        out.append({"id": f"f{k}", "text": row["message"], "channel": ("chat", "email", "social", "voice")[k % 4],
                    "earlier": earlier, "customer": 1 + (k // 2) % 20 if k % 2 else None})
    return out


def diff(mine: list[dict[str, Any]], other: list[dict[str, Any]], limit: int = 20) -> dict[str, Any]:
    close: list[str] = []
    changed: list[str] = []

    def walk(a: Any, b: Any, path: str) -> None:
        if isinstance(a, dict) and isinstance(b, dict):
            for key in sorted(set(a) | set(b)):
                walk(a.get(key), b.get(key), f"{path}.{key}")
        elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
            for i, (x, y) in enumerate(zip(a, b, strict=True)):
                walk(x, y, f"{path}[{i}]")
        elif a != b:
            numbers = all(isinstance(v, int | float) and not isinstance(v, bool) for v in (a, b))
            (close if numbers and abs(a - b) <= 1e-4 else changed).append(f"{path}: {b!r} -> {a!r}")

    by_id = {row["id"]: row for row in other}
    for row in mine:
        walk(row, by_id.get(row["id"]), row["id"])
    return {"close": len(close), "changed": len(changed), "first_close": close[:limit], "first_changed": changed[:limit]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--follow-ups", type=int, default=300)
    parser.add_argument("--out", default="")
    parser.add_argument("--diff", default="", help="a file written by --out of another checkout")
    args = parser.parse_args()
    from services.seed import seed_demo

    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(db_path=f"{folder}/outputs.db", data_key_file=f"{folder}/keys")
        seed_demo(build_services(settings))
        services = build_services(settings)
        rows = []
        for case in cases(args.n, args.follow_ups):
            context = None
            if case["customer"] is not None:
                context = assist.context_for(services, case["customer"], message_stored=False)
            if case["earlier"]:
                context = replace(context or assist.CustomerContext(), earlier_text=case["earlier"])
            analysis = assist.analyze_message(services, case["text"], case["channel"], context)
            rows.append({"id": case["id"], **outputs(analysis)})
    lines = [json.dumps(row, ensure_ascii=False, sort_keys=True) for row in rows]
    body = "\n".join(lines) + "\n"
    if args.out:
        Path(args.out).write_text(body, encoding="utf-8")
    line: dict[str, Any] = {"messages": args.n, "follow_ups": args.follow_ups,
                            "read_with_earlier": sum(r["intent"]["basis"] == "conversation" for r in rows),
                            "sha256": hashlib.sha256(body.encode()).hexdigest()[:16]}
    if args.diff:
        other = [json.loads(x) for x in Path(args.diff).read_text(encoding="utf-8").splitlines() if x]
        line["diff"] = diff(rows, other)
        line["differing_messages"] = sum(a != b for a, b in zip(rows, other, strict=False))
    print(json.dumps(line, ensure_ascii=False))


if __name__ == "__main__":
    main()
