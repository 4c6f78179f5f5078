"""Live updates shared by every tab of one server process: the change marker, the data it keys, partial reruns.

Each workspace tab runs a change watcher every 1.5 s (pages/agent_workspace.py). Done per tab, 50 tabs asked the
store 33 times a second for the same marker and, on every change, each reloaded the queue and its conversation and
redrew the whole page — one Streamlit process (one core, the GIL) could not keep up. Here:

* ``marker(services, read)``: the store's change marker (the page passes ``conversations.queue_marker``), read by at
  most one tab of the process per ``MARKER_TTL_S``; the others reuse that read. A full run of a page reads it
  fresh (``fresh=True``): after this tab's own write it must draw that write. A marker is always read *before* the
  data it keys is loaded, so data kept under a marker is as new as the marker or newer: no change slips between.
* ``shared(key, marker, load)``: ``load()`` once per (key, marker) for the whole process — the tabs of one user
  share the queue and the view of a conversation they both have open (the key names the user: a use case checks
  that user's permissions once, for every tab of the same user).
* ``rerun_fragments(*keys)``: rerun only the named ``@st.fragment(key=...)`` fragments of this tab (the queue
  when only the queue changed) instead of the whole page.
* ``watch(services, read, check)`` — push instead of ticks (``live_push``, the default): one thread per process
  reads the marker every ``PUSH_EVERY_S`` and, when it moved (or a tab's delayed redraw falls due), asks each
  watching tab's ``check`` what that tab must redraw, then asks Streamlit to rerun exactly those fragments of
  exactly those tabs. A tab with nothing new costs no script run at all (the 1.5 s watcher fragment cost a run per
  tab per tick: 67 runs a second at 100 tabs); a change costs only the redraws it needs. Where the server offers
  no session to push to (AppTest, another runtime), ``watch`` returns False and the page keeps its ticking watcher.

Nothing here is state several processes must share: the marker and the data live in the database; this is a cache
of what this process read from it.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from typing import Any

import streamlit as st

from services.bootstrap import Services
from services.errors import ServiceError

log = logging.getLogger(__name__)

RENDER_SLOTS = 2  # tabs drawing a fragment body at once in this process (see render_slot)
FULL_RUN_SLOTS = 2  # whole-page runs at once in this process (see full_run_slot)
FULL_RUN_WAIT_S = 20.0  # the longest a whole-page run waits for a slot before it goes ahead anyway
MARKER_TTL_S = 0.25  # 50 tabs ticking every 1.5 s: ≤ 4 reads a second instead of 33; adds ≤ 0.25 s to a live view
SHARED_ENTRIES = 256  # (key, marker) pairs kept: a few per open conversation and user, the old markers fall out
PUSH_EVERY_S = 0.25  # the push thread's look at the marker (the same read the tabs share: one per process)
APP = "app"  # a check's answer for "rerun the whole page" (a conversation no longer this agent's, a session ended)

# check(marker, now) -> (fragment keys to rerun now — or (APP,) — , when to ask again though the marker did not move:
# a delayed redraw, e.g. the queue's cards; None: only when it moves)
Check = Callable[[tuple, float], tuple[tuple[str, ...], float | None]]
# open_tokens(services, tokens) -> those of the tokens that name an open sign-in session (services.auth.open_sessions)
OpenTokens = Callable[[Services, list[str]], set[str]]


class LiveCache:
    """The change marker and the data loaded under it, for one Services (one database) in this process."""

    def __init__(self, services: Services, ttl_s: float = MARKER_TTL_S, entries: int = SHARED_ENTRIES,
                 push_every_s: float | None = PUSH_EVERY_S) -> None:
        """push_every_s: the push thread's period; None: no thread (tests call push_once themselves)."""
        self.services, self.ttl_s, self.entries, self.push_every_s = services, ttl_s, entries, push_every_s
        self._marker: tuple | None = None
        self._read_at = float("-inf")
        self._marker_lock = threading.Lock()
        self._values: OrderedDict[tuple, Any] = OrderedDict()
        self._values_lock = threading.Lock()
        self._loading: dict[tuple, threading.Lock] = {}
        self.marker_reads = 0  # reads of the store (tests count them)
        self.loads = 0  # load() calls that went to the store
        self._tabs: dict[str, _Tab] = {}  # session id -> what the push thread asks about that tab
        self._tabs_lock = threading.Lock()
        self._pusher: threading.Thread | None = None
        self._read: Callable[[Services], tuple] | None = None
        self._open_tokens: OpenTokens | None = None
        self.pushes = 0  # rerun requests the push thread made (tests count them)

    def marker(self, read: Callable[[Services], tuple], fresh: bool = False) -> tuple:
        """read(services) as called at most ttl_s ago (fresh: now); one tab reads while the others wait for it."""
        with self._marker_lock:
            if fresh or self._marker is None or time.monotonic() - self._read_at >= self.ttl_s:
                self._marker = read(self.services)
                self._read_at = time.monotonic()
                self.marker_reads += 1
            return self._marker

    def shared(self, key: Hashable, marker: Hashable, load: Callable[[], Any]) -> Any:
        """load() once per (key, marker) for every tab of the process; an error is raised and nothing is kept."""
        entry = (key, marker)
        with self._values_lock:
            if entry in self._values:
                self._values.move_to_end(entry)
                return self._values[entry]
            lock = self._loading.setdefault(entry, threading.Lock())
        with lock:  # tabs asking for the same entry at once: one loads, the others take its value
            with self._values_lock:
                if entry in self._values:
                    return self._values[entry]
            try:
                value = load()
                self.loads += 1
            finally:
                with self._values_lock:
                    self._loading.pop(entry, None)
            with self._values_lock:
                self._values[entry] = value
                while len(self._values) > self.entries:
                    self._values.popitem(last=False)
            return value


    # -- push instead of ticks ------------------------------------------------------------------------------------
    def watch(self, session_id: str, session: Any, read: Callable[[Services], tuple], check: Check,
              seen: tuple | None = None, due: float | None = None, token: str | None = None,
              open_tokens: OpenTokens | None = None) -> None:
        """From now on the push thread asks check(marker, now) about this tab whenever the marker moves past `seen`
        (None: at its next look) or at `due`, and reruns what it answers. A tab registers again after each of its
        runs with what it drew (and seen None: a change that arrived while it drew is then not skipped).
        token: the tab's sign-in session; before a rerun the thread asks open_tokens(services, tokens) once for
        every tab it reruns in that look, and a tab whose session is no longer open reruns in full (the app signs
        it out) instead of its fragments."""
        with self._tabs_lock:
            self._tabs[session_id] = _Tab(session, check, seen, due, token)
            self._read = read
            if open_tokens is not None:
                self._open_tokens = open_tokens
            if self.push_every_s is not None and (self._pusher is None or not self._pusher.is_alive()):
                self._pusher = threading.Thread(target=self._push_forever, name="frontline-live-push", daemon=True)
                self._pusher.start()

    def watching(self) -> int:
        with self._tabs_lock:
            return len(self._tabs)

    def _push_forever(self) -> None:
        while True:
            time.sleep(self.push_every_s or PUSH_EVERY_S)
            try:
                self.push_once()
            except Exception:  # noqa: BLE001 - the thread must outlive any one failure; the next look retries
                log.exception("live push failed")

    def push_once(self, now: float | None = None) -> int:
        """One look: the marker, then every tab it concerns; returns the number of tabs asked to rerun something."""
        with self._tabs_lock:
            tabs, read = list(self._tabs.items()), self._read
        if read is None or not tabs:
            return 0
        try:
            at = self.marker(read)
        except ServiceError:
            return 0  # the store is down: the tabs keep what they drew, the next look retries
        now = time.monotonic() if now is None else now
        asks: list[tuple[str, _Tab, tuple[str, ...]]] = []
        for session_id, tab in tabs:
            if not _alive(tab.session):
                with self._tabs_lock:
                    if self._tabs.get(session_id) is tab:
                        del self._tabs[session_id]
                continue
            if at == tab.seen and (tab.due is None or now < tab.due):
                continue
            try:
                keys, due = tab.check(at, now)
            except ServiceError:
                keys, due = (APP,), None  # e.g. no longer this agent's: the full page says so
            except Exception:  # noqa: BLE001 - one tab's failure must not stop the others' updates
                log.exception("live check failed for a tab")
                keys, due = (APP,), None
            tab.seen, tab.due = at, due
            if keys:
                asks.append((session_id, tab, keys))
        still_open = self._still_open([tab.token for _, tab, keys in asks if keys != (APP,)])
        for session_id, tab, keys in asks:
            if tab.token is not None and keys != (APP,):
                if tab.token not in still_open:
                    keys = (APP,)  # signed out elsewhere or expired: the full run signs the tab out
                else:
                    for key in keys:
                        mark_checked(session_id, key)
            self.pushes += 1
            request_rerun(tab.session, keys)
        return len(asks)

    def _still_open(self, tokens: list[str | None]) -> set[str]:
        """The open sessions among these tabs' tokens, in one read (none when the store cannot say: those tabs
        then rerun in full, and the page shows why)."""
        asked = [t for t in tokens if t is not None]
        if not asked or self._open_tokens is None:
            return set()
        try:
            return self._open_tokens(self.services, asked)
        except ServiceError:
            return set()


