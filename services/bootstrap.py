"""The one place where ports are wired to adapters. Nothing is built at import time."""

from __future__ import annotations

import threading
from typing import Any

from services import registry
from services.config import Settings, load_settings


class Services:
    """Holds the providers for one configuration; each is built on first use, once, thread-safely.

    Tests pass fakes as overrides: ``build_services(settings, store=FakeStore())``.
    """

    def __init__(self, settings: Settings, overrides: dict[str, Any]) -> None:
        self.settings = settings
        self._instances: dict[str, Any] = dict(overrides)
        self._overridden = set(overrides)
        self._lock = threading.RLock()  # a factory may ask for another capability

    def get(self, capability: str) -> Any:
        instance = self._instances.get(capability)
        if instance is None:
            with self._lock:
                instance = self._instances.get(capability)
                if instance is None:
                    instance = registry.create(capability, self)
                    self._instances[capability] = instance
        return instance

    def local(self, capability: str) -> Any:
        """The local provider of a capability, used as the fall-back when a remote one is unavailable."""
        if self.provider(capability) == "local":
            return self.get(capability)
        key = f"{capability}:local"
        with self._lock:
            if key not in self._instances:
                self._instances[key] = registry.create(capability, self, "local")
        return self._instances[key]

    def provider(self, capability: str) -> str:
        """The configured provider name of a capability (an injected fake stands in for it)."""
        return registry.choose(capability, self.settings)

    def is_overridden(self, capability: str) -> bool:
        return capability in self._overridden

    def uow(self) -> Any:
        """A unit of work over the repositories (services.ports.UnitOfWork): ``with services.uow() as uow:``."""
        return self.get("store")()

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or name not in registry.FACTORIES:
            raise AttributeError(name)
        return self.get(name)


def build_services(settings: Settings | None = None, **overrides: Any) -> Services:
    """Services for these settings (default: load_settings()); keyword overrides replace providers.

    Raises:
        ConfigError: an override names an unknown capability, or settings name an unknown provider.
    """
    settings = settings or load_settings()
    registry.check_settings(settings)
    for capability in overrides:
        registry.provider_names(capability)
    return Services(settings, overrides)
