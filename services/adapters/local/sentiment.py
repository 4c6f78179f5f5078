"""Offline sentiment: logistic regression over our labelled examples (data/sentiment/*.yaml), trained at first use.

Training takes well under a second on ~400 examples, so nothing is cached on disk: editing the YAML and
restarting is the whole retraining story. Emotions come from explainable cues (data/emotions.yaml).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from services.adapters.local.sentiment_cues import EMOTIONS, EmotionCues
from services.adapters.local.sentiment_features import SentimentFeatures
from services.config import PROJECT_ROOT, Settings
from services.errors import ConfigError
from services.models import Sentiment
from services.yamlfile import load_mapping

LABELS = ("positive", "neutral", "negative", "mixed")
EXAMPLES_DIR = "sentiment"
CUES_FILE = "emotions.yaml"
_PACKAGED_DATA = PROJECT_ROOT / "data"
_MODELS: dict[tuple[Path, Path], SentimentModel] = {}
_LOCK = threading.Lock()


def data_file(data_dir: Path, relative: str) -> Path:
    """The file under the configured data folder, else the one shipped with Frontline."""
    candidate = data_dir / relative
    return candidate if candidate.exists() else _PACKAGED_DATA / relative


def load_examples(folder: Path) -> tuple[list[str], list[str]]:
    """Texts and labels from every YAML file in a folder ({label: ..., examples: [...]}).

    Raises:
        ConfigError: a file is malformed, names an unknown label, or the folder holds no examples.
    """
    texts: list[str] = []
    labels: list[str] = []
    for path in sorted(folder.glob("*.yaml")):
        label, examples = _read_examples(path)
        texts += examples
        labels += [label] * len(examples)
    if not texts:
        raise ConfigError(f"no sentiment examples found in {folder}")
    return texts, labels


def _read_examples(path: Path) -> tuple[str, list[str]]:
    data = load_mapping(path, "'label' and 'examples'")
    label = str(data.get("label", "")).lower()
    if label not in LABELS:
        raise ConfigError(f"{path} must have 'label' one of {', '.join(LABELS)}; got {label!r}")
    return label, [str(text) for text in data.get("examples") or [] if str(text).strip()]


def one_thread() -> Any:
    """BLAS/OpenMP limited to one thread while fitting: on a busy 2-core machine their spinning threads made the fit
    ~10x slower. Not used per message: entering the limit costs ~15 ms (threadpoolctl inspects every loaded library)."""
    from threadpoolctl import threadpool_limits

    return threadpool_limits(1)


TEMPERATURE = 2.0  # softmax temperature of the scores, chosen on the even halves of the real-tweet dev sets (ECE)


class SentimentModel:
    """Features plus a multinomial logistic regression; read-only after fit, so shared by threads.

    Args:
        cues: the emotion, sarcasm and problem cues whose scores become features.
        c: inverse regularisation strength of the logistic regression.
        temperature: the scores are softmax(decision / temperature). Fitted on our clean examples the regression is
            near-certain on real tweets (expected calibration error 0.14 on Apple tweets at 1.0, 0.05 at 2.0); the
            label, the highest score, does not depend on it.
    """

    def __init__(self, cues: EmotionCues, c: float = 10.0, temperature: float = TEMPERATURE) -> None:
        from sklearn.linear_model import LogisticRegression

        self.features = SentimentFeatures(cues)
        self.classifier = LogisticRegression(C=c, max_iter=1000)
        self.temperature = temperature

    def fit(self, texts: Sequence[str], labels: Sequence[str]) -> SentimentModel:
        with one_thread():
            self.classifier.fit(self.features.fit_transform(texts), list(labels))
        return self

    def scores(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """For each text, a probability per label in LABELS (summing to 1)."""
        decision = self.classifier.decision_function(self.features.transform(texts)) / self.temperature
        if decision.ndim == 1:  # two labels: the regression gives the second one's logit against the first
            decision = np.column_stack([np.zeros_like(decision), decision])
        exp = np.exp(decision - decision.max(axis=1, keepdims=True))
        probabilities = exp / exp.sum(axis=1, keepdims=True)
        classes = list(self.classifier.classes_)
        return [{label: float(row[classes.index(label)]) if label in classes else 0.0 for label in LABELS}
                for row in probabilities]


def train(texts: Sequence[str], labels: Sequence[str], cues: EmotionCues) -> SentimentModel:
    """A model fitted on these examples."""
    return SentimentModel(cues).fit(texts, labels)


def _shared_model(data_dir: Path, cues: EmotionCues) -> SentimentModel:
    """The model trained on a data folder's examples, trained once per process."""
    key = (data_file(data_dir, EXAMPLES_DIR), cues.path)
    with _LOCK:
        if key not in _MODELS:
            _MODELS[key] = train(*load_examples(key[0]), cues)
        return _MODELS[key]


def to_sentiment(scores: dict[str, float]) -> Sentiment:
    """Sentiment whose label is the highest-scoring one; scores rounded to 4 places."""
    label = max(LABELS, key=lambda name: scores.get(name, 0.0))
    return Sentiment(label, {name: round(scores.get(name, 0.0), 4) for name in LABELS})


class LocalSentimentAnalyzer:
    """SentimentAnalyzer trained on data/sentiment/*.yaml; emotions from data/emotions.yaml.

    Args:
        settings: where the data folder is; files missing there are taken from Frontline's own data folder.
    """

    def __init__(self, settings: Settings) -> None:
        self.data_dir = settings.resolve(settings.data_dir)
        self.cues = EmotionCues(data_file(self.data_dir, CUES_FILE))

    def analyze(self, text: str) -> Sentiment:
        """The message's overall sentiment.

        Args:
            text: any string; long texts are judged on their first 1,000 characters.

        Returns:
            Sentiment with label positive|neutral|negative|mixed and a score per label summing to 1.

        Raises:
            ConfigError: the training examples are missing or malformed.
        """
        if not text.strip():
            return to_sentiment({"neutral": 1.0})
        return to_sentiment(_shared_model(self.data_dir, self.cues).scores([text])[0])

    def emotions(self, text: str) -> dict[str, float]:
        """Anger, frustration, confusion, gratitude and urgency, each in [0, 1], from explainable cues."""
        scores = self.cues.scores(text)
        return {name: scores[name] for name in EMOTIONS}
