"""Two mail pollers never send one reply twice, however slow the SMTP server is: a poller leases one reply at a time,
so a lease cannot run out on replies still waiting behind a slow send while another poller picks them up."""

from __future__ import annotations

from datetime import UTC, datetime

from services import email_outbox
from services.bootstrap import build_services
from services.clock import now_iso, parse_iso, to_iso
from services.config import Settings
from services.email_models import OutgoingMail
from services.models import Conversation, Customer, Message


class SlowServer:
    """Records each mail it is handed; each send takes ``send_s`` seconds of the test's clock, and during the second
    one another poller runs."""

    def __init__(self, clock: list[float], send_s: float, sent: list[str]) -> None:
        self.sent = sent
        self.clock, self.send_s = clock, send_s
        self.during_second = None

    def send(self, mail: OutgoingMail) -> None:
        self.sent.append(mail.message_id)
        self.clock[0] += self.send_s
        if len(self.sent) == 2 and self.during_second is not None:  # the first poller's second send
            self.during_second()


def test_a_slow_server_does_not_let_another_poller_send_the_replies_queued_behind_a_send(tmp_path, monkeypatch):
    settings = Settings(db_path=str(tmp_path / "f.db"), mail_smtp_host="127.0.0.1",
                        mail_from="support@brightwave.example", mail_timeout_s=10)
    lease_s = 2 * settings.mail_timeout_s + 30
    clock = [parse_iso(now_iso()).timestamp()]
    monkeypatch.setattr(email_outbox, "now_iso", lambda: to_iso(datetime.fromtimestamp(clock[0], UTC)))
    sent: list[str] = []
    server = SlowServer(clock, 0.6 * lease_s, sent)  # each send within its lease; a batch's lease would run out
    first = build_services(settings, mail_sender=server)
    second = build_services(settings, mail_sender=SlowServer(clock, 0.0, sent))  # its sends take no time
    start = email_outbox.now_iso()
    with first.uow() as uow:
        who = uow.customers.add(Customer(0, "Ann Example", "ann@example.org", "", "gold", 0.0, "", "", ""))
        talk = uow.conversations.add(Conversation(0, who.id, "email", "open", "Order", start, start))
        for i in range(3):
            reply = uow.conversations.append_message(Message(0, talk.id, "agent", "alex", f"Reply {i}",
                                                             f"Reply {i}", start))
            uow.mail.queue(talk.id, reply.id, OutgoingMail("", "ann@example.org", "Re: Order", f"Reply {i}",
                                                           f"<r{i}@brightwave.example>"), start)
    server.during_second = lambda: email_outbox.deliver_due(second)

    email_outbox.deliver_due(first)

    assert sorted(sent) == ["<r0@brightwave.example>", "<r1@brightwave.example>", "<r2@brightwave.example>"]
    with first.uow() as uow:
        assert [item.status for item in uow.mail.outbox(talk.id)] == ["sent"] * 3
