"""Message stored -> its suggestions visible in an agent's open browser tab: one JSON line.

    python bench/live_latency.py [--messages 10]

Seeds the demo company in a temporary folder, serves the real app on a free loopback port, signs in as the agent
in Debian's headless Chromium and opens a new conversation; then writes --messages customer messages through the live
path (inbox.receive_customer_message, in this process, on the same database) and times each from the write to the
moment a new suggestion card is drawn in the tab, with no reload. The budget of the workspace is a median of 2 s.
(This figure used to be asserted by an end-to-end test; speed belongs here, the test keeps the behaviour.)
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workspace import _start_server  # noqa: E402  (bench/workspace.py: the same server start)

from services import inbox  # noqa: E402
from services.bootstrap import build_services  # noqa: E402
from services.config import Settings  # noqa: E402

SUBJECT = "Bench: live latency"
NEW_SUGGESTION = """(known) => [...document.querySelectorAll('[class*="st-key-suggestion-"]')]
    .some(e => !known.includes([...e.classList].find(c => c.startsWith('st-key-suggestion-'))))"""
KNOWN = """() => [...document.querySelectorAll('[class*="st-key-suggestion-"]')]
    .map(e => [...e.classList].find(c => c.startsWith('st-key-suggestion-')))"""


def measure(db: str, messages: int) -> dict:
    from playwright.sync_api import sync_playwright

    env = {**os.environ, "FRONTLINE_DB_PATH": db, "FRONTLINE_BACKEND": "local"}
    subprocess.run([sys.executable, "-m", "services", "seed"], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL)
    os.environ.update(FRONTLINE_DB_PATH=db, FRONTLINE_BACKEND="local")
    services = build_services(Settings(db_path=db))
    conversation, _, _ = inbox.start_conversation(services, 1, "chat", SUBJECT, "hello, I need help with my order",
                                                  "agent")
    server, url = _start_server(db)
    latencies: list[float] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                        args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
            page = browser.new_page(viewport={"width": 1366, "height": 768})
            page.set_default_timeout(60_000)
            page.goto(f"{url}/?conversation={conversation.id}", wait_until="domcontentloaded")
            page.get_by_role("textbox", name="Username").fill("agent")
            page.get_by_role("textbox", name="Password").fill("frontline-agent")
            page.get_by_role("button", name="Sign in").click()
            page.locator('[class*="st-key-suggestion-"]').first.wait_for()
            for i in range(messages):
                known = page.evaluate(KNOWN)
                started = time.perf_counter()
                inbox.receive_customer_message(services, conversation.id, f"any news on my order? ({i})")
                page.wait_for_function(NEW_SUGGESTION, arg=known, timeout=30_000, polling=50)
                latencies.append(time.perf_counter() - started)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    ordered = sorted(latencies)
    return {"messages": len(latencies), "median_s": round(statistics.median(latencies), 3),
            "p95_s": round(ordered[max(0, round(0.95 * len(ordered)) - 1)], 3), "max_s": round(max(latencies), 3),
            "budget_median_s": 2.0, "load_average_1m": round(os.getloadavg()[0], 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--messages", type=int, default=10, help="customer messages written and timed")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-live-") as folder:
        print(json.dumps(measure(str(Path(folder) / "frontline.db"), args.messages)))


if __name__ == "__main__":
    main()
