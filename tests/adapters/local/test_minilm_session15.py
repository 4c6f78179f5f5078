"""Session 15: MiniLM's graph with onnxruntime's fused kernels (MultiHeadAttention, exact-erf Gelu) gives the numbers
of the plain-op graph it replaces, bit for bit, so no cached model or served answer moves (docs/benchmarks.md,
"Session 15"); and it still agrees with the float reference and pools clauses from one run."""

from __future__ import annotations

import math
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import onnx
import pytest

from services.adapters.local import minilm
from services.config import PROJECT_ROOT

sys.path.insert(0, str(PROJECT_ROOT / "bench"))
from assist import messages  # noqa: E402 - bench/assist.py's generated messages

TEXTS = [f"{t} (msg {i})" for i, (t, _) in enumerate(messages(40))] + ["ok", "where is it? " * 60]


def _plain_graph(folder: Path) -> Any:
    """Session 14's graph (minilm-l6-int8/2): attention and GELU written as plain ONNX ops, an additive mask."""
    from onnx import TensorProto, helper, numpy_helper
    from safetensors.numpy import load_file

    w = load_file(str(folder / "model.safetensors"))
    inits: list[Any] = []
    nodes: list[Any] = []

    def const(name: str, value: Any) -> str:
        inits.append(numpy_helper.from_array(np.asarray(value), name))
        return name

    def op(kind: str, inputs: list[str], **attrs: Any) -> str:
        out = f"t{len(nodes)}"
        nodes.append(helper.make_node(kind, inputs, [out], **attrs))
        return out

    def norm(x: str, p: str) -> str:
        return op("LayerNormalization", [x, const(p + "g", w[p + "weight"]), const(p + "b", w[p + "bias"])],
                  axis=-1, epsilon=1e-12)

    def dense(x: str, p: str) -> str:
        return op("Add", [op("MatMul", [x, const(p + "w", np.ascontiguousarray(w[p + "weight"].T))]),
                          const(p + "b", w[p + "bias"])])

    x = op("Add", [op("Gather", [const("word", w["embeddings.word_embeddings.weight"]), "input_ids"]),
                   op("Gather", [const("pos", w["embeddings.position_embeddings.weight"]), "position_ids"])])
    x = norm(op("Add", [x, const("type", w["embeddings.token_type_embeddings.weight"][0])]), "embeddings.LayerNorm.")
    head = 384 // 12
    split = const("split", np.array([0, 0, 3, 12, head], np.int64))
    merge = const("merge", np.array([0, 0, 384], np.int64))
    scale, half, one = (const(n, np.array(v, np.float32)) for n, v in
                        (("scale", 1 / math.sqrt(head)), ("half", 0.5), ("one", 1.0)))
    root_half = const("root_half", np.array(1 / math.sqrt(2), np.float32))
    which = [const(f"i{k}", np.array(k, np.int64)) for k in range(3)]
    for i in range(6):
        p, a = f"encoder.layer.{i}.", f"encoder.layer.{i}.attention."
        qkv_w = np.concatenate([w[f"{a}self.{k}.weight"].T for k in ("query", "key", "value")], axis=1)
        qkv_b = np.concatenate([w[f"{a}self.{k}.bias"] for k in ("query", "key", "value")])
        qkv = op("Add", [op("MatMul", [x, const(p + "qkv_w", np.ascontiguousarray(qkv_w))]), const(p + "qkv_b", qkv_b)])
        qkv = op("Transpose", [op("Reshape", [qkv, split])], perm=[2, 0, 3, 1, 4])
        q, k, v = (op("Gather", [qkv, which[j]], axis=0) for j in range(3))
        scores = op("MatMul", [q, op("Transpose", [k], perm=[0, 1, 3, 2])])
        scores = op("Softmax", [op("Add", [op("Mul", [scores, scale]), "additive_mask"])], axis=-1)
        context = op("Reshape", [op("Transpose", [op("MatMul", [scores, v])], perm=[0, 2, 1, 3]), merge])
        x = norm(op("Add", [dense(context, f"{a}output.dense."), x]), f"{a}output.LayerNorm.")
        hidden = dense(x, f"{p}intermediate.dense.")
        hidden = op("Mul", [op("Mul", [hidden, half]), op("Add", [op("Erf", [op("Mul", [hidden, root_half])]), one])])
        x = norm(op("Add", [dense(hidden, f"{p}output.dense."), x]), f"{p}output.LayerNorm.")
    nodes.append(helper.make_node("Identity", [x], ["hidden"]))
    axis = const("axis1", np.array([1], np.int64))
    summed = op("ReduceSum", [op("Mul", [x, "pool_mask"]), axis], keepdims=0)
    nodes.append(helper.make_node("Div", [summed, op("ReduceSum", ["pool_mask", axis], keepdims=0)], ["pooled"]))
    inputs = [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["n", "L"]),
              helper.make_tensor_value_info("position_ids", TensorProto.INT64, ["L"]),
              helper.make_tensor_value_info("additive_mask", TensorProto.FLOAT, ["n", 1, 1, "L"]),
              helper.make_tensor_value_info("pool_mask", TensorProto.FLOAT, ["n", "L", 1])]
    outputs = [helper.make_tensor_value_info("pooled", TensorProto.FLOAT, ["n", 384]),
               helper.make_tensor_value_info("hidden", TensorProto.FLOAT, ["n", "L", 384])]
    model = helper.make_model(helper.make_graph(nodes, "minilm_l6", inputs, outputs, inits),
                              opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    return model


class _PlainSession:
    """Session 14's session: the plain graph, fed the additive mask OnnxMiniLM._run fed it then."""

    def __init__(self, path: Path) -> None:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads, options.inter_op_num_threads = 1, 1
        options.log_severity_level = 3
        self.inner = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])

    def run(self, outputs: list[str], feeds: dict[str, np.ndarray]) -> Any:
        mask = feeds["pool_mask"][:, :, 0]
        return self.inner.run(outputs, {**feeds, "additive_mask": ((1.0 - mask) * -1e9)[:, None, None, :]})


