"""Fuzzing the social webhook and the widget's ratings route (Hypothesis) against a real uvicorn server: arbitrary
bodies (signed or not, shaped like the platform's format or not), headers and queries never get a 500, every error
is the documented JSON shape, and nothing refused is stored."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import urllib.parse

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from services import api_keys
from services.bootstrap import build_services
from services.config import Settings
from services.permissions import CLI
from tests.api.conftest import Server
from tests.api.test_fuzz import HEADER_TEXT, JSON, TEXT, assert_documented
from tests.fakes import fake_pipeline

FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SECRET = "fuzz-secret"
IDS = st.one_of(st.text(st.characters(codec="ascii"), max_size=12), st.integers(-5, 10**12), JSON)
# events shaped like Meta's, with every field sometimes wrong
MESSAGING = st.fixed_dictionaries({}, optional={
    "sender": st.fixed_dictionaries({}, optional={"id": IDS}) | JSON, "recipient": st.just({"id": "1"}),
    "timestamp": st.integers(0, 2 * 10**13) | st.just(int(time.time() * 1000)) | JSON,
    "message": st.fixed_dictionaries({}, optional={"mid": IDS, "text": TEXT | JSON, "is_echo": st.booleans()}) | JSON})
COMMENT = st.fixed_dictionaries({}, optional={
    "field": st.sampled_from(["feed", "comments", "mentions", "other"]) | JSON,
    "value": st.fixed_dictionaries({}, optional={
        "item": st.sampled_from(["comment", "like"]), "verb": st.sampled_from(["add", "remove"]), "comment_id": IDS,
        "id": IDS, "parent_id": IDS, "post_id": IDS, "message": TEXT, "text": TEXT,
        "from": st.fixed_dictionaries({}, optional={"id": IDS, "name": TEXT | JSON, "username": TEXT}),
        "created_time": st.integers(0, 2 * 10**10) | st.just(int(time.time())) | JSON}) | JSON})
DOCUMENT = st.fixed_dictionaries({}, optional={
    "object": st.sampled_from(["page", "instagram", "whatsapp_business_account"]) | JSON,
    "entry": st.lists(st.fixed_dictionaries({}, optional={
        "id": IDS, "time": st.just(int(time.time() * 1000)) | JSON,
        "messaging": st.lists(MESSAGING, max_size=3) | JSON, "changes": st.lists(COMMENT, max_size=3) | JSON})
        | JSON, max_size=3) | JSON}) | JSON


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz-social")
    settings_ = Settings(db_path=str(folder / "frontline.db"), social_app_secrets={"meta-fuzz": SECRET},
                         social_verify_tokens={"meta-fuzz": "vt"})
    services = build_services(settings_, **fake_pipeline())
    api_keys.create_key(services, CLI, "meta-fuzz", rate_per_minute=1_000_000)
    api_keys.create_key(services, CLI, "fuzz-site", rate_per_minute=1_000_000, widget=True)
    server = Server(services)
    yield server
    server.stop()


def sign(raw: bytes) -> str:
    return "sha256=" + hmac.new(SECRET.encode(), raw, hashlib.sha256).hexdigest()


@FUZZ
@given(document=DOCUMENT)
def test_signed_documents_shaped_like_the_platforms_never_get_a_500(fuzzed, document):
    raw = json.dumps(document).encode()
    reply = fuzzed.call("POST", "/social/v1/meta/meta-fuzz", raw=raw,
                        headers={"Content-Type": "application/json", "X-Hub-Signature-256": sign(raw)})
    assert_documented(reply)
    assert reply.status in (200, 422, 429), reply.body
    if reply.status == 200:
        assert set(reply.body) == {"events", "stored", "replayed", "ignored", "stale"}


@FUZZ
@given(raw=st.binary(max_size=300), signature=HEADER_TEXT, signed=st.booleans(),
       content_type=st.sampled_from(["application/json", "text/plain", ""]),
       integration=st.sampled_from(["meta-fuzz", "nope", "fuzz-site"]))
def test_arbitrary_bytes_and_signatures_never_get_a_500(fuzzed, raw, signature, signed, content_type, integration):
    headers = {"X-Hub-Signature-256": sign(raw) if signed else signature,
               **({"Content-Type": content_type} if content_type else {})}
    reply = fuzzed.call("POST", f"/social/v1/meta/{integration}", raw=raw, headers=headers)
    assert_documented(reply)
    if not signed or integration != "meta-fuzz":
        assert reply.status >= 400


@FUZZ
@given(params=st.dictionaries(st.sampled_from(["hub.mode", "hub.verify_token", "hub.challenge", "x"]),
                              TEXT | st.just("subscribe") | st.just("vt"), max_size=4))
def test_arbitrary_handshakes_never_get_a_500(fuzzed, params):
    reply = fuzzed.call("GET", "/social/v1/meta/meta-fuzz?" + urllib.parse.urlencode(params, errors="surrogatepass"))
    assert reply.status < 500
    if reply.status == 200:
        assert params.get("hub.verify_token") == "vt" and reply.body == params["hub.challenge"]


@pytest.fixture(scope="module")
def visitor_token(fuzzed) -> str:
    return fuzzed.call("POST", "/widget/v1/visitors", {"site": "fuzz-site"}).body["token"]


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(body=st.fixed_dictionaries({}, optional={"message_id": IDS, "rating": st.sampled_from(["up", "down"]) | JSON})
       | JSON)
def test_arbitrary_ratings_never_get_a_500(fuzzed, visitor_token, body):  # one visitor: 60 requests a minute
    token = visitor_token
    reply = fuzzed.call("POST", "/widget/v1/ratings", raw=json.dumps(body).encode(),
                        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    assert_documented(reply)
    assert reply.status in (404, 422, 429), reply.body  # a new visitor has no answer to rate
