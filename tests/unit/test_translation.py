"""Translation (issue 17 item 7) through the use cases (services/translation.py), on a real SQLite database with
the fake translator (English ↔ Spanish, like the offline one): articles into another seed language, customer
messages translated for the agent, replies sent in the customer's language; PII never reaches the translator."""

from __future__ import annotations

import pytest

from services import conversations, inbox, knowledge, translation
from services.bootstrap import build_services
from services.errors import Conflict, InvalidInput, ProviderUnavailable
from services.models import Customer, User
from tests.fakes import FakeTranslator, fake_pipeline
from tests.repos import repos

EDITOR = User(3, "editor", "Jonas Weber", "kb_editor")
AGENT = User(1, "agent", "Alex Rivera", "agent")
SUPERVISOR = User(2, "supervisor", "Priya Shah", "supervisor")


@pytest.fixture
def translator() -> FakeTranslator:
    return FakeTranslator()


@pytest.fixture
def svc(settings, translator):
    services = build_services(settings, **{**fake_pipeline(), "translator": translator})
    for user in (EDITOR, AGENT, SUPERVISOR):
        repos(services).users.add(user.username, user.display_name, user.role, "x")
    repos(services).customers.add(Customer(0, "Dana Reyes", "dana@example.com", "", "gold", 10.0, "2024-01-01",
                                           "Madrid"))
    return services


def article(svc):
    return knowledge.create_article(svc, EDITOR, "Gift wrapping", "We wrap gifts for £3.\n\nChoose it at checkout.",
                                    tags="gifts, checkout", language="en", area="Orders")


def spanish_conversation(svc, text: str = "¿Dónde está mi pedido? Escribe a dana@example.com"):
    conversation, message, _ = inbox.start_conversation(svc, 1, "chat", "Pedido", text, AGENT.username)
    return conversation, message


# ---- articles -------------------------------------------------------------------------------------------------


def test_an_article_translated_into_spanish_is_a_new_draft_linked_to_its_source(svc):
    source = article(svc)
    spanish = translation.translate_article(svc, EDITOR, source.id, "es")
    assert (spanish.language, spanish.status, spanish.source_id, spanish.owner) == ("es", "draft", source.id, "editor")
    assert spanish.title == "[es] Gift wrapping" and spanish.body.startswith("[es] We wrap gifts")
    assert (spanish.tags, spanish.category) == (source.tags, source.category)
    assert knowledge.article_history(svc, EDITOR, spanish.id)[0].summary.startswith(
        "Translated from English (article 1, version 1) by fake")
    with svc.uow() as uow:
        assert [e.action for e in uow.audit.trail("article", str(spanish.id))] == ["article_translate"]
        assert uow.articles.get(source.id).version == 1  # the source is untouched
    assert translation.translations_of(knowledge.list_articles(svc, EDITOR), source) == [spanish]


def test_translating_into_french_offline_says_it_needs_aws_translate_and_stores_nothing(svc):
    source = article(svc)
    with pytest.raises(ProviderUnavailable, match="needs AWS Translate"):
        translation.translate_article(svc, EDITOR, source.id, "fr")
    assert [a.id for a in knowledge.list_articles(svc, EDITOR)] == [source.id]


def test_a_second_translation_its_own_language_or_an_unseeded_language_is_refused(svc):
    source = article(svc)
    first = translation.translate_article(svc, EDITOR, source.id, "es")
    with pytest.raises(Conflict, match=f"already has a Spanish translation \\(article {first.id}"):
        translation.translate_article(svc, EDITOR, source.id, "es")
    with pytest.raises(InvalidInput, match="already in English"):
        translation.translate_article(svc, EDITOR, source.id, "en")
    with pytest.raises(InvalidInput, match="language"):
        translation.translate_article(svc, EDITOR, source.id, "pt")
    knowledge.archive_article(svc, EDITOR, first.id, 1)  # an archived translation no longer blocks a new one
    assert translation.translate_article(svc, EDITOR, source.id, "es").source_id == source.id


def test_the_spanish_translation_comes_back_to_english(svc):
    spanish = translation.translate_article(svc, EDITOR, article(svc).id, "es")
    back = translation.translate_article(svc, EDITOR, spanish.id, "en")
    assert (back.language, back.source_id) == ("en", spanish.id)


# ---- customer messages for the agent ---------------------------------------------------------------------------


def test_a_spanish_customer_message_is_translated_for_the_agent_and_pii_never_reaches_the_translator(svc, translator):
    conversation, message = spanish_conversation(svc)
    languages = translation.thread_languages(svc, AGENT, conversation.id)
    shown = languages.translations[message.id]
    assert (shown.source, shown.target, shown.provider, shown.notice) == ("es", "en", "fake", "")
    assert shown.text == "[en] ¿Dónde está mi pedido? Escribe a dana@example.com"  # the agent sees the address
    assert all("dana@example.com" not in seen for seen in translator.seen)  # the translator saw a token
    assert (languages.reply_language, languages.reply_language_name) == ("es", "Spanish")


