"""Amazon Comprehend adapters: language, sentiment, entities and PII.

Each takes an optional injected client (tests pass a Stubber-wrapped one) and builds its own otherwise. Text is
truncated on a UTF-8 character boundary to the API's size limit; offsets Comprehend returns count Unicode code
points, the same as Python string indices, so they index the original text.
"""

from __future__ import annotations

import re
from typing import Any

from services.adapters.aws.clients import make_client, require_text, translated_errors, truncate_utf8
from services.config import Settings
from services.models import Entity, PiiSpan, Sentiment

LABEL = "AWS Comprehend"
SENTIMENT_MAX_BYTES = 5_000
DETECT_MAX_BYTES = 100_000  # DetectDominantLanguage, DetectEntities, DetectPiiEntities

SENTIMENT_KEYS = ("positive", "negative", "neutral", "mixed")
ENTITY_KINDS = {"DATE": "date", "COMMERCIAL_ITEM": "product"}
PII_KINDS = {
    "EMAIL": "EMAIL",
    "PHONE": "PHONE",
    "CREDIT_DEBIT_NUMBER": "CARD",
    "CREDIT_DEBIT_CVV": "CVV",  # the local detector's kind since session 22 (pii_rules.find_session27d)
    "BANK_ACCOUNT_NUMBER": "BANK_ACCOUNT",  # the local detector's kinds since session 13 (pii_rules.py)
    "INTERNATIONAL_BANK_ACCOUNT_NUMBER": "IBAN",
    "SSN": "SSN",
    "UK_NATIONAL_INSURANCE_NUMBER": "NATIONAL_ID",
    "CA_SOCIAL_INSURANCE_NUMBER": "NATIONAL_ID",
    "US_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER": "NATIONAL_ID",
    "UK_UNIQUE_TAXPAYER_REFERENCE_NUMBER": "NATIONAL_ID",
    "IN_PERMANENT_ACCOUNT_NUMBER": "NATIONAL_ID",
    "IN_AADHAAR": "NATIONAL_ID",
    "PASSPORT_NUMBER": "NATIONAL_ID",
    "DRIVER_ID": "NATIONAL_ID",
    "ADDRESS": "ADDRESS",
    "NAME": "PERSON",
}
LOCAL_ENTITY_KINDS = ("order_number", "tracking_number")  # our own formats, which Comprehend cannot know
CURRENCY = re.compile(r"[$€£¥₹]|\b(?:usd|eur|gbp|cad|aud|dollars?|euros?|pounds?|quid|bucks)\b", re.IGNORECASE)
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
DECIMAL_COMMA = re.compile(r"(?<!\d)\d++,\d{2}")


class _ComprehendAdapter:
    """Holds the client: the injected one, else a new one for settings' region."""

    def __init__(self, settings: Settings | None = None, client: Any = None, batch: bool = False) -> None:
        self._client = client if client is not None else make_client("comprehend", settings or Settings(), batch=batch)

    def _call(self, operation: str, **params: Any) -> dict[str, Any]:
        with translated_errors(LABEL):
            return getattr(self._client, operation)(**params)


class ComprehendLanguageDetector(_ComprehendAdapter):
    """DetectDominantLanguage → ISO 639-1 code of the best-scored language, 'und' when none."""

    def detect(self, text: str) -> str:
        text = truncate_utf8(require_text(text), DETECT_MAX_BYTES)
        languages = self._call("detect_dominant_language", Text=text).get("Languages", [])
        if not languages:
            return "und"
        best = max(languages, key=lambda lang: lang.get("Score", 0.0))
        code = best.get("LanguageCode", "")
        return code.split("-")[0].lower() or "und"  # "zh-TW" → "zh", like the local detector


class ComprehendSentimentAnalyzer(_ComprehendAdapter):
    """DetectSentiment; emotions come from the local fall-back because Comprehend has none."""

    def __init__(self, settings: Settings | None = None, client: Any = None, local: Any = None,
                 language: str = "en", batch: bool = False) -> None:
        super().__init__(settings, client, batch)
        self._local = local
        self._language = language

    def analyze(self, text: str) -> Sentiment:
        text = truncate_utf8(require_text(text), SENTIMENT_MAX_BYTES)
        response = self._call("detect_sentiment", Text=text, LanguageCode=self._language)
        raw = response.get("SentimentScore", {})
        scores = {key: float(raw.get(key.capitalize(), 0.0)) for key in SENTIMENT_KEYS}
        label = str(response.get("Sentiment", "NEUTRAL")).lower()
        return Sentiment(label if label in SENTIMENT_KEYS else "neutral", scores)

    def emotions(self, text: str) -> dict[str, float]:
        return self._local.emotions(text) if self._local is not None else {}


