"""The email channel end to end against real servers on loopback (dovecot IMAP, aiosmtpd SMTP; tests/mail_servers.py):
a customer's mail becomes a conversation with its thread, the agent's reply reaches the customer's mailbox (read
over IMAP) with the right In-Reply-To, and the customer's answer to that reply joins the same conversation."""

from __future__ import annotations

import time
from datetime import timedelta

from services import auth, conversations, email_inbound, email_outbox
from services.bootstrap import build_services
from services.clock import parse_iso, to_iso
from services.config import Settings
from services.permissions import SEEDER
from tests.email.conftest import customer_mail, mail_settings, mailbox, send, wait_for_mail

FIRST = """Hello, my order BW-100001 has not arrived yet. Can you tell me where it is?

Sent from my iPhone"""


def test_a_mail_becomes_a_conversation_and_the_agents_reply_arrives_in_the_customers_mailbox(servers, tmp_path):
    services = build_services(mail_settings(servers, tmp_path))  # the real offline pipeline (PII, intent, …)
    agent = auth.create_user(services, SEEDER, "alex", "Alex Rivera", "agent", "frontline-agent")
    send(servers, customer_mail(servers, FIRST))

    polled = email_inbound.poll_once(services)

    assert (polled.stored, polled.refused) == (1, 0)
    queue = conversations.agent_queue(services, agent)
    assert [item.row.conversation.channel for item in queue] == ["email"]
    conversation = queue[0].row.conversation
    assert conversation.subject == "Where is my order BW-100001?"
    view = conversations.open_conversation(services, agent, conversation.id)
    assert [m.author_role for m in view.messages] == ["customer"]
    assert "where it is?" in view.messages[0].text and "iPhone" not in view.messages[0].text  # signature stripped
    mails = email_inbound.thread_mails(services, agent, conversation.id)
    assert "Sent from my iPhone" in mails[0].full_text  # the whole mail stays available to the agent
    with services.uow() as uow:
        customer = uow.customers.get(conversation.customer_id)
    assert customer.email == servers.address("customer")

    conversations.send_reply(services, agent, conversation.id, "Your parcel left our warehouse today.")

    inbox = wait_for_mail(servers, "customer", 1)
    assert len(inbox) == 1
    reply = inbox[0][1]
    assert reply["In-Reply-To"] == "<m1@customer.example.test>"
    assert "<m1@customer.example.test>" in reply["References"]
    assert reply["Subject"] == "Re: Where is my order BW-100001?"
    assert reply["To"] == servers.address("customer")
    assert "Your parcel left our warehouse today." in reply.get_content()

    # the customer answers our reply (quoting it): the answer joins the same conversation, its quote stripped
    answer = customer_mail(servers, "Great, thank you!\n\nOn Tue, 1 Dec 2026 at 10:00, Brightwave Support wrote:\n"
                                    "> Your parcel left our warehouse today.\n",
                           subject="Re: Where is my order BW-100001?", message_id="<m2@customer.example.test>",
                           in_reply_to=reply["Message-ID"],
                           references=f"<m1@customer.example.test> {reply['Message-ID']}")
    send(servers, answer)
    assert email_inbound.poll_once(services).stored == 1
    with services.uow() as uow:
        assert [c.id for c in uow.conversations.all()] == [conversation.id]  # no second conversation
        messages = uow.conversations.messages_for(conversation.id)
    assert [m.author_role for m in messages] == ["customer", "agent", "customer"]
    assert messages[-1].text == "Great, thank you!"
    assert all(flags >= {"\\Seen"} for flags, _ in mailbox(servers, "support"))  # seen once stored

    # nothing is ingested twice: the same mail delivered again is a duplicate
    send(servers, answer)
    again = email_inbound.poll_once(services)
    assert (again.stored, again.duplicates) == (0, 1)
    with services.uow() as uow:
        assert len(uow.conversations.messages_for(conversation.id)) == 3


def test_a_reply_waits_in_the_outbox_while_smtp_is_down_and_goes_out_when_it_is_back(servers, tmp_path):
    services = build_services(mail_settings(servers, tmp_path, mail_retry_s=30))
    agent = auth.create_user(services, SEEDER, "alex", "Alex Rivera", "agent", "frontline-agent")
    send(servers, customer_mail(servers, "Is BW-100002 shipped?", subject="Order BW-100002"))
    email_inbound.poll_once(services)
    conversation_id = conversations.agent_queue(services, agent)[0].row.conversation.id
    port = servers.smtp_port
    servers.stop_smtp()

    conversations.send_reply(services, agent, conversation_id, "It ships tomorrow.")

    deadline = time.monotonic() + 15
    while True:  # the background send after the commit fails: the reply stays queued with the reason
        with services.uow() as uow:
            item = uow.mail.outbox(conversation_id)[0]
        if item.attempts or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert (item.status, item.attempts) == ("queued", 1)
    assert "cannot be reached" in item.last_error
    retry_at = parse_iso(item.next_attempt_at)
    assert 29 <= (retry_at - parse_iso(item.created_at)).total_seconds() <= 31  # mail_retry_s later
    early = to_iso(retry_at - timedelta(seconds=1))
    assert email_outbox.deliver_due(services, now=early) == email_outbox.Delivery()  # not due yet: not tried

    servers.start_smtp(port)
    assert email_outbox.deliver_due(services, now=item.next_attempt_at).sent == 1
    inbox = wait_for_mail(servers, "customer", 1)
    assert [m["In-Reply-To"] for _, m in inbox] == ["<m1@customer.example.test>"]
    with services.uow() as uow:
        assert uow.mail.outbox(conversation_id)[0].status == "sent"
    assert email_outbox.deliver_due(services, now="2999-01-01T00:00:00Z").sent == 0  # sent once, never again


def test_the_retry_delay_doubles_up_to_an_hour(tmp_path):
    services = build_services(Settings(db_path=str(tmp_path / "f.db"), mail_retry_s=30))
    assert [email_outbox.backoff_s(services, n) for n in (1, 2, 3, 8, 20)] == [30, 60, 120, 3600, 3600]


def test_a_reply_subject_with_a_name_and_address_reaches_the_customer_and_is_never_clear_at_rest(servers, tmp_path):
    settings = mail_settings(servers, tmp_path)
    services = build_services(settings)
    agent = auth.create_user(services, SEEDER, "alex", "Alex Rivera", "agent", "frontline-agent")
    send(servers, customer_mail(servers, "Is BW-100002 shipped?", subject="Order BW-100002"))
    email_inbound.poll_once(services)
    conversation_id = conversations.agent_queue(services, agent)[0].row.conversation.id
    subject = "Re: Dana Quillfeather, 17 Larkspur Crescent"

    conversations.send_reply(services, agent, conversation_id, "It ships tomorrow.", subject=subject)

    assert [m["Subject"] for _, m in wait_for_mail(servers, "customer", 1)] == [subject]
    stored = b"".join(p.read_bytes() for p in tmp_path.rglob("*.db*"))  # the file, its WAL and shared memory
    assert stored and b"Quillfeather" not in stored and b"Larkspur" not in stored
