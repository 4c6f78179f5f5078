"""A live call's session: the caller's audio, recognised as it is spoken, written to the conversation segment by segment.

    browser (streamlit-webrtc's audio callback) ─┐                       ┌─► partial words (CallView, ~1 s)
    telephony (the API's websocket, 16-bit PCM) ─┴─► CallSession.feed ─► worker thread: per channel a SpeechListener
        ─► each final segment ─► the call's line: the customer's words through the ingestion path (PII masked
           before storage, analysed once: intent, sentiment, escalation, suggestions), the agent's as their reply

``feed`` never blocks and never raises: it runs on the thread that receives the audio (aiortc's, or the API's event
loop) and only queues the frame. One worker thread per call does the rest off that thread (and off Streamlit's
script thread); the recogniser's model is loaded once per process and shared by every call (services/ports.py
``SpeechToText.listen``). Mono audio is the customer; with two channels the left is the customer and the right the
agent. The queue holds at most MAX_QUEUED_S of audio: when the recogniser falls this far behind, the oldest audio
is skipped and the call says so (``CallView.notices``) rather than the process growing without bound.

A call's live state (the audio, the partial words) belongs to the process that receives its audio; everything it
stores goes to the database like any other message, so every process and tab sees the thread and its assist.
"""

from __future__ import annotations

import collections
import logging
import queue
import shutil
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from services import call_audio
from services.bootstrap import Services
from services.call_audio import Block
from services.errors import InvalidInput, ServiceError
from services.models import TranscriptSegment
from services.views import CallEmotionPoint, CallLine, CallView
from services.voice_emotion import CallEmotion, sentiment_value

log = logging.getLogger(__name__)

MAX_QUEUED_S = 20.0  # audio waiting for the recogniser; beyond this the oldest is skipped (and the call says so)
PARTIAL_EVERY_S = 0.5  # the open speech's words are recognised again at most this often, when the worker is idle
END_WAIT_S = 30.0  # end() waits this long for the last segments to be recognised and stored
ROLES = ("customer", "agent")  # by channel: mono is the customer; stereo is (left: customer, right: agent)
KEPT_AUDIO_S = 90.0  # each channel's latest audio kept to measure the voice of a segment when it becomes final


class Line(Protocol):
    """Where a call's final segments are stored (services/call_lines.py): the browser call's conversation, or the
    telephony integration's thread."""

    conversation_id: int | None

    def said(self, role: str, text: str) -> int:
        """Store one final segment said by role ("customer" or "agent"); returns the stored message's id. Raises a
        ServiceError when it cannot."""
        ...


