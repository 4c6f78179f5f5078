"""A circuit breaker per remote provider: after N failures in a row it opens for T seconds, and calls go straight to
the local provider instead of paying a timeout each; after T one trial call (half-open) decides whether it closes.

Thread-safe: the Streamlit script threads of every session share one breaker per provider.
"""

from __future__ import annotations

import threading

from services.clock import Clock, monotonic

CLOSED, OPEN, HALF_OPEN = "closed", "open", "half-open"


class CircuitBreaker:
    """Counts consecutive failures of one remote provider.

    Args:
        name: the provider, e.g. "aws" (shown in notices).
        failures: consecutive failures that open the circuit (at least 1).
        open_s: seconds the circuit stays open before one trial call is let through.
        clock: monotonic seconds; tests inject a fake one.
    """

    def __init__(self, name: str, failures: int = 3, open_s: float = 30.0, clock: Clock = monotonic) -> None:
        self.name = name
        self.failures = max(1, failures)
        self.open_s = max(0.0, open_s)
        self._clock = clock
        self._lock = threading.Lock()
        self._count = 0
        self._opened_at: float | None = None
        self._probing = False

    @property
    def state(self) -> str:
        with self._lock:
            return self._state()

    def _state(self) -> str:
        if self._opened_at is None:
            return CLOSED
        return HALF_OPEN if self._clock() - self._opened_at >= self.open_s else OPEN

    def allow(self) -> bool:
        """Whether a call may go to the remote provider now. Half-open lets exactly one trial call through at a time;
        its caller must then report success(), failure() or release()."""
        with self._lock:
            state = self._state()
            if state == CLOSED:
                return True
            if state == HALF_OPEN and not self._probing:
                self._probing = True
                return True
            return False

    def success(self) -> None:
        with self._lock:
            self._count, self._opened_at, self._probing = 0, None, False

    def failure(self) -> None:
        with self._lock:
            self._count += 1
            if self._probing or self._count >= self.failures:
                self._opened_at = self._clock()  # (re)open: a failed trial call waits another open_s
            self._probing = False

    def release(self) -> None:
        """A trial call ended without telling whether the provider is up (say, our own bug): let another try."""
        with self._lock:
            self._probing = False

    def retry_in(self) -> float:
        """Seconds until the next trial call may go through (0 when closed or half-open)."""
        with self._lock:
            if self._opened_at is None:
                return 0.0
            return max(0.0, self.open_s - (self._clock() - self._opened_at))

    def describe(self) -> str:
        return f"circuit open after {self.failures} failures in a row; next try in {self.retry_in():.0f} s"
