"""Static sentence embeddings from wordllama's bundled 256-dim model, loaded from site-packages only."""

from __future__ import annotations

import functools
import hashlib
import sys
import threading
from collections import OrderedDict
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

    def __init__(self) -> None:
        self._recent: OrderedDict[str, np.ndarray] = OrderedDict()  # text -> row, from _embed_few only
        self._recent_lock = threading.Lock()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """(n, 256) unit vectors. The rows of the last RECENT texts embedded a few at a time are remembered: the
        KB search embeds the message the intent step just embedded (each row is computed on its own, so a
        remembered row is the number the text would get again)."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        model = _load()
        texts = list(texts)
        if len(texts) > FEW:
            return np.asarray(model.embed(texts, norm=True), dtype=np.float32).reshape(len(texts), self.dim)
        with self._recent_lock:
            known = {t: row for t in texts if (row := self._recent.get(t)) is not None}
        missing = list(dict.fromkeys(t for t in texts if t not in known))
        fast = _embed_few(model, missing) if missing else np.zeros((0, self.dim), np.float32)
        if fast is None:  # a text without tokens: wordllama's own path for the whole call, as always
            return np.asarray(model.embed(texts, norm=True), dtype=np.float32).reshape(len(texts), self.dim)
        rows = {**known, **dict(zip(missing, fast, strict=True))}
        with self._recent_lock:
            for text in missing:
                self._recent[text] = rows[text]
            while len(self._recent) > RECENT:
                self._recent.popitem(last=False)
        return np.stack([rows[t] for t in texts]).reshape(len(texts), self.dim)


FEW = 8  # up to this many texts are embedded without wordllama's batch tokenizer
# rows remembered (1 MB): one message's text and its clauses, then the same text as the KB query; and a message
# seen again (a quarter of bench/assist.py's messages repeat an earlier one)
RECENT = 1024


def _embed_few(model: Any, texts: list[str]) -> np.ndarray | None:
    """wordllama's own embed(norm=True) for a few texts, without `encode_batch`: the tokenizer's thread pool cost
    ~1 ms per call for one short message (cProfile of bench/assist.py), more than the embedding itself.
    None when a text has no tokens (wordllama's own path decides what that gives)."""
    table = model.embedding
    out = np.empty((len(texts), table.shape[1]), np.float32)
    for row, text in enumerate(texts):
        ids = model.tokenizer.encode(text, add_special_tokens=False).ids
        if not ids:
            return None
        pooled = table[np.clip(np.asarray(ids, np.int64), 0, table.shape[0] - 1)].sum(axis=0, dtype=np.float32)
        pooled /= np.float32(len(ids))
        out[row] = pooled / np.linalg.norm(pooled)
    return out


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

    def embed_with_parts(self, text: str, parts: Sequence[str]) -> np.ndarray:
        """Rows for the text and each part of it; an embedder with its own embed_with_parts (MiniLM: one run of
        the network for all) uses it, the others embed every piece."""
        pieces = [text, *parts]
        blocks = [np.asarray(p.embed_with_parts(text, list(parts)) if hasattr(p, "embed_with_parts")
                             else p.embed(pieces), dtype=np.float32) for p in self.parts]
        return np.hstack(blocks) / np.float32(np.sqrt(len(blocks)))


def embedder_identity(embedder: Any) -> str:
    """What an embedder's vectors depend on, naming the caches and indexes built from them (the intent and sentiment models, their cached example vectors, the KB
    passages' vectors): its name, its `key` when it has one
    (MiniLM: the weights and graph format) and a hash of the code that computes them (its module's source; each part
    of a StackedEmbedder in turn). Before session 11 only the name counted, so a changed encoder (a new graph format,
    an edited fast path) kept serving a model trained on, and example vectors cached from, the old one."""
    given = getattr(embedder, "identity", None)
    if isinstance(given, str):  # a wrapper that passes another embedder's vectors through says whose they are
        return given
    parts = getattr(embedder, "parts", None)
    if isinstance(parts, list) and parts:
        return " + ".join(embedder_identity(p) for p in parts)
    source = getattr(sys.modules.get(type(embedder).__module__), "__file__", None)
    return f"{getattr(embedder, 'name', type(embedder).__name__)}|{getattr(embedder, 'key', '')}|{_code_hash(source)}"


@functools.lru_cache(maxsize=64)
def _code_hash(source: str | None) -> str:
    """A module's source hash, read once per process (the code cannot change under a running process)."""
    try:
        return hashlib.sha256(Path(source).read_bytes()).hexdigest()[:12] if source else "-"
    except OSError:
        return "-"
