"""Spoken replies and the routing reason in the agent workspace (AppTest, the real piper voice and models): Play on a
suggestion or on the composer's text draws an audio player under it; nothing to say is explained, and the agent's text
stays; a new conversation shows why it was routed to its queue."""

from __future__ import annotations

import io
import wave

from components.composer import composer_key
from services import conversations, inbox
from tests.app.test_workspace_flows import button, workspace
from tests.repos import repos


def _players(at) -> list[str]:
    """The audio players' URLs: WAV media the app serves itself (never an outside host)."""
    urls = [player.proto.url for player in at.get("audio")]
    assert all(url.endswith(".wav") and "://" not in url for url in urls), urls
    return urls


def test_play_on_a_suggestion_speaks_it_under_that_suggestion(app_services, agent, first_in_queue):
    at = workspace(agent, first_in_queue)
    chosen = conversations.assist_view(app_services, agent, first_in_queue).suggestions[0]
    assert not at.get("audio")
    at.button(key=f"play-{chosen.id}").click()
    at = at.run()
    assert not at.exception and len(_players(at)) == 1
    played, speech = at.session_state["spoken-reply"][:2]
    assert played == f"suggestion-{chosen.id}" and speech.voice == "piper en_US-joe-medium"
    with wave.open(io.BytesIO(speech.audio)) as wav:
        assert wav.getnframes() / wav.getframerate() > 1.0
    assert any("piper en_US-joe-medium" in c.value for c in at.caption)


def test_play_in_the_composer_speaks_the_draft_and_keeps_it(app_services, agent, first_in_queue):
    at = workspace(agent, first_in_queue)
    at.text_area(key=composer_key(first_in_queue)).input("Thanks for waiting, your parcel ships today.")
    button(at, "Play").click()
    at = at.run()
    assert not at.exception and len(_players(at)) == 1
    assert at.session_state["spoken-reply"][1].text == "Thanks for waiting, your parcel ships today."
    assert at.text_area(key=composer_key(first_in_queue)).value == "Thanks for waiting, your parcel ships today."
    assert {"Escalate to supervisor", "Transfer", "Resolve"} <= {b.label for b in at.button}  # the actions stay


def test_play_with_nothing_to_say_explains_why(app_services, agent, first_in_queue):
    at = workspace(agent, first_in_queue)
    at.text_area(key=composer_key(first_in_queue)).input("🎉🎉 <br/>")
    button(at, "Play").click()
    at = at.run()
    assert not at.exception and not at.get("audio")
    assert any("nothing to say" in e.value for e in at.error)


def test_the_agent_sees_why_a_new_conversation_was_routed_to_its_queue(app_services, agent):
    customer = next(c for c in repos(app_services).customers.all() if c.tier == "gold")
    talk, _, _ = inbox.start_conversation(app_services, customer.id, "chat", "Charged twice",
                                          "Hi, I was charged twice for my last order, please refund the duplicate "
                                          "payment on my card", assigned_agent="agent")
    try:
        at = workspace(agent, talk.id)
        assert not at.exception
        route = repos(app_services).conversations.route_of(talk.id)
        shown = [h.proto.body for h in at.get("html") if "Routed to" in h.proto.body]
        assert shown and route.reason in shown[0] and "tier gold" in route.reason
    finally:
        repos(app_services).conversations.update(talk.id, status="resolved")  # out of the shared demo's queue
