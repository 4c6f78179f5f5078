"""Offline speech to text on real models: faster-whisper with the Whisper models shipped in wheels, on speech that
Debian's espeak-ng synthesises in the test (never a recording from the shared data)."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import wave
from pathlib import Path

import av
import numpy as np
import pytest

from services.bootstrap import build_services
from services.config import Settings
from services.errors import ConfigError, InvalidInput
from services.models import Transcript
from tests.speech import espeak as _espeak

PROJECT_ROOT = Path(__file__).resolve().parents[3]
SENTENCE = "I would like to return my order because the kettle arrived broken"
KEY_WORDS = ("return", "order", "kettle", "broken")


def _write_wav(path: Path, samples: np.ndarray, rate: int = 16_000) -> Path:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes((np.clip(samples, -1, 1) * 32_000).astype("<i2").tobytes())
    return path


def _encode(source: Path, out: Path, codec: str, rate: int) -> Path:
    """The WAV re-encoded with FFmpeg's encoder (through PyAV), e.g. MP3 or Opus in OGG."""
    with av.open(str(source)) as src, av.open(str(out), "w") as dst:
        stream = dst.add_stream(codec, rate=rate)
        stream.layout = "mono"
        for frame in src.decode(audio=0):
            frame.pts = None
            for packet in stream.encode(frame):
                dst.mux(packet)
        for packet in stream.encode(None):
            dst.mux(packet)
    return out


@pytest.fixture(scope="module")
def speech(tmp_path_factory) -> Path:
    return _espeak(SENTENCE, tmp_path_factory.mktemp("voice") / "return.wav")


@pytest.fixture(scope="module")
def stt(tmp_path_factory):
    data = tmp_path_factory.mktemp("data")
    return build_services(Settings(db_path=str(data / "x.db"), data_dir=str(data))).stt


def _words(text: str) -> set[str]:
    return {w.strip(".,!?").lower() for w in text.split()}


def test_a_spoken_sentence_is_transcribed_with_its_key_words(stt, speech):
    transcript = stt.transcribe(speech)
    assert isinstance(transcript, Transcript)
    assert set(KEY_WORDS) <= _words(transcript.text), transcript.text
    assert transcript.language == "en" and transcript.model == "whisper tiny.en"
    assert 2.5 < transcript.duration_s < 6


def test_the_model_loads_on_the_first_transcription_not_when_built(tmp_path, speech):
    stt = build_services(Settings(db_path=str(tmp_path / "x.db"), data_dir=str(tmp_path))).stt
    assert stt._model is None
    stt.transcribe(speech)
    assert stt._model is not None


def test_stream_yields_timed_segments_in_order(stt, tmp_path, speech):
    first = _espeak("Hello, I need help with my account.", tmp_path / "a.wav")
    with wave.open(str(first)) as a, wave.open(str(speech)) as b:
        rate = a.getframerate()
        pause = b"\x00\x00" * rate  # one second of silence between the two sentences
        joined = a.readframes(a.getnframes()) + pause + b.readframes(b.getnframes())
    path = tmp_path / "two.wav"
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1), w.setsampwidth(2), w.setframerate(rate)
        w.writeframes(joined)
    segments = list(stt.stream(path))
    assert len(segments) == 2, segments
    assert {"help", "account"} <= _words(segments[0].text) and "kettle" in _words(segments[1].text)
    assert segments[0].end <= segments[1].start and segments[1].end <= 8


@pytest.mark.parametrize(("codec", "suffix", "rate"), [("libmp3lame", "mp3", 22_050), ("libopus", "ogg", 48_000)])
def test_mp3_and_ogg_are_transcribed_too(stt, speech, tmp_path, codec, suffix, rate):
    encoded = _encode(speech, tmp_path / f"return.{suffix}", codec, rate)
    assert set(KEY_WORDS) <= _words(stt.transcribe(encoded).text)


