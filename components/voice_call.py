"""The voice call beside a voice conversation: take the caller's audio from the browser (streamlit-webrtc), show
the words as they are recognised, end the call; or transcribe a recorded call. Render only: the page passes the
call's ``feed`` and ``hang_up`` and gets the agent's choices back; the words themselves reach the thread and the
assist panel through the store (services/calls.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import streamlit as st

from components.safe import literal
from services.views import CallView

RECORDING_TYPES = ["wav", "mp3", "ogg"]
STATUS = {"listening": ("Listening", ":material/graphic_eq:"), "ended": ("Call ended", ":material/call_end:"),
          "failed": ("Stopped", ":material/error:")}


def frame_callback(feed: Callable[[Any], None]) -> Callable[[Any], Any]:
    """streamlit-webrtc's audio_frame_callback: each frame of the caller's audio (a PyAV AudioFrame, on aiortc's
    thread) goes to the call, unchanged; it returns at once (the call only queues it)."""
    def on_frame(frame: Any) -> Any:
        feed(frame)
        return frame
    return on_frame


@dataclass(frozen=True)
class Choice:
    """What the agent did: "start" (take the call: two_channels for a stereo source, left the caller, right the
    agent), "end", or "upload" (a recorded call: name and bytes)."""

    kind: str
    two_channels: bool = False
    name: str = ""
    data: bytes = b""


def controls(conversation_id: int, view: CallView | None) -> Choice | None:
    """The buttons: Take the call / End call, and a recorded call's upload."""
    if view is not None and view.live:
        if st.button("End call", key=f"call-end-{conversation_id}", icon=":material/call_end:", type="primary"):
            return Choice("end")
        return None
    start, upload = st.columns([1, 1.4], gap="small")
    with start:
        two = st.toggle("Two channels", key=f"call-two-{conversation_id}",
                        help="A stereo source: left the caller, right the agent. Off: one voice, the caller.")
        if st.button("Take the call", key=f"call-start-{conversation_id}", icon=":material/call:", type="primary"):
            return Choice("start", two_channels=two)
    with upload:
        recorded = st.file_uploader("Recorded call", type=RECORDING_TYPES, key=f"call-file-{conversation_id}",
                                    help="WAV, MP3 or OGG: transcribed into this conversation, segment by segment")
        if recorded is not None and st.button("Transcribe recording", key=f"call-transcribe-{conversation_id}",
                                              icon=":material/transcribe:"):
            return Choice("upload", name=recorded.name, data=recorded.getvalue())
    return None


def audio_source(conversation_id: int, feed: Callable[[Any], None], hang_up: Callable[[], None],
                 ice_servers: list[dict[str, Any]]) -> bool:
    """The browser's microphone, sent to the server while the call is live (streamlit-webrtc, send only, audio
    only); ice_servers from the settings (none by default: on localhost nothing outside is asked). True while the
    audio flows."""
    from streamlit_webrtc import WebRtcMode, webrtc_streamer

    rtc = {"iceServers": ice_servers}
    context = webrtc_streamer(
        key=f"call-audio-{conversation_id}", mode=WebRtcMode.SENDONLY, desired_playing_state=True,
        rtc_configuration=rtc, server_rtc_configuration=rtc, frontend_rtc_configuration=rtc,
        media_stream_constraints={"audio": True, "video": False}, audio_frame_callback=frame_callback(feed),
        on_audio_ended=hang_up, media_toggle_controls=False,
        translations={"start": "Connect audio", "stop": "Disconnect audio", "select_device": "Microphone"})
    return bool(context.state.playing)


def live_words(view: CallView) -> None:
    """The call's state and the words not final yet; the final ones are in the thread."""
    label, icon = STATUS.get(view.status, (view.status, ":material/call:"))
    heard = f" · {view.heard_s:.0f} s heard · {len(view.lines)} segment(s) stored" if view.heard_s or view.lines else ""
    st.markdown(f"{icon} **{label}**{heard}")
    for role, text in view.partial:  # what the caller says is customer text: shown literally
        literal(f"{role.capitalize()} (speaking, not final): {text}", "caption")
    if view.problem:
        st.error(view.problem, icon=":material/error:")
    for notice in view.notices:
        st.warning(notice, icon=":material/warning:")
