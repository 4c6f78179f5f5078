"""Issue 13.2: channel shaping never changes a fact. Every template and every KB snippet, on every channel.

"The set of numbers in the reply before and after shaping is equal": numbers, ranges, dates, amounts and
identifiers survive voice, chat, email and social shaping (social removes only private identifiers, on purpose).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from services.adapters.local.kb_search import snippet, split_passages
from services.adapters.local.replies import _PRIVATE, apology, kb_body, kb_reply, shape
from services.adapters.local.reply_library import load_libraries
from services.config import Settings
from services.grounding import numbers_in

CHANNELS = ["chat", "email", "social", "voice"]
ROOT = Path(__file__).resolve().parents[3]
LIBRARIES = load_libraries(ROOT / "data" / "responses")
TEMPLATES = [t for library in LIBRARIES.values() for t in library.templates]
SLOTS = {"first_name": "Dana", "order_number": "BW-104233", "tracking_number": "BWT204918337",
         "order_status": "running late", "eta": "Tuesday 3 March", "product": "CrispWave 5.5L Air Fryer",
         "amount": "$1,299.00", "claimed_amount": "$9,999", "claimed_order": "BW-200318",
         "latest_order": "BW-130482", "agent_name": "Priya Natarajan", "kb_title": "Shipping times and costs 2–4"}


def _articles() -> list[tuple[str, str]]:
    found = []
    for path in sorted((ROOT / "data" / "kb").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        title = re.search(r"^title:\s*(.+)$", text, re.M)[1]
        found.append((title, text.split("---", 2)[2]))
    return found


SNIPPETS = [(title, snippet(passage)) for title, body in _articles() for passage in split_passages(body)]


def _expected(text: str, channel: str) -> set[str]:
    return numbers_in(_PRIVATE.sub(" ", text) if channel == "social" else text)


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("sentiment", ["neutral", "negative"])
def test_shaping_keeps_every_number_of_every_template(channel, sentiment):
    context = {"channel": channel, "sentiment": sentiment}
    for template in TEMPLATES:
        body = template.text.format_map(SLOTS)
        source = f"library:{template.slug}/{template.id}"
        lead = apology(body, context, template.tone, source)
        shaped = shape(body, context, SLOTS, template.tone, lead)
        assert numbers_in(shaped) == _expected(body, channel), (source, shaped)
        if channel == "voice":
            assert not re.search(r"\d[–—]\d", shaped)


@pytest.mark.parametrize("channel", CHANNELS)
def test_shaping_keeps_every_number_of_every_kb_snippet(channel):
    assert len(SNIPPETS) >= 45
    for title, text in SNIPPETS:
        hit = {"article_id": 1, "title": title, "snippet": text, "score": 0.9}
        context = {"channel": channel, "sentiment": "negative", "kb": [hit]}
        suggestion = kb_reply(context, {})
        assert numbers_in(suggestion.text) == _expected(kb_body(context, hit), channel), suggestion.text


def test_every_shipped_template_is_checked():
    assert len(TEMPLATES) >= 99 and Settings().resolve("data").exists()
