"""SQLite schema, applied as numbered migrations recorded in schema_version."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from services.audit_chain import GENESIS, chain_rows

# Every write to these tables bumps counters('changes') in the same transaction: what the live panels poll.
CHANGE_COUNTED = ("customers", "orders", "conversations", "messages", "analyses", "suggestions", "escalations",
                  "kb_articles")

Migration = str | Callable[[Any], None]  # SQL, or a step that needs Python (called with the connection)

MIGRATIONS: list[Migration] = [
    # 1: the foundation schema
    """
    CREATE TABLE users (
        id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL,
        role TEXT NOT NULL, password_hash TEXT NOT NULL, created_at TEXT NOT NULL);
    CREATE TABLE customers (
        id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT, phone TEXT, tier TEXT NOT NULL,
        lifetime_value REAL NOT NULL DEFAULT 0, customer_since TEXT, city TEXT, handle TEXT DEFAULT '');
    CREATE TABLE orders (
        id INTEGER PRIMARY KEY, number TEXT NOT NULL UNIQUE, customer_id INTEGER NOT NULL REFERENCES customers(id),
        status TEXT NOT NULL, total REAL NOT NULL, currency TEXT NOT NULL, placed_at TEXT NOT NULL,
        items TEXT NOT NULL DEFAULT '[]', tracking_number TEXT DEFAULT '');
    CREATE INDEX orders_customer ON orders(customer_id);
    CREATE TABLE conversations (
        id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers(id),
        channel TEXT NOT NULL CHECK (channel IN ('chat','email','social','voice')),
        status TEXT NOT NULL, subject TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
        assigned_agent TEXT DEFAULT '', queue TEXT DEFAULT 'general', resolution TEXT DEFAULT '', csat INTEGER);
    CREATE INDEX conversations_status ON conversations(status, assigned_agent);
    CREATE INDEX conversations_customer ON conversations(customer_id);
    CREATE TABLE messages (
        id INTEGER PRIMARY KEY, conversation_id INTEGER NOT NULL REFERENCES conversations(id),
        author_role TEXT NOT NULL, author TEXT NOT NULL DEFAULT '', text TEXT NOT NULL,
        masked_text TEXT NOT NULL, created_at TEXT NOT NULL);
    CREATE INDEX messages_conversation ON messages(conversation_id, id);
    CREATE TABLE analyses (
        message_id INTEGER PRIMARY KEY REFERENCES messages(id), created_at TEXT NOT NULL,
        intent TEXT, sentiment TEXT, escalate INTEGER, provider TEXT, payload TEXT NOT NULL);
    CREATE TABLE suggestions (
        id INTEGER PRIMARY KEY, message_id INTEGER NOT NULL REFERENCES messages(id), rank INTEGER NOT NULL,
        text TEXT NOT NULL, source TEXT NOT NULL, score REAL NOT NULL,
        feedback TEXT CHECK (feedback IN ('accepted','edited','rejected')), final_text TEXT DEFAULT '',
        feedback_at TEXT);
    CREATE INDEX suggestions_message ON suggestions(message_id);
    CREATE TABLE escalations (
        id INTEGER PRIMARY KEY, conversation_id INTEGER NOT NULL REFERENCES conversations(id),
        created_at TEXT NOT NULL, actor TEXT NOT NULL, score REAL NOT NULL, reasons TEXT NOT NULL, note TEXT DEFAULT '');
    CREATE TABLE kb_articles (
        id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE, title TEXT NOT NULL, body TEXT NOT NULL,
        category TEXT NOT NULL, status TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1,
        updated_at TEXT NOT NULL, language TEXT NOT NULL DEFAULT 'en');
    CREATE TABLE kb_article_versions (
        id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL REFERENCES kb_articles(id), version INTEGER NOT NULL,
        title TEXT NOT NULL, body TEXT NOT NULL, status TEXT NOT NULL, changed_by TEXT NOT NULL, changed_at TEXT NOT NULL);
    CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
        entity TEXT NOT NULL, entity_id TEXT NOT NULL, detail TEXT DEFAULT '');
    CREATE INDEX audit_actor ON audit_log(actor, id);
    CREATE TABLE events (
        id INTEGER PRIMARY KEY, at TEXT NOT NULL, kind TEXT NOT NULL, conversation_id INTEGER, payload TEXT DEFAULT '{}');
    """,
    # 2: the order a conversation was opened about, so suggested replies cite that order, not the latest one
    """
    ALTER TABLE conversations ADD COLUMN order_number TEXT NOT NULL DEFAULT '';
    """,
    # 3: the escalation inbox (what a supervisor did with each escalation), server-side sessions shared by every
    # app process, sign-in failures for the lockout, and the key that signs session tokens
    """
    ALTER TABLE escalations ADD COLUMN status TEXT NOT NULL DEFAULT 'open';
    ALTER TABLE escalations ADD COLUMN handled_by TEXT DEFAULT '';
    ALTER TABLE escalations ADD COLUMN handled_at TEXT DEFAULT '';
    ALTER TABLE escalations ADD COLUMN outcome_note TEXT DEFAULT '';
    ALTER TABLE escalations ADD COLUMN masked_note TEXT DEFAULT '';
    CREATE INDEX escalations_open ON escalations(status, conversation_id);
    CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY, username TEXT NOT NULL, created_at TEXT NOT NULL, last_seen_at TEXT NOT NULL,
        expires_at TEXT NOT NULL, revoked_at TEXT DEFAULT '');
    CREATE INDEX sessions_user ON sessions(username);
    CREATE TABLE sign_in_failures (
        scope TEXT NOT NULL, key TEXT NOT NULL, failures INTEGER NOT NULL, last_at TEXT NOT NULL,
        locked_until TEXT DEFAULT '', PRIMARY KEY (scope, key));
    CREATE TABLE app_secrets (name TEXT PRIMARY KEY, value TEXT NOT NULL);
    INSERT INTO app_secrets VALUES ('session_key', lower(hex(randomblob(32))));
    """,
    # 4: shared state every app process agrees on (issue 15): a change counter and a KB index version bumped by
    # triggers inside the writing transaction, the simulator's settings row and a heartbeat of the simulator
    # process, and claims so that one message is analysed once however many processes try
    """
    CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
    INSERT INTO counters VALUES ('changes', abs(random() % 1000000000)), ('kb_index', abs(random() % 1000000000));
    CREATE TABLE app_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL DEFAULT '');
    CREATE TABLE heartbeats (name TEXT PRIMARY KEY, beat_at TEXT NOT NULL, pid INTEGER NOT NULL,
        detail TEXT NOT NULL DEFAULT '{}');
    CREATE TABLE analysis_claims (message_id INTEGER PRIMARY KEY REFERENCES messages(id), owner TEXT NOT NULL,
        claimed_at TEXT NOT NULL);
    """ + "".join(
        f"CREATE TRIGGER {table}_{event.lower()}_counts AFTER {event} ON {table} "
        "BEGIN UPDATE counters SET value = value + 1 WHERE name = 'changes'; END;\n"
        for table in CHANGE_COUNTED for event in ("INSERT", "UPDATE", "DELETE")) + "".join(
        f"CREATE TRIGGER kb_articles_{event.lower()}_indexed AFTER {event} ON kb_articles WHEN {when} "
        "BEGIN UPDATE counters SET value = value + 1 WHERE name = 'kb_index'; END;\n"
        for event, when in (("INSERT", "NEW.status = 'approved'"),
                            ("UPDATE", "OLD.status = 'approved' OR NEW.status = 'approved'"),
                            ("DELETE", "OLD.status = 'approved'"))),
    # 5: a message's suggestions are claimed once (analyses.message_id is already its primary key): two sessions
    # that analysed the same message left two sets of ranks; keep, per rank, the one the agent gave feedback on,
    # else the first
    """
    DELETE FROM suggestions WHERE id NOT IN (
        SELECT COALESCE(MIN(CASE WHEN feedback IS NOT NULL THEN id END), MIN(id)) FROM suggestions
        GROUP BY message_id, rank);
    CREATE UNIQUE INDEX suggestions_message_rank ON suggestions(message_id, rank);
    """,
    # 6: the knowledge-base editor (issue 17): an article's tags (comma-separated), owner and the reviewer's last
    # reason; each version keeps the product area, language, tags, reason and what the save changed. The change
    # counters need nothing new (kb_articles is counted and indexed since migration 4)
    """
    ALTER TABLE kb_articles ADD COLUMN tags TEXT NOT NULL DEFAULT '';
    ALTER TABLE kb_articles ADD COLUMN owner TEXT NOT NULL DEFAULT '';
    ALTER TABLE kb_articles ADD COLUMN note TEXT NOT NULL DEFAULT '';
    ALTER TABLE kb_article_versions ADD COLUMN category TEXT NOT NULL DEFAULT '';
    ALTER TABLE kb_article_versions ADD COLUMN language TEXT NOT NULL DEFAULT '';
    ALTER TABLE kb_article_versions ADD COLUMN tags TEXT NOT NULL DEFAULT '';
    ALTER TABLE kb_article_versions ADD COLUMN note TEXT NOT NULL DEFAULT '';
    ALTER TABLE kb_article_versions ADD COLUMN summary TEXT NOT NULL DEFAULT '';
    UPDATE kb_article_versions SET
        category = COALESCE((SELECT a.category FROM kb_articles a WHERE a.id = kb_article_versions.article_id), ''),
        language = COALESCE((SELECT a.language FROM kb_articles a WHERE a.id = kb_article_versions.article_id), 'en'),
        summary = CASE WHEN version = 1 THEN 'Created' ELSE 'Edited' END;
    CREATE INDEX kb_article_versions_article ON kb_article_versions(article_id, version);
    CREATE INDEX kb_articles_status ON kb_articles(status, id);
    """,
    # 7: the KB search passages kept in the database. Only the PostgreSQL search index (services/adapters/postgres/
    # kb_search.py) fills this table; the SQLite index lives in process (FTS5 in memory), so here the table only
    # keeps both dialects' schemas equal (tsv is PostgreSQL's tsvector column)
    """
    CREATE TABLE kb_passages (
        id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL, position INTEGER NOT NULL, title TEXT NOT NULL,
        body TEXT NOT NULL, digest TEXT NOT NULL, model TEXT NOT NULL, embedding BLOB, title_embedding BLOB,
        tsv TEXT);
    CREATE INDEX kb_passages_article ON kb_passages(article_id);
    INSERT INTO counters VALUES ('kb_passages', abs(random() % 1000000000));
    """,
    # 8: on PostgreSQL the change counter also notifies listening processes (LISTEN/NOTIFY); SQLite's processes
    # poll the counter, so nothing changes here (the number keeps both lists in step)
    "SELECT 1;",
    # 9: a drafted article's provenance (services/kb_drafting.py): the masked sources it was drafted from and the
    # draft as the drafter returned it (JSON), so the editor sees each sentence beside its source
    """
    CREATE TABLE kb_drafts (
        article_id INTEGER PRIMARY KEY REFERENCES kb_articles(id), topic TEXT NOT NULL, provider TEXT NOT NULL,
        created_by TEXT NOT NULL, created_at TEXT NOT NULL, payload TEXT NOT NULL);
    """,
    # 10: the editors' review assignments and knowledge-base usage (issue 17 item 8): views and uses in sent replies
    # (kb_usage), helpful / not-helpful votes, one per voter, article and context, changeable (kb_votes), searches
    # with no good result, the query masked (kb_search_misses)
    """
    ALTER TABLE kb_articles ADD COLUMN assignee TEXT NOT NULL DEFAULT '';
    CREATE TABLE kb_usage (
        id INTEGER PRIMARY KEY, at TEXT NOT NULL, article_id INTEGER NOT NULL REFERENCES kb_articles(id),
        kind TEXT NOT NULL CHECK (kind IN ('view','reply')), actor TEXT NOT NULL, source TEXT NOT NULL DEFAULT '',
        conversation_id INTEGER);
    CREATE INDEX kb_usage_at ON kb_usage(at, article_id);
    CREATE INDEX kb_usage_actor ON kb_usage(article_id, actor, kind, at);
    CREATE TABLE kb_votes (
        id INTEGER PRIMARY KEY, at TEXT NOT NULL, article_id INTEGER NOT NULL REFERENCES kb_articles(id),
        actor TEXT NOT NULL, context TEXT NOT NULL DEFAULT '', helpful INTEGER NOT NULL CHECK (helpful IN (0, 1)),
        UNIQUE (article_id, actor, context));
    CREATE INDEX kb_votes_at ON kb_votes(at);
    CREATE TABLE kb_search_misses (
        id INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, source TEXT NOT NULL DEFAULT '',
        query TEXT NOT NULL, best_score REAL NOT NULL);
    CREATE INDEX kb_search_misses_at ON kb_search_misses(at);
    CREATE INDEX kb_search_misses_actor ON kb_search_misses(actor, query, at);
    """,
    # 11: translation (issue 17): an article translated from another one names it (source_id: None for one written
    # in its own language); an agent reply sent in the customer's language keeps what the agent wrote (original:
    # "" for a reply sent as written), the message text being what the customer read
    """
    ALTER TABLE kb_articles ADD COLUMN source_id INTEGER REFERENCES kb_articles(id);
    ALTER TABLE messages ADD COLUMN original TEXT NOT NULL DEFAULT '';
    """,
    # 12: supervisor analytics (issue 18, docs/metrics.md): per conversation what its KPIs need, kept up to date by
    # the repositories (first reply, resolution, reopening, transfer, escalation, analysis, suggestion feedback) and
    # filled here from what is already stored; indexes that hold every fact by day (the dashboard's scans read them
    # in group order: no sort, no table); a trigger marks a conversation whose reply used a knowledge-base
    # article (kb_usage is written by the KB code, which need not know); an index for the date range
    """
    ALTER TABLE conversations ADD COLUMN first_response_s INTEGER;
    ALTER TABLE conversations ADD COLUMN resolved_at TEXT NOT NULL DEFAULT '';
    ALTER TABLE conversations ADD COLUMN handle_s INTEGER;
    ALTER TABLE conversations ADD COLUMN transfers INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE conversations ADD COLUMN reopens INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE conversations ADD COLUMN escalated INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE conversations ADD COLUMN intent TEXT NOT NULL DEFAULT '';
    ALTER TABLE conversations ADD COLUMN sentiment TEXT NOT NULL DEFAULT '';
    ALTER TABLE conversations ADD COLUMN suggestions_accepted INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE conversations ADD COLUMN suggestions_edited INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE conversations ADD COLUMN suggestions_rejected INTEGER NOT NULL DEFAULT 0;
    UPDATE conversations SET escalated = 1 WHERE status = 'escalated' OR resolution = 'escalated'
        OR id IN (SELECT conversation_id FROM escalations);
    UPDATE conversations SET first_response_s = (
        SELECT CAST(ROUND((julianday(MIN(m.created_at)) - julianday(conversations.created_at)) * 86400) AS INTEGER)
        FROM messages m WHERE m.conversation_id = conversations.id AND m.author_role = 'agent');
    UPDATE conversations SET resolved_at = updated_at,
        handle_s = CAST(ROUND((julianday(updated_at) - julianday(created_at)) * 86400) AS INTEGER)
        WHERE status = 'resolved';
    UPDATE conversations SET
        intent = COALESCE((SELECT a.intent FROM analyses a JOIN messages m ON m.id = a.message_id
                           WHERE m.conversation_id = conversations.id AND a.intent IS NOT NULL ORDER BY m.id LIMIT 1), ''),
        sentiment = COALESCE((SELECT a.sentiment FROM analyses a JOIN messages m ON m.id = a.message_id
                              WHERE m.conversation_id = conversations.id AND a.sentiment IS NOT NULL
                              ORDER BY m.id DESC LIMIT 1), '');
    UPDATE conversations SET
        suggestions_accepted = (
            SELECT COUNT(DISTINCT s.message_id) FROM suggestions s JOIN messages m ON m.id = s.message_id
            WHERE m.conversation_id = conversations.id AND s.feedback = 'accepted'),
        suggestions_edited = (
            SELECT COUNT(DISTINCT s.message_id) FROM suggestions s JOIN messages m ON m.id = s.message_id
            WHERE m.conversation_id = conversations.id AND s.feedback = 'edited' AND NOT EXISTS (
                SELECT 1 FROM suggestions o WHERE o.message_id = s.message_id AND o.feedback = 'accepted')),
        suggestions_rejected = (
            SELECT COUNT(DISTINCT s.message_id) FROM suggestions s JOIN messages m ON m.id = s.message_id
            WHERE m.conversation_id = conversations.id AND s.feedback = 'rejected' AND NOT EXISTS (
                SELECT 1 FROM suggestions o WHERE o.message_id = s.message_id AND o.feedback IN ('accepted', 'edited')))
        WHERE id IN (SELECT m.conversation_id FROM suggestions s JOIN messages m ON m.id = s.message_id
                     WHERE s.feedback IS NOT NULL);
    ALTER TABLE conversations ADD COLUMN kb_used INTEGER NOT NULL DEFAULT 0;
    UPDATE conversations SET kb_used = 1
        WHERE id IN (SELECT conversation_id FROM kb_usage WHERE kind = 'reply');
    CREATE TRIGGER kb_usage_reply_marks_conversation AFTER INSERT ON kb_usage
        WHEN NEW.kind = 'reply' AND NEW.conversation_id IS NOT NULL
        BEGIN UPDATE conversations SET kb_used = 1 WHERE id = NEW.conversation_id AND kb_used = 0; END;
    CREATE INDEX conversations_created ON conversations(created_at);
    CREATE INDEX conversations_day_agent ON conversations(substr(created_at, 1, 10), channel, assigned_agent,
        status, first_response_s, handle_s, reopens, transfers, escalated, csat, kb_used, suggestions_accepted, suggestions_edited, suggestions_rejected,
        customer_id);
    CREATE INDEX conversations_day_intent ON conversations(substr(created_at, 1, 10), intent, sentiment,
        status, first_response_s, handle_s, reopens, transfers, escalated, csat, kb_used, suggestions_accepted, suggestions_edited, suggestions_rejected,
        channel, customer_id);
    CREATE INDEX conversations_channel_hour ON conversations(channel, substr(created_at, 12, 2), substr(created_at, 1, 10));
    CREATE INDEX conversations_queue_day ON conversations(queue, substr(created_at, 1, 10));
    CREATE INDEX kb_usage_conversation ON kb_usage(conversation_id, kind);
    """,
    # 13: the ingestion API (issue 19, services/ingestion.py): API keys per integration (only the SHA-256 of the key
    # is kept; widget: the key's name may be used by the public web chat widget), requests by Idempotency-Key (a retried POST answers the stored response; status 0 while the first is
    # being handled), requests counted per key and minute for the rate limit (and per widget visitor or client address
    # and minute: api_client_windows), and what an integration's ids mean
    # here: its thread ids (one conversation each) and its customer ids
    """
    CREATE TABLE api_keys (
        id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, key_hash TEXT NOT NULL UNIQUE, prefix TEXT NOT NULL,
        rate_per_minute INTEGER NOT NULL, created_at TEXT NOT NULL, created_by TEXT NOT NULL,
        revoked_at TEXT NOT NULL DEFAULT '', widget INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE api_requests (
        key_id INTEGER NOT NULL REFERENCES api_keys(id), idempotency_key TEXT NOT NULL, body_hash TEXT NOT NULL,
        status INTEGER NOT NULL DEFAULT 0, response TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL,
        PRIMARY KEY (key_id, idempotency_key));
    CREATE INDEX api_requests_at ON api_requests(created_at);
    CREATE TABLE api_rate_windows (
        key_id INTEGER NOT NULL REFERENCES api_keys(id), minute TEXT NOT NULL, hits INTEGER NOT NULL,
        PRIMARY KEY (key_id, minute));
    CREATE TABLE api_client_windows (
        scope TEXT NOT NULL, client TEXT NOT NULL, minute TEXT NOT NULL, hits INTEGER NOT NULL,
        PRIMARY KEY (scope, client, minute));
    CREATE TABLE api_threads (
        key_id INTEGER NOT NULL REFERENCES api_keys(id), thread_id TEXT NOT NULL,
        conversation_id INTEGER NOT NULL REFERENCES conversations(id), PRIMARY KEY (key_id, thread_id));
    CREATE INDEX api_threads_conversation ON api_threads(conversation_id);
    CREATE TABLE api_customers (
        key_id INTEGER NOT NULL REFERENCES api_keys(id), external_id TEXT NOT NULL,
        customer_id INTEGER NOT NULL REFERENCES customers(id), PRIMARY KEY (key_id, external_id));
    """,
    # 14: predictions (issue 18 item 2, services/predictors.py): when a customer left (churned_at, "" while they stay:
    # the churn model's label) and the fitted CSAT and churn models as JSON (coefficients and held-out figures), one
    # row per kind, so every replica predicts with the same model
    """
    ALTER TABLE customers ADD COLUMN churned_at TEXT NOT NULL DEFAULT '';
    CREATE TABLE predictor_models (
        kind TEXT PRIMARY KEY, trained_at TEXT NOT NULL, trained_by TEXT NOT NULL, payload TEXT NOT NULL);
    """,
    # 15: the email channel (issue 19 item 3, services/email_inbound.py, services/email_outbox.py): every mail of a
    # conversation's thread by its Message-ID (inbound: the whole text PII-masked and the attachments listed; outbound:
    # our replies, so the customer's answer to one joins the conversation), and the outbox of replies waiting for SMTP
    # (retried with backoff; leased by next_attempt_at so two senders never send one reply twice)
    """
    CREATE TABLE mail_messages (
        id INTEGER PRIMARY KEY, message_id TEXT NOT NULL UNIQUE,
        conversation_id INTEGER NOT NULL REFERENCES conversations(id), direction TEXT NOT NULL,
        chat_message_id INTEGER NOT NULL REFERENCES messages(id), address TEXT NOT NULL, subject TEXT NOT NULL,
        refs TEXT NOT NULL DEFAULT '', full_text TEXT NOT NULL DEFAULT '', attachments TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL);
    CREATE INDEX mail_messages_conversation ON mail_messages(conversation_id, id);
    CREATE TABLE mail_outbox (
        id INTEGER PRIMARY KEY, conversation_id INTEGER NOT NULL REFERENCES conversations(id),
        chat_message_id INTEGER NOT NULL UNIQUE REFERENCES messages(id), sender TEXT NOT NULL, recipient TEXT NOT NULL,
        subject TEXT NOT NULL, body TEXT NOT NULL, message_id TEXT NOT NULL UNIQUE, in_reply_to TEXT NOT NULL,
        refs TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'queued', attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL, last_error TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL,
        sent_at TEXT NOT NULL DEFAULT '');
    CREATE INDEX mail_outbox_due ON mail_outbox(status, next_attempt_at);
    """,
    # 16: unused (set aside for the browser call capture of issue 20, which needed no table)
    "SELECT 1",
    # 17: routing (issues 19.6 and 20.6, services/routing.py): where each new conversation was routed and why, as the
    # agent reads it ("Routed to billing: intent Billing Question 0.83, tier gold"); the waiting count per queue
    # (routing's queue load) reads conversations by status, queue and assignment
    """
    CREATE TABLE conversation_routes (
        conversation_id INTEGER PRIMARY KEY REFERENCES conversations(id), queue TEXT NOT NULL,
        reason TEXT NOT NULL, rule TEXT NOT NULL, routed_at TEXT NOT NULL);
    CREATE INDEX conversations_waiting ON conversations(status, assigned_agent, queue);
    """,
    # 18: the assistant's answers rated by the customer (issue 19 item 5, services/widget.py): one rating per answer,
    # changeable (+1 helpful, -1 not); the assistant's events read per conversation for containment
    # (services/analytics.py assistant_board). Social webhook events are deduplicated by api_requests (migration 13).
    """
    CREATE TABLE assistant_ratings (
        message_id INTEGER PRIMARY KEY REFERENCES messages(id),
        conversation_id INTEGER NOT NULL REFERENCES conversations(id),
        rating INTEGER NOT NULL CHECK (rating IN (-1, 1)), rated_at TEXT NOT NULL);
    CREATE INDEX assistant_ratings_conversation ON assistant_ratings(conversation_id);
    CREATE INDEX events_kind_conversation ON events(kind, conversation_id);
    """,
    # 19: the audit log is append-only and tamper-evident (issue 21 item 3, services/audit_chain.py): each row keeps
    # sha256 of its detail and a hash chained over the row before; the rows stored before are chained here (in
    # Python: SQLite has no sha256), then triggers refuse every UPDATE and DELETE but the redaction of a detail to
    # '[erased]' (a privacy erase); an index serves one entity's trail and the admin's search
    lambda conn: chain_audit_log(conn, AUDIT_APPEND_ONLY),
    # 20: field encryption at rest (issue 21 item 2, services/adapters/local/field_crypto.py): e-mails are looked up
    # by a keyed hash (HMAC-SHA256) kept beside the encrypted address. SQL cannot encrypt: rows stored before this
    # migration stay plaintext (and are read as such) until `python -m services rotate-key` encrypts them
    """
    ALTER TABLE customers ADD COLUMN email_hmac TEXT;
    CREATE INDEX customers_email_hmac ON customers(email_hmac);
    """,
    # 21: data rights (issue 21 item 4, services/data_rights.py): when a customer was erased, and when a conversation's
    # personal data was removed (by an erasure or the retention policy; a conversation changed after that is taken
    # again); the retention policy reads resolved conversations by the day they were resolved
    """
    ALTER TABLE customers ADD COLUMN erased_at TEXT NOT NULL DEFAULT '';
    ALTER TABLE conversations ADD COLUMN anonymised_at TEXT NOT NULL DEFAULT '';
    CREATE INDEX conversations_resolved ON conversations(status, resolved_at);
    """,
    # 22: the social channel's outbox (services/social_outbound.py): agents' replies to a social conversation queued
    # in the reply's transaction, sent to the platform (a DM or a public comment reply) and retried with backoff when
    # it is down; a refusal is failed with its reason. Leased by next_attempt_at so two senders never send one reply
    # twice; the text is encrypted at rest (field_crypto.ENCRYPTED)
    """
    CREATE TABLE social_outbox (
        id INTEGER PRIMARY KEY, conversation_id INTEGER NOT NULL REFERENCES conversations(id),
        chat_message_id INTEGER NOT NULL UNIQUE REFERENCES messages(id), key_id INTEGER NOT NULL REFERENCES api_keys(id),
        platform TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('dm', 'comment')), recipient TEXT NOT NULL,
        body TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at TEXT NOT NULL, last_error TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL, sent_at TEXT NOT NULL DEFAULT '', platform_id TEXT NOT NULL DEFAULT '');
    CREATE INDEX social_outbox_due ON social_outbox(status, next_attempt_at);
    CREATE INDEX social_outbox_conversation ON social_outbox(conversation_id, id);
    """,
    # 23: an agent reply's event kept the e-mail subject it was sent with in the clear events payload (a subject can
    # carry a name or an address, and the outbox already keeps it encrypted): taken out of the rows written before
    """
    UPDATE events SET payload = json_remove(payload, '$.subject')
        WHERE kind = 'agent_reply' AND json_valid(payload) AND json_type(payload, '$.subject') IS NOT NULL;
    """,
]

AUDIT_APPEND_ONLY = """
    CREATE TRIGGER audit_log_refuses_update BEFORE UPDATE ON audit_log
        WHEN NOT (NEW.detail IS '[erased]' AND NEW.id IS OLD.id AND NEW.at IS OLD.at AND NEW.actor IS OLD.actor
                  AND NEW.action IS OLD.action AND NEW.entity IS OLD.entity AND NEW.entity_id IS OLD.entity_id
                  AND NEW.detail_digest IS OLD.detail_digest AND NEW.hash IS OLD.hash)
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: only redacting a detail to [erased] is allowed'); END;
    CREATE TRIGGER audit_log_refuses_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: its rows cannot be deleted'); END;
    CREATE INDEX audit_entity ON audit_log(entity, entity_id, id);
