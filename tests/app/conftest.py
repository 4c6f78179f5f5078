"""AppTest fixtures: one seeded demo database for the app tests, and helpers to run a page as a role."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from services.bootstrap import build_services
from services.config import Settings
from services.models import User
from services.seed import seed_demo

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 60


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("app") / "frontline.db"
    seed_demo(build_services(Settings(db_path=str(db))))
    return db


@pytest.fixture
def app_services(demo_db: Path, monkeypatch: pytest.MonkeyPatch):
    """Point the app at the demo database; the cached Services is rebuilt for it."""
    monkeypatch.setenv("FRONTLINE_DB_PATH", str(demo_db))
    monkeypatch.setenv("FRONTLINE_BACKEND", "local")
    st.cache_resource.clear()
    os.chdir(ROOT)
    yield build_services(Settings(db_path=str(demo_db)))
    st.cache_resource.clear()


def user(services, username: str) -> User:
    return services.store.get_user(username)


def run_app(as_user: User | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    if as_user is not None:
        at.session_state["user"] = as_user
    return at.run()


def run_page(page_file: str, as_user: User | None) -> AppTest:
    at = AppTest.from_file(str(ROOT / page_file), default_timeout=TIMEOUT)
    if as_user is not None:
        at.session_state["user"] = as_user
    return at.run()
