"""Every role × page through Streamlit's AppTest: no exception, and forbidden pages refuse."""

from __future__ import annotations

import pytest

from app import PAGE_FILES
from components import pages as menu
from tests.app.conftest import run_app, run_page, user
from tests.repos import repos

USERS = {"agent": "agent", "supervisor": "supervisor", "kb_editor": "editor", "admin": "admin"}
PASSWORDS = {"agent": "frontline-agent", "supervisor": "frontline-supervisor", "editor": "frontline-editor",
             "admin": "frontline-admin"}


def sign_in(at, username: str, password: str):
    at.text_input[0].input(username)
    at.text_input[1].input(password)
    at.button[0].click()
    return at.run()


def test_signed_out_visitors_see_only_the_sign_in_form(app_services):
    at = run_app()
    assert not at.exception
    assert [t.value for t in at.title] == ["Frontline"]
    assert [b.label for b in at.button] == ["Sign in"]


def test_a_wrong_password_is_refused_with_a_message_and_no_traceback(app_services):
    at = sign_in(run_app(), "agent", "nope")
    assert not at.exception
    assert [e.value for e in at.error] == ["Wrong username or password."]
    assert "user" not in at.session_state


@pytest.mark.parametrize("role", list(USERS))
def test_signing_in_shows_the_roles_first_page(app_services, role):
    username = USERS[role]
    at = sign_in(run_app(), username, PASSWORDS[username])
    assert not at.exception
    assert at.session_state["user"].role == role
    assert at.header[0].value == menu.pages_for(role)[0].title


@pytest.mark.parametrize("role", list(USERS))
@pytest.mark.parametrize("page_key", list(PAGE_FILES))
def test_every_role_on_every_page(app_services, role, page_key):
    at = run_page(PAGE_FILES[page_key], user(app_services, USERS[role]))
    assert not at.exception, at.exception
    allowed = role in menu.page(page_key).roles
    errors = [e.value for e in at.error]
    if allowed:
        assert at.header[0].value == menu.page(page_key).title
        assert errors == []
    else:
        assert errors == [f"The {menu.page(page_key).title} page is not available to the {role} role."]
        assert len(at.header) == 0


def test_a_page_opened_without_signing_in_asks_to_sign_in(app_services):
    at = run_page(PAGE_FILES["workspace"], None)
    assert [e.value for e in at.error] == ["Please sign in first."]


def test_sign_out_returns_to_the_sign_in_form_and_is_audited(app_services):
    at = run_app(user(app_services, "agent"))
    at.sidebar.button[0].click()
    at = at.run()
    assert "user" not in at.session_state
    assert [b.label for b in at.button] == ["Sign in"]
    assert repos(app_services).audit.entries(5)[0].action == "sign_out"
