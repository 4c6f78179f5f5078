"""State every app process must agree on, in the SQLite file: the SharedStateRepository of a unit of work.

* ``change_marker``: counters('changes'), bumped by triggers (schema migration 4) inside every transaction that
  writes a table the live panels show; one row read by its primary key, whatever the size of the tables.
* ``kb_index_version``: counters('kb_index'), bumped by triggers when an approved article is added, changed or
  withdrawn, so each process rebuilds its in-memory search index when it moved.
* ``setting`` / ``put_setting``: small JSON rows an admin writes (the simulator's on/off and rate).
* ``beat`` / ``heartbeat``: a process says it is alive (the simulator process).
* ``claim_analysis`` / ``release_analysis``: one process at a time analyses a stored message.
"""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from services.adapters.local.sqlite_conversations import NOT_ANALYSED
from services.adapters.local.sqlite_uow import Transaction
from services.clock import now_iso, parse_iso, to_iso
from services.models import Heartbeat

CLAIM_EXPIRES_S = 120  # a claim older than this was left by a process that died mid-analysis

# Claim a message that has no analysis (or, for a retry, only a "not analysed" row) and no live claim; an expired
# claim is taken over. One statement, under the write lock: two processes never both get 1 row changed.
_CLAIM_SQL = """
INSERT INTO analysis_claims (message_id, owner, claimed_at)
SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM analyses WHERE message_id = ? AND (provider IS NOT ? OR ? = 0))
ON CONFLICT (message_id) DO UPDATE SET owner = excluded.owner, claimed_at = excluded.claimed_at
WHERE analysis_claims.claimed_at < ?
"""


class SqliteSharedState:
    def __init__(self, tx: Transaction) -> None:
        self.tx = tx

    def change_marker(self) -> tuple[Any, ...]:
        return (self._counter("changes"),)

    def kb_index_version(self) -> int:
        return self._counter("kb_index")

    def _counter(self, name: str) -> int:
        return int(self.tx.scalar("SELECT value FROM counters WHERE name = ?", [name]) or 0)

    # ---- settings rows and heartbeats ------------------------------------------------------
    def setting(self, name: str) -> dict[str, Any]:
        value = self.tx.scalar("SELECT value FROM app_settings WHERE name = ?", [name])
        return json.loads(value) if value else {}

    def put_setting(self, name: str, value: dict[str, Any], actor: str) -> None:
        self.tx.write(
            "INSERT INTO app_settings (name, value, updated_at, updated_by) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, "
            "updated_by = excluded.updated_by", [name, json.dumps(value, sort_keys=True), now_iso(), actor])

    def beat(self, name: str, pid: int, detail: dict[str, Any]) -> None:
        self.tx.write(
            "INSERT INTO heartbeats (name, beat_at, pid, detail) VALUES (?, ?, ?, ?) ON CONFLICT (name) "
            "DO UPDATE SET beat_at = excluded.beat_at, pid = excluded.pid, detail = excluded.detail",
            [name, now_iso(), pid, json.dumps(detail, sort_keys=True)])

    def heartbeat(self, name: str) -> Heartbeat | None:
        rows = self.tx.rows("SELECT beat_at, pid, detail FROM heartbeats WHERE name = ?", [name])
        return None if not rows else Heartbeat(name, rows[0][0], rows[0][1], json.loads(rows[0][2]))

    # ---- analysis claims ---------------------------------------------------------------------
    def claim_analysis(self, message_id: int, owner: str, retry: bool = False) -> bool:
        now = now_iso()
        expired = to_iso(parse_iso(now) - timedelta(seconds=CLAIM_EXPIRES_S))
        cursor = self.tx.write(_CLAIM_SQL, [message_id, owner, now, message_id, NOT_ANALYSED, int(retry), expired],
                               missing=f"message {message_id} not found")
        return cursor.rowcount == 1

    def release_analysis(self, message_id: int, owner: str) -> None:
        self.tx.write("DELETE FROM analysis_claims WHERE message_id = ? AND owner = ?", [message_id, owner])
