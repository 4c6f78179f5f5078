"""Issue 13.4: escalations reach the supervisors' inbox; take over, reassign, return — permissions and audit."""

from __future__ import annotations

import pytest

from services import conversations, escalations, inbox
from services.bootstrap import build_services
from services.errors import InvalidInput, InvalidTransition, NotFound, PermissionDenied
from services.models import Customer, User
from tests.fakes import fake_pipeline
from tests.repos import repos

AGENT = User(1, "agent", "Alex Rivera", "agent")
SAM = User(2, "sam", "Sam Okafor", "agent")
SUPERVISOR = User(3, "supervisor", "Priya Shah", "supervisor")
ADMIN = User(4, "admin", "Ada", "admin")


@pytest.fixture
def svc(settings):
    services = build_services(settings, **fake_pipeline())
    for user in (AGENT, SAM, SUPERVISOR, ADMIN):
        repos(services).users.add(user.username, user.display_name, user.role, "x")
    repos(services).customers.add(Customer(0, "Dana Reyes", "dana@example.com", "", "gold", 10.0, "2024-01-01", "Leeds"))
    repos(services).customers.add(Customer(0, "Vic Tory", "vic@example.com", "", "vip", 10.0, "2024-01-01", "York"))
    return services


def _escalated(svc, customer_id: int = 1, note: str = "wants a refund over my limit, mail dana@example.com") -> int:
    conversation, _, _ = inbox.start_conversation(svc, customer_id, "chat", "Refund", "I want a manager!", "agent")
    conversations.escalate(svc, AGENT, conversation.id, note)
    return conversation.id


def test_escalations_reach_no_one_escalate_leaves_the_agents_queue_for_the_supervisors_inbox(svc):
    cid = _escalated(svc)
    assert repos(svc).conversations.get(cid).assigned_agent == ""
    assert cid not in [i.row.conversation.id for i in conversations.agent_queue(svc, AGENT)]
    assert cid not in [i.row.conversation.id for i in conversations.agent_queue(svc, SAM)]
    [item] = escalations.inbox(svc, SUPERVISOR, audit=True)
    assert (item.conversation_id, item.escalated_by) == (cid, "agent")
    assert item.reasons  # the assist panel's reasons travel with it
    assert repos(svc).audit.entries(1, actor="supervisor")[0].action == "view_escalations"


def test_the_inbox_masks_pii_for_a_supervisor_and_shows_it_to_an_admin(svc):
    _escalated(svc)
    [seen_by_supervisor] = escalations.inbox(svc, SUPERVISOR)
    assert seen_by_supervisor.note == "wants a refund over my limit, mail [EMAIL]"
    assert seen_by_supervisor.customer == "Customer #1"
    [seen_by_admin] = escalations.inbox(svc, ADMIN)
    assert "dana@example.com" in seen_by_admin.note and seen_by_admin.customer == "Dana Reyes"
    escalate_audit = repos(svc).audit.entries(5, actor="agent")[0]
    assert escalate_audit.action == "escalate" and "dana@example.com" not in escalate_audit.detail


def test_the_inbox_lists_urgent_first_then_newest(svc):
    first, second = _escalated(svc), _escalated(svc)
    vip = _escalated(svc, customer_id=2)
    assert [i.conversation_id for i in escalations.inbox(svc, SUPERVISOR)] == [vip, second, first]


@pytest.mark.parametrize("user", [AGENT, User(9, "editor", "E", "kb_editor"), None])
def test_only_supervisors_and_admins_see_the_inbox_or_act_on_it(svc, user):
    cid = _escalated(svc)
    for call in (lambda: escalations.inbox(svc, user), lambda: escalations.take_over(svc, user, cid),
                 lambda: escalations.reassign(svc, user, cid, "sam"),
                 lambda: escalations.return_to_agent(svc, user, cid, "do it")):
        with pytest.raises(PermissionDenied):
            call()
    assert repos(svc).conversations.get(cid).status == "escalated"


