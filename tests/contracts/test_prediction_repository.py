"""PredictionRepository on every backend: the contacts the predictors learn from (facts, survey answer, tier, churn
date), churn dates, and the fitted models shared by every replica (one row per kind, replaced on retraining)."""

from __future__ import annotations

import pytest

from services.errors import NotFound
from services.models import ContactRow, Conversation, ConversationFacts, StoredModel
from tests.contracts.conftest import customer


def _store(database):
    with database() as uow:
        ada = uow.customers.add(customer())
        bob = uow.customers.add(customer("Bob Stone", tier="gold"))
        late = uow.conversations.add(Conversation(0, ada.id, "chat", "resolved", "Late", "2026-11-02T09:00:00Z",
                                                  "2026-11-02T10:00:00Z", "sam", csat=2))
        early = uow.conversations.add(Conversation(0, bob.id, "email", "open", "Hi", "2026-11-01T09:00:00Z",
                                                   "2026-11-01T09:00:00Z"))
        uow.analytics.record_facts(late.id, ConversationFacts(900, "2026-11-02T10:00:00Z", 3600, 1, 0, True,
                                                              "Complaint", "negative"))
    return ada, bob, late, early


def test_contacts_carry_facts_survey_tier_and_churn_oldest_first(database):
    ada, bob, late, early = _store(database)
    with database() as uow:
        uow.predictions.record_churn(ada.id, "2026-11-20T00:00:00Z")
    with database() as uow:
        rows = uow.predictions.contacts()
    assert rows == [
        ContactRow(early.id, bob.id, "email", "open", "2026-11-01T09:00:00Z", None, 0, 0, False, "", "", None, "gold",
                   ""),
        ContactRow(late.id, ada.id, "chat", "resolved", "2026-11-02T09:00:00Z", 900, 1, 0, True, "Complaint",
                   "negative", 2, "standard", "2026-11-20T00:00:00Z"),
    ]

    with database() as uow:
        assert [r.conversation_id for r in uow.predictions.contacts(ada.id)] == [late.id]
        assert uow.predictions.contacts(999_999) == []


def test_churn_can_be_cleared_and_an_unknown_customer_is_not_found(database):
    ada, *_ = _store(database)
    with database() as uow:
        uow.predictions.record_churn(ada.id, "2026-11-20T00:00:00Z")
        uow.predictions.record_churn(ada.id, "")
    with database() as uow:
        assert {r.churned_at for r in uow.predictions.contacts()} == {""}
        with pytest.raises(NotFound):
            uow.predictions.record_churn(999_999, "2026-11-20T00:00:00Z")


def test_a_model_is_stored_whole_per_kind_and_replaced_by_the_next_training(database):
    first = StoredModel("csat", "2026-11-20T08:00:00Z", "cli", '{"coef": [0.5, -1.25]}')
    with database() as uow:
        assert uow.predictions.model("csat") is None
        uow.predictions.save_model(first)
        uow.predictions.save_model(StoredModel("churn", "2026-11-20T08:00:01Z", "cli", '{"coef": []}'))
    with database() as uow:
        assert uow.predictions.model("csat") == first
        uow.predictions.save_model(StoredModel("csat", "2026-11-21T08:00:00Z", "maria", '{"coef": [1.0]}'))
    with database() as uow:
        assert uow.predictions.model("csat") == StoredModel("csat", "2026-11-21T08:00:00Z", "maria", '{"coef": [1.0]}')
        assert uow.predictions.model("churn").trained_by == "cli"
        assert uow.predictions.model("nothing") is None


def test_a_model_saved_in_a_rolled_back_unit_of_work_is_not_stored(database):
    with pytest.raises(RuntimeError), database() as uow:
        uow.predictions.save_model(StoredModel("csat", "2026-11-20T08:00:00Z", "cli", "{}"))
        raise RuntimeError("boom")
    with database() as uow:
        assert uow.predictions.model("csat") is None
