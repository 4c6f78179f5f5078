from datetime import timedelta

import pytest

from services import auth
from services.errors import InvalidInput, PermissionDenied
from services.permissions import SEEDER
from tests.repos import repos


@pytest.fixture
def agent(services):
    return auth.create_user(services, SEEDER, "agent", "Alex Rivera", "agent", "frontline-agent")


def test_passwords_are_stored_hashed_with_argon2(services, agent):
    stored = repos(services).users.password_hash("agent")
    assert stored.startswith("$argon2id$")
    assert "frontline-agent" not in stored


def test_right_password_signs_in_and_is_audited(services, agent):
    assert auth.sign_in(services, " agent ", "frontline-agent") == agent
    assert repos(services).audit.entries(1)[0].action == "sign_in"


@pytest.mark.parametrize("username, password", [("agent", "wrong"), ("nobody", "x"), ("", ""), ("agent", None)])
def test_wrong_credentials_get_one_clear_message(services, agent, username, password):
    with pytest.raises(PermissionDenied, match="Wrong username or password"):
        auth.sign_in(services, username, password)
    assert repos(services).audit.entries(1)[0].action == "sign_in_failed"


def test_bad_roles_and_short_passwords_are_refused(services):
    with pytest.raises(InvalidInput, match="role must be one of"):
        auth.create_user(services, SEEDER, "x", "X", "god", "long-enough")
    with pytest.raises(InvalidInput, match="at least 8"):
        auth.create_user(services, SEEDER, "x", "X", "agent", "short")


# ---- issue 14.10: username enumeration by timing; what a failed sign-in audits ----------------------------


class CountingHasher:
    """An argon2-like hasher that counts verifications (timing itself belongs in bench/, not in a unit test)."""

    def __init__(self) -> None:
        self.verified: list[str] = []

    def hash(self, password: str) -> str:
        return f"hashed:{password}"

    def verify(self, password_hash: str, password: str) -> bool:
        self.verified.append(password_hash)
        return password_hash == f"hashed:{password}"


def test_username_enumeration_by_timing_an_unknown_user_costs_one_verification_too(settings):
    from services.bootstrap import build_services

    hasher = CountingHasher()
    services = build_services(settings, passwords=hasher)
    auth.create_user(services, SEEDER, "agent", "Alex", "agent", "frontline-agent")
    for username in ("agent", "nobody"):
        with pytest.raises(PermissionDenied, match="Wrong username or password"):
            auth.sign_in(services, username, "guess-guess")
    assert len(hasher.verified) == 2  # the wrong password and the unknown user each cost one verification
    assert hasher.verified[1] != "hashed:frontline-agent"  # against a dummy hash, never a real user's


def test_a_failed_sign_in_of_an_unknown_user_does_not_audit_what_was_typed(services):
    with pytest.raises(PermissionDenied):
        auth.sign_in(services, "MySecretPassw0rd", "x")
    entry = repos(services).audit.entries(1)[0]
    assert entry.action == "sign_in_failed"
    assert "MySecretPassw0rd" not in f"{entry.actor} {entry.entity_id} {entry.detail}"


# ---- issue 14.5/14.6: boundary validation of create_user ------------------------------------------------


@pytest.mark.parametrize("username, password, message", [
    ("", "long-enough", "username is empty"),
    ("ev\u202eil", "long-enough", "text-direction"),
    ("nul\x00", "long-enough", "control character"),
    ("someone", None, "password must be text"),
    ("someone", " " * 12, "only spaces"),
    (None, "long-enough", "username is empty"),
])
def test_create_user_refuses_bad_usernames_and_passwords_with_invalid_input(services, username, password, message):
    with pytest.raises(InvalidInput, match=message):
        auth.create_user(services, SEEDER, username, "X", "agent", password)
    assert repos(services).users.all() == []


# ---- issue 13.7: lockout with backoff per user and per client -------------------------------------------


def test_seven_wrong_passwords_then_the_right_one_is_locked_out_with_a_clear_message(services, agent):
    for _ in range(7):
        with pytest.raises(PermissionDenied):
            auth.sign_in(services, "agent", "wrong-password", client="10.0.0.1")
    with pytest.raises(PermissionDenied, match=r"Too many attempts; try again in \d+ minutes?"):
        auth.sign_in(services, "agent", "frontline-agent", client="10.0.0.9")
    actions = [e.action for e in repos(services).audit.entries(10, actor="agent")]
    assert actions[0] == "sign_in_locked"
    assert any("locked for" in e.detail for e in repos(services).audit.entries(10, actor="agent"))


def test_lockout_backs_off_and_ends(services, agent):
    key = auth._key("agent")
    for attempt in range(1, 7):  # the 5th failure locks for 1 minute, the 6th (once that passed) for 2
        if attempt > 1:
            repos(services).sessions.lock("user", key, "")  # the previous lock has passed
        with pytest.raises(PermissionDenied):
            auth.sign_in(services, "agent", "wrong-password")
    assert repos(services).sessions.failure_state("user", key)[0] == 6
    with pytest.raises(PermissionDenied, match="Too many attempts; try again in 2 minutes"):
        auth.sign_in(services, "agent", "frontline-agent")
    repos(services).sessions.lock("user", key, "2000-01-01T00:00:00Z")  # the lock has passed
    assert auth.sign_in(services, "agent", "frontline-agent") == agent
    assert repos(services).sessions.failure_state("user", key)[0] == 0


