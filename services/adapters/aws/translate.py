"""Amazon Translate: any pair of the seed languages (and many more), through TranslateText.

TranslateText takes at most 10,000 UTF-8 bytes per request, so a long article is sent in pieces cut at paragraph
breaks (a paragraph longer than that at line, then sentence, then character boundaries) and joined again with the
same separators. The caller masks PII first (services/translation.py): nothing here sees raw customer data.
"""

from __future__ import annotations

import re
from typing import Any

from services.adapters.aws.clients import make_client, require_text, translated_errors
from services.config import Settings
from services.errors import InvalidInput
from services.models import SEED_LANGUAGES, Translation

LABEL = "AWS Translate"
MAX_REQUEST_BYTES = 10_000  # TranslateText's limit per request
MAX_CHARS = 100_000  # the longest article body: at most a few dozen requests
_BREAKS = (re.compile(r"(\n\s*\n)"), re.compile(r"(\n)"), re.compile(r"(?<=[.!?])(\s+)"))


class AmazonTranslator:
    """TranslateText between any two seed languages (Amazon Translate supports every such pair)."""

    name = "aws"

    def __init__(self, settings: Settings | None = None, client: Any = None, batch: bool = False) -> None:
        self._client = client if client is not None else make_client("translate", settings or Settings(), batch=batch)

    def pairs(self) -> list[tuple[str, str]]:
        return [(a, b) for a in SEED_LANGUAGES for b in SEED_LANGUAGES if a != b]

    def translate(self, text: str, source: str, target: str) -> Translation:
        text = require_text(text)
        if len(text) > MAX_CHARS:
            raise InvalidInput(f"the text is too long to translate ({len(text):,} characters; the limit is "
                               f"{MAX_CHARS:,})")
        if source == target:
            return Translation(text, source, target, self.name)
        pieces = [self._piece(piece, source, target) if piece.strip() else piece for piece in split_text(text)]
        return Translation("".join(pieces), source, target, self.name)

    def _piece(self, text: str, source: str, target: str) -> str:
        with translated_errors(LABEL):
            answer = self._client.translate_text(Text=text, SourceLanguageCode=source, TargetLanguageCode=target)
        return str(answer.get("TranslatedText", ""))


def split_text(text: str, limit: int = MAX_REQUEST_BYTES) -> list[str]:
    """text cut into pieces of at most limit UTF-8 bytes that join back to text exactly; the separators (blank
    lines, line breaks, the space after a sentence) are pieces of their own, so they are never sent."""
    return _split(text, limit, 0)


def _split(text: str, limit: int, level: int) -> list[str]:
    if len(text.encode("utf-8")) <= limit:
        return [text]
    if level == len(_BREAKS):
        return _by_characters(text, limit)
    parts = _BREAKS[level].split(text)  # odd positions hold the separators
    if len(parts) == 1:
        return _split(text, limit, level + 1)
    out: list[str] = []
    current = ""
    for index, part in enumerate(parts):
        if index % 2:  # a separator: ends the current piece
            continue
        joined = current + (parts[index - 1] if index else "") + part if current else part
        if current and len(joined.encode("utf-8")) > limit:
            out.extend(_split(current, limit, level + 1))
            out.append(parts[index - 1])
            current = part
        else:
            if not current and index:
                out.append(parts[index - 1])
            current = joined
    out.extend(_split(current, limit, level + 1))
    return out


def _by_characters(text: str, limit: int) -> list[str]:
    out: list[str] = []
    current: list[str] = []
    size = 0
    for char in text:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            out.append("".join(current))
            current, size = [], 0
        current.append(char)
        size += width
    out.append("".join(current))
    return out
