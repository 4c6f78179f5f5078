"""Knowledge-base gaps (issue 17 item 4): customers' opening questions the knowledge base answered badly, grouped
by topic, by volume and trend, masked; on a real SQLite database with the real offline embedder and a search whose
scores the test controls (an article answers a question when they share two content words)."""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import pytest

from services import kb_gaps, knowledge
from services.bootstrap import build_services
from services.clock import now_iso, parse_iso, to_iso
from services.errors import InvalidInput
from services.models import (
    Analysis,
    Article,
    Conversation,
    Customer,
    Escalation,
    Intent,
    KbHit,
    Message,
    Sentiment,
    Suggestion,
    User,
)
from tests.fakes import fake_pipeline
from tests.repos import repos

EDITOR = User(3, "editor", "Jonas Weber", "kb_editor")
REVIEWER = User(6, "lead", "Mara Lind", "kb_editor")  # four eyes: approves what EDITOR wrote
MOUNTING = ("do you offer a TV wall mounting service? write to ada@example.com",
            "can someone mount my tv on the wall for me",
            "is there a wall mounting service for my new tv",
            "how much is tv wall mounting")
SLOTS = ("can I choose a delivery time slot in the evening", "is there an evening delivery slot option")


class WordSearch:
    """Scores an approved article 0.9 for a query sharing two content words with its title, else 0.2."""

    def __init__(self) -> None:
        self.articles: list[Article] = []

    def index(self, articles) -> None:
        self.articles = [a for a in articles if a.status == "approved"]

    def search(self, query: str, k: int = 3) -> list[KbHit]:
        words = set(kb_gaps._terms(query))
        scored = [KbHit(a.id, a.title, 0.9 if len(words & set(kb_gaps._terms(a.title))) >= 2 else 0.2)
                  for a in self.articles]
        return sorted(scored, key=lambda h: -h.score)[:k]


@pytest.fixture
def svc(settings):
    services = build_services(settings, **{**fake_pipeline(), "search": WordSearch()})
    for user in (EDITOR, REVIEWER):
        repos(services).users.add(user.username, user.display_name, user.role, "x")
    repos(services).customers.add(Customer(0, "Ada Lovelace", "ada@example.com", "", "gold", 10.0, "2024-01-01",
                                           "Leeds"))
    repos(services).articles.add(Article(0, "returns", "Returning an item for a refund", "Send it back.",
                                         "orders", "approved", 1, "2026-01-01T00:00:00Z"))
    return services


def asked(svc, text: str, days_ago: float, status: str = "resolved", resolution: str = "info_provided") -> int:
    at = to_iso(parse_iso(now_iso()) - timedelta(days=days_ago))
    conversation = repos(svc).conversations.add(Conversation(0, 1, "chat", status, "Question", at, at, "agent",
                                                             resolution=resolution))
    masked = text.replace("ada@example.com", "[EMAIL]")
    repos(svc).conversations.add_messages([Message(0, conversation.id, "customer", "Ada Lovelace", text, masked, at)])
    return conversation.id


def test_badly_answered_questions_are_grouped_by_topic_with_volume_trend_and_masked_examples(svc):
    for n, text in enumerate(MOUNTING):
        asked(svc, text, days_ago=1 + n if n < 3 else 9)
    for text in SLOTS:
        asked(svc, text, days_ago=10)
    asked(svc, "I want to return an item for a refund", days_ago=2)  # the KB answers it

    report = kb_gaps.find_gaps(svc, EDITOR)

    assert (report.questions_checked, report.weak_questions) == (7, 6)
    assert [(g.volume, g.this_week, g.last_week, g.trend) for g in report.gaps] == [(4, 3, 1, 2), (2, 0, 2, -2)]
    mounting, slots = report.gaps
    assert "mounting" in mounting.topic and "slot" in slots.topic
    assert all("refund" not in q.text for g in report.gaps for q in g.questions)
    assert "[EMAIL]" in " ".join(q.text for q in mounting.questions)
    assert "ada@example.com" not in repr(report)
    assert mounting.signal_counts() == {"low score": 4}
    assert repos(svc).audit.entries(1)[0].action == "view_gaps"


