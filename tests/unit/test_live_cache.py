"""components/live.py: one change-marker read per process per tick, data loaded once per (key, marker) for every tab."""

from __future__ import annotations

import threading
import time

import pytest

from components.live import LiveCache, redraw, spread
from services.errors import NotFound, ProviderUnavailable


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


class Session:
    """A tab's server session as the push thread sees it: alive, and the reruns it was asked for."""

    def __init__(self) -> None:
        self.alive, self.asked = True, []

    def request(self, keys: tuple[str, ...]) -> None:
        self.asked.append(keys)


def watching(cache: LiveCache, store: Store, answers: dict) -> tuple[Session, list]:
    """One tab registered with a check that answers by marker and records what it was asked."""
    session, asked = Session(), []

    def check(at: tuple, now: float) -> tuple[tuple[str, ...], float | None]:
        asked.append((at, now))
        return answers.get(at[0], ((), None))

    cache.watch("tab", session, store.read, check)
    return session, asked


def test_push_a_tab_with_nothing_new_is_not_rerun_and_its_check_is_not_asked_again():
    store, cache = Store(), LiveCache(object(), ttl_s=0, push_every_s=None)
    session, asked = watching(cache, store, {})
    assert cache.push_once(now=0) == 0  # registered with nothing seen: asked once, answers nothing
    assert cache.push_once(now=1) == 0
    assert len(asked) == 1 and session.asked == []


def test_push_a_change_reruns_exactly_what_the_tab_names_once():
    store, cache = Store(), LiveCache(object(), ttl_s=0, push_every_s=None)
    session, asked = watching(cache, store, {2: (("live-conversation",), None)})
    cache.push_once(now=0)
    store.marker = 2
    assert cache.push_once(now=1) == 1
    assert cache.push_once(now=2) == 0  # the same marker: not asked again
    assert session.asked == [("live-conversation",)]
    assert [at for at, _ in asked] == [(1,), (2,)]


def test_push_a_delayed_redraw_is_asked_for_again_when_due_though_the_marker_did_not_move():
    store, cache = Store(), LiveCache(object(), ttl_s=0, push_every_s=None)
    session, asked = watching(cache, store, {1: ((), 10.0)})
    cache.push_once(now=0)
    cache.push_once(now=5)
    assert len(asked) == 1  # not due yet
    cache.push_once(now=10)
    assert len(asked) == 2


def test_push_a_tab_whose_conversation_is_gone_gets_a_full_rerun():
    store, cache = Store(), LiveCache(object(), ttl_s=0, push_every_s=None)
    session = Session()

    def check(at: tuple, now: float) -> tuple[tuple[str, ...], float | None]:
        raise NotFound("no such conversation")

    cache.watch("tab", session, store.read, check)
    cache.push_once(now=0)
    assert session.asked == [("app",)]


def test_push_a_closed_tab_is_forgotten():
    store, cache = Store(), LiveCache(object(), ttl_s=0, push_every_s=None)
    session, asked = watching(cache, store, {2: (("live-queue",), None)})
    session.alive = False
    store.marker = 2
    assert cache.push_once(now=0) == 0
    assert cache.watching() == 0 and asked == []


def test_push_one_failing_check_does_not_stop_the_other_tabs():
    store, cache = Store(), LiveCache(object(), ttl_s=0, push_every_s=None)
    broken, fine = Session(), Session()

    def boom(at: tuple, now: float) -> tuple[tuple[str, ...], float | None]:
        raise RuntimeError("a defect in one tab's check")

    cache.watch("broken", broken, store.read, boom)
    cache.watch("fine", fine, store.read, lambda at, now: (("live-queue",), None))
    assert cache.push_once(now=0) == 2
    assert broken.asked == [("app",)] and fine.asked == [("live-queue",)]


def test_push_checks_the_sessions_of_every_tab_it_reruns_in_one_read_and_signs_out_the_ended_one():
    store, cache = Store(), LiveCache(object(), ttl_s=0, push_every_s=None)
    reads: list[list[str]] = []

    def open_tokens(services: object, tokens: list[str]) -> set[str]:
        reads.append(sorted(tokens))
        return {"token-a"}

    tabs = {name: Session() for name in ("a", "b", "idle")}
    for name, keys in (("a", ("live-thread",)), ("b", ("live-thread",)), ("idle", ())):
        cache.watch(name, tabs[name], store.read, lambda at, now, keys=keys: (keys, None), token=f"token-{name}",
                    open_tokens=open_tokens)
    assert cache.push_once(now=0) == 2
    assert reads == [["token-a", "token-b"]]  # one read for both reruns; the idle tab's session is not asked
    assert tabs["a"].asked == [("live-thread",)]
    assert tabs["b"].asked == [("app",)]  # signed out elsewhere: the full run signs this tab out
    assert tabs["idle"].asked == []


