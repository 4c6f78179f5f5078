"""Offline spoken replies on the real voice: piper with the joe voice from its wheel, heard back by the offline
Whisper recogniser (so the test fails if the audio is noise, silence or the wrong words)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import wave
from pathlib import Path

import pytest

from services import speech
from services.bootstrap import build_services
from services.config import Settings
from services.errors import InvalidInput
from services.models import User

PROJECT_ROOT = Path(__file__).resolve().parents[3]
AGENT = User(1, "agent", "Agent", "agent")
REPLY = "I am sorry the kettle arrived broken. I have sent you a return label."


@pytest.fixture(scope="module")
def services(tmp_path_factory):
    data = tmp_path_factory.mktemp("data")
    return build_services(Settings(db_path=str(data / "x.db"), data_dir=str(data)))


def _words(text: str) -> set[str]:
    return {w.strip(".,!?").lower() for w in text.split()}


def test_a_reply_is_spoken_by_the_joe_voice_and_heard_back(services, tmp_path):
    spoken = speech.speak_reply(services, AGENT, REPLY)
    assert (spoken.voice, spoken.sample_rate, spoken.truncated) == ("piper en_US-joe-medium", 22_050, False)
    with wave.open(io.BytesIO(spoken.audio)) as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, 22_050)
        assert 2.5 < wav.getnframes() / 22_050 < 8
    path = tmp_path / "reply.wav"
    path.write_bytes(spoken.audio)
    heard = _words(services.stt.transcribe(path).text)
    # piper draws noise each time (its noise scales), so the audio differs from run to run and Whisper tiny.en now
    # and then mishears one word (seen: "return" in the merged suite): three of the four key words must come back
    assert len({"kettle", "broken", "return", "label"} & heard) >= 3, heard


def test_the_voice_loads_on_the_first_reply_not_when_built(tmp_path):
    tts = build_services(Settings(db_path=str(tmp_path / "x.db"))).tts
    assert tts._piper is None
    tts.synthesize("Hello.")
    assert tts._piper is not None


def test_ten_thousand_characters_are_cut_at_a_sentence_end_and_spoken(services):
    long_reply = "Your parcel left our warehouse this morning. " * 230  # 10,350 characters
    spoken = speech.speak_reply(services, AGENT, long_reply)
    assert spoken.truncated and len(spoken.text) <= services.settings.tts_max_chars
    assert spoken.text.endswith("this morning.")
    assert spoken.duration_s < 60  # what 600 characters take to say, not ten minutes


@pytest.mark.parametrize("odd", ["", "   ", "👍🎉🙏", "<speak><break time='3s'/></speak>", "[[ h ə l oʊ ]]"])
def test_nothing_to_say_is_a_clear_error(services, odd):
    with pytest.raises(InvalidInput, match="nothing to say"):
        speech.speak_reply(services, AGENT, odd)


def test_the_speak_command_writes_a_wav_offline(tmp_path):
    out = tmp_path / "reply.wav"
    done = subprocess.run([sys.executable, "-m", "services", "speak", "Thanks for waiting, Anna!", "--out", str(out)],
                          cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120,
                          env={"PATH": "/usr/bin:/bin", "FRONTLINE_DB_PATH": str(tmp_path / "x.db"),
                               "HF_HUB_OFFLINE": "1"})
    assert done.returncode == 0, done.stderr
    printed = json.loads(done.stdout)
    assert printed["out"] == str(out) and printed["voice"] == "piper en_US-joe-medium" and printed["duration_s"] > 1
    assert out.read_bytes()[:4] == b"RIFF"


def test_the_speak_command_explains_a_missing_folder(tmp_path):
    done = subprocess.run([sys.executable, "-m", "services", "speak", "Hello", "--out", str(tmp_path / "no" / "a.wav")],
                          cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "does not exist" in done.stderr
