"""Choosing AWS builds the AWS adapters, without credentials and without any call."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.adapters.aws.bedrock import (
    BedrockArticleDrafter,
    BedrockEmbedder,
    BedrockIntentClassifier,
    BedrockReplyGenerator,
)
from services.adapters.aws.clients import make_client
from services.adapters.aws.comprehend import (
    ComprehendEntityExtractor,
    ComprehendLanguageDetector,
    ComprehendPiiDetector,
    ComprehendSentimentAnalyzer,
)
from services.adapters.aws.factories import LocalFallback
from services.adapters.aws.polly import PollyTextToSpeech
from services.adapters.aws.transcribe import TranscribeSpeechToText
from services.adapters.aws.translate import AmazonTranslator
from services.bootstrap import build_services
from services.config import Settings, load_settings
from services.errors import ProviderUnavailable
from services.ports import Port, Ports

AWS_ADAPTERS = {
    "language": ComprehendLanguageDetector,
    "pii": ComprehendPiiDetector,
    "sentiment": ComprehendSentimentAnalyzer,
    "entities": ComprehendEntityExtractor,
    "embedder": BedrockEmbedder,
    "intent": BedrockIntentClassifier,
    "replies": BedrockReplyGenerator,
    "translator": AmazonTranslator,
    "drafter": BedrockArticleDrafter,
    "tts": PollyTextToSpeech,
    "stt": TranscribeSpeechToText,
}


@pytest.fixture
def no_aws_credentials(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No env keys (conftest), no profile files, no instance metadata: boto3 finds no credentials at all."""
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "missing-credentials"))
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "missing-config"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    for key in ("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
                "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN"):
        monkeypatch.delenv(key, raising=False)


def test_aws_backend_serves_sentiment_from_comprehend(tmp_path, no_aws_credentials):
    services = build_services(Settings(backend="aws", db_path=str(tmp_path / "frontline.db")))
    assert isinstance(services.get("sentiment"), ComprehendSentimentAnalyzer)
    assert services.provider("sentiment") == "aws"


@pytest.mark.parametrize(("capability", "adapter"), AWS_ADAPTERS.items())
def test_every_aws_capability_builds_its_adapter(tmp_path, no_aws_credentials, capability, adapter):
    services = build_services(Settings(backend="aws", db_path=str(tmp_path / "frontline.db")))
    assert isinstance(services.get(capability), adapter)


def test_one_capability_on_aws_from_the_environment(tmp_path, no_aws_credentials):
    settings = load_settings(config_file=tmp_path / "none.yaml", environ={"FRONTLINE_PROVIDER_REPLIES": "aws"},
                             db_path=str(tmp_path / "frontline.db"))
    services = build_services(settings)
    assert isinstance(services.get("replies"), BedrockReplyGenerator)
    assert services.provider("replies") == "aws" and services.provider("sentiment") == "local"


def test_batch_client_uses_the_settings_region_timeouts_and_standard_retries(no_aws_credentials):
    client = make_client("comprehend", Settings(aws_region="eu-west-1", aws_timeout_s=2.0), batch=True)
    config = client.meta.config
    assert client.meta.region_name == "eu-west-1"
    assert (config.connect_timeout, config.read_timeout) == (2.0, 6.0)
    assert config.retries == {"mode": "standard", "total_max_attempts": 3}  # the first call and two retries


def test_live_client_connects_within_one_second_and_retries_once(no_aws_credentials):
    client = make_client("comprehend", Settings(aws_region="eu-west-1", aws_timeout_s=2.0))
    config = client.meta.config
    assert client.meta.region_name == "eu-west-1"
    assert (config.connect_timeout, config.read_timeout) == (1.0, 6.0)
    assert config.retries == {"mode": "standard", "total_max_attempts": 2}  # the first call and one retry


@pytest.mark.parametrize("batch", [False, True])
def test_factories_build_live_or_batch_clients(tmp_path, no_aws_credentials, batch):
    services = build_services(Settings(backend="aws", db_path=str(tmp_path / "frontline.db")), batch=batch)
    for capability in ("language", "replies"):
        config = services.get(capability)._client.meta.config
        assert config.retries["total_max_attempts"] == (3 if batch else 2), capability


def test_missing_credentials_surface_on_the_first_call(no_aws_credentials):
    detector = ComprehendLanguageDetector(Settings())  # building needs no credentials
    with pytest.raises(ProviderUnavailable, match="NoCredentialsError"):
        detector.detect("hello?")


class FakeServices:
    """Counts how often the local fall-back provider is built."""

    def __init__(self) -> None:
        self.built: list[str] = []

    def local(self, port: Port) -> object:
        self.built.append(port.capability)
        return FakeLocalSentiment()


class FakeLocalSentiment:
    def emotions(self, text: str) -> dict[str, float]:
        return {"joy": 0.9}


def test_local_fallback_is_built_only_when_emotions_are_asked_for():
    services = FakeServices()
    analyzer = ComprehendSentimentAnalyzer(Settings(), client=object(), local=LocalFallback(services, Ports.sentiment))
    assert services.built == []
    assert analyzer.emotions("love the new lamp 😍") == {"joy": 0.9}
    assert services.built == ["sentiment"]
