"""The demo sign-ins that the README prints. Passwords are public on purpose: this is demo data only."""

from __future__ import annotations

from typing import NamedTuple

from services import auth
from services.bootstrap import Services
from services.models import User
from services.permissions import SEEDER


class DemoUser(NamedTuple):
    username: str
    display_name: str
    role: str
    password: str


DEMO_USERS: tuple[DemoUser, ...] = (
    DemoUser("agent", "Alex Rivera", "agent", "frontline-agent"),
    DemoUser("sam", "Sam Okafor", "agent", "frontline-agent"),
    DemoUser("supervisor", "Priya Natarajan", "supervisor", "frontline-supervisor"),
    DemoUser("editor", "Jonas Weber", "kb_editor", "frontline-editor"),
    DemoUser("admin", "Robin Admin", "admin", "frontline-admin"),
)


def create_demo_users(services: Services) -> list[User]:
    """Create every demo user with an argon2 password hash (audited as made by the seeder, "system")."""
    return [auth.create_user(services, SEEDER, u.username, u.display_name, u.role, u.password) for u in DEMO_USERS]
