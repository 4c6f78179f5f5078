"""Agent workspace: live queue | conversation and composer | assist, knowledge-base search and customer tabs.

Live updates cost almost nothing while nothing changes: one tiny fragment looks at the store's change marker every
1.5 s (read once per server process for every tab: components/live.py). When it moved, the watcher compares the
queue and the open conversation as they are now (loaded once per process for every tab of the same user) with what
this tab drew, and reruns only the fragments that show a change: the open conversation → its thread, assist panel
and customer tab (three fragments; the composer and the KB search are not redrawn by a change), at once; only the
queue's counts (a new conversation below the cards shown) → the two count lines, at once; the queue's cards → the
queue fragment, at most every QUEUE_CARDS_EVERY_S (a card is at most that plus one tick late: the cards were most of
a loaded server's CPU; with push, that interval grows with the tabs the process holds beyond QUEUE_TABS_AT_BASE);
nothing this tab shows → nothing. app.py and the rest of the page run only for what the agent does (open a
conversation, send, escalate ...). The queue also redraws once a minute on its own for its timers.

A fragment-only run skips app.py's session check, so each fragment checks the session itself: read only (no sliding
expiry, no write) when it runs by itself — the watcher checks once before it redraws anything, the queue's clock
checks on its own — and sliding when the agent used one of its widgets; an ended session reruns the app, which
signs the tab out before it draws anything.

Push instead of ticks (``live_push``, the default on a server): the tab has no watcher fragment at all. After every
run that drew something live it registers with its process's push thread (components/live.py) a check built from
what it drew; the thread asks it when the marker moves and reruns the fragments it names — the same decisions as
the watcher above (``tab_check``), without a script run for a tab with nothing new.
"""

import time

import streamlit as st

from components import assist_panel, composer, layout, live, session, spoken, voice_call
from components import conversation as render
from components import predictions as predicted
from components.email_mail import whole_mails
from components.guard import require
from components.social_delivery import reply_states
from components.state import (
    chosen_suggestion_key,
    get_services,
    select_conversation,
    selected_conversation,
)
from services import (
    auth,
    calls,
    conversations,
    email_inbound,
    inbox,
    kb_lookup,
    kb_usage,
    predictors,
    social_outbound,
    speech,
    translation,
    workspace,
)
from services.errors import ServiceError
from services.models import CHANNELS, CONVERSATION_STATUSES, TIERS
from services.views import ThreadLanguages

LIVE_REFRESH_S = 1.5  # how often a tab asks "did anything change?": no query of its own (components/live.py)
QUEUE_CLOCK_S = 60.0  # the queue's waiting times and SLA timers count in minutes
SOCIAL_REFRESH_S = 5.0  # a social reply on its way to the platform: its state is read again this often
QUEUE_CARDS_EVERY_S = 10.0  # live changes to the queue's cards are drawn at most this often in a tab (+ one tick)
QUEUE_TABS_AT_BASE = 50  # with push, a process holding more tabs than this spaces their card redraws out in proportion
DONE = {"send": "Reply sent", "note": "Internal note added", "escalate": "Escalated to a supervisor",
        "transfer": "Transferred", "resolve": "Conversation resolved", "translate": "Translated: check it, then send"}