def _span(text: str, item: dict[str, Any]) -> tuple[int, int]:
    """Offsets clamped into the text, so a slice never fails."""
    start = max(0, min(int(item.get("BeginOffset", 0)), len(text)))
    end = max(start, min(int(item.get("EndOffset", start)), len(text)))
    return start, end


def entity_kind(comprehend_type: str, fragment: str) -> str:
    """Our entity kind for a Comprehend type: a QUANTITY with a currency is an amount."""
    if comprehend_type == "QUANTITY":
        return "amount" if CURRENCY.search(fragment) else "quantity"
    return ENTITY_KINDS.get(comprehend_type, comprehend_type.lower())


def _value(kind: str, fragment: str) -> str:
    """The number of an amount ("1,299.99" → "1299.99", "12,50" → "12.50"); "" for other kinds."""
    number = NUMBER.search(fragment) if kind == "amount" else None
    if number is None:
        return ""
    digits = number.group()
    return digits.replace(",", ".") if DECIMAL_COMMA.fullmatch(digits) else digits.replace(",", "")


def merge_entities(remote: list[Entity], local: list[Entity]) -> list[Entity]:
    """Remote entities plus local order/tracking numbers; a local one replaces remote ones it overlaps."""
    ours = [e for e in local if e.kind in LOCAL_ENTITY_KINDS]
    kept = [e for e in remote if not any(e.start < o.end and o.start < e.end for o in ours)]
    unique = {(e.kind, e.start, e.end): e for e in kept + ours}
    return sorted(unique.values(), key=lambda e: (e.start, e.end, e.kind))


class ComprehendEntityExtractor(_ComprehendAdapter):
    """DetectEntities mapped to our kinds, merged with the local extractor's order and tracking numbers."""

    def __init__(self, settings: Settings | None = None, client: Any = None, local: Any = None,
                 language: str = "en", batch: bool = False) -> None:
        super().__init__(settings, client, batch)
        self._local = local
        self._language = language

    def extract(self, text: str) -> list[Entity]:
        sent = truncate_utf8(require_text(text), DETECT_MAX_BYTES)
        response = self._call("detect_entities", Text=sent, LanguageCode=self._language)
        remote = [self._entity(text, item) for item in response.get("Entities", [])]
        local = self._local.extract(text) if self._local is not None else []
        return merge_entities([e for e in remote if e.end > e.start], local)

    @staticmethod
    def _entity(text: str, item: dict[str, Any]) -> Entity:
        start, end = _span(text, item)
        fragment = text[start:end]
        kind = entity_kind(str(item.get("Type", "OTHER")), fragment)
        return Entity(kind, fragment, start, end, _value(kind, fragment))


class ComprehendPiiDetector(_ComprehendAdapter):
    """DetectPiiEntities → PiiSpan with our kinds (CARD, IBAN, PERSON, ...); unknown types kept uppercase."""

    def __init__(self, settings: Settings | None = None, client: Any = None, language: str = "en",
                 batch: bool = False) -> None:
        super().__init__(settings, client, batch)
        self._language = language

    def find(self, text: str) -> list[PiiSpan]:
        sent = truncate_utf8(require_text(text), DETECT_MAX_BYTES)
        response = self._call("detect_pii_entities", Text=sent, LanguageCode=self._language)
        spans = [self._pii(text, item) for item in response.get("Entities", [])]
        return sorted((s for s in spans if s.end > s.start), key=lambda s: (s.start, s.end))

    @staticmethod
    def _pii(text: str, item: dict[str, Any]) -> PiiSpan:
        start, end = _span(text, item)
        kind = str(item.get("Type", "OTHER")).upper()
        return PiiSpan(PII_KINDS.get(kind, kind), start, end, float(item.get("Score", 1.0)))
