"""`kb import PATH` / `kb export PATH --format md|csv|json`: knowledge-base articles in and out of files.

An import reads a folder of markdown files (and any .csv / .json in it; not its sub-folders) or one file; it is all or nothing, and a bad
file is reported row by row (file, row, field, reason) on stderr with exit status 2. Sizes are checked on disk
before a byte is read. Articles arrive as drafts unless ``--approve`` is given.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from services import kb_transfer
from services.cli import print_json
from services.cli.common import services_from
from services.errors import ImportRejected, InvalidInput
from services.kb_formats import FORMATS
from services.models import ARTICLE_STATES
from services.permissions import CLI


def read_files(path: Path) -> list[tuple[str, bytes]]:
    """(name, bytes) of one file, or of the supported files of a folder (sorted; not its sub-folders), bounded by
    the import limits before anything is read.

    Raises:
        InvalidInput: no such file, nothing to import, too many or too large files, or a file that cannot be read.
    """
    try:
        return _read(path)
    except OSError as e:
        raise InvalidInput(f"cannot read {path}: {e.strerror or e}") from None


def _read(path: Path) -> list[tuple[str, bytes]]:
    if path.is_dir():
        found = sorted(p for p in path.iterdir() if p.is_file() and kb_transfer.supported(p.name))
        if not found:
            raise InvalidInput(f"{path} holds no .md, .markdown, .csv or .json file")
    elif path.is_file():
        found = [path]
    else:
        raise InvalidInput(f"{path} is not a file or folder")
    if len(found) > kb_transfer.MAX_FILES:
        raise InvalidInput(f"{path} holds {len(found):,} files; an import takes at most {kb_transfer.MAX_FILES:,}")
    sizes = {p: p.stat().st_size for p in found}
    for p, size in sizes.items():
        if size > kb_transfer.MAX_FILE_BYTES:
            raise InvalidInput(f"{p} is {size:,} bytes; a file may have at most {kb_transfer.MAX_FILE_BYTES:,}")
    if sum(sizes.values()) > kb_transfer.MAX_IMPORT_BYTES:
        raise InvalidInput(f"{path} holds {sum(sizes.values()):,} bytes; an import may have at most "
                           f"{kb_transfer.MAX_IMPORT_BYTES:,}")
    return [(p.name, p.read_bytes()) for p in found]


def _import(args: argparse.Namespace) -> int:
    files = read_files(Path(args.path))
    try:
        report = kb_transfer.import_articles(services_from(args), CLI, files, approve=args.approve)
    except ImportRejected as e:
        for p in e.problems:
            print(f"{p.file}:{p.row}: {p.field}: {p.reason}", file=sys.stderr)
        raise
    print_json({"imported": len(report.articles), "state": report.state,
                "articles": [{"id": a.id, "slug": a.slug, "title": a.title} for a in report.articles]})
    return 0


def _export(args: argparse.Namespace) -> int:
    target = Path(args.path)
    files = kb_transfer.export_articles(services_from(args), CLI, args.format, args.state)
    try:
        _write(target, args.format, files)
    except OSError as e:
        raise InvalidInput(f"cannot write {target}: {e.strerror or e}") from None
    print_json({"exported": args.format, "path": str(target), "files": len(files), "state": args.state or "all"})
    return 0


def _write(target: Path, fmt: str, files: list[tuple[str, bytes]]) -> None:
    if fmt == "md":
        if target.exists() and (not target.is_dir() or any(target.iterdir())):
            raise InvalidInput(f"{target} exists and is not an empty folder; markdown export writes one file per "
                               "article into a new or empty folder")
        target.mkdir(parents=True, exist_ok=True)
        for name, data in files:
            (target / name).write_bytes(data)
    else:
        if target.exists():
            raise InvalidInput(f"{target} exists; choose a new file name")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(files[0][1])


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("kb", help="import or export knowledge-base articles (markdown folder, CSV, JSON)")
    actions = parser.add_subparsers(dest="kb_command", metavar="ACTION", required=True)
    imp = actions.add_parser("import", help="import a folder of markdown files, a CSV (title,body,tags) or JSON; "
                                            "all or nothing, bad rows reported one per line")
    imp.add_argument("path", help="a folder (its .md/.markdown/.csv/.json files) or one file")
    imp.add_argument("--approve", action="store_true", help="store them approved, not as drafts")
    imp.set_defaults(func=_import)
    exp = actions.add_parser("export", help="export articles: md (a folder, one file each), csv or json (one file)")
    exp.add_argument("path", help="the folder (md) or file (csv, json) to write; must not exist (or be empty)")
    exp.add_argument("--format", choices=FORMATS, default="md")
    exp.add_argument("--state", choices=ARTICLE_STATES, help="only articles in this state (default: all)")
    exp.set_defaults(func=_export)
