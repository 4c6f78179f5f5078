"""The "openai" provider is registered for drafter and replies, chosen only when configured, and built without any
call; an unknown provider name is still a ConfigError listing the valid ones."""

from __future__ import annotations

import pytest

from services import registry
from services.adapters.openai_compat.providers import OpenAIArticleDrafter, OpenAIReplyGenerator
from services.bootstrap import build_services
from services.config import Settings, load_settings
from services.errors import ConfigError
from tests.llama_server import free_port


@pytest.mark.parametrize("capability", ["drafter", "replies"])
def test_openai_is_a_provider_of_drafting_and_replies_but_never_the_default(capability, tmp_path):
    assert registry.provider_names(capability) == ["local", "aws", "openai"]
    assert "OpenAI-compatible endpoint" in registry.description(capability, "openai")
    assert build_services(Settings(db_path=str(tmp_path / "x.db"))).provider(capability) == "local"
    assert build_services(Settings(backend="aws", db_path=str(tmp_path / "x.db"))).provider(capability) == "aws"


def test_configured_openai_providers_are_built_without_calling_the_endpoint(tmp_path):
    closed = f"http://127.0.0.1:{free_port()}/v1"  # nothing listens: building must not notice
    settings = Settings(db_path=str(tmp_path / "x.db"), providers={"drafter": "openai", "replies": "openai"},
                        openai_base_url=closed, openai_model="m")
    services = build_services(settings)
    assert isinstance(services.get("drafter"), OpenAIArticleDrafter)
    assert isinstance(services.get("replies"), OpenAIReplyGenerator)
    assert services.provider("drafter") == "openai"


def test_an_unknown_drafting_provider_lists_the_valid_ones(tmp_path):
    settings = load_settings(tmp_path / "none.yaml", environ={"FRONTLINE_PROVIDER_DRAFTER": "ollama"})
    with pytest.raises(ConfigError, match="unknown provider 'ollama' for drafter; valid: local, aws, openai"):
        build_services(settings)
