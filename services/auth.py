"""Users, sign-in and sessions. Which role may do what: services/permissions.py; page titles and icons: components/pages.py."""

from __future__ import annotations

import hashlib
import hmac
import math
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from weakref import WeakKeyDictionary

from services.bootstrap import Services
from services.clock import now_iso, parse_iso, to_iso
from services.errors import InvalidInput, NotFound, PermissionDenied
from services.models import ROLES, SessionRecord, User
from services.permissions import require
from services.ports import UnitOfWork
from services.validation import (
    check_password,
    clean_choice,
    clean_field,
    clean_username,
    forbidden_character,
    require_user,
)

WRONG_CREDENTIALS = "Wrong username or password."


def create_user(services: Services, user: User, username: str, display_name: str, role: str, password: str) -> User:
    """A new user with an argon2id password hash, made by user (an admin, the CLI or the seeder); audited under
    user's name.

    Raises:
        PermissionDenied: user may not manage users (services/permissions.py "users.manage").
        InvalidInput: a username that is empty or has anything but letters, digits and . _ - + @; an unknown role;
            a password that is not text, shorter than 8 characters, only spaces or with control characters.
    """
    actor = require(user, "users.manage").username
    username = clean_username(username)
    display_name = clean_field(display_name if display_name is not None else username, "display name", 100)
    role = clean_choice(role, "role", ROLES)
    password = check_password(password)
    password_hash = services.passwords.hash(password)
    with services.uow() as uow:
        user = uow.users.add(username, display_name, role, password_hash)
        uow.audit.record(actor, "create_user", "user", username, role)
    return user


def list_users(services: Services, user: User) -> list[User]:
    """Every user, for an admin (or the CLI).

    Raises:
        PermissionDenied: user may not manage users.
    """
    require(user, "users.manage")
    with services.uow() as uow:
        return uow.users.all()


# ---- signing in: constant-time for unknown users, lockout with backoff --------------------------------

_DUMMY_HASHES: WeakKeyDictionary = WeakKeyDictionary()
FAILURES_FORGOTTEN_AFTER = timedelta(hours=1)
MAX_LOCK_MIN = 60
MAX_PASSWORD_CHARS = 1024  # as check_password; a longer one cannot be right and is not hashed


def _dummy_hash(hasher: object) -> str:
    """A hash of a random password made by the same hasher: an unknown user costs one real verification too, so
    the time taken does not tell which usernames exist."""
    cached = _DUMMY_HASHES.get(hasher)
    if cached is None:
        cached = _DUMMY_HASHES[hasher] = hasher.hash(secrets.token_urlsafe(16))  # type: ignore[attr-defined]
    return cached


def _key(value: str) -> str:
    """Usernames and client addresses are kept hashed: a typed "username" is often a password."""
    return hashlib.sha256(value.casefold().encode("utf-8", "surrogatepass")).hexdigest()


def _minutes_left(until: str, now: datetime) -> int:
    return max(1, math.ceil((parse_iso(until) - now).total_seconds() / 60)) if until else 0


def _locked_for(uow: UnitOfWork, scopes: list[tuple[str, str]], now: datetime) -> int:
    """Minutes until every lock on these (scope, key) pairs has passed; 0 when none is locked."""
    left = 0
    for scope, key in scopes:
        until = uow.sessions.failure_state(scope, key)[2]
        if until and parse_iso(until) > now:
            left = max(left, _minutes_left(until, now))
    return left


def _count_failure(services: Services, uow: UnitOfWork, scopes: list[tuple[str, str]], now: datetime) -> int:
    """Count a failure for each scope; lock a scope past its limit for 1, 2, 4 … minutes. Returns the lock."""
    limits = {"user": services.settings.sign_in_max_failures, "client": services.settings.sign_in_client_max_failures}
    locked = 0
    for scope, key in scopes:
        failures = uow.sessions.add_failure(scope, key, to_iso(now - FAILURES_FORGOTTEN_AFTER))
        if failures >= limits[scope]:
            minutes = min(2 ** (failures - limits[scope]), MAX_LOCK_MIN)
            uow.sessions.lock(scope, key, to_iso(now + timedelta(minutes=minutes)))
            locked = max(locked, minutes)
    return locked


def too_many(minutes: int) -> str:
    return f"Too many attempts; try again in {minutes} minute{'s' if minutes != 1 else ''}."


def sign_in(services: Services, username: str, password: str, client: str = "") -> User:
    """The user for these credentials; every attempt is audited (without the typed name when no such user exists).

    Args:
        client: the client's address, for the per-client lockout ("" when unknown).

    Raises:
        PermissionDenied: unknown user or wrong password (one message for both, one verification for both), or
            locked out after too many failures ("Too many attempts; try again in N minutes").
    """
    username = username.strip() if isinstance(username, str) else ""
    password = password if isinstance(password, str) and len(password) <= MAX_PASSWORD_CHARS else ""
    client = client[:100] if isinstance(client, str) else ""
    now = parse_iso(now_iso())
    scopes = [("user", _key(username))] + ([("client", _key(client))] if client else [])
    # A name or password no account can have (a control or half-surrogate character, a space) is an unknown
    # user or a wrong password: still one verification, the same message, and never sent to the database.
    if forbidden_character(password):
        password = ""
    with services.uow() as uow:
        try:
            username = clean_username(username)
            stored_hash, exists = uow.users.password_hash(username), True
        except (NotFound, InvalidInput):
            stored_hash, exists = _dummy_hash(services.passwords), False
        actor, entity_id = (username, username) if exists else ("?", "")
        locked = _locked_for(uow, scopes, now)
        if locked:
            uow.audit.record(actor, "sign_in_locked", "user", entity_id, f"locked for {locked} min")
    if locked:
        raise PermissionDenied(too_many(locked))
    verified = services.passwords.verify(stored_hash, password) and exists  # slow on purpose: outside any write
    with services.uow() as uow:
        if not verified:
            locked = _count_failure(services, uow, scopes, now)
            detail = ("wrong password" if exists else "unknown user") + (f"; locked for {locked} min" if locked
                                                                          else "")
            uow.audit.record(actor, "sign_in_failed", "user", entity_id, detail)
        else:
            uow.sessions.clear_failures("user", scopes[0][1])
            uow.audit.record(username, "sign_in", "user", username)
            user = uow.users.get(username)
    if not verified:
        raise PermissionDenied(too_many(locked) if locked else WRONG_CREDENTIALS)
    return user


