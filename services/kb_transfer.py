"""Knowledge-base import and export: markdown files, CSV and JSON (formats: services/kb_formats.py).

An import is all or nothing: every row of every file is read and validated first, each bad one reported
(file, row, field, reason) in one ``ImportRejected``; only a clean import is stored, in one unit of work. Sizes are
bounded before anything is parsed (per file, in total, in files and in articles), so no upload can hold the server.
Imported articles are drafts, unless the importer may approve articles and asks for them approved.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from services.bootstrap import Services
from services.clock import now_iso
from services.errors import ImportRejected, InvalidInput
from services.kb_formats import FORMATS, RawArticle, export_files, format_of, parse
from services.kb_rules import (
    clean_area,
    clean_body,
    clean_language,
    clean_tags,
    clean_title,
    duplicate_titles,
    slug_for,
)
from services.models import ARTICLE_STATES, Article, User
from services.permissions import require
from services.validation import clean_choice
from services.views import ImportProblem, ImportReport

MAX_FILE_BYTES = 2_000_000
MAX_IMPORT_BYTES = 10_000_000
MAX_FILES = 1_000
MAX_ARTICLES = 2_000
MAX_PROBLEMS_SHOWN = 200
_CLEANERS = {"title": clean_title, "body": clean_body, "tags": clean_tags, "language": clean_language,
             "area": clean_area}


def import_articles(services: Services, user: User, files: Sequence[tuple[str, bytes]], *,
                    approve: bool = False) -> ImportReport:
    """Store the articles of these files (name, content) as drafts, or approved when ``approve`` is asked by a
    role that may approve articles; each creation is audited, and one entry records the import.

    Raises:
        PermissionDenied: a role that may not write articles ("article.edit"), or may not approve them and asked to.
        InvalidInput: no files, too many, or too large (nothing is read).
        ImportRejected: a file or row is bad; ``.problems`` says which and why; nothing was stored.
    """
    user = require(user, "article.edit")
    if approve:
        require(user, "article.approve")
    files = _bounded(files)
    raws: list[RawArticle] = []
    problems: list[ImportProblem] = []
    for name, data in files:
        found, trouble = parse(name, data)
        raws += found
        problems += trouble
    if len(raws) > MAX_ARTICLES:
        raise InvalidInput(f"an import holds at most {MAX_ARTICLES:,} articles; these files hold {len(raws):,}")
    rows = [_validated(raw, problems) for raw in raws]
    with services.uow() as uow:
        existing = uow.articles.all()
        _duplicates(raws, rows, existing, problems)
        if problems:
            raise _rejected(problems)
        state = "approved" if approve else "draft"
        stored = _store(uow, user, [row for row in rows if row is not None], existing, state)
        uow.audit.record(user.username, "article_import", "article", "", f"{len(stored)} articles as {state} from "
                         f"{len(files)} file(s): {', '.join(name for name, _ in files)[:300]}")
    return ImportReport(tuple(stored), state)


def _bounded(files: Any) -> list[tuple[str, bytes]]:
    if not isinstance(files, (list, tuple)) or not files:
        raise InvalidInput("choose at least one .md, .csv or .json file to import")
    if len(files) > MAX_FILES:
        raise InvalidInput(f"an import takes at most {MAX_FILES:,} files; got {len(files):,}")
    checked, total = [], 0
    for item in files:
        if not (isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str)
                and isinstance(item[1], (bytes, bytearray))):
            raise InvalidInput("each file must be a name and its bytes")
        name, data = item[0][:200], bytes(item[1])
        if len(data) > MAX_FILE_BYTES:
            raise InvalidInput(f"{name} is {len(data):,} bytes; a file may have at most {MAX_FILE_BYTES:,}")
        total += len(data)
        checked.append((name, data))
    if total > MAX_IMPORT_BYTES:
        raise InvalidInput(f"the files hold {total:,} bytes; an import may have at most {MAX_IMPORT_BYTES:,}")
    return checked


def _validated(raw: RawArticle, problems: list[ImportProblem]) -> dict[str, Any] | None:
    """The row's fields cleaned (title and body required), or None with each bad field added to problems."""
    cleaned, ok = {}, True
    for field, clean in _CLEANERS.items():
        value = raw.values.get(field)
        if field in ("title", "body") and (value is None or (isinstance(value, str) and not value.strip())):
            problems.append(ImportProblem(raw.file, raw.row, field, f"the {field} is missing"))
            ok = False
            continue
        try:
            cleaned[field] = clean(value)
        except InvalidInput as e:
            problems.append(ImportProblem(raw.file, raw.row, field, str(e)))
            ok = False
    return cleaned if ok else None


def _duplicates(raws: list[RawArticle], rows: list[dict[str, Any] | None], existing: list[Article],
                problems: list[ImportProblem]) -> None:
    titles = [row["title"] if row else f"\0{i}" for i, row in enumerate(rows)]
    for i, first in duplicate_titles(titles).items():
        problems.append(ImportProblem(raws[i].file, raws[i].row, "title",
                                      f"the same title as {raws[first].file} row {raws[first].row}"))
    known = {a.title.casefold(): a for a in existing}
    for raw, row in zip(raws, rows, strict=True):
        if row and row["title"].casefold() in known:
            other = known[row["title"].casefold()]
            problems.append(ImportProblem(raw.file, raw.row, "title",
                                          f"an article with this title exists (id {other.id}, {other.slug})"))


def _rejected(problems: list[ImportProblem]) -> ImportRejected:
    files = len({p.file for p in problems})
    shown = sorted(problems, key=lambda p: (p.file, p.row))[:MAX_PROBLEMS_SHOWN]
    return ImportRejected(f"{len(problems)} problem(s) in {files} file(s); nothing was imported", tuple(shown))


def _store(uow: Any, user: User, rows: list[dict[str, Any]], existing: list[Article], state: str) -> list[Article]:
    taken = {a.slug for a in existing}
    stored, at = [], now_iso()
    for row in rows:
        slug = slug_for(row["title"], taken)
        taken.add(slug)
        article = uow.articles.add(Article(0, slug, row["title"], row["body"], row["area"], state, 1, at,
                                           row["language"], row["tags"], user.username),
                                   actor=user.username, summary="Imported" + (" as approved" if state == "approved"
                                                                                else ""))
        uow.audit.record(user.username, "article_create", "article", str(article.id), f"imported: {article.title}")
        stored.append(article)
    return stored


def export_articles(services: Services, user: User, fmt: str, state: str | None = None) -> list[tuple[str, bytes]]:
    """Articles (all, or in one state) as files: one markdown file per article, or one CSV or JSON file.

    Raises:
        PermissionDenied: a role that may not browse articles ("article.read").
        InvalidInput: an unknown format or state.
    """
    user = require(user, "article.read")
    fmt = clean_choice(fmt, "format", FORMATS)
    if state is not None:
        state = clean_choice(state, "article state", ARTICLE_STATES)
    with services.uow() as uow:
        articles = uow.articles.all(status=state)
        uow.audit.record(user.username, "article_export", "article", "", f"{len(articles)} articles as {fmt}")
    return export_files(articles, fmt)


def supported(name: str) -> bool:
    """Whether a file name is one an import reads (.md, .markdown, .csv, .json)."""
    return isinstance(name, str) and format_of(name) is not None
