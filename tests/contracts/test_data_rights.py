"""Data rights (services/data_rights.py, PrivacyRepository) on SQLite and on a real PostgreSQL: the export holds every
row about the customer and nothing of another's; an erasure leaves no trace of their e-mail, phone or name anywhere
in the database (every column of every table, the SQLite file's raw bytes, the repositories' own reads) or in the KB
search index, while another customer's rows and the aggregates stay; a failed erasure changes nothing; retention
anonymises only conversations resolved long enough ago, once."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pytest

from services import data_rights
from services.adapters.local import schema
from services.adapters.local.sqlite_repositories import SqliteAudit
from services.bootstrap import build_services
from services.config import Settings
from services.email_models import MailRecord, OutgoingMail
from services.errors import NotFound, PermissionDenied
from services.models import (
    Analysis,
    Article,
    ArticleDraft,
    Conversation,
    Customer,
    DraftRecord,
    DraftSection,
    DraftSentence,
    DraftSource,
    Entity,
    Escalation,
    Intent,
    Message,
    Order,
    Route,
    Sentiment,
    SocialOutboxItem,
    Suggestion,
    User,
)
from services.permissions import CLI
from tests.contracts.conftest import BACKENDS
from tests.fakes import fake_pipeline

ADMIN = CLI
AGENT = User(1, "agent", "Alex Rivera", "agent")


@dataclass(frozen=True)
class Person:
    name: str
    email: str
    phone: str
    handle: str
    city: str
    external_id: str

    @property
    def needles(self) -> tuple[str, str, str]:
        return (self.email, self.phone, self.name)


ZEPHYRINE = Person("Zephyrine Quillfeather", "zeph.quill@example.org", "+44 7700 900 777", "@zephquill", "Truro",
                   "crm-zq-1")
BARNABY = Person("Barnaby Oakenshield", "barnaby.oak@example.net", "+1 206 555 0187", "@barnaby_oak", "Seattle",
                 "crm-bo-2")


@dataclass
class World:
    engine: str
    database: Any
    services: Any
    index: Any
    settings: Settings

    def raw(self, sql: str, args: tuple = ()) -> list[tuple]:
        """Rows straight from the engine, past every repository (``?`` placeholders)."""
        if self.engine == "sqlite":
            with closing(sqlite3.connect(self.database.path)) as conn, conn:
                return conn.execute(sql, args).fetchall()
        import psycopg

        with psycopg.connect(self.database.url, autocommit=True) as conn:
            cursor = conn.execute(sql.replace("?", "%s"), args)
            return cursor.fetchall() if cursor.description else []


@pytest.fixture(scope="module")
def embedder() -> Any:
    from services.adapters.local.embedder import WordLlamaEmbedder

    return WordLlamaEmbedder()


@pytest.fixture(params=["sqlite", "postgres"])
def world(request: pytest.FixtureRequest, tmp_path: Path, embedder: Any) -> World:
    database = BACKENDS[request.param](request, tmp_path)
    if request.param == "sqlite":
        from services.adapters.local.kb_search import HybridSearchIndex

        settings = Settings(db_path=str(database.path))
        index = HybridSearchIndex(settings, embedder, "lexical")
    else:
        from services.adapters.postgres.kb_search import PostgresSearchIndex

        settings = Settings(db_path=str(tmp_path / "unused.db"), database_url=database.url)
        index = PostgresSearchIndex(settings, database, embedder, "lexical", vectors="array")
    pipeline = {**fake_pipeline(), "search": index}
    return World(request.param, database, build_services(settings, store=database, **pipeline), index, settings)


def analysis(person: Person) -> Analysis:
    return Analysis(intent=Intent("Refund Request", 0.9), sentiment=Sentiment("negative", {"negative": 0.8}),
                    emotions={"anger": 0.4}, entities=(Entity("email", person.email, 10, 30, person.email),
                                                       Entity("order_number", "BW-100001", 40, 49, "BW-100001")),
                    pii=(), masked_text=f"I am {person.name}, mail me", language="en",
                    escalation=Escalation(True, 0.8, ("angry",)),
                    suggestions=(Suggestion(f"Sorry {person.name}, refunding now.", "library:1", 0.9),),
                    kb=(), provider="local", timings_ms={"total": 1.0})


def populate(world: World, person: Person, key_id: int, tag: str, resolved_at: str) -> dict[str, Any]:
    """A customer with every kind of row Frontline keeps about one: orders, an integration id and thread, an email
    conversation (resolved, CSAT) with messages, analysis, suggestions, an escalation, mails, an event, a route, an
    assistant rating, KB usage, a draft quoting it, a KB search miss and audit entries; and an open chat."""
    at = "2026-11-01T09:00:00Z"
    with world.database() as uow:
        who = uow.customers.add(Customer(0, person.name, person.email, person.phone, "gold", 300.0, "2024-01-01",
                                         person.city, person.handle))
        uow.customers.add_order(Order(0, f"BW-{tag}01", who.id, "delivered", 49.5, "GBP", at, ("Kettle",),
                                      f"BWT{tag}777"))
        uow.customers.add_order(Order(0, f"BW-{tag}02", who.id, "shipped", 12.0, "GBP", at, ("Mug",), f"BWT{tag}778"))
        uow.integrations.add_customer(key_id, person.external_id, who.id)
        talk = uow.conversations.add(Conversation(0, who.id, "email", "open", f"Refund for {person.name}", at, at,
                                                  "agent", "billing", "", None, f"BW-{tag}01"))
        said = uow.conversations.append_message(Message(
            0, talk.id, "customer", person.name, f"I am {person.name}, mail me at {person.email} or call "
            f"{person.phone}", "I am [PERSON], mail me at [EMAIL] or call [PHONE]", at))
        reply = uow.conversations.append_message(Message(0, talk.id, "agent", "agent",
                                                         f"Hi {person.name}, your refund is on its way.",
                                                         "Hi [PERSON], your refund is on its way.", at))
        uow.conversations.append_message(Message(0, talk.id, "note", "agent", f"{person.name} called twice",
                                                 "[PERSON] called twice", at))
        bot = uow.conversations.append_message(Message(0, talk.id, "assistant", "assistant",
                                                       f"Thanks {person.name}!", "Thanks [PERSON]!", at))
        uow.assist.save_outcome(said.id, analysis(person), analysis(person).suggestions)
        uow.assist.add_escalation(talk.id, ("angry",), 0.8, "agent", note=f"{person.name} threatens to sue",
                                  created_at=at, masked_note="[PERSON] threatens to sue")
        uow.mail.record(MailRecord(f"<{tag}-in@{person.email.split('@')[1]}>", talk.id, "in", said.id, person.email,
                                   f"Refund for {person.name}", "", f"From {person.name} <{person.email}>",
                                   json.dumps([{"name": f"{person.name}.pdf", "content_type": "application/pdf",
                                                "size": 10}]), at))
        uow.mail.queue(talk.id, reply.id, OutgoingMail("support@brightwave.example", person.email,
                                                       f"Re: Refund for {person.name}", reply.text,
                                                       f"<{tag}-out@brightwave.example>"), at)
        uow.social_outbox.queue(SocialOutboxItem(0, talk.id, reply.id, key_id, "page", "dm", f"psid-{tag}",
                                                 reply.text, "queued", 0, at, "", at, "", ""))
        uow.audit.add_event("agent_reply", talk.id, json.dumps({"message_id": reply.id,
                                                                "subject": f"Re: Refund for {person.name}"}))
        uow.conversations.set_route(talk.id, Route("billing", "Routed to billing: tier gold", "default", at))
        uow.integrations.rate_answer(bot.id, talk.id, 1, at)
        uow.integrations.add_thread(key_id, f"thread-{tag}", talk.id)
        chat = uow.conversations.add(Conversation(0, who.id, "chat", "open", "Hello", at, at))
        again = uow.conversations.append_message(Message(0, chat.id, "customer", person.handle,
                                                         f"it's {person.name} again", "it's [PERSON] again", at))
        uow.shared.claim_analysis(again.id, "worker-1")  # being analysed
        article = uow.articles.add(Article(0, f"story-{tag}", f"How we helped {person.name}",
                                           f"When {person.name} ({person.email}) asked about refunds, we refunded "
                                           "the kettle within five days.", "orders", "approved", 1, at))
        uow.articles.add_draft_record(DraftRecord(
            article.id, "refunds", "local", "editor", at,
            (DraftSource("question", f"question in conversation {talk.id}", said.masked_text),
             DraftSource("article", "article 1", "Returns take 30 days.")),
            ArticleDraft("Refunds", (DraftSection("Overview", (DraftSentence("We refund.", 0),)),), "local")))
        uow.kb_usage.add_use(article.id, "reply", "agent", "kb", conversation_id=talk.id)
        uow.kb_usage.add_miss(f"refund {person.email}", 0.1, "agent", "workspace")
        uow.audit.record("agent", "view_conversation", "conversation", str(talk.id), "open")
        uow.audit.record("api:crm", "api_add_customer", "customer", str(who.id), person.external_id)
        uow.audit.record("agent", "note_to_self", "user", "agent", f"call back {person.phone}")
        uow.audit.record("customer", "survey_answer", "conversation", str(talk.id), "csat 5")
        uow.audit.record("api:crm", "api_start_call", "thread", f"thread-{tag}", f"caller {person.phone}")
    with world.database() as uow:
        uow.conversations.update(talk.id, status="resolved", csat=5)
    world.raw("UPDATE conversations SET resolved_at = ?, updated_at = ? WHERE id = ?", (resolved_at, resolved_at,
                                                                                      talk.id))
    return {"customer": who.id, "conversations": [talk.id, chat.id], "article": article.id}


def two_customers(world: World) -> tuple[dict[str, Any], dict[str, Any]]:
    with world.database() as uow:
        key = uow.integrations.add_key("crm", "h" * 64, "fl_crm", 60, "admin")
    zeph = populate(world, ZEPHYRINE, key.id, "1", "2026-01-10T10:00:00Z")
    barn = populate(world, BARNABY, key.id, "2", "2026-01-11T10:00:00Z")
    from services import assist

    assist.reindex_kb(world.services)
    return zeph, barn


# ---- which rows are the customer's, found from the schema itself ----------------------------------------------


def _referencing_tables() -> dict[str, str]:
    """table -> how its rows belong to a customer ("customer", "conversation" or "message" plus the column), read
    from the migrated schema: every table with a customer_id or conversation_id column or a foreign key to messages."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    schema.migrate(conn)
    found: dict[str, str] = {}
    for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"):
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        keys = {r[3]: r[2] for r in conn.execute(f"PRAGMA foreign_key_list({table})")}
        if table == "customers":
            found[table] = "customer:id"
        elif table == "conversations":
            found[table] = "customer:customer_id"
        elif "customer_id" in columns:
            found[table] = "customer:customer_id"
        elif "conversation_id" in columns:
            found[table] = "conversation:conversation_id"
        else:
            to_messages = [column for column, parent in keys.items() if parent == "messages"]
            if to_messages:
                found[table] = f"message:{to_messages[0]}"
    return found