def test_a_gap_closes_once_an_approved_article_answers_its_questions(svc):
    for text in MOUNTING:
        asked(svc, text, days_ago=1)
    assert kb_gaps.find_gaps(svc, EDITOR).gaps[0].volume == 4
    article = knowledge.create_article(svc, EDITOR, "TV wall mounting service", "Our fitter mounts TVs for £79.")
    knowledge.submit_article(svc, EDITOR, article.id, 1)
    assert kb_gaps.find_gaps(svc, EDITOR).gaps[0].volume == 4, "an article in review answers nobody yet"
    knowledge.approve_article(svc, REVIEWER, article.id, 2)
    assert kb_gaps.find_gaps(svc, EDITOR).gaps == ()


def test_a_rejected_kb_suggestion_counts_even_when_the_article_scored_well_and_an_escalation_only_when_it_did_not(
        svc):
    well = [asked(svc, "how do I send back an item for a refund", 1),
            asked(svc, "returning an item and getting my refund", 2)]
    suggestion_message = repos(svc).conversations.messages_for(well[0])[0].id
    analysis = Analysis(Intent("Refund/Return", 0.9), Sentiment("neutral"), {}, (), (), "", "en",
                        Escalation(False, 0.1), (), (), "local", {})
    repos(svc).assist.save_outcome(suggestion_message, analysis, [Suggestion("See our returns page.", "kb:1", 0.9)])
    saved = repos(svc).assist.suggestions_for(suggestion_message)[0]
    repos(svc).assist.record_feedback(saved.id, "rejected")
    asked(svc, "returning an item for my refund please", 1, status="escalated")

    report = kb_gaps.find_gaps(svc, EDITOR)

    assert report.weak_questions == 1, "the escalated one was answered well; the other had no signal"
    assert report.gaps == ()  # one question is no topic yet


def test_a_conversation_reopened_after_an_agent_resolved_it_counts(svc):
    first = asked(svc, "can someone mount my tv on the wall", 1)
    second = asked(svc, "is there a tv wall mounting service", 1)
    with svc.uow() as uow:
        for conversation_id in (first, second):
            uow.audit.record("agent", "resolve", "conversation", str(conversation_id), "answered")
    later = to_iso(parse_iso(now_iso()) + timedelta(seconds=5))
    repos(svc).conversations.add_messages([Message(0, first, "customer", "Ada", "still no answer", "still", later)])
    gap = kb_gaps.find_gaps(svc, EDITOR).gaps[0]
    assert gap.signal_counts() == {"low score": 2, "reopened": 1}


def test_messages_that_ask_nothing_are_left_out(svc):
    class SureOther:
        def classify(self, text: str) -> Intent:
            return Intent("Other", 0.99) if "crypto" in text else Intent("General Inquiry", 0.9)

    services = build_services(svc.settings, **{**fake_pipeline(), "search": WordSearch(), "intent": SureOther()})
    for n in range(3):
        asked(services, f"crypto signals join our group now {n}", 1)
    assert kb_gaps.find_gaps(services, EDITOR).weak_questions == 0


def test_average_linkage_merges_what_is_alike_and_stops_at_the_threshold():
    vectors = np.array([[1, 0], [0.95, 0.31], [0, 1], [0.1, 0.99], [-1, 0]], dtype=np.float64)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    assert kb_gaps.average_linkage(vectors @ vectors.T, 0.8) == [[0, 1], [2, 3], [4]]
    assert kb_gaps.average_linkage(vectors @ vectors.T, 1.01) == [[0], [1], [2], [3], [4]]


def test_question_text_drops_greetings_sign_offs_masked_values_handles_and_order_numbers():
    text = "Hi,\n\n@BrightwaveHelp can you mount my TV? order BW-123456\n\nThanks,\n[PERSON]"
    assert kb_gaps.question_text(text) == "can you mount my TV? order"


def test_a_window_end_that_is_not_a_time_is_a_clear_error(svc):
    for bad in ("yesterday", "2026-13-01T00:00:00Z", 5):
        with pytest.raises(InvalidInput, match="end of the window"):
            kb_gaps.find_gaps(svc, EDITOR, now=bad)
    asked(svc, "can someone mount my tv on the wall", days_ago=40)
    asked(svc, "is there a tv wall mounting service", days_ago=40)
    assert kb_gaps.find_gaps(svc, EDITOR).questions_checked == 0, "older than the window"
    earlier = to_iso(parse_iso(now_iso()) - timedelta(days=30))
    assert kb_gaps.find_gaps(svc, EDITOR, now=earlier).gaps[0].volume == 2
