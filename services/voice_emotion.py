"""A call's emotion from the caller's voice and words: each final segment's prosody (services/prosody.py) is compared
with the caller's own start (their first BASELINE_S seconds of speech: voices differ, so only change is a cue), the
changes make an arousal from 0 (as calm as at the start) to 1, and arousal with the segment's text sentiment makes the
point on the call's emotion trend. Every cue says in plain words what it measured.

    arousal = min(1, sum of the cues' weights / 2)   (each cue 0 … 1; two cues at full weight: fully aroused)
    tension = arousal × (1 − sentiment) / 2          (sentiment: positive − negative, from −1 to 1)
    emotion = clip(sentiment − tension, −1, 1)       (the trend's value: below 0 upset, above 0 content)

So a loud, fast, high voice pulls a neutral sentence down to −0.5 and an angry one to −1, while a positive sentence
said excitedly stays positive. The call session (live or recorded) keeps one ``CallEmotion`` per call:

    emotion = CallEmotion()
    reading = emotion.add(pcm, 16_000, sentiment_value(analysis.sentiment), text, agent_pcm)
    reading.explanation  # "pitch 40 % above the caller's start (146 Hz vs 104 Hz); louder than the first 10 s (+5 dB)"
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from services.models import Sentiment
from services.prosody import Prosody, measure

BASELINE_S = 10.0  # the caller's first seconds of speech are their baseline
# the change at which each cue counts fully (arousal 1): +30 % pitch, +6 dB, 1.8x pitch spread, +30 % speaking rate
FULL_PITCH, FULL_LOUDNESS_DB, FULL_SPREAD, FULL_RATE = 0.30, 6.0, 0.8, 0.30
FULL_OVERTALK_S = 2.0  # two seconds of talking over the agent in one segment counts fully
NOTICED = 0.25  # a cue is named in the explanation from this share of its full weight


@dataclass(frozen=True)
class Cue:
    name: str  # pitch | loudness | pitch variation | speaking rate | overtalk
    weight: float  # 0 (no change from the caller's start, or lower) to 1 (the full change above)
    explanation: str  # what was measured, in plain words


@dataclass(frozen=True)
class EmotionReading:
    """One segment's point on the call's emotion trend."""

    start_s: float  # seconds from the start of the call
    emotion: float  # −1 (upset) … 1 (content): the trend's value
    arousal: float  # 0 … 1 from the voice alone
    sentiment: float  # the text's, −1 … 1
    label: str  # calm | unhappy | animated | agitated
    cues: tuple[Cue, ...]  # every cue, strongest first
    prosody: Prosody
    baseline: bool  # this segment is (part of) the caller's start: its voice is the reference

    @property
    def explanation(self) -> str:
        """The cues that moved, in plain words; what the reading rests on when none did."""
        if self.baseline:
            return "the caller's start: later segments are compared with this voice"
        moved = [c.explanation for c in self.cues if c.weight >= NOTICED]
        return "; ".join(moved) if moved else "voice as at the caller's start"


def sentiment_value(sentiment: Sentiment) -> float:
    """A text sentiment as one number: positive − negative, −1 … 1."""
    return round(sentiment.scores.get("positive", 0.0) - sentiment.scores.get("negative", 0.0), 3)


@dataclass
class CallEmotion:
    """The emotion trend of one call; not shared between threads (one call session owns it)."""

    baseline_s: float = BASELINE_S
    readings: list[EmotionReading] = field(default_factory=list, init=False)
    _start: list[Prosody] = field(default_factory=list, init=False, repr=False)  # the segments of the caller's start
    _elapsed: float = field(default=0.0, init=False, repr=False)  # seconds of the caller's audio so far

    def add(self, samples: np.ndarray, sample_rate: int, sentiment: float, text: str = "",
            agent: np.ndarray | None = None) -> EmotionReading:
        """The next caller segment's reading. Raises InvalidInput as ``prosody.measure``."""
        prosody = measure(samples, sample_rate, text, agent)
        in_start = sum(p.speech_s for p in self._start) < self.baseline_s and prosody.voiced_s > 0
        if in_start:
            self._start.append(prosody)
        reading = read(prosody, _reference(self._start), sentiment, self._elapsed, in_start)
        self._elapsed += prosody.duration_s
        self.readings.append(reading)
        return reading

    @property
    def trend(self) -> tuple[float, ...]:
        return tuple(r.emotion for r in self.readings)


