"""The mail poller against real servers on loopback: a bad mail (garbage, too big, a wrong charset, no sender) is
logged with its reason and flagged for a person, never stops the poll, and loses nothing; a mail is ingested once
however often it is fetched; a forged In-Reply-To from another address never joins someone else's conversation."""

from __future__ import annotations

import logging

from services import email_inbound
from services.bootstrap import build_services
from tests.email.conftest import customer_mail, mail_settings, mailbox, send
from tests.fakes import fake_pipeline


def test_bad_mails_are_logged_and_flagged_and_the_good_ones_around_them_stored(servers, tmp_path, caplog):
    services = build_services(mail_settings(servers, tmp_path, mail_max_bytes=20_000), **fake_pipeline())
    send(servers, customer_mail(servers, "First good mail", message_id="<good1@ex.test>"))
    servers.deliver("support", b"\x00\x01\x02 not a mail at all \xff\xfe")
    servers.deliver("support", customer_mail(servers, "x" * 30_000, message_id="<huge@ex.test>").as_bytes())
    servers.deliver("support", b"From: ann@example.test\r\nSubject: caf\xe9\r\nMessage-ID: <charset@ex.test>\r\n"
                               b"Content-Type: text/plain; charset=klingon-8\r\n\r\nMy caf\xe9 order BW-100003\r\n")
    servers.deliver("support", b"Subject: who am I\r\nMessage-ID: <nofrom@ex.test>\r\n\r\nno sender\r\n")
    send(servers, customer_mail(servers, "Second good mail", message_id="<good2@ex.test>"))

    with caplog.at_level(logging.ERROR, logger="services.email_inbound"):
        polled = email_inbound.poll_once(services)

    assert (polled.stored, polled.refused, polled.left) == (3, 3, 0)
    errors = " | ".join(r.getMessage() for r in caplog.records)
    assert "not a mail" in errors and "too big" in errors and "no sender address" in errors
    flags = [f for f, _ in mailbox(servers, "support")]
    assert all("\\Seen" in f for f in flags)
    assert sum("\\Flagged" in f for f in flags) == 3  # left in the mailbox for a person, not lost
    with services.uow() as uow:
        texts = sorted(m.text for c in uow.conversations.all() for m in uow.conversations.messages_for(c.id))
    assert texts[0] == "First good mail" and texts[2] == "Second good mail"
    assert texts[1].startswith("My caf") and "BW-100003" in texts[1]  # the unknown charset read with a stand-in
    assert email_inbound.poll_once(services).stored == 0  # the poller goes on; nothing is read twice


def test_a_mail_stored_before_a_crash_is_not_stored_again_when_it_is_fetched_again(servers, tmp_path):
    services = build_services(mail_settings(servers, tmp_path), **fake_pipeline())
    raw = customer_mail(servers, "Where is BW-100001?").as_bytes()
    first = email_inbound.ingest(services, raw)  # stored; the process died before marking it seen
    servers.deliver("support", raw)

    polled = email_inbound.poll_once(services)

    assert (polled.stored, polled.duplicates) == (0, 1)
    assert [f for f, _ in mailbox(servers, "support")] == [{"\\Seen"}]
    with services.uow() as uow:
        assert len(uow.conversations.messages_for(first.conversation_id)) == 1


def test_a_forged_in_reply_to_from_another_address_opens_its_own_conversation(servers, tmp_path):
    services = build_services(mail_settings(servers, tmp_path), **fake_pipeline())
    first = email_inbound.ingest(services, customer_mail(servers, "My order is late").as_bytes())
    forged = customer_mail(servers, "Send her order to me instead", message_id="<evil@ex.test>",
                           in_reply_to="<m1@customer.example.test>")
    forged.replace_header("From", "Mallory <mallory@evil.test>")

    stolen = email_inbound.ingest(services, forged.as_bytes())

    assert stolen.new_conversation and stolen.conversation_id != first.conversation_id
    with services.uow() as uow:
        assert [m.text for m in uow.conversations.messages_for(first.conversation_id)] == ["My order is late"]


def test_a_mailbox_that_refuses_the_login_is_logged_and_leaves_everything_for_the_next_poll(servers, tmp_path,
                                                                                          caplog):
    services = build_services(mail_settings(servers, tmp_path, mail_imap_password="s3cret-wrong"), **fake_pipeline())
    send(servers, customer_mail(servers, "Hello"))

    with caplog.at_level(logging.WARNING, logger="services.email_inbound"):
        polled = email_inbound.run(services, once=True)  # the loop logs the failure and lives on

    assert polled.stored == 0
    logged = " | ".join(r.getMessage() for r in caplog.records)
    assert "mail poll failed" in logged and "refused the login as 'support'" in logged
    assert "s3cret-wrong" not in logged  # the password is never in a message
    assert [f for f, _ in mailbox(servers, "support")] == [set()]  # still unseen: read at the next poll
