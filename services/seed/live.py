"""The live queue on first start: ~25 open or pending conversations from the last few hours, last word the customer's."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime, timedelta

from services.models import Order
from services.seed.conversations import Planned, World, escalate, finish, plan
from services.seed.scenarios import by_name
from services.seed.slots import AGENTS, NEEDS

SCRIPT_TEXT = ("hey <script>alert(1)</script> is this thing on?? my **bold** text isn't bold lol. anyway my "
               "{product} won't connect to wifi")
MANAGER_TEXT = ("THIS IS THE THIRD TIME I'M CONTACTING YOU ABOUT {order}. TRACKING {tracking} HASN'T MOVED IN A WEEK "
                "AND NOBODY HELPS. I WANT TO SPEAK TO A MANAGER NOW!!!")
VIP_TEXT = ("Hi, my order {order} was meant to arrive yesterday and it's a birthday present for my daughter on "
            "Saturday. I've been with you for years, can you please make sure it gets here in time?")
# (scenario, channel, assigned agent, status, special)
SPECS = (
    ("order_status", "chat", "agent", "open", ""), ("delayed_delivery", "chat", "agent", "open", "vip"),
    ("manager_request", "chat", "agent", "open", "manager"), ("technical_problem", "chat", "agent", "open", "script"),
    ("billing_double_charge", "email", "agent", "open", ""), ("refund_return", "email", "agent", "pending", ""),
    ("account_access", "chat", "agent", "open", ""), ("multi_request", "chat", "agent", "open", ""),
    ("complaint", "social", "agent", "open", ""), ("product_question", "social", "agent", "open", ""),
    ("delayed_delivery", "social", "agent", "open", ""), ("praise", "social", "agent", "open", ""),
    ("technical_problem", "email", "agent", "pending", ""), ("address_change", "chat", "agent", "open", ""),
    ("cancel_order", "chat", "agent", "open", ""), ("order_status", "voice", "agent", "open", ""),
    ("joke", "chat", "agent", "open", ""), ("billing_double_charge", "chat", "agent", "open", ""),
    ("refund_return", "chat", "sam", "open", ""), ("order_status", "email", "sam", "pending", ""),
    ("billing_double_charge", "chat", "sam", "open", ""), ("technical_problem", "chat", "sam", "open", ""),
    ("spam", "social", "", "open", ""), ("account_access", "email", "", "open", ""),
    ("order_status", "chat", "", "open", ""), ("delayed_delivery", "email", "", "open", ""),
    ("product_question", "chat", "", "open", ""),
    # handed to a supervisor in the last hours: the escalation inbox has work on first start
    ("complaint", "chat", "agent", "escalated", ""), ("billing_double_charge", "email", "sam", "escalated", ""),
)
# need -> (youngest, oldest) order age in days worth writing about now
WINDOWS = {"in_flight": (0, 20), "unshipped": (0, 5), "cancellable": (0, 5), "delivered": (4, 40), "tech": (4, 60),
           "any": (0, 40), "none": (0, 120)}
OPENINGS = {"script": SCRIPT_TEXT, "manager": MANAGER_TEXT, "vip": VIP_TEXT}


def _order_for(rng: random.Random, world: World, need: str, now: datetime, channel: str, special: str,
               used: set[int]) -> Order:
    youngest, oldest = WINDOWS[need]
    candidates = world.book.placed_between(now - timedelta(days=oldest), now - timedelta(days=youngest))

    def customer_ok(cid: int) -> bool:
        tier_ok = world.profiles[cid].customer.tier == "vip" if special == "vip" else True
        return cid not in used and tier_ok and (channel != "social" or cid in world.with_handle)
    need_test = NEEDS["in_flight"][0] if special in ("vip", "manager") else NEEDS[need][0]
    order = world.book.pick(rng, candidates, need_test, customer_ok)
    order = order or world.book.pick(rng, world.book.orders, need_test, lambda cid: cid not in used)
    assert order is not None, "the seed world has an order for every script"
    return order


def _agent(username: str) -> tuple[str, str]:
    return next((a for a in AGENTS if a[0] == username), ("", ""))


def _earlier_contacts(rng: random.Random, world: World, order: Order, now: datetime) -> list[Planned]:
    """Two resolved contacts about the same order in the last days, so the manager request is a repeat contact."""
    scenario, result = by_name("delayed_delivery"), []
    for days in (5, 2):
        at = (now - timedelta(days=days)).replace(hour=rng.randint(9, 18))
        planned = plan(rng, world, scenario, "chat", order, at, rng.choice(AGENTS), live=False)
        result.append(finish(rng, planned, scenario, now, escalated=False, signals=world.signals))
    return result


def live_conversations(rng: random.Random, world: World, now: datetime) -> tuple[list[Planned], list[Planned]]:
    """(conversations in the live queue, earlier finished contacts they refer to)."""
    live, earlier, used = [], [], set[int]()
    for name, channel, agent, status, special in SPECS:
        scenario = by_name(name)
        order = _order_for(rng, world, scenario.order, now, channel, special, used)
        used.add(order.customer_id)
        if special == "manager":
            earlier += _earlier_contacts(rng, world, order, now)
        at = now - timedelta(minutes=rng.randint(2, 210))
        planned = plan(rng, world, scenario, channel, order, at, _agent(agent), live=True,
                       opening=OPENINGS.get(special))
        if status == "escalated":
            planned = escalate(rng, planned, scenario, world.profiles[order.customer_id])
        planned.conversation = replace(planned.conversation, status=status)
        live.append(planned)
    return live, earlier