class CallSession:
    """One live call: frames in (any thread), a worker that recognises and stores them, its state for the view."""

    def __init__(self, services: Services, line: Line, channels: int = 1, max_seconds: float | None = None,
                 clock: Callable[[], float] = time.monotonic, recording: Path | None = None) -> None:
        """recording: a recorded call's audio file to transcribe instead of live frames (deleted when done)."""
        if channels not in (1, 2):
            raise InvalidInput("a call has 1 channel (the caller) or 2 (left: the caller, right: the agent)")
        self.call_id = uuid.uuid4().hex[:12]
        self.services, self.line, self.channels, self._clock = services, line, channels, clock
        self.max_seconds = max_seconds or services.settings.stt_max_audio_s
        self._listeners = [] if recording else [services.stt.listen() for _ in range(channels)]
        self._queue: queue.Queue[Block | None] = queue.Queue()
        self._queued_s = 0.0
        self._lock = threading.Lock()
        self._status, self._problem = "listening", ""
        self._partial: dict[str, str] = {}
        self._lines: list[CallLine] = []
        self._notices: list[str] = []
        self._skipped_s = self._heard_s = 0.0
        self._started_at: float | None = None
        self._first_partial_s: float | None = None
        self._emotion = CallEmotion()  # the caller's voice and words, segment by segment (services/voice_emotion.py)
        self._emotion_points: list[CallEmotionPoint] = []
        self._kept: collections.deque[np.ndarray] = collections.deque()  # recent blocks as heard, (channels, n) each
        self._kept_samples = 0  # samples per channel in _kept
        self._kept_from = 0  # the call's sample number (at _kept_rate) of the first kept sample
        self._kept_rate = 0
        self._ended = threading.Event()
        self._recording = recording
        self.takes_frames = recording is None  # a live call; a recording is read from its file
        self._thread = threading.Thread(target=self._run, name=f"call-{self.call_id}", daemon=True)
        self._thread.start()

    # ---- the audio side: any thread, never blocks, never raises ---------------------------------------------
    def feed(self, frame: Any) -> None:
        """One audio frame as streamlit-webrtc's audio callback receives it (a PyAV AudioFrame)."""
        try:
            block = call_audio.from_frame(frame)
        except InvalidInput as e:
            self._fail(str(e))
            return
        self._put(block)

    def feed_pcm(self, data: bytes, rate: int) -> None:
        """Interleaved 16-bit little-endian PCM at rate Hz on this call's channels (a telephony integration)."""
        try:
            block = call_audio.from_pcm(data, rate, self.channels)
        except InvalidInput as e:
            self._fail(str(e))
            return
        self._put(block)

    def _put(self, block: Block) -> None:
        if self._status != "listening" or self._ended.is_set():
            return
        if self.channels == 1 and block.samples.shape[0] > 1:
            block = block.mono()
        elif block.samples.shape[0] != self.channels:
            self._fail(f"this call takes {self.channels} channel(s); the audio has {block.samples.shape[0]}")
            return
        with self._lock:
            if self._started_at is None:
                self._started_at = self._clock()
            self._queued_s += block.seconds
            while self._queued_s > MAX_QUEUED_S:  # the recogniser is far behind: skip the oldest audio
                try:
                    old = self._queue.get_nowait()
                except queue.Empty:
                    break
                if old is None:
                    self._queue.put(None)
                    break
                self._queued_s -= old.seconds
                self._skipped_s += old.seconds
        self._queue.put(block)

    def hang_up(self) -> None:
        """The audio stopped (the browser's track ended, the telephony stream closed): the worker finishes what was
        heard and stops. Returns at once (it runs on the thread that receives the audio)."""
        if not self._ended.is_set():
            self._ended.set()
            self._queue.put(None)

    def wait(self, timeout_s: float = END_WAIT_S) -> bool:
        """Wait until the worker stopped; True when it did."""
        self._thread.join(timeout_s)
        return not self._thread.is_alive()

    def end(self, wait_s: float = END_WAIT_S) -> CallView:
        """The caller hung up or the agent ended the call: what was still being said is recognised and stored
        (within wait_s), then the worker stops. Calling it again changes nothing."""
        self.hang_up()
        self.wait(wait_s)
        return self.view()

    def view(self) -> CallView:
        with self._lock:
            notices = list(self._notices)
            if self._skipped_s:
                notices.insert(0, f"{self._skipped_s:.1f} s of audio were skipped: the recogniser fell behind")
            return CallView(self.call_id, self.line.conversation_id, self._status,
                            tuple((r, t) for r, t in self._partial.items() if t), tuple(self._lines),
                            round(self._heard_s, 2), self._first_partial_s, self._problem, tuple(notices),
                            tuple(self._emotion_points))

    # ---- the worker ------------------------------------------------------------------------------------
    def _run(self) -> None:
        try:
            self._transcribe(self._recording) if self._recording else self._listen()
        except Exception:  # a bug: logged, and the call says it stopped instead of listening forever
            log.exception("call %s: the worker stopped", self.call_id)
            self._fail("an internal error stopped the recognition of this call; it has been logged")
            with self._lock:
                self._partial.clear()

    def _transcribe(self, recording: Path) -> None:
        """A recorded call, segment by segment as each is recognised (the file and its folder are deleted after)."""
        try:
            for segment in self.services.stt.stream(recording):
                if self._ended.is_set():
                    self._notice("the transcription was stopped before the end of the recording")
                    break
                self._store("customer", segment)
                with self._lock:
                    self._heard_s = segment.end
        except ServiceError as e:  # not audio, truncated, silent, too long, ...
            self._fail(str(e))
        finally:
            shutil.rmtree(recording.parent, ignore_errors=True)  # the upload's own folder (calls.py)
        with self._lock:
            if self._status == "listening":
                self._status = "ended" if self._lines else "failed"
                self._problem = "" if self._lines else "no speech was found in the recording"

    def _listen(self) -> None:
        try:
            for listener in self._listeners:
                listener.ready()  # the model loads while the call connects, not on the caller's first words
        except ServiceError as e:
            self._fail(str(e))
        last_partial = 0.0
        fresh = False  # audio heard since the last partial
        while True:
            try:
                block = self._queue.get(timeout=PARTIAL_EVERY_S / 2)
            except queue.Empty:
                block = False  # type: ignore[assignment]
            if block is None:
                break
            if block is not False:
                with self._lock:
                    self._queued_s -= block.seconds
                fresh = self._hear(block) or fresh
            if (fresh and self._queue.empty() and self._clock() - last_partial >= PARTIAL_EVERY_S
                    and any(listener.partial_ready() for listener in self._listeners)):
                self._update_partial()
                last_partial, fresh = self._clock(), False
        self._finish()

    def _hear(self, block: Block) -> bool:
        """Recognise one block (also after the call stopped taking audio: what was queued before is kept)."""
        if self._heard_s + block.seconds > self.max_seconds:
            self._fail(f"the call reached the longest audio recognised ({self.max_seconds / 60:g} min, "
                       "stt_max_audio_s); what was said until then is stored")
            return False
        self._keep(block)
        try:
            for channel, listener in enumerate(self._listeners):
                for segment in listener.hear(block.samples[channel], block.rate):
                    self._store(ROLES[channel], segment)
        except ServiceError as e:  # a rate the recogniser cannot take, its model cannot be loaded ...
            self._fail(str(e))
            return False
        with self._lock:
            self._heard_s += block.seconds
        return True

    def _update_partial(self) -> None:
        for channel, listener in enumerate(self._listeners):
            try:
                text = listener.partial()
            except ServiceError as e:
                self._fail(str(e))
                return
            with self._lock:
                self._partial[ROLES[channel]] = text
                if text and self._first_partial_s is None and self._started_at is not None:
                    self._first_partial_s = round(self._clock() - self._started_at, 3)

    def _finish(self) -> None:
        for channel, listener in enumerate(self._listeners):
            try:
                for segment in listener.finish():
                    self._store(ROLES[channel], segment)
            except ServiceError as e:
                self._notice(f"the last words on the {ROLES[channel]}'s channel could not be recognised: {e}")
        with self._lock:
            self._partial.clear()
            if self._status == "listening":
                self._status = "ended"
            if not self._lines and self._heard_s and self._status == "ended":
                self._notices.append(f"no speech was heard in {self._heard_s:.1f} s of audio (silence, or a "
                                     "microphone that is muted or not connected)")

    def _store(self, role: str, segment: TranscriptSegment) -> None:
        with self._lock:
            self._partial[role] = ""
        try:
            message_id = self.line.said(role, segment.text)
        except ServiceError as e:
            self._notice(f"a {role} segment ({segment.start:.1f}–{segment.end:.1f} s) could not be stored: {e}")
            return
        with self._lock:
            self._lines.append(CallLine(role, message_id, segment.start, segment.end))
        if role == "customer" and message_id:
            self._feel(segment, message_id)

    def _keep(self, block: Block) -> None:
        """Keep the latest KEPT_AUDIO_S of each channel as heard (the recogniser's segment times count the same
        samples), so a segment's voice can be measured when it becomes final."""
        if block.rate != self._kept_rate:  # the first block, or the sender changed its rate: times restart here
            self._kept.clear()
            self._kept_samples = 0
            self._kept_rate, self._kept_from = block.rate, int(round(self._heard_s * block.rate))
        self._kept.append(block.samples)  # no copy per 20 ms frame: the blocks are joined only when a segment ends
        self._kept_samples += block.samples.shape[1]
        while self._kept and self._kept_samples - self._kept[0].shape[1] >= KEPT_AUDIO_S * block.rate:
            dropped = self._kept.popleft().shape[1]
            self._kept_samples -= dropped
            self._kept_from += dropped

    def _feel(self, segment: TranscriptSegment, message_id: int) -> None:
        """The caller's emotion at this segment: its voice (against the caller's start) with its text sentiment."""
        if segment.samples is not None:  # a recorded call: the recogniser hands each segment's own audio
            caller, rate, agent = segment.samples, segment.rate, None
        else:
            rate = self._kept_rate
            start = int(segment.start * rate) - self._kept_from
            end = int(segment.end * rate) - self._kept_from
            if rate == 0 or start < 0:
                return  # older than the audio kept
            kept = self._kept[0] if len(self._kept) == 1 else np.concatenate(list(self._kept), axis=1)
            caller, agent = kept[0, start:end], (kept[1, start:end] if self.channels == 2 else None)
        if rate == 0 or len(caller) < rate // 10:
            return  # too short to measure
        try:
            with self.services.uow() as uow:
                analysis = uow.assist.get_analysis(message_id)
            sentiment = sentiment_value(analysis.sentiment) if analysis is not None else 0.0
            reading = self._emotion.add(caller, rate, sentiment, segment.text, agent)
        except ServiceError as e:
            log.info("call %s: no emotion reading for message %s: %s", self.call_id, message_id, e)
            return
        with self._lock:
            self._emotion_points.append(CallEmotionPoint(message_id, round(segment.start, 2), reading.emotion,
                                                         reading.arousal, reading.sentiment, reading.label,
                                                         reading.explanation))

    def stop(self, problem: str) -> None:
        """Stop listening with this reason (what the caller's side refused); what was heard is still stored."""
        self._fail(problem)

    def _fail(self, problem: str) -> None:
        with self._lock:
            if self._status == "listening":
                self._status, self._problem = "failed", problem
        log.info("call %s stopped listening: %s", self.call_id, problem)

    def _notice(self, text: str) -> None:
        with self._lock:
            self._notices.append(text)
        log.warning("call %s: %s", self.call_id, text)
