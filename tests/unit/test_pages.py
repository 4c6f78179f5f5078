"""Which pages each role sees (the roles come from services/permissions.py; titles and icons from
components/pages.py)."""

import pytest

from components.pages import pages_for, require_page
from services.errors import PermissionDenied
from services.models import User


@pytest.mark.parametrize("role, pages", [
    ("agent", ["workspace"]),
    ("supervisor", ["inbox", "analytics"]),
    ("kb_editor", ["knowledge"]),
    ("admin", ["workspace", "inbox", "analytics", "knowledge", "settings", "audit"]),
])
def test_each_role_sees_exactly_its_pages(role, pages):
    assert [p.key for p in pages_for(role)] == pages


def test_a_page_refuses_a_role_that_may_not_open_it():
    with pytest.raises(PermissionDenied, match="Settings page is not available to the agent role"):
        require_page(User(1, "agent", "A", "agent"), "settings")
    with pytest.raises(PermissionDenied, match="sign in"):
        require_page(None, "workspace")
