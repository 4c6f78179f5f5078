"""The email channel's settings: off unless configured (the offline default builds no mail adapter and `mail-poll`
says what it needs), incomplete or malformed settings refused with the setting named, passwords never shown."""

from __future__ import annotations

import pytest

from services.bootstrap import build_services
from services.cli import main
from services.config import Settings, load_settings
from services.errors import ConfigError


def test_the_channel_is_off_by_default_and_its_adapters_refuse_to_be_built(tmp_path):
    settings = Settings(db_path=str(tmp_path / "f.db"))
    assert not settings.mail_inbound and not settings.mail_outbound
    services = build_services(settings)
    with pytest.raises(ConfigError, match="email channel is off: set mail_imap_host"):
        services.mail_inbox  # noqa: B018 - building it is the assertion
    with pytest.raises(ConfigError, match="sending email is off: set mail_smtp_host and mail_from"):
        services.mail_sender  # noqa: B018


def test_mail_poll_without_settings_exits_2_and_names_the_settings(tmp_path, monkeypatch, capsys):
    for name in ("FRONTLINE_MAIL_IMAP_HOST", "FRONTLINE_MAIL_SMTP_HOST"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("FRONTLINE_DB_PATH", str(tmp_path / "f.db"))
    assert main(["mail-poll", "--once"]) == 2
    assert "the email channel is off: set mail_imap_host" in capsys.readouterr().err
    assert main(["mail-poll", "--if-configured"]) == 0  # what `make run` starts: off, so it ends at once, quietly
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("settings, named", [
    ({"mail_imap_host": "imap.example.com"}, "mail_imap_host needs mail_imap_user"),
    ({"mail_smtp_host": "smtp.example.com"}, "mail_smtp_host needs mail_from"),
    ({"mail_imap_security": "tls"}, "mail_imap_security and mail_smtp_security must be one of ssl, starttls, none"),
    ({"mail_smtp_port": 0}, "mail_imap_port and mail_smtp_port must be 1-65535"),
    ({"mail_poll_s": 0}, "mail_poll_s must be 0.1-3600 s"),
    ({"mail_max_bytes": 10}, "mail_max_bytes 1000-200000000"),
])
def test_incomplete_or_malformed_mail_settings_are_refused(settings, named):
    with pytest.raises(ConfigError, match=named):
        Settings(**settings)


def test_mail_settings_come_from_the_environment_and_passwords_are_never_shown():
    settings = load_settings(environ={"FRONTLINE_MAIL_IMAP_HOST": "imap.example.com", "FRONTLINE_MAIL_IMAP_USER": "s",
                                      "FRONTLINE_MAIL_IMAP_PASSWORD": "hunter2-imap",
                                      "FRONTLINE_MAIL_SMTP_HOST": "smtp.example.com",
                                      "FRONTLINE_MAIL_SMTP_PASSWORD": "hunter2-smtp",
                                      "FRONTLINE_MAIL_FROM": "support@example.com", "FRONTLINE_MAIL_POLL_S": "2.5"},
                             config_file="/nonexistent.yaml")
    assert (settings.mail_inbound, settings.mail_outbound, settings.mail_poll_s) == (True, True, 2.5)
    assert settings.mail_imap_password == "hunter2-imap"
    assert "hunter2" not in repr(settings)
