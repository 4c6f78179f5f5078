"""The customer's thumbs on the assistant's answers over the widget's HTTP API (a real uvicorn server, a real SQLite
file), and the supervisors' assistant figures they feed (services/analytics.py assistant_board)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from services import analytics, api_keys
from services.bootstrap import Services, build_services
from services.errors import PermissionDenied
from services.models import Article, Suggestion, User
from services.permissions import CLI
from tests.api.conftest import Server
from tests.fakes import fake_pipeline

SUPERVISOR = User(1, "supervisor", "Priya", "supervisor")
AGENT = User(2, "sam", "Sam", "agent")


class ArticleReplies:
    """Suggested replies grounded in one approved article (the assistant answers from it)."""

    def __init__(self) -> None:
        self.article_id = 0

    def suggest(self, context, k: int = 3) -> list[Suggestion]:
        return [Suggestion("You can return any order within 30 days.", f"kb:{self.article_id}", 0.8)]


@pytest.fixture
def shop(settings) -> Iterator[tuple[Services, Server]]:
    replies = ArticleReplies()
    services = build_services(settings, **{**fake_pipeline(), "replies": replies})
    with services.uow() as uow:
        replies.article_id = uow.articles.add(Article(0, "returns", "Returning an order", "Within 30 days.",
                                                      "returns", "approved", 1, "2026-11-01T00:00:00Z")).id
    api_keys.create_key(services, CLI, "demo-shop", widget=True)
    server = Server(services)
    yield services, server
    server.stop()


def visit(server: Server, text: str) -> tuple[str, dict]:
    token = server.call("POST", "/widget/v1/visitors", {"site": "demo-shop"}).body["token"]
    auth = {"Authorization": f"Bearer {token}"}
    assert server.call("POST", "/widget/v1/messages", {"text": text}, headers=auth,
                       idempotency=str(uuid.uuid4())).status == 201
    return token, server.call("GET", "/widget/v1/messages", headers=auth).body


def rate(server: Server, token: str, message_id, rating):
    return server.call("POST", "/widget/v1/ratings", {"message_id": message_id, "rating": rating},
                       headers={"Authorization": f"Bearer {token}"})


def test_an_answer_is_rated_once_changeably_and_only_by_its_own_visitor(shop):
    services, server = shop
    token, page = visit(server, "how do I return my order?")
    asked, answer = page["messages"]
    assert answer["role"] == "assistant" and answer["rateable"] is True and answer["rating"] is None
    assert "rating" not in asked  # the customer's own message is not rateable
    assert rate(server, token, answer["id"], "up").body == {"message_id": answer["id"], "rating": "up"}
    changed = rate(server, token, answer["id"], "down")
    assert changed.status == 200 and changed.body["rating"] == "down"
    shown = server.call("GET", "/widget/v1/messages", headers={"Authorization": f"Bearer {token}"}).body
    assert shown["messages"][1]["rating"] == "down"
    with services.uow() as uow:
        assert uow.integrations.answer_ratings(page["conversation_id"]) == {answer["id"]: -1}  # one, the latest
        trail = uow.audit.trail("message", str(answer["id"]))
    assert [e.action for e in trail] == ["widget_rate_answer", "widget_rate_answer"]
    # someone else's chat, the customer's own message, malformed values, no token
    other, _ = visit(server, "and my other order?")
    assert rate(server, other, answer["id"], "up").status == 404
    assert rate(server, token, asked["id"], "up").status == 404
    assert rate(server, token, answer["id"], "meh").body["error"]["field"] == "rating"
    assert rate(server, token, str(answer["id"]), "up").status == 422
    assert rate(server, token, True, "up").status == 422
    assert server.call("POST", "/widget/v1/ratings", {"message_id": answer["id"], "rating": "up"}).status == 401
    with services.uow() as uow:
        assert uow.integrations.answer_ratings(page["conversation_id"]) == {answer["id"]: -1}


def test_the_handover_notice_is_not_rateable(shop):
    services, server = shop
    token, page = visit(server, "I want to talk to a real person about my order")
    notice = page["messages"][-1]
    assert notice["role"] == "assistant" and notice["rateable"] is False
    assert rate(server, token, notice["id"], "down").status == 404


def test_supervisors_see_containment_handover_reasons_bot_only_csat_and_ratings(shop):
    services, server = shop
    answered, page = visit(server, "how do I return my order?")  # contained: answered, never handed over
    rate(server, answered, page["messages"][1]["id"], "up")
    with services.uow() as uow:
        uow.conversations.update(page["conversation_id"], csat=4)
    visit(server, "can I speak to a human about my order")  # handed over at once: asked for a person
    pending, page = visit(server, "how do I return my order please")  # answered, rated down, handed over next
    rate(server, pending, page["messages"][1]["id"], "down")
    server.call("POST", "/widget/v1/messages", {"text": "no, get me an agent for my order"},
                headers={"Authorization": f"Bearer {pending}"}, idempotency=str(uuid.uuid4()))
    totals, kpis = analytics.assistant_board(services, SUPERVISOR)
    # 3 chats handled; contained 1; handed over 2 (both: the customer asked for a person; the second message of the
    # third chat also trips the escalation rules: a customer asking again for an agent); answers 2; bot-only
    # CSAT 4 from the one contained chat; ratings 1 up (contained) and 1 down (handed over)
    assert (totals.handled, totals.contained, totals.handed_over, totals.answers) == (3, 1, 2, 2)
    assert dict(totals.reasons) == {"asked_for_person": 2, "escalation_rules": 1}
    assert (totals.bot_only_csat, totals.helpful_rate, totals.bot_only_helpful_rate) == (4.0, 0.5, 1.0)
    shown = {k.key: k.value for k in kpis}
    assert shown["containment"] == pytest.approx(1 / 3) and shown["bot-only-csat"] == 4.0
    with services.uow() as uow:
        assert uow.audit.entries(5)[0].action == "view_assistant_analytics"
    with pytest.raises(PermissionDenied):
        analytics.assistant_board(services, AGENT)