def _rows_of(world: World, ids: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    conversations = ids["conversations"]
    messages = [r[0] for c in conversations for r in world.raw("SELECT id FROM messages WHERE conversation_id = ?",
                                                               (c,))]
    out: dict[str, list[dict[str, Any]]] = {}
    for table, how in _referencing_tables().items():
        kind, column = how.split(":")
        wanted = {"customer": [ids["customer"]], "conversation": conversations, "message": messages}[kind]
        rows = []
        for value in wanted:
            rows += _dict_rows(world, f"SELECT * FROM {table} WHERE {column} = ?", (value,))
        out[table] = rows
    return out


def _dict_rows(world: World, sql: str, args: tuple) -> list[dict[str, Any]]:
    if world.engine == "sqlite":
        with closing(sqlite3.connect(world.database.path)) as conn:
            conn.row_factory = sqlite3.Row
            return [dict(r) for r in conn.execute(sql, args)]
    import psycopg
    from psycopg.rows import dict_row

    with psycopg.connect(world.database.url, autocommit=True, row_factory=dict_row) as conn:
        return list(conn.execute(sql.replace("?", "%s"), args).fetchall())


def _identity(row: dict[str, Any]) -> tuple:
    if "id" in row:
        return ("id", row["id"])
    return tuple((k, row[k]) for k in ("message_id", "conversation_id", "key_id", "external_id", "thread_id")
                 if k in row)


def test_the_export_holds_every_row_about_the_customer_and_none_of_another(world):
    zeph, barn = two_customers(world)
    exported = data_rights.export_customer(world.services, ADMIN, zeph["customer"])
    json.dumps(exported, default=str)  # JSON-ready
    mine, theirs = _rows_of(world, zeph), _rows_of(world, barn)
    assert len(mine) >= 14, sorted(mine)  # the schema's referencing tables were found
    for table, rows in mine.items():
        got = {_identity(r) for r in exported["tables"].get(table, [])}
        assert {_identity(r) for r in rows} <= got, f"{table}: rows missing from the export"
        assert not {_identity(r) for r in theirs[table]} & got, f"{table}: another customer's rows exported"
        assert rows or table in ("kb_drafts", "predictor_models"), f"the fixture made no {table} row"
    text = json.dumps(exported, default=str)
    assert ZEPHYRINE.email in text and ZEPHYRINE.phone in text  # raw text: the admin sees it
    assert "enc:v1:" not in text  # every encrypted column decrypted: notes, replies, mails, subjects, analyses
    tables = exported["tables"]
    assert tables["escalations"][0]["note"] == f"{ZEPHYRINE.name} threatens to sue"
    assert tables["conversations"][0]["subject"] == f"Refund for {ZEPHYRINE.name}"
    assert {m["address"] for m in tables["mail_messages"]} == {ZEPHYRINE.email}
    assert [m["recipient"] for m in tables["mail_outbox"]] == [ZEPHYRINE.email]
    assert all(json.loads(a["payload"]) for a in tables["analyses"])
    assert not any(needle in text for needle in BARNABY.needles)
    assert exported["customer"]["email"] == ZEPHYRINE.email
    (social,) = exported["tables"]["social_outbox"]  # the queued social reply, decrypted as the admin reads it
    assert social["body"] == f"Hi {ZEPHYRINE.name}, your refund is on its way." and social["recipient"] == "psid-1"
    assert exported["survey_answers"] == [{"conversation_id": zeph["conversations"][0], "csat": 5}]
    assert [p["conversation_id"] for p in exported["predictions"]] == zeph["conversations"]
    audited = exported["tables"]["audit_log"]
    assert {(e["action"], e["entity_id"]) for e in audited} >= {("api_add_customer", str(zeph["customer"])),
                                                               ("survey_answer", str(zeph["conversations"][0])),
                                                               ("api_start_call", "thread-1")}
    quoted = exported["quoted_in"]
    assert [a["id"] for a in quoted["kb_articles"]] == [zeph["article"]]
    assert [d["article_id"] for d in quoted["kb_drafts"]] == [zeph["article"]]
    assert [m["query"] for m in quoted["kb_search_misses"]] == [f"refund {ZEPHYRINE.email}"]
    with world.database() as uow:
        assert uow.audit.entries(1)[0].action == "export_customer"
        assert uow.audit.entries(1)[0].entity_id == str(zeph["customer"])


# ---- erasure ------------------------------------------------------------------------------------------------


def _tables(world: World) -> list[str]:
    if world.engine == "sqlite":
        return [r[0] for r in world.raw("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return [r[0] for r in world.raw("SELECT table_name FROM information_schema.tables "
                                    "WHERE table_schema = current_schema()")]


def _as_text(value: Any) -> str:
    if isinstance(value, bytes | memoryview):
        return bytes(value).decode("utf-8", "ignore")
    return str(value)


def database_hits(world: World, needles: tuple[str, ...]) -> list[str]:
    """Every (table.column, needle) where any column of any table holds a needle, any case, read as text (blobs
    as UTF-8, PostgreSQL's tsvector as its text)."""
    hits = []
    for table in _tables(world):
        for row in _dict_rows(world, f'SELECT * FROM "{table}"', ()):
            for column, value in row.items():
                text = _as_text(value).lower() if value is not None else ""
                hits += [f"{table}.{column}: {n}" for n in needles if n.lower() in text]
    return sorted(set(hits))


def file_hits(world: World, needles: tuple[str, ...]) -> list[str]:
    """Needles in the SQLite files' raw bytes (the database, its write-ahead log), any case."""
    hits = []
    for path in (world.database.path, Path(f"{world.database.path}-wal")):
        if path.exists():
            data = path.read_bytes().lower()
            hits += [f"{path.name}: {n}" for n in needles if n.lower().encode() in data]
    return hits


def repository_text(world: World, ids: dict[str, Any]) -> str:
    """What the repositories read back about the customer (decoded: what an encryption at rest would decrypt)."""
    parts: list[Any] = []
    with world.database() as uow:
        parts.append(uow.customers.get(ids["customer"]))
        parts += uow.customers.orders_for(ids["customer"])
        for cid in ids["conversations"]:
            parts.append(uow.conversations.get(cid))
            for m in uow.conversations.messages_for(cid):
                parts += [m, uow.assist.get_analysis(m.id), *uow.assist.suggestions_for(m.id)]
            parts += [uow.assist.latest_escalation(cid), *uow.mail.thread(cid), *uow.mail.outbox(cid),
                      *uow.social_outbox.outbox(cid)]
            parts.append(uow.integrations.thread_of(cid))
        parts += uow.articles.all() + [v for a in uow.articles.all() for v in uow.articles.versions(a.id)]
        parts += uow.articles.draft_records() + uow.kb_usage.misses("2000-01-01T00:00:00Z", "2100-01-01T00:00:00Z")
        parts += uow.audit.entries(10_000)
        parts.append(uow.integrations.customer_by_email(ZEPHYRINE.email))
        parts.append(uow.privacy.customer_rows(ids["customer"]))
    return json.dumps([asdict(p) if hasattr(p, "__dataclass_fields__") else p for p in parts], default=str).lower()


def search_hits(world: World, needles: tuple[str, ...]) -> list[str]:
    hits = []
    for needle in needles:
        for hit in world.index.search(needle, k=10):
            if any(needle.lower() in (text or "").lower() for text in (hit.title, hit.snippet, hit.passage)):
                hits.append(f"article {hit.article_id}: {needle}")
    return hits


def aggregates(world: World) -> tuple:
    return tuple(world.raw("SELECT COUNT(*), AVG(csat), COUNT(first_response_s), COUNT(DISTINCT channel) "
                           "FROM conversations")[0]) + tuple(world.raw(
        "SELECT COUNT(*), SUM(CASE WHEN feedback IS NULL THEN 0 ELSE 1 END) FROM suggestions")[0]) + tuple(
        world.raw("SELECT COUNT(*) FROM messages")[0]) + tuple(world.raw("SELECT intent, sentiment, status, csat, "
                                                                         "queue FROM conversations ORDER BY id"))


def test_an_erasure_leaves_no_trace_of_the_customer_and_keeps_the_rest(world):
    zeph, barn = two_customers(world)
    needles = ZEPHYRINE.needles
    # the checks can fail: before the erasure, each finds the customer's data
    assert database_hits(world, needles) and search_hits(world, needles)
    assert all(n.lower() in repository_text(world, zeph) for n in needles)
    if world.engine == "sqlite":
        assert file_hits(world, needles)
    with world.database() as uow:
        barnaby_before = uow.privacy.customer_rows(barn["customer"])
    totals_before = aggregates(world)
    app = None
    if world.engine == "sqlite":  # the running app keeps a connection open: closing ours never ends the log
        app = sqlite3.connect(world.database.path)
        app.execute("SELECT COUNT(*) FROM customers").fetchone()

    result = data_rights.erase_customer(world.services, ADMIN, zeph["customer"])

    assert result["erased"] == zeph["customer"] and result["conversations"] == 2 and result["messages"] == 5
    assert database_hits(world, needles) == []
    assert not any(n.lower() in repository_text(world, zeph) for n in needles)
    assert search_hits(world, needles) == []
    if app is not None:
        assert result["wal_checkpoint"] == "complete"
        assert file_hits(world, needles) == []
        app.close()
    with world.database() as uow:  # the unsent social reply is emptied and will never be sent
        (social,) = uow.social_outbox.outbox(zeph["conversations"][0])
    assert (social.status, social.text, social.recipient) == ("failed", "", "")
    # the other customer's rows and every aggregate are as they were
    with world.database() as uow:
        barnaby_after = uow.privacy.customer_rows(barn["customer"])
        erased = uow.customers.get(zeph["customer"])
        last = uow.audit.entries(1)[0]
        by_email = (uow.integrations.customer_by_email(ZEPHYRINE.email),
                    uow.integrations.customer_by_email(BARNABY.email))
    # the erased customer can no longer be found by their e-mail (nor by its keyed hash, which would link the person)
    assert by_email == (None, barn["customer"])
    assert barnaby_after == barnaby_before
    assert all(n.lower() in repository_text(world, barn) for n in BARNABY.needles)
    assert aggregates(world) == totals_before
    assert (erased.name, erased.email, erased.phone, erased.city, erased.handle) == ("[erased]", None, None, None, "")
    assert (erased.tier, erased.lifetime_value) == ("gold", 300.0)
    # audited under the customer's id only
    assert (last.action, last.entity, last.entity_id) == ("erase_customer", "customer", str(zeph["customer"]))
    assert last.detail == "2 conversations, 5 messages"
    # again: nothing more to find, nothing breaks
    again = data_rights.erase_customer(world.services, ADMIN, zeph["customer"])
    assert "customers" in again["changed"] and database_hits(world, needles) == []


def test_a_failed_erasure_changes_nothing(world, monkeypatch):
    zeph, _ = two_customers(world)
    with world.database() as uow:
        before = uow.privacy.customer_rows(zeph["customer"])
        entries = uow.audit.entries(10_000)

    def broken(self, entry_ids):  # noqa: ANN001, ANN202 - the last step before the audit entry fails
        raise RuntimeError("disk full")

    monkeypatch.setattr(SqliteAudit, "redact_details", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        data_rights.erase_customer(world.services, ADMIN, zeph["customer"])
    with world.database() as uow:
        assert uow.privacy.customer_rows(zeph["customer"]) == before
        assert uow.audit.entries(10_000) == entries
    assert all(n.lower() in repository_text(world, zeph) for n in ZEPHYRINE.needles)


def test_only_an_admin_may_export_or_erase_and_an_unknown_id_is_a_clear_error(world):
    zeph, _ = two_customers(world)
    for call in (data_rights.export_customer, data_rights.erase_customer):
        with pytest.raises(PermissionDenied, match="Exporting and erasing customer data is not available to the "
                                                   "agent role"):
            call(world.services, AGENT, zeph["customer"])
        with pytest.raises(NotFound, match="customer 424242 not found"):
            call(world.services, ADMIN, 424242)
    with pytest.raises(PermissionDenied):
        data_rights.apply_retention(world.services, AGENT, days=30)
    assert ZEPHYRINE.email.lower() in repository_text(world, zeph)


# ---- retention ----------------------------------------------------------------------------------------------


def texts(world: World, conversation_id: int) -> list[str]:
    """A conversation's message texts as the app reads them (decrypted: the stored text is encrypted at rest)."""
    with world.database() as uow:
        return [m.text for m in uow.conversations.messages_for(conversation_id)]


def test_retention_anonymises_only_conversations_resolved_long_enough_ago_once(world):
    zeph, barn = two_customers(world)  # Zephyrine's email thread resolved 2026-01-10, Barnaby's 2026-01-11
    old, recent = zeph["conversations"][0], barn["conversations"][0]
    now = "2026-02-10T00:00:00Z"  # 30 days: resolved before 2026-01-11T00:00 → only Zephyrine's email thread
    dry = data_rights.apply_retention(world.services, ADMIN, days=30, now=now, dry_run=True)
    assert (dry["conversations"], dry["closed_before"], dry["changed"]) == (1, "2026-01-11T00:00:00Z", {})
    assert ZEPHYRINE.name in texts(world, old)[0]

    done = data_rights.apply_retention(world.services, ADMIN, days=30, now=now, batch=1)

    assert (done["conversations"], done["batches"], done["changed"]["conversations"]) == (1, 1, 1)
    assert done["changed"]["messages"] == 4
    assert set(texts(world, old)) == {"[erased]"}
    with world.database() as uow:
        assert uow.assist.latest_escalation(old).note == ""
        assert [m.subject for m in uow.mail.thread(old)] == [""]
        assert uow.conversations.get(old).csat == 5  # the aggregate stays
        last = uow.audit.entries(1)[0]
    assert (last.action, last.entity) == ("retention_anonymise", "conversations")
    assert "1 conversations resolved before 2026-01-11T00:00:00Z" in last.detail
    # the open chat of the same customer, Barnaby's recent thread and both customer rows are untouched
    chat = zeph["conversations"][1]
    assert ZEPHYRINE.name in texts(world, chat)[0]
    assert BARNABY.name in texts(world, recent)[0]
    assert world.raw("SELECT name FROM customers ORDER BY id") == [(ZEPHYRINE.name,), (BARNABY.name,)]
    # idempotent: a second run finds nothing; a day later Barnaby's thread is due
    assert data_rights.apply_retention(world.services, ADMIN, days=30, now=now)["conversations"] == 0
    later = data_rights.apply_retention(world.services, ADMIN, days=30, now="2026-02-12T12:00:00Z")
    assert later["conversations"] == 1 and later["changed"]["messages"] == 4
    # a customer writing again into an anonymised conversation: it is taken again once resolved long enough ago
    with world.database() as uow:
        uow.conversations.append_message(Message(0, old, "customer", "", f"me again, {ZEPHYRINE.email}",
                                                 "me again, [EMAIL]", "2026-03-01T09:00:00Z"))
    world.raw("UPDATE conversations SET updated_at = ?, resolved_at = ? WHERE id = ?",
              ("2026-03-01T10:00:00Z", "2026-03-01T10:00:00Z", old))
    assert data_rights.apply_retention(world.services, ADMIN, days=30, now="2026-03-20T12:00:00Z")[
        "conversations"] == 0
    assert data_rights.apply_retention(world.services, ADMIN, days=30, now="2026-04-20T12:00:00Z")[
        "conversations"] == 1
    assert set(texts(world, old)) == {"[erased]"}


def test_retention_is_off_by_default(world):
    two_customers(world)
    assert world.settings.privacy_retention_days == 0
    result = data_rights.apply_retention(world.services, ADMIN, now="2030-01-01T00:00:00Z")
    assert (result["status"], result["conversations"]) == ("off", 0)
    assert world.raw("SELECT COUNT(*) FROM conversations WHERE anonymised_at <> ''") == [(0,)]


def test_redact_details_replaces_only_the_details_of_those_entries(database):
    """AuditRepository.redact_details on every backend (the fake included): the audit branch's append-only log
    replaces this implementation at merge with the same contract."""
    with database() as uow:
        for n in range(3):
            uow.audit.record("agent", "view_conversation", "conversation", str(n), f"about {ZEPHYRINE.email}")
        first, second, third = sorted(e.id for e in uow.audit.entries(10))
    with database() as uow:
        assert uow.audit.redact_details([first, third, 424242]) == 2
    with database() as uow:
        assert uow.audit.redact_details([first]) == 0  # already erased: nothing changes
        entries = sorted(uow.audit.entries(10), key=lambda e: e.id)
    assert [e.detail for e in entries] == ["[erased]", f"about {ZEPHYRINE.email}", "[erased]"]
    assert [(e.actor, e.action, e.entity, e.entity_id) for e in entries] == [
        ("agent", "view_conversation", "conversation", str(n)) for n in range(3)]
    assert entries[1].id == second


def test_staff_text_loses_the_customers_identifiers_as_whole_words_only(world):
    """KB text quoting a customer: their name, e-mail and handle go in any case (accented letters too), words that
    merely contain them stay, and values under five characters are not searched for at all."""
    at = "2026-11-01T09:00:00Z"
    with world.database() as uow:
        ann = uow.customers.add(Customer(0, "Ann Lee", "ann@x.io", "", "standard", 0.0, "2024-01-01", "", "@al"))
        elodie = uow.customers.add(Customer(0, "Élodie Dupré", "", "", "standard", 0.0, "2024-01-01", ""))
        first = uow.articles.add(Article(0, "annual", "Annual plans", "Our annual plan. ANN LEE asked for it "
                                         "(ann@x.io). Ann Leeds is a city. Ask @al.", "orders", "approved", 1, at))
        second = uow.articles.add(Article(0, "retours", "Retours", "élodie dupré a écrit ; Élodie Duprés non.",
                                          "orders", "approved", 1, at, "fr"))
        uow.kb_usage.add_miss("annual plan ann lee", 0.1, "agent")
    data_rights.erase_customer(world.services, ADMIN, ann.id)
    data_rights.erase_customer(world.services, ADMIN, elodie.id)
    with world.database() as uow:
        assert uow.articles.get(first.id).body == ("Our annual plan. [erased] asked for it ([erased]). Ann Leeds is a "
                                                   "city. Ask @al.")
        assert uow.articles.get(first.id).title == "Annual plans"
        assert [v.body for v in uow.articles.versions(first.id)][-1] == uow.articles.get(first.id).body
        assert uow.articles.get(second.id).body == "[erased] a écrit ; Élodie Duprés non."
        assert [m.query for m in uow.kb_usage.misses("2000-01-01T00:00:00Z", "2100-01-01T00:00:00Z")] == [
            "annual plan [erased]"]
