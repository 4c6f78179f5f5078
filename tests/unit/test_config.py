from pathlib import Path

import pytest

from services.config import Settings, load_settings
from services.errors import ConfigError


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "frontline.yaml"
    path.write_text(text)
    return path


def test_defaults_are_local_and_offline(tmp_path):
    settings = load_settings(config_file=tmp_path / "missing.yaml", environ={})
    assert settings.backend == "local"
    assert settings.provider_for("intent") == "local"


def test_file_then_env_then_explicit_argument_wins(tmp_path):
    path = write(tmp_path, "backend: aws\nescalation_threshold: 0.7\naws_region: eu-west-1\n")
    env = {"FRONTLINE_AWS_REGION": "eu-central-1", "FRONTLINE_ESCALATION_THRESHOLD": "0.8"}
    settings = load_settings(config_file=path, environ=env, escalation_threshold=0.9)
    assert settings.backend == "aws"
    assert settings.aws_region == "eu-central-1"
    assert settings.escalation_threshold == 0.9


def test_env_values_are_typed(tmp_path):
    settings = load_settings(config_file=tmp_path / "none.yaml", environ={"FRONTLINE_ESCALATION_NEGATIVE_TURNS": "4"})
    assert settings.escalation_negative_turns == 4


def test_per_capability_provider_overrides_merge(tmp_path):
    path = write(tmp_path, "providers: {replies: aws}\n")
    settings = load_settings(config_file=path, environ={"FRONTLINE_PROVIDER_SENTIMENT": "aws"})
    assert settings.providers == {"replies": "aws", "sentiment": "aws"}
    assert settings.provider_for("replies") == "aws"
    assert settings.provider_for("intent") == "local"


@pytest.mark.parametrize("text, message", [
    ("backend: azure\n", "backend must be one of local, aws"),
    ("colour: blue\n", "unknown setting 'colour'"),
    ("escalation_threshold: high\n", "must be a float"),
    ("- just\n- a list\n", "must hold a mapping"),
    ("backend: [unclosed\n", "not valid YAML"),
])
def test_bad_configuration_is_a_clear_config_error(tmp_path, text, message):
    with pytest.raises(ConfigError, match=message):
        load_settings(config_file=write(tmp_path, text), environ={})


def test_the_shipped_config_file_loads():
    assert load_settings(environ={}).backend in ("local", "aws")


def test_relative_paths_resolve_against_the_project():
    assert Settings(db_path="data/x.db").database_file.is_absolute()


def test_booleans_come_from_env_text(tmp_path):
    on = load_settings(config_file=tmp_path / "none.yaml", environ={"FRONTLINE_LANGUAGE_HIGH_ACCURACY": "true"})
    off = load_settings(config_file=tmp_path / "none.yaml", environ={"FRONTLINE_LANGUAGE_HIGH_ACCURACY": "0"})
    assert (on.language_high_accuracy, off.language_high_accuracy) == (True, False)


def test_queues_are_a_configured_list_checked_at_start():
    assert load_settings(environ={"FRONTLINE_QUEUES": "general, vip-desk"}).queues == ("general", "vip-desk")
    for bad in ("../admin", "", "General"):
        with pytest.raises(ConfigError, match="queues must be"):
            load_settings(environ={"FRONTLINE_QUEUES": bad})


def test_schema_wait_comes_from_the_environment_and_is_bounded(tmp_path):
    assert load_settings(config_file=tmp_path / "missing.yaml",
                         environ={"FRONTLINE_SCHEMA_WAIT_S": "300"}).schema_wait_s == 300
    for bad in (-1, 3601):
        with pytest.raises(ConfigError, match="schema_wait_s"):
            Settings(schema_wait_s=bad)
