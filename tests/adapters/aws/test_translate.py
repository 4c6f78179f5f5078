"""Amazon Translate against a real botocore client with Stubber: every request is validated by the service model."""

from __future__ import annotations

import boto3
import pytest
from botocore.stub import Stubber

from services.adapters.aws.translate import MAX_REQUEST_BYTES, AmazonTranslator, split_text
from services.errors import InvalidInput, ProviderUnavailable


@pytest.fixture
def stubbed():
    client = boto3.client("translate", region_name="us-east-1", aws_access_key_id="testing",
                          aws_secret_access_key="testing")
    with Stubber(client) as stubber:
        yield client, stubber
        stubber.assert_no_pending_responses()


def _answer(text: str, source: str = "en", target: str = "fr") -> dict[str, str]:
    return {"TranslatedText": text, "SourceLanguageCode": source, "TargetLanguageCode": target}


def test_translate_text_sends_the_pair_and_returns_the_translation(stubbed):
    client, stubber = stubbed
    stubber.add_response("translate_text", _answer("Où est ma commande ?"),
                         {"Text": "Where is my order?", "SourceLanguageCode": "en", "TargetLanguageCode": "fr"})
    result = AmazonTranslator(client=client).translate("Where is my order?", "en", "fr")
    assert (result.text, result.source, result.target, result.provider) == ("Où est ma commande ?", "en", "fr", "aws")


def test_every_seed_pair_is_offered():
    pairs = AmazonTranslator(client=object()).pairs()
    assert ("fr", "de") in pairs and ("de", "es") in pairs and ("en", "en") not in pairs
    assert len(pairs) == 12


def test_same_language_costs_no_call(stubbed):
    client, _ = stubbed
    assert AmazonTranslator(client=client).translate("Hola", "es", "es").text == "Hola"


def test_a_long_article_goes_in_pieces_under_the_limit_and_keeps_its_paragraphs(stubbed):
    client, stubber = stubbed
    paragraph = "The parcel is on its way. " * 250  # ≈ 6,500 bytes: two fit in no request
    text = f"{paragraph.strip()}\n\n{paragraph.strip()}\n\n{paragraph.strip()}"
    for _ in range(3):
        stubber.add_response("translate_text", _answer("Le colis est en route."),
                             {"Text": paragraph.strip(), "SourceLanguageCode": "en", "TargetLanguageCode": "fr"})
    result = AmazonTranslator(client=client).translate(text, "en", "fr")
    assert result.text == "Le colis est en route.\n\nLe colis est en route.\n\nLe colis est en route."


def test_unsupported_pair_or_outage_is_provider_unavailable(stubbed):
    client, stubber = stubbed
    stubber.add_client_error("translate_text", "UnsupportedLanguagePairException", "no such pair", 400)
    with pytest.raises(ProviderUnavailable, match="AWS Translate unavailable"):
        AmazonTranslator(client=client).translate("Hello", "en", "de")


def test_text_too_large_for_the_service_is_invalid_input(stubbed):
    client, stubber = stubbed
    stubber.add_client_error("translate_text", "TextSizeLimitExceededException", "too big", 400)
    with pytest.raises(InvalidInput, match="rejected the input"):
        AmazonTranslator(client=client).translate("Hello", "en", "de")


def test_empty_or_huge_text_is_refused_before_any_call(stubbed):
    client, _ = stubbed
    with pytest.raises(InvalidInput):
        AmazonTranslator(client=client).translate("   ", "en", "de")
    with pytest.raises(InvalidInput, match="too long"):
        AmazonTranslator(client=client).translate("x" * 100_001, "en", "de")


@pytest.mark.parametrize("text", [
    "short",
    "a" * 25_000,
    "é" * 12_000,
    ("Sentence one. Sentence two! " * 900) + "\n" + ("line\n" * 3000) + "\n\n\n" + "para " * 3000,
    "\n\nstarts and ends with breaks\n\n" + "w. " * 5000 + "\n\n",
])
def test_pieces_join_back_to_the_text_and_fit_the_limit(text):
    pieces = split_text(text)
    assert "".join(pieces) == text
    assert all(len(p.encode("utf-8")) <= MAX_REQUEST_BYTES for p in pieces)
