"""`python -m services verify-audit`: one JSON line; exit code 0 while the chain holds, 1 once a row was changed,
2 for a malformed anchor."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from services.bootstrap import build_services
from services.cli import main
from services.config import Settings

ROOT = Path(__file__).resolve().parents[2]


def _seeded(tmp_path: Path, monkeypatch) -> Path:
    db = tmp_path / "frontline.db"
    monkeypatch.setenv("FRONTLINE_DB_PATH", str(db))
    monkeypatch.setenv("FRONTLINE_BACKEND", "local")
    with build_services(Settings(db_path=str(db))).uow() as uow:
        for i in range(3):
            uow.audit.record("sam", "read", "customer", str(i), f"viewed customer {i}")
    return db


def test_exit_0_and_one_json_line_while_the_chain_holds(tmp_path, monkeypatch, capsys):
    _seeded(tmp_path, monkeypatch)
    assert main(["verify-audit"]) == 0
    line = json.loads(capsys.readouterr().out)
    assert {k: line[k] for k in ("entries", "ok", "first_bad_id", "redacted", "head_id")} == {
        "entries": 3, "ok": True, "first_bad_id": None, "redacted": 0, "head_id": 3}
    assert len(line["head_hash"]) == 64
    assert main(["verify-audit", "--anchor", f"3:{line['head_hash']}"]) == 0


def test_exit_1_naming_the_first_changed_row_and_2_for_a_bad_anchor(tmp_path, monkeypatch, capsys):
    db = _seeded(tmp_path, monkeypatch)
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("DROP TRIGGER audit_log_refuses_update")
    conn.execute("UPDATE audit_log SET entity_id = '99' WHERE id = 2")
    conn.close()
    assert main(["verify-audit"]) == 1
    line = json.loads(capsys.readouterr().out)
    assert (line["ok"], line["first_bad_id"], line["entries"]) == (False, 2, 3)
    assert main(["verify-audit", "--anchor", "nonsense"]) == 2
    assert "the anchor must be ID:HASH" in capsys.readouterr().err


def test_the_command_runs_as_a_module(tmp_path):
    env = {**os.environ, "FRONTLINE_DB_PATH": str(tmp_path / "frontline.db"), "FRONTLINE_BACKEND": "local"}
    done = subprocess.run([sys.executable, "-m", "services", "verify-audit"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) | {"head_hash": ""} == {"entries": 0, "ok": True, "first_bad_id": None,
                                                         "redacted": 0, "head_id": None, "head_hash": ""}
