"""Our training examples are our own: none shares 8 or more consecutive words with any row of the shared data sets.

The shared evaluation data (../shared/data, or $FRONTLINE_SHARED_DATA) must never become training data for the
default models, not even by copying or closely paraphrasing a message. Skipped when the data is absent, except
under CI=true.
"""

from __future__ import annotations

import csv
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from tests.conftest import PROJECT_ROOT, SHARED_DATA

WINDOW = 8
EXAMPLE_DIRS = ("intents", "sentiment")
WORD = re.compile(r"\w+")
TEXT_SUFFIXES = {".json", ".csv", ".tsv"}


def shared_root() -> Path:
    root = Path(os.environ.get("FRONTLINE_SHARED_DATA") or SHARED_DATA)
    if not root.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"shared data missing under CI: {root}")
        pytest.skip(f"shared data not present: {root}")
    return root


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def grams(tokens: list[str]) -> Iterator[tuple[str, ...]]:
    return (tuple(tokens[i:i + WINDOW]) for i in range(len(tokens) - WINDOW + 1))


def our_examples() -> dict[tuple[str, ...], str]:
    """Every 8-word window of every example in data/intents and data/sentiment -> the file:example it comes from."""
    found: dict[tuple[str, ...], str] = {}
    for folder in EXAMPLE_DIRS:
        for path in sorted((PROJECT_ROOT / "data" / folder).glob("*.yaml")):
            for example in yaml.safe_load(path.read_text(encoding="utf-8")).get("examples") or []:
                for gram in grams(words(str(example))):
                    found.setdefault(gram, f"{folder}/{path.name}: {example}")
    return found


def strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


def shared_rows(root: Path) -> Iterator[tuple[Path, str]]:
    """Every text field of every JSON / CSV / TSV file of the shared data (any encoding read leniently)."""
    for path in sorted(p for p in root.rglob("*") if p.suffix.lower() in TEXT_SUFFIXES and p.is_file()):
        raw = path.read_bytes().decode("utf-8", errors="replace")
        if path.suffix.lower() == ".json":
            for text in strings(json.loads(raw)):
                yield path, text
            continue
        delimiter = "\t" if path.suffix.lower() == ".tsv" else (";" if raw.count(";") > raw.count(",") else ",")
        for row in csv.reader(raw.splitlines(), delimiter=delimiter):
            yield from ((path, field) for field in row if len(field) > 30)


def test_no_training_example_shares_eight_words_with_a_shared_data_set_row() -> None:
    root = shared_root()
    ours = our_examples()
    assert len(ours) > 1000, "expected thousands of 8-word windows in our examples"
    clashes = set()
    for path, text in shared_rows(root):
        tokens = words(text)
        if len(tokens) < WINDOW:
            continue
        for gram in grams(tokens):
            if gram in ours:
                clashes.add(f"{ours[gram]}  <->  {path.relative_to(root)}: {' '.join(gram)}")
    assert not clashes, "examples that copy a public data-set row:\n" + "\n".join(sorted(clashes))


def test_the_check_catches_a_copied_row(tmp_path: Path) -> None:
    """The detector itself: an example that copies 8 words of a row is found, one that shares 7 is not."""
    row = "my parcel was meant to arrive on monday and it still has not come"
    copied = words("hi there " + " ".join(row.split()[2:10]) + " thanks")
    near = words(" ".join(row.split()[:7]) + " eventually")
    shared = set(grams(words(row)))
    assert any(g in shared for g in grams(copied))
    assert not any(g in shared for g in grams(near))
