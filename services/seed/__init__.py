"""The Brightwave Home demo company: users, customers, orders, conversations and help-centre articles.

Deterministic: one random.Random with a fixed seed; the only input from the outside world is the anchor date, whose
12:00 UTC is "now" for every timestamp. Seeding resets the database first, so running it again gives the same rows;
it therefore refuses a database that holds anything (users, customers, conversations, articles, the audit trail …)
unless the caller passes force=True, having shown the user what will be deleted (``existing_rows``).
"""

from __future__ import annotations

import random
import time
from datetime import UTC, date, datetime

from services.bootstrap import Services
from services.errors import InvalidInput
from services.seed.articles import AI_DRAFTER, draft_articles, kb_articles
from services.seed.catalog import load_catalog
from services.seed.churn import plant_churn
from services.seed.conversations import Planned, World, past_conversations, save
from services.seed.gaps import gap_conversations
from services.seed.live import live_conversations
from services.seed.orders import make_orders, with_lifetime_values
from services.seed.people import make_profiles
from services.seed.scenarios import all_scenarios
from services.seed.slots import OrderBook
from services.seed.users import DEMO_USERS, create_demo_users

__all__ = ["DEMO_USERS", "anchor_moment", "describe_rows", "existing_rows", "seed_demo"]

SEED = 20_240_611
CUSTOMERS, ORDERS, PAST_CONVERSATIONS = 200, 1000, 300


def anchor_moment(anchor: date | str | None = None) -> datetime:
    """The demo's "now": 12:00 UTC on an explicit anchor date, else the current UTC hour (so the live queue's
    conversations are minutes to hours old whenever the demo is seeded, and two seeds within the hour match).

    Raises:
        InvalidInput: a string that is not YYYY-MM-DD.
    """
    if anchor is None:
        return datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    if isinstance(anchor, str):
        try:
            anchor = date.fromisoformat(anchor)
        except ValueError:
            raise InvalidInput(f"anchor must be a date like 2026-11-24; got {anchor!r}") from None
    return datetime(anchor.year, anchor.month, anchor.day, 12, tzinfo=UTC)


def _people_and_orders(services: Services, rng: random.Random, now: datetime, customers: int = CUSTOMERS,
                       orders_count: int = ORDERS) -> World:
    settings = services.settings
    catalog = load_catalog(settings.resolve(settings.data_dir) / "catalog.yaml")
    profiles = make_profiles(rng, now, customers)
    orders = make_orders(rng, now, profiles, catalog, orders_count)
    profiles = with_lifetime_values(rng, profiles, orders)
    with services.uow() as uow:
        uow.customers.add_many([p.customer for p in profiles])
        uow.customers.add_orders(orders)
    shelves: dict[str, list[str]] = {}
    for product in catalog:
        shelves.setdefault(product.category, []).append(product.name)
    return World({p.customer.id: p for p in profiles}, OrderBook(orders), all_scenarios(), shelves)


def _conversations(services: Services, rng: random.Random, now: datetime, world: World) -> list[Planned]:
    past = past_conversations(rng, world, now, PAST_CONVERSATIONS)
    live, earlier = live_conversations(rng, world, now)
    finished = sorted(past + earlier, key=lambda p: p.conversation.created_at)
    save(services, finished + sorted(live, key=lambda p: p.conversation.created_at))
    save(services, gap_conversations(world, now))  # questions no article answers: the KB's Gaps tab
    return finished


def article_uses(services: Services, world: World, finished: list[Planned]) -> int:
    """The help-centre articles quoted in finished conversations' replies (knowledge-base deflection); returns how
    many were recorded."""
    with services.uow() as uow:
        approved = [a.id for a in uow.articles.all(status="approved")]
        quoted = [p for p in finished if p.kb_article and p.id] if approved else []
        for planned in quoted:
            uow.kb_usage.add_use(world.signals.choice(approved), "reply", planned.conversation.assigned_agent or
                                 "agent", "reply", planned.id)
    return len(quoted)


