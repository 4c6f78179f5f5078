"""A speech test set from our own words: customer messages from data/intents (written by the Frontline team), spoken
by Debian's espeak-ng, written as a CMU Sphinx manifest that bench/voice.py reads.

    python bench/voice_synth.py --out /tmp/voice-synth [--n 40] [--seed 1]
    python bench/voice.py --manifest /tmp/voice-synth/transcription

Synthetic, clear, one voice: a check that the recogniser hears customer-service vocabulary (order numbers, product
names, refunds), not an estimate for real calls. English examples only, 6-25 words, no digits (spoken digits and
their written form would count as errors).
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from services.bootstrap import build_services  # noqa: E402

DATA = Path(__file__).resolve().parent.parent / "data" / "intents"


def candidates() -> list[str]:
    detect = build_services().language.detect  # our examples are in several languages: keep the English ones
    texts = []
    for path in sorted(DATA.glob("*.yaml")):
        for example in yaml.safe_load(path.read_text(encoding="utf-8")).get("examples", []):
            text = example if isinstance(example, str) else str(example.get("text", ""))
            if text.isascii() and re.fullmatch(r"[A-Za-z',.?! ]+", text) and 6 <= len(text.split()) <= 25 and detect(text) == "en":
                texts.append(text)
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--n", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if shutil.which("espeak-ng") is None:
        raise SystemExit("Debian's espeak-ng is needed: apt-get install espeak-ng")
    texts = random.Random(args.seed).sample(candidates(), args.n)
    args.out.mkdir(parents=True, exist_ok=True)
    lines = []
    for i, text in enumerate(texts):
        file_id = f"synth-{i:03d}"
        subprocess.run(["espeak-ng", "-w", str(args.out / f"{file_id}.wav"), text], check=True, timeout=60)
        words = re.sub(r"[^a-z' ]+", " ", text.lower()).split()
        lines.append(f"<s> {' '.join(words)} </s> ({file_id})")
    (args.out / "transcription").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} files in {args.out}")


if __name__ == "__main__":
    main()
