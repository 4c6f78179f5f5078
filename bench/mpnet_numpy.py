"""all-mpnet-base-v2 sentence embeddings in plain numpy (float32), no torch (session 41, issue 12: a measurement only).

The network of sentence-transformers/all-mpnet-base-v2 read from its safetensors with `safetensors.numpy` and its
tokenizer.json with `tokenizers`. MPNet differs from BERT (minilm.py's MiniLM) in four places:
  - no token-type embeddings;
  - position ids start at padding_idx + 1 = 2 for the real tokens (fairseq/RoBERTa style);
  - one relative position bias (32 buckets, max distance 128, bidirectional), computed once per length from
    `encoder.relative_attention_bias` and added to every layer's attention scores;
  - LayerNorm eps 1e-5 (BERT: 1e-12); the blocks are post-LayerNorm like BERT's, GELU the exact erf form.
Then the mean over the real tokens of the last layer and L2 normalisation (1_Pooling/config.json, 2_Normalize).
Inputs are cut at 384 tokens (sentence_bert_config.json's max_seq_length; the tokenizer.json's own 128-token padding
and truncation are switched off, as sentence-transformers overrides them).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from scipy.special import erf

MAX_TOKENS = 384
BATCH = 16
PAD = 1  # <pad>; positions count from PAD + 1


def relative_buckets(length: int, buckets: int = 32, max_distance: int = 128) -> np.ndarray:
    """(length, length) bucket of key position j relative to query position i (MPNet's relative_position_bucket,
    bidirectional: half the buckets for each direction, exact up to 8 apart, then logarithmic up to max_distance)."""
    relative = np.arange(length)[None, :] - np.arange(length)[:, None]  # memory - context
    n = -relative
    half = buckets // 2
    out = (n < 0).astype(np.int64) * half
    n = np.abs(n)
    exact = half // 2
    with np.errstate(divide="ignore"):
        large = exact + (np.log(np.maximum(n, 1) / exact) / math.log(max_distance / exact)
                         * (half - exact)).astype(np.int64)
    large = np.minimum(large, half - 1)
    return out + np.where(n < exact, n, large)


def _layer_norm(x: np.ndarray, gain: np.ndarray, bias: np.ndarray, eps: float = 1e-5) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    var = (centred * centred).mean(axis=-1, keepdims=True)
    return centred / np.sqrt(var + eps) * gain + bias


class MPNet:
    """The twelve-layer encoder; read-only after loading."""

    dim = 768
    heads = 12
    name = "all-mpnet-base-v2 float32 (numpy)"

    def __init__(self, folder: Path) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        w = load_file(str(Path(folder) / "model.safetensors"))
        self.tokenizer = Tokenizer.from_file(str(Path(folder) / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()
        self.word = w["embeddings.word_embeddings.weight"]
        self.position = w["embeddings.position_embeddings.weight"]
        self.ln = (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        self.rel_bias = w["encoder.relative_attention_bias.weight"]  # (32, heads)
        self.layers = []
        for i in range(12):
            p = f"encoder.layer.{i}."
            a = p + "attention."
            qkv_w = np.concatenate([w[f"{a}attn.{k}.weight"].T for k in "qkv"], axis=1)
            qkv_b = np.concatenate([w[f"{a}attn.{k}.bias"] for k in "qkv"])
            self.layers.append((np.ascontiguousarray(qkv_w), qkv_b,
                                np.ascontiguousarray(w[f"{a}attn.o.weight"].T), w[f"{a}attn.o.bias"],
                                w[f"{a}LayerNorm.weight"], w[f"{a}LayerNorm.bias"],
                                np.ascontiguousarray(w[f"{p}intermediate.dense.weight"].T),
                                w[f"{p}intermediate.dense.bias"],
                                np.ascontiguousarray(w[f"{p}output.dense.weight"].T), w[f"{p}output.dense.bias"],
                                w[f"{p}output.LayerNorm.weight"], w[f"{p}output.LayerNorm.bias"]))
        self._bias_cache: dict[int, np.ndarray] = {}

    def position_bias(self, length: int) -> np.ndarray:
        """(heads, length, length) float32, the same for every layer and every row of a batch."""
        if length not in self._bias_cache:
            self._bias_cache[length] = np.ascontiguousarray(
                self.rel_bias[relative_buckets(length)].transpose(2, 0, 1)).astype(np.float32)
        return self._bias_cache[length]

    def ids(self, texts: Sequence[str]) -> list[list[int]]:
        return [e.ids for e in self.tokenizer.encode_batch([t or " " for t in texts])]

    def embed(self, texts: Sequence[str], batch: int = BATCH) -> np.ndarray:
        """(n, 768) float32 unit vectors; texts batched by token length (padding is masked out)."""
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        ids = self.ids(texts)
        order = np.argsort([len(i) for i in ids], kind="stable")
        out = np.zeros((len(texts), self.dim), np.float32)
        for start in range(0, len(ids), batch):
            rows = order[start:start + batch]
            out[rows] = self.forward([ids[r] for r in rows])
        return out

    def forward(self, batch: list[list[int]]) -> np.ndarray:
        n, length = len(batch), max(len(i) for i in batch)
        ids = np.full((n, length), PAD, np.int64)
        mask = np.zeros((n, length), np.float32)
        for r, row in enumerate(batch):
            ids[r, :len(row)], mask[r, :len(row)] = row, 1.0
        positions = (np.cumsum(mask, axis=1) * mask).astype(np.int64) + PAD  # 2, 3, ... on real tokens; 1 on padding
        x = self.word[ids] + self.position[positions]
        x = _layer_norm(x, *self.ln).reshape(n * length, self.dim).astype(np.float32)
        bias = self.position_bias(length)[None] + ((1.0 - mask) * np.float32(-1e9))[:, None, None, :]
        head = self.dim // self.heads
        scale = np.float32(1.0 / math.sqrt(head))
        for qkv_w, qkv_b, o_w, o_b, g1, b1, up_w, up_b, down_w, down_b, g2, b2 in self.layers:
            qkv = (x @ qkv_w + qkv_b).reshape(n, length, 3, self.heads, head)
            q, k, v = (qkv[:, :, i].transpose(0, 2, 1, 3) for i in range(3))
            scores = (q @ k.transpose(0, 1, 3, 2)) * scale + bias
            scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
            scores /= scores.sum(axis=-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(n * length, self.dim)
            x = _layer_norm(context @ o_w + o_b + x, g1, b1)
            hidden = x @ up_w + up_b
            hidden = 0.5 * hidden * (1.0 + erf(hidden * np.float32(1 / math.sqrt(2.0))))
            x = _layer_norm(hidden.astype(np.float32) @ down_w + down_b + x, g2, b2).astype(np.float32)
        x = x.reshape(n, length, self.dim)
        pooled = (x * mask[:, :, None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.where(norms > 0, norms, 1.0)).astype(np.float32)


# ---- an int8 onnxruntime graph of the same network (built the way minilm.build_graph builds MiniLM's) -------------


def build_graph(folder: Path) -> object:
    """The float32 ONNX ModelProto of MPNet: inputs input_ids (n, L), position_ids (n, L) (2, 3, ... on real tokens),
    pool_mask (n, L, 1) (1.0 on real tokens) and position_bias (1, 12, L, L) (MPNet.position_bias, the same for every
    layer); output `pooled` (n, 768), the mean of the last layer over real tokens (not normalised). Attention is
    onnxruntime's fused MultiHeadAttention with the key padding mask and the relative position bias as its
    attention_bias; GELU its exact erf `Gelu`."""
    from onnx import TensorProto, helper, numpy_helper
    from safetensors.numpy import load_file

    w = load_file(str(Path(folder) / "model.safetensors"))
    inits: list = []
    nodes: list = []

    def const(name: str, value: object) -> str:
        inits.append(numpy_helper.from_array(np.asarray(value), name))
        return name

    def op(kind: str, inputs: list, outputs: int = 1, domain: str = "", name: str = "", **attrs: object) -> object:
        out = [f"t{len(nodes)}_{k}" for k in range(outputs)]
        nodes.append(helper.make_node(kind, inputs, out, name=name or f"n{len(nodes)}", domain=domain or None, **attrs))
        return out[0] if outputs == 1 else out

    def norm(x: str, p: str) -> str:
        return op("LayerNormalization", [x, const(p + "g", w[p + "weight"]), const(p + "b", w[p + "bias"])],
                  axis=-1, epsilon=1e-5)

    def dense(x: str, p: str) -> str:  # the MatMul is named by its weights (p + "matmul"), to exclude it from int8
        return op("Add", [op("MatMul", [x, const(p + "w", np.ascontiguousarray(w[p + "weight"].T))], name=p + "matmul"),
                          const(p + "b", w[p + "bias"])])

    ms = "com.microsoft"
    x = op("Add", [op("Gather", [const("word", w["embeddings.word_embeddings.weight"]), "input_ids"]),
                   op("Gather", [const("pos", w["embeddings.position_embeddings.weight"]), "position_ids"])])
    x = norm(x, "embeddings.LayerNorm.")
    thirds = const("thirds", np.array([MPNet.dim] * 3, np.int64))
    key_mask = op("Cast", [op("Squeeze", ["pool_mask", const("axis2", np.array([2], np.int64))])],
                  to=TensorProto.INT32)
    for i in range(12):
        p, a = f"encoder.layer.{i}.", f"encoder.layer.{i}.attention."
        qkv_w = np.concatenate([w[f"{a}attn.{k}.weight"].T for k in "qkv"], axis=1)
        qkv_b = np.concatenate([w[f"{a}attn.{k}.bias"] for k in "qkv"])
        qkv = op("Add", [op("MatMul", [x, const(p + "qkv_w", np.ascontiguousarray(qkv_w))], name=a + "qkv.matmul"),
                         const(p + "qkv_b", qkv_b)])
        q, k, v = op("Split", [qkv, thirds], outputs=3, axis=-1)
        context = op("MultiHeadAttention", [q, k, v, "", key_mask, "position_bias"], domain=ms,
                     num_heads=MPNet.heads)
        x = norm(op("Add", [dense(context, f"{a}attn.o."), x]), f"{a}LayerNorm.")
        hidden = op("Gelu", [dense(x, f"{p}intermediate.dense.")], domain=ms)
        x = norm(op("Add", [dense(hidden, f"{p}output.dense."), x]), f"{p}output.LayerNorm.")
    axis = const("axis1", np.array([1], np.int64))
    summed = op("ReduceSum", [op("Mul", [x, "pool_mask"]), axis], keepdims=0)
    nodes.append(helper.make_node("Div", [summed, op("ReduceSum", ["pool_mask", axis], keepdims=0)], ["pooled"]))
    inputs = [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["n", "L"]),
              helper.make_tensor_value_info("position_ids", TensorProto.INT64, ["n", "L"]),
              helper.make_tensor_value_info("pool_mask", TensorProto.FLOAT, ["n", "L", 1]),
              helper.make_tensor_value_info("position_bias", TensorProto.FLOAT, [1, MPNet.heads, "L", "L"])]
    outputs = [helper.make_tensor_value_info("pooled", TensorProto.FLOAT, ["n", MPNet.dim])]
    model = helper.make_model(helper.make_graph(nodes, "mpnet_base", inputs, outputs, inits),
                              opset_imports=[helper.make_opsetid("", 17), helper.make_opsetid(ms, 1)])
    model.ir_version = 8
    return model


def int8_graph(folder: Path, cache: Path, keep_float: Sequence[str] = (), tag: str = "") -> Path:
    """The int8 graph file in `cache` (built once: float graph, then quantize_dynamic as minilm.quantised_graph);
    the MatMuls named in `keep_float` stay float32."""
    import onnx
    from onnx import TensorProto
    from onnxruntime.quantization import QuantType, quantize_dynamic

    target = Path(cache) / f"mpnet-int8{tag}.onnx"
    if target.exists():
        return target
    Path(cache).mkdir(parents=True, exist_ok=True)
    float_path = Path(cache) / "mpnet-float-named.onnx"
    if not float_path.exists():
        onnx.save(build_graph(folder), str(float_path), save_as_external_data=True,
                  location="mpnet-float-named.onnx.data")
    staging = Path(cache) / f".mpnet-int8{tag}.onnx"
    quantize_dynamic(float_path, staging, weight_type=QuantType.QInt8, per_channel=True,
                     op_types_to_quantize=["MatMul"], nodes_to_exclude=list(keep_float),
                     extra_options={"DefaultTensorType": TensorProto.FLOAT})
    staging.replace(target)
    return target


class OnnxMPNet:
    """A graph of build_graph() in an onnxruntime session, one intra-op thread (as the served MiniLM)."""

    dim = MPNet.dim

    def __init__(self, folder: Path, graph: Path, threads: int = 1) -> None:
        import onnxruntime as ort
        from safetensors import safe_open
        from tokenizers import Tokenizer

        options = ort.SessionOptions()
        options.intra_op_num_threads, options.inter_op_num_threads = threads, 1
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.log_severity_level = 3
        self.session = ort.InferenceSession(str(graph), options, providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_file(str(Path(folder) / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()
        with safe_open(str(Path(folder) / "model.safetensors"), "np") as f:  # the 32 x 12 bias table only
            self.rel_bias = f.get_tensor("encoder.relative_attention_bias.weight")
        self._bias_cache: dict[int, np.ndarray] = {}

    def position_bias(self, length: int) -> np.ndarray:
        if length not in self._bias_cache:
            self._bias_cache[length] = np.ascontiguousarray(
                self.rel_bias[relative_buckets(length)].transpose(2, 0, 1)[None]).astype(np.float32)
        return self._bias_cache[length]

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """(n, 768) unit vectors; one run per text (int8 activations are scaled per batch)."""
        out = np.zeros((len(texts), self.dim), np.float32)
        for r, text in enumerate(texts):
            ids = np.array([self.tokenizer.encode(text or " ").ids], np.int64)
            length = ids.shape[1]
            feeds = {"input_ids": ids, "position_ids": np.arange(2, length + 2, dtype=np.int64)[None],
                     "pool_mask": np.ones((1, length, 1), np.float32), "position_bias": self.position_bias(length)}
            out[r] = self.session.run(["pooled"], feeds)[0][0]
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms > 0, norms, 1.0)
