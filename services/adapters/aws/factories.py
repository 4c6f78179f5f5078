"""Factories for the AWS providers; the registry imports this module lazily (only when AWS is chosen).

Each takes the Services container. Building a provider creates a boto3 client but makes no call and needs no
credentials; a missing credential or an outage surfaces as ProviderUnavailable on the first call.
"""

from __future__ import annotations

from typing import Any


class LocalFallback:
    """Stands for ``services.local(capability)`` and builds it only when first used.

    Comprehend has no emotions, so the AWS sentiment provider borrows them from the local one; loading the
    local model is deferred until an emotion is actually asked for.
    """

    def __init__(self, services: Any, capability: str) -> None:
        self._services = services
        self._capability = capability

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._services.local(self._capability), name)


def language(services: Any) -> Any:
    from services.adapters.aws.comprehend import ComprehendLanguageDetector

    return ComprehendLanguageDetector(services.settings)


def pii(services: Any) -> Any:
    from services.adapters.aws.comprehend import ComprehendPiiDetector

    return ComprehendPiiDetector(services.settings)


def sentiment(services: Any) -> Any:
    from services.adapters.aws.comprehend import ComprehendSentimentAnalyzer

    return ComprehendSentimentAnalyzer(services.settings, local=LocalFallback(services, "sentiment"))


def entities(services: Any) -> Any:
    from services.adapters.aws.comprehend import ComprehendEntityExtractor

    return ComprehendEntityExtractor(services.settings, local=LocalFallback(services, "entities"))


def embedder(services: Any) -> Any:
    from services.adapters.aws.bedrock import BedrockEmbedder

    return BedrockEmbedder(services.settings)


def intent(services: Any) -> Any:
    from services.adapters.aws.bedrock import BedrockIntentClassifier

    return BedrockIntentClassifier(services.settings)


def replies(services: Any) -> Any:
    from services.adapters.aws.bedrock import BedrockReplyGenerator

    return BedrockReplyGenerator(services.settings)