QUEUE_SHOWN = 12  # a laptop screen shows ~5 cards; search and filters reach the rest (30 cards were 30 % of a loaded
# server's CPU at 100 tabs: every card is three elements redrawn in every tab; docs/benchmarks.md)
QUEUE_FRAGMENT = "live-queue"  # the queue fragment's key: the watcher reruns it alone
QUEUE_COUNTS_FRAGMENT = "live-queue-counts"  # its counts (header and "+ N more"): rerun alone when only they moved
THREAD_FRAGMENT = "live-thread"  # the open conversation's thread
ASSIST_FRAGMENT = "live-assist"  # its assist panel
CUSTOMER_FRAGMENT = "live-customer"  # its customer tab
CONVERSATION_FRAGMENTS = (THREAD_FRAGMENT, ASSIST_FRAGMENT, CUSTOMER_FRAGMENT)  # redrawn when the conversation changed
COMPOSER_FRAGMENT = "composer"  # reply form and actions: not live
CALL_FRAGMENT = "voice-call"  # a voice conversation's call controls (components/voice_call.py)
CALL_WORDS_EVERY_S = 0.5  # a live call's partial words are redrawn this often
CALLS = "voice_calls"  # {conversation id: CallSession} of this tab (the call's worker lives in this process)
CALL_RELAYS = "voice_call_relays"  # {conversation id: voice_call.Relay}: the browser's audio to the call
QUEUE_DRAWN_AT = "queue_drawn_at"  # time.monotonic() when this tab last drew its queue cards
QUEUE_LATE = "queue_late"  # the cards changed since, and wait for QUEUE_CARDS_EVERY_S
AUTOMATIC = "automatic_redraw"  # + fragment key: the watcher reruns it and has just checked the session
QUEUE_TOUCHED = "queue_touched"  # the agent used the queue's search or filters
SEEN = "seen_marker"  # the change marker this tab's drawing is at least as new as
DRAWN_QUEUE = "drawn_queue"  # the queue picture this tab drew (queue_picture)
DRAWN_CONVERSATION = "drawn_conversation"  # (conversation id, view, failures, assist view) this tab drew
LOST_CONVERSATION = "lost_conversation"  # why the conversation open here could not be shown any more (taken over…)
DRAWING = "drawing_page"  # set while a full run calls the watcher: that run reads everything itself
PUSHED = "live_pushed"  # set when this tab's updates are pushed (no watcher fragment)
DRAWING_QUEUE = "drawing_queue"  # set while the queue fragment draws its counts (not a counts-only run)

user = require("workspace")
services = get_services()


def change_marker(fresh: bool = False) -> tuple:
    """The store's change marker (the one call into services the watcher makes): read once per process a tick, or
    fresh (a full run: after this tab's own write it must draw that write)."""
    return live.marker(services, conversations.queue_marker, fresh)


