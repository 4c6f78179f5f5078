"""IntegrationRepository contract (services/ports.py): API keys, requests by Idempotency-Key, requests per minute,
and the integrations' thread and customer ids, on every backend."""

from __future__ import annotations

import pytest

from services.errors import Conflict, NotFound
from tests.contracts.conftest import customer, thread_with_message

EARLY = "2000-01-01T00:00:00Z"
LATE = "2999-01-01T00:00:00Z"


def a_key(database, name="shop", key_hash="h1"):
    with database() as uow:
        return uow.integrations.add_key(name, key_hash, "fl_abc", 60, "cli")


def test_a_key_is_found_by_its_hash_listed_by_id_and_revoked_once(database):
    shop = a_key(database)
    mail = a_key(database, "mail", "h2")
    with database() as uow:
        assert uow.integrations.key("h1") == shop
        assert (shop.name, shop.prefix, shop.rate_per_minute, shop.created_by, shop.revoked_at) == (
            "shop", "fl_abc", 60, "cli", "")
        assert [k.name for k in uow.integrations.keys()] == ["shop", "mail"]
        revoked = uow.integrations.revoke_key("mail")
    assert revoked.revoked_at and revoked.id == mail.id
    with database() as uow:
        assert uow.integrations.revoke_key("mail").revoked_at == revoked.revoked_at  # stays as first revoked
        assert uow.integrations.key("h2").revoked_at == revoked.revoked_at
        with pytest.raises(NotFound):
            uow.integrations.key("nope")
        with pytest.raises(NotFound):
            uow.integrations.revoke_key("nope")


def test_a_key_is_found_by_id_and_name_and_keeps_its_widget_flag(database):
    shop = a_key(database)
    with database() as uow:
        site = uow.integrations.add_key("site", "h2", "fl_def", 30, "cli", widget=True)
    with database() as uow:
        assert uow.integrations.key_by_id(shop.id) == uow.integrations.key_named("shop") == shop
        assert (shop.widget, uow.integrations.key_named("site").widget) == (False, True)
        assert uow.integrations.key_by_id(site.id).widget is True
        for missing in (lambda: uow.integrations.key_by_id(999), lambda: uow.integrations.key_named("nope")):
            with pytest.raises(NotFound):
                missing()


def test_a_key_name_or_hash_is_taken_once(database):
    a_key(database)
    for name, key_hash in (("shop", "other"), ("other", "h1")):
        with pytest.raises(Conflict), database() as uow:
            uow.integrations.add_key(name, key_hash, "fl_x", 10, "cli")
    with database() as uow:
        assert len(uow.integrations.keys()) == 1


def test_requests_are_counted_per_key_and_minute_and_earlier_minutes_forgotten(database):
    shop, mail = a_key(database), a_key(database, "mail", "h2")
    with database() as uow:
        counts = [uow.integrations.count_request(shop.id, "2026-12-02T05:14") for _ in range(3)]
        other = uow.integrations.count_request(mail.id, "2026-12-02T05:14")
        later = uow.integrations.count_request(shop.id, "2026-12-02T05:15")
        with pytest.raises(NotFound):
            uow.integrations.count_request(999, "2026-12-02T05:15")
    assert (counts, other, later) == ([1, 2, 3], 1, 1)
    with database() as uow:
        assert uow.integrations.count_request(shop.id, "2026-12-02T05:15") == 2


def test_requests_are_counted_per_client_scope_and_minute(database):
    with database() as uow:
        counts = [uow.integrations.count_client("visitor", "v1", "2026-12-02T05:14") for _ in range(3)]
        others = (uow.integrations.count_client("visitor", "v2", "2026-12-02T05:14"),
                  uow.integrations.count_client("start", "v1", "2026-12-02T05:14"),
                  uow.integrations.count_client("visitor", "v1", "2026-12-02T05:15"))
    assert (counts, others) == ([1, 2, 3], (1, 1, 1))
    with database() as uow:
        assert uow.integrations.count_client("visitor", "v1", "2026-12-02T05:15") == 2


def test_an_idempotency_key_is_claimed_once_until_finished_or_dropped(database):
    shop, mail = a_key(database), a_key(database, "mail", "h2")
    with database() as uow:
        assert uow.integrations.claim_request(shop.id, "k1", "body", EARLY) is None
    with database() as uow:
        held = uow.integrations.claim_request(shop.id, "k1", "other body", EARLY)
        assert (held.status, held.body_hash, held.response) == (0, "body", "")  # pending: not claimed again
        assert uow.integrations.claim_request(mail.id, "k1", "body", EARLY) is None  # keys are per API key
        uow.integrations.finish_request(shop.id, "k1", 201, '{"message_id": 7}')
    with database() as uow:
        done = uow.integrations.claim_request(shop.id, "k1", "body", LATE)  # a finished one is never stale
        assert (done.status, done.response) == (201, '{"message_id": 7}')
        uow.integrations.drop_request(mail.id, "k1")
        assert uow.integrations.claim_request(mail.id, "k1", "again", EARLY) is None
        with pytest.raises(NotFound):
            uow.integrations.claim_request(999, "k1", "body", EARLY)


