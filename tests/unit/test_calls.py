"""A live call's session (services/calls.py, call_session.py): frames in on any thread, final segments stored
through the ingestion path, partial words, and bad audio — with a fake recogniser (loud audio is "speech") on a real
SQLite file. The real recogniser on synthesised speech: tests/adapters/local/test_calls.py."""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
import time

import av
import numpy as np
import pytest

from components.voice_call import frames_callback
from services import calls
from services.bootstrap import build_services
from services.call_session import MAX_QUEUED_S
from services.clock import now_iso
from services.config import Settings
from services.errors import ConfigError, InvalidInput, PermissionDenied
from services.models import Conversation, Customer, User
from tests.fakes import FakeSpeechToText, fake_pipeline
from tests.repos import repos

AGENT = User(1, "agent", "Alex Rivera", "agent")
SAM = User(2, "sam", "Sam Okafor", "agent")
RATE = 48_000


def frames(pattern: list[tuple[float, bool]], rate: int = RATE, layout: str = "stereo") -> list[av.AudioFrame]:
    """20 ms s16 frames of (seconds, loud?) stretches: a 440 Hz tone where loud, silence elsewhere."""
    channels = 2 if layout == "stereo" else 1
    samples = np.concatenate([
        (0.3 * np.sin(2 * np.pi * 440 * np.arange(int(s * rate)) / rate) if loud else np.zeros(int(s * rate)))
        for s, loud in pattern])
    pcm = (samples * 32_767).astype(np.int16)
    out = []
    for start in range(0, pcm.size, rate // 50):
        chunk = np.repeat(pcm[start:start + rate // 50], channels)
        frame = av.AudioFrame.from_ndarray(chunk.reshape(1, -1), format="s16", layout=layout)
        frame.sample_rate = rate
        out.append(frame)
    return out


@pytest.fixture
def stt() -> FakeSpeechToText:
    return FakeSpeechToText(("where is my order BW-100001", "my email is dana@example.com"))


@pytest.fixture
def svc(settings, stt):
    services = build_services(settings, stt=stt, **fake_pipeline())
    for user in (AGENT, SAM):
        repos(services).users.add(user.username, user.display_name, user.role, "x")
    repos(services).customers.add(Customer(0, "Dana Reyes", "dana@example.com", "", "gold", 10.0, "2024-01-01",
                                           "Leeds"))
    return services


def voice_conversation(svc, agent: str = "agent", channel: str = "voice") -> int:
    at = now_iso()
    return repos(svc).conversations.add(Conversation(0, 1, channel, "open", "Phone call", at, at, agent)).id


def messages(svc, conversation_id: int):
    with svc.uow() as uow:
        return uow.conversations.messages_for(conversation_id)


def test_each_pause_stores_the_words_before_it_as_the_customers_masked_and_analysed_message(svc):
    cid = voice_conversation(svc)
    session = calls.start_call(svc, AGENT, cid)
    sent = frames([(0.3, False), (1.0, True), (0.6, False), (1.0, True), (0.6, False)])
    # in a thread of its own, as streamlit-webrtc runs the callback: the browser tests' Playwright keeps an event
    # loop running in this one
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        handed_back = pool.submit(asyncio.run, frames_callback(session.feed)(sent)).result()
    assert handed_back == sent  # one queued batch, handed back unchanged
    view = calls.end_call(svc, AGENT, session)
    stored = messages(svc, cid)
    assert [(m.author_role, m.text) for m in stored] == [
        ("customer", "where is my order BW-100001"), ("customer", "my email is dana@example.com")]
    assert "dana@example.com" not in stored[1].masked_text  # PII masked before storage, as for any message
    with svc.uow() as uow:
        assert all(uow.assist.get_analysis(m.id) is not None for m in stored)  # each went through the assist pipeline
    assert view.status == "ended" and [line.message_id for line in view.lines] == [m.id for m in stored]
    assert view.lines[0].start_s == pytest.approx(0.3, abs=0.05)


def test_the_words_not_final_yet_are_shown_as_partial_while_the_caller_speaks(svc):
    cid = voice_conversation(svc)
    session = calls.start_call(svc, AGENT, cid)
    for frame in frames([(1.0, True)]):  # still speaking: no pause yet
        session.feed(frame)
    deadline = time.monotonic() + 5
    while not session.view().partial and time.monotonic() < deadline:
        time.sleep(0.05)
    view = session.view()
    assert view.partial == (("customer", "where"),) and view.lines == ()
    assert view.first_partial_s is not None and view.first_partial_s < 5
    assert calls.end_call(svc, AGENT, session).partial == ()  # the open speech became final at the end
    assert [m.text for m in messages(svc, cid)] == ["where is my order BW-100001"]


def test_the_first_partial_comes_as_soon_as_there_is_speech_to_recognise_not_a_cadence_later(svc):
    # The clock stands still, so a partial slot spent on the silence before the caller speaks (the old code recognised
    # "nothing" there and then waited PARTIAL_EVERY_S) would hold the first words back for good.
    from services.call_lines import ConversationLine
    from services.call_session import CallSession

    cid = voice_conversation(svc)
    session = CallSession(svc, ConversationLine(svc, AGENT, cid), clock=lambda: 1000.0)
    for frame in frames([(0.6, False), (1.0, True)]):
        session.feed(frame)
    deadline = time.monotonic() + 5
    while not session.view().partial and time.monotonic() < deadline:
        time.sleep(0.02)
    assert session.view().partial == (("customer", "where"),)
    calls.end_call(svc, AGENT, session)


def voice_frames(pattern: list[tuple[float, float, float]]) -> list[av.AudioFrame]:
    """20 ms mono s16 frames of (seconds, pitch Hz, amplitude) stretches; amplitude 0 is silence. A "voice" is a
    pitch with a few harmonics, its loudness going up and down four times a second like syllables."""
    out, parts = [], []
    for seconds, hz, amplitude in pattern:
        t = np.arange(int(seconds * RATE)) / RATE
        tone = sum(np.sin(2 * np.pi * hz * k * t) / k for k in (1, 2, 3)) / 1.8
        parts.append(amplitude * tone * (0.6 + 0.4 * np.sin(2 * np.pi * 4 * t)))
    pcm = (np.concatenate(parts) * 32_767).astype(np.int16)
    for start in range(0, pcm.size - RATE // 50 + 1, RATE // 50):
        frame = av.AudioFrame.from_ndarray(pcm[start:start + RATE // 50].reshape(1, -1), format="s16", layout="mono")
        frame.sample_rate = RATE
        out.append(frame)
    return out


def test_the_callers_emotion_is_read_from_each_final_segments_voice_against_their_start(svc):
    cid = voice_conversation(svc)
    session = calls.start_call(svc, AGENT, cid)
    calm = [(3.0, 140, 0.2), (0.6, 0, 0)] * 4  # 12 s of the caller's usual voice: their start
    raised = [(3.0, 230, 0.8), (0.6, 0, 0)]  # then much higher and louder
    for frame in voice_frames([(0.3, 0, 0), *calm, *raised]):
        session.feed(frame)
    view = calls.end_call(svc, AGENT, session)
    points = view.emotion
    assert [p.message_id for p in points] == [line.message_id for line in view.lines] and len(points) == 5
    assert points[0].explanation == "the caller's start: later segments are compared with this voice"
    last = points[-1]
    assert last.arousal >= 0.5 and last.label in ("agitated", "animated")
    assert "pitch" in last.explanation and "louder" in last.explanation
    assert last.emotion < points[0].emotion or last.sentiment > 0.2  # a raised voice pulls the trend down


def test_silence_ends_with_a_notice_and_stores_nothing(svc):
    cid = voice_conversation(svc)
    session = calls.start_call(svc, AGENT, cid)
    for frame in frames([(2.0, False)]):
        session.feed(frame)
    view = calls.end_call(svc, AGENT, session)
    assert view.status == "ended" and view.lines == () and messages(svc, cid) == []
    assert view.notices == ("no speech was heard in 2.0 s of audio (silence, or a microphone that is muted or not "
                            "connected)",)


def test_a_sample_rate_the_recogniser_cannot_take_stops_the_call_with_the_reason_and_no_crash(svc):
    cid = voice_conversation(svc)
    session = calls.start_call(svc, AGENT, cid)
    for frame in frames([(1.0, True), (0.6, False)], rate=4_000, layout="mono"):
        session.feed(frame)  # never raises on the audio thread
    view = calls.end_call(svc, AGENT, session)
    assert view.status == "failed"
    assert view.problem == "audio sampled at 4000 Hz cannot be recognised (from 8,000 to 192,000 Hz)"
    assert messages(svc, cid) == []


@pytest.mark.parametrize(("frame", "problem"), [
    (b"not a frame", "not an audio frame: AttributeError"),
    (av.AudioFrame(format="s16", layout="5.1", samples=960), "audio with 6 channels cannot be taken (mono or stereo)"),
])
def test_a_frame_that_is_not_mono_or_stereo_audio_stops_the_call_with_the_reason(svc, frame, problem):
    session = calls.start_call(svc, AGENT, voice_conversation(svc))
    if isinstance(frame, av.AudioFrame):
        frame.sample_rate = RATE
    session.feed(frame)
    for good in frames([(1.0, True), (0.6, False)]):
        session.feed(good)  # ignored once stopped
    view = calls.end_call(svc, AGENT, session)
    assert (view.status, view.problem, view.lines) == ("failed", problem, ())


def test_a_recogniser_far_behind_skips_the_oldest_audio_and_says_so_instead_of_growing(settings):
    stuck = threading.Event()
    stt = FakeSpeechToText(("where is my order",), gate=stuck)
    svc = build_services(settings, stt=stt, **fake_pipeline())
    repos(svc).users.add("agent", "Alex Rivera", "agent", "x")
    repos(svc).customers.add(Customer(0, "Dana Reyes", "", "", "gold", 10.0, "2024-01-01", "Leeds"))
    session = calls.start_call(svc, AGENT, voice_conversation(svc))
    audio = frames([(0.25, True), (0.45, False)] * 60)  # 42 s while the recogniser is stuck
    session.feed(audio[0])
    # the recogniser is stuck on the first block before the rest arrives: on a loaded machine its thread could start
    # late, the first block be skipped too, and one phrase fewer be heard (28, seen once in the whole suite)
    assert stt.entered.wait(10)
    for frame in audio[1:]:
        session.feed(frame)
    stuck.set()
    view = calls.end_call(svc, AGENT, session)
    assert view.notices[0] == "22.0 s of audio were skipped: the recogniser fell behind"  # all but MAX_QUEUED_S
    assert view.heard_s == pytest.approx(MAX_QUEUED_S, abs=0.05)  # the newest 20 s (+ the block it was stuck on)
    assert len(view.lines) == 29  # 20 s of the 0.7 s phrases


def test_feed_never_blocks_the_audio_thread(settings):
    slow = FakeSpeechToText(("where is my order",), delay_s=2.0)
    svc = build_services(settings, stt=slow, **fake_pipeline())
    repos(svc).users.add("agent", "Alex Rivera", "agent", "x")
    repos(svc).customers.add(Customer(0, "Dana Reyes", "", "", "gold", 10.0, "2024-01-01", "Leeds"))
    session = calls.start_call(svc, AGENT, voice_conversation(svc))
    started = time.monotonic()
    for frame in frames([(0.5, True), (0.5, False)] * 3):
        session.feed(frame)
    assert time.monotonic() - started < 1.0  # the recogniser takes 2 s per final; feeding waited for none
    session.hang_up()
    assert session.wait(20)


def test_calls_are_taken_on_voice_conversations_the_agent_may_reply_to(svc):
    with pytest.raises(InvalidInput, match="is a chat conversation; calls are taken on voice conversations"):
        calls.start_call(svc, AGENT, voice_conversation(svc, channel="chat"))
    with pytest.raises(PermissionDenied, match="assigned to sam"):
        calls.start_call(svc, AGENT, voice_conversation(svc, agent="sam"))


def test_two_channels_need_stereo_audio(svc):
    session = calls.start_call(svc, AGENT, voice_conversation(svc), channels=2)
    for frame in frames([(1.0, True)], layout="mono"):
        session.feed(frame)
    view = calls.end_call(svc, AGENT, session)
    assert (view.status, view.problem) == ("failed", "this call takes 2 channel(s); the audio has 1")


def test_the_ice_servers_are_none_by_default_and_come_from_the_settings(tmp_path):
    assert calls.ice_servers(build_services(Settings(db_path=str(tmp_path / "a.db")))) == []
    configured = Settings(db_path=str(tmp_path / "b.db"), call_ice_servers=("stun:stun.example.org:3478",
                                                                            "turns:turn.example.org:5349"),
                          call_turn_username="frontline", call_turn_credential="s3cret")
    assert calls.ice_servers(build_services(configured)) == [
        {"urls": ["stun:stun.example.org:3478"]},
        {"urls": ["turns:turn.example.org:5349"], "username": "frontline", "credential": "s3cret"}]
    assert "s3cret" not in repr(configured)
    with pytest.raises(ConfigError, match="call_ice_servers must be stun:, stuns:, turn: or turns: URLs"):
        Settings(call_ice_servers=("https://stun.example.org",))


def test_the_recogniser_is_made_ready_when_the_call_starts_and_one_that_cannot_load_stops_the_call(settings, stt):
    svc = build_services(settings, stt=stt, **fake_pipeline())
    repos(svc).users.add("agent", "Alex Rivera", "agent", "x")
    repos(svc).customers.add(Customer(0, "Dana Reyes", "", "", "gold", 10.0, "2024-01-01", "Leeds"))
    calls.end_call(svc, AGENT, calls.start_call(svc, AGENT, voice_conversation(svc), channels=2))
    assert stt.readied == 2  # before any audio: one listener per channel
    broken = build_services(settings, stt=FakeSpeechToText(unavailable="the Whisper tiny.en model could not be "
                                                                        "loaded"), **fake_pipeline())
    session = calls.start_call(broken, AGENT, voice_conversation(broken))
    for frame in frames([(1.0, True), (0.6, False)]):
        session.feed(frame)
    view = calls.end_call(broken, AGENT, session)
    assert (view.status, view.problem) == ("failed", "the Whisper tiny.en model could not be loaded")
