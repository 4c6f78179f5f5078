"""UserRepository and SessionRepository contract, on every backend."""

from __future__ import annotations

import pytest

from services.errors import Conflict, InvalidInput, NotFound


def test_users_are_listed_in_the_order_they_were_added(database):
    with database() as uow:
        ada = uow.users.add("ada", "Ada", "agent", "hash-a")
        uow.users.add("bob", "Bob", "admin", "hash-b")
    with database() as uow:
        assert [u.username for u in uow.users.all()] == ["ada", "bob"]
        assert uow.users.get("ada") == ada
        assert uow.users.password_hash("bob") == "hash-b"


def test_a_taken_username_is_a_conflict_and_an_unknown_one_not_found(database):
    with database() as uow:
        uow.users.add("ada", "Ada", "agent", "h")
    with pytest.raises(Conflict, match="already exists") as caught, database() as uow:
        uow.users.add("ada", "Ada again", "admin", "h")
    assert isinstance(caught.value, InvalidInput)  # callers that expect InvalidInput still catch it
    with database() as uow:
        with pytest.raises(NotFound):
            uow.users.get("nobody")
        with pytest.raises(NotFound):
            uow.users.password_hash("nobody")


def test_the_session_key_exists_from_the_start(database):
    with database() as uow:
        assert len(uow.sessions.secret("session_key")) >= 32
        with pytest.raises(NotFound):
            uow.sessions.secret("no such secret")


def test_sessions_are_added_touched_revoked_and_purged(database):
    with database() as uow:
        first = uow.sessions.add("t1", "ada", "2026-12-01T10:00:00Z")
        uow.sessions.add("t2", "ada", "2026-12-01T10:00:00Z")
        uow.sessions.add("t3", "bob", "2026-12-01T10:00:00Z")
    with database() as uow:
        assert uow.sessions.get("t1") == first
        uow.sessions.touch("t1", "2026-12-02T10:00:00Z")
        assert uow.sessions.get("t1").expires_at == "2026-12-02T10:00:00Z"
        assert uow.sessions.revoke_all("ada") == 2
        assert uow.sessions.revoke_all("ada") == 0  # already ended
        assert uow.sessions.get("t2").revoked_at
        assert not uow.sessions.get("t3").revoked_at
        uow.sessions.purge("2026-12-01T12:00:00Z")  # t2 and t3 expire before it; t1 was extended
    with database() as uow:
        with pytest.raises(NotFound):
            uow.sessions.get("t3")  # expired before the cut-off
        uow.sessions.get("t1")  # expires after the cut-off and was revoked after it too: kept


def test_open_among_names_only_the_open_sessions_of_existing_users(database):
    with database() as uow:
        uow.users.add("ada", "Ada", "agent", "h")
        uow.sessions.add("open", "ada", "2026-12-01T10:00:00Z")
        uow.sessions.add("ended", "ada", "2026-12-01T10:00:00Z")
        uow.sessions.add("expired", "ada", "2026-12-01T08:59:59Z")
        uow.sessions.add("ghost", "nobody", "2026-12-01T10:00:00Z")  # its user no longer exists
    with database() as uow:
        uow.sessions.touch("ended", "2026-12-01T10:00:00Z")
        uow.sessions.revoke_all("ada")
        uow.sessions.add("later", "ada", "2026-12-01T10:00:00Z")
    unknown = [f"unknown-{i}" for i in range(600)]  # more than one batch of bound parameters
    with database() as uow:
        assert uow.sessions.open_among(["later", "ended", "expired", "ghost", *unknown, "later"],
                                       "2026-12-01T09:00:00Z") == {"later"}
        assert uow.sessions.open_among(["later"], "2026-12-01T10:00:00Z") == set()  # expires at that moment
        assert uow.sessions.open_among([], "2026-12-01T09:00:00Z") == set()


def test_failures_count_up_start_again_when_old_and_lock(database):
    with database() as uow:
        assert uow.sessions.failure_state("user", "k") == (0, "", "")
        assert uow.sessions.add_failure("user", "k", "2000-01-01T00:00:00Z") == 1
        assert uow.sessions.add_failure("user", "k", "2000-01-01T00:00:00Z") == 2
        assert uow.sessions.add_failure("user", "k", "2999-01-01T00:00:00Z") == 1  # the count had been forgotten
        uow.sessions.lock("user", "k", "2999-01-01T00:00:00Z")
    with database() as uow:
        failures, last_at, until = uow.sessions.failure_state("user", "k")
        assert (failures, until) == (1, "2999-01-01T00:00:00Z") and last_at
        uow.sessions.clear_failures("user", "k")
        assert uow.sessions.failure_state("user", "k") == (0, "", "")
