"""Factories for the AWS providers, registered with ``@provider``; the registry imports this module on first use, and
each factory imports boto3 (through its adapter) only when called, i.e. only when AWS is chosen.

Each takes the Services container. Building a provider creates a boto3 client but makes no call and needs no
credentials; a missing credential or an outage surfaces as ProviderUnavailable on the first call. Live paths get
short timeouts and one retry, batch paths (``services.batch``) botocore's standard retries (clients.make_client).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, TypeVar

from services.ports import Port, Ports
from services.registry import provider

if TYPE_CHECKING:
    from services.adapters.aws.bedrock import (
        BedrockArticleDrafter,
        BedrockEmbedder,
        BedrockIntentClassifier,
        BedrockReplyGenerator,
    )
    from services.adapters.aws.comprehend import (
        ComprehendEntityExtractor,
        ComprehendLanguageDetector,
        ComprehendPiiDetector,
        ComprehendSentimentAnalyzer,
    )
    from services.adapters.aws.polly import PollyTextToSpeech
    from services.adapters.aws.transcribe import TranscribeSpeechToText
    from services.adapters.aws.translate import AmazonTranslator
    from services.bootstrap import Services
    from services.ports import KeyProvider

T = TypeVar("T")


class LocalFallback(Generic[T]):
    """Stands for ``services.local(port)`` and builds it only when first used.

    Comprehend has no emotions, so the AWS sentiment provider borrows them from the local one; loading the
    local model is deferred until an emotion is actually asked for.
    """

    def __init__(self, services: Services, port: Port[T]) -> None:
        self._services = services
        self._port = port

    def __getattr__(self, name: str) -> object:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._services.local(self._port), name)


@provider("language", "aws", "Language detection: Amazon Comprehend")
def language(services: Services) -> ComprehendLanguageDetector:
    from services.adapters.aws.comprehend import ComprehendLanguageDetector

    return ComprehendLanguageDetector(services.settings, batch=services.batch)


@provider("pii", "aws", "PII detection: Amazon Comprehend")
def pii(services: Services) -> ComprehendPiiDetector:
    from services.adapters.aws.comprehend import ComprehendPiiDetector

    return ComprehendPiiDetector(services.settings, batch=services.batch)


@provider("sentiment", "aws", "Sentiment: Amazon Comprehend (emotion cues stay local)")
def sentiment(services: Services) -> ComprehendSentimentAnalyzer:
    from services.adapters.aws.comprehend import ComprehendSentimentAnalyzer

    return ComprehendSentimentAnalyzer(services.settings, local=LocalFallback(services, Ports.sentiment),
                                       batch=services.batch)


@provider("entities", "aws", "Entity extraction: Amazon Comprehend (+ our order and tracking formats)")
def entities(services: Services) -> ComprehendEntityExtractor:
    from services.adapters.aws.comprehend import ComprehendEntityExtractor

    return ComprehendEntityExtractor(services.settings, local=LocalFallback(services, Ports.entities),
                                     batch=services.batch)


@provider("embedder", "aws", "Sentence embeddings: Amazon Bedrock")
def embedder(services: Services) -> BedrockEmbedder:
    from services.adapters.aws.bedrock import BedrockEmbedder

    return BedrockEmbedder(services.settings, batch=services.batch)


@provider("intent", "aws", "Intent classification: Amazon Bedrock")
def intent(services: Services) -> BedrockIntentClassifier:
    from services.adapters.aws.bedrock import BedrockIntentClassifier

    return BedrockIntentClassifier(services.settings, batch=services.batch)


@provider("replies", "aws", "Suggested replies: Amazon Bedrock")
def replies(services: Services) -> BedrockReplyGenerator:
    from services.adapters.aws.bedrock import BedrockReplyGenerator

    return BedrockReplyGenerator(services.settings, batch=services.batch)


@provider("translator", "aws", "Translation: Amazon Translate (every pair of en, es, fr, de)")
def translator(services: Services) -> AmazonTranslator:
    from services.adapters.aws.translate import AmazonTranslator

    return AmazonTranslator(services.settings, batch=services.batch)


@provider("drafter", "aws", "Article drafting from gaps: Amazon Bedrock (every sentence traced to a source)")
def drafter(services: Services) -> BedrockArticleDrafter:
    from services.adapters.aws.bedrock import BedrockArticleDrafter

    return BedrockArticleDrafter(services.settings, batch=services.batch, pii=services.pii)


@provider("tts", "aws", "Spoken replies: Amazon Polly (neural voice from polly_voice)")
def tts(services: Services) -> PollyTextToSpeech:
    from services.adapters.aws.polly import PollyTextToSpeech

    return PollyTextToSpeech(services.settings, batch=services.batch)


@provider("stt", "aws", "Speech to text: Amazon Transcribe batch jobs (audio uploaded to transcribe_bucket in S3)")
def stt(services: Services) -> TranscribeSpeechToText:
    from services.adapters.aws.transcribe import TranscribeSpeechToText

    return TranscribeSpeechToText(services.settings, batch=services.batch)


@provider("keys", "kms", "Data keys of field encryption at rest: data keys encrypted by AWS KMS (kms:Decrypt)")
def kms_keys(services: Services) -> KeyProvider:
    from services.adapters.aws.data_keys import KmsKeys

    return KmsKeys(services.settings, batch=services.batch)


@provider("keys", "secretsmanager", "Data keys of field encryption at rest: a secret in AWS Secrets Manager")
def secrets_manager_keys(services: Services) -> KeyProvider:
    from services.adapters.aws.data_keys import SecretsManagerKeys

    return SecretsManagerKeys(services.settings, batch=services.batch)
