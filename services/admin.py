"""What the Settings page shows: which provider serves each capability, and where the data lives."""

from __future__ import annotations

from services import registry, simulator
from services.bootstrap import Services
from services.clock import now_iso, parse_iso
from services.errors import InvalidInput
from services.models import User
from services.permissions import require

# moved to services.views (what the UI renders); re-exported for callers of the old names
from services.views import ProviderRow as ProviderRow
from services.views import SimulatorStatus as SimulatorStatus
from services.views import SystemOverview as SystemOverview

ALIVE_WITHIN_S = 5 * simulator.TICK_S  # a simulator process beats every tick; silence this long means it is gone


def providers_overview(services: Services, user: User) -> list[ProviderRow]:
    """Which provider serves each capability; admins only."""
    require(user, "settings.read")
    return [ProviderRow(cap, registry.description(cap), services.provider(cap),
                        tuple(registry.provider_names(cap)))
            for cap in registry.capabilities()]


def system_overview(services: Services, user: User) -> SystemOverview:
    """Backend, database, schema version, providers and row counts; admins only."""
    require(user, "settings.read")
    store = services.store  # the Database port: whole-database figures
    return SystemOverview(
        backend=services.settings.backend,
        database=services.settings.database_name,
        data_dir=str(services.settings.resolve(services.settings.data_dir)),
        schema_version=store.schema_version(),
        providers=tuple(providers_overview(services, user)),
        row_counts=store.table_counts(),
    )



def set_simulator(services: Services, user: User, on: bool, rate: float) -> None:
    """Switch the simulator process on (at rate messages per second) or off; admins only, audited. The simulator
    process (``python -m services simulate``) reads this within a second, from any machine sharing the database.

    Raises:
        PermissionDenied: not an admin.
        InvalidInput: a rate that is not a number between 0 and MAX_RATE, or on that is not a bool.
    """
    require(user, "simulator.control")
    if not isinstance(on, bool):
        raise InvalidInput("the simulator is switched on or off (true or false)")
    if isinstance(rate, bool) or not isinstance(rate, int | float) or not 0 < rate <= simulator.MAX_RATE:
        raise InvalidInput(f"the simulator's rate must be between 0 and {simulator.MAX_RATE:g} messages per second")
    with services.uow() as uow:  # one commit: the switch and its audit entry
        uow.shared.put_setting(simulator.SETTING, {"on": on, "rate": float(rate)}, user.username)
        uow.audit.record(user.username, "simulator_on" if on else "simulator_off", "simulator", "-",
                         f"rate={rate:g}" if on else "")


def simulator_status(services: Services, user: User) -> SimulatorStatus:
    """The switch, and whether a simulator process is alive (its heartbeat) and what it wrote; admins only.

    Raises:
        PermissionDenied: not an admin.
    """
    require(user, "simulator.control")
    wanted = simulator.control(services)
    with services.uow() as uow:
        beat = uow.shared.heartbeat(simulator.HEARTBEAT)
    if beat is None:
        return SimulatorStatus(wanted.on, wanted.rate, alive=False)
    age = max(0.0, (parse_iso(now_iso()) - parse_iso(beat.beat_at)).total_seconds())
    acknowledged = beat.detail.get("on") is True
    return SimulatorStatus(wanted.on, wanted.rate, age <= ALIVE_WITHIN_S, beat.pid, age,
                           int(beat.detail.get("written", 0)) if acknowledged and wanted.on else 0,
                           str(beat.detail.get("error", "")))
