"""The IntentTrainer port over the local intent model (services/adapters/local/intent.py): train, save, load and
measure models for the train-intents / eval-intents commands, wired in bootstrap like every other provider."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from services.adapters.local.intent import (
    LocalIntentClassifier,
    check_output_folder,
    intent_embedder,
    load_model,
    save_model,
    train_model,
)
from services.adapters.local.intent_features import CUSTOMER_CONFIG, classification_metrics
from services.config import Settings
from services.ports import Embedder, IntentClassifier, TrainedIntentModel


class LocalIntentTrainer:
    """Trains on the local embedder's vectors (wordllama ‖ MiniLM) with the customer-data training configuration.

    Args:
        settings: the configuration (the intent embedder reads it).
        embedder: the local sentence embedder the intent features are built on.
        configured: the configured local intent classifier, built only when asked for.
    """

    def __init__(self, settings: Settings, embedder: Embedder, configured: Callable[[], IntentClassifier]) -> None:
        self._settings = settings
        self._base = embedder
        self._configured = configured
        self._embedder: Any = None

    def _embed(self) -> Any:
        if self._embedder is None:
            self._embedder = intent_embedder(self._settings, self._base)
        return self._embedder

    def train(self, texts: list[str], labels: list[str], oos_label: str | None = None,
              tune: tuple[list[str], list[str]] | None = None) -> TrainedIntentModel:
        return train_model(texts, labels, self._embed(), oos_label=oos_label, tune=tune, config=CUSTOMER_CONFIG)

    def check_output_folder(self, folder: Path) -> None:
        check_output_folder(folder)

    def save(self, model: TrainedIntentModel, folder: str | Path) -> Path:
        return save_model(model, folder)  # type: ignore[arg-type]  # a model this trainer made

    def classifier(self, model: TrainedIntentModel | None = None, folder: str | Path | None = None) -> IntentClassifier:
        if model is None and folder is None:
            return self._configured()
        chosen = model if model is not None else load_model(folder or "")
        return LocalIntentClassifier(chosen, self._embed())  # type: ignore[arg-type]  # a model this trainer made

    def metrics(self, truth: Sequence[str], predicted: Sequence[str], oos_label: str | None = None,
                confidence: Sequence[float] | None = None) -> dict[str, Any]:
        return classification_metrics(truth, predicted, oos_label, confidence)
