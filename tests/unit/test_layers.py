"""Imports point down only: services never import streamlit; the UI never imports vendors or adapters."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UI_FORBIDDEN = ("boto3", "botocore", "sqlite_utils", "sqlite3", "psycopg", "psycopg_pool", "services.adapters")
SERVICES_FORBIDDEN = ("streamlit",)


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def violations(files: list[Path], forbidden: tuple[str, ...]) -> list[str]:
    found = []
    for path in files:
        for name in sorted(imported_modules(path)):
            if any(name == f or name.startswith(f + ".") for f in forbidden):
                shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
                found.append(f"{shown} imports {name}")
    return found


def ui_files() -> list[Path]:
    return [ROOT / "app.py", *sorted((ROOT / "pages").rglob("*.py")), *sorted((ROOT / "components").rglob("*.py"))]


def test_services_never_import_streamlit():
    files = sorted((ROOT / "services").rglob("*.py"))
    assert len(files) > 10
    assert violations(files, SERVICES_FORBIDDEN) == []


def test_pages_and_components_never_import_vendors_or_adapters():
    assert violations(ui_files(), UI_FORBIDDEN) == []


def test_only_the_postgres_adapter_imports_psycopg():
    """The default (SQLite) never needs the PostgreSQL driver: no other module of services imports it."""
    postgres = ROOT / "services" / "adapters" / "postgres"
    others = [p for p in sorted((ROOT / "services").rglob("*.py")) if not p.is_relative_to(postgres)]
    assert violations(others, ("psycopg", "psycopg_pool")) == []
    assert violations(sorted(postgres.rglob("*.py")), ("psycopg",)) != []  # the scan sees the adapter's imports


def test_the_scan_catches_a_bad_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from streamlit import session_state\n    import services.adapters.local.pii\n")
    assert "bad.py imports streamlit" in violations([bad], SERVICES_FORBIDDEN)
    assert "bad.py imports services.adapters.local.pii" in violations([bad], UI_FORBIDDEN)