def test_one_client_guessing_many_usernames_is_locked_out_too(settings):
    from dataclasses import replace

    from services.bootstrap import build_services

    services = build_services(replace(settings, sign_in_client_max_failures=4))
    agent = auth.create_user(services, SEEDER, "agent", "Alex Rivera", "agent", "frontline-agent")
    for i in range(4):
        with pytest.raises(PermissionDenied):
            auth.sign_in(services, f"user{i}", "guess", client="203.0.113.7")
    with pytest.raises(PermissionDenied, match="Too many attempts"):
        auth.sign_in(services, "agent", "frontline-agent", client="203.0.113.7")
    assert auth.sign_in(services, "agent", "frontline-agent", client="198.51.100.1") == agent


# ---- issue 13.7: sessions ---------------------------------------------------------------------------------


def test_sessions_survive_a_reload_and_a_second_process_and_sign_out_ends_them_everywhere(settings, agent):
    from services.bootstrap import build_services

    first = auth.start_session(build_services(settings), "agent", "frontline-agent")
    other_process = build_services(settings)  # another app process on the same database
    assert auth.resume_session(other_process, first.token).user == agent
    second = auth.start_session(other_process, "agent", "frontline-agent")
    auth.sign_out(other_process, agent)
    for token in (first.token, second.token):
        with pytest.raises(PermissionDenied, match="session has ended"):
            auth.resume_session(build_services(settings), token)


@pytest.mark.parametrize("token", [None, "", "x" * 80, "A" * 43 + "." + "0" * 32, 42])
def test_forged_or_malformed_session_tokens_are_refused(services, agent, token):
    with pytest.raises(PermissionDenied, match="session has ended"):
        auth.resume_session(services, token)


def test_a_session_expires_after_session_timeout_min(settings, agent):
    from services.bootstrap import build_services
    from services.config import Settings

    services = build_services(Settings(db_path=settings.db_path, session_timeout_min=0))
    session = auth.start_session(services, "agent", "frontline-agent")
    with pytest.raises(PermissionDenied, match="session has ended"):
        auth.resume_session(services, session.token)
    long = build_services(Settings(db_path=settings.db_path, session_timeout_min=30))
    assert auth.resume_session(long, auth.start_session(long, "agent", "frontline-agent").token).user == agent
    record = repos(long).sessions.get(auth._token_hash(auth.start_session(long, "agent", "frontline-agent").token))
    assert record.expires_at > record.created_at


def test_defect_16_an_automatic_session_check_neither_slides_the_expiry_nor_writes(services, agent, monkeypatch):
    """A tab's live redraws check its session every few seconds: with resume_session (sliding) an idle tab stayed
    signed in forever and each check past a minute wrote to the database. check_session reads only."""
    from services.clock import parse_iso, to_iso

    started = auth.start_session(services, "agent", "frontline-agent")
    stored = repos(services).sessions.get(auth._token_hash(started.token))
    later = parse_iso(stored.last_seen_at) + timedelta(minutes=services.settings.session_timeout_min - 1)
    monkeypatch.setattr(auth, "now_iso", lambda: to_iso(later))
    assert auth.check_session(services, started.token) == agent
    assert repos(services).sessions.get(auth._token_hash(started.token)) == stored  # nothing written
    monkeypatch.setattr(auth, "now_iso", lambda: to_iso(later + timedelta(minutes=2)))  # past the first expiry
    with pytest.raises(PermissionDenied, match="session has ended"):
        auth.check_session(services, started.token)
    with pytest.raises(PermissionDenied, match="session has ended"):  # an idle tab's checks kept nothing alive
        auth.resume_session(services, started.token)


def test_open_sessions_names_only_the_open_ones_of_many_tokens_at_once(services, agent, monkeypatch):
    """The push thread's check for every tab it reruns: forged, malformed, signed-out and expired tokens are left
    out, nothing is written, and nothing raises."""
    from services.clock import parse_iso, to_iso

    auth.create_user(services, SEEDER, "bob", "Bob Stone", "agent", "frontline-bob")
    first = auth.start_session(services, "agent", "frontline-agent").token
    second = auth.start_session(services, "agent", "frontline-agent").token
    bobs = auth.start_session(services, "bob", "frontline-bob").token
    nonce, signature = first.split(".")
    forged = f"{nonce}.{'0' * len(signature)}"
    before = repos(services).sessions.get(auth._token_hash(first))
    assert auth.open_sessions(services, [first, second, bobs, forged, "not a token", None, first]) == \
        {first, second, bobs}
    assert repos(services).sessions.get(auth._token_hash(first)) == before  # read only
    auth.sign_out(services, auth.check_session(services, bobs))
    assert auth.open_sessions(services, [first, bobs]) == {first}
    later = parse_iso(before.expires_at) + timedelta(seconds=1)
    monkeypatch.setattr(auth, "now_iso", lambda: to_iso(later))
    assert auth.open_sessions(services, [first, second]) == set()  # both expired
    assert auth.open_sessions(services, []) == set()
