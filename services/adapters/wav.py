"""WAV files in memory: 16-bit mono PCM, the one format every speech provider's audio is handed on in."""

from __future__ import annotations

import io
import wave

import numpy as np


def wav_from_pcm16(pcm: bytes, sample_rate: int) -> bytes:
    """A complete WAV file around little-endian 16-bit mono samples."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(sample_rate)
        out.writeframes(pcm[: len(pcm) - len(pcm) % 2])
    return buffer.getvalue()


def wav_from_float(samples: np.ndarray, sample_rate: int) -> bytes:
    """A WAV file of float samples in [-1, 1] (clipped), as 16-bit PCM."""
    pcm = (np.clip(samples, -1.0, 1.0) * 32_767).astype("<i2").tobytes()
    return wav_from_pcm16(pcm, sample_rate)
