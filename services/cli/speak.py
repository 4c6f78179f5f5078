"""`speak TEXT --out FILE.wav`: the text read aloud by the configured voice (local: piper, offline), written as a
WAV file; prints one JSON line saying what was written."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from services.cli import print_json
from services.cli.analyze import read_text
from services.cli.common import services_from
from services.errors import InvalidInput
from services.permissions import CLI


def _run(args: argparse.Namespace) -> int:
    from services import speech

    text = read_text(sys.stdin.buffer, "standard input") if args.text == "-" else args.text
    out = Path(args.out)
    if not out.parent.is_dir():
        raise InvalidInput(f"cannot write {out}: the folder {out.parent} does not exist")
    spoken = speech.speak_reply(services_from(args, batch=True), CLI, text)
    try:
        out.write_bytes(spoken.audio)
    except OSError as e:
        raise InvalidInput(f"cannot write {out}: {e.strerror or e}") from None
    print_json({"out": str(out), "duration_s": round(spoken.duration_s, 2), "sample_rate": spoken.sample_rate,
                "voice": spoken.voice, "characters": len(spoken.text), "truncated": spoken.truncated})
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("speak", help="read a reply aloud into a WAV file (local voice: piper, offline)",
                            description="Synthesise TEXT (or - for standard input) with the configured voice and "
                            "write it as a WAV file. Markup and emoji are dropped; text longer than tts_max_chars is "
                            "cut at a sentence end.")
    parser.add_argument("text", help="what to say, or - to read it from standard input")
    parser.add_argument("--out", required=True, metavar="FILE.wav", help="the WAV file to write")
    parser.set_defaults(func=_run)
