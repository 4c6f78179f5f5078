"""Simulated customers: new conversations and follow-ups at a steady pace, through the real live path.

The simulator is its own process (``python -m services simulate``): it follows a settings row in the database that
the admin's Settings page writes (services/admin.py), and leaves a heartbeat row the page reads.
"""

from __future__ import annotations

import os
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from services import inbox, surveys
from services.bootstrap import Services
from services.errors import ServiceError
from services.models import CHANNELS
from services.seed.outcomes import satisfaction
from services.simulator_lines import FOLLOW_UPS, OPENING_LINES, SUBJECTS

SETTING = "simulator"  # the settings row: {"on": bool, "rate": messages per second}
HEARTBEAT = "simulator"  # the simulator process's heartbeat row
MAX_RATE = 20.0
DEFAULT_RATE = 0.5
TICK_S = 1.0  # how often the process re-reads the settings row while off, and beats
SURVEY_SHARE = 0.1  # of steps that also answer one resolved conversation's CSAT survey, when one waits
SURVEY_DRAW = (4, 5, 12, 30, 49)  # the customer's score before what went wrong (the seed's usual distribution)


@dataclass(frozen=True)
class Arrival:
    conversation_id: int
    message_id: int
    kind: str  # "new" or "follow_up"
    text: str


class Simulator:
    """Plays customers of the demo company. `step()` writes one message; `run()` paces steps at `rate` per second."""

    def __init__(self, services: Services, seed: int | None = None, assign_to: str = "agent",
                 follow_up_share: float = 0.4) -> None:
        self.services = services
        self.rng = random.Random(seed)
        self.assign_to = assign_to
        self.follow_up_share = follow_up_share
        self.surveys = random.Random(seed)  # its own stream: the messages written stay those of the seed
        with services.uow() as uow:
            self._customers = [c.id for c in uow.customers.all()]
        if not self._customers:
            raise ServiceError("the store has no customers: run `python -m services seed` first")

    def _fill(self, line: str, customer_id: int) -> str:
        with self.services.uow() as uow:
            orders = uow.customers.orders_for(customer_id)
        order = self.rng.choice(orders) if orders else None
        product = order.items[0] if order and order.items else "SmartHub"
        return line.format(order=order.number if order else "BW-100000",
                           tracking=(order.tracking_number if order and order.tracking_number else "BWT000000000"),
                           product=product)

    def new_conversation(self) -> Arrival:
        scenario = self.rng.choice(list(OPENING_LINES))
        customer_id = self.rng.choice(self._customers)
        text = self._fill(self.rng.choice(OPENING_LINES[scenario]), customer_id)
        channel = self.rng.choice(CHANNELS)
        assignee = self.assign_to if self.rng.random() < 0.7 else ""
        conversation, message, _ = inbox.start_conversation(self.services, customer_id, channel, SUBJECTS[scenario],
                                                             text, assignee)
        return Arrival(conversation.id, message.id, "new", text)

    def follow_up(self) -> Arrival | None:
        with self.services.uow() as uow:
            open_ones = uow.conversations.all(status="pending") + uow.conversations.all(status="open")
        if not open_ones:
            return None
        conversation = self.rng.choice(open_ones[:50])
        mood = self.rng.choices(list(FOLLOW_UPS), weights=[5, 3, 2])[0]
        text = self.rng.choice(FOLLOW_UPS[mood])
        message, _ = inbox.receive_customer_message(self.services, conversation.id, text)
        return Arrival(conversation.id, message.id, "follow_up", text)

    def answer_survey(self) -> int | None:
        """A customer answers the CSAT survey of the latest resolved conversation without one: the score follows
        how it went (its wait, sentiment, escalation, transfers, reopenings: services/seed/outcomes.py), so the
        live history carries the same signal as the seeded one. Returns the conversation's id (None: none waits)."""
        with self.services.uow() as uow:
            waiting = next((c for c in uow.conversations.all(status="resolved") if c.csat is None), None)
            facts = uow.analytics.facts(waiting.id) if waiting else None
        if waiting is None or facts is None:
            return None
        drawn = self.surveys.choices((1, 2, 3, 4, 5), weights=SURVEY_DRAW)[0]
        surveys.record_answer(self.services, waiting.id, satisfaction(self.surveys, drawn, facts, waiting.channel))
        return waiting.id

    def step(self) -> Arrival:
        if self.surveys.random() < SURVEY_SHARE:
            self.answer_survey()
        if self.rng.random() < self.follow_up_share:
            arrival = self.follow_up()
            if arrival is not None:
                return arrival
        return self.new_conversation()

    def run(self, rate: float, count: int | None = None, duration: float | None = None,
            stop: threading.Event | None = None, on_arrival: Callable[[Arrival], None] | None = None) -> int:
        """Write messages at `rate` per second until count, duration or stop; returns how many were written."""
        interval, written, start = 1.0 / rate, 0, time.monotonic()
        while (count is None or written < count) and (duration is None or time.monotonic() - start < duration):
            if stop is not None and stop.is_set():
                break
            arrival = self.step()
            written += 1
            if on_arrival:
                on_arrival(arrival)
            pause = start + written * interval - time.monotonic()
            if pause > 0:
                (stop or threading.Event()).wait(pause)
        return written


@dataclass(frozen=True)
class SimulatorControl:
    """The settings row the admin page writes and the simulator process reads each tick."""

    on: bool = False
    rate: float = DEFAULT_RATE


def control(services: Services) -> SimulatorControl:
    """The simulator's on/off and rate from the database (off at the default rate when never set or unreadable)."""
    with services.uow() as uow:
        row = uow.shared.setting(SETTING)
    rate = row.get("rate")
    if isinstance(rate, bool) or not isinstance(rate, int | float) or not 0 < rate <= MAX_RATE:
        rate = DEFAULT_RATE
    return SimulatorControl(row.get("on") is True, float(rate))


def serve(services: Services, stop: threading.Event, tick: float = TICK_S, seed: int | None = None,
          assign_to: str = "agent", on_arrival: Callable[[Arrival], None] | None = None) -> int:
    """The simulator process: until ``stop``, read the settings row before every message (or every tick while
    off), write messages at its rate while it is on, and leave a heartbeat at least every tick. Returns how many
    messages were written. A message that cannot be written is reported in the heartbeat, and the loop goes on.

    Raises:
        ServiceError: the store has no customers (seed it first).
    """
    simulator = Simulator(services, seed=seed, assign_to=assign_to)
    total, run, error, was_on, next_beat = 0, 0, "", False, 0.0
    while not stop.is_set():
        wanted = control(services)
        run = run if wanted.on and was_on else 0  # "written" counts the messages of this run
        if wanted.on != was_on or time.monotonic() >= next_beat:
            with services.uow() as uow:
                uow.shared.beat(HEARTBEAT, os.getpid(), {"on": wanted.on, "rate": wanted.rate, "written": run,
                                                         "error": error})
            was_on, next_beat = wanted.on, time.monotonic() + tick
        if not wanted.on:
            stop.wait(tick)
            continue
        started = time.monotonic()
        try:
            arrival = simulator.step()
        except ServiceError as e:
            error = str(e)
            stop.wait(tick)
            continue
        total, run, error = total + 1, run + 1, ""
        if on_arrival:
            on_arrival(arrival)
        stop.wait(max(0.0, 1.0 / wanted.rate - (time.monotonic() - started)))
    return total
