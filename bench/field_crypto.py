"""Field encryption at rest: what decrypting costs the reads that carry encrypted columns. One JSON line.

    python bench/field_crypto.py [--conversations 200] [--messages 50] [--customers 1000] [--repeat 5]

Builds two SQLite stores in a temporary folder with the same rows: ``plain`` holds them as a database from before
migration 20 does (plaintext, written with raw SQL; the repositories pass such values through), ``encrypted`` as the
repositories store them now (AES-256-GCM envelopes). Then times, median of --repeat runs, each in a fresh unit of
work: every message of every conversation through ``messages_for`` (conversations x messages rows, e.g. 10,000),
one conversation's thread (the agent workspace's read), ``customers.all()``, and the codec alone decrypting every
message text. ``*_ms`` keys: CPU milliseconds of this process (SQLite reads in process; wall time on a shared
machine measures the others' load), plain / encrypted / the difference per row in microseconds. The load average
says how busy the machine was.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from services.adapters.local.sqlite_uow import SqliteDatabase  # noqa: E402
from services.models import Conversation, Customer, DataKeys, Message  # noqa: E402


class Keys:
    def __init__(self) -> None:
        self.keys = DataKeys("k1", {"k1": os.urandom(32)}, os.urandom(32))

    def data_keys(self) -> DataKeys:
        return self.keys


def build(path: Path, encrypted: bool, conversations: int, messages: int, customers: int) -> SqliteDatabase:
    database = SqliteDatabase(path, keys=Keys())
    at = "2026-11-01T09:00:00Z"
    text = "Hi, this is Ada Lovelace (ada.lovelace@example.com, +44 20 7946 0000): where is BW-100001? It was due {i}."
    with database() as uow:
        people = [Customer(i + 1, f"Customer {i}", f"c{i}@example.com", f"+44 20 7946 {i:04d}", "gold", 1.0, "", "",
                           f"@c{i}") for i in range(customers)]
        if encrypted:
            uow.customers.add_many(people)
        else:
            for i, person in enumerate(people, start=1):
                uow._tx.write("INSERT INTO customers (id, name, email, phone, tier, lifetime_value, handle) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?)", [i, person.name, person.email, person.phone,
                                                               person.tier, 1.0, person.handle])
        for c in range(conversations):
            talk = uow.conversations.add(Conversation(0, c % customers + 1, "chat", "open", "Order", at, at))
            rows = [Message(0, talk.id, "customer", "ada", text.format(i=i), text.format(i=i), at)
                    for i in range(messages)]
            if encrypted:
                uow.conversations.add_messages(rows)
            else:
                for m in rows:
                    uow._tx.write("INSERT INTO messages (conversation_id, author_role, author, text, masked_text, "
                                  "created_at) VALUES (?, ?, ?, ?, ?, ?)",
                                  [m.conversation_id, m.author_role, m.author, m.text, m.masked_text, m.created_at])
    return database


def median_ms(call: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()  # CPU time of this process: the machine is shared, wall time is its load
        call()
        times.append((time.process_time() - start) * 1000)
    return round(statistics.median(times), 2)


def measure(database: SqliteDatabase, conversations: int, repeat: int) -> dict[str, float]:
    def all_messages() -> int:
        with database() as uow:
            return sum(len(uow.conversations.messages_for(c)) for c in range(1, conversations + 1))

    def one_thread() -> int:
        with database() as uow:
            return len(uow.conversations.messages_for(conversations // 2))

    def all_customers() -> int:
        with database() as uow:
            return len(uow.customers.all())

    def codec_only() -> int:
        with database() as uow:
            stored = [r[0] for r in uow._tx.rows("SELECT text FROM messages")]
        return sum(len(database.codec.decrypt("messages.text", v) or "") for v in stored)

    all_messages()  # warm the page cache and the keys
    return {"all_messages": median_ms(all_messages, repeat), "one_thread": median_ms(one_thread, repeat),
            "all_customers": median_ms(all_customers, repeat), "codec_messages": median_ms(codec_only, repeat)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--conversations", type=int, default=200)
    parser.add_argument("--messages", type=int, default=50)
    parser.add_argument("--customers", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as folder:
        found = {}
        for name, encrypted in (("plain", False), ("encrypted", True)):
            database = build(Path(folder) / f"{name}.db", encrypted, args.conversations, args.messages, args.customers)
            found[name] = measure(database, args.conversations, args.repeat)
    rows = {"all_messages": args.conversations * args.messages, "one_thread": args.messages,
            "all_customers": args.customers, "codec_messages": args.conversations * args.messages}
    line: dict[str, Any] = {"messages": args.conversations * args.messages, "customers": args.customers}
    for key, count in rows.items():
        plain, sealed = found["plain"][key], found["encrypted"][key]
        line[f"{key}_plain_ms"] = plain
        line[f"{key}_encrypted_ms"] = sealed
        line[f"{key}_us_per_row"] = round((sealed - plain) * 1000 / count, 2)
    line["load_before"], line["load_after"] = round(load_before, 2), round(os.getloadavg()[0], 2)
    print(json.dumps(line))


if __name__ == "__main__":
    main()
