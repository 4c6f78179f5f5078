"""`python -m services api-key`: a key is printed once and only its hash is stored; list never shows a key; revoke
refuses it (the command runs the use case as the CLI admin, audited under "cli")."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from services import api_keys
from services.bootstrap import build_services
from services.cli import main
from services.config import Settings


@pytest.fixture
def db(tmp_path, monkeypatch):
    path = tmp_path / "frontline.db"
    monkeypatch.setenv("FRONTLINE_DB_PATH", str(path))
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_create_prints_the_key_once_and_stores_only_its_hash(db, capsys):
    code, out, _ = run(capsys, "api-key", "create", "shop-web", "--rate-per-minute", "120")
    created = json.loads(out)
    assert code == 0 and created["key"].startswith("fl_") and created["rate_per_minute"] == 120
    with sqlite3.connect(db) as conn:
        dump = "\n".join(conn.iterdump())
    assert created["key"] not in dump and api_keys.hash_key(created["key"]) in dump
    code, out, _ = run(capsys, "api-key", "list")
    assert code == 0 and created["key"] not in out
    assert [(k["name"], k["prefix"]) for k in json.loads(out)] == [("shop-web", created["key"][:10])]
    services = build_services(Settings(db_path=str(db)))
    assert api_keys.admit(services, created["key"]).name == "shop-web"
    with services.uow() as uow:
        assert [(e.actor, e.action) for e in uow.audit.trail("api_key", "shop-web")] == [("cli", "create_api_key")]


def test_revoke_and_bad_input_are_clear(db, capsys):
    run(capsys, "api-key", "create", "shop-web")
    assert run(capsys, "api-key", "create", "shop-web")[0] == 2  # the name is taken
    code, _, err = run(capsys, "api-key", "create", "Shop Web!")
    assert code == 2 and "lower-case letters" in err
    code, _, err = run(capsys, "api-key", "create", "x", "--rate-per-minute", "0")
    assert code == 2 and "rate_per_minute" in err
    code, out, _ = run(capsys, "api-key", "revoke", "shop-web")
    assert code == 0 and json.loads(out)["revoked_at"]
    code, _, err = run(capsys, "api-key", "revoke", "nope")
    assert code == 2 and "not found" in err


def test_create_if_missing_leaves_an_existing_key_alone_and_shows_no_key(db, capsys):
    first = json.loads(run(capsys, "api-key", "create", "demo-shop", "--widget", "--if-missing")[1])
    code, out, _ = run(capsys, "api-key", "create", "demo-shop", "--widget", "--if-missing")
    again = json.loads(out)
    assert first["widget"] is True and "key" in first
    assert code == 0 and "key" not in again and again["prefix"] == first["prefix"]


def test_the_api_command_refuses_a_bad_configuration_clearly(tmp_path):
    env = {**os.environ, "FRONTLINE_DB_PATH": str(tmp_path / "f.db"), "FRONTLINE_DATABASE_URL": "mysql://x@y/z"}
    done = subprocess.run([sys.executable, "-m", "api", "--port", "1"], env=env, capture_output=True, text=True,
                          timeout=60, cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 2 and "database_url" in done.stderr and "Traceback" not in done.stderr
