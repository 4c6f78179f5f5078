"""Live updates across processes on PostgreSQL: the change counter's trigger notifies ``frontline_changes`` with the
counter's new value (schema migration 8), delivered when the writing transaction commits; each app process keeps one
listening connection in a daemon thread and the latest value in memory, so the live panels' "did anything change?"
costs no query while nothing changed.

The marker it keeps is the counter's value, the very marker ``uow.shared.change_marker()`` reads, so falling back to
polling (listener down) and back again never shows a change that did not happen, at most one extra redraw. On every
(re)connection it LISTENs first and then reads the counter: no change can slip between. While it is down
(server restart, connection killed, network) ``latest()`` is None and callers poll the counter; it reconnects with
backoff (0.5 s doubling to 30 s) and never blocks a caller: ``latest()`` only reads an attribute. Having been cut
off, it calls ``on_reconnect`` once it is back (the store then checks its pool's idle connections, so the first units
of work after a server restart do not get dead ones).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

import psycopg

log = logging.getLogger(__name__)

CHANNEL = "frontline_changes"
WAIT_S = 1.0  # notifies() returns at least this often, so a stop request is seen within a second
KEEPALIVE_S = 15.0  # a query this often: a connection that died without a word shows itself
BACKOFF_S = (0.5, 30.0)  # first and longest wait before reconnecting
# TCP keepalives: a server that vanished without closing the socket is noticed in ~25 s
CONNECT: dict[str, Any] = {"connect_timeout": 5, "keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 5,
                           "keepalives_count": 3, "application_name": "frontline-listener"}


class ChangeListener:
    """One LISTEN connection for a process; ``latest()`` is the change marker pushed to it, or None while down."""

    def __init__(self, url: str, on_reconnect: Callable[[], None] = lambda: None) -> None:
        self.url = url
        self.on_reconnect = on_reconnect  # after a lost connection: the server may have restarted
        self.connects = 0  # successful (re)connections so far (tests and the admin read it)
        self._marker: tuple[Any, ...] | None = None
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def latest(self) -> tuple[Any, ...] | None:
        """The counter's value as last pushed, or None (not connected yet, reconnecting, stopped): read it instead.
        Starts the listening thread on first use."""
        if self._thread is None:
            self._start()
        return None if self._stop.is_set() else self._marker

    def _start(self) -> None:
        with self._lock:
            if self._thread is None and not self._stop.is_set():
                self._thread = threading.Thread(target=self._run, name="frontline-change-listener", daemon=True)
                self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
        self._marker = None

    def _run(self) -> None:
        delay = BACKOFF_S[0]
        try:
            while not self._stop.is_set():
                connects = self.connects
                try:
                    self._listen()
                except Exception as e:  # noqa: BLE001 - whatever broke it, callers poll meanwhile and it retries
                    self._marker = None
                    log.warning("the change listener lost PostgreSQL (%s); the live panels poll until it is back",
                                type(e).__name__)
                self._marker = None
                if self.connects > connects:
                    delay = BACKOFF_S[0]  # it was up: the next outage starts with a short wait again
                if self._stop.wait(delay):
                    return
                delay = min(delay * 2, BACKOFF_S[1])
        finally:
            self._marker = None  # a listener that is not running never answers with an old marker

    def _listen(self) -> None:
        with psycopg.connect(self.url, autocommit=True, **CONNECT) as conn:
            conn.execute(f"LISTEN {CHANNEL}")
            row = conn.execute("SELECT value FROM counters WHERE name = 'changes'").fetchone()
            if self.connects:
                self.on_reconnect()
            self._marker = (int(row[0]) if row else 0,)  # after LISTEN: a later change arrives as a notification
            self.connects += 1
            alive_at = time.monotonic()
            while not self._stop.is_set():
                for note in conn.notifies(timeout=WAIT_S):
                    self._marker = (int(note.payload),)
                if time.monotonic() - alive_at >= KEEPALIVE_S:
                    conn.execute("SELECT 1")
                    alive_at = time.monotonic()
