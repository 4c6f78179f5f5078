"""The product catalogue (data/catalog.yaml) as small dataclasses."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from services.errors import ConfigError


@dataclass(frozen=True)
class Product:
    sku: str
    name: str
    category: str
    price: float


def load_catalog(path: Path) -> list[Product]:
    """The products listed in a catalogue file.

    Args:
        path: a YAML file with a ``products:`` list of {sku, name, category, price}.

    Returns:
        The products in file order.

    Raises:
        ConfigError: the file is missing or malformed.
    """
    try:
        rows = yaml.safe_load(Path(path).read_text(encoding="utf-8"))["products"]
        return [Product(r["sku"], r["name"], r["category"], float(r["price"])) for r in rows]
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError) as e:
        raise ConfigError(f"cannot read the product catalogue {path}: {e}") from e


def local_price(usd: float, fx: float) -> float:
    """A shelf price in another currency: converted, then ending in .99 (round sums stay round)."""
    if usd == int(usd):
        return float(max(5, round(usd * fx / 5) * 5))
    return int(usd * fx) + 0.99
