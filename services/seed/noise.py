"""Make template text read like real traffic: typos, slang, emoji, shouting, and voice transcripts.

Every function leaves {slots} untouched, so order numbers, emails and card numbers stay exact once filled in.
"""

from __future__ import annotations

import random
import re

SLOT = re.compile(r"(\{\w+\})")
TOKEN = re.compile(r"\S+")
PLAIN_WORD = re.compile(r"^[A-Za-z]{4,}[,.!?]*$")
SLANG = (("you", "u"), ("your", "ur"), ("please", "pls"), ("thanks", "thx"), ("because", "bc"), ("really", "rly"),
         ("are", "r"), ("tomorrow", "tmrw"), ("people", "ppl"), ("before", "b4"), ("though", "tho"),
         ("something", "smth"), ("to be honest", "tbh"), ("I don't know", "idk"), ("don't", "dont"), ("I'm", "im"),
         ("can't", "cant"), ("what's", "whats"), ("okay", "ok"), ("going to", "gonna"))
EMOJI = {"angry": ("😡", "😤", "🙄", "🤬", "👎"), "frustrated": ("😩", "🙄", "😕", "😬"),
         "happy": ("😍", "🙏", "🎉", "😊", "💙", "👍"), "neutral": ("🙂", "😅", "🙃", "👍")}
HASHTAGS = {"angry": ("#fail", "#customerservice", "#neveragain"), "frustrated": ("#stillwaiting", "#whereismyorder"),
            "happy": ("#happycustomer", "#brightwave"), "neutral": ("",)}
FILLERS = ("um", "uh", "like", "you know", "so", "yeah", "er")


def outside_slots(text: str, change) -> str:
    """Apply change() to the parts of text that are not {slots}."""
    return "".join(part if SLOT.fullmatch(part) else change(part) for part in SLOT.split(text))


def _misspell(word: str, rng: random.Random) -> str:
    core = word.rstrip(",.!?")
    i, rest = rng.randrange(1, len(core) - 2), word[len(core):]
    kind = rng.randrange(3)
    if kind == 0:
        core = core[:i] + core[i + 1] + core[i] + core[i + 2:]
    elif kind == 1:
        core = core[:i] + core[i + 1:]
    else:
        core = core[:i] + core[i] + core[i:]
    return core + rest


def typos(text: str, rng: random.Random, rate: float) -> str:
    """Misspell some plain words (never links, numbers, handles or slots)."""
    def damage(match: re.Match) -> str:
        word = match.group(0)
        return _misspell(word, rng) if PLAIN_WORD.match(word) and rng.random() < rate else word
    return outside_slots(text, lambda part: TOKEN.sub(damage, part))


def slang(text: str, rng: random.Random, rate: float = 0.6) -> str:
    """Swap some words for chat shorthand (you -> u, please -> pls)."""
    def shorten(part: str) -> str:
        for word, short in SLANG:
            part = re.sub(rf"\b{re.escape(word)}\b", lambda m, s=short: s if rng.random() < rate else m.group(0),  # type: ignore[misc]
                          part, flags=re.IGNORECASE)
        return part
    return outside_slots(text, shorten)


def casual(text: str, rng: random.Random) -> str:
    """Lower-case start, no full stop at the end, sometimes doubled question marks."""
    if text[:1].isupper() and not text[:2].isupper() and rng.random() < 0.6:
        text = text[0].lower() + text[1:]
    text = text[:-1] if text.endswith(".") else text
    return text + "?" if text.endswith("?") and rng.random() < 0.3 else text


def shout(text: str, rng: random.Random) -> str:
    """ALL CAPS (slots kept), sometimes with extra exclamation marks."""
    loud = outside_slots(text, str.upper)
    return loud + "!!!" if rng.random() < 0.5 and not loud.endswith(("!", "?")) else loud


def with_emoji(text: str, rng: random.Random, mood: str) -> str:
    return f"{text} {rng.choice(EMOJI.get(mood, EMOJI['neutral']))}"


def with_hashtag(text: str, rng: random.Random, mood: str) -> str:
    tag = rng.choice(HASHTAGS.get(mood, ("",)))
    return f"{text} {tag}" if tag else text


def transcript(text: str, rng: random.Random, filler_rate: float = 0.1) -> str:
    """What a speech recogniser would print: lower case, no punctuation, fillers and repeats."""
    spoken = re.sub(r"[^\w\s'{}]", " ", outside_slots(text, str.lower))
    words: list[str] = []
    for word in spoken.split():
        if rng.random() < filler_rate:
            words.append(rng.choice(FILLERS))
        words.append(word)
        if rng.random() < filler_rate / 3 and not SLOT.fullmatch(word):
            words.append(word)
    return " ".join(words)
