"""The ingestion API's use cases on the in-memory fakes: admission (key, rate limit) and what a refused or raced POST
leaves behind (nothing but the rate count; its Idempotency-Key free again)."""

from __future__ import annotations

import threading

import pytest

from services import api_keys, ingestion
from services.bootstrap import build_services
from services.config import Settings
from services.errors import Conflict, InvalidField, NotAuthenticated, PermissionDenied, RateLimited
from services.models import Conversation, Customer, User
from services.permissions import CLI
from tests.fake_repositories import FakeDatabase, FakeIntegrations, FakeUnitOfWork
from tests.fakes import fake_pipeline

BODY = {"channel": "chat", "thread_id": "t-1", "text": "Where is my order BW-100001?",
        "customer": {"id": "c-1", "name": "Ann Lee"}}


def built(store: FakeDatabase | None = None):
    return build_services(Settings(db_path=":memory:"), store=store or FakeDatabase(), **fake_pipeline())


def stored_messages(services) -> int:
    with services.uow() as uow:
        return uow.conversations.count_messages()


def test_only_an_admin_manages_keys_and_a_key_is_shown_once():
    services = built()
    with pytest.raises(PermissionDenied):
        api_keys.create_key(services, User(1, "agent", "Alex", "agent"), "shop")
    stored, key = api_keys.create_key(services, CLI, "shop")
    assert key.startswith("fl_") and stored.prefix == key[:10] and key not in repr(stored)
    assert api_keys.admit(services, key) == stored


def test_admission_refuses_unknown_revoked_and_over_the_limit_keys():
    services = built()
    key = api_keys.create_key(services, CLI, "shop", rate_per_minute=2)[1]
    for presented in (None, "", "fl_x", "fl_" + "a" * 43, 42):
        with pytest.raises(NotAuthenticated):
            api_keys.admit(services, presented)
    api_keys.admit(services, key)
    api_keys.admit(services, key)
    with pytest.raises(RateLimited) as limited:
        api_keys.admit(services, key)
    assert 1 <= limited.value.retry_after <= 60
    api_keys.revoke_key(services, CLI, "shop")
    with pytest.raises(NotAuthenticated, match="revoked"):
        api_keys.admit(services, key)


class RacingDatabase(FakeDatabase):
    """Another API process opens the same new thread between this one's look-up and its write."""

    def __init__(self) -> None:
        super().__init__()
        self.race = False

    def __call__(self) -> FakeUnitOfWork:
        return RacingUnitOfWork(self)


class RacingUnitOfWork(FakeUnitOfWork):
    def __enter__(self) -> FakeUnitOfWork:
        super().__enter__()
        self.integrations = RacingIntegrations(self._outer or self)
        return self


class RacingIntegrations(FakeIntegrations):
    def thread(self, key_id: int, thread_id: str) -> int | None:
        found, database = super().thread(key_id, thread_id), self._uow._database
        if database.race:  # right after this process looked: the other one commits its new thread
            database.race = False
            other = threading.Thread(target=_open_elsewhere, args=(database, key_id, thread_id))
            other.start()
            other.join()
        return found


def _open_elsewhere(database: FakeDatabase, key_id: int, thread_id: str) -> None:
    """What the other process committed: the customer, their conversation and the thread (its message aside)."""
    with database() as uow:
        customer = uow.customers.add(Customer(0, "Ann Lee", "", "", "standard", 0.0, "2026-12-02", "")).id
        uow.integrations.add_customer(key_id, "c-1", customer)
        talk = uow.conversations.add(Conversation(0, customer, "chat", "open", "Web chat", "2026-12-02T05:00:00Z",
                                                  "2026-12-02T05:00:00Z"))
        uow.integrations.add_thread(key_id, thread_id, talk.id)


def test_a_thread_opened_by_another_process_meanwhile_refuses_this_post_whole_and_frees_its_key():
    store = RacingDatabase()
    services = built(store)
    key = api_keys.admit(services, api_keys.create_key(services, CLI, "shop")[1])
    store.race = True
    with pytest.raises(Conflict):
        ingestion.post_message(services, key, BODY, "k1")
    with services.uow() as uow:
        assert uow.conversations.count_messages() == 0  # nothing of the refused post
        assert len(uow.conversations.all()) == 1  # the other process's conversation only
        racer = uow.integrations.thread(key.id, "t-1")
        assert len(uow.customers.all()) == 1
    retried = ingestion.post_message(services, key, BODY, "k1")  # the key was freed: the retry is handled afresh
    assert retried.replayed is False and retried.body["new_conversation"] is False
    assert retried.body["conversation_id"] == racer


def test_a_refused_body_spends_neither_the_idempotency_key_nor_any_row():
    services = built()
    key = api_keys.admit(services, api_keys.create_key(services, CLI, "shop")[1])
    before = services.store.commits
    with pytest.raises(InvalidField) as refused:
        ingestion.post_message(services, key, {**BODY, "channel": "fax"}, "k1")
    assert refused.value.field == "channel" and services.store.commits == before
    assert ingestion.post_message(services, key, BODY, "k1").status == 201
    again = ingestion.post_message(services, key, BODY, "k1")
    assert again.replayed and stored_messages(services) == 1
