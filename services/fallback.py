"""The fall-back wrapper bootstrap puts around every remote provider: a call the remote provider cannot answer
(ProviderUnavailable: outage, throttling, no credentials) or that its open circuit breaker refuses goes to the local
provider, and a notice says so. Whoever wants the notices (the assist pipeline, for ``Analysis.notices``) collects
them with ``collecting(sink)`` around its calls; each thread and context has its own sink.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Generic, TypeVar, cast

from services.breaker import CircuitBreaker
from services.errors import InvalidInput, ProviderUnavailable

T = TypeVar("T")
log = logging.getLogger(__name__)
_SINK: ContextVar[list[str] | None] = ContextVar("frontline_fallback_notices", default=None)


@contextmanager
def collecting(sink: list[str]) -> Iterator[list[str]]:
    """Fall-back notices of the calls made inside the block are appended to sink."""
    token = _SINK.set(sink)
    try:
        yield sink
    finally:
        _SINK.reset(token)


class Fallback(Generic[T]):
    """Stands for a remote provider of one capability; every public method of the port goes through ``_call``.

    Args:
        capability: e.g. "sentiment" (named in notices).
        provider: the remote provider's name, e.g. "aws".
        primary: the remote provider (or a fake injected in its place).
        local: builds (once, in Services) the local provider; called only when a fall-back is needed.
        breaker: the remote provider's circuit breaker, shared by all its capabilities.
    """

    def __init__(self, capability: str, provider: str, primary: T, local: Callable[[], T],
                 breaker: CircuitBreaker) -> None:
        self._capability = capability
        self._provider = provider
        self._primary = primary
        self._local = local
        self._breaker = breaker

    def _call(self, method: str, *args: object, **kwargs: object) -> object:
        if not self._breaker.allow():
            self._notice(self._breaker.describe())
            return getattr(self._local(), method)(*args, **kwargs)
        try:
            result = getattr(self._primary, method)(*args, **kwargs)
        except ProviderUnavailable as e:
            self._breaker.failure()
            self._notice(str(e))
            return getattr(self._local(), method)(*args, **kwargs)
        except InvalidInput:
            self._breaker.success()  # the provider is up: it answered that the input is wrong
            raise
        except BaseException:
            self._breaker.release()  # our own bug, not an outage: count nothing
            raise
        self._breaker.success()
        return result

    def _notice(self, reason: str) -> None:
        notice = f"{self._capability}: {self._provider} unavailable ({reason}); used the local provider"
        sink = _SINK.get()
        if sink is None:
            log.warning(notice)
        else:
            sink.append(notice)

    def __getattr__(self, name: str) -> Callable[..., object]:
        if name.startswith("_"):
            raise AttributeError(name)
        if not callable(getattr(self._primary, name)):
            raise AttributeError(f"{name} is not a method of the {self._capability} port")
        return lambda *args, **kwargs: self._call(name, *args, **kwargs)


def guarded(capability: str, provider: str, primary: T, local: Callable[[], T], breaker: CircuitBreaker) -> T:
    """The primary provider behind a Fallback, typed as the port it implements (it has the same methods)."""
    return cast(T, Fallback(capability, provider, primary, local, breaker))
