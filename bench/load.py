"""N signed-in agent sessions + the simulator against the real app: one JSON line.

    python bench/load.py --sessions N --minutes M [--replicas R] [--kill-one-at S] [--url URL] [--postgres]
                         [--conversations C] [--every SECONDS] [--simulator-rate RATE]

Without --url it seeds the demo company in a temporary folder (SQLite; FRONTLINE_DATABASE_URL when set; --postgres:
a throw-away PostgreSQL cluster it starts and deletes, ops/pg_cluster.py) and
serves the real app: one Streamlit server, or R replicas behind Debian's nginx (ops/nginx.py: websocket upgrade,
sticky on the session cookie) when --replicas > 1. N sessions sign in as the agent through the form and open one of
C conversations each: with --client ws (default) each is a websocket client speaking Streamlit's protocol (WsTab:
the form's widgets, the fragment timers, the re-rendered deltas, the cookie on reconnect); with --client chromium
each is a context of one headless Chromium (Debian's /usr/bin/chromium via Playwright; 2 cores hold about 5). The simulator process
(`python -m services simulate`) is started and switched on through services.admin.set_simulator, so simulated
customers write in all along; beside it, this script writes a customer message with a unique marker every --every
seconds through the live path (inbox.receive_customer_message) into the C conversations in turn.

A marker is "visible" in a session when it appears in a message of the conversation's thread that session receives
(ws: an element inside a chat-message block of the deltas; Chromium: the text of the tab's `.stChatMessage`
elements, noted by a MutationObserver) — not in the queue card's preview of the same message; latency = that time - the time the write committed, over every
(marker, session with its conversation open) pair. Figures:
  errors          sign-ins that failed + Streamlit exceptions drawn + page errors + pairs never seen by the end
                  + websocket drops other than those the --kill-one-at replica caused
  reconnects      websockets a tab reopened after the killed replica went away (not errors)
  messages_lost   markers written but not in the database, or in it but seen by no session
With --kill-one-at S the first replica is killed (SIGKILL) S seconds into the run; its tabs reconnect through nginx
to another replica and keep their session (it is in the database). --url drives an app already running (it must
be seeded with the demo sign-ins and share FRONTLINE_DB_PATH / FRONTLINE_DATABASE_URL with this process).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ops import nginx  # noqa: E402
from ops.scale_demo import wait_healthy  # noqa: E402

FIELDS = ("sessions", "replicas", "errors", "p50_ms", "p95_ms", "messages_written", "messages_lost")
MARK = "zqx"  # markers look like "zqx17qz": no digits run long enough to be masked as PII
OBSERVER = """() => {
  if (window.__seen) return;
  window.__seen = {};
  const scan = () => {
    window.__pending = false;
    const text = Array.from(document.querySelectorAll('.stChatMessage'), e => e.textContent).join(' ');
    for (const m of text.matchAll(/zqx(\\d+)qz/g)) { if (!(m[1] in window.__seen)) window.__seen[m[1]] = Date.now(); }
    window.__errors = document.querySelectorAll('[data-testid="stException"]').length;
  };
  const start = () => new MutationObserver(() => {
      if (!window.__pending) { window.__pending = true; setTimeout(scan, 20); }
    }).observe(document.documentElement, {subtree: true, childList: true, characterData: true});
  if (document.documentElement) start(); else document.addEventListener('DOMContentLoaded', start);
}"""


MARKER = re.compile(rb"zqx(\d+)qz")
COOKIE_WRITE = f"document.cookie = '{nginx.SESSION_COOKIE}=".encode()
COOKIE_VALUE = re.compile(rb"document\.cookie = '" + nginx.SESSION_COOKIE.encode() + rb"=([^;']+)")


def _stat(pid: int) -> list[str]:
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


def process_tree_cpu(pid: int) -> float:
    """CPU seconds of a process, its live descendants and the children it reaped (0 once it is gone)."""
    tick = os.sysconf("SC_CLK_TCK")
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                children.setdefault(int(_stat(int(entry.name))[1]), []).append(int(entry.name))
            except (OSError, IndexError, ValueError):
                continue
    total, todo, first = 0.0, [pid], True
    while todo:
        current = todo.pop()
        try:
            fields = _stat(current)
        except (OSError, IndexError, ValueError):
            continue
        total += (int(fields[11]) + int(fields[12]) + (int(fields[13]) + int(fields[14]) if first else 0)) / tick
        first = False
        todo.extend(children.get(current, []))
    return total


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_replica(port: int, env: dict, log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port), "--server.address",
         "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=log.open("ab"), stderr=subprocess.STDOUT)


class Stack:
    """The app this run drives: R replicas (+ nginx when R > 1) and the simulator process, all stopped on exit."""

    def __init__(self, folder: Path, replicas: int, env: dict, postgres_pid: int | None = None) -> None:
        self.folder, self.env, self.postgres_pid = folder, env, postgres_pid
        self.killed_cpu: dict[int, float] = {}
        self.ports = [free_port() for _ in range(replicas)]
        self.replicas = [start_replica(p, env, folder / f"replica-{i}.log") for i, p in enumerate(self.ports)]
        self.proxy: subprocess.Popen | None = None
        for port in self.ports:
            wait_healthy(f"http://127.0.0.1:{port}")
        if replicas > 1:
            listen = free_port()
            conf = nginx.write(self.ports, listen, folder / "nginx")
            self.proxy = subprocess.Popen(nginx.command(conf), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            self.url = f"http://127.0.0.1:{listen}"
            wait_healthy(self.url, 20)
        else:
            self.url = f"http://127.0.0.1:{self.ports[0]}"
        self.simulator = subprocess.Popen([sys.executable, "-m", "services", "simulate"], cwd=ROOT, env=env,
                                          stdout=subprocess.DEVNULL, stderr=(folder / "simulator.log").open("ab"))

    def cpu_seconds(self) -> float:
        """User + system CPU seconds the replicas used so far (from /proc; a killed replica's stop counting)."""
        return sum(self.cpu_by_part()[f"replica_{i}"] for i in range(len(self.replicas)))

    def cpu_by_part(self) -> dict[str, float]:
        """CPU seconds so far of each replica, nginx (master and workers), the simulator and the PostgreSQL
        cluster (postmaster, its live backends and the children it reaped) when this run started one."""
        parts = {f"replica_{i}": self.killed_cpu.get(i, process_tree_cpu(p.pid)) for i, p in enumerate(self.replicas)}
        if self.proxy:
            parts["nginx"] = process_tree_cpu(self.proxy.pid)
        parts["simulator"] = process_tree_cpu(self.simulator.pid)
        if self.postgres_pid:
            parts["postgres"] = process_tree_cpu(self.postgres_pid)
        return parts

    def kill_one(self) -> None:
        self.killed_cpu[0] = process_tree_cpu(self.replicas[0].pid)  # its CPU until now still counts
        self.replicas[0].send_signal(signal.SIGKILL)

    def stop(self) -> None:
        for process in [self.simulator, *([self.proxy] if self.proxy else []), *self.replicas]:
            if process.poll() is None:
                process.terminate()
        for process in [self.simulator, *([self.proxy] if self.proxy else []), *self.replicas]:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


class AgentSession:
    """What every client counts for one signed-in agent session with one conversation open."""

    def __init__(self, conversation_id: int) -> None:
        self.conversation_id = conversation_id
        self.signed_in = False
        self.page_errors = 0
        self.sockets_opened = 0
        self.sockets_closed = 0
        self.seen: dict[str, int] = {}  # marker -> when it was drawn in this session's thread
        self.exceptions = 0

    async def refresh(self) -> None:
        """Bring `seen` up to date (a websocket client's is live already)."""


class Tab(AgentSession):
    """A session in a real Chromium tab: its own browser context (its own cookie)."""

    def __init__(self, conversation_id: int) -> None:
        super().__init__(conversation_id)
        self.page = None

    def _socket(self, ws) -> None:  # noqa: ANN001 - a Playwright WebSocket
        if "_stcore/stream" in ws.url:
            self.sockets_opened += 1
            ws.on("close", lambda _ws: setattr(self, "sockets_closed", self.sockets_closed + 1))

    async def open(self, browser, url: str) -> None:  # noqa: ANN001 - a Playwright Browser
        context = await browser.new_context(viewport={"width": 1280, "height": 720})
        self.page = page = await context.new_page()
        page.set_default_timeout(120_000)
        page.on("pageerror", lambda _e: setattr(self, "page_errors", self.page_errors + 1))
        page.on("websocket", self._socket)
        await page.goto(f"{url}/?conversation={self.conversation_id}", wait_until="domcontentloaded")
        await page.get_by_role("textbox", name="Username").fill("agent")
        await page.get_by_role("textbox", name="Password").fill("frontline-agent")
        await page.get_by_role("button", name="Sign in").click()
        await page.locator(".stChatMessage").first.wait_for()
        await page.evaluate(OBSERVER)
        self.signed_in = True

    async def refresh(self) -> None:
        try:
            self.seen = await self.page.evaluate("() => window.__seen || {}")
        except Exception:  # noqa: BLE001 - collect() counts a crashed tab; waiting only reads
            pass

    async def collect(self) -> None:
        if not self.signed_in:
            return
        try:
            self.seen = await self.page.evaluate("() => window.__seen || {}")
            self.exceptions = await self.page.evaluate("() => window.__errors || 0")
        except Exception:  # noqa: BLE001 - a crashed tab counts as an error below
            self.page_errors += 1


class WsTab(AgentSession):
    """One signed-in agent session spoken in Streamlit's own websocket protocol (what the browser's JavaScript does):
    it asks for the page, fills the sign-in form's widgets (their ids come from the delta stream) and submits it,
    runs the fragments' auto-rerun timers the server asks for (the queue's clock; the change watcher with
    live_push: false), and reads every
    re-rendered delta; the session cookie the app writes after sign-in is sent again when it reconnects."""

    def __init__(self, conversation_id: int) -> None:
        super().__init__(conversation_id)
        self.cookie = ""
        self._timers: dict[str, tuple[float, float]] = {}
        self._chat_blocks: set[tuple[int, ...]] = set()  # delta paths of the thread's chat messages
        self._ws = None
        self._page = ""
        self._stop = asyncio.Event()
        self._task: asyncio.Task | None = None

    def _rerun(self, widgets: list[tuple[str, str, object]] = (), fragment: str = "") -> bytes:
        from streamlit.proto.BackMsg_pb2 import BackMsg

        message = BackMsg()
        message.rerun_script.query_string = f"conversation={self.conversation_id}"
        if self._page:
            message.rerun_script.page_script_hash = self._page
        if fragment:
            message.rerun_script.fragment_id, message.rerun_script.is_auto_rerun = fragment, True
        for widget_id, kind, value in widgets:
            state = message.rerun_script.widget_states.widgets.add()
            state.id = widget_id
            setattr(state, kind, value)
        return message.SerializeToString()

    async def _connect(self, url: str) -> None:
        import websockets

        headers = {"Cookie": f"{nginx.SESSION_COOKIE}={self.cookie}"} if self.cookie else {}
        self._ws = await websockets.connect(url.replace("http", "ws", 1) + "/_stcore/stream",
                                            subprotocols=["streamlit"], origin=url, max_size=None,
                                            additional_headers=headers, open_timeout=60)
        self.sockets_opened += 1
        self._timers.clear()
        await self._ws.send(self._rerun())

    def _read(self, raw: bytes, form: dict[str, str]) -> str:
        """Notes markers, timers, exceptions, the cookie and sign-in widgets; returns the message's kind."""
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        now = time.time() * 1000
        message = ForwardMsg()
        message.ParseFromString(raw)
        kind = message.WhichOneof("type")
        if kind == "delta":
            path = tuple(message.metadata.delta_path)
            if message.delta.WhichOneof("type") == "add_block" and \
                    message.delta.add_block.WhichOneof("type") == "chat_message":
                self._chat_blocks.add(path)
            elif path[:-1] in self._chat_blocks:  # an element of a message in the thread (not the queue's preview)
                for key in MARKER.findall(raw):
                    self.seen.setdefault(key.decode(), now)
        if kind == "auto_rerun":
            self._timers[message.auto_rerun.fragment_id] = (message.auto_rerun.interval,
                                                            time.monotonic() + message.auto_rerun.interval)
        elif kind == "new_session":
            self._page = message.new_session.page_script_hash
        elif kind == "navigation":
            if any(p.page_name == "Agent workspace" for p in message.navigation.app_pages):
                self.signed_in = True
        elif kind == "delta" and message.delta.WhichOneof("type") == "new_element":
            element = message.delta.new_element
            which = element.WhichOneof("type")
            if which == "exception":
                self.exceptions += 1
                print(f"exception drawn: {element.exception.type}: {element.exception.message:.300}", file=sys.stderr)
            elif which in ("text_input", "button") and getattr(element, which).form_id == "sign_in":
                form[getattr(element, which).label] = getattr(element, which).id
        if COOKIE_WRITE in raw:
            found = COOKIE_VALUE.search(raw)
            if found:
                self.cookie = found.group(1).decode()
        return kind or ""

    async def open(self, url: str) -> None:
        await self._connect(url)
        form: dict[str, str] = {}
        submitted = False
        deadline = time.monotonic() + 120
        while not (self.signed_in and self.cookie):
            if time.monotonic() > deadline:
                raise TimeoutError("not signed in within 120 s")
            kind = self._read(await asyncio.wait_for(self._ws.recv(), 120), form)
            if kind == "script_finished" and not submitted and len(form) == 3:
                submitted = True
                await self._ws.send(self._rerun([(form["Username"], "string_value", "agent"),
                                                 (form["Password"], "string_value", "frontline-agent"),
                                                 (form["Sign in"], "trigger_value", True)]))
        self._task = asyncio.create_task(self._listen(url))

    async def _listen(self, url: str) -> None:
        import websockets

        while not self._stop.is_set():
            try:
                due = min((d for _, d in self._timers.values()), default=time.monotonic() + 1)
                try:
                    raw = await asyncio.wait_for(self._ws.recv(), max(0.01, due - time.monotonic()))
                    self._read(raw, {})
                except TimeoutError:
                    pass
                now = time.monotonic()
                for fragment, (interval, at) in list(self._timers.items()):
                    if now >= at:
                        self._timers[fragment] = (interval, now + interval)
                        await self._ws.send(self._rerun(fragment=fragment))
            except websockets.ConnectionClosed:
                if self._stop.is_set():
                    return
                self.sockets_closed += 1
                for _ in range(120):  # the browser's frontend retries too
                    try:
                        await asyncio.sleep(0.5)
                        await self._connect(url)
                        break
                    except (OSError, websockets.InvalidHandshake, TimeoutError):
                        continue
                else:
                    self.page_errors += 1
                    return
            except Exception as error:  # noqa: BLE001 - a session that stops listening is an error, never silence
                self.page_errors += 1
                print(f"session stopped listening: {error!r:.200}", file=sys.stderr)
                return

    async def collect(self) -> None:
        self._stop.set()
        if self._ws is not None:
            await self._ws.close()
        if self._task is not None:
            await asyncio.gather(self._task, return_exceptions=True)


async def wait_until_seen(tabs: list, written: dict[str, tuple[int, float]], grace: float,
                          poll: float = 0.25) -> float:
    """Wait until every signed-in session has drawn every marker written into its conversation, at most `grace`
    seconds; returns the seconds waited. A busy machine draws the last markers late: waiting a fixed short time
    counted them as never seen, waiting a fixed long time slowed every run."""
    started = time.monotonic()
    while True:
        missing = False
        for tab in tabs:
            if not tab.signed_in:
                continue
            await tab.refresh()
            if any(conversation == tab.conversation_id and key not in tab.seen
                   for key, (conversation, _) in written.items()):
                missing = True
                break
        waited = time.monotonic() - started
        if not missing or waited >= grace:
            return waited
        await asyncio.sleep(min(poll, grace - waited))


def percentile(values: list[float], share: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, round(share * len(ordered)) - 1)]


