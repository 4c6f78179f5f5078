"""Write the labelled care dev sample as a CSV (text,intent,sentiment) for `eval-sentiment` / intent evaluation.

bench/data/care_dev_labels.csv holds conversation ids and labels only (no text: the shared data set is never
committed). This joins them back to the first customer message of each conversation in the shared dev.json and
checks each text against its recorded SHA-1 prefix. Write the output outside the repository.

    python bench/care_dev_csv.py /work/shared/data/customer_care_tweets/dev.json /tmp/care_dev.csv
    python -m services eval-sentiment --csv /tmp/care_dev.csv --text-col text --label-col sentiment
    python -m services eval-sentiment --csv /tmp/care_dev.csv --text-col text --label-col sentiment3   # mixed folded
    python -m services eval-sentiment --csv /tmp/care_dev.csv --text-col text --label-col sentiment3_v2

`sentiment_v2` / `sentiment3_v2` are the sentiment labels after the guide's 2nd version (a problem with the service
reported to the company is negative even when told flatly, as crowd annotators label it), from
bench/data/care_dev_sentiment_v2.csv; `sentiment_v3` / `sentiment3_v3` the labels after a second, blind pass under the same
guide and adjudication (bench/data/care_dev_sentiment_v3.csv); see docs/dev-sets.md.

Prints one JSON line: rows written, label counts, rows whose text did not match its hash (skipped).
"""

import csv
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

LABELS = Path(__file__).resolve().parent / "data" / "care_dev_labels.csv"
SENTIMENT_V2 = Path(__file__).resolve().parent / "data" / "care_dev_sentiment_v2.csv"
SENTIMENT_V3 = Path(__file__).resolve().parent / "data" / "care_dev_sentiment_v3.csv"


def _fold(label: str) -> str:
    return "negative" if label == "mixed" else label


def main(dev_json: str, out_csv: str, labels_csv: str = str(LABELS)) -> None:
    conversations = json.loads(Path(dev_json).read_text(encoding="utf-8"))
    with open(SENTIMENT_V2, newline="", encoding="utf-8") as handle:
        v2 = {(row["conv_index"], row["text_sha1"]): row["sentiment"] for row in csv.DictReader(handle)}
    with open(SENTIMENT_V3, newline="", encoding="utf-8") as handle:
        v3 = {(row["conv_index"], row["text_sha1"]): row["sentiment"] for row in csv.DictReader(handle)}
    written, mismatched, counts = 0, 0, Counter()
    with open(labels_csv, newline="", encoding="utf-8") as handle, \
            open(out_csv, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["conv_index", "text", "intent", "sentiment", "sentiment3", "sentiment_v2", "sentiment3_v2",
                         "sentiment_v3", "sentiment3_v3"])
        for row in csv.DictReader(handle):
            text = conversations[int(row["conv_index"])]["dialogContent"][0]["message"]
            if hashlib.sha1(text.encode("utf-8")).hexdigest()[: len(row["text_sha1"])] != row["text_sha1"]:
                mismatched += 1
                continue
            key = (row["conv_index"], row["text_sha1"])
            second, third = v2[key], v3[key]
            writer.writerow([row["conv_index"], text, row["intent"], row["sentiment"], _fold(row["sentiment"]),
                             second, _fold(second), third, _fold(third)])
            written += 1
            counts[row["sentiment"]] += 1
    print(json.dumps({"bench": "care_dev_csv", "written": written, "sentiment": dict(counts),
                      "skipped_hash_mismatch": mismatched, "out": out_csv}))


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: python bench/care_dev_csv.py DEV_JSON OUT_CSV [LABELS_CSV]")
    main(*sys.argv[1:])
