"""Speech the tests synthesise with Debian's espeak-ng (.ci/run installs it; without it a test skips, except under
CI=true, where it fails)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest


def espeak(text: str, out: Path) -> Path:
    if shutil.which("espeak-ng") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("espeak-ng missing under CI (.ci/run installs it)")
        pytest.skip("Debian's espeak-ng is not installed")
    subprocess.run(["espeak-ng", "-w", str(out), text], check=True, timeout=30)
    return out
