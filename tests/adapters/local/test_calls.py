"""Issue 20's first acceptance test and the bad audio of a live call, on real models and a real SQLite file: speech
that espeak-ng synthesises, cut into the av.AudioFrame objects aiortc hands streamlit-webrtc (48 kHz stereo s16,
20 ms), fed through the workspace's own queued_audio_frames_callback (components/voice_call.py) in the batches its
audio worker hands over — no browser."""

from __future__ import annotations

import asyncio
import concurrent.futures
import re
import tempfile
import wave
from pathlib import Path

import av
import numpy as np
import pytest

from components.voice_call import frames_callback
from services import calls
from services.bootstrap import build_services
from services.clock import now_iso
from services.errors import InvalidInput
from services.models import Conversation, Customer, User
from tests.repos import repos
from tests.speech import espeak

AGENT = User(1, "agent", "Alex Rivera", "agent")
SENTENCE = "I want to return my order because the kettle arrived broken"
FRAME = 960  # samples per 20 ms frame at 48 kHz: what aiortc's Opus decoder hands the callback


def webrtc_frames(path: Path, rate: int = 48_000, layout: str = "stereo", trailing_silence_s: float = 1.0,
                  fmt: str = "s16") -> list[av.AudioFrame]:
    """The WAV as a browser call's frames: resampled, 20 ms each, then a pause (the caller stops talking)."""
    resampler = av.AudioResampler(format=fmt, layout=layout, rate=rate)
    fifo = av.AudioFifo()
    with av.open(str(path)) as container:
        for frame in container.decode(audio=0):
            for out in resampler.resample(frame):
                fifo.write(out)
    silence = av.AudioFrame(format=fmt, layout=layout, samples=int(rate * trailing_silence_s))
    for plane in silence.planes:
        plane.update(bytes(plane.buffer_size))
    silence.sample_rate, silence.pts = rate, None
    fifo.write(silence)
    frames = []
    while (frame := fifo.read(rate // 50)) is not None:
        frames.append(frame)
    return frames


def through_webrtc(feed, frames: list[av.AudioFrame]) -> None:
    """The frames handed to the callback as streamlit-webrtc's audio worker does: whatever queued up since its
    last call (here 1 to 5 frames in turn), awaited on the worker's event loop; each batch comes back unchanged."""
    callback = frames_callback(feed)

    async def run() -> None:
        at, size = 0, 1
        while at < len(frames):
            batch = frames[at:at + size]
            assert await callback(batch) == batch
            at, size = at + len(batch), size % 5 + 1

    # on a thread of its own, as streamlit-webrtc's worker runs it: the browser tests' Playwright keeps an event loop
    # running on this one when they ran first
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        pool.submit(asyncio.run, run()).result()


@pytest.fixture(scope="module")
def speech(tmp_path_factory) -> Path:
    return espeak(SENTENCE, tmp_path_factory.mktemp("call") / "caller.wav")


@pytest.fixture
def svc(settings):
    services = build_services(settings)
    repos(services).users.add("agent", "Alex Rivera", "agent", "x")
    repos(services).customers.add(Customer(0, "Dana Reyes", "dana@example.com", "", "gold", 10.0, "2024-01-01",
                                           "Leeds"))
    return services


@pytest.fixture
def call_conversation(svc) -> int:
    at = now_iso()
    return repos(svc).conversations.add(Conversation(0, 1, "voice", "open", "Phone call", at, at, "agent")).id


def _messages(svc, conversation_id: int):
    with svc.uow() as uow:
        return uow.conversations.messages_for(conversation_id)


def test_a_call_fed_through_the_webrtc_frame_callback_gets_its_transcript_and_analysis_into_the_store(
        svc, call_conversation, speech):
    session = calls.start_call(svc, AGENT, call_conversation)
    through_webrtc(session.feed, webrtc_frames(speech))
    view = calls.end_call(svc, AGENT, session)

    assert view.status == "ended" and view.problem == "" and view.notices == ()
    assert 3.0 < view.heard_s < 7.0
    messages = _messages(svc, call_conversation)
    assert [m.author_role for m in messages] == ["customer"] * len(messages) and messages
    said = " ".join(m.text for m in messages).lower()
    assert all(word in said for word in ("return", "order", "kettle", "broken")), said
    assert [line.message_id for line in view.lines] == [m.id for m in messages]
    with svc.uow() as uow:
        analysis = uow.assist.get_analysis(messages[-1].id)
        trail = [e.action for e in uow.audit.trail("conversation", str(call_conversation))]
    assert analysis is not None
    assert analysis.intent.label == "Refund/Return"
    assert analysis.suggestions
    assert {"start_call", "end_call"} <= set(trail)


def pcm48(path: Path) -> np.ndarray:
    """The WAV as 48 kHz mono 16-bit samples."""
    return np.concatenate([f.to_ndarray().reshape(-1) for f in webrtc_frames(path, layout="mono",
                                                                             trailing_silence_s=0.0)])


def stereo_frames(left: np.ndarray, right: np.ndarray) -> list[av.AudioFrame]:
    n = max(left.size, right.size) + 48_000  # and a second of silence on both
    both = np.zeros((n, 2), np.int16)
    both[:left.size, 0], both[:right.size, 1] = left, right
    frames = []
    for start in range(0, n, FRAME):
        frame = av.AudioFrame.from_ndarray(both[start:start + FRAME].reshape(1, -1).copy(), format="s16",
                                           layout="stereo")
        frame.sample_rate = 48_000
        frames.append(frame)
    return frames


def test_two_channels_the_left_is_the_customer_and_the_right_the_agent(svc, call_conversation, speech, tmp_path):
    caller = pcm48(speech)
    agent = pcm48(espeak("Sorry to hear that, I will send you a return label today", tmp_path / "agent.wav"))
    answer = np.concatenate([np.zeros(caller.size + 24_000, np.int16), agent])  # the agent answers after a pause
    session = calls.start_call(svc, AGENT, call_conversation, channels=2)
    through_webrtc(session.feed, stereo_frames(caller, answer))
    view = calls.end_call(svc, AGENT, session)

    assert view.status == "ended", view
    messages = _messages(svc, call_conversation)
    customer = " ".join(m.text for m in messages if m.author_role == "customer").lower()
    agent_said = " ".join(m.text for m in messages if m.author_role == "agent").lower()
    assert "kettle" in customer and "label" not in customer
    assert "label" in agent_said and "kettle" not in agent_said
    assert {m.author for m in messages if m.author_role == "agent"} == {"agent"}


def test_a_recorded_call_is_transcribed_into_the_conversation_segment_by_segment(svc, call_conversation, speech):
    session = calls.transcribe_recording(svc, AGENT, call_conversation, "caller 1.wav", speech.read_bytes())
    assert session.wait(120)
    view = session.view()
    assert view.status == "ended" and view.problem == ""
    said = " ".join(m.text for m in _messages(svc, call_conversation)).lower()
    assert "kettle" in said and "broken" in said
    assert _uploads() == set()  # the upload was deleted
    # the caller's emotion is read from each segment's own audio, as on a live call (none before session 12)
    assert [p.message_id for p in view.emotion] == [line.message_id for line in view.lines] != []
    assert view.emotion[0].explanation == "the caller's start: later segments are compared with this voice"
    assert -1 <= view.emotion[0].emotion <= 1 and 0 <= view.emotion[0].arousal <= 1


def _uploads() -> set[Path]:
    return set(Path(tempfile.gettempdir()).glob(f"{calls.RECORDING_FOLDER_PREFIX}*"))


def _silent_wav(path: Path) -> Path:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16_000)
        w.writeframes(bytes(2 * 16_000 * 2))
    return path


@pytest.mark.parametrize(("name", "make", "problem"), [
    ("notes.wav", lambda speech, tmp: b"these are my notes, not audio" * 40,
     r"^notes\.wav is not an audio file that can be read \(WAV, MP3, OGG or FLAC\)"),
    ("cut.wav", lambda speech, tmp: speech.read_bytes()[:len(speech.read_bytes()) // 3],
     r"^cut\.wav is truncated: its header says 0:0\d\.\d of audio but only 0:0\d\.\d is there$"),
    ("quiet.ogg", lambda speech, tmp: _silent_wav(tmp / "q.wav").read_bytes(),
     r"^quiet\.ogg is silent \(its loudest sample is below -60 dBFS\)$"),
])
def test_a_recording_that_is_not_usable_audio_ends_with_the_reason_and_stores_nothing(
        svc, call_conversation, speech, tmp_path, name, make, problem):
    session = calls.transcribe_recording(svc, AGENT, call_conversation, name, make(speech, tmp_path))
    assert session.wait(60)
    view = session.view()
    assert view.status == "failed" and re.match(problem, view.problem), view.problem
    assert _messages(svc, call_conversation) == [] and _uploads() == set()


@pytest.mark.parametrize(("name", "data", "message"), [
    ("call.txt", b"RIFF", "a recorded call must be a WAV, MP3, OGG file; got 'call.txt'"),
    ("call.wav", b"", "call.wav is empty"),
])
def test_a_recording_of_the_wrong_type_or_empty_is_refused_before_anything_is_written(svc, call_conversation, name,
                                                                                      data, message):
    with pytest.raises(InvalidInput, match=re.escape(message)):
        calls.transcribe_recording(svc, AGENT, call_conversation, name, data)
    assert _uploads() == set()


def test_a_live_call_at_a_rate_too_low_for_speech_stops_with_the_reason(svc, call_conversation, speech):
    session = calls.start_call(svc, AGENT, call_conversation)
    through_webrtc(session.feed, webrtc_frames(speech, rate=4_000, layout="mono"))
    view = calls.end_call(svc, AGENT, session)
    assert (view.status, view.problem) == ("failed", "audio sampled at 4000 Hz cannot be recognised (from 8,000 to "
                                                     "192,000 Hz)")
    assert _messages(svc, call_conversation) == []