def test_a_pending_claim_left_before_the_stale_moment_is_taken_over(database):
    shop = a_key(database)
    with database() as uow:
        uow.integrations.claim_request(shop.id, "k1", "body", EARLY)
    with database() as uow:
        assert uow.integrations.claim_request(shop.id, "k1", "body", LATE) is None
        assert uow.integrations.claim_request(shop.id, "k1", "body", EARLY).status == 0


def test_finished_requests_before_a_moment_are_forgotten_pending_ones_kept(database):
    shop = a_key(database)
    with database() as uow:
        for key in ("done", "pending"):
            uow.integrations.claim_request(shop.id, key, "body", EARLY)
        uow.integrations.finish_request(shop.id, "done", 201, "{}")
    with database() as uow:
        assert uow.integrations.forget_requests(EARLY) == 0
        assert uow.integrations.forget_requests(LATE) == 1
    with database() as uow:
        assert uow.integrations.claim_request(shop.id, "done", "new body", EARLY) is None  # usable again
        assert uow.integrations.claim_request(shop.id, "pending", "body", EARLY).status == 0


def test_a_rolled_back_claim_leaves_nothing(database):
    shop = a_key(database)
    with pytest.raises(RuntimeError), database() as uow:
        uow.integrations.claim_request(shop.id, "k1", "body", EARLY)
        raise RuntimeError("refused")
    with database() as uow:
        assert uow.integrations.claim_request(shop.id, "k1", "body", EARLY) is None


def test_threads_and_customers_map_an_integrations_ids_to_ours(database):
    shop, mail = a_key(database), a_key(database, "mail", "h2")
    talk, _ = thread_with_message(database)
    with database() as uow:
        uow.integrations.add_thread(shop.id, "t-1", talk.id)
        uow.integrations.add_customer(shop.id, "c-1", talk.customer_id)
    with database() as uow:
        assert uow.integrations.thread(shop.id, "t-1") == talk.id
        assert uow.integrations.thread(mail.id, "t-1") is None
        assert uow.integrations.customer(shop.id, "c-1") == talk.customer_id
        assert uow.integrations.customer(shop.id, "c-2") is None
        with pytest.raises(Conflict):
            uow.integrations.add_thread(shop.id, "t-1", talk.id)
        with pytest.raises(Conflict):
            uow.integrations.add_customer(shop.id, "c-1", talk.customer_id)
        with pytest.raises(NotFound):
            uow.integrations.add_thread(shop.id, "t-2", 999)
        with pytest.raises(NotFound):
            uow.integrations.add_customer(shop.id, "c-2", 999)


def test_a_customer_is_found_by_email_without_case(database):
    with database() as uow:
        first = uow.customers.add(customer())
        uow.customers.add(customer("Ada Again"))
        assert uow.integrations.customer_by_email("ADA@example.com") == first.id
        assert uow.integrations.customer_by_email("bob@example.com") is None


def test_a_conversation_names_the_integration_thread_that_opened_it(database):
    shop = a_key(database)
    talk, _ = thread_with_message(database)
    other, _ = thread_with_message(database)
    with database() as uow:
        uow.integrations.add_thread(shop.id, "page:dm:9001", talk.id)
    with database() as uow:
        assert uow.integrations.thread_of(talk.id) == (shop.id, "page:dm:9001")
        assert uow.integrations.thread_of(other.id) is None


def test_an_answer_is_rated_once_and_a_later_rating_replaces_it(database):
    talk, said = thread_with_message(database)
    other, theirs = thread_with_message(database)
    with database() as uow:
        uow.integrations.rate_answer(said.id, talk.id, 1, "2026-12-02T08:00:00Z")
        uow.integrations.rate_answer(theirs.id, other.id, 1, "2026-12-02T08:00:00Z")
    with database() as uow:
        uow.integrations.rate_answer(said.id, talk.id, -1, "2026-12-02T08:01:00Z")  # changed their mind
    with database() as uow:
        assert uow.integrations.answer_ratings(talk.id) == {said.id: -1}
        assert uow.integrations.answer_ratings(other.id) == {theirs.id: 1}
        with pytest.raises(NotFound):
            uow.integrations.rate_answer(said.id, other.id, 1, "2026-12-02T08:02:00Z")  # not that conversation's
        with pytest.raises(NotFound):
            uow.integrations.rate_answer(999, talk.id, 1, "2026-12-02T08:02:00Z")
    with database() as uow:
        assert uow.integrations.answer_ratings(other.id) == {theirs.id: 1}
