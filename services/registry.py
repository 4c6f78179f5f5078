"""Capability -> {provider name -> factory}. Adapters register their factories with ``@provider(capability, name,
description)`` in services/adapters/*/factories.py; those modules import nothing heavy (each factory imports its
adapter when called), so choosing the local backend never imports boto3 and an unused model is never loaded.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from services.config import Settings
from services.errors import ConfigError

if TYPE_CHECKING:
    from services.bootstrap import Services

Factory = Callable[["Services"], object]  # takes the Services container, returns the adapter
F = TypeVar("F", bound=Factory)

# Modules holding @provider factories, imported (in this order: local first) the first time the registry is read.
FACTORY_MODULES = (
    "services.adapters.local.factories",
    "services.adapters.aws.factories",
    "services.adapters.postgres.factories",  # imports psycopg only inside its factory
    "services.adapters.openai_compat.factories",  # an OpenAI-compatible endpoint (stdlib urllib)
)


@dataclass(frozen=True)
class Provider:
    capability: str
    name: str
    description: str
    factory: Factory


_PROVIDERS: dict[str, dict[str, Provider]] = {}
_loaded = False
_load_lock = threading.Lock()


def provider(capability: str, name: str, description: str) -> Callable[[F], F]:
    """Register the decorated factory as provider `name` of `capability` (the description is shown on the
    Settings page). The factory takes the Services container and returns the adapter."""

    def register(factory: F) -> F:
        _PROVIDERS.setdefault(capability, {})[name] = Provider(capability, name, description, factory)
        return factory

    return register


def _providers() -> dict[str, dict[str, Provider]]:
    global _loaded
    if not _loaded:
        with _load_lock:
            if not _loaded:
                for module in FACTORY_MODULES:
                    importlib.import_module(module)
                _loaded = True
    return _PROVIDERS


def capabilities() -> list[str]:
    return list(_providers())


def provider_names(capability: str) -> list[str]:
    providers = _providers()
    if capability not in providers:
        raise ConfigError(f"unknown capability {capability!r}; known: {', '.join(providers)}")
    return sorted(providers[capability], key=lambda name: name != "local")  # local first, then as registered


def description(capability: str, name: str = "local") -> str:
    """What a provider does (the local one's description stands for the capability)."""
    found = _providers().get(capability, {})
    chosen = found.get(name) or next(iter(found.values()), None)
    return chosen.description if chosen else ""


def choose(capability: str, settings: Settings) -> str:
    """The provider that will serve a capability under these settings.

    An explicit per-capability override must name a registered provider (else ConfigError). The backend
    default falls back to "local" for a capability that has no provider of that backend yet.
    """
    names = provider_names(capability)
    override = settings.providers.get(capability)
    if override is not None:
        if override not in names:
            raise ConfigError(f"unknown provider {override!r} for {capability}; valid: {', '.join(names)}")
        return override
    if capability == "store" and settings.database_url:
        return "postgres"  # FRONTLINE_DATABASE_URL=postgresql://… (the default, empty: SQLite)
    if capability == "search" and choose("store", settings) == "postgres":
        return "postgres"  # KB search lives with the data: in the PostgreSQL store when that is the store
    return settings.backend if settings.backend in names else "local"


def create(capability: str, services: Services, name: str | None = None) -> object:
    """Build a provider. Factories receive the Services container: services.settings and other capabilities.

    Raises:
        ConfigError: the provider's package is not installed.
    """
    name = name or choose(capability, services.settings)
    try:
        return _providers()[capability][name].factory(services)
    except ImportError as e:
        raise ConfigError(f"provider {name!r} of {capability} cannot be imported ({e}); "
                          "install the project's requirements.txt") from e


def check_settings(settings: Settings) -> None:
    """Fail fast on overrides naming an unknown capability or provider."""
    for capability in settings.providers:
        choose(capability, settings)
