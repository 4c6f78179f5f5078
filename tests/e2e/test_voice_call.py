"""Issue 20's browser acceptance: an agent takes a call in the workspace with headless Chromium's fake microphone
playing a WAV that espeak-ng speaks; the caller's partial words appear while they speak, then the final words in the
thread with their assist (intent, suggestions) beside them. Nothing outside this machine is asked (no STUN)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
import wave
from pathlib import Path

import pytest

from services.bootstrap import build_services
from services.clock import now_iso
from services.config import load_settings
from services.models import Conversation
from tests.e2e.conftest import ARTIFACTS, CHROMIUM_ARGS, sign_in
from tests.e2e.test_offline import cut_network
from tests.repos import repos

pytestmark = pytest.mark.e2e
SENTENCE = "Hello. I want to return my order, because the kettle arrived broken. Can I get a refund?"
LEAD_S = 2.0  # silence before the words: the call connects while it plays


def caller_wav(folder: Path) -> Path:
    """espeak-ng's sentence after LEAD_S of silence, then 3 s of silence (Chromium plays it once: %noloop)."""
    if shutil.which("espeak-ng") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("espeak-ng missing under CI (.ci/run installs it)")
        pytest.skip("Debian's espeak-ng is not installed")
    spoken = folder / "spoken.wav"
    subprocess.run(["espeak-ng", "-w", str(spoken), SENTENCE], check=True, timeout=30)
    with wave.open(str(spoken)) as w:
        params, frames = w.getparams(), w.readframes(w.getnframes())
    out = folder / "caller.wav"
    with wave.open(str(out), "wb") as w:
        w.setparams(params)
        pause = bytes(params.sampwidth * params.nchannels)
        w.writeframes(pause * int(LEAD_S * params.framerate) + frames + pause * (3 * params.framerate))
    return out


def speech_s(wav: Path) -> float:
    """The WAV's length in seconds: lead silence, the words, 3 s of silence."""
    with wave.open(str(wav)) as w:
        return w.getnframes() / w.getframerate()


@pytest.fixture
def voice_conversation(app_env) -> int:
    """A voice conversation assigned to the demo agent, waiting for its call."""
    services = build_services(load_settings(environ=app_env))
    at = now_iso()
    return repos(services).conversations.add(Conversation(0, 1, "voice", "open", "Incoming call", at, at,
                                                          "agent")).id


def test_a_call_in_the_workspace_shows_the_callers_words_as_spoken_then_the_transcript_and_its_assist(
        chromium_path, app_url, voice_conversation, tmp_path, browser):
    from contextlib import nullcontext
    from types import SimpleNamespace

    wav = caller_wav(tmp_path)
    args = [*CHROMIUM_ARGS, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
            f"--use-file-for-fake-audio-capture={wav}%noloop"]
    outside: list[str] = []
    # a browser of its own (the fake microphone is a launch argument) from the session's Playwright: a second
    # sync_playwright() in the same thread refuses to start once the shared one runs
    with nullcontext(SimpleNamespace(chromium=browser.browser_type)) as p:
        browser = p.chromium.launch(executable_path=chromium_path, args=args)
        context = browser.new_context(viewport={"width": 1440, "height": 900})
        cut_network(context, outside)
        page = context.new_page()
        page.set_default_timeout(30_000)
        connected: list[float] = []
        page.on("console", lambda m: connected.append(time.monotonic())
                if "connectionstatechange connected" in m.text else None)
        try:
            sign_in(page, f"{app_url}/?conversation={voice_conversation}", "agent", "frontline-agent")
            page.get_by_text("Incoming call").first.wait_for()
            audio = page.frame_locator("iframe[title*='webrtc']")
            clicked = time.monotonic()
            audio.get_by_role("button", name="Take the call").click()

            # the words not final yet are redrawn every 0.5 s while the caller speaks; on a loaded machine the page can
            # miss them all (CI on session 23's submission, stop 39: none drawn in 30 s), so the call's status line,
            # which keeps when its first partial words came, shows they came while the caller was still speaking
            page.get_by_text("(speaking, not final)").or_(page.get_by_text("first words")).first.wait_for(
                timeout=60_000)
            partial_at = time.monotonic()
            status = page.get_by_text("first words").first.inner_text()
            first_words_s = float(re.search(r"first words (\d+(?:\.\d+)?) s", status).group(1))
            assert first_words_s < speech_s(wav), f"no partial words before the caller's audio ran out: {status}"
            # the final words, stored as the customer's message: found by "refund", the word the intent rests on (on a
            # loaded machine the live recogniser drops frames and has heard "the cattle arrived", "my border")
            said = page.locator("[data-testid='stChatMessageContent']").filter(has_text="refund").first
            said.wait_for(timeout=60_000)
            page.get_by_text("Refund/Return").first.wait_for(timeout=30_000)  # the assist panel's intent
            # its suggested replies: the panel draws the intent before the replies beneath it, so on a loaded machine
            # the intent can be on the page while the replies are still being drawn (CI on session 25's submission,
            # stop 40: none counted the instant the intent showed); wait for the second one rather than count at once
            page.get_by_role("button", name="Insert").nth(1).wait_for(timeout=30_000)
            assert "broken" in said.inner_text().lower() or "arrived" in said.inner_text().lower()  # the whole sentence

            audio.get_by_role("button", name="End call").click()
            page.get_by_text("Call ended").first.wait_for(timeout=30_000)
        except Exception:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "voice-call-failure.png"), full_page=True)
            raise
        finally:
            context.close()
            browser.close()
    assert outside == []
    figures = {"partial_after_click_s": round(partial_at - clicked, 2),
               "partial_after_connected_s": round(partial_at - connected[0], 2) if connected else None,
               "status_line": status, "loadavg": Path("/proc/loadavg").read_text().split()[:3]}
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "voice-call-e2e.json").write_text(json.dumps(figures) + "\n")
    print(json.dumps(figures))