def test_push_when_the_store_cannot_say_whether_sessions_are_open_the_tabs_rerun_in_full():
    store, cache = Store(), LiveCache(object(), ttl_s=0, push_every_s=None)

    def down(services: object, tokens: list[str]) -> set[str]:
        raise ProviderUnavailable("the database is not answering")

    session = Session()
    cache.watch("tab", session, store.read, lambda at, now: (("live-thread",), None), token="t", open_tokens=down)
    cache.push_once(now=0)
    assert session.asked == [("app",)]  # the full run shows the store's error instead of a stale fragment


def test_defect_16_a_pushed_rerun_waits_for_the_run_in_progress_instead_of_stopping_it_half_drawn():
    """The first push requests were "fragment-scoped", which preempts a running script: a full run after the
    agent's click on a queue card stopped half drawn (the conversation never appeared) when a push arrived."""
    from streamlit.proto.ClientState_pb2 import ClientState
    from streamlit.runtime.scriptrunner_utils.script_requests import RerunData, ScriptRequests, ScriptRequestType

    from components.live import pushed_rerun

    requests = ScriptRequests()
    requests.request_rerun(RerunData(query_string="conversation=7"))  # the agent's click: a full run
    assert requests.on_scriptrunner_ready().type == ScriptRequestType.RERUN  # it starts
    state = ClientState(query_string="conversation=7", page_script_hash="workspace")
    requests.request_rerun(pushed_rerun(state, ["live-thread-id"]))  # a push arrives meanwhile
    assert requests.on_scriptrunner_yield() is None  # the full run is not interrupted
    after = requests.on_scriptrunner_ready()  # it ended: the pushed fragment runs next, alone
    assert after.type == ScriptRequestType.RERUN
    assert after.rerun_data.fragment_id_queue == ["live-thread-id"]
    assert after.rerun_data.widget_states is None  # no click replayed


def test_queue_cards_are_spaced_out_only_beyond_the_tabs_a_process_affords_at_the_base_interval():
    assert spread(10.0, 1, 50) == spread(10.0, 50, 50) == 10.0
    assert spread(10.0, 100, 50) == 20.0
    assert spread(10.0, 0, 50) == 10.0


def test_whole_page_runs_beyond_the_slots_wait_their_turn_and_a_stuck_one_never_blocks_for_ever():
    from components import live

    started: list[str] = []
    release = threading.Event()

    def run(name: str, wait_s: float = 5.0) -> None:
        with live.full_run_slot(wait_s):
            started.append(name)
            release.wait(5)

    holders = [threading.Thread(target=run, args=(f"run-{i}",)) for i in range(live.FULL_RUN_SLOTS)]
    for t in holders:
        t.start()
    deadline = time.monotonic() + 5
    while len(started) < live.FULL_RUN_SLOTS and time.monotonic() < deadline:
        time.sleep(0.01)
    waiting = threading.Thread(target=run, args=("waits",))
    waiting.start()
    time.sleep(0.2)
    assert "waits" not in started  # every slot is held: the next whole-page run waits
    impatient = threading.Thread(target=run, args=("goes ahead", 0.1))
    impatient.start()
    impatient.join(2)
    assert "goes ahead" in started  # a run never waits longer than its wait
    release.set()
    for t in [*holders, waiting, impatient]:
        t.join(5)
    assert "waits" in started


def test_a_new_message_leaves_the_customer_tab_as_drawn_and_an_order_change_does_not():
    """The open conversation's live redraw skips the Customer tab unless what it shows changed (customer_picture)."""
    from dataclasses import replace

    from components.conversation import customer_picture
    from services.models import Customer, Order
    from services.views import ConversationView

    ana = Customer(1, "Ana Lima", "ana@example.com", "", "gold", 1200.0, "2021-03-01", "Porto")
    order = Order(7, "BW-1007", 1, "shipped", 59.0, "EUR", "2026-11-20")
    drawn = ConversationView("conversation 3", ana, ("hello",), (order,), (), True)  # type: ignore[arg-type]
    assert customer_picture(replace(drawn, messages=("hello", "any news?"))) == customer_picture(drawn)
    assert customer_picture(replace(drawn, orders=(replace(order, status="delivered"),))) != customer_picture(drawn)
    assert customer_picture(replace(drawn, shows_pii=False)) != customer_picture(drawn)