class _Tab:
    __slots__ = ("session", "check", "seen", "due", "token")

    def __init__(self, session: Any, check: Check, seen: tuple | None, due: float | None,
                 token: str | None = None) -> None:
        self.session, self.check, self.seen, self.due, self.token = session, check, seen, due, token


def _alive(session: Any) -> bool:
    """Whether a Streamlit AppSession still has a browser connected (a closed tab is forgotten; a reconnecting
    one registers again with its next run)."""
    try:
        from streamlit.runtime import Runtime

        return Runtime.instance().is_active_session(session.id)
    except Exception:  # noqa: BLE001 - no runtime (tests): a fake session says it itself
        return bool(getattr(session, "alive", False))


def request_rerun(session: Any, keys: tuple[str, ...]) -> None:
    """Ask a tab's session, from any thread, to rerun these fragments (or the whole page for (APP,)). Done on the
    session's event loop, as Streamlit handles a browser's request; the widget states are left as they are (a
    rerun never replays a click)."""
    loop = getattr(session, "_event_loop", None)
    if loop is None:  # a fake session (tests)
        session.request(keys)
        return
    try:
        loop.call_soon_threadsafe(_rerun_on_loop, session, keys)
    except RuntimeError:
        pass  # the loop is closed: the server is stopping


def _rerun_on_loop(session: Any, keys: tuple[str, ...]) -> None:
    from streamlit.runtime.app_session import AppSessionState

    if session._state == AppSessionState.SHUTDOWN_REQUESTED:
        return
    ids: list[str] = []
    if keys != (APP,):
        try:
            ids = session._fragment_storage.resolve_target(list(keys))
        except st.errors.StreamlitAPIException:
            return  # those fragments are gone (a full run since): that run drew the store as it is
    data = pushed_rerun(session._client_state, ids)
    runner = session._scriptrunner
    if runner is not None and runner.request_rerun(data):
        return
    session._create_scriptrunner(data)


