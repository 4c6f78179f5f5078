"""Factories for the local (offline) providers; the registry imports this module lazily.

Each takes the Services container (``services.settings``, ``services.get(capability)``).
"""

from __future__ import annotations

from typing import Any


def store(services: Any) -> Any:
    from services.adapters.local.sqlite_uow import SqliteDatabase

    return SqliteDatabase(services.settings.database_file)


def passwords(services: Any) -> Any:
    from services.adapters.local.passwords import Argon2Hasher

    return Argon2Hasher()


def embedder(services: Any) -> Any:
    from services.adapters.local.embedder import WordLlamaEmbedder

    return WordLlamaEmbedder()


def pii(services: Any) -> Any:
    from services.adapters.local.pii import RegexPiiDetector

    return RegexPiiDetector()


def language(services: Any) -> Any:
    from services.adapters.local.language import LinguaLanguageDetector

    return LinguaLanguageDetector(high_accuracy=services.settings.language_high_accuracy)


def intent(services: Any) -> Any:
    from services.adapters.local.intent import foreign_embedder, intent_embedder, load_intent_classifier

    # the model was trained on wordllama ‖ MiniLM vectors: always the local embedder, whatever the embedder setting;
    # messages in another language go to a multilingual (e5) head, routed by the local language detector
    return load_intent_classifier(services.settings, intent_embedder(services.settings, services.local("embedder")),
                                  services.local("language"), foreign_embedder())


def sentiment(services: Any) -> Any:
    from services.adapters.local.sentiment import LocalSentimentAnalyzer

    return LocalSentimentAnalyzer(services.settings)


def entities(services: Any) -> Any:
    from services.adapters.local.entities import RuleEntityExtractor

    return RuleEntityExtractor(services.settings)


def search(services: Any) -> Any:
    from services.adapters.local.kb_search import HybridSearchIndex

    # The index must be embedded by one model for its whole life, so it uses the local embedder unless Bedrock
    # embeddings were chosen explicitly (providers: {embedder: aws}); `backend: aws` alone keeps it local.
    explicit_aws = services.settings.providers.get("embedder") == "aws"
    return HybridSearchIndex(services.settings, services.get("embedder") if explicit_aws else services.local("embedder"))


def replies(services: Any) -> Any:
    from services.adapters.local.replies import TemplateReplyGenerator

    return TemplateReplyGenerator(services.settings)
