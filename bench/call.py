"""Live-call latency: speech fed as a browser call's frames at real time through a CallSession (services/calls.py)
on a throw-away SQLite database with the real local models; one JSON line.

    nice -n 10 python bench/call.py [--wav FILE ...] [--manifest ../shared/data/stt_pocketsphinx/.../transcription]

Without files, three sentences spoken by espeak-ng (made in a temporary folder). Each file is one call: 1 s of
silence, the file, 2 s of silence, as 48 kHz stereo 16-bit frames of 20 ms (what aiortc hands the page), fed at the
pace they would arrive. Per call:

- ``first_partial_ms``: from the frame holding the first speech sample (|x| > 0.02) being fed to the first partial
  words in ``CallView.partial`` (what the page shows every 0.5 s: add up to 500 ms of redraw in a browser);
- ``final_ms``: from the frame holding the last speech sample to the last final segment stored with its analysis
  (the message is in the thread and its assist in the panel: the pause, recognition, masking and the assist pipeline);
Medians over calls (and ``*_max``), with the load average before and after.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import av
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from services import calls, inbox  # noqa: E402
from services.bootstrap import build_services  # noqa: E402
from services.config import Settings  # noqa: E402
from services.models import Customer, User  # noqa: E402
from tests.repos import repos  # noqa: E402

RATE, FRAME = 48_000, 960
SENTENCES = ("I want to return my order because the kettle arrived broken",
             "Can you tell me where my parcel is, it was due yesterday",
             "I was charged twice for the same order and I would like a refund")
AGENT = User(1, "agent", "Alex Rivera", "agent")


def samples48(path: Path) -> np.ndarray:
    resampler = av.AudioResampler(format="s16", layout="mono", rate=RATE)
    with av.open(str(path)) as container:
        out = [f.to_ndarray().reshape(-1) for frame in container.decode(audio=0) for f in resampler.resample(frame)]
    out += [f.to_ndarray().reshape(-1) for f in resampler.resample(None)]
    return np.concatenate(out)


def frames_of(mono: np.ndarray) -> list[av.AudioFrame]:
    padded = np.concatenate([np.zeros(RATE, np.int16), mono, np.zeros(2 * RATE, np.int16)])
    frames = []
    for start in range(0, padded.size - FRAME + 1, FRAME):
        frame = av.AudioFrame.from_ndarray(np.repeat(padded[start:start + FRAME], 2).reshape(1, -1), format="s16",
                                           layout="stereo")
        frame.sample_rate = RATE
        frames.append(frame)
    return frames


def one_call(services, conversation_id: int, mono: np.ndarray) -> dict[str, float | None]:
    loud = np.flatnonzero(np.abs(mono) > 0.02 * 32_768)
    first_frame, last_frame = (RATE + loud[0]) // FRAME, (RATE + loud[-1]) // FRAME
    frames = frames_of(mono)
    session = calls.start_call(services, AGENT, conversation_id)
    seen: dict[str, float | int | None] = {"lines": 0, "partial_at": None, "final_at": None}

    def look(now: float) -> None:
        view = session.view()
        if seen["partial_at"] is None and view.partial:
            seen["partial_at"] = now
        if len(view.lines) > int(seen["lines"] or 0):
            seen["lines"], seen["final_at"] = len(view.lines), now

    started = time.perf_counter()
    first_fed = last_fed = None
    for i, frame in enumerate(frames):
        delay = started + i * FRAME / RATE - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        session.feed(frame)
        now = time.perf_counter()
        first_fed = now if i == first_frame else first_fed
        last_fed = now if i == last_frame else last_fed
        look(now)
    session.hang_up()  # the caller hangs up: what is left is recognised and stored
    while not session.wait(0.01):
        look(time.perf_counter())
    look(time.perf_counter())
    partial_at, final_at = seen["partial_at"], seen["final_at"]
    return {"first_partial_ms": None if partial_at is None or first_fed is None else 1000 * (partial_at - first_fed),
            "final_ms": None if final_at is None or last_fed is None else 1000 * (final_at - last_fed),
            "segments": len(session.view().lines)}


def speech_files(args: argparse.Namespace, folder: Path) -> list[Path]:
    if args.wav:
        return [Path(p) for p in args.wav]
    if args.manifest:
        lines = Path(args.manifest).read_text(encoding="utf-8").splitlines()
        ids = [m.group(1) for line in lines if (m := re.search(r"\(([^()]+)\)\s*$", line))]
        return [Path(args.manifest).parent / f"{i}.wav" for i in ids]
    if shutil.which("espeak-ng") is None:
        raise SystemExit("espeak-ng is needed for the default sentences (apt-get install espeak-ng), or pass --wav")
    files = []
    for n, sentence in enumerate(SENTENCES):
        files.append(folder / f"s{n}.wav")
        subprocess.run(["espeak-ng", "-w", str(files[-1]), sentence], check=True, timeout=30)
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--wav", nargs="*", help="speech files (any format FFmpeg reads)")
    parser.add_argument("--manifest", help="a CMU Sphinx transcription file; its WAVs are the calls")
    args = parser.parse_args()
    load_before = Path("/proc/loadavg").read_text().split()[:3]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        services = build_services(Settings(db_path=str(folder / "bench.db"), data_dir="data"))
        repos(services).users.add("agent", "Alex Rivera", "agent", "x")
        repos(services).customers.add(Customer(0, "Dana Reyes", "", "", "gold", 10.0, "2024-01-01", "Leeds"))
        opened, _, _ = inbox.start_conversation(services, 1, "voice", "Phone call", "hello", "agent")  # models load
        services.stt.listen().finish()
        services.stt.recognise(np.zeros(16_000, np.float32))  # type: ignore[attr-defined] - the model loads here
        results = [one_call(services, opened.id, samples48(path)) for path in speech_files(args, folder)]
    partial = [r["first_partial_ms"] for r in results if r["first_partial_ms"] is not None]
    final = [r["final_ms"] for r in results if r["final_ms"] is not None]
    print(json.dumps({
        "calls": len(results), "segments": sum(int(r["segments"] or 0) for r in results),
        "first_partial_ms": round(statistics.median(partial)) if partial else None,
        "first_partial_ms_max": round(max(partial)) if partial else None,
        "final_ms": round(statistics.median(final)) if final else None,
        "final_ms_max": round(max(final)) if final else None,
        "loadavg_before": load_before, "loadavg_after": Path("/proc/loadavg").read_text().split()[:3]}))


if __name__ == "__main__":
    main()
