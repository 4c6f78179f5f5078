"""Knowledge-base files in and out (pure: bytes in, rows or bytes out; services/kb_transfer.py validates and stores).

Accepted formats, told apart by the file name's extension:

- ``.md`` / ``.markdown``: one article per file; an optional front matter block (``---`` lines) with ``title``,
  ``tags`` (``a, b`` or ``[a, b]``), ``language`` and ``area`` (also ``product_area`` or ``category``); without a
  title there, the first ``# heading`` is the title.
- ``.csv``: a header row with ``title`` and ``body`` (``tags``, ``language``, ``area`` optional); tags comma-separated
  inside their cell.
- ``.json``: a list of objects (or ``{"articles": [...]}``) with the same keys; tags a list or a text.

Keys an export writes that an import does not take (id, slug, state, version, owner, updated_at) are ignored, so an
export can be imported again; any other key is reported.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from services.models import Article
from services.views import ImportProblem

FORMATS = ("md", "csv", "json")
EXTENSIONS = {".md": "md", ".markdown": "md", ".csv": "csv", ".json": "json"}
ALIASES = {"product_area": "area", "category": "area", "product area": "area"}
FIELDS = ("title", "body", "tags", "language", "area")
EXPORT_ONLY = frozenset({"id", "slug", "state", "status", "version", "owner", "updated_at"})
MAX_FRONT_MATTER_LINES = 50


@dataclass(frozen=True)
class RawArticle:
    """One article as a file gave it, before validation (None: the file did not say)."""

    file: str
    row: int  # 1-based data row (CSV: the header is row 1, so data starts at 2); 1 for a markdown file
    values: dict[str, Any]


def format_of(name: str) -> str | None:
    lower = name.lower()
    return next((fmt for ext, fmt in EXTENSIONS.items() if lower.endswith(ext)), None)


def parse(name: str, data: bytes) -> tuple[list[RawArticle], list[ImportProblem]]:
    """The articles in one file, or the problems that make it unreadable (a bad row elsewhere is still read)."""
    fmt = format_of(name)
    if fmt is None:
        return [], [ImportProblem(name, 0, "file", "not a .md, .markdown, .csv or .json file")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return [], [ImportProblem(name, 0, "file", f"not UTF-8 text (byte {e.start:,})")]
    return {"md": _markdown, "csv": _csv, "json": _json}[fmt](name, text)


def _key(raw: Any) -> str:
    key = str(raw).strip().lower()
    return ALIASES.get(key, key)


def _unknown(name: str, row: int, keys: Iterable[str]) -> list[ImportProblem]:
    return [ImportProblem(name, row, key, f"unknown field (expected {', '.join(FIELDS)})")
            for key in keys if key not in FIELDS and key not in EXPORT_ONLY]


def _markdown(name: str, text: str) -> tuple[list[RawArticle], list[ImportProblem]]:
    meta: dict[str, Any] = {}
    body = text
    if text.startswith("---\n") or text.startswith("---\r\n"):
        lines = text.replace("\r\n", "\n").split("\n")
        end = next((i for i, line in enumerate(lines[1:MAX_FRONT_MATTER_LINES + 2], start=1)
                    if line.strip() == "---"), None)
        if end is None:
            return [], [ImportProblem(name, 1, "front matter",
                                      f"the --- block is not closed within {MAX_FRONT_MATTER_LINES} lines")]
        for line in lines[1:end]:
            if line.strip() and not line.lstrip().startswith("#"):
                key, _, value = line.partition(":")
                meta[_key(key)] = _unquote(value.strip())
        body = "\n".join(lines[end + 1:])
    if not meta.get("title"):
        heading = next((line for line in body.split("\n", 200)[:200] if line.strip()), "")
        if heading.startswith("# "):
            meta["title"] = heading[2:].strip()
    if isinstance(meta.get("tags"), str) and meta["tags"].startswith("[") and meta["tags"].endswith("]"):
        meta["tags"] = [_unquote(t.strip()) for t in meta["tags"][1:-1].split(",")]
    problems = _unknown(name, 1, meta)
    return [RawArticle(name, 1, {**{k: v for k, v in meta.items() if k in FIELDS}, "body": body})], problems


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] == '"':
        try:
            decoded = json.loads(value)  # what to_markdown writes: a JSON string
            return decoded if isinstance(decoded, str) else value
        except ValueError:
            return value[1:-1]
    return value[1:-1] if len(value) >= 2 and value[0] == value[-1] == "'" else value


def _csv(name: str, text: str) -> tuple[list[RawArticle], list[ImportProblem]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [_key(h) for h in next(reader, [])]
    except csv.Error as e:
        return [], [ImportProblem(name, 1, "header", f"not readable as CSV ({e})")]
    missing = [f for f in ("title", "body") if f not in header]
    if missing:
        return [], [ImportProblem(name, 1, "header", f"no {' or '.join(missing)} column (the header row must "
                                                     "name title, body and optionally tags, language, area)")]
    problems = _unknown(name, 1, header)
    rows: list[RawArticle] = []
    for number, cells in _numbered(reader, problems, name):
        if not any(cell.strip() for cell in cells):
            continue  # a blank line
        if len(cells) != len(header):
            problems.append(ImportProblem(name, number, "row", f"{len(cells)} cells; the header has {len(header)}"))
            continue
        rows.append(RawArticle(name, number, {k: v for k, v in zip(header, cells, strict=True) if k in FIELDS}))
    return rows, problems


def _numbered(reader: Any, problems: list[ImportProblem], name: str) -> Iterator[tuple[int, list[str]]]:
    """Data rows numbered as a spreadsheet shows them (the header is row 1); a row CSV cannot read stops the file."""
    number = 1
    while True:
        number += 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            problems.append(ImportProblem(name, number, "row", f"not readable as CSV ({e})"))
            return
        yield number, cells


def _json(name: str, text: str) -> tuple[list[RawArticle], list[ImportProblem]]:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as e:
        return [], [ImportProblem(name, 0, "file", f"not valid JSON ({str(e)[:120]})")]
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    if not isinstance(data, list):
        return [], [ImportProblem(name, 0, "file", 'expected a list of articles (or {"articles": [...]})')]
    rows, problems = [], []
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            problems.append(ImportProblem(name, number, "row", "an article must be an object with title and body"))
            continue
        values = {_key(k): v for k, v in item.items()}
        problems += _unknown(name, number, values)
        rows.append(RawArticle(name, number, {k: v for k, v in values.items() if k in FIELDS}))
    return rows, problems


# ---- export ---------------------------------------------------------------------------------------------------


def _record(article: Article) -> dict[str, Any]:
    return {"title": article.title, "body": article.body, "tags": list(article.tags), "language": article.language,
            "area": article.category, "slug": article.slug, "state": article.status, "version": article.version,
            "owner": article.owner, "updated_at": article.updated_at}


def to_markdown(article: Article) -> bytes:
    """One article as a markdown file with front matter (quoted values, so a colon or a # is kept)."""
    def quoted(value: str) -> str:
        return json.dumps(value, ensure_ascii=False)

    head = [f"title: {quoted(article.title)}", f"tags: [{', '.join(article.tags)}]",
            f"language: {article.language}", f"area: {quoted(article.category)}", f"slug: {article.slug}",
            f"state: {article.status}", f"version: {article.version}", f"owner: {article.owner}",
            f"updated_at: {article.updated_at}"]
    return ("---\n" + "\n".join(head) + "\n---\n\n" + article.body.rstrip("\n") + "\n").encode("utf-8")


def to_csv(articles: Iterable[Article]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(FIELDS)
    for article in articles:
        writer.writerow([article.title, article.body, ", ".join(article.tags), article.language, article.category])
    return out.getvalue().encode("utf-8")


def to_json(articles: Iterable[Article]) -> bytes:
    return (json.dumps({"articles": [_record(a) for a in articles]}, ensure_ascii=False, indent=2) + "\n").encode()


def export_files(articles: list[Article], fmt: str) -> list[tuple[str, bytes]]:
    """(file name, content) pairs: one ``<slug>.md`` per article, or one ``articles.csv`` / ``articles.json``."""
    if fmt == "md":
        return [(f"{a.slug}.md", to_markdown(a)) for a in articles]
    return [(f"articles.{fmt}", to_csv(articles) if fmt == "csv" else to_json(articles))]
