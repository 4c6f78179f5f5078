"""Use cases on the in-memory repositories (tests/fake_repositories.py): each multi-write action commits once, a
failure half-way writes nothing, and a message is analysed once even when two sessions race for it."""

from __future__ import annotations

import threading

import pytest

from services import conversations, escalations, inbox
from services.bootstrap import build_services
from services.models import Customer, Message, User
from tests.fake_repositories import FakeAudit, FakeDatabase
from tests.fakes import FakeReplies, fake_pipeline
from tests.repos import repos

AGENT = User(1, "agent", "Alex Rivera", "agent")
SUPERVISOR = User(2, "supervisor", "Priya", "supervisor")


@pytest.fixture
def database():
    return FakeDatabase()


@pytest.fixture
def svc(settings, database):
    services = build_services(settings, store=database, **fake_pipeline())
    repos(services).users.add("agent", "Alex Rivera", "agent", "x")
    repos(services).users.add("supervisor", "Priya", "supervisor", "x")
    repos(services).customers.add(Customer(0, "Dana Reyes", "dana@example.com", "", "gold", 10.0, "2024-01-01", "Leeds"))
    return services


@pytest.fixture
def conversation(svc):
    conversation, _, _ = inbox.start_conversation(svc, 1, "chat", "Where is my order", "where is my order?", "agent")
    return conversation


def test_the_fake_is_what_the_use_cases_wrote_to(svc, conversation, settings):
    assert not settings.database_file.exists()  # nothing touched SQLite
    assert [m.text for m in repos(svc).conversations.messages_for(conversation.id)] == ["where is my order?"]


def test_a_new_conversation_with_its_first_message_and_analysis_is_one_commit(svc, database):
    before = database.commits
    conversation, message, analysis = inbox.start_conversation(svc, 1, "email", "Refund", "refund my order please")
    assert database.commits == before + 1
    assert repos(svc).assist.get_analysis(message.id) == analysis
    assert [(e.kind, e.conversation_id) for e in database._state.events] == [("customer_message", conversation.id)]
    assert conversation.id == message.conversation_id


@pytest.mark.parametrize("action", [
    lambda s, c: conversations.send_reply(s, AGENT, c, "It ships today."),
    lambda s, c: conversations.add_note(s, AGENT, c, "checked the warehouse"),
    lambda s, c: conversations.escalate(s, AGENT, c, "please take this one"),
    lambda s, c: conversations.transfer(s, AGENT, c, "billing", "billing question"),
    lambda s, c: conversations.resolve(s, AGENT, c, "answered"),
    lambda s, c: inbox.receive_customer_message(s, c, "any news?"),
], ids=["send_reply", "add_note", "escalate", "transfer", "resolve", "receive_customer_message"])
def test_every_multi_write_action_commits_once(svc, database, conversation, action):
    before = database.commits
    action(svc, conversation.id)
    assert database.commits == before + 1


@pytest.mark.parametrize("step", ["take_over", "reassign", "return_to_agent"])
def test_every_supervisor_action_commits_once(svc, database, conversation, step):
    conversations.escalate(svc, AGENT, conversation.id, "please take this one")
    before = database.commits
    args = {"take_over": (), "reassign": ("agent", "yours again"), "return_to_agent": ("call them back",)}[step]
    getattr(escalations, step)(svc, SUPERVISOR, conversation.id, *args)
    assert database.commits == before + 1


def test_send_reply_failing_half_way_writes_nothing(svc, database, conversation, monkeypatch):
    """The reply, its event and the suggestions' feedback were written by the time the audit entry failed."""
    def broken_record(self, actor, action, *args, **kwargs):
        if action == "send_reply":
            raise OSError("disk full")
        return original(self, actor, action, *args, **kwargs)

    original = FakeAudit.record
    monkeypatch.setattr(FakeAudit, "record", broken_record)
    before = (database.commits, repos(svc).conversations.count_messages(), len(database._state.events))
    with pytest.raises(OSError):
        conversations.send_reply(svc, AGENT, conversation.id, "It ships today.")
    after = (database.commits, repos(svc).conversations.count_messages(), len(database._state.events))
    assert after == before
    assert [s.feedback for s in conversations.assist_view(svc, AGENT, conversation.id).suggestions] == [None, None, None]
    assert repos(svc).conversations.get(conversation.id).status == "open"


class RacingReplies(FakeReplies):
    """Holds every analysis at the suggestion stage until two sessions are there (or a second has passed: with the
    analysis claim only one gets this far), as two agents opening the same conversation at once would."""

    def __init__(self) -> None:
        super().__init__()
        self.both_here: threading.Barrier | None = None  # set when the race starts

    def suggest(self, context, k=3):
        if self.both_here is not None:
            try:
                self.both_here.wait()
            except threading.BrokenBarrierError:
                pass
        return super().suggest(context, k)


@pytest.mark.parametrize("backend", ["fake", "sqlite"])
def test_analysis_claimed_once_two_sessions_analysing_one_message_store_one_set_of_suggestions(settings, backend):
    """Before the unit of work, both sessions saved their outcome: the second replaced the analysis and added a
    second set of suggestions (6 for one message). Now the claim lets one session analyse it, and a second outcome
    would be a no-op anyway (tests/contracts/test_assist_repository.py)."""
    racing = RacingReplies()
    overrides = {**fake_pipeline(), "replies": racing}
    if backend == "fake":
        overrides["store"] = FakeDatabase()
    svc = build_services(settings, **overrides)
    repos(svc).users.add("agent", "Alex Rivera", "agent", "x")
    repos(svc).customers.add(Customer(0, "Dana Reyes", "dana@example.com", "", "gold", 10.0, "2024-01-01", "Leeds"))
    conversation, _, _ = inbox.start_conversation(svc, 1, "chat", "Order", "where is my order?", "agent")
    text = "still waiting on BW-123456"  # stored without its analysis, as the seed and bulk imports do
    message = repos(svc).conversations.append_message(Message(0, conversation.id, "customer", "", text, text, ""))
    racing.both_here = threading.Barrier(2, timeout=1)
    results: list[bool] = []
    sessions = [threading.Thread(target=lambda: results.append(inbox.analyze_latest(svc, conversation.id)))
                for _ in range(2)]
    for session in sessions:
        session.start()
    for session in sessions:
        session.join(20)
    assert sorted(results) == [False, True]  # one stored it; the other was told it had been analysed already
    assert len(repos(svc).assist.suggestions_for(message.id)) == 3
