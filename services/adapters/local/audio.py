"""Reading an audio file for speech recognition: anything FFmpeg decodes (WAV, MP3, OGG, FLAC ...) through PyAV, as
mono 16 kHz float32 samples. Bounded: a file longer than the maximum is refused from its header before any decoding,
and decoding stops at the maximum when the header does not say how long it is.
"""

from __future__ import annotations

import struct
from pathlib import Path

import av
import numpy as np

from services.errors import InvalidInput

SAMPLE_RATE = 16_000  # what Whisper and the voice activity detector take
MIN_SOURCE_RATE = 8_000  # telephone audio; below this there is too little of the speech band left to recognise
SILENCE_PEAK = 0.001  # -60 dBFS: a file whose loudest sample is quieter than this is silent
FORMATS = "WAV, MP3, OGG or FLAC"


def read_audio(path: Path, max_seconds: float) -> np.ndarray:
    """The file's audio as mono float32 samples at 16 kHz.

    Raises:
        InvalidInput: no such file, not audio, damaged, silent, a sample rate below 8 kHz, longer than max_seconds.
    """
    if not path.is_file():
        raise InvalidInput(f"no such audio file: {path}")
    try:
        container = av.open(str(path), mode="r", metadata_errors="ignore")
    except (av.error.FFmpegError, OSError, ValueError) as e:
        raise InvalidInput(f"{path.name} is not an audio file that can be read ({FORMATS}): {_reason(e)}") from e
    with container:
        stream = _audio_stream(container, path)
        _check_header(container, stream, path, max_seconds)
        declared = _wav_data_seconds(path) or _declared_seconds(container, stream)
        samples = _decode(container, stream, path, max_seconds)
    _check_complete(path, declared, samples.size / SAMPLE_RATE)
    return _check_content(samples, path)


def _reason(error: Exception) -> str:
    return str(getattr(error, "strerror", None) or error).strip() or type(error).__name__


def _audio_stream(container: av.container.InputContainer, path: Path) -> av.audio.stream.AudioStream:
    if not container.streams.audio:
        raise InvalidInput(f"{path.name} has no audio track ({FORMATS} expected)")
    return container.streams.audio[0]


def _check_header(container: av.container.InputContainer, stream: av.audio.stream.AudioStream, path: Path,
                  max_seconds: float) -> None:
    rate = stream.codec_context.sample_rate or 0
    if rate and rate < MIN_SOURCE_RATE:
        raise InvalidInput(f"{path.name} is sampled at {rate} Hz: too low for speech recognition "
                           f"(at least {MIN_SOURCE_RATE} Hz is needed)")
    declared = _declared_seconds(container, stream)
    if declared is not None and declared > max_seconds:
        raise InvalidInput(f"{path.name} is {_clock(declared)} long; at most {_clock(max_seconds)} of audio "
                           "is transcribed (stt_max_audio_s)")


def _declared_seconds(container: av.container.InputContainer, stream: av.audio.stream.AudioStream) -> float | None:
    if stream.duration is not None and stream.time_base is not None:
        return float(stream.duration * stream.time_base)
    if container.duration is not None:
        return container.duration / av.time_base
    return None


def _decode(container: av.container.InputContainer, stream: av.audio.stream.AudioStream, path: Path,
            max_seconds: float) -> np.ndarray:
    resampler = av.audio.resampler.AudioResampler(format="flt", layout="mono", rate=SAMPLE_RATE)
    limit = int(max_seconds * SAMPLE_RATE)
    chunks: list[np.ndarray] = []
    total = 0
    try:
        for frame in container.decode(stream):
            for out in resampler.resample(frame):
                chunks.append(out.to_ndarray().reshape(-1))
                total += chunks[-1].size
            if total > limit:
                raise InvalidInput(f"{path.name} is longer than {_clock(max_seconds)}; at most that much audio "
                                   "is transcribed (stt_max_audio_s)")
        chunks.extend(out.to_ndarray().reshape(-1) for out in resampler.resample(None))
    except av.error.FFmpegError as e:
        raise InvalidInput(f"{path.name} is damaged or truncated: decoding stopped after "
                           f"{_clock(total / SAMPLE_RATE)} ({_reason(e)})") from e
    return np.concatenate(chunks).astype(np.float32) if chunks else np.zeros(0, np.float32)


def _wav_data_seconds(path: Path) -> float | None:
    """How long a WAV file's own header says its data is (FFmpeg reports what the file size allows instead), or
    None: not a plain RIFF/WAVE file, or a stream-style header with no size."""
    with open(path, "rb") as f:
        head = f.read(65_536)
    if head[:4] != b"RIFF" or head[8:12] != b"WAVE":
        return None
    offset, byte_rate = 12, 0
    while offset + 8 <= len(head):
        chunk, size = head[offset:offset + 4], struct.unpack_from("<I", head, offset + 4)[0]
        if chunk == b"fmt " and offset + 16 <= len(head):
            byte_rate = struct.unpack_from("<I", head, offset + 16)[0]
        if chunk == b"data":
            return size / byte_rate if byte_rate and size not in (0, 0xFFFFFFFF) else None
        offset += 8 + size + (size & 1)
    return None


def _check_complete(path: Path, declared: float | None, decoded: float) -> None:
    """A file whose header promises clearly more audio than it holds was cut short (an interrupted copy or upload).
    The slack allows for encoder padding and estimated durations."""
    if declared is not None and declared - decoded > max(0.5, 0.2 * declared):
        raise InvalidInput(f"{path.name} is truncated: its header says {_clock(declared)} of audio but only "
                           f"{_clock(decoded)} is there")


def _check_content(samples: np.ndarray, path: Path) -> np.ndarray:
    if samples.size < SAMPLE_RATE // 10:
        raise InvalidInput(f"{path.name} holds no audio (less than 0.1 s could be decoded)")
    if float(np.max(np.abs(samples))) < SILENCE_PEAK:
        raise InvalidInput(f"{path.name} is silent (its loudest sample is below -60 dBFS)")
    return samples


def _clock(seconds: float) -> str:
    """1:02:03 or 4:05.6 — a duration people read."""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}.{int(seconds * 10) % 10}"
