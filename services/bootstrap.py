"""The one place where ports are wired to adapters. Nothing is built at import time."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TypeVar

from services import registry
from services.breaker import CircuitBreaker
from services.clock import Clock, monotonic
from services.config import Settings, load_settings
from services.errors import ConfigError
from services.fallback import guarded
from services.ports import Port, Ports, UnitOfWork

T = TypeVar("T")

# Capabilities whose non-local provider is never replaced by the local one: the store holds the data itself, so
# "falling back" from PostgreSQL to the SQLite file would split it; an outage is a ProviderUnavailable instead.
NO_FALLBACK = frozenset({"store", "keys"})  # keys: a local key file would not decrypt what KMS keys encrypted
# Providers that live in the database itself (KB search on PostgreSQL): the local one would be another, empty copy.
NO_FALLBACK_PROVIDERS = frozenset({"postgres"})


class Services(Ports):
    """The providers for one configuration, one typed attribute per port (``services.intent`` is an
    IntentClassifier; the attributes are declared in services.ports.Ports). Each is built on first use, once,
    thread-safely. A remote provider is wrapped in a Fallback: when it is unavailable, or its circuit breaker is
    open, the call goes to the local provider and a notice says so.

    Tests pass fakes as overrides: ``build_services(settings, store=FakeDatabase())``. A fake stands in for the
    configured provider, so with a remote provider configured it is wrapped in the fall-back too.

    ``batch``: built for a batch path (CLI evaluations, backfills): AWS clients keep botocore's standard retries and
    timeouts; the live path (the app, the simulator) gets a short connect timeout and one retry.
    """

    def __init__(self, settings: Settings, overrides: dict[str, object], batch: bool = False,
                 clock: Clock = monotonic) -> None:
        self.settings = settings
        self.batch = batch
        self._overrides = dict(overrides)
        self._primary: dict[str, object] = dict(overrides)
        self._ports: dict[str, object] = {}
        self._locals: dict[str, object] = {}
        self._breakers: dict[str, CircuitBreaker] = {}
        self._clock = clock
        self._lock = threading.RLock()  # a factory may ask for another capability

    def _provide(self, capability: str) -> object:
        """The attribute behind ``services.<capability>``: the configured provider, behind a Fallback if remote."""
        built = self._ports.get(capability)
        if built is None:
            with self._lock:
                built = self._ports.get(capability)
                if built is None:
                    built = self._guard(capability, self.get(capability))
                    self._ports[capability] = built
        return built

    def _guard(self, capability: str, primary: object) -> object:
        name = self.provider(capability)
        if name == "local" or capability in NO_FALLBACK or name in NO_FALLBACK_PROVIDERS:
            return primary
        return guarded(capability, name, primary, lambda: self._local(capability), self.breaker(name))

    def get(self, capability: str) -> object:
        """The configured provider itself (or the fake injected for it), without the fall-back; untyped, for tests
        and for checks such as ``isinstance``. Code uses the typed attributes."""
        instance = self._primary.get(capability)
        if instance is None:
            with self._lock:
                instance = self._primary.get(capability)
                if instance is None:
                    instance = registry.create(capability, self)
                    self._primary[capability] = instance
        return instance

    def primary(self, port: Port[T]) -> T:
        """The configured provider of a port without the fall-back (e.g. the embedder a search index was built with:
        falling back to another model would return vectors of another space)."""
        return self.get(port.capability)  # type: ignore[return-value]  # built by the port's registered factory

    def local(self, port: Port[T]) -> T:
        """The local provider of a port: the fall-back when a remote one is unavailable."""
        return self._local(port.capability)  # type: ignore[return-value]

    def _local(self, capability: str) -> object:
        if self.provider(capability) == "local":
            return self.get(capability)
        instance = self._locals.get(capability)
        if instance is None:
            with self._lock:
                instance = self._locals.get(capability)
                if instance is None:
                    instance = registry.create(capability, self, "local")
                    self._locals[capability] = instance
        return instance

    def breaker(self, provider: str) -> CircuitBreaker:
        """The circuit breaker of a remote provider, shared by all its capabilities."""
        with self._lock:
            if provider not in self._breakers:
                self._breakers[provider] = CircuitBreaker(provider, self.settings.breaker_failures,
                                                          self.settings.breaker_open_s, self._clock)
            return self._breakers[provider]

    def provider(self, capability: str) -> str:
        """The configured provider name of a capability (an injected fake stands in for it)."""
        return registry.choose(capability, self.settings)

    def is_overridden(self, capability: str) -> bool:
        return capability in self._overrides

    def now(self) -> float:
        """Monotonic seconds from the clock these services were built with (tests inject one they can advance)."""
        return self._clock()

    def uow(self) -> UnitOfWork:
        """A unit of work over the repositories (services.ports.UnitOfWork): ``with services.uow() as uow:``."""
        return self.store()


def build_services(settings: Settings | None = None, *, batch: bool = False, clock: Clock = monotonic,
                   **overrides: object) -> Services:
    """Services for these settings (default: load_settings()); keyword overrides replace providers.

    Raises:
        ConfigError: an override names an unknown capability, or settings name an unknown provider.
    """
    settings = settings or load_settings()
    registry.check_settings(settings)
    known = Services.port_names()
    for capability in overrides:
        if capability not in known:
            raise ConfigError(f"unknown capability {capability!r}; known: {', '.join(known)}")
    return Services(settings, overrides, batch=batch, clock=clock)


def migrate_store(settings: Settings, database_url: str = "", app_role: str = "",
                  app_password: str | None = None) -> dict[str, object]:
    """``python -m services migrate``: bring the store's schema up to date; on PostgreSQL logged in as
    ``database_url`` (default: the configured one) — the tables' owner — and, with ``app_role``, grant the app's own
    login what it needs and no more (it cannot then alter, delete from or truncate the audit log: docs/postgres.md);
    with ``app_password``, that login is created with it, or given it, first.

    Raises:
        InvalidInput: an app role on SQLite, a role name that is not a plain identifier, a role that does not exist
            (and no password to create it with), or a password that is empty or too long.
        ConfigError: the URL is not a PostgreSQL URL, or its login may not change the schema.
        ProviderUnavailable: the server cannot be reached.
    """
    url = database_url or settings.database_url
    if url:
        from services.adapters.postgres.uow import migrate_as_owner

        return dict(migrate_as_owner(url, app_role, app_password))
    if app_role:
        from services.errors import InvalidInput

        raise InvalidInput("--app-role is for PostgreSQL (a SQLite file has no logins)")
    return {"store": "sqlite", "database": settings.db_path, "version": build_services(settings).store.schema_version()}


def services_without_person_check() -> Services:
    """Services whose PII detector is the local one as configured (the CRF tagger included when on) with the person
    check off: the detector whose PERSON spans the check is trained and cross-validated on."""
    import dataclasses

    settings = load_settings()
    settings = dataclasses.replace(settings, providers={**settings.providers, "pii": "local"}, pii_person_check=False)
    return build_services(settings, batch=True)


def build_pii_person_model(out: Path | None = None) -> dict[str, object]:
    """`python -m services train-pii-person`: rebuild the local PII detector's person check from our labelled sets
    (services/adapters/local/pii_person_check.py): its rows are the PERSON spans the pipeline finds with the check
    off (services_without_person_check)."""
    from services.adapters.local import pii_person_check
    from services.assist import detect_pii

    services = services_without_person_check()
    return pii_person_check.build_model(lambda text: detect_pii(services, text).spans, out)


def build_pii_crf_model(out: Path | None = None) -> dict[str, object]:
    """`python -m services train-pii-crf`: rebuild the local PII detector's CRF tagger model from our labelled sets
    (services/adapters/local/pii_crf.py); the command line reaches the adapter through here, as use cases do."""
    from services.adapters.local import pii_crf

    return pii_crf.build_model(out)
