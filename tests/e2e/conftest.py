"""A real app in a subprocess on a free port, and Debian's headless Chromium driven by Playwright."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = "/usr/bin/chromium"
# how long one browser step (a click, a wait for text) may take: a rerun of a page can wait its turn behind the other
# pytest worker on CI's two cores (stops 34 and 35 each failed one step at 20 s); a failing step takes this long to fail
STEP_MS = 40_000
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.25)
    raise TimeoutError(f"{url} not healthy within {timeout} s")


@pytest.fixture(scope="session")
def chromium_path() -> str:
    if not Path(CHROMIUM).exists() and shutil.which("chromium") is None:
        reason = "Debian's chromium is not installed (apt-get install -y chromium); browser tests need it"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")


@pytest.fixture(scope="session")
def app_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Environment for a seeded demo database of our own (the developer's data/ is never touched)."""
    db = tmp_path_factory.mktemp("e2e") / "frontline.db"
    env = {**os.environ, "FRONTLINE_DB_PATH": str(db), "FRONTLINE_BACKEND": "local"}
    subprocess.run([sys.executable, "-m", "services", "seed"], cwd=ROOT, env=env, check=True,
                   capture_output=True, timeout=300)
    return env


@pytest.fixture(scope="session")
def app_url(app_env: dict[str, str], chromium_path: str) -> Iterator[str]:
    port = _free_port()
    log = (ARTIFACTS / "streamlit-e2e.log")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with log.open("w") as out, (ARTIFACTS / "simulator-e2e.log").open("w") as simulator_out:
        # the simulator process beside the app, off until an admin switches it on (what `make run` starts)
        simulator = subprocess.Popen([sys.executable, "-m", "services", "simulate"], cwd=ROOT, env=app_env,
                                     stdout=simulator_out, stderr=subprocess.STDOUT)
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
            cwd=ROOT, env=app_env, stdout=out, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_healthy(url, process)
            yield url
        finally:
            for child in (process, simulator):
                child.terminate()
                child.wait(timeout=20)


@pytest.fixture(scope="session")
def browser(chromium_path: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser, app_url):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(STEP_MS)
    yield tab
    context.close()


def sign_in(page, app_url: str, username: str, password: str, expect_signed_in: bool = True,
            tries: int = 3) -> None:
    """Sign in through the form. With `expect_signed_in`, wait until the signed-in page is drawn (its Sign out button):
    CI (stop 35, session 18's submission) saw the agent's page not drawn 20 s after the click while the other worker
    held both cores, so a form still there after 30 s is filled and submitted again; an error on the page fails at once."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    page.goto(app_url)
    for attempt in range(tries):
        page.get_by_role("textbox", name="Username").fill(username)
        page.get_by_role("textbox", name="Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
        if not expect_signed_in:
            return
        try:
            page.get_by_role("button", name="Sign out").wait_for(timeout=30_000)
            return
        except PlaywrightTimeoutError:
            if attempt == tries - 1 or page.get_by_test_id("stException").count():
                raise
            if page.get_by_text("Wrong username or password.").count():
                raise AssertionError(f"{username!r} was refused: wrong username or password") from None
            if not page.get_by_role("button", name="Sign in").count():  # signed in, the page still drawing
                page.get_by_role("button", name="Sign out").wait_for(timeout=60_000)
                return


def approve_as_admin(browser, app_url: str, title: str):
    """Four eyes: the admin, in a browser context of their own, opens the article in review from the Knowledge base
    page and approves it; returns the admin's page (the caller checks what it shows and closes its context)."""
    reviewer = browser.new_context(viewport={"width": 1440, "height": 900}).new_page()
    reviewer.set_default_timeout(STEP_MS)
    sign_in(reviewer, app_url, "admin", "frontline-admin")
    reviewer.get_by_role("link", name="Knowledge base").click()
    reviewer.get_by_role("button", name=f"In review · {title}").click()
    reviewer.get_by_role("button", name="Approve", exact=True).click()
    return reviewer


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """A failed browser test reports what its page showed (text, and a screenshot in tests/artifacts/): a step that
    timed out on CI's machine alone otherwise says only which element never came."""
    outcome = yield
    report = outcome.get_result()
    tab = getattr(item, "funcargs", {}).get("page")
    if report.when != "call" or not report.failed or tab is None:
        return
    try:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(ARTIFACTS / f"failed-{item.name[:80]}.png"), full_page=True, timeout=5_000)
        shown = tab.locator("body").inner_text(timeout=5_000)
    except Exception as e:  # the page itself may be gone: say so, keep the test's own failure
        shown = f"(the page could not be read: {type(e).__name__})"
    report.sections.append(("page at failure", f"{tab.url}\n{shown[:3000]}"))
    log = ARTIFACTS / "streamlit-e2e.log"
    if log.exists():  # what the app server printed last (a traceback drawn nowhere but in its log)
        tail = re.sub(r"\x1b\[[0-9;]*m", "", log.read_text(errors="replace"))[-4000:]
        report.sections.append(("app server log, last lines", tail))
