"""Drafting from a gap (services/kb_drafting.py) with the drafter on the OpenAI-compatible provider, on a real SQLite
database, against the tiny loopback server: the use case's masked sources go out as data, the sentences the
endpoint cannot trace never reach the article, and an endpoint that fails leaves the local drafter to write it."""

from __future__ import annotations

import dataclasses
import json
import logging

import pytest

from services import kb_drafting
from services.bootstrap import build_services
from services.models import Customer
from tests.adapters.openai_compat.conftest import Scripted, completion
from tests.fakes import fake_pipeline
from tests.repos import repos
from tests.unit.test_kb_drafting import AGENT, EDITOR, gap


@pytest.fixture
def svc(settings, tiny):
    configured = dataclasses.replace(settings, providers={"drafter": "openai"}, openai_base_url=tiny.base_url,
                                     openai_model="test-model", openai_timeout_s=2.0)
    services = build_services(configured, **fake_pipeline())
    for user in (EDITOR, AGENT):
        repos(services).users.add(user.username, user.display_name, user.role, "x")
    repos(services).customers.add(Customer(0, "Ada Lovelace", "ada@example.com", "", "gold", 10.0, "2024-01-01",
                                           "Leeds"))
    return services


def test_an_openai_draft_enters_review_with_only_the_sentences_its_sources_support(svc, tiny):
    assert svc.provider("drafter") == "openai"
    ids = gap(svc, "do you mount TVs on the wall? I'm Ada, mail me at ada@example.com")
    tiny.answer(Scripted(body=completion(json.dumps({"title": "TV wall mounting", "sections": [
        {"heading": "Overview", "sentences": [
            {"text": "Our fitter mounts TVs up to 65 inches on the wall for £79.", "source": 1},
            {"text": "Mounting is free on Sundays.", "source": 1}]},
        {"heading": "Steps", "sentences": [
            {"text": "Go to Your orders and select Add a service to book a slot.", "source": 1}]}]}))))

    article = kb_drafting.draft_from_gap(svc, EDITOR, ids, "wall mounting")

    assert (article.status, article.title) == ("in_review", "TV wall mounting")
    assert "£79" in article.body and "1. Go to Your orders" in article.body and "Sundays" not in article.body
    record = kb_drafting.draft_provenance(svc, EDITOR, article.id)
    assert record is not None and record.provider == "openai"
    assert [v.summary for v in repos(svc).articles.versions(article.id)][0] == "Drafted from a gap (openai drafter)"
    (request,) = tiny.requests
    sent = request["body"]["messages"][1]["content"]
    assert "ada@example.com" not in sent and "Ada" not in sent and "Lovelace" not in sent
    assert "[1] (agent reply that resolved it) Hi [PERSON], yes we do." in sent


def test_an_endpoint_that_fails_leaves_the_local_drafter_to_write_it(svc, tiny, caplog):
    ids = gap(svc, "do you mount TVs on the wall?", "can someone put my tv on the wall")
    tiny.answer(Scripted(503, b"loading model"))
    with caplog.at_level(logging.WARNING, logger="services.fallback"):
        article = kb_drafting.draft_from_gap(svc, EDITOR, ids, "wall mounting")
    assert article.status == "in_review" and "£79" in article.body
    assert kb_drafting.draft_provenance(svc, EDITOR, article.id).provider == "local"
    assert "drafter: openai unavailable (OpenAI-compatible endpoint" in caplog.text and "HTTP 503" in caplog.text
    assert len(tiny.requests) == 1
