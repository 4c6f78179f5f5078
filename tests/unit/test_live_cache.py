"""components/live.py: one change-marker read per process per tick, data loaded once per (key, marker) for every tab."""

from __future__ import annotations

import threading
import time

import pytest

from components.live import LiveCache, redraw
from services.errors import NotFound


class Store:
    """Counts the reads a watcher makes; the marker moves when a test writes."""

    def __init__(self) -> None:
        self.marker, self.reads, self.loads = 1, 0, 0

    def read(self, _services) -> tuple:  # noqa: ANN001 - the Services the cache was built for
        self.reads += 1
        time.sleep(0.01)  # a real query takes a moment: the other tabs must wait for it, not query too
        return (self.marker,)


def test_fifty_tabs_ticking_at_once_read_the_marker_once():
    store, cache = Store(), LiveCache(object(), ttl_s=60)
    seen = []
    tabs = [threading.Thread(target=lambda: seen.append(cache.marker(store.read))) for _ in range(50)]
    for tab in tabs:
        tab.start()
    for tab in tabs:
        tab.join()
    assert store.reads == 1
    assert seen == [(1,)] * 50


def test_a_full_run_reads_the_marker_fresh_and_the_ticks_after_it_see_the_write():
    store, cache = Store(), LiveCache(object(), ttl_s=60)
    assert cache.marker(store.read) == (1,)
    store.marker = 2  # this tab wrote (a reply): its full run must draw the write
    assert cache.marker(store.read) == (1,)  # a tick may lag by the TTL ...
    assert cache.marker(store.read, fresh=True) == (2,)  # ... a full run never
    assert cache.marker(store.read) == (2,)


def test_the_marker_is_read_again_once_the_ttl_passed():
    store, cache = Store(), LiveCache(object(), ttl_s=0.05)
    cache.marker(store.read)
    store.marker = 2
    time.sleep(0.06)
    assert cache.marker(store.read) == (2,)
    assert store.reads == 2


def test_tabs_share_one_load_per_key_and_marker():
    store, cache = Store(), LiveCache(object())

    def load():
        store.loads += 1
        time.sleep(0.01)
        return ["queue at", store.marker]

    values = []
    tabs = [threading.Thread(target=lambda: values.append(cache.shared(("queue", "agent"), (1,), load)))
            for _ in range(20)]
    for tab in tabs:
        tab.start()
    for tab in tabs:
        tab.join()
    assert store.loads == 1 and len(values) == 20
    store.marker = 2
    assert cache.shared(("queue", "agent"), (2,), load) == ["queue at", 2]  # a new marker loads again
    assert cache.shared(("queue", "other agent"), (2,), load) == ["queue at", 2]  # another user: its own load
    assert store.loads == 3


def test_a_failed_load_is_raised_and_not_kept():
    cache, calls = LiveCache(object()), []

    def load():
        calls.append(1)
        if len(calls) == 1:
            raise NotFound("conversation 7 not found")
        return "view"

    with pytest.raises(NotFound):
        cache.shared(("conversation", 7), (1,), load)
    assert cache.shared(("conversation", 7), (1,), load) == "view"


def test_old_markers_fall_out():
    cache = LiveCache(object(), entries=3)
    for marker in range(5):
        cache.shared("queue", marker, lambda marker=marker: marker)
    assert cache.shared("queue", 0, lambda: "reloaded") == "reloaded"
    assert cache.shared("queue", 4, lambda: "reloaded") == 4


# ---- what a tab redraws when the marker moved (components.live.redraw) --------------------------------------------

CARDS = ("<div>Ana · waiting 3 min</div>", "<div>Ben · waiting 1 min</div>")
QUEUE = (40, 40, ["card data"], CARDS)


def test_a_change_to_another_conversation_reruns_nothing_in_a_tab_watching_this_one():
    watching_a = (7, "view of A", {}, "assist of A")
    assert redraw(watching_a, watching_a, QUEUE, QUEUE) == ()


def test_a_new_message_in_the_open_conversation_reruns_the_conversation_only():
    drawn, now = (7, "view of A", {}, None), (7, "view of A + 1 message", {}, None)
    assert redraw(drawn, now, QUEUE, QUEUE) == ("conversation",)


def test_a_new_message_that_also_changes_a_card_reruns_the_conversation_and_the_queue():
    drawn, now = (7, "view of A", {}, None), (7, "view of A + 1 message", {}, None)
    moved = (40, 40, ["card data"], ("<div>Ana · waiting 3 min</div>", "<div>Ben · it arrived broken</div>"))
    assert redraw(drawn, now, QUEUE, moved) == ("conversation", "queue")


def test_a_changed_card_reruns_the_queue_only():
    moved = (40, 40, ["card data"], ("<div>Ana · waiting 3 min</div>", "<div>Ben · it arrived broken</div>"))
    assert redraw(None, None, QUEUE, moved) == ("queue",)


def test_a_new_conversation_below_the_cards_shown_reruns_the_counts_only():
    assert redraw(None, None, QUEUE, (41, 41, ["other card data"], CARDS)) == ("counts",)


def test_card_data_the_cards_do_not_show_reruns_nothing():
    assert redraw(None, None, QUEUE, (40, 40, ["updated_at moved"], CARDS)) == ()


def test_a_queue_that_could_not_be_drawn_is_drawn_again():
    assert redraw(None, None, None, QUEUE) == ("queue",)
    assert redraw(None, None, QUEUE, None) == ("queue",)
    assert redraw(None, None, None, None) == ()
