"""The telephony endpoint: a phone system streams a call's audio over a WebSocket, the API answers with the words.

    client ─ Authorization: Bearer fl_… (the API key, on the handshake)
           ─ text  {"thread_id": "call-42", "customer": {"id": "+4420…", "name": "Caller"}, "rate": 8000, "channels": 1}
           ─ binary 16-bit little-endian PCM, interleaved when 2 channels (left: the caller, right: the agent) …
           ─ text  {"type": "end"}   (or just close)
    server ─ {"type": "started", "call_id": …}
           ─ {"type": "partial", "role": "customer", "text": …}             the words so far, about every 0.5 s
           ─ {"type": "final", "role": …, "message_id": …, "conversation_id": …, "start_s": …, "end_s": …}
           ─ {"type": "ended", "conversation_id": …, "segments": n, "heard_s": …}  then the socket closes (1000)
           ─ {"type": "error", "status": …, "code": …, "message": …}        then the socket closes (1008 / 1003)

Each final segment is stored like a posted message (services/ingestion.py: the thread's voice conversation, PII
masked before storage, analysed once), so the agents see the call and its assist live. The start message must come
within START_TIMEOUT_S, audio must keep coming (IDLE_TIMEOUT_S), and one binary message holds at most
MAX_CHUNK_BYTES: no client can hold a connection or memory without sending a call.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Mapping
from typing import Any

import anyio
from starlette.concurrency import run_in_threadpool
from starlette.routing import WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect

from services import api_keys, calls
from services.bootstrap import Services
from services.errors import InvalidInput, ServiceError
from services.views import CallView

log = logging.getLogger(__name__)

PATH = "/v1/calls/stream"
START_TIMEOUT_S = 10.0
IDLE_TIMEOUT_S = 30.0
MAX_CHUNK_BYTES = 64 * 1024  # 2 s of 16 kHz mono 16-bit audio
RATES = (8_000, 16_000, 22_050, 24_000, 32_000, 44_100, 48_000)
EVENTS_EVERY_S = 0.25


def routes(services: Services, statuses: Any) -> list[WebSocketRoute]:
    """statuses(error) -> (HTTP status, code) for a ServiceError (api/app.py's one mapping)."""

    async def stream(websocket: WebSocket) -> None:
        await websocket.accept()
        try:
            session, rate = await _start(services, websocket)
        except ServiceError as error:
            await _refuse(websocket, error, statuses)
            return
        except TimeoutError:
            await _refuse(websocket, InvalidInput(f"no call was started within {START_TIMEOUT_S:g} s"), statuses)
            return
        except WebSocketDisconnect:
            return
        await _relay(websocket, session, rate)

    return [WebSocketRoute(PATH, stream)]


async def _start(services: Services, websocket: WebSocket) -> tuple[calls.CallSession, int]:
    key = await run_in_threadpool(api_keys.admit, services, _bearer(websocket))
    with anyio.fail_after(START_TIMEOUT_S):
        first = await websocket.receive()
    start = _start_message(first)
    rate = start.get("rate", 16_000)
    if rate not in RATES or isinstance(rate, bool):
        raise InvalidInput(f"rate must be one of {', '.join(map(str, RATES))} (Hz)")
    session = await run_in_threadpool(calls.start_phone_call, services, key, start.get("thread_id"),
                                      start.get("customer"), start.get("channels", 1))
    await websocket.send_json({"type": "started", "call_id": session.call_id})
    return session, rate


def _start_message(message: Mapping[str, Any]) -> dict[str, Any]:
    text = message.get("text")
    try:
        start = json.loads(text) if isinstance(text, str) else None
    except ValueError:
        start = None
    if not isinstance(start, dict):
        raise InvalidInput('send the call first, as a JSON text message: {"thread_id": …, "customer": {"id": …, '
                           '"name": …}, "rate": 8000, "channels": 1}; then the audio as binary messages')
    return start


class _Events:
    """What the client has been sent: finals by count, the partial words by role."""

    def __init__(self, websocket: WebSocket) -> None:
        self.websocket, self.lines = websocket, 0
        self.partial: dict[str, str] = {}

    async def send_new(self, view: CallView) -> None:
        for line in view.lines[self.lines:]:
            await self.websocket.send_json({"type": "final", "role": line.role, "message_id": line.message_id,
                                            "conversation_id": view.conversation_id, "start_s": line.start_s,
                                            "end_s": line.end_s})
        self.lines = len(view.lines)
        for role, text in view.partial:
            if self.partial.get(role) != text:
                await self.websocket.send_json({"type": "partial", "role": role, "text": text})
                self.partial[role] = text

    async def follow(self, session: calls.CallSession) -> None:
        while True:
            await self.send_new(session.view())
            await asyncio.sleep(EVENTS_EVERY_S)


async def _relay(websocket: WebSocket, session: calls.CallSession, rate: int) -> None:
    """Audio in, events out, until the client ends the call, goes quiet or the audio cannot be recognised."""
    events = _Events(websocket)
    sender = asyncio.create_task(events.follow(session))
    try:
        reason = await _receive_audio(websocket, session, rate)
    except WebSocketDisconnect:
        reason = ""  # the client hung up: what it said is still stored
    finally:
        session.hang_up()
        sender.cancel()
        await asyncio.gather(sender, return_exceptions=True)
        await run_in_threadpool(session.wait)
    if not reason:
        return
    view = session.view()
    await events.send_new(view)
    if view.status == "failed":
        await websocket.send_json({"type": "error", "status": 422, "code": "bad_audio", "message": view.problem})
        await websocket.close(1003)
        return
    await websocket.send_json({"type": "ended", "conversation_id": view.conversation_id, "segments": len(view.lines),
                               "heard_s": view.heard_s, "reason": reason, "notices": list(view.notices)})
    await websocket.close(1000)


async def _receive_audio(websocket: WebSocket, session: calls.CallSession, rate: int) -> str:
    """Why the audio stopped: the client's end message, silence on the socket, or the session stopped."""
    while True:
        try:
            with anyio.fail_after(IDLE_TIMEOUT_S):
                message = await websocket.receive()
        except TimeoutError:
            return f"no audio for {IDLE_TIMEOUT_S:g} s"
        if message.get("type") == "websocket.disconnect":
            raise WebSocketDisconnect(message.get("code", 1000))
        data = message.get("bytes")
        if data is not None and len(data) > MAX_CHUNK_BYTES:
            session.stop(f"one audio message may hold at most {MAX_CHUNK_BYTES:,} bytes; got {len(data):,}")
            return "refused"
        if data is not None:
            session.feed_pcm(data, rate)
        elif _is_end(message.get("text")):
            return "ended by the client"
        if not session.view().live:
            return "stopped"


def _is_end(text: Any) -> bool:
    try:
        return isinstance(text, str) and json.loads(text) == {"type": "end"}
    except ValueError:
        return False


async def _refuse(websocket: WebSocket, error: ServiceError, statuses: Any) -> None:
    status, code = statuses(error)
    field = getattr(error, "field", "")
    try:
        await websocket.send_json({"type": "error", "status": status, "code": code, "message": str(error),
                                   **({"field": field} if field else {})})
        await websocket.close(1008)
    except (WebSocketDisconnect, RuntimeError):
        pass


def _bearer(websocket: WebSocket) -> str:
    scheme, _, token = websocket.headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""
