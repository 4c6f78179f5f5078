"""Sign-in time for a wrong password of a real user vs an unknown user (issue 14.10: the two must not differ).

Prints one JSON line: median milliseconds of each over --n attempts on a fresh SQLite file with real argon2id.
    .venv/bin/python bench/sign_in_timing.py --n 15
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from services import auth  # noqa: E402
from services.bootstrap import build_services  # noqa: E402
from services.config import Settings  # noqa: E402
from services.errors import PermissionDenied  # noqa: E402
from services.permissions import SEEDER  # noqa: E402


def _attempt_ms(services, username: str, password: str) -> float:
    started = time.perf_counter()
    try:
        auth.sign_in(services, username, password)
    except PermissionDenied:
        pass
    elapsed = (time.perf_counter() - started) * 1000
    with services.uow() as uow:  # keep the lockout out of the measurement
        uow.sessions.clear_failures("user", auth._key(username))
    return elapsed


def _medians(services, n: int) -> tuple[float, float]:
    """Known and unknown attempts interleaved, so a change in machine load hits both alike."""
    known, unknown = [], []
    for i in range(n):
        known.append(_attempt_ms(services, "agent", f"wrong-{i}"))
        unknown.append(_attempt_ms(services, "nobody", f"wrong-{i}"))
    return round(statistics.median(known), 1), round(statistics.median(unknown), 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        services = build_services(Settings(db_path=str(Path(folder) / "bench.db")))
        auth.create_user(services, SEEDER, "agent", "Agent", "agent", "frontline-agent")
        _medians(services, 1)  # warm-up: the hasher and the dummy hash
        known, unknown = _medians(services, args.n)
    print(json.dumps({"bench": "sign_in_timing", "n": args.n, "wrong_password_known_user_ms": known,
                      "unknown_user_ms": unknown, "ratio": round(unknown / known, 2)}))


if __name__ == "__main__":
    main()
