"""The CSAT and churn predictors (services/predictors.py): trained on a small store with planted signal they find it
(better than the mean-CSAT and last-sentiment baselines on the held-out newest rows), explain each prediction by
factors that add up to it, say so instead of predicting with too little history, are shared through the database,
and are refused to roles that may not see analytics."""

from __future__ import annotations

import json
import math

import pytest

from services import predictors
from services.bootstrap import build_services
from services.cli import main
from services.errors import InvalidInput, PermissionDenied
from services.models import Conversation, Customer, StoredModel, User
from tests.planted import NOW, plant
from tests.repos import repos

SUPERVISOR = User(1, "priya", "Priya", "supervisor")
ADMIN = User(2, "ada", "Ada", "admin")


@pytest.fixture
def planted(services):
    counts = plant(services)
    assert counts["answers"] >= predictors.MIN_SURVEYS and counts["left"] >= predictors.MIN_CHURNED
    return services


def test_training_on_planted_signal_beats_both_baselines_on_the_newest_rows(planted):
    report = predictors.train(planted, SUPERVISOR, now=NOW)
    assert report.notes == ()
    csat, churn = report.trained["csat"].heldout, report.trained["churn"].heldout
    assert csat["mae"] < csat["mae_mean_baseline"] - 0.2
    assert csat["mae"] < csat["mae_sentiment_baseline"]
    assert csat["auc_unhappy"] > 0.8 and csat["auc_unhappy"] > csat["auc_unhappy_sentiment_baseline"] + 0.05
    assert churn["auc"] > 0.7 and churn["auc"] > churn["auc_sentiment_baseline"] + 0.1
    assert churn["brier"] < churn["brier_base_rate_baseline"]
    assert "oldest" in report.trained["csat"].split and report.trained["csat"].trained_by == "priya"


def test_the_planted_drivers_get_the_planted_signs(planted):
    predictors.train(planted, SUPERVISOR, now=NOW)
    with planted.uow() as uow:
        csat = json.loads(uow.predictions.model("csat").payload)
        churn = json.loads(uow.predictions.model("churn").payload)
    weight = dict(zip(csat["features"], csat["coef"], strict=True))
    assert weight["wait"] < -0.5 and weight["negative"] < -0.5
    assert dict(zip(churn["features"], churn["coef"], strict=True))["late"] > 0.5


def test_every_prediction_is_its_base_plus_its_effects_and_names_what_went_wrong(planted):
    predictors.train(planted, SUPERVISOR, now=NOW)
    with planted.uow() as uow:  # an open chat, waiting 40 minutes, negative: heading for a low score
        who = uow.customers.add(Customer(0, "Late", "l@example.com", "", "standard", 1.0, "2024", "X")).id
        talk = uow.conversations.add(Conversation(0, who, "chat", "open", "Still waiting", "2026-12-01T11:20:00Z",
                                                  "2026-12-01T11:20:00Z"))
        from services.models import ConversationFacts
        uow.analytics.record_facts(talk.id, ConversationFacts(sentiment="negative"))
    view = predictors.predictions(planted, SUPERVISOR, now=NOW)
    assert view.notes == () and view.csat and view.churn
    for p in view.csat:
        assert p.predicted == pytest.approx(min(5, max(1, p.base + sum(p.effects.values()))), abs=0.01)
    for r in view.churn:
        assert r.risk == pytest.approx(1 / (1 + math.exp(-(r.base + sum(r.effects.values())))), abs=1e-3)
        assert list(r.risk for r in view.churn) == sorted((r.risk for r in view.churn), reverse=True)
    worst = next(p for p in view.csat if p.conversation_id == talk.id)
    assert worst == view.csat[0], "the open conversation waiting 40 min with a negative message is the worst"
    texts = [f.text for f in worst.factors]
    assert texts[0].startswith("waiting 40 min so far (target 2 min) (-") and "CSAT)" in texts[0]
    assert any(t.startswith("last message negative (-") for t in texts)
    assert all(f.effect < 0 for f in worst.factors)
    risky = view.churn[0]
    assert any("first replies late (+" in f.text and f.effect > 0 for f in risky.factors)


def test_too_little_history_says_so_and_trains_nothing(services):
    plant(services, customers=30)
    report = predictors.train(services, ADMIN, now=NOW)
    assert report.trained == {}
    assert report.notes[0].startswith("Too little history to predict CSAT: ")
    assert report.notes[0].endswith(f"survey answers; at least {predictors.MIN_SURVEYS} are needed.")
    assert report.notes[1].startswith("Too little history to predict churn: ")
    with services.uow() as uow:
        assert uow.predictions.model("csat") is None and uow.predictions.model("churn") is None
    view = predictors.predictions(services, SUPERVISOR, now=NOW)
    assert (view.csat, view.churn) == ((), ()) and view.notes == report.notes


def test_with_enough_history_but_no_model_the_view_says_how_to_train_one(planted):
    view = predictors.predictions(planted, SUPERVISOR, now=NOW)
    assert view.notes[0].startswith("No CSAT model is trained yet: ") and "train-predictors" in view.notes[0]


def test_a_model_trained_by_one_process_is_used_by_another(planted, settings):
    predictors.train(planted, SUPERVISOR, now=NOW)
    replica = build_services(settings)  # another process's container: nothing shared but the database
    view = predictors.predictions(replica, SUPERVISOR, now=NOW)
    assert view.csat_model is not None and view.churn_model is not None and view.churn


