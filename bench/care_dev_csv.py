"""Write the labelled care dev sample as a CSV (text,intent,sentiment) for `eval-sentiment` / intent evaluation.

bench/data/care_dev_labels.csv holds conversation ids and labels only (no text: the shared data set is never
committed). This joins them back to the first customer message of each conversation in the shared dev.json and
checks each text against its recorded SHA-1 prefix. Write the output outside the repository.

    python bench/care_dev_csv.py /work/shared/data/customer_care_tweets/dev.json /tmp/care_dev.csv
    python -m services eval-sentiment --csv /tmp/care_dev.csv --text-col text --label-col sentiment
    python -m services eval-sentiment --csv /tmp/care_dev.csv --text-col text --label-col sentiment3   # mixed folded

Prints one JSON line: rows written, label counts, rows whose text did not match its hash (skipped).
"""

import csv
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

LABELS = Path(__file__).resolve().parent / "data" / "care_dev_labels.csv"


def main(dev_json: str, out_csv: str, labels_csv: str = str(LABELS)) -> None:
    conversations = json.loads(Path(dev_json).read_text(encoding="utf-8"))
    written, mismatched, counts = 0, 0, Counter()
    with open(labels_csv, newline="", encoding="utf-8") as handle, \
            open(out_csv, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["conv_index", "text", "intent", "sentiment", "sentiment3"])
        for row in csv.DictReader(handle):
            text = conversations[int(row["conv_index"])]["dialogContent"][0]["message"]
            if hashlib.sha1(text.encode("utf-8")).hexdigest()[: len(row["text_sha1"])] != row["text_sha1"]:
                mismatched += 1
                continue
            folded = "negative" if row["sentiment"] == "mixed" else row["sentiment"]
            writer.writerow([row["conv_index"], text, row["intent"], row["sentiment"], folded])
            written += 1
            counts[row["sentiment"]] += 1
    print(json.dumps({"bench": "care_dev_csv", "written": written, "sentiment": dict(counts),
                      "skipped_hash_mismatch": mismatched, "out": out_csv}))


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: python bench/care_dev_csv.py DEV_JSON OUT_CSV [LABELS_CSV]")
    main(*sys.argv[1:])
