"""Channels (issue 19): the ingestion API's speed and its duplicates under retries, as one JSON line.

    python bench/channels.py [--messages 1000] [--retries 100] [--store-url postgresql://…]

Seeds the demo company in a temporary folder, starts the API as its own process (`python -m api`, uvicorn, the real
offline models) on a free loopback port, and over one kept-alive connection POSTs --messages customer messages
(simulator lines filled from real demo orders; a third of them follow-ups in a thread opened earlier, the rest new
threads), timing each from the request sent to the response read: the message, its analysis and the stored response
are committed by then ("POST → stored"). 20 warm-up POSTs are not timed. Then --retries identical POSTs with one
Idempotency-Key (half one after the other, half from 10 threads at once) and counts the thread's extra messages:
`duplicates`. Then a web chat visitor opens the widget's event stream and an agent sends --stream-replies replies
(services.conversations.send_reply, in this process, on the same database): `widget_stream_p95_ms` is reply stored →
its event read from the stream. Then --widget-questions web chat visitors (each a new chat with its own open event
stream) ask one question each from a rotating list of things the demo KB answers and things it does not:
`widget_reply_p95_ms` is the customer's message sent → the virtual assistant's first message (an answer, or its
handover notice) read from the stream; `widget_answered_share` how many of them it answered itself.
Then --email-roundtrips customer emails (after one untimed warm-up): dovecot (IMAP) and aiosmtpd (SMTP) are started
on loopback (tests/mail_servers.py; Debian's dovecot-imapd), the mail poller runs as its own process
(`python -m services mail-poll`, polling every --mail-poll-s seconds, the real offline models), and each roundtrip is
timed from the customer's mail handed to SMTP → stored as a conversation (read from the database) → the agent's reply
(services.conversations.send_reply in this process, sent by SMTP from the outbox) → found in the customer's mailbox
over IMAP with the right In-Reply-To: `email_roundtrip_s` is the p95 (`email_roundtrip_p50_s` the median).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import queue
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from services import api_keys, auth, conversations  # noqa: E402
from services.bootstrap import build_services  # noqa: E402
from services.config import Settings, load_settings  # noqa: E402
from services.permissions import CLI  # noqa: E402
from services.simulator_lines import FOLLOW_UPS, OPENING_LINES  # noqa: E402

WARM_UP = 20


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_api(env: dict[str, str], port: int) -> subprocess.Popen:
    process = subprocess.Popen([sys.executable, "-m", "api", "--port", str(port)], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit(f"the API did not start: {process.stderr.read().decode()[-2000:] if process.stderr else ''}")


class Client:
    def __init__(self, port: int, key: str) -> None:
        self.port, self.key = port, key
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    def post(self, body: dict, idempotency: str) -> tuple[int, dict]:
        self.conn.request("POST", "/v1/messages", json.dumps(body), {
            "Authorization": f"Bearer {self.key}", "Content-Type": "application/json", "Idempotency-Key": idempotency})
        response = self.conn.getresponse()
        return response.status, json.loads(response.read())

    def messages(self, thread: str) -> list[dict]:
        self.conn.request("GET", f"/v1/messages?thread_id={thread}&limit=500",
                          headers={"Authorization": f"Bearer {self.key}"})
        return json.loads(self.conn.getresponse().read())["messages"]


def bodies(services, count: int, rng: random.Random):  # noqa: ANN001, ANN201
    """(body) for each message: customers and orders from the demo; a third follow up an earlier thread."""
    with services.uow() as uow:
        customers = uow.customers.all()
        orders = {c.id: uow.customers.orders_for(c.id) for c in customers[:100]}
    threads: list[tuple[str, dict]] = []
    for i in range(count):
        if threads and rng.random() < 1 / 3:
            thread, customer = rng.choice(threads)
            yield {"channel": "chat", "thread_id": thread, "customer": customer,
                   "text": rng.choice(FOLLOW_UPS[rng.choice(list(FOLLOW_UPS))])}
            continue
        person = rng.choice(customers[:100])
        order = rng.choice(orders[person.id]) if orders[person.id] else None
        line = rng.choice(OPENING_LINES[rng.choice(list(OPENING_LINES))])
        text = line.format(order=order.number if order else "BW-100000", product=(order.items[0] if order and
                           order.items else "SmartHub"), tracking=(order.tracking_number if order and
                                                                   order.tracking_number else "BWT000000000"))
        customer = {"id": f"cus-{person.id}", "name": person.name, "email": person.email}
        thread = f"bench-{i}"
        threads.append((thread, customer))
        yield {"channel": "chat", "thread_id": thread, "customer": customer, "text": text}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def stream_latency(services, port: int, replies: int) -> list[float]:  # noqa: ANN001
    """Agent reply stored → its event read from a widget visitor's stream, per reply (ms)."""
    api_keys.create_key(services, CLI, "bench-site", widget=True, rate_per_minute=api_keys.MAX_RATE_PER_MINUTE)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("POST", "/widget/v1/visitors", json.dumps({"site": "bench-site"}), {"Content-Type": "application/json"})
    token = json.loads(conn.getresponse().read())["token"]
    conn.request("POST", "/widget/v1/messages", json.dumps({"text": "hi, is anyone there? order BW-100001"}), {
        "Content-Type": "application/json", "Authorization": f"Bearer {token}", "Idempotency-Key": str(uuid.uuid4())})
    posted = json.loads(conn.getresponse().read())
    agent = next(u for u in auth.list_users(services, CLI) if u.role == "agent")
    arrived: queue.Queue[tuple[str, float]] = queue.Queue()
    stream = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    stream.request("GET", f"/widget/v1/stream?token={token}&since={posted['message_id']}")
    response = stream.getresponse()

    def read() -> None:
        try:
            for raw in response.fp:
                line = raw.decode()
                if line.startswith("data: "):
                    arrived.put((json.loads(line[6:])["text"], time.perf_counter()))
        except (OSError, ValueError):  # the stream was closed at the end
            return

    threading.Thread(target=read, daemon=True).start()
    timed, rng = [], random.Random(7)
    for i in range(replies):
        time.sleep(rng.uniform(0.05, 0.5))  # out of step with the stream's polling
        text = f"Reply {i}: your order is on its way."
        sent = time.perf_counter()
        conversations.send_reply(services, agent, posted["conversation_id"], text)
        while True:
            got, at = arrived.get(timeout=10)
            if got == text:
                timed.append((at - sent) * 1000)
                break
    stream.close()
    return timed


