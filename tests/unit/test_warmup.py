"""The app loads its models in the background when it builds its Services (services/warmup.py)."""

from __future__ import annotations

import logging

from services.bootstrap import build_services
from services.errors import ProviderUnavailable
from services.warmup import start, warm_up, warm_up_in_background
from tests.fakes import fake_pipeline


class Counting:
    def __init__(self, broken: bool = False) -> None:
        self.calls, self.broken = 0, broken

    def __getattr__(self, name: str):  # find / classify / analyze
        def call(text: str):
            self.calls += 1
            if self.broken:
                raise ProviderUnavailable("the model file is missing")
            return []
        return call


def test_each_model_is_used_once_and_a_broken_one_is_logged_not_raised(settings, caplog):
    pii, intent, sentiment = Counting(), Counting(broken=True), Counting()
    services = build_services(settings, **{**fake_pipeline(), "pii": pii, "intent": intent, "sentiment": sentiment})
    with caplog.at_level(logging.WARNING, "services.warmup"):
        took = warm_up(services)
    assert set(took) == {"pii", "intent", "sentiment"} and (pii.calls, intent.calls, sentiment.calls) == (1, 1, 1)
    assert "intent did not load: the model file is missing" in caplog.text


def test_in_the_background_it_does_not_hold_the_caller(settings):
    pii = Counting()
    services = build_services(settings, **{**fake_pipeline(), "pii": pii})
    thread = warm_up_in_background(services)
    thread.join(10)
    assert not thread.is_alive() and pii.calls == 1


def test_start_warms_each_services_once(settings):
    pii = Counting()
    services = build_services(settings, **{**fake_pipeline(), "pii": pii})
    first = start(services)
    assert first is not None and start(services) is None  # the app calls it on every run
    first.join(10)
    assert pii.calls == 1
