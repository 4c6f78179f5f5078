"""Prosody of one stretch of speech, measured with numpy alone: how loud, how high, how varied and how fast it is, and
how long two channels spoke at once. services/voice_emotion.py turns these into a call's emotion trend.

    samples (mono PCM, any rate ≥ 8 kHz) ─► 40 ms frames every 10 ms ─► RMS energy (dBFS) per frame
                                                                     └► pitch by normalised autocorrelation
    voiced frames (loud enough and periodic) ─► median pitch, its spread in semitones, loudness
    energy envelope peaks in voiced stretches ─► syllable nuclei per second (or words per second from the text)

Bounded: at most MAX_SECONDS of a segment are analysed (a longer one is cut, and says so), so one call costs a few
milliseconds per second of audio whatever it is given.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from services.errors import InvalidInput

FRAME_S, HOP_S = 0.040, 0.010
MIN_PITCH_HZ, MAX_PITCH_HZ = 60.0, 400.0  # the range of speaking voices
MIN_RATE = 8_000
MAX_SECONDS = 60.0  # a live segment is a few seconds; more is cut to this
SILENCE_DB = -45.0  # frames quieter than this (dBFS) are never speech
VOICING = 0.45  # normalised autocorrelation peak above which a frame counts as periodic (voiced)
PEAK_DB = 2.0  # a syllable nucleus stands this far above the dips either side of it
MIN_SYLLABLE_GAP_S = 0.10


@dataclass(frozen=True)
class Prosody:
    """What one segment's voice measured. Pitch fields are None when too little of it was voiced."""

    duration_s: float  # of the audio analysed
    speech_s: float  # from the first to the last voiced frame
    voiced_s: float
    loudness_db: float  # mean RMS energy of the voiced frames, dBFS (0 = full scale)
    pitch_hz: float | None  # median fundamental frequency of the voiced frames
    pitch_spread_st: float | None  # standard deviation of the pitch, in semitones
    syllables_per_s: float  # energy peaks in voiced stretches per second of speech
    words_per_s: float | None  # the transcript's words per second of speech, when a transcript was given
    overtalk_s: float = 0.0  # seconds both channels were speaking (0 with one channel)
    cut: bool = False  # longer than MAX_SECONDS: only the start was analysed

    @property
    def rate(self) -> float:
        """Speaking rate: words per second when the transcript is known, else syllable nuclei per second."""
        return self.words_per_s if self.words_per_s is not None else self.syllables_per_s


def measure(samples: np.ndarray, sample_rate: int, text: str = "", other: np.ndarray | None = None) -> Prosody:
    """The prosody of one segment of the caller's speech.

    Args:
        samples: mono PCM of the caller, float in [-1, 1] or int16.
        sample_rate: samples per second, 8,000 or more.
        text: the segment's transcript, for words per second ("" when unknown).
        other: the other channel (the agent) over the same time, for overtalk; None with one channel.

    Raises:
        InvalidInput: not mono audio, a sample rate below 8 kHz, or less than 0.1 s of it.

    Example: ``measure(pcm, 16_000, "I want my money back").pitch_hz`` → 182.4
    """
    audio, cut = _prepared(samples, sample_rate)
    frames = _frames(audio, sample_rate)
    energy_db = _energy_db(frames)
    pitch, periodic = _pitch(frames, sample_rate)
    voiced = periodic & (energy_db > max(SILENCE_DB, float(np.max(energy_db)) - 35.0))
    speech_s = _speech_span(voiced)
    tones = 12 * np.log2(pitch[voiced] / 100.0) if voiced.sum() >= 5 else np.zeros(0)
    tones = tones[np.abs(tones - np.median(tones)) <= 7] if tones.size else tones  # octave slips are not variation
    words = len(text.split())
    return Prosody(
        duration_s=audio.size / sample_rate, speech_s=speech_s, voiced_s=float(voiced.sum()) * HOP_S,
        loudness_db=float(np.mean(energy_db[voiced])) if voiced.any() else float(np.max(energy_db)),
        pitch_hz=float(100.0 * 2 ** (np.median(tones) / 12)) if tones.size >= 5 else None,
        pitch_spread_st=float(np.std(tones)) if tones.size >= 5 else None,
        syllables_per_s=_syllables(energy_db, voiced) / speech_s if speech_s else 0.0,
        words_per_s=words / speech_s if words and speech_s else None,
        overtalk_s=_overtalk(audio, energy_db, other, sample_rate), cut=cut)