async def drive(args: argparse.Namespace, stack: Stack | None, url: str, services) -> dict:  # noqa: ANN001
    from playwright.async_api import async_playwright

    from services import inbox

    conversation_ids = []
    for i in range(min(args.conversations, args.sessions)):  # every conversation has a session watching it
        conversation, _, _ = await asyncio.to_thread(
            inbox.start_conversation, services, 1 + i, "chat", f"Load run {i}", "hello, I need help with my order",
            "agent")
        conversation_ids.append(conversation.id)
    written: dict[str, tuple[int, float]] = {}  # marker -> (conversation, wall-clock ms of the committed write)
    sign_in_errors = 0
    gate = asyncio.Semaphore(args.sign_in_parallel)
    browser = playwright = None
    if args.client == "chromium":
        playwright = await async_playwright().start()
        browser = await playwright.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--renderer-process-limit=8"])
        tabs = [Tab(conversation_ids[i % len(conversation_ids)]) for i in range(args.sessions)]
    else:
        tabs = [WsTab(conversation_ids[i % len(conversation_ids)]) for i in range(args.sessions)]

    async def open_tab(tab) -> None:  # noqa: ANN001 - a Tab or a WsTab
        nonlocal sign_in_errors
        async with gate:
            try:
                await (tab.open(browser, url) if browser else tab.open(url))
            except Exception as error:  # noqa: BLE001 - counted, and named on stderr
                sign_in_errors += 1
                print(f"sign-in failed: {error!s:.200}", file=sys.stderr)

    try:
        started_sign_in = time.monotonic()
        await asyncio.gather(*(open_tab(t) for t in tabs))
        sign_in_s = time.monotonic() - started_sign_in
        print(f"{args.sessions - sign_in_errors} sessions signed in after {sign_in_s:.0f} s; writing for "
              f"{args.minutes:g} min", file=sys.stderr, flush=True)
        opened_before = {id(t): t.sockets_opened for t in tabs}
        closed_before = {id(t): t.sockets_closed for t in tabs}
        started, cpu_before = time.monotonic(), stack.cpu_seconds() if stack else 0.0
        parts_before = stack.cpu_by_part() if stack else {}
        client_cpu_before = time.process_time()
        killed_at: float | None = None
        n = 0
        while time.monotonic() - started < args.minutes * 60:
            if args.kill_one_at is not None and killed_at is None and stack and \
                    time.monotonic() - started >= args.kill_one_at:
                stack.kill_one()
                killed_at = time.monotonic() - started
            marker = f"{MARK}{n}qz"
            conversation_id = conversation_ids[n % len(conversation_ids)]
            await asyncio.to_thread(inbox.receive_customer_message, services, conversation_id,
                                    f"any news on my order? ref {marker}")
            written[str(n)] = (conversation_id, time.time() * 1000)
            n += 1
            await asyncio.sleep(args.every)
        await wait_until_seen(tabs, written, args.grace)
        run_s, server_cpu_s = time.monotonic() - started, (stack.cpu_seconds() if stack else 0.0) - cpu_before
        parts_after = stack.cpu_by_part() if stack else {}
        client_cpu_s = time.process_time() - client_cpu_before
        await asyncio.gather(*(t.collect() for t in tabs))
    finally:
        if browser:
            await browser.close()
            await playwright.stop()

    latencies, unseen_pairs, seen_by_any = [], 0, set()
    by_marker: dict[str, list[float]] = {}
    for key, (conversation_id, at_ms) in written.items():
        for tab in tabs:
            if not tab.signed_in or tab.conversation_id != conversation_id:
                continue
            if key in tab.seen:
                latencies.append(max(0.0, tab.seen[key] - at_ms))
                by_marker.setdefault(key, []).append(latencies[-1])
                seen_by_any.add(key)
            else:
                unseen_pairs += 1
    if args.latencies:  # one line per marker: when it was written (s into the run) and its views' latencies
        first_ms = min((at for _, at in written.values()), default=0.0)
        with open(args.latencies, "w") as out:
            for key, (_, at_ms) in written.items():
                seen = sorted(by_marker.get(key, []))
                out.write(json.dumps({"marker": int(key), "written_s": round((at_ms - first_ms) / 1000, 1),
                                      "views": len(seen), "median_ms": round(statistics.median(seen)) if seen else None,
                                      "max_ms": round(seen[-1]) if seen else None}) + "\n")
    with services.uow() as uow:
        stored = {str(i) for i in range(n) if any(f"{MARK}{i}qz" in m.text for m in uow.conversations.messages_for(
            written[str(i)][0]))}
    reconnects = sum(t.sockets_opened - opened_before[id(t)] for t in tabs)
    drops = sum(t.sockets_closed - closed_before[id(t)] for t in tabs)
    errors = (sign_in_errors + sum(t.page_errors + t.exceptions for t in tabs) + unseen_pairs
              + (0 if killed_at is not None else drops))
    return {
        "sessions": args.sessions, "replicas": args.replicas, "errors": errors,
        "p50_ms": round(statistics.median(latencies)) if latencies else None,
        "p95_ms": round(percentile(latencies, 0.95)) if latencies else None,
        "messages_written": len(written),
        "messages_lost": sum(1 for k in written if k not in stored or k not in seen_by_any),
        "views_timed": len(latencies), "views_missed": unseen_pairs, "sign_in_errors": sign_in_errors,
        "reconnects": reconnects if killed_at is not None else 0, "killed_at_s": killed_at,
        "sign_in_s": round(sign_in_s, 1), "server_cpu_share": round(server_cpu_s / run_s, 2) if stack else None,
        "client_cpu_share": round(client_cpu_s / run_s, 2),
        "cpu_share_by_part": {part: round((parts_after[part] - parts_before.get(part, 0.0)) / run_s, 2)
                              for part in parts_after},
        "minutes": args.minutes, "client": args.client,
        "load_average_1m": round(os.getloadavg()[0], 2)}


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, required=True, help="concurrent signed-in agent sessions")
    parser.add_argument("--minutes", type=float, required=True, help="how long messages are written")
    parser.add_argument("--replicas", type=int, default=1, help="Streamlit replicas (behind nginx when > 1)")
    parser.add_argument("--kill-one-at", type=float, help="kill one replica this many seconds into the run")
    parser.add_argument("--url", help="drive an app already running instead of starting one")
    parser.add_argument("--client", choices=("ws", "chromium"), default="ws",
                        help="ws: Streamlit's websocket protocol spoken from Python (light); chromium: real browser "
                             "tabs (Playwright, one context each; 2 cores hold about 5)")
    parser.add_argument("--conversations", type=int, default=5, help="conversations the sessions share")
    parser.add_argument("--every", type=float, default=2.0, help="seconds between two marked messages")
    parser.add_argument("--simulator-rate", type=float, default=0.5, help="simulated messages per second beside")
    parser.add_argument("--grace", type=float, default=10.0, help="seconds to wait at most for every session to draw the last messages")
    parser.add_argument("--latencies", default="", help="also write one JSON line per marker to this file (when written, "
                        "its views' median and max latency): where in the run the slow views were")
    parser.add_argument("--sign-in-parallel", type=int, default=4, help="sessions signing in at once")
    parser.add_argument("--postgres", action="store_true",
                        help="store on PostgreSQL: a throw-away cluster this run starts and deletes (Debian's "
                             "binaries, ops/pg_cluster.py), unless FRONTLINE_DATABASE_URL names a server")
    args = parser.parse_args(argv)
    if args.sessions < 1 or args.replicas < 1 or args.conversations < 1:
        parser.error("--sessions, --replicas and --conversations are 1 or more")
    if not args.minutes > 0 or not args.every > 0:
        parser.error("--minutes and --every are above 0")
    if args.kill_one_at is not None and (args.replicas < 2 or args.url):
        parser.error("--kill-one-at needs --replicas 2 or more (and no --url): the sessions need a replica to go to")
    if args.url and args.replicas != 1:
        parser.error("--url drives an app already running: leave --replicas out")
    if args.url and args.postgres:
        parser.error("--url drives an app already running on its own database: leave --postgres out")
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse(argv)
    cluster = None
    if args.postgres and not os.environ.get("FRONTLINE_DATABASE_URL"):
        from ops import pg_cluster

        cluster = pg_cluster.start(prefix="bench-load-pg-")
    try:
        run(args, cluster.new_database("frontline") if cluster else "", cluster.server_pid() if cluster else None)
    finally:
        if cluster:
            cluster.stop()


