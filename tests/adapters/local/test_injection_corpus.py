"""Issue 21 item 5 on the local provider (the default reply generator, templates): every corpus message through the
live path with the default local pipeline, another customer and notes planted in the store. No suggestion leaks, the
attacks of the tuned part are flagged, the benign look-alikes are not, and what the generator is given holds no
hidden characters or hidden HTML."""

from __future__ import annotations

import pytest

from services.adapters.local.replies import REFUSAL_SOURCE, TemplateReplyGenerator
from services.bootstrap import build_services
from services.config import Settings
from tests import injection_corpus as corpus


class Recording:
    """The default template generator, keeping the ReplyContext of each call."""

    def __init__(self, inner: TemplateReplyGenerator) -> None:
        self.inner, self.contexts = inner, []

    def suggest(self, reply_context, k=3):  # noqa: ANN001, ANN201
        self.contexts.append(reply_context)
        return self.inner.suggest(reply_context, k)


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    settings = Settings(db_path=str(tmp_path_factory.mktemp("injection") / "frontline.db"))
    recording = Recording(TemplateReplyGenerator(settings))
    services = build_services(settings, replies=recording)
    planted = corpus.plant(services)
    results = []
    for row in corpus.load():
        before = len(recording.contexts)
        analysis = corpus.send(services, planted, row)
        results.append((row, analysis, recording.contexts[before:]))
    return results


def test_no_suggestion_leaks_another_customer_the_notes_or_the_prompt(run):
    leaked = {row["id"]: found for row, analysis, _ in run
              for found in [[x for s in analysis.suggestions for x in corpus.leaks(row["text"], s.text)]] if found}
    assert leaked == {}
    assert len(run) >= 80


def test_every_tuned_attack_is_flagged_and_no_benign_look_alike_is(run):
    missed = [row["id"] for row, analysis, _ in run
              if row["expect"] == "flag" and row.get("split") != "held_out" and not analysis.injection.flagged]
    false_positives = [(row["id"], analysis.injection.reasons) for row, analysis, _ in run
                       if row["expect"] == "benign" and analysis.injection.flagged]
    assert missed == [] and false_positives == []
    assert sum(row["expect"] == "flag" for row, _, _ in run) >= 60
    assert sum(row["expect"] == "benign" for row, _, _ in run) >= 20


def test_the_generator_gets_no_hidden_text_and_knows_the_flag(run):
    problems = {}
    for row, analysis, contexts in run:
        (context,) = contexts
        found = corpus.sent_problems(row["text"], context.masked_text, False, "")
        if analysis.injection.flagged and set(context.injection) != set(analysis.injection.codes):
            found.append("the generator was not told of the flag")
        if found:
            problems[row["id"]] = found
    assert problems == {}


def test_a_request_for_what_replies_never_give_gets_the_refusal_first(run):
    for row, analysis, _ in run:
        asks = {"other_customer", "internal_notes", "system_prompt"} & set(analysis.injection.codes)
        if analysis.injection.flagged and asks:
            assert analysis.suggestions[0].source == REFUSAL_SOURCE, row["id"]
        if row["expect"] == "benign":
            assert all(s.source != REFUSAL_SOURCE for s in analysis.suggestions), row["id"]


def test_a_flag_asking_for_another_customers_data_is_a_reason_to_escalate(run):
    for row, analysis, _ in run:
        reasons = analysis.escalation.reasons
        if analysis.injection.flagged and "other_customer" in analysis.injection.codes:
            assert "prompt injection asking for another customer's data or internal notes" in reasons, row["id"]
        if not analysis.injection.flagged:
            assert not any("prompt injection" in r for r in reasons), row["id"]
