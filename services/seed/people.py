"""Invented customers with contact details, plus the fake card numbers and addresses they type into chats."""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta

from services.models import Customer
from services.seed import vocab


@dataclass(frozen=True)
class Profile:
    """A customer plus what the seed needs to write about them (region, currency, postcode)."""

    customer: Customer
    region: str
    currency: str
    postcode: str


def fill_pattern(rng: random.Random, pattern: str) -> str:
    """Replace every '#' by a random digit."""
    return "".join(str(rng.randrange(10)) if ch == "#" else ch for ch in pattern)


def luhn_check_digit(partial: str) -> str:
    """The digit that makes partial + digit pass the Luhn checksum."""
    total = 0
    for i, ch in enumerate(reversed(partial)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return str((10 - total % 10) % 10)


def card_number(rng: random.Random) -> str:
    """A Luhn-valid 16-digit card number, written the way people type them."""
    prefix = rng.choice(("4", "5" + str(rng.randint(1, 5))))
    partial = prefix + "".join(str(rng.randrange(10)) for _ in range(15 - len(prefix)))
    digits = partial + luhn_check_digit(partial)
    style = rng.choice((" ", " ", "-", ""))
    return style.join(digits[i:i + 4] for i in range(0, 16, 4))


def street_address(rng: random.Random) -> str:
    """A street address the detector recognises, e.g. '14 Canal Street, Apt 4B'."""
    return (f"{rng.randint(2, 480)} {rng.choice(vocab.STREET_NAMES)} {rng.choice(vocab.STREET_SUFFIXES)}"
            f"{rng.choice(vocab.UNITS)}")


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in folded.lower() if ch.isalnum())


def email_for(rng: random.Random, first: str, last: str) -> str:
    local = rng.choice((f"{_ascii(first)}.{_ascii(last)}", f"{_ascii(first)}{_ascii(last)}{rng.randint(1, 99)}",
                        f"{_ascii(first)[0]}{_ascii(last)}", f"{_ascii(first)}_{rng.randint(1970, 2005)}"))
    return f"{local}@{rng.choice(vocab.EMAIL_DOMAINS)}"


def handle_for(rng: random.Random, first: str, last: str) -> str:
    return "@" + rng.choice((f"{_ascii(first)}_{_ascii(last)[0]}", f"{_ascii(first)}{rng.randint(1, 999)}",
                             f"the{_ascii(last)}", f"{_ascii(first)}.{_ascii(last)[:3]}"))


def _weighted(rng: random.Random, pairs: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def _region(rng: random.Random) -> str:
    return rng.choices(list(vocab.REGIONS), weights=[v[1] for v in vocab.REGIONS.values()])[0]


def make_profile(rng: random.Random, customer_id: int, now: datetime) -> Profile:
    """One customer with a region-consistent city, phone and currency."""
    first, last = rng.choice(vocab.FIRST_NAMES), rng.choice(vocab.LAST_NAMES)
    region = _region(rng)
    currency, _, places = vocab.REGIONS[region]
    _, city, phone_pattern, postcode_pattern = rng.choice(places)
    tier = _weighted(rng, vocab.TIERS)
    since = (now - timedelta(days=rng.randint(400, 2200))).strftime("%Y-%m-%d")
    handle = handle_for(rng, first, last) if rng.random() < vocab.HANDLE_SHARE else ""
    customer = Customer(customer_id, f"{first} {last}", email_for(rng, first, last), fill_pattern(rng, phone_pattern),
                        tier, 0.0, since, city, handle)
    return Profile(customer, region, currency, fill_pattern(rng, postcode_pattern))


def make_profiles(rng: random.Random, now: datetime, count: int = 200) -> list[Profile]:
    """Customers with ids 1..count; lifetime value is filled in once their orders exist."""
    return [make_profile(rng, i, now) for i in range(1, count + 1)]
