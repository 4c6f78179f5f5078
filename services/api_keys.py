"""API keys of the ingestion API: one per integration (a shop, a mail gateway), created by an admin, shown once, kept
only as its SHA-256, and the rate limit each key has. The counts live in the database, so every API process agrees.

    key = "fl_" + 43 URL-safe characters (256 random bits)      stored: sha256(key), its first 10 characters
"""

from __future__ import annotations

import hashlib
import re
import secrets

from services.bootstrap import Services
from services.clock import now_iso
from services.errors import InvalidField, NotAuthenticated, NotFound, RateLimited
from services.models import ApiKey, User
from services.permissions import require
from services.ports import UnitOfWork
from services.validation import clean_field

KEY_PREFIX = "fl_"
SHOWN_CHARS = 10  # how much of a key lists show: enough to tell keys apart, far too little to use one
DEFAULT_RATE_PER_MINUTE = 600
MAX_RATE_PER_MINUTE = 1_000_000
MAX_NAME_CHARS = 64
_NAME = re.compile(r"[a-z0-9][a-z0-9_.-]*")
_KEY = re.compile(r"fl_[A-Za-z0-9_-]{20,100}")


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("ascii")).hexdigest()


def create_key(services: Services, user: User, name: str, rate_per_minute: int = DEFAULT_RATE_PER_MINUTE,
               widget: bool = False) -> tuple[ApiKey, str]:
    """A new key for the integration ``name``: (the stored key, the key itself, which is never stored or shown
    again). With ``widget``, ``name`` is also a public site id the web chat widget may use (services/widget.py):
    visitors then post and read their own chat only, counted against this key's rate limit.

    Raises:
        PermissionDenied: not an admin. InvalidField: a bad name or rate. Conflict: the name is taken.
    """
    require(user, "integrations.manage")
    name = clean_name(name)
    if isinstance(rate_per_minute, bool) or not isinstance(rate_per_minute, int) or not (
            0 < rate_per_minute <= MAX_RATE_PER_MINUTE):
        raise InvalidField("rate_per_minute", f"must be a whole number from 1 to {MAX_RATE_PER_MINUTE:,}")
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    with services.uow() as uow:
        stored = uow.integrations.add_key(name, hash_key(key), key[:SHOWN_CHARS], rate_per_minute, user.username,
                                          widget=widget is True)
        uow.audit.record(user.username, "create_api_key", "api_key", name, f"{rate_per_minute} requests a minute"
                         + (", web chat widget" if widget is True else ""))
    return stored, key


def list_keys(services: Services, user: User) -> list[ApiKey]:
    require(user, "integrations.manage")
    with services.uow() as uow:
        return uow.integrations.keys()


def revoke_key(services: Services, user: User, name: str) -> ApiKey:
    """Revoke the key now: its next request is refused (401).

    Raises:
        PermissionDenied: not an admin. InvalidField: a bad name. NotFound: no such key.
    """
    require(user, "integrations.manage")
    name = clean_name(name)
    with services.uow() as uow:
        revoked = uow.integrations.revoke_key(name)
        uow.audit.record(user.username, "revoke_api_key", "api_key", name)
    return revoked


def clean_name(name: object) -> str:
    name = clean_field(name, "name", MAX_NAME_CHARS)
    if not _NAME.fullmatch(name):
        raise InvalidField("name", "use lower-case letters, digits, '.', '_' and '-' (e.g. shop-web)")
    return name


def admit(services: Services, presented: object) -> ApiKey:
    """The API key a request presents, once it is known, not revoked and within its rate limit (this request is
    counted: requests per key and minute, in the database).

    Raises:
        NotAuthenticated: no key, a malformed, unknown or revoked one. RateLimited: over the key's limit this minute.
    """
    if not isinstance(presented, str) or not _KEY.fullmatch(presented):
        raise NotAuthenticated("send a valid API key: Authorization: Bearer fl_…")
    with services.uow() as uow:
        try:
            key = uow.integrations.key(hash_key(presented))
        except NotFound:
            raise NotAuthenticated("unknown API key") from None
        return counted(uow, key)


def counted(uow: UnitOfWork, key: ApiKey) -> ApiKey:
    """The key, once it is not revoked and this request (counted now, in the caller's unit of work) is within its
    limit. Raises NotAuthenticated or RateLimited."""
    if key.revoked_at:
        raise NotAuthenticated(f"this API key was revoked at {key.revoked_at}")
    now = now_iso()
    if uow.integrations.count_request(key.id, now[:16]) > key.rate_per_minute:
        raise RateLimited(f"more than {key.rate_per_minute} requests this minute for API key {key.name!r}",
                          retry_after=max(1, 60 - int(now[17:19])))
    return key
