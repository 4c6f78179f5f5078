"""What the Settings page shows: which provider serves each capability, and where the data lives."""

from __future__ import annotations

from dataclasses import dataclass

from services import registry
from services.bootstrap import Services
from services.errors import PermissionDenied
from services.models import User
from services.simulator import SimulatorRunner


@dataclass(frozen=True)
class ProviderRow:
    capability: str
    description: str
    provider: str
    available: tuple[str, ...]


@dataclass(frozen=True)
class SystemOverview:
    backend: str
    database: str
    data_dir: str
    schema_version: int
    providers: tuple[ProviderRow, ...]
    row_counts: dict[str, int]


def providers_overview(services: Services) -> list[ProviderRow]:
    return [ProviderRow(cap, registry.DESCRIPTIONS.get(cap, ""), services.provider(cap),
                        tuple(registry.provider_names(cap)))
            for cap in registry.capabilities()]


def system_overview(services: Services) -> SystemOverview:
    store = services.store  # the Database port: whole-database figures
    return SystemOverview(
        backend=services.settings.backend,
        database=services.settings.database_name,
        data_dir=str(services.settings.resolve(services.settings.data_dir)),
        schema_version=store.schema_version(),
        providers=tuple(providers_overview(services)),
        row_counts=store.table_counts(),
    )


def set_simulator(services: Services, user: User, runner: SimulatorRunner, on: bool, rate: float) -> None:
    """Start (or re-pace) or stop the simulator; admins only, audited."""
    if user.role != "admin":
        raise PermissionDenied("Only admins can start the simulator.")
    if on:
        runner.start(rate)
    else:
        runner.stop()
    with services.uow() as uow:
        uow.audit.record(user.username, "simulator_on" if on else "simulator_off", "simulator", "-",
                         f"rate={rate:g}" if on else "")
