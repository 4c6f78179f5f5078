"""The telephony endpoint over a real uvicorn server (loopback): a call's 16-bit PCM streamed over a WebSocket under
an API key, the words stored in the thread's voice conversation through the ingestion path, events back. The
recogniser is the fake one (loud audio is speech) except in the last test, which streams espeak-ng's speech through
the real one."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import wave
from pathlib import Path

import numpy as np
import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from api.calls import MAX_CHUNK_BYTES, PATH
from services import api_keys
from services.bootstrap import build_services
from services.permissions import CLI
from tests.api.conftest import Server
from tests.fakes import FakeSpeechToText, fake_pipeline

CALL = {"thread_id": "call-42", "customer": {"id": "+441632960001", "name": "Caller", "phone": "+441632960001"},
        "rate": 8000, "channels": 1}


def pcm(pattern: list[tuple[float, bool]], rate: int = 8000, channels: int = 1) -> bytes:
    """(seconds, loud?) stretches as 16-bit PCM: a 440 Hz tone where loud."""
    samples = np.concatenate([
        (0.3 * np.sin(2 * np.pi * 440 * np.arange(int(s * rate)) / rate) if loud else np.zeros(int(s * rate)))
        for s, loud in pattern])
    return np.repeat((samples * 32_767).astype("<i2"), channels).tobytes()


def chunks(data: bytes, size: int = 3200) -> list[bytes]:
    return [data[i:i + size] for i in range(0, len(data), size)]


@pytest.fixture
def phone_services(settings):
    return build_services(settings, stt=FakeSpeechToText(("where is my order BW-100001", "thanks, bye")),
                          **fake_pipeline())


@pytest.fixture
def phone_server(phone_services):
    running = Server(phone_services)
    yield running
    running.stop()


@pytest.fixture
def phone_key(phone_services) -> str:
    return api_keys.create_key(phone_services, CLI, "pbx")[1]


def call(server: Server, key: str | None, start: object, audio: list[bytes], end: bool = True) -> list[dict]:
    """Everything the server sent for one call, until it closed the socket."""
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    events = []
    with connect(f"ws://127.0.0.1:{server.port}{PATH}", additional_headers=headers, open_timeout=10,
                 close_timeout=10) as ws:
        try:  # a refused call is closed by the server while the client still sends
            ws.send(start if isinstance(start, str) else json.dumps(start))
            for chunk in audio:
                ws.send(chunk)
            if end:
                ws.send(json.dumps({"type": "end"}))
        except ConnectionClosed:
            pass
        try:
            while True:
                events.append(json.loads(ws.recv(timeout=30)))
        except Exception:  # noqa: BLE001 - the server closed the socket
            pass
    return events


def test_a_streamed_call_is_stored_in_the_threads_voice_conversation_through_the_ingestion_path(
        phone_server, phone_key, phone_services):
    events = call(phone_server, phone_key, CALL, chunks(pcm([(0.2, False), (1.0, True), (0.6, False),
                                                             (1.0, True), (0.6, False)])))
    assert events[0]["type"] == "started"
    finals = [e for e in events if e["type"] == "final"]
    assert [f["role"] for f in finals] == ["customer", "customer"]
    assert events[-1]["type"] == "ended" and events[-1]["segments"] == 2
    conversation_id = events[-1]["conversation_id"]
    assert {f["conversation_id"] for f in finals} == {conversation_id}
    with phone_services.uow() as uow:
        conversation = uow.conversations.get(conversation_id)
        stored = uow.conversations.messages_for(conversation_id)
        analysed = [uow.assist.get_analysis(m.id) is not None for m in stored]
        trail = {e.action for e in uow.audit.trail("conversation", str(conversation_id))}
    assert (conversation.channel, conversation.subject) == ("voice", "Phone call")
    assert [m.text for m in stored] == ["where is my order BW-100001", "thanks, bye"] and all(analysed)
    assert [m.id for m in stored] == [f["message_id"] for f in finals]
    assert "api_post_message" in trail


def test_two_channels_store_the_right_one_as_the_agents_words(phone_server, phone_key, phone_services):
    left = pcm([(1.0, True), (2.0, False)])
    right = pcm([(1.6, False), (0.8, True), (0.6, False)])
    both = np.stack([np.frombuffer(left, "<i2"), np.frombuffer(right, "<i2")], axis=1).tobytes()
    events = call(phone_server, phone_key, {**CALL, "channels": 2}, chunks(both))
    roles = [e["role"] for e in events if e["type"] == "final"]
    assert roles == ["customer", "agent"], events
    with phone_services.uow() as uow:
        stored = uow.conversations.messages_for(events[-1]["conversation_id"])
    assert [(m.author_role, m.author) for m in stored] == [("customer", ""), ("agent", "api:pbx")]


@pytest.mark.parametrize(("key", "start", "status", "message"), [
    (None, CALL, 401, "send a valid API key: Authorization: Bearer fl_…"),
    ("key", "hello", 422, "send the call first, as a JSON text message"),
    ("key", {**CALL, "rate": 4000}, 422, "rate must be one of 8000, 16000"),
    ("key", {**CALL, "channels": 3}, 422, "channels must be 1 (the caller) or 2"),
    ("key", {**CALL, "customer": {"id": "c"}}, 422, "is required"),
])
def test_a_call_that_cannot_start_is_refused_with_the_reason_and_stores_nothing(
        phone_server, phone_key, phone_services, key, start, status, message):
    events = call(phone_server, phone_key if key else None, start, [pcm([(1.0, True), (0.6, False)])])
    assert len(events) == 1 and events[0]["type"] == "error", events
    assert events[0]["status"] == status and message in events[0]["message"]
    with phone_services.uow() as uow:
        assert uow.conversations.count_messages() == 0


def test_audio_that_is_not_whole_16_bit_frames_stops_the_call_with_the_reason(phone_server, phone_key):
    events = call(phone_server, phone_key, CALL, [pcm([(1.0, True)]), b"\x01\x02\x03"])
    assert events[-1] == {"type": "error", "status": 422, "code": "bad_audio",
                          "message": "3 bytes are not whole frames of 16-bit samples on 1 channel(s)"}
    finals = [e for e in events if e["type"] == "final"]
    assert len(finals) == 1  # what was said before the bad chunk is kept


def test_an_oversized_audio_message_stops_the_call(phone_server, phone_key):
    events = call(phone_server, phone_key, CALL, [bytes(MAX_CHUNK_BYTES + 2)])
    assert events[-1]["code"] == "bad_audio" and "at most 65,536 bytes" in events[-1]["message"]


def _espeak(text: str, folder: Path) -> tuple[bytes, int]:
    if shutil.which("espeak-ng") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("espeak-ng missing under CI (.ci/run installs it)")
        pytest.skip("Debian's espeak-ng is not installed")
    path = folder / "caller.wav"
    subprocess.run(["espeak-ng", "-w", str(path), text], check=True, timeout=30)
    with wave.open(str(path)) as w:
        return w.readframes(w.getnframes()), w.getframerate()


def test_a_phone_call_spoken_by_espeak_is_transcribed_by_the_real_recogniser(settings, tmp_path):
    services = build_services(settings, **fake_pipeline())  # the real local speech to text
    key = api_keys.create_key(services, CLI, "pbx")[1]
    audio, rate = _espeak("I would like to cancel my order please", tmp_path)
    server = Server(services)
    try:
        events = call(server, key, {**CALL, "rate": rate}, chunks(audio + bytes(rate * 2), 4410))
    finally:
        server.stop()
    finals = [e for e in events if e["type"] == "final"]
    assert finals and events[-1]["type"] == "ended", events
    with services.uow() as uow:
        said = " ".join(m.text for m in uow.conversations.messages_for(finals[0]["conversation_id"])).lower()
    assert "cancel" in said and "order" in said
