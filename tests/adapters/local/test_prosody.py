"""Emotion from the voice on speech Debian's espeak-ng synthesises in the test: a higher pitch (-p), a louder voice
(-a) and a faster one (-s) must each move their own cue, and only it; the text sentiment and the voice combine into
the call's trend with a plain-words explanation."""

from __future__ import annotations

import os
import shutil
import subprocess
import wave

import numpy as np
import pytest

from services.errors import InvalidInput
from services.prosody import measure
from services.voice_emotion import CallEmotion, read

SENTENCE = "I have been waiting for my refund for three weeks and nobody has called me back"


@pytest.fixture(scope="module")
def say(tmp_path_factory):
    if shutil.which("espeak-ng") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("espeak-ng missing under CI (.ci/run installs it)")
        pytest.skip("Debian's espeak-ng is not installed")
    folder = tmp_path_factory.mktemp("prosody")

    def spoken(*options: str, text: str = SENTENCE) -> tuple[np.ndarray, int]:
        out = folder / f"{'_'.join(options) or 'plain'}-{len(text)}.wav"
        subprocess.run(["espeak-ng", "-w", str(out), *options, text], check=True, timeout=30)
        with wave.open(str(out)) as w:
            return np.frombuffer(w.readframes(w.getnframes()), "<i2"), w.getframerate()

    return spoken


@pytest.fixture(scope="module")
def plain(say):
    return measure(*say(), SENTENCE)


def test_a_higher_voice_moves_pitch_not_loudness_or_rate(say, plain):
    high = measure(*say("-p", "80"), SENTENCE)
    assert high.pitch_hz > plain.pitch_hz * 1.2
    assert abs(high.loudness_db - plain.loudness_db) < 2 and abs(high.words_per_s / plain.words_per_s - 1) < 0.1


def test_a_louder_voice_moves_loudness_not_pitch(say, plain):
    loud = measure(*say("-a", "180"), SENTENCE)
    assert loud.loudness_db > plain.loudness_db + 3
    assert abs(loud.pitch_hz / plain.pitch_hz - 1) < 0.05


def test_a_faster_voice_moves_the_speaking_rate_by_words_and_by_syllables(say, plain):
    fast = measure(*say("-s", "260"), SENTENCE)
    assert fast.words_per_s > plain.words_per_s * 1.3 and fast.syllables_per_s > plain.syllables_per_s * 1.2
    assert abs(fast.pitch_hz / plain.pitch_hz - 1) < 0.05 and abs(fast.loudness_db - plain.loudness_db) < 2


def test_overtalk_counts_the_seconds_both_channels_speak(say):
    caller, rate = say()
    agent = np.zeros_like(caller)
    agent[rate: 3 * rate] = caller[: 2 * rate]  # the agent speaks over the caller from 1 s to 3 s
    both = measure(caller, rate, SENTENCE, agent)
    assert 1.2 < both.overtalk_s <= 2.0
    assert measure(caller, rate, SENTENCE).overtalk_s == 0.0


def test_an_agitated_caller_is_read_as_such_and_the_cues_are_explained(say):
    call = CallEmotion()
    start = call.add(*say(), -0.1, SENTENCE)
    again = call.add(*say(), -0.1, SENTENCE)
    third = call.add(*say(), -0.1, SENTENCE)
    upset = call.add(*say("-p", "85", "-a", "190", "-s", "240"), -0.6, SENTENCE)
    assert start.baseline and "caller's start" in start.explanation and start.label == "calm"
    assert again.baseline and third.baseline  # the start is the first 10 s of speech: 4 s, 8 s, then 12 s
    assert upset.label == "agitated" and upset.arousal == 1.0 and upset.emotion == -1.0
    names = [c.name for c in upset.cues if c.weight >= 0.5]
    assert {"pitch", "loudness", "speaking rate"} <= set(names), upset.cues
    assert "above the caller's start" in upset.explanation and "louder than the first 10 s" in upset.explanation
    assert "faster than at the start" in upset.explanation and "words per second" in upset.explanation
    assert call.trend == (start.emotion, again.emotion, third.emotion, -1.0) and start.emotion > -0.2


def test_a_calm_repeat_after_the_start_has_no_cue(say):
    call = CallEmotion(baseline_s=2.0)
    call.add(*say(), 0.0, SENTENCE)
    later = call.add(*say(), 0.0, SENTENCE)
    assert not later.baseline and later.arousal < 0.2 and later.label == "calm"
    assert later.explanation == "voice as at the caller's start"


def test_a_positive_sentence_said_excitedly_stays_positive(say, plain):
    excited = measure(*say("-p", "85", "-a", "190"), SENTENCE)
    reading = read(excited, plain, 0.8)
    assert reading.label == "animated" and reading.emotion > 0.6


@pytest.mark.parametrize(("samples", "rate", "message"), [
    (np.zeros((2, 16_000)), 16_000, "one channel"),
    (np.zeros(16_000), 4_000, "at least 8000 Hz"),
    (np.zeros(100), 16_000, "less than 0.1 s"),
])
def test_audio_it_cannot_measure_is_refused_clearly(samples, rate, message):
    with pytest.raises(InvalidInput, match=message):
        measure(samples, rate)


def test_silence_noise_and_nan_give_a_reading_without_pitch_and_never_crash():
    rng = np.random.default_rng(1)
    for samples in (np.zeros(16_000), rng.normal(0, 0.3, 16_000), np.full(16_000, np.nan)):
        prosody = measure(samples, 16_000)
        assert prosody.pitch_hz is None and prosody.words_per_s is None
        reading = CallEmotion().add(samples, 16_000, 0.0)
        assert -1 <= reading.emotion <= 1


def test_ten_minutes_of_audio_are_cut_to_the_first_minute(say):
    caller, rate = say()
    long = np.tile(caller, int(600 * rate / caller.size) + 1)  # ten minutes
    prosody = measure(long, rate)
    assert prosody.cut and prosody.duration_s == 60.0
