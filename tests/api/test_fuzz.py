"""Fuzzing the ingestion API over its own OpenAPI document (Hypothesis strategies built from the published schemas,
plus arbitrary JSON, bytes, headers and queries) against a real uvicorn server: no input gets a 500, and every error
is the documented JSON shape with the status it was sent with."""

from __future__ import annotations

import json
import urllib.parse
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from api.app import create_app
from api.openapi import document
from services import api_keys
from services.bootstrap import build_services
from services.config import Settings
from services.permissions import CLI
from tests.api.conftest import Server
from tests.fakes import fake_pipeline

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
DOC = document(64 * 1024)
SCHEMAS = DOC["components"]["schemas"]
JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
                    | st.text(max_size=40), lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.text(max_size=12), inner, max_size=4), max_leaves=15)
# text that reaches the deeper checks: near the limits, invisible characters, surrogates, markup, card numbers
TEXT = (st.text(max_size=60) | st.sampled_from(["", " ", "\u200b", "\ud800", "a\x00b", "<script>x</script>",
                                                "4111 1111 1111 1111", "ann@example.com", "﷽" * 40]))


def valid(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Values the schema accepts (so the fuzzing reaches storage too, not only the refusals)."""
    if "$ref" in schema:
        return valid(SCHEMAS[schema["$ref"].rsplit("/", 1)[1]])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    if schema.get("type") == "object":
        properties, required = schema.get("properties", {}), set(schema.get("required", ()))
        return st.fixed_dictionaries({k: valid(v) for k, v in properties.items() if k in required},
                                     optional={k: valid(v) for k, v in properties.items() if k not in required})
    if schema.get("pattern"):
        return st.from_regex(r"[a-z0-9.]{1,20}@[a-z0-9]{1,20}\.[a-z]{2,4}", fullmatch=True)
    if schema.get("type") == "string":
        printable = st.characters(exclude_categories=("Cc", "Cs", "Cf", "Zs", "Zl", "Zp"))
        return st.text(printable, min_size=1, max_size=min(schema.get("maxLength", 40), 40))
    return st.integers(0, 10**6)


def broken(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Values shaped by a JSON schema, often not what it accepts (wrong types, lengths, extra fields)."""
    if "$ref" in schema:
        return broken(SCHEMAS[schema["$ref"].rsplit("/", 1)[1]])
    if "enum" in schema:
        return st.sampled_from(schema["enum"]) | TEXT
    kind = schema.get("type")
    if kind == "object":
        properties = schema.get("properties", {})
        required = set(schema.get("required", ()))
        shaped = st.fixed_dictionaries({k: broken(v) for k, v in properties.items() if k in required},
                                       optional={k: broken(v) for k, v in properties.items()
                                                 if k not in required})
        extra = st.dictionaries(st.text(max_size=8), JSON, max_size=2)
        return st.one_of(shaped, st.builds(lambda a, b: {**b, **a}, shaped, extra), JSON)
    if kind == "string":
        longest = schema.get("maxLength", 50)
        near_limit = st.builds(lambda c, n: c * n, st.characters(), st.integers(max(0, longest - 2), longest + 2))
        return st.one_of(TEXT, near_limit, JSON)
    if kind == "integer":
        return st.integers() | JSON
    return JSON


HEADER_TEXT = st.text(st.characters(min_codepoint=32, max_codepoint=255, exclude_characters="\x7f"), max_size=60)
MESSAGE = DOC["paths"]["/v1/messages"]["post"]["requestBody"]["content"]["application/json"]["schema"]
IDEMPOTENCY = st.uuids().map(str)
# (body, Idempotency-Key): accepted ones that reach storage, and broken ones (body, key or both)
CASES = (st.tuples(valid(MESSAGE), IDEMPOTENCY)
         | st.tuples(broken(MESSAGE), st.one_of(st.none(), HEADER_TEXT, IDEMPOTENCY))
         | st.tuples(valid(MESSAGE), st.one_of(st.none(), HEADER_TEXT)))


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz")
    services = build_services(Settings(db_path=str(folder / "frontline.db")), **fake_pipeline())
    key = api_keys.create_key(services, CLI, "fuzz", rate_per_minute=1_000_000)[1]
    server = Server(services)
    create_app(services)  # the app builds its document once; a second build must not fail either
    yield server, key
    server.stop()


def assert_documented(reply) -> None:
    assert reply.status < 500, reply.body
    if reply.status >= 400:
        assert reply.body["error"]["status"] == reply.status
        assert isinstance(reply.body["error"]["message"], str)


@FUZZ
@given(case=CASES)
def test_posted_bodies_from_the_schema_never_get_a_500(fuzzed, case):
    server, key = fuzzed
    body, idempotency = case
    reply = server.call("POST", "/v1/messages", key=key, raw=json.dumps(body).encode(),
                        headers={"Content-Type": "application/json", **({"Idempotency-Key": idempotency}
                                                                        if idempotency is not None else {})})
    assert_documented(reply)
    event(f"status {reply.status}")  # --hypothesis-show-statistics: how many got through to a stored message
    if reply.status == 201:
        assert set(reply.body) == set(SCHEMAS["Posted"]["required"])


@FUZZ
@given(raw=st.binary(max_size=300), content_type=st.sampled_from(["application/json", "application/json; charset=x",
                                                                   "text/plain", ""]), authorization=HEADER_TEXT)
def test_arbitrary_bytes_and_headers_never_get_a_500(fuzzed, raw, content_type, authorization):
    server, key = fuzzed
    for bearer in (f"Bearer {key}", authorization):
        headers = {"Authorization": bearer, "Idempotency-Key": "same", **({"Content-Type": content_type}
                                                                          if content_type else {})}
        assert_documented(server.call("POST", "/v1/messages", raw=raw, headers=headers))


@FUZZ
@given(params=st.dictionaries(st.sampled_from(["thread_id", "since", "limit", "other"]), TEXT | st.integers().map(str),
                              max_size=4))
def test_arbitrary_queries_never_get_a_500(fuzzed, params):
    server, key = fuzzed
    reply = server.call("GET", "/v1/messages?" + urllib.parse.urlencode(params, errors="surrogatepass"), key=key)
    assert_documented(reply)
    assert reply.status in (200, 404, 422)
