"""The chat-completions call against a tiny loopback server: the request it sends, and every way the endpoint can
fail (malformed JSON, HTTP errors, a server that never answers or drips its answer, a refused connection, a redirect)
becomes ProviderUnavailable within the timeout, never naming the API key."""

from __future__ import annotations

import dataclasses
import logging
import time

import pytest

from services.adapters.openai_compat.client import ChatClient
from services.config import Settings, load_settings
from services.errors import ConfigError, ProviderUnavailable
from tests.adapters.openai_compat.conftest import Scripted, completion
from tests.llama_server import free_port

SCHEMA = {"type": "object", "properties": {"ok": {"type": "boolean"}}, "required": ["ok"]}
KEY = "sk-test-SECRET-123"


def _call(settings: Settings) -> str:
    return ChatClient(settings).complete("system rules", "user text", max_tokens=50, temperature=0.1,
                                         schema_name="probe", schema=SCHEMA)


def test_the_request_is_a_chat_completion_with_the_schema_and_the_key(tiny, tiny_settings):
    tiny.answer(Scripted(body=completion('{"ok": true}')))
    assert _call(tiny_settings) == '{"ok": true}'
    (request,) = tiny.requests
    assert request["path"] == "/v1/chat/completions"
    assert request["headers"]["Authorization"] == f"Bearer {KEY}"
    body = request["body"]
    assert body["model"] == "test-model" and body["stream"] is False and body["max_tokens"] == 50
    assert body["messages"] == [{"role": "system", "content": "system rules"}, {"role": "user", "content": "user text"}]
    assert body["response_format"] == {"type": "json_schema",
                                       "json_schema": {"name": "probe", "schema": SCHEMA, "strict": True}}


@pytest.mark.parametrize(("mode", "expected"), [("json_object", {"type": "json_object"}), ("prompt", None)])
def test_json_mode_follows_the_setting(tiny, tiny_settings, mode, expected):
    tiny.answer(Scripted(body=completion("{}")))
    _call(dataclasses.replace(tiny_settings, openai_json_mode=mode, openai_api_key=""))
    (request,) = tiny.requests
    assert request["body"].get("response_format") == expected
    assert "Authorization" not in request["headers"]  # no key configured: no header


@pytest.mark.parametrize(("scripted", "message"), [
    (Scripted(body=b"<html>gateway</html>"), "not JSON"),
    (Scripted(body=b'{"choices": []}'), "answered no message"),
    (Scripted(body=b'{"choices": [{"message": {"content": null}}]}'), "answered no message"),
    (Scripted(500, b'{"error": "model crashed"}'), "HTTP 500: {\"error\": \"model crashed\"}"),
    (Scripted(503, b""), "HTTP 503"),
    (Scripted(429, b"slow down"), "HTTP 429"),
    (Scripted(404, b"no such model"), "HTTP 404; check openai_base_url"),
    (Scripted(400, b'{"error": "context too long"}'), "HTTP 400"),
])
def test_bad_answers_are_provider_unavailable(tiny, tiny_settings, scripted, message):
    tiny.answer(scripted)
    with pytest.raises(ProviderUnavailable, match="OpenAI-compatible endpoint http://127.0.0.1:") as raised:
        _call(tiny_settings)
    assert message in str(raised.value)


def test_the_api_key_is_never_in_an_error_or_a_log_even_when_the_server_echoes_it(tiny, tiny_settings, caplog):
    caplog.set_level(logging.DEBUG)
    tiny.answer(Scripted(401, f'{{"error": "invalid key Bearer {KEY}"}}'.encode()))
    with pytest.raises(ProviderUnavailable) as raised:
        _call(tiny_settings)
    assert "HTTP 401; check openai_api_key" in str(raised.value) and "Bearer ***" in str(raised.value)
    assert KEY not in str(raised.value) and KEY not in caplog.text
    assert KEY not in repr(tiny_settings)


def test_a_server_that_never_answers_times_out_within_the_setting(tiny, tiny_settings):
    tiny.answer(Scripted(body=completion("{}"), delay_s=4))
    started = time.monotonic()
    with pytest.raises(ProviderUnavailable, match="no answer within 1 s|timed out"):
        _call(dataclasses.replace(tiny_settings, openai_timeout_s=1.0))
    assert time.monotonic() - started < 2.5


def test_an_answer_dripped_byte_by_byte_is_cut_at_the_deadline(tiny, tiny_settings):
    tiny.answer(Scripted(body=completion("x" * 400), drip_s=0.02))  # ~9 s to send in full
    started = time.monotonic()
    with pytest.raises(ProviderUnavailable, match="no answer within 1 s"):
        _call(dataclasses.replace(tiny_settings, openai_timeout_s=1.0))
    assert time.monotonic() - started < 2.5


def test_a_refused_connection_is_provider_unavailable(tiny_settings):
    closed = f"http://127.0.0.1:{free_port()}/v1"
    with pytest.raises(ProviderUnavailable, match="cannot connect"):
        _call(dataclasses.replace(tiny_settings, openai_base_url=closed))


def test_a_redirect_is_refused_so_the_key_goes_nowhere_else(tiny, tiny_settings):
    tiny.answer(Scripted(302, b"", headers={"Location": f"http://127.0.0.1:{tiny.port}/elsewhere"}),
                Scripted(body=completion("{}")))
    with pytest.raises(ProviderUnavailable, match="HTTP 302"):
        _call(tiny_settings)
    assert [r["path"] for r in tiny.requests] == ["/v1/chat/completions"]


def test_a_proxy_in_the_environment_is_not_used(tiny, tiny_settings, monkeypatch):
    monkeypatch.setenv("http_proxy", f"http://127.0.0.1:{free_port()}")
    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{free_port()}")
    tiny.answer(Scripted(body=completion('{"ok": true}')))
    assert _call(tiny_settings) == '{"ok": true}'


@pytest.mark.parametrize(("env", "message"), [
    ({"FRONTLINE_PROVIDER_REPLIES": "openai"}, "needs openai_base_url and openai_model"),
    ({"FRONTLINE_OPENAI_BASE_URL": "ftp://models.internal/v1"}, "must be an http:// or https:// URL"),
    ({"FRONTLINE_OPENAI_JSON_MODE": "grammar"}, "openai_json_mode must be one of json_schema, json_object, prompt"),
    ({"FRONTLINE_OPENAI_TIMEOUT_S": "0"}, "openai_timeout_s must be 0-600"),
])
def test_incomplete_openai_settings_fail_at_start(env, message, tmp_path):
    with pytest.raises(ConfigError, match=message):
        load_settings(tmp_path / "none.yaml", environ=env)


def test_the_endpoint_is_configured_from_the_environment(tmp_path):
    settings = load_settings(tmp_path / "none.yaml", environ={
        "FRONTLINE_PROVIDER_REPLIES": "openai", "FRONTLINE_OPENAI_BASE_URL": "http://127.0.0.1:11434/v1",
        "FRONTLINE_OPENAI_MODEL": "llama3.1:8b", "FRONTLINE_OPENAI_API_KEY": KEY})
    assert (settings.provider_for("replies"), settings.openai_model, settings.openai_api_key) == \
        ("openai", "llama3.1:8b", KEY)
    assert KEY not in repr(settings)