def pushed_rerun(state: Any, fragment_ids: list[str]) -> Any:
    """The RerunData of a pushed rerun of these fragments (none: the whole page) of a tab whose browser last sent
    `state` (its ClientState). No widget states: a rerun never replays a click. Not "fragment-scoped": such a
    request preempts a run in progress, so a full run after the agent's click would stop half drawn; like a
    browser's auto-rerun timer, it waits for the current run to end."""
    from streamlit.runtime.scriptrunner_utils.script_requests import RerunData

    return RerunData(query_string=state.query_string, page_script_hash=state.page_script_hash,
                     page_name=state.page_name, fragment_id_queue=list(fragment_ids),
                     is_auto_rerun=bool(fragment_ids),
                     context_info=state.context_info if state.HasField("context_info") else None)


def this_session() -> tuple[str, Any] | None:
    """(session id, AppSession) of the running script's tab, or None where there is none to push to (AppTest)."""
    try:
        from streamlit.runtime import Runtime
        from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

        ctx = get_script_run_ctx()
        if ctx is None or not Runtime.exists():
            return None
        info = Runtime.instance()._session_mgr.get_active_session_info(ctx.session_id)
        session = info.session if info is not None else None
        if session is None or not all(hasattr(session, name) for name in (
                "_event_loop", "_client_state", "_fragment_storage", "_scriptrunner", "_create_scriptrunner")):
            return None
        return ctx.session_id, session
    except Exception:  # noqa: BLE001 - Streamlit's internals moved: tick instead of push
        return None


