"""An email conversation in the agent workspace (AppTest): the thread shows what the customer wrote this time; the
whole mail — quoted history, signature, attachments listed — is shown on request, literally."""

from __future__ import annotations

from email.message import EmailMessage

from services import email_inbound
from tests.app.conftest import user
from tests.app.test_workspace_flows import button, workspace


def thread_html(at) -> str:
    return " ".join(h.proto.body for h in at.get("html"))


def test_the_agent_reads_the_new_text_in_the_thread_and_the_whole_email_on_request(app_services):
    agent = user(app_services, "agent")
    mail = EmailMessage()
    mail["From"], mail["Subject"], mail["Message-ID"] = "Ann Lee <ann.lee@example.test>", "Broken kettle", "<k1@x>"
    mail.set_content("The kettle <b>leaks</b>.\n\nOn Mon, 30 Nov 2026, Support <s@x.test> wrote:\n> Try descaling.\n"
                     "\n-- \nAnn Lee, Leeds")
    mail.add_attachment(b"\x89PNG" + b"\0" * 2044, maintype="image", subtype="png", filename="kettle.png")
    stored = email_inbound.ingest(app_services, mail.as_bytes())

    at = workspace(agent, stored.conversation_id)

    assert not at.exception
    shown = thread_html(at)
    assert "The kettle &lt;b&gt;leaks&lt;/b&gt;." in shown and "Try descaling" not in shown  # literal, quote stripped
    assert "[Attachments, not opened: kettle.png (image/png, 2 KB)]" in shown
    button(at, "Show the whole emails").click().run()
    assert not at.exception and not at.error
    shown = thread_html(at)
    # the whole mail, quote and signature included; the signature's name (and the city beside it) PII-masked
    assert "&gt; Try descaling." in shown and "[PERSON]" in shown
    assert "Attachment, not opened: kettle.png · image/png · 2 KB" in shown
