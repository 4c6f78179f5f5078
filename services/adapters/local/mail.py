"""The email channel's local adapters: the support mailbox over IMAP (imaplib) and outgoing mail over SMTP (smtplib),
with implicit TLS, STARTTLS or plain (loopback only) as configured. Errors become ProviderUnavailable (try again
later) or InvalidInput (refused for good); a password never appears in a message."""

from __future__ import annotations

import imaplib
import logging
import re
import smtplib
import socket
import ssl
from email.message import EmailMessage
from email.utils import formatdate

from services.email_models import MailRef, OutgoingMail
from services.errors import InvalidInput, ProviderUnavailable

log = logging.getLogger(__name__)

_FETCH_SIZE = re.compile(rb"UID (\d+).*RFC822\.SIZE (\d+)|RFC822\.SIZE (\d+).*UID (\d+)")


def tls_context(ca_file: str = "") -> ssl.SSLContext:
    """Certificates verified against the system's CAs, or the given bundle (a private mail server's)."""
    return ssl.create_default_context(cafile=ca_file or None)


class ImapInbox:
    """One mailbox folder over IMAP; a session is opened on first use and kept until ``close``."""

    def __init__(self, host: str, port: int, user: str, password: str, security: str = "ssl",
                 folder: str = "INBOX", timeout_s: float = 10.0, ca_file: str = "") -> None:
        self.host, self.port, self.user, self._password = host, port, user, password
        self.security, self.folder, self.timeout_s, self.ca_file = security, folder, timeout_s, ca_file
        self._imap: imaplib.IMAP4 | None = None

    def _where(self) -> str:
        return f"the IMAP server {self.host}:{self.port}"

    def _session(self) -> imaplib.IMAP4:
        if self._imap is not None:
            return self._imap
        try:
            if self.security == "ssl":
                imap: imaplib.IMAP4 = imaplib.IMAP4_SSL(self.host, self.port, ssl_context=tls_context(self.ca_file),
                                                        timeout=self.timeout_s)
            else:
                imap = imaplib.IMAP4(self.host, self.port, timeout=self.timeout_s)
                if self.security == "starttls":
                    imap.starttls(tls_context(self.ca_file))
            imap.login(self.user, self._password)
            status, _ = imap.select(_quoted(self.folder))
            if status != "OK":
                imap.logout()
                raise ProviderUnavailable(f"{self._where()} has no folder {self.folder!r}")
        except (OSError, imaplib.IMAP4.error, ssl.SSLError) as e:
            raise ProviderUnavailable(f"{self._where()} cannot be reached or refused the login as "
                                      f"{self.user!r}: {_reason(e)}") from None
        self._imap = imap
        return imap

    def _command(self, *args: str) -> list:
        imap = self._session()
        try:
            status, data = imap.uid(*args)
        except (OSError, imaplib.IMAP4.error, ssl.SSLError) as e:
            self._drop()
            raise ProviderUnavailable(f"{self._where()} failed ({args[0]}): {_reason(e)}") from None
        if status != "OK":
            raise ProviderUnavailable(f"{self._where()} answered {status} to {args[0]}: {_reason(data)}")
        return data

    def unseen(self, limit: int) -> list[MailRef]:
        found = self._command("SEARCH", "UNSEEN")
        uids = (found[0] or b"").split() if found else []
        uids = sorted(uids, key=int)[:limit]
        if not uids:
            return []
        refs = []
        for item in self._command("FETCH", b",".join(uids).decode(), "(UID RFC822.SIZE)"):
            line = item[0] if isinstance(item, tuple) else item
            match = _FETCH_SIZE.search(line or b"")
            if match:
                uid, size = (match.group(1), match.group(2)) if match.group(1) else (match.group(4), match.group(3))
                refs.append(MailRef(uid.decode(), int(size)))
        return sorted(refs, key=lambda r: int(r.uid))

    def fetch(self, uid: str) -> bytes:
        data = self._command("FETCH", uid, "(BODY.PEEK[])")
        for item in data:
            if isinstance(item, tuple) and len(item) > 1 and isinstance(item[1], bytes):
                return item[1]
        raise InvalidInput(f"message {uid} is no longer in the mailbox")

    def mark_seen(self, uid: str, flagged: bool = False) -> None:
        self._command("STORE", uid, "+FLAGS", r"(\Seen \Flagged)" if flagged else r"(\Seen)")

    def close(self) -> None:
        imap, self._imap = self._imap, None
        if imap is not None:
            try:
                imap.logout()
            except (OSError, imaplib.IMAP4.error, ssl.SSLError):
                pass

    def _drop(self) -> None:
        imap, self._imap = self._imap, None
        if imap is not None:
            try:
                imap.shutdown()
            except OSError:
                pass


class SmtpSender:
    """Each send opens a connection (replies are few; a kept connection would time out between them)."""

    def __init__(self, host: str, port: int, user: str = "", password: str = "", security: str = "starttls",
                 timeout_s: float = 10.0, ca_file: str = "") -> None:
        self.host, self.port, self.user, self._password = host, port, user, password
        self.security, self.timeout_s, self.ca_file = security, timeout_s, ca_file

    def send(self, mail: OutgoingMail) -> None:
        message = EmailMessage()
        message["From"] = mail.sender
        message["To"] = mail.to
        message["Subject"] = mail.subject
        message["Date"] = formatdate(localtime=False, usegmt=True)
        message["Message-ID"] = mail.message_id
        if mail.in_reply_to:
            message["In-Reply-To"] = mail.in_reply_to
        if mail.references:
            message["References"] = mail.references
        message["Auto-Submitted"] = "no"
        message.set_content(mail.body)
        where = f"the SMTP server {self.host}:{self.port}"
        try:
            if self.security == "ssl":
                client: smtplib.SMTP = smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout_s,
                                                        context=tls_context(self.ca_file))
            else:
                client = smtplib.SMTP(self.host, self.port, timeout=self.timeout_s)
            with client:
                if self.security == "starttls":
                    client.starttls(context=tls_context(self.ca_file))
                if self.user:
                    client.login(self.user, self._password)
                client.send_message(message)
        except smtplib.SMTPRecipientsRefused as e:
            codes = [code for code, _ in e.recipients.values()]
            if all(500 <= code < 600 for code in codes):
                raise InvalidInput(f"{where} refused the recipient {mail.to!r} ({codes[0]})") from None
            raise ProviderUnavailable(f"{where} could not take the recipient now ({codes[0]})") from None
        except smtplib.SMTPResponseException as e:
            if 500 <= e.smtp_code < 600 and not isinstance(e, smtplib.SMTPAuthenticationError):
                raise InvalidInput(f"{where} refused the mail ({e.smtp_code})") from None
            raise ProviderUnavailable(f"{where} failed ({e.smtp_code}): try again later") from None
        except (OSError, smtplib.SMTPException, ssl.SSLError) as e:
            raise ProviderUnavailable(f"{where} cannot be reached: {_reason(e)}") from None


def _quoted(folder: str) -> str:
    return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _reason(error: object) -> str:
    if isinstance(error, socket.timeout):
        return "timed out"
    text = error.decode("utf-8", "replace") if isinstance(error, bytes) else str(error)
    return " ".join(text.split())[:200] or type(error).__name__
