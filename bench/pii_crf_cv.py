"""Grouped cross-validation of a retrained CRF tagger (services/adapters/local/pii_crf.py) through the whole detector.

Session 48 (candidate 48-2). Folds hold out whole sessions: the sessions of tests/data/pii (dev = session 0, blind9*
= 9, …, blind116* = 116; test.jsonl never read) sorted by number and dealt round-robin into five folds.

    PYTHONPATH=. python bench/pii_crf_cv.py train FOLD C1 C2 ITERATIONS OUT.crfsuite   # FOLD -1: every set
    PYTHONPATH=. python bench/pii_crf_cv.py score FOLD MODEL.crfsuite '[[T, CUE, CUE_LOWER], …]' OUT.json

`train` fits the tagger (pii_crf's features and tokens; c1, c2, iterations as given) on every set outside the fold.
`score` compares, on the fold's held-out messages, the committed model at the committed bars (the base) with MODEL at
each (THRESHOLD, CUE_THRESHOLD, CUE_THRESHOLD_LOWER): the detector reads the tagger only through which of its spans
pass those bars, so only the messages where that differs are run through the whole detector (assist.detect_pii, the
detector's text cache bypassed), both ways, and scored with pii_eval.score. It prints, per configuration, the counts
of both ("full": labelled spans found whole, "det"/"ok": detected spans / those over a labelled one, "keep": keep
violations, PERSON / ADDRESS found whole) on all held-out messages ("all") and on sessions 29 and later only
("s29up": text the committed model, trained on dev and blind9*–blind28*, never saw — the fair comparison).
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from services import pii_eval  # noqa: E402
from services.adapters.local import pii_crf, pii_presidio  # noqa: E402

DATA = ROOT / "tests" / "data" / "pii"
FOLDS = 5
NAMES = sorted(p.stem for p in DATA.glob("*.jsonl") if p.stem != "test")


def session(name: str) -> int:
    m = re.match(r"blind(\d+)", name)
    return int(m.group(1)) if m else 0


SESSIONS = sorted({session(n) for n in NAMES})


def fold_of(name: str) -> int:
    return SESSIONS.index(session(name)) % FOLDS


def train(fold: int, c1: float, c2: float, iterations: int, out: str) -> None:
    names = [n for n in NAMES if fold < 0 or fold_of(n) != fold]
    t0 = time.process_time()
    rows = [(e.text, e.pii) for n in names for e in pii_eval.load_jsonl(DATA / f"{n}.jsonl")]
    trainer = pii_crf._pycrfsuite().Trainer(verbose=False)
    for text, gold in rows:
        spans = pii_crf.tokens(text)
        if spans:
            trainer.append(pii_crf.features(text, spans), pii_crf.labels(spans, gold))
    t1 = time.process_time()
    trainer.set_params({**pii_crf.TRAIN_PARAMS, "c1": c1, "c2": c2, "max_iterations": iterations})
    trainer.train(out)
    print(json.dumps({"fold": fold, "sets": len(names), "rows": len(rows), "features_cpu_s": round(t1 - t0, 1),
                      "train_cpu_s": round(time.process_time() - t1, 1), "iterations": iterations, "c1": c1,
                      "c2": c2, "out": out}), flush=True)


def _key(found: list[tuple[str, int, int, float]], bars: tuple[float, float, float]) -> tuple:
    t, cue, lower = bars
    low = min(t, cue, lower, 0.8)  # 0.8: pii_chat_addresses._NAME_P reads the tagger's names at it
    return tuple((k, s, e, p >= t, p >= cue, p >= lower, p >= 0.8) for k, s, e, p in found if p >= low)


def _counts(result: dict[str, Any]) -> dict[str, int]:
    kinds = result["per_kind"]
    out = {"full": round(result["recall_full"] * result["pii_spans"]), "n": result["pii_spans"],
           "keep": result["keep_violations"],
           "det": sum(v.get("detected", 0) for v in kinds.values()),
           "ok": round(sum(v.get("detected", 0) * v.get("precision", 1) for v in kinds.values()))}
    for kind in ("PERSON", "ADDRESS"):
        out[kind] = round(kinds.get(kind, {}).get("recall_full", 0) * kinds.get(kind, {}).get("n", 0))
    return out


def score(fold: int, model: str, configurations: list[list[float]], out: str) -> None:
    from services.assist import detect_pii
    from services.bootstrap import build_services
    from services.config import load_settings

    base_bars = (pii_crf.THRESHOLD, pii_crf.CUE_THRESHOLD, pii_crf.CUE_THRESHOLD_LOWER)
    held = [(n, e) for n in NAMES if fold_of(n) == fold for e in pii_eval.load_jsonl(DATA / f"{n}.jsonl")]
    base = pii_crf.CrfTagger(pii_crf.MODEL_FILE)
    candidate = pii_crf.CrfTagger(Path(model))
    base_found = [base.find(e.text, threshold=0.0) for _, e in held]
    candidate_found = [candidate.find(e.text, threshold=0.0) for _, e in held]
    pii_presidio.PresidioPiiDetector.find = lambda self, text: self._find(text) if text.strip() else []  # type: ignore
    services = build_services(load_settings(db_path=str(Path(tempfile.mkdtemp()) / "f.db")))

    def run(i: int, tagger: pii_crf.CrfTagger, bars: tuple[float, float, float]) -> list:
        pii_crf._loaded[:] = [tagger]
        pii_crf.THRESHOLD, pii_crf.CUE_THRESHOLD, pii_crf.CUE_THRESHOLD_LOWER = bars
        return list(detect_pii(services, held[i][1].text, list(held[i][1].known_names)).spans)

    result: dict[str, Any] = {"fold": fold, "messages": len(held), "by_bars": {}}
    errors: dict[str, Any] = {}
    for bars in [(c[0], c[1], c[2]) for c in configurations]:
        differ = [i for i in range(len(held)) if _key(base_found[i], base_bars) != _key(candidate_found[i], bars)]
        line: dict[str, Any] = {"differ": len(differ)}
        for part, since in (("all", 0), ("s29up", 29)):
            idx = [i for i in differ if session(held[i][0]) >= since]
            examples = [held[i][1] for i in idx]
            a = pii_eval.score(examples, [run(i, base, base_bars) for i in idx])
            b = pii_eval.score(examples, [run(i, candidate, bars) for i in idx])
            line[part] = {"messages": len(idx), "base": _counts(a), "candidate": _counts(b)}
            if part == "all":
                old = {json.dumps({k: v for k, v in x.items() if k != "masked"}, ensure_ascii=False) for x in a["errors"]}
                new = {json.dumps({k: v for k, v in x.items() if k != "masked"}, ensure_ascii=False) for x in b["errors"]}
                errors[str(bars)] = {"gone": sorted(old - new), "added": sorted(new - old)}
        result["by_bars"][str(bars)] = line
        print(json.dumps({str(bars): line}), flush=True)
    Path(out).write_text(json.dumps({"result": result, "errors": errors}, ensure_ascii=False, indent=1),
                         encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1] == "train":
        train(int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]), sys.argv[6])
    else:
        score(int(sys.argv[2]), sys.argv[3], json.loads(sys.argv[4]), sys.argv[5])
