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

Nothing here is state several processes must share: the marker and the data live in the database; this is a cache
of what this process read from it.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from typing import Any

import streamlit as st

from services.bootstrap import Services

RENDER_SLOTS = 2  # tabs drawing a fragment body at once in this process (see render_slot)
MARKER_TTL_S = 0.25  # 50 tabs ticking every 1.5 s: ≤ 4 reads a second instead of 33; adds ≤ 0.25 s to a live view
SHARED_ENTRIES = 256  # (key, marker) pairs kept: a few per open conversation and user, the old markers fall out


class LiveCache:
    """The change marker and the data loaded under it, for one Services (one database) in this process."""

    def __init__(self, services: Services, ttl_s: float = MARKER_TTL_S, entries: int = SHARED_ENTRIES) -> None:
        self.services, self.ttl_s, self.entries = services, ttl_s, entries
        self._marker: tuple | None = None
        self._read_at = float("-inf")
        self._marker_lock = threading.Lock()
        self._values: OrderedDict[tuple, Any] = OrderedDict()
        self._values_lock = threading.Lock()
        self._loading: dict[tuple, threading.Lock] = {}
        self.marker_reads = 0  # reads of the store (tests count them)
        self.loads = 0  # load() calls that went to the store

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


_RENDERING = threading.BoundedSemaphore(RENDER_SLOTS)


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
