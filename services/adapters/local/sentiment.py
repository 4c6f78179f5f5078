"""Offline sentiment: logistic regression over our labelled examples (data/sentiment/*.yaml), trained at first use.

The fitted parameters are cached under <data_dir>/models/sentiment-default-<hash>/ (json + npz, no pickle), keyed
by a hash of the examples, the cue file, the feature code and the fit settings: editing the YAML and restarting is
still the whole retraining story, but a restart with unchanged files loads in well under a second instead of
refitting (seconds on a busy machine). Emotions come from explainable cues (data/emotions.yaml).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
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


DEFAULT_C = 10.0  # inverse regularisation strength of the regression
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

    def __init__(self, cues: EmotionCues, c: float = DEFAULT_C, temperature: float = TEMPERATURE) -> None:
        self.features = SentimentFeatures(cues)
        self.c = c
        self.temperature = temperature
        self.classes: list[str] = []
        self.coef = np.zeros((0, 0))
        self.intercept = np.zeros(0)
        self._weights: np.ndarray | None = None  # coef transposed, made at the first scores()

    def fit(self, texts: Sequence[str], labels: Sequence[str]) -> SentimentModel:
        from sklearn.linear_model import LogisticRegression

        classifier = LogisticRegression(C=self.c, max_iter=1000)
        with one_thread():
            classifier.fit(self.features.fit_transform(texts), list(labels))
        self.classes = [str(label) for label in classifier.classes_]
        self.coef, self.intercept = classifier.coef_, classifier.intercept_
        return self

    def scores(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """For each text, a probability per label in LABELS (summing to 1).

        One row at a time without sparse matrices: the weights are kept transposed (a row per feature column), so
        a message costs one gather of its few non-zero columns and a small dot product."""
        if self._weights is None or self._weights.shape[0] != self.coef.shape[1]:
            self._weights = np.ascontiguousarray(self.coef.T)
        weights = self._weights
        decision = np.empty((len(texts), len(self.intercept)))
        for i, text in enumerate(texts):
            columns, values = self.features.row(text)
            decision[i] = values @ weights[columns]
        decision = (decision + self.intercept) / self.temperature
        if decision.shape[1] == 1:  # two labels: the regression gives the second one's logit against the first
            decision = np.column_stack([np.zeros(len(decision)), decision[:, 0]])
        exp = np.exp(decision - decision.max(axis=1, keepdims=True))
        probabilities = exp / exp.sum(axis=1, keepdims=True)
        return [{label: float(row[self.classes.index(label)]) if label in self.classes else 0.0 for label in LABELS}
                for row in probabilities]


def train(texts: Sequence[str], labels: Sequence[str], cues: EmotionCues) -> SentimentModel:
    """A model fitted on these examples."""
    return SentimentModel(cues).fit(texts, labels)


# ---- the on-disk cache: json + npz (no pickle, so loading runs no code), keyed by what the fit depends on ----------

MODEL_FORMAT = "frontline-sentiment-1"


def model_hash(examples: Path, cues_file: Path) -> str:
    """A hash of the example files, the cue file, the feature code, the fit settings and the library versions that
    shape the fitted parameters, naming the cached model."""
    from importlib.metadata import version

    from services.adapters.local import sentiment_cues, sentiment_features

    settings = f"{MODEL_FORMAT}|{DEFAULT_C}|{version('scikit-learn')}|{version('vaderSentiment')}"
    digest = hashlib.sha256(settings.encode())
    for source in (sentiment_features.__file__, sentiment_cues.__file__, cues_file):
        digest.update(Path(source).read_bytes())
    for path in sorted(examples.glob("*.yaml")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def save_model(model: SentimentModel, folder: Path, key: str = "") -> Path:
    """Write manifest.json, vocab.json and model.npz into `folder` (via a temporary folder renamed into place, so a
    reader never sees half a model and two processes saving at once both end with a whole one)."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    try:
        vocab, arrays = model.features.fitted_state()
        (staging / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
        np.savez(staging / "model.npz", coef=model.coef, intercept=model.intercept, **arrays)  # type: ignore[arg-type]  # numpy stub: **kwds seen as allow_pickle
        manifest = {"format": MODEL_FORMAT, "key": key, "classes": model.classes, "c": model.c,
                    "temperature": model.temperature, "dense_weight": model.features.dense_weight}
        (staging / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        try:
            staging.rename(folder)
        except OSError:  # another process saved the same model first: keep theirs
            if not (folder / "manifest.json").exists():
                raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return folder


def load_model(folder: Path, cues: EmotionCues) -> SentimentModel:
    """Read a folder written by save_model().

    Raises:
        ConfigError: the folder is missing, incomplete or in another format.
    """
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        vocab = json.loads((folder / "vocab.json").read_text(encoding="utf-8"))
        with np.load(folder / "model.npz", allow_pickle=False) as npz:
            arrays = dict(npz)
        if manifest.get("format") != MODEL_FORMAT:
            raise ValueError(f"format {manifest.get('format')!r}, expected {MODEL_FORMAT!r}")
        model = SentimentModel(cues, float(manifest["c"]), float(manifest["temperature"]))
        model.features.dense_weight = float(manifest["dense_weight"])
        model.features.restore(vocab, arrays)
        model.classes = [str(label) for label in manifest["classes"]]
        model.coef, model.intercept = arrays["coef"], arrays["intercept"]
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise ConfigError(f"{folder} is not a sentiment model folder ({e})") from e
    if model.coef.shape != (len(model.intercept), model.features.width()) or len(model.classes) < 2:
        raise ConfigError(f"{folder}: the sentiment model's arrays do not fit together; delete the folder")
    return model


def _cached_or_trained(cache_root: Path, examples: Path, cues: EmotionCues) -> SentimentModel:
    """The model for these examples and cues from <cache_root>/sentiment-default-<hash>, else trained and cached."""
    key = model_hash(examples, cues.path)
    folder = cache_root / f"sentiment-default-{key}"
    try:
        return load_model(folder, cues)
    except ConfigError:
        pass
    model = train(*load_examples(examples), cues)
    try:
        if folder.exists():  # unreadable (say, cut short by a full disk): replace it
            shutil.rmtree(folder, ignore_errors=True)
        save_model(model, folder, key)
        for stale in cache_root.glob("sentiment-default-*"):
            if stale != folder:
                shutil.rmtree(stale, ignore_errors=True)
    except OSError:
        pass  # an unwritable cache only costs a retrain at the next start
    return model


def _shared_model(data_dir: Path, cues: EmotionCues) -> SentimentModel:
    """The model trained on a data folder's examples: from memory, else from the cache folder, else trained (and
    cached), once per process."""
    key = (data_file(data_dir, EXAMPLES_DIR), cues.path)
    with _LOCK:
        if key not in _MODELS:
            _MODELS[key] = _cached_or_trained(data_dir / "models", key[0], cues)
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