def test_a_stored_model_this_code_cannot_read_is_no_model(planted):
    with planted.uow() as uow:
        uow.predictions.save_model(StoredModel("csat", NOW, "cli", '{"features": ["shoe size"], "coef": [1]}'))
        uow.predictions.save_model(StoredModel("churn", NOW, "cli", "not json"))
    view = predictors.predictions(planted, SUPERVISOR, now=NOW)
    assert view.csat_model is None and view.churn_model is None and len(view.notes) == 2


@pytest.mark.parametrize("role", ["agent", "kb_editor"])
def test_roles_without_analytics_are_refused_before_anything_is_read(planted, role):
    someone = User(9, "sam", "Sam", role)
    with pytest.raises(PermissionDenied):
        predictors.train(planted, someone, now=NOW)
    with pytest.raises(PermissionDenied):
        predictors.predictions(planted, someone, now=NOW)
    with planted.uow() as uow:
        assert uow.predictions.model("csat") is None
    assert not [e for e in repos(planted).audit.entries(50) if e.actor == "sam"]


def test_training_and_viewing_are_audited(planted):
    predictors.train(planted, SUPERVISOR, now=NOW)
    predictors.predictions(planted, SUPERVISOR, now=NOW)
    actions = [e.action for e in repos(planted).audit.entries(50, actor="priya")]
    assert {"train_predictors", "store_predictors", "view_predictions"} <= set(actions)


def test_a_malformed_moment_is_a_clear_error(planted):
    with pytest.raises(InvalidInput, match="now must be a moment"):
        predictors.train(planted, SUPERVISOR, now="yesterday")


def test_the_command_trains_and_prints_the_held_out_figures(planted, settings, monkeypatch, capsys):
    monkeypatch.setenv("FRONTLINE_DB_PATH", settings.db_path)
    monkeypatch.setenv("FRONTLINE_BACKEND", "local")
    monkeypatch.delenv("FRONTLINE_DATABASE_URL", raising=False)
    if settings.database_url:
        monkeypatch.setenv("FRONTLINE_DATABASE_URL", settings.database_url)
    assert main(["train-predictors", "--now", NOW]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert set(printed["trained"]) == {"csat", "churn"} and printed["notes"] == []
    assert printed["trained"]["churn"]["heldout"]["auc"] > 0.7


def test_the_command_says_when_there_is_too_little_history(services, settings, monkeypatch, capsys):
    plant(services, customers=30)
    monkeypatch.setenv("FRONTLINE_DB_PATH", settings.db_path)
    monkeypatch.setenv("FRONTLINE_BACKEND", "local")
    if settings.database_url:
        monkeypatch.setenv("FRONTLINE_DATABASE_URL", settings.database_url)
    assert main(["train-predictors", "--now", NOW]) == 1
    err = capsys.readouterr().err
    assert "Too little history to predict CSAT" in err and "Too little history to predict churn" in err


def test_an_agent_sees_the_churn_risk_of_their_own_conversations_customer_only(planted):
    predictors.train(planted, SUPERVISOR, now=NOW)
    with planted.uow() as uow:
        left = next(r for r in uow.predictions.contacts() if r.churned_at)
        stays = next(r for r in uow.predictions.contacts() if not r.churned_at)
        for row in (left, stays):
            uow.conversations.update(row.conversation_id, assigned_agent="sam")
    sam = User(3, "sam", "Sam", "agent")
    risk = predictors.customer_risk(planted, sam, stays.conversation_id)
    assert risk is not None and risk.customer_id == stays.customer_id and 0 < risk.risk < 1
    assert risk.risk == pytest.approx(1 / (1 + math.exp(-(risk.base + sum(risk.effects.values())))), abs=1e-3)
    assert predictors.customer_risk(planted, sam, left.conversation_id) is None, "a customer who left has no risk"
    assert "view_churn_risk" in [e.action for e in repos(planted).audit.entries(10, actor="sam")]
    with pytest.raises(PermissionDenied, match="not yours"):  # the agent's own conversations only
        predictors.customer_risk(planted, User(4, "kim", "Kim", "agent"), stays.conversation_id)


def test_training_as_of_an_earlier_moment_sees_neither_later_conversations_nor_later_departures(planted):
    with planted.uow() as uow:
        rows = uow.predictions.contacts()
    early = sorted(r.created_at for r in rows)[len(rows) // 4]  # a quarter of the history had happened by then
    report = predictors.train(planted, SUPERVISOR, now=early)
    assert "Too little history to predict CSAT" in report.notes[0]
    answered_by_then = sum(r.csat is not None and r.created_at <= early for r in rows)
    assert f": {answered_by_then} survey answers;" in report.notes[0]


def test_defect_churn_with_one_class_in_the_older_customers_is_a_note_not_a_crash(services):
    plant(services)
    with services.uow() as uow:  # only the newest customers (by their last contact) left
        last = {}
        for row in uow.predictions.contacts():
            last[row.customer_id] = row.created_at
        order = sorted(last, key=last.get)
        for customer_id in order:
            uow.predictions.record_churn(customer_id, "")
        for customer_id in order[-40:]:
            uow.predictions.record_churn(customer_id, "2026-10-30T00:00:00Z")
    report = predictors.train(services, SUPERVISOR, now=NOW)
    assert "churn" not in report.trained and "csat" in report.trained
    assert report.notes == ("Too little history to predict churn: the older customers to train on or the newest held "
                            "out for testing all left or all stayed.",)