def run(args: argparse.Namespace, database_url: str, postgres_pid: int | None = None) -> None:
    from services import admin, auth
    from services.bootstrap import build_services

    with tempfile.TemporaryDirectory(prefix="bench-load-") as folder:
        env = dict(os.environ)
        if database_url:
            env["FRONTLINE_DATABASE_URL"] = database_url
        if not args.url:
            env.setdefault("FRONTLINE_BACKEND", "local")
            if not env.get("FRONTLINE_DATABASE_URL"):
                env["FRONTLINE_DB_PATH"] = str(Path(folder) / "frontline.db")
            subprocess.run([sys.executable, "-m", "services", "seed"], cwd=ROOT, env=env, check=True,
                           stdout=subprocess.DEVNULL)
        os.environ.update(env)
        services = build_services()  # load_settings(): the same environment the app's processes read
        stack = None if args.url else Stack(Path(folder), args.replicas, env, postgres_pid)
        try:
            if stack is None:  # an app already running: its simulator process is the operator's
                url = args.url.rstrip("/")
            else:
                url = stack.url
            admin_user = auth.sign_in(services, "admin", "frontline-admin")
            admin.set_simulator(services, admin_user, True, args.simulator_rate)
            try:
                result = asyncio.run(drive(args, stack, url, services))
            finally:
                admin.set_simulator(services, admin_user, False, args.simulator_rate)
        finally:
            if stack:
                stack.stop()
        if env.get("FRONTLINE_DATABASE_URL"):
            result["store"] = "postgres"
            result["live_notify"] = env.get("FRONTLINE_LIVE_NOTIFY", "true").lower() in ("1", "true", "yes", "on")
        else:
            result["store"] = "sqlite"
        print(json.dumps(result))


if __name__ == "__main__":
    main()
