"""Live speech to text for one channel of a call: audio in as it arrives, final segments out at each pause.

    samples at any rate ─► PyAV resampler (16 kHz mono, stateful) ─► Silero VAD, 32 ms windows as they complete
        ─► speech opens at p ≥ 0.5, closes after ≥ 400 ms below 0.35 (or at the longest chunk) ─► Whisper ─► final
    partial(): the speech still open (from its start, padded) recognised now

The VAD is the one faster-whisper's file path uses (``get_speech_timestamps``), run window by window: each new
window is scored with the 64 samples before it as context, exactly as the batch call scores it, so a live call and
the same audio as a file are cut at the same places. Only the open speech (and 200 ms before it) is kept: a call of
any length holds at most ``chunk_s`` seconds of audio per channel.
"""

from __future__ import annotations

from collections.abc import Callable

import av
import numpy as np

from services.adapters.local.audio import SAMPLE_RATE
from services.errors import InvalidInput
from services.models import TranscriptSegment

WINDOW = 512  # samples per VAD window (32 ms), what Silero v6 scores at 16 kHz
CONTEXT = 64  # samples of the previous window each window is scored with
THRESHOLD, NEG_THRESHOLD = 0.5, 0.35  # speech starts at or above the first; ends after a pause below the second
MIN_SILENCE_WINDOWS = 13  # 416 ms below NEG_THRESHOLD closes the speech (the file path: 400 ms)
MIN_SPEECH_WINDOWS = 8  # 256 ms: a shorter blip (a click, a cough) is dropped
PAD = 3_200  # 200 ms kept either side of the speech, so word edges are not cut
MIN_PARTIAL = 4_800  # 300 ms of open speech before a partial is worth recognising
MIN_RATE, MAX_RATE = 8_000, 192_000


