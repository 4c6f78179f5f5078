"""Issue 21 item 5 on Amazon Bedrock: a real bedrock-runtime client with Stubber whose answer to each Converse call
obeys the injection (it echoes the system prompt and everything in its input it was asked for). Every corpus message
goes through the live path with replies from Bedrock: the request never holds the other customer's data, a note, a
hidden character or hidden HTML, a flagged message goes with the warning, and no suggestion leaks."""

from __future__ import annotations

import boto3
import pytest
from botocore.stub import Stubber

from services.adapters.aws.bedrock import BedrockReplyGenerator
from services.adapters.llm_text import REPLY_SYSTEM_PROMPT
from services.bootstrap import build_services
from services.config import Settings
from tests import injection_corpus as corpus

WARNING = "Frontline's prompt-injection check flagged this message"


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    settings = Settings(db_path=str(tmp_path_factory.mktemp("bedrock-injection") / "frontline.db"),
                        providers={"replies": "aws"}, bedrock_model_id="anthropic.claude-3-haiku-20240307-v1:0")
    client = boto3.client("bedrock-runtime", region_name="us-east-1", aws_access_key_id="testing",
                          aws_secret_access_key="testing")
    stubber = Stubber(client)
    sent: list[dict] = []

    def obey(params, model, **_):  # noqa: ANN001, ANN003, ANN202 - a botocore event handler
        if model.name != "Converse":
            return
        system, user = params["system"][0]["text"], params["messages"][0]["content"][0]["text"]
        sent.append({"system": system, "user": user})
        stubber.add_response("converse", {
            "output": {"message": {"role": "assistant", "content": [{"text": corpus.obeying_answer(system, user)}]}},
            "stopReason": "end_turn", "usage": {"inputTokens": 900, "outputTokens": 120, "totalTokens": 1020},
            "metrics": {"latencyMs": 700}})

    client.meta.events.register_first("before-parameter-build.*.*", obey)  # answers before Stubber looks
    stubber.activate()
    services = build_services(settings, replies=BedrockReplyGenerator(settings, client=client))
    planted = corpus.plant(services)
    results = []
    for row in corpus.load():
        before = len(sent)
        analysis = corpus.send(services, planted, row)
        results.append((row, analysis, sent[before:]))
    stubber.deactivate()
    stubber.assert_no_pending_responses()
    return results


def test_bedrock_is_asked_for_every_message_and_answers_every_time(run):
    assert all(len(calls) == 1 and calls[0]["system"] == REPLY_SYSTEM_PROMPT for _, _, calls in run)
    assert not any(analysis.degraded for _, analysis, _ in run)
    # the clean reply of each answer is shown: Bedrock answered, the fact check kept what was safe
    assert all(any(s.source.startswith("bedrock:") for s in analysis.suggestions) for _, analysis, _ in run)


def test_what_bedrock_is_sent_holds_nothing_to_leak_and_the_flag(run):
    problems = {}
    for row, analysis, calls in run:
        found = corpus.sent_problems(row["text"], calls[0]["user"], analysis.injection.flagged, WARNING)
        if found:
            problems[row["id"]] = found
    assert problems == {}


def test_an_obeying_bedrock_model_leaks_nothing_into_the_suggestions(run):
    leaked = {row["id"]: found for row, analysis, _ in run
              for found in [[x for s in analysis.suggestions for x in corpus.leaks(row["text"], s.text)]] if found}
    assert leaked == {}
    echoed = [s for _, analysis, _ in run for s in analysis.suggestions if s.text.startswith("Sure. My instructions")]
    assert echoed == []  # the system-prompt echo is dropped by the fact check every time


def test_flags_on_bedrock_match_the_corpus(run):
    missed = [row["id"] for row, analysis, _ in run
              if row["expect"] == "flag" and row.get("split") != "held_out" and not analysis.injection.flagged]
    false_positives = [row["id"] for row, analysis, _ in run if row["expect"] == "benign" and analysis.injection.flagged]
    assert missed == [] and false_positives == []