def spread(interval_s: float, tabs: int, tabs_at_base: int) -> float:
    """interval_s for up to tabs_at_base tabs, longer in proportion beyond (a per-tab redraw that a process can
    afford for that many tabs stays within the same CPU for more)."""
    return interval_s * max(1.0, tabs / tabs_at_base)


def can_push(services: Services) -> bool:
    """Whether this tab's live updates are pushed (``live_push`` and a server session to push to); else it ticks."""
    return services.settings.live_push and this_session() is not None


def watch(services: Services, read: Callable[[Services], tuple], check: Callable[[str], Check],
          token: str | None = None, open_tokens: OpenTokens | None = None) -> bool:
    """Register this tab with the process's push thread (see the module's doc): check(session id) gives the tab's
    Check; token and open_tokens: its sign-in session, checked before each pushed rerun (LiveCache.watch).
    False where pushing is off (``live_push: false``) or not possible here: the caller then ticks."""
    found = this_session() if services.settings.live_push else None
    if found is None:
        return False
    cache(services).watch(found[0], found[1], read, check(found[0]), token=token, open_tokens=open_tokens)
    return True


CHECKED_FOR_S = 5.0  # a pushed rerun that has not started by then checks the session itself
_PUSHED: dict[tuple[str, str], float] = {}  # (session id, fragment key) -> when the push thread checked the session
_PUSHED_LOCK = threading.Lock()


def mark_checked(session_id: str, key: str) -> None:
    """The push thread has just checked this tab's session before rerunning this fragment."""
    now = time.monotonic()
    with _PUSHED_LOCK:
        if len(_PUSHED) > 10_000:  # reruns that never came (a tab closed meanwhile)
            for entry in [entry for entry, at in _PUSHED.items() if now - at >= CHECKED_FOR_S]:
                del _PUSHED[entry]
        _PUSHED[(session_id, key)] = now


def take_checked(key: str) -> bool:
    """Whether this fragment run was pushed with the session checked just before (the flag is used once)."""
    found = this_session()
    if found is None:
        return False
    with _PUSHED_LOCK:
        at = _PUSHED.pop((found[0], key), None)
    return at is not None and time.monotonic() - at < CHECKED_FOR_S


_RENDERING = threading.BoundedSemaphore(RENDER_SLOTS)
_FULL_RUNS = threading.BoundedSemaphore(FULL_RUN_SLOTS)


@contextmanager
def full_run_slot(wait_s: float = FULL_RUN_WAIT_S) -> Iterator[None]:
    """Hold one of FULL_RUN_SLOTS for a whole-page run (app.py). When a replica dies its tabs reconnect to the
    others all at once, and each reconnect is a full run (sign-in check, queue, conversation, assist): 50 of them
    sharing one GIL with the pushed updates of the tabs already there delayed those updates by 4–5 s
    (bench/load.py --kill-one-at). Beyond the slots, full runs wait without the GIL and go in turn, while pushed
    fragment runs (a new message in an open conversation) do not wait. After wait_s a run goes ahead anyway, so a
    stuck run never stops the others."""
    acquired = _FULL_RUNS.acquire(timeout=wait_s)
    try:
        yield
    finally:
        if acquired:
            _FULL_RUNS.release()


