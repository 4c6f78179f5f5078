"""CPU per run of MiniLM graph files at batch 1 on bench/assist.py's unique messages, and their vectors' cosine to
the first graph's: one JSON line per graph.

    python bench/encoder_graph.py main=/tmp/main.onnx new=data/models/minilm-l6-int8-XXXX.onnx[,-SkipLayerNormFusion]
        [--n 600] [--rounds 3] [--block 50] [--float /tmp/float.onnx]

Each graph runs in a session set up as OnnxMiniLM's (one intra-op thread, no spinning); a flag `-Name` after a
path leaves onnxruntime's optimizer Name out (InferenceSession's disabled_optimizers), `denormal` sets
session.set_denormal_as_zero, `basic` / `extended` / `all` the graph optimisation level. The texts are
bench/assist.py's messages after its 50 warm-up ones with " (msg N)" appended (as `--unique`), tokenised as
OnnxMiniLM does (one text, truncated to MAX_TOKENS); the graphs run in turn on blocks of --block messages, the order
swapped every block, and only session.run's thread CPU (time.thread_time) is counted. cos_mean / cos_min: the unit
vectors against the first graph's; batch8_cos_min: the same for 64 messages run in padded batches of 8 (padding
masked); --float: a float graph (build_graph's, not quantised) to compare each graph with.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from assist import messages  # noqa: E402

from services.adapters.local.minilm import MAX_TOKENS, model_dir  # noqa: E402

LEVELS = ("basic", "extended", "all")


def session(path: str, flags: list[str]) -> Any:
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads, options.inter_op_num_threads = 1, 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.add_session_config_entry("session.inter_op.allow_spinning", "0")
    if "denormal" in flags:
        options.add_session_config_entry("session.set_denormal_as_zero", "1")
    for level in LEVELS:
        if level in flags:
            options.graph_optimization_level = getattr(ort.GraphOptimizationLevel, f"ORT_ENABLE_{level.upper()}")
    options.log_severity_level = 3
    left_out = [f[1:] for f in flags if f.startswith("-")]
    return ort.InferenceSession(path, options, providers=["CPUExecutionProvider"],
                                disabled_optimizers=left_out or None)


def feeds(sess: Any, batch: list[list[int]]) -> dict[str, np.ndarray]:
    """The inputs OnnxMiniLM feeds (whichever of them this graph reads)."""
    n, length = len(batch), max(len(i) for i in batch)
    ids = np.zeros((n, length), np.int64)
    mask = np.zeros((n, length), np.float32)
    for r, row in enumerate(batch):
        ids[r, :len(row)], mask[r, :len(row)] = row, 1.0
    wanted = {i.name for i in sess.get_inputs()}
    every = {"input_ids": ids, "position_ids": np.arange(length, dtype=np.int64),
             "additive_mask": ((1.0 - mask) * -1e9)[:, None, None, :], "pool_mask": mask[:, :, None]}
    return {k: v for k, v in every.items() if k in wanted}


def unit(v: np.ndarray) -> np.ndarray:
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graphs", nargs="+", help="name=path[,flag...]; the first is the reference")
    parser.add_argument("--n", type=int, default=600)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--block", type=int, default=50)
    parser.add_argument("--float", help="a float graph: each graph's cosine to it too")
    args = parser.parse_args()
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(model_dir() / "tokenizer.json"))
    tokenizer.enable_truncation(MAX_TOKENS)
    tokenizer.no_padding()
    texts = [f"{t} (msg {i})" for i, (t, _) in enumerate(messages(args.n + 50))][50:]
    ids = [tokenizer.encode(t).ids for t in texts]
    sessions: dict[str, Any] = {}
    for spec in args.graphs:
        name, rest = spec.split("=", 1)
        path, *flags = rest.split(",")
        sessions[name] = session(path, flags)
    names = list(sessions)
    longest_first = sorted(range(min(64, len(ids))), key=lambda r: -len(ids[r]))
    batches = [longest_first[k:k + 8] for k in range(0, len(longest_first), 8)]
    vectors, batched = {}, {}
    for name, s in sessions.items():
        vectors[name] = unit(np.concatenate([s.run(["pooled"], feeds(s, [i]))[0] for i in ids]))
        batched[name] = np.concatenate([unit(s.run(["pooled"], feeds(s, [ids[r] for r in rows]))[0])
                                        for rows in batches])
    reference = vectors[names[0]]
    floats = None
    if args.float:
        s = session(args.float, [])
        floats = unit(np.concatenate([s.run(["pooled"], feeds(s, [i]))[0] for i in ids]))
    cpu = dict.fromkeys(names, 0.0)
    runs = dict.fromkeys(names, 0)
    for r in range(args.rounds):
        for k in range(0, len(ids), args.block):
            for name in names if (k // args.block + r) % 2 == 0 else names[::-1]:
                s = sessions[name]
                for i in ids[k:k + args.block]:
                    f = feeds(s, [i])
                    start = time.thread_time()
                    s.run(["pooled"], f)
                    cpu[name] += time.thread_time() - start
                    runs[name] += 1
    for name in names:
        cos = (vectors[name] * reference).sum(axis=1)
        line: dict[str, Any] = {
            "graph": name, "runs": runs[name], "cpu_ms_per_run": round(1000 * cpu[name] / max(runs[name], 1), 3),
            "cos_mean": round(float(cos.mean()), 5), "cos_min": round(float(cos.min()), 5),
            "bit_identical": int((vectors[name] == reference).all(axis=1).sum()),
            "batch8_cos_min": round(float((batched[name] * batched[names[0]]).sum(axis=1).min()), 5)}
        if floats is not None:
            to_float = (vectors[name] * floats).sum(axis=1)
            line.update(float_cos_mean=round(float(to_float.mean()), 5), float_cos_min=round(float(to_float.min()), 5))
        line["mean_tokens"] = round(float(np.mean([len(i) for i in ids])), 1)
        print(json.dumps(line))


if __name__ == "__main__":
    main()
