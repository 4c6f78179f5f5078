"""`python -m services eval-kb --faq FILE`: StackFAQ-shaped threads become articles in a throw-away database and the
paraphrased questions must find their own thread (issue 17, item 3). A small file written here; the real data set
runs in docs/benchmarks.md, not in the tests."""

from __future__ import annotations

import json

import pytest

from services.cli import main

THREADS = [
    {"question": "How do I reset my router?", "answer": ["Hold the reset button on the back of the router for ten "
                                                         "seconds until the lights blink, then wait two minutes."],
     "rephr": ["router needs a factory reset, how", "how to reset the wifi router"]},
    {"question": "Can I get a refund for a cancelled flight?", "answer": "Airlines must refund a cancelled flight "
     "to the original card within seven days; vouchers are optional.", "rephr": ["money back for cancelled flight"]},
    {"question": "Why is my sourdough bread dense?", "answer": ["An under-proofed dough or a weak starter makes a "
                                                                "dense loaf; let it rise longer in a warm place."],
     "rephr": ["sourdough loaf comes out heavy and dense", "*"]},
]


@pytest.fixture
def faq(tmp_path):
    path = tmp_path / "faq.json"
    path.write_text(json.dumps({"root": {"qapair": THREADS}}), encoding="utf-8")
    return path


@pytest.mark.parametrize("mode", ["hybrid", "bm25", "vector"])
def test_eval_kb_prints_one_json_line_of_recall_and_mrr(faq, tmp_path, monkeypatch, capsys, mode):
    monkeypatch.chdir(tmp_path)  # nothing of the project's database is touched
    assert main(["eval-kb", "--faq", str(faq), "--mode", mode]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1
    result = json.loads(lines[0])
    assert result["n"] == 4 and result["articles"] == 3 and result["mode"] == mode  # "*" is not a question
    assert result["recall_at_5"] == 1.0 and result["recall_at_1"] >= 0.75 and result["mrr"] >= 0.75
    assert not list(tmp_path.glob("**/*.db"))  # the throw-away database is gone


def test_eval_kb_reports_a_file_that_is_not_stackfaq(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text('{"rows": []}', encoding="utf-8")
    assert main(["eval-kb", "--faq", str(bad)]) == 2
    assert "not a StackFAQ JSON file" in capsys.readouterr().err
    assert main(["eval-kb", "--faq", str(tmp_path / "missing.json")]) == 2
    assert "cannot read the FAQ file" in capsys.readouterr().err
