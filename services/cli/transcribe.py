"""`transcribe FILE`: the speech in an audio file (WAV, MP3, OGG ...) as one line of text, by the configured
speech-to-text provider (local: Whisper, offline)."""

from __future__ import annotations

import argparse
from pathlib import Path

from services.cli.common import services_from


def _run(args: argparse.Namespace) -> int:
    print(services_from(args, batch=True).stt.transcribe(Path(args.file)).text)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("transcribe", help="print the speech in an audio file (WAV, MP3, OGG ...) as one line")
    parser.add_argument("file", help="the audio file")
    parser.set_defaults(func=_run)
