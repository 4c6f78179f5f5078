"""Offline speech to text: word error rate, speed and latency of the local recogniser; one JSON line.

    nice -n 10 python bench/voice.py --manifest ../shared/data/stt_pocketsphinx/test/data/librivox/transcription \
        [--model tiny.en|base] [--chunk-s 8] [--threads 1] [--repeat 3]

The manifest is CMU Sphinx's format: one ``<s> reference words </s> (file-id)`` per line, the audio in
``file-id.wav`` beside it. Each file goes through the SpeechToText port's ``stream`` (voice activity detection
splits it at pauses into chunks of at most --chunk-s seconds, each transcribed alone), after one warm-up file.

- ``wer``: word errors (substitutions + deletions + insertions) over all reference words, after lower-casing both,
  dropping punctuation and spelling out Mr/Mrs/Dr as the references do.
- ``rtf``: processing time / audio time, summed over every file and repeat (decoding, VAD and recognition; the model
  is loaded before timing starts, its load time is ``load_s``).
- ``first_partial_ms``: median over files and repeats of the time from handing a file to ``stream`` until its first
  segment is yielded: decoding the file, VAD over it, and recognising the first speech chunk (at most --chunk-s s).
  For a live call that is an upper bound of the wait after the first pause: there the audio arrives as it is spoken
  and only the last chunk is left to recognise. ``first_partial_ms_max`` is the worst file.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import tempfile
import time
import wave
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from services.bootstrap import build_services  # noqa: E402
from services.config import Settings  # noqa: E402

SPELLED = {"mr": "mister", "mrs": "missus", "dr": "doctor"}


def read_manifest(path: Path) -> list[tuple[Path, str]]:
    """(audio file, reference text) per line of a Sphinx transcription file."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        found = re.fullmatch(r"\s*(?:<s>)?(.*?)(?:</s>)?\s*\(([^()]+)\)\s*", line)
        if found:
            rows.append((path.parent / f"{found.group(2)}.wav", found.group(1).strip()))
    if not rows:
        raise SystemExit(f"no '<s> words </s> (file-id)' lines in {path}")
    return rows


def words(text: str) -> list[str]:
    tokens = re.sub(r"[^a-z0-9' ]+", " ", text.lower().replace("-", " ")).split()
    return [SPELLED.get(t, t) for t in tokens]


def edit_distance(ref: list[str], hyp: list[str]) -> int:
    row = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        prev, row[0] = row[0], i
        for j, h in enumerate(hyp, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (r != h))
    return row[-1]


def seconds(path: Path) -> float:
    with wave.open(str(path)) as w:
        return w.getnframes() / w.getframerate()


def run_file(stt, audio: Path) -> tuple[str, float, float]:
    """(text, seconds to the first segment, seconds in all)."""
    start = time.perf_counter()
    first, texts = None, []
    for segment in stt.stream(audio):
        first = first if first is not None else time.perf_counter() - start
        texts.append(segment.text)
    total = time.perf_counter() - start
    return " ".join(texts), first if first is not None else total, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--manifest", required=True, type=Path, help="Sphinx transcription file")
    parser.add_argument("--model", default="tiny.en", choices=("tiny.en", "base"))
    parser.add_argument("--chunk-s", type=float, default=8.0, help="longest speech chunk (stt_chunk_s)")
    parser.add_argument("--threads", type=int, default=1, help="CPU threads of the recogniser (stt_threads)")
    parser.add_argument("--repeat", type=int, default=3, help="timing passes over the files (WER from the first)")
    parser.add_argument("--show", action="store_true", help="add the recognised texts (never copy them into docs)")
    parser.add_argument("--data-dir", default="data", help="where the joined base model is cached (data/models)")
    args = parser.parse_args()
    rows = read_manifest(args.manifest)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(db_path=str(Path(tmp) / "unused.db"), data_dir=args.data_dir, stt_model=args.model,
                            stt_chunk_s=args.chunk_s, stt_threads=args.threads)
        stt = build_services(settings, batch=True).stt
        load_start = time.perf_counter()
        stt.load()
        load_s = time.perf_counter() - load_start
        run_file(stt, rows[0][0])  # warm-up
        errors = ref_words = 0
        firsts, busy, audio = [], 0.0, 0.0
        examples = []
        for repeat in range(args.repeat):
            for path, reference in rows:
                text, first, total = run_file(stt, path)
                firsts.append(first)
                busy += total
                audio += seconds(path)
                if repeat == 0:
                    errors += edit_distance(words(reference), words(text))
                    ref_words += len(words(reference))
                    examples.append(text)
    print(json.dumps({
        "model": f"whisper {args.model}", "data": str(args.manifest), "files": len(rows), "ref_words": ref_words,
        "wer": round(errors / ref_words, 4), "rtf": round(busy / audio, 3),
        "first_partial_ms": round(1000 * statistics.median(firsts)), "first_partial_ms_max": round(1000 * max(firsts)),
        "load_s": round(load_s, 2), "chunk_s": args.chunk_s, "repeat": args.repeat, "audio_s": round(audio, 1),
        "threads": args.threads, "cpus": os.cpu_count(), "load_average_1m": float(Path("/proc/loadavg").read_text().split()[0]),
        **({"hypotheses": examples} if args.show else {}),
    }))


if __name__ == "__main__":
    main()
