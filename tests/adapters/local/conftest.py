"""Fixtures the local adapters' test files share."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def detector():
    """The default PII detector (Presidio + our rules), one per test module (test_language.py has a detector of its
    own, which wins there)."""
    from services.adapters.local.pii_presidio import PresidioPiiDetector

    return PresidioPiiDetector()


@pytest.fixture(scope="module")
def rules():
    """The PII detector without the CRF tagger (Presidio + our rules), as `PresidioPiiDetector()` builds it."""
    from services.adapters.local.pii_presidio import PresidioPiiDetector

    return PresidioPiiDetector()


@pytest.fixture(scope="module")
def tagged():
    """The PII detector with the CRF tagger and the learned check of PERSON spans, as the app serves it by default."""
    from services.adapters.local.pii_presidio import PresidioPiiDetector

    return PresidioPiiDetector(crf=True, person_check=True)
