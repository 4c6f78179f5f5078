"""deploy/entrypoint.py turns the Secrets Manager fields ECS injects (DB_HOST, DB_PORT, DB_USER, DB_PASSWORD, DB_NAME)
into FRONTLINE_DATABASE_URL. Standard library only, so these run without aws-cdk-lib."""

from __future__ import annotations

import subprocess
import sys
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from deploy.entrypoint import EntrypointError, database_url, streamlit_command
from tests.conftest import PROJECT_ROOT

SECRET = {"DB_HOST": "frontline.cluster-abc.us-east-1.rds.amazonaws.com", "DB_PORT": "5432", "DB_USER": "frontline",
          "DB_PASSWORD": "p@ss:w/rd?#%&=+ é", "DB_NAME": "frontline"}


def test_password_with_url_characters_survives_the_round_trip() -> None:
    url = database_url(SECRET)
    assert url is not None
    parts = urlsplit(url)
    assert parts.scheme == "postgresql"
    assert parts.hostname == SECRET["DB_HOST"] and parts.port == 5432 and parts.path == "/frontline"
    assert unquote(parts.username or "") == "frontline"
    assert unquote(parts.password or "") == SECRET["DB_PASSWORD"]
    assert parse_qs(parts.query) == {"sslmode": ["require"]}


def test_defaults_and_an_explicit_url_win() -> None:
    url = database_url({k: v for k, v in SECRET.items() if k not in ("DB_PORT", "DB_NAME")})
    assert url is not None and urlsplit(url).port == 5432 and urlsplit(url).path == "/frontline"
    assert database_url({**SECRET, "FRONTLINE_DATABASE_URL": "postgresql://a@b/c"}) == "postgresql://a@b/c"
    assert database_url({"PATH": "/usr/bin"}) is None  # no DB_*: the app keeps its SQLite default


@pytest.mark.parametrize("change, message", [
    ({"DB_PASSWORD": ""}, "DB_PASSWORD missing"),
    ({"DB_PORT": "54x"}, "DB_PORT must be a TCP port"),
    ({"DB_PORT": "70000"}, "DB_PORT must be a TCP port"),
    ({"DB_HOST": "evil@host/db"}, "DB_HOST must be a host name"),
])
def test_incomplete_or_malformed_settings_are_clear_errors(change: dict[str, str], message: str) -> None:
    with pytest.raises(EntrypointError, match=message):
        database_url({**SECRET, **change})


def test_container_refuses_to_start_on_half_a_secret_and_says_why() -> None:
    env = {"PATH": "/usr/bin:/bin", "DB_HOST": "db.internal"}
    done = subprocess.run([sys.executable, str(PROJECT_ROOT / "deploy" / "entrypoint.py")], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "DB_USER, DB_PASSWORD missing" in done.stderr
    assert "streamlit" not in done.stderr.lower()


def test_streamlit_listens_on_all_interfaces_on_8501() -> None:
    command = streamlit_command()
    assert command[1:5] == ["-m", "streamlit", "run", "app.py"]
    assert command[command.index("--server.address") + 1] == "0.0.0.0"
    assert command[command.index("--server.port") + 1] == "8501"
    # an address users reach is always given, so Streamlit never looks its external IP up on the internet
    assert command[command.index("--browser.serverAddress") + 1] == "localhost"
    behind_alb = streamlit_command(public_host="assist.example.com", public_port="443")
    assert behind_alb[-4:] == ["--browser.serverAddress", "assist.example.com", "--browser.serverPort", "443"]


def test_a_one_off_command_gets_the_assembled_url_and_not_the_bare_password() -> None:
    probe = "import os; print(os.environ['FRONTLINE_DATABASE_URL']); print('DB_PASSWORD' in os.environ)"
    done = subprocess.run([sys.executable, str(PROJECT_ROOT / "deploy" / "entrypoint.py"), sys.executable, "-c", probe],
                          env={"PATH": "/usr/bin:/bin", **SECRET}, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    url, has_password = done.stdout.splitlines()
    assert url == database_url(SECRET) and has_password == "False"
