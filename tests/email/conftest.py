"""Real mail servers for the email tests (tests/mail_servers.py): dovecot (IMAP) and aiosmtpd (SMTP) on loopback,
started for each test in a temporary folder and stopped after it; skipped with the reason when dovecot is missing,
except under CI=true (.ci/run installs Debian's dovecot-imapd)."""

from __future__ import annotations

import email
import email.policy
import imaplib
import os
import shutil
import smtplib
import time
from collections.abc import Iterator
from email.message import EmailMessage

import pytest

from services.config import Settings
from tests import mail_servers
from tests.mail_servers import PASSWORD, MailServers


@pytest.fixture
def servers() -> Iterator[MailServers]:
    try:
        running = mail_servers.start()
    except mail_servers.Unavailable as e:
        if os.environ.get("CI") == "true":
            pytest.fail(f"the email tests cannot run under CI: {e}")
        pytest.skip(f"email tests skipped: {e}")
    yield running
    running.stop()
    shutil.rmtree(running.root, ignore_errors=True)


def mail_settings(servers: MailServers, tmp_path, **more) -> Settings:
    chosen = dict(db_path=str(tmp_path / "frontline.db"), mail_imap_host="127.0.0.1",
                  mail_imap_port=servers.imap_port, mail_imap_security="none", mail_imap_user="support",
                  mail_imap_password=PASSWORD, mail_smtp_host="127.0.0.1", mail_smtp_port=servers.smtp_port,
                  mail_smtp_security="none", mail_from=f"Brightwave Support <{servers.address('support')}>",
                  mail_poll_s=0.2, mail_timeout_s=5)
    return Settings(**{**chosen, **more})


def customer_mail(servers: MailServers, text: str, subject: str = "Where is my order BW-100001?",
                  message_id: str = "<m1@customer.example.test>", in_reply_to: str = "", references: str = "",
                  html: str = "") -> EmailMessage:
    mail = EmailMessage()
    mail["From"] = f"Ann Lee <{servers.address('customer')}>"
    mail["To"] = servers.address("support")
    mail["Subject"] = subject
    mail["Message-ID"] = message_id
    if in_reply_to:
        mail["In-Reply-To"] = in_reply_to
    if references:
        mail["References"] = references
    mail.set_content(text)
    if html:
        mail.add_alternative(html, subtype="html")
    return mail


def send(servers: MailServers, mail: EmailMessage) -> None:
    with smtplib.SMTP("127.0.0.1", servers.smtp_port, timeout=10) as client:
        client.send_message(mail)


def mailbox(servers: MailServers, user: str) -> list[tuple[set[str], email.message.EmailMessage]]:
    """(flags, message) of every mail in the user's INBOX, read over IMAP."""
    imap = imaplib.IMAP4("127.0.0.1", servers.imap_port, timeout=10)
    try:
        imap.login(user, PASSWORD)
        imap.select("INBOX", readonly=True)
        found = []
        for uid in imap.uid("SEARCH", None, "ALL")[1][0].split():
            data = imap.uid("FETCH", uid, "(FLAGS BODY.PEEK[])")[1]
            meta, raw = data[0]
            flags = set(imaplib.ParseFlags(meta) or ())
            shown = {f.decode() for f in flags} - {"\\Recent"}
            found.append((shown, email.message_from_bytes(raw, policy=email.policy.default)))
        return found
    finally:
        imap.logout()


def wait_for_mail(servers: MailServers, user: str, count: int, timeout: float = 15.0) -> list:
    deadline = time.monotonic() + timeout
    while True:
        found = mailbox(servers, user)
        if len(found) >= count or time.monotonic() > deadline:
            return found
        time.sleep(0.1)
