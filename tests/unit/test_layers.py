"""Imports point down only: services never import streamlit; the UI never imports vendors or adapters; use cases
and commands never import adapters (bootstrap wires them); components import only what they render (views, models,
errors), never a use-case module."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UI_FORBIDDEN = ("boto3", "botocore", "sqlite_utils", "sqlite3", "psycopg", "psycopg_pool", "services.adapters")
SERVICES_FORBIDDEN = ("streamlit",)
USE_CASE_FORBIDDEN = ("services.adapters", "boto3", "botocore", "sqlite_utils")
# What a component may import from services: the dataclasses it renders, the errors it shows, and (components/state.py
# only) the container the app builds once.
COMPONENT_ALLOWED = ("services.models", "services.views", "services.errors", "services.bootstrap",
                     "services.permissions", "services.validation")  # the role table and pure checks, no data
COMPONENT_EXCEPTIONS: set[tuple[str, str]] = set()


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


def api_files() -> list[Path]:
    return sorted((ROOT / "api").rglob("*.py"))


def test_the_api_service_is_an_outer_layer_it_never_imports_vendors_or_adapters():
    """api/ (the ingestion API) reads HTTP and calls use cases, like a page: no adapter, driver or Streamlit."""
    files = api_files()
    assert any(p.name == "app.py" for p in files)
    assert violations(files, (*UI_FORBIDDEN, "streamlit")) == []


def test_services_never_import_the_web_framework():
    """The use cases stay callable from any process: only api/ imports Starlette and uvicorn."""
    assert violations(sorted((ROOT / "services").rglob("*.py")), ("starlette", "uvicorn", "api")) == []
    assert violations(api_files(), ("starlette",)) != []  # the scan sees api/'s imports


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


def use_case_files() -> list[Path]:
    """Every module under services/ but the adapters and bootstrap.py, the one wiring point (the CLI included)."""
    services = ROOT / "services"
    return [p for p in sorted(services.rglob("*.py"))
            if not p.is_relative_to(services / "adapters") and p != services / "bootstrap.py"]


def component_violations(files: list[Path]) -> list[str]:
    found = []
    for path in files:
        for name in sorted(imported_modules(path)):
            excepted = any(path.name == f and (name == m or name.startswith(m + ".")) for f, m in COMPONENT_EXCEPTIONS)
            if not name.startswith("services.") or excepted:
                continue
            if not any(name == a or name.startswith(a + ".") for a in COMPONENT_ALLOWED):
                found.append(f"{path.name} imports {name}")
    return found


def test_use_cases_never_import_adapters():
    files = use_case_files()
    assert any(p.name == "intents.py" for p in files) and any(p.parent.name == "cli" for p in files)
    assert violations(files, USE_CASE_FORBIDDEN) == []


def test_components_import_no_use_case_module():
    files = sorted((ROOT / "components").rglob("*.py"))
    assert len(files) > 5
    assert component_violations(files) == []


def test_the_use_case_and_component_scans_catch_bad_imports(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from services.conversations import AssistView\nfrom services import analytics\n"
                   "from services.views import Overview\nfrom services.adapters.local.intent import load_model\n")
    assert component_violations([bad]) == [
        "bad.py imports services.adapters.local.intent", "bad.py imports services.adapters.local.intent.load_model",
        "bad.py imports services.analytics", "bad.py imports services.conversations",
        "bad.py imports services.conversations.AssistView"]
    assert violations([bad], USE_CASE_FORBIDDEN) == ["bad.py imports services.adapters.local.intent",
                                                     "bad.py imports services.adapters.local.intent.load_model"]