def test_the_base_model_is_joined_from_its_two_wheels_once_and_transcribes(tmp_path, speech):
    settings = Settings(db_path=str(tmp_path / "x.db"), data_dir=str(tmp_path), stt_model="base")
    transcript = build_services(settings).stt.transcribe(speech)
    assert set(KEY_WORDS) <= _words(transcript.text), transcript.text
    joined = list((tmp_path / "models").glob("whisper-base-*/model.bin"))
    assert len(joined) == 1 and joined[0].stat().st_size == 145_217_532
    assert not list((tmp_path / "models").glob(".whisper-base-*"))  # no staging directory left behind


def _silence(tmp: Path) -> Path:
    return _write_wav(tmp / "silence.wav", np.zeros(32_000))


def _tone(tmp: Path) -> Path:
    return _write_wav(tmp / "tone.wav", 0.5 * np.sin(2 * np.pi * 440 * np.arange(32_000) / 16_000))


def _low_rate(tmp: Path) -> Path:
    return _write_wav(tmp / "low.wav", 0.5 * np.sin(2 * np.pi * 440 * np.arange(4_000) / 4_000), rate=4_000)


def _not_audio(tmp: Path) -> Path:
    path = tmp / "notes.wav"
    path.write_text("this is a text file, not audio\n" * 50)
    return path


def _truncated(tmp: Path) -> Path:
    whole = _espeak(SENTENCE, tmp / "whole.wav").read_bytes()
    path = tmp / "cut.wav"
    path.write_bytes(whole[: len(whole) // 3])
    return path


def _two_hours(tmp: Path) -> Path:
    """A WAV holding 2 h 1 min 40 s of 16 kHz audio (a sparse file: no disk space, nothing to decode quickly)."""
    rate, n = 16_000, 16_000 * 7_300
    header = (b"RIFF" + struct.pack("<I", 36 + 2 * n) + b"WAVEfmt " + struct.pack("<IHHIIHH", 16, 1, 1, rate, 2 * rate, 2, 16)
              + b"data" + struct.pack("<I", 2 * n))
    path = tmp / "long.wav"
    with open(path, "wb") as f:
        f.write(header)
        f.truncate(len(header) + 2 * n)
    return path


@pytest.mark.parametrize(("make", "message"), [
    (_silence, "silence.wav is silent"),
    (_tone, "no speech was found in tone.wav"),
    (_low_rate, "sampled at 4000 Hz: too low for speech recognition"),
    (_not_audio, "notes.wav is not an audio file that can be read"),
    (_truncated, r"cut.wav is truncated: its header says 0:03.\d of audio but only 0:01.\d is there"),
    (_two_hours, r"long.wav is 2:01:40 long; at most 1:00:00 of audio is transcribed"),
    (lambda tmp: tmp / "missing.wav", "no such audio file"),
    (lambda tmp: tmp, "no such audio file"),
])
def test_bad_audio_is_a_clear_invalid_input(stt, tmp_path, make, message):
    with pytest.raises(InvalidInput, match=message):
        stt.transcribe(make(tmp_path))


def test_an_unknown_stt_model_is_a_config_error_naming_the_valid_ones(tmp_path):
    with pytest.raises(ConfigError, match="stt_model must be one of tiny.en, base; got 'large'"):
        Settings(db_path=str(tmp_path / "x.db"), stt_model="large")


def test_transcribe_works_with_the_network_cut(speech, tmp_path):
    """The offline check of issue 20: `unshare -n` leaves the process no network interface but loopback (down)."""
    if subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode != 0:
        if os.environ.get("CI") == "true":
            pytest.fail("unshare -n is not allowed here; the offline check cannot run")
        pytest.skip("unshare -n is not allowed for this user")
    env = {**os.environ, "FRONTLINE_DATA_DIR": str(tmp_path), "FRONTLINE_DB_PATH": str(tmp_path / "x.db")}
    done = subprocess.run(["unshare", "-n", sys.executable, "-m", "services", "transcribe", str(speech)],
                          cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert set(KEY_WORDS) <= _words(done.stdout) and done.stdout.count("\n") == 1
