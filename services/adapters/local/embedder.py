"""Static sentence embeddings from wordllama's bundled 256-dim model, loaded from site-packages only."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from services.errors import ProviderUnavailable

_MODEL: Any = None
_LOCK = threading.Lock()


def _load() -> Any:
    global _MODEL
    with _LOCK:
        if _MODEL is None:
            import wordllama
            from wordllama import WordLlama

            package_dir = Path(wordllama.__file__).parent
            try:
                # The bundled tokenizer lives in the package folder: point cache_dir there and forbid downloads.
                _MODEL = WordLlama.load(cache_dir=package_dir, disable_download=True)
            except Exception as e:  # wordllama raises bare errors when a file is missing
                raise ProviderUnavailable(f"the bundled wordllama model could not be loaded: {e}") from e
    return _MODEL


class WordLlamaEmbedder:
    """256-dim L2-normalised embeddings; one model shared by every thread (inference is read-only)."""

    dim = 256
    name = "wordllama-256 (bundled)"

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = np.asarray(_load().embed(list(texts), norm=True), dtype=np.float32)
        return vectors.reshape(len(texts), self.dim)


class StackedEmbedder:
    """Several unit-length embedders side by side, each block scaled so the whole vector has unit length.

    The intent classifier uses wordllama (static, typo-tolerant word vectors) ‖ MiniLM (contextual).
    """

    def __init__(self, parts: Sequence[Any]) -> None:
        self.parts = list(parts)
        self.dim = sum(int(p.dim) for p in self.parts)
        self.name = " + ".join(getattr(p, "name", type(p).__name__) for p in self.parts)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        blocks = [np.asarray(p.embed(list(texts)), dtype=np.float32) for p in self.parts]
        return np.hstack(blocks) / np.float32(np.sqrt(len(blocks)))
