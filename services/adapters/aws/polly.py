"""Amazon Polly: SynthesizeSpeech with the configured voice and engine (neural by default), as 16 kHz PCM wrapped in
a WAV file. Plain text only (TextType "text"): markup in a reply is read as text, never as SSML instructions."""

from __future__ import annotations

from typing import Any

from services.adapters.aws.clients import make_client, require_text, translated_errors
from services.adapters.wav import wav_from_pcm16
from services.config import Settings
from services.errors import InvalidInput, ProviderUnavailable
from services.models import Speech

LABEL = "AWS Polly"
MAX_CHARS = 3000  # SynthesizeSpeech's limit of billed characters per request
SAMPLE_RATE = 16_000  # the highest rate Polly gives as PCM
MAX_AUDIO_BYTES = SAMPLE_RATE * 2 * 600  # ten minutes of PCM: far more than 3,000 characters take to say


class PollyTextToSpeech:
    """The TextToSpeech port on Amazon Polly."""

    name = "aws"

    def __init__(self, settings: Settings | None = None, client: Any = None, batch: bool = False) -> None:
        settings = settings or Settings()
        self._client = client if client is not None else make_client("polly", settings, batch=batch)
        self.voice_id, self.engine = settings.polly_voice, settings.polly_engine
        self.voice = f"polly {self.voice_id} ({self.engine})"

    def synthesize(self, text: str) -> Speech:
        text = require_text(text)
        if len(text) > MAX_CHARS:
            raise InvalidInput(f"the text is too long for Polly ({len(text):,} characters; at most {MAX_CHARS:,})")
        with translated_errors(LABEL):
            answer = self._client.synthesize_speech(
                Engine=self.engine, OutputFormat="pcm", SampleRate=str(SAMPLE_RATE), Text=text, TextType="text",
                VoiceId=self.voice_id)
            pcm = answer["AudioStream"].read(MAX_AUDIO_BYTES)
        if not pcm:
            raise ProviderUnavailable(f"{LABEL} returned no audio for voice {self.voice_id}")
        return Speech(wav_from_pcm16(pcm, SAMPLE_RATE), SAMPLE_RATE, self.voice, len(pcm) / 2 / SAMPLE_RATE, text)
