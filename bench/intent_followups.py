"""Follow-up messages read with the conversation: one JSON line.

    .venv/bin/python bench/intent_followups.py [--csv bench/data/intent_followups.csv]

Each row of the CSV (84 rows we wrote, nine industries) is a customer's earlier message, their next message and the
label that next message has in its conversation: ``follow`` rows only make sense with the earlier message ("tried
that, no change 😬"), ``closing`` rows are thanks and acknowledgements (Other), ``switch`` rows bring a new request.
Prints the accuracy of the default intent model on the next message read alone and as the assist pipeline reads it
(``services.assist.in_conversation``), per kind and on the even / odd rows (the even rows chose FOLLOW_UP_WORDS).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from services.assist import in_conversation  # noqa: E402
from services.bootstrap import build_services  # noqa: E402
from services.config import Settings  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", default=str(Path(__file__).parent / "data" / "intent_followups.csv"))
    args = parser.parse_args()
    with open(args.csv, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    with tempfile.TemporaryDirectory() as folder:
        services = build_services(Settings(db_path=f"{folder}/f.db", data_key_file=f"{folder}/keys"))
        classify = services.intent.classify
        unsure = services.settings.intent_min_confidence
        tally: dict[str, dict[str, list[bool]]] = {"alone": {}, "in_conversation": {}}
        read_with_earlier = 0
        for i, row in enumerate(rows):
            alone = classify(row["message"])
            read = in_conversation(classify, alone, row["message"], row["earlier"], unsure)
            read_with_earlier += read.basis == "conversation"
            for name, intent in (("alone", alone), ("in_conversation", read)):
                for key in ("all", row["kind"], "even" if i % 2 == 0 else "odd"):
                    tally[name].setdefault(key, []).append(intent.label == row["label"])
    line = {"rows": len(rows), "read_with_earlier": read_with_earlier}
    for name, groups in tally.items():
        line[name] = {key: round(sum(v) / len(v), 3) for key, v in groups.items()}
    print(json.dumps(line))


if __name__ == "__main__":
    main()
