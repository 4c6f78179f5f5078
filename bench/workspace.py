"""Render time of the agent workspace with a full queue: one JSON line.

    python bench/workspace.py [--open 500] [--renders 5] [--simulate-rate 5 [--load-renders 10]] [--idle-tabs 10]

Seeds the demo company in a temporary folder, fills the agent's queue to --open open conversations (a fifth
through the live path, the rest bulk-inserted and then analysed), and renders pages/agent_workspace.py with
Streamlit's AppTest as the agent with the top conversation selected: the first render, then --renders re-renders
(the page reuses what it loaded while nothing changed) and --renders uncached ones (its memo cleared first).
With --simulate-rate, simulated customers write that many messages per second into the same database while the page
renders --load-renders more times; the line then also reports the render times under that load and how many
messages the simulator wrote.
With --idle-tabs N, the real app then runs as a server on the same database, N headless Chromium tabs sign in as the
agent and open the top conversation, and nothing changes for --idle-seconds: the line reports the server process's
CPU seconds (user + system, from /proc/PID/stat) per minute of that idle time as `idle_cpu_s_per_min`.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

from components.state import SELECTED_CONVERSATION, USER  # noqa: E402
from services import conversations, inbox, privacy  # noqa: E402
from services.bootstrap import Services, build_services  # noqa: E402
from services.clock import to_iso  # noqa: E402
from services.config import Settings  # noqa: E402
from services.models import Conversation, Message, User  # noqa: E402
from services.seed import seed_demo  # noqa: E402
from services.simulator import Simulator  # noqa: E402
from services.simulator_lines import OPENING_LINES, SUBJECTS  # noqa: E402

PAGE = ROOT / "pages" / "agent_workspace.py"
AGENT = "agent"
LIVE_PATH_SHARE = 0.2  # of the added conversations, the share that arrives through inbox.start_conversation


def queue_size(services: Services, agent: User) -> int:
    return len(conversations.agent_queue(services, agent))


def _bulk_text(rng: random.Random, services: Services, customer_id: int) -> tuple[str, str]:
    """(subject, first message) written from the simulator's lines with this customer's real order."""
    scenario = rng.choice(list(OPENING_LINES))
    with services.uow() as uow:
        orders = uow.customers.orders_for(customer_id)
    order = rng.choice(orders) if orders else None
    text = rng.choice(OPENING_LINES[scenario]).format(
        order=order.number if order else "BW-100000", tracking=(order.tracking_number if order else "") or "BWT0",
        product=order.items[0] if order and order.items else "SmartHub")
    return SUBJECTS[scenario], text


def bulk_conversations(services: Services, rng: random.Random, count: int) -> None:
    """`count` open conversations with one customer message each, written in bulk, then analysed."""
    with services.uow() as uow:
        customers = [c.id for c in uow.customers.all()]
    now, messages = datetime.now(UTC), []
    for _ in range(count):
        customer_id = rng.choice(customers)
        subject, text = _bulk_text(rng, services, customer_id)
        at = to_iso(now - timedelta(minutes=rng.randint(1, 600)))
        with services.uow() as uow:
            conversation = uow.conversations.add(Conversation(
                0, customer_id, rng.choice(("chat", "email", "social", "voice")), "open", subject, at, at,
                rng.choice((AGENT, AGENT, "")), "general"))
        masked = privacy.mask(text, services.get("pii").find(text))
        messages.append(Message(0, conversation.id, "customer", "", text, masked, at))
    with services.uow() as uow:
        uow.conversations.add_messages(messages)
    inbox.backfill_open(services)


def fill_queue(services: Services, agent: User, target: int) -> dict[str, float]:
    """Add open conversations until the agent's queue holds `target`; returns how many and how long it took."""
    started, missing = time.perf_counter(), target - queue_size(services, agent)
    live = int(missing * LIVE_PATH_SHARE)
    simulator = Simulator(services, seed=11, assign_to=AGENT, follow_up_share=0.0)
    for _ in range(live):
        simulator.new_conversation()
    bulk_conversations(services, random.Random(12), missing - live)
    return {"added_live_path": live, "added_bulk": missing - live, "fill_s": round(time.perf_counter() - started, 2)}


def timed_run(at: AppTest) -> float:
    started = time.perf_counter()
    at.run()
    seconds = time.perf_counter() - started
    if at.exception:
        raise SystemExit(f"the workspace raised: {at.exception[0].message}")
    return seconds


def uncached_run(at: AppTest) -> float:
    """A render that cannot reuse the page's memo (what every render costs while messages keep arriving)."""
    for key in [k for k in at.session_state.keys() if str(k).startswith("_memo-")]:
        del at.session_state[key]
    return timed_run(at)


def workspace(agent: User, selected: int) -> AppTest:
    at = AppTest.from_file(str(PAGE), default_timeout=120)
    at.session_state[USER] = agent
    at.session_state[SELECTED_CONVERSATION] = selected
    return at


