"""Simulated customers: new conversations and follow-ups at a steady pace, through the real live path."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from services import inbox
from services.bootstrap import Services
from services.errors import ServiceError
from services.models import CHANNELS
from services.simulator_lines import FOLLOW_UPS, OPENING_LINES, SUBJECTS


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

    def step(self) -> Arrival:
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


class SimulatorRunner:
    """A simulator in a background thread that admins start and stop from the app (one per server process)."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self.rate = 0.0
        self.written = 0
        self.last_error = ""

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, rate: float) -> None:
        if not 0 < rate <= 20:
            raise ServiceError("the simulator's rate must be between 0 and 20 messages per second")
        self.stop()
        self._stop = threading.Event()
        self.rate = rate
        self.written = 0  # counts this run's messages
        self._thread = threading.Thread(target=self._run, args=(rate, self._stop), daemon=True, name="simulator")
        self._thread.start()

    def _run(self, rate: float, stop: threading.Event) -> None:
        def count(_: Arrival) -> None:
            self.written += 1

        try:
            Simulator(self.services).run(rate, stop=stop, on_arrival=count)
        except ServiceError as e:
            self.last_error = str(e)

    def stop(self) -> None:
        if self._thread is not None:
            self._stop.set()
            self._thread.join(timeout=5)
            self._thread = None
