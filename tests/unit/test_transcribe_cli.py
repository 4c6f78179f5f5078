"""`python -m services transcribe FILE`: bad input is a one-line error and exit code 2, before any model loads."""

from __future__ import annotations

import pytest

from services.bootstrap import build_services
from services.cli import main
from services.config import Settings
from services.errors import ConfigError
from services.models import Transcript, TranscriptSegment


def test_a_missing_file_is_a_clear_error(tmp_path, capsys):
    assert main(["transcribe", str(tmp_path / "call.wav")]) == 2
    assert capsys.readouterr().err == f"error: no such audio file: {tmp_path / 'call.wav'}\n"


def test_a_file_that_is_not_audio_is_a_clear_error(tmp_path, capsys):
    path = tmp_path / "call.mp3"
    path.write_bytes(b"%PDF-1.4 not audio at all" * 40)
    assert main(["transcribe", str(path)]) == 2
    assert "call.mp3 is not an audio file that can be read (WAV, MP3, OGG or FLAC)" in capsys.readouterr().err


def test_the_transcript_text_is_one_line():
    transcript = Transcript((TranscriptSegment(0.0, 2.0, " Hello,\n"), TranscriptSegment(2.5, 4.0, "I need help. "),
                             TranscriptSegment(4.0, 4.2, "  ")), "en", 4.2, "fake")
    assert transcript.text == "Hello, I need help."


def test_an_unknown_stt_provider_is_a_config_error_listing_the_valid_ones(tmp_path):
    with pytest.raises(ConfigError, match="unknown provider 'whisper-cloud' for stt; valid: local"):
        build_services(Settings(db_path=str(tmp_path / "x.db"), providers={"stt": "whisper-cloud"}))


def test_stt_limits_out_of_range_are_config_errors(tmp_path):
    with pytest.raises(ConfigError, match="stt_max_audio_s must be 1-86400 seconds, stt_chunk_s 1-30 seconds and stt_threads 1-64; got 0, 8.0 and 1"):
        Settings(db_path=str(tmp_path / "x.db"), stt_max_audio_s=0)
