"""Comprehend adapters against a real botocore client with Stubber: every request is validated by the service model."""

from __future__ import annotations

import boto3
import pytest
from botocore.config import Config
from botocore.stub import Stubber

from services.adapters.aws.comprehend import (
    ComprehendEntityExtractor,
    ComprehendLanguageDetector,
    ComprehendPiiDetector,
    ComprehendSentimentAnalyzer,
)
from services.errors import InvalidInput, ProviderUnavailable
from services.models import Entity


class Capture:
    """Matches any parameter value in expected_params and keeps it for later asserts."""

    value: object = None

    def __eq__(self, other: object) -> bool:
        self.value = other
        return True


class FakeLocalSentiment:
    def emotions(self, text: str) -> dict[str, float]:
        return {"anger": 0.7, "joy": 0.0} if "!!" in text else {}


class FakeLocalEntities:
    """Stands for our regex extractor: it knows Brightwave order (BW-) and tracking (1Z) formats."""

    def extract(self, text: str) -> list[Entity]:
        found = []
        for kind, prefix in (("order_number", "BW-"), ("tracking_number", "1Z")):
            start = text.find(prefix)
            if start >= 0:
                end = text.find(" ", start)
                found.append(Entity(kind, text[start:end], start, end, text[start:end]))
        found.append(Entity("email", "x@example.com", 0, 1))  # kinds other than order/tracking are not merged
        return found


def _client(**kwargs: object) -> object:
    return boto3.client("comprehend", region_name="us-east-1", aws_access_key_id="testing",
                        aws_secret_access_key="testing", **kwargs)


@pytest.fixture
def stubbed():
    client = _client()
    with Stubber(client) as stubber:
        yield client, stubber
        stubber.assert_no_pending_responses()


def _span(text: str, fragment: str, kind: str, score: float = 0.99) -> dict[str, object]:
    start = text.index(fragment)
    return {"Type": kind, "Text": fragment, "BeginOffset": start, "EndOffset": start + len(fragment), "Score": score}


# ---- language -------------------------------------------------------------------------------------------------


def test_language_is_the_best_scored_code(stubbed):
    client, stubber = stubbed
    text = "hola, mi pedido no llegó 😤 y nadie contesta"
    stubber.add_response("detect_dominant_language",
                         {"Languages": [{"LanguageCode": "en", "Score": 0.03}, {"LanguageCode": "es", "Score": 0.95}]},
                         {"Text": text})
    assert ComprehendLanguageDetector(client=client).detect(text) == "es"


@pytest.mark.parametrize(("languages", "expected"), [
    ([], "und"),
    ([{"LanguageCode": "zh-TW", "Score": 0.9}], "zh"),
])
def test_language_edge_answers(stubbed, languages, expected):
    client, stubber = stubbed
    stubber.add_response("detect_dominant_language", {"Languages": languages}, {"Text": "🙂👍"})
    assert ComprehendLanguageDetector(client=client).detect("🙂👍") == expected


# ---- sentiment ------------------------------------------------------------------------------------------------


def test_sentiment_label_and_scores_are_ours(stubbed):
    client, stubber = stubbed
    text = "3rd time asking!! where is my sofa?? this is a joke"
    stubber.add_response("detect_sentiment", {
        "Sentiment": "NEGATIVE",
        "SentimentScore": {"Positive": 0.01, "Negative": 0.93, "Neutral": 0.04, "Mixed": 0.02},
    }, {"Text": text, "LanguageCode": "en"})
    result = ComprehendSentimentAnalyzer(client=client).analyze(text)
    assert result.label == "negative"
    assert result.scores == {"positive": 0.01, "negative": 0.93, "neutral": 0.04, "mixed": 0.02}


def test_sentiment_sends_the_configured_language(stubbed):
    client, stubber = stubbed
    stubber.add_response("detect_sentiment", {
        "Sentiment": "MIXED",
        "SentimentScore": {"Positive": 0.4, "Negative": 0.4, "Neutral": 0.1, "Mixed": 0.1},
    }, {"Text": "super service, mais livraison en retard", "LanguageCode": "fr"})
    result = ComprehendSentimentAnalyzer(client=client, language="fr").analyze("super service, mais livraison en retard")
    assert result.label == "mixed"


