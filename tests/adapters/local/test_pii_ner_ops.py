"""The NER pass multiplies with numpy's BLAS rather than the bundled BLIS (session 18: BLIS runs its generic reference
kernel on CPUs it does not know, such as AMD Zen 5, ~30 % of the NER time). Not the same floats; the same entities —
here on every labelled text of a few of our sets, against the model loaded as spaCy loads it by default."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from services.adapters.local import pii_presidio

SETS = ["dev", "blind20b", "blind21c", "blind22"]
ROOT = Path(__file__).resolve().parents[3]


def texts() -> list[str]:
    found = []
    for name in SETS:
        with (ROOT / "tests" / "data" / "pii" / f"{name}.jsonl").open(encoding="utf-8") as f:
            found += [json.loads(line)["text"] for line in f if line.strip()]
    return found


@pytest.fixture(scope="module")
def served():
    return pii_presidio._analyzer()[1]


def test_the_served_ner_multiplies_with_numpy_not_blis(served):
    ops = served.get_pipe("ner").model.ops
    assert type(ops).__name__ == "NumpyOps" and ops.use_blis is False


def test_the_served_ner_finds_what_the_default_blis_build_finds(served):
    import spacy

    default = spacy.load(pii_presidio.NER_MODEL, exclude=["tok2vec", "tagger", "parser", "attribute_ruler",
                                                          "lemmatizer", "senter"])
    assert default.get_pipe("ner").model.ops.use_blis is True  # the comparison is against something else
    sample = texts()
    assert len(sample) > 500
    differing = [t for t in sample
                 if [(e.label_, e.start_char, e.end_char) for e in served(t).ents]
                 != [(e.label_, e.start_char, e.end_char) for e in default(t).ents]]
    assert differing == []
