"""Validation of free text typed by customers and agents."""

from __future__ import annotations

import re
import unicodedata

from services.errors import InvalidInput

MAX_MESSAGE_CHARS = 200_000
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def clean_text(text: str | None) -> str:
    """Validated text: NFC, no control or bidi-override characters, not empty, not huge.

    Raises:
        InvalidInput: empty after cleaning, or longer than MAX_MESSAGE_CHARS.
    """
    if text is None or not isinstance(text, str):
        raise InvalidInput("the message is empty")
    if len(text) > MAX_MESSAGE_CHARS:
        raise InvalidInput(f"the message is too long ({len(text):,} characters; the limit is {MAX_MESSAGE_CHARS:,})")
    cleaned = _CONTROL.sub(" ", unicodedata.normalize("NFC", text.replace("\r\n", "\n"))).strip()
    if not cleaned:
        raise InvalidInput("the message is empty")
    return cleaned


_TAGS = re.compile(r"<\s*/?\s*[a-zA-Z][^<>]{0,300}>")
_EMPHASIS = re.compile(r"(\*\*|__|~~|`+)")


def plain_for_models(text: str) -> str:
    """What the language models read: markup removed (HTML tags, markdown emphasis), words kept.

    The stored and displayed text keeps the markup literally; this only stops tags such as
    ``<script>`` from steering intent or sentiment.
    """
    return re.sub(r"\s{2,}", " ", _EMPHASIS.sub("", _TAGS.sub(" ", text))).strip() or text