def test_long_sentiment_input_is_cut_on_a_character_boundary(stubbed):
    client, stubber = stubbed
    text = "ugh!! " + "still no parcel 😡 " * 400  # 😡 is 4 bytes: byte 5,000 falls inside one
    assert len(text.encode("utf-8")) > 5_000
    with pytest.raises(UnicodeDecodeError):
        text.encode("utf-8")[:5_000].decode("utf-8")  # the naive cut would split the emoji
    sent = Capture()
    stubber.add_response("detect_sentiment", {
        "Sentiment": "NEGATIVE",
        "SentimentScore": {"Positive": 0.0, "Negative": 0.9, "Neutral": 0.1, "Mixed": 0.0},
    }, {"Text": sent, "LanguageCode": "en"})
    ComprehendSentimentAnalyzer(client=client).analyze(text)
    encoded = sent.value.encode("utf-8")
    assert 4_996 <= len(encoded) <= 5_000
    assert text.startswith(sent.value)
    assert encoded.decode("utf-8") == sent.value


def test_emotions_come_from_the_local_fallback_without_calling_aws(stubbed):
    client, _ = stubbed
    analyzer = ComprehendSentimentAnalyzer(client=client, local=FakeLocalSentiment())
    assert analyzer.emotions("fix it now!!") == {"anger": 0.7, "joy": 0.0}
    assert ComprehendSentimentAnalyzer(client=client).emotions("fix it now!!") == {}


# ---- entities -------------------------------------------------------------------------------------------------


def test_entities_are_mapped_to_our_kinds_and_merged_with_local_numbers(stubbed):
    client, stubber = stubbed
    text = ("@brightwave order BW-10234 still not here?? paid $89.99 for the Aurora lamp on 3 March, "
            "tracking 1Z999AA10123456784 says nothing. I need 2 lamps by Friday")
    stubber.add_response("detect_entities", {"Entities": [
        _span(text, "@brightwave", "ORGANIZATION"),
        _span(text, "BW-10234", "OTHER"),
        _span(text, "$89.99", "QUANTITY"),
        _span(text, "Aurora lamp", "COMMERCIAL_ITEM"),
        _span(text, "3 March", "DATE"),
        _span(text, "2 lamps", "QUANTITY"),
    ]}, {"Text": text, "LanguageCode": "en"})
    found = ComprehendEntityExtractor(client=client, local=FakeLocalEntities()).extract(text)
    assert [(e.kind, e.text) for e in found] == [
        ("organization", "@brightwave"),
        ("order_number", "BW-10234"),
        ("amount", "$89.99"),
        ("product", "Aurora lamp"),
        ("date", "3 March"),
        ("tracking_number", "1Z999AA10123456784"),
        ("quantity", "2 lamps"),
    ]
    assert all(text[e.start:e.end] == e.text for e in found)
    assert next(e for e in found if e.kind == "amount").value == "89.99"


def test_entities_without_a_local_extractor_keep_comprehend_types(stubbed):
    client, stubber = stubbed
    text = "refund 12,50 EUR to Lisbon pls"
    stubber.add_response("detect_entities", {"Entities": [
        _span(text, "12,50 EUR", "QUANTITY"), _span(text, "Lisbon", "LOCATION"),
    ]}, {"Text": text, "LanguageCode": "en"})
    found = ComprehendEntityExtractor(client=client).extract(text)
    assert [(e.kind, e.value) for e in found] == [("amount", "12.50"), ("location", "")]


# ---- PII ------------------------------------------------------------------------------------------------------


