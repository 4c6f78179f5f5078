"""Fixtures the local adapters' test files share."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def detector():
    """The default PII detector (Presidio + our rules), one per test module (test_language.py has a detector of its
    own, which wins there)."""
    from services.adapters.local.pii_presidio import PresidioPiiDetector

    return PresidioPiiDetector()
