"""What the PII detector masks on real customer messages nobody labelled, so that a rule change can be shown to mask
nothing new (and what it stops masking): one JSON line.

    python bench/pii_real_masks.py --care ../shared/data/customer_care_tweets/dev.json \
        --apple ../shared/data/apple_twitter_sentiment/Apple-Twitter-Sentiment-DFE.csv --out FILE.json [--diff OTHER.json]

Reads every customer turn of the care conversations and every Apple tweet in place (never copied into the project),
runs the configured detector (`providers: {pii: …}`) on each and writes the spans found (kind, text) per message to
--out. The printed line has the counts by kind and, with --diff (a file written by another checkout), how many
messages differ, how many spans only the other found (no longer masked here) or only this one found (newly masked),
and the first few of each. The spans' texts stay in the --out files: keep them outside the repository.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from services.bootstrap import build_services  # noqa: E402
from services.config import load_settings  # noqa: E402


def messages(care: Path | None, apple: Path | None) -> list[str]:
    texts: list[str] = []
    if care:
        for conversation in json.loads(care.read_text(encoding="utf-8")):
            texts += [str(t.get("message", "")) for t in conversation.get("dialogContent", []) if "client" in t]
    if apple:
        with apple.open(encoding="latin-1") as f:
            next(f)  # the title line before the header
            texts += [row.get("text", "") for row in csv.DictReader(f, delimiter=";")]
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--care", type=Path)
    parser.add_argument("--apple", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--diff", type=Path)
    args = parser.parse_args()
    texts = messages(args.care, args.apple)
    with tempfile.TemporaryDirectory() as folder:
        services = build_services(load_settings(db_path=str(Path(folder) / "f.db")))
        found = [sorted([s.kind, t[s.start:s.end]] for s in services.pii.find(t)) for t in texts]
    args.out.write_text(json.dumps(found), encoding="utf-8")
    line: dict = {"messages": len(texts), "spans": dict(Counter(k for spans in found for k, _ in spans))}
    if args.diff:
        other = json.loads(args.diff.read_text(encoding="utf-8"))
        gone = [s for a, b in zip(other, found, strict=True) for s in a if s not in b]
        new = [s for a, b in zip(other, found, strict=True) for s in b if s not in a]
        line.update({"differing_messages": sum(a != b for a, b in zip(other, found, strict=True)),
                     "no_longer_masked": len(gone), "newly_masked": len(new),
                     "first_no_longer": gone[:8], "first_new": new[:8]})
    print(json.dumps(line, ensure_ascii=False))


if __name__ == "__main__":
    main()
