"""The voice call beside a voice conversation: take the caller's audio from the browser (streamlit-webrtc's own
Take the call / End call button), show the words as they are recognised; or transcribe a recorded call. Render and
plumbing only: the page starts and ends the call (services/calls.py) and attaches it to the relay; the words reach
the thread and the assist panel through the store. Anything else about a voice call (e.g. playing a reply as
speech) sits beside these in the page's call fragment."""

from __future__ import annotations

import threading
from collections.abc import Awaitable, Callable
from typing import Any

import streamlit as st

from components.safe import literal
from services.views import CallView

RECORDING_TYPES = ["wav", "mp3", "ogg"]
STATUS = {"listening": ("Listening", ":material/graphic_eq:"), "ended": ("Call ended", ":material/call_end:"),
          "failed": ("Stopped", ":material/error:")}


def frames_callback(feed: Callable[[Any], None]) -> Callable[[list[Any]], Awaitable[list[Any]]]:
    """streamlit-webrtc's queued_audio_frames_callback: every frame of the caller's audio received since the last
    call (PyAV AudioFrames, on the audio worker's thread) goes to the call, in order; they are handed back unchanged
    at once (the call only queues them). Not audio_frame_callback: when its worker falls behind, that one is given
    only the newest frame and the others are dropped — words lost under load."""
    async def on_frames(frames: list[Any]) -> list[Any]:
        for frame in frames:
            feed(frame)
        return frames
    return on_frames


class Relay:
    """Between streamlit-webrtc and the call: the browser's audio starts flowing before the script run that starts
    the call (the one the component's state change triggers), so frames are held (at most MAX_HELD, the first
    seconds) until the call is attached, then handed on. Plumbing only: no decision is made here."""

    MAX_HELD = 500  # 20 ms frames: 10 s

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._held: list[Any] = []
        self._feed: Callable[[Any], None] | None = None
        self._hang_up: Callable[[], None] | None = None

    def feed(self, frame: Any) -> None:
        with self._lock:
            feed = self._feed
            if feed is None:
                if len(self._held) < self.MAX_HELD:
                    self._held.append(frame)
                return
        feed(frame)

    def attach(self, feed: Callable[[Any], None], hang_up: Callable[[], None]) -> None:
        with self._lock:
            held, self._held = self._held, []
            for frame in held:
                feed(frame)
            self._feed, self._hang_up = feed, hang_up

    def detach(self) -> None:
        with self._lock:
            self._feed = self._hang_up = None
            self._held = []

    def ended(self) -> None:
        """The browser's audio track ended (on aiortc's thread)."""
        with self._lock:
            hang_up = self._hang_up
        if hang_up is not None:
            hang_up()


def two_channels(conversation_id: int, disabled: bool) -> bool:
    return st.toggle("Two channels", key=f"call-two-{conversation_id}", disabled=disabled,
                     help="A stereo source: left the caller, right the agent. Off: one voice, the caller.")


def recording(conversation_id: int) -> tuple[str, bytes] | None:
    """A recorded call to transcribe: (file name, bytes) when the agent asked for it."""
    recorded = st.file_uploader("Recorded call", type=RECORDING_TYPES, key=f"call-file-{conversation_id}",
                                help="WAV, MP3 or OGG: transcribed into this conversation, segment by segment")
    if recorded is not None and st.button("Transcribe recording", key=f"call-transcribe-{conversation_id}",
                                          icon=":material/transcribe:"):
        return recorded.name, recorded.getvalue()
    return None


def audio_source(conversation_id: int, relay: Relay, ice_servers: list[dict[str, Any]], available: bool = True) -> bool:
    """The browser's microphone as the caller (streamlit-webrtc, send only, audio only): its own button takes and
    ends the call. ice_servers from the settings (none by default: on localhost nothing outside is asked). True
    while the audio flows. available: False where no server session can carry audio (AppTest, another runtime)."""
    if not available:
        st.caption("Live calls need the app's server session; a recorded call can still be transcribed.")
        return False
    from streamlit_webrtc import WebRtcMode, webrtc_streamer

    rtc = {"iceServers": ice_servers}
    context = webrtc_streamer(
        key=f"call-audio-{conversation_id}", mode=WebRtcMode.SENDONLY, rtc_configuration=rtc,
        server_rtc_configuration=rtc, frontend_rtc_configuration=rtc,
        media_stream_constraints={"audio": True, "video": False}, queued_audio_frames_callback=frames_callback(relay.feed),
        on_audio_ended=relay.ended,
        translations={"start": "Take the call", "stop": "End call", "select_device": "Microphone",
                      "media_api_not_available": "This browser cannot share a microphone here (it needs https or "
                                                 "localhost)",
                      "device_ask_permission": "Allow the microphone to take the call",
                      "device_not_available": "No microphone found",
                      "device_access_denied": "The microphone is blocked for this site"})
    return bool(context.state.playing)


def live_words(view: CallView) -> None:
    """The call's state and the words not final yet; the final ones are in the thread."""
    label, icon = STATUS.get(view.status, (view.status, ":material/call:"))
    heard = f" · {view.heard_s:.0f} s heard · {len(view.lines)} segment(s) stored" if view.heard_s or view.lines else ""
    first = f" · first words {view.first_partial_s:.1f} s after the audio began" \
        if view.first_partial_s is not None else ""
    st.markdown(f"{icon} **{label}**{heard}{first}")
    for role, text in view.partial:  # what the caller says is customer text: shown literally
        literal(f"{role.capitalize()} (speaking, not final): {text}", "caption")
    emotion(view)
    if view.problem:
        st.error(view.problem, icon=":material/error:")
    for notice in view.notices:
        st.warning(notice, icon=":material/warning:")


EMOTION_ICONS = {"calm": ":material/sentiment_satisfied:", "unhappy": ":material/sentiment_dissatisfied:",
                 "animated": ":material/sentiment_excited:", "agitated": ":material/sentiment_extremely_dissatisfied:"}


def emotion(view: CallView) -> None:
    """The caller's emotion now (the last final segment: voice against their start, with the words' sentiment), what
    the voice cues measured, and the trend over the call."""
    if not view.emotion:
        return
    last = view.emotion[-1]
    st.markdown(f"{EMOTION_ICONS.get(last.label, ':material/mood:')} Caller's emotion: **{last.label}** "
                f"({last.emotion:+.2f}; voice arousal {last.arousal:.2f}, words {last.sentiment:+.2f})")
    st.caption(last.explanation)
    if len(view.emotion) > 1:
        st.line_chart({"emotion (−1 upset … 1 content)": [p.emotion for p in view.emotion]}, height=120)
