import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from services import registry
from services.bootstrap import Services, build_services
from services.config import Settings
from services.errors import ConfigError
from tests.fakes import FakePii

ROOT = Path(__file__).resolve().parents[2]


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


def test_every_port_is_a_registered_capability_and_back():
    assert sorted(Services.port_names()) == sorted(registry.capabilities())


def test_an_override_for_an_unknown_capability_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="unknown capability 'telepathy'"):
        build_services(Settings(db_path=str(tmp_path / "x.db")), telepathy=object())


def test_a_provider_registers_itself_with_the_decorator(tmp_path):
    built: list[str] = []

    @registry.provider("pii", "test-only", "PII for this test")
    def make(services: Services) -> FakePii:
        built.append("pii")
        return FakePii()

    try:
        assert registry.provider_names("pii")[0] == "local" and "test-only" in registry.provider_names("pii")
        assert registry.description("pii", "test-only") == "PII for this test"
        services = build_services(Settings(db_path=str(tmp_path / "x.db"), providers={"pii": "test-only"}))
        assert built == []
        assert isinstance(services.get("pii"), FakePii)
        assert services.pii is not services.get("pii")  # a remote provider sits behind the fall-back wrapper
        assert services.pii.find("x@example.com")[0].kind == "EMAIL"
    finally:
        del registry._PROVIDERS["pii"]["test-only"]


def test_a_port_is_built_once_across_threads(tmp_path):
    count: list[int] = []
    barrier = threading.Barrier(8)

    @registry.provider("language", "slow-test", "a slow language detector")
    def make(services: Services) -> object:
        count.append(1)
        time.sleep(0.05)
        return object()

    try:
        services = build_services(Settings(db_path=str(tmp_path / "x.db"), providers={"language": "slow-test"}))
        seen: list[object] = []

        def read() -> None:
            barrier.wait()
            seen.append(services.language)

        threads = [threading.Thread(target=read) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(count) == 1 and len({id(s) for s in seen}) == 1
    finally:
        del registry._PROVIDERS["language"]["slow-test"]


def test_local_never_imports_boto3_and_loads_no_unused_model(tmp_path):
    """Reading the registry, building the store and the PII detector: no boto3, no model module imported."""
    code = (
        "import sys\n"
        "from services.bootstrap import build_services\n"
        "from services.config import Settings\n"
        "from services import registry\n"
        f"services = build_services(Settings(db_path={str(tmp_path / 'x.db')!r}))\n"
        "assert set(registry.provider_names('intent')) == {'local', 'aws'}\n"
        "services.store.table_counts(); services.pii.find('mail me at a@b.example')\n"
        "heavy = ['boto3', 'botocore', 'services.adapters.aws.comprehend', 'services.adapters.local.intent',\n"
        "         'services.adapters.local.sentiment', 'services.adapters.local.embedder', 'wordllama', 'onnxruntime']\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
