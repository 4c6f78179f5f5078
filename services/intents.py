"""Intent model use cases: train a local model from a labelled CSV, save it as a folder, evaluate a model.

Example:
    summary = train_from_csv(services, "tickets.csv", "text", "label", "models/tickets", oos_label="none")
    # then run with FRONTLINE_INTENT_MODEL_DIR=models/tickets
"""

from __future__ import annotations

import csv
import json
import os
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from services.bootstrap import Services
from services.errors import InvalidInput
from services.ports import IntentClassifier, TrainedIntentModel

Labelled = tuple[list[str], list[str]]
PER_LABEL_MAX = 20  # per-label recall is reported for test sets with at most this many labels


def file_path(path: str | Path, what: str = "file") -> Path:
    """`path` as a Path the operating system can open: a clear InvalidInput for one that no file can have (a lone
    surrogate, a NUL, not a string).

    Raises:
        InvalidInput: not a usable path.
    """
    if not isinstance(path, str | Path):
        raise InvalidInput(f"the {what} must be a path, not {type(path).__name__}")
    try:
        os.fsencode(path)
    except (UnicodeError, ValueError) as e:
        raise InvalidInput(f"the {what} {str(path)!r} is not a path a file can have ({e})") from e
    if "\x00" in str(path):
        raise InvalidInput(f"the {what} {str(path)!r} contains a NUL character")
    return Path(path)


def read_labelled_csv(path: str | Path, text_col: str, label_col: str) -> Labelled:
    """(texts, labels) from a CSV with a header; rows with a blank text or label are dropped.

    Raises:
        InvalidInput: the file cannot be read, a column is missing, or no row is left.
    """
    path = file_path(path, "CSV file")
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            columns = reader.fieldnames or []
            _require_columns(path, columns, (text_col, label_col))
            rows = [(r[text_col] or "", r[label_col] or "") for r in reader]
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise InvalidInput(f"cannot read {path}: {e}") from e
    kept = [(t.strip(), lab.strip()) for t, lab in rows if t and t.strip() and lab and lab.strip()]
    if not kept:
        raise InvalidInput(f"{path} has no rows with both a {text_col!r} and a {label_col!r} value")
    return [t for t, _ in kept], [lab for _, lab in kept]


def _require_columns(path: str | Path, columns: Sequence[str], wanted: Sequence[str]) -> None:
    if not columns:
        raise InvalidInput(f"{path} is empty: it needs a header row and at least one data row")
    missing = [c for c in wanted if c not in columns]
    if missing:
        raise InvalidInput(f"{path} has no column {missing[0]!r}; its columns are: {', '.join(columns)}")


def read_clinc(path: str | Path, oos_label: str = "oos", with_oos_examples: bool = True) -> dict[str, Labelled]:
    """CLINC150's data_full.json as train (+oos_train), val (+oos_val) and test (+oos_test); without
    oos examples, train and val have no out-of-scope rows (test keeps them).

    Raises:
        InvalidInput: the file is missing or not in that layout.
    """
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        splits = {name: data[name] + (data[f"oos_{name}"] if with_oos_examples or name == "test" else [])
                  for name in ("train", "val", "test")}
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise InvalidInput(f"{path} is not a CLINC150 data file (train/val/test and oos_* lists): {e}") from e
    return {name: ([str(t) for t, _ in rows], [oos_label if lab == "oos" else str(lab) for _, lab in rows])
            for name, rows in splits.items()}


def read_label_map(path: str | Path) -> dict[str, str]:
    """A JSON object mapping a data set's label to one of ours.

    Raises:
        InvalidInput: not a JSON object of strings.
    """
    try:
        mapping = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise InvalidInput(f"cannot read the label map {path}: {e}") from e
    if not isinstance(mapping, dict) or not all(isinstance(v, str) for v in mapping.values()):
        raise InvalidInput(f"{path} must be a JSON object mapping dataset labels to our labels")
    return {k: v for k, v in mapping.items() if not k.startswith("_")}


def map_labels(data: Labelled, mapping: dict[str, str]) -> tuple[Labelled, int]:
    """Rows whose label is in `mapping`, relabelled; and how many rows were skipped."""
    kept = [(t, mapping[lab]) for t, lab in zip(*data, strict=True) if lab in mapping]
    return ([t for t, _ in kept], [lab for _, lab in kept]), len(data[0]) - len(kept)


