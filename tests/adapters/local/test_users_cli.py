"""Issue 14.10: `users --add` reads the password from a prompt or stdin, never from the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from services import auth
from services.bootstrap import build_services
from services.config import Settings
from tests.repos import repos

ROOT = Path(__file__).resolve().parents[3]


def _users(db: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    env = {**os.environ, "FRONTLINE_DB_PATH": str(db), "FRONTLINE_BACKEND": "local"}
    return subprocess.run([sys.executable, "-m", "services", "users", *args], cwd=ROOT, env=env, input=stdin,
                          capture_output=True, text=True, timeout=120)


def test_users_add_reads_the_password_from_stdin_and_refuses_it_in_argv(tmp_path):
    db = tmp_path / "frontline.db"
    refused = _users(db, "--add", "kim", "--role", "agent", "--password", "kims-password")
    assert refused.returncode != 0 and "unrecognized arguments: --password" in refused.stderr
    created = _users(db, "--add", "kim", "--role", "agent", stdin="kims-password\n")
    assert created.returncode == 0, created.stderr
    assert json.loads(created.stdout) == {"created": "kim", "role": "agent"}
    services = build_services(Settings(db_path=str(db)))
    assert [(e.actor, e.action, e.entity_id) for e in repos(services).audit.entries(5, actor="cli")] == [
        ("cli", "create_user", "kim")]  # the command line acts as the admin user "cli" (services/permissions.py)
    assert auth.sign_in(services, "kim", "kims-password").username == "kim"


def test_users_add_with_a_bad_password_says_why_and_creates_nobody(tmp_path):
    db = tmp_path / "frontline.db"
    result = _users(db, "--add", "kim", stdin="        \n")
    assert result.returncode != 0 and "only spaces" in result.stderr
    assert repos(build_services(Settings(db_path=str(db)))).users.all() == []
