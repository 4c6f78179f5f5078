"""Which order a conversation is about, and the values that fill a scenario's {slots}."""

from __future__ import annotations

import bisect
import random
from collections.abc import Callable
from datetime import datetime, timedelta

from services.clock import parse_iso
from services.models import Order
from services.seed import vocab
from services.seed.people import Profile, card_number, street_address
from services.seed.users import DEMO_USERS

AGENTS = tuple((u.username, u.display_name) for u in DEMO_USERS if u.role == "agent")

TECH_GUIDES = {
    "Lumio": "lumio-bulb-not-responding", "HaloCam": "halocam-offline", "HaloBell": "halocam-offline",
    "Thermia": "thermia-thermostat-installation", "Plugwise": "plugwise-smart-plug-setup",
    "Sweepo S7": "sweepo-robot-vacuum-troubleshooting", "Sweepo Lite": "sweepo-robot-vacuum-troubleshooting",
    "Orra": "orra-home-hub-setup", "BrewMate Pro": "brewmate-espresso-descaling",
    "CrispWave": "crispwave-air-fryer-error-codes", "Latchly": "latchly-smart-lock-batteries",
    "Corvo Buds": "corvo-earbuds-pairing",
}
CONNECTED = ("Lumio", "HaloCam", "HaloBell", "Thermia", "Plugwise", "Sweepo S7", "Sweepo Lite", "Orra", "Latchly")
IN_FLIGHT = ("shipped", "in_transit", "delayed")
DELIVERED = ("delivered", "returned", "refunded")


def tech_item(order: Order) -> str:
    """The first Wi-Fi connected item of the order (the ones with setup trouble), else ''."""
    return next((item for item in order.items if item.startswith(CONNECTED)), "")


def guide_for(product: str) -> str:
    slug = next((s for prefix, s in TECH_GUIDES.items() if product.startswith(prefix)), "contact-hours-and-channels")
    return f"{vocab.HELP_URL}/{slug}"


# need -> (test on an order today, for the live queue; test on an order in the past, for history)
NEEDS: dict[str, tuple[Callable[[Order], bool], Callable[[Order], bool]]] = {
    "any": (lambda o: bool(o.tracking_number), lambda o: bool(o.tracking_number)),
    "none": (lambda o: True, lambda o: True),
    "tech": (lambda o: bool(tech_item(o)) and o.status in DELIVERED, lambda o: bool(tech_item(o))),
    "in_flight": (lambda o: o.status in IN_FLIGHT, lambda o: bool(o.tracking_number)),
    "delivered": (lambda o: o.status in DELIVERED, lambda o: o.status in DELIVERED),
    "unshipped": (lambda o: o.status == "processing", lambda o: True),
    "cancellable": (lambda o: o.status == "processing", lambda o: o.status == "cancelled"),
}


class OrderBook:
    """Orders sorted by placement time, to find the ones a customer could be writing about at a moment."""

    def __init__(self, orders: list[Order]) -> None:
        self.orders = sorted(orders, key=lambda o: o.placed_at)
        self._times = [o.placed_at for o in self.orders]
        self.by_customer: dict[int, list[Order]] = {}
        for order in self.orders:
            self.by_customer.setdefault(order.customer_id, []).append(order)

    def placed_between(self, start: datetime, end: datetime) -> list[Order]:
        lo = bisect.bisect_left(self._times, start.strftime("%Y-%m-%dT%H:%M:%SZ"))
        hi = bisect.bisect_right(self._times, end.strftime("%Y-%m-%dT%H:%M:%SZ"))
        return self.orders[lo:hi]

    def pick(self, rng: random.Random, candidates: list[Order], test: Callable[[Order], bool],
             customer_ok: Callable[[int], bool]) -> Order | None:
        """A random candidate passing both tests, else one passing the customer test, else None."""
        for keep in (lambda o: test(o) and customer_ok(o.customer_id), lambda o: customer_ok(o.customer_id)):
            fitting = [o for o in candidates if keep(o)]
            if fitting:
                return rng.choice(fitting)
        return None

    def latest_before(self, customer_id: int, moment: datetime) -> Order | None:
        stamp = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
        earlier = [o for o in self.by_customer.get(customer_id, []) if o.placed_at <= stamp]
        return earlier[-1] if earlier else None


def _money(amount: float, currency: str) -> str:
    return f"{vocab.CURRENCY_SYMBOL[currency]}{amount:,.2f}"


def _voice_number(number: str) -> str:
    return number.replace("BWT", "bwt ").replace("BW-", "bw ")


def shelf_values(rng: random.Random, shelves: dict[str, list[str]]) -> dict[str, str]:
    """Products a customer may ask about before buying: any, a sibling in the same category, and by kind."""
    category = rng.choice(sorted(c for c in shelves if c != "Gift Cards"))
    browsing = rng.choice(shelves[category])
    siblings = [name for name in shelves[category] if name != browsing]
    return {"browsing": browsing, "sibling": rng.choice(siblings) if siblings else browsing,
            "smart": rng.choice(shelves["Smart Home"]), "comfort": rng.choice(shelves["Home Comfort"]),
            "kitchen": rng.choice(shelves["Kitchen Appliances"])}


def _product(rng: random.Random, order: Order) -> str:
    return tech_item(order) or rng.choice([i for i in order.items if "Gift Card" not in i] or list(order.items))


def slot_values(rng: random.Random, profile: Profile, order: Order, other: Order | None, at: datetime,
                agent: tuple[str, str], channel: str, shelves: dict[str, list[str]]) -> dict[str, str]:
    """Everything a template may mention, consistent with this customer, order and moment.

    ``agent`` is (username, display name) of the agent answering; ``shelves`` maps category to product names.
    """
    customer, placed = profile.customer, parse_iso(order.placed_at)
    card = card_number(rng)
    product = _product(rng, order)
    number, tracking = order.number, order.tracking_number or f"BWT{rng.randint(100_000_000, 999_999_999)}"
    if channel == "voice":
        number, tracking = _voice_number(number), _voice_number(tracking)
    colleague = next(name for user, name in AGENTS if user != agent[0])
    return {
        "first": customer.name.split()[0], "name": customer.name, "agent": (agent[1].split() or [""])[0],
        "colleague": colleague.split()[0], "agent_name": agent[1], "agent_initial": "".join(w[0] for w in agent[1].split()),
        "order": number, "order2": (other or order).number, "tracking": tracking,
        "link": f"{vocab.TRACK_URL}/{order.tracking_number or order.number}",
        "product": product,
        "amount": _money(order.total, order.currency), "credit": _money(rng.choice((10, 15, 20)), order.currency),
        "placed": f"{placed:%b} {placed.day}", "eta": f"{at + timedelta(days=rng.randint(1, 3)):%A}",
        "days": str(max(2, (at - placed).days)), "stall": str(rng.randint(3, 6)),
        "email": customer.email, "phone": customer.phone, "card": card, "last4": card[-4:],
        "address": street_address(rng), "postcode": profile.postcode, "city": customer.city,
        "ref": f"RF-{rng.randint(10_000, 99_999)}", "kb_link": guide_for(product), **shelf_values(rng, shelves),
    }
