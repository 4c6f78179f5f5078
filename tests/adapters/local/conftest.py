"""Fixtures the local adapters' test files share."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def detector():
    """The default PII detector (Presidio + our rules), one per test module (test_language.py has a detector of its
    own, which wins there)."""
    from services.adapters.local.pii_presidio import PresidioPiiDetector

    return PresidioPiiDetector()


@pytest.fixture(scope="module")
def rules():
    """The PII detector without the CRF tagger (Presidio + our rules), as `PresidioPiiDetector()` builds it."""
    from services.adapters.local.pii_presidio import PresidioPiiDetector

    return PresidioPiiDetector()


@pytest.fixture(scope="module")
def tagged():
    """The PII detector with the CRF tagger and the learned check of PERSON spans, as the app serves it by default."""
    from services.adapters.local.pii_presidio import PresidioPiiDetector

    return PresidioPiiDetector(crf=True, person_check=True)


@pytest.fixture(scope="session")
def labelled_person_words() -> dict[str, frozenset[str]]:
    """Every word, lower-cased, inside a labelled PERSON span of every set in tests/data/pii: "tokens" as written, with
    their apostrophes and hyphens ("dong-hyun"), "letters", letter run by letter run ("dong", "hyun"), and
    "lower_tokens", the tokens of the spans written wholly in lower case ("salamat po maria") — a word list that must
    hold no part of a name is checked against the form its filter reads (test_pii_function_words.py reads the
    lower-case spans' tokens: its filter leaves a capitalised span alone; test_pii_firm_words.py letter runs)."""
    tokens: set[str] = set()
    letters: set[str] = set()
    lower_tokens: set[str] = set()
    for path in (Path(__file__).parents[2] / "data" / "pii").glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            for span in row["pii"]:
                if span["kind"] == "PERSON":
                    written = row["text"][span["start"]:span["end"]]
                    value = written.lower()
                    tokens.update(re.findall(r"[^\W\d_][\w'’-]*", value))
                    letters.update(re.findall(r"[^\W\d_]+", value))
                    if written.islower():
                        lower_tokens.update(re.findall(r"[^\W\d_][\w'’-]*", value))
    return {"tokens": frozenset(tokens), "letters": frozenset(letters), "lower_tokens": frozenset(lower_tokens)}
