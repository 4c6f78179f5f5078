"""Factories for the "openai" providers (an OpenAI-compatible chat-completions endpoint), registered with
``@provider``; the registry imports this module on first use, and each factory imports its adapter only when called.
Building one makes no call: an unreachable endpoint surfaces as ProviderUnavailable on the first call, and the
Fallback asks the local provider. Settings refuse "openai" without openai_base_url and openai_model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from services.registry import provider

if TYPE_CHECKING:
    from services.adapters.openai_compat.providers import OpenAIArticleDrafter, OpenAIReplyGenerator
    from services.bootstrap import Services

DESCRIPTION = "OpenAI-compatible endpoint (Ollama, vLLM, llama.cpp server)"


@provider("replies", "openai", f"Suggested replies: {DESCRIPTION}")
def replies(services: Services) -> OpenAIReplyGenerator:
    from services.adapters.openai_compat.providers import OpenAIReplyGenerator

    return OpenAIReplyGenerator(services.settings, pii=services.pii)


@provider("drafter", "openai", f"Article drafting from gaps: {DESCRIPTION} (every sentence traced to a source)")
def drafter(services: Services) -> OpenAIArticleDrafter:
    from services.adapters.openai_compat.providers import OpenAIArticleDrafter

    return OpenAIArticleDrafter(services.settings, pii=services.pii)