QUESTIONS = ("hi, how do I return an item I bought?", "what's your returns policy for opened stuff?",
             "how long does a refund take to reach my card", "can i change the delivery address on my order",
             "my smarthub won't pair with the app, any ideas?", "do you ship to ireland?",
             "how do i reset my password", "can I talk to a real person please")


def reply_latency(services, port: int, questions: int) -> tuple[list[float], int]:  # noqa: ANN001
    """Customer message sent → the assistant's first message read from a new visitor's stream (ms), per question;
    and how many it answered (rather than handed over)."""
    api_keys.create_key(services, CLI, "bench-assistant", widget=True, rate_per_minute=api_keys.MAX_RATE_PER_MINUTE)
    timed, answered = [], 0
    for i in range(questions):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.request("POST", "/widget/v1/visitors", json.dumps({"site": "bench-assistant"}),
                     {"Content-Type": "application/json"})
        token = json.loads(conn.getresponse().read())["token"]
        stream = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        stream.request("GET", f"/widget/v1/stream?token={token}&since=0")
        response = stream.getresponse()
        sent = time.perf_counter()
        conn.request("POST", "/widget/v1/messages", json.dumps({"text": QUESTIONS[i % len(QUESTIONS)]}), {
            "Content-Type": "application/json", "Authorization": f"Bearer {token}",
            "Idempotency-Key": str(uuid.uuid4())})
        conn.getresponse().read()
        for raw in response.fp:
            line = raw.decode()
            if line.startswith("data: ") and json.loads(line[6:])["role"] == "assistant":
                timed.append((time.perf_counter() - sent) * 1000)
                answered += "passing you to a colleague" not in json.loads(line[6:])["text"]
                break
        stream.close()
        conn.close()
    return timed, answered


