"""The SentimentLab port (the eval-sentiment command): the VADER baseline, a model trained on a hold-out split of our
examples, labelled CSV files and the metrics, over services/adapters/local/sentiment{,_eval}.py."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from services.adapters.local import sentiment as local
from services.adapters.local.sentiment_eval import CsvFormat, VaderBaseline, evaluate, parse_label_map, read_csv, split
from services.config import Settings
from services.models import Sentiment

Analyze = Callable[[str], Sentiment]


class LocalSentimentLab:
    def __init__(self, settings: Settings, encoder: Any = None) -> None:
        self._data_dir = settings.resolve(settings.data_dir)
        # the MiniLM encoder the served model reads (None under sentiment_embeddings: false: n-grams and cues only)
        self._encoder = encoder if encoder is not None else local.configured_encoder(settings)

    def baseline(self) -> Analyze:
        return VaderBaseline().analyze

    def holdout(self, fraction: float, seed: int, baseline: bool = False) -> tuple[Analyze, list[str], list[str], int]:
        texts, labels = local.load_examples(local.data_file(self._data_dir, local.EXAMPLES_DIR))
        train_rows, test_rows = split(texts, labels, fraction, seed)
        if baseline:
            analyze = self.baseline()
        else:
            cues = local.EmotionCues(local.data_file(self._data_dir, local.CUES_FILE))
            model = local.train([texts[i] for i in train_rows], [labels[i] for i in train_rows], cues, self._encoder,
                                self._data_dir / "models")

            def analyze(text: str) -> Sentiment:
                return local.to_sentiment(model.scores([text])[0])

        return analyze, [texts[i] for i in test_rows], [labels[i] for i in test_rows], len(train_rows)

    def read_csv(self, path: Path, text_col: str, label_col: str, sep: str = ",", encoding: str = "utf-8-sig",
                 skip_rows: int = 0, label_map: str | None = None) -> tuple[list[str], list[str], int]:
        fmt = CsvFormat(sep=sep, encoding=encoding, skip_rows=skip_rows, label_map=parse_label_map(label_map))
        return read_csv(path, text_col, label_col, fmt)

    def evaluate(self, analyze: Analyze, texts: Sequence[str], labels: Sequence[str]) -> dict[str, Any]:
        return evaluate(analyze, texts, labels)
