"""boto3 clients built from Settings, and translation of botocore errors into services.errors.

A client is created without touching credentials (boto3 resolves them at the first call), so building the AWS
providers never fails on a machine without an AWS profile; the first call then raises ProviderUnavailable.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from services.config import Settings
from services.errors import InvalidInput, ProviderUnavailable

TOTAL_ATTEMPTS = 3  # batch paths: one call and at most two retries, standard mode (backs off on throttling and 5xx)
LIVE_TOTAL_ATTEMPTS = 2  # the live path (an agent waits): one call and one retry; then the local provider answers
LIVE_CONNECT_TIMEOUT_S = 1.0  # the live path's connect timeout at most (a reachable AWS endpoint connects in ms)

# Error codes that mean "the caller's input is wrong": retrying or falling back will not help.
INVALID_INPUT_CODES = frozenset({
    "ValidationException",
    "TextSizeLimitExceededException",
    "TextSizeLimitExceeded",
    "InvalidRequestException",
    "TextLengthExceededException",  # Polly: too many characters
})


def make_client(service_name: str, settings: Settings, endpoint_url: str | None = None, batch: bool = False) -> Any:
    """A boto3 client with Frontline's region, timeouts and standard-mode retries.

    Args:
        service_name: boto3 service name, e.g. "comprehend" or "bedrock-runtime".
        settings: aws_region and aws_timeout_s are read from here.
        endpoint_url: an alternative endpoint (VPC endpoint, LocalStack); None for AWS's own.
        batch: a batch path (CLI evaluations, backfills): 3 attempts, connect timeout aws_timeout_s. Otherwise the
            live path: 2 attempts, connect timeout at most LIVE_CONNECT_TIMEOUT_S (the circuit breaker in
            services.fallback then skips AWS for a while after repeated failures).

    Returns:
        A botocore client. No network call and no credential lookup happen here.
    """
    import boto3
    from botocore.config import Config

    config = Config(
        region_name=settings.aws_region,
        # total_max_attempts counts the first call (botocore's max_attempts counts only retries: 3 would mean 4 calls).
        retries={"mode": "standard", "total_max_attempts": TOTAL_ATTEMPTS if batch else LIVE_TOTAL_ATTEMPTS},
        connect_timeout=settings.aws_timeout_s if batch else min(settings.aws_timeout_s, LIVE_CONNECT_TIMEOUT_S),
        read_timeout=settings.aws_timeout_s * 3,
    )
    # A Session per client: boto3's default session is not safe to share between threads while creating clients.
    session = boto3.session.Session(region_name=settings.aws_region)
    return session.client(service_name, config=config, endpoint_url=endpoint_url)


def _client_error(label: str, error: Any) -> Exception:
    details = error.response.get("Error", {})
    code = details.get("Code", "Unknown")
    message = details.get("Message", "") or str(error)
    if code == "ValidationException" and "Bedrock" in label:
        # Bedrock also answers ValidationException for a wrong or not-enabled model id: a configuration
        # problem the local provider can cover, so fall back rather than fail the agent's analysis.
        return ProviderUnavailable(f"{label} unavailable ({code}): {message} (check bedrock_model_id)")
    if code in INVALID_INPUT_CODES:
        return InvalidInput(f"{label} rejected the input ({code}): {message}")
    # Throttling, 5xx, AccessDenied, unsupported language, model not ready or not enabled: the local provider can answer.
    return ProviderUnavailable(f"{label} unavailable ({code}): {message}")


@contextmanager
def translated_errors(label: str) -> Iterator[None]:
    """Re-raise botocore errors as ProviderUnavailable or InvalidInput, naming the service.

    Args:
        label: the service as a user reads it, e.g. "AWS Comprehend".

    Raises:
        InvalidInput: the service rejected the input (ValidationException, text too large, invalid request).
        ProviderUnavailable: throttling, server errors, access denied, no credentials, connection or timeout errors.
    """
    from botocore.exceptions import BotoCoreError, ClientError, ParamValidationError

    try:
        yield
    except ClientError as e:
        raise _client_error(label, e) from e
    except ParamValidationError:
        raise  # a request our own code built wrongly: a bug, not an outage
    except BotoCoreError as e:  # EndpointConnectionError, Connect/ReadTimeoutError, NoCredentialsError, ...
        raise ProviderUnavailable(f"{label} unavailable ({type(e).__name__}): {e}") from e


def require_text(text: str) -> str:
    """The text itself; InvalidInput when it is empty or only whitespace (AWS is not called)."""
    if not isinstance(text, str) or not text.strip():
        raise InvalidInput("text is empty: nothing to analyse")
    return text


def truncate_utf8(text: str, max_bytes: int) -> str:
    """The longest prefix of text whose UTF-8 encoding fits in max_bytes, never splitting a character.

    Args:
        text: any str.
        max_bytes: the service's limit in UTF-8 bytes.

    Returns:
        text itself when it fits; else a prefix, so offsets the service returns still index the original text.
    """
    encoded = text.encode("utf-8")
    if len(encoded) <= max_bytes:
        return text
    # Dropping the incomplete tail sequence ("ignore") leaves only whole characters.
    return encoded[:max_bytes].decode("utf-8", errors="ignore")
