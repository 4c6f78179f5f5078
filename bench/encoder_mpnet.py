"""all-mpnet-base-v2 in place of all-MiniLM-L6-v2 in the default intent recipe (session 41, issue 12). One JSON line.

    S=/work/shared/data; nice -n 10 .venv/bin/python bench/encoder_mpnet.py --mpnet-dir /tmp/s41/enc/all-mpnet-base-v2 \
        --care $S/customer_care_tweets/dev.json --apple $S/apple_twitter_sentiment/Apple-Twitter-Sentiment-DFE.csv \
        --bitext $S/bitext_cs_sample/Bitext_Sample_Customer_Support_Training_Dataset.csv --cache /tmp/s41/enc

A measurement only: the repo's code is imported, never changed. One harness, several columns; per column the
default model is trained exactly as `intent.default_model()` trains it (data/intents examples, fx.DEFAULT_MODEL_CONFIG,
wordllama ‖ ENCODER stacked and divided by sqrt 2, x1.5 in the features, the kNN vote over the same vectors, the
e5 head for other languages, the default calibrator), only the encoder block of the dense vector differs:

  - minilm_int8: the served encoder (onnxruntime int8 graph, each text alone): must reproduce the published figures;
  - minilm_f32:  the same network in numpy float32 (minilm.MiniLM): what quantisation costs or gives;
  - mpnet_f32:   all-mpnet-base-v2 in numpy float32 (bench/mpnet_numpy.py), 768-d (the stacked vector is 1,024-d);
  - mpnet_int8:  the same network as an onnxruntime int8 graph, the twelve feed-forward down-projections float32;
  - mpnet_int8_naive: every MatMul int8, as MiniLM's graph (session 41 timed it only; a column since session 43).

Each column classifies the rows with `classify_many` (as bench/dev_eval.py and eval-intents do) and scores them under
guide v3 and the eight-label view: care 0-339 odd half (170), the fresh set 340-524 (185), Apple addressed (221),
blind11 addressed (202), their pooled 778 rows (docs/notes rule 41), the written blind30 (300; `intent` = v3,
`intent8` = eight), bitext mapped (docs/bitext_label_map.json; an evenly spaced sample of `--bitext-rows` mapped rows,
0 = all). Encoder vectors are cached by text hash under `--cache` (MPNet float32 batched by length: a text's vector in
a batch equals its own to 1e-7). The cost block (`--cost`, in a fresh process each): load seconds, RSS after load and
after the runs, batch-1 latency over 12 typical messages (median of 5 runs each; one BLAS thread).
"""
# ruff: noqa: E402

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import dev_eval

BLIND30 = ROOT / "bench" / "data" / "intent_written_blind30.csv"
ENCODERS = ("minilm_int8", "minilm_f32", "mpnet_f32", "mpnet_int8", "mpnet_int8_naive")
TYPICAL = [  # batch-1 latency messages: short to long customer messages, as the pipeline sees them
    "where is my order?",
    "I was charged twice for my subscription this month, please fix it",
    "my internet keeps dropping every evening since last week",
    "can I return these shoes if I already wore them once?",
    "how do I change the email address on my account",
    "the app crashes every time I open the camera after the update",
    "thanks, that worked!",
    "I ordered a laptop ten days ago, tracking still says label created and nobody answers the phone. "
    "This is the third time I write. I want a refund if it doesn't ship by Friday.",
    "do you ship to Canada and how long does it take?",
    "my card was declined but the money left my bank account, what happened?",
    "hello? anyone there",
    "I'd like to cancel my plan and get the last month back, I moved abroad and can't use the service anymore",
]


# ---- the encoders -----------------------------------------------------------------------------------------------


def load_encoder(kind: str, mpnet_dir: Path, models: Path) -> Any:
    """An object with dim and embed(texts) -> (n, dim) unit vectors."""
    if kind == "minilm_int8":
        from services.adapters.local.minilm import shared_encoder

        return shared_encoder(models)
    if kind == "minilm_f32":
        from services.adapters.local.minilm import MiniLM, model_dir

        return MiniLM(model_dir())
    import mpnet_numpy as mn

    if kind == "mpnet_f32":
        return mn.MPNet(mpnet_dir)
    # int8 (onnxruntime, one thread): every MatMul quantised ("naive", as MiniLM's graph) loses too much (cosine to
    # float32 0.89-0.93); keeping the twelve feed-forward down-projections float32 gives 0.98-0.99, like MiniLM's int8
    keep = [] if kind == "mpnet_int8_naive" else [f"encoder.layer.{i}.output.dense.matmul" for i in range(12)]
    tag = "-all" if kind == "mpnet_int8_naive" else "-noffndown"
    return mn.OnnxMPNet(mpnet_dir, mn.int8_graph(mpnet_dir, models.parent / "graph", keep, tag))


