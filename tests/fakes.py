"""Hand-written fakes of the assist ports: fast, deterministic, and they remember what they were given."""

from __future__ import annotations

import re
import threading

from services.errors import ProviderUnavailable
from services.models import Entity, Intent, KbHit, PiiSpan, ReplyContext, Sentiment, Speech, Suggestion, Translation


class FakeLanguage:
    def detect(self, text: str) -> str:
        return "es" if "¿" in text else "en"  # Spanish questions open with ¿


class FakePii:
    def find(self, text: str) -> list[PiiSpan]:
        return [PiiSpan("EMAIL", m.start(), m.end()) for m in re.finditer(r"\S+@\S+", text)]


class FakeIntent:
    def __init__(self) -> None:
        self.seen: list[str] = []

    def classify(self, text: str) -> Intent:
        self.seen.append(text)
        label = "Order Status" if "order" in text.lower() else "Other"
        return Intent(label, 0.9 if label != "Other" else 0.3)

    def labels(self) -> list[str]:
        return ["Order Status", "Other"]


class FakeSentiment:
    def __init__(self) -> None:
        self.seen: list[str] = []

    def analyze(self, text: str) -> Sentiment:
        self.seen.append(text)
        label = "negative" if "!" in text or "manager" in text else "neutral"
        return Sentiment(label, {"positive": 0.0, "neutral": 0.2, "negative": 0.8, "mixed": 0.0}
                         if label == "negative" else {"positive": 0.1, "neutral": 0.8, "negative": 0.1, "mixed": 0.0})

    def emotions(self, text: str) -> dict[str, float]:
        return {"anger": 0.8 if text.isupper() else 0.0, "frustration": 0.0, "confusion": 0.0,
                "gratitude": 0.0, "urgency": 0.0}


class UnavailableSentiment:
    def analyze(self, text: str) -> Sentiment:
        raise ProviderUnavailable("AWS Comprehend unavailable (ThrottlingException)")

    def emotions(self, text: str) -> dict[str, float]:
        raise ProviderUnavailable("AWS Comprehend unavailable (ThrottlingException)")


class FakeEntities:
    def extract(self, text: str) -> list[Entity]:
        return [Entity("order_number", m.group(), m.start(), m.end(), m.group())
                for m in re.finditer(r"BW-\d{6}", text)]


class FakeSearch:
    def __init__(self) -> None:
        self.indexed: list = []

    def index(self, articles) -> None:
        self.indexed = list(articles)

    def search(self, query: str, k: int = 3) -> list[KbHit]:
        return [KbHit(a.id, a.title, 0.8, a.body[:50]) for a in self.indexed[:k]]


class FakeReplies:
    def __init__(self) -> None:
        self.contexts: list[ReplyContext] = []

    def suggest(self, context: ReplyContext, k: int = 3) -> list[Suggestion]:
        self.contexts.append(context)
        return [Suggestion(f"Reply {i} about {context.intent}", f"fake:{i}", 1 - i / 10) for i in range(k)]


class FakeTranslator:
    """English ↔ Spanish like the offline translator ("[es] text"); any other pair says it needs AWS Translate.
    Remembers every text it was given (to show PII never reaches it)."""

    name = "fake"

    def __init__(self, pairs: tuple[tuple[str, str], ...] = (("en", "es"), ("es", "en"))) -> None:
        self._pairs = list(pairs)
        self.seen: list[str] = []

    def pairs(self) -> list[tuple[str, str]]:
        return list(self._pairs)

    def translate(self, text: str, source: str, target: str) -> Translation:
        if (source, target) not in self._pairs:
            raise ProviderUnavailable(f"translation between {source} and {target} needs AWS Translate")
        self.seen.append(text)
        return Translation(f"[{target}] {text}", source, target, self.name)