def under_load(db: str, at: AppTest, rate: float, renders: int) -> dict[str, float]:
    """Re-render while a simulator writes `rate` messages per second into the same database."""
    stop, written = threading.Event(), []
    simulator = Simulator(build_services(Settings(db_path=db)), seed=13)
    thread = threading.Thread(target=lambda: written.append(simulator.run(rate, stop=stop)), daemon=True)
    thread.start()
    time.sleep(1.0)  # let it write before the first measured render
    times = []
    for _ in range(renders):
        times.append(timed_run(at))
        time.sleep(0.3)  # an agent's browser re-renders on a timer, not back to back
    stop.set()
    thread.join(timeout=30)
    return {"simulate_rate": rate, "median_render_under_load_s": round(statistics.median(times), 3),
            "max_render_under_load_s": round(max(times), 3), "simulated_messages": written[0] if written else -1}


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of one process so far (fields 14 and 15 of /proc/PID/stat, in clock ticks)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_server(db: str) -> tuple[subprocess.Popen, str]:
    import urllib.request

    port = _free_port()
    env = {**os.environ, "FRONTLINE_DB_PATH": db, "FRONTLINE_BACKEND": "local"}
    server = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
                               "--server.address", "127.0.0.1", "--server.headless", "true",
                               "--browser.gatherUsageStats", "false"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url, deadline = f"http://127.0.0.1:{port}", time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1):
                return server, url
        except OSError:
            time.sleep(0.25)
    server.terminate()
    raise SystemExit("the app did not answer /_stcore/health within 60 s")


def _open_tab(browser, url: str, conversation_id: int):  # noqa: ANN001, ANN202 - Playwright objects
    """One browser window signed in as the agent with the conversation open (its own context: a visible tab)."""
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(url, wait_until="domcontentloaded")
    page.get_by_role("textbox", name="Username").fill(AGENT)
    page.get_by_role("textbox", name="Password").fill("frontline-agent")
    page.get_by_role("button", name="Sign in").click()
    page.locator(f".st-key-queue-{conversation_id} button").click()
    page.locator(".stChatMessage").first.wait_for()
    return context


def idle_cost(db: str, tabs: int, conversation_id: int, seconds: float, settle: float = 10.0) -> dict[str, float]:
    """Server CPU seconds per minute while `tabs` signed-in workspace tabs sit idle (nothing changes)."""
    from playwright.sync_api import sync_playwright

    server, url = _start_server(db)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                        args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
            contexts = [_open_tab(browser, url, conversation_id) for _ in range(tabs)]
            time.sleep(settle)  # sign-in and first renders are not idle time
            before, started = _cpu_seconds(server.pid), time.monotonic()
            time.sleep(seconds)
            used, elapsed = _cpu_seconds(server.pid) - before, time.monotonic() - started
            for context in contexts:
                context.close()
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {"idle_tabs": tabs, "idle_seconds": round(elapsed, 1), "idle_cpu_s": round(used, 2),
            "idle_cpu_s_per_min": round(used * 60 / elapsed, 2)}


def measure(args: argparse.Namespace, db: str) -> dict:
    """Seed, fill the queue, render; the figures of the JSON line."""
    os.environ.update(FRONTLINE_DB_PATH=db, FRONTLINE_BACKEND="local")
    os.chdir(ROOT)
    services = build_services(Settings(db_path=db))
    seed_demo(services)
    with services.uow() as uow:
        agent = uow.users.get(AGENT)
    filled = fill_queue(services, agent, args.open)
    queue = conversations.agent_queue(services, agent)
    at = workspace(agent, queue[0].row.conversation.id)
    first = timed_run(at)
    times = [timed_run(at) for _ in range(args.renders)]
    uncached = [uncached_run(at) for _ in range(args.renders)]
    result = {"open_conversations": len(queue), "first_render_s": round(first, 3),
              "median_render_s": round(statistics.median(times), 3), "p_max_s": round(max(times), 3),
              "median_uncached_render_s": round(statistics.median(uncached), 3),
              "queue_buttons_shown": sum(1 for b in at.button if (b.key or "").startswith("queue-")), **filled}
    if args.simulate_rate > 0:
        result.update(under_load(db, at, args.simulate_rate, args.load_renders))
        result["open_conversations_after"] = queue_size(services, agent)
    if args.idle_tabs > 0:
        result.update(idle_cost(db, args.idle_tabs, queue[0].row.conversation.id, args.idle_seconds))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--open", type=int, default=500, help="open conversations in the agent's queue")
    parser.add_argument("--renders", type=int, default=5, help="re-renders after the first one")
    parser.add_argument("--simulate-rate", type=float, default=0.0, help="simulated messages per second while "
                        "re-rendering (0: no simulator)")
    parser.add_argument("--load-renders", type=int, default=10, help="renders measured while the simulator runs")
    parser.add_argument("--idle-tabs", type=int, default=0, help="then measure the server's CPU with this many "
                        "idle signed-in browser tabs (0: skip)")
    parser.add_argument("--idle-seconds", type=float, default=60.0, help="how long the idle tabs are measured")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-workspace-") as folder:
        print(json.dumps(measure(args, str(Path(folder) / "frontline.db"))))


if __name__ == "__main__":
    main()
