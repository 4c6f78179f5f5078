"""Amazon Transcribe batch jobs against real botocore clients (transcribe and s3) with Stubber: the upload, the job,
the polling, the result and the clean-up are each a request the service model validates."""

from __future__ import annotations

import io
import json

import boto3
import pytest
from botocore.response import StreamingBody
from botocore.stub import ANY, Stubber

from services.adapters.aws.transcribe import TranscribeSpeechToText
from services.bootstrap import build_services
from services.config import Settings
from services.errors import ConfigError, InvalidInput, ProviderUnavailable

BUCKET = "frontline-calls"
RESULT = {"jobName": "x", "results": {
    "language_code": "en-US",
    "transcripts": [{"transcript": "I want to return my kettle. It arrived broken."}],
    "items": [{"type": "pronunciation", "start_time": "0.2", "end_time": "0.5",
               "alternatives": [{"content": "I", "confidence": "0.99"}]},
              {"type": "pronunciation", "start_time": "3.1", "end_time": "3.6",
               "alternatives": [{"content": "broken", "confidence": "0.98"}]}],
    "audio_segments": [{"id": 0, "transcript": "I want to return my kettle.", "start_time": "0.2", "end_time": "1.9"},
                       {"id": 1, "transcript": "It arrived broken.", "start_time": "2.4", "end_time": "3.6"}],
}}


def _client(name: str):
    return boto3.client(name, region_name="us-east-1", aws_access_key_id="testing", aws_secret_access_key="testing")


class Clock:
    """Time that passes only when the adapter sleeps between polls."""

    def __init__(self) -> None:
        self.now, self.sleeps = 0.0, []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
def stubs():
    transcribe, s3 = _client("transcribe"), _client("s3")
    with Stubber(transcribe) as t, Stubber(s3) as s:
        yield transcribe, s3, t, s
        t.assert_no_pending_responses()
        s.assert_no_pending_responses()


@pytest.fixture
def call(tmp_path):
    path = tmp_path / "call.wav"
    path.write_bytes(b"RIFF....WAVEfmt " + b"\x00" * 64)  # Transcribe reads it, not us: any bytes will do here
    return path


def _adapter(stubs, clock: Clock, timeout_s: float = 60.0) -> TranscribeSpeechToText:
    transcribe, s3, _, _ = stubs
    settings = Settings(transcribe_bucket=BUCKET, transcribe_timeout_s=timeout_s, transcribe_poll_s=5.0)
    return TranscribeSpeechToText(settings, transcribe=transcribe, s3=s3, sleep=clock.sleep, clock=clock)


def _job(status: str, reason: str = "") -> dict:
    job = {"TranscriptionJobName": "frontline-x", "TranscriptionJobStatus": status}
    return {"TranscriptionJob": {**job, "FailureReason": reason} if reason else job}


def _upload_and_start(t: Stubber, s: Stubber) -> None:
    s.add_response("put_object", {}, {"Bucket": BUCKET, "Key": ANY, "Body": ANY})
    t.add_response("start_transcription_job", _job("IN_PROGRESS"), {
        "TranscriptionJobName": ANY, "Media": ANY, "MediaFormat": "wav", "IdentifyLanguage": True,
        "LanguageOptions": ["en-US", "es-US", "fr-FR", "de-DE"], "OutputBucketName": BUCKET, "OutputKey": ANY})


def _clean_up(t: Stubber, s: Stubber) -> None:
    t.add_response("delete_transcription_job", {}, {"TranscriptionJobName": ANY})
    s.add_response("delete_object", {}, {"Bucket": BUCKET, "Key": ANY})
    s.add_response("delete_object", {}, {"Bucket": BUCKET, "Key": ANY})


def _result(s: Stubber, body: dict) -> None:
    data = json.dumps(body).encode()
    s.add_response("get_object", {"Body": StreamingBody(io.BytesIO(data), len(data))}, {"Bucket": BUCKET, "Key": ANY})


