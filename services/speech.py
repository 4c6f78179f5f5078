"""Spoken replies: a suggested reply (or the agent's draft) read aloud by the configured TextToSpeech provider.

Whatever the agent has in front of them may be odd text: empty, 10,000 characters, emoji, SSML-like markup. Before
any provider sees it, ``speakable`` drops markup tags, piper's ``[[phoneme]]`` blocks, emoji and control
characters, refuses text with nothing left to say, and cuts long text at a sentence end (else a word end) within
``tts_max_chars``, so one click costs a bounded few seconds of synthesis.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import replace

from services.bootstrap import Services
from services.errors import InvalidInput
from services.models import Speech, User
from services.permissions import require

MAX_INPUT_CHARS = 50_000  # read no further than this: a reply is far shorter, and the cleaning stays linear
_TAG = re.compile(r"<[^<>]{0,500}>")  # <speak>, <break time="1s"/>, <prosody …>: spoken as nothing
_PHONEMES = re.compile(r"\[\[[^\[\]]{0,500}\]\]")  # piper's raw-phoneme syntax: never taken from a reply
_STRAY_MARKUP = str.maketrans("[]<>", "    ")  # left over from unclosed tags or blocks
_SPACE = re.compile(r"\s+")
_SPACE_BEFORE_MARK = re.compile(r" ([,.;:!?])")  # left where a tag or an emoji stood: "Anna </b>," → "Anna,"
_SENTENCE_END = re.compile(r"[.!?…](?=\s)")
_KEPT_SYMBOLS = frozenset("Sc Sm".split())  # currency and maths signs are read out (£, +); emoji and dingbats not


def speakable(text: object, max_chars: int) -> tuple[str, bool]:
    """The text as it will be spoken, and whether it was cut to fit ``max_chars``.

    Raises:
        InvalidInput: not text, or nothing is left to say once markup, emoji and symbols are dropped.

    Example: ``speakable("<speak>Hi 👋 Anna!</speak>", 600)`` → ("Hi Anna!", False)
    """
    if not isinstance(text, str):
        raise InvalidInput("only text can be spoken")
    cleaned = _SPACE.sub(" ", _without_symbols(_without_markup(text[:MAX_INPUT_CHARS]))).strip()
    cleaned = _SPACE_BEFORE_MARK.sub(r"\1", cleaned)
    if not any(c.isalnum() for c in cleaned):
        raise InvalidInput("nothing to say: the reply is empty or holds only markup, emoji or symbols")
    if len(cleaned) <= max_chars:
        return cleaned, len(text) > MAX_INPUT_CHARS
    return _cut(cleaned, max_chars), True


def _without_markup(text: str) -> str:
    text = _PHONEMES.sub(" ", _TAG.sub(" ", text))
    text = _TAG.sub(" ", html.unescape(text))  # &lt;tag&gt; is markup too
    return text.translate(_STRAY_MARKUP)


def _without_symbols(text: str) -> str:
    return "".join(" " if _dropped(c) else c for c in text)


def _dropped(char: str) -> bool:
    category = unicodedata.category(char)
    if char.isspace():
        return False
    return category[0] == "C" or (category[0] == "S" and category not in _KEPT_SYMBOLS)


def _cut(text: str, max_chars: int) -> str:
    """At the last sentence end within max_chars (if that keeps at least half), else the last word end."""
    head = text[: max_chars + 1]
    ends = [m.end() for m in _SENTENCE_END.finditer(head) if m.end() <= max_chars]
    if ends and ends[-1] >= max_chars // 2:
        return head[: ends[-1]]
    space = head.rfind(" ")
    return head[:space] if space > 0 else head[:max_chars]


def speak_reply(services: Services, user: User, text: object) -> Speech:
    """A reply read aloud by the configured voice (local piper, or Polly), after ``speakable``.

    Raises:
        PermissionDenied: the user's role may not reply to customers.
        InvalidInput: nothing to say (see ``speakable``).
        ProviderUnavailable: the voice cannot be loaded or reached.

    Example: ``speak_reply(services, agent, "Your refund is on its way.").audio`` → b"RIFF…WAVE…"
    """
    require(user, "conversation.reply")
    spoken, truncated = speakable(text, services.settings.tts_max_chars)
    return replace(services.tts.synthesize(spoken), text=spoken, truncated=truncated)