class VectorCache:
    """An encoder's vectors by text hash, kept in <cache>/vectors-<kind>.npz; `fill` embeds what is missing."""

    def __init__(self, kind: str, cache: Path, make: Any) -> None:
        self.kind, self.make, self.encoder = kind, make, None
        self.path = cache / f"vectors-{kind}.npz"
        self.stored: dict[str, np.ndarray] = {}
        if self.path.exists():
            with np.load(self.path, allow_pickle=False) as npz:
                self.stored = dict(zip(npz["keys"].tolist(), npz["vectors"], strict=True))

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:24]

    def fill(self, texts: list[str], chunk: int = 256) -> None:
        missing = sorted(dict.fromkeys(t for t in texts if self.key(t) not in self.stored), key=len)
        if not missing:
            return
        if self.encoder is None:
            self.encoder = self.make()
        one_by_one = "int8" in self.kind  # int8 scales activations per batch: each text alone, as served
        started = time.perf_counter()
        for start in range(0, len(missing), chunk):
            part = missing[start:start + chunk]
            vectors = (np.vstack([self.encoder.embed([t]) for t in part]) if one_by_one
                       else self.encoder.embed(part))
            self.stored.update((self.key(t), v.astype(np.float32)) for t, v in zip(part, vectors, strict=True))
            self.save()
            print(f"{self.kind}: {start + len(part)}/{len(missing)} embedded, {time.perf_counter() - started:.0f} s",
                  file=sys.stderr, flush=True)

    def save(self) -> None:
        staging = self.path.with_name(f".{self.path.stem}.{os.getpid()}.npz")
        np.savez(staging, keys=np.array(list(self.stored)), vectors=np.stack(list(self.stored.values())))
        staging.replace(self.path)

    def embed(self, texts: list[str]) -> np.ndarray:
        self.fill(texts)
        return np.stack([self.stored[self.key(t)] for t in texts])


class Cached:
    """The encoder block the intent recipe stacks beside wordllama, served from a VectorCache."""

    def __init__(self, kind: str, vectors: VectorCache, dim: int) -> None:
        self.name, self.key, self.dim, self.vectors = f"s41 {kind}", kind, dim, vectors

    def embed(self, texts: list[str]) -> np.ndarray:
        return self.vectors.embed([t or " " for t in texts])


# ---- the sets ---------------------------------------------------------------------------------------------------


def real_sets(care: Path, apple: Path) -> dict[str, dict[str, list[str]]]:
    """name -> {"texts", "v3", "eight"}: the rows rule 41 names, in the readers' order."""
    out: dict[str, dict[str, list[str]]] = {}
    by_guide: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for guide in ("v3", "eight"):
        care_rows, _ = dev_eval.read_care(care, dev_eval.LABELS_CSV, guide)
        fresh, _ = dev_eval.read_care(care, dev_eval.FRESH_LABELS_CSV, guide)
        apple_rows, _ = dev_eval.read_apple_intent(apple, dev_eval.APPLE_INTENT_CSV, guide)
        b_apple, _ = dev_eval.read_apple_intent(apple, dev_eval.BLIND11_APPLE_CSV, guide)
        b_care, _ = dev_eval.read_care_turns(care, dev_eval.BLIND11_CARE_CSV, guide)
        by_guide[guide] = {
            "care_odd": [r for r in care_rows if r["conv_index"] % 2 == 1],
            "fresh": fresh,
            "apple_addressed": [r for r in apple_rows if r["addressed"]],
            "blind11_addressed": [r for r in b_apple if r["addressed"]] + b_care,  # dev_eval's blind11 `addressed`
        }
    for name, rows in by_guide["v3"].items():
        eight = by_guide["eight"][name]
        assert [r["text"] for r in rows] == [r["text"] for r in eight], name
        out[name] = {"texts": [r["text"] for r in rows], "v3": [r["intent"] for r in rows],
                     "eight": [r["intent"] for r in eight]}
    with BLIND30.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    out["blind30"] = {"texts": [r["text"] for r in rows], "v3": [r["intent"] for r in rows],
                      "eight": [r["intent8"] for r in rows]}
    return out


