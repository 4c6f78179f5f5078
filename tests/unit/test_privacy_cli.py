"""`python -m services privacy export|erase|retention` (services/cli/privacy.py) on a SQLite file: what an operator
types and reads. The data rules themselves are tested on both engines in tests/contracts/test_data_rights.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from services.bootstrap import build_services
from services.cli import main
from services.config import Settings
from services.models import Conversation, Customer, Message
from tests.repos import repos

DANA = Customer(0, "Dana Reyes", "dana.reyes@example.com", "+44 113 496 0000", "gold", 10.0, "2024-01-01", "Leeds")
AT = "2026-01-05T09:00:00Z"


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "frontline.db"
    monkeypatch.setenv("FRONTLINE_DB_PATH", str(path))
    store = repos(build_services(Settings(db_path=str(path))))
    who = store.customers.add(DANA)
    talk = store.conversations.add(Conversation(0, who.id, "chat", "open", "Refund", AT, AT))
    store.conversations.append_message(Message(0, talk.id, "customer", "", "I am Dana Reyes, call +44 113 496 0000",
                                               "I am [PERSON], call [PHONE]", AT))
    store.conversations.update(talk.id, status="resolved")  # resolved now
    return path


def _line(capsys: pytest.CaptureFixture[str]) -> dict:
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1, out
    return json.loads(out[0])


def test_export_prints_the_customers_data_or_writes_it_to_a_file(db, capsys, tmp_path):
    assert main(["privacy", "export", "1"]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert exported["customer"]["email"] == DANA.email
    assert [m["text"] for m in exported["tables"]["messages"]] == ["I am Dana Reyes, call +44 113 496 0000"]
    assert main(["privacy", "export", "1", "--out", str(tmp_path / "dana.json")]) == 0
    # the second export holds one row more: the audit entry of the first
    assert _line(capsys)["rows"] == sum(len(rows) for rows in exported["tables"].values()) + 1
    assert json.loads((tmp_path / "dana.json").read_text())["customer"]["name"] == DANA.name


def test_erase_prints_one_json_line_and_the_data_is_gone(db, capsys):
    assert main(["privacy", "erase", "1", "--yes"]) == 0
    result = _line(capsys)
    assert (result["erased"], result["messages"], result["wal_checkpoint"]) == (1, 1, "complete")
    raw = db.read_bytes()
    assert b"Dana Reyes" not in raw and b"dana.reyes@example.com" not in raw and b"496 0000" not in raw


def test_an_unknown_or_malformed_id_is_a_clear_error_and_changes_nothing(db, capsys):
    before = db.read_bytes()
    assert main(["privacy", "erase", "999", "--yes"]) == 2
    assert capsys.readouterr().err.strip() == "error: customer 999 not found"
    assert main(["privacy", "export", "ada"]) == 2
    assert "customer id must be a positive whole number" in capsys.readouterr().err
    assert db.read_bytes() == before


def test_retention_prints_one_json_line_and_is_off_unless_configured(db, capsys):
    assert main(["privacy", "retention"]) == 0
    assert _line(capsys)["status"] == "off"
    assert main(["privacy", "retention", "--days", "30", "--dry-run"]) == 0
    assert _line(capsys)["conversations"] == 0  # resolved today
    later = ["privacy", "retention", "--days", "30", "--now", "2099-01-01T00:00:00Z"]
    assert main([*later, "--dry-run"]) == 0
    assert _line(capsys)["conversations"] == 1
    assert main(later) == 0
    done = _line(capsys)
    assert (done["conversations"], done["changed"]["messages"], done["wal_checkpoint"]) == (1, 1, "complete")
    assert main(later) == 0
    assert _line(capsys)["conversations"] == 0
    assert b"Dana Reyes, call" not in db.read_bytes()
    assert main(["privacy", "retention", "--days", "-1"]) == 2
    assert "retention days must be a whole number from 0 (off)" in capsys.readouterr().err