# ---- sessions: a signed random token, kept hashed in the database, sliding expiry ------------------------

SESSION_ENDED = "Your session has ended; please sign in again."
_TOKEN = re.compile(r"[A-Za-z0-9_-]{43}\.[0-9a-f]{32}")
TOUCH_EVERY = timedelta(minutes=1)


@dataclass(frozen=True)
class Session:
    user: User
    token: str  # give it to the browser; the database keeps only its hash
    expires_at: str


def _signature(services: Services, nonce: str) -> str:
    with services.uow() as uow:
        key = uow.sessions.secret("session_key")
    return _sign(key, nonce)


def _sign(key: str, nonce: str) -> str:
    return hmac.new(key.encode(), nonce.encode(), hashlib.sha256).hexdigest()[:32]


def _signed(key: str, token: str) -> bool:
    nonce, signature = token.split(".")
    return hmac.compare_digest(signature, _sign(key, nonce))


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _expiry(services: Services, now: datetime) -> str:
    return to_iso(now + timedelta(minutes=services.settings.session_timeout_min))


def start_session(services: Services, username: str, password: str, client: str = "") -> Session:
    """Sign in and open a server-side session (shared by every app process through the database).

    Raises:
        PermissionDenied: as sign_in.
    """
    user = sign_in(services, username, password, client)
    nonce = secrets.token_urlsafe(32)
    token = f"{nonce}.{_signature(services, nonce)}"
    with services.uow() as uow:
        record = uow.sessions.add(_token_hash(token), user.username, _expiry(services, parse_iso(now_iso())))
    return Session(user, token, record.expires_at)


def _open_session(services: Services, token: object) -> tuple[User, SessionRecord, datetime]:
    """(user, stored record, now) for a token that names an open session; one message for every refusal."""
    if not isinstance(token, str) or not _TOKEN.fullmatch(token):
        raise PermissionDenied(SESSION_ENDED)
    nonce, signature = token.split(".")
    if not hmac.compare_digest(signature, _signature(services, nonce)):
        raise PermissionDenied(SESSION_ENDED)
    try:
        with services.uow() as uow:
            record = uow.sessions.get(_token_hash(token))
            user = uow.users.get(record.username)
    except NotFound:
        raise PermissionDenied(SESSION_ENDED) from None
    now = parse_iso(now_iso())
    if record.revoked_at or parse_iso(record.expires_at) <= now:
        raise PermissionDenied(SESSION_ENDED)
    return user, record, now


def resume_session(services: Services, token: object) -> Session:
    """The session for a token from a cookie or a tab, its expiry slid forward: for what the agent does (a page
    run, a click); automatic reruns use check_session.

    Raises:
        PermissionDenied: malformed, forged, unknown, expired or signed-out token (one message).
    """
    user, record, now = _open_session(services, token)
    expires_at = record.expires_at
    if now - parse_iso(record.last_seen_at) >= TOUCH_EVERY:
        expires_at = _expiry(services, now)
        with services.uow() as uow:
            uow.sessions.touch(record.token_hash, expires_at)
    return Session(user, str(token), expires_at)


def check_session(services: Services, token: object) -> User:
    """The user of an open session, read only: its expiry does not move and nothing is written. For what runs by
    itself (a tab's live redraws and timers), so an idle tab ends when its session expires.

    Raises:
        PermissionDenied: as resume_session.
    """
    return _open_session(services, token)[0]


def open_sessions(services: Services, tokens: Iterable[object]) -> set[str]:
    """Those of `tokens` that name an open session, read only (as check_session, for many tabs in one read: a
    process's live updates ask this once per change instead of once per tab). Never raises for a bad token: a
    malformed, forged, unknown, expired or ended one is simply not in the answer.

    Raises:
        InvalidInput: tokens is not a list (or other iterable) of tokens.
    """
    if isinstance(tokens, (str, bytes)) or not isinstance(tokens, Iterable):
        raise InvalidInput("tokens must be a list of session tokens")
    candidates = list(dict.fromkeys(t for t in tokens if isinstance(t, str) and _TOKEN.fullmatch(t)))
    if not candidates:
        return set()
    with services.uow() as uow:
        key = uow.sessions.secret("session_key")
        signed = {_token_hash(t): t for t in candidates if _signed(key, t)}
        if not signed:
            return set()
        open_hashes = uow.sessions.open_among(list(signed), now_iso())
    return {signed[h] for h in open_hashes}


def sign_out(services: Services, user: User) -> None:
    """End every session of this user, in every tab and process; audited.

    Raises:
        PermissionDenied: not a signed-in user.
    """
    user = require_user(user)
    with services.uow() as uow:
        ended = uow.sessions.revoke_all(user.username)
        uow.sessions.purge(to_iso(parse_iso(now_iso()) - timedelta(days=1)))
        uow.audit.record(user.username, "sign_out", "user", user.username, f"{ended} session(s) ended")