def test_take_over_assigns_the_supervisor_who_may_then_read_and_reply(svc):
    cid = _escalated(svc)
    escalations.take_over(svc, SUPERVISOR, cid)
    conversation = repos(svc).conversations.get(cid)
    assert (conversation.status, conversation.assigned_agent) == ("open", "supervisor")
    assert escalations.inbox(svc, SUPERVISOR) == []
    assert [c.id for c in escalations.handled_by(svc, SUPERVISOR)] == [cid]
    view = conversations.open_conversation(svc, SUPERVISOR, cid)
    assert not view.shows_pii
    assert (view.customer.name, view.customer.email) == ("Customer #1", "")  # who it is stays hidden
    conversations.send_reply(svc, SUPERVISOR, cid, "I have approved your refund.")
    with pytest.raises(PermissionDenied):  # the agent no longer owns it
        conversations.send_reply(svc, AGENT, cid, "me too")
    assert [e.action for e in repos(svc).audit.entries(3, actor="supervisor")] == [
        "send_reply", "view_conversation", "take_over"]
    assert [(e.actor, e.action) for e in escalations.trail(svc, SUPERVISOR, cid)] == [
        ("agent", "escalate"), ("supervisor", "take_over"), ("supervisor", "view_conversation"),
        ("supervisor", "send_reply")]
    with pytest.raises(PermissionDenied):
        escalations.trail(svc, AGENT, cid)


def test_reassign_gives_it_to_another_agent_with_a_note(svc):
    cid = _escalated(svc)
    escalations.reassign(svc, SUPERVISOR, cid, "sam", "Sam knows this customer")
    assert repos(svc).conversations.get(cid).assigned_agent == "sam"
    assert cid in [i.row.conversation.id for i in conversations.agent_queue(svc, SAM)]
    assert cid not in [i.row.conversation.id for i in conversations.agent_queue(svc, AGENT)]
    assert repos(svc).conversations.messages_for(cid)[-1].text == "Reassigned to sam: Sam knows this customer"
    assert repos(svc).assist.latest_escalation(cid).status == "reassigned"


@pytest.mark.parametrize("target, message", [("nobody", "no agent called"), ("supervisor", "not an agent"),
                                             ("", "username is empty"), ("sam\x00", "control character")])
def test_reassign_refuses_a_target_that_is_not_an_agent(svc, target, message):
    cid = _escalated(svc)
    with pytest.raises(InvalidInput, match=message):
        escalations.reassign(svc, SUPERVISOR, cid, target)
    assert repos(svc).conversations.get(cid).status == "escalated"


def test_return_sends_it_back_to_the_agent_with_the_supervisors_note(svc):
    cid = _escalated(svc)
    with pytest.raises(InvalidInput, match="note is empty"):
        escalations.return_to_agent(svc, SUPERVISOR, cid, "  ")
    escalations.return_to_agent(svc, SUPERVISOR, cid, "Offer a 20% voucher, no refund.")
    conversation = repos(svc).conversations.get(cid)
    assert (conversation.status, conversation.assigned_agent) == ("open", "agent")
    assert repos(svc).conversations.messages_for(cid)[-1].author_role == "note"
    assert cid in [i.row.conversation.id for i in conversations.agent_queue(svc, AGENT)]
    assert repos(svc).audit.entries(1, actor="supervisor")[0].action == "return"


def test_an_escalation_is_handled_once(svc):
    cid = _escalated(svc)
    escalations.take_over(svc, SUPERVISOR, cid)
    with pytest.raises(InvalidTransition, match="not escalated"):
        escalations.reassign(svc, ADMIN, cid, "sam")
    with pytest.raises(NotFound):
        escalations.take_over(svc, SUPERVISOR, 999)


def test_a_supervisor_may_not_read_a_conversation_they_do_not_handle(svc):
    conversation, _, _ = inbox.start_conversation(svc, 1, "chat", "Hi", "where is my order?", "agent")
    with pytest.raises(PermissionDenied):
        conversations.open_conversation(svc, SUPERVISOR, conversation.id)
