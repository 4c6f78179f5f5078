"""The CSAT and churn predictors' held-out figures against their baselines: one JSON line.

    python bench/predictors.py [--conversations 20000] [--customers 8000]

Builds a SQLite store in a temporary folder with the demo seed's generator (services.seed.seed_history: N finished
conversations over the 90 days before ANCHOR, with the seed's CSAT signal and churn drawn by services/seed/churn.py),
then runs services.predictors.train as of ANCHOR, which measures each model on the newest quarter of its rows after
fitting on the older three quarters (the split is printed in words) and stores the model refitted on everything.
The line carries the store's size, the held-out figures of each model with its baselines (docs/models.md defines
them), the training and scoring times and the load average before and after (the machine is shared).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from services import predictors  # noqa: E402
from services.bootstrap import build_services  # noqa: E402
from services.config import Settings  # noqa: E402
from services.models import User  # noqa: E402
from services.seed import seed_history  # noqa: E402

ANCHOR = "2026-11-24"
NOW = f"{ANCHOR}T12:00:00Z"
SUPERVISOR = User(0, "priya", "Priya Shah", "supervisor")


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--conversations", type=int, default=20_000)
    parser.add_argument("--customers", type=int, default=8_000)
    args = parser.parse_args(argv)
    before = load()
    with tempfile.TemporaryDirectory() as folder:
        services = build_services(Settings(db_path=str(Path(folder) / "predictors.db")))
        started = time.perf_counter()
        built = seed_history(services, args.conversations, anchor=ANCHOR, customers=args.customers)
        build_s = time.perf_counter() - started
        with services.uow() as uow:
            rows = uow.predictions.contacts()
        started = time.perf_counter()
        report = predictors.train(services, SUPERVISOR, now=NOW)
        train_s = time.perf_counter() - started
        started = time.perf_counter()
        view = predictors.predictions(services, SUPERVISOR, now=NOW)
        predict_s = time.perf_counter() - started
    line = {"conversations": built["conversations"], "customers_seeded": args.customers,
            "customers_with_contacts": len({r.customer_id for r in rows}),
            "survey_answers": sum(r.csat is not None for r in rows), "churned": built["churned"], "as_of": NOW,
            "build_s": round(build_s, 1), "train_s": round(train_s, 2), "predictions_s": round(predict_s, 2),
            "scored_conversations": view.scored_conversations, "scored_customers": view.scored_customers,
            "models": {kind: {k: v for k, v in asdict(info).items() if k not in ("trained_at", "trained_by")}
                       for kind, info in report.trained.items()},
            "notes": list(report.notes), "load_before": before, "load_after": load()}
    print(json.dumps(line))
    return 0


if __name__ == "__main__":
    sys.exit(main())
