"""Storing one mail (services/email_inbound.ingest) without a mail server: once per Message-ID even when two pollers
fetch it at the same moment, a thread found by its References, the whole mail masked and kept for the agent."""

from __future__ import annotations

import threading
from email.message import EmailMessage

from services import auth, email_inbound
from services.bootstrap import build_services
from services.config import Settings
from services.permissions import SEEDER
from tests.fakes import fake_pipeline


def raw_mail(text: str, message_id: str, references: str = "", sender: str = "Ann Lee <ann@example.com>") -> bytes:
    mail = EmailMessage()
    mail["From"], mail["To"], mail["Subject"], mail["Message-ID"] = sender, "support@example.test", "Late", message_id
    if references:
        mail["References"] = references
    mail.set_content(text)
    return mail.as_bytes()


def test_two_pollers_fetching_one_mail_at_once_store_it_once(tmp_path):
    services = build_services(Settings(db_path=str(tmp_path / "f.db")), **fake_pipeline())
    raw = raw_mail("Where is BW-100001?", "<same@example.com>")
    results = []
    gate = threading.Barrier(2)

    def poller() -> None:
        gate.wait()
        results.append(email_inbound.ingest(services, raw))

    threads = [threading.Thread(target=poller) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    assert sorted(r.duplicate for r in results) == [False, True]
    assert len({(r.conversation_id, r.message_id) for r in results}) == 1
    with services.uow() as uow:
        assert [len(uow.conversations.messages_for(c.id)) for c in uow.conversations.all()] == [1]


def test_a_mail_whose_in_reply_to_is_missing_joins_by_its_references_and_the_agent_reads_it_whole(tmp_path):
    services = build_services(Settings(db_path=str(tmp_path / "f.db")), **fake_pipeline())
    agent = auth.create_user(services, SEEDER, "alex", "Alex Rivera", "agent", "frontline-agent")
    first = email_inbound.ingest(services, raw_mail("My order is late", "<a@example.com>"))
    second = email_inbound.ingest(services, raw_mail(
        "Any news?\n\nAnn Lee\nPhone +44 20 7946 0000\n-- \nAnn Lee, ACME", "<b@example.com>",
        references="<unknown@elsewhere> <a@example.com>"))

    assert second.conversation_id == first.conversation_id and not second.new_conversation
    with services.uow() as uow:
        shown = uow.conversations.messages_for(first.conversation_id)[-1].text
    assert shown == "Any news?\n\nAnn Lee\nPhone +44 20 7946 0000"  # the signature after "-- " stripped
    mails = email_inbound.thread_mails(services, agent, first.conversation_id)
    assert [m.message_id for m in mails] == ["<a@example.com>", "<b@example.com>"]
    assert "-- \n" in mails[1].full_text and "ACME" in mails[1].full_text  # the whole mail, signature included …
    assert "Ann Lee" not in mails[1].full_text  # … with the PII masked
    with services.uow() as uow:
        assert uow.audit.entries(actor="alex")[0].action == "read_mail_thread"  # newest first


def test_card_numbers_in_a_mails_subject_and_text_are_never_stored_raw(tmp_path):
    services = build_services(Settings(db_path=str(tmp_path / "f.db")), **fake_pipeline())
    agent = auth.create_user(services, SEEDER, "alex", "Alex Rivera", "agent", "frontline-agent")
    mail = EmailMessage()
    mail["From"], mail["Subject"], mail["Message-ID"] = "ann@example.com", "4111 1111 1111 1111 charged twice", "<c@x>"
    mail.set_content("My card 4111 1111 1111 1111 was charged twice.\n\nSent from my iPhone")
    stored = email_inbound.ingest(services, mail.as_bytes())
    with services.uow() as uow:
        conversation = uow.conversations.get(stored.conversation_id)
        message = uow.conversations.messages_for(conversation.id)[0]
    whole = email_inbound.thread_mails(services, agent, conversation.id)[0]
    for text in (conversation.subject, message.text, message.masked_text, whole.subject, whole.full_text):
        assert "4111 1111 1111 1111" not in text and "1111" in text  # the last four kept, as everywhere
