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


def _median_ms(services, username: str, n: int) -> float:
    times = []
    for i in range(n):
        started = time.perf_counter()
        try:
            auth.sign_in(services, username, f"wrong-{i}")
        except PermissionDenied:
            pass
        times.append((time.perf_counter() - started) * 1000)
        services.store.clear_failures("user", auth._key(username))  # keep the lockout out of the measurement
    return round(statistics.median(times), 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        services = build_services(Settings(db_path=str(Path(folder) / "bench.db")))
        auth.create_user(services, "agent", "Agent", "agent", "frontline-agent")
        _median_ms(services, "agent", 1)  # warm-up: the hasher and the dummy hash
        known, unknown = _median_ms(services, "agent", args.n), _median_ms(services, "nobody", args.n)
    print(json.dumps({"bench": "sign_in_timing", "n": args.n, "wrong_password_known_user_ms": known,
                      "unknown_user_ms": unknown, "ratio": round(unknown / known, 2)}))


if __name__ == "__main__":
    main()
