import pytest

from services import auth
from services.errors import InvalidInput, PermissionDenied
from services.models import User


@pytest.fixture
def agent(services):
    return auth.create_user(services, "agent", "Alex Rivera", "agent", "frontline-agent")


def test_passwords_are_stored_hashed_with_argon2(services, agent):
    stored = services.store.get_password_hash("agent")
    assert stored.startswith("$argon2id$")
    assert "frontline-agent" not in stored


def test_right_password_signs_in_and_is_audited(services, agent):
    assert auth.sign_in(services, " agent ", "frontline-agent") == agent
    assert services.store.audit_entries(1)[0].action == "sign_in"


@pytest.mark.parametrize("username, password", [("agent", "wrong"), ("nobody", "x"), ("", ""), ("agent", None)])
def test_wrong_credentials_get_one_clear_message(services, agent, username, password):
    with pytest.raises(PermissionDenied, match="Wrong username or password"):
        auth.sign_in(services, username, password)
    assert services.store.audit_entries(1)[0].action == "sign_in_failed"


def test_bad_roles_and_short_passwords_are_refused(services):
    with pytest.raises(InvalidInput, match="role must be one of"):
        auth.create_user(services, "x", "X", "god", "long-enough")
    with pytest.raises(InvalidInput, match="at least 8"):
        auth.create_user(services, "x", "X", "agent", "short")


@pytest.mark.parametrize("role, pages", [
    ("agent", ["workspace"]),
    ("supervisor", ["analytics"]),
    ("kb_editor", ["knowledge"]),
    ("admin", ["workspace", "analytics", "knowledge", "settings"]),
])
def test_each_role_sees_exactly_its_pages(role, pages):
    assert [p.key for p in auth.pages_for(role)] == pages


def test_a_page_refuses_a_role_that_may_not_open_it():
    with pytest.raises(PermissionDenied, match="Settings page is not available to the agent role"):
        auth.require_page(User(1, "agent", "A", "agent"), "settings")
    with pytest.raises(PermissionDenied, match="sign in"):
        auth.require_page(None, "workspace")
