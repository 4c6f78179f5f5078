"""Sessions (13.7), deep links and the escalation inbox (13.4) through Streamlit's AppTest."""

from __future__ import annotations

from services import conversations, escalations
from tests.app.conftest import run_app, run_page, signed_in_token, user
from tests.repos import repos


def test_sessions_a_tab_is_signed_out_on_its_next_rerun_after_sign_out_elsewhere(app_services):
    agent = user(app_services, "agent")
    token = signed_in_token(app_services, "agent")
    first, second = run_app(agent, token), run_app(agent, token)  # two tabs of one browser
    assert second.header[0].value == "Agent workspace"
    first.sidebar.button[0].click()
    first.run()
    second.run()  # its next rerun
    assert "user" not in second.session_state
    assert [b.label for b in second.button] == ["Sign in"]


def test_sessions_a_tab_without_a_valid_session_is_not_signed_in(app_services):
    at = run_app(user(app_services, "agent"), token="forged.token")
    assert "user" not in at.session_state
    assert [b.label for b in at.button] == ["Sign in"]


def test_a_deep_link_opens_the_conversation_for_an_agent_who_may_see_it(app_services):
    agent = user(app_services, "agent")
    cid = conversations.agent_queue(app_services, agent)[-1].row.conversation.id
    at = run_app(agent, query={"conversation": str(cid)})
    assert not at.exception
    assert at.session_state["selected_conversation"] == cid
    assert any(f"#{cid} ·" in c.value for c in at.caption)


def test_a_deep_link_to_a_conversation_the_user_may_not_see_says_so(app_services):
    sam = user(app_services, "sam")
    others = [c for c in repos(app_services).conversations.all(status="pending") if c.assigned_agent == "agent"]
    at = run_app(sam, query={"conversation": str(others[0].id)})
    assert not at.exception
    assert any("cannot be opened" in e.value for e in at.error)
    assert not any(f"#{others[0].id} ·" in c.value for c in at.caption)  # the thread is not shown


def test_the_escalation_inbox_lists_escalations_and_a_supervisor_takes_one_over(app_services):
    supervisor, agent = user(app_services, "supervisor"), user(app_services, "agent")
    escalated = conversations.agent_queue(app_services, agent)[0].row.conversation.id
    conversations.escalate(app_services, agent, escalated, "wants compensation beyond my limit")
    items = escalations.inbox(app_services, supervisor)
    assert [i.conversation_id for i in items] == [escalated]
    at = run_page("pages/escalation_inbox.py", supervisor)
    assert not at.exception
    assert at.header[0].value == "Escalation inbox"
    assert any(b.label == "Take over" for b in at.button)
    take = next(b for b in at.button if b.key == f"take-{items[0].conversation_id}")
    take.click()
    at = at.run()
    assert not at.exception
    conversation = repos(app_services).conversations.get(items[0].conversation_id)
    assert (conversation.status, conversation.assigned_agent) == ("open", "supervisor")
    assert any(b.key == f"handled-{conversation.id}" for b in at.button)
    actions = [e.action for e in repos(app_services).audit.entries(5, actor="supervisor")]
    assert "take_over" in actions and "view_escalations" in actions


def test_seven_wrong_passwords_then_the_right_one_shows_the_lockout_message(app_services):
    from services import auth
    from services.permissions import SEEDER

    auth.create_user(app_services, SEEDER, "lockme", "Lock Me", "agent", "the-right-password")
    at = run_app()
    for _ in range(7):
        at.text_input[0].input("lockme")
        at.text_input[1].input("a-wrong-password")
        at.button[0].click()
        at = at.run()
    at.text_input[0].input("lockme")
    at.text_input[1].input("the-right-password")
    at.button[0].click()
    at = at.run()
    assert not at.exception
    assert [e.value for e in at.error] == ["Too many attempts; try again in 1 minute."]
    assert "user" not in at.session_state
