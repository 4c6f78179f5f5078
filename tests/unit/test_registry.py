import pytest

from services import registry
from services.bootstrap import build_services
from services.config import Settings
from services.errors import ConfigError


class FakeStore:
    def table_counts(self):
        return {}


def test_unknown_provider_name_lists_the_valid_ones(tmp_path):
    settings = Settings(db_path=str(tmp_path / "x.db"), providers={"intent": "watson"})
    with pytest.raises(ConfigError, match="unknown provider 'watson' for intent; valid: local, aws"):
        build_services(settings)


def test_unknown_capability_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="unknown capability 'telepathy'"):
        build_services(Settings(db_path=str(tmp_path / "x.db"), providers={"telepathy": "local"}))


def test_aws_backend_falls_back_to_local_where_no_aws_provider_exists(tmp_path):
    services = build_services(Settings(backend="aws", db_path=str(tmp_path / "x.db")))
    assert services.provider("store") == "local"
    assert services.provider("sentiment") == "aws"


def test_injected_fakes_replace_providers(tmp_path):
    fake = FakeStore()
    services = build_services(Settings(db_path=str(tmp_path / "x.db")), store=fake)
    assert services.store is fake
    assert services.is_overridden("store")
    assert services.provider("store") == "local"


def test_providers_are_built_once_and_lazily(tmp_path):
    db = tmp_path / "x.db"
    services = build_services(Settings(db_path=str(db)))
    assert not db.exists()
    assert services.store is services.store
    assert db.exists()


def test_every_capability_has_a_local_provider():
    for capability in registry.capabilities():
        assert "local" in registry.provider_names(capability), capability