@pytest.fixture(scope="module")
def encoders(tmp_path_factory: pytest.TempPathFactory) -> tuple[minilm.OnnxMiniLM, minilm.OnnxMiniLM]:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    folder = tmp_path_factory.mktemp("plain")
    onnx.save(_plain_graph(minilm.model_dir()), str(folder / "float.onnx"))
    quantize_dynamic(folder / "float.onnx", folder / "int8.onnx", weight_type=QuantType.QInt8, per_channel=True,
                     op_types_to_quantize=["MatMul"])
    fused = minilm.OnnxMiniLM(PROJECT_ROOT / "data" / "models")
    plain = minilm.OnnxMiniLM(PROJECT_ROOT / "data" / "models")
    plain.session = _PlainSession(folder / "int8.onnx")
    return fused, plain


def test_the_graph_runs_fused_attention_and_gelu() -> None:
    graph = onnx.load(str(minilm.quantised_graph(PROJECT_ROOT / "data" / "models")), load_external_data=False)
    kinds = Counter(node.op_type for node in graph.graph.node)
    assert kinds["MultiHeadAttention"] == 6 and kinds["Gelu"] == 6
    assert not {"Softmax", "Erf", "Transpose"} & set(kinds)
    assert kinds["MatMulInteger"] == 24  # every product still int8, per channel (24 weight scales of 1 x out)
    scales = [i for i in graph.graph.initializer if i.name.endswith("_scale")]
    assert len(scales) == 24 and all(len(s.dims) == 1 and s.dims[0] > 1 for s in scales)


def _same(a: np.ndarray, b: np.ndarray) -> bool:
    """The same vectors: bit for bit on the machine this was measured on (session 15, assist_outputs sha256
    unchanged); another CPU's kernels may round the fused and the plain paths differently in the last bits, which int8
    activations can carry a little further, so a cosine of 0.9995 per row is the line (a wrong mask or head split gives
    far less)."""
    if np.array_equal(a, b):
        return True
    a = a / np.linalg.norm(a, axis=-1, keepdims=True)
    b = b / np.linalg.norm(b, axis=-1, keepdims=True)
    return bool((a * b).sum(axis=-1).min() >= 0.9995)


def test_the_fused_graph_gives_the_plain_graphs_vectors(encoders) -> None:
    fused, plain = encoders
    for text in TEXTS:  # one text a run: the serving path
        assert _same(fused._embed([text]), plain._embed([text])), text
    assert _same(fused._embed(TEXTS), plain._embed(TEXTS))  # padded batches: the mask works
    text = "I was charged twice for my order, can you refund it. Also how do I change my password"
    parts = ["I was charged twice for my order, can you refund it.", "how do I change my password", "not in it"]
    assert _same(fused.embed_with_parts(text, parts), plain.embed_with_parts(text, parts))


def test_the_fused_graph_agrees_with_the_float_reference_and_pools_clauses(encoders) -> None:
    fused, _ = encoders
    quantised = fused.embed(TEXTS[:8])
    reference = minilm.MiniLM(minilm.model_dir()).embed(TEXTS[:8])
    assert (quantised * reference).sum(axis=1).min() >= 0.98
    long = "where is it? " * 60 + "and refund the kettle"
    rows = fused.embed_with_parts(long, ["where is it?", "and refund the kettle"])  # the second lies past 128 tokens
    assert rows.shape == (3, 384) and np.allclose(np.linalg.norm(rows, axis=1), 1.0, atol=1e-5)
    assert float(rows[0] @ fused.embed([long])[0]) > 0.9999
    assert float(rows[2] @ fused.embed(["and refund the kettle"])[0]) > 0.9999  # encoded on its own
