"""The circuit breaker and the fall-back wrapper, on an injected clock: no sleeping, no AWS."""

from __future__ import annotations

import threading

import pytest

from services import fallback
from services.bootstrap import build_services
from services.breaker import CLOSED, HALF_OPEN, OPEN, CircuitBreaker
from services.config import Settings
from services.errors import ConfigError, InvalidInput, ProviderUnavailable
from services.models import Sentiment


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def test_opens_after_n_failures_in_a_row_and_stays_open_for_t_seconds(clock):
    breaker = CircuitBreaker("aws", failures=3, open_s=30, clock=clock)
    for _ in range(2):
        assert breaker.allow()
        breaker.failure()
    assert breaker.state == CLOSED
    assert breaker.allow()
    breaker.failure()
    assert breaker.state == OPEN and not breaker.allow()
    clock.advance(29.9)
    assert not breaker.allow()
    assert breaker.retry_in() == pytest.approx(0.1)


def test_a_success_resets_the_count(clock):
    breaker = CircuitBreaker("aws", failures=3, open_s=30, clock=clock)
    for outcome in ("fail", "fail", "ok", "fail", "fail"):
        assert breaker.allow()
        breaker.failure() if outcome == "fail" else breaker.success()
    assert breaker.state == CLOSED


def test_half_open_after_t_lets_one_trial_call_through(clock):
    breaker = CircuitBreaker("aws", failures=1, open_s=30, clock=clock)
    breaker.failure()
    clock.advance(30)
    assert breaker.state == HALF_OPEN
    assert breaker.allow()  # the trial call
    assert not breaker.allow()  # everyone else keeps going to local meanwhile
    breaker.success()
    assert breaker.state == CLOSED and breaker.allow()


def test_a_failed_trial_call_opens_it_for_another_t(clock):
    breaker = CircuitBreaker("aws", failures=3, open_s=30, clock=clock)
    for _ in range(3):
        breaker.failure()
    clock.advance(31)
    assert breaker.allow()
    breaker.failure()  # one failure is enough in half-open
    assert breaker.state == OPEN and not breaker.allow()
    clock.advance(29)
    assert not breaker.allow()
    clock.advance(1)
    assert breaker.allow()


def test_a_released_trial_lets_the_next_caller_try(clock):
    breaker = CircuitBreaker("aws", failures=1, open_s=5, clock=clock)
    breaker.failure()
    clock.advance(5)
    assert breaker.allow()
    breaker.release()
    assert breaker.allow()


def test_only_one_trial_call_among_many_threads(clock):
    breaker = CircuitBreaker("aws", failures=1, open_s=5, clock=clock)
    breaker.failure()
    clock.advance(5)
    allowed: list[bool] = []
    start = threading.Barrier(8)

    def ask() -> None:
        start.wait()
        allowed.append(breaker.allow())

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert allowed.count(True) == 1


# ---- the fall-back wrapper bootstrap builds around a remote provider ---------------------------------------------


class FlakySentiment:
    """A remote sentiment provider that is down until told otherwise, counting its calls."""

    def __init__(self) -> None:
        self.calls = 0
        self.up = False
        self.reject = False

    def analyze(self, text: str) -> Sentiment:
        self.calls += 1
        if self.reject:
            raise InvalidInput("AWS Comprehend rejected the input (ValidationException)")
        if not self.up:
            raise ProviderUnavailable("AWS Comprehend unavailable (ConnectTimeoutError)")
        return Sentiment("positive", {"positive": 1.0, "neutral": 0.0, "negative": 0.0, "mixed": 0.0})

    def emotions(self, text: str) -> dict[str, float]:
        return {}


class LocalSentiment:
    def analyze(self, text: str) -> Sentiment:
        return Sentiment("neutral", {"positive": 0.0, "neutral": 1.0, "negative": 0.0, "mixed": 0.0})

    def emotions(self, text: str) -> dict[str, float]:
        return {}


@pytest.fixture
def remote(tmp_path, clock):
    flaky = FlakySentiment()
    services = build_services(Settings(db_path=str(tmp_path / "x.db"), providers={"sentiment": "aws"},
                                       breaker_failures=2, breaker_open_s=10), clock=clock, sentiment=flaky)
    services._locals["sentiment"] = LocalSentiment()  # the local model is not the point here
    return services, flaky


def test_an_open_circuit_goes_straight_to_local_and_keeps_the_notice(remote, clock):
    services, flaky = remote
    notices: list[str] = []
    with fallback.collecting(notices):
        labels = [services.sentiment.analyze("hi").label for _ in range(5)]
    assert labels == ["neutral"] * 5
    assert flaky.calls == 2  # two failures open the circuit: the next three never reach the remote provider
    assert len(notices) == 5 and all(n.startswith("sentiment: aws unavailable (") for n in notices)
    assert "ConnectTimeoutError" in notices[0] and "circuit open after 2 failures" in notices[-1]
    assert services.breaker("aws").state == OPEN
    clock.advance(10)
    flaky.up = True
    assert services.sentiment.analyze("hi").label == "positive"  # the trial call reached it and closed the circuit
    assert flaky.calls == 3 and services.breaker("aws").state == CLOSED


def test_a_rejected_input_is_not_an_outage(remote):
    services, flaky = remote
    flaky.reject = True
    for _ in range(3):
        with pytest.raises(InvalidInput):
            services.sentiment.analyze("x" * 10)
    assert services.breaker("aws").state == CLOSED and flaky.calls == 3


def test_without_a_collector_the_notice_is_logged(remote, caplog):
    services, _ = remote
    assert services.sentiment.analyze("hi").label == "neutral"
    assert "sentiment: aws unavailable" in caplog.text


def test_breaker_settings_are_validated():
    with pytest.raises(ConfigError, match="breaker_failures"):
        Settings(breaker_failures=0)
    with pytest.raises(ConfigError, match="breaker_open_s"):
        Settings(breaker_open_s=-1)
