"""A CRF token tagger (python-crfsuite) for PERSON and ADDRESS, trained on our own labelled sets (tests/data/pii).

Built and measured in bench/pii_crf.py (session 16: its docstring holds the pre-registered rules and the figures);
the local detector (pii_presidio.PresidioPiiDetector) adds its spans when the ``pii_crf`` setting is on (on by
default since session 16), at ``THRESHOLD`` (``CUE_THRESHOLD`` right after a name cue, since session 23), through the
detector's own span filters (pii_presidio.with_crf). docs/models.md records the model file, its SHA-256 and how to
rebuild it:

    python -m services train-pii-crf [--out FILE]

The tagger: tokens are words (letters, digits, inner ' ’ - .) and single punctuation marks of the first MAX_CHARS
characters; features per token are the lower-cased word, its shape (Xx, x, X, xX, d, dx…), 2- and 3-letter prefixes
and suffixes, membership in the rules' lists (pii_rules.FIRST_NAMES, WORD_NAMES, PLACE_WORDS, NOT_NAMES, street
words, EAST_ASIAN_SURNAMES; imported, not copied), the same for the tokens ±2, the word and shape bigrams, first of
a line / of the text / after a "Speaker:" label, and name or address cue words among the four tokens before; BIO tags
over PER and ADDR; crfsuite L-BFGS, c1 0.05, c2 0.01, 150 iterations (deterministic: the same rows give the same
model bytes). The features read pii_rules' lists: a change to them changes the model that training gives (the test
that rebuilds it says so) and what the committed model sees, so retrain after one.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import threading
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from services.adapters.local import pii_rules
from services.errors import InvalidInput, ProviderUnavailable

ROOT = Path(__file__).resolve().parents[3]
MODEL_FILE = ROOT / "data" / "pii" / "crf-person-address.crfsuite"
MODEL_SHA256 = "ba3b984fe06549fded9ac7ced30c812f0d6451bd2aff02b506e9fdbeb1b8c108"
TRAINING_DIR = ROOT / "tests" / "data" / "pii"
# The sets the committed model is trained on: every tests/data/pii/*.jsonl but test.jsonl and the newest blind batches
# (blind29*, session 23: kept out to be scored), named so that a set added later (a fresh blind batch to score)
# changes nothing until the model is rebuilt on purpose. Sorted by name, as bench/pii_crf.py read them: the order of the rows is part of what gives the same bytes.
TRAINING_SETS = ("blind10", "blind10b", "blind10c", "blind10d", "blind11", "blind11b", "blind11c", "blind11d",
                 "blind12", "blind12b", "blind12c", "blind13", "blind13b", "blind13c", "blind14", "blind14b",
                 "blind14c", "blind15", "blind15b", "blind15c", "blind16", "blind16b", "blind16c", "blind17",
                 "blind17b", "blind17c", "blind18", "blind18b", "blind18c", "blind19", "blind19b", "blind19c",
                 "blind20", "blind20b", "blind20c", "blind21", "blind21b", "blind21c", "blind22", "blind22b", "blind22c",
                 "blind23", "blind23b", "blind23c", "blind24", "blind24b", "blind24c", "blind25", "blind25b", "blind25c",
                 "blind26", "blind26b", "blind26c", "blind27", "blind27b", "blind27c", "blind28", "blind28b", "blind28c",
                 "blind9", "blind9b", "blind9c",
                 "dev")
THRESHOLD = 0.9  # the detector keeps a span whose tokens' mean marginal probability is at least this (the rule's T)
# since session 23: a name right after a cue that introduces one (a sign-off, a signature's dash, "that's", "it's", "I'm",
# "my name is") needs less of the tagger's confidence — the cue is evidence the tagger's window only partly sees —, a
# name in lower case a little more than a capitalised one ("it's deer season": 0.84)
CUE_THRESHOLD = 0.8
CUE_THRESHOLD_LOWER = 0.85
MAX_CHARS = 5_000  # characters of a message read (the detector's Presidio bound)
KINDS = {"PERSON": "PER", "ADDRESS": "ADDR"}
LABEL_KINDS = {v: k for k, v in KINDS.items()}
TRAIN_PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}


def _pycrfsuite() -> Any:
    try:
        import pycrfsuite
    except ImportError:
        raise ProviderUnavailable("the CRF name tagger needs python-crfsuite (pip install -r requirements.txt), "
                                  "or turn the pii_crf setting off") from None
    return pycrfsuite


_TOKEN = re.compile(r"[^\W_](?:[\w]|['’.-](?=[^\W_]))*|\S")
_SPEAKER = re.compile(r"[^\W\d_]{2,15}$")
_STREET_WORDS = frozenset(w.lower().rstrip(".") for w in (pii_rules._EN_TYPES + "|" + pii_rules._FR_ES_PT_TYPES).split("|"))
_NAME_CUES = frozenset("""name named called is im i'm am this it's its me mr mrs ms miss dr regards thanks thank cheers
dear hi hello hey from by to for with wife husband son daughter mum mom dad mother father sister brother friend
partner neighbour neighbor colleague manager agent driver courier technician holder payee beneficiary sincerely best
llamo soy nombre je suis appelle nom heiße bin chamo sou nome sono chiamo signed sign attn attention""".split())
_ADDRESS_CUES = frozenset("""address live lives living at to deliver delivery ship send sent post moved move flat apt
apartment unit suite house home dirección direccion adresse anschrift endereço indirizzo wohne vivo habito j'habite
located based street road postcode zip""".split())


def _shape(word: str) -> str:
    if word.isdigit():
        return "d"
    if word.isalpha():
        if word.istitle():
            return "Xx"
        if word.islower():
            return "x"
        if word.isupper():
            return "X"
        return "xX"
    if any(c.isdigit() for c in word):
        return "dx" if any(c.isalpha() for c in word) else "d."
    return word if len(word) == 1 else "p"


def tokens(text: str) -> list[tuple[int, int]]:
    """(start, end) of the tokens of the first MAX_CHARS characters."""
    return [m.span() for m in _TOKEN.finditer(text, 0, min(len(text), MAX_CHARS))]


def features(text: str, spans: Sequence[tuple[int, int]]) -> list[list[str]]:
    """The features of each token (strings: crfsuite's attributes, each of weight 1)."""
    words = [text[s:e] for s, e in spans]
    info = [_word_features(w) for w in words]
    lows = [x[0] for x in info]
    shapes = [x[1] for x in info]
    # line position: first token of a line, and first token after a "Speaker:" label at a line's start
    line_start = []
    after_label = []
    previous_end = 0
    label_pending = False
    line_tokens = 0
    for i, (s, _e) in enumerate(spans):
        new_line = i == 0 or "\n" in text[previous_end:s]
        if new_line:
            line_tokens = 0
            label_pending = False
        line_start.append(new_line)
        after_label.append(label_pending)
        label_pending = line_tokens == 1 and words[i] == ":" and _SPEAKER.match(words[i - 1]) is not None
        line_tokens += 1
        previous_end = _e
    n = len(words)
    out: list[list[str]] = []
    for i in range(n):
        f = list(info[i][2])  # b, w=, s=, p2=, p3=, x2=, x3=, l= and "one" for a one-character token
        if line_start[i]:
            f.append("bol")
        if after_label[i]:
            f.append("lab")
        if i == 0:
            f.append("bos")
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                f += info[j][3][d]  # {d}w=, {d}s=, {d}l= of the token d away
            else:
                f.append(_EDGE[d])
        if i > 0:
            f.append(f"ww={lows[i - 1]}|{lows[i]}")
            f.append(f"ss={shapes[i - 1]}|{shapes[i]}")
            if "\n" in text[spans[i - 1][1]:spans[i][0]]:
                f.append("nl-1")
        if i + 1 < n:
            f.append(f"ss+={shapes[i]}|{shapes[i + 1]}")
        for j in range(max(0, i - 4), i):
            cue = info[j][4]  # nc= (a name cue) or ac= (an address cue) of each of the four tokens before
            if cue is not None:
                f.append(cue)
        out.append(f)
    return out


_EDGE = {d: f"{d}edge" for d in (-2, -1, 1, 2)}
WORD_CACHE_SIZE = 4096  # tokens whose features are remembered (~1.8 KB each: ~7 MB at most; cleared when full)
_WORDS: dict[str, tuple[str, str, tuple[str, ...], dict[int, tuple[str, str, str]], str | None]] = {}


def _word_features(word: str) -> tuple[str, str, tuple[str, ...], dict[int, tuple[str, str, str]], str | None]:
    """What features() reads of one token, made once per token (session 17: the same strings, ~25 µs less a message
    on bench/assist.py's; pii_rules' lists are constants): (lower-cased, shape, its own features, its features as
    the token d = -2, -1, 1, 2 away, its name or address cue feature or None)."""
    found = _WORDS.get(word)
    if found is None:
        low = word.lower()
        shape = _shape(word)
        tags = ""
        if low in pii_rules.FIRST_NAMES:
            tags += "F"
        if low in pii_rules.WORD_NAMES:
            tags += "W"
        if low in pii_rules.PLACE_WORDS:
            tags += "P"
        if low in pii_rules.NOT_NAMES:
            tags += "N"
        if low in _STREET_WORDS:
            tags += "S"
        if low in pii_rules.EAST_ASIAN_SURNAMES:
            tags += "A"
        own = ["b", "w=" + low, "s=" + shape, "p2=" + low[:2], "p3=" + low[:3], "x2=" + low[-2:], "x3=" + low[-3:],
               "l=" + tags]
        if len(word) == 1:
            own.append("one")
        near = {d: (f"{d}w={low}", f"{d}s={shape}", f"{d}l={tags}") for d in (-2, -1, 1, 2)}
        cue = "nc=" + low if low in _NAME_CUES else "ac=" + low if low in _ADDRESS_CUES else None
        found = (low, shape, tuple(own), near, cue)
        if len(_WORDS) >= WORD_CACHE_SIZE:
            _WORDS.clear()
        _WORDS[word] = found
    return found


def labels(spans: Sequence[tuple[int, int]], gold: Iterable[tuple[str, int, int]]) -> list[str]:
    """BIO tags of the tokens for labelled (kind, start, end) spans of PERSON and ADDRESS."""
    tags = ["O"] * len(spans)
    for kind, start, end in gold:
        label = KINDS.get(kind)
        if label is None:
            continue
        inside = False
        for i, (s, _e) in enumerate(spans):
            if start <= s < end:
                tags[i] = ("I-" if inside else "B-") + label
                inside = True
    return tags


def train(rows: Iterable[tuple[str, Sequence[tuple[str, int, int]]]], path: Path) -> None:
    """Fit the tagger on (text, labelled spans) rows and write it to path (deterministic for the same rows)."""
    trainer = _pycrfsuite().Trainer(verbose=False)
    for text, gold in rows:
        spans = tokens(text)
        if spans:
            trainer.append(features(text, spans), labels(spans, gold))
    trainer.set_params(TRAIN_PARAMS)
    trainer.train(str(path))


class CrfTagger:
    """PERSON and ADDRESS spans of a text from a trained crfsuite model."""

    def __init__(self, path: Path, threshold: float = 0.5) -> None:
        self._tagger = _pycrfsuite().Tagger()
        self._tagger.open(str(path))
        self._threshold = threshold
        self._lock = threading.Lock()  # a crfsuite Tagger holds the sequence it was set: one caller at a time

    def find(self, text: str, threshold: float | None = None) -> list[tuple[str, int, int, float]]:
        """(kind, start, end, mean marginal) of each span whose mean marginal is at least the threshold."""
        spans = tokens(text)
        if not spans:
            return []
        limit = self._threshold if threshold is None else threshold
        xseq = features(text, spans)
        out = []
        with self._lock:
            tags = self._tagger.tag(xseq)
            i = 0
            while i < len(tags):
                tag = tags[i]
                if tag == "O":
                    i += 1
                    continue
                label = tag[2:]
                j = i + 1
                while j < len(tags) and tags[j] == "I-" + label:
                    j += 1
                probability = sum(self._tagger.marginal(tags[k], k) for k in range(i, j)) / (j - i)
                if probability >= limit:
                    out.append((LABEL_KINDS[label], spans[i][0], spans[j - 1][1], round(probability, 3)))
                i = j
        return out


def verify_model(path: Path | None = None, expected: str = MODEL_SHA256) -> None:
    """The model file (default MODEL_FILE) is the one docs/models.md records (SHA-256), or nothing loads."""
    path = MODEL_FILE if path is None else Path(path)
    try:
        digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError as e:
        raise ProviderUnavailable(f"the CRF name tagger's model {path} cannot be read ({e.strerror or e}): rebuild it "
                                  "with `python -m services train-pii-crf`, or turn the pii_crf setting off") from None
    if digest != expected:
        raise ProviderUnavailable(f"the CRF name tagger's model {path} is not the one we checked (SHA-256 "
                                  f"{digest[:12]}…, expected {expected[:12]}…): restore it from git or rebuild it "
                                  "with `python -m services train-pii-crf`")


def open_tagger(path: Path | None = None, expected: str = MODEL_SHA256) -> CrfTagger:
    """A tagger of the checked model file, default MODEL_FILE (ProviderUnavailable when it is missing, changed or
    unreadable)."""
    path = MODEL_FILE if path is None else Path(path)
    verify_model(path, expected)
    try:
        return CrfTagger(Path(path), THRESHOLD)
    except (OSError, ValueError) as e:  # pragma: no cover - a file with the right digest opened before
        raise ProviderUnavailable(f"the CRF name tagger's model {path} cannot be opened: {e}") from None


_lock = threading.Lock()
_loaded: list[CrfTagger] = []


def tagger() -> CrfTagger:
    """The process's tagger of the committed model, opened (and checked) on first use."""
    with _lock:
        if not _loaded:
            _loaded.append(open_tagger())
        return _loaded[0]


def training_rows(folder: Path = TRAINING_DIR,
                  names: Sequence[str] = TRAINING_SETS) -> list[tuple[str, tuple[tuple[str, int, int], ...]]]:
    """(text, labelled spans) of the training sets, in order."""
    from services import pii_eval

    return [(e.text, e.pii) for name in names for e in pii_eval.load_jsonl(folder / f"{name}.jsonl")]


def part_beside(out: Path) -> Path:
    """A new empty file beside out (``<name>…part``) to write a model into and then rename over out, so that a failed
    run leaves out as it was; made before any training, so an output that cannot be written fails at once.

    Raises:
        InvalidInput: out's folder cannot be made or written.
    """
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=out.parent, prefix=out.name, suffix=".part", delete=False) as f:
            return Path(f.name)
    except OSError as e:
        raise InvalidInput(f"cannot write the model to {out}: {e.strerror or e}") from None


def build_model(out: Path | None = None, folder: Path = TRAINING_DIR) -> dict[str, Any]:
    """Train the model on the training sets and write it to out, default MODEL_FILE (the same sets give the same
    bytes). Reads local files only. The file is written beside out and renamed, so a failed run leaves out as it was.

    Raises:
        InvalidInput: a training set is missing or malformed, or out cannot be written.
    """
    rows = training_rows(folder)
    out = MODEL_FILE if out is None else Path(out)
    part = part_beside(out)
    try:
        started = time.process_time()
        train(rows, part)  # crfsuite says nothing when it cannot write: an empty file is the sign
        data = part.read_bytes()
        if not data:
            raise InvalidInput(f"cannot write the model to {out}: crfsuite wrote nothing")
        os.replace(part, out)
    except OSError as e:
        raise InvalidInput(f"cannot write the model to {out}: {e.strerror or e}") from None
    finally:
        part.unlink(missing_ok=True)
    digest = hashlib.sha256(data).hexdigest()
    return {"out": str(out), "messages": len(rows), "sets": len(TRAINING_SETS), "bytes": len(data),
            "sha256": digest, "matches_checked": digest == MODEL_SHA256,
            "train_cpu_s": round(time.process_time() - started, 1)}