def test_a_call_is_uploaded_transcribed_after_polling_read_back_and_cleaned_up(stubs, call):
    _, _, t, s = stubs
    _upload_and_start(t, s)
    t.add_response("get_transcription_job", _job("IN_PROGRESS"), {"TranscriptionJobName": ANY})
    t.add_response("get_transcription_job", _job("COMPLETED"), {"TranscriptionJobName": ANY})
    _result(s, RESULT)
    _clean_up(t, s)
    clock = Clock()
    transcript = _adapter(stubs, clock).transcribe(call)
    assert transcript.text == "I want to return my kettle. It arrived broken."
    assert [(seg.start, seg.end) for seg in transcript.segments] == [(0.2, 1.9), (2.4, 3.6)]
    assert (transcript.language, transcript.model, transcript.duration_s) == ("en", "aws transcribe", 3.6)
    assert clock.sleeps == [5.0]  # polled twice, slept once between


def test_a_job_that_outlasts_the_timeout_is_given_up_and_deleted(stubs, call):
    _, _, t, s = stubs
    _upload_and_start(t, s)
    for _ in range(3):  # at 0, 5 and 10 s; the next poll would come after the 12 s timeout
        t.add_response("get_transcription_job", _job("IN_PROGRESS"), {"TranscriptionJobName": ANY})
    _clean_up(t, s)
    with pytest.raises(ProviderUnavailable, match="did not finish call.wav within 12 s"):
        _adapter(stubs, Clock(), timeout_s=12).transcribe(call)


def test_a_job_failing_on_its_media_is_invalid_input(stubs, call):
    _, _, t, s = stubs
    _upload_and_start(t, s)
    t.add_response("get_transcription_job", _job("FAILED", "The media format provided does not match the detected "
                                                           "media format"), {"TranscriptionJobName": ANY})
    _clean_up(t, s)
    with pytest.raises(InvalidInput, match="media format"):
        _adapter(stubs, Clock()).transcribe(call)


def test_silence_transcribed_to_nothing_is_no_speech(stubs, call):
    _, _, t, s = stubs
    _upload_and_start(t, s)
    t.add_response("get_transcription_job", _job("COMPLETED"), {"TranscriptionJobName": ANY})
    _result(s, {"results": {"transcripts": [{"transcript": ""}], "items": []}})
    _clean_up(t, s)
    with pytest.raises(InvalidInput, match="no speech"):
        _adapter(stubs, Clock()).transcribe(call)


def test_an_s3_refusal_is_provider_unavailable_and_nothing_is_left_behind(stubs, call):
    _, _, t, s = stubs
    s.add_client_error("put_object", "AccessDenied", "no write to the bucket", 403)
    _clean_up(t, s)
    with pytest.raises(ProviderUnavailable, match="AccessDenied"):
        _adapter(stubs, Clock()).transcribe(call)


def test_files_transcribe_cannot_take_are_refused_before_any_call(stubs, tmp_path):
    adapter = _adapter(stubs, Clock())
    with pytest.raises(InvalidInput, match="no such audio file"):
        adapter.transcribe(tmp_path / "missing.wav")
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(InvalidInput, match="takes amr, flac, mp3, mp4, ogg, wav, webm"):
        adapter.transcribe(tmp_path / "notes.txt")
    (tmp_path / "empty.mp3").write_bytes(b"")
    with pytest.raises(InvalidInput, match="empty"):
        adapter.transcribe(tmp_path / "empty.mp3")


def test_without_a_bucket_it_says_which_setting_is_missing(stubs, call):
    transcribe, s3, _, _ = stubs
    with pytest.raises(ProviderUnavailable, match="transcribe_bucket"):
        TranscribeSpeechToText(Settings(), transcribe=transcribe, s3=s3).transcribe(call)


def test_an_unknown_speech_provider_lists_the_valid_ones(tmp_path):
    with pytest.raises(ConfigError, match="unknown provider 'azure' for stt; valid: local, aws"):
        build_services(Settings(db_path=str(tmp_path / "x.db"), providers={"stt": "azure"}))
    with pytest.raises(ConfigError, match="unknown provider 'espeak' for tts; valid: local, aws"):
        build_services(Settings(db_path=str(tmp_path / "x.db"), providers={"tts": "espeak"}))


def test_live_listening_is_unavailable_so_the_local_listener_takes_the_call(stubs):
    with pytest.raises(ProviderUnavailable, match="amazon-transcribe SDK"):
        _adapter(stubs, Clock()).listen()