def email_roundtrips(env: dict[str, str], store_url: str, count: int, poll_s: float) -> list[float]:
    """Customer mail sent by SMTP → stored conversation → agent reply → in the customer's IMAP mailbox (s), per mail
    (one untimed warm-up first: the poller process loads its models on its first mail)."""
    import imaplib
    import smtplib
    from email.message import EmailMessage

    from tests import mail_servers

    servers = mail_servers.start()
    mail_env = {**env, "FRONTLINE_MAIL_IMAP_HOST": "127.0.0.1", "FRONTLINE_MAIL_IMAP_PORT": str(servers.imap_port),
                "FRONTLINE_MAIL_IMAP_SECURITY": "none", "FRONTLINE_MAIL_IMAP_USER": "support",
                "FRONTLINE_MAIL_IMAP_PASSWORD": mail_servers.PASSWORD, "FRONTLINE_MAIL_SMTP_HOST": "127.0.0.1",
                "FRONTLINE_MAIL_SMTP_PORT": str(servers.smtp_port), "FRONTLINE_MAIL_SMTP_SECURITY": "none",
                "FRONTLINE_MAIL_FROM": servers.address("support"), "FRONTLINE_MAIL_POLL_S": str(poll_s)}
    log = open(Path(env["FRONTLINE_DB_PATH"]).parent / "mail-poll.log", "wb")  # noqa: SIM115 - closed below
    poller = subprocess.Popen([sys.executable, "-m", "services", "mail-poll"], cwd=ROOT, env=mail_env,
                              stdout=log, stderr=subprocess.STDOUT)
    imap = None
    try:
        services = build_services(load_settings(environ=mail_env))  # the app's settings: as the poller's
        agent = next(u for u in auth.list_users(services, CLI) if u.role == "agent")
        imap = imaplib.IMAP4("127.0.0.1", servers.imap_port, timeout=30)
        imap.login("customer", mail_servers.PASSWORD)
        imap.select("INBOX")
        timed = []
        for i in range(count + 1):
            message_id = f"<bench-{i}-{uuid.uuid4().hex[:8]}@customer.example.test>"
            mail = EmailMessage()
            mail["From"], mail["To"] = f"Ann Lee <{servers.address('customer')}>", servers.address("support")
            mail["Subject"], mail["Message-ID"] = f"Order BW-10000{i % 10}", message_id
            mail.set_content(f"Hello, where is my order BW-10000{i % 10}? It has not arrived.\n\nSent from my iPhone")
            started = time.perf_counter()
            with smtplib.SMTP("127.0.0.1", servers.smtp_port, timeout=30) as client:
                client.send_message(mail)
            record = _wait(lambda mid=message_id: _stored(services, mid), 60)
            conversations.send_reply(services, agent, record.conversation_id, "It left our warehouse today.")
            _wait(lambda mid=message_id: imap.noop() and imap.uid("SEARCH", None, "HEADER", "In-Reply-To", mid)[1][0],
                  60)
            if i:
                timed.append(time.perf_counter() - started)
        return timed
    finally:
        if imap is not None:
            imap.logout()
        poller.terminate()
        poller.wait(10)
        log.close()
        servers.stop()
        shutil.rmtree(servers.root, ignore_errors=True)


def _stored(services, message_id: str):  # noqa: ANN001, ANN202
    with services.uow() as uow:
        return uow.mail.get(message_id)


def _wait(found, timeout: float):  # noqa: ANN001, ANN202
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = found()
        if value:
            return value
        time.sleep(0.02)
    raise SystemExit(f"email roundtrip: nothing after {timeout:.0f} s")