class FakeTextToSpeech:
    """Says nothing, but records what it was asked to say; a second of 'audio' per 15 characters."""

    def __init__(self) -> None:
        self.said: list[str] = []

    def synthesize(self, text: str) -> Speech:
        self.said.append(text)
        return Speech(b"RIFF", 16_000, "fake", len(text) / 15, text)


def fake_pipeline() -> dict:
    """Overrides for build_services() covering every assist capability."""
    return {"language": FakeLanguage(), "pii": FakePii(), "intent": FakeIntent(), "sentiment": FakeSentiment(),
            "entities": FakeEntities(), "search": FakeSearch(), "replies": FakeReplies(),
            "translator": FakeTranslator(), "tts": FakeTextToSpeech()}


class FakeSpeechToText:
    """Hears speech wherever the audio is loud: each stretch of loud 20 ms blocks (RMS ≥ 0.05) that a pause of
    ≥ 0.4 s closes "says" the next of ``lines`` (in turn, shared by every listener); the rate must be 8-192 kHz as
    the port says. Files are not read (``transcribe``/``stream`` say so). ``delay_s``: each final takes this long."""

    def __init__(self, lines: tuple[str, ...] = ("where is my order",), delay_s: float = 0.0,
                 unavailable: str = "", gate: object = None) -> None:
        """unavailable: the model cannot be loaded (``ready`` raises ProviderUnavailable with this reason); gate: a
        threading.Event each ``hear`` waits for (a recogniser stuck until the test lets it go); ``entered`` is set
        when a ``hear`` first begins (the recogniser has taken its first block)."""
        self.lines, self.delay_s, self.said, self.unavailable, self.readied = lines, delay_s, 0, unavailable, 0
        self.gate = gate
        self.entered = threading.Event()

    def transcribe(self, audio):  # noqa: ANN001, ANN201
        raise ProviderUnavailable("the fake recogniser reads no files")

    def stream(self, audio):  # noqa: ANN001, ANN201
        raise ProviderUnavailable("the fake recogniser reads no files")

    def listen(self) -> FakeListener:
        return FakeListener(self)

    def next_line(self) -> str:
        line = self.lines[self.said % len(self.lines)]
        self.said += 1
        return line


class FakeListener:
    def __init__(self, stt: FakeSpeechToText) -> None:
        self.stt, self.at, self.start, self.quiet = stt, 0.0, None, 0.0

    def hear(self, samples, rate: int) -> list:  # noqa: ANN001
        import time

        import numpy as np

        from services.errors import InvalidInput
        from services.models import TranscriptSegment

        self.stt.entered.set()
        if self.stt.gate is not None:
            self.stt.gate.wait(30)
        if not 8_000 <= rate <= 192_000:
            raise InvalidInput(f"audio sampled at {rate} Hz cannot be recognised (from 8,000 to 192,000 Hz)")
        found = []
        step = max(1, rate // 50)
        for i in range(0, len(samples), step):
            block = np.asarray(samples[i:i + step], np.float32)
            seconds = block.size / rate
            loud = float(np.sqrt(np.mean(block ** 2))) >= 0.05 if block.size else False
            if loud:
                self.start = self.at if self.start is None else self.start
                self.quiet = 0.0
            elif self.start is not None:
                self.quiet += seconds
                if self.quiet >= 0.4:
                    time.sleep(self.stt.delay_s)
                    found.append(TranscriptSegment(self.start, self.at, self.stt.next_line()))
                    self.start = None
            self.at += seconds
        return found

    def ready(self) -> None:
        if self.stt.unavailable:
            raise ProviderUnavailable(self.stt.unavailable)
        self.stt.readied += 1

    def partial(self) -> str:
        return "" if self.start is None else self.stt.lines[self.stt.said % len(self.stt.lines)].split()[0]

    def partial_ready(self) -> bool:
        return self.start is not None

    def finish(self) -> list:
        from services.models import TranscriptSegment

        if self.start is None:
            return []
        segment = TranscriptSegment(self.start, self.at, self.stt.next_line())
        self.start = None
        return [segment]