def _articles(services: Services, rng: random.Random, now: datetime) -> None:
    kb_dir = services.settings.resolve(services.settings.data_dir) / "kb"
    with services.uow() as uow:
        for article in kb_articles(kb_dir, rng, now):
            uow.articles.add(article)
        for article in draft_articles(rng, now):
            uow.articles.add(article, actor=AI_DRAFTER)


def existing_rows(services: Services) -> dict[str, int]:
    """The tables of the database that hold rows, with their counts (empty dict: a fresh database)."""
    return {table: n for table, n in services.store.table_counts().items() if n}


def describe_rows(rows: dict[str, int]) -> str:
    """"200 customers, 31 conversations, …" for a message to the user."""
    return ", ".join(f"{n:,} {table.replace('_', ' ')}" for table, n in rows.items())


def seed_demo(services: Services, anchor: date | str | None = None, force: bool = False) -> dict:
    """Reset the database and fill it with the demo company.

    Args:
        services: the container whose store, passwords and pii providers are used.
        anchor: the date whose 12:00 UTC is "now" (default today, UTC); a date or "YYYY-MM-DD".
        force: replace a database that already holds rows (they are deleted). Without it, such a database is
            never touched.

    Returns:
        {"db", "counts", "content_hash", "seconds", "users": [{"username", "role", "password"}]}.

    Raises:
        InvalidInput: a malformed anchor; a database that holds rows, without force (nothing is changed).
        ConfigError: the catalogue or an article file cannot be read.
    """
    started, now = time.perf_counter(), anchor_moment(anchor)
    rows = existing_rows(services)
    if rows and not force:
        raise InvalidInput(f"the database {services.settings.database_name} already holds {describe_rows(rows)}; "
                           "seeding would delete them all. Nothing was changed (seed --force replaces them).")
    rng = random.Random(SEED)
    services.store.reset()
    create_demo_users(services)
    world = _people_and_orders(services, rng, now)
    finished = _conversations(services, rng, now, world)
    _articles(services, rng, now)
    article_uses(services, world, finished)
    plant_churn(services, now)
    return {"db": services.settings.database_name, "anchor": now.strftime("%Y-%m-%dT%H:%MZ"),
            "counts": services.store.table_counts(), "content_hash": services.store.content_hash(),
            "seconds": round(time.perf_counter() - started, 2),
            "users": [{"username": u.username, "role": u.role, "password": u.password} for u in DEMO_USERS]}


def seed_history(services: Services, conversations: int, anchor: date | str | None = None,
                 batch: int = 5_000, customers: int | None = None) -> dict:
    """Reset the database and fill it with ``conversations`` finished conversations of the demo company over the 90
    days before the anchor (the seed's generator at scale: one customer per 50 conversations, one order per 10),
    with the demo's articles and users; for load and analytics benchmarks (bench/analytics.py). Written in
    units of work of ``batch`` conversations. ``customers``: how many (default one per 50 conversations; the
    predictors' benchmark wants the demo's two or so contacts per customer). Who left is drawn last (seed/churn.py).

    Raises:
        InvalidInput: a malformed anchor, or a count outside 1..10,000,000.
    """
    if isinstance(conversations, bool) or not isinstance(conversations, int) or not 0 < conversations <= 10_000_000:
        raise InvalidInput(f"conversations must be a whole number from 1 to 10,000,000; got {conversations!r}")
    now, rng = anchor_moment(anchor), random.Random(SEED)
    services.store.reset()
    create_demo_users(services)
    world = _people_and_orders(services, rng, now, max(CUSTOMERS, customers or conversations // 50),
                               max(ORDERS, conversations // 10, 2 * (customers or 0)))
    quoting: list[Planned] = []  # only these are needed again
    written = 0
    while written < conversations:  # a draw without a fitting order plans nothing: draw again
        planned = past_conversations(rng, world, now, min(batch, conversations - written))
        save(services, planned)
        written += len(planned)
        quoting += [p for p in planned if p.kb_article]
    _articles(services, rng, now)
    return {"conversations": services.store.table_counts()["conversations"],
            "article_uses": article_uses(services, world, quoting), "churned": plant_churn(services, now)}