def _prepared(samples: np.ndarray, sample_rate: int) -> tuple[np.ndarray, bool]:
    audio = np.asarray(samples)
    if audio.ndim != 1:
        raise InvalidInput(f"prosody takes one channel of audio at a time; got an array of shape {audio.shape}")
    if not isinstance(sample_rate, int) or sample_rate < MIN_RATE:
        raise InvalidInput(f"the sample rate must be at least {MIN_RATE} Hz; got {sample_rate!r}")
    if audio.dtype == np.int16:
        audio = audio.astype(np.float32) / 32_768
    audio = np.nan_to_num(audio.astype(np.float32), nan=0.0, posinf=0.0, neginf=0.0)
    if audio.size < sample_rate // 10:
        raise InvalidInput("less than 0.1 s of audio: too short to measure the voice")
    limit = int(MAX_SECONDS * sample_rate)
    return audio[:limit], audio.size > limit


def _frames(audio: np.ndarray, rate: int) -> np.ndarray:
    size, hop = int(FRAME_S * rate), int(HOP_S * rate)
    count = 1 + max(0, (audio.size - size) // hop)
    padded = np.pad(audio, (0, max(0, size - audio.size)))
    index = np.arange(size)[None, :] + hop * np.arange(count)[:, None]
    return padded[index]


def _energy_db(frames: np.ndarray) -> np.ndarray:
    rms = np.sqrt(np.mean(frames.astype(np.float64) ** 2, axis=1))
    return 20 * np.log10(np.maximum(rms, 1e-6))


def _pitch(frames: np.ndarray, rate: int) -> tuple[np.ndarray, np.ndarray]:
    """Per frame: the lag of the highest normalised autocorrelation peak in the pitch range (refined by a parabola
    through it and its neighbours) as Hz, and whether the peak is high enough to call the frame periodic."""
    centred = (frames - frames.mean(axis=1, keepdims=True)) * np.hanning(frames.shape[1])
    size = 1 << int(np.ceil(np.log2(2 * frames.shape[1])))
    spectrum = np.fft.rfft(centred, size, axis=1)
    corr = np.fft.irfft(np.abs(spectrum) ** 2, size, axis=1)[:, : frames.shape[1]]
    window = np.fft.irfft(np.abs(np.fft.rfft(np.hanning(frames.shape[1]), size)) ** 2, size)[: frames.shape[1]]
    corr = corr / np.maximum(corr[:, :1], 1e-12) / np.maximum(window / window[0], 1e-3)  # unbiased by the window
    low, high = int(rate / MAX_PITCH_HZ), min(int(rate / MIN_PITCH_HZ), frames.shape[1] - 2)
    best = low + np.argmax(corr[:, low:high], axis=1)
    rows = np.arange(corr.shape[0])
    left, mid, right = corr[rows, best - 1], corr[rows, best], corr[rows, best + 1]
    shift = 0.5 * (left - right) / np.where(np.abs(left - 2 * mid + right) > 1e-9, left - 2 * mid + right, 1.0)
    return rate / (best + np.clip(shift, -1, 1)), mid > VOICING


def _speech_span(voiced: np.ndarray) -> float:
    found = np.flatnonzero(voiced)
    return float(found[-1] - found[0] + 1) * HOP_S if found.size else 0.0


def _syllables(energy_db: np.ndarray, voiced: np.ndarray) -> int:
    """Energy peaks standing PEAK_DB above the lowest point since the previous peak, in voiced frames, at least
    MIN_SYLLABLE_GAP_S apart (a syllable nucleus is a loud, voiced vowel)."""
    smooth = np.convolve(energy_db, np.ones(5) / 5, mode="same")
    count, last, dip = 0, -10_000, np.inf
    gap = int(MIN_SYLLABLE_GAP_S / HOP_S)
    for i in range(1, smooth.size - 1):
        dip = min(dip, smooth[i])
        if (voiced[i] and smooth[i] >= smooth[i - 1] and smooth[i] > smooth[i + 1]
                and smooth[i] - dip >= PEAK_DB and i - last >= gap):
            count, last, dip = count + 1, i, smooth[i]
    return count


def _overtalk(audio: np.ndarray, energy_db: np.ndarray, other: np.ndarray | None, rate: int) -> float:
    if other is None:
        return 0.0
    theirs, _ = _prepared(other, rate)
    their_db = _energy_db(_frames(theirs, rate))
    n = min(their_db.size, energy_db.size)
    mine_on = energy_db[:n] > max(SILENCE_DB, float(np.max(energy_db)) - 25.0)
    theirs_on = their_db[:n] > max(SILENCE_DB, float(np.max(their_db)) - 25.0)
    return float(np.sum(mine_on & theirs_on)) * HOP_S
