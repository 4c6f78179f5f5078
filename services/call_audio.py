"""A live call's audio as it arrives, made into float samples per channel: the frames streamlit-webrtc hands its
audio callback (PyAV ``AudioFrame``s: any rate, mono or stereo, packed or planar, 16/32-bit integer or float) and the
16-bit little-endian PCM a telephony integration streams to the API. Resampling to 16 kHz is the recogniser's
(``SpeechListener.hear`` takes any rate from 8 to 192 kHz); here only the layout and the scale change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from services.errors import InvalidInput

MAX_CHANNELS = 2
_SCALES = {np.dtype(np.int16): 32_768.0, np.dtype(np.int32): 2_147_483_648.0}


@dataclass(frozen=True)
class Block:
    """Audio as float32 samples in [-1, 1], one row per channel, at ``rate`` Hz."""

    samples: np.ndarray  # shape (channels, n)
    rate: int

    @property
    def seconds(self) -> float:
        return self.samples.shape[1] / self.rate if self.rate else 0.0

    def mono(self) -> Block:
        """The channels mixed into one (a browser's microphone sends one voice, often copied to both channels)."""
        return Block(self.samples.mean(axis=0, keepdims=True).astype(np.float32), self.rate)


def from_frame(frame: Any) -> Block:
    """A PyAV AudioFrame's samples (what streamlit-webrtc passes the audio callback).

    Raises:
        InvalidInput: not an audio frame, a sample format other than 8/16/32-bit integer or float, more than two
            channels.
    """
    try:
        data = np.asarray(frame.to_ndarray())
        channels = len(frame.layout.channels)
        planar = bool(frame.format.is_planar)
        rate = int(frame.sample_rate)
        if not 1 <= channels <= MAX_CHANNELS:
            raise InvalidInput(f"audio with {channels} channels cannot be taken (mono or stereo)")
        samples = data.reshape(channels, -1) if planar else data.reshape(-1, channels).T
    except (AttributeError, TypeError, ValueError) as e:
        raise InvalidInput(f"not an audio frame: {type(e).__name__}") from e
    return Block(_scaled(samples), rate)


def from_pcm(data: bytes, rate: int, channels: int) -> Block:
    """Interleaved 16-bit little-endian PCM (what a telephony integration streams).

    Raises:
        InvalidInput: not whole frames of 16-bit samples for that many channels.
    """
    if channels not in (1, 2):
        raise InvalidInput("channels must be 1 (the caller) or 2 (left: the caller, right: the agent)")
    if len(data) % (2 * channels):
        raise InvalidInput(f"{len(data)} bytes are not whole frames of 16-bit samples on {channels} channel(s)")
    samples = np.frombuffer(data, "<i2").reshape(-1, channels).T
    return Block(_scaled(samples), rate)


def _scaled(samples: np.ndarray) -> np.ndarray:
    if samples.dtype == np.uint8:
        return ((samples.astype(np.float32) - 128.0) / 128.0).astype(np.float32)
    if samples.dtype in _SCALES:
        return (samples.astype(np.float32) / _SCALES[samples.dtype]).astype(np.float32)
    if samples.dtype.kind == "f":
        return np.clip(np.nan_to_num(samples.astype(np.float32)), -1.0, 1.0)
    raise InvalidInput(f"audio samples of type {samples.dtype} cannot be taken (8/16/32-bit integer or float)")
