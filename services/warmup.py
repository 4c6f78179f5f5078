"""Load the local models a server needs before its first user does: the PII detector (Presidio and the NER model,
~2 s), the intent and sentiment models. ``app.py`` calls ``start`` on every run; the first call for a Services
starts the loading on a background thread, so the first page that masks or analyses text does not wait for a model load (the live
monitor masked its rows' subjects and took 2.2 s on a fresh process; 0.02 s after). A provider that fails to load
here is only logged: the page that needs it says so as it always does."""

from __future__ import annotations

import logging
import threading
import time

from services.bootstrap import Services
from services.errors import ServiceError

log = logging.getLogger(__name__)
SAMPLE = "Hi, I'm Ana García (ana@example.com): where is my order BW-100001? Thanks"


def warm_up(services: Services) -> dict[str, float]:
    """Load each model now, in this thread; returns the seconds each took (a failure is logged, not raised)."""
    took: dict[str, float] = {}
    for name, call in (("pii", lambda: services.pii.find(SAMPLE)),
                       ("intent", lambda: services.intent.classify(SAMPLE)),
                       ("sentiment", lambda: services.sentiment.analyze(SAMPLE))):
        started = time.perf_counter()
        try:
            call()
        except (ServiceError, OSError, RuntimeError, ValueError) as e:
            log.warning("warm-up: %s did not load: %s", name, e)
        took[name] = round(time.perf_counter() - started, 3)
    return took


_started: set[int] = set()
_lock = threading.Lock()


def start(services: Services) -> threading.Thread | None:
    """Warm these Services up on a background thread, the first time only (later calls return None at once)."""
    with _lock:
        if id(services) in _started:
            return None
        _started.add(id(services))
    return warm_up_in_background(services)


def warm_up_in_background(services: Services) -> threading.Thread:
    thread = threading.Thread(target=warm_up, args=(services,), name="frontline-warm-up", daemon=True)
    thread.start()
    return thread