class WhisperListener:
    """The SpeechListener port on Silero VAD and a Whisper recogniser (``recognise(samples) -> text``, thread-safe,
    shared by every call). One listener per channel, fed by one thread."""

    def __init__(self, recognise: Callable[[np.ndarray], str], chunk_s: float,
                 load: Callable[[], None] = lambda: None) -> None:
        self._recognise, self._load = recognise, load
        self._max_windows = max(MIN_SPEECH_WINDOWS + 1, int(chunk_s * SAMPLE_RATE - 2 * PAD) // WINDOW)
        self._resampler: av.AudioResampler | None = None
        self._rate = 0
        self._audio = np.zeros(0, np.float32)  # kept samples; _audio[0] is sample number _origin of the call
        self._origin = 0
        self._scored = 0  # samples of the call scored by the VAD
        self._start: int | None = None  # the open speech's first sample, None when nobody speaks
        self._end = 0  # the open speech's last window end so far
        self._quiet = 0  # windows below NEG_THRESHOLD since
        self._windows = 0  # windows since the open speech started

    def hear(self, samples: np.ndarray, rate: int) -> list[TranscriptSegment]:
        resampled = self._resample(np.asarray(samples, np.float32).reshape(-1), rate)
        self._audio = np.concatenate([self._audio, resampled])
        return self._score()

    def partial(self) -> str:
        if not self.partial_ready():
            return ""
        return self._recognise(self._slice(self._start - PAD, self._origin + self._audio.size))  # type: ignore[operator]

    def partial_ready(self) -> bool:
        return self._start is not None and self._origin + self._audio.size - self._start >= MIN_PARTIAL

    def finish(self) -> list[TranscriptSegment]:
        if self._resampler is not None:
            self._audio = np.concatenate([self._audio, *(f.to_ndarray().reshape(-1) for f in
                                                         self._resampler.resample(None))])
            self._resampler = None
        tail = (-(self._origin + self._audio.size - self._scored)) % WINDOW
        self._audio = np.concatenate([self._audio, np.zeros(tail, np.float32)])  # score the last part-window too
        found = self._score()
        if self._start is not None:
            found += self._close(self._end)
        return found

    def ready(self) -> None:
        from faster_whisper.vad import get_vad_model

        get_vad_model()
        self._load()

    def _resample(self, samples: np.ndarray, rate: int) -> np.ndarray:
        if not isinstance(rate, int) or not MIN_RATE <= rate <= MAX_RATE:
            raise InvalidInput(f"audio sampled at {rate} Hz cannot be recognised (from {MIN_RATE:,} to "
                               f"{MAX_RATE:,} Hz)")
        samples = np.clip(np.nan_to_num(samples, nan=0.0, posinf=1.0, neginf=-1.0), -1.0, 1.0)
        if rate == SAMPLE_RATE and self._resampler is None:
            return samples
        if self._resampler is None or rate != self._rate:
            self._resampler, self._rate = av.AudioResampler(format="flt", layout="mono", rate=SAMPLE_RATE), rate
        frame = av.AudioFrame.from_ndarray(samples.reshape(1, -1), format="flt", layout="mono")
        frame.sample_rate = rate
        out = [f.to_ndarray().reshape(-1) for f in self._resampler.resample(frame)]
        return np.concatenate(out).astype(np.float32) if out else np.zeros(0, np.float32)

    def _score(self) -> list[TranscriptSegment]:
        """Score every complete window not scored yet and follow the speech through them."""
        heard = self._origin + self._audio.size
        count = (heard - self._scored) // WINDOW
        if count <= 0:
            return []
        first = self._scored
        with_context = self._slice(first - CONTEXT, first + count * WINDOW)
        probabilities = _vad_probabilities(with_context, count)
        found: list[TranscriptSegment] = []
        for i, p in enumerate(probabilities):
            found += self._window(first + i * WINDOW, float(p))
        self._scored = first + count * WINDOW
        self._forget()
        return found

    def _window(self, at: int, p: float) -> list[TranscriptSegment]:
        if self._start is None:
            if p >= THRESHOLD:
                self._start, self._end, self._quiet, self._windows = at, at + WINDOW, 0, 1
            return []
        self._windows += 1
        if p < NEG_THRESHOLD:
            self._quiet += 1
        else:
            self._quiet, self._end = 0, at + WINDOW
        if self._quiet >= MIN_SILENCE_WINDOWS:
            return self._close(self._end)
        if self._windows >= self._max_windows:  # the longest chunk: cut here, the speech goes on
            found = self._close(at + WINDOW, keep_open=True)
            return found
        return []

    def _close(self, end: int, keep_open: bool = False) -> list[TranscriptSegment]:
        start = self._start
        assert start is not None
        speech_windows = (end - start) // WINDOW
        if keep_open:
            self._start, self._end, self._quiet, self._windows = end, end, 0, 0
        else:
            self._start = None
        if speech_windows < MIN_SPEECH_WINDOWS:
            return []
        text = self._recognise(self._slice(start - PAD, end + (0 if keep_open else PAD)))
        return [TranscriptSegment(start / SAMPLE_RATE, end / SAMPLE_RATE, text)] if text else []

    def _slice(self, start: int, end: int) -> np.ndarray:
        """Samples [start, end) of the call, as far as they are kept (zeros before the call's first sample)."""
        lead = max(0, -start)
        part = self._audio[max(0, start - self._origin):max(0, end - self._origin)]
        return np.concatenate([np.zeros(lead, np.float32), part]) if lead else part

    def _forget(self) -> None:
        """Drop what no later window, partial or final needs: everything before the open speech's pad (or, while
        nobody speaks, before the last pad of scored audio)."""
        keep_from = (self._start if self._start is not None else self._scored) - PAD - CONTEXT
        drop = keep_from - self._origin
        if drop > 0:
            self._audio = self._audio[drop:]
            self._origin += drop


def _vad_probabilities(samples: np.ndarray, count: int) -> np.ndarray:
    """Speech probability of the last ``count`` windows of samples (CONTEXT samples before them, zeros where the call
    had not started); the batch call of faster-whisper's SileroVADModel on the same windows."""
    from faster_whisper.vad import get_vad_model

    body = samples[-count * WINDOW:].reshape(count, WINDOW)
    before = samples[:-count * WINDOW][-CONTEXT:]
    before = np.concatenate([np.zeros(CONTEXT - before.size, np.float32), before])
    contexts = np.concatenate([before.reshape(1, CONTEXT), body[:-1, -CONTEXT:]])
    batch = np.concatenate([contexts, body], axis=1).astype(np.float32)
    model = get_vad_model()
    h = np.zeros((1, 1, 128), np.float32)
    c = np.zeros((1, 1, 128), np.float32)
    out, _, _ = model.session.run(None, {"input": batch, "h": h, "c": c})
    return np.asarray(out).reshape(-1)
