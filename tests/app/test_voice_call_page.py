"""The workspace's call controls through AppTest: shown on voice conversations only, and a recorded call that is not
audio ends with its reason on the page (no crash)."""

from __future__ import annotations

from services import calls, inbox
from tests.app.conftest import TIMEOUT
from tests.app.test_workspace_flows import workspace
from tests.repos import repos


def conversation(app_services, channel: str) -> int:
    customer = repos(app_services).customers.all()[7]
    started, _, _ = inbox.start_conversation(app_services, customer.id, channel, "Call", "hello, about my order",
                                             "agent")
    return started.id


def test_the_call_controls_are_on_voice_conversations_only(app_services, agent):
    voice = workspace(agent, conversation(app_services, "voice"))
    assert not voice.exception
    assert "Two channels" in [t.label for t in voice.toggle]
    chat = workspace(agent, conversation(app_services, "chat"))
    assert not chat.exception and not [t for t in chat.toggle if t.label == "Two channels"]


def test_a_recorded_call_that_is_not_audio_shows_why_it_stopped(app_services, agent):
    cid = conversation(app_services, "voice")
    session = calls.transcribe_recording(app_services, agent, cid, "notes.mp3", b"meeting notes, not audio" * 50)
    assert session.wait(TIMEOUT)
    at = workspace(agent, None)
    at.session_state["selected_conversation"] = cid
    at.session_state["voice_calls"] = {cid: session}
    at.run()
    assert not at.exception
    assert any(m.value.startswith("notes.mp3 is not an audio file that can be read (WAV, MP3, OGG or FLAC)")
               for m in at.error), [m.value for m in at.error]
    assert any("Stopped" in m.value for m in at.markdown)