def test_pii_types_are_mapped_to_our_kinds(stubbed):
    client, stubber = stubbed
    text = ("hi its Dana Whitfield, card 4111 1111 1111 1111, iban GB82 WEST 1234 5698 7654 32, acct 31926819, "
            "dana.w@example.com / 07700 900123, ssn 123-45-6789, 14 Elm Street, pin 4321, NI QQ 12 34 56 C, "
            "passport 533401672")
    pieces = [("Dana Whitfield", "NAME"), ("4111 1111 1111 1111", "CREDIT_DEBIT_NUMBER"),
              ("GB82 WEST 1234 5698 7654 32", "INTERNATIONAL_BANK_ACCOUNT_NUMBER"), ("31926819", "BANK_ACCOUNT_NUMBER"),
              ("dana.w@example.com", "EMAIL"), ("07700 900123", "PHONE"), ("123-45-6789", "SSN"),
              ("14 Elm Street", "ADDRESS"), ("4321", "PIN"), ("QQ 12 34 56 C", "UK_NATIONAL_INSURANCE_NUMBER"),
              ("533401672", "PASSPORT_NUMBER")]
    entities = [{k: v for k, v in _span(text, frag, kind, 0.9).items() if k != "Text"} for frag, kind in pieces]
    stubber.add_response("detect_pii_entities", {"Entities": entities}, {"Text": text, "LanguageCode": "en"})
    spans = ComprehendPiiDetector(client=client).find(text)
    assert [s.kind for s in spans] == ["PERSON", "CARD", "IBAN", "BANK_ACCOUNT", "EMAIL", "PHONE", "SSN", "ADDRESS", "PIN",
                                       "NATIONAL_ID", "NATIONAL_ID"]  # the local detector's kinds
    assert [text[s.start:s.end] for s in spans] == [frag for frag, _ in pieces]
    assert all(s.score == 0.9 for s in spans)


# ---- errors ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("code", "status"), [
    ("ThrottlingException", 400),
    ("TooManyRequestsException", 429),
    ("InternalServerException", 500),
    ("AccessDeniedException", 403),
    ("UnsupportedLanguageException", 400),
])
def test_outages_become_provider_unavailable(stubbed, code, status):
    client, stubber = stubbed
    stubber.add_client_error("detect_sentiment", service_error_code=code, service_message="Rate exceeded",
                             http_status_code=status, expected_params={"Text": "where is my order", "LanguageCode": "en"})
    with pytest.raises(ProviderUnavailable, match=f"AWS Comprehend unavailable \\({code}\\): Rate exceeded"):
        ComprehendSentimentAnalyzer(client=client).analyze("where is my order")


@pytest.mark.parametrize("code", ["ValidationException", "TextSizeLimitExceededException", "InvalidRequestException"])
def test_rejected_input_becomes_invalid_input(stubbed, code):
    client, stubber = stubbed
    stubber.add_client_error("detect_pii_entities", service_error_code=code, service_message="bad document",
                             http_status_code=400, expected_params={"Text": "my card is 4111", "LanguageCode": "en"})
    with pytest.raises(InvalidInput, match=code):
        ComprehendPiiDetector(client=client).find("my card is 4111")


@pytest.mark.parametrize("adapter", [ComprehendLanguageDetector, ComprehendSentimentAnalyzer,
                                     ComprehendEntityExtractor, ComprehendPiiDetector])
def test_empty_text_is_refused_without_calling_aws(stubbed, adapter):
    client, _ = stubbed  # no response queued: a call would fail the test
    instance = adapter(client=client)
    method = next(getattr(instance, name) for name in ("detect", "analyze", "extract", "find") if hasattr(instance, name))
    with pytest.raises(InvalidInput):
        method("   \n")


def test_closed_endpoint_becomes_provider_unavailable():
    config = Config(retries={"mode": "standard", "total_max_attempts": 1}, connect_timeout=0.5, read_timeout=0.5)
    client = _client(endpoint_url="http://127.0.0.1:9", config=config)  # nothing listens on the discard port
    with pytest.raises(ProviderUnavailable, match="EndpointConnectionError"):
        ComprehendLanguageDetector(client=client).detect("is anyone there?")
