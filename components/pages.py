"""The app's pages: title and icon for each page key, in menu order. Which role may open a page is decided in
services (services/permissions.py PAGE_ACTIONS: the action a page needs); this module only names and draws them."""

from __future__ import annotations

from dataclasses import dataclass

from services.errors import NotFound, PermissionDenied
from services.models import User
from services.permissions import page_keys_for, page_roles
from services.validation import require_user, short_repr


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    icon: str
    file: str

    @property
    def roles(self) -> frozenset[str]:
        return page_roles(self.key)


PAGES: tuple[PageSpec, ...] = (
    PageSpec("workspace", "Agent workspace", ":material/support_agent:", "pages/agent_workspace.py"),
    PageSpec("inbox", "Escalation inbox", ":material/assignment_late:", "pages/escalation_inbox.py"),
    PageSpec("analytics", "Supervisor analytics", ":material/monitoring:", "pages/supervisor_analytics.py"),
    PageSpec("knowledge", "Knowledge base", ":material/menu_book:", "pages/knowledge_base.py"),
    PageSpec("settings", "Settings", ":material/settings:", "pages/settings.py"),
    PageSpec("audit", "Audit log", ":material/policy:", "pages/audit_log.py"),
)


def page(key: str) -> PageSpec:
    """The page with this key.

    Raises:
        NotFound: no such page.
    """
    for spec in PAGES:
        if isinstance(key, str) and spec.key == key:
            return spec
    raise NotFound(f"page {short_repr(key)}")


def pages_for(role: str) -> list[PageSpec]:
    """The pages a role may open, in menu order."""
    keys = set(page_keys_for(role))
    return [spec for spec in PAGES if spec.key in keys]


def require_page(user: User | None, key: str) -> User:
    """The user, when they may open the page; else PermissionDenied naming the page.

    The use cases the page calls check their own permissions too (services/permissions.py): this is what the menu
    and a page reached by URL show, not the only check.
    """
    spec = page(key)
    user = require_user(user)
    if user.role not in spec.roles:
        raise PermissionDenied(f"The {spec.title} page is not available to the {user.role} role.")
    return user
