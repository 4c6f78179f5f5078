"""Throw-away mail servers on loopback for the email tests and bench/channels.py: Debian's dovecot (IMAP) in a
temporary folder on a free port with a passwd-file, and aiosmtpd (SMTP) delivering into the dovecot users' Maildirs.

Nothing here uses root-only paths: dovecot's base, state and log files and every Maildir live in the temporary
folder. Under root, dovecot's mail processes run as Debian's ``dovecot`` user (dovecot refuses mail access as UID 0)
and its login processes as ``dovenull``; otherwise everything runs as the current user.

A missing dovecot binary skips the email tests with the reason, except under ``CI=true`` where they fail (CI installs
Debian's ``dovecot-imapd``: .ci/run).
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DOVECOT_PATHS = ("/usr/sbin/dovecot", "/usr/local/sbin/dovecot")
PASSWORD = "mail-test-pass"


class Unavailable(RuntimeError):
    """The servers cannot start here (no dovecot binary, or it would not start)."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def dovecot_binary() -> str | None:
    found = shutil.which("dovecot")
    return found or next((p for p in DOVECOT_PATHS if os.access(p, os.X_OK)), None)


def _wait_port(port: int, process: subprocess.Popen | None, log: Path, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise Unavailable(f"dovecot exited with {process.returncode}: {_tail(log)}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
                if sock.recv(64).startswith(b"* OK"):
                    return
        except OSError:
            time.sleep(0.05)
    raise Unavailable(f"dovecot did not answer on port {port} within {timeout:.0f} s: {_tail(log)}")


def _tail(log: Path) -> str:
    try:
        return " | ".join(log.read_text(errors="replace").splitlines()[-5:])
    except OSError:
        return "(no log)"


@dataclass
class MailServers:
    """dovecot on ``imap_port`` and aiosmtpd on ``smtp_port`` (both 127.0.0.1); users share one password."""

    root: Path
    users: tuple[str, ...]
    imap_port: int = 0
    smtp_port: int = 0
    domain: str = "example.test"
    _dovecot: subprocess.Popen | None = None
    _smtp: Any = None
    _uid: int = -1
    _gid: int = -1
    delivered: list[str] = field(default_factory=list)

    def maildir(self, user: str) -> Path:
        return self.root / "mail" / user / "Maildir"

    def address(self, user: str) -> str:
        return f"{user}@{self.domain}"

    # ---- dovecot -------------------------------------------------------------------------------------------
    def start_imap(self) -> None:
        binary = dovecot_binary()
        if binary is None:
            raise Unavailable("no dovecot binary (install Debian's dovecot-imapd)")
        if os.geteuid() == 0:
            try:
                mail_user, login_user = pwd.getpwnam("dovecot"), pwd.getpwnam("dovenull")
            except KeyError as e:
                raise Unavailable(f"running as root needs Debian's dovecot and dovenull users: {e}") from None
            internal = mail_user.pw_name
        else:
            mail_user = login_user = pwd.getpwuid(os.geteuid())
            internal = mail_user.pw_name
        self._uid, self._gid = mail_user.pw_uid, mail_user.pw_gid
        self.root.chmod(0o755)  # the login and mail processes (another user under root) reach their sockets
        for user in self.users:
            for sub in ("new", "cur", "tmp"):
                (self.maildir(user) / sub).mkdir(parents=True, exist_ok=True)
        for path in [self.root / "mail", *self.root.glob("mail/**")]:
            os.chown(path, self._uid, self._gid) if os.geteuid() == 0 else None
        passwd = self.root / "passwd"
        passwd.write_text("".join(f"{user}:{{PLAIN}}{PASSWORD}::::::\n" for user in self.users))
        passwd.chmod(0o644)
        self.imap_port = free_port()
        log = self.root / "dovecot.log"
        conf = self.root / "dovecot.conf"
        conf.write_text(f"""
base_dir = {self.root}/run
state_dir = {self.root}/state
log_path = {log}
info_log_path = {log}
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
default_login_user = {login_user.pw_name}
default_internal_user = {internal}
default_internal_group = {_group(mail_user.pw_gid)}
first_valid_uid = {min(self._uid, 1)}
first_valid_gid = 0
mail_location = maildir:{self.root}/mail/%n/Maildir
mail_fsync = never
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%n {passwd}
}}
userdb {{
  driver = static
  args = uid={self._uid} gid={self._gid} home={self.root}/mail/%n
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {self.imap_port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service anvil {{
  chroot =
}}
service stats {{
  unix_listener stats-reader {{
    mode = 0666
  }}
  unix_listener stats-writer {{
    mode = 0666
  }}
}}
""")
        for sub in ("run", "state"):
            (self.root / sub).mkdir(exist_ok=True)
        self._dovecot = subprocess.Popen([binary, "-F", "-c", str(conf)], stdin=subprocess.DEVNULL,
                                         stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        try:
            _wait_port(self.imap_port, self._dovecot, log)
        except Unavailable:
            self.stop()
            raise

    # ---- aiosmtpd --------------------------------------------------------------------------------------------
    def start_smtp(self, port: int = 0) -> None:
        """Start (or start again, on the same port when given) the SMTP server."""
        from aiosmtpd.controller import Controller

        self.smtp_port = port or self.smtp_port or free_port()
        self._smtp = Controller(_Deliver(self), hostname="127.0.0.1", port=self.smtp_port)
        self._smtp.start()

    def stop_smtp(self) -> None:
        if self._smtp is not None:
            self._smtp.stop()
            self._smtp = None

    def stop(self) -> None:
        self.stop_smtp()
        if self._dovecot is not None and self._dovecot.poll() is None:
            self._dovecot.terminate()
            try:
                self._dovecot.wait(10)
            except subprocess.TimeoutExpired:
                self._dovecot.kill()
                self._dovecot.wait(5)
        self._dovecot = None

    def deliver(self, user: str, raw: bytes) -> None:
        """Put one message into a user's Maildir (what an MTA's local delivery does)."""
        folder = self.maildir(user)
        name = f"{time.time_ns()}.{uuid.uuid4().hex}.frontline"
        tmp = folder / "tmp" / name
        tmp.write_bytes(raw)
        if os.geteuid() == 0:
            os.chown(tmp, self._uid, self._gid)
        tmp.rename(folder / "new" / name)
        self.delivered.append(user)


def _group(gid: int) -> str:
    import grp

    return grp.getgrgid(gid).gr_name


class _Deliver:
    """aiosmtpd handler: accepts mail for the servers' users (any domain) and files it in their Maildirs."""

    def __init__(self, servers: MailServers) -> None:
        self.servers = servers

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: list) -> str:
        if address.split("@")[0].lower() not in self.servers.users:
            return "550 5.1.1 no such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        content = envelope.original_content or envelope.content
        if isinstance(content, str):
            content = content.encode("utf-8", "surrogateescape")
        for rcpt in envelope.rcpt_tos:
            self.servers.deliver(rcpt.split("@")[0].lower(), content)
        return "250 Message accepted for delivery"


def start(users: tuple[str, ...] = ("support", "customer")) -> MailServers:
    """dovecot and aiosmtpd started in a new temporary folder; the caller calls ``stop()`` and removes ``root``.

    Raises:
        Unavailable: dovecot is missing or would not start (the temporary folder is removed then).
    """
    root = Path(tempfile.mkdtemp(prefix="frontline-mail-"))
    servers = MailServers(root, users)
    try:
        servers.start_imap()
        servers.start_smtp()
    except BaseException:
        servers.stop()
        shutil.rmtree(root, ignore_errors=True)
        raise
    return servers
