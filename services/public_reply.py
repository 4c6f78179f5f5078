"""What a public social post may say (shared by the suggested replies' social shaping,
services/adapters/local/replies.py, and the social channel's outbound replies, services/social.py): private
identifiers (order numbers, e-mail addresses, phone numbers) removed, at most SOCIAL_MAX_CHARS in whole sentences, and
an invitation to continue in a private message."""

from __future__ import annotations

import re

SOCIAL_MAX_CHARS = 280
DM_INVITE = "Send us a DM with your order number and we'll look into it straight away."
DM_INVITE_SHORT = "DM us your order number and we'll help."
PRIVATE = re.compile(r"\bBWT?-?\d{6,}\b|(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)++|(?<![\d+])\+?\d(?:[ ()-]*+\d){6,}")  # linear


def shorten(text: str, limit: int) -> str:
    """Whole sentences up to the limit (the first one cut at a word with an ellipsis if it alone is too long)."""
    kept = ""
    for sentence in re.split(r"(?<=[.!?])\s+", text.strip()):
        if len(f"{kept} {sentence}".strip()) > limit:
            break
        kept = f"{kept} {sentence}".strip()
    return kept or text[:limit - 1].rsplit(" ", 1)[0] + "…"


def public_safe(text: str, invite: bool = True) -> str:
    """A reply fit for a public post: private identifiers removed, an invitation to DM added (unless told not to).

    The short invitation is used when the long one would push a sentence of the reply out.
    """
    text = " ".join(PRIVATE.sub(" ", text).split())
    if "DM" in text or not invite:
        return shorten(text, SOCIAL_MAX_CHARS)
    invitation = next((i for i in (DM_INVITE, DM_INVITE_SHORT) if len(text) + 1 + len(i) <= SOCIAL_MAX_CHARS),
                      DM_INVITE_SHORT)
    return f"{shorten(text, SOCIAL_MAX_CHARS - 1 - len(invitation))} {invitation}"
