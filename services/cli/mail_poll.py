"""`mail-poll [--once] [--if-configured]`: the email channel's poller (docs/email.md). Reads the support mailbox (IMAP)
into conversations every mail_poll_s seconds and sends the outbox's due replies (SMTP), and the social channel's due
replies when social_send_url is set (docs/api.md "Social webhook"), until stopped (Ctrl-C, SIGTERM). --once: one
poll, its counts printed as JSON. --if-configured: exit 0 at once when both channels are off (`make run` starts it
so)."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from dataclasses import asdict

from services.cli import print_json
from services.cli.common import services_from


def _run(args: argparse.Namespace) -> int:
    from services import email_inbound

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    services = services_from(args)
    settings = services.settings
    if not (settings.mail_inbound or settings.mail_outbound or settings.social_send_url):
        if args.if_configured:
            return 0  # `make run`: the email channel and social sending are off, nothing to poll
        print("error: the email channel is off: set mail_imap_host (and mail_imap_user, FRONTLINE_MAIL_IMAP_PASSWORD) "
              "to receive, mail_smtp_host and mail_from to send; see docs/email.md (or social_send_url to send "
              "social replies; see docs/api.md)", file=sys.stderr)
        return 2
    if args.once:
        print_json(asdict(email_inbound.poll_once(services)))
        return 0
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    print(f"mail-poll: {'reading ' + settings.mail_imap_host if settings.mail_inbound else 'not reading mail'}, "
          f"{'sending by ' + settings.mail_smtp_host if settings.mail_outbound else 'not sending'}, "
          f"{'sending social replies' if settings.social_send_url else 'no social replies'}, every "
          f"{settings.mail_poll_s:g} s; Ctrl-C stops", file=sys.stderr, flush=True)
    email_inbound.run(services, stop)
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("mail-poll", help="the email channel: poll the support mailbox, send queued replies "
                            "(social ones too)",
                            description="Read new mail from the support mailbox (IMAP) into conversations and send "
                            "agents' replies (SMTP; and social replies when social_send_url is set), every mail_poll_s "
                            "seconds until stopped. The email channel is off unless mail_imap_host / mail_smtp_host "
                            "are set (docs/email.md).")
    parser.add_argument("--once", action="store_true", help="poll once and print the counts as JSON")
    parser.add_argument("--if-configured", action="store_true",
                        help="exit at once, quietly, when the email channel and social sending are off (what "
                        "`make run` uses)")
    parser.set_defaults(func=_run)
