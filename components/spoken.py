"""Spoken replies in the workspace: a Play button beside each suggested reply (and in the composer), and the player
of what was spoken, under the reply it came from. The page synthesises (services.speech); this only draws."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from services.models import Speech

SPOKEN = "spoken-reply"  # session key: (what was played, its Speech or the error message[, "played"])


def suggestion_key(suggestion_id: int) -> str:
    return f"suggestion-{suggestion_id}"


def composer_key(conversation_id: int) -> str:
    return f"composer-{conversation_id}"


def remember(played: str, result: Speech | str) -> None:
    """Keep the latest spoken reply (one at a time: a WAV is up to a few MB) or why it could not be spoken."""
    st.session_state[SPOKEN] = (played, result)


def play_button(key: str, on_play: Callable[..., None], args: tuple) -> None:
    st.button("Play", key=key, icon=":material/volume_up:", on_click=on_play, args=args, width="stretch",
              help="Hear this reply read aloud")


def player(played: str) -> None:
    """The audio (autoplayed the first time it is drawn) and what was spoken, or why nothing could be."""
    entry = st.session_state.get(SPOKEN)
    if not entry or entry[0] != played:
        return
    result = entry[1]
    if isinstance(result, str):
        st.error(result, icon=":material/volume_off:")
    elif isinstance(result, Speech):
        st.audio(result.audio, format="audio/wav", autoplay=len(entry) < 3)
        st.session_state[SPOKEN] = (played, result, "played")
        st.caption(f"{result.voice} · {result.duration_s:.1f} s"
                   + (" · a long reply: only its start is read" if result.truncated else ""))
