"""What the Settings page shows: which provider serves each capability, and where the data lives."""

from __future__ import annotations

from services import registry
from services.bootstrap import Services
from services.errors import PermissionDenied
from services.models import User
from services.simulator import SimulatorRunner

# moved to services.views (what the UI renders); re-exported for callers of the old names
from services.views import ProviderRow as ProviderRow
from services.views import SystemOverview as SystemOverview


def providers_overview(services: Services) -> list[ProviderRow]:
    return [ProviderRow(cap, registry.description(cap), services.provider(cap),
                        tuple(registry.provider_names(cap)))
            for cap in registry.capabilities()]


def system_overview(services: Services) -> SystemOverview:
    store = services.store
    return SystemOverview(
        backend=services.settings.backend,
        database=str(services.settings.database_file),
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
    services.store.audit(user.username, "simulator_on" if on else "simulator_off", "simulator", "-",
                         f"rate={rate:g}" if on else "")
