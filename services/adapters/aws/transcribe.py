"""Amazon Transcribe, batch: the audio file is uploaded to S3 (``transcribe_bucket``), a transcription job is started
and polled until it finishes or ``transcribe_timeout_s`` passes, its JSON result is read back from the same bucket,
and the job and both objects are deleted.

Everything goes through botocore (clients ``s3`` and ``transcribe``), so Stubber tests cover every request. Streaming
Transcribe is an HTTP/2 event stream that botocore does not speak: it needs the separate ``amazon-transcribe`` SDK,
which we do not ship (docs/voice.md#aws); live calls are transcribed by the local recogniser, recorded ones by this.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from services.adapters.aws.clients import make_client, translated_errors
from services.config import Settings
from services.errors import InvalidInput, ProviderUnavailable
from services.models import Transcript, TranscriptSegment

LABEL = "AWS Transcribe"
MEDIA_FORMATS = {".wav": "wav", ".mp3": "mp3", ".ogg": "ogg", ".flac": "flac", ".mp4": "mp4", ".m4a": "mp4",
                 ".webm": "webm", ".amr": "amr"}
MAX_FILE_BYTES = 2 * 1024**3  # Transcribe's limit for one media file
MAX_RESULT_BYTES = 50 * 1024**2
LANGUAGES = ["en-US", "es-US", "fr-FR", "de-DE"]  # the seed languages: the job identifies which one is spoken
PREFIX = "frontline/transcribe/"


class TranscribeSpeechToText:
    """The SpeechToText port on Amazon Transcribe batch jobs."""

    name = "aws"

    def __init__(self, settings: Settings | None = None, transcribe: Any = None, s3: Any = None, batch: bool = False,
                 sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic) -> None:
        settings = settings or Settings()
        self._transcribe = transcribe if transcribe is not None else make_client("transcribe", settings, batch=batch)
        self._s3 = s3 if s3 is not None else make_client("s3", settings, batch=batch)
        self.bucket, self.timeout_s, self.poll_s = (settings.transcribe_bucket, settings.transcribe_timeout_s,
                                                    settings.transcribe_poll_s)
        self._sleep, self._clock = sleep, clock

    def transcribe(self, audio: Path) -> Transcript:
        audio = Path(audio)
        media_format = _media_format(audio)
        if not self.bucket:
            raise ProviderUnavailable(f"{LABEL} needs an S3 bucket for the audio: set transcribe_bucket")
        job = f"frontline-{uuid.uuid4().hex}"
        audio_key, result_key = f"{PREFIX}{job}{audio.suffix.lower()}", f"{PREFIX}{job}.json"
        with translated_errors(LABEL):
            try:
                self._upload(audio, audio_key)
                self._start(job, audio_key, result_key, media_format)
                self._wait(job, audio.name)
                result = self._result(result_key)
            finally:
                self._clean_up(job, (audio_key, result_key))
        return _transcript(result, audio.name)

    def stream(self, audio: Path) -> Iterator[TranscriptSegment]:
        """A batch job has no partial results: the segments come once the whole job is done."""
        yield from self.transcribe(audio).segments

    def listen(self) -> Any:
        """Live recognition would need Transcribe streaming (the amazon-transcribe SDK, not botocore): unavailable, so
        the fall-back wrapper gives the call the local listener instead, with a notice."""
        raise ProviderUnavailable(f"{LABEL} streaming needs the amazon-transcribe SDK, which is not installed; "
                                  "live calls use the local recogniser (docs/voice.md#aws)")

    def _upload(self, audio: Path, key: str) -> None:
        with audio.open("rb") as body:
            self._s3.put_object(Bucket=self.bucket, Key=key, Body=body)

    def _start(self, job: str, audio_key: str, result_key: str, media_format: str) -> None:
        self._transcribe.start_transcription_job(
            TranscriptionJobName=job, Media={"MediaFileUri": f"s3://{self.bucket}/{audio_key}"},
            MediaFormat=media_format, IdentifyLanguage=True, LanguageOptions=LANGUAGES,
            OutputBucketName=self.bucket, OutputKey=result_key)

    def _wait(self, job: str, name: str) -> None:
        deadline = self._clock() + self.timeout_s
        while True:
            found = self._transcribe.get_transcription_job(TranscriptionJobName=job)["TranscriptionJob"]
            status = found.get("TranscriptionJobStatus")
            if status == "COMPLETED":
                return
            if status == "FAILED":
                raise _failure(found.get("FailureReason", "no reason given"), name)
            if self._clock() + self.poll_s > deadline:
                raise ProviderUnavailable(f"{LABEL} did not finish {name} within {self.timeout_s:g} s "
                                          "(transcribe_timeout_s); the job was deleted")
            self._sleep(self.poll_s)

    def _result(self, key: str) -> dict[str, Any]:
        body = self._s3.get_object(Bucket=self.bucket, Key=key)["Body"].read(MAX_RESULT_BYTES)
        try:
            return json.loads(body)
        except ValueError as e:
            raise ProviderUnavailable(f"{LABEL} wrote a result that is not JSON: {e}") from e

    def _clean_up(self, job: str, keys: tuple[str, ...]) -> None:
        """Best effort: nothing of the call is left in the bucket or the job list; a failure here is not the
        caller's problem (a bucket lifecycle rule catches what is left)."""
        from botocore.exceptions import BotoCoreError, ClientError

        for call, kwargs in [(self._transcribe.delete_transcription_job, {"TranscriptionJobName": job}),
                             *[(self._s3.delete_object, {"Bucket": self.bucket, "Key": key}) for key in keys]]:
            try:
                call(**kwargs)
            except (BotoCoreError, ClientError):
                pass


def _media_format(audio: Path) -> str:
    if not audio.is_file():
        raise InvalidInput(f"no such audio file: {audio}")
    media_format = MEDIA_FORMATS.get(audio.suffix.lower())
    if media_format is None:
        raise InvalidInput(f"{audio.name}: {LABEL} takes {', '.join(sorted(set(MEDIA_FORMATS.values())))} files")
    size = audio.stat().st_size
    if not 0 < size <= MAX_FILE_BYTES:
        raise InvalidInput(f"{audio.name} is {'empty' if not size else 'larger than 2 GB'}: {LABEL} cannot take it")
    return media_format


def _failure(reason: str, name: str) -> Exception:
    if any(word in reason.lower() for word in ("media", "audio", "format", "sample rate", "duration")):
        return InvalidInput(f"{LABEL} could not transcribe {name}: {reason}")
    return ProviderUnavailable(f"{LABEL} failed on {name}: {reason}")


def _transcript(result: dict[str, Any], name: str) -> Transcript:
    found = result.get("results", {})
    segments = tuple(TranscriptSegment(float(s["start_time"]), float(s["end_time"]), s["transcript"].strip())
                     for s in found.get("audio_segments", ()) if s.get("transcript", "").strip())
    if not segments:
        text = " ".join(t.get("transcript", "") for t in found.get("transcripts", ())).strip()
        segments = (TranscriptSegment(0.0, _last_end(found), text),) if text else ()
    if not segments:
        raise InvalidInput(f"no speech was found in {name}")
    language = str(found.get("language_code") or "en-US").split("-")[0]
    return Transcript(segments, language, max(_last_end(found), segments[-1].end), "aws transcribe")


def _last_end(found: dict[str, Any]) -> float:
    ends = [float(i["end_time"]) for i in found.get("items", ()) if "end_time" in i]
    return max(ends, default=0.0)
