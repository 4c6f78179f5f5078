"""The cross-language search benchmark's queries (bench/data/kb_languages.json) name seeded articles that exist."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_benchmark_has_at_least_thirty_queries_in_spanish_french_and_german_on_existing_articles():
    rows = json.loads((ROOT / "bench/data/kb_languages.json").read_text(encoding="utf-8"))["queries"]
    slugs = {path.stem for path in (ROOT / "data/kb").glob("*.md")}
    assert len(rows) >= 30 and set(Counter(r["language"] for r in rows)) == {"es", "fr", "de"}
    assert all(r["slugs"] and set(r["slugs"]) <= slugs for r in rows)
    assert len({r["query"] for r in rows}) == len(rows)
