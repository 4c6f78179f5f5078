"""AppTest fixtures: one seeded demo database for the app tests, and helpers to run a page as a role."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from services.bootstrap import build_services
from services.config import Settings
from services.inbox import backfill_open
from services.models import User
from services.seed import seed_demo
from tests.repos import repos

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 60


@pytest.fixture(scope="session")
def demo_url(request: pytest.FixtureRequest) -> str:
    """With FRONTLINE_TEST_STORE=postgres, the demo lives on the throw-away PostgreSQL server; else "" (SQLite)."""
    if os.environ.get("FRONTLINE_TEST_STORE") != "postgres":
        return ""
    return request.getfixturevalue("postgres_cluster").new_database()


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory, demo_url: str) -> Path:
    db = tmp_path_factory.mktemp("app") / "frontline.db"
    services = build_services(Settings(db_path=str(db), database_url=demo_url))
    seed_demo(services)
    backfill_open(services)  # as `python -m services seed` does: pages never analyse while they draw
    return db


@pytest.fixture
def app_services(demo_db: Path, demo_url: str, monkeypatch: pytest.MonkeyPatch):
    """Point the app at the demo database; the cached Services is rebuilt for it."""
    monkeypatch.setenv("FRONTLINE_DB_PATH", str(demo_db))
    monkeypatch.setenv("FRONTLINE_BACKEND", "local")
    if demo_url:
        monkeypatch.setenv("FRONTLINE_DATABASE_URL", demo_url)
    st.cache_resource.clear()
    os.chdir(ROOT)
    yield build_services(Settings(db_path=str(demo_db), database_url=demo_url))
    st.cache_resource.clear()


def user(services, username: str) -> User:
    return repos(services).users.get(username)


def signed_in_token(services, username: str) -> str:
    """A real session of a demo user (as the sign-in form would open it)."""
    from services import auth
    from services.seed.users import DEMO_USERS

    password = next(u.password for u in DEMO_USERS if u.username == username)
    return auth.start_session(services, username, password).token


def run_app(as_user: User | None = None, token: str | None = None, query: dict | None = None) -> AppTest:
    """app.py as a signed-in tab: as_user gets a fresh session unless a token is given."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    if as_user is not None:
        at.session_state["user"] = as_user
        at.session_state["session_token"] = token or signed_in_token(build_services(), as_user.username)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    return at.run()


def run_page(page_file: str, as_user: User | None) -> AppTest:
    at = AppTest.from_file(str(ROOT / page_file), default_timeout=TIMEOUT)
    if as_user is not None:
        at.session_state["user"] = as_user
    return at.run()


@pytest.fixture
def agent(app_services):
    """The demo agent, signed in (the workspace's tests)."""
    return user(app_services, "agent")


@pytest.fixture
def first_in_queue(app_services, agent):
    """The id of the most urgent conversation in the demo agent's queue."""
    from services import conversations

    return conversations.agent_queue(app_services, agent)[0].row.conversation.id