def bitext_set(path: Path, rows: int) -> dict[str, Any]:
    from services import intents

    data = intents.read_labelled_csv(path, "instruction", "intent")
    (texts, truth), _ = intents.map_labels(data, intents.read_label_map(dev_eval.BITEXT_MAP))
    picked = (sorted(set(np.linspace(0, len(texts) - 1, rows).round().astype(int).tolist()))
              if 0 < rows < len(texts) else list(range(len(texts))))
    return {"texts": [texts[i] for i in picked], "truth": [truth[i] for i in picked], "of": len(texts)}


# ---- one column -------------------------------------------------------------------------------------------------


def classifier(block: Any, models: Path) -> Any:
    """The default model trained as intent.default_model() trains it, with `block` in MiniLM's place."""
    from services.adapters.local import intent as it
    from services.adapters.local import intent_features as fx
    from services.adapters.local.embedder import StackedEmbedder, WordLlamaEmbedder
    from services.adapters.local.language import LinguaLanguageDetector
    from services.config import Settings

    settings = Settings()
    stacked = StackedEmbedder([WordLlamaEmbedder(), block])
    foreign = it.foreign_embedder(settings.encoder_threads)
    texts, labels = it.read_examples()
    model = it.train_model(texts, labels, it.CachedEmbedder(stacked, models, one_by_one=True),
                           oos_label=it.DEFAULT_OOS_LABEL, config=fx.DEFAULT_MODEL_CONFIG,
                           foreign_embedder=foreign and it.CachedEmbedder(foreign, models))
    language = LinguaLanguageDetector(high_accuracy=settings.language_high_accuracy)
    return it.LocalIntentClassifier(model, stacked, 0.0, it.DEFAULT_OOS_LABEL, language, foreign,
                                    calibration=it.default_calibration())


def accuracy(truth: list[str], guess: list[str]) -> dict[str, Any]:
    right = sum(t == g for t, g in zip(truth, guess, strict=True))
    return {"n": len(truth), "right": right, "accuracy": round(right / max(1, len(truth)), 4)}


def column(kind: str, sets: dict[str, Any], bitext: dict[str, Any] | None, args: argparse.Namespace) -> dict[str, Any]:
    from services.adapters.local.intent import read_examples
    from services.adapters.local.intent_features import for_embedding

    models = args.cache / "models"
    vectors = VectorCache(kind, args.cache, lambda: load_encoder(kind, args.mpnet_dir, models))
    every = [t for s in sets.values() for t in s["texts"]] + (bitext["texts"] if bitext else [])
    vectors.fill([for_embedding(t) or " " for t in read_examples()[0] + every])  # all vectors first, longest batches
    dim = next(iter(vectors.stored.values())).shape[0]
    started = time.perf_counter()
    clf = classifier(Cached(kind, vectors, dim), models)
    out: dict[str, Any] = {"encoder_dim": dim, "train_seconds": round(time.perf_counter() - started, 1)}
    pooled = {"v3": [0, 0], "eight": [0, 0]}
    out["_guess"] = {}  # per set, the answers (main() compares them with the first column's, then drops them)
    for name, s in sets.items():
        guess = [i.label for i in clf.classify_many(s["texts"])]
        out["_guess"][name] = guess
        out[name] = {guide: accuracy(s[guide], guess) for guide in ("v3", "eight")}
        if name != "blind30":
            for guide in pooled:
                pooled[guide][0] += out[name][guide]["right"]
                pooled[guide][1] += out[name][guide]["n"]
    out["pooled_778"] = {g: {"n": n, "right": r, "accuracy": round(r / n, 4)} for g, (r, n) in pooled.items()}
    if bitext:
        guess = [i.label for i in clf.classify_many(bitext["texts"])]
        out["bitext"] = {**accuracy(bitext["truth"], guess), "of_mapped": bitext["of"]}
    return out


