"""SharedStateRepository contract (services/ports.py): the change marker, the KB index version, settings rows,
heartbeats and analysis claims, on every backend."""

from __future__ import annotations

import pytest

from services.clock import now_iso
from services.errors import NotFound
from services.models import Article
from tests.contracts.conftest import analysis, thread_with_message


def marker(database):
    with database() as uow:
        return uow.shared.change_marker()


def test_every_committed_write_moves_the_change_marker_and_a_rolled_back_one_does_not(database):
    talk, said = thread_with_message(database)
    before = marker(database)
    with database() as uow:
        uow.conversations.update(talk.id, status="pending")
    middle = marker(database)
    with database() as uow:
        uow.conversations.update(talk.id, queue="billing")  # the same second: still a change
    assert len({before, middle, marker(database)}) == 3
    after = marker(database)
    with pytest.raises(RuntimeError), database() as uow:
        uow.assist.save_outcome(said.id, analysis())
        raise RuntimeError("boom")
    assert marker(database) == after


def test_the_kb_index_version_moves_only_when_approved_articles_change(database):
    def version():
        with database() as uow:
            return uow.shared.kb_index_version()

    start = version()
    with database() as uow:
        draft = uow.articles.add(Article(0, "draft", "Draft", "not yet", "orders", "draft", 1, now_iso()))
    assert version() == start
    with database() as uow:
        uow.articles.update(draft.id, "editor", body="still a draft")
    assert version() == start
    seen = {start}
    for change in ({"status": "approved"}, {"body": "approved text changed"}, {"status": "archived"}):
        with database() as uow:
            uow.articles.update(draft.id, "editor", **change)
        assert version() not in seen, change
        seen.add(version())


def test_settings_rows_and_heartbeats_round_trip(database):
    with database() as uow:
        assert uow.shared.setting("simulator") == {}
        assert uow.shared.heartbeat("simulator") is None
    with database() as uow:
        uow.shared.put_setting("simulator", {"on": True, "rate": 2.0}, "admin")
        uow.shared.put_setting("simulator", {"on": False, "rate": 2.0}, "admin")
        uow.shared.beat("simulator", 1234, {"written": 3})
    with database() as uow:
        assert uow.shared.setting("simulator") == {"on": False, "rate": 2.0}
        beat = uow.shared.heartbeat("simulator")
    assert beat is not None and (beat.name, beat.pid, beat.detail) == ("simulator", 1234, {"written": 3})


def test_a_setting_written_in_a_rolled_back_unit_of_work_is_not_kept(database):
    with pytest.raises(RuntimeError), database() as uow:
        uow.shared.put_setting("simulator", {"on": True}, "admin")
        raise RuntimeError("boom")
    with database() as uow:
        assert uow.shared.setting("simulator") == {}


def claim(database, message_id, owner, retry=False):
    with database() as uow:
        return uow.shared.claim_analysis(message_id, owner, retry=retry)


def test_a_message_is_claimed_once_until_released_and_not_at_all_once_it_has_an_outcome(database):
    _, said = thread_with_message(database)
    assert claim(database, said.id, "one")
    assert not claim(database, said.id, "two")
    with database() as uow:
        uow.shared.release_analysis(said.id, "two")  # not two's claim: nothing happens
    assert not claim(database, said.id, "two")
    with database() as uow:
        uow.assist.save_outcome(said.id, None, not_analysed="model crashed")
        uow.shared.release_analysis(said.id, "one")
    assert not claim(database, said.id, "two")  # it has an outcome: nothing to analyse
    assert claim(database, said.id, "two", retry=True)  # a retry may take a "not analysed" message
    assert not claim(database, said.id, "three", retry=True)
    with database() as uow:
        assert uow.assist.save_outcome(said.id, analysis(), analysis().suggestions, retry=True)
        uow.shared.release_analysis(said.id, "two")
        assert uow.assist.get_analysis(said.id) is not None
    assert not claim(database, said.id, "three", retry=True)  # analysed now: a retry has nothing to do


def test_claiming_a_message_that_does_not_exist_is_not_found(database):
    with pytest.raises(NotFound), database() as uow:
        uow.shared.claim_analysis(12345, "one")