def read(prosody: Prosody, start: Prosody | None, sentiment: float, at_s: float = 0.0,
         baseline: bool = False) -> EmotionReading:
    """One segment's reading against the caller's start (None: no voiced start yet, so only overtalk counts)."""
    sentiment = float(np.clip(sentiment, -1.0, 1.0))
    cues = sorted(_cues(prosody, start) if start is not None and not baseline else [_overtalk(prosody)],
                  key=lambda c: -c.weight)
    arousal = min(1.0, sum(c.weight for c in cues) / 2)  # two cues at full weight: fully aroused
    emotion = round(float(np.clip(sentiment - arousal * (1 - sentiment) / 2, -1.0, 1.0)), 3)
    return EmotionReading(at_s, emotion, round(arousal, 3), sentiment, _label(arousal, sentiment), tuple(cues),
                          prosody, baseline)


def _reference(start: list[Prosody]) -> Prosody | None:
    """The caller's start as one Prosody: each measure averaged over the start's segments, weighted by voiced time."""
    voiced = [p for p in start if p.voiced_s > 0]
    if not voiced:
        return None
    weights = np.array([p.voiced_s for p in voiced])

    def mean(values: list[float | None]) -> float | None:
        kept = [(v, w) for v, w in zip(values, weights, strict=True) if v is not None]
        return float(np.average([v for v, _ in kept], weights=[w for _, w in kept])) if kept else None

    return Prosody(sum(p.duration_s for p in voiced), sum(p.speech_s for p in voiced), float(weights.sum()),
                   mean([p.loudness_db for p in voiced]) or 0.0, mean([p.pitch_hz for p in voiced]),
                   mean([p.pitch_spread_st for p in voiced]), mean([p.syllables_per_s for p in voiced]) or 0.0,
                   mean([p.words_per_s for p in voiced]))


def _cues(now: Prosody, start: Prosody) -> list[Cue]:
    return [_pitch(now, start), _loudness(now, start), _spread(now, start), _rate(now, start), _overtalk(now)]


def _weight(change: float, full: float) -> float:
    return round(float(np.clip(change / full, 0.0, 1.0)), 3)


def _pitch(now: Prosody, start: Prosody) -> Cue:
    if now.pitch_hz is None or start.pitch_hz is None:
        return Cue("pitch", 0.0, "pitch: too little voiced speech to measure")
    change = now.pitch_hz / start.pitch_hz - 1
    side = "above" if change >= 0 else "below"
    return Cue("pitch", _weight(change, FULL_PITCH), f"pitch {abs(change):.0%} {side} the caller's start "
               f"({now.pitch_hz:.0f} Hz vs {start.pitch_hz:.0f} Hz)".replace("%", " %"))


def _loudness(now: Prosody, start: Prosody) -> Cue:
    change = now.loudness_db - start.loudness_db
    words = "louder than" if change >= 0 else "quieter than"
    return Cue("loudness", _weight(change, FULL_LOUDNESS_DB),
               f"{words} the first {BASELINE_S:.0f} s ({change:+.0f} dB)")


def _spread(now: Prosody, start: Prosody) -> Cue:
    if now.pitch_spread_st is None or not start.pitch_spread_st:
        return Cue("pitch variation", 0.0, "pitch variation: too little voiced speech to measure")
    ratio = now.pitch_spread_st / start.pitch_spread_st
    return Cue("pitch variation", _weight(ratio - 1, FULL_SPREAD),
               f"pitch varies {ratio:.1f}× as much as at the start ({now.pitch_spread_st:.1f} vs "
               f"{start.pitch_spread_st:.1f} semitones)")


def _rate(now: Prosody, start: Prosody) -> Cue:
    """Words per second when both have a transcript (the steadier measure), else syllable nuclei per second."""
    by_words = now.words_per_s is not None and start.words_per_s is not None
    unit, mine, theirs = (("words", now.words_per_s, start.words_per_s) if by_words
                          else ("syllables", now.syllables_per_s, start.syllables_per_s))
    if not mine or not theirs:
        return Cue("speaking rate", 0.0, "speaking rate: too little speech to measure")
    change = mine / theirs - 1
    words = "faster" if change >= 0 else "slower"
    return Cue("speaking rate", _weight(change, FULL_RATE),
               f"speaking {abs(change):.0%} {words} than at the start ({mine:.1f} vs {theirs:.1f} {unit} "
               "per second)".replace("%", " %"))


def _overtalk(now: Prosody) -> Cue:
    return Cue("overtalk", _weight(now.overtalk_s, FULL_OVERTALK_S),
               f"talked over the agent for {now.overtalk_s:.1f} s" if now.overtalk_s else "no overtalk")


def _label(arousal: float, sentiment: float) -> str:
    if arousal >= 0.5:
        return "agitated" if sentiment < 0.2 else "animated"
    return "unhappy" if sentiment <= -0.2 else "calm"
