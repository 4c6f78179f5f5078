"""`train-intents` (train a local intent model from a CSV) and `eval-intents` (measure a model); one JSON line each."""

from __future__ import annotations

import argparse

from services import intents
from services.cli import print_json
from services.cli.common import services_from
from services.errors import InvalidInput

PATH_OPTIONS = {"csv": "CSV file", "out": "output folder", "train": "CSV file", "test": "CSV file",
                "clinc": "CLINC file", "label_map": "label map", "model": "model folder"}


def _check_paths(args: argparse.Namespace) -> None:
    """A file name the file system cannot take (a half-surrogate, a NUL) is a clear error naming the option, before
    anything is loaded (found by the slow CLI fuzz). One rule for what a path may be: services.intents.file_path."""
    for option, what in PATH_OPTIONS.items():
        value = getattr(args, option, None)
        if value is None:
            continue
        try:
            intents.file_path(value, what)
        except InvalidInput as e:
            raise InvalidInput(f"--{option.replace('_', '-')}: {e}; give the path of a file") from e


def _train(args: argparse.Namespace) -> int:
    _check_paths(args)
    services = services_from(args, batch=True)
    print_json(intents.train_from_csv(services, args.csv, args.text_col, args.label_col, args.out, args.oos_label))
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    _check_paths(args)
    services = services_from(args, batch=True)
    if args.clinc:
        oos = args.oos_label or "oos"
        splits = intents.read_clinc(args.clinc, oos, with_oos_examples=not args.no_oos_examples)
        result = intents.train_and_evaluate(services, splits["train"], splits["test"], oos, tune=splits["val"])
    elif args.train:
        train = intents.read_labelled_csv(args.train, args.text_col, args.label_col)
        result = intents.train_and_evaluate(services, train, _test_rows(args), args.oos_label)
    else:
        classifier = intents.classifier_for(services, folder=args.model)
        test, skipped = _mapped_test_rows(args)
        result = {**intents.evaluate(services, classifier, test, args.oos_label), "skipped": skipped}
    print_json(result)
    return 0


def _test_rows(args: argparse.Namespace) -> intents.Labelled:
    if not args.test:
        raise InvalidInput("eval-intents needs --test CSV (or --clinc JSON)")
    return intents.read_labelled_csv(args.test, args.text_col, args.label_col)


def _mapped_test_rows(args: argparse.Namespace) -> tuple[intents.Labelled, int]:
    test = _test_rows(args)
    if not args.label_map:
        return test, 0
    return intents.map_labels(test, intents.read_label_map(args.label_map))


def register(sub: argparse._SubParsersAction) -> None:
    train = sub.add_parser("train-intents", help="train a local intent model from a labelled CSV into a folder")
    train.add_argument("--csv", required=True, help="training CSV with a header row")
    _columns(train)
    train.add_argument("--out", required=True, help="model folder to write (point intent_model_dir at it)")
    train.add_argument("--oos-label", help="the label that means out of scope, if the data has one")
    train.set_defaults(func=_train)

    evaluate = sub.add_parser("eval-intents", help="accuracy, macro-F1 and out-of-scope recall of an intent model",
                              description="With --train: train on it, test on --test. With --clinc: CLINC150 "
                              "data_full.json (train+oos_train, tuned on val, tested on test+oos_test). ECE is the expected calibration "
                              "error of the reported confidence. "
                              "Otherwise: the configured local model (or --model DIR) on --test, labels mapped "
                              "with --label-map (rows whose label is not in the map are skipped).")
    evaluate.add_argument("--train", help="training CSV")
    evaluate.add_argument("--test", help="test CSV")
    evaluate.add_argument("--clinc", help="CLINC150 data_full.json instead of --train/--test")
    evaluate.add_argument("--no-oos-examples", action="store_true",
                          help="with --clinc: train and tune without oos_train/oos_val (test keeps oos_test)")
    _columns(evaluate)
    evaluate.add_argument("--oos-label", help="the out-of-scope label (reports oos_recall and in_scope_accuracy); "
                          "it need not occur in --train: the rejection is then fitted on the training data alone")
    evaluate.add_argument("--label-map", help="JSON object: test-set label -> our label (without --train)")
    evaluate.add_argument("--model", help="a model folder from train-intents (default: the configured model)")
    evaluate.set_defaults(func=_evaluate)


def _columns(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--text-col", default="text", help="text column (default: text)")
    parser.add_argument("--label-col", default="label", help="label column (default: label)")