def train_model(services: Services, data: Labelled, oos_label: str | None = None,
                tune: Labelled | None = None) -> TrainedIntentModel:
    """A local intent model trained on `data` (by the configured IntentTrainer).

    Raises:
        InvalidInput: data no classifier can learn from (empty, one label, unknown oos_label).
    """
    return services.intent_training.train(data[0], data[1], oos_label=oos_label, tune=tune)


def train_from_csv(services: Services, csv_path: str | Path, text_col: str, label_col: str, out: str | Path,
                   oos_label: str | None = None) -> dict[str, Any]:
    """Train on a CSV and save the model folder; returns a summary (labels, held-out metrics, timing).

    Raises:
        InvalidInput: the CSV is unreadable, lacks a column, is empty, or cannot be learnt from.
    """
    trainer = services.intent_training
    out = file_path(out, "output folder")
    try:
        trainer.check_output_folder(out)
    except OSError as e:
        raise InvalidInput(f"cannot use {str(out)[:80]!r} as the output folder: {e.strerror or e}") from e
    model = train_model(services, read_labelled_csv(csv_path, text_col, label_col), oos_label)
    try:
        folder = trainer.save(model, out)
    except OSError as e:
        raise InvalidInput(f"cannot write the model to {str(out)[:80]!r}: {e.strerror or e}") from e
    manifest = model.manifest
    return {"out": str(folder), "labels": manifest["labels"], "oos_label": oos_label, "n_train": manifest["n_train"],
            "train_seconds": manifest["train_seconds"], "heldout": manifest["heldout_metrics"]}


def classifier_for(services: Services, model: TrainedIntentModel | None = None,
                   folder: str | Path | None = None) -> IntentClassifier:
    """An IntentClassifier over a trained model, a saved folder, or (neither) the configured local one."""
    if model is not None and not hasattr(model, "manifest"):
        raise InvalidInput(f"model must be a trained intent model (intents.train_model), not {type(model).__name__}")
    return services.intent_training.classifier(model, None if folder is None else file_path(folder, "model folder"))


def evaluate(services: Services, classifier: IntentClassifier, data: Labelled,
             oos_label: str | None = None) -> dict[str, Any]:
    """accuracy, macro_f1, n (and oos_recall, in_scope_accuracy with an oos_label), timing, and per-label recall
    when the test set has at most PER_LABEL_MAX labels.

    Raises:
        InvalidInput: no rows to evaluate.
    """
    texts, truth = data
    if not texts:
        raise InvalidInput("no test rows to evaluate (check the label map and the label column)")
    started = time.perf_counter()
    many = getattr(classifier, "classify_many", None)
    intents = many(texts) if many else [classifier.classify(t) for t in texts]
    seconds = time.perf_counter() - started
    predicted = [i.label for i in intents]
    result = services.intent_training.metrics(truth, predicted, oos_label, [i.confidence for i in intents])
    if len(set(truth)) <= PER_LABEL_MAX:
        result["per_label_recall"] = _per_label_recall(truth, predicted)
    result.update(predict_seconds=round(seconds, 3), predict_ms_per_message=round(1000 * seconds / len(texts), 4))
    return result


def _per_label_recall(truth: Sequence[str], predicted: Sequence[str]) -> dict[str, float]:
    totals: dict[str, list[int]] = {}
    for t, p in zip(truth, predicted, strict=True):
        totals.setdefault(t, [0, 0])[0] += 1
        totals[t][1] += t == p
    return {label: round(hit / n, 4) for label, (n, hit) in sorted(totals.items())}


def train_and_evaluate(services: Services, train: Labelled, test: Labelled, oos_label: str | None = None,
                       tune: Labelled | None = None) -> dict[str, Any]:
    """Train on `train` (tuning on `tune` when given), evaluate on `test`; metrics plus train_seconds."""
    started = time.perf_counter()
    model = train_model(services, train, oos_label, tune)
    train_seconds = time.perf_counter() - started
    result = evaluate(services, classifier_for(services, model), test, oos_label)
    return {**result, "train_seconds": round(train_seconds, 2), "n_train": len(train[0])}
