"""Field encryption at rest (issue 21 item 2, services/adapters/local/field_crypto.py) on SQLite and on a real
PostgreSQL: values round-trip, the raw database holds no customer e-mail, phone or message text, e-mails are found by
their keyed hash, a rotation re-encrypts in batches and resumes after a crash, and a wrong or missing key is a clear
ServiceError."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from services.adapters.local.field_crypto import PREFIX, UnreadableData
from services.email_models import MailRecord, OutgoingMail
from services.errors import ServiceError
from services.models import Customer, DataKeys, Message
from tests.contracts.conftest import analysis, conversation

HMAC_KEY = os.urandom(32)
EMAIL, PHONE, HANDLE = "zoe.quint@example.org", "+44 7700 900123", "@zoe_quint"
TEXT = "Hi, I'm Zoe Quint, write to zoe.quint@example.org or call +44 7700 900123 about BW-100777"
SUBJECT = "Refund to 14 Larkspur Mews for Zoe"  # an e-mail subject carries what a message does
MASKED = "Hi, I'm [PERSON], write to [EMAIL] or call [PHONE] about BW-100777"


class Keys:
    """A KeyProvider whose keys a test chooses (a restart with other keys is a new database object)."""

    def __init__(self, current: str, keys: dict[str, bytes], hmac_key: bytes = HMAC_KEY) -> None:
        self.current, self.keys, self.hmac_key = current, keys, hmac_key
        self.calls = 0

    def data_keys(self) -> DataKeys:
        self.calls += 1
        return DataKeys(self.current, dict(self.keys), self.hmac_key)


K1, K2 = os.urandom(32), os.urandom(32)


@pytest.fixture(params=["sqlite", "postgres"])
def opener(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[Keys], Any]]:
    """open(keys) -> a database over the same storage with those keys (as a process restarted with them)."""
    opened: list[Any] = []
    if request.param == "sqlite":
        from services.adapters.local.sqlite_uow import SqliteDatabase

        def open_sqlite(keys: Keys) -> Any:
            return SqliteDatabase(tmp_path / "crypt.db", keys=keys)
        open_db = open_sqlite
    else:
        from services.adapters.postgres.uow import PostgresDatabase

        url = request.getfixturevalue("postgres_url")

        def open_pg(keys: Keys) -> Any:
            database = PostgresDatabase(url, max_size=2, listen=False, keys=keys)
            opened.append(database)
            return database
        open_db = open_pg
    open_db.engine = request.param  # type: ignore[attr-defined]
    yield open_db
    for database in opened:
        database.close()


def zoe() -> Customer:
    return Customer(0, "Zoe Quint", EMAIL, PHONE, "gold", 10.0, "2025-01-01", "Leeds", HANDLE)


def seed(database: Any, messages: int = 1) -> tuple[Customer, int, list[Message]]:
    with database() as uow:
        who = uow.customers.add(zoe())
        talk = uow.conversations.add(conversation(who.id, subject=SUBJECT))
        said = [uow.conversations.append_message(Message(0, talk.id, "customer", "zoe", f"{TEXT} #{i}",
                                                         f"{MASKED} #{i}", talk.created_at)) for i in range(messages)]
    return who, talk.id, said


def raw_text(database: Any, engine: str) -> str:
    """Everything the database stores, as the engine holds it (SQLite: the file's bytes after a checkpoint;
    PostgreSQL: every row of every table through a plain SELECT)."""
    if engine == "sqlite":
        conn = sqlite3.connect(database.path)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        blobs = [database.path.read_bytes()]
        wal = Path(f"{database.path}-wal")
        blobs += [wal.read_bytes()] if wal.exists() else []
        return b"".join(blobs).decode("latin-1")
    tables = [r[0] for r in database._read("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")]
    return "\n".join(str(row[0]) for table in tables
                     for row in database._read(f"SELECT t::text FROM {table} t"))  # noqa: S608


def raw_column(database: Any, sql: str) -> list[Any]:
    with database() as uow:
        return [row[0] for row in uow._tx.rows(sql)]


def test_every_encrypted_field_round_trips(opener):
    database = opener(Keys("k1", {"k1": K1}))
    who, talk_id, said = seed(database)
    with database() as uow:
        uow.conversations.append_message(Message(0, talk_id, "agent", "sam", "Sent in Spanish", "Sent in Spanish",
                                                 "2026-11-01T09:05:00Z", original="What Sam wrote: zoe@x.org"))
        uow.assist.save_outcome(said[0].id, analysis(), analysis().suggestions)
        suggestion = uow.assist.suggestions_for(said[0].id)[0]
        uow.assist.record_feedback(suggestion.id, "edited", f"Dear Zoe, we will mail {EMAIL}")
        uow.assist.add_escalation(talk_id, ["angry"], 0.9, "sam", note=f"call her on {PHONE}", masked_note="call her")
        uow.mail.record(MailRecord("<m1@example.org>", talk_id, "in", said[0].id, EMAIL, SUBJECT, "", MASKED, "[]",
                                   "2026-11-01T09:00:00Z"))
        uow.mail.queue(talk_id, said[0].id, OutgoingMail("support@brightwave.example", EMAIL, f"Re: {SUBJECT}",
                                                         f"Dear Zoe, {PHONE}", "<r1@brightwave.example>"),
                       "2026-11-01T09:06:00Z")
    with database() as uow:
        assert uow.customers.get(who.id) == who and (who.email, who.phone, who.handle) == (EMAIL, PHONE, HANDLE)
        messages = uow.conversations.messages_for(talk_id)
        assert messages[0] == said[0] and messages[1].original == "What Sam wrote: zoe@x.org"
        assert uow.assist.get_analysis(said[0].id) == analysis()
        assert uow.assist.suggestions_for(said[0].id)[0].final_text == f"Dear Zoe, we will mail {EMAIL}"
        assert uow.assist.latest_escalation(talk_id).note == f"call her on {PHONE}"
        assert (uow.mail.get("<m1@example.org>").address, uow.mail.get("<m1@example.org>").subject) == (EMAIL, SUBJECT)
        sent = uow.mail.outbox()[0].mail
        assert (sent.to, sent.subject, sent.body) == (EMAIL, f"Re: {SUBJECT}", f"Dear Zoe, {PHONE}")
        assert uow.conversations.get(talk_id).subject == SUBJECT
        assert [r.conversation.subject for r in uow.conversations.queue()] == [SUBJECT]
        assert uow.conversations.update(talk_id, subject=f"{SUBJECT} (2)").subject == f"{SUBJECT} (2)"
    stored = raw_column(database, "SELECT text FROM messages ORDER BY id")
    assert all(value.startswith(f"{PREFIX}k1:") for value in stored)
    assert raw_column(database, "SELECT masked_text FROM messages ORDER BY id")[0] == f"{MASKED} #0"  # stays clear


def test_the_raw_database_holds_no_customer_email_phone_or_message_text(opener):
    database = opener(Keys("k1", {"k1": K1}))
    _, talk_id, said = seed(database)
    with database() as uow:
        uow.assist.save_outcome(said[0].id, analysis())  # its payload would carry the raw entities
        uow.assist.add_escalation(talk_id, ["angry"], 0.9, "sam", note=f"call {PHONE}", masked_note="call [PHONE]")
    raw = raw_text(database, opener.engine)
    assert MASKED in raw  # the search copy is there, readable: the check does see the stored text
    with database() as uow:
        uow.mail.record(MailRecord("<m1@example.org>", talk_id, "in", said[0].id, EMAIL, SUBJECT, "", MASKED, "[]",
                                   "2026-11-01T09:00:00Z"))
    raw = raw_text(database, opener.engine)
    for secret in (EMAIL, PHONE, HANDLE, "Zoe Quint, write to", "zoe.quint", "Larkspur"):
        assert secret not in raw, f"{secret!r} is stored in clear"


def test_an_email_is_found_through_its_keyed_hash_whatever_its_case(opener):
    database = opener(Keys("k1", {"k1": K1}))
    who, _, _ = seed(database)
    with database() as uow:
        other = uow.customers.add(Customer(0, "Al", "al@example.org", "", "standard", 0.0, "", "", ""))
        assert uow.integrations.customer_by_email(EMAIL) == who.id
        assert uow.integrations.customer_by_email("  Zoe.Quint@EXAMPLE.org ") == who.id
        assert uow.integrations.customer_by_email("al@example.org") == other.id
        assert uow.integrations.customer_by_email("nobody@example.org") is None
    hashes = raw_column(database, "SELECT email_hmac FROM customers ORDER BY id")
    assert len(set(hashes)) == 2 and all(len(h) == 64 for h in hashes)


def test_rotation_reencrypts_in_batches_and_old_key_values_read_meanwhile(opener):
    before = opener(Keys("k1", {"k1": K1}))
    who, talk_id, said = seed(before, messages=7)
    database = opener(Keys("k2", {"k2": K2, "k1": K1}))  # restarted with k2 current, k1 kept
    assert database.reencrypt_pending() == 9  # 1 customer, its conversation (the subject), 7 messages
    with database() as uow:  # new writes go under k2 at once
        uow.conversations.append_message(Message(0, talk_id, "agent", "sam", "Reply", "Reply", "2026-11-01T10:00:00Z"))
    assert database.reencrypt(3) == 3
    with database() as uow:  # mid-rotation: k1 and k2 values side by side, all readable
        assert uow.customers.get(who.id) == who
        assert [m.text for m in uow.conversations.messages_for(talk_id)][:7] == [m.text for m in said]
        assert uow.integrations.customer_by_email(EMAIL) == who.id
    assert database.reencrypt_pending() == 6
    while database.reencrypt(3):
        pass
    assert database.reencrypt_pending() == 0
    stored = raw_column(database, "SELECT text FROM messages") + raw_column(database, "SELECT email FROM customers")
    assert stored and all(value.startswith(f"{PREFIX}k2:") for value in stored)
    retired = opener(Keys("k2", {"k2": K2}))  # k1 dropped: nothing needs it any more
    with retired() as uow:
        assert uow.customers.get(who.id) == who
        assert [m.text for m in uow.conversations.messages_for(talk_id)][:7] == [m.text for m in said]


def test_a_rotation_that_crashes_mid_batch_keeps_earlier_batches_and_the_next_run_finishes(opener):
    _, talk_id, said = seed(opener(Keys("k1", {"k1": K1})), messages=24)
    database = opener(Keys("k2", {"k2": K2, "k1": K1}))
    real_encrypt, calls = database.codec.encrypt, []

    def crashing(column: str, value: Any) -> Any:
        calls.append(column)
        if len(calls) == 7:  # the fourth row of the second batch (two values a message): three rows rewritten
            raise RuntimeError("power cut")
        return real_encrypt(column, value)

    assert database.reencrypt(10) == 10
    database.codec.encrypt = crashing
    with pytest.raises(RuntimeError, match="power cut"):
        database.reencrypt(10)
    assert database.reencrypt_pending() == 26 - 10  # the first batch stayed, the crashed one rolled back whole
    database.codec.encrypt = real_encrypt
    rewritten = 0
    while done := database.reencrypt(10):
        rewritten += done
    assert rewritten == 16 and database.reencrypt_pending() == 0  # nothing done twice
    with database() as uow:
        assert [m.text for m in uow.conversations.messages_for(talk_id)] == [m.text for m in said]


def test_plaintext_rows_from_before_the_migration_are_read_found_and_then_encrypted(opener):
    database = opener(Keys("k1", {"k1": K1}))
    with database() as uow:  # as an upgraded database holds them: plaintext, no keyed hash
        uow._tx.write("INSERT INTO customers (id, name, email, phone, tier, lifetime_value, customer_since, city, "
                      "handle) VALUES (41, 'Old Timer', 'Old.Timer@example.org', '+1 555 0100', 'vip', 0, '', '', '')")
        talk = uow.conversations.add(conversation(41))
        uow._tx.write("INSERT INTO messages (conversation_id, author_role, author, text, masked_text, created_at) "
                      "VALUES (?, 'customer', 'old', 'call +1 555 0100', 'call [PHONE]', '2026-01-01T00:00:00Z')",
                      [talk.id])
        uow._tx.write("INSERT INTO analyses (message_id, created_at, provider, payload) VALUES "
                      "((SELECT MAX(id) FROM messages), '2026-01-01T00:00:00Z', 'local', ?)",
                      [json.dumps({"not_analysed": "legacy"})])
    with database() as uow:
        assert uow.customers.get(41).email == "Old.Timer@example.org"
        assert uow.conversations.messages_for(talk.id)[0].text == "call +1 555 0100"
        assert uow.integrations.customer_by_email("old.timer@example.org") == 41
    assert database.reencrypt_pending() == 3
    assert database.reencrypt(500) == 3 and database.reencrypt_pending() == 0
    assert "Old.Timer@example.org" not in raw_text(database, opener.engine)
    with database() as uow:
        assert uow.customers.get(41).phone == "+1 555 0100"
        assert uow.integrations.customer_by_email("OLD.TIMER@example.org") == 41
        assert uow.conversations.messages_for(talk.id)[0].text == "call +1 555 0100"


def test_a_wrong_or_missing_key_is_a_clear_service_error_not_garbage(opener):
    who, talk_id, _ = seed(opener(Keys("k1", {"k1": K1})))
    with pytest.raises(UnreadableData, match="data key 'k1' is not the key this database was encrypted with"):
        opener(Keys("k1", {"k1": K2}))  # same id, other bytes: stopped when the store is built, before any write
    with pytest.raises(ServiceError, match=r"encrypted under data keys k1, none of which is configured .configured: "
                                           r"k2.; every process needs the same keys"):
        opener(Keys("k2", {"k2": K2}))  # k1 forgotten (or another host's key file)
    opener(Keys("k2", {"k2": K2, "k1": K1}))  # k2 made current, nothing rotated yet
    early = opener(Keys("k2", {"k2": K2}))  # k1 dropped before the rotation ran
    with pytest.raises(UnreadableData, match=r"data key 'k1', which is not configured \(configured: k2\)"):
        with early() as uow:
            uow.customers.all()
    with pytest.raises(UnreadableData):
        early.reencrypt(500)
    assert early.reencrypt_pending() == 3  # nothing half-rewritten
    database = opener(Keys("k2", {"k2": K2, "k1": K1}))
    with database() as uow:
        assert uow.customers.get(who.id) == who
        stored = uow._tx.scalar("SELECT text FROM messages WHERE conversation_id = ?", [talk_id])
        uow._tx.write("UPDATE messages SET text = ? WHERE conversation_id = ?",
                      [stored[:-6] + ("A" if stored[-6] != "A" else "B") + stored[-5:], talk_id])  # one bit flipped
    with pytest.raises(UnreadableData, match="does not decrypt with data key 'k1'.*or the value was altered"):
        with database() as uow:
            uow.conversations.messages_for(talk_id)


def test_a_change_made_while_a_batch_reads_is_not_overwritten_by_the_rotation(opener):
    first = opener(Keys("k1", {"k1": K1}))
    _, _, said = seed(first)
    with first() as uow:
        uow.assist.save_outcome(said[0].id, analysis(), analysis().suggestions)
        suggestion = uow.assist.suggestions_for(said[0].id)[0]
        uow.assist.record_feedback(suggestion.id, "edited", "Old reply")
    database = opener(Keys("k2", {"k2": K2, "k1": K1}))
    app = opener(Keys("k2", {"k2": K2, "k1": K1}))  # another process of the app, already on k2
    real_decrypt, edits = database.codec.decrypt, []

    def decrypt_while_the_agent_edits(column: str, value: Any) -> Any:
        if column == "suggestions.final_text" and not edits:
            edits.append(column)
            with app() as uow:  # the agent's feedback lands between the batch's read and its write
                uow.assist.record_feedback(suggestion.id, "edited", "New reply")
        return real_decrypt(column, value)

    assert database.reencrypt(3) == 3  # the customer, the conversation, the message: next comes the suggestion
    database.codec.decrypt = decrypt_while_the_agent_edits
    while database.reencrypt(500):
        pass
    database.codec.decrypt = real_decrypt
    assert edits and database.reencrypt_pending() == 0
    with database() as uow:
        assert uow.assist.suggestions_for(said[0].id)[0].final_text == "New reply"
