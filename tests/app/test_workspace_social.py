"""A social conversation in the agent workspace (AppTest): under the thread, the agent sees which of their replies
did not reach the platform — retrying (with the next attempt's time and the error) or refused (with the platform's
reason, shown literally) — and how many were delivered."""

from __future__ import annotations

from services import api_keys, conversations, social
from services.models import SocialOutboxItem
from services.permissions import CLI
from tests.app.conftest import user
from tests.app.test_workspace_flows import workspace
from tests.repos import repos

REFUSAL = "page refused the reply: HTTP 400: (#551) This person isn't available right now. <b>really</b>"


def texts(at) -> str:
    return " ".join([h.proto.body for h in at.get("html")] + [m.value for m in at.markdown] +
                    [c.value for c in at.caption])


def test_the_agent_sees_which_social_replies_are_retrying_refused_or_sent(app_services):
    agent = user(app_services, "agent")
    key = api_keys.create_key(app_services, CLI, "meta-workspace")[0]
    from tests.api.test_social import dm, page

    social.receive(app_services, key, page([dm("m_ws_1", "Where is my parcel?", sender="77001")]))
    talk = max(c.id for c in repos(app_services).conversations.all() if c.channel == "social")
    replies = [conversations.send_reply(app_services, agent, talk, text).id
               for text in ("Checking now.", "It left today.", "Anything else?")]
    queued = [repos(app_services).social_outbox.queue(SocialOutboxItem(
        0, talk, message, key.id, "page", "dm", "77001", "text", "queued", 0, "2026-12-02T08:00:00Z", "",
        "2026-12-02T08:00:00Z", "", "")) for message in replies]
    store = repos(app_services).social_outbox
    store.mark_sent(queued[0].id, "2026-12-02T08:00:01Z", "m_out_1")
    store.retry_later(queued[1].id, "2026-12-02T08:00:31Z", "page could not take the reply now: HTTP 503")
    store.mark_failed(queued[2].id, REFUSAL)

    at = workspace(agent, talk)

    assert not at.exception
    shown = texts(at)
    assert "not sent yet, retrying" in shown and "Next attempt 2026-12-02 08:00 UTC" in shown
    assert "HTTP 503" in shown
    assert "not sent" in shown and "(#551) This person isn&#x27;t available right now. &lt;b&gt;really&lt;/b&gt;" in shown
    assert "1 reply delivered to the platform." in shown