@contextmanager
def render_slot() -> Iterator[None]:
    """Hold one of RENDER_SLOTS while drawing a large fragment (the open conversation, the queue). Every tab runs
    in its own script thread and all of them share one GIL with the event loop that sends their output: with 50
    tabs drawing at once the event loop got too little of it, the messages waiting to be sent piled up and
    Streamlit's per-run work on that pile grew until nothing reached a browser. Tabs beyond the slots wait
    (without the GIL) and draw in turn; the total work is the same."""
    with _RENDERING:
        yield


@st.cache_resource(show_spinner=False)
def _cache(services_id: int, _services: Services) -> LiveCache:
    return LiveCache(_services)


def cache(services: Services) -> LiveCache:
    """This process's LiveCache for these services (one per server, like get_services(); cleared with
    st.cache_resource)."""
    return _cache(id(services), services)


def marker(services: Services, read: Callable[[Services], tuple], fresh: bool = False) -> tuple:
    return cache(services).marker(read, fresh)


def shared(services: Services, key: Hashable, marker_value: Hashable, load: Callable[[], Any]) -> Any:
    return cache(services).shared(key, marker_value, load)


def redraw(drawn_conversation: tuple | None, conversation: tuple | None, drawn_queue: tuple | None,
           queue: tuple | None) -> tuple[str, ...]:
    """The parts of a tab to redraw to show the store as it is now, given what it drew:

    * conversation / drawn_conversation: (conversation id, what the page draws of it ...) now and as drawn, None
      when none is open;
    * queue / drawn_queue: the queue picture (open count, matching count, cards' data, cards' HTML) now and as
      drawn, None when it could not be drawn (a refused filter).

    "conversation" when the open conversation changed (its thread and assist panel); "queue" when the queue's cards
    changed, else "counts" when only its counts did (a new conversation below the cards shown); () when nothing
    this tab shows changed — a change to another conversation, or to a card's data the card does not show.
    """
    parts: tuple[str, ...] = ("conversation",) if conversation != drawn_conversation else ()
    if queue is None or drawn_queue is None:
        return parts if queue is drawn_queue else (*parts, "queue")
    if queue[3] != drawn_queue[3]:
        return (*parts, "queue")
    return (*parts, "counts") if queue[:2] != drawn_queue[:2] else parts


def fragment_run() -> bool:
    """Whether this script run reruns fragments only (app.py and the page's top level did not run: their session
    check neither)."""
    from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

    ctx = get_script_run_ctx()
    return bool(ctx is not None and getattr(ctx, "fragment_ids_this_run", None))


def rerun_fragments(*keys: str) -> None:
    """End this fragment's run and rerun only the fragments declared with these keys (the rest of the page stays
    as drawn). Called from a fragment's body during a fragment run (the watcher); falls back to a full rerun where
    Streamlit's runner does not offer a fragment-scoped request."""
    try:
        from streamlit.runtime.scriptrunner_utils.script_requests import RerunData
        from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

        ctx = get_script_run_ctx()
        request = RerunData(query_string=ctx.query_string, page_script_hash=ctx.page_script_hash,
                            fragment_id_queue=ctx.fragment_storage.resolve_target(list(keys)),
                            is_fragment_scoped_rerun=True, cached_message_hashes=ctx.cached_message_hashes,
                            context_info=ctx.context_info)
    except (ImportError, AttributeError, TypeError, st.errors.StreamlitAPIException):
        st.rerun()
    ctx.script_requests.request_rerun(request)
    st.empty()  # a yield point, as st.rerun() makes one: the runner takes the request here and this run ends
