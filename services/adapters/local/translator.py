"""Offline translation with Apertium (Debian's ``apertium`` and ``apertium-eng-spa``): English ↔ Spanish.

Apertium is rule-based: rough, but it gives the gist and runs on any laptop without a model download. The binary runs
in a subprocess per call, with the input size bounded and a timeout, so no text can hold a server thread for long.
Any other pair, or a machine without the Debian packages, gets a ProviderUnavailable that says what would translate
it (AWS Translate) or what to install.
"""

from __future__ import annotations

import shutil
import subprocess
import threading

from services.errors import InvalidInput, ProviderUnavailable
from services.models import Translation, language_name

# (source, target) → Apertium mode, as `apertium -l` lists them
MODES = {("en", "es"): "eng-spa", ("es", "en"): "spa-eng"}
MAX_CHARS = 100_000  # the longest article body (services/kb_rules.MAX_BODY_CHARS)
TIMEOUT_S = 60.0  # a 100,000-character article takes ≈ 10 s on one core; an agent's message well under a second
INSTALL_HINT = "offline translation needs Debian's apertium packages: apt-get install apertium apertium-eng-spa"


def needs_aws(source: str, target: str) -> str:
    """What the UI says for a pair the offline translator lacks."""
    return (f"translation between {language_name(source)} and {language_name(target)} needs AWS Translate "
            "(offline, only English ↔ Spanish)")


class ApertiumTranslator:
    """English ↔ Spanish through the ``apertium`` binary (``-u``: unknown words are kept without Apertium's ``*``)."""

    name = "apertium"

    def __init__(self, binary: str = "apertium", timeout_s: float = TIMEOUT_S, max_chars: int = MAX_CHARS) -> None:
        self._binary = binary
        self._timeout_s = timeout_s
        self._max_chars = max_chars
        self._modes: frozenset[str] | None = None
        self._lock = threading.Lock()

    def pairs(self) -> list[tuple[str, str]]:
        """The pairs whose Apertium mode is installed here ([] without the binary)."""
        installed = self._installed_modes()
        return [pair for pair, mode in MODES.items() if mode in installed]

    def translate(self, text: str, source: str, target: str) -> Translation:
        text = self._checked(text)
        if source == target:
            return Translation(text, source, target, self.name)
        mode = MODES.get((source, target))
        if mode is None:
            raise ProviderUnavailable(needs_aws(source, target))
        if mode not in self._installed_modes():
            raise ProviderUnavailable(f"{INSTALL_HINT} (or choose AWS Translate)")
        return Translation(self._run(mode, text), source, target, self.name)

    def _checked(self, text: object) -> str:
        if not isinstance(text, str):
            raise InvalidInput(f"the text to translate must be text; got {type(text).__name__}")
        if not text.strip():
            raise InvalidInput("the text to translate is empty")
        if len(text) > self._max_chars:
            raise InvalidInput(f"the text is too long to translate ({len(text):,} characters; the limit is "
                               f"{self._max_chars:,})")
        return text

    def _installed_modes(self) -> frozenset[str]:
        with self._lock:  # `apertium -l` once per process: packages do not change under a running server
            if self._modes is None:
                self._modes = self._list_modes()
            return self._modes

    def _list_modes(self) -> frozenset[str]:
        path = shutil.which(self._binary)
        if path is None:
            return frozenset()
        try:
            done = subprocess.run([path, "-l"], capture_output=True, text=True, timeout=10, check=False)
        except (OSError, subprocess.SubprocessError):
            return frozenset()
        return frozenset(line.strip() for line in done.stdout.splitlines() if line.strip())

    def _run(self, mode: str, text: str) -> str:
        path = shutil.which(self._binary)
        if path is None:
            raise ProviderUnavailable(f"{INSTALL_HINT} (or choose AWS Translate)")
        try:
            done = subprocess.run([path, "-u", mode], input=text, capture_output=True, text=True, encoding="utf-8",
                                  errors="replace", timeout=self._timeout_s, check=False)
        except subprocess.TimeoutExpired as e:
            raise ProviderUnavailable(f"the offline translator took longer than {self._timeout_s:.0f} s; "
                                      "try a shorter text") from e
        except OSError as e:
            raise ProviderUnavailable(f"the offline translator could not start ({e.strerror or e})") from e
        if done.returncode != 0:
            detail = (done.stderr or "").strip().splitlines()[:1]
            raise ProviderUnavailable("the offline translator failed" + (f": {detail[0][:200]}" if detail else ""))
        return _same_edges(text, done.stdout)


def _same_edges(source: str, translated: str) -> str:
    """Apertium adds or drops a trailing newline; keep the source's leading and trailing whitespace."""
    core = translated.strip()
    lead = source[: len(source) - len(source.lstrip())]
    tail = source[len(source.rstrip()):]
    return f"{lead}{core}{tail}"
