"""Users, sign-in, roles and which role may open which page."""

from __future__ import annotations

from dataclasses import dataclass

from services.bootstrap import Services
from services.errors import InvalidInput, NotFound, PermissionDenied
from services.models import ROLES, User

WRONG_CREDENTIALS = "Wrong username or password."


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    icon: str
    roles: frozenset[str]


PAGES: tuple[PageSpec, ...] = (
    PageSpec("workspace", "Agent workspace", ":material/support_agent:", frozenset({"agent", "admin"})),
    PageSpec("analytics", "Supervisor analytics", ":material/monitoring:", frozenset({"supervisor", "admin"})),
    PageSpec("knowledge", "Knowledge base", ":material/menu_book:", frozenset({"kb_editor", "admin"})),
    PageSpec("settings", "Settings", ":material/settings:", frozenset({"admin"})),
)


def pages_for(role: str) -> list[PageSpec]:
    """The pages a role may open, in menu order."""
    return [page for page in PAGES if role in page.roles]


def page(key: str) -> PageSpec:
    for spec in PAGES:
        if spec.key == key:
            return spec
    raise NotFound(f"page {key!r}")


def require_page(user: User | None, key: str) -> None:
    """Raise PermissionDenied unless this user may open the page."""
    spec = page(key)
    if user is None:
        raise PermissionDenied("Please sign in first.")
    if user.role not in spec.roles:
        raise PermissionDenied(f"The {spec.title} page is not available to the {user.role} role.")


def create_user(services: Services, username: str, display_name: str, role: str, password: str) -> User:
    if role not in ROLES:
        raise InvalidInput(f"role must be one of {', '.join(ROLES)}; got {role!r}")
    if len(password) < 8:
        raise InvalidInput("a password needs at least 8 characters")
    return services.store.add_user(username.strip(), display_name, role, services.passwords.hash(password))


def sign_in(services: Services, username: str, password: str) -> User:
    """The user for these credentials; every attempt is audited.

    Raises:
        PermissionDenied: unknown user or wrong password (one message for both).
    """
    username = (username or "").strip()
    try:
        stored_hash = services.store.get_password_hash(username)
    except NotFound:
        services.store.audit(username or "?", "sign_in_failed", "user", username, "unknown user")
        raise PermissionDenied(WRONG_CREDENTIALS) from None
    if not services.passwords.verify(stored_hash, password or ""):
        services.store.audit(username, "sign_in_failed", "user", username, "wrong password")
        raise PermissionDenied(WRONG_CREDENTIALS)
    services.store.audit(username, "sign_in", "user", username)
    return services.store.get_user(username)


def sign_out(services: Services, user: User) -> None:
    services.store.audit(user.username, "sign_out", "user", user.username)