def run(messages: int, retries: int, store_url: str, stream_replies: int, widget_questions: int = 16,
        mails: int = 10, mail_poll_s: float = Settings().mail_poll_s) -> dict:
    folder = tempfile.mkdtemp(prefix="frontline-channels-")
    env = {**os.environ, "FRONTLINE_DB_PATH": str(Path(folder) / "frontline.db"), "FRONTLINE_BACKEND": "local"}
    if store_url:
        env["FRONTLINE_DATABASE_URL"] = store_url
    subprocess.run([sys.executable, "-m", "services", "seed", "--no-assist"], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL)
    services = build_services(Settings(db_path=env["FRONTLINE_DB_PATH"], database_url=store_url))
    key = api_keys.create_key(services, CLI, "bench", rate_per_minute=api_keys.MAX_RATE_PER_MINUTE)[1]
    port = free_port()
    process = start_api(env, port)
    try:
        client, rng = Client(port, key), random.Random(19)
        load_before = os.getloadavg()[0]
        timed, errors, started = [], 0, time.monotonic()
        for i, body in enumerate(bodies(services, WARM_UP + messages, rng)):
            started = time.monotonic() if i == WARM_UP else started  # the models are loaded by then
            sent = time.perf_counter()
            status, _ = client.post(body, str(uuid.uuid4()))
            if i >= WARM_UP:
                timed.append((time.perf_counter() - sent) * 1000)
            errors += status != 201
        wall = time.monotonic() - started
        duplicates = retried(client, port, key, retries)
        streamed = stream_latency(services, port, stream_replies) if stream_replies else []
        replied, answered = reply_latency(services, port, widget_questions) if widget_questions else ([], 0)
        mailed = email_roundtrips(env, store_url, mails, mail_poll_s) if mails else []
        load_after = os.getloadavg()[0]
    finally:
        process.terminate()
        process.wait(10)
        shutil.rmtree(folder, ignore_errors=True)
    return {"api_p50_ms": round(statistics.median(timed), 2), "api_p95_ms": round(percentile(timed, 0.95), 2),
            "api_max_ms": round(max(timed), 2), "messages": messages, "errors": errors,
            "messages_per_s": round(len(timed) / wall, 1), "duplicates": duplicates, "retries": retries,
            "widget_stream_p50_ms": round(statistics.median(streamed), 1) if streamed else None,
            "widget_stream_p95_ms": round(percentile(streamed, 0.95), 1) if streamed else None,
            "widget_reply_p50_ms": round(statistics.median(replied), 1) if replied else None,
            "widget_reply_p95_ms": round(percentile(replied, 0.95), 1) if replied else None,
            "widget_questions": len(replied), "widget_answered_share": round(answered / len(replied), 2) if replied
            else None, "email_roundtrip_s": round(percentile(mailed, 0.95), 2) if mailed else None,
            "email_roundtrip_p50_s": round(statistics.median(mailed), 2) if mailed else None,
            "email_roundtrips": len(mailed), "mail_poll_s": mail_poll_s,
            "store": "postgresql" if store_url else "sqlite", "load_average_1m": [round(load_before, 2), round(load_after, 2)]}


def retried(client: Client, port: int, key: str, retries: int) -> int:
    """The same POST `retries` times with one Idempotency-Key: half in a row, half from 10 threads at once; returns
    how many messages the thread holds beyond the one."""
    body = {"channel": "chat", "thread_id": "bench-retried", "customer": {"id": "cus-retry", "name": "Ray Tried"},
            "text": "hello?? did my message arrive? order BW-100001"}
    idempotency = str(uuid.uuid4())
    for _ in range(retries // 2):
        client.post(body, idempotency)

    def once(_: int) -> int:
        return Client(port, key).post(body, idempotency)[0]

    with ThreadPoolExecutor(10) as pool:
        list(pool.map(once, range(retries - retries // 2)))
    return len(client.messages("bench-retried")) - 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=1000)
    parser.add_argument("--retries", type=int, default=100)
    parser.add_argument("--stream-replies", type=int, default=50)
    parser.add_argument("--widget-questions", type=int, default=16,
                        help="new web chats (at most 19: one client address may start 20 a minute)")
    parser.add_argument("--store-url", default="", help="a postgresql:// URL (default: a SQLite file)")
    parser.add_argument("--email-roundtrips", type=int, default=10, help="customer emails answered (0: none)")
    parser.add_argument("--mail-poll-s", type=float, default=Settings().mail_poll_s,
                        help="the mail poller's interval (default: the mail_poll_s setting's default)")
    args = parser.parse_args()
    print(json.dumps(run(args.messages, args.retries, args.store_url, args.stream_replies, args.widget_questions,
                         args.email_roundtrips, args.mail_poll_s)))


if __name__ == "__main__":
    main()
