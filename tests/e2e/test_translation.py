"""Translation in a real browser: a Spanish-speaking customer, the agent reads the English translation and replies in
Spanish through the offline translator (Debian's Apertium)."""

from __future__ import annotations

import pytest

from services import inbox
from services.bootstrap import build_services
from services.config import Settings
from tests.e2e.conftest import ARTIFACTS
from tests.e2e.test_workspace import open_in_workspace
from tests.repos import repos

pytestmark = pytest.mark.e2e
SPANISH = "Hola, mi pedido todavía no ha llegado y necesito el regalo para el viernes."


def test_the_agent_reads_spanish_in_english_and_answers_in_spanish(page, app_url, app_env, apertium):
    live = build_services(Settings(db_path=app_env["FRONTLINE_DB_PATH"]))
    customer = repos(live).customers.all()[5]
    conversation, _, _ = inbox.start_conversation(live, customer.id, "chat", "E2E: pedido", SPANISH, "agent")
    open_in_workspace(page, app_url, conversation.id, "E2E: pedido")
    page.get_by_text("English translation from Spanish (apertium", exact=False).wait_for()
    page.get_by_text("has not arrived", exact=False).first.wait_for()
    page.get_by_role("textbox", name="Reply").fill("Your order arrives on Thursday.")
    page.get_by_role("button", name="Translate into Spanish").click()
    translation = page.get_by_role("textbox", name="Spanish: what the customer reads", exact=False)
    translation.wait_for()
    page.wait_for_function("() => [...document.querySelectorAll('textarea')].some(t => t.value.includes('jueves'))")
    spanish = translation.input_value()
    page.get_by_role("button", name="Send in Spanish").click()
    page.get_by_text("Sent translated; written as: Your order arrives on Thursday.").wait_for()
    page.screenshot(path=str(ARTIFACTS / "agent-translation.png"))
    sent = repos(live).conversations.messages_for(conversation.id)[-1]
    assert (sent.text, sent.original) == (spanish, "Your order arrives on Thursday.")
