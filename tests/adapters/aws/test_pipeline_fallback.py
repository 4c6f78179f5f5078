"""With backend: aws and AWS unreachable (no credentials here), the real pipeline answers from the local
providers and says so — what the agent sees as the 'degraded' banner."""

from __future__ import annotations

import pytest

from services import assist
from services.bootstrap import build_services
from services.config import Settings


@pytest.fixture
def no_aws_credentials(monkeypatch, tmp_path):
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "none"))


def test_an_unreachable_aws_backend_degrades_to_local_and_names_each_capability(tmp_path, no_aws_credentials):
    services = build_services(Settings(backend="aws", db_path=str(tmp_path / "x.db"), aws_timeout_s=0.5))
    analysis = assist.analyze_message(services, "where is my order BW-104233? this is taking forever")
    assert analysis.degraded
    assert "local" in analysis.provider.split("+")
    failed = {notice.split(":")[0] for notice in analysis.notices}
    assert {"language", "pii", "intent", "sentiment", "entities", "replies"} <= failed
    assert all("aws unavailable" in n for n in analysis.notices if not n.startswith("knowledge base"))
    assert analysis.intent.label == "Order Status"
    assert 2 <= len(analysis.suggestions) <= 3
