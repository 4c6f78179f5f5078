"""The local ArticleDrafter (services/adapters/local/drafter.py) with the real offline embedder: an extractive
composer whose every sentence is copied from a source and names it (no invented facts)."""

from __future__ import annotations

import pytest

from services.adapters.local.drafter import ExtractiveDrafter, split_sentences
from services.bootstrap import build_services
from services.errors import InvalidInput
from services.models import DraftRequest, DraftSource
from services.ports import Ports

SOURCES = (
    DraftSource("question", "question in conversation 1", "do you offer a TV wall mounting service?"),
    DraftSource("question", "question in conversation 2",
                "Hi,\n\nDoes someone come and mount the TV on the wall?\n\nThanks,\n[PERSON]"),
    DraftSource("question", "question in conversation 3", "how much do you charge to wall mount a TV"),
    DraftSource("reply", "reply in conversation 1",
                "Hi [PERSON], yes we do! Our installation partner mounts TVs up to 65 inches on the wall for £79. "
                "You can add wall mounting at checkout under Delivery options. Your order BW-123456 is eligible."),
    DraftSource("reply", "reply in conversation 2",
                "Thanks for asking. Go to Your orders and select Add a service to book a slot. If the fitter finds "
                "the wall unsuitable, the visit is free. Is there anything else I can help with?"),
    DraftSource("reply", "reply in conversation 3",
                "The fitter takes the old bracket and all the packaging away at no extra cost."),
    DraftSource("article", "article 7", "Delivery options\n\nWe deliver on weekdays between 8am and 6pm."),
)


@pytest.fixture(scope="module")
def drafter() -> ExtractiveDrafter:
    services = build_services()
    return ExtractiveDrafter(services.local(Ports.embedder))


def test_every_sentence_is_copied_from_the_source_it_names_and_the_sections_are_filled(drafter):
    request = DraftRequest("wall mounting", "en", SOURCES)
    draft = drafter.draft(request)
    headings = [s.heading for s in draft.sections]
    assert headings[:3] == ["Overview", "Steps", "Troubleshooting"] and headings[-1] == "Related articles"
    sentences = [s for section in draft.sections for s in section.sentences]
    assert all(s.source is not None and s.text in SOURCES[s.source].text for s in sentences)
    outside_faq = [s.text for section in draft.sections if section.heading != "FAQ" for s in section.sentences]
    assert len(set(outside_faq)) == len(outside_faq), "no sentence twice (an FAQ answer may repeat one)"
    body = " ".join(s.text for s in sentences)
    assert "£79" in body and "Add a service" in body and "unsuitable" in body
    assert "[PERSON]" not in body and "BW-123456" not in body and "anything else" not in body
    steps = next(s for s in draft.sections if s.heading == "Steps").sentences
    assert any(s.text.startswith("Go to Your orders") for s in steps)
    assert next(s for s in draft.sections if s.heading == "Related articles").sentences[0].text == "Delivery options"
    assert (draft.title, draft.provider) == ("Wall mounting", "local")


def test_the_faq_pairs_a_customer_question_with_a_reply_sentence(drafter):
    faq = next(s for s in drafter.draft(DraftRequest("wall mounting", "en", SOURCES)).sections if s.heading == "FAQ")
    kinds = [SOURCES[s.source].kind for s in faq.sentences]
    assert kinds and kinds[0::2] == ["question"] * (len(kinds) // 2) and set(kinds[1::2]) <= {"reply", "article"}
    assert faq.sentences[0].text.endswith("?")


def test_a_request_without_a_question_is_refused(drafter):
    with pytest.raises(InvalidInput, match="question"):
        drafter.draft(DraftRequest("wall mounting", "en", SOURCES[3:]))


def test_sentences_are_split_as_written():
    assert split_sentences("## Steps\n1. Open the app. Tap Add.\n- If it fails, try again!") == [
        "Steps", "Open the app.", "Tap Add.", "If it fails, try again!"]
