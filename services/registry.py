"""Capability -> {provider name -> factory}. Factories are "module:function" paths imported on first use,
so choosing the local backend never imports boto3 and an unused model is never loaded."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from services.config import Settings
from services.errors import ConfigError

Factory = Callable[[Any], Any]  # takes the Services container, returns the adapter

_LOCAL = "services.adapters.local.factories"
_AWS = "services.adapters.aws.factories"

FACTORIES: dict[str, dict[str, str]] = {
    "store": {"local": f"{_LOCAL}:store", "postgres": "services.adapters.postgres.factories:store"},
    "passwords": {"local": f"{_LOCAL}:passwords"},
    "embedder": {"local": f"{_LOCAL}:embedder", "aws": f"{_AWS}:embedder"},
    "language": {"local": f"{_LOCAL}:language", "aws": f"{_AWS}:language"},
    "pii": {"local": f"{_LOCAL}:pii", "aws": f"{_AWS}:pii"},
    "intent": {"local": f"{_LOCAL}:intent", "aws": f"{_AWS}:intent"},
    "sentiment": {"local": f"{_LOCAL}:sentiment", "aws": f"{_AWS}:sentiment"},
    "entities": {"local": f"{_LOCAL}:entities", "aws": f"{_AWS}:entities"},
    "search": {"local": f"{_LOCAL}:search"},
    "replies": {"local": f"{_LOCAL}:replies", "aws": f"{_AWS}:replies"},
}

DESCRIPTIONS: dict[str, str] = {
    "store": "Conversations, customers, KB and audit log",
    "passwords": "Password hashing (argon2id)",
    "embedder": "Sentence embeddings",
    "language": "Language detection",
    "pii": "PII detection and masking",
    "intent": "Intent classification",
    "sentiment": "Sentiment and emotion cues",
    "entities": "Entity extraction",
    "search": "Knowledge-base search",
    "replies": "Suggested replies",
}


def register(capability: str, name: str, target: str, description: str = "") -> None:
    """Add a provider; target is "module:function" taking Settings and returning the adapter."""
    FACTORIES.setdefault(capability, {})[name] = target
    if description:
        DESCRIPTIONS.setdefault(capability, description)


def capabilities() -> list[str]:
    return list(FACTORIES)


def provider_names(capability: str) -> list[str]:
    if capability not in FACTORIES:
        raise ConfigError(f"unknown capability {capability!r}; known: {', '.join(FACTORIES)}")
    return list(FACTORIES[capability])


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
    return settings.backend if settings.backend in names else "local"


def _load(target: str) -> Factory:
    module_name, _, function = target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ImportError as e:
        raise ConfigError(f"provider module {module_name} cannot be imported ({e}); "
                          "install the project's requirements.txt") from e
    return getattr(module, function)


def create(capability: str, services: Any, name: str | None = None) -> Any:
    """Build a provider. Factories receive the Services container: services.settings and other capabilities."""
    name = name or choose(capability, services.settings)
    return _load(FACTORIES[capability][name])(services)


def check_settings(settings: Settings) -> None:
    """Fail fast on overrides naming an unknown capability or provider."""
    for capability in settings.providers:
        choose(capability, settings)
