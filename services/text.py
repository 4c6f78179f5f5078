"""Validation of free text typed by customers and agents."""

from __future__ import annotations

import re
import unicodedata

from services.errors import InvalidInput
from services.privacy import redact_payment_data

MAX_MESSAGE_CHARS = 200_000
# C0/C1 controls, zero-width and bidi-override characters, soft hyphen, word joiners, BOM. ZWJ (\u200d) is kept:
# it joins emoji sequences such as 👨‍👩‍👧.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u200b\u200c\u200e\u200f\u202a-\u202e"
                      r"\u2060-\u2064\u2066-\u2069\ufeff]")
_EMOJI = "\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F"
_STRAY_ZWJ = re.compile(f"\u200d(?![{_EMOJI}])|(?<![{_EMOJI}])\u200d")  # a joiner not inside an emoji sequence
_SURROGATE = re.compile(r"[\ud800-\udfff]")  # half an emoji, e.g. from a truncated JSON payload
# Unicode TAG characters are invisible: text written in them reaches a model unseen by the agent (prompt injection).
_TAG_CHARS = re.compile("[\U000e0000-\U000e007f]")


def clean_text(text: str | None) -> str:
    """Validated text: NFC, no control, bidi-override or tag characters, card data redacted, not empty, not huge.

    Card numbers (all but the last four digits), expiry dates and CVV codes are replaced here, so every path that
    stores or analyses a message (inbox, the agent's replies and notes, the CLI) never holds them.

    The length limit applies to the text as it will be stored, after normalisation (NFC can make a text three
    times longer, e.g. U+FB2C), so a caller that validates first never stores something that is then refused.

    Raises:
        InvalidInput: not text, empty after cleaning, or longer than MAX_MESSAGE_CHARS before or after cleaning.
    """
    if text is None:
        raise InvalidInput("the message is empty")
    if not isinstance(text, str):
        raise InvalidInput(f"the message must be text; got {type(text).__name__}")
    if len(text) > MAX_MESSAGE_CHARS:
        raise InvalidInput(f"the message is too long ({len(text):,} characters; the limit is {MAX_MESSAGE_CHARS:,})")
    text = _TAG_CHARS.sub("", _SURROGATE.sub("\ufffd", text))
    cleaned = _CONTROL.sub(" ", unicodedata.normalize("NFC", text.replace("\r\n", "\n")))
    cleaned = _STRAY_ZWJ.sub(" ", cleaned).strip()
    cleaned = redact_payment_data(cleaned)
    if len(cleaned) > MAX_MESSAGE_CHARS:
        raise InvalidInput(f"the message is too long once normalised ({len(cleaned):,} characters; "
                           f"the limit is {MAX_MESSAGE_CHARS:,})")
    if not any(unicodedata.category(ch)[0] not in "CZ" for ch in cleaned):  # nothing visible left
        raise InvalidInput("the message is empty")
    return cleaned


_TAGS = re.compile(r"<\s*/?\s*[a-zA-Z][^<>]{0,300}>")
_EMPHASIS = re.compile(r"(\*\*|__|~~|`+)")


def plain_for_models(text: str) -> str:
    """What the language models read: markup removed (HTML tags, markdown emphasis), words kept.

    The stored and displayed text keeps the markup literally; this only stops tags such as
    ``<script>`` from steering intent or sentiment.
    """
    if not isinstance(text, str):
        raise InvalidInput(f"the message must be text; got {type(text).__name__}")
    return re.sub(r"\s{2,}", " ", _EMPHASIS.sub("", _TAGS.sub(" ", text))).strip() or text
