"""An AWS outage costs the first message a few short timeouts, not every message six: after breaker_failures
failures in a row the circuit opens and the next message is analysed by the local providers without calling AWS.

The AWS providers are the real adapters with their real live-path clients (make_client: connect timeout 1 s, one
retry). The outage is a ConnectTimeoutError raised where botocore sends the request (``before-send``), so botocore's
own retry handler sees it; the recovery is answered through botocore's Stubber on the same client.
"""

from __future__ import annotations

import time

import pytest
from botocore.exceptions import ConnectTimeoutError
from botocore.stub import Stubber

from services import assist
from services.bootstrap import build_services
from services.breaker import CLOSED, OPEN
from services.config import Settings

AWS_STAGES = ("language", "pii", "intent", "sentiment", "entities", "replies")


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def aws_outage(monkeypatch, tmp_path):
    """Services on backend aws whose every AWS client times out on connect; returns (services, sent, calls, clock)."""
    for key, value in (("AWS_ACCESS_KEY_ID", "testing"), ("AWS_SECRET_ACCESS_KEY", "testing"),
                       ("AWS_EC2_METADATA_DISABLED", "true"), ("AWS_CONFIG_FILE", str(tmp_path / "none")),
                       ("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "none"))):
        monkeypatch.setenv(key, value)
    clock = FakeClock()
    services = build_services(Settings(backend="aws", db_path=str(tmp_path / "x.db")), clock=clock)
    sent: list[str] = []  # HTTP requests botocore tried to send (each timed out)
    calls: list[str] = []  # API calls our adapters made (before any retry)

    def connect_timeout(request, **kwargs):
        sent.append(request.url)
        raise ConnectTimeoutError(endpoint_url=request.url)

    for capability in AWS_STAGES:
        events = services.get(capability)._client.meta.events
        events.register("before-send", connect_timeout, unique_id="outage")
        events.register("before-parameter-build", lambda model, **kw: calls.append(model.name),
                        unique_id="count-calls")
    return services, sent, calls, clock


def test_after_the_breaker_opens_the_next_message_never_calls_aws(aws_outage):
    services, sent, calls, clock = aws_outage
    started = time.perf_counter()
    first = assist.analyze_message(services, "where is my order BW-104233? this is taking forever")
    first_ms = (time.perf_counter() - started) * 1000
    assert first.degraded and first.intent.label == "Order Status"
    assert len(calls) == 3  # breaker_failures=3 failed calls opened the circuit; the other stages went local at once
    assert len(sent) == 6  # each failed call: the first attempt and one retry (live path), each a connect timeout
    assert services.breaker("aws").state == OPEN
    failed = {notice.split(":")[0] for notice in first.notices}
    assert set(AWS_STAGES) <= failed  # every stage still says it was served locally
    assert sum("ConnectTimeoutError" in n for n in first.notices) == 3
    assert sum("circuit open after 3 failures" in n for n in first.notices) >= 3

    started = time.perf_counter()
    second = assist.analyze_message(services, "I was charged twice for the lamp, please refund me")
    second_ms = (time.perf_counter() - started) * 1000
    print(f"outage: first message {first_ms:.0f} ms {first.timings_ms}, next message {second_ms:.1f} ms")
    assert len(calls) == 3 and len(sent) == 6  # not one more call to AWS
    assert second.degraded and second.provider == "local"
    assert all("aws unavailable (circuit open" in n for n in second.notices if not n.startswith("knowledge"))
    # No connect attempt means no connect timeout to wait for; how fast that is lives in bench/, not here
    # (a 100 ms bound failed at load average 20).


def test_after_open_s_one_trial_call_reaches_aws_and_closes_the_circuit(aws_outage):
    services, sent, calls, clock = aws_outage
    assist.analyze_message(services, "where is my order BW-104233?")
    assert services.breaker("aws").state == OPEN
    clock.now += services.settings.breaker_open_s
    client = services.get("language")._client
    with Stubber(client) as stubber:  # AWS is back: Stubber answers before anything is sent
        stubber.add_response("detect_dominant_language", {"Languages": [{"LanguageCode": "fr", "Score": 0.99}]})
        assert services.language.detect("où est ma commande ?") == "fr"
        stubber.assert_no_pending_responses()
    assert services.breaker("aws").state == CLOSED