"""
CHAIN_BATCH = 5000


def chain_audit_log(conn: Any, append_only: str) -> None:
    """Migration 19 on either engine (``conn.execute`` with ``?`` on SQLite, psycopg's ``%s`` on PostgreSQL): the
    chain columns, the existing rows chained in id order, then the append-only rules (``append_only``)."""
    mark = "?" if isinstance(conn, sqlite3.Connection) else "%s"
    conn.execute("ALTER TABLE audit_log ADD COLUMN detail_digest TEXT NOT NULL DEFAULT ''")
    conn.execute("ALTER TABLE audit_log ADD COLUMN hash TEXT NOT NULL DEFAULT ''")
    previous, last_id = GENESIS, 0
    while rows := conn.execute("SELECT id, at, actor, action, entity, entity_id, detail FROM audit_log "
                               f"WHERE id > {mark} ORDER BY id LIMIT {CHAIN_BATCH}", [last_id]).fetchall():
        chained = chain_rows(previous, rows)
        conn.cursor().executemany(f"UPDATE audit_log SET detail_digest = {mark}, hash = {mark} WHERE id = {mark}",
                                  chained)
        previous, last_id = chained[-1][1], chained[-1][2]
    if isinstance(conn, sqlite3.Connection):
        for statement in statements(append_only):
            conn.execute(statement)
    else:
        conn.execute(append_only)

TABLES = ("users", "customers", "orders", "conversations", "messages", "analyses", "suggestions",
          "escalations", "kb_articles", "kb_article_versions", "audit_log", "events",
          "sessions", "sign_in_failures", "app_secrets", "kb_drafts")
STATE_TABLES = ("counters", "app_settings", "heartbeats", "analysis_claims", "kb_passages",
                "kb_usage", "kb_votes", "kb_search_misses", "api_keys", "api_requests", "api_rate_windows",
                "api_client_windows", "api_threads", "api_customers", "predictor_models", "mail_messages",
                "mail_outbox", "conversation_routes", "assistant_ratings", "social_outbox")  # not content: no counts, no hash


def statements(script: str) -> list[str]:
    """The script's SQL statements; a trigger's body (BEGIN ... ; END) stays in one piece."""
    found, pending = [], ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                found.append(pending.strip())
            pending = ""
    return found


def current_version(conn: sqlite3.Connection) -> int:
    conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
    row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return row[0] or 0


def migrate(conn: sqlite3.Connection) -> int:
    """Apply every migration newer than the database's version, under one write lock; returns the version.

    The connection must be in autocommit mode (isolation_level=None) so that BEGIN IMMEDIATE is ours.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = current_version(conn)
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            if callable(script):
                script(conn)
            else:
                for statement in statements(script):
                    conn.execute(statement)
            conn.execute("INSERT INTO schema_version VALUES (?)", (number,))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return len(MIGRATIONS)


def drop_all(conn: sqlite3.Connection) -> None:
    statements = "".join(f"DROP TABLE IF EXISTS {t};" for t in reversed(TABLES + STATE_TABLES))
    conn.executescript(f"PRAGMA foreign_keys=OFF; BEGIN IMMEDIATE; {statements} DROP TABLE IF EXISTS schema_version; COMMIT;")
