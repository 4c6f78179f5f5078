"""Shared rules for what a suggested reply may state: relevance of KB hits, amounts from our records, numbers.

Imported by the assist pipeline and by the reply adapters (local templates and Bedrock), so that both
apply the same threshold and the same notion of "a number in a reply".
"""

from __future__ import annotations

import re

KB_MIN_SCORE = 0.5  # below this a KB hit is off-topic: off-topic messages scored <= 0.43 (docs/retrieval.md)
SYMBOLS = {"USD": "$", "GBP": "£", "EUR": "€"}
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def relevant_hits(hits: list, min_score: float = KB_MIN_SCORE) -> list:
    """KB hits (objects or dicts with a score) at or above the relevance threshold, order kept."""
    def score(hit: object) -> float:
        value = hit.get("score", 0) if isinstance(hit, dict) else getattr(hit, "score", 0)
        return float(value or 0)
    return [hit for hit in hits if score(hit) >= min_score]


def money(total: float, currency: str) -> str:
    """An amount from our records as a customer reads it: '$1,299.00', '£47.98', '12.00 CHF'."""
    symbol = SYMBOLS.get(currency.upper())
    return f"{symbol}{total:,.2f}" if symbol else f"{total:,.2f} {currency}"


def numbers_in(text: str) -> set[str]:
    """Every number written in the text ('3', '5', '47.98', '104233'), for checks that shaping kept them all."""
    return set(_NUMBER.findall(text))
