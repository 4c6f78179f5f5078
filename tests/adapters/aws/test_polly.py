"""Amazon Polly against a real botocore client with Stubber: every request is validated by the service model."""

from __future__ import annotations

import io
import wave

import boto3
import numpy as np
import pytest
from botocore.response import StreamingBody
from botocore.stub import Stubber

from services import speech
from services.adapters.aws.polly import PollyTextToSpeech
from services.bootstrap import build_services
from services.config import Settings
from services.errors import InvalidInput, ProviderUnavailable
from services.models import User

AGENT = User(1, "agent", "Agent", "agent")


@pytest.fixture
def stubbed():
    client = boto3.client("polly", region_name="us-east-1", aws_access_key_id="testing",
                          aws_secret_access_key="testing")
    with Stubber(client) as stubber:
        yield client, stubber
        stubber.assert_no_pending_responses()


def _pcm(seconds: float) -> bytes:
    t = np.arange(int(16_000 * seconds)) / 16_000
    return (0.3 * np.sin(2 * np.pi * 220 * t) * 32_767).astype("<i2").tobytes()


def _answer(pcm: bytes) -> dict:
    return {"AudioStream": StreamingBody(io.BytesIO(pcm), len(pcm)), "ContentType": "audio/pcm",
            "RequestCharacters": 10}


def _request(text: str, voice: str = "Joanna", engine: str = "neural") -> dict:
    return {"Engine": engine, "OutputFormat": "pcm", "SampleRate": "16000", "Text": text, "TextType": "text",
            "VoiceId": voice}


def test_the_configured_neural_voice_speaks_and_the_pcm_comes_back_as_a_wav(stubbed):
    client, stubber = stubbed
    stubber.add_response("synthesize_speech", _answer(_pcm(1.5)), _request("Your refund is on its way.", "Matthew"))
    spoken = PollyTextToSpeech(Settings(polly_voice="Matthew"), client=client).synthesize("Your refund is on its way.")
    assert (spoken.sample_rate, spoken.voice, round(spoken.duration_s, 2)) == (16_000, "polly Matthew (neural)", 1.5)
    with wave.open(io.BytesIO(spoken.audio)) as wav:
        assert (wav.getframerate(), wav.getnchannels(), wav.getsampwidth(), wav.getnframes()) == (16_000, 1, 2, 24_000)


def test_markup_in_a_reply_reaches_polly_as_plain_text_not_ssml(stubbed, tmp_path):
    client, stubber = stubbed
    stubber.add_response("synthesize_speech", _answer(_pcm(1.0)), _request("Hello Anna, thanks!"))  # no tags
    services = build_services(Settings(db_path=str(tmp_path / "x.db")), tts=PollyTextToSpeech(client=client))
    spoken = speech.speak_reply(services, AGENT, '<speak>Hello <prosody rate="x-fast">Anna</prosody>, thanks! 🎉</speak>')
    assert spoken.text == "Hello Anna, thanks!" and not spoken.truncated


def test_an_unknown_voice_or_an_outage_is_provider_unavailable(stubbed):
    client, stubber = stubbed
    stubber.add_client_error("synthesize_speech", "EngineNotSupportedException", "Joanna has no such engine", 400)
    with pytest.raises(ProviderUnavailable, match="AWS Polly unavailable"):
        PollyTextToSpeech(client=client).synthesize("Hello")


def test_text_polly_refuses_is_invalid_input(stubbed):
    client, stubber = stubbed
    stubber.add_client_error("synthesize_speech", "TextLengthExceededException", "too long", 400)
    with pytest.raises(InvalidInput, match="rejected the input"):
        PollyTextToSpeech(client=client).synthesize("Hello")


def test_empty_or_over_long_text_costs_no_call(stubbed):
    client, _ = stubbed
    with pytest.raises(InvalidInput):
        PollyTextToSpeech(client=client).synthesize("  ")
    with pytest.raises(InvalidInput, match="too long"):
        PollyTextToSpeech(client=client).synthesize("word " * 700)


def test_no_audio_back_is_provider_unavailable(stubbed):
    client, stubber = stubbed
    stubber.add_response("synthesize_speech", _answer(b""), _request("Hello"))
    with pytest.raises(ProviderUnavailable, match="no audio"):
        PollyTextToSpeech(client=client).synthesize("Hello")
