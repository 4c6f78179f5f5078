"""Live calls, the use cases: an agent takes a call on a voice conversation (the browser's microphone through
streamlit-webrtc), transcribes a recorded call into one, or a telephony integration streams a call's audio to the
ingestion API. Each is a ``CallSession`` (services/call_session.py: a worker per call, final segments stored as
they are recognised, partial words for the view); where its segments go is its line (services/call_lines.py).
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

from services import conversations
from services.bootstrap import Services
from services.call_lines import ConversationLine, ThreadLine
from services.call_session import END_WAIT_S, CallSession
from services.errors import InvalidInput
from services.models import ApiKey, User
from services.permissions import require
from services.views import CallView

__all__ = ["CallSession", "end_call", "ice_servers", "start_call", "start_phone_call", "transcribe_recording"]

MAX_RECORDING_BYTES = 200 * 1024 * 1024
RECORDING_TYPES = ("wav", "mp3", "ogg")
RECORDING_FOLDER_PREFIX = "frontline-call-"


def start_call(services: Services, user: User, conversation_id: int, channels: int = 1) -> CallSession:
    """Take a call on a voice conversation the user may reply to: a session fed with the call's audio frames
    (``feed``) that stores each final segment in the conversation and shows the partial words (``view``).

    Raises:
        PermissionDenied: a role that may not reply, or a conversation the user may not act on.
        InvalidInput: not a voice conversation, or a bad channel count. NotFound: no such conversation.
    """
    require(user, "conversation.reply")
    conversation, _ = conversations.checked(services, user, conversation_id, "reply")
    if conversation.channel != "voice":
        raise InvalidInput(f"conversation {conversation.id} is a {conversation.channel} conversation; calls are taken "
                           "on voice conversations")
    session = CallSession(services, ConversationLine(services, user, conversation.id), channels)
    with services.uow() as uow:
        uow.audit.record(user.username, "start_call", "conversation", str(conversation.id),
                         f"call {session.call_id}, {channels} channel(s)")
    return session


def end_call(services: Services, user: User, session: CallSession, wait_s: float = END_WAIT_S) -> CallView:
    """The agent ends the call: the last words are recognised and stored, within wait_s (0: in the background —
    a page does not wait; ``session.view()`` shows when it is done).

    Raises:
        PermissionDenied: a role that may not reply.
    """
    require(user, "conversation.reply")
    session.hang_up()
    if wait_s:
        session.wait(wait_s)
    view = session.view()
    with services.uow() as uow:
        uow.audit.record(user.username, "end_call", "conversation", str(view.conversation_id),
                         f"call {view.call_id}: {len(view.lines)} segment(s) stored so far, {view.heard_s:.1f} s heard"
                         + (f"; stopped: {view.problem}" if view.problem else ""))
    return view


def transcribe_recording(services: Services, user: User, conversation_id: int, filename: str,
                         data: bytes) -> CallSession:
    """Transcribe a recorded call (WAV, MP3 or OGG) into a voice conversation: a session whose worker stores each
    segment as the caller's message as soon as it is recognised; a file that is not such audio (truncated, silent,
    too long, too low a sample rate) ends it "failed" with the reason, and nothing is stored.

    Raises:
        PermissionDenied, NotFound: as start_call. InvalidInput: not a voice conversation, a name without a .wav,
            .mp3 or .ogg ending, an empty or oversized file.
    """
    require(user, "conversation.reply")
    conversation, _ = conversations.checked(services, user, conversation_id, "reply")
    if conversation.channel != "voice":
        raise InvalidInput(f"conversation {conversation.id} is a {conversation.channel} conversation; recorded calls "
                           "go into voice conversations")
    suffix = Path(str(filename)).suffix.lower().lstrip(".")
    if suffix not in RECORDING_TYPES:
        raise InvalidInput(f"a recorded call must be a {', '.join(t.upper() for t in RECORDING_TYPES)} file; "
                           f"got {str(filename)[:80]!r}")
    if not data:
        raise InvalidInput(f"{str(filename)[:80]} is empty")
    if len(data) > MAX_RECORDING_BYTES:
        raise InvalidInput(f"{str(filename)[:80]} is larger than {MAX_RECORDING_BYTES // 2**20} MB")
    folder = Path(tempfile.mkdtemp(prefix=RECORDING_FOLDER_PREFIX))  # private (0700); removed once transcribed
    path = folder / (re.sub(r"[^\w.-]", "_", Path(str(filename)).stem)[:80] + f".{suffix}")
    path.write_bytes(data)
    session = CallSession(services, ConversationLine(services, user, conversation.id), recording=path)
    with services.uow() as uow:
        uow.audit.record(user.username, "transcribe_recording", "conversation", str(conversation.id),
                         f"call {session.call_id}, {len(data):,} bytes")
    return session


def ice_servers(services: Services) -> list[dict[str, Any]]:
    """The ICE servers of the browser's call audio, from the settings (call_ice_servers; TURN servers with
    call_turn_username and call_turn_credential): none by default, so connecting asks no outside host."""
    settings = services.settings
    stun = [u for u in settings.call_ice_servers if u.startswith("stun")]
    turn = [u for u in settings.call_ice_servers if u.startswith("turn")]
    servers: list[dict[str, Any]] = [{"urls": stun}] if stun else []
    if turn:
        servers.append({"urls": turn, "username": settings.call_turn_username,
                        "credential": settings.call_turn_credential})
    return servers


def start_phone_call(services: Services, key: ApiKey, thread_id: Any, customer: Any, channels: Any = 1) -> CallSession:
    """A call a telephony integration streams under its API key (api/calls.py): the caller's words go to the
    thread's voice conversation (opened by the first of them) through the ingestion path; with two channels the
    right one is the agent's.

    Raises:
        InvalidField: a bad thread id or customer (as for a message). InvalidInput: channels not 1 or 2.
    """
    if channels not in (1, 2) or isinstance(channels, bool):
        raise InvalidInput("channels must be 1 (the caller) or 2 (left: the caller, right: the agent)")
    session = CallSession(services, ThreadLine(services, key, thread_id, customer), channels)
    with services.uow() as uow:
        uow.audit.record(f"api:{key.name}", "api_start_call", "thread", str(thread_id)[:200],
                         f"call {session.call_id}, {channels} channel(s)")
    return session