# ---- cost: load, RSS, batch-1 latency, in a process of its own -----------------------------------------------------


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def cost(kind: str, mpnet_dir: Path, models: Path) -> dict[str, Any]:
    before = rss_mb()
    started = time.perf_counter()
    encoder = load_encoder(kind, mpnet_dir, models)
    load = time.perf_counter() - started
    after_load = rss_mb()
    # OnnxMiniLM.embed remembers a text it saw: its _embed runs the network every time
    run = getattr(encoder, "_embed", encoder.embed)
    run([TYPICAL[0]])  # warm-up
    times = []
    for text in TYPICAL:
        runs = []
        for _ in range(5):
            t0 = time.perf_counter()
            run([text])
            runs.append(1000 * (time.perf_counter() - t0))
        times.append(float(np.median(runs)))
    return {"load_seconds": round(load, 2), "rss_mb_before": before, "rss_mb_after_load": after_load,
            "rss_mb_after_runs": rss_mb(), "batch1_ms_median": round(float(np.median(times)), 2),
            "batch1_ms_max": round(max(times), 2), "batch1_ms_mean": round(float(np.mean(times)), 2),
            "per_message_ms": [round(t, 2) for t in times], "load_average_1m": round(os.getloadavg()[0], 2)}


def cost_in_subprocess(kind: str, args: argparse.Namespace) -> dict[str, Any]:
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    done = subprocess.run([sys.executable, __file__, "--cost", kind, "--mpnet-dir", str(args.mpnet_dir),
                           "--cache", str(args.cache)], capture_output=True, text=True, env=env, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mpnet-dir", type=Path, required=True, help="the unzipped all-mpnet-base-v2 folder")
    parser.add_argument("--care", type=Path, help="customer_care_tweets/dev.json")
    parser.add_argument("--apple", type=Path, help="apple_twitter_sentiment/Apple-Twitter-Sentiment-DFE.csv")
    parser.add_argument("--bitext", type=Path, help="bitext_cs_sample/…Training_Dataset.csv")
    parser.add_argument("--bitext-rows", type=int, default=1000, help="evenly spaced mapped rows (0: all)")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/s41/enc"), help="vectors and model caches")
    parser.add_argument("--encoders", default=",".join(ENCODERS), help="columns, comma-separated")
    parser.add_argument("--no-cost", action="store_true", help="skip the load / RSS / latency block")
    parser.add_argument("--cost", choices=ENCODERS, help=argparse.SUPPRESS)  # the cost block's own process
    args = parser.parse_args(argv)
    models = args.cache / "models"
    if args.cost:
        print(json.dumps(cost(args.cost, args.mpnet_dir, models)))
        return 0
    if not (args.care and args.apple):
        parser.error("give --care and --apple")
    args.cache.mkdir(parents=True, exist_ok=True)
    sets = real_sets(args.care, args.apple)
    bitext = bitext_set(args.bitext, args.bitext_rows) if args.bitext else None
    result: dict[str, Any] = {"bench": "encoder_mpnet", "mpnet_sha256": sha256(args.mpnet_dir / "model.safetensors"),
                              "columns": {}}
    kinds = args.encoders.split(",")
    first: dict[str, list[str]] = {}
    for kind in kinds:
        result["columns"][kind] = col = column(kind, sets, bitext, args)
        guesses = col.pop("_guess")
        if not first:
            first = guesses
        else:  # rows this column gets right and the first gets wrong, and the reverse (the pooled 778, guide v3)
            pairs = [(s["v3"][i] == guesses[n][i], s["v3"][i] == first[n][i])
                     for n, s in sets.items() if n != "blind30" for i in range(len(s["texts"]))]
            col[f"vs_{kinds[0]}_pooled_778_v3"] = {"gained": sum(a and not b for a, b in pairs),
                                                   "lost": sum(b and not a for a, b in pairs),
                                                   "answer_changed": sum(guesses[n][i] != first[n][i]
                                                                         for n, s in sets.items() if n != "blind30"
                                                                         for i in range(len(s["texts"])))}
        print(f"{kind}: {json.dumps(col['pooled_778'])}", file=sys.stderr, flush=True)
    if not args.no_cost:  # after the columns: the graphs are built by then, and the runs do not compete
        result["cost"] = {kind: cost_in_subprocess(kind, args) for kind in kinds}
    print(json.dumps(result, ensure_ascii=False))
    return 0


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


if __name__ == "__main__":
    raise SystemExit(main())
