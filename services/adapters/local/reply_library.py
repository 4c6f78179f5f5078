"""The response library: reply templates per intent, read from ``<data_dir>/responses/<intent-slug>.yaml``.

A file holds ``intent`` (the label), ``subtopics`` (name -> keyword phrases found in the customer's message)
and ``templates``, each with ``id`` and ``text`` and optionally ``subtopic``, ``requires`` (slots that must
have a value; every ``{slot}`` in the text is required anyway), ``asks_for`` (facts the reply asks the
customer for: skipped when all are known), ``when_status`` (order statuses, in the
vocabulary of STATUS_PHRASES), ``tone`` (neutral | apology | positive), ``channels`` and ``keywords``.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from services.errors import ConfigError
from services.yamlfile import load_mapping

FALLBACK_SLUG = "other"
TEMPLATE_KEYS = {"id", "text", "subtopic", "requires", "asks_for", "when_status", "tone", "channels", "keywords"}
TONES = ("neutral", "apology", "positive")
STATUSES = {
    "placed": "processing", "pending": "processing", "processing": "processing", "shipped": "shipped",
    "dispatched": "shipped", "in_transit": "shipped", "out_for_delivery": "out_for_delivery",
    "delivered": "delivered", "delayed": "delayed", "exception": "delayed", "lost": "lost",
    "cancelled": "cancelled", "canceled": "cancelled", "returned": "returned", "refunded": "refunded",
}
STATUS_PHRASES = {
    "processing": "being prepared in our warehouse", "shipped": "on its way", "delayed": "running late",
    "out_for_delivery": "out for delivery today", "delivered": "showing as delivered", "lost": "lost in transit",
    "cancelled": "cancelled", "returned": "back with us as a return", "refunded": "refunded",
}
_FIELDS = string.Formatter()


@dataclass(frozen=True)
class Template:
    slug: str
    id: str
    text: str
    subtopic: str = ""
    requires: tuple[str, ...] = ()
    asks_for: tuple[str, ...] = ()
    when_status: tuple[str, ...] = ()
    tone: str = "neutral"
    channels: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()

    @property
    def slots(self) -> set[str]:
        """Every slot the template needs: declared ones and those in its text."""
        return set(self.requires) | {name for _, name, _, _ in _FIELDS.parse(self.text) if name}


@dataclass(frozen=True)
class Library:
    intent: str
    slug: str
    subtopics: dict[str, tuple[str, ...]]
    templates: tuple[Template, ...]


def _template(slug: str, raw: dict[str, Any], path: Path) -> Template:
    unknown = set(raw) - TEMPLATE_KEYS
    if unknown or not raw.get("id") or not raw.get("text"):
        raise ConfigError(f"{path}: each template needs id and text; unknown keys: {sorted(unknown)}")
    lists = {key: tuple(str(v) for v in raw.get(key, ())) for key in ("requires", "asks_for", "when_status",
                                                                          "channels", "keywords")}
    return Template(slug, str(raw["id"]), " ".join(str(raw["text"]).split()), str(raw.get("subtopic", "")),
                    tone=str(raw.get("tone", "neutral")), **lists)


def load_library(path: Path) -> Library:
    """One intent's response library from YAML.

    Raises:
        ConfigError: the file is not valid YAML or a template is malformed.
    """
    data = load_mapping(path, "a mapping with intent, subtopics and templates")
    slug = path.stem
    subtopics = {name: tuple(str(k).lower() for k in words) for name, words in (data.get("subtopics") or {}).items()}
    templates = tuple(_template(slug, raw, path) for raw in data.get("templates") or ())
    for template in templates:
        _check(template, subtopics, path)
    return Library(str(data.get("intent", slug)), slug, subtopics, templates)


def _check(template: Template, subtopics: dict[str, Any], path: Path) -> None:
    """Catch typos that would silently make a template unreachable."""
    problems = [f"status {s!r}" for s in template.when_status if s not in STATUS_PHRASES]
    if template.tone not in TONES:
        problems.append(f"tone {template.tone!r}")
    if template.subtopic and template.subtopic not in subtopics:
        problems.append(f"subtopic {template.subtopic!r}")
    if problems:
        raise ConfigError(f"{path}: template {template.id!r} has unknown {', '.join(problems)}")


def load_libraries(folder: Path) -> dict[str, Library]:
    """Intent label -> Library for every YAML file in the folder.

    Raises:
        ConfigError: the folder or its fallback library ("other") is missing, or a file is malformed.
    """
    libraries = {lib.intent: lib for lib in map(load_library, sorted(folder.glob("*.yaml")))}
    if not any(lib.slug == FALLBACK_SLUG for lib in libraries.values()):
        raise ConfigError(f"no response library at {folder}/{FALLBACK_SLUG}.yaml")
    return libraries
