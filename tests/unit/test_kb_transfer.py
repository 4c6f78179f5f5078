"""Knowledge-base import and export (issue 17 item 2): markdown, CSV and JSON; all or nothing; bad rows reported
one by one; bounded sizes; drafts unless an approver asks. Through the use cases and the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from services import kb_transfer, knowledge
from services.bootstrap import build_services
from services.errors import ImportRejected, InvalidInput, PermissionDenied
from services.models import User
from services.views import ImportProblem
from tests.fakes import fake_pipeline
from tests.repos import repos

EDITOR = User(3, "editor", "Jonas Weber", "kb_editor")
AGENT = User(1, "agent", "Alex Rivera", "agent")
ROOT = Path(__file__).resolve().parents[2]

MARKDOWN = b"""---
title: Pairing Corvo earbuds
tags: [earbuds, bluetooth]
language: en
area: Audio
---

# Pairing

Hold both buttons for **5 seconds**.
"""
CSV = ("title,body,tags\n"
       "Gift cards,\"Gift cards never expire.\n\nUse them at checkout.\",\"gifts, payments\"\n"
       "Invoices,Download them from Account → Orders.,\n").encode()
JSON = json.dumps([{"title": "Tracking", "body": "Use the link in the e-mail.", "tags": ["delivery"],
                    "language": "es", "product_area": "Delivery"}]).encode()


@pytest.fixture
def svc(settings):
    return build_services(settings, **fake_pipeline())


def test_markdown_csv_and_json_are_imported_as_drafts_with_their_fields(svc):
    report = kb_transfer.import_articles(svc, EDITOR, [("corvo.md", MARKDOWN), ("faq.csv", CSV),
                                                       ("more.json", JSON)])
    assert report.state == "draft"
    got = [(a.title, a.tags, a.language, a.category, a.status, a.owner) for a in repos(svc).articles.all()]
    assert got == [("Pairing Corvo earbuds", ("earbuds", "bluetooth"), "en", "Audio", "draft", "editor"),
                   ("Gift cards", ("gifts", "payments"), "en", "General", "draft", "editor"),
                   ("Invoices", (), "en", "General", "draft", "editor"),
                   ("Tracking", ("delivery",), "es", "Delivery", "draft", "editor")]
    assert repos(svc).articles.all()[1].body == "Gift cards never expire.\n\nUse them at checkout.\n"
    assert repos(svc).articles.versions(1)[0].summary == "Imported"
    assert sum(e.action == "article_create" for e in repos(svc).audit.entries()) == 4


def test_a_bad_file_is_reported_row_by_row_and_nothing_is_imported(svc):
    bad_csv = b"title,body,tags\nFine,Good body,\n,No title here,\nEmpty body,,\nFine,Again,\nTagged,Body,<b>\n"
    bad_json = b'[{"title": "T", "body": "B", "colour": "red"}, 7]'
    with pytest.raises(ImportRejected, match="7 problem.*in 3 file.*nothing was imported") as rejected:
        kb_transfer.import_articles(svc, EDITOR, [("ok.md", MARKDOWN), ("bad.csv", bad_csv),
                                                  ("bad.json", bad_json), ("notes.txt", b"hello")])
    problems = [(p.file, p.row, p.field) for p in rejected.value.problems]
    assert problems == [("bad.csv", 3, "title"), ("bad.csv", 4, "body"), ("bad.csv", 5, "title"),
                        ("bad.csv", 6, "tags"), ("bad.json", 1, "colour"), ("bad.json", 2, "row"),
                        ("notes.txt", 0, "file")]
    assert ImportProblem("bad.csv", 5, "title", "the same title as bad.csv row 2") in rejected.value.problems
    assert repos(svc).articles.all() == []
    assert repos(svc).audit.entries() == []


def test_an_existing_title_is_reported_not_duplicated(svc):
    knowledge.create_article(svc, EDITOR, "Pairing Corvo earbuds", "Old text.")
    with pytest.raises(ImportRejected) as rejected:
        kb_transfer.import_articles(svc, EDITOR, [("corvo.md", MARKDOWN)])
    assert [(p.row, p.field) for p in rejected.value.problems] == [(1, "title")]
    assert "exists (id 1" in rejected.value.problems[0].reason
    assert len(repos(svc).articles.all()) == 1


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("latin1.md", "# Café\n\ncrème".encode("latin-1"), "not UTF-8"),
    ("deep.json", b"[" * 100_000, "not valid JSON"),
    ("open.md", b"---\ntitle: x\n" + b"k: v\n" * 60, "not closed"),
    ("wide.csv", b"title,body\nT," + b"x" * 200_000 + b"\n", "not readable as CSV"),
    ("nohead.csv", b"name,text\nA,B\n", "no title or body column"),
    ("headless.md", b"Just some text without a title.", "title is missing"),
])
def test_unreadable_files_say_why(svc, name, data, reason):
    with pytest.raises(ImportRejected) as rejected:
        kb_transfer.import_articles(svc, EDITOR, [(name, data)])
    assert any(reason in p.reason for p in rejected.value.problems), rejected.value.problems
    assert repos(svc).articles.all() == []


def test_sizes_are_bounded_before_anything_is_parsed(svc):
    with pytest.raises(InvalidInput, match="at most 2,000,000"):
        kb_transfer.import_articles(svc, EDITOR, [("big.md", b"x" * 2_000_001)])
    with pytest.raises(InvalidInput, match="at most 10,000,000"):
        kb_transfer.import_articles(svc, EDITOR, [(f"{i}.md", b"x" * 1_900_000) for i in range(6)])
    many = ("title,body\n" + "".join(f"T{i},B\n" for i in range(2_001))).encode()
    with pytest.raises(InvalidInput, match="at most 2,000 articles"):
        kb_transfer.import_articles(svc, EDITOR, [("many.csv", many)])
    with pytest.raises(InvalidInput, match="at least one"):
        kb_transfer.import_articles(svc, EDITOR, [])


def test_an_approver_may_import_approved_articles_which_agents_then_find(svc):
    report = kb_transfer.import_articles(svc, EDITOR, [("corvo.md", MARKDOWN)], approve=True)
    assert [a.status for a in report.articles] == ["approved"]
    assert repos(svc).articles.versions(1)[0].summary == "Imported as approved"
    assert knowledge.search(svc, AGENT, "pair my earbuds")[0].title == "Pairing Corvo earbuds"
    with pytest.raises(PermissionDenied):
        kb_transfer.import_articles(svc, AGENT, [("corvo.md", MARKDOWN)])


@pytest.mark.parametrize("fmt", ["md", "csv", "json"])
def test_an_export_imports_again_unchanged(svc, settings, tmp_path, fmt):
    kb_transfer.import_articles(svc, EDITOR, [("corvo.md", MARKDOWN), ("faq.csv", CSV), ("more.json", JSON)])
    files = kb_transfer.export_articles(svc, EDITOR, fmt)
    fresh = build_services(settings.__class__(db_path=str(tmp_path / "fresh.db")), **fake_pipeline())
    kb_transfer.import_articles(fresh, EDITOR, files)

    def fields(services):
        return [(a.title, a.body, a.tags, a.language, a.category) for a in repos(services).articles.all()]

    assert fields(fresh) == fields(svc)


def _cli(*args: str, db: Path) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "FRONTLINE_DB_PATH": str(db), "FRONTLINE_CONFIG": str(db.parent / "none.yaml"),
           "HOME": str(db.parent)}
    return subprocess.run([sys.executable, "-m", "services", "kb", *args], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=120, check=False)


def test_the_command_line_imports_a_folder_reports_bad_rows_and_exports(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "corvo.md").write_bytes(MARKDOWN)
    (folder / "faq.csv").write_bytes(CSV)
    db = tmp_path / "frontline.db"
    done = _cli("import", str(folder), db=db)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["imported"] == 3
    (tmp_path / "bad.csv").write_bytes(b"title,body\nNew one,\n")
    refused = _cli("import", str(tmp_path / "bad.csv"), db=db)
    assert refused.returncode == 2
    assert refused.stderr.splitlines() == ["bad.csv:2: body: the body is missing",
                                           "error: 1 problem(s) in 1 file(s); nothing was imported"]
    out = tmp_path / "out.json"
    assert _cli("export", str(out), "--format", "json", "--state", "draft", db=db).returncode == 0
    assert [a["title"] for a in json.loads(out.read_text())["articles"]] == [
        "Pairing Corvo earbuds", "Gift cards", "Invoices"]
    again = _cli("export", str(out), "--format", "json", db=db)
    assert again.returncode == 2 and "exists" in again.stderr
