"""A year of orders: BW-###### numbers rising with time, statuses that fit each order's age, BWT tracking numbers."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime, timedelta

from services.clock import to_iso
from services.models import Order
from services.seed import vocab
from services.seed.catalog import Product, local_price
from services.seed.people import Profile

FIRST_ORDER_NUMBER = 100_000
FREE_SHIPPING_OVER = {"USD": 50.0, "GBP": 40.0, "EUR": 60.0}
SHIPPING_FEE = {"USD": 5.99, "GBP": 3.99, "EUR": 7.99}
UNSHIPPED = {"processing", "cancelled"}
RECENT_SHARE = 3  # percent of orders placed in the last 3 days
# (max age in days, ((status, weight), ...)): the status an order of that age has today.
STATUS_BY_AGE = (
    (1, (("processing", 70), ("shipped", 30))),
    (3, (("shipped", 40), ("in_transit", 40), ("processing", 5), ("delayed", 10), ("cancelled", 5))),
    (10, (("in_transit", 30), ("delivered", 45), ("delayed", 15), ("shipped", 5), ("cancelled", 5))),
    (10_000, (("delivered", 82), ("returned", 7), ("refunded", 6), ("cancelled", 5))),
)


def status_for_age(rng: random.Random, age_days: float) -> str:
    for max_age, weights in STATUS_BY_AGE:
        if age_days < max_age:
            return rng.choices([w[0] for w in weights], weights=[w[1] for w in weights])[0]
    raise AssertionError("unreachable: the last bucket has no upper bound")


def tracking_number(rng: random.Random, taken: set[str]) -> str:
    """A new BWT + 9 digits number not used before."""
    while True:
        number = f"BWT{rng.randint(100_000_000, 999_999_999)}"
        if number not in taken:
            taken.add(number)
            return number


def _items(rng: random.Random, catalog: list[Product]) -> tuple[Product, ...]:
    count = rng.choices((1, 2, 3), weights=(62, 28, 10))[0]
    return tuple(rng.choice(catalog) for _ in range(count))


def _total(items: tuple[Product, ...], currency: str) -> float:
    subtotal = sum(local_price(p.price, vocab.FX_FROM_USD[currency]) for p in items)
    shipping = 0.0 if subtotal >= FREE_SHIPPING_OVER[currency] else SHIPPING_FEE[currency]
    return round(subtotal + shipping, 2)


def _buyers(rng: random.Random, profiles: list[Profile], count: int) -> list[Profile]:
    """Every customer at least once; the rest drawn with loyal tiers ordering more."""
    weights = [vocab.ORDERS_PER_TIER[p.customer.tier] for p in profiles]
    return list(profiles) + rng.choices(profiles, weights=weights, k=max(0, count - len(profiles)))


def order_ages(rng: random.Random, count: int) -> list[float]:
    """Days before now, oldest first: spread over a year, with the busier last few days of a growing shop."""
    recent = count * RECENT_SHARE // 100
    ages = [rng.uniform(0.02, 365.0) for _ in range(count - recent)] + [rng.uniform(0.02, 3.0) for _ in range(recent)]
    return sorted(ages, reverse=True)


def make_orders(rng: random.Random, now: datetime, profiles: list[Profile], catalog: list[Product],
                count: int = 1000) -> list[Order]:
    """Orders over the 365 days before now, numbered in the order they were placed."""
    ages = order_ages(rng, count)
    buyers = _buyers(rng, profiles, count)
    rng.shuffle(buyers)
    orders, taken, number = [], set[str](), FIRST_ORDER_NUMBER
    for order_id, (age, buyer) in enumerate(zip(ages, buyers, strict=True), start=1):
        number += rng.randint(3, 60)
        items = _items(rng, catalog)
        status = status_for_age(rng, age)
        tracking = "" if status in UNSHIPPED else tracking_number(rng, taken)
        orders.append(Order(order_id, f"BW-{number:06d}", buyer.customer.id, status,
                            _total(items, buyer.currency), buyer.currency, to_iso(now - timedelta(days=age)),
                            tuple(p.name for p in items), tracking))
    return orders


def with_lifetime_values(rng: random.Random, profiles: list[Profile], orders: list[Order]) -> list[Profile]:
    """Lifetime value = this year's kept orders plus earlier spend that fits the tier."""
    spent: dict[int, float] = {}
    for order in orders:
        if order.status not in ("cancelled", "refunded", "returned"):
            spent[order.customer_id] = spent.get(order.customer_id, 0.0) + order.total
    result = []
    for profile in profiles:
        low, high = vocab.PAST_SPEND_PER_TIER[profile.customer.tier]
        value = round(spent.get(profile.customer.id, 0.0) + rng.uniform(low, high), 2)
        result.append(replace(profile, customer=replace(profile.customer, lifetime_value=value)))
    return result
