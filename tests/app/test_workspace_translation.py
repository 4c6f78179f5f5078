"""A customer writing Spanish or French in the agent workspace (AppTest, the real offline translator): the agent
reads a translation under the message and sends the reply in Spanish, seeing both texts."""

from __future__ import annotations

from components.composer import composer_key, translation_key
from services import inbox
from tests.app.conftest import user
from tests.app.test_workspace_flows import button, workspace
from tests.repos import repos

SPANISH = "¿Dónde está mi pedido? Lo pedí hace dos semanas y todavía no ha llegado."
FRENCH = "Bonjour, ma commande n'est toujours pas arrivée et personne ne répond à mes messages."


def thread_html(at) -> str:
    return " ".join(h.proto.body for h in at.get("html"))


def test_the_agent_reads_a_spanish_message_in_english_and_replies_in_spanish(app_services, apertium):
    agent = user(app_services, "agent")
    conversation, message, _ = inbox.start_conversation(app_services, 1, "chat", "Pedido", SPANISH, agent.username)
    at = workspace(agent, conversation.id)
    assert not at.exception
    html = thread_html(at)
    assert "English translation from Spanish (apertium" in html and "has not arrived" in html
    at.text_area(key=composer_key(conversation.id)).input("Your order ships tomorrow.")
    button(at, "Translate into Spanish").click().run()
    assert not at.exception and not at.error
    translated = at.text_area(key=translation_key(conversation.id)).value
    assert "pedido" in translated.lower() or "orden" in translated.lower()
    at.text_area(key=composer_key(conversation.id)).input("Your order ships next week.")
    button(at, "Send in Spanish").click().run()  # the reply changed after its translation: not sent
    assert [w.value for w in at.warning] == [
        "Your reply changed after it was translated: translate it again before sending it in Spanish."]
    assert repos(app_services).conversations.messages_for(conversation.id)[-1].author_role == "customer"
    at.text_area(key=composer_key(conversation.id)).input("Your order ships tomorrow.")
    button(at, "Send in Spanish").click().run()
    assert not at.exception and not at.error
    sent = repos(app_services).conversations.messages_for(conversation.id)[-1]
    assert (sent.author_role, sent.text, sent.original) == ("agent", translated, "Your order ships tomorrow.")
    assert "Sent translated; written as: Your order ships tomorrow." in thread_html(at)


def test_a_french_message_says_translation_needs_aws_without_breaking_the_page(app_services):
    agent = user(app_services, "agent")
    conversation, _, _ = inbox.start_conversation(app_services, 1, "chat", "Commande", FRENCH, agent.username)
    at = workspace(agent, conversation.id)
    assert not at.exception
    assert "French: translation between French and English needs AWS Translate" in thread_html(at)
    at.text_area(key=composer_key(conversation.id)).input("Your order ships tomorrow.")
    button(at, "Translate into French").click().run()
    assert not at.exception
    assert [e.value for e in at.error] == [
        "translation between English and French needs AWS Translate (offline, only English ↔ Spanish)"]
