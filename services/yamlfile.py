"""Reading the YAML data files we ship (config, training examples, response library, cue lexicons)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from services.errors import ConfigError

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's safe loader: ~10x faster at start-up


def load_mapping(path: Path, expected: str = "a mapping") -> dict[str, Any]:
    """The mapping a YAML file holds ({} for an empty file).

    Args:
        path: the file.
        expected: what the file should hold, for the error message (e.g. "'label' and 'examples'").

    Raises:
        ConfigError: the file is missing, is not valid YAML, or does not hold a mapping.
    """
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}  # noqa: S506 - a safe loader
    except FileNotFoundError as e:
        raise ConfigError(f"{path} not found") from e
    except yaml.YAMLError as e:
        raise ConfigError(f"{path} is not valid YAML: {e}") from e
    if not isinstance(data, dict):
        raise ConfigError(f"{path} must hold {expected}")
    return data