def test_a_supervisor_reads_the_translation_with_pii_masked(svc):
    conversation, message = spanish_conversation(svc)
    conversations.escalate(svc, AGENT, conversation.id, "wants a manager")
    shown = translation.thread_languages(svc, SUPERVISOR, conversation.id).translations[message.id]
    assert shown.text == "[en] ¿Dónde está mi pedido? Escribe a [EMAIL]"


def test_english_messages_get_no_translation_and_replies_go_as_written(svc):
    conversation, _, _ = inbox.start_conversation(svc, 1, "chat", "Order", "Where is my order?", AGENT.username)
    languages = translation.thread_languages(svc, AGENT, conversation.id)
    assert (languages.translations, languages.reply_language) == ({}, None)
    with pytest.raises(InvalidInput, match="writes in English"):
        translation.translate_reply(svc, AGENT, conversation.id, "It ships tomorrow.")


def test_a_pair_the_translator_lacks_shows_why_under_the_message_instead_of_failing(settings):
    svc = build_services(settings, **{**fake_pipeline(), "translator": FakeTranslator(pairs=())})
    repos(svc).users.add(AGENT.username, AGENT.display_name, AGENT.role, "x")
    repos(svc).customers.add(Customer(0, "Dana Reyes", "dana@example.com", "", "gold", 10.0, "2024-01-01", "Lyon"))
    conversation, message = spanish_conversation(svc)
    shown = translation.thread_languages(svc, AGENT, conversation.id).translations[message.id]
    assert (shown.text, shown.notice) == ("", "translation between es and en needs AWS Translate")


def test_each_messages_first_translation_for_a_user_is_audited_once(svc):
    conversation, message = spanish_conversation(svc)
    for _ in range(3):
        translation.thread_languages(svc, AGENT, conversation.id)
    with svc.uow() as uow:
        trail = [e for e in uow.audit.trail("conversation", str(conversation.id)) if e.action == "translate_messages"]
    assert [(e.actor, e.detail) for e in trail] == [("agent", f"message {message.id} es → en by fake")]


def test_the_translator_runs_once_per_text(svc, translator):
    conversation, _ = spanish_conversation(svc)
    translation.thread_languages(svc, AGENT, conversation.id)
    translation.thread_languages(svc, AGENT, conversation.id)
    assert len(translator.seen) == 1


# ---- replies in the customer's language ------------------------------------------------------------------------


def test_the_agent_previews_the_reply_in_spanish_with_pii_kept_out_of_the_translator(svc, translator):
    conversation, _ = spanish_conversation(svc)
    preview = translation.translate_reply(svc, AGENT, conversation.id, "I emailed dana@example.com the label.")
    assert (preview.source, preview.target, preview.provider) == ("en", "es", "fake")
    assert preview.translation == "[es] I emailed dana@example.com the label."
    assert preview.text == "I emailed dana@example.com the label."
    assert "dana@example.com" not in translator.seen[-1]


def test_a_reply_sent_in_spanish_keeps_both_texts_and_the_audit_names_the_language(svc):
    conversation, _ = spanish_conversation(svc)
    sent = translation.send_translated_reply(svc, AGENT, conversation.id, "Your order ships tomorrow.",
                                             "Su pedido sale mañana.", "es")
    assert (sent.text, sent.original, sent.author_role) == ("Su pedido sale mañana.", "Your order ships tomorrow.",
                                                            "agent")
    view = conversations.open_conversation(svc, AGENT, conversation.id, audit=False)
    assert view.messages[-1] == sent
    with svc.uow() as uow:
        assert uow.audit.trail("conversation", str(conversation.id))[-1].detail == (
            f"message {sent.id}, sent in es (translated)")


def test_a_translated_reply_from_an_unchanged_suggestion_counts_as_accepted(svc):
    conversation, _ = spanish_conversation(svc)
    suggestion = conversations.assist_view(svc, AGENT, conversation.id).suggestions[0]
    translation.send_translated_reply(svc, AGENT, conversation.id, suggestion.text, "[es] traducción", "es",
                                      suggestion.id)
    feedback = conversations.assist_view(svc, AGENT, conversation.id).suggestions[0].feedback
    assert feedback == "accepted"


def test_an_empty_translation_or_a_bad_language_stores_nothing(svc):
    conversation, _ = spanish_conversation(svc)
    for text, translated, language in (("Hello", "  ", "es"), ("", "Hola", "es"), ("Hello", "Hola", "not a code!")):
        with pytest.raises(InvalidInput):
            translation.send_translated_reply(svc, AGENT, conversation.id, text, translated, language)
    with svc.uow() as uow:
        assert uow.conversations.count_messages(conversation.id) == 1


def test_tokens_come_back_and_invented_ones_are_dropped():
    from services.models import PiiSpan

    text = "Mail ana@x.io or call +34 600 000 000"
    protected, values = translation.protect(text, [PiiSpan("EMAIL", 5, 13), PiiSpan("PHONE", 22, 37)])
    assert protected == "Mail ⟦1⟧ or call ⟦2⟧"
    assert translation.unprotect("Escribe a ⟦1⟧ o llama al ⟦2⟧ ⟦7⟧", values) == (
        "Escribe a ana@x.io o llama al +34 600 000 000 ")
    assert translation.unprotect("⟦1⟧ ⟦2⟧", values, restore=False) == "[EMAIL] [PHONE]"