def queue_items(at: object) -> list[conversations.QueueItem]:
    """This user's queue at marker `at` (or newer), loaded once for every tab of the user; the minute is in the key
    because waiting times count in minutes."""
    return live.shared(services, ("queue", user.username, user.role, int(time.time() // 60)), at,
                       lambda: conversations.agent_queue(services, user))


def load_conversation(conversation_id: int, audit: bool = False) -> tuple:
    """(view, {message id: why not analysed}, assist view) of one conversation, as this user may see it."""
    view = conversations.open_conversation(services, user, conversation_id, audit=audit)
    failures = inbox.not_analysed(services, user, conversation_id)  # what the live path could not analyse
    return view, failures, conversations.assist_view(services, user, conversation_id)


def conversation_at(conversation_id: int, at: object) -> tuple:
    """load_conversation at marker `at` (or newer), once for every tab of this user with it open."""
    return live.shared(services, ("conversation", user.username, user.role, conversation_id), at,
                       lambda: load_conversation(conversation_id))


def still_signed_in(slide: bool = False) -> bool:
    """Whether this tab's session is still open. slide: the agent did something (the expiry moves forward, as on
    a page run); otherwise a read-only check, so automatic reruns never keep an idle tab signed in."""
    try:
        if slide:
            resumed = auth.resume_session(services, session.token())
            session.remember(resumed.token, resumed.expires_at)  # the next page run rewrites the cookie
        else:
            auth.check_session(services, session.token())
    except ServiceError:
        return False
    return True


def fragment_guard(key: str, slide: bool) -> None:
    """In a fragment-only run (app.py's session check did not run) the session must still be open, else the app
    reruns and signs the tab out before this fragment draws anything. Not asked again when the watcher reran this
    fragment (it has just checked)."""
    automatic = st.session_state.pop(f"{AUTOMATIC}-{key}", False) or live.take_checked(key)
    if live.fragment_run() and PUSHED in st.session_state:
        st.session_state[SEEN] = change_marker()  # pushed: draw the store as new as the push thread saw it, or newer
    if live.fragment_run() and not automatic and not still_signed_in(slide):
        st.rerun()


def cards_every() -> float:
    """How long a pushed tab's changed queue cards wait at most: QUEUE_CARDS_EVERY_S, longer in proportion when the
    process holds more than QUEUE_TABS_AT_BASE tabs (100 tabs: 20 s) — the cards are the largest per-tab cost, and
    a server that falls behind delays every view, the open conversations' too. The counts and the open
    conversation are never delayed."""
    return live.spread(QUEUE_CARDS_EVERY_S, live.cache(services).watching(), QUEUE_TABS_AT_BASE)


def queue_due() -> bool:
    return time.monotonic() - st.session_state.get(QUEUE_DRAWN_AT, float("-inf")) >= QUEUE_CARDS_EVERY_S


def watch_for_changes() -> None:
    """Draws nothing; reruns the fragments that show a change since this tab drew them (see the module's doc)."""
    if st.session_state.pop(DRAWING, False):
        return  # called by the full run, which draws from the marker it just read (a rerun from here would restart
        # that run whenever the store moved meanwhile: under load, over and over, before the thread was drawn)
    at = change_marker()
    if at == st.session_state.get(SEEN) and not (st.session_state.get(QUEUE_LATE) and queue_due()):
        return
    drawn = st.session_state.get(DRAWN_CONVERSATION)
    try:
        conversation = None if drawn is None else (drawn[0], *conversation_at(drawn[0], at))
    except ServiceError:
        st.rerun()  # e.g. the conversation is no longer this agent's: the page says so
    try:
        picture = queue_picture(queue_items(at), chosen_filter(), selected_conversation())
    except ServiceError:
        picture = None  # the queue fragment shows the error
    st.session_state[SEEN] = at
    drawn_queue = st.session_state.get(DRAWN_QUEUE)
    parts = live.redraw(drawn, conversation, drawn_queue, picture)
    keys = conversation_fragments(drawn, conversation) if "conversation" in parts else []
    st.session_state[QUEUE_LATE] = "queue" in parts and not queue_due()
    if "queue" in parts and not st.session_state[QUEUE_LATE]:
        keys.append(QUEUE_FRAGMENT)
    elif picture is not None and drawn_queue is not None and picture[:2] != drawn_queue[:2]:
        keys.append(QUEUE_COUNTS_FRAGMENT)  # counts at once, the cards (if late) as drawn
    if not keys:
        return
    if not still_signed_in():
        st.rerun()  # signed out elsewhere or expired: the full run signs this tab out before it draws anything
    if QUEUE_COUNTS_FRAGMENT in keys:
        st.session_state[DRAWN_QUEUE] = (*picture[:2], *drawn_queue[2:])
    for key in keys:
        if key != QUEUE_COUNTS_FRAGMENT:  # it draws two counts and checks nothing
            st.session_state[f"{AUTOMATIC}-{key}"] = True
    live.rerun_fragments(*keys)


def conversation_fragments(drawn: tuple | None, now: tuple | None) -> list[str]:
    """The fragments of the open conversation to redraw when it changed from `drawn` to `now` ((id, view, failures,
    assist view)): the thread and the assist panel, and the Customer tab only when what it shows changed."""
    if drawn is not None and now is not None and drawn[0] == now[0] \
            and render.customer_picture(drawn[1]) == render.customer_picture(now[1]):
        return [THREAD_FRAGMENT, ASSIST_FRAGMENT]
    return list(CONVERSATION_FRAGMENTS)


def tab_check(session_id: str) -> live.Check:
    """The push thread's question about this tab, built from what it has drawn: the watcher's decisions
    (watch_for_changes) as a function of the marker, run by the push thread. What it pushes counts as drawn, so a
    redraw is asked once even before the tab registers again."""
    drawn, drawn_queue = st.session_state.get(DRAWN_CONVERSATION), st.session_state.get(DRAWN_QUEUE)
    filters, selected = chosen_filter(), selected_conversation()
    cards_ready = st.session_state.get(QUEUE_DRAWN_AT, float("-inf")) + cards_every()

    def picture_at(at: tuple) -> tuple | None:
        try:  # one picture per (user, filter, open conversation) and marker for every tab of the process
            return live.shared(services, ("picture", user.username, user.role, filters, selected,
                                          int(time.time() // 60)), at,
                               lambda: queue_picture(queue_items(at), filters, selected))
        except ServiceError:
            return None  # the queue fragment shows the error

    def check(at: tuple, now: float) -> tuple[tuple[str, ...], float | None]:
        nonlocal drawn, drawn_queue, cards_ready
        conversation = None if drawn is None else (drawn[0], *conversation_at(drawn[0], at))
        picture = picture_at(at)
        parts = live.redraw(drawn, conversation, drawn_queue, picture)
        keys = conversation_fragments(drawn, conversation) if "conversation" in parts else []
        due = None
        if "queue" in parts and now >= cards_ready:
            keys.append(QUEUE_FRAGMENT)
        elif "queue" in parts:
            due = cards_ready  # the cards wait; their counts do not
        if QUEUE_FRAGMENT not in keys and picture is not None and drawn_queue is not None \
                and picture[:2] != drawn_queue[:2]:
            keys.append(QUEUE_COUNTS_FRAGMENT)
        if not keys:
            return (), due  # the push thread checks the session of every tab it reruns, in one read
        if THREAD_FRAGMENT in keys:
            drawn = conversation
        if QUEUE_FRAGMENT in keys:
            drawn_queue, cards_ready = picture, now + cards_every()
        elif QUEUE_COUNTS_FRAGMENT in keys:
            drawn_queue = (*picture[:2], *drawn_queue[2:])
        return tuple(keys), due

    return check


def register_tab() -> None:
    """After a run that drew something live: what this tab shows now, for the push thread."""
    if PUSHED in st.session_state:
        live.watch(services, conversations.queue_marker, tab_check, session.token(), auth.open_sessions)


def insert_suggestion(conversation_id: int, suggestion_id: int, text: str) -> None:
    st.session_state[composer.composer_key(conversation_id)] = text
    st.session_state[chosen_suggestion_key(conversation_id)] = suggestion_id
    st.session_state["rerun_app"] = True  # the composer is outside the assist fragment


def insert_link(conversation_id: int, link: str) -> None:
    key = composer.composer_key(conversation_id)
    current = (st.session_state.get(key) or "").rstrip()
    st.session_state[key] = f"{current}\n{link}" if current else link
    st.session_state["rerun_app"] = True  # the composer is outside the search fragment


def kb_feedback(conversation_id: int, results: list) -> dict:
    """The agent's votes on these KB results and the callbacks that record a vote or a view (services/kb_usage.py)."""
    def safely(call) -> None:  # noqa: ANN001
        try:
            call()
        except ServiceError as e:
            st.toast(str(e), icon=":material/error:")
    return {"votes": kb_usage.my_votes(services, user, conversation_id) if results else {},
            "on_vote": lambda aid, helpful: safely(lambda: kb_usage.vote(services, user, aid, helpful, conversation_id)),
            "on_open": lambda aid: safely(lambda: kb_usage.record_view(services, user, aid, "workspace_kb",
                                                                       conversation_id))}


QUEUE_WIDGETS = ("queue-search", "queue-channels", "queue-statuses", "queue-tiers", "queue-escalated")


def touched_queue() -> None:
    st.session_state[QUEUE_TOUCHED] = True


def queue_filter() -> workspace.QueueFilter:
    st.text_input("Search the queue", key="queue-search", max_chars=workspace.MAX_SEARCH_CHARS,
                  placeholder="Search subjects and messages", label_visibility="collapsed", on_change=touched_queue)
    with st.popover("Filters", icon=":material/filter_list:", width="stretch"):
        st.multiselect("Channel", CHANNELS, key="queue-channels", on_change=touched_queue)
        st.multiselect("Status", [s for s in CONVERSATION_STATUSES if s in conversations.QUEUE_STATUSES],
                       key="queue-statuses", on_change=touched_queue)
        st.multiselect("Tier", TIERS, key="queue-tiers", on_change=touched_queue)
        st.toggle("Flagged for escalation", key="queue-escalated", on_change=touched_queue,
                  help="Conversations the assist panel flags for escalation that are still yours; "
                       "escalated ones wait in the supervisors' inbox.")
    return chosen_filter()


def chosen_filter() -> workspace.QueueFilter:
    """The filter the queue's widgets hold (the watcher reads it without drawing them)."""
    text, channels, statuses, tiers, escalated = (st.session_state.get(key) for key in QUEUE_WIDGETS)
    return workspace.QueueFilter(tuple(channels or ()), tuple(statuses or ()), tuple(tiers or ()), bool(escalated),
                                 text or "")


def queue_picture(items: list[conversations.QueueItem], filters: workspace.QueueFilter,
                  selected: int | None = None) -> tuple:
    """(open, matching, [(card, SLA clock)] of the cards shown, the cards' HTML): what the queue draws with the
    conversation `selected` open, so two pictures with the same counts and HTML draw the same queue. Raises
    ServiceError for a filter filter_queue refuses."""
    shown = workspace.filter_queue(services, user, items, filters)
    clocks = [(item, workspace.sla_clock(services.settings, item)) for item in shown[:QUEUE_SHOWN]]
    return len(items), len(shown), clocks, tuple(render.queue_card_html(item, sla, item.row.conversation.id == selected)
                                                  for item, sla in clocks)


@st.fragment(key=QUEUE_COUNTS_FRAGMENT)
def queue_counts(part: str) -> None:
    """The queue's counts — its header line, or the "+ N more" line under the cards — from the picture this tab
    drew: the watcher reruns them alone when a new conversation arrived below the cards shown."""
    if live.fragment_run() and PUSHED in st.session_state and not st.session_state.get(DRAWING_QUEUE) \
            and st.session_state.get(DRAWN_QUEUE) is not None:
        fragment_guard(QUEUE_COUNTS_FRAGMENT, slide=False)  # pushed alone: the counts as they are now
        try:
            items = queue_items(st.session_state.get(SEEN))
            shown = workspace.filter_queue(services, user, items, chosen_filter())
        except ServiceError:
            pass  # the queue fragment shows the error on its next redraw
        else:
            st.session_state[DRAWN_QUEUE] = (len(items), len(shown), *st.session_state[DRAWN_QUEUE][2:])
        register_tab()
    total, matching, _, _ = st.session_state[DRAWN_QUEUE]
    active = chosen_filter().active
    if part == "header":
        st.markdown(f"**Queue** · {matching} of {total} open" if active else f"**Queue** · {total} open")
        if not matching:
            st.caption("Nothing matches these filters." if active else
                       "No open conversations. New ones appear here by themselves.")
    elif matching > QUEUE_SHOWN:
        st.caption(f"+ {matching - QUEUE_SHOWN} more, less urgent")


@st.fragment(run_every=QUEUE_CLOCK_S, key=QUEUE_FRAGMENT)
def live_queue() -> None:
    fragment_guard(QUEUE_FRAGMENT, slide=st.session_state.pop(QUEUE_TOUCHED, False))  # else its clock: read only
    st.session_state[QUEUE_DRAWN_AT], st.session_state[QUEUE_LATE] = time.monotonic(), False
    with live.render_slot():
        draw_queue()
    if live.fragment_run():
        register_tab()


def draw_queue() -> None:
    filters = queue_filter()
    if st.session_state.get("queue_audited"):
        items = queue_items(st.session_state.get(SEEN))
    else:  # the first view of the queue in this session is audited
        items = conversations.agent_queue(services, user, audit=True)
    st.session_state["queue_audited"] = True
    st.session_state[DRAWN_QUEUE] = None
    try:
        picture = queue_picture(items, filters, selected_conversation())
    except ServiceError as e:
        st.error(str(e))
        return
    st.session_state[DRAWN_QUEUE] = picture
    st.session_state[DRAWING_QUEUE] = True
    try:
        queue_counts("header")
        with st.container(height=500, border=False, key="queue-list"):
            chosen = render.queue(picture[2], selected_conversation())
            queue_counts("footer")
    finally:
        st.session_state.pop(DRAWING_QUEUE, None)
    if chosen is not None and chosen != selected_conversation():
        select_conversation(chosen)
        st.rerun()


@st.fragment
def kb_search(conversation_id: int) -> None:
    fragment_guard("kb-search", slide=True)  # only the agent's typing and clicks rerun it
    query = st.text_input("Search the knowledge base", key="kb-query", max_chars=kb_lookup.MAX_QUERY_CHARS,
                          placeholder="e.g. return a damaged item", label_visibility="collapsed")
    try:
        results = kb_lookup.search_articles(services, user, query)
    except ServiceError as e:
        st.error(str(e))
        return
    assist_panel.kb_results(query, results, lambda link: insert_link(conversation_id, link),
                            **kb_feedback(conversation_id, results))
    if st.session_state.pop("rerun_app", False):
        st.rerun()


def retry_analysis(conversation_id: int) -> None:
    try:
        analysed = inbox.retry_analysis(services, user, conversation_id)
    except ServiceError as e:
        st.session_state["retry-error"] = str(e)
    else:
        if not analysed:
            st.session_state["retry-error"] = "The message could not be analysed this time either."


def assist(conversation_id: int, view: conversations.ConversationView, failures: dict[int, str],
           assisted: conversations.AssistView | None) -> None:
    """The stored analysis only: nothing is analysed while the page draws (the live path and the seed's backfill
    analyse messages; a message they could not analyse waits for an agent's Retry)."""
    latest = next((m.id for m in reversed(view.messages) if m.author_role == "customer"), None)
    if latest is not None and (assisted is None or assisted.message_id != latest):
        assist_panel.not_analysed(failures.get(latest, ""), lambda: retry_analysis(conversation_id),
                                  st.session_state.pop("retry-error", ""))
    assist_panel.panel(assisted, lambda sid, text: insert_suggestion(conversation_id, sid, text), play_reply)


def play_reply(played: str, text: str) -> None:
    """A suggestion or the composer's text read aloud (services.speech); the player is drawn under it."""
    try:
        spoken.remember(played, speech.speak_reply(services, user, text))
    except ServiceError as e:
        spoken.remember(played, str(e))


def act(conversation_id: int, action: composer.Action) -> None:
    if action.kind == "translate":
        preview = translation.translate_reply(services, user, conversation_id, action.text)
        composer.show_translation(conversation_id, preview.translation, action.text)
    elif action.kind == "send" and action.translation:
        suggestion = st.session_state.pop(chosen_suggestion_key(conversation_id), None)
        translation.send_translated_reply(services, user, conversation_id, action.text, action.translation,
                                          action.language, suggestion, action.subject)
    elif action.kind == "send":
        suggestion = st.session_state.pop(chosen_suggestion_key(conversation_id), None)
        conversations.send_reply(services, user, conversation_id, action.text, suggestion, action.subject)
    elif action.kind == "note":
        conversations.add_note(services, user, conversation_id, action.text)
    elif action.kind == "escalate":
        conversations.escalate(services, user, conversation_id, action.text, action.queue)
    elif action.kind == "transfer":
        conversations.transfer(services, user, conversation_id, action.queue, action.text)
    elif action.kind == "resolve":
        conversations.resolve(services, user, conversation_id, action.disposition)
    st.toast(DONE[action.kind], icon=":material/check:")


def thread_languages(conversation_id: int) -> ThreadLanguages:
    """The thread's translations and the reply language, once per marker for every tab of this user."""
    return live.shared(services, ("languages", user.username, user.role, conversation_id),
                       st.session_state.get(SEEN), lambda: translation.thread_languages(services, user, conversation_id))


def composer_panel(conversation_id: int, view: conversations.ConversationView) -> None:
    languages = thread_languages(conversation_id)
    channel, subject = view.conversation.channel, view.conversation.subject
    action = composer.reply_form(conversation_id, channel, subject, languages.reply_language,
                                 languages.reply_language_name)
    if action is not None and action.kind == "play":  # no rerun: the agent keeps typing; the player shows below
        play_reply(spoken.composer_key(conversation_id), action.text)
        action = None
    spoken.player(spoken.composer_key(conversation_id))
    action = action or composer.actions(conversation_id, conversations.queues(services))
    if action is None:
        return
    try:
        act(conversation_id, action)
    except ServiceError as e:
        st.error(str(e))
    else:
        composer.clear_after_success(conversation_id, action)
        st.rerun()


def drawn_conversation(conversation_id: int) -> tuple:
    """(view, failures, assist view) this run draws: the full run's load, or in a fragment-only run the
    conversation at the marker this tab has seen (shared with the tab's other fragment and every tab of the user)."""
    drawn = st.session_state.get(DRAWN_CONVERSATION)
    if live.fragment_run() or drawn is None or drawn[0] != conversation_id:
        try:
            loaded = conversation_at(conversation_id, st.session_state.get(SEEN))
        except ServiceError:
            st.rerun()  # e.g. no longer this agent's: the page says so
        drawn = st.session_state[DRAWN_CONVERSATION] = (conversation_id, *loaded)
    return drawn[1:]


@st.fragment(key=THREAD_FRAGMENT)
def thread_fragment(conversation_id: int) -> None:
    """The open conversation's thread: redrawn alone (with the assist and customer tabs) when it changed."""
    fragment_guard(THREAD_FRAGMENT, slide=True)
    view, failures, _ = drawn_conversation(conversation_id)
    with live.render_slot():
        render.thread(view, failures, thread_languages(conversation_id).translations)
    if live.fragment_run():
        register_tab()


@st.fragment(key=COMPOSER_FRAGMENT)
def composer_fragment(conversation_id: int) -> None:
    """Reply form and escalate / transfer / resolve: not live (a new message does not redraw what the agent is
    typing); the agent's own clicks rerun it, an action done reruns the page."""
    fragment_guard(COMPOSER_FRAGMENT, slide=True)
    view, _, _ = drawn_conversation(conversation_id)
    composer_panel(conversation_id, view)


@st.fragment(key=ASSIST_FRAGMENT)
def assist_fragment(conversation_id: int) -> None:
    """The assist panel: redrawn when the conversation changed; its clicks (insert a suggestion, retry) rerun it
    alone, and an inserted suggestion reruns the page (the composer shows it)."""
    fragment_guard(ASSIST_FRAGMENT, slide=True)
    view, failures, assisted = drawn_conversation(conversation_id)
    with live.render_slot(), st.container(height=500, border=False, key="assist-scroll"):
        assist(conversation_id, view, failures, assisted)
    if st.session_state.pop("rerun_app", False):
        st.rerun()
    if live.fragment_run():
        register_tab()


@st.fragment(key=CUSTOMER_FRAGMENT)
def customer_fragment(conversation_id: int) -> None:
    """The customer tab (profile, orders, history): redrawn when the conversation changed."""
    fragment_guard(CUSTOMER_FRAGMENT, slide=True)
    view, _, _ = drawn_conversation(conversation_id)
    render.customer_context(view)
    predicted.customer_risk(conversation_id, lambda: predictors.customer_risk(services, user, conversation_id))
    if live.fragment_run():
        register_tab()


def whole_emails(conversation_id: int) -> None:
    """An email conversation's whole mails (quotes, signatures, attachments), read on request (each read audited)."""
    view, _, _ = drawn_conversation(conversation_id)
    if view.conversation.channel != "email":
        return
    with st.expander("Whole emails: quoted history, signatures, attachments"):
        if st.button("Show the whole emails", key=f"whole-mails-{conversation_id}"):
            try:
                whole_mails(email_inbound.thread_mails(services, user, conversation_id))
            except ServiceError as e:
                st.error(str(e))


def social_replies(conversation_id: int) -> None:
    """A social conversation's replies that have not reached the platform: queued, retrying (when next) or failed
    (why). Redrawn every SOCIAL_REFRESH_S while one is on its way (the poller sends it; nothing marks the change)."""
    if live.fragment_run() and not still_signed_in():
        st.rerun()
    try:
        states = social_outbound.reply_states(services, user, conversation_id)
    except ServiceError as e:
        st.error(str(e))
        return
    reply_states(states)


def social_deliveries(conversation_id: int) -> None:
    view, _, _ = drawn_conversation(conversation_id)
    if view.conversation.channel != "social":
        return
    try:
        waiting = any(s.state in ("queued", "retrying") for s in
                      social_outbound.reply_states(services, user, conversation_id))
    except ServiceError:
        waiting = False
    st.fragment(run_every=SOCIAL_REFRESH_S if waiting else None)(social_replies)(conversation_id)


def call_session(conversation_id: int) -> calls.CallSession | None:
    return st.session_state.setdefault(CALLS, {}).get(conversation_id)


def follow_browser_call(conversation_id: int, relay: voice_call.Relay, playing: bool, channels: int) -> None:
    """The browser's audio started: take the call and attach it to the relay; it stopped: end the call (its last
    words are recognised and stored in the background)."""
    session = call_session(conversation_id)
    live_call = session is not None and session.takes_frames and session.view().live
    try:
        if playing and not live_call:
            session = calls.start_call(services, user, conversation_id, channels)
            st.session_state[CALLS][conversation_id] = session
            relay.attach(session.feed, session.hang_up)
        elif not playing and live_call:
            relay.detach()
            calls.end_call(services, user, session, wait_s=0)
    except ServiceError as e:
        st.error(str(e), icon=":material/error:")


def transcribe(conversation_id: int, name: str, data: bytes) -> None:
    try:
        st.session_state[CALLS][conversation_id] = calls.transcribe_recording(services, user, conversation_id, name,
                                                                              data)
    except ServiceError as e:
        st.error(str(e), icon=":material/error:")


def call_words(session: calls.CallSession, polling: bool) -> None:
    """The call's state and partial words; when a call this fragment was following stops (the caller hung up, the
    recording is done), the call fragment is redrawn: the controls change and the polling ends. The caller's words
    are customer data: a tab whose session ended shows none (read-only check, as the other live fragments)."""
    if live.fragment_run() and not still_signed_in():
        st.rerun()
    view = session.view()
    voice_call.live_words(view)
    if polling and not view.live:
        live.rerun_fragments(CALL_FRAGMENT)


@st.fragment(key=CALL_FRAGMENT)
def call_fragment(conversation_id: int) -> None:
    """A voice conversation's call: take it with the browser's microphone (the audio component's own button), or
    transcribe a recording. The words reach the thread and the assist panel through the store, like any message;
    the partial words are redrawn every CALL_WORDS_EVERY_S while the call is live."""
    fragment_guard(CALL_FRAGMENT, slide=True)
    relays = st.session_state.setdefault(CALL_RELAYS, {})
    relay = relays.setdefault(conversation_id, voice_call.Relay())
    session = call_session(conversation_id)
    busy = session is not None and session.view().live
    audio_col, options_col = st.columns([1.3, 1], gap="small")
    with options_col:
        two = voice_call.two_channels(conversation_id, disabled=busy)
        upload = None if busy else voice_call.recording(conversation_id)
    with audio_col:
        playing = voice_call.audio_source(conversation_id, relay, calls.ice_servers(services),
                                          available=live.this_session() is not None)
    follow_browser_call(conversation_id, relay, playing, 2 if two else 1)
    if upload is not None:
        transcribe(conversation_id, *upload)
    session = call_session(conversation_id)
    if session is not None:
        live_now = session.view().live
        st.fragment(run_every=CALL_WORDS_EVERY_S if live_now else None)(call_words)(session, live_now)


def conversation_panes(conversation_id: int) -> None:
    """The open conversation: thread and composer | assist, KB search and customer tabs — each its own fragment, so
    a change redraws the thread, the assist panel and the customer tab (CONVERSATION_FRAGMENTS) and nothing else."""
    thread_col, assist_col = st.columns([2, 1.35], gap="small")
    with thread_col:
        if st.session_state[DRAWN_CONVERSATION][1].conversation.channel == "voice":
            call_fragment(conversation_id)
        thread_fragment(conversation_id)
        whole_emails(conversation_id)
        social_deliveries(conversation_id)
        composer_fragment(conversation_id)
    with assist_col:
        assist_tab, kb_tab, customer_tab = st.tabs(["Assist", "Knowledge base", "Customer"])
        with assist_tab:
            assist_fragment(conversation_id)
        with kb_tab:
            kb_search(conversation_id)
        with customer_tab:
            customer_fragment(conversation_id)


layout.styles()
st.header("Agent workspace")
st.session_state[SEEN] = drawn_at = change_marker(fresh=True)  # read before loading: nothing slips between
if live.can_push(services):
    st.session_state[PUSHED] = True
else:
    st.session_state.pop(PUSHED, None)
    st.session_state[DRAWING] = True
    st.fragment(run_every=LIVE_REFRESH_S)(watch_for_changes)()
queue_col, conversation_col = st.columns([1.05, 3.35], gap="small")  # the conversation splits 2 | 1.35 inside
with queue_col:
    live_queue()
selected = selected_conversation()
loaded = None
if selected is not None:
    first_open = st.session_state.get("audited_conversation") != selected
    try:
        loaded = load_conversation(selected, audit=True) if first_open else conversation_at(selected, drawn_at)
    except ServiceError as e:  # taken over, reassigned or erased while open here: say so, keep the queue
        select_conversation(None)
        st.session_state.pop("audited_conversation", None)
        st.session_state[LOST_CONVERSATION] = str(e)
if loaded is None:
    st.session_state[DRAWN_CONVERSATION] = None
    if lost := st.session_state.get(LOST_CONVERSATION):
        conversation_col.warning(f"{lost} Pick another conversation from the queue.", icon=":material/lock:")
    else:
        conversation_col.info("Pick a conversation from the queue.", icon=":material/arrow_back:")
else:
    st.session_state.pop(LOST_CONVERSATION, None)
    st.session_state["audited_conversation"] = selected
    st.session_state[DRAWN_CONVERSATION] = (selected, *loaded)
    with conversation_col:
        conversation_panes(selected)
register_tab()
