"""Reply suggestions and article drafts from an OpenAI-compatible endpoint (Ollama, vLLM, llama.cpp's server).

The same prompts and the same checks as Bedrock (services/adapters/llm_text.py, services/adapters/draft_text.py):
text is masked again before it is sent (payment data redacted, PII replaced by its kind), customer text goes inside
tags the system prompt declares to be data, every reply is fact-checked and every drafted sentence must name a source
that was sent and be supported by it. The answer is held to JSON by the server (openai_json_mode: a JSON schema, JSON
mode, or the prompt alone for servers that support neither); anything the checks cannot use is ProviderUnavailable,
and the Fallback that bootstrap puts around a remote provider asks the local one.
"""

from __future__ import annotations

from typing import Any

from services.adapters.draft_text import DRAFT_SCHEMA, DRAFT_SYSTEM_PROMPT, checked_draft, draft_prompt, prompt_sources
from services.adapters.llm_text import REPLY_SCHEMA, REPLY_SYSTEM_PROMPT, checked_replies, reply_prompt
from services.adapters.openai_compat.client import LABEL, ChatClient
from services.adapters.reply_facts import reply_facts
from services.config import Settings
from services.errors import InvalidInput
from services.models import ArticleDraft, DraftRequest, ReplyContext, Suggestion
from services.ports import PiiDetector
from services.privacy import mask, redact_payment_data

PROVIDER = "openai"
REPLY_MAX_TOKENS = 400


class _OpenAIAdapter:
    def __init__(self, settings: Settings, pii: PiiDetector | None = None, client: ChatClient | None = None) -> None:
        self._settings = settings
        self._pii = pii
        self._client = client or ChatClient(settings)


class OpenAIReplyGenerator(_OpenAIAdapter):
    """Grounded reply suggestions; a reply's source is "kb:<id>" of a passage given, else "openai:<model>"."""

    def suggest(self, context: ReplyContext, k: int = 3) -> list[Suggestion]:
        """Up to k suggestions, best first.

        Raises:
            InvalidInput: the masked text is empty.
            ProviderUnavailable: the endpoint cannot answer, or no reply it wrote passed the fact check.
        """
        facts: dict[str, Any] = reply_facts(context)
        text = str(facts.get("masked_text") or "")
        if not text.strip():
            raise InvalidInput("text is empty: nothing to answer")
        redacted = redact_payment_data(text)
        facts["masked_text"] = mask(redacted, self._pii.find(redacted)) if self._pii is not None else redacted
        raw = self._client.complete(REPLY_SYSTEM_PROMPT, reply_prompt(facts, k),
                                    max_tokens=min(REPLY_MAX_TOKENS, self._settings.openai_max_tokens),
                                    temperature=0.3, schema_name="replies", schema=REPLY_SCHEMA)
        return checked_replies(raw, facts, k, LABEL, f"{PROVIDER}:{self._client.model}")


class OpenAIArticleDrafter(_OpenAIAdapter):
    """A knowledge-base draft whose every sentence names a source that was sent and is supported by it."""

    def draft(self, request: DraftRequest) -> ArticleDraft:
        """The draft (provider "openai").

        Raises:
            InvalidInput: not a DraftRequest, or no source with text.
            ProviderUnavailable: the endpoint cannot answer, or no sentence it wrote could be traced to its source.
        """
        if not isinstance(request, DraftRequest):
            raise InvalidInput("a draft is asked for with a DraftRequest")
        sent = prompt_sources(request, self._pii)
        raw = self._client.complete(DRAFT_SYSTEM_PROMPT, draft_prompt(request, sent, self._pii),
                                    max_tokens=self._settings.openai_max_tokens, temperature=0.2,
                                    schema_name="article_draft", schema=DRAFT_SCHEMA)
        return checked_draft(raw, request, sent, LABEL, PROVIDER)
